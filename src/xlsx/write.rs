//! The .xlsx export: the monthly data and the events as tables that import again, one sheet per
//! figure (months × regions), and the evaluation timeline with levels in the warning colours
//! and in words.

use crate::csv;
use crate::edit::{Field, FieldKind, Value};
use crate::i18n::Lang;
use crate::model::{Dataset, Observation, Scope};
use crate::month::Month;
use crate::num::Pct;
use crate::plan::{Level, Text, WarningColour};
use crate::rules::{Engine, Status};
use crate::snapshot::Snapshot;
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::fmt;

/// The sheet names of the export (the tables are found again by their headers, not by these).
pub const MONTHLY_SHEET: &str = "月度数据 monthly";
pub const EVENTS_SHEET: &str = "关停裁员 events";
pub const TIMELINE_SHEET: &str = "预警时间线 timeline";
pub const WHATIF_SHEET: &str = "推演 what-if";
pub const AUDIT_SHEET: &str = "审计记录 audit";

/// Excel's number format for a rate in percent units (3.2 shows as 3.2).
pub const RATE_FORMAT: &str = "0.0###";

/// Why a workbook could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError(pub String);

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("无法生成工作簿：{}", self.0),
            Lang::En => format!("cannot write the workbook: {}", self.0),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExportError {}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> ExportError {
        ExportError(e.to_string())
    }
}

/// Counts above this are written as text: a spreadsheet number is a double.
const EXACT_NUMBERS: u64 = 1 << 53;

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00E8_ECF1))
        .set_text_wrap()
        .set_align(FormatAlign::Center)
}

pub(crate) fn rate_number(p: Pct) -> f64 {
    p.units() as f64 / 10_000.0
}

/// Writes text; an empty text leaves the cell empty.
pub(crate) fn put_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(());
    }
    match format {
        Some(f) => ws.write_string_with_format(row, col, text, f)?,
        None => ws.write_string(row, col, text)?,
    };
    Ok(())
}

