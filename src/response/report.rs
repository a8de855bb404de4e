//! §4.4: the periodic warning analysis report, as structured sections the UI renders and
//! prints: the situation, the level and its evidence, the streets, the trend and projection,
//! and the response's progress.

use crate::explain;
use crate::i18n::{level_name, Lang};
use crate::model::Scope;
use crate::month::Month;
use crate::num::group_thousands;
use crate::response::bulletin::{evidence_lines, percent};
use crate::response::deadlines::DeadlineState;
use crate::response::record::Response;
use crate::response::time::Timestamp;
use crate::rules::{Engine, Evaluation, Series, TransitionKind};
use serde::{Deserialize, Serialize};

crate::tag_first_enum! {
    tag = "kind", remote = "Period", twin = PeriodIn;
    /// The period a report covers.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Period {
        Monthly {
            month: Month,
        },
        /// `quarter` 1–4.
        Quarterly {
            year: i32,
            quarter: u8,
        },
    }
}

impl Period {
    /// The quarter a month falls in.
    pub fn quarter_of(month: Month) -> Period {
        Period::Quarterly {
            year: month.year(),
            quarter: u8::try_from((month.month() - 1) / 3 + 1).unwrap_or(1),
        }
    }

    /// First and last month; `None` for a quarter outside 1–4 or years 1990–2100.
    pub fn months(&self) -> Option<(Month, Month)> {
        match *self {
            Period::Monthly { month } => Some((month, month)),
            Period::Quarterly { year, quarter } => {
                if !(1..=4).contains(&quarter) {
                    return None;
                }
                let first = Month::new(year, u32::from(quarter) * 3 - 2)?;
                Some((first, first.plus(2)?))
            }
        }
    }

    /// "2025 年 6 月" / "June 2025"; "2025 年第二季度" / "2025 Q2".
    pub fn label(&self, lang: Lang) -> String {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (*self, lang) {
            (Period::Monthly { month }, Lang::Zh) => {
                format!("{} 年 {} 月", month.year(), month.month())
            }
            (Period::Monthly { month }, Lang::En) => {
                let name = EN
                    .get(usize::try_from(month.month().saturating_sub(1)).unwrap_or(0))
                    .copied()
                    .unwrap_or_default();
                format!("{name} {}", month.year())
            }
            (Period::Quarterly { year, quarter }, Lang::Zh) => {
                let q = ["一", "二", "三", "四"]
                    .get(usize::from(quarter.saturating_sub(1)))
                    .copied()
                    .unwrap_or("?");
                format!("{year} 年第{q}季度")
            }
            (Period::Quarterly { year, quarter }, Lang::En) => format!("{year} Q{quarter}"),
        }
    }
}

/// A table: a header row and body rows of the same width.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One section of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// `situation`, `level`, `streets`, `trend`, `response`.
    pub id: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
}

/// A report in one language, as saved and printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    /// BCP 47 tag of the language it is written in.
    pub lang: String,
    pub period: Period,
    pub issuer: String,
    pub made: Timestamp,
    pub sections: Vec<Section>,
}

/// What a report is made from. The district and street evaluations and the timeline are
/// computed from `engine` for the period.
pub struct ReportInput<'a, 'e> {
    pub engine: &'a Engine<'e>,
    pub period: Period,
    /// Trend and projection in words, in the report's language (e.g. from the forecast).
    pub forecast: Option<&'a str>,
    /// The response running in the period, if any.
    pub response: Option<&'a Response>,
    pub now: Timestamp,
}

fn rate_in(e: &Evaluation, series: Series, month: Month, lang: Lang) -> String {
    e.rate
        .series
        .iter()
        .filter(|s| s.series == series)
        .flat_map(|s| s.months.iter())
        .find(|m| m.month == month)
        .and_then(|m| m.value)
        .map(|v| percent(v, lang))
        .unwrap_or_else(|| "—".to_owned())
}

fn share(e: &Evaluation, lang: Lang) -> String {
    e.layoffs
        .share
        .map(|s| percent(s, lang))
        .unwrap_or_else(|| "—".to_owned())
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn names<'e>(engine: &Engine<'e>, lang: Lang) -> (String, impl Fn(&str) -> String + 'e) {
    let data = engine.data();
    let area = data
        .district()
        .map(|d| match lang {
            Lang::Zh => d.name.clone(),
            Lang::En => d.name_en.clone().unwrap_or_else(|| d.name.clone()),
        })
        .unwrap_or_else(|| pick(lang, "本区", "the district"));
    let street = move |id: &str| {
        data.region(id)
            .map(|r| match lang {
                Lang::Zh => r.name.clone(),
                Lang::En => r.name_en.clone().unwrap_or_else(|| r.name.clone()),
            })
            .unwrap_or_else(|| id.to_owned())
    };
    (area, street)
}

