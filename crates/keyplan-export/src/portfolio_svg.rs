//! The account portfolio as a standalone SVG picture: share of wallet across
//! (0–100 %), growth potential up (a square-root scale, so that a few large
//! accounts do not squash the rest), one bubble per account whose area is its
//! current revenue, coloured by plan state with the coach's level written in
//! it, the quadrant lines with each quadrant's name and policy, and a legend.
//!
//! Readable with thousands of accounts: bubbles are half transparent with a
//! solid outline and drawn largest first, so small ones stay on top and
//! clickable; only the largest [`LABELLED`] accounts and the selected one get
//! a name, placed beside their bubble where it collides with no other label
//! (a check among those few only). Each bubble links to its account and says
//! everything in its tooltip. Beyond [`groups::DETAILED`] accounts, the rest
//! are grouped by area (see [`groups`]), so the picture's size stays bounded.
//!
//! Presentation attributes only (no `<style>`, no script); every text is
//! escaped. A pure function of the [`Portfolio`]: the tests call it directly.

use std::fmt::Write;

use keyplan_app::portfolio::{Entry, Portfolio};
use keyplan_domain::AccountId;
use keyplan_domain::portfolio::{PlanState, Quadrant};
use keyplan_i18n::Tr;

pub mod groups;

/// How many of the largest accounts are named in the picture.
pub const LABELLED: usize = 12;

pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 680.0;
const X0: f64 = 96.0;
const X1: f64 = 972.0;
const Y0: f64 = 24.0;
const Y1: f64 = 560.0;
const FONT: &str = "Inter, 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/// The fill and outline of a plan state.
pub fn state_colour(s: PlanState) -> &'static str {
    match s {
        PlanState::NoPlan => "#8a94a6",
        PlanState::Draft => "#d69e2e",
        PlanState::Active => "#2f855a",
        PlanState::OverdueReview => "#c53030",
    }
}

fn quadrant_tint(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Develop => "#e8f5ee",
        Quadrant::Maintain => "#e9f0fb",
        Quadrant::Harvest => "#fdf4e3",
        Quadrant::Selective => "#f3f4f6",
    }
}

