//! Plan templates: the company's own plan formats (seed 001: "never accept a
//! template from outside your business").
//!
//! A template is an ordered list of sections. Each section has a kind (what it
//! holds and how it is drawn), guidance for the writer and a length budget. A
//! template is versioned: a plan keeps the version it was created with, so a later
//! edit of the template never changes an existing plan.
//!
//! Templates travel as a JSON document ([`TemplateDoc`], `"format":
//! "keyplan-template"`), described in `docs/template-format.md`.

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldError, Validation};

/// The file format marker of an exported template.
pub const FORMAT: &str = "keyplan-template";
pub const FORMAT_VERSION: u32 = 1;

/// About how many words fill one printed page of a plan.
pub const WORDS_PER_PAGE: u32 = 450;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Free text closed by a "so what?" conclusion.
    FreeText,
    /// Analysis items (customer, market, competitor, own position) and a "so what?".
    Analysis,
    Swot,
    StakeholderMap,
    Whitespace,
    Goals,
    ConstraintTree,
    ActionPlan,
    KpiScorecard,
    ValueProposition,
    /// Opportunities and risks, each derived from a SWOT entry where it can be.
    Risks,
}

impl SectionKind {
    pub const ALL: [SectionKind; 11] = [
        SectionKind::FreeText,
        SectionKind::Analysis,
        SectionKind::Swot,
        SectionKind::StakeholderMap,
        SectionKind::Whitespace,
        SectionKind::Goals,
        SectionKind::ConstraintTree,
        SectionKind::ActionPlan,
        SectionKind::KpiScorecard,
        SectionKind::ValueProposition,
        SectionKind::Risks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::FreeText => "free_text",
            SectionKind::Analysis => "analysis",
            SectionKind::Swot => "swot",
            SectionKind::StakeholderMap => "stakeholder_map",
            SectionKind::Whitespace => "whitespace",
            SectionKind::Goals => "goals",
            SectionKind::ConstraintTree => "constraint_tree",
            SectionKind::ActionPlan => "action_plan",
            SectionKind::KpiScorecard => "kpi_scorecard",
            SectionKind::ValueProposition => "value_proposition",
            SectionKind::Risks => "risks",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SectionKind::FreeText => "Text with “so what?”",
            SectionKind::Analysis => "Analysis list",
            SectionKind::Swot => "SWOT",
            SectionKind::StakeholderMap => "Stakeholder map",
            SectionKind::Whitespace => "Whitespace matrix",
            SectionKind::Goals => "Goals",
            SectionKind::ConstraintTree => "Constraint tree",
            SectionKind::ActionPlan => "Action plan",
            SectionKind::KpiScorecard => "KPI scorecard",
            SectionKind::ValueProposition => "Value proposition",
            SectionKind::Risks => "Opportunities and risks",
        }
    }

    /// Whether the section has a free-text body the writer fills in.
    pub fn has_body(self) -> bool {
        matches!(self, SectionKind::FreeText | SectionKind::ValueProposition | SectionKind::StakeholderMap | SectionKind::Whitespace)
    }

    /// Whether the section closes with a "so what?" conclusion.
    pub fn has_so_what(self) -> bool {
        matches!(
            self,
            SectionKind::FreeText
                | SectionKind::Analysis
                | SectionKind::Swot
                | SectionKind::StakeholderMap
                | SectionKind::Whitespace
                | SectionKind::Risks
        )
    }

    /// The unit a budget of this kind is most naturally counted in.
    pub fn default_unit(self) -> BudgetUnit {
        match self {
            SectionKind::FreeText | SectionKind::ValueProposition | SectionKind::StakeholderMap | SectionKind::Whitespace => {
                BudgetUnit::Words
            }
            _ => BudgetUnit::Items,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetUnit {
    Words,
    Items,
}

impl BudgetUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetUnit::Words => "words",
            BudgetUnit::Items => "items",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "words" => Some(BudgetUnit::Words),
            "items" => Some(BudgetUnit::Items),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub unit: BudgetUnit,
    pub limit: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable within a template across versions; a plan's content is filed under it.
    pub key: String,
    pub title: String,
    pub kind: SectionKind,
    #[serde(default)]
    pub guidance: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
}

/// A template as exported and imported (and as one stored version holds it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateDoc {
    pub format: String,
    pub format_version: u32,
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The length of the whole plan, in printed pages.
    pub budget_pages: f64,
    pub sections: Vec<Section>,
}

