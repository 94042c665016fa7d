# Die Plan-Seite (Abschnitte, Ziel-Baum, Ziele, Maßnahmenplan, Analysepunkte),
# die Reiter für die Zielgruppen und die Story-Ansicht. Ids beginnen mit plan-,
# tree-, goals-, items- oder story-.

## Die Plan-Seite
plan-breadcrumb = Brotkrumennavigation
plan-template-version-title = Pläne behalten die Version der Vorlage, mit der sie erstellt wurden
plan-months = { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
}
plan-size-title = Geschätzte Drucklänge im Vergleich zum Umfang, den die Vorlage vorsieht
plan-over-budget = zu lang
plan-printed = PDF: { $pages } von { $budget } { $budget ->
    [one] Seite
   *[other] Seiten
}
plan-size-printed-title = Die Seiten, die das PDF des Plans braucht, im Vergleich zum Umfang der Vorlage
plan-pages-one = ≈ { $pages } von { $budget } Seite
plan-pages = ≈ { $pages } von { $budget } Seiten
plan-size-words = { $used } / { $limit } { $limit ->
    [one] Wort
   *[other] Wörter
}
plan-size-items = { $used } / { $limit } { $limit ->
    [one] Eintrag
   *[other] Einträge
}
plan-story-view = Story-Ansicht
plan-open-gaps = { $count ->
    [one] { $count } offene Lücke
   *[other] { $count } offene Lücken
}
plan-settings = Plan-Einstellungen
plan-field-title = Titel
plan-field-status = Status
plan-period-starts = Zeitraum beginnt
plan-period-ends = Zeitraum endet
plan-save = Plan speichern
plan-over-budget-title = Zu lang.
plan-over-budget-text = Ein Plan, den man liest, ist kurz: Kürzen Sie { $count ->
    [one] diesen Abschnitt
   *[other] diese Abschnitte
}
plan-timeline = Zeitleiste
plan-more-label = Überprüfungen, Coach und Diskussion
plan-more-coach = Coach
plan-timeline-sub = 12 Monate Zusagen und Überprüfungen
plan-timeline-full = Volle Breite
plan-toc-label = Abschnitte dieses Plans
plan-guidance = So schreiben Sie diesen Abschnitt
plan-map-before = Die Karte entsteht aus den
plan-map-link = Kontakten des Accounts
plan-map-after = : Berichtslinien, Rolle im Buying Center, Einfluss, Haltung und wer von uns wen betreut.
plan-no-whitespace = Noch keine Whitespace-Matrix: Legen Sie die Geschäftsbereiche des Kunden an und markieren Sie, wo wir liefern und wo wir liefern könnten.
plan-whitespace-edit = Whitespace-Matrix bearbeiten
plan-whitespace-open = Whitespace-Matrix öffnen
plan-no-discipline = Das Unternehmen hat seine Wertdisziplin noch nicht festgelegt
plan-set-discipline = jetzt festlegen
plan-our-discipline = Unsere Wertdisziplin
plan-delete-summary = Diesen Plan löschen
plan-delete-text = Damit wird „{ $title }“ mit dem ganzen Baum und allen Zusagen gelöscht. Das kann nicht rückgängig gemacht werden.
plan-delete = Plan löschen
plan-created = Plan erstellt. Jeder Abschnitt sagt, was hineingehört; beginnen Sie dort, wo Ihr Team am meisten weiß.
plan-saved = Plan gespeichert.
plan-measure-from = ab { $value }
plan-measure-by = bis { $date }

## Schaltflächen an jedem Knoten und Eintrag
plan-move-up = Nach oben
plan-move-down = Nach unten
plan-move-up-named = „{ $name }“ nach oben verschieben
plan-move-down-named = „{ $name }“ nach unten verschieben
plan-move-label = Position
plan-edit = Bearbeiten
plan-edit-named = „{ $name }“ bearbeiten
plan-delete-node = Löschen
plan-delete-named = „{ $name }“ löschen
plan-comments-title = Kommentare dazu: siehe Diskussion
plan-comments = { $count ->
    [one] { $count } Kommentar
   *[other] { $count } Kommentare
}

