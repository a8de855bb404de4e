//! Early signal (§4: detect "in the bud"): a projection of a monthly rate by the method with the
//! best track record on the series itself, its band, and the chance that a level is reached.
//!
//! A projection must beat the naive forecast ("next months = this month") before it is shown as
//! a trend (the M competitions' lesson; Hyndman & Athanasopoulos, *Forecasting: Principles and
//! Practice*). So every candidate ([`Method`]) is backtested from rolling origins over the last
//! months ([`backtest`]) and the one with the lowest mean `h`-step error for the displayed
//! horizons is shown, or the naive one when none beats it ([`selection`]).
//!
//! Floats are fine here: a projection is shown, never used to decide a level. Where a statement
//! compares a value with a threshold, the value is first rounded to an exact [`Pct`] and
//! compared exactly, and the statement is a probability: the share of the method's own past
//! error paths (outcome − forecast at `h = 1 … horizon` from one origin) that, laid over the
//! projection, reach the threshold for the sustained months. Values and band are clamped to
//! 0–100 %.

pub mod backtest;
pub mod candidates;
pub mod selection;
pub mod series_csv;
#[cfg(test)]
mod tests;

pub use backtest::{Assessed, Coverage, Record};
pub use candidates::Method;
pub use selection::{Selection, Settings};

use crate::month::Month;
use crate::num::Pct;
use backtest::{conformal, Filled};

/// The fewest observed months a projection is made from: a year of backtest origins.
pub const MIN_MONTHS: usize = 13;

/// One projected month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projected {
    pub month: Month,
    /// Projected rate, percent.
    pub value: f64,
    /// Lower and upper end of the band, percent (both = `value` when too few errors are known
    /// at this horizon for a band).
    pub low: f64,
    pub high: f64,
}

/// A projection with its record.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub method: Method,
    pub selection: Selection,
    pub settings: Settings,
    /// Origins in the backtest window (fewer than `settings.window` on a short series).
    pub window: usize,
    pub last_observed: Month,
    /// How many months had a value.
    pub observed_months: usize,
    /// `horizon` months from the month after `last_observed`.
    pub points: Vec<Projected>,
    /// The chosen method's complete past error paths.
    paths: Vec<Vec<f64>>,
    /// Observed values up to `last_observed`, for runs that start in the observed data.
    observed: Vec<Option<f64>>,
}

/// Why no projection is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoForecast {
    TooFewMonths { have: usize, need: usize },
}

/// Rounds a value to an exact percentage for comparisons (non-finite → none).
pub fn to_pct(v: f64) -> Option<Pct> {
    if !v.is_finite() {
        return None;
    }
    // `as` saturates; rates are 0–100 so no real value comes near the ends.
    Some(Pct::from_units((v * 10_000.0).round() as i64))
}

/// Backtests the candidates on a monthly series `values` (the first is `start`'s; missing and
/// non-finite values are gaps) and projects it `settings.horizon` months ahead.
pub fn project(
    start: Month,
    values: &[Option<f64>],
    settings: &Settings,
) -> Result<Forecast, NoForecast> {
    let have = values
        .iter()
        .filter(|v| v.is_some_and(f64::is_finite))
        .count();
    let too_few = NoForecast::TooFewMonths {
        have,
        need: MIN_MONTHS,
    };
    let Some((offset, series)) = Filled::new(values) else {
        return Err(too_few);
    };
    if have < MIN_MONTHS {
        return Err(too_few);
    }
    let n = series.len();
    let Some(last_observed) = start.plus((offset + n - 1) as i64) else {
        return Err(too_few);
    };
    let selection = selection::select(&series, settings);
    let Some(centre) = selection.chosen.forecast(&series.values, settings.horizon) else {
        return Err(too_few);
    };
    let clamp = |v: f64| v.clamp(0.0, 100.0);
    let points = centre
        .iter()
        .enumerate()
        .map_while(|(k, &value)| {
            let h = k + 1;
            let month = last_observed.plus(h as i64)?;
            let half = conformal(&selection.errors.known(h, None), settings.level).unwrap_or(0.0);
            Some(Projected {
                month,
                value: clamp(value),
                low: clamp(value - half),
                high: clamp(value + half),
            })
        })
        .collect();
    let paths = selection.errors.paths();
    let observed = values
        .get(..offset + n)
        .unwrap_or_default()
        .iter()
        .map(|v| v.filter(|x| x.is_finite()))
        .collect();
    Ok(Forecast {
        method: selection.chosen,
        window: n - 1 - backtest::window_start(n, settings.window),
        selection,
        settings: *settings,
        last_observed,
        observed_months: have,
        points,
        paths,
        observed,
    })
}

