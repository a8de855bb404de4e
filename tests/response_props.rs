//! Model-based properties of the response reducer: whatever sequence of actions arrives, a
//! refused action changes nothing, every accepted one adds exactly one audit entry, and the
//! procedure's invariants hold (one open response at a time, approval before issue, both §7
//! approvals and the notice before close, closed responses never change).
#![cfg(not(target_arch = "wasm32"))]
// Test code, helpers included, stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use uew::model::Scope;
use uew::month::Month;
use uew::plan::{Level, Plan, Text};
use uew::response::{
    Action, Activation, ActivationRequest, Basis, BulletinContent, BulletinFields, BulletinStatus,
    EndCheck, EndEvaluation, LaterData, LevelChangeRequest, MeasureStatus, Phase, Post, Procedure,
    ResponseState, Timestamp,
};
use uew::rules::{Decider, Status};

const LEVELS: [Option<Level>; 4] = [Some(Level::L1), Some(Level::L2), Some(Level::L3), None];

fn basis(month: i64, level: Option<Level>) -> Basis {
    let s = level.map_or(Status::Normal, |level| Status::Warning { level });
    Basis {
        scope: Scope::District,
        month: Month::new(2026, 1).unwrap().plus(month).unwrap(),
        effective: s,
        decided_by: Decider::Indicators,
        indicator: s,
        special: None,
        city: None,
    }
}

fn content(full: bool) -> Box<BulletinContent> {
    let f = |s: &str| Text::new(s, if full { s } else { "" });
    Box::new(BulletinContent {
        title: f("t"),
        area: f("a"),
        start: Timestamp::parse_cst("2026-01-01 00:00").unwrap(),
        fields: BulletinFields {
            category: f("c"),
            level: f("l"),
            start: f("s"),
            scope: f("sc"),
            items: f("i"),
            measures: f("m"),
            issuer: f("is"),
        },
    })
}

/// One generated step: an action code, small parameters, and whether the inputs are the
/// valid ones (mostly, so that runs get far into the procedure).
#[derive(Clone, Debug)]
struct Step {
    code: u8,
    a: u8,
    b: u8,
    valid: bool,
}

/// Any action, valid or not.
fn noise() -> impl Strategy<Value = Step> {
    (0u8..20, 0u8..8, 0u8..8, any::<bool>()).prop_map(|(code, a, b, valid)| Step {
        code,
        a,
        b,
        valid,
    })
}

/// The playbook in order — start, HQ, measure, bulletin, clock, update, cancel, §7, close —
/// as (code, b); `a` is drawn (it picks the level of the start).
const SCRIPT: [(u8, u8); 17] = [
    (0, 0),
    (18, 0),
    (2, 0),
    (5, 0),
    (7, 0),
    (8, 0),
    (4, 0),
    (10, 0),
    (7, 1),
    (8, 1),
    (12, 1),
    (13, 0),
    (14, 0),
    (15, 0),
    (16, 0),
    (17, 0),
    (19, 0),
];

/// The script with some steps made invalid and random actions in between.
fn script() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        (
            proptest::collection::vec(noise(), 0..3),
            proptest::bool::weighted(0.9),
            0u8..8,
        ),
        SCRIPT.len(),
    )
    .prop_map(|parts| {
        let mut out = Vec::new();
        for ((noise, valid, a), (code, b)) in parts.into_iter().zip(SCRIPT) {
            out.extend(noise);
            out.push(Step { code, a, b, valid });
        }
        out
    })
}

/// [`action`], with a valid issue given the later data of the month the level rests on (the
/// latest, here) and an invalid one none.
fn action_on(state: &ResponseState, s: &Step, at: Timestamp, plan: &Plan) -> Action {
    match action(s, at, plan) {
        Action::IssueBulletin { id, reason, .. } if s.valid => Action::IssueBulletin {
            id,
            later: state
                .responses()
                .last()
                .map(|r| LaterData::none(r.basis_month())),
            reason,
        },
        a => a,
    }
}

