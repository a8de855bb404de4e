//! The response playbook end to end on the sample data, with a fixed clock: the level-2 episode
//! of 2025 from activation to close with its audit trail, and every CAP message it produces
//! parsed back by an independent CAP 1.2 implementation (the `oasiscap` crate) and, where
//! `xmllint` and the OASIS schema are at hand (`scripts/cap-xsd.sh`), validated against the XSD.
#![cfg(not(target_arch = "wasm32"))]
// Test code, helpers included, stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use oasiscap::v1dot2 as cap12;
use std::path::PathBuf;
use uew::demo;
use uew::i18n::Lang;
use uew::model::{Dataset, Scope};
use uew::month::Month;
use uew::plan::{Level, Plan};
use uew::response::{
    activatable_level, analysis_report, cap_envelope, cap_xml, draft_bulletin, end_conditions,
    Action, ActivationRequest, CapId, CapMsgType, Countdown, EndEvaluation, LaterData,
    MeasureStatus, Period, Post, ReportInput, ResponseError, ResponseState, Timestamp,
    DEFAULT_END_MONTHS,
};
use uew::rules::{Engine, Evaluation};

const OFFICE: &str = "区失业应急办 王五";
const COMMANDER: &str = "李四（副区长）";
const SENDER: &str = "uew@binjiang.example";

fn t(text: &str) -> Timestamp {
    Timestamp::parse_cst(text).unwrap()
}

fn m(text: &str) -> Month {
    Month::parse(text).unwrap()
}

struct World {
    plan: Plan,
    data: Dataset,
}

impl World {
    fn new() -> World {
        World {
            plan: Plan::binjiang_2020(),
            data: demo::dataset(),
        }
    }

    fn engine(&self) -> Engine<'_> {
        Engine::new(&self.plan, &self.data)
    }

    fn eval(&self, month: &str) -> Evaluation {
        self.engine().evaluate(&Scope::District, m(month))
    }
}

fn apply(s: &mut ResponseState, a: Action, at: &str) {
    s.apply(a, t(at), OFFICE)
        .unwrap_or_else(|e| panic!("at {at}: {}", e.message(Lang::Zh)));
}

/// Issue bulletin `id` of a real response whose level rests on `basis`, as of the time that
/// month was the latest with data.
fn issue(id: u32, basis: &str) -> Action {
    Action::IssueBulletin {
        id,
        later: Some(LaterData::none(m(basis))),
        reason: String::new(),
    }
}

fn approve(id: u32, at: &str) -> Action {
    Action::ApproveBulletin {
        id,
        approved_by: COMMANDER.into(),
        approved_at: t(at),
    }
}

