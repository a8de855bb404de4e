//! What one grid cell shows: the value entered for (region, month, field), or — greyed, when
//! nothing is entered — the value computed the way the rules compute it: a street's or the
//! district's counts as the Σ of its children's (when every child has them), and a registered
//! rate from the counts (own, else Σ/Σ of the children), as `rules::cells` does.

use crate::edit::{Field, Value};
use crate::model::Observation;
use crate::month::Month;
use crate::num::Rate;
use crate::rules::Engine;

/// Deeper than any district → street → community tree (the rules' tree has no cycles; this
/// bounds the walk whatever it is given).
const MAX_DEPTH: usize = 16;

/// A cell's texts: what is stored (typed as the user would type it), and otherwise the computed
/// value (empty when there is none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub entered: String,
    pub computed: String,
}

/// Cells read through the prepared engine's index (observations by region and month, the
/// region tree): nothing is built per render, so a grid over a city costs what it shows.
#[derive(Clone, Copy)]
pub struct CellIndex<'a> {
    engine: &'a Engine<'a>,
}

impl<'a> CellIndex<'a> {
    pub fn new(engine: &'a Engine<'a>) -> CellIndex<'a> {
        CellIndex { engine }
    }

    /// The observation the rules read for the cell (the last one given for the pair).
    pub fn observation(&self, region: &str, month: Month) -> Option<&'a Observation> {
        self.engine.observation(region, month)
    }

    /// The value entered for the cell.
    pub fn entered(&self, region: &str, month: Month, field: Field) -> Option<Value> {
        self.observation(region, month).and_then(|o| field.get(o))
    }

    /// What the cell shows.
    pub fn shown(&self, region: &str, month: Month, field: Field) -> Shown {
        if let Some(v) = self.entered(region, month, field) {
            return Shown {
                entered: v.to_string(),
                computed: String::new(),
            };
        }
        let computed = match field {
            Field::RegisteredRate => self
                .counts(region, month, 0)
                .and_then(|(u, lf)| Rate::from_counts(u, lf))
                .map(|r| {
                    let t = r.to_pct_rounded().approx(2);
                    format!("≈{}", t.trim_start_matches('≈'))
                }),
            // The actual (surveyed) rate is never computed (§4.3).
            Field::ActualRate => None,
            Field::Unemployed => self.summed_counts(region, month).map(|c| c.0.to_string()),
            Field::LabourForce => self.summed_counts(region, month).map(|c| c.1.to_string()),
            Field::Graduates | Field::Difficulty | Field::MigrantWorkers => self
                .children_sum(region, month, field, 0)
                .map(|n| n.to_string()),
        };
        Shown {
            entered: String::new(),
            computed: computed.unwrap_or_default(),
        }
    }

    /// The counts the rules use: own where both are recorded, else the children's Σ.
    fn counts(&self, region: &str, month: Month, depth: usize) -> Option<(u64, u64)> {
        if let Some(c) = self.observation(region, month).and_then(|o| o.counts()) {
            return Some(c);
        }
        self.child_counts(region, month, depth)
    }

    /// Σ of the children's counts, when every child has them (none for a region without one).
    fn child_counts(&self, region: &str, month: Month, depth: usize) -> Option<(u64, u64)> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let kids = self.engine.child_ids(region);
        if kids.is_empty() {
            return None;
        }
        kids.iter().try_fold((0u64, 0u64), |acc, k| {
            let c = self.counts(k, month, depth + 1)?;
            Some((acc.0.saturating_add(c.0), acc.1.saturating_add(c.1)))
        })
    }

    /// The counts shown greyed in an empty count cell: the children's Σ (a region's own
    /// half-entered pair is not the rules' count, so it is not shown as one).
    fn summed_counts(&self, region: &str, month: Month) -> Option<(u64, u64)> {
        self.child_counts(region, month, 0)
    }

    /// Σ of a key-group count over the children (entered, else their own children's Σ).
    fn children_sum(&self, region: &str, month: Month, field: Field, depth: usize) -> Option<u64> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let kids = self.engine.child_ids(region);
        if kids.is_empty() {
            return None;
        }
        kids.iter().try_fold(0u64, |acc, k| {
            let n = match self.entered(k, month, field) {
                Some(Value::Count(n)) => n,
                _ => self.children_sum(k, month, field, depth + 1)?,
            };
            Some(acc.saturating_add(n))
        })
    }
}
