//! The buying-centre map as a standalone SVG picture: the account's contacts as an
//! org chart with role, influence and attitude, and dashed "calls on" lines to our
//! colleagues. The model is `keyplan_domain::stakeholder`, the pixel layout is
//! [`layout`]; this draws it.
//!
//! Plain SVG with presentation attributes only (no `<style>`, no script), so the same
//! picture can be inlined in a page under a strict CSP and embedded in a PDF. All
//! text goes through askama's HTML escaping. Without contacts the picture is a small
//! "No contacts yet" panel rather than an empty string.

pub mod layout;

use askama::Template;
use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::stakeholder::{ContactRef, MapContact, MapOwner, MapSummary};
use keyplan_store::{Contact, User};

use keyplan_i18n::Tr;

use layout::{ContactBox, MARGIN, StakeholderMap, TeamBox};

/// The picture and what it says at a glance.
pub struct StakeholderPicture {
    pub svg: String,
    pub summary: MapSummary,
}

impl StakeholderPicture {
    /// One sentence per problem, for a line of warnings next to the picture.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings_in(Tr::default())
    }

    /// [`StakeholderPicture::warnings`] in `t`'s language.
    pub fn warnings_in(&self, t: Tr) -> Vec<String> {
        let s = &self.summary;
        let mut out = Vec::new();
        if s.contacts == 0 {
            return out;
        }
        if !s.without_owner.is_empty() {
            let n = s.without_owner.len();
            out.push(t.s2("account-map-without-owner", "count", n, "names", names(&s.without_owner, t)));
        }
        if !s.has_decision_maker {
            out.push(t.s("account-map-no-decision-maker"));
        } else if !s.unmapped_decision_makers.is_empty() {
            out.push(t.s1("account-map-unmapped", "names", names(&s.unmapped_decision_makers, t)));
        }
        out
    }
}

fn names(list: &[ContactRef], t: Tr) -> String {
    const SHOWN: usize = 8;
    let text = list.iter().take(SHOWN).map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ");
    if list.len() > SHOWN { t.s2("account-map-more", "names", text, "count", list.len() - SHOWN) } else { text }
}

/// The map of `contacts` (one account's) with `users` as the possible relationship owners.
pub fn stakeholder_picture(contacts: &[Contact], users: &[User]) -> StakeholderPicture {
    stakeholder_picture_in(contacts, users, Tr::default())
}

/// [`stakeholder_picture`] with its texts in `t`'s language.
pub fn stakeholder_picture_in(contacts: &[Contact], users: &[User], t: Tr) -> StakeholderPicture {
    let map_contacts: Vec<MapContact> = contacts
        .iter()
        .map(|c| MapContact {
            id: c.id,
            name: c.name.clone(),
            title: c.title.clone(),
            reports_to: c.reports_to_id,
            role: c.buying_role(),
            influence: c.influence,
            attitude: c.attitude(),
            owner: c.relationship_owner_id,
        })
        .collect();
    let owners: Vec<MapOwner> = users.iter().map(|u| MapOwner { id: u.id, name: u.name.clone() }).collect();
    let map = layout::layout(&map_contacts, &owners);
    let svg = render(&map, t);
    StakeholderPicture { svg, summary: map.summary }
}

/// Just the SVG text; see [`stakeholder_picture`].
pub fn stakeholder_svg(contacts: &[Contact], users: &[User]) -> String {
    stakeholder_picture(contacts, users).svg
}

// --- drawing ------------------------------------------------------------------------------

/// Colleagues' colours for the "calls on" lines: distinct from the attitude colours.
const OWNER_COLOURS: [&str; 10] =
    ["#2456b3", "#7a4bb8", "#0e7490", "#be185d", "#8a5a2b", "#475569", "#a21caf", "#65730f", "#0369a1", "#7c2d12"];
const LEGEND_ROW: i32 = 26;

#[derive(Template)]
#[template(path = "stakeholder_map.svg", escape = "html")]
struct MapSvg {
    t: Tr,
    width: i32,
    height: i32,
    margin: i32,
    title: String,
    desc: String,
    team_top: Option<i32>,
    boxes: Vec<BoxView>,
    reports: Vec<String>,
    team: Vec<TeamView>,
    legend_top: i32,
    legend: Vec<LegendItem>,
}

