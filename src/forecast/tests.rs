use super::backtest::{conformal, record, Assessed, Errors, Filled};
use super::candidates::{damped_path, damped_run, hw_run, Method, PHI};
use super::*;

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
}

fn some(v: &[f64]) -> Vec<Option<f64>> {
    v.iter().copied().map(Some).collect()
}

/// A yearly pattern (February and July peaks) on a flat level, `years` years long.
fn seasonal(years: usize) -> Vec<f64> {
    let shape = [0.3, 0.8, 0.4, 0.1, 0.0, 0.1, 0.6, 0.4, 0.2, 0.0, -0.1, 0.0];
    (0..years * 12)
        .map(|i| 4.0 + shape[i % 12] + 0.01 * ((i * 7) % 5) as f64)
        .collect()
}

/// No trend, no season: a random walk with small deterministic pseudo-random steps (around 3.5 %),
/// where no method should beat "next month = this month".
fn flat_noisy(n: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut level = 3.5;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let u = (state >> 33) as f64 / f64::from(1u32 << 31);
            level += (u - 0.5) * 0.2;
            level
        })
        .collect()
}

// Reference values, computed by hand.

#[test]
fn naive_repeats_the_last_month() {
    let f = Method::Naive.forecast(&[1.0, 2.0, 3.0], 3).unwrap();
    assert!(close(&f, &[3.0, 3.0, 3.0]));
    assert_eq!(Method::Naive.forecast(&[], 3), None);
}

#[test]
fn seasonal_naive_repeats_last_year() {
    let y: Vec<f64> = (1..=14).map(f64::from).collect();
    // Months 13 and 14 are last year's 1 and 2; next come 3, 4, 5; a year later 3 again.
    assert!(close(
        &Method::SeasonalNaive.forecast(&y, 3).unwrap(),
        &[3.0, 4.0, 5.0]
    ));
    assert_eq!(Method::SeasonalNaive.forecast(&y, 13).unwrap()[12], 3.0);
    assert_eq!(Method::SeasonalNaive.forecast(&y[..11], 1), None);
}

#[test]
fn seasonal_steps_add_the_mean_change_of_earlier_years() {
    // Two Januaries → Februaries: +1 (5 → 6) and +2 (5 → 7); February → March −1 and −2.
    let mut y = vec![5.0; 25];
    y[1] = 6.0;
    y[13] = 7.0;
    let f = Method::SeasonalSteps.forecast(&y, 2).unwrap();
    assert!(close(&f, &[5.0 + 1.5, 5.0 + 0.0]), "{f:?}");
    // One year back only: 13 months.
    let y: Vec<f64> = (0..13).map(f64::from).collect();
    assert!(close(
        &Method::SeasonalSteps.forecast(&y, 3).unwrap(),
        &[13.0, 14.0, 15.0]
    ));
    assert_eq!(Method::SeasonalSteps.forecast(&y[..12], 1), None);
}

#[test]
fn damped_trend_reference_run() {
    // ℓ = 2, b = 1; month 3: ŷ = 2 + 0.9 = 2.9, e = 1.1, ℓ = 2.9 + 0.5·1.1 = 3.45,
    // b = 0.9 + 0.5·0.5·1.1 = 1.175; ŷ(1) = 3.45 + 0.9·1.175, ŷ(2) = 3.45 + 1.71·1.175.
    let (sse, level, trend) = damped_run(&[1.0, 2.0, 4.0], 0.5, 0.5, 0.9).unwrap();
    assert!((sse - 1.21).abs() < 1e-12);
    assert!((level - 3.45).abs() < 1e-12);
    assert!((trend - 1.175).abs() < 1e-12);
    assert!(close(
        &damped_path(level, trend, 0.9, 2),
        &[4.5075, 3.45 + 1.71 * 1.175]
    ));
    // The trend flattens out: the step shrinks by φ each month.
    let p = damped_path(0.0, 1.0, PHI, 60);
    assert!(p.windows(2).all(|w| w[1] > w[0]));
    assert!(p[59] < 1.0 / (1.0 - PHI));
}

#[test]
fn damped_trend_continues_a_line_less_steeply() {
    let y: Vec<f64> = (0..24).map(|t| 3.0 + 0.05 * f64::from(t)).collect();
    let f = Method::DampedTrend.forecast(&y, 6).unwrap();
    let last = y[23];
    assert!(f.iter().all(|v| *v > last));
    assert!(f[5] < last + 6.0 * 0.05);
}

