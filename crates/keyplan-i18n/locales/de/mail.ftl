# Benachrichtigungen per E-Mail.

mail-hello = Hallo { $name },
mail-open = In keyplan öffnen:
mail-why = keyplan schickt Ihnen diese E-Mail, weil sie zu Ihren Benachrichtigungen gehört.
mail-all = Alle Benachrichtigungen: { $link }
mail-topic-commitment_proposed = Zusage für Sie
mail-topic-commitment_answered = Antwort auf eine Zusage
mail-topic-commitment_due = Zusage bald fällig
mail-topic-commitment_overdue = Zusage überfällig
mail-topic-review_due = Überprüfung steht an
mail-topic-comment = Neuer Kommentar
