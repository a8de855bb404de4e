//! Observations indexed by region and month, and the rate series of every region computed once
//! (entered rate, else own counts, else the children's counts Σ/Σ).

use crate::model::{Dataset, Observation};
use crate::num::{Pct, Rate};
use crate::rules::tree::Tree;

/// A share as an exact fraction `num / den` of 1 (`den` > 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Frac {
    pub num: u64,
    pub den: u64,
}

impl Frac {
    pub fn from_pct(p: Pct) -> Frac {
        Frac {
            num: p.units().unsigned_abs(),
            den: 1_000_000,
        }
    }

    pub fn from_counts(unemployed: u64, labour_force: u64) -> Option<Frac> {
        (labour_force > 0).then_some(Frac {
            num: unemployed,
            den: labour_force,
        })
    }

    pub fn rate(self) -> Option<Rate> {
        Rate::from_counts(self.num, self.den)
    }
}

/// A month index (`Month::index`) with a value.
pub(crate) type Cell<T> = (i32, T);

/// Observation indices per tree node, sorted by month, one per month (the last one given), and
/// every node's series ([`RateCells`]).
///
/// One pass over the observations, which is what the time goes on at city scale (the dataset is
/// read from memory once): a node without children whose observations come in month order
/// (the usual layout) gets its series written as they come; any other node is computed
/// afterwards from its index and its children, children first.
pub(crate) fn index_and_series(data: &Dataset, tree: &Tree) -> (Vec<Vec<Cell<u32>>>, RateCells) {
    let n = tree.nodes.len();
    let mut obs: Vec<Vec<Cell<u32>>> = vec![Vec::new(); n];
    let mut cells = RateCells {
        counts: vec![Vec::new(); n],
        registered: vec![Vec::new(); n],
        actual: vec![Vec::new(); n],
    };
    // Per node: its months so far strictly increase; it has no children (so its series is its
    // own observations alone).
    let mut sorted = vec![true; n];
    let leaf: Vec<bool> = tree.nodes.iter().map(|x| x.children.is_empty()).collect();
    // Observations usually come grouped by region: remember the last lookup, and size a new
    // node's lists like the previous node's.
    let mut last: Option<(&str, Option<u32>)> = None;
    let mut hint = 0usize;
    for (i, o) in data.observations.iter().enumerate() {
        let node = match last {
            Some((id, node)) if id == o.region => node,
            _ => {
                let node = tree.by_id.get(o.region.as_str()).copied();
                if let Some(prev) = last.and_then(|l| l.1) {
                    hint = obs.get(prev as usize).map_or(hint, Vec::len);
                }
                last = Some((o.region.as_str(), node));
                node
            }
        };
        let (Some(node), Ok(i)) = (node, u32::try_from(i)) else {
            continue;
        };
        let k = node as usize;
        let (Some(list), Some(in_order)) = (obs.get_mut(k), sorted.get_mut(k)) else {
            continue;
        };
        let month = o.month.index();
        if list.is_empty() {
            list.reserve(hint);
        }
        if list.last().is_some_and(|c| c.0 >= month) {
            *in_order = false;
        }
        list.push((month, i));
        if *in_order && leaf.get(k).copied().unwrap_or(false) {
            cells.push_own(k, month, o, hint);
        }
    }
    for (k, list) in obs.iter_mut().enumerate() {
        if sorted.get(k).copied().unwrap_or(true) {
            continue;
        }
        // Stable sort keeps input order within a month; reversed, the last one given comes
        // first and survives the dedup.
        list.sort_by_key(|c| c.0);
        list.reverse();
        list.dedup_by_key(|c| c.0);
        list.reverse();
    }
    for &ix in &tree.post {
        let k = ix as usize;
        let direct =
            sorted.get(k).copied().unwrap_or(false) && leaf.get(k).copied().unwrap_or(false);
        if !direct {
            cells.compute_node(data, tree, &obs, ix);
        }
    }
    (obs, cells)
}

/// The observation of a node in a month, by binary search.
pub(crate) fn observation_at<'d>(
    data: &'d Dataset,
    obs: &[Vec<Cell<u32>>],
    node: u32,
    month: i32,
) -> Option<&'d Observation> {
    let list = obs.get(node as usize)?;
    let at = list.binary_search_by_key(&month, |c| c.0).ok()?;
    let (_, i) = list.get(at)?;
    data.observations.get(*i as usize)
}

/// Every node's rate series, sorted by month.
#[derive(Clone, Debug, Default)]
pub(crate) struct RateCells {
    /// Effective counts (unemployed, labour force): own where recorded, else the children's
    /// sum; kept so that a parent can be recomputed from its children alone.
    pub counts: Vec<Vec<Cell<(u64, u64)>>>,
    pub registered: Vec<Vec<Cell<Frac>>>,
    pub actual: Vec<Vec<Cell<Frac>>>,
}

