# Administration (Benutzer, Leistungen, Vorlagen, Wertdisziplin), die
# Kontaktseite, die Freigabeseite und die Seite, wenn ein PDF nicht auf eine
# Seite passt.

## Benutzer
users-title = Benutzer
users-intro = Wer sich bei { $org } anmelden kann und was er oder sie darf.
users-col-user = Benutzer
users-col-role = Rolle und Zugang
users-col-password = Passwort zurücksetzen
users-you = Sie
users-role-of = Rolle von { $name }
users-can-sign-in = kann sich anmelden
users-new-password = Neues Passwort
users-new-password-for = Neues Passwort für { $name }
users-set = Setzen
users-add-title = Benutzer hinzufügen
users-name = Name
users-email = E-Mail
users-role = Rolle
users-initial-password = Erstes Passwort
users-password-hint = Mindestens 8 Zeichen. Teilen Sie es der Person persönlich mit.
users-add = Benutzer hinzufügen
users-help-viewer = liest alles, ändert nichts
users-help-member = bearbeitet Pläne und Kontakte der Accounts, in deren Team er oder sie ist
users-help-kam = legt Accounts an, bearbeitet die eigenen Accounts und Pläne
users-help-manager = bearbeitet alle Pläne und gibt sie frei
users-help-admin = wie Manager, verwaltet außerdem die Benutzer
users-added = { $name } kann sich jetzt als { $email } anmelden.
users-updated = { $name } wurde aktualisiert.
users-password-set = Neues Passwort für { $name } gesetzt; die Person wurde überall abgemeldet.
users-err-role = bitte wählen Sie eine Rolle
users-err-password-short = muss mindestens 8 Zeichen lang sein
users-row-err-role = Rolle: bitte wählen Sie eine Rolle
users-row-err-password = Passwort: { $message }
users-err-self = Sie können sich nicht selbst die Administratorrolle entziehen oder sich aussperren; bitten Sie einen anderen Administrator.

## Leistungen
offerings-title = Leistungen
offerings-intro = Was { $org } verkauft: die Zeilen der Whitespace-Matrix jedes Accounts, in dieser Reihenfolge.
offerings-ours = Unsere Leistungen
offerings-offered = { $count } im Angebot
offerings-retired-count = { $count } ausgemustert
offerings-empty = Noch keine Leistungen. Erfassen Sie, was Sie verkaufen – Produktlinien, Services, Lösungen –, in der Reihenfolge, in der sie in der Matrix stehen sollen.
offerings-retired = Ausgemustert
offerings-unused = Noch in keiner Matrix verwendet
offerings-used-by = Verwendet in { $accounts ->
    [one] { $accounts } Account
   *[other] { $accounts } Accounts
} · { $cells ->
    [one] { $cells } Zelle
   *[other] { $cells } Zellen
}
offerings-move-up = Nach oben
offerings-move-down = Nach unten
offerings-move-up-label = { $name } nach oben verschieben
offerings-move-down-label = { $name } nach unten verschieben
offerings-edit = Bearbeiten
offerings-edit-label = { $name } bearbeiten
offerings-edit-title = Leistung bearbeiten
offerings-name = Name
offerings-description = Beschreibung
offerings-save = Leistung speichern
offerings-restore = Wiederherstellen
offerings-retire = Ausmustern
offerings-retire-title = Keine neuen Zellen; vorhandene Zellen bleiben sichtbar
offerings-delete = Löschen
offerings-delete-label = { $name } löschen
offerings-delete-unused = { $name } löschen? Beim Ausmustern bleibt die Historie erhalten.
offerings-delete-used = { $name } mit { $cells ->
    [one] { $cells } Zelle
   *[other] { $cells } Zellen
} in { $accounts ->
    [one] { $accounts } Account
   *[other] { $accounts } Accounts
} löschen? Beim Ausmustern bleibt die Historie erhalten.
offerings-add-title = Leistung hinzufügen
offerings-name-placeholder = z. B. Drucksensoren
offerings-description-placeholder = Was es ist, in einer Zeile
offerings-add = Leistung hinzufügen
offerings-hint = Mustern Sie eine Leistung aus, die Sie nicht mehr verkaufen: Die Accounts behalten ihre Zellen dafür, aber es können keine neuen hinzukommen. Beim Löschen verschwinden ihre Zellen überall.
offerings-added = Leistung „{ $name }“ hinzugefügt.
offerings-saved = Leistung „{ $name }“ gespeichert.
offerings-retired-flash = „{ $name }“ ausgemustert: keine neuen Zellen; vorhandene Zellen bleiben sichtbar.
offerings-restored = „{ $name }“ wird wieder angeboten.
offerings-moved = „{ $name }“ verschoben.
offerings-deleted = Leistung „{ $name }“ mit ihren Zellen gelöscht.

