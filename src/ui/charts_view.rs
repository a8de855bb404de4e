//! The dashboard's charts: the rate trend with threshold lines, level shading and a labelled
//! projection; closures and layoffs against their thresholds; one small chart per street.
//! Charts are SVG (crisp at any DPI and in print), redrawn from memos when the data changes, with
//! the exact value under the pointer and SVG/PNG download.

use super::derived::{region_name, Focus};
use super::download::download_text;
use super::i18n_ctx::I18n;
use super::persist::js_message;
use super::store::Store;
use super::widgets::clause_tag;
use crate::charts::{
    event_chart, pct_f64, rate_chart, small_multiples, Chart, EventChart, Panel, Projection,
    RateChart, Series as ChartSeries, SmallMultiples, Threshold, Unit, PALETTE,
};
use crate::forecast::{self, Reach, Settings};
use crate::i18n::{forecast_reach, forecast_record, no_forecast, Lang, Msg};
use crate::model::Scope;
use crate::month::Month;
use crate::num::{group_thousands, Pct};
use crate::plan::Level;
use crate::rules::{Engine, EventMonth, Series, Timeline};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Months projected ahead.
const HORIZON: usize = 6;

/// One value column of the readout: a label and the exact text per month.
#[derive(Clone, PartialEq)]
struct Readout {
    label: String,
    values: Vec<String>,
}

/// A drawn chart with what the pointer readout shows.
#[derive(Clone, PartialEq)]
struct Drawn {
    id: &'static str,
    chart: Chart,
    start: Month,
    readouts: Vec<Readout>,
    /// Sentences below the chart (the projection's chance of a level, its method and record).
    notes: Vec<String>,
    /// The projection's method id (`data-method`), if there is a projection.
    method: Option<&'static str>,
}

fn levels_of(t: &Timeline) -> Vec<Option<Level>> {
    t.months
        .iter()
        .map(|m| m.summary.effective.level())
        .collect()
}

fn pct_text(p: Option<Pct>) -> String {
    p.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into())
}

