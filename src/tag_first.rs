//! Internally tagged enums (`{"kind": "…", …fields}`) read tag-first.
//!
//! serde's `#[serde(tag = "…")]` reads each object whole into a private buffer before it knows
//! the variant, then reads the variant from the buffer: every field type gets a second reader,
//! which made the enums of the response's audit trail and the what-if tweaks the largest single
//! functions of the download. The app writes the tag first (serde's internally tagged writer
//! does), so the reader here takes the first entry as the tag and reads the rest of the object
//! straight into the variant, through the same readers as everything else. An object whose tag
//! is not its first entry (edited by hand) is refused with a message naming the tag.
//!
//! [`tag_first_enum!`](crate::tag_first_enum) declares such an enum once: the enum with serde's
//! internally tagged writer, and a twin (`#[serde(remote)]`, checked by the compiler against
//! the enum) whose externally tagged reader [`deserialize`] feeds.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use std::fmt;
use std::marker::PhantomData;

/// An enum read from an externally tagged input (implemented by [`tag_first_enum!`](crate::tag_first_enum)).
pub trait ReadTagged<'de>: Sized {
    fn read_tagged<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Reads an object whose first entry is `tag` into `T`.
pub fn deserialize<'de, D, T>(d: D, tag: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ReadTagged<'de>,
{
    d.deserialize_map(TagFirst::<T> {
        tag,
        out: PhantomData,
    })
}

struct TagFirst<T> {
    tag: &'static str,
    out: PhantomData<T>,
}

impl<'de, T: ReadTagged<'de>> Visitor<'de> for TagFirst<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object whose first entry is \"{}\"", self.tag)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<String>()? {
            Some(k) if k == self.tag => {}
            _ => {
                return Err(de::Error::custom(format_args!(
                    "\"{}\" must be the object's first entry",
                    self.tag
                )))
            }
        }
        let name: String = map.next_value()?;
        T::read_tagged(Tagged { name, rest: map })
    }
}

/// The tag's value and the rest of the object, as an externally tagged enum's input.
struct Tagged<A> {
    name: String,
    rest: A,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Tagged<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Tagged<A> {
    type Error = A::Error;
    type Variant = Rest<A>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Rest<A>), A::Error> {
        let v = seed.deserialize(self.name.into_deserializer())?;
        Ok((v, Rest(self.rest)))
    }
}

/// The object after its tag.
struct Rest<A>(A);

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn unit_variant(mut self) -> Result<(), A::Error> {
        // Like serde's internally tagged reader, other entries beside a unit variant's tag are
        // ignored.
        while self.0.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        seed.deserialize(de::value::MapAccessDeserializer::new(self.0))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, A::Error> {
        Err(de::Error::custom("a tagged object cannot hold a tuple"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }
}

/// Declares an internally tagged enum (`tag = "…"`) that is written by serde's derive and read
/// tag-first (see the module). The body is written once; `remote` is the enum's name as a string.
#[macro_export]
macro_rules! tag_first_enum {
    (
        tag = $tag:literal, remote = $remote:literal, twin = $twin:ident;
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($body:tt)* }
    ) => {
        $(#[$meta])*
        #[derive(serde::Serialize)]
        #[serde(tag = $tag, rename_all = "kebab-case")]
        $vis enum $name { $($body)* }

        #[derive(serde::Deserialize)]
        #[serde(remote = $remote, rename_all = "kebab-case")]
        #[allow(dead_code)]
        enum $twin { $($body)* }

        impl<'de> $crate::tag_first::ReadTagged<'de> for $name {
            fn read_tagged<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $twin::deserialize(d)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::tag_first::deserialize(d, $tag)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Inner {
        a: u32,
    }

    crate::tag_first_enum! {
        tag = "kind", remote = "Sample", twin = SampleIn;
        #[derive(Debug, PartialEq)]
        pub enum Sample {
            Plain { x: u32, #[serde(default)] note: Option<String> },
            Wrapped(Inner),
            Empty,
        }
    }

    fn read(text: &str) -> Result<Sample, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn what_the_writer_writes_reads_back_for_every_variant_shape() {
        for v in [
            Sample::Plain {
                x: 7,
                note: Some("说明".into()),
            },
            Sample::Plain { x: 0, note: None },
            Sample::Wrapped(Inner { a: 3 }),
            Sample::Empty,
        ] {
            let text = serde_json::to_string(&v).unwrap();
            assert!(text.starts_with("{\"kind\":"), "{text}");
            assert_eq!(read(&text).unwrap(), v);
        }
        // Defaults apply as with serde's own reader; a unit variant ignores other entries.
        assert_eq!(
            read(r#"{"kind":"plain","x":1}"#).unwrap(),
            Sample::Plain { x: 1, note: None }
        );
        assert_eq!(read(r#"{"kind":"empty","y":2}"#).unwrap(), Sample::Empty);
        // Inside a list, as in the audit trail.
        let list: Vec<Sample> =
            serde_json::from_str(r#"[{"kind":"empty"},{"kind":"wrapped","a":1}]"#).unwrap();
        assert_eq!(list, [Sample::Empty, Sample::Wrapped(Inner { a: 1 })]);
    }

    #[test]
    fn a_misplaced_or_unknown_tag_and_a_missing_field_are_named() {
        let e = read(r#"{"x":1,"kind":"plain"}"#).unwrap_err();
        assert!(
            e.contains("\"kind\" must be the object's first entry"),
            "{e}"
        );
        let e = read(r#"{"kind":"other"}"#).unwrap_err();
        assert!(e.contains("unknown variant `other`"), "{e}");
        let e = read(r#"{"kind":"plain"}"#).unwrap_err();
        assert!(e.contains("missing field `x`"), "{e}");
        let e = read(r#"{"kind":"plain","x":"seven"}"#).unwrap_err();
        assert!(e.contains("invalid type"), "{e}");
        assert!(read("[]").is_err());
    }
}
