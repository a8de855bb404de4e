//! Unit tests of the playbook core: time arithmetic, clocks, every refusal, the checklist, the
//! HQ across level changes, bulletins, CAP text and the §7 check.

use super::*;
use crate::i18n::Lang;
use crate::model::Scope;
use crate::month::Month;
use crate::plan::{Level, Plan, Text};
use crate::response::error::{EndStep, Field};
use crate::rules::{Decider, MonthSummary, Status, Timeline, TimelineMonth};

const L1: Level = Level::L1;
const L2: Level = Level::L2;
const L3: Level = Level::L3;

fn t(text: &str) -> Timestamp {
    Timestamp::parse_cst(text).unwrap()
}

fn m(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn basis(month: &str, level: Option<Level>) -> Basis {
    let s = match level {
        Some(level) => Status::Warning { level },
        None => Status::Normal,
    };
    Basis {
        scope: Scope::District,
        month: m(month),
        effective: s,
        decided_by: if level.is_some() {
            Decider::Indicators
        } else {
            Decider::None
        },
        indicator: s,
        special: None,
        city: None,
    }
}

fn activation(level: Level, b: Basis) -> Action {
    Action::Activate(Box::new(Activation {
        request: ActivationRequest {
            level,
            approved_by: "张总指挥".into(),
            approved_at: t("2026-01-31 19:00"),
            level_reached_at: t("2026-01-31 20:00"),
            event_time: Some(t("2026-01-31 20:00")),
            exercise: false,
            scenario: None,
            later: Some(LaterData::none(b.month)),
            reason: String::new(),
        },
        basis: b,
        procedure: Procedure::from_plan(&Plan::binjiang_2020()),
    }))
}

const NOW: &str = "2026-01-31 21:00";

/// Issue bulletin `id` of a real response whose level rests on the latest month (`mk_basis`'s).
fn issue(id: u32) -> Action {
    Action::IssueBulletin {
        id,
        later: Some(LaterData::none(m("2026-01"))),
        reason: String::new(),
    }
}

/// A state with an active response at `level` (activated at 21:00 on 2026-01-31).
fn active(level: Level) -> ResponseState {
    let mut s = ResponseState::new();
    s.apply(
        activation(level, basis("2026-01", Some(level))),
        t(NOW),
        "办公室",
    )
    .unwrap();
    s
}

fn content(title: &str) -> Box<BulletinContent> {
    let f = |s: &str| Text::new(s, s);
    Box::new(BulletinContent {
        title: f(title),
        area: Text::new("滨江区", "Binjiang District"),
        start: t("2026-01-31 20:00"),
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

fn ok(s: &mut ResponseState, a: Action, at: &str) {
    s.apply(a, t(at), "办公室").unwrap();
}

/// Applies an action expected to be refused; the state must not change.
fn refuse(s: &ResponseState, a: Action, at: &str) -> ResponseError {
    let mut copy = s.clone();
    let e = copy.apply(a, t(at), "办公室").unwrap_err();
    assert_eq!(&copy, s, "a refused action changed the state: {e:?}");
    for lang in Lang::ALL {
        assert!(!e.message(lang).trim().is_empty());
    }
    assert_ne!(e.message(Lang::Zh), e.message(Lang::En));
    e
}

// ---------------------------------------------------------------- time

#[test]
fn deadlines_cross_midnight_month_and_year_ends() {
    let rows = [
        ("2026-01-31 20:00", 12, "2026-02-01 08:00"),
        ("2026-12-31 10:00", 48, "2027-01-02 10:00"),
        ("2026-02-28 20:00", 12, "2026-03-01 08:00"),
        ("2028-02-28 20:00", 12, "2028-02-29 08:00"),
        ("2026-04-30 23:59", 24, "2026-05-01 23:59"),
        ("2026-12-31 23:00", 1, "2027-01-01 00:00"),
        ("2026-06-30 12:00", 0, "2026-06-30 12:00"),
    ];
    for (from, h, due) in rows {
        assert_eq!(
            t(from).plus_hours(h).unwrap().format_cst(),
            due,
            "{from} + {h} h"
        );
    }
}

#[test]
fn timestamps_parse_and_print_in_china_standard_time() {
    let a = t("2026-01-31 20:00");
    // 20:00 CST is 12:00 UTC.
    assert_eq!(a, Timestamp::parse_rfc3339("2026-01-31T12:00:00Z").unwrap());
    assert_eq!(a.rfc3339_cst(), "2026-01-31T20:00:00+08:00");
    assert_eq!(Timestamp::parse("2026-01-31T20:00:00+08:00").unwrap(), a);
    assert_eq!(t("2026-01-31T20:00"), a);
    assert_eq!(t("2026-01-31 20:00:00"), a);
    // The CST month changes at CST midnight, 16:00 UTC the day before.
    assert_eq!(t("2026-01-31 23:59").cst_month(), Some(m("2026-01")));
    assert_eq!(t("2026-02-01 00:00").cst_month(), Some(m("2026-02")));
    assert_eq!(
        t("2026-02-01 00:00").unix_seconds() - t("2026-01-31 23:59").unix_seconds(),
        60
    );
    for bad in [
        "2026-01-31",
        "2026-01-31 24:00",
        "2026-02-30 10:00",
        "2026-1-31 10:00",
        "x",
    ] {
        assert!(Timestamp::parse_cst(bad).is_err(), "{bad}");
    }
    assert_eq!(
        Timestamp::parse_cst("2026-01-31 7:00"),
        Err(time::TimeError::Format)
    );
    assert_eq!(
        Timestamp::parse_cst("2026-13-01 10:00"),
        Err(time::TimeError::Range)
    );
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(json, "\"2026-01-31T20:00:00+08:00\"");
    assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), a);
    assert_eq!(
        Timestamp::MIN.format_cst(),
        "1990-01-01 00:00",
        "the earliest instant is the start of the plausible span"
    );
    assert_eq!(Timestamp::MAX.format_cst(), "2100-12-31 23:59");
    assert_eq!(
        Timestamp::parse_cst("9999-12-31 10:00"),
        Err(time::TimeError::Range)
    );
    assert_eq!(Timestamp::MAX.plus_hours(1), None);
    assert_eq!(Timestamp::from_unix_seconds(i64::MAX), None);
}

#[test]
fn countdowns_read_in_both_languages() {
    let due = t("2026-02-01 08:00");
    let rows = [
        ("2026-02-01 04:40", "还剩 3 小时 20 分", "3 h 20 min left"),
        ("2026-02-01 05:00", "还剩 3 小时", "3 h left"),
        ("2026-02-01 07:40", "还剩 20 分", "20 min left"),
        ("2026-02-01 08:00", "还剩不足 1 分", "under 1 min left"),
        ("2026-02-01 09:00", "已超时 1 小时", "overdue by 1 h"),
        (
            "2026-02-01 09:05",
            "已超时 1 小时 5 分",
            "overdue by 1 h 5 min",
        ),
        ("2026-01-30 08:00", "还剩 48 小时", "48 h left"),
    ];
    for (now, zh, en) in rows {
        let c = Countdown::until(t(now), due);
        assert_eq!(c.text(Lang::Zh), zh, "{now}");
        assert_eq!(c.text(Lang::En), en, "{now}");
    }
    // Time left rounds down, time overdue rounds up.
    let just = Timestamp::from_unix_seconds(due.unix_seconds() - 59).unwrap();
    assert_eq!(Countdown::until(just, due), Countdown::Left { minutes: 0 });
    let late = Timestamp::from_unix_seconds(due.unix_seconds() + 1).unwrap();
    assert_eq!(
        Countdown::until(late, due),
        Countdown::Overdue { minutes: 1 }
    );
}

// ---------------------------------------------------------------- activation and clocks

#[test]
fn activation_starts_the_level_clocks_from_the_recorded_times() {
    let s = active(L2);
    let r = s.active().unwrap();
    assert_eq!(r.id, 1);
    assert_eq!(r.level, L2);
    let due: Vec<(&str, String)> = r
        .deadlines
        .iter()
        .map(|d| (d.deadline.as_str(), d.due.format_cst()))
        .collect();
    assert_eq!(
        due,
        vec![
            ("on-site", "2026-02-01 08:00".to_owned()),
            ("first-report", "2026-02-01 20:00".to_owned()),
            ("level-report-12", "2026-02-02 20:00".to_owned()),
            // "At the same time": with the level report, not at once.
            ("city-report", "2026-02-02 20:00".to_owned()),
        ]
    );
    let d = &r.deadlines[0];
    assert_eq!(
        d.status_text(t("2026-02-01 04:40"), Lang::Zh),
        "还剩 3 小时 20 分"
    );
    assert!(d.is_overdue(t("2026-02-01 09:00")));
    assert_eq!(r.overdue(t("2026-02-01 09:00")).len(), 1);

    let s3 = active(L3);
    let r3 = s3.active().unwrap();
    let l3 = r3
        .deadlines
        .iter()
        .find(|d| d.deadline == "level-report-3")
        .unwrap();
    assert_eq!(l3.due.format_cst(), "2026-02-01 20:00");
    assert!(l3.to.zh.contains("区委区政府"));
    assert!(r3.deadlines.iter().all(|d| d.deadline != "level-report-12"));
}

#[test]
fn without_a_sudden_event_only_the_reporting_clocks_run() {
    let mut s = ResponseState::new();
    let mut a = activation(L3, basis("2026-01", Some(L3)));
    if let Action::Activate(x) = &mut a {
        x.request.event_time = None;
    }
    ok(&mut s, a, NOW);
    let ids: Vec<&str> = s
        .active()
        .unwrap()
        .deadlines
        .iter()
        .map(|d| d.deadline.as_str())
        .collect();
    assert_eq!(ids, ["level-report-3", "city-report"]);
}

#[test]
fn refusals_name_what_is_missing() {
    let empty = ResponseState::new();
    let insufficient = Basis {
        effective: Status::InsufficientData {
            at_least: None,
            could_be: L3,
        },
        indicator: Status::InsufficientData {
            at_least: None,
            could_be: L3,
        },
        decided_by: Decider::None,
        ..basis("2026-01", None)
    };
    let street = Basis {
        scope: Scope::Street("xixing".into()),
        ..basis("2026-01", Some(L3))
    };
    let no_approver = {
        let mut a = activation(L3, basis("2026-01", Some(L3)));
        if let Action::Activate(x) = &mut a {
            x.request.approved_by = "  ".into();
        }
        a
    };
    let late_approval = {
        let mut a = activation(L3, basis("2026-01", Some(L3)));
        if let Action::Activate(x) = &mut a {
            x.request.approved_at = t("2026-02-01 10:00");
        }
        a
    };
    let rows: Vec<(&str, &ResponseState, Action, ResponseError)> = vec![
        (
            "§3.1: nothing holds",
            &empty,
            activation(L3, basis("2026-01", None)),
            ResponseError::BelowLevel3 {
                month: m("2026-01"),
                possible: None,
            },
        ),
        (
            "§3.1: missing data could give level 3, but nothing holds for certain",
            &empty,
            activation(L3, insufficient),
            ResponseError::BelowLevel3 {
                month: m("2026-01"),
                possible: Some(L3),
            },
        ),
        (
            "a level the evaluation does not support",
            &empty,
            activation(L2, basis("2026-01", Some(L3))),
            ResponseError::LevelMismatch {
                requested: L2,
                supported: L3,
            },
        ),
        (
            "a street",
            &empty,
            activation(L3, street),
            ResponseError::NotDistrict,
        ),
        (
            "no approver",
            &empty,
            no_approver,
            ResponseError::MissingPerson {
                what: Field::Approver,
            },
        ),
        (
            "approved after it is recorded",
            &empty,
            late_approval,
            ResponseError::InFuture {
                what: Field::ApprovalTime,
            },
        ),
        (
            "no response yet",
            &empty,
            Action::NotifyEnd,
            ResponseError::NoResponse,
        ),
    ];
    for (name, state, action, want) in rows {
        assert_eq!(refuse(state, action, NOW), want, "{name}");
    }
    let mut nobody = ResponseState::new();
    assert_eq!(
        nobody.apply(activation(L3, basis("2026-01", Some(L3))), t(NOW), " "),
        Err(ResponseError::MissingPerson { what: Field::Actor })
    );
}

#[test]
fn refusals_on_an_active_response() {
    let s2 = active(L2);
    let s3 = active(L3);
    let later = "2026-02-01 10:00";
    let rows: Vec<(&str, &ResponseState, Action, ResponseError)> = vec![
        (
            "one response at a time",
            &s2,
            activation(L2, basis("2026-01", Some(L2))),
            ResponseError::AlreadyActive { id: 1 },
        ),
        (
            "same level",
            &s2,
            Action::change_level(&dummy_eval(), L2, "张", t(later), t(later), ""),
            ResponseError::SameLevel { level: L2 },
        ),
        (
            "below level 3 is the end (§7), not a level change",
            &s2,
            Action::ChangeLevel(Box::new(LevelChangeRequest {
                to: L3,
                basis: basis("2026-02", None),
                approved_by: "张".into(),
                approved_at: t(later),
                level_reached_at: t(later),
                reason: String::new(),
                later: Some(LaterData::none(m("2026-02"))),
            })),
            ResponseError::BelowLevel3 {
                month: m("2026-02"),
                possible: None,
            },
        ),
        (
            "unknown post",
            &s2,
            Action::SetHqMember {
                post: Post::Member("nasa".into()),
                name: "x".into(),
                contact: String::new(),
            },
            ResponseError::UnknownPost,
        ),
        (
            "unknown deputy",
            &s2,
            Action::SetHqMember {
                post: Post::Deputy(7),
                name: "x".into(),
                contact: String::new(),
            },
            ResponseError::UnknownPost,
        ),
        (
            "empty decision",
            &s2,
            Action::Decide { text: " ".into() },
            ResponseError::MissingText {
                what: Field::Decision,
            },
        ),
        (
            "a measure not on the list",
            &s2,
            Action::SetMeasure {
                clause: "§6.1-1".into(),
                status: MeasureStatus::Done,
                owner: String::new(),
                note: String::new(),
            },
            ResponseError::UnknownMeasure {
                clause: "§6.1-1".into(),
            },
        ),
        (
            "§6.3 has no packages",
            &s3,
            Action::AddPackage { level: L3 },
            ResponseError::PackageNotAllowed {
                package: L3,
                level: L3,
            },
        ),
        (
            "§6.2 may add level 3 only",
            &s2,
            Action::AddPackage { level: L1 },
            ResponseError::PackageNotAllowed {
                package: L1,
                level: L2,
            },
        ),
        (
            "unknown deadline",
            &s2,
            Action::CompleteDeadline {
                id: 99,
                at: t(later),
            },
            ResponseError::UnknownDeadline { id: 99 },
        ),
        (
            "done in the future",
            &s2,
            Action::CompleteDeadline {
                id: 1,
                at: t("2026-02-02 10:00"),
            },
            ResponseError::InFuture {
                what: Field::CompletionTime,
            },
        ),
        (
            "done before the clock started",
            &s2,
            Action::CompleteDeadline {
                id: 1,
                at: t("2026-01-31 19:00"),
            },
            ResponseError::BeforeStart {
                what: Field::CompletionTime,
            },
        ),
        (
            "unknown bulletin",
            &s2,
            issue(5),
            ResponseError::UnknownBulletin { id: 5 },
        ),
        (
            "§7.2 needs the evaluation first",
            &s2,
            Action::ApproveEnd {
                approved_by: "区政府".into(),
                approved_at: t(later),
            },
            ResponseError::EndNeedsEvaluation,
        ),
        (
            "closing needs the evaluation",
            &s2,
            Action::Close,
            ResponseError::EndNeedsEvaluation,
        ),
    ];
    for (name, state, action, want) in rows {
        assert_eq!(refuse(state, action, later), want, "{name}");
    }
}

/// An evaluation of the district at level 2 in 2026-01, for building level changes.
fn dummy_eval() -> crate::rules::Evaluation {
    let plan = Plan::binjiang_2020();
    let mut data = crate::model::Dataset::default();
    data.regions.push(crate::model::Region::new(
        "d",
        crate::model::RegionKind::District,
        "滨江区",
        None,
    ));
    data.city_warnings.push(crate::model::CityWarning {
        level: L2,
        from: m("2026-01"),
        until: None,
        note: String::new(),
    });
    crate::rules::evaluate(&plan, &data, &Scope::District, m("2026-01"))
}

#[test]
fn a_city_warning_alone_allows_a_start() {
    let e = dummy_eval();
    assert_eq!(e.decided_by, Decider::City);
    assert_eq!(activatable_level(&e), Ok(L2));
    let mut s = ResponseState::new();
    let a = Action::activate(
        &Plan::binjiang_2020(),
        &e,
        ActivationRequest {
            level: L2,
            approved_by: "张".into(),
            approved_at: t(NOW),
            level_reached_at: t(NOW),
            event_time: None,
            exercise: false,
            scenario: None,
            later: Some(LaterData::none(e.month)),
            reason: String::new(),
        },
    );
    ok(&mut s, a, NOW);
    assert_eq!(s.active().unwrap().activation.basis.city, Some(L2));
    assert_eq!(
        start_procedure(&Plan::binjiang_2020(), L2).map(|c| c.id.as_str()),
        Some("§6.2-start")
    );
}

#[test]
fn deadlines_are_completed_once() {
    let mut s = active(L2);
    ok(
        &mut s,
        Action::CompleteDeadline {
            id: 1,
            at: t("2026-02-01 07:30"),
        },
        "2026-02-01 07:45",
    );
    ok(
        &mut s,
        Action::CompleteDeadline {
            id: 2,
            at: t("2026-02-01 21:10"),
        },
        "2026-02-01 21:15",
    );
    let r = s.active().unwrap();
    assert_eq!(
        r.deadlines[0].state(t("2026-02-05 00:00")),
        DeadlineState::DoneOnTime
    );
    assert_eq!(
        r.deadlines[1].state(t("2026-02-05 00:00")),
        DeadlineState::DoneLate { minutes: 70 }
    );
    assert_eq!(
        r.deadlines[1].status_text(t("2026-02-05 00:00"), Lang::En),
        "done 1 h 10 min late (2026-02-01 21:10)"
    );
    assert_eq!(
        refuse(
            &s,
            Action::CompleteDeadline {
                id: 1,
                at: t("2026-02-01 07:30")
            },
            "2026-02-01 22:00"
        ),
        ResponseError::DeadlineAlreadyCompleted { id: 1 }
    );
    let last = s.audit().last().unwrap();
    assert_eq!(
        last.event.describe(Lang::Zh),
        "时限 #2 先期处置报告（§5.3）于 2026-02-01 21:10 完成，逾期 1 小时 10 分"
    );
}

// ---------------------------------------------------------------- HQ and measures

#[test]
fn the_hq_follows_the_level() {
    let mut s = active(L2);
    let r = s.active().unwrap();
    assert_eq!(r.hq.commander.role.zh, "区政府分管人力社保工作的副区长");
    assert_eq!(r.hq.deputies.len(), 2);
    assert_eq!(r.hq.members.len(), Plan::binjiang_2020().hq.members.len());
    assert_eq!(r.hq.members[0].role.zh, "分管负责人");
    assert!(!r.hq.principal_leaders());
    assert_eq!(r.hq.unfilled().len(), 1 + 2 + r.hq.members.len());
    for (post, name) in [
        (Post::Commander, "李副区长"),
        (Post::Deputy(1), "王局长"),
        (Post::Member("finance".into()), "赵副局长"),
    ] {
        ok(
            &mut s,
            Action::SetHqMember {
                post,
                name: name.into(),
                contact: "0571-0000".into(),
            },
            NOW,
        );
    }
    // To level 1: the district head commands and principal leaders sit; deputies stay.
    ok(
        &mut s,
        Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: L1,
            basis: basis("2026-02", Some(L1)),
            approved_by: "区长".into(),
            approved_at: t("2026-02-01 09:00"),
            level_reached_at: t("2026-02-01 08:00"),
            reason: "关停人数超过 15 000".into(),
            later: Some(LaterData::none(m("2026-02"))),
        })),
        "2026-02-01 09:30",
    );
    let r = s.active().unwrap();
    assert_eq!(r.hq.commander.role.zh, "区长");
    assert_eq!(r.hq.commander.name, "");
    assert_eq!(r.hq.deputies[1].name, "王局长");
    assert!(r.hq.principal_leaders());
    assert_eq!(r.hq.members[0].role.zh, "主要负责人");
    assert!(r.hq.members.iter().all(|m| m.name.is_empty()));
    assert_eq!(r.level_changes[0].hq_before.commander.name, "李副区长");
    // The level-1 reporting clock started at the new level.
    assert!(r.deadlines.iter().any(|d| d.level == L1
        && d.deadline == "level-report-12"
        && d.due.format_cst() == "2026-02-03 08:00"));
    // The level-2 measures are now the level-2 package of the level-1 response.
    assert_eq!(r.packages, vec![L2]);
    assert_eq!(r.measures[0].clause, "§6.1-1");
    assert_eq!(r.addable_packages(), vec![L3]);
}

