# Der Kunde am Tisch: Kommentare und Antworten über Freigabelinks (die
# Freigabeseite), gemeinsame Zusagen und die Antworten des Kunden (die Seite des Teams).

## Wer es geschrieben hat: ein Besucher eines Freigabelinks, mit dem Link genannt
customer-party = { $name } (Kunde, über den Freigabelink „{ $link }“)

## Abgelehnte Eingaben auf der Freigabeseite (Feldfehler folgen dem Feldnamen)
customer-err-answer = muss „annehmen“ oder „ablehnen“ sein
customer-err-reason = sagen Sie uns bitte, warum Sie ablehnen
customer-err-target = gehört nicht zu dem, was dieser Link zeigt
customer-err-answered = Diese gemeinsame Zusage ist bereits { $answer }; das Account-Team kann erneut fragen.
customer-err-answered-meanwhile = Gerade eben hat jemand diese gemeinsame Zusage beantwortet; laden Sie die Seite neu, um die Antwort zu sehen.
customer-err-too-many = Über diesen Link wurden in kurzer Zeit viele Kommentare und Antworten gesendet. Bitte warten Sie { $minutes } Minuten und versuchen Sie es dann erneut.
joint-answer-open = offen
joint-answer-accepted = angenommen
joint-answer-declined = abgelehnt

## Verlaufszeilen und Benachrichtigungen
stored-customer-commented = { $who } hat „{ $title }“ kommentiert
stored-customer-commented-plan = { $who } hat den Plan kommentiert
stored-customer-accepted = { $who } hat die gemeinsame Zusage „{ $title }“ angenommen
stored-customer-declined = { $who } hat die gemeinsame Zusage „{ $title }“ abgelehnt: { $reason }
stored-notif-customer-comment = { $who } hat „{ $title }“ in { $plan } kommentiert: { $body }
stored-notif-customer-answer = { $line } ({ $plan })
stored-joint-offered = hat die Zusage „{ $title }“ dem Kunden angeboten, mit { $contact }
stored-joint-withdrawn = hat das Angebot von „{ $title }“ an den Kunden zurückgenommen
stored-customer-comment-shared = hat den Kundenkommentar von { $name } („{ $body }“) auf allen Freigabelinks gezeigt
stored-customer-comment-unshared = zeigt den Kundenkommentar von { $name } („{ $body }“) wieder nur auf seinem eigenen Freigabelink
notif-kind-customer_comment = Kundenkommentar
notif-kind-customer_answer = Antwort des Kunden
mail-topic-customer_comment = Kommentar des Kunden
mail-topic-customer_answer = Der Kunde hat geantwortet

## Die Freigabeseite
share-invite = Sie können jeden Teil dieses Plans kommentieren und die Zusagen annehmen oder ablehnen, die wir Ihnen gemeinsam vorschlagen. Ihr Account-Team liest jeden Kommentar.
share-joint-eyebrow = Gemeinsam
share-joint-title = Zusagen, die wir Ihnen gemeinsam vorschlagen
share-joint-lead = Jede nennt, wer auf unserer und auf Ihrer Seite verantwortlich ist. Nehmen Sie sie an oder sagen Sie uns, warum nicht.
share-joint-our-side = Unsere Seite
share-joint-your-side = Ihre Seite
share-joint-due = Fällig
share-joint-done-when = Erledigt, wenn
share-joint-how = Vorgehen
share-joint-reason = Begründung: { $reason }
share-joint-open = Wartet auf Ihre Antwort
share-joint-accepted-by = Angenommen von { $name } am { $date }
share-joint-accepted = Angenommen am { $date }
share-joint-declined-by = Abgelehnt von { $name } am { $date }
share-joint-declined = Abgelehnt am { $date }
share-accept = Annehmen
share-decline-summary = Mit Begründung ablehnen …
share-decline = Ablehnen
share-reason-placeholder = Was müsste sich ändern, damit Sie annehmen?
share-comment = Kommentieren
share-reply = Kommentar hinzufügen
share-comment-placeholder = Ihre Frage oder Anmerkung
share-comment-note = Ihren Kommentar sehen nur Ihr Account-Team und die Personen, mit denen Sie diesen Link teilen.
share-send = Senden
share-plan-comments = Kommentare zum ganzen Plan
share-plan-comments-lead = Alles, was nicht zu einem einzelnen Teil des Plans gehört.
share-field-name = Ihr Name
share-field-comment = Kommentar
share-field-reason = Begründung
share-field-answer = Antwort
share-field-target = Was Sie kommentieren
share-not-sent = Nicht gesendet. { $problems }
share-comment-thanks = Vielen Dank: Ihr Kommentar wurde an das Account-Team gesendet.
share-accepted-thanks = Vielen Dank: Sie haben die Zusage angenommen, und das Account-Team ist informiert.
share-declined-thanks = Vielen Dank: Das Account-Team weiß, dass Sie abgelehnt haben, und warum.
share-csrf-title = Dieses Formular ist abgelaufen
share-csrf-text = Zu Ihrer Sicherheit funktionieren Formulare auf dieser Seite nur eine Zeit lang und nur in dem Browser, der den Link geöffnet hat. Gehen Sie zurück zum Plan und senden Sie es erneut.
share-too-many-title = Bitte einen Moment Geduld
share-back = Zurück zum Plan

