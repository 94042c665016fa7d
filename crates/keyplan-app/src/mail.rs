//! Notifications by e-mail. When `[smtp]` is enabled, a background task mails
//! every new in-app notification to its user, once; the in-app list stays the
//! record, mail is only a nudge.

use std::time::Duration;

use anyhow::{Context, Result};
use keyplan_store::{Store, Unmailed};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::{SmtpConfig, SmtpTls};
use keyplan_i18n::Tr;

/// Notifications older than this when mail is switched on are not mailed.
const BACKLOG: time::Duration = time::Duration::days(2);
/// Mails per round; the rest waits for the next round.
const BATCH: i64 = 50;

/// A configured connection to the mail server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Where links in mails point (`https://plans.example.com`).
    base_url: String,
}

impl Mailer {
    /// Checks the settings; a wrong sender address is refused at start-up, not
    /// at the first notification.
    pub fn new(cfg: &SmtpConfig, base_url: &str) -> Result<Mailer> {
        let from: Mailbox = cfg.from.parse().with_context(|| format!("smtp.from is not an e-mail address: {:?}", cfg.from))?;
        let mut builder = match cfg.tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host).context("smtp.host")?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host).context("smtp.host")?,
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host),
        }
        .port(cfg.port)
        .timeout(Some(Duration::from_secs(30)));
        if !cfg.username.is_empty() {
            builder = builder.credentials(Credentials::new(cfg.username.clone(), cfg.password.clone()));
        }
        Ok(Mailer { transport: builder.build(), from, base_url: base_url.trim_end_matches('/').to_string() })
    }

    /// The e-mail for one notification.
    pub fn compose(&self, n: &Unmailed) -> Result<Message> {
        let to = Mailbox::new(Some(n.name.clone()), n.email.parse().with_context(|| format!("not an e-mail address: {}", n.email))?);
        let link = if n.link.starts_with('/') { format!("{}{}", self.base_url, n.link) } else { n.link.clone() };
        // In the recipient's language when they chose one (a mail has no browser to ask).
        let t = Tr::new(n.language.unwrap_or_default());
        let message = t.msg(&n.message());
        let all = format!("{}/me/notifications", self.base_url);
        let body = format!(
            "{}\n\n{message}\n\n{}\n{link}\n\n-- \n{}\n{}\n",
            t.s1("mail-hello", "name", &n.name),
            t.s("mail-open"),
            t.s("mail-why"),
            t.s1("mail-all", "link", all),
        );
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject(&n.kind, &message, t))
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .context("composing the e-mail")
    }
}

/// A short subject line: what happened, then as much of the message as fits.
fn subject(kind: &str, message: &str, t: Tr) -> String {
    let topic = match kind {
        "commitment_proposed"
        | "commitment_answered"
        | "commitment_due"
        | "commitment_overdue"
        | "review_due"
        | "plan_update_due"
        | "comment"
        | "customer_comment"
        | "customer_answer" => t.s(&format!("mail-topic-{kind}")),
        _ => "keyplan".to_string(),
    };
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{topic}: {}", crate::collab::shorten(&line, 70))
}

/// How long a round's claim on its notifications holds. A server that dies
/// mid-round leaves its claim to lapse; then another server mails them.
pub const CLAIM: time::Duration = time::Duration::minutes(5);

/// Mails the pending notifications once. Answers how many were sent. The round
/// first claims its notifications in the database, so servers sharing it never
/// mail one twice. A server that cannot be reached ends the round (the rest is
/// let go for the next round); a message the server refuses for good is logged
/// and not tried again.
pub async fn send_pending(store: &Store, mailer: &Mailer) -> Result<usize> {
    let since = time::OffsetDateTime::now_utc() - BACKLOG;
    let claim = format!("{}-{}", crate::jobs::instance_id(), &crate::auth::random_token()[..16]);
    let pending = store.claim_unmailed(&claim, since, CLAIM, BATCH).await?;
    let mut sent = 0;
    for n in pending {
        let message = match mailer.compose(&n) {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(notification = n.id.get(), error = %e, "notification cannot be mailed");
                store.mark_claimed_emailed(n.id).await?;
                continue;
            }
        };
        match mailer.transport.send(message).await {
            Ok(_) => {
                store.mark_claimed_emailed(n.id).await?;
                sent += 1;
            }
            Err(e) if e.is_permanent() => {
                tracing::warn!(notification = n.id.get(), error = %e, "mail server refused the notification");
                store.mark_claimed_emailed(n.id).await?;
            }
            Err(e) => {
                tracing::warn!(error = %e, "mail server unreachable; trying again later");
                store.release_unmailed(&claim).await?;
                break;
            }
        }
    }
    Ok(sent)
}

