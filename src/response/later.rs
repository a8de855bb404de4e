//! Whether a level still rests on the latest data.
//!
//! A real response starts on the latest month with data. An earlier basis month (a level that
//! held in the past and is only now being acted on, say) needs a reason given on purpose, and
//! the record keeps the reason beside what the later months showed. The same holds when a real
//! bulletin is issued while the later data no longer support the response's level: the public
//! warning then goes out only with the reason recorded. Exercises are free of both checks.

use crate::i18n::{level_name, Lang};
use crate::model::{Dataset, Scope};
use crate::month::Month;
use crate::plan::{Level, Plan};
use crate::response::error::ResponseError;
use crate::rules::Status;
use serde::{Deserialize, Serialize};

/// One month after the basis month, with the district's outcome in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaterMonth {
    pub month: Month,
    pub effective: Status,
}

/// The months after a basis month up to the latest month with data, with the district's
/// outcome in each; empty when the basis month is the latest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaterData {
    pub basis: Month,
    #[serde(default)]
    pub months: Vec<LaterMonth>,
}

impl LaterData {
    /// The basis month is the latest month with data.
    pub fn none(basis: Month) -> LaterData {
        LaterData {
            basis,
            months: Vec::new(),
        }
    }

    /// The district's outcome in every month after `basis` up to the last month of `data`.
    pub fn of(plan: &Plan, data: &Dataset, basis: Month) -> LaterData {
        let months = match (data.span(), basis.succ()) {
            (Some((_, last)), Some(first)) if first <= last => {
                crate::rules::timeline(plan, data, &Scope::District, first, last)
                    .months
                    .iter()
                    .map(|m| LaterMonth {
                        month: m.summary.month,
                        effective: m.summary.effective,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        LaterData { basis, months }
    }

    /// The latest month with data.
    pub fn latest(&self) -> Month {
        self.months.last().map_or(self.basis, |m| m.month)
    }

    /// Whether later months exist: the basis is not the latest month.
    pub fn is_later(&self) -> bool {
        !self.months.is_empty()
    }

    /// Whether the latest month still holds `level` (or a more severe one) for certain.
    pub fn supports(&self, level: Level) -> bool {
        match self.months.last() {
            None => true,
            Some(m) => m
                .effective
                .level()
                .is_some_and(|l| l.severity() >= level.severity()),
        }
    }

    /// The later months' levels in words, runs of equal outcome joined:
    /// "2025-10 至 2026-10 无预警；2026-11 三级".
    pub fn levels_text(&self, lang: Lang) -> String {
        let mut runs: Vec<(Month, Month, Status)> = Vec::new();
        for m in &self.months {
            match runs.last_mut() {
                Some((_, to, s)) if *s == m.effective => *to = m.month,
                _ => runs.push((m.month, m.month, m.effective)),
            }
        }
        let parts: Vec<String> = runs
            .iter()
            .map(|(from, to, s)| {
                let when = if from == to {
                    from.to_string()
                } else {
                    match lang {
                        Lang::Zh => format!("{from} 至 {to}"),
                        Lang::En => format!("{from} to {to}"),
                    }
                };
                format!("{when} {}", status_words(s, lang))
            })
            .collect();
        parts.join(match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
    }
}

/// An outcome in words for the record.
pub fn status_words(s: &Status, lang: Lang) -> String {
    match (s, lang) {
        (Status::Normal, Lang::Zh) => "无预警".to_owned(),
        (Status::Normal, Lang::En) => "no warning".to_owned(),
        (Status::Warning { level }, _) => level_name(*level, lang),
        (Status::InsufficientData { at_least, .. }, Lang::Zh) => match at_least {
            Some(l) => format!("至少{}（数据不全）", level_name(*l, lang)),
            None => "数据不全".to_owned(),
        },
        (Status::InsufficientData { at_least, .. }, Lang::En) => match at_least {
            Some(l) => format!("at least {} (data incomplete)", level_name(*l, lang)),
            None => "data incomplete".to_owned(),
        },
    }
}

/// An earlier basis acted on on purpose: the reason given and what the later months showed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierBasis {
    pub reason: String,
    pub later: LaterData,
}

impl EarlierBasis {
    /// "依据 2025-09，其后数据：…；原因：…".
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "依据较早的 {}（最新数据 {}：{}）；原因：{}",
                self.later.basis,
                self.later.latest(),
                self.later.levels_text(lang),
                self.reason
            ),
            Lang::En => format!(
                "on the earlier month {} (latest data {}: {}); reason: {}",
                self.later.basis,
                self.later.latest(),
                self.later.levels_text(lang),
                self.reason
            ),
        }
    }
}

/// The later data checked for `basis`: known, and for that month.
fn later_for(basis: Month, later: Option<&LaterData>) -> Result<&LaterData, ResponseError> {
    let later = later.ok_or(ResponseError::LaterDataUnknown)?;
    if later.basis != basis {
        return Err(ResponseError::LaterDataOtherMonth {
            basis,
            checked: later.basis,
        });
    }
    Ok(later)
}

/// The earlier basis to record with its reason, or `refused` (given the later months' levels
/// in both languages) when no reason was given.
fn with_reason(
    later: &LaterData,
    reason: &str,
    refused: impl FnOnce(Month, crate::plan::Text) -> ResponseError,
) -> Result<Option<EarlierBasis>, ResponseError> {
    let reason = reason.trim();
    if reason.is_empty() {
        let levels = crate::plan::Text {
            zh: later.levels_text(Lang::Zh),
            en: later.levels_text(Lang::En),
        };
        return Err(refused(later.latest(), levels));
    }
    Ok(Some(EarlierBasis {
        reason: reason.to_owned(),
        later: later.clone(),
    }))
}

/// What a real start asks: the later data must be known; an earlier basis needs a reason.
/// Returns the earlier basis to record, if any.
pub(crate) fn check_start(
    basis: Month,
    later: Option<&LaterData>,
    reason: &str,
) -> Result<Option<EarlierBasis>, ResponseError> {
    let later = later_for(basis, later)?;
    if !later.is_later() {
        return Ok(None);
    }
    with_reason(later, reason, |latest, levels| {
        ResponseError::EarlierBasisNeedsReason {
            basis,
            latest,
            levels,
        }
    })
}

/// What a real bulletin's issue asks: the later data must be known; when they no longer
/// support `level`, a reason. Returns the earlier basis to record, if any.
pub(crate) fn check_issue(
    basis: Month,
    level: Level,
    later: Option<&LaterData>,
    reason: &str,
) -> Result<Option<EarlierBasis>, ResponseError> {
    let later = later_for(basis, later)?;
    if later.supports(level) {
        return Ok(None);
    }
    with_reason(later, reason, |latest, levels| {
        ResponseError::NotSupportedByLaterData {
            level,
            basis,
            latest,
            levels,
        }
    })
}
