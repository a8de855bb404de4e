//! Properties of the rules engine over generated datasets:
//! - the streaming timeline equals the per-month evaluation with evidence;
//! - raising a rate, a closure's or a layoff's count never lowers a level (equivalently,
//!   lowering never raises one), for the certain level and for the possible one;
//! - the order of events does not matter;
//! - no input makes evaluation panic.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{base, m, plan};
use proptest::prelude::*;
use uew::model::IndicatorValue;
use uew::model::{
    CityWarning, ClosureEvent, Dataset, LayoffEvent, Observation, Region, RegionKind, Scope,
    Signoff, SpecialDetermination, SpecialReason,
};
use uew::month::{Date, Month};
use uew::num::Pct;
use uew::plan::{
    Clause, ClosureCriterion, Comparison, ExtraCriterion, IndicatorCriterion, IndicatorDef,
    LayoffCriterion, Level, Plan, RateCriterion, RateSeriesChoice, RateSeriesRule,
    SingleClosureCriterion, SingleLayoffCriterion, Text,
};
use uew::rules::{Engine, Status};
use uew::snapshot::Snapshot;

const REGIONS: [&str; 5] = ["d", "s1", "s2", "s1-c", "s2-c"];
const STREETS: [&str; 3] = ["s1", "s2", "elsewhere"];
const MONTHS: i64 = 8;

fn first() -> Month {
    m("2026-01")
}

fn scopes() -> Vec<Scope> {
    vec![
        Scope::District,
        Scope::Street("s1".into()),
        Scope::Street("s2".into()),
        Scope::Street("s1-c".into()),
        Scope::Street("nowhere".into()),
    ]
}

/// Months evaluated: one before the data to one after.
fn months() -> impl Iterator<Item = Month> {
    first()
        .plus(-1)
        .unwrap()
        .through(first().plus(MONTHS).unwrap())
}

fn level_of(n: u8) -> Level {
    Level::from_number(n % 3 + 1).unwrap()
}

fn date_at(offset: i64, day: u32) -> Date {
    let month = first().plus(offset).unwrap();
    Date::new(month.year(), month.month(), day).unwrap()
}

/// One observation cell: registered and actual rate (0.01 pp), counts (unemployed, labour force).
type Cell = Option<(Option<u16>, Option<u16>, Option<(u16, u16)>)>;

fn cell() -> impl Strategy<Value = Cell> {
    let rate = prop::option::weighted(0.5, 300u16..800);
    let counts = prop::option::weighted(0.5, (0u16..80, 0u16..1000));
    prop::option::weighted(
        0.85,
        (
            rate.clone(),
            prop::option::weighted(0.2, 300u16..800),
            counts,
        ),
    )
}

#[derive(Clone, Debug)]
struct Gen {
    cells: Vec<Cell>,
    closures: Vec<(usize, u8, i64, u32, u64)>,
    layoffs: Vec<(usize, u8, i64, u64, u64)>,
    city: Vec<(u8, i64, Option<i64>)>,
    specials: Vec<(usize, u8, bool, bool, i64, Option<i64>)>,
    window: u32,
    closures_min: u32,
    layoffs_min: u32,
    art41: bool,
    series: u8,
}

fn arb_gen() -> impl Strategy<Value = Gen> {
    (
        prop::collection::vec(cell(), REGIONS.len() * MONTHS as usize),
        prop::collection::vec(
            (0usize..3, 0u8..4, 0i64..MONTHS, 1u32..29, 0u64..9_000),
            0..6,
        ),
        prop::collection::vec(
            (0usize..3, 0u8..4, 0i64..MONTHS, 0u64..2_000, 0u64..1_200),
            0..6,
        ),
        prop::collection::vec((0u8..3, 0i64..MONTHS, prop::option::of(0i64..MONTHS)), 0..2),
        prop::collection::vec(
            (
                0usize..3,
                0u8..3,
                any::<bool>(),
                any::<bool>(),
                0i64..MONTHS,
                prop::option::of(0i64..MONTHS),
            ),
            0..2,
        ),
        (1u32..5, 0u32..3, 0u32..3, any::<bool>(), 0u8..3),
    )
        .prop_map(
            |(cells, closures, layoffs, city, specials, (window, cm, lm, art41, series))| Gen {
                cells,
                closures,
                layoffs,
                city,
                specials,
                window,
                closures_min: cm,
                layoffs_min: lm,
                art41,
                series,
            },
        )
}