## Die Seite des Teams: die Planseite
discussion-from-customer = Kunde, über den Freigabelink „{ $link }“
discussion-shared-all = Wird auf allen Freigabelinks dieses Plans gezeigt.
discussion-shared-own = Wird nur auf dem Freigabelink gezeigt, über den er kam.
discussion-share = Auf allen Freigabelinks zeigen
discussion-unshare = Nur auf dem eigenen Link zeigen
discussion-shared-done = Der Kundenkommentar wird jetzt auf allen Freigabelinks gezeigt.
discussion-unshared-done = Der Kundenkommentar wird jetzt nur auf seinem eigenen Freigabelink gezeigt.
activity-customer = Kunde
joint-title = Mit dem Kunden
joint-count = { $count ->
    [one] 1 gemeinsame Zusage
   *[other] { $count } gemeinsame Zusagen
}
joint-lead = Eine dem Kunden angebotene Zusage erscheint auf jedem gültigen Freigabelink dieses Plans, sobald ihr Verantwortlicher sie angenommen hat: Titel, Verantwortlicher, der genannte Kontakt, Fälligkeit und Erledigungskriterium (nie ihre Notizen). Der Kunde nimmt sie dort an oder lehnt sie mit Begründung ab.
joint-none = Dem Kunden wurde noch keine Zusage angeboten.
joint-nothing-to-offer = Jede angenommene Zusage wurde angeboten; eine Zusage kann angeboten werden, sobald ihr Verantwortlicher sie angenommen hat.
joint-offer = Dem Kunden eine Zusage anbieten
joint-offer-button = Dem Kunden anbieten
joint-field-commitment = Zusage
joint-field-contact = Kontakt beim Kunden
joint-waiting = Wartet auf die Antwort des Kunden
joint-accepted-by = Angenommen von { $who } am { $date }
joint-declined-by = Abgelehnt von { $who } am { $date }
joint-revoked-link = einen inzwischen gelöschten Link
joint-meta = Mit { $contact } · angeboten am { $date }
joint-meta-by = Mit { $contact } · angeboten am { $date } von { $name }
joint-hidden = Erscheint erst auf den Freigabelinks, wenn { $name } die Zusage angenommen hat.
joint-reason = Begründung: { $reason }
joint-ask-again = Erneut fragen
joint-withdraw = Zurücknehmen
joint-offered = Dem Kunden angeboten: Die Zusage erscheint auf den Freigabelinks des Plans.
joint-offered-again = Erneut angeboten: Der Kunde kann neu antworten.
joint-withdrawn = Das Angebot wurde zurückgenommen; die Freigabelinks zeigen die Zusage nicht mehr.
joint-badge-open = Dem Kunden angeboten
joint-badge-accepted = Vom Kunden angenommen
joint-badge-declined = Vom Kunden abgelehnt
joint-err-commitment = wählen Sie eine Zusage dieses Plans
joint-err-contact = wählen Sie den Kontakt beim Kunden
joint-err-contact-account = muss ein Kontakt des Accounts dieses Plans sein
joint-err-not-commitment = Nur eine Zusage kann dem Kunden angeboten werden.
joint-err-not-accepted = Der Verantwortliche hat diese Zusage noch nicht angenommen; bieten Sie sie dem Kunden an, sobald er es getan hat.