struct BoxView {
    id: i64,
    x: i32,
    y: i32,
    w: i32,
    h: i32,
    name: String,
    title: String,
    role: String,
    role_fill: &'static str,
    role_ink: &'static str,
    pill_w: i32,
    attitude: String,
    attitude_ink: &'static str,
    attitude_known: bool,
    owner: String,
    owner_colour: &'static str,
    no_owner: bool,
    unmapped: bool,
    /// x and whether filled, for the five influence dots.
    dots: Vec<(f32, bool)>,
    tooltip: String,
}

struct TeamView {
    id: i64,
    x: i32,
    y: i32,
    w: i32,
    h: i32,
    name: String,
    initials: String,
    calls: String,
    colour: &'static str,
    tooltip: String,
    lines: Vec<CallView>,
}

struct CallView {
    d: String,
    tooltip: String,
}

struct LegendItem {
    kind: &'static str,
    colour: &'static str,
    label: String,
    x: i32,
    y: i32,
    glyph_w: i32,
}

fn render(map: &StakeholderMap, tr: Tr) -> String {
    let colour_of =
        |owner| map.team.iter().find(|t| Some(t.id) == owner).map(|t| OWNER_COLOURS[t.index % OWNER_COLOURS.len()]).unwrap_or("#98a2b3");
    let boxes = map.boxes.iter().map(|b| box_view(b, colour_of(b.owner), tr)).collect();
    let reports = map.reports.iter().map(|r| r.points.iter().map(|p| format!("{},{}", p.x, p.y)).collect::<Vec<_>>().join(" ")).collect();
    let who = |id| map.boxes.iter().find(|b| b.id == id).map(|b| b.name.as_str()).unwrap_or("");
    // Lower rows of colleagues first: the rows above then cover the lines that pass
    // them on their way down.
    let mut by_row: Vec<&TeamBox> = map.team.iter().collect();
    by_row.sort_by_key(|t| (std::cmp::Reverse(t.rect.y), t.rect.x));
    let team = by_row
        .into_iter()
        .map(|t| {
            let lines = map
                .calls
                .iter()
                .filter(|c| c.owner == t.id)
                .map(|c| {
                    let (f, to) = (c.from, c.to);
                    let bend = ((to.y - f.y) / 2).max(24);
                    CallView {
                        d: format!("M{},{} C{},{} {},{} {},{}", f.x, f.y, f.x, f.y + bend, to.x, to.y - bend, to.x, to.y),
                        tooltip: tr.s2("map-calls-on", "name", &t.name, "contact", who(c.contact)),
                    }
                })
                .collect();
            TeamView {
                id: t.id.get(),
                x: t.rect.x,
                y: t.rect.y,
                w: t.rect.w,
                h: t.rect.h,
                name: fit(&t.name, (t.rect.w - 54) as f32, 12.5, true),
                initials: initials(&t.name),
                calls: tr.s1("map-calls-count", "count", t.contacts),
                colour: OWNER_COLOURS[t.index % OWNER_COLOURS.len()],
                tooltip: tr.s2("map-team-tooltip", "name", &t.name, "count", t.contacts),
                lines,
            }
        })
        .collect();

    let (legend, legend_h) = if map.boxes.is_empty() { (Vec::new(), 0) } else { legend(map.width, map.height, tr) };
    let empty = map.boxes.is_empty();
    let s = &map.summary;
    let title = if empty { tr.s("map-title-empty") } else { tr.s1("map-title", "count", s.contacts) };
    let desc = if empty {
        tr.s("map-desc-empty")
    } else {
        let decision = if s.has_decision_maker {
            tr.s1("map-desc-unmapped", "count", s.unmapped_decision_makers.len())
        } else {
            tr.s("map-desc-no-decision-maker")
        };
        tr.s2("map-desc", "without", s.without_owner.len(), "decision", decision)
    };
    let (width, height) = if empty { (560, 100) } else { (map.width, map.height + legend_h) };
    let page = MapSvg {
        t: tr,
        width,
        height,
        margin: MARGIN,
        title,
        desc,
        team_top: map.team_top,
        boxes,
        reports,
        team,
        legend_top: map.height,
        legend,
    };
    // Rendering only fails on a broken template, which the tests would catch.
    page.render().unwrap_or_default()
}