#[test]
fn holt_winters_reference_run() {
    // Year 1: 1 … 12, level 6.5, season i + 1 − 6.5. Month 13 = 1.5: ŷ = 6.5 − 5.5 = 1.0,
    // e = 0.5, ℓ = 6.75, s₀ = −5.5 + 0.2·0.5·0.5 = −5.45.
    let mut y: Vec<f64> = (1..=12).map(f64::from).collect();
    y.push(1.5);
    let (sse, level, season) = hw_run(&y, 0.5, 0.2).unwrap();
    assert!((sse - 0.25).abs() < 1e-12);
    assert!((level - 6.75).abs() < 1e-12);
    // Next month is the second of the cycle; the twelfth ahead is the first.
    assert!((season[0] - (-4.5)).abs() < 1e-12);
    assert!((season[11] - (-5.45)).abs() < 1e-12);
}

#[test]
fn holt_winters_repeats_an_exact_pattern() {
    let y: Vec<f64> = (0..36).map(|i| 4.0 + [0.0, 0.5, 0.2][i % 3]).collect();
    let f = Method::HoltWinters.forecast(&y, 4).unwrap();
    assert!(close(&f, &[4.0, 4.5, 4.2, 4.0]), "{f:?}");
    assert_eq!(Method::HoltWinters.forecast(&y[..23], 1), None);
}

#[test]
fn backtest_reference_errors_mae_and_coverage() {
    // Naive on 1, 2, 4, 3: from origin 0 the errors are 1 and 3, from 1: 2 and 1, from 2: −1.
    let (_, s) = Filled::new(&some(&[1.0, 2.0, 4.0, 3.0])).unwrap();
    let e = Errors::of(Method::Naive, &s, 2);
    assert_eq!(
        e.by_origin,
        vec![
            vec![Some(1.0), Some(3.0)],
            vec![Some(2.0), Some(1.0)],
            vec![Some(-1.0), None],
            vec![None, None],
        ]
    );
    assert_eq!(e.paths(), vec![vec![1.0, 3.0], vec![2.0, 1.0]]);
    // Window of two origins (1 and 2): h = 1 → (2 + 1) / 2, h = 2 → 1.
    let Assessed::Judged(r) = record(Method::Naive, &e, 4, 2, 0.5) else {
        panic!("judged")
    };
    assert_eq!(r.mae, vec![Some(1.5), Some(1.0)]);
    assert_eq!(r.outcomes, vec![2, 1]);
    assert_eq!(r.mean(), Some(1.25));
    // h = 1 from origin 1: band from {1} (median 1), |2| outside; from origin 2: from {1, 2}
    // (rank ⌈3·0.5⌉ = 2 → 2), |−1| inside. h = 2 from origin 1: nothing known yet.
    assert_eq!(
        r.coverage,
        Coverage {
            inside: 1,
            checked: 2
        }
    );
    // A seasonal method cannot be judged on four months.
    assert_eq!(
        record(
            Method::SeasonalNaive,
            &Errors::of(Method::SeasonalNaive, &s, 2),
            4,
            2,
            0.5
        ),
        Assessed::TooShort { need: 14, have: 4 }
    );
}

#[test]
fn conformal_quantile_ranks() {
    assert_eq!(conformal(&[3.0, 1.0, 2.0], 0.5), Some(2.0));
    assert_eq!(conformal(&[3.0, 1.0, 2.0], 0.8), None);
    assert_eq!(conformal(&[4.0, 1.0, 3.0, 2.0], 0.8), Some(4.0));
    assert_eq!(conformal(&[], 0.8), None);
}

#[test]
fn gaps_carry_forward_and_are_not_scored() {
    let (offset, s) =
        Filled::new(&[None, Some(1.0), None, Some(f64::NAN), Some(3.0), None]).unwrap();
    assert_eq!(offset, 1);
    assert_eq!(s.values, vec![1.0, 1.0, 1.0, 3.0]);
    assert_eq!(s.observed, vec![true, false, false, true]);
    // Only observed origins forecast, only observed months score: from month 0, three months
    // ahead (3 − 1); month 0 one and two ahead and the gap months score nothing.
    let e = Errors::of(Method::Naive, &s, 3);
    assert_eq!(e.by_origin[0], vec![None, None, Some(2.0)]);
    assert!(e.by_origin[1..].iter().flatten().all(Option::is_none));
}

// Selection.

#[test]
fn a_seasonal_series_gets_a_seasonal_method_and_a_flat_noisy_one_naive() {
    let f = project(m(2021, 1), &some(&seasonal(5)), &Settings::default()).unwrap();
    assert!(f.method.seasonal(), "{:?}", f.method);
    let (r, n) = (f.record().unwrap(), f.naive().unwrap());
    assert!(r.mean().unwrap() < n.mean().unwrap() / 2.0);

    let f = project(m(2021, 1), &some(&flat_noisy(60)), &Settings::default()).unwrap();
    assert_eq!(f.method, Method::Naive);
}

