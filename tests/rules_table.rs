//! Table tests for every cell of the §5.1 table (PLAN.md) at, just below and just above its
//! boundary, and for the interpretive parameters (docs/rules.md). Every evaluation is also
//! checked against the streaming pass (`common::eval`).
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use uew::model::{Dataset, Scope};
use uew::plan::{Level, RateSeriesRule};
use uew::rules::{
    self, Check, Decider, Engine, RateSource, Series, Status, ThresholdsUsed, TransitionKind,
};

const L1: Level = Level::L1;
const L2: Level = Level::L2;
const L3: Level = Level::L3;

/// Two months of entered registered district rates, evaluated in the second.
fn rate_case(prev: &str, cur: &str) -> Status {
    let mut data = base();
    registered(&mut data, "d", "2026-04", &[prev, cur]);
    eval(&plan(), &data, &Scope::District, "2026-05")
        .rate
        .status
}

fn check_rate_table(rows: &[(&str, &str, &str, Status)]) {
    for (clause, prev, cur, want) in rows {
        assert_eq!(rate_case(prev, cur), *want, "{clause}: {prev} then {cur}");
    }
}

#[test]
fn l1_a_rate_6_5_sustained_two_months() {
    // §5.1-L1-a: ≥ 6.5 % for 2 months; "以上" includes the number (§9).
    check_rate_table(&[
        ("§5.1-L1-a at", "6.5", "6.5", warn(L1)),
        ("§5.1-L1-a below (6.49 → level 2)", "6.49", "6.5", warn(L2)),
        ("§5.1-L1-a below, current month", "6.5", "6.49", warn(L2)),
        ("§5.1-L1-a above", "6.51", "6.51", warn(L1)),
        ("§5.1-L1-a one month only → not 1", "6.0", "6.5", warn(L2)),
        (
            "§5.1-L1-a one month only, nothing else",
            "3.0",
            "6.5",
            Status::Normal,
        ),
    ]);
}

#[test]
fn l2_a_rate_5_5_sustained_two_months() {
    check_rate_table(&[
        ("§5.1-L2-a at", "5.5", "5.5", warn(L2)),
        ("§5.1-L2-a below", "5.49", "5.5", warn(L3)),
        ("§5.1-L2-a above", "5.51", "5.51", warn(L2)),
        ("§5.1-L2-a one month only", "4.0", "5.5", Status::Normal),
    ]);
}

#[test]
fn l3_a_rate_4_5_sustained_two_months() {
    check_rate_table(&[
        ("§5.1-L3-a at", "4.5", "4.5", warn(L3)),
        ("§5.1-L3-a below", "4.49", "4.5", Status::Normal),
        (
            "§5.1-L3-a below, current month",
            "4.5",
            "4.4999",
            Status::Normal,
        ),
        ("§5.1-L3-a above", "4.51", "4.51", warn(L3)),
        ("§5.1-L3-a one month only", "0", "4.5", Status::Normal),
    ]);
}

#[test]
fn a_rates_from_counts_compare_exactly() {
    // §5.1-L1-a with a rate computed from counts: 65 / 1000 is exactly 6.5 %.
    let mut data = base();
    counts(&mut data, "d", "2026-04", 65, 1000);
    counts(&mut data, "d", "2026-05", 13, 200);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    assert_eq!(e.rate.status, warn(L1));
    // 6 499 999 / 100 000 000 is just below 6.5 % (and rounds to 6.5 for display).
    counts(&mut data, "d", "2026-05", 6_499_999, 100_000_000);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    assert_eq!(e.rate.status, warn(L2));
    let shown = &e.rate.series[0].months[1];
    assert_eq!(shown.value, Some(pct("6.5")));
    assert_eq!(
        shown.source,
        Some(RateSource::Counts {
            unemployed: 6_499_999,
            labour_force: 100_000_000
        })
    );
}

