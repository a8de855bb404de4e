//! What-if scenarios for meetings: hypothetical variants of the current data (the baseline),
//! compared side by side, and the reverse question — what it takes to reach or leave a level.
//!
//! - [`Scenario`]: a named list of [`Tweak`]s. [`Scenario::apply`] turns the baseline plan and
//!   dataset into hypothetical copies; the baseline itself is never changed. Every scenario is
//!   an exercise ([`EXERCISE_MARK`]) and must be shown as such.
//! - [`Scenarios`]: the stored list (create, rename, duplicate, delete), part of the snapshot.
//! - [`compare`]: the baseline and up to three scenarios, month by month, with a diff of each
//!   criterion's level and key figures.
//! - [`what_it_takes`]: per scope and month, the smallest change that reaches each level and
//!   the change that brings the level back to normal, each as tweaks that can be applied and
//!   each checked by the rules engine before it is offered.
//!
//! Pure: no clock (the caller passes `created`), no I/O. The method is in `docs/scenarios.md`.

mod compare;
mod draft;
mod reach;
mod tweak;

pub use compare::{
    column_name, compare, compare_through_data, compare_through_data_with, comparison_csv,
    diff_runs, legend_label, Column, CompareError, ComparedMonth, Comparison, Criterion, Diff,
    DiffCell, DiffRun, FailedScenario, Figures, MAX_COMPARED,
};
pub use draft::{TweakDraft, TweakKind};
pub use reach::{what_it_takes, Goal, LevelReach, Suggestion, WhatItTakes};
pub use tweak::{
    apply_tweaks, is_hypothetical, Delta, Tweak, TweakError, TweakProblem, HYPOTHETICAL_PREFIX,
};

use crate::model::Dataset;
use crate::plan::{Plan, Text};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

/// The mark every scenario screen, print and export carries, so that a hypothetical result is
/// never taken for official data.
pub static EXERCISE_MARK: LazyLock<Text> =
    LazyLock::new(|| Text::new("推演 · EXERCISE", "EXERCISE · 推演"));

/// The longest scenario name kept (longer names are cut).
pub const MAX_NAME_CHARS: usize = 80;

/// A scenario's id, unique within its [`Scenarios`] and never reused there.
pub type ScenarioId = u32;

/// The exercise flag: always `true`, whatever a stored file says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Exercise;

impl Serialize for Exercise {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(true)
    }
}

impl<'de> Deserialize<'de> for Exercise {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A file claiming `false` still opens as an exercise: the flag cannot be turned off.
        serde::de::IgnoredAny::deserialize(d).map(|_| Exercise)
    }
}

/// A named what-if: the baseline with some tweaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    /// When it was created (RFC 3339, as the caller gave it).
    pub created: String,
    /// Applied in order; each is listed with its description and can be removed.
    #[serde(default)]
    pub tweaks: Vec<Tweak>,
    #[serde(default)]
    exercise: Exercise,
}

impl Scenario {
    /// A scenario without tweaks: it starts equal to the baseline.
    pub fn new(id: ScenarioId, name: &str, created: &str) -> Scenario {
        Scenario {
            id,
            name: clean_name(name).unwrap_or_else(|| default_name(id)),
            created: created.to_owned(),
            tweaks: Vec::new(),
            exercise: Exercise,
        }
    }

    /// Always `true`: a scenario is an exercise, shown with [`EXERCISE_MARK`].
    pub fn exercise(&self) -> bool {
        true
    }

    /// The hypothetical plan and dataset: copies of the baseline with the tweaks applied.
    pub fn apply(&self, plan: &Plan, data: &Dataset) -> Result<(Plan, Dataset), TweakError> {
        apply_tweaks(plan, data, &self.tweaks)
    }

    /// Applies the scenario to the baseline and prepares the engine over the result: the one
    /// way the what-if page, the comparison and the response playbook get a scenario's inputs.
    pub fn prepare(
        &self,
        base: &crate::rules::Prepared,
    ) -> Result<crate::rules::Prepared, TweakError> {
        self.apply(base.plan(), base.dataset())
            .map(|(p, d)| crate::rules::Prepared::new(p, d))
    }

    /// Adds a tweak if the scenario still applies to the baseline with it; otherwise nothing
    /// changes and the reason is returned.
    pub fn try_add(&mut self, tweak: Tweak, plan: &Plan, data: &Dataset) -> Result<(), TweakError> {
        self.tweaks.push(tweak);
        if let Err(e) = self.apply(plan, data) {
            self.tweaks.pop();
            return Err(e);
        }
        Ok(())
    }

    /// Removes the tweak at `index`.
    pub fn remove_tweak(&mut self, index: usize) -> Option<Tweak> {
        (index < self.tweaks.len()).then(|| self.tweaks.remove(index))
    }

