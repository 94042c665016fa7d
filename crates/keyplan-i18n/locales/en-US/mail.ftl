# Notification e-mails.

mail-hello = Hello { $name },
mail-open = Open it in keyplan:
mail-why = keyplan sends this because it is one of your notifications.
mail-all = All of them: { $link }
mail-topic-commitment_proposed = Commitment for you
mail-topic-commitment_answered = Answer on a commitment
mail-topic-commitment_due = Commitment due soon
mail-topic-commitment_overdue = Commitment overdue
mail-topic-review_due = Review coming up
mail-topic-comment = New comment