#[test]
fn a_district_rate_from_children_counts() {
    // No district figure: Σ unemployed / Σ labour force over the streets' communities.
    let mut data = base();
    for month in ["2026-04", "2026-05"] {
        counts(&mut data, "s1-c", month, 40, 1000); // 4 %
        counts(&mut data, "s2-c", month, 50, 1000); // 5 % → district 4.5 %
    }
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    assert_eq!(e.rate.status, warn(L3));
    match &e.rate.series[0].months[1].source {
        Some(RateSource::Children {
            unemployed,
            labour_force,
            children,
        }) => {
            assert_eq!((*unemployed, *labour_force), (90, 2000));
            assert_eq!(children, &["s1", "s2"]);
        }
        other => panic!("{other:?}"),
    }
    // A child without counts: the sum would be partial, so the month is missing.
    data.observations
        .retain(|o| !(o.region == "s2-c" && o.month == m("2026-05")));
    assert_eq!(
        eval(&plan(), &data, &Scope::District, "2026-05")
            .rate
            .status,
        insufficient(None, L3)
    );
    // An entered district rate takes precedence over the children.
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    assert_eq!(district(&plan(), &data, "2026-05"), Status::Normal);
}

#[test]
fn a_either_series_triggers_but_a_streak_never_mixes() {
    // Open point 1: registered or actual; each series on its own.
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    actual(&mut data, "d", "2026-04", &["6.5", "6.5"]);
    assert_eq!(district(&plan(), &data, "2026-05"), warn(L1));

    let mut data = base();
    registered(&mut data, "d", "2026-04", &["6.5", "3"]);
    actual(&mut data, "d", "2026-04", &["3", "6.5"]);
    assert_eq!(district(&plan(), &data, "2026-05"), Status::Normal);

    // Registered only: the actual rate is not read.
    let mut p = plan();
    p.parameters.rate_series = RateSeriesRule::RegisteredOnly;
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    actual(&mut data, "d", "2026-04", &["6.5", "6.5"]);
    assert_eq!(district(&p, &data, "2026-05"), Status::Normal);
    p.parameters.rate_series = RateSeriesRule::ActualOnly;
    assert_eq!(district(&p, &data, "2026-05"), warn(L1));
}

#[test]
fn a_missing_month_is_insufficient_data_where_it_could_change_the_result() {
    // A missing month breaks "sustained"; the outcome says so instead of "no warning".
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["3", "3", "3"]);
    registered(&mut data, "d", "2026-05", &["6.5"]); // 2026-04 missing
    assert_eq!(district(&plan(), &data, "2026-05"), insufficient(None, L1));
    // Evaluated in the missing month itself: 5.5 before it could still give level 2.
    let mut data = base();
    registered(&mut data, "d", "2026-02", &["3", "5.5"]);
    assert_eq!(district(&plan(), &data, "2026-04"), insufficient(None, L2));
    // Below every threshold in the month that is there: nothing could change.
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["3", "3", "3"]);
    registered(&mut data, "d", "2026-05", &["4.49"]);
    assert_eq!(district(&plan(), &data, "2026-05"), Status::Normal);
    // A level that holds for certain is kept as the lower bound.
    closure(&mut data, "A", "s1", "2026-05-10", 5_000);
    registered(&mut data, "d", "2026-05", &["7"]);
    assert_eq!(
        district(&plan(), &data, "2026-05"),
        insufficient(Some(L3), L1)
    );
    // Before any data at all, nothing is known.
    assert_eq!(
        district(&plan(), &base(), "2026-05"),
        insufficient(None, L1)
    );
}

#[test]
fn a_a_series_that_has_not_started_is_not_missing() {
    // The actual rate starts in 2026-05: 2026-04 is not missing for it, so no doubt arises.
    let mut data = base();
    registered(&mut data, "d", "2026-03", &["3", "3", "3"]);
    actual(&mut data, "d", "2026-05", &["6.5"]);
    assert_eq!(district(&plan(), &data, "2026-05"), Status::Normal);
    // Once started, a gap in it is missing.
    actual(&mut data, "d", "2026-07", &["6.5"]);
    registered(&mut data, "d", "2026-06", &["3", "3"]);
    assert_eq!(district(&plan(), &data, "2026-07"), insufficient(None, L1));
}

