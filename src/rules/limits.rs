//! The thresholds and parameters of one scope, checked and clamped once so that no input can
//! make the engine loop or allocate without bound.

use crate::model::{Dataset, Scope};
use crate::num::Pct;
use crate::plan::{
    Comparison, ExtraCriterion, Level, LevelSpec, Parameters, Plan, RateSeriesChoice,
    RateSeriesRule, Thresholds,
};
use crate::rules::Series;

/// The longest "sustained" period and event window honoured (100 years); longer values are
/// clamped to it.
pub const MAX_MONTHS: u32 = 1200;

/// One level's rate criterion, ready to compare.
#[derive(Clone, Debug)]
pub(crate) struct RateLimits<'a> {
    pub clause: &'a str,
    pub min_rate: Pct,
    /// 1..=MAX_MONTHS.
    pub sustained: u32,
    pub comparison: Comparison,
    /// The series it reads.
    pub series: Vec<Series>,
}

impl RateLimits<'_> {
    pub fn reads(&self, series: Series) -> bool {
        self.series.contains(&series)
    }
}

/// One level's row of the table, ready to compare; a criterion the level lacks is `None`.
#[derive(Clone, Debug)]
pub(crate) struct LevelLimits<'a> {
    pub level: Level,
    pub rate: Option<RateLimits<'a>>,
    pub closures: Option<(&'a str, u64)>,
    pub layoffs: Option<(&'a str, Pct)>,
    pub extra: &'a [ExtraCriterion],
}

crate::tag_first_enum! {
    tag = "source", remote = "ThresholdsUsed", twin = ThresholdsUsedIn;
    /// Whose thresholds a scope is evaluated against (open point 4).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum ThresholdsUsed {
        /// The district plan's §5.1 table.
        District,
        /// The street's own plan (§9).
        Street { street: String },
    }
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

fn series_of(choice: RateSeriesChoice) -> Vec<Series> {
    match choice {
        RateSeriesChoice::Either => vec![Series::Registered, Series::Actual],
        RateSeriesChoice::Registered => vec![Series::Registered],
        RateSeriesChoice::Surveyed => vec![Series::Actual],
    }
}

pub(crate) fn clamp_months(n: u32) -> u32 {
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
        let p: &Parameters = &plan.parameters;
        let plan_series = series_of(match p.rate_series {
            RateSeriesRule::Either => RateSeriesChoice::Either,
            RateSeriesRule::RegisteredOnly => RateSeriesChoice::Registered,
            RateSeriesRule::ActualOnly => RateSeriesChoice::Surveyed,
        });
        let mut specs: Vec<&LevelSpec> = thresholds.levels.iter().collect();
        crate::sort::sort_by_key(&mut specs, |s| std::cmp::Reverse(s.level));
        specs.dedup_by(|a, b| a.level == b.level);
        let levels: Vec<LevelLimits<'a>> = specs
            .into_iter()
            .map(|s| LevelLimits {
                level: s.level,
                rate: s.rate.as_ref().map(|r| RateLimits {
                    clause: &r.clause.id,
                    min_rate: non_negative(r.min_rate),
                    sustained: clamp_months(r.sustained_months),
                    comparison: r.comparison,
                    series: r.series.map_or_else(|| plan_series.clone(), series_of),
                }),
                closures: s
                    .closures
                    .as_ref()
                    .map(|c| (c.clause.id.as_str(), c.min_unemployed)),
                layoffs: s
                    .layoffs
                    .as_ref()
                    .map(|c| (c.clause.id.as_str(), non_negative(c.min_share))),
                extra: &s.extra,
            })
            .collect();
        // Every series some level reads, registered first.
        let series = [Series::Registered, Series::Actual]
            .into_iter()
            .filter(|s| {
                levels
                    .iter()
                    .any(|l| l.rate.as_ref().is_some_and(|r| r.reads(*s)))
            })
            .collect();
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

    /// The longest "sustained" period of any level's rate criterion.
    pub fn max_sustained(&self) -> u32 {
        self.levels
            .iter()
            .filter_map(|l| l.rate.as_ref().map(|r| r.sustained))
            .max()
            .unwrap_or(1)
    }

    /// Whether any level has a criterion beyond the pooled three.
    pub fn has_extra(&self) -> bool {
        self.levels.iter().any(|l| !l.extra.is_empty())
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
