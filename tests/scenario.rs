//! What-if scenarios on the demo data: the meeting story in pure form (a closure of 6 000
//! people next month gives level 3 while the baseline stays as it is), trends, "what if the
//! threshold were 5 %", the comparison's diff, every "what it takes" suggestion applied and
//! re-evaluated, serde, and a property test over arbitrary tweaks.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use uew::edit::{CellEdit, Field, FieldKind, Value};
use uew::model::{Dataset, Scope};
use uew::month::Month;
use uew::num::Pct;
use uew::plan::{Level, Plan};
use uew::rules::{self, Engine, Series, Status};
use uew::scenario::{
    apply_tweaks, compare, what_it_takes, CompareError, Criterion, Delta, Figures, Goal, Scenario,
    Scenarios, Tweak, EXERCISE_MARK, MAX_COMPARED,
};

fn m(t: &str) -> Month {
    Month::parse(t).unwrap()
}

fn pct(t: &str) -> Pct {
    Pct::parse(t).unwrap()
}

fn street(id: &str) -> Scope {
    Scope::Street(id.to_owned())
}

fn l(level: Level) -> Status {
    Status::Warning { level }
}

fn baseline() -> (Plan, Dataset) {
    (Plan::binjiang_2020(), uew::demo::dataset())
}

/// The demo's last month is 2026-10; the meeting asks about the next one.
fn next_month() -> Month {
    m("2026-11")
}

fn closure_scenario(id: u32) -> Scenario {
    let mut s = Scenario::new(id, "电子厂关停 · plant closes", "2026-11-02T09:00:00+08:00");
    s.tweaks.push(Tweak::Closure {
        enterprise: "杭州某电子厂".into(),
        street: "xixing".into(),
        month: next_month(),
        unemployed: 6_000,
    });
    s
}

fn trend_scenario(id: u32) -> Scenario {
    let mut s = Scenario::new(id, "每月 +0.2", "2026-11-02T09:05:00+08:00");
    s.tweaks.push(Tweak::Trend {
        region: "binjiang".into(),
        series: Series::Registered,
        step: Delta::tenths(2),
        months: 6,
    });
    s
}

fn threshold_scenario(id: u32) -> Scenario {
    let mut s = Scenario::new(id, "阈值 5%", "2026-11-02T09:10:00+08:00");
    s.tweaks.push(Tweak::Thresholds {
        scope: Scope::District,
        level: Level::L3,
        min_rate: Some(pct("5")),
        sustained_months: None,
        min_unemployed: None,
        min_share: None,
    });
    s
}

#[test]
fn a_closure_next_month_gives_level_3_and_leaves_the_baseline() {
    let (plan, data) = baseline();
    let before = data.clone();
    let plan_before = plan.clone();
    let mut list = Scenarios::new();
    let id = list.create("电子厂关停", "2026-11-02T09:00:00+08:00");
    let s = list.get_mut(id).unwrap();
    s.try_add(
        Tweak::Closure {
            enterprise: "杭州某电子厂".into(),
            street: "xixing".into(),
            month: next_month(),
            unemployed: 6_000,
        },
        &plan,
        &data,
    )
    .unwrap();
    assert!(s.exercise());
    assert_eq!(EXERCISE_MARK.zh, "推演 · EXERCISE");

    let (p, d) = list.get(id).unwrap().apply(&plan, &data).unwrap();
    assert_eq!(data, before, "the baseline dataset is unchanged");
    assert_eq!(plan, plan_before);
    let hyp = rules::evaluate(&p, &d, &Scope::District, next_month());
    assert_eq!(hyp.effective, l(Level::L3));
    assert_eq!(hyp.closures.status, l(Level::L3));
    assert_eq!(hyp.closures.total_unemployed, 6_000);
    let event = hyp.closures.events.first().unwrap();
    assert!(uew::scenario::is_hypothetical(&event.id), "{}", event.id);

    let base = rules::evaluate(&plan, &data, &Scope::District, next_month());
    assert_eq!(base.effective, Status::Normal);
    assert_eq!(d.closures.len(), data.closures.len() + 1);

    // The same seen side by side.
    let s = list.get(id).unwrap();
    let c = compare(
        &plan,
        &data,
        &[s],
        &Scope::District,
        m("2026-09"),
        m("2027-01"),
    )
    .unwrap();
    assert_eq!(c.columns.len(), 2);
    assert!(!c.columns[0].exercise && c.columns[1].exercise);
    let nov = c.months.iter().find(|x| x.month == next_month()).unwrap();
    assert_eq!(nov.columns[0].effective, Status::Normal);
    assert_eq!(nov.columns[1].effective, l(Level::L3));
}

