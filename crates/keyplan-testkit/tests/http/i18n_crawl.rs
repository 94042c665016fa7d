//! No English left in the German interface: an administrator of the demo
//! organisation, with German as their language, follows every link from the
//! accounts list (every account, plan, view, review, admin page…). On each page
//! the people's own content (plan texts, names, notes, all in English in the
//! demo) is taken away; what is left is the interface, and it must not read as
//! English.

use std::collections::{BTreeMap, HashSet, VecDeque};

use keyplan_testkit::{Api, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::id;

const ADMIN: &str = "katrin.vogel@northwind.example";
const DEMO_PASSWORD: &str = "keyplan-demo";

/// Words that are English and not German (common German words such as "in",
/// "an", "was", "will", "also" are left out).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
    "your",
    "you",
    "this",
    "that",
    "these",
    "is",
    "are",
    "were",
    "be",
    "been",
    "not",
    "yet",
    "has",
    "have",
    "by",
    "from",
    "on",
    "at",
    "or",
    "as",
    "it",
    "can",
    "should",
    "there",
    "their",
    "what",
    "which",
    "who",
    "when",
    "where",
    "how",
    "why",
    "any",
    "each",
    "every",
    "here",
    "into",
    "out",
    "more",
    "than",
    "then",
    "only",
    "just",
    "about",
    "after",
    "before",
    "add",
    "edit",
    "save",
    "delete",
    "remove",
    "new",
    "open",
    "show",
    "hide",
    "none",
    "owner",
    "due",
    "goal",
    "goals",
    "contact",
    "contacts",
    "commitment",
    "commitments",
    "review",
    "reviews",
    "since",
    "until",
    "days",
    "day",
    "week",
    "month",
    "months",
    "year",
    "years",
];

/// Every string in `v` under a key that holds people's content (keys ending in
/// `label` hold interface texts and are left out).
fn strings(v: &Value, key: &str, out: &mut HashSet<String>) {
    match v {
        Value::String(s) if !key.ends_with("label") && s.chars().count() >= 3 => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, k, out)),
        _ => {}
    }
}

/// The demo's own content: what people wrote, as the API hands it out.
async fn content(api: &Api) -> HashSet<String> {
    let mut out = HashSet::new();
    let (_, accounts) = api.get("/accounts").await;
    strings(&accounts, "", &mut out);
    let (_, users) = api.get("/users").await;
    strings(&users, "", &mut out);
    // What administrators and managers wrote: offerings, the value statement, the templates
    // as stored, the reasons for exceptions to the plan limits.
    for path in ["/offerings", "/organisation/value-discipline", "/templates", "/organisation/limit-exceptions"] {
        let (_, v) = api.get(path).await;
        strings(&v, "", &mut out);
    }
    let (_, templates) = api.get("/templates").await;
    for t in templates.as_array().expect("templates") {
        let (_, v) = api.get(&format!("/templates/{}", t["key"].as_str().expect("a key"))).await;
        strings(&v, "", &mut out);
    }
    for a in accounts.as_array().expect("accounts") {
        let a = id(a);
        for path in [
            format!("/accounts/{a}/contacts"),
            format!("/accounts/{a}/whitespace"),
            format!("/accounts/{a}/business-units"),
            format!("/accounts/{a}/opportunities"),
        ] {
            let (_, v) = api.get(&path).await;
            strings(&v, "", &mut out);
        }
        let (_, plans) = api.get(&format!("/accounts/{a}/plans")).await;
        for p in plans.as_array().expect("plans") {
            let p = id(p);
            for path in [
                format!("/plans/{p}/export?format=json&lang=en"),
                format!("/plans/{p}/reviews"),
                format!("/plans/{p}/comments"),
                format!("/plans/{p}/share-links"),
            ] {
                let (_, v) = api.get(&path).await;
                strings(&v, "", &mut out);
            }
        }
    }
    out
}