/// The 2025 episode of the sample: a second closure on 2025-06-23 takes the district to
/// level 2 (§5.1-L2-b); the rate keeps level 3 in August and September; normal from October.
fn episode(w: &World) -> ResponseState {
    let mut s = ResponseState::new();
    let june = w.eval("2025-06");
    assert_eq!(activatable_level(&june), Ok(Level::L2));
    apply(
        &mut s,
        Action::activate(
            &w.plan,
            &june,
            ActivationRequest {
                level: Level::L2,
                approved_by: COMMANDER.into(),
                approved_at: t("2025-06-23 20:00"),
                level_reached_at: t("2025-06-23 14:00"),
                event_time: Some(t("2025-06-23 14:00")),
                exercise: false,
                scenario: None,
                // As of June 2025, June was the latest month with data.
                later: Some(LaterData::none(june.month)),
                reason: String::new(),
            },
        ),
        "2025-06-23 20:30",
    );
    for (post, name) in [
        (Post::Commander, COMMANDER),
        (Post::Deputy(0), "赵六"),
        (Post::Member("finance".into()), "钱七"),
    ] {
        apply(
            &mut s,
            Action::SetHqMember {
                post,
                name: name.into(),
                contact: "0571-8000 0000".into(),
            },
            "2025-06-23 20:40",
        );
    }
    apply(
        &mut s,
        Action::Decide {
            text: "成立现场失业应急指挥中心和处置工作组".into(),
        },
        "2025-06-23 21:00",
    );
    // On site at 01:30, across midnight, within 12 hours.
    apply(
        &mut s,
        Action::CompleteDeadline {
            id: 1,
            at: t("2025-06-24 01:30"),
        },
        "2025-06-24 01:40",
    );
    let content = draft_bulletin(&w.plan, &w.data, &june, s.active().unwrap());
    apply(
        &mut s,
        Action::DraftBulletin {
            content: Box::new(content),
        },
        "2025-06-24 09:00",
    );
    apply(&mut s, approve(1, "2025-06-24 09:30"), "2025-06-24 09:35");
    apply(&mut s, issue(1, "2025-06"), "2025-06-24 10:00");
    for (clause, status, at) in [
        ("§6.2-1", MeasureStatus::InProgress, "2025-06-24 11:00"),
        ("§6.2-7", MeasureStatus::Done, "2025-06-24 11:30"),
    ] {
        apply(
            &mut s,
            Action::SetMeasure {
                clause: clause.into(),
                status,
                owner: "区人力社保局就业科".into(),
                note: String::new(),
            },
            at,
        );
    }
    // The first-response report is late: overdue at 14:30, done at 15:10.
    let r = s.active().unwrap();
    let first = r.deadline(2).unwrap();
    assert_eq!(first.deadline, "first-report");
    assert_eq!(first.due.format_cst(), "2025-06-24 14:00");
    assert_eq!(
        first.status_text(t("2025-06-24 14:30"), Lang::Zh),
        "已超时 30 分"
    );
    assert_eq!(
        r.overdue(t("2025-06-24 14:30"))
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>(),
        [2]
    );
    assert_eq!(
        r.deadline(3)
            .unwrap()
            .status_text(t("2025-06-24 14:30"), Lang::En),
        "23 h 30 min left"
    );
    apply(
        &mut s,
        Action::CompleteDeadline {
            id: 2,
            at: t("2025-06-24 15:10"),
        },
        "2025-06-24 15:15",
    );
    for id in [3, 4] {
        apply(
            &mut s,
            Action::CompleteDeadline {
                id,
                at: t("2025-06-25 10:00"),
            },
            "2025-06-25 10:05",
        );
    }
    apply(
        &mut s,
        Action::AddPackage { level: Level::L3 },
        "2025-06-26 09:00",
    );
    let report = analysis_report(
        &ReportInput {
            engine: &w.engine(),
            period: Period::Monthly {
                month: m("2025-06"),
            },
            forecast: None,
            response: s.active(),
            now: t("2025-07-01 09:00"),
        },
        Lang::Zh,
    );
    apply(
        &mut s,
        Action::SaveReport {
            report: Box::new(report),
        },
        "2025-07-01 09:00",
    );
    // August's data: level 3 by the rate. De-escalate, and change the bulletin.
    let august = w.eval("2025-08");
    assert_eq!(activatable_level(&august), Ok(Level::L3));
    apply(
        &mut s,
        Action::change_level(
            &august,
            Level::L3,
            COMMANDER,
            t("2025-09-05 09:00"),
            t("2025-09-05 09:00"),
            "关停影响消退，失业率仍在三级",
        )
        // As the data stood on 5 September: August was the latest month.
        .with_later(LaterData::none(august.month)),
        "2025-09-05 09:30",
    );
    let update = draft_bulletin(&w.plan, &w.data, &august, s.active().unwrap());
    apply(
        &mut s,
        Action::UpdateBulletin {
            id: 1,
            content: Box::new(update),
        },
        "2025-09-05 10:00",
    );
    apply(&mut s, approve(2, "2025-09-05 10:30"), "2025-09-05 10:30");
    apply(&mut s, issue(2, "2025-08"), "2025-09-05 11:00");
    let q3 = analysis_report(
        &ReportInput {
            engine: &w.engine(),
            period: Period::Quarterly {
                year: 2025,
                quarter: 3,
            },
            forecast: Some("按当前趋势，未来 6 个月失业率不会达到三级。"),
            response: s.active(),
            now: t("2025-10-08 09:00"),
        },
        Lang::Zh,
    );
    apply(
        &mut s,
        Action::SaveReport {
            report: Box::new(q3),
        },
        "2025-10-08 09:00",
    );
    // §7: three normal months (October to December), then the two approvals.
    let timeline = w
        .engine()
        .timeline(&Scope::District, m("2025-01"), m("2025-12"));
    let too_soon = end_conditions(&timeline, m("2025-11"), DEFAULT_END_MONTHS);
    assert!(!too_soon.met);
    let err = s
        .clone()
        .apply(
            Action::RecordEndEvaluation {
                evaluation: Box::new(evaluation()),
                check: too_soon,
            },
            t("2025-12-02 10:00"),
            OFFICE,
        )
        .unwrap_err();
    assert_eq!(
        err.message(Lang::Zh),
        "截至 2025-11，监测指标连续低于三级 2 个月，需要 3 个月（§7.1）。"
    );
    let check = end_conditions(&timeline, m("2025-12"), DEFAULT_END_MONTHS);
    assert!(check.met, "{}", check.text(Lang::En));
    assert_eq!(check.months_since_warning, Some(3));
    apply(
        &mut s,
        Action::RecordEndEvaluation {
            evaluation: Box::new(evaluation()),
            check,
        },
        "2026-01-08 10:00",
    );
    apply(
        &mut s,
        Action::ApproveEnd {
            approved_by: "滨江区人民政府".into(),
            approved_at: t("2026-01-12 16:00"),
        },
        "2026-01-12 16:30",
    );
    apply(
        &mut s,
        Action::ApproveEndCity {
            approved_by: "杭州市失业应急办".into(),
            approved_at: t("2026-01-15 11:00"),
        },
        "2026-01-15 11:30",
    );
    apply(
        &mut s,
        Action::CancelBulletin {
            id: 2,
            reason: "失业预警解除，应急处置结束".into(),
            approved_by: COMMANDER.into(),
            approved_at: t("2026-01-15 15:00"),
        },
        "2026-01-15 16:00",
    );
    apply(&mut s, Action::NotifyEnd, "2026-01-16 09:00");
    apply(&mut s, Action::Close, "2026-01-16 10:00");
    s
}