#[test]
fn a_sustained_months_parameter_is_honoured() {
    let mut p = plan();
    for spec in &mut p.thresholds.levels {
        spec.rate.as_mut().unwrap().sustained_months = 3;
    }
    let mut data = base();
    registered(&mut data, "d", "2026-03", &["3", "6.5", "6.5"]);
    assert_eq!(district(&p, &data, "2026-05"), Status::Normal);
    registered(&mut data, "d", "2026-03", &["6.5", "6.5", "6.5"]);
    assert_eq!(district(&p, &data, "2026-05"), warn(L1));
}

/// Closures in the district, evaluated in 2026-05.
fn closures_case(people: &[u64]) -> Status {
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    for (i, n) in people.iter().enumerate() {
        closure(&mut data, &format!("E{i}"), "s1", "2026-05-02", *n);
    }
    eval(&plan(), &data, &Scope::District, "2026-05")
        .closures
        .status
}

#[test]
fn b_closures_each_level_at_below_above() {
    for (clause, people, want) in [
        ("§5.1-L1-b at", 15_000, warn(L1)),
        ("§5.1-L1-b below", 14_999, warn(L2)),
        ("§5.1-L1-b above", 15_001, warn(L1)),
        ("§5.1-L2-b at", 10_000, warn(L2)),
        ("§5.1-L2-b below", 9_999, warn(L3)),
        ("§5.1-L2-b above", 10_001, warn(L2)),
        ("§5.1-L3-b at", 5_000, warn(L3)),
        ("§5.1-L3-b below", 4_999, Status::Normal),
        ("§5.1-L3-b above", 5_001, warn(L3)),
    ] {
        assert_eq!(closures_case(&[people]), want, "{clause}: {people}");
    }
    // Several enterprises add up: 10 000 + 5 000.
    assert_eq!(closures_case(&[10_000, 5_000]), warn(L1), "§5.1-L1-b sum");
    assert_eq!(closures_case(&[10_000, 4_999]), warn(L2), "§5.1-L2-b sum");
}

#[test]
fn b_window_edges() {
    // Open point 2: a rolling 3-month window ending at the evaluated month.
    let mut data = base();
    closure(&mut data, "A", "s1", "2026-03-31", 15_000);
    let at = |month: &str| {
        eval(&plan(), &data, &Scope::District, month)
            .closures
            .status
    };
    assert_eq!(at("2026-02"), Status::Normal, "before the event");
    assert_eq!(at("2026-03"), warn(L1));
    assert_eq!(at("2026-05"), warn(L1), "last month of the window");
    assert_eq!(at("2026-06"), Status::Normal, "out of the window");
    let mut p = plan();
    p.parameters.event_window_months = 1;
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-04").closures.status,
        Status::Normal
    );
}

#[test]
fn b_one_or_more_enterprises() {
    // Default: a single enterprise counts (≥ 1).
    assert_eq!(closures_case(&[15_000]), warn(L1));
    let mut p = plan();
    p.parameters.closures_min_enterprises = 2;
    let mut data = base();
    closure(&mut data, "A", "s1", "2026-05-01", 15_000);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").closures.status,
        Status::Normal
    );
    // The same enterprise twice is still one enterprise.
    closure(&mut data, " A ", "s2", "2026-05-02", 1);
    let e = eval(&p, &data, &Scope::District, "2026-05");
    assert_eq!(
        (e.closures.enterprises, e.closures.status),
        (1, Status::Normal)
    );
    closure(&mut data, "B", "s2", "2026-05-03", 1);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").closures.status,
        warn(L1)
    );
}

/// Layoffs of enterprises (workforce, laid off) in 2026-05, evaluated in 2026-05.
fn layoffs_case(rows: &[(u64, u64)]) -> Status {
    let mut data = base();
    for (i, (wf, n)) in rows.iter().enumerate() {
        layoff(&mut data, &format!("E{i}"), "s1", "2026-05-02", *wf, *n);
    }
    eval(&plan(), &data, &Scope::District, "2026-05")
        .layoffs
        .status
}

