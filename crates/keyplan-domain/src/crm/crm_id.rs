//! CRM ids as compared on re-import: a Salesforce 15-character id and the
//! 18-character id of the same record are one id (case-sensitive on the first
//! 15 characters); Dynamics GUIDs compare without case or braces; any other id
//! as written, trimmed.

/// A record's id in its CRM.
#[derive(Clone, Debug)]
pub struct CrmId {
    raw: String,
    key: String,
}

const CHECKSUM_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/// The 18-character form of a 15-character Salesforce id: for each block of
/// five characters, a bit per upper-case letter picks one suffix character.
pub fn salesforce_18(id15: &str) -> Option<String> {
    if id15.len() != 15 || !id15.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut out = id15.to_string();
    for block in id15.as_bytes().chunks(5) {
        let bits = block.iter().enumerate().filter(|(_, b)| b.is_ascii_uppercase()).fold(0usize, |acc, (i, _)| acc | (1 << i));
        out.push(CHECKSUM_ALPHABET[bits] as char);
    }
    Some(out)
}

/// Looks like a Salesforce id: letters and digits, with at least one letter
/// (purely numeric ids are other CRMs').
fn salesforce_shaped(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric()) && s.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A GUID in lower case without braces, if `s` is one.
fn guid(s: &str) -> Option<String> {
    let inner = s.strip_prefix('{').and_then(|x| x.strip_suffix('}')).unwrap_or(s);
    let groups: Vec<&str> = inner.split('-').collect();
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    (lens == [8, 4, 4, 4, 12] && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))).then(|| inner.to_ascii_lowercase())
}

impl CrmId {
    /// An id from a cell; `None` when the cell is empty.
    pub fn new(text: &str) -> Option<CrmId> {
        let raw = text.trim();
        if raw.is_empty() {
            return None;
        }
        let key = if let Some(g) = guid(raw) {
            g
        } else if raw.len() == 15 && salesforce_shaped(raw) {
            salesforce_18(raw).unwrap_or_else(|| raw.to_string())
        } else if raw.len() == 18 && salesforce_shaped(raw) {
            // The suffix is case-insensitive; a wrong one means it is no Salesforce id.
            match salesforce_18(&raw[..15]) {
                Some(full) if full[15..].eq_ignore_ascii_case(&raw[15..]) => full,
                _ => raw.to_string(),
            }
        } else {
            raw.to_string()
        };
        Some(CrmId { raw: raw.to_string(), key })
    }

    /// The id as written (trimmed).
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The canonical form two ids of the same record share: the 18-character
    /// Salesforce id, a lower-case GUID, else the trimmed text.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl PartialEq for CrmId {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for CrmId {}

impl std::hash::Hash for CrmId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> CrmId {
        CrmId::new(s).unwrap()
    }

    #[test]
    fn salesforce_checksum() {
        // Blocks "001Dn", "00000", "abCDE": upper-case bits 0b01000, 0, 0b11100 (I, A, 2).
        assert_eq!(salesforce_18("001Dn00000abCDE").as_deref(), Some("001Dn00000abCDEIA2"));
        assert_eq!(salesforce_18("0015000000XXXXX").as_deref(), Some("0015000000XXXXXAA5"));
        assert_eq!(salesforce_18("00150000"), None);
    }

    #[test]
    fn fifteen_matches_eighteen() {
        assert_eq!(id("001Dn00000abCDE"), id("001Dn00000abCDEIA2"));
        assert_eq!(id("001Dn00000abCDE"), id(" 001Dn00000abCDEia2 "));
        // Case matters on the first 15 characters.
        assert_ne!(id("001Dn00000abCDE"), id("001Dn00000ABCDE"));
        assert_ne!(id("001dn00000abcde"), id("001Dn00000abCDEIA2"));
        // A wrong suffix is not the same record.
        assert_ne!(id("001Dn00000abCDE"), id("001Dn00000abCDEAAA"));
        assert_eq!(id("001Dn00000abCDE").key(), "001Dn00000abCDEIA2");
        assert_eq!(id("001Dn00000abCDE").as_str(), "001Dn00000abCDE");
    }

    #[test]
    fn guids_and_others() {
        let a = id("{8F2C1A3B-4D5E-6F70-8192-A3B4C5D6E7F8}");
        assert_eq!(a, id("8f2c1a3b-4d5e-6f70-8192-a3b4c5d6e7f8"));
        assert_eq!(a.key(), "8f2c1a3b-4d5e-6f70-8192-a3b4c5d6e7f8");
        assert_eq!(id(" 12345678901 "), id("12345678901"));
        assert_eq!(id("123456789012345").key(), "123456789012345");
        assert_ne!(id("ERP-100"), id("erp-100"));
        assert_eq!(CrmId::new("  "), None);
    }
}
