//! The workspace: the snapshot, its edit history and the engine prepared over it, with the one
//! transaction path every change goes through.
//!
//! A change is applied to the state, the part it touched is checked
//! ([`crate::snapshot::first_error_in`]), and an error rolls everything back so the state is
//! exactly as before. A dataset change records its inverse in the [`History`], a plan change
//! the plan before it ([`Workspace::update_plan`]), in the one undo order; scenarios and the
//! response record live beside them and are not undone through it (the response trail is
//! append-only; a tweak is removed by removing it). After each accepted change of the
//! plan or the dataset the engine is prepared once ([`Prepared`]) and every view, scenario and
//! the playbook read that one. The caller learns what to save from [`Changed`].
//!
//! Pure: no clock, no storage, no Leptos. `ui/store.rs` wraps it in signals.

#[cfg(test)]
mod tests;

use crate::model::{ClosureEvent, EnterpriseEvent, LayoffEvent};
pub use crate::rules::Prepared;
use crate::rules::{EventFigures, Touched};

use crate::edit::{Edit, History};
use crate::model::Dataset;
use crate::plan::check::{check, PlanProblem, Severity};
use crate::plan::{Plan, Text};
use crate::response::ResponseState;
use crate::scenario::Scenarios;
use crate::snapshot::{first_error_in, Part, Snapshot};
use std::sync::Arc;

/// One undo (or redo) step: what puts the state back.
#[derive(Clone, Debug)]
pub enum Step {
    /// A dataset edit's inverse.
    Data(Edit),
    /// The plan before a plan change, shared with the engine that was prepared over it (an
    /// `Arc`, so a step costs no copy of the plan).
    Plan(Arc<Plan>),
}

/// Why the workspace is read-only. Nothing changes (and nothing is saved) while it is.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnly {
    /// The stored text could not be read; it is kept untouched until the user decides.
    CorruptStorage { error: String },
    /// A snapshot opened from a share link: the stored data is untouched underneath.
    Shared,
    /// A snapshot from a newer version of the app (what this build knows is shown).
    NewerVersion { message: Text },
}

/// The parts of the snapshot a change touched: what must be saved and what views re-read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub plan: bool,
    pub dataset: bool,
    pub scenarios: bool,
    pub response: bool,
}

impl Changed {
    pub const NOTHING: Changed = Changed {
        plan: false,
        dataset: false,
        scenarios: false,
        response: false,
    };
    pub const ALL: Changed = Changed {
        plan: true,
        dataset: true,
        scenarios: true,
        response: true,
    };

    pub fn any(self) -> bool {
        self.plan || self.dataset || self.scenarios || self.response
    }

    /// Whether the engine's inputs changed.
    pub fn inputs(self) -> bool {
        self.plan || self.dataset
    }
}

/// What [`Workspace::undo`] and [`Workspace::redo`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct Stepped {
    /// The step's description ("编辑 …").
    pub label: Text,
    pub changed: Changed,
}

/// The state that the what-if scenarios and the response record may change, beside the plan
/// and dataset they read (with their prepared engine).
struct Beside<'a> {
    scenarios: &'a mut Scenarios,
    response: &'a mut ResponseState,
    prepared: &'a Prepared,
}

/// The message for any change tried while the workspace is read-only.
pub fn read_only_text() -> Text {
    Text::new(
        "当前数据为只读，未作修改。",
        "The data is read-only here; nothing was changed.",
    )
}

pub struct Workspace {
    snapshot: Snapshot,
    history: History<Step>,
    prepared: Prepared,
    read_only: Option<ReadOnly>,
    /// What the save must compare: see [`Workspace::take_changed_rows`].
    changed_rows: Option<Vec<usize>>,
}

impl Workspace {
    /// Opens `snapshot` for editing (empty history).
    pub fn new(snapshot: Snapshot) -> Workspace {
        let prepared = Prepared::new(snapshot.plan.clone(), snapshot.dataset.clone());
        Workspace {
            snapshot,
            history: History::new(),
            prepared,
            read_only: None,
            changed_rows: Some(Vec::new()),
        }
    }