/// Σ counts over `children` in the months where every child has counts.
fn child_sums(children: &[u32], counts: &[Vec<Cell<(u64, u64)>>]) -> Vec<Cell<(u64, u64)>> {
    let lists: Vec<&[Cell<(u64, u64)>]> = children
        .iter()
        .map(|c| counts.get(*c as usize).map_or(&[][..], Vec::as_slice))
        .collect();
    let k = lists.len();
    if k == 0 || lists.iter().any(|l| l.is_empty()) {
        return Vec::new();
    }
    let lo = lists
        .iter()
        .filter_map(|l| l.first())
        .map(|c| c.0)
        .min()
        .unwrap_or(0);
    let hi = lists
        .iter()
        .filter_map(|l| l.last())
        .map(|c| c.0)
        .max()
        .unwrap_or(0);
    let total: usize = lists.iter().map(|l| l.len()).sum();
    let span = usize::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(usize::MAX);
    let add = |a: (u64, u64), b: (u64, u64)| (a.0.saturating_add(b.0), a.1.saturating_add(b.1));
    if span <= total.saturating_mul(2).saturating_add(64) {
        // Dense by month: linear, and bounded by the input's size.
        let mut acc: Vec<(usize, (u64, u64))> = vec![(0, (0, 0)); span];
        for l in &lists {
            for (m, c) in l.iter() {
                let at = usize::try_from(i64::from(*m) - i64::from(lo)).unwrap_or(usize::MAX);
                if let Some(slot) = acc.get_mut(at) {
                    *slot = (slot.0 + 1, add(slot.1, *c));
                }
            }
        }
        (lo..)
            .zip(acc)
            .filter(|(_, (n, _))| *n == k)
            .map(|(m, (_, c))| (m, c))
            .collect()
    } else {
        // Sparse months far apart: sort instead.
        let mut all: Vec<Cell<(u64, u64)>> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        all.sort_unstable_by_key(|c| c.0);
        all.chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() == k)
            .filter_map(|g| {
                let m = g.first()?.0;
                Some((m, g.iter().fold((0, 0), |s, c| add(s, c.1))))
            })
            .collect()
    }
}

/// The rules of a node's series: a registered rate is the entered one, else the node's own
/// counts (none if the labour force is 0), else the children's Σ/Σ; the actual rate is entered
/// only. Linear merges of month-sorted lists.
impl RateCells {
    /// Appends one observation of a node without children, in month order (what
    /// [`RateCells::compute_node`] gives such a node, one month at a time).
    fn push_own(&mut self, k: usize, month: i32, o: &Observation, hint: usize) {
        let e = o.counts();
        if let (Some(c), Some(list)) = (e, self.counts.get_mut(k)) {
            if list.is_empty() {
                list.reserve(hint);
            }
            list.push((month, c));
        }
        let r = match o.registered_rate {
            Some(p) => Some(Frac::from_pct(p)),
            None => e.and_then(|(u, lf)| Frac::from_counts(u, lf)),
        };
        if let (Some(f), Some(list)) = (r, self.registered.get_mut(k)) {
            if list.is_empty() {
                list.reserve(hint);
            }
            list.push((month, f));
        }
        if let (Some(p), Some(list)) = (o.actual_rate, self.actual.get_mut(k)) {
            list.push((month, Frac::from_pct(p)));
        }
    }

    /// Recomputes the nodes of `dirty` and every ancestor of them, children before parents.
    pub fn refresh(&mut self, data: &Dataset, tree: &Tree, obs: &[Vec<Cell<u32>>], dirty: &[u32]) {
        let mut todo: Vec<(u32, u32)> = Vec::new();
        let mut seen = vec![false; tree.nodes.len()];
        for &start in dirty {
            let mut at = Some(start);
            while let Some(ix) = at {
                let (Some(node), Some(seen)) = (tree.node(ix), seen.get_mut(ix as usize)) else {
                    break;
                };
                if *seen {
                    break; // this node and its ancestors are in already
                }
                *seen = true;
                todo.push((node.pos, ix));
                at = node.parent;
            }
        }
        todo.sort_unstable();
        for (_, ix) in todo {
            self.compute_node(data, tree, obs, ix);
        }
    }

    /// One node's series from its own observations and its children's counts.
    fn compute_node(&mut self, data: &Dataset, tree: &Tree, obs: &[Vec<Cell<u32>>], ix: u32) {
        let Some(node) = tree.node(ix) else { return };
        let own: &[Cell<u32>] = obs.get(ix as usize).map_or(&[], Vec::as_slice);
        let sums = child_sums(&node.children, &self.counts);
        let cap = own.len().max(sums.len());
        let (mut eff, mut reg, mut act) =
            (Vec::with_capacity(cap), Vec::with_capacity(cap), Vec::new());
        let (mut i, mut j) = (0, 0);
        loop {
            let om = own.get(i).map(|c| c.0);
            let sm = sums.get(j).map(|c| c.0);
            let month = match (om, sm) {
                (None, None) => break,
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (Some(a), Some(b)) => a.min(b),
            };
            let o = if om == Some(month) {
                i += 1;
                own.get(i - 1)
                    .and_then(|c| data.observations.get(c.1 as usize))
            } else {
                None
            };
            let sum = if sm == Some(month) {
                j += 1;
                sums.get(j - 1).map(|c| c.1)
            } else {
                None
            };
            let e = o.and_then(|o| o.counts()).or(sum);
            if let Some(c) = e {
                eff.push((month, c));
            }
            let r = match o.and_then(|o| o.registered_rate) {
                Some(p) => Some(Frac::from_pct(p)),
                None => e.and_then(|(u, lf)| Frac::from_counts(u, lf)),
            };
            if let Some(f) = r {
                reg.push((month, f));
            }
            if let Some(p) = o.and_then(|o| o.actual_rate) {
                act.push((month, Frac::from_pct(p)));
            }
        }
        if let Some(slot) = self.counts.get_mut(ix as usize) {
            *slot = eff;
        }
        if let Some(slot) = self.registered.get_mut(ix as usize) {
            *slot = reg;
        }
        if let Some(slot) = self.actual.get_mut(ix as usize) {
            *slot = act;
        }
    }
}
