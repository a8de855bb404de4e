//! Table tests for every criterion kind of the plan model at its boundaries (docs/rules.md,
//! "The plan model"): the rate's four comparisons, its series and its sustained months, one
//! enterprise against several, the workforce floor of a single layoff, each comparison of an
//! own indicator with its missing months; four-level plans (Zhuhai 2006, also on a real
//! series); plan validation. Every evaluation is checked against the streaming pass.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use uew::model::{Dataset, IndicatorValue, Scope};
use uew::plan::check::{check, has_errors, Severity};
use uew::plan::{
    presets, Clause, Comparison, ExtraCriterion, IndicatorCriterion, IndicatorDef, Level,
    LevelSpec, Plan, RateCriterion, RateSeriesChoice, SingleClosureCriterion,
    SingleLayoffCriterion, Text,
};
use uew::rules::{Check, ExtraDetail, Status};

fn clause(id: &str) -> Clause {
    Clause {
        id: id.to_owned(),
        text: Text::new(&format!("{id} 条文"), &format!("{id} text")),
    }
}

/// A plan of `levels` (numbered from 1), each with the given criteria only.
fn plan_of(levels: Vec<LevelSpec>) -> Plan {
    let mut p = presets::blank();
    p.responses = levels
        .iter()
        .map(|l| {
            let mut r = presets::blank().responses[0].clone();
            r.level = l.level;
            r
        })
        .collect();
    p.thresholds.levels = levels;
    p
}

fn level(n: u8) -> LevelSpec {
    presets::empty_level(Level::from_number(n).unwrap())
}

fn rate(id: &str, cmp: Comparison, threshold: &str, months: u32) -> Option<RateCriterion> {
    Some(RateCriterion {
        clause: clause(id),
        min_rate: pct(threshold),
        sustained_months: months,
        comparison: cmp,
        series: None,
    })
}

/// One level whose only criterion is a rate compared with 5 % for `months`.
fn one_rate_plan(cmp: Comparison, months: u32) -> Plan {
    let mut l = level(1);
    l.rate = rate("R-1", cmp, "5", months);
    plan_of(vec![l])
}

fn district_rate(plan: &Plan, rates: &[&str]) -> Status {
    let mut data = base();
    registered(&mut data, "d", "2026-01", rates);
    let last = m("2026-01")
        .plus(rates.len() as i64 - 1)
        .unwrap()
        .to_string();
    eval(plan, &data, &Scope::District, &last).indicator
}

const L1: Level = Level::L1;

#[test]
fn rate_comparisons_at_the_boundary() {
    use Comparison::*;
    let rows = [
        (AtLeast, "5", true),
        (AtLeast, "4.9999", false),
        (Above, "5", false),
        (Above, "5.0001", true),
        (AtMost, "5", true),
        (AtMost, "5.0001", false),
        (Below, "5", false),
        (Below, "4.9999", true),
    ];
    for (cmp, value, met) in rows {
        let got = district_rate(&one_rate_plan(cmp, 1), &[value]);
        let want = if met { warn(L1) } else { Status::Normal };
        assert_eq!(got, want, "{cmp:?} {value}");
    }
}

#[test]
fn rate_sustained_n_months() {
    let p = one_rate_plan(Comparison::AtLeast, 3);
    assert_eq!(district_rate(&p, &["5", "5", "5"]), warn(L1));
    assert_eq!(district_rate(&p, &["4.9", "5", "5"]), Status::Normal);
    assert_eq!(district_rate(&p, &["5", "4.9", "5"]), Status::Normal);
    assert_eq!(district_rate(&p, &["9", "9", "9", "4"]), Status::Normal);
    // A missing month inside the window could complete it.
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["5"]);
    registered(&mut data, "d", "2026-03", &["5"]);
    let e = eval(&p, &data, &Scope::District, "2026-03");
    assert_eq!(e.indicator, insufficient(None, L1));
    // "≤" sustained: every month at or below.
    let p = one_rate_plan(Comparison::AtMost, 2);
    assert_eq!(district_rate(&p, &["5", "4"]), warn(L1));
    assert_eq!(district_rate(&p, &["5.1", "4"]), Status::Normal);
}

