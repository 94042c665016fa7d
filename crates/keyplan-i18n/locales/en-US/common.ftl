# Texts shared by every page: the top bar, the language menu, error pages,
# sign-in, labels of enumerations and validation messages.
# Ids are kebab-case and start with their area; see src/i18n.rs.

## Top bar and navigation
nav-main-label = Main
nav-accounts = Accounts
nav-mine = My commitments
nav-offerings = Offerings
nav-users = Users
nav-templates = Templates
nav-value-discipline = Value discipline
nav-coach = Plan coach
nav-notifications = Notifications
nav-unread = { $count } unread
nav-sign-out = Sign out

## Language menu
lang-menu = Language
lang-auto = Automatic (browser)
lang-en = English
lang-de = Deutsch
lang-save = Save
lang-saved-auto = The language now follows your browser.
lang-saved = Language set to English.
lang-invalid = must be auto, en or de

## Shared words
common-save = Save
common-add = Add
common-remove = Remove
common-open = Open
common-choose = Choose…

## Sign in
login-title = Sign in
login-tagline = The few plans that matter, kept alive.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-missing = Enter your e-mail address and your password.
login-rate-limited = Too many failed sign-in attempts. Wait { $minutes } minutes and try again, or ask an administrator to reset your password.
login-busy = Too many sign-ins at this moment. Try again in a second.
login-mismatch = That e-mail address and password do not match.
login-demo-title = Demo sign-ins
login-demo-password = Every demo sign-in uses the password { $password }.
login-demo-kam = key account manager
login-demo-member = team member with commitments to accept
login-demo-manager = sales manager
login-demo-admin = administrator

## Error pages
error-back = Back to accounts
error-title-not-found = Not found
error-title-forbidden = Not allowed
error-title-conflict = Changed by someone else
error-title-input = Please check your input
error-title-too-many = Too many attempts
error-title-internal = Something went wrong
error-not-found = Not found.
error-forbidden = You do not have permission to do this.
error-csrf = This form has expired or did not come from keyplan. Go back, reload the page and try again.
error-form-too-large = The form is too large.
error-no-version = The form is missing its version; reload the page and try again.
error-conflict = This record was changed by someone else (it is now at version { $version }). Nothing was stored; reload it and apply your change again.
error-internal = Something went wrong on our side. It has been logged; please try again.

## Forms: an edit based on an old version
form-conflict-title = Someone else changed this while you were editing.
form-conflict-text = Nothing was saved. Here is what is stored now and what you typed; your values are kept in the form — save again to apply them.
form-conflict-field = Field
form-conflict-stored = Stored now
form-conflict-yours = You typed

## Validation messages (more in fields.ftl)
err-required = must not be empty
err-too-long = must be at most { $max } characters
err-negative = must not be negative
err-number = must be a number
err-control = must not contain control characters
err-invisible = must show something: it has only invisible characters
err-date-range = must lie in the years { $min }–{ $max }
err-limit-nodes = a plan holds at most { $max } goals, factors, conditions, obstacles and commitments (the organisation's limit)
err-limit-items = a plan holds at most { $max } analysis items, SWOT entries, opportunities and risks (the organisation's limit)
err-limit-contacts = an account holds at most { $max } contacts (the organisation's limit)
err-date = must be a date written YYYY-MM-DD
err-progress-future = must not be after today: a note tells what has happened
err-email = must be an e-mail address like name@example.com
err-one-to-five = must be a whole number from 1 to 5
err-period-end = must be after the start of the period
err-before-start = must not be before the start date
err-spend-below-revenue = must be at least our current revenue (it includes what they buy from us)
err-user = must be the id of a user
err-contact = must be the id of a contact
err-record = must be the id of an existing record
err-trend = must be growing, stable or declining
err-owner = every commitment needs an owner
err-colleague = choose a colleague
err-template = choose a template

## Roles of users
role-admin = Administrator
role-manager = Manager
role-kam = Key account manager
role-member = Team member
role-viewer = Viewer

## Plan status
plan-status-draft = Draft
plan-status-active = Active
plan-status-in_review = In review
plan-status-approved = Approved
plan-status-archived = Archived

## The constraint tree
node-kind-goal = Account sales goal
node-kind-csf = Critical success factor
node-kind-condition = Necessary condition
node-kind-obstacle = Obstacle
node-kind-commitment = Commitment
status-open = Open
status-in_progress = In progress
status-done = Done
status-missed = Missed
acceptance-proposed = Awaiting acceptance
acceptance-accepted = Accepted
acceptance-declined = Declined
acceptance-date_proposed = New date proposed
health-resolved = Resolved
health-on_track = On track
health-at_risk = At risk
health-off_track = Off track
health-open = Not yet addressed

## Accounts and contacts
trend-growing = Growing
trend-stable = Stable
trend-declining = Declining
buying-role-decision_maker = Decision maker
buying-role-economic_buyer = Economic buyer
buying-role-user = User
buying-role-technical = Technical / specifier
buying-role-influencer = Influencer
buying-role-gatekeeper = Gatekeeper
buying-role-coach = Coach / champion
attitude-supporter = Supporter
attitude-neutral = Neutral
attitude-sceptic = Sceptic
attitude-opponent = Opponent

## Plan content items
item-kind-analysis = Analysis item
item-kind-swot = SWOT entry
item-kind-opportunity = Opportunity
item-kind-risk = Risk
item-category-customer = Customer
item-category-market = Market
item-category-competitor = Competitor
item-category-own_position = Own position
item-category-strength = Strengths
item-category-weakness = Weaknesses
item-category-opportunity = Opportunities
item-category-threat = Threats

## Refused answers to commitments
err-not-owner = only the owner of this commitment can answer it
err-not-author = only the author of this commitment can answer the proposed date
err-no-owner = this commitment has no owner yet
err-wrong-state = this commitment is { $state }; that answer does not apply

# Errors of the JSON API and of requests no form sends (by code, see keyplan-app's error.rs).
error-unauthorized = Sign in first (session cookie or Authorization: Bearer TOKEN).
error-csrf-header = Missing or wrong { $header } header (needed when the API is called with the session cookie).
api-err-content-type = Send a JSON body with Content-Type: application/json.
api-err-body-unreadable = The body could not be read.
api-err-body-json = The body is not valid JSON: { $detail }.
api-err-body-object = The body must be a JSON object.
api-err-query = Invalid query string: { $detail }
err-owner-reports-only = As the owner you can report status and notes; ask the plan's editors to change what was promised.
common-err-unknown-action = Unknown action.
discussion-err-unknown-target = Unknown comment target.
