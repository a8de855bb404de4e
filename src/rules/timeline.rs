//! A scope's levels over a range of months: per-month summaries, transitions and runs.

use crate::model::Scope;
use crate::month::Month;
use crate::plan::Level;
use crate::rules::engine::Engine;
use crate::rules::status::MonthSummary;
use serde::{Deserialize, Serialize};

/// One month of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineMonth {
    #[serde(flatten)]
    pub summary: MonthSummary,
    /// Months since the indicators were last at a level (any of 1–3, i.e. "≥ level 3"):
    /// 0 in a month they are; `None` when not within the 1 200 months before (§7 ending).
    pub months_since_indicator_warning: Option<u32>,
}

/// How the effective level changed from one month to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TransitionKind {
    /// No warning → a level.
    Raised,
    /// To a more severe level.
    Escalated,
    /// To a less severe level.
    DeEscalated,
    /// A level → no warning.
    BackToNormal,
}

/// A change of the effective level (the level certain in each month; an "insufficient data"
/// month counts with the level it has for certain).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The first month at the new level.
    pub month: Month,
    pub kind: TransitionKind,
    pub from: Option<Level>,
    pub to: Option<Level>,
}

/// A maximal run of months at the same effective level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub level: Option<Level>,
    pub from: Month,
    pub to: Month,
    pub months: u32,
    /// Months of the run whose outcome is "insufficient data".
    pub insufficient_months: u32,
}

/// A scope's levels over `from..=to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub scope: Scope,
    pub from: Month,
    pub to: Month,
    pub months: Vec<TimelineMonth>,
    /// Includes a change at `from` relative to the month before.
    pub transitions: Vec<Transition>,
    pub runs: Vec<Run>,
}

fn kind(from: Option<Level>, to: Option<Level>) -> Option<TransitionKind> {
    match (from, to) {
        (None, Some(_)) => Some(TransitionKind::Raised),
        (Some(_), None) => Some(TransitionKind::BackToNormal),
        (Some(a), Some(b)) if b > a => Some(TransitionKind::Escalated),
        (Some(a), Some(b)) if b < a => Some(TransitionKind::DeEscalated),
        _ => None,
    }
}

impl Engine<'_> {
    /// The levels of `scope` for every month of `from..=to` (empty when `to` < `from`), in
    /// one streaming pass.
    pub fn timeline(&self, scope: &Scope, from: Month, to: Month) -> Timeline {
        let before = from.pred().filter(|_| from <= to);
        let first = before.unwrap_or(from);
        let mut months: Vec<TimelineMonth> =
            Vec::with_capacity(usize::try_from(from.months_until(to) + 1).unwrap_or(0));
        // The month before `from` only anchors the first transition.
        let mut prev: Option<Option<Level>> = None;
        self.stream(scope, first, to, |summary, since| {
            if before == Some(summary.month) {
                prev = Some(summary.effective.level());
            } else {
                months.push(TimelineMonth {
                    summary,
                    months_since_indicator_warning: since,
                });
            }
        });
        let mut transitions = Vec::new();
        let mut runs: Vec<Run> = Vec::new();
        let mut last = prev;
        for tm in &months {
            let s = &tm.summary;
            let level = s.effective.level();
            if let Some(last) = last {
                if let Some(k) = kind(last, level) {
                    transitions.push(Transition {
                        month: s.month,
                        kind: k,
                        from: last,
                        to: level,
                    });
                }
            }
            last = Some(level);
            let insufficient = u32::from(s.effective.is_insufficient());
            match runs.last_mut() {
                Some(r) if r.level == level => {
                    r.to = s.month;
                    r.months += 1;
                    r.insufficient_months += insufficient;
                }
                _ => runs.push(Run {
                    level,
                    from: s.month,
                    to: s.month,
                    months: 1,
                    insufficient_months: insufficient,
                }),
            }
        }
        Timeline {
            scope: scope.clone(),
            from,
            to,
            months,
            transitions,
            runs,
        }
    }

    /// The per-month summaries only (the fast path, without transitions or runs).
    pub fn summaries(&self, scope: &Scope, from: Month, to: Month) -> Vec<MonthSummary> {
        let mut out = Vec::with_capacity(usize::try_from(from.months_until(to) + 1).unwrap_or(0));
        self.stream(scope, from, to, |s, _| out.push(s));
        out
    }
}
