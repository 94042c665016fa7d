//! Issue 15, point 3: one source of truth for a plan's length. The size chip,
//! the section budgets, the plan API and the PDF agree: a plan is flagged
//! over its page budget exactly when its PDF takes more pages than the budget.

use reqwest::StatusCode;

use crate::helpers::commitment;
use crate::pdf::{fetch, normal_plan, page_sizes};

#[tokio::test]
async fn the_size_chip_the_section_budgets_and_the_pdf_agree() {
    let (p, _) = normal_plan().await;
    let session = p.app.login("kim@acme.test").await;

    // The reference plan: its PDF is one page, and nothing says otherwise.
    let (s, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{plan}");
    let length = &plan["length"];
    assert_eq!(
        (length["printed"].as_bool(), length["pages"].as_f64(), length["over"].as_bool()),
        (Some(true), Some(1.0), Some(false)),
        "{length}"
    );
    assert_eq!(plan["length_label"], "1 of 1 page");
    let (_, page) = session.get(&format!("/plans/{}", p.plan)).await;
    assert!(page.contains("PDF: 1 of 1 page"), "the chip names the PDF's pages");
    assert!(!page.contains("size-chip over") && !page.contains("Over budget."), "nothing is flagged");
    let (s, _, pdf) = fetch(&p.api, &format!("/api/v1/plans/{}/export?format=pdf", p.plan)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page_sizes(&pdf).len(), 1);

    // Grown until even the smallest readable size needs a second page.
    let obstacle = p.tree[3];
    let long = "and the plant managers of all three sites sign the service level agreement with measured response times";
    for k in 0..36 {
        commitment(&p.api, p.plan, obstacle, p.kam.id.get(), &format!("Commitment {k}: purchasing, engineering {long}"), "2027-05-31")
            .await;
    }
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    let length = &plan["length"];
    assert_eq!((length["printed"].as_bool(), length["over"].as_bool()), (Some(true), Some(true)), "{length}");
    let pages = length["pages"].as_f64().unwrap();
    assert!(pages >= 2.0, "{length}");
    let label = format!("{pages} of 1 page");
    assert_eq!(plan["length_label"], label.as_str());

    // The page flags it, and names the section over its own budget as where to cut.
    let (_, page) = session.get(&format!("/plans/{}", p.plan)).await;
    assert!(page.contains(&format!("PDF: {label} · over budget")), "the chip is over");
    assert!(page.contains("size-chip over"));
    assert!(page.contains("Over budget.") && page.contains("From goal to commitments: "), "the over-long section is named");

    // And the one-page PDF indeed does not fit: it says how many pages it would take, the same count.
    let (s, _, body) = fetch(&p.api, &format!("/api/v1/plans/{}/export?format=pdf", p.plan)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("too_big_for_one_page") && body.contains(&format!("({pages} pages)")), "{body}");
}
