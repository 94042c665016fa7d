//! keyplan's texts in English and German, for pages, exports and services.
//!
//! Every page is rendered in one [`Lang`]: the signed-in user's choice (stored
//! with the user, set on the language menu in the top bar or with
//! `PUT /api/v1/me/language`), else the browser's `Accept-Language`, else
//! English. Signed-out pages (sign-in, share links, error pages) follow
//! `Accept-Language` only.
//!
//! Texts live in Fluent files, one per area, compiled into the binary:
//! `locales/en-US/<area>.ftl` and `locales/de/<area>.ftl` (the German glossary
//! is at the top of `locales/de/common.ftl`). Both languages must have exactly
//! the same ids; the tests below check that, and that every id used in a
//! template or in Rust code exists.
//!
//! # Translating a template
//!
//! 1. Signed-in pages have `chrome.t` (a [`Tr`]); `base.html` puts it in scope
//!    as `t`, so child blocks write `{{ t.s("accounts-title") }}`. A page
//!    without `Chrome` gets a `t: Tr` field (`Tr::from_headers(&headers)`).
//! 2. Move each visible text (titles, buttons, labels, placeholders,
//!    `aria-label`s, `title`s) into the area's `.ftl` of both languages and
//!    call `t.s("id")`; with values use `t.s1("id", "name", value)` or
//!    `t.s2(…)` and write `{ $name }` in the message (numbers select plurals:
//!    `{ $count -> [one] … *[other] … }`).
//! 3. Dates, numbers and money through `t.date(d)`, `t.num(x)`,
//!    `t.money(x, currency)`, `t.pct(share)`; enum labels through
//!    `t.enum_label("health", code)` with an id `health-<code>` per value;
//!    flash messages in the handler through `Tr::for_user(&auth, &headers).s(…)`,
//!    field errors through `FormView::localise` (in the web crate) where the
//!    page is built.
//!
//! Careful: `t` is taken; a template loop must not call its variable `t`
//! (`{% for tm in team %}`). Macros and included templates see `t` too. Fluent
//! trims leading and trailing spaces of a message: keep separators such as
//! ` · ` in the template. The English text must stay word for word what it was.
//! The language is always a value passed down (a [`Tr`] or a [`Lang`]);
//! nothing below the web crate reads it from the request's context.
//!
//! Ids are kebab-case and start with their area (`nav-`, `accounts-`,
//! `account-`, `mine-`, `notif-`, `share-`, `login-`, `error-`, …); ids shared by
//! many pages (buttons such as "Save") start with `common-`.

#[cfg(test)]
mod coach_tests;
pub mod fmt;
#[cfg(test)]
mod stored_messages_tests;
pub mod templates;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentResource;
pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{FluentBundle, LanguageIdentifier, StaticLoader};
use keyplan_domain::Lang;
use std::sync::LazyLock;
use time::Date;

// The Fluent files of each language, in file-name order (made by `build.rs`).
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// One language's messages, parsed when a text in that language is first
/// asked for: a process that only ever speaks English (a command, or a
/// server whose users all chose English) never parses the German files.
/// Measured on the 2-core machine, parsing both languages took about 2 ms
/// and 2.4 MB of fresh memory, on the path of `keyplan export` (issue 18).
struct Language {
    id: LanguageIdentifier,
    loader: StaticLoader,
}

/// Parses `files` (one language's texts) into a loader that formats them.
fn language(code: &str, files: &'static [&'static str]) -> Language {
    let id: LanguageIdentifier = code.parse().unwrap_or_else(|e| panic!("{code} is not a language identifier: {e}"));
    // A loader needs its resources and bundles for the life of the process,
    // as the loader's own macro keeps them: leaked once per language.
    let resources: &'static [FluentResource] = Vec::leak(
        files
            .iter()
            .map(|text| {
                FluentResource::try_new((*text).to_string())
                    .unwrap_or_else(|(_, errors)| panic!("a {code} Fluent file does not parse: {errors:?}"))
            })
            .collect(),
    );
    let mut bundle: FluentBundle<&'static FluentResource> = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(false);
    for resource in resources {
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{code} defines a message twice: {errors:?}"));
    }
    let bundles = Box::leak(Box::new(HashMap::from([(id.clone(), bundle)])));
    let fallbacks = Box::leak(Box::new(HashMap::new()));
    Language { loader: StaticLoader::new(bundles, fallbacks, id.clone()), id }
}