/// The page's text as a reader meets it: tag contents, placeholders, titles
/// and labels, entities decoded; scripts, styles and code left out.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tag_end = rest[start..].find('>').map(|e| start + e + 1).unwrap_or(rest.len());
        let tag = &rest[start..tag_end];
        for attr in ["placeholder=\"", "title=\"", "aria-label=\"", "alt=\""] {
            if let Some(i) = tag.find(attr) {
                let v = &tag[i + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        let lower = tag.to_ascii_lowercase();
        rest = &rest[tag_end..];
        // `code` shows identifiers (a coach rule's id, a template key), the same in every language.
        for skip in ["script", "style", "code"] {
            if lower.starts_with(&format!("<{skip}")) {
                let close = format!("</{skip}>");
                rest = rest.find(&close).map(|e| &rest[e + close.len()..]).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    decode(&out)
}

/// Decodes the entities askama and the templates write (`&amp;`, `&#38;`, `&#x27;` …).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e <= 8) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// English words left in `text` once the people's content is taken away, with some context.
fn english_in(text: &str, content: &[String]) -> Vec<String> {
    let mut text = text.to_string();
    for c in content {
        // Long texts may be shown shortened (the timeline cuts titles): take away
        // as much of the text as the page shows, from its first 24 characters on.
        let head: String = c.chars().take(24).collect();
        while let Some(p) = text.find(&head) {
            let mut end = p;
            for (a, b) in text[p..].chars().zip(c.chars()) {
                if a != b {
                    break;
                }
                end += a.len_utf8();
            }
            text.replace_range(p..end, " ");
        }
    }
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let acronym = w.len() > 1 && w.chars().all(|c| c.is_uppercase());
        if !acronym && ENGLISH.contains(&w.to_lowercase().as_str()) {
            let before = words[i.saturating_sub(4)..i].join(" ");
            let after = words[i + 1..(i + 5).min(words.len())].join(" ");
            found.push(format!("{before} [{w}] {after}"));
        }
    }
    found
}

/// Links to follow: pages of this site, not files, not signing out.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        rest = &rest[i + 6..];
        let end = rest.find('"').unwrap_or(0);
        let href = rest[..end].replace("&amp;", "&");
        let href = href.split('#').next().unwrap_or("").to_string();
        let file = [".pdf", ".xlsx", ".md", ".json", ".ics", ".svg", ".css", ".js"]
            .iter()
            .any(|x| href.split('?').next().unwrap_or("").ends_with(x));
        if href.starts_with('/') && !href.starts_with("/static") && !href.starts_with("/logout") && !href.starts_with("/s/") && !file {
            out.push(href);
        }
    }
    out
}

#[tokio::test]
async fn no_english_is_left_in_the_german_interface() {
    let app = TestApp::spawn_demo().await;
    let session = app.try_login(ADMIN, DEMO_PASSWORD).await.expect("the demo administrator signs in");
    let api = app.api(ADMIN).await;
    // German as the administrator's own setting.
    let (s, body) = api.call(Method::PUT, "/me/language", Some(json!({"language": "de"}))).await;
    assert_eq!(s, StatusCode::OK, "{body}");

    let mut content: Vec<String> = content(&api).await.into_iter().collect();
    // Longest first, so that a sentence goes before the words it contains.
    content.sort_by_key(|c| std::cmp::Reverse(c.len()));

    let mut queue = VecDeque::from([String::from("/accounts")]);
    let mut seen = HashSet::from([String::from("/accounts")]);
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut pages = 0;
    let mut visited = Vec::new();
    while let Some(path) = queue.pop_front() {
        let res = session.client.get(format!("{}{path}", session.base)).send().await.expect("GET");
        let html = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().starts_with("text/html");
        if !res.status().is_success() || !html {
            continue;
        }
        let body = res.text().await.expect("body");
        pages += 1;
        visited.push(path.clone());
        assert!(body.contains("<html lang=\"de\">"), "{path} is not marked German");
        let found = english_in(&visible(&body), &content);
        if !found.is_empty() {
            problems.insert(path.clone(), found);
        }
        for l in links(&body) {
            // One page per kind of link: `?cell=1-2` and `?cell=3-4` show the same form;
            // each tab under a plan (`?tab=coach`, `?tab=timeline`…) is a part of its own.
            let (p, q) = l.split_once('?').unwrap_or((&l, ""));
            let keys: Vec<&str> =
                q.split('&').map(|kv| if kv.starts_with("tab=") { kv } else { kv.split('=').next().unwrap_or("") }).collect();
            let kind = format!("{p}?{}", keys.join("&"));
            if seen.len() < 500 && seen.insert(kind) {
                queue.push_back(l);
            }
        }
    }
    assert!(pages >= 25, "the crawl reached {pages} pages");
    for kind in [
        "/me/commitments",
        "/me/notifications",
        "/admin/users",
        "/admin/offerings",
        "/admin/templates/",
        "/admin/organisation",
        "/whitespace",
        "/contacts/",
        "/sharing",
        "/view/management",
        "/view/customer",
        "/story",
        "/timeline",
        "/reviews/",
        "/compare",
        "/activity",
    ] {
        assert!(visited.iter().any(|p| p.contains(kind)), "the crawl never reached a {kind} page: {visited:?}");
    }
    let report: Vec<String> =
        problems.iter().map(|(p, f)| format!("{p}: {}", f.iter().take(6).cloned().collect::<Vec<_>>().join(" | "))).collect();
    assert!(problems.is_empty(), "English in the German interface on {} of {pages} pages:\n{}", problems.len(), report.join("\n"));
}
