//! The workspace in IndexedDB: load, save what changed, the revision counter that stops an
//! older tab from overwriting a newer save, and the one-time move from `localStorage`.
//!
//! One database (`uew`), one object store (`records`) of JSON texts under string keys: `meta`
//! (revision, writer, save time, export time, sample flag, how many observation chunks) and
//! the snapshot's records (`crate::snapshot::records`: `head`, `plan`, `dataset`, `obs.N`,
//! `scenarios`, `response`). A save is one readwrite transaction that reads `meta`, refuses
//! when another tab saved a newer revision, writes only the records given and the new `meta`:
//! it lands whole or not at all, and a failure (quota, storage refused) leaves the stored
//! data as it was. Other tabs learn of a save through the `storage` event on a small
//! `localStorage` marker ([`SAVED_KEY`]).
//!
//! The backup (one snapshot text kept before an import) stays in `localStorage`.

use crate::snapshot::records::{self, chunk_key, Records};
use crate::snapshot::Snapshot;
use idb::event::DatabaseEvent;
use idb::{Database, Factory, ObjectStore, ObjectStoreParams, TransactionMode, TransactionResult};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "uew";
const DB_VERSION: u32 = 1;
pub const STORE: &str = "records";
const META: &str = "meta";
/// Set after each save (`rev:writer`); its `storage` event tells other tabs to look.
pub const SAVED_KEY: &str = "uew.saved";
/// Where versions before IndexedDB kept the whole snapshot and its meta: read once, moved
/// into the database, and removed only after that write is confirmed.
pub const OLD_SNAPSHOT_KEY: &str = "uew.snapshot";
pub const OLD_META_KEY: &str = "uew.meta";

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
    /// The checksum of each observation chunk (`obs.0` …) as stored
    /// (`records::text_hash`): how many there are, which ones a save must rewrite, and
    /// whether one was damaged.
    #[serde(default)]
    pub hashes: Vec<u64>,
}

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing stored yet: first visit.
    Empty,
    Found(Box<Snapshot>, Meta),
    /// Kept the old way in `localStorage`: to be written whole into the database (the old
    /// keys go once that write has completed).
    Moved(Box<Snapshot>, Meta),
    /// Written by a newer version of the app: shown read-only, never overwritten.
    Newer(Box<Snapshot>, crate::plan::Text),
    /// Stored text that this build cannot read; it is left untouched.
    Corrupt {
        error: String,
    },
    /// Storage cannot be used at all (disabled, private mode, blocked by policy).
    Unavailable(String),
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Unavailable(String),
    /// Quota full or another write failure.
    Write(String),
    /// Another tab saved a newer revision since this tab loaded or saved.
    NewerElsewhere(Meta),
    /// Another tab keeps an older connection open, so the database cannot be opened yet.
    Blocked,
    /// Another tab (a newer version of the app) is upgrading the database: this tab let go.
    Closed,
}

/// Told when the database is blocked or taken by another tab.
type Listener = Rc<dyn Fn(SaveError)>;

