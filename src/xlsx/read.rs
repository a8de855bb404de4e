//! Reading a workbook into the CSV module's records.
//!
//! Every sheet is read whole (values only; a formula cell gives the value Excel cached for it)
//! and kept as typed cells. A table is then found in it by its header row: the first of the
//! top rows that names every required column in Chinese or English, so that merged title rows
//! and notes above it are passed over. Each cell becomes the text a person would have typed:
//! a number without binary noise (`3.2`, not `3.2000000000000003`), a cell formatted as a
//! percentage as `3.2%` (Excel stores 3.2 % as 0.032), a date cell as `2025-06-18`, and a
//! plain number in a date or month column as the Excel serial date it is.

use crate::csv::{self, EventRow, ImportPreview, MonthlyRow, Record, RowError};
use crate::i18n::Lang;
use crate::model::Dataset;
use calamine::{Data, Reader, SheetVisible, Sheets};
use std::collections::HashMap;
use std::fmt;
use std::io::Cursor;

/// How many top rows are searched for the header.
const HEADER_SEARCH_ROWS: usize = 30;

/// A cell as read, before it becomes text.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    /// A number formatted as a percentage: 0.032 is 3.2 %.
    Percent(f64),
    /// An Excel serial date (days since 1899-12-30).
    Date(f64),
    /// A date written out (OpenDocument): `2025-06-18` or `2025-06-18T00:00:00`.
    DateText(String),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error(String),
}

/// One sheet of a workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Hidden or very hidden: never picked by itself.
    pub hidden: bool,
    /// Rows from the sheet's row 1, columns from column A (padded with empty cells).
    pub rows: Vec<Vec<CellValue>>,
}

/// A workbook, read whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

/// Why a workbook, or a table in it, could not be read. Nothing has been changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookError {
    /// Not a workbook this reader knows (or damaged, or password-protected).
    Unreadable(String),
    /// The sheet named is not in the workbook.
    NoSuchSheet(String),
    /// No visible sheet has a header naming the columns of this kind of table.
    NoTable(TableKind),
}

impl BookError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BookError::Unreadable(d), Lang::Zh) => {
                format!("无法读取工作簿（不是 .xlsx/.xls/.ods 文件，或已损坏、加密）：{d}")
            }
            (BookError::Unreadable(d), Lang::En) => format!(
                "cannot read the workbook (not an .xlsx/.xls/.ods file, damaged or encrypted): {d}"
            ),
            (BookError::NoSuchSheet(s), Lang::Zh) => format!("工作簿中没有名为“{s}”的工作表"),
            (BookError::NoSuchSheet(s), Lang::En) => format!("the workbook has no sheet '{s}'"),
            (BookError::NoTable(k), Lang::Zh) => format!(
                "没有哪个可见工作表的表头含有{}所需的列（{}）",
                k.label(lang),
                k.required().join("、")
            ),
            (BookError::NoTable(k), Lang::En) => format!(
                "no visible sheet has a header with the columns {} needs ({})",
                k.label(lang),
                k.required().join(", ")
            ),
        }
    }

    /// Both languages on one line, as the command line prints it.
    pub fn both(&self) -> String {
        format!("{} / {}", self.message(Lang::Zh), self.message(Lang::En))
    }
}

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

impl std::error::Error for BookError {}

/// The two kinds of table a workbook may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Monthly,
    Events,
}

impl TableKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TableKind::Monthly, Lang::Zh) => "月度数据",
            (TableKind::Monthly, Lang::En) => "monthly data",
            (TableKind::Events, Lang::Zh) => "关停裁员事件",
            (TableKind::Events, Lang::En) => "closure and layoff events",
        }
    }

    pub fn required(self) -> &'static [&'static str] {
        match self {
            TableKind::Monthly => &csv::MONTHLY_REQUIRED,
            TableKind::Events => &csv::EVENT_REQUIRED,
        }
    }

    fn column(self, cell: &str) -> Option<&'static str> {
        match self {
            TableKind::Monthly => csv::monthly_column(cell),
            TableKind::Events => csv::event_column(cell),
        }
    }

    /// Columns whose plain numbers are Excel serial dates.
    fn date_columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Monthly => &["month"],
            TableKind::Events => &["date"],
        }
    }
}

/// A bad row of a sheet, pointing at its cell (`月报!D14`) or its row (`月报!14`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// `Sheet!D14`, or `Sheet!14` when no single cell is at fault.
    pub at: String,
    pub error: RowError,
}