fn rate_drawn(e: &Engine<'_>, scope: &Scope, t: &Timeline, lang: Lang) -> Drawn {
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
        .map(|l| Threshold::percent(l.level, l.rate.min_rate, lang))
        .collect();
    // The projection continues the registered series (the first one drawn).
    let mut notes = Vec::new();
    let mut projection = None;
    let mut method = None;
    if let Some(first) = series.first() {
        let settings = Settings {
            horizon: HORIZON,
            ..Settings::default()
        };
        match forecast::project(from, &first.values, &settings) {
            Ok(f) => {
                projection = Projection::from_forecast(0, &f, lang);
                method = Some(f.method.id());
                // The lowest level whose rate criterion the observed months do not meet yet.
                for l in limits.levels.iter().rev() {
                    let Reach::Outlook(o) = f.reach(l.rate.min_rate, l.rate.sustained_months)
                    else {
                        continue;
                    };
                    notes.push(forecast_reach(
                        l.level,
                        l.rate.min_rate,
                        l.rate.sustained_months,
                        &o,
                        HORIZON,
                        lang,
                    ));
                    break;
                }
                notes.push(forecast_record(&f, lang));
            }
            Err(why) => notes.push(no_forecast(&why, lang)),
        }
    }
    let title = format!("{} {}", Msg::RateTrend.text(lang), clause_text("§5.1-a"));
    let chart = rate_chart(&RateChart {
        title,
        start: from,
        series,
        thresholds,
        levels: levels_of(t),
        projection,
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

fn clause_text(id: &str) -> String {
    format!("({id})")
}

fn event_drawn(e: &Engine<'_>, scope: &Scope, t: &Timeline, lang: Lang) -> [Drawn; 2] {
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
            .map(|l| Threshold::people(l.level, l.closures.min_unemployed, lang))
            .collect(),
        levels: levels.clone(),
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
            .map(|l| Threshold::percent(l.level, l.layoffs.min_share, lang))
            .collect(),
        levels,
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

fn window_label(window: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{window} 个月窗口"),
        Lang::En => format!("{window}-month window"),
    }
}

fn streets_drawn(e: &Engine<'_>, from: Month, to: Month, lang: Lang) -> Drawn {
    let mut panels = Vec::new();
    let mut readouts = Vec::new();
    for r in e.data().streets() {
        let scope = Scope::Street(r.id.clone());
        let t = e.timeline(&scope, from, to);
        let values = e.rate_series(&r.id, Series::Registered, from, to);
        let name = region_name(r, lang);
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
    let thresholds = e
        .thresholds_for(&Scope::District)
        .levels
        .iter()
        .map(|l| Threshold::percent(l.level, l.rate.min_rate, lang))
        .collect();
    let chart = small_multiples(&SmallMultiples {
        title: Msg::StreetsSideBySide.text(lang).to_owned(),
        start: from,
        panels,
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

#[component]
pub fn ChartsPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let focus = Focus::get();
    let drawn = Memo::new(move |_| {
        let lang = i18n.lang();
        let scope = focus.scope.get();
        let t = focus.timeline.get()?;
        let p = store.engine();
        let e = p.engine();
        let rate = rate_drawn(e, &scope, &t, lang);
        let [closures, layoffs] = event_drawn(e, &scope, &t, lang);
        let streets = streets_drawn(e, t.from, t.to, lang);
        Some(vec![rate, closures, layoffs, streets])
    });
    view! {
        <section class="charts">
            <h2>{move || i18n.t(Msg::Charts)} " " {clause_tag("§4.4")}</h2>
            <div class="chart-grid">
                {move || {
                    drawn
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|d| view! { <ChartBox drawn=d/> })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

/// One chart with its pointer readout and download buttons.
#[component]
fn ChartBox(drawn: Drawn) -> impl IntoView {
    let i18n = I18n::get();
    let hover = RwSignal::new(None::<(usize, usize)>);
    let d = StoredValue::new(drawn);
    let id = d.with_value(|d| d.id);

    let on_move = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        d.with_value(|d| {
            let layout = &d.chart.layout;
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let x =
                (f64::from(ev.client_x()) - rect.left()) * f64::from(layout.width) / rect.width();
            let y =
                (f64::from(ev.client_y()) - rect.top()) * f64::from(layout.height) / rect.height();
            let hit = layout.panels.iter().enumerate().find_map(|(pi, p)| {
                (y >= p.top && y <= p.bottom)
                    .then(|| p.index_at(x).map(|i| (pi, i)))
                    .flatten()
            });
            hover.set(hit);
        });
    };

    let download_svg = move |_| {
        d.with_value(|d| {
            let _ = download_text(&format!("{}.svg", d.id), "image/svg+xml", &d.chart.svg);
        });
    };
    let download_png = move |_| {
        let (svg, name, w, h) = d.with_value(|d| {
            (
                d.chart.svg.clone(),
                format!("{}.png", d.id),
                d.chart.layout.width,
                d.chart.layout.height,
            )
        });
        if let Err(e) = svg_to_png(&svg, &name, w, h) {
            web_sys::console::warn_1(&e.into());
        }
    };

    view! {
        <figure class="chart" id=id data-method=d.with_value(|d| d.method)>
            <div
                class="chart-svg"
                inner_html=d.with_value(|d| d.chart.svg.clone())
                on:mousemove=on_move
                on:mouseleave=move |_| hover.set(None)
            ></div>
            <figcaption>
                <div class="readout" aria-live="polite">
                    {move || {
                        let lang = i18n.lang();
                        hover
                            .get()
                            .map(|(panel, i)| {
                                d.with_value(|d| {
                                    let panel_start = d
                                        .chart
                                        .layout
                                        .panels
                                        .get(panel)
                                        .map(|p| p.start)
                                        .unwrap_or(d.start);
                                    let month = panel_start.plus(i as i64).map(|m| m.to_string()).unwrap_or_default();
                                    let offset = panel_start.months_until(d.start).unsigned_abs() as usize;
                                    let idx = i.saturating_sub(offset);
                                    let items: Vec<(String, String)> = if d.chart.layout.panels.len() > 1 {
                                        d.readouts
                                            .get(panel)
                                            .map(|r| vec![(r.label.clone(), r.values.get(idx).cloned().unwrap_or_else(|| "—".into()))])
                                            .unwrap_or_default()
                                    } else {
                                        d.readouts
                                            .iter()
                                            .map(|r| (r.label.clone(), r.values.get(idx).cloned().unwrap_or_else(|| Msg::Projected.text(lang).to_owned())))
                                            .collect()
                                    };
                                    view! {
                                        <strong>{month}</strong>
                                        {items
                                            .into_iter()
                                            .map(|(l, v)| view! { <span>" · " {l} ": " <b>{v}</b></span> })
                                            .collect_view()}
                                    }
                                })
                            })
                    }}
                </div>
                {d.with_value(|d| d.notes.iter().map(|n| view! { <p class="chart-note">{n.clone()}</p> }).collect_view())}
                <div class="chart-actions no-print">
                    <button type="button" class="chart-svg" on:click=download_svg>{move || i18n.t(Msg::ChartDownloadSvg)}</button>
                    <button type="button" class="chart-png" on:click=download_png>{move || i18n.t(Msg::ChartDownloadPng)}</button>
                </div>
            </figcaption>
        </figure>
    }
}

/// Renders an SVG into a 2× canvas and downloads it as PNG.
fn svg_to_png(svg: &str, name: &str, w: u32, h: u32) -> Result<(), String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let src = url.clone();
    let img = web_sys::HtmlImageElement::new().map_err(|e| js_message(&e))?;
    let canvas = doc
        .create_element("canvas")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| "no canvas")?;
    let scale = 2;
    canvas.set_width(w * scale);
    canvas.set_height(h * scale);
    let name = name.to_owned();
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once(move || {
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(w * scale), f64::from(h * scale));
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &img2,
            0.0,
            0.0,
            f64::from(w * scale),
            f64::from(h * scale),
        );
        let _ = web_sys::Url::revoke_object_url(&url);
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            if let Ok(a) = doc
                .create_element("a")
                .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
            {
                a.set_href(&data);
                a.set_download(&name);
                a.click();
            }
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&src);
    Ok(())
}

/// The charts of an analysis report (§4.4), for the district from `from` to `to`: the rate
/// with its projection and the two event charts, as `(id, SVG)`; and the projection's
/// sentences (the first says whether and when a level would be reached).
pub(super) fn report_charts(
    e: &Engine<'_>,
    from: Month,
    to: Month,
    lang: Lang,
) -> (Vec<(&'static str, String)>, Vec<String>) {
    let t = e.timeline(&Scope::District, from, to);
    let rate = rate_drawn(e, &Scope::District, &t, lang);
    let [closures, layoffs] = event_drawn(e, &Scope::District, &t, lang);
    let notes = rate.notes.clone();
    let svgs = [rate, closures, layoffs]
        .into_iter()
        .map(|d| (d.id, d.chart.svg))
        .collect();
    (svgs, notes)
}
