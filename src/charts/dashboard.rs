//! The dashboard's charts from the rules engine: which series, thresholds and level shading each
//! chart shows, the exact text under the pointer, and the projection's sentences. The drawing
//! modules beside this one take plain data; this one reads the engine, so the views only place
//! the result (`ui/charts_view.rs`) and a report embeds the same charts.

use super::{
    event_chart, pct_f64, rate_chart, small_multiples, Chart, EventChart, LevelColours, Panel,
    Projection, RateChart, Series as ChartSeries, SmallMultiples, Threshold, Unit, PALETTE,
};
use crate::forecast::{Forecast, NoForecast, Reach, Settings};
use crate::i18n::{forecast_reach, forecast_record, no_forecast, Lang, Msg};
use crate::model::Scope;
use crate::month::Month;
use crate::num::{group_thousands, Pct};
use crate::plan::{Comparison, Level};
use crate::rules::{Engine, EventMonth, Series, Timeline};

/// Months projected ahead.
pub const HORIZON: usize = 6;

/// The projection settings of the rate chart.
pub fn projection_settings() -> Settings {
    Settings {
        horizon: HORIZON,
        ..Settings::default()
    }
}

/// One value column of the pointer readout: a label and the exact text per month.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub label: String,
    pub values: Vec<String>,
}

/// A drawn chart with what the pointer readout shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The element id (`chart-rate`, `chart-closures`, `chart-layoffs`, `chart-streets`).
    pub id: &'static str,
    pub chart: Chart,
    pub start: Month,
    pub readouts: Vec<Readout>,
    /// Sentences below the chart (the projection's chance of a level, its method and record).
    pub notes: Vec<String>,
    /// The projection's method id (`data-method`), if there is a projection.
    pub method: Option<&'static str>,
}

fn levels_of(t: &Timeline) -> Vec<Option<Level>> {
    t.months
        .iter()
        .map(|m| m.summary.effective.level())
        .collect()
}

/// A computed rate at the plan's precision (two decimals, "≈" where rounded).
pub fn pct_text(p: Option<Pct>) -> String {
    p.map(|p| format!("{} %", p.approx(2)))
        .unwrap_or_else(|| "—".into())
}

fn clause_text(id: &str) -> String {
    format!("({id})")
}

fn window_label(window: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{window} 个月窗口"),
        Lang::En => format!("{window}-month window"),
    }
}

/// The series the rate chart projects for `scope` (the registered rate, else the surveyed one),
/// as `f64` percent per month from `from` to `to`; `None` when neither has a value.
pub fn projected_series(
    e: &Engine<'_>,
    scope: &Scope,
    from: Month,
    to: Month,
) -> Option<Vec<Option<f64>>> {
    let region = e.data().scope_region(scope)?.id.clone();
    [Series::Registered, Series::Actual]
        .into_iter()
        .map(|s| e.rate_series(&region, s, from, to))
        .find(|v| v.iter().any(Option::is_some))
        .map(|v| v.iter().map(|p| p.map(pct_f64)).collect())
}

/// The rate trend of `scope` with its threshold lines, level shading and `projection` (of
/// [`projected_series`], made by the caller so a view can keep it while that series is
/// unchanged).
pub fn rate_drawn(
    e: &Engine<'_>,
    scope: &Scope,
    t: &Timeline,
    lang: Lang,
    projection: Option<&Result<Forecast, NoForecast>>,
) -> Drawn {
    let (from, to) = (t.from, t.to);
    let region = e
        .data()
        .scope_region(scope)
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let mut series = Vec::new();
    let mut readouts = Vec::new();
    for (i, s) in [Series::Registered, Series::Actual].into_iter().enumerate() {
        let values = e.rate_series(&region, s, from, to);
        if values.iter().all(Option::is_none) {
            continue;
        }
        let label = crate::explain::series(s, lang).to_owned();
        readouts.push(Readout {
            label: label.clone(),
            values: values.iter().map(|v| pct_text(*v)).collect(),
        });
        series.push(ChartSeries {
            label,
            values: values.iter().map(|v| v.map(pct_f64)).collect(),
            colour: PALETTE.get(i).copied().unwrap_or(PALETTE[0]),
        });
    }
    let limits = e.thresholds_for(scope);
    let thresholds: Vec<Threshold> = limits
        .levels
        .iter()
        .filter_map(|l| Some(Threshold::percent(l.level, l.rate.as_ref()?.min_rate, lang)))
        .collect();
    let mut notes = Vec::new();
    let mut drawn_projection = None;
    let mut method = None;
    match projection.filter(|_| !series.is_empty()) {
        Some(Ok(f)) => {
            drawn_projection = Projection::from_forecast(0, f, lang);
            method = Some(f.method.id());
            // The lowest level whose rate criterion the observed months do not meet yet. Only
            // a "≥" rate criterion has a level to reach upwards.
            let upward = limits.levels.iter().rev().filter_map(|l| {
                let r = l.rate.as_ref()?;
                (r.comparison == Comparison::AtLeast).then_some((l.level, r))
            });
            for (level, rate) in upward {
                let Reach::Outlook(o) = f.reach(rate.min_rate, rate.sustained_months) else {
                    continue;
                };
                notes.push(forecast_reach(
                    level,
                    rate.min_rate,
                    rate.sustained_months,
                    &o,
                    HORIZON,
                    lang,
                ));
                break;
            }
            notes.push(forecast_record(f, lang));
        }
        Some(Err(why)) => notes.push(no_forecast(why, lang)),
        None => {}
    }
    let title = format!("{} {}", Msg::RateTrend.text(lang), clause_text("§5.1-a"));
    let chart = rate_chart(&RateChart {
        title,
        start: from,
        series,
        thresholds,
        levels: levels_of(t),
        colours: LevelColours::of(limits),
        projection: drawn_projection,
        width: 960,
        height: 360,
        lang,
    });
    Drawn {
        id: "chart-rate",
        chart,
        start: from,
        readouts,
        notes,
        method,
    }
}

