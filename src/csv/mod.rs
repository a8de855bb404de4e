//! CSV import and export of the monthly data and of the enterprise events.
//!
//! The parser is hand-written (~80 lines): the `csv` crate would bring `csv-core`, `ryu` and
//! `itoa` and serde glue into the wasm for what is here one state machine, and its errors
//! name byte positions where people need "row 7, column labour_force".
//!
//! Files are written as a spreadsheet expects: UTF-8 with a byte-order mark (Excel then reads
//! Chinese correctly), CRLF line ends, a header row `中文名 machine_id`. Reading accepts the BOM
//! or not, `,` `;` or tab as separator (whichever the header uses), quoted fields with commas,
//! quotes and line breaks, CRLF or LF, and the forms spreadsheets turn values into (`1,200`,
//! `4.5%`, `2025/6`, `2025/6/18`).
//!
//! A row is a spreadsheet row: the header is row 1. An import never changes anything by
//! itself: it returns an [`ImportPreview`] of what would be added, changed or left unchanged,
//! and the errors of every bad row; [`ImportPreview::to_edit`] makes one undoable [`Edit`],
//! refused while any row is bad unless bad rows are skipped (a bad row is skipped whole).
//!
//! Monthly data: a column present in the file sets that figure for the rows in the file, an
//! empty cell clearing it; a figure whose column is absent is left as it is. Events: a row
//! whose id exists replaces that event, a row with a new or empty id adds one (an empty id gets
//! a fresh one); events not in the file are kept.

use crate::edit::{
    check_event, check_observation, valid_id, CellEdit, Edit, EditError, EventEdit, EventKind,
    Field, Value, ValueError,
};
use crate::i18n::{Lang, Msg};
use crate::model::{ClosureEvent, Dataset, LayoffEvent, Observation, RegionKind};
use crate::month::{Date, Month, FIRST_YEAR, LAST_YEAR};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod writer;
pub use writer::{text_row, write_row, CsvOut, BOM};

// ---------------------------------------------------------------------------------------------
// Reading and writing delimited text

/// A record of a delimited text: its spreadsheet row number (1-based) and its fields.
pub type Record = (usize, Vec<String>);

/// Splits delimited text into records. Blank records are dropped but still counted, so row
/// numbers match a spreadsheet's. `Err(row)`: a quoted field opened in `row` is never closed.
pub fn parse_records(text: &str, delimiter: char) -> Result<Vec<Record>, usize> {
    parse(text, delimiter, false)
}

/// Splits delimited text into rows of fields, keeping blank rows (a paste of empty cells
/// clears them); a final line break ends the last row rather than adding an empty one.
/// `Err(row)`: a quoted field opened in `row` (1-based) is never closed.
pub fn parse_table(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
    parse(text, delimiter, true).map(|records| records.into_iter().map(|(_, f)| f).collect())
}

fn parse(text: &str, delimiter: char, keep_blank: bool) -> Result<Vec<Record>, usize> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut row = 1;
    let mut in_quotes = false;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut end_record = |fields: &mut Vec<String>, field: &mut String, row: &mut usize| {
        fields.push(std::mem::take(field));
        let record = std::mem::take(fields);
        if keep_blank || record.iter().any(|f| !f.trim().is_empty()) {
            records.push((*row, record));
        }
        *row += 1;
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.next_if_eq(&'"').is_some() {
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                end_record(&mut fields, &mut field, &mut row);
                quoted = false;
            }
            '\n' => {
                end_record(&mut fields, &mut field, &mut row);
                quoted = false;
            }
            d if d == delimiter => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
            }
            // Text after a closing quote, or a stray quote, is kept as written.
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(row);
    }
    if !field.is_empty() || !fields.is_empty() || quoted {
        end_record(&mut fields, &mut field, &mut row);
    }
    Ok(records)
}

/// The separator a header line uses: `,`, `;` or tab, whichever occurs most outside quotes.
pub fn detect_delimiter(text: &str) -> char {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            _ if !in_quotes => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equal counts; reverse so ties go to the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(d, _)| *d)
}

/// Whether a month or date text starts with a four-digit year outside the plausible span, so
/// that its message can say so rather than only "not a month".
fn year_outside_span(text: &str) -> bool {
    let year: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    year.len() == 4
        && year
            .parse::<i32>()
            .is_ok_and(|y| !(FIRST_YEAR..=LAST_YEAR).contains(&y))
}

/// A text field as read: trimmed, without the formula guard.
pub fn clean_text(s: &str) -> String {
    let t = s.trim();
    // The writer's guard, for every character it guards (a tab or CR first, too); what it
    // guarded is then trimmed like any other cell.
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.trim().to_owned(),
        _ => t.to_owned(),
    }
}

