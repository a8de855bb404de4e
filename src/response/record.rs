//! The response record: one response from its start to its close, and the state holding every
//! response with the audit trail. Changed only through [`ResponseState::apply`].

use crate::i18n::Lang;
use crate::model::Scope;
use crate::plan::{Level, Text};
use crate::response::audit::{audit_csv, AuditEntry, AuditEvent};
use crate::response::bulletin::{Bulletin, BulletinStatus};
use crate::response::deadlines::DeadlineItem;
use crate::response::end::EndRecord;
use crate::response::measures::{MeasureItem, Progress};
use crate::response::procedure::{Basis, Procedure};
use crate::response::report::Report;
use crate::response::roster::Roster;
use crate::response::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Who did something, and when it was recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub at: Timestamp,
    pub by: String,
}

/// An approval: who approved and when, and who recorded it when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub by: String,
    pub at: Timestamp,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

/// §6.x-1: the start, on the commander's approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationRecord {
    pub level: Level,
    pub basis: Basis,
    pub approved_by: String,
    pub approved_at: Timestamp,
    /// When the level was reached (§5.2 clocks start here).
    pub level_reached_at: Timestamp,
    /// When the sudden major event happened (§5.3 clocks start here); `None` when the level
    /// was not reached through a sudden event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_time: Option<Timestamp>,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
    /// A real start on a month before the latest month with data: the reason and what the
    /// later months showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_basis: Option<crate::response::later::EarlierBasis>,
}

/// An escalation or de-escalation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelChange {
    pub from: Level,
    pub to: Level,
    pub basis: Basis,
    pub approved_by: String,
    pub approved_at: Timestamp,
    pub level_reached_at: Timestamp,
    #[serde(default)]
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
    /// The HQ as it was before the change.
    pub hq_before: Roster,
    /// A real change on a month before the latest with data: the reason and what the later
    /// months showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_basis: Option<crate::response::later::EarlierBasis>,
}

/// A saved analysis report (§4.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedReport {
    pub id: u32,
    pub saved: Stamp,
    pub report: Report,
}

/// One response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// 1, 2, 3 … within the state.
    pub id: u32,
    /// Always the district here (§3.1).
    pub scope: Scope,
    /// The current level.
    pub level: Level,
    /// A scenario's response: everything it issues is marked as an exercise.
    pub exercise: bool,
    /// The what-if scenario an exercise runs on; `None`: the real data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<crate::response::action::ScenarioBasis>,
    pub activation: ActivationRecord,
    pub procedure: Procedure,
    /// The HQ at the current level.
    pub hq: Roster,
    #[serde(default)]
    pub level_changes: Vec<LevelChange>,
    /// Packages of lower levels added (§6.1, §6.2).
    #[serde(default)]
    pub packages: Vec<Level>,
    #[serde(default)]
    pub measures: Vec<MeasureItem>,
    #[serde(default)]
    pub deadlines: Vec<DeadlineItem>,
    #[serde(default)]
    pub bulletins: Vec<Bulletin>,
    #[serde(default)]
    pub reports: Vec<SavedReport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndRecord>,
}

/// Where a response stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Active,
    /// §7 begun: the evaluation is recorded.
    Ending,
    Closed,
}

