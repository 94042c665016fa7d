# Importing CRM exports: what is wrong with a whole file, or with one row or
# cell of it. The import report names the row and the column's header.

## The whole file
crm-error-empty-file = The file is empty.
crm-error-binary-file = This is not a text file. Export the records from your CRM as CSV.
crm-error-undecodable = The file's text cannot be read: it is neither UTF-8, UTF-16 nor Windows-1252.
crm-error-mapping-invalid = The mapping file cannot be read: { $detail }
crm-error-mapping-unknown-fields = The mapping names fields that do not exist for this kind of record: { $detail }
crm-error-mapping-date-format = The mapping's date format is not supported: { $detail }. Use DD.MM.YYYY, D.M.YYYY, MM/DD/YYYY, DD/MM/YYYY or YYYY-MM-DD.
crm-error-mapping-required = The generic preset needs a mapping file.
crm-error-kind-unknown = The headers do not tell whether the file holds accounts, contacts or opportunities. Choose the kind, or give a mapping.

## One row or cell
crm-error-bad-number = Not a number.
crm-error-bad-date = Not a date (or a year outside 1900–2999).
crm-error-bad-probability = Not a probability between 0 and 100 %.
crm-error-bad-status = Not a status: use open, won or lost.
crm-error-bad-currency = Not a currency code such as EUR or USD.
crm-error-bad-boolean = Neither yes nor no.
crm-error-bad-trend = Not a trend: use growing, stable or declining.
crm-error-too-many-fields = The row has more cells than the header.
crm-error-missing-name = The row has neither a name nor a CRM id.
crm-error-missing-account = The row names no company.
crm-warning-deal-deleted = The deal is marked deleted in the CRM; it is imported without a status.
