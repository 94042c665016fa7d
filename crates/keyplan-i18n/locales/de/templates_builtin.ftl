# Die mitgelieferten Planvorlagen: Name, Beschreibung und je Abschnitt Titel und
# Hinweis. Ein Unternehmen sieht diese Texte nur, solange seine Kopie der Vorlage
# noch wörtlich dem englischen Originaltext entspricht; bearbeitete Texte bleiben,
# wie das Unternehmen sie geschrieben hat.
#
# Die Hinweise sind Coaching-Texte: direkt, konkret, mit dem Satz über den
# häufigen Fehler am Ende. Begriffe nach dem Glossar in common.ftl.

## Einseitiger Engpassplan
tpl-one_page_constraint-name = Einseitiger Engpassplan
tpl-one_page_constraint-description = Ein operativer Plan auf einer Seite, der von einem Account-Umsatzziel rückwärts zu den wenigen Zusagen führt, die beseitigen, was diesem Ziel im Weg steht. Nutzen Sie ihn, wenn das Team einen Arbeitsplan braucht, den es an einem einzigen Tag erstellen und jede Woche verfolgen kann.
tpl-one_page_constraint-constraint-tree-title = Vom Ziel zu den Zusagen
tpl-one_page_constraint-constraint-tree-guidance = Schreiben Sie ein Account-Umsatzziel auf, dann die zwei oder drei Erfolgsfaktoren, von denen es abhängt, die Voraussetzungen, die jeder Erfolgsfaktor braucht, und die Hindernisse, an denen diese Voraussetzungen heute scheitern. Schließen Sie jedes Hindernis mit den Zusagen, die es beseitigen, jede mit genau einem Verantwortlichen. Ein guter Baum passt auf die Seite, und jeder Ast endet in einer Zusage; ein Baum, der alles festhält, was wir über den Kunden wissen, ist wieder zum Datenfriedhof geworden.
tpl-one_page_constraint-commitments-title = Zusagen und Verantwortliche
tpl-one_page_constraint-commitments-guidance = Führen Sie die Zusagen aus dem Baum in der Reihenfolge auf, in der sie geschehen müssen, jede mit Verantwortlichem, Fälligkeit und einem Ergebnis, das jeder überprüfen kann. „Nah am Einkäufer bleiben“ ist keine Zusage; „den Rahmenvertrag für das nächste Jahr bis Ende Juni mit dem Einkauf vereinbaren“ schon. Wird die Liste länger als ein Dutzend Punkte, gehen Sie zurück zum Baum und fragen Sie, welche Hindernisse dem Ziel wirklich im Weg stehen.