fn box_view(b: &ContactBox, owner_colour: &'static str, tr: Tr) -> BoxView {
    let r = b.rect;
    let text_w = (r.w - 18 - 10) as f32;
    let name_w = if b.decision_maker_unmapped { text_w - 22.0 } else { text_w };
    let (role_fill, role_ink) = b.role.map(role_colours).unwrap_or(("#eef1f5", "#3d4857"));
    let role = b.role.map(|r| short_role(r, tr)).unwrap_or_default();
    let role = role.as_str();
    let (attitude, attitude_ink) = match b.attitude {
        Some(a) => (tr.enum_label("attitude", a.as_str()), attitude_colour(a)),
        None => (tr.s("map-attitude-unknown-short"), "#8a94a3"),
    };
    let influence = b.influence.unwrap_or(0);
    let dots = (1..=5).map(|i| ((r.x + r.w) as f32 - 13.2 - (5 - i) as f32 * 9.0, i <= influence)).collect();
    let owner = b.owner_name.clone().unwrap_or_default();
    let mut tooltip = b.name.clone();
    if let Some(t) = &b.title {
        tooltip.push_str(&format!(", {t}"));
    }
    let unknown = || tr.s("map-unknown");
    let facts = tr.s3(
        "map-tooltip-facts",
        "role",
        b.role.map(|r| tr.enum_label("buying-role", r.as_str())).unwrap_or_else(unknown),
        "influence",
        b.influence.map(|i| tr.s1("map-influence-of", "n", i)).unwrap_or_else(unknown),
        "attitude",
        b.attitude.map(|a| tr.enum_label("attitude", a.as_str())).unwrap_or_else(unknown),
    );
    tooltip.push_str(&facts);
    tooltip.push(' ');
    tooltip.push_str(&match &b.owner_name {
        Some(o) => tr.s1("map-called-on-by", "name", o),
        None => tr.s("map-nobody-calls"),
    });
    if b.decision_maker_unmapped {
        tooltip.push(' ');
        tooltip.push_str(&tr.s("map-tooltip-unmapped"));
    }
    BoxView {
        id: b.id.get(),
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
        name: fit(&b.name, name_w, 13.0, true),
        title: fit(b.title.as_deref().unwrap_or(""), text_w, 11.0, false),
        pill_w: (text_width(role, 10.0, true) + 14.0).ceil() as i32,
        role: role.to_string(),
        role_fill,
        role_ink,
        attitude,
        attitude_ink,
        attitude_known: b.attitude.is_some(),
        owner: fit(&owner, text_w - 12.0 - 52.0, 10.5, false),
        owner_colour,
        no_owner: b.no_owner,
        unmapped: b.decision_maker_unmapped,
        dots,
        tooltip,
    }
}

/// The legend under the map, wrapped to its width; returns the items and the height.
fn legend(width: i32, top: i32, tr: Tr) -> (Vec<LegendItem>, i32) {
    #[rustfmt::skip]
    let items: [(&str, &str, String, i32); 10] = [
        ("stripe", "#1a7f4b", tr.s("attitude-supporter"), 4),
        ("stripe", "#7b8594", tr.s("attitude-neutral"), 4),
        ("stripe", "#c27a0e", tr.s("attitude-sceptic"), 4),
        ("stripe", "#b42318", tr.s("attitude-opponent"), 4),
        ("unknown", "", tr.s("map-legend-unknown"), 4),
        ("dots", "", tr.s("map-legend-influence"), 42),
        ("no-owner", "", tr.s("map-legend-no-owner"), 22),
        ("unmapped", "", tr.s("map-legend-unmapped"), 14),
        ("reports", "", tr.s("map-legend-reports"), 24),
        ("calls", "#2456b3", tr.s("map-legend-calls"), 24),
    ];
    let left = MARGIN;
    let (mut x, mut y) = (left, top + 26);
    let mut out = Vec::new();
    for (kind, colour, label, glyph_w) in items {
        let w = glyph_w + 6 + text_width(&label, 11.0, false).ceil() as i32 + 20;
        if x > left && x + w > width - left {
            x = left;
            y += LEGEND_ROW;
        }
        out.push(LegendItem { kind, colour, label, x, y, glyph_w });
        x += w;
    }
    (out, y - top + 16)
}

fn short_role(r: BuyingRole, tr: Tr) -> String {
    match r {
        BuyingRole::Technical => tr.s("map-role-technical"),
        BuyingRole::Coach => tr.s("map-role-coach"),
        other => tr.enum_label("buying-role", other.as_str()),
    }
}

