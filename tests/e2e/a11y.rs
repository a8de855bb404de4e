//! The accessibility check: axe-core (pinned, installed by `scripts/setup.sh --test` into
//! `.tools/axe/`) runs in every page of the app in both languages, against the WCAG 2.0/2.1
//! A and AA rules; any serious or critical violation fails, named with the elements it hit.

use crate::support::Harness;
use std::path::Path;

/// Every route of `src/ui/route.rs` with an element that is there once the page has drawn.
const PAGES: [(&str, &str); 6] = [
    ("#/dashboard", ".dashboard"),
    ("#/data", ".data-view"),
    ("#/scenarios", ".scenarios"),
    ("#/playbook", ".pb-page"),
    ("#/snapshots", ".snapshots-view"),
    ("#/plan", ".plan-view"),
];

fn axe_source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `bash scripts/setup.sh --test`",
            path.display()
        )
    })
}

/// The serious and critical violations on the page as it is: rule, help and up to five of the
/// elements it hit. Fails when axe checked nothing (a check that cannot fail is no check).
async fn violations(h: &Harness, axe: &str) -> Vec<String> {
    h.js(&format!(
        "if (!window.axe) {{ {axe} }} return !!window.axe;"
    ))
    .await;
    let found = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, {
               runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
               resultTypes: ['violations'],
             }).then(r => done({
                 checked: r.passes.length + r.violations.length,
                 minor: r.violations.filter(v => v.impact !== 'serious' && v.impact !== 'critical')
                     .map(v => `${v.id} (${v.impact})`),
                 found: r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                          v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')),
               }),
               e => done({ checked: 0, minor: [], found: ['axe failed: ' + e] }));",
            vec![],
        )
        .await
        .unwrap();
    let checked = found["checked"].as_u64().unwrap_or(0);
    assert!(checked > 10, "axe checked {checked} rules: {found}");
    if found["minor"].as_array().is_some_and(|m| !m.is_empty()) {
        eprintln!("moderate or minor: {}", found["minor"]);
    }
    serde_json::from_value(found["found"].clone()).unwrap()
}

/// Fails on any serious or critical violation in the page as it is now (for journeys that
/// reach states no route shows on its own: a running response, an open confirmation).
pub async fn assert_accessible(h: &Harness, what: &str) {
    let found = violations(h, &axe_source()).await;
    assert!(
        found.is_empty(),
        "accessibility violations in {what}:\n{}",
        found.join("\n")
    );
}

#[tokio::test]
#[ignore = "needs dist/, chromium, chromedriver and axe-core (scripts/test.sh)"]
async fn every_page_passes_the_accessibility_check_in_both_languages() {
    let axe = axe_source();
    let h = Harness::start().await;
    let mut failures = Vec::new();
    for lang in ["zh-CN", "en"] {
        for (route, ready) in PAGES {
            h.open(route).await;
            if lang == "en" {
                // The choice is remembered, so one click covers the pages after it.
                h.click(".lang-switch button[lang='en']").await;
                h.wait_for_js("document.documentElement.lang === 'en'")
                    .await;
            }
            h.wait_for_css(ready).await;
            for v in violations(&h, &axe).await {
                failures.push(format!("{lang} {route}: {v}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "accessibility violations (serious or critical):\n{}",
        failures.join("\n")
    );
    h.assert_no_errors().await;
    h.finish().await;
}