fn split_date_parts(text: &str) -> Option<Vec<&str>> {
    let t = text.trim().trim_end_matches(['日', '号']);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let parts: Vec<&str> = match parts.split_last() {
        // `2025年6月` ends with an empty part.
        Some((last, rest)) if last.is_empty() && !rest.is_empty() => rest.to_vec(),
        _ => parts,
    };
    let ok = parts.len() >= 2
        && parts.len() <= 3
        && parts.first().is_some_and(|y| y.len() == 4)
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(parts)
}

/// Reads a month: `2025-06`, `2025-6`, `2025/6`, `2025.06`, `2025年6月`, or a date in it
/// (a spreadsheet may turn `2025-06` into `2025/6/1`).
pub fn parse_month_lenient(text: &str) -> Option<Month> {
    let parts = split_date_parts(text)?;
    let mut it = parts.iter().map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(it.next()??).ok()?;
    let month = it.next()??;
    if let Some(day) = it.next() {
        Date::new(year, month, day?)?;
    }
    Month::new(year, month)
}

/// Reads a date: `2025-06-18`, `2025/6/18`, `2025.6.18`, `2025年6月18日`.
pub fn parse_date_lenient(text: &str) -> Option<Date> {
    let parts = split_date_parts(text)?;
    if parts.len() != 3 {
        return None;
    }
    let mut it = parts.iter().map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(it.next()??).ok()?;
    Date::new(year, it.next()??, it.next()??)
}

// ---------------------------------------------------------------------------------------------
// Errors and previews

/// What is wrong with a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    Value(ValueError),
    /// No region has this id (or name, for events).
    UnknownRegion(String),
    BadMonth(String),
    BadDate(String),
    /// The event kind is neither closure nor layoff.
    BadKind(String),
    /// A required value is empty.
    Missing,
    /// The same region and month (or event id) as an earlier row.
    Duplicate {
        first_row: usize,
    },
    /// The row's values together break a rule.
    Rule(EditError),
    /// The header lacks a required column.
    MissingColumn(&'static str),
    /// A quoted field is never closed.
    UnclosedQuote,
    /// Nothing to read.
    Empty,
    /// A region outside the street a street report is for.
    NotInStreet {
        region: String,
        street: String,
    },
    /// A month other than the one a monthly report is for.
    NotTheMonth {
        found: Month,
        expected: Month,
    },
}

/// A bad row, with the column at fault where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Spreadsheet row number (the header is row 1).
    pub row: usize,
    /// Machine name of the column (`labour_force`), as in the header.
    pub column: Option<String>,
    pub problem: RowProblem,
}

impl RowError {
    pub fn new(row: usize, column: Option<&str>, problem: RowProblem) -> RowError {
        RowError {
            row,
            column: column.map(str::to_owned),
            problem,
        }
    }

    /// "row 7, column labour_force: 'abc' is not a whole number".
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let what = self.problem_message(lang);
        match (&self.column, zh) {
            (Some(c), true) => format!("第 {} 行，{c} 列：{what}", self.row),
            (Some(c), false) => format!("row {}, column {c}: {what}", self.row),
            (None, true) => format!("第 {} 行：{what}", self.row),
            (None, false) => format!("row {}: {what}", self.row),
        }
    }

    /// What is wrong, without where ("'abc' is not a whole number"): a workbook import puts
    /// a cell reference in front instead of a row and column name.
    pub fn problem_message(&self, lang: Lang) -> String {
        match &self.problem {
            RowProblem::Value(e) => e.message(lang),
            RowProblem::Rule(e) => e.message(lang),
            RowProblem::UnknownRegion(r) => tr!(
                lang,
                "没有编号或名称为“{r}”的地区",
                "no region has the id or name '{r}'"
            ),
            RowProblem::BadMonth(t) | RowProblem::BadDate(t) if year_outside_span(t) => {
                let why = Msg::YearOutsideSpan.text(lang);
                tr!(lang, "“{t}”：{why}", "'{t}': {why}")
            }
            RowProblem::BadMonth(t) => tr!(
                lang,
                "“{t}”不是月份（YYYY-MM）",
                "'{t}' is not a month (YYYY-MM)"
            ),
            RowProblem::BadDate(t) => tr!(
                lang,
                "“{t}”不是有效日期（YYYY-MM-DD）",
                "'{t}' is not a valid date (YYYY-MM-DD)"
            ),
            RowProblem::BadKind(t) => tr!(
                lang,
                "“{t}”不是事件类型（closure 关停破产 / layoff 一次性裁员）",
                "'{t}' is not an event kind (closure or layoff)"
            ),
            RowProblem::Missing => lang.pick("不能为空", "a value is needed").to_owned(),
            RowProblem::Duplicate { first_row } => {
                tr!(lang, "与第 {first_row} 行重复", "repeats row {first_row}")
            }
            RowProblem::MissingColumn(c) => {
                tr!(lang, "表头缺少“{c}”列", "the header has no column '{c}'")
            }
            RowProblem::UnclosedQuote => lang
                .pick("引号未闭合", "a quoted field is not closed")
                .to_owned(),
            RowProblem::Empty => lang.pick("文件为空", "the file is empty").to_owned(),
            RowProblem::NotInStreet { region, street } => tr!(
                lang,
                "“{region}”不是本街道（{street}）或其社区",
                "'{region}' is not the street {street} or one of its communities"
            ),
            RowProblem::NotTheMonth { found, expected } => tr!(
                lang,
                "月份 {found} 不是本月报的月份 {expected}",
                "month {found} is not the report's month {expected}"
            ),
        }
    }
}

