//! Charts as SVG text, drawn with plotters' SVG backend.
//!
//! Inputs are plain data — monthly series of `Option<f64>` (a `None` is a gap, never
//! interpolated), thresholds, the level of each month — so this module does not depend on the
//! rules engine's types. Each chart returns its SVG and a [`Layout`] that maps a pointer position
//! to a month, so the UI can show the exact values under the pointer itself.
//!
//! The SVG has a `viewBox` and no fixed width or height, so it scales crisply to its container,
//! on high-DPI screens and in print. Text uses a CSS font stack with CJK fonts.
//!
//! Nothing here measures text through plotters: on wasm its font layer measures each label by
//! inserting a DOM element (a forced layout per label, and a panic without a document). Axes,
//! labels and legends are therefore placed by this module, with widths estimated per character.
//!
//! [`dashboard`] is the one part that reads the rules engine: it turns its results into the
//! dashboard's and the reports' charts.

pub mod dashboard;
mod draw;
mod events;
mod rate;
mod small;

pub use events::{event_chart, EventChart};
pub use rate::{rate_chart, RateChart};
pub use small::{small_multiples, Panel, SmallMultiples};

use crate::i18n::Lang;
use crate::month::Month;
use crate::num::{group_thousands, Pct};
use crate::plan::{Level, Thresholds, WarningColour};

/// Font stack for every label; the CJK fonts of macOS, Windows and Linux, then any sans-serif.
pub const FONT_STACK: &str = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The conventional warning colour of a level: 4 blue, 3 yellow, 2 orange, 1 red.
    pub fn level(level: Level) -> Rgb {
        Rgb::warning(level.colour())
    }

    pub const fn warning(colour: WarningColour) -> Rgb {
        match colour {
            WarningColour::Yellow => Rgb(0xf2, 0xc2, 0x00),
            WarningColour::Orange => Rgb(0xec, 0x7a, 0x08),
            WarningColour::Red => Rgb(0xc8, 0x16, 0x1d),
            WarningColour::Blue => Rgb(0x1f, 0x6f, 0xd6),
        }
    }
}

/// The warning colour of each level as the plan sets it ([`crate::plan::LevelSpec::colour`]);
/// by default the national convention (1 red, 2 orange, 3 yellow, 4 blue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelColours([WarningColour; Level::MAX as usize]);

impl Default for LevelColours {
    fn default() -> LevelColours {
        let mut c = [WarningColour::Blue; Level::MAX as usize];
        for (i, slot) in c.iter_mut().enumerate() {
            if let Some(l) = Level::from_number(i as u8 + 1) {
                *slot = l.colour();
            }
        }
        LevelColours(c)
    }
}

impl LevelColours {
    /// The colours of a level table (levels it lacks keep the convention).
    pub fn of(t: &Thresholds) -> LevelColours {
        let mut c = LevelColours::default();
        for s in &t.levels {
            if let Some(slot) = c.0.get_mut(usize::from(s.level.number()).wrapping_sub(1)) {
                *slot = s.colour();
            }
        }
        c
    }

    pub fn get(self, level: Level) -> WarningColour {
        self.0
            .get(usize::from(level.number()).wrapping_sub(1))
            .copied()
            .unwrap_or(level.colour())
    }
}

/// Series colours, distinct from the warning colours and from each other in greyscale print.
pub const PALETTE: [Rgb; 6] = [
    Rgb(0x1f, 0x4e, 0x79),
    Rgb(0x2e, 0x86, 0xc1),
    Rgb(0x7d, 0x3c, 0x98),
    Rgb(0x14, 0x8f, 0x77),
    Rgb(0x5d, 0x6d, 0x7e),
    Rgb(0xa0, 0x40, 0x00),
];

/// A monthly series; `values[i]` is the month `i` months after the chart's start.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<Option<f64>>,
    pub colour: Rgb,
}

/// A horizontal threshold line.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub level: Level,
    /// In the chart's unit (percent or people).
    pub value: f64,
    /// Written at the right end of the line.
    pub label: String,
}

/// Short level name for a label: "三级" / "L3".
pub fn level_short(level: Level, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}级",
            ["一", "二", "三", "四", "五"]
                .get(usize::from(level.number()) - 1)
                .unwrap_or(&"")
        ),
        Lang::En => format!("L{}", level.number()),
    }
}

impl Threshold {
    /// A rate or share threshold, labelled "三级 4.5%".
    pub fn percent(level: Level, value: Pct, lang: Lang) -> Threshold {
        Threshold {
            level,
            value: pct_f64(value),
            label: format!("{} {}%", level_short(level, lang), value),
        }
    }

    /// A number-of-people threshold, labelled "三级 5 000".
    pub fn people(level: Level, value: u64, lang: Lang) -> Threshold {
        Threshold {
            level,
            value: value as f64,
            label: format!("{} {}", level_short(level, lang), group_thousands(value)),
        }
    }
}

/// An exact percentage as a float for drawing.
pub fn pct_f64(p: Pct) -> f64 {
    p.units() as f64 / 10_000.0
}

/// One projected month: value and band, in the chart's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl From<&crate::forecast::Projected> for Band {
    fn from(p: &crate::forecast::Projected) -> Band {
        Band {
            value: p.value,
            low: p.low,
            high: p.high,
        }
    }
}

