# Plans in the business rhythm (issue 17): the update interval, the manager's
# quality rating, and the budget basis.

## Organisation settings
settings-err-scale = must be an object with min, max and labels: whole steps from { $min } to { $max }, the lowest below the highest, at most 11 steps
settings-err-scale-labels = needs exactly { $count } labels, one per step
settings-err-scale-label = labels must not be empty and may hold at most { $max } characters
org-settings-update-interval = Update interval (days)
org-settings-update-interval-hint = A plan with no update and no review for longer is marked stale; its KAM is reminded 7 days before.
org-settings-scale = Quality scale
org-settings-scale-hint = The scale on which managers rate a plan's quality at a management review.
org-settings-scale-min = Lowest step
org-settings-scale-max = Highest step
org-settings-scale-labels = Labels, one per line from the lowest step up

## The update interval
stored-notif-update-due = Plan { $plan } needs an update or a review by { $date }
mail-topic-plan_update_due = Plan update due
notif-kind-plan_update_due = Update due
review-update-due = Update or review by { $date }
review-unrefreshed = Not updated since { $date }

## Quality ratings
rating-err-score = must be a whole number from { $min } to { $max }
rating-err-score-missing = is required: a step of the quality scale
rating-err-comment = say why: a comment is required
rating-err-comment-long = may hold at most { $max } characters, without control characters
rating-err-review = is not a review of this plan
rating-err-held-management = must be a held management review
rating-err-rated = this review has been rated already
rating-title = Quality ratings
rating-none = No quality rating yet. A manager rates the plan at a held management review.
rating-score = { $score } of { $max }: { $label }
rating-by = { $name }, { $date }
rating-coach = Coach score then: { $score }
rating-form-title = Rate the plan's quality
rating-form-review = Management review
rating-form-score = Quality
rating-form-comment = Comment
rating-form-save = Save rating
rating-saved = Rating saved.

## The budget basis
budget-title = Budget basis
budget-intro = One row per account with an active plan covering the fiscal year: the figures the annual target and budget planning starts from.
budget-year = Fiscal year
budget-show = Show
budget-download-xlsx = Excel workbook
budget-download-csv = CSV
budget-col-account = Account
budget-col-kam = KAM
budget-col-region = Region
budget-col-industry = Industry
budget-col-revenue = Current revenue
budget-col-potential = Potential
budget-col-goals = Money goals
budget-col-goal = Goal
budget-col-baseline = Baseline
budget-col-target = Target
budget-col-date = Target date
budget-col-whitespace = Whitespace potential
budget-col-pipeline = Weighted pipeline
budget-col-rating = Quality rating
budget-col-plan = Plan
budget-col-currency = Currency
budget-col-rating-label = Rating label
budget-total = Total
budget-col-accounts = Accounts
budget-col-group = Group
budget-sheet-accounts = Accounts
budget-sheet-goals = Goals
budget-sheet-kam = By KAM
budget-sheet-region = By region
budget-sheet-industry = By industry
budget-none = No account has an active plan covering { $year }.
budget-unassigned = (none)
budget-err-year = must be a year from 1900 to 2999
nav-budget = Budget basis
