//! Enterprise events prepared for the streaming pass: per scope, sorted by month, with
//! enterprises interned; and the rolling-window totals over them.

use crate::model::Dataset;
use crate::rules::limits::{share_at_least, Limits};
use std::collections::HashMap;

/// One event: month index, enterprise number, and its people (closures: unemployed, `b` = 0;
/// layoffs: laid off, `b` = workforce before).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ev {
    pub month: i32,
    pub ent: u32,
    pub a: u64,
    pub b: u64,
}

/// Events of one scope, sorted by month.
#[derive(Clone, Debug, Default)]
pub(crate) struct ScopeEvents {
    pub closures: Vec<Ev>,
    /// Only the layoffs that count (art. 41 when enabled).
    pub layoffs: Vec<Ev>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Events {
    pub district: ScopeEvents,
    pub by_street: HashMap<String, ScopeEvents>,
    pub enterprises: usize,
}

impl Events {
    /// `limits` supplies the art. 41 rule (the same for every scope).
    pub fn new<'d>(data: &'d Dataset, limits: &Limits) -> Events {
        let mut names: HashMap<&str, u32> = HashMap::new();
        let mut intern = |name: &'d str| -> u32 {
            let n = u32::try_from(names.len()).unwrap_or(u32::MAX);
            *names.entry(name.trim()).or_insert(n)
        };
        let mut district = ScopeEvents::default();
        let mut by_street: HashMap<&'d str, ScopeEvents> = HashMap::new();
        for e in &data.closures {
            let x = Ev {
                month: e.date.month().index(),
                ent: intern(&e.enterprise),
                a: e.unemployed,
                b: 0,
            };
            district.closures.push(x);
            by_street.entry(&e.street).or_default().closures.push(x);
        }
        for e in &data.layoffs {
            if !limits.layoff_counts(e.workforce, e.laid_off) {
                continue;
            }
            let x = Ev {
                month: e.date.month().index(),
                ent: intern(&e.enterprise),
                a: e.laid_off,
                b: e.workforce,
            };
            district.layoffs.push(x);
            by_street.entry(&e.street).or_default().layoffs.push(x);
        }
        for s in std::iter::once(&mut district).chain(by_street.values_mut()) {
            s.closures.sort_by_key(|e| e.month);
            s.layoffs.sort_by_key(|e| e.month);
        }
        Events {
            district,
            // Owned keys (one per street, not per event), so the events outlive this borrow.
            by_street: by_street
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
            enterprises: names.len(),
        }
    }
}

/// Totals of the events in a window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    pub enterprises: u32,
    /// Σ unemployed (closures) or Σ laid off (layoffs).
    pub people: u64,
    /// Σ over enterprises of the largest workforce-before among its layoffs in the window.
    pub workforce: u64,
}

impl Totals {
    pub fn closures_reach(&self, limits: &Limits, min_unemployed: u64) -> bool {
        self.enterprises >= limits.closures_min_enterprises && self.people >= min_unemployed
    }

    pub fn layoffs_reach(&self, limits: &Limits, min_share: crate::num::Pct) -> bool {
        self.enterprises >= limits.layoffs_min_enterprises
            && self.workforce > 0
            && share_at_least(self.people, self.workforce, min_share)
    }
}

/// Per-enterprise scratch space reused across windows (a stamp marks what the current window
/// has touched, so nothing needs clearing).
#[derive(Clone, Debug)]
pub(crate) struct Scratch {
    stamp: Vec<u32>,
    workforce: Vec<u64>,
    generation: u32,
    touched: Vec<u32>,
}

impl Scratch {
    pub fn new(enterprises: usize) -> Scratch {
        Scratch {
            stamp: vec![0; enterprises],
            workforce: vec![0; enterprises],
            generation: 0,
            touched: Vec::new(),
        }
    }

    /// Totals over `events`; `layoffs` takes each enterprise's largest workforce once.
    pub fn totals(&mut self, events: &[Ev], layoffs: bool) -> Totals {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
        self.touched.clear();
        let mut t = Totals::default();
        for e in events {
            t.people = t.people.saturating_add(e.a);
            let (Some(stamp), Some(wf)) = (
                self.stamp.get_mut(e.ent as usize),
                self.workforce.get_mut(e.ent as usize),
            ) else {
                continue;
            };
            if *stamp != self.generation {
                *stamp = self.generation;
                *wf = e.b;
                self.touched.push(e.ent);
                t.enterprises = t.enterprises.saturating_add(1);
            } else {
                *wf = (*wf).max(e.b);
            }
        }
        if layoffs {
            for ent in &self.touched {
                let wf = self.workforce.get(*ent as usize).copied().unwrap_or(0);
                t.workforce = t.workforce.saturating_add(wf);
            }
        }
        t
    }
}
