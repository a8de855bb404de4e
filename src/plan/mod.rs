//! The emergency plan as typed data.
//!
//! Every item carries the clause id of `PLAN.md` (`§5.1-L2-a`, `§6.3-7`, …) so that code, tests and
//! the UI can cite it. The Binjiang 2020 plan is built in ([`Plan::binjiang_2020`]); the model is
//! serde-round-trippable so a street's own plan (§9) or a what-if variant can be stored in a
//! snapshot.

mod binjiang2020;
pub mod check;
pub mod editing;
mod params;
pub mod presets;

pub use params::{
    Art41Rule, LayoffRatioRule, LevelCombination, MissingMonthRule, Parameters, RateSeriesRule,
    StreetThresholdRule,
};

use crate::num::Pct;
use serde::{Deserialize, Serialize};

/// A text in the original Chinese (verbatim from the plan) and an English rendering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Text {
        Text {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }
}

/// A clause of the plan: its id in `PLAN.md` and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Clause {
    pub id: String,
    pub text: Text,
}

/// A warning level: 1 is the most severe, up to [`Level::MAX`] (a plan has 1–5 levels, most
/// severe first). Serialised as the string `"1"` … `"5"`, as the three §5.1 levels always were.
/// Ordered by severity: `Level::L1 > Level::L3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Level(Rank);

/// A level as an enum of its severity rather than a `u8` of its number: the values a `u8`
/// could hold beyond 1–5 make `Option<Level>`, and the statuses and month summaries built of
/// it, one byte each, and `None` < least severe < … < most severe is the order of that byte,
/// so comparing levels (the streaming pass does it millions of times) is comparing bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
enum Rank {
    Five = 1,
    Four,
    Three,
    Two,
    One,
}

impl Level {
    pub const L1: Level = Level(Rank::One);
    pub const L2: Level = Level(Rank::Two);
    pub const L3: Level = Level(Rank::Three);
    pub const L4: Level = Level(Rank::Four);
    pub const L5: Level = Level(Rank::Five);
    /// The most levels a plan may have.
    pub const MAX: u8 = 5;
    /// Every level a plan may have, most severe first (a plan uses a prefix of these).
    pub const ALL: [Level; 5] = [Level::L1, Level::L2, Level::L3, Level::L4, Level::L5];

    pub fn number(self) -> u8 {
        (Level::MAX + 1).saturating_sub(self.0 as u8)
    }

    pub fn from_number(n: u8) -> Option<Level> {
        let rank = match n {
            1 => Rank::One,
            2 => Rank::Two,
            3 => Rank::Three,
            4 => Rank::Four,
            5 => Rank::Five,
            _ => return None,
        };
        Some(Level(rank))
    }

    /// Severity rank: higher is more severe (5 for level 1).
    pub fn severity(self) -> u8 {
        self.0 as u8
    }

    /// The more severe of two levels.
    pub fn max_severity(a: Level, b: Level) -> Level {
        if a.severity() >= b.severity() {
            a
        } else {
            b
        }
    }

    /// The national warning colour convention: 1 red, 2 orange, 3 yellow, 4 (and 5) blue. A
    /// plan may choose another colour per level ([`LevelSpec::colour`]).
    pub fn colour(self) -> WarningColour {
        match self.number() {
            1 => WarningColour::Red,
            2 => WarningColour::Orange,
            3 => WarningColour::Yellow,
            _ => WarningColour::Blue,
        }
    }

    /// The next less severe level, if any (within [`Level::MAX`]; a plan may stop earlier).
    pub fn lower(self) -> Option<Level> {
        Level::from_number(self.number().saturating_add(1))
    }

    /// The next more severe level, if any.
    pub fn higher(self) -> Option<Level> {
        Level::from_number(self.number().saturating_sub(1))
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.number().to_string())
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<u8>()
            .ok()
            .and_then(Level::from_number)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown level '{s}'; expected \"1\" … \"{}\"",
                    Level::MAX
                ))
            })
    }
}

/// The warning colours (GB/T national convention: red, orange, yellow, blue). Always shown with
/// the level's text too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningColour {
    Red,
    Orange,
    Yellow,
    Blue,
}

