# Feldfehler der Formulare, der API, der Kommandozeile und importierter Dateien:
# kurze Wendungen hinter dem Feldnamen („Titel: darf nicht leer sein“).

## Werte eines Feldes
err-cell-status = muss sold, in_progress, opportunity oder not_relevant sein
err-benefit = muss customer, us oder both sein
err-commitment-status = muss open, in_progress, done oder missed sein
err-item-kind = muss analysis, swot, opportunity oder risk sein
err-one-of = muss eines von { $allowed } sein
err-one-of-colon = muss eines von { $allowed } sein
err-value-discipline = muss operational_excellence, product_leadership oder customer_intimacy sein
err-plan-status = muss draft, active, in_review, approved oder archived sein
err-period = muss month oder quarter sein
err-format-version = muss { $version } sein
err-password-short = muss mindestens 8 Zeichen lang sein

## Der Zielbaum
err-goal-parent = ein Ziel steht an der Spitze des Baums und hat keinen übergeordneten Knoten
err-needs-parent = „{ $kind_label }“ braucht einen übergeordneten Knoten
err-wrong-parent = „{ $kind_label }“ gehört unter „{ $allowed_label }“, nicht unter „{ $parent_label }“
err-wrong-parent-two = „{ $kind_label }“ gehört unter „{ $allowed_label }“ oder „{ $or_label }“, nicht unter „{ $parent_label }“

## Verweise
err-swot-id = muss die ID eines SWOT-Eintrags sein
err-link-goal = wählen Sie das Ziel, das dieser Beleg stützt
err-link-target = wählen Sie, worauf das Ziel beruht: einen Analysepunkt, ein „So what?“, eine Whitespace-Zelle oder einen Kontakt
err-existing-item = muss einen vorhandenen Eintrag nennen
err-goal-of-plan = muss die ID eines Ziels dieses Plans sein
err-key-taken = „{ $key }“ wird schon von einem früheren Abschnitt verwendet

## Plan-Dokumente
doc-err-category-takes = ein Eintrag der Art { $kind } nimmt { $allowed }
doc-err-goal-field = nur Ziele haben das Feld { $field }; dies ist „{ $kind_label }“
doc-err-commitment-field = nur Zusagen haben das Feld { $field }; dies ist „{ $kind_label }“
doc-err-format = muss "{ $expected }" sein, nicht "{ $found }"
doc-err-format-missing = fehlt: ein Plan-Dokument enthält "format": "{ $expected }"
doc-err-version-missing = fehlt oder ist keine Zahl: dieses keyplan liest Version { $version }
doc-err-other = { $detail }

## Zusagen
err-same-date = ist schon der geplante Termin; nehmen Sie die Zusage stattdessen an
err-status-before-accept = kann erst „{ $status }“ sein, wenn die oder der Verantwortliche die Zusage angenommen hat

## Datensätze, die es geben muss
err-own-parent-account = ein Account kann nicht sein eigener übergeordneter Account sein
err-no-account = diesen Account gibt es nicht
err-no-user = diesen Benutzer gibt es nicht
err-reports-to-self = ein Kontakt kann nicht an sich selbst berichten
err-no-contact = diesen Kontakt gibt es nicht
err-contact-same-account = muss ein Kontakt desselben Accounts sein
err-reporting-loop = würde eine Berichtsschleife ergeben
err-swot-of-plan = muss ein SWOT-Eintrag dieses Plans sein
err-derived-self = ein Eintrag kann nicht aus sich selbst abgeleitet werden
err-goal-of-this-plan = muss ein Ziel dieses Plans sein
err-bad-index = verweist auf einen Teil, der später kommt oder nicht existiert
err-user-inactive = dieser Benutzer kann sich nicht mehr anmelden
err-contact-of-account = muss ein Kontakt des Accounts dieses Plans sein
err-no-node = diesen Knoten gibt es nicht
err-node-same-plan = muss ein Knoten desselben Plans sein
err-review-held = diese Überprüfung hat schon stattgefunden
err-not-org-user = ist kein Benutzer dieser Organisation
err-not-account-contact = ist kein Kontakt dieses Accounts
err-us-or-contact = nennen Sie entweder jemanden von uns oder einen Kontakt des Kunden
err-email-taken = wird schon von einem anderen Benutzer verwendet
err-item-kind-stays = bleibt { $kind }: löschen Sie den Eintrag und legen Sie einen neuen an
err-link-item = muss ein Analysepunkt, SWOT-Eintrag, eine Chance oder ein Risiko dieses Plans sein
err-link-section = muss ein Abschnitt dieses Plans mit einem „So what?“ sein
err-link-cell = muss eine Whitespace-Zelle dieses Accounts sein
err-link-contact = muss ein Kontakt dieses Accounts sein
err-template-retired = „{ $name }“ ist ausgemustert: wählen Sie eine aktuelle Vorlage
err-no-template = es gibt keine Vorlage „{ $name }“
err-template-exists = eine Vorlage „{ $key }“ gibt es schon

