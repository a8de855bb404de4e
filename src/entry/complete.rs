//! How complete a month's entry is: for each community (each region whose figures are entered,
//! see [`super::leaf_regions`]), whether the rules can read its registered rate — entered, or
//! both counts behind it — and what is missing where they cannot.

use super::shown::CellIndex;
use crate::edit::Field;
use crate::model::Region;
use crate::month::Month;

/// What one region lacks in a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub region: String,
    /// The figure still to enter when half of the counts are there (the labour force beside
    /// the unemployed, or the reverse); empty when nothing is entered yet.
    pub fields: Vec<Field>,
}

/// One month's entry state over the regions shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completeness {
    pub month: Month,
    pub entered: usize,
    pub total: usize,
    pub missing: Vec<Missing>,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        self.entered == self.total
    }
}

pub fn completeness(index: &CellIndex<'_>, leaves: &[&Region], month: Month) -> Completeness {
    let mut missing = Vec::new();
    for r in leaves {
        let o = index.observation(&r.id, month);
        let has_rate = o.is_some_and(|o| o.registered_rate.is_some());
        let (u, lf) = (
            o.is_some_and(|o| o.unemployed.is_some()),
            o.is_some_and(|o| o.labour_force.is_some()),
        );
        let fields = match (has_rate, u, lf) {
            (true, _, _) | (false, true, true) => continue,
            (false, true, false) => vec![Field::LabourForce],
            (false, false, true) => vec![Field::Unemployed],
            (false, false, false) => Vec::new(),
        };
        missing.push(Missing {
            region: r.id.clone(),
            fields,
        });
    }
    Completeness {
        month,
        entered: leaves.len() - missing.len(),
        total: leaves.len(),
        missing,
    }
}