impl CellError {
    /// `Sheet1!D14: '3,2%' is not a percentage (0–100, at most 4 decimals)`.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.at, self.error.problem_message(lang))
    }

    /// `Sheet1!D14: “3,2%”不是百分数… / '3,2%' is not a percentage…`: one line for the
    /// command line and for logs.
    pub fn both(&self) -> String {
        format!(
            "{}: {} / {}",
            self.at,
            self.error.problem_message(Lang::Zh),
            self.error.problem_message(Lang::En)
        )
    }
}

/// What importing a table of a sheet would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetImport<R> {
    pub sheet: String,
    /// Spreadsheet row number of the header.
    pub header_row: usize,
    pub preview: ImportPreview<R>,
    /// Column index (0 = A) of each known column.
    columns: HashMap<&'static str, usize>,
}

impl<R> SheetImport<R> {
    /// The preview's errors with cell references.
    pub fn errors(&self) -> Vec<CellError> {
        self.preview
            .errors
            .iter()
            .map(|e| CellError {
                at: cell_ref(
                    &self.sheet,
                    e.row,
                    e.column
                        .as_deref()
                        .and_then(|c| self.columns.get(c))
                        .copied(),
                ),
                error: e.clone(),
            })
            .collect()
    }
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column index.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // `rem` < 26, so the byte is an ASCII capital.
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// `'Sheet name'!D14` (quoted when the name has spaces or punctuation, as Excel writes it).
pub fn cell_ref(sheet: &str, row: usize, column: Option<usize>) -> String {
    let plain = sheet
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    let sheet = if plain {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    match column {
        Some(c) => format!("{sheet}!{}{row}", column_letters(c)),
        None => format!("{sheet}!{row}"),
    }
}

/// Reads a workbook from its bytes (.xlsx, .xlsm, .xlsb, .xls, .ods: the reader tells them
/// apart by their content, not by a file name).
pub fn read_book(bytes: &[u8]) -> Result<Book, BookError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| BookError::Unreadable(e.to_string()))?;
    let metas: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    // .xls and .ods percentage cells, which the reader gives as bare fractions.
    let legacy = match &wb {
        Sheets::Xls(_) => super::legacy::xls_percent_cells(bytes),
        Sheets::Ods(_) => super::legacy::ods_percent_cells(bytes),
        _ => None,
    };
    let mut sheets = Vec::with_capacity(metas.len());
    for (index, (name, hidden)) in metas.into_iter().enumerate() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| BookError::Unreadable(format!("{name}: {e}")))?;
        // Number formats, to tell a percentage from a plain number: the reader's for .xlsx.
        let styles = match &mut wb {
            Sheets::Xlsx(x) => x.worksheet_style(&name).ok(),
            _ => None,
        };
        let legacy = legacy.as_ref().and_then(|l| l.get(index));
        let is_percent = |pos: (u32, u32)| {
            legacy.is_some_and(|l| l.contains(&pos))
                || styles
                    .as_ref()
                    .and_then(|s| s.get(pos))
                    .and_then(|s| s.number_format.as_ref())
                    .is_some_and(|f| percent_format(&f.format_code))
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<CellValue>> = (0..r0).map(|_| Vec::new()).collect();
        for (i, row) in range.rows().enumerate() {
            let r = r0 + u32::try_from(i).unwrap_or(u32::MAX);
            let mut cells: Vec<CellValue> = (0..c0).map(|_| CellValue::Empty).collect();
            for (j, d) in row.iter().enumerate() {
                let c = c0 + u32::try_from(j).unwrap_or(u32::MAX);
                cells.push(cell_value(d, is_percent((r, c))));
            }
            rows.push(cells);
        }
        sheets.push(Sheet { name, hidden, rows });
    }
    Ok(Book { sheets })
}

/// Whether a number format shows a percentage: a `%` outside quotes and brackets.
pub(crate) fn percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

fn cell_value(d: &Data, percent: bool) -> CellValue {
    match d {
        Data::Empty => CellValue::Empty,
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Int(n) => number(*n as f64, percent),
        Data::Float(f) => number(*f, percent),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            // The serial in the 1900 system, whatever system the workbook uses.
            Some(t) => CellValue::Date(
                (t.date() - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default())
                    .num_days() as f64,
            ),
            None => CellValue::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => CellValue::DateText(s.clone()),
        Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Error(e.to_string()),
    }
}

fn number(f: f64, percent: bool) -> CellValue {
    if percent {
        CellValue::Percent(f)
    } else {
        CellValue::Number(f)
    }
}

