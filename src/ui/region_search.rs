//! One search field for regions, wherever a list of them is too long to scroll: a datalist of
//! names to choose from, and Enter takes what was typed (`crate::listing::find`).

use super::derived::region_name;
use super::i18n_ctx::I18n;
use super::store::Store;
use crate::i18n::Msg;
use crate::listing;
use crate::model::{Region, RegionKind};
use leptos::prelude::*;

/// `found` gets the region matched (`None`: nothing matches what was typed). With
/// `streets_only` the field searches the streets, else every region.
#[component]
pub fn RegionSearch(
    id: &'static str,
    label: Msg,
    hint: Msg,
    streets_only: bool,
    found: Callback<Option<Region>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let wanted = move |r: &&Region| !streets_only || r.kind == RegionKind::Street;
    let list = format!("{id}-list");
    view! {
        <label>
            {i18n.tr(label)}
            <input
                type="search"
                id=id
                list=list.clone()
                placeholder=i18n.tr(hint)
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    if text.trim().is_empty() {
                        return;
                    }
                    let hit = store
                        .snap
                        .with_untracked(|s| listing::find(s.dataset.regions.iter().filter(wanted), &text).cloned());
                    found.run(hit);
                }
            />
            <datalist id=list>
                {move || {
                    let lang = i18n.lang();
                    store.snap.with(|s| {
                        s.dataset
                            .regions
                            .iter()
                            .filter(wanted)
                            .map(|r| view! { <option value=r.id.clone()>{region_name(r, lang)}</option> })
                            .collect_view()
                    })
                }}
            </datalist>
        </label>
    }
}
