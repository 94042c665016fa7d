# Opportunities of an account (deals as the CRM tracks them) and the pipeline
# coverage of money goals.

## Field errors
err-currency-code = must be a three-letter currency code such as EUR
err-probability = must be a whole number from 0 to 100
err-opp-goal = must be a goal of a plan of this account
err-opp-cell = must be a cell of this account's whitespace matrix
err-opp-crm-id-taken = another opportunity already has this CRM id

## Status
opp-status-open = Open
opp-status-won = Won
opp-status-lost = Lost

## The card on the account page
opp-title = Opportunities
opp-count = { $count ->
    [one] { $count } opportunity
   *[other] { $count } opportunities
}
opp-none = No opportunities yet. Add the deals that pay into the plan's goals, or import them from the CRM.
opp-add = Add opportunity
opp-col-name = Opportunity
opp-col-stage = Stage
opp-col-status = Status
opp-col-amount = Amount
opp-col-probability = Probability
opp-col-close = Close date
opp-col-owner = Owner
opp-col-goal = Goal
opp-overdue = past close date
opp-crm = CRM { $id }

## The form
opp-breadcrumb = Breadcrumb
opp-new-title = New opportunity
opp-at = Opportunity at { $account }
opp-field-name = Name
opp-field-crm-id = CRM id
opp-field-stage = Stage
opp-field-status = Status
opp-field-amount = Amount
opp-field-currency = Currency
opp-field-probability = Probability (%)
opp-field-close-date = Close date
opp-field-owner = Owner
opp-field-next-step = Next step
opp-field-goal = Goal it pays into
opp-field-cell = Whitespace cell
opp-goal-hint = Only goals with a money target count towards pipeline coverage.
opp-create = Add opportunity
opp-save = Save
opp-cancel = Cancel
opp-remove-title = Delete this opportunity
opp-remove-text = “{ $name }” is deleted. Goals it was linked to lose its amount from their pipeline.
opp-remove = Delete “{ $name }”
opp-added = Opportunity “{ $name }” added.
opp-saved = Opportunity “{ $name }” saved.
opp-removed = Opportunity “{ $name }” deleted.

## Pipeline coverage of a money goal
cov-title = Pipeline
cov-covered = { $percent } covered
cov-no-gap = no gap to cover
cov-detail = won { $won } · weighted { $weighted } of { $open } open · gap { $gap }
cov-overdue = { $count ->
    [one] { $count } open opportunity past its close date
   *[other] { $count } open opportunities past their close date
}
cov-other-currency = { $count ->
    [one] { $count } opportunity in another currency, not counted
   *[other] { $count } opportunities in another currency, not counted
}
cov-col-gap = Gap
cov-col-open = Open pipeline
cov-col-weighted = Weighted
cov-col-won = Won
cov-col-coverage = Coverage
