//! Tweaks: the hypothetical changes a scenario makes to the baseline's plan and dataset.
//!
//! Each tweak is plain data (serde, so it travels in a snapshot), describes itself in both
//! languages, and is applied to copies of the inputs; the baseline is never touched. Data
//! changes go through [`crate::edit::Edit`], so a hypothetical value is validated exactly like
//! an entered one.

use crate::edit::{CellEdit, Edit, EditError, Field, Value};
use crate::i18n::{level_name, Lang};
use crate::model::{ClosureEvent, Dataset, LayoffEvent, Scope};
use crate::month::{Date, Month};
use crate::num::{group_thousands, Pct, PctError};
use crate::plan::{Level, Plan, Text, Thresholds};
use crate::rules::{Engine, Series, MAX_MONTHS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Ids of hypothetical events start with this, so no list can mistake them for recorded ones.
pub const HYPOTHETICAL_PREFIX: &str = "HYP-";

/// Whether an event id was given to a hypothetical event.
pub fn is_hypothetical(id: &str) -> bool {
    id.starts_with(HYPOTHETICAL_PREFIX)
}

/// A signed change in percentage points, exact to 0.0001 pp; written `"+0.2"` or `"-0.15"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Delta(i64);

impl Delta {
    /// From units of 0.0001 percentage points.
    pub const fn from_units(units: i64) -> Delta {
        Delta(units)
    }

    /// Tenths of a point: `Delta::tenths(2)` is +0.2 pp.
    pub const fn tenths(t: i64) -> Delta {
        Delta(t * 1_000)
    }

    /// Hundredths of a point: `Delta::hundredths(-15)` is -0.15 pp.
    pub const fn hundredths(h: i64) -> Delta {
        Delta(h * 100)
    }

    pub const fn units(self) -> i64 {
        self.0
    }

    /// Reads an optional sign and a magnitude of at most 100 pp with at most four decimals.
    pub fn parse(text: &str) -> Result<Delta, PctError> {
        let t = text.trim();
        let (negative, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let p = Pct::parse(body)?;
        Ok(Delta(if negative { -p.units() } else { p.units() }))
    }
}

impl fmt::Display for Delta {
    /// `+0.2`, `-0.15`, `0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = Pct::from_units(self.0.saturating_abs());
        match self.0 {
            0 => f.write_str("0"),
            u if u > 0 => write!(f, "+{magnitude}"),
            _ => write!(f, "-{magnitude}"),
        }
    }
}

impl Serialize for Delta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Delta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = d.deserialize_any(crate::num::NumberText)?;
        Delta::parse(&text)
            .map_err(|e| serde::de::Error::custom(format!("change in points {text:?}: {e}")))
    }
}

fn district_scope() -> Scope {
    Scope::District
}

fn is_district(s: &Scope) -> bool {
    *s == Scope::District
}

crate::tag_first_enum! {
    tag = "kind", remote = "Tweak", twin = TweakIn;
    /// One hypothetical change. Tweaks apply in order, each to the result of the ones before.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Tweak {
        /// A region's rate series continued with the given values, one a month, entered as rates
        /// of that region (for the district this sets the district's own rate, not its streets').
        ExtendRates {
            region: String,
            series: Series,
            /// The first month; `None`: the month after the last one with a value.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            from: Option<Month>,
            values: Vec<Pct>,
        },
        /// From the last value of a region's series (as the rules see it), `step` per month for
        /// `months` months, exact and clamped to 0–100 %.
        Trend {
            region: String,
            series: Series,
            step: Delta,
            months: u32,
        },
        /// Changed values of past (or any) months, as the data editor would set them.
        SetCells {
            #[serde(with = "cells_serde")]
            cells: Vec<CellEdit>,
        },
        /// A hypothetical closure (dated the 1st of the month).
        Closure {
            enterprise: String,
            /// The street id (or the district's, for an event of the district as a whole).
            street: String,
            month: Month,
            unemployed: u64,
        },
        /// A hypothetical one-time layoff (dated the 1st of the month).
        Layoff {
            enterprise: String,
            street: String,
            month: Month,
            workforce: u64,
            laid_off: u64,
        },
        /// One level's row of a §5.1 table: the district plan's, or a street's own (created from
        /// the district's when the street has none). Absent fields stay as they are.
        Thresholds {
            #[serde(default = "district_scope", skip_serializing_if = "is_district")]
            scope: Scope,
            level: Level,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            min_rate: Option<Pct>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            sustained_months: Option<u32>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            min_unemployed: Option<u64>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            min_share: Option<Pct>,
        },
        /// The months closures and layoffs add up over.
        EventWindow { months: u32 },
        /// The least numbers of enterprises that are "multiple" (§5.1-Lx-b, §5.1-Lx-c).
        MultipleEnterprises {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            closures: Option<u32>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            layoffs: Option<u32>,
        },
        /// Whether only layoffs of Labour Contract Law art. 41 size count.
        Art41 { enabled: bool },
    }
}