#[test]
fn escalation_keeps_the_people_where_the_posts_stay() {
    let mut s = active(L3);
    ok(
        &mut s,
        Action::SetHqMember {
            post: Post::Commander,
            name: "李副区长".into(),
            contact: String::new(),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::change_level(&dummy_eval(), L2, "李副区长", t(NOW), t(NOW), "")
            .with_later(LaterData::none(m("2026-01"))),
        NOW,
    );
    let r = s.active().unwrap();
    assert_eq!(r.hq.commander.name, "李副区长");
    assert_eq!(r.packages, vec![L3]);
    assert_eq!(r.measures.len(), 8 + 10);
    assert_eq!(r.measures[0].level, L2);
}

#[test]
fn measures_per_unit_and_at_a_glance() {
    let mut s = active(L2);
    let r = s.active().unwrap();
    assert_eq!(r.measures.len(), 8);
    let finance: Vec<&str> = r
        .tasks_of("finance")
        .iter()
        .map(|m| m.clause.as_str())
        .collect();
    assert_eq!(finance, ["§6.2-1", "§6.2-2", "§6.2-3", "§6.2-4", "§6.2-6"]);
    assert!(r.tasks_of("police").is_empty());
    ok(&mut s, Action::AddPackage { level: L3 }, NOW);
    assert_eq!(
        refuse(&s, Action::AddPackage { level: L3 }, NOW),
        ResponseError::PackageAlreadyAdded { package: L3 }
    );
    ok(
        &mut s,
        Action::SetMeasure {
            clause: "§6.2-1".into(),
            status: MeasureStatus::InProgress,
            owner: " 王科长 ".into(),
            note: "已召开协调会".into(),
        },
        "2026-02-01 09:00",
    );
    ok(
        &mut s,
        Action::SetMeasure {
            clause: "§6.2-1".into(),
            status: MeasureStatus::Done,
            owner: "王科长".into(),
            note: String::new(),
        },
        "2026-02-03 17:00",
    );
    ok(
        &mut s,
        Action::SetMeasure {
            clause: "§6.3-4".into(),
            status: MeasureStatus::InProgress,
            owner: String::new(),
            note: String::new(),
        },
        "2026-02-03 17:00",
    );
    let r = s.active().unwrap();
    assert_eq!(r.measures.len(), 18);
    let done = r.measure("§6.2-1").unwrap();
    assert_eq!(done.owner, "王科长");
    assert_eq!(done.started, Some(t("2026-02-01 09:00")));
    assert_eq!(done.done, Some(t("2026-02-03 17:00")));
    let p = r.progress();
    assert_eq!(
        (p.total, p.done, p.in_progress, p.not_started),
        (18, 1, 1, 16)
    );
    assert_eq!(p.percent_done(), 5);
    assert_eq!(p.text(Lang::Zh), "18 项：已完成 1，进行中 1，未开始 16");
    let market = r.progress_of("market");
    assert_eq!((market.total, market.in_progress), (1, 1));
    let by_unit = r.progress_by_unit();
    assert_eq!(
        by_unit.first().map(|(u, _)| u.as_str()),
        Some("civil-affairs")
    );
    assert!(by_unit.iter().all(|(_, p)| p.total > 0));

    // De-escalation drops the level-2 items never begun and keeps the work done.
    ok(
        &mut s,
        Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: L3,
            basis: basis("2026-03", Some(L3)),
            approved_by: "李副区长".into(),
            approved_at: t("2026-03-02 09:00"),
            level_reached_at: t("2026-03-01 09:00"),
            reason: String::new(),
            later: Some(LaterData::none(m("2026-03"))),
        })),
        "2026-03-02 10:00",
    );
    let r = s.active().unwrap();
    let l2: Vec<&str> = r
        .measures
        .iter()
        .filter(|m| m.level == L2)
        .map(|m| m.clause.as_str())
        .collect();
    assert_eq!(l2, ["§6.2-1"]);
    assert_eq!(r.measures.len(), 11);
    assert!(r.packages.is_empty());
    assert_eq!(r.measures[0].level, L3);
    // No new reporting clock on de-escalation.
    assert!(r.deadlines.iter().all(|d| d.level == L2));
}

