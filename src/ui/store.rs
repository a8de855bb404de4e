//! The UI store: the pure [`Workspace`] in signals, with its save state.
//!
//! Every change goes through the workspace's one transaction path ([`Workspace::apply`],
//! [`Workspace::update_scenarios`], [`Workspace::update_response`], undo/redo, replace); this
//! module only tells the views and saves. Views read narrow parts — [`Store::engine`] (the
//! prepared engine, re-run when the plan or dataset changes), [`Store::scenarios`],
//! [`Store::response`] — or the whole snapshot through [`Store::snap`], and cannot write:
//! the fields they see are read signals. Saving happens right after each committed change (not
//! per keystroke: cells commit on Enter or blur), in the background: IndexedDB is
//! asynchronous, so a save is a task that writes the parts the changes touched (the
//! workspace's `Changed`), one save at a time, the changes made meanwhile in the next.

use super::persist::{self, Job, Loaded, Meta, SaveError, Saved};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::plan::check::PlanProblem;
use crate::plan::{Plan, Text};
use crate::response::ResponseState;
use crate::scenario::Scenarios;
use crate::snapshot::{records, Snapshot};
use crate::workspace::{Changed, Prepared, Workspace};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

pub use crate::workspace::ReadOnly;

/// How long the latest save took, in µs (see [`last_save_ms`]).
static LAST_SAVE_US: AtomicU64 = AtomicU64::new(0);

/// How long the latest save took (ms), for the browser benchmark.
pub fn last_save_ms() -> f64 {
    LAST_SAVE_US.load(Ordering::Relaxed) as f64 / 1000.0
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How long [`Store::persist_soon`] waits for more changes before saving.
const SAVE_DELAY_MS: u64 = 300;

/// What the next save must write: the parts changed since the last one.
#[derive(Clone, Copy, Default)]
struct Dirty {
    parts: Changed,
    /// The meta alone (an export time).
    meta: bool,
    /// Every record (a new workspace, a retry over another tab's data).
    full: bool,
    /// Over another tab's newer save (the user chose "keep mine").
    force: bool,
}

impl Dirty {
    const FULL: Dirty = Dirty {
        parts: Changed::ALL,
        meta: true,
        full: true,
        force: false,
    };

    fn add(&mut self, o: Dirty) {
        self.parts.plan |= o.parts.plan;
        self.parts.dataset |= o.parts.dataset;
        self.parts.scenarios |= o.parts.scenarios;
        self.parts.response |= o.parts.response;
        self.meta |= o.meta;
        self.full |= o.full;
        self.force |= o.force;
    }

    fn any(&self) -> bool {
        self.parts.any() || self.meta || self.full || self.force
    }
}

/// The save queue: what is waiting, and whether a save task is running.
#[derive(Default)]
struct Queue {
    dirty: Dirty,
    running: bool,
    /// Changes made in this tab so far: another tab's data read meanwhile must not replace them.
    marks: u64,
}

/// Lets the page handle input between chunks of a large dataset's serialisation.
async fn yield_to_page() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Whether the data on screen is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved {
        at: String,
    },
    Failed(SaveError),
    /// Nothing is written: the data is shown read-only (see [`Store::read_only`]).
    NotSaving,
}

/// One trigger per part of the workspace, so that a view re-runs only when what it read
/// changed: a tweak does not re-evaluate the dashboard, a response action does not redraw
/// the charts.
#[derive(Clone, Copy)]
struct Revs {
    /// The plan or the dataset: the engine's inputs.
    inputs: Trigger,
    scenarios: Trigger,
    response: Trigger,
}

impl Revs {
    fn notify(&self, c: Changed) {
        if c.inputs() {
            self.inputs.notify();
        }
        if c.scenarios {
            self.scenarios.notify();
        }
        if c.response {
            self.response.notify();
        }
    }
}

/// Read access to the whole snapshot (tracks every part). Views that need only one part use
/// the narrower readers on [`Store`].
#[derive(Clone, Copy)]
pub struct SnapRead {
    ws: StoredValue<Workspace>,
    revs: Revs,
}

