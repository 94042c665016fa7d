//! The buying-centre model behind the stakeholder map: the account's contacts
//! with role, influence, attitude and the colleague of ours who calls on them;
//! who reports to whom (cycles and unknown managers broken into roots); and
//! what the map says at a glance (contacts nobody calls on, decision makers not
//! yet mapped).
//!
//! Rules only, no coordinates: keyplan-export lays the picture out in pixels and
//! draws it.

use std::collections::HashMap;

use crate::contact::{Attitude, BuyingRole};
use crate::{ContactId, UserId};

/// A contact as the map needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapContact {
    pub id: ContactId,
    pub name: String,
    pub title: Option<String>,
    pub reports_to: Option<ContactId>,
    pub role: Option<BuyingRole>,
    /// 1 (little) to 5 (decisive).
    pub influence: Option<i16>,
    pub attitude: Option<Attitude>,
    /// Our colleague who calls on this person.
    pub owner: Option<UserId>,
}

/// One of our colleagues who may own relationships.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOwner {
    pub id: UserId,
    pub name: String,
}

impl MapContact {
    /// Nobody on our side calls on this person.
    pub fn no_owner(&self) -> bool {
        self.owner.is_none()
    }

    /// A decision maker or economic buyer without an owner or with unknown attitude.
    pub fn decision_maker_unmapped(&self) -> bool {
        is_decision_maker(self.role) && (self.no_owner() || self.attitude.is_none())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRef {
    pub id: ContactId,
    pub name: String,
}

/// What the map shows at a glance, for a line of warnings above it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapSummary {
    pub contacts: usize,
    /// Contacts nobody on our side calls on, by name.
    pub without_owner: Vec<ContactRef>,
    /// Whether anyone has the role decision maker or economic buyer.
    pub has_decision_maker: bool,
    /// Decision makers and economic buyers without an owner or with unknown attitude.
    pub unmapped_decision_makers: Vec<ContactRef>,
}

/// Decision makers and economic buyers: the people a plan must have mapped.
pub fn is_decision_maker(role: Option<BuyingRole>) -> bool {
    matches!(role, Some(BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer))
}

/// What the map of `contacts` says at a glance; the lists are by name.
pub fn summary(contacts: &[MapContact]) -> MapSummary {
    let mut by_name: Vec<&MapContact> = contacts.iter().collect();
    by_name.sort_by(|a, b| name_order(&a.name, &b.name).then(a.id.cmp(&b.id)));
    let refs = |keep: fn(&MapContact) -> bool| {
        by_name.iter().filter(|c| keep(c)).map(|c| ContactRef { id: c.id, name: c.name.clone() }).collect::<Vec<_>>()
    };
    MapSummary {
        contacts: contacts.len(),
        without_owner: refs(MapContact::no_owner),
        has_decision_maker: contacts.iter().any(|c| is_decision_maker(c.role)),
        unmapped_decision_makers: refs(MapContact::decision_maker_unmapped),
    }
}

/// Names as people sort them: case ignored first, then exact.
pub fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b))
}

/// Who reports to whom, with cycles and dangling references made into roots.
pub struct Forest {
    /// Contacts reporting to nobody on the map, by name.
    pub roots: Vec<usize>,
    /// Each contact's reports, by name.
    pub children: Vec<Vec<usize>>,
}

impl Forest {
    /// Indices are positions in `contacts`.
    pub fn new(contacts: &[MapContact]) -> Forest {
        let mut order: Vec<usize> = (0..contacts.len()).collect();
        order.sort_by(|&a, &b| name_order(&contacts[a].name, &contacts[b].name).then(contacts[a].id.cmp(&contacts[b].id)));
        let mut rank = vec![0; contacts.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let index: HashMap<ContactId, usize> = contacts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut parent: Vec<Option<usize>> =
            contacts.iter().enumerate().map(|(i, c)| c.reports_to.and_then(|p| index.get(&p).copied()).filter(|&p| p != i)).collect();

        // Walk up from everyone; a walk that meets itself found a cycle, which is
        // broken at its first member by name.
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; contacts.len()];
        for &start in &order {
            let mut path = Vec::new();
            let mut cur = Some(start);
            while let Some(c) = cur {
                match state[c] {
                    DONE => break,
                    ON_PATH => {
                        let from = path.iter().position(|&p| p == c).unwrap_or(0);
                        if let Some(&first) = path[from..].iter().min_by_key(|&&p| rank[p]) {
                            parent[first] = None;
                        }
                        break;
                    }
                    _ => {
                        state[c] = ON_PATH;
                        path.push(c);
                        cur = parent[c];
                    }
                }
            }
            for p in path {
                state[p] = DONE;
            }
        }

        let mut children = vec![Vec::new(); contacts.len()];
        let mut roots = Vec::new();
        for &i in &order {
            match parent[i] {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        Forest { roots, children }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: i64, name: &str, reports_to: Option<i64>) -> MapContact {
        MapContact {
            id: ContactId::new(id),
            name: name.into(),
            title: None,
            reports_to: reports_to.map(ContactId::new),
            role: None,
            influence: None,
            attitude: Some(Attitude::Neutral),
            owner: Some(UserId::new(1)),
        }
    }

    #[test]
    fn cycles_self_reports_and_unknown_managers_become_roots() {
        let contacts = vec![
            contact(1, "Cid", Some(2)),
            contact(2, "Ann", Some(3)),
            contact(3, "Ben", Some(1)),
            contact(4, "Dee", Some(4)),
            contact(5, "Eve", Some(99)),
            contact(6, "Fay", Some(5)),
        ];
        let forest = Forest::new(&contacts);
        let name = |i: usize| contacts[i].name.as_str();
        // Ann, first by name, loses her manager to break the cycle.
        assert_eq!(forest.roots.iter().map(|&i| name(i)).collect::<Vec<_>>(), ["Ann", "Dee", "Eve"]);
        assert_eq!(forest.children[1].iter().map(|&i| name(i)).collect::<Vec<_>>(), ["Cid"]);
        assert_eq!(forest.children[0].iter().map(|&i| name(i)).collect::<Vec<_>>(), ["Ben"]);
        assert_eq!(forest.children[4].iter().map(|&i| name(i)).collect::<Vec<_>>(), ["Fay"]);
        assert!(forest.children[3].is_empty());
    }

    #[test]
    fn summary_names_the_gaps_by_name() {
        let mut contacts = vec![contact(1, "nora", None), contact(2, "Dora", None), contact(3, "Max", None)];
        contacts[0].owner = None;
        contacts[1].role = Some(BuyingRole::EconomicBuyer);
        contacts[1].attitude = None;
        let s = summary(&contacts);
        assert_eq!(s.contacts, 3);
        assert!(s.has_decision_maker);
        assert_eq!(s.without_owner, [ContactRef { id: ContactId::new(1), name: "nora".into() }]);
        assert_eq!(s.unmapped_decision_makers, [ContactRef { id: ContactId::new(2), name: "Dora".into() }]);
        assert!(!summary(&[contact(1, "Solo", None)]).has_decision_maker);
    }
}