/// The closures chart (§5.1-b: per month and in the plan's window) and the layoff-share chart
/// (§5.1-c), with their thresholds.
pub fn event_drawn(e: &Engine<'_>, scope: &Scope, t: &Timeline, lang: Lang) -> [Drawn; 2] {
    let months: Vec<EventMonth> = e.event_series(scope, t.from, t.to);
    let limits = e.thresholds_for(scope);
    let window = e.plan().parameters.event_window_months;
    let levels = levels_of(t);

    let closures = event_chart(&EventChart {
        title: format!("{} {}", Msg::ClosuresCol.text(lang), clause_text("§5.1-b")),
        start: t.from,
        bars: Some(ChartSeries {
            label: Msg::PerMonth.text(lang).to_owned(),
            values: months
                .iter()
                .map(|m| Some(m.closures_month as f64))
                .collect(),
            colour: PALETTE[4],
        }),
        line: Some(ChartSeries {
            label: window_label(window, lang),
            values: months
                .iter()
                .map(|m| Some(m.closures_window as f64))
                .collect(),
            colour: PALETTE[0],
        }),
        thresholds: limits
            .levels
            .iter()
            .filter_map(|l| {
                Some(Threshold::people(
                    l.level,
                    l.closures.as_ref()?.min_unemployed,
                    lang,
                ))
            })
            .collect(),
        levels: levels.clone(),
        colours: LevelColours::of(limits),
        unit: Unit::People,
        width: 470,
        height: 260,
        lang,
    });
    let layoffs = event_chart(&EventChart {
        title: format!("{} {}", Msg::LayoffsCol.text(lang), clause_text("§5.1-c")),
        start: t.from,
        bars: None,
        line: Some(ChartSeries {
            label: window_label(window, lang),
            values: months.iter().map(|m| m.layoff_share.map(pct_f64)).collect(),
            colour: PALETTE[2],
        }),
        thresholds: limits
            .levels
            .iter()
            .filter_map(|l| {
                Some(Threshold::percent(
                    l.level,
                    l.layoffs.as_ref()?.min_share,
                    lang,
                ))
            })
            .collect(),
        levels,
        colours: LevelColours::of(limits),
        unit: Unit::Percent,
        width: 470,
        height: 260,
        lang,
    });
    [
        Drawn {
            id: "chart-closures",
            chart: closures,
            start: t.from,
            readouts: vec![
                Readout {
                    label: Msg::PerMonth.text(lang).to_owned(),
                    values: months
                        .iter()
                        .map(|m| group_thousands(m.closures_month))
                        .collect(),
                },
                Readout {
                    label: window_label(window, lang),
                    values: months
                        .iter()
                        .map(|m| group_thousands(m.closures_window))
                        .collect(),
                },
            ],
            notes: Vec::new(),
            method: None,
        },
        Drawn {
            id: "chart-layoffs",
            chart: layoffs,
            start: t.from,
            readouts: vec![Readout {
                label: window_label(window, lang),
                values: months.iter().map(|m| pct_text(m.layoff_share)).collect(),
            }],
            notes: Vec::new(),
            method: None,
        },
    ]
}

