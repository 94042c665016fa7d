# Das Cockpit der Vertriebsleitung: eine Zeile je KAM, die Summen und ihr
# Verlauf, was Aufmerksamkeit braucht, die Ausnahmen von den Grenzen und die
# Arbeitsmappe dazu.

nav-cockpit = Cockpit

cockpit-title = Cockpit
cockpit-intro = Die Pläne aller Key Account Manager gegen die Grenze von { $limit } aktiven Plänen, Stand { $date }.
cockpit-export = Als Excel-Datei laden
cockpit-filters = Filter
cockpit-region = Region
cockpit-industry = Branche
cockpit-team = Team
cockpit-all = Alle
cockpit-apply = Anwenden
cockpit-clear = Filter zurücksetzen
cockpit-totals = Summen
cockpit-compared-with = Verglichen mit den Summen vom { $date }.
cockpit-trend-hint = Der Verlauf vergleicht die ganze Organisation ohne Filter mit ihren Summen von vor 90 Tagen.
cockpit-was = Vor 90 Tagen: { $value }
cockpit-no-comparison = noch kein Vergleich

cockpit-fig-kams = Key Account Manager
cockpit-fig-active_plans = Aktive Pläne
cockpit-fig-kams_over_limit = Über der Grenze
cockpit-fig-overdue_commitments = Überfällige Zusagen
cockpit-fig-unaccepted_commitments = Nicht angenommene Zusagen
cockpit-fig-blocked_obstacles = Blockierte Hindernisse
cockpit-fig-overdue_reviews = Überfällige Überprüfungen
cockpit-fig-stale_reviews = Verschleppte Überprüfungen
cockpit-fig-goal_progress = Zielerreichung

cockpit-kams = Key Account Manager
cockpit-no-kams = Kein Key Account Manager passt zu den Filtern.
cockpit-col-kam = Key Account Manager
cockpit-col-plans = Pläne
cockpit-col-overdue = Überfällig
cockpit-col-unaccepted = Nicht angenommen
cockpit-col-blocked = Blockiert
cockpit-col-reviews = Überprüfung überfällig
cockpit-col-goal = Zielerreichung
cockpit-held = { $count } von { $limit } aktiv
cockpit-over-limit = Über der Grenze
cockpit-no-plans = Keine Pläne
cockpit-next-review = Nächste Überprüfung
cockpit-stale-short = verschleppt:

cockpit-review-ok = Überprüfung rechtzeitig
cockpit-review-stale = Überprüfung verschleppt
cockpit-review-overdue = Überprüfung überfällig
cockpit-review-none = Noch keine Überprüfung

cockpit-attention = Braucht Aufmerksamkeit
cockpit-attention-none = Zurzeit braucht nichts Aufmerksamkeit.
cockpit-attention-more = { $count } weitere in der Excel-Datei.
cockpit-since = Seit { $date }
cockpit-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tage
}
cockpit-kind-overdue_review = Überprüfung überfällig
cockpit-kind-blocked_obstacle = Hindernis blockiert
cockpit-kind-overdue_commitment = Zusage überfällig
cockpit-kind-unaccepted_commitment = Nicht angenommen

cockpit-exceptions = Ausnahmen von den Grenzen
cockpit-exceptions-none = Kein Plan wurde über einer Grenze aktiviert.
cockpit-allowed-by = Erlaubt von { $name } am { $date }
cockpit-limit-active_plans_per_kam = Aktive Pläne je KAM
cockpit-limit-master_plans_per_company = Aktive Pläne des Unternehmens

cockpit-crumbs = Pfad
cockpit-everyone = Alle, die Sie sehen
cockpit-items-none = Hier ist nichts.
cockpit-col-item = Eintrag
cockpit-col-plan = Plan
cockpit-col-account = Account
cockpit-col-owner = Verantwortlich
cockpit-col-age = Alter
cockpit-what-plans = Pläne
cockpit-what-active_plans = Aktive Pläne
cockpit-what-overdue_commitments = Überfällige Zusagen
cockpit-what-unaccepted_commitments = Nicht angenommene Zusagen
cockpit-what-overdue_reviews = Überfällige Überprüfungen
cockpit-what-stale_reviews = Verschleppte Überprüfungen
cockpit-what-blocked_obstacles = Blockierte Hindernisse
cockpit-date-plans = Nächste Überprüfung
cockpit-date-active_plans = Nächste Überprüfung
cockpit-date-overdue_commitments = Fällig am
cockpit-date-unaccepted_commitments = Vorgeschlagen am
cockpit-date-overdue_reviews = Überprüfung fällig
cockpit-date-stale_reviews = Nächste Überprüfung
cockpit-date-blocked_obstacles = Blockiert seit
cockpit-err-kam = Wählen Sie einen Key Account Manager über seine Nummer.
cockpit-err-what = Wählen Sie plans, active_plans, overdue_commitments, unaccepted_commitments, overdue_reviews, stale_reviews oder blocked_obstacles.

xlsx-cockpit-kams = Key Account Manager
xlsx-cockpit-plans = Pläne
xlsx-cockpit-attention = Braucht Aufmerksamkeit
xlsx-cockpit-active = Aktive Pläne
xlsx-cockpit-limit = Grenze
xlsx-cockpit-status = Status
xlsx-cockpit-score = Coach-Punkte
xlsx-cockpit-level = Stufe
xlsx-cockpit-review = Überprüfung
xlsx-cockpit-kind = Was
xlsx-cockpit-since = Seit
xlsx-cockpit-days = Tage

users-team = Team
users-team-of = Team von { $name }
users-team-placeholder = z. B. DACH