    /// Each tweak's description, in order.
    pub fn describe(&self, data: &Dataset) -> Vec<Text> {
        self.tweaks.iter().map(|t| t.describe(data)).collect()
    }
}

/// Why a change to the list of scenarios was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    Unknown { id: ScenarioId },
    EmptyName,
}

impl ScenarioError {
    pub fn text(&self) -> Text {
        match self {
            ScenarioError::Unknown { id } => Text {
                zh: format!("没有编号为 {id} 的推演"),
                en: format!("there is no scenario {id}"),
            },
            ScenarioError::EmptyName => Text::new("名称不能为空", "the name cannot be empty"),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for ScenarioError {}

fn clean_name(name: &str) -> Option<String> {
    let t = name.trim();
    (!t.is_empty()).then(|| t.chars().take(MAX_NAME_CHARS).collect())
}

fn default_name(id: ScenarioId) -> String {
    format!("推演 {id} · Scenario {id}")
}

/// The stored scenarios, in creation order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenarios {
    #[serde(default)]
    items: Vec<Scenario>,
    /// The id the next scenario gets (ids are not reused, so a stale reference to a deleted
    /// scenario never finds another one).
    #[serde(default)]
    next_id: ScenarioId,
}

impl Scenarios {
    pub fn new() -> Scenarios {
        Scenarios::default()
    }

    pub fn list(&self) -> &[Scenario] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: ScenarioId) -> Option<&Scenario> {
        self.items.iter().find(|s| s.id == id)
    }

    pub fn get_mut(&mut self, id: ScenarioId) -> Option<&mut Scenario> {
        self.items.iter_mut().find(|s| s.id == id)
    }

    fn fresh_id(&mut self) -> ScenarioId {
        let above = self
            .items
            .iter()
            .map(|s| s.id.saturating_add(1))
            .max()
            .unwrap_or(1);
        let id = self.next_id.max(above).max(1);
        self.next_id = id.saturating_add(1);
        id
    }

    /// A new scenario equal to the baseline (no tweaks); a blank name gets a numbered one.
    pub fn create(&mut self, name: &str, created: &str) -> ScenarioId {
        let id = self.fresh_id();
        self.items.push(Scenario::new(id, name, created));
        id
    }

    pub fn rename(&mut self, id: ScenarioId, name: &str) -> Result<(), ScenarioError> {
        let name = clean_name(name).ok_or(ScenarioError::EmptyName)?;
        let s = self.get_mut(id).ok_or(ScenarioError::Unknown { id })?;
        s.name = name;
        Ok(())
    }

    /// A copy with the same tweaks, named "name (2)" (the first free number), placed after it.
    pub fn duplicate(
        &mut self,
        id: ScenarioId,
        created: &str,
    ) -> Result<ScenarioId, ScenarioError> {
        let at = self
            .items
            .iter()
            .position(|s| s.id == id)
            .ok_or(ScenarioError::Unknown { id })?;
        let source = self
            .items
            .get(at)
            .cloned()
            .ok_or(ScenarioError::Unknown { id })?;
        let taken = |n: &str| self.items.iter().any(|s| s.name == n);
        let name = (2u32..)
            .map(|k| format!("{} ({k})", source.name))
            .find(|n| !taken(n))
            .unwrap_or_else(|| source.name.clone());
        let new_id = self.fresh_id();
        let mut copy = Scenario::new(new_id, &name, created);
        copy.tweaks = source.tweaks;
        self.items.insert(at + 1, copy);
        Ok(new_id)
    }

    /// Puts a deleted scenario back at its former position (undo of [`Scenarios::delete`]); its
    /// id is kept unless another scenario has it meanwhile, in which case it gets a fresh one.
    pub fn restore(&mut self, mut scenario: Scenario, at: usize) -> ScenarioId {
        if self.get(scenario.id).is_some() || scenario.id == 0 {
            scenario.id = self.fresh_id();
        }
        self.next_id = self.next_id.max(scenario.id.saturating_add(1));
        let id = scenario.id;
        self.items.insert(at.min(self.items.len()), scenario);
        id
    }

    /// The position of a scenario in the list.
    pub fn position(&self, id: ScenarioId) -> Option<usize> {
        self.items.iter().position(|s| s.id == id)
    }

    pub fn delete(&mut self, id: ScenarioId) -> Result<Scenario, ScenarioError> {
        let at = self
            .items
            .iter()
            .position(|s| s.id == id)
            .ok_or(ScenarioError::Unknown { id })?;
        Ok(self.items.remove(at))
    }
}

#[cfg(test)]
mod tests;
