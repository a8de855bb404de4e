//! The audit trail: every level change, decision, approval, bulletin and measure update, with
//! time and who, in order. Append-only: only [`crate::response::ResponseState::apply`] adds to
//! it, and nothing removes or edits an entry.

use crate::csv::CsvOut;
use crate::i18n::{level_name, Lang};
use crate::plan::{Level, Text};
use crate::response::later::EarlierBasis;
use crate::response::measures::MeasureStatus;
use crate::response::roster::Post;
use crate::response::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// 1, 2, 3 … over the whole trail.
    pub seq: u32,
    /// When it was recorded.
    pub at: Timestamp,
    /// Who recorded it.
    pub by: String,
    /// The response it belongs to.
    pub response: u32,
    pub event: AuditEvent,
}

crate::tag_first_enum! {
    tag = "kind", remote = "AuditEvent", twin = AuditEventIn;
    /// What happened.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum AuditEvent {
        /// §6.x-1: a response started on the commander's approval.
        Activated {
            level: Level,
            exercise: bool,
            /// The name of the what-if scenario an exercise runs on.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            scenario: Option<String>,
            approved_by: String,
            approved_at: Timestamp,
            /// A real start on an earlier month than the latest with data, with its reason.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            earlier_basis: Option<EarlierBasis>,
        },
        /// Escalation or de-escalation, approved like a start.
        LevelChanged {
            from: Level,
            to: Level,
            approved_by: String,
            approved_at: Timestamp,
            /// An end evaluation recorded earlier no longer stands.
            end_reset: bool,
            /// A real change on an earlier month than the latest with data, with its reason.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            earlier_basis: Option<EarlierBasis>,
        },
        HqMemberSet {
            post: Post,
            name: String,
            /// The member unit's name for a member seat (absent in older records).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            unit: Option<Text>,
        },
        /// A decision of the HQ, in its own words.
        Decision {
            text: String,
        },
        /// The plan was changed (the plan editor, a preset, an imported plan, or undo) while
        /// the response ran. The response keeps the procedure it started with; the levels are
        /// evaluated under the changed plan from now on.
        PlanChanged {
            change: Text,
        },
        MeasureUpdated {
            clause: String,
            status: MeasureStatus,
            owner: String,
        },
        PackageAdded {
            level: Level,
        },
        DeadlineCompleted {
            id: u32,
            deadline: String,
            clause: String,
            done_at: Timestamp,
            /// Minutes late (rounded up); `None` when on time.
            late_minutes: Option<i64>,
        },
        BulletinDrafted {
            id: u32,
            supersedes: Option<u32>,
        },
        BulletinEdited {
            id: u32,
            /// An approval given before the edit no longer stands.
            approval_withdrawn: bool,
        },
        BulletinApproved {
            id: u32,
            approved_by: String,
            approved_at: Timestamp,
        },
        BulletinIssued {
            id: u32,
            supersedes: Option<u32>,
            /// Issued for real while the latest data no longer supported the level: the reason.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            earlier_basis: Option<EarlierBasis>,
        },
        BulletinWithdrawn {
            id: u32,
        },
        BulletinCancelled {
            id: u32,
            approved_by: String,
            reason: String,
        },
        ReportSaved {
            id: u32,
            title: String,
        },
        EndEvaluationRecorded {
            months_normal: u32,
            required_months: u32,
        },
        EndApprovedByDistrict {
            approved_by: String,
            approved_at: Timestamp,
        },
        EndApprovedByCity {
            approved_by: String,
            approved_at: Timestamp,
        },
        EndNotified {
            units: u32,
        },
        Closed,
    }
}

fn post_name(post: &Post, lang: Lang) -> String {
    match (post, lang) {
        (Post::Commander, Lang::Zh) => "总指挥".into(),
        (Post::Commander, Lang::En) => "commander".into(),
        (Post::Deputy(i), Lang::Zh) => format!("副总指挥 {}", i + 1),
        (Post::Deputy(i), Lang::En) => format!("deputy commander {}", i + 1),
        (Post::Member(u), Lang::Zh) => format!("成员（{u}）"),
        (Post::Member(u), Lang::En) => format!("member ({u})"),
    }
}

/// The plan's deadline ids in words (other ids as they are).
pub fn deadline_name(id: &str, lang: Lang) -> String {
    let name = match (id, lang) {
        ("on-site", Lang::Zh) => "赶赴现场",
        ("on-site", Lang::En) => "on site",
        ("first-report", Lang::Zh) => "先期处置报告",
        ("first-report", Lang::En) => "first-response report",
        ("level-report-12" | "level-report-3", Lang::Zh) => "预警等级报告",
        ("level-report-12" | "level-report-3", Lang::En) => "level report",
        ("city-report", Lang::Zh) => "报市指挥部",
        ("city-report", Lang::En) => "report to the city HQ",
        _ => id,
    };
    name.to_owned()
}

