//! "What it takes" (reverse what-if): for a scope and a target month, the smallest change that
//! reaches each level and the change that brings the level back to normal.
//!
//! Every suggestion is built from the engine's own evidence for that month (the rates with
//! their exact sources, the closures and layoffs in the window), expressed as tweaks, and then
//! checked: the tweaks are applied to copies of the inputs and the engine re-evaluates the
//! month. Only suggestions for which the engine gives the stated outcome are returned.

use crate::edit::{CellEdit, Value};
use crate::i18n::{level_name, Lang};
use crate::model::{Dataset, RegionKind, Scope};
use crate::month::Month;
use crate::num::{group_thousands, Pct, Rate};
use crate::plan::{Level, Plan, Text, Thresholds};
use crate::rules::{
    Engine, EnterpriseLayoffs, Evaluation, MonthRate, MonthSummary, RateSource, SeriesEvidence,
    Status, MAX_MONTHS,
};
use crate::scenario::compare::Criterion;
use crate::scenario::tweak::{
    apply_tweaks, rate_field, region_name, scope_name, series_name, Tweak,
};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

/// The most hypothetical enterprises one suggestion adds (a plan asking for more "multiple"
/// enterprises gets no event suggestion rather than a list nobody can read).
const MAX_NEW_ENTERPRISES: u64 = 20;

/// The workforce of a hypothetical enterprise when the data gives no typical one.
const DEFAULT_WORKFORCE: u64 = 1_000;

crate::tag_first_enum! {
    tag = "goal", remote = "Goal", twin = GoalIn;
    /// What a suggestion achieves.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Goal {
        /// Exactly this level (not a more severe one), through the suggestion's criterion.
        Reach { level: Level },
        /// No level: for the criterion, or for the scope as a whole (`Criterion::Effective`).
        Normal,
    }
}

/// One change, ready to apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub goal: Goal,
    /// The criterion the change works through; `Effective` for the level as a whole.
    pub via: Criterion,
    /// The month the goal holds in: the target month, or a later one ("normal from …").
    pub month: Month,
    pub text: Text,
    /// Empty when nothing needs to change but time ("if no new events").
    pub tweaks: Vec<Tweak>,
    /// The engine's result in `month` with the tweaks applied.
    pub result: MonthSummary,
}

impl Suggestion {
    /// Whether a month's result meets the goal: for a level, the effective level and the
    /// criterion's level are both exactly it; for normal, the criterion (or the effective level)
    /// has no level.
    pub fn holds(&self, s: &MonthSummary) -> bool {
        goal_holds(self.goal, self.via, s)
    }

    /// The result could still be higher once missing months are filled.
    pub fn uncertain(&self) -> bool {
        self.result.effective.is_insufficient()
    }
}

fn goal_holds(goal: Goal, via: Criterion, s: &MonthSummary) -> bool {
    match goal {
        Goal::Reach { level } => {
            s.effective.level() == Some(level) && via.status(s).level() == Some(level)
        }
        Goal::Normal => via.status(s) == Status::Normal,
    }
}

/// The ways to one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelReach {
    pub level: Level,
    /// The scope is at this level or a more severe one already.
    pub already: bool,
    /// One per criterion that can reach it: rate, closures, layoffs.
    pub suggestions: Vec<Suggestion>,
}

/// What it takes, for one scope in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatItTakes {
    pub scope: Scope,
    pub month: Month,
    pub current: MonthSummary,
    /// Level 3, 2, 1.
    pub levels: Vec<LevelReach>,
    /// Per criterion not normal, then the scope as a whole; empty when already normal.
    pub normal: Vec<Suggestion>,
}

/// A suggestion before the engine has checked it.
struct Candidate {
    goal: Goal,
    via: Criterion,
    month: Month,
    text: Text,
    tweaks: Vec<Tweak>,
}

struct Ctx<'a> {
    plan: &'a Plan,
    data: &'a Dataset,
    scope: &'a Scope,
    month: Month,
    ev: Evaluation,
    thresholds: Thresholds,
}

