# The plan page (sections, constraint tree, goals, action plan, analysis items),
# the audience tabs and the story view. Ids start with plan-, tree-, goals-,
# items- or story-.

## The plan page
plan-breadcrumb = Breadcrumb
plan-template-version-title = Plans keep the template version they were created with
plan-months = { $count } months
plan-size-title = Estimated printed length against the template's budget
plan-over-budget = over budget
plan-printed = PDF: { $pages } of { $budget } { $budget ->
    [one] page
   *[other] pages
}
plan-size-printed-title = The pages the plan's PDF takes, against the template's budget
plan-pages-one = ≈ { $pages } of { $budget } page
plan-pages = ≈ { $pages } of { $budget } pages
plan-size-words = { $used } / { $limit } { $limit ->
    [one] word
   *[other] words
}
plan-size-items = { $used } / { $limit } { $limit ->
    [one] item
   *[other] items
}
plan-story-view = Story view
plan-open-gaps = { $count } open { $count ->
    [one] gap
   *[other] gaps
}
plan-settings = Plan settings
plan-field-title = Title
plan-field-status = Status
plan-period-starts = Period starts
plan-period-ends = Period ends
plan-save = Save plan
plan-over-budget-title = Over budget.
plan-over-budget-text = A plan people read is short: trim { $count ->
    [one] this section
   *[other] these sections
}
plan-timeline = Timeline
plan-more-label = Reviews, coach and discussion
plan-more-coach = Coach
plan-timeline-sub = 12 months of commitments and reviews
plan-timeline-full = Full width
plan-toc-label = Sections of this plan
plan-guidance = How to write this section
plan-map-before = The map is drawn from the
plan-map-link = account's contacts
plan-map-after = : reports-to lines, buying role, influence, attitude and who of us calls on whom.
plan-no-whitespace = No whitespace matrix yet: add the customer's business units and mark where we sell and where we could.
plan-whitespace-edit = Edit the whitespace matrix
plan-whitespace-open = Open the whitespace matrix
plan-no-discipline = The company has not set its value discipline yet
plan-set-discipline = set it now
plan-our-discipline = Our value discipline
plan-delete-summary = Delete this plan
plan-delete-text = This deletes “{ $title }” with its whole tree and all commitments. It cannot be undone.
plan-delete = Delete plan
plan-created = Plan created. Each section says what to write; start where your team knows most.
plan-saved = Plan saved.
plan-measure-from = from { $value }
plan-measure-by = by { $date }

## Buttons and links on every node and item
plan-move-up = Move up
plan-move-down = Move down
plan-move-up-named = Move “{ $name }” up
plan-move-down-named = Move “{ $name }” down
plan-move-label = Position
plan-edit = Edit
plan-edit-named = Edit “{ $name }”
plan-delete-node = Delete
plan-delete-named = Delete “{ $name }”
plan-comments-title = Comments on this: see the discussion
plan-comments = { $count } { $count ->
    [one] comment
   *[other] comments
}

## Whom a goal serves
plan-benefit-customer = For the customer
plan-benefit-us = For us
plan-benefit-both = For both

## Kinds of sections
plan-section-kind-free_text = Text with “so what?”
plan-section-kind-analysis = Analysis list
plan-section-kind-swot = SWOT
plan-section-kind-stakeholder_map = Stakeholder map
plan-section-kind-whitespace = Whitespace matrix
plan-section-kind-goals = Goals
plan-section-kind-constraint_tree = Constraint tree
plan-section-kind-action_plan = Action plan
plan-section-kind-kpi_scorecard = KPI scorecard
plan-section-kind-value_proposition = Value proposition
plan-section-kind-risks = Opportunities and risks

## Audience tabs
plan-tabs-label = Who this view is for
plan-tab-team = Team
plan-tab-management = Management briefing
plan-tab-customer = Customer excerpt
plan-tab-sharing = Visibility & share links

## A section's text and so-what
plan-so-what = So what?
plan-no-so-what = No conclusion yet: what follows from this for our plan?
plan-text-write-both = Write text and so-what
plan-text-edit-both = Edit text and so-what
plan-text-write-text = Write text
plan-text-edit-text = Edit text
plan-text-write-so-what = Write so-what
plan-text-edit-so-what = Edit so-what
plan-text-discipline = How this plan applies our value discipline
plan-text = Text
plan-so-what-placeholder = What follows from this for the plan?
plan-text-save = Save section
plan-section-saved = Section saved.

