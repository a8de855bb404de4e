//! Small multiples: one compact rate chart per street, on a shared scale, in one SVG.

use super::draw::{self, bold, draw_plot, legend, Plot, Swatch, INK};
use super::{fallback, finish_svg, no_data, Chart, Layout, Series, Threshold, Unit};
use crate::i18n::Lang;
use crate::month::Month;
use crate::plan::Level;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// One small chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// E.g. the street's name.
    pub title: String,
    /// In percent; `values[0]` is the month `start`.
    pub series: Vec<Series>,
    pub levels: Vec<Option<Level>>,
}

/// A grid of small charts sharing months, thresholds and the y scale.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallMultiples {
    pub title: String,
    pub start: Month,
    pub panels: Vec<Panel>,
    /// The plan's colour of each level.
    pub colours: super::LevelColours,
    /// Drawn in every panel, labelled once in the legend.
    pub thresholds: Vec<Threshold>,
    /// Panels per row (at least 1).
    pub columns: usize,
    /// Size of one panel in px.
    pub panel_width: u32,
    pub panel_height: u32,
    pub lang: Lang,
}

const FONT: f64 = 11.0;

/// Draws the small multiples; the layout has one panel per input panel, in order.
pub fn small_multiples(spec: &SmallMultiples) -> Chart {
    let columns = spec.columns.clamp(1, 12);
    let pw = spec.panel_width.clamp(120, 2000);
    let ph = spec.panel_height.clamp(80, 2000);
    let rows = spec.panels.len().div_ceil(columns).max(1);
    let header = (FONT * 4.0).ceil() as u32;
    let width = pw.saturating_mul(u32::try_from(columns).unwrap_or(1));
    let height = header.saturating_add(ph.saturating_mul(u32::try_from(rows).unwrap_or(1)));
    let months = spec
        .panels
        .iter()
        .flat_map(|p| p.series.iter().map(|s| s.values.len()))
        .max()
        .unwrap_or(0);
    if spec.panels.is_empty() || months == 0 {
        return fallback(
            width.max(240),
            height.max(160),
            &spec.title,
            no_data(spec.lang),
        );
    }
    let all: Vec<&Series> = spec.panels.iter().flat_map(|p| p.series.iter()).collect();
    let y_max = draw::y_ceiling(
        draw::plot_values(&[], all.iter().copied(), &spec.thresholds, None),
        Unit::Percent,
        4.0,
    );
    let items: Vec<(Swatch, String)> = spec
        .thresholds
        .iter()
        .map(|t| {
            (
                Swatch::Line(super::Rgb::warning(spec.colours.get(t.level))),
                t.label.clone(),
            )
        })
        .collect();
    let left_pad = (super::text_width(&super::format_value(y_max, Unit::Percent), FONT * 0.92)
        + 10.0)
        .ceil() as i32;

    let mut buf = String::new();
    let drawn = (|| {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw::text(
            &root,
            &spec.title,
            (8, 4),
            bold(FONT * 1.2, INK, HPos::Left, VPos::Top),
        )?;
        legend(&root, (8, (FONT * 2.9) as i32), &items, FONT * 0.92)?;
        let mut panels = Vec::with_capacity(spec.panels.len());
        for (k, panel) in spec.panels.iter().enumerate() {
            let (r, c) = (k / columns, k % columns);
            let x0 = i32::try_from(c).unwrap_or(0) * pw as i32;
            let y0 = header as i32 + i32::try_from(r).unwrap_or(0) * ph as i32;
            draw::text(
                &root,
                &panel.title,
                (x0 + left_pad, y0 + 4),
                bold(FONT, INK, HPos::Left, VPos::Top),
            )?;
            let rect = (
                x0 + left_pad,
                y0 + (FONT * 1.9) as i32,
                x0 + pw as i32 - 10,
                y0 + ph as i32 - (FONT * 2.0) as i32,
            );
            panels.push(draw_plot(
                &root,
                &Plot {
                    rect,
                    start: spec.start,
                    months,
                    y_max,
                    unit: Unit::Percent,
                    levels: &panel.levels,
                    colours: spec.colours,
                    thresholds: &spec.thresholds,
                    threshold_labels: false,
                    lines: &panel.series,
                    bars: None,
                    steps: None,
                    projection: None,
                    font: FONT,
                    compact: true,
                    lang: spec.lang,
                },
            )?);
        }
        root.present()?;
        Ok::<_, DrawingAreaErrorKind<std::io::Error>>(panels)
    })();
    match drawn {
        Ok(panels) => Chart {
            svg: finish_svg(buf, width, height, &spec.title),
            layout: Layout {
                width,
                height,
                panels,
            },
        },
        Err(e) => fallback(width, height, &spec.title, &e.to_string()),
    }
}