/// The date of an Excel serial (1900 system; day 60, the 29 February 1900 Excel believes in,
/// is not a plausible date here anyway). Plain civil-calendar arithmetic rather than chrono's
/// formatting, which would weigh on the page's download.
fn serial_date(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    // Days from 1970-01-01: serial 25569 is that day.
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// A number as a person would have typed it: at most 9 decimals, which drops the binary noise
/// of stored decimals (3.2 stored as 3.2000000000000003) yet keeps every digit a rate or a
/// count can have, so too many decimals still show as such.
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f == 0.0 {
        // Also -0.0, which a formula can give.
        return "0".to_owned();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    if f.abs() >= 1e15 {
        return f.to_string();
    }
    let s = format!("{f:.9}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

impl CellValue {
    /// The text of the cell; `as_date` reads a plain number as an Excel serial date.
    pub fn text(&self, as_date: bool) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(s) => s.clone(),
            CellValue::Number(f) if as_date && f.fract() == 0.0 => {
                serial_date(*f).unwrap_or_else(|| number_text(*f))
            }
            CellValue::Number(f) => number_text(*f),
            CellValue::Percent(f) => format!("{}%", number_text(f * 100.0)),
            CellValue::Date(f) => serial_date(*f).unwrap_or_else(|| number_text(*f)),
            CellValue::DateText(s) => s.split('T').next().unwrap_or(s).to_owned(),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            CellValue::Error(e) => e.clone(),
        }
    }
}

/// Where a table's header is in a sheet: its row index (0-based) and the known columns.
fn find_header(sheet: &Sheet, kind: TableKind) -> Option<(usize, HashMap<&'static str, usize>)> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let columns = header_columns(row, kind);
            kind.required()
                .iter()
                .all(|c| columns.contains_key(c))
                .then_some((i, columns))
        })
}

/// Whether a sheet holds a table of this kind.
pub fn has_table(sheet: &Sheet, kind: TableKind) -> bool {
    find_header(sheet, kind).is_some()
}

fn header_columns(row: &[CellValue], kind: TableKind) -> HashMap<&'static str, usize> {
    let mut columns = HashMap::new();
    for (j, cell) in row.iter().enumerate() {
        if let CellValue::Text(t) = cell {
            if let Some(id) = kind.column(t) {
                // The first column of a name counts, as in the CSV import.
                columns.entry(id).or_insert(j);
            }
        }
    }
    columns
}

/// Writes a length-prefixed string: `5:hello` (length in characters).
fn put_str(out: &mut String, s: &str) {
    out.push_str(&s.chars().count().to_string());
    out.push(':');
    out.push_str(s);
}

fn get_str(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    let mut len = 0usize;
    loop {
        match it.next()? {
            ':' => break,
            c => len = len.checked_mul(10)?.checked_add(c.to_digit(10)? as usize)?,
        }
    }
    let s: String = it.by_ref().take(len).collect();
    (s.chars().count() == len).then_some(s)
}

