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

/// A link carrying `bytes` as the app packs a snapshot (DEFLATE, then base64url without
/// padding), so that any text, valid or not, can be sent through a link.
fn link_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 9);
    let mut out = uew::snapshot::share::PREFIX.to_owned();
    for chunk in packed.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        let sym = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        if chunk.len() > 1 {
            out.push(sym(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(sym(n));
        }
    }
    out
}

#[test]
fn share_links_of_the_same_classes_are_refused_with_their_message() {
    use uew::snapshot::share;
    let file = |name: &str| std::fs::read(format!("{DIR}/{name}")).unwrap();
    let good = String::from_utf8(file("ok-base.json")).unwrap();
    let snap = uew::snapshot::Snapshot::from_json(&good).unwrap();
    let link = share::encode(&snap).unwrap();
    assert_eq!(share::decode(&link).unwrap(), snap);
    // The hand-made packing is the app's: the same text gives a link that opens the same.
    assert_eq!(share::decode(&link_of(good.as_bytes())).unwrap(), snap);

    let cases: Vec<(String, &str)> = vec![
        (String::new(), "not a share link this app understands"),
        ("#s=".to_owned(), "not a share link this app understands"),
        ("v2.AAAA".to_owned(), "not a share link this app understands"),
        (
            "v1.ab!d".to_owned(),
            "the link is damaged (invalid character at position",
        ),
        (
            {
                let body = &link[share::PREFIX.len()..];
                format!("{}{}", share::PREFIX, &body[..body.len() / 2 / 4 * 4])
            },
            "the link is damaged or incomplete",
        ),
        (
            format!("v1.{}", "A".repeat(share::MAX_LINK_CHARS + 1)),
            "too much data for a link",
        ),
        // A small link that inflates beyond the limit (a "zip bomb").
        (
            link_of(&vec![b' '; share::MAX_DECODED_BYTES + 1]),
            "the link expands beyond 4 MB and was refused",
        ),
        (
            link_of(&file("gb18030.json")),
            "the link does not hold text; it is damaged",
        ),
        (
            link_of(&file("month-9999-12.json")),
            "dataset.observations[1].month (line 38, column 26): invalid value (month \"9999-12\": year outside the plausible span 1990–2100)",
        ),
        (
            link_of(&file("type-dataset.json")),
            "at dataset (line 8, column 3): wrong type or value (found a list)",
        ),
        (
            link_of(&file("rate-41.json")),
            "dataset.observations[1].registered_rate (line 39, column 9): invalid value (percentage \"100.0001\": outside 0–100 %)",
        ),
        (
            link_of(&file("sd-consent-before-proposal.json")),
            "dataset.special_determinations[0].hq_consent.date",
        ),
        (link_of(&file("not-json.json")), "not valid JSON"),
    ];
    let mut failures = Vec::new();
    for (hostile, expect) in &cases {
        let got = match share::decode(hostile) {
            Ok(_) => "accepted".to_owned(),
            Err(e) => e.message(Lang::En),
        };
        if expect.is_empty() || !got.contains(expect) {
            failures.push(format!("{:.60}: expected {expect:?}, got {got:?}", hostile));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