/// Writes a figure: a rate in percent units with [`RATE_FORMAT`], a count as a whole number.
pub(crate) fn put_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Value>,
    rate: &Format,
) -> Result<(), XlsxError> {
    match value {
        None => {}
        Some(Value::Rate(p)) => {
            ws.write_number_with_format(row, col, rate_number(p), rate)?;
        }
        Some(Value::Count(n)) if n < EXACT_NUMBERS => {
            ws.write_number(row, col, n as f64)?;
        }
        Some(Value::Count(n)) => {
            ws.write_string(row, col, n.to_string())?;
        }
    }
    Ok(())
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The monthly data as the CSV export has it, one row per region and month.
fn monthly_sheet(ws: &mut Worksheet, ds: &Dataset, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(MONTHLY_SHEET)?;
    let head = header_format();
    for (j, h) in csv::monthly_header().iter().enumerate() {
        ws.write_string_with_format(0, col(j), h, &head)?;
        ws.set_column_width(col(j), 14)?;
    }
    ws.set_freeze_panes(1, 3)?;
    let rate = Format::new().set_num_format(RATE_FORMAT);
    for (i, o) in csv::export_order(ds).into_iter().enumerate() {
        let r = row(i + 1);
        put_text(ws, r, 0, &o.region, None)?;
        put_text(ws, r, 1, &csv::region_name(ds, &o.region, lang), None)?;
        ws.write_string(r, 2, o.month.to_string())?;
        for (j, f) in Field::ALL.iter().enumerate() {
            put_value(ws, r, col(j + 3), f.get(o), &rate)?;
        }
    }
    Ok(())
}

/// Closures, then layoffs, with the events CSV's columns.
fn events_sheet(ws: &mut Worksheet, ds: &Dataset) -> Result<(), XlsxError> {
    ws.set_name(EVENTS_SHEET)?;
    let head = header_format();
    for (j, h) in csv::event_header().iter().enumerate() {
        ws.write_string_with_format(0, col(j), h, &head)?;
        ws.set_column_width(col(j), 14)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let count = |ws: &mut Worksheet, r: u32, c: u16, n: u64| -> Result<(), XlsxError> {
        put_value(ws, r, c, Some(Value::Count(n)), &Format::new())
    };
    let mut r = 1u32;
    for e in &ds.closures {
        ws.write_string(r, 0, "closure")?;
        put_text(ws, r, 1, &e.id, None)?;
        put_text(ws, r, 2, &e.enterprise, None)?;
        put_text(ws, r, 3, &e.industry, None)?;
        put_text(ws, r, 4, &e.street, None)?;
        ws.write_string(r, 5, e.date.to_string())?;
        count(ws, r, 6, e.unemployed)?;
        r += 1;
    }
    for e in &ds.layoffs {
        ws.write_string(r, 0, "layoff")?;
        put_text(ws, r, 1, &e.id, None)?;
        put_text(ws, r, 2, &e.enterprise, None)?;
        put_text(ws, r, 3, &e.industry, None)?;
        put_text(ws, r, 4, &e.street, None)?;
        ws.write_string(r, 5, e.date.to_string())?;
        count(ws, r, 7, e.workforce)?;
        count(ws, r, 8, e.laid_off)?;
        r += 1;
    }
    Ok(())
}

/// A sheet name from a label: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(label: &str) -> String {
    label
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// One figure as a grid: months down, regions across (regions that have it, dataset order).
fn figure_sheet(
    ws: &mut Worksheet,
    ds: &Dataset,
    field: Field,
    lang: Lang,
) -> Result<(), XlsxError> {
    let unit = match field.kind() {
        FieldKind::Rate => "%",
        FieldKind::Count => "人",
    };
    ws.set_name(sheet_name(&format!("{}（{unit}）", field.label(Lang::Zh))))?;
    let head = header_format();
    let rate = Format::new().set_num_format(RATE_FORMAT);
    let obs: Vec<&Observation> = csv::export_order(ds)
        .into_iter()
        .filter(|o| field.get(o).is_some())
        .collect();
    let mut regions: Vec<&str> = Vec::new();
    let mut months: Vec<Month> = Vec::new();
    let mut at: HashMap<(&str, Month), Value> = HashMap::new();
    for o in &obs {
        if !regions.contains(&o.region.as_str()) {
            regions.push(&o.region);
        }
        if !months.contains(&o.month) {
            months.push(o.month);
        }
        if let Some(v) = field.get(o) {
            at.insert((o.region.as_str(), o.month), v);
        }
    }
    months.sort();
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} {} ({unit})",
            field.label(Lang::Zh),
            field.label(Lang::En)
        ),
        &head,
    )?;
    ws.write_string_with_format(1, 0, "月份 month", &head)?;
    ws.set_column_width(0, 12)?;
    for (j, id) in regions.iter().enumerate() {
        let name = csv::region_name(ds, id, lang);
        ws.write_string_with_format(0, col(j + 1), &name, &head)?;
        ws.write_string_with_format(1, col(j + 1), *id, &head)?;
        ws.set_column_width(col(j + 1), 12)?;
    }
    for (i, m) in months.iter().enumerate() {
        let r = row(i + 2);
        ws.write_string(r, 0, m.to_string())?;
        for (j, id) in regions.iter().enumerate() {
            put_value(ws, r, col(j + 1), at.get(&(*id, *m)).copied(), &rate)?;
        }
    }
    ws.set_freeze_panes(2, 1)?;
    Ok(())
}

/// The RGB fill and text colour of a level (the national warning colours: level 1 red,
/// 2 orange, 3 yellow, 4 and 5 blue).
pub fn level_colours(level: Level) -> (u32, u32) {
    match level.colour() {
        WarningColour::Red => (0x00C8_161D, 0x00FF_FFFF),
        WarningColour::Orange => (0x00EC_7A08, 0x001B_1F24),
        WarningColour::Yellow => (0x00F2_C200, 0x001B_1F24),
        WarningColour::Blue => (0x0015_5FBF, 0x00FF_FFFF),
    }
}

