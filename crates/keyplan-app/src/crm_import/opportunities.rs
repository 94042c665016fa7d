//! Importing opportunities. An opportunity row is the stored deal with its
//! CRM key, else (an export without ids) the deal of the same name on the
//! same account without a key, else a new deal of the account it names (by
//! CRM key, else by name). Accounts are never created here: a deal whose
//! account matches nothing is a row error naming the column.
//!
//! What the CRM does not carry (the link to a goal and to a whitespace cell)
//! is kept on update, unless the CRM moved the deal to another account.

use std::collections::HashMap;

use keyplan_domain::crm::{self, Field, ImportOptions, OpportunityRow, Record};
use keyplan_domain::opportunity::{MAX_CRM_ID, OpportunityData};
use keyplan_domain::text::{MAX_NAME, MAX_SHORT_TEXT};
use keyplan_domain::{AccountId, Message, Role, UserId};
use keyplan_store::{CrmTx, Opportunity};

use super::refs::{AccountIndex, Owners, column, key, resolve_account, too_long};
use super::report::{Issue, Outcome, Report};
use crate::{Auth, Result};

pub(super) async fn run(
    tx: &mut CrmTx,
    auth: &Auth,
    owners: &Owners,
    currency: &str,
    bytes: &[u8],
    options: &ImportOptions,
    report: &mut Report,
) -> Result<()> {
    let org = auth.org();
    let kam = auth.role() == Role::Kam;
    let accounts = AccountIndex::load(tx, org).await?;
    let mine = |account: AccountId| !kam || accounts.owner.get(&account).copied().flatten() == Some(auth.id());
    let mut file = crm::open(bytes, options).map_err(|e| crate::AppError::BadRequest(e.message()))?;
    let cols = Columns::new(&file.map);
    // The first row of each CRM key; a later row with the same key is refused.
    let mut first_row: HashMap<String, u64> = HashMap::new();
    for row in &mut file {
        report.rows += 1;
        let Record::Opportunity(o) = &row.record else { continue };
        report.warnings.extend(row.warnings.iter().map(Issue::from));
        let mut errors: Vec<Issue> = row.errors.iter().map(Issue::from).collect();
        let mut err =
            |column: &Option<String>, code: &str| errors.push(Issue { row: row.row, column: column.clone(), message: Message::new(code) });
        let own_key = key(o.crm_id.as_deref());
        if let Some(k) = &own_key
            && *first_row.entry(k.clone()).or_insert(row.row) != row.row
        {
            err(&cols.crm_id, "crm-import-error-duplicate-id");
        }
        let named =
            resolve_account(o.account_crm_id.as_deref(), o.account_name.as_deref(), &accounts, &cols.account_id, &cols.account_name);
        let existing = match (&own_key, &named) {
            (Some(k), _) => tx.opportunity_by_key(org, k).await?,
            (None, Ok(a)) => match &o.name {
                Some(n) => tx.opportunity_without_id(org, *a, n).await?,
                None => None,
            },
            (None, Err(_)) => None,
        };
        let account = match (named, &existing) {
            (Ok(a), _) => Some(a),
            // A row without any account cell updates the deal where it is.
            (Err(None), Some(e)) => Some(e.account_id),
            (Err(Some((code, col))), _) => {
                err(&col, code);
                None
            }
            (Err(None), None) => {
                if row.errors.is_empty() {
                    err(&None, "crm-import-error-no-account");
                }
                None
            }
        };
        if account.is_some_and(|a| !mine(a)) || existing.as_ref().is_some_and(|e| !mine(e.account_id)) {
            err(&None, "crm-import-error-not-yours");
        }
        let limits = [
            (&o.name, MAX_NAME, &cols.name),
            (&o.stage, MAX_NAME, &cols.stage),
            (&o.next_step, MAX_SHORT_TEXT, &cols.next_step),
            (&o.crm_id, MAX_CRM_ID, &cols.crm_id),
        ];
        for (value, max, col) in limits {
            if too_long(value, max) {
                err(col, "crm-import-error-too-long");
            }
        }
        if o.amount.is_some_and(|a| a < 0.0) {
            err(&cols.amount, "err-negative");
        }
        if existing.is_none() && o.name.is_none() {
            err(&cols.crm_id, "crm-import-error-name-required");
        }
        let name = o.name.clone().or_else(|| existing.as_ref().map(|e| e.name.clone())).unwrap_or_default();
        let Some(account) = account.filter(|_| errors.is_empty()) else {
            report.errors.append(&mut errors);
            report.count(row.row, &name, Outcome::Refused);
            continue;
        };
        let owner = owners.resolve(o.owner_email.as_deref(), o.owner_name.as_deref(), row.row, cols.owner.as_deref(), report);
        let outcome = match existing {
            Some(current) => {
                let before = data_of(&current);
                let moved = current.account_id != account;
                let mut after = merged(&before, o, owner);
                if moved {
                    after.goal_id = None;
                    after.whitespace_cell_id = None;
                }
                if moved || after != before {
                    tx.update_opportunity(org, current.id, moved.then_some(account), &after, auth.id()).await?;
                    Outcome::Updated
                } else {
                    Outcome::Unchanged
                }
            }
            None => {
                let data = merged(&empty(currency), o, owner);
                tx.insert_opportunity(org, account, &data, auth.id()).await?;
                Outcome::Created
            }
        };
        report.count(row.row, &name, outcome);
    }
    report.ignored_lines = file.ignored_lines();
    Ok(())
}

