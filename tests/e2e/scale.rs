//! A large district in the browser (30 streets, 360 communities, 96 months): the views list
//! one parent's children at a time, draw only the grid rows in view, and find regions by name
//! or id; what is typed lands where it was typed.

use crate::support::Harness;
use serde_json::Value;

/// The large district as a snapshot file.
fn large_district_file(h: &Harness) -> std::path::PathBuf {
    let file = h.downloads.join("large-district.json");
    let snap = uew::synthetic::large_district(30, 12, 96);
    std::fs::write(&file, snap.to_json_compact()).unwrap();
    file
}

/// Imports the large district (replacing the sample) and waits until it is the workspace.
async fn open_large_district(h: &Harness) {
    let file = large_district_file(h);
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    h.click("#snapshot-replace").await;
    h.wait_for_css("#restore-backup").await;
    std::fs::remove_file(&file).unwrap();
}

async fn count(h: &Harness, css: &str) -> u64 {
    let script = format!("return document.querySelectorAll({css:?}).length");
    h.js(&script).await.as_u64().unwrap()
}

async fn active_id(h: &Harness) -> String {
    let v = h
        .js("return document.activeElement && document.activeElement.id")
        .await;
    v.as_str().unwrap_or("").to_owned()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_large_district_pages_its_streets_and_finds_one_by_name() {
    let h = Harness::start().await;
    open_large_district(&h).await;
    h.open("#/dashboard").await;
    h.wait_for_css("#street-search").await;
    // 30 streets: a page of 24 cards, and the small charts draw the same 24.
    assert_eq!(count(&h, ".street-card").await, 24);
    let page = h.text("#street-page").await;
    assert!(page.contains("1/2") && page.contains("30"), "{page}");
    let svg = h.text("#chart-streets").await;
    let drawn = h
        .js("return document.querySelector('#chart-streets').innerHTML")
        .await;
    let drawn = drawn.as_str().unwrap();
    assert!(
        drawn.contains("街道23") && !drawn.contains("街道24"),
        "{svg}"
    );
    h.click("#street-next").await;
    h.wait_for_js("document.querySelectorAll('.street-card').length === 6")
        .await;
    assert_eq!(h.attr(".street-card", "data-street").await, "s24");
    h.wait_for_js("document.querySelector('#chart-streets').innerHTML.includes('街道29')")
        .await;

    // Typing a name finds the street; its card carries its level in text.
    h.click("#street-search").await;
    h.type_keys("street 03").await;
    h.wait_for_js("document.querySelectorAll('.street-card').length === 1")
        .await;
    assert_eq!(h.attr(".street-card", "data-street").await, "s03");
    let card = h.text(".street-card").await;
    assert!(card.contains("级"), "s03 climbs to 7 %: {card}");
    // Warnings only: s03 and no street without a level.
    h.js("const i = document.querySelector('#street-search'); i.value = ''; i.dispatchEvent(new Event('input')); return true")
        .await;
    h.click("#street-warned").await;
    h.wait_for_js("document.querySelectorAll('.street-card').length < 24")
        .await;
    let streets = h
        .js("return [...document.querySelectorAll('.street-card')].map(c => [c.dataset.street, c.textContent])")
        .await;
    let streets = streets.as_array().unwrap();
    assert!(streets.iter().any(|c| c[0] == "s03"), "{streets:?}");
    assert!(
        streets
            .iter()
            .all(|c| c[1].as_str().unwrap().contains("级")),
        "{streets:?}"
    );
    h.screenshots_at_sizes("scale-streets", ".streets", None)
        .await;

    // The scope picker finds a street by id from the keyboard.
    h.click("#scope-find").await;
    h.type_keys("s07\u{E007}").await;
    h.wait_for_js("document.querySelector('#scope-select').value === 's07'")
        .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_clerk_finds_a_community_in_a_large_district_and_types_its_month() {
    let h = Harness::start().await;
    open_large_district(&h).await;
    h.open("#/data").await;
    h.wait_for_css("#entry-grid").await;
    // The district's grid: the district and its 30 streets, with a note saying why.
    h.wait_for_css("#grid-streets-only").await;
    assert_eq!(count(&h, "#entry-grid thead th[data-region]").await, 31);

    // Finding a community opens its street's grid at its cell in the entry month.
    h.click("#region-find").await;
    h.type_keys("s05c03\u{E007}").await;
    h.wait_for_js("document.querySelector('#street-filter').value === 's05'")
        .await;
    h.wait_for_js("document.querySelectorAll('#entry-grid thead th[data-region]').length === 13")
        .await;
    let through = h
        .js("const r = document.querySelectorAll('#entry-grid tbody tr[data-month]'); return r[r.length - 1].dataset.month")
        .await;
    let through = through.as_str().unwrap().to_owned();
    let cell = format!("cell-{through}-s05c03");
    h.wait_for_js(&format!(
        "document.activeElement && document.activeElement.id === '{cell}'"
    ))
    .await;
    // The clerk types two communities' rates along the month.
    h.type_keys("2.5\u{E004}2.6\u{E004}").await;
    assert_eq!(active_id(&h).await, format!("cell-{through}-s05c05"));
    h.wait_for_js(&format!(
        "document.getElementById('cell-{through}-s05c04').value === '2.6'"
    ))
    .await;

    // Every month (2018-11 to the entry month): only the rows in view, and a margin, are drawn.
    h.click("#show-all-months").await;
    let first = uew::month::Month::parse("2018-11").unwrap();
    let rows = first
        .through(uew::month::Month::parse(&through).unwrap())
        .count();
    h.wait_for_js(&format!(
        "document.querySelector('#entry-grid').dataset.rows === '{rows}'"
    ))
    .await;
    let drawn = count(&h, "#entry-grid tbody tr[data-month]").await;
    assert!(drawn < 60, "{drawn} of {rows} rows drawn");
    // Scrolled to the top, the first month is drawn and the last is not.
    h.js("document.querySelector('.grid-wrap').scrollTop = 0; return true")
        .await;
    h.wait_for_css("#entry-grid tr[data-month='2018-11']").await;
    assert_eq!(
        count(&h, &format!("#entry-grid tr[data-month='{through}']")).await,
        0
    );
    // ↓ from the last drawn row reaches a row that was not drawn.
    let last = h
        .js("const r = document.querySelectorAll('#entry-grid tbody tr[data-month]'); return r[r.length - 1].dataset.month")
        .await;
    let last = last.as_str().unwrap().to_owned();
    h.js(&format!(
        "document.getElementById('cell-{last}-s05c01').focus(); return true"
    ))
    .await;
    h.type_keys("\u{E015}").await;
    let next = uew::month::Month::parse(&last).unwrap().succ().unwrap();
    h.wait_for_js(&format!(
        "document.activeElement && document.activeElement.id === 'cell-{next}-s05c01'"
    ))
    .await;
    h.screenshots_at_sizes("scale-grid", "section.entry", None)
        .await;

    // What the grid showed is what is stored.
    let file = h.export_snapshot().await;
    let stored: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let rate = |region: &str| {
        stored["dataset"]["observations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["region"] == region && o["month"] == through.as_str())
            .map(|o| o["registered_rate"].clone())
    };
    assert_eq!(rate("s05c03"), Some(Value::from("2.5")));
    assert_eq!(rate("s05c04"), Some(Value::from("2.6")));
    h.assert_no_errors().await;
    h.finish().await;
}

/// Records each import step the page shows (`window.uewSteps`) and, with `arguments[0]`, clicks
/// Cancel the moment the progress line appears, as a person watching it would.
const WATCH_IMPORT: &str = r#"
window.uewSteps = [];
const cancel = arguments[0];
if (window.uewWatch) window.uewWatch.disconnect();
window.uewWatch = new MutationObserver(() => {
  const s = document.querySelector('#import-step');
  if (!s) return;
  const n = s.dataset.step;
  if (window.uewSteps[window.uewSteps.length - 1] !== n) window.uewSteps.push(n);
  const b = document.querySelector('#import-cancel');
  if (cancel && b) b.click();
});
window.uewWatch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
return true;
"#;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn an_import_shows_its_steps_and_cancel_leaves_the_workspace_as_it_was() {
    let h = Harness::start().await;
    let file = large_district_file(&h);
    h.open("#/snapshots").await;
    h.wait_for_css("#import-snapshot").await;
    // Cancelled while the file is read: no preview, a message, the sample untouched.
    h.client
        .execute(WATCH_IMPORT, vec![serde_json::json!(true)])
        .await
        .unwrap();
    h.import_file(&file).await;
    h.wait_for_js("document.querySelector('#snapshot-message') && document.querySelector('#snapshot-message').textContent.includes('已取消')")
        .await;
    assert_eq!(
        h.js("return window.uewSteps;").await,
        serde_json::json!(["1"])
    );
    // Give a stale step the time to land, if it were to.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(count(&h, "#snapshot-preview, #import-progress").await, 0);
    h.open("#/dashboard").await;
    h.wait_for_css(".street-card").await;
    assert_eq!(
        count(&h, ".street-card").await,
        3,
        "still the sample's streets"
    );

    // Imported to the end: reading, checking (with its size), comparing, then the preview.
    h.open("#/snapshots").await;
    h.client
        .execute(WATCH_IMPORT, vec![serde_json::json!(false)])
        .await
        .unwrap();
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    assert_eq!(
        h.js("return window.uewSteps;").await,
        serde_json::json!(["1", "2", "3"])
    );
    assert_eq!(count(&h, "#import-progress").await, 0);
    h.assert_no_errors().await;
    h.finish().await;
}
