//! Baseline and up to three scenarios side by side: a level timeline per column, the rates
//! overlaid in one chart with a legend, and each criterion's differences month by month.

use super::state::Page;
use crate::charts::{
    pct_f64, rate_chart, Chart, LevelColours, RateChart, Series as ChartSeries, Threshold, PALETTE,
};
use crate::explain;
use crate::i18n::{Lang, Msg};
use crate::rules::Status;
use crate::scenario::{
    column_name, compare_through_data_with, comparison_csv, diff_runs, legend_label, Comparison,
    Scenario, EXERCISE_MARK,
};
use crate::ui::download::download_text;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::{clause_tag, status_badge};
use leptos::prelude::*;

/// Months shown before the month in focus.
const BEFORE: i64 = 12;

#[derive(Clone, PartialEq)]
struct Compared {
    cmp: Comparison,
    chart: Chart,
}

fn cell_class(s: &Status) -> String {
    match s {
        Status::Warning { level } => format!("cell level-{}", level.number()),
        Status::Normal => "cell none".into(),
        Status::InsufficientData {
            at_least: Some(l), ..
        } => format!("cell level-{} unknown-more", l.number()),
        Status::InsufficientData { .. } => "cell unknown".into(),
    }
}

#[component]
pub fn ComparePanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let all_diffs = RwSignal::new(false);

    let compared = Memo::new(move |_| {
        let at = page.at.get()?;
        let (first, last) = page.span.get()?;
        let scope = page.scope.get();
        let lang = i18n.lang();
        let base = page.inputs.get();
        store.snap.with(|s| {
            let ids = page.compared_ids(s.scenarios.list());
            let list: Vec<&Scenario> = ids.iter().filter_map(|id| s.scenarios.get(*id)).collect();
            let from = at.plus(-BEFORE).map_or(first, |m| m.max(first)).min(at);
            // Through the last month any compared scenario reaches (a trend runs past the data).
            let cmp = compare_through_data_with(
                &base,
                &list,
                &scope,
                from,
                last.max(at),
                &|sc: &Scenario| page.cache.apply(&base, sc),
            );
            Some(cmp.map(|cmp| {
                let series = cmp
                    .columns
                    .iter()
                    .zip(&cmp.registered)
                    .enumerate()
                    .map(|(i, (col, values))| ChartSeries {
                        // Short: the title carries the exercise mark for the whole chart.
                        label: legend_label(if col.exercise {
                            &col.name
                        } else {
                            Msg::ScBaseline.text(lang)
                        }),
                        values: values.iter().map(|v| v.map(pct_f64)).collect(),
                        colour: PALETTE.get(i).copied().unwrap_or(PALETTE[0]),
                    })
                    .collect();
                let thresholds = base
                    .engine()
                    .thresholds_for(&scope)
                    .levels
                    .iter()
                    .filter_map(|l| {
                        Some(Threshold::percent(l.level, l.rate.as_ref()?.min_rate, lang))
                    })
                    .collect();
                let chart = rate_chart(&RateChart {
                    title: format!(
                        "{} · {} (§5.1-a)",
                        Msg::ScCompareChart.text(lang),
                        EXERCISE_MARK.get(lang)
                    ),
                    start: from,
                    series,
                    thresholds,
                    colours: LevelColours::of(base.engine().thresholds_for(&scope)),
                    levels: cmp
                        .months
                        .iter()
                        .map(|m| m.columns.first().and_then(|s| s.effective.level()))
                        .collect(),
                    projection: None,
                    width: 960,
                    height: 340,
                    lang,
                });
                Compared { cmp, chart }
            }))
        })
    });

    view! {
        <section class="compare" id="compare" tabindex="-1" aria-labelledby="compare-h">
            <h2 id="compare-h">
                {i18n.tr(Msg::ScCompare)} " " {clause_tag("§5.1")}
                <span class="exercise-tag">{move || EXERCISE_MARK.get(i18n.lang()).to_owned()}</span>
            </h2>
            <p class="hint no-print">{i18n.tr(Msg::ScCompareHint)}</p>
            {move || {
                let lang = i18n.lang();
                let at = page.at.get();
                match compared.get() {
                    None => view! { <p class="empty">{Msg::NoDataYet.text(lang)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="banner error">{e.text().get(lang).to_owned()}</p> }.into_any(),
                    Some(Ok(Compared { cmp, chart })) => {
                        let strips = cmp
                            .columns
                            .iter()
                            .enumerate()
                            .map(|(i, col)| {
                                let cells = cmp
                                    .months
                                    .iter()
                                    .map(|m| {
                                        let s = m.columns.get(i).map(|s| s.effective).unwrap_or(Status::Normal);
                                        let current = Some(m.month) == at;
                                        let cls = format!("{}{}", cell_class(&s), if current { " current" } else { "" });
                                        let title = format!("{} · {}", m.month, explain::status(&s, lang));
                                        view! { <span class=cls title=title.clone() aria-label=title></span> }
                                    })
                                    .collect_view();
                                let name = column_name(&col.name, col.exercise, lang);
                                let now = at
                                    .and_then(|a| cmp.months.iter().find(|m| m.month == a))
                                    .and_then(|m| m.columns.get(i).map(|s| s.effective));
                                view! {
                                    <tr class=if col.exercise { "exercise-row" } else { "" } data-column=i>
                                        <th scope="row">
                                            <span class=format!("swatch c{}", i % PALETTE.len()) aria-hidden="true"></span>
                                            {name}
                                        </th>
                                        <td class="now">{now.map(|s| status_badge(&s, lang))}</td>
                                        <td><div class="level-strip compact">{cells}</div></td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        let failed = cmp
                            .failed
                            .iter()
                            .map(|f| view! { <li>{f.name.clone()} ": " {f.error.message(lang)}</li> })
                            .collect_view();
                        let show_all = all_diffs.get();
                        let figure_only = cmp.diffs.iter().filter(|d| !d.level_differs).count();
                        let diffs: Vec<_> = cmp.diffs.iter().filter(|d| show_all || d.level_differs).collect();
                        let diff_rows = diff_runs(&diffs)
                            .into_iter()
                            .map(|r| {
                                let months = if r.from == r.to {
                                    r.from.to_string()
                                } else {
                                    format!("{} … {}", r.from, r.to)
                                };
                                let cells = r
                                    .first
                                    .cells
                                    .iter()
                                    .zip(&r.last.cells)
                                    .map(|(c, l)| {
                                        let first = c.figures.text(lang);
                                        let last = l.figures.text(lang);
                                        let figs = if first == last { first } else { format!("{first} … {last}") };
                                        view! {
                                            <td>{status_badge(&c.status, lang)} <div class="fig">{figs}</div></td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr class=if r.first.level_differs { "level-diff" } else { "figure-diff" }>
                                        <td class="months">{months}</td>
                                        <th scope="row">{r.first.criterion.label(lang)}</th>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view();
                        let heads = cmp
                            .columns
                            .iter()
                            .map(|c| view! { <th scope="col">{column_name(&c.name, c.exercise, lang)}</th> })
                            .collect_view();
                        let csv = comparison_csv(&cmp, lang);
                        let n_diffs = diffs.len();
                        view! {
                            <table class="timelines" id="compare-timelines">
                                <caption>{format!("{} — {} … {}", Msg::ScTimelines.text(lang), cmp.from, cmp.to)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{Msg::ScColumn.text(lang)}</th>
                                        <th scope="col">{at.map(|a| a.to_string()).unwrap_or_default()}</th>
                                        <th scope="col">{Msg::ScLevelByMonth.text(lang)}</th>
                                    </tr>
                                </thead>
                                <tbody>{strips}</tbody>
                            </table>
                            {(!cmp.failed.is_empty()).then(|| view! {
                                <div class="banner error" role="alert">
                                    {Msg::ScDoesNotApply.text(lang)}
                                    <ul>{failed}</ul>
                                </div>
                            })}
                            <figure class="chart" id="chart-compare">
                                <div class="chart-svg" inner_html=chart.svg></div>
                                <figcaption class="chart-note">{Msg::ScChartNote.text(lang)}</figcaption>
                            </figure>
                            <h3>{Msg::ScDiffs.text(lang)}</h3>
                            {if n_diffs == 0 {
                                view! { <p class="hint" id="compare-no-diff">{Msg::ScNoDiff.text(lang)}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="table-scroll">
                                        <table class="diffs" id="compare-diffs">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{Msg::Month.text(lang)}</th>
                                                    <th scope="col">{Msg::ScCriterion.text(lang)}</th>
                                                    {heads}
                                                </tr>
                                            </thead>
                                            <tbody>{diff_rows}</tbody>
                                        </table>
                                    </div>
                                }
                                .into_any()
                            }}
                            <p class="no-print">
                                {(figure_only > 0).then(|| view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=show_all on:change=move |ev| all_diffs.set(event_target_checked(&ev))/>
                                        {match lang {
                                            Lang::Zh => format!("也显示只有数值不同的 {figure_only} 处"),
                                            Lang::En => format!("also show the {figure_only} differences in figures only"),
                                        }}
                                    </label>
                                })}
                                " "
                                <button
                                    type="button"
                                    id="compare-csv"
                                    on:click=move |_| {
                                        let _ = download_text("uew-scenario-comparison-exercise.csv", "text/csv;charset=utf-8", &csv);
                                    }
                                >
                                    {Msg::ScExportCsv.text(lang)}
                                </button>
                            </p>
                        }
                        .into_any()
                    }
                }
            }}
        </section>
    }
}
