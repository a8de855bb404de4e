//! Plans to start from: the built-in Binjiang 2020 plan, Zhuhai's 2006 plan (four levels set by
//! the registered rate alone) and a blank plan.

use super::{
    Clause, Comparison, Headquarters, Level, LevelSpec, Parameters, Plan, RateCriterion,
    RateSeriesChoice, RateSeriesRule, Response, Text, Thresholds,
};
use crate::num::Pct;

pub const BINJIANG_2020: &str = "binjiang-2020";
pub const ZHUHAI_2006: &str = "zhuhai-2006";
pub const BLANK: &str = "blank";

/// Every preset id, the default first.
pub const ALL: [&str; 3] = [BINJIANG_2020, ZHUHAI_2006, BLANK];

/// A preset's name for the chooser.
pub fn name(id: &str) -> Text {
    match id {
        BINJIANG_2020 => Text::new("滨江区 2020（默认）", "Binjiang 2020 (default)"),
        ZHUHAI_2006 => Text::new(
            "珠海市 2006（珠劳社〔2006〕110号）",
            "Zhuhai 2006 (Zhu Lao She [2006] No. 110)",
        ),
        _ => Text::new("空白预案", "Blank plan"),
    }
}

fn clause(id: &str, zh: &str, en: &str) -> Clause {
    Clause {
        id: id.to_owned(),
        text: Text::new(zh, en),
    }
}

/// A level's response with no texts or measures yet.
pub fn empty_response(level: Level) -> Response {
    Response {
        level,
        clause: String::new(),
        start_procedure: Clause::default(),
        control_policy: Clause::default(),
        measures: Vec::new(),
        may_add: Vec::new(),
        may_add_clause: Clause::default(),
    }
}

/// A plan with every text empty and the given table; the basis of the other presets.
fn skeleton(id: &str, title: Text, levels: Vec<LevelSpec>) -> Plan {
    let responses = levels.iter().map(|l| empty_response(l.level)).collect();
    Plan {
        id: id.to_owned(),
        title,
        issuer: Text::default(),
        issued: String::new(),
        scope: Clause::default(),
        principles: Vec::new(),
        hq: Headquarters::default(),
        units: Vec::new(),
        duties: Vec::new(),
        street_duties: Clause::default(),
        monitoring: Vec::new(),
        thresholds: Thresholds { levels },
        special_determination: Clause::default(),
        parameters: Parameters::default(),
        deadlines: Vec::new(),
        reporting: Clause::default(),
        first_response: Clause::default(),
        bulletin: Clause::default(),
        bulletin_fields: Vec::new(),
        responses,
        end_steps: Vec::new(),
        requirements: Vec::new(),
        supplementary: Vec::new(),
        indicators: Vec::new(),
        response_from: None,
        source: None,
    }
}

/// A level with no criteria yet.
pub fn empty_level(level: Level) -> LevelSpec {
    LevelSpec {
        level,
        clause: format!("L{}", level.number()),
        name: super::default_label(level),
        label: None,
        colour: None,
        rate: None,
        closures: None,
        layoffs: None,
        extra: Vec::new(),
    }
}

/// One level with no criteria: the editor's starting point (it does not validate until a
/// criterion is added).
pub fn blank() -> Plan {
    skeleton(
        BLANK,
        Text::new("新预案", "New plan"),
        vec![empty_level(Level::L1)],
    )
}

/// Zhuhai's 2006 plan (珠劳社〔2006〕110号): four levels set by the registered rate alone, with
/// no duration; the response starts at level Ⅲ. The criterion texts summarise the plan's level
/// table.
pub fn zhuhai_2006() -> Plan {
    let row = |level: Level,
               roman: &str,
               name: (&str, &str),
               cmp: Comparison,
               tenths: i64,
               text: (&str, &str)| {
        let id = format!("Z-{roman}");
        LevelSpec {
            level,
            clause: id.clone(),
            name: Text {
                zh: format!("{roman}级（{}）失业预警", name.0),
                en: format!("Level {roman} ({}) unemployment warning", name.1),
            },
            label: Some(Text {
                zh: format!("{roman}级"),
                en: format!("Level {roman}"),
            }),
            colour: None,
            rate: Some(RateCriterion {
                clause: clause(&format!("{id}-a"), text.0, text.1),
                min_rate: Pct::tenths(tenths),
                sustained_months: 1,
                comparison: cmp,
                series: Some(RateSeriesChoice::Registered),
            }),
            closures: None,
            layoffs: None,
            extra: Vec::new(),
        }
    };
    let levels = vec![
        row(
            Level::L1,
            "Ⅰ",
            ("特别严重", "especially severe"),
            Comparison::Above,
            100,
            (
                "登记失业率超过10%",
                "registered unemployment rate above 10 %",
            ),
        ),
        row(
            Level::L2,
            "Ⅱ",
            ("严重", "severe"),
            Comparison::AtLeast,
            70,
            (
                "登记失业率7%以上",
                "registered unemployment rate 7 % or more",
            ),
        ),
        row(
            Level::L3,
            "Ⅲ",
            ("较重", "serious"),
            Comparison::AtLeast,
            40,
            (
                "登记失业率4%以上",
                "registered unemployment rate 4 % or more",
            ),
        ),
        row(
            Level::L4,
            "Ⅳ",
            ("一般", "general"),
            Comparison::Below,
            40,
            ("登记失业率4%以下", "registered unemployment rate below 4 %"),
        ),
    ];
    let mut plan = skeleton(
        ZHUHAI_2006,
        Text::new(
            "珠海市失业预警应急预案",
            "Zhuhai Unemployment Warning Emergency Plan",
        ),
        levels,
    );
    plan.issuer = Text::new(
        "珠海市劳动和社会保障局",
        "Zhuhai Labour and Social Security Bureau",
    );
    plan.issued = "2006".to_owned();
    plan.source = Some(Text::new(
        "珠劳社〔2006〕110号，2006年",
        "Zhu Lao She [2006] No. 110, 2006",
    ));
    plan.parameters.rate_series = RateSeriesRule::RegisteredOnly;
    plan.response_from = Some(Level::L3);
    plan
}
