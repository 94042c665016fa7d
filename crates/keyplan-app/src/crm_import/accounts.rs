//! Importing accounts. An account row is the stored account with its CRM key,
//! else (without a key, or a stored account that has none) the one stored
//! account of its name, else a new account. Parents are found by CRM key or
//! name among the stored accounts and the file's rows, in any order.

use std::collections::HashMap;

use keyplan_domain::account::AccountData;
use keyplan_domain::crm::{self, AccountRow, Field, ImportOptions, Record};
use keyplan_domain::{AccountId, Message, Role};
use keyplan_store::{Account, CrmTx};

use super::refs::{AccountIndex, NameHit, Owners, column, key, name_key, too_long};
use super::report::{Issue, Outcome, Report};
use crate::{Auth, Result};

/// Which account a file row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ident {
    Stored(AccountId),
    /// Created by the row with this number.
    New(u64),
}

/// A parent as found for a row.
enum Parent {
    None,
    Id(AccountId),
    /// Created by a later row (set once it exists).
    Later(u64),
}

/// What the first pass learns of the file's accounts.
#[derive(Default)]
struct FileAccounts {
    /// Identity (CRM key, or the name for rows without one) → first row and account.
    idents: HashMap<String, (u64, Ident)>,
    names: HashMap<String, NameHit<Ident>>,
}

/// A row's identity: its CRM key, or its name when it has none.
fn ident_key(a: &AccountRow) -> Option<String> {
    key(a.crm_id.as_deref()).or_else(|| a.name.as_deref().map(|n| format!("\u{0}{}", name_key(n))))
}

/// Which account a row is; `Err` when it has no key and its name is shared.
fn target(a: &AccountRow, row: u64, stored: &AccountIndex) -> std::result::Result<Ident, ()> {
    if let Some(k) = key(a.crm_id.as_deref()) {
        if let Some(id) = stored.by_key.get(&k) {
            return Ok(Ident::Stored(*id));
        }
        let adopt = a.name.as_deref().and_then(|n| stored.by_name(n).ok().flatten()).filter(|id| stored.keyless.contains(id));
        return Ok(adopt.map_or(Ident::New(row), Ident::Stored));
    }
    match a.name.as_deref().map(|n| stored.by_name(n)) {
        Some(Err(())) => Err(()),
        Some(Ok(Some(id))) => Ok(Ident::Stored(id)),
        _ => Ok(Ident::New(row)),
    }
}