impl TemplateDoc {
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Checks a document read from a file, the API or the editor. Field names
    /// follow the JSON: `sections[2].title`.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut v = Validation::new();
        if self.format != FORMAT {
            v.push("format", crate::Message::new("templates-file-must-be").arg("detail", FORMAT));
        }
        if self.format_version != FORMAT_VERSION {
            v.push("format_version", crate::Message::new("err-format-version").arg("version", i64::from(FORMAT_VERSION)));
        }
        v.check(check_key("key", &self.key));
        v.check(validate::required("name", &self.name, 120));
        v.check(validate::optional("description", Some(&self.description), 2000));
        if !(self.budget_pages.is_finite() && (0.5..=50.0).contains(&self.budget_pages)) {
            v.push("budget_pages", crate::Message::new("templates-err-pages-range"));
        }
        if self.sections.is_empty() {
            v.push("sections", crate::Message::new("templates-err-no-section"));
        }
        if self.sections.len() > 40 {
            v.push("sections", crate::Message::new("templates-err-too-many"));
        }
        for (i, s) in self.sections.iter().enumerate() {
            let f = |name: &str| format!("sections[{i}].{name}");
            v.check(check_key(&f("key"), &s.key));
            if self.sections[..i].iter().any(|o| o.key == s.key) {
                v.push(&f("key"), crate::Message::new("err-key-taken").arg("key", s.key.as_str()));
            }
            v.check(validate::required(&f("title"), &s.title, 120));
            v.check(validate::optional(&f("guidance"), Some(&s.guidance), 4000));
            if let Some(b) = s.budget
                && !(1..=20_000).contains(&b.limit)
            {
                v.push(&f("budget.limit"), crate::Message::new("templates-err-budget-range"));
            }
        }
        v.finish(|| ())
    }

    /// Whether two documents describe the same template (the key aside), so that
    /// saving an unchanged editor form does not create a new version.
    pub fn same_content(&self, other: &TemplateDoc) -> bool {
        self.name == other.name
            && self.description == other.description
            && self.budget_pages == other.budget_pages
            && self.sections == other.sections
    }
}

fn check_key(field: &str, key: &str) -> Result<(), FieldError> {
    let ok = !key.is_empty()
        && key.len() <= 60
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && key.as_bytes()[0].is_ascii_alphanumeric();
    if ok { Ok(()) } else { Err(FieldError::new(field, crate::Message::new("templates-err-key"))) }
}

/// A key made from a title: "Customer analysis" -> "customer-analysis".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        let c = match c {
            'ä' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            'ü' | 'Ü' => 'u',
            'ß' => 's',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 50 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "section".into() } else { out }
}

/// A key for a new section that no other section of the list uses.
pub fn unique_key(title: &str, taken: &[&str]) -> String {
    let base = slug(title);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|k| !taken.contains(&k.as_str())).unwrap_or(base)
}

/// One row of the browser's template editor, all text as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SectionRow {
    pub key: String,
    pub title: String,
    pub kind: String,
    pub guidance: String,
    pub budget_unit: String,
    pub budget_limit: String,
}

/// The browser's template editor form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateForm {
    pub key: String,
    pub name: String,
    pub description: String,
    pub budget_pages: String,
    pub sections: Vec<SectionRow>,
}

