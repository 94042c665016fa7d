//! The pipeline behind a money goal in the Markdown export: the coverage line,
//! its warnings, and the linked opportunities (overdue ones flagged).

use std::fmt::Write as _;

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::NodeId;
use keyplan_domain::opportunity::coverage::Coverage;
use keyplan_domain::opportunity::is_overdue;
use keyplan_i18n::Tr;

/// `md` escapes text for Markdown (the caller's, so that this module does not import it back).
pub(crate) fn write_pipeline(out: &mut String, b: &PlanBundle, goal: NodeId, c: &Coverage, t: Tr, md: fn(&str) -> String) {
    let (headline, detail, warnings) = coverage_text(c, t);
    let _ = writeln!(out, "**{}:** {} · {}\n", t.s("cov-title"), headline, detail);
    for w in warnings {
        let _ = writeln!(out, "⚠ {w}\n");
    }
    let today = keyplan_app::today();
    let mut any = false;
    for o in b.opportunities.iter().filter(|o| o.goal_id == Some(goal)) {
        any = true;
        let mut parts = vec![t.enum_label("opp-status", o.status.as_str())];
        if let Some(a) = o.amount {
            parts.push(t.money(Some(a), &o.currency));
        }
        if let Some(p) = o.probability {
            parts.push(t.pct(Some(f64::from(p) / 100.0)));
        }
        if let Some(d) = o.close_date {
            parts.push(t.date(d));
        }
        let flag = if is_overdue(o.status, o.close_date, today) { format!(" ⚠ {}", t.s("opp-overdue")) } else { String::new() };
        let _ = writeln!(out, "- {} — {}{flag}", md(&o.name), md(&parts.join(" · ")));
    }
    if any {
        out.push('\n');
    }
}

/// A goal's coverage in words: the headline ("64 % covered"), the figures
/// (won, weighted, open, gap) and the warnings (overdue deals, deals in
/// another currency). The Markdown and the PDF export both say it this way.
pub(crate) fn coverage_text(c: &Coverage, t: Tr) -> (String, String, Vec<String>) {
    let money = |n: f64| t.money(Some(n), &c.currency);
    let headline = match c.ratio {
        Some(r) => t.s1("cov-covered", "percent", t.pct(Some(r))),
        None => t.s("cov-no-gap"),
    };
    let detail = t.a(
        "cov-detail",
        &[
            ("won", money(c.won).into()),
            ("weighted", money(c.weighted).into()),
            ("open", money(c.open).into()),
            ("gap", money(c.gap).into()),
        ],
    );
    let mut warnings = Vec::new();
    if c.overdue > 0 {
        warnings.push(t.s1("cov-overdue", "count", c.overdue));
    }
    if c.other_currency > 0 {
        warnings.push(t.s1("cov-other-currency", "count", c.other_currency));
    }
    (headline, detail, warnings)
}
