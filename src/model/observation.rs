//! Monthly observations of one region: rates, the counts behind them, and the key groups (§4.1).

use crate::month::Month;
use crate::num::{Pct, Rate};
use serde::{Deserialize, Serialize};

/// Counts of the §4.1 key groups in a region and month (people).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyGroups {
    /// College graduates (高校毕业生).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduates: Option<u64>,
    /// People with employment difficulties (就业困难人员).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<u64>,
    /// Migrant workers (农民工).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrant_workers: Option<u64>,
}

impl KeyGroups {
    pub fn is_empty(&self) -> bool {
        self.graduates.is_none() && self.difficulty.is_none() && self.migrant_workers.is_none()
    }
}

/// What was recorded for one region in one month. Every figure is optional.
///
/// The counts (`unemployed`, `labour_force`) are registered unemployed people and the labour
/// force; a registered rate computed from them is exact (Σ unemployed / Σ labour force).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// Region id.
    pub region: String,
    pub month: Month,
    /// Registered unemployment rate (登记失业率), as entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_rate: Option<Pct>,
    /// Actual (surveyed) unemployment rate (实际失业率), as entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_rate: Option<Pct>,
    /// Registered unemployed people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployed: Option<u64>,
    /// Labour force (people).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour_force: Option<u64>,
    #[serde(default, skip_serializing_if = "KeyGroups::is_empty")]
    pub key_groups: KeyGroups,
}

impl Observation {
    /// An empty observation of `region` in `month`.
    pub fn new(region: &str, month: Month) -> Observation {
        Observation {
            region: region.to_owned(),
            month,
            registered_rate: None,
            actual_rate: None,
            unemployed: None,
            labour_force: None,
            key_groups: KeyGroups::default(),
        }
    }

    /// Both counts, when both were recorded.
    pub fn counts(&self) -> Option<(u64, u64)> {
        Some((self.unemployed?, self.labour_force?))
    }

    /// The registered rate computed from this observation's own counts (none if the labour
    /// force is 0).
    pub fn counted_rate(&self) -> Option<Rate> {
        let (u, lf) = self.counts()?;
        Rate::from_counts(u, lf)
    }
}
