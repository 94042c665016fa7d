# Exports: Markdown, PDF and XLSX of a plan.

export-md-meta = **Account:** { $account } · **Status:** { $status } · **Period:** { $start } – { $end } · **Template:** { $template } (version { $version }) · **Length:** { $length }
export-md-progress = **Progress:** { $overcome } of { $obstacles } obstacles overcome ({ $percent }%) · { $met } of { $conditions } conditions met · { $accepted } accepted commitments, { $done } done, { $awaiting } awaiting acceptance, { $overdue } overdue
export-progress = { $overcome } of { $obstacles } obstacles overcome ({ $percent }%) · { $met } of { $conditions } conditions met · { $accepted } accepted commitments, { $done } done, { $overdue } overdue
export-over-budget = over budget
export-md-strategy = **Strategy:** { $text }
export-md-based-on = Based on: { $label }
export-md-implemented-by = Implemented by: { $title }
export-due = due { $date }
export-serves = serves: { $goal }
export-role-unknown = role unknown
export-attitude-unknown = attitude unknown
export-no-relationship-owner = no relationship owner
export-our-contact = our contact: { $name }
export-contact-objective = objective: { $objective }
export-contact = Contact
export-our-contact-col = Our contact
export-objective-col = What we want to achieve
export-ws-totals = Current business { $current } · open potential { $open }
export-value-discipline = Our value discipline
export-source = source: { $source }
export-so-what = So what?
export-kpi-scorecard = KPI scorecard
export-gaps = Open gaps in the story
export-goal = Goal
export-goal-heading = Goal: { $title }
export-health = Health: { $health }
export-metric = Metric
export-baseline = Baseline
export-target = Target
export-by = By
export-commitment = Commitment
export-commitments = Commitments
export-owner = Owner
export-due-col = Due
export-status = Status
export-serves-col = Serves
export-unit = Unit
export-latest-actual = Latest actual
export-latest = Latest
export-target-date = Target date
export-progress-col = Progress
export-kpi = KPI
export-kind = Kind
export-entry = Entry
export-overdue = overdue
export-done-when = Done when: { $criterion }
export-how = How: { $how }
export-progress-notes = Progress:
export-measure-baseline = baseline { $value }
export-measure-target = target { $value }
export-measure-by = by { $date }
export-owner-meta = Owner: { $name }
export-period-meta = Period: { $start } – { $end }
export-as-of = As of { $date }
export-footer-customer = Customer excerpt
export-footer-team = keyplan · Team view
export-footer-audience = keyplan · { $audience }
export-csf-plural = Critical success factors
export-conditions-plural = Necessary conditions
export-obstacles-plural = Obstacles
export-tree-legend = Markers: ✓ resolved · ! needs attention (a commitment not yet accepted or overdue underneath) · ✗ off track (a commitment missed or declined). The bar in front of an entry has the same colour.
export-timeline-caption = Timeline of the commitments and reviews
export-buying-centre-caption = The buying centre

export-gap-no-so-what = “{ $section }” has findings but no so-what
export-gap-so-what-unused = The so-what of “{ $section }” leads to no goal
export-gap-no-consequence = Finding without consequence ({ $section }): { $text }
export-gap-no-evidence = Goal without evidence: { $goal }
export-gap-no-commitment = Goal without commitment: { $goal }

export-audience-team = Team
export-audience-management = Management briefing
export-audience-customer = Customer excerpt

export-benefit-customer = For the customer
export-benefit-us = For us
export-benefit-both = For both

export-judgement-on_track = On track
export-judgement-behind = Behind
export-judgement-ahead = Ahead
export-judgement-unknown = No data

export-vd-operational_excellence = Operational excellence
export-vd-product_leadership = Product leadership
export-vd-customer_intimacy = Customer intimacy
export-vd-operational_excellence-meaning = We win on reliability, ease and total cost: the plan should make buying from us simpler and cheaper for the customer.
export-vd-product_leadership-meaning = We win with the best and newest offering: the plan should put our innovations into the customer's most important projects first.
export-vd-customer_intimacy-meaning = We win by knowing the customer better than anyone: the plan should tailor solutions to their processes and deepen relationships.


export-link-contact = Contact: { $name }{ $role }
export-link-cell = Whitespace: { $offering } × { $unit }: { $status }
export-link-so-what = So what ({ $section }): { $text }
