# Datierte Fortschrittsnotizen zu einer Zusage: auf ihrer Bearbeitungsseite und unter „Meine Zusagen“.

progress-heading = Fortschrittsnotizen
progress-none = Noch kein Fortschritt notiert.
progress-open = Fortschritt notieren …
progress-field-on = Datum
progress-field-text = Notiz
progress-text-placeholder = Was ist geschehen? Was kommt als Nächstes?
progress-add = Notiz hinzufügen
progress-flash-added = Fortschritt notiert.
# Eine abgelehnte Notiz: das Feld in Worten, dann was daran nicht stimmt.
progress-field-problem = { $field }: { $problem }
