//! Why an edit was refused, saying what and where in both languages.

use super::value::Field;
use crate::i18n::Lang;
use crate::model::RegionKind;
use crate::month::Month;
use crate::num::Pct;
use crate::plan::Text;
use std::fmt;

/// The two kinds of enterprise event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    Closure,
    Layoff,
}

impl EventKind {
    /// Stable machine name, used in the events CSV.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Closure => "closure",
            EventKind::Layoff => "layoff",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EventKind::Closure, Lang::Zh) => "关停破产",
            (EventKind::Closure, Lang::En) => "closure",
            (EventKind::Layoff, Lang::Zh) => "一次性裁员",
            (EventKind::Layoff, Lang::En) => "layoff",
        }
    }
}

fn kind_name(kind: RegionKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RegionKind::District, Lang::Zh) => "区",
        (RegionKind::District, Lang::En) => "district",
        (RegionKind::Street, Lang::Zh) => "街道",
        (RegionKind::Street, Lang::En) => "street",
        (RegionKind::Community, Lang::Zh) => "社区",
        (RegionKind::Community, Lang::En) => "community",
    }
}

/// An edit that was refused; the dataset is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No region has this id.
    UnknownRegion {
        region: String,
    },
    /// A count given for a rate or a rate for a count.
    WrongValueKind {
        region: String,
        month: Month,
        field: Field,
    },
    /// A rate outside 0–100 %.
    RateOutOfRange {
        region: String,
        month: Month,
        field: Field,
        value: Pct,
    },
    /// More registered unemployed than the labour force.
    UnemployedAboveLabourForce {
        region: String,
        month: Month,
        unemployed: u64,
        labour_force: u64,
    },
    /// A region id must be non-empty, at most 64 characters, letters, digits, `-`, `_`, `.`.
    InvalidRegionId {
        id: String,
    },
    DuplicateRegion {
        id: String,
    },
    EmptyRegionName {
        id: String,
    },
    /// A district has no parent, a street's parent is the district, a community's a street.
    BadParent {
        id: String,
        kind: RegionKind,
        parent: Option<String>,
    },
    /// There is already a district.
    SecondDistrict {
        id: String,
    },
    InvalidEventId {
        kind: EventKind,
        id: String,
    },
    DuplicateEvent {
        kind: EventKind,
        id: String,
    },
    UnknownEvent {
        kind: EventKind,
        id: String,
    },
    EmptyEnterprise {
        kind: EventKind,
        id: String,
    },
    /// Events are filed per street (or for the district as a whole).
    EventRegion {
        kind: EventKind,
        id: String,
        street: String,
    },
    ZeroWorkforce {
        id: String,
    },
    LaidOffAboveWorkforce {
        id: String,
        laid_off: u64,
        workforce: u64,
    },
    /// A recorded step no longer fits the data (it was changed outside the history).
    Stale,
}

