//! Tests of the portfolio's figures, quadrants and marks.

use super::*;

fn figures(revenue: Option<f64>, spend: Option<f64>, potential: Option<f64>) -> Figures {
    Figures { revenue, spend, potential }
}

fn point(share: f64, growth: f64) -> Point {
    Point { share, growth, revenue: 1.0 }
}

#[test]
fn share_of_wallet_and_growth_potential() {
    let p = figures(Some(300.0), Some(1200.0), Some(900.0)).place().unwrap();
    assert_eq!(p, Point { share: 0.25, growth: 600.0, revenue: 300.0 });
    // Revenue above the spend reads as the whole wallet; potential below revenue as no growth.
    let p = figures(Some(500.0), Some(400.0), Some(450.0)).place().unwrap();
    assert_eq!((p.share, p.growth), (1.0, 0.0));
    // A revenue of zero is a figure.
    let p = figures(Some(0.0), Some(100.0), Some(80.0)).place().unwrap();
    assert_eq!((p.share, p.growth, p.revenue), (0.0, 80.0, 0.0));
}

#[test]
fn missing_figures_and_zero_spend_are_named() {
    use MissingFigure::*;
    assert_eq!(figures(None, None, None).place(), Err(vec![Revenue, Spend, Potential]));
    assert_eq!(figures(Some(10.0), Some(0.0), Some(50.0)).place(), Err(vec![Spend]), "zero spend has no share");
    assert_eq!(figures(Some(10.0), Some(100.0), None).place(), Err(vec![Potential]));
    assert_eq!(figures(Some(-5.0), Some(100.0), Some(10.0)).place(), Err(vec![Revenue]), "negative is not a figure");
    assert_eq!(figures(Some(f64::NAN), Some(100.0), Some(10.0)).place(), Err(vec![Revenue]));
}

#[test]
fn medians_of_odd_and_even_counts() {
    assert_eq!(median(vec![]), None);
    assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    assert_eq!(median(vec![f64::NAN, 1.0]), Some(1.0));
}

#[test]
fn quadrants_split_at_the_lines() {
    let lines = Lines { share: 0.5, growth: 100.0 };
    assert_eq!(lines.quadrant(&point(0.2, 500.0)), Quadrant::Develop);
    assert_eq!(lines.quadrant(&point(0.7, 500.0)), Quadrant::Maintain);
    assert_eq!(lines.quadrant(&point(0.7, 10.0)), Quadrant::Harvest);
    assert_eq!(lines.quadrant(&point(0.2, 10.0)), Quadrant::Selective);
    assert_eq!(lines.quadrant(&point(0.5, 100.0)), Quadrant::Maintain, "on a line counts as high");
}

#[test]
fn lines_are_the_thresholds_else_the_medians() {
    let points = [point(0.1, 10.0), point(0.3, 30.0), point(0.9, 90.0)];
    assert_eq!(Lines::chosen(None, None, &points), Lines { share: 0.3, growth: 30.0 });
    assert_eq!(Lines::chosen(Some(0.6), None, &points), Lines { share: 0.6, growth: 30.0 });
    assert_eq!(Lines::chosen(None, Some(50.0), &points), Lines { share: 0.3, growth: 50.0 });
    assert_eq!(Lines::chosen(None, None, &[]), Lines { share: DEFAULT_SHARE_THRESHOLD, growth: 0.0 });
}

fn placed(key: i64, share: f64, growth: f64, has_active_plan: bool) -> Placed<i64> {
    Placed { key, point: point(share, growth), has_active_plan }
}

#[test]
fn candidates_are_the_top_growth_accounts_without_a_plan_below_the_threshold() {
    let accounts = [
        placed(1, 0.2, 900.0, true),  // has a plan
        placed(2, 0.7, 800.0, false), // share already high
        placed(3, 0.1, 700.0, false),
        placed(4, 0.3, 700.0, false), // tie with 3: by key
        placed(5, 0.5, 100.0, false),
        placed(6, 0.0, 0.0, false), // nothing to win
    ];
    assert_eq!(candidates(&accounts, 0.6, 2), vec![3, 4]);
    assert_eq!(candidates(&accounts, 0.6, 10), vec![3, 4, 5]);
    assert_eq!(candidates(&accounts, 0.8, 10), vec![2, 3, 4, 5]);
}

#[test]
fn plans_to_reconsider_name_their_reasons() {
    let lines = Lines { share: 0.4, growth: 100.0 };
    let accounts = [
        placed(1, 0.7, 500.0, true),
        placed(2, 0.2, 50.0, true),
        placed(3, 0.9, 10.0, true),
        placed(4, 0.9, 10.0, false),
        placed(5, 0.2, 500.0, true),
    ];
    assert_eq!(
        to_reconsider(&accounts, &lines, 0.6),
        vec![
            (1, vec![Reconsider::ShareAtThreshold]),
            (2, vec![Reconsider::LittleGrowth]),
            (3, vec![Reconsider::ShareAtThreshold, Reconsider::LittleGrowth]),
        ]
    );
}