fn evaluation() -> EndEvaluation {
    EndEvaluation {
        cause: "两家制造企业相继关停，3 个月内 10 500 人失业".into(),
        nature: "局部、结构性失业".into(),
        impact: "集中在西兴、长河两个街道".into(),
        responsibility: "各成员单位按职责落实，无失职".into(),
        lessons: "关停前的用工监测应提前介入".into(),
    }
}

fn kind(e: &uew::response::AuditEvent) -> String {
    serde_json::to_value(e).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_level_2_episode_runs_from_activation_to_close() {
    let w = World::new();
    // Nothing to start before May.
    assert!(matches!(
        activatable_level(&w.eval("2025-04")),
        Err(ResponseError::BelowLevel3 { .. })
    ));
    let s = episode(&w);
    let kinds: Vec<String> = s.audit().iter().map(|e| kind(&e.event)).collect();
    assert_eq!(
        kinds,
        [
            "activated",
            "hq-member-set",
            "hq-member-set",
            "hq-member-set",
            "decision",
            "deadline-completed",
            "bulletin-drafted",
            "bulletin-approved",
            "bulletin-issued",
            "measure-updated",
            "measure-updated",
            "deadline-completed",
            "deadline-completed",
            "deadline-completed",
            "package-added",
            "report-saved",
            "level-changed",
            "bulletin-drafted",
            "bulletin-approved",
            "bulletin-issued",
            "report-saved",
            "end-evaluation-recorded",
            "end-approved-by-district",
            "end-approved-by-city",
            "bulletin-cancelled",
            "end-notified",
            "closed",
        ]
    );
    let seqs: Vec<u32> = s.audit().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=27).collect::<Vec<u32>>());
    assert!(s.audit().windows(2).all(|p| p[0].at <= p[1].at));
    assert!(s.audit().iter().all(|e| e.by == OFFICE && e.response == 1));
    let zh: Vec<String> = s
        .audit()
        .iter()
        .map(|e| e.event.describe(Lang::Zh))
        .collect();
    assert_eq!(
        zh[0],
        "启动二级失业应急响应（总指挥 李四（副区长） 于 2025-06-23 20:00 同意）"
    );
    assert_eq!(
        zh[11],
        "时限 #2 先期处置报告（§5.3）于 2025-06-24 15:10 完成，逾期 1 小时 10 分"
    );
    assert_eq!(
        zh[16],
        "响应由二级降为三级（李四（副区长） 于 2025-09-05 09:00 同意）"
    );
    assert_eq!(zh[26], "响应关闭（只读）");
    // A member seat names its unit, not the unit's id.
    assert_eq!(zh[3], "指挥部成员（区财政局）：钱七");
    assert_eq!(
        s.audit()[3].event.describe(Lang::En),
        "HQ member (District Finance Bureau): 钱七"
    );
    let en = s.audit()[5].event.describe(Lang::En);
    assert_eq!(
        en,
        "Deadline #1 on site (§5.3) done at 2025-06-24 01:30, on time"
    );

    let r = s.latest().unwrap();
    assert!(r.is_closed());
    assert_eq!(r.level, Level::L3);
    assert_eq!(r.level_changes.len(), 1);
    assert_eq!(r.level_changes[0].basis.month, m("2025-08"));
    assert_eq!(r.hq.commander.name, COMMANDER);
    // The level-2 items begun stay after de-escalation; the others were dropped.
    let p = r.progress();
    assert_eq!((p.total, p.done, p.in_progress), (12, 1, 1));
    assert_eq!(r.reports.len(), 2);
    assert_eq!(
        r.reports[1].report.title,
        "滨江区失业预警分析报告（2025 年第三季度）"
    );
    let end = r.end.as_ref().unwrap();
    assert_eq!(
        end.notice.as_ref().unwrap().units.len(),
        w.plan.hq.members.len()
    );
    assert_eq!(end.check.as_of, m("2025-12"));
    // Every deadline is done: one late, three on time.
    let late: Vec<u32> = r
        .deadlines
        .iter()
        .filter(|d| {
            matches!(
                d.state(t("2026-01-16 10:00")),
                uew::response::DeadlineState::DoneLate { .. }
            )
        })
        .map(|d| d.id)
        .collect();
    assert_eq!(late, [2]);
    assert!(r.overdue(t("2026-01-16 10:00")).is_empty());

    // Read-only from now on.
    let mut after = s.clone();
    let e = after
        .apply(
            Action::Decide { text: "x".into() },
            t("2026-01-17 09:00"),
            OFFICE,
        )
        .unwrap_err();
    assert_eq!(e, ResponseError::Closed { id: 1 });
    assert_eq!(after, s);

    // The whole record survives JSON (it goes into the snapshot).
    let json = serde_json::to_string(&s).unwrap();
    let back: ResponseState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let csv = s.audit_csv(Lang::Zh);
    assert_eq!(csv.lines().count(), 28);
}

