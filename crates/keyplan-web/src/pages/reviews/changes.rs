//! What changed since the last review: the rendering lives in
//! `keyplan_export::changes`, shared with the meeting agenda; this test pins
//! the English labels of the review page against the domain's.

pub use keyplan_export::changes::{ChangeGroup, grouped, snapshot_label};

#[cfg(test)]
mod i18n_tests {
    use crate::pages::plan::reviews_card::cadence_label;
    use keyplan_domain::review::Signoff;

    use keyplan_domain::Lang;
    use keyplan_domain::analysis::Benefit;
    use keyplan_domain::review::ReviewKind;
    use keyplan_i18n::Tr;

    #[test]
    fn i18n_english_review_labels_match_the_domain() {
        let en = Tr::new(Lang::En);
        for k in ReviewKind::ALL {
            assert_eq!(en.enum_label("review-kind", k.as_str()), k.label());
        }
        for s in [Signoff::Approved, Signoff::ChangesRequested] {
            assert_eq!(en.enum_label("review-signoff", s.as_str()), s.label());
        }
        for b in Benefit::ALL {
            assert_eq!(en.enum_label("review-benefit", b.as_str()), b.label());
        }
        assert_eq!(cadence_label(3, en), "quarterly");
        assert_eq!(cadence_label(4, en), "every 4 months");
    }
}
