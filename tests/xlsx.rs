//! Workbooks in and out:
//! - export → import gives the same monthly data and events (property over generated data);
//! - the street's report template, filled in by another program, imports as that street's
//!   month through the street-snapshot merge, and refuses another plan, street or month;
//! - workbooks as offices make them (tests/fixtures/xlsx, written by
//!   `cargo run --example xlsx_fixtures`, and the .xls/.ods ones by
//!   tests/fixtures/xlsx/make_legacy.py) import, or fail with their own message naming the cell;
//! - the command line gives the same messages and exit code 2.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use calamine::{Data, Reader};
use proptest::prelude::*;
use rust_xlsxwriter::{Workbook, Worksheet};
use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::process::Command;
use uew::i18n::Lang;
use uew::model::{ClosureEvent, Dataset, KeyGroups, LayoffEvent, Observation, Region, RegionKind};
use uew::month::{Date, Month};
use uew::num::Pct;
use uew::plan::Plan;
use uew::snapshot::{Resolution, Snapshot};
use uew::xlsx::{self, BookError};

fn month(offset: i64) -> Month {
    Month::new(2024, 1).unwrap().plus(offset).unwrap()
}

/// Names as people type them: CJK, punctuation, markup, a leading `=`; no surrounding blanks
/// (every import trims cells).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z西兴]([a-z西兴街道<>&\"' ]{0,10}[a-z西])?",
        Just("=HYPERLINK(\"x\")".to_owned()),
        Just("+1".to_owned()),
    ]
}

fn pct() -> impl Strategy<Value = Option<Pct>> {
    prop::option::of((0i64..=1_000_000).prop_map(Pct::from_units))
}

fn count() -> impl Strategy<Value = Option<u64>> {
    prop::option::of(prop_oneof![0u64..100_000, 0u64..=1_000_000_000])
}

fn regions(communities: usize) -> Vec<Region> {
    let mut r = vec![
        Region::new("d", RegionKind::District, "滨江区", None),
        Region::new("s0", RegionKind::Street, "西兴街道", Some("d")),
        Region::new("s1", RegionKind::Street, "长河街道", Some("d")).with_en("Changhe"),
    ];
    for i in 0..communities {
        r.push(Region::new(
            &format!("c{i}"),
            RegionKind::Community,
            &format!("社区{i}"),
            Some(if i % 2 == 0 { "s0" } else { "s1" }),
        ));
    }
    r
}

type ObsSpec = (
    usize,
    i64,
    Option<Pct>,
    Option<Pct>,
    Option<u64>,
    Option<u64>,
);

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        0usize..5,
        prop::collection::vec((0usize..8, 0i64..30, pct(), pct(), count(), count()), 0..30),
        prop::collection::vec(
            (
                0usize..2,
                name(),
                name(),
                0i64..30,
                1u32..=28,
                1u64..=1_000_000,
            ),
            0..5,
        ),
        prop::collection::vec(
            (
                0usize..2,
                name(),
                0i64..30,
                1u32..=28,
                1u64..=1_000_000,
                0u64..=1_000_000,
            ),
            0..5,
        ),
    )
        .prop_map(|(n, obs, closures, layoffs): (usize, Vec<ObsSpec>, _, _)| {
            let regions = regions(n);
            let mut seen = std::collections::HashSet::new();
            let observations = obs
                .into_iter()
                .filter_map(|(r, mo, reg, act, u, lf)| {
                    let region = regions[r % regions.len()].id.clone();
                    seen.insert((region.clone(), mo)).then_some(())?;
                    let (u, lf) = match (u, lf) {
                        (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                        other => other,
                    };
                    Some(Observation {
                        region,
                        month: month(mo),
                        registered_rate: reg,
                        actual_rate: act,
                        unemployed: u,
                        labour_force: lf,
                        key_groups: KeyGroups {
                            graduates: lf.map(|x| x / 3),
                            difficulty: None,
                            migrant_workers: u,
                        },
                    })
                })
                .collect();
            let date = |mo: i64, day: u32| {
                let m = month(mo);
                Date::new(m.year(), m.month(), day).unwrap()
            };
            Dataset {
                regions,
                observations,
                closures: closures
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, ent, ind, mo, day, n))| ClosureEvent {
                        id: format!("C-{i}"),
                        enterprise: ent,
                        industry: ind,
                        street: format!("s{s}"),
                        date: date(mo, day),
                        unemployed: n,
                    })
                    .collect(),
                layoffs: layoffs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, ent, mo, day, w, l))| LayoffEvent {
                        id: format!("L-{i}"),
                        enterprise: ent,
                        industry: String::new(),
                        street: format!("s{s}"),
                        date: date(mo, day),
                        workforce: w,
                        laid_off: l.min(w),
                    })
                    .collect(),
                ..Dataset::default()
            }
        })
}