/// What importing a row would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    Add,
    Change,
    Unchanged,
}

/// One figure a monthly row would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// A good row of monthly data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyRow {
    pub row: usize,
    pub region: String,
    pub month: Month,
    pub status: RowStatus,
    /// The figures that would change (empty when unchanged).
    pub changes: Vec<FieldChange>,
}

/// A good row of the events file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    pub row: usize,
    pub event: EventData,
    pub status: RowStatus,
    /// Whether the id was made up (the row had none).
    pub generated_id: bool,
}

/// A closure or a layoff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventData {
    Closure(ClosureEvent),
    Layoff(LayoffEvent),
}

impl EventData {
    pub fn kind(&self) -> EventKind {
        match self {
            EventData::Closure(_) => EventKind::Closure,
            EventData::Layoff(_) => EventKind::Layoff,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            EventData::Closure(e) => &e.id,
            EventData::Layoff(e) => &e.id,
        }
    }
}

/// A row kind an import produces.
pub trait PreviewRow {
    fn status(&self) -> RowStatus;
}

impl PreviewRow for MonthlyRow {
    fn status(&self) -> RowStatus {
        self.status
    }
}

impl PreviewRow for EventRow {
    fn status(&self) -> RowStatus {
        self.status
    }
}

/// What an import would do; nothing is changed until its edit is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview<R> {
    /// The good rows, in file order.
    pub rows: Vec<R>,
    /// Every bad row (a row may have several errors), in file order.
    pub errors: Vec<RowError>,
    /// Header cells that name no known column (their values are not read).
    pub ignored_columns: Vec<String>,
}

/// Why [`ImportPreview::to_edit`] made no edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportBlocked {
    /// Number of errors (rows may have several).
    pub errors: usize,
}

impl ImportBlocked {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "有 {} 处错误，未导入任何数据；请改正或选择跳过错误行",
                self.errors
            ),
            Lang::En => format!(
                "{} error(s): nothing was imported; correct them or choose to skip bad rows",
                self.errors
            ),
        }
    }
}

impl<R: PreviewRow> ImportPreview<R> {
    fn count(&self, s: RowStatus) -> usize {
        self.rows.iter().filter(|r| r.status() == s).count()
    }

    pub fn to_add(&self) -> usize {
        self.count(RowStatus::Add)
    }

    pub fn to_change(&self) -> usize {
        self.count(RowStatus::Change)
    }

    pub fn unchanged(&self) -> usize {
        self.count(RowStatus::Unchanged)
    }

    /// Whether every row is good.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Distinct bad rows.
    pub fn bad_rows(&self) -> usize {
        self.errors
            .iter()
            .map(|e| e.row)
            .collect::<HashSet<_>>()
            .len()
    }
}

// ---------------------------------------------------------------------------------------------
// Columns

/// A header cell's column: the last word (`登记失业率 registered_rate` → `registered_rate`),
/// else the whole cell compared with the Chinese and English names.
fn column_of<'a>(cell: &str, columns: &[(&'a str, &'static str, &'static str)]) -> Option<&'a str> {
    let t = clean_text(cell);
    let last = t
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_ascii_lowercase();
    columns
        .iter()
        .find(|(id, _, _)| *id == last)
        .or_else(|| {
            columns
                .iter()
                .find(|(_, zh, en)| t == *zh || t.eq_ignore_ascii_case(en))
        })
        .map(|(id, _, _)| *id)
}

const REGION_ID: &str = "region_id";
const REGION_NAME: &str = "region_name";
const MONTH: &str = "month";

fn monthly_columns() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut cols = vec![
        (REGION_ID, "地区编号", "region id"),
        (REGION_NAME, "地区名称", "region name"),
        (MONTH, "月份", "month"),
    ];
    cols.extend(
        Field::ALL
            .iter()
            .map(|f| (f.id(), f.label(Lang::Zh), f.label(Lang::En))),
    );
    cols
}

