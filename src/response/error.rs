//! Why an action on the response record is refused, in both languages, naming what is missing.

use crate::i18n::{level_name, Lang};
use crate::month::Month;
use crate::plan::Level;
use std::fmt;

/// A refused action. Nothing changes when an action is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// Who acted (or who approved) was left empty.
    MissingPerson {
        what: Field,
    },
    /// A required text was left empty.
    MissingText {
        what: Field,
    },
    /// A time lies after the moment it is recorded.
    InFuture {
        what: Field,
    },
    /// A time lies before the start it is counted from.
    BeforeStart {
        what: Field,
    },
    /// No response has been started.
    NoResponse,
    /// The latest response is closed; closed responses are read-only.
    Closed {
        id: u32,
    },
    /// Another response is still active (one at a time).
    AlreadyActive {
        id: u32,
    },
    /// §3.1: no level 3 or higher holds, and no city warning or approved §5.1-M
    /// determination is in force; `possible` is a level that missing data could still give.
    BelowLevel3 {
        month: Month,
        possible: Option<Level>,
    },
    /// The requested level is not the level the evaluation supports.
    LevelMismatch {
        requested: Level,
        supported: Level,
    },
    /// The response is already at that level.
    SameLevel {
        level: Level,
    },
    /// The district plan's HQ runs district responses; a street runs its own plan (§3.3).
    NotDistrict,
    /// The pinned procedure lacks the level (a plan without it).
    UnknownLevel {
        level: Level,
    },
    UnknownPost,
    UnknownMeasure {
        clause: String,
    },
    UnknownDeadline {
        id: u32,
    },
    UnknownBulletin {
        id: u32,
    },
    /// §6.1/§6.2: only the packages the level allows.
    PackageNotAllowed {
        package: Level,
        level: Level,
    },
    PackageAlreadyAdded {
        package: Level,
    },
    DeadlineAlreadyCompleted {
        id: u32,
    },
    /// §5.4: approval before issue.
    BulletinNotApproved {
        id: u32,
    },
    /// Only a draft (or approved, not yet issued) bulletin can be edited, approved or withdrawn.
    BulletinNotDraft {
        id: u32,
    },
    /// Only an issued bulletin in force can be updated or cancelled.
    BulletinNotIssued {
        id: u32,
    },
    /// A change to this bulletin is already drafted.
    UpdatePending {
        id: u32,
        draft: u32,
    },
    /// §5.4: a bulletin needs all seven fields, in both languages.
    BulletinIncomplete {
        missing: Vec<(&'static str, Lang)>,
    },
    /// §7.1: the indicators have not been below level 3 long enough.
    EndConditionsNotMet {
        as_of: Month,
        months_normal: u32,
        required: u32,
        effective_normal: bool,
    },
    /// §7.2: the evaluation lacks fields.
    EndEvaluationIncomplete {
        missing: Vec<EndField>,
    },
    /// §7.2 comes first: no evaluation recorded.
    EndNeedsEvaluation,
    /// §7.2: the district government has not agreed.
    EndNeedsDistrictApproval,
    /// §7.2: the city office has not approved.
    EndNeedsCityApproval,
    /// §7.3: member units not notified.
    EndNeedsNotice,
    /// That step of §7 is already done.
    EndStepDone {
        step: EndStep,
    },
    /// The end has been announced; the level can no longer change.
    EndAnnounced,
    /// A bulletin is still in force: cancel it before closing.
    BulletinsInForce {
        ids: Vec<u32>,
    },
    /// The bulletin was written for another level than the response's current one.
    BulletinStale {
        id: u32,
        level: Level,
        current: Level,
    },
    /// The §7.1 check is as of a month not after the one the current level rests on.
    EndCheckTooEarly {
        as_of: Month,
        since: Month,
    },
    /// A real response acts only with the later data known (the latest month with data).
    LaterDataUnknown,
    /// The later data were checked from another month than the basis.
    LaterDataOtherMonth {
        basis: Month,
        checked: Month,
    },
    /// A real response on a month before the latest month with data needs a reason.
    EarlierBasisNeedsReason {
        basis: Month,
        latest: Month,
        levels: crate::plan::Text,
    },
    /// A real bulletin whose level the latest data no longer support needs a reason.
    NotSupportedByLaterData {
        level: Level,
        basis: Month,
        latest: Month,
        levels: crate::plan::Text,
    },
}

