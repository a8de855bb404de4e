//! §6.1–§6.3: the measures of a response as a checklist, per unit and at a glance.

use crate::i18n::Lang;
use crate::plan::{Level, Text};
use crate::response::procedure::{LevelProcedure, MeasureRef};
use crate::response::time::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 3] = [
        MeasureStatus::NotStarted,
        MeasureStatus::InProgress,
        MeasureStatus::Done,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MeasureStatus::NotStarted, Lang::Zh) => "未开始",
            (MeasureStatus::NotStarted, Lang::En) => "not started",
            (MeasureStatus::InProgress, Lang::Zh) => "进行中",
            (MeasureStatus::InProgress, Lang::En) => "in progress",
            (MeasureStatus::Done, Lang::Zh) => "已完成",
            (MeasureStatus::Done, Lang::En) => "done",
        }
    }
}

/// One measure on the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureItem {
    /// `§6.2-4`; the full text is the plan's.
    pub clause: String,
    /// The level whose measures it is (the response's own, or an added package).
    pub level: Level,
    pub title: Text,
    /// Responsible unit ids.
    pub units: Vec<String>,
    #[serde(default)]
    pub status: MeasureStatus,
    /// Who in the responsible units carries it.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Timestamp>,
}

impl MeasureItem {
    pub(crate) fn new(level: Level, m: &MeasureRef) -> MeasureItem {
        MeasureItem {
            clause: m.clause.clone(),
            level,
            title: m.title.clone(),
            units: m.units.clone(),
            status: MeasureStatus::NotStarted,
            owner: String::new(),
            note: String::new(),
            started: None,
            done: None,
        }
    }

    pub fn is_of_unit(&self, unit: &str) -> bool {
        self.units.iter().any(|u| u == unit)
    }

    /// Sets the status; the dates follow it (start kept from the first start, done only
    /// while done).
    pub(crate) fn set_status(&mut self, status: MeasureStatus, at: Timestamp) {
        self.status = status;
        match status {
            MeasureStatus::NotStarted => {
                self.started = None;
                self.done = None;
            }
            MeasureStatus::InProgress => {
                self.started = Some(self.started.unwrap_or(at));
                self.done = None;
            }
            MeasureStatus::Done => {
                self.started = Some(self.started.unwrap_or(at));
                self.done = Some(self.done.unwrap_or(at));
            }
        }
    }
}

/// Adds the measures of `level` that the list lacks, in the plan's order.
pub(crate) fn add_level(items: &mut Vec<MeasureItem>, proc_: &LevelProcedure) {
    for m in &proc_.measures {
        if !items.iter().any(|i| i.clause == m.clause) {
            items.push(MeasureItem::new(proc_.level, m));
        }
    }
}

/// Counts by status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub total: u32,
    pub not_started: u32,
    pub in_progress: u32,
    pub done: u32,
}

impl Progress {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a MeasureItem>) -> Progress {
        let mut p = Progress::default();
        for i in items {
            p.total += 1;
            match i.status {
                MeasureStatus::NotStarted => p.not_started += 1,
                MeasureStatus::InProgress => p.in_progress += 1,
                MeasureStatus::Done => p.done += 1,
            }
        }
        p
    }

    /// Whole percent done, rounded down (100 only when all are done).
    pub fn percent_done(&self) -> u32 {
        let pct = (u64::from(self.done) * 100)
            .checked_div(u64::from(self.total))
            .unwrap_or(0);
        u32::try_from(pct).unwrap_or(100)
    }

    /// "18 项：已完成 5，进行中 3，未开始 10" / "18 measures: 5 done, 3 in progress, 10 not started".
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "{} 项：已完成 {}，进行中 {}，未开始 {}",
                self.total, self.done, self.in_progress, self.not_started
            ),
            Lang::En => format!(
                "{} measures: {} done, {} in progress, {} not started",
                self.total, self.done, self.in_progress, self.not_started
            ),
        }
    }
}