/// Fill and text colours of the role pill, as in the contact table's badges.
fn role_colours(r: BuyingRole) -> (&'static str, &'static str) {
    match r {
        BuyingRole::DecisionMaker => ("#1b2430", "#ffffff"),
        BuyingRole::EconomicBuyer => ("#e9e3fb", "#4c2a99"),
        BuyingRole::Technical => ("#e8eefa", "#2456b3"),
        BuyingRole::Coach => ("#e5f4ec", "#1a7f4b"),
        BuyingRole::Gatekeeper => ("#fdf2dd", "#a15c07"),
        BuyingRole::User | BuyingRole::Influencer => ("#eef1f5", "#3d4857"),
    }
}

fn attitude_colour(a: Attitude) -> &'static str {
    match a {
        Attitude::Supporter => "#1a7f4b",
        Attitude::Neutral => "#7b8594",
        Attitude::Sceptic => "#c27a0e",
        Attitude::Opponent => "#b42318",
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
}

/// Roughly how wide `s` is in a sans-serif font of `size` px (no font metrics on the server).
fn text_width(s: &str, size: f32, bold: bool) -> f32 {
    // Generous (DejaVu Sans-like) widths: a cut comes a little early in narrower
    // fonts rather than text running out of its box in wider ones.
    let em: f32 = s
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '/' => 0.4,
            'm' | 'w' | 'M' | 'W' => 0.92,
            'A'..='Z' => 0.72,
            '0'..='9' => 0.64,
            c if c as u32 >= 0x2E80 => 1.0,
            _ => 0.61,
        })
        .sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// `s` cut to fit `max` px, ending in "…" when cut.