#[test]
fn the_drafted_bulletin_has_the_seven_fields_from_the_evidence() {
    let w = World::new();
    let s = episode(&w);
    let r = s.latest().unwrap();
    let b = r.bulletin(1).unwrap();
    let f = &b.content.fields;
    assert_eq!(b.content.title.zh, "滨江区二级（严重）失业预警");
    assert_eq!(
        b.content.title.en,
        "Binjiang District: Level 2 (severe) unemployment warning"
    );
    assert_eq!(f.category.zh, "企业关停破产造成的失业人数");
    assert_eq!(f.level.zh, "二级（严重）失业预警（橙色）");
    assert_eq!(f.start.zh, "2025-06-23 14:00（北京时间）");
    assert!(f.scope.zh.contains("西兴街道、长河街道"), "{}", f.scope.zh);
    assert_eq!(
        f.items.zh,
        "2025-04 至 2025-06 共 2 家企业关停破产，造成 10\u{2009}500 人失业，达到二级标准（10\u{2009}000 人以上），见《杭州市滨江区失业应急预案》第五条"
    );
    assert!(f.measures.zh.contains(
        "1. 帮扶企业开发就业岗位（责任单位：区人力社保局、区财政局、区行政服务中心、区税务局）"
    ));
    assert!(f.issuer.zh.starts_with("滨江区失业应急办"));
    assert!(b.content.missing().is_empty());
    for id in uew::response::BulletinFields::IDS {
        assert!(w.plan.bulletin_fields.iter().any(|p| p.id == id));
    }
    // The update after de-escalation rests on the rate.
    let u = r.bulletin(2).unwrap();
    assert_eq!(u.level, Level::L3);
    assert!(u.content.fields.category.zh.starts_with("登记失业率"));
    assert!(u.content.fields.items.en.contains(
        "consecutive months at or above the Level 3 threshold of 4.5% (see section 5 of the"
    ));
}

/// A public document speaks plainly: figures as "4.93%" (no "≈"), the plan cited in words
/// (no "§5.1-" ids), in the bulletins of the episode and in every CAP message written for them.
#[test]
fn bulletins_and_cap_texts_carry_no_internal_notation() {
    let w = World::new();
    let s = episode(&w);
    let r = s.latest().unwrap();
    let sender = CapId::new(SENDER).unwrap();
    let mut texts: Vec<String> = Vec::new();
    for b in &r.bulletins {
        for lang in Lang::ALL {
            texts.push(b.headline(lang));
            for id in uew::response::BulletinFields::IDS {
                texts.push(b.content.fields.get(id).unwrap().get(lang).to_owned());
            }
        }
    }
    for (id, kind) in [
        (1, CapMsgType::Alert),
        (2, CapMsgType::Update),
        (2, CapMsgType::Cancel),
    ] {
        if let Ok(env) = cap_envelope(r, id, kind, &sender) {
            texts.push(cap_xml(r.bulletin(id).unwrap(), &env));
        }
    }
    assert!(texts.len() > 20);
    let all = texts.join("\n");
    assert!(!all.contains("§"), "a clause id in a public text:\n{all}");
    assert!(
        !all.contains('≈'),
        "an approximate mark in a public text:\n{all}"
    );
    assert!(all.contains("《杭州市滨江区失业应急预案》第五条"), "{all}");
    // The rates of the update read as the plan's tables write them: two decimals and "%".
    let items = &r.bulletin(2).unwrap().content.fields.items.zh;
    assert!(items.contains('%') && !items.contains(" %"), "{items}");
}