## Planvorlagen
templates-nav = Vorlagen
templates-title = Planvorlagen
templates-intro = Die Planformate, mit denen { $org } arbeitet. Neue Pläne bieten die aktuellen Vorlagen in dieser Reihenfolge an; ein Plan behält die Vorlagenversion, mit der er erstellt wurde.
templates-new = Neue Vorlage
templates-offered = { $count } für neue Pläne angeboten
templates-retired-count = { $count } ausgemustert
templates-current-version = Aktuelle Version
templates-retired = Ausgemustert
templates-sections = { $count ->
    [one] { $count } Abschnitt
   *[other] { $count } Abschnitte
}
templates-pages = { $count ->
    [one] { $pages } Seite
   *[other] { $pages } Seiten
}
templates-plans = { $count ->
    [0] noch keine Pläne
    [one] { $count } Plan
   *[other] { $count } Pläne
}
templates-move-up = Nach oben
templates-move-down = Nach unten
templates-move-up-label = { $name } nach oben verschieben
templates-move-down-label = { $name } nach unten verschieben
templates-edit = Bearbeiten
templates-copy = Kopieren
templates-copy-title = Eine neue Vorlage auf Basis dieser
templates-view = Ansehen
templates-export = Exportieren
templates-export-title = Die Vorlagendatei herunterladen (JSON)
templates-restore = Wiederherstellen
templates-retire = Ausmustern
templates-retire-title = Wird für neue Pläne nicht mehr angeboten; damit erstellte Pläne behalten sie
templates-import-title = Vorlagendatei importieren
templates-import-file = Vorlagendatei (JSON)
templates-import-failed = Es wurde nichts importiert.
templates-import-hint = Fügen Sie eine exportierte Datei ein. Ein neuer Schlüssel legt eine Vorlage an; ein bekannter Schlüssel erhält eine neue Version, wenn sich etwas geändert hat. Das Format ist beschrieben in
templates-import = Importieren
templates-about-title = So funktionieren Vorlagen
templates-about-owner = Das Format gehört dem Unternehmen.
templates-about-owner-text = Die mitgelieferten Vorlagen sind Ausgangspunkte: Kopieren, umbenennen, kürzen und ordnen Sie sie neu, bis sie dazu passen, wie { $org } plant.
templates-about-versions = Versionen.
templates-about-versions-text = Wenn Sie eine geänderte Vorlage speichern, entsteht ihre nächste Version. Ein Plan behält die Version, mit der er erstellt wurde; eine Vorlage zu bearbeiten ändert also nie einen bestehenden Plan.
templates-about-retire = Ausmustern statt löschen.
templates-about-retire-text = Eine ausgemusterte Vorlage wird für neue Pläne nicht mehr angeboten; damit erstellte Pläne behalten sie.
templates-only-admins = Nur Administratoren ändern Vorlagen.
templates-err-paste = fügen Sie den Inhalt einer Vorlagendatei ein
templates-imported-new = „{ $name }“ als neue Vorlage importiert (Version 1).
templates-imported-version = „{ $name }“ als Version { $version } importiert. Früher erstellte Pläne behalten ihre Version.
templates-import-unchanged = „{ $name }“ ist unverändert (weiterhin Version { $version }); es wurde nichts importiert.
templates-retired-flash = „{ $name }“ ausgemustert: Die Vorlage wird für neue Pläne nicht mehr angeboten; damit erstellte Pläne behalten sie.
templates-restored = „{ $name }“ wird wieder für neue Pläne angeboten.
templates-moved-up = „{ $name }“ nach oben verschoben.
templates-moved-down = „{ $name }“ nach unten verschoben.

