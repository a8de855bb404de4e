//! Drawing one plot area (months along x) and the shared pieces around it.

use super::{
    format_value, nice_step, text_width, Band, PanelLayout, Projection, Rgb, Series, Threshold,
    Unit, FONT_STACK,
};
use crate::i18n::Lang;
use crate::month::Month;
use crate::plan::{Level, WarningColour};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

pub(crate) type DrawResult<T, DB> =
    Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub(crate) const GRID: Rgb = Rgb(0xe4, 0xe6, 0xea);
pub(crate) const AXIS: Rgb = Rgb(0x88, 0x8e, 0x96);
pub(crate) const INK: Rgb = Rgb(0x22, 0x26, 0x2b);
pub(crate) const MUTED: Rgb = Rgb(0x5f, 0x66, 0x6e);
const PROJECTED_BG: Rgb = Rgb(0xf2, 0xf3, 0xf5);

pub(crate) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The darker shade of a warning colour, for labels (the light colours would not be legible).
pub(crate) fn colour_ink(colour: WarningColour) -> Rgb {
    match colour {
        WarningColour::Yellow => Rgb(0x94, 0x76, 0x00),
        WarningColour::Orange => Rgb(0xb8, 0x5c, 0x00),
        WarningColour::Red => Rgb(0xc8, 0x16, 0x1d),
        WarningColour::Blue => Rgb(0x1f, 0x5f, 0xbf),
    }
}

/// A text style of `size` px (plotters' SVG backend writes `font-size` as size / 1.24).
pub(crate) fn font(size: f64, colour: Rgb, h: HPos, v: VPos) -> TextStyle<'static> {
    FontDesc::new(FontFamily::Name(FONT_STACK), size * 1.24, FontStyle::Normal)
        .color(&rgb(colour))
        .pos(Pos::new(h, v))
}

pub(crate) fn bold(size: f64, colour: Rgb, h: HPos, v: VPos) -> TextStyle<'static> {
    FontDesc::new(FontFamily::Name(FONT_STACK), size * 1.24, FontStyle::Bold)
        .color(&rgb(colour))
        .pos(Pos::new(h, v))
}

pub(crate) fn text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: TextStyle<'static>,
) -> DrawResult<(), DB> {
    if s.is_empty() {
        return Ok(());
    }
    root.draw(&Text::new(s, at, style))
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    Line(Rgb),
    Dashed(Rgb),
    Box(Rgb, f64),
}

/// Draws legend entries left to right from `at`; returns the x after the last.
pub(crate) fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    items: &[(Swatch, String)],
    size: f64,
) -> DrawResult<i32, DB> {
    let (mut x, y) = at;
    for (swatch, label) in items {
        match swatch {
            Swatch::Line(c) => root.draw(&PathElement::new(
                vec![(x, y), (x + 18, y)],
                rgb(*c).stroke_width(2),
            ))?,
            Swatch::Dashed(c) => root.draw(&DashedPathElement::new(
                vec![(x, y), (x + 18, y)],
                5,
                3,
                rgb(*c).stroke_width(2),
            ))?,
            Swatch::Box(c, alpha) => root.draw(&Rectangle::new(
                [(x, y - 5), (x + 18, y + 5)],
                rgb(*c).mix(*alpha).filled(),
            ))?,
        }
        text(
            root,
            label,
            (x + 23, y),
            font(size, INK, HPos::Left, VPos::Center),
        )?;
        x += 23 + text_width(label, size).ceil() as i32 + 14;
    }
    Ok(x)
}

/// One plot: its rectangle, months and what to draw in it.
pub(crate) struct Plot<'a> {
    /// Plot area in px: left, top, right, bottom.
    pub rect: (i32, i32, i32, i32),
    pub start: Month,
    pub months: usize,
    pub y_max: f64,
    pub unit: Unit,
    /// Level per month from `start` (shaded in light tints).
    pub levels: &'a [Option<Level>],
    /// The plan's colour of each level (shading, threshold lines and their labels).
    pub colours: super::LevelColours,
    pub thresholds: &'a [Threshold],
    /// Write the thresholds' labels right of the plot.
    pub threshold_labels: bool,
    pub lines: &'a [Series],
    pub bars: Option<&'a Series>,
    pub steps: Option<&'a Series>,
    pub projection: Option<&'a Projection>,
    pub font: f64,
    /// Fewer ticks, years only.
    pub compact: bool,
    pub lang: Lang,
}

