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

    h.client
        .find(Locator::Css("#unit-filter"))
        .await
        .unwrap()
        .select_by_value("finance")
        .await
        .unwrap();
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
    let stored = b
        .js("return JSON.parse(localStorage.getItem('uew.snapshot')).plan.thresholds.levels.length;")
        .await;
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
        b.js("return JSON.parse(localStorage.getItem('uew.snapshot')).plan.thresholds.levels[3].rate.min_rate;")
            .await
            .as_str(),
        Some("4")
    );
    b.screenshot("plan-imported").await;
    b.assert_no_errors().await;
    b.finish().await;
}