// ---------------------------------------------------------------- bulletins

#[test]
fn a_bulletin_is_approved_before_it_is_issued() {
    let mut s = active(L2);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("b1"),
        },
        NOW,
    );
    assert_eq!(
        refuse(&s, issue(1), NOW),
        ResponseError::BulletinNotApproved { id: 1 }
    );
    let mut gap = content("b1");
    gap.fields.items.en = String::new();
    gap.fields.issuer = Text::default();
    ok(
        &mut s,
        Action::EditBulletin {
            id: 1,
            content: gap,
        },
        NOW,
    );
    let approve = || Action::ApproveBulletin {
        id: 1,
        approved_by: "李副区长".into(),
        approved_at: t(NOW),
    };
    let e = refuse(&s, approve(), NOW);
    assert_eq!(
        e,
        ResponseError::BulletinIncomplete {
            missing: vec![
                ("items", Lang::En),
                ("issuer", Lang::Zh),
                ("issuer", Lang::En)
            ]
        }
    );
    assert_eq!(
        e.message(Lang::Zh),
        "预警信息缺少：警示事项（英文）、发布单位（中文）、发布单位（英文）（§5.4）。"
    );
    ok(
        &mut s,
        Action::EditBulletin {
            id: 1,
            content: content("b1"),
        },
        NOW,
    );
    ok(&mut s, approve(), NOW);
    assert_eq!(
        refuse(&s, approve(), NOW),
        ResponseError::BulletinNotDraft { id: 1 }
    );
    // Editing an approved bulletin withdraws the approval.
    ok(
        &mut s,
        Action::EditBulletin {
            id: 1,
            content: content("b1'"),
        },
        NOW,
    );
    assert_eq!(
        s.active().unwrap().bulletin(1).unwrap().status(),
        BulletinStatus::Draft
    );
    ok(&mut s, approve(), NOW);
    ok(&mut s, issue(1), NOW);
    let b = s.active().unwrap().bulletin(1).unwrap();
    assert_eq!(b.status(), BulletinStatus::Issued);
    assert_eq!(b.headline(Lang::Zh), "b1'");
    assert_eq!(
        refuse(
            &s,
            Action::EditBulletin {
                id: 1,
                content: content("x")
            },
            NOW
        ),
        ResponseError::BulletinNotDraft { id: 1 }
    );
    assert_eq!(
        refuse(&s, Action::WithdrawBulletin { id: 1 }, NOW),
        ResponseError::BulletinNotDraft { id: 1 }
    );

    // A change: drafted, approved, issued; the first is superseded.
    ok(
        &mut s,
        Action::UpdateBulletin {
            id: 1,
            content: content("b2"),
        },
        NOW,
    );
    assert_eq!(
        refuse(
            &s,
            Action::UpdateBulletin {
                id: 1,
                content: content("b3")
            },
            NOW
        ),
        ResponseError::UpdatePending { id: 1, draft: 2 }
    );
    assert_eq!(
        refuse(
            &s,
            Action::UpdateBulletin {
                id: 2,
                content: content("b3")
            },
            NOW
        ),
        ResponseError::BulletinNotIssued { id: 2 }
    );
    ok(
        &mut s,
        Action::ApproveBulletin {
            id: 2,
            approved_by: "李副区长".into(),
            approved_at: t(NOW),
        },
        NOW,
    );
    ok(&mut s, issue(2), NOW);
    let r = s.active().unwrap();
    assert_eq!(r.bulletin(1).unwrap().status(), BulletinStatus::Superseded);
    assert_eq!(r.bulletins_in_force().len(), 1);

    // Cancelling needs a reason and an approver.
    let cancel = |reason: &str, who: &str| Action::CancelBulletin {
        id: 2,
        reason: reason.into(),
        approved_by: who.into(),
        approved_at: t(NOW),
    };
    assert_eq!(
        refuse(&s, cancel("", "李"), NOW),
        ResponseError::MissingText {
            what: Field::Reason
        }
    );
    assert_eq!(
        refuse(&s, cancel("恢复正常", ""), NOW),
        ResponseError::MissingPerson {
            what: Field::Approver
        }
    );
    assert_eq!(
        refuse(
            &s,
            Action::CancelBulletin {
                id: 1,
                reason: "x".into(),
                approved_by: "李".into(),
                approved_at: t(NOW)
            },
            NOW
        ),
        ResponseError::BulletinNotIssued { id: 1 }
    );
    ok(&mut s, cancel("恢复正常", "李副区长"), NOW);
    assert_eq!(
        s.active().unwrap().bulletin(2).unwrap().status(),
        BulletinStatus::Cancelled
    );
    // A draft can be withdrawn.
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("b4"),
        },
        NOW,
    );
    ok(&mut s, Action::WithdrawBulletin { id: 3 }, NOW);
    assert_eq!(
        s.active().unwrap().bulletin(3).unwrap().status(),
        BulletinStatus::Withdrawn
    );
}

