//! docs/snapshot.schema.json describes what this version writes: real exports (the sample, a
//! street export, a share link's compact form, a file with every optional field) validate
//! against it, and it refuses what the reader refuses where a schema can say so.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::Value;
use uew::model::{CityWarning, Observation, Scope};
use uew::month::Month;
use uew::num::Pct;
use uew::plan::Level;
use uew::response::{Action, ActivationRequest, Timestamp};
use uew::rules::Engine;
use uew::scenario::Tweak;
use uew::snapshot::{Snapshot, SCHEMA_VERSION};

fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/snapshot.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(text).unwrap();
    v.iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn assert_valid(v: &jsonschema::Validator, what: &str, text: &str) {
    let e = errors(v, text);
    assert!(e.is_empty(), "{what}: {e:#?}");
}

#[test]
fn real_exports_match_the_schema() {
    let v = validator();
    let demo = uew::demo::snapshot();
    assert_valid(&v, "demo", &demo.to_json_pretty());
    assert_valid(&v, "demo compact", &demo.to_json_compact());
    let street = demo.for_street("changhe").unwrap();
    assert_valid(&v, "street export", &street.to_json_pretty());
    assert_valid(&v, "street compact", &street.to_json_compact());

    // Every optional field present.
    let mut full = demo.clone();
    full.source = Some("西兴街道办事处".into());
    full.note = Some("2026 年 10 月数据".into());
    full.scope = Scope::Street("xixing".into());
    full.dataset = full.for_street("xixing").unwrap().dataset;
    let mut o = Observation::new("xixing", Month::parse("2026-11").unwrap());
    o.registered_rate = Some(Pct::parse("3.25").unwrap());
    o.actual_rate = Some(Pct::parse("100").unwrap());
    full.dataset.observations.push(o);
    full.dataset.city_warnings.push(CityWarning {
        level: Level::L2,
        from: Month::parse("2026-01").unwrap(),
        until: Some(Month::parse("2026-03").unwrap()),
        note: String::new(),
    });
    full.dataset
        .street_thresholds
        .insert("xixing".into(), demo.plan.thresholds.clone());
    let text = full.to_json_pretty();
    assert_eq!(Snapshot::open(&text).unwrap().snapshot, full);
    assert_valid(&v, "every optional field", &text);

    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/snapshots/valid-small.json"
    );
    assert_valid(&v, "fixture", &std::fs::read_to_string(fixture).unwrap());
    // Version 4: a four-level plan with own criteria (as this version writes it after
    // migration), and every preset written out or by id.
    let v4 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/snapshots/v4-zhuhai.json"
    );
    let migrated = Snapshot::open(&std::fs::read_to_string(v4).unwrap()).unwrap();
    assert_eq!(migrated.migrated_from, Some(4));
    assert_valid(
        &v,
        "version 4 fixture, migrated",
        &migrated.snapshot.to_json_pretty(),
    );
    for id in uew::plan::presets::ALL {
        let mut with_preset = demo.clone();
        with_preset.plan = uew::plan::Plan::preset(id).unwrap();
        assert_valid(&v, id, &with_preset.to_json_pretty());
        assert_valid(&v, id, &with_preset.to_json_compact());
    }
    // Scenarios and a response record (version 3).
    let mut with_state = demo.clone();
    let id = with_state
        .scenarios
        .create("电子厂关停", "2026-11-27T09:00:00Z");
    with_state
        .scenarios
        .get_mut(id)
        .unwrap()
        .try_add(
            Tweak::Closure {
                enterprise: "电子厂".into(),
                street: "changhe".into(),
                month: Month::parse("2026-12").unwrap(),
                unemployed: 6_000,
            },
            &demo.plan,
            &demo.dataset,
        )
        .unwrap();
    let june = Engine::new(&demo.plan, &demo.dataset)
        .evaluate(&Scope::District, Month::parse("2025-06").unwrap());
    let at = Timestamp::parse_cst("2025-06-23 20:00").unwrap();
    with_state
        .response
        .apply(
            Action::activate(
                &demo.plan,
                &june,
                ActivationRequest {
                    level: Level::L2,
                    approved_by: "李四".into(),
                    approved_at: at,
                    level_reached_at: at,
                    event_time: Some(at),
                    exercise: false,
                    scenario: None,
                    later: Some(uew::response::LaterData::none(june.month)),
                    reason: String::new(),
                },
            ),
            at,
            "王五",
        )
        .unwrap();
    let text = with_state.to_json_pretty();
    assert_eq!(Snapshot::open(&text).unwrap().snapshot, with_state);
    assert_valid(&v, "scenarios and response", &text);
    assert_valid(
        &v,
        "scenarios and response compact",
        &with_state.to_json_compact(),
    );
    assert_eq!(SCHEMA_VERSION, 5, "a new version needs a new schema");
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let v = validator();
    let base: Value = serde_json::from_str(&uew::demo::snapshot().to_json_compact()).unwrap();
    let bad = |f: &dyn Fn(&mut Value)| {
        let mut doc = base.clone();
        f(&mut doc);
        let text = doc.to_string();
        assert!(
            Snapshot::open(&text).is_err(),
            "the reader accepts {doc:.80}"
        );
        assert!(!errors(&v, &text).is_empty(), "the schema accepts it");
    };
    bad(&|d| d["dataset"]["observations"][0]["unemployed"] = (-5).into());
    bad(&|d| d["dataset"]["observations"][0]["registered_rate"] = "NaN".into());
    bad(&|d| d["dataset"]["observations"][0]["month"] = "2026-13".into());
    bad(&|d| d["dataset"]["regions"][0]["kind"] = "province".into());
    bad(&|d| d["dataset"]["regions"][0]["name"] = "长".repeat(201).into());
    bad(&|d| d["dataset"]["regions"][0]["id"] = "has space".into());
    bad(&|d| d["format"] = "other".into());
    bad(&|d| {
        d.as_object_mut().unwrap().remove("plan_ref");
    });
}