fn build(g: &Gen) -> (Plan, Dataset) {
    let mut p = plan();
    p.parameters.event_window_months = g.window;
    p.parameters.closures_min_enterprises = g.closures_min;
    p.parameters.layoffs_min_enterprises = g.layoffs_min;
    p.parameters.art41.enabled = g.art41;
    p.parameters.rate_series = match g.series {
        0 => RateSeriesRule::Either,
        1 => RateSeriesRule::RegisteredOnly,
        _ => RateSeriesRule::ActualOnly,
    };
    let mut data = base();
    for (i, c) in g.cells.iter().enumerate() {
        let Some((reg, act, counts)) = c else {
            continue;
        };
        let region = REGIONS[i % REGIONS.len()];
        let month = first().plus((i / REGIONS.len()) as i64).unwrap();
        let mut o = Observation::new(region, month);
        o.registered_rate = reg.map(|r| Pct::hundredths(i64::from(r)));
        o.actual_rate = act.map(|r| Pct::hundredths(i64::from(r)));
        if let Some((u, lf)) = counts {
            o.unemployed = Some(u64::from(*u));
            o.labour_force = Some(u64::from(*lf));
        }
        data.observations.push(o);
    }
    for (i, (s, e, off, day, n)) in g.closures.iter().enumerate() {
        data.closures.push(ClosureEvent {
            id: format!("C{i}"),
            enterprise: format!("E{e}"),
            industry: String::new(),
            street: STREETS[*s].to_owned(),
            date: date_at(*off, *day),
            unemployed: *n,
        });
    }
    for (i, (s, e, off, wf, n)) in g.layoffs.iter().enumerate() {
        data.layoffs.push(LayoffEvent {
            id: format!("L{i}"),
            enterprise: format!("E{e}"),
            industry: String::new(),
            street: STREETS[*s].to_owned(),
            date: date_at(*off, 15),
            workforce: *wf,
            laid_off: *n,
        });
    }
    for (l, from, until) in &g.city {
        data.city_warnings.push(CityWarning {
            level: level_of(*l),
            from: first().plus(*from).unwrap(),
            until: until.map(|u| first().plus(u).unwrap()),
            note: String::new(),
        });
    }
    for (i, (s, l, consent, approval, off, until)) in g.specials.iter().enumerate() {
        let so = |by: &str| Signoff {
            date: date_at(*off, 10),
            by: by.to_owned(),
        };
        data.special_determinations.push(SpecialDetermination {
            id: format!("S{i}"),
            level: level_of(*l),
            reason: SpecialReason::MajorEpidemic,
            scope: scopes()[*s].clone(),
            note: String::new(),
            proposed: so("office"),
            hq_consent: consent.then(|| so("hq")),
            city_approval: approval.then(|| so("city")),
            until: until.map(|u| first().plus(u).unwrap()),
        });
    }
    (p, data)
}

/// Certain and possible level of every scope and month, indicators and effective.
fn bounds(plan: &Plan, data: &Dataset) -> Vec<(Option<Level>, Option<Level>)> {
    let engine = Engine::new(plan, data);
    let mut out = Vec::new();
    for scope in scopes() {
        for s in engine.summaries(
            &scope,
            first().plus(-1).unwrap(),
            first().plus(MONTHS).unwrap(),
        ) {
            for st in [s.effective, s.indicator, s.rate, s.closures, s.layoffs] {
                out.push((st.level(), st.possible()));
            }
        }
    }
    out
}

