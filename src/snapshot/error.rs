//! Why a text could not be opened as a snapshot, in both languages, naming the JSON path, the
//! line and what was expected.

use super::validate::Problem;
use super::{FORMAT, SCHEMA_VERSION};
use crate::i18n::Lang;
use crate::plan::Text;
use std::fmt;

/// Why a text is not a snapshot this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not valid JSON, or a value of the wrong shape. `path` is the JSON path of the value
    /// (e.g. `dataset.observations[3].month`; `.` for the document), `line`/`column` are 1-based
    /// (the column in characters), `message` is the parser's English text and `detail` says in
    /// both languages what is wrong and what was expected.
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
        detail: Text,
    },
    /// Valid JSON, but not a snapshot (`format` is not [`FORMAT`]; empty when absent).
    NotASnapshot { format: String },
    /// Written by a schema version this build does not read: 0, or (from
    /// [`super::Snapshot::from_json`]) a newer one — [`super::Snapshot::open`] opens those
    /// read-only.
    UnsupportedVersion { found: u32, supported: u32 },
    /// A newer version whose content this build cannot read even in part.
    NewerUnreadable {
        found: u32,
        supported: u32,
        cause: Box<SnapshotError>,
    },
    /// The text is larger than [`super::Limits::max_bytes`].
    TooLarge { bytes: usize, max: usize },
    /// Arrays and objects nested deeper than [`super::Limits::max_depth`].
    TooDeep {
        path: String,
        line: usize,
        column: usize,
        max: usize,
    },
    /// A string longer than [`super::Limits::max_string_chars`].
    StringTooLong {
        path: String,
        line: usize,
        column: usize,
        max: usize,
    },
    /// Parsed, but the content breaks the rules (the first problems; `total` errors in all).
    Problems {
        problems: Vec<Problem>,
        total: usize,
    },
}

fn mib(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl SnapshotError {
    /// The message in one language.
    pub fn message(&self, lang: Lang) -> String {
        use SnapshotError as E;
        let place = |path: &str, line: usize, column: usize| {
            tr!(
                lang,
                "位置 {path}（第 {line} 行第 {column} 列）",
                "at {path} (line {line}, column {column})"
            )
        };
        match self {
            E::Invalid {
                path,
                line,
                column,
                detail,
                ..
            } => {
                let sep = lang.pick("：", ": ");
                format!("{}{sep}{}", place(path, *line, *column), detail.get(lang))
            }
            E::NotASnapshot { format } if format.is_empty() => {
                tr!(lang, "位置 format：缺少（missing）字段 format，这不是本应用的快照文件（应为 \"{FORMAT}\"，由“导出快照”或 uew demo 写出）", "at format: missing: not a snapshot of this app (a snapshot starts with \"format\": \"{FORMAT}\", as written by Export or `uew demo`)")
            }
            E::NotASnapshot { format } => {
                tr!(lang, "这不是本应用的快照文件：format 应为 \"{FORMAT}\"，实为 {format:?}", "at format: not a snapshot of this app: expected \"{FORMAT}\", found {format:?}")
            }
            E::UnsupportedVersion { found, supported } => {
                if *found > *supported {
                    tr!(lang, "位置 schema_version：快照由较新版本（格式版本 {found}）写入，本版本只能读写版本 {supported} 及以前；请更新应用", "at schema_version: version {found} was written by a newer app; this build reads versions up to {supported}: update the app")
                } else {
                    tr!(lang, "位置 schema_version：不支持版本 {found}（本版本读取 1 到 {supported}）", "at schema_version: version {found} is not supported (this build reads 1 to {supported})")
                }
            }
            E::NewerUnreadable {
                found,
                supported,
                cause,
            } => {
                tr!(lang, ["快照由较新版本（格式版本 {found}）写入，本版本（{supported}）无法读取：{}；请更新应用", cause.message(lang)], ["the snapshot was written by a newer app (version {found}) and this build (version {supported}) cannot read it: {}; update the app", cause.message(lang)])
            }
            E::TooLarge { bytes, max } => {
                tr!(
                    lang,
                    ["文件过大：{}，上限为 {}", mib(*bytes), mib(*max)],
                    [
                        "the file is too large: {}, at most {} allowed",
                        mib(*bytes),
                        mib(*max)
                    ]
                )
            }
            E::TooDeep {
                path,
                line,
                column,
                max,
            } => {
                tr!(lang, ["{}：嵌套过深（超过 {max} 层）；快照不会嵌套这么深",
                        place(path, *line, *column)], ["{}: nested too deeply (more than {max} levels); no snapshot nests this deep",
                        place(path, *line, *column)])
            }
            E::StringTooLong {
                path,
                line,
                column,
                max,
            } => {
                tr!(
                    lang,
                    [
                        "{}：文本过长（超过 {max} 个字符）",
                        place(path, *line, *column)
                    ],
                    [
                        "{}: text too long (more than {max} characters)",
                        place(path, *line, *column)
                    ]
                )
            }
            E::Problems { problems, total } => {
                let mut out = tr!(
                    lang,
                    ["快照内容有 {total} 处错误："],
                    [
                        "the snapshot has {total} error{}: ",
                        if *total == 1 { "" } else { "s" }
                    ]
                );
                let shown: Vec<String> = problems.iter().take(3).map(|p| p.message(lang)).collect();
                out.push_str(&shown.join(lang.pick("；", "; ")));
                if *total > shown.len() {
                    out.push_str(lang.pick("……", "; …"));
                }
                out
            }
        }
    }

    /// The message in both languages.
    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SnapshotError {}

/// serde_json's message without its trailing " at line L column C" (given separately).
pub(crate) fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix)
        .map(str::to_owned)
        .unwrap_or(text)
}