#[test]
fn a_bulletin_of_another_level_is_not_issued() {
    let mut s = active(L2);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("b1"),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::ApproveBulletin {
            id: 1,
            approved_by: "李".into(),
            approved_at: t(NOW),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: L3,
            basis: basis("2026-02", Some(L3)),
            approved_by: "李".into(),
            approved_at: t(NOW),
            level_reached_at: t(NOW),
            reason: String::new(),
            later: Some(LaterData::none(m("2026-02"))),
        })),
        NOW,
    );
    assert_eq!(
        refuse(&s, issue(1), NOW),
        ResponseError::BulletinStale {
            id: 1,
            level: L2,
            current: L3
        }
    );
}

#[test]
fn exercise_bulletins_are_marked_and_sent_as_exercises() {
    let mut s = ResponseState::new();
    let mut a = activation(L3, basis("2026-01", Some(L3)));
    if let Action::Activate(x) = &mut a {
        x.request.exercise = true;
    }
    ok(&mut s, a, NOW);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("滨江区三级失业预警"),
        },
        NOW,
    );
    let r = s.active().unwrap();
    let b = r.bulletin(1).unwrap();
    assert!(b.exercise);
    assert_eq!(b.headline(Lang::Zh), "【演练】滨江区三级失业预警");
    assert_eq!(b.headline(Lang::En), "EXERCISE: 滨江区三级失业预警");
    assert!(s.audit()[0]
        .event
        .describe(Lang::Zh)
        .starts_with("【演练】"));
    // Even when asked for an actual message.
    let env = CapEnvelope {
        msg_type: CapMsgType::Alert,
        status: CapStatus::Actual,
        identifier: CapId::new("x1").unwrap(),
        sender: CapId::new("s@example.org").unwrap(),
        sent: t(NOW),
        references: Vec::new(),
        note: None,
    };
    let xml = cap_xml(b, &env);
    assert!(xml.contains("<status>Exercise</status>"));
    assert!(xml.contains("<headline>【演练】滨江区三级失业预警</headline>"));
    assert!(!xml.contains("Actual"));
}

