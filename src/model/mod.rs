//! The input model: regions, monthly observations, enterprise events, city warnings and §5.1-M
//! special determinations. Part of the snapshot; plain data with serde.
//!
//! Unknown fields are ignored when reading (the snapshot format states the policy).

mod events;
mod extent;
mod observation;
mod overrides;
mod region;
mod scope;

pub use events::{ClosureEvent, EnterpriseEvent, LayoffEvent};
pub use extent::{Extent, OUTLIER_GAP_MONTHS};
pub use observation::{KeyGroups, Observation};
pub use overrides::{CityWarning, Signoff, SpecialDetermination, SpecialReason};
pub use region::{Region, RegionKind};
pub use scope::Scope;

use crate::month::Month;
use crate::plan::Thresholds;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the rules engine reads besides the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// The district (one region of kind `district`), its streets and their communities.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// At most one per region and month; where a pair repeats, the last one counts.
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub closures: Vec<ClosureEvent>,
    #[serde(default)]
    pub layoffs: Vec<LayoffEvent>,
    #[serde(default)]
    pub city_warnings: Vec<CityWarning>,
    #[serde(default)]
    pub special_determinations: Vec<SpecialDetermination>,
    /// A street's own §5.1 thresholds (§9: streets write their own plans), by street id.
    /// A street without an entry inherits the district's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub street_thresholds: BTreeMap<String, Thresholds>,
}

impl Dataset {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The district: the first region of kind `district`.
    pub fn district(&self) -> Option<&Region> {
        self.regions.iter().find(|r| r.kind == RegionKind::District)
    }

    /// Regions whose parent is `id`, in dataset order.
    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Region> + 'a {
        self.regions
            .iter()
            .filter(move |r| r.parent.as_deref() == Some(id))
    }

    /// Regions of kind `street`, in dataset order.
    pub fn streets(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(|r| r.kind == RegionKind::Street)
    }

    /// The region a scope is about (the district region for the district scope).
    pub fn scope_region(&self, scope: &Scope) -> Option<&Region> {
        match scope {
            Scope::District => self.district(),
            Scope::Street(id) => self.region(id),
        }
    }

    /// Reads a scope given as `"district"`, the district's id or a street id.
    pub fn parse_scope(&self, text: &str) -> Scope {
        match self.district() {
            Some(d) if d.id == text => Scope::District,
            _ => Scope::from_text(text),
        }
    }

    /// The observation of `region` in `month` (the last one where the pair repeats); a linear
    /// scan — the rules engine indexes observations once instead.
    pub fn observation(&self, region: &str, month: Month) -> Option<&Observation> {
        self.observations
            .iter()
            .rev()
            .find(|o| o.month == month && o.region == region)
    }
}