fn snapshot(ds: Dataset) -> Snapshot {
    Snapshot::new(Plan::binjiang_2020(), ds, "2026-11-29T00:00:00Z")
}

/// The observations that carry something, by key.
fn figures(ds: &Dataset) -> BTreeMap<(String, Month), Observation> {
    ds.observations
        .iter()
        .filter(|o| uew::edit::Field::ALL.iter().any(|f| f.get(o).is_some()))
        .map(|o| ((o.region.clone(), o.month), o.clone()))
        .collect()
}

/// Imports a workbook's monthly data, then its events, into `ds` as the app applies them.
fn import_all(ds: &mut Dataset, bytes: &[u8]) {
    let book = xlsx::read_book(bytes).unwrap();
    let m = book.import_monthly(ds, None).unwrap();
    assert!(m.errors().is_empty(), "{:?}", m.errors());
    m.preview.to_edit(false).unwrap().apply(ds).unwrap();
    let e = book.import_events(ds, None).unwrap();
    assert!(e.errors().is_empty(), "{:?}", e.errors());
    e.preview.to_edit(false).unwrap().apply(ds).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_gives_the_same_data(ds in dataset()) {
        let snap = snapshot(ds.clone());
        let bytes = xlsx::export_workbook(&snap, Lang::Zh).unwrap();
        let mut back = Dataset { regions: ds.regions.clone(), ..Dataset::default() };
        import_all(&mut back, &bytes);
        prop_assert_eq!(figures(&back), figures(&ds));
        prop_assert_eq!(&back.closures, &ds.closures);
        prop_assert_eq!(&back.layoffs, &ds.layoffs);
        // Importing the same workbook again changes nothing.
        let book = xlsx::read_book(&bytes).unwrap();
        let again = book.import_monthly(&back, None).unwrap();
        prop_assert_eq!(again.preview.to_add() + again.preview.to_change(), 0);
    }
}

// ---------------------------------------------------------------------------------------------
// The street's report template

/// Another program filling in the template: every cell of every sheet is copied as read
/// (strings as strings, numbers as numbers), and `fill` puts values into the report sheet.
fn fill_template(template: &[u8], fill: &HashMap<(u32, u16), f64>) -> Vec<u8> {
    fill_template_with_events(template, fill, &[])
}

/// As [`fill_template`], also typing `events` (rows of text cells) into the events sheet from
/// its third row.
fn fill_template_with_events(
    template: &[u8],
    fill: &HashMap<(u32, u16), f64>,
    events: &[[&str; 9]],
) -> Vec<u8> {
    let mut src = calamine::open_workbook_auto_from_rs(Cursor::new(template.to_vec())).unwrap();
    let mut out = Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).unwrap();
        let ws: &mut Worksheet = out.add_worksheet();
        ws.set_name(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                let (r, c) = (r0 + i as u32, (c0 as usize + j) as u16);
                match cell {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(n) => {
                        ws.write_number(r, c, *n as f64).unwrap();
                    }
                    _ => {}
                }
            }
        }
        if name == "月报 report" {
            for ((r, c), v) in fill {
                ws.write_number(*r, *c, *v).unwrap();
            }
        }
        if name == "关停裁员 events" {
            for (i, row) in events.iter().enumerate() {
                for (j, text) in row.iter().enumerate() {
                    if !text.is_empty() {
                        ws.write_string(2 + i as u32, j as u16, *text).unwrap();
                    }
                }
            }
        }
    }
    out.save_to_buffer().unwrap()
}

/// The report sheet's row of a region (0-based), from the template itself.
fn template_row(template: &[u8], region: &str) -> u32 {
    let book = xlsx::read_book(template).unwrap();
    let sheet = book.sheet("月报 report").unwrap();
    sheet
        .rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c.text(false) == region))
        .unwrap() as u32
}