#[test]
fn cap_text_is_escaped_and_identifiers_are_checked() {
    assert_eq!(
        cap::escape("a<b & \"c\" 'd'>\u{1}\u{b}\r\n\t"),
        "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;&#13;\n\t"
    );
    for bad in ["", "a b", "a,b", "a<b", "a&b", "a\u{7}"] {
        assert!(CapId::new(bad).is_err(), "{bad:?}");
    }
    assert!(CapId::new("uew.binjiang-2020.r1.b1").is_ok());
    assert!(serde_json::from_str::<CapId>("\"a b\"").is_err());
    assert_eq!(cap::severity(L1), "Extreme");
    assert_eq!(cap::severity(L2), "Severe");
    assert_eq!(cap::severity(L3), "Moderate");
}

// ---------------------------------------------------------------- §7

fn timeline(indicators: &[(&str, Status, Status)]) -> Timeline {
    let months: Vec<TimelineMonth> = indicators
        .iter()
        .map(|(month, indicator, effective)| TimelineMonth {
            summary: MonthSummary {
                month: m(month),
                effective: *effective,
                decided_by: Decider::None,
                indicator: *indicator,
                rate: *indicator,
                closures: Status::Normal,
                layoffs: Status::Normal,
                other: Status::Normal,
                special: None,
                city: None,
            },
            months_since_indicator_warning: None,
        })
        .collect();
    Timeline {
        scope: Scope::District,
        from: months.first().unwrap().summary.month,
        to: months.last().unwrap().summary.month,
        months,
        transitions: Vec::new(),
        runs: Vec::new(),
    }
}

#[test]
fn the_end_needs_consecutive_complete_normal_months() {
    let n = Status::Normal;
    let w3 = Status::Warning { level: L3 };
    let gap = Status::InsufficientData {
        at_least: None,
        could_be: L3,
    };
    let tl = timeline(&[
        ("2025-08", w3, w3),
        ("2025-09", w3, w3),
        ("2025-10", n, n),
        ("2025-11", gap, gap),
        ("2025-12", n, n),
        ("2026-01", n, n),
        ("2026-02", n, n),
        ("2026-03", n, w3),
    ]);
    let rows = [
        ("2025-10", 3, 1, false),
        ("2025-12", 3, 1, false),
        ("2026-01", 3, 2, false),
        ("2026-02", 3, 3, true),
        ("2026-02", 4, 3, false),
        ("2026-02", 0, 3, true),
        // A city warning still in force.
        ("2026-03", 3, 4, false),
        // Not in the timeline.
        ("2026-05", 1, 0, false),
    ];
    for (as_of, required, normal, met) in rows {
        let c = end_conditions(&tl, m(as_of), required);
        assert_eq!(
            (c.months_normal, c.met),
            (normal, met),
            "{as_of} / {required}"
        );
        assert_eq!(c.required_months, required.max(1));
        assert_eq!(c.refusal().is_none(), met);
    }
    let c = end_conditions(&tl, m("2026-02"), DEFAULT_END_MONTHS);
    assert_eq!(
        c.text(Lang::Zh),
        "截至 2026-02，监测指标已连续 3 个月低于三级且数据完整（需 3 个月）：满足结束条件（§7.1）"
    );
    assert!(!end_conditions(&tl, m("2026-03"), 3).effective_normal);
}

fn check(as_of: &str, met: bool) -> EndCheck {
    EndCheck {
        as_of: m(as_of),
        required_months: 3,
        months_since_warning: Some(if met { 3 } else { 1 }),
        months_normal: if met { 3 } else { 1 },
        effective_normal: true,
        met,
    }
}

fn evaluation() -> Box<EndEvaluation> {
    Box::new(EndEvaluation {
        cause: "两家企业关停".into(),
        nature: "结构性".into(),
        impact: "10 500 人失业".into(),
        responsibility: "无失职".into(),
        lessons: "提前监测".into(),
    })
}

