# Die Buying-Center-Karte (ein SVG-Bild auf der Account- und der Planseite).

map-empty-title = Noch keine Kontakte
map-empty-text = Erfassen Sie die Personen, die entscheiden, zahlen, Anforderungen festlegen oder uns blockieren können, um das Buying Center zu zeichnen.
map-team-heading = UNSER TEAM · WER BETREUT WEN
map-role-unknown = Rolle unbekannt
map-no-owner = Noch kein Betreuer
map-attitude-unknown-short = Haltung?
map-title-empty = Buying-Center-Karte: noch keine Kontakte
map-title = Buying-Center-Karte mit { $count } Kontakten
map-desc-empty = Zu diesem Account wurden noch keine Kontakte erfasst.
map-desc = Organigramm der Kontakte des Kunden nach Berichtslinie, jeweils mit Rolle im Buying Center, Einfluss und Haltung, und gestrichelten Linien zur Kollegin oder zum Kollegen, die oder der sie betreut. { $without } ohne Betreuer; { $decision }.
map-desc-unmapped = { $count } Entscheider noch nicht erfasst
map-desc-no-decision-maker = noch kein Entscheider erkannt
map-calls-on = { $name } betreut { $contact }
map-calls-count = { $count ->
    [one] betreut { $count } Kontakt
   *[other] betreut { $count } Kontakte
}
map-team-tooltip = { $count ->
    [one] { $name } (unser Team) betreut { $count } Kontakt
   *[other] { $name } (unser Team) betreut { $count } Kontakte
}
map-tooltip-facts = . Rolle: { $role }. Einfluss: { $influence }. Haltung: { $attitude }.
map-unknown = unbekannt
map-influence-of = { $n } von 5
map-called-on-by = Betreut von { $name }.
map-nobody-calls = Noch niemand von uns betreut diese Person.
map-tooltip-unmapped = Entscheider noch nicht erfasst.
map-role-technical = Fachlich
map-role-coach = Fürsprecher
map-legend-unknown = Haltung unbekannt
map-legend-influence = Einfluss (1–5)
map-legend-no-owner = Kein Betreuer
map-legend-unmapped = Entscheider noch nicht erfasst
map-legend-reports = Berichtet an
map-legend-calls = Betreut
