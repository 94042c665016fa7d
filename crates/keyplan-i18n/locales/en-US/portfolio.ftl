## The account portfolio: page, picture, table and downloads
nav-portfolio = Portfolio
portfolio-title = Account portfolio
portfolio-intro = { $placed ->
    [one] One account placed by share of wallet and growth potential.
   *[other] { $placed } accounts placed by share of wallet and growth potential.
}
portfolio-svg-title = Account portfolio: { $count ->
    [one] one account
   *[other] { $count } accounts
} by share of wallet and growth potential
portfolio-axis-share = Share of wallet (current revenue ÷ total spend)
portfolio-axis-growth = Growth potential (potential − current revenue)
portfolio-share-line = Share line { $value }
portfolio-growth-line = Growth line { $value }
portfolio-empty = No account has revenue, spend and potential yet.
portfolio-legend-reading = Bubble area: current revenue · number in the bubble: the coach's level of the plan · dashed lines: the quadrant lines
portfolio-quadrant-develop = Develop
portfolio-quadrant-maintain = Maintain
portfolio-quadrant-harvest = Harvest
portfolio-quadrant-selective = Selective
portfolio-policy-develop = plan here
portfolio-policy-maintain = defend and grow with the customer
portfolio-policy-harvest = serve efficiently
portfolio-policy-selective = invest only selectively
portfolio-state-no_plan = No plan
portfolio-state-draft = Draft
portfolio-state-active = Active plan
portfolio-state-overdue_review = Review overdue
portfolio-tip-kam = KAM: { $name }
portfolio-tip-share = share of wallet { $value }
portfolio-tip-growth = growth potential { $value }
portfolio-tip-revenue = revenue { $value }
portfolio-tip-coach = coach level { $level } ({ $score })
portfolio-candidate = Plan candidate
portfolio-reconsider = Reconsider the plan
portfolio-reason-share_at_threshold = share of wallet already at the threshold
portfolio-reason-little_growth = little growth potential
portfolio-lines-median = The lines stand at the organisation's medians: share { $share }, growth potential { $growth }.
portfolio-lines-setting = The lines stand where the organisation set them: share { $share }, growth potential { $growth }.
portfolio-lines-mixed = Share line { $share }, growth line { $growth }: one set by the organisation, the other at its median.
portfolio-filters = Filters
portfolio-filter-kam = KAM
portfolio-filter-region = Region
portfolio-filter-industry = Industry
portfolio-filter-state = Plan state
portfolio-filter-all = All
portfolio-filter-apply = Show
portfolio-filter-reset = Reset filters
portfolio-downloads = Download
portfolio-download-svg = Picture (SVG)
portfolio-download-pdf = Picture (PDF)
portfolio-download-xlsx = Table (XLSX)
portfolio-quadrants = Quadrants and what to do there
portfolio-candidates-title = Plan candidates
portfolio-candidates-text = The accounts with the most growth potential that have no active plan and a share of wallet below { $threshold } (at most { $count }).
portfolio-candidates-none = No account shown is a plan candidate.
portfolio-reconsider-title = Plans to reconsider
portfolio-reconsider-text = Active plans on accounts whose share of wallet is already at { $threshold } or above, or whose growth potential is below the line.
portfolio-reconsider-none = No plan shown needs reconsidering.
portfolio-missing-title = Accounts lacking figures
portfolio-missing-text = Not in the picture until their figures are entered.
portfolio-missing-lacks = lacks { $what }
portfolio-missing-revenue = current revenue
portfolio-missing-spend = total spend
portfolio-missing-potential = potential
portfolio-missing-edit = Enter figures
portfolio-table-title = Accounts in the picture
portfolio-no-match = No account matches these filters.
portfolio-sort-by = Sort by { $column }
portfolio-col-account = Account
portfolio-col-name = Account
portfolio-col-kam = KAM
portfolio-col-region = Region
portfolio-col-industry = Industry
portfolio-col-revenue = Revenue
portfolio-col-spend = Total spend
portfolio-col-potential = Potential
portfolio-col-share = Share
portfolio-col-growth = Growth potential
portfolio-col-quadrant = Quadrant
portfolio-col-state = Plan state
portfolio-col-coach = Coach
portfolio-col-score = Coach score
portfolio-col-marks = Marks
portfolio-col-missing = Lacking
portfolio-open-plan = Open plan
portfolio-yes = yes
portfolio-sheet = Portfolio
portfolio-sheet-missing = Lacking figures
portfolio-pdf-caption = Bubble area: current revenue. Colour: plan state. Number: the coach's level of the plan.
portfolio-pdf-filters = Filters: { $filters }
portfolio-pdf-as-of = As of { $date }
portfolio-err-kam = must be a user's id
portfolio-err-state = must be no_plan, draft, active or overdue_review
portfolio-err-sort = must be name, revenue, share, growth, potential, quadrant, state or kam
portfolio-err-share-range = must be a share of wallet from 0 to 1
portfolio-err-growth-range = must be an amount of money of 0 or more
portfolio-legend-group = Group of accounts (open to list them)
portfolio-group-tip = { $count ->
    [one] One more account
   *[other] { $count } more accounts
} here: share of wallet { $share }, growth potential { $growth }
portfolio-group-note = Drawn one by one: { $drawn } accounts (marked, with a plan, then the largest); { $grouped } more in groups by area.
portfolio-area = Showing the accounts of one area of the picture: share of wallet { $share }, growth potential { $growth }.
portfolio-area-clear = Show the whole picture
portfolio-pages-label = Pages of the portfolio table
portfolio-missing-more = { $count ->
    [one] One more account lacks figures
   *[other] { $count } more accounts lack figures
}: the XLSX download lists them all.
