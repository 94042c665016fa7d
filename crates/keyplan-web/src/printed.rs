//! A plan's length as the typesetter counts it, for the plan page and the
//! plan API (issue 15: the size chip, the section budgets and the PDF agree).
//!
//! The count is remembered per printed content (`keyplan_pdf::page_count`), so
//! an unchanged plan costs the mapping to the PDF model and a hash; the first
//! read after an edit typesets it once on a blocking thread.

use keyplan_app::bundle::PlanBundle;

/// Sets `b.printed_pages` to its PDF's page count in the reader's language.
/// If typesetting fails (a bug, logged), the plan keeps its estimated length.
pub async fn count_pages(b: &mut PlanBundle) {
    let lang = keyplan_export::pdf::pdf_lang(crate::lang::current());
    let doc = keyplan_export::pdf::document(b, lang, false);
    if let Some(n) = keyplan_export::pdf::remembered_page_count(&doc) {
        b.printed_pages = Some(n);
        return;
    }
    match keyplan_export::typeset(move || keyplan_export::pdf::page_count_of(&doc)).await {
        Ok(Ok(n)) => b.printed_pages = Some(n),
        Ok(Err(e)) => tracing::error!(plan = b.plan.id.get(), error = %e, "counting the plan's printed pages failed"),
        Err(e) => tracing::error!(plan = b.plan.id.get(), error = %e, "counting the plan's printed pages stopped"),
    }
}
