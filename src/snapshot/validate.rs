//! Checks a parsed snapshot: sizes, ranges, ids, references. Each problem names the JSON path of
//! the value and says, in both languages, what is wrong and what was expected.

use super::Snapshot;
use crate::edit::valid_id;
use crate::i18n::Lang;
use crate::model::{
    Dataset, EnterpriseEvent, LayoffEvent, RegionKind, Scope, SpecialDetermination,
};
use crate::month::Month;
use crate::num::Pct;
use crate::plan::{Level, Text, Thresholds};
use crate::rules::MAX_MONTHS;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How much a snapshot may hold. Reading refuses anything larger, before building it where the
/// text allows (size, depth, strings, rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of the text.
    pub max_bytes: usize,
    /// Nesting of arrays and objects (the format needs 8).
    pub max_depth: usize,
    /// Characters of any one string, plan texts included.
    pub max_string_chars: usize,
    /// Characters of a name: region, enterprise, industry, signatory, source.
    pub max_name_chars: usize,
    /// Characters of a note.
    pub max_note_chars: usize,
    pub max_regions: usize,
    pub max_observations: usize,
    /// Closures and layoffs, each.
    pub max_events: usize,
    /// City warnings, special determinations and streets' own thresholds, each.
    pub max_overrides: usize,
    /// Largest count of people accepted (more than any labour force).
    pub max_count: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_bytes: 64 * 1024 * 1024,
        max_depth: 32,
        max_string_chars: 20_000,
        max_name_chars: 200,
        max_note_chars: 2_000,
        max_regions: 10_000,
        max_observations: 1_000_000,
        max_events: 100_000,
        max_overrides: 10_000,
        max_count: 1_000_000_000,
    };

    /// The row limit of a list directly under `dataset`, by key.
    pub(crate) fn rows(&self, key: &str) -> Option<usize> {
        match key {
            "regions" => Some(self.max_regions),
            "observations" => Some(self.max_observations),
            "closures" | "layoffs" => Some(self.max_events),
            "city_warnings" | "special_determinations" | "street_thresholds" => {
                Some(self.max_overrides)
            }
            _ => None,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Whether a problem stops the snapshot from being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    /// Read anyway; shown to the user.
    Warning,
}

/// What is wrong with one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A text longer than allowed.
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A list with more rows than allowed.
    TooMany {
        found: usize,
        max: usize,
    },
    /// An id that is not 1–64 letters, digits, `-`, `_` or `.`.
    InvalidId {
        id: String,
    },
    /// An id used before in the same list (`first` is the path of the first use).
    DuplicateId {
        id: String,
        first: String,
    },
    /// A reference to a region that is not in the dataset.
    UnknownRegion {
        id: String,
    },
    /// Events and streets' own thresholds belong to a street (events also to the district).
    NotAStreet {
        id: String,
    },
    /// A district has no parent, a street's parent is the district, a community's a street.
    BadParent {
        kind: RegionKind,
        parent: Option<String>,
    },
    SecondDistrict {
        id: String,
    },
    EmptyText,
    UnemployedAboveLabourForce {
        unemployed: u64,
        labour_force: u64,
    },
    LaidOffAboveWorkforce {
        laid_off: u64,
        workforce: u64,
    },
    ZeroWorkforce,
    /// A count above [`Limits::max_count`].
    CountTooLarge {
        value: u64,
        max: u64,
    },
    RateOutOfRange {
        value: Pct,
    },
    /// `until` before `from`.
    EndsBeforeStart {
        from: Month,
        until: Month,
    },
    /// A threshold table must have exactly one row for each of the three levels.
    LevelRows {
        level: Level,
        rows: usize,
    },
    /// A level the plan's table does not have (e.g. level 4 under a three-level plan).
    LevelNotInPlan {
        level: Level,
        levels: usize,
    },
    /// A number of months outside 1–1200.
    MonthsOutOfRange {
        value: u32,
    },
    /// Warning: the same region and month twice; the last one counts.
    DuplicateObservation {
        region: String,
        month: Month,
    },
    /// Warning: a field this version does not know; it is ignored (and not saved back).
    UnknownField {
        key: String,
    },
    /// Warning: a street snapshot holding data of another region.
    OutsideScope {
        street: String,
    },
    /// A date before the date it follows from (§5.1-M: proposal ≤ consent ≤ approval; a
    /// response: approval not before the request, end not before start). `other` names the
    /// field it should follow, `other_date` its value.
    OutOfOrder {
        date: String,
        other: &'static str,
        other_date: String,
    },
    /// Warning: a month years away from the rest of the data (likely a typo'd year); kept, but
    /// outside every timeline, chart and table ([`crate::model::Dataset::extent`]).
    FarFromData {
        month: Month,
        first: Month,
        last: Month,
    },
}

