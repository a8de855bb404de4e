// Property tests use proptest, a native-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]
use super::*;
use crate::demo;
use proptest::prelude::*;

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn d(y: i32, mo: u32, day: u32) -> Date {
    Date::new(y, mo, day).unwrap()
}

fn cell(region: &str, month: Month, field: Field, value: Option<Value>) -> Edit {
    Edit::SetCell(CellEdit::new(region, month, field, value))
}

/// Applies `e`, checks the inverse restores the dataset exactly, and returns the changed one.
fn round_trip(ds: &Dataset, e: Edit) -> Dataset {
    let mut changed = ds.clone();
    let inverse = e.apply(&mut changed).unwrap();
    let mut back = changed.clone();
    let again = inverse.apply(&mut back).unwrap();
    assert_eq!(&back, ds, "the inverse restores the dataset exactly");
    let mut forward = back;
    again.apply(&mut forward).unwrap();
    assert_eq!(
        forward, changed,
        "the inverse of the inverse redoes the edit"
    );
    changed
}

#[test]
fn a_new_cell_adds_an_observation_and_undo_removes_it() {
    let ds = demo::dataset();
    let e = cell(
        "xixing",
        m(2026, 10),
        Field::RegisteredRate,
        Some(Value::Rate(Pct::tenths(45))),
    );
    let after = round_trip(&ds, e);
    assert_eq!(after.observations.len(), ds.observations.len() + 1);
    let o = after.observation("xixing", m(2026, 10)).unwrap();
    assert_eq!(o.registered_rate, Some(Pct::tenths(45)));
}

#[test]
fn an_existing_cell_changes_in_place() {
    let ds = demo::dataset();
    let after = round_trip(
        &ds,
        cell(
            "puyan-xinpu",
            m(2023, 5),
            Field::Graduates,
            Some(Value::Count(7)),
        ),
    );
    assert_eq!(after.observations.len(), ds.observations.len());
    assert_eq!(
        after
            .observation("puyan-xinpu", m(2023, 5))
            .unwrap()
            .key_groups
            .graduates,
        Some(7)
    );
}

#[test]
fn clearing_every_figure_drops_the_observation() {
    let ds = demo::dataset();
    let cells: Vec<CellEdit> = Field::ALL
        .iter()
        .map(|f| CellEdit::new("changhe-shanyi", m(2024, 2), *f, None))
        .collect();
    let after = round_trip(&ds, Edit::SetCells(cells));
    assert_eq!(after.observations.len(), ds.observations.len() - 1);
    assert!(after.observation("changhe-shanyi", m(2024, 2)).is_none());
}

#[test]
fn clearing_a_missing_cell_changes_nothing() {
    let mut ds = demo::dataset();
    let before = ds.clone();
    let mut h = History::new();
    h.apply(&mut ds, cell("xixing", m(2030, 1), Field::ActualRate, None))
        .unwrap();
    assert_eq!(ds, before);
    assert!(!h.can_undo(), "a step that changes nothing is not recorded");
}

#[test]
fn unemployed_above_labour_force_is_refused_with_where() {
    let mut ds = demo::dataset();
    let before = ds.clone();
    let e = cell(
        "xixing-guanhe",
        m(2024, 1),
        Field::Unemployed,
        Some(Value::Count(10_000_000)),
    );
    let err = e.apply(&mut ds).unwrap_err();
    assert_eq!(ds, before);
    assert!(matches!(err, EditError::UnemployedAboveLabourForce { .. }));
    let en = err.message(Lang::En);
    assert!(
        en.contains("xixing-guanhe") && en.contains("2024-01"),
        "{en}"
    );
    assert!(err.message(Lang::Zh).contains("劳动力人数"));
}

#[test]
fn a_block_is_checked_as_a_whole() {
    // Raising the unemployed before the labour force is fine within one step.
    let ds = demo::dataset();
    let e = Edit::SetCells(vec![
        CellEdit::new(
            "xixing-guanhe",
            m(2024, 1),
            Field::Unemployed,
            Some(Value::Count(200_000)),
        ),
        CellEdit::new(
            "xixing-guanhe",
            m(2024, 1),
            Field::LabourForce,
            Some(Value::Count(1_000_000)),
        ),
    ]);
    round_trip(&ds, e);
}

