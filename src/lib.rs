//! 失业预警 · Unemployment Early Warning.
//!
//! The Binjiang District unemployment emergency plan made executable. Data flows one way:
//! snapshot (input data + plan) → evaluation (the pure rules engine) → views. Everything but the
//! `ui` module is plain Rust that runs natively (tests, CLI, benchmarks) and in WebAssembly.

#[macro_use]
pub mod i18n;
pub mod num;
pub mod plan;
pub mod pretty;

pub mod charts;
pub mod csv;
pub mod demo;
pub mod edit;
pub mod entry;
pub mod explain;
pub mod forecast;
pub mod listing;
pub mod model;
pub mod month;
pub mod paste;
pub mod response;
pub mod rules;
pub mod scenario;
pub mod snapshot;
pub mod sort;
pub mod synthetic;
#[macro_use]
pub mod tag_first;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod workspace;
pub mod xlsx;