impl WarningColour {
    pub const ALL: [WarningColour; 4] = [
        WarningColour::Red,
        WarningColour::Orange,
        WarningColour::Yellow,
        WarningColour::Blue,
    ];

    pub fn css_class(self) -> &'static str {
        match self {
            WarningColour::Red => "red",
            WarningColour::Orange => "orange",
            WarningColour::Yellow => "yellow",
            WarningColour::Blue => "blue",
        }
    }

    pub fn name(self) -> Text {
        match self {
            WarningColour::Red => Text::new("红色", "red"),
            WarningColour::Orange => Text::new("橙色", "orange"),
            WarningColour::Yellow => Text::new("黄色", "yellow"),
            WarningColour::Blue => Text::new("蓝色", "blue"),
        }
    }
}

/// How a value is compared with a criterion's threshold, in the words plans use. "以上" and
/// "以下" include the number (§9); "超过" and "低于" do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// ≥, "以上".
    #[default]
    AtLeast,
    /// >, "超过".
    Above,
    /// ≤, "以下".
    AtMost,
    /// <, "低于".
    Below,
}

impl Comparison {
    pub const ALL: [Comparison; 4] = [
        Comparison::AtLeast,
        Comparison::Above,
        Comparison::AtMost,
        Comparison::Below,
    ];

    /// Whether `ordering` (the value compared with the threshold) satisfies the comparison.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            Comparison::AtLeast => matches!(ordering, Greater | Equal),
            Comparison::Above => ordering == Greater,
            Comparison::AtMost => matches!(ordering, Less | Equal),
            Comparison::Below => ordering == Less,
        }
    }

    /// Whether larger values satisfy it (≥, >): a level reached this way rises with the value.
    pub fn is_upward(self) -> bool {
        matches!(self, Comparison::AtLeast | Comparison::Above)
    }

    pub fn is_default(&self) -> bool {
        *self == Comparison::AtLeast
    }

    /// The sign and the plan's word: `≥`/"以上", `>`/"超过", `≤`/"以下", `<`/"低于".
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::Above => ">",
            Comparison::AtMost => "≤",
            Comparison::Below => "<",
        }
    }

    pub fn words(self) -> Text {
        match self {
            Comparison::AtLeast => Text::new("以上（含）", "at or above"),
            Comparison::Above => Text::new("超过", "above"),
            Comparison::AtMost => Text::new("以下（含）", "at or below"),
            Comparison::Below => Text::new("低于", "below"),
        }
    }
}

/// Which rate series a rate criterion reads; `None` on the criterion means the plan's
/// `parameters.rate_series`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateSeriesChoice {
    /// 登记失业率.
    Registered,
    /// 调查（实际）失业率.
    Surveyed,
    /// Either; a streak never mixes the two.
    Either,
}

/// §5.1-Lx-a: the unemployment rate compared with `min_rate` (the threshold; "min" for the
/// usual ≥) in each of `sustained_months` months.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCriterion {
    pub clause: Clause,
    pub min_rate: Pct,
    pub sustained_months: u32,
    #[serde(default, skip_serializing_if = "Comparison::is_default")]
    pub comparison: Comparison,
    /// The series read; `None`: the plan's `parameters.rate_series`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<RateSeriesChoice>,
}

/// §5.1-Lx-b: closures and bankruptcies leaving at least `min_unemployed` people unemployed,
/// Σ over the event window, from at least `parameters.closures_min_enterprises` enterprises.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureCriterion {
    pub clause: Clause,
    pub min_unemployed: u64,
}

/// §5.1-Lx-c: one-time layoffs of several enterprises reaching `min_share` of their pooled
/// workforce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffCriterion {
    pub clause: Clause,
    pub min_share: Pct,
}

/// "单个企业关停破产造成N人以上失业": one closure in the event window leaves at least
/// `min_unemployed` people unemployed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleClosureCriterion {
    pub clause: Clause,
    pub min_unemployed: u64,
}

/// "从业人员在W人以上的企业，一次性裁员N人以上": one layoff in the event window of at least
/// `min_laid_off` people, counted only where the enterprise's workforce before it was at least
/// `min_workforce` (when given).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleLayoffCriterion {
    pub clause: Clause,
    pub min_laid_off: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_workforce: Option<u64>,
}

