//! What-if scenarios on the demo data (district, 3 streets, 11 communities, 2022-01 … 2026-10):
//!
//! - `tweak -> 3 scenarios re-evaluated`: what one tweak costs in a meeting with three
//!   scenarios open — each scenario applied to the baseline (copies of plan and dataset), the
//!   engine prepared, and the timelines of the district and every street computed over the data
//!   and a year ahead;
//! - `apply one scenario`: applying one scenario's tweaks alone;
//! - `compare baseline + 3`: [`compare`] for the district over the same range;
//! - `what it takes`: the reverse what-if for the district in one month, every suggestion
//!   applied and re-evaluated.
//!
//! Run: `cargo bench --bench scenario`. Figures are recorded in docs/benchmarks.md.

// Bench code may stop at a broken invariant: unwraps and indexing are deliberate here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
// Benchmarks run natively; for wasm32 (clippy over all targets) this target is empty.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use std::time::Duration;
    use uew::edit::{CellEdit, Field, Value};
    use uew::model::Scope;
    use uew::month::Month;
    use uew::num::Pct;
    use uew::plan::{Level, Plan};
    use uew::rules::{Engine, Series};
    use uew::scenario::{compare, what_it_takes, Delta, Scenario, Tweak};

    fn m(t: &str) -> Month {
        Month::parse(t).unwrap()
    }

    fn pct(t: &str) -> Pct {
        Pct::parse(t).unwrap()
    }

    /// Three scenarios a meeting might pose, each with a few tweaks of different kinds.
    fn scenarios() -> Vec<Scenario> {
        let mut a = Scenario::new(1, "plant closes", "t");
        a.tweaks = vec![
            Tweak::Closure {
                enterprise: "杭州某电子厂".into(),
                street: "xixing".into(),
                month: m("2026-11"),
                unemployed: 6_000,
            },
            Tweak::Layoff {
                enterprise: "杭州某软件公司".into(),
                street: "changhe".into(),
                month: m("2026-12"),
                workforce: 2_000,
                laid_off: 900,
            },
        ];
        let mut b = Scenario::new(2, "+0.2 pp a month", "t");
        b.tweaks = vec![
            Tweak::Trend {
                region: "binjiang".into(),
                series: Series::Registered,
                step: Delta::tenths(2),
                months: 6,
            },
            Tweak::ExtendRates {
                region: "xixing".into(),
                series: Series::Registered,
                from: None,
                values: vec![pct("3.2"), pct("3.6"), pct("4.1"), pct("4.6")],
            },
        ];
        let mut c = Scenario::new(3, "threshold 5 %", "t");
        c.tweaks = vec![
            Tweak::Thresholds {
                scope: Scope::District,
                level: Level::L3,
                min_rate: Some(pct("5")),
                sustained_months: None,
                min_unemployed: None,
                min_share: None,
            },
            Tweak::EventWindow { months: 6 },
            Tweak::SetCells {
                cells: vec![CellEdit::new(
                    "xixing-dongguan",
                    m("2026-10"),
                    Field::Unemployed,
                    Some(Value::Count(1_500)),
                )],
            },
        ];
        vec![a, b, c]
    }

    fn bench(c: &mut Criterion) {
        let plan = Plan::binjiang_2020();
        let data = uew::demo::dataset();
        let scenarios = scenarios();
        let refs: Vec<&Scenario> = scenarios.iter().collect();
        let (from, _) = data.span().unwrap();
        let to = m("2027-10");
        let scopes = Engine::new(&plan, &data).scopes();
        assert_eq!(scopes.len(), 4);

        let mut g = c.benchmark_group("scenario");
        g.sample_size(30)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        g.bench_function("tweak -> 3 scenarios re-evaluated", |b| {
            b.iter(|| {
                let mut n = 0usize;
                for s in &scenarios {
                    let (p, d) = s.apply(&plan, black_box(&data)).unwrap();
                    let engine = Engine::new(&p, &d);
                    for scope in &scopes {
                        n += engine.timeline(scope, from, to).months.len();
                    }
                }
                assert_eq!(n, 3 * 4 * 70);
                n
            })
        });
        g.bench_function("apply one scenario", |b| {
            b.iter(|| scenarios[1].apply(&plan, black_box(&data)).unwrap())
        });
        g.bench_function("compare baseline + 3", |b| {
            b.iter(|| compare(&plan, black_box(&data), &refs, &Scope::District, from, to).unwrap())
        });
        g.bench_function("what it takes", |b| {
            b.iter(|| what_it_takes(&plan, black_box(&data), &Scope::District, m("2026-10")))
        });
        g.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
