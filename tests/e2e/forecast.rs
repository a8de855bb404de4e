//! The projection on the dashboard is chosen by its backtest record: a street whose rate has an
//! obvious yearly pattern gets a seasonal method, a flat noisy one keeps the naive forecast; the
//! method, its record beside the naive one, the band's coverage and the chance of a level are
//! shown in both languages.

use crate::support::Harness;
use serde_json::{json, Value};

/// The sample's regions and plan with entered registered rates only: 2022-01 … 2026-10 (58
/// months), Xixing with February and July peaks, Changhe and the district as a small random walk.
fn seasonal_and_flat_snapshot() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sample-snapshot.json"
    ))
    .unwrap();
    let mut snap: Value = serde_json::from_str(&text).unwrap();
    let shape = [0.3, 0.9, 0.4, 0.1, 0.0, 0.1, 0.7, 0.4, 0.2, 0.0, -0.1, 0.0];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut walk = 3.2;
    let mut observations = Vec::new();
    for i in 0..58usize {
        let month = format!("{}-{:02}", 2022 + i / 12, i % 12 + 1);
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        walk += ((state >> 33) as f64 / f64::from(1u32 << 31) - 0.5) * 0.2;
        let seasonal = 3.6 + shape[i % 12] + 0.02 * ((i * 7) % 5) as f64;
        for (region, rate) in [("xixing", seasonal), ("changhe", walk), ("binjiang", walk)] {
            observations.push(json!({
                "region": region,
                "month": month,
                "registered_rate": format!("{rate:.2}"),
            }));
        }
    }
    let data = &mut snap["dataset"];
    data["observations"] = Value::Array(observations);
    for key in [
        "closures",
        "layoffs",
        "city_warnings",
        "special_determinations",
    ] {
        data[key] = json!([]);
    }
    snap
}

async fn choose_scope(h: &Harness, scope: &str) {
    h.js(&format!(
        "const s = document.querySelector('#scope-select');
         s.value = '{scope}';
         s.dispatchEvent(new Event('change', {{bubbles: true}}));
         return true;"
    ))
    .await;
}

async fn method(h: &Harness) -> String {
    h.attr("#chart-rate[data-method]", "data-method").await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_seasonal_street_gets_a_seasonal_method_and_a_flat_noisy_one_naive() {
    let h = Harness::start().await;
    let file = h.downloads.join("seasonal-and-flat.json");
    std::fs::write(
        &file,
        serde_json::to_string_pretty(&seasonal_and_flat_snapshot()).unwrap(),
    )
    .unwrap();
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    h.wait_for_css("#snapshot-replace")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_css("#restore-backup").await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;

    choose_scope(&h, "xixing").await;
    h.wait_for_js("['seasonal-naive', 'seasonal-steps', 'holt-winters'].includes(document.querySelector('#chart-rate').dataset.method)").await;
    let seasonal = method(&h).await;
    let notes = h.text("#chart-rate figcaption").await;
    assert!(notes.contains("预测方法："), "{notes}");
    assert!(notes.contains("近24个月回测"), "{notes}");
    assert!(
        notes.contains("朴素预测 "),
        "the naive record beside it: {notes}"
    );
    assert!(notes.contains("实测覆盖"), "{notes}");
    assert!(
        notes.contains("概率约"),
        "the level is stated as a probability: {notes}"
    );
    let svg = h
        .js("return document.querySelector('#chart-rate .chart-svg').innerHTML;")
        .await;
    let svg = svg.as_str().unwrap_or_default();
    assert!(
        [
            "预测（季节朴素）",
            "预测（季节增量）",
            "预测（Holt–Winters 季节平滑）"
        ]
        .iter()
        .any(|l| svg.contains(l)),
        "the legend names the method ({seasonal})"
    );
    h.screenshot("forecast-seasonal-zh").await;

    choose_scope(&h, "changhe").await;
    h.wait_for_js("document.querySelector('#chart-rate').dataset.method === 'naive'")
        .await;
    let notes = h.text("#chart-rate figcaption").await;
    assert!(notes.contains("其他方法回测均未优于它"), "{notes}");

    h.client
        .find(fantoccini::Locator::Css(".lang-switch button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.wait_for_js(
        "document.querySelector('#chart-rate figcaption').textContent.includes('Method: naive')",
    )
    .await;
    let notes = h.text("#chart-rate figcaption").await;
    assert!(notes.contains("no other method beat it"), "{notes}");
    assert!(notes.contains("backtest error paths"), "{notes}");
    h.screenshot("forecast-naive-en").await;

    choose_scope(&h, "xixing").await;
    h.wait_for_js("document.querySelector('#chart-rate').dataset.method !== 'naive'")
        .await;
    let notes = h.text("#chart-rate figcaption").await;
    assert!(
        notes.contains("Backtest over the last 24 months"),
        "{notes}"
    );
    assert!(notes.contains(", naive "), "{notes}");
    assert!(notes.contains("in the backtest it held"), "{notes}");
    h.screenshot("forecast-seasonal-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}
