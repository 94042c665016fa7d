# Der Auszug für den Kunden und die Seite hinter einem geteilten Link.

share-header = Account-Plan · für Sie freigegeben
share-read-only-until = nur zum Lesen freigegeben bis { $date }
share-foot = Dies ist ein Auszug aus unserem Plan für die Zusammenarbeit, den Ihr Account-Team mit Ihnen teilt.
share-gone-header = Account-Plan
share-gone-title = Dieser Link ist nicht mehr gültig
share-gone-text = Der Planauszug hinter diesem Link wird nicht mehr geteilt. Bitten Sie Ihren Ansprechpartner um einen neuen Link.
share-unknown-title = Link nicht gefunden
share-unknown-text = Prüfen Sie, ob Sie den ganzen Link kopiert haben, oder bitten Sie Ihren Ansprechpartner um einen neuen.
excerpt-empty = In diesem Plan ist noch nichts zur Weitergabe an den Kunden freigegeben.
excerpt-goal = Ziel
excerpt-done = Erledigt
excerpt-with = mit { $name }
excerpt-due = fällig am { $date }
excerpt-done-when = erledigt, wenn: { $criterion }
excerpt-how = Vorgehen: { $how }
excerpt-so-what = Was folgt daraus?
excerpt-kpis = Wie wir den Fortschritt messen
excerpt-col-indicator = Kennzahl
excerpt-col-target = Zielwert
excerpt-col-latest = Aktuell
excerpt-measure-from = ab { $value }
excerpt-measure-by = bis { $date }