## Pläne, Abschnitte und Vorlagen
err-no-section = die Vorlage dieses Plans hat keinen Abschnitt „{ $key }“
err-section-no-items = der Abschnitt „{ $section }“ enthält keine Einträge
err-section-holds = der Abschnitt „{ $section }“ enthält nur Einträge der Arten { $list }
err-approve-manager = nur das Management kann einen Plan freigeben
err-approve-withdraw = nur das Management kann einen Plan freigeben oder eine Freigabe zurücknehmen
err-share-target-kind = muss node, item, section oder kpi sein
err-not-plan-item = ist kein Eintrag dieses Plans
err-missing = fehlt
doc-err-no-template-section = die Vorlage „{ $template }“ hat keinen Abschnitt „{ $key }“
templates-file-not-kind = „{ $kind }“ ist keine Abschnittsart; erlaubt sind { $detail }
templates-file-unit = muss "words" oder "items" sein
templates-file-budget = muss { "{" }"unit": "words" oder "items", "limit": N{ "}" } oder null sein

## Downloads und Einstellungen
err-export-format = muss pdf, xlsx, md oder json sein
err-export-layout = muss compact sein oder fehlen
err-lang = muss en oder de sein

## Die JSON-API
err-comment-target = muss plan, node oder item sein
err-comment-target-id = muss plan sein, oder node oder item mit einer target_id
err-item-section = nennen Sie den Abschnitt (seinen Schlüssel), in den der Eintrag gehört
err-direction = muss up oder down sein
err-import-account = nennen Sie den Account, in den der Plan kommt (?account_id=ID)
err-version-required = fehlt: senden Sie die Version, die Sie bearbeiten
err-scalar = muss ein Text, eine Zahl oder null sein
err-id = muss eine ID sein
err-node-fixed = kann nicht geändert werden; löschen Sie den Knoten und legen Sie ihn dort an, wo er hingehört
err-date-required = fehlt (JJJJ-MM-TT)
err-node-kind = muss goal, csf, condition, obstacle oder commitment sein
err-review-fields = ist hier kein Feld; erlaubt sind review_date, notes, decisions, add_user_id, add_contact_id
err-snapshot-version = muss eine Snapshot-ID oder current sein
err-language = muss en, de, auto oder null sein
err-bool = muss true oder false sein
err-not-a-field = ist hier kein Feld; erlaubt sind { $allowed }
err-template-key-fixed = muss "{ $key }" sein, die Vorlage in der URL; ein Schlüssel ändert sich nicht

# Die Einstellungen der Organisation (Issue 13).
settings-err-unknown = ist keine Einstellung; die Einstellungen sind { $keys }
settings-err-whole = muss eine ganze Zahl von 0 bis { $max } sein
settings-err-between = muss eine ganze Zahl von { $min } bis { $max } sein
settings-err-fraction = muss ein Anteil von 0 bis 1 sein (0,6 sind 60 %)
settings-err-amount = muss ein Betrag von 0 oder mehr sein

