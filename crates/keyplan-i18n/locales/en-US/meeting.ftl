# The regular sales meeting: its list, the proposed agenda, the meeting page and its agenda PDF and Markdown.
nav-meetings = Meetings
meeting-list-title = Sales meetings
meeting-intro = Plans live in the regular sales and KAM meetings. A new meeting proposes the plans with the most change or risk since the last one; record decisions and follow-up commitments as you go, then close the meeting.
meeting-new = New meeting
meeting-none-yet = No meetings yet.
meeting-col-title = Title
meeting-col-state = State
meeting-state-closed = Closed
meeting-state-open = Open
meeting-decisions = Decisions
meeting-follow-ups = Follow-up commitments
meeting-field-date = Date
meeting-field-title = Title
meeting-field-plan_ids = Plans
meeting-refresh = Propose for this date
meeting-when = When
meeting-default-title = Sales meeting
meeting-agenda-plans = Plans on the agenda
meeting-nothing-moved = Nothing moved in any plan since the last meeting. Choose plans from the list below.
meeting-plans-hint = The { $count } plans with the most change or risk are ticked; each says why.
meeting-other-plans = Other plans
meeting-others-cut = Only the plans of greatest potential are listed here.
meeting-create = Make the meeting
meeting-since-last = Changes since the last meeting on { $date }
meeting-since-first = First meeting: changes since { $date }
meeting-created = Meeting made with { $count } plans on the agenda.
meeting-closed-on = closed on { $date }
meeting-agenda-pdf = Agenda (PDF)
meeting-agenda-md = Agenda (Markdown)
meeting-close = Close the meeting
meeting-kam = KAM: { $name }
meeting-changes = What changed
meeting-changes-since-meeting = What changed since the meeting on { $date }
meeting-changes-since-snapshot = What changed since { $label }
meeting-changes-no-base = First time on an agenda: the next meeting shows what changed since this one.
meeting-changes-none = Nothing changed.
meeting-changes-more = … and { $count } more changes
meeting-open-asks = Open asks
meeting-ask-line = { $title } — { $owner }: { $state }
meeting-ask-due = due { $date }
meeting-none = None.
meeting-why = Why it is on the agenda
meeting-col-why = Why
meeting-decision = Decision
meeting-record-decision = Record the decision
meeting-no-parents = The plan has no goal or obstacle for a commitment to serve yet.
meeting-follow-up-title = Commitment
meeting-follow-up-serves = Serves
meeting-follow-up-owner = Owner
meeting-follow-up-due = Due
meeting-add-follow-up = Add the commitment
meeting-decision-recorded = Decision recorded.
meeting-follow-up-added = Commitment “{ $title }” added; its owner is asked to accept it.
meeting-closed-flash = Meeting closed: the next meeting shows what changes from here.
meeting-reason-blockers = { $count ->
    [one] 1 new blocker
   *[other] { $count } new blockers
}
meeting-reason-overdue = { $count ->
    [one] 1 overdue commitment
   *[other] { $count } overdue commitments
}
meeting-reason-goals = { $count ->
    [one] 1 goal changed
   *[other] { $count } goals changed
}
meeting-reason-review-overdue = review overdue since { $date }
meeting-reason-review-due = review due { $date }
meeting-reason-chosen = chosen by hand
meeting-agenda-subtitle = Agenda for { $date }
meeting-footer = Sales meeting agenda · internal
meeting-snapshot-label = Sales meeting { $date }
meeting-history-decision = Sales meeting of { $date } decided: { $text }
meeting-history-decision-notice = The sales meeting of { $date } decided about { $plan }: { $text }
meeting-history-follow-up = Sales meeting of { $date } added the commitment “{ $text }”.
err-meeting-no-plans = choose at least one plan
err-meeting-too-many = at most { $max }
err-meeting-nothing-moved = nothing moved in any plan since the last meeting: choose the plans
err-meeting-unknown = { $id } is not a live plan of this organisation
err-meeting-closed = the meeting is closed already
err-meeting-not-on-agenda = the plan is not on this meeting's agenda
err-meeting-parent = choose a goal or obstacle of this plan
