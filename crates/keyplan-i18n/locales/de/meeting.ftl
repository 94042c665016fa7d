# The regular sales meeting: its list, the proposed agenda, the meeting page and its agenda PDF and Markdown.
nav-meetings = Besprechungen
meeting-list-title = Vertriebsbesprechungen
meeting-intro = Pläne leben in den regelmäßigen Vertriebs- und KAM-Besprechungen. Eine neue Besprechung schlägt die Pläne mit den meisten Änderungen oder Risiken seit der letzten vor; halten Sie Beschlüsse und Folgezusagen fest und schließen Sie die Besprechung danach ab.
meeting-new = Neue Besprechung
meeting-none-yet = Noch keine Besprechungen.
meeting-col-title = Titel
meeting-col-state = Stand
meeting-state-closed = Abgeschlossen
meeting-state-open = Offen
meeting-decisions = Beschlüsse
meeting-follow-ups = Folgezusagen
meeting-field-date = Datum
meeting-field-title = Titel
meeting-field-plan_ids = Pläne
meeting-refresh = Für dieses Datum vorschlagen
meeting-when = Wann
meeting-default-title = Vertriebsbesprechung
meeting-agenda-plans = Pläne auf der Tagesordnung
meeting-nothing-moved = Seit der letzten Besprechung hat sich in keinem Plan etwas bewegt. Wählen Sie Pläne aus der Liste unten.
meeting-plans-hint = Die { $count } Pläne mit den meisten Änderungen oder Risiken sind angekreuzt; bei jedem steht, warum.
meeting-other-plans = Weitere Pläne
meeting-others-cut = Hier stehen nur die Pläne mit dem größten Potenzial.
meeting-create = Besprechung anlegen
meeting-since-last = Änderungen seit der letzten Besprechung am { $date }
meeting-since-first = Erste Besprechung: Änderungen seit { $date }
meeting-created = Besprechung mit { $count } Plänen auf der Tagesordnung angelegt.
meeting-closed-on = abgeschlossen am { $date }
meeting-agenda-pdf = Tagesordnung (PDF)
meeting-agenda-md = Tagesordnung (Markdown)
meeting-close = Besprechung abschließen
meeting-kam = KAM: { $name }
meeting-changes = Was sich geändert hat
meeting-changes-since-meeting = Was sich seit der Besprechung am { $date } geändert hat
meeting-changes-since-snapshot = Was sich seit { $label } geändert hat
meeting-changes-no-base = Zum ersten Mal auf einer Tagesordnung: Die nächste Besprechung zeigt, was sich seit dieser geändert hat.
meeting-changes-none = Nichts hat sich geändert.
meeting-changes-more = … und { $count } weitere Änderungen
meeting-open-asks = Offene Bitten
meeting-ask-line = { $title } — { $owner }: { $state }
meeting-ask-due = fällig am { $date }
meeting-none = Keine.
meeting-why = Warum er auf der Tagesordnung steht
meeting-col-why = Warum
meeting-decision = Beschluss
meeting-record-decision = Beschluss festhalten
meeting-no-parents = Der Plan hat noch kein Ziel und kein Hindernis, dem eine Zusage dienen könnte.
meeting-follow-up-title = Zusage
meeting-follow-up-serves = Dient
meeting-follow-up-owner = Verantwortlich
meeting-follow-up-due = Fällig
meeting-add-follow-up = Zusage hinzufügen
meeting-decision-recorded = Beschluss festgehalten.
meeting-follow-up-added = Zusage „{ $title }“ hinzugefügt; die verantwortliche Person wird um Annahme gebeten.
meeting-closed-flash = Besprechung abgeschlossen: Die nächste Besprechung zeigt, was sich ab jetzt ändert.
meeting-reason-blockers = { $count ->
    [one] 1 neue Blockade
   *[other] { $count } neue Blockaden
}
meeting-reason-overdue = { $count ->
    [one] 1 überfällige Zusage
   *[other] { $count } überfällige Zusagen
}
meeting-reason-goals = { $count ->
    [one] 1 Ziel geändert
   *[other] { $count } Ziele geändert
}
meeting-reason-review-overdue = Überprüfung seit { $date } überfällig
meeting-reason-review-due = Überprüfung fällig am { $date }
meeting-reason-chosen = von Hand gewählt
meeting-agenda-subtitle = Tagesordnung für den { $date }
meeting-footer = Tagesordnung der Vertriebsbesprechung · intern
meeting-snapshot-label = Vertriebsbesprechung { $date }
meeting-history-decision = Die Vertriebsbesprechung vom { $date } hat beschlossen: { $text }
meeting-history-decision-notice = Die Vertriebsbesprechung vom { $date } hat zu { $plan } beschlossen: { $text }
meeting-history-follow-up = Die Vertriebsbesprechung vom { $date } hat die Zusage „{ $text }“ hinzugefügt.
err-meeting-no-plans = mindestens einen Plan auswählen
err-meeting-too-many = höchstens { $max }
err-meeting-nothing-moved = seit der letzten Besprechung hat sich in keinem Plan etwas bewegt: Pläne auswählen
err-meeting-unknown = { $id } ist kein laufender Plan dieser Organisation
err-meeting-closed = die Besprechung ist bereits abgeschlossen
err-meeting-not-on-agenda = der Plan steht nicht auf der Tagesordnung dieser Besprechung
err-meeting-parent = ein Ziel oder Hindernis dieses Plans auswählen
