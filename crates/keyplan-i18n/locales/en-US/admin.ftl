# Administration (users, offerings, templates, value discipline), the contact
# page, the sharing page and the page shown when a PDF does not fit on one page.

## The plan coach's settings
coach-settings-title = Plan coach
coach-settings-intro = Which rules of the plan coach run for { $org }, and how much each finding weighs. Plan pages, the API and the command line apply these settings.
coach-settings-col-rule = Rule
coach-settings-col-enabled = Runs
coach-settings-col-severity = Severity
coach-settings-default = default: { $severity }
coach-settings-on = on
coach-settings-severity-of = Severity of “{ $rule }”
coach-settings-save = Save settings
coach-settings-saved = The plan coach's settings are saved.

## Users
users-title = Users
users-intro = Who can sign in to { $org }, and what they may do.
users-col-user = User
users-col-role = Role and access
users-col-password = Reset password
users-you = you
users-role-of = Role of { $name }
users-can-sign-in = can sign in
users-new-password = New password
users-new-password-for = New password for { $name }
users-set = Set
users-add-title = Add a user
users-name = Name
users-email = E-mail
users-role = Role
users-initial-password = Initial password
users-password-hint = At least 8 characters. Tell it to them in person.
users-add = Add user
users-help-viewer = reads everything, changes nothing
users-help-member = edits plans and contacts of accounts whose team they are on
users-help-kam = creates accounts, edits their accounts and plans
users-help-manager = edits and approves all plans
users-help-admin = as manager, and manages users
users-added = { $name } can now sign in as { $email }.
users-updated = { $name } updated.
users-password-set = New password set for { $name }; they have been signed out everywhere.
users-err-role = choose a role
users-err-password-short = must be at least 8 characters
users-row-err-role = role: choose a role
users-row-err-password = password: { $message }
users-err-self = You cannot remove your own administrator role or lock yourself out; ask another administrator.

## Offerings
offerings-title = Offerings
offerings-intro = What { $org } sells: the rows of every account’s whitespace matrix, in this order.
offerings-ours = Our offerings
offerings-offered = { $count } offered
offerings-retired-count = { $count } retired
offerings-empty = No offerings yet. Add what you sell — product lines, services, solutions — in the order you want them on the matrix.
offerings-retired = Retired
offerings-unused = Not used on any matrix yet
offerings-used-by = Used by { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
} · { $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
}
offerings-move-up = Move up
offerings-move-down = Move down
offerings-move-up-label = Move { $name } up
offerings-move-down-label = Move { $name } down
offerings-edit = Edit
offerings-edit-label = Edit { $name }
offerings-edit-title = Edit offering
offerings-name = Name
offerings-description = Description
offerings-save = Save offering
offerings-restore = Restore
offerings-retire = Retire
offerings-retire-title = No new cells; existing cells stay visible
offerings-delete = Delete
offerings-delete-label = Delete { $name }
offerings-delete-unused = Delete { $name }? Retiring keeps the history instead.
offerings-delete-used = Delete { $name } and its { $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
} in { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
}? Retiring keeps the history instead.
offerings-add-title = Add an offering
offerings-name-placeholder = e.g. Pressure sensors
offerings-description-placeholder = What it is, in one line
offerings-add = Add offering
offerings-hint = Retire an offering you no longer sell: accounts keep their cells for it, but no new ones can be added. Deleting removes its cells everywhere.
offerings-added = Offering “{ $name }” added.
offerings-saved = Offering “{ $name }” saved.
offerings-retired-flash = “{ $name }” retired: no new cells; existing cells stay visible.
offerings-restored = “{ $name }” is offered again.
offerings-moved = “{ $name }” moved.
offerings-deleted = Offering “{ $name }” deleted with its cells.

