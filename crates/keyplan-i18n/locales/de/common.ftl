# Texte, die alle Seiten teilen: Kopfleiste, Sprachmenü, Fehlerseiten,
# Anmeldung, Bezeichnungen von Aufzählungen und Prüfmeldungen.
#
# Glossar (immer so übersetzen, Anrede „Sie“):
#   key account, account ........ Account (der Account, die Accounts)
#   account plan, plan .......... Account-Plan, kurz Plan
#   account sales goal, goal .... Account-Umsatzziel, kurz Ziel
#   critical success factor ..... Erfolgsfaktor
#   necessary condition ......... Voraussetzung
#   obstacle .................... Hindernis
#   commitment .................. Zusage (zusagen, annehmen, ablehnen)
#   owner (of a commitment) ..... Verantwortliche(r)
#   author (of a commitment) .... Verfasser(in)
#   due date .................... Fälligkeit, fällig am
#   review ...................... Überprüfung
#   buying centre ............... Buying Center
#   share of wallet ............. Lieferanteil
#   offering .................... Leistung
#   template .................... Vorlage
#   customer .................... Kunde
#   KAM ......................... KAM (Key Account Manager)
#   whitespace matrix ........... Whitespace-Matrix

## Kopfleiste und Navigation
nav-main-label = Hauptnavigation
nav-accounts = Accounts
nav-mine = Meine Zusagen
nav-offerings = Leistungen
nav-users = Benutzer
nav-templates = Vorlagen
nav-value-discipline = Wertdisziplin
nav-coach = Plan-Coach
nav-notifications = Benachrichtigungen
nav-unread = { $count } ungelesen
nav-sign-out = Abmelden

## Sprachmenü
lang-menu = Sprache
lang-auto = Automatisch (Browser)
lang-en = English
lang-de = Deutsch
lang-save = Speichern
lang-saved-auto = Die Sprache folgt jetzt Ihrem Browser.
lang-saved = Die Sprache ist jetzt Deutsch.
lang-invalid = muss auto, en oder de sein

## Gemeinsame Wörter
common-save = Speichern
common-add = Hinzufügen
common-remove = Entfernen
common-open = Öffnen
common-choose = Bitte wählen …

## Anmeldung
login-title = Anmelden
login-tagline = Die wenigen Pläne, auf die es ankommt – lebendig gehalten.
login-email = E-Mail
login-password = Passwort
login-submit = Anmelden
login-missing = Bitte geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.
login-rate-limited = Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie { $minutes } Minuten und versuchen Sie es dann erneut, oder bitten Sie einen Administrator, Ihr Passwort zurückzusetzen.
login-busy = Gerade melden sich zu viele gleichzeitig an. Bitte versuchen Sie es in einer Sekunde erneut.
login-mismatch = E-Mail-Adresse und Passwort passen nicht zusammen.
login-demo-title = Anmeldungen der Vorführung
login-demo-password = Alle Anmeldungen der Vorführung haben das Passwort { $password }.
login-demo-kam = Key-Account-Managerin
login-demo-member = Teammitglied mit Zusagen zum Annehmen
login-demo-manager = Vertriebsleiter
login-demo-admin = Administratorin

## Fehlerseiten
error-back = Zurück zu den Accounts
error-title-not-found = Nicht gefunden
error-title-forbidden = Nicht erlaubt
error-title-conflict = Von jemand anderem geändert
error-title-input = Bitte prüfen Sie Ihre Eingaben
error-title-too-many = Zu viele Versuche
error-title-internal = Etwas ist schiefgelaufen
error-not-found = Nicht gefunden.
error-forbidden = Dazu fehlt Ihnen die Berechtigung.
error-csrf = Dieses Formular ist abgelaufen oder stammt nicht von keyplan. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
error-form-too-large = Das Formular ist zu groß.
error-no-version = Dem Formular fehlt seine Version; laden Sie die Seite neu und versuchen Sie es noch einmal.
error-conflict = Dieser Datensatz wurde von jemand anderem geändert (er ist jetzt bei Version { $version }). Es wurde nichts gespeichert; laden Sie ihn neu und nehmen Sie Ihre Änderung noch einmal vor.
error-internal = Bei uns ist etwas schiefgelaufen. Der Fehler wurde protokolliert; bitte versuchen Sie es noch einmal.

## Formulare: Bearbeitung auf Basis einer alten Version
form-conflict-title = Jemand anderes hat das geändert, während Sie es bearbeitet haben.
form-conflict-text = Es wurde nichts gespeichert. Hier sehen Sie, was jetzt gespeichert ist und was Sie eingegeben haben; Ihre Eingaben bleiben im Formular – speichern Sie erneut, um sie zu übernehmen.
form-conflict-field = Feld
form-conflict-stored = Jetzt gespeichert
form-conflict-yours = Ihre Eingabe

