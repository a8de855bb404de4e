//! The dashboard's charts: the rate trend with threshold lines, level shading and a labelled
//! projection; closures and layoffs against their thresholds; one small chart per street.
//! Charts are SVG (crisp at any DPI and in print), redrawn from memos when the data changes, with
//! the exact value under the pointer and SVG/PNG download.

use super::derived::Focus;
use super::download::download_text;
use super::i18n_ctx::I18n;
use super::persist::js_message;
use super::store::Store;
use super::widgets::clause_tag;
use crate::charts::dashboard::{
    event_drawn, projected_series, projection_settings, rate_drawn, streets_drawn, Drawn,
};
use crate::forecast;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ChartsPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let focus = Focus::get();
    // One memo per chart, so an edit redraws (and re-parses into the page) only the charts
    // whose picture changed; the projection is remade only when its series changed.
    let series = Memo::new(move |_| {
        let (from, to) = focus.span.get()?;
        let scope = focus.scope.get();
        let p = store.engine();
        Some((from, projected_series(p.engine(), &scope, from, to)?))
    });
    let projection = Memo::new(move |_| {
        series.with(|s| {
            s.as_ref()
                .map(|(from, v)| forecast::project(*from, v, &projection_settings()))
        })
    });
    let rate = Memo::new(move |_| {
        let lang = i18n.lang();
        let scope = focus.scope.get();
        let t = focus.timeline.get()?;
        let p = store.engine();
        Some(projection.with(|f| rate_drawn(p.engine(), &scope, &t, lang, f.as_ref())))
    });
    let events = Memo::new(move |_| {
        let lang = i18n.lang();
        let scope = focus.scope.get();
        let t = focus.timeline.get()?;
        Some(event_drawn(store.engine().engine(), &scope, &t, lang))
    });
    let streets = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = focus.span.get()?;
        // The streets the cards show (the same filter and page).
        let ids: Vec<String> = focus
            .street_page_now()
            .items
            .iter()
            .map(|(r, _)| r.id.clone())
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        Some(streets_drawn(store.engine().engine(), &ids, from, to, lang))
    });
    let slot = move |m: Memo<Option<Drawn>>| move || m.get().map(|d| view! { <ChartBox drawn=d/> });
    view! {
        <section class="charts">
            <h2>{i18n.tr(Msg::Charts)} " " {clause_tag("§4.4")}</h2>
            <div class="chart-grid">
                {slot(rate)}
                // Both event charts shade the same timeline, so they change together.
                {move || {
                    events
                        .get()
                        .map(|ds| ds.into_iter().map(|d| view! { <ChartBox drawn=d/> }).collect_view())
                }}
                {slot(streets)}
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
                    <button type="button" class="chart-svg" on:click=download_svg>{i18n.tr(Msg::ChartDownloadSvg)}</button>
                    <button type="button" class="chart-png" on:click=download_png>{i18n.tr(Msg::ChartDownloadPng)}</button>
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