## Plan templates
templates-nav = Templates
templates-title = Plan templates
templates-intro = The plan formats { $org } uses. New plans offer the current templates in this order; a plan keeps the template version it was made with.
templates-new = New template
templates-offered = { $count } offered for new plans
templates-retired-count = { $count } retired
templates-current-version = Current version
templates-retired = Retired
templates-sections = { $count ->
    [one] { $count } section
   *[other] { $count } sections
}
templates-pages = { $count ->
    [one] { $pages } page
   *[other] { $pages } pages
}
templates-plans = { $count ->
    [0] no plans yet
    [one] { $count } plan
   *[other] { $count } plans
}
templates-move-up = Move up
templates-move-down = Move down
templates-move-up-label = Move { $name } up
templates-move-down-label = Move { $name } down
templates-edit = Edit
templates-copy = Copy
templates-copy-title = A new template starting from this one
templates-view = View
templates-export = Export
templates-export-title = Download the template file (JSON)
templates-restore = Restore
templates-retire = Retire
templates-retire-title = No longer offered for new plans; plans made from it keep it
templates-import-title = Import a template file
templates-import-file = Template file (JSON)
templates-import-failed = Nothing was imported.
templates-import-hint = Paste an exported file. A new key creates a template; a known key gets a new version when anything changed. The format is described in
templates-import = Import
templates-about-title = How templates work
templates-about-owner = The company owns the format.
templates-about-owner-text = The built-in templates are starting points: copy, rename, cut and reorder them until they fit how { $org } plans.
templates-about-versions = Versions.
templates-about-versions-text = Saving a changed template creates its next version. A plan keeps the version it was made with, so editing a template never changes an existing plan.
templates-about-retire = Retire, don’t delete.
templates-about-retire-text = A retired template is no longer offered for new plans; plans made from it keep it.
templates-only-admins = Only administrators change templates.
templates-err-paste = paste the contents of a template file
templates-imported-new = Imported “{ $name }” as a new template (version 1).
templates-imported-version = Imported “{ $name }” as version { $version }. Plans made earlier keep their version.
templates-import-unchanged = “{ $name }” is unchanged (still version { $version }); nothing was imported.
templates-retired-flash = “{ $name }” retired: it is no longer offered for new plans; plans made from it keep it.
templates-restored = “{ $name }” is offered for new plans again.
templates-moved-up = “{ $name }” moved up.
templates-moved-down = “{ $name }” moved down.

## Sharing: visibility and share links of a plan
sharing-page-title = Sharing · { $title }
sharing-breadcrumb = Breadcrumb
sharing-intro = Decide who sees each item, and share the customer excerpt read-only.
sharing-created = Share link created.
sharing-created-text = Copy it now — keyplan keeps only a fingerprint and cannot show it again.
sharing-new-link = The new share link
sharing-links = Share links
sharing-links-text-before = A link opens the
sharing-customer-excerpt = customer excerpt
sharing-links-text-after = ({ $count ->
    [one] { $count } shareable item
   *[other] { $count } shareable items
}) without signing in, until it expires or you revoke it.
sharing-no-links = No links yet.
sharing-col-link = Link
sharing-col-expires = Expires
sharing-col-opened = Last opened
sharing-created-on = Created { $date }
sharing-created-on-by = Created { $date } by { $name }
sharing-never = never
sharing-state-live = Live
sharing-state-expired = Expired
sharing-state-revoked = Revoked
sharing-revoke = Revoke
sharing-for-whom = For whom
sharing-for-whom-placeholder = e.g. Helix procurement team
sharing-until = Works until
sharing-create = Create share link
sharing-who-sees = Who sees what
sharing-who-sees-before = Team only is the default. Management sees items marked for management or the customer. Items marked
sharing-internal = internal
sharing-who-sees-after = never reach the customer, whatever you choose.
sharing-col-item = Item
sharing-col-visible = Visible to
sharing-internal-title = Never shown to the customer
sharing-visibility-of = Visibility of { $item }
sharing-no-items = The plan has no items yet.
sharing-save = Save visibility
sharing-vis-team = Team only
sharing-vis-management = Team and management
sharing-vis-customer = Shareable with the customer
sharing-text-of = Text of “{ $section }”
sharing-kpi = KPI
sharing-saved = { $count ->
    [one] Saved 1 change.
   *[other] Saved { $count } changes.
}
sharing-revoked = Revoked “{ $label }”: it no longer opens.

## A PDF that does not fit on one page
pdf-too-big-title = Does not fit on one page
pdf-too-big-text = The plan does not fit on one page, even in the smallest readable text size ({ $count } pages). Shorten or remove some entries, or download the compact version, which may run over several pages.
pdf-download-compact = Download the compact PDF
pdf-back = Back to the plan

