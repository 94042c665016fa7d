//! The briefing's facts in words (`keyplan_domain::tree::briefing`): why a
//! commitment is at risk, naming its owner. The briefing page and the
//! committee pack say it the same way.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::tree::briefing::{AtRisk, OpenObstacle, Why};
use keyplan_i18n::Tr;

/// Why the commitment is at risk, with its owner's name.
pub fn why(b: &PlanBundle, r: &AtRisk<'_>, t: Tr) -> String {
    let who = b.user_name(r.node.owner_id()).map(str::to_string).unwrap_or_else(|| t.s("aud-nobody"));
    match r.why {
        Why::Declined => t.s1("aud-why-declined", "name", &who),
        Why::Waiting => t.s1("aud-why-waiting", "name", &who),
        Why::DateProposed => t.s1("aud-why-date", "name", &who),
        Why::Missed => t.s1("aud-why-missed", "name", &who),
        Why::Overdue => t.s2("aud-why-overdue", "date", t.opt_date(r.node.due_date()), "name", &who),
    }
}

/// Why the obstacle is still open.
pub fn obstacle_why(o: &OpenObstacle<'_>, t: Tr) -> String {
    if o.uncommitted { t.s("aud-why-no-commitment") } else { t.enum_label("health", o.health.as_str()) }
}
