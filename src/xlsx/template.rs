//! The street's monthly report template (下载填报模板) and reading it back.
//!
//! The template has the street and its communities as rows and the monthly figures as columns
//! with units, last month's values beside the empty cells for reference, a locked header,
//! data validation (whole numbers ≥ 0, rates 0–100), a second sheet for the month's closures
//! and layoffs, and the street, month and plan in a header row that the import checks. Its
//! tables use the CSV import's column names, so it reads back through the same import; what
//! comes back is a street snapshot of that month, merged like any street snapshot (same
//! preview, same conflict choices).

use super::read::{Book, CellError, CellValue, SheetImport, TableKind};
use super::write::{header_format, put_value, ExportError, RATE_FORMAT};
use crate::csv::{self, EventData, EventRow, MonthlyRow, RowError, RowProblem};
use crate::edit::{Field, FieldKind};
use crate::i18n::Lang;
use crate::model::{Dataset, Observation, RegionKind};
use crate::month::Month;
use crate::snapshot::{diff, ImportPlan, Snapshot};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;
use std::fmt;

/// The marker cells of the template's header row; the cell to the right holds the value.
const STREET_KEY: &str = "街道编号 street_id";
const MONTH_KEY: &str = "填报月份 report_month";
const PLAN_KEY: &str = "预案 plan_id";

pub const REPORT_SHEET: &str = "月报 report";
pub const EVENTS_SHEET: &str = "关停裁员 events";
/// Rows of the events sheet open for input.
const EVENT_ROWS: u32 = 40;

/// What the template's header says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateInfo {
    pub street: String,
    pub month: Month,
    pub plan: String,
}

/// Why a template cannot be made or read back. Nothing has been changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// No street has this id.
    NotAStreet(String),
    /// The header's month cell does not hold a month.
    BadMonth(String),
    /// The header lacks one of its cells.
    MissingHeader(&'static str),
    /// Made for another plan than the one in use.
    OtherPlan {
        template: String,
        current: String,
    },
    Write(ExportError),
}

impl TemplateError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TemplateError::NotAStreet(s), Lang::Zh) => format!("没有编号为“{s}”的街道"),
            (TemplateError::NotAStreet(s), Lang::En) => format!("no street has the id '{s}'"),
            (TemplateError::BadMonth(t), Lang::Zh) => {
                format!("模板表头的填报月份“{t}”不是月份（YYYY-MM）")
            }
            (TemplateError::BadMonth(t), Lang::En) => {
                format!("the template's report month '{t}' is not a month (YYYY-MM)")
            }
            (TemplateError::MissingHeader(k), Lang::Zh) => format!("模板表头缺少“{k}”"),
            (TemplateError::MissingHeader(k), Lang::En) => {
                format!("the template's header lacks '{k}'")
            }
            (TemplateError::OtherPlan { template, current }, Lang::Zh) => format!(
                "此模板按预案“{template}”生成，当前使用的是“{current}”；请重新下载模板"
            ),
            (TemplateError::OtherPlan { template, current }, Lang::En) => format!(
                "this template was made for plan '{template}' but '{current}' is in use: download the template again"
            ),
            (TemplateError::Write(e), lang) => e.message(lang),
        }
    }

    pub fn both(&self) -> String {
        format!("{} / {}", self.message(Lang::Zh), self.message(Lang::En))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

impl std::error::Error for TemplateError {}

impl From<XlsxError> for TemplateError {
    fn from(e: XlsxError) -> TemplateError {
        TemplateError::Write(e.into())
    }
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// The street and its communities, street first, in dataset order.
fn street_rows<'a>(ds: &'a Dataset, street: &str) -> Vec<&'a crate::model::Region> {
    ds.regions
        .iter()
        .filter(|r| {
            (r.id == street && r.kind == RegionKind::Street)
                || (r.kind == RegionKind::Community && r.parent.as_deref() == Some(street))
        })
        .collect()
}

/// The workbook a street fills in for `month`.
pub fn template(snap: &Snapshot, street: &str, month: Month) -> Result<Vec<u8>, TemplateError> {
    let ds = &snap.dataset;
    let s = ds
        .region(street)
        .filter(|r| r.kind == RegionKind::Street)
        .ok_or_else(|| TemplateError::NotAStreet(street.to_owned()))?;
    let mut wb = Workbook::new();
    report_sheet(wb.add_worksheet(), snap, s, month)?;
    events_sheet(wb.add_worksheet(), s, month)?;
    Ok(wb.save_to_buffer()?)
}

