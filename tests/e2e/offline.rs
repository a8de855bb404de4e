//! Offline and self-contained: the service worker serves the app after the first visit, and the
//! app makes no network request once loaded.

use crate::support::Harness;

const RESOURCES: &str = "return performance.getEntriesByType('resource').map(e => e.name);";

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn no_requests_after_load_and_the_app_opens_offline() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    // The service worker has taken control and cached the app.
    h.wait_for_js("!!navigator.serviceWorker && !!navigator.serviceWorker.controller")
        .await;
    let cached = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.open('uew-v1').then(c => c.keys()).then(k => done(k.map(r => r.url)));",
            vec![],
        )
        .await
        .unwrap();
    let cached: Vec<String> = serde_json::from_value(cached).unwrap();
    assert!(
        cached.iter().any(|u| u.ends_with("_bg.wasm")),
        "the wasm is cached: {cached:?}"
    );

    // Using the app loads nothing more.
    let before: Vec<String> = serde_json::from_value(h.js(RESOURCES).await).unwrap();
    for route in ["#/data", "#/plan", "#/dashboard"] {
        h.js(&format!("location.hash = '{route}'; return true;"))
            .await;
        h.wait_for_css("main > *").await;
    }
    h.js("document.querySelector('#month-select').value = '2025-06';
          document.querySelector('#month-select').dispatchEvent(new Event('change'));
          return true;")
        .await;
    h.wait_for_js("document.querySelector('#effective-level [data-status=\"2\"]')")
        .await;
    let after: Vec<String> = serde_json::from_value(h.js(RESOURCES).await).unwrap();
    assert_eq!(before, after, "no request after load");
    h.assert_no_errors().await;

    // Offline: the reload is served by the service worker.
    h.set_offline(true);
    h.client.refresh().await.unwrap();
    h.wait_for_css("header.topbar").await;
    h.wait_for_css("#effective-level .level-badge").await;
    h.screenshot("offline-reload").await;
    h.set_offline(false);
    h.finish().await;
}
