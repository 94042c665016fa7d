//! Search fields instead of pickers that list a whole organisation: the form posts
//! what was typed (a name, CRM id or e-mail) and, when the small script found it,
//! the chosen id as a hint; the server resolves the text to one account or user,
//! or names the field with what went wrong.

use keyplan_domain::{FieldError, Message, OrgId};
use keyplan_store::{Choice, Store};

use crate::AppError;

/// What is looked up, which form field gets the id, and the messages.
pub struct SearchField {
    pub id_field: &'static str,
    accounts: bool,
    none: &'static str,
    many: &'static str,
}

pub const PARENT: SearchField =
    SearchField { id_field: "parent_id", accounts: true, none: "picker-err-parent-none", many: "picker-err-parent-many" };
pub const OWNER: SearchField =
    SearchField { id_field: "owner_id", accounts: false, none: "picker-err-owner-none", many: "picker-err-owner-many" };
pub const COLLEAGUE: SearchField =
    SearchField { id_field: "user_id", accounts: false, none: "picker-err-colleague-none", many: "picker-err-colleague-many" };
/// Who owns a goal, obstacle or commitment of a plan.
pub const NODE_OWNER: SearchField =
    SearchField { id_field: "owner_id", accounts: false, none: "picker-err-node-owner-none", many: "picker-err-node-owner-many" };
pub const CONTACT_OWNER: SearchField = SearchField {
    id_field: "relationship_owner_id",
    accounts: false,
    none: "picker-err-contact-owner-none",
    many: "picker-err-contact-owner-many",
};

/// Suggestions looked at to resolve a text; more than this many is "20+".
const LOOK_AT: i64 = 21;

/// The id (as form text, empty for none) that `text` stands for. `hint` is the id
/// the script put next to the text; it wins among several whole matches.
pub async fn resolve(store: &Store, org: OrgId, field: &SearchField, text: &str, hint: &str) -> Result<String, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let choices =
        if field.accounts { store.account_choices(org, text, LOOK_AT).await? } else { store.user_choices(org, text, LOOK_AT).await? };
    pick(field, text, hint, &choices).map(|id| id.to_string()).map_err(|e| AppError::Validation(vec![e]))
}

fn pick(field: &SearchField, text: &str, hint: &str, choices: &[Choice]) -> Result<i64, FieldError> {
    let hint = hint.trim().parse::<i64>().ok();
    let exact: Vec<&Choice> = choices.iter().filter(|c| c.exact).collect();
    if let Some(h) = hint.filter(|h| exact.iter().any(|c| c.id == *h)) {
        return Ok(h);
    }
    let candidates: Vec<&Choice> = if exact.is_empty() { choices.iter().collect() } else { exact };
    match candidates.as_slice() {
        [one] => Ok(one.id),
        [] => Err(FieldError::new(field.id_field, Message::new(field.none).arg("text", text))),
        many => {
            let count = if many.len() as i64 >= LOOK_AT { format!("{}+", LOOK_AT - 1) } else { many.len().to_string() };
            Err(FieldError::new(field.id_field, Message::new(field.many).arg("text", text).arg("count", count)))
        }
    }
}

/// Resolves several fields, collecting every problem.
pub async fn resolve_all(store: &Store, org: OrgId, fields: &[(&SearchField, &str, &str)]) -> Result<Vec<String>, AppError> {
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for (field, text, hint) in fields {
        match resolve(store, org, field, text, hint).await {
            Ok(id) => ids.push(id),
            Err(AppError::Validation(mut e)) => {
                ids.push(String::new());
                errors.append(&mut e);
            }
            Err(e) => return Err(e),
        }
    }
    if errors.is_empty() { Ok(ids) } else { Err(AppError::Validation(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, exact: bool) -> Choice {
        Choice { id, label: format!("A{id}"), detail: None, exact }
    }

    #[test]
    fn one_match_wins_and_several_are_named() {
        assert_eq!(pick(&PARENT, "acme", "", &[c(1, false)]), Ok(1));
        assert_eq!(pick(&PARENT, "acme", "", &[c(1, true), c(2, false)]), Ok(1));
        assert_eq!(pick(&PARENT, "acme", "2", &[c(1, true), c(2, true)]), Ok(2));
        // A stale hint does not pick something the text does not name.
        assert_eq!(pick(&PARENT, "acme", "9", &[c(1, false)]), Ok(1));
        let none = pick(&PARENT, "zz", "", &[]).unwrap_err();
        assert_eq!((none.field.as_str(), none.message.code.as_str()), ("parent_id", "picker-err-parent-none"));
        let many = pick(&OWNER, "a", "", &[c(1, false), c(2, false)]).unwrap_err();
        assert_eq!((many.field.as_str(), many.message.code.as_str()), ("owner_id", "picker-err-owner-many"));
    }
}
