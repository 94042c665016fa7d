# Field errors of the forms, the API, the CLI and imported files: short phrases
# that follow the field's name ("Title: must not be empty").

## Values a field takes
err-cell-status = must be sold, in_progress, opportunity or not_relevant
err-benefit = must be customer, us or both
err-commitment-status = must be open, in_progress, done or missed
err-item-kind = must be analysis, swot, opportunity or risk
err-one-of = must be one of { $allowed }
err-one-of-colon = must be one of: { $allowed }
err-value-discipline = must be operational_excellence, product_leadership or customer_intimacy
err-plan-status = must be draft, active, in_review, approved or archived
err-period = must be month or quarter
err-format-version = must be { $version }
err-password-short = must be at least 8 characters

## The constraint tree
err-goal-parent = a goal is the top of the tree and has no parent
err-needs-parent = a { $kind } needs a parent
err-wrong-parent = a { $kind } must hang under a { $allowed }, not under a { $parent }
err-wrong-parent-two = a { $kind } must hang under a { $allowed } or { $or }, not under a { $parent }

## References
err-swot-id = must be the id of a SWOT entry
err-link-goal = choose the goal this evidence supports
err-link-target = choose what the goal is based on: an analysis item, a so-what, a whitespace cell or a contact
err-existing-item = must name an existing item
err-goal-of-plan = must be the id of a goal of this plan
err-key-taken = "{ $key }" is used by an earlier section

## Plan documents
doc-err-category-takes = a { $kind } item takes { $allowed }
doc-err-goal-field = only goals have a { $field }; this is a { $kind }
doc-err-commitment-field = only commitments have a { $field }; this is a { $kind }
doc-err-format = must be "{ $expected }", not "{ $found }"
doc-err-format-missing = missing: a plan document says "format": "{ $expected }"
doc-err-version-missing = missing or not a number: this keyplan reads version { $version }
doc-err-other = { $detail }

## Commitments
err-same-date = is the date already planned; accept the commitment instead
err-status-before-accept = can only be { $status } once the owner has accepted the commitment

## Records that must exist
err-own-parent-account = an account cannot be its own parent
err-no-account = no such account
err-no-user = no such user
err-reports-to-self = a contact cannot report to themselves
err-no-contact = no such contact
err-contact-same-account = must be a contact of the same account
err-reporting-loop = would make a reporting loop
err-swot-of-plan = must be a SWOT entry of this plan
err-derived-self = an item cannot be derived from itself
err-goal-of-this-plan = must be a goal of this plan
err-bad-index = refers to a part that comes later or does not exist
err-user-inactive = this user can no longer sign in
err-contact-of-account = must be a contact of this plan's account
err-no-node = no such node
err-node-same-plan = must be a node of the same plan
err-review-held = this review has already been held
err-not-org-user = is not a user of this organisation
err-not-account-contact = is not a contact of this account
err-us-or-contact = name either one of us or one customer contact
err-email-taken = is already used by another user
err-item-kind-stays = stays { $kind }: delete the item and add a new one instead
err-link-item = must be an analysis item, SWOT entry, opportunity or risk of this plan
err-link-section = must be a section of this plan with a "so what?"
err-link-cell = must be a whitespace cell of this account
err-link-contact = must be a contact of this account
err-template-retired = "{ $name }" is retired: choose a current template
err-no-template = there is no template "{ $name }"
err-template-exists = a template "{ $key }" exists already

## Plans, sections and templates
err-no-section = this plan's template has no section "{ $key }"
err-section-no-items = the section "{ $section }" holds no items
err-section-holds = the section "{ $section }" holds { $kinds }
err-approve-manager = only a manager can approve a plan
err-approve-withdraw = only a manager can approve a plan or withdraw an approval
err-share-target-kind = must be node, item, section or kpi
err-not-plan-item = is not an item of this plan
err-missing = missing
doc-err-no-template-section = the template "{ $template }" has no section "{ $key }"
templates-file-not-kind = "{ $kind }" is not a section kind; use one of { $detail }
templates-file-unit = must be "words" or "items"
templates-file-budget = must be { "{" }"unit": "words" or "items", "limit": N{ "}" } or null

## Downloads and settings
err-export-format = must be pdf, xlsx, md or json
err-export-layout = must be compact or left out
err-lang = must be en or de