## Freigabe: Sichtbarkeit und Freigabelinks eines Plans
sharing-page-title = Freigabe · { $title }
sharing-breadcrumb = Navigationspfad
sharing-intro = Legen Sie fest, wer welchen Eintrag sieht, und geben Sie den Kundenauszug nur zum Lesen frei.
sharing-created = Freigabelink erstellt.
sharing-created-text = Kopieren Sie ihn jetzt – keyplan speichert nur einen Fingerabdruck und kann ihn nicht noch einmal anzeigen.
sharing-new-link = Der neue Freigabelink
sharing-links = Freigabelinks
sharing-links-text-before = Ein Link öffnet den
sharing-customer-excerpt = Kundenauszug
sharing-links-text-after = ({ $count ->
    [one] { $count } freigebbarer Eintrag
   *[other] { $count } freigebbare Einträge
}) ohne Anmeldung, bis er abläuft oder Sie ihn widerrufen.
sharing-no-links = Noch keine Links.
sharing-col-link = Link
sharing-col-expires = Läuft ab
sharing-col-opened = Zuletzt geöffnet
sharing-created-on = Erstellt am { $date }
sharing-created-on-by = Erstellt am { $date } von { $name }
sharing-never = nie
sharing-state-live = Aktiv
sharing-state-expired = Abgelaufen
sharing-state-revoked = Widerrufen
sharing-revoke = Widerrufen
sharing-for-whom = Für wen
sharing-for-whom-placeholder = z. B. Einkaufsteam Helix
sharing-until = Gültig bis
sharing-create = Freigabelink erstellen
sharing-who-sees = Wer sieht was
sharing-who-sees-before = Standard ist „Nur Team“. Das Management sieht Einträge, die für das Management oder den Kunden markiert sind. Als
sharing-internal = intern
sharing-who-sees-after = markierte Einträge erreichen den Kunden nie, egal was Sie wählen.
sharing-col-item = Eintrag
sharing-col-visible = Sichtbar für
sharing-internal-title = Wird dem Kunden nie gezeigt
sharing-visibility-of = Sichtbarkeit von { $item }
sharing-no-items = Der Plan hat noch keine Einträge.
sharing-save = Sichtbarkeit speichern
sharing-vis-team = Nur Team
sharing-vis-management = Team und Management
sharing-vis-customer = Für den Kunden freigebbar
sharing-text-of = Text von „{ $section }“
sharing-kpi = Kennzahl
sharing-saved = { $count ->
    [one] 1 Änderung gespeichert.
   *[other] { $count } Änderungen gespeichert.
}
sharing-revoked = „{ $label }“ widerrufen: Der Link öffnet sich nicht mehr.

## Ein PDF, das nicht auf eine Seite passt
pdf-too-big-title = Passt nicht auf eine Seite
pdf-too-big-text = Der Plan passt selbst in der kleinsten lesbaren Schriftgröße nicht auf eine Seite ({ $count } Seiten). Kürzen oder entfernen Sie einige Einträge, oder laden Sie die kompakte Fassung herunter, die mehrere Seiten umfassen kann.
pdf-download-compact = Kompaktes PDF herunterladen
pdf-back = Zurück zum Plan

## Wertdisziplin (Einstellungen des Unternehmens)
org-title = Wertdisziplin
org-intro = Worin { $org } herausragen will. Einmal für das Unternehmen festgelegt; das Nutzenversprechen jedes Plans zeigt sie und beschreibt, wie der Plan sie umsetzt.
org-ours = Unsere Wertdisziplin
org-undecided = Noch nicht entschieden
org-statement = Wie wir sie leben
org-statement-hint = Ein oder zwei Sätze, auf die jeder Plan aufbauen kann.
org-save = Wertdisziplin speichern
org-saved = Wertdisziplin gespeichert. Das Nutzenversprechen jedes Plans zeigt sie.
org-discipline-operational_excellence = Operative Exzellenz
org-discipline-product_leadership = Produktführerschaft
org-discipline-customer_intimacy = Kundennähe
org-meaning-operational_excellence = Wir gewinnen durch Zuverlässigkeit, Einfachheit und niedrige Gesamtkosten: Der Plan soll es dem Kunden einfacher und günstiger machen, bei uns zu kaufen.
org-meaning-product_leadership = Wir gewinnen mit der besten und neuesten Leistung: Der Plan soll unsere Innovationen zuerst in die wichtigsten Projekte des Kunden bringen.
org-meaning-customer_intimacy = Wir gewinnen, weil wir den Kunden besser kennen als alle anderen: Der Plan soll Lösungen auf seine Prozesse zuschneiden und die Beziehungen vertiefen.

