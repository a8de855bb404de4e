//! A first, allocation-light pass over a snapshot text: the format id, the schema version, the
//! top-level and dataset keys and the number of rows in each dataset list — everything needed
//! to decide how (and whether) to read the rest, before any row is built.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A scalar as far as the probe cares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Scalar {
    #[default]
    Missing,
    Str(String),
    Int(u64),
    /// Present but neither a string nor a non-negative integer.
    Other,
}

#[derive(Debug, Default)]
pub(crate) struct Probe {
    /// Whether the document is a JSON object at all.
    pub is_object: bool,
    pub format: Scalar,
    pub schema_version: Scalar,
    /// Top-level keys in document order.
    pub keys: Vec<String>,
    /// Keys of `dataset` in document order (when it is an object).
    pub dataset_keys: Vec<String>,
    /// Rows of each list (or entries of each map) directly under `dataset`.
    pub rows: Vec<(String, usize)>,
}

impl Probe {
    pub fn read(text: &str) -> Result<Probe, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let probe = de.deserialize_any(ProbeVisitor)?;
        de.end()?;
        Ok(probe)
    }
}

/// Drains any value; keeps strings and unsigned integers.
struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

struct ScalarSeed;
impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Scalar;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// Counts the items of a list or the entries of a map; anything else is 0.
struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0usize;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let mut n = 0usize;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}

struct CountSeed;
impl<'de> DeserializeSeed<'de> for CountSeed {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

#[derive(Default)]
struct DatasetKeys {
    keys: Vec<String>,
    rows: Vec<(String, usize)>,
}

struct DatasetVisitor;

impl<'de> Visitor<'de> for DatasetVisitor {
    type Value = DatasetKeys;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<DatasetKeys, E> {
        Ok(DatasetKeys::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DatasetKeys, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(DatasetKeys::default())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DatasetKeys, A::Error> {
        let mut out = DatasetKeys::default();
        while let Some(key) = map.next_key::<String>()? {
            let n = map.next_value_seed(CountSeed)?;
            out.rows.push((key.clone(), n));
            out.keys.push(key);
        }
        Ok(out)
    }
}

struct DatasetSeed;
impl<'de> DeserializeSeed<'de> for DatasetSeed {
    type Value = DatasetKeys;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<DatasetKeys, D::Error> {
        d.deserialize_any(DatasetVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Probe, E> {
        Ok(Probe::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Probe, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Probe::default())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
        let mut p = Probe {
            is_object: true,
            ..Probe::default()
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => p.format = map.next_value_seed(ScalarSeed)?,
                "schema_version" => p.schema_version = map.next_value_seed(ScalarSeed)?,
                "dataset" => {
                    let d = map.next_value_seed(DatasetSeed)?;
                    p.dataset_keys = d.keys;
                    p.rows = d.rows;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            p.keys.push(key);
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_keys_and_rows() {
        let p = Probe::read(
            r#"{"format": "uew-snapshot", "schema_version": 2, "x": [1, {"a": 2}],
                "dataset": {"observations": [{}, {}, {}], "street_thresholds": {"a": 1}, "y": 5}}"#,
        )
        .unwrap();
        assert!(p.is_object);
        assert_eq!(p.format, Scalar::Str("uew-snapshot".into()));
        assert_eq!(p.schema_version, Scalar::Int(2));
        assert_eq!(p.keys, ["format", "schema_version", "x", "dataset"]);
        assert_eq!(p.dataset_keys, ["observations", "street_thresholds", "y"]);
        assert_eq!(
            p.rows,
            [
                ("observations".to_owned(), 3),
                ("street_thresholds".to_owned(), 1),
                ("y".to_owned(), 0)
            ]
        );
        assert!(!Probe::read("[1, 2]").unwrap().is_object);
        assert!(Probe::read("{\"a\": 1").is_err());
        assert!(Probe::read("{} x").is_err());
    }
}