/// What a value at `path` should be, by its field name.
pub(crate) fn expected(path: &str) -> Option<Text> {
    let field = path.rsplit('.').next().unwrap_or(path);
    if field.ends_with(']') {
        // An element of a list: its own shape is described by its fields.
        return None;
    }
    let t = |zh: &str, en: &str| Some(Text::new(zh, en));
    match field {
        "registered_rate" | "actual_rate" | "min_rate" | "min_share" => t(
            "0 到 100 之间的百分数，最多 4 位小数，如 \"4.5\"",
            "a percentage from 0 to 100 with at most 4 decimals, e.g. \"4.5\"",
        ),
        "unemployed" | "labour_force" | "workforce" | "laid_off" | "graduates" | "difficulty"
        | "migrant_workers" | "min_unemployed" | "min_people" => t(
            "不小于 0 的整数（人数）",
            "a whole number of people, 0 or more",
        ),
        "month" | "from" | "until" => t(
            "YYYY-MM 格式的月份，如 \"2026-05\"",
            "a month as YYYY-MM, e.g. \"2026-05\"",
        ),
        "date" => t(
            "YYYY-MM-DD 格式的日期，如 \"2026-05-18\"",
            "a date as YYYY-MM-DD, e.g. \"2026-05-18\"",
        ),
        "kind" => t(
            "\"district\"、\"street\" 或 \"community\"",
            "\"district\", \"street\" or \"community\"",
        ),
        "level" => t("\"1\"、\"2\" 或 \"3\"", "\"1\", \"2\" or \"3\""),
        "schema_version" => t(
            &format!("1 到 {SCHEMA_VERSION} 的整数"),
            &format!("a whole number from 1 to {SCHEMA_VERSION}"),
        ),
        "sustained_months" | "event_window_months" => t(
            "1 到 1200 的整数（月数）",
            "a whole number of months from 1 to 1200",
        ),
        "reason" => t(
            "\"special-circumstances\" 或 \"major-epidemic\"",
            "\"special-circumstances\" or \"major-epidemic\"",
        ),
        "id" | "region" | "street" | "parent" | "scope" | "name" | "name_en" | "enterprise"
        | "industry" | "note" | "by" | "format" | "app_version" | "created" | "source" => {
            t("文本（字符串）", "a text (a JSON string)")
        }
        "regions"
        | "observations"
        | "closures"
        | "layoffs"
        | "city_warnings"
        | "special_determinations" => t("列表（JSON 数组）", "a list (a JSON array)"),
        "dataset" | "plan" | "key_groups" | "street_thresholds" => {
            t("对象（JSON 对象）", "an object (a JSON object)")
        }
        _ => None,
    }
}

/// Says in both languages what serde found wrong at `path`.
pub(crate) fn describe(e: &serde_json::Error, path: &str) -> Text {
    use serde_json::error::Category;
    let msg = without_position(e);
    let mut t = match e.classify() {
        Category::Eof => Text::new(
            "文件在此处意外结束（可能不完整或被截断）",
            "the text ends unexpectedly here (the file is incomplete or truncated)",
        ),
        Category::Syntax | Category::Io => Text {
            zh: format!("不是有效的 JSON（{msg}）"),
            en: format!("not valid JSON ({msg})"),
        },
        Category::Data => describe_data(&msg),
    };
    if let (Some(x), Category::Data) = (expected(path), e.classify()) {
        t.zh.push_str(&format!("；应为{}", x.zh));
        t.en.push_str(&format!("; expected {}", x.en));
    }
    t
}

fn describe_data(msg: &str) -> Text {
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Text {
            zh: format!("缺少必填字段“{field}”"),
            en: format!("the required field `{field}` is missing"),
        };
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Text {
            zh: format!("字段“{field}”出现了两次"),
            en: format!("the field `{field}` appears twice"),
        };
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let found = rest.split(", expected ").next().unwrap_or(rest);
            return Text {
                zh: format!("类型或取值不符（实为 {found}）"),
                en: format!("wrong type or value (found {found})"),
            };
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let v = rest.split('`').next().unwrap_or(rest);
        return Text {
            zh: format!("取值“{v}”无效"),
            en: format!("the value `{v}` is not one of the allowed values"),
        };
    }
    Text {
        zh: format!("取值无效（{msg}）"),
        en: format!("invalid value ({msg})"),
    }
}