/// Index of the projection's first month from the plot's start (clamped at 0).
pub(crate) fn projection_offset(start: Month, p: &Projection) -> usize {
    usize::try_from(start.months_until(p.start).max(0)).unwrap_or(0)
}

/// Consecutive runs of values: `(first index, values)`.
fn runs(values: &[Option<f64>]) -> Vec<(usize, Vec<f64>)> {
    let mut out: Vec<(usize, Vec<f64>)> = Vec::new();
    let mut current: Option<(usize, Vec<f64>)> = None;
    for (i, v) in values.iter().enumerate() {
        match (finite(*v), current.as_mut()) {
            (Some(x), Some((_, run))) => run.push(x),
            (Some(x), None) => current = Some((i, vec![x])),
            (None, _) => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// The largest value a plot must show, with head room, rounded up to a tick.
pub(crate) fn y_ceiling(values: impl Iterator<Item = f64>, unit: Unit, ticks: f64) -> f64 {
    let raw = values.filter(|v| v.is_finite()).fold(0.0f64, f64::max);
    let floor = match unit {
        Unit::Percent => 1.0,
        Unit::People => 10.0,
    };
    let raw = (raw * 1.06).max(floor);
    let step = nice_step(raw, ticks);
    (raw / step).ceil() * step
}

/// Every value a plot draws, for its y range.
pub(crate) fn plot_values<'a>(
    lines: &'a [Series],
    extra: impl Iterator<Item = &'a Series> + 'a,
    thresholds: &'a [Threshold],
    projection: Option<&'a Projection>,
) -> impl Iterator<Item = f64> + 'a {
    lines
        .iter()
        .chain(extra)
        .flat_map(|s| s.values.iter().filter_map(|v| *v))
        .chain(thresholds.iter().map(|t| t.value))
        .chain(
            projection
                .into_iter()
                .flat_map(|p| p.points.iter().flat_map(|b: &Band| [b.value, b.high])),
        )
}

/// Months between labels so that labels do not collide, and the label text form.
fn label_step(px_per_month: f64, size: f64, compact: bool) -> (i32, bool) {
    let full = text_width("2026-01", size) + 10.0;
    let year = text_width("2026", size) + 10.0;
    let steps = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 600];
    if !compact {
        if let Some(s) = steps
            .iter()
            .take(4)
            .find(|s| f64::from(**s) * px_per_month >= full)
        {
            return (*s, false);
        }
    }
    let s = steps
        .iter()
        .skip(4)
        .find(|s| f64::from(**s) * px_per_month >= year)
        .copied()
        .unwrap_or(1200);
    (s, true)
}

