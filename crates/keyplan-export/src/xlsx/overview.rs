//! The first sheet: the plan, the account and the tree's counts at a glance.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::template::TemplateDoc;
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet, audience_label};

pub(super) fn overview(b: &PlanBundle, doc: &TemplateDoc, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![Col::new(t.s("xlsx-col-plan"), 36.0), Col::wrap("", 64.0)]);
    sheet.filter = false;
    let s = &b.summary;
    let mut row = |label: String, value: Cell| {
        if !value.is_empty() {
            sheet.rows.push(vec![Cell::Label(label), value]);
        }
    };
    let text = |s: &str| Cell::Text(s.to_string());
    let count = |n: usize| Cell::Num(Some(n as f64));
    row(t.s("xlsx-title"), text(&b.plan.title));
    row(t.s("xlsx-account"), text(&b.account.name));
    row(t.s("xlsx-industry"), Cell::text(b.account.industry.as_deref()));
    row(t.s("xlsx-region"), Cell::text(b.account.region.as_deref()));
    row(t.s("xlsx-account-owner"), Cell::text(b.user_name(b.account.owner_id)));
    row(t.s("xlsx-template"), text(&t.s2("xlsx-template-version", "name", &doc.name, "version", b.template_version.to_string())));
    row(t.s("export-status"), text(&t.enum_label("plan-status", b.plan.status().as_str())));
    row(t.s("xlsx-period-from"), Cell::Date(Some(b.plan.period_start)));
    row(t.s("xlsx-period-to"), Cell::Date(Some(b.plan.period_end)));
    row(t.s("xlsx-audience"), text(&audience_label(t, b.audience)));
    row(t.s("xlsx-as-of"), Cell::Date(Some(keyplan_app::today())));
    row(t.s("xlsx-length"), text(&t.length(&b.page_report())));
    let cur = b.settings.currency.as_str();
    row(t.s1("xlsx-our-revenue", "currency", cur), Cell::Num(b.account.current_revenue));
    row(t.s1("xlsx-total-spend", "currency", cur), Cell::Num(b.account.total_spend));
    row(t.s1("xlsx-potential", "currency", cur), Cell::Num(b.account.potential));
    row(t.s("xlsx-share-of-wallet"), Cell::Pct(b.account.share_of_wallet()));
    if let Some(ws) = &b.whitespace
        && !ws.cells.is_empty()
    {
        let totals = ws.totals();
        row(t.s1("xlsx-ws-current", "currency", cur), Cell::Num(Some(totals.current)));
        row(t.s1("xlsx-ws-open", "currency", cur), Cell::Num(Some(totals.open)));
    }
    row(t.s("xlsx-goals"), count(s.goals));
    row(t.s("export-csf-plural"), count(s.factors));
    row(t.s("xlsx-factors-secured"), count(s.factors_secured));
    row(t.s("export-conditions-plural"), count(s.conditions));
    row(t.s("xlsx-conditions-met"), count(s.conditions_met));
    row(t.s("export-obstacles-plural"), count(s.obstacles));
    row(t.s("xlsx-obstacles-overcome"), count(s.obstacles_overcome));
    row(t.s("xlsx-obstacles-overcome-share"), Cell::Pct(Some(f64::from(s.percent_resolved) / 100.0)));
    row(t.s("export-commitments"), count(s.commitments));
    row(t.s("xlsx-commitments-accepted"), count(s.commitments_accepted));
    row(t.s("xlsx-commitments-done"), count(s.commitments_done));
    row(t.s("xlsx-commitments-awaiting"), count(s.commitments_unaccepted));
    row(t.s("xlsx-commitments-overdue"), count(s.commitments_overdue));
    row(t.s("xlsx-commitments-missed"), count(s.commitments_missed));
    sheet
}