static EN: LazyLock<Language> = LazyLock::new(|| language("en-US", EN_US_FILES));
static DE: LazyLock<Language> = LazyLock::new(|| language("de", DE_FILES));

fn texts(lang: Lang) -> &'static Language {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

/// Looks `id` up in `lang` only (the callers fall back to English themselves).
fn lookup_in<S: AsRef<str>>(lang: Lang, id: &str, args: Option<&HashMap<S, FluentValue<'_>>>) -> Result<String, String> {
    let texts = texts(lang);
    // The loader's error type is private to it: its description is kept.
    texts.loader.lookup_single_language(&texts.id, id, args).map_err(|e| format!("{e:?}"))
}

/// Parses the messages of `lang` now (a millisecond or two, done once per
/// process on first use): for a command that can do it while it waits for
/// the database.
pub fn warm_up(lang: Lang) {
    let _parsed = texts(lang);
}

/// A value for a message argument.
pub trait Arg {
    fn arg(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
/// Any reference to a value (templates pass fields as `&self.x`, sometimes twice).
impl<T: Arg + Clone> Arg for &T {
    fn arg(self) -> FluentValue<'static> {
        self.clone().arg()
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(i16, i32, i64, u8, u16, u32, u64, usize, f64);

/// Translates into one language. Cheap to copy; pages carry it as `chrome.t`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The language code for `<html lang="…">`.
    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }

    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>) -> String {
        if let Ok(text) = lookup_in(self.lang, id, args) {
            return text;
        }
        // Never shown silently: the tests check every id, and a gap found in
        // production is logged and shown in English rather than as an id.
        debug_assert!(false, "no {} text for {id:?}", self.lang);
        tracing::error!(id, lang = %self.lang, "missing translation");
        if self.lang != Lang::En
            && let Ok(text) = lookup_in(Lang::En, id, args)
        {
            return text;
        }
        id.to_string()
    }

    /// The text with this id. A message without arguments always reads the
    /// same, so each thread formats it once per language and copies it after
    /// (a page asks for hundreds of labels; Fluent's formatting showed in its
    /// profile). Kept per thread: no lock on the hot path.
    pub fn s(&self, id: &str) -> String {
        thread_local! {
            static FORMATTED: std::cell::RefCell<[HashMap<String, String>; 2]> = Default::default();
        }
        let slot = match self.lang {
            Lang::En => 0,
            Lang::De => 1,
        };
        if let Some(text) = FORMATTED.with(|m| m.borrow()[slot].get(id).cloned()) {
            return text;
        }
        match lookup_in::<&str>(self.lang, id, None) {
            Ok(text) => {
                FORMATTED.with(|m| m.borrow_mut()[slot].insert(id.to_string(), text.clone()));
                text
            }
            // Missing or in error: the slow path logs it and falls back, every time.
            Err(_) => self.lookup(id, None),
        }
    }