fn header_cell(id: &str, zh: &str) -> Cow<'static, str> {
    Cow::Owned(format!("{zh} {id}"))
}

/// Maps header positions to known columns; unknown header cells are returned as ignored.
fn read_header<'a>(
    header: &[String],
    columns: &[(&'a str, &'static str, &'static str)],
) -> (HashMap<&'a str, usize>, Vec<String>) {
    let mut at = HashMap::new();
    let mut ignored = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        match column_of(cell, columns) {
            Some(id) => {
                at.entry(id).or_insert(i);
            }
            None if !cell.trim().is_empty() => ignored.push(cell.trim().to_owned()),
            None => {}
        }
    }
    (at, ignored)
}

/// Header and data records of a file, or the error that prevents reading it.
fn split_file(text: &str) -> Result<(Record, Vec<Record>), RowError> {
    let records = parse_records(text, detect_delimiter(text))
        .map_err(|row| RowError::new(row, None, RowProblem::UnclosedQuote))?;
    let mut it = records.into_iter();
    let header = it
        .next()
        .ok_or_else(|| RowError::new(1, None, RowProblem::Empty))?;
    Ok((header, it.collect()))
}

fn cell<'r>(record: &'r [String], at: &HashMap<&str, usize>, column: &str) -> Option<&'r str> {
    at.get(column)
        .and_then(|i| record.get(*i))
        .map(|s| s.as_str())
}

// ---------------------------------------------------------------------------------------------
// Monthly data

/// A region's name in `lang` (the Chinese one where it has no English one); empty if unknown.
pub fn region_name(ds: &Dataset, id: &str, lang: Lang) -> String {
    match ds.region(id) {
        Some(r) if lang == Lang::En => r.name_en.clone().unwrap_or_else(|| r.name.clone()),
        Some(r) => r.name.clone(),
        None => String::new(),
    }
}

/// The observation that counts for each region and month (the last one given).
fn current_observations(ds: &Dataset) -> HashMap<(&str, Month), &Observation> {
    let mut map = HashMap::with_capacity(ds.observations.len());
    for o in &ds.observations {
        map.insert((o.region.as_str(), o.month), o);
    }
    map
}

/// The monthly data as CSV: one row per region and month, regions in dataset order, months
/// ascending; region names in `lang` (informative: the id is what is read back).
pub fn export_monthly(ds: &Dataset, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_row(
        &mut out,
        monthly_columns()
            .into_iter()
            .map(|(id, zh, _)| (header_cell(id, zh), false)),
    );
    for o in export_order(ds) {
        let mut fields: Vec<(Cow<str>, bool)> = vec![
            (Cow::Borrowed(o.region.as_str()), true),
            (Cow::Owned(region_name(ds, &o.region, lang)), true),
            (Cow::Owned(o.month.to_string()), false),
        ];
        fields.extend(Field::ALL.iter().map(|f| {
            (
                Cow::Owned(f.get(o).map(|v| v.to_string()).unwrap_or_default()),
                false,
            )
        }));
        write_row(&mut out, fields);
    }
    out
}

/// The observations an export writes: the one that counts for each region and month, with
/// at least one figure, regions in dataset order, months ascending.
pub fn export_order(ds: &Dataset) -> Vec<&Observation> {
    let order: HashMap<&str, usize> = ds
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut rows: Vec<&Observation> = current_observations(ds).into_values().collect();
    crate::sort::sort_by(&mut rows, |a, b| {
        let ka = (
            order.get(a.region.as_str()).unwrap_or(&usize::MAX),
            &a.region,
            a.month,
        );
        let kb = (
            order.get(b.region.as_str()).unwrap_or(&usize::MAX),
            &b.region,
            b.month,
        );
        ka.cmp(&kb)
    });
    rows.retain(|o| Field::ALL.iter().any(|f| f.get(o).is_some()));
    rows
}

/// Reads monthly data and compares it with the dataset.
pub fn import_monthly(ds: &Dataset, text: &str) -> ImportPreview<MonthlyRow> {
    match split_file(text) {
        Ok(((row, header), records)) => import_monthly_records(ds, row, &header, records),
        Err(e) => ImportPreview {
            rows: Vec::new(),
            errors: vec![e],
            ignored_columns: Vec::new(),
        },
    }
}

/// The columns monthly data cannot do without.
pub const MONTHLY_REQUIRED: [&str; 2] = [REGION_ID, MONTH];

/// The column a monthly-data header cell names (`region_id`, `month`, a field id), if any.
pub fn monthly_column(cell: &str) -> Option<&'static str> {
    column_of(cell, &monthly_columns())
}

