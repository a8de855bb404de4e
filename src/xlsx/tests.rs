//! Table tests of the reader's cell conversions; the import paths are tested end to end in
//! tests/xlsx.rs.

use super::read::{CellValue, TableKind};

#[test]
fn cells_become_the_text_a_person_typed() {
    assert_eq!(CellValue::Percent(0.032).text(false), "3.2%");
    assert_eq!(CellValue::Percent(0.0285).text(false), "2.85%");
    assert_eq!(
        CellValue::Number(3.2 + 4.0 * f64::EPSILON).text(false),
        "3.2"
    );
    // 2026-11-05 is serial 46331; as a month or date column it is a date.
    assert_eq!(CellValue::Number(46331.0).text(true), "2026-11-05");
    assert_eq!(CellValue::Number(46331.0).text(false), "46331");
    assert_eq!(CellValue::Date(46331.0).text(false), "2026-11-05");
    // 1900-03-01 is serial 61 (after Excel's phantom 29 February 1900).
    assert_eq!(CellValue::Date(61.0).text(false), "1900-03-01");
    assert_eq!(
        CellValue::DateText("2025-06-18T00:00:00".into()).text(true),
        "2025-06-18"
    );
    assert_eq!(CellValue::Error("#DIV/0!".into()).text(false), "#DIV/0!");
    assert_eq!(CellValue::Empty.text(true), "");
    // A fractional number in a date column is not a date.
    assert_eq!(CellValue::Number(46331.5).text(true), "46331.5");
}

#[test]
fn percentage_formats_are_told_apart() {
    use super::read::percent_format;
    for (code, pct) in [
        ("0%", true),
        ("0.0%", true),
        ("0.00%;[Red]-0.00%", true),
        ("General", false),
        ("0.0###", false),
        ("\"%\"0", false),
        ("0\\%", false),
        ("[$%-409]0", false),
    ] {
        assert_eq!(percent_format(code), pct, "{code}");
    }
}

#[test]
fn kinds_name_their_required_columns() {
    assert_eq!(TableKind::Monthly.required(), &["region_id", "month"]);
    assert_eq!(
        TableKind::Events.required(),
        &["kind", "enterprise", "street", "date"]
    );
}

#[test]
fn the_wire_text_gives_back_every_cell() {
    use super::read::{Book, Sheet};
    let book = Book {
        sheets: vec![
            Sheet {
                name: "月报 report:1".into(),
                hidden: false,
                rows: vec![
                    vec![
                        CellValue::Text("a:b\nR5:t".into()),
                        CellValue::Empty,
                        CellValue::Number(0.1 + 0.2),
                        CellValue::Percent(0.032),
                    ],
                    vec![],
                    vec![
                        CellValue::Date(46331.0),
                        CellValue::DateText("2025-06-18".into()),
                        CellValue::Bool(true),
                        CellValue::Error("#DIV/0!".into()),
                        CellValue::Text(String::new()),
                    ],
                ],
            },
            Sheet {
                name: String::new(),
                hidden: true,
                rows: vec![],
            },
        ],
    };
    assert_eq!(Book::from_wire(&book.to_wire()), Some(book));
    assert_eq!(Book::from_wire("R"), None);
    assert_eq!(Book::from_wire("S3:ab"), None);
    assert_eq!(Book::from_wire("S1:av?"), None);
}

#[test]
fn legacy_percentage_cells_are_found_where_the_reader_puts_them() {
    use super::legacy::{ods_percent_cells, xls_percent_cells};
    use std::collections::HashSet;
    let xls: &[u8] = include_bytes!("../../tests/fixtures/xlsx/legacy_monthly.xls");
    // Sheet 0 is the hidden lookup; on 月报 only D4 (row 3, column 3) is a percentage: D5
    // holds the plain number 2.85.
    let cells = xls_percent_cells(xls).unwrap();
    assert_eq!(cells, vec![HashSet::new(), HashSet::from([(3, 3)])]);
    // Excel 95 (BIFF5, GB code page, a short stream in the mini stream): the custom `0.0%` in
    // D3 and the built-in `0.00%` in D4.
    let gb: &[u8] = include_bytes!("../../tests/fixtures/xlsx/legacy_gb.xls");
    assert_eq!(
        xls_percent_cells(gb).unwrap(),
        vec![HashSet::from([(2, 3), (3, 3)])]
    );
    let ods: &[u8] = include_bytes!("../../tests/fixtures/xlsx/office_monthly.ods");
    // Under the merged title (a cell spanning seven columns and its six covered cells).
    assert_eq!(
        ods_percent_cells(ods).unwrap(),
        vec![HashSet::from([(2, 3)])]
    );
    // Not such a workbook, or cut short: no answer rather than a panic.
    assert_eq!(xls_percent_cells(ods), None);
    assert_eq!(ods_percent_cells(xls), None);
    for bytes in [xls, gb] {
        for n in (0..bytes.len()).step_by(97) {
            let _ = xls_percent_cells(bytes.get(..n).unwrap_or_default());
        }
    }
    for n in (0..ods.len()).step_by(13) {
        let _ = ods_percent_cells(ods.get(..n).unwrap_or_default());
    }
}
