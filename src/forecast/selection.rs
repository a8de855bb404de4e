//! Choosing the method: every candidate is backtested on the same window; the one with the lowest
//! mean of its `h`-step MAEs over the displayed horizons wins, and the naive forecast stays unless
//! another is strictly better (the benchmark a projection must beat before it is shown as a trend).

use super::backtest::{record, Assessed, Errors, Filled, Record};
use super::candidates::Method;

/// How a projection is chosen and shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Months projected (and the horizons a method is judged on: `1 ..= horizon`).
    pub horizon: usize,
    /// Origins in the backtest window (the last ones before the last observed month).
    pub window: usize,
    /// Nominal probability of the band.
    pub level: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            horizon: 6,
            window: 24,
            // An 80 % band: with a few dozen backtest errors, a 95 % quantile rests on one or
            // two of them.
            level: 0.8,
        }
    }
}

/// Every candidate's backtest and the choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// In [`Method::ALL`] order.
    pub candidates: Vec<(Method, Assessed)>,
    pub chosen: Method,
    /// The chosen method's errors from every origin (its band and probability paths).
    pub errors: Errors,
}

impl Selection {
    pub fn record(&self, method: Method) -> Option<&Record> {
        self.candidates.iter().find_map(|(m, a)| match a {
            Assessed::Judged(r) if *m == method => Some(r),
            _ => None,
        })
    }
}

/// Backtests every candidate on `series` and picks one.
pub fn select(series: &Filled, settings: &Settings) -> Selection {
    let n = series.len();
    let all: Vec<(Method, Assessed, Errors)> = Method::ALL
        .iter()
        .map(|&m| {
            let errors = Errors::of(m, series, settings.horizon);
            let assessed = record(m, &errors, n, settings.window, settings.level);
            (m, assessed, errors)
        })
        .collect();
    let score = |a: &Assessed| match a {
        Assessed::Judged(r) => r.mean(),
        Assessed::TooShort { .. } => None,
    };
    let naive_at = all
        .iter()
        .position(|(m, _, _)| *m == Method::Naive)
        .unwrap_or(0);
    let naive = all.get(naive_at).and_then(|(_, a, _)| score(a));
    let mut best: (usize, Option<f64>) = (naive_at, naive);
    for (i, (_, a, _)) in all.iter().enumerate() {
        if let (Some(s), (_, Some(b))) = (score(a), best) {
            if s < b {
                best = (i, Some(s));
            }
        }
    }
    let (chosen, errors) = all
        .get(best.0)
        .map(|(m, _, e)| (*m, e.clone()))
        .unwrap_or((Method::Naive, Errors { by_origin: vec![] }));
    let candidates = all.into_iter().map(|(m, a, _)| (m, a)).collect();
    Selection {
        candidates,
        chosen,
        errors,
    }
}
