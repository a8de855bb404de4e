//! Command-line evaluator: the same rules code as the app, on a snapshot file.
//!
//! ```text
//! uew evaluate SNAPSHOT.json [--scope district|<street id>] [--from YYYY-MM] [--to YYYY-MM]
//! uew demo
//! ```
//! Bad input prints a message naming the JSON path and exits with code 2.

use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use uew::model::Scope;
use uew::month::Month;
use uew::rules::{Engine, Evaluation, Run, Transition};
use uew::snapshot::{text_from_bytes, Snapshot};

const USAGE: &str = "\
usage:
  uew evaluate SNAPSHOT.json [--scope district|<street id>] [--from YYYY-MM] [--to YYYY-MM]
      Evaluates the scope (default: district) for every month of the range (default: the
      months the snapshot has data for) and prints JSON: per month the effective level, the
      deciding source and each criterion's level with its evidence; then the transitions and
      runs of the range.
  uew demo
      Prints the embedded sample snapshot (示例数据).
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
    let bytes = std::fs::read(&file).map_err(|e| Fail(2, format!("{file}: cannot read: {e}")))?;
    let snap = text_from_bytes(&bytes)
        .and_then(Snapshot::from_json)
        .map_err(|e| Fail(2, one_line(&format!("{file}: {e}"))))?;
    let data = &snap.dataset;
    let scope = match scope {
        None => Scope::District,
        Some(s) => {
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
            scope
        }
    };
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

fn run() -> Result<(), Fail> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("evaluate") => evaluate(&mut args),
        Some("demo") => write_out(&uew::demo::snapshot().to_json_pretty()),
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
