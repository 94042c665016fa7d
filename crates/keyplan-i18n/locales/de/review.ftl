# Überprüfungen, die Kennzahlen, die Zeitleiste, der Vergleich von Versionen,
# Diskussion und Verlauf eines Plans und der Kalender-Feed.
# Begriffe: review = Überprüfung, KPI = Kennzahl, actual = Istwert,
# target = Zielwert, baseline = Ausgangswert, timeline = Zeitleiste,
# activity history = Verlauf.

## Die Kennzahlen auf der Planseite
kpi-none = Noch keine Kennzahlen. Eine Kennzahl sagt, was gemessen wird – von welchem Ausgangswert zu welchem Zielwert bis wann; erfassen Sie jeden Monat oder jedes Quartal einen Istwert, um den Verlauf zu sehen.
kpi-candidates = Was die Ziele versprechen – gute Kandidaten für Kennzahlen:
kpi-col-goal = Ziel
kpi-col-metric = Messgröße
kpi-col-baseline = Ausgangswert
kpi-col-target = Zielwert
kpi-col-unit = Einheit
kpi-col-by = Bis
kpi-col-for = Nutzen
kpi-no-metric = keine Messgröße
kpi-no-actual = Noch kein Istwert
kpi-bar-label = { $progress } des Wegs zum Zielwert
kpi-to-target = { $progress } zum Zielwert
kpi-measures-goal = Misst das Ziel
kpi-values = { $count ->
    [one] { $count } erfasster Wert
   *[other] { $count } erfasste Werte
}
kpi-record = erfassen
kpi-col-period = Zeitraum
kpi-col-value = Wert
kpi-col-note = Anmerkung
kpi-col-recorded-by = Erfasst von
kpi-remove-value = Diesen Wert entfernen
kpi-remove-value-for = Wert für { $period } entfernen
kpi-period-any-day = Zeitraum (ein beliebiger Tag darin)
kpi-value = Wert
kpi-note = Anmerkung
kpi-record-value = Wert erfassen
kpi-record-hint = Ein Wert für einen bereits erfassten Zeitraum ersetzt den bisherigen.
kpi-edit = Bearbeiten
kpi-save = Kennzahl speichern
kpi-move-up = Nach oben
kpi-move-up-name = { $name } nach oben verschieben
kpi-move-down = Nach unten
kpi-move-down-name = { $name } nach unten verschieben
kpi-delete = Löschen
kpi-add-open = + Kennzahl hinzufügen
kpi-add = Kennzahl hinzufügen
kpi-journey = { $from } → { $to }
kpi-journey-by = { $from } → { $to } bis { $date }
kpi-spark-label = { $count ->
    [one] Verlauf von { $count } erfasstem Wert
   *[other] Verlauf von { $count } erfassten Werten
}
kpi-recorded = { $name }, { $date }

## Felder einer Kennzahl
kpi-name = Name
kpi-name-placeholder = Lieferanteil
kpi-unit = Einheit
kpi-unit-placeholder = %, Tsd. EUR, Punkte
kpi-period-field = Erfassung
kpi-baseline = Ausgangswert
kpi-target = Zielwert
kpi-target-date = Zieldatum
kpi-goal = Misst das Ziel
kpi-goal-none = – keines –

## Wie eine Kennzahl erfasst und beurteilt wird
kpi-period-quarter = Vierteljährlich
kpi-period-month = Monatlich
kpi-judgement-on_track = Im Plan
kpi-judgement-behind = Im Rückstand
kpi-judgement-ahead = Voraus
kpi-judgement-unknown = Keine Daten

## Meldungen zu Kennzahlen
kpi-added = Kennzahl hinzugefügt.
kpi-saved = Kennzahl gespeichert.
kpi-deleted = Kennzahl „{ $name }“ gelöscht.
kpi-moved = Kennzahl verschoben.
kpi-value-recorded = { $value } für { $period } erfasst.
kpi-value-removed = Erfasster Wert entfernt.