    /// The positions of the observations changed in place since the last call (the save
    /// writes only the chunks that hold them), or `None` when an edit inserted, removed or
    /// renamed observations, so that any position may hold another one now. Counted from
    /// the workspace as opened: what was stored, or what the store saves whole.
    pub fn take_changed_rows(&mut self) -> Option<Vec<usize>> {
        self.changed_rows.replace(Vec::new())
    }

    /// After a failed save: the next one compares every chunk.
    pub fn forget_changed_rows(&mut self) {
        self.changed_rows = None;
    }

    fn note_rows(&mut self, inverse: &Edit) {
        if let Some(rows) = &mut self.changed_rows {
            if !rows_in_place(inverse, rows) {
                self.changed_rows = None;
            }
        }
    }

    /// Shows `snapshot` without allowing changes.
    pub fn read_only(snapshot: Snapshot, why: ReadOnly) -> Workspace {
        Workspace {
            read_only: Some(why),
            ..Workspace::new(snapshot)
        }
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The engine over the current plan and dataset, prepared once per change.
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    pub fn history(&self) -> &History<Step> {
        &self.history
    }

    pub fn why_read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn into_snapshot(self) -> Snapshot {
        self.snapshot
    }

    fn writable(&self) -> Result<(), Text> {
        match self.read_only {
            Some(_) => Err(read_only_text()),
            None => Ok(()),
        }
    }

    /// Prepares the engine after a dataset change; the plan did not change, so it is shared
    /// with the previous engine rather than copied.
    fn prepare(&mut self) {
        let plan = self.prepared.shared_plan();
        self.prepared = Prepared::with_plan(plan, self.snapshot.dataset.clone());
    }

    /// Prepares the engine after `forward` (a small edit, already applied to the snapshot):
    /// the same edit applied to the engine's own dataset (moved, not copied, when no view
    /// holds the previous preparation) and the engine updated for what it touched, instead
    /// of a copy of the whole dataset and a fresh engine. `None`: prepared afresh.
    fn prepare_after(&mut self, forward: Option<Edit>) {
        if let Some(edit) = forward {
            let plan = self.prepared.shared_plan();
            let previous = std::mem::replace(&mut self.prepared, Prepared::placeholder(plan));
            let next = previous.edited(|ds| {
                let inverse = edit.apply(ds).ok()?;
                Some(touched(&inverse, ds))
            });
            if let Some(next) = next {
                self.prepared = next;
                return;
            }
        }
        self.prepare();
    }

    /// Applies one dataset edit and records its inverse. On error the state is unchanged and
    /// the message says what and where: what is saved must open again, so the snapshot's own
    /// limits (name lengths, count ranges) apply to every edit, not only to imported files.
    pub fn apply(&mut self, edit: Edit) -> Result<Changed, Text> {
        self.apply_labelled(edit, None)
    }

    /// [`Workspace::apply`] with the undo label given (the editor names the field changed).
    fn apply_labelled(&mut self, edit: Edit, label: Option<Text>) -> Result<Changed, Text> {
        self.writable()?;
        // Named from the dataset before the edit (a removed event or region still has its name).
        let label = label.unwrap_or_else(|| edit.describe(&self.snapshot.dataset));
        let forward = small(&edit).then(|| edit.clone());
        let ds = &mut self.snapshot.dataset;
        let inverse = edit.apply(ds).map_err(|e| e.text())?;
        if inverse.is_noop() {
            return Ok(Changed::NOTHING);
        }
        if let Some(p) = first_error_in(&self.snapshot, Part::Dataset) {
            // The inverse is exact: applying it puts back the state before the edit.
            let _ = inverse.apply(&mut self.snapshot.dataset);
            return Err(p.text());
        }
        self.note_rows(&inverse);
        self.history.push(Step::Data(inverse), label);
        self.prepare_after(forward);
        Ok(Changed {
            dataset: true,
            ..Changed::NOTHING
        })
    }

    /// Undoes the latest step (of the dataset or the plan); `Ok(None)` when there is none.
    pub fn undo(&mut self) -> Result<Option<Stepped>, Text> {
        self.step(true)
    }

    /// Redoes the latest undone step; `Ok(None)` when there is none.
    pub fn redo(&mut self) -> Result<Option<Stepped>, Text> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> Result<Option<Stepped>, Text> {
        self.writable()?;
        let mut changed = Changed::NOTHING;
        let mut new_plan = None;
        let mut forward = None;
        let current_plan = self.prepared.shared_plan();
        let (mut rows, mut rows_in_place_now) = (Vec::new(), true);
        let snap = &mut self.snapshot;
        let apply = |s: Step| -> Result<Step, Text> {
            match s {
                Step::Data(e) => {
                    forward = small(&e).then(|| e.clone());
                    let inverse = e.apply(&mut snap.dataset).map_err(|e| e.text())?;
                    rows_in_place_now &= rows_in_place(&inverse, &mut rows);
                    changed.dataset = true;
                    Ok(Step::Data(inverse))
                }
                // The plan before is put back whole: the steps are undone in order, so the
                // data it is put beside is the data it was checked with.
                Step::Plan(p) => {
                    snap.plan = Plan::clone(&p);
                    new_plan = Some(p);
                    changed.plan = true;
                    Ok(Step::Plan(current_plan))
                }
            }
        };
        let out = if undo {
            self.history.undo_with(apply)
        } else {
            self.history.redo_with(apply)
        };
        let Some(label) = out? else {
            return Ok(None);
        };
        match (&mut self.changed_rows, rows_in_place_now) {
            (Some(all), true) => all.extend(rows),
            _ => self.changed_rows = None,
        }
        match new_plan {
            Some(plan) => {
                self.prepared = Prepared::with_plan(plan, self.snapshot.dataset.clone());
            }
            None => self.prepare_after(forward),
        }
        Ok(Some(Stepped { label, changed }))
    }

    /// Changes the plan (the editor): `f` works on a copy, which is checked
    /// ([`crate::plan::check`]) and replaces the plan only when the change brings in no error
    /// (an error the plan already had, such as the blank preset's level without criteria,
    /// does not block the edits that fix it). A refusal names the item and leaves the state
    /// identical. An accepted change is one undo step, prepares the engine once, and returns
    /// the plan's warnings (suspicious but evaluable) for the editor to show.
    pub fn update_plan<R>(
        &mut self,
        label: Text,
        f: impl FnOnce(&mut Plan) -> Result<R, Text>,
    ) -> Result<(R, Vec<PlanProblem>, Changed), Text> {
        self.writable()?;
        let mut plan = self.snapshot.plan.clone();
        let r = f(&mut plan)?;
        refuse_new_errors(&self.snapshot.plan, &plan)?;
        let (warnings, changed) = self.set_plan(label, plan)?;
        Ok((r, warnings, changed))
    }

    /// The plan a street is evaluated by (§9): the district's, with the street's own level
    /// table where it has one. `None` when `street` is no street of the dataset.
    pub fn street_plan(&self, street: &str) -> Option<Plan> {
        let ds = &self.snapshot.dataset;
        ds.streets().find(|s| s.id == street)?;
        let mut plan = self.snapshot.plan.clone();
        if let Some(t) = ds.street_thresholds.get(street) {
            plan.thresholds = t.clone();
        }
        Some(plan)
    }

    /// Changes a street's own level table with the same editor and checks as the district's
    /// plan ([`Workspace::update_plan`]): `f` works on [`Workspace::street_plan`], and only its
    /// level table is kept (the HQ, measures and parameters stay the district's). The street
    /// gets its own table on its first change. One undo step, like a data edit.
    pub fn update_street_plan<R>(
        &mut self,
        street: &str,
        label: Text,
        f: impl FnOnce(&mut Plan) -> Result<R, Text>,
    ) -> Result<(R, Vec<PlanProblem>, Changed), Text> {
        self.writable()?;
        let before = self
            .street_plan(street)
            .ok_or_else(crate::plan::editing::gone)?;
        let mut plan = before.clone();
        let r = f(&mut plan)?;
        refuse_new_errors(&before, &plan)?;
        let own = self.snapshot.dataset.street_thresholds.get(street);
        if own == Some(&plan.thresholds) {
            return Ok((r, Vec::new(), Changed::NOTHING));
        }
        let warnings = check(&plan)
            .into_iter()
            .filter(|p| p.severity == Severity::Warning)
            .collect();
        let changed = self.apply_labelled(
            Edit::SetStreetThresholds {
                street: street.to_owned(),
                thresholds: Some(Box::new(plan.thresholds)),
            },
            Some(label),
        )?;
        Ok((r, warnings, changed))
    }

    /// Puts `plan` in place of the current one (a preset chosen, a plan file imported), as one
    /// undo step. The plan's own errors are the user's choice here (the blank preset is a
    /// starting point); the snapshot's limits and the data's references to levels still apply.
    pub fn use_plan(
        &mut self,
        label: Text,
        plan: Plan,
    ) -> Result<(Vec<PlanProblem>, Changed), Text> {
        self.writable()?;
        self.set_plan(label, plan)
    }

    fn set_plan(&mut self, label: Text, plan: Plan) -> Result<(Vec<PlanProblem>, Changed), Text> {
        if plan == self.snapshot.plan {
            return Ok((Vec::new(), Changed::NOTHING));
        }
        let old = std::mem::replace(&mut self.snapshot.plan, plan);
        if let Some(p) = first_error_in(&self.snapshot, Part::Plan) {
            self.snapshot.plan = old;
            return Err(p.text());
        }
        self.history
            .push(Step::Plan(self.prepared.shared_plan()), label);
        self.prepared = Prepared::new(self.snapshot.plan.clone(), self.snapshot.dataset.clone());
        let warnings = check(&self.snapshot.plan)
            .into_iter()
            .filter(|p| p.severity == Severity::Warning)
            .collect();
        Ok((
            warnings,
            Changed {
                plan: true,
                ..Changed::NOTHING
            },
        ))
    }

    /// Changes the what-if scenarios (never the baseline dataset). A change the snapshot could
    /// not open again is refused with nothing changed.
    pub fn update_scenarios<R>(
        &mut self,
        f: impl FnOnce(&mut Scenarios, &Plan, &Dataset) -> Result<R, Text>,
    ) -> Result<(R, Changed), Text> {
        self.update_beside(Part::Scenarios, |b| {
            f(b.scenarios, b.prepared.plan(), b.prepared.dataset())
        })
    }

    /// Changes the response record (through its reducer, which appends to the audit trail),
    /// with the prepared engine and the scenarios an exercise may rest on.
    pub fn update_response<R>(
        &mut self,
        f: impl FnOnce(&mut ResponseState, &Prepared, &Scenarios) -> Result<R, Text>,
    ) -> Result<(R, Changed), Text> {
        self.update_beside(Part::Response, |b| f(b.response, b.prepared, b.scenarios))
    }

    fn update_beside<R>(
        &mut self,
        part: Part,
        f: impl FnOnce(&mut Beside<'_>) -> Result<R, Text>,
    ) -> Result<(R, Changed), Text> {
        self.writable()?;
        let s = &mut self.snapshot;
        let before = (s.scenarios.clone(), s.response.clone());
        let out = f(&mut Beside {
            scenarios: &mut s.scenarios,
            response: &mut s.response,
            prepared: &self.prepared,
        });
        let out = out.and_then(|r| match first_error_in(s, part) {
            Some(p) => Err(p.text()),
            None => Ok(r),
        });
        match out {
            Ok(r) => {
                // A response action may record scenario use and the reverse; both are saved.
                let changed = Changed {
                    scenarios: s.scenarios != before.0,
                    response: s.response != before.1,
                    ..Changed::NOTHING
                };
                Ok((r, changed))
            }
            Err(t) => {
                (s.scenarios, s.response) = before;
                Err(t)
            }
        }
    }

    /// Replaces the whole snapshot (reset to sample, start empty, import): the history is
    /// forgotten, since its steps belong to the data replaced.
    pub fn replace(&mut self, snapshot: Snapshot) -> Changed {
        *self = Workspace::new(snapshot);
        Changed::ALL
    }
}

/// Whether an edit is small enough to apply a second time, to the engine's own dataset, rather
/// than copy the whole dataset: a few cells or one event.
fn small(edit: &Edit) -> bool {
    const CELLS: usize = 256;
    match edit {
        Edit::SetCell(_) => true,
        Edit::SetCells(cells) => cells.len() <= CELLS,
        Edit::PatchObservations(p) => p.changes() <= CELLS,
        Edit::AddClosure { .. }
        | Edit::UpdateClosure(_)
        | Edit::RemoveClosure { .. }
        | Edit::AddLayoff { .. }
        | Edit::UpdateLayoff(_)
        | Edit::RemoveLayoff { .. } => true,
        _ => false,
    }
}

/// What an applied edit touched, read from its inverse and the dataset after it: the
/// observations it took out and put in (the inverse puts back the ones taken out, at their old
/// positions, and takes out the ones put in), or the events before and after.
fn touched(inverse: &Edit, ds: &Dataset) -> Touched {
    fn now<E: EnterpriseEvent>(ds: &Dataset, id: &str) -> Option<EventFigures>
    where
        for<'e> EventFigures: From<&'e E>,
    {
        E::list(ds)
            .iter()
            .find(|e| e.id() == id)
            .map(EventFigures::from)
    }
    let events = |removed: Option<EventFigures>, added: Option<Option<EventFigures>>| {
        match added {
            // The event the edit put in is not in the dataset: build afresh.
            Some(None) => Touched::Everything,
            Some(added) => Touched::Events {
                removed: removed.into_iter().collect(),
                added: added.into_iter().collect(),
            },
            None => Touched::Events {
                removed: removed.into_iter().collect(),
                added: Vec::new(),
            },
        }
    };
    match inverse {
        Edit::PatchObservations(p) => Touched::Observations {
            removed: p
                .inserted()
                .map(|(i, o)| (i, o.region.clone(), o.month))
                .collect(),
            inserted: p.removed().map(|(i, _, _)| i).collect(),
        },
        // The inverse of an addition removes it; of a removal, adds it back; of an update,
        // puts the event as it was.
        Edit::RemoveClosure { id } => events(None, Some(now::<ClosureEvent>(ds, id))),
        Edit::RemoveLayoff { id } => events(None, Some(now::<LayoffEvent>(ds, id))),
        Edit::AddClosure { event, .. } => events(Some(event.into()), None),
        Edit::AddLayoff { event, .. } => events(Some(event.into()), None),
        Edit::UpdateClosure(old) => {
            events(Some(old.into()), Some(now::<ClosureEvent>(ds, &old.id)))
        }
        Edit::UpdateLayoff(old) => events(Some(old.into()), Some(now::<LayoffEvent>(ds, &old.id))),
        _ => Touched::Everything,
    }
}

/// Adds to `rows` the positions `inverse` puts observations back at, where it changes them in
/// place (each removed position is also an inserted one); `false` when it moves them.
fn rows_in_place(inverse: &Edit, rows: &mut Vec<usize>) -> bool {
    match inverse {
        Edit::PatchObservations(p) => {
            let mut removed: Vec<usize> = p.removed().map(|(i, _, _)| i).collect();
            let mut inserted: Vec<usize> = p.inserted().map(|(i, _)| i).collect();
            crate::sort::sort(&mut removed);
            crate::sort::sort(&mut inserted);
            let in_place = removed == inserted;
            rows.extend(inserted);
            in_place
        }
        Edit::Batch(edits) => edits.iter().all(|e| rows_in_place(e, rows)),
        Edit::AddClosure { .. }
        | Edit::UpdateClosure(_)
        | Edit::RemoveClosure { .. }
        | Edit::AddLayoff { .. }
        | Edit::UpdateLayoff(_)
        | Edit::RemoveLayoff { .. }
        | Edit::SetStreetThresholds { .. } => true,
        _ => false,
    }
}

/// Refuses a plan change that brings in an error. An error is new when the plan has more
/// errors of its kind than before (renaming the item of an existing error does not make it
/// new), so an error the plan already had (the blank preset's level without criteria) does
/// not block the edits that fix it; the one named is the item not in error before.
fn refuse_new_errors(before: &Plan, after: &Plan) -> Result<(), Text> {
    let (before, after) = (check(before), check(after));
    let count = |list: &[PlanProblem], m: &Text| {
        list.iter()
            .filter(|p| p.severity == Severity::Error && p.message == *m)
            .count()
    };
    match after.iter().find(|p| {
        p.severity == Severity::Error
            && !before.contains(p)
            && count(&after, &p.message) > count(&before, &p.message)
    }) {
        Some(p) => Err(p.text()),
        None => Ok(()),
    }
}
