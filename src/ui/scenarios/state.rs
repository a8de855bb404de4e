//! The what-if page's state: the scenario shown, the ones compared, scope and month, and what
//! is derived from them. Derived with memos from the snapshot, never written back; the
//! scenarios themselves change only through [`Store::update_scenarios`].

use crate::model::Scope;
use crate::month::Month;
use crate::plan::Text;
use crate::rules::{Evaluation, Prepared};
use crate::scenario::{Scenario, ScenarioId, Tweak, TweakError, MAX_COMPARED};
use crate::ui::store::Store;
use leptos::prelude::*;
use std::collections::HashMap;

/// A scenario applied to the baseline: its hypothetical plan and dataset with their engine, or
/// why its tweaks no longer apply (the baseline moved on).
pub type Applied = Result<Prepared, TweakError>;

/// The baseline's plan and dataset with the workspace's engine, shared by every computation
/// of the page (and the playbook's).
pub type Inputs = Prepared;

/// A scenario applied once, kept while neither it nor the baseline changes: a tweak to one
/// scenario does not re-apply the others being compared.
struct CacheEntry {
    base: Inputs,
    tweaks: Vec<Tweak>,
    applied: Applied,
}

#[derive(Clone, Copy)]
pub struct ApplyCache(StoredValue<HashMap<ScenarioId, CacheEntry>>);

impl ApplyCache {
    pub fn apply(&self, base: &Inputs, s: &Scenario) -> Applied {
        let hit = self.0.with_value(|c| {
            c.get(&s.id)
                .filter(|e| e.base.same(base) && e.tweaks == s.tweaks)
                .map(|e| e.applied.clone())
        });
        if let Some(a) = hit {
            return a;
        }
        let applied = s.prepare(base);
        self.0.update_value(|c| {
            // Entries of deleted scenarios or older baselines go.
            c.retain(|_, e| e.base.same(base));
            c.insert(
                s.id,
                CacheEntry {
                    base: base.clone(),
                    tweaks: s.tweaks.clone(),
                    applied: applied.clone(),
                },
            );
        });
        applied
    }
}

#[derive(Clone, Copy)]
pub struct Page {
    /// `None`: the baseline (the real data).
    pub selected: RwSignal<Option<ScenarioId>>,
    /// Chosen for comparison (at most [`MAX_COMPARED`]); when empty, the shown scenario.
    pub compared: RwSignal<Vec<ScenarioId>>,
    pub scope: RwSignal<Scope>,
    /// `None`: the last month with data (in the baseline or the shown scenario).
    pub month: RwSignal<Option<Month>>,
    pub show_compare: RwSignal<bool>,
    pub show_reach: RwSignal<bool>,
    pub presenter: RwSignal<bool>,
    pub help: RwSignal<bool>,
    /// The outcome of the last action (an error names what and where).
    pub notice: RwSignal<Option<(bool, Text)>>,
    /// The baseline; a new value only when the plan or the dataset changed (not the scenarios).
    pub inputs: Memo<Inputs>,
    pub cache: ApplyCache,
    /// The shown scenario applied; `None` for the baseline.
    pub applied: Memo<Option<Applied>>,
    /// The months of the baseline and the shown scenario together.
    pub span: Memo<Option<(Month, Month)>>,
    pub at: Memo<Option<Month>>,
    pub baseline: Memo<Option<Evaluation>>,
    /// The shown scenario's evaluation; `None` for the baseline or when it does not apply.
    pub scenario: Memo<Option<Evaluation>>,
}

