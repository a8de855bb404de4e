//! The list of scenarios: create, show, rename, duplicate, delete (with undo), and choose up to
//! three for comparison.

use super::state::Page;
use crate::i18n::Msg;
use crate::plan::Text;
use crate::scenario::{Scenario, ScenarioId, MAX_COMPARED};
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::{now_iso, Store};
use leptos::prelude::*;

#[component]
pub fn ScenarioList() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let new_name = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<(Scenario, usize)>);

    let create = move || {
        let name = new_name.get_untracked();
        let r = store.update_scenarios(|list, _, _| Ok(list.create(&name, &now_iso())));
        match r {
            Ok(id) => {
                new_name.set(String::new());
                page.selected.set(Some(id));
                page.ok(Text::new("已新建推演。", "Scenario created."));
            }
            Err(e) => page.fail(e),
        }
    };
    let undo_delete = move |_| {
        let Some((s, at)) = deleted.get_untracked() else {
            return;
        };
        match store.update_scenarios(|list, _, _| Ok(list.restore(s, at))) {
            Ok(id) => {
                deleted.set(None);
                page.selected.set(Some(id));
            }
            Err(e) => page.fail(e),
        }
    };

    view! {
        <section class="scenario-list" aria-labelledby="scenario-list-h">
            <h2 id="scenario-list-h">{i18n.tr(Msg::ScList)}</h2>
            <form
                class="scenario-create"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create();
                }
            >
                <label>
                    {i18n.tr(Msg::ScNewName)}
                    <input
                        id="scenario-new-name"
                        type="text"
                        maxlength="80"
                        placeholder=i18n.tr(Msg::ScNewPlaceholder)
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                </label>
                <button id="scenario-create" type="submit" disabled=move || store.read_only.get().is_some()>
                    {i18n.tr(Msg::ScCreate)}
                </button>
            </form>
            <ul class="scenario-items">
                <li>
                    <button
                        type="button"
                        class="scenario-pick baseline"
                        aria-pressed=move || if page.selected.get().is_none() { "true" } else { "false" }
                        on:click=move |_| page.selected.set(None)
                    >
                        <span class="key">"0"</span>
                        {i18n.tr(Msg::ScBaseline)}
                    </button>
                </li>
                {move || {
                    store
                        .snap
                        .with(|s| {
                            s.scenarios
                                .list()
                                .iter()
                                .enumerate()
                                .map(|(i, sc)| view! { <ScenarioRow scenario=sc.clone() index=i deleted=deleted/> })
                                .collect_view()
                        })
                }}
            </ul>
            <Show when=move || deleted.with(Option::is_some)>
                <p class="notice" role="status">
                    {move || {
                        let lang = i18n.lang();
                        deleted
                            .with(|d| d.as_ref().map(|(s, _)| s.name.clone()))
                            .map(|n| format!("{}{n}", Msg::ScDeleted.text(lang)))
                    }}
                    " "
                    <button id="scenario-undo-delete" type="button" on:click=undo_delete>
                        {i18n.tr(Msg::Undo)}
                    </button>
                </p>
            </Show>
        </section>
    }
}

#[component]
fn ScenarioRow(
    scenario: Scenario,
    index: usize,
    deleted: RwSignal<Option<(Scenario, usize)>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let id: ScenarioId = scenario.id;
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(scenario.name.clone());
    let confirm_delete = RwSignal::new(false);
    let tweaks = scenario.tweaks.len();
    let key = (index < 9).then(|| (index + 1).to_string());
    let read_only = move || store.read_only.get().is_some();

    let rename = move || {
        let n = name.get_untracked();
        match store.update_scenarios(|list, _, _| list.rename(id, &n).map_err(|e| e.text())) {
            Ok(()) => renaming.set(false),
            Err(e) => page.fail(e),
        }
    };
    let duplicate = move |_| match store
        .update_scenarios(|list, _, _| list.duplicate(id, &now_iso()).map_err(|e| e.text()))
    {
        Ok(new) => page.selected.set(Some(new)),
        Err(e) => page.fail(e),
    };
    let delete = move |_| {
        if !confirm_delete.get_untracked() {
            confirm_delete.set(true);
            return;
        }
        let r = store.update_scenarios(|list, _, _| {
            let at = list.position(id).unwrap_or(0);
            list.delete(id).map(|s| (s, at)).map_err(|e| e.text())
        });
        match r {
            Ok(gone) => {
                deleted.set(Some(gone));
                if page.selected.get_untracked() == Some(id) {
                    page.selected.set(None);
                }
                page.compared.update(|c| c.retain(|x| *x != id));
            }
            Err(e) => page.fail(e),
        }
    };
    let compared = move || page.compared.with(|c| c.contains(&id));
    let toggle_compare = move |_| {
        page.compared.update(|c| {
            if let Some(i) = c.iter().position(|x| *x == id) {
                c.remove(i);
            } else if c.len() < MAX_COMPARED {
                c.push(id);
            }
        });
    };
    let full = move || !compared() && page.compared.with(|c| c.len() >= MAX_COMPARED);

    view! {
        <li class="scenario-item" data-scenario=id>
            <Show
                when=move || renaming.get()
                fallback=move || {
                    let label = scenario.name.clone();
                    let key = key.clone();
                    view! {
                        <button
                            type="button"
                            class="scenario-pick"
                            aria-pressed=move || if page.selected.get() == Some(id) { "true" } else { "false" }
                            on:click=move |_| page.selected.set(Some(id))
                        >
                            {key.map(|k| view! { <span class="key">{k}</span> })}
                            <span class="name">{label}</span>
                            <span class="count">
                                {move || match i18n.lang() {
                                    crate::i18n::Lang::Zh => format!("{tweaks} 项假设"),
                                    crate::i18n::Lang::En => format!("{tweaks} change{}", if tweaks == 1 { "" } else { "s" }),
                                }}
                            </span>
                        </button>
                    }
                }
            >
                <form
                    class="scenario-rename"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        rename();
                    }
                >
                    <input
                        type="text"
                        maxlength="80"
                        aria-label=i18n.tr(Msg::ScRename)
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" {
                                renaming.set(false);
                            }
                        }
                    />
                    <button type="submit">{i18n.tr(Msg::Save)}</button>
                </form>
            </Show>
            <div class="scenario-actions">
                <label class="compare-pick">
                    <input
                        type="checkbox"
                        prop:checked=compared
                        disabled=full
                        on:change=toggle_compare
                    />
                    {i18n.tr(Msg::ScCompareThis)}
                </label>
                <button type="button" disabled=read_only on:click=move |_| renaming.set(true)>
                    {i18n.tr(Msg::ScRename)}
                </button>
                <button type="button" class="scenario-duplicate" disabled=read_only on:click=duplicate>
                    {i18n.tr(Msg::ScDuplicate)}
                </button>
                <button
                    type="button"
                    class=move || if confirm_delete.get() { "danger scenario-delete" } else { "scenario-delete" }
                    disabled=read_only
                    on:click=delete
                    on:blur=move |_| confirm_delete.set(false)
                >
                    {move || {
                        if confirm_delete.get() { i18n.t(Msg::ScConfirmDelete) } else { i18n.t(Msg::ScDelete) }
                    }}
                </button>
            </div>
        </li>
    }
}
