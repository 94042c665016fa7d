## Das Account-Portfolio: Seite, Bild, Tabelle und Downloads
nav-portfolio = Portfolio
portfolio-title = Account-Portfolio
portfolio-intro = { $placed ->
    [one] Ein Account, eingeordnet nach Lieferanteil und Wachstumspotenzial.
   *[other] { $placed } Accounts, eingeordnet nach Lieferanteil und Wachstumspotenzial.
}
portfolio-svg-title = Account-Portfolio: { $count ->
    [one] ein Account
   *[other] { $count } Accounts
} nach Lieferanteil und Wachstumspotenzial
portfolio-axis-share = Lieferanteil (Umsatz ÷ Kundenausgaben)
portfolio-axis-growth = Wachstumspotenzial (Potenzial − Umsatz)
portfolio-share-line = Linie Lieferanteil { $value }
portfolio-growth-line = Linie Wachstum { $value }
portfolio-empty = Noch kein Account hat Umsatz, Kundenausgaben und Potenzial.
portfolio-legend-reading = Blasenfläche: Umsatz · Zahl in der Blase: Stufe des Plans laut Plan-Coach · gestrichelt: die Linien der Quadranten
portfolio-quadrant-develop = Entwickeln
portfolio-quadrant-maintain = Halten
portfolio-quadrant-harvest = Ernten
portfolio-quadrant-selective = Selektiv
portfolio-policy-develop = Hier planen
portfolio-policy-maintain = verteidigen, mit dem Kunden wachsen
portfolio-policy-harvest = effizient betreuen
portfolio-policy-selective = nur gezielt investieren
portfolio-state-no_plan = Kein Plan
portfolio-state-draft = Entwurf
portfolio-state-active = Aktiver Plan
portfolio-state-overdue_review = Überprüfung überfällig
portfolio-tip-kam = KAM: { $name }
portfolio-tip-share = Lieferanteil { $value }
portfolio-tip-growth = Wachstumspotenzial { $value }
portfolio-tip-revenue = Umsatz { $value }
portfolio-tip-coach = Coach-Stufe { $level } ({ $score })
portfolio-candidate = Plan-Kandidat
portfolio-reconsider = Plan überdenken
portfolio-reason-share_at_threshold = Lieferanteil schon an der Schwelle
portfolio-reason-little_growth = wenig Wachstumspotenzial
portfolio-lines-median = Die Linien stehen beim Median der Organisation: Lieferanteil { $share }, Wachstumspotenzial { $growth }.
portfolio-lines-setting = Die Linien stehen, wo die Organisation sie festgelegt hat: Lieferanteil { $share }, Wachstumspotenzial { $growth }.
portfolio-lines-mixed = Linie Lieferanteil { $share }, Linie Wachstum { $growth }: eine von der Organisation festgelegt, die andere beim Median.
portfolio-filters = Filter
portfolio-filter-kam = KAM
portfolio-filter-region = Region
portfolio-filter-industry = Branche
portfolio-filter-state = Planstatus
portfolio-filter-all = Alle
portfolio-filter-apply = Anzeigen
portfolio-filter-reset = Filter zurücksetzen
portfolio-downloads = Herunterladen
portfolio-download-svg = Bild (SVG)
portfolio-download-pdf = Bild (PDF)
portfolio-download-xlsx = Tabelle (XLSX)
portfolio-quadrants = Quadranten und was dort zu tun ist
portfolio-candidates-title = Plan-Kandidaten
portfolio-candidates-text = Die Accounts mit dem größten Wachstumspotenzial ohne aktiven Plan und mit einem Lieferanteil unter { $threshold } (höchstens { $count }).
portfolio-candidates-none = Kein angezeigter Account ist ein Plan-Kandidat.
portfolio-reconsider-title = Pläne zum Überdenken
portfolio-reconsider-text = Aktive Pläne für Accounts, deren Lieferanteil schon bei { $threshold } oder darüber liegt oder deren Wachstumspotenzial unter der Linie liegt.
portfolio-reconsider-none = Kein angezeigter Plan muss überdacht werden.
portfolio-missing-title = Accounts ohne Kennzahlen
portfolio-missing-text = Erscheinen im Bild, sobald ihre Kennzahlen eingetragen sind.
portfolio-missing-lacks = es fehlt: { $what }
portfolio-missing-revenue = Umsatz
portfolio-missing-spend = Kundenausgaben
portfolio-missing-potential = Potenzial
portfolio-missing-edit = Kennzahlen eintragen
portfolio-table-title = Accounts im Bild
portfolio-no-match = Kein Account passt zu diesen Filtern.
portfolio-sort-by = Sortieren nach { $column }
portfolio-col-account = Account
portfolio-col-name = Account
portfolio-col-kam = KAM
portfolio-col-region = Region
portfolio-col-industry = Branche
portfolio-col-revenue = Umsatz
portfolio-col-spend = Kundenausgaben
portfolio-col-potential = Potenzial
portfolio-col-share = Lieferanteil
portfolio-col-growth = Wachstumspotenzial
portfolio-col-quadrant = Quadrant
portfolio-col-state = Planstatus
portfolio-col-coach = Coach
portfolio-col-score = Coach-Punkte
portfolio-col-marks = Hinweise
portfolio-col-missing = Fehlt
portfolio-open-plan = Plan öffnen
portfolio-yes = ja
portfolio-sheet = Portfolio
portfolio-sheet-missing = Ohne Kennzahlen
portfolio-pdf-caption = Blasenfläche: Umsatz. Farbe: Planstatus. Zahl: Stufe des Plans laut Plan-Coach.
portfolio-pdf-filters = Filter: { $filters }
portfolio-pdf-as-of = Stand { $date }
portfolio-err-kam = muss die Nummer eines Benutzers sein
portfolio-err-state = muss no_plan, draft, active oder overdue_review sein
portfolio-err-sort = muss name, revenue, share, growth, potential, quadrant, state oder kam sein
portfolio-err-share-range = muss ein Lieferanteil von 0 bis 1 sein
portfolio-err-growth-range = muss ein Geldbetrag von 0 oder mehr sein
portfolio-legend-group = Gruppe von Accounts (öffnen, um sie aufzulisten)
portfolio-group-tip = { $count ->
    [one] Ein weiterer Account
   *[other] { $count } weitere Accounts
} hier: Lieferanteil { $share }, Wachstumspotenzial { $growth }
portfolio-group-note = Einzeln gezeichnet: { $drawn } Accounts (markierte, mit Plan, dann die größten); { $grouped } weitere in Gruppen nach Bereich.
portfolio-area = Gezeigt werden die Accounts eines Bereichs des Bildes: Lieferanteil { $share }, Wachstumspotenzial { $growth }.
portfolio-area-clear = Ganzes Bild zeigen
portfolio-pages-label = Seiten der Portfolio-Tabelle
portfolio-missing-more = { $count ->
    [one] Einem weiteren Account fehlen Kennzahlen
   *[other] { $count } weiteren Accounts fehlen Kennzahlen
}: der XLSX-Download listet alle.