#[test]
fn wrong_kinds_ranges_and_regions_are_refused() {
    let mut ds = demo::dataset();
    let before = ds.clone();
    let month = m(2024, 1);
    for (e, want) in [
        (
            cell(
                "xixing",
                month,
                Field::RegisteredRate,
                Some(Value::Count(4)),
            ),
            "wrong kind",
        ),
        (
            cell(
                "xixing",
                month,
                Field::RegisteredRate,
                Some(Value::Rate(Pct::from_units(1_000_001))),
            ),
            "outside 0–100",
        ),
        (
            cell("nowhere", month, Field::Unemployed, Some(Value::Count(1))),
            "no region",
        ),
    ] {
        let err = e.apply(&mut ds).unwrap_err();
        assert!(err.message(Lang::En).contains(want), "{err}");
        assert_eq!(ds, before);
    }
}

fn closure(id: &str, street: &str, n: u64) -> ClosureEvent {
    ClosureEvent {
        id: id.to_owned(),
        enterprise: "测试企业".to_owned(),
        industry: String::new(),
        street: street.to_owned(),
        date: d(2026, 5, 3),
        unemployed: n,
    }
}

fn layoff(id: &str, workforce: u64, laid_off: u64) -> LayoffEvent {
    LayoffEvent {
        id: id.to_owned(),
        enterprise: "测试企业".to_owned(),
        industry: String::new(),
        street: "puyan".to_owned(),
        date: d(2026, 5, 3),
        workforce,
        laid_off,
    }
}

#[test]
fn events_add_update_remove_exactly() {
    let ds = demo::dataset();
    let after = round_trip(
        &ds,
        Edit::AddClosure {
            event: closure("C-2026-09", "xixing", 300),
            at: None,
        },
    );
    assert_eq!(after.closures.len(), ds.closures.len() + 1);
    let mut changed = closure("C-2025-02", "changhe", 4_400);
    changed.date = d(2025, 6, 23);
    round_trip(&ds, Edit::UpdateClosure(changed));
    round_trip(
        &ds,
        Edit::RemoveClosure {
            id: "C-2023-02".to_owned(),
        },
    );
    round_trip(
        &ds,
        Edit::AddLayoff {
            event: layoff("L-2026-07", 100, 100),
            at: Some(0),
        },
    );
    round_trip(
        &ds,
        Edit::RemoveLayoff {
            id: "L-2022-01".to_owned(),
        },
    );
}

#[test]
fn events_are_validated() {
    let mut ds = demo::dataset();
    let before = ds.clone();
    let cases = [
        (
            Edit::AddLayoff {
                event: layoff("L-x", 100, 101),
                at: None,
            },
            "101 laid off exceed the workforce of 100",
        ),
        (
            Edit::AddLayoff {
                event: layoff("L-x", 0, 0),
                at: None,
            },
            "workforce must be above 0",
        ),
        (
            Edit::AddClosure {
                event: closure("C-2022-01", "xixing", 1),
                at: None,
            },
            "already exists",
        ),
        (
            Edit::AddClosure {
                event: closure("C-new", "xixing-guanhe", 1),
                at: None,
            },
            "is not a street",
        ),
        (
            Edit::AddClosure {
                event: closure("has space", "xixing", 1),
                at: None,
            },
            "is not valid",
        ),
        (
            Edit::UpdateLayoff(layoff("L-none", 10, 1)),
            "there is no layoff",
        ),
        (
            Edit::AddClosure {
                event: closure("C-new", "xixing", 1),
                at: Some(999),
            },
            "no longer",
        ),
    ];
    for (e, want) in cases {
        let err = e.apply(&mut ds).unwrap_err();
        assert!(err.message(Lang::En).contains(want), "{err} / {want}");
        assert!(!err.message(Lang::Zh).is_empty());
        assert_eq!(ds, before);
    }
    let mut blank = closure("C-new", "xixing", 1);
    blank.enterprise = "  ".to_owned();
    let err = Edit::AddClosure {
        event: blank,
        at: None,
    }
    .apply(&mut ds)
    .unwrap_err();
    assert_eq!(
        err.message(Lang::Zh),
        "关停破产事件“C-new”：企业名称不能为空"
    );
}

#[test]
fn fresh_ids_follow_the_sample_style() {
    let ds = demo::dataset();
    assert_eq!(
        fresh_event_id(&ds, EventKind::Closure, d(2025, 1, 1)),
        "C-2025-04"
    );
    assert_eq!(
        fresh_event_id(&ds, EventKind::Layoff, d(2027, 1, 1)),
        "L-2027-01"
    );
}

