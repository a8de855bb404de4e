//! Command-line evaluator: the same rules code as the app, on a snapshot file.
//!
//! ```text
//! uew evaluate SNAPSHOT.json [--scope district|<street id>] [--from YYYY-MM] [--to YYYY-MM]
//! uew forecast SNAPSHOT.json [--scope district|<street id>] [--series registered|actual]
//!              [--horizon N] [--window N]
//! uew plan check PLAN.json
//! uew plan preset binjiang-2020|zhuhai-2006|blank
//! uew demo
//! uew import-xlsx FILE.xlsx --into SNAPSHOT.json [--sheet NAME] [--skip-bad-rows]
//!                 [--keep-mine|--take-theirs]
//! uew export-xlsx SNAPSHOT.json [-o OUT.xlsx] [--lang zh|en]
//! uew template-xlsx SNAPSHOT.json --street ID --month YYYY-MM [-o OUT.xlsx]
//! ```
//! Bad input prints a message naming the JSON path and exits with code 2.

use serde::Serialize;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;
use uew::forecast::{self, Assessed, Reach, Settings};
use uew::model::Scope;
use uew::month::Month;
use uew::rules::{Engine, Evaluation, Run, Series, Transition};
use uew::snapshot::{text_from_bytes, Snapshot};

#[path = "uew_cmd/xlsx.rs"]
mod xlsx_cmd;

const USAGE: &str = "\
usage:
  uew evaluate SNAPSHOT.json [--scope district|<street id>] [--from YYYY-MM] [--to YYYY-MM]
      Evaluates the scope (default: district) for every month of the range (default: the
      months the snapshot has data for) and prints JSON: per month the effective level, the
      deciding source and each criterion's level with its evidence; then the transitions and
      runs of the range.
  uew forecast SNAPSHOT.json [--scope district|<street id>] [--series registered|actual]
               [--horizon N] [--window N]
      Backtests every projection method on the scope's rate series (default: registered) from
      rolling origins over the last N months (default 24), horizons 1..N (default 6), and prints
      JSON: each candidate's mean absolute error per horizon and its band's measured coverage
      (or the months it needs), the method chosen (naive unless another is better on average),
      the projection with its band, and per level the chance of reaching its rate criterion.
  uew plan check PLAN.json
      Checks a plan file (one plan as JSON, as the Plan page exports it) and prints one line per
      problem, Chinese then English, naming the level or criterion: errors where the plan
      cannot be evaluated, warnings where it looks wrong. Exit 2 when there is an error.
  uew plan preset binjiang-2020|zhuhai-2006|blank
      Prints a preset plan as JSON (a starting point for `plan check` and the editor).
  uew demo
      Prints the embedded sample snapshot (示例数据).
  uew city
      Prints the city-scale test snapshot (3 000 regions × 240 months, 10 000 events; about
      54 MB of JSON) that the benchmarks and the large-workspace tests use.
  uew import-xlsx FILE.xlsx --into SNAPSHOT.json [--sheet NAME] [--skip-bad-rows]
                  [--keep-mine|--take-theirs]
      Imports a workbook (.xlsx, .xls, .ods) into the snapshot file: its monthly data and its
      closure and layoff events, as the app's CSV import does; a filled-in street report
      template merges as that street's month (conflicts need --keep-mine or --take-theirs).
      Bad rows are named by cell (Sheet1!D14) and nothing is written unless --skip-bad-rows.
  uew export-xlsx SNAPSHOT.json [-o OUT.xlsx] [--lang zh|en]
      Writes the data, the events, the evaluation timeline and one sheet per figure.
  uew template-xlsx SNAPSHOT.json --street ID --month YYYY-MM [-o OUT.xlsx]
      Writes the street's monthly report template (下载填报模板).
  uew help
";

/// The printed result of `evaluate`.
#[derive(Serialize)]
struct Report<'a> {
    plan: &'a str,
    scope: &'a Scope,
    from: Month,
    to: Month,
    months: Vec<Evaluation>,
    transitions: Vec<Transition>,
    runs: Vec<Run>,
}

/// A failure and its exit code.
struct Fail(u8, String);

fn usage(msg: &str) -> Fail {
    Fail(2, format!("{msg}\n\n{USAGE}"))
}

/// A message on one line, so that a script reading stderr gets one record per failure.
fn one_line(msg: &str) -> String {
    msg.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn month_arg(flag: &str, value: Option<String>) -> Result<Month, Fail> {
    let v = value.ok_or_else(|| usage(&format!("{flag} needs a month (YYYY-MM)")))?;
    Month::parse(&v).map_err(|e| usage(&format!("{flag} {v:?}: {e}")))
}

fn write_out(text: &str) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush())
        .map_err(|e| Fail(1, format!("cannot write the output: {e}")))
}