impl Page {
    pub fn new(store: Store) -> Page {
        let selected = RwSignal::new(None::<ScenarioId>);
        let scope = RwSignal::new(Scope::District);
        let month = RwSignal::new(None::<Month>);
        let inputs = Memo::new(move |_| store.engine());
        let cache = ApplyCache(StoredValue::new(HashMap::new()));
        let applied = Memo::new(move |_| {
            let id = selected.get()?;
            let base = inputs.get();
            store.scenarios(|s| s.get(id).map(|sc| cache.apply(&base, sc)))
        });
        let span = Memo::new(move |_| {
            let base = inputs.with(|i| i.dataset().span());
            let hyp = applied.with(|a| match a {
                Some(Ok(pd)) => pd.dataset().span(),
                _ => None,
            });
            match (base, hyp) {
                (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                (x, None) | (None, x) => x,
            }
        });
        // Unless a month was chosen, the latest month of the real data: a scenario that adds
        // months (a trend) does not move the month on its own.
        let at = Memo::new(move |_| {
            let (a, b) = span.get()?;
            let latest = inputs.with(|i| i.dataset().span()).map_or(b, |s| s.1);
            Some(match month.get() {
                Some(m) if m >= a && m <= b => m,
                _ => latest,
            })
        });
        let baseline = Memo::new(move |_| {
            let m = at.get()?;
            let sc = scope.get();
            inputs.with(|i| Some(i.engine().evaluate(&sc, m)))
        });
        let scenario = Memo::new(move |_| {
            let m = at.get()?;
            let sc = scope.get();
            applied.with(|a| match a {
                Some(Ok(pd)) => Some(pd.engine().evaluate(&sc, m)),
                _ => None,
            })
        });
        Page {
            selected,
            compared: RwSignal::new(Vec::new()),
            scope,
            month,
            show_compare: RwSignal::new(false),
            show_reach: RwSignal::new(false),
            presenter: RwSignal::new(false),
            help: RwSignal::new(false),
            notice: RwSignal::new(None),
            inputs,
            cache,
            applied,
            span,
            at,
            baseline,
            scenario,
        }
    }

    pub fn get() -> Page {
        expect_context::<Page>()
    }

    /// The scenarios a comparison shows: the chosen ones; when none is chosen, the one shown
    /// and then the others in list order, up to [`MAX_COMPARED`].
    pub fn compared_ids(&self, list: &[Scenario]) -> Vec<ScenarioId> {
        let chosen: Vec<ScenarioId> = self
            .compared
            .get()
            .into_iter()
            .filter(|id| list.iter().any(|s| s.id == *id))
            .take(MAX_COMPARED)
            .collect();
        if !chosen.is_empty() {
            return chosen;
        }
        let shown = self
            .selected
            .get()
            .filter(|id| list.iter().any(|s| s.id == *id));
        shown
            .into_iter()
            .chain(list.iter().map(|s| s.id).filter(|id| Some(*id) != shown))
            .take(MAX_COMPARED)
            .collect()
    }

    /// Steps the month within the span.
    pub fn step_month(&self, by: i64) {
        let (Some(at), Some((a, b))) = (self.at.get_untracked(), self.span.get_untracked()) else {
            return;
        };
        if let Some(m) = at.plus(by) {
            if m >= a && m <= b {
                self.month.set(Some(m));
            }
        }
    }

    /// Shows the previous (`-1`) or next (`1`) entry of baseline, scenario 1, scenario 2 …
    pub fn step_scenario(&self, store: Store, by: i64) {
        let ids: Vec<Option<ScenarioId>> = std::iter::once(None)
            .chain(store.snap.with_untracked(|s| {
                s.scenarios
                    .list()
                    .iter()
                    .map(|s| Some(s.id))
                    .collect::<Vec<_>>()
            }))
            .collect();
        let now = self.selected.get_untracked();
        let i = ids.iter().position(|x| *x == now).unwrap_or(0) as i64;
        let n = ids.len() as i64;
        let next = (i + by).rem_euclid(n.max(1));
        if let Some(id) = ids.get(next as usize) {
            self.selected.set(*id);
        }
    }

    pub fn ok(&self, t: Text) {
        self.notice.set(Some((true, t)));
    }

    pub fn fail(&self, t: Text) {
        self.notice.set(Some((false, t)));
    }
}