#[test]
fn a_filled_template_imports_as_the_streets_month() {
    let mut snap = uew::demo::snapshot();
    let m = Month::new(2026, 11).unwrap();
    assert!(snap.dataset.observations.iter().all(|o| o.month < m));
    let template = xlsx::template(&snap, "xixing", m).unwrap();
    // Registered rate (D), unemployed (F), labour force (G) of two communities.
    let dongguan = template_row(&template, "xixing-dongguan");
    let guanhe = template_row(&template, "xixing-guanhe");
    let fill: HashMap<(u32, u16), f64> = [
        ((dongguan, 3), 3.45),
        ((dongguan, 5), 900.0),
        ((dongguan, 6), 26_000.0),
        ((guanhe, 3), 2.5),
    ]
    .into_iter()
    .collect();
    let filled = fill_template(&template, &fill);
    let book = xlsx::read_book(&filled).unwrap();
    let t = xlsx::read_template(&book, &snap).unwrap().unwrap();
    assert_eq!(t.info.street, "xixing");
    assert_eq!(t.info.month, m);
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    let plan = t.plan(&snap.dataset);
    assert_eq!(plan.summary().observations.added, 2);
    assert_eq!(plan.conflicts().count(), 0);
    let merged = plan.merge(&plan.resolve_all(Resolution::KeepMine)).unwrap();
    snap.dataset = merged.dataset;
    let get = |r: &str| {
        snap.dataset
            .observations
            .iter()
            .find(|o| o.region == r && o.month == m)
            .cloned()
            .unwrap()
    };
    let d = get("xixing-dongguan");
    assert_eq!(d.registered_rate, Some(Pct::hundredths(345)));
    assert_eq!((d.unemployed, d.labour_force), (Some(900), Some(26_000)));
    assert_eq!(get("xixing-guanhe").registered_rate, Some(Pct::tenths(25)));
    // No other region got a month it did not report.
    assert_eq!(
        snap.dataset
            .observations
            .iter()
            .filter(|o| o.month == m)
            .count(),
        2
    );
    // The merge's edit takes the whole import back.
    assert!(merged.edit.is_some());
}

#[test]
fn a_template_conflicting_with_the_data_needs_a_choice() {
    let snap = uew::demo::snapshot();
    let m = Month::new(2026, 10).unwrap();
    let template = xlsx::template(&snap, "xixing", m).unwrap();
    let row = template_row(&template, "xixing-dongguan");
    let before = snap
        .dataset
        .observations
        .iter()
        .find(|o| o.region == "xixing-dongguan" && o.month == m)
        .unwrap()
        .unemployed
        .unwrap();
    let filled = fill_template(&template, &[((row, 5), (before + 1) as f64)].into());
    let book = xlsx::read_book(&filled).unwrap();
    let t = xlsx::read_template(&book, &snap).unwrap().unwrap();
    let plan = t.plan(&snap.dataset);
    assert_eq!(plan.conflicts().count(), 1);
    assert!(plan.merge(&HashMap::new()).is_err());
    let theirs = plan
        .merge(&plan.resolve_all(Resolution::TakeTheirs))
        .unwrap();
    let o = theirs
        .dataset
        .observations
        .iter()
        .rfind(|o| o.region == "xixing-dongguan" && o.month == m)
        .unwrap();
    assert_eq!(o.unemployed, Some(before + 1));
}

#[test]
fn a_template_of_another_plan_or_with_foreign_rows_is_refused() {
    let snap = uew::demo::snapshot();
    let m = Month::new(2026, 11).unwrap();
    let template = xlsx::template(&snap, "xixing", m).unwrap();
    let mut other = snap.clone();
    other.plan.id = "another-plan".to_owned();
    let book = xlsx::read_book(&template).unwrap();
    let e = xlsx::read_template(&book, &other).unwrap().unwrap_err();
    assert!(e.message(Lang::En).contains("another-plan"), "{e}");
    assert!(e.message(Lang::Zh).contains("请重新下载模板"), "{e}");
    // Not a template: None, so the workbook goes the ordinary way.
    let export = xlsx::export_workbook(&snap, Lang::Zh).unwrap();
    assert!(xlsx::read_template(&xlsx::read_book(&export).unwrap(), &snap).is_none());
    assert!(xlsx::template(&snap, "xixing-dongguan", m).is_err());
}