/// The §4.4 analysis report for `input.period`, in `lang`.
pub fn analysis_report(input: &ReportInput<'_, '_>, lang: Lang) -> Report {
    let engine = input.engine;
    let (area, street_name) = names(engine, lang);
    let (first, last) = input.period.months().unwrap_or_else(|| {
        let m = input.now.cst_month().unwrap_or(Month::MIN);
        (m, m)
    });
    let district = engine.evaluate(&Scope::District, last);
    let monthly: Vec<Evaluation> = first
        .through(last)
        .map(|m| engine.evaluate(&Scope::District, m))
        .collect();
    let exercise = input.response.is_some_and(|r| r.exercise);
    let mut title = match lang {
        Lang::Zh => format!("{area}失业预警分析报告（{}）", input.period.label(lang)),
        Lang::En => format!(
            "Unemployment warning analysis report, {area}, {}",
            input.period.label(lang)
        ),
    };
    if exercise {
        title.insert_str(0, &pick(lang, "【演练】", "EXERCISE: "));
    }
    let sections = vec![
        situation(engine, &district, &monthly, lang),
        level_section(&input.engine.plan().title, &district, lang),
        streets(engine, last, &street_name, lang),
        trend(engine, first, last, input.forecast, lang),
        response_section(input.response, input.now, lang),
    ];
    Report {
        title,
        lang: lang.tag().to_owned(),
        period: input.period,
        issuer: match lang {
            Lang::Zh => format!("{area}失业应急办"),
            Lang::En => format!("{area} Unemployment Emergency Office"),
        },
        made: input.now,
        sections,
    }
}

fn situation(
    engine: &Engine<'_>,
    district: &Evaluation,
    monthly: &[Evaluation],
    lang: Lang,
) -> Section {
    let header = match lang {
        Lang::Zh => [
            "月份",
            "登记失业率",
            "实际失业率",
            "关停破产失业人数（窗口）",
            "一次性裁员比例（窗口）",
            "预警等级",
        ],
        Lang::En => [
            "Month",
            "Registered rate",
            "Actual rate",
            "Left unemployed by closures (window)",
            "One-time layoff share (window)",
            "Level",
        ],
    };
    let rows = monthly
        .iter()
        .map(|e| {
            vec![
                e.month.to_string(),
                rate_in(e, Series::Registered, e.month, lang),
                rate_in(e, Series::Actual, e.month, lang),
                group_thousands(e.closures.total_unemployed),
                share(e, lang),
                explain::status(&e.effective, lang),
            ]
        })
        .collect();
    let mut paragraphs = Vec::new();
    if let Some(region) = &district.region {
        let k = engine.key_groups(region, district.month);
        let fmt = |v: Option<u64>| v.map_or_else(|| "—".to_owned(), group_thousands);
        if !k.is_empty() {
            paragraphs.push(match lang {
                Lang::Zh => format!(
                    "{} 重点群体（§4.1）：高校毕业生 {} 人，就业困难人员 {} 人，农民工 {} 人。",
                    district.month,
                    fmt(k.graduates),
                    fmt(k.difficulty),
                    fmt(k.migrant_workers)
                ),
                Lang::En => format!(
                    "Key groups in {} (§4.1): {} college graduates, {} people with employment difficulties, {} migrant workers.",
                    district.month,
                    fmt(k.graduates),
                    fmt(k.difficulty),
                    fmt(k.migrant_workers)
                ),
            });
        }
    }
    Section {
        id: "situation".into(),
        heading: pick(lang, "一、就业失业基本情况", "1. Situation"),
        paragraphs,
        table: Some(Table {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows,
        }),
    }
}

