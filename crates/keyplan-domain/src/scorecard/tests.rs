//! Tests of the scorecard figures from recorded events: on time, late,
//! missed, acceptance times, quality and goal progress.

use time::macros::{date, datetime};

use super::*;

const FROM: Date = date!(2026 - 01 - 01);
const TO: Date = date!(2026 - 12 - 31);
const TODAY: Date = date!(2026 - 06 - 15);

fn owned(status: CommitmentStatus, due: Date, done_on: Option<Date>) -> OwnedCommitment {
    OwnedCommitment { acceptance: Some(Acceptance::Accepted), status: Some(status), due: Some(due), done_on }
}

#[test]
fn owned_commitments_on_time_late_missed() {
    let list = [
        owned(CommitmentStatus::Done, date!(2026 - 03 - 10), Some(date!(2026 - 03 - 10))),
        owned(CommitmentStatus::Done, date!(2026 - 03 - 10), Some(date!(2026 - 03 - 01))),
        owned(CommitmentStatus::Done, date!(2026 - 03 - 10), Some(date!(2026 - 03 - 11))),
        owned(CommitmentStatus::Missed, date!(2026 - 04 - 01), None),
        // Still open after its due date: missed.
        owned(CommitmentStatus::InProgress, date!(2026 - 06 - 14), None),
        // Not yet due.
        owned(CommitmentStatus::Open, date!(2026 - 06 - 15), None),
        // Done, no recorded completion: counted apart.
        owned(CommitmentStatus::Done, date!(2026 - 02 - 01), None),
        // Outside the period, undated, or not accepted: not counted.
        owned(CommitmentStatus::Done, date!(2025 - 12 - 31), Some(date!(2025 - 12 - 01))),
        OwnedCommitment { acceptance: Some(Acceptance::Accepted), status: None, due: None, done_on: None },
        OwnedCommitment { acceptance: Some(Acceptance::Proposed), status: None, due: Some(date!(2026 - 03 - 01)), done_on: None },
    ];
    let f = owned_figures(&list, FROM, TO, TODAY);
    assert_eq!(f, OwnedFigures { due: 7, on_time: 2, late: 1, missed: 2, done_undated: 1, open: 1 });
}

#[test]
fn reviews_on_time_late_overdue_upcoming() {
    let list = [
        ReviewRecord { due: date!(2026 - 02 - 01), held: Some(date!(2026 - 02 - 01)) },
        ReviewRecord { due: date!(2026 - 02 - 01), held: Some(date!(2026 - 02 - 03)) },
        ReviewRecord { due: date!(2026 - 05 - 01), held: None },
        ReviewRecord { due: date!(2026 - 07 - 01), held: None },
        ReviewRecord { due: date!(2027 - 01 - 01), held: None },
    ];
    let f = review_figures(&list, FROM, TO, TODAY);
    assert_eq!(f, ReviewFigures { due: 4, on_time: 1, late: 1, overdue: 1, upcoming: 1 });
}

#[test]
fn acceptance_times_median_and_average() {
    let asked = datetime!(2026-03-01 09:00 UTC);
    let list = [
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::Accepted), accepted_at: Some(datetime!(2026-03-01 11:00 UTC)) },
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::Accepted), accepted_at: Some(datetime!(2026-03-02 09:00 UTC)) },
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::Accepted), accepted_at: Some(datetime!(2026-03-04 09:00 UTC)) },
        // Accepted without a recorded acceptance: counted, but no time.
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::Accepted), accepted_at: None },
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::Declined), accepted_at: None },
        AskedCommitment { asked_at: asked, acceptance: Some(Acceptance::DateProposed), accepted_at: None },
        AskedCommitment { asked_at: asked, acceptance: None, accepted_at: None },
        // Asked before the period.
        AskedCommitment { asked_at: datetime!(2025-12-31 23:00 UTC), acceptance: Some(Acceptance::Accepted), accepted_at: None },
    ];
    let f = asked_figures(&list, FROM, TO);
    assert_eq!((f.asked, f.accepted, f.declined, f.pending), (7, 4, 1, 2));
    assert_eq!(f.median_hours_to_accept, Some(24.0));
    assert_eq!(f.average_hours_to_accept, Some((2.0 + 24.0 + 72.0) / 3.0));
    let even = asked_figures(&list[..2], FROM, TO);
    assert_eq!(even.median_hours_to_accept, Some(13.0));
    assert_eq!(asked_figures(&[], FROM, TO).median_hours_to_accept, None);
}

#[test]
fn quality_as_share_of_scale_and_mean_score_on_one_scale() {
    let one = [RatingRecord { score: 3, scale_min: 1, scale_max: 5 }, RatingRecord { score: 5, scale_min: 1, scale_max: 5 }];
    let f = plan_figures(2, &one);
    assert_eq!(f.ratings, 2);
    assert_eq!(f.average_quality, Some(0.75));
    assert_eq!((f.average_score, f.scale_min, f.scale_max), (Some(4.0), Some(1), Some(5)));
    let mixed = [RatingRecord { score: 1, scale_min: 1, scale_max: 5 }, RatingRecord { score: 10, scale_min: 0, scale_max: 10 }];
    let f = plan_figures(1, &mixed);
    assert_eq!(f.average_quality, Some(0.5));
    assert_eq!(f.average_score, None);
    assert_eq!(plan_figures(0, &[]).average_quality, None);
}

#[test]
fn goal_progress_is_the_mean_of_measured_plans() {
    let f = goal_figures(&[vec![0.5, 1.0], vec![], vec![0.25]]);
    assert_eq!(f.plans_measured, 2);
    assert_eq!(f.average_progress, Some(0.5));
}

#[test]
fn period_rules() {
    assert!(valid_period(FROM, TO));
    assert!(!valid_period(TO, FROM));
    assert!(!valid_period(date!(2000 - 01 - 01), TO));
    assert_eq!(default_from(TODAY), date!(2025 - 06 - 16));
}