/// Runs [`send_pending`] every `every`.
pub fn spawn_mailer(store: Store, mailer: Mailer, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match send_pending(&store, &mailer).await {
                Ok(n) if n > 0 => tracing::info!(sent = n, "notifications mailed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = ?e, "mailing notifications failed"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailer() -> Mailer {
        let cfg = SmtpConfig { from: "keyplan <plans@example.com>".into(), tls: SmtpTls::None, ..SmtpConfig::default() };
        Mailer::new(&cfg, "https://plans.example.com/").unwrap()
    }

    /// A notification as stored, from its English text.
    fn unmailed(message: &str) -> Unmailed {
        let message = keyplan_store::legacy_text::notification("commitment_proposed", message);
        Unmailed {
            id: keyplan_domain::NotificationId::new(7),
            kind: "commitment_proposed".into(),
            email: "ben@example.com".into(),
            name: "Ben Ode".into(),
            message_code: message.code,
            message_args: keyplan_store::MessageArgs(message.args),
            link: "/plans/3#node-9".into(),
            language: None,
        }
    }

    /// The mail as a reader sees it: soft line breaks joined, `=C3=B6` decoded.
    fn quoted_printable(s: &str) -> String {
        let s = s.replace("=\r\n", "");
        let mut bytes = Vec::new();
        let mut it = s.bytes();
        while let Some(b) = it.next() {
            match (b, it.clone().next(), it.clone().nth(1)) {
                (b'=', Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                    bytes.push(u8::from_str_radix(&format!("{}{}", h as char, l as char), 16).unwrap());
                    it.next();
                    it.next();
                }
                _ => bytes.push(b),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn a_german_reader_gets_a_german_mail() {
        let mut n = unmailed("Lena Hoffmann proposed a commitment to you: Run the trial");
        n.language = Some(keyplan_domain::Lang::De);
        let m = mailer().compose(&n).unwrap();
        let text = quoted_printable(&String::from_utf8(m.formatted()).unwrap());
        assert!(text.contains("Hallo Ben Ode,"), "{text}");
        assert!(text.contains("Subject: Zusage "), "the subject is German too: {text}");
        let unfolded = text.replace("\r\n ", " ");
        assert!(unfolded.contains("Lena Hoffmann hat Ihnen eine Zusage vorgeschlagen: Run the trial"), "{text}");
        assert!(text.contains("In keyplan öffnen:"), "{text}");
        assert!(!text.contains("proposed a commitment to you"), "{text}");
        let english = mailer().compose(&unmailed("Lena Hoffmann proposed a commitment to you: Run the trial")).unwrap();
        let english = String::from_utf8(english.formatted()).unwrap();
        assert!(english.contains("Subject: Commitment for you: Lena Hoffmann proposed"), "{english}");
        assert!(english.contains("Hello Ben Ode,"), "{english}");
    }

    #[test]
    fn a_wrong_sender_is_refused_at_start() {
        let cfg = SmtpConfig { from: "not an address".into(), ..SmtpConfig::default() };
        let err = Mailer::new(&cfg, "http://x").err().expect("refused").to_string();
        assert!(err.contains("smtp.from"), "{err}");
    }

    #[test]
    fn the_mail_links_to_the_item_and_names_the_person() {
        let m = mailer().compose(&unmailed("Ann proposed a commitment to you: Win the tender")).unwrap();
        // Long headers are folded onto continuation lines.
        let text = String::from_utf8(m.formatted()).unwrap().replace("\r\n ", " ");
        assert!(text.contains("To: \"Ben Ode\" <ben@example.com>"), "{text}");
        assert!(text.contains("From: keyplan <plans@example.com>"), "{text}");
        assert!(text.contains("Subject: Commitment for you: Ann proposed a commitment to you: Win the tender"), "{text}");
        assert!(text.contains("https://plans.example.com/plans/3#node-9"), "{text}");
        assert!(text.contains("Hello Ben Ode,"), "{text}");
    }

    #[test]
    fn a_message_cannot_add_headers() {
        let m = mailer().compose(&unmailed("Line one\r\nBcc: someone@evil.example")).unwrap();
        let text = String::from_utf8(m.formatted()).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(!headers.lines().any(|l| l.starts_with("Bcc:")), "{headers}");
    }

    #[test]
    fn long_subjects_are_cut() {
        let s = subject("comment", &"word ".repeat(40), Tr::default());
        assert!(s.starts_with("New comment: word word"));
        assert!(s.chars().count() <= 13 + 70, "{s}");
        assert!(s.ends_with('\u{2026}'));
    }

    #[test]
    fn a_bad_recipient_is_not_composed() {
        let mut n = unmailed("x");
        n.email = "nobody".into();
        assert!(mailer().compose(&n).is_err());
    }
}