pub(super) async fn run(
    tx: &mut CrmTx,
    auth: &Auth,
    owners: &Owners,
    bytes: &[u8],
    options: &ImportOptions,
    report: &mut Report,
) -> Result<()> {
    let org = auth.org();
    let stored = AccountIndex::load(tx, org).await?;
    let reopen = || crm::open(bytes, options).map_err(|e| crate::AppError::BadRequest(e.message()));

    let mut plan = FileAccounts::default();
    for row in reopen()? {
        let Record::Account(a) = &row.record else { continue };
        let (true, Some(id)) = (row.is_valid(), ident_key(a)) else { continue };
        if plan.idents.contains_key(&id) {
            continue;
        }
        let Ok(t) = target(a, row.row, &stored) else { continue };
        plan.idents.insert(id, (row.row, t));
        if let Some(n) = &a.name {
            let slot = plan.names.entry(name_key(n)).or_insert(NameHit::One(t));
            let mut s = Some(*slot);
            NameHit::add(&mut s, t);
            *slot = s.unwrap_or(NameHit::Many);
        }
    }

    let mut file = reopen()?;
    let cols = Columns::new(&file.map);
    let mut created: HashMap<u64, AccountId> = HashMap::new();
    let mut deferred: Vec<(AccountId, u64, u64)> = Vec::new();
    for row in &mut file {
        report.rows += 1;
        let Record::Account(a) = &row.record else { continue };
        report.warnings.extend(row.warnings.iter().map(Issue::from));
        let mut errors: Vec<Issue> = row.errors.iter().map(Issue::from).collect();
        let err = |errors: &mut Vec<Issue>, column: &Option<String>, code: &str| {
            errors.push(Issue { row: row.row, column: column.clone(), message: Message::new(code) })
        };
        let ident = match ident_key(a).and_then(|k| plan.idents.get(&k).copied()) {
            Some((first, t)) if first == row.row => Some(t),
            Some(_) => {
                err(&mut errors, &cols.crm_id, "crm-import-error-duplicate-id");
                None
            }
            None => match target(a, row.row, &stored) {
                Ok(t) => Some(t),
                Err(()) => {
                    err(&mut errors, &cols.name, "crm-import-error-ambiguous-account");
                    None
                }
            },
        };
        if let Some(Ident::Stored(id)) = ident
            && auth.role() == Role::Kam
            && stored.owner.get(&id).copied().flatten() != Some(auth.id())
        {
            err(&mut errors, &None, "crm-import-error-not-yours");
        }
        if matches!(ident, Some(Ident::New(_))) && a.name.is_none() {
            err(&mut errors, &cols.crm_id, "crm-import-error-name-required");
        }
        let parent = match resolve_parent(a, &stored, &plan) {
            Ok(p) => p,
            Err((code, by_name)) => {
                err(&mut errors, if by_name { &cols.parent_name } else { &cols.parent_id }, code);
                Parent::None
            }
        };
        let own = match (&parent, ident) {
            (Parent::Id(p), Some(Ident::Stored(me))) => *p == me,
            (Parent::Later(p), Some(Ident::New(me))) => *p == me,
            _ => false,
        };
        if own {
            err(&mut errors, &cols.parent_id.clone().or(cols.parent_name.clone()), "crm-import-error-own-parent");
        }
        for (value, max, col) in
            [(&a.name, 200, &cols.name), (&a.industry, 120, &cols.industry), (&a.region, 120, &cols.region), (&a.crm_id, 120, &cols.crm_id)]
        {
            if too_long(value, max) {
                err(&mut errors, col, "crm-import-error-too-long");
            }
        }
        let name = a.name.clone().unwrap_or_default();
        let Some(ident) = ident.filter(|_| errors.is_empty()) else {
            report.errors.append(&mut errors);
            report.count(row.row, &name, Outcome::Refused);
            continue;
        };
        let owner = if auth.role() == Role::Kam {
            None
        } else {
            owners.resolve(a.owner_email.as_deref(), a.owner_name.as_deref(), row.row, cols.owner.as_deref(), report)
        };
        let parent_id = match parent {
            Parent::Id(p) => Some(p),
            Parent::Later(first) => created.get(&first).copied(),
            Parent::None => None,
        };
        let (id, outcome) = match ident {
            Ident::Stored(id) => {
                let current = tx.account(org, id).await?;
                let before = data_of(&current);
                let after = merged(&before, a, parent_id, owner);
                if after != before {
                    tx.update_account(org, id, &after, auth.id()).await?;
                    (id, Outcome::Updated)
                } else {
                    (id, Outcome::Unchanged)
                }
            }
            Ident::New(_) => {
                let owner = if auth.role() == Role::Kam { Some(auth.id()) } else { owner };
                let data = merged(&empty(), a, parent_id, owner);
                let id = tx.insert_account(org, &data, auth.id()).await?;
                created.insert(row.row, id);
                (id, Outcome::Created)
            }
        };
        if let (Parent::Later(first), None) = (&parent, parent_id) {
            deferred.push((id, *first, row.row));
        }
        report.count(row.row, &name, outcome);
    }
    report.ignored_lines = file.ignored_lines();
    for (id, first, row) in deferred {
        match created.get(&first) {
            Some(parent) => tx.set_account_parent(org, id, *parent).await?,
            None => report.warn(row, cols.parent_id.as_deref().or(cols.parent_name.as_deref()), "crm-import-error-no-parent"),
        }
    }
    Ok(())
}

/// The headers errors name.
struct Columns {
    crm_id: Option<String>,
    name: Option<String>,
    industry: Option<String>,
    region: Option<String>,
    parent_id: Option<String>,
    parent_name: Option<String>,
    owner: Option<String>,
}

