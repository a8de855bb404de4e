//! The monthly entry a street clerk does (§4.2), typed as a clerk types it: what is typed lands
//! in the cell it was typed into, and every visible cell equals what is stored for its (month,
//! region), after commits, undo, redo, reloads and another tab's save.

use crate::support::Harness;
use serde_json::Value;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESC: &str = "\u{E00C}";
const UP: &str = "\u{E013}";
const F2: &str = "\u{E032}";
const UNDO: &str = "\u{E009}z\u{E000}";
const REDO: &str = "\u{E009}y\u{E000}";

/// The four communities of 西兴街道 in the sample, in column order.
const XIXING: [&str; 4] = [
    "xixing-dongguan",
    "xixing-guanhe",
    "xixing-xiangbin",
    "xixing-xingmin",
];

fn cell(region: &str, month: &str) -> String {
    format!("#entry-grid input[data-region='{region}'][data-month='{month}']")
}

/// The grid's cells whose shown value differs from the stored one (the focused cell is left
/// out with `skip_focused`: it may hold a draft being typed).
fn mismatches_js(skip_focused: bool) -> String {
    format!(
        "const snap = s;
         const field = document.querySelector('#entry-grid').dataset.field;
         const groups = ['graduates', 'difficulty', 'migrant_workers'];
         const get = o => !o ? undefined : groups.includes(field) ? (o.key_groups || {{}})[field] : o[field];
         const idx = new Map();
         for (const o of snap.dataset.observations) idx.set(o.region + '|' + o.month, o);
         const bad = [];
         for (const el of document.querySelectorAll('#entry-grid input.cell')) {{
           if ({skip_focused} && el === document.activeElement) continue;
           const v = get(idx.get(el.dataset.region + '|' + el.dataset.month));
           const want = v === undefined || v === null ? '' : String(v);
           const same = want === '' ? el.value === '' : el.value !== '' && Number(el.value) === Number(want);
           if (!same) bad.push(el.dataset.region + ' ' + el.dataset.month + ': shown ' + JSON.stringify(el.value) + ', stored ' + JSON.stringify(want));
         }}
         return bad;"
    )
}