/// Whether a threshold sustained for some months is met or may be reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The observed months already meet it.
    Already,
    Outlook(Outlook),
}

/// The chance of reaching a threshold within the projection's horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlook {
    /// The projected months.
    pub months: Vec<Month>,
    /// For each projected month, how many error paths have reached it by then.
    pub reached_by: Vec<usize>,
    /// Error paths laid over the projection (none: too short a history to say).
    pub paths: usize,
    /// The month the projection's centre line reaches it, if it does.
    pub central: Option<Month>,
}

impl Outlook {
    /// The first month by which at least half the paths have reached it, with how many.
    pub fn likely(&self) -> Option<(Month, usize)> {
        self.months
            .iter()
            .zip(&self.reached_by)
            .find(|(_, &k)| self.paths > 0 && 2 * k >= self.paths)
            .map(|(&m, &k)| (m, k))
    }

    /// Paths that reach it within the horizon.
    pub fn within(&self) -> usize {
        self.reached_by.last().copied().unwrap_or(0)
    }
}

impl Forecast {
    /// The chosen method's record over the window.
    pub fn record(&self) -> Option<&Record> {
        self.selection.record(self.method)
    }

    /// The naive forecast's record over the same window.
    pub fn naive(&self) -> Option<&Record> {
        self.selection.record(Method::Naive)
    }

    /// Error paths behind [`Forecast::reach`].
    pub fn paths(&self) -> usize {
        self.paths.len()
    }

    /// The month (index into the projection) a run of `need` months at or above `threshold`
    /// completes along `values`, counting a run that started in the observed months.
    fn first_run(
        &self,
        values: impl Iterator<Item = f64>,
        threshold: Pct,
        need: usize,
    ) -> Option<usize> {
        let meets = |v: f64| to_pct(v).is_some_and(|p| p >= threshold);
        let mut streak = self
            .observed
            .iter()
            .rev()
            .take_while(|v| v.is_some_and(meets))
            .count();
        for (k, v) in values.enumerate() {
            if meets(v) {
                streak += 1;
                if streak >= need {
                    return Some(k);
                }
            } else {
                streak = 0;
            }
        }
        None
    }

    /// Whether a rate at or above `threshold` for `sustained_months` consecutive months is met
    /// or how likely it is within the horizon (a missing observed month breaks a run, as in the
    /// rules).
    pub fn reach(&self, threshold: Pct, sustained_months: u32) -> Reach {
        let need = usize::try_from(sustained_months.max(1)).unwrap_or(usize::MAX);
        let meets = |v: &Option<f64>| v.and_then(to_pct).is_some_and(|p| p >= threshold);
        if self.observed.iter().rev().take_while(|v| meets(v)).count() >= need {
            return Reach::Already;
        }
        let months: Vec<Month> = self.points.iter().map(|p| p.month).collect();
        let central = self
            .first_run(self.points.iter().map(|p| p.value), threshold, need)
            .and_then(|k| months.get(k).copied());
        let mut reached_by = vec![0; months.len()];
        for path in &self.paths {
            let values = self
                .points
                .iter()
                .zip(path)
                .map(|(p, e)| (p.value + e).clamp(0.0, 100.0));
            if let Some(k) = self.first_run(values, threshold, need) {
                for slot in reached_by.iter_mut().skip(k) {
                    *slot += 1;
                }
            }
        }
        Reach::Outlook(Outlook {
            months,
            reached_by,
            paths: self.paths.len(),
            central,
        })
    }
}