#[test]
fn c_layoffs_each_level_at_below_above() {
    // Two enterprises of 5 000; Σ laid off / Σ workforce of 10 000.
    for (clause, laid, want) in [
        ("§5.1-L1-c at 60 %", 6_000, warn(L1)),
        ("§5.1-L1-c below 59.99 %", 5_999, warn(L2)),
        ("§5.1-L1-c above 60.01 %", 6_001, warn(L1)),
        ("§5.1-L2-c at 50 %", 5_000, warn(L2)),
        ("§5.1-L2-c below 49.99 %", 4_999, warn(L3)),
        ("§5.1-L2-c above", 5_001, warn(L2)),
        ("§5.1-L3-c at 40 %", 4_000, warn(L3)),
        ("§5.1-L3-c below 39.99 %", 3_999, Status::Normal),
        ("§5.1-L3-c above", 4_001, warn(L3)),
    ] {
        let a = laid / 2;
        assert_eq!(
            layoffs_case(&[(5_000, a), (5_000, laid - a)]),
            want,
            "{clause}"
        );
    }
}

#[test]
fn c_multiple_means_two_enterprises() {
    // Open point 2: one enterprise laying off everyone is not "multiple enterprises".
    assert_eq!(layoffs_case(&[(1_000, 1_000)]), Status::Normal);
    assert_eq!(layoffs_case(&[(1_000, 600), (1_000, 600)]), warn(L1));
    let mut p = plan();
    p.parameters.layoffs_min_enterprises = 1;
    let mut data = base();
    layoff(&mut data, "A", "s1", "2026-05-02", 1_000, 1_000);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").layoffs.status,
        warn(L1)
    );
    // Two layoffs of one enterprise: its largest workforce once, the people laid off summed.
    let mut data = base();
    layoff(&mut data, "A", "s1", "2026-04-02", 1_000, 300);
    layoff(&mut data, "A", "s1", "2026-05-02", 700, 300);
    layoff(&mut data, "B", "s2", "2026-05-02", 1_000, 600);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    assert_eq!(
        (e.layoffs.total_laid_off, e.layoffs.total_workforce),
        (1_200, 2_000)
    );
    assert_eq!(e.layoffs.status, warn(L1));
}

#[test]
fn c_art41_cut_offs() {
    // Labour Contract Law art. 41: ≥ 20 people, or < 20 but ≥ 10 % of the workforce.
    let counted = |wf: u64, laid: u64| {
        let mut data = base();
        layoff(&mut data, "A", "s1", "2026-05-02", wf, laid);
        let e = eval(&plan(), &data, &Scope::District, "2026-05");
        assert_eq!(e.layoffs.counted.len() + e.layoffs.excluded.len(), 1);
        e.layoffs.counted.len() == 1
    };
    assert!(counted(10_000, 20), "20 people, 0.2 %");
    assert!(!counted(10_000, 19), "19 people, 0.19 %");
    assert!(counted(190, 19), "19 people, exactly 10 %");
    assert!(
        !counted(191, 19),
        "19 people, 9.95 % (the nearest to 9.99 % with 19 people)"
    );
    assert!(counted(100, 10), "10 people, 10 %");
    assert!(!counted(10_010, 1), "1 person");
    // The level follows: B's layoff of 1 of 19 (5.3 %) does not count, leaving one enterprise.
    assert_eq!(layoffs_case(&[(20, 20), (19, 19)]), warn(L1));
    assert_eq!(layoffs_case(&[(20, 20), (19, 1)]), Status::Normal);
    let mut p = plan();
    p.parameters.art41.enabled = false;
    let mut data = base();
    layoff(&mut data, "A", "s1", "2026-05-02", 20, 20);
    layoff(&mut data, "B", "s1", "2026-05-02", 19, 1);
    // Without the filter: 21 / 39 = 53.8 %.
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").layoffs.status,
        warn(L2)
    );
}

#[test]
fn c_window_edges() {
    let mut data = base();
    layoff(&mut data, "A", "s1", "2026-03-01", 1_000, 600);
    layoff(&mut data, "B", "s2", "2026-05-31", 1_000, 600);
    let at = |month: &str| eval(&plan(), &data, &Scope::District, month).layoffs.status;
    assert_eq!(at("2026-04"), Status::Normal, "only A");
    assert_eq!(at("2026-05"), warn(L1), "A and B within 3 months");
    assert_eq!(at("2026-06"), Status::Normal, "A left the window");
}

