//! The what-if page (`#/scenarios`): scenarios over the current data, their tweaks, the answer
//! next to the baseline, the comparison, "what it takes", and a presenter mode for meetings that
//! runs from the keyboard. Every scenario screen and print carries the exercise mark
//! ([`crate::scenario::EXERCISE_MARK`]); the baseline is never changed here.

mod compare_view;
mod list;
mod reach_view;
mod result;
mod state;
mod tweaks;

use crate::i18n::Msg;
use crate::model::Scope;
use crate::month::Month;
use crate::scenario::EXERCISE_MARK;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::{month_options_at, scope_options};
use compare_view::ComparePanel;
use leptos::ev;
use leptos::prelude::*;
use list::ScenarioList;
use reach_view::ReachPanel;
use result::ScenarioResult;
use state::Page;
use tweaks::TweakList;
use wasm_bindgen::JsCast;

/// The keyboard shortcuts, as the help lists them.
const SHORTCUTS: [(&str, Msg); 9] = [
    ("← →", Msg::ScKeyMonth),
    ("↑ ↓", Msg::ScKeyScenario),
    ("0 … 9", Msg::ScKeyPick),
    ("C", Msg::ScKeyCompare),
    ("W", Msg::ScKeyReach),
    ("P", Msg::ScKeyPresenter),
    ("N", Msg::ScKeyNew),
    ("A", Msg::ScKeyAdd),
    ("?", Msg::ScKeyHelp),
];

fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A panel just opened comes into view with the focus on it, once it is drawn (a panel below
/// the fold would otherwise look like nothing happened on a projector).
fn bring_into_view(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
}

/// Whether a key event belongs to a form field (typing, or a select's own arrows). Keys on a
/// focused button or summary are the page's: after a click, the shortcuts keep working.
fn in_control(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Full screen for the projector where the browser allows it; presenter mode works without.
fn set_fullscreen(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if on {
        if doc.fullscreen_element().is_none() {
            if let Some(el) = doc.document_element() {
                let _ = el.request_fullscreen();
            }
        }
    } else if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    }
}

fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let list = body.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

#[component]
pub fn ScenariosView() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::new(store);
    provide_context(page);

    // The exercise mark on every screen and print of a scenario, and presenter styling on the
    // whole page (header and navigation hidden).
    Effect::new(move |_| {
        set_body_class(
            "exercise",
            page.selected.get().is_some() || page.show_compare.get(),
        );
        set_body_class("presenter", page.presenter.get());
    });
    let fs = window_event_listener(ev::fullscreenchange, move |_| {
        let full = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.fullscreen_element().is_some());
        // Leaving full screen with the browser's own Esc leaves presenter mode too.
        if !full && page.presenter.get_untracked() {
            page.presenter.set(false);
        }
    });
    let toggle_presenter = move || {
        let on = !page.presenter.get_untracked();
        page.presenter.set(on);
        set_fullscreen(on);
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || in_control(&e) {
            return;
        }
        let handled = match e.key().as_str() {
            "ArrowLeft" => {
                page.step_month(-1);
                true
            }
            "ArrowRight" => {
                page.step_month(1);
                true
            }
            "ArrowUp" => {
                page.step_scenario(store, -1);
                true
            }
            "ArrowDown" => {
                page.step_scenario(store, 1);
                true
            }
            "c" | "C" => {
                page.show_compare.update(|v| *v = !*v);
                true
            }
            "w" | "W" => {
                page.show_reach.update(|v| *v = !*v);
                true
            }
            "p" | "P" => {
                toggle_presenter();
                true
            }
            "n" | "N" => {
                focus_id("scenario-new-name");
                true
            }
            "a" | "A" => {
                focus_id("tweak-kind");
                true
            }
            "?" => {
                page.help.update(|v| *v = !*v);
                true
            }
            "Escape" => {
                if page.presenter.get_untracked() {
                    page.presenter.set(false);
                    set_fullscreen(false);
                }
                page.help.set(false);
                true
            }
            k if k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()) => {
                let n: usize = k.parse().unwrap_or(0);
                if n == 0 {
                    page.selected.set(None);
                } else if let Some(id) = store
                    .snap
                    .with_untracked(|s| s.scenarios.list().get(n - 1).map(|s| s.id))
                {
                    page.selected.set(Some(id));
                }
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
    on_cleanup(move || {
        fs.remove();
        keys.remove();
        set_body_class("exercise", false);
        set_body_class("presenter", false);
        set_fullscreen(false);
    });

    let exercise = move || page.selected.get().is_some() || page.show_compare.get();
    // Opening the comparison or "what it takes" (button or key) shows it.
    for (on, id) in [
        (page.show_compare, "compare"),
        (page.show_reach, "what-it-takes"),
    ] {
        Effect::watch(
            move || on.get(),
            move |shown, before, _| {
                if *shown && before.is_some_and(|b| !*b) {
                    bring_into_view(id);
                }
            },
            false,
        );
    }

    view! {
        <div class="scenarios" class:presenter=move || page.presenter.get()>
            <Show when=exercise>
                <div class="exercise-banner" role="note" id="exercise-mark">
                    <strong>{move || EXERCISE_MARK.get(i18n.lang()).to_owned()}</strong>
                    " "
                    {i18n.tr(Msg::ScExerciseNote)}
                </div>
            </Show>
            <Toolbar toggle_presenter=toggle_presenter/>
            <Show when=move || page.presenter.get()>
                <ScenarioStrip/>
            </Show>
            {move || {
                page.notice.get().map(|(ok, t)| {
                    view! {
                        <p class=if ok { "banner ok" } else { "banner error" } role=if ok { "status" } else { "alert" } id="scenario-notice">
                            {t.get(i18n.lang()).to_owned()}
                            " "
                            <button type="button" class="link no-print" on:click=move |_| page.notice.set(None)>"×"</button>
                        </p>
                    }
                })
            }}
            <Show when=move || page.help.get()>
                <section class="shortcuts" id="shortcuts" aria-labelledby="shortcuts-h">
                    <h2 id="shortcuts-h">{i18n.tr(Msg::ScShortcuts)}</h2>
                    <dl>
                        {SHORTCUTS
                            .into_iter()
                            .map(|(k, m)| view! { <dt><kbd>{k}</kbd></dt><dd>{i18n.tr(m)}</dd> })
                            .collect_view()}
                    </dl>
                </section>
            </Show>
            <div class="scenario-layout">
                <aside class="scenario-side">
                    <ScenarioList/>
                </aside>
                <div class="scenario-main">
                    <ScenarioResult/>
                    <TweakList/>
                </div>
            </div>
            <Show when=move || page.show_compare.get()>
                <ComparePanel/>
            </Show>
            <Show when=move || page.show_reach.get()>
                <ReachPanel/>
            </Show>
        </div>
    }
}

/// In presenter mode the list gives way to a strip of the scenarios and their keys.
#[component]
fn ScenarioStrip() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    view! {
        <ol class="scenario-strip" aria-label=i18n.tr(Msg::ScList)>
            <li aria-current=move || if page.selected.get().is_none() { "true" } else { "false" }>
                <span class="key">"0"</span>
                {i18n.tr(Msg::ScBaseline)}
            </li>
            {move || {
                store.snap.with(|s| {
                    s.scenarios
                        .list()
                        .iter()
                        .enumerate()
                        .map(|(i, sc)| {
                            let id = sc.id;
                            let key = if i < 9 { (i + 1).to_string() } else { "·".into() };
                            view! {
                                <li aria-current=move || if page.selected.get() == Some(id) { "true" } else { "false" }>
                                    <span class="key">{key}</span>
                                    {sc.name.clone()}
                                </li>
                            }
                        })
                        .collect_view()
                })
            }}
        </ol>
    }
}

