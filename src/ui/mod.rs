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
mod plan_file;
mod plan_view;
mod playbook;
mod prefs;
mod regions_panel;
mod route;
mod scenarios;
mod snapshots_view;
mod store;
mod widgets;

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
