//! The snapshot: one JSON document holding the plan and the dataset, with a format id and a
//! schema version. How the app saves, exports and shares its state (`docs/snapshot.md`).
//!
//! Every text read is untrusted: [`Snapshot::open`] checks size, nesting and string length
//! before parsing, counts rows before building them, parses, migrates an older version
//! forward, and validates ([`validate`]) before anything is returned. A newer version opens
//! read-only. Unknown fields are ignored and reported as warnings.

mod diff;
mod error;
mod field;
mod order;
mod probe;
pub mod records;
mod scan;
mod shape;
pub mod share;
mod validate;

pub use diff::{
    diff, Counts, FieldDiff, ImportPlan, ItemDiff, ItemKey, ItemKind, MergeError, Merged,
    ReplaceImpact, Resolution, Resolutions, Status, Summary,
};
pub use error::SnapshotError;
pub use validate::{
    first_error_in, validate, Limits, Part, Problem, ProblemKind, Severity, MAX_PROBLEMS,
};

use crate::i18n::Lang;
use crate::model::{Dataset, RegionKind, Scope};
use crate::plan::{Plan, Text};
use crate::response::ResponseState;
use crate::scenario::Scenarios;
use probe::{Probe, Scalar};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The value of [`Snapshot::format`].
pub const FORMAT: &str = "uew-snapshot";
/// The schema version this build writes. It reads every version from 1 up to this one
/// (migrating older ones) and opens newer ones read-only.
pub const SCHEMA_VERSION: u32 = 5;

/// The id under which the built-in plan may be referred to instead of written out
/// (`plan_ref`), as share links do. Since version 4 any preset id of
/// [`crate::plan::presets::ALL`] may be referred to the same way.
pub const BUILTIN_PLAN_REF: &str = "binjiang-2020";

/// Keys this version reads at the top level; others are reported as unknown.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "format",
    "schema_version",
    "app_version",
    "created",
    "scope",
    "source",
    "note",
    "plan",
    "plan_ref",
    "dataset",
    "scenarios",
    "response",
];

/// Keys this version reads in `dataset`.
pub const DATASET_KEYS: &[&str] = &[
    "regions",
    "observations",
    "closures",
    "layoffs",
    "city_warnings",
    "special_determinations",
    "street_thresholds",
    "indicator_values",
];

/// Everything needed to reproduce an evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SnapshotIn")]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    pub schema_version: u32,
    /// The version of the app that wrote it.
    pub app_version: String,
    /// When it was written (RFC 3339).
    pub created: String,
    /// What the dataset covers: the whole district, or one street (a street office's export
    /// for the district, §4.4). Since version 2; version 1 snapshots are the district.
    pub scope: Scope,
    /// Who wrote it (an office), free text. Since version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note for the recipient. Since version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub plan: Plan,
    pub dataset: Dataset,
    /// The what-if scenarios (exercises over this dataset). Since version 3.
    #[serde(default, skip_serializing_if = "Scenarios::is_empty")]
    pub scenarios: Scenarios,
    /// The response record and its audit trail (§5.2–§7). Since version 3.
    #[serde(default, skip_serializing_if = "ResponseState::is_empty")]
    pub response: ResponseState,
}

/// The snapshot as read: `plan` or (since version 2) `plan_ref`, the version-2 fields optional.
#[derive(Deserialize)]
pub(crate) struct SnapshotIn {
    format: String,
    schema_version: u32,
    app_version: String,
    created: String,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    plan: Option<Plan>,
    #[serde(default)]
    plan_ref: Option<String>,
    dataset: Dataset,
    #[serde(default)]
    scenarios: Scenarios,
    #[serde(default)]
    response: ResponseState,
}

/// Why the `plan` of a snapshot could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PlanIssue {
    Missing,
    UnknownRef(String),
}

