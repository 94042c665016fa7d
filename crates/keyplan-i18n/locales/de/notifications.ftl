# Die Seite mit den Benachrichtigungen.

notif-title = Benachrichtigungen
notif-intro = Zusagen, um die man Sie bittet, Antworten auf Ihre Zusagen, Fälligkeiten, Überprüfungen und Kommentare zu Ihren Einträgen.
notif-read-all = Alle als gelesen markieren
notif-unread-first = Ungelesene zuerst
notif-caught-up = Alles gelesen
notif-unread-count = { $count } ungelesen
notif-empty = Noch nichts. Hier erfahren Sie, wenn Ihnen jemand eine Zusage vorschlägt, eine Ihrer Zusagen beantwortet oder Ihre Einträge kommentiert.
notif-unread = ungelesen
notif-marked-read = { $count ->
    [one] 1 Benachrichtigung als gelesen markiert.
   *[other] { $count } Benachrichtigungen als gelesen markiert.
}
notif-kind-commitment_proposed = Ihnen vorgeschlagen
notif-kind-commitment_answered = Antwort
notif-kind-commitment_due = Bald fällig
notif-kind-commitment_overdue = Überfällig
notif-kind-review_due = Überprüfung fällig
notif-kind-review_overdue = Überprüfung überfällig
notif-kind-comment = Kommentar
notif-kind-other = Hinweis
