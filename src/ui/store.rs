//! The workspace store: the snapshot, its edit history and its save state.
//!
//! Views read `snap` (and memos derived from it); they change it only through [`Store::apply`],
//! [`Store::undo`], [`Store::redo`] and [`Store::replace`], which validate, record history and
//! save. Saving happens right after each committed change (not per keystroke: cells commit on
//! Enter or blur), and is read back to catch a silent failure.

use super::persist::{self, Loaded, Meta, SaveError};
use crate::edit::{Edit, EditError, History};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::plan::{Plan, Text};
use crate::response::ResponseState;
use crate::scenario::Scenarios;
use crate::snapshot::Snapshot;
use leptos::prelude::*;

/// What [`Store::update_scenarios`] and [`Store::update_response`] may change, beside the
/// plan and dataset they read.
struct BesideMut<'a> {
    scenarios: &'a mut Scenarios,
    response: &'a mut ResponseState,
    plan: &'a Plan,
    dataset: &'a Dataset,
}

/// How long [`Store::persist_soon`] waits for more changes before saving.
const SAVE_DELAY_MS: u64 = 300;

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

/// Why the workspace is read-only. Nothing is saved while it is.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnly {
    /// The stored text could not be read; it is kept untouched until the user decides.
    CorruptStorage { error: String },
    /// A snapshot opened from a share link: the stored data is untouched underneath.
    Shared,
    /// A snapshot from a newer version of the app (what this build knows is shown).
    NewerVersion { message: Text },
}

#[derive(Clone, Copy)]
pub struct Store {
    pub snap: RwSignal<Snapshot>,
    history: StoredValue<History>,
    /// Bumped on every history change so undo/redo buttons update.
    pub history_rev: RwSignal<u64>,
    pub save: RwSignal<SaveStatus>,
    pub read_only: RwSignal<Option<ReadOnly>>,
    /// The built-in sample, untouched since it was loaded.
    pub is_sample: RwSignal<bool>,
    /// A one-line notice ("updated from another tab", "undone: …").
    pub notice: RwSignal<Option<Text>>,
    pub last_export: RwSignal<Option<String>>,
    meta: StoredValue<Meta>,
    /// A save scheduled by [`Store::persist_soon`], not yet done.
    pending_save: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
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
    /// Loads the workspace from storage, or the sample on a first visit.
    pub fn load() -> Store {
        let writer = tab_id();
        let (snap, meta, save, read_only, sample) = match persist::load() {
            Loaded::Found(snap, meta) => {
                let sample = meta.sample;
                let at = meta.saved.clone();
                let meta = Meta { writer, ..meta };
                (*snap, meta, SaveStatus::Saved { at }, None, sample)
            }
            Loaded::Empty => {
                let meta = Meta {
                    writer,
                    sample: true,
                    ..Meta::default()
                };
                (
                    crate::demo::snapshot(),
                    meta,
                    SaveStatus::NotSaving,
                    None,
                    true,
                )
            }
            Loaded::Newer(snap, message) => (
                *snap,
                Meta {
                    writer,
                    ..Meta::default()
                },
                SaveStatus::NotSaving,
                Some(ReadOnly::NewerVersion { message }),
                false,
            ),
            Loaded::Corrupt { error, .. } => (
                crate::demo::snapshot(),
                Meta {
                    writer,
                    ..Meta::default()
                },
                SaveStatus::NotSaving,
                Some(ReadOnly::CorruptStorage { error }),
                true,
            ),
            Loaded::Unavailable(e) => (
                crate::demo::snapshot(),
                Meta {
                    writer,
                    sample: true,
                    ..Meta::default()
                },
                SaveStatus::Failed(SaveError::Unavailable(e)),
                None,
                true,
            ),
        };
        let last_export = meta.last_export.clone();
        let store = Store {
            snap: RwSignal::new(snap),
            history: StoredValue::new(History::new()),
            history_rev: RwSignal::new(0),
            save: RwSignal::new(save),
            read_only: RwSignal::new(read_only),
            is_sample: RwSignal::new(sample),
            notice: RwSignal::new(None),
            last_export: RwSignal::new(last_export),
            meta: StoredValue::new(meta),
            pending_save: StoredValue::new(None),
        };
        // First visit: store the sample so a reload shows the same data.
        if store.save.get_untracked() == SaveStatus::NotSaving
            && store.read_only.get_untracked().is_none()
        {
            store.persist();
        }
        store.open_share_link_in_address();
        store
    }

    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// Applies one edit and saves. On error nothing changes and the message says what and where.
    pub fn apply(&self, edit: Edit) -> Result<(), Text> {
        if self.read_only.get_untracked().is_some() {
            return Err(Text::new(
                "当前数据为只读，未作修改。",
                "The data is read-only here; nothing was changed.",
            ));
        }
        let mut result: Result<(), Text> = Ok(());
        self.history.update_value(|h| {
            // A refused edit leaves the data as it was and notifies nobody.
            self.snap.update_untracked(|s| {
                result = h
                    .apply(&mut s.dataset, edit)
                    .map_err(|e: EditError| e.text());
                // What is saved must open again: the snapshot's own limits (name lengths,
                // count ranges) apply to every edit, not only to imported files.
                if result.is_ok() {
                    if let Some(p) = crate::snapshot::validate(s)
                        .into_iter()
                        .find(|p| p.is_error())
                    {
                        let _ = h.undo(&mut s.dataset);
                        result = Err(p.text());
                    }
                }
            });
        });
        match result {
            Ok(()) => {
                self.snap.notify();
                self.after_change();
                Ok(())
            }
            Err(t) => Err(t),
        }
    }