#[test]
fn the_end_goes_step_by_step_and_closes_read_only() {
    let mut s = active(L2);
    let at = "2026-06-01 10:00";
    let record = |c: EndCheck, e: Box<EndEvaluation>| Action::RecordEndEvaluation {
        evaluation: e,
        check: c,
    };
    assert_eq!(
        refuse(&s, record(check("2026-05", false), evaluation()), at),
        ResponseError::EndConditionsNotMet {
            as_of: m("2026-05"),
            months_normal: 1,
            required: 3,
            effective_normal: true
        }
    );
    assert_eq!(
        refuse(&s, record(check("2026-01", true), evaluation()), at),
        ResponseError::EndCheckTooEarly {
            as_of: m("2026-01"),
            since: m("2026-01")
        }
    );
    let mut partial = evaluation();
    partial.nature = String::new();
    partial.lessons = " ".into();
    let e = refuse(&s, record(check("2026-05", true), partial), at);
    assert_eq!(
        e,
        ResponseError::EndEvaluationIncomplete {
            missing: vec![EndField::Nature, EndField::Lessons]
        }
    );
    assert_eq!(
        e.message(Lang::Zh),
        "应急结束评估缺少：性质、经验教训（§7.2）。"
    );
    ok(&mut s, record(check("2026-05", true), evaluation()), at);
    assert_eq!(s.active().unwrap().phase(), Phase::Ending);
    let approve_city = || Action::ApproveEndCity {
        approved_by: "市失业应急办".into(),
        approved_at: t(at),
    };
    let approve_district = || Action::ApproveEnd {
        approved_by: "区政府".into(),
        approved_at: t(at),
    };
    assert_eq!(
        refuse(&s, approve_city(), at),
        ResponseError::EndNeedsDistrictApproval
    );
    assert_eq!(
        refuse(&s, Action::NotifyEnd, at),
        ResponseError::EndNeedsDistrictApproval
    );
    ok(&mut s, approve_district(), at);
    assert_eq!(
        refuse(&s, approve_district(), at),
        ResponseError::EndStepDone {
            step: EndStep::DistrictApproval
        }
    );
    assert_eq!(
        refuse(&s, record(check("2026-05", true), evaluation()), at),
        ResponseError::EndStepDone {
            step: EndStep::DistrictApproval
        }
    );
    assert_eq!(
        refuse(&s, Action::NotifyEnd, at),
        ResponseError::EndNeedsCityApproval
    );
    assert_eq!(
        refuse(&s, Action::Close, at),
        ResponseError::EndNeedsCityApproval
    );
    ok(&mut s, approve_city(), at);
    assert_eq!(refuse(&s, Action::Close, at), ResponseError::EndNeedsNotice);
    ok(&mut s, Action::NotifyEnd, at);
    assert_eq!(
        refuse(&s, Action::NotifyEnd, at),
        ResponseError::EndStepDone {
            step: EndStep::Notice
        }
    );
    assert_eq!(
        refuse(
            &s,
            Action::change_level(&dummy_eval(), L1, "区长", t(at), t(at), ""),
            at
        ),
        ResponseError::EndAnnounced
    );
    ok(&mut s, Action::Close, at);
    assert!(s.active().is_none());
    assert!(s.latest().unwrap().is_closed());
    for a in [
        Action::Decide { text: "x".into() },
        Action::Close,
        Action::AddPackage { level: L3 },
    ] {
        assert_eq!(refuse(&s, a, at), ResponseError::Closed { id: 1 });
    }
    // A new response may start after the close.
    ok(
        &mut s,
        activation(L3, basis("2026-06", Some(L3))),
        "2026-06-02 10:00",
    );
    assert_eq!(s.active().unwrap().id, 2);
    assert_eq!(s.audit_of(2).len(), 1);
}

#[test]
fn a_level_change_voids_an_end_evaluation_in_progress() {
    let mut s = active(L3);
    ok(
        &mut s,
        Action::RecordEndEvaluation {
            evaluation: evaluation(),
            check: check("2026-05", true),
        },
        "2026-06-01 10:00",
    );
    ok(
        &mut s,
        Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: L2,
            basis: basis("2026-06", Some(L2)),
            approved_by: "李".into(),
            approved_at: t("2026-06-01 11:00"),
            level_reached_at: t("2026-06-01 11:00"),
            reason: String::new(),
            later: Some(LaterData::none(m("2026-06"))),
        })),
        "2026-06-01 11:00",
    );
    let r = s.active().unwrap();
    assert_eq!(r.phase(), Phase::Active);
    assert!(s
        .audit()
        .last()
        .unwrap()
        .event
        .describe(Lang::En)
        .ends_with("the earlier end evaluation no longer stands"));
}

#[test]
fn closing_with_a_bulletin_in_force_is_refused() {
    let mut s = active(L3);
    let at = "2026-06-01 10:00";
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("b"),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::ApproveBulletin {
            id: 1,
            approved_by: "李".into(),
            approved_at: t(NOW),
        },
        NOW,
    );
    ok(&mut s, issue(1), NOW);
    for a in [
        Action::RecordEndEvaluation {
            evaluation: evaluation(),
            check: check("2026-05", true),
        },
        Action::ApproveEnd {
            approved_by: "区政府".into(),
            approved_at: t(at),
        },
        Action::ApproveEndCity {
            approved_by: "市失业应急办".into(),
            approved_at: t(at),
        },
        Action::NotifyEnd,
    ] {
        ok(&mut s, a, at);
    }
    let e = refuse(&s, Action::Close, at);
    assert_eq!(e, ResponseError::BulletinsInForce { ids: vec![1] });
    assert!(e.message(Lang::Zh).contains("#1"));
}

// ---------------------------------------------------------------- audit and serde

#[test]
fn the_audit_trail_is_numbered_and_exports_as_csv() {
    let mut s = active(L3);
    ok(
        &mut s,
        Action::Decide {
            text: "召开指挥部会议, 部署 \"稳岗\" 工作".into(),
        },
        "2026-02-01 09:00",
    );
    let seqs: Vec<u32> = s.audit().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2]);
    assert_eq!(s.audit()[1].by, "办公室");
    assert_eq!(
        s.audit()[1].line(Lang::Zh),
        "2026-02-01 09:00 · 办公室 · 决定：召开指挥部会议, 部署 \"稳岗\" 工作"
    );
    let csv = s.audit_csv(Lang::En);
    assert!(csv.starts_with("\u{feff}seq,time (CST),by,response,what\r\n"));
    assert!(csv.contains(
        "2,2026-02-01 09:00,办公室,1,\"Decision: 召开指挥部会议, 部署 \"\"稳岗\"\" 工作\"\r\n"
    ));
}

#[test]
fn the_state_round_trips_through_json() {
    let mut s = active(L2);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("b"),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::SetHqMember {
            post: Post::Deputy(0),
            name: "钱".into(),
            contact: "138".into(),
        },
        NOW,
    );
    let json = serde_json::to_string_pretty(&s).unwrap();
    let back: ResponseState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert!(json.contains("\"2026-01-31T21:00:00+08:00\""));
    assert!(json.contains("\"kind\": \"activated\""));
    // Actions are data too (for logs and replays).
    let a = Action::change_level(&dummy_eval(), L3, "张", t(NOW), t(NOW), "原因");
    let back: Action = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    let a = Action::SetHqMember {
        post: Post::Member("finance".into()),
        name: "钱".into(),
        contact: String::new(),
    };
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        json,
        r#"{"action":"set-hq-member","post":{"post":"member","key":"finance"},"name":"钱","contact":""}"#
    );
    assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), a);
    // An empty state reads from an empty object.
    assert_eq!(
        serde_json::from_str::<ResponseState>("{}").unwrap(),
        ResponseState::new()
    );
}

// ---------------------------------------------------------------- later data

