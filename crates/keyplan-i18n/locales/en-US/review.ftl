# Reviews, the KPI scorecard, the timeline, comparing versions, the
# discussion and history of a plan, and the calendar feed.

## The KPI scorecard of the plan page
kpi-none = No KPIs yet. A KPI says what is measured, from which baseline to which target by when; record an actual each month or quarter to see the trend.
kpi-candidates = What the goals promise — good candidates for KPIs:
kpi-col-goal = Goal
kpi-col-metric = Metric
kpi-col-baseline = Baseline
kpi-col-target = Target
kpi-col-unit = Unit
kpi-col-by = By
kpi-col-for = For
kpi-no-metric = no metric
kpi-no-actual = No actual yet
kpi-bar-label = { $progress } of the way to target
kpi-to-target = { $progress } to target
kpi-measures-goal = Measures goal
kpi-values = { $count ->
    [one] { $count } recorded value
   *[other] { $count } recorded values
}
kpi-record = record
kpi-col-period = Period
kpi-col-value = Value
kpi-col-note = Note
kpi-col-recorded-by = Recorded by
kpi-remove-value = Remove this value
kpi-remove-value-for = Remove value for { $period }
kpi-period-any-day = Period (any day in it)
kpi-value = Value
kpi-note = Note
kpi-record-value = Record value
kpi-record-hint = A value for a period already recorded replaces it.
kpi-edit = Edit
kpi-save = Save KPI
kpi-move-up = Move up
kpi-move-up-name = Move { $name } up
kpi-move-down = Move down
kpi-move-down-name = Move { $name } down
kpi-delete = Delete
kpi-add-open = + Add KPI
kpi-add = Add KPI
kpi-journey = { $from } → { $to }
kpi-journey-by = { $from } → { $to } by { $date }
kpi-spark-label = Trend of { $count } recorded values
kpi-recorded = { $name }, { $date }

## Fields of a KPI
kpi-name = Name
kpi-name-placeholder = Share of wallet
kpi-unit = Unit
kpi-unit-placeholder = %, EUR k, score
kpi-period-field = Recorded
kpi-baseline = Baseline
kpi-target = Target
kpi-target-date = Target date
kpi-goal = Measures goal
kpi-goal-none = — none —

## How a KPI is recorded and judged
kpi-period-quarter = Quarterly
kpi-period-month = Monthly
kpi-judgement-on_track = On track
kpi-judgement-behind = Behind
kpi-judgement-ahead = Ahead
kpi-judgement-unknown = No data

## KPI messages
kpi-added = KPI added.
kpi-saved = KPI saved.
kpi-deleted = KPI “{ $name }” deleted.
kpi-moved = KPI moved.
kpi-value-recorded = { $value } recorded for { $period }.
kpi-value-removed = Recorded value removed.

## The reviews card of the plan page
review-card-title = Reviews
review-next = Next review { $date }
review-overdue = Review overdue
review-cadence = Reviewed { $cadence }.
review-cadence-1 = monthly
review-cadence-3 = quarterly
review-cadence-6 = every six months
review-cadence-12 = yearly
review-cadence-n = every { $n } months
review-compare-versions = Compare versions →
review-none = No reviews yet.
review-held = Held
review-planned = Planned
review-kind-field = Kind
review-date = Date
review-plan = Plan a review
review-schedule = Review schedule
review-every = Every
review-months = months
review-next-field = Next review
review-save-schedule = Save schedule

## Kinds of review and sign-off decisions
review-kind-team = Team review
review-kind-management = Management review
review-kind-customer = Customer joint review
review-signoff-approved = Approved
review-signoff-changes_requested = Changes requested

## The review page
review-breadcrumb = Breadcrumb
review-of = Review of
review-hold = Hold the review
review-hold-hint = Freezes the plan as it stands now.
review-what-changed = What changed since the last review
review-change-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
review-from = From
review-to-snapshot = to this review's snapshot
review-to-current = to the plan as it is now
review-compare-other = Compare other versions →
review-first = This is the plan's first review: there is no earlier version to compare with yet. Holding it freezes the plan so the next review can show what changed.
review-from-label = { $kind } of { $date }
review-participants = Participants
review-nobody = Nobody added yet.
review-customer = Customer
review-remove-name = Remove { $name }
review-one-of-us = One of us
review-customer-contact = Customer contact
review-notes-title = Notes and decisions
review-notes = Notes
review-decisions = Decisions
review-save-notes = Save notes
review-signoff-title = Sign-off
review-quoted = “{ $text }”
review-signoff-by = by { $name }
review-decision = Decision
review-approve = Approve the plan
review-request-changes = Request changes
review-comment = Comment
review-comment-placeholder = Needed when you request changes
review-sign-off = Sign off
review-signoff-held = A manager signs off this management review.
review-signoff-later = Once held, a manager signs off this management review.

## Review messages
review-planned-flash = Review planned. Add who takes part, then hold it on the day.
review-schedule-saved = Review schedule saved.
review-notes-saved = Notes and decisions saved.
review-participant-added = Participant added.
review-participant-removed = Participant removed.
review-held-flash = Review held: the plan as it stands now is frozen as this review's snapshot.
review-hold-conflict = This review was changed by someone else since you opened it (it is now at version { $version }); it was not held. Check the page as it is now and hold it again.
review-signed-off = Signed off; the plan's status follows the decision.
review-conflict = Someone else changed this in the meantime; nothing was saved. Here is the current version.

