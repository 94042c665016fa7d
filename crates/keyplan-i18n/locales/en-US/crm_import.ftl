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
crm-import-error-kind-unavailable = Importing opportunities is not available yet.
crm-import-error-too-large = The file is larger than { $limit } MB, the most an import takes.
crm-import-error-unknown-kind = Unknown kind "{ $value }": use accounts, contacts or opportunities.
crm-import-error-unknown-preset = Unknown preset "{ $value }": use auto, salesforce, hubspot, dynamics, pipedrive or generic.