/// The header cells of the monthly data (`月份 month`, …), as the CSV export writes them.
pub fn monthly_header() -> Vec<String> {
    monthly_columns()
        .into_iter()
        .map(|(id, zh, _)| header_cell(id, zh).into_owned())
        .collect()
}

/// Reads monthly data already split into a header (at spreadsheet row `header_row`) and
/// records (a workbook sheet, say), and compares it with the dataset.
pub fn import_monthly_records(
    ds: &Dataset,
    header_row: usize,
    header: &[String],
    records: Vec<Record>,
) -> ImportPreview<MonthlyRow> {
    let mut preview = ImportPreview {
        rows: Vec::new(),
        errors: Vec::new(),
        ignored_columns: Vec::new(),
    };
    let columns = monthly_columns();
    let (at, ignored) = read_header(header, &columns);
    preview.ignored_columns = ignored;
    for required in MONTHLY_REQUIRED {
        if !at.contains_key(required) {
            preview.errors.push(RowError::new(
                header_row,
                None,
                RowProblem::MissingColumn(required),
            ));
        }
    }
    if !preview.errors.is_empty() {
        return preview;
    }
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| at.contains_key(f.id()))
        .collect();
    let existing = current_observations(ds);
    let mut seen: HashMap<(String, Month), usize> = HashMap::new();

    for (row, record) in records {
        let mut errors = Vec::new();
        let region = clean_text(cell(&record, &at, REGION_ID).unwrap_or(""));
        if region.is_empty() {
            errors.push(RowError::new(row, Some(REGION_ID), RowProblem::Missing));
        } else if ds.region(&region).is_none() {
            errors.push(RowError::new(
                row,
                Some(REGION_ID),
                RowProblem::UnknownRegion(region.clone()),
            ));
        }
        let month_text = cell(&record, &at, MONTH).unwrap_or("").trim();
        let month = parse_month_lenient(month_text);
        if month_text.is_empty() {
            errors.push(RowError::new(row, Some(MONTH), RowProblem::Missing));
        } else if month.is_none() {
            errors.push(RowError::new(
                row,
                Some(MONTH),
                RowProblem::BadMonth(month_text.to_owned()),
            ));
        }
        let mut values = Vec::with_capacity(fields.len());
        for f in &fields {
            match f.parse(cell(&record, &at, f.id()).unwrap_or("")) {
                Ok(v) => values.push((*f, v)),
                Err(e) => errors.push(RowError::new(row, Some(f.id()), RowProblem::Value(e))),
            }
        }
        let Some(month) = month else {
            preview.errors.extend(errors);
            continue;
        };
        if let Some(first_row) = seen.get(&(region.clone(), month)) {
            errors.push(RowError::new(
                row,
                None,
                RowProblem::Duplicate {
                    first_row: *first_row,
                },
            ));
        } else if !region.is_empty() {
            seen.insert((region.clone(), month), row);
        }
        if !errors.is_empty() {
            preview.errors.extend(errors);
            continue;
        }
        let old = existing.get(&(region.as_str(), month)).copied();
        let mut new = old
            .cloned()
            .unwrap_or_else(|| Observation::new(&region, month));
        let mut changes = Vec::new();
        for (f, v) in values {
            let before = f.get(&new);
            if before != v {
                changes.push(FieldChange {
                    field: f,
                    old: before,
                    new: v,
                });
            }
            // Kinds match: the value was parsed for this field.
            let _ = f.set(&mut new, v);
        }
        if let Err(e) = check_observation(&new) {
            preview.errors.push(RowError::new(
                row,
                Some(Field::Unemployed.id()),
                RowProblem::Rule(e),
            ));
            continue;
        }
        let status = match (old, changes.is_empty()) {
            (_, true) => RowStatus::Unchanged,
            (None, false) => RowStatus::Add,
            (Some(_), false) => RowStatus::Change,
        };
        preview.rows.push(MonthlyRow {
            row,
            region,
            month,
            status,
            changes,
        });
    }
    preview
}

impl ImportPreview<MonthlyRow> {
    /// One undoable edit setting every changed figure of the good rows; refused while any row
    /// is bad unless `skip_bad_rows`.
    pub fn to_edit(&self, skip_bad_rows: bool) -> Result<Edit, ImportBlocked> {
        if !self.errors.is_empty() && !skip_bad_rows {
            return Err(ImportBlocked {
                errors: self.errors.len(),
            });
        }
        let cells = self
            .rows
            .iter()
            .flat_map(|r| {
                r.changes
                    .iter()
                    .map(|c| CellEdit::new(&r.region, r.month, c.field, c.new))
            })
            .collect();
        Ok(Edit::SetCells(cells))
    }
}

// ---------------------------------------------------------------------------------------------
// Events

