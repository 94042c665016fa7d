# Der Plan-Coach: Befunde und Hinweise zur Behebung, Namen der Regeln und
# Schweregrade für die Einstellungen, die Exzellenzstufen. Ids beginnen mit coach-.

## Bausteine der Befunde
coach-list-2 = { $a } und { $b }
coach-list-3 = { $a }, { $b } und { $c }
coach-list-4 = { $a }, { $b }, { $c } und { $d }
coach-decimal = { $tenth ->
    [0] { $whole }
   *[other] { $whole },{ $tenth }
}
coach-field-metric = die Kennzahl
coach-field-baseline = der Ausgangswert
coach-field-target = der Zielwert
coach-field-target-date = das Zieldatum
coach-field-owner = eine verantwortliche Person
coach-field-due-date = eine Fälligkeit
coach-field-done-criterion = ein prüfbares Erledigt-Kriterium

## Ziele
coach-goal-not-measurable = Das Ziel „{ $title }“ ist nicht messbar: Es { $count ->
    [one] fehlt
   *[other] fehlen
} { $missing }.
coach-goal-not-measurable-hint = Geben Sie jedem Ziel eine Kennzahl, einen Ausgangswert (auch 0 zählt), einen Zielwert und das Datum, bis zu dem es erreicht sein soll, etwa „Umsatz 1,8 → 2,4 Mio. € bis 31. Dezember 2027“. Ohne diese Angaben kann bei der Überprüfung niemand sagen, ob der Plan gewirkt hat.
coach-goal-without-evidence = Das Ziel „{ $title }“ stützt sich nicht auf die Analyse.
coach-goal-without-evidence-hint = Verknüpfen Sie das Ziel mit der Erkenntnis, dem SWOT-Eintrag, dem Risiko oder der Schlussfolgerung, aus der es folgt. Führt nichts in der Analyse zu diesem Ziel, hat entweder die Analyse eine Lücke oder das Ziel gehört nicht in diesen Plan.
coach-goal-last-year-plus = Das Ziel „{ $title }“ liest sich wie Vorjahr plus ein paar Prozent, ohne Analyse dahinter.
coach-goal-last-year-plus-hint = Das ist eine Prognose, kein Ziel. Ermitteln Sie, wie groß das Geschäft des Kunden und unser Anteil daran wirklich werden können, leiten Sie den Zielwert daraus ab und verknüpfen Sie das Ziel mit diesen Belegen.
coach-no-customer-goal = Kein Ziel sagt, was der Kunde von diesem Plan hat.
coach-no-customer-goal-hint = Setzen Sie mindestens ein Ziel zum Nutzen des Kunden (für den Kunden oder für beide), in seinen Worten: niedrigere Kosten, weniger Stillstand, schnellere Markteinführungen.
coach-too-many-goals = Der Plan hat { $count } Ziele; ein Plan dieser Art sollte höchstens { $max } haben.
coach-too-many-goals-hint = Behalten Sie { $max ->
    [one] das eine Ziel
   *[other] die { $max } Ziele
}, die den Account am stärksten voranbringen. Machen Sie aus den übrigen Erfolgsfaktoren oder nehmen Sie sie aus diesem Plan.
coach-goal-without-commitment = Für das Ziel „{ $title }“ hat noch niemand etwas zugesagt.
coach-goal-without-commitment-hint = Ergänzen Sie die Zusagen, die es erreichen, jede mit einer verantwortlichen Person, einer Fälligkeit und einem Ergebnis, das jeder prüfen kann. Ein Ziel ohne Zusagen ist ein Wunsch.

## Der Ziel-Baum
coach-tree-goal-without-factor = Das Ziel „{ $title }“ hat keinen Erfolgsfaktor.
coach-tree-goal-without-factor-hint = Nennen Sie die zwei oder drei Faktoren, von denen dieses Ziel am meisten abhängt.
coach-tree-factor-without-condition = Der Erfolgsfaktor „{ $title }“ hat keine Voraussetzung.
coach-tree-factor-without-condition-hint = Schreiben Sie auf, was erfüllt sein muss, damit dieser Faktor gesichert ist.
coach-tree-condition-without-obstacle = Die Voraussetzung „{ $title }“ hat kein Hindernis.
coach-tree-condition-without-obstacle-hint = Sagen Sie, was heute verhindert, dass diese Voraussetzung erfüllt ist. Verhindert nichts sie, braucht der Plan hier keine Arbeit: Entfernen Sie die Voraussetzung.
coach-obstacle-without-commitment = Für das Hindernis „{ $title }“ gibt es keine angenommene Zusage.
coach-obstacle-without-commitment-hint = Vereinbaren Sie mit der Person, die es leisten wird, eine Zusage, die das Hindernis beseitigt, und lassen Sie sie von ihr annehmen. Bis dahin bleibt das Hindernis im Weg.