## Für wen ein Ziel ist
plan-benefit-customer = Für den Kunden
plan-benefit-us = Für uns
plan-benefit-both = Für beide

## Arten von Abschnitten
plan-section-kind-free_text = Text mit „Was folgt daraus?“
plan-section-kind-analysis = Analyseliste
plan-section-kind-swot = SWOT
plan-section-kind-stakeholder_map = Stakeholder-Karte
plan-section-kind-whitespace = Whitespace-Matrix
plan-section-kind-goals = Ziele
plan-section-kind-constraint_tree = Ziel-Baum
plan-section-kind-action_plan = Maßnahmenplan
plan-section-kind-kpi_scorecard = KPI-Scorecard
plan-section-kind-value_proposition = Wertversprechen
plan-section-kind-risks = Chancen und Risiken

## Reiter für die Zielgruppen
plan-tabs-label = Für wen diese Ansicht ist
plan-tab-team = Team
plan-tab-management = Management-Briefing
plan-tab-customer = Auszug für den Kunden
plan-tab-sharing = Sichtbarkeit & Freigabelinks

## Text und „Was folgt daraus?“ eines Abschnitts
plan-so-what = Was folgt daraus?
plan-no-so-what = Noch keine Schlussfolgerung: Was folgt daraus für unseren Plan?
plan-text-write-both = Text und Schlussfolgerung schreiben
plan-text-edit-both = Text und Schlussfolgerung bearbeiten
plan-text-write-text = Text schreiben
plan-text-edit-text = Text bearbeiten
plan-text-write-so-what = Schlussfolgerung schreiben
plan-text-edit-so-what = Schlussfolgerung bearbeiten
plan-text-discipline = Wie dieser Plan unsere Wertdisziplin umsetzt
plan-text = Text
plan-so-what-placeholder = Was folgt daraus für den Plan?
plan-text-save = Abschnitt speichern
plan-section-saved = Abschnitt gespeichert.

## Der Maßnahmenplan
plan-actions-empty = Noch keine Maßnahmen. Jede Maßnahme hat eine verantwortliche Person, einen Termin und ein klares Ergebnis; sie zählt erst, wenn die oder der Verantwortliche sie angenommen hat.
plan-actions-in-tree = { $count ->
    [one] Eine Zusage, im Baum mit Verantwortlichem und Termin
   *[other] { $count } Zusagen, im Baum mit Verantwortlichen und Terminen
}
plan-actions-unaccepted = { $count } noch nicht angenommen
plan-actions-overdue = { $count } überfällig
plan-actions-to-tree = zum Baum
plan-actions-next = Als Nächstes fällig:
plan-actions-what = Was
plan-actions-who = Wer
plan-actions-when = Wann
plan-actions-serves = Dient
plan-actions-state = Stand
plan-actions-add = Maßnahme hinzufügen
plan-actions-serves-goal = Dient dem Ziel
plan-actions-contact = Ansprechpartner beim Kunden
plan-actions-done-placeholder = Was wird es geben, wer bestätigt es?
plan-actions-goal-first = Legen Sie zuerst ein Ziel an: Jede Maßnahme dient einem Ziel.
plan-actions-choose-goal = bitte wählen Sie das Ziel, dem diese Maßnahme dient
plan-actions-added = Maßnahme hinzugefügt. Die oder der Verantwortliche wird gebeten, sie anzunehmen.

