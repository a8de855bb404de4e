//! The monitoring workspace: entry, evaluation, storage, paste, CSV, quota, two tabs.

use crate::support::Harness;

fn cell(region: &str, month: &str) -> String {
    format!("#entry-grid input[data-region='{region}'][data-month='{month}']")
}

/// Types a value into a grid cell and commits it with Enter.
async fn set_cell(h: &Harness, region: &str, month: &str, text: &str) {
    let el = h.wait_for_css(&cell(region, month)).await;
    el.clear().await.unwrap();
    el.send_keys(&format!("{text}\u{E007}")).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\") && document.querySelector(\"{}\").value === '{text}'",
        cell(region, month),
        cell(region, month)
    ))
    .await;
}

async fn start_empty(h: &Harness) {
    h.open("#/data").await;
    h.wait_for_css("#start-empty").await.click().await.unwrap();
    h.wait_for_js("!document.querySelector('#banner-sample')")
        .await;
}

/// The grid's months when the workspace is empty end at the browser's current month.
async fn current_and_previous_month(h: &Harness) -> (String, String) {
    let v = h
        .js(
            "const d = new Date(); const f = (y, m) => y + '-' + String(m).padStart(2, '0');
             const y = d.getFullYear(), m = d.getMonth() + 1;
             return [f(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1), f(y, m)];",
        )
        .await;
    let v: Vec<String> = serde_json::from_value(v).unwrap();
    (v[0].clone(), v[1].clone())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn two_months_at_4_5_percent_give_level_3_with_evidence_and_survive_reload() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    // First visit: the labelled sample.
    assert!(h.text("#banner-sample").await.contains("示例数据"));
    start_empty(&h).await;
    let (prev, now) = current_and_previous_month(&h).await;
    set_cell(&h, "binjiang", &prev, "4.5").await;
    set_cell(&h, "binjiang", &now, "4.5").await;
    h.wait_for_js("document.querySelector('#save-state [data-state=saved]')")
        .await;

    h.open("#/dashboard").await;
    h.wait_for_js("document.querySelector('#effective-level [data-status=\"3\"]')")
        .await;
    let card = h.text("section.criterion[data-criterion='a']").await;
    assert!(card.contains("§5.1-L3-a"), "{card}");
    assert!(card.contains("✔"), "the level-3 check is met: {card}");
    h.screenshot("workspace-level3-zh").await;

    // Reload: the data is still there.
    h.client.refresh().await.unwrap();
    h.wait_for_js("document.querySelector('#effective-level [data-status=\"3\"]')")
        .await;
    h.open("#/data").await;
    let v = h
        .wait_for_css(&cell("binjiang", &now))
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(v.as_deref(), Some("4.5"));
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn pasting_a_3_by_4_block_fills_twelve_cells_and_undo_takes_it_back() {
    let h = Harness::start().await;
    start_empty(&h).await;
    let (prev, _) = current_and_previous_month(&h).await;
    // Anchor three rows above the last one: rows prev-2, prev-1, prev; columns district + 3.
    let anchor_month = h
        .js(&format!(
            "const ms = Array.from(document.querySelectorAll('#entry-grid input[data-region=binjiang]')).map(e => e.dataset.month);
             return ms[ms.indexOf('{prev}') - 2];"
        ))
        .await;
    let anchor_month = anchor_month.as_str().unwrap().to_owned();
    let block = "3.1\t3.2\t3.3\t3.4\n3.5\t3.6\t3.7\t3.8\n3.9\t4.0\t4.1\t4.2\n";
    h.js(&format!(
        "const el = document.querySelector(\"{}\"); el.focus();
         const dt = new DataTransfer(); dt.setData('text/plain', {});
         el.dispatchEvent(new ClipboardEvent('paste', {{clipboardData: dt, bubbles: true, cancelable: true}}));
         return true;",
        cell("binjiang", &anchor_month),
        serde_json::to_string(block).unwrap()
    ))
    .await;
    h.wait_for_js(&format!("document.querySelector(\"{}\").value === '4.2'", {
        // Fourth column of the third row: the district, then 西兴街道 and its first two communities.
        let cols = h
            .js("return Array.from(document.querySelectorAll('#entry-grid thead th')).slice(1, 5).map(t => t.title);")
            .await;
        let cols: Vec<String> = serde_json::from_value(cols).unwrap();
        cell(&cols[3], &prev)
    }))
    .await;
    let filled = h
        .js("return Array.from(document.querySelectorAll('#entry-grid input.cell')).filter(e => e.value !== '').length;")
        .await;
    assert_eq!(filled.as_u64(), Some(12));
    h.screenshot("workspace-paste").await;

    h.click("#undo").await;
    h.wait_for_js("Array.from(document.querySelectorAll('#entry-grid input.cell')).every(e => e.value === '')")
        .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_csv_with_one_bad_row_names_it_and_imports_nothing() {
    let h = Harness::start().await;
    start_empty(&h).await;
    let dir = std::env::temp_dir().join(format!("uew-e2e-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("monthly.csv");
    std::fs::write(
        &file,
        "\u{feff}region_id,month,registered_rate,labour_force\r\n\
         binjiang,2026-01,3.2,\r\n\
         binjiang,2026-02,abc,\r\n\
         binjiang,2026-03,3.4,\r\n",
    )
    .unwrap();
    let input = h.wait_for_css("#import-monthly-csv").await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    h.wait_for_css("#import-preview").await;
    let errors = h.text("#import-errors").await;
    assert!(errors.contains("第 3 行"), "names the bad row: {errors}");
    assert!(
        errors.contains("registered_rate"),
        "names the column: {errors}"
    );
    let apply_disabled = h
        .js("return document.querySelector('#import-apply').disabled;")
        .await;
    assert_eq!(apply_disabled.as_bool(), Some(true));
    h.screenshot("workspace-csv-bad-row").await;
    // Nothing was imported.
    let stored = h.stored("return s.dataset.observations.length;").await;
    assert_eq!(stored.as_u64(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_full_quota_shows_the_message_and_keeps_the_data_exportable() {
    let h = Harness::start().await;
    start_empty(&h).await;
    let (_, now) = current_and_previous_month(&h).await;
    h.saves_settled().await;
    let before = h.stored("return text;").await;
    // The browser refuses the next write as on a full disk (QuotaExceededError).
    h.refuse_writes(true).await;
    set_cell(&h, "binjiang", &now, "5.1").await;
    h.wait_for_css("#banner-save-failed").await;
    let banner = h.text("#banner-save-failed").await;
    assert!(banner.contains("未能保存"), "{banner}");
    assert!(h.text("#save-state").await.contains("未保存"));
    // The value is still in memory and on screen, and the export button is offered.
    let v = h
        .wait_for_css(&cell("binjiang", &now))
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(v.as_deref(), Some("5.1"));
    h.wait_for_css("#banner-save-failed .export-now").await;
    h.screenshot("workspace-quota-full").await;
    assert!(
        banner.contains("QuotaExceededError"),
        "names the cause: {banner}"
    );
    // What was stored before is untouched: the failed save changed nothing.
    assert_eq!(h.stored("return text;").await, before);
    // With room again, "try again" saves what is on screen.
    h.refuse_writes(false).await;
    h.click("#save-retry").await;
    h.wait_for_js("!document.querySelector('#banner-save-failed')")
        .await;
    h.wait_for_stored("s.dataset.observations.length === 1")
        .await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn two_tabs_editing_do_not_lose_an_edit() {
    let h = Harness::start().await;
    start_empty(&h).await;
    let (prev, now) = current_and_previous_month(&h).await;
    let tab_a = h.client.window().await.unwrap();
    let tab_b = h.client.new_window(true).await.unwrap().handle;
    h.client.switch_to_window(tab_b.clone()).await.unwrap();
    h.open("#/data").await;

    // Tab A edits; tab B notices through the storage event and shows it.
    h.client.switch_to_window(tab_a.clone()).await.unwrap();
    set_cell(&h, "binjiang", &prev, "3.3").await;
    h.client.switch_to_window(tab_b.clone()).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === '3.3'",
        cell("binjiang", &prev)
    ))
    .await;
    // Tab B edits on top of it.
    set_cell(&h, "binjiang", &now, "3.4").await;
    h.client.switch_to_window(tab_a.clone()).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === '3.4'",
        cell("binjiang", &now)
    ))
    .await;
    let v = h
        .wait_for_css(&cell("binjiang", &prev))
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(v.as_deref(), Some("3.3"), "tab A's own edit survived");
    let stored = h.stored("return s.dataset.observations.length;").await;
    assert_eq!(stored.as_u64(), Some(2), "both edits are stored");
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn dashboard_charts_read_out_exact_values_in_both_languages() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    for id in [
        "chart-rate",
        "chart-closures",
        "chart-layoffs",
        "chart-streets",
    ] {
        h.wait_for_css(&format!("#{id} .chart-svg svg[viewBox]"))
            .await;
    }
    // Point at the middle of the rate chart's plot: the readout names a month and an exact rate.
    h.js("const el = document.querySelector('#chart-rate .chart-svg');
          const r = el.getBoundingClientRect();
          el.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + r.width * 0.5, clientY: r.top + r.height * 0.5, bubbles: true}));
          return true;")
        .await;
    h.wait_for_js(
        "/20\\d\\d-\\d\\d/.test(document.querySelector('#chart-rate .readout').textContent)",
    )
    .await;
    let readout = h.text("#chart-rate .readout").await;
    assert!(readout.contains('%'), "{readout}");
    let notes = h.text("#chart-rate figcaption").await;
    assert!(
        notes.contains("预测方法：") && notes.contains("仅供参考，不参与等级判定"),
        "the projection is labelled as such: {notes}"
    );
    h.screenshot("dashboard-zh").await;

    h.client
        .find(fantoccini::Locator::Css(".lang-switch button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.wait_for_js(
        "document.querySelector('#chart-rate figcaption').textContent.includes('Method: ')",
    )
    .await;
    assert!(h.text(".status-card").await.contains("No warning"));
    h.assert_no_errors().await;
    h.screenshot("dashboard-en").await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn removing_a_street_with_data_asks_first_and_undo_brings_it_back() {
    let h = Harness::start().await;
    h.open("#/data").await;
    let count = "return s.dataset.observations.length;";
    let before = h.stored(count).await.as_u64().unwrap();
    h.wait_for_css("#region-tree [data-remove='puyan']")
        .await
        .click()
        .await
        .unwrap();
    // The question, in the page's own dialog, names what goes with it.
    let question = h.text("#dialog").await;
    assert!(question.contains("月度数据"), "{question}");
    h.wait_for_css("#dialog-ok").await.click().await.unwrap();
    h.wait_for_js("!document.querySelector(\"#region-tree [data-region='puyan']\")")
        .await;
    let after = h.stored(count).await.as_u64().unwrap();
    assert!(after < before, "its observations went with it");
    // The notice at the top offers the undo wherever the page is scrolled to.
    h.wait_for_css("#notice-undo").await.click().await.unwrap();
    h.wait_for_css("#region-tree [data-region='puyan']").await;
    assert_eq!(h.stored(count).await.as_u64().unwrap(), before);
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_value_that_could_not_be_read_back_is_refused_at_entry() {
    let h = Harness::start().await;
    start_empty(&h).await;
    let (_, now) = current_and_previous_month(&h).await;
    h.js(
        "const s = document.querySelector('#field-select'); s.value = 'labour_force';
          s.dispatchEvent(new Event('change')); return true;",
    )
    .await;
    h.wait_for_css("#entry-grid[data-field='labour_force']")
        .await;
    let el = h.wait_for_css(&cell("binjiang", &now)).await;
    el.send_keys("20000000000\u{E007}").await.unwrap();
    h.wait_for_css("#grid-error").await;
    let stored = h.stored("return text;").await;
    assert!(!stored.as_str().unwrap().contains("20000000000"));
    h.assert_no_errors().await;
    h.finish().await;
}

/// The workspace prepares the rules engine once per change, and the dashboard's level, cards,
/// charts and streets all read that one: an undo or a redo of a cell edit prepares exactly one
/// engine, and prepares it by updating the previous one's indexes, not by building afresh.
#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn an_edit_prepares_one_engine_that_every_dashboard_view_reads() {
    let h = Harness::start().await;
    h.open("#/data").await;
    // One real edit that moves the district's latest rate, so undo/redo redraw the rate chart.
    let el = h.wait_for_css(&cell("binjiang", "2026-10")).await;
    el.clear().await.unwrap();
    el.send_keys("6.0\u{E007}").await.unwrap();
    h.wait_for_js("document.querySelector('#undo') && !document.querySelector('#undo').disabled")
        .await;
    h.open("#/dashboard").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    let builds = "return window.wasmBindings.engineBuilds();";
    let prepared = "return window.wasmBindings.enginePreparations();";
    let svg = "return document.querySelector('#chart-rate .chart-svg').innerHTML;";
    for key in ["z", "y"] {
        let chart = h.js(svg).await;
        let before = h.js(builds).await.as_f64().unwrap();
        let prepared_before = h.js(prepared).await.as_f64().unwrap();
        // Ctrl+Z / Ctrl+Y anywhere on the page undo and redo.
        h.js(&format!(
            "window.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}', ctrlKey: true, bubbles: true }})); return true;"
        ))
        .await;
        h.wait_for_js(&format!(
            "document.querySelector('#chart-rate .chart-svg').innerHTML !== {chart}"
        ))
        .await;
        let after = h.js(builds).await.as_f64().unwrap();
        let prepared_after = h.js(prepared).await.as_f64().unwrap();
        assert_eq!(
            prepared_after - prepared_before,
            1.0,
            "engines prepared by Ctrl+{key}"
        );
        assert_eq!(after - before, 0.0, "engines built afresh by Ctrl+{key}");
    }
    h.finish().await;
}