#[test]
fn short_series_say_which_methods_need_more_months() {
    let y = some(&flat_noisy(30));
    let f = project(m(2024, 1), &y, &Settings::default()).unwrap();
    let need = |method| {
        f.selection
            .candidates
            .iter()
            .find(|(mm, _)| *mm == method)
            .map(|(_, a)| a.clone())
            .unwrap()
    };
    assert_eq!(
        need(Method::HoltWinters),
        Assessed::TooShort { need: 48, have: 30 }
    );
    assert_eq!(
        need(Method::SeasonalNaive),
        Assessed::TooShort { need: 36, have: 30 }
    );
    assert!(matches!(need(Method::DampedTrend), Assessed::Judged(_)));
    assert_eq!(f.window, 24);

    let e = project(m(2024, 1), &y[..12], &Settings::default()).unwrap_err();
    assert_eq!(e, NoForecast::TooFewMonths { have: 12, need: 13 });
    // 13 months: a window of 12 origins, naive only.
    let f = project(m(2024, 1), &y[..13], &Settings::default()).unwrap();
    assert_eq!((f.method, f.window), (Method::Naive, 12));
    assert_eq!(f.last_observed, m(2025, 1));
    assert_eq!(f.points.first().unwrap().month, m(2025, 2));
}

// proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The naive forecast never loses to itself: whatever is chosen has a record at least as good
        /// as the naive one on the same window, and a tie keeps the naive.
        #[test]
        fn the_choice_never_has_a_worse_record_than_naive(
            values in proptest::collection::vec(0.0f64..20.0, 13..60),
            gaps in proptest::collection::vec(any::<bool>(), 60),
        ) {
            let series: Vec<Option<f64>> = values
                .iter()
                .zip(&gaps)
                .enumerate()
                .map(|(i, (v, g))| (i < 2 || i + 1 == values.len() || !*g || i % 5 != 0).then_some(*v))
                .collect();
            let Ok(f) = project(m(2020, 1), &series, &Settings::default()) else {
                return Ok(());
            };
            let naive = f.naive().and_then(Record::mean).unwrap();
            let chosen = f.record().and_then(Record::mean).unwrap();
            prop_assert!(chosen <= naive);
            if f.method != Method::Naive {
                prop_assert!(chosen < naive);
            }
            prop_assert_eq!(f.points.len(), 6);
            for p in &f.points {
                prop_assert!(0.0 <= p.low && p.low <= p.value && p.value <= p.high && p.high <= 100.0);
            }
        }
    }
}

#[test]
fn a_constant_series_keeps_naive() {
    let f = project(m(2020, 1), &some(&[3.2; 60]), &Settings::default()).unwrap();
    assert_eq!(f.method, Method::Naive);
    assert!(f
        .points
        .iter()
        .all(|p| p.value == 3.2 && p.low == 3.2 && p.high == 3.2));
}

// Reaching a level, with its probability.

#[test]
fn reach_counts_paths_that_complete_the_sustained_run() {
    let y = some(&flat_noisy(48));
    let f = project(m(2022, 1), &y, &Settings::default()).unwrap();
    assert_eq!(f.method, Method::Naive);
    // Far above: no path gets there.
    let Reach::Outlook(o) = f.reach(Pct::tenths(45), 2) else {
        panic!("not reached")
    };
    assert!(f.paths() > 20);
    assert_eq!(
        (o.paths, o.within(), o.central, o.likely()),
        (f.paths(), 0, None, None)
    );
    // Just above the last value: the centre line stays below it, the paths with a positive
    // error are above it from the first month on.
    let above = Pct::from_units(to_pct(f.points[0].value).unwrap().units() + 1);
    let Reach::Outlook(o) = f.reach(above, 1) else {
        panic!("not met by the observed months")
    };
    assert_eq!(o.central, None);
    assert!(o.reached_by.windows(2).all(|w| w[0] <= w[1]));
    assert!(o.reached_by[0] > 0 && o.within() < o.paths);
    // Already met by the observed months.
    assert_eq!(f.reach(Pct::tenths(30), 3), Reach::Already);
}

#[test]
fn the_band_is_the_conformal_quantile_of_past_errors() {
    let y = some(&flat_noisy(48));
    let s = Settings::default();
    let f = project(m(2022, 1), &y, &s).unwrap();
    let errors = &f.selection.errors;
    for (k, p) in f.points.iter().enumerate() {
        let q = conformal(&errors.known(k + 1, None), s.level).unwrap();
        assert!((p.high - p.value - q).abs() < 1e-12);
        assert!((p.value - p.low - q).abs() < 1e-12);
    }
}

#[test]
fn a_falling_series_is_clamped_at_zero() {
    let y: Vec<f64> = (0..30)
        .map(|t| 1.0 - 0.2 * f64::from(t))
        .map(|v| v.max(0.0))
        .collect();
    let f = project(m(2022, 1), &some(&y), &Settings::default()).unwrap();
    assert!(f.points.iter().all(|p| p.value >= 0.0 && p.low >= 0.0));
}
