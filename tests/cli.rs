//! The `uew` command line: evaluates the sample snapshot, prints the demo, and refuses bad input
//! with the JSON path and exit code 2.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::process::Command;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample-snapshot.json");

fn uew(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_uew"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn evaluates_the_sample_snapshot() {
    let (code, out, err) = uew(&["evaluate", SAMPLE, "--from", "2025-05", "--to", "2025-08"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scope"], "district");
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 4);
    assert_eq!(months[1]["month"], "2025-06");
    assert_eq!(months[1]["effective"]["level"], "2");
    assert_eq!(months[1]["decided_by"], "indicators");
    assert_eq!(months[1]["closures"]["checks"][1]["clause"], "§5.1-L2-b");
    assert_eq!(months[1]["closures"]["total_unemployed"], 10_500);
    // The first month is compared with the month before the range.
    let kinds: Vec<&str> = v["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["raised", "escalated", "de-escalated"]);

    let (code, out, _) = uew(&["evaluate", SAMPLE, "--scope", "xixing"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scope"], "xixing");
    assert_eq!(v["months"].as_array().unwrap().len(), 58);
    // The district's id is the district scope.
    let (_, out, _) = uew(&[
        "evaluate", SAMPLE, "--scope", "binjiang", "--from", "2026-10",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scope"], "district");
}

#[test]
fn demo_prints_the_sample() {
    let (code, out, _) = uew(&["demo"]);
    assert_eq!(code, 0);
    assert_eq!(out, std::fs::read_to_string(SAMPLE).unwrap());
}

#[test]
fn bad_input_names_the_json_path_and_exits_2() {
    let dir = std::env::temp_dir().join(format!("uew-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(SAMPLE).unwrap().replacen(
        "\"month\": \"2022-01\"",
        "\"month\": \"2022-13\"",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let (code, _, err) = uew(&["evaluate", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("at dataset.observations[0].month (line "),
        "{err}"
    );
    assert!(err.contains("month outside 1–12"), "{err}");

    std::fs::write(&bad, "{\"format\": \"something-else\"}").unwrap();
    let (code, _, err) = uew(&["evaluate", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("at format"), "{err}");

    for args in [
        vec!["evaluate"],
        vec!["evaluate", SAMPLE, "--from", "2025-13"],
        vec!["evaluate", SAMPLE, "--scope", "nowhere"],
        vec!["evaluate", SAMPLE, "--from", "2025-05", "--to", "2025-01"],
        vec!["frobnicate"],
        vec![],
    ] {
        let (code, _, err) = uew(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("uew: "), "{err}");
    }
    let (code, _, err) = uew(&["evaluate", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn forecast_prints_the_backtest_the_choice_and_the_projection() {
    let (code, out, err) = uew(&["forecast", SAMPLE, "--scope", "district", "--horizon", "6"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scope"], "district");
    assert_eq!(v["horizon"], 6);
    assert_eq!(v["window"], 24);
    let candidates = v["candidates"].as_array().unwrap();
    let ids: Vec<&str> = candidates
        .iter()
        .map(|c| c["method"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "naive",
            "seasonal-naive",
            "seasonal-steps",
            "damped-trend",
            "holt-winters"
        ]
    );
    // Every judged candidate has an error per horizon; the choice is no worse than naive.
    let mean = |id: &str| {
        candidates.iter().find(|c| c["method"] == id).unwrap()["mean_mae"]
            .as_f64()
            .unwrap()
    };
    for c in candidates {
        assert_eq!(c["mae"].as_array().unwrap().len(), 6, "{c}");
    }
    let chosen = v["chosen"].as_str().unwrap();
    assert!(mean(chosen) <= mean("naive"));
    let projection = v["projection"].as_array().unwrap();
    assert_eq!(projection.len(), 6);
    assert_eq!(v["last_observed"], "2026-10");
    assert_eq!(projection[0]["month"], "2026-11");
    assert!(projection
        .iter()
        .all(|p| p["low"].as_f64() <= p["value"].as_f64()
            && p["value"].as_f64() <= p["high"].as_f64()));
    assert_eq!(v["reach"].as_array().unwrap().len(), 3);

    let (code, _, err) = uew(&["forecast", SAMPLE, "--horizon", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--horizon"), "{err}");
    let (code, _, err) = uew(&["forecast", SAMPLE, "--scope", "nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("no region"), "{err}");
}

/// A file in a fresh temporary directory (removed with the test process's temp dir).
fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("uew-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn plan_check_names_the_item_and_exits_2_on_errors() {
    // A preset is clean.
    let (code, zhuhai, _) = uew(&["plan", "preset", "zhuhai-2006"]);
    assert_eq!(code, 0);
    let file = temp_file("zhuhai.json", &zhuhai);
    let (code, out, err) = uew(&["plan", "check", &file]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no problems"), "{out}");

    // A milder level stricter than a more severe one: a warning, exit 0.
    let mut plan: serde_json::Value = serde_json::from_str(&zhuhai).unwrap();
    plan["thresholds"]["levels"][2]["rate"]["min_rate"] = "8".into();
    let file = temp_file("stricter.json", &plan.to_string());
    let (code, out, _) = uew(&["plan", "check", &file]);
    assert_eq!(code, 0);
    assert!(out.contains("warning · Level Ⅲ · rate Z-Ⅲ-a"), "{out}");
    assert!(out.contains("提醒 · Ⅲ级"), "{out}");

    // A level without criteria: an error naming it, exit 2.
    plan["thresholds"]["levels"][3]["rate"] = serde_json::Value::Null;
    let file = temp_file("empty-level.json", &plan.to_string());
    let (code, _, err) = uew(&["plan", "check", &file]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error · Level Ⅳ (Z-Ⅳ): has no criteria"),
        "{err}"
    );
    assert!(err.contains("错误 · Ⅳ级（Z-Ⅳ）：没有任何判定条件"), "{err}");

    // Not a plan at all.
    let file = temp_file("not-a-plan.json", "{\"id\": 3}");
    let (code, _, err) = uew(&["plan", "check", &file]);
    assert_eq!(code, 2);
    assert!(err.contains("not a valid plan file"), "{err}");
}

#[test]
fn evaluates_a_snapshot_with_any_plan() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/snapshots/v4-zhuhai.json"
    );
    let (code, out, err) = uew(&["evaluate", file, "--from", "2026-10", "--to", "2026-10"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plan"], "zhuhai-2006");
    let month = &v["months"][0];
    let checks = month["other"]["checks"].as_array().unwrap();
    assert!(checks
        .iter()
        .any(|c| c["clause"] == "Z-Ⅲ-c" && c["result"] == "met"));
    assert!(month["rate"]["checks"][0]["clause"] == "Z-Ⅰ-a");
}