fn parse_scope(data: &uew::model::Dataset, scope: Option<String>) -> Result<Scope, Fail> {
    let Some(s) = scope else {
        return Ok(Scope::District);
    };
    let scope = data.parse_scope(&s);
    if let Scope::Street(id) = &scope {
        if data.region(id).is_none() {
            let known: Vec<&str> = data.streets().map(|r| r.id.as_str()).collect();
            return Err(Fail(
                2,
                format!(
                    "--scope {s:?}: no region with this id (streets: {})",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(scope)
}

/// Reads a snapshot file as office PCs write them (a BOM; UTF-16 and GB18030 are named), with
/// any error on one line.
fn open_snapshot(file: &str) -> Result<Snapshot, Fail> {
    let bytes = std::fs::read(file).map_err(|e| Fail(2, format!("{file}: cannot read: {e}")))?;
    text_from_bytes(&bytes)
        .and_then(Snapshot::from_json)
        .map_err(|e| Fail(2, one_line(&format!("{file}: {e}"))))
}

fn count_arg(flag: &str, value: Option<String>, max: usize) -> Result<usize, Fail> {
    let v = value.ok_or_else(|| usage(&format!("{flag} needs a number")))?;
    v.parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| usage(&format!("{flag} {v:?}: a whole number from 1 to {max}")))
}

fn forecast(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    let mut file: Option<String> = None;
    let mut scope = None;
    let mut series = Series::Registered;
    let mut settings = Settings::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--scope" => {
                scope = Some(args.next().ok_or_else(|| usage("--scope needs a value"))?);
            }
            "--series" => {
                series = match args.next().as_deref() {
                    Some("registered") => Series::Registered,
                    Some("actual") => Series::Actual,
                    _ => return Err(usage("--series needs registered or actual")),
                }
            }
            "--horizon" => settings.horizon = count_arg("--horizon", args.next(), 24)?,
            "--window" => settings.window = count_arg("--window", args.next(), 600)?,
            f if f.starts_with("--") => return Err(usage(&format!("unknown option {f}"))),
            _ if file.is_none() => file = Some(a),
            _ => return Err(usage(&format!("unexpected argument {a:?}"))),
        }
    }
    let file = file.ok_or_else(|| usage("forecast needs a snapshot file"))?;
    let snap = open_snapshot(&file)?;
    let data = &snap.dataset;
    let scope = parse_scope(data, scope)?;
    let Some((from, to)) = data.span() else {
        return Err(Fail(2, format!("{file}: the snapshot has no observations")));
    };
    let engine = Engine::new(&snap.plan, data);
    let region = data
        .scope_region(&scope)
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let values: Vec<Option<f64>> = engine
        .rate_series(&region, series, from, to)
        .into_iter()
        .map(|v| v.map(|p| p.units() as f64 / 10_000.0))
        .collect();
    let f = forecast::project(from, &values, &settings)
        .map_err(|e| Fail(1, uew::i18n::no_forecast(&e, uew::i18n::Lang::En)))?;
    let candidates: Vec<serde_json::Value> = f
        .selection
        .candidates
        .iter()
        .map(|(m, a)| match a {
            Assessed::Judged(r) => json!({
                "method": m.id(),
                "mae": r.mae,
                "outcomes": r.outcomes,
                "mean_mae": r.mean(),
                "coverage": {
                    "inside": r.coverage.inside,
                    "checked": r.coverage.checked,
                    "share": r.coverage.share(),
                },
            }),
            Assessed::TooShort { need, have } => json!({
                "method": m.id(),
                "too_short": { "need_months": need, "have_months": have },
            }),
        })
        .collect();
    let limits = engine.thresholds_for(&scope);
    // Levels with a "≥" rate criterion: the forecast's chance of reaching it.
    let reach: Vec<serde_json::Value> = limits
        .levels
        .iter()
        .filter_map(|l| Some((l.level, l.rate.as_ref()?)))
        .filter(|(_, r)| r.comparison == uew::plan::Comparison::AtLeast)
        .map(|(level, rate)| {
            let base = json!({
                "level": level.number(),
                "min_rate": rate.min_rate,
                "sustained_months": rate.sustained_months,
            });
            let more = match f.reach(rate.min_rate, rate.sustained_months) {
                Reach::Already => json!({ "already": true }),
                Reach::Outlook(o) => json!({
                    "paths": o.paths,
                    "reached_by": o.months.iter().zip(&o.reached_by)
                        .map(|(m, k)| json!({ "month": m, "paths": k }))
                        .collect::<Vec<_>>(),
                    "likely": o.likely().map(|(m, k)| json!({ "month": m, "paths": k })),
                    "central": o.central,
                }),
            };
            let mut v = base;
            if let (Some(v), serde_json::Value::Object(more)) = (v.as_object_mut(), more) {
                v.extend(more);
            }
            v
        })
        .collect();
    let report = json!({
        "scope": scope,
        "series": match series { Series::Registered => "registered", Series::Actual => "actual" },
        "last_observed": f.last_observed,
        "observed_months": f.observed_months,
        "horizon": settings.horizon,
        "window": f.window,
        "band_level": settings.level,
        "candidates": candidates,
        "chosen": f.method.id(),
        "projection": f.points.iter().map(|p| json!({
            "month": p.month, "value": p.value, "low": p.low, "high": p.high,
        })).collect::<Vec<_>>(),
        "reach": reach,
    });
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| Fail(1, format!("cannot format the result: {e}")))?;
    write_out(&json)
}

