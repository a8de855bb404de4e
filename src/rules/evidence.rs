//! Evidence: what an evaluation used and why it decided, in a form the UI and the CLI show.

use crate::model::{Scope, SpecialReason};
use crate::month::{Date, Month};
use crate::num::Pct;
use crate::plan::{Comparison, Level};
use crate::rules::limits::ThresholdsUsed;
use crate::rules::status::{Check, Decider, MonthSummary, Series, Status};
use serde::{Deserialize, Serialize};

/// The full evaluation of one scope in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub scope: Scope,
    pub month: Month,
    /// The level that applies (most severe of indicators, special determination, city warning).
    pub effective: Status,
    pub decided_by: Decider,
    /// §5.1-Lx-a/b/c together ("any one condition suffices").
    pub indicator: Status,
    /// Whose §5.1 table was used (open point 4).
    pub thresholds: ThresholdsUsed,
    /// The region whose rates were used; `None` when the scope names no known region.
    pub region: Option<String>,
    pub rate: RateEvidence,
    pub closures: ClosureEvidence,
    pub layoffs: LayoffEvidence,
    /// The single-enterprise and own-indicator criteria (absent when the plan has none).
    #[serde(default, skip_serializing_if = "ExtraEvidence::is_empty")]
    pub other: ExtraEvidence,
    /// The approved §5.1-M determination in force, if any (the most severe).
    pub special: Option<SpecialInForce>,
    /// Determinations for this scope that are proposed but lack consent or approval: they do
    /// not count.
    pub pending_special: Vec<PendingSpecial>,
    /// The city warning in force, if any (the most severe).
    pub city: Option<CityInForce>,
}

impl Evaluation {
    /// The result without evidence, as a timeline holds it.
    pub fn summary(&self) -> MonthSummary {
        MonthSummary {
            month: self.month,
            effective: self.effective,
            decided_by: self.decided_by,
            indicator: self.indicator,
            rate: self.rate.status,
            closures: self.closures.status,
            layoffs: self.layoffs.status,
            other: self.other.status,
            special: self.special.as_ref().map(|s| s.level),
            city: self.city.as_ref().map(|c| c.level),
        }
    }
}

/// An inclusive range of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: Month,
    pub to: Month,
    pub months: u32,
}

crate::tag_first_enum! {
    tag = "kind", remote = "RateSource", twin = RateSourceIn;
    /// Where a rate came from.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum RateSource {
        /// Entered as a rate.
        Entered,
        /// Computed from the region's own counts.
        Counts { unemployed: u64, labour_force: u64 },
        /// Computed from the children's counts: Σ unemployed / Σ labour force.
        Children {
            unemployed: u64,
            labour_force: u64,
            children: Vec<String>,
        },
    }
}

/// One month of one rate series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRate {
    pub month: Month,
    /// The rate (computed rates rounded to 0.0001 pp for display; comparisons are exact).
    pub value: Option<Pct>,
    pub source: Option<RateSource>,
    /// No value where one was due: the series had started (or none had), so the month is
    /// missing rather than not reported.
    pub missing: bool,
}

/// One series over the longest "sustained" window, ending at the evaluated month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesEvidence {
    pub series: Series,
    /// The first month this series has a value for the region.
    pub first_month: Option<Month>,
    pub months: Vec<MonthRate>,
}

/// One series against one level's rate threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesCheck {
    pub series: Series,
    pub result: Check,
    /// Months of the window at or above the threshold.
    pub months_at_or_above: u32,
    /// Months of the window without a value that were due.
    pub months_missing: u32,
}

/// §5.1-Lx-a for one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCheck {
    pub level: Level,
    pub clause: String,
    pub min_rate: Pct,
    #[serde(default, skip_serializing_if = "Comparison::is_default")]
    pub comparison: Comparison,
    pub sustained_months: u32,
    pub window: Window,
    /// Met if any series is met; unknown if none is met and some series is unknown.
    pub result: Check,
    pub series: Vec<SeriesCheck>,
}

/// Distance of the rate to the next more severe level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateGap {
    pub level: Level,
    pub clause: String,
    /// The series closest to it.
    pub series: Series,
    pub month: Month,
    pub value: Pct,
    pub threshold: Pct,
    /// Percentage points short in `month` (0 when at or above), rounded up to 0.0001 pp.
    pub gap: Pct,
    /// Trailing months at or above the threshold, up to the sustained period.
    pub months_at_or_above: u32,
    /// Further months at or above the threshold needed.
    pub months_needed: u32,
}

/// §5.1-Lx-a: the rate criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateEvidence {
    pub status: Status,
    pub series: Vec<SeriesEvidence>,
    /// Most severe level first.
    pub checks: Vec<RateCheck>,
    /// `None` at level 1, or when no series has a value in the month.
    pub gap: Option<RateGap>,
}

