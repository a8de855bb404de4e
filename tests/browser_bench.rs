//! Browser benchmarks (not tests): one edit → re-evaluation and every visible chart redrawn, on
//! the sample data and on the synthetic city; the city's import, save and reload. Timed with
//! `performance.now()` in headless Chromium. Figures go to docs/benchmarks.md. Run after a
//! release build:
//!
//! ```sh
//! trunk build --release && UEW_DIST=$PWD/dist cargo test --release --test browser_bench -- --ignored --nocapture
//! ```
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "e2e/support.rs"]
mod support;

use support::Harness;

/// Times `rounds` undo/redo steps (each a dataset edit) on the dashboard: from the key press to
/// the moment the app has re-evaluated and redrawn (the microtask queue and one macrotask
/// drained), then returns the durations in ms.
const TIMING_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const rounds = arguments[0];
const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey: true, bubbles: true }));
const tick = () => new Promise((r) => setTimeout(r, 0));
(async () => {
  const times = [];
  const builds0 = window.wasmBindings.enginePreparations();
  const saves = [];
  for (let i = 0; i < rounds; i++) {
    const svgBefore = document.querySelector('#chart-rate .chart-svg').innerHTML;
    const t0 = performance.now();
    key(i % 2 === 0 ? 'z' : 'y');
    await tick();
    const t1 = performance.now();
    const changed = document.querySelector('#chart-rate .chart-svg').innerHTML !== svgBefore;
    times.push([t1 - t0, changed]);
    saves.push(window.wasmBindings.lastSaveMs());
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  done({ times, saves, builds: window.wasmBindings.enginePreparations() - builds0 });
})();
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::test]
#[ignore = "benchmark: run explicitly (see the module docs)"]
async fn edit_to_redraw_on_the_sample() {
    let h = Harness::start().await;
    h.open("#/data").await;
    // One real edit that moves the district's latest rate, so undo/redo redraw the rate chart.
    let cell = "#entry-grid input[data-region='binjiang'][data-month='2026-10']";
    let el = h.wait_for_css(cell).await;
    el.clear().await.unwrap();
    el.send_keys("6.0\u{E007}").await.unwrap();
    h.wait_for_js("document.querySelector('#undo') && !document.querySelector('#undo').disabled")
        .await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;

    let rounds: u32 = 60;
    let v = h
        .client
        .execute_async(TIMING_SCRIPT, vec![serde_json::json!(rounds)])
        .await
        .unwrap();
    let builds = v["builds"].as_f64().unwrap();
    let mut saves: Vec<f64> = serde_json::from_value(v["saves"].clone()).unwrap();
    saves.sort_by(f64::total_cmp);
    println!(
        "of which saving: median {:.1} ms, p95 {:.1} ms",
        percentile(&saves, 0.5),
        percentile(&saves, 0.95)
    );
    let samples: Vec<(f64, bool)> = serde_json::from_value(v["times"].clone()).unwrap();
    println!(
        "rules engines prepared per edit: {:.2}",
        builds / f64::from(rounds)
    );
    assert!(
        samples.iter().all(|s| s.1),
        "every step redrew the rate chart"
    );
    let mut ms: Vec<f64> = samples.iter().map(|s| s.0).collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "edit → re-evaluate → redraw (sample data, {} steps): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms[ms.len() - 1]
    );

    let t = h.stored("return text.length;").await;
    println!("stored workspace: {} characters", t);
    h.finish().await;
}

/// The same redraw without any save: switching the scope between the district and a street
/// re-evaluates and redraws everything on the dashboard. The difference to the edit figure is
/// the cost of saving.
#[tokio::test]
#[ignore = "benchmark: run explicitly (see the module docs)"]
async fn scope_switch_on_the_sample() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    let v = h
        .client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const sel = document.querySelector('#scope-select');
const tick = () => new Promise((r) => setTimeout(r, 0));
(async () => {
  const times = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    sel.value = i % 2 === 0 ? 'xixing' : 'district';
    sel.dispatchEvent(new Event('change'));
    await tick();
    times.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  done(times);
})();
"#,
            vec![],
        )
        .await
        .unwrap();
    let mut ms: Vec<f64> = serde_json::from_value(v).unwrap();
    ms.sort_by(f64::total_cmp);
    println!(
        "scope switch → re-evaluate → redraw (sample data, {} steps): median {:.1} ms, p95 {:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95)
    );
    h.finish().await;
}

/// The sample with the three what-if scenarios of the native benchmark.
fn sample_with_three_scenarios() -> String {
    let mut snap = uew::demo::snapshot();
    for sc in uew::synthetic::meeting_scenarios() {
        let id = snap.scenarios.create(&sc.name, &sc.created);
        let s = snap.scenarios.get_mut(id).unwrap();
        for t in sc.tweaks {
            s.try_add(t, &snap.plan, &snap.dataset).unwrap();
        }
    }
    snap.to_json_compact()
}

