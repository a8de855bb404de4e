//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]
// Test code: a failed step should fail the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
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

#[wasm_bindgen_test]
async fn app_renders_the_plan_and_switches_language() {
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/plan")
        .unwrap();
    uew::ui::mount();
    next_tick().await;
    let doc = document();
    let rows = doc.query_selector_all(".level-table tbody tr").unwrap();
    assert_eq!(rows.length(), 3, "three §5.1 levels");
    let head = doc.query_selector(".level-table thead").unwrap().unwrap();
    assert!(head.text_content().unwrap().contains("失业率"));

    let en: web_sys::HtmlElement = doc
        .query_selector(".lang-switch button[lang='en']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    en.click();
    next_tick().await;
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert!(head.text_content().unwrap().contains("Unemployment rate"));
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("uew.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("\"en\""));
}

#[wasm_bindgen_test]
async fn dashboard_shows_the_samples_latest_month_and_each_street() {
    let doc = document();
    // A container of its own: this test may share the page with the other one.
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/dashboard")
        .unwrap();
    uew::ui::mount();
    next_tick().await;
    let effective = doc
        .query_selector("#effective-level .level-badge")
        .unwrap()
        .unwrap();
    // The sample ends back at normal (the demo's last month).
    assert_eq!(
        effective.get_attribute("data-status").as_deref(),
        Some("none")
    );
    assert_eq!(
        doc.query_selector_all(".street-card").unwrap().length() % 3,
        0
    );
    // The sample is labelled as such.
    assert!(doc.query_selector("#banner-sample").unwrap().is_some());
}

use wasm_bindgen::JsCast;
