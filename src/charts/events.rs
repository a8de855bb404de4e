//! Closures and layoffs per month against their thresholds: monthly bars and a step line for
//! the figure the thresholds apply to (the window sum of people, or the pooled layoff share).

use super::draw::{self, bold, draw_plot, labels_width, legend, Plot, Swatch, INK};
use super::{fallback, finish_svg, no_data, Chart, Layout, Series, Threshold, Unit};
use crate::i18n::Lang;
use crate::month::Month;
use crate::plan::Level;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// A bars-and-step chart of enterprise events.
#[derive(Clone, Debug, PartialEq)]
pub struct EventChart {
    pub title: String,
    /// The month of `values[0]`.
    pub start: Month,
    /// Per month, e.g. people left unemployed by closures that month.
    pub bars: Option<Series>,
    /// The compared figure, e.g. the 3-month window sum, drawn as a step per month.
    pub line: Option<Series>,
    /// E.g. 5 000 / 10 000 / 15 000 people, or 40 / 50 / 60 %.
    pub thresholds: Vec<Threshold>,
    pub levels: Vec<Option<Level>>,
    /// The plan's colour of each level.
    pub colours: super::LevelColours,
    pub unit: Unit,
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
}

const FONT: f64 = super::rate::FONT;

/// Draws the events chart.
pub fn event_chart(spec: &EventChart) -> Chart {
    let width = spec.width.clamp(240, 4000);
    let height = spec.height.clamp(160, 4000);
    let all: Vec<&Series> = spec.bars.iter().chain(spec.line.iter()).collect();
    let months = all.iter().map(|s| s.values.len()).max().unwrap_or(0);
    if months == 0 {
        return fallback(width, height, &spec.title, no_data(spec.lang));
    }
    let y_max = draw::y_ceiling(
        draw::plot_values(&[], all.iter().copied(), &spec.thresholds, None),
        spec.unit,
        5.0,
    );
    let mut items = Vec::new();
    if let Some(b) = &spec.bars {
        items.push((Swatch::Box(b.colour, 0.75), b.label.clone()));
    }
    if let Some(l) = &spec.line {
        items.push((Swatch::Line(l.colour), l.label.clone()));
    }
    let left =
        (super::text_width(&super::format_value(y_max, spec.unit), FONT) + 12.0).ceil() as i32;
    let right = width as i32 - labels_width(&spec.thresholds, FONT).max(4) - 12;
    let top = (FONT * 3.6).ceil() as i32;
    let bottom = height as i32 - (FONT * 2.2).ceil() as i32;

    let mut buf = String::new();
    let drawn = (|| {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw::text(
            &root,
            &spec.title,
            (left, 4),
            bold(FONT * 1.1, INK, HPos::Left, VPos::Top),
        )?;
        legend(&root, (left, (FONT * 2.5) as i32), &items, FONT * 0.92)?;
        let panel = draw_plot(
            &root,
            &Plot {
                rect: (left, top, right, bottom),
                start: spec.start,
                months,
                y_max,
                unit: spec.unit,
                levels: &spec.levels,
                colours: spec.colours,
                thresholds: &spec.thresholds,
                threshold_labels: true,
                lines: &[],
                bars: spec.bars.as_ref(),
                steps: spec.line.as_ref(),
                projection: None,
                font: FONT,
                compact: false,
                lang: spec.lang,
            },
        )?;
        root.present()?;
        Ok::<_, DrawingAreaErrorKind<std::io::Error>>(panel)
    })();
    match drawn {
        Ok(panel) => Chart {
            svg: finish_svg(buf, width, height, &spec.title),
            layout: Layout {
                width,
                height,
                panels: vec![panel],
            },
        },
        Err(e) => fallback(width, height, &spec.title, &e.to_string()),
    }
}