#[test]
fn the_analysis_report_has_its_sections() {
    let w = World::new();
    let s = episode(&w);
    let r = s.latest().unwrap();
    let monthly = &r.reports[0].report;
    let ids: Vec<&str> = monthly.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["situation", "level", "streets", "trend", "response"]);
    assert_eq!(monthly.lang, "zh-CN");
    let situation = monthly.sections[0].table.as_ref().unwrap();
    assert_eq!(situation.rows.len(), 1);
    assert_eq!(situation.rows[0][5], "二级");
    let streets = monthly.sections[2].table.as_ref().unwrap();
    assert_eq!(streets.rows.len(), 3);
    assert!(streets
        .rows
        .iter()
        .all(|row| row.len() == streets.header.len()));
    assert!(monthly.sections[1].paragraphs[0].contains("二级"));
    assert!(monthly.sections[4].paragraphs[0].starts_with("二级失业应急响应 #1"));
    let q3 = &r.reports[1].report;
    assert_eq!(q3.sections[0].table.as_ref().unwrap().rows.len(), 3);
    assert!(q3.sections[3]
        .paragraphs
        .iter()
        .any(|p| p.contains("2025-08 降级（二级 → 三级）")));
    assert!(q3.sections[3]
        .paragraphs
        .last()
        .unwrap()
        .starts_with("按当前趋势"));
    // English, without a response.
    let en = analysis_report(
        &ReportInput {
            engine: &w.engine(),
            period: Period::quarter_of(m("2026-02")),
            forecast: None,
            response: None,
            now: t("2026-04-02 09:00"),
        },
        Lang::En,
    );
    assert_eq!(
        en.title,
        "Unemployment warning analysis report, Binjiang District, 2026 Q1"
    );
    assert_eq!(
        en.sections[4].paragraphs,
        ["No emergency response was running in the period."]
    );
}

// ---------------------------------------------------------------- CAP 1.2

fn parse(xml: &str) -> cap12::Alert {
    match xml.parse::<oasiscap::Alert>() {
        Ok(oasiscap::Alert::V1dot2(a)) => a,
        Ok(other) => panic!("not CAP 1.2: {other:?}"),
        Err(e) => panic!("oasiscap refused the document: {e}\n{xml}"),
    }
}

/// Written out by oasiscap and read again.
fn reparse(a: &cap12::Alert) -> cap12::Alert {
    parse(&oasiscap::Alert::V1dot2(a.clone()).to_string())
}

fn schema() -> Option<PathBuf> {
    let xsd = std::env::var_os("UEW_CAP_XSD")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/cap/CAP-v1.2-schema.xsd")
        });
    let xmllint = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    (xsd.is_file() && xmllint).then_some(xsd)
}

/// Validates against the OASIS XSD with xmllint where both are present.
fn validate_xsd(name: &str, xml: &str) -> bool {
    let Some(xsd) = schema() else {
        eprintln!("CAP XSD check skipped: run scripts/cap-xsd.sh for xmllint and the schema");
        return false;
    };
    let dir = std::env::temp_dir().join(format!("uew-cap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.xml"));
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name} fails the CAP 1.2 schema:\n{}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

fn sent_of(a: &cap12::Alert) -> chrono::DateTime<chrono::FixedOffset> {
    a.sent.into()
}

/// The checks every message passes: header, two info blocks, mappings.
fn check_common(a: &cap12::Alert, severity: cap12::Severity) {
    assert_eq!(a.sender, SENDER);
    assert_eq!(a.scope, cap12::Scope::Public);
    assert_eq!(sent_of(a).offset().local_minus_utc(), 8 * 3600);
    assert_eq!(a.info.len(), 2);
    let langs: Vec<&str> = a.info.iter().map(|i| i.language.as_str()).collect();
    assert_eq!(langs, ["zh-CN", "en"]);
    for i in &a.info {
        assert_eq!(i.categories, [cap12::Category::Other]);
        assert_eq!(i.severity, severity);
        assert_eq!(i.certainty, cap12::Certainty::Observed);
        assert!(
            i.sender_name.as_deref().unwrap().contains("失业应急办")
                || i.sender_name
                    .as_deref()
                    .unwrap()
                    .contains("Unemployment Emergency Office")
        );
        assert_eq!(i.areas.len(), 1);
        assert!(i.description.as_deref().unwrap().contains("2025-"));
        // The measures, numbered, with their units (no clause ids in a public text).
        let instruction = i.instruction.as_deref().unwrap();
        assert!(instruction.contains("\n1. "), "{instruction}");
        assert!(!instruction.contains('§'), "{instruction}");
        assert_eq!(
            chrono::DateTime::<chrono::FixedOffset>::from(i.effective.unwrap())
                .offset()
                .local_minus_utc(),
            8 * 3600
        );
    }
    assert_eq!(a.info[0].event, "失业预警");
    assert_eq!(a.info[1].event, "Unemployment warning");
    assert_eq!(a.info[0].areas[0].description, "滨江区");
    assert_eq!(a.info[1].areas[0].description, "Binjiang District");
}