/// One finding about a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path of the value, e.g. `dataset.observations[3].labour_force`.
    pub path: String,
    /// 1-based line in the text read, where known.
    pub line: Option<usize>,
    pub kind: ProblemKind,
}

fn q(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("“{s}”"),
        Lang::En => format!("'{s}'"),
    }
}

fn kind_name(kind: RegionKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RegionKind::District, Lang::Zh) => "区",
        (RegionKind::District, Lang::En) => "district",
        (RegionKind::Street, Lang::Zh) => "街道",
        (RegionKind::Street, Lang::En) => "street",
        (RegionKind::Community, Lang::Zh) => "社区",
        (RegionKind::Community, Lang::En) => "community",
    }
}

impl ProblemKind {
    /// What is wrong and what was expected, without the place.
    pub fn what(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let zh = lang == Lang::Zh;
        match self {
            K::TooLong { chars, max } => {
                tr!(
                    lang,
                    "文本过长：{chars} 个字符，最多 {max} 个",
                    "text too long: {chars} characters, at most {max} allowed"
                )
            }
            K::TooMany { found, max } => {
                tr!(
                    lang,
                    "条目过多：{found} 条，最多 {max} 条",
                    "too many rows: {found}, at most {max} allowed"
                )
            }
            K::InvalidId { id } => {
                tr!(
                    lang,
                    ["编号{}无效：应为 1–64 个字母、数字或 - _ .", q(lang, id)],
                    [
                        "id {} is not valid: expected 1–64 letters, digits, - _ or .",
                        q(lang, id)
                    ]
                )
            }
            K::DuplicateId { id, first } => {
                tr!(
                    lang,
                    ["编号{}重复（首次出现于 {first}）：编号须唯一", q(lang, id)],
                    [
                        "id {} is used twice (first at {first}); ids must be unique",
                        q(lang, id)
                    ]
                )
            }
            K::UnknownRegion { id } => {
                tr!(
                    lang,
                    ["地区{}不在本快照的地区列表中", q(lang, id)],
                    ["region {} is not among the snapshot's regions", q(lang, id)]
                )
            }
            K::NotAStreet { id } => {
                tr!(
                    lang,
                    ["{}不是街道：此处应为街道编号", q(lang, id)],
                    ["{} is not a street: expected a street id", q(lang, id)]
                )
            }
            K::BadParent { kind, parent } => {
                let given = parent.as_deref().unwrap_or("—");
                match (kind, zh) {
                    (RegionKind::District, true) => {
                        format!("区不能有上级地区（现为{}）", q(lang, given))
                    }
                    (RegionKind::District, false) => {
                        format!("a district has no parent (given {})", q(lang, given))
                    }
                    (k, true) => format!(
                        "{}的上级须为{}（现为{}）",
                        kind_name(*k, lang),
                        if *k == RegionKind::Street {
                            "区"
                        } else {
                            "街道"
                        },
                        q(lang, given)
                    ),
                    (k, false) => format!(
                        "a {} must belong to a {} (given {})",
                        kind_name(*k, lang),
                        if *k == RegionKind::Street {
                            "district"
                        } else {
                            "street"
                        },
                        q(lang, given)
                    ),
                }
            }
            K::SecondDistrict { id } => {
                tr!(
                    lang,
                    ["只能有一个区；{}是第二个", q(lang, id)],
                    ["only one district is allowed; {} is a second", q(lang, id)]
                )
            }
            K::EmptyText => {
                tr!(lang, "不能为空", "must not be empty")
            }
            K::UnemployedAboveLabourForce {
                unemployed,
                labour_force,
            } => {
                tr!(lang, "登记失业人数 {unemployed} 大于劳动力人数 {labour_force}：应不大于劳动力人数", "{unemployed} registered unemployed exceed the labour force of {labour_force}: expected at most the labour force")
            }
            K::LaidOffAboveWorkforce {
                laid_off,
                workforce,
            } => {
                tr!(
                    lang,
                    "裁员人数 {laid_off} 大于企业职工总数 {workforce}",
                    "{laid_off} laid off exceed the workforce of {workforce}"
                )
            }
            K::ZeroWorkforce => {
                tr!(
                    lang,
                    "企业职工总数须大于 0",
                    "the workforce must be above 0"
                )
            }
            K::CountTooLarge { value, max } => {
                tr!(
                    lang,
                    "人数 {value} 超出范围：应为 0 到 {max}",
                    "{value} people is out of range: expected 0 to {max}"
                )
            }
            K::RateOutOfRange { value } => {
                tr!(
                    lang,
                    "{value} % 不在 0–100 % 之间",
                    "{value} % is outside 0–100 %"
                )
            }
            K::EndsBeforeStart { from, until } => {
                tr!(
                    lang,
                    "结束月份 {until} 早于开始月份 {from}",
                    "ends ({until}) before it starts ({from})"
                )
            }
            K::LevelNotInPlan { level, levels } => {
                tr!(
                    lang,
                    ["预案没有 {} 级预警（共 {levels} 级）", level.number()],
                    [
                        "the plan has no level {} (it has {levels} levels)",
                        level.number()
                    ]
                )
            }
            K::LevelRows { level, rows } => {
                tr!(
                    lang,
                    ["{} 级预警应恰有 1 行标准，现有 {rows} 行", level.number()],
                    [
                        "expected exactly one row for level {}, found {rows}",
                        level.number()
                    ]
                )
            }
            K::MonthsOutOfRange { value } => {
                tr!(
                    lang,
                    "月数 {value} 超出范围：应为 1 到 {MAX_MONTHS}",
                    "{value} months is out of range: expected 1 to {MAX_MONTHS}"
                )
            }
            K::DuplicateObservation { region, month } => {
                tr!(
                    lang,
                    "{region} {month} 有多条数据，以最后一条为准",
                    "{region} {month} appears more than once; the last one counts"
                )
            }
            K::UnknownField { key } => {
                tr!(
                    lang,
                    ["本版本不认识字段{}，已忽略（不会保存）", q(lang, key)],
                    [
                        "field {} is unknown to this version and is ignored (not saved)",
                        q(lang, key)
                    ]
                )
            }
            K::OutOfOrder {
                date,
                other,
                other_date,
            } => {
                tr!(
                    lang,
                    "日期 {date} 早于 {other}（{other_date}），顺序不对",
                    "dated {date}, before {other} ({other_date}): out of order"
                )
            }
            K::FarFromData { month, first, last } => {
                let months = if month > last {
                    last.months_until(*month)
                } else {
                    month.months_until(*first)
                };
                let years = months / 12;
                tr!(lang, "月份 {month} 距其余数据（{first} – {last}）约 {years} 年，可能是年份输入错误；保留但不计入时间轴、图表和表格", "month {month} is about {years} years away from the rest of the data ({first} – {last}): a typo'd year? Kept, but left out of every timeline, chart and table")
            }
            K::OutsideScope { street } => {
                tr!(
                    lang,
                    ["本快照仅限街道{}，此项属于其他地区", q(lang, street)],
                    [
                        "this snapshot is scoped to street {} but this belongs elsewhere",
                        q(lang, street)
                    ]
                )
            }
        }
    }
}

