//! Text answers over 1 KB go out gzip-compressed when the client accepts it,
//! and decompress to the same answer; small answers, clients that accept
//! nothing else, and PDFs pass as they are.

use std::io::Read;

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn pages_and_api_answers_are_compressed_when_the_client_accepts_it() {
    let app = TestApp::spawn().await;
    app.user("Acme", "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let kim = app.api("kim@acme.test").await;
    let account = kim.account("Northwind").await;
    let plan = kim.plan(account, "Northwind FY27 COMPRESSME").await;
    kim.skeleton(plan).await;
    let get = |path: String, encoding: Option<&'static str>| {
        let (client, base, token) = (kim.client.clone(), kim.base.clone(), kim.token.clone());
        async move {
            let mut req = client.get(format!("{base}{path}")).bearer_auth(token);
            if let Some(e) = encoding {
                req = req.header("accept-encoding", e);
            }
            let res = req.send().await.unwrap();
            let encoding = res.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_string());
            (res.status(), encoding, res.bytes().await.unwrap().to_vec())
        }
    };
    let (s, none, plain) = get(format!("/api/v1/plans/{plan}"), None).await;
    assert_eq!((s, none), (StatusCode::OK, None), "no Accept-Encoding: as it is");
    assert!(plain.len() > 1024, "{}", plain.len());
    let (s, gz, zipped) = get(format!("/api/v1/plans/{plan}"), Some("gzip")).await;
    assert_eq!((s, gz.as_deref()), (StatusCode::OK, Some("gzip")));
    assert!(zipped.len() < plain.len() / 2, "{} of {}", zipped.len(), plain.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&zipped[..]).read_to_end(&mut unzipped).unwrap();
    assert_eq!(unzipped, plain, "the same answer");
    // Brotli costs twice gzip's time for a tenth fewer bytes: gzip it is.
    let (_, enc, _) = get(format!("/api/v1/plans/{plan}"), Some("br;q=1.0, gzip;q=0.5")).await;
    assert_eq!(enc.as_deref(), Some("gzip"));
    let (_, enc, _) = get(format!("/api/v1/plans/{plan}"), Some("br")).await;
    assert_eq!(enc, None);
    let (_, _, json) = get(format!("/api/v1/plans/{plan}"), Some("identity")).await;
    assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());

    // Small answers and PDFs are not worth it.
    let (s, small, _) = get("/api/v1/me".into(), Some("gzip")).await;
    assert_eq!((s, small), (StatusCode::OK, None));
    let (s, pdf, _) = get(format!("/api/v1/plans/{plan}/export?format=pdf&layout=compact"), Some("gzip")).await;
    assert_eq!((s, pdf), (StatusCode::OK, None), "PDFs are compressed already");
}