const KIND: &str = "kind";
const ID: &str = "id";
const ENTERPRISE: &str = "enterprise";
const INDUSTRY: &str = "industry";
const STREET: &str = "street";
const DATE: &str = "date";
const UNEMPLOYED: &str = "unemployed";
const WORKFORCE: &str = "workforce";
const LAID_OFF: &str = "laid_off";

fn event_columns() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (KIND, "类型", "kind"),
        (ID, "编号", "id"),
        (ENTERPRISE, "企业名称", "enterprise"),
        (INDUSTRY, "行业", "industry"),
        (STREET, "街道编号", "street"),
        (DATE, "日期", "date"),
        (UNEMPLOYED, "失业人数", "unemployed"),
        (WORKFORCE, "企业职工总数", "workforce"),
        (LAID_OFF, "裁员人数", "laid off"),
    ]
}

/// Closures, then layoffs, in dataset order.
pub fn export_events(ds: &Dataset) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_row(
        &mut out,
        event_columns()
            .into_iter()
            .map(|(id, zh, _)| (header_cell(id, zh), false)),
    );
    for e in &ds.closures {
        write_event(&mut out, e, [Some(e.unemployed), None, None]);
    }
    for e in &ds.layoffs {
        write_event(&mut out, e, [None, Some(e.workforce), Some(e.laid_off)]);
    }
    out
}

/// One events row: the kind and what every event has, then unemployed, workforce and laid
/// off as far as the kind has them.
fn write_event<E: EventEdit>(out: &mut String, e: &E, counts: [Option<u64>; 3]) {
    let text = |s: &str| (Cow::Owned(s.to_owned()), true);
    let num = |n: Option<u64>| {
        (
            n.map_or(Cow::Borrowed(""), |n| Cow::Owned(n.to_string())),
            false,
        )
    };
    let [unemployed, workforce, laid_off] = counts;
    write_row(
        out,
        [
            text(E::KIND.id()),
            text(e.id()),
            text(e.enterprise()),
            text(e.industry()),
            text(e.street()),
            (Cow::Owned(e.date().to_string()), false),
            num(unemployed),
            num(workforce),
            num(laid_off),
        ],
    );
}

fn parse_kind(text: &str) -> Option<EventKind> {
    let t = text.trim().to_ascii_lowercase();
    [EventKind::Closure, EventKind::Layoff]
        .into_iter()
        .find(|k| t == k.id() || t == k.label(Lang::Zh) || t == format!("{}s", k.id()))
}

/// A street given by id or by name (Chinese or English).
fn resolve_street(ds: &Dataset, text: &str) -> Option<String> {
    let t = text.trim();
    ds.region(t)
        .or_else(|| {
            ds.regions.iter().find(|r| {
                r.kind != RegionKind::Community
                    && (r.name == t
                        || r.name_en
                            .as_deref()
                            .is_some_and(|n| n.eq_ignore_ascii_case(t)))
            })
        })
        .map(|r| r.id.clone())
}

/// Makes up ids as [`crate::edit::fresh_event_id`] does, also avoiding ids used in the file.
struct IdMaker {
    taken: HashSet<(EventKind, String)>,
}

impl IdMaker {
    fn make(&mut self, kind: EventKind, date: Date) -> String {
        let prefix = match kind {
            EventKind::Closure => "C",
            EventKind::Layoff => "L",
        };
        let year = date.month().year();
        let id = (1u32..)
            .map(|n| format!("{prefix}-{year:04}-{n:02}"))
            .find(|id| !self.taken.contains(&(kind, id.clone())))
            .unwrap_or_default();
        self.taken.insert((kind, id.clone()));
        id
    }
}

/// Reads events and compares them with the dataset.
pub fn import_events(ds: &Dataset, text: &str) -> ImportPreview<EventRow> {
    match split_file(text) {
        Ok(((row, header), records)) => import_event_records(ds, row, &header, records),
        Err(e) => ImportPreview {
            rows: Vec::new(),
            errors: vec![e],
            ignored_columns: Vec::new(),
        },
    }
}

/// The columns an events file cannot do without.
pub const EVENT_REQUIRED: [&str; 4] = [KIND, ENTERPRISE, STREET, DATE];

/// The column an events header cell names (`kind`, `date`, …), if any.
pub fn event_column(cell: &str) -> Option<&'static str> {
    column_of(cell, &event_columns())
}

/// The header cells of the events file, as the CSV export writes them.
pub fn event_header() -> Vec<String> {
    event_columns()
        .into_iter()
        .map(|(id, zh, _)| header_cell(id, zh).into_owned())
        .collect()
}

