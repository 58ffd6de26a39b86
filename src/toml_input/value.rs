//! The value types a TOML key can hold, each saying in a person's words what
//! it expects (`expected a whole number`, `expected true or false`), so a
//! value of the wrong type is reported without naming a Rust type. A table or
//! a date where a plain value belongs is called what it is, as serde would
//! call both a "map".

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

/// A whole number: `hold = 30`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WholeNumber(pub i64);

/// `true` or `false`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flag(pub bool);

/// A string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Text(pub String);

/// An array: `setup = ["Lie down.", "Breathe."]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

/// The error for a table or a date where `expected` belongs.
fn table_or_date<E: de::Error>(expected: &dyn de::Expected) -> E {
    E::custom(format_args!(
        "invalid type: a table or a date, expected {expected}"
    ))
}

struct WholeNumberVisitor;

/// `Unexpected` has no 128-bit integers, so this one message is written out.
fn too_large<E: de::Error>(v: impl fmt::Display) -> E {
    E::custom(format_args!(
        "invalid value: integer `{v}`, expected a whole number"
    ))
}

impl<'de> Visitor<'de> for WholeNumberVisitor {
    type Value = WholeNumber;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<WholeNumber, E> {
        Ok(WholeNumber(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<WholeNumber, E> {
        i64::try_from(v)
            .map(WholeNumber)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<WholeNumber, E> {
        Err(too_large(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<WholeNumber, E> {
        Err(too_large(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<WholeNumber, A::Error> {
        Err(table_or_date(&self))
    }
}

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeNumberVisitor)
    }
}

struct FlagVisitor;

impl<'de> Visitor<'de> for FlagVisitor {
    type Value = Flag;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("true or false")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
        Ok(Flag(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Flag, A::Error> {
        Err(table_or_date(&self))
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlagVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Text, A::Error> {
        Err(table_or_date(&self))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array like [\"a\", \"b\"]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<List<T>, A::Error> {
        Err(table_or_date(&self))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error<T: for<'de> Deserialize<'de> + fmt::Debug>(toml_value: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        struct One<T> {
            #[allow(dead_code, reason = "only parsed, for the error parsing it gives")]
            x: T,
        }
        toml::from_str::<One<T>>(&format!("x = {toml_value}"))
            .unwrap_err()
            .message()
            .to_string()
    }

    #[test]
    fn each_type_says_what_it_expects_in_plain_words() {
        assert_eq!(
            error::<WholeNumber>("\"long\""),
            "invalid type: string \"long\", expected a whole number"
        );
        assert_eq!(
            error::<WholeNumber>("1.5"),
            "invalid type: floating point `1.5`, expected a whole number"
        );
        assert_eq!(
            error::<WholeNumber>("9223372036854775808"),
            "invalid value: integer `9223372036854775808`, expected a whole number"
        );
        assert_eq!(
            error::<WholeNumber>("-170141183460469231731687303715884105728"),
            "invalid value: integer `-170141183460469231731687303715884105728`, expected a whole number"
        );
        assert_eq!(
            error::<WholeNumber>("1979-05-27"),
            "invalid type: a table or a date, expected a whole number"
        );
        assert_eq!(
            error::<Flag>("\"yes\""),
            "invalid type: string \"yes\", expected true or false"
        );
        assert_eq!(
            error::<Text>("{ a = 1 }"),
            "invalid type: a table or a date, expected a string"
        );
        assert_eq!(
            error::<List<Text>>("\"x\""),
            "invalid type: string \"x\", expected an array like [\"a\", \"b\"]"
        );
        assert_eq!(
            error::<List<Text>>("{}"),
            "invalid type: a table or a date, expected an array like [\"a\", \"b\"]"
        );
    }
}
