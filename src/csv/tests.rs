// Property tests use proptest, a native-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]
use super::*;
use crate::demo;
use crate::edit::History;
use crate::num::Pct;
use proptest::prelude::*;

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

#[test]
fn parser_handles_quotes_commas_crlf_and_bom() {
    let text = "\u{feff}a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n1,,3\n";
    let records = parse_records(text, ',').unwrap();
    assert_eq!(
        records,
        vec![
            (1, vec!["a".into(), "b".into(), "c".into()]),
            (
                2,
                vec![
                    "x, y".into(),
                    "he said \"hi\"".into(),
                    "two\r\nlines".into()
                ]
            ),
            // The blank row 3 is dropped but counted.
            (4, vec!["1".into(), "".into(), "3".into()]),
        ]
    );
    assert_eq!(parse_records("a,\"b\nc", ','), Err(1));
    assert_eq!(parse_records("", ','), Ok(vec![]));
    assert_eq!(parse_records("x", ','), Ok(vec![(1, vec!["x".into()])]));
    assert_eq!(
        parse_records("\"\"", ','),
        Ok(vec![]),
        "a single empty quoted field is a blank row"
    );
}

#[test]
fn delimiter_is_read_from_the_header() {
    assert_eq!(detect_delimiter("a,b,c\n1;2;3;4;5"), ',');
    assert_eq!(detect_delimiter("a;b;\"c,d,e\"\n"), ';');
    assert_eq!(detect_delimiter("a\tb\tc"), '\t');
    assert_eq!(detect_delimiter("abc"), ',');
}

#[test]
fn lenient_months_and_dates() {
    for t in [
        "2025-06",
        "2025-6",
        "2025/6",
        "2025.06",
        "2025年6月",
        "2025/6/1",
        " 2025-06-30 ",
    ] {
        assert_eq!(parse_month_lenient(t), Some(m(2025, 6)), "{t}");
    }
    for t in ["2025-13", "25-06", "2025", "2025-06-31", "June 2025", ""] {
        assert_eq!(parse_month_lenient(t), None, "{t}");
    }
    let d = Date::new(2025, 6, 18).unwrap();
    for t in ["2025-06-18", "2025/6/18", "2025.6.18", "2025年6月18日"] {
        assert_eq!(parse_date_lenient(t), Some(d), "{t}");
    }
    for t in ["2025-06", "2023-02-29", "2025-06-18x"] {
        assert_eq!(parse_date_lenient(t), None, "{t}");
    }
}

#[test]
fn export_has_bom_header_and_crlf_and_reads_back_unchanged() {
    let ds = demo::dataset();
    let text = export_monthly(&ds, Lang::Zh);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n"));
    let header = text.lines().next().unwrap();
    assert!(header.contains("地区编号 region_id") && header.contains("劳动力人数 labour_force"));
    assert!(text.contains("xixing-dongguan,东冠社区,2022-01,"));
    let p = import_monthly(&ds, &text);
    assert!(p.is_clean(), "{:?}", p.errors.first());
    assert_eq!(p.rows.len(), ds.observations.len());
    assert_eq!(p.unchanged(), p.rows.len());
    assert!(p.to_edit(false).unwrap().is_noop());
}

#[test]
fn import_previews_adds_changes_and_clears() {
    let ds = demo::dataset();
    let o = ds.observation("puyan-xinpu", m(2023, 5)).unwrap().clone();
    let text = format!(
        "region_id,month,labour_force,registered_rate\n\
         puyan-xinpu,2023-05,{},\n\
         xixing,2026/11,,4.5%\n\
         xixing-guanhe,2024-01,{},\n",
        o.labour_force.unwrap() + 10,
        ds.observation("xixing-guanhe", m(2024, 1))
            .unwrap()
            .labour_force
            .unwrap(),
    );
    let p = import_monthly(&ds, &text);
    assert!(p.is_clean(), "{:?}", p.errors);
    assert_eq!((p.to_add(), p.to_change(), p.unchanged()), (1, 1, 1));
    let change = &p.rows[0];
    assert_eq!(change.status, RowStatus::Change);
    assert_eq!(change.changes.len(), 1);
    assert_eq!(change.changes[0].field, Field::LabourForce);
    assert_eq!(p.rows[1].month, m(2026, 11));

    let mut ds2 = ds.clone();
    let mut h = History::new();
    h.apply(&mut ds2, p.to_edit(false).unwrap()).unwrap();
    assert_eq!(
        ds2.observation("xixing", m(2026, 11))
            .unwrap()
            .registered_rate,
        Some(Pct::tenths(45))
    );
    // Columns not in the file are left alone.
    assert_eq!(
        ds2.observation("puyan-xinpu", m(2023, 5))
            .unwrap()
            .unemployed,
        o.unemployed
    );
    h.undo(&mut ds2).unwrap();
    assert_eq!(ds2, ds);
}