fn action(s: &Step, at: Timestamp, plan: &Plan) -> Action {
    let level = LEVELS[usize::from(s.a % 3)].unwrap_or(Level::L3);
    let basis_level = if s.valid {
        Some(level)
    } else {
        LEVELS[usize::from(s.b % 4)]
    };
    let when = if s.valid {
        at
    } else {
        at.plus_hours(1).unwrap()
    };
    let who = |w: &str| if s.valid { w.to_owned() } else { String::new() };
    let id = u32::from(s.b % 4) + 1;
    let month = i64::from(s.a) + i64::from(s.b);
    match s.code {
        0 => Action::Activate(Box::new(Activation {
            request: ActivationRequest {
                level,
                approved_by: who("commander"),
                approved_at: when,
                level_reached_at: at,
                event_time: s.b.is_multiple_of(2).then_some(at),
                exercise: s.b.is_multiple_of(3),
                scenario: None,
                later: s.valid.then(|| LaterData::none(basis(month, None).month)),
                reason: String::new(),
            },
            basis: basis(month, basis_level),
            procedure: Procedure::from_plan(plan),
        })),
        1 => Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: level,
            basis: basis(month, basis_level),
            approved_by: who("commander"),
            approved_at: when,
            level_reached_at: at,
            reason: String::new(),
            later: s.valid.then(|| LaterData::none(basis(month, None).month)),
        })),
        2 => Action::SetMeasure {
            clause: format!("§6.{}-{}", s.a % 3 + 1, s.b + 1),
            status: MeasureStatus::ALL[usize::from(s.b % 3)],
            owner: String::new(),
            note: String::new(),
        },
        3 => Action::AddPackage {
            level: LEVELS[usize::from(s.b % 3)].unwrap_or(Level::L3),
        },
        4 => Action::CompleteDeadline {
            id: u32::from(s.b % 6) + 1,
            at: when,
        },
        5 => Action::DraftBulletin {
            content: content(s.valid),
        },
        6 => Action::EditBulletin {
            id,
            content: content(s.valid),
        },
        7 => Action::ApproveBulletin {
            id,
            approved_by: who("commander"),
            approved_at: when,
        },
        8 | 9 => Action::IssueBulletin {
            id,
            later: None,
            reason: String::new(),
        },
        10 => Action::UpdateBulletin {
            id,
            content: content(s.valid),
        },
        11 => Action::WithdrawBulletin { id },
        12 => Action::CancelBulletin {
            id,
            reason: who("over"),
            approved_by: "commander".into(),
            approved_at: when,
        },
        13 => Action::RecordEndEvaluation {
            evaluation: Box::new(EndEvaluation {
                cause: "c".into(),
                nature: "n".into(),
                impact: "i".into(),
                responsibility: who("r"),
                lessons: "l".into(),
            }),
            check: EndCheck {
                as_of: Month::new(2026, 1)
                    .unwrap()
                    .plus(if s.valid { 40 } else { month })
                    .unwrap(),
                required_months: 3,
                months_since_warning: Some(u32::from(s.a)),
                months_normal: u32::from(s.a),
                effective_normal: true,
                met: s.valid || s.a >= 3,
            },
        },
        14 => Action::ApproveEnd {
            approved_by: who("district"),
            approved_at: when,
        },
        15 => Action::ApproveEndCity {
            approved_by: who("city"),
            approved_at: when,
        },
        16 => Action::NotifyEnd,
        17 => Action::Close,
        18 => Action::SetHqMember {
            post: if s.valid {
                Post::Deputy(u32::from(s.a % 2))
            } else {
                Post::Member(format!("unit-{}", s.a))
            },
            name: "n".into(),
            contact: String::new(),
        },
        _ => Action::Decide { text: who("d") },
    }
}

/// Step `i` happens 7 hours after step `i - 1`.
fn time(i: usize) -> Timestamp {
    Timestamp::parse_cst("2026-01-01 08:00")
        .unwrap()
        .plus_hours(u32::try_from(i).unwrap() * 7)
        .unwrap()
}

fn check_invariants(s: &ResponseState) {
    let open = s.responses().iter().filter(|r| !r.is_closed()).count();
    assert!(open <= 1);
    if open == 1 {
        assert!(!s.responses().last().unwrap().is_closed());
    }
    for r in s.responses() {
        assert_eq!(
            r.level,
            r.level_changes.last().map_or(r.activation.level, |c| c.to)
        );
        for b in &r.bulletins {
            if b.issued.is_some() {
                assert!(b.approval.is_some(), "issued without approval");
            }
            if b.status() == BulletinStatus::Cancelled {
                assert!(b.issued.is_some());
            }
        }
        for d in &r.deadlines {
            if let Some(c) = &d.completed {
                assert!(c.at >= d.from && c.at <= c.recorded_at);
            }
        }
        if r.phase() == Phase::Closed {
            let e = r.end.as_ref().unwrap();
            assert!(e.check.met);
            assert!(e.district_approval.is_some() && e.city_approval.is_some());
            assert!(e.notice.is_some());
            assert!(r.bulletins_in_force().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_reducer_keeps_the_procedure(steps in script()) {
        let plan = Plan::binjiang_2020();
        let mut s = ResponseState::new();
        for (i, st) in steps.iter().enumerate() {
            let at = time(i);
            let before = s.clone();
            let closed_before: Vec<_> = s.responses().iter().filter(|r| r.is_closed()).cloned().collect();
            match s.apply(action_on(&s, st, at, &plan), at, "office") {
                Ok(()) => {
                    prop_assert_eq!(s.audit().len(), before.audit().len() + 1);
                    prop_assert_eq!(&s.audit()[..before.audit().len()], before.audit());
                    let last = s.audit().last().unwrap();
                    prop_assert_eq!(last.at, at);
                    prop_assert_eq!(last.seq as usize, s.audit().len());
                }
                Err(e) => {
                    prop_assert_eq!(&s, &before);
                    prop_assert!(!e.message(uew::i18n::Lang::Zh).is_empty());
                }
            }
            // Closed responses never change.
            for c in &closed_before {
                prop_assert_eq!(s.response(c.id), Some(c));
            }
            check_invariants(&s);
        }
        let back: ResponseState = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        prop_assert_eq!(back, s);
    }
}

/// The generator is worth its cases: most runs issue a bulletin and many get to the close.
#[test]
fn the_script_reaches_every_phase() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let plan = Plan::binjiang_2020();
    let mut runner = TestRunner::deterministic();
    let (mut issued, mut cancelled, mut closed) = (0, 0, 0);
    let runs = 96;
    for _ in 0..runs {
        let steps = script().new_tree(&mut runner).unwrap().current();
        let mut s = ResponseState::new();
        for (i, st) in steps.iter().enumerate() {
            let at = time(i);
            let _ = s.apply(action_on(&s, st, at, &plan), at, "office");
        }
        let bulletins = || s.responses().iter().flat_map(|r| r.bulletins.iter());
        issued += usize::from(bulletins().any(|b| b.issued.is_some()));
        cancelled += usize::from(bulletins().any(|b| b.cancelled.is_some()));
        closed += usize::from(s.responses().iter().any(|r| r.is_closed()));
    }
    assert!(
        issued * 2 >= runs,
        "{issued} of {runs} runs issue a bulletin"
    );
    assert!(
        cancelled * 3 >= runs,
        "{cancelled} of {runs} runs cancel one"
    );
    assert!(closed * 5 >= runs, "{closed} of {runs} runs close");
}