/// Reads events already split into a header (at spreadsheet row `header_row`) and records,
/// and compares them with the dataset.
pub fn import_event_records(
    ds: &Dataset,
    header_row: usize,
    header: &[String],
    records: Vec<Record>,
) -> ImportPreview<EventRow> {
    let mut preview = ImportPreview {
        rows: Vec::new(),
        errors: Vec::new(),
        ignored_columns: Vec::new(),
    };
    let columns = event_columns();
    let (at, ignored) = read_header(header, &columns);
    preview.ignored_columns = ignored;
    for required in EVENT_REQUIRED {
        if !at.contains_key(required) {
            preview.errors.push(RowError::new(
                header_row,
                None,
                RowProblem::MissingColumn(required),
            ));
        }
    }
    if !preview.errors.is_empty() {
        return preview;
    }
    let mut ids = IdMaker {
        taken: ds
            .closures
            .iter()
            .map(|e| (EventKind::Closure, e.id.clone()))
            .chain(ds.layoffs.iter().map(|e| (EventKind::Layoff, e.id.clone())))
            .collect(),
    };
    // Ids given in the file are reserved first, so a made-up id never takes one of them.
    let mut seen: HashMap<(EventKind, String), usize> = HashMap::new();
    for (_, record) in &records {
        let kind = parse_kind(cell(record, &at, KIND).unwrap_or(""));
        let id = clean_text(cell(record, &at, ID).unwrap_or(""));
        if let (Some(kind), false) = (kind, id.is_empty()) {
            ids.taken.insert((kind, id));
        }
    }

    for (row, record) in records {
        let get = |c: &str| cell(&record, &at, c).unwrap_or("");
        let parsed = match read_event(ds, row, &get, &mut seen) {
            Ok(p) => p,
            Err(errors) => {
                preview.errors.extend(errors);
                continue;
            }
        };
        match parsed.into_row(ds, &mut ids) {
            Ok(r) => preview.rows.push(r),
            Err(e) => preview.errors.push(e),
        }
    }
    preview
}

/// An events row read, before it is checked against the dataset.
struct ReadEvent {
    row: usize,
    kind: EventKind,
    /// Empty when the row gave none.
    id: String,
    enterprise: String,
    industry: String,
    street: String,
    date: Date,
    /// Unemployed for a closure; workforce and laid off for a layoff.
    counts: (u64, u64),
}

/// Reads one events row (`get` gives a column's cell): every problem of the row, or the event
/// it describes. `seen` holds the ids of the rows before, to name a repeated one.
fn read_event<'r>(
    ds: &Dataset,
    row: usize,
    get: &dyn Fn(&str) -> &'r str,
    seen: &mut HashMap<(EventKind, String), usize>,
) -> Result<ReadEvent, Vec<RowError>> {
    let mut errors = Vec::new();
    let kind_text = get(KIND).trim();
    let kind = parse_kind(kind_text);
    if kind.is_none() {
        let p = if kind_text.is_empty() {
            RowProblem::Missing
        } else {
            RowProblem::BadKind(kind_text.to_owned())
        };
        errors.push(RowError::new(row, Some(KIND), p));
    }
    let id = clean_text(get(ID));
    let enterprise = clean_text(get(ENTERPRISE));
    if enterprise.is_empty() {
        errors.push(RowError::new(row, Some(ENTERPRISE), RowProblem::Missing));
    }
    let industry = clean_text(get(INDUSTRY));
    let street = read_street(ds, row, &clean_text(get(STREET)), &mut errors);
    let date = read_date(row, get(DATE).trim(), &mut errors);
    let counts = read_counts(row, kind, get, &mut errors);
    if let (Some(kind), false) = (kind, id.is_empty()) {
        if !valid_id(&id) {
            errors.push(RowError::new(
                row,
                Some(ID),
                RowProblem::Rule(EditError::InvalidEventId {
                    kind,
                    id: id.clone(),
                }),
            ));
        }
        match seen.get(&(kind, id.clone())) {
            Some(first_row) => errors.push(RowError::new(
                row,
                Some(ID),
                RowProblem::Duplicate {
                    first_row: *first_row,
                },
            )),
            None => {
                seen.insert((kind, id.clone()), row);
            }
        }
    }
    match (kind, street, date, counts, errors.is_empty()) {
        (Some(kind), Some(street), Some(date), Some(counts), true) => Ok(ReadEvent {
            row,
            kind,
            id,
            enterprise,
            industry,
            street,
            date,
            counts,
        }),
        _ => Err(errors),
    }
}

/// The street of an events row, by id or name.
fn read_street(ds: &Dataset, row: usize, text: &str, errors: &mut Vec<RowError>) -> Option<String> {
    let street = resolve_street(ds, text);
    if text.is_empty() {
        errors.push(RowError::new(row, Some(STREET), RowProblem::Missing));
    } else if street.is_none() {
        errors.push(RowError::new(
            row,
            Some(STREET),
            RowProblem::UnknownRegion(text.to_owned()),
        ));
    }
    street
}

