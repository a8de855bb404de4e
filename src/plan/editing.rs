//! The plan editor's structural changes, pure: adding, moving and removing levels (with what
//! belongs to a level), adding criteria under a fresh clause label. The workspace checks the
//! result ([`crate::workspace::Workspace::update_plan`]); these only keep the plan coherent.

use super::{
    presets, Clause, ClosureCriterion, Comparison, ExtraCriterion, IndicatorCriterion,
    LayoffCriterion, Level, LevelSpec, Plan, RateCriterion, SingleClosureCriterion,
    SingleLayoffCriterion, Text,
};
use crate::num::Pct;
use std::cmp::{Ordering, Reverse};

/// The message for an item that is no longer there (a stale index from a page not yet
/// redrawn).
pub fn gone() -> Text {
    Text::new("该项已不存在", "that item no longer exists")
}

fn spec(p: &Plan, i: usize) -> Result<&LevelSpec, Text> {
    p.thresholds.levels.get(i).ok_or_else(gone)
}

/// A rate criterion to start from: 4.5 % for 2 months, on the plan's series.
pub fn default_rate() -> RateCriterion {
    RateCriterion {
        clause: Clause::default(),
        min_rate: Pct::tenths(45),
        sustained_months: 2,
        comparison: Comparison::AtLeast,
        series: None,
    }
}

/// Renumbers every level by `map` (`None`: the level is gone), with what belongs to a level:
/// its row, its response (§6), the packages that name it, the deadlines' levels (§5.2) and
/// the response start.
fn renumber(p: &mut Plan, map: impl Fn(Level) -> Option<Level>) {
    p.thresholds
        .levels
        .retain_mut(|s| map(s.level).map(|l| s.level = l).is_some());
    crate::sort::sort_by_key(&mut p.thresholds.levels, |s| Reverse(s.level));
    p.responses
        .retain_mut(|r| map(r.level).map(|l| r.level = l).is_some());
    for r in &mut p.responses {
        r.may_add = r.may_add.iter().filter_map(|l| map(*l)).collect();
    }
    crate::sort::sort_by_key(&mut p.responses, |r| Reverse(r.level));
    // A deadline of removed levels only would otherwise apply to every level.
    p.deadlines.retain_mut(|d| {
        let had = !d.levels.is_empty();
        d.levels = d.levels.iter().filter_map(|l| map(*l)).collect();
        !(had && d.levels.is_empty())
    });
    p.response_from = p.response_from.and_then(&map);
}

/// Swaps the levels in positions `i` and `i + 1`: the milder one becomes the more severe,
/// with its criteria, names, colour and response.
pub fn swap_levels(p: &mut Plan, i: usize) -> Result<(), Text> {
    let a = spec(p, i)?.level;
    let b = spec(p, i + 1)?.level;
    renumber(p, |l| {
        Some(if l == a {
            b
        } else if l == b {
            a
        } else {
            l
        })
    });
    Ok(())
}

/// Removes the level in position `i`; the milder levels move up one.
pub fn remove_level(p: &mut Plan, i: usize) -> Result<(), Text> {
    let removed = spec(p, i)?.level;
    renumber(p, |l| match l.cmp(&removed) {
        Ordering::Equal => None,
        Ordering::Less => l.higher(),
        Ordering::Greater => Some(l),
    });
    Ok(())
}

/// A new mildest level. A level needs a criterion to be reached, so it starts with the rate
/// criterion of the level above under its own clause label `L{n}-a` (or 4.5 % for 2 months),
/// to be set by the user; and an empty response (§6) for its measures.
pub fn add_level(p: &mut Plan) -> Result<(), Text> {
    let n = p.thresholds.levels.len() + 1;
    let level = u8::try_from(n)
        .ok()
        .and_then(Level::from_number)
        .ok_or_else(|| {
            crate::both!(
                ["最多 {} 个预警等级", Level::MAX],
                ["at most {} levels", Level::MAX]
            )
        })?;
    let mut s = presets::empty_level(level);
    let mut rate = p
        .thresholds
        .levels
        .last()
        .and_then(|s| s.rate.clone())
        .unwrap_or_else(default_rate);
    rate.clause = Clause {
        id: format!("L{n}-a"),
        text: Text::default(),
    };
    s.rate = Some(rate);
    p.thresholds.levels.push(s);
    if p.response(level).is_none() {
        p.responses.push(presets::empty_response(level));
    }
    Ok(())
}