impl TemplateForm {
    pub fn from_doc(doc: &TemplateDoc) -> Self {
        TemplateForm {
            key: doc.key.clone(),
            name: doc.name.clone(),
            description: doc.description.clone(),
            budget_pages: trim_number(doc.budget_pages),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionRow {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    kind: s.kind.as_str().into(),
                    guidance: s.guidance.clone(),
                    budget_unit: s.budget.map(|b| b.unit.as_str()).unwrap_or("").into(),
                    budget_limit: s.budget.map(|b| b.limit.to_string()).unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// Turns the form into a document. Rows without a title are dropped (the
    /// editor always offers an empty row for a new section); new rows get a key.
    pub fn to_doc(&self) -> Result<TemplateDoc, Vec<FieldError>> {
        let mut v = Validation::new();
        let budget_pages = match self.budget_pages.trim() {
            "" => 1.0,
            s => match s.replace(',', ".").parse::<f64>() {
                Ok(n) => n,
                Err(_) => {
                    v.push("budget_pages", crate::Message::new("templates-err-pages"));
                    1.0
                }
            },
        };
        let rows: Vec<(usize, &SectionRow)> = self.sections.iter().enumerate().filter(|(_, r)| !r.title.trim().is_empty()).collect();
        let mut sections = Vec::new();
        let mut taken: Vec<String> = rows.iter().map(|(_, r)| r.key.trim().to_string()).filter(|k| !k.is_empty()).collect();
        for (i, r) in rows {
            let f = |name: &str| format!("sections[{i}].{name}");
            let kind = SectionKind::parse(r.kind.trim());
            if kind.is_none() {
                v.push(&f("kind"), crate::Message::new("templates-err-kind"));
            }
            let budget = match (r.budget_unit.trim(), r.budget_limit.trim()) {
                ("", "") => None,
                (unit, limit) => {
                    let unit = match unit {
                        "" => kind.map(SectionKind::default_unit),
                        u => BudgetUnit::parse(u),
                    };
                    match (unit, limit.parse::<u32>()) {
                        (Some(unit), Ok(limit)) => Some(Budget { unit, limit }),
                        (None, _) => {
                            v.push(&f("budget_unit"), crate::Message::new("templates-err-unit"));
                            None
                        }
                        (_, Err(_)) if limit.is_empty() => None,
                        (_, Err(_)) => {
                            v.push(&f("budget_limit"), crate::Message::new("templates-err-whole"));
                            None
                        }
                    }
                }
            };
            let key = match r.key.trim() {
                "" => {
                    let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                    let k = unique_key(&r.title, &refs);
                    taken.push(k.clone());
                    k
                }
                k => k.to_string(),
            };
            sections.push(Section {
                key,
                title: r.title.trim().to_string(),
                kind: kind.unwrap_or(SectionKind::FreeText),
                guidance: r.guidance.trim().replace("\r\n", "\n"),
                budget,
            });
        }
        let doc = TemplateDoc {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            key: self.key.trim().to_string(),
            name: self.name.trim().to_string(),
            description: self.description.trim().replace("\r\n", "\n"),
            budget_pages,
            sections,
        };
        if let Err(errors) = doc.validate() {
            for e in errors {
                if !v.errors.iter().any(|x| x.field == e.field) {
                    v.errors.push(e);
                }
            }
        }
        v.finish(|| doc)
    }
}

fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") }
}

/// Words in a text, as a writer would count them.
pub fn count_words(text: &str) -> u32 {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() as u32
}

/// A section's or a plan's size against its budget.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SizeReport {
    pub used: u32,
    pub limit: u32,
    pub unit: BudgetUnit,
    pub over: bool,
}

impl SizeReport {
    pub fn new(used: u32, budget: Budget) -> Self {
        SizeReport { used, limit: budget.limit, unit: budget.unit, over: used > budget.limit }
    }
    /// "212 / 150 words", "4 / 3 items".
    pub fn label(&self) -> String {
        let unit = match (self.unit, self.limit) {
            (BudgetUnit::Words, 1) => "word",
            (BudgetUnit::Words, _) => "words",
            (BudgetUnit::Items, 1) => "item",
            (BudgetUnit::Items, _) => "items",
        };
        format!("{} / {} {unit}", self.used, self.limit)
    }
}

/// The plan's length in pages against the template's page budget: counted by
/// the typesetter when the caller printed it (`printed`), else estimated
/// from its words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageReport {
    pub words: u32,
    pub pages: f64,
    pub budget_pages: f64,
    pub over: bool,
    /// Whether `pages` is the PDF's page count rather than an estimate.
    pub printed: bool,
}

impl PageReport {
    /// An estimate from the plan's words.
    pub fn new(words: u32, budget_pages: f64) -> Self {
        let pages = (words as f64 / WORDS_PER_PAGE as f64 * 10.0).round() / 10.0;
        PageReport { words, pages, budget_pages, over: pages > budget_pages, printed: false }
    }