## Ein Kontakt beim Kunden
contact-breadcrumb = Navigationspfad
contact-at = Kontakt bei { $account }
contact-name = Name
contact-title = Position
contact-business-unit = Geschäftsbereich
contact-reports-to = Berichtet an
contact-role = Rolle im Buying Center
contact-influence = Einfluss (1–5)
contact-attitude = Haltung uns gegenüber
contact-owner = Wer betreut die Person
contact-objective = Kontaktziel
contact-last-contact = Letzter Kontakt
contact-email = E-Mail
contact-phone = Telefon
contact-save = Kontakt speichern
contact-cancel = Abbrechen
contact-remove-title = Diesen Kontakt entfernen
contact-remove-text = Zusagen, an denen { $name } beteiligt ist, behalten ihren Inhalt, verlieren aber die Verknüpfung.
contact-remove = { $name } entfernen

## Der Vorlageneditor
templates-breadcrumb = Navigationspfad
templates-version = Version { $version }
templates-made-from = { $count ->
    [0] noch keine Pläne daraus erstellt
    [one] { $count } Plan daraus erstellt
   *[other] { $count } Pläne daraus erstellt
}
templates-new-intro = Eine neue Vorlage: Version 1 entsteht, wenn Sie sie anlegen.
templates-export-json = Als JSON exportieren
templates-read-only = Sie können diese Vorlage lesen; nur Administratoren ändern Vorlagen.
templates-not-saved = { $count ->
    [one] Es wurde nichts gespeichert: eine Sache ist zu korrigieren.
   *[other] Es wurde nichts gespeichert: { $count } Dinge sind zu korrigieren.
}
templates-changes-kept = Ihre Änderungen bleiben unten erhalten.
templates-template = Vorlage
templates-name = Name
templates-key = Schlüssel
templates-key-placeholder = wird aus dem Namen gebildet
templates-key-hint = So heißt die Vorlage in Dateien, in der API und auf der Kommandozeile. Er kann später nicht geändert werden.
templates-length = Länge des ganzen Plans
templates-pages-unit = Seiten
templates-length-hint = Pläne über dem Umfang werden markiert. Kurze Pläne werden gelesen.
templates-description = Beschreibung
templates-description-placeholder = Wann diese Vorlage passt, in ein, zwei Sätzen
templates-sections-title = Abschnitte
templates-sections-hint = In der Reihenfolge des Plans. ↑ und ↓ ordnen um, ohne zu speichern; angehakte Zeilen fallen beim Speichern weg.
templates-new-section = Neuer Abschnitt
templates-section-title = Titel
templates-new-section-placeholder = Abschnitt hinzufügen: geben Sie ihm einen Titel
templates-kind = Art
templates-move-new-up = Den neuen Abschnitt nach oben verschieben
templates-move-new-down = Den neuen Abschnitt nach unten verschieben
templates-move-section-up = „{ $title }“ nach oben verschieben
templates-move-section-down = „{ $title }“ nach unten verschieben
templates-guidance = Hinweise für die Verfasser
templates-guidance-placeholder = Was hierher gehört, wie es gut aussieht, was wegbleiben sollte
templates-budget = Umfang
templates-budget-none = keiner
templates-budget-of = Umfang von Abschnitt { $n }
templates-budget-unit = Einheit des Umfangs
templates-unit-words = Wörter
templates-unit-items = Einträge
templates-not-saved-yet = Noch nicht gespeichert
templates-savebar = Pläne behalten die Version, mit der sie erstellt wurden; beim Speichern entsteht Version { $version }.
templates-savebar-new = Beim Anlegen der Vorlage entsteht Version 1,
templates-savebar-new-rest = und sie wird für neue Pläne angeboten.
templates-add-row = Zeile hinzufügen
templates-discard = Änderungen verwerfen
templates-cancel = Abbrechen
templates-save-version = Version { $version } speichern
templates-create = Vorlage anlegen
templates-history = Versionsverlauf
templates-versioning = Pläne behalten die Version, mit der sie erstellt wurden; beim Speichern entsteht Version { $version }. Bearbeiten ändert nie einen bestehenden Plan.
templates-current = aktuell
templates-kinds = Arten von Abschnitten
templates-kinds-hint = Der Umfang zählt bei Text Wörter, bei Listen Einträge. Ein Abschnitt über seinem Umfang wird im Plan markiert.
templates-kind-help-free_text = Freier Text des Teams, abgeschlossen mit der Schlussfolgerung „Was folgt daraus?“.
templates-kind-help-analysis = Eine Liste von Analysepunkten (Kunde, Markt, Wettbewerb, eigene Position) mit Quelle und Datum, abgeschlossen mit „Was folgt daraus?“.
templates-kind-help-swot = Stärken, Schwächen, Chancen und Risiken als Einträge, abgeschlossen mit „Was folgt daraus?“.
templates-kind-help-stakeholder_map = Die Buying-Center-Karte aus den Kontakten des Accounts, mit einer Notiz und „Was folgt daraus?“.
templates-kind-help-whitespace = Die Whitespace-Matrix (unsere Leistungen × ihre Geschäftsbereiche), mit einer Notiz und „Was folgt daraus?“.
templates-kind-help-goals = Messbare Ziele (Kennzahl, Ausgangswert, Zielwert, Datum), jeweils mit der Analyse verknüpft, die sie begründet.
templates-kind-help-constraint_tree = Ziel → Erfolgsfaktoren → Voraussetzungen → Hindernisse → Zusagen, mit einem Status, der sich im Baum nach oben fortsetzt.
templates-kind-help-action_plan = Zusagen mit Verantwortlichem, Fälligkeit und einem prüfbaren Erledigt-Kriterium; jeder Verantwortliche nimmt seinen Teil an.
templates-kind-help-kpi_scorecard = Kennzahlen mit Einheit, Ausgangs- und Zielwert, über den Zeitraum des Plans verfolgt.
templates-kind-help-value_proposition = Das Nutzenversprechen des Plans als Text, bezogen auf die Wertdisziplin des Unternehmens.
templates-kind-help-risks = Chancen und Risiken, wo möglich jeweils aus einem SWOT-Eintrag abgeleitet, abgeschlossen mit „Was folgt daraus?“.
templates-new-heading = Neue Vorlage
templates-copy-of = Kopie von { $name }
templates-author-builtin = keyplan (mitgeliefert oder Kommandozeile)
templates-problem-row = Abschnitt { $n }, { $field }: { $message }
templates-problem = { $field }: { $message }
templates-err-title = geben Sie dem Abschnitt einen Titel, oder haken Sie „Entfernen“ an, um ihn wegzulassen
templates-created = Vorlage „{ $name }“ als Version 1 angelegt. Sie wird jetzt für neue Pläne angeboten.
templates-saved-version = Als Version { $version } gespeichert. Früher erstellte Pläne behalten die Version, mit der sie erstellt wurden.
templates-unchanged = Nichts geändert; weiterhin Version { $version }.
templates-moved-section-up = Abschnitt nach oben verschoben
templates-moved-section-down = Abschnitt nach unten verschoben
templates-row-added = Zeile hinzugefügt
templates-nothing-moved = Nichts verschoben
templates-keep-order = Speichern Sie, um die neue Reihenfolge als nächste Version zu übernehmen
templates-keep-new = Legen Sie die Vorlage an, um sie zu übernehmen
templates-rearranged = { $what } – noch nicht gespeichert. { $save }.
templates-conflict-version = Version
templates-conflict-stored = Version { $version }
templates-conflict-stored-by = Version { $version } von { $name }
templates-conflict-yours = Ihre Bearbeitung von Version { $version }
templates-conflict-name = Name
templates-conflict-description = Beschreibung
templates-conflict-pages = Seitenumfang
templates-conflict-sections = Abschnitte

