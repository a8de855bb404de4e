//! Early signal (§4: detect "in the bud"): a projection of a monthly rate with Holt's linear
//! (double exponential) smoothing, and the month in which a level would be reached at this trend.
//!
//! Floats are fine here: a projection is shown, never used to decide a level. Where a statement
//! compares a value with a threshold ("level 3 would be reached in 2027-03"), the value is first
//! rounded to an exact [`Pct`] (4 decimals) and compared exactly, so an observed 4.5 % — carried
//! here as the nearest `f64` — counts as 4.5 %.
//!
//! Method, for observed values `y_t` (months without a value are skipped by carrying the level
//! forward along the trend, without a correction):
//! - start: `ℓ = y₁`, `b = (y₁ − y₀) / months between them`, from the first two observations;
//! - each later month: `ℓ' = α·y + (1 − α)(ℓ + b)`, `b' = β(ℓ' − ℓ) + (1 − β)b`;
//! - α and β each from {0.05, 0.10, …, 1.00}, the pair with the least sum of squared one-step
//!   errors `e = y − (ℓ + b)` (the first such pair in that order when tied);
//! - projection `ŷ(h) = ℓ + h·b` for `h = 1 … horizon` months after the last observation;
//! - band `ŷ(h) ± 1.96·σ·√(1 + (h − 1)(α² + αγh + γ²h(2h − 1)/6))` with `γ = αβ`, where
//!   `σ² = Σe² / n` over the `n` one-step errors: the h-step variance
//!   `σ²(1 + Σ_{j<h} (α + γj)²)` of the additive-error Holt model (Hyndman et al.,
//!   *Forecasting with Exponential Smoothing*, 2008, ch. 6; their β is our `αβ`). A 95 % band if
//!   errors were normal and the model right, so a guide rather than a promise.
//!
//! Values and band are clamped to 0–100 %.

use crate::i18n::Lang;
use crate::month::Month;
use crate::num::Pct;

/// The fewest observed months a projection is made from.
pub const MIN_MONTHS: usize = 6;

/// One projected month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projected {
    pub month: Month,
    /// Projected rate, percent.
    pub value: f64,
    /// Lower and upper end of the band, percent.
    pub low: f64,
    pub high: f64,
}

/// A fitted projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub alpha: f64,
    pub beta: f64,
    /// Smoothed level at the last observed month, percent.
    pub level: f64,
    /// Trend at the last observed month, percentage points per month.
    pub trend: f64,
    /// Root mean square of the one-step-ahead errors, percentage points.
    pub sigma: f64,
    pub last_observed: Month,
    /// How many months had a value.
    pub observed_months: usize,
    /// `horizon` months from the month after `last_observed`.
    pub points: Vec<Projected>,
    /// Observed values up to `last_observed` (the input without trailing gaps), for streaks
    /// that start in the observed data.
    observed: Vec<Option<f64>>,
}

/// Why no projection is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoForecast {
    TooFewMonths { have: usize, need: usize },
}

impl NoForecast {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NoForecast::TooFewMonths { have, need }, Lang::Zh) => {
                format!("数据不足，无法预测：需要至少 {need} 个月的数据，现有 {have} 个月")
            }
            (NoForecast::TooFewMonths { have, need }, Lang::En) => format!(
                "Not enough data for a projection: at least {need} months are needed, {have} available"
            ),
        }
    }
}

/// Whether, at the projected trend, a threshold would be met for the sustained months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The observed months already meet it.
    Already,
    /// Reached in this month: the last month of the first run of `sustained` months at or
    /// above the threshold, counting a run that started in the observed months.
    In(Month),
    /// Not within the projection's horizon.
    NotWithin,
}

/// Rounds a value to an exact percentage for comparisons (non-finite → none).
pub fn to_pct(v: f64) -> Option<Pct> {
    if !v.is_finite() {
        return None;
    }
    // `as` saturates; rates are 0–100 so no real value comes near the ends.
    Some(Pct::from_units((v * 10_000.0).round() as i64))
}

struct Fit {
    level: f64,
    trend: f64,
    sse: f64,
    errors: usize,
}

/// Runs the smoothing over `(month offset, value)` pairs (at least two, ascending).
fn run(obs: &[(usize, f64)], alpha: f64, beta: f64) -> Option<Fit> {
    let (&(t0, y0), &(t1, y1)) = (obs.first()?, obs.get(1)?);
    let mut level = y1;
    let mut trend = (y1 - y0) / (t1.saturating_sub(t0).max(1)) as f64;
    let mut last = t1;
    let mut sse = 0.0;
    let mut errors = 0;
    for &(t, y) in obs.get(2..)? {
        for _ in 1..t.saturating_sub(last) {
            level += trend;
        }
        let predicted = level + trend;
        let e = y - predicted;
        sse += e * e;
        errors += 1;
        let new_level = alpha * y + (1.0 - alpha) * predicted;
        trend = beta * (new_level - level) + (1.0 - beta) * trend;
        level = new_level;
        last = t;
    }
    Some(Fit {
        level,
        trend,
        sse,
        errors,
    })
}