fn fit(s: &str, max: f32, size: f32, bold: bool) -> String {
    let s = s.trim();
    if text_width(s, size, bold) <= max {
        return s.to_string();
    }
    let ellipsis = text_width("…", size, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]), size, bold);
        if w + cw + ellipsis > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use keyplan_domain::{AccountId, ContactId, OrgId, UserId};
    use time::OffsetDateTime;

    use super::*;

    fn contact(id: i64, name: &str, reports_to: Option<i64>, owner: Option<i64>) -> Contact {
        Contact {
            id: ContactId::new(id),
            org_id: OrgId::new(1),
            account_id: AccountId::new(1),
            name: name.into(),
            title: Some("Head of Plant Engineering and Maintenance Excellence".into()),
            business_unit: None,
            reports_to_id: reports_to.map(ContactId::new),
            buying_role: Some(
                [BuyingRole::DecisionMaker, BuyingRole::Technical, BuyingRole::User, BuyingRole::Coach, BuyingRole::Gatekeeper]
                    [id as usize % 5],
            ),
            influence: Some((id % 5 + 1) as i16),
            attitude: [Some(Attitude::Supporter), Some(Attitude::Neutral), Some(Attitude::Sceptic), Some(Attitude::Opponent), None]
                [id as usize % 5],
            relationship_owner_id: owner.map(UserId::new),
            objective: None,
            last_contact_date: None,
            email: None,
            phone: None,
            version: 1,
            updated_at: OffsetDateTime::UNIX_EPOCH,
            updated_by: None,
            crm_id: None,
        }
    }

    fn user(id: i64, name: &str) -> User {
        User {
            id: UserId::new(id),
            org_id: OrgId::new(1),
            email: format!("u{id}@example.test"),
            name: name.into(),
            role: keyplan_domain::Role::Kam,
            active: true,
            version: 1,
            created_at: OffsetDateTime::UNIX_EPOCH,
            team: None,
        }
    }

    fn users() -> Vec<User> {
        ["Lena Hoffmann", "Omar Haddad", "Tom Becker", "Julia Weber", "Martin Keller"]
            .iter()
            .enumerate()
            .map(|(i, n)| user(i as i64 + 1, n))
            .collect()
    }

    /// Fifty people: a board, directors with departments, some loose contacts.
    fn fifty() -> Vec<Contact> {
        (1..=50)
            .map(|i| {
                let boss = match i {
                    1 | 40..=50 => None,
                    2..=5 => Some(1),
                    6..=13 => Some(2 + (i - 6) % 4),
                    _ => Some(6 + (i - 14) % 8),
                };
                let owner = if i % 7 == 3 { None } else { Some(1 + i % 5) };
                contact(i, &format!("Contact number {i} with a rather long name"), boss, owner)
            })
            .collect()
    }

    /// The value of attribute `name` in one tag's text.
    fn attr(tag: &str, name: &str) -> Option<String> {
        let needle = format!(" {name}=\"");
        let start = tag.find(&needle)? + needle.len();
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    }

    /// The `<rect data-contact=...>` boxes of an SVG: (id, x, y, w, h).
    fn contact_rects(svg: &str) -> Vec<(String, f64, f64, f64, f64)> {
        let num = |tag: &str, n: &str| attr(tag, n).and_then(|v| v.parse::<f64>().ok()).unwrap_or_else(|| panic!("{n} in {tag}"));
        svg.match_indices("<rect ")
            .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap()])
            .filter_map(|tag| attr(tag, "data-contact").map(|id| (id, num(tag, "x"), num(tag, "y"), num(tag, "width"), num(tag, "height"))))
            .collect()
    }

    #[test]
    fn stakeholder_boxes_of_fifty_contacts_do_not_overlap() {
        let contacts = fifty();
        let picture = stakeholder_picture(&contacts, &users());
        let rects = contact_rects(&picture.svg);
        assert_eq!(rects.len(), 50, "a box per contact");
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let apart = a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1 || a.2 + a.4 <= b.2 || b.2 + b.4 <= a.2;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        let width: f64 = attr(&picture.svg, "width").unwrap().parse().unwrap();
        assert!(width <= 1500.0, "{width} px wide");
        assert!(picture.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(picture.svg.contains("role=\"img\"") && picture.svg.contains("<title id=\"stakeholder-map-title\">"));
        assert!(!picture.svg.contains("<style") && !picture.svg.contains("<script"), "presentation attributes only");
        assert!(picture.svg.contains("No owner yet"));
        assert!(picture.svg.contains('…'), "long names are cut");
        if let Ok(path) = std::env::var("KEYPLAN_STAKEHOLDER_SVG") {
            std::fs::write(path, &picture.svg).unwrap();
        }
    }

    #[test]
    fn stakeholder_text_is_escaped() {
        let mut evil = contact(1, "<script>alert(1)</script>", None, Some(9));
        evil.title = Some("\"><img src=x onerror=alert(2)>".into());
        let picture = stakeholder_picture(&[evil], &[user(9, "Kim & <b>Co</b>")]);
        let svg = picture.svg.replace("&#60;", "&lt;").replace("&#62;", "&gt;").replace("&#38;", "&amp;").replace("&#34;", "&quot;");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(!picture.svg.contains("<script") && !picture.svg.contains("<img") && !picture.svg.contains("<b>"));
        assert!(svg.contains("Kim &amp; &lt;b&gt;Co&lt;/b&gt;"));
    }

    #[test]
    fn stakeholder_without_contacts_says_so() {
        let picture = stakeholder_picture(&[], &users());
        assert!(picture.svg.contains("No contacts yet"), "a friendly panel, not an empty string");
        assert!(contact_rects(&picture.svg).is_empty());
        assert!(picture.warnings().is_empty());
    }

    #[test]
    fn stakeholder_warnings_name_the_gaps() {
        let mut contacts =
            vec![contact(1, "Anna Boss", None, Some(1)), contact(2, "Ben Solo", Some(1), None), contact(3, "Cem", Some(1), None)];
        for c in &mut contacts {
            c.buying_role = Some(BuyingRole::User);
        }
        let picture = stakeholder_picture(&contacts, &users());
        assert_eq!(
            picture.warnings(),
            ["2 contacts without a relationship owner: Ben Solo, Cem".to_string(), "No decision maker identified yet".to_string()]
        );
        contacts[1].buying_role = Some(BuyingRole::EconomicBuyer);
        let picture = stakeholder_picture(&contacts, &users());
        assert_eq!(picture.warnings()[1], "Decision makers not yet mapped: Ben Solo");
    }

    #[test]
    fn stakeholder_names_are_cut_to_fit() {
        assert_eq!(fit("Dana Ruiz", 150.0, 13.0, true), "Dana Ruiz");
        let cut = fit("Maximiliane Alexandra von Hohenzollern-Sigmaringen", 150.0, 13.0, true);
        assert!(cut.ends_with('…') && text_width(&cut, 13.0, true) <= 150.0, "{cut}");
    }
}
