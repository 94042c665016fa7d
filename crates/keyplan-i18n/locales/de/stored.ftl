# Verlaufseinträge und Benachrichtigungen: keyplan speichert sie als Code mit
# Argumenten und schreibt sie beim Anzeigen in der Sprache der Leserin oder des Lesers.

stored-plan-created = hat den Plan angelegt
stored-plan-edited = hat Titel, Status oder Zeitraum des Plans geändert
stored-plan-imported = hat den Plan aus einer Datei importiert ({ $goals } { $goals ->
    [one] Ziel
   *[other] Ziele
  })
stored-link-added = hat ein Ziel mit seiner Grundlage verknüpft
stored-link-removed = hat eine Verknüpfung von einem Ziel entfernt
stored-commented-plan = hat den Plan kommentiert
stored-commented = hat „{ $title }“ kommentiert
stored-written = hat { $verb ->
    [added] hinzugefügt
    [deleted] gelöscht
   *[edited] bearbeitet
  }: { $what } „{ $title }“
stored-commitment-accepted = hat die Zusage „{ $title }“ angenommen
stored-commitment-done = hat die Zusage „{ $title }“ als erledigt markiert
stored-commitment-missed = hat die Zusage „{ $title }“ als verfehlt markiert
stored-progress-noted = hat den Fortschritt der Zusage „{ $title }“ notiert ({ $date })
stored-commitment-declined = hat die Zusage „{ $title }“ abgelehnt
stored-commitment-declined-because = hat die Zusage „{ $title }“ abgelehnt: { $reason }
stored-commitment-answered = hat auf die Zusage „{ $title }“ geantwortet
stored-commitment-date-proposed = hat für die Zusage „{ $title }“ einen neuen Termin vorgeschlagen ({ $date })
stored-commitment-date-proposed-bare = hat für die Zusage „{ $title }“ einen neuen Termin vorgeschlagen
stored-section-edited = hat den Abschnitt { $section } bearbeitet
stored-share-created = hat den Freigabelink „{ $label }“ erstellt
stored-share-revoked = hat den Freigabelink „{ $label }“ widerrufen
stored-review = { $kind ->
    [team] Team-Überprüfung
    [management] Management-Überprüfung
    [customer] gemeinsame Überprüfung mit dem Kunden
   *[plan] Planüberprüfung
  } vom { $date }
stored-review-scheduled = hat die { $review } angesetzt
stored-review-moved = hat die { $review } auf den { $date } verschoben
stored-review-held = hat die { $review } abgehalten; der Plan wurde als Stand eingefroren
stored-review-approved = hat die { $review } abgezeichnet: Plan freigegeben
stored-review-changes = hat die { $review } abgezeichnet: Änderungen erbeten: { $comment }
stored-participant-added = hat { $name } zur { $review } hinzugefügt
stored-participant-removed = hat { $name } aus der { $review } entfernt

stored-notif-proposed = { $name } hat Ihnen eine Zusage vorgeschlagen: { $title }
stored-notif-comment = { $name } hat „{ $title }“ in { $plan } kommentiert: { $body }
stored-notif-comment-plan = { $name } hat den Plan { $plan } kommentiert: { $body }
stored-notif-overdue = Überfällig seit { $date }: { $title } ({ $plan })
stored-notif-due = Fällig { $when }: { $title } ({ $plan })
stored-today = heute
stored-tomorrow = morgen
stored-in-days = in { $days } Tagen, am { $date }
stored-notif-review-due = { $kind ->
    [team] Team-Überprüfung
    [management] Management-Überprüfung
    [customer] Gemeinsame Überprüfung mit dem Kunden
   *[plan] Planüberprüfung
  } von { $plan } am { $date }
stored-notif-review-overdue = { $kind ->
    [team] Team-Überprüfung
    [management] Management-Überprüfung
    [customer] Gemeinsame Überprüfung mit dem Kunden
   *[plan] Planüberprüfung
  } von { $plan } war am { $date } fällig
stored-notif-review-scheduled = { $name } hat die { $review } in { $plan } angesetzt; Sie nehmen teil.
stored-notif-approved = { $name } hat { $plan } in der { $review } freigegeben.
stored-notif-changes = { $name } bittet um Änderungen an { $plan } in der { $review }: { $comment }
stored-notif-changes-plain = { $name } bittet um Änderungen an { $plan } in der { $review }.
stored-notif-answered = { $name } { $line }

# Ein Verlaufseintrag oder eine Benachrichtigung aus der Zeit, bevor keyplan sie
# als Code speicherte, die keiner bekannten Form entspricht: wie geschrieben.
stored-text = { $text }

stored-limit-exception = hat eine Ausnahme von den Grenzen für aktive Pläne zugelassen ({ $limits }): { $reason }
