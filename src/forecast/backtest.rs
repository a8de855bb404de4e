//! Rolling-origin backtest: at every origin `o` (an observed month) a method forecasts from the
//! months up to `o` alone, and each later observed month `o + h` scores the `h`-step forecast.
//!
//! - The **window** is the last `window` origins; the mean absolute errors (MAE) that choose a
//!   method are taken over it, so every candidate is judged on the same outcomes. A method whose
//!   history at the window's first origin is shorter than it needs is not judged ("needs N
//!   months").
//! - The **band** at horizon `h` is a split-conformal interval: the `⌈(k + 1)·p⌉`-th smallest of
//!   the `k` absolute `h`-step errors known so far (none when `k` is too small for `p`). It
//!   assumes nothing about the error's shape.
//! - Its **coverage** is measured the way it is used: for each outcome in the window, the band
//!   built only from errors already known at that origin, and whether the outcome fell inside.

use super::candidates::Method;

/// A gap-free series for the methods: internal gaps carry the previous value forward (a method
/// needs equally spaced months); `observed[i]` says which months are real and may be scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    pub values: Vec<f64>,
    pub observed: Vec<bool>,
}

impl Filled {
    /// From the first to the last finite value of `values` (`offset` = index of the first).
    pub fn new(values: &[Option<f64>]) -> Option<(usize, Filled)> {
        let finite = |v: &Option<f64>| v.filter(|x| x.is_finite());
        let first = values.iter().position(|v| finite(v).is_some())?;
        let last = values.iter().rposition(|v| finite(v).is_some())?;
        let mut out = Filled {
            values: Vec::new(),
            observed: Vec::new(),
        };
        let mut carry = 0.0;
        for v in values.get(first..=last)? {
            let x = finite(v);
            carry = x.unwrap_or(carry);
            out.values.push(carry);
            out.observed.push(x.is_some());
        }
        Some((first, out))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn observed_count(&self) -> usize {
        self.observed.iter().filter(|o| **o).count()
    }

    fn is_observed(&self, i: usize) -> bool {
        self.observed.get(i).copied().unwrap_or(false)
    }
}

/// The `h`-step forecast errors (outcome − forecast) of one method from every origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Errors {
    /// `by_origin[o]`: for `h = 1 ..= horizon`, the error if the method forecast from `o` and
    /// month `o + h` is observed.
    pub by_origin: Vec<Vec<Option<f64>>>,
}

impl Errors {
    /// Runs `method` from every observed origin of `series`.
    pub fn of(method: Method, series: &Filled, horizon: usize) -> Errors {
        let n = series.len();
        let by_origin = (0..n)
            .map(|o| {
                let forecast = if series.is_observed(o) {
                    series
                        .values
                        .get(..=o)
                        .and_then(|history| method.forecast(history, horizon))
                } else {
                    None
                };
                (1..=horizon)
                    .map(|h| {
                        let target = o + h;
                        if !series.is_observed(target) {
                            return None;
                        }
                        let f = forecast.as_ref()?.get(h - 1)?;
                        Some(series.values.get(target)? - f)
                    })
                    .collect()
            })
            .collect();
        Errors { by_origin }
    }

    fn at(&self, origin: usize, h: usize) -> Option<f64> {
        self.by_origin
            .get(origin)?
            .get(h.checked_sub(1)?)
            .copied()?
    }

    /// The absolute `h`-step errors whose outcome is known at month `known_at` (all when `None`).
    pub fn known(&self, h: usize, known_at: Option<usize>) -> Vec<f64> {
        let end = known_at.map_or(self.by_origin.len(), |k| (k + 1).saturating_sub(h));
        (0..end.min(self.by_origin.len()))
            .filter_map(|o| self.at(o, h).map(f64::abs))
            .collect()
    }

    /// Complete error paths (every horizon observed), oldest origin first.
    pub fn paths(&self) -> Vec<Vec<f64>> {
        self.by_origin
            .iter()
            .filter_map(|p| p.iter().copied().collect::<Option<Vec<f64>>>())
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// The split-conformal quantile: the `⌈(k + 1)·p⌉`-th smallest of `k` absolute errors.
pub fn conformal(abs_errors: &[f64], p: f64) -> Option<f64> {
    let mut sorted = abs_errors.to_vec();
    crate::sort::sort_by(&mut sorted, f64::total_cmp);
    let rank = ((sorted.len() as f64 + 1.0) * p).ceil();
    if !(1.0..=sorted.len() as f64).contains(&rank) {
        return None;
    }
    sorted.get(rank as usize - 1).copied()
}

/// How often the band held its outcomes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub inside: usize,
    /// Outcomes that had a band (errors known before them).
    pub checked: usize,
}

impl Coverage {
    pub fn share(self) -> Option<f64> {
        (self.checked > 0).then(|| self.inside as f64 / self.checked as f64)
    }
}

/// One method's record over the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub method: Method,
    /// Per horizon `1 ..= horizon`: MAE over the window (`None` without outcomes) and how many
    /// outcomes it averages.
    pub mae: Vec<Option<f64>>,
    pub outcomes: Vec<usize>,
    pub coverage: Coverage,
}

impl Record {
    /// The mean of the per-horizon MAEs (each horizon weighs the same).
    pub fn mean(&self) -> Option<f64> {
        let v: Vec<f64> = self.mae.iter().flatten().copied().collect();
        (!v.is_empty() && v.len() == self.mae.len()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }

    pub fn mae_at(&self, h: usize) -> Option<f64> {
        self.mae.get(h.checked_sub(1)?).copied().flatten()
    }
}

/// A method's outcome in a backtest.
#[derive(Clone, Debug, PartialEq)]
pub enum Assessed {
    Judged(Record),
    /// The history at the window's first origin is shorter than the method needs: `need` months
    /// of series in all (its own minimum plus the window).
    TooShort {
        need: usize,
        have: usize,
    },
}

/// The first origin of the window over a series of `n` months.
pub fn window_start(n: usize, window: usize) -> usize {
    n.saturating_sub(1).saturating_sub(window.max(1))
}

/// Scores `errors` over the last `window` origins of a series of `n` months, with a band of
/// nominal level `p`.
pub fn record(method: Method, errors: &Errors, n: usize, window: usize, p: f64) -> Assessed {
    let start = window_start(n, window);
    if start + 1 < method.min_months() {
        return Assessed::TooShort {
            need: method.min_months() + (n - 1 - start),
            have: n,
        };
    }
    let horizon = errors.by_origin.first().map_or(0, Vec::len);
    let mut mae = Vec::with_capacity(horizon);
    let mut outcomes = Vec::with_capacity(horizon);
    let mut coverage = Coverage::default();
    for h in 1..=horizon {
        let mut sum = 0.0;
        let mut count = 0;
        for o in start..n {
            let Some(e) = errors.at(o, h) else {
                continue;
            };
            sum += e.abs();
            count += 1;
            if let Some(q) = conformal(&errors.known(h, Some(o)), p) {
                coverage.checked += 1;
                if e.abs() <= q {
                    coverage.inside += 1;
                }
            }
        }
        mae.push((count > 0).then(|| sum / count as f64));
        outcomes.push(count);
    }
    Assessed::Judged(Record {
        method,
        mae,
        outcomes,
        coverage,
    })
}
