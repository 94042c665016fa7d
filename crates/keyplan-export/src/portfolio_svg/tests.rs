//! Tests of the portfolio picture: links and tooltips, escaping, labels for
//! the few, drawing order, languages, and thousands of accounts.

use keyplan_app::portfolio::build;
use keyplan_domain::portfolio::PlanState;
use keyplan_domain::{AccountId, Lang, PlanId, UserId};
use keyplan_store::PortfolioAccount;

use super::*;

fn account(id: i64, name: &str, revenue: f64, spend: f64, potential: f64, state: PlanState) -> PortfolioAccount {
    PortfolioAccount {
        id: AccountId::new(id),
        name: name.into(),
        owner_id: Some(UserId::new(1)),
        owner_name: Some("Kim <KAM>".into()),
        region: None,
        industry: None,
        current_revenue: Some(revenue),
        total_spend: Some(spend),
        potential: Some(potential),
        plan_state: state,
        plan_id: (state != PlanState::NoPlan).then_some(PlanId::new(id)),
        coach_level: (state != PlanState::NoPlan).then_some(3),
        coach_score: (state != PlanState::NoPlan).then_some(72.4),
    }
}

fn many(n: i64) -> Portfolio {
    let states = PlanState::ALL;
    let all = (1..=n)
        .map(|i| {
            let revenue = (i * 7919 % 1000) as f64 * 1000.0;
            account(
                i,
                &format!("Account {i}"),
                revenue,
                1_000_000.0 + (i % 13) as f64 * 100_000.0,
                revenue + (i * 104_729 % 5_000) as f64 * 1000.0,
                states[(i % 4) as usize],
            )
        })
        .collect();
    build(all, None, 0.6, None, None, "EUR".into())
}

#[test]
fn every_bubble_links_to_its_account_with_a_tooltip() {
    let p = build(
        vec![
            account(1, "Northwind", 400_000.0, 1_000_000.0, 2_000_000.0, PlanState::Active),
            account(2, "Contoso", 50_000.0, 800_000.0, 300_000.0, PlanState::NoPlan),
        ],
        None,
        0.6,
        None,
        None,
        "EUR".into(),
    );
    let svg = portfolio_svg(&p, None, "", Tr::default());
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<a href=\"/accounts/").count(), 2);
    assert!(svg.contains("<a href=\"/accounts/1\""));
    assert!(svg.contains("<title>Northwind · KAM: Kim &lt;KAM&gt; · share of wallet 40%"), "{svg}");
    assert!(svg.contains("coach level 3 (72)"));
    for word in ["Develop", "plan here", "Maintain", "Harvest", "Selective", "No plan", "Review overdue", "Share of wallet"] {
        assert!(svg.contains(word), "{word} missing");
    }
    // The larger bubble is drawn first, the smaller one on top.
    assert!(svg.find("/accounts/1\"").unwrap() < svg.find("/accounts/2\"").unwrap());
}

#[test]
fn names_are_escaped() {
    let evil = "<script>alert('x')</script> & \"Co\"";
    let p = build(vec![account(1, evil, 1.0, 2.0, 3.0, PlanState::Draft)], None, 0.6, None, None, "EUR".into());
    let svg = portfolio_svg(&p, Some(AccountId::new(1)), "", Tr::default());
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)"));
    assert!(svg.contains("&amp; &quot;Co&quot;"));
}

#[test]
fn only_the_largest_and_the_selected_are_named() {
    let p = many(200);
    let smallest = p.entries.iter().min_by(|a, b| a.point.revenue.total_cmp(&b.point.revenue)).unwrap().account.id;
    let svg = portfolio_svg(&p, None, "", Tr::default());
    assert!(svg.matches("class=\"pf-label\"").count() <= LABELLED);
    assert!(svg.matches("class=\"pf-label\"").count() >= LABELLED / 2);
    let svg = portfolio_svg(&p, Some(smallest), "", Tr::default());
    let name = &p.entry(smallest).unwrap().account.name;
    assert!(svg.contains(&format!("font-weight=\"700\" fill=\"#111827\">{name}</text>")), "the selected account is named");
    assert!(svg.contains("stroke=\"#111827\" stroke-width=\"3\""), "and ringed");
}