/// A monthly indicator the office enters itself per region (`Plan::indicators`), compared with
/// `threshold` in each of `sustained_months` months.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorCriterion {
    pub clause: Clause,
    /// The id of an entry of `Plan::indicators`.
    pub indicator: String,
    #[serde(default)]
    pub comparison: Comparison,
    /// Fixed point, 4 decimals, in the indicator's unit.
    pub threshold: Pct,
    pub sustained_months: u32,
}

crate::tag_first_enum! {
    tag = "kind", remote = "ExtraCriterion", twin = ExtraCriterionIn;
    /// A criterion beyond the pooled §5.1 three: a single enterprise's closure or layoff, or an
    /// indicator of the office's own.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum ExtraCriterion {
        SingleClosure(SingleClosureCriterion),
        SingleLayoff(SingleLayoffCriterion),
        Indicator(IndicatorCriterion),
    }
}

impl ExtraCriterion {
    pub fn clause(&self) -> &Clause {
        match self {
            ExtraCriterion::SingleClosure(c) => &c.clause,
            ExtraCriterion::SingleLayoff(c) => &c.clause,
            ExtraCriterion::Indicator(c) => &c.clause,
        }
    }

    pub fn clause_mut(&mut self) -> &mut Clause {
        match self {
            ExtraCriterion::SingleClosure(c) => &mut c.clause,
            ExtraCriterion::SingleLayoff(c) => &mut c.clause,
            ExtraCriterion::Indicator(c) => &mut c.clause,
        }
    }

    /// The kind's name, for lists and messages.
    pub fn kind_name(&self) -> Text {
        match self {
            ExtraCriterion::SingleClosure(_) => Text::new("单个企业关停", "single closure"),
            ExtraCriterion::SingleLayoff(_) => Text::new("单个企业裁员", "single layoff"),
            ExtraCriterion::Indicator(_) => Text::new("自定指标", "own indicator"),
        }
    }
}

/// A monthly indicator of the office's own (e.g. the share of long-term unemployed), entered
/// per region and month in `Dataset::indicator_values`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorDef {
    /// Stable slug, e.g. `long-term-share`.
    pub id: String,
    pub name: Text,
    /// `%`, `人` …
    pub unit: Text,
}

/// One level of a plan: its names, colour and criteria ("发生以下情况之一": any one suffices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelSpec {
    pub level: Level,
    /// Clause id of the level as a whole (`§5.1-L1`).
    pub clause: String,
    /// 一级（特别严重）失业预警 …
    pub name: Text,
    /// Short label (一级 / Ⅰ级); `None`: derived from the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// `None`: the national convention for the number ([`Level::colour`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<WarningColour>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<RateCriterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closures: Option<ClosureCriterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layoffs: Option<LayoffCriterion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCriterion>,
}

impl LevelSpec {
    /// The colour shown for this level.
    pub fn colour(&self) -> WarningColour {
        self.colour.unwrap_or(self.level.colour())
    }

    /// The short label shown on badges.
    pub fn label(&self) -> Text {
        self.label
            .clone()
            .unwrap_or_else(|| default_label(self.level))
    }

    /// How many criteria the level has.
    pub fn criteria_count(&self) -> usize {
        usize::from(self.rate.is_some())
            + usize::from(self.closures.is_some())
            + usize::from(self.layoffs.is_some())
            + self.extra.len()
    }

    /// Every criterion's clause, in order (rate, closures, layoff share, then the others).
    pub fn clauses(&self) -> Vec<&Clause> {
        self.rate
            .as_ref()
            .map(|c| &c.clause)
            .into_iter()
            .chain(self.closures.as_ref().map(|c| &c.clause))
            .chain(self.layoffs.as_ref().map(|c| &c.clause))
            .chain(self.extra.iter().map(ExtraCriterion::clause))
            .collect()
    }
}

/// 一级 / level 1 …
pub fn default_label(level: Level) -> Text {
    const ZH: [&str; 5] = ["一", "二", "三", "四", "五"];
    let n = level.number();
    let zh = ZH
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("?");
    Text {
        zh: format!("{zh}级"),
        en: format!("Level {n}"),
    }
}

/// The §5.1 thresholds of one plan: what the rules engine evaluates against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Thresholds {
    /// Exactly one spec per level, most severe first.
    pub levels: Vec<LevelSpec>,
}

