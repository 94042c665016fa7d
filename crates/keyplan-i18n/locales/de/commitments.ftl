# „Meine Zusagen“ und die Antworten auf eine Zusage.

mine-title = Meine Zusagen
mine-intro = Was Sie in allen Plänen zugesagt haben – und worum Kolleginnen und Kollegen Sie bitten.
mine-to-answer = Wartet auf Ihre Antwort
mine-nothing-to-answer = Nichts zu beantworten. Gut gemacht.
mine-asked-by = angefragt von { $name }
mine-due = fällig am { $date }
mine-done-when = Erledigt, wenn: { $criterion }
mine-how = Vorgehen: { $how }
mine-accept = Annehmen
mine-decline-open = Ablehnen …
mine-decline-why = Warum können Sie das nicht übernehmen?
mine-decline = Ablehnen
mine-propose-open = Anderen Termin vorschlagen …
mine-deliver-by = Ich kann liefern bis
mine-propose = Termin vorschlagen
mine-dates-to-answer = Ihnen vorgeschlagene neue Termine
mine-proposes = { $name } schlägt
mine-instead-of = statt { $date } vor
mine-accept-date = Neuen Termin annehmen
mine-keep-date = Ursprünglichen Termin beibehalten
mine-accepted = Angenommen – in Arbeit
mine-no-open = Keine offenen Zusagen.
mine-col-commitment = Zusage
mine-col-account = Account
mine-col-due = Fällig
mine-col-status = Status
mine-overdue = Überfällig
mine-status-of = Status von { $title }
mine-update = Aktualisieren
mine-waiting-for-author = Ihre Terminvorschläge, die auf den Verfasser warten
mine-you-proposed = — Sie haben { $name } den { $date } vorgeschlagen
mine-closed = Abgeschlossen und abgelehnt
mine-declined = Abgelehnt

## Hinweise nach einer Antwort
mine-flash-accepted = Angenommen. Die Zusage ist jetzt Teil des Plans.
mine-flash-declined = Abgelehnt. Der Verfasser hat Ihre Begründung erhalten.
mine-flash-date-proposed = Dem Verfasser wurde ein neuer Termin vorgeschlagen.
mine-flash-date-accepted = Neuer Termin angenommen.
mine-flash-date-rejected = Termin abgelehnt; die oder der Verantwortliche wird erneut gefragt.
mine-flash-status = Status aktualisiert.
mine-unknown-answer = Unbekannte Antwort.
