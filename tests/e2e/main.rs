//! End-to-end tests: the release build in headless Chromium, driven over WebDriver.
//! Run by `bash scripts/test.sh` (which builds dist/ first); screenshots go to target/screenshots/.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed step should fail the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod a11y;
mod city;
mod entry;
mod forecast;
mod hardening;
mod meeting;
mod offline;
mod plan;
mod playbook;
mod scale;
mod scenarios;
mod snapshots;
mod storage;
mod support;
mod workspace;
mod xlsx;