impl EditError {
    /// The message in one language.
    pub fn message(&self, lang: Lang) -> String {
        use EditError as E;
        let zh = lang == Lang::Zh;
        match self {
            E::UnknownRegion { region } => {
                tr!(
                    lang,
                    "没有编号为“{region}”的地区",
                    "there is no region with id '{region}'"
                )
            }
            E::WrongValueKind {
                region,
                month,
                field,
            } => {
                tr!(
                    lang,
                    [
                        "{region} {month} {}：数值类型不符（应为{}）",
                        field.label(lang),
                        if field.kind() == super::FieldKind::Rate {
                            "百分数"
                        } else {
                            "人数"
                        }
                    ],
                    [
                        "{region} {month} {}: wrong kind of value (expected a {})",
                        field.label(lang),
                        if field.kind() == super::FieldKind::Rate {
                            "percentage"
                        } else {
                            "count"
                        }
                    ]
                )
            }
            E::RateOutOfRange {
                region,
                month,
                field,
                value,
            } => {
                tr!(
                    lang,
                    [
                        "{region} {month} {}：{value} % 不在 0–100 % 之间",
                        field.label(lang)
                    ],
                    [
                        "{region} {month} {}: {value} % is outside 0–100 %",
                        field.label(lang)
                    ]
                )
            }
            E::UnemployedAboveLabourForce {
                region,
                month,
                unemployed,
                labour_force,
            } => {
                tr!(lang, "{region} {month}：登记失业人数 {unemployed} 大于劳动力人数 {labour_force}", "{region} {month}: registered unemployed {unemployed} exceed the labour force {labour_force}")
            }
            E::InvalidRegionId { id } => {
                tr!(
                    lang,
                    "地区编号“{id}”无效：须为 1–64 个字母、数字或 - _ .",
                    "region id '{id}' is not valid: use 1–64 letters, digits, - _ or ."
                )
            }
            E::DuplicateRegion { id } => {
                tr!(
                    lang,
                    "地区编号“{id}”已存在",
                    "a region with id '{id}' already exists"
                )
            }
            E::EmptyRegionName { id } => {
                tr!(
                    lang,
                    "地区“{id}”的名称不能为空",
                    "region '{id}' needs a name"
                )
            }
            E::BadParent { id, kind, parent } => {
                let want = match kind {
                    RegionKind::District => None,
                    RegionKind::Street => Some(RegionKind::District),
                    RegionKind::Community => Some(RegionKind::Street),
                };
                let parent = parent.as_deref().unwrap_or("—");
                match (want, zh) {
                    (None, true) => format!("区“{id}”不能有上级地区（现为“{parent}”）"),
                    (None, false) => {
                        format!("district '{id}' cannot have a parent (given '{parent}')")
                    }
                    (Some(w), true) => format!(
                        "{}“{id}”的上级须为{}（现为“{parent}”）",
                        kind_name(*kind, lang),
                        kind_name(w, lang)
                    ),
                    (Some(w), false) => format!(
                        "{} '{id}' must belong to a {} (given '{parent}')",
                        kind_name(*kind, lang),
                        kind_name(w, lang)
                    ),
                }
            }
            E::SecondDistrict { id } => {
                tr!(
                    lang,
                    "已有一个区，不能再添加区“{id}”",
                    "there is already a district; '{id}' cannot be added as another"
                )
            }
            E::InvalidEventId { kind, id } => {
                tr!(
                    lang,
                    ["{}事件编号“{id}”无效", kind.label(lang)],
                    ["{} id '{id}' is not valid", kind.label(lang)]
                )
            }
            E::DuplicateEvent { kind, id } => {
                tr!(
                    lang,
                    ["{}事件编号“{id}”已存在", kind.label(lang)],
                    ["a {} with id '{id}' already exists", kind.label(lang)]
                )
            }
            E::UnknownEvent { kind, id } => {
                tr!(
                    lang,
                    ["没有编号为“{id}”的{}事件", kind.label(lang)],
                    ["there is no {} with id '{id}'", kind.label(lang)]
                )
            }
            E::EmptyEnterprise { kind, id } => {
                tr!(
                    lang,
                    ["{}事件“{id}”：企业名称不能为空", kind.label(lang)],
                    ["{} '{id}': the enterprise name is empty", kind.label(lang)]
                )
            }
            E::EventRegion { kind, id, street } => {
                tr!(
                    lang,
                    [
                        "{}事件“{id}”：“{street}”不是街道（事件按街道登记）",
                        kind.label(lang)
                    ],
                    [
                        "{} '{id}': '{street}' is not a street (events are filed per street)",
                        kind.label(lang)
                    ]
                )
            }
            E::ZeroWorkforce { id } => {
                tr!(
                    lang,
                    "一次性裁员事件“{id}”：企业职工总数须大于 0",
                    "layoff '{id}': the workforce must be above 0"
                )
            }
            E::LaidOffAboveWorkforce {
                id,
                laid_off,
                workforce,
            } => {
                tr!(
                    lang,
                    "一次性裁员事件“{id}”：裁员人数 {laid_off} 大于企业职工总数 {workforce}",
                    "layoff '{id}': {laid_off} laid off exceed the workforce of {workforce}"
                )
            }
            E::Stale => {
                tr!(
                    lang,
                    "数据已在别处更改，此步无法撤销或重做",
                    "the data was changed elsewhere; this step can no longer be undone or redone"
                )
            }
        }
    }

    /// The message in both languages.
    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EditError {}