    /// The PDF's page count: over exactly when the PDF takes more pages than
    /// the budget allows (a budget of 3.5 pages allows 4).
    pub fn printed(words: u32, pages: u32, budget_pages: f64) -> Self {
        let pages = f64::from(pages);
        PageReport { words, pages, budget_pages, over: pages > budget_pages.ceil(), printed: true }
    }
    /// "≈ 1.4 of 1 page", or "1 of 1 page" when printed.
    pub fn label(&self) -> String {
        let b = trim_number(self.budget_pages);
        let unit = if self.budget_pages == 1.0 { "page" } else { "pages" };
        if self.printed { format!("{} of {b} {unit}", self.pages) } else { format!("≈ {:.1} of {b} {unit}", self.pages) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> TemplateDoc {
        TemplateDoc {
            format: FORMAT.into(),
            format_version: 1,
            key: "strategic".into(),
            name: "Strategic plan".into(),
            description: String::new(),
            budget_pages: 4.0,
            sections: vec![Section {
                key: "customer".into(),
                title: "Customer analysis".into(),
                kind: SectionKind::Analysis,
                guidance: "What matters to them".into(),
                budget: Some(Budget { unit: BudgetUnit::Items, limit: 8 }),
            }],
        }
    }

    #[test]
    fn a_valid_document_passes_and_knows_its_sections() {
        let d = doc();
        d.validate().unwrap();
        assert_eq!(d.section("customer").map(|s| s.kind), Some(SectionKind::Analysis));
        assert!(d.section("nope").is_none());
        for k in SectionKind::ALL {
            assert_eq!(SectionKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn errors_name_the_section_field() {
        let mut d = doc();
        d.sections.push(Section { key: "customer".into(), title: " ".into(), ..d.sections[0].clone() });
        d.budget_pages = 0.0;
        let errors = d.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"sections[1].key"), "{fields:?}");
        assert!(fields.contains(&"sections[1].title"), "{fields:?}");
        assert!(fields.contains(&"budget_pages"), "{fields:?}");
    }

    #[test]
    fn the_form_drops_empty_rows_and_gives_new_rows_unique_keys() {
        let mut form = TemplateForm::from_doc(&doc());
        form.sections.push(SectionRow { title: "Customer".into(), kind: "free_text".into(), ..Default::default() });
        form.sections.push(SectionRow { title: "Customer".into(), kind: "swot".into(), budget_limit: "4".into(), ..Default::default() });
        form.sections.push(SectionRow::default());
        let d = form.to_doc().unwrap();
        let keys: Vec<&str> = d.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["customer", "customer-2", "customer-3"]);
        assert_eq!(d.sections[2].budget, Some(Budget { unit: BudgetUnit::Items, limit: 4 }));
        assert!(d.same_content(&d.clone()));
    }

    #[test]
    fn the_form_reports_bad_kinds_and_budgets_by_row() {
        let form = TemplateForm {
            key: "x".into(),
            name: "X".into(),
            budget_pages: "two".into(),
            sections: vec![SectionRow {
                title: "A".into(),
                kind: "poem".into(),
                budget_unit: "lines".into(),
                budget_limit: "3".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let errors = form.to_doc().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["budget_pages", "sections[0].kind", "sections[0].budget_unit"]);
    }

    #[test]
    fn slugs_and_word_counts() {
        assert_eq!(slug("Customer's top objectives & projects"), "customer-s-top-objectives-projects");
        assert_eq!(slug("Größe"), "grose");
        assert_eq!(slug("!!"), "section");
        assert_eq!(count_words("We grow – 20 % in 2027 , with them."), 7);
    }

    #[test]
    fn size_and_page_reports() {
        let r = SizeReport::new(212, Budget { unit: BudgetUnit::Words, limit: 150 });
        assert!(r.over);
        assert_eq!(r.label(), "212 / 150 words");
        let p = PageReport::new(630, 1.0);
        assert_eq!(p.label(), "≈ 1.4 of 1 page");
        assert!(p.over);
        assert!(!PageReport::new(900, 3.0).over);
    }
}