#[test]
fn two_thousand_accounts_stay_a_picture() {
    let p = many(2000);
    let last = p.entries.iter().min_by(|a, b| a.point.revenue.total_cmp(&b.point.revenue)).unwrap().account.id;
    let svg = portfolio_svg(&p, Some(last), "region=North", Tr::default());
    assert_eq!(svg.matches("<a href=\"/accounts/").count(), groups::DETAILED, "only so many drawn one by one");
    assert!(svg.contains(&format!("<a href=\"/accounts/{last}\"")), "the selected account is always drawn");
    // Every other account is in exactly one group, and each group links to its area with the filters.
    let counts: usize =
        svg.split("class=\"pf-group\" data-count=\"").skip(1).map(|part| part[..part.find('"').unwrap()].parse::<usize>().unwrap()).sum();
    assert_eq!(counts + groups::DETAILED, 2000);
    assert!(svg.contains("<a href=\"/portfolio?region=North&amp;share_min="), "{}", &svg[..400]);
    assert!(svg.len() < 90_000, "{} bytes", svg.len());
    // Twenty times as many accounts: still the same size of picture.
    let big = portfolio_svg(&many(40_000), None, "", Tr::default());
    assert!(big.len() < 90_000, "{} bytes", big.len());
}

#[test]
fn a_group_links_to_exactly_its_accounts() {
    use keyplan_app::portfolio::FilterInput;
    let p = many(1500);
    let growth_top = p.entries.iter().map(|e| e.point.growth).fold(p.lines.lines.growth, f64::max);
    let (drawn, cells) = groups::split(&p, None, nice_ceil(growth_top));
    assert_eq!(drawn.len(), groups::DETAILED);
    let drawn_ids: Vec<AccountId> = drawn.iter().map(|e| e.account.id).collect();
    for cell in &cells {
        let input: FilterInput = serde_urlencoded::from_str(&cell.query()).unwrap();
        let area = input.filter().unwrap().area;
        let inside = p.entries.iter().filter(|e| area.contains(&e.point) && !drawn_ids.contains(&e.account.id)).count();
        assert_eq!(inside, cell.count, "{cell:?}");
    }
    // Marked accounts and accounts with a plan are drawn before the unplanned.
    let planned = p.entries.iter().filter(|e| e.account.plan_state != PlanState::NoPlan || e.candidate).count();
    assert!(planned > groups::DETAILED);
    assert!(drawn.iter().all(|e| e.account.plan_state != PlanState::NoPlan || e.candidate));
}

#[test]
fn german_texts() {
    let p = many(8);
    let svg = portfolio_svg(&p, None, "", Tr::new(Lang::De));
    for word in ["Entwickeln", "Hier planen", "Kein Plan", "Überprüfung überfällig", "Lieferanteil"] {
        assert!(svg.contains(word), "{word} missing");
    }
    assert!(!svg.contains("plan here"));
}

#[test]
fn an_empty_portfolio_says_so() {
    let p = build(vec![], None, 0.6, None, None, "EUR".into());
    let svg = portfolio_svg(&p, None, "", Tr::default());
    assert!(svg.contains("No account has revenue, spend and potential yet"));
    assert!((nice_ceil(1234.0) - 2000.0).abs() < 1e-9 && (nice_ceil(2500.0) - 2500.0).abs() < 1e-9 && nice_ceil(0.0) == 1.0);
}

#[test]
fn every_portfolio_label_has_a_text_in_both_languages() {
    use keyplan_domain::portfolio::{MissingFigure, Reconsider};
    for t in [Tr::new(Lang::En), Tr::new(Lang::De)] {
        let mut ids: Vec<String> = Vec::new();
        for q in Quadrant::ALL {
            ids.push(format!("portfolio-quadrant-{}", q.as_str()));
            ids.push(format!("portfolio-policy-{}", q.as_str()));
        }
        ids.extend(PlanState::ALL.iter().map(|s| format!("portfolio-state-{}", s.as_str())));
        ids.extend(
            [MissingFigure::Revenue, MissingFigure::Spend, MissingFigure::Potential].map(|m| format!("portfolio-missing-{}", m.as_str())),
        );
        ids.extend(
            [Reconsider::ShareAtThreshold, Reconsider::LittleGrowth].map(|r| format!("portfolio-reason-{}", crate::xlsx::reason_code(r))),
        );
        ids.extend(["name", "kam", "revenue", "share", "growth", "potential", "quadrant", "state"].map(|c| format!("portfolio-col-{c}")));
        for id in ids {
            let text = t.s(&id);
            assert!(!text.is_empty() && text != id, "{id} has no text in {:?}", t.lang);
        }
    }
}