## Der Ziel-Baum
tree-progress = Fortschritt
tree-obstacles-overcome = { $count } von { $total } Hindernissen überwunden
tree-conditions-met = { $count } von { $total } Voraussetzungen erfüllt
tree-factors-secured = { $count } von { $total } Erfolgsfaktoren gesichert
tree-chip-accepted = { $count ->
    [one] angenommene Zusage
   *[other] angenommene Zusagen
}
tree-chip-done = erledigt
tree-chip-awaiting = { $count ->
    [one] wartet auf Annahme
   *[other] warten auf Annahme
}
tree-chip-overdue = überfällig
tree-chip-missed = verfehlt
tree-unaccepted-title = Noch nicht Teil des Plans ({ $count })
tree-unaccepted-text = Eine Zusage zählt erst, wenn die oder der Verantwortliche sie angenommen hat.
tree-someone = jemanden
tree-unaccepted-declined = { $name } hat „{ $title }“ abgelehnt
tree-unaccepted-date = { $name } hat für „{ $title }“ einen anderen Termin vorgeschlagen
tree-unaccepted-waits = „{ $title }“ wartet auf { $name }
tree-start-title = Beginnen Sie mit dem Account-Umsatzziel
tree-start-text = Was müssen wir mit { $name } in diesem Zeitraum erreichen? Machen Sie es messbar: Kennzahl, Ausgangswert, Zielwert und Datum.
tree-no-target = Noch kein messbares Ziel – ergänzen Sie Kennzahl, Ausgangswert, Zielwert und Datum.
tree-label = Ziel-Baum für { $name }
tree-col-factors = Erfolgsfaktoren
tree-col-conditions = Voraussetzungen
tree-col-obstacles = Hindernisse
tree-col-commitments = Zusagen
tree-gap-commitment = Noch keine Zusage: Wer räumt dieses Hindernis bis wann aus dem Weg?
tree-gap-obstacle = Was hindert uns daran, diese Voraussetzung zu erfüllen?
tree-gap-condition = Welche Voraussetzungen müssen für diesen Erfolgsfaktor gegeben sein?
tree-gap-factor = Von welchen wenigen Faktoren hängt dieses Ziel ab?
tree-direct = Zusagen, die dem Ziel direkt dienen
tree-delete-question = { $kind ->
    [goal] Dieses Account-Umsatzziel löschen?
    [csf] Diesen Erfolgsfaktor löschen?
    [condition] Diese Voraussetzung löschen?
    [obstacle] Dieses Hindernis löschen?
   *[commitment] Diese Zusage löschen?
}
tree-delete-question-all = { $kind ->
    [goal] Dieses Account-Umsatzziel und alles darunter löschen?
    [csf] Diesen Erfolgsfaktor und alles darunter löschen?
    [condition] Diese Voraussetzung und alles darunter löschen?
    [obstacle] Dieses Hindernis und alles darunter löschen?
   *[commitment] Diese Zusage und alles darunter löschen?
}
tree-edit-heading = { $kind ->
    [goal] Account-Umsatzziel
    [csf] Erfolgsfaktor
    [condition] Voraussetzung
    [obstacle] Hindernis
   *[commitment] Zusage
} bearbeiten
tree-add = { $what ->
    [sales_goal] Account-Umsatzziel
    [goal] Ziel
    [csf] Erfolgsfaktor
    [condition] Voraussetzung
    [obstacle] Hindernis
   *[commitment] Zusage
} hinzufügen
tree-add-field = { $what ->
    [sales_goal] Account-Umsatzziel
    [goal] Ziel
    [csf] Erfolgsfaktor
    [condition] Voraussetzung
    [obstacle] Hindernis
   *[commitment] Zusage
}
plan-team-offer = { $name } gehört nicht zum Account-Team von { $account }.
plan-team-offer-add = { $name } ins Team aufnehmen
tree-edit-back = Zurück zum Plan
tree-field-deliverable = Was geliefert wird
tree-field-notes = Notizen
tree-field-metric = Kennzahl
tree-metric-placeholder = Umsatz, Lieferanteil, gewonnene Produktlinien …
tree-field-unit = Einheit
tree-unit-placeholder = EUR, %, Stück
tree-field-baseline = Ausgangswert
tree-field-target = Zielwert
tree-field-target-date = Zieldatum
tree-field-benefit = Für wen
tree-field-owner = Verantwortliche(r)
tree-field-contact = Beteiligter Ansprechpartner beim Kunden
tree-field-start = Beginn
tree-field-due = Fällig am
tree-field-done-when = Erledigt, wenn …
tree-done-placeholder = Messbar: Was wird es geben, wer bestätigt es?
tree-field-how = Wie es geliefert wird
tree-how-placeholder = Der Weg der oder des Verantwortlichen: Schritte, Beteiligte, Termine
tree-due = fällig am { $date }
tree-with = mit { $name }
tree-done-when = Erledigt, wenn: { $criterion }
tree-how = Vorgehen: { $how }
tree-declined = Abgelehnt: { $reason }
tree-proposes = { $name } schlägt stattdessen den { $date } vor.
tree-overdue = Überfällig
tree-accept = Annehmen
tree-decline-or-propose = Ablehnen oder anderen Termin vorschlagen
tree-accept-date = Neuen Termin annehmen
tree-keep-date = Ursprünglichen Termin beibehalten
tree-added = { $kind } hinzugefügt.
tree-added-many = { $count } × { $kind } hinzugefügt.
tree-add-lines-hint = Mehrere Zeilen fügen je Zeile einen Eintrag hinzu.
tree-deleted = { $kind } „{ $title }“ gelöscht.
tree-saved = Gespeichert.
tree-unknown-kind = Unbekannte Art von Eintrag.
tree-unknown-parent = Unbekannter übergeordneter Eintrag.