/// For `scope` in `month`: for levels 3, 2 and 1 the smallest change through each criterion
/// that gives exactly that level, and the changes that give no level. Each suggestion has been
/// applied and re-evaluated by the engine.
pub fn what_it_takes(plan: &Plan, data: &Dataset, scope: &Scope, month: Month) -> WhatItTakes {
    let engine = Engine::new(plan, data);
    let ev = engine.evaluate(scope, month);
    let current = ev.summary();
    let cx = Ctx {
        plan,
        data,
        scope,
        month,
        thresholds: engine.thresholds_for(scope).clone(),
        ev,
    };
    // Every level of the scope's table, mildest first.
    let levels = cx
        .thresholds
        .level_list()
        .into_iter()
        .rev()
        .map(|level| {
            let already = current.effective.level() >= Some(level);
            let suggestions = if already {
                Vec::new()
            } else {
                [
                    cx.rate_reach(level),
                    cx.closures_reach(level),
                    cx.layoffs_reach(level),
                ]
                .into_iter()
                .flatten()
                .filter_map(|c| cx.verify(c))
                .collect()
            };
            LevelReach {
                level,
                already,
                suggestions,
            }
        })
        .collect();
    let normal = cx
        .normal(&engine, &current)
        .into_iter()
        .filter_map(|c| cx.verify(c))
        .collect();
    WhatItTakes {
        scope: scope.clone(),
        month,
        current,
        levels,
        normal,
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        zh: f(Lang::Zh),
        en: f(Lang::En),
    }
}

/// Whether a month's rate is at or above `p`, exactly (computed rates from their counts).
fn exact_at_least(mr: &MonthRate, p: Pct) -> bool {
    match &mr.source {
        Some(RateSource::Entered) => mr.value.is_some_and(|v| v >= p),
        Some(RateSource::Counts {
            unemployed,
            labour_force,
        })
        | Some(RateSource::Children {
            unemployed,
            labour_force,
            ..
        }) => Rate::from_counts(*unemployed, *labour_force).is_some_and(|r| r.at_least(p)),
        None => false,
    }
}

fn month_rate(se: &SeriesEvidence, m: Month) -> Option<&MonthRate> {
    se.months.iter().find(|x| x.month == m)
}

/// The least `x` with `x / whole ≥ p` (`p` in 0.0001 pp units).
fn share_of(p: Pct, whole: u64) -> u64 {
    let units = u128::from(p.units().unsigned_abs());
    let need = (units * u128::from(whole)).div_ceil(1_000_000);
    u64::try_from(need).unwrap_or(u64::MAX)
}

/// "2027-01、2027-02" / "2027-01 and 2027-02"; long lists by their ends.
fn months_text(months: &[Month], lang: Lang) -> String {
    let names: Vec<String> = months.iter().map(|m| m.to_string()).collect();
    match (names.as_slice(), lang) {
        ([], _) => String::new(),
        ([one], _) => one.clone(),
        (all, Lang::Zh) if all.len() <= 4 => all.join("、"),
        ([first, .., last], Lang::Zh) => format!("{first} 至 {last} 间的 {} 个月", names.len()),
        (all, Lang::En) if all.len() <= 4 => {
            let (last, rest) = all
                .split_last()
                .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            format!("{} and {last}", rest.join(", "))
        }
        ([first, .., last], Lang::En) => {
            format!("{} months between {first} and {last}", names.len())
        }
    }
}