impl PlanIssue {
    fn detail(&self) -> Text {
        match self {
            PlanIssue::Missing => Text::new(
                "缺少 plan（或 plan_ref）",
                "neither `plan` nor `plan_ref` is given; expected one of them",
            ),
            PlanIssue::UnknownRef(r) => {
                let ids = crate::plan::presets::ALL
                    .iter()
                    .map(|id| format!("\"{id}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                Text {
                    zh: format!("未知的内置预案“{r}”；应为 {ids} 之一"),
                    en: format!("unknown built-in plan '{r}'; expected one of {ids}"),
                }
            }
        }
    }
}

impl std::fmt::Display for PlanIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail().en)
    }
}

impl SnapshotIn {
    fn into_snapshot(self) -> Result<Snapshot, PlanIssue> {
        let plan = match (self.plan, self.plan_ref) {
            (Some(p), _) => p,
            (None, Some(r)) => match Plan::preset(&r) {
                Some(p) => p,
                None => return Err(PlanIssue::UnknownRef(r)),
            },
            (None, None) => return Err(PlanIssue::Missing),
        };
        Ok(Snapshot {
            format: self.format,
            schema_version: self.schema_version,
            app_version: self.app_version,
            created: self.created,
            scope: self.scope.unwrap_or(Scope::District),
            source: self.source,
            note: self.note,
            plan,
            dataset: self.dataset,
            scenarios: self.scenarios,
            response: self.response,
        })
    }
}

impl TryFrom<SnapshotIn> for Snapshot {
    type Error = String;
    fn try_from(s: SnapshotIn) -> Result<Snapshot, String> {
        s.into_snapshot().map_err(|e| e.to_string())
    }
}

/// The snapshot as written compactly: the built-in plan by reference.
#[derive(Serialize)]
struct SnapshotOut<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    created: &'a str,
    scope: &'a Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a Plan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_ref: Option<&'static str>,
    dataset: &'a Dataset,
    #[serde(skip_serializing_if = "Scenarios::is_empty")]
    scenarios: &'a Scenarios,
    #[serde(skip_serializing_if = "ResponseState::is_empty")]
    response: &'a ResponseState,
}

/// Why a snapshot opens read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Written by a newer schema version: what this build understood is shown, but saving it
    /// would drop what it did not, so it must never overwrite stored data.
    NewerVersion { found: u32, supported: u32 },
}

impl ReadOnlyReason {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReadOnlyReason::NewerVersion { found, supported }, Lang::Zh) => format!(
                "此快照由较新版本的应用写入（格式版本 {found}，本版本为 {supported}），以只读方式打开：本版本不认识的内容未显示，也不会保存。请更新应用后再编辑。"
            ),
            (ReadOnlyReason::NewerVersion { found, supported }, Lang::En) => format!(
                "This snapshot was written by a newer version of the app (format version {found}; this build writes {supported}) and opens read-only: what this build does not know is not shown and would not be saved. Update the app to edit it."
            ),
        }
    }

    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

/// A snapshot opened from a text, with what happened on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// Always of [`SCHEMA_VERSION`] when `read_only` is `None`; a newer one keeps its version.
    pub snapshot: Snapshot,
    /// The version it was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// Set when it must not be saved over stored data.
    pub read_only: Option<ReadOnlyReason>,
    /// Problems that did not stop reading: unknown fields, repeated months, data outside a
    /// street snapshot's scope.
    pub warnings: Vec<Problem>,
}

fn invalid_from_serde(text: &str, e: &serde_json::Error) -> SnapshotError {
    let end = scan::offset_from_serde(text, e.line(), e.column());
    let (path, closed) = scan::path_at_closing(text, end);
    let mut pos = scan::position(text, end);
    if closed {
        // A missing field: point at the start of the object that lacks it.
        let wanted: HashSet<&str> = [path.as_str()].into_iter().collect();
        if let Some(line) = scan::lines_of(text, &wanted).get(&path) {
            pos = scan::Position {
                line: *line,
                column: 1,
            };
        }
    }
    SnapshotError::Invalid {
        detail: error::describe(e, &path),
        path,
        line: pos.line,
        column: pos.column,
        message: error::without_position(e),
    }
}

