# History lines and notifications: keyplan stores each as a message code with
# its arguments and writes it in the reader's language when shown. The English
# forms are word for word what keyplan has always written.

stored-plan-created = created the plan
stored-plan-edited = edited the plan's title, status or period
stored-plan-imported = imported the plan from a file ({ $goals } goals)
stored-link-added = linked a goal to its evidence
stored-link-removed = removed a link from a goal
stored-commented-plan = commented on the plan
stored-commented = commented on “{ $title }”
stored-written = { $verb ->
    [added] added
    [deleted] deleted
   *[edited] edited
  } { $what } “{ $title }”
stored-commitment-accepted = accepted commitment “{ $title }”
stored-commitment-done = marked commitment “{ $title }” done
stored-commitment-missed = marked commitment “{ $title }” missed
stored-progress-noted = noted progress on commitment “{ $title }” ({ $date })
stored-commitment-declined = declined commitment “{ $title }”
stored-commitment-declined-because = declined commitment “{ $title }”: { $reason }
stored-commitment-answered = answered commitment “{ $title }”
stored-commitment-date-proposed = proposed a new date for commitment “{ $title }” ({ $date })
stored-commitment-date-proposed-bare = proposed a new date for commitment “{ $title }”
stored-section-edited = edited the section { $section }
stored-share-created = created the share link “{ $label }”
stored-share-revoked = revoked the share link “{ $label }”
stored-review = { $kind ->
    [team] team review
    [management] management review
    [customer] customer joint review
   *[plan] plan review
  } of { $date }
stored-review-scheduled = scheduled the { $review }
stored-review-moved = moved the { $review } to { $date }
stored-review-held = held the { $review }; the plan was frozen as a snapshot
stored-review-approved = signed off the { $review }: approved the plan
stored-review-changes = signed off the { $review }: requested changes: { $comment }
stored-participant-added = added { $name } to the { $review }
stored-participant-removed = removed { $name } from the { $review }

stored-notif-proposed = { $name } proposed a commitment to you: { $title }
stored-notif-comment = { $name } commented on “{ $title }” in { $plan }: { $body }
stored-notif-comment-plan = { $name } commented on the plan in { $plan }: { $body }
stored-notif-overdue = Overdue since { $date }: { $title } ({ $plan })
stored-notif-due = Due { $when }: { $title } ({ $plan })
stored-today = today
stored-tomorrow = tomorrow
stored-in-days = in { $days } days, on { $date }
stored-notif-review-due = { $kind ->
    [team] Team review
    [management] Management review
    [customer] Customer joint review
   *[plan] Plan review
  } of { $plan } on { $date }
stored-notif-review-overdue = { $kind ->
    [team] Team review
    [management] Management review
    [customer] Customer joint review
   *[plan] Plan review
  } of { $plan } was due on { $date }
stored-notif-review-scheduled = { $name } scheduled the { $review } in { $plan }; you take part.
stored-notif-approved = { $name } approved { $plan } in the { $review }.
stored-notif-changes = { $name } requested changes to { $plan } in the { $review }: { $comment }
stored-notif-changes-plain = { $name } requested changes to { $plan } in the { $review }.
stored-notif-answered = { $name } { $line }

# A history line or notification from before keyplan stored them by code that
# matches no known form: shown as it was written.
stored-text = { $text }

stored-limit-exception = allowed an exception to the limits on active plans ({ $limits }): { $reason }
