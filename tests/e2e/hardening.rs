//! One typo must not take the workspace down: regions added and renamed through the in-page
//! dialog with the keyboard alone; a typo'd year refused in an event form; far months flagged
//! in the import preview; the 9999-12 snapshot refused while the dashboard keeps answering;
//! hostile files through the snapshots page leave the stored data byte-identical.

use crate::support::Harness;

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

const STORED: &str = "return text;";

fn hostile(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

async fn english(h: &Harness) {
    h.wait_for_css(".lang-switch button[lang='en']")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_js(
        "document.querySelector(\".lang-switch button[lang='en']\").getAttribute('aria-pressed') === 'true'",
    )
    .await;
}

/// Focuses a control by script (where a user would have tabbed to it) and presses Enter.
async fn press_enter_on(h: &Harness, css: &str) {
    h.wait_for_css(css).await;
    h.js(&format!(
        "document.querySelector(\"{css}\").focus(); return true;"
    ))
    .await;
    h.client
        .active_element()
        .await
        .unwrap()
        .send_keys(ENTER)
        .await
        .unwrap();
}

/// Types into whatever has the focus.
async fn type_keys(h: &Harness, keys: &str) {
    h.client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

async fn focus_is_on(h: &Harness, css: &str) {
    h.wait_for_js(&format!(
        "document.activeElement === document.querySelector(\"{css}\")"
    ))
    .await;
}

async fn stored_has(h: &Harness, text: &str) -> bool {
    h.stored(STORED)
        .await
        .as_str()
        .is_some_and(|s| s.contains(text))
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_street_is_added_through_the_dialog_with_the_keyboard_alone() {
    let h = Harness::start().await;
    h.open("#/data").await;
    let add = "#region-tree [data-add='binjiang']";
    press_enter_on(&h, add).await;
    h.wait_for_css("#dialog").await;
    focus_is_on(&h, "#dialog-input").await;
    // Empty: refused while typing, and Enter does nothing.
    h.wait_for_js("document.querySelector('#dialog-ok').disabled")
        .await;
    type_keys(&h, ENTER).await;
    assert!(h.text("#dialog-error").await.contains("请填写名称"));
    // A name a sibling has: said while typing.
    type_keys(&h, "长河街道").await;
    h.wait_for_js("document.querySelector('#dialog-error').textContent.includes('长河街道')")
        .await;
    h.screenshot("dialog-add-duplicate-zh").await;
    // A fresh name, confirmed with Enter.
    h.js("const i = document.querySelector('#dialog-input'); i.select(); return true;")
        .await;
    type_keys(&h, &format!("白马湖街道{ENTER}")).await;
    h.wait_for_js("!document.querySelector('#dialog')").await;
    h.wait_for_js("[...document.querySelectorAll('#region-tree .region-name')].some(e => e.textContent === '白马湖街道')")
        .await;
    assert!(stored_has(&h, "白马湖街道").await);
    focus_is_on(&h, add).await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_street_is_renamed_through_the_dialog_and_escape_changes_nothing() {
    let h = Harness::start().await;
    h.open("#/data").await;
    // In English: the dialog speaks the page's language; the name edited is the Chinese one.
    english(&h).await;
    let rename = "#region-tree [data-rename='xixing']";
    // Esc: the dialog closes, nothing changes, the focus is back on the button.
    press_enter_on(&h, rename).await;
    h.wait_for_css("#dialog").await;
    focus_is_on(&h, "#dialog-input").await;
    let initial = h
        .js("return document.querySelector('#dialog-input').value;")
        .await;
    assert_eq!(initial, "西兴街道");
    let title = h.text("#dialog-title").await;
    assert!(title.is_ascii() && !title.is_empty(), "{title}");
    h.screenshot("dialog-rename-en").await;
    type_keys(&h, &format!("无用{ESCAPE}")).await;
    h.wait_for_js("!document.querySelector('#dialog')").await;
    focus_is_on(&h, rename).await;
    assert!(!stored_has(&h, "无用").await);

    // Enter: the initial name is selected, so typing replaces it.
    type_keys(&h, ENTER).await;
    h.wait_for_css("#dialog").await;
    focus_is_on(&h, "#dialog-input").await;
    type_keys(&h, &format!("西兴街道（新区）{ENTER}")).await;
    h.wait_for_js("!document.querySelector('#dialog')").await;
    // The tree shows the English name in English; the stored name is the one typed.
    h.wait_for_stored("text.includes('西兴街道（新区）')").await;
    focus_is_on(&h, rename).await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_typod_year_in_the_closure_form_is_refused_and_nothing_is_stored() {
    let h = Harness::start().await;
    h.open("#/data").await;
    let form = "#form-closure";
    h.wait_for_css(form).await;
    let before = h.stored(STORED).await;
    for typo in ["9026-03-01", "0226-03-01"] {
        // The date picker's value as the browser gives it for a typed year.
        h.js(&format!(
            "const f = document.querySelector('{form}');
             const set = (sel, v, ev) => {{ const e = f.querySelector(sel); e.value = v;
               e.dispatchEvent(new Event(ev, {{ bubbles: true }})); }};
             set(\"input[name='enterprise']\", '某电子厂', 'input');
             set(\"select[name='street']\", 'xixing', 'change');
             set(\"input[name='date']\", '{typo}', 'input');
             set(\"input[name='people']\", '120', 'input');
             return true;"
        ))
        .await;
        h.wait_for_css(&format!("{form} button[type='submit']"))
            .await
            .click()
            .await
            .unwrap();
        h.wait_for_js(&format!(
            "document.querySelector(\"{form}\").textContent.includes('1990–2100')"
        ))
        .await;
        let text = h.text(form).await;
        assert!(
            text.contains("年份超出合理范围 1990–2100"),
            "{typo}: {text}"
        );
        assert_eq!(h.stored(STORED).await, before, "{typo}: nothing stored");
    }
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn the_import_preview_shows_far_months_before_anything_changes() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    let stored = h.all_stored().await;
    h.import_file(&hostile("far-observation-2099.json")).await;
    h.wait_for_css("#snapshot-preview").await;
    let warning = h.text("#import-far-warning").await;
    assert!(warning.contains("2099-12"), "{warning}");
    assert!(
        warning.contains("dataset.observations[3].month"),
        "{warning}"
    );
    // The range is the data's main body; the far month is counted apart, not stretching it.
    let preview = h.text("#snapshot-preview").await;
    assert!(
        preview.contains("2026-01 – 2026-02（另有 1 个"),
        "{preview}"
    );
    assert!(!preview.contains("– 2099-12"), "{preview}");
    assert_eq!(
        h.all_stored().await,
        stored,
        "nothing changes before a choice"
    );
    h.screenshot("import-far-warning-zh").await;
    english(&h).await;
    let warning = h.text("#import-far-warning").await;
    assert!(warning.contains("2099-12"), "{warning}");
    h.screenshot("import-far-warning-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn the_9999_12_snapshot_is_refused_and_the_dashboard_still_answers() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    english(&h).await;
    let stored = h.all_stored().await;
    h.import_file(&hostile("month-9999-12.json")).await;
    h.wait_for_js(
        "document.querySelector('#snapshot-message') && document.querySelector('#snapshot-message').textContent.startsWith('month-9999-12.json')",
    )
    .await;
    let msg = h.text("#snapshot-message").await;
    assert!(msg.contains("dataset.observations[1].month"), "{msg}");
    assert!(
        msg.contains("year outside the plausible span 1990–2100"),
        "{msg}"
    );
    assert!(h
        .js("return !document.querySelector('#snapshot-preview');")
        .await
        .as_bool()
        .unwrap());
    assert_eq!(h.all_stored().await, stored);
    h.open("#/dashboard").await;
    let level = h.text("#effective-level").await;
    assert!(!level.is_empty());
    // The dashboard covers the sample's own months, not decades up to 9999.
    assert!(!h.stored(STORED).await.as_str().unwrap().contains("9999-12"));
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn hostile_files_through_the_snapshots_page_leave_storage_byte_identical() {
    // A representative file per class, with the piece of the message `expected.tsv` gives
    // (the browser shows the same message as the command line).
    let cases = [
        ("month-2205-06.json", "dataset.observations[1].month (line"),
        ("month-bad-10.json", "dataset.observations[0].month"),
        ("date-2026-02-30.json", "dataset.closures[0].date"),
        (
            "city-warning-until-2205.json",
            "dataset.city_warnings[0].until",
        ),
        (
            "sd-consent-before-proposal.json",
            "dataset.special_determinations[0].hq_consent.date (line",
        ),
        ("count-34.json", "dataset.observations[2].unemployed"),
        ("rate-41.json", "outside 0–100 %"),
        ("type-dataset.json", "at dataset (line 8, column 3)"),
        (
            "type-observations-0-key_groups.json",
            "dataset.observations[0].key_groups",
        ),
        ("missing-month.json", "dataset.observations[1].month (line"),
        ("duplicate-key.json", "appears twice"),
        ("region-cycle.json", "dataset.regions"),
        ("huge-name.json", "dataset.regions[0].name"),
        ("deep-nesting.json", "nested too deeply"),
        ("truncated.json", "ends unexpectedly"),
        ("other-format.json", "not a snapshot of this app"),
        ("version-0.json", "version 0"),
    ];
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    english(&h).await;
    let stored = h.all_stored().await;
    let mut failures = Vec::new();
    for (name, expect) in cases {
        h.import_file(&hostile(name)).await;
        h.wait_for_js(&format!(
            "document.querySelector('#snapshot-message') && document.querySelector('#snapshot-message').textContent.startsWith('{name}')"
        ))
        .await;
        let msg = h.text("#snapshot-message").await;
        if !msg.contains(expect) {
            failures.push(format!("{name}: expected {expect:?} in {msg:?}"));
        }
        let preview = h
            .js("return !!document.querySelector('#snapshot-preview');")
            .await;
        if preview.as_bool() != Some(false) {
            failures.push(format!("{name}: a preview was shown"));
        }
        if h.all_stored().await != stored {
            failures.push(format!("{name}: the stored data changed"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    h.assert_no_errors().await;
    h.finish().await;
}