/// The named inputs of actions, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Actor,
    Approver,
    ApprovalTime,
    LevelReachedTime,
    EventTime,
    CompletionTime,
    Decision,
    Reason,
}

impl Field {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Actor, Lang::Zh) => "操作人",
            (Field::Actor, Lang::En) => "who acts",
            (Field::Approver, Lang::Zh) => "批准人",
            (Field::Approver, Lang::En) => "who approved",
            (Field::ApprovalTime, Lang::Zh) => "批准时间",
            (Field::ApprovalTime, Lang::En) => "approval time",
            (Field::LevelReachedTime, Lang::Zh) => "达到预警等级的时间",
            (Field::LevelReachedTime, Lang::En) => "time the level was reached",
            (Field::EventTime, Lang::Zh) => "事件发生时间",
            (Field::EventTime, Lang::En) => "event time",
            (Field::CompletionTime, Lang::Zh) => "完成时间",
            (Field::CompletionTime, Lang::En) => "completion time",
            (Field::Decision, Lang::Zh) => "决定内容",
            (Field::Decision, Lang::En) => "the decision",
            (Field::Reason, Lang::Zh) => "理由",
            (Field::Reason, Lang::En) => "the reason",
        }
    }
}

/// §7.2: the five points of the end-of-emergency evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EndField {
    Cause,
    Nature,
    Impact,
    Responsibility,
    Lessons,
}

impl EndField {
    pub const ALL: [EndField; 5] = [
        EndField::Cause,
        EndField::Nature,
        EndField::Impact,
        EndField::Responsibility,
        EndField::Lessons,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EndField::Cause, Lang::Zh) => "起因",
            (EndField::Cause, Lang::En) => "cause",
            (EndField::Nature, Lang::Zh) => "性质",
            (EndField::Nature, Lang::En) => "nature",
            (EndField::Impact, Lang::Zh) => "影响",
            (EndField::Impact, Lang::En) => "impact",
            (EndField::Responsibility, Lang::Zh) => "责任",
            (EndField::Responsibility, Lang::En) => "responsibility",
            (EndField::Lessons, Lang::Zh) => "经验教训",
            (EndField::Lessons, Lang::En) => "lessons",
        }
    }
}

/// The steps of §7 after the conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndStep {
    DistrictApproval,
    CityApproval,
    Notice,
    Closed,
}

/// "一级、二级" / "level 1, level 2"-style list joiner.
fn join(items: &[String], lang: Lang) -> String {
    items.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

fn field_name(id: &str, lang: Lang) -> &'static str {
    match (id, lang) {
        ("title", Lang::Zh) => "标题",
        ("title", Lang::En) => "title",
        ("area", Lang::Zh) => "地区",
        ("area", Lang::En) => "area",
        ("category", Lang::Zh) => "指标类别",
        ("category", Lang::En) => "indicator category",
        ("level", Lang::Zh) => "预警级别",
        ("level", Lang::En) => "warning level",
        ("start", Lang::Zh) => "起始时间",
        ("start", Lang::En) => "start time",
        ("scope", Lang::Zh) => "可能影响范围",
        ("scope", Lang::En) => "possible scope of impact",
        ("items", Lang::Zh) => "警示事项",
        ("items", Lang::En) => "warning items",
        ("measures", Lang::Zh) => "应采取的措施",
        ("measures", Lang::En) => "measures to take",
        ("issuer", Lang::Zh) => "发布单位",
        ("issuer", Lang::En) => "issuing unit",
        (_, Lang::Zh) => "字段",
        (_, Lang::En) => "field",
    }
}