fn level_section(title: &crate::plan::Text, district: &Evaluation, lang: Lang) -> Section {
    let mut paragraphs = vec![match lang {
        Lang::Zh => format!(
            "{} 全区预警等级：{}，{}。",
            district.month,
            explain::status(&district.effective, lang),
            explain::decider(district.decided_by, lang)
        ),
        Lang::En => format!(
            "District level in {}: {}, {}.",
            district.month,
            explain::status(&district.effective, lang),
            explain::decider(district.decided_by, lang)
        ),
    }];
    let (_, items) = evidence_lines(title, district);
    paragraphs.extend(items.iter().map(|t| t.get(lang).to_owned()));
    let gaps: Vec<String> = [
        district
            .rate
            .gap
            .as_ref()
            .map(|g| explain::rate_gap(g, lang)),
        district
            .closures
            .gap
            .as_ref()
            .map(|g| explain::closure_gap(g, lang)),
        district
            .layoffs
            .gap
            .as_ref()
            .map(|g| explain::layoff_gap(g, lang)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !gaps.is_empty() {
        paragraphs.push(match lang {
            Lang::Zh => format!("距更高等级：{}。", gaps.join("；")),
            Lang::En => format!("Distance to the next level: {}.", gaps.join("; ")),
        });
    }
    for p in &district.pending_special {
        let mut lacks = Vec::new();
        if p.lacks_hq_consent {
            lacks.push(pick(lang, "区指挥部同意", "the HQ's consent"));
        }
        if p.lacks_city_approval {
            lacks.push(pick(lang, "市失业应急办批准", "the city office's approval"));
        }
        paragraphs.push(match lang {
            Lang::Zh => format!(
                "特殊认定 {}（{}）尚缺{}，不计入（§5.1-M）。",
                p.id,
                level_name(p.level, lang),
                lacks.join("、")
            ),
            Lang::En => format!(
                "Special determination {} ({}) lacks {} and does not count (§5.1-M).",
                p.id,
                level_name(p.level, lang),
                lacks.join(" and ")
            ),
        });
    }
    Section {
        id: "level".into(),
        heading: pick(lang, "二、预警等级及依据", "2. Level and evidence"),
        paragraphs,
        table: None,
    }
}

fn streets(
    engine: &Engine<'_>,
    month: Month,
    street_name: &dyn Fn(&str) -> String,
    lang: Lang,
) -> Section {
    let header = match lang {
        Lang::Zh => [
            "街道",
            "预警等级",
            "指标等级",
            "登记失业率",
            "关停破产失业人数",
            "一次性裁员比例",
        ],
        Lang::En => [
            "Street",
            "Level",
            "Indicator level",
            "Registered rate",
            "Left unemployed by closures",
            "One-time layoff share",
        ],
    };
    let rows: Vec<Vec<String>> = engine
        .scopes()
        .into_iter()
        .filter_map(|s| s.street().map(str::to_owned))
        .map(|id| {
            let e = engine.evaluate(&Scope::Street(id.clone()), month);
            vec![
                street_name(&id),
                explain::status(&e.effective, lang),
                explain::status(&e.indicator, lang),
                rate_in(&e, Series::Registered, month, lang),
                group_thousands(e.closures.total_unemployed),
                share(&e, lang),
            ]
        })
        .collect();
    let paragraphs = vec![match lang {
        Lang::Zh => format!("{month} 各街道情况。街道等级按街道范围评估，不单独提高全区等级。"),
        Lang::En => format!(
            "The streets in {month}. A street's level is evaluated for the street alone and never raises the district's by itself."
        ),
    }];
    Section {
        id: "streets".into(),
        heading: pick(lang, "三、各街道情况", "3. Streets"),
        paragraphs,
        table: Some(Table {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows,
        }),
    }
}

fn trend(
    engine: &Engine<'_>,
    first: Month,
    last: Month,
    forecast: Option<&str>,
    lang: Lang,
) -> Section {
    // A year up to the period's end, so that the report shows how the level got here.
    let from = last.plus_saturating(-11).min(first);
    let timeline = engine.timeline(&Scope::District, from, last);
    let mut paragraphs = Vec::new();
    let changes: Vec<String> = timeline
        .transitions
        .iter()
        .map(|t| {
            let kind = match (t.kind, lang) {
                (TransitionKind::Raised, Lang::Zh) => "发布预警",
                (TransitionKind::Raised, Lang::En) => "warning raised",
                (TransitionKind::Escalated, Lang::Zh) => "升级",
                (TransitionKind::Escalated, Lang::En) => "escalated",
                (TransitionKind::DeEscalated, Lang::Zh) => "降级",
                (TransitionKind::DeEscalated, Lang::En) => "de-escalated",
                (TransitionKind::BackToNormal, Lang::Zh) => "恢复正常",
                (TransitionKind::BackToNormal, Lang::En) => "back to normal",
            };
            let lv = |l: Option<crate::plan::Level>| {
                l.map_or_else(
                    || pick(lang, "无预警", "no warning"),
                    |l| level_name(l, lang),
                )
            };
            format!("{} {kind}（{} → {}）", t.month, lv(t.from), lv(t.to))
        })
        .collect();
    paragraphs.push(match (changes.is_empty(), lang) {
        (true, Lang::Zh) => format!("{from} 至 {last} 等级没有变化。"),
        (true, Lang::En) => format!("No change of level from {from} to {last}."),
        (false, Lang::Zh) => format!("{from} 至 {last} 等级变化：{}。", changes.join("；")),
        (false, Lang::En) => format!(
            "Changes of level from {from} to {last}: {}.",
            changes.join("; ")
        ),
    });
    if let Some(since) = timeline
        .months
        .last()
        .and_then(|m| m.months_since_indicator_warning)
    {
        paragraphs.push(match (since, lang) {
            (0, Lang::Zh) => format!("{last} 监测指标处于预警等级。"),
            (0, Lang::En) => format!("In {last} the indicators hold a warning level."),
            (n, Lang::Zh) => format!("截至 {last}，监测指标已连续 {n} 个月低于三级。"),
            (n, Lang::En) => {
                format!("As of {last} the indicators have been below level 3 for {n} month(s).")
            }
        });
    }
    paragraphs.push(match forecast {
        Some(f) if !f.trim().is_empty() => f.trim().to_owned(),
        _ => pick(
            lang,
            "本期未作预测。",
            "No projection was made for this period.",
        ),
    });
    Section {
        id: "trend".into(),
        heading: pick(lang, "四、趋势与预测", "4. Trend and projection"),
        paragraphs,
        table: None,
    }
}

fn response_section(response: Option<&Response>, now: Timestamp, lang: Lang) -> Section {
    let mut paragraphs = Vec::new();
    let mut table = None;
    match response {
        None => paragraphs.push(pick(
            lang,
            "本期未启动失业应急响应。",
            "No emergency response was running in the period.",
        )),
        Some(r) => {
            paragraphs.push(match lang {
                Lang::Zh => format!(
                    "{}失业应急响应 #{}，{} 起（总指挥 {} 同意）。措施进展：{}。",
                    level_name(r.level, lang),
                    r.id,
                    r.level_since(),
                    r.activation.approved_by,
                    r.progress().text(lang)
                ),
                Lang::En => format!(
                    "{} emergency response #{} since {} (approved by the commander {}). Measures: {}.",
                    level_name(r.level, lang),
                    r.id,
                    r.level_since(),
                    r.activation.approved_by,
                    r.progress().text(lang)
                ),
            });
            let overdue = r.overdue(now).len();
            let open = r
                .deadlines
                .iter()
                .filter(|d| matches!(d.state(now), DeadlineState::Open(_)))
                .count();
            paragraphs.push(match lang {
                Lang::Zh => format!("报告时限：未完成 {open} 项，其中超时 {overdue} 项。"),
                Lang::En => format!("Deadlines: {open} open, {overdue} of them overdue."),
            });
            let issued = r.bulletins.iter().filter(|b| b.issued.is_some()).count();
            paragraphs.push(match lang {
                Lang::Zh => format!("已发布预警信息 {issued} 份。"),
                Lang::En => format!("Bulletins issued: {issued}."),
            });
            let header = match lang {
                Lang::Zh => ["条款", "措施", "状态", "负责人"],
                Lang::En => ["Clause", "Measure", "Status", "Owner"],
            };
            table = Some(Table {
                header: header.iter().map(|s| (*s).to_owned()).collect(),
                rows: r
                    .measures
                    .iter()
                    .map(|m| {
                        vec![
                            m.clause.clone(),
                            m.title.get(lang).to_owned(),
                            m.status.name(lang).to_owned(),
                            m.owner.clone(),
                        ]
                    })
                    .collect(),
            });
        }
    }
    Section {
        id: "response".into(),
        heading: pick(lang, "五、应急处置进展", "5. Response progress"),
        paragraphs,
        table,
    }
}