/// A projection continuing one of the chart's series, drawn dashed over a shaded band.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Index of the series it continues (the dashed line starts at that series' last value
    /// before `start`).
    pub series: usize,
    /// The first projected month.
    pub start: Month,
    pub points: Vec<Band>,
    /// Legend entries for the line (naming the method) and the band (its level).
    pub legend: [String; 2],
}

impl Projection {
    /// From a forecast.
    pub fn from_forecast(
        series: usize,
        f: &crate::forecast::Forecast,
        lang: Lang,
    ) -> Option<Projection> {
        Some(Projection {
            series,
            start: f.points.first()?.month,
            points: f.points.iter().map(Band::from).collect(),
            legend: crate::i18n::projection_legend(f.method, f.settings.level, lang),
        })
    }
}

/// The unit of a chart's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Percent,
    People,
}

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// A standalone SVG document (`<svg viewBox=…>`), also fit for download.
    pub svg: String,
    pub layout: Layout,
}

/// Where things are in the chart, in viewBox units (the UI maps a pointer to these with the
/// element's bounding box: `x = (clientX − rect.left) · width / rect.width`).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// One per plot (one for a single chart, one per small multiple).
    pub panels: Vec<PanelLayout>,
}

/// One plot area and its months.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelLayout {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The first month on the x axis and the number of months.
    pub start: Month,
    pub months: usize,
    /// Months before this index are observed data; from it on, projection (= `months` when
    /// there is none).
    pub projection_from: usize,
}

impl PanelLayout {
    /// The index of the month under `x`, if `x` is over the plot.
    pub fn index_at(&self, x: f64) -> Option<usize> {
        let w = self.right - self.left;
        if self.months == 0 || w.is_nan() || w <= 0.0 || !(self.left..=self.right).contains(&x) {
            return None;
        }
        let i = ((x - self.left) / w * self.months as f64).floor();
        Some((i.max(0.0) as usize).min(self.months - 1))
    }

    /// The month under `x`.
    pub fn month_at(&self, x: f64) -> Option<Month> {
        self.start.plus(self.index_at(x)? as i64)
    }

    /// The x of a month's centre.
    pub fn x_of(&self, month: Month) -> Option<f64> {
        let i = self.start.months_until(month);
        let n = self.months as i64;
        if !(0..n).contains(&i) {
            return None;
        }
        Some(self.left + (i as f64 + 0.5) * (self.right - self.left) / n as f64)
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }
}

impl Layout {
    /// The month under `x` in the first plot.
    pub fn month_at(&self, x: f64) -> Option<Month> {
        self.panels.first()?.month_at(x)
    }

    /// The plot and month under the point.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, Month)> {
        self.panels
            .iter()
            .enumerate()
            .find(|(_, p)| p.contains(x, y))
            .and_then(|(i, p)| Some((i, p.month_at(x)?)))
    }
}

/// Estimated width of a label in px: CJK and other wide characters one em, ASCII about half.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// A value as an axis label.
pub(crate) fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => {
            // Ticks are multiples of 0.1 or coarser; two decimals cover 0.25 steps.
            let s = format!("{v:.2}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            format!("{s}%")
        }
        Unit::People => group_thousands(v.max(0.0).round() as u64),
    }
}

/// A round step giving about `ticks` intervals up to `max`.
pub(crate) fn nice_step(max: f64, ticks: f64) -> f64 {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / ticks.max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// Escapes text for XML.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces plotters' root tag (fixed width and height) with a scalable one carrying the font
/// stack and an accessible title.
pub(crate) fn finish_svg(raw: String, width: u32, height: u32, title: &str) -> String {
    let body = match raw.find('>') {
        Some(i) if raw.starts_with("<svg") => raw.get(i + 1..).unwrap_or(""),
        _ => raw.as_str(),
    };
    let title = xml_escape(title);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{title}\" font-family=\"{FONT_STACK}\">\n<title>{title}</title>{}",
        tidy_text_attributes(body)
    )
}

/// Text inherits the root's font stack, so the per-label copy goes; font sizes (written by
/// plotters as size / 1.24, e.g. `11.040000000000001`) are rounded to 0.1 px.
fn tidy_text_attributes(body: &str) -> String {
    let family = format!(" font-family=\"{FONT_STACK}\"");
    let body = body.replace(&family, "");
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(i) = rest.find(KEY) {
        let (before, after) = rest.split_at(i + KEY.len());
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let (value, tail) = after.split_at(end);
        match value.parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let s = format!("{:.1}", v);
                out.push_str(s.strip_suffix(".0").unwrap_or(&s));
            }
            _ => out.push_str(value),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// A chart that could not be drawn: an empty frame with a note, still valid SVG.
pub(crate) fn fallback(width: u32, height: u32, title: &str, note: &str) -> Chart {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\" font-family=\"{FONT_STACK}\">\n<title>{t}</title>\n<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#666666\">{}</text>\n</svg>\n",
        width / 2,
        height / 2,
        xml_escape(note),
        t = xml_escape(title),
    );
    Chart {
        svg,
        layout: Layout {
            width,
            height,
            panels: Vec::new(),
        },
    }
}

/// "no data" in the chart's language.
pub(crate) fn no_data(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "暂无数据",
        Lang::En => "No data",
    }
}

#[cfg(test)]
mod tests;