/// `text` without a leading UTF-8 byte-order mark: every reader of user text accepts one.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// File bytes as snapshot text: UTF-8, with or without a byte-order mark. UTF-16 and other
/// encodings (GB18030 from an old editor) are named as such, with the line and column of the
/// first byte that is not UTF-8, rather than reported as bad JSON.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, SnapshotError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let (valid, detail) = match std::str::from_utf8(bytes) {
        Ok(text) if !utf16 => return Ok(strip_bom(text)),
        _ if utf16 => (
            "",
            Text::new(
                "文件为 UTF-16 编码；请另存为 UTF-8",
                "the file is UTF-16: save it as UTF-8",
            ),
        ),
        Ok(_) => ("", Text::new("", "")),
        Err(e) => (
            // `valid_up_to` is a character boundary of valid UTF-8 by definition.
            std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default(),
            Text::new(
                "文件不是 UTF-8 编码（可能是 GB18030）；请另存为 UTF-8",
                "the file is not UTF-8 (GB18030 or another encoding?): save it as UTF-8",
            ),
        ),
    };
    let pos = scan::position(valid, valid.len());
    Err(SnapshotError::Invalid {
        path: ".".to_owned(),
        line: pos.line,
        column: pos.column,
        message: detail.en.clone(),
        detail,
    })
}

/// An error about the value at `path`, placed at the line where that path starts.
fn invalid_at(text: &str, path: &str, detail: Text) -> SnapshotError {
    let wanted: HashSet<&str> = [path].into_iter().collect();
    let line = scan::lines_of(text, &wanted)
        .get(path)
        .copied()
        .unwrap_or(1);
    SnapshotError::Invalid {
        path: path.to_owned(),
        line,
        column: 1,
        message: detail.en.clone(),
        detail,
    }
}

/// A list given where an object belongs ([`shape`]).
fn list_for_object(text: &str, path: &str) -> SnapshotError {
    let mut detail = Text {
        zh: "类型或取值不符（实为列表）；应为对象（{ … }）".into(),
        en: "wrong type or value (found a list); expected an object ({ … })".into(),
    };
    if let Some(x) = error::expected(path) {
        detail.zh = format!("类型或取值不符（实为列表）；应为{}", x.zh);
        detail.en = format!("wrong type or value (found a list); expected {}", x.en);
    }
    let key = path.rsplit('.').next().unwrap_or(path);
    let key = key.split('[').next().unwrap_or(key);
    match (
        invalid_at(text, path, detail),
        field::key_position(text, path, key),
    ) {
        (
            SnapshotError::Invalid {
                path,
                message,
                detail,
                ..
            },
            Some((line, column)),
        ) => SnapshotError::Invalid {
            path,
            line,
            column,
            message,
            detail,
        },
        (e, _) => e,
    }
}

/// Fills in the line of each problem (one pass over the text for all of them).
fn place(text: &str, problems: &mut [Problem]) {
    let wanted: HashSet<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    if wanted.is_empty() {
        return;
    }
    let lines = scan::lines_of(text, &wanted);
    for p in problems.iter_mut() {
        p.line = lines.get(&p.path).copied();
    }
}

/// Brings an older snapshot to [`SCHEMA_VERSION`], one version at a time.
///
/// Version 1 → 2 added `scope`, `source`, `note` and `plan_ref`, all optional: a version 1
/// document reads as version 2 as it is, and was always of the whole district.
/// Version 2 → 3 added `scenarios` and `response`, both optional and empty when absent.
/// Version 3 → 4 made the plan's level table a model of its own (`docs/rules.md`): 1–5
/// levels with a label and colour, each criterion optional, a comparison and series on the
/// rate criterion, single-enterprise and own-indicator criteria (`extra`), the plan's
/// `indicators`, `response_from` and `source`, the dataset's `indicator_values`, and
/// `plan_ref` naming any preset. Every addition is optional and a version 3 table (three
/// levels, each with its three criteria) is a version 4 table as it is, street tables too.
/// Version 4 → 5 added the audit line `plan-changed` (the plan changed while a response ran):
/// a version 4 document is a version 5 one as it is; the new number makes an older build open
/// a trail holding that line read-only instead of refusing it.
fn migrate(mut snap: Snapshot, from: u32) -> Snapshot {
    let mut v = from;
    while v < SCHEMA_VERSION {
        if v == 1 {
            snap.scope = Scope::District;
        }
        v += 1;
    }
    snap.schema_version = SCHEMA_VERSION;
    snap
}

