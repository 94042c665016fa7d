# The notifications page.

notif-title = Notifications
notif-intro = Commitments proposed to you and answers to yours, due dates, reviews and comments on your items.
notif-read-all = Mark all read
notif-unread-first = Unread first
notif-caught-up = All caught up
notif-unread-count = { $count } unread
notif-empty = Nothing yet. You will hear here when someone proposes a commitment to you, answers one of yours, or comments on your items.
notif-unread = unread
notif-marked-read = { $count ->
    [one] 1 notification marked read.
   *[other] { $count } notifications marked read.
}
notif-kind-commitment_proposed = Proposed to you
notif-kind-commitment_answered = Answer
notif-kind-commitment_due = Due soon
notif-kind-commitment_overdue = Overdue
notif-kind-review_due = Review due
notif-kind-review_overdue = Review overdue
notif-kind-comment = Comment
notif-kind-other = Notice