#[test]
fn regions_add_rename_and_check_parents() {
    let ds = demo::dataset();
    let after = round_trip(
        &ds,
        Edit::AddRegion {
            region: Region::new(
                "xixing-new",
                RegionKind::Community,
                " 新社区 ",
                Some("xixing"),
            ),
            at: Some(3),
        },
    );
    assert_eq!(after.region("xixing-new").unwrap().name, "新社区");
    round_trip(
        &ds,
        Edit::RenameRegion {
            id: "puyan".to_owned(),
            name: "浦沿".to_owned(),
            name_en: None,
        },
    );
    let mut ds2 = ds.clone();
    for (r, want) in [
        (
            Region::new("c", RegionKind::Community, "c", Some("binjiang")),
            "must belong to a street",
        ),
        (
            Region::new("s", RegionKind::Street, "s", Some("xixing")),
            "must belong to a district",
        ),
        (
            Region::new("d", RegionKind::District, "d", None),
            "already a district",
        ),
        (
            Region::new("xixing", RegionKind::Street, "x", Some("binjiang")),
            "already exists",
        ),
        (
            Region::new("s", RegionKind::Street, " ", Some("binjiang")),
            "needs a name",
        ),
        (
            Region::new("a,b", RegionKind::Street, "x", Some("binjiang")),
            "not valid",
        ),
    ] {
        let err = Edit::AddRegion {
            region: r,
            at: None,
        }
        .apply(&mut ds2)
        .unwrap_err();
        assert!(err.message(Lang::En).contains(want), "{err} / {want}");
    }
    assert_eq!(ds2, ds);
}

#[test]
fn removing_a_street_takes_its_data_and_undo_restores_it_exactly() {
    let ds = demo::dataset();
    let impact = removal_impact(&ds, "xixing").unwrap();
    assert_eq!(impact.regions, 5);
    assert_eq!(impact.observations, 4 * 58);
    assert!(impact.closures > 0 && impact.layoffs > 0);
    assert_eq!(impact.determinations, 1);
    assert!(impact.has_data());
    assert!(impact.message(Lang::Zh).contains("5 个地区"));
    let after = round_trip(
        &ds,
        Edit::RemoveRegion {
            id: "xixing".to_owned(),
        },
    );
    assert!(after.region("xixing-guanhe").is_none());
    assert!(after
        .observations
        .iter()
        .all(|o| !o.region.starts_with("xixing")));
    assert!(after.closures.iter().all(|e| e.street != "xixing"));
    // The whole district, too.
    let after = round_trip(
        &ds,
        Edit::RemoveRegion {
            id: "binjiang".to_owned(),
        },
    );
    assert!(after.regions.is_empty() && after.observations.is_empty());
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut ds = demo::dataset();
    let before = ds.clone();
    let e = Edit::Batch(vec![
        Edit::RemoveClosure {
            id: "C-2022-01".to_owned(),
        },
        cell(
            "xixing",
            m(2026, 1),
            Field::Unemployed,
            Some(Value::Count(5)),
        ),
        Edit::RemoveClosure {
            id: "C-2022-01".to_owned(),
        },
    ]);
    assert!(e.apply(&mut ds).is_err());
    assert_eq!(ds, before);
}

#[test]
fn history_undoes_redoes_and_is_bounded() {
    let mut ds = demo::dataset();
    let start = ds.clone();
    let mut h = History::with_limit(3);
    for n in 0..5u64 {
        h.apply(
            &mut ds,
            cell(
                "xixing",
                m(2026, 1),
                Field::Unemployed,
                Some(Value::Count(n)),
            ),
        )
        .unwrap();
    }
    assert_eq!(h.undo_len(), 3);
    assert_eq!(
        h.undo_label().unwrap().en,
        "edit xixing 2026-01 registered unemployed"
    );
    let after5 = ds.clone();
    while h.undo(&mut ds).unwrap().is_some() {}
    assert_eq!(
        ds.observation("xixing", m(2026, 1)).unwrap().unemployed,
        Some(1),
        "only the last three steps are kept"
    );
    assert_eq!(h.redo_len(), 3);
    while h.redo(&mut ds).unwrap().is_some() {}
    assert_eq!(ds, after5);
    h.undo(&mut ds).unwrap();
    h.apply(
        &mut ds,
        cell(
            "xixing",
            m(2026, 2),
            Field::Unemployed,
            Some(Value::Count(9)),
        ),
    )
    .unwrap();
    assert!(!h.can_redo(), "a new step clears the redo stack");
    h.clear();
    assert!(!h.can_undo());
    assert_ne!(ds, start);
}

