//! Prints the backtest table of docs/benchmarks.md for a monthly series CSV (`month,rate`):
//! every candidate's mean absolute error at h = 1, 3, 6 over the window and its band's measured
//! coverage, then the choice.
//!
//! ```text
//! cargo run --release --example backtest_table -- tests/fixtures/series/cn-nbs-urban-surveyed-unemployment-2018-2022.csv [WINDOW]
//! ```
#![allow(clippy::print_stdout)]

use uew::forecast::{project, series_csv, Assessed, Settings};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .ok_or("usage: backtest_table SERIES.csv [WINDOW]")?;
    let window = args
        .next()
        .map(|w| w.parse::<usize>().map_err(|e| e.to_string()))
        .transpose()?
        .unwrap_or(24);
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let (start, values) = series_csv::parse(&text)?;
    let settings = Settings {
        window,
        ..Settings::default()
    };
    let f = project(start, &values, &settings).map_err(|e| format!("{e:?}"))?;
    println!(
        "Window: {} origins up to {}; band {} %; mean = mean MAE over h = 1 … {}.\n",
        f.window,
        f.last_observed,
        (settings.level * 100.0).round(),
        settings.horizon
    );
    println!("| method | h = 1 | h = 3 | h = 6 | mean (1–6) | band coverage |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let cell = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.3}"));
    for (m, a) in &f.selection.candidates {
        match a {
            Assessed::Judged(r) => println!(
                "| {} | {} | {} | {} | {} | {} ({} of {}) |",
                m.id(),
                cell(r.mae_at(1)),
                cell(r.mae_at(3)),
                cell(r.mae_at(6)),
                cell(r.mean()),
                r.coverage
                    .share()
                    .map_or("—".to_owned(), |s| format!("{:.0} %", s * 100.0)),
                r.coverage.inside,
                r.coverage.checked,
            ),
            Assessed::TooShort { need, .. } => {
                println!("| {} | needs {need} months | | | | |", m.id())
            }
        }
    }
    println!("\nChosen: {}", f.method.id());
    Ok(())
}
