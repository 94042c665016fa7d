//! History lines and notifications written before keyplan stored them by code
//! (migration 0007), converted by the store, read in English exactly as they
//! were written and in German as keyplan has always shown them.

use keyplan_domain::Lang;
use keyplan_store::legacy_text;

use crate::Tr;

/// A history line as stored before migration 0007, converted, in `t`'s language.
fn activity(s: &str, t: Tr) -> String {
    t.msg(&legacy_text::activity(s))
}

/// A notification as stored before migration 0007, converted, in `t`'s language.
fn notification(kind: &str, s: &str, t: Tr) -> String {
    t.msg(&legacy_text::notification(kind, s))
}

fn de(s: &str) -> String {
    activity(s, Tr::new(Lang::De))
}

/// Every form keyplan wrote reads in English as it was written, except that a
/// date once written `2027-03-31` now reads `31 Mar 2027`, as every date on the pages.
#[test]
fn english_comes_out_as_written() {
    let shown =
        |line: &str| line.replace("2027-03-31", "31 Mar 2027").replace("2027-04-30", "30 Apr 2027").replace("2027-01-15", "15 Jan 2027");
    let en = Tr::new(Lang::En);
    for line in [
        "created the plan",
        "edited the plan's title, status or period",
        "added obstacle “No budget”",
        "edited account sales goal “Grow”",
        "deleted swot entry “Fast service”",
        "added own position “Strong brand”",
        "declined commitment “Run trial”: no time",
        "accepted commitment “Run trial”",
        "proposed a new date for commitment “Run trial” (2027-03-31)",
        "held the team review of 24 Oct 2026; the plan was frozen as a snapshot",
        "moved the management review of 3 Nov 2026 to 10 Nov 2026",
        "signed off the management review of 3 Nov 2026: approved the plan",
        "signed off the management review of 3 Nov 2026: requested changes: more on risks",
        "added Omar Haddad to the customer joint review of 1 Feb 2027",
        "removed Omar Haddad from the team review of 1 Feb 2027",
        "imported the plan from a file (2 goals)",
        "created the share link “QBR”",
        "revoked the share link “QBR”",
        "edited the section swot",
        "commented on “Run trial”",
    ] {
        let m = legacy_text::activity(line);
        assert_eq!(activity(line, en), shown(line), "{m:?}");
        assert_ne!(m.code, keyplan_domain::message::VERBATIM, "{line}: a known form");
    }
    assert_eq!(activity("did something new", en), "did something new");
    for (kind, text) in [
        ("commitment_proposed", "Lena Hoffmann proposed a commitment to you: Run the trial"),
        ("commitment_answered", "Omar Haddad proposed a new date for commitment “Run the trial” (2027-04-30)"),
        ("comment", "Lena Hoffmann commented on the plan in Brightwater 2027: Looks good"),
        ("commitment_due", "Due today: Run the trial (Brightwater 2027)"),
        ("commitment_due", "Due in 3 days, on 2027-03-31: Run the trial (Brightwater 2027)"),
        ("review_overdue", "Plan review of Brightwater 2027 was due on 2027-01-15"),
        ("review_scheduled", "Lena Hoffmann scheduled the team review of 15 Jan 2027 in Brightwater 2027; you take part."),
        ("review_signoff", "Martin Keller requested changes to Brightwater 2027 in the management review of 3 Nov 2026: more on risks"),
        ("review_signoff", "Martin Keller requested changes to Brightwater 2027 in the management review of 3 Nov 2026."),
    ] {
        assert_eq!(notification(kind, text, en), shown(text));
        assert_ne!(legacy_text::notification(kind, text).code, keyplan_domain::message::VERBATIM, "{text}: a known form");
    }
}

#[test]
fn history_lines_read_in_german() {
    assert_eq!(de("created the plan"), Tr::new(Lang::De).s("stored-plan-created"));
    assert_eq!(de("added obstacle “No budget”"), "hat hinzugefügt: Hindernis „No budget“");
    assert_eq!(de("edited account sales goal “Grow”"), format!("hat bearbeitet: {} „Grow“", Tr::new(Lang::De).s("node-kind-goal")));
    assert_eq!(
        de("deleted strengths “Fast service”"),
        format!("hat gelöscht: {} „Fast service“", Tr::new(Lang::De).s("item-category-strength"))
    );
    assert_eq!(de("declined commitment “Run trial”: no time"), "hat die Zusage „Run trial“ abgelehnt: no time");
    assert_eq!(de("accepted commitment “Run trial”"), "hat die Zusage „Run trial“ angenommen");
    assert_eq!(
        de("proposed a new date for commitment “Run trial” (2027-03-31)"),
        "hat für die Zusage „Run trial“ einen neuen Termin vorgeschlagen (31. März 2027)"
    );
    assert_eq!(
        de("held the team review of 24 Oct 2026; the plan was frozen as a snapshot"),
        "hat die Team-Überprüfung vom 24. Oktober 2026 abgehalten; der Plan wurde als Stand eingefroren"
    );
    assert_eq!(
        de("moved the management review of 3 Nov 2026 to 10 Nov 2026"),
        "hat die Management-Überprüfung vom 3. November 2026 auf den 10. November 2026 verschoben"
    );
    assert_eq!(
        de("signed off the management review of 3 Nov 2026: approved the plan"),
        "hat die Management-Überprüfung vom 3. November 2026 abgezeichnet: Plan freigegeben"
    );
    assert_eq!(de("imported the plan from a file (2 goals)"), "hat den Plan aus einer Datei importiert (2 Ziele)");
    assert_eq!(de("created the share link “QBR”"), "hat den Freigabelink „QBR“ erstellt");
    // Unknown forms and English stay as written.
    assert_eq!(de("did something new"), "did something new");
    assert_eq!(activity("added obstacle “x”", Tr::new(Lang::En)), "added obstacle “x”");
}

#[test]
fn notifications_read_in_german() {
    let t = Tr::new(Lang::De);
    assert_eq!(
        notification("commitment_proposed", "Lena Hoffmann proposed a commitment to you: Run the trial", t),
        "Lena Hoffmann hat Ihnen eine Zusage vorgeschlagen: Run the trial"
    );
    assert_eq!(
        notification("commitment_answered", "Omar Haddad declined commitment “Run the trial”: no capacity", t),
        "Omar Haddad hat die Zusage „Run the trial“ abgelehnt: no capacity"
    );
    assert_eq!(
        notification("commitment_due", "Due in 3 days, on 2027-03-31: Run the trial (Brightwater 2027)", t),
        "Fällig in 3 Tagen, am 31. März 2027: Run the trial (Brightwater 2027)"
    );
    assert_eq!(
        notification("commitment_overdue", "Overdue since 2027-03-31: Run the trial (Brightwater 2027)", t),
        "Überfällig seit 31. März 2027: Run the trial (Brightwater 2027)"
    );
    assert_eq!(
        notification("review_due", "Team review of Brightwater 2027 on 2027-01-15", t),
        "Team-Überprüfung von Brightwater 2027 am 15. Januar 2027"
    );
    assert_eq!(
        notification("comment", "Lena Hoffmann commented on “Run the trial” in Brightwater 2027: Looks good", t),
        "Lena Hoffmann hat „Run the trial“ in Brightwater 2027 kommentiert: Looks good"
    );
    assert_eq!(
        notification("review_signoff", "Martin Keller approved Brightwater 2027 in the management review of 3 Nov 2026.", t),
        "Martin Keller hat Brightwater 2027 in der Management-Überprüfung vom 3. November 2026 freigegeben."
    );
    assert_eq!(notification("other", "Something", t), "Something");
}