## Zusagen
coach-commitment-incomplete = Bei der Zusage „{ $title }“ { $count ->
    [one] fehlt
   *[other] fehlen
} { $missing }.
coach-commitment-incomplete-hint = Jede Zusage braucht genau eine verantwortliche Person, eine Fälligkeit und ein Erledigt-Kriterium, das jeder prüfen kann, etwa „Rahmenvertrag 2028 vom Einkauf unterschrieben“.
coach-commitment-proposed = Die Zusage „{ $title }“ ist von der verantwortlichen Person noch nicht angenommen.
coach-commitment-proposed-hint = Bitten Sie die verantwortliche Person, sie anzunehmen. Bis dahin ist sie nicht Teil des Plans.
coach-commitment-declined = Die Zusage „{ $title }“ wurde von der verantwortlichen Person abgelehnt.
coach-commitment-declined-hint = Lesen Sie die Begründung und vereinbaren Sie die Zusage dann mit jemand anderem, ändern Sie sie oder entfernen Sie sie.
coach-commitment-date-proposed = Die verantwortliche Person der Zusage „{ $title }“ schlägt eine neue Fälligkeit vor: { $date }.
coach-commitment-date-proposed-hint = Nehmen Sie das neue Datum an oder vereinbaren Sie ein anderes, damit die Zusage wieder zählt.
coach-commitment-vague = Die Zusage „{ $title }“ ist vage: „{ $phrase }“ ist keine Maßnahme.
coach-commitment-vague-hint = Sagen Sie genau, was wer bis wann tut und an welchem Ergebnis man sieht, dass es erledigt ist: nicht „monatlich besuchen“, sondern „Umfang des Versuchs bis 15. März mit dem Werksleiter vereinbaren“.
coach-commitment-overdue = Die Zusage „{ $title }“ war am { $date } fällig und ist nicht erledigt.
coach-commitment-overdue-hint = Markieren Sie sie als erledigt, wenn sie es ist, oder vereinbaren Sie mit der verantwortlichen Person ein neues Datum, und prüfen Sie, was die Verzögerung für das Hindernis bedeutet, das sie beseitigen soll.
coach-actions-bunched-early = { $early } der { $count } Zusagen sind vor dem { $date } fällig, also im ersten Drittel des Planzeitraums.
coach-actions-bunched-late = Keine der { $count } Zusagen ist am oder nach dem { $date } fällig, der Mitte des Planzeitraums.
coach-actions-bunched-hint = Ein Plan umfasst seinen ganzen Zeitraum. Planen Sie auch die späteren Schritte schon jetzt, damit die zweite Hälfte mehr ist als Warten auf Ergebnisse.

## Analyse, Umfang und Rhythmus
coach-section-without-so-what = Der Abschnitt „{ $section }“ hat Inhalt, aber keine Schlussfolgerung.
coach-section-without-so-what-hint = Schreiben Sie auf, was daraus für unseren Plan folgt. Analyse ohne Konsequenz ist ein Datenfriedhof.
coach-over-length-plan = Der Plan ist etwa { $pages } Seiten lang und damit über dem Seitenbudget seiner Vorlage von { $budget }.
coach-over-length-plan-hint = Kürzen Sie auf das Wesentliche: Behalten Sie, was dem Team fehlen würde, und lassen Sie Hintergrunddaten aus dem Plan heraus.
coach-over-length-section-words = Der Abschnitt „{ $section }“ hat { $used } Wörter; sein Budget ist { $limit }.
coach-over-length-section-items = Der Abschnitt „{ $section }“ hat { $used } Einträge; sein Budget ist { $limit }.
coach-over-length-section-hint = Behalten Sie, was eine Entscheidung verändert, fassen Sie Einträge zusammen, die dasselbe sagen, und streichen Sie den Rest.
coach-review-overdue = Die Überprüfung des Plans war am { $date } fällig und hat nicht stattgefunden.
coach-review-overdue-hint = Halten Sie die Überprüfung mit dem Team ab oder legen Sie jetzt einen neuen Termin fest. Ein Plan, den niemand überprüft, ist nach zwei Quartalen tot.

