// Property tests use proptest, a native-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]
use super::*;
use crate::demo;
use crate::edit::{CellEdit, Field, Value};
use crate::month::Month;
use crate::num::Pct;
use crate::plan::Plan;
use crate::response::ResponseState;
use proptest::prelude::*;

fn ws() -> Workspace {
    Workspace::new(demo::snapshot())
}

fn cell(region: &str, y: i32, mo: u32, field: Field, value: Option<Value>) -> Edit {
    let month = Month::new(y, mo).unwrap_or(Month::MIN);
    Edit::SetCell(CellEdit::new(region, month, field, value))
}

/// A rename the edit itself accepts but the snapshot's limits refuse (names ≤ 200 characters).
fn too_long_name() -> Edit {
    Edit::RenameRegion {
        id: "xixing".into(),
        name: "名".repeat(201),
        name_en: None,
    }
}

#[test]
fn an_edit_changes_the_dataset_records_its_inverse_and_prepares_one_engine() {
    let mut w = ws();
    let before = crate::rules::engine_preparations();
    let changed = w
        .apply(cell(
            "xixing",
            2026,
            10,
            Field::Graduates,
            Some(Value::Count(7)),
        ))
        .unwrap();
    assert_eq!(
        changed,
        Changed {
            dataset: true,
            ..Changed::NOTHING
        }
    );
    assert!(w.history().can_undo());
    // Other tests prepare engines in parallel: at least this one (an update of the previous
    // engine's indexes), and the prepared engine is new.
    assert!(crate::rules::engine_preparations() > before);
    assert!(w.prepared().engine().is_incremental());
    let o = w
        .prepared()
        .dataset()
        .observation("xixing", Month::new(2026, 10).unwrap());
    assert_eq!(o.and_then(|o| o.key_groups.graduates), Some(7));
}

#[test]
fn a_refused_edit_leaves_everything_as_it_was() {
    let mut w = ws();
    w.apply(cell(
        "xixing",
        2026,
        10,
        Field::Graduates,
        Some(Value::Count(7)),
    ))
    .unwrap();
    let snap = w.snapshot().clone();
    let prepared = w.prepared().clone();
    let undo = w.history().undo_len();
    let err = w.apply(too_long_name()).unwrap_err();
    assert!(err.zh.contains("200"), "{err:?}");
    assert_eq!(w.snapshot(), &snap);
    assert!(
        w.prepared().same(&prepared),
        "no new engine for a refused edit"
    );
    assert_eq!(w.history().undo_len(), undo);
    assert!(!w.history().can_redo());
}

#[test]
fn an_edit_that_changes_nothing_is_not_recorded_and_saves_nothing() {
    let mut w = ws();
    let prepared = w.prepared().clone();
    assert_eq!(w.apply(Edit::SetCells(Vec::new())), Ok(Changed::NOTHING));
    assert!(!w.history().can_undo());
    assert!(w.prepared().same(&prepared));
}

#[test]
fn nothing_changes_while_read_only() {
    let mut w = Workspace::read_only(demo::snapshot(), ReadOnly::Shared);
    let snap = w.snapshot().clone();
    let e = cell("xixing", 2026, 10, Field::Graduates, Some(Value::Count(7)));
    assert_eq!(w.apply(e), Err(read_only_text()));
    assert_eq!(w.undo(), Err(read_only_text()));
    assert_eq!(
        w.update_response(|r, _, _| {
            *r = ResponseState::default();
            Ok(())
        })
        .map(|_| ()),
        Err(read_only_text())
    );
    assert_eq!(w.snapshot(), &snap);
}

#[test]
fn a_refused_change_beside_the_data_is_rolled_back() {
    let mut w = ws();
    let snap = w.snapshot().clone();
    // The closure changes the scenarios, then fails: nothing of it stays.
    let out = w.update_scenarios(|s, _, _| {
        *s = crate::scenario::Scenarios::default();
        Err::<(), _>(Text::new("不行", "no"))
    });
    assert!(out.is_err());
    assert_eq!(w.snapshot(), &snap);
}

#[test]
fn a_change_beside_the_data_reports_its_part_and_keeps_the_engine() {
    let mut w = ws();
    let prepared = w.prepared().clone();
    let had = !w.snapshot().scenarios.is_empty();
    let ((), changed) = w
        .update_scenarios(|s, _, _| {
            *s = crate::scenario::Scenarios::default();
            Ok(())
        })
        .unwrap();
    assert_eq!(changed.scenarios, had);
    assert!(!changed.dataset && !changed.plan && !changed.response);
    assert!(
        w.prepared().same(&prepared),
        "scenarios do not rebuild the engine"
    );
}