/// The kinds of criterion the editor adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewCriterion {
    Rate,
    Closures,
    Layoffs,
    SingleClosure,
    SingleLayoff,
    Indicator,
}

impl NewCriterion {
    pub const ALL: [NewCriterion; 6] = [
        NewCriterion::Rate,
        NewCriterion::Closures,
        NewCriterion::Layoffs,
        NewCriterion::SingleClosure,
        NewCriterion::SingleLayoff,
        NewCriterion::Indicator,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NewCriterion::Rate => "rate",
            NewCriterion::Closures => "closures",
            NewCriterion::Layoffs => "layoffs",
            NewCriterion::SingleClosure => "single-closure",
            NewCriterion::SingleLayoff => "single-layoff",
            NewCriterion::Indicator => "indicator",
        }
    }

    /// Whether level `s` of `p` can take one more of this kind (the pooled three once each;
    /// an indicator criterion needs an indicator of the plan).
    pub fn fits(self, p: &Plan, s: &LevelSpec) -> bool {
        match self {
            NewCriterion::Rate => s.rate.is_none(),
            NewCriterion::Closures => s.closures.is_none(),
            NewCriterion::Layoffs => s.layoffs.is_none(),
            NewCriterion::SingleClosure | NewCriterion::SingleLayoff => true,
            NewCriterion::Indicator => !p.indicators.is_empty(),
        }
    }
}

/// A clause label no criterion of the plan has yet: the level's own with a letter.
fn new_clause_id(p: &Plan, i: usize) -> String {
    let base = p
        .thresholds
        .levels
        .get(i)
        .map_or(String::new(), |s| s.clause.clone());
    let used: Vec<&str> = p
        .thresholds
        .levels
        .iter()
        .flat_map(LevelSpec::clauses)
        .map(|c| c.id.as_str())
        .collect();
    ('a'..='z')
        .map(|c| format!("{base}-{c}"))
        .find(|id| !used.contains(&id.as_str()))
        .unwrap_or(base)
}

/// Adds a criterion of `kind` to the level in position `i`, with starting values to be set
/// by the user, under a fresh clause label.
pub fn add_criterion(p: &mut Plan, i: usize, kind: NewCriterion) -> Result<(), Text> {
    let clause = Clause {
        id: new_clause_id(p, i),
        text: Text::default(),
    };
    let indicator = p.indicators.first().map(|d| d.id.clone());
    let s = p.thresholds.levels.get_mut(i).ok_or_else(gone)?;
    let taken = Text::new(
        "该等级已有此类条件",
        "the level already has a criterion of this kind",
    );
    match kind {
        NewCriterion::Rate if s.rate.is_none() => {
            s.rate = Some(RateCriterion {
                clause,
                ..default_rate()
            });
        }
        NewCriterion::Closures if s.closures.is_none() => {
            s.closures = Some(ClosureCriterion {
                clause,
                min_unemployed: 5_000,
            });
        }
        NewCriterion::Layoffs if s.layoffs.is_none() => {
            s.layoffs = Some(LayoffCriterion {
                clause,
                min_share: Pct::tenths(400),
            });
        }
        NewCriterion::Rate | NewCriterion::Closures | NewCriterion::Layoffs => return Err(taken),
        NewCriterion::SingleClosure => {
            s.extra
                .push(ExtraCriterion::SingleClosure(SingleClosureCriterion {
                    clause,
                    min_unemployed: 1_000,
                }));
        }
        NewCriterion::SingleLayoff => {
            s.extra
                .push(ExtraCriterion::SingleLayoff(SingleLayoffCriterion {
                    clause,
                    min_laid_off: 500,
                    min_workforce: None,
                }));
        }
        NewCriterion::Indicator => {
            let indicator = indicator.ok_or_else(|| {
                Text::new("预案还没有自定指标", "the plan has no own indicator yet")
            })?;
            s.extra.push(ExtraCriterion::Indicator(IndicatorCriterion {
                clause,
                indicator,
                comparison: Comparison::AtLeast,
                threshold: Pct::tenths(100),
                sustained_months: 1,
            }));
        }
    }
    Ok(())
}