impl Columns {
    fn new(map: &crm::ColumnMap) -> Columns {
        Columns {
            crm_id: column(map, &[Field::CrmId]),
            name: column(map, &[Field::Name]),
            industry: column(map, &[Field::Industry]),
            region: column(map, &[Field::Region]),
            parent_id: column(map, &[Field::ParentCrmId]),
            parent_name: column(map, &[Field::ParentName]),
            owner: column(map, &[Field::Owner]),
        }
    }
}

/// The parent a row names: by CRM key (stored or in the file), else by name.
/// `Err((code, by_name))` when it names one but none (or several) match.
fn resolve_parent(a: &AccountRow, stored: &AccountIndex, plan: &FileAccounts) -> std::result::Result<Parent, (&'static str, bool)> {
    let ident = |t: Ident| match t {
        Ident::Stored(id) => Parent::Id(id),
        Ident::New(row) => Parent::Later(row),
    };
    if let Some(k) = key(a.parent_crm_id.as_deref()) {
        if let Some((_, t)) = plan.idents.get(&k) {
            return Ok(ident(*t));
        }
        if let Some(id) = stored.by_key.get(&k) {
            return Ok(Parent::Id(*id));
        }
        if a.parent_name.is_none() {
            return Err(("crm-import-error-no-parent", false));
        }
    }
    let Some(name) = a.parent_name.as_deref() else { return Ok(Parent::None) };
    let mut hit: Option<NameHit<Ident>> = None;
    match stored.by_name.get(&name_key(name)) {
        Some(NameHit::One(id)) => NameHit::add(&mut hit, Ident::Stored(*id)),
        Some(NameHit::Many) => return Err(("crm-import-error-ambiguous-account", true)),
        None => {}
    }
    match plan.names.get(&name_key(name)) {
        Some(NameHit::One(t)) => NameHit::add(&mut hit, *t),
        Some(NameHit::Many) => return Err(("crm-import-error-ambiguous-account", true)),
        None => {}
    }
    match hit {
        Some(NameHit::One(t)) => Ok(ident(t)),
        Some(NameHit::Many) => Err(("crm-import-error-ambiguous-account", true)),
        None => Err(("crm-import-error-no-parent", true)),
    }
}

fn empty() -> AccountData {
    AccountData {
        name: String::new(),
        industry: None,
        region: None,
        parent_id: None,
        crm_id: None,
        annual_revenue: None,
        current_revenue: None,
        total_spend: None,
        potential: None,
        growth_trend: None,
        owner_id: None,
    }
}

fn data_of(a: &Account) -> AccountData {
    AccountData {
        name: a.name.clone(),
        industry: a.industry.clone(),
        region: a.region.clone(),
        parent_id: a.parent_id,
        crm_id: a.crm_id.clone(),
        annual_revenue: a.annual_revenue,
        current_revenue: a.current_revenue,
        total_spend: a.total_spend,
        potential: a.potential,
        growth_trend: a.growth_trend,
        owner_id: a.owner_id,
    }
}

/// The stored fields with the row's non-empty ones over them: an empty cell
/// or a missing column never blanks a stored value. The CRM id keeps its
/// stored spelling when it is the same id (15 or 18 characters).
fn merged(base: &AccountData, a: &AccountRow, parent_id: Option<AccountId>, owner: Option<keyplan_domain::UserId>) -> AccountData {
    let same_id = key(base.crm_id.as_deref()).is_some() && key(base.crm_id.as_deref()) == key(a.crm_id.as_deref());
    AccountData {
        name: a.name.clone().unwrap_or_else(|| base.name.clone()),
        industry: a.industry.clone().or_else(|| base.industry.clone()),
        region: a.region.clone().or_else(|| base.region.clone()),
        parent_id: parent_id.or(base.parent_id),
        crm_id: if same_id { base.crm_id.clone() } else { a.crm_id.clone().or_else(|| base.crm_id.clone()) },
        annual_revenue: a.annual_revenue.or(base.annual_revenue),
        current_revenue: a.current_revenue.or(base.current_revenue),
        total_spend: a.total_spend.or(base.total_spend),
        potential: a.potential.or(base.potential),
        growth_trend: a.growth_trend.or(base.growth_trend),
        owner_id: owner.or(base.owner_id),
    }
}
