//! Notifications by e-mail, against a local SMTP server: a commitment proposed to
//! someone reaches them as a mail with a link back, once; a refused recipient is
//! not retried; an unreachable server keeps the mail for later.

use keyplan_app::SmtpTls;
use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use keyplan_testkit::smtp::SmtpSink;

use crate::helpers::{ORG, commitment};

async fn mailing_app(port: u16) -> TestApp {
    TestApp::spawn_configured(|c| {
        c.public_url = "https://plans.example.com/".into();
        c.smtp.enabled = true;
        c.smtp.host = "127.0.0.1".into();
        c.smtp.port = port;
        c.smtp.tls = SmtpTls::None;
        c.smtp.username = "planner".into();
        c.smtp.password = "s3cret".into();
        c.smtp.from = "keyplan <plans@acme.test>".into();
        c.smtp.interval_seconds = 1;
    })
    .await
}

/// A plan of Kim's with a commitment proposed to Mel.
async fn propose(app: &TestApp, title: &str) {
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mel = app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Globex Chemicals").await;
    let plan = api.plan(account, "Globex plan 2027").await;
    let tree = api.skeleton(plan).await;
    commitment(&api, plan, tree[3], mel.id.get(), title, "2027-03-31").await;
}

async fn unmailed(app: &TestApp) -> usize {
    let since = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    app.store.unmailed_notifications(since, 100).await.unwrap().len()
}

#[tokio::test]
async fn a_proposed_commitment_is_mailed_once_with_a_link_back() {
    let sink = SmtpSink::start().await;
    let app = mailing_app(sink.port).await;
    propose(&app, "Run a line trial").await;

    let got = sink.wait_for(1, 15).await;
    assert_eq!(got.len(), 1, "one mail for one notification");
    let mail = &got[0];
    assert_eq!(mail.login.as_deref(), Some("planner:s3cret"), "logs in with the configured credentials");
    assert_eq!(mail.mail_from, "<plans@acme.test>");
    assert_eq!(mail.rcpt_to, vec!["<mel@acme.test>".to_string()]);
    let data = mail.data.replace("\n ", " ");
    assert!(data.contains("Subject: Commitment for you: Kim Kamara proposed a commitment to you: Run a line trial"), "{}", mail.data);
    assert!(mail.data.contains("Hello Mel Member,"), "{}", mail.data);
    // The link opens the proposal where it can be answered; the footer lists all notifications.
    assert!(mail.data.contains("\nhttps://plans.example.com/me/commitments\n"), "{}", mail.data);
    assert!(mail.data.contains("https://plans.example.com/me/notifications"), "{}", mail.data);

    // Marked as mailed: later rounds send nothing more.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(sink.received().len(), 1, "not mailed twice");
    assert_eq!(unmailed(&app).await, 0);
}

#[tokio::test]
async fn a_refused_recipient_is_not_tried_again() {
    let sink = SmtpSink::start().await;
    sink.refuse_recipients("550 5.1.1 no such mailbox");
    let app = mailing_app(sink.port).await;
    propose(&app, "Host a plant visit").await;
    for _ in 0..100 {
        if unmailed(&app).await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(unmailed(&app).await, 0, "a permanent refusal is final");
    assert!(sink.received().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_keeps_the_mail_for_later() {
    // A port that was free a moment ago: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = mailing_app(port).await;
    propose(&app, "Write the case study").await;
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(unmailed(&app).await, 1, "kept for the next round");
    // The in-app notification is there all the same.
    let mel = app.api("mel@acme.test").await;
    let (_, n) = mel.get("/me/notifications").await;
    assert_eq!(n["unread"], 1, "{n}");
}

#[tokio::test]
async fn mail_is_off_unless_configured() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_configured(|c| {
        c.smtp.host = "127.0.0.1".into();
        c.smtp.port = sink.port;
        c.smtp.tls = SmtpTls::None;
        c.smtp.interval_seconds = 1;
    })
    .await;
    propose(&app, "Share the forecast").await;
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert!(sink.received().is_empty(), "disabled by default");
}