/// `s` with `&`, `<`, `>`, `"` and `'` escaped, and control characters dropped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    keyplan_app::bundle::clip(s, max)
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`.
fn nice_ceil(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * p).find(|c| *c >= v * 0.999_999).unwrap_or(10.0 * p)
}

struct Scale {
    growth_max: f64,
    revenue_max: f64,
    r_max: f64,
}

impl Scale {
    fn x(&self, share: f64) -> f64 {
        X0 + share.clamp(0.0, 1.0) * (X1 - X0)
    }
    fn y(&self, growth: f64) -> f64 {
        Y1 - (growth.max(0.0) / self.growth_max).sqrt().min(1.0) * (Y1 - Y0)
    }
    fn r(&self, revenue: f64) -> f64 {
        if self.revenue_max <= 0.0 { 3.0 } else { (self.r_max * (revenue.max(0.0) / self.revenue_max).sqrt()).max(3.0) }
    }
}

/// A label's box, for the collision check.
#[derive(Clone, Copy)]
struct Boxed {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Boxed {
    fn overlaps(&self, o: &Boxed) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    /// This box moved into the plot area.
    fn clamped(self) -> Boxed {
        Boxed { x: self.x.clamp(X0, (X1 - self.w).max(X0)), y: self.y.clamp(Y0, (Y1 - self.h).max(Y0)), ..self }
    }
}

/// Roughly how wide `text` is at `size` (for layout only).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// The tooltip of a bubble: everything the row of the table says.
pub fn tooltip(e: &Entry, p: &Portfolio, t: Tr) -> String {
    let a = &e.account;
    let mut parts = vec![
        a.name.clone(),
        t.s1("portfolio-tip-kam", "name", a.owner_name.clone().unwrap_or_else(|| "—".into())),
        t.s1("portfolio-tip-share", "value", t.pct(Some(e.point.share))),
        t.s1("portfolio-tip-growth", "value", t.money(Some(e.point.growth), &p.currency)),
        t.s1("portfolio-tip-revenue", "value", t.money(Some(e.point.revenue), &p.currency)),
        t.enum_label("portfolio-quadrant", e.quadrant.as_str()),
        t.enum_label("portfolio-state", a.plan_state.as_str()),
    ];
    if let (Some(level), Some(score)) = (a.coach_level, a.coach_score) {
        parts.push(t.s2("portfolio-tip-coach", "level", level, "score", t.num(score.round())));
    }
    if e.candidate {
        parts.push(t.s("portfolio-candidate"));
    }
    if !e.reconsider.is_empty() {
        parts.push(t.s("portfolio-reconsider"));
    }
    parts.join(" · ")
}

/// The short tooltip of a bubble among many: name, share, growth, plan state.
fn short_tooltip(e: &Entry, p: &Portfolio, t: Tr) -> String {
    [
        e.account.name.clone(),
        t.s1("portfolio-tip-share", "value", t.pct(Some(e.point.share))),
        t.s1("portfolio-tip-growth", "value", t.money(Some(e.point.growth), &p.currency)),
        t.enum_label("portfolio-state", e.account.plan_state.as_str()),
    ]
    .join(" · ")
}

/// The picture of `p` with its texts in `t`'s language; `selected` is ringed
/// and named. A group of accounts links to the portfolio's table of its area,
/// keeping the filters `filter_query` (a query string without `?`, may be empty).
pub fn portfolio_svg(p: &Portfolio, selected: Option<AccountId>, filter_query: &str, t: Tr) -> String {
    let n = p.entries.len();
    let growth_top = p.entries.iter().map(|e| e.point.growth).fold(p.lines.lines.growth, f64::max);
    let growth_max = nice_ceil(growth_top);
    let (drawn, cells) = groups::split(p, selected, growth_max);
    let shown = drawn.len();
    let scale = Scale {
        growth_max,
        revenue_max: p.entries.iter().map(|e| e.point.revenue).fold(0.0, f64::max),
        r_max: if shown <= 60 { 34.0 } else { (34.0 * (60.0 / shown as f64).sqrt()).max(10.0) },
    };
    let mut s = String::with_capacity(4000 + shown * 420 + cells.len() * 300);
    let title = t.s1("portfolio-svg-title", "count", n);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="portfolio-map" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="portfolio-svg-title" font-family="{FONT}"><title id="portfolio-svg-title">{}</title><rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##,
        esc(&title)
    );
    quadrants(&mut s, p, &scale, t);
    axes(&mut s, p, &scale, t);
    if !cells.is_empty() {
        group_cells(&mut s, &cells, n - shown, &scale, filter_query, p, t);
    }
    // Largest first, so that small bubbles stay on top and clickable.
    let mut order = drawn;
    order.sort_by(|a, b| b.point.revenue.total_cmp(&a.point.revenue).then(a.account.id.cmp(&b.account.id)));
    s.push_str(r#"<g class="pf-bubbles" fill-opacity="0.42" stroke-width="1.5">"#);
    // The coach's levels go on top in a group of their own that takes no clicks.
    let mut levels = String::from(r##"<g class="pf-levels" text-anchor="middle" font-weight="700" fill="#1f2937" pointer-events="none">"##);
    for e in &order {
        let tip = if cells.is_empty() { tooltip(e, p, t) } else { short_tooltip(e, p, t) };
        bubble(&mut s, &mut levels, e, &tip, &scale, selected == Some(e.account.id));
    }
    s.push_str("</g>");
    s.push_str(&levels);
    s.push_str("</g>");
    labels(&mut s, &order, &scale, selected);
    if n == 0 {
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="14" fill="#4a5568">{}</text>"##,
            (X0 + X1) / 2.0,
            (Y0 + Y1) / 2.0,
            esc(&t.s("portfolio-empty"))
        );
    }
    legend(&mut s, !cells.is_empty(), t);
    s.push_str("</svg>");
    s
}

/// The groups of accounts not drawn one by one, beneath the bubbles, with a
/// note of how the picture chose.
fn group_cells(s: &mut String, cells: &[groups::Cell], grouped: usize, sc: &Scale, filter_query: &str, p: &Portfolio, t: Tr) {
    let most = cells.iter().map(|c| c.count).max().unwrap_or(1).max(1) as f64;
    let bounds = groups::growth_bounds(sc.growth_max);
    let (cw, ch) = ((X1 - X0) / groups::COLS as f64, (Y1 - Y0) / groups::ROWS as f64);
    s.push_str(r##"<g class="pf-groups" fill="#64748b" fill-opacity="0.22" stroke="#475569" stroke-width="1">"##);
    let mut counts = String::from(r##"<g class="pf-counts" text-anchor="middle" font-size="10" fill="#1f2937" pointer-events="none">"##);
    for c in cells {
        let cx = sc.x(c.share_min) + cw / 2.0;
        let cy = (sc.y(bounds[c.row]) + sc.y(bounds[c.row + 1])) / 2.0;
        let side = cw.min(ch) * (0.36 + 0.5 * (c.count as f64 / most).sqrt());
        let share_to = c.share_max.map(|m| t.pct(Some(m))).unwrap_or_else(|| t.pct(Some(1.0)));
        let growth = match c.growth_max {
            Some(m) => format!("{} – {}", t.money(Some(c.growth_min), &p.currency), t.money(Some(m), &p.currency)),
            None => format!("≥ {}", t.money(Some(c.growth_min), &p.currency)),
        };
        let tip =
            t.s3("portfolio-group-tip", "count", c.count, "share", format!("{} – {share_to}", t.pct(Some(c.share_min))), "growth", growth);
        let href = if filter_query.is_empty() {
            format!("/portfolio?{}#table", c.query())
        } else {
            format!("/portfolio?{filter_query}&{}#table", c.query())
        };
        let _ = write!(
            s,
            r##"<a href="{}" class="pf-group" data-count="{}"><title>{}</title><rect x="{:.1}" y="{:.1}" width="{side:.1}" height="{side:.1}" rx="3"/></a>"##,
            esc(&href),
            c.count,
            esc(&tip),
            cx - side / 2.0,
            cy - side / 2.0,
        );
        let _ = write!(counts, r#"<text x="{cx:.1}" y="{:.1}">{}</text>"#, cy + 3.5, c.count);
    }
    s.push_str("</g>");
    s.push_str(&counts);
    s.push_str("</g>");
    let _ = write!(
        s,
        r##"<text x="{X1}" y="16" text-anchor="end" font-size="11" fill="#4a5568">{}</text>"##,
        esc(&t.s2("portfolio-group-note", "drawn", groups::DETAILED, "grouped", grouped))
    );
}

fn quadrants(s: &mut String, p: &Portfolio, sc: &Scale, t: Tr) {
    let (lx, ly) = (sc.x(p.lines.lines.share), sc.y(p.lines.lines.growth));
    let areas = [
        (Quadrant::Develop, X0, Y0, lx, ly, "start", X0 + 10.0, Y0 + 18.0),
        (Quadrant::Maintain, lx, Y0, X1, ly, "end", X1 - 10.0, Y0 + 18.0),
        (Quadrant::Harvest, lx, ly, X1, Y1, "end", X1 - 10.0, Y1 - 24.0),
        (Quadrant::Selective, X0, ly, lx, Y1, "start", X0 + 10.0, Y1 - 24.0),
    ];
    for (q, x0, y0, x1, y1, ..) in areas {
        let _ = write!(
            s,
            r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            (x1 - x0).max(0.0),
            (y1 - y0).max(0.0),
            quadrant_tint(q)
        );
    }
    for (q, _, _, _, _, anchor, tx, ty) in areas {
        let _ = write!(
            s,
            r##"<text x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}" font-size="14" font-weight="700" fill="#1f2937" opacity="0.85">{}<tspan font-size="11.5" font-weight="400" fill="#4a5568" x="{tx:.1}" dy="15">{}</tspan></text>"##,
            esc(&t.enum_label("portfolio-quadrant", q.as_str())),
            esc(&t.enum_label("portfolio-policy", q.as_str()))
        );
    }
}

fn axes(s: &mut String, p: &Portfolio, sc: &Scale, t: Tr) {
    let _ = write!(s, r##"<rect x="{X0}" y="{Y0}" width="{}" height="{}" fill="none" stroke="#cbd2dc"/>"##, X1 - X0, Y1 - Y0);
    for i in 0..=5 {
        let share = f64::from(i) / 5.0;
        let x = sc.x(share);
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{Y1}" x2="{x:.1}" y2="{}" stroke="#9aa5b4"/><text x="{x:.1}" y="{}" text-anchor="middle" font-size="11" fill="#4a5568">{}</text>"##,
            Y1 + 5.0,
            Y1 + 18.0,
            esc(&t.pct(Some(share)))
        );
    }
    for f in [0.0, 0.05, 0.2, 0.5, 1.0] {
        let g = sc.growth_max * f;
        let y = sc.y(g);
        let _ = write!(
            s,
            r##"<line x1="{}" y1="{y:.1}" x2="{X0}" y2="{y:.1}" stroke="#9aa5b4"/><line x1="{X0}" y1="{y:.1}" x2="{X1}" y2="{y:.1}" stroke="#ffffff" stroke-opacity="0.7"/><text x="{}" y="{:.1}" text-anchor="end" font-size="11" fill="#4a5568">{}</text>"##,
            X0 - 5.0,
            X0 - 8.0,
            y + 4.0,
            esc(&t.money(Some(g), &p.currency))
        );
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{}" text-anchor="middle" font-size="12.5" font-weight="600" fill="#1f2937">{}</text><text transform="translate(20 {:.1}) rotate(-90)" text-anchor="middle" font-size="12.5" font-weight="600" fill="#1f2937">{}</text>"##,
        (X0 + X1) / 2.0,
        Y1 + 38.0,
        esc(&t.s("portfolio-axis-share")),
        (Y0 + Y1) / 2.0,
        esc(&t.s("portfolio-axis-growth"))
    );
    // The quadrant lines, with where they stand.
    let (lx, ly) = (sc.x(p.lines.lines.share), sc.y(p.lines.lines.growth));
    let share_label = t.s1("portfolio-share-line", "value", t.pct(Some(p.lines.lines.share)));
    let growth_label = t.s1("portfolio-growth-line", "value", t.money(Some(p.lines.lines.growth), &p.currency));
    let _ = write!(
        s,
        r##"<line class="pf-line" x1="{lx:.1}" y1="{Y0}" x2="{lx:.1}" y2="{Y1}" stroke="#2d3748" stroke-width="1.4" stroke-dasharray="6 4"/><line class="pf-line" x1="{X0}" y1="{ly:.1}" x2="{X1}" y2="{ly:.1}" stroke="#2d3748" stroke-width="1.4" stroke-dasharray="6 4"/><text x="{:.1}" y="{}" font-size="10.5" fill="#2d3748" text-anchor="{}">{}</text><text x="{}" y="{:.1}" font-size="10.5" fill="#2d3748" text-anchor="end">{}</text>"##,
        if lx > X1 - 140.0 { lx - 4.0 } else { lx + 4.0 },
        Y0 + 48.0,
        if lx > X1 - 140.0 { "end" } else { "start" },
        esc(&share_label),
        X1 - 6.0,
        if ly < Y0 + 50.0 { ly + 14.0 } else { ly - 5.0 },
        esc(&growth_label)
    );
}

fn bubble(s: &mut String, levels: &mut String, e: &Entry, tip: &str, sc: &Scale, selected: bool) {
    let a = &e.account;
    let (cx, cy, r) = (sc.x(e.point.share), sc.y(e.point.growth), sc.r(e.point.revenue));
    let colour = state_colour(a.plan_state);
    let _ =
        write!(s, r#"<a href="/accounts/{}" class="pf-bubble" data-state="{}"><title>{}</title>"#, a.id, a.plan_state.as_str(), esc(tip));
    if e.candidate {
        let _ = write!(
            s,
            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{:.1}" fill="none" stroke="#2b6cb0" stroke-width="1.6" stroke-dasharray="3 2"/>"##,
            r + 3.5
        );
    }
    if selected {
        let _ = write!(s, r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{:.1}" fill="none" stroke="#111827" stroke-width="3"/>"##, r + 4.0);
    }
    let _ = write!(s, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{colour}" stroke="{colour}"/></a>"#);
    if let Some(level) = a.coach_level.filter(|_| r >= 8.0) {
        let size = (r * 0.9).clamp(8.0, 13.0);
        let _ = write!(levels, r#"<text x="{cx:.1}" y="{:.1}" font-size="{size:.1}">{level}</text>"#, cy + size * 0.36);
    }
}

fn labels(s: &mut String, order: &[&Entry], sc: &Scale, selected: Option<AccountId>) {
    let chosen: Vec<&Entry> =
        order.iter().enumerate().filter(|(i, e)| *i < LABELLED || selected == Some(e.account.id)).map(|(_, e)| *e).collect();
    let mut placed: Vec<Boxed> = Vec::with_capacity(chosen.len());
    for e in chosen {
        let (cx, cy, r) = (sc.x(e.point.share), sc.y(e.point.growth), sc.r(e.point.revenue));
        let text = clip(&e.account.name, 26);
        let size = 11.5;
        let (w, h) = (text_width(&text, size) + 8.0, size + 6.0);
        let spots = [
            Boxed { x: cx + r + 3.0, y: cy - h / 2.0, w, h },
            Boxed { x: cx - r - 3.0 - w, y: cy - h / 2.0, w, h },
            Boxed { x: cx - w / 2.0, y: cy - r - 3.0 - h, w, h },
            Boxed { x: cx - w / 2.0, y: cy + r + 3.0, w, h },
        ];
        // A free spot beside the bubble, else the first spot moved into the plot.
        let free = spots.iter().map(|b| b.clamped()).find(|b| !placed.iter().any(|o| o.overlaps(b)));
        let b = free.unwrap_or(spots[0].clamped());
        placed.push(b);
        let _ = write!(
            s,
            r##"<g class="pf-label"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="#ffffff" fill-opacity="0.85"/><text x="{:.1}" y="{:.1}" font-size="{size}" font-weight="{}" fill="#111827">{}</text></g>"##,
            b.x,
            b.y,
            b.w,
            b.h,
            b.x + 4.0,
            b.y + h - 5.0,
            if selected == Some(e.account.id) { 700 } else { 600 },
            esc(&text)
        );
    }
}

fn legend(s: &mut String, grouped: bool, t: Tr) {
    let y = HEIGHT - 40.0;
    let mut x = X0;
    for state in PlanState::ALL {
        let label = t.enum_label("portfolio-state", state.as_str());
        let c = state_colour(state);
        let _ = write!(
            s,
            r##"<circle cx="{:.1}" cy="{y}" r="7" fill="{c}" fill-opacity="0.42" stroke="{c}" stroke-width="1.5"/><text x="{:.1}" y="{}" font-size="12" fill="#1f2937">{}</text>"##,
            x + 7.0,
            x + 19.0,
            y + 4.0,
            esc(&label)
        );
        x += 19.0 + text_width(&label, 12.0) + 22.0;
    }
    let candidate = t.s("portfolio-candidate");
    let _ = write!(
        s,
        r##"<circle cx="{:.1}" cy="{y}" r="7" fill="none" stroke="#2b6cb0" stroke-width="1.6" stroke-dasharray="3 2"/><text x="{:.1}" y="{}" font-size="12" fill="#1f2937">{}</text>"##,
        x + 7.0,
        x + 19.0,
        y + 4.0,
        esc(&candidate)
    );
    if grouped {
        x += 19.0 + text_width(&candidate, 12.0) + 22.0;
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{:.1}" width="14" height="14" rx="3" fill="#64748b" fill-opacity="0.22" stroke="#475569"/><text x="{:.1}" y="{}" font-size="12" fill="#1f2937">{}</text>"##,
            y - 7.0,
            x + 19.0,
            y + 4.0,
            esc(&t.s("portfolio-legend-group"))
        );
    }
    let _ =
        write!(s, r##"<text x="{X0}" y="{}" font-size="11.5" fill="#4a5568">{}</text>"##, y + 26.0, esc(&t.s("portfolio-legend-reading")));
}

#[cfg(test)]
mod tests;