## Die Karte „Überprüfungen“ auf der Planseite
review-card-title = Überprüfungen
review-next = Nächste Überprüfung am { $date }
review-overdue = Überprüfung überfällig
review-cadence = Überprüfungsrhythmus: { $cadence }.
review-cadence-1 = monatlich
review-cadence-3 = vierteljährlich
review-cadence-6 = halbjährlich
review-cadence-12 = jährlich
review-cadence-n = alle { $n } Monate
review-compare-versions = Versionen vergleichen →
review-none = Noch keine Überprüfungen.
review-held = Durchgeführt
review-planned = Geplant
review-kind-field = Art
review-date = Datum
review-plan = Überprüfung planen
review-schedule = Überprüfungsrhythmus
review-every = Alle
review-months = Monate
review-next-field = Nächste Überprüfung
review-save-schedule = Rhythmus speichern

## Arten von Überprüfungen und Freigabe-Entscheidungen
review-kind-team = Team-Überprüfung
review-kind-management = Management-Überprüfung
review-kind-customer = Gemeinsame Überprüfung mit dem Kunden
review-signoff-approved = Freigegeben
review-signoff-changes_requested = Änderungen angefordert

## Die Seite einer Überprüfung
review-breadcrumb = Navigationspfad
review-of = Überprüfung von
review-hold = Überprüfung durchführen
review-hold-hint = Friert den Plan in seinem jetzigen Stand ein.
review-what-changed = Was sich seit der letzten Überprüfung geändert hat
review-change-count = { $count ->
    [one] { $count } Änderung
   *[other] { $count } Änderungen
}
review-from = Von
review-to-snapshot = bis zum eingefrorenen Stand dieser Überprüfung
review-to-current = bis zum aktuellen Stand des Plans
review-compare-other = Andere Versionen vergleichen →
review-first = Dies ist die erste Überprüfung des Plans: Es gibt noch keine frühere Version zum Vergleich. Wenn Sie sie durchführen, wird der Plan eingefroren, sodass die nächste Überprüfung zeigen kann, was sich geändert hat.
review-from-label = { $kind } vom { $date }
review-participants = Teilnehmende
review-nobody = Noch niemand hinzugefügt.
review-customer = Kunde
review-remove-name = { $name } entfernen
review-one-of-us = Jemand von uns
review-customer-contact = Kontakt beim Kunden
review-notes-title = Notizen und Entscheidungen
review-notes = Notizen
review-decisions = Entscheidungen
review-save-notes = Notizen speichern
review-signoff-title = Freigabe
review-quoted = „{ $text }“
review-signoff-by = von { $name }
review-decision = Entscheidung
review-approve = Plan freigeben
review-request-changes = Änderungen anfordern
review-comment = Kommentar
review-comment-placeholder = Erforderlich, wenn Sie Änderungen anfordern
review-sign-off = Entscheidung abgeben
review-signoff-held = Eine Führungskraft gibt diese Management-Überprüfung frei.
review-signoff-later = Sobald sie durchgeführt ist, gibt eine Führungskraft diese Management-Überprüfung frei.

## Meldungen zu Überprüfungen
review-planned-flash = Überprüfung geplant. Fügen Sie die Teilnehmenden hinzu und führen Sie die Überprüfung am Termin durch.
review-schedule-saved = Überprüfungsrhythmus gespeichert.
review-notes-saved = Notizen und Entscheidungen gespeichert.
review-participant-added = Teilnehmende Person hinzugefügt.
review-participant-removed = Teilnehmende Person entfernt.
review-held-flash = Überprüfung durchgeführt: Der Plan ist in seinem jetzigen Stand als Momentaufnahme dieser Überprüfung eingefroren.
review-hold-conflict = Diese Überprüfung wurde von jemand anderem geändert, seit Sie sie geöffnet haben (sie ist jetzt bei Version { $version }); sie wurde nicht durchgeführt. Prüfen Sie die Seite in ihrem jetzigen Stand und führen Sie die Überprüfung erneut durch.
review-signed-off = Entscheidung gespeichert; der Status des Plans folgt ihr.
review-conflict = Jemand anderes hat das in der Zwischenzeit geändert; es wurde nichts gespeichert. Hier ist die aktuelle Version.