#[test]
fn a_stale_step_is_refused_and_dropped() {
    let mut ds = demo::dataset();
    let mut h = History::new();
    h.apply(
        &mut ds,
        cell(
            "xixing",
            m(2026, 1),
            Field::Unemployed,
            Some(Value::Count(5)),
        ),
    )
    .unwrap();
    ds.observations.clear(); // replaced outside the history
    let before = ds.clone();
    assert_eq!(h.undo(&mut ds), Err(EditError::Stale));
    assert_eq!(ds, before);
    assert!(!h.can_undo());
}

#[test]
fn many_cells_take_the_one_pass_path_exactly() {
    let ds = demo::dataset();
    let mut cells = Vec::new();
    // Clear 40 observations, change 40 others and add 40 new ones.
    for o in ds.observations.iter().step_by(7).take(40) {
        for f in Field::ALL {
            cells.push(CellEdit::new(&o.region, o.month, f, None));
        }
    }
    for o in ds.observations.iter().skip(300).step_by(5).take(40) {
        cells.push(CellEdit::new(
            &o.region,
            o.month,
            Field::ActualRate,
            Some(Value::Rate(Pct::tenths(33))),
        ));
    }
    for k in 0..40 {
        cells.push(CellEdit::new(
            "binjiang",
            m(2022, 1).plus(k).unwrap(),
            Field::RegisteredRate,
            Some(Value::Rate(Pct::hundredths(300 + k))),
        ));
    }
    let after = round_trip(&ds, Edit::SetCells(cells));
    assert_eq!(after.observations.len(), ds.observations.len());
}

/// A random edit over a small vocabulary of regions, months and events.
pub(crate) fn arb_edit() -> impl Strategy<Value = Edit> {
    let regions = prop::sample::select(vec![
        "binjiang",
        "xixing",
        "puyan-xinpu",
        "changhe-shanyi",
        "xixing-guanhe",
    ]);
    let month = (2025i32..=2027, 1u32..=12).prop_map(|(y, mo)| m(y, mo));
    let field = prop::sample::select(Field::ALL.to_vec());
    let value = prop_oneof![
        Just(None),
        (0i64..=100_000).prop_map(|u| Some(Value::Rate(Pct::from_units(u)))),
        (0u64..=50_000).prop_map(|n| Some(Value::Count(n))),
    ];
    let cell = (regions, month, field, value).prop_map(|(r, mo, f, v)| CellEdit::new(r, mo, f, v));
    let ids = prop::sample::select(vec!["C-2025-01", "C-2026-01", "C-9", "C-8"]);
    prop_oneof![
        4 => cell.clone().prop_map(Edit::SetCell),
        2 => prop::collection::vec(cell, 0..12).prop_map(Edit::SetCells),
        1 => ids.clone().prop_map(|id| Edit::RemoveClosure { id: id.to_owned() }),
        1 => (ids, 0u64..20_000, prop::option::of(0usize..20))
            .prop_map(|(id, n, at)| Edit::AddClosure { event: closure(id, "changhe", n), at }),
        1 => prop::sample::select(vec!["xixing", "puyan-xinpu", "changhe", "nowhere"])
            .prop_map(|id| Edit::RemoveRegion { id: id.to_owned() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of edits, some refused, undoes to the start and redoes to the end.
    #[test]
    fn undo_all_restores_the_start(edits in prop::collection::vec(arb_edit(), 1..12)) {
        let mut ds = demo::dataset();
        let start = ds.clone();
        let mut h = History::new();
        for e in edits {
            let before = ds.clone();
            if h.apply(&mut ds, e).is_err() {
                prop_assert_eq!(&ds, &before);
            }
        }
        let end = ds.clone();
        while h.undo(&mut ds).unwrap().is_some() {}
        prop_assert_eq!(&ds, &start);
        while h.redo(&mut ds).unwrap().is_some() {}
        prop_assert_eq!(&ds, &end);
    }
}
