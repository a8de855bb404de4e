//! The baseline and up to three scenarios side by side: per month the level of each (effective
//! and each criterion), and a diff wherever a criterion's level or key figure differs.

use crate::csv::CsvOut;
use crate::explain;
use crate::i18n::{Lang, Msg};
use crate::model::{Dataset, Scope};
use crate::month::Month;
use crate::num::{group_thousands, Pct};
use crate::plan::{Plan, Text};
use crate::rules::{Decider, EventMonth, MonthSummary, Prepared, Series, Status, MAX_MONTHS};
use crate::scenario::{Scenario, ScenarioId, TweakError};
use serde::{Deserialize, Serialize};

/// Gives a scenario's hypothetical plan and dataset with their engine, as [`Scenario::apply`]
/// and [`Prepared::new`] do.
pub type Applier<'a> = dyn Fn(&Scenario) -> Result<Prepared, TweakError> + 'a;

/// The most scenarios compared with the baseline at once.
pub const MAX_COMPARED: usize = 3;

/// What a diff entry is about: the effective level or one §5.1 criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    Effective,
    /// §5.1-Lx-a.
    Rate,
    /// §5.1-Lx-b.
    Closures,
    /// §5.1-Lx-c.
    Layoffs,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::Effective,
        Criterion::Rate,
        Criterion::Closures,
        Criterion::Layoffs,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Criterion::Effective, Lang::Zh) => "预警等级",
            (Criterion::Effective, Lang::En) => "warning level",
            (Criterion::Rate, Lang::Zh) => "失业率",
            (Criterion::Rate, Lang::En) => "unemployment rate",
            (Criterion::Closures, Lang::Zh) => "关停破产",
            (Criterion::Closures, Lang::En) => "closures",
            (Criterion::Layoffs, Lang::Zh) => "一次性裁员",
            (Criterion::Layoffs, Lang::En) => "layoffs",
        }
    }

    /// This criterion's outcome in a month's summary.
    pub fn status(self, s: &MonthSummary) -> Status {
        match self {
            Criterion::Effective => s.effective,
            Criterion::Rate => s.rate,
            Criterion::Closures => s.closures,
            Criterion::Layoffs => s.layoffs,
        }
    }
}

/// One compared column: the baseline or a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// `None` for the baseline.
    pub scenario: Option<ScenarioId>,
    pub name: String,
    /// A hypothetical column, to be shown with the exercise mark.
    pub exercise: bool,
}

/// A scenario that could not be applied to the baseline (left out of the columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedScenario {
    pub scenario: ScenarioId,
    pub name: String,
    pub error: TweakError,
}

/// One month: each column's result, in column order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedMonth {
    pub month: Month,
    pub columns: Vec<MonthSummary>,
}

crate::tag_first_enum! {
    tag = "kind", remote = "Figures", twin = FiguresIn;
    /// The key figures behind a criterion in one column and month.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Figures {
        Effective {
            decided_by: Decider,
        },
        /// The scope region's rates (rounded to 0.0001 pp for display).
        Rate {
            registered: Option<Pct>,
            actual: Option<Pct>,
        },
        /// People left unemployed by closures in the window ending this month.
        Closures {
            window_total: u64,
        },
        /// Σ laid off ÷ Σ workforce in the window (rounded), and Σ laid off.
        Layoffs {
            share: Option<Pct>,
            laid_off: u64,
        },
    }
}

/// One column's side of a diff entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffCell {
    pub status: Status,
    pub figures: Figures,
}

/// A month and criterion where the columns differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diff {
    pub month: Month,
    pub criterion: Criterion,
    /// Whether the outcomes differ (otherwise only the figures do).
    pub level_differs: bool,
    /// In column order.
    pub cells: Vec<DiffCell>,
}

/// Baseline and scenarios over a range of months for one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub scope: Scope,
    pub from: Month,
    pub to: Month,
    /// The baseline first, then each scenario that applied.
    pub columns: Vec<Column>,
    pub months: Vec<ComparedMonth>,
    /// Per column, the scope region's registered rate month by month (for an overlaid chart).
    pub registered: Vec<Vec<Option<Pct>>>,
    /// Month by month, criteria in [`Criterion::ALL`] order.
    pub diffs: Vec<Diff>,
    pub failed: Vec<FailedScenario>,
}

/// Why no comparison was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    TooManyScenarios {
        given: usize,
    },
    /// More than [`MAX_MONTHS`] months.
    RangeTooLong {
        months: i64,
    },
}

/// A chart legend's label: a scenario name cut to at most 24 characters.
pub fn legend_label(name: &str) -> String {
    if name.chars().count() <= 24 {
        name.to_owned()
    } else {
        format!("{}…", name.chars().take(23).collect::<String>())
    }
}

impl CompareError {
    pub fn text(&self) -> Text {
        match self {
            CompareError::TooManyScenarios { given } => both!(
                "最多对比 3 个推演（选了 {given} 个）",
                "At most 3 scenarios can be compared ({given} chosen)"
            ),
            CompareError::RangeTooLong { months } => both!(
                "对比范围太长（{months} 个月）",
                "The range is too long ({months} months)"
            ),
        }
    }
}

