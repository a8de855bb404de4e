//! Snapshots and sharing: export → clear → import gives the same dashboard; a share link opens
//! the same levels in a fresh profile, read-only; every bad file is refused with stored data
//! left byte-identical.

use crate::support::Harness;

const STORED: &str = "return text;";

async fn effective(h: &Harness) -> String {
    h.wait_for_css("#effective-level .level-badge").await;
    h.text("#effective-level").await
}

/// Sets the district's rate in two months (a level-2 situation) through the grid.
async fn make_level_2(h: &Harness) {
    h.open("#/data").await;
    for m in ["2026-09", "2026-10"] {
        let css = format!("#entry-grid input[data-region='binjiang'][data-month='{m}']");
        let el = h.wait_for_css(&css).await;
        el.clear().await.unwrap();
        el.send_keys("5.6\u{E007}").await.unwrap();
        h.wait_for_js(&format!(
            "document.querySelector(\"{css}\") && document.querySelector(\"{css}\").value === '5.6'"
        ))
        .await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn export_clear_import_gives_the_same_dashboard() {
    let h = Harness::start().await;
    make_level_2(&h).await;
    h.open("#/dashboard").await;
    let before = effective(&h).await;
    assert!(before.contains("二级"), "{before}");

    let file = h.export_snapshot().await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"format\": \"uew-snapshot\""));

    // A browser that lost its data: the sample comes back.
    h.clear_storage().await;
    h.client.refresh().await.unwrap();
    h.open("#/dashboard").await;
    assert!(!effective(&h).await.contains("二级"));

    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview").await;
    h.wait_for_css("#snapshot-replace")
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_css("#restore-backup").await;
    h.open("#/dashboard").await;
    assert_eq!(effective(&h).await, before);
    h.screenshot("snapshots-imported").await;
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_share_link_opens_the_same_levels_read_only_in_a_fresh_profile() {
    let a = Harness::start().await;
    make_level_2(&a).await;
    a.open("#/dashboard").await;
    let level = effective(&a).await;
    a.open("#/snapshots").await;
    a.wait_for_css("#make-link").await.click().await.unwrap();
    let link = a
        .wait_for_css("#share-link")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(link.contains("#share=v1."), "{link}");
    let fragment = link.split('#').nth(1).unwrap().to_owned();
    a.finish().await;

    let b = Harness::start().await;
    b.open(&format!("#{fragment}")).await;
    b.wait_for_css("#banner-shared").await;
    assert_eq!(effective(&b).await, level);
    // Nothing of the shared data was stored in the new profile.
    let stored = b.stored(STORED).await;
    assert!(
        stored.as_str().is_none_or(|s| !s.contains("\"5.6\"")),
        "the shared view is not saved"
    );
    b.screenshot("share-link-opened").await;
    // "Save as my copy" keeps it.
    b.wait_for_css("#save-my-copy").await.click().await.unwrap();
    b.wait_for_js("!document.querySelector('#banner-shared')")
        .await;
    let stored = b.stored(STORED).await;
    assert!(stored.as_str().unwrap().contains("\"5.6\""));
    b.assert_no_errors().await;
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn every_bad_fixture_is_refused_and_stored_data_is_untouched() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/snapshots");
    // Files that open (possibly read-only or with warnings) rather than being refused.
    let openable = [
        "valid-small.json",
        "v1.json",
        "v2.json",
        "v3.json",
        "v4-zhuhai.json",
        "unknown-fields.json",
        "newer-version.json",
        "script-name.json",
    ];
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    let stored = h.stored(STORED).await;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json") && !openable.contains(&n.as_str()))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    for name in &names {
        h.import_file(&dir.join(name)).await;
        h.wait_for_js(&format!(
            "document.querySelector('#snapshot-message') && document.querySelector('#snapshot-message').textContent.startsWith('{name}')"
        ))
        .await;
        let msg = h.text("#snapshot-message").await;
        assert!(
            msg.len() > name.len() + 8,
            "{name}: a message says what is wrong: {msg}"
        );
        assert!(
            h.js("return !document.querySelector('#snapshot-preview');")
                .await
                == serde_json::Value::Bool(true),
            "{name}: no preview for a refused file"
        );
        assert_eq!(
            h.stored(STORED).await,
            stored,
            "{name}: stored data unchanged"
        );
    }
    h.screenshot("snapshots-refused").await;

    // Markup in a name is shown as text: no element is created from it.
    h.import_file(&dir.join("script-name.json")).await;
    h.wait_for_css("#snapshot-preview").await;
    h.wait_for_css("#snapshot-replace")
        .await
        .click()
        .await
        .unwrap();
    h.open("#/data").await;
    h.wait_for_css("#region-tree").await;
    let injected = h
        .js("return document.querySelectorAll('#region-tree script, #region-tree img').length;")
        .await;
    assert_eq!(injected.as_u64(), Some(0));
    assert!(h.text("#region-tree").await.contains('<'));
    h.assert_no_errors().await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_merge_conflict_names_the_region_the_figure_and_which_side_is_mine() {
    let h = Harness::start().await;
    make_level_2(&h).await;
    let file = h.export_snapshot().await;
    // The same month typed differently here after the export: a conflict on merge.
    h.open("#/data").await;
    let css = "#entry-grid input[data-region='binjiang'][data-month='2026-10']";
    let el = h.wait_for_css(css).await;
    el.clear().await.unwrap();
    el.send_keys("5.7\u{E007}").await.unwrap();
    h.wait_for_js(&format!(
        "document.querySelector(\"{css}\") && document.querySelector(\"{css}\").value === '5.7'"
    ))
    .await;
    h.open("#/snapshots").await;
    h.import_file(&file).await;
    h.wait_for_css("#snapshot-preview li.conflict").await;
    let conflict = h.text("#snapshot-preview li.conflict").await;
    assert!(
        conflict.contains("滨江区 2026-10")
            && conflict.contains("登记失业率")
            && conflict.contains("本地 5.7 ↔ 导入 5.6"),
        "{conflict}"
    );
    assert!(
        !conflict.contains("binjiang"),
        "an id on screen: {conflict}"
    );
    assert!(!conflict.contains("registered_rate"), "{conflict}");
    h.screenshots_at_sizes("snapshots-conflict", "#snapshot-preview li.conflict", None)
        .await;
    h.assert_no_errors().await;
    h.finish().await;
}