impl Response {
    pub fn phase(&self) -> Phase {
        match &self.end {
            Some(e) if e.closed.is_some() => Phase::Closed,
            Some(_) => Phase::Ending,
            None => Phase::Active,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.phase() == Phase::Closed
    }

    /// When the current level was reached.
    pub fn level_since(&self) -> Timestamp {
        self.level_changes
            .last()
            .map_or(self.activation.level_reached_at, |c| c.level_reached_at)
    }

    /// The clause id of the current level's start procedure (`§6.2-start`).
    pub fn start_procedure(&self) -> Option<&str> {
        self.procedure
            .level(self.level)
            .map(|l| l.start_procedure.as_str())
    }

    /// Packages the current level may still add.
    pub fn addable_packages(&self) -> Vec<Level> {
        self.procedure
            .level(self.level)
            .map(|l| {
                l.may_add
                    .iter()
                    .copied()
                    .filter(|p| !self.packages.contains(p))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// "Tasks of 区财政局": the measures a unit is responsible for.
    pub fn tasks_of(&self, unit: &str) -> Vec<&MeasureItem> {
        self.measures
            .iter()
            .filter(|m| m.is_of_unit(unit))
            .collect()
    }

    pub fn progress(&self) -> Progress {
        Progress::of(&self.measures)
    }

    pub fn progress_of(&self, unit: &str) -> Progress {
        Progress::of(self.tasks_of(unit))
    }

    /// Progress per member unit with any task, in the HQ's order.
    pub fn progress_by_unit(&self) -> Vec<(String, Progress)> {
        self.procedure
            .hq
            .members
            .iter()
            .map(|u| (u.clone(), self.progress_of(u)))
            .filter(|(_, p)| p.total > 0)
            .collect()
    }

    pub fn measure(&self, clause: &str) -> Option<&MeasureItem> {
        self.measures.iter().find(|m| m.clause == clause)
    }

    pub fn deadline(&self, id: u32) -> Option<&DeadlineItem> {
        self.deadlines.iter().find(|d| d.id == id)
    }

    /// Open clocks past due at `now`.
    pub fn overdue(&self, now: Timestamp) -> Vec<&DeadlineItem> {
        self.deadlines
            .iter()
            .filter(|d| d.is_overdue(now))
            .collect()
    }

    pub fn bulletin(&self, id: u32) -> Option<&Bulletin> {
        self.bulletins.iter().find(|b| b.id == id)
    }

    /// Bulletins issued and in force.
    pub fn bulletins_in_force(&self) -> Vec<&Bulletin> {
        self.bulletins
            .iter()
            .filter(|b| b.status() == BulletinStatus::Issued)
            .collect()
    }

    pub(crate) fn next_bulletin_id(&self) -> u32 {
        self.bulletins
            .iter()
            .map(|b| b.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    pub(crate) fn next_deadline_id(&self) -> u32 {
        self.deadlines
            .iter()
            .map(|d| d.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    pub(crate) fn next_report_id(&self) -> u32 {
        self.reports
            .iter()
            .map(|r| r.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }
}

/// Every response, at most one of them not closed, and the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ResponseState {
    #[serde(default)]
    pub(crate) responses: Vec<Response>,
    #[serde(default)]
    pub(crate) audit: Vec<AuditEntry>,
}

impl ResponseState {
    pub fn new() -> ResponseState {
        ResponseState::default()
    }

    /// No response was ever started (and so the trail is empty).
    pub fn is_empty(&self) -> bool {
        self.responses.is_empty() && self.audit.is_empty()
    }

    /// Oldest first.
    pub fn responses(&self) -> &[Response] {
        &self.responses
    }

    pub fn response(&self, id: u32) -> Option<&Response> {
        self.responses.iter().find(|r| r.id == id)
    }

    /// The response not yet closed, if any.
    pub fn active(&self) -> Option<&Response> {
        self.responses.last().filter(|r| !r.is_closed())
    }

    /// Records a change of the plan in the trail of the running response, if one runs;
    /// whether it did.
    pub fn note_plan_change(&mut self, change: Text, at: Timestamp, by: &str) -> bool {
        let Some(id) = self.active().map(|r| r.id) else {
            return false;
        };
        self.push_audit(id, at, by, AuditEvent::PlanChanged { change });
        true
    }

    pub fn latest(&self) -> Option<&Response> {
        self.responses.last()
    }

    /// The whole trail, oldest first.
    pub fn audit(&self) -> &[AuditEntry] {
        &self.audit
    }

    /// The trail of one response.
    pub fn audit_of(&self, response: u32) -> Vec<&AuditEntry> {
        self.audit
            .iter()
            .filter(|e| e.response == response)
            .collect()
    }

    /// The trail as CSV, for export.
    pub fn audit_csv(&self, lang: Lang) -> String {
        audit_csv(&self.audit, lang)
    }

    pub(crate) fn push_audit(&mut self, response: u32, at: Timestamp, by: &str, event: AuditEvent) {
        let seq = self.audit.last().map_or(1, |e| e.seq.saturating_add(1));
        self.audit.push(AuditEntry {
            seq,
            at,
            by: by.to_owned(),
            response,
            event,
        });
    }
}