#[test]
fn cap_alert_update_and_cancel_round_trip() {
    let w = World::new();
    let s = episode(&w);
    let r = s.latest().unwrap();
    let sender = CapId::new(SENDER).unwrap();
    let mut validated = 0;

    // Alert: the first issue.
    let env = cap_envelope(r, 1, CapMsgType::Alert, &sender).unwrap();
    let xml = cap_xml(r.bulletin(1).unwrap(), &env);
    let a = parse(&xml);
    check_common(&a, cap12::Severity::Severe);
    assert_eq!(a.identifier, env.identifier.as_str());
    assert_eq!(a.status, cap12::Status::Actual);
    assert_eq!(a.message_type, cap12::MessageType::Alert);
    assert!(a.references.is_none());
    assert_eq!(sent_of(&a).to_rfc3339(), "2025-06-24T10:00:00+08:00");
    assert_eq!(a.info[0].urgency, cap12::Urgency::Future);
    assert_eq!(a.info[0].response_type, [cap12::ResponseType::Execute]);
    assert_eq!(
        a.info[0].headline.as_deref(),
        Some("滨江区二级（严重）失业预警")
    );
    assert_eq!(a.info[0].parameters.get("warningLevel"), Some("2"));
    assert!(a.info[0]
        .description
        .as_deref()
        .unwrap()
        .contains("警示事项：2025-04 至 2025-06 共 2 家企业关停破产"));
    // The other implementation does reject what CAP forbids.
    for (from, to) in [
        ("<severity>Severe</severity>", "<severity>Orange</severity>"),
        ("<category>Other</category>", "<category>Economy</category>"),
        ("<msgType>Alert</msgType>", "<msgType>Warning</msgType>"),
    ] {
        let broken = xml.replacen(from, to, 1);
        assert_ne!(broken, xml);
        assert!(broken.parse::<oasiscap::Alert>().is_err(), "{to} accepted");
    }
    // Through the other implementation and back.
    let again = reparse(&a);
    assert_eq!(again, a);
    validated += usize::from(validate_xsd("alert", &xml));
    // An Alert cannot be made of an update, nor an Update of the first issue.
    assert!(cap_envelope(r, 2, CapMsgType::Alert, &sender).is_err());
    assert!(cap_envelope(r, 1, CapMsgType::Update, &sender).is_err());

    // Update: the change after de-escalation, referring to the first issue.
    let env = cap_envelope(r, 2, CapMsgType::Update, &sender).unwrap();
    let xml = cap_xml(r.bulletin(2).unwrap(), &env);
    let u = parse(&xml);
    check_common(&u, cap12::Severity::Moderate);
    assert_eq!(u.message_type, cap12::MessageType::Update);
    let refs: Vec<String> = u
        .references
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.identifier.to_string())
        .collect();
    assert_eq!(refs, [a.identifier.to_string()]);
    let first_ref = &u.references.as_ref().unwrap().as_slice()[0];
    assert_eq!(first_ref.sender, SENDER);
    assert_eq!(
        chrono::DateTime::<chrono::FixedOffset>::from(first_ref.sent),
        sent_of(&a)
    );
    assert_eq!(reparse(&u), u);
    validated += usize::from(validate_xsd("update", &xml));

    // Cancel: the update withdrawn at the end, referring to both.
    let env = cap_envelope(r, 2, CapMsgType::Cancel, &sender).unwrap();
    let xml = cap_xml(r.bulletin(2).unwrap(), &env);
    let c = parse(&xml);
    check_common(&c, cap12::Severity::Moderate);
    assert_eq!(c.message_type, cap12::MessageType::Cancel);
    assert!(c.identifier.as_str().ends_with(".cancel"));
    let refs: Vec<String> = c
        .references
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.identifier.to_string())
        .collect();
    assert_eq!(refs, [a.identifier.to_string(), u.identifier.to_string()]);
    assert_eq!(c.info[0].urgency, cap12::Urgency::Past);
    assert_eq!(c.info[1].response_type, [cap12::ResponseType::AllClear]);
    assert_eq!(c.note.as_deref(), Some("失业预警解除，应急处置结束"));
    assert!(c.info[1]
        .headline
        .as_deref()
        .unwrap()
        .starts_with("CANCELLED: "));
    assert_eq!(sent_of(&c).to_rfc3339(), "2026-01-15T16:00:00+08:00");
    assert_eq!(reparse(&c), c);
    validated += usize::from(validate_xsd("cancel", &xml));
    // No Cancel of a bulletin still in force, no message for a draft.
    assert!(cap_envelope(r, 1, CapMsgType::Cancel, &sender).is_err());
    assert!(cap_envelope(r, 9, CapMsgType::Alert, &sender).is_err());
    eprintln!("CAP messages validated against the XSD: {validated}");
}

