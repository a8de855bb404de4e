//! §5.4: the warning bulletin — drafted from the evaluation with the seven required fields, in
//! both languages, edited, approved by the HQ, then issued; changed or cancelled later.

use crate::i18n::{level_name, Lang};
use crate::model::Dataset;
use crate::num::group_thousands;
use crate::plan::{Level, Plan, Text};
use crate::response::record::{Approval, Response, Stamp};
use crate::response::time::Timestamp;
use crate::rules::{Check, Evaluation};
use serde::{Deserialize, Serialize};

/// The seven fields of §5.4, each in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BulletinFields {
    /// 指标类别.
    pub category: Text,
    /// 预警级别.
    pub level: Text,
    /// 起始时间.
    pub start: Text,
    /// 可能影响范围.
    pub scope: Text,
    /// 警示事项.
    pub items: Text,
    /// 应采取的措施.
    pub measures: Text,
    /// 发布单位.
    pub issuer: Text,
}

impl BulletinFields {
    /// The field ids of `plan.bulletin_fields`, in the plan's order.
    pub const IDS: [&'static str; 7] = [
        "category", "level", "start", "scope", "items", "measures", "issuer",
    ];

    pub fn get(&self, id: &str) -> Option<&Text> {
        match id {
            "category" => Some(&self.category),
            "level" => Some(&self.level),
            "start" => Some(&self.start),
            "scope" => Some(&self.scope),
            "items" => Some(&self.items),
            "measures" => Some(&self.measures),
            "issuer" => Some(&self.issuer),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Text> {
        match id {
            "category" => Some(&mut self.category),
            "level" => Some(&mut self.level),
            "start" => Some(&mut self.start),
            "scope" => Some(&mut self.scope),
            "items" => Some(&mut self.items),
            "measures" => Some(&mut self.measures),
            "issuer" => Some(&mut self.issuer),
            _ => None,
        }
    }
}

/// What the office writes: headline, area, start and the seven fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulletinContent {
    /// 滨江区二级（严重）失业预警 …
    pub title: Text,
    /// The area the warning covers (CAP `areaDesc`).
    pub area: Text,
    /// The start time as an instant (CAP `effective`); the `start` field says it in words.
    pub start: Timestamp,
    pub fields: BulletinFields,
}

impl BulletinContent {
    /// Empty texts, by field id and language: all must be filled before approval.
    pub fn missing(&self) -> Vec<(&'static str, Lang)> {
        let mut out = Vec::new();
        let named = [("title", &self.title), ("area", &self.area)]
            .into_iter()
            .chain(
                BulletinFields::IDS
                    .into_iter()
                    .filter_map(|id| self.fields.get(id).map(|t| (id, t))),
            );
        for (id, text) in named {
            for lang in Lang::ALL {
                if text.get(lang).trim().is_empty() {
                    out.push((id, lang));
                }
            }
        }
        out
    }
}

/// Where a bulletin stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BulletinStatus {
    Draft,
    /// Approved by the HQ, not yet issued.
    Approved,
    /// Issued and in force.
    Issued,
    /// Replaced by an issued update.
    Superseded,
    /// Cancelled after issue.
    Cancelled,
    /// A draft given up before issue.
    Withdrawn,
}

impl BulletinStatus {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BulletinStatus::Draft, Lang::Zh) => "草稿",
            (BulletinStatus::Draft, Lang::En) => "draft",
            (BulletinStatus::Approved, Lang::Zh) => "已批准待发布",
            (BulletinStatus::Approved, Lang::En) => "approved, not issued",
            (BulletinStatus::Issued, Lang::Zh) => "已发布",
            (BulletinStatus::Issued, Lang::En) => "issued",
            (BulletinStatus::Superseded, Lang::Zh) => "已被变更",
            (BulletinStatus::Superseded, Lang::En) => "superseded",
            (BulletinStatus::Cancelled, Lang::Zh) => "已解除",
            (BulletinStatus::Cancelled, Lang::En) => "cancelled",
            (BulletinStatus::Withdrawn, Lang::Zh) => "已撤回",
            (BulletinStatus::Withdrawn, Lang::En) => "withdrawn",
        }
    }
}