## Ziele eines strategischen Plans
goals-empty = Noch kein Ziel. Ein gutes Ziel ist messbar (Kennzahl, Ausgangswert, Zielwert, Datum) und sagt, wem es dient: dem Kunden, uns oder beiden.
goals-not-measurable = Noch nicht messbar – ergänzen Sie Kennzahl, Ausgangswert, Zielwert und Datum.
goals-strategy = Strategie:
goals-measured-by = Gemessen mit KPI: { $name }
goals-based-on = Beruht auf
goals-no-evidence = Keine Belege: Verknüpfen Sie die Analyse, die Schlussfolgerung, den SWOT-Eintrag, das Whitespace-Feld oder den Kontakt, aus dem dieses Ziel folgt.
goals-remove-link-title = Diese Verknüpfung entfernen
goals-remove-link = Verknüpfung entfernen
goals-link-evidence = Beleg verknüpfen
goals-based-on-field = Dieses Ziel beruht auf
goals-nothing-to-link = Noch nichts zu verknüpfen: Legen Sie zuerst Analysepunkte oder eine Schlussfolgerung an.
goals-link = Verknüpfen
goals-implemented-by = Umgesetzt durch
goals-no-commitment = Noch keine Zusage: Wer tut was bis wann?
goals-linked = Beleg mit dem Ziel verknüpft.
goals-link-removed = Verknüpfung entfernt.
goals-evidence-so-what = Schlussfolgerung: { $text }
goals-evidence-so-what-of = Schlussfolgerung ({ $section }): { $text }
goals-evidence-whitespace = Whitespace-Matrix
goals-evidence-contacts = Kontakte
goals-evidence-contact = Kontakt: { $name }
goals-evidence-contact-role = Kontakt: { $name } ({ $role })
goals-evidence-cell = Whitespace: { $offering } × { $unit }: { $status }
goals-cell-status-sold = Verkauft
goals-cell-status-in_progress = In Arbeit
goals-cell-status-opportunity = Chance
goals-cell-status-not_relevant = Nicht relevant