## Menschen und Nutzen
coach-decision-maker-unmapped = Das Buying Center in „{ $section }“ zeigt keinen Entscheider und keinen Budgetverantwortlichen.
coach-decision-maker-unmapped-hint = Finden Sie heraus, wer entscheidet und wer das Budget freigibt, und legen Sie diese Personen mit ihrer Rolle als Ansprechpartner an, auch wenn wir sie noch nicht kennen.
coach-contact-without-owner = Niemand auf unserer Seite verantwortet die Beziehung zu { $name }.
coach-contact-without-owner-hint = Benennen Sie die Kollegin oder den Kollegen, die oder der { $name } betreut. Entscheider und Personen mit großem Einfluss brauchen jemanden, der sie kennt.
coach-contact-without-objective = Für { $name } gibt es kein Ziel.
coach-contact-without-objective-hint = Sagen Sie, was wir in diesem Jahr bei { $name } erreichen wollen: was die Person wissen, glauben oder anders tun soll.
coach-value-proposition-empty = Das Nutzenversprechen in „{ $section }“ ist leer.
coach-value-proposition-empty-hint = Schreiben Sie, warum dieser Kunde sich für uns entscheiden und bei uns bleiben sollte, mit Ergebnissen, die für ihn zählen, und binden Sie es an die Wertdisziplin unseres Unternehmens.
coach-value-proposition-no-discipline = Dem Nutzenversprechen in „{ $section }“ fehlt der Anker: Ihr Unternehmen hat seine Wertdisziplin nicht festgelegt.
coach-value-proposition-no-discipline-hint = Bitten Sie einen Administrator, die Wertdisziplin festzulegen (operative Exzellenz, Produktführerschaft oder Kundennähe), und prüfen Sie dann, ob das Nutzenversprechen aus ihr folgt.
coach-value-proposition-both-hint = Schreiben Sie, warum dieser Kunde sich für uns entscheiden sollte, und bitten Sie einen Administrator, die Wertdisziplin des Unternehmens festzulegen, damit das Nutzenversprechen aus ihr folgen kann.

## Regeln und Schweregrade (Einstellungen)
coach-rule-goal-not-measurable = Ziel ohne messbaren Zielwert
coach-rule-goal-without-evidence = Ziel nicht mit der Analyse verknüpft
coach-rule-goal-last-year-plus = Ziel „Vorjahr plus x %“ ohne Analyse
coach-rule-no-customer-goal = Kein Ziel zum Nutzen des Kunden
coach-rule-too-many-goals = Zu viele Ziele
coach-rule-goal-without-commitment = Ziel ohne Zusage
coach-rule-tree-incomplete = Ziel-Baum nicht zu Ende gedacht
coach-rule-obstacle-without-commitment = Hindernis ohne angenommene Zusage
coach-rule-commitment-incomplete = Zusage ohne Verantwortliche(n), Fälligkeit oder Erledigt-Kriterium
coach-rule-commitment-unaccepted = Zusage nicht angenommen
coach-rule-commitment-vague = Vage Formulierung einer Zusage
coach-rule-commitment-overdue = Überfällige Zusage
coach-rule-actions-bunched = Zusagen am Anfang des Zeitraums gehäuft
coach-rule-section-without-so-what = Abschnitt ohne Schlussfolgerung
coach-rule-over-length-budget = Umfang über dem Budget
coach-rule-review-overdue = Überprüfung überfällig
coach-rule-decision-maker-unmapped = Entscheider nicht erfasst
coach-rule-contact-without-owner = Wichtiger Ansprechpartner ohne Beziehungsverantwortliche(n)
coach-rule-contact-without-objective = Wichtiger Ansprechpartner ohne Ziel
coach-rule-value-proposition-unanchored = Nutzenversprechen nicht an die Wertdisziplin gebunden
coach-severity-blocker = Blocker
coach-severity-warning = Warnung
coach-severity-hint = Hinweis
coach-err-unknown-rule = ist keine Regel des Coachs
coach-err-severity = muss blocker, warning oder hint sein

