//! The prepared engine: the dataset indexed once, then evaluated per scope and month.

use crate::model::{Dataset, KeyGroups, Scope};
use crate::month::Month;
use crate::plan::{Level, Plan};
use crate::rules::cells::{index_and_series, observation_at, Cell, RateCells};
use crate::rules::events::{Events, ScopeEvents};
use crate::rules::limits::Limits;
use crate::rules::tree::Tree;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many engines were built since start-up: the workspace prepares one per change, and
/// tests and the browser benchmark read this to check no view builds its own.
static BUILDS: AtomicU64 = AtomicU64::new(0);

/// The number of [`Engine::new`] calls so far (in this process or page).
pub fn builds() -> u64 {
    BUILDS.load(Ordering::Relaxed)
}

/// A level in force over `from..=until` (month indices).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub from: i32,
    pub until: i32,
    pub level: Level,
}

/// What an engine owns outright, beside its borrow of the plan and dataset: the indexes an
/// incremental update ([`crate::rules::Touched`]) carries over to the next engine.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub tree: Tree,
    pub obs: Vec<Vec<Cell<u32>>>,
    pub cells: RateCells,
    pub events: Events,
}

impl Index {
    fn new(plan: &Plan, data: &Dataset) -> Index {
        let tree = Tree::new(data);
        let (obs, cells) = index_and_series(data, &tree);
        let events = Events::new(data, &Limits::of(plan, data, &Scope::District));
        Index {
            tree,
            obs,
            cells,
            events,
        }
    }
}

/// The rules engine over one plan and one dataset.
///
/// [`Engine::new`] indexes the dataset once (regions, observations, the rate of every region in
/// every month, events per scope); [`Engine::timeline`] then computes a scope's levels in one
/// streaming pass over the months, and [`Engine::evaluate`] builds the full evidence for one
/// month. Both give the same levels. Nothing here panics, whatever the input.
pub struct Engine<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) data: &'a Dataset,
    pub(crate) tree: Tree,
    pub(crate) obs: Vec<Vec<Cell<u32>>>,
    pub(crate) cells: RateCells,
    pub(crate) events: Events,
    pub(crate) city: Vec<Span>,
    pub(crate) specials: HashMap<&'a Scope, Vec<Span>>,
    pub(crate) no_events: ScopeEvents,
    /// The limits of every scope that has no table of its own.
    pub(crate) district_limits: Limits<'a>,
    /// Whether the indexes were carried over from the previous engine and updated.
    pub(crate) incremental: bool,
}

