//! The budget basis of a fiscal year as CSV (`/api/v1/budget-basis.csv`):
//! the accounts, then a blank line and the money goals, then the totals per
//! KAM, region and industry, each section under a title line. Comma-separated,
//! UTF-8 with a byte-order mark (so that spreadsheets read it as UTF-8), lines
//! ending in CRLF, fields quoted as RFC 4180 says.
//!
//! Numbers are written plainly (`1234.5`). Text that a spreadsheet would read
//! as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return — is written with a leading `'`, so it stays the text typed.

use keyplan_app::budget::BudgetBasis;
use keyplan_domain::budget::Total;
use keyplan_i18n::Tr;

/// The content type of the download.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// A text field: neutralised when it would start a formula, then quoted when needed.
pub fn text(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// A number field; empty when unknown.
fn num(n: Option<f64>) -> String {
    n.filter(|n| n.is_finite())
        .map(|n| if n.fract() == 0.0 && n.abs() < 1e15 { format!("{n:.0}") } else { n.to_string() })
        .unwrap_or_default()
}

fn line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The budget basis as CSV text, labelled in `t`'s language.
pub fn budget_csv(b: &BudgetBasis, t: Tr) -> String {
    let mut out = String::from("\u{feff}");
    let h = |id: &str| text(&t.s(id));
    line(
        &mut out,
        &[
            h("budget-col-account"),
            h("budget-col-kam"),
            h("budget-col-region"),
            h("budget-col-industry"),
            h("budget-col-revenue"),
            h("budget-col-potential"),
            h("budget-col-goals"),
            h("budget-col-whitespace"),
            h("budget-col-pipeline"),
            h("budget-col-rating"),
            h("budget-col-rating-label"),
        ],
    );
    for r in &b.accounts {
        line(
            &mut out,
            &[
                text(&r.account.name),
                text(r.kam.as_ref().map_or("", |k| k.name.as_str())),
                text(r.region.as_deref().unwrap_or_default()),
                text(r.industry.as_deref().unwrap_or_default()),
                num(r.current_revenue),
                num(r.potential),
                r.goals.len().to_string(),
                num(Some(r.whitespace_potential)),
                num(Some(r.weighted_pipeline)),
                r.rating.as_ref().map(|g| g.score.to_string()).unwrap_or_default(),
                text(r.rating.as_ref().map_or("", |g| g.label.as_str())),
            ],
        );
    }
    out.push_str("\r\n");
    line(&mut out, &[h("budget-sheet-goals")]);
    line(
        &mut out,
        &[
            h("budget-col-account"),
            h("budget-col-plan"),
            h("budget-col-goal"),
            h("budget-col-currency"),
            h("budget-col-baseline"),
            h("budget-col-target"),
            h("budget-col-date"),
        ],
    );
    for r in &b.accounts {
        for g in &r.goals {
            let date = g.target_date.map(keyplan_domain::validate::format_date).unwrap_or_default();
            line(
                &mut out,
                &[text(&r.account.name), text(&g.plan_title), text(&g.title), text(&g.currency), num(g.baseline), num(g.target), date],
            );
        }
    }
    for (title, groups) in [
        ("budget-sheet-kam", &b.totals.by_kam),
        ("budget-sheet-region", &b.totals.by_region),
        ("budget-sheet-industry", &b.totals.by_industry),
    ] {
        out.push_str("\r\n");
        line(&mut out, &[h(title)]);
        totals(&mut out, groups, &b.totals.all, t);
    }
    out
}

fn totals(out: &mut String, groups: &[Total], all: &Total, t: Tr) {
    let h = |id: &str| text(&t.s(id));
    line(
        out,
        &[
            h("budget-col-group"),
            h("budget-col-accounts"),
            h("budget-col-revenue"),
            h("budget-col-potential"),
            h("budget-col-baseline"),
            h("budget-col-target"),
            h("budget-col-whitespace"),
            h("budget-col-pipeline"),
        ],
    );
    let unassigned = t.s("budget-unassigned");
    for (label, g) in groups.iter().map(|g| (g.key.clone().unwrap_or_else(|| unassigned.clone()), g)).chain([(t.s("budget-total"), all)]) {
        line(
            out,
            &[
                text(&label),
                g.accounts.to_string(),
                num(Some(g.current_revenue)),
                num(Some(g.potential)),
                num(Some(g.goal_baseline)),
                num(Some(g.goal_target)),
                num(Some(g.whitespace_potential)),
                num(Some(g.weighted_pipeline)),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_fields_quoted() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("+49 30 1234"), "'+49 30 1234");
        assert_eq!(text("-5"), "'-5");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("Müller, Hans"), "\"Müller, Hans\"");
        assert_eq!(text("plain"), "plain");
        assert_eq!(
            (num(Some(1200000.0)), num(Some(12.5)), num(Some(-3.0)), num(None)),
            ("1200000".into(), "12.5".into(), "-3".into(), String::new())
        );
    }
}