impl SnapRead {
    pub fn track(&self) {
        self.revs.inputs.track();
        self.revs.scenarios.track();
        self.revs.response.track();
    }

    pub fn with<R>(&self, f: impl FnOnce(&Snapshot) -> R) -> R {
        self.track();
        self.with_untracked(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Snapshot) -> R) -> R {
        self.ws.with_value(|w| f(w.snapshot()))
    }

    pub fn get_untracked(&self) -> Snapshot {
        self.with_untracked(Snapshot::clone)
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    ws: StoredValue<Workspace>,
    revs: Revs,
    /// The whole snapshot, read-only.
    pub snap: SnapRead,
    /// Bumped on every history change so undo/redo buttons update.
    pub history_rev: ReadSignal<u64>,
    set_history_rev: WriteSignal<u64>,
    pub save: ReadSignal<SaveStatus>,
    set_save: WriteSignal<SaveStatus>,
    /// Why nothing may change now (mirrors the workspace's state for the views).
    pub read_only: ReadSignal<Option<ReadOnly>>,
    set_read_only: WriteSignal<Option<ReadOnly>>,
    /// The built-in sample, untouched since it was loaded.
    pub is_sample: ReadSignal<bool>,
    set_is_sample: WriteSignal<bool>,
    /// A one-line notice ("updated from another tab", "undone: …"); views may show their own.
    pub notice: RwSignal<Option<Text>>,
    pub last_export: ReadSignal<Option<String>>,
    set_last_export: WriteSignal<Option<String>>,
    meta: StoredValue<Meta>,
    /// A save scheduled by [`Store::persist_soon`], not yet done.
    pending_save: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
    queue: StoredValue<Queue>,
    /// The stored workspace has been read (until then the page shows that it is loading).
    pub loaded: ReadSignal<bool>,
    set_loaded: WriteSignal<bool>,
    /// A save is waiting or running (`data-busy` on the save indicator).
    pub busy: ReadSignal<bool>,
    set_busy: WriteSignal<bool>,
}

pub fn now_iso() -> String {
    let d = js_sys::Date::new_0();
    d.to_iso_string().into()
}

fn tab_id() -> String {
    let r = js_sys::Math::random();
    format!("tab-{:x}", (r * 1e12) as u64)
}

impl Store {
    /// The store, with the workspace read from storage in the background (the sample on a
    /// first visit); [`Store::loaded`] says when it is in place.
    pub fn load() -> Store {
        let writer = tab_id();
        // In place until the stored workspace is read: the built-in plan, no data. Views are
        // not shown before `loaded`.
        let ws = Workspace::new(Snapshot::new(Plan::binjiang_2020(), Dataset::default(), ""));
        let ws = StoredValue::new(ws);
        let revs = Revs {
            inputs: Trigger::new(),
            scenarios: Trigger::new(),
            response: Trigger::new(),
        };
        let (history_rev, set_history_rev) = signal(0);
        let (save, set_save) = signal(SaveStatus::NotSaving);
        let (read_only, set_read_only) = signal(None);
        let (is_sample, set_is_sample) = signal(false);
        let (last_export, set_last_export) = signal(None);
        let (loaded, set_loaded) = signal(false);
        let (busy, set_busy) = signal(false);
        let store = Store {
            ws,
            revs,
            snap: SnapRead { ws, revs },
            history_rev,
            set_history_rev,
            save,
            set_save,
            read_only,
            set_read_only,
            is_sample,
            set_is_sample,
            notice: RwSignal::new(None),
            last_export,
            set_last_export,
            meta: StoredValue::new(Meta {
                writer,
                ..Meta::default()
            }),
            pending_save: StoredValue::new(None),
            queue: StoredValue::new(Queue::default()),
            loaded,
            set_loaded,
            busy,
            set_busy,
        };
        // Opening blocked by another tab, or the database taken by a newer version of the app
        // in another tab: shown like any save failure, with its way out.
        persist::on_trouble(move |e| {
            let _ = store.set_save.try_set(SaveStatus::Failed(e));
        });
        leptos::task::spawn_local(async move {
            let loaded = persist::load().await;
            store.take_loaded(loaded);
        });
        store
    }

