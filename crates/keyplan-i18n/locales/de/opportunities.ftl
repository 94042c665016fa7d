# Verkaufschancen eines Kunden (Opportunities, wie das CRM sie führt) und die
# Pipeline-Deckung der Umsatzziele.

## Feldfehler
err-currency-code = muss ein Währungscode aus drei Buchstaben sein, etwa EUR
err-probability = muss eine ganze Zahl von 0 bis 100 sein
err-opp-goal = muss ein Ziel eines Plans dieses Kunden sein
err-opp-cell = muss eine Zelle der Whitespace-Matrix dieses Kunden sein
err-opp-crm-id-taken = eine andere Verkaufschance hat bereits diese CRM-ID

## Status
opp-status-open = Offen
opp-status-won = Gewonnen
opp-status-lost = Verloren

## Die Karte auf der Kundenseite
opp-title = Verkaufschancen
opp-count = { $count ->
    [one] { $count } Verkaufschance
   *[other] { $count } Verkaufschancen
}
opp-none = Noch keine Verkaufschancen. Erfassen Sie die Geschäfte, die auf die Ziele des Plans einzahlen, oder importieren Sie sie aus dem CRM.
opp-add = Verkaufschance hinzufügen
opp-col-name = Verkaufschance
opp-col-stage = Phase
opp-col-status = Status
opp-col-amount = Betrag
opp-col-probability = Wahrscheinlichkeit
opp-col-close = Abschlussdatum
opp-col-owner = Verantwortlich
opp-col-goal = Ziel
opp-overdue = Abschlussdatum überschritten
opp-crm = CRM { $id }

## Das Formular
opp-breadcrumb = Navigationspfad
opp-new-title = Neue Verkaufschance
opp-at = Verkaufschance bei { $account }
opp-field-name = Name
opp-field-crm-id = CRM-ID
opp-field-stage = Phase
opp-field-status = Status
opp-field-amount = Betrag
opp-field-currency = Währung
opp-field-probability = Wahrscheinlichkeit (%)
opp-field-close-date = Abschlussdatum
opp-field-owner = Verantwortlich
opp-field-next-step = Nächster Schritt
opp-field-goal = Ziel, auf das sie einzahlt
opp-field-cell = Whitespace-Zelle
opp-goal-hint = Nur Ziele mit einem Geldbetrag als Zielwert zählen für die Pipeline-Deckung.
opp-create = Verkaufschance hinzufügen
opp-save = Speichern
opp-cancel = Abbrechen
opp-remove-title = Diese Verkaufschance löschen
opp-remove-text = „{ $name }“ wird gelöscht. Verknüpfte Ziele verlieren ihren Betrag aus der Pipeline.
opp-remove = „{ $name }“ löschen
opp-added = Verkaufschance „{ $name }“ hinzugefügt.
opp-saved = Verkaufschance „{ $name }“ gespeichert.
opp-removed = Verkaufschance „{ $name }“ gelöscht.

## Pipeline-Deckung eines Umsatzziels
cov-title = Pipeline
cov-covered = { $percent } gedeckt
cov-no-gap = keine Lücke zu decken
cov-detail = gewonnen { $won } · gewichtet { $weighted } von { $open } offen · Lücke { $gap }
cov-overdue = { $count ->
    [one] { $count } offene Verkaufschance mit überschrittenem Abschlussdatum
   *[other] { $count } offene Verkaufschancen mit überschrittenem Abschlussdatum
}
cov-other-currency = { $count ->
    [one] { $count } Verkaufschance in anderer Währung, nicht gezählt
   *[other] { $count } Verkaufschancen in anderer Währung, nicht gezählt
}
cov-col-gap = Lücke
cov-col-open = Offene Pipeline
cov-col-weighted = Gewichtet
cov-col-won = Gewonnen
cov-col-coverage = Deckung
