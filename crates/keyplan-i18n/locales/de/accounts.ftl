# Die Account-Liste und die Account-Seite.

## Die Account-Liste
accounts-title = Accounts
accounts-intro = { $count } Accounts · Pläne gehören zu den wenigen mit dem größten Wachstumspotenzial.
accounts-search-placeholder = Name, Branche, Region, CRM-ID suchen
accounts-search-label = Accounts durchsuchen
accounts-search = Suchen
accounts-new = Neuer Account
accounts-owner-me = — ich, wenn ich KAM bin —
accounts-create = Account anlegen
accounts-empty-title = Noch keine Accounts
accounts-empty-text = Legen Sie die Kunden an, deren Wachstumspotenzial einen Plan verdient.
accounts-no-match = Keine Treffer für „{ $q }“
accounts-show-all = Alle Accounts anzeigen
accounts-col-account = Account
accounts-col-kam = KAM
accounts-col-plan = Plan
accounts-open-plan = Plan öffnen
accounts-stale-title = Die Überprüfung eines Plans dieses Accounts ist überfällig, oder er blieb länger als das Aktualisierungsintervall ohne Änderung und ohne Überprüfung
accounts-review-overdue = Überprüfung überfällig
accounts-created = Account „{ $name }“ angelegt.
accounts-deleted = Account „{ $name }“ gelöscht.

## Felder eines Accounts
account-name = Name
account-industry = Branche
account-region = Region
account-revenue-year = Unser Umsatz / Jahr
account-total-spend-field = Gesamtausgaben des Kunden in unseren Kategorien
account-potential-field = Geschätztes Potenzial
account-growth-trend = Wachstumstrend
account-kam-field = Key Account Manager
account-parent = Übergeordneter Account
account-crm-id = CRM-ID

## Kennzahlen
account-revenue = Unser Umsatz
account-total-spend = Kundenausgaben in unseren Kategorien
account-share = Lieferanteil
account-potential = Potenzial
account-growth = Wachstumspotenzial
account-trend = Trend

## Die Account-Seite
account-breadcrumb = Navigationspfad
account-kam = KAM { $name }
account-crm = CRM { $id }
account-edit = Account bearbeiten
account-save = Account speichern
account-saved = Account gespeichert.
account-plans = Pläne
account-whitespace-title = Unsere Leistungen × ihre Geschäftsbereiche
account-whitespace = Whitespace-Matrix
account-no-plan = Noch kein Plan. Ein einseitiger Plan kostet das Team einen Tag: Ziel, Erfolgsfaktoren, Voraussetzungen, Hindernisse, Zusagen.
account-plan-accepted = { $accepted } von { $total } Zusagen angenommen
account-plan-done = { $count } erledigt
account-new-plan = Neuer Plan
account-template = Vorlage
account-template-sections = { $count ->
    [one] { $count } Abschnitt
   *[other] { $count } Abschnitte
}
account-template-pages = { $count ->
    [one] { $pages } Seite
   *[other] { $pages } Seiten
}
account-no-template = Für neue Pläne wird keine Vorlage angeboten. Ein Administrator kann unter „Vorlagen“ eine wiederherstellen oder hinzufügen.
account-plan-title = Titel
account-period-start = Zeitraum beginnt
account-period-start-hint = Leer: heute
account-period-end = Zeitraum endet
account-period-end-hint = Leer: 12 Monate später
account-create-plan = Plan anlegen
account-default-plan-title = Account-Plan { $name } { $year }
account-team = Account-Team
account-remove-member = { $name } aus dem Team entfernen
account-add-to-team = Zum Team hinzufügen
account-colleague = Kollegin oder Kollege
account-function = Funktion
account-function-placeholder = Service, Produkt, Sponsor im Management …
account-team-updated = Team aktualisiert.
account-team-removed = Aus dem Team entfernt.
account-map = Buying-Center-Karte
account-map-toggle = Zeigen, wer wen betreut
account-map-ok = Jeder Kontakt hat eine Betreuerin oder einen Betreuer, und jeder Entscheider ist erfasst.
account-map-scroll = Buying-Center-Karte (scrollbar)
account-map-without-owner = { $count ->
    [one] { $count } Kontakt ohne Betreuer: { $names }
   *[other] { $count } Kontakte ohne Betreuer: { $names }
}
account-map-no-decision-maker = Noch kein Entscheider erkannt
account-map-unmapped = Entscheider noch nicht erfasst: { $names }
account-map-more = { $names } und { $count } weitere
account-buying-centre = Buying Center
account-contacts-count = { $count } Kontakte
account-no-contacts = Noch keine Kontakte. Wer entscheidet, wer zahlt, wer legt die Anforderungen fest, wer kann uns blockieren – und wer von uns betreut diese Personen?
account-col-contact = Kontakt
account-col-role = Rolle im Buying Center
account-col-influence = Einfluss
account-col-attitude = Haltung
account-col-reports-to = Berichtet an
account-col-owner = Betreut von
account-objective = Kontaktziel: { $text }
account-influence-of = Einfluss { $n } von 5
account-nobody = Noch niemand
account-add-contact = Kontakt hinzufügen
account-contact-title = Position
account-business-unit = Geschäftsbereich
account-influence-field = Einfluss (1–5)
account-attitude-field = Haltung uns gegenüber
account-contact-objective = Kontaktziel
account-contact-objective-placeholder = Was diese Person denken oder tun soll
account-last-contact = Letzter Kontakt
account-email = E-Mail
account-delete = Diesen Account löschen
account-delete-text = Damit werden { $name } sowie alle Kontakte, das Team und die Pläne gelöscht. Das lässt sich nicht rückgängig machen.
account-delete-button = { $name } löschen
account-contact-added = { $name } hinzugefügt.
account-contact-saved = { $name } gespeichert.
account-contact-removed = { $name } entfernt.
account-plan-deleted = Plan „{ $title }“ gelöscht.

## Plan-Dokument importieren
account-import-plan = Plan importieren
account-import-document = Plan-Dokument (JSON)
account-import-hint = Fügen Sie ein aus keyplan exportiertes Plan-Dokument ein (JSON, siehe /api/v1/schema/plan.json). Verantwortliche werden über die E-Mail-Adresse gefunden, Kontakte über den Namen; fehlende Kontakte werden diesem Account hinzugefügt.
account-import-submit = Als neuen Plan importieren
account-import-empty = Fügen Sie zuerst ein Plan-Dokument ein
account-imported = „{ $title }“ wurde als neuer Plan importiert.
account-imported-contacts = { $count ->
    [one] Ein Kontakt wurde dem Account hinzugefügt.
   *[other] { $count } Kontakte wurden dem Account hinzugefügt.
  }

# Die Bewertung eines Plans durch den Coach in Listen (Issue 12).
accounts-col-coach = Coach
coach-mark-level = Stufe { $level }
coach-mark-title = Coach-Bewertung { $score } von 100 · Stufe { $level } von 5: { $meaning }
coach-mark-none = Noch nicht bewertet