#[test]
fn cap_exercise_round_trip_keeps_the_mark_and_the_text() {
    let w = World::new();
    let june = w.eval("2025-06");
    let mut s = ResponseState::new();
    apply(
        &mut s,
        Action::activate(
            &w.plan,
            &june,
            ActivationRequest {
                level: Level::L2,
                approved_by: COMMANDER.into(),
                approved_at: t("2025-06-23 20:00"),
                level_reached_at: t("2025-06-23 14:00"),
                event_time: None,
                exercise: true,
                scenario: None,
                later: None,
                reason: String::new(),
            },
        ),
        "2025-06-23 20:30",
    );
    let mut content = draft_bulletin(&w.plan, &w.data, &june, s.active().unwrap());
    // Markup-like text stays text.
    content
        .fields
        .measures
        .en
        .push_str("\n<b>Tom & Jerry's \"plan\"</b> ]]> --> \u{7}");
    content.fields.measures.zh.push_str("\n请勿<转发>＆“谣言”");
    apply(
        &mut s,
        Action::DraftBulletin {
            content: Box::new(content),
        },
        "2025-06-24 09:00",
    );
    apply(&mut s, approve(1, "2025-06-24 09:30"), "2025-06-24 09:35");
    apply(&mut s, issue(1, "2025-06"), "2025-06-24 10:00");
    let r = s.active().unwrap();
    let env = cap_envelope(r, 1, CapMsgType::Alert, &CapId::new(SENDER).unwrap()).unwrap();
    let xml = cap_xml(r.bulletin(1).unwrap(), &env);
    let a = parse(&xml);
    check_common(&a, cap12::Severity::Severe);
    assert_eq!(a.status, cap12::Status::Exercise);
    assert!(a.note.as_deref().unwrap().contains("Exercise"));
    assert!(a.info[0]
        .headline
        .as_deref()
        .unwrap()
        .starts_with("【演练】"));
    assert!(a.info[1]
        .headline
        .as_deref()
        .unwrap()
        .starts_with("EXERCISE: "));
    let en = a.info[1].instruction.as_deref().unwrap();
    assert!(
        en.contains("\n<b>Tom & Jerry's \"plan\"</b> ]]> -->"),
        "{en}"
    );
    assert!(!en.contains('\u{7}'));
    assert!(a.info[0]
        .instruction
        .as_deref()
        .unwrap()
        .ends_with("请勿<转发>＆“谣言”"));
    assert_eq!(reparse(&a), a);
    validate_xsd("exercise", &xml);
}

#[test]
fn special_determinations_and_countdowns_on_the_sample() {
    let w = World::new();
    // 2022-04: the approved epidemic determination (§5.1-M) allows a level-3 start.
    let e = w.eval("2022-04");
    assert_eq!(e.decided_by, uew::rules::Decider::Special);
    assert_eq!(activatable_level(&e), Ok(Level::L3));
    // A countdown across the year end.
    let due = t("2026-12-31 10:00").plus_hours(48).unwrap();
    assert_eq!(due.format_cst(), "2027-01-02 10:00");
    assert_eq!(
        Countdown::until(t("2027-01-02 06:40"), due).text(Lang::Zh),
        "还剩 3 小时 20 分"
    );
    assert_eq!(
        Countdown::until(t("2027-01-02 11:00"), due).text(Lang::En),
        "overdue by 1 h"
    );
}

