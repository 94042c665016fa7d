//! Bytes to text: the encodings CRM exports arrive in. A byte-order mark decides
//! for UTF-8 and UTF-16 (Excel's "Unicode text"); without one, valid UTF-8 is
//! UTF-8 and anything else is Windows-1252 (a German Excel "CSV" save), which
//! decodes every byte, so `Müller` and an en dash (0x96) come through intact.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::crm::error::CrmError;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    /// The name the import report gives.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// A file's text, without its byte-order mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub encoding: Encoding,
    pub text: String,
}

/// Share of control characters (other than tab, CR, LF) above which text is
/// taken for binary data: real exports have none at all.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes a whole file (files are limited in size, so one string is fine;
/// its records are then read one at a time).
pub fn decode(bytes: &[u8]) -> Result<Decoded, CrmError> {
    let (encoding, text) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, std::str::from_utf8(rest).map_err(|_| CrmError::Undecodable)?.to_string())
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, utf16(rest, UTF_16LE)?)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, utf16(rest, UTF_16BE)?)
    } else {
        if bytes.contains(&0) {
            return Err(if bytes.is_empty() { CrmError::Empty } else { CrmError::Binary });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (Encoding::Utf8, s.to_string()),
            Err(_) => (Encoding::Windows1252, WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()),
        }
    };
    if text.trim().is_empty() {
        return Err(CrmError::Empty);
    }
    if looks_binary(&text) {
        return Err(CrmError::Binary);
    }
    Ok(Decoded { encoding, text })
}

fn utf16(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<String, CrmError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(CrmError::Undecodable);
    }
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|c| c.into_owned()).ok_or(CrmError::Undecodable)
}

/// NUL anywhere, or many control characters in the first 64 KiB.
fn looks_binary(text: &str) -> bool {
    let sample: String = text.chars().take(65_536).collect();
    let total = sample.chars().count().max(1);
    let controls = sample.chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')).count();
    sample.contains('\0') || controls as f64 / total as f64 > MAX_CONTROL_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_bytes(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            out.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Name\nMüller – Straße\n".as_bytes()).unwrap();
        assert_eq!((plain.encoding, plain.text.as_str()), (Encoding::Utf8, "Name\nMüller – Straße\n"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("Name\nJürgen\n".as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), (Encoding::Utf8, "Name\nJürgen\n"));
        assert_eq!(d.encoding.as_str(), "utf-8");
    }

    #[test]
    fn utf16_both_orders() {
        let le = decode(&utf16_bytes("Name\tOrt\r\nMüller\tStraße – 1\r\n", true)).unwrap();
        assert_eq!((le.encoding.as_str(), le.text.as_str()), ("utf-16le", "Name\tOrt\r\nMüller\tStraße – 1\r\n"));
        let be = decode(&utf16_bytes("Name\nJürgen\n", false)).unwrap();
        assert_eq!((be.encoding.as_str(), be.text.as_str()), ("utf-16be", "Name\nJürgen\n"));
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let bytes = b"Name;Ort\nM\xFCller;Stra\xDFe \x96 J\xFCrgen\n";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding.as_str(), "windows-1252");
        assert_eq!(d.text, "Name;Ort\nMüller;Straße – Jürgen\n");
    }

    #[test]
    fn empty_binary_and_undecodable() {
        assert_eq!(decode(b""), Err(CrmError::Empty));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF]), Err(CrmError::Empty));
        assert_eq!(decode(b" \r\n\n"), Err(CrmError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x06\x00"), Err(CrmError::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04abc\x05\x06"), Err(CrmError::Binary));
        // A UTF-16 mark followed by an odd number of bytes, or a lone surrogate.
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(CrmError::Undecodable));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(CrmError::Undecodable));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF, b'a', 0xFF]), Err(CrmError::Undecodable));
        assert_eq!(CrmError::Binary.code(), "crm-error-binary-file");
    }
}