fn read_date(row: usize, text: &str, errors: &mut Vec<RowError>) -> Option<Date> {
    let date = parse_date_lenient(text);
    if text.is_empty() {
        errors.push(RowError::new(row, Some(DATE), RowProblem::Missing));
    } else if date.is_none() {
        errors.push(RowError::new(
            row,
            Some(DATE),
            RowProblem::BadDate(text.to_owned()),
        ));
    }
    date
}

/// The counts of the row's kind: (unemployed, 0) for a closure, (workforce, laid off) for a
/// layoff.
fn read_counts<'r>(
    row: usize,
    kind: Option<EventKind>,
    get: &dyn Fn(&str) -> &'r str,
    errors: &mut Vec<RowError>,
) -> Option<(u64, u64)> {
    let mut count = |column: &'static str| -> Option<u64> {
        match Field::Unemployed.parse(get(column)) {
            Ok(Some(Value::Count(n))) => Some(n),
            Ok(_) => {
                errors.push(RowError::new(row, Some(column), RowProblem::Missing));
                None
            }
            Err(e) => {
                errors.push(RowError::new(row, Some(column), RowProblem::Value(e)));
                None
            }
        }
    };
    match kind {
        Some(EventKind::Closure) => count(UNEMPLOYED).map(|n| (n, 0)),
        Some(EventKind::Layoff) => match (count(WORKFORCE), count(LAID_OFF)) {
            (Some(w), Some(l)) => Some((w, l)),
            _ => None,
        },
        None => None,
    }
}

impl ReadEvent {
    /// The preview row of the event (its id made up if the row had none), or why the dataset
    /// refuses it.
    fn into_row(self, ds: &Dataset, ids: &mut IdMaker) -> Result<EventRow, RowError> {
        let generated_id = self.id.is_empty();
        let id = if generated_id {
            ids.make(self.kind, self.date)
        } else {
            self.id
        };
        let (row, (a, b)) = (self.row, self.counts);
        match self.kind {
            EventKind::Closure => {
                let e = ClosureEvent {
                    id,
                    enterprise: self.enterprise,
                    industry: self.industry,
                    street: self.street,
                    date: self.date,
                    unemployed: a,
                };
                event_row(ds, e, row, generated_id, EventData::Closure)
            }
            EventKind::Layoff => {
                let e = LayoffEvent {
                    id,
                    enterprise: self.enterprise,
                    industry: self.industry,
                    street: self.street,
                    date: self.date,
                    workforce: a,
                    laid_off: b,
                };
                event_row(ds, e, row, generated_id, EventData::Layoff)
            }
        }
    }
}

/// A checked event of either kind as a preview row: added, changed or as it is.
fn event_row<E: EventEdit>(
    ds: &Dataset,
    e: E,
    row: usize,
    generated_id: bool,
    wrap: fn(E) -> EventData,
) -> Result<EventRow, RowError> {
    if let Err(err) = check_event(ds, &e) {
        let column = match &err {
            EditError::LaidOffAboveWorkforce { .. } => Some(LAID_OFF),
            EditError::ZeroWorkforce { .. } => Some(WORKFORCE),
            EditError::EventRegion { .. } => Some(STREET),
            _ => None,
        };
        return Err(RowError::new(row, column, RowProblem::Rule(err)));
    }
    let status = match E::list(ds).iter().find(|x| x.id() == e.id()) {
        None => RowStatus::Add,
        Some(old) if *old == e => RowStatus::Unchanged,
        Some(_) => RowStatus::Change,
    };
    Ok(EventRow {
        row,
        event: wrap(e),
        status,
        generated_id,
    })
}

/// The edit an imported event of either kind makes, if any.
fn event_edit<E: EventEdit>(e: &E, status: RowStatus) -> Option<Edit> {
    match status {
        RowStatus::Unchanged => None,
        RowStatus::Add => Some(E::add(e.clone(), None)),
        RowStatus::Change => Some(E::update(e.clone())),
    }
}

impl ImportPreview<EventRow> {
    /// One undoable edit adding the new events and replacing the changed ones; refused while
    /// any row is bad unless `skip_bad_rows`.
    pub fn to_edit(&self, skip_bad_rows: bool) -> Result<Edit, ImportBlocked> {
        if !self.errors.is_empty() && !skip_bad_rows {
            return Err(ImportBlocked {
                errors: self.errors.len(),
            });
        }
        let edits = self
            .rows
            .iter()
            .filter_map(|r| match &r.event {
                EventData::Closure(e) => event_edit(e, r.status),
                EventData::Layoff(e) => event_edit(e, r.status),
            })
            .collect();
        Ok(Edit::Batch(edits))
    }
}

#[cfg(test)]
mod tests;