impl Problem {
    fn error(path: String, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            path,
            line: None,
            kind,
        }
    }

    fn warning(path: String, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            path,
            line: None,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// "at PATH (line N): what is wrong".
    pub fn message(&self, lang: Lang) -> String {
        let what = self.kind.what(lang);
        match (lang, self.line) {
            (Lang::Zh, Some(l)) => format!("位置 {}（第 {l} 行）：{what}", self.path),
            (Lang::Zh, None) => format!("位置 {}：{what}", self.path),
            (Lang::En, Some(l)) => format!("at {} (line {l}): {what}", self.path),
            (Lang::En, None) => format!("at {}: {what}", self.path),
        }
    }

    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// At most this many problems are kept; the rest are counted.
pub const MAX_PROBLEMS: usize = 1_000;

/// The findings of [`validate`]: the first [`MAX_PROBLEMS`] problems, and how many there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    pub problems: Vec<Problem>,
    pub errors: usize,
    pub warnings: usize,
}

impl Findings {
    fn push(&mut self, p: Problem) {
        match p.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(p);
        }
    }
}

/// Every problem of a parsed snapshot under the default [`Limits`] (errors and warnings, the
/// first [`MAX_PROBLEMS`]). A snapshot with an error is refused on reading.
pub fn validate(snap: &Snapshot) -> Vec<Problem> {
    validate_with(snap, &Limits::DEFAULT).problems
}

struct Checker<'a> {
    limits: &'a Limits,
    out: Findings,
}

