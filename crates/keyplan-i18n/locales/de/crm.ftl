# CRM-Exporte importieren: was an einer ganzen Datei oder an einer Zeile oder
# Zelle nicht stimmt. Der Importbericht nennt die Zeile und die Spaltenüberschrift.

## Die ganze Datei
crm-error-empty-file = Die Datei ist leer.
crm-error-binary-file = Das ist keine Textdatei. Exportieren Sie die Datensätze aus Ihrem CRM als CSV.
crm-error-undecodable = Der Text der Datei ist nicht lesbar: Er ist weder UTF-8 noch UTF-16 noch Windows-1252.
crm-error-mapping-invalid = Die Zuordnungsdatei ist nicht lesbar: { $detail }
crm-error-mapping-unknown-fields = Die Zuordnung nennt Felder, die es für diese Art von Datensätzen nicht gibt: { $detail }
crm-error-mapping-date-format = Das Datumsformat der Zuordnung wird nicht unterstützt: { $detail }. Verwenden Sie TT.MM.JJJJ (DD.MM.YYYY), T.M.JJJJ (D.M.YYYY), MM/DD/YYYY, DD/MM/YYYY oder YYYY-MM-DD.
crm-error-mapping-required = Die allgemeine Vorlage braucht eine Zuordnungsdatei.
crm-error-kind-unknown = Die Überschriften verraten nicht, ob die Datei Accounts, Kontakte oder Verkaufschancen enthält. Wählen Sie die Art oder geben Sie eine Zuordnung an.

## Eine Zeile oder Zelle
crm-error-bad-number = Keine Zahl.
crm-error-bad-date = Kein Datum (oder ein Jahr außerhalb von 1900–2999).
crm-error-bad-probability = Keine Wahrscheinlichkeit zwischen 0 und 100 %.
crm-error-bad-status = Kein Status: Verwenden Sie open, won oder lost.
crm-error-bad-currency = Kein Währungscode wie EUR oder USD.
crm-error-bad-boolean = Weder ja noch nein.
crm-error-bad-trend = Kein Trend: Verwenden Sie growing, stable oder declining.
crm-error-too-many-fields = Die Zeile hat mehr Zellen als die Überschrift.
crm-error-missing-name = Die Zeile hat weder einen Namen noch eine CRM-ID.
crm-error-missing-account = Die Zeile nennt kein Unternehmen.
crm-warning-deal-deleted = Die Verkaufschance ist im CRM als gelöscht markiert; sie wird ohne Status importiert.
