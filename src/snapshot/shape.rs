//! Lists where objects belong.
//!
//! serde's derived structs also accept a JSON array, reading it field by field in order: so
//! `"dataset": []` would be an empty dataset and `"key_groups": [1]` would mean 1 graduate. A
//! snapshot is written by hand at times, and such a value is a mistake, never a shorthand.
//! After a successful parse the document is compared with the parsed value written back:
//! wherever the text has an array and the value writes an object, the text gave a list for a
//! struct. The comparison only follows keys present on both sides, so defaults, renamed or
//! skipped fields and unknown keys never raise it.

use serde_json::Value;

/// The path of the first array in `text` where `parsed` writes an object (`dataset`,
/// `dataset.observations[0].key_groups`), `None` when every shape agrees.
#[cfg(test)]
fn list_for_object(text: &str, parsed: &impl serde::Serialize) -> Option<String> {
    let doc: Value = serde_json::from_str(text).ok()?;
    let out = serde_json::to_value(parsed).ok()?;
    let mut path = String::new();
    first_mismatch(&doc, &out, &mut path).then_some(path)
}

/// As `list_for_object` for a snapshot, one top-level field at a time and only the fields the
/// text has: a link that names the built-in plan (`plan_ref`) never writes the plan out.
pub(super) fn list_for_object_in(text: &str, snap: &super::Snapshot) -> Option<String> {
    let doc: Value = serde_json::from_str(text).ok()?;
    for (key, dv) in doc.as_object()? {
        // Written as text and read back, not `to_value`: that would compile every Serialize
        // of the snapshot a second time (for `Value`) into the wasm.
        let written = match key.as_str() {
            "scope" => serde_json::to_string(&snap.scope),
            "plan" => serde_json::to_string(&snap.plan),
            "dataset" => serde_json::to_string(&snap.dataset),
            "scenarios" => serde_json::to_string(&snap.scenarios),
            "response" => serde_json::to_string(&snap.response),
            // Texts and numbers: serde already refuses a list for them.
            _ => continue,
        };
        let Some(ov) = written
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            continue;
        };
        let mut path = key.clone();
        if first_mismatch(dv, &ov, &mut path) {
            return Some(path);
        }
    }
    None
}

/// Walks both values; on a mismatch leaves its path in `path` and returns true. The depth is
/// bounded by the pre-scan's nesting limit.
fn first_mismatch(doc: &Value, out: &Value, path: &mut String) -> bool {
    match (doc, out) {
        (Value::Array(_), Value::Object(_)) => true,
        (Value::Object(d), Value::Object(o)) => {
            for (key, dv) in d {
                let Some(ov) = o.get(key) else { continue };
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if first_mismatch(dv, ov, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        (Value::Array(d), Value::Array(o)) => {
            for (i, (dv, ov)) in d.iter().zip(o).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                if first_mismatch(dv, ov, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Inner {
        a: u32,
    }

    #[derive(Serialize)]
    struct Outer {
        rows: Vec<Inner>,
        one: Inner,
    }

    fn parsed() -> Outer {
        Outer {
            rows: vec![Inner { a: 1 }, Inner { a: 2 }],
            one: Inner { a: 3 },
        }
    }

    #[test]
    fn a_list_in_place_of_an_object_is_named_by_its_path() {
        let text = r#"{"rows": [{"a": 1}, [2]], "one": {"a": 3}}"#;
        assert_eq!(list_for_object(text, &parsed()).as_deref(), Some("rows[1]"));
        let text = r#"{"rows": [{"a": 1}, {"a": 2}], "one": [3]}"#;
        assert_eq!(list_for_object(text, &parsed()).as_deref(), Some("one"));
    }

    #[test]
    fn a_snapshot_is_checked_field_by_field() {
        let snap = crate::snapshot::Snapshot::new(
            crate::plan::Plan::binjiang_2020(),
            crate::demo::dataset(),
            "2026-11-01T09:00:00+08:00",
        );
        let text = snap.to_json_compact();
        assert_eq!(list_for_object_in(&text, &snap), None);
        // Only the shape matters here, not whether the text still parses as a snapshot.
        let i = snap
            .dataset
            .observations
            .iter()
            .position(|o| !o.key_groups.is_empty())
            .unwrap();
        let rows = vec!["{}"; i].join(",");
        let sep = if i == 0 { "" } else { "," };
        let doc =
            format!(r#"{{"dataset": {{"observations": [{rows}{sep}{{"key_groups": [1]}}]}}}}"#);
        assert_eq!(
            list_for_object_in(&doc, &snap),
            Some(format!("dataset.observations[{i}].key_groups"))
        );
    }

    #[test]
    fn matching_shapes_and_unknown_keys_pass() {
        let text = r#"{"rows": [{"a": 1}, {"a": 2, "x": [1]}], "one": {"a": 3}, "y": []}"#;
        assert_eq!(list_for_object(text, &parsed()), None);
    }
}