/// A status in words: `一级（红色） level 1 (red)`, `数据不足 insufficient data`, …
pub fn status_text(s: &Status) -> Text {
    match s {
        Status::Normal => Text::new("未达预警", "no warning"),
        Status::Warning { level } => {
            let c = level.colour().name();
            let zh = ["一", "二", "三", "四", "五"]
                .get(usize::from(level.number()).saturating_sub(1))
                .copied()
                .unwrap_or("");
            Text {
                zh: format!("{zh}级（{}）", c.zh),
                en: format!("level {} ({})", level.number(), c.en),
            }
        }
        Status::InsufficientData { at_least, could_be } => {
            let held = at_least.map_or(String::new(), |l| format!("≥{} ", l.number()));
            Text {
                zh: format!("数据不足（{held}可能 {} 级）", could_be.number()),
                en: format!(
                    "insufficient data ({held}could be level {})",
                    could_be.number()
                ),
            }
        }
    }
}

/// Per month, the district's and each street's effective level, coloured and in words.
fn timeline_sheet(ws: &mut Worksheet, snap: &Snapshot, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(TIMELINE_SHEET)?;
    let ds = &snap.dataset;
    let head = header_format();
    let mut scopes = vec![(Scope::District, Text::new("全区", "district"))];
    for s in ds.streets() {
        scopes.push((
            Scope::Street(s.id.clone()),
            Text {
                zh: s.name.clone(),
                en: s.name_en.clone().unwrap_or_else(|| s.name.clone()),
            },
        ));
    }
    ws.write_string_with_format(0, 0, "月份 month", &head)?;
    ws.set_column_width(0, 10)?;
    for (j, (_, name)) in scopes.iter().enumerate() {
        let label = match lang {
            Lang::Zh => name.zh.clone(),
            Lang::En => name.en.clone(),
        };
        ws.write_string_with_format(0, col(j + 1), label, &head)?;
        ws.set_column_width(col(j + 1), 24)?;
    }
    ws.set_freeze_panes(1, 1)?;
    let Some((from, to)) = ds.span() else {
        return Ok(());
    };
    let engine = Engine::new(&snap.plan, ds);
    let formats: Vec<(Level, Format)> = Level::ALL
        .iter()
        .map(|l| {
            let (bg, ink) = level_colours(*l);
            (
                *l,
                Format::new()
                    .set_background_color(Color::RGB(bg))
                    .set_font_color(Color::RGB(ink))
                    .set_bold(),
            )
        })
        .collect();
    let pending = Format::new().set_italic();
    for (i, m) in from.through(to).enumerate() {
        let r = row(i + 1);
        ws.write_string(r, 0, m.to_string())?;
        for (j, (scope, _)) in scopes.iter().enumerate() {
            let status = engine.evaluate(scope, m).effective;
            let t = status_text(&status);
            let text = format!("{} {}", t.zh, t.en);
            let format = match status {
                Status::Warning { level } => formats.iter().find(|(l, _)| *l == level),
                _ => None,
            };
            match (format, status.is_insufficient()) {
                (Some((_, f)), _) => ws.write_string_with_format(r, col(j + 1), text, f)?,
                (None, true) => ws.write_string_with_format(r, col(j + 1), text, &pending)?,
                (None, false) => ws.write_string(r, col(j + 1), text)?,
            };
        }
    }
    Ok(())
}

/// A CSV export of the app (the what-if comparison, the audit trail) as a sheet: every cell as
/// text (the CSV writer's formula guard taken off: a workbook cell written as text never runs),
/// plain numbers as numbers.
fn csv_sheet(ws: &mut Worksheet, name: &str, text: &str) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let head = header_format();
    let rows = csv::parse_table(text, ',').unwrap_or_default();
    let mut header_done = false;
    for (i, row) in rows.iter().enumerate() {
        let r = self::row(i);
        // The first row that is not a `# mark` line is the header.
        let is_mark = row.first().is_some_and(|c| c.starts_with('#'));
        for (j, cell) in row.iter().enumerate() {
            let t = csv::clean_text(cell);
            let plain_number = !t.is_empty()
                && t.len() < 16
                && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && t.parse::<f64>().is_ok();
            if is_mark || !header_done {
                put_text(ws, r, col(j), &t, Some(&head))?;
            } else if plain_number {
                ws.write_number(r, col(j), t.parse::<f64>().unwrap_or(0.0))?;
            } else {
                put_text(ws, r, col(j), &t, None)?;
            }
            ws.set_column_width(col(j), 18)?;
        }
        if !is_mark {
            header_done = true;
        }
    }
    Ok(())
}

