//! The browser UI (wasm32 only). Views read the snapshot and its evaluation; they never reach
//! back into the rules engine's inputs except through the store's narrow write handles.

mod app;
mod banners;
mod charts_view;
mod csv_panel;
mod dashboard;
mod data_view;
mod derived;
mod dialog;
mod download;
mod events_panel;
mod grid;
mod i18n_ctx;
mod persist;
mod plan_editor;
mod plan_file;
mod plan_view;
mod playbook;
mod prefs;
mod region_search;
mod regions_panel;
mod route;
mod scenarios;
mod snapshots_view;
mod store;
mod street_filter;
mod widgets;
mod xlsx_panel;
mod xlsx_worker;

pub use i18n_ctx::I18n;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// Mounts the app inside `parent`; dropping the handle unmounts it (component tests).
pub fn mount_in(parent: web_sys::HtmlElement) -> impl Drop {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to(parent, app::App)
}

/// How many rules engines this page has built (`window.wasmBindings.engineBuilds()`): the
/// workspace prepares one per change of the plan or data, and the browser benchmark checks
/// that no view builds its own.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = engineBuilds)]
pub fn engine_builds() -> f64 {
    crate::rules::engine_builds() as f64
}

/// How many rules engines this page has prepared, built or updated from the previous one
/// after a cell or event edit (`window.wasmBindings.enginePreparations()`): one per change.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = enginePreparations)]
pub fn engine_preparations() -> f64 {
    crate::rules::engine_preparations() as f64
}

/// How long the latest save took, in ms (`window.wasmBindings.lastSaveMs()`), for the browser
/// benchmark's save figure.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = lastSaveMs)]
pub fn last_save_ms() -> f64 {
    store::last_save_ms()
}
