//! The app shell: header, navigation, language switch, and the routed view.

use super::banners::{Banners, SaveIndicator};
use super::dashboard::Dashboard;
use super::data_view::DataView;
use super::derived::Focus;
use super::dialog::{DialogHost, Dialogs};
use super::i18n_ctx::I18n;
use super::plan_view::PlanView;
use super::playbook::{Drafts, PlaybookView};
use super::prefs;
use super::route::Route;
use super::scenarios::ScenariosView;
use super::snapshots_view::SnapshotsView;
use super::store::Store;
use crate::i18n::{Lang, Msg};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The plan in force, shared read-only by every view. It holds the plan alone, not the
/// prepared engine: a preparation held here would make the next edit copy the whole dataset
/// instead of updating it in place. Equal while the same plan is shared, so a change of the
/// data alone neither compares the plan nor re-renders its views.
#[derive(Clone, Copy)]
pub struct PlanCtx(pub Memo<SharedPlan>);

#[derive(Clone)]
pub struct SharedPlan(std::sync::Arc<crate::plan::Plan>);

impl SharedPlan {
    pub fn plan(&self) -> &crate::plan::Plan {
        &self.0
    }
}

impl PartialEq for SharedPlan {
    fn eq(&self, other: &SharedPlan) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(prefs::load_lang().unwrap_or_default());
    let storage_note = RwSignal::new(false);
    let i18n = I18n(lang);
    provide_context(i18n);
    let store = Store::load();
    provide_context(store);
    // The plan view shows the plan of the workspace (a street's own plan or a what-if variant
    // lives in its snapshot); it is read once per snapshot change.
    provide_context(PlanCtx(Memo::new(move |_| {
        SharedPlan(store.engine().shared_plan())
    })));
    provide_context(Focus::new(store));
    // The response page's unsaved rows live here, so leaving the page keeps them.
    provide_context(Drafts::new());
    Dialogs::provide();

    // Keep <html lang> and the title in step with the language, and remember the choice.
    Effect::new(move |prev: Option<Lang>| {
        let l = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", l.tag());
            }
            doc.set_title(&format!(
                "{} · {}",
                Msg::AppTitle.text(l),
                Msg::AppSubtitle.text(l)
            ));
        }
        if prev.is_some() && prev != Some(l) && prefs::save_lang(l).is_err() {
            storage_note.set(true);
        }
        l
    });

    let route = RwSignal::new(Route::current());
    let handle = window_event_listener(ev::hashchange, move |_| route.set(Route::current()));
    // Another tab saved: take its data, or ask when this tab has unsaved changes.
    let storage = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() == Some(super::persist::SAVED_KEY) {
            store.on_external_change();
        }
    });
    // Ctrl+Z / Ctrl+Y (⌘ on macOS) undo and redo, except while typing in a field.
    let keys = window_event_listener(ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) || typing_in_field(&e) {
            return;
        }
        match e.key().as_str() {
            "z" | "Z" if e.shift_key() => {
                e.prevent_default();
                store.redo();
            }
            "z" | "Z" => {
                e.prevent_default();
                store.undo();
            }
            "y" | "Y" => {
                e.prevent_default();
                store.redo();
            }
            _ => {}
        }
    });
    // A save scheduled after a burst of changes happens before the page goes away.
    let hide = window_event_listener(ev::pagehide, move |_| store.flush_save());
    let hidden = window_event_listener(ev::visibilitychange, move |_| store.flush_save());
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        handle.remove();
        storage.remove();
        keys.remove();
    });

    let skip = move |e: ev::MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
        {
            if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>{i18n.tr(Msg::SkipToContent)}</a>
        <header class="topbar no-print">
            <div class="brand">
                <img src="favicon.svg" alt="" width="28" height="28"/>
                <div>
                    <div class="brand-title">{i18n.tr(Msg::AppTitle)}</div>
                    <div class="brand-sub">{i18n.tr(Msg::AppSubtitle)}</div>
                </div>
            </div>
            <nav aria-label="main">
                {Route::ALL
                    .into_iter()
                    .map(|r| {
                        let label = r.label();
                        view! {
                            <a
                                href=r.hash()
                                aria-current=move || (route.get() == r).then_some("page")
                            >
                                {i18n.tr(label)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <SaveIndicator/>
            <LangSwitch/>
        </header>
        <Show when=move || storage_note.get()>
            <p class="banner warn" role="status">{i18n.tr(Msg::StorageUnavailable)}</p>
        </Show>
        <Banners/>
        <DialogHost/>
        <main id="main" tabindex="-1">
            // IndexedDB answers asynchronously: the views come once the workspace is read.
            {move || if !store.loaded.get() {
                view! {
                    <p class="loading" id="loading-workspace" role="status">
                        {move || i18n.t(Msg::LoadingWorkspace)}
                    </p>
                }.into_any()
            } else { match route.get() {
                Route::Dashboard => view! { <Dashboard/> }.into_any(),
                Route::Data => view! { <DataView/> }.into_any(),
                Route::Scenarios => view! { <ScenariosView/> }.into_any(),
                Route::Snapshots => view! { <SnapshotsView/> }.into_any(),
                Route::Plan => view! { <PlanView/> }.into_any(),
                Route::Playbook => view! { <PlaybookView/> }.into_any(),
            }}}
        </main>
    }
}

/// Chinese / English switch; the choice is remembered in browser storage.
#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <div class="lang-switch" role="group" aria-label=i18n.tr(Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="button"
                            lang=l.tag()
                            aria-pressed=move || if i18n.lang() == l { "true" } else { "false" }
                            on:click=move |_| i18n.0.set(l)
                        >
                            {l.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Whether a key event comes from a text field (its own undo applies there).
fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
