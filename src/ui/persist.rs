//! The workspace in `localStorage`: load, save with read-back, and the revision counter that stops
//! an older tab from overwriting a newer one.
//!
//! The snapshot text goes through `web_sys::Storage` directly rather than gloo-storage: every
//! failure (storage disabled, quota full, a read-back that does not match) must come back as a
//! value the UI shows, and the text is stored as-is rather than JSON-encoded a second time.

use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};

pub const SNAPSHOT_KEY: &str = "uew.snapshot";
pub const META_KEY: &str = "uew.meta";

/// Bookkeeping stored beside the snapshot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Increases with every save from any tab.
    pub rev: u64,
    /// The tab that wrote `rev`.
    pub writer: String,
    /// When it was saved (ISO 8601, local time of the browser).
    pub saved: String,
    /// When a snapshot file was last exported (for the backup reminder).
    #[serde(default)]
    pub last_export: Option<String>,
    /// Whether the stored data is the built-in sample, untouched.
    #[serde(default)]
    pub sample: bool,
}

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing stored yet: first visit.
    Empty,
    Found(Box<Snapshot>, Meta),
    /// Written by a newer version of the app: shown read-only, never overwritten.
    Newer(Box<Snapshot>, crate::plan::Text),
    /// Stored text that this build cannot read; it is left untouched.
    Corrupt {
        error: String,
    },
    /// Storage cannot be used at all (disabled, blocked by policy).
    Unavailable(String),
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Unavailable(String),
    /// Quota full or another write failure.
    Write(String),
    /// What was read back differs from what was written.
    ReadBack,
    /// Another tab saved a newer revision since this tab loaded or saved.
    NewerElsewhere(Meta),
}

fn storage() -> Result<web_sys::Storage, String> {
    let w = web_sys::window().ok_or("no window")?;
    match w.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".into()),
        Err(e) => Err(js_message(&e)),
    }
}

/// The text of a thrown JS value (DOMException name and message, or its string form).
pub fn js_message(v: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        let name: String = e.name().into();
        let msg: String = e.message().into();
        return format!("{name}: {msg}");
    }
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

pub fn read_meta() -> Option<Meta> {
    let s = storage().ok()?;
    let text = s.get_item(META_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn load() -> Loaded {
    let s = match storage() {
        Ok(s) => s,
        Err(e) => return Loaded::Unavailable(e),
    };
    let raw = match s.get_item(SNAPSHOT_KEY) {
        Ok(Some(t)) => t,
        Ok(None) => return Loaded::Empty,
        Err(e) => return Loaded::Unavailable(js_message(&e)),
    };
    match Snapshot::open(&raw) {
        Ok(o) => match o.read_only {
            Some(why) => Loaded::Newer(Box::new(o.snapshot), why.text()),
            None => Loaded::Found(Box::new(o.snapshot), read_meta().unwrap_or_default()),
        },
        Err(e) => Loaded::Corrupt {
            error: e.to_string(),
        },
    }
}

/// Writes the snapshot unless another tab has saved a newer revision than `base_rev`; then
/// reads it back. Returns the new meta.
pub fn save(snap: &Snapshot, base_rev: u64, mut meta: Meta) -> Result<Meta, SaveError> {
    let s = storage().map_err(SaveError::Unavailable)?;
    if let Some(stored) = read_meta() {
        if stored.rev > base_rev && stored.writer != meta.writer {
            return Err(SaveError::NewerElsewhere(stored));
        }
        meta.rev = stored.rev.max(base_rev) + 1;
        if meta.last_export.is_none() {
            meta.last_export = stored.last_export;
        }
    } else {
        meta.rev = base_rev + 1;
    }
    // The built-in plan, unchanged, is stored by its id: about half of the sample's text, no
    // longer serialised and written on every edit.
    let text = snap.to_json_compact();
    if text.is_empty() {
        return Err(SaveError::Write(
            "the snapshot could not be written as text".into(),
        ));
    }
    s.set_item(SNAPSHOT_KEY, &text)
        .map_err(|e| SaveError::Write(js_message(&e)))?;
    if stored_units(&s, SNAPSHOT_KEY) != Some(text.encode_utf16().count()) {
        return Err(SaveError::ReadBack);
    }
    let meta_text = serde_json::to_string(&meta).map_err(|e| SaveError::Write(e.to_string()))?;
    s.set_item(META_KEY, &meta_text)
        .map_err(|e| SaveError::Write(js_message(&e)))?;
    Ok(meta)
}

/// The length (UTF-16 units) of what `key` holds, read in the browser: a cheap check that a
/// write landed whole, without copying the text back into the module on the edit's frame.
fn stored_units(s: &web_sys::Storage, key: &str) -> Option<usize> {
    let v = js_sys::Reflect::get(s, &wasm_bindgen::JsValue::from_str(key)).ok()?;
    let text: js_sys::JsString = wasm_bindgen::JsCast::dyn_into(v).ok()?;
    Some(text.length() as usize)
}

/// Records an export time in the stored meta (best effort).
pub fn note_export(when: &str) {
    if let (Ok(s), Some(mut m)) = (storage(), read_meta()) {
        m.last_export = Some(when.to_owned());
        if let Ok(t) = serde_json::to_string(&m) {
            let _ = s.set_item(META_KEY, &t);
        }
    }
}

/// The raw stored snapshot text, for "download what is stored" when it cannot be read.
pub fn raw_snapshot() -> Option<String> {
    storage().ok()?.get_item(SNAPSHOT_KEY).ok()?
}

pub const BACKUP_KEY: &str = "uew.backup";
pub const BACKUP_META_KEY: &str = "uew.backup.meta";

/// When and why the backup was made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupMeta {
    pub saved: String,
    /// `import`, `merge`, `share`, `restore`.
    pub reason: String,
}

/// Keeps `text` (a snapshot) as the one automatic backup.
pub fn save_backup(text: &str, reason: &str) -> Result<(), String> {
    let s = storage()?;
    let meta = BackupMeta {
        saved: js_sys::Date::new_0().to_iso_string().into(),
        reason: reason.to_owned(),
    };
    s.set_item(BACKUP_KEY, text).map_err(|e| js_message(&e))?;
    let m = serde_json::to_string(&meta).map_err(|e| e.to_string())?;
    s.set_item(BACKUP_META_KEY, &m).map_err(|e| js_message(&e))
}

pub fn read_backup() -> Option<(String, BackupMeta)> {
    let s = storage().ok()?;
    let text = s.get_item(BACKUP_KEY).ok()??;
    let meta = s
        .get_item(BACKUP_META_KEY)
        .ok()
        .flatten()
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or_default();
    Some((text, meta))
}