/// The measures checklist of the latest response, levels coloured and in words; an exercise's
/// headed by the exercise mark.
fn measures_sheet(
    ws: &mut Worksheet,
    r: &crate::response::Response,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("措施清单 measures")?;
    let head = header_format();
    let mut at = 0u32;
    if r.exercise {
        ws.write_string_with_format(at, 0, crate::scenario::EXERCISE_MARK.get(lang), &head)?;
        at += 1;
    }
    for (j, h) in [
        "条款 clause",
        "级别 level",
        "措施 measure",
        "责任单位 units",
        "状态 status",
        "负责人 owner",
        "备注 note",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(at, col(j), *h, &head)?;
        ws.set_column_width(col(j), if j == 2 { 48 } else { 16 })?;
    }
    for (i, m) in r.measures.iter().enumerate() {
        let row = at + 1 + self::row(i);
        let (bg, ink) = level_colours(m.level);
        let level = Format::new()
            .set_background_color(Color::RGB(bg))
            .set_font_color(Color::RGB(ink))
            .set_bold();
        let t = status_text(&Status::Warning { level: m.level });
        put_text(ws, row, 0, &m.clause, None)?;
        ws.write_string_with_format(row, 1, format!("{} {}", t.zh, t.en), &level)?;
        put_text(ws, row, 2, m.title.get(lang), None)?;
        put_text(ws, row, 3, &m.units.join("、"), None)?;
        put_text(ws, row, 4, m.status.name(lang), None)?;
        put_text(ws, row, 5, &m.owner, None)?;
        put_text(ws, row, 6, &m.note, None)?;
    }
    Ok(())
}

/// The what-if comparison of the district over the data's months: the baseline and up to three
/// scenarios, headed by the exercise mark (as the comparison's CSV is).
fn whatif_text(snap: &Snapshot, lang: Lang) -> Option<String> {
    use crate::scenario::{compare, comparison_csv, MAX_COMPARED};
    let (from, to) = snap.dataset.span()?;
    let list: Vec<&crate::scenario::Scenario> =
        snap.scenarios.list().iter().take(MAX_COMPARED).collect();
    if list.is_empty() {
        return None;
    }
    let c = compare(&snap.plan, &snap.dataset, &list, &Scope::District, from, to).ok()?;
    Some(comparison_csv(&c, lang))
}

/// The whole export: monthly data and events (both import again), the evaluation timeline,
/// one sheet per figure, and where there are any the what-if comparison, the latest
/// response's measures checklist and the audit trail.
pub fn export_workbook(snap: &Snapshot, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let ds = &snap.dataset;
    let mut wb = Workbook::new();
    monthly_sheet(wb.add_worksheet(), ds, lang)?;
    events_sheet(wb.add_worksheet(), ds)?;
    timeline_sheet(wb.add_worksheet(), snap, lang)?;
    for f in Field::ALL {
        figure_sheet(wb.add_worksheet(), ds, f, lang)?;
    }
    if let Some(text) = whatif_text(snap, lang) {
        csv_sheet(wb.add_worksheet(), WHATIF_SHEET, &text)?;
    }
    if let Some(r) = snap.response.latest() {
        measures_sheet(wb.add_worksheet(), r, lang)?;
        csv_sheet(
            wb.add_worksheet(),
            AUDIT_SHEET,
            &snap.response.audit_csv(lang),
        )?;
    }
    Ok(wb.save_to_buffer()?)
}
