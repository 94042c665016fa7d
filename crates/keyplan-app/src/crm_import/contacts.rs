//! Importing contacts. A contact row is the stored contact with its CRM key,
//! else a new contact of the account it names (by CRM key, else by name).
//! Reporting lines are found by CRM key among the stored contacts and the
//! file's rows, in any order; one into another account is dropped with a
//! warning, and a loop is broken with one.

use std::collections::HashMap;

use keyplan_domain::contact::ContactData;
use keyplan_domain::crm::{self, ContactRow, Field, ImportOptions, Record};
use keyplan_domain::{AccountId, ContactId, Message, Role, validate};
use keyplan_store::{Contact, CrmTx};

use super::refs::{AccountIndex, Owners, column, key, resolve_account, too_long};
use super::report::{Issue, Outcome, Report};
use crate::{Auth, Result};

/// A reporting line as found for a row.
enum Link {
    /// The row names none, or one that is dropped: the stored line stays.
    Keep,
    Id(ContactId),
    /// A contact created by a later row.
    Later(String),
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
    let kam = auth.role() == Role::Kam;
    let accounts = AccountIndex::load(tx, org).await?;
    let mine = |account: AccountId| !kam || accounts.owner.get(&account).copied().flatten() == Some(auth.id());
    let mut stored: HashMap<String, (ContactId, AccountId)> = HashMap::new();
    for c in tx.contact_refs(org).await? {
        stored.insert(c.crm_key, (c.id, c.account_id));
    }
    let reopen = || crm::open(bytes, options).map_err(|e| crate::AppError::BadRequest(e.message()));

    // First pass: each CRM key's first row and the account it goes to (None: no valid account).
    let mut file = reopen()?;
    let cols = Columns::new(&file.map);
    let mut in_file: HashMap<String, (u64, Option<AccountId>)> = HashMap::new();
    for row in &mut file {
        let Record::Contact(c) = &row.record else { continue };
        let Some(k) = key(c.crm_id.as_deref()) else { continue };
        if in_file.contains_key(&k) {
            continue;
        }
        let account =
            resolve_account(c.account_crm_id.as_deref(), c.account_name.as_deref(), &accounts, &cols.account_id, &cols.account_name)
                .ok()
                .filter(|a| row.is_valid() && mine(*a));
        in_file.insert(k, (row.row, account));
    }

