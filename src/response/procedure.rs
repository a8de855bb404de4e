//! What a response is run under: the parts of the plan it needs, pinned when it starts, and the
//! evaluation that justified it (§3.1, §6 start procedures).
//!
//! The procedure is copied into the response record so that a later edit of the plan (or a
//! street's own plan loaded instead) cannot rewrite what an earlier response was obliged to do;
//! measure texts stay in the plan and are looked up by clause for display.

use crate::model::Scope;
use crate::month::Month;
use crate::plan::{Clause, Deadline, Level, Plan, Text};
use crate::response::error::ResponseError;
use crate::rules::{Decider, Evaluation, Status};
use serde::{Deserialize, Serialize};

/// One emergency measure as pinned: its clause, short title and responsible units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRef {
    pub clause: String,
    pub title: Text,
    pub units: Vec<String>,
}

/// §6.x for one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelProcedure {
    pub level: Level,
    /// `§6.2`.
    pub clause: String,
    /// Clause id of the start procedure (`§6.2-start`).
    pub start_procedure: String,
    pub measures: Vec<MeasureRef>,
    /// Packages of lower levels this level may add (§6.1: 2 and 3; §6.2: 3).
    pub may_add: Vec<Level>,
}

/// §3.1: who sits in the HQ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HqTemplate {
    pub commander: Text,
    /// At level 1 the district head commands.
    pub commander_level1: Text,
    pub deputies: Vec<Text>,
    /// Member unit ids, in the plan's order.
    pub members: Vec<String>,
    /// The member units' names, so that the record reads without the plan (empty in records
    /// written before the names were pinned).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_names: Vec<Text>,
}

impl HqTemplate {
    /// The name of a member unit, when pinned.
    pub fn member_name(&self, unit: &str) -> Option<&Text> {
        let i = self.members.iter().position(|m| m == unit)?;
        self.member_names.get(i)
    }
}

/// The parts of a plan a response runs under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    pub plan_id: String,
    pub hq: HqTemplate,
    /// Level 1 first.
    pub levels: Vec<LevelProcedure>,
    /// §5.2, §5.3.
    pub deadlines: Vec<Deadline>,
}

impl Procedure {
    pub fn from_plan(plan: &Plan) -> Procedure {
        Procedure {
            plan_id: plan.id.clone(),
            hq: HqTemplate {
                commander: plan.hq.commander.clone(),
                commander_level1: plan.hq.commander_level1.clone(),
                deputies: plan.hq.deputies.clone(),
                members: plan.hq.members.clone(),
                member_names: plan
                    .hq
                    .members
                    .iter()
                    .map(|id| {
                        plan.unit(id)
                            .map(|u| u.name.clone())
                            .unwrap_or_else(|| Text::new(id, id))
                    })
                    .collect(),
            },
            // Only the levels at which the plan starts a response (Zhuhai 2006: from Ⅲ up);
            // a milder level's response section, if any, is not one a response can run at.
            levels: plan
                .responses
                .iter()
                .filter(|r| plan.response_levels().contains(&r.level))
                .map(|r| LevelProcedure {
                    level: r.level,
                    clause: r.clause.clone(),
                    start_procedure: r.start_procedure.id.clone(),
                    measures: r
                        .measures
                        .iter()
                        .map(|m| MeasureRef {
                            clause: m.clause.clone(),
                            title: m.title.clone(),
                            units: m.units.clone(),
                        })
                        .collect(),
                    may_add: r.may_add.clone(),
                })
                .collect(),
            deadlines: plan.deadlines.clone(),
        }
    }

    pub fn level(&self, level: Level) -> Option<&LevelProcedure> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The measure with that clause, with the level it belongs to.
    pub fn measure(&self, clause: &str) -> Option<(Level, &MeasureRef)> {
        self.levels
            .iter()
            .flat_map(|l| l.measures.iter().map(move |m| (l.level, m)))
            .find(|(_, m)| m.clause == clause)
    }
}

/// Why a level applies: the evaluation a start or a level change rests on, kept with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    pub scope: Scope,
    pub month: Month,
    /// The effective outcome (indicators, special determination and city warning combined).
    pub effective: Status,
    pub decided_by: Decider,
    /// The indicators alone (§5.1-Lx-a/b/c).
    pub indicator: Status,
    /// An approved §5.1-M determination in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Level>,
    /// A city warning in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Level>,
}

impl Basis {
    pub fn of(evaluation: &Evaluation) -> Basis {
        Basis {
            scope: evaluation.scope.clone(),
            month: evaluation.month,
            effective: evaluation.effective,
            decided_by: evaluation.decided_by,
            indicator: evaluation.indicator,
            special: evaluation.special.as_ref().map(|s| s.level),
            city: evaluation.city.as_ref().map(|c| c.level),
        }
    }

    /// The level that holds for certain (what a response may run at).
    pub fn level(&self) -> Option<Level> {
        self.effective.level()
    }

    /// §3.1 and §6: a response runs at `level` on this basis only when it is the district's,
    /// a level (3 or higher) holds for certain — from the indicators, an approved §5.1-M
    /// determination or a city warning involving the district — and it is that level.
    pub fn supports(&self, level: Level) -> Result<(), ResponseError> {
        if self.scope != Scope::District {
            return Err(ResponseError::NotDistrict);
        }
        let Some(supported) = self.level() else {
            return Err(ResponseError::BelowLevel3 {
                month: self.month,
                possible: match self.effective {
                    Status::InsufficientData { could_be, .. } => Some(could_be),
                    _ => None,
                },
            });
        };
        if supported != level {
            return Err(ResponseError::LevelMismatch {
                requested: level,
                supported,
            });
        }
        Ok(())
    }
}

/// The level a response may start at on this evaluation, or why none may.
pub fn activatable_level(evaluation: &Evaluation) -> Result<Level, ResponseError> {
    let basis = Basis::of(evaluation);
    let level = basis.level().unwrap_or(Level::L3);
    basis.supports(level).map(|()| level)
}

/// The start procedure of a level (§6.x-1), to show before the commander approves.
pub fn start_procedure(plan: &Plan, level: Level) -> Option<&Clause> {
    plan.response(level).map(|r| &r.start_procedure)
}
