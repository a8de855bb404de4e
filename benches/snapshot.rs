//! Snapshots: export, import (open = checks + parse + validate), validate, import preview (diff)
//! and merge, for the sample and for a city-scale dataset (3 000 regions × 240 months, 10 000
//! events — the generator of benches/rules.rs); share link encode/decode of the sample.
//!
//! Run: `cargo bench --bench snapshot`. Figures are recorded in docs/benchmarks.md; the text
//! sizes and the link lengths are printed first.

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
    use uew::model::{Dataset, Observation, RegionKind};
    use uew::plan::Plan;
    use uew::snapshot::{diff, share, validate, Limits, Resolution, Snapshot};

    use uew::synthetic::{city_scale, first_month, MONTHS};

    /// An incoming copy of `ds` with every 100th observation changed, a month added for every
    /// community, and every 100th closure changed: a monthly report merged into a large base.
    fn incoming(ds: &Dataset) -> Dataset {
        let mut inc = ds.clone();
        for (i, o) in inc.observations.iter_mut().enumerate() {
            if i % 100 == 0 {
                o.unemployed = o.unemployed.map(|u| u.saturating_sub(1));
            }
        }
        let next = first_month().plus(MONTHS as i64).unwrap();
        let extra: Vec<Observation> = inc
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Community)
            .map(|r| {
                let mut o = Observation::new(&r.id, next);
                o.labour_force = Some(10_000);
                o.unemployed = Some(300);
                o
            })
            .collect();
        inc.observations.extend(extra);
        for (i, e) in inc.closures.iter_mut().enumerate() {
            if i % 100 == 0 {
                e.unemployed += 1;
            }
        }
        inc
    }

    fn bench(c: &mut Criterion) {
        let demo = uew::demo::snapshot();
        let demo_pretty = demo.to_json_pretty();
        let demo_link = share::encode_unbounded(&demo);
        let mut demo_changed = demo.dataset.clone();
        for o in demo_changed.observations.iter_mut().step_by(10) {
            o.unemployed = o.unemployed.map(|u| u + 1);
        }

        let city = Snapshot::new(Plan::binjiang_2020(), city_scale(), "2026-12-31T00:00:00Z");
        let city_pretty = city.to_json_pretty();
        let city_compact = city.to_json_compact();
        let city_incoming = incoming(&city.dataset);
        eprintln!(
            "sizes: demo {} B pretty, {} B compact, link {} chars (cap {}); city {} B pretty, {} B compact",
            demo_pretty.len(),
            demo.to_json_compact().len(),
            demo_link.len(),
            share::MAX_LINK_CHARS,
            city_pretty.len(),
            city_compact.len(),
        );
        let plan = diff(&city.dataset, &city_incoming);
        let s = plan.summary();
        eprintln!(
            "city diff: observations {:?}, closures {:?}",
            s.observations, s.closures
        );

        let mut g = c.benchmark_group("snapshot demo");
        g.sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        g.bench_function("export pretty", |b| {
            b.iter(|| black_box(&demo).to_json_pretty())
        });
        g.bench_function("import (open)", |b| {
            b.iter(|| Snapshot::open(black_box(&demo_pretty)).unwrap())
        });
        g.bench_function("validate", |b| b.iter(|| validate(black_box(&demo))));
        g.bench_function("diff", |b| {
            b.iter(|| diff(black_box(&demo.dataset), black_box(&demo_changed)))
        });
        g.bench_function("share encode", |b| {
            b.iter(|| share::encode_unbounded(black_box(&demo)))
        });
        g.bench_function("share decode", |b| {
            b.iter(|| share::decode(black_box(&demo_link)).unwrap())
        });
        g.finish();

        let mut g = c.benchmark_group("snapshot city");
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(8));
        g.bench_function("export pretty", |b| {
            b.iter(|| black_box(&city).to_json_pretty())
        });
        g.bench_function("export compact", |b| {
            b.iter(|| black_box(&city).to_json_compact())
        });
        // The pretty text is beyond the default 64 MiB limit (the app itself cannot hold this
        // much: browser storage is ~5 MB), so this one reads under a raised limit.
        let raised = Limits {
            max_bytes: 256 * 1024 * 1024,
            ..Limits::DEFAULT
        };
        g.bench_function("import pretty (open)", |b| {
            b.iter(|| Snapshot::open_with(black_box(&city_pretty), &raised).unwrap())
        });
        g.bench_function("import compact (open)", |b| {
            b.iter(|| Snapshot::open(black_box(&city_compact)).unwrap())
        });
        g.bench_function("parse only (serde)", |b| {
            b.iter(|| serde_json::from_str::<Snapshot>(black_box(&city_compact)).unwrap())
        });
        g.bench_function("validate", |b| b.iter(|| validate(black_box(&city))));
        g.bench_function("diff", |b| {
            b.iter(|| diff(black_box(&city.dataset), black_box(&city_incoming)))
        });
        g.bench_function("merge (take theirs)", |b| {
            let r = plan.resolve_all(Resolution::TakeTheirs);
            b.iter(|| plan.merge(black_box(&r)).unwrap())
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