## The JSON API
err-comment-target = must be plan, node or item
err-comment-target-id = must be plan, or node or item with a target_id
err-item-section = name the section (its key) the item goes into
err-direction = must be up or down
err-import-account = name the account the plan goes into (?account_id=ID)
err-version-required = is required: send the version you are editing
err-scalar = must be a string, a number or null
err-id = must be an id
err-node-fixed = cannot be changed; delete the node and add it where it belongs
err-date-required = is required (YYYY-MM-DD)
err-node-kind = must be goal, csf, condition, obstacle or commitment
err-review-fields = is not a field here; allowed: review_date, notes, decisions, add_user_id, add_contact_id
err-snapshot-version = must be a snapshot id or current
err-language = must be en, de, auto or null
err-bool = must be true or false
err-not-a-field = is not a field here; allowed: { $allowed }
err-template-key-fixed = must be "{ $key }", the template in the URL; a key cannot change

# The organisation's settings (issue 13).
settings-err-unknown = is not a setting; the settings are { $keys }
settings-err-whole = must be a whole number from 0 to { $max }
settings-err-between = must be a whole number from { $min } to { $max }
settings-err-fraction = must be a share from 0 to 1 (0.6 is 60 %)
settings-err-amount = must be an amount of 0 or more

# The organisation's limits on active plans (issue 13).
limit-err-per-kam = would give the KAM more than { $allowed } active plans, the organisation's limit (active_plans_per_kam); they already hold: { $plans }. { $how }
limit-err-per-company = would give the company more than { $allowed } active plans, the organisation's limit (master_plans_per_company); active now: { $plans }. { $how }
limit-err-how = Archive one of them, or ask a manager to allow an exception with a reason.
limit-err-manager = Only a manager or an administrator can allow an exception.
settings-err-number = must be a number

## A field named in words, before its error ("Due date: must be a date")
field-name-title = Title
field-name-parent_id = Parent
field-name-owner_id = Owner
field-name-due_date = Due date
field-name-expires_on = Valid until
field-name-status = Status
field-name-kind = Kind
field-name-reason = Reason
field-name-text = Text
field-name-label = Label
field-name-name = Name
field-name-email = E-mail
field-name-comment = Comment
field-name-body = Text
field-name-version = Version
field-name-review_date = Review date
field-name-target = Target
field-name-target_date = Target date
field-name-score = Score
field-name-contact_id = Contact
field-name-goal_id = Goal
field-name-plan_id = Plan
field-name-plan_ids = Plans
field-name-user_id = Person
field-name-proposed_due_date = Proposed due date
field-name-decline_reason = Reason for declining
field-name-next_review_date = Next review
field-name-review_cadence_months = Review every
field-name-period_start = Start of the period
field-name-period_end = End of the period
field-name-done_criterion = Done when
field-name-audience = Audience
field-name-visibility = Visibility
field-name-password = Password
field-name-function = Function
field-name-influence = Influence
field-name-attitude = Attitude
field-name-notes = Notes
field-name-decisions = Decisions
field-name-probability = Probability
field-name-close_date = Close date
field-name-start_date = Start date
field-name-key = Key
field-name-guidance = Guidance
field-name-year = Year
field-name-value = Value
field-name-direction = Direction
field-name-date = Date
field-name-outcome = Outcome
field-name-budget_unit = Budget unit
field-name-budget_limit = Budget limit
field-name-business_unit_id = Business unit
field-name-offering_id = Offering
field-name-account_id = Account
field-name-item_date = Date
field-name-last_contact_date = Last contact
field-name-customer_visible = Visible to the customer
field-name-target_kind = Kind of target
field-name-target_id = Target
field-name-review_id = Review
field-name-metric = Measure
field-name-baseline = Starting value
field-name-unit = Unit
field-name-description = Description
field-name-node_id = Plan entry
field-name-language = Language
field-name-role = Role
field-name-customer_title = Title for the customer
field-name-period = Period
field-name-benefit = For whose benefit
field-name-response = Our response
field-name-how = How
field-name-on = Date
field-name-current_revenue = Current revenue
field-name-potential = Potential
field-name-total_spend = Total spend
field-name-industry = Industry
field-name-region = Region
field-name-crm_id = CRM id
field-name-template = Template
