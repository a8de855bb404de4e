//! Incremental updates: after an edit of a few observations or of the events, the next engine
//! takes the previous one's indexes and recomputes only what depends on the change (the
//! regions' series and their ancestors' Σ/Σ, or the events), instead of indexing the dataset
//! again. The result equals a fresh [`Engine::new`] over the same data (a property test checks
//! it); whatever it cannot update exactly is built afresh.

use crate::model::Dataset;
use crate::month::Month;
use crate::plan::Plan;
use crate::rules::cells::Cell;
use crate::rules::engine::{Engine, Index};
use crate::rules::events::EventFigures;
use crate::rules::limits::Limits;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many engines were updated rather than built since start-up.
static UPDATES: AtomicU64 = AtomicU64::new(0);

/// The number of incremental updates so far (in this process or page); with
/// [`crate::rules::engine_builds`], the number of preparations.
pub fn updates() -> u64 {
    UPDATES.load(Ordering::Relaxed)
}

/// Engines built plus engines updated: how many times an engine was prepared.
pub fn preparations() -> u64 {
    crate::rules::engine_builds().saturating_add(updates())
}

/// What an edit changed in the dataset, as far as the engine is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Observations taken out and put in; every other observation kept its relative order.
    Observations {
        /// Positions in the list before the change, with the region and month found there.
        removed: Vec<(usize, String, Month)>,
        /// Positions in the list after the change, ascending.
        inserted: Vec<usize>,
    },
    /// Closures or layoffs taken out (as they were) and put in (as they are); a changed one
    /// is both.
    Events {
        removed: Vec<EventFigures>,
        added: Vec<EventFigures>,
    },
    /// Anything else (regions, thresholds, overrides): the engine is built afresh.
    Everything,
}

impl Engine<'_> {
    /// The engine after `touched`, reusing `index` (the previous engine's, over the data before
    /// the change) where the change allows; otherwise a fresh [`Engine::new`].
    pub(crate) fn updated<'a>(
        plan: &'a Plan,
        data: &'a Dataset,
        mut index: Index,
        touched: &Touched,
    ) -> Engine<'a> {
        if index.update(plan, data, touched) {
            UPDATES.fetch_add(1, Ordering::Relaxed);
            Engine {
                incremental: true,
                ..Engine::assemble(plan, data, index)
            }
        } else {
            Engine::new(plan, data)
        }
    }
}

impl Index {
    /// Brings the index up to date with `data`; false when it cannot do so exactly.
    fn update(&mut self, plan: &Plan, data: &Dataset, touched: &Touched) -> bool {
        match touched {
            Touched::Observations { removed, inserted } => {
                self.update_observations(data, removed, inserted)
            }
            Touched::Events { removed, added } => {
                let limits = Limits::of(plan, data, &crate::model::Scope::District);
                self.events.update(&limits, removed, added)
            }
            Touched::Everything => false,
        }
    }

    fn update_observations(
        &mut self,
        data: &Dataset,
        removed: &[(usize, String, Month)],
        inserted: &[usize],
    ) -> bool {
        let Some(old_len) = (data.observations.len() + removed.len()).checked_sub(inserted.len())
        else {
            return false;
        };
        let mut dirty: Vec<u32> = Vec::with_capacity(removed.len() + inserted.len());
        // Out first, at their old positions.
        for (at, region, month) in removed {
            let Some(node) = self.tree.by_id.get(region.as_str()).copied() else {
                continue; // not a region of the tree: never indexed
            };
            let Some(list) = self.obs.get_mut(node as usize) else {
                return false;
            };
            match list.binary_search_by_key(&month.index(), |c| c.0) {
                // Another observation of the same region and month (a repeat) may be hidden
                // behind this one: only the full indexing knows.
                Ok(k) if list.get(k).is_some_and(|c| c.1 as usize == *at) => {
                    list.remove(k);
                }
                _ => return false,
            }
            dirty.push(node);
        }
        let same_places =
            removed.len() == inserted.len() && removed.iter().zip(inserted).all(|(r, i)| r.0 == *i);
        let appended = removed.is_empty() && inserted.iter().all(|i| *i >= old_len);
        if !same_places && !appended {
            // Positions moved: renumber every kept observation.
            let mut gone: Vec<usize> = removed.iter().map(|r| r.0).collect();
            gone.sort_unstable();
            for list in &mut self.obs {
                for c in list.iter_mut() {
                    let Some(p) = moved(c.1 as usize, &gone, inserted) else {
                        return false;
                    };
                    c.1 = p;
                }
            }
        }
        // Then in, at their new positions.
        for at in inserted {
            let Some(o) = data.observations.get(*at) else {
                return false;
            };
            let Some(node) = self.tree.by_id.get(o.region.as_str()).copied() else {
                continue;
            };
            let (Some(list), Ok(at)) = (self.obs.get_mut(node as usize), u32::try_from(*at)) else {
                return false;
            };
            let month = o.month.index();
            match list.binary_search_by_key(&month, |c: &Cell<u32>| c.0) {
                Ok(_) => return false, // a repeated region and month: "the last one" needs order
                Err(k) => list.insert(k, (month, at)),
            }
            dirty.push(node);
        }
        self.cells.refresh(data, &self.tree, &self.obs, &dirty);
        true
    }
}

/// Where a kept observation at `old` stands after `gone` (old positions, ascending) were taken
/// out and `inserted` (new positions, ascending) put in.
fn moved(old: usize, gone: &[usize], inserted: &[usize]) -> Option<u32> {
    let mut p = old - gone.partition_point(|g| *g < old);
    for i in inserted {
        if *i <= p {
            p += 1;
        } else {
            break;
        }
    }
    u32::try_from(p).ok()
}
