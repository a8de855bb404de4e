//! The emergency plan as typed data.
//!
//! Every item carries the clause id of `PLAN.md` (`§5.1-L2-a`, `§6.3-7`, …) so that code, tests and
//! the UI can cite it. The Binjiang 2020 plan is built in ([`Plan::binjiang_2020`]); the model is
//! serde-round-trippable so a street's own plan (§9) or a what-if variant can be stored in a
//! snapshot.

mod binjiang2020;
mod params;

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

/// The three warning levels of §5.1; level 1 is the most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "1")]
    L1,
    #[serde(rename = "2")]
    L2,
    #[serde(rename = "3")]
    L3,
}

impl Level {
    /// Most severe first.
    pub const ALL: [Level; 3] = [Level::L1, Level::L2, Level::L3];

    pub fn number(self) -> u8 {
        match self {
            Level::L1 => 1,
            Level::L2 => 2,
            Level::L3 => 3,
        }
    }

    pub fn from_number(n: u8) -> Option<Level> {
        match n {
            1 => Some(Level::L1),
            2 => Some(Level::L2),
            3 => Some(Level::L3),
            _ => None,
        }
    }

    /// Severity rank: higher is more severe (3 for level 1).
    pub fn severity(self) -> u8 {
        4 - self.number()
    }

    /// The more severe of two levels.
    pub fn max_severity(a: Level, b: Level) -> Level {
        if a.severity() >= b.severity() {
            a
        } else {
            b
        }
    }

    /// Chinese warning colour convention: 1 red, 2 orange, 3 yellow.
    pub fn colour(self) -> WarningColour {
        match self {
            Level::L1 => WarningColour::Red,
            Level::L2 => WarningColour::Orange,
            Level::L3 => WarningColour::Yellow,
        }
    }

    /// The next less severe level, if any.
    pub fn lower(self) -> Option<Level> {
        match self {
            Level::L1 => Some(Level::L2),
            Level::L2 => Some(Level::L3),
            Level::L3 => None,
        }
    }
}

impl PartialOrd for Level {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Ordered by severity: `Level::L1 > Level::L3`.
impl Ord for Level {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.severity().cmp(&other.severity())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningColour {
    Red,
    Orange,
    Yellow,
}

impl WarningColour {
    pub fn css_class(self) -> &'static str {
        match self {
            WarningColour::Red => "red",
            WarningColour::Orange => "orange",
            WarningColour::Yellow => "yellow",
        }
    }

    pub fn name(self) -> Text {
        match self {
            WarningColour::Red => Text::new("红色", "red"),
            WarningColour::Orange => Text::new("橙色", "orange"),
            WarningColour::Yellow => Text::new("黄色", "yellow"),
        }
    }
}

/// §5.1-Lx-a: the unemployment rate at or above `min_rate` for `sustained_months` months.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCriterion {
    pub clause: Clause,
    pub min_rate: Pct,
    pub sustained_months: u32,
}

/// §5.1-Lx-b: closures and bankruptcies leaving at least `min_unemployed` people unemployed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureCriterion {
    pub clause: Clause,
    pub min_unemployed: u64,
}

/// §5.1-Lx-c: one-time layoffs reaching `min_share` of the enterprises' workforce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffCriterion {
    pub clause: Clause,
    pub min_share: Pct,
}

/// One row of the §5.1 table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelSpec {
    pub level: Level,
    /// Clause id of the level as a whole (`§5.1-L1`).
    pub clause: String,
    /// 一级（特别严重）失业预警 …
    pub name: Text,
    pub rate: RateCriterion,
    pub closures: ClosureCriterion,
    pub layoffs: LayoffCriterion,
}

/// The §5.1 thresholds of one plan: what the rules engine evaluates against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Exactly one spec per level, most severe first.
    pub levels: Vec<LevelSpec>,
}

impl Thresholds {
    pub fn spec(&self, level: Level) -> Option<&LevelSpec> {
        self.levels.iter().find(|s| s.level == level)
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl Plan {
    /// The Binjiang District plan of 2020-11-23, the default.
    pub fn binjiang_2020() -> Plan {
        binjiang2020::plan()
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