impl Checker<'_> {
    fn warning(&mut self, path: String, kind: ProblemKind) {
        self.out.push(Problem::warning(path, kind));
    }

    fn error(&mut self, path: String, kind: ProblemKind) {
        self.out.push(Problem::error(path, kind));
    }

    fn text(&mut self, path: impl FnOnce() -> String, s: &str, max: usize, required: bool) {
        if required && s.trim().is_empty() {
            self.error(path(), ProblemKind::EmptyText);
            return;
        }
        // Byte length bounds the character count from above: count only when it may matter.
        if s.len() > max {
            let chars = s.chars().count();
            if chars > max {
                self.error(path(), ProblemKind::TooLong { chars, max });
            }
        }
    }

    fn id(&mut self, path: impl Fn() -> String, id: &str) {
        if !valid_id(id) {
            self.error(path(), ProblemKind::InvalidId { id: id.to_owned() });
        }
    }

    fn count(&mut self, path: impl FnOnce() -> String, n: u64) {
        if n > self.limits.max_count {
            self.error(
                path(),
                ProblemKind::CountTooLarge {
                    value: n,
                    max: self.limits.max_count,
                },
            );
        }
    }

    fn rate(&mut self, path: impl FnOnce() -> String, p: Pct) {
        if p < Pct::ZERO || p > Pct::HUNDRED {
            self.error(path(), ProblemKind::RateOutOfRange { value: p });
        }
    }

    fn rows(&mut self, path: &str, found: usize, max: usize) {
        if found > max {
            self.error(path.to_owned(), ProblemKind::TooMany { found, max });
        }
    }

    fn months(&mut self, path: impl FnOnce() -> String, n: u32) {
        if n == 0 || n > MAX_MONTHS {
            self.error(path(), ProblemKind::MonthsOutOfRange { value: n });
        }
    }

    fn thresholds(&mut self, base: &str, t: &Thresholds) {
        // Levels 1 … n, each exactly once (a plan has 1–5).
        let n = t.levels.iter().map(|s| s.level.number()).max().unwrap_or(1);
        for level in Level::ALL.into_iter().take(usize::from(n)) {
            let rows = t.levels.iter().filter(|s| s.level == level).count();
            if rows != 1 {
                self.error(
                    format!("{base}.levels"),
                    ProblemKind::LevelRows { level, rows },
                );
            }
        }
        for (i, s) in t.levels.iter().enumerate() {
            if let Some(r) = &s.rate {
                self.rate(|| format!("{base}.levels[{i}].rate.min_rate"), r.min_rate);
                self.months(
                    || format!("{base}.levels[{i}].rate.sustained_months"),
                    r.sustained_months,
                );
            }
            if let Some(l) = &s.layoffs {
                self.rate(
                    || format!("{base}.levels[{i}].layoffs.min_share"),
                    l.min_share,
                );
            }
            for (k, x) in s.extra.iter().enumerate() {
                if let crate::plan::ExtraCriterion::Indicator(c) = x {
                    self.months(
                        || format!("{base}.levels[{i}].extra[{k}].sustained_months"),
                        c.sustained_months,
                    );
                }
            }
        }
    }
}

/// Row paths of the dataset lists, for messages.
fn at(list: &str, i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("dataset.{list}[{i}]")
    } else {
        format!("dataset.{list}[{i}].{field}")
    }
}

/// [`validate`] under the given limits, with the totals.
pub(crate) fn validate_with(snap: &Snapshot, limits: &Limits) -> Findings {
    let mut c = Checker {
        limits,
        out: Findings::default(),
    };
    c.text(|| "app_version".into(), &snap.app_version, 64, false);
    c.text(|| "created".into(), &snap.created, 64, false);
    if let Some(s) = &snap.source {
        c.text(|| "source".into(), s, limits.max_name_chars, false);
    }
    if let Some(n) = &snap.note {
        c.text(|| "note".into(), n, limits.max_note_chars, false);
    }
    check_plan(&mut c, snap);
    check_dataset(&mut c, &snap.dataset, &snap.scope);
    check_levels_in_plan(&mut c, snap);
    check_scenarios(&mut c, &snap.scenarios);
    check_far_months(&mut c, &snap.dataset);
    super::order::check_response(&mut |path, kind| c.warning(path, kind), &snap.response);
    c.out
}

/// One part of a snapshot, as a change touches it (see [`first_error_in`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Plan,
    Dataset,
    Scenarios,
    Response,
}

