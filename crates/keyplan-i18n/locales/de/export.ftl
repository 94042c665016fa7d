# Exporte: Markdown, PDF und XLSX eines Plans.

export-md-meta = **Account:** { $account } · **Status:** { $status } · **Zeitraum:** { $start } – { $end } · **Vorlage:** { $template } (Version { $version }) · **Umfang:** { $length }
export-md-progress = **Fortschritt:** { $overcome } von { $obstacles } Hindernissen überwunden ({ $percent } %) · { $met } von { $conditions } Voraussetzungen erfüllt · { $accepted } angenommene Zusagen, { $done } erledigt, { $awaiting } warten auf Annahme, { $overdue } überfällig
export-progress = { $overcome } von { $obstacles } Hindernissen überwunden ({ $percent } %) · { $met } von { $conditions } Voraussetzungen erfüllt · { $accepted } angenommene Zusagen, { $done } erledigt, { $overdue } überfällig
export-over-budget = über dem Umfang
export-md-strategy = **Strategie:** { $text }
export-md-based-on = Grundlage: { $label }
export-md-implemented-by = Umgesetzt durch: { $title }
export-due = fällig am { $date }
export-serves = dient: { $goal }
export-role-unknown = Rolle unbekannt
export-attitude-unknown = Haltung unbekannt
export-no-relationship-owner = keine Beziehungsverantwortung
export-our-contact = unser Kontakt: { $name }
export-contact-objective = Ziel: { $objective }
export-contact = Kontakt
export-our-contact-col = Unser Kontakt
export-objective-col = Was wir erreichen wollen
export-ws-totals = Aktuelles Geschäft { $current } · offenes Potenzial { $open }
export-value-discipline = Unsere Wertdisziplin
export-source = Quelle: { $source }
export-so-what = Was folgt daraus?
export-kpi-scorecard = Kennzahlen
export-gaps = Offene Lücken in der Argumentation
export-goal = Ziel
export-goal-heading = Ziel: { $title }
export-health = Zustand: { $health }
export-metric = Messgröße
export-baseline = Ausgangswert
export-target = Zielwert
export-by = Bis
export-commitment = Zusage
export-commitments = Zusagen
export-owner = Verantwortlich
export-due-col = Fällig
export-status = Status
export-serves-col = Dient
export-unit = Einheit
export-latest-actual = Letzter Istwert
export-latest = Letzter Wert
export-target-date = Zieldatum
export-progress-col = Fortschritt
export-kpi = Kennzahl
export-kind = Art
export-entry = Eintrag
export-overdue = überfällig
export-done-when = Erledigt, wenn: { $criterion }
export-how = Vorgehen: { $how }
export-progress-notes = Fortschritt:
export-measure-baseline = Ausgangswert { $value }
export-measure-target = Zielwert { $value }
export-measure-by = bis { $date }
export-owner-meta = Verantwortlich: { $name }
export-period-meta = Zeitraum: { $start } – { $end }
export-as-of = Stand { $date }
export-footer-customer = Auszug für den Kunden
export-footer-team = keyplan · Team-Ansicht
export-footer-audience = keyplan · { $audience }
export-csf-plural = Erfolgsfaktoren
export-conditions-plural = Voraussetzungen
export-obstacles-plural = Hindernisse
export-tree-legend = Zeichen: ✓ gelöst · ! braucht Aufmerksamkeit (darunter eine Zusage noch nicht angenommen oder überfällig) · ✗ gefährdet (eine Zusage verpasst oder abgelehnt). Der Balken vor einem Eintrag hat dieselbe Farbe.
export-timeline-caption = Zeitleiste der Zusagen und Überprüfungen
export-buying-centre-caption = Das Buying Center

export-gap-no-so-what = „{ $section }“ hat Erkenntnisse, aber keine Schlussfolgerung
export-gap-so-what-unused = Die Schlussfolgerung von „{ $section }“ führt zu keinem Ziel
export-gap-no-consequence = Erkenntnis ohne Folgen ({ $section }): { $text }
export-gap-no-evidence = Ziel ohne Grundlage: { $goal }
export-gap-no-commitment = Ziel ohne Zusage: { $goal }

export-audience-team = Team
export-audience-management = Management-Briefing
export-audience-customer = Auszug für den Kunden

export-benefit-customer = Für den Kunden
export-benefit-us = Für uns
export-benefit-both = Für beide

export-judgement-on_track = Im Plan
export-judgement-behind = Im Rückstand
export-judgement-ahead = Voraus
export-judgement-unknown = Keine Daten

export-vd-operational_excellence = Operative Exzellenz
export-vd-product_leadership = Produktführerschaft
export-vd-customer_intimacy = Kundennähe
export-vd-operational_excellence-meaning = Wir gewinnen durch Zuverlässigkeit, Einfachheit und Gesamtkosten: Der Plan soll den Einkauf bei uns für den Kunden einfacher und günstiger machen.
export-vd-product_leadership-meaning = Wir gewinnen mit dem besten und neuesten Angebot: Der Plan soll unsere Innovationen zuerst in die wichtigsten Projekte des Kunden bringen.
export-vd-customer_intimacy-meaning = Wir gewinnen, weil wir den Kunden besser kennen als alle anderen: Der Plan soll Lösungen auf seine Abläufe zuschneiden und die Beziehungen vertiefen.


export-link-contact = Kontakt: { $name }{ $role }
export-link-cell = Whitespace: { $offering } × { $unit }: { $status }
export-link-so-what = Schlussfolgerung ({ $section }): { $text }