impl AuditEvent {
    /// One line in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use AuditEvent as A;
        let l = |x: &Level| level_name(*x, lang);
        match self {
            A::Activated {
                level,
                exercise,
                scenario,
                approved_by,
                approved_at,
                earlier_basis,
            } => {
                let why = earlier_basis
                    .as_ref()
                    .map_or(String::new(), |e| match lang {
                        Lang::Zh => format!("；{}", e.describe(lang)),
                        Lang::En => format!("; {}", e.describe(lang)),
                    });
                let ex = match (exercise, scenario, lang) {
                    (_, Some(n), Lang::Zh) => format!("【演练·推演“{n}”】"),
                    (_, Some(n), Lang::En) => format!("EXERCISE on scenario '{n}': "),
                    (true, None, Lang::Zh) => "【演练】".to_owned(),
                    (true, None, Lang::En) => "EXERCISE: ".to_owned(),
                    (false, _, _) => String::new(),
                };
                tr!(lang, ["{ex}启动{}失业应急响应（总指挥 {approved_by} 于 {approved_at} 同意）{why}",
                        l(level)], ["{ex}{} emergency response started (approved by the commander {approved_by} at {approved_at}){why}", l(level)])
            }
            A::LevelChanged {
                from,
                to,
                approved_by,
                approved_at,
                end_reset,
                earlier_basis,
            } => {
                let up = to > from;
                let mut s = match (up, lang) {
                    (true, Lang::Zh) => format!(
                        "响应由{}升级为{}（{approved_by} 于 {approved_at} 同意）",
                        l(from),
                        l(to)
                    ),
                    (false, Lang::Zh) => format!(
                        "响应由{}降为{}（{approved_by} 于 {approved_at} 同意）",
                        l(from),
                        l(to)
                    ),
                    (true, Lang::En) => format!(
                        "Escalated from {} to {} (approved by {approved_by} at {approved_at})",
                        l(from),
                        l(to)
                    ),
                    (false, Lang::En) => format!(
                        "De-escalated from {} to {} (approved by {approved_by} at {approved_at})",
                        l(from),
                        l(to)
                    ),
                };
                if *end_reset {
                    s.push_str(lang.pick(
                        "；此前的结束评估作废",
                        "; the earlier end evaluation no longer stands",
                    ));
                }
                if let Some(e) = earlier_basis {
                    s.push_str(lang.pick("；", "; "));
                    s.push_str(&e.describe(lang));
                }
                s
            }
            A::HqMemberSet { post, name, unit } => {
                let seat = match (post, unit) {
                    (Post::Member(_), Some(u)) => {
                        tr!(lang, ["成员（{}）", u.zh], ["member ({})", u.en])
                    }
                    _ => post_name(post, lang),
                };
                tr!(lang, "指挥部{seat}：{name}", "HQ {seat}: {name}")
            }
            A::Decision { text } => {
                tr!(lang, "决定：{text}", "Decision: {text}")
            }
            A::PlanChanged { change } => {
                let change = change.get(lang);
                tr!(lang, "预案已修改：{change}", "Plan changed: {change}")
            }
            A::MeasureUpdated {
                clause,
                status,
                owner,
            } => {
                let who = if owner.trim().is_empty() {
                    String::new()
                } else {
                    tr!(lang, "（负责人 {owner}）", " (owner {owner})")
                };
                tr!(
                    lang,
                    ["措施 {clause}：{}{who}", status.name(lang)],
                    ["Measure {clause}: {}{who}", status.name(lang)]
                )
            }
            A::PackageAdded { level } => {
                tr!(
                    lang,
                    ["加选{}措施包", l(level)],
                    ["Added the {} measures package", l(level)]
                )
            }
            A::DeadlineCompleted {
                id,
                deadline,
                clause,
                done_at,
                late_minutes,
            } => {
                let when = match (late_minutes, lang) {
                    (None, Lang::Zh) => "按时".to_owned(),
                    (None, Lang::En) => "on time".to_owned(),
                    (Some(m), _) => {
                        let d = crate::response::time::duration(*m, lang);
                        tr!(lang, "逾期 {d}", "{d} late")
                    }
                };
                let task = deadline_name(deadline, lang);
                tr!(
                    lang,
                    "时限 #{id} {task}（{clause}）于 {done_at} 完成，{when}",
                    "Deadline #{id} {task} ({clause}) done at {done_at}, {when}"
                )
            }
            A::BulletinDrafted { id, supersedes } => match (supersedes, lang) {
                (None, Lang::Zh) => format!("起草预警信息 #{id}"),
                (None, Lang::En) => format!("Bulletin #{id} drafted"),
                (Some(p), Lang::Zh) => format!("起草预警信息 #{p} 的变更稿 #{id}"),
                (Some(p), Lang::En) => format!("Update #{id} of bulletin #{p} drafted"),
            },
            A::BulletinEdited {
                id,
                approval_withdrawn,
            } => {
                let mut s = tr!(lang, "修改预警信息 #{id}", "Bulletin #{id} edited");
                if *approval_withdrawn {
                    s.push_str(lang.pick(
                        "，原批准作废，须重新批准",
                        "; its approval no longer stands and it needs approving again",
                    ));
                }
                s
            }
            A::BulletinApproved {
                id,
                approved_by,
                approved_at,
            } => {
                tr!(
                    lang,
                    "区指挥部批准预警信息 #{id}（{approved_by}，{approved_at}）",
                    "Bulletin #{id} approved by the district HQ ({approved_by}, {approved_at})"
                )
            }
            A::BulletinIssued {
                id,
                supersedes,
                earlier_basis,
            } => {
                let why = earlier_basis
                    .as_ref()
                    .map_or(String::new(), |e| match lang {
                        Lang::Zh => format!("；{}", e.describe(lang)),
                        Lang::En => format!("; {}", e.describe(lang)),
                    });
                match (supersedes, lang) {
                    (None, Lang::Zh) => format!("发布预警信息 #{id}{why}"),
                    (None, Lang::En) => format!("Bulletin #{id} issued{why}"),
                    (Some(p), Lang::Zh) => format!("发布预警信息变更 #{id}（替代 #{p}）{why}"),
                    (Some(p), Lang::En) => format!("Update #{id} issued (replaces #{p}){why}"),
                }
            }
            A::BulletinWithdrawn { id } => {
                tr!(
                    lang,
                    "撤回预警信息草稿 #{id}",
                    "Bulletin draft #{id} withdrawn"
                )
            }
            A::BulletinCancelled {
                id,
                approved_by,
                reason,
            } => {
                tr!(
                    lang,
                    "解除预警信息 #{id}（{approved_by} 批准）：{reason}",
                    "Bulletin #{id} cancelled (approved by {approved_by}): {reason}"
                )
            }
            A::ReportSaved { id, title } => {
                tr!(
                    lang,
                    "保存分析报告 #{id}：{title}",
                    "Analysis report #{id} saved: {title}"
                )
            }
            A::EndEvaluationRecorded {
                months_normal,
                required_months,
            } => {
                tr!(lang, "登记应急结束评估（指标连续 {months_normal} 个月低于三级，需 {required_months} 个月）", "End-of-emergency evaluation recorded (indicators below level 3 for {months_normal} month(s), {required_months} required)")
            }
            A::EndApprovedByDistrict {
                approved_by,
                approved_at,
            } => {
                tr!(lang, "区政府同意结束应急（{approved_by}，{approved_at}）", "District government agreed to end the emergency ({approved_by}, {approved_at})")
            }
            A::EndApprovedByCity {
                approved_by,
                approved_at,
            } => {
                tr!(
                    lang,
                    "市应急办批准结束应急（{approved_by}，{approved_at}）",
                    "City emergency office approved the end ({approved_by}, {approved_at})"
                )
            }
            A::EndNotified { units } => {
                tr!(
                    lang,
                    "应急结束已报区指挥部并通知 {units} 个成员单位",
                    "End reported to the district HQ and notified to {units} member units"
                )
            }
            A::Closed => {
                tr!(lang, "响应关闭（只读）", "Response closed (read-only)")
            }
        }
    }
}

impl AuditEntry {
    /// "2026-02-01 08:00 · 王五 · 启动二级失业应急响应 …".
    pub fn line(&self, lang: Lang) -> String {
        format!("{} · {} · {}", self.at, self.by, self.event.describe(lang))
    }
}

/// The trail as CSV (UTF-8 with a BOM, so that spreadsheet programs read the Chinese).
pub fn audit_csv(entries: &[AuditEntry], lang: Lang) -> String {
    let mut out = CsvOut::new();
    out.text_row(match lang {
        Lang::Zh => ["序号", "时间（北京时间）", "操作人", "响应", "事项"],
        Lang::En => ["seq", "time (CST)", "by", "response", "what"],
    });
    for e in entries {
        // Names and decisions are typed by users: text cells, so the formula guard applies.
        out.row([
            (Cow::Owned(e.seq.to_string()), false),
            (Cow::Owned(e.at.to_string()), true),
            (Cow::Borrowed(e.by.as_str()), true),
            (Cow::Owned(e.response.to_string()), false),
            (Cow::Owned(e.event.describe(lang)), true),
        ]);
    }
    out.finish()
}