/// The first error a change of `part` can have brought in, checking that part alone: a
/// workspace is valid before each change, so an edit costs what it touched rather than a pass
/// over the whole snapshot. The response record has order warnings only, never an error.
pub fn first_error_in(snap: &Snapshot, part: Part) -> Option<Problem> {
    let limits = Limits::DEFAULT;
    let mut c = Checker {
        limits: &limits,
        out: Findings::default(),
    };
    match part {
        // The data names levels of the plan: either side may break that.
        Part::Plan => {
            check_plan(&mut c, snap);
            check_levels_in_plan(&mut c, snap);
        }
        Part::Dataset => {
            check_dataset(&mut c, &snap.dataset, &snap.scope);
            check_levels_in_plan(&mut c, snap);
        }
        Part::Scenarios => check_scenarios(&mut c, &snap.scenarios),
        Part::Response => {}
    }
    if c.out.errors == 0 {
        return None;
    }
    c.out.problems.into_iter().find(Problem::is_error)
}

/// City warnings and special determinations name levels of the plan's table.
fn check_levels_in_plan(c: &mut Checker, snap: &Snapshot) {
    let levels = snap.plan.levels();
    let n = levels.len();
    let named = snap
        .dataset
        .city_warnings
        .iter()
        .enumerate()
        .map(|(i, w)| (at("city_warnings", i, "level"), w.level))
        .chain(
            snap.dataset
                .special_determinations
                .iter()
                .enumerate()
                .map(|(i, d)| (at("special_determinations", i, "level"), d.level)),
        );
    for (path, level) in named {
        if !levels.contains(&level) {
            c.error(path, ProblemKind::LevelNotInPlan { level, levels: n });
        }
    }
}

/// A warning at each observation and event whose month lies outside the data's main body.
fn check_far_months(c: &mut Checker, ds: &Dataset) {
    let Some(e) = ds.extent() else { return };
    if e.outliers.is_empty() {
        return;
    }
    let far = |m: Month| m < e.first || m > e.last;
    let kind = |month| ProblemKind::FarFromData {
        month,
        first: e.first,
        last: e.last,
    };
    for (i, o) in ds.observations.iter().enumerate() {
        if far(o.month) {
            c.warning(at("observations", i, "month"), kind(o.month));
        }
    }
    for (i, ev) in ds.closures.iter().enumerate() {
        if far(ev.date.month()) {
            c.warning(at("closures", i, "date"), kind(ev.date.month()));
        }
    }
    for (i, ev) in ds.layoffs.iter().enumerate() {
        if far(ev.date.month()) {
            c.warning(at("layoffs", i, "date"), kind(ev.date.month()));
        }
    }
}

/// Scenarios are bounded like the dataset; whether each still applies to the baseline is
/// shown with the scenario, not a reason to refuse the file (the baseline may have moved on).
fn check_scenarios(c: &mut Checker, scenarios: &crate::scenario::Scenarios) {
    let list = scenarios.list();
    if list.len() > MAX_SCENARIOS {
        c.error(
            "scenarios.items".into(),
            ProblemKind::TooMany {
                found: list.len(),
                max: MAX_SCENARIOS,
            },
        );
        return;
    }
    let max_name = c.limits.max_name_chars;
    for (i, s) in list.iter().enumerate() {
        c.text(
            || format!("scenarios.items[{i}].name"),
            &s.name,
            max_name,
            true,
        );
        if s.tweaks.len() > MAX_TWEAKS {
            c.error(
                format!("scenarios.items[{i}].tweaks"),
                ProblemKind::TooMany {
                    found: s.tweaks.len(),
                    max: MAX_TWEAKS,
                },
            );
        }
    }
}

/// Scenarios a snapshot may hold.
pub const MAX_SCENARIOS: usize = 100;
/// Tweaks one scenario may hold.
pub const MAX_TWEAKS: usize = 1_000;

fn check_plan(c: &mut Checker, snap: &Snapshot) {
    let p = &snap.plan;
    c.text(|| "plan.id".into(), &p.id, 64, false);
    c.thresholds("plan.thresholds", &p.thresholds);
    c.months(
        || "plan.parameters.event_window_months".into(),
        p.parameters.event_window_months,
    );
    c.rate(
        || "plan.parameters.art41.min_share".into(),
        p.parameters.art41.min_share,
    );
}

/// The dataset, one collection at a time, in this order (the order of the problems found).
fn check_dataset(c: &mut Checker, ds: &Dataset, scope: &Scope) {
    check_sizes(c, ds);
    let kinds = check_region_names(c, ds);
    check_region_tree(c, ds, &kinds);
    let scope = check_scope(c, ds, scope, &kinds);
    let regions = Regions { kinds, scope };
    check_observations(c, ds, &regions);
    check_events(c, &ds.closures, &regions, |c, i, e| {
        c.count(|| at("closures", i, "unemployed"), e.unemployed);
    });
    check_events(c, &ds.layoffs, &regions, check_layoff_counts);
    check_city_warnings(c, ds);
    check_special_determinations(c, ds, &regions);
    check_street_thresholds(c, ds, &regions);
}