## Probleme mit einem neuen Freigabelink
sharing-err-past = darf nicht in der Vergangenheit liegen
sharing-err-year = darf höchstens ein Jahr in der Zukunft liegen

## Probleme im Vorlageneditor
templates-err-pages-range = muss eine Seitenzahl zwischen 0,5 und 50 sein
templates-err-pages = muss eine Seitenzahl sein, etwa 1 oder 3,5
templates-err-no-section = eine Vorlage braucht mindestens einen Abschnitt
templates-err-too-many = höchstens 40 Abschnitte
templates-err-budget-range = muss zwischen 1 und 20000 liegen
templates-err-key = verwenden Sie 1 bis 60 Kleinbuchstaben, Ziffern, „-“ oder „_“
templates-err-kind = wählen Sie eine der Abschnittsarten
templates-err-unit = muss Wörter oder Einträge sein
templates-err-whole = muss eine ganze Zahl sein

## Einstellungen des Plan-Coachs
coach-settings-title = Plan-Coach
coach-settings-intro = Welche Regeln des Plan-Coachs bei { $org } gelten und wie schwer jeder Befund wiegt. Plan-Seiten, API und Kommandozeile wenden diese Einstellungen an.
coach-settings-col-rule = Regel
coach-settings-col-enabled = Aktiv
coach-settings-col-severity = Schweregrad
coach-settings-default = Standard: { $severity }
coach-settings-on = an
coach-settings-severity-of = Schweregrad von „{ $rule }“
coach-settings-save = Einstellungen speichern
coach-settings-saved = Die Einstellungen des Plan-Coachs sind gespeichert.