/// One small chart per street of `streets` (ids, in that order; unknown ones are skipped) —
/// registered rate, its levels — from `from` to `to`, with the district's rate thresholds.
pub fn streets_drawn(
    e: &Engine<'_>,
    streets: &[&str],
    from: Month,
    to: Month,
    lang: Lang,
) -> Drawn {
    let mut panels = Vec::new();
    let mut readouts = Vec::new();
    for r in streets.iter().filter_map(|id| e.data().region(id)) {
        let scope = Scope::Street(r.id.clone());
        let t = e.timeline(&scope, from, to);
        let values = e.rate_series(&r.id, Series::Registered, from, to);
        let name = r.name_in(lang).to_owned();
        readouts.push(Readout {
            label: name.clone(),
            values: values.iter().map(|v| pct_text(*v)).collect(),
        });
        panels.push(Panel {
            title: name,
            series: vec![ChartSeries {
                label: crate::explain::series(Series::Registered, lang).to_owned(),
                values: values.iter().map(|v| v.map(pct_f64)).collect(),
                colour: PALETTE[0],
            }],
            levels: levels_of(&t),
        });
    }
    let district = e.thresholds_for(&Scope::District);
    let thresholds = district
        .levels
        .iter()
        .filter_map(|l| Some(Threshold::percent(l.level, l.rate.as_ref()?.min_rate, lang)))
        .collect();
    let chart = small_multiples(&SmallMultiples {
        title: Msg::StreetsSideBySide.text(lang).to_owned(),
        start: from,
        panels,
        colours: LevelColours::of(district),
        thresholds,
        columns: 3,
        panel_width: 320,
        panel_height: 180,
        lang,
    });
    Drawn {
        id: "chart-streets",
        chart,
        start: from,
        readouts,
        notes: Vec::new(),
        method: None,
    }
}