    /// Changes the what-if scenarios (never the baseline dataset) and saves. A change the
    /// snapshot could not open again is refused with nothing changed.
    pub fn update_scenarios<R>(
        &self,
        f: impl FnOnce(&mut Scenarios, &Plan, &Dataset) -> Result<R, Text>,
    ) -> Result<R, Text> {
        self.update_beside(true, |s| f(s.scenarios, s.plan, s.dataset))
    }

    /// Changes the response record (through its reducer, which appends to the audit trail) and
    /// saves. Refused with nothing changed while the data is read-only.
    pub fn update_response<R>(
        &self,
        f: impl FnOnce(&mut ResponseState, &Plan, &Dataset, &Scenarios) -> Result<R, Text>,
    ) -> Result<R, Text> {
        self.update_beside(false, |s| f(s.response, s.plan, s.dataset, s.scenarios))
    }

    /// Scenarios and the response record live beside the dataset: not in its undo history
    /// (the response trail is append-only; a tweak is removed by removing it). What-if changes
    /// come in bursts and are saved shortly after (`soon`); a response record at once.
    fn update_beside<R>(
        &self,
        soon: bool,
        f: impl FnOnce(&mut BesideMut<'_>) -> Result<R, Text>,
    ) -> Result<R, Text> {
        if self.read_only.get_untracked().is_some() {
            return Err(Text::new(
                "当前数据为只读，未作修改。",
                "The data is read-only here; nothing was changed.",
            ));
        }
        let mut out: Result<R, Text> = Err(Text::new("", ""));
        self.snap.update_untracked(|s| {
            let before = (s.scenarios.clone(), s.response.clone());
            let mut view = BesideMut {
                scenarios: &mut s.scenarios,
                response: &mut s.response,
                plan: &s.plan,
                dataset: &s.dataset,
            };
            out = f(&mut view);
            let refused = match &out {
                Err(_) => true,
                Ok(_) => {
                    if let Some(p) = crate::snapshot::validate(s)
                        .into_iter()
                        .find(|p| p.is_error())
                    {
                        out = Err(p.text());
                        true
                    } else {
                        false
                    }
                }
            };
            if refused {
                (s.scenarios, s.response) = before;
            }
        });
        if out.is_ok() {
            self.snap.notify();
            self.is_sample.set(false);
            self.meta.update_value(|m| m.sample = false);
            if soon {
                self.persist_soon();
            } else {
                self.persist();
            }
        }
        out
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
                store.persist();
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        ) {
            Ok(h) => self.pending_save.set_value(Some(h)),
            Err(_) => self.persist(),
        }
    }