#[test]
fn rate_series_of_the_criterion() {
    // Registered only: a surveyed rate above the threshold does not count.
    let mut p = one_rate_plan(Comparison::AtLeast, 1);
    p.thresholds.levels[0].rate.as_mut().unwrap().series = Some(RateSeriesChoice::Registered);
    let mut data = base();
    registered(&mut data, "d", "2026-01", &["3"]);
    actual(&mut data, "d", "2026-01", &["6"]);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-01").indicator,
        Status::Normal
    );
    p.thresholds.levels[0].rate.as_mut().unwrap().series = Some(RateSeriesChoice::Surveyed);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-01").indicator,
        warn(L1)
    );
    p.thresholds.levels[0].rate.as_mut().unwrap().series = Some(RateSeriesChoice::Either);
    let e = eval(&p, &data, &Scope::District, "2026-01");
    assert_eq!(e.indicator, warn(L1));
    assert_eq!(e.rate.checks[0].clause, "R-1");
}

fn single_closure_plan(min: u64) -> Plan {
    let mut l = level(1);
    l.extra
        .push(ExtraCriterion::SingleClosure(SingleClosureCriterion {
            clause: clause("我的第3条"),
            min_unemployed: min,
        }));
    plan_of(vec![l])
}

#[test]
fn single_closure_one_enterprise_not_several() {
    let p = single_closure_plan(500);
    let mut data = base();
    closure(&mut data, "甲公司", "s1", "2026-03-10", 300);
    closure(&mut data, "乙公司", "s2", "2026-03-12", 300);
    // 600 in total, but no single closure reaches 500.
    let e = eval(&p, &data, &Scope::District, "2026-03");
    assert_eq!(e.indicator, Status::Normal);
    closure(&mut data, "丙公司", "s2", "2026-03-20", 500);
    let e = eval(&p, &data, &Scope::District, "2026-03");
    assert_eq!(e.indicator, warn(L1));
    let c = &e.other.checks[0];
    assert_eq!(c.clause, "我的第3条");
    assert_eq!(c.result, Check::Met);
    match &c.detail {
        ExtraDetail::SingleClosure { matching, .. } => {
            assert_eq!(matching.len(), 1);
            assert_eq!(matching[0].enterprise, "丙公司");
        }
        other => panic!("{other:?}"),
    }
    // 499 is one short; the street of the closure sees it, the other street does not.
    assert_eq!(
        eval(
            &single_closure_plan(501),
            &data,
            &Scope::District,
            "2026-03"
        )
        .indicator,
        Status::Normal
    );
    assert_eq!(
        eval(&p, &data, &street("s2"), "2026-03").indicator,
        warn(L1)
    );
    assert_eq!(
        eval(&p, &data, &street("s1"), "2026-03").indicator,
        Status::Normal
    );
    // Out of the event window (3 months by default) it no longer counts.
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-06").indicator,
        Status::Normal
    );
}

fn single_layoff_plan(min: u64, floor: Option<u64>) -> Plan {
    let mut l = level(1);
    l.extra
        .push(ExtraCriterion::SingleLayoff(SingleLayoffCriterion {
            clause: clause("裁员-1"),
            min_laid_off: min,
            min_workforce: floor,
        }));
    plan_of(vec![l])
}

#[test]
fn single_layoff_and_the_workforce_floor() {
    let mut data = base();
    layoff(&mut data, "甲公司", "s1", "2026-02-01", 999, 100);
    let at = |p: &Plan| eval(p, &data, &Scope::District, "2026-02").indicator;
    assert_eq!(at(&single_layoff_plan(100, None)), warn(L1));
    assert_eq!(at(&single_layoff_plan(101, None)), Status::Normal);
    assert_eq!(at(&single_layoff_plan(100, Some(999))), warn(L1));
    assert_eq!(at(&single_layoff_plan(100, Some(1000))), Status::Normal);
    // Several smaller layoffs do not add up to one.
    let mut data = base();
    layoff(&mut data, "甲公司", "s1", "2026-02-01", 999, 60);
    layoff(&mut data, "乙公司", "s1", "2026-02-02", 999, 60);
    assert_eq!(
        eval(
            &single_layoff_plan(100, None),
            &data,
            &Scope::District,
            "2026-02"
        )
        .indicator,
        Status::Normal
    );
}

fn indicator_plan(cmp: Comparison, months: u32) -> Plan {
    let mut l = level(1);
    l.extra.push(ExtraCriterion::Indicator(IndicatorCriterion {
        clause: clause("指标-1"),
        indicator: "long-term".into(),
        comparison: cmp,
        threshold: pct("30"),
        sustained_months: months,
    }));
    let mut p = plan_of(vec![l]);
    p.indicators.push(IndicatorDef {
        id: "long-term".into(),
        name: Text::new("长期失业人员占比", "long-term unemployed share"),
        unit: Text::new("%", "%"),
    });
    p
}

