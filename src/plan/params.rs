//! The plan's open points of interpretation (PLAN.md, "Open points"), as named parameters.
//!
//! The plan text leaves these open; each default is documented with its reason in
//! `docs/rules.md`, and the UI shows the value wherever a result depends on it.

use crate::num::Pct;
use crate::plan::Text;
use serde::{Deserialize, Serialize};

/// Open point 1: which rate series can trigger §5.1-Lx-a.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateSeriesRule {
    /// Either the registered or the actual (surveyed) rate; a streak never mixes the two.
    Either,
    RegisteredOnly,
    ActualOnly,
}

/// Open point 1: what a missing month does to "sustained ≥ N months".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingMonthRule {
    /// A missing month breaks the streak; where it could change the result, the outcome is
    /// "insufficient data", never a silent "no warning".
    BreaksStreak,
}

/// Open point 3: how the layoff share of §5.1-Lx-c is formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LayoffRatioRule {
    /// Σ laid off / Σ workforce of the enterprises involved.
    PooledSum,
}

/// Open point 3: which layoffs count as a "one-time layoff" (Labour Contract Law art. 41).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Art41Rule {
    /// Whether only art. 41 layoffs count.
    pub enabled: bool,
    /// 20 or more people …
    pub min_people: u64,
    /// … or fewer, but at least this share of the workforce (10 %).
    pub min_share: Pct,
}

/// Open point 4: whether a street's own plan uses the district's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StreetThresholdRule {
    /// A street inherits the district thresholds unless it carries its own.
    InheritUnlessOwn,
}

/// Open point 5: how the indicator level, a §5.1-M determination and a city warning combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelCombination {
    /// The most severe applies, per scope (never across scopes).
    HighestPerScope,
}

/// All interpretive parameters of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parameters {
    pub rate_series: RateSeriesRule,
    pub missing_month: MissingMonthRule,
    /// Closures and layoffs add up over this many months ending at the evaluated month.
    pub event_window_months: u32,
    /// Least number of enterprises for §5.1-Lx-b ("多个企业关停破产").
    pub closures_min_enterprises: u32,
    /// Least number of enterprises for §5.1-Lx-c ("多个企业一次性裁员").
    pub layoffs_min_enterprises: u32,
    pub layoff_ratio: LayoffRatioRule,
    pub art41: Art41Rule,
    pub street_thresholds: StreetThresholdRule,
    pub combination: LevelCombination,
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters {
            rate_series: RateSeriesRule::Either,
            missing_month: MissingMonthRule::BreaksStreak,
            event_window_months: 3,
            closures_min_enterprises: 1,
            layoffs_min_enterprises: 2,
            layoff_ratio: LayoffRatioRule::PooledSum,
            art41: Art41Rule {
                enabled: true,
                min_people: 20,
                min_share: Pct::tenths(100),
            },
            street_thresholds: StreetThresholdRule::InheritUnlessOwn,
            combination: LevelCombination::HighestPerScope,
        }
    }
}

/// One parameter as the UI lists it: which open point, its value and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterNote {
    /// Open point number in PLAN.md (1–5) and the clause it interprets.
    pub open_point: u8,
    pub clause: &'static str,
    pub name: Text,
    pub value: Text,
    pub reason: Text,
}