## Value discipline (the organisation's settings)
org-title = Value discipline
org-intro = Where { $org } chooses to excel. Set once for the company; every plan's value proposition shows it and says how the plan applies it.
org-ours = Our value discipline
org-undecided = Not decided yet
org-statement = How we live it
org-statement-hint = One or two sentences every plan can build on.
org-save = Save value discipline
org-saved = Value discipline saved. Every plan's value proposition shows it.
org-discipline-operational_excellence = Operational excellence
org-discipline-product_leadership = Product leadership
org-discipline-customer_intimacy = Customer intimacy
org-meaning-operational_excellence = We win on reliability, ease and total cost: the plan should make buying from us simpler and cheaper for the customer.
org-meaning-product_leadership = We win with the best and newest offering: the plan should put our innovations into the customer's most important projects first.
org-meaning-customer_intimacy = We win by knowing the customer better than anyone: the plan should tailor solutions to their processes and deepen relationships.

## A contact at the customer
contact-breadcrumb = Breadcrumb
contact-at = Contact at { $account }
contact-name = Name
contact-title = Title
contact-business-unit = Business unit
contact-reports-to = Reports to
contact-role = Buying-centre role
contact-influence = Influence (1–5)
contact-attitude = Attitude towards us
contact-owner = Who calls on them
contact-objective = Contact objective
contact-last-contact = Last contact
contact-email = E-mail
contact-phone = Phone
contact-save = Save contact
contact-cancel = Cancel
contact-remove-title = Remove this contact
contact-remove-text = Commitments that involve { $name } keep their content but lose the link.
contact-remove = Remove { $name }

## The template editor
templates-breadcrumb = Breadcrumb
templates-version = Version { $version }
templates-made-from = { $count ->
    [0] no plans made from it yet
    [one] { $count } plan made from it
   *[other] { $count } plans made from it
}
templates-new-intro = A new template: version 1 is written when you create it.
templates-export-json = Export JSON
templates-read-only = You can read this template; only administrators change templates.
templates-not-saved = { $count ->
    [one] Nothing was saved: one thing to fix.
   *[other] Nothing was saved: { $count } things to fix.
}
templates-changes-kept = Your changes are kept below.
templates-template = Template
templates-name = Name
templates-key = Key
templates-key-placeholder = made from the name
templates-key-hint = How files, the API and the command line name it. It cannot change later.
templates-length = Length of the whole plan
templates-pages-unit = pages
templates-length-hint = Plans over budget are flagged. Short plans get read.
templates-description = Description
templates-description-placeholder = When to use this template, in a sentence or two
templates-sections-title = Sections
templates-sections-hint = In plan order. ↑ and ↓ reorder without saving; ticked rows are dropped when you save.
templates-new-section = New section
templates-section-title = Title
templates-new-section-placeholder = Add a section: give it a title
templates-kind = Kind
templates-move-new-up = Move the new section up
templates-move-new-down = Move the new section down
templates-move-section-up = Move “{ $title }” up
templates-move-section-down = Move “{ $title }” down
templates-guidance = Guidance for the writer
templates-guidance-placeholder = What belongs here, what good looks like, what to leave out
templates-budget = Length budget
templates-budget-none = none
templates-budget-of = Length budget of section { $n }
templates-budget-unit = Unit of the length budget
templates-unit-words = words
templates-unit-items = items
templates-not-saved-yet = Not saved yet
templates-savebar = Plans keep the version they were created with; saving creates version { $version }.
templates-savebar-new = Creating the template writes version 1
templates-savebar-new-rest = and offers it for new plans.
templates-add-row = Add a row
templates-discard = Discard changes
templates-cancel = Cancel
templates-save-version = Save version { $version }
templates-create = Create template
templates-history = Version history
templates-versioning = Plans keep the version they were created with; saving creates version { $version }. Editing never changes an existing plan.
templates-current = current
templates-kinds = Section kinds
templates-kinds-hint = Budgets count words for text and items for lists. A section over its budget is flagged on the plan.
templates-kind-help-free_text = Free text the team writes, closed by a “so what?” conclusion.
templates-kind-help-analysis = A list of analysis items (customer, market, competitor, own position) with source and date, closed by a “so what?”.
templates-kind-help-swot = Strengths, weaknesses, opportunities and threats as items, closed by a “so what?”.
templates-kind-help-stakeholder_map = The buying-centre map drawn from the account's contacts, with a note and a “so what?”.
templates-kind-help-whitespace = The whitespace matrix (our offerings × their business units), with a note and a “so what?”.
templates-kind-help-goals = Measurable goals (metric, baseline, target, date), each linked to the analysis that justifies it.
templates-kind-help-constraint_tree = Goal → success factors → conditions → obstacles → commitments, with status rolled up the tree.
templates-kind-help-action_plan = Commitments with owner, due date and a measurable done-criterion; each owner accepts their part.
templates-kind-help-kpi_scorecard = KPIs with unit, baseline and target, tracked over the plan's period.
templates-kind-help-value_proposition = The plan's value proposition as text, tied to the company's value discipline.
templates-kind-help-risks = Opportunities and risks, each derived from a SWOT entry where it can be, closed by a “so what?”.
templates-new-heading = New template
templates-copy-of = Copy of { $name }
templates-author-builtin = keyplan (built-in or command line)
templates-problem-row = Section { $n }, { $field }: { $message }
templates-problem = { $field }: { $message }
templates-err-title = give the section a title, or tick “Remove” to drop it
templates-created = Template “{ $name }” created as version 1. It is now offered for new plans.
templates-saved-version = Saved as version { $version }. Plans made earlier keep the version they were made with.
templates-unchanged = Nothing changed; still version { $version }.
templates-moved-section-up = Section moved up
templates-moved-section-down = Section moved down
templates-row-added = Row added
templates-nothing-moved = Nothing moved
templates-keep-order = Save to keep the new order as the next version
templates-keep-new = Create the template to keep it
templates-rearranged = { $what } — not saved yet. { $save }.
templates-conflict-version = version
templates-conflict-stored = version { $version }
templates-conflict-stored-by = version { $version } by { $name }
templates-conflict-yours = your edit of version { $version }
templates-conflict-name = name
templates-conflict-description = description
templates-conflict-pages = page budget
templates-conflict-sections = sections