#[test]
fn a_trend_continues_the_last_observed_rate_exactly() {
    let (plan, data) = baseline();
    let engine = Engine::new(&plan, &data);
    let last =
        engine.rate_series("binjiang", Series::Registered, m("2026-10"), m("2026-10"))[0].unwrap();
    let (p, d) = trend_scenario(1).apply(&plan, &data).unwrap();
    let got =
        Engine::new(&p, &d).rate_series("binjiang", Series::Registered, m("2026-11"), m("2027-05"));
    for (k, v) in got.iter().enumerate() {
        let want = (k < 6).then(|| Pct::from_units(last.units() + 2_000 * (k as i64 + 1)));
        assert_eq!(*v, want, "month {k}");
    }
    // The streets keep their own (missing) months; the district's own rate is what changed.
    assert_eq!(
        Engine::new(&p, &d).rate_series("xixing", Series::Registered, m("2026-11"), m("2026-11")),
        vec![None]
    );
}

#[test]
fn what_if_the_threshold_were_5_percent() {
    let (plan, data) = baseline();
    let (p, d) = threshold_scenario(1).apply(&plan, &data).unwrap();
    assert_eq!(
        p.thresholds
            .spec(Level::L3)
            .unwrap()
            .rate
            .as_ref()
            .unwrap()
            .min_rate,
        pct("5")
    );
    let base = Engine::new(&plan, &data);
    let hyp = Engine::new(&p, &d);
    let (from, to) = data.span().unwrap();
    let rates = base.rate_series("binjiang", Series::Registered, from, to);
    let mut changed = 0;
    for (i, month) in from.through(to).enumerate() {
        let b = base.evaluate(&Scope::District, month);
        let h = hyp.evaluate(&Scope::District, month);
        // At 5 % a month counts for level 3 when it and the month before are ≥ 5 %.
        let at = |j: usize| rates[j].is_some_and(|r| r >= pct("5"));
        let l3_by_rate = i > 0 && at(i) && at(i - 1);
        assert_eq!(
            h.rate.status.level() == Some(Level::L3),
            l3_by_rate,
            "{month}"
        );
        // Events and overrides do not depend on the rate threshold.
        assert_eq!(h.closures.status, b.closures.status, "{month}");
        assert_eq!(h.layoffs.status, b.layoffs.status, "{month}");
        changed += usize::from(h.rate.status != b.rate.status);
    }
    // The demo's 2023 and 2025 episodes peak just under 5 %: level 3 by rate is gone.
    assert!(changed >= 4, "{changed}");
    assert_eq!(
        hyp.evaluate(&Scope::District, m("2023-05")).effective,
        Status::Normal
    );
    assert_eq!(
        base.evaluate(&Scope::District, m("2023-05")).effective,
        l(Level::L3)
    );
}