## Die Exzellenzstufen
coach-level-1 = Vom KAM allein erstellt
coach-level-2 = Das Team hat mitgewirkt
coach-level-3 = Vom Team regelmäßig reflektiert
coach-level-4 = Teile dem Kunden gezeigt, um Erkenntnisse zu gewinnen
coach-level-5 = Gemeinsam mit dem Kunden entwickelt und umgesetzt
coach-ladder-missing-team = Inhalte oder eine angenommene Zusage von einem anderen Teammitglied als dem KAM.
coach-ladder-missing-team-review-window = Eine Team-Überprüfung innerhalb des Überprüfungsrhythmus ({ $months ->
    [one] im letzten Monat
   *[other] in den letzten { $months } Monaten
}).
coach-ladder-missing-team-reviews = Mindestens zwei Team-Überprüfungen seit dem { $since } ({ $count ->
    [0] bisher keine
    [one] bisher eine
   *[other] bisher { $count }
}).
coach-ladder-missing-customer-insight = Ein vom Kunden geöffneter geteilter Link oder eine gemeinsame Überprüfung mit dem Kunden innerhalb von 12 Monaten (seit dem { $since } keines von beiden).
coach-ladder-missing-customer-joint = Eine vom Kunden angenommene gemeinsame Zusage oder eine gemeinsame Überprüfung mit dem Kunden, die Entscheidungen festhält.
coach-ladder-missing-customer-overdue = Keine überfällige Zusage, die der Kunde angenommen hat (derzeit ist mindestens eine überfällig).

## Die Kommandozeile (`keyplan coach`)
coach-cli-summary = Punktzahl { $score } von 100 · Stufe { $level } von 5: { $title }
coach-cli-no-findings = Keine Befunde: Der Coach hat nichts anzumerken.
coach-cli-next = Für Stufe { $level } („{ $title }“) fehlt dem Plan noch:
coach-cli-top = Der Plan steht auf der obersten Stufe der Leiter.

## Der Coach auf der Planseite, in der Storyansicht und im Management-Briefing
coach-panel-title = Plan-Coach
coach-panel-sub = Was ein erfahrener Key-Account-Coach dem Team sagen würde, und wo der Plan steht.
coach-panel-score = Punktzahl
coach-panel-score-of = { $score } von 100
coach-panel-score-aria = Coach-Punktzahl { $score } von 100
coach-panel-level = Stufe { $level } von 5
coach-panel-chip = Stufe { $level } · Punktzahl { $score }
coach-panel-chip-title = Der Plan-Coach: Exzellenzstufe und Punktzahl
coach-panel-next = Für Stufe { $level } („{ $title }“) fehlt dem Plan noch:
coach-panel-top = Der Plan steht auf der obersten Stufe der Leiter.
coach-panel-trend = Punktzahl bei abgehaltenen Überprüfungen
coach-panel-trend-none = Noch keine Überprüfung wurde mit dem Coach abgehalten. Jede abgehaltene Überprüfung hält die Punktzahl fest.
coach-panel-trend-aria = Verlauf der Punktzahl über die abgehaltenen Überprüfungen
coach-panel-findings = { $count ->
    [one] 1 Befund
   *[other] { $count } Befunde
}
coach-panel-none = Keine Befunde: Der Coach hat nichts anzumerken.
coach-panel-blockers = Blocker
coach-panel-warnings = Warnungen
coach-panel-hints = Hinweise
coach-panel-fix = So beheben Sie es:
coach-panel-rule = Regel
coach-panel-mark = { $severity }: { $message }
coach-panel-open = Den Coach auf der Planseite öffnen
coach-panel-no-blockers = Keine Blocker: Nichts hindert den Plan daran, wie geschrieben zu funktionieren.
coach-panel-brief-title = Qualität des Plans
coach-panel-blocker-count = { $count ->
    [one] 1 Blocker
   *[other] { $count } Blocker
}
coach-panel-more = { $count ->
    [one] 1 weiterer Befund
   *[other] { $count } weitere Befunde
}