## The action plan
plan-actions-empty = No actions yet. Each action has one owner, a date and a clear result; the owner accepts it before it counts.
plan-actions-in-tree = { $count ->
    [one] One commitment, shown in the tree with its owner and date
   *[other] { $count } commitments, shown in the tree with their owners and dates
}
plan-actions-unaccepted = { $count } awaiting acceptance
plan-actions-overdue = { $count } overdue
plan-actions-to-tree = to the tree
plan-actions-next = Due next:
plan-actions-what = What
plan-actions-who = Who
plan-actions-when = When
plan-actions-serves = Serves
plan-actions-state = State
plan-actions-add = Add action
plan-actions-serves-goal = Serves goal
plan-actions-contact = Customer contact
plan-actions-done-placeholder = What will exist, who confirms it
plan-actions-goal-first = Add a goal first: every action serves a goal.
plan-actions-choose-goal = choose the goal this action serves
plan-actions-added = Action added. Its owner is asked to accept it.

## The constraint tree
tree-progress = Progress
tree-obstacles-overcome = { $count } of { $total } obstacles overcome
tree-conditions-met = { $count } of { $total } conditions met
tree-factors-secured = { $count } of { $total } success factors secured
tree-chip-accepted = accepted commitments
tree-chip-done = done
tree-chip-awaiting = awaiting acceptance
tree-chip-overdue = overdue
tree-chip-missed = missed
tree-unaccepted-title = Not yet part of the plan ({ $count })
tree-unaccepted-text = a commitment counts once its owner has accepted it.
tree-someone = someone
tree-unaccepted-declined = { $name } declined “{ $title }”
tree-unaccepted-date = { $name } proposed another date for “{ $title }”
tree-unaccepted-waits = “{ $title }” waits for { $name }
tree-start-title = Start with the account sales goal
tree-start-text = What must we achieve with { $name } in this period? Make it measurable: metric, baseline, target and date.
tree-no-target = No measurable target yet — add metric, baseline, target and date.
tree-label = Constraint tree for { $name }
tree-col-factors = Critical success factors
tree-col-conditions = Necessary conditions
tree-col-obstacles = Obstacles
tree-col-commitments = Commitments
tree-gap-commitment = No commitment yet: who will remove this obstacle, by when?
tree-gap-obstacle = What stops us from meeting this condition?
tree-gap-condition = Which conditions must hold for this factor?
tree-gap-factor = What are the few factors this goal depends on?
tree-direct = Commitments serving the goal directly
tree-delete-question = Delete this { $kind ->
    [goal] account sales goal
    [csf] critical success factor
    [condition] necessary condition
    [obstacle] obstacle
   *[commitment] commitment
}?
tree-delete-question-all = Delete this { $kind ->
    [goal] account sales goal
    [csf] critical success factor
    [condition] necessary condition
    [obstacle] obstacle
   *[commitment] commitment
} and everything under it?
tree-edit-heading = Edit { $kind ->
    [goal] account sales goal
    [csf] critical success factor
    [condition] necessary condition
    [obstacle] obstacle
   *[commitment] commitment
}
plan-team-offer = { $name } is not on the account team of { $account }.
plan-team-offer-add = Add { $name } to the team
tree-edit-back = Back to the plan
tree-add = Add { $what ->
    [sales_goal] account sales goal
    [goal] goal
    [csf] critical success factor
    [condition] necessary condition
    [obstacle] obstacle
   *[commitment] commitment
}
tree-add-field = { $what ->
    [sales_goal] Account sales goal
    [goal] Goal
    [csf] Critical success factor
    [condition] Necessary condition
    [obstacle] Obstacle
   *[commitment] Commitment
}
tree-field-deliverable = What will be delivered
tree-field-notes = Notes
tree-field-metric = Metric
tree-metric-placeholder = Revenue, share of wallet, lines won…
tree-field-unit = Unit
tree-unit-placeholder = EUR, %, units
tree-field-baseline = Baseline
tree-field-target = Target
tree-field-target-date = Target date
tree-field-benefit = For whom
tree-field-owner = Owner
tree-field-contact = Customer contact involved
tree-field-start = Start
tree-field-due = Due
tree-field-done-when = Done when…
tree-done-placeholder = Measurable: what will exist, who confirms it
tree-field-how = How it will be delivered
tree-how-placeholder = The owner's way there: steps, people, meetings
tree-due = due { $date }
tree-with = with { $name }
tree-done-when = Done when: { $criterion }
tree-how = How: { $how }
tree-declined = Declined: { $reason }
tree-proposes = { $name } proposes { $date } instead.
tree-overdue = Overdue
tree-accept = Accept
tree-decline-or-propose = Decline or propose a date
tree-accept-date = Accept new date
tree-keep-date = Keep original date
tree-added = { $kind } added.
tree-added-many = { $count } × { $kind } added.
tree-add-lines-hint = Several lines add one per line.
tree-deleted = { $kind } “{ $title }” deleted.
tree-saved = Saved.
tree-unknown-kind = Unknown kind of item.
tree-unknown-parent = Unknown parent.

