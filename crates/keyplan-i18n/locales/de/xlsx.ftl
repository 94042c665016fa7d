# Der XLSX-Export eines Plans: Tabellenblätter, Spaltenüberschriften und
# Zeilenbeschriftungen. Gemeinsame Exportwörter (Ziel, Verantwortlich, Status,
# Kennzahlen, Zielgruppen, …) stehen in export.ftl, Aufzählungen in common.ftl.
# Namen von Tabellenblättern: höchstens 31 Zeichen, keines von []:*?/\

## Tabellenblätter
xlsx-sheet-overview = Überblick
xlsx-sheet-gaps = Offene Lücken
# Ein Tabellenblatt, dessen Name leer wäre.
xlsx-sheet-fallback = Tabelle
# Die Fußzeile beim Drucken, rechts: &P ist die Seite, &N die Zahl der Seiten.
xlsx-footer-page = Seite &P von &N

## Das Überblicksblatt
xlsx-col-plan = Plan
xlsx-title = Titel
xlsx-account = Account
xlsx-industry = Branche
xlsx-region = Region
xlsx-account-owner = Account-Verantwortliche(r)
xlsx-template = Vorlage
xlsx-template-version = { $name } (Version { $version })
xlsx-period-from = Zeitraum von
xlsx-period-to = Zeitraum bis
xlsx-audience = Zielgruppe
xlsx-as-of = Stand
xlsx-length = Umfang
xlsx-our-revenue = Unser Umsatz ({ $currency })
xlsx-total-spend = Gesamtausgaben des Kunden ({ $currency })
xlsx-potential = Potenzial ({ $currency })
xlsx-share-of-wallet = Lieferanteil
xlsx-ws-current = Whitespace: aktuelles Geschäft ({ $currency })
xlsx-ws-open = Whitespace: offenes Potenzial ({ $currency })
xlsx-goals = Ziele
xlsx-factors-secured = Erfolgsfaktoren gesichert
xlsx-conditions-met = Voraussetzungen erfüllt
xlsx-obstacles-overcome = Hindernisse überwunden
xlsx-obstacles-overcome-share = Hindernisse überwunden (Anteil)
xlsx-commitments-accepted = Zusagen angenommen
xlsx-commitments-done = Zusagen erledigt
xlsx-commitments-awaiting = Zusagen, die auf Annahme warten
xlsx-commitments-overdue = Zusagen überfällig
xlsx-commitments-missed = Zusagen verfehlt

## Text unter einer Tabelle und Abschnitte nur mit Text
xlsx-col-part = Teil
xlsx-text = Text
xlsx-note-totals = Summen
xlsx-col-gap = Offene Lücke in der Argumentation

## Spaltenüberschriften
xlsx-col-response = Antwort
xlsx-col-derived-from = Abgeleitet aus
xlsx-col-source = Quelle
xlsx-col-date = Datum
xlsx-col-level = Ebene
xlsx-col-element = Element
xlsx-col-health = Zustand
xlsx-col-done-when = Erledigt, wenn
xlsx-col-how = Vorgehen
xlsx-col-for = Für
xlsx-col-strategy = Strategie
xlsx-col-based-on = Grundlage
xlsx-col-implemented-by = Umgesetzt durch
xlsx-not-yet-accepted = noch nicht angenommen
xlsx-col-start = Beginn
xlsx-col-serves-goal = Dient dem Ziel
xlsx-col-measure = Messgröße
xlsx-col-type = Typ
xlsx-col-latest-period = Letzter Zeitraum
xlsx-col-judgement = Bewertung
xlsx-col-name = Name
xlsx-col-job-title = Position
xlsx-col-business-unit = Geschäftsbereich
xlsx-col-reports-to = Berichtet an
xlsx-col-buying-role = Rolle im Buying Center
xlsx-col-influence = Einfluss
xlsx-col-attitude = Haltung
xlsx-col-our-contact = Unser Kontakt
xlsx-col-objective = Kontaktziel
xlsx-col-last-contact = Letzter Kontakt
xlsx-col-offering = Leistung
xlsx-col-value = Wert ({ $currency })
xlsx-col-note = Notiz