## Why a review form or action was refused
review-err-cadence = must be 1 to 24 months
review-err-kind = must be team, management or customer
review-err-decision = must be approved or changes_requested
review-err-which-changes = say which changes you ask for
review-err-too-long = is too long (at most 20,000 characters)
review-err-already-held = This review has already been held.
review-err-only-management = Only a management review is signed off.
review-err-hold-first = Hold the review before signing it off.
review-err-held-stays = A held review is part of the plan's history and stays.

## What changed: one change
review-nothing-changed = Nothing has changed.
review-tag-added = Added
review-tag-removed = Removed
review-tag-changed = Changed
review-empty = (empty)
review-became = became
review-text-added = { $entity } “{ $subject }” added
review-text-removed = { $entity } “{ $subject }” removed
review-text-changed = { $entity } “{ $subject }”: { $field } { $before } → { $after }
review-text-changed-plain = { $entity }: { $field } { $before } → { $after }
review-entity-plan = Plan
review-entity-kpi = KPI
review-entity-contact = Contact
review-entity-section = Section
review-entity-goal-link = Goal link
review-benefit-customer = For the customer
review-benefit-us = For us
review-benefit-both = For both
review-field-title = title
review-field-status = status
review-field-period-start = period start
review-field-period-end = period end
review-field-notes = notes
review-field-metric = metric
review-field-baseline = baseline
review-field-target = target
review-field-unit = unit
review-field-target-date = target date
review-field-benefit = benefit
review-field-owner = owner
review-field-customer-contact = customer contact
review-field-start-date = start date
review-field-due-date = due date
review-field-done-when = done when
review-field-how = how
review-field-acceptance = acceptance
review-field-text = text
review-field-source = source
review-field-response = response
review-field-so-what = so what
review-field-name = name
review-field-buying-role = buying role
review-field-influence = influence
review-field-attitude = attitude
review-field-reports-to = reports to
review-field-relationship-owner = relationship owner
review-field-latest-actual = latest actual
review-field-actual-for = actual for { $period }
review-field-note-for = note for { $period }

## Comparing two versions
compare-title = Compare · { $plan }
compare-heading = What changed
compare-intro = Compare any two versions of { $plan }: the snapshots frozen by reviews, or the plan as it is now.
compare-from = From
compare-to = To
compare-submit = Compare
compare-json = As JSON
compare-changes = Changes
compare-version = { $label } (taken { $date })
compare-current = The plan as it is now

## The timeline
timeline-title = Timeline
timeline-page-title = Timeline · { $plan }
timeline-commitments = { $count ->
    [one] { $count } commitment
   *[other] { $count } commitments
}
timeline-overdue-count = { $count } overdue
timeline-back = Back to the plan
timeline-hint = Twelve months from the start of the plan's period. Hover a bar for its owner, dates and status.
timeline-legend = Legend
timeline-legend-accepted = Accepted
timeline-legend-in-progress = In progress
timeline-legend-done = Done
timeline-legend-missed = Missed
timeline-legend-proposed = Proposed
timeline-legend-date-proposed = Date proposed
timeline-legend-declined = Declined
timeline-legend-overdue = Overdue
timeline-legend-review = Review
timeline-legend-due-only = ◆ due date only
timeline-reviews-lane = REVIEWS
timeline-empty = No commitments yet: add them under the plan's goals to see them here.
timeline-today = Today
timeline-svg-title = Timeline of { $plan }: { $count } commitments, { $overdue } overdue
timeline-class-open = Accepted, open
timeline-class-in_progress = In progress
timeline-class-done = Done
timeline-class-missed = Missed
timeline-class-proposed = Proposed, not accepted yet
timeline-class-date_proposed = Another date proposed
timeline-class-declined = Declined
timeline-no-owner = no owner
timeline-due = due { $date }
timeline-no-due-date = no due date
timeline-outside = outside these 12 months
timeline-overdue-mark = OVERDUE
timeline-review-held = (held)

## The plan's discussion and history
discussion-title = Discussion & activity
discussion-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
discussion-comments = Comments
discussion-none = No comments yet. Ask a question or leave a note for the team.
discussion-on = on
discussion-about = About
discussion-comment = Comment
discussion-placeholder = Ask, suggest or note something…
discussion-add = Add comment
discussion-whole-plan = The plan as a whole
discussion-removed-item = a removed item
discussion-added = Comment added.
discussion-error = Comment: { $message }
discussion-err-empty = write something first
discussion-err-too-long = is too long (at most 4,000 characters)
discussion-err-target = no such item in this plan
activity-recent = Recent activity
activity-none = No changes recorded yet.
activity-full = Full history →
activity-title = History
activity-page-title = History · { $plan }
activity-intro = Who changed what in this plan, and when (newest first, times in UTC).
activity-someone = Someone

## The calendar feed
calendar-title = Calendar feed
calendar-intro = Subscribe in Outlook, Google Calendar or Apple Calendar to see the due dates of your accepted commitments and the reviews you take part in.
calendar-address = Your secret feed address
calendar-copy = Copy this address now and add it to your calendar as a subscription. It is shown only once; anyone with it can read your dates.
calendar-address-label = Calendar feed address
calendar-active = A feed address is active since { $date }. For your safety it is not shown again: make a new one if you lost it (the old one then stops working).
calendar-none = You have no calendar feed yet.
calendar-new = Make a new address
calendar-create = Create feed address
calendar-off = Turn off feed
calendar-turned-off = Calendar feed turned off. The old address no longer works.
