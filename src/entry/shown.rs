//! What one grid cell shows: the value entered for (region, month, field), or — greyed, when
//! nothing is entered — the value computed the way the rules compute it: a street's or the
//! district's counts as the Σ of its children's (when every child has them), and a registered
//! rate from the counts (own, else Σ/Σ of the children), as `rules::cells` does.

use crate::edit::{Field, Value};
use crate::model::{Dataset, Observation};
use crate::month::Month;
use crate::num::Rate;
use std::collections::HashMap;

/// Deeper than any district → street → community tree; a guard against a cyclic parent chain.
const MAX_DEPTH: usize = 16;

/// A cell's texts: what is stored (typed as the user would type it), and otherwise the computed
/// value (empty when there is none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub entered: String,
    pub computed: String,
}

/// Observations by (region, month) and children by parent, built once per render.
pub struct CellIndex<'a> {
    obs: HashMap<(&'a str, Month), &'a Observation>,
    children: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> CellIndex<'a> {
    pub fn new(data: &'a Dataset) -> CellIndex<'a> {
        // The last observation of a pair wins, as in the rules engine.
        let obs = data
            .observations
            .iter()
            .map(|o| ((o.region.as_str(), o.month), o))
            .collect();
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for r in &data.regions {
            if let Some(p) = r.parent.as_deref() {
                children.entry(p).or_default().push(r.id.as_str());
            }
        }
        CellIndex { obs, children }
    }

    pub fn observation(&self, region: &str, month: Month) -> Option<&'a Observation> {
        self.obs.get(&(region, month)).copied()
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
        let kids = self.children.get(region).filter(|k| !k.is_empty())?;
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
        let kids = self.children.get(region).filter(|k| !k.is_empty())?;
        kids.iter().try_fold(0u64, |acc, k| {
            let n = match self.entered(k, month, field) {
                Some(Value::Count(n)) => n,
                _ => self.children_sum(k, month, field, depth + 1)?,
            };
            Some(acc.saturating_add(n))
        })
    }
}