/// Projects a monthly series `values` (the first is `start`'s) `horizon` months ahead.
/// Missing and non-finite values are gaps.
pub fn holt(start: Month, values: &[Option<f64>], horizon: usize) -> Result<Forecast, NoForecast> {
    let obs: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(t, v)| v.filter(|x| x.is_finite()).map(|x| (t, x)))
        .collect();
    let too_few = NoForecast::TooFewMonths {
        have: obs.len(),
        need: MIN_MONTHS,
    };
    if obs.len() < MIN_MONTHS {
        return Err(too_few);
    }
    let Some(&(last_t, _)) = obs.last() else {
        return Err(too_few);
    };
    let Some(last_observed) = start.plus(last_t as i64) else {
        return Err(too_few);
    };

    let grid = || (1..=20).map(|i| f64::from(i) * 0.05);
    let mut best: Option<(f64, f64, Fit)> = None;
    for alpha in grid() {
        for beta in grid() {
            let Some(fit) = run(&obs, alpha, beta) else {
                continue;
            };
            if best.as_ref().is_none_or(|(_, _, b)| fit.sse < b.sse) {
                best = Some((alpha, beta, fit));
            }
        }
    }
    let Some((alpha, beta, fit)) = best else {
        return Err(too_few);
    };
    let sigma = if fit.errors > 0 {
        (fit.sse / fit.errors as f64).sqrt()
    } else {
        0.0
    };
    let clamp = |v: f64| v.clamp(0.0, 100.0);
    let points = (1..=horizon)
        .map_while(|h| {
            let month = last_observed.plus(h as i64)?;
            let hf = h as f64;
            let value = fit.level + hf * fit.trend;
            let gamma = alpha * beta;
            let c = 1.0
                + (hf - 1.0)
                    * (alpha * alpha
                        + alpha * gamma * hf
                        + gamma * gamma * hf * (2.0 * hf - 1.0) / 6.0);
            let half = 1.96 * sigma * c.sqrt();
            Some(Projected {
                month,
                value: clamp(value),
                low: clamp(value - half),
                high: clamp(value + half),
            })
        })
        .collect();
    Ok(Forecast {
        alpha,
        beta,
        level: fit.level,
        trend: fit.trend,
        sigma,
        last_observed,
        observed_months: obs.len(),
        points,
        observed: values.get(..=last_t).unwrap_or_default().to_vec(),
    })
}