/// A button that shows or hides a part of the page, with its key.
fn toggle_button(
    id: &'static str,
    on: RwSignal<bool>,
    label: Msg,
    key: &'static str,
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <button
            type="button"
            id=id
            aria-pressed=move || if on.get() { "true" } else { "false" }
            on:click=move |_| on.update(|v| *v = !*v)
        >
            {i18n.tr(label)} <kbd>{key}</kbd>
        </button>
    }
}

#[component]
fn Toolbar(toggle_presenter: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let pressed = |b: bool| if b { "true" } else { "false" };
    view! {
        <div class="focus-bar scenario-toolbar no-print" role="toolbar" aria-label=i18n.tr(Msg::ScToolbar)>
            <label>
                {i18n.tr(Msg::Scope)}
                <select
                    id="scenario-scope"
                    on:change=move |ev| page.scope.set(Scope::from_text(&event_target_value(&ev)))
                    prop:value=move || page.scope.get().to_string()
                >
                    {move || {
                        let lang = i18n.lang();
                        store.snap.with(|s| scope_options(&s.dataset, lang))
                    }}
                </select>
            </label>
            <label>
                {i18n.tr(Msg::Month)}
                <span class="month-stepper">
                    <button type="button" aria-label=i18n.tr(Msg::PrevMonth) on:click=move |_| page.step_month(-1)>"←"</button>
                    <select
                        id="scenario-month"
                        aria-label=i18n.tr(Msg::Month)
                        on:change=move |ev| page.month.set(Month::parse(&event_target_value(&ev)).ok())
                        prop:value=move || page.at.get().map(|m| m.to_string()).unwrap_or_default()
                    >
                        {move || month_options_at(page.span.get(), page.at.get())}
                    </select>
                    <button type="button" aria-label=i18n.tr(Msg::NextMonth) on:click=move |_| page.step_month(1)>"→"</button>
                </span>
            </label>
            {toggle_button("toggle-compare", page.show_compare, Msg::ScCompare, "C")}
            {toggle_button("toggle-reach", page.show_reach, Msg::ScWhatItTakes, "W")}
            <button
                type="button"
                id="toggle-presenter"
                aria-pressed=move || pressed(page.presenter.get())
                on:click=move |_| toggle_presenter()
            >
                {i18n.tr(Msg::ScPresenter)} <kbd>"P"</kbd>
            </button>
            {toggle_button("toggle-help", page.help, Msg::ScShortcuts, "?")}
            <button type="button" class="no-print" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>
                {i18n.tr(Msg::Print)}
            </button>
        </div>
    }
}