/// An exercise on a what-if scenario: the evaluation is the scenario's, the response and all
/// it issues are exercises whatever the form said, and the trail names the scenario.
#[test]
fn a_response_on_a_scenario_is_an_exercise_and_names_it() {
    use uew::response::ScenarioBasis;
    use uew::scenario::{Scenarios, Tweak};
    let w = World::new();
    let mut list = Scenarios::new();
    let id = list.create("电子厂关停", "2026-11-27T09:00:00Z");
    list.get_mut(id)
        .unwrap()
        .try_add(
            Tweak::Closure {
                enterprise: "杭州某电子厂".into(),
                street: "xixing".into(),
                month: m("2026-11"),
                unemployed: 6_000,
            },
            &w.plan,
            &w.data,
        )
        .unwrap();
    // The real data gives no level in 2026-11; the scenario gives level 3.
    assert!(activatable_level(&w.eval("2026-11")).is_err());
    let (p, d) = list.get(id).unwrap().apply(&w.plan, &w.data).unwrap();
    let hyp = Engine::new(&p, &d).evaluate(&Scope::District, m("2026-11"));
    assert_eq!(activatable_level(&hyp), Ok(Level::L3));

    let mut s = ResponseState::new();
    apply(
        &mut s,
        Action::activate(
            &p,
            &hyp,
            ActivationRequest {
                level: Level::L3,
                approved_by: COMMANDER.into(),
                approved_at: t("2026-11-27 09:00"),
                level_reached_at: t("2026-11-27 09:00"),
                event_time: None,
                exercise: false,
                scenario: Some(ScenarioBasis {
                    id,
                    name: "电子厂关停".into(),
                }),
                later: None,
                reason: String::new(),
            },
        ),
        "2026-11-27 09:05",
    );
    let r = s.active().unwrap();
    assert!(r.exercise, "a response on a scenario is an exercise");
    assert_eq!(r.scenario.as_ref().map(|b| b.id), Some(id));
    assert_eq!(
        s.audit()[0].event.describe(Lang::Zh),
        "【演练·推演“电子厂关停”】启动三级失业应急响应（总指挥 李四（副区长） 于 2026-11-27 09:00 同意）"
    );
    let content = draft_bulletin(&p, &d, &hyp, r);
    apply(
        &mut s,
        Action::DraftBulletin {
            content: Box::new(content),
        },
        "2026-11-27 09:30",
    );
    let b = s.active().unwrap().bulletin(1).unwrap();
    assert!(b.exercise);
    // Round trip through JSON keeps the scenario.
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<ResponseState>(&json).unwrap(), s);
}

/// The sample's data run to 2026-10: a real start on the 2025-06 episode today asks why, and
/// names the later months; a real bulletin on it is not issued without the reason either.
#[test]
fn a_real_response_on_an_old_month_of_the_sample_needs_a_reason() {
    let w = World::new();
    let june = w.eval("2025-06");
    let later = LaterData::of(&w.plan, &w.data, june.month);
    assert_eq!(later.basis, m("2025-06"));
    assert_eq!(later.latest(), w.data.span().unwrap().1);
    assert!(later.is_later());
    assert!(
        !later.supports(Level::L2),
        "the sample is normal at its end"
    );
    let request = |reason: &str| ActivationRequest {
        level: Level::L2,
        approved_by: COMMANDER.into(),
        approved_at: t("2026-11-02 09:00"),
        level_reached_at: t("2026-11-02 09:00"),
        event_time: None,
        exercise: false,
        scenario: None,
        later: Some(later.clone()),
        reason: reason.to_owned(),
    };
    let mut s = ResponseState::new();
    let e = s
        .apply(
            Action::activate(&w.plan, &june, request("")),
            t("2026-11-02 09:10"),
            OFFICE,
        )
        .unwrap_err();
    assert!(matches!(e, ResponseError::EarlierBasisNeedsReason { .. }));
    let text = e.message(Lang::Zh);
    assert!(text.contains("2025-06"), "{text}");
    assert!(text.contains(&later.latest().to_string()), "{text}");
    assert!(text.contains("无预警"), "{text}");
    assert!(s.responses().is_empty());
    apply(
        &mut s,
        Action::activate(&w.plan, &june, request("复盘 2025 年 6 月的响应")),
        "2026-11-02 09:10",
    );
    let line = s.audit()[0].event.describe(Lang::Zh);
    assert!(line.contains("原因：复盘 2025 年 6 月的响应"), "{line}");
    let r = s.active().unwrap();
    let draft = draft_bulletin(&w.plan, &w.data, &june, r);
    apply(
        &mut s,
        Action::DraftBulletin {
            content: Box::new(draft),
        },
        "2026-11-02 09:20",
    );
    apply(&mut s, approve(1, "2026-11-02 09:30"), "2026-11-02 09:30");
    let issue = |reason: &str| Action::IssueBulletin {
        id: 1,
        later: Some(later.clone()),
        reason: reason.to_owned(),
    };
    let e = s
        .apply(issue(""), t("2026-11-02 09:40"), OFFICE)
        .unwrap_err();
    assert!(matches!(e, ResponseError::NotSupportedByLaterData { .. }));
    apply(&mut s, issue("复盘用"), "2026-11-02 09:40");
}