    /// The text with this id and its arguments.
    pub fn a(&self, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), v.clone())).collect();
        self.lookup(id, Some(&map))
    }

    /// The text with one argument: `t.s1("accounts-count", "count", total)`.
    pub fn s1(&self, id: &str, name: &str, value: impl Arg) -> String {
        self.a(id, &[(name, value.arg())])
    }

    /// The text with two arguments.
    pub fn s2(&self, id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg) -> String {
        self.a(id, &[(n1, v1.arg()), (n2, v2.arg())])
    }

    /// The text with three arguments (an id and three name/value pairs).
    #[allow(clippy::too_many_arguments)]
    pub fn s3(&self, id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg, n3: &str, v3: impl Arg) -> String {
        self.a(id, &[(n1, v1.arg()), (n2, v2.arg()), (n3, v3.arg())])
    }

    /// A field named in words for an error line ("Due date: must be a date"):
    /// message `field-name-<key>`, else the key itself made readable
    /// (`parent_id` → "Parent").
    pub fn field_name(&self, key: &str) -> String {
        let id = format!("field-name-{key}");
        match lookup_in::<&str>(self.lang, &id, None) {
            Ok(text) => text,
            Err(_) => readable_key(key),
        }
    }

    /// The label of an enumeration's value: id `<kind>-<code>` (`health-at_risk`);
    /// empty for an empty code.
    pub fn enum_label(&self, kind: &str, code: &str) -> String {
        if code.is_empty() { String::new() } else { self.s(&format!("{kind}-{code}")) }
    }

    /// `5 Mar 2026` / `5. März 2026`.
    pub fn date(&self, d: Date) -> String {
        keyplan_domain::lang::format_date(d, self.lang)
    }

    /// An optional date; empty when absent.
    pub fn opt_date(&self, d: Option<Date>) -> String {
        d.map(|d| self.date(d)).unwrap_or_default()
    }

    /// `1,234.5` / `1.234,5`.
    pub fn num(&self, n: f64) -> String {
        keyplan_domain::lang::format_number(n, self.lang)
    }

    /// Short money for key figures: `€2.4m` / `2,4 Mio. €`; `—` when unknown.
    pub fn money(&self, n: Option<f64>, currency: &str) -> String {
        n.map(|n| keyplan_domain::lang::format_money_short(n, currency, self.lang)).unwrap_or_else(|| "—".into())
    }

    /// "Market", "Strengths", "Risk": how an item is introduced in lists (its
    /// category, else its kind).
    pub fn item_label(&self, i: &keyplan_store::Item) -> String {
        match i.category() {
            Some(c) => self.enum_label("item-category", c.as_str()),
            None => self.enum_label("item-kind", i.kind().as_str()),
        }
    }

    /// A month or quarter an actual is for: `Mar 2027` / `März 2027`, `Q1 2027`.
    pub fn period(&self, period: keyplan_domain::kpi::Period, start: Date) -> String {
        match (period, self.lang) {
            (keyplan_domain::kpi::Period::Month, Lang::De) => {
                format!("{} {}", keyplan_domain::lang::month_name(start.month(), self.lang), start.year())
            }
            _ => period.label_of(start),
        }
    }

    /// "12 / 150 words" against a section's budget.
    pub fn size(&self, r: &keyplan_domain::template::SizeReport) -> String {
        let id = match r.unit {
            keyplan_domain::template::BudgetUnit::Words => "plan-size-words",
            keyplan_domain::template::BudgetUnit::Items => "plan-size-items",
        };
        self.s2(id, "used", self.num(r.used.into()), "limit", r.limit)
    }

    /// "≈ 1.4 of 1 page": a plan's estimated length against its template's budget.
    pub fn length(&self, p: &keyplan_domain::template::PageReport) -> String {
        if p.printed {
            // Whole pages: the typesetter's count.
            // Page counts are small whole numbers; the cast cannot overflow.
            let pages = p.pages.max(0.0).round() as u64;
            // The budget as a number, so that the message chooses "page" or "pages" by it.
            return self.s2("plan-printed", "pages", pages, "budget", p.budget_pages);
        }
        let pages = format!("{:.1}", p.pages);
        let pages = if self.lang == Lang::En { pages } else { pages.replace('.', ",") };
        let id = if p.budget_pages == 1.0 { "plan-pages-one" } else { "plan-pages" };
        self.s2(id, "pages", pages, "budget", self.num(p.budget_pages))
    }

    /// A share as a percentage: `26%` / `26 %`; `—` when unknown.
    pub fn pct(&self, share: Option<f64>) -> String {
        share.map(|s| keyplan_domain::lang::format_percent(s, self.lang)).unwrap_or_else(|| "—".into())
    }

    /// A message by code in this language. Arguments that are themselves
    /// messages, dates and labels are written in this language too.
    pub fn msg(&self, m: &keyplan_domain::Message) -> String {
        let args: Vec<(&str, FluentValue<'static>)> = m.args.iter().map(|(k, v)| (k.as_str(), self.msg_arg(v))).collect();
        if args.is_empty() { self.s(&m.code) } else { self.a(&m.code, &args) }
    }

    fn msg_arg(&self, v: &keyplan_domain::MsgArg) -> FluentValue<'static> {
        use keyplan_domain::MsgArg;
        match v {
            MsgArg::Text(s) => s.clone().arg(),
            MsgArg::Int(n) => n.arg(),
            MsgArg::Date(d) => self.date(*d).arg(),
            MsgArg::IsoDate(d) => self.date(*d).arg(),
            // English running text writes a kind in lower case ("added obstacle");
            // German nouns keep their capital.
            MsgArg::Label { kind, code } if self.lang == Lang::En => self.enum_label(kind, code).to_lowercase().arg(),
            MsgArg::Label { kind, code } => self.enum_label(kind, code).arg(),
            MsgArg::Msg(inner) => self.msg(inner).arg(),
        }
    }
}

