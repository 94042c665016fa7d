# "My commitments" and the answers to a commitment.

mine-title = My commitments
mine-intro = What you have promised across all plans — and what colleagues are asking you to take on.
mine-to-answer = Waiting for your answer
mine-nothing-to-answer = Nothing to answer. Well done.
mine-asked-by = asked by { $name }
mine-due = due { $date }
mine-done-when = Done when: { $criterion }
mine-how = How: { $how }
mine-accept = Accept
mine-decline-open = Decline…
mine-decline-why = Why can you not take this on?
mine-decline = Decline
mine-propose-open = Propose another date…
mine-deliver-by = I can deliver by
mine-propose = Propose date
mine-dates-to-answer = New dates proposed to you
mine-proposes = { $name } proposes
mine-instead-of = instead of { $date }
mine-accept-date = Accept new date
mine-keep-date = Keep original date
mine-accepted = Accepted — in progress
mine-no-open = No open commitments.
mine-col-commitment = Commitment
mine-col-account = Account
mine-col-due = Due
mine-col-status = Status
mine-overdue = Overdue
mine-status-of = Status of { $title }
mine-update = Update
mine-waiting-for-author = Your date proposals, waiting for the author
mine-you-proposed = — you proposed { $date } to { $name }
mine-closed = Closed and declined
mine-declined = Declined

## Flash messages after an answer
mine-flash-accepted = Accepted. It is now part of the plan.
mine-flash-declined = Declined. The author has been told why.
mine-flash-date-proposed = New date proposed to the author.
mine-flash-date-accepted = New date accepted.
mine-flash-date-rejected = Date rejected; the owner is asked again.
mine-flash-status = Status updated.
mine-unknown-answer = Unknown answer.
