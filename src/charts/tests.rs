use super::*;
use crate::forecast;

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn thresholds(lang: Lang) -> Vec<Threshold> {
    vec![
        Threshold::percent(Level::L3, Pct::tenths(45), lang),
        Threshold::percent(Level::L2, Pct::tenths(55), lang),
        Threshold::percent(Level::L1, Pct::tenths(65), lang),
    ]
}

/// 60 months of a wavy rate with a level-3 episode.
fn rate_series(n: usize) -> Vec<Option<f64>> {
    (0..n)
        .map(|i| Some(3.2 + 1.4 * ((i as f64) / 6.0).sin()))
        .collect()
}

fn levels_of(values: &[Option<f64>]) -> Vec<Option<Level>> {
    values
        .iter()
        .map(|v| v.filter(|x| *x >= 4.5).map(|_| Level::L3))
        .collect()
}

fn spec(lang: Lang) -> RateChart {
    let registered = rate_series(60);
    let mut actual: Vec<Option<f64>> = registered.iter().map(|v| v.map(|x| x + 0.4)).collect();
    actual[20] = None;
    actual[21] = None;
    RateChart {
        title: "滨江区失业率 <趋势> & 预测".to_owned(),
        start: m(2022, 1),
        levels: levels_of(&registered),
        colours: LevelColours::default(),
        series: vec![
            Series {
                label: "登记失业率".to_owned(),
                values: registered,
                colour: PALETTE[0],
            },
            Series {
                label: "实际失业率".to_owned(),
                values: actual,
                colour: PALETTE[1],
            },
        ],
        thresholds: thresholds(lang),
        projection: None,
        width: 720,
        height: 320,
        lang,
    }
}

/// Tags open and close in order (a small well-formedness check).
fn assert_balanced(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else {
            panic!("unclosed tag");
        };
        let tag = &rest[i + 1..i + j];
        rest = &rest[i + j + 1..];
        if tag.ends_with('/') || tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let name = tag.split_whitespace().next().unwrap_or("");
        if let Some(closing) = name.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(closing),
                "mismatched </{closing}>"
            );
        } else {
            stack.push(name.to_owned());
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

/// Polylines stroked in a colour (plotters writes colours in upper case).
fn polylines(svg: &str, c: Rgb) -> usize {
    let stroke = format!("stroke=\"{}\"", c.hex().to_uppercase());
    svg.lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
        .count()
}

#[test]
fn rate_chart_is_scalable_svg_with_labels_and_a_path_per_series() {
    let chart = rate_chart(&spec(Lang::Zh));
    let svg = &chart.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 320\""));
    let root = &svg[..svg.find('>').unwrap()];
    assert!(
        !root.contains("width=") && !root.contains("height="),
        "{root}"
    );
    assert!(root.contains(FONT_STACK));
    assert!(svg.contains("<title>滨江区失业率 &lt;趋势&gt; &amp; 预测</title>"));
    for label in [
        "三级 4.5%",
        "二级 5.5%",
        "一级 6.5%",
        "登记失业率",
        "实际失业率",
    ] {
        assert!(svg.contains(label), "{label}");
    }
    assert_eq!(
        polylines(svg, PALETTE[0]),
        1 + 1,
        "one unbroken series, one path (and the legend)"
    );
    // Months shaded by level: the level-3 tint is there.
    assert!(svg.contains("opacity=\"0.16\" fill=\"#F2C200\""));
    // The threshold lines, in the warning colours.
    for c in ["#F2C200", "#EC7A08", "#C8161D"] {
        assert!(svg.contains(&format!("stroke=\"{c}\"")), "{c}");
    }
    assert!(svg.contains("font-size=\"11\""));
    for size in svg.split("font-size=\"").skip(1) {
        let v = &size[..size.find('"').unwrap()];
        assert!(v.len() <= 4, "font sizes are rounded: {v}");
    }
    assert_eq!(
        svg.matches("font-family").count(),
        1,
        "labels inherit the root's fonts"
    );
    assert_balanced(svg);
    let en = rate_chart(&spec(Lang::En)).svg;
    assert!(en.contains("L3 4.5%") && en.contains("L1 6.5%"));
}