#[test]
fn compare_lists_exactly_the_months_and_criteria_that_differ() {
    let (plan, data) = baseline();
    let (a, b, c) = (
        closure_scenario(1),
        trend_scenario(2),
        threshold_scenario(3),
    );
    let scenarios = [&a, &b, &c];
    let (from, to) = (m("2023-01"), m("2027-06"));
    let cmp = compare(&plan, &data, &scenarios, &Scope::District, from, to).unwrap();
    assert_eq!(cmp.columns.len(), 4);
    assert_eq!(cmp.columns[0].scenario, None);
    assert_eq!(
        cmp.columns
            .iter()
            .skip(1)
            .map(|c| c.scenario)
            .collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3)]
    );
    assert_eq!(cmp.months.len(), 54);
    assert!(cmp.failed.is_empty());

    // Recompute every column independently and check each diff entry and each absence.
    let engines: Vec<(Plan, Dataset)> = std::iter::once((plan.clone(), data.clone()))
        .chain(scenarios.iter().map(|s| s.apply(&plan, &data).unwrap()))
        .collect();
    let evals: Vec<Vec<rules::Evaluation>> = engines
        .iter()
        .map(|(p, d)| {
            let e = Engine::new(p, d);
            from.through(to)
                .map(|mo| e.evaluate(&Scope::District, mo))
                .collect()
        })
        .collect();
    let mut expected = 0;
    for (i, month) in from.through(to).enumerate() {
        for crit in Criterion::ALL {
            let cells: Vec<(Status, Figures)> = evals
                .iter()
                .map(|col| {
                    let e = &col[i];
                    let reg = e
                        .rate
                        .series
                        .iter()
                        .find(|s| s.series == Series::Registered);
                    let act = e.rate.series.iter().find(|s| s.series == Series::Actual);
                    let last = |s: Option<&rules::SeriesEvidence>| {
                        s.and_then(|s| s.months.last()).and_then(|x| x.value)
                    };
                    match crit {
                        Criterion::Effective => (
                            e.effective,
                            Figures::Effective {
                                decided_by: e.decided_by,
                            },
                        ),
                        Criterion::Rate => (
                            e.rate.status,
                            Figures::Rate {
                                registered: last(reg),
                                actual: last(act),
                            },
                        ),
                        Criterion::Closures => (
                            e.closures.status,
                            Figures::Closures {
                                window_total: e.closures.total_unemployed,
                            },
                        ),
                        Criterion::Layoffs => (
                            e.layoffs.status,
                            Figures::Layoffs {
                                share: e.layoffs.share,
                                laid_off: e.layoffs.total_laid_off,
                            },
                        ),
                    }
                })
                .collect();
            let differs = cells.iter().any(|c| *c != cells[0]);
            let entry = cmp
                .diffs
                .iter()
                .find(|d| d.month == month && d.criterion == crit);
            assert_eq!(entry.is_some(), differs, "{month} {crit:?}");
            if let Some(d) = entry {
                expected += 1;
                let got: Vec<(Status, Figures)> = d
                    .cells
                    .iter()
                    .map(|c| (c.status, c.figures.clone()))
                    .collect();
                assert_eq!(got, cells, "{month} {crit:?}");
                assert_eq!(
                    d.level_differs,
                    cells.iter().any(|c| c.0 != cells[0].0),
                    "{month} {crit:?}"
                );
            }
            for (k, col) in cmp.months[i].columns.iter().enumerate() {
                assert_eq!(*col, evals[k][i].summary(), "{month} column {k}");
            }
        }
    }
    assert_eq!(cmp.diffs.len(), expected);
    // The story's headline differences are among them.
    let has = |month: &str, crit: Criterion| {
        cmp.diffs
            .iter()
            .any(|d| d.month == m(month) && d.criterion == crit && d.level_differs)
    };
    assert!(has("2026-11", Criterion::Closures));
    assert!(has("2026-11", Criterion::Effective));
    assert!(has("2023-05", Criterion::Rate));
    // The trend raises the district rate every month without (yet) a level: figures only.
    let dec = cmp
        .diffs
        .iter()
        .find(|d| d.month == m("2026-12") && d.criterion == Criterion::Rate)
        .unwrap();
    assert!(matches!(
        dec.cells[2].figures,
        Figures::Rate {
            registered: Some(_),
            ..
        }
    ));
}