## Analyse, SWOT, Chancen und Risiken
items-group-findings = Erkenntnisse
items-hint-findings = Fakten über den Kunden, seinen Markt, den Wettbewerb und unsere eigene Position – jeweils mit Quelle
items-group-strengths = Stärken
items-hint-strengths = Wo wir besser sind als die Alternativen
items-group-weaknesses = Schwächen
items-hint-weaknesses = Wo wir in den Augen des Kunden zurückbleiben
items-group-swot-opportunities = Chancen
items-hint-swot-opportunities = Was für uns arbeiten könnte
items-group-threats = Risiken
items-hint-threats = Was gegen uns arbeiten könnte
items-group-opportunities = Chancen
items-hint-opportunities = Was wir verfolgen werden, und wie
items-group-risks = Risiken
items-hint-risks = Was den Plan gefährden könnte, und wie wir gegensteuern
items-counter-measure = Gegenmaßnahme
items-how-we-use-it = Wie wir sie nutzen
items-edit = Eintrag bearbeiten
items-delete = Eintrag löschen
items-delete-question = Diesen Eintrag löschen? Verknüpfungen von Zielen dorthin werden ebenfalls entfernt.
items-area = Bereich
items-quadrant = Quadrant
items-derived-from = Abgeleitet aus SWOT
items-source = Quelle
items-source-placeholder = Geschäftsbericht, Gespräch, CRM …
items-source-meta = Quelle: { $source }
items-date = Datum
items-finding = Erkenntnis
items-add-finding = Erkenntnis hinzufügen
items-add-to = Zu { $group ->
    [strength] Stärken
    [weakness] Schwächen
    [opportunity] Chancen
    [threat] Risiken
   *[risk] Risiken
} hinzufügen
items-derived = Aus { $label }: { $text }
items-added = { $kind } hinzugefügt.
items-deleted = { $kind } gelöscht.

## Die Story-Ansicht
story-page-title = Story · { $title }
story-title = Die Story des Plans
story-intro = von links nach rechts lesen: was wir herausgefunden haben, was daraus folgt, was wir erreichen wollen und wer was tut.
story-back = Zurück zum Plan
story-gaps = Lücken
story-gap-findings = Erkenntnisse ohne Konsequenz
story-gap-sections = Abschnitte ohne Schlussfolgerung
story-gap-so-whats = Schlussfolgerungen ohne Ziel
story-gap-evidence = Ziele ohne Beleg
story-gap-commitment = Ziele ohne Zusage
story-table-label = Analyse, Schlussfolgerung, Ziel, Zusagen
story-col-analysis = Analyse
story-col-goal = Ziel
story-no-goals = Noch keine Ziele – der Story fehlt die Mitte. Legen Sie im Plan Ziele an und verknüpfen Sie sie mit der Analyse, aus der sie folgen.
story-no-analysis = Hängt in der Luft: Hinter diesem Ziel steht keine Analyse.
story-no-evidence = Kein Beleg verknüpft
story-no-commitment = Hängt in der Luft: Niemand hat für dieses Ziel etwas zugesagt.
story-not-accepted = noch nicht angenommen
story-loose-analysis = Analyse ohne Konsequenz
story-missing-so-what = „{ $name }“ hat Erkenntnisse, aber keine Schlussfolgerung.
story-loose-so-whats = Schlussfolgerungen ohne Ziel
story-loose-hint = Verknüpfen Sie diese mit einem Ziel oder streichen Sie sie: Ein Plan enthält nur, was irgendwohin führt.
plan-limit-exception = Begründung für eine Ausnahme von den Plangrenzen
plan-limit-exception-placeholder = Nur nötig, um einen Plan über eine Grenze hinaus zu aktivieren

# Die Ausnahme von den Grenzen für aktive Pläne, am Plan gezeigt (Issue 13).
plan-limit-exception-title = Ausnahme von den Plangrenzen.
plan-limit-exception-note = Über die Grenze für { $limits } hinaus aktiviert, erlaubt von { $by } am { $date }: „{ $reason }“
limit-name-active_plans_per_kam = aktive Pläne je KAM
limit-name-master_plans_per_company = Masterpläne je Unternehmen
plan-field-customer-title = Titel für den Kunden
plan-field-customer-title-hint = Freigabelinks, der Kundenauszug und seine Exporte zeigen diesen Titel statt des eigenen Plantitels.