    /// Puts what was read at start-up in place.
    fn take_loaded(&self, loaded: Loaded) {
        let writer = self.meta.with_value(|m| m.writer.clone());
        let fresh = |sample| Meta {
            writer: writer.clone(),
            sample,
            ..Meta::default()
        };
        let (ws, meta, save, sample) = match loaded {
            Loaded::Found(snap, meta) => {
                let sample = meta.sample;
                let status = SaveStatus::Saved {
                    at: meta.saved.clone(),
                };
                let meta = Meta {
                    writer: writer.clone(),
                    ..meta
                };
                (Workspace::new(*snap), meta, status, sample)
            }
            // Written whole by the first save below, which also removes the old keys.
            Loaded::Moved(snap, meta) => {
                let sample = meta.sample;
                let meta = Meta {
                    writer: writer.clone(),
                    ..meta
                };
                (Workspace::new(*snap), meta, SaveStatus::NotSaving, sample)
            }
            Loaded::Empty => (
                Workspace::new(crate::demo::snapshot()),
                fresh(true),
                SaveStatus::NotSaving,
                true,
            ),
            Loaded::Newer(snap, message) => (
                Workspace::read_only(*snap, ReadOnly::NewerVersion { message }),
                fresh(false),
                SaveStatus::NotSaving,
                false,
            ),
            Loaded::Corrupt { error, .. } => (
                Workspace::read_only(crate::demo::snapshot(), ReadOnly::CorruptStorage { error }),
                fresh(false),
                SaveStatus::NotSaving,
                true,
            ),
            Loaded::Unavailable(e) => (
                Workspace::new(crate::demo::snapshot()),
                fresh(true),
                SaveStatus::Failed(SaveError::Unavailable(e)),
                true,
            ),
        };
        // A blocked or closed database reported while loading stays shown.
        let troubled = matches!(
            self.save.get_untracked(),
            SaveStatus::Failed(SaveError::Blocked | SaveError::Closed)
        );
        let first_visit = save == SaveStatus::NotSaving && ws.why_read_only().is_none();
        self.set_last_export.set(meta.last_export.clone());
        self.meta.set_value(meta);
        self.set_workspace(ws);
        self.set_is_sample.set(sample);
        if !troubled || matches!(save, SaveStatus::Saved { .. }) {
            self.set_save.set(save);
        }
        self.set_loaded.set(true);
        // First visit: store the sample so a reload shows the same data; a workspace moved
        // from `localStorage` is written whole the same way.
        if first_visit {
            self.persist();
        }
        self.open_share_link_in_address();
    }

    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// The engine over the current plan and dataset, prepared once per change by the
    /// workspace. Tracks the plan and dataset only.
    pub fn engine(&self) -> Prepared {
        self.revs.inputs.track();
        self.ws.with_value(|w| w.prepared().clone())
    }

    /// The plan a street is evaluated by (its own level table in the district's plan), read
    /// again after every change of the plan or the data.
    pub fn street_plan(&self, street: &str) -> Option<Plan> {
        self.revs.inputs.track();
        self.ws.with_value(|w| w.street_plan(street))
    }

    pub fn engine_untracked(&self) -> Prepared {
        self.ws.with_value(|w| w.prepared().clone())
    }

    /// Reads the what-if scenarios (tracks them alone).
    pub fn scenarios<R>(&self, f: impl FnOnce(&Scenarios) -> R) -> R {
        self.revs.scenarios.track();
        self.ws.with_value(|w| f(&w.snapshot().scenarios))
    }

    /// Reads the response record (tracks it alone).
    pub fn response<R>(&self, f: impl FnOnce(&ResponseState) -> R) -> R {
        self.revs.response.track();
        self.ws.with_value(|w| f(&w.snapshot().response))
    }

    /// Tells the views what changed, and schedules the save.
    fn changed(&self, c: Changed, soon: bool) {
        if !c.any() {
            return;
        }
        self.revs.notify(c);
        self.set_is_sample.set(false);
        self.meta.update_value(|m| m.sample = false);
        self.mark(Dirty {
            parts: c,
            meta: true,
            ..Dirty::default()
        });
        if soon {
            self.persist_soon();
        } else {
            self.save_now();
        }
    }