#[test]
fn undo_and_redo_report_the_step_and_prepare_again() {
    let mut w = ws();
    let start = w.snapshot().clone();
    w.apply(cell(
        "xixing",
        2026,
        10,
        Field::RegisteredRate,
        Some(Value::Rate(Pct::tenths(45))),
    ))
    .unwrap();
    let edited = w.snapshot().clone();
    let step = w.undo().unwrap().unwrap();
    assert!(step.label.zh.contains("编辑"), "{:?}", step.label);
    assert!(step.changed.dataset);
    assert_eq!(w.snapshot(), &start);
    assert_eq!(w.prepared().dataset(), &start.dataset);
    w.redo().unwrap().unwrap();
    assert_eq!(w.snapshot(), &edited);
    assert_eq!(w.undo().unwrap().map(|s| s.changed), Some(step.changed));
    assert_eq!(w.undo(), Ok(None), "nothing more to undo");
}

#[test]
fn replace_forgets_the_history() {
    let mut w = ws();
    w.apply(cell(
        "xixing",
        2026,
        10,
        Field::Graduates,
        Some(Value::Count(7)),
    ))
    .unwrap();
    let changed = w.replace(demo::snapshot());
    assert_eq!(changed, Changed::ALL);
    assert!(!w.history().can_undo());
    assert_eq!(w.snapshot(), &demo::snapshot());
}

/// Sets the level-2 rate threshold (§5.1-L2-a) of the plan.
fn set_l2_rate(p: &mut Plan, rate: Pct) -> Result<(), Text> {
    set_rate(p, crate::plan::Level::L2, rate)
}

/// Sets the rate threshold of `level` (§5.1-Lx-a).
fn set_rate(p: &mut Plan, level: crate::plan::Level, rate: Pct) -> Result<(), Text> {
    let r = p
        .thresholds
        .levels
        .iter_mut()
        .find(|s| s.level == level)
        .and_then(|s| s.rate.as_mut())
        .ok_or_else(|| Text::new("无", "none"))?;
    r.min_rate = rate;
    Ok(())
}

fn l2_rate(w: &Workspace) -> Option<Pct> {
    let p = w.prepared().plan();
    p.thresholds
        .spec(crate::plan::Level::L2)
        .and_then(|s| s.rate.as_ref())
        .map(|r| r.min_rate)
}

#[test]
fn a_plan_edit_with_an_error_is_refused_naming_the_item_and_changes_nothing() {
    let mut w = ws();
    let snap = w.snapshot().clone();
    let prepared = w.prepared().clone();
    let err = w
        .update_plan(Text::new("改", "edit"), |p| {
            set_l2_rate(p, Pct::tenths(1500))
        })
        .unwrap_err();
    assert!(err.zh.contains("§5.1-L2-a"), "names the clause: {err:?}");
    assert!(err.en.contains("150"), "names the value: {err:?}");
    assert_eq!(w.snapshot(), &snap);
    assert!(w.prepared().same(&prepared));
    assert!(!w.history().can_undo());
}