/// `parent_id` → "Parent", `expires_on` → "Expires on", `plans.2.title` → "Plans 2 title".
fn readable_key(key: &str) -> String {
    let key = key.strip_suffix("_id").or_else(|| key.strip_suffix("_ids")).unwrap_or(key);
    let words = key.replace(['_', '.'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// The message ids of every `.ftl` file of one language.
    fn ids_of(dir: &str) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(root().join("locales").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ftl") {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    // A message starts at column 0 with `id =`; comments, terms and
                    // continuation lines do not.
                    let Some((id, _)) = line.split_once('=') else { continue };
                    let id = id.trim_end();
                    if !line.starts_with(|c: char| c.is_ascii_lowercase()) || id.contains(' ') {
                        continue;
                    }
                    assert!(ids.insert(id.to_string()), "{id} is defined twice in {dir}");
                }
            }
        }
        ids
    }

    fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }

    /// Every literal id passed to `.s("…")`, `.s1("…"`, `.s2("…"`, `.s3("…"`, `.a("…"`.
    fn used_ids(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for call in [".s(\"", ".s1(\"", ".s2(\"", ".s3(\"", ".a(\""] {
            let mut rest = text;
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.') {
                        found.push(id.to_string());
                    }
                }
            }
        }
        found
    }

    #[test]
    fn both_languages_have_the_same_ids() {
        let en = ids_of("en-US");
        let de = ids_of("de");
        assert!(!en.is_empty());
        let only_en: Vec<_> = en.difference(&de).collect();
        let only_de: Vec<_> = de.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in German: {only_en:?}");
        assert!(only_de.is_empty(), "missing in English: {only_de:?}");
        // And every message formats without errors in both.
        for id in &en {
            for lang in Lang::ALL {
                let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
                    ["count", "name", "max", "n", "total", "other"].iter().map(|k| (Cow::Borrowed(*k), FluentValue::from(2))).collect();
                let r = lookup_in(lang, id, Some(&args));
                assert!(r.is_ok() || format!("{r:?}").contains("Reference"), "{lang} {id}: {r:?}");
            }
        }
    }

    #[test]
    fn every_id_used_exists() {
        let en = ids_of("en-US");
        let mut paths = Vec::new();
        // Texts are used by every crate that shows something: pages, exports, services.
        let crates = root().join("..");
        for krate in ["keyplan-web", "keyplan-app", "keyplan-export", "keyplan-i18n"] {
            files(&crates.join(krate).join("src"), "rs", &mut paths);
        }
        files(&crates.join("keyplan-web").join("templates"), "html", &mut paths);
        let mut missing = Vec::new();
        let mut used = 0;
        // This file's examples and tests are not real uses.
        for p in paths.into_iter().filter(|p| !p.ends_with("keyplan-i18n/src/lib.rs")) {
            let text = std::fs::read_to_string(&p).unwrap();
            for id in used_ids(&text) {
                used += 1;
                if !en.contains(&id) {
                    missing.push(format!("{}: {id}", p.display()));
                }
            }
        }
        assert!(used > 100, "only {used} ids found: is the scan broken?");
        assert!(missing.is_empty(), "ids used but not defined: {missing:#?}");
    }

    /// Every literal message code: `Message::new("…")`, `AppError::state("…")`,
    /// `AppError::bad_request("…")` and review history lines (`line("…", r)`).
    fn used_codes(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for call in ["Message::new(\"", "AppError::state(\"", "AppError::bad_request(\"", "line(\""] {
            let mut rest = text;
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                // Only what looks like an id: `line("BEGIN:VCALENDAR")` in the calendar is not one.
                if let Some(end) = rest.find('"')
                    && rest[..end].chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                {
                    found.push(rest[..end].to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_message_code_exists_in_both_languages() {
        let (en, de) = (ids_of("en-US"), ids_of("de"));
        let crates = root().join("..");
        let mut paths = Vec::new();
        for krate in ["keyplan-domain", "keyplan-store", "keyplan-app", "keyplan-export", "keyplan-web", "keyplan-cli"] {
            files(&crates.join(krate).join("src"), "rs", &mut paths);
        }
        let mut codes: Vec<String> = Vec::new();
        for p in &paths {
            codes.extend(used_codes(&std::fs::read_to_string(p).unwrap()));
        }
        assert!(codes.len() > 40, "only {} codes found: is the scan broken?", codes.len());
        // Built from parts: the legacy conversion's `stored-commitment-{verb}`.
        codes.extend(["accepted", "declined", "answered"].map(|v| format!("stored-commitment-{v}")));
        codes.push(keyplan_domain::message::VERBATIM.to_string());
        let missing: Vec<_> = codes.iter().filter(|c| !en.contains(*c) || !de.contains(*c)).collect();
        assert!(missing.is_empty(), "message codes without a text in English or German: {missing:?}");
    }

    #[test]
    fn every_enum_label_exists() {
        use keyplan_domain::account::GrowthTrend;
        use keyplan_domain::contact::{Attitude, BuyingRole};
        use keyplan_domain::plan::PlanStatus;
        use keyplan_domain::tree::{Acceptance, CommitmentStatus};
        let en = ids_of("en-US");
        let mut ids: Vec<String> = Vec::new();
        ids.extend(keyplan_domain::Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
        ids.extend(CommitmentStatus::ALL.iter().map(|s| format!("status-{}", s.as_str())));
        ids.extend(Acceptance::ALL.iter().map(|s| format!("acceptance-{}", s.as_str())));
        ids.extend(PlanStatus::ALL.iter().map(|s| format!("plan-status-{}", s.as_str())));
        ids.extend(GrowthTrend::ALL.iter().map(|s| format!("trend-{}", s.as_str())));
        ids.extend(BuyingRole::ALL.iter().map(|s| format!("buying-role-{}", s.as_str())));
        ids.extend(Attitude::ALL.iter().map(|s| format!("attitude-{}", s.as_str())));
        let missing: Vec<_> = ids.iter().filter(|id| !en.contains(*id)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn english_labels_match_the_domain() {
        // The English UI keeps the domain's labels exactly.
        use keyplan_domain::tree::CommitmentStatus;
        let t = Tr::new(Lang::En);
        for s in CommitmentStatus::ALL {
            assert_eq!(t.enum_label("status", s.as_str()), s.label());
        }
        for r in keyplan_domain::Role::ALL {
            assert_eq!(t.enum_label("role", r.as_str()), r.label());
        }
    }

    #[test]
    fn translates_formats_and_falls_back() {
        let de = Tr::new(Lang::De);
        let en = Tr::new(Lang::En);
        assert_eq!(en.s("nav-mine"), "My commitments");
        assert_eq!(de.s("nav-mine"), "Meine Zusagen");
        assert_eq!(de.date(time::macros::date!(2026 - 03 - 05)), "5. März 2026");
        let too_long = keyplan_domain::Message::new("err-too-long").arg("max", 200i64);
        assert_eq!(de.msg(&too_long), "darf höchstens 200 Zeichen lang sein");
        assert_eq!(en.msg(&too_long), "must be at most 200 characters");
        assert_eq!(used_ids(r#"{{ t.s("a-b") }} t.s1("c", "n", 1) x.s(y)"#), vec!["a-b", "c"]);
    }
}
