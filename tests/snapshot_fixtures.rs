//! The corpus of snapshot files under tests/fixtures/snapshots/: each bad file is refused with
//! its own clear message (the JSON path, the line, what was expected, in both languages); the
//! version 1 file migrates; markup in a name survives as text.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use uew::i18n::Lang;
use uew::model::Scope;
use uew::snapshot::{
    Opened, ProblemKind, ReadOnlyReason, Severity, Snapshot, SnapshotError, SCHEMA_VERSION,
};

fn read(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/snapshots/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(name: &str) -> Result<Opened, SnapshotError> {
    Snapshot::open(&read(name))
}

fn refused(name: &str) -> SnapshotError {
    match open(name) {
        Err(e) => e,
        Ok(o) => panic!("{name} was accepted: {o:?}"),
    }
}

/// The 1-based line of the first line containing `needle`.
fn line_of(name: &str, needle: &str) -> usize {
    read(name)
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in {name}"))
}

/// Both messages mention every fragment of their language.
fn says(e: &SnapshotError, en: &[&str], zh: &[&str]) {
    let (m_en, m_zh) = (e.message(Lang::En), e.message(Lang::Zh));
    for f in en {
        assert!(m_en.contains(f), "{f:?} not in {m_en:?}");
    }
    for f in zh {
        assert!(m_zh.contains(f), "{f:?} not in {m_zh:?}");
    }
}

/// A parse error at `path` on the line containing `needle`.
fn invalid_at(name: &str, path: &str, needle: &str) -> SnapshotError {
    let e = refused(name);
    match &e {
        SnapshotError::Invalid { path: p, line, .. } => {
            assert_eq!(p, path, "{name}: {e}");
            assert_eq!(*line, line_of(name, needle), "{name}: {e}");
        }
        other => panic!("{name}: {other:?}"),
    }
    e
}

/// A validation error at `path` (with the line containing `needle`).
fn problem_at(name: &str, path: &str, needle: &str) -> (SnapshotError, ProblemKind) {
    let e = refused(name);
    match &e {
        SnapshotError::Problems { problems, total } => {
            assert_eq!(*total, 1, "{name}: {e}");
            let p = &problems[0];
            assert_eq!(p.path, path, "{name}: {e}");
            assert_eq!(p.severity, Severity::Error);
            assert_eq!(p.line, Some(line_of(name, needle)), "{name}: {e}");
            let kind = p.kind.clone();
            (e, kind)
        }
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn the_valid_file_opens_cleanly() {
    let o = open("valid-small.json").unwrap();
    assert_eq!(o.migrated_from, None);
    assert_eq!(o.read_only, None);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(o.snapshot.plan, uew::plan::Plan::binjiang_2020());
    assert_eq!(o.snapshot.source.as_deref(), Some("滨江区失业应急办"));
}

#[test]
fn version_1_migrates_to_the_demo() {
    let o = open("v1.json").unwrap();
    assert_eq!(o.migrated_from, Some(1));
    assert_eq!(o.read_only, None);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(o.snapshot.schema_version, SCHEMA_VERSION);
    assert_eq!(o.snapshot.scope, Scope::District);
    // Written by the version 1 build from the sample; migrated, it is today's sample.
    assert_eq!(o.snapshot, uew::demo::snapshot());
    assert_eq!(
        Snapshot::from_json(&read("v1.json")).unwrap(),
        uew::demo::snapshot()
    );
}

#[test]
fn version_2_migrates_with_no_scenarios_and_no_response() {
    let o = open("v2.json").unwrap();
    assert_eq!(o.migrated_from, Some(2));
    assert_eq!(o.read_only, None);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(o.snapshot.schema_version, SCHEMA_VERSION);
    assert!(o.snapshot.scenarios.is_empty());
    assert!(o.snapshot.response.is_empty());
    // Written by the version 2 build from the sample.
    assert_eq!(o.snapshot, uew::demo::snapshot());
}

#[test]
fn truncated() {
    let e = refused("truncated.json");
    match &e {
        SnapshotError::Invalid { path, line, .. } => {
            assert_eq!(path, "dataset.observations[1].month");
            assert_eq!(*line, read("truncated.json").lines().count());
        }
        other => panic!("{other:?}"),
    }
    says(
        &e,
        &["truncated", "dataset.observations[1]"],
        &["不完整", "第"],
    );
}

#[test]
fn wrong_type() {
    let e = invalid_at(
        "wrong-type.json",
        "dataset.observations[1].labour_force",
        "\"many\"",
    );
    says(
        &e,
        &["found string \"many\"", "expected a whole number of people"],
        &["应为不小于 0 的整数"],
    );
}

#[test]
fn nan_rate() {
    let e = invalid_at(
        "nan-rate.json",
        "dataset.observations[0].registered_rate",
        "\"NaN\"",
    );
    says(
        &e,
        &["\"NaN\"", "expected a percentage from 0 to 100"],
        &["百分数"],
    );
}

#[test]
fn negative_count() {
    let e = invalid_at(
        "negative-count.json",
        "dataset.observations[1].unemployed",
        "-5",
    );
    says(
        &e,
        &["-5", "expected a whole number of people, 0 or more"],
        &["不小于 0"],
    );
}

#[test]
fn rate_over_100() {
    let e = invalid_at(
        "rate-over-100.json",
        "dataset.observations[1].registered_rate",
        "\"140\"",
    );
    says(&e, &["outside 0–100", "expected a percentage"], &["百分数"]);
}

#[test]
fn bad_month() {
    let e = invalid_at("bad-month.json", "dataset.observations[1].month", "2026-13");
    says(&e, &["month outside 1–12", "YYYY-MM"], &["YYYY-MM"]);
}

#[test]
fn missing_field() {
    // Named by its own path, placed at the start of the object that lacks it.
    let e = refused("missing-field.json");
    match &e {
        SnapshotError::Invalid { path, line, .. } => {
            assert_eq!(path, "dataset.closures[0].date");
            assert_eq!(
                *line,
                line_of("missing-field.json", "\"id\": \"C-2026-01\"") - 1
            );
        }
        other => panic!("{other:?}"),
    }
    says(&e, &["`date` is missing"], &["缺少必填字段“date”"]);
    assert!(!e.message(Lang::En).contains("expected a list"));
}

#[test]
fn unemployed_above_labour_force() {
    let (e, kind) = problem_at(
        "unemployed-above-labour-force.json",
        "dataset.observations[0].unemployed",
        "30000",
    );
    assert_eq!(
        kind,
        ProblemKind::UnemployedAboveLabourForce {
            unemployed: 30000,
            labour_force: 26500
        }
    );
    says(&e, &["exceed the labour force"], &["大于劳动力人数"]);
}

#[test]
fn laid_off_above_workforce() {
    let (e, kind) = problem_at(
        "laid-off-above-workforce.json",
        "dataset.layoffs[0].laid_off",
        "\"laid_off\": 901",
    );
    assert!(matches!(kind, ProblemKind::LaidOffAboveWorkforce { .. }));
    says(
        &e,
        &["901 laid off exceed the workforce of 900"],
        &["裁员人数"],
    );
}

#[test]
fn dangling_references() {
    let (e, kind) = problem_at(
        "dangling-region.json",
        "dataset.observations[1].region",
        "xixing-nowhere",
    );
    assert_eq!(
        kind,
        ProblemKind::UnknownRegion {
            id: "xixing-nowhere".into()
        }
    );
    says(
        &e,
        &["'xixing-nowhere' is not among"],
        &["“xixing-nowhere”不在"],
    );
    let (_, kind) = problem_at(
        "dangling-street.json",
        "dataset.closures[0].street",
        "changhe",
    );
    assert_eq!(
        kind,
        ProblemKind::UnknownRegion {
            id: "changhe".into()
        }
    );
}

#[test]
fn duplicate_id() {
    let e = refused("duplicate-id.json");
    match &e {
        SnapshotError::Problems { problems, .. } => {
            let p = &problems[0];
            assert_eq!(p.path, "dataset.regions[3].id");
            assert!(
                matches!(&p.kind, ProblemKind::DuplicateId { id, first } if id == "xixing" && first == "dataset.regions[1]")
            );
        }
        other => panic!("{other:?}"),
    }
    says(&e, &["used twice", "dataset.regions[1]"], &["重复"]);
}

#[test]
fn long_name() {
    let (e, kind) = problem_at("long-name.json", "dataset.regions[2].name", "东东东");
    assert_eq!(
        kind,
        ProblemKind::TooLong {
            chars: 201,
            max: 200
        }
    );
    says(&e, &["201 characters, at most 200"], &["过长"]);
}

#[test]
fn huge_string() {
    let e = refused("huge-string.json");
    match &e {
        SnapshotError::StringTooLong {
            path, line, max, ..
        } => {
            assert_eq!(path, "dataset.regions[2].name");
            assert_eq!(*line, line_of("huge-string.json", "xxxxx"));
            assert_eq!(*max, 20_000);
        }
        other => panic!("{other:?}"),
    }
    says(&e, &["too long", "dataset.regions[2].name"], &["过长"]);
}

#[test]
fn deep() {
    let e = refused("deep.json");
    match &e {
        SnapshotError::TooDeep { path, max, .. } => {
            assert!(
                path.starts_with("dataset.regions[2].name_en[0][0]"),
                "{path}"
            );
            assert_eq!(*max, 32);
        }
        other => panic!("{other:?}"),
    }
    says(&e, &["nested too deeply"], &["嵌套过深"]);
}

#[test]
fn markup_in_a_name_is_kept_as_text() {
    let o = open("script-name.json").unwrap();
    let name = &o.snapshot.dataset.regions[2].name;
    assert_eq!(
        name,
        "<script>alert(\"x\")</script><img src=x onerror=alert(1)>"
    );
    // And it survives export and import unchanged.
    let back = Snapshot::open(&o.snapshot.to_json_pretty())
        .unwrap()
        .snapshot;
    assert_eq!(&back.dataset.regions[2].name, name);
}

#[test]
fn newer_version_opens_read_only() {
    let o = open("newer-version.json").unwrap();
    assert_eq!(
        o.read_only,
        Some(ReadOnlyReason::NewerVersion {
            found: 99,
            supported: SCHEMA_VERSION
        })
    );
    assert_eq!(o.snapshot.schema_version, 99);
    assert_eq!(o.snapshot.dataset.regions.len(), 3);
    let unknown: Vec<&str> = o.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(unknown, ["forecasts", "dataset.responses"]);
    let reason = o.read_only.unwrap();
    assert!(reason.message(Lang::En).contains("read-only"));
    assert!(reason.message(Lang::Zh).contains("只读"));
    // The working path refuses it, naming the version.
    let e = Snapshot::from_json(&read("newer-version.json")).unwrap_err();
    says(&e, &["version 99", "newer"], &["较新版本"]);
}

#[test]
fn newer_version_that_cannot_be_read() {
    let e = refused("newer-unreadable.json");
    match &e {
        SnapshotError::NewerUnreadable { found, cause, .. } => {
            assert_eq!(*found, 99);
            assert!(
                matches!(&**cause, SnapshotError::Invalid { path, .. } if path == "dataset.regions[0].kind"),
                "{cause:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    says(
        &e,
        &["newer app (version 99)", "province", "update the app"],
        &["较新版本", "请更新应用"],
    );
}

#[test]
fn unknown_fields_warn() {
    let o = open("unknown-fields.json").unwrap();
    let w: Vec<(&str, Option<usize>)> = o
        .warnings
        .iter()
        .map(|w| (w.path.as_str(), w.line))
        .collect();
    assert_eq!(
        w,
        [
            ("colour", Some(line_of("unknown-fields.json", "\"colour\""))),
            (
                "dataset.notes",
                Some(line_of("unknown-fields.json", "\"notes\""))
            ),
        ]
    );
    assert!(o.warnings.iter().all(|w| w.severity == Severity::Warning));
    assert!(o.warnings[0].message(Lang::En).contains("ignored"));
}

#[test]
fn not_a_snapshot() {
    let e = refused("other-format.json");
    assert_eq!(
        e,
        SnapshotError::NotASnapshot {
            format: "excalidraw".into()
        }
    );
    says(
        &e,
        &["not a snapshot", "uew-snapshot"],
        &["不是本应用的快照"],
    );
    let e = invalid_at("not-json.json", ".", "<!DOCTYPE");
    says(&e, &["not valid JSON"], &["不是有效的 JSON"]);
    let e = refused("empty.json");
    assert!(matches!(&e, SnapshotError::Invalid { path, .. } if path == "."));
    says(&e, &["ends unexpectedly"], &["意外结束"]);
}

#[test]
fn every_refusal_names_where_and_what_in_both_languages() {
    let dir = format!("{}/tests/fixtures/snapshots", env!("CARGO_MANIFEST_DIR"));
    let mut refused_files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Err(e) = open(&name) else { continue };
        refused_files += 1;
        let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
        assert!(!en.is_empty() && !zh.is_empty(), "{name}");
        assert_ne!(en, zh, "{name}");
        let placed = matches!(e, SnapshotError::NotASnapshot { .. })
            || en.contains("at ")
            || matches!(e, SnapshotError::NewerUnreadable { .. });
        assert!(placed, "{name}: {en}");
    }
    assert!(refused_files >= 18, "{refused_files}");
}

#[test]
fn version_3_migrates_unchanged() {
    let o = open("v3.json").unwrap();
    assert_eq!(o.migrated_from, Some(3));
    assert_eq!(o.read_only, None);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(o.snapshot.schema_version, SCHEMA_VERSION);
    // Written by the version 3 build from the sample: its three-level plan is a version 4 plan.
    assert_eq!(o.snapshot, uew::demo::snapshot());
}

#[test]
fn version_4_with_a_four_level_plan_and_own_criteria() {
    use uew::plan::Level;
    let o = open("v4-zhuhai.json").unwrap();
    // Version 4 → 5 added only an audit line kind: the file reads as it is.
    assert_eq!(o.migrated_from, Some(4));
    assert_eq!(o.snapshot.schema_version, SCHEMA_VERSION);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    let s = &o.snapshot;
    assert_eq!(s.plan.levels().len(), 4);
    assert_eq!(s.plan.response_from, Some(Level::L3));
    assert!(uew::plan::check::check(&s.plan).is_empty());
    assert_eq!(s.dataset.indicator_values.len(), 3);
    // It evaluates: the own indicator (≥ 40 % for 3 months) holds in 2026-10 and cites its clause.
    let e = uew::rules::evaluate(
        &s.plan,
        &s.dataset,
        &Scope::District,
        uew::month::Month::parse("2026-10").unwrap(),
    );
    let c = e.other.checks.iter().find(|c| c.clause == "Z-Ⅲ-c").unwrap();
    assert_eq!(c.result, uew::rules::Check::Met);
    assert!(e.indicator.level() >= Some(Level::L3));
    // Written back compactly it keeps the plan (not a preset) and reads the same.
    let again = Snapshot::open(&s.to_json_compact()).unwrap();
    assert_eq!(&again.snapshot, s);
    // An unchanged preset is written by reference.
    let mut z = s.clone();
    z.plan = uew::plan::Plan::preset("zhuhai-2006").unwrap();
    let compact = z.to_json_compact();
    assert!(compact.contains("\"plan_ref\":\"zhuhai-2006\""));
    assert_eq!(Snapshot::open(&compact).unwrap().snapshot, z);
}