/// The later months after `basis`: each `(month, level)`.
fn later(basis: &str, months: &[(&str, Option<Level>)]) -> LaterData {
    LaterData {
        basis: m(basis),
        months: months
            .iter()
            .map(|(month, level)| LaterMonth {
                month: m(month),
                effective: level.map_or(Status::Normal, |level| Status::Warning { level }),
            })
            .collect(),
    }
}

fn activation_with(level: Level, b: Basis, later: Option<LaterData>, reason: &str) -> Action {
    let mut a = activation(level, b);
    if let Action::Activate(x) = &mut a {
        x.request.later = later;
        x.request.reason = reason.to_owned();
    }
    a
}

#[test]
fn later_data_name_their_levels_and_say_what_they_support() {
    let l = later(
        "2025-09",
        &[
            ("2025-10", None),
            ("2025-11", None),
            ("2025-12", Some(L3)),
            ("2026-01", Some(L2)),
        ],
    );
    assert_eq!(l.latest(), m("2026-01"));
    assert!(l.is_later());
    assert_eq!(
        l.levels_text(Lang::Zh),
        "2025-10 至 2025-11 无预警；2025-12 三级；2026-01 二级"
    );
    assert_eq!(
        l.levels_text(Lang::En),
        "2025-10 to 2025-11 no warning; 2025-12 Level 3; 2026-01 Level 2"
    );
    // The latest month decides: level 2 supports levels 2 and 3, not 1.
    assert!(l.supports(L2));
    assert!(l.supports(L3));
    assert!(!l.supports(L1));
    assert!(!later("2025-09", &[("2025-10", None)]).supports(L3));
    assert!(LaterData::none(m("2025-09")).supports(L1));
    assert!(!LaterData::none(m("2025-09")).is_later());
}

#[test]
fn a_real_start_on_an_earlier_month_needs_a_recorded_reason() {
    let s = ResponseState::new();
    let b = basis("2025-09", Some(L3));
    let l = later("2025-09", &[("2025-10", None), ("2025-11", None)]);
    // Without the later data, a real start is refused.
    assert_eq!(
        refuse(&s, activation_with(L3, b.clone(), None, ""), NOW),
        ResponseError::LaterDataUnknown
    );
    // Later data checked from another month do not count.
    assert!(matches!(
        refuse(
            &s,
            activation_with(L3, b.clone(), Some(LaterData::none(m("2025-11"))), "x"),
            NOW
        ),
        ResponseError::LaterDataOtherMonth { .. }
    ));
    // An earlier month without a reason: refused, naming the later months' levels.
    let e = refuse(
        &s,
        activation_with(L3, b.clone(), Some(l.clone()), "  "),
        NOW,
    );
    assert!(matches!(
        e,
        ResponseError::EarlierBasisNeedsReason { basis, latest, .. }
            if basis == m("2025-09") && latest == m("2025-11")
    ));
    assert!(e.message(Lang::Zh).contains("2025-10 至 2025-11 无预警"));
    assert!(e
        .message(Lang::En)
        .contains("2025-10 to 2025-11 no warning"));
    // With a reason: started, the reason and the later levels in the record and the trail.
    let mut s = s;
    ok(
        &mut s,
        activation_with(L3, b.clone(), Some(l.clone()), "补录九月的响应"),
        NOW,
    );
    let r = s.active().unwrap();
    let eb = r.activation.earlier_basis.as_ref().unwrap();
    assert_eq!(eb.reason, "补录九月的响应");
    assert_eq!(eb.later, l);
    let line = s.audit()[0].event.describe(Lang::Zh);
    assert!(line.contains("原因：补录九月的响应"), "{line}");
    assert!(line.contains("2025-10 至 2025-11 无预警"), "{line}");
    assert!(s.audit()[0]
        .event
        .describe(Lang::En)
        .contains("reason: 补录九月的响应"));
    // On the latest month no reason is asked and none is recorded.
    let mut s2 = ResponseState::new();
    ok(
        &mut s2,
        activation_with(L3, b.clone(), Some(LaterData::none(m("2025-09"))), ""),
        NOW,
    );
    assert_eq!(s2.active().unwrap().activation.earlier_basis, None);
    // An exercise needs neither.
    let mut s3 = ResponseState::new();
    let mut a = activation_with(L3, b, None, "");
    if let Action::Activate(x) = &mut a {
        x.request.exercise = true;
    }
    ok(&mut s3, a, NOW);
    assert_eq!(s3.active().unwrap().activation.earlier_basis, None);
}

fn cap_of(b: &Bulletin) -> String {
    let env = CapEnvelope {
        msg_type: CapMsgType::Alert,
        status: CapStatus::Actual,
        identifier: CapId::new("x1").unwrap(),
        sender: CapId::new("s@example.org").unwrap(),
        sent: t(NOW),
        references: Vec::new(),
        note: None,
    };
    cap_xml(b, &env)
}

#[test]
fn an_actual_warning_the_later_data_no_longer_support_needs_a_reason() {
    let mut s = active(L3);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("滨江区三级失业预警"),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::ApproveBulletin {
            id: 1,
            approved_by: "张总指挥".into(),
            approved_at: t(NOW),
        },
        NOW,
    );
    let issue_with = |later: Option<LaterData>, reason: &str| Action::IssueBulletin {
        id: 1,
        later,
        reason: reason.to_owned(),
    };
    assert_eq!(
        refuse(&s, issue_with(None, ""), NOW),
        ResponseError::LaterDataUnknown
    );
    let gone = later("2026-01", &[("2026-02", None)]);
    let e = refuse(&s, issue_with(Some(gone.clone()), ""), NOW);
    assert!(matches!(
        e,
        ResponseError::NotSupportedByLaterData { level: L3, .. }
    ));
    assert!(e.message(Lang::Zh).contains("2026-02 无预警"));
    // Later data that still hold the level: issued without a reason, no note.
    let mut held = s.clone();
    ok(
        &mut held,
        issue_with(Some(later("2026-01", &[("2026-02", Some(L3))])), ""),
        NOW,
    );
    let b = held.active().unwrap().bulletin(1).unwrap();
    assert_eq!(b.earlier_basis, None);
    let xml = cap_of(b);
    assert!(xml.contains("<status>Actual</status>"));
    assert!(!xml.contains("<note>"));
    // With a reason: issued as Actual, the reason in the trail and in the CAP note.
    ok(
        &mut s,
        issue_with(Some(gone), "指挥部决定维持预警至月底"),
        NOW,
    );
    let b = s.active().unwrap().bulletin(1).unwrap();
    assert_eq!(b.status(), BulletinStatus::Issued);
    let xml = cap_of(b);
    assert!(xml.contains("<status>Actual</status>"));
    assert!(xml.contains("原因：指挥部决定维持预警至月底"), "{xml}");
    assert!(xml.contains("reason: 指挥部决定维持预警至月底"));
    let last = s.audit().last().unwrap().event.describe(Lang::Zh);
    assert!(last.contains("原因：指挥部决定维持预警至月底"), "{last}");
}