#[test]
fn m_special_determination_needs_consent_and_approval() {
    // §5.1-M: only with the HQ's consent and the city office's approval.
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["3"; 8]);
    special(
        &mut data,
        Scope::District,
        L2,
        Some("2026-03-10"),
        None,
        None,
    );
    special(
        &mut data,
        Scope::District,
        L1,
        None,
        Some("2026-03-10"),
        None,
    );
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    assert_eq!((e.effective, e.decided_by), (Status::Normal, Decider::None));
    assert_eq!(e.pending_special.len(), 2);
    // Approved: in force from the month of the later of the two dates, through `until`.
    special(
        &mut data,
        Scope::District,
        L2,
        Some("2026-03-10"),
        Some("2026-04-02"),
        Some("2026-06"),
    );
    assert_eq!(district(&plan(), &data, "2026-03"), Status::Normal);
    let e = eval(&plan(), &data, &Scope::District, "2026-04");
    assert_eq!((e.effective, e.decided_by), (warn(L2), Decider::Special));
    assert_eq!(
        e.special.as_ref().map(|s| s.effective_from),
        Some(m("2026-04"))
    );
    assert_eq!(district(&plan(), &data, "2026-06"), warn(L2));
    assert_eq!(district(&plan(), &data, "2026-07"), Status::Normal);
    // A street's determination is the street's, not the district's.
    special(
        &mut data,
        street("s1"),
        L1,
        Some("2026-01-01"),
        Some("2026-01-02"),
        None,
    );
    assert_eq!(district(&plan(), &data, "2026-07"), Status::Normal);
    assert_eq!(
        eval(&plan(), &data, &street("s1"), "2026-07").effective,
        warn(L1)
    );
}

#[test]
fn combination_most_severe_wins_and_says_which() {
    // Open point 5: the highest of indicators, special determination and city warning.
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["4.5"; 8]);
    let at = |data: &Dataset, month: &str| {
        let e = eval(&plan(), data, &Scope::District, month);
        (e.effective, e.decided_by)
    };
    assert_eq!(at(&data, "2026-05"), (warn(L3), Decider::Indicators));
    city(&mut data, L2, "2026-05", Some("2026-05"));
    assert_eq!(at(&data, "2026-05"), (warn(L2), Decider::City));
    assert_eq!(at(&data, "2026-06"), (warn(L3), Decider::Indicators));
    // A tie goes to the indicators.
    city(&mut data, L3, "2026-06", None);
    assert_eq!(at(&data, "2026-06"), (warn(L3), Decider::Indicators));
    // A city warning covers the streets too (s2 has no data: level 2 at least, maybe more).
    let s2 = eval(&plan(), &data, &street("s2"), "2026-05");
    assert_eq!(
        (s2.effective, s2.decided_by),
        (insufficient(Some(L2), L1), Decider::City)
    );
    // It settles doubt from missing data when it is at least as severe.
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["3", "6"]);
    assert_eq!(
        at(&data, "2026-03"),
        (insufficient(None, L2), Decider::None)
    );
    city(&mut data, L2, "2026-03", None);
    assert_eq!(at(&data, "2026-03"), (warn(L2), Decider::City));
}

