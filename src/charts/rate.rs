//! The rate trend: series, threshold lines, months shaded by level, and a projection.

use super::draw::{self, bold, draw_plot, labels_width, legend, Plot, Swatch, INK};
use super::{fallback, finish_svg, no_data, Chart, Layout, Projection, Series, Threshold, Unit};
use crate::i18n::Lang;
use crate::month::Month;
use crate::plan::Level;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// A rate trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RateChart {
    pub title: String,
    /// The month of `values[0]` of every series.
    pub start: Month,
    /// Registered and actual rate, or the district and its streets, in percent.
    pub series: Vec<Series>,
    /// Usually the three levels' rate thresholds.
    pub thresholds: Vec<Threshold>,
    /// The (effective) level of each month from `start`.
    pub levels: Vec<Option<Level>>,
    /// The plan's colour of each level.
    pub colours: super::LevelColours,
    pub projection: Option<Projection>,
    /// Size in px (of the viewBox).
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
}

pub(crate) const FONT: f64 = 12.0;

/// Draws the rate trend.
pub fn rate_chart(spec: &RateChart) -> Chart {
    let width = spec.width.clamp(240, 4000);
    let height = spec.height.clamp(160, 4000);
    let data_months = spec
        .series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0);
    let projected_to = spec.projection.as_ref().map_or(0, |p| {
        draw::projection_offset(spec.start, p) + p.points.len()
    });
    let months = data_months.max(projected_to);
    let has_value = spec
        .series
        .iter()
        .any(|s| s.values.iter().any(|v| v.is_some_and(f64::is_finite)));
    if months == 0 || !has_value {
        return fallback(width, height, &spec.title, no_data(spec.lang));
    }

    let y_max = draw::y_ceiling(
        draw::plot_values(
            &spec.series,
            std::iter::empty(),
            &spec.thresholds,
            spec.projection.as_ref(),
        ),
        Unit::Percent,
        5.0,
    );
    let mut items: Vec<(Swatch, String)> = spec
        .series
        .iter()
        .map(|s| (Swatch::Line(s.colour), s.label.clone()))
        .collect();
    if let Some(p) = &spec.projection {
        let colour = spec
            .series
            .get(p.series)
            .map_or(super::PALETTE[0], |s| s.colour);
        let [line, band] = &p.legend;
        items.push((Swatch::Dashed(colour), line.clone()));
        items.push((Swatch::Box(colour, 0.16), band.clone()));
    }

    let left =
        (super::text_width(&super::format_value(y_max, Unit::Percent), FONT) + 12.0).ceil() as i32;
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
                unit: Unit::Percent,
                levels: &spec.levels,
                colours: spec.colours,
                thresholds: &spec.thresholds,
                threshold_labels: true,
                lines: &spec.series,
                bars: None,
                steps: None,
                projection: spec.projection.as_ref(),
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
