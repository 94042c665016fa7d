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
crm-import-error-kind-unavailable = Der Import von Opportunities ist noch nicht verfügbar.
crm-import-error-too-large = Die Datei ist größer als { $limit } MB, das Höchstmaß eines Imports.
crm-import-error-unknown-kind = Unbekannte Art „{ $value }“: accounts, contacts oder opportunities.
crm-import-error-unknown-preset = Unbekannte Vorlage „{ $value }“: auto, salesforce, hubspot, dynamics, pipedrive oder generic.