fn get_num(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<f64> {
    get_str(it)?.parse().ok()
}

impl Book {
    /// The cells as a compact text, as the browser's workbook worker hands them to the page:
    /// `S` name, `h`/`v`, then per row `R` and its cells (`e` empty, `t` text, `n` number,
    /// `p` percentage, `d` serial date, `D` date text, `b0`/`b1`, `x` error), strings
    /// length-prefixed. A few lines here rather than serde's derived code in the page's download.
    pub fn to_wire(&self) -> String {
        let mut out = String::new();
        for sheet in &self.sheets {
            out.push('S');
            put_str(&mut out, &sheet.name);
            out.push(if sheet.hidden { 'h' } else { 'v' });
            for row in &sheet.rows {
                out.push('R');
                for c in row {
                    match c {
                        CellValue::Empty => out.push('e'),
                        CellValue::Text(t) => {
                            out.push('t');
                            put_str(&mut out, t);
                        }
                        CellValue::Number(f) => {
                            out.push('n');
                            put_str(&mut out, &f.to_string());
                        }
                        CellValue::Percent(f) => {
                            out.push('p');
                            put_str(&mut out, &f.to_string());
                        }
                        CellValue::Date(f) => {
                            out.push('d');
                            put_str(&mut out, &f.to_string());
                        }
                        CellValue::DateText(t) => {
                            out.push('D');
                            put_str(&mut out, t);
                        }
                        CellValue::Bool(b) => out.push_str(if *b { "b1" } else { "b0" }),
                        CellValue::Error(t) => {
                            out.push('x');
                            put_str(&mut out, t);
                        }
                    }
                }
            }
        }
        out
    }

    /// Reads [`Book::to_wire`]'s text; `None` if it is not such a text.
    pub fn from_wire(text: &str) -> Option<Book> {
        let mut it = text.chars().peekable();
        let mut sheets: Vec<Sheet> = Vec::new();
        while let Some(c) = it.next() {
            match c {
                'S' => {
                    let name = get_str(&mut it)?;
                    let hidden = match it.next()? {
                        'h' => true,
                        'v' => false,
                        _ => return None,
                    };
                    sheets.push(Sheet {
                        name,
                        hidden,
                        rows: Vec::new(),
                    });
                }
                'R' => sheets.last_mut()?.rows.push(Vec::new()),
                kind => {
                    let cell = match kind {
                        'e' => CellValue::Empty,
                        't' => CellValue::Text(get_str(&mut it)?),
                        'n' => CellValue::Number(get_num(&mut it)?),
                        'p' => CellValue::Percent(get_num(&mut it)?),
                        'd' => CellValue::Date(get_num(&mut it)?),
                        'D' => CellValue::DateText(get_str(&mut it)?),
                        'b' => CellValue::Bool(it.next()? == '1'),
                        'x' => CellValue::Error(get_str(&mut it)?),
                        _ => return None,
                    };
                    sheets.last_mut()?.rows.last_mut()?.push(cell);
                }
            }
        }
        Some(Book { sheets })
    }

    /// The sheet named `name`.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    /// The first visible sheet holding a table of this kind.
    pub fn find_table(&self, kind: TableKind) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|s| !s.hidden && find_header(s, kind).is_some())
    }

    fn table(&self, kind: TableKind, sheet: Option<&str>) -> Result<Table<'_>, BookError> {
        let s = match sheet {
            Some(name) => self
                .sheet(name)
                .ok_or_else(|| BookError::NoSuchSheet(name.to_owned()))?,
            None => self.find_table(kind).ok_or(BookError::NoTable(kind))?,
        };
        Ok(Table::of(s, kind))
    }

    /// Monthly data from `sheet` (or the first visible sheet that has it), compared with `ds`.
    pub fn import_monthly(
        &self,
        ds: &Dataset,
        sheet: Option<&str>,
    ) -> Result<SheetImport<MonthlyRow>, BookError> {
        let t = self.table(TableKind::Monthly, sheet)?;
        let preview = csv::import_monthly_records(ds, t.header_row, &t.header, t.records);
        Ok(SheetImport {
            sheet: t.sheet.to_owned(),
            header_row: t.header_row,
            preview,
            columns: t.columns,
        })
    }

    /// Closures and layoffs from `sheet` (or the first visible sheet that has them).
    pub fn import_events(
        &self,
        ds: &Dataset,
        sheet: Option<&str>,
    ) -> Result<SheetImport<EventRow>, BookError> {
        let t = self.table(TableKind::Events, sheet)?;
        let preview = csv::import_event_records(ds, t.header_row, &t.header, t.records);
        Ok(SheetImport {
            sheet: t.sheet.to_owned(),
            header_row: t.header_row,
            preview,
            columns: t.columns,
        })
    }
}

/// A sheet's table as the CSV import reads one.
struct Table<'a> {
    sheet: &'a str,
    header_row: usize,
    header: Vec<String>,
    records: Vec<Record>,
    columns: HashMap<&'static str, usize>,
}

impl<'a> Table<'a> {
    /// The table of `kind` in `sheet`; with no header found, the first row is taken as one,
    /// so that the import names the missing columns.
    fn of(sheet: &'a Sheet, kind: TableKind) -> Table<'a> {
        let (h, columns) = find_header(sheet, kind).unwrap_or_else(|| {
            let first = sheet
                .rows
                .iter()
                .position(|r| r.iter().any(|c| *c != CellValue::Empty))
                .unwrap_or(0);
            let columns = sheet
                .rows
                .get(first)
                .map(|r| header_columns(r, kind))
                .unwrap_or_default();
            (first, columns)
        });
        let dates: Vec<usize> = kind
            .date_columns()
            .iter()
            .filter_map(|c| columns.get(c).copied())
            .collect();
        let header = sheet
            .rows
            .get(h)
            .map(|r| r.iter().map(|c| c.text(false)).collect())
            .unwrap_or_default();
        let records = sheet
            .rows
            .iter()
            .enumerate()
            .skip(h + 1)
            .filter_map(|(i, row)| {
                let fields: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(j, c)| c.text(dates.contains(&j)))
                    .collect();
                // Empty rows (trailing ones above all) are skipped but still counted.
                fields
                    .iter()
                    .any(|f| !f.trim().is_empty())
                    .then_some((i + 1, fields))
            })
            .collect();
        Table {
            sheet: &sheet.name,
            header_row: h + 1,
            header,
            records,
            columns,
        }
    }
}