impl Snapshot {
    /// A snapshot of `plan` and `dataset` (the whole district) written now by this build;
    /// `created` is RFC 3339.
    pub fn new(plan: Plan, dataset: Dataset, created: &str) -> Snapshot {
        Snapshot {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created: created.to_owned(),
            scope: Scope::District,
            source: None,
            note: None,
            plan,
            dataset,
            scenarios: Scenarios::new(),
            response: ResponseState::new(),
        }
    }

    /// Opens a snapshot text under the default [`Limits`]; see [`Snapshot::open_with`].
    pub fn open(text: &str) -> Result<Opened, SnapshotError> {
        Snapshot::open_with(text, &Limits::DEFAULT)
    }

    /// Opens a snapshot text: checks its size, nesting, strings and rows, parses it, migrates an
    /// older version, opens a newer one read-only, and validates it. Every error names the
    /// JSON path and line and what was expected; nothing is returned half-read.
    pub fn open_with(text: &str, limits: &Limits) -> Result<Opened, SnapshotError> {
        // A byte-order mark is what Windows Notepad writes when a file is fixed by hand.
        let text = strip_bom(text);
        if text.len() > limits.max_bytes {
            return Err(SnapshotError::TooLarge {
                bytes: text.len(),
                max: limits.max_bytes,
            });
        }
        if let Some((end, over)) = scan::prescan(text, limits.max_depth, limits.max_string_chars) {
            let path = scan::path_at(text, end);
            let pos = scan::position(text, end);
            return Err(match over {
                scan::Over::Depth => SnapshotError::TooDeep {
                    path,
                    line: pos.line,
                    column: pos.column,
                    max: limits.max_depth,
                },
                scan::Over::String { .. } => SnapshotError::StringTooLong {
                    path,
                    line: pos.line,
                    column: pos.column,
                    max: limits.max_string_chars,
                },
            });
        }
        // The header and the row counts first, so that a file of another kind or version is
        // named as such rather than by the first field that does not fit, and no row is built
        // beyond the limits.
        let probe = Probe::read(text)
            .map_err(|e| field::refine::<SnapshotIn>(text, invalid_from_serde(text, &e)))?;
        if !probe.is_object {
            return Err(invalid_at(
                text,
                ".",
                Text::new(
                    "快照应为一个 JSON 对象（以 { 开头）",
                    "expected a snapshot: a JSON object (starting with {)",
                ),
            ));
        }
        match &probe.format {
            Scalar::Str(f) if f == FORMAT => {}
            Scalar::Str(f) => return Err(SnapshotError::NotASnapshot { format: f.clone() }),
            _ => {
                return Err(SnapshotError::NotASnapshot {
                    format: String::new(),
                })
            }
        }
        let version = match probe.schema_version {
            Scalar::Int(v) => u32::try_from(v).unwrap_or(u32::MAX),
            Scalar::Missing => {
                return Err(invalid_at(
                    text,
                    ".",
                    Text {
                        zh: "缺少必填字段“schema_version”".into(),
                        en: "the required field `schema_version` is missing".into(),
                    },
                ))
            }
            _ => {
                return Err(invalid_at(
                    text,
                    "schema_version",
                    error::expected("schema_version").unwrap_or_default(),
                ))
            }
        };
        if version == 0 {
            return Err(SnapshotError::UnsupportedVersion {
                found: 0,
                supported: SCHEMA_VERSION,
            });
        }
        let mut too_many: Vec<Problem> = probe
            .rows
            .iter()
            .filter_map(|(key, n)| {
                let max = limits.rows(key)?;
                (*n > max).then(|| Problem {
                    severity: Severity::Error,
                    path: format!("dataset.{key}"),
                    line: None,
                    kind: ProblemKind::TooMany { found: *n, max },
                })
            })
            .collect();
        if !too_many.is_empty() {
            place(text, &mut too_many);
            let total = too_many.len();
            return Err(SnapshotError::Problems {
                problems: too_many,
                total,
            });
        }

        let newer = version > SCHEMA_VERSION;
        let read = |text: &str| -> Result<Snapshot, SnapshotError> {
            let raw: SnapshotIn = serde_json::from_str(text)
                .map_err(|e| field::refine::<SnapshotIn>(text, invalid_from_serde(text, &e)))?;
            let snap = raw.into_snapshot().map_err(|issue| {
                let path = match issue {
                    PlanIssue::Missing => ".",
                    PlanIssue::UnknownRef(_) => "plan_ref",
                };
                invalid_at(text, path, issue.detail())
            })?;
            match shape::list_for_object_in(text, &snap) {
                Some(path) => Err(list_for_object(text, &path)),
                None => Ok(snap),
            }
        };
        let snap = match read(text) {
            Ok(s) => s,
            Err(e) if newer => {
                return Err(SnapshotError::NewerUnreadable {
                    found: version,
                    supported: SCHEMA_VERSION,
                    cause: Box::new(e),
                })
            }
            Err(e) => return Err(e),
        };
        let (snap, migrated_from) = if version < SCHEMA_VERSION {
            (migrate(snap, version), Some(version))
        } else {
            (snap, None)
        };

        let findings = validate::validate_with(&snap, limits);
        let (mut errors, mut warnings): (Vec<Problem>, Vec<Problem>) =
            findings.problems.into_iter().partition(Problem::is_error);
        if findings.errors > 0 {
            errors.truncate(100);
            place(text, &mut errors);
            let e = SnapshotError::Problems {
                problems: errors,
                total: findings.errors,
            };
            return Err(if newer {
                SnapshotError::NewerUnreadable {
                    found: version,
                    supported: SCHEMA_VERSION,
                    cause: Box::new(e),
                }
            } else {
                e
            });
        }
        let mut unknown = validate::unknown_fields(&probe.keys, &probe.dataset_keys);
        unknown.append(&mut warnings);
        let mut warnings = unknown;
        warnings.truncate(100);
        place(text, &mut warnings);
        Ok(Opened {
            snapshot: snap,
            migrated_from,
            read_only: newer.then_some(ReadOnlyReason::NewerVersion {
                found: version,
                supported: SCHEMA_VERSION,
            }),
            warnings,
        })
    }

