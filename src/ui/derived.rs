//! Values derived from the snapshot, shared by the views: the data's month span, the selected
//! scope and month, and the evaluations. Derived with memos, never written back.

use super::store::Store;
use crate::i18n::Lang;
use crate::listing::{self, Page};
use crate::model::{Dataset, Region, Scope};
use crate::month::Month;
use crate::rules::{Evaluation, Timeline};
use leptos::prelude::*;

/// What the dashboard looks at: a scope and a month (`None`: the latest month with data).
#[derive(Clone, Copy)]
pub struct Focus {
    pub scope: RwSignal<Scope>,
    pub month: RwSignal<Option<Month>>,
    pub span: Memo<Option<(Month, Month)>>,
    /// The month in effect: the chosen one, else the last month with data.
    pub at: Memo<Option<Month>>,
    pub eval: Memo<Option<Evaluation>>,
    pub timeline: Memo<Option<Timeline>>,
    /// Every street's evaluation at `at`, in dataset order.
    pub streets: Memo<Vec<(Region, Evaluation)>>,
    /// Which streets the cards and the small charts show: what was typed, warnings only, the
    /// page (`crate::listing`).
    pub street_query: RwSignal<String>,
    pub warned_only: RwSignal<bool>,
    pub street_page: RwSignal<usize>,
    /// The streets the filter leaves, before paging (see [`Focus::street_page_now`]).
    pub filtered_streets: Memo<Vec<(Region, Evaluation)>>,
}

impl Focus {
    pub fn new(store: Store) -> Focus {
        let scope = RwSignal::new(Scope::District);
        let month = RwSignal::new(None::<Month>);
        let span = Memo::new(move |_| store.engine().dataset().span());
        let at = Memo::new(move |_| {
            let span = span.get()?;
            Some(match month.get() {
                Some(m) if m >= span.0 && m <= span.1 => m,
                _ => span.1,
            })
        });
        let eval = Memo::new(move |_| {
            let m = at.get()?;
            let sc = scope.get();
            Some(store.engine().engine().evaluate(&sc, m))
        });
        let timeline = Memo::new(move |_| {
            let (from, to) = span.get()?;
            let sc = scope.get();
            Some(store.engine().engine().timeline(&sc, from, to))
        });
        let streets = Memo::new(move |_| {
            let Some(m) = at.get() else {
                return Vec::new();
            };
            let p = store.engine();
            p.dataset()
                .streets()
                .map(|r| {
                    let e = p.engine().evaluate(&Scope::Street(r.id.clone()), m);
                    (r.clone(), e)
                })
                .collect()
        });
        let street_query = RwSignal::new(String::new());
        let warned_only = RwSignal::new(false);
        let street_page = RwSignal::new(0);
        let filtered_streets = Memo::new(move |_| {
            let q = street_query.get();
            let warned = warned_only.get();
            streets.with(|all| {
                all.iter()
                    .filter(|(r, e)| {
                        let names = [r.name.as_str(), r.name_en.as_deref().unwrap_or("")];
                        listing::matches(&q, &names, &r.id)
                            && (!warned || e.effective.level().is_some())
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        Focus {
            street_query,
            warned_only,
            street_page,
            filtered_streets,
            scope,
            month,
            span,
            at,
            eval,
            timeline,
            streets,
        }
    }

    /// The page of streets the cards and the small charts show now.
    pub fn street_page_now(&self) -> Page<(Region, Evaluation)> {
        let page = self.street_page.get();
        listing::page(self.filtered_streets.get(), page, listing::PAGE)
    }

    pub fn get() -> Focus {
        expect_context::<Focus>()
    }
}

/// A region's name in the language (English falls back to the Chinese name).
pub fn region_name(r: &Region, lang: Lang) -> String {
    r.name_in(lang).to_owned()
}

/// The name of a scope in the language.
pub fn scope_name(data: &Dataset, scope: &Scope, lang: Lang) -> String {
    data.scope_region(scope)
        .map(|r| region_name(r, lang))
        .unwrap_or_else(|| scope.to_string())
}