fn with_indicator(values: &[(&str, &str)]) -> Dataset {
    let mut data = base();
    for (month, v) in values {
        data.indicator_values.push(IndicatorValue {
            indicator: "long-term".into(),
            region: "d".into(),
            month: m(month),
            value: pct(v),
        });
    }
    data
}

#[test]
fn own_indicator_each_comparison_and_missing_months() {
    use Comparison::*;
    let rows = [
        (AtLeast, "30", true),
        (AtLeast, "29.9999", false),
        (Above, "30", false),
        (Above, "30.0001", true),
        (AtMost, "30", true),
        (AtMost, "30.0001", false),
        (Below, "30", false),
        (Below, "29.9999", true),
    ];
    for (cmp, v, met) in rows {
        let data = with_indicator(&[("2026-05", v)]);
        let got = eval(&indicator_plan(cmp, 1), &data, &Scope::District, "2026-05").indicator;
        assert_eq!(
            got,
            if met { warn(L1) } else { Status::Normal },
            "{cmp:?} {v}"
        );
    }
    // Sustained 2 months: the month before is missing → insufficient data; below → normal.
    let p = indicator_plan(AtLeast, 2);
    let data = with_indicator(&[("2026-05", "31")]);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").indicator,
        insufficient(None, L1)
    );
    let data = with_indicator(&[("2026-04", "29"), ("2026-05", "31")]);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-05").indicator,
        Status::Normal
    );
    let data = with_indicator(&[("2026-04", "30"), ("2026-05", "31")]);
    let e = eval(&p, &data, &Scope::District, "2026-05");
    assert_eq!(e.indicator, warn(L1));
    assert_eq!(e.other.checks[0].clause, "指标-1");
}

#[test]
fn the_most_severe_level_wins_and_a_level_without_the_kind_is_skipped() {
    // Level 1: a single closure of 1 000; level 2: a rate ≥ 5 %; level 3: a closure Σ ≥ 100.
    let mut l1 = level(1);
    l1.extra
        .push(ExtraCriterion::SingleClosure(SingleClosureCriterion {
            clause: clause("L1-单"),
            min_unemployed: 1000,
        }));
    let mut l2 = level(2);
    l2.rate = rate("L2-a", Comparison::AtLeast, "5", 1);
    let mut l3 = level(3);
    l3.closures = Some(uew::plan::ClosureCriterion {
        clause: clause("L3-b"),
        min_unemployed: 100,
    });
    let p = plan_of(vec![l1, l2, l3]);
    assert!(!has_errors(&check(&p)), "{:?}", check(&p));
    let mut data = base();
    registered(&mut data, "d", "2026-03", &["5"]);
    closure(&mut data, "甲", "s1", "2026-03-01", 200);
    let e = eval(&p, &data, &Scope::District, "2026-03");
    assert_eq!(e.indicator, warn(Level::L2));
    assert_eq!(e.closures.status, warn(Level::L3));
    assert_eq!(e.closures.checks.len(), 1);
    closure(&mut data, "乙", "s1", "2026-03-02", 1000);
    assert_eq!(
        eval(&p, &data, &Scope::District, "2026-03").indicator,
        warn(L1)
    );
}

#[test]
fn zhuhai_2006_four_levels_at_every_boundary() {
    let p = Plan::preset("zhuhai-2006").unwrap();
    assert_eq!(p.levels(), vec![Level::L1, Level::L2, Level::L3, Level::L4]);
    assert_eq!(p.response_levels(), vec![Level::L1, Level::L2, Level::L3]);
    assert!(check(&p).is_empty(), "{:?}", check(&p));
    let rows = [
        ("10.0001", Level::L1),
        ("10", Level::L2),
        ("7", Level::L2),
        ("6.9999", Level::L3),
        ("4", Level::L3),
        ("3.9999", Level::L4),
        ("0", Level::L4),
    ];
    for (r, want) in rows {
        assert_eq!(district_rate(&p, &[r]), warn(want), "{r}");
    }
    // No duration: one month decides. The surveyed rate is not read.
    let mut data = base();
    actual(&mut data, "d", "2026-01", &["12"]);
    registered(&mut data, "d", "2026-01", &["5"]);
    let e = eval(&p, &data, &Scope::District, "2026-01");
    assert_eq!(e.indicator, warn(Level::L3));
    assert_eq!(e.rate.checks[2].clause, "Z-Ⅲ-a");
    assert_eq!(uew::response::cap::severity(Level::L4), "Minor");
}