#[test]
fn per_street_thresholds_and_street_never_raises_district() {
    // Open point 4: a street inherits the district's table unless it has its own (§9).
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    registered(&mut data, "s1", "2026-04", &["3.5", "3.5"]);
    registered(&mut data, "s2", "2026-04", &["7", "7"]);
    let s1 = eval(&plan(), &data, &street("s1"), "2026-05");
    assert_eq!(
        (s1.effective, s1.thresholds),
        (Status::Normal, ThresholdsUsed::District)
    );
    let mut own = plan().thresholds;
    for spec in &mut own.levels {
        spec.rate.as_mut().unwrap().min_rate =
            pct(&format!("{}", 3 + 4 - i32::from(spec.level.number())));
    }
    // Own table: level 3 at 4 %, level 2 at 5 %, level 1 at 6 % — 3.5 stays normal; 5 → 2.
    data.street_thresholds.insert("s1".to_owned(), own.clone());
    registered(&mut data, "s1", "2026-04", &["5", "5"]);
    let s1 = eval(&plan(), &data, &street("s1"), "2026-05");
    assert_eq!(s1.effective, warn(L2));
    assert_eq!(
        s1.thresholds,
        ThresholdsUsed::Street {
            street: "s1".to_owned()
        }
    );
    // Under the district table 5 % is level 3.
    data.street_thresholds.clear();
    assert_eq!(
        eval(&plan(), &data, &street("s1"), "2026-05").effective,
        warn(L3)
    );
    // s2 at 7 % is level 1; the district, at 3 %, stays normal.
    assert_eq!(
        eval(&plan(), &data, &street("s2"), "2026-05").effective,
        warn(L1)
    );
    assert_eq!(district(&plan(), &data, "2026-05"), Status::Normal);
}

#[test]
fn events_belong_to_their_street_and_count_for_the_district() {
    let mut data = base();
    closure(&mut data, "A", "s1", "2026-05-01", 3_000);
    closure(&mut data, "B", "s2", "2026-05-01", 3_000);
    assert_eq!(
        eval(&plan(), &data, &Scope::District, "2026-05")
            .closures
            .status,
        warn(L3)
    );
    assert_eq!(
        eval(&plan(), &data, &street("s1"), "2026-05")
            .closures
            .status,
        Status::Normal
    );
    assert_eq!(
        eval(&plan(), &data, &street("s1"), "2026-05")
            .closures
            .events
            .len(),
        1
    );
}

#[test]
fn gaps_to_the_next_level() {
    // "0.3 pp below level 3 in 2026-05".
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["4.6", "4.2"]);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    let g = e.rate.gap.unwrap();
    assert_eq!(
        (g.level, g.series, g.month),
        (L3, Series::Registered, m("2026-05"))
    );
    assert_eq!(
        (g.gap, g.months_at_or_above, g.months_needed),
        (pct("0.3"), 0, 2)
    );
    // At the threshold for one month: no gap, one more month needed.
    registered(&mut data, "d", "2026-04", &["4", "4.5"]);
    let g = eval(&plan(), &data, &Scope::District, "2026-05")
        .rate
        .gap
        .unwrap();
    assert_eq!(
        (g.gap, g.months_at_or_above, g.months_needed),
        (pct("0"), 1, 1)
    );
    // At level 3: the gap is to level 2.
    registered(&mut data, "d", "2026-04", &["4.5", "4.5"]);
    let g = eval(&plan(), &data, &Scope::District, "2026-05")
        .rate
        .gap
        .unwrap();
    assert_eq!((g.level, g.gap), (L2, pct("1")));
    // Closures: 8 700 is level 3; 1 300 more people reach level 2.
    closure(&mut data, "A", "s1", "2026-05-01", 8_700);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    let g = e.closures.gap.unwrap();
    assert_eq!(
        (g.level, g.people_needed, g.enterprises_needed),
        (L2, 1_300, 0)
    );
    // Layoffs: 30 % at one enterprise; 40 % needs 1 000 more and a second enterprise.
    layoff(&mut data, "A", "s1", "2026-05-01", 10_000, 3_000);
    let g = eval(&plan(), &data, &Scope::District, "2026-05")
        .layoffs
        .gap
        .unwrap();
    assert_eq!(
        (g.level, g.people_needed, g.enterprises_needed),
        (L3, Some(1_000), 1)
    );
    // Level 1 has no next level.
    registered(&mut data, "d", "2026-04", &["6.5", "6.5"]);
    assert!(eval(&plan(), &data, &Scope::District, "2026-05")
        .rate
        .gap
        .is_none());
}