    /// Reads a snapshot that this build can keep working on: the current version or an older
    /// one (migrated); a newer one is refused ([`SnapshotError::UnsupportedVersion`]) — use
    /// [`Snapshot::open`] to show it read-only. Warnings are dropped.
    pub fn from_json(text: &str) -> Result<Snapshot, SnapshotError> {
        let opened = Snapshot::open(text)?;
        match opened.read_only {
            Some(ReadOnlyReason::NewerVersion { found, supported }) => {
                Err(SnapshotError::UnsupportedVersion { found, supported })
            }
            None => Ok(opened.snapshot),
        }
    }

    /// The snapshot as indented JSON, the built-in plan written out: the export file.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail; an empty text would be refused
        // on reading rather than pass unnoticed.
        crate::pretty::indent(&serde_json::to_string(self).unwrap_or_default())
    }

    /// The snapshot as compact JSON; a preset plan, when unchanged, by its id, as
    /// `"plan_ref": "binjiang-2020"` (what share links carry).
    pub fn to_json_compact(&self) -> String {
        let preset = crate::plan::presets::ALL
            .into_iter()
            .find(|id| self.plan.id == *id && Plan::preset(id).as_ref() == Some(&self.plan));
        let builtin = preset.is_some();
        let out = SnapshotOut {
            format: &self.format,
            schema_version: self.schema_version,
            app_version: &self.app_version,
            created: &self.created,
            scope: &self.scope,
            source: self.source.as_ref(),
            note: self.note.as_ref(),
            plan: (!builtin).then_some(&self.plan),
            plan_ref: preset,
            dataset: &self.dataset,
            scenarios: &self.scenarios,
            response: &self.response,
        };
        serde_json::to_string(&out).unwrap_or_default()
    }

    /// What one street office sends the district (§4.4): the street, its communities, their
    /// observations, the street's events, determinations and own thresholds, with the district
    /// region (no data of its own) so that the street has its parent; scope recorded. City
    /// warnings stay with the district, and so do the scenarios and the response record (they
    /// are the district's). `None` when `street_id` is not a street.
    pub fn for_street(&self, street_id: &str) -> Option<Snapshot> {
        let ds = &self.dataset;
        let street = ds
            .region(street_id)
            .filter(|r| r.kind == RegionKind::Street)?;
        let mut set: HashSet<&str> = HashSet::new();
        set.insert(&street.id);
        for r in &ds.regions {
            if r.parent.as_deref() == Some(street_id) {
                set.insert(&r.id);
            }
        }
        let parent = street.parent.as_deref();
        let regions = ds
            .regions
            .iter()
            .filter(|r| set.contains(r.id.as_str()) || Some(r.id.as_str()) == parent)
            .cloned()
            .collect();
        // Inserted one by one: collecting into a map sorts first, which compiles another copy
        // of the standard sort; the source map is in key order already.
        let mut street_thresholds = BTreeMap::new();
        for (k, v) in &ds.street_thresholds {
            if set.contains(k.as_str()) {
                street_thresholds.insert(k.clone(), v.clone());
            }
        }
        let dataset = Dataset {
            regions,
            observations: ds
                .observations
                .iter()
                .filter(|o| set.contains(o.region.as_str()))
                .cloned()
                .collect(),
            closures: ds
                .closures
                .iter()
                .filter(|e| set.contains(e.street.as_str()))
                .cloned()
                .collect(),
            layoffs: ds
                .layoffs
                .iter()
                .filter(|e| set.contains(e.street.as_str()))
                .cloned()
                .collect(),
            city_warnings: Vec::new(),
            special_determinations: ds
                .special_determinations
                .iter()
                .filter(|d| d.scope.street().is_some_and(|s| set.contains(s)))
                .cloned()
                .collect(),
            street_thresholds,
            indicator_values: ds
                .indicator_values
                .iter()
                .filter(|v| set.contains(v.region.as_str()))
                .cloned()
                .collect(),
        };
        Some(Snapshot {
            scope: Scope::Street(street_id.to_owned()),
            dataset,
            scenarios: Scenarios::new(),
            response: ResponseState::new(),
            ..self.clone()
        })
    }

    /// A download name saying what it holds: `uew-<district>-<scope>-<date>.json`, e.g.
    /// `uew-binjiang-district-2026-11-01.json` or `uew-binjiang-xixing-2026-11-01.json`.
    pub fn file_name(&self) -> String {
        let safe = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(64)
                .collect()
        };
        let district = self
            .dataset
            .district()
            .map_or_else(|| "data".to_owned(), |d| safe(&d.id));
        let scope = match &self.scope {
            Scope::District => "district".to_owned(),
            Scope::Street(s) => safe(s),
        };
        let date: String = self.created.chars().take(10).collect();
        let date = if date.len() == 10 {
            safe(&date)
        } else {
            "undated".to_owned()
        };
        format!("uew-{district}-{scope}-{date}.json")
    }
}

#[cfg(test)]
mod tests;
