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
    use uew::model::Scope;
    use uew::month::Month;
    use uew::plan::Plan;
    use uew::rules::Engine;
    use uew::scenario::{compare, what_it_takes, Scenario};

    fn m(t: &str) -> Month {
        Month::parse(t).unwrap()
    }

    fn bench(c: &mut Criterion) {
        let plan = Plan::binjiang_2020();
        let data = uew::demo::dataset();
        let scenarios = uew::synthetic::meeting_scenarios();
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