    /// Adds to what the next save writes.
    fn mark(&self, d: Dirty) {
        self.queue.update_value(|q| {
            q.dirty.add(d);
            q.marks += 1;
        });
        self.set_busy.set(true);
    }

    fn bump_history(&self) {
        self.set_history_rev.update(|r| *r += 1);
    }

    /// Applies one edit and saves. On error nothing changes and the message says what and where.
    pub fn apply(&self, edit: Edit) -> Result<(), Text> {
        let c = self
            .ws
            .try_update_value(|w| w.apply(edit))
            .unwrap_or_else(|| Err(gone()))?;
        self.bump_history();
        self.changed(c, false);
        Ok(())
    }

    /// Changes the what-if scenarios (never the baseline dataset) and saves shortly after:
    /// what-if changes come in bursts. A change the snapshot could not open again is refused
    /// with nothing changed.
    pub fn update_scenarios<R>(
        &self,
        f: impl FnOnce(&mut Scenarios, &Plan, &Dataset) -> Result<R, Text>,
    ) -> Result<R, Text> {
        let (r, c) = self
            .ws
            .try_update_value(|w| w.update_scenarios(f))
            .unwrap_or_else(|| Err(gone()))?;
        self.changed(c, true);
        Ok(r)
    }

    /// Changes the response record (through its reducer, which appends to the audit trail) and
    /// saves at once. Refused with nothing changed while the data is read-only.
    pub fn update_response<R>(
        &self,
        f: impl FnOnce(&mut ResponseState, &Prepared, &Scenarios) -> Result<R, Text>,
    ) -> Result<R, Text> {
        let (r, c) = self
            .ws
            .try_update_value(|w| w.update_response(f))
            .unwrap_or_else(|| Err(gone()))?;
        self.changed(c, false);
        Ok(r)
    }

    /// Changes the plan (the plan editor): refused, with the item named and nothing changed,
    /// when the change brings in an error; otherwise one undo step, saved at once, every view
    /// re-reads the plan, and the plan's warnings are returned.
    pub fn update_plan(
        &self,
        label: Text,
        f: impl FnOnce(&mut Plan) -> Result<(), Text>,
    ) -> Result<Vec<PlanProblem>, Text> {
        let (_, warnings, c) = self
            .ws
            .try_update_value(|w| w.update_plan(label.clone(), f))
            .unwrap_or_else(|| Err(gone()))?;
        self.plan_changed(label, c);
        Ok(warnings)
    }

    /// Changes a street's own level table (§9) with the same checks: one undo step, saved at
    /// once, noted in a running response's trail like a change of the district's plan.
    pub fn update_street_plan(
        &self,
        street: &str,
        label: Text,
        f: impl FnOnce(&mut Plan) -> Result<(), Text>,
    ) -> Result<Vec<PlanProblem>, Text> {
        let (_, warnings, c) = self
            .ws
            .try_update_value(|w| w.update_street_plan(street, label.clone(), f))
            .unwrap_or_else(|| Err(gone()))?;
        self.plan_changed(label, c);
        Ok(warnings)
    }

    /// A street's own level table given (a copy of the district's) or dropped, as one undo step
    /// noted like a plan change.
    pub fn set_street_thresholds(&self, street: &str, own: bool) -> Result<(), Text> {
        let thresholds = own.then(|| Box::new(self.engine_untracked().plan().thresholds.clone()));
        let edit = Edit::SetStreetThresholds {
            street: street.to_owned(),
            thresholds,
        };
        let label = self.ws.with_value(|w| edit.describe(&w.snapshot().dataset));
        let c = self
            .ws
            .try_update_value(|w| w.apply(edit))
            .unwrap_or_else(|| Err(gone()))?;
        self.plan_changed(label, c);
        Ok(())
    }

