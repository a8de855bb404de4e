//! §5.2 and §5.3: the reporting and response clocks of a response.
//!
//! - From the time of a sudden major event (§5.3): on site within 12 h, first-response report
//!   within 24 h (the district HQ reports on to the city at the same time).
//! - From the time a level is reached (§5.2): the level report within 48 h at levels 1–2, within
//!   24 h at level 3 (then also to the district committee and government); the HQ's report to
//!   the city is due "at the same time" — with the report it receives, not at once.

use crate::i18n::Lang;
use crate::plan::{Deadline, DeadlineStart, Level, Text};
use crate::response::time::{duration, Countdown, Timestamp};
use serde::{Deserialize, Serialize};

/// When a completion was recorded, and by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    /// When it was done.
    pub at: Timestamp,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

/// One running clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineItem {
    /// Unique within the response.
    pub id: u32,
    /// The plan's deadline id (`on-site`, `first-report`, `level-report-12`, …).
    pub deadline: String,
    pub clause: String,
    pub start: DeadlineStart,
    /// The level it was started for.
    pub level: Level,
    /// When the clock started.
    pub from: Timestamp,
    pub hours: u32,
    pub due: Timestamp,
    pub task: Text,
    pub by: Text,
    pub to: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Completion>,
}

/// Where a clock stands at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    Open(Countdown),
    DoneOnTime,
    /// Done, this many minutes late (rounded up).
    DoneLate {
        minutes: i64,
    },
}

impl DeadlineItem {
    pub fn state(&self, now: Timestamp) -> DeadlineState {
        match &self.completed {
            None => DeadlineState::Open(Countdown::until(now, self.due)),
            Some(c) => match Countdown::until(c.at, self.due) {
                Countdown::Left { .. } => DeadlineState::DoneOnTime,
                Countdown::Overdue { minutes } => DeadlineState::DoneLate { minutes },
            },
        }
    }

    /// Open and past due at `now`.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        matches!(self.state(now), DeadlineState::Open(c) if c.is_overdue())
    }

    /// "还剩 3 小时 20 分" / "已超时 1 小时" / "按时完成（2026-02-01 07:30）" …
    pub fn status_text(&self, now: Timestamp, lang: Lang) -> String {
        let at = self
            .completed
            .as_ref()
            .map(|c| c.at.format_cst())
            .unwrap_or_default();
        match (self.state(now), lang) {
            (DeadlineState::Open(c), _) => c.text(lang),
            (DeadlineState::DoneOnTime, Lang::Zh) => format!("按时完成（{at}）"),
            (DeadlineState::DoneOnTime, Lang::En) => format!("done on time ({at})"),
            (DeadlineState::DoneLate { minutes }, Lang::Zh) => {
                format!("逾期 {} 完成（{at}）", duration(minutes, lang))
            }
            (DeadlineState::DoneLate { minutes }, Lang::En) => {
                format!("done {} late ({at})", duration(minutes, lang))
            }
        }
    }
}

/// The clocks of `level` that start at `start`, from `from`; ids continue from `next_id`.
///
/// A deadline of 0 hours ("同时", at the same time) is due with the other clocks of the same
/// start at that level (the latest of them); alone it is due at once.
pub(crate) fn schedule(
    deadlines: &[Deadline],
    level: Level,
    start: DeadlineStart,
    from: Timestamp,
    next_id: &mut u32,
) -> Vec<DeadlineItem> {
    let applicable: Vec<&Deadline> = deadlines
        .iter()
        .filter(|d| d.start == start && (d.levels.is_empty() || d.levels.contains(&level)))
        .collect();
    let latest_own = applicable
        .iter()
        .filter(|d| d.hours > 0)
        .filter_map(|d| from.plus_hours(d.hours))
        .max()
        .unwrap_or(from);
    applicable
        .into_iter()
        .map(|d| {
            let due = if d.hours == 0 {
                latest_own
            } else {
                from.plus_hours(d.hours).unwrap_or(Timestamp::MAX)
            };
            let id = *next_id;
            *next_id = next_id.saturating_add(1);
            DeadlineItem {
                id,
                deadline: d.id.clone(),
                clause: d.clause.clone(),
                start,
                level,
                from,
                hours: d.hours,
                due,
                task: d.task.clone(),
                by: d.by.clone(),
                to: d.to.clone(),
                completed: None,
            }
        })
        .collect()
}