## Warum ein Formular oder eine Aktion zu Überprüfungen abgelehnt wurde
review-err-cadence = muss zwischen 1 und 24 Monaten liegen
review-err-kind = muss Team, Management oder Kunde sein
review-err-decision = muss „freigegeben“ oder „Änderungen angefordert“ sein
review-err-which-changes = bitte sagen Sie, welche Änderungen Sie anfordern
review-err-too-long = ist zu lang (höchstens 20.000 Zeichen)
review-err-already-held = Diese Überprüfung wurde bereits durchgeführt.
review-err-only-management = Nur eine Management-Überprüfung wird freigegeben.
review-err-hold-first = Führen Sie die Überprüfung durch, bevor Sie sie freigeben.
review-err-held-stays = Eine durchgeführte Überprüfung gehört zur Geschichte des Plans und bleibt erhalten.

## Was sich geändert hat: eine Änderung
review-nothing-changed = Nichts hat sich geändert.
review-tag-added = Neu
review-tag-removed = Entfernt
review-tag-changed = Geändert
review-empty = (leer)
review-became = wurde zu
review-text-added = { $entity } „{ $subject }“ hinzugefügt
review-text-removed = { $entity } „{ $subject }“ entfernt
review-text-changed = { $entity } „{ $subject }“: { $field } { $before } → { $after }
review-text-changed-plain = { $entity }: { $field } { $before } → { $after }
review-entity-plan = Plan
review-entity-kpi = Kennzahl
review-entity-contact = Kontakt
review-entity-section = Abschnitt
review-entity-goal-link = Verknüpfung mit einem Ziel
review-benefit-customer = Für den Kunden
review-benefit-us = Für uns
review-benefit-both = Für beide
review-field-title = Titel
review-field-status = Status
review-field-period-start = Beginn des Zeitraums
review-field-period-end = Ende des Zeitraums
review-field-notes = Notizen
review-field-metric = Messgröße
review-field-baseline = Ausgangswert
review-field-target = Zielwert
review-field-unit = Einheit
review-field-target-date = Zieldatum
review-field-benefit = Nutzen
review-field-owner = Verantwortliche(r)
review-field-customer-contact = Kontakt beim Kunden
review-field-start-date = Startdatum
review-field-due-date = Fälligkeit
review-field-done-when = Erledigt, wenn
review-field-how = Vorgehen
review-field-acceptance = Annahme
review-field-text = Text
review-field-source = Quelle
review-field-response = Antwort
review-field-so-what = Was heißt das für uns
review-field-name = Name
review-field-buying-role = Rolle im Buying Center
review-field-influence = Einfluss
review-field-attitude = Haltung
review-field-reports-to = berichtet an
review-field-relationship-owner = Beziehungsverantwortliche(r)
review-field-latest-actual = letzter Istwert
review-field-actual-for = Istwert für { $period }
review-field-note-for = Anmerkung für { $period }

## Zwei Versionen vergleichen
compare-title = Vergleich · { $plan }
compare-heading = Was sich geändert hat
compare-intro = Vergleichen Sie zwei beliebige Versionen von { $plan }: die von Überprüfungen eingefrorenen Momentaufnahmen oder den aktuellen Stand des Plans.
compare-from = Von
compare-to = Bis
compare-submit = Vergleichen
compare-json = Als JSON
compare-changes = Änderungen
compare-version = { $label } (aufgenommen am { $date })
compare-current = Der aktuelle Stand des Plans

