//! The candidate methods. Each takes a gap-free monthly history (oldest first) and returns the
//! point forecasts for `1 ..= horizon` months after its last value, or `None` when the history is
//! shorter than the method needs.
//!
//! Parameters are fixed or chosen from small grids by in-sample one-step squared error (the first
//! in grid order when tied), so a fit is deterministic and cheap enough to repeat at every origin
//! of a backtest. The formulas follow Hyndman & Athanasopoulos, *Forecasting: Principles and
//! Practice* (3rd ed.), §5.2 (benchmarks), §8.2 (damped trend) and §8.3 (Holt–Winters).

/// Months in a seasonal cycle.
pub const SEASON: usize = 12;

/// The damping of the damped trend: fixed rather than fitted, since a fitted φ on a few years of
/// data follows the noise (FPP §8.2 suggests 0.8–0.98).
pub const PHI: f64 = 0.9;

/// A forecasting method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Every month ahead equals the last observed month.
    Naive,
    /// Every month ahead equals the same month a year earlier.
    SeasonalNaive,
    /// The last month plus the mean change between the same calendar months in earlier years
    /// (e.g. for next February: the mean January → February change of the years before): the
    /// seasonal shape without a fitted parameter.
    SeasonalSteps,
    /// Additive damped-trend exponential smoothing, ETS(A,Ad,N).
    DampedTrend,
    /// Additive Holt–Winters with level and season, ETS(A,N,A).
    HoltWinters,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Naive,
        Method::SeasonalNaive,
        Method::SeasonalSteps,
        Method::DampedTrend,
        Method::HoltWinters,
    ];

    /// Stable identifier (CLI output, e2e).
    pub fn id(self) -> &'static str {
        match self {
            Method::Naive => "naive",
            Method::SeasonalNaive => "seasonal-naive",
            Method::SeasonalSteps => "seasonal-steps",
            Method::DampedTrend => "damped-trend",
            Method::HoltWinters => "holt-winters",
        }
    }

    /// Whether the method models the calendar pattern.
    pub fn seasonal(self) -> bool {
        matches!(
            self,
            Method::SeasonalNaive | Method::SeasonalSteps | Method::HoltWinters
        )
    }

    /// The fewest months of history a forecast is made from.
    pub fn min_months(self) -> usize {
        match self {
            Method::Naive => 1,
            Method::SeasonalNaive => SEASON,
            Method::SeasonalSteps => SEASON + 1,
            Method::DampedTrend => 6,
            Method::HoltWinters => 2 * SEASON,
        }
    }

    /// Point forecasts for `1 ..= horizon` months after the last value of `y`.
    pub fn forecast(self, y: &[f64], horizon: usize) -> Option<Vec<f64>> {
        if y.len() < self.min_months() {
            return None;
        }
        match self {
            Method::Naive => naive(y, horizon),
            Method::SeasonalNaive => seasonal_naive(y, horizon),
            Method::SeasonalSteps => seasonal_steps(y, horizon),
            Method::DampedTrend => damped_trend(y, horizon),
            Method::HoltWinters => holt_winters(y, horizon),
        }
    }
}

fn naive(y: &[f64], horizon: usize) -> Option<Vec<f64>> {
    let last = *y.last()?;
    Some(vec![last; horizon])
}

fn seasonal_naive(y: &[f64], horizon: usize) -> Option<Vec<f64>> {
    let n = y.len();
    (0..horizon)
        .map(|k| y.get(n.checked_sub(SEASON)? + k % SEASON).copied())
        .collect()
}

fn seasonal_steps(y: &[f64], horizon: usize) -> Option<Vec<f64>> {
    let n = y.len();
    let last = *y.last()?;
    (1..=horizon)
        .map(|h| {
            // Years j with both the month a year-multiple before the origin and the target's
            // counterpart inside the history.
            let steps: Vec<f64> = (1..)
                .map(|j| j * SEASON)
                .take_while(|&back| back < n)
                .filter(|&back| h <= back)
                .filter_map(|back| {
                    let from = y.get(n - 1 - back)?;
                    let to = y.get(n - 1 + h - back)?;
                    Some(to - from)
                })
                .collect();
            if steps.is_empty() {
                return None;
            }
            Some(last + steps.iter().sum::<f64>() / steps.len() as f64)
        })
        .collect()
}