#[test]
fn one_bad_row_blocks_the_import_and_is_named() {
    let ds = demo::dataset();
    let text = "region_id,month,labour_force,unemployed\r\n\
                xixing,2026-11,1000,10\r\n\
                xixing,2026-12,1000,10\r\n\
                changhe,2026-11,1000,10\r\n\
                changhe,2026-12,1000,10\r\n\
                puyan,2026-11,1000,10\r\n\
                puyan,2026-12,abc,10\r\n\
                nowhere,2026-13,5,9\r\n\
                xixing,2026-11,1000,10\r\n\
                puyan,2027-01,10,20\r\n";
    let p = import_monthly(&ds, text);
    let messages: Vec<String> = p.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert_eq!(
        messages,
        [
            "row 7, column labour_force: 'abc' is not a whole number",
            "row 8, column region_id: no region has the id or name 'nowhere'",
            "row 8, column month: '2026-13' is not a month (YYYY-MM)",
            "row 9: repeats row 2",
            "row 10, column unemployed: puyan 2027-01: registered unemployed 20 exceed the labour force 10",
        ]
    );
    assert_eq!(
        p.errors[0].message(Lang::Zh),
        "第 7 行，labour_force 列：“abc”不是整数"
    );
    assert_eq!(p.bad_rows(), 4);
    let blocked = p.to_edit(false).unwrap_err();
    assert_eq!(blocked.errors, 5);
    assert!(blocked.message(Lang::Zh).contains("未导入任何数据"));
    // Skipping bad rows imports the five good ones.
    let mut ds2 = ds.clone();
    p.to_edit(true).unwrap().apply(&mut ds2).unwrap();
    assert_eq!(ds2.observations.len(), ds.observations.len() + 5);
}

#[test]
fn header_problems_are_reported_on_row_1() {
    let ds = demo::dataset();
    let p = import_monthly(&ds, "region,when\nx,y\n");
    assert_eq!(
        p.errors
            .iter()
            .map(|e| e.message(Lang::En))
            .collect::<Vec<_>>(),
        [
            "row 1: the header has no column 'region_id'",
            "row 1: the header has no column 'month'"
        ]
    );
    assert_eq!(p.ignored_columns, ["region", "when"]);
    let p = import_monthly(&ds, "\u{feff}");
    assert_eq!(p.errors[0].message(Lang::En), "row 1: the file is empty");
    let p = import_monthly(&ds, "region_id,month\n\"xixing,2026-01\n");
    assert_eq!(
        p.errors[0].message(Lang::En),
        "row 2: a quoted field is not closed"
    );
    // Chinese headers alone, and a semicolon file, are understood.
    let p = import_monthly(&ds, "地区编号;月份;登记失业率\nxixing;2026-11;4,5\n");
    assert_eq!(
        p.errors[0].message(Lang::En),
        "row 2, column registered_rate: '4,5' is not a percentage (0–100, at most 4 decimals)"
    );
}

