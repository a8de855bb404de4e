//! The thresholds and parameters of one scope, checked and clamped once so that no input can
//! make the engine loop or allocate without bound.

use crate::model::{Dataset, Scope};
use crate::num::Pct;
use crate::plan::{Level, Parameters, Plan, RateSeriesRule, Thresholds};
use crate::rules::Series;
use serde::{Deserialize, Serialize};

/// The longest "sustained" period and event window honoured (100 years); longer values are
/// clamped to it.
pub const MAX_MONTHS: u32 = 1200;

/// One level's row of the §5.1 table, ready to compare.
#[derive(Clone, Debug)]
pub(crate) struct LevelLimits<'a> {
    pub level: Level,
    pub rate_clause: &'a str,
    pub min_rate: Pct,
    /// 1..=MAX_MONTHS.
    pub sustained: u32,
    pub closures_clause: &'a str,
    pub min_unemployed: u64,
    pub layoffs_clause: &'a str,
    pub min_share: Pct,
}

/// Whose thresholds a scope is evaluated against (open point 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum ThresholdsUsed {
    /// The district plan's §5.1 table.
    District,
    /// The street's own plan (§9).
    Street { street: String },
}

/// Everything about a scope's rules that does not depend on the month.
#[derive(Clone, Debug)]
pub(crate) struct Limits<'a> {
    /// Levels present in the thresholds, most severe first (a level the table lacks is never
    /// reached by the indicators).
    pub levels: Vec<LevelLimits<'a>>,
    pub used: ThresholdsUsed,
    pub series: Vec<Series>,
    /// 1..=MAX_MONTHS.
    pub window: u32,
    pub closures_min_enterprises: u32,
    pub layoffs_min_enterprises: u32,
    pub art41_enabled: bool,
    pub art41_min_people: u64,
    pub art41_min_share: Pct,
}

fn clamp_months(n: u32) -> u32 {
    n.clamp(1, MAX_MONTHS)
}

fn non_negative(p: Pct) -> Pct {
    p.max(Pct::ZERO)
}

impl<'a> Limits<'a> {
    pub fn of(plan: &'a Plan, data: &'a Dataset, scope: &Scope) -> Limits<'a> {
        let (thresholds, used): (&'a Thresholds, ThresholdsUsed) = match scope
            .street()
            .and_then(|id| data.street_thresholds.get_key_value(id))
        {
            Some((id, t)) => (t, ThresholdsUsed::Street { street: id.clone() }),
            None => (&plan.thresholds, ThresholdsUsed::District),
        };
        let levels = Level::ALL
            .iter()
            .filter_map(|l| thresholds.spec(*l))
            .map(|s| LevelLimits {
                level: s.level,
                rate_clause: &s.rate.clause.id,
                min_rate: non_negative(s.rate.min_rate),
                sustained: clamp_months(s.rate.sustained_months),
                closures_clause: &s.closures.clause.id,
                min_unemployed: s.closures.min_unemployed,
                layoffs_clause: &s.layoffs.clause.id,
                min_share: non_negative(s.layoffs.min_share),
            })
            .collect();
        let p: &Parameters = &plan.parameters;
        let series = match p.rate_series {
            RateSeriesRule::Either => vec![Series::Registered, Series::Actual],
            RateSeriesRule::RegisteredOnly => vec![Series::Registered],
            RateSeriesRule::ActualOnly => vec![Series::Actual],
        };
        Limits {
            levels,
            used,
            series,
            window: clamp_months(p.event_window_months),
            closures_min_enterprises: p.closures_min_enterprises,
            layoffs_min_enterprises: p.layoffs_min_enterprises,
            art41_enabled: p.art41.enabled,
            art41_min_people: p.art41.min_people,
            art41_min_share: non_negative(p.art41.min_share),
        }
    }

    /// The longest "sustained" period of any level.
    pub fn max_sustained(&self) -> u32 {
        self.levels.iter().map(|l| l.sustained).max().unwrap_or(1)
    }

    /// Whether a layoff counts as a "one-time layoff" (Labour Contract Law art. 41 when enabled):
    /// at least `min_people`, or fewer but at least `min_share` of the workforce.
    pub fn layoff_counts(&self, workforce: u64, laid_off: u64) -> bool {
        !self.art41_enabled
            || laid_off >= self.art41_min_people
            || (workforce > 0 && share_at_least(laid_off, workforce, self.art41_min_share))
    }
}

/// `part / whole ≥ p` exactly (`whole` > 0), in integers: part × 10⁶ ≥ p(units of 10⁻⁴ %) × whole.
pub(crate) fn share_at_least(part: u64, whole: u64, p: Pct) -> bool {
    let units = u128::from(p.units().unsigned_abs());
    u128::from(part) * 1_000_000 >= units * u128::from(whole)
}

/// The least `x` with `(part + x) / whole ≥ p`; `None` when `whole` is 0.
pub(crate) fn people_to_share(part: u64, whole: u64, p: Pct) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    let units = u128::from(p.units().unsigned_abs());
    let need = (units * u128::from(whole)).div_ceil(1_000_000);
    let x = need.saturating_sub(u128::from(part));
    Some(u64::try_from(x).unwrap_or(u64::MAX))
}