impl Forecast {
    /// When a rate at or above `threshold` for `sustained_months` consecutive months would be
    /// reached at the projected trend (a missing observed month breaks a run, as in the rules).
    pub fn reach(&self, threshold: Pct, sustained_months: u32) -> Reach {
        let need = usize::try_from(sustained_months.max(1)).unwrap_or(usize::MAX);
        let meets = |v: Option<f64>| v.and_then(to_pct).is_some_and(|p| p >= threshold);
        let streak = self
            .observed
            .iter()
            .rev()
            .take_while(|v| meets(**v))
            .count();
        if streak >= need {
            return Reach::Already;
        }
        let mut streak = streak;
        for p in &self.points {
            if meets(Some(p.value)) {
                streak += 1;
                if streak >= need {
                    return Reach::In(p.month);
                }
            } else {
                streak = 0;
            }
        }
        Reach::NotWithin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn linear(n: usize, a: f64, b: f64) -> Vec<Option<f64>> {
        (0..n).map(|t| Some(a + b * t as f64)).collect()
    }

    #[test]
    fn a_linear_series_is_extrapolated_nearly_exactly() {
        let values = linear(24, 3.0, 0.05);
        let f = holt(m(2024, 1), &values, 12).unwrap();
        assert_eq!(f.last_observed, m(2025, 12));
        assert_eq!(f.points.len(), 12);
        for (h, p) in f.points.iter().enumerate() {
            let want = 3.0 + 0.05 * (23 + h + 1) as f64;
            assert!((p.value - want).abs() < 1e-9, "{h}: {} vs {want}", p.value);
            assert!(p.high - p.low < 1e-6, "no residuals, no band");
        }
        assert_eq!(f.points.first().unwrap().month, m(2026, 1));
    }

    #[test]
    fn gaps_are_bridged_along_the_trend() {
        let mut values = linear(20, 2.0, 0.1);
        for i in [3, 4, 9, 15] {
            values[i] = None;
        }
        values[12] = Some(f64::NAN);
        let f = holt(m(2024, 1), &values, 3).unwrap();
        assert_eq!(f.observed_months, 15);
        assert!((f.points[0].value - (2.0 + 0.1 * 20.0)).abs() < 1e-9);
    }

    #[test]
    fn a_flat_series_never_reaches_a_higher_threshold() {
        let values = vec![Some(3.2); 30];
        let f = holt(m(2024, 1), &values, 24).unwrap();
        assert!(f.points.iter().all(|p| (p.value - 3.2).abs() < 1e-12));
        assert_eq!(f.reach(Pct::tenths(45), 2), Reach::NotWithin);
    }

    #[test]
    fn the_crossing_month_counts_sustained_months() {
        // 3.0, 3.1, … 4.1 over 2025; at this trend 4.5 % comes in 2026-04 (h = 4) and is
        // sustained for two months in 2026-05.
        let values = linear(12, 3.0, 0.1);
        let f = holt(m(2025, 1), &values, 12).unwrap();
        assert_eq!(f.reach(Pct::tenths(45), 1), Reach::In(m(2026, 4)));
        assert_eq!(f.reach(Pct::tenths(45), 2), Reach::In(m(2026, 5)));
        assert_eq!(f.reach(Pct::tenths(50), 2), Reach::In(m(2026, 10)));
        assert_eq!(f.reach(Pct::tenths(90), 2), Reach::NotWithin);
    }

    #[test]
    fn a_run_may_start_in_the_observed_months() {
        let mut values = vec![Some(3.0); 8];
        values.push(Some(4.5));
        let f = holt(m(2025, 1), &values, 6).unwrap();
        // The projection stays above 4.5 after the jump only if the trend says so; the
        // observed 4.5 counts as the first month either way.
        let r = f.reach(Pct::tenths(45), 2);
        if f.points[0].value >= 4.5 {
            assert_eq!(r, Reach::In(m(2025, 10)));
        }
        values.push(Some(4.6));
        let f = holt(m(2025, 1), &values, 6).unwrap();
        assert_eq!(f.reach(Pct::tenths(45), 2), Reach::Already);
    }

    #[test]
    fn too_few_months_say_so() {
        let mut values = linear(10, 3.0, 0.1);
        for v in values.iter_mut().skip(5) {
            *v = None;
        }
        let e = holt(m(2025, 1), &values, 6).unwrap_err();
        assert_eq!(e, NoForecast::TooFewMonths { have: 5, need: 6 });
        assert!(e.message(Lang::En).contains("at least 6 months"));
        assert!(e.message(Lang::Zh).contains("至少 6 个月"));
    }

    #[test]
    fn the_band_widens_and_stays_within_0_to_100() {
        let values: Vec<Option<f64>> = [3.0, 3.4, 3.1, 3.6, 3.3, 3.9, 3.5, 4.1, 3.8, 4.3]
            .into_iter()
            .map(Some)
            .collect();
        let f = holt(m(2025, 1), &values, 36).unwrap();
        assert!(f.sigma > 0.0);
        let widths: Vec<f64> = f.points.iter().map(|p| p.high - p.low).collect();
        assert!(widths.windows(2).all(|w| w[1] >= w[0] - 1e-12));
        assert!(f
            .points
            .iter()
            .all(|p| (0.0..=100.0).contains(&p.low) && p.low <= p.value && p.value <= p.high));
        // Deterministic.
        assert_eq!(holt(m(2025, 1), &values, 36).unwrap(), f);
    }

    #[test]
    fn the_band_is_the_h_step_variance() {
        let values: Vec<Option<f64>> = [3.0, 3.4, 3.1, 3.6, 3.3, 3.9, 3.5, 4.1, 3.8, 4.3]
            .into_iter()
            .map(Some)
            .collect();
        let f = holt(m(2025, 1), &values, 6).unwrap();
        let gamma = f.alpha * f.beta;
        for (k, p) in f.points.iter().enumerate() {
            let h = k + 1;
            let sum: f64 = (1..h).map(|j| (f.alpha + gamma * j as f64).powi(2)).sum();
            let half = 1.96 * f.sigma * (1.0 + sum).sqrt();
            if p.low > 0.0 && p.high < 100.0 {
                assert!((p.high - p.value - half).abs() < 1e-9, "h = {h}");
                assert!((p.value - p.low - half).abs() < 1e-9, "h = {h}");
            }
        }
    }

    #[test]
    fn a_falling_series_is_clamped_at_zero() {
        let values = linear(12, 1.0, -0.2);
        let f = holt(m(2025, 1), &values, 6).unwrap();
        assert!(f.points.iter().all(|p| p.value == 0.0 && p.low == 0.0));
    }
}