## Die Zeitleiste
timeline-title = Zeitleiste
timeline-page-title = Zeitleiste · { $plan }
timeline-commitments = { $count ->
    [one] { $count } Zusage
   *[other] { $count } Zusagen
}
timeline-overdue-count = { $count } überfällig
timeline-back = Zurück zum Plan
timeline-hint = Zwölf Monate ab Beginn des Planzeitraums. Zeigen Sie auf einen Balken, um Verantwortliche, Termine und Status zu sehen.
timeline-legend = Legende
timeline-legend-accepted = Angenommen
timeline-legend-in-progress = In Arbeit
timeline-legend-done = Erledigt
timeline-legend-missed = Verfehlt
timeline-legend-proposed = Vorgeschlagen
timeline-legend-date-proposed = Termin vorgeschlagen
timeline-legend-declined = Abgelehnt
timeline-legend-overdue = Überfällig
timeline-legend-review = Überprüfung
timeline-legend-due-only = ◆ nur Fälligkeit
timeline-reviews-lane = ÜBERPRÜFUNGEN
timeline-empty = Noch keine Zusagen: Legen Sie sie unter den Zielen des Plans an, um sie hier zu sehen.
timeline-today = Heute
timeline-svg-title = Zeitleiste von { $plan }: { $count } Zusagen, { $overdue } überfällig
timeline-class-open = Angenommen, offen
timeline-class-in_progress = In Arbeit
timeline-class-done = Erledigt
timeline-class-missed = Verfehlt
timeline-class-proposed = Vorgeschlagen, noch nicht angenommen
timeline-class-date_proposed = Anderer Termin vorgeschlagen
timeline-class-declined = Abgelehnt
timeline-no-owner = keine Verantwortlichen
timeline-due = fällig am { $date }
timeline-no-due-date = keine Fälligkeit
timeline-outside = außerhalb dieser 12 Monate
timeline-overdue-mark = ÜBERFÄLLIG
timeline-review-held = (durchgeführt)

## Diskussion und Verlauf eines Plans
discussion-title = Diskussion & Verlauf
discussion-count = { $count ->
    [one] { $count } Kommentar
   *[other] { $count } Kommentare
}
discussion-comments = Kommentare
discussion-none = Noch keine Kommentare. Stellen Sie eine Frage oder hinterlassen Sie eine Notiz für das Team.
discussion-on = zu
discussion-about = Betrifft
discussion-comment = Kommentar
discussion-placeholder = Fragen, vorschlagen oder etwas festhalten …
discussion-add = Kommentar hinzufügen
discussion-whole-plan = Der Plan als Ganzes
discussion-removed-item = einem entfernten Eintrag
discussion-added = Kommentar hinzugefügt.
discussion-error = Kommentar: { $message }
discussion-err-empty = bitte schreiben Sie zuerst etwas
discussion-err-too-long = ist zu lang (höchstens 4.000 Zeichen)
discussion-err-target = diesen Eintrag gibt es in diesem Plan nicht
activity-recent = Letzte Änderungen
activity-none = Noch keine Änderungen erfasst.
activity-full = Gesamter Verlauf →
activity-title = Verlauf
activity-page-title = Verlauf · { $plan }
activity-intro = Wer was in diesem Plan wann geändert hat (neueste zuerst, Zeiten in UTC).
activity-someone = Jemand

## Der Kalender-Feed
calendar-title = Kalender-Feed
calendar-intro = Abonnieren Sie ihn in Outlook, Google Kalender oder Apple Kalender, um die Fälligkeiten Ihrer angenommenen Zusagen und die Überprüfungen zu sehen, an denen Sie teilnehmen.
calendar-address = Ihre geheime Feed-Adresse
calendar-copy = Kopieren Sie diese Adresse jetzt und fügen Sie sie Ihrem Kalender als Abonnement hinzu. Sie wird nur einmal angezeigt; jeder, der sie kennt, kann Ihre Termine lesen.
calendar-address-label = Adresse des Kalender-Feeds
calendar-active = Eine Feed-Adresse ist seit { $date } aktiv. Zu Ihrer Sicherheit wird sie nicht erneut angezeigt: Erstellen Sie eine neue, falls Sie sie verloren haben (die alte funktioniert dann nicht mehr).
calendar-none = Sie haben noch keinen Kalender-Feed.
calendar-new = Neue Adresse erstellen
calendar-create = Feed-Adresse erstellen
calendar-off = Feed abschalten
calendar-turned-off = Kalender-Feed abgeschaltet. Die alte Adresse funktioniert nicht mehr.
