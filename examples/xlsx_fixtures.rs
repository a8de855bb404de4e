//! Writes the workbook fixtures of tests/xlsx.rs into tests/fixtures/xlsx/: workbooks as
//! offices make them (merged title rows, numbers stored as text, percentage formats, serial
//! dates, a hidden sheet, a formula cell with its cached value) and broken ones. The regions
//! are the sample data's (西兴街道 and its communities).
//!
//! ```text
//! cargo run --example xlsx_fixtures
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rust_xlsxwriter::{Format, Formula, Workbook, XlsxError};
use std::path::Path;

const DIR: &str = "tests/fixtures/xlsx";

fn save(mut wb: Workbook, name: &str) -> Result<(), XlsxError> {
    wb.save(Path::new(DIR).join(name))
}

/// Monthly figures as a street office keeps them: a hidden lookup sheet first, then the
/// report with two merged title rows, Chinese-only column names, the month as a date cell,
/// rates as percentages (0.032 shown as 3.2%), counts partly typed as text with grouping,
/// and a formula whose cached value is the count.
fn office_monthly() -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let hidden = wb.add_worksheet();
    hidden.set_name("lookup")?;
    // A decoy: a complete header on a hidden sheet must not be picked.
    hidden.write_row(0, 0, ["地区编号", "月份", "登记失业率"])?;
    hidden.write_row(1, 0, ["xixing-dongguan", "2026-11", "99"])?;
    hidden.set_hidden(true);

    let ws = wb.add_worksheet();
    ws.set_name("Sheet1")?;
    // Excel never hides the active sheet: the report is the one open.
    ws.set_active(true);
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 6, "滨江区西兴街道失业监测月报", &bold)?;
    ws.merge_range(
        1,
        0,
        1,
        6,
        "填报单位：西兴街道社区服务中心  2026年11月",
        &Format::new(),
    )?;
    ws.write_row(
        2,
        0,
        [
            "地区编号",
            "地区名称",
            "月份",
            "登记失业率",
            "登记失业人数",
            "劳动力人数",
            "备注",
        ],
    )?;
    let pct = Format::new().set_num_format("0.0%");
    let month = Format::new().set_num_format("yyyy-mm");
    // 2026-11-01 is Excel serial 46327.
    let rows: [(&str, &str, f64); 2] = [
        ("xixing-dongguan", "东冠社区", 0.032),
        ("xixing-guanhe", "冠河社区", 0.0285),
    ];
    for (i, (id, name, rate)) in rows.iter().enumerate() {
        let r = 3 + u32::try_from(i).unwrap();
        ws.write_string(r, 0, *id)?;
        ws.write_string(r, 1, *name)?;
        ws.write_number_with_format(r, 2, 46327.0, &month)?;
        ws.write_number_with_format(r, 3, *rate, &pct)?;
    }
    // Counts: one typed as text with a thousands separator, one a formula with its value.
    ws.write_string(3, 4, "850")?;
    ws.write_string(3, 5, "26,561")?;
    ws.write_formula(4, 4, Formula::new("=700+26").set_result("726"))?;
    ws.write_number(4, 5, 22779.0)?;
    ws.write_string(4, 6, "已核对")?;
    // Empty trailing rows with only formatting.
    for r in 5..12 {
        ws.write_blank(r, 3, &pct)?;
    }
    save(wb, "office_monthly.xlsx")
}

/// Events with English column names under a title row, the date as a plain serial number
/// (General format) and as a date cell, and the kind in Chinese.
fn office_events() -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("events")?;
    ws.merge_range(
        0,
        0,
        0,
        8,
        "Closures and layoffs, November 2026",
        &Format::new(),
    )?;
    ws.write_row(
        1,
        0,
        [
            "kind",
            "id",
            "enterprise",
            "industry",
            "street",
            "date",
            "unemployed",
            "workforce",
            "laid off",
        ],
    )?;
    let date = Format::new().set_num_format("yyyy/m/d");
    ws.write_row(2, 0, ["关停破产", "", "杭州某电子厂", "制造业", "xixing"])?;
    // 2026-11-05 is Excel serial 46331, here a plain number.
    ws.write_number(2, 5, 46331.0)?;
    ws.write_number(2, 6, 120.0)?;
    ws.write_row(3, 0, ["layoff", "", "某物流公司", "", "西兴街道"])?;
    ws.write_number_with_format(3, 5, 46336.0, &date)?;
    ws.write_string(3, 7, "1,000")?;
    ws.write_number(3, 8, 150.0)?;
    save(wb, "office_events.xlsx")
}

/// A rate typed with a decimal comma in D14: the import names the cell.
fn bad_rate() -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1")?;
    ws.write_row(
        0,
        0,
        [
            "地区编号 region_id",
            "地区名称 region_name",
            "月份 month",
            "登记失业率 registered_rate",
        ],
    )?;
    for r in 1..13u32 {
        ws.write_string(r, 0, "xixing-dongguan")?;
        ws.write_string(r, 2, format!("2025-{r:02}"))?;
        ws.write_number(r, 3, 3.0)?;
    }
    ws.write_string(13, 0, "xixing-guanhe")?;
    ws.write_string(13, 2, "2025-01")?;
    ws.write_string(13, 3, "3,2%")?;
    save(wb, "bad_rate.xlsx")
}

/// A sheet of something else: no header names the columns.
fn no_table() -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(0, 0, ["姓名", "电话"])?;
    ws.write_row(1, 0, ["张三", "0571-1234567"])?;
    save(wb, "no_table.xlsx")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(DIR)?;
    office_monthly()?;
    office_events()?;
    bad_rate()?;
    no_table()?;
    // Text saved under a workbook's name.
    std::fs::write(
        Path::new(DIR).join("not_a_workbook.xlsx"),
        "地区编号,月份\nxixing,2026-11\n",
    )?;
    Ok(())
}
