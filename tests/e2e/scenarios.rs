//! What-if scenarios in a meeting: a closure of 6 000 people gives level 3 in the scenario while
//! the baseline stays; the exercise mark is on screen and in print; a "what it takes" suggestion
//! applied gives its level; the meeting runs from the keyboard; scenarios travel in an export.

use crate::support::Harness;
use fantoccini::Locator;

const STORED_DATASET: &str = "return JSON.stringify(s.dataset);";

async fn status_of(h: &Harness, css: &str) -> String {
    h.wait_for_css(&format!("{css} .level-badge")).await;
    let v = h
        .js(&format!(
            "return document.querySelector('{css} .level-badge').dataset.status;"
        ))
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

/// Sends keys to the page itself (not a form field), as a presenter would.
pub(crate) async fn press(h: &Harness, keys: &str) {
    h.js("document.activeElement && document.activeElement.blur(); return true;")
        .await;
    h.client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

async fn fill(h: &Harness, css: &str, text: &str) {
    let el = h.wait_for_css(css).await;
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap();
}

/// Creates the scenario "电子厂关停" with a closure of 6 000 people in 西兴 in 2026-11.
pub(crate) async fn closure_scenario(h: &Harness) {
    h.open("#/scenarios").await;
    fill(h, "#scenario-new-name", "电子厂关停").await;
    h.wait_for_css("#scenario-create")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_js("[...document.querySelectorAll('.scenario-item .name')].some(e => e.textContent === '电子厂关停')")
        .await;
    // The kind starts on "closure"; the street on the first street (西兴).
    fill(h, "#tweak-enterprise", "杭州某电子厂").await;
    fill(h, "#tweak-month", "2026-11").await;
    fill(h, "#tweak-unemployed", "6000").await;
    h.wait_for_css("#tweak-add").await.click().await.unwrap();
    h.wait_for_css(".tweak-items .tweak").await;
    // Adding a change keeps the month; the meeting turns to the closure's month.
    show_month(h, "2026-11").await;
}

/// Turns the what-if page to `month`.
pub(crate) async fn show_month(h: &Harness, month: &str) {
    h.wait_for_css(&format!("#scenario-month option[value='{month}']"))
        .await;
    h.wait_for_css("#scenario-month")
        .await
        .select_by_value(month)
        .await
        .unwrap();
    h.wait_for_js(&format!(
        "document.querySelector('#scenario-month').value === '{month}'"
    ))
    .await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_closure_of_6000_gives_level_3_in_the_scenario_and_the_baseline_stays() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    let base_level = status_of(&h, "#effective-level").await;
    let base_data = h.stored(STORED_DATASET).await;

    closure_scenario(&h).await;
    let tweak = h.text(".tweak-items .tweak .what").await;
    let digits: String = tweak.chars().filter(char::is_ascii_digit).collect();
    assert!(digits.ends_with("6000"), "{tweak}");
    assert!(tweak.contains("西兴"), "{tweak}");
    // In the closure's month: level 3 there; the baseline has no data yet, a projected month.
    assert_eq!(status_of(&h, "#scenario-level").await, "3");
    h.wait_for_css("#baseline-level[data-projection='true']")
        .await;
    let criteria = h.text("#scenario-criteria").await;
    assert!(criteria.contains("§5.1-Lx-b"), "{criteria}");
    // The exercise mark on screen.
    let mark = h.text("#exercise-mark").await;
    assert!(mark.contains("推演 · EXERCISE"), "{mark}");
    h.screenshot("scenario-closure").await;

    // And in print: the mark on the printed page, the forms not.
    let printed = h.print_pdf("scenario-closure").await;
    assert!(
        printed.contains("推演"),
        "the print carries the mark:\n{printed}"
    );
    assert!(printed.contains("EXERCISE"), "{printed}");
    assert!(
        !printed.contains("加一项假设"),
        "forms are not printed:\n{printed}"
    );

    // The baseline is exactly what it was: stored dataset and dashboard level.
    assert_eq!(h.stored(STORED_DATASET).await, base_data);
    h.open("#/dashboard").await;
    assert_eq!(status_of(&h, "#effective-level").await, base_level);
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_meeting_from_the_keyboard_what_it_takes_and_compare() {
    let h = Harness::start().await;
    h.open("#/scenarios").await;
    h.wait_for_css("#baseline-level").await;
    assert_eq!(status_of(&h, "#baseline-level").await, "none");

    // "How far are we from level 2?" — W shows what it takes, computed by the engine.
    press(&h, "w").await;
    h.wait_for_css("#what-it-takes .reach-level[data-level='2'] .suggestion")
        .await;
    let first = h
        .text("#what-it-takes .reach-level[data-level='2'] .suggestion .what")
        .await;
    let month = h
        .js("return document.querySelector(\"#what-it-takes .reach-level[data-level='2'] .suggestion .then\").textContent;")
        .await;
    assert!(!first.is_empty());
    // Applying it (keyboard: focus the button, Enter) starts a scenario at exactly level 2.
    let button = h.wait_for_css("#apply-l2-0").await;
    button.send_keys("\u{E007}").await.unwrap();
    h.wait_for_css("#scenario-level").await;
    assert_eq!(
        status_of(&h, "#scenario-level").await,
        "2",
        "suggestion: {first} ({month})"
    );
    assert_eq!(status_of(&h, "#baseline-level").await, "none");
    h.wait_for_css(".scenario-item").await;

    // A second what-if, "+0.2 points a month for 6 months", added from the keyboard.
    press(&h, "0").await;
    h.wait_for_js(
        "document.querySelector('.scenario-pick.baseline').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    press(&h, "a").await;
    let kind = h.wait_for_css("#tweak-kind").await;
    kind.send_keys("失业率趋势").await.unwrap();
    h.wait_for_css("#tweak-step").await;
    fill(&h, "#tweak-step", "+0.2").await;
    fill(&h, "#tweak-months", "6\u{E007}").await;
    h.wait_for_js("document.querySelectorAll('.scenario-item').length === 2")
        .await;

    // C compares both with the baseline: three timelines and the overlaid chart.
    press(&h, "c").await;
    h.wait_for_css("#compare-timelines").await;
    h.wait_for_js("document.querySelectorAll('#compare-timelines tbody tr').length === 3")
        .await;
    h.wait_for_css("#chart-compare svg").await;
    let legend = h.text("#chart-compare").await;
    let _ = legend;
    let svg = h
        .js("return document.querySelector('#chart-compare svg').outerHTML;")
        .await;
    assert!(
        svg.as_str().unwrap_or_default().contains("EXERCISE"),
        "the chart carries the mark"
    );
    h.wait_for_css("#compare-diffs").await;

    // ↑/↓ switch scenarios, ←/→ step months, P presents, Esc leaves.
    let month_before = h
        .js("return document.querySelector('#scenario-month').value;")
        .await;
    press(&h, "\u{E012}").await; // ArrowLeft
    h.wait_for_js(&format!(
        "document.querySelector('#scenario-month').value !== {month_before}"
    ))
    .await;
    // Scenario 2 (the trend) is shown; ↑ goes to scenario 1, ↓ twice wraps round via the baseline.
    let pressed = |i: usize| {
        format!("document.querySelectorAll('.scenario-item .scenario-pick')[{i}].getAttribute('aria-pressed') === 'true'")
    };
    h.wait_for_js(&pressed(1)).await;
    press(&h, "\u{E013}").await; // ArrowUp
    h.wait_for_js(&pressed(0)).await;
    press(&h, "\u{E015}\u{E015}").await; // ArrowDown ×2
    h.wait_for_js(
        "document.querySelector('.scenario-pick.baseline').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    press(&h, "\u{E015}").await;
    h.wait_for_js(&pressed(0)).await;
    press(&h, "p").await;
    h.wait_for_js("document.body.classList.contains('presenter')")
        .await;
    h.wait_for_js("getComputedStyle(document.querySelector('header.topbar')).display === 'none'")
        .await;
    // The projector's view: the viewport as it is (a full-page capture would resize the window
    // and so leave full screen).
    let png = h.client.screenshot().await.unwrap();
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/screenshots/scenario-presenter.png"),
        png,
    )
    .unwrap();
    press(&h, "\u{E00C}").await; // Escape
    h.wait_for_js("!document.body.classList.contains('presenter')")
        .await;
    press(&h, "?").await;
    h.wait_for_css("#shortcuts").await;
    // After a click the focus is on a button: the shortcuts still work from there.
    let toggle = h.wait_for_css("#toggle-compare").await;
    h.js(
        "document.querySelector('#toggle-compare').scrollIntoView({block: 'center'}); return true;",
    )
    .await;
    toggle.click().await.unwrap();
    h.wait_for_js("!document.querySelector('#compare')").await;
    toggle.send_keys("c").await.unwrap();
    h.wait_for_css("#compare-timelines").await;

    // The same meeting in English: the answer, the comparison and what it takes.
    h.wait_for_css(".lang-switch button[lang='en']")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_js("document.querySelector('#compare-h').textContent.includes('Compare')")
        .await;
    let reach = h.text("#what-it-takes").await;
    assert!(reach.contains("What it takes"), "{reach}");
    assert!(h.text("#exercise-mark").await.contains("EXERCISE"));
    h.screenshot("scenario-compare-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_scenario_travels_inside_an_exported_snapshot_and_comes_back() {
    let h = Harness::start().await;
    closure_scenario(&h).await;
    let file = h.export_snapshot().await;
    let text = std::fs::read_to_string(&file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let item = &json["scenarios"]["items"][0];
    assert_eq!(item["name"], "电子厂关停");
    assert_eq!(item["exercise"], true, "the export marks it as an exercise");
    assert_eq!(item["tweaks"][0]["kind"], "closure");
    assert_eq!(item["tweaks"][0]["unemployed"], 6000);

    // A browser that lost its data, then the file imported.
    h.clear_storage().await;
    h.client.refresh().await.unwrap();
    h.open("#/scenarios").await;
    h.wait_for_css("#baseline-level").await;
    assert_eq!(
        h.js("return document.querySelectorAll('.scenario-item').length;")
            .await,
        0
    );
    h.import_file(&file).await;
    // The preview says what merge and replace do with the file's scenarios.
    let note = h.text("#snapshot-beside").await;
    assert!(note.contains("1 个推演"), "{note}");
    h.wait_for_css("#snapshot-replace")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_css("#restore-backup").await;
    h.open("#/scenarios").await;
    h.wait_for_css(".scenario-item").await;
    h.wait_for_css(".scenario-item .scenario-pick")
        .await
        .click()
        .await
        .unwrap();
    show_month(&h, "2026-11").await;
    assert_eq!(status_of(&h, "#scenario-level").await, "3");
    h.assert_no_errors().await;
    h.finish().await;
}