/// Draws a plot; returns where it is.
pub(crate) fn draw_plot<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Plot,
) -> DrawResult<PanelLayout, DB> {
    let (left, top, right, bottom) = p.rect;
    let n = p.months.max(1);
    let nf = n as f64;
    let y_max = if p.y_max > 0.0 && p.y_max.is_finite() {
        p.y_max
    } else {
        1.0
    };
    let clamp = |v: f64| v.clamp(0.0, y_max);
    let area = root.clone().shrink(
        (left, top),
        (
            u32::try_from(right - left).unwrap_or(1).max(1),
            u32::try_from(bottom - top).unwrap_or(1).max(1),
        ),
    );
    let mut chart = ChartBuilder::on(&area).build_cartesian_2d(-0.5..nf - 0.5, 0.0..y_max)?;
    let projection_from = p
        .projection
        .map_or(n, |pr| projection_offset(p.start, pr).min(n));

    // Projected months on a grey ground, then the months shaded by level.
    if projection_from < n {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(projection_from as f64 - 0.5, 0.0), (nf - 0.5, y_max)],
            rgb(PROJECTED_BG).filled(),
        )))?;
    }
    let mut shading = Vec::new();
    let mut i = 0;
    while i < n {
        let level = p.levels.get(i).copied().flatten();
        let mut j = i;
        while j + 1 < n && p.levels.get(j + 1).copied().flatten() == level {
            j += 1;
        }
        if let Some(l) = level {
            shading.push(Rectangle::new(
                [(i as f64 - 0.5, 0.0), (j as f64 + 0.5, y_max)],
                rgb(Rgb::warning(p.colours.get(l))).mix(0.16).filled(),
            ));
        }
        i = j + 1;
    }
    chart.draw_series(shading)?;

    // Grid and y labels.
    let step = nice_step(y_max, if p.compact { 2.0 } else { 5.0 });
    let ticks: Vec<f64> = (0..=64)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= y_max * (1.0 + 1e-9))
        .collect();
    chart.draw_series(
        ticks
            .iter()
            .map(|v| PathElement::new(vec![(-0.5, *v), (nf - 0.5, *v)], rgb(GRID).stroke_width(1))),
    )?;
    for v in &ticks {
        let (_, y) = chart.backend_coord(&(-0.5, *v));
        text(
            root,
            &format_value(*v, p.unit),
            (left - 5, y),
            font(p.font * 0.92, MUTED, HPos::Right, VPos::Center),
        )?;
    }

    // Bars, band, lines, projection, steps; thresholds over them so they stay visible.
    if let Some(bars) = p.bars {
        chart.draw_series(bars.values.iter().enumerate().filter_map(|(i, v)| {
            let v = clamp(finite(*v)?);
            Some(Rectangle::new(
                [(i as f64 - 0.34, 0.0), (i as f64 + 0.34, v)],
                rgb(bars.colour).mix(0.75).filled(),
            ))
        }))?;
    }
    if let Some(pr) = p.projection {
        let colour = p
            .lines
            .get(pr.series)
            .map_or(super::PALETTE[0], |s| s.colour);
        let off = projection_from;
        let pts: Vec<(usize, &Band)> = pr
            .points
            .iter()
            .enumerate()
            .map(|(k, b)| (off + k, b))
            .filter(|(i, b)| {
                *i < n && b.value.is_finite() && b.low.is_finite() && b.high.is_finite()
            })
            .collect();
        if !pts.is_empty() {
            let mut poly: Vec<(f64, f64)> = pts
                .iter()
                .map(|(i, b)| (*i as f64, clamp(b.high)))
                .collect();
            poly.extend(pts.iter().rev().map(|(i, b)| (*i as f64, clamp(b.low))));
            if pts.len() == 1 {
                // A one-month band is drawn as a narrow box.
                poly = pts
                    .iter()
                    .flat_map(|(i, b)| {
                        let x = *i as f64;
                        [
                            (x - 0.2, clamp(b.high)),
                            (x + 0.2, clamp(b.high)),
                            (x + 0.2, clamp(b.low)),
                            (x - 0.2, clamp(b.low)),
                        ]
                    })
                    .collect();
            }
            chart.draw_series(std::iter::once(Polygon::new(
                poly,
                rgb(colour).mix(0.16).filled(),
            )))?;
            let anchor = off.checked_sub(1).and_then(|a| {
                p.lines
                    .get(pr.series)
                    .and_then(|s| finite(s.values.get(a).copied().flatten()))
                    .map(|v| (a as f64, clamp(v)))
            });
            let line: Vec<(f64, f64)> = anchor
                .into_iter()
                .chain(pts.iter().map(|(i, b)| (*i as f64, clamp(b.value))))
                .collect();
            chart.draw_series(std::iter::once(DashedPathElement::new(
                line,
                6,
                4,
                rgb(colour).stroke_width(2),
            )))?;
        }
    }
    for s in p.lines {
        for (first, run) in runs(&s.values) {
            let points: Vec<(f64, f64)> = run
                .iter()
                .enumerate()
                .map(|(k, v)| ((first + k) as f64, clamp(*v)))
                .collect();
            if let [only] = points.as_slice() {
                chart.draw_series(std::iter::once(Circle::new(
                    *only,
                    3,
                    rgb(s.colour).filled(),
                )))?;
            } else {
                chart.draw_series(std::iter::once(PathElement::new(
                    points,
                    rgb(s.colour).stroke_width(2),
                )))?;
            }
        }
    }
    if let Some(s) = p.steps {
        for (first, run) in runs(&s.values) {
            let points: Vec<(f64, f64)> = run
                .iter()
                .enumerate()
                .flat_map(|(k, v)| {
                    let x = (first + k) as f64;
                    [(x - 0.5, clamp(*v)), (x + 0.5, clamp(*v))]
                })
                .collect();
            chart.draw_series(std::iter::once(PathElement::new(
                points,
                rgb(s.colour).stroke_width(2),
            )))?;
        }
    }
    for t in p
        .thresholds
        .iter()
        .filter(|t| t.value.is_finite() && t.value <= y_max)
    {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(-0.5, t.value), (nf - 0.5, t.value)],
            rgb(Rgb::warning(p.colours.get(t.level))).stroke_width(1),
        )))?;
    }

    // Axes and x labels.
    let (x0, y0) = chart.backend_coord(&(-0.5, 0.0));
    let (x1, y1) = chart.backend_coord(&(nf - 0.5, y_max));
    root.draw(&PathElement::new(
        vec![(x0, y0), (x1, y0)],
        rgb(AXIS).stroke_width(1),
    ))?;
    let px_per_month = f64::from(x1 - x0) / nf;
    let (every, years) = label_step(px_per_month, p.font * 0.92, p.compact);
    for i in 0..n {
        let Some(m) = p.start.plus(i as i64) else {
            continue;
        };
        if m.index().rem_euclid(every) != 0 {
            continue;
        }
        let (x, _) = chart.backend_coord(&(i as f64, 0.0));
        root.draw(&PathElement::new(
            vec![(x, y0), (x, y0 + 4)],
            rgb(AXIS).stroke_width(1),
        ))?;
        let label = if years {
            m.year().to_string()
        } else {
            m.to_string()
        };
        text(
            root,
            &label,
            (x, y0 + 6),
            font(p.font * 0.92, MUTED, HPos::Center, VPos::Top),
        )?;
    }
    if projection_from < n {
        let (xp, _) = chart.backend_coord(&(projection_from as f64 - 0.5, 0.0));
        root.draw(&DashedPathElement::new(
            vec![(xp, y0), (xp, y1)],
            3,
            3,
            rgb(AXIS).stroke_width(1),
        ))?;
        let label = match p.lang {
            Lang::Zh => "预测",
            Lang::En => "projection",
        };
        text(
            root,
            label,
            (xp + 4, y1 + 3),
            font(p.font * 0.85, MUTED, HPos::Left, VPos::Top),
        )?;
    }

    // Threshold labels right of the plot, pushed apart where lines are close.
    if p.threshold_labels {
        let mut placed: Vec<(i32, &Threshold)> = p
            .thresholds
            .iter()
            .filter(|t| t.value.is_finite() && t.value <= y_max)
            .map(|t| (chart.backend_coord(&(nf - 0.5, t.value)).1, t))
            .collect();
        crate::sort::sort_by_key(&mut placed, |(y, _)| *y);
        let gap = (p.font + 2.0).ceil() as i32;
        let mut last: Option<i32> = None;
        for (y, t) in placed {
            let y = last.map_or(y, |l| y.max(l + gap));
            last = Some(y);
            text(
                root,
                &t.label,
                (x1 + 5, y),
                font(
                    p.font * 0.92,
                    colour_ink(p.colours.get(t.level)),
                    HPos::Left,
                    VPos::Center,
                ),
            )?;
        }
    }

    Ok(PanelLayout {
        left: f64::from(x0),
        right: f64::from(x1),
        top: f64::from(y1),
        bottom: f64::from(y0),
        start: p.start,
        months: p.months,
        projection_from: projection_from.min(p.months),
    })
}

/// The widest threshold label, for the right margin.
pub(crate) fn labels_width(thresholds: &[Threshold], size: f64) -> i32 {
    thresholds
        .iter()
        .map(|t| text_width(&t.label, size).ceil() as i32)
        .max()
        .unwrap_or(0)
}