#[test]
fn compare_refuses_too_many_and_reports_broken_scenarios() {
    let (plan, data) = baseline();
    let s: Vec<Scenario> = (1..=4).map(closure_scenario).collect();
    let refs: Vec<&Scenario> = s.iter().collect();
    assert_eq!(
        compare(
            &plan,
            &data,
            &refs,
            &Scope::District,
            m("2026-01"),
            m("2026-12")
        ),
        Err(CompareError::TooManyScenarios { given: 4 })
    );
    assert_eq!(MAX_COMPARED, 3);
    let mut broken = Scenario::new(9, "broken", "t");
    broken.tweaks.push(Tweak::Trend {
        region: "gone".into(),
        series: Series::Registered,
        step: Delta::tenths(1),
        months: 3,
    });
    let c = compare(
        &plan,
        &data,
        &[&s[0], &broken],
        &street("xixing"),
        m("2026-01"),
        m("2026-12"),
    )
    .unwrap();
    assert_eq!(c.columns.len(), 2);
    assert_eq!(c.failed.len(), 1);
    assert_eq!(c.failed[0].scenario, 9);
    assert_eq!(c.failed[0].error.index, 0);
    // Only the baseline: nothing to diff.
    let alone = compare(
        &plan,
        &data,
        &[],
        &Scope::District,
        m("2026-01"),
        m("2026-12"),
    )
    .unwrap();
    assert!(alone.diffs.is_empty());
    assert_eq!(alone.months.len(), 12);
    assert!(matches!(
        compare(&plan, &data, &[], &Scope::District, Month::MIN, Month::MAX),
        Err(CompareError::RangeTooLong { .. })
    ));
}

/// Applies a suggestion and re-evaluates with the evidence path (independent of the
/// streaming pass `what_it_takes` checked with).
fn check_suggestion(plan: &Plan, data: &Dataset, scope: &Scope, s: &uew::scenario::Suggestion) {
    let before = data.clone();
    let (p, d) = apply_tweaks(plan, data, &s.tweaks).unwrap();
    assert_eq!(*data, before);
    let got = rules::evaluate(&p, &d, scope, s.month).summary();
    assert_eq!(got, s.result, "{}", s.text.en);
    assert!(s.holds(&got), "{}", s.text.en);
    match s.goal {
        Goal::Reach { level } => {
            assert_eq!(got.effective.level(), Some(level), "{}", s.text.en);
            if !s.uncertain() {
                assert_eq!(got.effective, l(level), "{}", s.text.en);
            }
            assert_eq!(s.via.status(&got).level(), Some(level), "{}", s.text.en);
        }
        Goal::Normal => assert_eq!(s.via.status(&got), Status::Normal, "{}", s.text.en),
    }
    assert!(!s.text.zh.is_empty() && !s.text.en.is_empty());
}

