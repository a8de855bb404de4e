//! Reading the prepared index by region and month: what the entry grid shows comes from the
//! same index the rules read, so it costs no second pass over the observations per edit.

use crate::model::Observation;
use crate::month::Month;
use crate::rules::cells::observation_at;
use crate::rules::engine::Engine;

impl<'a> Engine<'a> {
    /// The observation of `region` in `month` as the rules read it (the last one given for the
    /// pair), found by binary search.
    pub fn observation(&self, region: &str, month: Month) -> Option<&'a Observation> {
        let node = self.tree.by_id.get(region).copied()?;
        observation_at(self.data, &self.obs, node, month.index())
    }

    /// The ids of a region's children in the rules' tree (dataset order; a parent cycle is
    /// cut as the rules cut it, so walking down always ends).
    pub fn child_ids(&self, region: &str) -> Vec<&'a str> {
        let data = self.data;
        self.tree
            .by_id
            .get(region)
            .and_then(|n| self.tree.node(*n))
            .map(|n| {
                n.children
                    .iter()
                    .filter_map(|c| self.tree.node(*c))
                    .filter_map(|c| data.regions.get(c.region))
                    .map(|r| r.id.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }
}