impl Ctx<'_> {
    fn verify(&self, c: Candidate) -> Option<Suggestion> {
        let (plan, data) = apply_tweaks(self.plan, self.data, &c.tweaks).ok()?;
        let result = Engine::new(&plan, &data)
            .summaries(self.scope, c.month, c.month)
            .into_iter()
            .next()?;
        if !goal_holds(c.goal, c.via, &result) {
            return None;
        }
        let mut text = c.text;
        if result.effective.is_insufficient() {
            text.zh
                .push_str("（部分月份缺少失业率数据，补齐后等级可能更高）");
            text.en
                .push_str(" (some months lack rate data; once filled the level could be higher)");
        }
        Some(Suggestion {
            goal: c.goal,
            via: c.via,
            month: c.month,
            text,
            tweaks: c.tweaks,
            result,
        })
    }

    /// The region whose rates the scope reads.
    fn region(&self) -> Option<&str> {
        self.data.scope_region(self.scope).map(|r| r.id.as_str())
    }

    /// Where hypothetical events of this scope are filed: the street, or the district as a
    /// whole (so that no street's own level changes); communities have no events.
    fn event_street(&self) -> Option<String> {
        match self.scope {
            Scope::District => self.data.district().map(|d| d.id.clone()),
            Scope::Street(id) => self
                .data
                .region(id)
                .filter(|r| r.kind == RegionKind::Street)
                .map(|r| r.id.clone()),
        }
    }

    fn scope_text(&self, lang: Lang) -> String {
        scope_name(self.data, self.scope, lang)
    }

    /// Names no enterprise in the data has, so each counts as a further enterprise.
    fn fresh_names(&self, n: u64) -> Vec<String> {
        let taken: std::collections::HashSet<&str> = self
            .data
            .closures
            .iter()
            .map(|e| e.enterprise.trim())
            .chain(self.data.layoffs.iter().map(|e| e.enterprise.trim()))
            .collect();
        (1u64..)
            .map(|k| format!("假设企业 {k} (hypothetical)"))
            .filter(|name| !taken.contains(name.as_str()))
            .take(usize::try_from(n).unwrap_or(0))
            .collect()
    }

    /// The series a rate suggestion may use: those the plan reads that have data for the region
    /// (a series never started would become missing afterwards), else the first the plan reads.
    fn rate_candidates(ev: &Evaluation) -> Vec<&SeriesEvidence> {
        let started: Vec<&SeriesEvidence> = ev
            .rate
            .series
            .iter()
            .filter(|s| s.first_month.is_some())
            .collect();
        if started.is_empty() {
            ev.rate.series.first().into_iter().collect()
        } else {
            started
        }
    }

    /// (a) The months of the level's window not yet at the threshold, set to the threshold —
    /// in the series that needs fewest.
    fn rate_reach(&self, level: Level) -> Option<Candidate> {
        let region = self.region()?;
        let rate = self.thresholds.spec(level)?.rate.as_ref()?;
        // "What it takes" raises rates to a "≥" threshold; other comparisons get no proposal.
        if rate.comparison != crate::plan::Comparison::AtLeast {
            return None;
        }
        let thr = rate.min_rate.max(Pct::ZERO);
        if thr > Pct::HUNDRED {
            return None;
        }
        let sustained = rate.sustained_months.clamp(1, MAX_MONTHS);
        let start = self.month.plus(1 - i64::from(sustained))?;
        let (series, months) = Self::rate_candidates(&self.ev)
            .into_iter()
            .map(|se| {
                let months: Vec<Month> = start
                    .through(self.month)
                    .filter(|m| !month_rate(se, *m).is_some_and(|mr| exact_at_least(mr, thr)))
                    .collect();
                (se.series, months)
            })
            .min_by_key(|(_, months)| months.len())?;
        if months.is_empty() {
            return None;
        }
        let have = u64::from(sustained).saturating_sub(months.len() as u64);
        let cells = months
            .iter()
            .map(|m| CellEdit::new(region, *m, rate_field(series), Some(Value::Rate(thr))))
            .collect();
        let text = both(|lang| {
            let name = region_name(self.data, region, lang);
            let s = series_name(series, lang);
            let lv = level_name(level, lang);
            let when = months_text(&months, lang);
            match lang {
                Lang::Zh => format!(
                    "{name}{s}在 {when} 达到 {thr}% 即达{lv}（需连续 {sustained} 个月，已有 {have} 个月）"
                ),
                Lang::En => format!(
                    "{s} of {name} ≥ {thr} % in {when} reaches {lv} ({sustained} consecutive months needed, {have} already)"
                ),
            }
        });
        Some(Candidate {
            goal: Goal::Reach { level },
            via: Criterion::Rate,
            month: self.month,
            text,
            tweaks: vec![Tweak::SetCells { cells }],
        })
    }

    /// (b) The people (and enterprises) the closures in the window lack, as closures in the
    /// target month.
    fn closures_reach(&self, level: Level) -> Option<Candidate> {
        let street = self.event_street()?;
        let spec = self.thresholds.spec(level)?;
        let c = &self.ev.closures;
        let min_ent = self.plan.parameters.closures_min_enterprises;
        let need_people = spec
            .closures
            .as_ref()?
            .min_unemployed
            .saturating_sub(c.total_unemployed);
        let need_ent = u64::from(min_ent.saturating_sub(c.enterprises));
        if need_people == 0 && need_ent == 0 {
            return None;
        }
        let k = need_ent.max(1);
        if k > MAX_NEW_ENTERPRISES {
            return None;
        }
        let total = need_people.max(k);
        let names = self.fresh_names(k);
        let tweaks: Vec<Tweak> = names
            .into_iter()
            .zip(0u64..)
            .map(|(enterprise, i)| Tweak::Closure {
                enterprise,
                street: street.clone(),
                month: self.month,
                unemployed: total / k + u64::from(i < total % k),
            })
            .collect();
        let (from, to) = (c.window.from, c.window.to);
        let text = both(|lang| {
            let n = group_thousands(total);
            let lv = level_name(level, lang);
            let whose = self.scope_text(lang);
            match lang {
                Lang::Zh => format!(
                    "{whose}窗口内（{from} 至 {to}）再有 {n} 人因企业关停破产失业即达{lv}（如 {} {k} 家企业关停）",
                    self.month
                ),
                Lang::En => format!(
                    "{n} more people left unemployed by closures in {whose} within the window ({from} … {to}) reach {lv} (e.g. {k} closure(s) in {})",
                    self.month
                ),
            }
        });
        Some(Candidate {
            goal: Goal::Reach { level },
            via: Criterion::Closures,
            month: self.month,
            text,
            tweaks,
        })
    }

    /// Whether a layoff counts as "one-time" under the plan (art. 41 when enabled).
    fn layoff_counts(&self, workforce: u64, laid_off: u64) -> bool {
        let a = &self.plan.parameters.art41;
        !a.enabled
            || laid_off >= a.min_people
            || (workforce > 0 && laid_off >= share_of(a.min_share.max(Pct::ZERO), workforce))
    }

    /// The smallest layoff that counts at an enterprise of `workforce`.
    fn countable_min(&self, workforce: u64) -> u64 {
        let a = &self.plan.parameters.art41;
        if !a.enabled {
            return 1;
        }
        a.min_people
            .min(share_of(a.min_share.max(Pct::ZERO), workforce))
            .max(1)
    }

    /// The workforce stated for a hypothetical enterprise: the median workforce of the layoffs
    /// that count in the data, to the nearest 100.
    fn stated_workforce(&self) -> u64 {
        let mut wf: Vec<u64> = self
            .data
            .layoffs
            .iter()
            .filter(|e| self.layoff_counts(e.workforce, e.laid_off))
            .map(|e| e.workforce)
            .collect();
        crate::sort::sort(&mut wf);
        match wf.get(wf.len() / 2) {
            Some(m) => (m.saturating_add(50) / 100 * 100).max(100),
            None => DEFAULT_WORKFORCE,
        }
    }

    /// (c) Layoffs that bring the pooled share Σ laid off ÷ Σ workforce to the threshold, at
    /// enough enterprises: hypothetical ones (with a stated workforce) where too few are
    /// involved, then further layoffs at the enterprises already counted (which leaves Σ
    /// workforce unchanged), largest spare workforce first.
    fn layoffs_reach(&self, level: Level) -> Option<Candidate> {
        let street = self.event_street()?;
        let spec = self.thresholds.spec(level)?;
        let share = spec.layoffs.as_ref()?.min_share.max(Pct::ZERO);
        if share > Pct::HUNDRED {
            return None;
        }
        let lay = &self.ev.layoffs;
        let n = lay.enterprises.len() as u64;
        let min_ent = u64::from(self.plan.parameters.layoffs_min_enterprises);
        let new_ent = min_ent.saturating_sub(n).max(u64::from(n == 0));
        if new_ent > MAX_NEW_ENTERPRISES {
            return None;
        }
        let wf_new = self.stated_workforce();
        let pooled = lay
            .total_workforce
            .saturating_add(new_ent.saturating_mul(wf_new));
        let needed = share_of(share, pooled).saturating_sub(lay.total_laid_off);
        if needed == 0 && new_ent == 0 {
            return None;
        }
        // (enterprise, street, workforce, laid off). A hypothetical enterprise first lays off
        // about the threshold share of its own workforce (plausible, and it must count under
        // art. 41); the rest goes to the enterprises already involved, and only what they cannot
        // take tops the hypothetical ones up.
        let mut pieces: Vec<(String, String, u64, u64)> = Vec::new();
        let mut rest = needed;
        let min_new = self.countable_min(wf_new);
        let own_share = share_of(share, wf_new).max(min_new).min(wf_new);
        for (name, i) in self.fresh_names(new_ent).into_iter().zip(0u64..) {
            let even = rest.div_ceil(new_ent - i);
            let laid = even.min(own_share).max(min_new).min(wf_new);
            pieces.push((name, street.clone(), wf_new, laid));
            rest = rest.saturating_sub(laid);
        }
        let mut existing: Vec<&EnterpriseLayoffs> = lay.enterprises.iter().collect();
        crate::sort::sort_by_key(&mut existing, |e| {
            Reverse(e.workforce.saturating_sub(e.laid_off))
        });
        for e in existing {
            if rest == 0 {
                break;
            }
            let spare = e.workforce.saturating_sub(e.laid_off);
            let mut laid = rest.min(spare);
            if laid > 0 && !self.layoff_counts(e.workforce, laid) {
                laid = self.countable_min(e.workforce).min(spare);
            }
            if laid == 0 || !self.layoff_counts(e.workforce, laid) {
                continue;
            }
            let at = lay
                .counted
                .iter()
                .find(|r| r.enterprise.trim() == e.enterprise)
                .map_or_else(|| street.clone(), |r| r.street.clone());
            pieces.push((e.enterprise.clone(), at, e.workforce, laid));
            rest = rest.saturating_sub(laid);
        }
        for p in pieces
            .iter_mut()
            .take(usize::try_from(new_ent).unwrap_or(0))
        {
            let more = rest.min(p.2.saturating_sub(p.3));
            p.3 += more;
            rest -= more;
        }
        if rest > 0 {
            return None;
        }
        let total: u64 = pieces.iter().map(|p| p.3).sum();
        let involved = n + new_ent;
        let tweaks = pieces
            .into_iter()
            .map(|(enterprise, street, workforce, laid_off)| Tweak::Layoff {
                enterprise,
                street,
                month: self.month,
                workforce,
                laid_off,
            })
            .collect();
        let (from, to) = (lay.window.from, lay.window.to);
        let text = both(|lang| {
            let people = group_thousands(total);
            let lv = level_name(level, lang);
            let whose = self.scope_text(lang);
            let wf = group_thousands(wf_new);
            match lang {
                Lang::Zh => {
                    let mut s = format!(
                        "{whose}窗口内（{from} 至 {to}）再一次性裁员 {people} 人即达{lv}：裁员比例（Σ裁员 ÷ Σ职工）≥ {share}%，涉及 {involved} 家企业（至少 {min_ent} 家）"
                    );
                    if new_ent > 0 {
                        s.push_str(&format!(
                            "；其中假设新增 {new_ent} 家企业，各有职工 {wf} 人"
                        ));
                    }
                    s
                }
                Lang::En => {
                    let mut s = format!(
                        "layoffs of {people} more people in {whose} within the window ({from} … {to}) at ≥ {min_ent} enterprises reach {lv}: pooled share Σ laid off ÷ Σ workforce ≥ {share} %, {involved} enterprises involved"
                    );
                    if new_ent > 0 {
                        s.push_str(&format!(
                            "; including {new_ent} hypothetical enterprise(s) of {wf} employees each"
                        ));
                    }
                    s
                }
            }
        });
        Some(Candidate {
            goal: Goal::Reach { level },
            via: Criterion::Layoffs,
            month: self.month,
            text,
            tweaks,
        })
    }

    /// The lowest rate threshold of the scope's table and a value just below it (0.1 pp, or
    /// down to 0).
    fn below_all(&self) -> Option<(Pct, Pct)> {
        let lowest = self
            .thresholds
            .levels
            .iter()
            .filter_map(|l| l.rate.as_ref())
            .filter(|r| r.comparison.is_upward())
            .map(|r| r.min_rate.max(Pct::ZERO))
            .min()?;
        if lowest == Pct::ZERO {
            return None;
        }
        let below = Pct::from_units(lowest.units() - lowest.units().min(1_000));
        Some((lowest, below))
    }

    /// The rate of `month` below every threshold, in each series that is at or above the lowest
    /// one or missing: no level's window, all ending in `month`, is then complete.
    fn rate_below(&self, ev: &Evaluation, month: Month) -> Option<(Vec<CellEdit>, Text)> {
        let region = self.region()?;
        let (lowest, below) = self.below_all()?;
        let series: Vec<_> = ev
            .rate
            .series
            .iter()
            .filter(|se| match month_rate(se, month) {
                Some(mr) if mr.value.is_none() => mr.missing,
                Some(mr) => exact_at_least(mr, lowest),
                None => false,
            })
            .map(|se| se.series)
            .collect();
        if series.is_empty() {
            return None;
        }
        let cells = series
            .iter()
            .map(|s| CellEdit::new(region, month, rate_field(*s), Some(Value::Rate(below))))
            .collect();
        let text = both(|lang| {
            let name = region_name(self.data, region, lang);
            let sep = if lang == Lang::Zh { "、" } else { " and " };
            let names = series
                .iter()
                .map(|s| series_name(*s, lang))
                .collect::<Vec<_>>()
                .join(sep);
            match lang {
                Lang::Zh => format!("{month} {name}{names}低于 {lowest}%（如 {below}%）"),
                Lang::En => {
                    format!("{names} of {name} below {lowest} % in {month} (e.g. {below} %)")
                }
            }
        });
        Some((cells, text))
    }

    /// The changes that give no level: per criterion not normal in the target month, then for
    /// the scope as a whole (events leaving the window, the rate below every threshold in the
    /// first month no event, special determination or city warning keeps a level).
    fn normal(&self, engine: &Engine, current: &MonthSummary) -> Vec<Candidate> {
        let mut out = Vec::new();
        if current.effective == Status::Normal {
            return out;
        }
        if current.rate != Status::Normal {
            if let Some((cells, text)) = self.rate_below(&self.ev, self.month) {
                out.push(Candidate {
                    goal: Goal::Normal,
                    via: Criterion::Rate,
                    month: self.month,
                    text: both(|lang| match lang {
                        Lang::Zh => format!("失业率指标恢复正常：{}", text.zh),
                        Lang::En => format!("rate back to normal: {}", text.en),
                    }),
                    tweaks: vec![Tweak::SetCells { cells }],
                });
            }
        }
        let window = self
            .plan
            .parameters
            .event_window_months
            .clamp(1, MAX_MONTHS);
        let last = self.horizon(window);
        let ahead = engine.summaries(self.scope, self.month, last);
        for via in [Criterion::Closures, Criterion::Layoffs] {
            if via.status(current) == Status::Normal {
                continue;
            }
            let Some(m) = ahead
                .iter()
                .find(|s| via.status(s) == Status::Normal)
                .map(|s| s.month)
            else {
                continue;
            };
            let text = both(|lang| {
                let what = via.label(lang);
                match lang {
                    Lang::Zh => format!(
                        "若无新增{what}事件，自 {m} 起{what}指标恢复正常（事件移出 {window} 个月窗口）"
                    ),
                    Lang::En => format!(
                        "{what}: normal from {m} if no new events (they leave the {window}-month window)"
                    ),
                }
            });
            out.push(Candidate {
                goal: Goal::Normal,
                via,
                month: m,
                text,
                tweaks: Vec::new(),
            });
        }
        let clear = ahead.iter().find(|s| {
            s.closures == Status::Normal
                && s.layoffs == Status::Normal
                && s.special.is_none()
                && s.city.is_none()
        });
        if let Some(s) = clear {
            let m = s.month;
            let rate = if s.rate == Status::Normal {
                None
            } else {
                self.rate_below(&engine.evaluate(self.scope, m), m)
            };
            let events_wait = m > self.month;
            let whose = both(|lang| self.scope_text(lang));
            let text = both(|lang| {
                let mut parts = Vec::new();
                if events_wait {
                    parts.push(match lang {
                        Lang::Zh => "无新增关停破产和裁员事件".to_owned(),
                        Lang::En => "no new closures or layoffs".to_owned(),
                    });
                }
                if let Some((_, t)) = &rate {
                    parts.push(t.get(lang).to_owned());
                }
                let who = whose.get(lang);
                match lang {
                    Lang::Zh => format!("{who} {m} 恢复正常：{}", parts.join("，且 ")),
                    Lang::En => format!("{who} back to normal in {m}: {}", parts.join(", and ")),
                }
            });
            out.push(Candidate {
                goal: Goal::Normal,
                via: Criterion::Effective,
                month: m,
                text,
                tweaks: rate
                    .map(|(cells, _)| vec![Tweak::SetCells { cells }])
                    .unwrap_or_default(),
            });
        }
        out
    }

    /// The last month worth scanning for "normal from": past every event's window and every
    /// override that ends (an open-ended one never ends).
    fn horizon(&self, window: u32) -> Month {
        let data_end = self.data.span().map_or(self.month, |(_, to)| to);
        let overrides = self
            .data
            .city_warnings
            .iter()
            .filter_map(|w| w.until.map(|u| u.max(w.from)))
            .chain(
                self.data
                    .special_determinations
                    .iter()
                    .filter_map(|s| s.until),
            )
            .max()
            .unwrap_or(self.month);
        let end = self.month.max(data_end).max(overrides);
        let end = end.plus_saturating(i64::from(window));
        end.min(self.month.plus_saturating(i64::from(MAX_MONTHS)))
    }
}
