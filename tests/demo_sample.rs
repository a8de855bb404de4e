//! The embedded sample tells the story it claims (src/demo.rs), and the sample snapshot file
//! under examples/ is the demo exactly.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use uew::model::Scope;
use uew::month::Month;
use uew::plan::Level;
use uew::rules::{Decider, Engine, Status, TransitionKind};
use uew::snapshot::Snapshot;

fn m(t: &str) -> Month {
    Month::parse(t).unwrap()
}

#[test]
fn demo_reaches_level_3_and_level_2_and_ends_normal() {
    let snap = uew::demo::snapshot();
    let engine = Engine::new(&snap.plan, &snap.dataset);
    let (first, last) = (m("2022-01"), m("2026-10"));
    assert_eq!(snap.dataset.span(), Some((first, last)));
    let t = engine.timeline(&Scope::District, first, last);
    let at = |month: &str| {
        t.months
            .iter()
            .find(|x| x.summary.month == m(month))
            .map(|x| x.summary)
            .unwrap()
    };
    // 2022 spring: the approved epidemic determination (§5.1-M).
    for month in ["2022-04", "2022-05", "2022-06"] {
        let s = at(month);
        assert_eq!(
            (s.effective, s.decided_by),
            (Status::Warning { level: Level::L3 }, Decider::Special),
            "{month}"
        );
        assert_eq!(s.indicator, Status::Normal, "{month}");
    }
    // 2023: the district rate ≥ 4.5 % for two months and more (§5.1-L3-a).
    for month in ["2023-05", "2023-06", "2023-07"] {
        let s = at(month);
        assert_eq!(s.rate, Status::Warning { level: Level::L3 }, "{month}");
        assert_eq!(s.decided_by, Decider::Indicators, "{month}");
    }
    assert_eq!(
        at("2023-04").rate,
        Status::Normal,
        "one month at 4.5 % is not sustained"
    );
    assert_eq!(
        (at("2023-08").effective, at("2023-08").decided_by),
        (Status::Warning { level: Level::L3 }, Decider::City)
    );
    // 2025: closures reach level 3, then level 2 (§5.1-L2-b), then the rate keeps level 3.
    assert_eq!(at("2025-05").closures, Status::Warning { level: Level::L3 });
    for month in ["2025-06", "2025-07"] {
        assert_eq!(
            at(month).closures,
            Status::Warning { level: Level::L2 },
            "{month}"
        );
        assert_eq!(
            at(month).effective,
            Status::Warning { level: Level::L2 },
            "{month}"
        );
    }
    for month in ["2025-08", "2025-09"] {
        assert_eq!(
            at(month).rate,
            Status::Warning { level: Level::L3 },
            "{month}"
        );
    }
    // Now: back to normal, and the unapproved street determination does not count.
    assert_eq!(at("2026-10").effective, Status::Normal);
    let street = Scope::Street("xixing".to_owned());
    let e = engine.evaluate(&street, last);
    assert_eq!(e.effective, Status::Normal);
    assert_eq!(e.pending_special.len(), 1);
    let kinds: Vec<(String, TransitionKind)> = t
        .transitions
        .iter()
        .map(|x| (x.month.to_string(), x.kind))
        .collect();
    assert_eq!(kinds.len(), 8, "{kinds:?}");
    assert_eq!(
        kinds.last().map(|k| k.1),
        Some(TransitionKind::BackToNormal)
    );
    // Every month of every scope: the streaming pass agrees with the evidence path, and no
    // month is short of data.
    for scope in engine.scopes() {
        let t = engine.timeline(&scope, first, last);
        for (tm, month) in t.months.iter().zip(first.through(last)) {
            let e = engine.evaluate(&scope, month);
            assert_eq!(tm.summary, e.summary(), "{scope} {month}");
            assert!(!e.effective.is_insufficient(), "{scope} {month}");
        }
    }
}

#[test]
fn sample_snapshot_file_is_the_demo() {
    // Regenerate with: cargo run --release --bin uew -- demo > examples/sample-snapshot.json
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample-snapshot.json");
    let text = std::fs::read_to_string(path).unwrap();
    let expected = uew::demo::snapshot().to_json_pretty() + "\n";
    assert!(text == expected, "examples/sample-snapshot.json is out of date; regenerate it with `cargo run --release --bin uew -- demo > examples/sample-snapshot.json`");
    assert_eq!(Snapshot::from_json(&text).unwrap(), uew::demo::snapshot());
}