## Problems with a new share link
sharing-err-past = must be today or later
sharing-err-year = must be within a year

## Problems in the template editor
templates-err-pages-range = must be a number of pages between 0.5 and 50
templates-err-pages = must be a number of pages, such as 1 or 3.5
templates-err-no-section = a template needs at least one section
templates-err-too-many = at most 40 sections
templates-err-budget-range = must be between 1 and 20000
templates-err-key = use 1 to 60 lower-case letters, digits, '-' or '_'
templates-err-kind = choose one of the section kinds
templates-err-unit = must be words or items
templates-err-whole = must be a whole number

## Problems with an imported template file
templates-file-required = is required
templates-file-string = must be a string
templates-file-version-required = is required (1)
templates-file-version-number = must be a whole number (1)
templates-file-pages-required = is required: the plan's length in pages
templates-file-pages-number = must be a number of pages
templates-file-sections-required = is required: the list of sections
templates-file-sections-list = must be a list of sections
templates-file-section-object = must be an object with key, title, kind, guidance and budget
templates-file-object = A template file is one JSON object with "format": "keyplan-template".
templates-file-json = The template file is not valid JSON: { $detail }.
templates-file-unknown-field = is not a field here; the fields are { $detail }
templates-file-kind-required = is required; one of { $detail }
templates-file-unreadable = cannot be read: { $detail }
templates-file-must-be = must be "{ $detail }"
templates-err-last-offered = “{ $name }” is the only template offered for new plans; add or restore another template before retiring it.

# The organisation's settings (issue 13).
org-settings-title = Plan limits and portfolio
org-settings-intro = Plans pay off for the few accounts with the most growth potential. Activating a plan over a limit needs a manager's reason.
org-settings-per-kam = Active plans per KAM
org-settings-per-kam-hint = Seed advice: the top 3 per KAM.
org-settings-per-company = Active plans in the company
org-settings-per-company-hint = Seed advice: 10 to 15 master plans per company.
org-settings-share = Share-of-wallet threshold (%)
org-settings-share-hint = From this share on, an account is no plan candidate.
org-settings-share-line = Portfolio line: share of wallet (%)
org-settings-growth-line = Portfolio line: growth potential (amount)
org-settings-max-nodes = Nodes per plan at most
org-settings-max-items = Items per plan at most
org-settings-max-contacts = Contacts per account at most
org-settings-max-text = Characters per text field at most
org-settings-max-text-hint = From 100 to 20,000; a field with a smaller built-in limit keeps it.
org-settings-committee-plans = Plans per committee session
org-settings-committee-plans-hint = The plans of greatest potential a new management committee session takes, 1 to 50.
org-settings-token-days = New API tokens work for
org-settings-token-days-n = { $days } days
org-settings-token-never = no expiry
org-settings-median-hint = Leave empty for the organisation's median.
org-settings-save = Save settings
org-settings-saved = Settings saved.
sharing-preview = What the customer will see
sharing-customer-title = The customer reads this plan as
sharing-customer-title-change = change
sharing-figures-withheld = These goals are for our benefit: the customer sees them without their figures (metric, baseline, target).