fn lang_name(l: Lang, lang: Lang) -> &'static str {
    match (l, lang) {
        (Lang::Zh, Lang::Zh) => "中文",
        (Lang::En, Lang::Zh) => "英文",
        (Lang::Zh, Lang::En) => "Chinese",
        (Lang::En, Lang::En) => "English",
    }
}

impl ResponseError {
    /// The message in `lang`, naming what is missing and the clause that asks for it.
    pub fn message(&self, lang: Lang) -> String {
        use ResponseError as E;
        match self {
            E::LaterDataUnknown => match lang {
                Lang::Zh => "实际响应须先核对最新数据月份。".into(),
                Lang::En => "A real response needs the latest month with data checked first.".into(),
            },
            E::LaterDataOtherMonth { basis, checked } => match lang {
                Lang::Zh => format!("最新数据是自 {checked} 起核对的，而依据月份是 {basis}。"),
                Lang::En => format!("The later data were checked from {checked}, but the basis month is {basis}."),
            },
            E::EarlierBasisNeedsReason { basis, latest, levels } => match lang {
                Lang::Zh => format!(
                    "依据月份 {basis} 早于最新数据月份 {latest}（其后：{}）。实际响应须写明为何依据较早月份，原因将记入审计记录。",
                    levels.zh
                ),
                Lang::En => format!(
                    "The basis month {basis} is before the latest month with data, {latest} (since then: {}). A real response on an earlier month needs a reason, which is recorded in the audit trail.",
                    levels.en
                ),
            },
            E::NotSupportedByLaterData { level, basis, latest, levels } => match lang {
                Lang::Zh => format!(
                    "最新数据已不支持{}（依据 {basis}；其后：{}；最新 {latest}）。发布实际公告须写明原因，原因将记入审计记录。",
                    level_name(*level, lang),
                    levels.zh
                ),
                Lang::En => format!(
                    "The latest data no longer support {} (basis {basis}; since then: {}; latest {latest}). Issuing a real bulletin needs a reason, which is recorded in the audit trail.",
                    level_name(*level, lang),
                    levels.en
                ),
            },
            E::MissingPerson { what } | E::MissingText { what } => {
                tr!(lang, ["请填写{}。", what.name(lang)], ["Fill in {}.", what.name(lang)])
            }
            E::InFuture { what } => {
                tr!(lang, ["{}晚于登记时间。", what.name(lang)], ["The {} is later than the time it is recorded.",
                        what.name(lang)])
            }
            E::BeforeStart { what } => {
                tr!(lang, ["{}早于计时起点。", what.name(lang)], ["The {} is before the time the clock starts.",
                        what.name(lang)])
            }
            E::NoResponse => {
                tr!(lang, "尚未启动应急响应。", "No response has been started.")
            }
            E::Closed { id } => {
                tr!(lang, "响应 #{id} 已结束关闭，只读；如需应对新情况，请启动新的响应。", "Response #{id} is closed and read-only; start a new response for a new situation.")
            }
            E::AlreadyActive { id } => {
                tr!(lang, "响应 #{id} 仍在进行中；同一时间只能有一个响应。请变更其等级，或先结束它（§7）。", "Response #{id} is still active; only one response runs at a time. Change its level, or end it first (§7).")
            }
            E::BelowLevel3 { month, possible } => {
                let more = match (possible, lang) {
                    (Some(l), Lang::Zh) => {
                        format!("（数据不全，补齐后可能达{}）", level_name(*l, lang))
                    }
                    (Some(l), Lang::En) => format!(
                        " (data are missing; complete data could give {})",
                        level_name(*l, lang)
                    ),
                    (None, _) => String::new(),
                };
                tr!(lang, "{month} 未达到三级以上预警，也没有生效的市级预警或经批准的特殊认定，不能启动响应（§3.1、§6）{more}。", "In {month} no level 3 or higher holds, and no city warning or approved special determination is in force: a response cannot start (§3.1, §6){more}.")
            }
            E::LevelMismatch {
                requested,
                supported,
            } => {
                tr!(lang, ["评估结果为{}，不能按{}启动或变更响应。",
                        level_name(*supported, lang),
                        level_name(*requested, lang)], ["The evaluation supports {}, not {}.",
                        level_name(*supported, lang),
                        level_name(*requested, lang)])
            }
            E::SameLevel { level } => {
                tr!(lang, ["响应已是{}。", level_name(*level, lang)], ["The response is already at {}.", level_name(*level, lang)])
            }
            E::NotDistrict => {
                tr!(lang, "区指挥部只针对全区启动响应；街道按本街道预案处置（§3.3、§9）。", "The district HQ responds for the district; a street acts under its own plan (§3.3, §9).")
            }
            E::UnknownLevel { level } => {
                tr!(lang, ["预案没有{}的处置规定。", level_name(*level, lang)], ["The plan has no response for {}.", level_name(*level, lang)])
            }
            E::UnknownPost => {
                tr!(lang, "指挥部没有该职位。", "The HQ has no such post.")
            }
            E::UnknownMeasure { clause } => {
                tr!(lang, "清单中没有措施 {clause}。", "The checklist has no measure {clause}.")
            }
            E::UnknownDeadline { id } => {
                tr!(lang, "没有时限 #{id}。", "There is no deadline #{id}.")
            }
            E::UnknownBulletin { id } => {
                tr!(lang, "没有预警信息 #{id}。", "There is no bulletin #{id}.")
            }
            E::PackageNotAllowed { package, level } => {
                tr!(lang, ["{}响应不能加选{}措施包（§6.1 一级可加选二、三级；§6.2 二级可加选三级）。",
                        level_name(*level, lang),
                        level_name(*package, lang)], ["A {} response cannot add the {} package (§6.1: level 1 may add levels 2 and 3; §6.2: level 2 may add level 3).", level_name(*level, lang), level_name(*package, lang)])
            }
            E::PackageAlreadyAdded { package } => {
                tr!(lang, ["{}措施包已加选。", level_name(*package, lang)], ["The {} package is already added.",
                        level_name(*package, lang)])
            }
            E::DeadlineAlreadyCompleted { id } => {
                tr!(lang, "时限 #{id} 已登记完成。", "Deadline #{id} is already recorded as done.")
            }
            E::BulletinNotApproved { id } => {
                tr!(lang, "预警信息 #{id} 尚未经区指挥部批准，不能发布（§5.4）。", "Bulletin #{id} has not been approved by the district HQ and cannot be issued (§5.4).")
            }
            E::BulletinNotDraft { id } => {
                tr!(lang, "预警信息 #{id} 已发布或已撤销，不能再修改、批准或撤回；请用“变更”。", "Bulletin #{id} is issued or closed and can no longer be edited, approved or withdrawn; issue an update instead.")
            }
            E::BulletinNotIssued { id } => {
                tr!(lang, "预警信息 #{id} 不是正在生效的已发布信息。", "Bulletin #{id} is not an issued bulletin in force.")
            }
            E::UpdatePending { id, draft } => {
                tr!(lang, "预警信息 #{id} 的变更稿 #{draft} 尚未处理。", "An update of bulletin #{id} is already drafted (#{draft}).")
            }
            E::BulletinIncomplete { missing } => {
                let names: Vec<String> = missing
                    .iter()
                    .map(|(f, l)| {
                        tr!(lang, ["{}（{}）", field_name(f, lang), lang_name(*l, lang)], ["{} ({})", field_name(f, lang), lang_name(*l, lang)])
                    })
                    .collect();
                tr!(lang, ["预警信息缺少：{}（§5.4）。", join(&names, lang)], ["The bulletin lacks: {} (§5.4).", join(&names, lang)])
            }
            E::EndConditionsNotMet {
                as_of,
                months_normal,
                required,
                effective_normal,
            } => {
                let mut s = tr!(lang, "截至 {as_of}，监测指标连续低于三级 {months_normal} 个月，需要 {required} 个月（§7.1）", "As of {as_of} the indicators have been below level 3 for {months_normal} consecutive month(s); {required} are required (§7.1)");
                if !effective_normal {
                    s.push_str(lang.pick("；市级预警或特殊认定仍在生效", "; a city warning or special determination is still in force"));
                }
                s.push_str(lang.pick("。", "."));
                s
            }
            E::EndEvaluationIncomplete { missing } => {
                let names: Vec<String> = missing.iter().map(|f| f.name(lang).to_owned()).collect();
                tr!(lang, ["应急结束评估缺少：{}（§7.2）。", join(&names, lang)], ["The end-of-emergency evaluation lacks: {} (§7.2).",
                        join(&names, lang)])
            }
            E::EndNeedsEvaluation => {
                tr!(lang, "请先登记应急结束评估（起因、性质、影响、责任、经验教训，§7.2）。", "Record the end-of-emergency evaluation first (cause, nature, impact, responsibility, lessons; §7.2).")
            }
            E::EndNeedsDistrictApproval => {
                tr!(lang, "应急结束须先经区政府同意（§7.2）。", "Ending needs the district government's consent first (§7.2).")
            }
            E::EndNeedsCityApproval => {
                tr!(lang, "应急结束须经市应急办批准（§7.2）。", "Ending needs the city emergency office's approval (§7.2).")
            }
            E::EndNeedsNotice => {
                tr!(lang, "请先将应急结束报区指挥部并通知各成员单位（§7.3）。", "Report the end to the district HQ and notify every member unit first (§7.3).")
            }
            E::EndStepDone { step } => match (step, lang) {
                (EndStep::DistrictApproval, Lang::Zh) => "区政府已同意。".into(),
                (EndStep::DistrictApproval, Lang::En) => {
                    "The district government has already agreed.".into()
                }
                (EndStep::CityApproval, Lang::Zh) => "市应急办已批准。".into(),
                (EndStep::CityApproval, Lang::En) => "The city office has already approved.".into(),
                (EndStep::Notice, Lang::Zh) => "已通知各成员单位。".into(),
                (EndStep::Notice, Lang::En) => {
                    "The member units have already been notified.".into()
                }
                (EndStep::Closed, Lang::Zh) => "响应已关闭。".into(),
                (EndStep::Closed, Lang::En) => "The response is already closed.".into(),
            },
            E::EndAnnounced => {
                tr!(lang, "应急结束已通知各成员单位，等级不能再变更；请关闭本响应，如有新情况另行启动。", "The end has been announced to the member units; the level can no longer change. Close this response and start a new one if needed.")
            }
            E::BulletinStale { id, level, current } => {
                tr!(lang, ["预警信息 #{id} 按{}起草，响应现为{}：请先修改并重新批准。",
                        level_name(*level, lang),
                        level_name(*current, lang)], ["Bulletin #{id} was written for {}; the response is now at {}: edit it and approve it again first.", level_name(*level, lang), level_name(*current, lang)])
            }
            E::EndCheckTooEarly { as_of, since } => {
                tr!(lang, "结束条件的核查月份 {as_of} 须晚于当前等级所依据的月份 {since}（§7.1）。", "The end check as of {as_of} must be later than {since}, the month the current level rests on (§7.1).")
            }
            E::BulletinsInForce { ids } => {
                let list: Vec<String> = ids.iter().map(|i| format!("#{i}")).collect();
                tr!(lang, ["预警信息 {} 仍在生效，请先发布解除（撤销）后再关闭。",
                        join(&list, lang)], ["Bulletin {} is still in force: cancel it before closing.",
                        join(&list, lang)])
            }
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ResponseError {}
