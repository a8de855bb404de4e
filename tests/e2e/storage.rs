//! The workspace in IndexedDB: the move from `localStorage`, a workspace past the old 5 MB,
//! saving only what changed, two tabs, another tab taking the database, damaged records.

use crate::support::Harness;
use serde_json::Value;
use uew::snapshot::Snapshot;

const ENTER: &str = "\u{E007}";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snapshots")
            .join(name),
    )
    .unwrap()
}

/// A page of the app's origin that is not the app: storage can be prepared there before the
/// app first starts.
async fn open_beside_the_app(h: &Harness) {
    h.client
        .goto(&format!("{}favicon.svg", h.base))
        .await
        .unwrap();
}

/// The stored workspace, opened natively as the app opens any snapshot text.
async fn stored_snapshot(h: &Harness) -> Snapshot {
    let text = h.stored("return text;").await;
    Snapshot::open(text.as_str().expect("a workspace is stored"))
        .unwrap()
        .snapshot
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_workspace_kept_in_local_storage_moves_to_indexeddb_unchanged() {
    let h = Harness::start().await;
    // A workspace saved the old way by an older version: schema version 3, revision 7.
    let old = fixture("v3.json");
    let expected = Snapshot::open(&old).unwrap().snapshot;
    open_beside_the_app(&h).await;
    h.client
        .execute(
            "localStorage.setItem('uew.snapshot', arguments[0]);
             localStorage.setItem('uew.meta', JSON.stringify({rev: 7, writer: 'tab-old',
               saved: '2026-11-01T01:00:00.000Z', last_export: '2026-11-01T01:00:00.000Z', sample: false}));",
            vec![Value::from(old.clone())],
        )
        .await
        .unwrap();
    h.open("#/dashboard").await;
    h.wait_for_css("#effective-level .level-badge").await;
    h.wait_for_js("document.querySelector('#save-state [data-state=saved]')")
        .await;
    assert_eq!(stored_snapshot(&h).await, expected, "moved unchanged");
    let meta = h.stored("return meta;").await;
    assert_eq!(meta["rev"], 8, "the old revision counts on: {meta}");
    assert_eq!(meta["last_export"], "2026-11-01T01:00:00.000Z");
    // The old keys went once the database held the workspace.
    let left = h
        .stored("return [local['uew.snapshot'] === undefined, local['uew.meta'] === undefined];")
        .await;
    assert_eq!(left, serde_json::json!([true, true]));
    assert!(h
        .client
        .find(fantoccini::Locator::Css("#banner-sample"))
        .await
        .is_err());
    let level = h.text("#effective-level").await;
    h.screenshot("storage-moved-from-local-storage").await;

    // A reload reads it from IndexedDB alone.
    h.client.refresh().await.unwrap();
    h.open("#/dashboard").await;
    assert_eq!(h.text("#effective-level").await, level);
    assert_eq!(stored_snapshot(&h).await, expected);
    assert_eq!(
        h.stored("return meta.rev;").await,
        8,
        "a reload writes nothing"
    );
    h.assert_no_errors().await;
    h.finish().await;
}

/// About 7 MB: the city-scale dataset's regions and events with its first 90 000
/// observations, written as a snapshot file and imported through the page.
fn big_snapshot_file() -> (std::path::PathBuf, usize) {
    let mut ds = uew::synthetic::city_scale();
    ds.observations.truncate(90_000);
    let snap = Snapshot::new(
        uew::plan::Plan::binjiang_2020(),
        ds,
        "2026-11-01T09:00:00+08:00",
    );
    let text = snap.to_json_compact();
    assert!(text.len() > 6_000_000, "{} bytes", text.len());
    let dir = std::env::temp_dir().join(format!("uew-e2e-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("city-7mb.json");
    std::fs::write(&file, &text).unwrap();
    (file, text.len())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_workspace_over_5_mb_saves_survives_a_reload_and_a_change_writes_only_its_record() {
    let h = Harness::start().await;
    let (file, bytes) = big_snapshot_file();
    h.open("#/dashboard").await;
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    h.wait_for_css("#snapshot-replace")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_css("#restore-backup").await;
    h.wait_for_stored("s.dataset.observations.length === 90000")
        .await;
    let stored_bytes = h.stored("return text.length;").await.as_u64().unwrap();
    assert!(stored_bytes > 5 * 1024 * 1024, "{stored_bytes} of {bytes}");
    assert_eq!(h.stored("return meta.hashes.length;").await, 90);
    assert!(h
        .client
        .find(fantoccini::Locator::Css("#banner-save-failed"))
        .await
        .is_err());

    // A reload reads it back whole.
    h.client.refresh().await.unwrap();
    h.open("#/data").await;
    h.wait_for_css("#entry-grid input.cell").await;
    assert_eq!(
        h.stored("return s.dataset.observations.length;").await,
        90_000
    );
    assert!(h
        .client
        .find(fantoccini::Locator::Css("#banner-corrupt"))
        .await
        .is_err());

    // One change (a what-if scenario made): the meta and the scenarios record are written,
    // none of the 7 MB of observations.
    let before = h.stored("return records;").await;
    h.open("#/scenarios").await;
    let name = h.wait_for_css("#scenario-new-name").await;
    name.send_keys("关停").await.unwrap();
    h.wait_for_css("#scenario-create")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_stored("s.scenarios.items.length === 1").await;
    let after = h.stored("return records;").await;
    let (before, after) = (before.as_object().unwrap(), after.as_object().unwrap());
    let mut changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    changed.sort();
    assert_eq!(changed, ["meta", "scenarios"], "written: {changed:?}");
    h.screenshot("storage-7mb-after-edit").await;
    h.assert_no_errors().await;
    let _ = std::fs::remove_file(&file);
    h.finish().await;
}

fn cell(region: &str, month: &str) -> String {
    format!("#entry-grid input[data-region='{region}'][data-month='{month}']")
}

async fn set_cell(h: &Harness, region: &str, month: &str, text: &str) {
    let el = h.wait_for_css(&cell(region, month)).await;
    el.clear().await.unwrap();
    el.send_keys(&format!("{text}{ENTER}")).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{0}\") && document.querySelector(\"{0}\").value === '{text}'",
        cell(region, month)
    ))
    .await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn an_older_tab_is_refused_and_offered_the_newer_data() {
    let h = Harness::start().await;
    h.open("#/data").await;
    h.wait_for_css("#start-empty").await.click().await.unwrap();
    h.wait_for_js("!document.querySelector('#banner-sample')")
        .await;
    let months: Vec<String> = serde_json::from_value(
        h.js(
            "const d = new Date(); const f = (y, m) => y + '-' + String(m).padStart(2, '0');
              const y = d.getFullYear(), m = d.getMonth() + 1;
              return [f(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1), f(y, m)];",
        )
        .await,
    )
    .unwrap();
    let (prev, now) = (&months[0], &months[1]);
    let tab_a = h.client.window().await.unwrap();
    let tab_b = h.client.new_window(true).await.unwrap().handle;
    h.client.switch_to_window(tab_b.clone()).await.unwrap();
    h.open("#/data").await;
    h.wait_for_css(&cell("binjiang", now)).await;

    // Tab B's edit cannot be stored for now (its browser refuses the write): it is unsaved.
    h.refuse_writes(true).await;
    set_cell(&h, "binjiang", now, "3.4").await;
    h.wait_for_css("#banner-save-failed").await;
    h.refuse_writes(false).await;

    // Tab A saves meanwhile; tab B hears of it and, holding an unsaved change, asks.
    h.client.switch_to_window(tab_a.clone()).await.unwrap();
    set_cell(&h, "binjiang", prev, "3.3").await;
    h.wait_for_stored("s.dataset.observations.length === 1")
        .await;
    h.client.switch_to_window(tab_b.clone()).await.unwrap();
    h.wait_for_css("#banner-conflict").await;

    // Another edit in tab B, on the older revision: its save is refused in the same
    // transaction that read the newer revision, and nothing is overwritten.
    set_cell(&h, "binjiang", now, "3.5").await;
    h.saves_settled().await;
    h.wait_for_css("#banner-conflict").await;
    assert!(h.text("#save-state").await.contains("未保存"));
    let stored = h
        .stored("return s.dataset.observations.map(o => o.month);")
        .await;
    assert_eq!(stored, serde_json::json!([prev]), "tab A's save stands");
    h.screenshot("storage-older-tab-refused").await;
    // "Load the newer data": tab B shows tab A's edit.
    h.click("#banner-conflict button").await;
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === '3.3'",
        cell("binjiang", prev)
    ))
    .await;
    h.wait_for_js("!document.querySelector('#banner-conflict')")
        .await;
    // And edits on from there, keeping both.
    set_cell(&h, "binjiang", now, "3.4").await;
    h.wait_for_stored("s.dataset.observations.length === 2")
        .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_newer_version_taking_the_database_in_another_tab_is_shown_with_a_way_out() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.saves_settled().await;
    let before = h.stored("return records;").await;
    let app = h.client.window().await.unwrap();
    let other = h.client.new_window(true).await.unwrap().handle;
    h.client.switch_to_window(other.clone()).await.unwrap();
    open_beside_the_app(&h).await;
    // Another tab opens the database at a higher version, as a newer build would.
    let v = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const r = indexedDB.open('uew', 2);
             r.onsuccess = () => { r.result.close(); done('upgraded'); };
             r.onblocked = () => done('blocked');
             r.onerror = () => done('error ' + r.error);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(v, Value::from("upgraded"), "the app let go of the database");
    h.client.switch_to_window(app).await.unwrap();
    h.wait_for_css("#banner-storage-closed").await;
    assert!(h.text("#banner-storage-closed").await.contains("重新载入"));
    h.wait_for_css("#banner-storage-closed .export-now").await;
    h.screenshot("storage-taken-by-newer-version").await;
    // What was stored is as it was.
    assert_eq!(h.stored_now("return records;").await, before);
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_damaged_record_is_named_and_left_untouched() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.saves_settled().await;
    // One observation chunk damaged in storage (a disk or browser fault).
    let v = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const r = indexedDB.open('uew');
             r.onsuccess = () => {
               const tx = r.result.transaction('records', 'readwrite');
               tx.objectStore('records').put('[{\"region\":\"binjiang\",\"month\":\"2026-1', 'obs.0');
               tx.oncomplete = () => { r.result.close(); done('damaged'); };
             };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(v, Value::from("damaged"));
    let damaged = h.stored_now("return records;").await;
    h.client.refresh().await.unwrap();
    h.open("#/dashboard").await;
    h.wait_for_css("#banner-corrupt").await;
    let text = h.text("#banner-corrupt").await;
    assert!(text.contains("obs.0"), "names the record: {text}");
    assert!(
        h.text("#save-state").await.contains("只读"),
        "nothing is saved over it"
    );
    h.screenshot("storage-damaged-record").await;
    assert_eq!(
        h.stored_now("return records;").await,
        damaged,
        "left untouched"
    );
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn indexeddb_refused_as_in_private_mode_shows_the_sample_and_a_way_out() {
    let h = Harness::start().await;
    // The browser refuses IndexedDB to this page (as some private modes and policies do).
    *crate::support::PRELUDE.lock().unwrap() = "Object.defineProperty(window, 'indexedDB', {
        get() { throw new DOMException('IndexedDB is disabled in this mode.', 'SecurityError'); }
    });"
    .into();
    h.open("#/dashboard").await;
    h.wait_for_css("#banner-save-failed").await;
    let banner = h.text("#banner-save-failed").await;
    assert!(
        banner.contains("SecurityError"),
        "names the cause: {banner}"
    );
    h.wait_for_css("#banner-save-failed .export-now").await;
    // The sample is there to work with, labelled as such.
    h.wait_for_css("#effective-level .level-badge").await;
    assert!(h.text("#banner-sample").await.contains("示例数据"));
    h.screenshot("storage-indexeddb-refused").await;
    crate::support::PRELUDE.lock().unwrap().clear();
    h.assert_no_errors().await;
    h.finish().await;
}