impl Figures {
    /// The figures in words; computed rates at the plan's precision (two decimals, "≈" where
    /// rounded).
    pub fn text(&self, lang: Lang) -> String {
        let pct = |p: &Option<Pct>| {
            p.map(|p| format!("{} %", p.approx(2)))
                .unwrap_or_else(|| "—".into())
        };
        match self {
            Figures::Effective { decided_by } => explain::decider(*decided_by, lang).to_owned(),
            Figures::Rate { registered, actual } => {
                let (r, a) = (pct(registered), pct(actual));
                tr!(lang, "登记 {r} · 实际 {a}", "registered {r} · actual {a}")
            }
            Figures::Closures { window_total } => {
                let n = group_thousands(*window_total);
                tr!(
                    lang,
                    "窗口内失业 {n} 人",
                    "{n} left unemployed in the window"
                )
            }
            Figures::Layoffs { share, laid_off } => {
                let (s, n) = (pct(share), group_thousands(*laid_off));
                tr!(lang, "裁员比例 {s}（{n} 人）", "share {s} ({n} laid off)")
            }
        }
    }
}

/// Consecutive months where a criterion's outcomes are the same in every column, as one row
/// (`first` and `last` are the run's first and last diff).
#[derive(Debug, PartialEq)]
pub struct DiffRun<'a> {
    pub from: Month,
    pub to: Month,
    pub first: &'a Diff,
    pub last: &'a Diff,
}

/// The diffs (in month order) merged into runs per criterion, ordered by first month and
/// criterion.
pub fn diff_runs<'a>(diffs: &[&'a Diff]) -> Vec<DiffRun<'a>> {
    let mut out: Vec<DiffRun<'a>> = Vec::new();
    for d in diffs {
        let statuses = |x: &Diff| x.cells.iter().map(|c| c.status).collect::<Vec<_>>();
        let open = out
            .iter_mut()
            .rev()
            .find(|r| r.first.criterion == d.criterion);
        match open {
            Some(r)
                if r.to.succ() == Some(d.month)
                    && r.first.level_differs == d.level_differs
                    && statuses(r.first) == statuses(d) =>
            {
                r.to = d.month;
                r.last = d;
            }
            _ => out.push(DiffRun {
                from: d.month,
                to: d.month,
                first: d,
                last: d,
            }),
        }
    }
    crate::sort::sort_by_key(&mut out, |r| (r.from, r.first.criterion));
    out
}

/// One column's per-month results and figures.
struct Evaluated {
    summaries: Vec<MonthSummary>,
    registered: Vec<Option<Pct>>,
    actual: Vec<Option<Pct>>,
    events: Vec<EventMonth>,
}

fn evaluate(p: &Prepared, scope: &Scope, from: Month, to: Month) -> Evaluated {
    let engine = p.engine();
    let region = p
        .dataset()
        .scope_region(scope)
        .map(|r| r.id.as_str())
        .unwrap_or("");
    Evaluated {
        summaries: engine.summaries(scope, from, to),
        registered: engine.rate_series(region, Series::Registered, from, to),
        actual: engine.rate_series(region, Series::Actual, from, to),
        events: engine.event_series(scope, from, to),
    }
}

impl Evaluated {
    fn cell(&self, i: usize, c: Criterion) -> Option<DiffCell> {
        let s = self.summaries.get(i)?;
        let figures = match c {
            Criterion::Effective => Figures::Effective {
                decided_by: s.decided_by,
            },
            Criterion::Rate => Figures::Rate {
                registered: self.registered.get(i).copied().flatten(),
                actual: self.actual.get(i).copied().flatten(),
            },
            Criterion::Closures => Figures::Closures {
                window_total: self.events.get(i)?.closures_window,
            },
            Criterion::Layoffs => {
                let e = self.events.get(i)?;
                Figures::Layoffs {
                    share: e.layoff_share,
                    laid_off: e.layoffs_window,
                }
            }
        };
        Some(DiffCell {
            status: c.status(s),
            figures,
        })
    }
}

/// Compares the baseline with up to [`MAX_COMPARED`] scenarios for `scope` over `from..=to`.
/// A scenario whose tweaks no longer apply is listed in `failed` instead of a column.
pub fn compare(
    plan: &Plan,
    data: &Dataset,
    scenarios: &[&Scenario],
    scope: &Scope,
    from: Month,
    to: Month,
) -> Result<Comparison, CompareError> {
    let base = Prepared::new(plan.clone(), data.clone());
    compare_in(&base, scenarios, scope, from, |_| to, &|s| s.prepare(&base))
}