fn evaluate(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    let mut file: Option<String> = None;
    let (mut scope, mut from, mut to) = (None, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--scope" => {
                scope = Some(args.next().ok_or_else(|| usage("--scope needs a value"))?);
            }
            "--from" => from = Some(month_arg("--from", args.next())?),
            "--to" => to = Some(month_arg("--to", args.next())?),
            f if f.starts_with("--") => return Err(usage(&format!("unknown option {f}"))),
            _ if file.is_none() => file = Some(a),
            _ => return Err(usage(&format!("unexpected argument {a:?}"))),
        }
    }
    let file = file.ok_or_else(|| usage("evaluate needs a snapshot file"))?;
    let snap = open_snapshot(&file)?;
    let data = &snap.dataset;
    let scope = parse_scope(data, scope)?;
    let span = data.span();
    let from = from.or(span.map(|s| s.0));
    let to = to.or(span.map(|s| s.1));
    let (Some(from), Some(to)) = (from, to) else {
        return Err(usage(
            "the snapshot has no observations or events: give --from and --to",
        ));
    };
    if to < from {
        return Err(usage(&format!("--to {to} is before --from {from}")));
    }
    let engine = Engine::new(&snap.plan, data);
    let timeline = engine.timeline(&scope, from, to);
    let report = Report {
        plan: &snap.plan.id,
        scope: &scope,
        from,
        to,
        months: from
            .through(to)
            .map(|m| engine.evaluate(&scope, m))
            .collect(),
        transitions: timeline.transitions,
        runs: timeline.runs,
    };
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| Fail(1, format!("cannot format the result: {e}")))?;
    write_out(&json)
}

fn plan_cmd(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    match args.next().as_deref() {
        Some("check") => {
            let file = args
                .next()
                .ok_or_else(|| usage("plan check needs a plan file"))?;
            if let Some(extra) = args.next() {
                return Err(usage(&format!("unexpected argument {extra:?}")));
            }
            let bytes =
                std::fs::read(&file).map_err(|e| Fail(2, format!("{file}: cannot read: {e}")))?;
            let text =
                text_from_bytes(&bytes).map_err(|e| Fail(2, one_line(&format!("{file}: {e}"))))?;
            let plan = uew::plan::Plan::from_json(text)
                .map_err(|e| Fail(2, one_line(&format!("{file}: {}", e.en))))?;
            let problems = uew::plan::check::check(&plan);
            let lines: Vec<String> = problems
                .iter()
                .map(|p| format!("{} | {}", p.line(true), p.line(false)))
                .collect();
            if uew::plan::check::has_errors(&problems) {
                return Err(Fail(2, format!("{file}:\n{}", lines.join("\n"))));
            }
            if lines.is_empty() {
                write_out(&format!("{file}: 无问题 | no problems"))
            } else {
                write_out(&lines.join("\n"))
            }
        }
        Some("preset") => {
            let id = args
                .next()
                .ok_or_else(|| usage("plan preset needs an id"))?;
            let plan = uew::plan::Plan::preset(&id).ok_or_else(|| {
                usage(&format!(
                    "unknown preset {id:?} (presets: {})",
                    uew::plan::presets::ALL.join(", ")
                ))
            })?;
            write_out(&plan.to_json_pretty())
        }
        Some(other) => Err(usage(&format!("unknown plan command {other:?}"))),
        None => Err(usage("plan needs a command: check or preset")),
    }
}

fn run() -> Result<(), Fail> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("evaluate") => evaluate(&mut args),
        Some("forecast") => forecast(&mut args),
        Some("import-xlsx") => xlsx_cmd::import(&mut args),
        Some("export-xlsx") => xlsx_cmd::export(&mut args),
        Some("template-xlsx") => xlsx_cmd::template(&mut args),
        Some("plan") => plan_cmd(&mut args),
        Some("demo") => write_out(&uew::demo::snapshot().to_json_pretty()),
        Some("city") => write_out(&uew::synthetic::city_snapshot().to_json_compact()),
        Some("help" | "--help" | "-h") => write_out(USAGE.trim_end()),
        Some(other) => Err(usage(&format!("unknown command {other:?}"))),
        None => Err(usage("no command given")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(code, msg)) => {
            // Nothing more can be done if stderr is closed too.
            let _ = writeln!(std::io::stderr(), "uew: {msg}");
            ExitCode::from(code)
        }
    }
}