fn report_sheet(
    ws: &mut Worksheet,
    snap: &Snapshot,
    street: &crate::model::Region,
    month: Month,
) -> Result<(), XlsxError> {
    let ds = &snap.dataset;
    ws.set_name(REPORT_SHEET)?;
    let head = header_format();
    let key = Format::new().set_bold();
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let header = csv::monthly_header();
    let width = header.len() + Field::ALL.len();
    let district = ds.district().map_or("", |d| d.name.as_str());
    ws.merge_range(
        0,
        0,
        0,
        col(width - 1),
        &format!(
            "{district}失业监测月报 · {} · {}年{}月 — monthly report, {} {month}",
            street.name,
            month.year(),
            month.month(),
            street.name_en.as_deref().unwrap_or(&street.name)
        ),
        &title,
    )?;
    ws.set_row_height(0, 24)?;
    ws.write_string_with_format(1, 0, STREET_KEY, &key)?;
    ws.write_string(1, 1, &street.id)?;
    ws.write_string_with_format(1, 2, MONTH_KEY, &key)?;
    ws.write_string(1, 3, month.to_string())?;
    ws.write_string_with_format(1, 4, PLAN_KEY, &key)?;
    ws.write_string(1, 5, &snap.plan.id)?;
    ws.merge_range(
        2,
        0,
        2,
        col(width - 1),
        "请只填写白色单元格：人数为整数，失业率填百分数（如 3.2 表示 3.2%）；灰色为上月数值，仅供参考。 \
         Fill in the white cells only: counts as whole numbers, rates in percent (3.2 means 3.2 %); \
         grey cells show last month for reference.",
        &Format::new().set_text_wrap(),
    )?;
    ws.set_row_height(2, 36)?;
    for (j, h) in header.iter().enumerate() {
        let text = match Field::ALL.get(j.wrapping_sub(3)) {
            Some(f) => format!("{}（{}） {}", f.label(Lang::Zh), unit(*f), f.id()),
            None => h.clone(),
        };
        ws.write_string_with_format(3, col(j), text, &head)?;
        ws.set_column_width(col(j), 13)?;
    }
    let reference = Format::new()
        .set_background_color(Color::RGB(0x00EE_EEEE))
        .set_font_color(Color::RGB(0x005B_6470))
        .set_italic();
    let ref_head = header_format().set_italic();
    for (k, f) in Field::ALL.iter().enumerate() {
        ws.write_string_with_format(
            3,
            col(header.len() + k),
            format!("上月·{}（参考） ref", f.label(Lang::Zh)),
            &ref_head,
        )?;
        ws.set_column_width(col(header.len() + k), 13)?;
    }
    ws.set_row_height(3, 45)?;
    let input = Format::new().set_unlocked();
    let input_rate = Format::new().set_unlocked().set_num_format(RATE_FORMAT);
    let ref_rate = reference.clone().set_num_format(RATE_FORMAT);
    let current: HashMap<(&str, Month), &Observation> = ds
        .observations
        .iter()
        .map(|o| ((o.region.as_str(), o.month), o))
        .collect();
    let last = month.pred();
    let rows = street_rows(ds, &street.id);
    for (i, r) in rows.iter().enumerate() {
        let row = 4 + u32::try_from(i).unwrap_or(0);
        ws.write_string(row, 0, &r.id)?;
        ws.write_string(row, 1, &r.name)?;
        ws.write_string(row, 2, month.to_string())?;
        for (k, f) in Field::ALL.iter().enumerate() {
            let c = col(3 + k);
            let format = match f.kind() {
                FieldKind::Rate => &input_rate,
                FieldKind::Count => &input,
            };
            ws.write_blank(row, c, format)?;
            let before = last
                .and_then(|m| current.get(&(r.id.as_str(), m)))
                .and_then(|o| f.get(o));
            let rc = col(header.len() + k);
            ws.write_blank(row, rc, &reference)?;
            let rf = match f.kind() {
                FieldKind::Rate => &ref_rate,
                FieldKind::Count => &reference,
            };
            if before.is_some() {
                ws.write_blank(row, rc, rf)?;
                put_value(ws, row, rc, before, rf)?;
            }
        }
    }
    if let Some(last_row) = u32::try_from(rows.len())
        .ok()
        .and_then(|n| n.checked_add(3))
    {
        if last_row >= 4 {
            for (k, f) in Field::ALL.iter().enumerate() {
                let v = match f.kind() {
                    FieldKind::Rate => DataValidation::new()
                        .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
                        .set_error_message("失业率应在 0–100 之间 / a rate is 0–100")?,
                    FieldKind::Count => DataValidation::new()
                        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                        .set_error_message("人数应为不小于 0 的整数 / a whole number ≥ 0")?,
                };
                ws.add_data_validation(4, col(3 + k), last_row, col(3 + k), &v)?;
            }
        }
    }
    ws.set_freeze_panes(4, 3)?;
    ws.protect();
    Ok(())
}