#[test]
fn a_plan_edit_prepares_one_engine_returns_its_warnings_and_undoes_in_order_with_data_edits() {
    let mut w = ws();
    let start = w.snapshot().clone();
    let graduates = cell("xixing", 2026, 10, Field::Graduates, Some(Value::Count(7)));
    w.apply(graduates).unwrap();
    let after_data = w.snapshot().clone();
    // 7.0 % at level 2 is stricter than level 1's 6.5 %: allowed, with a warning.
    let ((), warnings, changed) = w
        .update_plan(Text::new("二级阈值", "level 2 threshold"), |p| {
            set_l2_rate(p, Pct::tenths(70))
        })
        .unwrap();
    assert_eq!(
        changed,
        Changed {
            plan: true,
            ..Changed::NOTHING
        }
    );
    assert!(
        warnings.iter().any(|p| p.item.zh.contains("§5.1-L2-a")),
        "{warnings:?}"
    );
    assert_eq!(
        l2_rate(&w),
        Some(Pct::tenths(70)),
        "the engine reads the new plan"
    );
    let after_plan = w.snapshot().clone();
    w.apply(cell(
        "xixing",
        2026,
        10,
        Field::Graduates,
        Some(Value::Count(9)),
    ))
    .unwrap();

    // Undo: the data edit, then the plan edit, then the first data edit.
    assert!(w.undo().unwrap().unwrap().changed.dataset);
    assert_eq!(w.snapshot(), &after_plan);
    let step = w.undo().unwrap().unwrap();
    assert_eq!(step.label.en, "level 2 threshold");
    assert!(step.changed.plan && !step.changed.dataset);
    assert_eq!(w.snapshot(), &after_data);
    assert_eq!(l2_rate(&w), Some(Pct::tenths(55)));
    w.undo().unwrap().unwrap();
    assert_eq!(w.snapshot(), &start);
    // Redo the data edit and the plan edit.
    w.redo().unwrap().unwrap();
    assert!(w.redo().unwrap().unwrap().changed.plan);
    assert_eq!(w.snapshot(), &after_plan);
    assert_eq!(l2_rate(&w), Some(Pct::tenths(70)));
}

#[test]
fn a_preset_with_errors_can_be_chosen_and_then_fixed_but_no_new_error_comes_in() {
    // Without the sample's city warnings and determinations, which name levels 2 and 3.
    let mut start = demo::snapshot();
    start.dataset.city_warnings.clear();
    start.dataset.special_determinations.clear();
    let mut w = Workspace::new(start.clone());
    let blank = Plan::preset(crate::plan::presets::BLANK).unwrap();
    let (_, changed) = w
        .use_plan(Text::new("空白", "blank"), blank.clone())
        .unwrap();
    assert!(changed.plan);
    assert_eq!(w.snapshot().plan, blank);
    // Its level without criteria does not block a rename …
    w.update_plan(Text::new("名称", "name"), |p| {
        p.title = Text::new("街道预案", "Street plan");
        Ok(())
    })
    .unwrap();
    // … but a second level without criteria is a new error.
    let err = w
        .update_plan(Text::new("加级", "add level"), |p| {
            let l2 = crate::plan::presets::empty_level(crate::plan::Level::L2);
            p.thresholds.levels.push(l2);
            Ok(())
        })
        .unwrap_err();
    assert!(err.en.contains("L2"), "{err:?}");
    w.undo().unwrap().unwrap();
    w.undo().unwrap().unwrap();
    assert_eq!(w.snapshot(), &start);
}

#[test]
fn a_plan_the_data_contradicts_is_refused() {
    let mut snap = demo::snapshot();
    snap.dataset.city_warnings.push(crate::model::CityWarning {
        level: crate::plan::Level::L3,
        from: Month::new(2026, 1).unwrap(),
        until: None,
        note: String::new(),
    });
    let mut w = Workspace::new(snap.clone());
    // The blank plan has level 1 only; the data names level 3.
    let blank = Plan::preset(crate::plan::presets::BLANK).unwrap();
    assert!(w.use_plan(Text::new("空白", "blank"), blank).is_err());
    assert_eq!(w.snapshot(), &snap);
    assert!(!w.history().can_undo());
}