/// Why a tweak cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TweakProblem {
    /// Refused by the data rules (unknown region, rate outside 0–100 %, …).
    Edit(EditError),
    UnknownRegion {
        region: String,
    },
    /// The series has no value to continue from.
    NoValue {
        region: String,
        series: Series,
    },
    /// A month outside the plausible span 1990-01 … 2100-12 would be needed.
    MonthOutOfRange,
    /// More months than [`MAX_MONTHS`].
    TooManyMonths {
        months: u64,
    },
    RateOutOfRange {
        value: Pct,
    },
    /// The table has no such level.
    UnknownLevel {
        level: Level,
    },
    /// A number of months outside 1…[`MAX_MONTHS`].
    MonthsOutOfRange {
        months: u32,
    },
    /// A number of enterprises below 1.
    NoEnterprises,
}

/// A tweak that could not be applied: which one (position in the list) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TweakError {
    pub index: usize,
    pub problem: TweakProblem,
}

impl TweakError {
    pub fn message(&self, lang: Lang) -> String {
        let n = self.index + 1;
        let what = self.problem.message(lang);
        match lang {
            Lang::Zh => format!("第 {n} 项假设：{what}"),
            Lang::En => format!("change {n}: {what}"),
        }
    }

    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for TweakError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TweakError {}

impl TweakProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TweakProblem::Edit(e) => e.message(lang),
            TweakProblem::UnknownRegion { region } => {
                tr!(
                    lang,
                    "没有编号为“{region}”的地区",
                    "there is no region with id '{region}'"
                )
            }
            TweakProblem::NoValue { region, series } => {
                tr!(
                    lang,
                    ["{region} 没有{}数据可供延伸", series_name(*series, lang)],
                    [
                        "{region} has no {} value to continue from",
                        series_name(*series, lang)
                    ]
                )
            }
            TweakProblem::MonthOutOfRange => {
                tr!(
                    lang,
                    "月份超出合理范围 1990-01 至 2100-12",
                    "a month outside the plausible span 1990-01 … 2100-12"
                )
            }
            TweakProblem::TooManyMonths { months } => {
                tr!(
                    lang,
                    "{months} 个月过多（至多 {MAX_MONTHS} 个月）",
                    "{months} months is too many (at most {MAX_MONTHS})"
                )
            }
            TweakProblem::RateOutOfRange { value } => {
                tr!(
                    lang,
                    "{value}% 不在 0–100% 之间",
                    "{value} % is outside 0–100 %"
                )
            }
            TweakProblem::UnknownLevel { level } => {
                tr!(
                    lang,
                    ["预警标准中没有{}", level_name(*level, lang)],
                    ["the thresholds have no {}", level_name(*level, lang)]
                )
            }
            TweakProblem::MonthsOutOfRange { months } => {
                tr!(
                    lang,
                    "{months} 个月不在 1–{MAX_MONTHS} 之间",
                    "{months} months is outside 1–{MAX_MONTHS}"
                )
            }
            TweakProblem::NoEnterprises => {
                tr!(
                    lang,
                    "企业数至少为 1",
                    "the number of enterprises must be at least 1"
                )
            }
        }
    }
}

pub(crate) fn series_name(s: Series, lang: Lang) -> &'static str {
    crate::explain::series(s, lang)
}

pub(crate) fn rate_field(s: Series) -> Field {
    match s {
        Series::Registered => Field::RegisteredRate,
        Series::Actual => Field::ActualRate,
    }
}

/// A region's name in one language (its id when unknown).
pub(crate) fn region_name(data: &Dataset, id: &str, lang: Lang) -> String {
    match data.region(id) {
        Some(r) => match (lang, &r.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => r.name.clone(),
        },
        None => id.to_owned(),
    }
}

