//! The manager's judgement of a plan's quality (issue 17, seed 002): the
//! organisation's rating scale (the setting `quality_scale`) and the checks on
//! one rating. A scale is whole steps from `min` to `max` with one label per
//! step, in JSON `{"min": 1, "max": 5, "labels": ["Poor", …, "Excellent"]}`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Message;
use crate::validate::FieldError;

/// The lowest step a scale may start at.
pub const SCALE_FLOOR: i32 = 0;
/// The highest step a scale may end at.
pub const SCALE_CEILING: i32 = 100;
/// The most steps a scale may have.
pub const MAX_STEPS: usize = 11;
/// The longest label of a step, in characters.
pub const MAX_LABEL: usize = 60;
/// The longest comment on a rating, in characters.
pub const MAX_COMMENT: usize = 4000;

/// The organisation's rating scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualityScale {
    pub min: i32,
    pub max: i32,
    /// One label per step, from `min` up.
    pub labels: Vec<String>,
}

impl Default for QualityScale {
    /// 1 to 5.
    fn default() -> Self {
        QualityScale { min: 1, max: 5, labels: ["Poor", "Weak", "Adequate", "Good", "Excellent"].map(String::from).to_vec() }
    }
}

impl QualityScale {
    /// Reads a scale from its JSON form, checked; the message says what is wrong.
    pub fn from_json(v: &Value) -> Result<QualityScale, Message> {
        let bad = || Message::new("settings-err-scale").arg("min", i64::from(SCALE_FLOOR)).arg("max", i64::from(SCALE_CEILING));
        let o = v.as_object().ok_or_else(bad)?;
        if o.keys().any(|k| !["min", "max", "labels"].contains(&k.as_str())) {
            return Err(bad());
        }
        let step = |k: &str| o.get(k).and_then(Value::as_i64).and_then(|n| i32::try_from(n).ok());
        let (Some(min), Some(max)) = (step("min"), step("max")) else { return Err(bad()) };
        let labels = o
            .get("labels")
            .and_then(Value::as_array)
            .and_then(|a| a.iter().map(|l| l.as_str().map(|s| s.trim().to_string())).collect::<Option<Vec<_>>>())
            .ok_or_else(bad)?;
        let scale = QualityScale { min, max, labels };
        scale.check()?;
        Ok(scale)
    }

    /// The scale's own rules: `min < max` within the bounds, at most
    /// [`MAX_STEPS`] steps, and a non-empty label of at most [`MAX_LABEL`]
    /// characters for each.
    pub fn check(&self) -> Result<(), Message> {
        let steps = self.steps();
        if self.min < SCALE_FLOOR || self.max > SCALE_CEILING || self.min >= self.max || steps > MAX_STEPS {
            return Err(Message::new("settings-err-scale").arg("min", i64::from(SCALE_FLOOR)).arg("max", i64::from(SCALE_CEILING)));
        }
        if self.labels.len() != steps {
            return Err(Message::new("settings-err-scale-labels").arg("count", steps as i64));
        }
        if self.labels.iter().any(|l| l.trim().is_empty() || l.chars().count() > MAX_LABEL || l.chars().any(char::is_control)) {
            return Err(Message::new("settings-err-scale-label").arg("max", MAX_LABEL as i64));
        }
        Ok(())
    }

    /// How many steps the scale has.
    pub fn steps(&self) -> usize {
        usize::try_from(self.max - self.min + 1).unwrap_or(0)
    }

    /// The label of `score`, if it is a step of the scale.
    pub fn label(&self, score: i32) -> Option<&str> {
        let i = usize::try_from(score.checked_sub(self.min)?).ok()?;
        self.labels.get(i).map(String::as_str)
    }