## Probleme mit einer importierten Vorlagendatei
templates-file-required = fehlt
templates-file-string = muss ein Text sein
templates-file-version-required = fehlt (1)
templates-file-version-number = muss eine ganze Zahl sein (1)
templates-file-pages-required = fehlt: die Länge des Plans in Seiten
templates-file-pages-number = muss eine Seitenzahl sein
templates-file-sections-required = fehlt: die Liste der Abschnitte
templates-file-sections-list = muss eine Liste von Abschnitten sein
templates-file-section-object = muss ein Objekt mit key, title, kind, guidance und budget sein
templates-file-object = Eine Vorlagendatei ist ein JSON-Objekt mit "format": "keyplan-template".
templates-file-json = Die Vorlagendatei ist kein gültiges JSON: { $detail }.
templates-file-unknown-field = ist hier kein Feld; die Felder sind { $detail }
templates-file-kind-required = fehlt; eine der Arten { $detail }
templates-file-unreadable = kann nicht gelesen werden: { $detail }
templates-file-must-be = muss "{ $detail }" sein
# Noch nicht übersetzt: wie bisher auf Englisch.
templates-err-last-offered = “{ $name }” is the only template offered for new plans; add or restore another template before retiring it.

# Die Einstellungen der Organisation (Issue 13).
org-settings-title = Plangrenzen und Portfolio
org-settings-intro = Pläne lohnen sich für die wenigen Kunden mit dem größten Wachstumspotenzial. Einen Plan über eine Grenze hinaus zu aktivieren, braucht die Begründung einer Führungskraft.
org-settings-per-kam = Aktive Pläne je KAM
org-settings-per-kam-hint = Empfehlung: die wichtigsten 3 je KAM.
org-settings-per-company = Aktive Pläne im Unternehmen
org-settings-per-company-hint = Empfehlung: 10 bis 15 Masterpläne je Unternehmen.
org-settings-share = Schwelle für den Lieferanteil (%)
org-settings-share-hint = Ab diesem Anteil ist ein Kunde kein Kandidat für einen Plan.
org-settings-share-line = Portfoliolinie: Lieferanteil (%)
org-settings-growth-line = Portfoliolinie: Wachstumspotenzial (Betrag)
org-settings-max-nodes = Höchstens Knoten je Plan
org-settings-max-items = Höchstens Einträge je Plan
org-settings-max-contacts = Höchstens Kontakte je Kunde
org-settings-max-text = Höchstens Zeichen je Textfeld
org-settings-max-text-hint = Von 100 bis 20.000; ein Feld mit kleinerer eingebauter Grenze behält sie.
org-settings-committee-plans = Pläne pro Sitzung des Management-Komitees
org-settings-committee-plans-hint = So viele Pläne mit dem größten Potenzial nimmt eine neue Sitzung des Management-Komitees, 1 bis 50.
org-settings-token-days = Neue API-Tokens gelten
org-settings-token-days-n = { $days } Tage
org-settings-token-never = unbefristet
org-settings-median-hint = Leer lassen für den Median der Organisation.
org-settings-save = Einstellungen speichern
org-settings-saved = Einstellungen gespeichert.
sharing-preview = Was der Kunde sieht
sharing-customer-title = Der Kunde liest diesen Plan als
sharing-customer-title-change = ändern
sharing-figures-withheld = Diese Ziele dienen unserem Nutzen: Der Kunde sieht sie ohne ihre Zahlen (Kennzahl, Ausgangswert, Ziel).
