//! The one i18n layer: a typed message table, Chinese first, English second.
//!
//! A typed table instead of a crate (leptos_i18n, fluent): each message is an enum variant that
//! must carry both languages, so a missing translation is a compile error, lookups cost a `match`,
//! and nothing is parsed at start-up or added to the wasm beyond the strings themselves.
//! Plan texts carry their own two languages ([`crate::plan::Text`]).

use crate::plan::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Every user-visible string of the app's own chrome.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppTitle => "失业预警", "Unemployment Early Warning";
    AppSubtitle => "滨江区失业应急预案", "Binjiang District Unemployment Emergency Plan";
    SkipToContent => "跳到正文", "Skip to content";
    NavPlan => "预案", "Plan";
    Language => "语言", "Language";
    PlanIssued => "印发日期", "Issued";
    PlanContents => "目录", "Contents";
    OriginalText => "原文", "Original";
    SecScope => "适用范围与工作原则", "Scope and principles";
    SecLevels => "预警等级", "Warning levels";
    SecParameters => "解释参数", "Interpretation parameters";
    SecHq => "指挥部", "Headquarters";
    SecDuties => "成员单位职责", "Member units and duties";
    SecMonitoring => "失业监测", "Monitoring";
    SecReporting => "报告时限", "Reporting deadlines";
    SecBulletin => "预警信息发布", "Warning bulletin";
    SecMeasures => "应急处置措施", "Response measures";
    SecEnd => "应急结束", "End of the emergency";
    SecRequirements => "工作要求与附则", "Requirements and supplementary provisions";
    LevelCol => "等级", "Level";
    ColourCol => "颜色", "Colour";
    RateCol => "失业率", "Unemployment rate";
    ClosuresCol => "关停破产", "Closures";
    LayoffsCol => "一次性裁员", "One-time layoffs";
    AnyOneSuffices => "满足任一条件即达到该等级；“以上”含本数（§9）。", "Any one condition suffices; \"以上\" (at or above) includes the number (§9).";
    SustainedMonths => "持续", "sustained";
    MonthsUnit => "个月以上", "months or more";
    PeopleUnit => "人以上失业", "or more unemployed";
    OfWorkforce => "以上（占企业职工总数）", "or more of the workforce";
    SpecialDetermination => "特殊认定", "Special determination";
    ParamName => "参数", "Parameter";
    ParamValue => "取值", "Value";
    ParamReason => "理由", "Reason";
    OpenPoint => "待解释点", "Open point";
    Commander => "总指挥", "Commander";
    Deputies => "副总指挥", "Deputy commanders";
    Members => "成员", "Members";
    HqOffice => "指挥部办公室", "HQ office";
    HqSetup => "成立条件", "When set up";
    DeadlineTask => "事项", "Task";
    DeadlineBy => "责任方", "By";
    DeadlineTo => "报告对象", "Report to";
    DeadlineWithin => "时限", "Within";
    Hours => "小时", "hours";
    Simultaneous => "同时", "at the same time";
    AllLevels => "各级", "all levels";
    BulletinFields => "预警信息应包括", "A bulletin must contain";
    FilterUnit => "按责任单位筛选", "Filter by responsible unit";
    FilterLevel => "按等级筛选", "Filter by level";
    AllUnits => "全部单位", "All units";
    MeasuresShown => "条措施", "measures shown";
    ResponsibleUnits => "责任单位", "Responsible units";
    StartProcedure => "启动程序", "Start procedure";
    ControlPolicy => "失业调控", "Control policy";
    EmergencyMeasures => "应急措施", "Emergency measures";
    MayAdd => "可加选", "May add";
    PackageOf => "级措施包", "level package";
    PrintPage => "打印", "Print";
    StreetDuties => "街道失业应急指挥机构", "Street emergency bodies";
    ClauseLabel => "条款", "Clause";
    PrincipalLeadersAtL1 => "一级时由各单位主要负责人担任成员", "At level 1 the principal leaders are members";
    NoMeasuresForFilter => "该单位在此等级没有责任措施。", "This unit has no measures at this level.";
    StorageUnavailable => "浏览器存储不可用，语言设置不会被记住。", "Browser storage is unavailable; the language choice will not be remembered.";
}

/// "一级" / "Level 1".
pub fn level_name(level: crate::plan::Level, lang: Lang) -> String {
    let n = level.number();
    match lang {
        Lang::Zh => format!(
            "{}级",
            match n {
                1 => "一",
                2 => "二",
                _ => "三",
            }
        ),
        Lang::En => format!("Level {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Level;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} in {lang:?}");
            }
            assert_ne!(m.text(Lang::Zh), m.text(Lang::En), "{m:?} untranslated");
        }
    }

    #[test]
    fn language_tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn level_names() {
        assert_eq!(level_name(Level::L1, Lang::Zh), "一级");
        assert_eq!(level_name(Level::L3, Lang::En), "Level 3");
    }
}
