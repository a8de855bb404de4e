//! `uew import-xlsx`, `uew export-xlsx` and `uew template-xlsx`: the workbook paths of the app
//! for batch jobs, with the app's messages (both languages, one line each) and exit code 2 on
//! bad input. Nothing is written while any row is bad unless `--skip-bad-rows` is given.

use super::{open_snapshot, usage, write_out, Fail};
use uew::csv::ImportPreview;
use uew::i18n::Lang;
use uew::month::Month;
use uew::snapshot::{Resolution, Snapshot};
use uew::xlsx::{self, CellError, SheetImport, TableKind};

fn read_bytes(file: &str) -> Result<Vec<u8>, Fail> {
    std::fs::read(file).map_err(|e| Fail(2, format!("{file}: cannot read: {e}")))
}

fn write_bytes(file: &str, bytes: &[u8]) -> Result<(), Fail> {
    std::fs::write(file, bytes).map_err(|e| Fail(1, format!("{file}: cannot write: {e}")))
}

fn errors_fail(file: &str, errors: &[CellError]) -> Fail {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{file}: {}", e.both()))
        .collect();
    Fail(2, lines.join("\n"))
}

fn counts<R: uew::csv::PreviewRow>(what: &str, p: &ImportPreview<R>) -> String {
    format!(
        "{what}: {} added, {} changed, {} unchanged",
        p.to_add(),
        p.to_change(),
        p.unchanged()
    )
}

/// `uew import-xlsx FILE.xlsx --into SNAPSHOT.json [--sheet NAME] [--skip-bad-rows]
/// [--keep-mine|--take-theirs]`
pub fn import(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    let (mut file, mut into, mut sheet) = (None, None, None);
    let mut skip = false;
    let mut resolution = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--into" => into = Some(args.next().ok_or_else(|| usage("--into needs a file"))?),
            "--sheet" => sheet = Some(args.next().ok_or_else(|| usage("--sheet needs a name"))?),
            "--skip-bad-rows" => skip = true,
            "--keep-mine" => resolution = Some(Resolution::KeepMine),
            "--take-theirs" => resolution = Some(Resolution::TakeTheirs),
            f if f.starts_with("--") => return Err(usage(&format!("unknown option {f}"))),
            _ if file.is_none() => file = Some(a),
            _ => return Err(usage(&format!("unexpected argument {a:?}"))),
        }
    }
    let file = file.ok_or_else(|| usage("import-xlsx needs a workbook file"))?;
    let into = into.ok_or_else(|| usage("import-xlsx needs --into SNAPSHOT.json"))?;
    let book = xlsx::read_book(&read_bytes(&file)?)
        .map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
    let mut snap = open_snapshot(&into)?;

    if let Some(t) = xlsx::read_template(&book, &snap) {
        let t = t.map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
        if !t.errors.is_empty() && !skip {
            return Err(errors_fail(&file, &t.errors));
        }
        let plan = t.plan(&snap.dataset);
        let resolutions = plan.resolve_all(resolution.unwrap_or(Resolution::KeepMine));
        if plan.conflicts().next().is_some() && resolution.is_none() {
            let lines: Vec<String> = plan
                .conflicts()
                .map(|c| {
                    format!(
                        "{file}: {} / {}",
                        c.key.label(Lang::Zh),
                        c.key.label(Lang::En)
                    )
                })
                .collect();
            return Err(Fail(
                2,
                format!(
                    "{}\n{file}: 与现有数据冲突，请用 --keep-mine（保留本地）或 --take-theirs（采用导入）选择 / conflicts with the data: choose --keep-mine or --take-theirs",
                    lines.join("\n")
                ),
            ));
        }
        let merged = plan
            .merge(&resolutions)
            .map_err(|e| Fail(2, format!("{file}: {}", e.text().zh + " / " + &e.text().en)))?;
        snap.dataset = merged.dataset;
        write_bytes(&into, snap.to_json_pretty().as_bytes())?;
        let s = plan.summary();
        return write_out(&format!(
            "street report {} {}: observations {} added, {} changed, {} identical, {} conflicting; closures {} added; layoffs {} added",
            t.info.street,
            t.info.month,
            s.observations.added,
            s.observations.changed,
            s.observations.identical,
            s.observations.conflicting,
            s.closures.added,
            s.layoffs.added
        ));
    }

    let only = |kind: TableKind| match &sheet {
        Some(name) => book
            .sheet(name)
            .is_some_and(|s| xlsx::read::has_table(s, kind)),
        None => book.find_table(kind).is_some(),
    };
    if let Some(name) = &sheet {
        if book.sheet(name).is_none() {
            return Err(Fail(
                2,
                format!(
                    "{file}: {}",
                    xlsx::BookError::NoSuchSheet(name.clone()).both()
                ),
            ));
        }
    }
    let (want_monthly, want_events) = (only(TableKind::Monthly), only(TableKind::Events));
    if !want_monthly && !want_events {
        // Name what the monthly import needed (or the named sheet's missing columns).
        let m = book
            .import_monthly(&snap.dataset, sheet.as_deref())
            .map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
        return Err(errors_fail(&file, &m.errors()));
    }
    let monthly: Option<SheetImport<_>> = want_monthly
        .then(|| book.import_monthly(&snap.dataset, sheet.as_deref()))
        .transpose()
        .map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
    let events: Option<SheetImport<_>> = want_events
        .then(|| book.import_events(&snap.dataset, sheet.as_deref()))
        .transpose()
        .map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
    let mut errors = Vec::new();
    if let Some(m) = &monthly {
        errors.extend(m.errors());
    }
    if let Some(e) = &events {
        errors.extend(e.errors());
    }
    if !errors.is_empty() && !skip {
        return Err(errors_fail(&file, &errors));
    }
    let mut report = Vec::new();
    if let Some(m) = &monthly {
        let edit = m
            .preview
            .to_edit(true)
            .map_err(|e| Fail(2, e.message(Lang::En)))?;
        edit.apply(&mut snap.dataset)
            .map_err(|e| Fail(2, format!("{file}: {}", e.message(Lang::En))))?;
        report.push(counts(&format!("monthly data ({})", m.sheet), &m.preview));
    }
    if let Some(ev) = &events {
        // Events are checked against the data with the monthly figures in.
        let ev = book
            .import_events(&snap.dataset, Some(&ev.sheet))
            .map_err(|e| Fail(2, format!("{file}: {}", e.both())))?;
        let edit = ev
            .preview
            .to_edit(true)
            .map_err(|e| Fail(2, e.message(Lang::En)))?;
        edit.apply(&mut snap.dataset)
            .map_err(|e| Fail(2, format!("{file}: {}", e.message(Lang::En))))?;
        report.push(counts(&format!("events ({})", ev.sheet), &ev.preview));
    }
    write_bytes(&into, snap.to_json_pretty().as_bytes())?;
    if !errors.is_empty() {
        report.push(format!("{} bad row(s) skipped", errors.len()));
    }
    write_out(&report.join("\n"))
}

