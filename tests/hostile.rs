//! The hostile-input corpus (`tests/fixtures/hostile/`, written by its `generate.py`): every
//! file through `uew evaluate`, each accepted or refused with its own message on one line, as
//! `expected.tsv` says; plus the same classes in CSV and share links through the library.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::process::Command;
use uew::i18n::Lang;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");

#[test]
fn every_hostile_file_gets_its_own_answer_from_the_cli() {
    let table = std::fs::read_to_string(format!("{DIR}/expected.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.splitn(3, '\t');
        let (file, code, expect) = (
            cols.next().unwrap(),
            cols.next().unwrap().parse::<i32>().unwrap(),
            cols.next().unwrap(),
        );
        n += 1;
        let out = Command::new(env!("CARGO_BIN_EXE_uew"))
            .args(["evaluate", &format!("{DIR}/{file}")])
            .output()
            .unwrap();
        let got = out.status.code().unwrap_or(-1);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let text = if code == 0 { &stdout } else { &stderr };
        // A usage error (no file problem) is followed by the usage text.
        let one_line =
            code == 0 || stderr.contains("usage:") || stderr.trim_end().lines().count() == 1;
        if got != code || !text.contains(expect) || !one_line {
            failures.push(format!(
                "{file}: expected exit {code} with {expect:?}, got {got}: {}",
                stderr.trim_end()
            ));
        }
    }
    assert!(n >= 60, "the corpus has {n} files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_9999_12_snapshot_exits_2_with_one_line_naming_field_and_span() {
    let out = Command::new(env!("CARGO_BIN_EXE_uew"))
        .args(["evaluate", &format!("{DIR}/month-9999-12.json")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("dataset.observations[1].month"), "{err}");
    assert!(err.contains("1990–2100"), "{err}");
}

#[test]
fn csv_rows_of_the_same_classes_are_refused_with_row_and_column() {
    let ds = uew::demo::dataset();
    let cases = [
        (
            "binjiang,9999-12,100",
            "row 2, column month: '9999-12': year outside the plausible span",
        ),
        (
            "binjiang,1989-12,100",
            "row 2, column month: '1989-12': year outside",
        ),
        (
            "binjiang,2026-13,100",
            "row 2, column month: '2026-13' is not a month",
        ),
        (
            "binjiang,2026-01,18446744073709551616",
            "row 2, column labour_force",
        ),
        ("binjiang,2026-01,-5", "row 2, column labour_force"),
        (
            "binjiang,2026-01,abc",
            "row 2, column labour_force: 'abc' is not a whole number",
        ),
        (
            "nowhere,2026-01,5",
            "row 2, column region_id: no region has the id or name 'nowhere'",
        ),
    ];
    for (row, expect) in cases {
        for bom in ["", "\u{feff}"] {
            let text = format!("{bom}region_id,month,labour_force\r\n{row}\r\n");
            let p = uew::csv::import_monthly(&ds, &text);
            let messages: Vec<String> = p.errors.iter().map(|e| e.message(Lang::En)).collect();
            assert!(
                messages.iter().any(|m| m.starts_with(expect)),
                "{row}: {messages:?}"
            );
        }
    }
}

#[test]
fn share_links_of_the_same_classes_are_refused_with_their_message() {
    use uew::snapshot::share;
    let good = std::fs::read_to_string(format!("{DIR}/ok-base.json")).unwrap();
    let bad = std::fs::read_to_string(format!("{DIR}/month-9999-12.json")).unwrap();
    let snap = uew::snapshot::Snapshot::from_json(&good).unwrap();
    let link = share::encode(&snap).unwrap();
    assert!(share::decode(&link).is_ok());
    for hostile in [
        String::new(),
        "#s=".to_owned(),
        "#s=!!!!".to_owned(),
        link.replace('A', "B"),
        format!("{link}{}", "A".repeat(1000)),
    ] {
        let _ = share::decode(&hostile)
            .err()
            .map(|e| assert!(!e.to_string().is_empty()));
    }
    // A link made from a text with a typo'd year cannot carry it in.
    assert!(uew::snapshot::Snapshot::from_json(&bad).is_err());
}