pub(crate) fn scope_name(data: &Dataset, scope: &Scope, lang: Lang) -> String {
    match scope {
        Scope::Street(id) => region_name(data, id, lang),
        Scope::District => match data.district() {
            Some(d) => region_name(data, &d.id, lang),
            None if lang == Lang::Zh => "全区".to_owned(),
            None => "the district".to_owned(),
        },
    }
}

/// At most `n` items joined, with "…" when there are more.
fn listed(items: impl Iterator<Item = String>, sep: &str, n: usize) -> String {
    let all: Vec<String> = items.collect();
    let mut out = all.iter().take(n).cloned().collect::<Vec<_>>().join(sep);
    if all.len() > n {
        out.push_str(sep);
        out.push('…');
    }
    out
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        zh: f(Lang::Zh),
        en: f(Lang::En),
    }
}

impl Tweak {
    /// What the tweak supposes, in both languages, naming its region or scope.
    pub fn describe(&self, data: &Dataset) -> Text {
        match self {
            Tweak::ExtendRates {
                region,
                series,
                from,
                values,
            } => both(|lang| {
                let name = region_name(data, region, lang);
                let s = series_name(*series, lang);
                let vals = listed(values.iter().map(|v| v.to_string()), "、", 6);
                let vals_en = listed(values.iter().map(|v| v.to_string()), ", ", 6);
                match (lang, from) {
                    (Lang::Zh, Some(m)) => format!("{name}{s}自 {m} 起依次为 {vals}%"),
                    (Lang::Zh, None) => format!("{name}{s}在最后一期之后依次为 {vals}%"),
                    (Lang::En, Some(m)) => format!("{name} {s} from {m}: {vals_en} %"),
                    (Lang::En, None) => {
                        format!("{name} {s} after the last month with a value: {vals_en} %")
                    }
                }
            }),
            Tweak::Trend {
                region,
                series,
                step,
                months,
            } => both(|lang| {
                let name = region_name(data, region, lang);
                let s = series_name(*series, lang);
                match lang {
                    Lang::Zh => {
                        format!("{name}{s}自最近一期起每月 {step} 个百分点，共 {months} 个月")
                    }
                    Lang::En => format!(
                        "{name} {s}: {step} pp per month for {months} months from the last value"
                    ),
                }
            }),
            Tweak::SetCells { cells } => both(|lang| {
                let one = |c: &CellEdit| {
                    let name = region_name(data, &c.region, lang);
                    let field = c.field.label(lang);
                    let unit = match c.value {
                        Some(Value::Rate(_)) => " %",
                        _ => "",
                    };
                    match (lang, c.value) {
                        (Lang::Zh, Some(v)) => format!("{name} {} {field} 改为 {v}{unit}", c.month),
                        (Lang::Zh, None) => format!("{name} {} {field} 清空", c.month),
                        (Lang::En, Some(v)) => format!("{name} {} {field} = {v}{unit}", c.month),
                        (Lang::En, None) => format!("{name} {} {field} cleared", c.month),
                    }
                };
                match (cells.as_slice(), lang) {
                    ([c], _) => one(c),
                    (_, Lang::Zh) => format!(
                        "修改 {} 个数据：{}",
                        cells.len(),
                        listed(cells.iter().map(one), "；", 3)
                    ),
                    (_, Lang::En) => format!(
                        "{} changed values: {}",
                        cells.len(),
                        listed(cells.iter().map(one), "; ", 3)
                    ),
                }
            }),
            Tweak::Closure {
                enterprise,
                street,
                month,
                unemployed,
            } => both(|lang| {
                let st = region_name(data, street, lang);
                let n = group_thousands(*unemployed);
                match lang {
                    Lang::Zh => format!("假设 {month} {st} {enterprise} 关停破产，{n} 人失业"),
                    Lang::En => format!(
                        "hypothetical closure in {month}: {enterprise} ({st}), {n} people left unemployed"
                    ),
                }
            }),
            Tweak::Layoff {
                enterprise,
                street,
                month,
                workforce,
                laid_off,
            } => both(|lang| {
                let st = region_name(data, street, lang);
                let (n, wf) = (group_thousands(*laid_off), group_thousands(*workforce));
                match lang {
                    Lang::Zh => format!(
                        "假设 {month} {st} {enterprise} 一次性裁员 {n} 人（职工 {wf} 人）"
                    ),
                    Lang::En => format!(
                        "hypothetical layoff in {month}: {enterprise} ({st}) lays off {n} of {wf} employees"
                    ),
                }
            }),
            Tweak::Thresholds {
                scope,
                level,
                min_rate,
                sustained_months,
                min_unemployed,
                min_share,
            } => both(|lang| {
                let mut parts = Vec::new();
                if let Some(r) = min_rate {
                    parts.push(tr!(lang, "失业率 {r}%", "rate {r} %"));
                }
                if let Some(n) = sustained_months {
                    parts.push(tr!(lang, "持续 {n} 个月", "sustained {n} months"));
                }
                if let Some(n) = min_unemployed {
                    let n = group_thousands(*n);
                    parts.push(tr!(lang, "关停失业 {n} 人", "closures {n} people"));
                }
                if let Some(s) = min_share {
                    parts.push(tr!(lang, "裁员比例 {s}%", "layoff share {s} %"));
                }
                let what = if parts.is_empty() {
                    tr!(lang, "不变", "unchanged")
                } else {
                    parts.join(lang.pick("、", ", "))
                };
                let lv = level_name(*level, lang);
                let whose = scope_name(data, scope, lang);
                tr!(
                    lang,
                    "假设{whose}{lv}标准：{what}",
                    "suppose {whose} {lv} thresholds: {what}"
                )
            }),
            Tweak::EventWindow { months } => both(|lang| match lang {
                Lang::Zh => format!("假设事件累计窗口为 {months} 个月"),
                Lang::En => format!("suppose an event window of {months} months"),
            }),
            Tweak::MultipleEnterprises { closures, layoffs } => both(|lang| {
                let mut parts = Vec::new();
                if let Some(n) = closures {
                    parts.push(tr!(lang, "关停至少 {n} 家", "closures at least {n}"));
                }
                if let Some(n) = layoffs {
                    parts.push(tr!(lang, "裁员至少 {n} 家", "layoffs at least {n}"));
                }
                let what = parts.join(lang.pick("、", ", "));
                tr!(
                    lang,
                    "假设“多个企业”为：{what}",
                    "suppose \"multiple enterprises\" means: {what}"
                )
            }),
            Tweak::Art41 { enabled } => both(|lang| match (lang, enabled) {
                (Lang::Zh, true) => "假设仅计入第四十一条规模的裁员".to_owned(),
                (Lang::Zh, false) => "假设所有裁员均计入（不限第四十一条规模）".to_owned(),
                (Lang::En, true) => "suppose only layoffs of art. 41 size count".to_owned(),
                (Lang::En, false) => "suppose every layoff counts (no art. 41 size)".to_owned(),
            }),
        }
    }

