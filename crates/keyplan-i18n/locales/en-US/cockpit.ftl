# The sales manager's cockpit: one row per KAM, the totals and their trend,
# what needs attention, the exceptions to the limits, and its workbook.

nav-cockpit = Cockpit

cockpit-title = Cockpit
cockpit-intro = Every key account manager's plans against the limit of { $limit } active plans, as of { $date }.
cockpit-export = Download as Excel
cockpit-filters = Filters
cockpit-region = Region
cockpit-industry = Industry
cockpit-team = Team
cockpit-all = All
cockpit-apply = Apply
cockpit-clear = Clear filters
cockpit-totals = Totals
cockpit-compared-with = Compared with the totals kept on { $date }.
cockpit-trend-hint = The trend compares the whole organisation, unfiltered, with its totals of 90 days ago.
cockpit-was = 90 days ago: { $value }
cockpit-no-comparison = no comparison yet

cockpit-fig-kams = Key account managers
cockpit-fig-active_plans = Active plans
cockpit-fig-kams_over_limit = Over the limit
cockpit-fig-overdue_commitments = Overdue commitments
cockpit-fig-unaccepted_commitments = Unaccepted commitments
cockpit-fig-blocked_obstacles = Blocked obstacles
cockpit-fig-overdue_reviews = Overdue reviews
cockpit-fig-stale_reviews = Stale reviews
cockpit-fig-goal_progress = Goal progress

cockpit-kams = Key account managers
cockpit-no-kams = No key account manager matches the filters.
cockpit-col-kam = Key account manager
cockpit-col-plans = Plans
cockpit-col-overdue = Overdue
cockpit-col-unaccepted = Unaccepted
cockpit-col-blocked = Blocked
cockpit-col-reviews = Reviews overdue
cockpit-col-goal = Goal progress
cockpit-held = { $count } of { $limit } active
cockpit-over-limit = Over the limit
cockpit-no-plans = No plans
cockpit-next-review = Next review
cockpit-stale-short = stale:

cockpit-review-ok = Review on time
cockpit-review-stale = Review stale
cockpit-review-overdue = Review overdue
cockpit-review-none = No review yet

cockpit-attention = Needs attention
cockpit-attention-none = Nothing needs attention right now.
cockpit-attention-more = { $count } more in the download.
cockpit-since = Since { $date }
cockpit-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
cockpit-kind-overdue_review = Review overdue
cockpit-kind-blocked_obstacle = Obstacle blocked
cockpit-kind-overdue_commitment = Commitment overdue
cockpit-kind-unaccepted_commitment = Not accepted

cockpit-exceptions = Limit exceptions
cockpit-exceptions-none = No plan was activated over a limit.
cockpit-allowed-by = Allowed by { $name } on { $date }
cockpit-limit-active_plans_per_kam = Active plans per KAM
cockpit-limit-master_plans_per_company = Active plans of the company

cockpit-crumbs = Breadcrumbs
cockpit-everyone = Everyone you see
cockpit-items-none = Nothing here.
cockpit-col-item = Item
cockpit-col-plan = Plan
cockpit-col-account = Account
cockpit-col-owner = Owner
cockpit-col-age = Age
cockpit-what-plans = Plans
cockpit-what-active_plans = Active plans
cockpit-what-overdue_commitments = Overdue commitments
cockpit-what-unaccepted_commitments = Unaccepted commitments
cockpit-what-overdue_reviews = Overdue reviews
cockpit-what-stale_reviews = Stale reviews
cockpit-what-blocked_obstacles = Blocked obstacles
cockpit-date-plans = Next review
cockpit-date-active_plans = Next review
cockpit-date-overdue_commitments = Due
cockpit-date-unaccepted_commitments = Proposed on
cockpit-date-overdue_reviews = Review due
cockpit-date-stale_reviews = Next review
cockpit-date-blocked_obstacles = Blocked since
cockpit-err-kam = Choose a key account manager by their number.
cockpit-err-what = Choose one of plans, active_plans, overdue_commitments, unaccepted_commitments, overdue_reviews, stale_reviews or blocked_obstacles.

xlsx-cockpit-kams = Key account managers
xlsx-cockpit-plans = Plans
xlsx-cockpit-attention = Needs attention
xlsx-cockpit-active = Active plans
xlsx-cockpit-limit = Limit
xlsx-cockpit-status = Status
xlsx-cockpit-score = Coach score
xlsx-cockpit-level = Level
xlsx-cockpit-review = Review
xlsx-cockpit-kind = What
xlsx-cockpit-since = Since
xlsx-cockpit-days = Days

users-team = Team
users-team-of = Team of { $name }
users-team-placeholder = e.g. DACH
