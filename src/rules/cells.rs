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

/// Observation indices per tree node, sorted by month, one per month (the last one given).
pub(crate) fn index_observations(data: &Dataset, tree: &Tree<'_>) -> Vec<Vec<Cell<u32>>> {
    let mut out: Vec<Vec<Cell<u32>>> = vec![Vec::new(); tree.nodes.len()];
    // Observations usually come grouped by region: remember the last lookup.
    let mut last: Option<(&str, Option<u32>)> = None;
    for (i, o) in data.observations.iter().enumerate() {
        let node = match last {
            Some((id, node)) if id == o.region => node,
            _ => {
                let node = tree.by_id.get(o.region.as_str()).copied();
                last = Some((o.region.as_str(), node));
                node
            }
        };
        if let (Some(node), Ok(i)) = (node, u32::try_from(i)) {
            if let Some(list) = out.get_mut(node as usize) {
                list.push((o.month.index(), i));
            }
        }
    }
    for list in &mut out {
        // Stable sort keeps input order within a month; reversed, the last one given comes
        // first and survives the dedup.
        list.sort_by_key(|c| c.0);
        list.reverse();
        list.dedup_by_key(|c| c.0);
        list.reverse();
    }
    out
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

/// Every node's rates, children before parents: a registered rate is the entered one, else the
/// node's own counts (none if the labour force is 0), else the children's Σ/Σ; the actual rate is
/// entered only. Linear merges of month-sorted lists.
pub(crate) fn compute_series(data: &Dataset, tree: &Tree<'_>, obs: &[Vec<Cell<u32>>]) -> RateCells {
    let n = tree.nodes.len();
    // Effective counts: own where recorded, else the children's sum.
    let mut counts: Vec<Vec<Cell<(u64, u64)>>> = vec![Vec::new(); n];
    let mut registered: Vec<Vec<Cell<Frac>>> = vec![Vec::new(); n];
    let mut actual: Vec<Vec<Cell<Frac>>> = vec![Vec::new(); n];
    for &ix in &tree.post {
        let Some(node) = tree.node(ix) else { continue };
        let own: &[Cell<u32>] = obs.get(ix as usize).map_or(&[], Vec::as_slice);
        let sums = child_sums(&node.children, &counts);
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
        if let Some(slot) = counts.get_mut(ix as usize) {
            *slot = eff;
        }
        if let Some(slot) = registered.get_mut(ix as usize) {
            *slot = reg;
        }
        if let Some(slot) = actual.get_mut(ix as usize) {
            *slot = act;
        }
    }
    RateCells { registered, actual }
}