#[test]
fn missing_months_are_gaps_not_interpolated() {
    let chart = rate_chart(&spec(Lang::Zh));
    assert_eq!(
        polylines(&chart.svg, PALETTE[1]),
        2 + 1,
        "two missing months split the series in two (and the legend)"
    );
    let mut s = spec(Lang::Zh);
    s.series[1].values = vec![Some(3.0), None, Some(3.5), Some(3.6), None, Some(4.0)];
    let svg = rate_chart(&s).svg;
    assert_eq!(polylines(&svg, PALETTE[1]), 1 + 1);
    let fill = format!("fill=\"{}\"", PALETTE[1].hex().to_uppercase());
    assert_eq!(
        svg.lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill))
            .count(),
        2,
        "single months are dots"
    );
}

#[test]
fn a_projection_is_dashed_over_a_band_and_labelled() {
    let mut s = spec(Lang::Zh);
    let settings = forecast::Settings {
        horizon: 12,
        ..forecast::Settings::default()
    };
    let f = forecast::project(s.start, &s.series[0].values, &settings).unwrap();
    s.projection = Projection::from_forecast(0, &f, Lang::Zh);
    let chart = rate_chart(&s);
    let svg = &chart.svg;
    let legend = format!(
        "预测（{}）",
        crate::i18n::method_name(f.method, false, Lang::Zh)
    );
    assert!(svg.contains(&legend) && svg.contains(">\n预测\n<"));
    assert!(svg.contains("预测区间（80%）"));
    // Dashes: many short polylines in the series colour besides the observed one.
    assert!(polylines(svg, PALETTE[0]) > 5);
    assert!(svg.contains("<polygon opacity=\"0.16\""));
    let p = &chart.layout.panels[0];
    assert_eq!(p.months, 72);
    assert_eq!(p.projection_from, 60);
    assert_balanced(svg);
}

#[test]
fn the_layout_maps_pointer_x_to_months() {
    let chart = rate_chart(&spec(Lang::En));
    let p = &chart.layout.panels[0];
    assert!(p.left > 20.0 && p.right < 720.0 && p.left < p.right);
    assert!(p.top < p.bottom);
    for (i, month) in m(2022, 1).through(m(2026, 12)).enumerate() {
        let x = p.x_of(month).unwrap();
        assert_eq!(p.month_at(x), Some(month), "{i}");
    }
    assert_eq!(chart.layout.month_at(p.left), Some(m(2022, 1)));
    assert_eq!(chart.layout.month_at(p.right), Some(m(2026, 12)));
    assert_eq!(chart.layout.month_at(p.left - 1.0), None);
    assert_eq!(p.x_of(m(2021, 12)), None);
    assert_eq!(
        chart.layout.hit(p.left + 1.0, (p.top + p.bottom) / 2.0),
        Some((0, m(2022, 1)))
    );
    assert_eq!(chart.layout.hit(p.left + 1.0, p.bottom + 5.0), None);
}

#[test]
fn event_chart_draws_bars_steps_and_people_thresholds() {
    let months: usize = 24;
    let bars: Vec<Option<f64>> = (0..months)
        .map(|i| {
            if i % 5 == 0 {
                Some(2_500.0 + 300.0 * i as f64)
            } else {
                None
            }
        })
        .collect();
    let window: Vec<Option<f64>> = (0..months)
        .map(|i| {
            Some(
                (i.saturating_sub(2)..=i)
                    .filter_map(|k| bars[k])
                    .sum::<f64>(),
            )
        })
        .collect();
    let spec = EventChart {
        title: "关停破产失业人数".to_owned(),
        start: m(2025, 1),
        bars: Some(Series {
            label: "当月".to_owned(),
            values: bars,
            colour: PALETTE[4],
        }),
        line: Some(Series {
            label: "近 3 个月合计".to_owned(),
            values: window,
            colour: PALETTE[0],
        }),
        thresholds: vec![
            Threshold::people(Level::L3, 5_000, Lang::Zh),
            Threshold::people(Level::L2, 10_000, Lang::Zh),
            Threshold::people(Level::L1, 15_000, Lang::Zh),
        ],
        levels: vec![None; months],
        colours: LevelColours::default(),
        unit: Unit::People,
        width: 720,
        height: 280,
        lang: Lang::Zh,
    };
    let chart = event_chart(&spec);
    let svg = &chart.svg;
    assert!(svg.contains("三级 5\u{2009}000") && svg.contains("一级 15\u{2009}000"));
    let bar_fill = format!("fill=\"{}\"", PALETTE[4].hex().to_uppercase());
    let bars_drawn = svg
        .lines()
        .filter(|l| {
            l.starts_with("<rect") && l.contains(&bar_fill) && l.contains("opacity=\"0.75\"")
        })
        .count();
    assert_eq!(
        bars_drawn,
        5 + 1,
        "five months with closures and the legend swatch"
    );
    assert_eq!(
        polylines(svg, PALETTE[0]),
        1 + 1,
        "one step line and its legend"
    );
    assert_balanced(svg);

    // Layoff shares in percent.
    let share = EventChart {
        unit: Unit::Percent,
        thresholds: vec![
            Threshold::percent(Level::L3, Pct::tenths(400), Lang::En),
            Threshold::percent(Level::L2, Pct::tenths(500), Lang::En),
            Threshold::percent(Level::L1, Pct::tenths(600), Lang::En),
        ],
        bars: None,
        lang: Lang::En,
        ..spec
    };
    let svg = event_chart(&share).svg;
    assert!(svg.contains("L2 50%") && svg.contains("60%"));
}