## Goals of a strategic plan
goals-empty = No goal yet. A good goal is measurable (metric, baseline, target, date) and says whom it serves: the customer, us, or both.
goals-not-measurable = Not measurable yet — add metric, baseline, target and date.
goals-strategy = Strategy:
goals-measured-by = Measured by KPI: { $name }
goals-based-on = Based on
goals-no-evidence = No evidence: link the analysis, so-what, SWOT entry, whitespace cell or contact this goal comes from.
goals-remove-link-title = Remove this link
goals-remove-link = Remove link
goals-link-evidence = Link evidence
goals-based-on-field = This goal is based on
goals-nothing-to-link = Nothing to link yet: add analysis items or a so-what first.
goals-link = Link
goals-implemented-by = Implemented by
goals-no-commitment = No commitment yet: who does what, by when?
goals-linked = Evidence linked to the goal.
goals-link-removed = Link removed.
goals-evidence-so-what = So what: { $text }
goals-evidence-so-what-of = So what ({ $section }): { $text }
goals-evidence-whitespace = Whitespace
goals-evidence-contacts = Contacts
goals-evidence-contact = Contact: { $name }
goals-evidence-contact-role = Contact: { $name } ({ $role })
goals-evidence-cell = Whitespace: { $offering } × { $unit }: { $status }
goals-cell-status-sold = Sold
goals-cell-status-in_progress = In progress
goals-cell-status-opportunity = Opportunity
goals-cell-status-not_relevant = Not relevant

## Analysis, SWOT, opportunities and risks
items-group-findings = Findings
items-hint-findings = Facts about the customer, their market, competitors and our own position — each with its source
items-group-strengths = Strengths
items-hint-strengths = Where we are better than the alternatives
items-group-weaknesses = Weaknesses
items-hint-weaknesses = Where we fall short in their eyes
items-group-swot-opportunities = Opportunities
items-hint-swot-opportunities = What could work in our favour
items-group-threats = Threats
items-hint-threats = What could work against us
items-group-opportunities = Opportunities
items-hint-opportunities = What we will pursue, and how
items-group-risks = Risks
items-hint-risks = What could derail the plan, and how we counter it
items-counter-measure = Counter-measure
items-how-we-use-it = How we use it
items-edit = Edit item
items-delete = Delete item
items-delete-question = Delete this entry? Links from goals to it go too.
items-area = Area
items-quadrant = Quadrant
items-derived-from = Derived from SWOT
items-source = Source
items-source-placeholder = Annual report, interview, CRM…
items-source-meta = Source: { $source }
items-date = Date
items-finding = Finding
items-add-finding = Add finding
items-add-to = Add to { $group ->
    [strength] strengths
    [weakness] weaknesses
    [opportunity] opportunities
    [threat] threats
   *[risk] risks
}
items-derived = From { $from ->
    [customer] customer
    [market] market
    [competitor] competitor
    [own_position] own position
    [strength] strengths
    [weakness] weaknesses
    [opportunity] opportunities
    [threat] threats
    [kind-analysis] analysis item
    [kind-swot] swot entry
    [kind-opportunity] opportunity
    [kind-risk] risk
   *[other] { $label }
}: { $text }
items-added = { $kind } added.
items-deleted = { $kind } deleted.

## The story view
story-page-title = Story · { $title }
story-title = The story of the plan
story-intro = read left to right: what we found, what follows from it, what we want to achieve, and who does what.
story-back = Back to the plan
story-gaps = Gaps
story-gap-findings = findings without consequence
story-gap-sections = sections without so-what
story-gap-so-whats = so-whats leading to no goal
story-gap-evidence = goals without evidence
story-gap-commitment = goals without commitment
story-table-label = Analysis, so what, goal, commitments
story-col-analysis = Analysis
story-col-goal = Goal
story-no-goals = No goals yet — the story has no middle. Add goals in the plan and link them to the analysis they come from.
story-no-analysis = Hangs in the air: no analysis behind this goal.
story-no-evidence = No evidence linked
story-no-commitment = Hangs in the air: nobody has committed to anything for this goal.
story-not-accepted = not yet accepted
story-loose-analysis = Analysis without consequence
story-missing-so-what = “{ $name }” has findings but no so-what.
story-loose-so-whats = So-whats leading to no goal
story-loose-hint = Link these to a goal, or drop them: a plan carries only what leads somewhere.
plan-limit-exception = Reason for an exception to the plan limits
plan-limit-exception-placeholder = Only needed to activate a plan over a limit

# The exception to the limits on active plans, shown on the plan (issue 13).
plan-limit-exception-title = Exception to the plan limits.
plan-limit-exception-note = Activated over the limit of { $limits }, allowed by { $by } on { $date }: “{ $reason }”
limit-name-active_plans_per_kam = active plans per KAM
limit-name-master_plans_per_company = master plans per company
plan-field-customer-title = Title the customer reads
plan-field-customer-title-hint = Share links, the customer excerpt and its exports show this instead of the plan's own title.