// ---------------------------------------------------------------------------------------------
// Workbooks as offices make them

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/xlsx/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn demo_without(m: Month) -> Dataset {
    let mut ds = uew::demo::dataset();
    ds.observations.retain(|o| o.month != m);
    ds.closures.retain(|e| e.date.month() != m);
    ds.layoffs.retain(|e| e.date.month() != m);
    ds
}

#[test]
fn an_office_monthly_sheet_imports() {
    let m = Month::new(2026, 11).unwrap();
    let mut ds = demo_without(m);
    let book = xlsx::read_book(&fixture("office_monthly.xlsx")).unwrap();
    assert!(book.sheet("lookup").unwrap().hidden);
    let imp = book.import_monthly(&ds, None).unwrap();
    // The hidden decoy sheet is passed over; the header is found under two title rows.
    assert_eq!(imp.sheet, "Sheet1");
    assert_eq!(imp.header_row, 3);
    assert!(imp.errors().is_empty(), "{:?}", imp.errors());
    assert_eq!(imp.preview.ignored_columns, vec!["备注".to_owned()]);
    imp.preview.to_edit(false).unwrap().apply(&mut ds).unwrap();
    let get = |r: &str| {
        ds.observations
            .iter()
            .find(|o| o.region == r && o.month == m)
            .unwrap()
    };
    let d = get("xixing-dongguan");
    // 0.032 formatted as a percentage is 3.2 %; "26,561" typed as text is 26561.
    assert_eq!(d.registered_rate, Some(Pct::tenths(32)));
    assert_eq!((d.unemployed, d.labour_force), (Some(850), Some(26_561)));
    let g = get("xixing-guanhe");
    assert_eq!(g.registered_rate, Some(Pct::hundredths(285)));
    // A formula cell gives the value Excel cached.
    assert_eq!(g.unemployed, Some(726));
}

#[test]
fn office_events_with_serial_dates_import() {
    let m = Month::new(2026, 11).unwrap();
    let mut ds = demo_without(m);
    let book = xlsx::read_book(&fixture("office_events.xlsx")).unwrap();
    let imp = book.import_events(&ds, None).unwrap();
    assert!(imp.errors().is_empty(), "{:?}", imp.errors());
    imp.preview.to_edit(false).unwrap().apply(&mut ds).unwrap();
    let c = ds
        .closures
        .iter()
        .find(|e| e.enterprise == "杭州某电子厂")
        .unwrap();
    assert_eq!(c.date, Date::new(2026, 11, 5).unwrap());
    assert_eq!((c.street.as_str(), c.unemployed), ("xixing", 120));
    let l = ds
        .layoffs
        .iter()
        .find(|e| e.enterprise == "某物流公司")
        .unwrap();
    assert_eq!(l.date, Date::new(2026, 11, 10).unwrap());
    assert_eq!((l.workforce, l.laid_off), (1000, 150));
}

#[test]
fn a_bad_cell_is_named_by_its_reference() {
    let ds = uew::demo::dataset();
    let book = xlsx::read_book(&fixture("bad_rate.xlsx")).unwrap();
    let imp = book.import_monthly(&ds, None).unwrap();
    let errors = imp.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message(Lang::Zh),
        "Sheet1!D14: “3,2%”不是百分数（0–100，最多 4 位小数）"
    );
    assert_eq!(
        errors[0].message(Lang::En),
        "Sheet1!D14: '3,2%' is not a percentage (0–100, at most 4 decimals)"
    );
    // Nothing is applied while a row is bad, unless bad rows are skipped.
    assert!(imp.preview.to_edit(false).is_err());
    assert!(imp.preview.to_edit(true).is_ok());
}

#[test]
fn a_workbook_without_the_table_or_not_a_workbook_says_so() {
    let ds = uew::demo::dataset();
    let book = xlsx::read_book(&fixture("no_table.xlsx")).unwrap();
    let e = book.import_monthly(&ds, None).unwrap_err();
    assert_eq!(e, BookError::NoTable(xlsx::TableKind::Monthly));
    assert!(e.message(Lang::En).contains("region_id, month"), "{e}");
    let e = xlsx::read_book(&fixture("not_a_workbook.xlsx")).unwrap_err();
    assert!(matches!(e, BookError::Unreadable(_)), "{e:?}");
    assert!(e.message(Lang::Zh).starts_with("无法读取工作簿"), "{e}");
    let e = book.import_monthly(&ds, Some("无此表")).unwrap_err();
    assert_eq!(e.message(Lang::Zh), "工作簿中没有名为“无此表”的工作表");
}

