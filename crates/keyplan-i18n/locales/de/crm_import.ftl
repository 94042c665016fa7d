# CRM-Exporte importieren: Account- und Kontaktfelder aus dem CRM, die
# Meldungen des Imports, die Kommandozeile und die Seite.

## Felder
account-annual-revenue = Jahresumsatz des Kunden
account-annual-revenue-field = Jahresumsatz des Kunden (sein Umsatz)
contact-crm-id = CRM-ID
err-crm-id-taken = ein anderer Datensatz Ihrer Organisation hat bereits diese CRM-ID

## Zeilen, die der Import ablehnt oder zu denen er warnt
crm-import-error-duplicate-id = Die Datei enthält diese CRM-ID zweimal; nur die erste Zeile zählt.
crm-import-error-no-account = Kein Account hat diese CRM-ID oder diesen Namen.
crm-import-error-ambiguous-account = Mehrere Accounts tragen diesen Namen: Geben Sie die CRM-ID an.
crm-import-error-no-parent = Kein Account hat diese CRM-ID oder diesen Namen.
crm-import-error-own-parent = Ein Account kann nicht sein eigener übergeordneter Account sein.
crm-import-error-no-contact = Kein Kontakt hat diese CRM-ID.
crm-import-error-not-yours = Sie dürfen nur in Accounts importieren, die Ihnen gehören.
crm-import-error-name-required = Ein neuer Datensatz braucht einen Namen.
crm-import-error-too-long = Der Text ist zu lang.
crm-import-error-bad-email = Keine E-Mail-Adresse.
crm-import-warning-no-owner = Kein Benutzer Ihrer Organisation hat diese E-Mail-Adresse oder diesen Namen; der Verantwortliche bleibt leer.
crm-import-warning-other-account = Die Person, an die dieser Kontakt berichtet, gehört zu einem anderen Account; die Verbindung entfällt.
crm-import-error-too-large = Die Datei ist größer als { $limit } MB, das Höchstmaß eines Imports.
crm-import-error-unknown-kind = Unbekannte Art „{ $value }“: accounts, contacts oder opportunities.
crm-import-error-unknown-preset = Unbekannte Vorlage „{ $value }“: auto, salesforce, hubspot, dynamics, pipedrive oder generic.

## Die Seite „Aus dem CRM importieren“
crm-import-link = Aus dem CRM importieren
crm-import-page-title = Aus dem CRM importieren
crm-import-page-intro = Accounts oder Kontakte aus einem CSV-Export von Salesforce, HubSpot, Dynamics 365 oder Pipedrive übernehmen. Ein späterer Export aktualisiert, was sich geändert hat; gelöscht wird nichts.
crm-import-page-upload = Export hochladen
crm-import-page-choose-file = Exportierte Datei
crm-import-page-upload-hint = CSV oder Text mit Tabulatoren in UTF-8, UTF-16 oder Windows-1252. Die Datei wird einen Tag lang nur für Sie aufbewahrt.
crm-import-page-upload-button = Hochladen und Vorschau
crm-import-page-no-file = Wählen Sie eine Datei zum Hochladen.
crm-import-page-file = Datei „{ $name }“
crm-import-page-encoding = Kodierung
crm-import-page-delimiter = Trennzeichen
crm-import-page-tab = Tabulator
crm-import-page-preset = Export aus
crm-import-page-kind = Datensätze
crm-import-page-kind-accounts = Accounts
crm-import-page-kind-contacts = Kontakte
crm-import-page-kind-opportunities = Verkaufschancen
crm-import-page-mapping-intro = Prüfen Sie, welches Feld jede Spalte füllt („ignore“ lässt sie aus). Nach einer Änderung der Art oder des Exports die Vorschau aktualisieren.
crm-import-page-preview = Die ersten Zeilen der Datei
crm-import-page-field-for = Feld für die Spalte { $column }
crm-import-page-skip-invalid = Die gültigen Zeilen auch dann importieren, wenn andere ungültig sind
crm-import-page-refresh = Vorschau aktualisieren
crm-import-page-dry-run = Probelauf
crm-import-page-import = Importieren
crm-import-page-imported = Importiert
crm-import-page-refused-title = Nichts wurde gespeichert: Die Datei hat ungültige Zeilen
crm-import-page-dry-run-done = Probelauf: Nichts wurde gespeichert
crm-import-page-created = Neu
crm-import-page-updated = Geändert
crm-import-page-unchanged = Unverändert
crm-import-page-skipped = Übersprungen
crm-import-page-ignored = Übergangene Zeilen
crm-import-page-refused = Abgelehnt
crm-import-page-errors = Fehler
crm-import-page-warnings = Warnungen
crm-import-page-rows = Ergebnis je Zeile
crm-import-page-row = Zeile
crm-import-page-name = Name
crm-import-page-outcome = Ergebnis
crm-import-page-another = Weitere Datei importieren

# The fields a column may be mapped to, as the mapping preview names them.
crm-field-account-crm-id = CRM-ID des Accounts
crm-field-account-crm-ids = CRM-IDs der Accounts (Liste)
crm-field-account-name = Name des Accounts
crm-field-amount = Betrag
crm-field-annual-revenue = Jahresumsatz des Kunden
crm-field-business-unit = Geschäftsbereich
crm-field-close-date = Abschlussdatum
crm-field-crm-id = CRM-ID
crm-field-currency = Währung
crm-field-current-revenue = Unser Umsatz mit dem Kunden
crm-field-email = E-Mail
crm-field-first-name = Vorname
crm-field-growth-trend = Wachstumstrend
crm-field-ignore = (Spalte ignorieren)
crm-field-industry = Branche
crm-field-is-closed = Abgeschlossen (ja/nein)
crm-field-is-won = Gewonnen (ja/nein)
crm-field-last-name = Nachname
crm-field-name = Name
crm-field-next-step = Nächster Schritt
crm-field-owner-email = E-Mail des Verantwortlichen
crm-field-owner-name = Name des Verantwortlichen
crm-field-parent-crm-id = CRM-ID des Mutter-Accounts
crm-field-parent-name = Name des Mutter-Accounts
crm-field-phone = Telefon
crm-field-potential = Potenzial
crm-field-probability = Wahrscheinlichkeit (%)
crm-field-region = Region
crm-field-relationship-owner-email = E-Mail des Beziehungsverantwortlichen
crm-field-relationship-owner-name = Name des Beziehungsverantwortlichen
crm-field-reports-to-crm-id = Berichtet an (CRM-ID)
crm-field-stage = Phase
crm-field-status = Status
crm-field-title = Position
crm-field-total-spend = Gesamtausgaben des Kunden