/// What the checks after the regions need of them: each id's kind, and for a street snapshot
/// the street with the regions it may hold.
struct Regions<'a> {
    kinds: HashMap<&'a str, RegionKind>,
    scope: Option<(&'a str, HashSet<&'a str>)>,
}

impl Regions<'_> {
    /// A warning for data of a region outside a street snapshot's street. Paths are built only
    /// for a finding: formatting one per row would dominate the cost.
    fn outside(&self, c: &mut Checker, path: &dyn Fn() -> String, region: &str) {
        if let Some((street, set)) = &self.scope {
            if !set.contains(region) {
                c.out.push(Problem::warning(
                    path(),
                    ProblemKind::OutsideScope {
                        street: (*street).to_owned(),
                    },
                ));
            }
        }
    }

    /// An event's street: a known region that is not a community.
    fn event_street(&self, c: &mut Checker, path: &dyn Fn() -> String, street: &str) {
        match self.kinds.get(street) {
            None => c.error(
                path(),
                ProblemKind::UnknownRegion {
                    id: street.to_owned(),
                },
            ),
            Some(RegionKind::Community) => c.error(
                path(),
                ProblemKind::NotAStreet {
                    id: street.to_owned(),
                },
            ),
            Some(_) => self.outside(c, path, street),
        }
    }
}

fn check_sizes(c: &mut Checker, ds: &Dataset) {
    let limits = *c.limits;
    c.rows("dataset.regions", ds.regions.len(), limits.max_regions);
    c.rows(
        "dataset.observations",
        ds.observations.len(),
        limits.max_observations,
    );
    c.rows("dataset.closures", ds.closures.len(), limits.max_events);
    c.rows("dataset.layoffs", ds.layoffs.len(), limits.max_events);
    c.rows(
        "dataset.city_warnings",
        ds.city_warnings.len(),
        limits.max_overrides,
    );
    c.rows(
        "dataset.special_determinations",
        ds.special_determinations.len(),
        limits.max_overrides,
    );
    c.rows(
        "dataset.street_thresholds",
        ds.street_thresholds.len(),
        limits.max_overrides,
    );
}

/// Region ids (unique) and names; the kind of each id, as first given.
fn check_region_names<'a>(c: &mut Checker, ds: &'a Dataset) -> HashMap<&'a str, RegionKind> {
    let max_name = c.limits.max_name_chars;
    let mut kinds: HashMap<&str, RegionKind> = HashMap::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, r) in ds.regions.iter().enumerate() {
        c.id(|| at("regions", i, "id"), &r.id);
        match first.get(r.id.as_str()) {
            Some(j) => c.error(
                at("regions", i, "id"),
                ProblemKind::DuplicateId {
                    id: r.id.clone(),
                    first: at("regions", *j, ""),
                },
            ),
            None => {
                first.insert(&r.id, i);
                kinds.insert(&r.id, r.kind);
            }
        }
        c.text(|| at("regions", i, "name"), &r.name, max_name, true);
        if let Some(en) = &r.name_en {
            c.text(|| at("regions", i, "name_en"), en, max_name, false);
        }
    }
    kinds
}

/// One district; each street under the district, each community under a street.
fn check_region_tree(c: &mut Checker, ds: &Dataset, kinds: &HashMap<&str, RegionKind>) {
    let mut district: Option<&str> = None;
    for (i, r) in ds.regions.iter().enumerate() {
        if r.kind == RegionKind::District {
            match district {
                Some(_) => c.error(
                    at("regions", i, "kind"),
                    ProblemKind::SecondDistrict { id: r.id.clone() },
                ),
                None => district = Some(&r.id),
            }
        }
        let want = match r.kind {
            RegionKind::District => None,
            RegionKind::Street => Some(RegionKind::District),
            RegionKind::Community => Some(RegionKind::Street),
        };
        let parent_kind = r.parent.as_deref().and_then(|p| kinds.get(p).copied());
        match (&r.parent, want) {
            (None, None) => {}
            (Some(p), Some(_)) if parent_kind.is_none() => c.error(
                at("regions", i, "parent"),
                ProblemKind::UnknownRegion { id: p.clone() },
            ),
            (Some(_), Some(w)) if parent_kind == Some(w) => {}
            _ => c.error(
                at("regions", i, "parent"),
                ProblemKind::BadParent {
                    kind: r.kind,
                    parent: r.parent.clone(),
                },
            ),
        }
    }
}