#[test]
fn events_round_trip_and_import() {
    let ds = demo::dataset();
    let text = export_events(&ds);
    assert!(text.starts_with('\u{feff}'));
    assert!(text
        .contains("closure,C-2022-01,杭州江南纺织有限公司,纺织服装,changhe,2022-04-12,420,,\r\n"));
    let p = import_events(&ds, &text);
    assert!(p.is_clean(), "{:?}", p.errors.first());
    assert_eq!(p.unchanged(), ds.closures.len() + ds.layoffs.len());

    let text = "类型,编号,企业名称,行业,街道编号,日期,失业人数,企业职工总数,裁员人数\n\
                关停破产,,新企业,制造,西兴街道,2026/5/3,120,,\n\
                layoff,L-2022-01,杭州东信通信设备有限公司,电子制造,puyan,2022-05-10,,2400,400\n\
                closure,,另一企业,,xixing,2026-05-04,5,,\n";
    let p = import_events(&ds, text);
    assert!(p.is_clean(), "{:?}", p.errors);
    assert_eq!((p.to_add(), p.to_change()), (2, 1));
    assert_eq!(p.rows[0].event.id(), "C-2026-02", "C-2026-01 is taken");
    assert!(p.rows[0].generated_id);
    assert_eq!(p.rows[2].event.id(), "C-2026-03");
    match &p.rows[0].event {
        EventData::Closure(e) => assert_eq!(e.street, "xixing"),
        other => unreachable!("{other:?}"),
    }
    let mut ds2 = ds.clone();
    let inverse = p.to_edit(false).unwrap().apply(&mut ds2).unwrap();
    assert_eq!(ds2.closures.len(), ds.closures.len() + 2);
    inverse.apply(&mut ds2).unwrap();
    assert_eq!(ds2, ds);
}

#[test]
fn event_rows_are_validated_with_row_and_column() {
    let ds = demo::dataset();
    let text = "kind,id,enterprise,industry,street,date,unemployed,workforce,laid_off\n\
                layoff,L-x,甲,,puyan,2026-02-30,,100,10\n\
                layoff,L-y,乙,,puyan,2026-02-03,,100,101\n\
                strike,,丙,,puyan,2026-02-03,,,\n\
                closure,C-z,,,xixing-guanhe,2026-02-03,-4,,\n\
                closure,C-z,丁,,xixing,2026-02-03,,,\n";
    let p = import_events(&ds, text);
    let messages: Vec<String> = p.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert_eq!(
        messages,
        [
            "row 2, column date: '2026-02-30' is not a valid date (YYYY-MM-DD)",
            "row 3, column laid_off: layoff 'L-y': 101 laid off exceed the workforce of 100",
            "row 4, column kind: 'strike' is not an event kind (closure or layoff)",
            "row 5, column enterprise: a value is needed",
            "row 5, column unemployed: '-4' is negative; a count cannot be below 0",
            "row 6, column unemployed: a value is needed",
            "row 6, column id: repeats row 5",
        ]
    );
    assert!(p.rows.is_empty());
}

#[test]
fn formulas_are_guarded_and_read_back() {
    let mut ds = demo::dataset();
    ds.closures[0].enterprise = "=HYPERLINK(\"x\")".to_owned();
    let text = export_events(&ds);
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    let p = import_events(&ds, &text);
    assert!(p.is_clean());
    assert_eq!(p.unchanged(), ds.closures.len() + ds.layoffs.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any table of fields written and parsed back is the same table.
    #[test]
    fn write_then_parse_is_identity(rows in prop::collection::vec(
        prop::collection::vec("[a-z0-9 ,\"\r\n;\t'=中]{0,8}", 1..5), 1..6)
    ) {
        let mut text = String::new();
        for r in &rows {
            write_row(&mut text, r.iter().map(|f| (Cow::Borrowed(f.as_str()), false)));
        }
        let parsed = parse_records(&text, ',').unwrap();
        let expected: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
            .collect();
        prop_assert_eq!(parsed.len(), expected.len());
        for ((_, got), want) in parsed.iter().zip(expected) {
            prop_assert_eq!(got, want);
        }
    }

    /// The parser never panics, whatever it is given.
    #[test]
    fn parser_never_panics(text in "\\PC{0,200}") {
        let _ = parse_records(&text, ',');
        let ds = Dataset::default();
        let _ = import_monthly(&ds, &text);
        let _ = import_events(&ds, &text);
    }
}

#[test]
fn a_typo_d_year_is_refused_naming_the_plausible_span() {
    let ds = crate::demo::dataset();
    let p = import_monthly(&ds, "region_id,month,labour_force\nbinjiang,9999-12,100\n");
    let messages: Vec<String> = p.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert_eq!(
        messages,
        ["row 2, column month: '9999-12': year outside the plausible span 1990–2100 (a typo?)"]
    );
}