/// As [`compare`], through the last month any column has data for (a trend or a hypothetical
/// event runs past the baseline's data), and at least through `at_least`. Each scenario is
/// applied once.
pub fn compare_through_data(
    plan: &Plan,
    data: &Dataset,
    scenarios: &[&Scenario],
    scope: &Scope,
    from: Month,
    at_least: Month,
) -> Result<Comparison, CompareError> {
    let base = Prepared::new(plan.clone(), data.clone());
    compare_through_data_with(&base, scenarios, scope, from, at_least, &|s| {
        s.prepare(&base)
    })
}

/// As [`compare_through_data`], with the scenarios' hypothetical inputs from `apply` — which
/// must give what [`Scenario::apply`] gives on `plan` and `data` — so that a caller holding
/// them (the UI keeps each scenario applied until it or the baseline changes) does not apply
/// them again.
pub fn compare_through_data_with(
    base: &Prepared,
    scenarios: &[&Scenario],
    scope: &Scope,
    from: Month,
    at_least: Month,
    apply: &Applier<'_>,
) -> Result<Comparison, CompareError> {
    compare_in(
        base,
        scenarios,
        scope,
        from,
        |last| last.map_or(at_least, |l| l.max(at_least)),
        apply,
    )
}

fn compare_in(
    base: &Prepared,
    scenarios: &[&Scenario],
    scope: &Scope,
    from: Month,
    to: impl FnOnce(Option<Month>) -> Month,
    apply: &Applier<'_>,
) -> Result<Comparison, CompareError> {
    if scenarios.len() > MAX_COMPARED {
        return Err(CompareError::TooManyScenarios {
            given: scenarios.len(),
        });
    }
    let mut columns = vec![Column {
        scenario: None,
        name: "基线 · baseline".to_owned(),
        exercise: false,
    }];
    let mut applied: Vec<Prepared> = Vec::new();
    let mut failed = Vec::new();
    for s in scenarios {
        match apply(s) {
            Ok(pd) => {
                columns.push(Column {
                    scenario: Some(s.id),
                    name: s.name.clone(),
                    exercise: s.exercise(),
                });
                applied.push(pd);
            }
            Err(error) => failed.push(FailedScenario {
                scenario: s.id,
                name: s.name.clone(),
                error,
            }),
        }
    }
    let last = std::iter::once(base)
        .chain(applied.iter())
        .map(Prepared::dataset)
        .filter_map(|d| d.span().map(|s| s.1))
        .max();
    let to = to(last);
    let months = from.months_until(to) + 1;
    if months > i64::from(MAX_MONTHS) {
        return Err(CompareError::RangeTooLong { months });
    }
    let evaluated: Vec<Evaluated> = std::iter::once(base)
        .chain(applied.iter())
        .map(|p| evaluate(p, scope, from, to))
        .collect();
    let mut out_months = Vec::new();
    let mut diffs = Vec::new();
    for (i, month) in from.through(to).enumerate() {
        out_months.push(ComparedMonth {
            month,
            columns: evaluated
                .iter()
                .filter_map(|e| e.summaries.get(i).copied())
                .collect(),
        });
        if evaluated.len() < 2 {
            continue;
        }
        for c in Criterion::ALL {
            let cells: Vec<DiffCell> = evaluated.iter().filter_map(|e| e.cell(i, c)).collect();
            let Some(first) = cells.first() else {
                continue;
            };
            if cells.iter().all(|x| x == first) {
                continue;
            }
            let level_differs = cells.iter().any(|x| x.status != first.status);
            diffs.push(Diff {
                month,
                criterion: c,
                level_differs,
                cells,
            });
        }
    }
    Ok(Comparison {
        scope: scope.clone(),
        from,
        to,
        columns,
        months: out_months,
        registered: evaluated.into_iter().map(|e| e.registered).collect(),
        diffs,
        failed,
    })
}

/// A column's heading: the scenario's name with the exercise mark, or "baseline".
pub fn column_name(name: &str, exercise: bool, lang: Lang) -> String {
    if exercise {
        format!("{name} · {}", super::EXERCISE_MARK.get(lang))
    } else {
        Msg::ScBaseline.text(lang).to_owned()
    }
}

/// The comparison as CSV, headed by the exercise mark, through the one CSV writer.
pub fn comparison_csv(c: &Comparison, lang: Lang) -> String {
    let mut out = CsvOut::new();
    let mark = format!("# {}", super::EXERCISE_MARK.get(lang));
    out.text_row([mark.as_str()]);
    // Scenario names are typed by users: every cell is text, so the formula guard applies.
    let mut head = vec![
        Msg::Month.text(lang).to_owned(),
        Msg::ScCriterion.text(lang).to_owned(),
    ];
    head.extend(
        c.columns
            .iter()
            .map(|col| column_name(&col.name, col.exercise, lang)),
    );
    out.text_row(head.iter().map(String::as_str));
    for m in &c.months {
        let mut row = vec![m.month.to_string(), Msg::ScEffective.text(lang).to_owned()];
        row.extend(
            m.columns
                .iter()
                .map(|s| explain::status(&s.effective, lang)),
        );
        out.text_row(row.iter().map(String::as_str));
    }
    out.finish()
}