/// A closure counted in the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureRef {
    pub id: String,
    pub enterprise: String,
    pub street: String,
    pub date: Date,
    pub unemployed: u64,
}

/// §5.1-Lx-b for one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureCheck {
    pub level: Level,
    pub clause: String,
    pub min_unemployed: u64,
    pub min_enterprises: u32,
    pub result: Check,
}

/// What closures lack to reach the next more severe level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureGap {
    pub level: Level,
    pub clause: String,
    pub people_needed: u64,
    pub enterprises_needed: u32,
}

/// §5.1-Lx-b: closures and bankruptcies in the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureEvidence {
    pub status: Status,
    pub window: Window,
    /// Sorted by date.
    pub events: Vec<ClosureRef>,
    pub total_unemployed: u64,
    pub enterprises: u32,
    pub checks: Vec<ClosureCheck>,
    pub gap: Option<ClosureGap>,
}

/// A layoff event in the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffRef {
    pub id: String,
    pub enterprise: String,
    pub street: String,
    pub date: Date,
    pub workforce: u64,
    pub laid_off: u64,
}

/// One enterprise's layoffs in the window: its largest workforce-before and Σ laid off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseLayoffs {
    pub enterprise: String,
    pub workforce: u64,
    pub laid_off: u64,
}

/// §5.1-Lx-c for one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffCheck {
    pub level: Level,
    pub clause: String,
    pub min_share: Pct,
    pub min_enterprises: u32,
    pub result: Check,
}

/// What layoffs lack to reach the next more severe level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffGap {
    pub level: Level,
    pub clause: String,
    /// More people to be laid off at the enterprises already counted; `None` when no layoff
    /// counts yet (no workforce to relate to).
    pub people_needed: Option<u64>,
    /// More enterprises needed ("multiple enterprises").
    pub enterprises_needed: u32,
}

/// §5.1-Lx-c: one-time layoffs in the window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffEvidence {
    pub status: Status,
    pub window: Window,
    /// Layoffs that count (art. 41 size when enabled), sorted by date.
    pub counted: Vec<LayoffRef>,
    /// Layoffs in the window too small to count under art. 41.
    pub excluded: Vec<LayoffRef>,
    /// Per enterprise, by name.
    pub enterprises: Vec<EnterpriseLayoffs>,
    pub total_laid_off: u64,
    pub total_workforce: u64,
    /// Σ laid off / Σ workforce, rounded to 0.0001 pp for display; comparisons are exact.
    pub share: Option<Pct>,
    pub checks: Vec<LayoffCheck>,
    pub gap: Option<LayoffGap>,
}

/// An approved §5.1-M determination in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialInForce {
    pub id: String,
    pub level: Level,
    pub reason: SpecialReason,
    pub effective_from: Month,
    pub until: Option<Month>,
}

/// A §5.1-M determination that does not count yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSpecial {
    pub id: String,
    pub level: Level,
    pub lacks_hq_consent: bool,
    pub lacks_city_approval: bool,
}

/// A city warning in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityInForce {
    /// Position in `Dataset::city_warnings`.
    pub index: usize,
    pub level: Level,
    pub from: Month,
    pub until: Option<Month>,
    pub note: String,
}

/// Evidence of the criteria beyond the pooled three, one check per criterion and level.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ExtraEvidence {
    pub status: Status,
    pub checks: Vec<ExtraCheck>,
}

impl ExtraEvidence {
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }
}

/// One criterion of one level, with the plan's own clause label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraCheck {
    pub level: Level,
    pub clause: String,
    /// The plan's own text of the clause (zh).
    pub text: String,
    pub detail: ExtraDetail,
    pub result: Check,
}

crate::tag_first_enum! {
    tag = "kind", remote = "ExtraDetail", twin = ExtraDetailIn;
    /// What a check compared.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum ExtraDetail {
        /// Closures in the window leaving at least `min_unemployed` each; `matching` those that do.
        SingleClosure {
            window: Window,
            min_unemployed: u64,
            matching: Vec<ClosureRef>,
        },
        /// Layoffs in the window of at least `min_laid_off` people (where the workforce before was
        /// at least `min_workforce`); `matching` those that are.
        SingleLayoff {
            window: Window,
            min_laid_off: u64,
            min_workforce: Option<u64>,
            matching: Vec<LayoffRef>,
        },
        /// An indicator of the office's own, month by month over the sustained window.
        Indicator {
            indicator: String,
            comparison: Comparison,
            threshold: Pct,
            window: Window,
            months: Vec<IndicatorMonth>,
        },
    }
}

/// One month of an own indicator; `value` `None` is a missing month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorMonth {
    pub month: Month,
    pub value: Option<Pct>,
    pub holds: bool,
}
