//! The monitoring workspace's pure parts, natively: chart rendering, the projection, one cell
//! edit with its undo at city scale (3 000 regions × 240 months), and a CSV round trip of the
//! sample data.
//!
//! Run: `cargo bench --bench charts`.

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
    use uew::charts::{
        event_chart, rate_chart, small_multiples, EventChart, LevelColours, Panel, Projection,
        RateChart, Series, SmallMultiples, Threshold, Unit, PALETTE,
    };
    use uew::edit::{CellEdit, Edit, Field, Value};
    use uew::forecast::{project, Settings};
    use uew::i18n::Lang;
    use uew::month::Month;
    use uew::num::Pct;
    use uew::plan::Level;

    fn month(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    fn wave(n: usize, shift: f64) -> Vec<Option<f64>> {
        (0..n)
            .map(|i| Some(3.2 + shift + 1.4 * (i as f64 / 6.0).sin()))
            .collect()
    }

    fn levels(values: &[Option<f64>]) -> Vec<Option<Level>> {
        values
            .iter()
            .map(|v| v.filter(|x| *x >= 4.5).map(|_| Level::L3))
            .collect()
    }

    fn thresholds() -> Vec<Threshold> {
        [(Level::L3, 45), (Level::L2, 55), (Level::L1, 65)]
            .map(|(l, t)| Threshold::percent(l, Pct::tenths(t), Lang::Zh))
            .to_vec()
    }

    fn rate_spec() -> RateChart {
        let registered = wave(60, 0.0);
        let settings = Settings {
            horizon: 12,
            ..Settings::default()
        };
        let f = project(month(2022, 1), &registered, &settings).unwrap();
        RateChart {
            title: "滨江区失业率".to_owned(),
            start: month(2022, 1),
            levels: levels(&registered),
            colours: LevelColours::default(),
            series: vec![
                Series {
                    label: "登记失业率".to_owned(),
                    values: registered,
                    colour: PALETTE[0],
                },
                Series {
                    label: "实际失业率".to_owned(),
                    values: wave(60, 0.4),
                    colour: PALETTE[1],
                },
            ],
            thresholds: thresholds(),
            projection: Projection::from_forecast(0, &f, Lang::Zh),
            width: 720,
            height: 320,
            lang: Lang::Zh,
        }
    }

    use uew::synthetic::city_scale;

    fn bench(c: &mut Criterion) {
        let spec = rate_spec();
        let events = EventChart {
            title: "关停破产失业人数".to_owned(),
            start: month(2022, 1),
            bars: Some(Series {
                label: "当月".to_owned(),
                values: (0..60).map(|i| (i % 4 == 0).then_some(1_500.0)).collect(),
                colour: PALETTE[4],
            }),
            line: Some(Series {
                label: "近 3 个月合计".to_owned(),
                values: (0..60)
                    .map(|i| Some(1_500.0 + (i % 3) as f64 * 100.0))
                    .collect(),
                colour: PALETTE[0],
            }),
            thresholds: [(Level::L3, 5_000), (Level::L2, 10_000), (Level::L1, 15_000)]
                .map(|(l, n)| Threshold::people(l, n, Lang::Zh))
                .to_vec(),
            levels: vec![None; 60],
            colours: LevelColours::default(),
            unit: Unit::People,
            width: 720,
            height: 280,
            lang: Lang::Zh,
        };
        let small = SmallMultiples {
            title: "各街道失业率".to_owned(),
            start: month(2022, 1),
            panels: (0..3)
                .map(|k| {
                    let values = wave(60, 0.25 * k as f64);
                    Panel {
                        title: format!("街道 {k}"),
                        levels: levels(&values),
                        series: vec![Series {
                            label: String::new(),
                            values,
                            colour: PALETTE[0],
                        }],
                    }
                })
                .collect(),
            thresholds: thresholds(),
            colours: LevelColours::default(),
            columns: 3,
            panel_width: 240,
            panel_height: 150,
            lang: Lang::Zh,
        };
        let mut g = c.benchmark_group("workspace");
        g.sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        g.bench_function("rate chart, 60 months + 12 projected", |b| {
            b.iter(|| rate_chart(black_box(&spec)).svg.len())
        });
        g.bench_function("event chart, 60 months", |b| {
            b.iter(|| event_chart(black_box(&events)).svg.len())
        });
        g.bench_function("small multiples, 3 x 60 months", |b| {
            b.iter(|| small_multiples(black_box(&small)).svg.len())
        });
        let series = wave(60, 0.0);
        g.bench_function("backtest + projection, 60 months", |b| {
            b.iter(|| {
                project(month(2022, 1), black_box(&series), &Settings::default())
                    .unwrap()
                    .points
                    .len()
            })
        });

        let demo = uew::demo::dataset();
        let csv = uew::csv::export_monthly(&demo, Lang::Zh);
        g.bench_function("csv export, sample", |b| {
            b.iter(|| uew::csv::export_monthly(black_box(&demo), Lang::Zh).len())
        });
        g.bench_function("csv import preview, sample", |b| {
            b.iter(|| uew::csv::import_monthly(black_box(&demo), &csv).rows.len())
        });

        let mut city = city_scale();
        // The first observation: the lookup scans all 712 560 from the end (the worst case).
        let first = uew::synthetic::first_month();
        g.bench_function("one cell edit + undo, city scale, worst case", |b| {
            b.iter(|| {
                let e = Edit::SetCell(CellEdit::new(
                    "c0000",
                    first,
                    Field::Unemployed,
                    Some(Value::Count(123)),
                ));
                let inverse = e.apply(&mut city).unwrap();
                inverse.apply(&mut city).unwrap();
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