/// Asserts that every visible cell shows what is stored (waiting briefly for the redraw).
async fn assert_grid_is_stored(h: &Harness, skip_focused: bool, when: &str) {
    let js = mismatches_js(skip_focused);
    let mut bad = Vec::new();
    for _ in 0..30 {
        let v = h.stored(&js).await;
        bad = serde_json::from_value::<Vec<String>>(v).unwrap();
        if bad.is_empty() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("after {when}, the grid differs from what is stored: {bad:#?}");
}

/// Every stored observation as (region, month, field value as text).
async fn stored(h: &Harness, field: &str) -> Vec<(String, String, String)> {
    let v = h
        .stored(&format!(
            "return s.dataset.observations
               .map(o => [o.region, o.month, o['{field}'] === undefined ? '' : String(o['{field}'])]);"
        ))
        .await;
    serde_json::from_value(v).unwrap()
}

/// Opens the data page on a figure and, optionally, one street.
async fn open_grid(h: &Harness, field: &str, street: Option<&str>) {
    h.open("#/data").await;
    h.wait_for_css("#entry-grid input.cell").await;
    let set = |id: &str, v: &str| {
        format!(
            "const s = document.querySelector('#{id}'); s.value = '{v}';
             s.dispatchEvent(new Event('change')); return true;"
        )
    };
    h.js(&set("field-select", field)).await;
    h.wait_for_css(&format!("#entry-grid[data-field='{field}']"))
        .await;
    if let Some(street) = street {
        h.js(&set("street-filter", street)).await;
        h.wait_for_js(&format!(
            "document.querySelectorAll('#entry-grid thead th[title]').length > 0 &&
             document.querySelector('#entry-grid thead th[title]').title === '{street}' &&
             !document.querySelector(\"#entry-grid input[data-region='binjiang']\")"
        ))
        .await;
    }
}

async fn click(h: &Harness, css: &str) {
    h.click(css).await;
}

async fn switch_to_english(h: &Harness) {
    click(h, ".lang-switch button[lang='en']").await;
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_clerk_types_a_month_across_the_communities_with_tab_and_it_lands_in_that_month() {
    let h = Harness::start().await;
    open_grid(&h, "registered_rate", None).await;
    let before = stored(&h, "registered_rate").await;
    // The grid has the entry month, the one after the latest data, and is scrolled to it.
    let rows = "return Array.from(document.querySelectorAll('#entry-grid tbody tr')).map(r => r.dataset.month);";
    let rows_before = h.js(rows).await;
    assert!(rows_before
        .as_array()
        .unwrap()
        .contains(&Value::from("2026-11")));
    h.wait_for_js("(w => w.scrollTop > 0 && w.scrollTop + w.clientHeight >= w.scrollHeight - 2)(document.querySelector('.grid-wrap'))")
        .await;
    click(&h, &cell("xixing-dongguan", "2026-11")).await;
    h.type_keys(&format!("3.1{TAB}3.2{TAB}3.3{TAB}3.4{TAB}"))
        .await;
    // Tab went along the month: the focus is on the next street, in the same month.
    let focused = h
        .js("const a = document.activeElement; return [a.dataset.region, a.dataset.month];")
        .await;
    assert_eq!(focused, serde_json::json!(["changhe", "2026-11"]));

    let after = stored(&h, "registered_rate").await;
    let mut added: Vec<_> = after
        .iter()
        .filter(|o| !before.contains(o))
        .cloned()
        .collect();
    added.sort();
    let want: Vec<(String, String, String)> = XIXING
        .iter()
        .zip(["3.1", "3.2", "3.3", "3.4"])
        .map(|(r, v)| (r.to_string(), "2026-11".to_string(), v.to_string()))
        .collect();
    assert_eq!(added, want, "four values in 2026-11 and nothing else");
    assert_eq!(after.len(), before.len() + 4);
    // No row was added or moved under the caret.
    assert_eq!(h.js(rows).await, rows_before);
    assert_grid_is_stored(&h, false, "typing a month").await;

    // The clerk's view: one street, remembered; the month is complete for it.
    open_grid(&h, "registered_rate", Some("xixing")).await;
    let cols = h
        .js("return Array.from(document.querySelectorAll('#entry-grid thead th[title]')).map(t => t.title);")
        .await;
    let mut want_cols = vec!["xixing"];
    want_cols.extend(XIXING);
    assert_eq!(cols, serde_json::json!(want_cols));
    let line = h.text("#completeness li[data-month='2026-11']").await;
    assert!(line.contains("4 个地区已全部录入"), "{line}");
    // The street's own rate is computed from its communities' counts and is shown greyed.
    let grey = h
        .js(&format!(
            "return document.querySelector(\"{}\").placeholder;",
            cell("xixing", "2026-10")
        ))
        .await;
    assert!(grey.as_str().unwrap().starts_with('≈'), "{grey}");
    h.screenshot("entry-clerk-zh").await;
    h.client.refresh().await.unwrap();
    h.wait_for_css("#entry-grid input.cell").await;
    h.wait_for_js("document.querySelector('#street-filter').value === 'xixing'")
        .await;
    assert_grid_is_stored(&h, false, "a reload").await;
    switch_to_english(&h).await;
    let line = h.text("#completeness li[data-month='2026-11']").await;
    assert!(line.contains("all 4 regions entered"), "{line}");
    h.screenshot("entry-clerk-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn down_a_column_with_enter_overwriting_filled_cells_in_english() {
    let h = Harness::start().await;
    h.open("#/data").await;
    switch_to_english(&h).await;
    open_grid(&h, "unemployed", Some("xixing")).await;
    let before = stored(&h, "unemployed").await;
    // A half-entered month is named in the completeness line.
    click(&h, &cell("xixing-xingmin", "2026-11")).await;
    h.type_keys(&format!("690{ENTER}")).await;
    h.wait_for_js("document.querySelector(\"#completeness li[data-month='2026-11']\").textContent.includes('labour force')")
        .await;
    let line = h.text("#completeness li[data-month='2026-11']").await;
    assert!(line.contains("0 of 4 regions entered"), "{line}");

    click(&h, &cell("xixing-guanhe", "2026-08")).await;
    h.type_keys(&format!("870{ENTER}720{ENTER}810{ENTER}"))
        .await;
    // Enter went down the column; the focus is on the next month of the same community.
    let focused = h
        .js("const a = document.activeElement; return [a.dataset.region, a.dataset.month];")
        .await;
    assert_eq!(focused, serde_json::json!(["xixing-guanhe", "2026-11"]));
    // F2 edits in place (appends), Esc puts back what is stored.
    h.type_keys(&format!("{UP}{F2}5{ENTER}")).await;
    h.type_keys(&format!("{UP}999{ESC}")).await;
    let after = stored(&h, "unemployed").await;
    let get = |m: &str| {
        after
            .iter()
            .find(|o| o.0 == "xixing-guanhe" && o.1 == m)
            .map(|o| o.2.clone())
    };
    assert_eq!(get("2026-08").as_deref(), Some("870"));
    assert_eq!(get("2026-09").as_deref(), Some("720"));
    assert_eq!(
        get("2026-10").as_deref(),
        Some("8105"),
        "F2 appends to the old value"
    );
    let changed: Vec<_> = after.iter().filter(|o| !before.contains(o)).collect();
    assert_eq!(
        changed.len(),
        4,
        "three overwrites, one new value: {changed:?}"
    );
    assert_grid_is_stored(&h, false, "typing down a column").await;
    // The street's greyed count is the Σ of its communities.
    let sum: u64 = XIXING
        .iter()
        .map(|r| {
            after
                .iter()
                .find(|o| o.0 == *r && o.1 == "2026-09")
                .unwrap()
                .2
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    let grey = h
        .js(&format!(
            "return document.querySelector(\"{}\").placeholder;",
            cell("xixing", "2026-09")
        ))
        .await;
    assert_eq!(grey, Value::from(sum.to_string()));
    h.screenshot("entry-column-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn undo_and_redo_from_the_keyboard_keep_the_grid_equal_to_the_store() {
    let h = Harness::start().await;
    open_grid(&h, "registered_rate", Some("xixing")).await;
    click(&h, &cell("xixing-dongguan", "2026-11")).await;
    h.type_keys(&format!("3.1{TAB}3.2{TAB}3.3{TAB}")).await;
    assert_grid_is_stored(&h, false, "three values").await;
    let filled = "Array.from(document.querySelectorAll(\"#entry-grid tr[data-month='2026-11'] input.cell\")).filter(e => e.value !== '').length";
    for (keys, n, what) in [
        (UNDO, 2, "one undo"),
        (UNDO, 1, "two undos"),
        (UNDO, 0, "three undos"),
        (REDO, 1, "a redo"),
        (REDO, 2, "two redos"),
    ] {
        h.type_keys(keys).await;
        h.wait_for_js(&format!("{filled} === {n}")).await;
        assert_grid_is_stored(&h, false, what).await;
    }
    // The undo button agrees with the keys, and names the community, not its id.
    let title = h.js("return document.querySelector('#undo').title;").await;
    assert_eq!(title, serde_json::json!("编辑 官河社区 2026-11 登记失业率"));
    click(&h, "#undo").await;
    h.wait_for_js(&format!("{filled} === 1")).await;
    assert_grid_is_stored(&h, false, "the undo button").await;
    let notice = h.text("#notice").await;
    assert!(
        notice.contains("已撤销：编辑 官河社区 2026-11") && !notice.contains("xixing-"),
        "{notice}"
    );
    // A draft is taken back by the first Ctrl+Z, the stored edit by the next.
    click(&h, &cell("xixing-xiangbin", "2026-11")).await;
    h.type_keys("7.7").await;
    h.type_keys(UNDO).await;
    assert_grid_is_stored(&h, false, "Ctrl+Z on a draft").await;
    h.wait_for_js(&format!("{filled} === 1")).await;
    h.client.refresh().await.unwrap();
    h.wait_for_css("#entry-grid input.cell").await;
    assert_grid_is_stored(&h, false, "a reload").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn another_tabs_save_shows_in_the_focused_cell() {
    let h = Harness::start().await;
    open_grid(&h, "registered_rate", Some("xixing")).await;
    let tab_a = h.client.window().await.unwrap();
    click(&h, &cell("xixing-guanhe", "2026-11")).await;
    let tab_b = h.client.new_window(true).await.unwrap().handle;
    h.client.switch_to_window(tab_b.clone()).await.unwrap();
    open_grid(&h, "registered_rate", Some("xixing")).await;
    click(&h, &cell("xixing-guanhe", "2026-11")).await;
    h.type_keys(&format!("4.4{ENTER}")).await;
    h.client.switch_to_window(tab_a.clone()).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === '4.4'",
        cell("xixing-guanhe", "2026-11")
    ))
    .await;
    let focused = h
        .js("return document.activeElement && document.activeElement.dataset.region;")
        .await;
    assert_eq!(focused, Value::from("xixing-guanhe"), "the focus stayed");
    assert_grid_is_stored(&h, false, "another tab's save").await;
    // Typing on in this tab overwrites it, and both tabs agree.
    h.type_keys(&format!("4.5{ENTER}")).await;
    assert_grid_is_stored(&h, false, "typing after another tab's save").await;
    h.client.switch_to_window(tab_b).await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === '4.5'",
        cell("xixing-guanhe", "2026-11")
    ))
    .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_shared_view_refuses_entry_before_anything_is_typed() {
    let h = Harness::start().await;
    h.open("#/snapshots").await;
    click(&h, "#make-link").await;
    let link = h
        .wait_for_css("#share-link")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    let fragment = link.split('#').nth(1).unwrap().to_owned();
    let stored_before = h.stored("return text;").await;
    // The link opened as from a chat message: a fresh page load.
    h.open(&format!("#{fragment}")).await;
    h.client.refresh().await.unwrap();
    h.wait_for_css("#banner-shared").await;
    click(&h, "nav a[href='#/data']").await;
    // The reason is on the page before any typing, and every entry control is off.
    let note = h.text("#grid-read-only").await;
    assert!(note.contains("只读"), "{note}");
    let writable = h
        .js("return Array.from(document.querySelectorAll('#entry-grid input.cell')).filter(e => !e.readOnly).length;")
        .await;
    assert_eq!(writable, Value::from(0));
    let enabled = h
        .js("return Array.from(document.querySelectorAll('.data-view fieldset.plain button, #import-monthly-csv, #add-month')).filter(e => !e.disabled && !e.closest('fieldset:disabled')).length;")
        .await;
    assert_eq!(
        enabled,
        Value::from(0),
        "forms, imports and add-month are off"
    );
    click(&h, &cell("xixing-dongguan", "2026-11")).await;
    h.type_keys(&format!("3.1{TAB}")).await;
    let v = h
        .js(&format!(
            "return document.querySelector(\"{}\").value;",
            cell("xixing-dongguan", "2026-11")
        ))
        .await;
    assert_eq!(v, Value::from(""), "nothing typed appears");
    assert_eq!(
        h.stored("return text;").await,
        stored_before,
        "nothing is stored"
    );
    // The what-if page takes no new scenario either.
    click(&h, "nav a[href='#/scenarios']").await;
    let disabled = h
        .js("return document.querySelector('#scenario-create').disabled;")
        .await;
    assert_eq!(disabled, Value::from(true));
    h.screenshot("entry-read-only").await;
    h.assert_no_errors().await;
    h.finish().await;
}

/// A small deterministic generator (no dependency for a test's keystrokes).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn random_keystrokes_leave_every_cell_equal_to_the_store() {
    let h = Harness::start().await;
    open_grid(&h, "unemployed", Some("xixing")).await;
    click(&h, &cell("xixing-dongguan", "2026-09")).await;
    const KEYS: [&str; 17] = [
        "1",
        "2",
        "5",
        "7",
        "0",
        "9",
        "\u{E004}",
        "\u{E008}\u{E004}\u{E000}",
        "\u{E007}",
        "\u{E008}\u{E007}\u{E000}",
        "\u{E012}",
        "\u{E013}",
        "\u{E014}",
        "\u{E015}",
        "\u{E00C}",
        "\u{E009}z\u{E000}",
        "\u{E009}y\u{E000}",
    ];
    let mut rng = Lcg(20_261_129);
    let mut typed = String::new();
    for step in 0..240 {
        let k = KEYS[rng.next(KEYS.len())];
        typed.push_str(k);
        if step % 8 == 7 {
            h.type_keys(&typed).await;
            typed.clear();
            // The focused cell may hold a draft; every other cell shows what is stored.
            assert_grid_is_stored(&h, true, &format!("{} keystrokes", step + 1)).await;
        }
    }
    h.type_keys(&format!("{typed}{ESC}")).await;
    assert_grid_is_stored(&h, false, "240 keystrokes and Esc").await;
    // Something was really typed and stored along the way.
    let history = h
        .js("return document.querySelector('#undo').disabled;")
        .await;
    assert_eq!(history, Value::from(false), "the keystrokes made edits");
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn resetting_to_the_sample_asks_in_the_page_first() {
    let h = Harness::start().await;
    open_grid(&h, "registered_rate", Some("xixing")).await;
    click(&h, &cell("xixing-dongguan", "2026-11")).await;
    h.type_keys(&format!("3.1{ENTER}")).await;
    let typed = h.stored("return text;").await;
    // Esc keeps the data.
    click(&h, "#reset-sample").await;
    let question = h.text("#dialog").await;
    assert!(question.contains("不能撤销"), "{question}");
    // Keys go to the dialog once it has the focus (it takes it on the next frame).
    let ok_focused = "document.activeElement && document.activeElement.id === 'dialog-ok'";
    h.wait_for_js(ok_focused).await;
    h.type_keys(ESC).await;
    h.wait_for_js("!document.querySelector('#dialog')").await;
    assert_eq!(h.stored("return text;").await, typed);
    let focused = h.js("return document.activeElement.id;").await;
    assert_eq!(focused, Value::from("reset-sample"), "the focus came back");
    // Enter replaces the data by the sample.
    click(&h, "#reset-sample").await;
    h.wait_for_js(ok_focused).await;
    h.type_keys(ENTER).await;
    h.wait_for_js(&format!(
        "document.querySelector(\"{}\").value === ''",
        cell("xixing-dongguan", "2026-11")
    ))
    .await;
    assert_grid_is_stored(&h, false, "reset to the sample").await;
    h.assert_no_errors().await;
    h.finish().await;
}