/// The headers errors name.
struct Columns {
    crm_id: Option<String>,
    name: Option<String>,
    stage: Option<String>,
    amount: Option<String>,
    next_step: Option<String>,
    account_id: Option<String>,
    account_name: Option<String>,
    owner: Option<String>,
}

impl Columns {
    fn new(map: &crm::ColumnMap) -> Columns {
        Columns {
            crm_id: column(map, &[Field::CrmId]),
            name: column(map, &[Field::Name]),
            stage: column(map, &[Field::Stage]),
            amount: column(map, &[Field::Amount]),
            next_step: column(map, &[Field::NextStep]),
            account_id: column(map, &[Field::AccountCrmId, Field::AccountCrmIdList]),
            account_name: column(map, &[Field::AccountName]),
            owner: column(map, &[Field::Owner]),
        }
    }
}

fn empty(currency: &str) -> OpportunityData {
    OpportunityData {
        crm_id: None,
        name: String::new(),
        stage: None,
        status: crm::OppStatus::Open,
        amount: None,
        currency: currency.to_string(),
        probability: None,
        close_date: None,
        owner_id: None,
        next_step: None,
        goal_id: None,
        whitespace_cell_id: None,
    }
}

fn data_of(o: &Opportunity) -> OpportunityData {
    OpportunityData {
        crm_id: o.crm_id.clone(),
        name: o.name.clone(),
        stage: o.stage.clone(),
        status: o.status,
        amount: o.amount,
        currency: o.currency.clone(),
        probability: o.probability,
        close_date: o.close_date,
        owner_id: o.owner_id,
        next_step: o.next_step.clone(),
        goal_id: o.goal_id,
        whitespace_cell_id: o.whitespace_cell_id,
    }
}

/// The stored fields with the row's non-empty ones over them. The CRM id
/// keeps its stored spelling when it is the same id; a fractional
/// probability is rounded to a whole percentage, as the forms take it.
fn merged(base: &OpportunityData, o: &OpportunityRow, owner: Option<UserId>) -> OpportunityData {
    let same_id = key(base.crm_id.as_deref()).is_some() && key(base.crm_id.as_deref()) == key(o.crm_id.as_deref());
    OpportunityData {
        crm_id: if same_id { base.crm_id.clone() } else { o.crm_id.clone().or_else(|| base.crm_id.clone()) },
        name: o.name.clone().unwrap_or_else(|| base.name.clone()),
        stage: o.stage.clone().or_else(|| base.stage.clone()),
        status: o.status.unwrap_or(base.status),
        amount: o.amount.or(base.amount),
        currency: o.currency.clone().unwrap_or_else(|| base.currency.clone()),
        probability: o.probability.map(|p| p.round() as i16).or(base.probability),
        close_date: o.close_date.or(base.close_date),
        owner_id: owner.or(base.owner_id),
        next_step: o.next_step.clone().or_else(|| base.next_step.clone()),
        ..base.clone()
    }
}
