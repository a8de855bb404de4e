//! Rules engine at city scale: 3 000 regions × 240 months and 10 000 events.
//!
//! - `floor`: one bare pass over the same rates comparing each month and its predecessor with
//!   the three rate thresholds (exact integer comparisons) — the least any engine must do;
//! - `all scopes × all months`: the level of every region and scope in every month through the
//!   engine's streaming pass (rates, events, overrides, "insufficient data"), engine prepared;
//! - `prepare`: indexing the dataset once (`Engine::new`);
//! - `evaluate one month with evidence`: the district in one month, as a view shows it;
//! - `workspace: one cell edit at city scale`: `Workspace::apply` of one cell (a community's
//!   unemployed in one month, alternating between two values) until the engine is ready, with
//!   the transaction's check of the dataset;
//! - `update after one cell` / `update after one event`: the engine after one observation's
//!   value or one closure changed, its indexes carried over and updated (`Prepared::edited`).
//!
//! Run: `cargo bench --bench rules`. Figures are recorded in docs/benchmarks.md.

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
    use uew::edit::{CellEdit, Edit, Field, Value};
    use uew::model::{Dataset, Scope};
    use uew::num::Pct;
    use uew::plan::{Level, Plan};
    use uew::rules::{Engine, EventFigures, Prepared, Touched};
    use uew::snapshot::Snapshot;
    use uew::synthetic::{city_scale, first_month, MONTHS, REGIONS, STREETS};
    use uew::workspace::Workspace;

    /// The same rates as exact fractions per region (communities from counts, streets and the
    /// district Σ/Σ), dense by month — the floor's input, built outside the timing.
    fn dense_rates(data: &Dataset) -> Vec<Vec<(u64, u64)>> {
        let communities = REGIONS - 1 - STREETS;
        let mut out = vec![vec![(0u64, 0u64); MONTHS]; REGIONS];
        for (i, o) in data.observations.iter().enumerate() {
            let (c, t) = (i / MONTHS, i % MONTHS);
            let (u, lf) = (o.unemployed.unwrap(), o.labour_force.unwrap());
            let street = 1 + c % STREETS;
            for r in [1 + STREETS + c, street, 0] {
                let cell = &mut out[r][t];
                *cell = (cell.0 + u, cell.1 + lf);
            }
        }
        assert_eq!(out.len(), 1 + STREETS + communities);
        // The floor's u64 products stay exact.
        let max_lf = out[0].iter().map(|c| c.1).max().unwrap();
        assert!(max_lf.checked_mul(1_000_000).is_some());
        out
    }

    /// Each month and its predecessor against the three thresholds; returns a checksum. Exact, in
    /// u64 (the generated counts are small enough not to overflow; the engine uses u128 for any
    /// input).
    fn floor(rates: &[Vec<(u64, u64)>], thresholds: &[Pct; 3]) -> u64 {
        let units: [u64; 3] = thresholds.map(|p| p.units() as u64);
        let mut sum = 0u64;
        for region in rates {
            let mut prev = [false; 3];
            for &(u, lf) in region {
                let lhs = u * 1_000_000;
                let mut level = 0u64;
                for (k, t) in units.iter().enumerate() {
                    let met = lhs >= t * lf;
                    if met && prev[k] && level == 0 {
                        level = 3 - k as u64;
                    }
                    prev[k] = met;
                }
                sum += level;
            }
        }
        sum
    }

    fn bench(c: &mut Criterion) {
        let plan = Plan::binjiang_2020();
        let data = city_scale();
        let rates = dense_rates(&data);
        let thresholds = [Level::L1, Level::L2, Level::L3].map(|l| {
            plan.thresholds
                .spec(l)
                .unwrap()
                .rate
                .as_ref()
                .unwrap()
                .min_rate
        });
        let from = first_month();
        let to = from.plus(MONTHS as i64 - 1).unwrap();
        let engine = Engine::new(&plan, &data);
        let mut scopes = vec![Scope::District];
        scopes.extend(engine.region_scopes());
        assert_eq!(scopes.len(), REGIONS);

        let mut g = c.benchmark_group("rules");
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        g.bench_function("floor", |b| {
            b.iter(|| floor(black_box(&rates), &thresholds))
        });
        g.bench_function("all scopes x all months", |b| {
            b.iter(|| {
                let mut n = 0usize;
                for scope in &scopes {
                    n += engine.summaries(black_box(scope), from, to).len();
                }
                assert_eq!(n, REGIONS * MONTHS);
                n
            })
        });
        g.bench_function("prepare", |b| {
            b.iter(|| Engine::new(&plan, black_box(&data)))
        });
        g.bench_function("evaluate one month with evidence", |b| {
            b.iter(|| engine.evaluate(&Scope::District, black_box(to)))
        });
        g.bench_function("workspace: one cell edit at city scale", |b| {
            let snapshot = Snapshot::new(plan.clone(), data.clone(), "2026-01-01T00:00:00Z");
            let mut w = Workspace::new(snapshot);
            let month = from.plus(120).unwrap();
            let mut k = 0u64;
            b.iter(|| {
                k += 1;
                let edit = Edit::SetCell(CellEdit::new(
                    "c1500",
                    month,
                    Field::Unemployed,
                    Some(Value::Count(100 + k % 2)),
                ));
                w.apply(black_box(edit)).unwrap();
                assert!(w.prepared().engine().is_incremental());
            })
        });
        // One observation's value changed in place, the engine updated (`Prepared::edited`
        // with nothing else holding the previous preparation, as in the workspace).
        g.bench_function("update after one cell", |b| {
            let mut p = Some(Prepared::new(plan.clone(), data.clone()));
            let i = 1500 * MONTHS + 120;
            let mut k = 0u64;
            b.iter(|| {
                k += 1;
                let next = p.take().unwrap().edited(|ds| {
                    let o = &mut ds.observations[i];
                    o.unemployed = Some(100 + k % 2);
                    let removed = vec![(i, o.region.clone(), o.month)];
                    Some(Touched::Observations {
                        removed,
                        inserted: vec![i],
                    })
                });
                p = next;
                assert!(p.as_ref().unwrap().engine().is_incremental());
            })
        });
        // One closure's figure changed, the events of every scope bucketed again.
        g.bench_function("update after one event", |b| {
            let mut p = Some(Prepared::new(plan.clone(), data.clone()));
            let mut k = 0u64;
            b.iter(|| {
                k += 1;
                let next = p.take().unwrap().edited(|ds| {
                    let before = EventFigures::from(&ds.closures[0]);
                    ds.closures[0].unemployed = 50 + k % 2;
                    Some(Touched::Events {
                        removed: vec![before],
                        added: vec![EventFigures::from(&ds.closures[0])],
                    })
                });
                p = next;
                assert!(p.as_ref().unwrap().engine().is_incremental());
            })
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
