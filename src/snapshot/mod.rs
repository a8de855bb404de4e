//! The snapshot: one JSON document holding the plan and the dataset, with a format id and a
//! schema version. How the app saves, exports and shares its state.

use crate::model::Dataset;
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The value of [`Snapshot::format`].
pub const FORMAT: &str = "uew-snapshot";
/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything needed to reproduce an evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    pub schema_version: u32,
    /// The version of the app that wrote it.
    pub app_version: String,
    /// When it was written (RFC 3339).
    pub created: String,
    pub plan: Plan,
    pub dataset: Dataset,
}

/// Why a text is not a snapshot this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not valid JSON, or a value of the wrong shape. `path` is the JSON path of the value
    /// (e.g. `dataset.observations[3].month`; `.` for the document), `line`/`column` are 1-based.
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not a snapshot (`format` is not [`FORMAT`]).
    NotASnapshot { format: String },
    /// Written by a schema version this build does not read.
    UnsupportedVersion { found: u32, supported: u32 },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Invalid {
                path,
                line,
                column,
                message,
            } => write!(f, "at {path} (line {line}, column {column}): {message}"),
            SnapshotError::NotASnapshot { format } => {
                write!(f, "at format: expected \"{FORMAT}\", found {format:?}")
            }
            SnapshotError::UnsupportedVersion { found, supported } => write!(
                f,
                "at schema_version: version {found} is not supported (this build reads {supported})"
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// serde_json's message without its trailing " at line L column C" (given separately).
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix)
        .map(str::to_owned)
        .unwrap_or(text)
}

/// The identifying fields alone (everything else is skipped unread).
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema_version: Option<u32>,
}

impl Snapshot {
    /// A snapshot of `plan` and `dataset` written now by this build; `created` is RFC 3339.
    pub fn new(plan: Plan, dataset: Dataset, created: &str) -> Snapshot {
        Snapshot {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created: created.to_owned(),
            plan,
            dataset,
        }
    }

    /// Reads a snapshot; errors name the JSON path and the line and column.
    pub fn from_json(text: &str) -> Result<Snapshot, SnapshotError> {
        // The header first, so that a file of another kind or version is named as such rather
        // than by the first field that does not fit.
        if let Ok(h) = serde_json::from_str::<Header>(text) {
            if let Some(format) = h.format.filter(|f| f != FORMAT) {
                return Err(SnapshotError::NotASnapshot { format });
            }
            if let Some(found) = h.schema_version.filter(|v| *v != SCHEMA_VERSION) {
                return Err(SnapshotError::UnsupportedVersion {
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        }
        // serde_json rejects trailing characters too; the path comes from the error's position
        // (crate::json_path), which avoids a second, path-tracking copy of every Deserialize.
        let snap: Snapshot = serde_json::from_str(text).map_err(|e| SnapshotError::Invalid {
            path: crate::json_path::path_at(text, e.line(), e.column()),
            line: e.line(),
            column: e.column(),
            message: without_position(&e),
        })?;
        if snap.format != FORMAT {
            return Err(SnapshotError::NotASnapshot {
                format: snap.format,
            });
        }
        if snap.schema_version != SCHEMA_VERSION {
            return Err(SnapshotError::UnsupportedVersion {
                found: snap.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(snap)
    }

    /// The snapshot as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail; an empty text would be refused
        // on reading rather than pass unnoticed.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path() {
        let text = r#"{"format":"uew-snapshot","schema_version":1,"app_version":"x","created":"c",
            "plan": 5, "dataset": {}}"#;
        let e = Snapshot::from_json(text).unwrap_err();
        match &e {
            SnapshotError::Invalid { path, line, .. } => {
                assert_eq!(path, "plan");
                assert_eq!(*line, 2);
            }
            other => panic!("{other:?}"),
        }
        assert!(e.to_string().starts_with("at plan (line 2"));
        assert!(matches!(
            Snapshot::from_json("[1").unwrap_err(),
            SnapshotError::Invalid { .. }
        ));
    }
}