fn output_arg(args: &mut impl Iterator<Item = String>) -> Result<String, Fail> {
    args.next().ok_or_else(|| usage("-o needs a file"))
}

fn default_out(file: &str, suffix: &str) -> String {
    let stem = file.strip_suffix(".json").unwrap_or(file);
    format!("{stem}{suffix}")
}

/// `uew export-xlsx SNAPSHOT.json [-o OUT.xlsx] [--lang zh|en]`
pub fn export(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    let (mut file, mut out) = (None, None);
    let mut lang = Lang::Zh;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" | "--output" => out = Some(output_arg(args)?),
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    _ => return Err(usage("--lang needs zh or en")),
                }
            }
            f if f.starts_with('-') => return Err(usage(&format!("unknown option {f}"))),
            _ if file.is_none() => file = Some(a),
            _ => return Err(usage(&format!("unexpected argument {a:?}"))),
        }
    }
    let file = file.ok_or_else(|| usage("export-xlsx needs a snapshot file"))?;
    let snap: Snapshot = open_snapshot(&file)?;
    let bytes = xlsx::export_workbook(&snap, lang).map_err(|e| Fail(1, e.to_string()))?;
    let out = out.unwrap_or_else(|| default_out(&file, ".xlsx"));
    write_bytes(&out, &bytes)
}

/// `uew template-xlsx SNAPSHOT.json --street ID --month YYYY-MM [-o OUT.xlsx]`
pub fn template(args: &mut impl Iterator<Item = String>) -> Result<(), Fail> {
    let (mut file, mut out, mut street, mut month) = (None, None, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" | "--output" => out = Some(output_arg(args)?),
            "--street" => street = Some(args.next().ok_or_else(|| usage("--street needs an id"))?),
            "--month" => month = Some(super::month_arg("--month", args.next())?),
            f if f.starts_with('-') => return Err(usage(&format!("unknown option {f}"))),
            _ if file.is_none() => file = Some(a),
            _ => return Err(usage(&format!("unexpected argument {a:?}"))),
        }
    }
    let file = file.ok_or_else(|| usage("template-xlsx needs a snapshot file"))?;
    let street = street.ok_or_else(|| usage("template-xlsx needs --street ID"))?;
    let month: Month = month.ok_or_else(|| usage("template-xlsx needs --month YYYY-MM"))?;
    let snap = open_snapshot(&file)?;
    let bytes = xlsx::template(&snap, &street, month).map_err(|e| Fail(2, e.both()))?;
    let out = out.unwrap_or_else(|| format!("{street}-{month}.xlsx"));
    write_bytes(&out, &bytes)
}
