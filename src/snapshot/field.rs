//! Naming the exact field of an error that serde reports at its object's end.
//!
//! serde_json places an error raised by a field's own parser (a rate of `"abc"`, a month of
//! `"9999-12"`) after the object when the field is the object's last, and a missing field
//! at the object. So `dataset.observations[2]` would be named where the user needs
//! `dataset.observations[2].registered_rate`. For a missing field the name is in the message;
//! otherwise each field of the object is left out in turn and the document read again: the
//! field whose absence changes the error is the one at fault. This runs only on a refused
//! text, once per field of one object.

use super::scan;
use super::SnapshotError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The value at a path such as `dataset.observations[2]`.
fn at_path<'v>(doc: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut v = doc;
    for seg in path.split('.') {
        let (key, rest) = seg.split_once('[').map_or((seg, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            v = v.get_mut(key)?;
        }
        for idx in rest.split('[') {
            let Some(n) = idx.strip_suffix(']') else {
                continue;
            };
            v = v.get_mut(n.parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

/// The field of the object at `path` whose absence changes the error `message`.
fn culprit<T: DeserializeOwned>(text: &str, path: &str, message: &str) -> Option<String> {
    let doc: Value = serde_json::from_str(text).ok()?;
    let keys: Vec<String> = {
        let mut d = doc.clone();
        at_path(&mut d, path)?
            .as_object()?
            .keys()
            .cloned()
            .collect()
    };
    for key in keys {
        let mut trial = doc.clone();
        at_path(&mut trial, path)?.as_object_mut()?.remove(&key);
        // Read back through text, not `from_value`: that would compile every Deserialize of
        // the snapshot a second time (for `Value`) into the wasm, for an error path.
        let Ok(trial) = serde_json::to_string(&trial) else {
            continue;
        };
        let changed = match serde_json::from_str::<T>(&trial) {
            Ok(_) => true,
            Err(e) => {
                let m = super::error::without_position(&e);
                m != message && !m.starts_with(&format!("missing field `{key}`"))
            }
        };
        if changed {
            return Some(key);
        }
    }
    None
}

/// The line and column (1-based, in characters) of the key of `path`.
pub(super) fn key_position(text: &str, path: &str, key: &str) -> Option<(usize, usize)> {
    let wanted = [path].into_iter().collect();
    let line = *scan::lines_of(text, &wanted).get(path)?;
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let needle = format!("\"{key}\"");
    let byte = row.find(&needle)?;
    Some((line, row.get(..byte)?.chars().count() + 1))
}

fn join(base: &str, key: &str) -> String {
    if base == "." || base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

/// `error` with the exact field when it names an object (see the module text).
pub(super) fn refine<T: DeserializeOwned>(text: &str, error: SnapshotError) -> SnapshotError {
    let SnapshotError::Invalid {
        path,
        line,
        column,
        message,
        mut detail,
    } = error
    else {
        return error;
    };
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
        .map(str::to_owned);
    let field = match &missing {
        Some(f) => Some(f.clone()),
        None if is_object(text, &path) => culprit::<T>(text, &path, &message),
        None => None,
    };
    let Some(field) = field else {
        return SnapshotError::Invalid {
            path,
            line,
            column,
            message,
            detail,
        };
    };
    let full = join(&path, &field);
    let (line, column) = if missing.is_some() {
        (line, column)
    } else {
        key_position(text, &full, &field).unwrap_or((line, column))
    };
    if missing.is_some() {
        detail.zh = format!("缺少（missing）：{}", detail.zh);
        detail.en = format!("missing: {}", detail.en);
    } else if let Some(x) = super::error::expected(&full) {
        detail.zh.push_str(&format!("；应为{}", x.zh));
        detail.en.push_str(&format!("; expected {}", x.en));
    }
    SnapshotError::Invalid {
        path: full,
        line,
        column,
        message,
        detail,
    }
}

fn is_object(text: &str, path: &str) -> bool {
    let Ok(mut doc) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    at_path(&mut doc, path).is_some_and(|v| v.is_object())
}