/// A street snapshot's street must be a street; it may hold that street and its communities.
fn check_scope<'a>(
    c: &mut Checker,
    ds: &'a Dataset,
    scope: &'a Scope,
    kinds: &HashMap<&str, RegionKind>,
) -> Option<(&'a str, HashSet<&'a str>)> {
    let Scope::Street(s) = scope else {
        return None;
    };
    if kinds.get(s.as_str()) != Some(&RegionKind::Street) {
        let kind = if kinds.contains_key(s.as_str()) {
            ProblemKind::NotAStreet { id: s.clone() }
        } else {
            ProblemKind::UnknownRegion { id: s.clone() }
        };
        c.error("scope".into(), kind);
    }
    let mut set: HashSet<&str> = HashSet::new();
    set.insert(s);
    for r in &ds.regions {
        if r.parent.as_deref() == Some(s.as_str()) {
            set.insert(&r.id);
        }
    }
    Some((s.as_str(), set))
}

fn check_observations(c: &mut Checker, ds: &Dataset, regions: &Regions) {
    let mut seen: HashMap<(&str, Month), usize> = HashMap::with_capacity(ds.observations.len());
    for (i, o) in ds.observations.iter().enumerate() {
        if !regions.kinds.contains_key(o.region.as_str()) {
            c.error(
                at("observations", i, "region"),
                ProblemKind::UnknownRegion {
                    id: o.region.clone(),
                },
            );
        } else {
            regions.outside(c, &|| at("observations", i, "region"), &o.region);
        }
        if seen.insert((&o.region, o.month), i).is_some() {
            c.out.push(Problem::warning(
                at("observations", i, ""),
                ProblemKind::DuplicateObservation {
                    region: o.region.clone(),
                    month: o.month,
                },
            ));
        }
        if let Some(p) = o.registered_rate {
            c.rate(|| at("observations", i, "registered_rate"), p);
        }
        if let Some(p) = o.actual_rate {
            c.rate(|| at("observations", i, "actual_rate"), p);
        }
        let counts = [
            ("unemployed", o.unemployed),
            ("labour_force", o.labour_force),
            ("key_groups.graduates", o.key_groups.graduates),
            ("key_groups.difficulty", o.key_groups.difficulty),
            ("key_groups.migrant_workers", o.key_groups.migrant_workers),
        ];
        for (field, n) in counts {
            if let Some(n) = n {
                c.count(|| at("observations", i, field), n);
            }
        }
        if let (Some(u), Some(lf)) = (o.unemployed, o.labour_force) {
            if u > lf {
                c.error(
                    at("observations", i, "unemployed"),
                    ProblemKind::UnemployedAboveLabourForce {
                        unemployed: u,
                        labour_force: lf,
                    },
                );
            }
        }
    }
}

/// Closures or layoffs: ids (unique within the list), names, the street; then `own`, what
/// only this kind of event has.
fn check_events<E: EnterpriseEvent>(
    c: &mut Checker,
    events: &[E],
    regions: &Regions,
    own: impl Fn(&mut Checker, usize, &E),
) {
    let (list, max_name) = (E::LIST, c.limits.max_name_chars);
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        c.id(|| at(list, i, "id"), e.id());
        if let Some(j) = ids.insert(e.id(), i) {
            c.error(
                at(list, i, "id"),
                ProblemKind::DuplicateId {
                    id: e.id().to_owned(),
                    first: at(list, j, ""),
                },
            );
        }
        c.text(|| at(list, i, "enterprise"), e.enterprise(), max_name, true);
        c.text(|| at(list, i, "industry"), e.industry(), max_name, false);
        regions.event_street(c, &|| at(list, i, "street"), e.street());
        own(c, i, e);
    }
}

fn check_layoff_counts(c: &mut Checker, i: usize, e: &LayoffEvent) {
    c.count(|| at("layoffs", i, "workforce"), e.workforce);
    if e.workforce == 0 {
        c.error(at("layoffs", i, "workforce"), ProblemKind::ZeroWorkforce);
    }
    if e.laid_off > e.workforce {
        c.error(
            at("layoffs", i, "laid_off"),
            ProblemKind::LaidOffAboveWorkforce {
                laid_off: e.laid_off,
                workforce: e.workforce,
            },
        );
    }
}

