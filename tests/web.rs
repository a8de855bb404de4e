//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]
// Test code: a failed step should fail the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh container for one test's app, so tests sharing the page do not see each other.
fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn next_tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits (up to about two seconds) until `css` is in `root`: the app reads IndexedDB first.
async fn wait_for(root: &web_sys::HtmlElement, css: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(el) = root.query_selector(css).unwrap() {
            return el;
        }
        next_tick().await;
    }
    panic!("`{css}` did not appear");
}

#[wasm_bindgen_test]
async fn app_renders_the_plan_and_switches_language() {
    storage().clear().unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/plan")
        .unwrap();
    let root = container();
    let app = uew::ui::mount_in(root.clone());
    wait_for(&root, ".level-table tbody tr").await;
    let rows = root.query_selector_all(".level-table tbody tr").unwrap();
    assert_eq!(rows.length(), 3, "three §5.1 levels");
    let head = root.query_selector(".level-table thead").unwrap().unwrap();
    assert!(head.text_content().unwrap().contains("失业率"));

    let en: web_sys::HtmlElement = root
        .query_selector(".lang-switch button[lang='en']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    en.click();
    next_tick().await;
    let lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("en"));
    assert!(head.text_content().unwrap().contains("Unemployment rate"));
    assert!(document().title().contains("Unemployment Early Warning"));
    let stored = storage().get_item("uew.lang").unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
    drop(app);
    root.remove();
}

#[wasm_bindgen_test]
async fn dashboard_shows_the_samples_latest_month_and_each_street() {
    storage().clear().unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/dashboard")
        .unwrap();
    let root = container();
    let app = uew::ui::mount_in(root.clone());
    next_tick().await;
    let effective = wait_for(&root, "#effective-level .level-badge").await;
    // The sample ends back at normal (the demo's last month).
    assert_eq!(
        effective.get_attribute("data-status").as_deref(),
        Some("none")
    );
    assert_eq!(root.query_selector_all(".street-card").unwrap().length(), 3);
    // The sample is labelled as such, and was stored on the first visit.
    assert!(root.query_selector("#banner-sample").unwrap().is_some());
    for _ in 0..200 {
        if storage().get_item("uew.saved").unwrap().is_some() {
            break;
        }
        next_tick().await;
    }
    assert!(storage().get_item("uew.saved").unwrap().is_some());
    drop(app);
    root.remove();
}