## Strategischer Account-Plan
tpl-strategic-name = Strategischer Account-Plan
tpl-strategic-description = Ein Plan von drei bis vier Seiten, der die Geschichte des Accounts erzählt: von der Analyse über die Ziele bis zu den Maßnahmen. Nutzen Sie ihn für die wenigen Accounts mit dem größten Wachstumspotenzial, als Grundlage für den jährlichen Team-Workshop, für Überprüfungen durch das Management und für Budgetgespräche.
tpl-strategic-customer-profile-title = Kundenprofil und Kennzahlen
tpl-strategic-customer-profile-guidance = Halten Sie die Handvoll Fakten fest, die unser Geschäft mit diesem Kunden prägen: Größe und Entwicklung seines Geschäfts, seine Ausgaben in unseren Kategorien, unser Umsatz und unser Lieferanteil. Geben Sie bei jedem Punkt Quelle und Datum an, und schließen Sie damit, was diese Zahlen für uns bedeuten. Widerstehen Sie der Versuchung, den Geschäftsbericht hineinzukopieren; behalten Sie nur, was eine Entscheidung verändert.
tpl-strategic-customer-objectives-title = Die wichtigsten Ziele und Projekte des Kunden
tpl-strategic-customer-objectives-guidance = Nennen Sie die Ziele und Projekte, die das Management des Kunden in diesem und im nächsten Jahr wirklich vorantreibt, in den Worten des Kunden statt in unseren. Gute Einträge sagen, warum das Projekt für ihn zählt und wo wir einen Beitrag leisten könnten. Ein häufiger Fehler ist, unsere eigenen Verkaufschancen aufzulisten und sie als Prioritäten des Kunden auszugeben.
tpl-strategic-buying-centre-title = Buying Center und Beziehungen
tpl-strategic-buying-centre-guidance = Beschreiben Sie, wer beim Einkauf unserer Leistungen entscheidet, wer sie nutzt, wer sie spezifiziert und wer Einfluss nimmt, und wie jeder von ihnen uns sieht. Halten Sie fest, wer in unserem Team welche Beziehung verantwortet und wo eine Beziehung fehlt. Bleiben Sie nicht beim Ansprechpartner im Einkauf stehen: Meist geht es gerade um die Lücken weiter oben und in den Fachabteilungen.
tpl-strategic-market-competitors-title = Markt- und Wettbewerbsumfeld
tpl-strategic-market-competitors-guidance = Halten Sie die Markttrends fest, die den Kunden betreffen, und die Wettbewerber, die im Account aktiv sind, mit ihrem Anteil und ihrem wahrscheinlich nächsten Schritt. Jeder Eintrag sollte sagen, was er für unsere Position bedeutet. Lassen Sie allgemeine Marktkommentare weg, die für jeden Account gleich lauten würden.
tpl-strategic-own-position-title = Unsere Position im Account
tpl-strategic-own-position-guidance = Sagen Sie ehrlich, wo wir stehen: was wir heute liefern, wie zufrieden der Kunde ist, wo wir bevorzugt und wo wir nur geduldet werden. Stützen Sie sich auf Belege wie Reklamationen, Auditergebnisse und verlorene Ausschreibungen statt auf Eindrücke. Schreiben Sie keinen Verkaufsprospekt; das Team braucht die Schwachstellen genauso wie die Stärken.
tpl-strategic-whitespace-title = Wo wir wachsen könnten
tpl-strategic-whitespace-guidance = Stellen Sie unsere Leistungen den Geschäftsbereichen des Kunden gegenüber, und markieren Sie, was verkauft, in Arbeit, eine Chance oder nicht relevant ist. Fassen Sie die zwei oder drei größten Lücken zusammen, die sich zu verfolgen lohnen, und was sie ungefähr wert sind. Eine leere Zelle der Matrix ist erst dann eine Chance, wenn jemand beim Kunden einen Bedarf hat, den sie decken würde.
tpl-strategic-swot-title = SWOT-Analyse
tpl-strategic-swot-guidance = Führen Sie die Analyse zusammen: unsere Stärken und Schwächen bei diesem Kunden und die Chancen und Risiken in seinem Umfeld. Jeder Eintrag sollte sich auf etwas in den Abschnitten oben zurückführen lassen. Eine SWOT voller allgemeiner Unternehmensstärken, die zu jedem Account passen würden, sagt dem Team nichts Neues.
tpl-strategic-opportunities-risks-title = Chancen und Risiken
tpl-strategic-opportunities-risks-guidance = Machen Sie aus der SWOT die konkreten Chancen, die wir verfolgen wollen, und die Risiken, gegen die wir uns absichern müssen, jeweils mit ungefährer Größe und Wahrscheinlichkeit. Verknüpfen Sie jeden Punkt mit dem SWOT-Eintrag, aus dem er stammt. Halten Sie die Liste so kurz, dass die Ziele weiter unten tatsächlich eine Antwort darauf geben können.
tpl-strategic-vision-title = Vision für die Kundenbeziehung
tpl-strategic-vision-guidance = Sagen Sie in zwei oder drei Sätzen, wo die Beziehung zu diesem Kunden in drei bis fünf Jahren stehen soll und welche Rolle wir für ihn spielen wollen. Die Vision sollte ehrgeizig sein, aber glaubwürdig, falls der Kunde sie liest. Vermeiden Sie Slogans, die sich in jeden anderen Plan kopieren ließen.
tpl-strategic-top-goals-title = Top-3-Ziele und Strategien
tpl-strategic-top-goals-guidance = Setzen Sie höchstens drei Ziele für den Planungszeitraum, jedes mit Messgröße, Ausgangswert, Zielwert und Datum, dazu eine Zeile, wie wir es erreichen. Jedes Ziel sollte aus einer Chance oder einem Risiko oben folgen und am besten sagen, was der Kunde gewinnt und was wir gewinnen. Vorjahr plus zehn Prozent ist eine Prognose, kein Ziel.
tpl-strategic-value-proposition-title = Einzigartiges Nutzenversprechen
tpl-strategic-value-proposition-guidance = Erklären Sie, warum dieser Kunde sich für uns entscheiden und dabei bleiben sollte, und zwar mit Ergebnissen, die für seine Ziele zählen: Kosten, Zeit, Risiko oder Wachstum. Nennen Sie zu jeder Aussage den Beleg. Schreiben Sie so, dass Sie es dem Kunden zeigen könnten; eine Liste unserer Produktmerkmale ist kein Nutzenversprechen.
tpl-strategic-action-plan-title = Maßnahmenplan
tpl-strategic-action-plan-guidance = Führen Sie die Maßnahmen auf, mit denen die Ziele erreicht werden, jede mit Verantwortlichem, Fälligkeit und messbarem Ergebnis, und verknüpfen Sie jede mit dem Ziel, dem sie dient. Stimmen Sie sie mit den Verantwortlichen ab, bevor der Plan freigegeben wird. Vage Absichten wie mehr Besuche oder engerer Kontakt gehören nicht hierher.
tpl-strategic-financial-planning-title = Finanzplanung
tpl-strategic-financial-planning-guidance = Tragen Sie die Zahlen als Scorecard ein: Umsatz, Marge, Lieferanteil und alle weiteren Zahlen, an denen das Management den Account misst, jede mit Ausgangswert, Zielwert und den Istwerten, sobald sie vorliegen. Diese Zahlen fließen in die Budget- und Zielplanung ein und müssen deshalb zu den Zielen oben passen. Nehmen Sie keine Zahlen auf, die im Lauf des Jahres niemand aktualisieren wird.
tpl-strategic-history-title = Änderungshistorie
tpl-strategic-history-guidance = Notieren Sie kurz, was sich bei jeder Überprüfung am Plan geändert hat und warum: erreichte oder aufgegebene Ziele, neue Kontakte, verlorenes Geschäft. So sieht ein neues Teammitglied oder eine Führungskraft, wie sich der Account entwickelt hat, ohne alte Versionen zu lesen. Halten Sie Entscheidungen und ihre Gründe fest, kein Tagebuch der Besprechungen.