#[test]
fn small_multiples_share_a_scale_and_report_each_panel() {
    let names = ["西兴街道", "长河街道", "浦沿街道"];
    let panels: Vec<Panel> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let values: Vec<Option<f64>> = rate_series(60)
                .into_iter()
                .map(|v| v.map(|x| x + 0.25 * k as f64))
                .collect();
            Panel {
                title: (*n).to_owned(),
                levels: levels_of(&values),
                series: vec![Series {
                    label: (*n).to_owned(),
                    values,
                    colour: PALETTE[0],
                }],
            }
        })
        .collect();
    let chart = small_multiples(&SmallMultiples {
        title: "各街道失业率".to_owned(),
        start: m(2022, 1),
        panels,
        thresholds: thresholds(Lang::Zh),
        colours: LevelColours::default(),
        columns: 2,
        panel_width: 300,
        panel_height: 160,
        lang: Lang::Zh,
    });
    let svg = &chart.svg;
    assert!(svg.contains("viewBox=\"0 0 600 364\""), "{}", &svg[..200]);
    for n in names {
        assert!(svg.contains(n));
    }
    assert_eq!(chart.layout.panels.len(), 3);
    let p2 = &chart.layout.panels[2];
    assert!(
        p2.top > chart.layout.panels[0].bottom,
        "third panel on the second row"
    );
    let x = p2.x_of(m(2024, 6)).unwrap();
    assert_eq!(chart.layout.hit(x, p2.top + 2.0), Some((2, m(2024, 6))));
    assert_balanced(svg);
}

#[test]
fn no_data_and_odd_input_still_give_valid_svg() {
    let mut s = spec(Lang::Zh);
    s.series.clear();
    let chart = rate_chart(&s);
    assert!(chart.svg.contains("暂无数据") && chart.svg.contains("viewBox"));
    assert!(chart.layout.panels.is_empty());
    assert_balanced(&chart.svg);

    let mut s = spec(Lang::En);
    s.series[0].values = vec![
        Some(f64::NAN),
        Some(f64::INFINITY),
        Some(-3.0),
        Some(1e300),
        None,
    ];
    s.width = 1;
    s.height = u32::MAX;
    s.levels = vec![Some(Level::L1); 500];
    let chart = rate_chart(&s);
    assert_balanced(&chart.svg);
    assert!(chart.svg.contains("viewBox=\"0 0 240 4000\""));

    let chart = small_multiples(&SmallMultiples {
        title: String::new(),
        start: m(2022, 1),
        panels: Vec::new(),
        thresholds: Vec::new(),
        colours: LevelColours::default(),
        columns: 0,
        panel_width: 0,
        panel_height: 0,
        lang: Lang::En,
    });
    assert!(chart.svg.contains("No data"));
}

#[test]
fn rendering_is_deterministic() {
    let mut s = spec(Lang::Zh);
    let f =
        forecast::project(s.start, &s.series[0].values, &forecast::Settings::default()).unwrap();
    s.projection = Projection::from_forecast(0, &f, Lang::Zh);
    assert_eq!(rate_chart(&s), rate_chart(&s));
}

#[test]
fn axis_helpers() {
    assert_eq!(nice_step(7.0, 5.0), 2.0);
    assert_eq!(nice_step(16_000.0, 5.0), 5_000.0);
    assert_eq!(nice_step(0.0, 5.0), 1.0);
    assert_eq!(format_value(4.5, Unit::Percent), "4.5%");
    assert_eq!(format_value(5.0, Unit::Percent), "5%");
    assert_eq!(format_value(2.25, Unit::Percent), "2.25%");
    assert_eq!(format_value(15_000.0, Unit::People), "15\u{2009}000");
    assert_eq!(level_short(Level::L2, Lang::Zh), "二级");
}