    /// Checks a manager's rating against this scale: the score a step, the
    /// comment present (trimmed, at most [`MAX_COMMENT`] characters, no control
    /// characters but line breaks and tabs). Answers the trimmed comment.
    pub fn rating(&self, score: i64, comment: &str) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !(i64::from(self.min)..=i64::from(self.max)).contains(&score) {
            let m = Message::new("rating-err-score").arg("min", i64::from(self.min)).arg("max", i64::from(self.max));
            errors.push(FieldError::new("score", m));
        }
        let comment = comment.trim();
        if comment.is_empty() {
            errors.push(FieldError::new("comment", Message::new("rating-err-comment")));
        } else if comment.chars().count() > MAX_COMMENT || comment.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            errors.push(FieldError::new("comment", Message::new("rating-err-comment-long").arg("max", MAX_COMMENT as i64)));
        }
        if errors.is_empty() { Ok(comment.to_string()) } else { Err(errors) }
    }
}

/// Who rates a plan's quality: a manager or an administrator (a KAM never
/// rates, not even another KAM's plan).
pub fn can_rate(actor: crate::permissions::Actor) -> bool {
    crate::permissions::can_approve_plans(actor)
}

/// Who reads a plan's ratings and their comments: managers, administrators,
/// and the plan's own KAM; no one else (other KAMs, members, viewers).
pub fn can_read_ratings(actor: crate::permissions::Actor, is_plans_kam: bool) -> bool {
    crate::permissions::can_approve_plans(actor) || is_plans_kam
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_default_scale_is_one_to_five_with_labels() {
        let s = QualityScale::default();
        assert!(s.check().is_ok());
        assert_eq!((s.steps(), s.label(1), s.label(5), s.label(6), s.label(0)), (5, Some("Poor"), Some("Excellent"), None, None));
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            json!({"min": 1, "max": 5, "labels": ["Poor", "Weak", "Adequate", "Good", "Excellent"]})
        );
        assert_eq!(QualityScale::from_json(&serde_json::to_value(&s).unwrap()).unwrap(), s);
    }

    #[test]
    fn a_scale_is_checked() {
        let ok = QualityScale::from_json(&json!({"min": 0, "max": 2, "labels": [" no ", "partly", "yes"]})).unwrap();
        assert_eq!(ok.labels, ["no", "partly", "yes"], "labels are trimmed");
        for bad in [
            json!(5),
            json!({"min": 1, "max": 1, "labels": ["one"]}),
            json!({"min": 3, "max": 1, "labels": []}),
            json!({"min": 1, "max": 3, "labels": ["a", "b"]}),
            json!({"min": 1, "max": 3, "labels": ["a", "", "c"]}),
            json!({"min": 1, "max": 3, "labels": ["a", 2, "c"]}),
            json!({"min": 1, "max": 20, "labels": []}),
            json!({"min": -1, "max": 1, "labels": ["a", "b", "c"]}),
            json!({"min": 1, "max": 2, "labels": ["a", "b"], "colour": "red"}),
            json!({"min": 1.5, "max": 2, "labels": ["a", "b"]}),
        ] {
            assert!(QualityScale::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_rating_is_a_step_of_the_scale_with_a_comment() {
        let s = QualityScale::default();
        assert_eq!(s.rating(4, "  Clear goals. ").unwrap(), "Clear goals.");
        let fields = |e: Vec<FieldError>| e.into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(s.rating(0, "x").unwrap_err()), ["score"]);
        assert_eq!(fields(s.rating(6, " ").unwrap_err()), ["score", "comment"]);
        assert_eq!(fields(s.rating(3, &"x".repeat(MAX_COMMENT + 1)).unwrap_err()), ["comment"]);
        assert!(s.rating(3, "line one\nline two").is_ok());
    }

    #[test]
    fn managers_rate_and_the_plans_kam_reads() {
        use crate::permissions::Actor;
        use crate::{Role, UserId};
        let a = |role| Actor { user_id: UserId::new(1), role };
        assert!(can_rate(a(Role::Manager)) && can_rate(a(Role::Admin)));
        assert!(!can_rate(a(Role::Kam)) && !can_rate(a(Role::Member)));
        assert!(can_read_ratings(a(Role::Kam), true), "the plan's own KAM");
        assert!(!can_read_ratings(a(Role::Kam), false), "another KAM");
        assert!(!can_read_ratings(a(Role::Viewer), false));
        assert!(can_read_ratings(a(Role::Manager), false));
    }
}