    let mut ids: HashMap<String, ContactId> = stored.iter().map(|(k, (id, _))| (k.clone(), *id)).collect();
    let mut deferred: Vec<(ContactId, String, u64)> = Vec::new();
    let mut linked: Vec<(ContactId, u64)> = Vec::new();
    let mut file = reopen()?;
    for row in &mut file {
        report.rows += 1;
        let Record::Contact(c) = &row.record else { continue };
        report.warnings.extend(row.warnings.iter().map(Issue::from));
        let mut errors: Vec<Issue> = row.errors.iter().map(Issue::from).collect();
        let mut err =
            |column: &Option<String>, code: &str| errors.push(Issue { row: row.row, column: column.clone(), message: Message::new(code) });
        let own_key = key(c.crm_id.as_deref());
        if let Some(k) = &own_key
            && in_file.get(k).is_some_and(|(first, _)| *first != row.row)
        {
            err(&cols.crm_id, "crm-import-error-duplicate-id");
        }
        let account = match resolve_account(
            c.account_crm_id.as_deref(),
            c.account_name.as_deref(),
            &accounts,
            &cols.account_id,
            &cols.account_name,
        ) {
            Ok(a) => Some(a),
            Err(e) => {
                if let Some((code, col)) = e {
                    err(&col, code);
                }
                None
            }
        };
        if account.is_some_and(|a| !mine(a)) {
            err(&None, "crm-import-error-not-yours");
        }
        let mut link = Link::Keep;
        if let (Some(boss), Some(account)) = (key(c.reports_to_crm_id.as_deref()), account) {
            let boss_account = match in_file.get(&boss) {
                Some((_, a)) => *a,
                None => stored.get(&boss).map(|(_, a)| *a),
            };
            if own_key.as_ref() == Some(&boss) {
                report.warn(row.row, cols.reports_to.as_deref(), "err-reports-to-self");
            } else if let Some(boss_account) = boss_account {
                if boss_account != account {
                    report.warn(row.row, cols.reports_to.as_deref(), "crm-import-warning-other-account");
                } else {
                    link = ids.get(&boss).map_or(Link::Later(boss), |id| Link::Id(*id));
                }
            } else {
                err(&cols.reports_to, "crm-import-error-no-contact");
            }
        }
        let limits = [
            (&c.name, 200, &cols.name),
            (&c.title, 200, &cols.title),
            (&c.business_unit, 200, &cols.business_unit),
            (&c.phone, 60, &cols.phone),
            (&c.crm_id, 120, &cols.crm_id),
        ];
        for (value, max, col) in limits {
            if too_long(value, max) {
                err(col, "crm-import-error-too-long");
            }
        }
        let email = match c.email.as_deref().map(|e| validate::email("email", e)) {
            Some(Ok(e)) => Some(e),
            Some(Err(_)) => {
                err(&cols.email, "crm-import-error-bad-email");
                None
            }
            None => None,
        };
        let existing = own_key.as_ref().and_then(|k| stored.get(k)).map(|(id, _)| *id);
        if existing.is_none() && c.name.is_none() {
            err(&cols.crm_id, "crm-import-error-name-required");
        }
        let name = c.name.clone().unwrap_or_default();
        let Some(account) = account.filter(|_| errors.is_empty()) else {
            report.errors.append(&mut errors);
            report.count(row.row, &name, Outcome::Refused);
            continue;
        };
        let owner = owners.resolve(
            c.relationship_owner_email.as_deref(),
            c.relationship_owner_name.as_deref(),
            row.row,
            cols.owner.as_deref(),
            report,
        );
        let boss = match &link {
            Link::Id(id) => Some(*id),
            _ => None,
        };
        let existing = match (existing, &own_key) {
            (None, None) => tx.contact_without_id(org, account, email.as_deref(), &name).await?,
            (found, _) => found,
        };
        let (id, outcome) = match existing {
            Some(id) => {
                let current = tx.contact(org, id).await?;
                let before = data_of(&current);
                let mut after = merged(&before, c, email, boss, owner);
                let moved = current.account_id != account;
                if moved && boss.is_none() {
                    // The old line pointed into the old account.
                    after.reports_to_id = None;
                }
                if moved || after != before {
                    tx.update_contact(org, id, account, &after, auth.id()).await?;
                    (id, Outcome::Updated)
                } else {
                    (id, Outcome::Unchanged)
                }
            }
            None => {
                let data = merged(&empty(), c, email, boss, owner);
                let id = tx.insert_contact(org, account, &data, auth.id()).await?;
                if let Some(k) = &own_key {
                    ids.insert(k.clone(), id);
                }
                (id, Outcome::Created)
            }
        };
        match link {
            Link::Later(boss) => deferred.push((id, boss, row.row)),
            Link::Id(_) => linked.push((id, row.row)),
            Link::Keep => {}
        }
        report.count(row.row, &name, outcome);
    }
    report.ignored_lines = file.ignored_lines();
    for (id, boss, row) in deferred {
        match ids.get(&boss) {
            Some(b) => {
                tx.set_reports_to(org, id, Some(*b)).await?;
                linked.push((id, row));
            }
            None => report.warn(row, cols.reports_to.as_deref(), "crm-import-error-no-contact"),
        }
    }
    break_loops(tx, org, linked, cols.reports_to.as_deref(), report).await
}