#[test]
fn rate_checks_cite_clauses_and_windows() {
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["5.5", "5.5"]);
    let e = eval(&plan(), &data, &Scope::District, "2026-05");
    let ids: Vec<&str> = e.rate.checks.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(ids, ["§5.1-L1-a", "§5.1-L2-a", "§5.1-L3-a"]);
    let results: Vec<Check> = e.rate.checks.iter().map(|c| c.result).collect();
    assert_eq!(results, [Check::NotMet, Check::Met, Check::Met]);
    assert_eq!(e.rate.checks[1].window.from, m("2026-04"));
    let c: Vec<&str> = e
        .closures
        .checks
        .iter()
        .map(|c| c.clause.as_str())
        .collect();
    assert_eq!(c, ["§5.1-L1-b", "§5.1-L2-b", "§5.1-L3-b"]);
    let c: Vec<&str> = e.layoffs.checks.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(c, ["§5.1-L1-c", "§5.1-L2-c", "§5.1-L3-c"]);
}

#[test]
fn timeline_transitions_runs_and_months_since() {
    let mut data = base();
    registered(
        &mut data,
        "d",
        "2026-01",
        &["3", "4.5", "4.5", "5.5", "5.5", "4.5", "3", "3"],
    );
    let t = rules::timeline(&plan(), &data, &Scope::District, m("2026-01"), m("2026-08"));
    let levels: Vec<Option<Level>> = t
        .months
        .iter()
        .map(|x| x.summary.effective.level())
        .collect();
    assert_eq!(
        levels,
        [
            None,
            None,
            Some(L3),
            Some(L3),
            Some(L2),
            Some(L3),
            None,
            None
        ]
    );
    let kinds: Vec<(String, TransitionKind)> = t
        .transitions
        .iter()
        .map(|x| (x.month.to_string(), x.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("2026-03".to_owned(), TransitionKind::Raised),
            ("2026-05".to_owned(), TransitionKind::Escalated),
            ("2026-06".to_owned(), TransitionKind::DeEscalated),
            ("2026-07".to_owned(), TransitionKind::BackToNormal),
        ]
    );
    let runs: Vec<(Option<Level>, u32)> = t.runs.iter().map(|r| (r.level, r.months)).collect();
    assert_eq!(
        runs,
        [
            (None, 2),
            (Some(L3), 2),
            (Some(L2), 1),
            (Some(L3), 1),
            (None, 2)
        ]
    );
    let since: Vec<Option<u32>> = t
        .months
        .iter()
        .map(|x| x.months_since_indicator_warning)
        .collect();
    assert_eq!(
        since,
        [
            None,
            None,
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(1),
            Some(2)
        ]
    );
    // A later start still knows the history before it.
    let t = rules::timeline(&plan(), &data, &Scope::District, m("2026-08"), m("2026-08"));
    assert_eq!(t.months[0].months_since_indicator_warning, Some(2));
    assert!(t.transitions.is_empty());
    let t = rules::timeline(&plan(), &data, &Scope::District, m("2026-07"), m("2026-07"));
    assert_eq!(t.transitions[0].kind, TransitionKind::BackToNormal);
    // An empty range.
    assert!(
        rules::timeline(&plan(), &data, &Scope::District, m("2026-08"), m("2026-01"))
            .months
            .is_empty()
    );
}

#[test]
fn unknown_street_is_insufficient_data_not_normal() {
    let mut data = base();
    registered(&mut data, "d", "2026-04", &["3", "3"]);
    let e = eval(&plan(), &data, &street("nowhere"), "2026-05");
    assert_eq!(e.region, None);
    assert_eq!(e.effective, insufficient(None, L1));
}

#[test]
fn engine_lists_scopes_and_key_groups() {
    let mut data = base();
    counts(&mut data, "s1-c", "2026-05", 10, 100);
    data.observations[0].key_groups.graduates = Some(7);
    let p = plan();
    let engine = Engine::new(&p, &data);
    assert_eq!(
        engine.scopes(),
        [Scope::District, street("s1"), street("s2")]
    );
    assert_eq!(engine.key_groups("s1", m("2026-05")).graduates, Some(7));
    // s2 has no figure, so the district's sum is unknown rather than partial.
    assert_eq!(engine.key_groups("d", m("2026-05")).graduates, None);
}
