# The accounts list and the account page.

## The accounts list
accounts-title = Accounts
accounts-intro = { $count } accounts · plans belong to the few with the most growth potential.
accounts-search-placeholder = Search name, industry, region, CRM id
accounts-search-label = Search accounts
accounts-search = Search
accounts-new = New account
accounts-owner-me = — me, if I am a KAM —
accounts-create = Create account
accounts-empty-title = No accounts yet
accounts-empty-text = Add the customers whose growth potential deserves a plan.
accounts-no-match = Nothing matches “{ $q }”
accounts-show-all = Show all accounts
accounts-col-account = Account
accounts-col-kam = KAM
accounts-col-plan = Plan
accounts-open-plan = Open plan
accounts-stale-title = A plan of this account is overdue for review, or has gone longer than the update interval without an update or a review
accounts-review-overdue = Review overdue
accounts-created = Account “{ $name }” created.
accounts-deleted = Account “{ $name }” deleted.

## Fields of an account
account-name = Name
account-industry = Industry
account-region = Region
account-revenue-year = Our revenue / year
account-total-spend-field = Their total spend in our categories
account-potential-field = Estimated potential
account-growth-trend = Growth trend
account-kam-field = Key account manager
account-parent = Parent account
account-crm-id = CRM id

## Key figures
account-revenue = Our revenue
account-total-spend = Their spend in our categories
account-share = Share of wallet
account-potential = Potential
account-growth = Growth potential
account-trend = Trend

## The account page
account-breadcrumb = Breadcrumb
account-kam = KAM { $name }
account-crm = CRM { $id }
account-edit = Edit account
account-save = Save account
account-saved = Account saved.
account-plans = Plans
account-whitespace-title = Our offerings × their business units
account-whitespace = Whitespace matrix
account-no-plan = No plan yet. A one-page plan takes the team one day: goal, success factors, conditions, obstacles, commitments.
account-plan-accepted = { $accepted } of { $total } commitments accepted
account-plan-done = { $count } done
account-new-plan = New plan
account-template = Template
account-template-sections = { $count } sections
account-template-pages = { $count ->
    [one] { $pages } page
   *[other] { $pages } pages
}
account-no-template = No template is offered for new plans. An administrator can restore or add one under Templates.
account-plan-title = Title
account-period-start = Period starts
account-period-start-hint = Empty: today
account-period-end = Period ends
account-period-end-hint = Empty: 12 months later
account-create-plan = Create plan
account-default-plan-title = { $name } account plan { $year }
account-team = Account team
account-remove-member = Remove { $name } from the team
account-add-to-team = Add to team
account-colleague = Colleague
account-function = Function
account-function-placeholder = Service, Product, Management sponsor…
account-team-updated = Team updated.
account-team-removed = Removed from the team.
account-map = Buying-centre map
account-map-toggle = Show who calls on whom
account-map-ok = Every contact has a relationship owner and every decision maker is mapped.
account-map-scroll = Buying-centre map (scrollable)
account-map-without-owner = { $count ->
    [one] { $count } contact without a relationship owner: { $names }
   *[other] { $count } contacts without a relationship owner: { $names }
}
account-map-no-decision-maker = No decision maker identified yet
account-map-unmapped = Decision makers not yet mapped: { $names }
account-map-more = { $names } and { $count } more
account-buying-centre = Buying centre
account-contacts-count = { $count } contacts
account-no-contacts = No contacts yet. Who decides, who pays, who specifies, who can block us — and who on our side calls on them?
account-col-contact = Contact
account-col-role = Buying-centre role
account-col-influence = Influence
account-col-attitude = Attitude
account-col-reports-to = Reports to
account-col-owner = Who calls on them
account-objective = Objective: { $text }
account-influence-of = Influence { $n } of 5
account-nobody = Nobody yet
account-add-contact = Add contact
account-contact-title = Title
account-business-unit = Business unit
account-influence-field = Influence (1–5)
account-attitude-field = Attitude towards us
account-contact-objective = Contact objective
account-contact-objective-placeholder = What we want this person to think or do
account-last-contact = Last contact
account-email = E-mail
account-delete = Delete this account
account-delete-text = This deletes { $name } with its contacts, team and plans. It cannot be undone.
account-delete-button = Delete { $name }
account-contact-added = { $name } added.
account-contact-saved = { $name } saved.
account-contact-removed = { $name } removed.
account-plan-deleted = Plan “{ $title }” deleted.

## Importing a plan document
account-import-plan = Import a plan
account-import-document = Plan document (JSON)
account-import-hint = Paste a plan document exported from keyplan (JSON, see /api/v1/schema/plan.json). Owners are found by e-mail, contacts by name; missing contacts are added to this account.
account-import-submit = Import as a new plan
account-import-empty = paste a plan document first
account-imported = Imported “{ $title }” as a new plan.
account-imported-contacts = { $count ->
    [one] One contact was added to the account.
   *[other] { $count } contacts were added to the account.
  }

# The coach's mark of a plan in lists (issue 12).
accounts-col-coach = Coach
coach-mark-level = Level { $level }
coach-mark-title = Coach score { $score } of 100 · level { $level } of 5: { $meaning }
coach-mark-none = Not assessed yet