/// Clears the line of a contact this import linked when following it leads
/// back to the contact, with a warning: reporting lines never loop.
async fn break_loops(
    tx: &mut CrmTx,
    org: keyplan_domain::OrgId,
    linked: Vec<(ContactId, u64)>,
    column: Option<&str>,
    report: &mut Report,
) -> Result<()> {
    if linked.is_empty() {
        return Ok(());
    }
    let mut boss: HashMap<ContactId, ContactId> =
        tx.reporting_lines(org).await?.into_iter().filter_map(|(c, b)| b.map(|b| (c, b))).collect();
    for (id, row) in linked {
        let mut cur = boss.get(&id).copied();
        for _ in 0..boss.len() {
            match cur {
                Some(c) if c == id => {
                    tx.set_reports_to(org, id, None).await?;
                    boss.remove(&id);
                    report.warn(row, column, "err-reporting-loop");
                    break;
                }
                Some(c) => cur = boss.get(&c).copied(),
                None => break,
            }
        }
    }
    Ok(())
}

/// The headers errors name.
struct Columns {
    crm_id: Option<String>,
    name: Option<String>,
    title: Option<String>,
    business_unit: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    account_id: Option<String>,
    account_name: Option<String>,
    reports_to: Option<String>,
    owner: Option<String>,
}

impl Columns {
    fn new(map: &crm::ColumnMap) -> Columns {
        Columns {
            crm_id: column(map, &[Field::CrmId]),
            name: column(map, &[Field::Name, Field::FirstName, Field::LastName]),
            title: column(map, &[Field::Title]),
            business_unit: column(map, &[Field::BusinessUnit]),
            email: column(map, &[Field::Email]),
            phone: column(map, &[Field::Phone]),
            account_id: column(map, &[Field::AccountCrmId, Field::AccountCrmIdList]),
            account_name: column(map, &[Field::AccountName]),
            reports_to: column(map, &[Field::ReportsToCrmId]),
            owner: column(map, &[Field::Owner]),
        }
    }
}

fn empty() -> ContactData {
    ContactData {
        name: String::new(),
        title: None,
        business_unit: None,
        reports_to_id: None,
        buying_role: None,
        influence: None,
        attitude: None,
        relationship_owner_id: None,
        objective: None,
        last_contact_date: None,
        email: None,
        phone: None,
        crm_id: None,
    }
}

fn data_of(c: &Contact) -> ContactData {
    ContactData {
        name: c.name.clone(),
        title: c.title.clone(),
        business_unit: c.business_unit.clone(),
        reports_to_id: c.reports_to_id,
        buying_role: c.buying_role,
        influence: c.influence,
        attitude: c.attitude,
        relationship_owner_id: c.relationship_owner_id,
        objective: c.objective.clone(),
        last_contact_date: c.last_contact_date,
        email: c.email.clone(),
        phone: c.phone.clone(),
        crm_id: c.crm_id.clone(),
    }
}

/// The stored fields with the row's non-empty ones over them. E-mails compare
/// without case, and the CRM id keeps its stored spelling when it is the same id.
fn merged(
    base: &ContactData,
    c: &ContactRow,
    email: Option<String>,
    boss: Option<ContactId>,
    owner: Option<keyplan_domain::UserId>,
) -> ContactData {
    let same_id = key(base.crm_id.as_deref()).is_some() && key(base.crm_id.as_deref()) == key(c.crm_id.as_deref());
    let same_email = matches!((&base.email, &email), (Some(a), Some(b)) if a.to_lowercase() == *b);
    ContactData {
        name: c.name.clone().unwrap_or_else(|| base.name.clone()),
        title: c.title.clone().or_else(|| base.title.clone()),
        business_unit: c.business_unit.clone().or_else(|| base.business_unit.clone()),
        reports_to_id: boss.or(base.reports_to_id),
        relationship_owner_id: owner.or(base.relationship_owner_id),
        email: if same_email { base.email.clone() } else { email.or_else(|| base.email.clone()) },
        phone: c.phone.clone().or_else(|| base.phone.clone()),
        crm_id: if same_id { base.crm_id.clone() } else { c.crm_id.clone().or_else(|| base.crm_id.clone()) },
        ..base.clone()
    }
}