impl Parameters {
    /// The parameters with their current values and reasons, for display.
    pub fn notes(&self) -> Vec<ParameterNote> {
        let series = match self.rate_series {
            RateSeriesRule::Either => Text::new(
                "登记失业率或实际失业率均可触发；连续月份不混用两个口径",
                "either the registered or the actual rate; a streak never mixes the two",
            ),
            RateSeriesRule::RegisteredOnly => Text::new("仅登记失业率", "registered rate only"),
            RateSeriesRule::ActualOnly => Text::new("仅实际失业率", "actual rate only"),
        };
        let w = self.event_window_months;
        let a = &self.art41;
        let art41_value = if a.enabled {
            Text {
                zh: format!(
                    "仅计入《劳动合同法》第四十一条规模的裁员：{} 人以上，或不足 {} 人但占职工总数 {}% 以上",
                    a.min_people, a.min_people, a.min_share
                ),
                en: format!(
                    "only layoffs of Labour Contract Law art. 41 size count: {} people or more, or fewer but ≥ {} % of the workforce",
                    a.min_people, a.min_share
                ),
            }
        } else {
            Text::new("所有裁员均计入", "every layoff counts")
        };
        vec![
            ParameterNote {
                open_point: 1,
                clause: "§5.1-a",
                name: Text::new("失业率口径", "Rate series"),
                value: series,
                reason: Text::new(
                    "原文为“登记失业率（或实际失业率）”，两个口径任一达到即可；混用会把两个不可比的数列拼成一段",
                    "the text says \"registered (or actual) rate\": either may trigger; mixing them would join two incomparable series",
                ),
            },
            ParameterNote {
                open_point: 1,
                clause: "§5.1-a",
                name: Text::new("缺失月份", "Missing month"),
                value: Text::new(
                    "缺月中断“持续”；若补齐可能改变结论，则判为“数据不足”",
                    "a missing month breaks \"sustained\"; where filling it could change the result the outcome is \"insufficient data\"",
                ),
                reason: Text::new(
                    "“持续2个月以上”要求每个月都有数据；不把缺数据当作“无预警”",
                    "\"sustained ≥ 2 months\" needs every month observed; missing data is never read as \"no warning\"",
                ),
            },
            ParameterNote {
                open_point: 1,
                clause: "§9",
                name: Text::new("精确比较", "Exact comparison"),
                value: Text::new(
                    "失业率按精确小数比较，“以上”含本数：6.5% 即达一级",
                    "rates compare exactly and \"以上\" includes the number: 6.5 % is a level-1 month",
                ),
                reason: Text::new(
                    "附则规定“以上”含本数；浮点误差不得决定等级",
                    "§9 says \"以上\" includes the number; no floating-point error may decide a level",
                ),
            },
            ParameterNote {
                open_point: 2,
                clause: "§5.1-b/c",
                name: Text::new("事件累计窗口", "Event window"),
                value: Text {
                    zh: format!("关停与裁员按截至评估月的滚动 {w} 个月累计"),
                    en: format!("closures and layoffs add up over a rolling {w} months ending at the evaluated month"),
                },
                reason: Text::new(
                    "原文未规定期间；参照美国 WARN 法 90 天合并计算的先例",
                    "the text sets no period; the WARN Act's 90-day aggregation is the precedent",
                ),
            },
            ParameterNote {
                open_point: 2,
                clause: "§5.1-b",
                name: Text::new("关停企业数", "Closures: enterprises"),
                value: Text {
                    zh: format!("至少 {} 家企业", self.closures_min_enterprises),
                    en: format!("at least {} enterprise(s)", self.closures_min_enterprises),
                },
                reason: Text::new(
                    "一家企业关停造成同样多的失业，严重程度不低于多家",
                    "a single closure leaving as many unemployed is at least as severe as several",
                ),
            },
            ParameterNote {
                open_point: 2,
                clause: "§5.1-c",
                name: Text::new("裁员企业数", "Layoffs: enterprises"),
                value: Text {
                    zh: format!("至少 {} 家企业（“多个企业”）", self.layoffs_min_enterprises),
                    en: format!("at least {} enterprises (\"multiple\")", self.layoffs_min_enterprises),
                },
                reason: Text::new(
                    "比例标准针对多家企业；单一企业裁员比例高但人数可能很少",
                    "the share criterion speaks of several enterprises; one small firm can have a high share with few people",
                ),
            },
            ParameterNote {
                open_point: 3,
                clause: "§5.1-c",
                name: Text::new("裁员比例算法", "Layoff share"),
                value: Text::new(
                    "Σ 裁员人数 ÷ Σ 涉及企业职工总数",
                    "Σ laid off ÷ Σ workforce of the enterprises involved",
                ),
                reason: Text::new(
                    "“企业职工总数”指涉及企业的合计，按人数加权",
                    "\"the enterprises' total workforce\" is their sum, weighted by people",
                ),
            },
            ParameterNote {
                open_point: 3,
                clause: "§5.1-c",
                name: Text::new("一次性裁员", "One-time layoff"),
                value: art41_value,
                reason: Text::new(
                    "《劳动合同法》第四十一条界定的经济性裁员",
                    "the economic layoff defined by Labour Contract Law art. 41",
                ),
            },
            ParameterNote {
                open_point: 4,
                clause: "§9",
                name: Text::new("街道标准", "Street thresholds"),
                value: Text::new(
                    "街道默认沿用区标准，可设本街道标准；街道等级不单独提高全区等级",
                    "a street inherits the district's thresholds unless it has its own; a street's level never raises the district's by itself",
                ),
                reason: Text::new(
                    "附则允许街道制订本街道预案；属地管理、分级负责",
                    "§9 lets streets write their own plans; territorial management",
                ),
            },
            ParameterNote {
                open_point: 5,
                clause: "§5.1-M",
                name: Text::new("等级合并", "Combining levels"),
                value: Text::new(
                    "指标等级、经批准的特殊认定、市级预警取最高，按范围分别合并",
                    "the highest of the indicator level, an approved special determination and a city warning, per scope",
                ),
                reason: Text::new(
                    "任一来源均可启动响应；更高等级的措施包含更低等级的处置",
                    "any source starts a response; a higher level's response covers a lower one's",
                ),
            },
        ]
    }
}
