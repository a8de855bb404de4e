//! §7: ending the emergency — the conditions, the evaluation, two approvals, the notice.
//!
//! §7.1 ends the response once "the monitored indicators … are back to normal". Read here as:
//! the indicators (§5.1-Lx-a/b/c) below level 3, with complete data, in each of the last
//! [`DEFAULT_END_MONTHS`] months, and no city warning or special determination in force in the
//! last one. Three months, one quarter, because:
//! - a level is entered only after 2 months (§5.1-a); ending after 3 gives hysteresis, so one
//!   good month between two bad ones does not end and restart a response;
//! - closures and layoffs add up over a 3-month window (the default event window), so after 3
//!   clear months every event that raised the level has left the window;
//! - it spans one quarterly analysis report (§4.4).
//!
//! The number is a parameter of the check; a month whose missing data could still hold a level
//! ("insufficient data") never counts as normal.

use crate::i18n::Lang;
use crate::month::Month;
use crate::response::error::{EndField, ResponseError};
use crate::response::record::{Approval, Stamp};
use crate::response::time::Timestamp;
use crate::rules::{Status, Timeline};
use serde::{Deserialize, Serialize};

/// Consecutive normal months §7.1 asks for by default.
pub const DEFAULT_END_MONTHS: u32 = 3;

/// The §7.1 conditions as of one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndCheck {
    pub as_of: Month,
    pub required_months: u32,
    /// Months since the indicators last held a level, from the timeline (`None`: not within
    /// the engine's look-back, or the month is not in the timeline).
    pub months_since_warning: Option<u32>,
    /// Consecutive months up to `as_of` with the indicators normal and complete.
    pub months_normal: u32,
    /// No level at all in `as_of`: no city warning or special determination in force either.
    pub effective_normal: bool,
    pub met: bool,
}

/// Checks §7.1 on a district timeline that includes `as_of` (`required_months` at least 1).
pub fn end_conditions(timeline: &Timeline, as_of: Month, required_months: u32) -> EndCheck {
    let required = required_months.max(1);
    let upto: Vec<_> = timeline
        .months
        .iter()
        .filter(|m| m.summary.month <= as_of)
        .collect();
    let last = upto.last().filter(|m| m.summary.month == as_of);
    let months_normal = u32::try_from(
        upto.iter()
            .rev()
            .take_while(|m| m.summary.indicator == Status::Normal)
            .count(),
    )
    .unwrap_or(u32::MAX);
    let months_normal = if last.is_some() { months_normal } else { 0 };
    let effective_normal = last.is_some_and(|m| m.summary.effective == Status::Normal);
    EndCheck {
        as_of,
        required_months: required,
        months_since_warning: last.and_then(|m| m.months_since_indicator_warning),
        months_normal,
        effective_normal,
        met: months_normal >= required && effective_normal,
    }
}

impl EndCheck {
    /// Why the conditions are not met, if they are not.
    pub fn refusal(&self) -> Option<ResponseError> {
        (!self.met).then_some(ResponseError::EndConditionsNotMet {
            as_of: self.as_of,
            months_normal: self.months_normal,
            required: self.required_months,
            effective_normal: self.effective_normal,
        })
    }

    /// "截至 2026-01，指标已连续 3 个月低于三级（需 3 个月）：满足结束条件（§7.1）".
    pub fn text(&self, lang: Lang) -> String {
        let verdict = match (self.met, lang) {
            (true, Lang::Zh) => "满足结束条件",
            (false, Lang::Zh) => "尚不满足结束条件",
            (true, Lang::En) => "the conditions to end are met",
            (false, Lang::En) => "the conditions to end are not met yet",
        };
        let mut s = match lang {
            Lang::Zh => format!(
                "截至 {}，监测指标已连续 {} 个月低于三级且数据完整（需 {} 个月）",
                self.as_of, self.months_normal, self.required_months
            ),
            Lang::En => format!(
                "As of {} the indicators have been below level 3, with complete data, for {} consecutive month(s) ({} required)",
                self.as_of, self.months_normal, self.required_months
            ),
        };
        if !self.effective_normal {
            s.push_str(match lang {
                Lang::Zh => "；市级预警或特殊认定仍在生效",
                Lang::En => "; a city warning or special determination is still in force",
            });
        }
        match lang {
            Lang::Zh => format!("{s}：{verdict}（§7.1）"),
            Lang::En => format!("{s}: {verdict} (§7.1)"),
        }
    }
}

/// §7.2: the HQ's evaluation of the episode.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EndEvaluation {
    pub cause: String,
    pub nature: String,
    pub impact: String,
    pub responsibility: String,
    pub lessons: String,
}

impl EndEvaluation {
    pub fn get(&self, field: EndField) -> &str {
        match field {
            EndField::Cause => &self.cause,
            EndField::Nature => &self.nature,
            EndField::Impact => &self.impact,
            EndField::Responsibility => &self.responsibility,
            EndField::Lessons => &self.lessons,
        }
    }

    /// Fields left empty.
    pub fn missing(&self) -> Vec<EndField> {
        EndField::ALL
            .into_iter()
            .filter(|f| self.get(*f).trim().is_empty())
            .collect()
    }
}

/// §7.3: the notice of the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndNotice {
    pub at: Timestamp,
    pub by: String,
    /// The member units notified (all of the HQ's).
    pub units: Vec<String>,
}

/// §7 as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndRecord {
    pub check: EndCheck,
    pub evaluation: EndEvaluation,
    pub recorded: Stamp,
    /// The district government's consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_approval: Option<Approval>,
    /// The city office's approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<EndNotice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Stamp>,
}
