use super::*;
use crate::edit::{CellEdit, Field, Value};
use crate::i18n::Lang;
use crate::model::{Observation, Region, RegionKind, Scope};
use crate::month::Month;
use crate::num::Pct;
use crate::plan::Level;
use crate::rules::{Engine, Series, Status};

fn m(t: &str) -> Month {
    Month::parse(t).unwrap()
}

fn pct(t: &str) -> Pct {
    Pct::parse(t).unwrap()
}

/// District `d` with street `s` (rates entered for `d` in 2026-01 … 2026-03: 3, 3.5, 4 %).
fn small() -> (Plan, Dataset) {
    let mut data = Dataset {
        regions: vec![
            Region::new("d", RegionKind::District, "区", None),
            Region::new("s", RegionKind::Street, "街道", Some("d")),
        ],
        ..Dataset::default()
    };
    for (month, rate) in [("2026-01", "3"), ("2026-02", "3.5"), ("2026-03", "4")] {
        let mut o = Observation::new("d", m(month));
        o.registered_rate = Some(pct(rate));
        data.observations.push(o);
    }
    (Plan::binjiang_2020(), data)
}

fn rates(plan: &Plan, data: &Dataset, from: &str, to: &str) -> Vec<Option<Pct>> {
    Engine::new(plan, data).rate_series("d", Series::Registered, m(from), m(to))
}

#[test]
fn delta_reads_and_writes_its_sign() {
    assert_eq!(Delta::parse("+0.2"), Ok(Delta::tenths(2)));
    assert_eq!(Delta::parse("0.2"), Ok(Delta::tenths(2)));
    assert_eq!(Delta::parse("-0.15"), Ok(Delta::hundredths(-15)));
    assert_eq!(Delta::parse(" −1 "), Ok(Delta::tenths(-10)));
    assert!(Delta::parse("--1").is_err());
    assert!(Delta::parse("101").is_err());
    assert_eq!(Delta::tenths(2).to_string(), "+0.2");
    assert_eq!(Delta::hundredths(-15).to_string(), "-0.15");
    assert_eq!(Delta::default().to_string(), "0");
    let json = serde_json::to_string(&Delta::hundredths(-15)).unwrap();
    assert_eq!(json, "\"-0.15\"");
    assert_eq!(
        serde_json::from_str::<Delta>(&json).unwrap(),
        Delta::hundredths(-15)
    );
    assert_eq!(
        serde_json::from_str::<Delta>("0.2").unwrap(),
        Delta::tenths(2)
    );
}

#[test]
fn trend_adds_exact_steps_from_the_last_value() {
    let (plan, data) = small();
    let t = Tweak::Trend {
        region: "d".into(),
        series: Series::Registered,
        step: Delta::tenths(2),
        months: 6,
    };
    let (p, d) = apply_tweaks(&plan, &data, &[t]).unwrap();
    let got = rates(&p, &d, "2026-04", "2026-10");
    let want: Vec<Option<Pct>> = ["4.2", "4.4", "4.6", "4.8", "5", "5.2"]
        .iter()
        .map(|v| Some(pct(v)))
        .chain([None])
        .collect();
    assert_eq!(got, want);
    // The baseline months are untouched.
    assert_eq!(
        rates(&p, &d, "2026-01", "2026-03"),
        rates(&plan, &data, "2026-01", "2026-03")
    );
}