/// A cancellation after issue, approved like an issue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cancellation {
    pub at: Timestamp,
    pub by: String,
    pub approval: Approval,
    pub reason: String,
}

/// A bulletin and its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "BulletinIn")]
pub struct Bulletin {
    /// Unique within the response.
    pub id: u32,
    /// The response's level when drafted or last edited (CAP severity).
    pub level: Level,
    /// Drafted in an exercise: marked in print and sent with CAP status `Exercise`.
    pub exercise: bool,
    #[serde(flatten)]
    pub content: BulletinContent,
    /// The issued bulletin this one changes (CAP `Update`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<u32>,
    pub drafted: Stamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<Cancellation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Stamp>,
    /// Issued (for real) while the latest data no longer supported its level: the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_basis: Option<crate::response::later::EarlierBasis>,
}

/// The stored shape of a [`Bulletin`] (its content's entries beside its own), read without
/// serde's `flatten`, which would buffer every bulletin before reading it.
#[derive(Deserialize)]
struct BulletinIn {
    id: u32,
    level: Level,
    exercise: bool,
    title: Text,
    area: Text,
    start: Timestamp,
    fields: BulletinFields,
    #[serde(default)]
    supersedes: Option<u32>,
    drafted: Stamp,
    #[serde(default)]
    approval: Option<Approval>,
    #[serde(default)]
    issued: Option<Stamp>,
    #[serde(default)]
    superseded_by: Option<u32>,
    #[serde(default)]
    cancelled: Option<Cancellation>,
    #[serde(default)]
    withdrawn: Option<Stamp>,
    #[serde(default)]
    earlier_basis: Option<crate::response::later::EarlierBasis>,
}

impl From<BulletinIn> for Bulletin {
    fn from(b: BulletinIn) -> Bulletin {
        Bulletin {
            id: b.id,
            level: b.level,
            exercise: b.exercise,
            content: BulletinContent {
                title: b.title,
                area: b.area,
                start: b.start,
                fields: b.fields,
            },
            supersedes: b.supersedes,
            drafted: b.drafted,
            approval: b.approval,
            issued: b.issued,
            superseded_by: b.superseded_by,
            cancelled: b.cancelled,
            withdrawn: b.withdrawn,
            earlier_basis: b.earlier_basis,
        }
    }
}

impl Bulletin {
    pub fn status(&self) -> BulletinStatus {
        if self.withdrawn.is_some() {
            BulletinStatus::Withdrawn
        } else if self.cancelled.is_some() {
            BulletinStatus::Cancelled
        } else if self.superseded_by.is_some() {
            BulletinStatus::Superseded
        } else if self.issued.is_some() {
            BulletinStatus::Issued
        } else if self.approval.is_some() {
            BulletinStatus::Approved
        } else {
            BulletinStatus::Draft
        }
    }

    /// The title, with the exercise mark: "【演练】…" / "EXERCISE: …".
    pub fn headline(&self, lang: Lang) -> String {
        let title = self.content.title.get(lang);
        match (self.exercise, lang) {
            (false, _) => title.to_owned(),
            (true, Lang::Zh) => format!("{EXERCISE_MARK_ZH}{title}"),
            (true, Lang::En) => format!("{EXERCISE_MARK_EN}{title}"),
        }
    }
}

/// The exercise mark that starts every exercise headline.
pub const EXERCISE_MARK_ZH: &str = "【演练】";
pub const EXERCISE_MARK_EN: &str = "EXERCISE: ";