## Plan in neun Abschnitten
tpl-nine_section-name = Plan in neun Abschnitten
tpl-nine_section-description = Ein ausführlicherer Plan in neun Teilen, vom Account-Überblick über Wertschöpfungskette und Buying Center bis zu Zielen, Zusagen und einer KPI-Scorecard. Nutzen Sie ihn dort, wo Pläne in festen Abständen aktualisiert werden und die Leitung des Geschäftsbereichs ihre Qualität beurteilt.
tpl-nine_section-overview-title = Account-Überblick
tpl-nine_section-overview-guidance = Fassen Sie zusammen, wer der Kunde ist, welche Strategie und Ziele er verfolgt und wie unser Geschäft mit ihm heute aussieht. Wer aus einer anderen Abteilung kommt, sollte in einer Minute verstehen, warum dieser Account wichtig ist. Detaillierte Zahlen gehören in die Scorecard; wiederholen Sie sie hier nicht.
tpl-nine_section-requirements-title = Anforderungen und Wertschöpfungskette
tpl-nine_section-requirements-guidance = Gehen Sie die Wertschöpfungskette des Kunden durch, und halten Sie fest, wo unsere Produkte und Dienstleistungen in sie eingehen und was der Kunde an jedem dieser Schritte braucht. Gute Einträge nennen eine echte Anforderung und die Kosten oder das Risiko, die sie für den Kunden mit sich bringt. Beschreiben Sie seinen Prozess nicht allgemein, ohne zu sagen, wo wir einen Unterschied machen.
tpl-nine_section-organisation-title = Organisation und Buying Center
tpl-nine_section-organisation-guidance = Beschreiben Sie die Organisation des Kunden, soweit sie unser Geschäft berührt, und für jede Kaufentscheidung, wer entscheidet, spezifiziert, nutzt und Einfluss nimmt. Vermerken Sie, wie jede Person zu uns steht und wer in unserem Team sie betreut. Eine Übersicht, die nur die Menschen zeigt, die wir schon gut kennen, verdeckt das eigentliche Risiko.
tpl-nine_section-mapping-title = Zuordnung unserer Leistungen
tpl-nine_section-mapping-guidance = Stellen Sie unsere Leistungen den Standorten oder Geschäftsbereichen des Kunden gegenüber, und zeigen Sie, wo wir verkaufen, wo etwas in Arbeit ist und wo es Raum zum Wachsen gibt. Schließen Sie mit den Zellen, auf die sich das Team in diesem Zeitraum konzentriert. Markieren Sie eine Zelle nicht als Chance, nur weil sie leer ist.
tpl-nine_section-sales-objectives-title = Account-spezifische Umsatzziele
tpl-nine_section-sales-objectives-guidance = Legen Sie die Umsatzziele für diesen Account im Zeitraum fest, jedes messbar mit Ausgangswert, Zielwert und Datum. Sie sollten aus den Anforderungen und der Zuordnung oben folgen und in das Vertriebsbudget einfließen. Die übliche Falle sind Ziele, die aus der unternehmensweiten Vorgabe übernommen werden, ohne auf den Account zu schauen.
tpl-nine_section-strategy-actions-title = Strategie und Maßnahmenplanung
tpl-nine_section-strategy-actions-guidance = Sagen Sie, wie jedes Ziel erreicht werden soll, und führen Sie die Maßnahmen mit Verantwortlichem, Fälligkeit und erwartetem Ergebnis auf. Verknüpfen Sie die Maßnahmen mit den Mitgliedern des Buying Centers, die sie bewegen sollen. Eine Maßnahme ohne Verantwortlichen oder Datum ist ein Wunsch und gehört nicht auf die Liste.
tpl-nine_section-added-value-title = Mehrwertangebot
tpl-nine_section-added-value-guidance = Beschreiben Sie die Dienstleistungen, Lösungen oder das Know-how, die wir über das Produkt hinaus bieten, und wo jedes davon bei diesem Kunden steht. Sagen Sie in den Worten des Kunden, was er gewinnt und wie wir es belegen werden. Versprechen Sie keine Extras, deren Lieferung niemand in unserem Unternehmen zugesagt hat.
tpl-nine_section-commitments-title = Zusagen für den Account
tpl-nine_section-commitments-guidance = Halten Sie die Zusagen fest, die andere Abteilungen für diesen Account geben, jede verknüpft mit dem Hindernis oder Ziel, dem sie dient, und mit einem Verantwortlichen, der sie angenommen hat. Nur angenommene Zusagen zählen als Teil des Plans. Tragen Sie die Aufgabe eines Kollegen erst ein, wenn er ihr zugestimmt hat.
tpl-nine_section-kpi-scorecard-title = KPI-Scorecard
tpl-nine_section-kpi-scorecard-guidance = Wählen Sie die wenigen Kennzahlen, die zeigen, ob der Plan wirkt, etwa Umsatz, Lieferanteil oder Liefertreue, und geben Sie jeder einen Ausgangswert, einen Zielwert und regelmäßige Istwerte. An der Scorecard wird der Plan überprüft, halten Sie sie also aktuell. Wer mehr Kennzahlen verfolgt, als jemand bespricht, verwässert die, auf die es ankommt.

