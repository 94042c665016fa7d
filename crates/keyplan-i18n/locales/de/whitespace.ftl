# Die Whitespace-Matrix (unsere Leistungen × die Geschäftsbereiche des Kunden)
# und die Whitespace-Seite eines Accounts.

## Die Matrix
ws-current = Bestehendes Geschäft
ws-cells-sold = { $count ->
    [one] { $count } Zelle verkauft
   *[other] { $count } Zellen verkauft
}
ws-open = Offenes Potenzial
ws-open-cells = { $count } in Arbeit oder Chance
ws-not-assessed-title = Noch nicht bewertet
ws-cells-empty = { $count ->
    [one] von { $count } Zelle leer
   *[other] von { $count } Zellen leer
}
ws-bar-label = Bestehendes Geschäft { $current } %, offenes Potenzial { $open } % des Werts in der Matrix
ws-bar-text = { $current } % des Werts in der Matrix sind verkauft, { $open } % noch offen
ws-legend = Legende
ws-legend-sold = verkauft
ws-legend-in_progress = in Arbeit
ws-legend-opportunity = Chance
ws-legend-not_relevant = nicht relevant
ws-legend-empty = nicht bewertet
ws-offering = Leistung
ws-unit-arrow = Geschäftsbereich →
ws-total = Summe
ws-retired = Ausgemustert
ws-cell-edit-label = { $cell }: bearbeiten
ws-cell-retired-title = { $cell } (ausgemusterte Leistung)
ws-assess = Bewerten
ws-plus-open = +{ $money } offen
ws-cell-label = { $offering } × { $unit }: { $status }
ws-cell-empty = leer
ws-status-sold = verkauft
ws-status-in_progress = in Arbeit
ws-status-opportunity = Chance
ws-status-not_relevant = nicht relevant

## Die Whitespace-Seite eines Accounts
ws-page-title = Whitespace · { $account }
ws-breadcrumb = Navigationspfad
ws-title = Whitespace
ws-intro = Unsere Leistungen gegenüber den Geschäftsbereichen von { $account }: wo wir verkaufen, wo wir gerade verkaufen und wo wir verkaufen könnten.
ws-manage-offerings = Leistungen verwalten
ws-back = Zurück zum Account
ws-not-saved = Die Zelle wurde nicht gespeichert: { $problem }
ws-matrix-title = Leistungen × Geschäftsbereiche
ws-no-offerings = Noch keine Leistungen
ws-no-offerings-text = Die Zeilen der Matrix sind die Leistungen Ihres Unternehmens, in einer Liste für alle Accounts gepflegt.
ws-add-offerings = Leistungen hinzufügen
ws-ask-manager = Bitten Sie einen Manager oder Administrator, sie hinzuzufügen.
ws-no-units = Noch keine Geschäftsbereiche
ws-no-units-text = Die Spalten sind die Geschäftsbereiche von { $account }: Sparten, Werke oder Produktlinien, die getrennt einkaufen.
ws-add-first-unit = Legen Sie rechts den ersten an.
ws-list = Alle { $count } gefüllten Zellen als Liste
ws-cell = Zelle
ws-close = Schließen
ws-status = Status
ws-status-empty-option = — nicht bewertet (leer)
ws-status-hint = „verkauft“ zählt als bestehendes Geschäft, „in Arbeit“ und „Chance“ als offenes Potenzial.
ws-value = Wert pro Jahr ({ $currency })
ws-value-placeholder = z. B. 250000
ws-note = Notiz
ws-note-placeholder = Wer kauft, was läuft gerade, was bräuchte es?
ws-save-cell = Zelle speichern
ws-cancel = Abbrechen
ws-clear-hint = Um die Zelle zu leeren, wählen Sie „nicht bewertet“.
ws-last-changed = Zuletzt geändert am { $date }
ws-last-changed-by = Zuletzt geändert am { $date } von { $name }
ws-select-cell = Wählen Sie eine Zelle
ws-select-cell-text = Halten Sie fest, ob wir dort verkaufen, gerade verkaufen oder verkaufen könnten, und was es pro Jahr wert ist.
ws-units = Geschäftsbereiche
ws-unit-cells = { $count ->
    [one] { $count } Zelle
   *[other] { $count } Zellen
}
ws-move-left = Nach links
ws-move-right = Nach rechts
ws-move-left-label = { $name } nach links verschieben
ws-move-right-label = { $name } nach rechts verschieben
ws-rename = Umbenennen
ws-rename-label = { $name } umbenennen
ws-unit-name = Name
ws-delete = Löschen
ws-delete-label = { $name } löschen
ws-delete-unit = { $name } löschen? Ziele, die mit diesen Zellen verknüpft sind, verlieren die Verknüpfung.
ws-delete-unit-cells = { $name } mit { $count ->
    [one] { $count } Zelle
   *[other] { $count } Zellen
} löschen? Ziele, die mit diesen Zellen verknüpft sind, verlieren die Verknüpfung.
ws-add-unit = Geschäftsbereich hinzufügen
ws-add-unit-placeholder = z. B. Antriebsstrang, Werk Leipzig
ws-err-which-cell = Im Formular fehlt, für welche Zelle es ist; laden Sie die Seite neu und versuchen Sie es noch einmal.
ws-saved-cell = Gespeichert: { $cell }.
ws-cell-saved = Zelle gespeichert.
ws-cell-cleared = Zelle geleert.
ws-unit-added = Geschäftsbereich „{ $name }“ hinzugefügt.
ws-unit-saved = Geschäftsbereich „{ $name }“ gespeichert.
ws-unit-moved = „{ $name }“ verschoben.
ws-unit-deleted = Geschäftsbereich „{ $name }“ mit seinen Zellen gelöscht.

## Probleme in einem Formular
ws-err-name-used = ist schon vergeben; wählen Sie einen anderen Namen
ws-err-unit-exists = ist schon ein Geschäftsbereich dieses Accounts
ws-err-retired = ist ausgemustert; stellen Sie die Leistung wieder her, um Zellen hinzuzufügen
ws-err-no-offering = diese Leistung gibt es nicht
ws-err-no-unit = diesen Geschäftsbereich gibt es nicht
ws-err-other-account = muss ein Geschäftsbereich dieses Accounts sein
