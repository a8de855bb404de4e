//! Plan validation with messages that name the item: errors where a plan cannot be evaluated,
//! warnings where it is suspicious. The editor and `uew plan check` show the same list.

use super::{Comparison, ExtraCriterion, Level, LevelSpec, Plan, Text};
use crate::num::Pct;
use crate::rules::MAX_MONTHS;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The plan cannot be evaluated as it stands.
    Error,
    /// It can, but probably not as meant.
    Warning,
}

/// One finding: which item (a level, a criterion by its clause label) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanProblem {
    pub severity: Severity,
    pub item: Text,
    pub message: Text,
}

impl PlanProblem {
    /// `错误 · 二级 §5.1-L2-a：…` / `error · level 2 §5.1-L2-a: …`.
    pub fn line(&self, zh: bool) -> String {
        match (zh, self.severity) {
            (true, Severity::Error) => format!("错误 · {}：{}", self.item.zh, self.message.zh),
            (true, Severity::Warning) => format!("提醒 · {}：{}", self.item.zh, self.message.zh),
            (false, Severity::Error) => format!("error · {}: {}", self.item.en, self.message.en),
            (false, Severity::Warning) => {
                format!("warning · {}: {}", self.item.en, self.message.en)
            }
        }
    }
}

impl PlanProblem {
    /// [`PlanProblem::line`] in both languages.
    pub fn text(&self) -> Text {
        Text {
            zh: self.line(true),
            en: self.line(false),
        }
    }
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[PlanProblem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

fn level_item(spec: &LevelSpec) -> Text {
    let l = spec.label();
    Text {
        zh: format!("{}（{}）", l.zh, spec.clause),
        en: format!("{} ({})", l.en, spec.clause),
    }
}

fn criterion_item(spec: &LevelSpec, clause: &str, kind: Text) -> Text {
    let l = spec.label();
    Text {
        zh: format!("{} · {} {}", l.zh, kind.zh, clause),
        en: format!("{} · {} {}", l.en, kind.en, clause),
    }
}

fn text(zh: String, en: String) -> Text {
    Text { zh, en }
}

struct Out(Vec<PlanProblem>);

impl Out {
    fn error(&mut self, item: Text, message: Text) {
        self.0.push(PlanProblem {
            severity: Severity::Error,
            item,
            message,
        });
    }
    fn warning(&mut self, item: Text, message: Text) {
        self.0.push(PlanProblem {
            severity: Severity::Warning,
            item,
            message,
        });
    }
}

fn percent_range(out: &mut Out, item: Text, p: Pct) {
    if p < Pct::ZERO || p > Pct::HUNDRED {
        out.error(
            item,
            text(
                format!("阈值 {p}% 超出 0–100% 的范围"),
                format!("threshold {p} % is outside 0–100 %"),
            ),
        );
    }
}

fn months_range(out: &mut Out, item: Text, n: u32) {
    if n == 0 || n > MAX_MONTHS {
        out.error(
            item,
            text(
                format!("持续月数 {n} 应在 1–{MAX_MONTHS} 之间"),
                format!("sustained months {n} must be 1–{MAX_MONTHS}"),
            ),
        );
    }
}

/// The problems of a plan, in the order of the plan (levels, then their criteria).
pub fn check(plan: &Plan) -> Vec<PlanProblem> {
    let mut out = Out(Vec::new());
    let table = Text::new("预警等级表", "level table");
    let levels = &plan.thresholds.levels;
    if levels.is_empty() {
        out.error(
            table.clone(),
            Text::new(
                "预案至少要有一个预警等级",
                "a plan needs at least one level",
            ),
        );
    }
    if levels.len() > usize::from(Level::MAX) {
        out.error(
            table.clone(),
            text(
                format!("最多 {} 个预警等级，现有 {} 个", Level::MAX, levels.len()),
                format!("at most {} levels; there are {}", Level::MAX, levels.len()),
            ),
        );
    }
    for (i, spec) in levels.iter().enumerate() {
        let want = i + 1;
        if usize::from(spec.level.number()) != want {
            out.error(
                level_item(spec),
                text(
                    format!("第 {want} 个等级应为 {want} 级（最严重的在前）"),
                    format!("level number {} in position {want}; levels are numbered 1, 2, … from the most severe", spec.level.number()),
                ),
            );
        }
        check_level(&mut out, plan, spec);
    }
    for pair in levels.windows(2) {
        if let [severe, milder] = pair {
            check_order(&mut out, severe, milder);
        }
    }
    if let Some(from) = plan.response_from {
        if plan.thresholds.spec(from).is_none() {
            out.error(
                Text::new("响应起始等级", "response start level"),
                text(
                    format!("{} 不在预警等级表中", super::default_label(from).zh),
                    format!(
                        "{} is not a level of the table",
                        super::default_label(from).en
                    ),
                ),
            );
        }
    }
    if plan.parameters.event_window_months == 0 || plan.parameters.event_window_months > MAX_MONTHS
    {
        out.error(
            Text::new("事件窗口", "event window"),
            text(
                format!("应为 1–{MAX_MONTHS} 个月"),
                format!("must be 1–{MAX_MONTHS} months"),
            ),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for spec in levels {
        for c in spec.clauses() {
            if !c.id.trim().is_empty() && seen.contains(&c.id.as_str()) {
                out.warning(
                    criterion_item(spec, &c.id, Text::new("条款", "clause")),
                    Text::new(
                        "条款编号重复，证据中无法区分",
                        "clause label used twice; evidence cannot tell them apart",
                    ),
                );
            }
            seen.push(&c.id);
        }
    }
    out.0
}

fn check_level(out: &mut Out, plan: &Plan, spec: &LevelSpec) {
    if spec.criteria_count() == 0 {
        out.error(
            level_item(spec),
            Text::new(
                "没有任何判定条件，永远不会达到",
                "has no criteria, so it can never be reached",
            ),
        );
    }
    for c in spec.clauses() {
        if c.id.trim().is_empty() {
            out.warning(
                level_item(spec),
                Text::new(
                    "有条件没有条款编号，证据无法引用",
                    "a criterion has no clause label for the evidence to cite",
                ),
            );
        }
    }
    if let Some(r) = &spec.rate {
        let item = criterion_item(spec, &r.clause.id, Text::new("失业率", "rate"));
        percent_range(out, item.clone(), r.min_rate);
        months_range(out, item, r.sustained_months);
    }
    if let Some(l) = &spec.layoffs {
        let item = criterion_item(spec, &l.clause.id, Text::new("裁员比例", "layoff share"));
        percent_range(out, item, l.min_share);
    }
    for x in &spec.extra {
        let item = criterion_item(spec, &x.clause().id, x.kind_name());
        match x {
            ExtraCriterion::SingleClosure(c) if c.min_unemployed == 0 => out.warning(
                item,
                Text::new("0 人：任何关停都会达到", "0 people: any closure reaches it"),
            ),
            ExtraCriterion::SingleLayoff(c) if c.min_laid_off == 0 => out.warning(
                item,
                Text::new("0 人：任何裁员都会达到", "0 people: any layoff reaches it"),
            ),
            ExtraCriterion::Indicator(c) => {
                months_range(out, item.clone(), c.sustained_months);
                if plan.indicator(&c.indicator).is_none() {
                    out.error(
                        item,
                        text(
                            format!("指标“{}”未在预案的指标中定义", c.indicator),
                            format!("indicator '{}' is not defined in the plan", c.indicator),
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Whether threshold `milder` is stricter than `severe` under comparison `cmp`.
fn stricter(cmp: Comparison, milder: Pct, severe: Pct) -> bool {
    if cmp.is_upward() {
        milder > severe
    } else {
        milder < severe
    }
}

fn order_warning(out: &mut Out, severe: &LevelSpec, milder: &LevelSpec, clause: &str, kind: Text) {
    let s = severe.label();
    out.warning(
        criterion_item(milder, clause, kind),
        text(
            format!("比更严重的{}更严格：达到{}时也会达到更严重的等级", s.zh, milder.label().zh),
            format!(
                "stricter than the more severe {}: whatever reaches it reaches the more severe level too",
                s.en
            ),
        ),
    );
}

/// A milder level with a stricter threshold than the more severe one next to it.
fn check_order(out: &mut Out, severe: &LevelSpec, milder: &LevelSpec) {
    if let (Some(s), Some(m)) = (&severe.rate, &milder.rate) {
        if s.comparison.is_upward() == m.comparison.is_upward()
            && (stricter(m.comparison, m.min_rate, s.min_rate)
                || (m.min_rate == s.min_rate && m.sustained_months > s.sustained_months))
        {
            order_warning(
                out,
                severe,
                milder,
                &m.clause.id,
                Text::new("失业率", "rate"),
            );
        }
    }
    if let (Some(s), Some(m)) = (&severe.closures, &milder.closures) {
        if m.min_unemployed > s.min_unemployed {
            order_warning(
                out,
                severe,
                milder,
                &m.clause.id,
                Text::new("关停", "closures"),
            );
        }
    }
    if let (Some(s), Some(m)) = (&severe.layoffs, &milder.layoffs) {
        if m.min_share > s.min_share {
            let kind = Text::new("裁员比例", "layoff share");
            order_warning(out, severe, milder, &m.clause.id, kind);
        }
    }
}