    /// The region or scope the tweak is about, where it has one (plan-wide parameters have
    /// none: they apply to every scope).
    pub fn scope(&self, data: &Dataset) -> Option<Scope> {
        match self {
            Tweak::ExtendRates { region, .. } | Tweak::Trend { region, .. } => {
                Some(data.parse_scope(region))
            }
            Tweak::SetCells { cells } => cells.first().map(|c| data.parse_scope(&c.region)),
            Tweak::Closure { street, .. } | Tweak::Layoff { street, .. } => {
                Some(data.parse_scope(street))
            }
            Tweak::Thresholds { scope, .. } => Some(scope.clone()),
            Tweak::EventWindow { .. } | Tweak::MultipleEnterprises { .. } | Tweak::Art41 { .. } => {
                None
            }
        }
    }

    /// Applies the tweak at position `index` of its list to `plan` and `data`.
    fn apply_to(
        &self,
        index: usize,
        plan: &mut Plan,
        data: &mut Dataset,
    ) -> Result<(), TweakProblem> {
        match self {
            Tweak::ExtendRates {
                region,
                series,
                from,
                values,
            } => {
                check_len(values.len() as u64)?;
                let first = match from {
                    Some(m) => *m,
                    None => {
                        let (last, _) = last_value(plan, data, region, *series)?;
                        last.succ().ok_or(TweakProblem::MonthOutOfRange)?
                    }
                };
                let rates = values
                    .iter()
                    .zip(0i64..)
                    .map(|(v, k)| Ok((first.plus(k).ok_or(TweakProblem::MonthOutOfRange)?, *v)))
                    .collect::<Result<Vec<_>, _>>()?;
                set_rates(data, region, *series, rates)
            }
            Tweak::Trend {
                region,
                series,
                step,
                months,
            } => {
                check_len(u64::from(*months))?;
                let (last, start) = last_value(plan, data, region, *series)?;
                let rates = (1..=i64::from(*months))
                    .map(|k| {
                        let m = last.plus(k).ok_or(TweakProblem::MonthOutOfRange)?;
                        let units = start.units().saturating_add(step.units().saturating_mul(k));
                        Ok((m, Pct::from_units(units.clamp(0, Pct::HUNDRED.units()))))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                set_rates(data, region, *series, rates)
            }
            Tweak::SetCells { cells } => Edit::SetCells(cells.clone())
                .apply(data)
                .map(drop)
                .map_err(TweakProblem::Edit),
            Tweak::Closure {
                enterprise,
                street,
                month,
                unemployed,
            } => {
                let id = fresh_id(data.closures.iter().map(|e| e.id.as_str()), "C", index);
                let event = ClosureEvent {
                    id,
                    enterprise: enterprise.trim().to_owned(),
                    industry: String::new(),
                    street: street.clone(),
                    date: first_day(*month)?,
                    unemployed: *unemployed,
                };
                Edit::AddClosure { event, at: None }
                    .apply(data)
                    .map(drop)
                    .map_err(TweakProblem::Edit)
            }
            Tweak::Layoff {
                enterprise,
                street,
                month,
                workforce,
                laid_off,
            } => {
                let id = fresh_id(data.layoffs.iter().map(|e| e.id.as_str()), "L", index);
                let event = LayoffEvent {
                    id,
                    enterprise: enterprise.trim().to_owned(),
                    industry: String::new(),
                    street: street.clone(),
                    date: first_day(*month)?,
                    workforce: *workforce,
                    laid_off: *laid_off,
                };
                Edit::AddLayoff { event, at: None }
                    .apply(data)
                    .map(drop)
                    .map_err(TweakProblem::Edit)
            }
            Tweak::Thresholds {
                scope,
                level,
                min_rate,
                sustained_months,
                min_unemployed,
                min_share,
            } => {
                for p in [min_rate, min_share].into_iter().flatten() {
                    check_rate(*p)?;
                }
                if let Some(n) = sustained_months {
                    check_months(*n)?;
                }
                let table = thresholds_mut(plan, data, scope)?;
                let spec = table
                    .levels
                    .iter_mut()
                    .find(|s| s.level == *level)
                    .ok_or(TweakProblem::UnknownLevel { level: *level })?;
                // A tweak changes a criterion the level has; it never adds one.
                if let (Some(r), Some(rate)) = (min_rate, spec.rate.as_mut()) {
                    rate.min_rate = *r;
                }
                if let (Some(n), Some(rate)) = (sustained_months, spec.rate.as_mut()) {
                    rate.sustained_months = *n;
                }
                if let (Some(n), Some(c)) = (min_unemployed, spec.closures.as_mut()) {
                    c.min_unemployed = *n;
                }
                if let (Some(s), Some(l)) = (min_share, spec.layoffs.as_mut()) {
                    l.min_share = *s;
                }
                Ok(())
            }
            Tweak::EventWindow { months } => {
                check_months(*months)?;
                plan.parameters.event_window_months = *months;
                Ok(())
            }
            Tweak::MultipleEnterprises { closures, layoffs } => {
                if closures.is_some_and(|n| n == 0) || layoffs.is_some_and(|n| n == 0) {
                    return Err(TweakProblem::NoEnterprises);
                }
                if let Some(n) = closures {
                    plan.parameters.closures_min_enterprises = *n;
                }
                if let Some(n) = layoffs {
                    plan.parameters.layoffs_min_enterprises = *n;
                }
                Ok(())
            }
            Tweak::Art41 { enabled } => {
                plan.parameters.art41.enabled = *enabled;
                Ok(())
            }
        }
    }
}

fn check_len(n: u64) -> Result<(), TweakProblem> {
    if n > u64::from(MAX_MONTHS) {
        return Err(TweakProblem::TooManyMonths { months: n });
    }
    Ok(())
}

fn check_months(n: u32) -> Result<(), TweakProblem> {
    if !(1..=MAX_MONTHS).contains(&n) {
        return Err(TweakProblem::MonthsOutOfRange { months: n });
    }
    Ok(())
}

fn check_rate(p: Pct) -> Result<(), TweakProblem> {
    if p < Pct::ZERO || p > Pct::HUNDRED {
        return Err(TweakProblem::RateOutOfRange { value: p });
    }
    Ok(())
}

fn first_day(m: Month) -> Result<Date, TweakProblem> {
    Date::new(m.year(), m.month(), 1).ok_or(TweakProblem::MonthOutOfRange)
}

/// `HYP-C-3` for the closure of tweak 3, with a suffix if that id is taken.
fn fresh_id<'a>(taken: impl Iterator<Item = &'a str>, kind: &str, index: usize) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    let base = format!("{HYPOTHETICAL_PREFIX}{kind}-{}", index + 1);
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base)
}