fn never_lower(
    before: &[(Option<Level>, Option<Level>)],
    after: &[(Option<Level>, Option<Level>)],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(before.len(), after.len());
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        prop_assert!(a.0 >= b.0, "certain level fell at {}: {:?} → {:?}", i, b, a);
        prop_assert!(
            a.1 >= b.1,
            "possible level fell at {}: {:?} → {:?}",
            i,
            b,
            a
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn streaming_pass_equals_per_month_evaluation(g in arb_gen()) {
        let (p, data) = build(&g);
        let engine = Engine::new(&p, &data);
        let (from, to) = (first().plus(-1).unwrap(), first().plus(MONTHS).unwrap());
        for scope in scopes() {
            let t = engine.timeline(&scope, from, to);
            prop_assert_eq!(t.months.len(), months().count());
            for (tm, month) in t.months.iter().zip(months()) {
                let e = engine.evaluate(&scope, month);
                prop_assert_eq!(tm.summary, e.summary(), "{} {}", scope, month);
            }
            // A timeline starting later gives the same months.
            let late = engine.timeline(&scope, first().plus(3).unwrap(), to);
            prop_assert_eq!(&late.months[..], &t.months[4..]);
        }
    }

    #[test]
    fn raising_a_rate_never_lowers_a_level(g in arb_gen(), pick in any::<prop::sample::Index>(), delta in 1u16..300) {
        let (p, data) = build(&g);
        let mut raised = data.clone();
        if raised.observations.is_empty() {
            return Ok(());
        }
        let o = &mut raised.observations[pick.index(data.observations.len())];
        let up = |r: Pct| Pct::from_units((r.units() + i64::from(delta) * 100).min(Pct::HUNDRED.units()));
        o.registered_rate = o.registered_rate.map(up);
        o.actual_rate = o.actual_rate.map(up);
        o.unemployed = o.unemployed.map(|u| u + u64::from(delta));
        never_lower(&bounds(&p, &data), &bounds(&p, &raised))?;
    }

    #[test]
    fn raising_a_closure_never_lowers_a_level(g in arb_gen(), pick in any::<prop::sample::Index>(), delta in 1u64..10_000) {
        let (p, data) = build(&g);
        if data.closures.is_empty() {
            return Ok(());
        }
        let mut raised = data.clone();
        raised.closures[pick.index(data.closures.len())].unemployed += delta;
        never_lower(&bounds(&p, &data), &bounds(&p, &raised))?;
    }

    /// Raising the people laid off by a layoff that counts. (A layoff that crosses the art. 41
    /// size brings its enterprise's workforce into the pooled share, which can dilute it: the
    /// pooled rule is monotone in the people laid off, not in which layoffs count.)
    #[test]
    fn raising_a_layoff_never_lowers_a_level(g in arb_gen(), pick in any::<prop::sample::Index>(), delta in 1u64..1_000) {
        let (p, data) = build(&g);
        if data.layoffs.is_empty() {
            return Ok(());
        }
        let i = pick.index(data.layoffs.len());
        let e = &data.layoffs[i];
        let counts = !g.art41 || e.laid_off >= 20 || (e.workforce > 0 && e.laid_off * 10 >= e.workforce);
        if !counts {
            return Ok(());
        }
        let mut raised = data.clone();
        raised.layoffs[i].laid_off += delta;
        never_lower(&bounds(&p, &data), &bounds(&p, &raised))?;
    }

    #[test]
    fn event_order_never_matters(
        g in arb_gen(),
        seed in any::<u64>(),
    ) {
        let (p, data) = build(&g);
        let mut shuffled = data.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        let mut next = |n: usize| { s ^= s << 13; s ^= s >> 7; s ^= s << 17; (s % n as u64) as usize };
        for i in (1..shuffled.closures.len()).rev() { let j = next(i + 1); shuffled.closures.swap(i, j); }
        for i in (1..shuffled.layoffs.len()).rev() { let j = next(i + 1); shuffled.layoffs.swap(i, j); }
        shuffled.city_warnings.reverse();
        shuffled.special_determinations.reverse();
        let (a, b) = (Engine::new(&p, &data), Engine::new(&p, &shuffled));
        for scope in scopes() {
            for month in months() {
                let (ea, eb) = (a.evaluate(&scope, month), b.evaluate(&scope, month));
                prop_assert_eq!(ea.summary(), eb.summary());
                prop_assert_eq!(&ea.closures, &eb.closures);
                prop_assert_eq!(&ea.layoffs, &eb.layoffs);
            }
        }
    }
}

// ---- Random plans of the plan model: 1–5 levels, any criteria of every kind. ----

/// One criterion of a random level: kind, comparison, threshold seed, months, floor.
type CritGen = (u8, u8, u16, u32, Option<u16>);

fn crit() -> impl Strategy<Value = CritGen> {
    (
        0u8..6,
        0u8..4,
        0u16..1000,
        1u32..4,
        prop::option::of(0u16..1500),
    )
}

/// Levels (each a list of criteria), whether downward comparisons are allowed, and the own
/// indicator's values (region, month offset, value in 0.01).
#[derive(Clone, Debug)]
struct PlanGen {
    levels: Vec<Vec<CritGen>>,
    values: Vec<(usize, i64, u16)>,
}

fn arb_plan_gen() -> impl Strategy<Value = PlanGen> {
    (
        prop::collection::vec(prop::collection::vec(crit(), 0..4), 1..=5),
        prop::collection::vec((0usize..5, 0i64..MONTHS, 0u16..1000), 0..12),
    )
        .prop_map(|(levels, values)| PlanGen { levels, values })
}

const COMPARISONS: [Comparison; 4] = [
    Comparison::AtLeast,
    Comparison::Above,
    Comparison::AtMost,
    Comparison::Below,
];

/// A plan of the generated levels on top of `base` (its parameters kept), with indicator
/// values added to `data`. `upward`: only ≥ / > comparisons (the monotone plans).
fn random_plan(base: &Plan, data: &mut Dataset, g: &PlanGen, upward: bool) -> Plan {
    let mut p = base.clone();
    p.indicators = vec![IndicatorDef {
        id: "own".into(),
        name: Text::new("自定", "own"),
        unit: Text::new("%", "%"),
    }];
    let cl = |id: String| Clause {
        id,
        text: Text::default(),
    };
    p.thresholds.levels = g
        .levels
        .iter()
        .enumerate()
        .map(|(i, crits)| {
            let level = Level::from_number(i as u8 + 1).unwrap();
            let mut spec = uew::plan::presets::empty_level(level);
            for (k, (kind, cmp, t, months, floor)) in crits.iter().enumerate() {
                let cmp = if upward {
                    COMPARISONS[usize::from(*cmp % 2)]
                } else {
                    COMPARISONS[usize::from(*cmp)]
                };
                let id = format!("L{}-{k}", i + 1);
                match kind {
                    0 => {
                        spec.rate = Some(RateCriterion {
                            clause: cl(id),
                            min_rate: Pct::hundredths(300 + i64::from(*t % 500)),
                            sustained_months: *months,
                            comparison: cmp,
                            series: [
                                None,
                                Some(RateSeriesChoice::Registered),
                                Some(RateSeriesChoice::Surveyed),
                                Some(RateSeriesChoice::Either),
                            ][usize::from(*t % 4)],
                        })
                    }
                    1 => {
                        spec.closures = Some(ClosureCriterion {
                            clause: cl(id),
                            min_unemployed: u64::from(*t) * 10,
                        })
                    }
                    2 => {
                        spec.layoffs = Some(LayoffCriterion {
                            clause: cl(id),
                            min_share: Pct::hundredths(i64::from(*t) * 10),
                        })
                    }
                    3 => spec
                        .extra
                        .push(ExtraCriterion::SingleClosure(SingleClosureCriterion {
                            clause: cl(id),
                            min_unemployed: u64::from(*t) * 10,
                        })),
                    4 => spec
                        .extra
                        .push(ExtraCriterion::SingleLayoff(SingleLayoffCriterion {
                            clause: cl(id),
                            min_laid_off: u64::from(*t),
                            min_workforce: floor.map(u64::from),
                        })),
                    _ => spec
                        .extra
                        .push(ExtraCriterion::Indicator(IndicatorCriterion {
                            clause: cl(id),
                            indicator: "own".into(),
                            comparison: cmp,
                            threshold: Pct::hundredths(i64::from(*t)),
                            sustained_months: *months,
                        })),
                }
            }
            spec
        })
        .collect();
    for (r, off, v) in &g.values {
        data.indicator_values.push(IndicatorValue {
            indicator: "own".into(),
            region: REGIONS[*r].to_owned(),
            month: first().plus(*off).unwrap(),
            value: Pct::hundredths(i64::from(*v)),
        });
    }
    p
}

fn bounds_all(plan: &Plan, data: &Dataset) -> Vec<(Option<Level>, Option<Level>)> {
    let engine = Engine::new(plan, data);
    let mut out = Vec::new();
    for scope in scopes() {
        for s in engine.summaries(
            &scope,
            first().plus(-1).unwrap(),
            first().plus(MONTHS).unwrap(),
        ) {
            for st in [
                s.effective,
                s.indicator,
                s.rate,
                s.closures,
                s.layoffs,
                s.other,
            ] {
                out.push((st.level(), st.possible()));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_plans_streaming_pass_equals_evaluation(g in arb_gen(), pg in arb_plan_gen()) {
        let (p, mut data) = build(&g);
        let p = random_plan(&p, &mut data, &pg, false);
        let engine = Engine::new(&p, &data);
        let (from, to) = (first().plus(-1).unwrap(), first().plus(MONTHS).unwrap());
        for scope in scopes() {
            let t = engine.timeline(&scope, from, to);
            for (tm, month) in t.months.iter().zip(months()) {
                let e = engine.evaluate(&scope, month);
                prop_assert_eq!(tm.summary, e.summary(), "{} {}", scope, month);
                // Evidence cites the plan's own clause labels, and only levels of the plan.
                for c in &e.other.checks {
                    let own = format!("L{}-", c.level.number());
                    prop_assert!(c.clause.starts_with(&own), "{} at {:?}", c.clause, c.level);
                }
                if let Some(l) = e.indicator.possible() {
                    prop_assert!(p.levels().contains(&l));
                }
            }
        }
    }

    #[test]
    fn random_plans_raising_a_value_never_lowers_a_level(
        g in arb_gen(),
        pg in arb_plan_gen(),
        what in 0u8..4,
        pick in any::<prop::sample::Index>(),
        delta in 1u16..300,
    ) {
        let (p, mut data) = build(&g);
        let p = random_plan(&p, &mut data, &pg, true);
        let mut raised = data.clone();
        match what {
            0 if !raised.observations.is_empty() => {
                let o = &mut raised.observations[pick.index(data.observations.len())];
                let up = |r: Pct| Pct::from_units((r.units() + i64::from(delta) * 100).min(Pct::HUNDRED.units()));
                o.registered_rate = o.registered_rate.map(up);
                o.actual_rate = o.actual_rate.map(up);
                o.unemployed = o.unemployed.map(|u| u + u64::from(delta));
            }
            1 if !raised.closures.is_empty() => {
                raised.closures[pick.index(data.closures.len())].unemployed += u64::from(delta);
            }
            2 if !raised.layoffs.is_empty() => {
                let i = pick.index(data.layoffs.len());
                let e = &data.layoffs[i];
                let counts = !g.art41 || e.laid_off >= 20 || (e.workforce > 0 && e.laid_off * 10 >= e.workforce);
                if !counts {
                    return Ok(());
                }
                raised.layoffs[i].laid_off += u64::from(delta);
            }
            3 if !raised.indicator_values.is_empty() => {
                let i = pick.index(data.indicator_values.len());
                let v = &mut raised.indicator_values[i];
                v.value = Pct::from_units(v.value.units() + i64::from(delta) * 100);
            }
            _ => return Ok(()),
        }
        never_lower(&bounds_all(&p, &data), &bounds_all(&p, &raised))?;
    }
}

// ---- Hostile input: anything at all, evaluated anywhere, never panics. ----

fn any_month() -> impl Strategy<Value = Month> {
    prop_oneof![
        (2020i32..2030, 1u32..13).prop_map(|(y, mo)| Month::new(y, mo).unwrap()),
        Just(Month::MIN),
        Just(Month::MAX),
        (1990i32..=2100, 1u32..13).prop_map(|(y, mo)| Month::new(y, mo).unwrap()),
    ]
}

fn any_date() -> impl Strategy<Value = Date> {
    (any_month(), 1u32..29).prop_map(|(mo, d)| Date::new(mo.year(), mo.month(), d).unwrap())
}

fn id() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c", "d", "", "district", " a"]).prop_map(str::to_owned)
}

fn any_u64() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..100, Just(u64::MAX), any::<u64>()]
}

fn hostile() -> impl Strategy<Value = (Plan, Dataset)> {
    let region = (id(), 0u8..3, prop::option::of(id())).prop_map(|(id, k, parent)| Region {
        id,
        kind: [
            RegionKind::District,
            RegionKind::Street,
            RegionKind::Community,
        ][k as usize],
        name: String::new(),
        name_en: None,
        parent,
    });
    let pct = prop_oneof![0i64..1_000_000, any::<i64>()].prop_map(Pct::from_units);
    let obs = (
        id(),
        any_month(),
        prop::option::of(pct.clone()),
        prop::option::of(pct.clone()),
        prop::option::of(any_u64()),
        prop::option::of(any_u64()),
    )
        .prop_map(|(r, mo, reg, act, u, lf)| {
            let mut o = Observation::new(&r, mo);
            o.registered_rate = reg;
            o.actual_rate = act;
            o.unemployed = u;
            o.labour_force = lf;
            o
        });
    let closure = (id(), id(), any_date(), any_u64()).prop_map(|(e, s, date, n)| ClosureEvent {
        id: String::new(),
        enterprise: e,
        industry: String::new(),
        street: s,
        date,
        unemployed: n,
    });
    let layoff = (id(), id(), any_date(), any_u64(), any_u64()).prop_map(|(e, s, date, wf, n)| {
        LayoffEvent {
            id: String::new(),
            enterprise: e,
            industry: String::new(),
            street: s,
            date,
            workforce: wf,
            laid_off: n,
        }
    });
    let city = (0u8..3, any_month(), prop::option::of(any_month())).prop_map(|(l, from, until)| {
        CityWarning {
            level: level_of(l),
            from,
            until,
            note: String::new(),
        }
    });
    let special = (
        0u8..3,
        id(),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
        prop::option::of(any_month()),
    )
        .prop_map(|(l, s, c, a, until)| SpecialDetermination {
            id: String::new(),
            level: level_of(l),
            reason: SpecialReason::SpecialCircumstances,
            scope: Scope::from_text(&s),
            note: String::new(),
            proposed: Signoff {
                date: Date::MIN,
                by: String::new(),
            },
            hq_consent: c.map(|date| Signoff {
                date,
                by: String::new(),
            }),
            city_approval: a.map(|date| Signoff {
                date,
                by: String::new(),
            }),
            until,
        });
    let params = (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        any_u64(),
        pct.clone(),
        prop::collection::vec((any::<u32>(), pct.clone(), any_u64(), pct), 0..4),
    );
    (
        prop::collection::vec(region, 0..8),
        prop::collection::vec(obs, 0..20),
        prop::collection::vec(closure, 0..5),
        prop::collection::vec(layoff, 0..5),
        prop::collection::vec(city, 0..2),
        prop::collection::vec(special, 0..2),
        params,
    )
        .prop_map(
            |(
                regions,
                observations,
                closures,
                layoffs,
                city_warnings,
                special_determinations,
                (w, cm, lm, art, ap, ash, levels),
            )| {
                let mut p = plan();
                p.parameters.event_window_months = w;
                p.parameters.closures_min_enterprises = cm;
                p.parameters.layoffs_min_enterprises = lm;
                p.parameters.art41.enabled = art;
                p.parameters.art41.min_people = ap;
                p.parameters.art41.min_share = ash;
                // Replace rows with arbitrary values; fewer rows than levels leaves levels out.
                let template = p.thresholds.levels.clone();
                p.thresholds.levels = levels
                    .iter()
                    .zip(template)
                    .map(|((sus, rate, people, share), mut spec)| {
                        spec.rate.as_mut().unwrap().sustained_months = *sus;
                        spec.rate.as_mut().unwrap().min_rate = *rate;
                        spec.closures.as_mut().unwrap().min_unemployed = *people;
                        spec.layoffs.as_mut().unwrap().min_share = *share;
                        spec
                    })
                    .collect();
                let data = Dataset {
                    regions,
                    observations,
                    closures,
                    layoffs,
                    city_warnings,
                    special_determinations,
                    street_thresholds: Default::default(),
                    indicator_values: Vec::new(),
                };
                (p, data)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_never_panics(input in hostile(), month in any_month(), scope in id()) {
        let (p, data) = input;
        let engine = Engine::new(&p, &data);
        let scope = data.parse_scope(&scope);
        let e = engine.evaluate(&scope, month);
        let t = engine.timeline(&scope, month.plus_saturating(-2), month.plus_saturating(1));
        // Even here the two paths agree.
        if let Some(tm) = t.months.iter().find(|x| x.summary.month == month) {
            prop_assert_eq!(tm.summary, e.summary());
        }
        let _ = engine.evaluate(&Scope::District, Month::MIN);
        let _ = engine.timeline(&Scope::District, Month::MAX.plus_saturating(-1), Month::MAX);
        let _ = engine.key_groups(scope.street().unwrap_or("a"), month);
    }

    #[test]
    fn snapshot_reading_never_panics(text in ".{0,200}", cut in 0usize..5000) {
        let _ = Snapshot::from_json(&text);
        let demo = include_str!("../examples/sample-snapshot.json");
        let mut end = cut.min(demo.len());
        while !demo.is_char_boundary(end) {
            end -= 1;
        }
        prop_assert!(Snapshot::from_json(&demo[..end]).is_err());
    }
}

#[test]
fn status_bounds_are_ordered() {
    // The property tests compare (certain, possible) pairs; certain ≤ possible always.
    for s in [
        Status::Normal,
        Status::Warning { level: Level::L2 },
        Status::InsufficientData {
            at_least: Some(Level::L3),
            could_be: Level::L1,
        },
    ] {
        assert!(s.level() <= s.possible());
    }
}
