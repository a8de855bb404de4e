//! The Plan view (§5.1 table, language, unit filter).

use crate::support::Harness;
use fantoccini::Locator;
use uew::plan::Plan;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn plan_view_shows_the_level_table_from_a_sub_path() {
    let h = Harness::start().await;
    h.open("#/plan").await;
    h.wait_for_css(".level-table").await;

    for (level, rate, closures, layoffs) in [
        (1, "≥ 6.5 %", "15\u{2009}000", "≥ 60 %"),
        (2, "≥ 5.5 %", "10\u{2009}000", "≥ 50 %"),
        (3, "≥ 4.5 %", "5\u{2009}000", "≥ 40 %"),
    ] {
        let row = format!(".level-table tr[data-level='{level}']");
        let a = h
            .text(&format!("{row} td[data-criterion='a'] .threshold"))
            .await;
        let b = h
            .text(&format!("{row} td[data-criterion='b'] .threshold"))
            .await;
        let c = h
            .text(&format!("{row} td[data-criterion='c'] .threshold"))
            .await;
        assert_eq!(a, rate, "level {level} rate");
        assert!(b.contains(closures), "level {level} closures: {b}");
        assert_eq!(c, layoffs, "level {level} layoffs");
        // Colour is never the only cue: the badge names the level in text.
        let badge = h.text(&format!("{row} .level-badge")).await;
        assert!(badge.contains("级"), "badge text: {badge}");
    }
    let title = h.js("return document.title;").await;
    assert!(title.as_str().unwrap_or("").contains("失业预警"), "{title}");
    h.assert_no_errors().await;
    h.screenshot("plan-zh").await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn english_is_remembered_across_reload() {
    let h = Harness::start().await;
    h.open("#/plan").await;
    h.wait_for_css(".level-table").await;
    h.client
        .find(Locator::Css(".lang-switch button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
    assert!(h
        .text(".level-table thead")
        .await
        .contains("Unemployment rate"));

    h.client.refresh().await.unwrap();
    h.wait_for_css(".level-table").await;
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
    assert!(h
        .text(".level-table thead")
        .await
        .contains("Unemployment rate"));
    assert!(h.text("#sec-levels").await.contains("Warning levels"));
    h.assert_no_errors().await;
    h.screenshot("plan-en").await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn unit_filter_shows_that_units_measures_and_no_others() {
    let plan = Plan::binjiang_2020();
    let expected: Vec<String> = plan
        .measures_of_unit("finance")
        .into_iter()
        .map(|(_, m)| m.clause.clone())
        .collect();
    assert!(!expected.is_empty());

    let h = Harness::start().await;
    h.open("#/plan").await;
    h.wait_for_css("#unit-filter").await;
    let all = h
        .client
        .find_all(Locator::Css(".measure"))
        .await
        .unwrap()
        .len();
    assert_eq!(all, 26, "all measures before filtering");

    choose(&h, "#unit-filter", "finance").await;
    h.wait_for_js(&format!(
        "document.querySelectorAll('.measure').length === {}",
        expected.len()
    ))
    .await;
    let shown = h
        .js("return Array.from(document.querySelectorAll('.measure')).map(m => [m.dataset.clause, m.dataset.units, m.textContent]);")
        .await;
    let shown: Vec<(String, String, String)> = serde_json::from_value(shown).unwrap();
    let clauses: Vec<String> = shown.iter().map(|s| s.0.clone()).collect();
    assert_eq!(clauses, expected);
    for (clause, units, text) in &shown {
        assert!(
            units.split(' ').any(|u| u == "finance"),
            "{clause} lacks finance"
        );
        assert!(text.contains("区财政局"), "{clause} does not name 区财政局");
    }
    // The unit's own §3.2 duty is shown above its measures.
    assert!(h.text(".unit-duty").await.contains("§3.2-7"));
    h.assert_no_errors().await;
    h.screenshot("plan-filter-finance").await;
    h.finish().await;
}

/// Imports the version-4 fixture (Zhuhai's four levels, a single-layoff and an own-indicator
/// criterion) into a fresh profile, replacing the sample.
async fn import_four_level_plan(h: &Harness) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshots/v4-zhuhai.json");
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    h.click("#snapshot-replace").await;
    h.wait_for_css("#restore-backup").await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_four_level_plan_shows_its_blue_level_in_the_plan_view_timeline_and_cards() {
    let h = Harness::start().await;
    import_four_level_plan(&h).await;

    // The Plan view: four rows, the fourth blue and named in text, its own clause labels.
    h.open("#/plan").await;
    h.wait_for_css(".level-table tr[data-level='4']").await;
    let rows = h
        .js("return document.querySelectorAll('.level-table tbody tr').length;")
        .await;
    assert_eq!(rows.as_u64(), Some(4));
    let badge = h.text(".level-table tr[data-level='4'] .level-badge").await;
    assert!(badge.contains("Ⅳ级") && badge.contains("蓝色"), "{badge}");
    let blue = h
        .js("return document.querySelector(\".level-table tr[data-level='4'] .level-badge\").className;")
        .await;
    assert!(
        blue.as_str().unwrap_or("").contains("colour-blue"),
        "{blue}"
    );
    let rate = h
        .text(".level-table tr[data-level='1'] td[data-criterion='a'] .threshold")
        .await;
    assert_eq!(rate, "> 10 %");
    assert!(h.text(".level-table").await.contains("Z-Ⅱ-b"));
    assert!(h.text(".plan-source").await.contains("珠劳社〔2006〕110号"));

    // The dashboard: the own-indicator criterion is met in the last month, citing its label;
    // the timeline has months at the fourth (blue) level.
    h.open("#/dashboard").await;
    h.wait_for_css(".criterion[data-criterion='other']").await;
    let other = h.text(".criterion[data-criterion='other']").await;
    assert!(other.contains("Z-Ⅲ-c"), "{other}");
    h.wait_for_css(".level-strip .cell.level-4").await;
    h.screenshot("plan-four-levels-dashboard-zh").await;

    // The same in English.
    h.click(".lang-switch button[lang='en']").await;
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
    h.open("#/plan").await;
    let badge = h.text(".level-table tr[data-level='4'] .level-badge").await;
    assert!(
        badge.contains("Level Ⅳ") && badge.contains("blue"),
        "{badge}"
    );
    h.screenshot("plan-four-levels-en").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_plan_exported_from_one_profile_imports_into_a_fresh_one() {
    // Profile A has the four-level plan; it exports the plan alone.
    let a = Harness::start().await;
    import_four_level_plan(&a).await;
    a.open("#/plan").await;
    a.click("#plan-export").await;
    let file = a.wait_for_download("uew-plan-zhuhai-2006.json").await;
    let text = std::fs::read_to_string(&file).unwrap();
    let exported = Plan::from_json(&text).unwrap();
    assert_eq!(exported.levels().len(), 4);
    // Sent by mail: the file outlives profile A.
    a.finish().await;

    // A fresh profile B (the sample, Binjiang's three levels) imports it.
    let b = Harness::start().await;
    let file = b.downloads.join("uew-plan-zhuhai-2006.json");
    std::fs::write(&file, &text).unwrap();
    b.open("#/plan").await;
    b.wait_for_css(".level-table tr[data-level='3']").await;
    assert!(b.text("#plan-differences").await.contains("与预设相同"));
    let input = b.wait_for_css("#plan-import").await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    b.wait_for_css("#plan-file-outcome").await;
    b.wait_for_css(".level-table tr[data-level='4']").await;
    // What the screen shows is what is stored.
    let stored = b.stored("return s.plan.thresholds.levels.length;").await;
    assert_eq!(stored.as_u64(), Some(4));
    // It differs from the Zhuhai preset by its own criteria, and says so.
    let diff = b.text("#plan-differences").await;
    assert!(diff.contains("Ⅱ级 已改"), "{diff}");
    // A plan with an error is refused with the message naming the level.
    let mut bad = exported.clone();
    bad.thresholds.levels[3].rate = None;
    let bad_file = b.downloads.join("bad-plan.json");
    std::fs::write(&bad_file, bad.to_json_pretty()).unwrap();
    let input = b.wait_for_css("#plan-import").await;
    input.send_keys(bad_file.to_str().unwrap()).await.unwrap();
    b.wait_for_css("#plan-import-problems").await;
    assert!(b
        .text("#plan-import-problems")
        .await
        .contains("Ⅳ级（Z-Ⅳ）：没有任何判定条件"));
    assert_eq!(
        b.stored("return s.plan.thresholds.levels[3].rate.min_rate;")
            .await
            .as_str(),
        Some("4")
    );
    b.screenshot("plan-imported").await;
    b.assert_no_errors().await;
    b.finish().await;
}

/// Chooses `value` in the `<select>` `css`.
async fn choose(h: &Harness, css: &str, value: &str) {
    h.client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

/// Opens the plan editor on the Plan page.
async fn open_editor(h: &Harness) {
    h.open("#/plan").await;
    h.click("#plan-editor > summary").await;
    h.wait_for_css("#pe-l1-name-zh").await;
}

/// Types `value` into the input `css` as a person does, replacing what is there, and commits
/// it with Enter.
async fn set_field(h: &Harness, css: &str, value: &str) {
    h.click(css).await;
    h.type_keys(&format!("\u{E009}a\u{E000}{value}\u{E007}"))
        .await;
}

async fn stored(h: &Harness, path: &str) -> serde_json::Value {
    h.stored(&format!(
        "try {{ return s.plan.{path}; }} catch (e) {{ return null; }}"
    ))
    .await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_threshold_changed_in_the_editor_changes_the_dashboard_level_and_chart_lines() {
    let h = Harness::start().await;
    // The sample's latest month (district rate ≈ 2.73 %) is below every level.
    h.open("#/dashboard").await;
    h.wait_for_css("#effective-level [data-status='none']")
        .await;
    open_editor(&h).await;
    // An out-of-range threshold is refused, naming the criterion; nothing is stored.
    set_field(&h, "#pe-l3-a-min", "150").await;
    h.wait_for_css("#pe-outcome[role='alert']").await;
    assert!(h.text("#pe-outcome").await.contains("三级 · 失业率 · 阈值"));
    let kept = h.stored("return s.plan_ref;").await;
    assert_eq!(
        kept.as_str(),
        Some("binjiang-2020"),
        "still the unchanged preset"
    );
    // §5.1-L3-a at 2.5 %: the latest two months reach level 3.
    set_field(&h, "#pe-l3-a-min", "2.5").await;
    h.wait_for_css("#pe-outcome[role='status']").await;
    assert_eq!(
        stored(&h, "thresholds.levels[2].rate.min_rate")
            .await
            .as_str(),
        Some("2.5")
    );
    let shown = h
        .js("return document.querySelector('#pe-l3-a-min').value;")
        .await;
    assert_eq!(shown.as_str(), Some("2.5"));
    let diff = h.text("#plan-differences").await;
    assert!(diff.contains("三级 已改：失业率"), "{diff}");
    h.open("#/dashboard").await;
    h.wait_for_css("#effective-level [data-status='3']").await;
    h.wait_for_css("#chart-rate .chart-svg svg").await;
    let svg = h
        .js("return document.querySelector('#chart-rate .chart-svg').innerHTML;")
        .await;
    let svg = svg.as_str().unwrap_or_default();
    assert!(svg.contains("三级 2.5%"), "the level-3 line moved");
    assert!(!svg.contains("三级 4.5%"), "the old line is gone");
    // Undone like a data edit (Ctrl+Z outside a field).
    h.js("document.activeElement.blur(); return true;").await;
    h.type_keys("\u{E009}z\u{E000}").await;
    h.wait_for_css("#effective-level [data-status='none']")
        .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_fourth_blue_level_added_in_the_editor_shows_in_the_timeline_cards_and_plan_view() {
    let h = Harness::start().await;
    open_editor(&h).await;
    h.click("#pe-add-level").await;
    h.wait_for_css("#pe-l4-colour").await;
    choose(&h, "#pe-l4-colour", "blue").await;
    h.wait_for_stored("s.plan.thresholds.levels[3].colour === 'Blue'")
        .await;
    // Below level 3's 4.5 %: the sample's quiet months are level 4.
    set_field(&h, "#pe-l4-a-min", "2.5").await;
    h.wait_for_stored("s.plan.thresholds.levels[3].rate.min_rate === '2.5'")
        .await;
    let clause = stored(&h, "thresholds.levels[3].rate.clause.id").await;
    assert_eq!(clause.as_str(), Some("L4-a"));

    let badge = h.text(".level-table tr[data-level='4'] .level-badge").await;
    assert!(badge.contains("四级") && badge.contains("蓝色"), "{badge}");
    h.open("#/dashboard").await;
    h.wait_for_css("#effective-level [data-status='4']").await;
    h.wait_for_css(".level-strip .cell.level-4.colour-blue")
        .await;
    let card = h.text(".criterion[data-criterion='a']").await;
    assert!(card.contains("L4-a") && card.contains("四级"), "{card}");

    h.click(".lang-switch button[lang='en']").await;
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
    h.open("#/plan").await;
    let badge = h.text(".level-table tr[data-level='4'] .level-badge").await;
    assert!(
        badge.contains("Level 4") && badge.contains("blue"),
        "{badge}"
    );
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_single_layoff_criterion_raises_the_level_citing_the_users_clause_label() {
    let h = Harness::start().await;
    // June 2025 is level 2 in the sample; a layoff of 650 of 2 800 people is in its window.
    h.open("#/dashboard").await;
    let month = h.wait_for_css("#month-select").await;
    month.select_by_value("2025-06").await.unwrap();
    h.wait_for_css("#effective-level [data-status='2']").await;

    open_editor(&h).await;
    choose(&h, "#pe-l1-add-kind", "single-layoff").await;
    h.click("#pe-l1-add").await;
    h.wait_for_css("#pe-l1-x0-clause").await;
    set_field(&h, "#pe-l1-x0-clause", "滨江单裁-1").await;
    h.wait_for_stored("s.plan.thresholds.levels[0].extra[0].clause.id === '滨江单裁-1'")
        .await;
    set_field(&h, "#pe-l1-x0-min", "600").await;
    h.wait_for_stored("s.plan.thresholds.levels[0].extra[0].min_laid_off === 600")
        .await;
    set_field(&h, "#pe-l1-x0-workforce", "2000").await;
    h.wait_for_stored("s.plan.thresholds.levels[0].extra[0].min_workforce === 2000")
        .await;
    let kind = stored(&h, "thresholds.levels[0].extra[0].kind").await;
    assert_eq!(kind.as_str(), Some("single-layoff"));

    h.open("#/dashboard").await;
    let month = h.wait_for_css("#month-select").await;
    month.select_by_value("2025-06").await.unwrap();
    h.wait_for_css("#effective-level [data-status='1']").await;
    let met = h
        .text(".criterion[data-criterion='other'] li[data-clause='滨江单裁-1']")
        .await;
    assert!(met.contains("滨江单裁-1"), "{met}");
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn the_plan_editor_at_a_phone_and_a_meeting_room_width() {
    let h = Harness::start().await;
    open_editor(&h).await;
    // Every input labelled, every control named, in the open editor.
    crate::a11y::assert_accessible(&h, "the plan editor").await;
    h.screenshots_at_sizes("plan-editor", "#pe-levels", Some("#plan-editor > summary"))
        .await;
    h.screenshots_at_sizes(
        "plan-editor-measures",
        "#pe-measures",
        Some("#plan-editor > summary"),
    )
    .await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_plan_edit_during_a_response_is_in_its_audit_trail() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.js("localStorage.setItem('uew.clock', '2025-06-23 20:30'); localStorage.setItem('uew.user', '演练组 孙八'); return true;")
        .await;
    // An exercise response at level 2 on June 2025.
    h.open("#/playbook").await;
    h.wait_for_css("#pb-basis-month")
        .await
        .select_by_value("2025-06")
        .await
        .unwrap();
    h.wait_for_css("#pb-allowed[data-level='2']").await;
    h.wait_for_css("#pb-level")
        .await
        .select_by_value("2")
        .await
        .unwrap();
    h.click("#pb-exercise").await;
    h.js("const el = document.querySelector('#pb-approver'); el.value = '李四（副区长）'; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); return true;")
        .await;
    h.click("#pb-activate").await;
    h.click("#pb-activate-confirm").await;
    h.wait_for_js("document.querySelectorAll('#pb-audit-list li').length === 1")
        .await;

    open_editor(&h).await;
    set_field(&h, "#pe-l3-a-min", "4.4").await;
    h.wait_for_css("#pe-outcome[role='status']").await;
    h.open("#/playbook").await;
    h.wait_for_js("document.querySelectorAll('#pb-audit-list li').length === 2")
        .await;
    let trail = h.text("#pb-audit-list").await;
    assert!(
        trail.contains("预案已修改：三级 · 失业率 · 阈值") && trail.contains("演练组 孙八"),
        "{trail}"
    );
    let kinds = h
        .stored("return s.response.audit.map(e => e.event.kind);")
        .await;
    assert_eq!(kinds, serde_json::json!(["activated", "plan-changed"]));
    h.assert_no_errors().await;
    h.finish().await;
}

/// The status badge of a street's card on the dashboard (`none`, `1`, `2`, `3`, …).
async fn street_status(h: &Harness, street: &str) -> String {
    let css = format!(".street-card[data-street='{street}'] [data-status]");
    h.attr(&css, "data-status").await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_street_s_own_plan_written_in_the_editor_evaluates_that_street_alone() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.wait_for_css("#effective-level [data-status='none']")
        .await;
    assert_eq!(street_status(&h, "xixing").await, "none");
    let puyan = street_status(&h, "puyan").await;
    // §9: Xixing writes its own levels in the same editor; it follows the district's so far.
    open_editor(&h).await;
    choose(&h, "#pe-whose", "xixing").await;
    assert!(h.text(".pe-street-note").await.contains("沿用区级"));
    assert!(
        h.js("return !document.querySelector('#pe-indicators, #pe-hq');")
            .await
            .as_bool()
            .unwrap_or(false),
        "a street's plan shows its levels only"
    );
    set_field(&h, "#pe-l3-a-min", "1.5").await;
    h.wait_for_css("#pe-outcome[role='status']").await;
    let own = h
        .stored("return s.dataset.street_thresholds.xixing.levels[2].rate.min_rate;")
        .await;
    assert_eq!(own.as_str(), Some("1.5"));
    assert_eq!(
        stored(&h, "thresholds").await,
        serde_json::Value::Null,
        "the district's plan is still the preset, stored by reference"
    );
    h.wait_for_js("document.querySelector('.pe-street-note').textContent.includes('有自己的')")
        .await;
    assert!(h
        .text("#pe-whose")
        .await
        .contains("西兴街道（自有分级标准）"));
    h.screenshot("plan-editor-street-own-zh").await;
    // The dashboard: Xixing at level 3 by its own table; the district and Puyan as before.
    h.open("#/dashboard").await;
    h.wait_for_css(".street-card[data-street='xixing'] [data-status='3']")
        .await;
    h.wait_for_css("#effective-level [data-status='none']")
        .await;
    assert_eq!(street_status(&h, "puyan").await, puyan);
    h.click(".street-card[data-street='xixing']").await;
    h.wait_for_js("document.body.innerText.includes('采用本街道预案标准（§9）')")
        .await;
    // In English: the street drops its own table and follows the district's again.
    h.click(".lang-switch button[lang='en']").await;
    h.wait_for_js("document.documentElement.lang === 'en'")
        .await;
    open_editor(&h).await;
    choose(&h, "#pe-whose", "xixing").await;
    assert!(h
        .text(".pe-street-note")
        .await
        .contains("has its own levels"));
    h.click("#pe-street-follow").await;
    h.wait_for_js(
        "document.querySelector('.pe-street-note').textContent.includes('follows the district')",
    )
    .await;
    let gone = h
        .stored("return s.dataset.street_thresholds === undefined;")
        .await;
    assert_eq!(gone.as_bool(), Some(true));
    h.open("#/dashboard").await;
    assert_eq!(street_status(&h, "xixing").await, "none");
    h.assert_no_errors().await;
    h.finish().await;
}