    /// Puts a whole plan in place (a preset, an imported plan file), as one undo step.
    pub fn use_plan(&self, label: Text, plan: Plan) -> Result<Vec<PlanProblem>, Text> {
        let (warnings, c) = self
            .ws
            .try_update_value(|w| w.use_plan(label.clone(), plan))
            .unwrap_or_else(|| Err(gone()))?;
        self.plan_changed(label, c);
        Ok(warnings)
    }

    /// After a change of the plan (the district's, or a street's own level table): recorded in
    /// the running response's audit trail (at the
    /// playbook's clock, by the name the playbook records with), then saved.
    fn plan_changed(&self, label: Text, mut c: Changed) {
        self.bump_history();
        if c.plan || c.dataset {
            let at = super::playbook::clock::Clock::now_stored();
            let by = super::playbook::clock::load(super::playbook::clock::USER_KEY)
                .unwrap_or_else(|| "—".to_owned());
            let noted = self.ws.try_update_value(|w| {
                w.update_response(|s, _, _| Ok(s.note_plan_change(label, at, &by)))
            });
            if let Some(Ok((_, r))) = noted {
                c.response = r.response;
            }
        }
        self.changed(c, false);
    }

    /// Saves shortly after the change rather than in it: in a meeting, tweaks come in bursts and
    /// the answer on screen should not wait for storage. One save covers the burst; leaving
    /// the page saves at once ([`Store::flush_save`]).
    pub fn persist_soon(&self) {
        self.pending_save.update_value(|p| {
            if let Some(h) = p.take() {
                h.clear();
            }
        });
        let store = *self;
        match set_timeout_with_handle(
            move || {
                store.pending_save.set_value(None);
                store.save_now();
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        ) {
            Ok(h) => self.pending_save.set_value(Some(h)),
            Err(_) => self.save_now(),
        }
    }

    /// Does a scheduled save now (the page is being hidden or left).
    pub fn flush_save(&self) {
        let pending = self.pending_save.try_update_value(Option::take).flatten();
        if let Some(h) = pending {
            h.clear();
            self.save_now();
        }
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, undo: bool) {
        let out = self
            .ws
            .try_update_value(|w| if undo { w.undo() } else { w.redo() })
            .unwrap_or_else(|| Err(gone()));
        match out {
            Ok(Some(step)) => {
                let (zh, en) = if undo {
                    ("已撤销：", "Undone: ")
                } else {
                    ("已重做：", "Redone: ")
                };
                let label = Text {
                    zh: format!("{zh}{}", step.label.zh),
                    en: format!("{en}{}", step.label.en),
                };
                self.notice.set(Some(label.clone()));
                self.plan_changed(label, step.changed);
            }
            Ok(None) => {}
            // Read-only: the buttons are disabled; a key press changes nothing, silently.
            Err(_) if self.read_only.get_untracked().is_some() => {}
            Err(e) => self.notice.set(Some(e)),
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        self.ws.with_value(|w| w.history().can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        self.ws.with_value(|w| w.history().can_redo())
    }

    pub fn undo_label(&self, lang: Lang) -> Option<String> {
        self.history_rev.track();
        self.ws
            .with_value(|w| w.history().undo_label().map(|t| t.get(lang).to_owned()))
    }

    /// Puts `ws` in place of the workspace and tells every view.
    fn set_workspace(&self, ws: Workspace) {
        self.set_read_only.set(ws.why_read_only().cloned());
        self.ws.set_value(ws);
        self.revs.notify(Changed::ALL);
        self.bump_history();
    }

    /// Replaces the whole snapshot (reset to sample, start empty, import). Clears history.
    pub fn replace(&self, snap: Snapshot, sample: bool) {
        self.set_workspace(Workspace::new(snap));
        self.set_is_sample.set(sample);
        self.meta.update_value(|m| m.sample = sample);
        self.persist();
    }

    /// Saves every record now (a new workspace, "try again"); shows the outcome in `save`.
    pub fn persist(&self) {
        self.mark(Dirty::FULL);
        self.save_now();
    }

    /// Starts the save task unless one is running (it takes what was marked meanwhile).
    fn save_now(&self) {
        if let Some(h) = self.pending_save.try_update_value(Option::take).flatten() {
            h.clear();
        }
        if self.read_only.get_untracked().is_some() {
            self.queue.update_value(|q| q.dirty = Dirty::default());
            self.set_busy.set(false);
            self.set_save.set(SaveStatus::NotSaving);
            return;
        }
        let start = self
            .queue
            .try_update_value(|q| !std::mem::replace(&mut q.running, true))
            .unwrap_or(false);
        if start {
            let store = *self;
            leptos::task::spawn_local(async move { store.run_saves().await });
        }
    }

    /// The save task: one save at a time until nothing is left to write. A failure stops it
    /// with the parts kept for the next attempt (the next change, or "try again").
    async fn run_saves(self) {
        loop {
            let next = self.queue.try_update_value(|q| {
                if q.dirty.any() {
                    Some(std::mem::take(&mut q.dirty))
                } else {
                    q.running = false;
                    None
                }
            });
            let Some(Some(d)) = next else {
                let _ = self.set_busy.try_set(false);
                return;
            };
            if self.read_only.get_untracked().is_some() {
                continue;
            }
            let t0 = now_ms();
            let job = self.job(d).await;
            let result = persist::save(job).await;
            // Microseconds fit a u64 for any page's lifetime; the benchmark reads this.
            LAST_SAVE_US.store(((now_ms() - t0) * 1000.0) as u64, Ordering::Relaxed);
            match result {
                Ok(Saved::Done(m)) => {
                    self.set_save.set(SaveStatus::Saved {
                        at: m.saved.clone(),
                    });
                    let writer = self.meta.with_value(|w| w.writer.clone());
                    self.meta.set_value(Meta { writer, ..m });
                }
                Ok(Saved::Retry) => self.queue.update_value(|q| q.dirty.add(Dirty::FULL)),
                Err(e) => {
                    // What this save would have written is not stored: the next one
                    // compares every chunk.
                    self.ws.update_value(Workspace::forget_changed_rows);
                    self.queue.update_value(|q| {
                        q.dirty.add(Dirty { force: false, ..d });
                        q.running = false;
                    });
                    self.set_save.set(SaveStatus::Failed(e));
                    self.set_busy.set(false);
                    return;
                }
            }
        }
    }

    /// What to write for `d`: the parts it names, from one state of the workspace (the plan
    /// and dataset from the prepared engine, which later changes do not touch), and of the
    /// observations only the chunks whose text differs from what is stored.
    async fn job(&self, d: Dirty) -> Job {
        let full = d.full;
        let meta = Meta {
            saved: now_iso(),
            ..self.meta.get_value()
        };
        let taken = self.ws.try_update_value(|w| {
            let rows = w.take_changed_rows();
            let s = w.snapshot();
            (
                w.prepared().clone(),
                full.then(|| s.record_head()),
                (full || d.parts.scenarios).then(|| s.record_scenarios()),
                (full || d.parts.response).then(|| s.record_response()),
                rows,
            )
        });
        let Some((prepared, head, scenarios, response, rows)) = taken else {
            return Job {
                base_rev: meta.rev,
                meta,
                puts: Vec::new(),
                hashes: None,
                full,
                force: d.force,
            };
        };
        let mut puts = Vec::new();
        for (key, text) in [
            ("head", head),
            ("scenarios", scenarios),
            ("response", response),
        ] {
            if let Some(t) = text {
                puts.push((key.to_owned(), t));
            }
        }
        if full || d.parts.plan {
            puts.push(("plan".to_owned(), records::plan_record(prepared.plan())));
        }
        let mut hashes = None;
        if full || d.parts.dataset {
            let ds = prepared.dataset();
            puts.push(("dataset".to_owned(), records::dataset_record(ds)));
            let n = records::chunk_count(ds.observations.len());
            // Observations changed in place since the last save: only their chunks can
            // differ (one chunk for a cell typed over), so the others are not written out
            // to be compared. Otherwise every chunk is compared by its checksum.
            let only = match rows {
                Some(rows) if !full && meta.hashes.len() == n => Some(
                    rows.iter()
                        .map(|r| r / records::CHUNK)
                        .collect::<Vec<usize>>(),
                ),
                _ => None,
            };
            let mut new = Vec::with_capacity(n);
            for i in 0..n {
                if let (Some(only), Some(h)) = (&only, meta.hashes.get(i)) {
                    if !only.contains(&i) {
                        new.push(*h);
                        continue;
                    }
                }
                let text = records::chunk_record(&ds.observations, i);
                let h = records::text_hash(&text);
                if full || meta.hashes.get(i) != Some(&h) {
                    puts.push((records::chunk_key(i), text));
                }
                new.push(h);
                if i % 32 == 31 {
                    yield_to_page().await;
                }
            }
            hashes = Some(new);
        }
        Job {
            base_rev: meta.rev,
            meta,
            puts,
            hashes,
            full,
            force: d.force,
        }
    }

    /// Overwrites what another tab saved with this tab's data (the user chose "keep mine").
    pub fn force_save(&self) {
        self.mark(Dirty {
            force: true,
            ..Dirty::FULL
        });
        self.save_now();
    }

    /// Another tab saved: take its data when this tab has nothing unsaved; otherwise leave the
    /// choice to the user (the conflict banner).
    pub fn on_external_change(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let Some(stored) = persist::read_meta().await else {
                return;
            };
            let mine = store.meta.get_value();
            if stored.rev <= mine.rev || stored.writer == mine.writer {
                return;
            }
            if matches!(
                store.read_only.get_untracked(),
                Some(ReadOnly::Shared | ReadOnly::NewerVersion { .. })
            ) {
                // Another tab's save does not concern a snapshot shown on its own.
                return;
            }
            let unsaved = matches!(store.save.get_untracked(), SaveStatus::Failed(_))
                || store.busy.get_untracked();
            if unsaved || store.read_only.get_untracked().is_some() {
                store
                    .set_save
                    .set(SaveStatus::Failed(SaveError::NewerElsewhere(stored)));
                return;
            }
            store.take_stored().await;
        });
    }

    /// Takes what is stored (another tab's newer data), discarding this tab's unsaved state.
    pub fn reload_from_storage(&self) {
        let store = *self;
        leptos::task::spawn_local(async move { store.take_stored().await });
    }

    async fn take_stored(&self) {
        let marks = || self.queue.with_value(|q| q.marks);
        let before = marks();
        if let Loaded::Found(snap, stored) = persist::load().await {
            // A change made here while the other tab's data was read (seconds for a city)
            // is not discarded: the user chooses, as with any unsaved change.
            if marks() != before {
                self.set_save
                    .set(SaveStatus::Failed(SaveError::NewerElsewhere(stored)));
                return;
            }
            let writer = self.meta.with_value(|m| m.writer.clone());
            let sample = stored.sample;
            self.meta.set_value(Meta {
                writer,
                ..stored.clone()
            });
            self.queue.update_value(|q| q.dirty = Dirty::default());
            self.set_workspace(Workspace::new(*snap));
            self.set_is_sample.set(sample);
            self.set_last_export.set(stored.last_export.clone());
            self.set_save.set(SaveStatus::Saved { at: stored.saved });
            self.notice.set(Some(Text::new(
                "已载入另一个标签页保存的较新数据。",
                "Loaded newer data saved in another tab.",
            )));
        }
    }

    /// Shows a snapshot without saving it (a shared or newer one), over the stored data.
    pub fn show_read_only(&self, snap: Snapshot, why: ReadOnly) {
        self.set_workspace(Workspace::read_only(snap, why));
        self.set_is_sample.set(false);
        self.set_save.set(SaveStatus::NotSaving);
    }

    /// `#share=…` in the address: opens that snapshot read-only. A bad link is explained and
    /// the stored data shown as usual.
    pub fn open_share_link_in_address(&self) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let Some(link) = hash.strip_prefix("#share=") else {
            return;
        };
        match crate::snapshot::share::open(link) {
            Ok(opened) => self.show_read_only(opened.snapshot, ReadOnly::Shared),
            Err(e) => self.notice.set(Some(e.text())),
        }
    }