/// The charts of an analysis report (§4.4), for the district from `from` to `to`: the rate
/// with its projection and the two event charts, as `(id, SVG)`; and the projection's
/// sentences (the first says whether and when a level would be reached).
pub fn report_charts(
    e: &Engine<'_>,
    from: Month,
    to: Month,
    lang: Lang,
) -> (Vec<(&'static str, String)>, Vec<String>) {
    let scope = Scope::District;
    let t = e.timeline(&scope, from, to);
    let projection = projected_series(e, &scope, from, to)
        .map(|v| crate::forecast::project(from, &v, &projection_settings()));
    let rate = rate_drawn(e, &scope, &t, lang, projection.as_ref());
    let [closures, layoffs] = event_drawn(e, &scope, &t, lang);
    let notes = rate.notes.clone();
    let svgs = [rate, closures, layoffs]
        .into_iter()
        .map(|d| (d.id, d.chart.svg))
        .collect();
    (svgs, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Prepared;

    fn sample() -> Prepared {
        let s = crate::demo::snapshot();
        Prepared::new(s.plan, s.dataset)
    }

    #[test]
    fn the_rate_chart_reads_the_scope_s_rates_and_the_plan_s_lines() {
        let p = sample();
        let e = p.engine();
        let (from, to) = e.data().span().expect("the sample has months");
        let t = e.timeline(&Scope::District, from, to);
        let f = projected_series(e, &Scope::District, from, to)
            .map(|v| crate::forecast::project(from, &v, &projection_settings()));
        let d = rate_drawn(e, &Scope::District, &t, Lang::Zh, f.as_ref());
        assert_eq!(d.id, "chart-rate");
        assert_eq!(d.start, from);
        let reg = e.rate_series("binjiang", Series::Registered, from, to);
        let shown = d.readouts.first().expect("the registered rate is drawn");
        assert_eq!(shown.values.len(), reg.len());
        assert_eq!(
            shown.values.last(),
            Some(&pct_text(*reg.last().expect("a month")))
        );
        // One line per level with a rate criterion (§5.1-L1-a … L3-a in the Binjiang plan).
        let lines = e
            .plan()
            .thresholds
            .levels
            .iter()
            .filter(|l| l.rate.is_some())
            .count();
        assert_eq!(lines, 3);
        for l in &e.plan().thresholds.levels {
            let r = l
                .rate
                .as_ref()
                .expect("Binjiang levels have a rate criterion");
            assert!(
                d.chart.svg.contains(&format!("{}", r.min_rate)),
                "{}",
                r.min_rate
            );
        }
        // The sample has 58 months: a projection is made and its method named.
        assert!(d.method.is_some());
        assert!(!d.notes.is_empty());
        // Without a projection, none is drawn or described.
        let plain = rate_drawn(e, &Scope::District, &t, Lang::Zh, None);
        assert_eq!(plain.method, None);
        assert!(plain.notes.is_empty());
    }

    #[test]
    fn too_short_a_series_says_why_there_is_no_projection() {
        let p = sample();
        let e = p.engine();
        let (_, to) = e.data().span().expect("the sample has months");
        let from = to.plus(-5).expect("a month");
        let t = e.timeline(&Scope::District, from, to);
        let v = projected_series(e, &Scope::District, from, to).expect("rates");
        let f = crate::forecast::project(from, &v, &projection_settings());
        assert!(f.is_err());
        let d = rate_drawn(e, &Scope::District, &t, Lang::En, Some(&f));
        assert_eq!(d.method, None);
        assert_eq!(d.notes.len(), 1);
    }

    #[test]
    fn the_event_charts_show_the_engine_s_window_sums() {
        let p = sample();
        let e = p.engine();
        let (from, to) = e.data().span().expect("the sample has months");
        let t = e.timeline(&Scope::District, from, to);
        let [c, l] = event_drawn(e, &Scope::District, &t, Lang::Zh);
        assert_eq!((c.id, l.id), ("chart-closures", "chart-layoffs"));
        let months = e.event_series(&Scope::District, from, to);
        let window = c.readouts.get(1).expect("the window column");
        let want: Vec<String> = months
            .iter()
            .map(|m| group_thousands(m.closures_window))
            .collect();
        assert_eq!(window.values, want);
        assert!(window
            .label
            .contains(&e.plan().parameters.event_window_months.to_string()));
        let share = l.readouts.first().expect("the share column");
        assert_eq!(share.values.len(), months.len());
    }

    #[test]
    fn one_small_chart_per_street_and_the_report_s_three_charts() {
        let p = sample();
        let e = p.engine();
        let (from, to) = e.data().span().expect("the sample has months");
        let ids: Vec<&str> = e.data().streets().map(|r| r.id.as_str()).collect();
        let d = streets_drawn(e, &ids, from, to, Lang::En);
        let names: Vec<String> = e
            .data()
            .streets()
            .map(|r| r.name_in(Lang::En).to_owned())
            .collect();
        let labels: Vec<String> = d.readouts.iter().map(|r| r.label.clone()).collect();
        assert_eq!(labels, names);
        assert_eq!(d.chart.layout.panels.len(), names.len());
        // A page or a filter draws the streets asked for, in that order; unknown ids are
        // skipped.
        let two = [ids[2], "nowhere", ids[0]];
        let d = streets_drawn(e, &two, from, to, Lang::En);
        let labels: Vec<&str> = d.readouts.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, [names[2].as_str(), names[0].as_str()]);
        let (svgs, notes) = report_charts(e, from, to, Lang::Zh);
        let ids: Vec<&str> = svgs.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["chart-rate", "chart-closures", "chart-layoffs"]);
        assert!(!notes.is_empty());
    }

    #[test]
    fn the_charts_draw_each_level_in_the_plan_s_colour() {
        use crate::plan::WarningColour;
        let snap = crate::demo::snapshot();
        // plotters writes colours in capitals.
        let hex = |c: WarningColour| super::super::Rgb::warning(c).hex().to_ascii_uppercase();
        let draw = |plan: crate::plan::Plan| {
            let p = Prepared::new(plan, snap.dataset.clone());
            let e = p.engine();
            let (from, to) = e.data().span().expect("months");
            let t = e.timeline(&Scope::District, from, to);
            let [c, _] = event_drawn(e, &Scope::District, &t, Lang::Zh);
            (
                rate_drawn(e, &Scope::District, &t, Lang::Zh, None)
                    .chart
                    .svg,
                c.chart.svg,
            )
        };
        let (rate, closures) = draw(snap.plan.clone());
        assert!(rate.contains(&hex(WarningColour::Yellow)));
        assert!(!rate.contains(&hex(WarningColour::Blue)));
        // A plan that shows its level 3 in blue: lines, labels and shading follow it.
        let mut blue = snap.plan.clone();
        for l in &mut blue.thresholds.levels {
            if l.level.number() == 3 {
                l.colour = Some(WarningColour::Blue);
            }
        }
        let (rate, closures_blue) = draw(blue);
        assert!(rate.contains(&hex(WarningColour::Blue)));
        assert!(!rate.contains(&hex(WarningColour::Yellow)));
        assert_ne!(closures, closures_blue);
    }
}
