# Pläne im Geschäftsrhythmus (Issue 17): das Aktualisierungsintervall, die
# Qualitätsbewertung durch die Führungskraft und die Budgetgrundlage.

## Organisationseinstellungen
settings-err-scale = muss ein Objekt mit min, max und labels sein: ganze Stufen von { $min } bis { $max }, die niedrigste unter der höchsten, höchstens 11 Stufen
settings-err-scale-labels = braucht genau { $count } Bezeichnungen, eine je Stufe
settings-err-scale-label = Bezeichnungen dürfen nicht leer sein und höchstens { $max } Zeichen haben
org-settings-update-interval = Aktualisierungsintervall (Tage)
org-settings-update-interval-hint = Ein Plan ohne Änderung und ohne Überprüfung für länger gilt als veraltet; sein KAM wird 7 Tage vorher erinnert.
org-settings-scale = Qualitätsskala
org-settings-scale-hint = Die Skala, auf der Führungskräfte die Qualität eines Plans in einer Management-Überprüfung bewerten.
org-settings-scale-min = Niedrigste Stufe
org-settings-scale-max = Höchste Stufe
org-settings-scale-labels = Bezeichnungen, eine je Zeile von der niedrigsten Stufe an

## Das Aktualisierungsintervall
stored-notif-update-due = Plan { $plan } braucht bis { $date } eine Aktualisierung oder Überprüfung
mail-topic-plan_update_due = Planaktualisierung fällig
notif-kind-plan_update_due = Aktualisierung fällig
review-update-due = Aktualisieren oder überprüfen bis { $date }
review-unrefreshed = Nicht aktualisiert seit { $date }

## Qualitätsbewertungen
rating-err-score = muss eine ganze Zahl von { $min } bis { $max } sein
rating-err-score-missing = fehlt: eine Stufe der Qualitätsskala
rating-err-comment = bitte begründen: ein Kommentar ist nötig
rating-err-comment-long = darf höchstens { $max } Zeichen haben, ohne Steuerzeichen
rating-err-review = ist keine Überprüfung dieses Plans
rating-err-held-management = muss eine abgehaltene Management-Überprüfung sein
rating-err-rated = diese Überprüfung ist schon bewertet
rating-title = Qualitätsbewertungen
rating-none = Noch keine Qualitätsbewertung. Eine Führungskraft bewertet den Plan in einer abgehaltenen Management-Überprüfung.
rating-score = { $score } von { $max }: { $label }
rating-by = { $name }, { $date }
rating-coach = Coach-Wert damals: { $score }
rating-form-title = Qualität des Plans bewerten
rating-form-review = Management-Überprüfung
rating-form-score = Qualität
rating-form-comment = Kommentar
rating-form-save = Bewertung speichern
rating-saved = Bewertung gespeichert.

## Die Budgetgrundlage
budget-title = Budgetgrundlage
budget-intro = Eine Zeile je Account mit einem aktiven Plan für das Geschäftsjahr: die Zahlen, von denen die jährliche Ziel- und Budgetplanung ausgeht.
budget-year = Geschäftsjahr
budget-show = Anzeigen
budget-download-xlsx = Excel-Arbeitsmappe
budget-download-csv = CSV
budget-col-account = Account
budget-col-kam = KAM
budget-col-region = Region
budget-col-industry = Branche
budget-col-revenue = Aktueller Umsatz
budget-col-potential = Potenzial
budget-col-goals = Geldziele
budget-col-goal = Ziel
budget-col-baseline = Ausgangswert
budget-col-target = Zielwert
budget-col-date = Zieldatum
budget-col-whitespace = Whitespace-Potenzial
budget-col-pipeline = Gewichtete Pipeline
budget-col-rating = Qualitätsbewertung
budget-col-plan = Plan
budget-col-currency = Währung
budget-col-rating-label = Bewertung (Bezeichnung)
budget-total = Summe
budget-col-accounts = Accounts
budget-col-group = Gruppe
budget-sheet-accounts = Accounts
budget-sheet-goals = Ziele
budget-sheet-kam = Nach KAM
budget-sheet-region = Nach Region
budget-sheet-industry = Nach Branche
budget-none = Kein Account hat einen aktiven Plan für { $year }.
budget-unassigned = (keine)
budget-err-year = muss ein Jahr von 1900 bis 2999 sein
nav-budget = Budgetgrundlage