fn area_name(data: &Dataset) -> Text {
    match data.district() {
        Some(d) => Text {
            zh: d.name.clone(),
            en: d.name_en.clone().unwrap_or_else(|| d.name.clone()),
        },
        None => Text::new("本区", "the district"),
    }
}

fn region_name(data: &Dataset, id: &str) -> Text {
    match data.region(id) {
        Some(r) => Text {
            zh: r.name.clone(),
            en: r.name_en.clone().unwrap_or_else(|| r.name.clone()),
        },
        None => Text::new(id, id),
    }
}

fn unit_names(plan: &Plan, units: &[String]) -> Text {
    let names: Vec<&Text> = units
        .iter()
        .filter_map(|u| plan.unit(u).map(|u| &u.name))
        .collect();
    Text {
        zh: names
            .iter()
            .map(|t| t.zh.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        en: names
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn joined(parts: &[Text], zh_sep: &str, en_sep: &str) -> Text {
    Text {
        zh: parts
            .iter()
            .map(|t| t.zh.as_str())
            .collect::<Vec<_>>()
            .join(zh_sep),
        en: parts
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(en_sep),
    }
}

/// A figure as a public document writes it: "4.93%", rounded to two decimals as the plan's
/// tables are, in both languages.
pub(crate) fn percent(p: crate::num::Pct, _lang: Lang) -> String {
    format!("{}%", p.rounded(2))
}

/// A clause cited in words for the public: "《滨江区失业应急预案》第五条" for any clause of
/// §5 (`§5.1-L3-a`, `§5.1-M`), "section 5 of the Binjiang District Unemployment Emergency
/// Plan" in English; the plan itself when the id names no section.
pub fn cite(title: &Text, clause: &str) -> Text {
    let n: Option<u32> = clause
        .trim_start_matches('§')
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|d| d.parse().ok());
    match n {
        Some(n) => Text {
            zh: format!("《{}》第{}条", title.zh, chinese_number(n)),
            en: format!("section {n} of the {}", title.en),
        },
        None => Text {
            zh: format!("《{}》", title.zh),
            en: format!("the {}", title.en),
        },
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (up to 99).
fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| D.get(d as usize).copied().unwrap_or("");
    match (n / 10, n % 10) {
        (0, u) => digit(u).to_owned(),
        (1, 0) => "十".to_owned(),
        (1, u) => format!("十{}", digit(u)),
        (t, 0) => format!("{}十", digit(t)),
        (t, u) => format!("{}十{}", digit(t), digit(u)),
    }
}

fn lvl(level: Level) -> Text {
    Text {
        zh: level_name(level, Lang::Zh),
        en: level_name(level, Lang::En),
    }
}

/// The category and warning items of one evaluation, criterion by criterion.
pub(crate) fn evidence_lines(title: &Text, evaluation: &Evaluation) -> (Vec<Text>, Vec<Text>) {
    let c = |clause: &str| cite(title, clause);
    let mut categories = Vec::new();
    let mut items = Vec::new();
    let rate = &evaluation.rate;
    if let Some(level) = rate.status.level() {
        categories.push(Text::new(
            "登记失业率（或实际失业率）",
            "unemployment rate (registered or actual)",
        ));
        if let Some(check) = rate.checks.iter().find(|c| c.level == level) {
            let series = check
                .series
                .iter()
                .find(|s| s.result == Check::Met)
                .map(|s| s.series);
            let values: Vec<_> = rate
                .series
                .iter()
                .filter(|s| Some(s.series) == series)
                .flat_map(|s| s.months.iter())
                .filter(|m| check.window.from <= m.month && m.month <= check.window.to)
                .filter_map(|m| m.value)
                .collect();
            let values_in =
                |lang: Lang| -> Vec<String> { values.iter().map(|v| percent(*v, lang)).collect() };
            let sname = series.map_or(("失业率", "unemployment rate"), |s| {
                (
                    crate::explain::series(s, Lang::Zh),
                    crate::explain::series(s, Lang::En),
                )
            });
            let l = lvl(level);
            items.push(Text {
                zh: format!(
                    "{} 至 {} {}分别为 {}，连续 {} 个月达到{}标准（{} 以上），见{}",
                    check.window.from,
                    check.window.to,
                    sname.0,
                    values_in(Lang::Zh).join("、"),
                    check.sustained_months,
                    l.zh,
                    percent(check.min_rate, Lang::Zh),
                    c(&check.clause).zh
                ),
                en: format!(
                    "{} to {}: {} of {}, {} consecutive months at or above the {} threshold of {} (see {})",
                    check.window.from,
                    check.window.to,
                    sname.1,
                    values_in(Lang::En).join(", "),
                    check.sustained_months,
                    l.en,
                    percent(check.min_rate, Lang::En),
                    c(&check.clause).en
                ),
            });
        }
    }
    let closures = &evaluation.closures;
    if let Some(level) = closures.status.level() {
        categories.push(Text::new(
            "企业关停破产造成的失业人数",
            "people left unemployed by enterprise closures and bankruptcies",
        ));
        if let Some(check) = closures.checks.iter().find(|c| c.level == level) {
            let l = lvl(level);
            let people = group_thousands(closures.total_unemployed);
            let min = group_thousands(check.min_unemployed);
            items.push(Text {
                zh: format!(
                    "{} 至 {} 共 {} 家企业关停破产，造成 {} 人失业，达到{}标准（{} 人以上），见{}",
                    closures.window.from,
                    closures.window.to,
                    closures.enterprises,
                    people,
                    l.zh,
                    min,
                    c(&check.clause).zh
                ),
                en: format!(
                    "{} to {}: closures and bankruptcies of {} enterprise(s) left {} people unemployed, reaching the {} threshold of {} (see {})",
                    closures.window.from,
                    closures.window.to,
                    closures.enterprises,
                    people,
                    l.en,
                    min,
                    c(&check.clause).en
                ),
            });
        }
    }
    let layoffs = &evaluation.layoffs;
    if let Some(level) = layoffs.status.level() {
        categories.push(Text::new(
            "企业一次性裁员比例",
            "share of the workforce laid off at once by enterprises",
        ));
        if let Some(check) = layoffs.checks.iter().find(|c| c.level == level) {
            let l = lvl(level);
            let share = |lang| layoffs.share.map(|s| percent(s, lang)).unwrap_or_default();
            let people = group_thousands(layoffs.total_laid_off);
            items.push(Text {
                zh: format!(
                    "{} 至 {} {} 家企业一次性裁员 {} 人，占其职工总数 {}，达到{}标准（{} 以上），见{}",
                    layoffs.window.from,
                    layoffs.window.to,
                    layoffs.enterprises.len(),
                    people,
                    share(Lang::Zh),
                    l.zh,
                    percent(check.min_share, Lang::Zh),
                    c(&check.clause).zh
                ),
                en: format!(
                    "{} to {}: one-time layoffs of {} people by {} enterprise(s), {} of their workforce, reaching the {} threshold of {} (see {})",
                    layoffs.window.from,
                    layoffs.window.to,
                    people,
                    layoffs.enterprises.len(),
                    share(Lang::En),
                    l.en,
                    percent(check.min_share, Lang::En),
                    c(&check.clause).en
                ),
            });
        }
    }
    if let Some(s) = &evaluation.special {
        categories.push(Text::new("特殊认定", "special determination"));
        let l = lvl(s.level);
        items.push(Text {
            zh: format!(
                "经区失业应急指挥部同意、市失业应急办批准，自 {} 起认定为{}失业预警，见{}",
                s.effective_from,
                l.zh,
                c("§5.1-M").zh
            ),
            en: format!(
                "Determined as a {} warning from {} with the district HQ's consent and the city office's approval (see {})",
                l.en,
                s.effective_from,
                c("§5.1-M").en
            ),
        });
    }
    if let Some(city) = &evaluation.city {
        categories.push(Text::new(
            "市政府发布的失业预警",
            "unemployment warning issued by the city government",
        ));
        let l = lvl(city.level);
        items.push(Text {
            zh: format!("市政府自 {} 起发布{}失业预警，涉及本区", city.from, l.zh),
            en: format!(
                "The city government has issued a {} unemployment warning involving the district since {}",
                l.en, city.from
            ),
        });
    }
    (categories, items)
}

/// Streets named by the events behind the evaluation, in first-seen order.
fn streets_involved(data: &Dataset, evaluation: &Evaluation) -> Vec<Text> {
    let mut ids: Vec<&str> = Vec::new();
    let events = evaluation
        .closures
        .events
        .iter()
        .map(|e| e.street.as_str())
        .chain(evaluation.layoffs.counted.iter().map(|e| e.street.as_str()));
    for id in events {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter().map(|id| region_name(data, id)).collect()
}

/// A draft of the bulletin for `response` from `evaluation` (the district's, in the month the
/// level rests on): every field filled in both languages, for the office to edit.
pub fn draft_bulletin(
    plan: &Plan,
    data: &Dataset,
    evaluation: &Evaluation,
    response: &Response,
) -> BulletinContent {
    let level = response.level;
    let area = area_name(data);
    let spec_name = plan
        .thresholds
        .spec(level)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| lvl(level));
    let colour = level.colour().name();
    let start = response.level_since();
    let (categories, items) = evidence_lines(&plan.title, evaluation);

    let streets = streets_involved(data, evaluation);
    let mut scope = Text {
        zh: format!("{}全区", area.zh),
        en: format!("The whole of {}", area.en),
    };
    if !streets.is_empty() {
        let s = joined(&streets, "、", ", ");
        scope.zh.push_str(&format!("，重点涉及{}", s.zh));
        scope.en.push_str(&format!(", in particular {}", s.en));
    }
    scope
        .zh
        .push_str("；重点关注高校毕业生、就业困难人员、农民工等群体");
    scope.en.push_str(
        "; with attention to college graduates, people with employment difficulties and migrant workers",
    );

    let l = lvl(level);
    let mut measures = Text {
        zh: format!("区失业应急指挥部已启动{}失业应急响应，采取以下措施：", l.zh),
        en: format!(
            "The district unemployment emergency HQ has started a {} emergency response and takes these measures:",
            l.en
        ),
    };
    for (n, m) in (1u32..).zip(&response.measures) {
        let units = unit_names(plan, &m.units);
        measures
            .zh
            .push_str(&format!("\n{n}. {}（责任单位：{}）", m.title.zh, units.zh));
        measures.en.push_str(&format!(
            "\n{n}. {} (responsible: {})",
            m.title.en, units.en
        ));
    }

    BulletinContent {
        title: Text {
            zh: format!("{}{}", area.zh, spec_name.zh),
            en: format!("{}: {}", area.en, spec_name.en),
        },
        area: area.clone(),
        start,
        fields: BulletinFields {
            category: if categories.is_empty() {
                Text::new("—", "—")
            } else {
                joined(&categories, "；", "; ")
            },
            level: Text {
                zh: format!("{}（{}）", spec_name.zh, colour.zh),
                en: format!("{} ({})", spec_name.en, colour.en),
            },
            start: Text {
                zh: format!("{}（北京时间）", start.format_cst()),
                en: format!("{} (China Standard Time, UTC+8)", start.format_cst()),
            },
            scope,
            items: joined(&items, "\n", "\n"),
            measures,
            issuer: Text {
                zh: format!("{}失业应急办（区失业应急指挥部办公室，设在区人力社保局）", area.zh),
                en: format!(
                    "{} Unemployment Emergency Office (office of the district HQ, in the District HR & Social Security Bureau)",
                    area.en
                ),
            },
        },
    }
}