#[test]
fn zhuhai_2006_on_a_real_series() {
    // The national urban surveyed rate 2018–2022 (tests/fixtures/series/): 4.8–6.2 %. Under
    // Zhuhai's table read on that series every month is Ⅲ (4 % or more, below 7 %), the level
    // at which Zhuhai's response starts.
    let text = include_str!("fixtures/series/cn-nbs-urban-surveyed-unemployment-2018-2022.csv");
    let (start, values) = uew::forecast::series_csv::parse(text).unwrap();
    assert_eq!(values.len(), 60);
    let mut data = base();
    for (i, v) in values.iter().enumerate() {
        let month = start.plus(i as i64).unwrap();
        let mut o = uew::model::Observation::new("d", month);
        o.actual_rate = Some(uew::num::Pct::parse(&v.unwrap().to_string()).unwrap());
        data.observations.push(o);
    }
    let mut p = Plan::preset("zhuhai-2006").unwrap();
    // As published Zhuhai reads the registered rate, which this series is not: no level.
    let engine = uew::rules::Engine::new(&p, &data);
    let end = start.plus(59).unwrap();
    let t = engine.timeline(&Scope::District, start, end);
    assert!(t.months.iter().all(|x| x.summary.rate.is_insufficient()));
    // Read on the surveyed rate.
    p.parameters.rate_series = uew::plan::RateSeriesRule::ActualOnly;
    for l in &mut p.thresholds.levels {
        l.rate.as_mut().unwrap().series = Some(RateSeriesChoice::Surveyed);
    }
    let engine = uew::rules::Engine::new(&p, &data);
    let t = engine.timeline(&Scope::District, start, end);
    assert_eq!(t.months.len(), 60);
    for x in &t.months {
        assert_eq!(x.summary.effective, warn(Level::L3), "{}", x.summary.month);
        let e = engine.evaluate(&Scope::District, x.summary.month);
        assert_eq!(e.summary(), x.summary);
    }
    assert!(p.response_levels().contains(&Level::L3));
}

#[test]
fn validation_names_the_item() {
    assert!(check(&Plan::binjiang_2020()).is_empty());
    let blank = presets::blank();
    let problems = check(&blank);
    assert!(has_errors(&problems));
    assert!(problems[0].item.zh.contains("一级"), "{problems:?}");
    assert!(problems[0].message.en.contains("no criteria"));

    // A threshold out of range is an error naming the clause.
    let mut p = Plan::binjiang_2020();
    p.thresholds.levels[1].rate.as_mut().unwrap().min_rate = uew::num::Pct::from_units(1_200_000);
    let problems = check(&p);
    let e = problems
        .iter()
        .find(|x| x.severity == Severity::Error)
        .unwrap();
    assert!(e.item.en.contains("§5.1-L2-a"), "{e:?}");
    assert!(e.message.zh.contains("0–100%"), "{e:?}");

    // A milder level stricter than a more severe one is a warning.
    let mut p = Plan::binjiang_2020();
    p.thresholds.levels[2]
        .closures
        .as_mut()
        .unwrap()
        .min_unemployed = 20_000;
    let problems = check(&p);
    assert!(!has_errors(&problems));
    let w = &problems[0];
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.item.en.contains("§5.1-L3-b"), "{w:?}");
    assert!(w.message.en.contains("stricter"), "{w:?}");

    // Levels out of order, an unknown indicator, a response level the table lacks.
    let mut p = Plan::preset("zhuhai-2006").unwrap();
    p.thresholds.levels.swap(0, 1);
    p.response_from = Some(Level::L5);
    p.thresholds.levels[3]
        .extra
        .push(ExtraCriterion::Indicator(IndicatorCriterion {
            clause: clause("X"),
            indicator: "nope".into(),
            comparison: Comparison::AtLeast,
            threshold: pct("1"),
            sustained_months: 1,
        }));
    let lines: Vec<String> = check(&p).iter().map(|x| x.line(false)).collect();
    assert!(lines.iter().any(|l| l.contains("position 1")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("'nope'")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("response start")),
        "{lines:?}"
    );
}

#[test]
fn plans_round_trip_as_json_and_binjiang_keeps_its_shape() {
    for id in presets::ALL {
        let p = Plan::preset(id).unwrap();
        assert_eq!(Plan::from_json(&p.to_json_pretty()).unwrap(), p, "{id}");
    }
    // Binjiang's level table is written as before: no new keys appear.
    let json = Plan::binjiang_2020().to_json_pretty();
    for key in [
        "\"label\"",
        "\"colour\"",
        "\"extra\"",
        "\"comparison\"",
        "\"series\"",
        "\"indicators\"",
    ] {
        assert!(!json.contains(key), "{key}");
    }
    let e = Plan::from_json("{\"id\": 1}").unwrap_err();
    assert!(e.en.contains("not a valid plan file"), "{e:?}");
}
