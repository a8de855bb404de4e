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