fn unit(f: Field) -> &'static str {
    match f.kind() {
        FieldKind::Rate => "%",
        FieldKind::Count => "人",
    }
}

fn events_sheet(
    ws: &mut Worksheet,
    street: &crate::model::Region,
    month: Month,
) -> Result<(), XlsxError> {
    ws.set_name(EVENTS_SHEET)?;
    let header = csv::event_header();
    ws.merge_range(
        0,
        0,
        0,
        col(header.len() - 1),
        &format!(
            "{} {}年{}月 关停破产与一次性裁员 — closures and layoffs of the month (类型填 关停破产/一次性裁员；街道编号填 {})",
            street.name,
            month.year(),
            month.month(),
            street.id
        ),
        &Format::new().set_bold().set_text_wrap(),
    )?;
    ws.set_row_height(0, 36)?;
    let head = header_format();
    for (j, h) in header.iter().enumerate() {
        ws.write_string_with_format(1, col(j), h, &head)?;
        ws.set_column_width(col(j), 14)?;
    }
    let input = Format::new().set_unlocked();
    for r in 2..2 + EVENT_ROWS {
        for j in 0..header.len() {
            ws.write_blank(r, col(j), &input)?;
        }
    }
    let last = 1 + EVENT_ROWS;
    let kinds = DataValidation::new().allow_list_strings(&["关停破产", "一次性裁员"])?;
    ws.add_data_validation(2, 0, last, 0, &kinds)?;
    let streets = DataValidation::new().allow_list_strings(&[street.id.as_str()])?;
    ws.add_data_validation(2, 4, last, 4, &streets)?;
    let whole = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        .set_error_message("人数应为不小于 0 的整数 / a whole number ≥ 0")?;
    ws.add_data_validation(2, 6, last, 8, &whole)?;
    ws.set_freeze_panes(2, 0)?;
    ws.protect();
    Ok(())
}

/// A filled-in template read back: its header, the rows as imports, and the street snapshot
/// of the month they make.
#[derive(Clone, Debug)]
pub struct TemplateImport {
    pub info: TemplateInfo,
    pub monthly: SheetImport<MonthlyRow>,
    pub events: Option<SheetImport<EventRow>>,
    /// Every bad row of both sheets, with cell references; the snapshot leaves them out.
    pub errors: Vec<CellError>,
    /// The street's month as a street snapshot: the street and its communities (and the
    /// district, their parent), the figures filled in and the events listed.
    pub incoming: Snapshot,
}

impl TemplateImport {
    /// The merge preview against the current data, as for a street snapshot.
    pub fn plan(&self, current: &Dataset) -> ImportPlan {
        diff(current, &self.incoming.dataset)
    }
}

/// The value to the right of a marker cell in the top rows of a sheet.
fn header_value(rows: &[Vec<CellValue>], key: &str) -> Option<String> {
    rows.iter().take(4).find_map(|row| {
        let at = row
            .iter()
            .position(|c| matches!(c, CellValue::Text(t) if t.trim() == key))?;
        row.iter()
            .skip(at + 1)
            .map(|c| c.text(false).trim().to_owned())
            .find(|t| !t.is_empty())
    })
}

/// The template's header, if the workbook is a template: `None` for any other workbook.
pub fn template_info(book: &Book) -> Option<(String, Result<TemplateInfo, TemplateError>)> {
    let sheet = book
        .sheets
        .iter()
        .find(|s| header_value(&s.rows, STREET_KEY).is_some())?;
    let get = |k: &'static str| header_value(&sheet.rows, k).ok_or(TemplateError::MissingHeader(k));
    let info = (|| {
        let street = get(STREET_KEY)?;
        let month_text = get(MONTH_KEY)?;
        let month =
            csv::parse_month_lenient(&month_text).ok_or(TemplateError::BadMonth(month_text))?;
        let plan = get(PLAN_KEY)?;
        Ok(TemplateInfo {
            street,
            month,
            plan,
        })
    })();
    Some((sheet.name.clone(), info))
}