fn check_city_warnings(c: &mut Checker, ds: &Dataset) {
    let max_note = c.limits.max_note_chars;
    for (i, w) in ds.city_warnings.iter().enumerate() {
        if let Some(u) = w.until.filter(|u| *u < w.from) {
            c.error(
                at("city_warnings", i, "until"),
                ProblemKind::EndsBeforeStart {
                    from: w.from,
                    until: u,
                },
            );
        }
        c.text(|| at("city_warnings", i, "note"), &w.note, max_note, false);
    }
}

fn check_special_determinations(c: &mut Checker, ds: &Dataset, regions: &Regions) {
    let list = "special_determinations";
    let limits = *c.limits;
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, d) in ds.special_determinations.iter().enumerate() {
        c.id(|| at(list, i, "id"), &d.id);
        if let Some(j) = ids.insert(&d.id, i) {
            c.error(
                at(list, i, "id"),
                ProblemKind::DuplicateId {
                    id: d.id.clone(),
                    first: at(list, j, ""),
                },
            );
        }
        if let Scope::Street(s) = &d.scope {
            match regions.kinds.get(s.as_str()) {
                None => c.error(
                    at(list, i, "scope"),
                    ProblemKind::UnknownRegion { id: s.clone() },
                ),
                Some(RegionKind::District) => {}
                Some(_) => regions.outside(c, &|| at(list, i, "scope"), s),
            }
        }
        c.text(
            || at(list, i, "note"),
            &d.note,
            limits.max_note_chars,
            false,
        );
        let signoffs = [
            ("proposed.by", Some(&d.proposed)),
            ("hq_consent.by", d.hq_consent.as_ref()),
            ("city_approval.by", d.city_approval.as_ref()),
        ];
        for (field, s) in signoffs {
            if let Some(s) = s {
                c.text(|| at(list, i, field), &s.by, limits.max_name_chars, false);
            }
        }
        check_signoff_order(c, i, d);
    }
}

/// The office proposes, the HQ consents, the city approves (§5.1-M). A consent or an approval
/// before the proposal cannot be; an approval before the consent is flagged only, since the
/// level takes effect from the later of the two either way.
fn check_signoff_order(c: &mut Checker, i: usize, d: &SpecialDetermination) {
    let list = "special_determinations";
    let proposed = d.proposed.date;
    for (field, s) in [
        ("hq_consent.date", d.hq_consent.as_ref()),
        ("city_approval.date", d.city_approval.as_ref()),
    ] {
        if let Some(s) = s.filter(|s| s.date < proposed) {
            c.error(
                at(list, i, field),
                ProblemKind::OutOfOrder {
                    date: s.date.to_string(),
                    other: "proposed.date",
                    other_date: proposed.to_string(),
                },
            );
        }
    }
    if let (Some(h), Some(a)) = (&d.hq_consent, &d.city_approval) {
        if a.date < h.date && h.date >= proposed && a.date >= proposed {
            c.warning(
                at(list, i, "city_approval.date"),
                ProblemKind::OutOfOrder {
                    date: a.date.to_string(),
                    other: "hq_consent.date",
                    other_date: h.date.to_string(),
                },
            );
        }
    }
    let from = d.proposed.date.month();
    if let Some(u) = d.until.filter(|u| *u < from) {
        c.error(
            at(list, i, "until"),
            ProblemKind::EndsBeforeStart { from, until: u },
        );
    }
}

/// Streets' own thresholds: of a known street, inside the scope, each threshold valid.
fn check_street_thresholds(c: &mut Checker, ds: &Dataset, regions: &Regions) {
    for (street, t) in &ds.street_thresholds {
        let path = format!("dataset.street_thresholds.{street}");
        match regions.kinds.get(street.as_str()) {
            None => c.error(
                path.clone(),
                ProblemKind::UnknownRegion { id: street.clone() },
            ),
            Some(RegionKind::Street) => regions.outside(c, &|| path.clone(), street),
            Some(_) => c.error(path.clone(), ProblemKind::NotAStreet { id: street.clone() }),
        }
        c.thresholds(&path, t);
    }
}

/// A warning for each top-level and dataset key this version does not read.
pub(crate) fn unknown_fields(keys: &[String], dataset_keys: &[String]) -> Vec<Problem> {
    let top = keys
        .iter()
        .filter(|k| !super::TOP_LEVEL_KEYS.contains(&k.as_str()))
        .map(|k| Problem::warning(k.clone(), ProblemKind::UnknownField { key: k.clone() }));
    let data = dataset_keys
        .iter()
        .filter(|k| !super::DATASET_KEYS.contains(&k.as_str()))
        .map(|k| {
            Problem::warning(
                format!("dataset.{k}"),
                ProblemKind::UnknownField { key: k.clone() },
            )
        });
    top.chain(data).collect()
}
