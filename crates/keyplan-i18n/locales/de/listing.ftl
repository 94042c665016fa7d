# Die Account-Liste in Seiten und die Suchfelder anstelle langer Auswahllisten.

listing-showing = { $from }–{ $to } von { $total }
listing-previous = Zurück
listing-next = Weiter
listing-page = Seite { $page } von { $pages }
listing-pages-label = Seiten der Account-Liste
listing-sort-by = Nach { $column } sortieren
listing-sorted-asc = aufsteigend sortiert
listing-sorted-desc = absteigend sortiert
listing-col-plan-state = Planstatus
listing-beyond = Diese Seite liegt hinter dem Ende der Liste.
listing-back-to-first = Zur ersten Seite
listing-err-sort = muss einer dieser Werte sein: name, potential, share, revenue, plan_state
listing-err-dir = muss asc oder desc sein
listing-err-page = muss eine ganze Zahl ab 1 sein
listing-err-per-page = muss eine ganze Zahl von 1 bis { $max } sein
picker-account-placeholder = Name oder CRM-ID eingeben
picker-user-placeholder = Name oder E-Mail eingeben
picker-suggestions = Vorschläge
picker-err-parent-none = Übergeordneter Account: Kein Account passt zu „{ $text }“. Geben Sie den Namen oder die CRM-ID ein.
picker-err-parent-many = Übergeordneter Account: { $count } Accounts passen zu „{ $text }“. Geben Sie mehr vom Namen oder die CRM-ID ein.
picker-err-owner-none = Key Account Manager: Niemand passt zu „{ $text }“. Geben Sie einen Namen oder eine E-Mail ein.
picker-err-owner-many = Key Account Manager: { $count } Personen passen zu „{ $text }“. Geben Sie mehr vom Namen oder die E-Mail ein.
picker-err-colleague-none = Kollegin oder Kollege: Niemand passt zu „{ $text }“. Geben Sie einen Namen oder eine E-Mail ein.
picker-err-colleague-many = Kollegin oder Kollege: { $count } Personen passen zu „{ $text }“. Geben Sie mehr vom Namen oder die E-Mail ein.
picker-err-contact-owner-none = Betreut von: Niemand passt zu „{ $text }“. Geben Sie einen Namen oder eine E-Mail ein.
picker-err-contact-owner-many = Betreut von: { $count } Personen passen zu „{ $text }“. Geben Sie mehr vom Namen oder die E-Mail ein.