    /// Leaves a read-only view for the stored data.
    pub fn back_to_stored(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            match persist::load().await {
                Loaded::Found(snap, meta) => {
                    let writer = store.meta.with_value(|m| m.writer.clone());
                    store.set_is_sample.set(meta.sample);
                    store.set_save.set(SaveStatus::Saved {
                        at: meta.saved.clone(),
                    });
                    store.meta.set_value(Meta { writer, ..meta });
                    store.set_workspace(Workspace::new(*snap));
                }
                // Never saved over: a newer snapshot stays read-only, unreadable text untouched.
                Loaded::Newer(snap, message) => {
                    store.show_read_only(*snap, ReadOnly::NewerVersion { message })
                }
                Loaded::Corrupt { error } => store
                    .show_read_only(crate::demo::snapshot(), ReadOnly::CorruptStorage { error }),
                Loaded::Moved(snap, meta) => {
                    store.set_is_sample.set(meta.sample);
                    store.set_workspace(Workspace::new(*snap));
                    store.persist();
                }
                Loaded::Empty | Loaded::Unavailable(_) => {
                    store.replace(crate::demo::snapshot(), true)
                }
            }
            clear_share_hash();
        });
    }

    /// Keeps the shown (shared) snapshot as this browser's workspace, after a backup of what
    /// was stored.
    pub fn save_as_my_copy(&self) {
        let store = *self;
        let snap = self.snap.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(raw) = persist::stored_text().await {
                let _ = persist::save_backup(&raw, "share");
            }
            store.replace(snap, false);
            clear_share_hash();
        });
    }

    /// Replaces the workspace by an imported one, keeping the previous state as the backup.
    pub fn import_replace(&self, snap: Snapshot, reason: &str) -> Result<(), String> {
        let current = self
            .snap
            .with_untracked(|s| serde_json::to_string(s).unwrap_or_default());
        persist::save_backup(&current, reason)?;
        self.replace(snap, false);
        Ok(())
    }

    /// Swaps the workspace with the backup (so restoring can itself be undone the same way).
    pub fn restore_backup(&self) -> Result<(), Text> {
        let Some((text, _)) = persist::read_backup() else {
            return Err(Text::new("没有备份。", "There is no backup."));
        };
        let opened = Snapshot::open(&text).map_err(|e| e.text())?;
        let current = self
            .snap
            .with_untracked(|s| serde_json::to_string(s).unwrap_or_default());
        persist::save_backup(&current, "restore").map_err(|e| Text {
            zh: format!("备份未能保存：{e}"),
            en: format!("The backup could not be saved: {e}"),
        })?;
        self.replace(opened.snapshot, false);
        self.notice.set(Some(Text::new(
            "已恢复备份；恢复前的数据已成为新的备份。",
            "The backup was restored; the data before it is now the backup.",
        )));
        Ok(())
    }

    /// Records an export time (saved with the meta, for the backup reminder).
    pub fn note_export(&self) {
        let now = now_iso();
        self.meta
            .update_value(|m| m.last_export = Some(now.clone()));
        self.set_last_export.set(Some(now));
        if self.read_only.get_untracked().is_none() {
            self.mark(Dirty {
                meta: true,
                ..Dirty::default()
            });
            self.save_now();
        }
    }
}

/// The message for a change attempted after the page's state was disposed (leaving the page).
fn gone() -> Text {
    Text::new(
        "页面已关闭，未作修改。",
        "The page was closed; nothing was changed.",
    )
}

/// "Start empty": Binjiang's districts, streets and communities, and no data.
pub fn empty_workspace() -> Snapshot {
    let mut s = crate::demo::snapshot();
    let regions = std::mem::take(&mut s.dataset.regions);
    s.dataset = crate::model::Dataset {
        regions,
        ..Default::default()
    };
    s.created = now_iso();
    s
}

fn clear_share_hash() {
    if let Some(w) = web_sys::window() {
        if w.location()
            .hash()
            .unwrap_or_default()
            .starts_with("#share=")
        {
            let _ = w.location().set_hash("#/dashboard");
        }
    }
}