/// One tweak (a changed value of the district's latest rate, added and removed in turn) on
/// the what-if page with three scenarios compared: from the click to the moment the scenario is
/// re-applied, baseline and scenarios re-evaluated, the comparison and its chart redrawn. The
/// save follows 300 ms later, off the interaction (`Store::persist_soon`).
#[tokio::test]
#[ignore = "benchmark: run explicitly (see the module docs)"]
async fn tweak_to_redraw_with_three_scenarios() {
    let h = Harness::start().await;
    h.open("#/scenarios").await;
    let file = h.downloads.join("three-scenarios.json");
    std::fs::write(&file, sample_with_three_scenarios()).unwrap();
    h.import_file(&file).await;
    h.click("#snapshot-replace").await;
    h.wait_for_css("#restore-backup").await;
    h.open("#/scenarios").await;
    h.wait_for_js("document.querySelectorAll('.scenario-item').length === 3")
        .await;
    h.js("document.querySelector('.scenario-item .scenario-pick').click(); document.querySelector('#toggle-compare').click(); return true;")
        .await;
    h.wait_for_js("document.querySelectorAll('#compare-timelines tbody tr').length === 4")
        .await;
    h.js("const k = document.querySelector('#tweak-kind'); k.value = 'set-cells'; k.dispatchEvent(new Event('change')); return true;")
        .await;
    h.wait_for_css("#tweak-values").await;
    h.js("const v = document.querySelector('#tweak-values'); v.value = '5.8'; v.dispatchEvent(new Event('input')); return true;")
        .await;
    let v = h
        .client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const tick = () => new Promise((r) => setTimeout(r, 0));
const count = () => document.querySelectorAll('.tweak-items .tweak').length;
(async () => {
  const times = [];
  for (let i = 0; i < 60; i++) {
    if (i % 2 === 0) {
      const v = document.querySelector('#tweak-values');
      v.value = '5.8';
      v.dispatchEvent(new Event('input'));
      await tick();
    }
    const before = count();
    const svg = document.querySelector('#chart-compare svg').outerHTML;
    const t0 = performance.now();
    if (i % 2 === 0) {
      document.querySelector('#tweak-add').click();
    } else {
      const rm = document.querySelectorAll('.tweak-items .tweak-remove');
      rm[rm.length - 1].click();
    }
    await tick();
    const t1 = performance.now();
    const redrawn = document.querySelector('#chart-compare svg').outerHTML !== svg;
    times.push([t1 - t0, count() !== before && redrawn]);
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  done(times);
})();
"#,
            vec![],
        )
        .await
        .unwrap();
    let samples: Vec<(f64, bool)> = serde_json::from_value(v).unwrap();
    assert!(
        samples.iter().all(|s| s.1),
        "every tweak changed the list and redrew the comparison chart: {samples:?}"
    );
    let mut ms: Vec<f64> = samples.iter().map(|s| s.0).collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "tweak → apply → re-evaluate → compare + redraw (sample, 3 scenarios, save deferred; {} steps): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms[ms.len() - 1]
    );
    h.finish().await;
}

/// Timestamps (`performance.now()`) of the city's import as the page shows it: the file chosen,
/// each step shown, the preview; after "replace", the dashboard's data in place and saved.
const WATCH_CITY_IMPORT: &str = r#"
const t = window.uewT = { steps: [] };
document.querySelector('#import-snapshot').addEventListener('change', () => { t.chosen = performance.now(); }, true);
new MutationObserver(() => {
  const now = performance.now();
  const s = document.querySelector('#import-step');
  if (s && t.steps.length < 3 && (t.steps.length === 0 || t.steps[t.steps.length - 1][0] !== s.dataset.step)) {
    t.steps.push([s.dataset.step, now]);
  }
  if (!t.preview && document.querySelector('#snapshot-preview')) t.preview = now;
  if (t.replace && !t.restorable && document.querySelector('#restore-backup')) t.restorable = now;
  if (t.replace && !t.saved && document.querySelector('#save-state [data-state=saved]')
      && !document.querySelector('#save-state[data-busy]')) t.saved = now;
}).observe(document.body, { subtree: true, childList: true, attributes: true });
return true;
"#;

/// Before the app starts: the moment the dashboard shows a level for the stored workspace.
const WATCH_START: &str = r#"
new MutationObserver((_, o) => {
  if (document.querySelector('#effective-level .level-badge') && !document.querySelector('#loading-workspace')) {
    window.uewReady = performance.now();
    o.disconnect();
  }
}).observe(document, { subtree: true, childList: true });
"#;