impl<'a> Engine<'a> {
    /// Indexes `data` for evaluation under `plan`.
    pub fn new(plan: &'a Plan, data: &'a Dataset) -> Engine<'a> {
        BUILDS.fetch_add(1, Ordering::Relaxed);
        Engine::assemble(plan, data, Index::new(plan, data))
    }

    /// The engine over `index` (built or updated over `data`) with the small parts that
    /// borrow the plan and dataset.
    pub(crate) fn assemble(plan: &'a Plan, data: &'a Dataset, index: Index) -> Engine<'a> {
        let district_limits = Limits::of(plan, data, &Scope::District);
        let open = |m: Option<Month>| m.map_or(i32::MAX, Month::index);
        let city = data
            .city_warnings
            .iter()
            .map(|w| Span {
                from: w.from.index(),
                until: open(w.until),
                level: w.level,
            })
            .collect();
        let mut specials: HashMap<&'a Scope, Vec<Span>> = HashMap::new();
        for s in &data.special_determinations {
            if let Some(from) = s.effective_from() {
                specials.entry(&s.scope).or_default().push(Span {
                    from: from.index(),
                    until: open(s.until),
                    level: s.level,
                });
            }
        }
        let Index {
            tree,
            obs,
            cells,
            events,
        } = index;
        Engine {
            plan,
            data,
            tree,
            obs,
            cells,
            events,
            city,
            specials,
            no_events: ScopeEvents::default(),
            district_limits,
            incremental: false,
        }
    }

    /// Whether this engine's indexes were carried over from the previous one and updated for
    /// an edit ([`crate::rules::Touched`]), rather than built.
    pub fn is_incremental(&self) -> bool {
        self.incremental
    }

    /// Takes the indexes out (leaving empty ones), for the next engine to update.
    pub(crate) fn take_index(&mut self) -> Index {
        Index {
            tree: std::mem::take(&mut self.tree),
            obs: std::mem::take(&mut self.obs),
            cells: std::mem::take(&mut self.cells),
            events: std::mem::take(&mut self.events),
        }
    }

    /// A copy of the indexes, for an update while this engine is still in use.
    pub(crate) fn index(&self) -> Index {
        Index {
            tree: self.tree.clone(),
            obs: self.obs.clone(),
            cells: self.cells.clone(),
            events: self.events.clone(),
        }
    }

    /// The thresholds and parameters of a scope (the district's unless a street has its own).
    pub(crate) fn limits(&self, scope: &Scope) -> std::borrow::Cow<'_, Limits<'a>> {
        match scope.street() {
            Some(id) if self.data.street_thresholds.contains_key(id) => {
                std::borrow::Cow::Owned(Limits::of(self.plan, self.data, scope))
            }
            _ => std::borrow::Cow::Borrowed(&self.district_limits),
        }
    }

    pub fn plan(&self) -> &'a Plan {
        self.plan
    }

    pub fn data(&self) -> &'a Dataset {
        self.data
    }

    /// The district, then every street, in dataset order.
    pub fn scopes(&self) -> Vec<Scope> {
        std::iter::once(Scope::District)
            .chain(self.data.streets().map(|s| Scope::Street(s.id.clone())))
            .collect()
    }

    /// Every region below the district as a scope (streets and communities), in dataset order.
    pub fn region_scopes(&self) -> Vec<Scope> {
        let district = self.tree.district;
        self.tree
            .nodes
            .iter()
            .zip(0u32..)
            .filter(|(_, ix)| Some(*ix) != district)
            .filter_map(|(n, _)| self.data.regions.get(n.region))
            .map(|r| Scope::Street(r.id.clone()))
            .collect()
    }

    /// The main body of the data's months ([`Dataset::extent`]).
    pub fn span(&self) -> Option<(Month, Month)> {
        self.data.span()
    }

    /// The tree node a scope's rates come from.
    pub(crate) fn node_of(&self, scope: &Scope) -> Option<u32> {
        match scope {
            Scope::District => self.tree.district,
            Scope::Street(id) => self.tree.by_id.get(id.as_str()).copied(),
        }
    }

    pub(crate) fn events_of(&self, scope: &Scope) -> &ScopeEvents {
        match scope {
            Scope::District => &self.events.district,
            Scope::Street(id) => self
                .events
                .by_street
                .get(id.as_str())
                .unwrap_or(&self.no_events),
        }
    }

    /// The first month a series has a value for a node.
    pub(crate) fn first_month(
        &self,
        node: Option<u32>,
        series: crate::rules::Series,
    ) -> Option<i32> {
        let n = node? as usize;
        let list = match series {
            crate::rules::Series::Registered => self.cells.registered.get(n),
            crate::rules::Series::Actual => self.cells.actual.get(n),
        };
        list.and_then(|l| l.first()).map(|c| c.0)
    }

    /// Key-group counts of a region in a month: its own where recorded, otherwise each group
    /// summed over the children where every child has it.
    pub fn key_groups(&self, region: &str, month: Month) -> KeyGroups {
        let Some(root) = self.tree.by_id.get(region).copied() else {
            return KeyGroups::default();
        };
        let sub = self.tree.subtree(root);
        let first = self.tree.node(root).map_or(0, |n| n.first);
        let mut got: Vec<KeyGroups> = vec![KeyGroups::default(); sub.len()];
        for (k, ix) in sub.iter().enumerate() {
            let own = observation_at(self.data, &self.obs, *ix, month.index())
                .map(|o| o.key_groups)
                .unwrap_or_default();
            let kids: Vec<KeyGroups> = self
                .tree
                .node(*ix)
                .map(|n| {
                    n.children
                        .iter()
                        .filter_map(|c| self.tree.node(*c))
                        .filter_map(|c| got.get(c.pos.saturating_sub(first) as usize).copied())
                        .collect()
                })
                .unwrap_or_default();
            let sum = |f: fn(&KeyGroups) -> Option<u64>| -> Option<u64> {
                if kids.is_empty() {
                    return None;
                }
                kids.iter()
                    .try_fold(0u64, |acc, k| f(k).map(|v| acc.saturating_add(v)))
            };
            let value = KeyGroups {
                graduates: own.graduates.or_else(|| sum(|k| k.graduates)),
                difficulty: own.difficulty.or_else(|| sum(|k| k.difficulty)),
                migrant_workers: own.migrant_workers.or_else(|| sum(|k| k.migrant_workers)),
            };
            if let Some(slot) = got.get_mut(k) {
                *slot = value;
            }
        }
        got.last().copied().unwrap_or_default()
    }
}