/// The table a thresholds tweak changes: the plan's, or the street's own (a copy of the
/// district's when the street has none yet).
fn thresholds_mut<'a>(
    plan: &'a mut Plan,
    data: &'a mut Dataset,
    scope: &Scope,
) -> Result<&'a mut Thresholds, TweakProblem> {
    match scope {
        Scope::District => Ok(&mut plan.thresholds),
        Scope::Street(id) => {
            if data.region(id).is_none() {
                return Err(TweakProblem::UnknownRegion { region: id.clone() });
            }
            Ok(data
                .street_thresholds
                .entry(id.clone())
                .or_insert_with(|| plan.thresholds.clone()))
        }
    }
}

/// The last month a region's series has a value and that value, as the rules see it (entered,
/// own counts or the children's Σ/Σ, rounded to 0.0001 pp).
pub(crate) fn last_value(
    plan: &Plan,
    data: &Dataset,
    region: &str,
    series: Series,
) -> Result<(Month, Pct), TweakProblem> {
    if data.region(region).is_none() {
        return Err(TweakProblem::UnknownRegion {
            region: region.to_owned(),
        });
    }
    let none = || TweakProblem::NoValue {
        region: region.to_owned(),
        series,
    };
    let (from, to) = data.span().ok_or_else(none)?;
    let engine = Engine::new(plan, data);
    let values = engine.rate_series(region, series, from, to);
    from.through(to)
        .zip(values)
        .filter_map(|(m, v)| v.map(|v| (m, v)))
        .last()
        .ok_or_else(none)
}

