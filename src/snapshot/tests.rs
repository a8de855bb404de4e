use super::*;

#[test]
fn errors_name_the_path() {
    let text = r#"{"format":"uew-snapshot","schema_version":1,"app_version":"x","created":"c",
        "plan": 5, "dataset": {}}"#;
    let e = Snapshot::from_json(text).unwrap_err();
    match &e {
        SnapshotError::Invalid { path, line, .. } => {
            assert_eq!(path, "plan");
            assert_eq!(*line, 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().starts_with("at plan (line 2"), "{e}");
    assert!(matches!(
        Snapshot::from_json("[1").unwrap_err(),
        SnapshotError::Invalid { .. }
    ));
}

use crate::edit::History;
use crate::model::{ClosureEvent, Observation, Region, RegionKind, Scope};
use crate::month::{Date, Month};
use crate::num::Pct;

fn m(t: &str) -> Month {
    Month::parse(t).unwrap()
}

fn demo() -> Snapshot {
    crate::demo::snapshot()
}

/// A small valid dataset: district d, streets s1 and s2, community c1 under s1.
fn small() -> Dataset {
    let mut o = Observation::new("c1", m("2025-01"));
    o.unemployed = Some(30);
    o.labour_force = Some(1000);
    Dataset {
        regions: vec![
            Region::new("d", RegionKind::District, "区", None),
            Region::new("s1", RegionKind::Street, "一街道", Some("d")),
            Region::new("s2", RegionKind::Street, "二街道", Some("d")),
            Region::new("c1", RegionKind::Community, "社区", Some("s1")),
        ],
        observations: vec![o],
        ..Dataset::default()
    }
}

fn snap_of(ds: Dataset) -> Snapshot {
    Snapshot::new(Plan::binjiang_2020(), ds, "2026-01-01T00:00:00Z")
}

fn problems(snap: &Snapshot) -> Vec<(String, ProblemKind)> {
    validate(snap)
        .into_iter()
        .filter(Problem::is_error)
        .map(|p| (p.path, p.kind))
        .collect()
}

#[test]
fn demo_round_trips_pretty_and_compact() {
    let d = demo();
    assert!(validate(&d).is_empty(), "{:?}", validate(&d));
    let opened = Snapshot::open(&d.to_json_pretty()).unwrap();
    assert_eq!(opened.snapshot, d);
    assert_eq!(opened.migrated_from, None);
    assert_eq!(opened.read_only, None);
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    let compact = d.to_json_compact();
    assert!(compact.contains("\"plan_ref\":\"binjiang-2020\""));
    assert!(!compact.contains("\"plan\":"));
    assert_eq!(Snapshot::from_json(&compact).unwrap(), d);
    // A changed plan is written out.
    let mut other = d.clone();
    other.plan.parameters.event_window_months = 4;
    let compact = other.to_json_compact();
    assert!(compact.contains("\"plan\":") && !compact.contains("plan_ref"));
    assert_eq!(Snapshot::from_json(&compact).unwrap(), other);
    // serde's own path goes through the same reading.
    assert_eq!(
        serde_json::from_str::<Snapshot>(&d.to_json_compact()).unwrap(),
        d
    );
}

#[test]
fn version_1_migrates_and_newer_opens_read_only() {
    let mut v1 = serde_json::to_value(snap_of(small())).unwrap();
    let obj = v1.as_object_mut().unwrap();
    obj.remove("scope");
    obj.insert("schema_version".into(), 1.into());
    let opened = Snapshot::open(&v1.to_string()).unwrap();
    assert_eq!(opened.migrated_from, Some(1));
    assert_eq!(opened.snapshot.schema_version, SCHEMA_VERSION);
    assert_eq!(opened.snapshot.scope, Scope::District);
    assert_eq!(opened.snapshot.dataset, small());

    let mut v9 = serde_json::to_value(snap_of(small())).unwrap();
    let obj = v9.as_object_mut().unwrap();
    obj.insert("schema_version".into(), 9.into());
    obj.insert("forecasts".into(), serde_json::json!([{"id": "x"}]));
    let text = v9.to_string();
    let opened = Snapshot::open(&text).unwrap();
    assert_eq!(
        opened.read_only,
        Some(ReadOnlyReason::NewerVersion {
            found: 9,
            supported: SCHEMA_VERSION
        })
    );
    assert_eq!(opened.snapshot.dataset, small());
    assert_eq!(opened.warnings.len(), 1);
    assert_eq!(
        opened.warnings[0].kind,
        ProblemKind::UnknownField {
            key: "forecasts".into()
        }
    );
    assert!(opened.read_only.unwrap().message(Lang::Zh).contains("只读"));
    assert_eq!(
        Snapshot::from_json(&text),
        Err(SnapshotError::UnsupportedVersion {
            found: 9,
            supported: SCHEMA_VERSION
        })
    );
    // A newer file whose regions changed shape cannot be read even in part.
    let obj = v9.as_object_mut().unwrap();
    obj.insert(
        "dataset".into(),
        serde_json::json!({"regions": [{"id": "d"}]}),
    );
    match Snapshot::open(&v9.to_string()) {
        Err(SnapshotError::NewerUnreadable {
            found: 9, cause, ..
        }) => {
            assert!(
                matches!(*cause, SnapshotError::Invalid { ref path, .. } if path == "dataset.regions[0].kind"),
                "{cause:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Snapshot::open(r#"{"format": "uew-snapshot", "schema_version": 0}"#),
        Err(SnapshotError::UnsupportedVersion { found: 0, .. })
    ));
}

#[test]
fn header_problems_are_named() {
    assert_eq!(
        Snapshot::open(r#"{"format": "other", "schema_version": 1}"#),
        Err(SnapshotError::NotASnapshot {
            format: "other".into()
        })
    );
    assert_eq!(
        Snapshot::open(r#"{"a": 1}"#),
        Err(SnapshotError::NotASnapshot {
            format: String::new()
        })
    );
    match Snapshot::open(r#"{"format": "uew-snapshot", "schema_version": "2"}"#) {
        Err(SnapshotError::Invalid { path, detail, .. }) => {
            assert_eq!(path, "schema_version");
            assert!(detail.en.contains("whole number"), "{detail:?}");
        }
        other => panic!("{other:?}"),
    }
    match Snapshot::open("[]") {
        Err(e @ SnapshotError::Invalid { .. }) => {
            assert!(e.to_string().contains("JSON object"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    let mut no_plan = serde_json::to_value(snap_of(small())).unwrap();
    no_plan.as_object_mut().unwrap().remove("plan");
    let e = Snapshot::open(&no_plan.to_string()).unwrap_err();
    assert!(e.to_string().contains("plan_ref"), "{e}");
    no_plan
        .as_object_mut()
        .unwrap()
        .insert("plan_ref".into(), "other-plan".into());
    match Snapshot::open(&no_plan.to_string()) {
        Err(SnapshotError::Invalid { path, .. }) => assert_eq!(path, "plan_ref"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn validation_finds_each_kind_of_problem() {
    let mut ds = small();
    ds.regions
        .push(Region::new("s1", RegionKind::Street, "重复", Some("d")));
    ds.regions
        .push(Region::new("bad id", RegionKind::Street, "x", Some("d")));
    ds.regions
        .push(Region::new("c2", RegionKind::Community, "x", Some("d")));
    ds.regions.push(Region::new(
        "c3",
        RegionKind::Community,
        " ",
        Some("nowhere"),
    ));
    ds.regions.push(Region::new(
        "d2",
        RegionKind::District,
        &"长".repeat(201),
        None,
    ));
    let mut o = Observation::new("ghost", m("2025-01"));
    o.unemployed = Some(2);
    o.labour_force = Some(1);
    o.registered_rate = Some(Pct::from_units(-1));
    ds.observations.push(o);
    ds.closures.push(ClosureEvent {
        id: "C1".into(),
        enterprise: "".into(),
        industry: String::new(),
        street: "c1".into(),
        date: Date::parse("2025-01-02").unwrap(),
        unemployed: 2_000_000_000,
    });
    let found = problems(&snap_of(ds));
    let has = |path: &str, pred: &dyn Fn(&ProblemKind) -> bool| {
        assert!(
            found.iter().any(|(p, k)| p == path && pred(k)),
            "{path}: {found:#?}"
        )
    };
    has(
        "dataset.regions[4].id",
        &|k| matches!(k, ProblemKind::DuplicateId { first, .. } if first == "dataset.regions[1]"),
    );
    has("dataset.regions[5].id", &|k| {
        matches!(k, ProblemKind::InvalidId { .. })
    });
    has("dataset.regions[6].parent", &|k| {
        matches!(k, ProblemKind::BadParent { .. })
    });
    has("dataset.regions[7].parent", &|k| {
        matches!(k, ProblemKind::UnknownRegion { .. })
    });
    has("dataset.regions[7].name", &|k| *k == ProblemKind::EmptyText);
    has("dataset.regions[8].name", &|k| {
        matches!(
            k,
            ProblemKind::TooLong {
                chars: 201,
                max: 200
            }
        )
    });
    has("dataset.regions[8].kind", &|k| {
        matches!(k, ProblemKind::SecondDistrict { .. })
    });
    has("dataset.observations[1].region", &|k| {
        matches!(k, ProblemKind::UnknownRegion { .. })
    });
    has("dataset.observations[1].unemployed", &|k| {
        matches!(k, ProblemKind::UnemployedAboveLabourForce { .. })
    });
    has("dataset.observations[1].registered_rate", &|k| {
        matches!(k, ProblemKind::RateOutOfRange { .. })
    });
    has("dataset.closures[0].enterprise", &|k| {
        *k == ProblemKind::EmptyText
    });
    has("dataset.closures[0].street", &|k| {
        matches!(k, ProblemKind::NotAStreet { .. })
    });
    has("dataset.closures[0].unemployed", &|k| {
        matches!(k, ProblemKind::CountTooLarge { .. })
    });
    for (_, k) in &found {
        assert!(!k.what(Lang::Zh).is_empty() && !k.what(Lang::En).is_empty());
    }
}

#[test]
fn problems_carry_lines_when_opened() {
    let mut ds = small();
    ds.observations[0].unemployed = Some(5000);
    let text = snap_of(ds).to_json_pretty();
    match Snapshot::open(&text) {
        Err(SnapshotError::Problems { problems, total }) => {
            assert_eq!(total, 1);
            let p = &problems[0];
            assert_eq!(p.path, "dataset.observations[0].unemployed");
            let line = p.line.unwrap();
            assert!(text
                .lines()
                .nth(line - 1)
                .unwrap()
                .contains("\"unemployed\": 5000"));
            let zh = p.message(Lang::Zh);
            assert!(zh.contains("第") && zh.contains("劳动力"), "{zh}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_fields_are_reported_and_ignored() {
    let mut v = serde_json::to_value(snap_of(small())).unwrap();
    v["extra"] = 1.into();
    v["dataset"]["scenarios"] = serde_json::json!([]);
    v["dataset"]["regions"][0]["colour"] = "red".into();
    let opened = Snapshot::open(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let keys: Vec<&str> = opened.warnings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(keys, ["extra", "dataset.scenarios"]);
    assert!(opened.warnings.iter().all(|p| p.line.is_some()));
    assert_eq!(opened.snapshot.dataset, small());
}

#[test]
fn row_limits_apply_before_building_rows() {
    let limits = Limits {
        max_observations: 2,
        ..Limits::DEFAULT
    };
    let mut ds = small();
    for month in ["2025-02", "2025-03"] {
        ds.observations.push(Observation {
            month: m(month),
            ..ds.observations[0].clone()
        });
    }
    match Snapshot::open_with(&snap_of(ds).to_json_pretty(), &limits) {
        Err(SnapshotError::Problems { problems, .. }) => {
            assert_eq!(problems[0].path, "dataset.observations");
            assert_eq!(problems[0].kind, ProblemKind::TooMany { found: 3, max: 2 });
            assert!(problems[0].line.is_some());
        }
        other => panic!("{other:?}"),
    }
    let text = snap_of(small()).to_json_pretty();
    let tight = Limits {
        max_bytes: 100,
        ..Limits::DEFAULT
    };
    assert!(matches!(
        Snapshot::open_with(&text, &tight),
        Err(SnapshotError::TooLarge { max: 100, .. })
    ));
}

#[test]
fn street_export_holds_the_street_only() {
    let d = demo();
    let s = d.for_street("xixing").unwrap();
    assert_eq!(s.scope, Scope::Street("xixing".into()));
    let ids: Vec<&str> = s.dataset.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "binjiang",
            "xixing",
            "xixing-dongguan",
            "xixing-guanhe",
            "xixing-xiangbin",
            "xixing-xingmin"
        ]
    );
    assert_eq!(s.dataset.observations.len(), 58 * 4);
    assert!(s.dataset.closures.iter().all(|e| e.street == "xixing"));
    assert!(s.dataset.city_warnings.is_empty());
    assert_eq!(s.dataset.special_determinations.len(), 1);
    let opened = Snapshot::open(&s.to_json_pretty()).unwrap();
    assert_eq!(opened.snapshot, s);
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert!(d.for_street("xixing-dongguan").is_none());
    assert!(d.for_street("nowhere").is_none());
    assert_eq!(s.file_name(), "uew-binjiang-xixing-2026-11-01.json");
    assert_eq!(d.file_name(), "uew-binjiang-district-2026-11-01.json");
}

#[test]
fn street_snapshot_with_foreign_data_warns() {
    let mut s = snap_of(small());
    s.scope = Scope::Street("s2".into());
    let w = validate(&s);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(w[0].path, "dataset.observations[0].region");
    s.scope = Scope::Street("c1".into());
    assert!(problems(&s)
        .iter()
        .any(|(p, k)| p == "scope" && matches!(k, ProblemKind::NotAStreet { .. })));
}

// ---------------------------------------------------------------------------------------------
// Import preview and merge

fn obs(region: &str, month: &str, u: Option<u64>, lf: Option<u64>) -> Observation {
    let mut o = Observation::new(region, m(month));
    o.unemployed = u;
    o.labour_force = lf;
    o
}

#[test]
fn diff_sorts_items_into_added_identical_changed_conflicting() {
    let mine = small();
    let mut theirs = small();
    theirs.regions[1].name_en = Some("Street One".into()); // fills a gap
    theirs.regions[2].name = "第二街道".into(); // renamed: conflict
    theirs
        .observations
        .push(obs("c1", "2025-02", Some(1), Some(10))); // added
    theirs.observations[0].key_groups.graduates = Some(3); // fills a gap
    theirs
        .observations
        .push(obs("s1", "2025-01", Some(4), Some(100))); // added
    let mut mine2 = mine.clone();
    mine2
        .observations
        .push(obs("s2", "2025-01", Some(5), Some(100)));
    theirs
        .observations
        .push(obs("s2", "2025-01", Some(6), Some(100))); // conflict
    let plan = diff(&mine2, &theirs);
    let s = plan.summary();
    assert_eq!(
        s.regions,
        Counts {
            added: 0,
            identical: 2,
            changed: 1,
            conflicting: 1
        }
    );
    assert_eq!(
        s.observations,
        Counts {
            added: 2,
            identical: 0,
            changed: 1,
            conflicting: 1
        }
    );
    assert_eq!(s.observations_by_region["s2"].conflicting, 1);
    assert_eq!(s.observations_by_month[&m("2025-02")].added, 1);
    assert_eq!(s.months, Some((m("2025-01"), m("2025-02"))));
    assert_eq!(s.conflicts(), 2);
    let conflict = plan
        .conflicts()
        .find(|c| c.key.kind() == ItemKind::Observation)
        .unwrap();
    assert_eq!(
        conflict.fields,
        [FieldDiff {
            field: "unemployed",
            mine: Some("5".into()),
            theirs: Some("6".into())
        }]
    );

    // An unresolved conflict blocks the merge.
    match plan.merge(&Resolutions::new()) {
        Err(MergeError::Unresolved { keys }) => {
            assert_eq!(keys.len(), 2);
            assert!(MergeError::Unresolved { keys }
                .message(Lang::Zh)
                .contains("冲突"));
        }
        other => panic!("{other:?}"),
    }
    let mut partial = Resolutions::new();
    partial.insert(ItemKey::Region("s2".into()), Resolution::KeepMine);
    assert!(matches!(
        plan.merge(&partial),
        Err(MergeError::Unresolved { keys }) if keys.len() == 1
    ));

    // Keep mine: gaps filled, additions made, conflicts untouched.
    let merged = plan.merge(&plan.resolve_all(Resolution::KeepMine)).unwrap();
    let ds = &merged.dataset;
    assert_eq!(
        ds.region("s1").unwrap().name_en.as_deref(),
        Some("Street One")
    );
    assert_eq!(ds.region("s2").unwrap().name, "二街道");
    assert_eq!(
        ds.observation("s2", m("2025-01")).unwrap().unemployed,
        Some(5)
    );
    assert_eq!(
        ds.observation("c1", m("2025-01"))
            .unwrap()
            .key_groups
            .graduates,
        Some(3)
    );
    assert_eq!(ds.observations.len(), 4);
    // The edit does exactly the same, and undoes.
    let mut by_edit = mine2.clone();
    let mut history = History::new();
    history
        .apply(&mut by_edit, merged.edit.clone().unwrap())
        .unwrap();
    assert_eq!(by_edit, *ds);
    history.undo(&mut by_edit).unwrap();
    assert_eq!(by_edit, mine2);

    // Take theirs.
    let merged = plan
        .merge(&plan.resolve_all(Resolution::TakeTheirs))
        .unwrap();
    assert_eq!(merged.dataset.region("s2").unwrap().name, "第二街道");
    assert_eq!(
        merged
            .dataset
            .observation("s2", m("2025-01"))
            .unwrap()
            .unemployed,
        Some(6)
    );
    assert!(plan.is_based_on(&mine2) && !plan.is_based_on(&mine));
    assert_eq!(plan.replace(), theirs);
    assert_eq!(plan.replace_impact().observations, 0);
}

#[test]
fn filling_a_gap_that_breaks_the_counts_is_a_conflict() {
    let mut mine = small();
    mine.observations[0] = obs("c1", "2025-01", Some(50), None);
    let mut theirs = small();
    theirs.observations[0] = obs("c1", "2025-01", None, Some(10));
    let plan = diff(&mine, &theirs);
    assert_eq!(plan.summary().observations.conflicting, 1);
    let merged = plan
        .merge(&plan.resolve_all(Resolution::TakeTheirs))
        .unwrap();
    // The counts are taken together.
    let o = merged.dataset.observation("c1", m("2025-01")).unwrap();
    assert_eq!((o.unemployed, o.labour_force), (None, Some(10)));
}

#[test]
fn structural_region_conflicts_only_keep_mine() {
    let mine = small();
    let mut theirs = small();
    theirs.regions[3].parent = Some("s2".into());
    let plan = diff(&mine, &theirs);
    let c: Vec<&ItemDiff> = plan.conflicts().collect();
    assert_eq!(c.len(), 1);
    assert!(c[0].structural);
    let mut r = Resolutions::new();
    r.insert(ItemKey::Region("c1".into()), Resolution::TakeTheirs);
    assert!(matches!(
        plan.merge(&r),
        Err(MergeError::CannotTakeTheirs { .. })
    ));
    let merged = plan
        .merge(&plan.resolve_all(Resolution::TakeTheirs))
        .unwrap();
    assert_eq!(merged.dataset, mine);
    assert_eq!(merged.edit, None);
}

#[test]
fn events_and_overrides_merge() {
    let d = demo().dataset;
    let mut base = d.clone();
    base.closures.truncate(2);
    base.closures[0].industry.clear();
    base.special_determinations[1].hq_consent = None;
    base.city_warnings.clear();
    let mut theirs = d.clone();
    theirs.closures[1].unemployed += 1;
    let plan = diff(&base, &theirs);
    let s = plan.summary();
    assert_eq!(s.closures.changed, 1);
    assert_eq!(s.closures.conflicting, 1);
    assert_eq!(s.closures.added, d.closures.len() - 2);
    assert_eq!(s.determinations.changed, 1);
    assert_eq!(s.city_warnings.added, 1);
    let merged = plan.merge(&plan.resolve_all(Resolution::KeepMine)).unwrap();
    assert_eq!(merged.edit, None, "determinations need the backup path");
    assert_eq!(merged.dataset.closures[0], d.closures[0]);
    assert_eq!(merged.dataset.closures[1], d.closures[1]);
    assert_eq!(
        merged.dataset.special_determinations,
        d.special_determinations
    );
    assert_eq!(merged.dataset.city_warnings, d.city_warnings);
    // A second event under another id for the same closure is flagged.
    let mut dup = d.clone();
    dup.closures[0].id = "C-NEW".into();
    let plan = diff(&d, &dup);
    let added: Vec<&ItemDiff> = plan
        .items()
        .iter()
        .filter(|i| i.status == Status::Added)
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(
        added[0].possible_duplicate_of.as_deref(),
        Some(d.closures[0].id.as_str())
    );
}

#[test]
fn identical_import_changes_nothing() {
    let d = demo().dataset;
    let plan = diff(&d, &d);
    assert!(!plan.has_changes());
    assert!(!plan.replace_impact().loses_anything());
    let merged = plan.merge(&Resolutions::new()).unwrap();
    assert_eq!(merged.dataset, d);
    assert_eq!(merged.edit, None);
}

#[test]
fn street_exports_merge_back_into_the_district() {
    let d = demo();
    let mut district = d.dataset.clone();
    district.observations.clear();
    district.closures.clear();
    district.layoffs.clear();
    district.special_determinations.clear();
    for street in ["xixing", "puyan"] {
        let part = Snapshot::open(&d.for_street(street).unwrap().to_json_pretty())
            .unwrap()
            .snapshot;
        let plan = diff(&district, &part.dataset);
        assert_eq!(plan.conflicts().count(), 0);
        district = plan.merge(&Resolutions::new()).unwrap().dataset;
    }
    let merged = Snapshot {
        dataset: district,
        ..d.clone()
    };
    for street in ["xixing", "puyan"] {
        assert_eq!(
            merged.for_street(street).unwrap().dataset,
            d.for_street(street).unwrap().dataset,
            "{street}"
        );
    }
    assert!(merged
        .for_street("changhe")
        .unwrap()
        .dataset
        .observations
        .is_empty());
}

#[test]
fn demo_share_link_lengths() {
    let d = demo();
    let link = share::encode_unbounded(&d);
    let mut with_plan = d.clone();
    with_plan.plan.parameters.event_window_months = 4;
    let full = share::encode_unbounded(&with_plan);
    let street = share::encode_unbounded(&d.for_street("xixing").unwrap());
    eprintln!(
        "link lengths: demo {} (plan by reference), demo with its plan written out {}, one street {}; compact JSON {} B",
        link.len(),
        full.len(),
        street.len(),
        d.to_json_compact().len()
    );
    assert_eq!(share::decode(&link).unwrap(), d);
    // The sample fits a link because the built-in plan goes by reference; written out, the
    // plan alone would take it over the cap.
    assert_eq!(share::encode(&d).unwrap(), link);
    match share::encode(&with_plan) {
        Err(e @ share::ShareError::TooLong { .. }) => {
            assert!(e.message(Lang::En).contains("file instead"));
            assert!(e.message(Lang::Zh).contains("快照文件"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(share::encode_street(&d, "xixing").unwrap().unwrap(), street);
    assert!(share::encode_street(&d, "nowhere").is_none());
}
