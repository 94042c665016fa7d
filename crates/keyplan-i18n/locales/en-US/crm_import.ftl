# Importing CRM exports into the store: the account and contact fields that
# come from the CRM, the import's own messages, the command line and the page.

## Fields
account-annual-revenue = Customer's annual revenue
account-annual-revenue-field = Customer's annual revenue (their turnover)
contact-crm-id = CRM id
err-crm-id-taken = another record of your organisation already has this CRM id

## Rows the import refuses or warns about
crm-import-error-duplicate-id = The file has this CRM id twice; only the first row counts.
crm-import-error-no-account = No account has this CRM id or name.
crm-import-error-ambiguous-account = Two or more accounts have this name: give the CRM id.
crm-import-error-no-parent = No account has this CRM id or name.
crm-import-error-own-parent = An account cannot be its own parent.
crm-import-error-no-contact = No contact has this CRM id.
crm-import-error-not-yours = You may only import into accounts you own.
crm-import-error-name-required = A new record needs a name.
crm-import-error-too-long = The text is too long.
crm-import-error-bad-email = Not an e-mail address.
crm-import-warning-no-owner = No user of your organisation has this e-mail address or name; the owner is left empty.
crm-import-warning-other-account = The person this contact reports to belongs to another account; the link is left out.
crm-import-error-too-large = The file is larger than { $limit } MB, the most an import takes.
crm-import-error-unknown-kind = Unknown kind "{ $value }": use accounts, contacts or opportunities.
crm-import-error-unknown-preset = Unknown preset "{ $value }": use auto, salesforce, hubspot, dynamics, pipedrive or generic.

## The Import from CRM page
crm-import-link = Import from CRM
crm-import-page-title = Import from CRM
crm-import-page-intro = Bring accounts or contacts in from a CSV export of Salesforce, HubSpot, Dynamics 365 or Pipedrive. Re-importing a later export updates what changed; nothing is deleted.
crm-import-page-upload = Upload an export
crm-import-page-choose-file = Exported file
crm-import-page-upload-hint = CSV or tab-separated text in UTF-8, UTF-16 or Windows-1252. The file is kept for a day, for you only.
crm-import-page-upload-button = Upload and preview
crm-import-page-no-file = Choose a file to upload.
crm-import-page-file = File “{ $name }”
crm-import-page-encoding = Encoding
crm-import-page-delimiter = delimiter
crm-import-page-tab = tab
crm-import-page-preset = Export from
crm-import-page-kind = Records
crm-import-page-kind-accounts = Accounts
crm-import-page-kind-contacts = Contacts
crm-import-page-kind-opportunities = Opportunities
crm-import-page-mapping-intro = Check which field each column fills (“ignore” leaves it out). After changing the kind or preset, refresh the preview.
crm-import-page-preview = The first rows of the file
crm-import-page-field-for = Field for the column { $column }
crm-import-page-skip-invalid = Import the valid rows even when others are invalid
crm-import-page-refresh = Refresh preview
crm-import-page-dry-run = Dry run
crm-import-page-import = Import
crm-import-page-imported = Imported
crm-import-page-refused-title = Nothing was stored: the file has invalid rows
crm-import-page-dry-run-done = Dry run: nothing was stored
crm-import-page-created = Created
crm-import-page-updated = Updated
crm-import-page-unchanged = Unchanged
crm-import-page-skipped = Skipped
crm-import-page-ignored = Ignored lines
crm-import-page-refused = Refused
crm-import-page-errors = Errors
crm-import-page-warnings = Warnings
crm-import-page-rows = Each row's outcome
crm-import-page-row = Row
crm-import-page-name = Name
crm-import-page-outcome = Outcome
crm-import-page-another = Import another file

# The fields a column may be mapped to, as the mapping preview names them.
crm-field-account-crm-id = Account's CRM id
crm-field-account-crm-ids = Account CRM ids (list)
crm-field-account-name = Account name
crm-field-amount = Amount
crm-field-annual-revenue = Customer's annual revenue
crm-field-business-unit = Business unit
crm-field-close-date = Close date
crm-field-crm-id = CRM id
crm-field-currency = Currency
crm-field-current-revenue = Our revenue with them
crm-field-email = E-mail
crm-field-first-name = First name
crm-field-growth-trend = Growth trend
crm-field-ignore = (ignore this column)
crm-field-industry = Industry
crm-field-is-closed = Closed (yes/no)
crm-field-is-won = Won (yes/no)
crm-field-last-name = Last name
crm-field-name = Name
crm-field-next-step = Next step
crm-field-owner-email = Owner's e-mail
crm-field-owner-name = Owner's name
crm-field-parent-crm-id = Parent account's CRM id
crm-field-parent-name = Parent account's name
crm-field-phone = Phone
crm-field-potential = Potential
crm-field-probability = Probability (%)
crm-field-region = Region
crm-field-relationship-owner-email = Relationship owner's e-mail
crm-field-relationship-owner-name = Relationship owner's name
crm-field-reports-to-crm-id = Reports to (CRM id)
crm-field-stage = Stage
crm-field-status = Status
crm-field-title = Job title
crm-field-total-spend = Customer's total spend