thread_local! {
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
    /// Set when another tab asked for the database (`versionchange`): it is not used again.
    static CLOSED: Cell<bool> = const { Cell::new(false) };
    /// The stored text that could not be read, for "download what is stored".
    static RAW: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Told when the database is blocked or taken by another tab (the store shows it).
    static TROUBLE: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Who is told when opening is blocked or another tab takes the database.
pub fn on_trouble(f: impl Fn(SaveError) + 'static) {
    TROUBLE.with(|t| *t.borrow_mut() = Some(Rc::new(f)));
}

fn trouble(e: SaveError) {
    if let Some(f) = TROUBLE.with(|t| t.borrow().clone()) {
        f(e);
    }
}

/// The text of a thrown JS value (DOMException name and message, or its string form).
pub fn js_message(v: &JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        let name: String = e.name().into();
        let msg: String = e.message().into();
        return format!("{name}: {msg}");
    }
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

/// The browser's own words for the failures a person may act on (quota, storage refused);
/// idb's `Display` would compile ~60 messages into the download for the rest.
fn idb_message(e: idb::Error) -> String {
    use idb::Error as E;
    match e {
        E::UpdateFailed(v)
        | E::GetFailed(v)
        | E::IndexedDbNotFound(v)
        | E::IndexedDbOpenFailed(v)
        | E::TransactionOpenFailed(v) => js_message(&v),
        E::DomException(d) => format!("{}: {}", d.name(), d.message()),
        _ => "IndexedDB request failed".into(),
    }
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The open database, opened on first use.
async fn db() -> Result<Rc<Database>, SaveError> {
    if CLOSED.with(Cell::get) {
        return Err(SaveError::Closed);
    }
    if let Some(d) = DB.with(|d| d.borrow().clone()) {
        return Ok(d);
    }
    let unavailable = |e| SaveError::Unavailable(idb_message(e));
    let factory = Factory::new().map_err(unavailable)?;
    let mut req = factory
        .open(DB_NAME, Some(DB_VERSION))
        .map_err(unavailable)?;
    req.on_upgrade_needed(|ev| {
        if let Ok(db) = ev.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    req.on_blocked(|_| trouble(SaveError::Blocked));
    let mut db = req.await.map_err(unavailable)?;
    // A newer version of the app in another tab wants to upgrade: let go of the database
    // (closing it through the event's target, not the wrapper that owns this handler) and
    // say so here, rather than block that tab.
    db.on_version_change(|ev| {
        CLOSED.with(|c| c.set(true));
        if let Some(d) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbDatabase>().ok())
        {
            d.close();
        }
        trouble(SaveError::Closed);
    });
    let db = Rc::new(db);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// A record's text; `Err` names a record that is there but not text.
async fn get_text(store: &ObjectStore, key: &str) -> Result<Option<String>, String> {
    let v = store
        .get(JsValue::from_str(key))
        .map_err(idb_message)?
        .await
        .map_err(idb_message)?;
    match v {
        None => Ok(None),
        Some(v) if v.is_undefined() => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("stored record `{key}` is not text")),
    }
}

fn parse_meta(text: &str) -> Result<Meta, String> {
    serde_json::from_str(text).map_err(|e| format!("stored record `meta`: {e}"))
}

/// The meta record, if the database can be read and holds one.
pub async fn read_meta() -> Option<Meta> {
    let db = db().await.ok()?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly).ok()?;
    let store = tx.object_store(STORE).ok()?;
    let text = get_text(&store, META).await.ok()??;
    parse_meta(&text).ok()
}

/// Every record as stored, joined into one snapshot text, with its meta. `Ok(None)`: nothing
/// is stored. `Err((error, raw))`: what is stored cannot be read (`raw`: what there is).
async fn read_all(db: &Database) -> Result<Option<(String, Meta)>, (String, String)> {
    let plain = |e: String| (e, String::new());
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| plain(idb_message(e)))?;
    let store = tx.object_store(STORE).map_err(|e| plain(idb_message(e)))?;
    let Some(meta_text) = get_text(&store, META).await.map_err(plain)? else {
        return Ok(None);
    };
    let meta = parse_meta(&meta_text).map_err(|e| (e, meta_text.clone()))?;
    let mut keys: Vec<String> = ["head", "plan", "dataset", "scenarios", "response"]
        .map(String::from)
        .into();
    keys.extend((0..meta.hashes.len()).map(chunk_key));
    let mut texts = Vec::with_capacity(keys.len());
    let mut missing = Vec::new();
    for key in &keys {
        match get_text(&store, key).await.map_err(plain)? {
            Some(t) => texts.push(t),
            None => {
                missing.push(key.as_str());
                texts.push(String::new());
            }
        }
    }
    if !missing.is_empty() {
        return Err((
            format!("stored records missing: {}", missing.join(", ")),
            meta_text,
        ));
    }
    let raw_records = |r: &Records| {
        let mut out = format!(
            "meta\n{meta_text}\nhead\n{}\nplan\n{}\ndataset\n{}\n",
            r.head, r.plan, r.dataset
        );
        for (i, c) in r.chunks.iter().enumerate() {
            out.push_str(&format!("{}\n{c}\n", chunk_key(i)));
        }
        out.push_str(&format!(
            "scenarios\n{}\nresponse\n{}\n",
            r.scenarios, r.response
        ));
        out
    };
    let mut it = texts.into_iter();
    let [head, plan, dataset, scenarios, response] = [(); 5].map(|_| it.next().unwrap_or_default());
    let r = Records {
        head,
        plan,
        dataset,
        scenarios,
        response,
        chunks: it.collect(),
    };
    if let Some(i) = (0..r.chunks.len())
        .find(|&i| r.chunks.get(i).map(|c| records::text_hash(c)) != meta.hashes.get(i).copied())
    {
        return Err((
            format!(
                "stored record `{}` does not match its checksum",
                chunk_key(i)
            ),
            raw_records(&r),
        ));
    }
    let text = records::join(&r).map_err(|e| (e, raw_records(&r)))?;
    Ok(Some((text, meta)))
}

fn set_raw(raw: String) {
    RAW.with(|r| *r.borrow_mut() = Some(raw));
}

/// Opens a stored snapshot text as [`Loaded`].
fn open_stored(text: &str, meta: Meta) -> Loaded {
    match Snapshot::open(text) {
        Ok(o) => match o.read_only {
            Some(why) => Loaded::Newer(Box::new(o.snapshot), why.text()),
            None => Loaded::Found(Box::new(o.snapshot), meta),
        },
        Err(e) => {
            set_raw(text.to_owned());
            Loaded::Corrupt {
                error: e.to_string(),
            }
        }
    }
}

/// Reads the stored workspace (moving one kept the old way in `localStorage` first).
pub async fn load() -> Loaded {
    let db = match db().await {
        Ok(d) => d,
        Err(SaveError::Unavailable(e)) => return Loaded::Unavailable(e),
        Err(_) => return Loaded::Unavailable("IndexedDB is in use by another tab".into()),
    };
    match read_all(&db).await {
        Ok(Some((text, meta))) => open_stored(&text, meta),
        Ok(None) => migrate_from_local(),
        Err((error, raw)) => {
            set_raw(raw);
            Loaded::Corrupt { error }
        }
    }
}

/// The one-time move from `localStorage`: the old snapshot is opened as any stored text
/// (an older schema is migrated) and comes back as [`Loaded::Moved`]; the store writes it
/// whole into the database, and that save removes the old keys once its transaction has
/// completed ([`save`]). A newer or unreadable old text is left where it is.
fn migrate_from_local() -> Loaded {
    let Some(s) = local() else {
        return Loaded::Empty;
    };
    let Some(text) = s.get_item(OLD_SNAPSHOT_KEY).ok().flatten() else {
        return Loaded::Empty;
    };
    let old_meta: Meta = s
        .get_item(OLD_META_KEY)
        .ok()
        .flatten()
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or_default();
    match open_stored(&text, old_meta) {
        Loaded::Found(snap, meta) => Loaded::Moved(snap, meta),
        other => other,
    }
}

/// What one save writes.
pub struct Job {
    /// The revision this tab's data is based on.
    pub base_rev: u64,
    pub meta: Meta,
    /// Records to write (key, JSON text).
    pub puts: Vec<(String, String)>,
    /// The checksums of all observation chunks, when the dataset was written (chunks past
    /// them are removed).
    pub hashes: Option<Vec<u64>>,
    /// Every record is in `puts`: what is stored need not match this tab's last save.
    pub full: bool,
    /// Write even over another tab's newer save (the user chose "keep mine").
    pub force: bool,
}

/// A save's outcome.
pub enum Saved {
    Done(Meta),
    /// What is stored is not this tab's last save (another tab's, or nothing): write every
    /// record rather than only the changed ones.
    Retry,
}

/// Writes `job` in one transaction, after checking the stored revision in that same
/// transaction. Returns the new meta once the transaction has completed.
pub async fn save(job: Job) -> Result<Saved, SaveError> {
    let db = db().await?;
    let write = |e: idb::Error| SaveError::Write(idb_message(e));
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(write)?;
    let store = tx.object_store(STORE).map_err(write)?;
    let stored = match get_text(&store, META).await.map_err(SaveError::Write)? {
        Some(t) => parse_meta(&t).ok(),
        None => None,
    };
    let mut meta = job.meta;
    match &stored {
        Some(s) if !job.force && s.rev > job.base_rev && s.writer != meta.writer => {
            let _ = tx.abort();
            return Err(SaveError::NewerElsewhere(s.clone()));
        }
        Some(s) if !job.full && s.rev != job.base_rev => {
            let _ = tx.abort();
            return Ok(Saved::Retry);
        }
        None if !job.full => {
            let _ = tx.abort();
            return Ok(Saved::Retry);
        }
        _ => {}
    }
    let (stored_rev, stored_chunks) = stored.as_ref().map_or((0, 0), |s| (s.rev, s.hashes.len()));
    meta.rev = stored_rev.max(job.base_rev) + 1;
    if meta.last_export.is_none() {
        meta.last_export = stored.as_ref().and_then(|s| s.last_export.clone());
    }
    match job.hashes {
        Some(h) => meta.hashes = h,
        None => {
            meta.hashes = stored
                .as_ref()
                .map(|s| s.hashes.clone())
                .unwrap_or_default()
        }
    }
    let meta_text = serde_json::to_string(&meta).map_err(|e| SaveError::Write(e.to_string()))?;
    let put = |key: &str, text: &str| {
        store
            .put(&JsValue::from_str(text), Some(&JsValue::from_str(key)))
            .map(drop)
            .map_err(write)
    };
    let mut written = job.puts.iter().try_for_each(|(key, text)| put(key, text));
    for i in meta.hashes.len()..stored_chunks {
        written = written.and_then(|()| {
            store
                .delete(JsValue::from_str(&chunk_key(i)))
                .map(drop)
                .map_err(write)
        });
    }
    written = written.and_then(|()| put(META, &meta_text));
    if let Err(e) = written {
        // Nothing of a save that could not be written whole is kept.
        let _ = tx.abort();
        return Err(e);
    }
    // The same transaction, to read why it was aborted (QuotaExceededError …).
    let again = store.transaction();
    match tx.await {
        Ok(TransactionResult::Committed) => {}
        Ok(TransactionResult::Aborted) | Err(_) => {
            let why = again
                .error()
                .map(|e| format!("{}: {}", e.name(), e.message()))
                .unwrap_or_else(|| "the write was not completed".into());
            return Err(SaveError::Write(why));
        }
    }
    if let Some(s) = local() {
        let _ = s.set_item(SAVED_KEY, &format!("{}:{}", meta.rev, meta.writer));
        if job.full {
            // A move from `localStorage` that could not be written earlier is now complete.
            let _ = s.remove_item(OLD_SNAPSHOT_KEY);
            let _ = s.remove_item(OLD_META_KEY);
        }
    }
    Ok(Saved::Done(meta))
}

/// The stored text that could not be read, for "download what is stored".
pub fn raw_snapshot() -> Option<String> {
    RAW.with(|r| r.borrow().clone())
}

/// The stored workspace as one snapshot text (for a backup before replacing it).
pub async fn stored_text() -> Option<String> {
    let db = db().await.ok()?;
    match read_all(&db).await {
        Ok(Some((text, _))) => Some(text),
        Ok(None) => None,
        Err((_, raw)) => Some(raw),
    }
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
    let s = local().ok_or("localStorage is not available")?;
    let meta = BackupMeta {
        saved: js_sys::Date::new_0().to_iso_string().into(),
        reason: reason.to_owned(),
    };
    s.set_item(BACKUP_KEY, text).map_err(|e| js_message(&e))?;
    let m = serde_json::to_string(&meta).map_err(|e| e.to_string())?;
    s.set_item(BACKUP_META_KEY, &m).map_err(|e| js_message(&e))
}

pub fn read_backup() -> Option<(String, BackupMeta)> {
    let s = local()?;
    let text = s.get_item(BACKUP_KEY).ok()??;
    let meta = s
        .get_item(BACKUP_META_KEY)
        .ok()
        .flatten()
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or_default();
    Some((text, meta))
}
