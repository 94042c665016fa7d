//! Request bodies as the OpenAPI document describes them.
//!
//! The API reads its bodies as a [`super::JsonObject`] and overlays the fields
//! onto the record being edited, so that a PATCH changes only what it sends and
//! a wrongly typed field gets the same worded field error as the form does.
//! A serde struct per body would document the fields but never be read (dead
//! code kept only for the document). Instead [`body!`] declares each body once:
//! the same declaration gives the document its schema and the handler the list
//! of fields it accepts (`Body::FIELDS`), so the two cannot drift apart.

use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{KnownFormat, RefOr};

/// Declares a request body: a unit type whose `schema()` is an object of the
/// listed fields and whose [`Body::FIELDS`] are their names, in order.
macro_rules! body {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $fdoc:literal])* $field:ident: $kind:expr),* $(,)? }) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $crate::api::schema::Body for $name {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let object = utoipa::openapi::schema::ObjectBuilder::new()
                    .description(Some(concat!($($doc, "\n"),*).trim()).filter(|d| !d.is_empty()));
                $(let object = $crate::api::schema::add(object, stringify!($field), $kind, concat!($($fdoc, "\n"),*));)*
                object.into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

pub(crate) use body;

/// A request body declared with [`body!`].
pub trait Body {
    /// The body's fields, in the order the document lists them.
    const FIELDS: &'static [&'static str];

    /// The body's fields except `except` (those a handler reads by itself).
    fn fields_except(except: &[&str]) -> Vec<&'static str> {
        Self::FIELDS.iter().copied().filter(|f| !except.contains(f)).collect()
    }
}

/// One field of a body: its schema, and whether the body must carry it.
pub struct Field {
    schema: Schema,
    required: bool,
}

fn field(schema: impl Into<Schema>) -> Field {
    Field { schema: schema.into(), required: true }
}

/// A text.
pub fn text() -> Field {
    field(ObjectBuilder::new().schema_type(Type::String))
}

/// A whole number.
pub fn integer() -> Field {
    field(ObjectBuilder::new().schema_type(Type::Integer).format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64))))
}

/// A number with a fraction.
pub fn number() -> Field {
    field(ObjectBuilder::new().schema_type(Type::Number).format(Some(SchemaFormat::KnownFormat(KnownFormat::Double))))
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date() -> Field {
    field(ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))))
}

/// `true` or `false`.
pub fn boolean() -> Field {
    field(ObjectBuilder::new().schema_type(Type::Boolean))
}

/// An object whose fields another document describes.
pub fn object(described_in: &str) -> Field {
    field(ObjectBuilder::new().schema_type(Type::Object).description(Some(format!("See {described_in}."))))
}

/// A list of objects whose fields another document describes.
pub fn objects(described_in: &str) -> Field {
    field(ArrayBuilder::new().items(ObjectBuilder::new().schema_type(Type::Object)).description(Some(format!("See {described_in}."))))
}

/// A list of `T`.
pub fn list_of<T: utoipa::PartialSchema>() -> Field {
    field(ArrayBuilder::new().items(T::schema()))
}

/// A `T` in place.
pub fn object_of<T: utoipa::PartialSchema>() -> Field {
    match T::schema() {
        RefOr::T(schema) => field(schema),
        RefOr::Ref(r) => field(OneOfBuilder::new().item(r)),
    }
}

/// `inner`, null, or left out.
pub fn nullable(inner: Field) -> Field {
    Field { schema: OneOfBuilder::new().item(ObjectBuilder::new().schema_type(Type::Null)).item(inner.schema).into(), required: false }
}

/// Adds `field` under `name` to `object`, with its doc comment as description.
pub fn add(object: ObjectBuilder, name: &str, field: Field, doc: &str) -> ObjectBuilder {
    let doc = doc.lines().map(str::trim).collect::<Vec<_>>().join(" ").trim().to_string();
    let schema = match (field.schema, doc.is_empty()) {
        (schema, true) => schema,
        (Schema::Object(mut o), false) => {
            o.description = Some(doc);
            Schema::Object(o)
        }
        (Schema::Array(mut a), false) => {
            a.description = Some(doc);
            Schema::Array(a)
        }
        (Schema::OneOf(mut o), false) => {
            o.description = Some(doc);
            Schema::OneOf(o)
        }
        (other, false) => other,
    };
    let object = object.property(name, schema);
    if field.required { object.required(name) } else { object }
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use super::*;

    body! {
        /// A sample body.
        Sample {
            /// The name.
            name: text(),
            count: nullable(integer()),
        }
    }

    #[test]
    fn a_body_lists_its_fields_in_the_document_and_for_the_handler() {
        assert_eq!(Sample::FIELDS, &["name", "count"]);
        assert_eq!(Sample::fields_except(&["count"]), vec!["name"]);
        let json = serde_json::to_value(Sample::schema()).unwrap();
        assert_eq!(json["type"], "object");
        assert_eq!(json["description"], "A sample body.");
        assert_eq!(json["properties"]["name"]["type"], "string");
        assert_eq!(json["properties"]["name"]["description"], "The name.");
        assert!(json["properties"]["count"]["oneOf"].is_array());
        assert_eq!(json["required"], serde_json::json!(["name"]));
    }
}