# Die Grenzen für aktive Pläne (Issue 13).
limit-err-per-kam = gäbe dem KAM mehr als { $allowed } aktive Pläne, die Grenze der Organisation (active_plans_per_kam); er hat schon: { $plans }. { $how }
limit-err-per-company = gäbe dem Unternehmen mehr als { $allowed } aktive Pläne, die Grenze der Organisation (master_plans_per_company); aktiv sind: { $plans }. { $how }
limit-err-how = Archivieren Sie einen davon, oder bitten Sie eine Führungskraft, mit Begründung eine Ausnahme zuzulassen.
limit-err-manager = Nur eine Führungskraft oder ein Administrator kann eine Ausnahme zulassen.
settings-err-number = muss eine Zahl sein

## Ein Feld in Worten, vor seinem Fehler („Fälligkeitsdatum: muss ein Datum sein“)
field-name-title = Titel
field-name-parent_id = Übergeordneter Eintrag
field-name-owner_id = Verantwortlich
field-name-due_date = Fälligkeitsdatum
field-name-expires_on = Gültig bis
field-name-status = Status
field-name-kind = Art
field-name-reason = Begründung
field-name-text = Text
field-name-label = Bezeichnung
field-name-name = Name
field-name-email = E-Mail
field-name-comment = Kommentar
field-name-body = Text
field-name-version = Version
field-name-review_date = Datum der Überprüfung
field-name-target = Zielwert
field-name-target_date = Zieldatum
field-name-score = Bewertung
field-name-contact_id = Kontakt
field-name-goal_id = Ziel
field-name-plan_id = Plan
field-name-plan_ids = Pläne
field-name-user_id = Person
field-name-proposed_due_date = Vorgeschlagenes Fälligkeitsdatum
field-name-decline_reason = Grund der Ablehnung
field-name-next_review_date = Nächste Überprüfung
field-name-review_cadence_months = Überprüfung alle
field-name-period_start = Beginn des Zeitraums
field-name-period_end = Ende des Zeitraums
field-name-done_criterion = Erledigt, wenn
field-name-audience = Zielgruppe
field-name-visibility = Sichtbarkeit
field-name-password = Passwort
field-name-function = Funktion
field-name-influence = Einfluss
field-name-attitude = Haltung
field-name-notes = Notizen
field-name-decisions = Entscheidungen
field-name-probability = Wahrscheinlichkeit
field-name-close_date = Abschlussdatum
field-name-start_date = Startdatum
field-name-key = Schlüssel
field-name-guidance = Anleitung
field-name-year = Jahr
field-name-value = Wert
field-name-direction = Richtung
field-name-date = Datum
field-name-outcome = Ergebnis
field-name-budget_unit = Budgeteinheit
field-name-budget_limit = Budgetgrenze
field-name-business_unit_id = Geschäftsbereich
field-name-offering_id = Angebot
field-name-account_id = Kunde
field-name-item_date = Datum
field-name-last_contact_date = Letzter Kontakt
field-name-customer_visible = Für den Kunden sichtbar
field-name-target_kind = Art des Ziels
field-name-target_id = Ziel
field-name-review_id = Überprüfung
field-name-metric = Messgröße
field-name-baseline = Ausgangswert
field-name-unit = Einheit
field-name-description = Beschreibung
field-name-node_id = Planeintrag
field-name-language = Sprache
field-name-role = Rolle
field-name-customer_title = Titel für den Kunden
field-name-period = Zeitraum
field-name-benefit = Zu wessen Nutzen
field-name-response = Unsere Antwort
field-name-how = Wie
field-name-on = Datum
field-name-current_revenue = Aktueller Umsatz
field-name-potential = Potenzial
field-name-total_spend = Gesamtausgaben
field-name-industry = Branche
field-name-region = Region
field-name-crm_id = CRM-Kennung
field-name-template = Vorlage