#[test]
fn cell_references_follow_excel() {
    use uew::xlsx::read::{cell_ref, column_letters};
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(701), "ZZ");
    assert_eq!(column_letters(702), "AAA");
    assert_eq!(cell_ref("Sheet1", 14, Some(3)), "Sheet1!D14");
    assert_eq!(cell_ref("月报 report", 5, None), "'月报 report'!5");
    assert_eq!(cell_ref("it's", 1, Some(0)), "'it''s'!A1");
}

#[test]
fn numbers_read_as_typed() {
    use uew::xlsx::read::number_text;
    assert_eq!(number_text(0.1 + 0.2 + 2.9), "3.2");
    assert_eq!(number_text(0.032 * 100.0), "3.2");
    assert_eq!(number_text(1200.0), "1200");
    assert_eq!(number_text(2.12345), "2.12345");
    assert_eq!(number_text(-0.0), "0");
}

// ---------------------------------------------------------------------------------------------
// The command line

fn uew(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_uew"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_imports_and_exports_workbooks() {
    let dir = std::env::temp_dir().join(format!("uew-xlsx-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let snap_path = dir.join("s.json");
    let m = Month::new(2026, 11).unwrap();
    let mut snap = uew::demo::snapshot();
    snap.dataset = demo_without(m);
    std::fs::write(&snap_path, snap.to_json_pretty()).unwrap();
    let s = snap_path.to_str().unwrap();

    // A bad cell: exit 2, the cell named in both languages, the snapshot untouched.
    let bad = format!(
        "{}/tests/fixtures/xlsx/bad_rate.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, _, err) = uew(&["import-xlsx", &bad, "--into", s]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Sheet1!D14: “3,2%”不是百分数"), "{err}");
    assert!(err.contains("/ '3,2%' is not a percentage"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&snap_path).unwrap(),
        snap.to_json_pretty()
    );

    // An office workbook imports and is written into the snapshot.
    let good = format!(
        "{}/tests/fixtures/xlsx/office_monthly.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out, err) = uew(&["import-xlsx", &good, "--into", s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 added"), "{out}");
    let after = Snapshot::from_json(&std::fs::read_to_string(&snap_path).unwrap()).unwrap();
    assert_eq!(
        after
            .dataset
            .observations
            .iter()
            .filter(|o| o.month == m)
            .count(),
        2
    );

    // Export, then import into the bare region tree: the same data.
    let out_path = dir.join("out.xlsx");
    let (code, _, err) = uew(&["export-xlsx", s, "-o", out_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut bare = after.clone();
    bare.dataset = Dataset {
        regions: after.dataset.regions.clone(),
        ..Dataset::default()
    };
    let bare_path = dir.join("bare.json");
    std::fs::write(&bare_path, bare.to_json_pretty()).unwrap();
    let (code, _, err) = uew(&[
        "import-xlsx",
        out_path.to_str().unwrap(),
        "--into",
        bare_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let back = Snapshot::from_json(&std::fs::read_to_string(&bare_path).unwrap()).unwrap();
    assert_eq!(figures(&back.dataset), figures(&after.dataset));
    assert_eq!(back.dataset.closures, after.dataset.closures);

    // The template, filled in, merges as the street's month.
    let t_path = dir.join("t.xlsx");
    let (code, _, err) = uew(&[
        "template-xlsx",
        s,
        "--street",
        "xixing",
        "--month",
        "2026-12",
        "-o",
        t_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let template = std::fs::read(&t_path).unwrap();
    let row = template_row(&template, "xixing");
    std::fs::write(&t_path, fill_template(&template, &[((row, 3), 4.0)].into())).unwrap();
    let (code, out, err) = uew(&["import-xlsx", t_path.to_str().unwrap(), "--into", s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("street report xixing 2026-12"), "{out}");
    let after = Snapshot::from_json(&std::fs::read_to_string(&snap_path).unwrap()).unwrap();
    let o = after
        .dataset
        .observations
        .iter()
        .find(|o| o.region == "xixing" && o.month == Month::new(2026, 12).unwrap())
        .unwrap();
    assert_eq!(o.registered_rate, Some(Pct::tenths(40)));

    let (code, _, err) = uew(&["import-xlsx", &bad]);
    assert_eq!(code, 2, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_export_colours_levels_and_heads_the_what_if_with_the_mark() {
    let mut snap = uew::demo::snapshot();
    snap.scenarios.create("再关一家厂", "2026-11-29T00:00:00Z");
    let bytes = xlsx::export_workbook(&snap, Lang::Zh).unwrap();
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    for s in [
        "月度数据 monthly",
        "关停裁员 events",
        "预警时间线 timeline",
        "推演 what-if",
    ] {
        assert!(names.iter().any(|n| n == s), "{s} in {names:?}");
    }
    let whatif = wb.worksheet_range("推演 what-if").unwrap();
    assert_eq!(
        whatif.get_value((0, 0)),
        Some(&Data::String("# 推演 · EXERCISE".to_owned()))
    );
    // Every warning cell of the timeline says its level in words and has its colour.
    let timeline = wb.worksheet_range("预警时间线 timeline").unwrap();
    let styles = wb.worksheet_style("预警时间线 timeline").unwrap();
    let colours = [
        ("一级", 0x00C8_161D_u32),
        ("二级", 0x00EC_7A08),
        ("三级", 0x00F2_C200),
    ];
    let mut warnings = 0;
    for (pr, pc, cell) in timeline.used_cells() {
        let Data::String(text) = cell else { continue };
        let Some((_, rgb)) = colours.iter().find(|(l, _)| text.starts_with(l)) else {
            assert!(
                !text.contains("级（"),
                "a level cell without its colour: {text}"
            );
            continue;
        };
        warnings += 1;
        let (r0, c0) = timeline.start().unwrap();
        let abs = (r0 + pr as u32, c0 + pc as u32);
        let fill = styles
            .get(abs)
            .and_then(|s| s.fill.as_ref())
            .and_then(|f| f.get_color())
            .unwrap_or_else(|| panic!("no fill at {abs:?} ({text})"));
        assert_eq!(fill.to_argb() & 0x00FF_FFFF, *rgb, "{text}");
    }
    assert!(warnings > 0, "the sample data has warning months");
}

#[test]
fn the_templates_events_sheet_brings_the_months_closures_and_names_foreign_rows() {
    let snap = uew::demo::snapshot();
    let m = Month::new(2026, 11).unwrap();
    let template = xlsx::template(&snap, "xixing", m).unwrap();
    let filled = fill_template_with_events(
        &template,
        &HashMap::new(),
        &[
            [
                "关停破产",
                "",
                "测试电子厂",
                "制造业",
                "xixing",
                "2026-11-12",
                "50",
                "",
                "",
            ],
            [
                "一次性裁员",
                "",
                "别处的厂",
                "",
                "changhe",
                "2026-11-03",
                "",
                "100",
                "20",
            ],
            [
                "关停破产",
                "",
                "上月的厂",
                "",
                "xixing",
                "2026-10-30",
                "5",
                "",
                "",
            ],
        ],
    );
    let book = xlsx::read_book(&filled).unwrap();
    let t = xlsx::read_template(&book, &snap).unwrap().unwrap();
    let messages: Vec<String> = t.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert_eq!(
        messages,
        vec![
            "'关停裁员 events'!E4: 'changhe' is not the street xixing or one of its communities"
                .to_owned(),
            "'关停裁员 events'!F5: month 2026-10 is not the report's month 2026-11".to_owned(),
        ]
    );
    assert_eq!(t.incoming.dataset.closures.len(), 1);
    assert_eq!(t.incoming.dataset.closures[0].enterprise, "测试电子厂");
    assert!(t.incoming.dataset.layoffs.is_empty());
    let plan = t.plan(&snap.dataset);
    assert_eq!(plan.summary().closures.added, 1);
}

// ---------------------------------------------------------------------------------------------
// Legacy formats: .xls (Excel 97–2003 and Excel 95 in the GB code page) and .ods, written by
// tests/fixtures/xlsx/make_legacy.py

/// The month's observation of a region after the import.
fn observed(ds: &Dataset, region: &str, m: Month) -> Observation {
    ds.observations
        .iter()
        .find(|o| o.region == region && o.month == m)
        .cloned()
        .unwrap()
}

/// Imports a fixture's monthly data into the sample data without that month; it must import
/// cleanly, as 东冠 3.2 % 850 / 26 561 and 冠河 2.85 % 726 / 22 779.
fn import_legacy_monthly(name: &str, sheet: &str, header_row: usize) {
    let m = Month::new(2026, 11).unwrap();
    let mut ds = demo_without(m);
    let book = xlsx::read_book(&fixture(name)).unwrap();
    let imp = book.import_monthly(&ds, None).unwrap();
    assert_eq!((imp.sheet.as_str(), imp.header_row), (sheet, header_row));
    assert!(imp.errors().is_empty(), "{name}: {:?}", imp.errors());
    assert_eq!(imp.preview.to_add(), 2, "{name}");
    imp.preview.to_edit(false).unwrap().apply(&mut ds).unwrap();
    let d = observed(&ds, "xixing-dongguan", m);
    assert_eq!(d.registered_rate, Some(Pct::tenths(32)), "{name}");
    assert_eq!(
        (d.unemployed, d.labour_force),
        (Some(850), Some(26_561)),
        "{name}"
    );
    let g = observed(&ds, "xixing-guanhe", m);
    assert_eq!(g.registered_rate, Some(Pct::hundredths(285)), "{name}");
    assert_eq!(
        (g.unemployed, g.labour_force),
        (Some(726), Some(22_779)),
        "{name}"
    );
}

#[test]
fn an_xls_monthly_sheet_imports() {
    // Merged title rows, a hidden decoy sheet, a date cell and a text month, a percentage
    // cell, counts typed as text.
    let book = xlsx::read_book(&fixture("legacy_monthly.xls")).unwrap();
    assert!(book.sheet("lookup").unwrap().hidden);
    import_legacy_monthly("legacy_monthly.xls", "月报", 3);
}

#[test]
fn an_excel_95_workbook_in_the_gb_code_page_imports() {
    // GBK strings (BIFF5, code page 936), rates in the workbook's own `0.0%` format and the
    // built-in `0.00%`, the workbook stream short enough to sit in the mini stream.
    let book = xlsx::read_book(&fixture("legacy_gb.xls")).unwrap();
    let sheet = book.sheet("月报").unwrap();
    assert_eq!(
        sheet.rows[0][0].text(false),
        "滨江区西兴街道失业监测月报（2026年11月）"
    );
    assert_eq!(sheet.rows[2][1].text(false), "东冠社区");
    import_legacy_monthly("legacy_gb.xls", "月报", 2);
}

#[test]
fn an_ods_monthly_sheet_imports() {
    import_legacy_monthly("office_monthly.ods", "月报", 2);
}

#[test]
fn xls_events_with_date_cells_and_serials_import() {
    let m = Month::new(2026, 11).unwrap();
    let mut ds = demo_without(m);
    let book = xlsx::read_book(&fixture("legacy_events.xls")).unwrap();
    let imp = book.import_events(&ds, None).unwrap();
    assert_eq!((imp.sheet.as_str(), imp.header_row), ("关停裁员", 2));
    assert!(imp.errors().is_empty(), "{:?}", imp.errors());
    imp.preview.to_edit(false).unwrap().apply(&mut ds).unwrap();
    let c = ds
        .closures
        .iter()
        .find(|e| e.enterprise == "杭州某电子厂")
        .unwrap();
    assert_eq!(c.date, Date::new(2026, 11, 5).unwrap());
    assert_eq!(
        (c.street.as_str(), c.industry.as_str(), c.unemployed),
        ("xixing", "制造业", 120)
    );
    let l = ds
        .layoffs
        .iter()
        .find(|e| e.enterprise == "某物流公司")
        .unwrap();
    // 西兴街道 by its name is the street xixing.
    assert_eq!(l.street, "xixing");
    assert_eq!(l.date, Date::new(2026, 11, 10).unwrap());
    assert_eq!((l.workforce, l.laid_off), (1000, 150));
}

#[test]
fn a_bad_xls_cell_is_named_by_its_reference() {
    let ds = demo_without(Month::new(2026, 11).unwrap());
    let book = xlsx::read_book(&fixture("legacy_bad.xls")).unwrap();
    let imp = book.import_monthly(&ds, None).unwrap();
    let messages: Vec<(String, String)> = imp
        .errors()
        .iter()
        .map(|e| (e.message(Lang::Zh), e.message(Lang::En)))
        .collect();
    assert_eq!(
        messages,
        vec![(
            "月报!E3: “72.6”不是整数".to_owned(),
            "月报!E3: '72.6' is not a whole number".to_owned()
        )]
    );
    assert!(imp.preview.to_edit(false).is_err());
}