/// One-step squared errors and the final state of a damped-trend run.
pub(super) fn damped_run(y: &[f64], alpha: f64, beta: f64, phi: f64) -> Option<(f64, f64, f64)> {
    let (&y0, &y1) = (y.first()?, y.get(1)?);
    // Start at the second month: level y₁, trend y₁ − y₀.
    let (mut level, mut trend) = (y1, y1 - y0);
    let mut sse = 0.0;
    for &v in y.get(2..)? {
        let predicted = level + phi * trend;
        let e = v - predicted;
        sse += e * e;
        let new_level = level + phi * trend + alpha * e;
        trend = phi * trend + alpha * beta * e;
        level = new_level;
    }
    Some((sse, level, trend))
}

/// Damped-trend forecasts from a final state: `ℓ + (φ + φ² + … + φʰ)·b`.
pub(super) fn damped_path(level: f64, trend: f64, phi: f64, horizon: usize) -> Vec<f64> {
    let mut damp = 0.0;
    let mut power = 1.0;
    (1..=horizon)
        .map(|_| {
            power *= phi;
            damp += power;
            level + damp * trend
        })
        .collect()
}

fn damped_trend(y: &[f64], horizon: usize) -> Option<Vec<f64>> {
    let mut best: Option<(f64, f64, f64)> = None;
    for a in 1..=10 {
        for b in [0.05, 0.1, 0.2, 0.3] {
            let Some(fit) = damped_run(y, f64::from(a) / 10.0, b, PHI) else {
                continue;
            };
            if best.is_none_or(|(sse, _, _)| fit.0 < sse) {
                best = Some(fit);
            }
        }
    }
    let (_, level, trend) = best?;
    Some(damped_path(level, trend, PHI, horizon))
}

/// One-step squared errors, final level and seasonal indices (oldest first, the last `SEASON`
/// months) of an ETS(A,N,A) run. Starts from the first year: level its mean, season its
/// deviations from that mean.
pub(super) fn hw_run(y: &[f64], alpha: f64, gamma: f64) -> Option<(f64, f64, Vec<f64>)> {
    let first = y.get(..SEASON)?;
    let mut level = first.iter().sum::<f64>() / SEASON as f64;
    let mut season: Vec<f64> = first.iter().map(|v| v - level).collect();
    let mut sse = 0.0;
    for (i, &v) in y.iter().enumerate().skip(SEASON) {
        let s = season.get_mut(i % SEASON)?;
        let e = v - (level + *s);
        sse += e * e;
        let new_level = level + alpha * e;
        *s += gamma * (1.0 - alpha) * e;
        level = new_level;
    }
    let n = y.len();
    let ordered = (0..SEASON)
        .map(|k| season.get((n + k) % SEASON).copied())
        .collect::<Option<Vec<f64>>>()?;
    Some((sse, level, ordered))
}

fn holt_winters(y: &[f64], horizon: usize) -> Option<Vec<f64>> {
    let mut best: Option<(f64, f64, Vec<f64>)> = None;
    for a in [0.1, 0.3, 0.5, 0.7, 0.9, 1.0] {
        for g in [0.05, 0.1, 0.2, 0.3] {
            let Some(fit) = hw_run(y, a, g) else {
                continue;
            };
            if best.as_ref().is_none_or(|(sse, _, _)| fit.0 < *sse) {
                best = Some(fit);
            }
        }
    }
    let (_, level, season) = best?;
    // `season[k]` is the index of the month `k + 1` months after the last one (mod 12).
    (0..horizon)
        .map(|k| season.get(k % SEASON).map(|s| level + s))
        .collect()
}