/// Reads a filled-in template against the current snapshot: `None` when the workbook is not a
/// template, an error when its header does not fit (another plan, an unknown street).
pub fn read_template(
    book: &Book,
    current: &Snapshot,
) -> Option<Result<TemplateImport, TemplateError>> {
    let (sheet, info) = template_info(book)?;
    Some(info.and_then(|info| read_filled(book, current, &sheet, info)))
}

fn read_filled(
    book: &Book,
    current: &Snapshot,
    sheet: &str,
    info: TemplateInfo,
) -> Result<TemplateImport, TemplateError> {
    if info.plan != current.plan.id {
        return Err(TemplateError::OtherPlan {
            template: info.plan,
            current: current.plan.id.clone(),
        });
    }
    let ds = &current.dataset;
    let mut incoming = current
        .for_street(&info.street)
        .ok_or_else(|| TemplateError::NotAStreet(info.street.clone()))?;
    let in_street: Vec<String> = street_rows(ds, &info.street)
        .iter()
        .map(|r| r.id.clone())
        .collect();
    // The report sheet's table is read wherever its header is (it is the template's).
    let mut monthly = book
        .import_monthly(ds, Some(sheet))
        .map_err(|_| TemplateError::MissingHeader(STREET_KEY))?;
    // Rows of another region or month are errors of this template.
    let mut extra = Vec::new();
    monthly.preview.rows.retain(|r| {
        if !in_street.contains(&r.region) {
            extra.push(RowError::new(
                r.row,
                Some("region_id"),
                RowProblem::NotInStreet {
                    region: r.region.clone(),
                    street: info.street.clone(),
                },
            ));
            false
        } else if r.month != info.month {
            extra.push(RowError::new(
                r.row,
                Some("month"),
                RowProblem::NotTheMonth {
                    found: r.month,
                    expected: info.month,
                },
            ));
            false
        } else {
            true
        }
    });
    monthly.preview.errors.extend(extra);
    crate::sort::sort_by_key(&mut monthly.preview.errors, |e| e.row);
    let events = book
        .sheets
        .iter()
        .filter(|s| s.name != sheet && !s.hidden)
        .find(|s| super::read::has_table(s, TableKind::Events))
        .map(|s| book.import_events(ds, Some(&s.name)))
        .transpose()
        .ok()
        .flatten();
    let mut events = events;
    if let Some(ev) = events.as_mut() {
        let mut extra = Vec::new();
        ev.preview.rows.retain(|r| {
            let (street, date) = match &r.event {
                EventData::Closure(e) => (&e.street, e.date),
                EventData::Layoff(e) => (&e.street, e.date),
            };
            if *street != info.street {
                extra.push(RowError::new(
                    r.row,
                    Some("street"),
                    RowProblem::NotInStreet {
                        region: street.clone(),
                        street: info.street.clone(),
                    },
                ));
                false
            } else if date.month() != info.month {
                extra.push(RowError::new(
                    r.row,
                    Some("date"),
                    RowProblem::NotTheMonth {
                        found: date.month(),
                        expected: info.month,
                    },
                ));
                false
            } else {
                true
            }
        });
        ev.preview.errors.extend(extra);
        crate::sort::sort_by_key(&mut ev.preview.errors, |e| e.row);
    }

    // The month's observations as filled in: what is there now with the template's figures.
    let now: HashMap<(&str, Month), &Observation> = ds
        .observations
        .iter()
        .map(|o| ((o.region.as_str(), o.month), o))
        .collect();
    let observations: Vec<Observation> = monthly
        .preview
        .rows
        .iter()
        .filter_map(|r| {
            let mut o = now
                .get(&(r.region.as_str(), r.month))
                .map(|o| (*o).clone())
                .unwrap_or_else(|| Observation::new(&r.region, r.month));
            for c in &r.changes {
                let _ = c.field.set(&mut o, c.new);
            }
            Field::ALL.iter().any(|f| f.get(&o).is_some()).then_some(o)
        })
        .collect();
    let dataset = &mut incoming.dataset;
    dataset.observations = observations;
    dataset.closures.clear();
    dataset.layoffs.clear();
    dataset.special_determinations.clear();
    dataset.street_thresholds.clear();
    if let Some(ev) = &events {
        for r in &ev.preview.rows {
            match &r.event {
                EventData::Closure(e) => dataset.closures.push(e.clone()),
                EventData::Layoff(e) => dataset.layoffs.push(e.clone()),
            }
        }
    }
    incoming.source = Some(format!("{} {}", info.street, info.month));
    let mut errors = monthly.errors();
    if let Some(ev) = &events {
        errors.extend(ev.errors());
    }
    Ok(TemplateImport {
        info,
        monthly,
        events,
        errors,
        incoming,
    })
}