#[test]
fn every_suggestion_gives_exactly_its_outcome() {
    let (plan, data) = baseline();
    let mut checked = 0;
    let scopes = [
        Scope::District,
        street("xixing"),
        street("changhe"),
        street("puyan"),
        street("xixing-dongguan"),
    ];
    for scope in &scopes {
        for month in [
            "2022-05", "2023-05", "2023-06", "2024-06", "2025-05", "2025-06", "2025-08", "2026-10",
            "2026-11", "2027-02",
        ] {
            let w = what_it_takes(&plan, &data, scope, m(month));
            assert_eq!(w.levels.len(), 3);
            let current = w.current.effective.level();
            for lr in &w.levels {
                assert_eq!(lr.already, current >= Some(lr.level), "{scope} {month}");
                if lr.already {
                    assert!(lr.suggestions.is_empty());
                }
                for s in &lr.suggestions {
                    assert_eq!(s.goal, Goal::Reach { level: lr.level });
                    assert_eq!(s.month, m(month));
                    check_suggestion(&plan, &data, scope, s);
                    checked += 1;
                }
            }
            assert_eq!(
                w.normal.is_empty(),
                w.current.effective == Status::Normal,
                "{scope} {month}"
            );
            for s in &w.normal {
                assert_eq!(s.goal, Goal::Normal);
                assert!(s.month >= m(month));
                check_suggestion(&plan, &data, scope, s);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn the_district_in_the_last_month_has_all_three_ways_to_each_level() {
    let (plan, data) = baseline();
    let month = m("2026-10");
    let w = what_it_takes(&plan, &data, &Scope::District, month);
    assert_eq!(w.current.effective, Status::Normal);
    for lr in &w.levels {
        let via: Vec<Criterion> = lr.suggestions.iter().map(|s| s.via).collect();
        assert_eq!(
            via,
            [Criterion::Rate, Criterion::Closures, Criterion::Layoffs],
            "{:?}",
            lr.level
        );
    }
    let l3 = &w.levels[0];
    // (a) the rate at the threshold in the two months of the window.
    let rate = &l3.suggestions[0];
    assert_eq!(
        rate.tweaks,
        [Tweak::SetCells {
            cells: ["2026-09", "2026-10"]
                .iter()
                .map(|mo| CellEdit::new(
                    "binjiang",
                    m(mo),
                    Field::RegisteredRate,
                    Some(Value::Rate(pct("4.5")))
                ))
                .collect()
        }]
    );
    assert!(
        rate.text.en.contains("≥ 4.5 % in 2026-09 and 2026-10"),
        "{}",
        rate.text.en
    );
    // (b) 5 000 people: none are in the window.
    let closures = &l3.suggestions[1];
    let five_thousand = uew::num::group_thousands(5_000);
    assert!(
        closures
            .text
            .en
            .starts_with(&format!("{five_thousand} more people")),
        "{}",
        closures.text.en
    );
    assert_eq!(
        closures.tweaks,
        [Tweak::Closure {
            enterprise: "假设企业 1 (hypothetical)".into(),
            street: "binjiang".into(),
            month,
            unemployed: 5_000
        }]
    );
    // (c) no layoff in the window: two hypothetical enterprises with a stated workforce.
    let layoffs = &l3.suggestions[2];
    assert_eq!(layoffs.tweaks.len(), 2);
    assert!(
        layoffs.text.en.contains("2 hypothetical enterprise(s)"),
        "{}",
        layoffs.text.en
    );
}

#[test]
fn suggestions_are_the_smallest_change() {
    let (plan, data) = baseline();
    for (scope, month) in [
        (Scope::District, "2026-10"),
        (Scope::District, "2025-06"),
        (street("xixing"), "2025-05"),
        (street("changhe"), "2023-06"),
    ] {
        let w = what_it_takes(&plan, &data, &scope, m(month));
        for lr in &w.levels {
            for s in &lr.suggestions {
                // One person fewer (closures), one month fewer or 0.0001 pp lower (rate):
                // the level is not reached.
                let smaller: Vec<Vec<Tweak>> = match s.via {
                    Criterion::Closures => {
                        let mut t = s.tweaks.clone();
                        if let Some(Tweak::Closure { unemployed, .. }) = t.last_mut() {
                            *unemployed -= 1;
                        }
                        vec![t]
                    }
                    Criterion::Rate => {
                        let Tweak::SetCells { cells } = &s.tweaks[0] else {
                            panic!("rate suggestions set cells")
                        };
                        let mut out = Vec::new();
                        for k in 0..cells.len() {
                            let mut fewer = cells.clone();
                            fewer.remove(k);
                            out.push(vec![Tweak::SetCells { cells: fewer }]);
                            let mut lower = cells.clone();
                            if let Some(Value::Rate(p)) = lower[k].value {
                                lower[k].value = Some(Value::Rate(Pct::from_units(p.units() - 1)));
                            }
                            out.push(vec![Tweak::SetCells { cells: lower }]);
                        }
                        out
                    }
                    Criterion::Layoffs => {
                        let mut t = s.tweaks.clone();
                        if let Some(Tweak::Layoff { laid_off, .. }) = t.last_mut() {
                            *laid_off -= 1;
                        }
                        vec![t]
                    }
                    _ => Vec::new(),
                };
                for t in smaller {
                    let (p, d) = apply_tweaks(&plan, &data, &t).unwrap();
                    let got = rules::evaluate(&p, &d, &scope, s.month).summary();
                    assert!(
                        s.via.status(&got).level() < Some(lr.level),
                        "{scope} {month} {}",
                        s.text.en
                    );
                }
            }
        }
    }
}

#[test]
fn back_to_normal_after_the_2025_closures() {
    let (plan, data) = baseline();
    let w = what_it_takes(&plan, &data, &Scope::District, m("2025-06"));
    assert_eq!(w.current.effective, l(Level::L2));
    let closures = w
        .normal
        .iter()
        .find(|s| s.via == Criterion::Closures)
        .unwrap();
    assert!(closures.tweaks.is_empty());
    assert_eq!(closures.month, m("2025-08"));
    assert!(closures
        .text
        .en
        .contains("normal from 2025-08 if no new events"));
    let all = w
        .normal
        .iter()
        .find(|s| s.via == Criterion::Effective)
        .unwrap();
    assert_eq!(all.result.effective, Status::Normal);
    assert_eq!(all.month, m("2025-08"));
    // The rate keeps level 3 in 2025-08 unless it is below 4.5 %: that is the one change.
    assert_eq!(all.tweaks.len(), 1);
}

#[test]
fn scenarios_round_trip_through_json() {
    let (plan, data) = baseline();
    let mut list = Scenarios::new();
    let a = list.create("电子厂关停", "2026-11-02T09:00:00+08:00");
    for t in [
        closure_scenario(0).tweaks,
        trend_scenario(0).tweaks,
        threshold_scenario(0).tweaks,
    ]
    .concat()
    {
        list.get_mut(a).unwrap().try_add(t, &plan, &data).unwrap();
    }
    // A suggestion's tweaks are ordinary tweaks too.
    let w = what_it_takes(&plan, &data, &street("puyan"), m("2026-10"));
    let b = list.create("what it takes", "2026-11-02T09:20:00+08:00");
    for s in w.levels.iter().flat_map(|l| &l.suggestions).take(3) {
        list.get_mut(b).unwrap().tweaks.extend(s.tweaks.clone());
    }
    list.duplicate(a, "2026-11-02T09:30:00+08:00").unwrap();
    let json = serde_json::to_string_pretty(&list).unwrap();
    let back: Scenarios = serde_json::from_str(&json).unwrap();
    assert_eq!(back, list);
    for (x, y) in back.list().iter().zip(list.list()) {
        assert_eq!(x.apply(&plan, &data), y.apply(&plan, &data));
    }
    let w_json = serde_json::to_string(&w).unwrap();
    assert_eq!(
        serde_json::from_str::<uew::scenario::WhatItTakes>(&w_json).unwrap(),
        w
    );
}

// ---------------------------------------------------------------------------------------------
// Property: arbitrary tweaks never change the baseline and never panic.

const REGIONS: [&str; 6] = [
    "binjiang",
    "xixing",
    "changhe",
    "puyan",
    "xixing-dongguan",
    "nowhere",
];

fn any_month() -> impl Strategy<Value = Month> {
    prop_oneof![
        4 => (2021i64..2029, 1u32..=12).prop_map(|(y, mo)| Month::new(y as i32, mo).unwrap()),
        1 => Just(Month::MAX),
        1 => Just(Month::MIN),
    ]
}

fn any_pct() -> impl Strategy<Value = Pct> {
    prop_oneof![
        6 => (0i64..=120_000).prop_map(Pct::from_units),
        1 => (-2_000_000i64..=2_000_000).prop_map(Pct::from_units),
    ]
}

fn any_series() -> impl Strategy<Value = Series> {
    prop_oneof![Just(Series::Registered), Just(Series::Actual)]
}

fn any_region() -> impl Strategy<Value = String> {
    proptest::sample::select(REGIONS.to_vec()).prop_map(str::to_owned)
}

fn any_level() -> impl Strategy<Value = Level> {
    prop_oneof![Just(Level::L1), Just(Level::L2), Just(Level::L3)]
}

fn any_field() -> impl Strategy<Value = Field> {
    proptest::sample::select(Field::ALL.to_vec())
}

fn any_cell() -> impl Strategy<Value = CellEdit> {
    (
        any_region(),
        any_month(),
        any_field(),
        prop_oneof![
            1 => Just(None),
            2 => any_pct().prop_map(|p| Some(Value::Rate(p))),
            2 => (0u64..200_000).prop_map(|n| Some(Value::Count(n))),
        ],
    )
        .prop_map(|(r, mo, f, v)| CellEdit::new(&r, mo, f, v))
}

fn any_tweak() -> impl Strategy<Value = Tweak> {
    prop_oneof![
        (
            any_region(),
            any_series(),
            proptest::option::of(any_month()),
            proptest::collection::vec(any_pct(), 0..8)
        )
            .prop_map(|(region, series, from, values)| Tweak::ExtendRates {
                region,
                series,
                from,
                values
            }),
        (any_region(), any_series(), -30_000i64..30_000, 0u32..30).prop_map(
            |(region, series, step, months)| Tweak::Trend {
                region,
                series,
                step: Delta::from_units(step),
                months
            }
        ),
        proptest::collection::vec(any_cell(), 0..5).prop_map(|cells| Tweak::SetCells { cells }),
        (any_region(), any_month(), 0u64..20_000).prop_map(|(street, month, unemployed)| {
            Tweak::Closure {
                enterprise: "E".into(),
                street,
                month,
                unemployed,
            }
        }),
        (any_region(), any_month(), 0u64..5_000, 0u64..5_000).prop_map(
            |(street, month, workforce, laid_off)| Tweak::Layoff {
                enterprise: "F".into(),
                street,
                month,
                workforce,
                laid_off,
            }
        ),
        (
            prop_oneof![Just(Scope::District), any_region().prop_map(Scope::Street)],
            any_level(),
            proptest::option::of(any_pct()),
            proptest::option::of(0u32..2_000),
            proptest::option::of(0u64..30_000),
            proptest::option::of(any_pct())
        )
            .prop_map(
                |(scope, level, min_rate, sustained_months, min_unemployed, min_share)| {
                    Tweak::Thresholds {
                        scope,
                        level,
                        min_rate,
                        sustained_months,
                        min_unemployed,
                        min_share,
                    }
                }
            ),
        (0u32..2_000).prop_map(|months| Tweak::EventWindow { months }),
        (proptest::option::of(0u32..4), proptest::option::of(0u32..4))
            .prop_map(|(closures, layoffs)| Tweak::MultipleEnterprises { closures, layoffs }),
        any::<bool>().prop_map(|enabled| Tweak::Art41 { enabled }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn applying_never_changes_the_baseline_or_panics(
        tweaks in proptest::collection::vec(any_tweak(), 0..6),
        month in (2025i64..2028, 1u32..=12).prop_map(|(y, mo)| Month::new(y as i32, mo).unwrap()),
    ) {
        let (plan, data) = baseline();
        let (plan0, data0) = (plan.clone(), data.clone());
        let mut s = Scenario::new(1, "p", "t");
        s.tweaks = tweaks;
        let applied = s.apply(&plan, &data);
        prop_assert_eq!(&data, &data0);
        prop_assert_eq!(&plan, &plan0);
        for t in &s.tweaks {
            let _ = t.describe(&data);
        }
        // A cell whose value is of the other kind cannot be written back as it was (its text
        // is read by the field's own parser); every other tweak round-trips exactly.
        let well_kinded = s.tweaks.iter().all(|t| match t {
            Tweak::SetCells { cells } => cells.iter().all(|c| {
                matches!(
                    (c.field.kind(), c.value),
                    (_, None)
                        | (FieldKind::Rate, Some(Value::Rate(_)))
                        | (FieldKind::Count, Some(Value::Count(_)))
                )
            }),
            _ => true,
        });
        let json = serde_json::to_string(&s).unwrap();
        if let (true, Ok(back)) = (well_kinded, serde_json::from_str::<Scenario>(&json)) {
            prop_assert_eq!(&back, &s);
        }
        if let Ok((p, d)) = applied {
            let engine = Engine::new(&p, &d);
            for scope in engine.scopes() {
                let _ = engine.timeline(&scope, m("2025-01"), m("2027-12"));
            }
            let w = what_it_takes(&p, &d, &Scope::District, month);
            for sug in w.levels.iter().flat_map(|l| &l.suggestions).chain(&w.normal) {
                let (p2, d2) = apply_tweaks(&p, &d, &sug.tweaks).unwrap();
                let got = rules::evaluate(&p2, &d2, &Scope::District, sug.month).summary();
                prop_assert!(sug.holds(&got), "{}", sug.text.en);
            }
            let c = compare(&plan, &data, &[&s], &Scope::District, m("2026-01"), m("2027-06"));
            prop_assert!(c.is_ok());
        }
    }
}
