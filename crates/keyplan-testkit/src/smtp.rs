//! A local mail server for tests: speaks enough SMTP (RFC 5321) for a client to
//! log in with AUTH PLAIN or LOGIN and hand over messages, and keeps what it got.
//!
//! Kept by hand on purpose: the tests need a server that records the AUTH
//! credentials and the raw message and runs inside the test's own runtime.
//! The part of SMTP spoken here is small and fixed, less code than the glue a
//! general mail-server crate would need.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message as the server received it.
#[derive(Clone, Debug, Default)]
pub struct Received {
    /// The `user:password` the client authenticated with, if it did.
    pub login: Option<String>,
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// Headers and body, with dot-stuffing undone.
    pub data: String,
}

/// A running SMTP sink on 127.0.0.1. It stops when dropped.
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    /// When set, every RCPT TO is refused with this reply (e.g. `550 no such user`).
    refuse: Arc<Mutex<Option<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the SMTP sink");
        let port = listener.local_addr().expect("sink address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let refuse = Arc::new(Mutex::new(None));
        let (r, f) = (received.clone(), refuse.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, r.clone(), f.clone()));
            }
        });
        SmtpSink { port, received, refuse, task }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("sink lock").clone()
    }

    pub fn refuse_recipients(&self, reply: &str) {
        *self.refuse.lock().expect("sink lock") = Some(reply.to_string());
    }

    /// Waits up to `secs` seconds until `n` messages have arrived.
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            let got = self.received();
            if got.len() >= n || tokio::time::Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn decode_base64(s: &str) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.trim().bytes().filter(|&c| c != b'=') {
        let Some(v) = ABC.iter().position(|&a| a == c) else { continue };
        bits = (bits << 6) | v as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn session(stream: TcpStream, received: Arc<Mutex<Vec<Received>>>, refuse: Arc<Mutex<Option<String>>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut current = Received::default();
    let mut login: Option<String> = None;
    macro_rules! reply {
        ($s:expr) => {
            if write.write_all(format!("{}\r\n", $s).as_bytes()).await.is_err() {
                return;
            }
        };
    }
    reply!("220 sink.test ESMTP ready");
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            reply!("250-sink.test greets you\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        } else if upper.starts_with("HELO") {
            reply!("250 sink.test");
        } else if upper.starts_with("AUTH PLAIN") {
            let arg = line[10..].trim().to_string();
            let arg = if arg.is_empty() {
                reply!("334 ");
                lines.next_line().await.ok().flatten().unwrap_or_default()
            } else {
                arg
            };
            let parts: Vec<String> = decode_base64(&arg).split('\0').map(str::to_string).collect();
            login = Some(format!("{}:{}", parts.get(1).cloned().unwrap_or_default(), parts.get(2).cloned().unwrap_or_default()));
            reply!("235 2.7.0 Authentication successful");
        } else if upper.starts_with("AUTH LOGIN") {
            reply!("334 VXNlcm5hbWU6");
            let user = decode_base64(&lines.next_line().await.ok().flatten().unwrap_or_default());
            reply!("334 UGFzc3dvcmQ6");
            let pass = decode_base64(&lines.next_line().await.ok().flatten().unwrap_or_default());
            login = Some(format!("{user}:{pass}"));
            reply!("235 2.7.0 Authentication successful");
        } else if upper.starts_with("MAIL FROM:") {
            current = Received { login: login.clone(), mail_from: line[10..].trim().to_string(), ..Received::default() };
            reply!("250 2.1.0 OK");
        } else if upper.starts_with("RCPT TO:") {
            let refusal = refuse.lock().expect("sink lock").clone();
            match refusal {
                Some(r) => reply!(r),
                None => {
                    current.rcpt_to.push(line[8..].trim().to_string());
                    reply!("250 2.1.5 OK");
                }
            }
        } else if upper == "DATA" {
            reply!("354 End data with <CR><LF>.<CR><LF>");
            let mut data = String::new();
            while let Ok(Some(l)) = lines.next_line().await {
                if l == "." {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
                data.push('\n');
            }
            current.data = data;
            received.lock().expect("sink lock").push(std::mem::take(&mut current));
            reply!("250 2.0.0 queued");
        } else if upper == "RSET" || upper == "NOOP" {
            reply!("250 OK");
        } else if upper == "QUIT" {
            reply!("221 2.0.0 bye");
            return;
        } else {
            reply!("502 5.5.2 not implemented");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_decodes() {
        assert_eq!(super::decode_base64("AGFubgBzM2NyZXQ="), "\0ann\0s3cret");
        assert_eq!(super::decode_base64("VXNlcm5hbWU6"), "Username:");
    }
}
