//! The projection on real data: the national urban surveyed unemployment rate 2018–2022
//! (tests/fixtures/series/). The chosen method must not do worse than the naive forecast at the
//! horizons the dashboard shows, and its band must hold about as often as it claims.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use uew::forecast::{project, series_csv, Method, Settings};

const SERIES: &str =
    include_str!("fixtures/series/cn-nbs-urban-surveyed-unemployment-2018-2022.csv");

#[test]
fn the_choice_is_at_least_as_good_as_naive_at_3_and_6_months_and_its_band_holds() {
    let (start, values) = series_csv::parse(SERIES).unwrap();
    assert_eq!(values.len(), 60);
    let settings = Settings::default();
    let f = project(start, &values, &settings).unwrap();
    let (chosen, naive) = (f.record().unwrap(), f.naive().unwrap());
    for h in [3, 6] {
        assert!(
            chosen.mae_at(h).unwrap() <= naive.mae_at(h).unwrap(),
            "h = {h}: {:?} {:?} vs naive {:?}",
            f.method,
            chosen.mae_at(h),
            naive.mae_at(h)
        );
    }
    let coverage = chosen.coverage.share().unwrap();
    assert!(chosen.coverage.checked >= 100);
    assert!(
        (coverage - settings.level).abs() <= 0.10,
        "coverage {coverage} vs nominal {}",
        settings.level
    );
    // The series has a calendar pattern (February and the graduates' summer): a seasonal
    // method beats the naive one over the last two years.
    assert!(f.method.seasonal(), "{:?}", f.method);
    assert_ne!(f.method, Method::Naive);
}
