//! A message by code: what keyplan tells people (an error, a history line, a
//! notification) as a Fluent id and its arguments, never as a finished sentence.
//! The text is made once, where the reader's language is known (the i18n crate's
//! `Tr::msg`); history lines and notifications keep the message as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

/// A Fluent id and the values for its placeholders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub code: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, MsgArg>,
}

/// One argument of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MsgArg {
    /// Text shown as written (titles, names, comments) in every language.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A date written in the reader's language (`5 Mar 2026`, `5. März 2026`).
    Date(#[serde(with = "iso")] Date),
    /// A date keyplan has always written as `2026-03-05` in English texts;
    /// other languages write it in full.
    IsoDate(#[serde(with = "iso")] Date),
    /// An enumeration's label inside running text (`node-kind` `obstacle`):
    /// lower case in English, as labelled in other languages.
    Label { kind: String, code: String },
    /// Another message, rendered in the same language (a review's description).
    Msg(Box<Message>),
}

mod iso {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::validate::format_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        crate::validate::parse_date("date", &text).map_err(serde::de::Error::custom)
    }
}

impl Message {
    /// A message without arguments.
    pub fn new(code: impl Into<String>) -> Self {
        Message { code: code.into(), args: BTreeMap::new() }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl Into<MsgArg>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// Adds a date argument written in the reader's language.
    pub fn date(self, name: &str, d: Date) -> Self {
        self.arg(name, MsgArg::Date(d))
    }

    /// Adds a date argument that English writes as `2026-03-05`.
    pub fn iso_date(self, name: &str, d: Date) -> Self {
        self.arg(name, MsgArg::IsoDate(d))
    }

    /// Adds an enumeration's label (`label("what", "node-kind", "obstacle")`).
    pub fn label(self, name: &str, kind: &str, code: &str) -> Self {
        self.arg(name, MsgArg::Label { kind: kind.to_string(), code: code.to_string() })
    }

    /// Text kept as written, shown the same in every language (history lines
    /// from before messages were stored by code that match no known form).
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message::new(VERBATIM).arg("text", text.into())
    }

    /// The message as JSON, as history lines and notifications store it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored message.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The code of [`Message::verbatim`].
pub const VERBATIM: &str = "stored-text";

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}
impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}
impl From<&String> for MsgArg {
    fn from(s: &String) -> Self {
        MsgArg::Text(s.clone())
    }
}
impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        MsgArg::Int(n)
    }
}
impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        MsgArg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<Message> for MsgArg {
    fn from(m: Message) -> Self {
        MsgArg::Msg(Box::new(m))
    }
}

impl TryFrom<String> for Message {
    type Error = serde_json::Error;
    fn try_from(json: String) -> Result<Self, Self::Error> {
        Message::from_json(&json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn round_trips_through_json() {
        let review = Message::new("stored-review").arg("kind", "team").date("date", date!(2026 - 10 - 24));
        let m = Message::new("stored-review-moved").arg("review", review).iso_date("date", date!(2026 - 11 - 01)).arg("n", 3i64).label(
            "what",
            "node-kind",
            "obstacle",
        );
        let json = m.to_json();
        assert!(json.contains(r#""date":"2026-10-24""#), "{json}");
        assert_eq!(Message::from_json(&json).unwrap(), m);
        assert_eq!(Message::from_json(r#"{"code":"stored-plan-created"}"#).unwrap(), Message::new("stored-plan-created"));
        assert!(Message::from_json(r#"{"code":"x","args":{"d":{"date":"24 Oct"}}}"#).is_err());
    }
}