/// The synthetic city (3 000 regions × 240 months, 10 000 events; ≈ 54 MB as a file): its
/// import through the page, one edit of a community (re-evaluated, the street's charts
/// redrawn, saved), and a reload to the dashboard.
#[tokio::test]
#[ignore = "benchmark: run explicitly (see the module docs)"]
async fn the_city_import_edit_save_and_reload() {
    let h = Harness::start().await;
    let file = h.downloads.join("city.json");
    let text = uew::synthetic::city_snapshot().to_json_compact();
    std::fs::write(&file, &text).unwrap();
    h.open("#/snapshots").await;
    h.wait_for_css("#import-snapshot").await;
    h.js(WATCH_CITY_IMPORT).await;
    h.import_file(&file).await;
    h.wait_for_js_within("window.uewT.preview", std::time::Duration::from_secs(120))
        .await;
    h.js("window.uewT.replace = performance.now(); document.querySelector('#snapshot-replace').click(); return true")
        .await;
    h.wait_for_js_within(
        "window.uewT.saved && window.uewT.restorable",
        std::time::Duration::from_secs(120),
    )
    .await;
    let t = h.js("return window.uewT").await;
    let f = |k: &str| t[k].as_f64().unwrap();
    println!(
        "city import ({} MB): file chosen → preview {:.0} ms (steps {:?}); replace → in place {:.0} ms, saved {:.0} ms",
        text.len() / 1_000_000,
        f("preview") - f("chosen"),
        t["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{}@{:.0}", s[0].as_str().unwrap(), s[1].as_f64().unwrap() - f("chosen")))
            .collect::<Vec<_>>(),
        f("restorable") - f("replace"),
        f("saved") - f("replace"),
    );
    std::fs::remove_file(&file).unwrap();

    // Reloads: navigation start → the dashboard's level for the stored city.
    h.open("#/dashboard").await;
    *support::PRELUDE.lock().unwrap() = WATCH_START.to_owned();
    let mut reloads = Vec::new();
    for _ in 0..5 {
        h.client.refresh().await.unwrap();
        h.wait_for_js_within("window.uewReady", std::time::Duration::from_secs(120))
            .await;
        reloads.push(h.js("return window.uewReady").await.as_f64().unwrap());
    }
    reloads.sort_by(f64::total_cmp);
    println!(
        "city reload → dashboard with its level: median {:.0} ms, max {:.0} ms ({} reloads)",
        percentile(&reloads, 0.5),
        reloads[reloads.len() - 1],
        reloads.len()
    );

    // One edit of community c0005 (street s05) in the grid, then undo/redo from the street's
    // dashboard: each step re-evaluates and redraws its charts, and saves.
    h.open("#/data").await;
    h.js(
        "const f = document.querySelector('#field-select'); f.value = 'unemployed';
          f.dispatchEvent(new Event('change')); return true",
    )
    .await;
    h.click("#region-find").await;
    h.type_keys("c0005\u{E007}").await;
    h.wait_for_js("document.activeElement && document.activeElement.id === 'cell-2027-01-c0005'")
        .await;
    // ↑ to 2026-12; 2 000 unemployed is within any community's labour force.
    h.type_keys("\u{E013}2000\u{E007}").await;
    h.wait_for_js("document.querySelector('#undo') && !document.querySelector('#undo').disabled")
        .await;
    h.open("#/dashboard").await;
    h.js(
        "const s = document.querySelector('#scope-select'); s.value = 's05';
          s.dispatchEvent(new Event('change')); return true",
    )
    .await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    h.saves_settled().await;
    let rounds: u32 = 40;
    let v = h
        .client
        .execute_async(TIMING_SCRIPT, vec![serde_json::json!(rounds)])
        .await
        .unwrap();
    let samples: Vec<(f64, bool)> = serde_json::from_value(v["times"].clone()).unwrap();
    let redrawn = samples.iter().filter(|s| s.1).count();
    let mut ms: Vec<f64> = samples.iter().map(|s| s.0).collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "city edit → re-evaluate → redraw (street s05's dashboard, {} steps, {} redrew the rate chart): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms.len(),
        redrawn,
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms[ms.len() - 1]
    );
    println!(
        "rules engines prepared per edit: {:.2}",
        v["builds"].as_f64().unwrap() / f64::from(rounds)
    );
    // The save alone: one edit at a time, each save let finish before the next edit (the
    // loop above overlaps saves with the next edit's redraw, which their wall time includes).
    let v = h
        .client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey: true, bubbles: true }));
const settled = () => new Promise((r) => {
  const f = () => document.querySelector('#save-state[data-busy]') ? setTimeout(f, 20) : r();
  setTimeout(f, 20);
});
(async () => {
  const saves = [];
  for (let i = 0; i < 20; i++) {
    key(i % 2 === 0 ? 'z' : 'y');
    await settled();
    saves.push(window.wasmBindings.lastSaveMs());
  }
  done(saves);
})();
"#,
            vec![],
        )
        .await
        .unwrap();
    let mut saves: Vec<f64> = serde_json::from_value(v).unwrap();
    saves.sort_by(f64::total_cmp);
    println!(
        "city save after an edit (each alone, {} saves): median {:.1} ms, p95 {:.1} ms",
        saves.len(),
        percentile(&saves, 0.5),
        percentile(&saves, 0.95)
    );
    h.finish().await;
}
