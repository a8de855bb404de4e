//! Enterprise events prepared for the streaming pass: per scope, sorted by month, with
//! enterprises interned; and the rolling-window totals over them.

use crate::model::{ClosureEvent, Dataset, LayoffEvent};
use crate::month::Month;
use crate::rules::limits::{share_at_least, Limits};
use std::collections::HashMap;

/// One event: month index, enterprise number, and its people (closures: unemployed, `b` = 0;
/// layoffs: laid off, `b` = workforce before).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// Each enterprise's number (by its trimmed name), for an update to number a new one.
    names: HashMap<String, u32>,
}

/// One closure or layoff as the engine counts it: an edit's event before or after
/// ([`crate::rules::Touched::Events`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFigures {
    pub layoff: bool,
    pub street: String,
    pub month: Month,
    pub enterprise: String,
    /// Unemployed (closures) or laid off (layoffs).
    pub people: u64,
    /// The workforce before (layoffs; 0 for closures).
    pub workforce: u64,
}

impl From<&ClosureEvent> for EventFigures {
    fn from(e: &ClosureEvent) -> EventFigures {
        EventFigures {
            layoff: false,
            street: e.street.clone(),
            month: e.date.month(),
            enterprise: e.enterprise.clone(),
            people: e.unemployed,
            workforce: 0,
        }
    }
}

impl From<&LayoffEvent> for EventFigures {
    fn from(e: &LayoffEvent) -> EventFigures {
        EventFigures {
            layoff: true,
            street: e.street.clone(),
            month: e.date.month(),
            enterprise: e.enterprise.clone(),
            people: e.laid_off,
            workforce: e.workforce,
        }
    }
}

impl ScopeEvents {
    fn list(&mut self, layoff: bool) -> &mut Vec<Ev> {
        if layoff {
            &mut self.layoffs
        } else {
            &mut self.closures
        }
    }

    /// Takes out one event equal to `x`; false when there is none.
    fn remove(&mut self, layoff: bool, x: Ev) -> bool {
        let list = self.list(layoff);
        let from = list.partition_point(|e| e.month < x.month);
        let found = list.get(from..).and_then(|rest| {
            rest.iter()
                .take_while(|e| e.month == x.month)
                .position(|e| *e == x)
        });
        match found {
            Some(k) => {
                list.remove(from + k);
                true
            }
            None => false,
        }
    }

    /// Puts `x` in after the events of its month (totals do not depend on the order within
    /// a month).
    fn insert(&mut self, layoff: bool, x: Ev) {
        let list = self.list(layoff);
        let at = list.partition_point(|e| e.month <= x.month);
        list.insert(at, x);
    }
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
            names: names.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// Takes out the events `removed` and puts in `added`, in every scope they count in;
    /// false when a removed one is not here (the caller builds afresh).
    pub fn update(
        &mut self,
        limits: &Limits,
        removed: &[EventFigures],
        added: &[EventFigures],
    ) -> bool {
        let counts = |e: &EventFigures| !e.layoff || limits.layoff_counts(e.workforce, e.people);
        for e in removed.iter().filter(|e| counts(e)) {
            let Some(ent) = self.names.get(e.enterprise.trim()).copied() else {
                return false;
            };
            let x = e.ev(ent);
            let Some(street) = self.by_street.get_mut(e.street.as_str()) else {
                return false;
            };
            if !street.remove(e.layoff, x) || !self.district.remove(e.layoff, x) {
                return false;
            }
        }
        for e in added.iter().filter(|e| counts(e)) {
            let name = e.enterprise.trim();
            let ent = match self.names.get(name) {
                Some(n) => *n,
                None => {
                    let n = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                    self.names.insert(name.to_owned(), n);
                    self.enterprises = self.names.len();
                    n
                }
            };
            let x = e.ev(ent);
            self.district.insert(e.layoff, x);
            match self.by_street.get_mut(e.street.as_str()) {
                Some(street) => street.insert(e.layoff, x),
                None => {
                    let mut street = ScopeEvents::default();
                    street.insert(e.layoff, x);
                    self.by_street.insert(e.street.clone(), street);
                }
            }
        }
        true
    }
}

impl EventFigures {
    fn ev(&self, ent: u32) -> Ev {
        Ev {
            month: self.month.index(),
            ent,
            a: self.people,
            b: if self.layoff { self.workforce } else { 0 },
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