fn set_rates(
    data: &mut Dataset,
    region: &str,
    series: Series,
    rates: Vec<(Month, Pct)>,
) -> Result<(), TweakProblem> {
    let field = rate_field(series);
    let cells = rates
        .into_iter()
        .map(|(m, v)| CellEdit::new(region, m, field, Some(Value::Rate(v))))
        .collect();
    Edit::SetCells(cells)
        .apply(data)
        .map(drop)
        .map_err(TweakProblem::Edit)
}

/// Applies `tweaks` in order to copies of `plan` and `data`: the hypothetical inputs. The
/// first tweak that cannot be applied is reported; the inputs are never changed.
pub fn apply_tweaks(
    plan: &Plan,
    data: &Dataset,
    tweaks: &[Tweak],
) -> Result<(Plan, Dataset), TweakError> {
    let mut plan = plan.clone();
    let mut data = data.clone();
    for (index, t) in tweaks.iter().enumerate() {
        t.apply_to(index, &mut plan, &mut data)
            .map_err(|problem| TweakError { index, problem })?;
    }
    Ok((plan, data))
}

/// Cell edits in JSON: the field by its CSV name and the value as typed (`"4.5"`, `"1200"`),
/// read back through the field's own parser so that a value keeps its kind and exactness.
mod cells_serde {
    use crate::edit::{CellEdit, Field};
    use crate::month::Month;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Cell {
        region: String,
        month: Month,
        field: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
    }

    pub fn serialize<S: Serializer>(cells: &[CellEdit], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(cells.iter().map(|c| Cell {
            region: c.region.clone(),
            month: c.month,
            field: c.field.id().to_owned(),
            value: c.value.map(|v| v.to_string()),
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CellEdit>, D::Error> {
        let raw = Vec::<Cell>::deserialize(d)?;
        raw.into_iter()
            .map(|c| {
                let field = Field::from_id(&c.field).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown field {:?}", c.field))
                })?;
                let value = match c.value {
                    Some(text) => field.parse(&text).map_err(|e| {
                        serde::de::Error::custom(format!("{} {text:?}: {e}", c.field))
                    })?,
                    None => None,
                };
                Ok(CellEdit::new(&c.region, c.month, field, value))
            })
            .collect()
    }
}