    /// Does a scheduled save now (the page is being hidden or left).
    pub fn flush_save(&self) {
        let pending = self.pending_save.try_update_value(Option::take).flatten();
        if let Some(h) = pending {
            h.clear();
            self.persist();
        }
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, undo: bool) {
        if self.read_only.get_untracked().is_some() {
            return;
        }
        let mut out = Ok(None);
        self.history.update_value(|h| {
            self.snap.update(|s| {
                out = if undo {
                    h.undo(&mut s.dataset)
                } else {
                    h.redo(&mut s.dataset)
                }
            });
        });
        match out {
            Ok(Some(label)) => {
                let (zh, en) = if undo {
                    ("已撤销：", "Undone: ")
                } else {
                    ("已重做：", "Redone: ")
                };
                self.notice.set(Some(Text {
                    zh: format!("{zh}{}", label.zh),
                    en: format!("{en}{}", label.en),
                }));
                self.after_change();
            }
            Ok(None) => {}
            Err(e) => self.notice.set(Some(e.text())),
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(|h| h.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(|h| h.can_redo())
    }

    pub fn undo_label(&self, lang: Lang) -> Option<String> {
        self.history_rev.track();
        self.history
            .with_value(|h| h.undo_label().map(|t| t.get(lang).to_owned()))
    }

    /// Replaces the whole snapshot (reset to sample, start empty, import). Clears history.
    pub fn replace(&self, snap: Snapshot, sample: bool) {
        self.read_only.set(None);
        self.snap.set(snap);
        self.history.update_value(|h| h.clear());
        self.is_sample.set(sample);
        self.meta.update_value(|m| m.sample = sample);
        self.history_rev.update(|r| *r += 1);
        self.persist();
    }

    fn after_change(&self) {
        self.history_rev.update(|r| *r += 1);
        self.is_sample.set(false);
        self.meta.update_value(|m| m.sample = false);
        self.persist();
    }

    /// Saves now; shows the outcome in `save`.
    pub fn persist(&self) {
        if let Some(h) = self.pending_save.try_update_value(Option::take).flatten() {
            h.clear();
        }
        if self.read_only.get_untracked().is_some() {
            self.save.set(SaveStatus::NotSaving);
            return;
        }
        let meta = self.meta.get_value();
        let base = meta.rev;
        let meta = Meta {
            saved: now_iso(),
            ..meta
        };
        let result = self.snap.with_untracked(|s| persist::save(s, base, meta));
        match result {
            Ok(m) => {
                self.save.set(SaveStatus::Saved {
                    at: m.saved.clone(),
                });
                self.meta.set_value(m);
            }
            Err(e) => self.save.set(SaveStatus::Failed(e)),
        }
    }

    /// Overwrites what another tab saved with this tab's data (the user chose "keep mine").
    pub fn force_save(&self) {
        if let Some(stored) = persist::read_meta() {
            self.meta.update_value(|m| m.rev = stored.rev);
        }
        self.persist();
    }

    /// Another tab saved: take its data when this tab has nothing unsaved; otherwise leave the
    /// choice to the user (the conflict banner).
    pub fn on_external_change(&self) {
        let Some(stored) = persist::read_meta() else {
            return;
        };
        let mine = self.meta.get_value();
        if stored.rev <= mine.rev || stored.writer == mine.writer {
            return;
        }
        if matches!(
            self.read_only.get_untracked(),
            Some(ReadOnly::Shared | ReadOnly::NewerVersion { .. })
        ) {
            // Another tab's save does not concern a snapshot shown on its own.
            return;
        }
        let unsaved = matches!(self.save.get_untracked(), SaveStatus::Failed(_));
        if unsaved || self.read_only.get_untracked().is_some() {
            self.save
                .set(SaveStatus::Failed(SaveError::NewerElsewhere(stored)));
            return;
        }
        self.reload_from_storage();
    }

    /// Takes what is stored (another tab's newer data), discarding this tab's unsaved state.
    pub fn reload_from_storage(&self) {
        if let Loaded::Found(snap, stored) = persist::load() {
            let writer = self.meta.with_value(|m| m.writer.clone());
            let sample = stored.sample;
            self.meta.set_value(Meta {
                writer,
                ..stored.clone()
            });
            self.snap.set(*snap);
            self.history.update_value(|h| h.clear());
            self.history_rev.update(|r| *r += 1);
            self.is_sample.set(sample);
            self.save.set(SaveStatus::Saved { at: stored.saved });
            self.notice.set(Some(Text::new(
                "已载入另一个标签页保存的较新数据。",
                "Loaded newer data saved in another tab.",
            )));
        }
    }

    /// Shows a snapshot without saving it (a shared or newer one), over the stored data.
    pub fn show_read_only(&self, snap: Snapshot, why: ReadOnly) {
        self.snap.set(snap);
        self.history.update_value(|h| h.clear());
        self.history_rev.update(|r| *r += 1);
        self.is_sample.set(false);
        self.read_only.set(Some(why));
        self.save.set(SaveStatus::NotSaving);
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
        self.read_only.set(None);
        match persist::load() {
            Loaded::Found(snap, meta) => {
                let writer = self.meta.with_value(|m| m.writer.clone());
                self.is_sample.set(meta.sample);
                self.save.set(SaveStatus::Saved {
                    at: meta.saved.clone(),
                });
                self.meta.set_value(Meta { writer, ..meta });
                self.snap.set(*snap);
            }
            // Never saved over: a newer snapshot stays read-only, unreadable text untouched.
            Loaded::Newer(snap, message) => {
                self.show_read_only(*snap, ReadOnly::NewerVersion { message })
            }
            Loaded::Corrupt { error } => {
                self.show_read_only(crate::demo::snapshot(), ReadOnly::CorruptStorage { error })
            }
            Loaded::Empty | Loaded::Unavailable(_) => self.replace(crate::demo::snapshot(), true),
        }
        self.history.update_value(|h| h.clear());
        self.history_rev.update(|r| *r += 1);
        clear_share_hash();
    }

    /// Keeps the shown (shared) snapshot as this browser's workspace, after a backup of what
    /// was stored.
    pub fn save_as_my_copy(&self) {
        if let Some(raw) = persist::raw_snapshot() {
            let _ = persist::save_backup(&raw, "share");
        }
        let snap = self.snap.get_untracked();
        self.replace(snap, false);
        clear_share_hash();
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

    pub fn note_export(&self) {
        let now = now_iso();
        persist::note_export(&now);
        self.meta
            .update_value(|m| m.last_export = Some(now.clone()));
        self.last_export.set(Some(now));
    }
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