## Master-Maßnahmenplan
tpl-master_action-name = Master-Maßnahmenplan
tpl-master_action-description = Ein Angriffsplan für zwölf Monate, mit Zielen für den Account und für jeden Kontakt und mit klarer Verantwortung für jede Maßnahme. Nutzen Sie ihn nur für die Accounts mit dem größten Wachstumspotenzial, nicht einfach für die größten.
tpl-master_action-account-objectives-title = 12-Monats-Ziele für den Account
tpl-master_action-account-objectives-guidance = Setzen Sie wenige Ziele für den Account für die nächsten zwölf Monate, jedes messbar mit Zielwert und Datum. Richten Sie sie auf Wachstum aus, das wir realistisch gewinnen können, nicht auf Geschäft, das wir schon haben. Wählen Sie Ziele, die das ganze Unterstützungsteam versteht und auf die es hinarbeiten kann.
tpl-master_action-contact-objectives-title = Ziele je Kontakt
tpl-master_action-contact-objectives-guidance = Sagen Sie für jeden wichtigen Kontakt beim Kunden, wer auf unserer Seite ihn betreut und was wir in diesem Jahr mit dieser Person erreichen wollen. Gute Ziele beschreiben eine Veränderung in dem, was der Kontakt weiß, glaubt oder tut. Vermeiden Sie Einträge wie „in Kontakt bleiben“, die niemand überprüfen kann.
tpl-master_action-who-how-when-title = Wer, wie, wann, warum und wozu
tpl-master_action-who-how-when-guidance = Führen Sie die Maßnahmen hinter jedem Ziel auf: wer was mit wem tut, wie und bis wann, warum es nötig ist und welches Ergebnis es bringen soll. Jede Maßnahme braucht genau einen Verantwortlichen und ein Ergebnis, das jemand überprüfen kann. Routinemäßige Monatsbesuche oder das Versprechen, jeden Wettbewerber im Preis zu unterbieten, sind keine Maßnahmen.
tpl-master_action-value-discipline-title = Wertdisziplin
tpl-master_action-value-discipline-guidance = Nennen Sie die Wertdisziplin, mit der unser Unternehmen im Wettbewerb antritt, also operative Exzellenz, Produktführerschaft oder Kundennähe, und zeigen Sie, wie sie prägt, was wir diesem Account anbieten. Das Nutzenversprechen sollte eines sein, das der Kunde wiedererkennt und für das er bezahlen würde. Wer alle drei Disziplinen zugleich für sich beansprucht, hat meist keine davon wirklich.
tpl-master_action-support-team-title = Zusagen des Unterstützungsteams
tpl-master_action-support-team-guidance = Halten Sie fest, was Kollegen außerhalb des Vertriebs, etwa aus Service, Logistik, Technik oder Geschäftsleitung, für diesen Account zusagen, jeweils verknüpft mit dem Hindernis, das es beseitigt. Eine Zusage zählt erst, wenn ihr Verantwortlicher sie angenommen hat. Prüfen Sie, ob jeder Verantwortliche die Zeit und die Mittel dafür hat, bevor Sie sich auf die Zusage verlassen.
tpl-master_action-risks-title = Risiken für den Plan
tpl-master_action-risks-guidance = Notieren Sie die wenigen Dinge, die den Plan scheitern lassen könnten, etwa den Weggang eines wichtigen Kontakts, einen Schritt eines Wettbewerbers oder eine Kapazitätsgrenze auf unserer Seite, jeweils mit ihrer Wahrscheinlichkeit und dem, was wir dagegen tun. Beschränken Sie sich auf Risiken, bei denen das Team handeln kann. Eine lange Liste allgemeiner Geschäftsrisiken macht den Plan länger, aber nicht fokussierter.