impl Thresholds {
    pub fn spec(&self, level: Level) -> Option<&LevelSpec> {
        self.levels.iter().find(|s| s.level == level)
    }

    /// The levels of the table, most severe first.
    pub fn level_list(&self) -> Vec<Level> {
        let mut out: Vec<Level> = self.levels.iter().map(|s| s.level).collect();
        crate::sort::sort_by_key(&mut out, |l| std::cmp::Reverse(*l));
        out.dedup();
        out
    }

    /// The least severe level of the table.
    pub fn mildest(&self) -> Option<Level> {
        self.levels.iter().map(|s| s.level).min()
    }

    /// The colour of a level (the national convention where the table lacks it).
    pub fn colour(&self, level: Level) -> WarningColour {
        self.spec(level).map_or(level.colour(), LevelSpec::colour)
    }

    /// The short label of a level.
    pub fn label(&self, level: Level) -> Text {
        self.spec(level)
            .map_or_else(|| default_label(level), LevelSpec::label)
    }
}

/// A unit (department, street office) named in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable slug, e.g. `finance`, `hrss`, `streets`.
    pub id: String,
    pub name: Text,
}

/// §3.2: the duties of one numbered item (an item may name several units, e.g. item 14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    /// `§3.2-1` … `§3.2-15`.
    pub clause: String,
    pub units: Vec<String>,
    pub text: Text,
}

/// §3.1: the district Unemployment Emergency Headquarters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Headquarters {
    /// When the HQ is set up (level 3 or higher, district or city warning).
    pub setup: Clause,
    pub commander: Text,
    /// At level 1 the district head commands.
    pub commander_level1: Text,
    pub deputies: Vec<Text>,
    /// Member unit ids, in the order of the plan.
    pub members: Vec<String>,
    /// Member units are represented by their responsible leader; at level 1 by their principal leader.
    pub members_rule: Clause,
    /// The HQ office (区失业应急办) and its duties.
    pub office: Clause,
}

/// Who a deadline starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineStart {
    /// A sudden major unemployment event (§5.3).
    Event,
    /// An industry or enterprise reaching a warning level (§5.2).
    LevelReached,
}

/// §5.2 / §5.3: a reporting or response deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Stable id, e.g. `on-site`, `first-report`, `level-report-12`.
    pub id: String,
    pub clause: String,
    pub start: DeadlineStart,
    /// Levels it applies to; empty means all.
    pub levels: Vec<Level>,
    pub hours: u32,
    /// What must be done.
    pub task: Text,
    /// Who does it.
    pub by: Text,
    /// To whom it is reported (empty where nothing is reported).
    pub to: Text,
}

/// §5.4: one of the seven fields a warning bulletin must contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulletinField {
    /// `category`, `level`, `start`, `scope`, `items`, `measures`, `issuer`.
    pub id: String,
    pub name: Text,
}

/// §6.x-n: one emergency measure with its responsible units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// `§6.2-4`.
    pub clause: String,
    pub title: Text,
    pub text: Text,
    /// Responsible unit ids.
    pub units: Vec<String>,
}

/// §6.1–§6.3: the response at one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub level: Level,
    /// `§6.1`.
    pub clause: String,
    pub start_procedure: Clause,
    pub control_policy: Clause,
    pub measures: Vec<Measure>,
    /// Lower-level packages this level may add (§6.1: 2 and 3; §6.2: 3).
    pub may_add: Vec<Level>,
    /// The clause that allows adding them (empty id where none).
    pub may_add_clause: Clause,
}