#[test]
fn an_exercise_bulletin_is_issued_without_the_later_data() {
    let mut s = ResponseState::new();
    let mut a = activation_with(L3, basis("2025-09", Some(L3)), None, "");
    if let Action::Activate(x) = &mut a {
        x.request.exercise = true;
    }
    ok(&mut s, a, NOW);
    ok(
        &mut s,
        Action::DraftBulletin {
            content: content("演练"),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::ApproveBulletin {
            id: 1,
            approved_by: "张总指挥".into(),
            approved_at: t(NOW),
        },
        NOW,
    );
    ok(
        &mut s,
        Action::IssueBulletin {
            id: 1,
            later: None,
            reason: String::new(),
        },
        NOW,
    );
    let xml = cap_of(s.active().unwrap().bulletin(1).unwrap());
    assert!(xml.contains("<status>Exercise</status>"));
    assert!(xml.contains("<note>演练 / Exercise</note>"));
}

#[test]
fn clauses_are_cited_in_words_and_figures_rounded_plainly() {
    let title = Text::new("杭州市滨江区失业应急预案", "Binjiang Plan");
    let c = bulletin::cite(&title, "§5.1-L3-a");
    assert_eq!(c.zh, "《杭州市滨江区失业应急预案》第五条");
    assert_eq!(c.en, "section 5 of the Binjiang Plan");
    assert_eq!(
        bulletin::cite(&title, "§12.3").zh,
        "《杭州市滨江区失业应急预案》第十二条"
    );
    assert_eq!(
        bulletin::cite(&title, "附则").zh,
        "《杭州市滨江区失业应急预案》"
    );
    let p = crate::num::Pct::parse("4.9263").unwrap();
    assert_eq!(bulletin::percent(p, Lang::Zh), "4.93%");
    assert_eq!(bulletin::percent(p, Lang::En), "4.93%");
    assert_eq!(p.approx(2), "≈4.93");
}

#[test]
fn a_real_level_change_on_an_earlier_month_needs_a_recorded_reason() {
    let s = active(L3);
    let change = |later: Option<LaterData>, reason: &str| {
        let a = Action::ChangeLevel(Box::new(LevelChangeRequest {
            to: L2,
            basis: basis("2026-01", Some(L2)),
            approved_by: "李".into(),
            approved_at: t(NOW),
            level_reached_at: t(NOW),
            reason: reason.to_owned(),
            later: None,
        }));
        match later {
            Some(l) => a.with_later(l),
            None => a,
        }
    };
    // Without the later data, a real change is refused, as a real start is.
    assert_eq!(
        refuse(&s, change(None, "x"), NOW),
        ResponseError::LaterDataUnknown
    );
    // An earlier month without a reason: refused, naming the later months' levels.
    let l = later("2026-01", &[("2026-02", None)]);
    let e = refuse(&s, change(Some(l.clone()), " "), NOW);
    assert!(matches!(
        e,
        ResponseError::EarlierBasisNeedsReason { basis, latest, .. }
            if basis == m("2026-01") && latest == m("2026-02")
    ));
    assert!(e.message(Lang::Zh).contains("2026-02 无预警"));
    // With a reason: changed, the reason and the later levels in the record and the trail.
    let mut with_reason = s.clone();
    ok(
        &mut with_reason,
        change(Some(l.clone()), "补录一月的升级"),
        NOW,
    );
    let r = with_reason.active().unwrap();
    assert_eq!(r.level, L2);
    let eb = r.level_changes[0].earlier_basis.as_ref().unwrap();
    assert_eq!((eb.reason.as_str(), &eb.later), ("补录一月的升级", &l));
    let line = with_reason.audit().last().unwrap().event.describe(Lang::Zh);
    assert!(line.contains("原因：补录一月的升级"), "{line}");
    assert!(line.contains("2026-02 无预警"), "{line}");
    // On the latest month no reason is asked and none is recorded.
    let mut latest = s.clone();
    ok(
        &mut latest,
        change(Some(LaterData::none(m("2026-01"))), ""),
        NOW,
    );
    assert_eq!(
        latest.active().unwrap().level_changes[0].earlier_basis,
        None
    );
    // An exercise needs neither.
    let mut ex = ResponseState::new();
    let mut a = activation(L3, basis("2026-01", Some(L3)));
    if let Action::Activate(x) = &mut a {
        x.request.exercise = true;
    }
    ok(&mut ex, a, NOW);
    ok(&mut ex, change(None, ""), NOW);
    assert_eq!(ex.active().unwrap().level_changes[0].earlier_basis, None);
}

#[test]
fn no_response_runs_below_the_level_the_plan_starts_responses_at() {
    // Zhuhai 2006 has four levels and starts a response at Ⅲ (`response_from`).
    let plan = Plan::preset(crate::plan::presets::ZHUHAI_2006).unwrap();
    let proc = Procedure::from_plan(&plan);
    let levels: Vec<u8> = proc.levels.iter().map(|l| l.level.number()).collect();
    assert_eq!(levels, [1, 2, 3]);
    let l4 = Level::from_number(4).unwrap();
    let start = |level: Level| {
        let mut s = ResponseState::new();
        let mut a = activation(level, basis("2026-01", Some(level)));
        if let Action::Activate(act) = &mut a {
            act.procedure = proc.clone();
        }
        s.apply(a, t(NOW), "办公室").map(|_| s)
    };
    let e = start(l4).unwrap_err();
    assert_eq!(e, ResponseError::UnknownLevel { level: l4 });
    assert!(start(L3).is_ok());
    // A running response cannot be lowered to Ⅳ either.
    let mut s = start(L3).unwrap();
    let down = Action::ChangeLevel(Box::new(LevelChangeRequest {
        to: l4,
        basis: basis("2026-01", Some(l4)),
        approved_by: "张总指挥".into(),
        approved_at: t("2026-01-31 21:30"),
        level_reached_at: t("2026-01-31 21:30"),
        reason: String::new(),
        later: Some(LaterData::none(m("2026-01"))),
    }));
    let e = s.apply(down, t("2026-01-31 22:00"), "办公室").unwrap_err();
    assert_eq!(e, ResponseError::UnknownLevel { level: l4 });
}

#[test]
fn a_plan_change_is_recorded_in_the_running_responses_trail_only() {
    let change = Text::new("三级 · 失业率阈值", "level 3 · rate threshold");
    let mut none = ResponseState::new();
    assert!(!none.note_plan_change(change.clone(), t(NOW), "办公室"));
    assert!(none.audit().is_empty());

    let mut s = active(Level::L3);
    let before = s.audit().len();
    assert!(s.note_plan_change(change.clone(), t(NOW), "办公室"));
    let e = s.audit().last().unwrap();
    assert_eq!(s.audit().len(), before + 1);
    assert_eq!(e.response, s.active().unwrap().id);
    assert_eq!(e.event, AuditEvent::PlanChanged { change });
    assert!(e.event.describe(Lang::Zh).contains("预案已修改：三级"));
}

#[test]
fn hq_posts_read_back_as_written_and_bad_keys_are_named() {
    use crate::response::roster::Post;
    for p in [
        Post::Commander,
        Post::Deputy(2),
        Post::Member("hrss".into()),
    ] {
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Post>(&text).unwrap(), p, "{text}");
    }
    // The key may come first.
    let p: Post = serde_json::from_str(r#"{"key":1,"post":"deputy"}"#).unwrap();
    assert_eq!(p, Post::Deputy(1));
    let err = |t: &str| serde_json::from_str::<Post>(t).unwrap_err().to_string();
    assert!(err(r#"{"post":"deputy","key":"x"}"#).contains("whole number"));
    assert!(err(r#"{"post":"member","key":3}"#).contains("unit's id"));
    assert!(err(r#"{"post":"mayor"}"#).contains("unknown post `mayor`"));
}
