//! Evaluation results in words, in both languages: what the dashboard, reports and bulletins say.
//! Pure functions of the rules engine's output, so they are tested natively.

use crate::i18n::{level_name, Lang};
use crate::num::group_thousands;
use crate::rules::{ClosureGap, Decider, LayoffGap, RateGap, Series, Status};

/// "一级" / "Level 1", "无预警" / "No warning", "数据不足（至少…，可能…）".
pub fn status(s: &Status, lang: Lang) -> String {
    match *s {
        Status::Normal => match lang {
            Lang::Zh => "无预警".into(),
            Lang::En => "No warning".into(),
        },
        Status::Warning { level } => level_name(level, lang),
        Status::InsufficientData { at_least, could_be } => {
            let floor = at_least.map(|l| level_name(l, lang));
            let top = level_name(could_be, lang);
            match (lang, floor) {
                (Lang::Zh, Some(f)) => format!("数据不足（至少{f}，补齐后可能达{top}）"),
                (Lang::Zh, None) => format!("数据不足（补齐后可能达{top}）"),
                (Lang::En, Some(f)) => format!("Insufficient data (at least {f}; could be {top})"),
                (Lang::En, None) => format!("Insufficient data (could be {top})"),
            }
        }
    }
}

pub fn decider(d: Decider, lang: Lang) -> &'static str {
    match (d, lang) {
        (Decider::None, Lang::Zh) => "未达任何等级",
        (Decider::None, Lang::En) => "no level holds",
        (Decider::Indicators, Lang::Zh) => "由监测指标判定（§5.1）",
        (Decider::Indicators, Lang::En) => "decided by the indicators (§5.1)",
        (Decider::Special, Lang::Zh) => "由经批准的特殊认定判定（§5.1-M）",
        (Decider::Special, Lang::En) => "decided by an approved special determination (§5.1-M)",
        (Decider::City, Lang::Zh) => "由市级失业预警判定（§1）",
        (Decider::City, Lang::En) => "decided by a city-issued warning (§1)",
    }
}

pub fn series(s: Series, lang: Lang) -> &'static str {
    match (s, lang) {
        (Series::Registered, Lang::Zh) => "登记失业率",
        (Series::Registered, Lang::En) => "registered rate",
        (Series::Actual, Lang::Zh) => "实际失业率",
        (Series::Actual, Lang::En) => "actual rate",
    }
}

/// "0.3 个百分点低于三级（2026-05 登记失业率 4.2%）" / "0.3 pp below level 3 in 2026-05 …".
pub fn rate_gap(g: &RateGap, lang: Lang) -> String {
    let level = level_name(g.level, lang);
    let more = g.months_needed.saturating_sub(g.months_at_or_above);
    match lang {
        Lang::Zh => {
            let mut s = if g.gap.units() > 0 {
                format!(
                    "{} {} 为 {}%，距{}（{}%）差 {} 个百分点",
                    g.month,
                    series(g.series, lang),
                    g.value.approx(2),
                    level,
                    g.threshold,
                    g.gap.approx(2)
                )
            } else {
                format!(
                    "{} {} 为 {}%，已达{}门槛（{}%）",
                    g.month,
                    series(g.series, lang),
                    g.value.approx(2),
                    level,
                    g.threshold
                )
            };
            if more > 0 {
                s.push_str(&format!("；还需连续 {more} 个月达到"));
            }
            s
        }
        Lang::En => {
            let mut s = if g.gap.units() > 0 {
                format!(
                    "{} pp below {} ({} %) in {}: {} {} %",
                    g.gap.approx(2),
                    level,
                    g.threshold,
                    g.month,
                    series(g.series, lang),
                    g.value.approx(2)
                )
            } else {
                format!(
                    "at the {} threshold ({} %) in {}: {} {} %",
                    level,
                    g.threshold,
                    g.month,
                    series(g.series, lang),
                    g.value.approx(2)
                )
            };
            if more > 0 {
                s.push_str(&format!("; {more} more consecutive month(s) needed"));
            }
            s
        }
    }
}

/// "再有 1 300 人因关停失业即达二级" / "1 300 more people left unemployed by closures reach level 2".
pub fn closure_gap(g: &ClosureGap, lang: Lang) -> String {
    let level = level_name(g.level, lang);
    let people = group_thousands(g.people_needed);
    let mut s = match lang {
        Lang::Zh => format!("窗口内再有 {people} 人因企业关停破产失业即达{level}"),
        Lang::En => {
            format!(
                "{people} more people left unemployed by closures within the window reach {level}"
            )
        }
    };
    if g.enterprises_needed > 0 {
        s.push_str(&match lang {
            Lang::Zh => format!("（还需 {} 家企业）", g.enterprises_needed),
            Lang::En => format!(" ({} more enterprise(s) needed)", g.enterprises_needed),
        });
    }
    s
}

pub fn layoff_gap(g: &LayoffGap, lang: Lang) -> String {
    let level = level_name(g.level, lang);
    let mut s = match (g.people_needed, lang) {
        (Some(p), Lang::Zh) => format!("涉及企业再裁员 {} 人即达{level}", group_thousands(p)),
        (Some(p), Lang::En) => format!(
            "layoffs of {} more people at the enterprises involved reach {level}",
            group_thousands(p)
        ),
        (None, Lang::Zh) => format!("现有企业无法达到{level}比例"),
        (None, Lang::En) => format!("the enterprises involved cannot reach the {level} share"),
    };
    if g.enterprises_needed > 0 {
        s.push_str(&match lang {
            Lang::Zh => format!("（“多个企业”还差 {} 家）", g.enterprises_needed),
            Lang::En => format!(
                " (\"multiple enterprises\" needs {} more)",
                g.enterprises_needed
            ),
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::Month;
    use crate::num::Pct;
    use crate::plan::Level;

    #[test]
    fn statuses_read_in_both_languages() {
        assert_eq!(status(&Status::Normal, Lang::Zh), "无预警");
        assert_eq!(
            status(&Status::Warning { level: Level::L2 }, Lang::En),
            "Level 2"
        );
        let s = Status::InsufficientData {
            at_least: Some(Level::L3),
            could_be: Level::L1,
        };
        assert_eq!(
            status(&s, Lang::Zh),
            "数据不足（至少三级，补齐后可能达一级）"
        );
        assert!(status(&s, Lang::En).starts_with("Insufficient data"));
    }

    #[test]
    fn rate_gap_names_value_threshold_and_month() {
        let g = RateGap {
            level: Level::L3,
            clause: "§5.1-L3-a".into(),
            series: Series::Registered,
            month: Month::new(2026, 5).unwrap(),
            value: Pct::tenths(42),
            threshold: Pct::tenths(45),
            gap: Pct::tenths(3),
            months_at_or_above: 0,
            months_needed: 2,
        };
        assert_eq!(
            rate_gap(&g, Lang::En),
            "0.3 pp below Level 3 (4.5 %) in 2026-05: registered rate 4.2 %; 2 more consecutive month(s) needed"
        );
        assert!(rate_gap(&g, Lang::Zh).contains("差 0.3 个百分点"));
    }

    #[test]
    fn closure_gap_counts_people() {
        let g = ClosureGap {
            level: Level::L2,
            clause: "§5.1-L2-b".into(),
            people_needed: 1300,
            enterprises_needed: 0,
        };
        assert_eq!(
            closure_gap(&g, Lang::En),
            "1\u{2009}300 more people left unemployed by closures within the window reach Level 2"
        );
    }
}
