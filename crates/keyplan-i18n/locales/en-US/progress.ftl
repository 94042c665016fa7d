# Dated progress notes on a commitment: on its edit page and in "My commitments".

progress-heading = Progress notes
progress-none = No progress noted yet.
progress-open = Note progress…
progress-field-on = Date
progress-field-text = Note
progress-text-placeholder = What happened? What comes next?
progress-add = Add note
progress-flash-added = Progress noted.
# A refused note: the field in words, then what is wrong with it.
progress-field-problem = { $field }: { $problem }