#[test]
fn trend_is_clamped_to_0_and_100() {
    let (plan, data) = small();
    let up = Tweak::Trend {
        region: "d".into(),
        series: Series::Registered,
        step: Delta::tenths(400),
        months: 4,
    };
    let (p, d) = apply_tweaks(&plan, &data, &[up]).unwrap();
    let got = rates(&p, &d, "2026-04", "2026-07");
    assert_eq!(
        got,
        ["44", "84", "100", "100"]
            .iter()
            .map(|v| Some(pct(v)))
            .collect::<Vec<_>>()
    );
    let down = Tweak::Trend {
        region: "d".into(),
        series: Series::Registered,
        step: Delta::tenths(-15),
        months: 4,
    };
    let (p, d) = apply_tweaks(&plan, &data, &[down]).unwrap();
    let got = rates(&p, &d, "2026-04", "2026-07");
    assert_eq!(
        got,
        ["2.5", "1", "0", "0"]
            .iter()
            .map(|v| Some(pct(v)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn tweaks_chain_in_order() {
    let (plan, data) = small();
    let extend = Tweak::ExtendRates {
        region: "d".into(),
        series: Series::Registered,
        from: None,
        values: vec![pct("5"), pct("5.5")],
    };
    let trend = Tweak::Trend {
        region: "d".into(),
        series: Series::Registered,
        step: Delta::tenths(-1),
        months: 2,
    };
    let (p, d) = apply_tweaks(&plan, &data, &[extend, trend]).unwrap();
    let got = rates(&p, &d, "2026-04", "2026-07");
    assert_eq!(
        got,
        ["5", "5.5", "5.4", "5.3"]
            .iter()
            .map(|v| Some(pct(v)))
            .collect::<Vec<_>>()
    );
    let at = Tweak::ExtendRates {
        region: "d".into(),
        series: Series::Actual,
        from: Some(m("2026-02")),
        values: vec![pct("6")],
    };
    let (_, d) = apply_tweaks(&plan, &data, &[at]).unwrap();
    assert_eq!(
        d.observation("d", m("2026-02")).unwrap().actual_rate,
        Some(pct("6"))
    );
}

#[test]
fn errors_name_the_tweak_and_leave_the_inputs() {
    let (plan, data) = small();
    let good = Tweak::EventWindow { months: 6 };
    let cases = [
        (
            Tweak::Trend {
                region: "nowhere".into(),
                series: Series::Registered,
                step: Delta::tenths(1),
                months: 1,
            },
            TweakProblem::UnknownRegion {
                region: "nowhere".into(),
            },
        ),
        (
            Tweak::Trend {
                region: "s".into(),
                series: Series::Registered,
                step: Delta::tenths(1),
                months: 1,
            },
            TweakProblem::NoValue {
                region: "s".into(),
                series: Series::Registered,
            },
        ),
        (
            Tweak::Trend {
                region: "d".into(),
                series: Series::Registered,
                step: Delta::tenths(1),
                months: MAX_MONTHS_PLUS_ONE,
            },
            TweakProblem::TooManyMonths {
                months: u64::from(MAX_MONTHS_PLUS_ONE),
            },
        ),
        (
            Tweak::EventWindow { months: 0 },
            TweakProblem::MonthsOutOfRange { months: 0 },
        ),
        (
            Tweak::MultipleEnterprises {
                closures: Some(0),
                layoffs: None,
            },
            TweakProblem::NoEnterprises,
        ),
        (
            Tweak::Thresholds {
                scope: Scope::District,
                level: Level::L3,
                min_rate: Some(Pct::from_units(1_000_001)),
                sustained_months: None,
                min_unemployed: None,
                min_share: None,
            },
            TweakProblem::RateOutOfRange {
                value: Pct::from_units(1_000_001),
            },
        ),
        (
            Tweak::ExtendRates {
                region: "d".into(),
                series: Series::Registered,
                from: Some(Month::MAX),
                values: vec![pct("1"), pct("2")],
            },
            TweakProblem::MonthOutOfRange,
        ),
    ];
    for (bad, problem) in cases {
        let err = apply_tweaks(&plan, &data, &[good.clone(), bad.clone()]).unwrap_err();
        assert_eq!(err.index, 1, "{bad:?}");
        assert_eq!(err.problem, problem, "{bad:?}");
        assert!(err.message(Lang::Zh).starts_with("第 2 项假设"));
        assert!(err.message(Lang::En).starts_with("change 2:"));
    }
    let closure = Tweak::Closure {
        enterprise: "X".into(),
        street: "nowhere".into(),
        month: m("2026-04"),
        unemployed: 10,
    };
    let err = apply_tweaks(&plan, &data, &[closure]).unwrap_err();
    assert!(matches!(err.problem, TweakProblem::Edit(_)));
    assert_eq!(data, small().1);
}

const MAX_MONTHS_PLUS_ONE: u32 = crate::rules::MAX_MONTHS + 1;

#[test]
fn hypothetical_events_are_marked_and_unique() {
    let (plan, mut data) = small();
    // A recorded event that happens to use the id the first tweak would get.
    data.closures.push(crate::model::ClosureEvent {
        id: "HYP-C-1".into(),
        enterprise: "A".into(),
        industry: String::new(),
        street: "s".into(),
        date: crate::month::Date::new(2026, 1, 5).unwrap(),
        unemployed: 1,
    });
    let tweaks = [
        Tweak::Closure {
            enterprise: " B ".into(),
            street: "s".into(),
            month: m("2026-04"),
            unemployed: 6_000,
        },
        Tweak::Layoff {
            enterprise: "C".into(),
            street: "d".into(),
            month: m("2026-04"),
            workforce: 100,
            laid_off: 50,
        },
    ];
    let (_, d) = apply_tweaks(&plan, &data, &tweaks).unwrap();
    let ids: Vec<&str> = d.closures.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["HYP-C-1", "HYP-C-1-2"]);
    assert_eq!(d.closures.last().unwrap().enterprise, "B");
    assert_eq!(d.layoffs.first().unwrap().id, "HYP-L-2");
    assert!(is_hypothetical(&d.layoffs.first().unwrap().id));
    assert!(!is_hypothetical("C-2025-01"));
}

#[test]
fn parameter_tweaks_change_the_plan_or_a_street_table() {
    let (plan, data) = small();
    let tweaks = [
        Tweak::Thresholds {
            scope: Scope::District,
            level: Level::L3,
            min_rate: Some(pct("5")),
            sustained_months: Some(3),
            min_unemployed: Some(4_000),
            min_share: Some(pct("30")),
        },
        Tweak::Thresholds {
            scope: Scope::Street("s".into()),
            level: Level::L2,
            min_rate: Some(pct("6")),
            sustained_months: None,
            min_unemployed: None,
            min_share: None,
        },
        Tweak::EventWindow { months: 6 },
        Tweak::MultipleEnterprises {
            closures: Some(2),
            layoffs: Some(3),
        },
        Tweak::Art41 { enabled: false },
    ];
    let (p, d) = apply_tweaks(&plan, &data, &tweaks).unwrap();
    let l3 = p.thresholds.spec(Level::L3).unwrap();
    assert_eq!(l3.rate.as_ref().unwrap().min_rate, pct("5"));
    assert_eq!(l3.rate.as_ref().unwrap().sustained_months, 3);
    assert_eq!(l3.closures.as_ref().unwrap().min_unemployed, 4_000);
    assert_eq!(l3.layoffs.as_ref().unwrap().min_share, pct("30"));
    // The street's own table starts from the district's as tweaked so far.
    let own = d.street_thresholds.get("s").unwrap();
    assert_eq!(
        own.spec(Level::L2).unwrap().rate.as_ref().unwrap().min_rate,
        pct("6")
    );
    assert_eq!(
        own.spec(Level::L3).unwrap().rate.as_ref().unwrap().min_rate,
        pct("5")
    );
    assert_eq!(p.parameters.event_window_months, 6);
    assert_eq!(p.parameters.closures_min_enterprises, 2);
    assert_eq!(p.parameters.layoffs_min_enterprises, 3);
    assert!(!p.parameters.art41.enabled);
    // The inputs are not touched.
    assert_eq!(plan, Plan::binjiang_2020());
    assert!(data.street_thresholds.is_empty());
}

#[test]
fn every_tweak_describes_itself_in_both_languages() {
    let data = crate::demo::dataset();
    let tweaks = all_kinds();
    for t in &tweaks {
        let d = t.describe(&data);
        assert!(!d.zh.is_empty() && !d.en.is_empty(), "{t:?}");
        assert_ne!(d.zh, d.en, "{t:?}");
    }
    let named = tweaks.first().unwrap().describe(&data);
    assert!(named.zh.contains("西兴街道"), "{}", named.zh);
    assert!(named.en.contains("Xixing Subdistrict"), "{}", named.en);
    assert_eq!(
        tweaks.first().unwrap().scope(&data),
        Some(Scope::Street("xixing".into()))
    );
    let trend = &tweaks[1];
    assert_eq!(trend.scope(&data), Some(Scope::District));
    assert!(trend
        .describe(&data)
        .en
        .contains("+0.2 pp per month for 6 months"));
    assert_eq!(Tweak::Art41 { enabled: true }.scope(&data), None);
}

/// One tweak of every kind, valid on the demo data.
pub(crate) fn all_kinds() -> Vec<Tweak> {
    vec![
        Tweak::ExtendRates {
            region: "xixing".into(),
            series: Series::Registered,
            from: None,
            values: vec![pct("4.8"), pct("5"), pct("5.2")],
        },
        Tweak::Trend {
            region: "binjiang".into(),
            series: Series::Registered,
            step: Delta::tenths(2),
            months: 6,
        },
        Tweak::SetCells {
            cells: vec![
                CellEdit::new(
                    "xixing-dongguan",
                    m("2026-10"),
                    Field::Unemployed,
                    Some(Value::Count(1_500)),
                ),
                CellEdit::new(
                    "puyan",
                    m("2026-09"),
                    Field::ActualRate,
                    Some(Value::Rate(pct("4.75"))),
                ),
                CellEdit::new("puyan-xinpu", m("2026-08"), Field::Graduates, None),
            ],
        },
        Tweak::Closure {
            enterprise: "杭州某电子厂".into(),
            street: "changhe".into(),
            month: m("2026-11"),
            unemployed: 6_000,
        },
        Tweak::Layoff {
            enterprise: "杭州某软件公司".into(),
            street: "puyan".into(),
            month: m("2026-11"),
            workforce: 2_000,
            laid_off: 900,
        },
        Tweak::Thresholds {
            scope: Scope::Street("xixing".into()),
            level: Level::L3,
            min_rate: Some(pct("5")),
            sustained_months: Some(3),
            min_unemployed: Some(4_000),
            min_share: Some(pct("35")),
        },
        Tweak::EventWindow { months: 6 },
        Tweak::MultipleEnterprises {
            closures: Some(2),
            layoffs: None,
        },
        Tweak::Art41 { enabled: false },
    ]
}

#[test]
fn tweaks_round_trip_through_json() {
    let tweaks = all_kinds();
    let json = serde_json::to_string(&tweaks).unwrap();
    let back: Vec<Tweak> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, tweaks);
    assert!(json.contains(r#""kind":"trend""#), "{json}");
    assert!(json.contains(r#""step":"+0.2""#), "{json}");
    assert!(
        json.contains(r#""field":"actual_rate","value":"4.75""#),
        "{json}"
    );
    // A district-wide thresholds tweak omits its scope; reading it back gives the district.
    let t: Tweak =
        serde_json::from_str(r#"{"kind":"thresholds","level":"3","min_rate":5}"#).unwrap();
    assert_eq!(
        t,
        Tweak::Thresholds {
            scope: Scope::District,
            level: Level::L3,
            min_rate: Some(pct("5")),
            sustained_months: None,
            min_unemployed: None,
            min_share: None,
        }
    );
    for bad in [
        r#"{"kind":"set-cells","cells":[{"region":"a","month":"2026-01","field":"nope","value":"1"}]}"#,
        r#"{"kind":"set-cells","cells":[{"region":"a","month":"2026-01","field":"unemployed","value":"1.5"}]}"#,
        r#"{"kind":"trend","region":"a","series":"registered","step":"+x","months":1}"#,
    ] {
        assert!(serde_json::from_str::<Tweak>(bad).is_err(), "{bad}");
    }
}

#[test]
fn scenarios_are_created_renamed_duplicated_and_deleted() {
    let mut list = Scenarios::new();
    let a = list.create("  电子厂关停  ", "2026-11-02T09:00:00+08:00");
    let b = list.create("", "2026-11-02T09:01:00+08:00");
    assert_eq!((a, b), (1, 2));
    assert_eq!(list.get(a).unwrap().name, "电子厂关停");
    assert_eq!(list.get(b).unwrap().name, "推演 2 · Scenario 2");
    assert!(list.get(a).unwrap().exercise());
    assert!(list.get(a).unwrap().tweaks.is_empty());

    list.get_mut(a)
        .unwrap()
        .tweaks
        .push(Tweak::EventWindow { months: 6 });
    let c = list.duplicate(a, "2026-11-02T09:02:00+08:00").unwrap();
    let d = list.duplicate(a, "2026-11-02T09:03:00+08:00").unwrap();
    let names: Vec<&str> = list.list().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "电子厂关停",
            "电子厂关停 (3)",
            "电子厂关停 (2)",
            "推演 2 · Scenario 2"
        ]
    );
    assert_eq!(list.get(c).unwrap().tweaks, list.get(a).unwrap().tweaks);
    assert_eq!(list.get(d).unwrap().created, "2026-11-02T09:03:00+08:00");

    assert_eq!(list.rename(b, "  "), Err(ScenarioError::EmptyName));
    list.rename(b, "阈值 5%").unwrap();
    assert_eq!(list.get(b).unwrap().name, "阈值 5%");
    assert_eq!(list.rename(99, "x"), Err(ScenarioError::Unknown { id: 99 }));
    assert_eq!(
        list.rename(99, "x").unwrap_err().text().en,
        "there is no scenario 99"
    );

    let removed = list.delete(d).unwrap();
    assert_eq!(removed.id, d);
    assert_eq!(list.len(), 3);
    assert!(list.delete(d).is_err());
    // Ids are not reused, even after deleting the newest.
    assert_eq!(list.create("x", "t"), 5);

    let long: String = "长".repeat(200);
    let e = list.create(&long, "t");
    assert_eq!(list.get(e).unwrap().name.chars().count(), MAX_NAME_CHARS);
}

#[test]
fn scenario_tweaks_are_added_only_when_they_apply() {
    let (plan, data) = small();
    let mut s = Scenario::new(1, "x", "t");
    s.try_add(Tweak::EventWindow { months: 6 }, &plan, &data)
        .unwrap();
    let err = s
        .try_add(Tweak::EventWindow { months: 0 }, &plan, &data)
        .unwrap_err();
    assert_eq!(err.index, 1);
    assert_eq!(s.tweaks.len(), 1);
    assert_eq!(s.describe(&data).len(), 1);
    assert_eq!(s.remove_tweak(3), None);
    assert_eq!(s.remove_tweak(0), Some(Tweak::EventWindow { months: 6 }));
    assert_eq!(s.apply(&plan, &data).unwrap(), (plan, data));
}

#[test]
fn the_exercise_flag_cannot_be_turned_off() {
    let mut list = Scenarios::new();
    let id = list.create("x", "t");
    let json = serde_json::to_string(&list).unwrap();
    assert!(json.contains(r#""exercise":true"#), "{json}");
    let tampered = json.replace(r#""exercise":true"#, r#""exercise":false"#);
    let back: Scenarios = serde_json::from_str(&tampered).unwrap();
    assert_eq!(back, list);
    assert!(back.get(id).unwrap().exercise());
    let bare: Scenario = serde_json::from_str(r#"{"id":7,"name":"n","created":"t"}"#).unwrap();
    assert!(bare.exercise());
    assert_eq!(EXERCISE_MARK.zh, "推演 · EXERCISE");
    assert!(EXERCISE_MARK.en.contains("EXERCISE"));
}

#[test]
fn a_street_closure_raises_district_and_street_but_not_the_others() {
    let plan = Plan::binjiang_2020();
    let data = crate::demo::dataset();
    let next = m("2026-11");
    let t = Tweak::Closure {
        enterprise: "杭州某电子厂".into(),
        street: "xixing".into(),
        month: next,
        unemployed: 6_000,
    };
    let (p, d) = apply_tweaks(&plan, &data, &[t]).unwrap();
    let e = Engine::new(&p, &d);
    let l3 = Status::Warning { level: Level::L3 };
    assert_eq!(e.evaluate(&Scope::District, next).effective, l3);
    assert_eq!(
        e.evaluate(&Scope::Street("xixing".into()), next).effective,
        l3
    );
    assert_eq!(
        e.evaluate(&Scope::Street("puyan".into()), next).effective,
        Status::Normal
    );
}

#[test]
fn a_deleted_scenario_is_restored_in_place_with_its_id() {
    let mut list = Scenarios::new();
    let a = list.create("甲", "t");
    let b = list.create("乙", "t");
    let c = list.create("丙", "t");
    let at = list.position(b).unwrap();
    let gone = list.delete(b).unwrap();
    assert_eq!(list.restore(gone.clone(), at), b);
    let ids: Vec<ScenarioId> = list.list().iter().map(|s| s.id).collect();
    assert_eq!(ids, [a, b, c]);
    // Restoring a scenario whose id is taken gives it a fresh one, never a duplicate.
    let again = list.restore(gone, 0);
    assert_ne!(again, b);
    assert!(again > c);
    let fresh = list.create("丁", "t");
    assert!(fresh > again);
}

#[test]
fn a_comparison_through_the_data_reaches_the_end_of_a_trend() {
    let (plan, data) = small();
    let mut s = Scenario::new(1, "trend", "t");
    s.tweaks = vec![Tweak::Trend {
        region: "d".into(),
        series: Series::Registered,
        step: Delta::tenths(2),
        months: 6,
    }];
    let c = compare_through_data(
        &plan,
        &data,
        &[&s],
        &Scope::District,
        m("2026-01"),
        m("2026-02"),
    )
    .unwrap();
    assert_eq!(c.to, m("2026-09"), "through the trend's last month");
    assert_eq!(c.months.len(), 9);
    assert_eq!(c.registered.len(), 2);
    assert_eq!(c.registered[1].last(), Some(&Some(pct("5.2"))));
    assert_eq!(
        c.registered[0].last(),
        Some(&None),
        "the baseline has no value there"
    );
    // `at_least` wins when the data ends earlier.
    let c = compare_through_data(
        &plan,
        &data,
        &[],
        &Scope::District,
        m("2026-01"),
        m("2026-12"),
    )
    .unwrap();
    assert_eq!(c.to, m("2026-12"));
    // The same as `compare` over that range.
    let plain = compare(
        &plan,
        &data,
        &[&s],
        &Scope::District,
        m("2026-01"),
        m("2026-09"),
    )
    .unwrap();
    let through = compare_through_data(
        &plan,
        &data,
        &[&s],
        &Scope::District,
        m("2026-01"),
        m("2026-01"),
    )
    .unwrap();
    assert_eq!(plain, through);
}

fn diff(month: &str, criterion: Criterion, statuses: &[Status], window_total: u64) -> Diff {
    Diff {
        month: m(month),
        criterion,
        level_differs: statuses.windows(2).any(|w| w[0] != w[1]),
        cells: statuses
            .iter()
            .map(|s| DiffCell {
                status: *s,
                figures: Figures::Closures { window_total },
            })
            .collect(),
    }
}

#[test]
fn diff_runs_join_consecutive_months_with_the_same_outcomes_per_criterion() {
    let l3 = Status::Warning {
        level: Level::from_number(3).unwrap(),
    };
    let n = Status::Normal;
    let diffs = [
        diff("2026-01", Criterion::Closures, &[n, l3], 10),
        diff("2026-02", Criterion::Closures, &[n, l3], 20),
        diff("2026-02", Criterion::Rate, &[n, l3], 0),
        // A gap ends the run, as does another outcome.
        diff("2026-04", Criterion::Closures, &[n, l3], 30),
        diff("2026-05", Criterion::Closures, &[l3, l3], 40),
    ];
    let refs: Vec<&Diff> = diffs.iter().collect();
    let runs = diff_runs(&refs);
    let got: Vec<(String, String, Criterion)> = runs
        .iter()
        .map(|r| (r.from.to_string(), r.to.to_string(), r.first.criterion))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01".into(), "2026-02".into(), Criterion::Closures),
            ("2026-02".into(), "2026-02".into(), Criterion::Rate),
            ("2026-04".into(), "2026-04".into(), Criterion::Closures),
            ("2026-05".into(), "2026-05".into(), Criterion::Closures),
        ]
    );
    // The run keeps its first and last figures, for "10 … 20".
    let first = runs.first().unwrap();
    assert_eq!(
        first.first.cells[0].figures.text(Lang::Zh),
        "窗口内失业 10 人"
    );
    assert_eq!(
        first.last.cells[0].figures.text(Lang::En),
        "20 left unemployed in the window"
    );
}

#[test]
fn comparison_texts_in_both_languages() {
    let rate = Figures::Rate {
        registered: Some(Pct::parse("3.25").unwrap()),
        actual: None,
    };
    assert_eq!(rate.text(Lang::Zh), "登记 3.25 % · 实际 —");
    assert_eq!(rate.text(Lang::En), "registered 3.25 % · actual —");
    let layoffs = Figures::Layoffs {
        share: Some(Pct::parse("12.5").unwrap()),
        laid_off: 1234,
    };
    assert_eq!(
        layoffs.text(Lang::En),
        "share 12.5 % (1\u{2009}234 laid off)"
    );
    let e = CompareError::TooManyScenarios { given: 4 };
    assert_eq!(e.text().zh, "最多对比 3 个推演（选了 4 个）");
    assert_eq!(legend_label("短名"), "短名");
    let long = "一".repeat(30);
    assert_eq!(legend_label(&long).chars().count(), 24);
    assert!(legend_label(&long).ends_with('…'));
}