/// A whole emergency plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Stable id, e.g. `binjiang-2020`.
    pub id: String,
    pub title: Text,
    pub issuer: Text,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: String,
    /// §1.
    pub scope: Clause,
    /// §2 (1)–(4).
    pub principles: Vec<Clause>,
    /// §3.1.
    pub hq: Headquarters,
    /// Every unit named anywhere in the plan.
    pub units: Vec<Unit>,
    /// §3.2 items 1–15.
    pub duties: Vec<Duty>,
    /// §3.3.
    pub street_duties: Clause,
    /// §4.1–§4.4.
    pub monitoring: Vec<Clause>,
    /// §5.1 level table.
    pub thresholds: Thresholds,
    /// §5.1-M special determination.
    pub special_determination: Clause,
    /// The open points of interpretation, as explicit parameters (`docs/rules.md`).
    pub parameters: Parameters,
    /// §5.2 and §5.3.
    pub deadlines: Vec<Deadline>,
    /// §5.2 full text.
    pub reporting: Clause,
    /// §5.3 full text.
    pub first_response: Clause,
    /// §5.4 text and its seven fields.
    pub bulletin: Clause,
    pub bulletin_fields: Vec<BulletinField>,
    /// §6.1–§6.3, level 1 first.
    pub responses: Vec<Response>,
    /// §7.1–§7.3.
    pub end_steps: Vec<Clause>,
    /// §8 (1)–(3).
    pub requirements: Vec<Clause>,
    /// §9.
    pub supplementary: Vec<Clause>,
    /// Monthly indicators of the office's own that criteria may compare (none in Binjiang's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorDef>,
    /// The least severe level at which a response starts (Zhuhai 2006: Ⅲ); `None`: every
    /// level of the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_from: Option<Level>,
    /// Where the plan comes from (document number, year), shown beside a preset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

impl Plan {
    /// The Binjiang District plan of 2020-11-23, the default.
    pub fn binjiang_2020() -> Plan {
        binjiang2020::plan()
    }

    /// A preset by id: `binjiang-2020`, `zhuhai-2006` or `blank`.
    pub fn preset(id: &str) -> Option<Plan> {
        match id {
            presets::BINJIANG_2020 => Some(Plan::binjiang_2020()),
            presets::ZHUHAI_2006 => Some(presets::zhuhai_2006()),
            presets::BLANK => Some(presets::blank()),
            _ => None,
        }
    }

    /// The levels of the plan's table, most severe first.
    pub fn levels(&self) -> Vec<Level> {
        self.thresholds.level_list()
    }

    /// The levels at which a response can be activated: from the most severe down to
    /// `response_from` (every level of the table when it is not set).
    pub fn response_levels(&self) -> Vec<Level> {
        let from = self.response_from.or(self.thresholds.mildest());
        self.levels()
            .into_iter()
            .filter(|l| from.is_none_or(|f| *l >= f))
            .collect()
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// A plan file as the Plan page exports it: one plan as JSON. A message names what is
    /// wrong and where (serde's path and line).
    pub fn from_json(text: &str) -> Result<Plan, Text> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str::<Plan>(text).map_err(|e| Text {
            zh: format!("不是有效的预案文件：{e}"),
            en: format!("not a valid plan file: {e}"),
        })
    }

    pub fn to_json_pretty(&self) -> String {
        // A plan is plain data: serialising it cannot fail.
        crate::pretty::indent(&serde_json::to_string(self).unwrap_or_default())
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn response(&self, level: Level) -> Option<&Response> {
        self.responses.iter().find(|r| r.level == level)
    }

    /// Measures of `level` (and, when `with_packages`, of the lower levels it may add), each
    /// with the level it belongs to.
    pub fn measures_for(&self, level: Level, with_packages: bool) -> Vec<(Level, &Measure)> {
        let mut out = Vec::new();
        if let Some(r) = self.response(level) {
            out.extend(r.measures.iter().map(|m| (level, m)));
            if with_packages {
                for l in &r.may_add {
                    if let Some(extra) = self.response(*l) {
                        out.extend(extra.measures.iter().map(|m| (*l, m)));
                    }
                }
            }
        }
        out
    }

    /// The measures a unit is responsible for, over all levels.
    pub fn measures_of_unit(&self, unit_id: &str) -> Vec<(Level, &Measure)> {
        self.responses
            .iter()
            .flat_map(|r| r.measures.iter().map(move |m| (r.level, m)))
            .filter(|(_, m)| m.units.iter().any(|u| u == unit_id))
            .collect()
    }

    /// Deadlines that apply at `level` from the given start.
    pub fn deadlines_for(&self, level: Level) -> Vec<&Deadline> {
        self.deadlines
            .iter()
            .filter(|d| d.levels.is_empty() || d.levels.contains(&level))
            .collect()
    }
}

#[cfg(test)]
mod tests;