/// A random change: mostly edits from the edit module's generator, some the snapshot refuses.
fn arb_step() -> impl Strategy<Value = Edit> {
    prop_oneof![
        8 => crate::edit::tests::arb_edit(),
        1 => Just(too_long_name()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A rejected edit leaves the state identical; undo after any sequence restores the start,
    /// redo the end; the prepared engine always reads the current dataset.
    #[test]
    fn the_transaction_laws_hold_for_any_sequence(steps in prop::collection::vec(arb_step(), 1..12)) {
        let mut w = ws();
        let start = w.snapshot().clone();
        for e in steps {
            let before = w.snapshot().clone();
            let undo = w.history().undo_len();
            match w.apply(e) {
                Err(_) => {
                    prop_assert_eq!(w.snapshot(), &before);
                    prop_assert_eq!(w.history().undo_len(), undo);
                }
                Ok(_) => {
                    // What the part check accepted, the whole-snapshot check accepts too.
                    let errors = crate::snapshot::validate(w.snapshot())
                        .into_iter()
                        .filter(|p| p.is_error())
                        .count();
                    prop_assert_eq!(errors, 0);
                }
            }
            prop_assert_eq!(w.prepared().dataset(), &w.snapshot().dataset);
        }
        let end = w.snapshot().clone();
        while w.undo().unwrap().is_some() {}
        prop_assert_eq!(w.snapshot(), &start);
        while w.redo().unwrap().is_some() {}
        prop_assert_eq!(w.snapshot(), &end);
        prop_assert_eq!(w.prepared().dataset(), &end.dataset);
    }
}

#[test]
fn a_data_edit_shares_the_plan_with_the_previous_engine() {
    let mut w = ws();
    let plan = w.prepared().shared_plan();
    w.apply(cell(
        "xixing",
        2026,
        10,
        Field::Graduates,
        Some(Value::Count(7)),
    ))
    .unwrap();
    assert!(std::sync::Arc::ptr_eq(&plan, &w.prepared().shared_plan()));
    assert_eq!(w.prepared().plan(), &w.snapshot().plan);
}

fn indicator_at(w: &Workspace, scope: &crate::model::Scope) -> crate::rules::Status {
    let month = Month::new(2026, 10).unwrap();
    w.prepared().engine().evaluate(scope, month).indicator
}

#[test]
fn a_street_s_own_levels_evaluate_that_street_only_and_undo_as_one_step() {
    use crate::model::Scope;
    use crate::rules::ThresholdsUsed;
    let mut w = ws();
    let start = w.snapshot().clone();
    let xixing = Scope::Street("xixing".into());
    let puyan = Scope::Street("puyan".into());
    let before = (
        indicator_at(&w, &Scope::District),
        indicator_at(&w, &xixing),
        indicator_at(&w, &puyan),
    );
    assert_eq!(
        before.1.level(),
        None,
        "the sample's Xixing is below level 3"
    );
    // §9: Xixing writes its own table, level 3 from 1 % for two months.
    let ((), _, changed) = w
        .update_street_plan("xixing", Text::new("西兴三级", "Xixing L3"), |p| {
            set_rate(p, crate::plan::Level::L3, Pct::tenths(10))
        })
        .unwrap();
    assert!(changed.dataset && !changed.plan);
    let e = w
        .prepared()
        .engine()
        .evaluate(&xixing, Month::new(2026, 10).unwrap());
    assert_eq!(e.indicator.level(), Some(crate::plan::Level::L3));
    assert_eq!(
        e.thresholds,
        ThresholdsUsed::Street {
            street: "xixing".into()
        }
    );
    // The district's plan, the district and the other streets are as they were.
    assert_eq!(w.snapshot().plan, start.plan);
    assert_eq!(indicator_at(&w, &Scope::District), before.0);
    assert_eq!(indicator_at(&w, &puyan), before.2);
    // The editor reads the street's table through the district's plan.
    let shown = w.street_plan("xixing").unwrap();
    assert_eq!(shown.responses, start.plan.responses);
    assert_ne!(shown.thresholds, start.plan.thresholds);
    // A change bringing in an error is refused, naming it, and changes nothing.
    let kept = w.snapshot().clone();
    let err = w
        .update_street_plan("xixing", Text::new("改", "edit"), |p| {
            set_rate(p, crate::plan::Level::L3, Pct::tenths(1500))
        })
        .unwrap_err();
    assert!(err.en.contains("150"), "{err:?}");
    assert_eq!(w.snapshot(), &kept);
    // Not a street: refused.
    assert!(w
        .update_street_plan("binjiang", Text::new("改", "edit"), |_| Ok(()))
        .is_err());
    // One undo step, labelled as the editor named it; back to the district's table.
    let step = w.undo().unwrap().unwrap();
    assert_eq!(step.label.en, "Xixing L3");
    assert_eq!(w.snapshot(), &start);
    assert_eq!(indicator_at(&w, &xixing), before.1);
    // Following the district again is an edit of its own.
    w.redo().unwrap().unwrap();
    w.apply(Edit::SetStreetThresholds {
        street: "xixing".into(),
        thresholds: None,
    })
    .unwrap();
    assert_eq!(w.snapshot(), &start);
}

/// Everything a view reads from an engine, for every scope and region: summaries, timelines,
/// both rate series, event totals and the evaluation with evidence of a few months.
fn engine_outputs(e: &crate::rules::Engine<'_>) -> String {
    use crate::rules::Series;
    use std::fmt::Write;
    let Some((from, to)) = e.span() else {
        return String::from("no months");
    };
    let (from, to) = (from.plus(-14).unwrap(), to.plus(3).unwrap());
    let mut out = String::new();
    let mut scopes = e.scopes();
    scopes.extend(e.region_scopes());
    for scope in &scopes {
        writeln!(out, "{scope:?} {:?}", e.summaries(scope, from, to)).unwrap();
        writeln!(out, "{:?}", e.timeline(scope, from, to)).unwrap();
        writeln!(out, "{:?}", e.event_series(scope, from, to)).unwrap();
        if let Some(region) = e.data().scope_region(scope) {
            for series in [Series::Registered, Series::Actual] {
                writeln!(out, "{:?}", e.rate_series(&region.id, series, from, to)).unwrap();
            }
        }
        for m in [
            from.plus(14).unwrap(),
            to.plus(-3).unwrap(),
            to.plus(-9).unwrap(),
        ] {
            writeln!(out, "{:?}", e.evaluate(scope, m)).unwrap();
        }
    }
    out
}

/// A random change for the engine: cells (one or a block, values set or cleared, so
/// observations are replaced in place, appended and dropped) and events, some refused.
fn arb_engine_step() -> impl Strategy<Value = Edit> {
    let regions = prop::sample::select(vec!["binjiang", "xixing", "changhe", "xixing-guanhe"]);
    let month = (2025i32..=2027, 1u32..=12).prop_map(|(y, mo)| Month::new(y, mo).unwrap());
    let field = prop::sample::select(Field::ALL.to_vec());
    let value = prop_oneof![
        2 => Just(None),
        1 => (0i64..=200_000).prop_map(|u| Some(Value::Rate(Pct::from_units(u)))),
        2 => (0u64..=50_000).prop_map(|n| Some(Value::Count(n))),
    ];
    let cell = (regions, month, field, value).prop_map(|(r, mo, f, v)| CellEdit::new(r, mo, f, v));
    // Layoffs and closures of the sample's ids and new ones, by enterprises already there and
    // new, some under the art. 41 threshold (not counted).
    let enterprise = prop::sample::select(vec![
        "杭州山一机电设备有限公司",
        " 杭州山一机电设备有限公司 ",
        "新企业",
        "另一家",
    ]);
    let street = prop::sample::select(vec!["changhe", "xixing", "puyan"]);
    let date =
        (2025i32..=2026, 1u32..=12).prop_map(|(y, mo)| crate::month::Date::new(y, mo, 3).unwrap());
    let layoff = (
        prop::sample::select(vec!["L-2025-03", "L-2026-01", "L-9"]),
        enterprise.clone(),
        street.clone(),
        date.clone(),
        1u64..2_000,
        0u64..400,
    )
        .prop_map(
            |(id, ent, street, date, workforce, laid_off)| crate::model::LayoffEvent {
                id: id.to_owned(),
                enterprise: ent.to_owned(),
                industry: String::new(),
                street: street.to_owned(),
                date,
                workforce,
                laid_off,
            },
        );
    let closure = (
        prop::sample::select(vec!["C-2022-01", "C-2023-01", "C-9"]),
        enterprise,
        street,
        date,
        0u64..300,
    )
        .prop_map(
            |(id, ent, street, date, unemployed)| crate::model::ClosureEvent {
                id: id.to_owned(),
                enterprise: ent.to_owned(),
                industry: String::new(),
                street: street.to_owned(),
                date,
                unemployed,
            },
        );
    prop_oneof![
        6 => cell.clone().prop_map(Edit::SetCell),
        2 => prop::collection::vec(cell, 0..8).prop_map(Edit::SetCells),
        3 => crate::edit::tests::arb_edit(),
        1 => layoff.clone().prop_map(Edit::UpdateLayoff),
        1 => layoff.prop_map(|event| Edit::AddLayoff { event, at: None }),
        1 => prop::sample::select(vec!["L-2025-03", "L-9"])
            .prop_map(|id| Edit::RemoveLayoff { id: id.to_owned() }),
        1 => closure.prop_map(Edit::UpdateClosure),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// After any sequence of edits, undos and redos, the engine the workspace updated gives
    /// exactly what a fresh engine over the same plan and dataset gives.
    #[test]
    fn an_updated_engine_equals_a_fresh_one(
        steps in prop::collection::vec((arb_engine_step(), 0u8..6), 1..14)
    ) {
        let mut w = ws();
        for (e, after) in steps {
            // A one-cell edit that changes the data is an update, not a build.
            let before = matches!(e, Edit::SetCell(_)).then(|| w.snapshot().dataset.clone());
            let ok = w.apply(e).is_ok();
            if let Some(before) = before {
                if ok && before != w.snapshot().dataset {
                    prop_assert!(w.prepared().engine().is_incremental());
                }
            }
            // Now and then an undo, or an undo and its redo.
            if after == 0 {
                let _ = w.undo().unwrap();
            } else if after == 1 {
                let _ = w.undo().unwrap();
                let _ = w.redo().unwrap();
            }
            let p = w.prepared();
            prop_assert_eq!(p.dataset(), &w.snapshot().dataset);
            let fresh = crate::rules::Engine::new(p.plan(), p.dataset());
            prop_assert_eq!(engine_outputs(p.engine()), engine_outputs(&fresh));
        }
    }
}

#[test]
fn a_cell_edit_updates_the_engine_without_building_one() {
    let mut w = ws();
    let before = w.prepared().clone();
    w.apply(cell(
        "xixing-guanhe",
        2026,
        5,
        Field::Unemployed,
        Some(Value::Count(77)),
    ))
    .unwrap();
    assert!(!w.prepared().same(&before));
    assert!(w.prepared().engine().is_incremental());
    assert_eq!(w.prepared().dataset(), &w.snapshot().dataset);
    // The previous preparation, still held here, is untouched.
    assert_eq!(before.dataset(), &demo::snapshot().dataset);
    w.undo().unwrap().unwrap();
    assert!(w.prepared().engine().is_incremental());
    assert_eq!(w.prepared().dataset(), &demo::snapshot().dataset);
}

/// Whether `after` equals `before` outside `rows` (what a save that writes only those rows'
/// chunks relies on).
fn same_outside(
    before: &[crate::model::Observation],
    after: &[crate::model::Observation],
    rows: &[usize],
) -> bool {
    before.len() == after.len()
        && before
            .iter()
            .zip(after)
            .enumerate()
            .all(|(i, (b, a))| rows.contains(&i) || b == a)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// After any edit, undo or redo, the rows the workspace reports as changed in place are
    /// the only ones that differ; where it cannot say, it says so (`None`).
    #[test]
    fn the_changed_rows_cover_every_change(
        steps in prop::collection::vec((arb_engine_step(), 0u8..6), 1..14)
    ) {
        let mut w = ws();
        let mut saved = w.snapshot().dataset.observations.clone();
        let _ = w.take_changed_rows();
        for (i, (e, after)) in steps.into_iter().enumerate() {
            let _ = w.apply(e);
            if after == 0 {
                let _ = w.undo().unwrap();
            } else if after == 1 {
                let _ = w.undo().unwrap();
                let _ = w.redo().unwrap();
            }
            // Saves now and then: the rows count from the last one.
            if i % 2 == 1 {
                let rows = w.take_changed_rows();
                let now = w.snapshot().dataset.observations.clone();
                if let Some(rows) = rows {
                    prop_assert!(same_outside(&saved, &now, &rows), "rows {:?}", rows);
                }
                saved = now;
            }
        }
    }
}

#[test]
fn a_cell_edit_and_its_undo_report_one_row_and_an_insert_reports_none() {
    let mut w = ws();
    let _ = w.take_changed_rows();
    w.apply(cell(
        "xixing-guanhe",
        2026,
        5,
        Field::Unemployed,
        Some(Value::Count(77)),
    ))
    .unwrap();
    let at = w
        .snapshot()
        .dataset
        .observations
        .iter()
        .position(|o| o.region == "xixing-guanhe" && o.month == Month::new(2026, 5).unwrap())
        .unwrap();
    assert_eq!(w.take_changed_rows(), Some(vec![at]));
    assert_eq!(w.take_changed_rows(), Some(vec![]), "taken");
    w.undo().unwrap().unwrap();
    assert_eq!(w.take_changed_rows(), Some(vec![at]));
    // A month the region has no observation for: one is inserted, the rows after it move.
    w.apply(cell(
        "xixing-guanhe",
        2030,
        1,
        Field::Unemployed,
        Some(Value::Count(5)),
    ))
    .unwrap();
    assert_eq!(w.take_changed_rows(), None);
    assert_eq!(w.take_changed_rows(), Some(vec![]));
}