## Prüfmeldungen
err-required = darf nicht leer sein
err-too-long = darf höchstens { $max } Zeichen lang sein
err-negative = darf nicht negativ sein
err-number = muss eine Zahl sein
err-control = darf keine Steuerzeichen enthalten
err-invisible = muss sichtbaren Text enthalten, nicht nur unsichtbare Zeichen
err-date-range = muss in den Jahren { $min }–{ $max } liegen
err-limit-nodes = ein Plan enthält höchstens { $max } Ziele, Faktoren, Bedingungen, Hindernisse und Zusagen (Grenze der Organisation)
err-limit-items = ein Plan enthält höchstens { $max } Analysepunkte, SWOT-Einträge, Chancen und Risiken (Grenze der Organisation)
err-limit-contacts = ein Kunde hat höchstens { $max } Kontakte (Grenze der Organisation)
err-date = muss ein Datum im Format JJJJ-MM-TT sein
err-progress-future = darf nicht nach heute liegen: eine Notiz hält fest, was geschehen ist
err-email = muss eine E-Mail-Adresse wie name@example.com sein
err-one-to-five = muss eine ganze Zahl von 1 bis 5 sein
err-period-end = muss nach dem Beginn des Zeitraums liegen
err-before-start = darf nicht vor dem Startdatum liegen
err-spend-below-revenue = muss mindestens unserem aktuellen Umsatz entsprechen (er enthält, was der Kunde bei uns kauft)
err-user = muss die ID eines Benutzers sein
err-contact = muss die ID eines Kontakts sein
err-record = muss die ID eines vorhandenen Datensatzes sein
err-trend = muss wachsend, stabil oder rückläufig sein
err-owner = jede Zusage braucht einen Verantwortlichen
err-colleague = bitte wählen Sie eine Kollegin oder einen Kollegen
err-template = bitte wählen Sie eine Vorlage

## Rollen der Benutzer
role-admin = Administrator
role-manager = Manager
role-kam = Key Account Manager
role-member = Teammitglied
role-viewer = Leser

## Status eines Plans
plan-status-draft = Entwurf
plan-status-active = Aktiv
plan-status-in_review = In Prüfung
plan-status-approved = Freigegeben
plan-status-archived = Archiviert

## Der Ziel-Baum
node-kind-goal = Account-Umsatzziel
node-kind-csf = Erfolgsfaktor
node-kind-condition = Voraussetzung
node-kind-obstacle = Hindernis
node-kind-commitment = Zusage
status-open = Offen
status-in_progress = In Arbeit
status-done = Erledigt
status-missed = Verfehlt
acceptance-proposed = Wartet auf Annahme
acceptance-accepted = Angenommen
acceptance-declined = Abgelehnt
acceptance-date_proposed = Neuer Termin vorgeschlagen
health-resolved = Gelöst
health-on_track = Im Plan
health-at_risk = Gefährdet
health-off_track = Nicht im Plan
health-open = Noch nicht angegangen

## Accounts und Kontakte
trend-growing = Wachsend
trend-stable = Stabil
trend-declining = Rückläufig
buying-role-decision_maker = Entscheider
buying-role-economic_buyer = Budgetverantwortlicher
buying-role-user = Anwender
buying-role-technical = Technischer Spezifizierer
buying-role-influencer = Beeinflusser
buying-role-gatekeeper = Gatekeeper
buying-role-coach = Fürsprecher / Coach
attitude-supporter = Unterstützer
attitude-neutral = Neutral
attitude-sceptic = Skeptiker
attitude-opponent = Gegner

## Planinhalte
item-kind-analysis = Analysepunkt
item-kind-swot = SWOT-Eintrag
item-kind-opportunity = Chance
item-kind-risk = Risiko
item-category-customer = Kunde
item-category-market = Markt
item-category-competitor = Wettbewerb
item-category-own_position = Eigene Position
item-category-strength = Stärken
item-category-weakness = Schwächen
item-category-opportunity = Chancen
item-category-threat = Risiken

## Abgelehnte Antworten auf Zusagen
err-not-owner = Nur die oder der Verantwortliche dieser Zusage kann darauf antworten.
err-not-author = Nur wer die Zusage verfasst hat, kann auf den vorgeschlagenen Termin antworten.
err-no-owner = Diese Zusage hat noch keine Verantwortliche und keinen Verantwortlichen.
err-wrong-state = Diese Zusage hat den Stand „{ $label }“; diese Antwort passt nicht dazu.

# Fehler der JSON-API und von Anfragen, die kein Formular sendet.
error-unauthorized = Melden Sie sich zuerst an (Sitzungs-Cookie oder Authorization: Bearer TOKEN).
error-csrf-header = Der Header { $header } fehlt oder ist falsch (nötig, wenn die API mit dem Sitzungs-Cookie aufgerufen wird).
api-err-content-type = Senden Sie einen JSON-Body mit Content-Type: application/json.
api-err-body-unreadable = Der Body konnte nicht gelesen werden.
api-err-body-json = Der Body ist kein gültiges JSON: { $detail }.
api-err-body-object = Der Body muss ein JSON-Objekt sein.
api-err-query = Ungültige Abfrage: { $detail }
# Noch nicht übersetzt: wie bisher auf Englisch.
err-owner-reports-only = As the owner you can report status and notes; ask the plan's editors to change what was promised.
common-err-unknown-action = Unknown action.
discussion-err-unknown-target = Unknown comment target.
