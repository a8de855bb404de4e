//! Outcomes: a level, no warning, or "insufficient data" with the bounds a missing month leaves.

use crate::month::Month;
use crate::plan::Level;
use serde::{Deserialize, Serialize};

crate::tag_first_enum! {
    tag = "status", remote = "Status", twin = StatusIn;
    /// The outcome of a criterion, of the indicators together, or of a scope.
    ///
    /// `InsufficientData` is its own outcome: some month is missing and filling it could raise the
    /// result from `at_least` (certain; `None` = no warning) up to `could_be`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Status {
        Normal,
        Warning {
            level: Level,
        },
        InsufficientData {
            at_least: Option<Level>,
            could_be: Level,
        },
    }
}

// Not derived: `#[default]` on the variant would reach the reader's twin as well.
#[allow(clippy::derivable_impls)]
impl Default for Status {
    fn default() -> Status {
        Status::Normal
    }
}

impl Status {
    /// From a certain level and the most severe level missing data could still give.
    pub fn from_bounds(at_least: Option<Level>, could_be: Option<Level>) -> Status {
        match (at_least, could_be) {
            (a, Some(c)) if a.is_none_or(|a| c > a) => Status::InsufficientData {
                at_least: a,
                could_be: c,
            },
            (Some(level), _) => Status::Warning { level },
            (None, _) => Status::Normal,
        }
    }

    /// The level that holds for certain (`None`: no warning, or none certain).
    pub fn level(&self) -> Option<Level> {
        match *self {
            Status::Normal => None,
            Status::Warning { level } => Some(level),
            Status::InsufficientData { at_least, .. } => at_least,
        }
    }

    /// The most severe level this outcome may turn out to be once data is complete.
    pub fn possible(&self) -> Option<Level> {
        match *self {
            Status::Normal => None,
            Status::Warning { level } => Some(level),
            Status::InsufficientData { could_be, .. } => Some(could_be),
        }
    }

    pub fn is_insufficient(&self) -> bool {
        matches!(self, Status::InsufficientData { .. })
    }

    /// Combines outcomes of independent sources ("any one condition suffices"): the most
    /// severe certain level, and the most severe possible level above it.
    pub fn most_severe(items: impl IntoIterator<Item = Status>) -> Status {
        let mut at_least: Option<Level> = None;
        let mut could_be: Option<Level> = None;
        for s in items {
            at_least = at_least.max(s.level());
            if s.is_insufficient() {
                could_be = could_be.max(s.possible());
            }
        }
        Status::from_bounds(at_least, could_be)
    }
}

/// The result of one threshold check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Met,
    NotMet,
    /// Not met with the data there is, but a missing month could make it met.
    Unknown,
}

/// Which source decided the effective level. On a tie the indicators decide (the data alone
/// justify the level), then a special determination, then a city warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decider {
    /// No level holds for certain.
    None,
    /// §5.1-Lx-a/b/c: the monitored indicators.
    Indicators,
    /// §5.1-M: an approved special determination.
    Special,
    /// A warning issued by the city.
    City,
}

/// Which unemployment rate series (§5.1-Lx-a: "登记失业率（或实际失业率）").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Series {
    /// 登记失业率; entered, or computed from counts.
    Registered,
    /// 实际失业率 (surveyed); entered only.
    Actual,
}

/// The per-month result without evidence: what a timeline holds for every month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    pub month: Month,
    /// The level that applies: the most severe of indicators, special determination and city.
    pub effective: Status,
    pub decided_by: Decider,
    /// The indicators (§5.1-Lx-a/b/c) together.
    pub indicator: Status,
    /// §5.1-Lx-a.
    pub rate: Status,
    /// §5.1-Lx-b.
    pub closures: Status,
    /// §5.1-Lx-c.
    pub layoffs: Status,
    /// The single-enterprise and own-indicator criteria together (normal when the plan has
    /// none).
    #[serde(default)]
    pub other: Status,
    /// An approved §5.1-M determination in force.
    pub special: Option<Level>,
    /// A city warning in force.
    pub city: Option<Level>,
}

/// Combines the indicators with the overrides into the effective level and its decider.
pub(crate) fn effective(
    indicator: Status,
    special: Option<Level>,
    city: Option<Level>,
) -> (Status, Decider) {
    let ind = indicator.level();
    if special.is_none() && city.is_none() {
        let by = if ind.is_some() {
            Decider::Indicators
        } else {
            Decider::None
        };
        return (indicator, by);
    }
    let certain = ind.max(special).max(city);
    let status = Status::most_severe([
        indicator,
        Status::from_bounds(special, None),
        Status::from_bounds(city, None),
    ]);
    let decided_by = match certain {
        None => Decider::None,
        c if c == ind => Decider::Indicators,
        c if c == special => Decider::Special,
        _ => Decider::City,
    };
    (status, decided_by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(Status::from_bounds(None, None), Status::Normal);
        assert_eq!(
            Status::from_bounds(Some(Level::L3), Some(Level::L3)),
            Status::Warning { level: Level::L3 }
        );
        assert_eq!(
            Status::from_bounds(Some(Level::L3), Some(Level::L1)),
            Status::InsufficientData {
                at_least: Some(Level::L3),
                could_be: Level::L1
            }
        );
        let ins = Status::from_bounds(None, Some(Level::L2));
        assert_eq!(
            effective(ins, Some(Level::L2), None),
            (Status::Warning { level: Level::L2 }, Decider::Special)
        );
        assert_eq!(
            effective(
                Status::Warning { level: Level::L2 },
                Some(Level::L2),
                Some(Level::L3)
            ),
            (Status::Warning { level: Level::L2 }, Decider::Indicators)
        );
        assert_eq!(
            serde_json::to_string(&Status::Warning { level: Level::L2 }).unwrap(),
            r#"{"status":"warning","level":"2"}"#
        );
    }
}
