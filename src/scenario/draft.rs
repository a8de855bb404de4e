//! A tweak as the what-if form holds it: the kind, typed, and the fields as the user typed
//! them. [`TweakDraft::tweak`] reads it into a [`Tweak`] or says which field is wrong, in both
//! languages; the form (`ui/scenarios/tweaks.rs`) only binds inputs to these fields.

use super::{Delta, Tweak};
use crate::edit::{parse_count, CellEdit, Field, Value};
use crate::i18n::{Lang, Msg};
use crate::model::{Dataset, Scope};
use crate::month::{Month, MonthError};
use crate::num::Pct;
use crate::plan::{Level, Text};
use crate::rules::Series;

/// What a tweak changes, in the order the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TweakKind {
    Closure,
    Layoff,
    Trend,
    ExtendRates,
    SetCells,
    Thresholds,
    EventWindow,
    MultipleEnterprises,
    Art41,
}

impl TweakKind {
    pub const ALL: [TweakKind; 9] = [
        TweakKind::Closure,
        TweakKind::Layoff,
        TweakKind::Trend,
        TweakKind::ExtendRates,
        TweakKind::SetCells,
        TweakKind::Thresholds,
        TweakKind::EventWindow,
        TweakKind::MultipleEnterprises,
        TweakKind::Art41,
    ];

    /// The form's option value (stable: e2e tests and saved preferences use it).
    pub fn id(self) -> &'static str {
        match self {
            TweakKind::Closure => "closure",
            TweakKind::Layoff => "layoff",
            TweakKind::Trend => "trend",
            TweakKind::ExtendRates => "extend-rates",
            TweakKind::SetCells => "set-cells",
            TweakKind::Thresholds => "thresholds",
            TweakKind::EventWindow => "event-window",
            TweakKind::MultipleEnterprises => "multiple-enterprises",
            TweakKind::Art41 => "art41",
        }
    }

    pub fn from_id(id: &str) -> Option<TweakKind> {
        TweakKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> Msg {
        match self {
            TweakKind::Closure => Msg::ScKindClosure,
            TweakKind::Layoff => Msg::ScKindLayoff,
            TweakKind::Trend => Msg::ScKindTrend,
            TweakKind::ExtendRates => Msg::ScKindExtend,
            TweakKind::SetCells => Msg::ScKindSetValue,
            TweakKind::Thresholds => Msg::ScKindThreshold,
            TweakKind::EventWindow => Msg::ScKindWindow,
            TweakKind::MultipleEnterprises => Msg::ScKindMultiple,
            TweakKind::Art41 => Msg::ScKindArt41,
        }
    }
}

/// The form's fields as typed; which are read depends on the kind. `a` and `b` are the kind's
/// two numbers (unemployed; workforce and laid off; closures and layoffs for "multiple").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TweakDraft {
    pub kind: TweakKind,
    pub enterprise: String,
    /// A street's id; empty: the district.
    pub street: String,
    /// `district` or a region's id.
    pub region: String,
    /// `registered` or `actual`.
    pub series: String,
    /// Empty: the month shown.
    pub month: String,
    pub a: String,
    pub b: String,
    pub step: String,
    pub months: String,
    pub values: String,
    /// A [`Field`] id.
    pub field: String,
    /// 1, 2 or 3.
    pub level: String,
    pub min_rate: String,
    pub sustained: String,
    pub min_unemployed: String,
    pub min_share: String,
    pub enabled: bool,
}

impl Default for TweakDraft {
    fn default() -> TweakDraft {
        TweakDraft {
            kind: TweakKind::Closure,
            enterprise: String::new(),
            street: String::new(),
            region: "district".into(),
            series: "registered".into(),
            month: String::new(),
            a: String::new(),
            b: String::new(),
            step: "+0.2".into(),
            months: "6".into(),
            values: String::new(),
            field: "registered_rate".into(),
            level: "3".into(),
            min_rate: String::new(),
            sustained: String::new(),
            min_unemployed: String::new(),
            min_share: String::new(),
            enabled: true,
        }
    }
}

fn need(text: &str, what: Msg) -> Result<String, Text> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Text {
            zh: format!("请填写“{}”", what.text(Lang::Zh)),
            en: format!("Please fill in '{}'", what.text(Lang::En)),
        });
    }
    Ok(t.to_owned())
}

fn bad(what: Msg, zh: String, en: String) -> Text {
    Text {
        zh: format!("{}：{zh}", what.text(Lang::Zh)),
        en: format!("{}: {en}", what.text(Lang::En)),
    }
}

fn month_of(text: &str, what: Msg) -> Result<Month, Text> {
    let t = need(text, what)?;
    Month::parse(&t).map_err(|e| match e {
        MonthError::Year => bad(
            what,
            format!("“{t}”：{}", Msg::YearOutsideSpan.text(Lang::Zh)),
            format!("'{t}': {}", Msg::YearOutsideSpan.text(Lang::En)),
        ),
        _ => bad(
            what,
            format!("“{t}”不是 YYYY-MM 格式的月份"),
            format!("'{t}' is not a month (YYYY-MM)"),
        ),
    })
}

fn count_of(text: &str, what: Msg) -> Result<u64, Text> {
    let t = need(text, what)?;
    parse_count(&t).map_err(|p| bad(what, p.describe(&t, Lang::Zh), p.describe(&t, Lang::En)))
}

fn small_of(text: &str, what: Msg) -> Result<u32, Text> {
    let n = count_of(text, what)?;
    u32::try_from(n).map_err(|_| bad(what, "太大".into(), "too large".into()))
}

fn pct_of(text: &str, what: Msg) -> Result<Pct, Text> {
    let t = need(text, what)?;
    Field::RegisteredRate
        .parse(&t)
        .map_err(|e| bad(what, e.message(Lang::Zh), e.message(Lang::En)))
        .and_then(|v| match v {
            Some(Value::Rate(p)) => Ok(p),
            _ => Err(bad(what, "不是百分数".into(), "not a percentage".into())),
        })
}

fn opt<T>(text: &str, f: impl Fn(&str) -> Result<T, Text>) -> Result<Option<T>, Text> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        f(text).map(Some)
    }
}

fn no_region() -> Text {
    Text::new("没有地区", "there is no region")
}

impl TweakDraft {
    /// The tweak the draft describes (`at`: the month shown, for an empty month), or what is
    /// wrong with it.
    pub fn tweak(&self, data: &Dataset, at: Option<Month>) -> Result<Tweak, Text> {
        Ok(match self.kind {
            TweakKind::Closure => Tweak::Closure {
                enterprise: self.enterprise(),
                street: self.street(data)?,
                month: self.month(at)?,
                unemployed: count_of(&self.a, Msg::ScPeopleUnemployed)?,
            },
            TweakKind::Layoff => Tweak::Layoff {
                enterprise: self.enterprise(),
                street: self.street(data)?,
                month: self.month(at)?,
                workforce: count_of(&self.a, Msg::ScWorkforce)?,
                laid_off: count_of(&self.b, Msg::ScLaidOff)?,
            },
            TweakKind::Trend => Tweak::Trend {
                region: self.region(data)?,
                series: self.series(),
                step: self.step()?,
                months: small_of(&self.months, Msg::ScMonths)?,
            },
            TweakKind::ExtendRates => Tweak::ExtendRates {
                region: self.region(data)?,
                series: self.series(),
                from: opt(&self.month, |t| month_of(t, Msg::Month))?,
                values: self.values()?,
            },
            TweakKind::SetCells => {
                let field = Field::from_id(&self.field).unwrap_or(Field::RegisteredRate);
                let value = field.parse(&self.values).map_err(|e| Text {
                    zh: format!("{}：{}", field.label(Lang::Zh), e.message(Lang::Zh)),
                    en: format!("{}: {}", field.label(Lang::En), e.message(Lang::En)),
                })?;
                let cell = CellEdit::new(&self.region(data)?, self.month(at)?, field, value);
                Tweak::SetCells { cells: vec![cell] }
            }
            TweakKind::Thresholds => self.thresholds()?,
            TweakKind::EventWindow => Tweak::EventWindow {
                months: small_of(&self.months, Msg::ScMonths)?,
            },
            TweakKind::MultipleEnterprises => {
                let closures = opt(&self.a, |t| small_of(t, Msg::ScMultipleClosures))?;
                let layoffs = opt(&self.b, |t| small_of(t, Msg::ScMultipleLayoffs))?;
                if closures.is_none() && layoffs.is_none() {
                    return Err(Text::new(
                        "请至少填写一项",
                        "Fill in at least one of the two",
                    ));
                }
                Tweak::MultipleEnterprises { closures, layoffs }
            }
            TweakKind::Art41 => Tweak::Art41 {
                enabled: self.enabled,
            },
        })
    }

    /// The draft after its tweak was added: the numbers cleared for the next one, the kind,
    /// places and month kept.
    pub fn cleared(&self) -> TweakDraft {
        TweakDraft {
            a: String::new(),
            b: String::new(),
            values: String::new(),
            min_rate: String::new(),
            sustained: String::new(),
            min_unemployed: String::new(),
            min_share: String::new(),
            ..self.clone()
        }
    }

    fn month(&self, at: Option<Month>) -> Result<Month, Text> {
        match (self.month.trim().is_empty(), at) {
            (true, Some(at)) => Ok(at),
            _ => month_of(&self.month, Msg::Month),
        }
    }

    fn street(&self, data: &Dataset) -> Result<String, Text> {
        if self.street.is_empty() {
            data.district().map(|d| d.id.clone()).ok_or_else(no_region)
        } else {
            Ok(self.street.clone())
        }
    }

    fn region(&self, data: &Dataset) -> Result<String, Text> {
        match Scope::from_text(&self.region) {
            Scope::District => data.district().map(|d| d.id.clone()).ok_or_else(no_region),
            Scope::Street(id) => Ok(id),
        }
    }

    fn series(&self) -> Series {
        if self.series == "actual" {
            Series::Actual
        } else {
            Series::Registered
        }
    }

    fn enterprise(&self) -> String {
        let e = self.enterprise.trim();
        if e.is_empty() {
            "假设企业".to_owned()
        } else {
            e.to_owned()
        }
    }

    fn step(&self) -> Result<Delta, Text> {
        let t = need(&self.step, Msg::ScStep)?;
        Delta::parse(&t).map_err(|_| {
            bad(
                Msg::ScStep,
                format!("“{t}”不是百分点数（如 +0.2）"),
                format!("'{t}' is not a number of points (e.g. +0.2)"),
            )
        })
    }

    fn values(&self) -> Result<Vec<Pct>, Text> {
        need(&self.values, Msg::ScValues)?
            .split(|c: char| c == ',' || c == '，' || c == ';' || c.is_whitespace())
            .filter(|v| !v.is_empty())
            .map(|v| pct_of(v, Msg::ScValues))
            .collect()
    }

    fn thresholds(&self) -> Result<Tweak, Text> {
        let level = self
            .level
            .parse::<u8>()
            .ok()
            .and_then(Level::from_number)
            .unwrap_or(Level::L3);
        let min_rate = opt(&self.min_rate, |t| pct_of(t, Msg::ScMinRate))?;
        let sustained_months = opt(&self.sustained, |t| small_of(t, Msg::ScSustained))?;
        let min_unemployed = opt(&self.min_unemployed, |t| count_of(t, Msg::ScMinUnemployed))?;
        let min_share = opt(&self.min_share, |t| pct_of(t, Msg::ScMinShare))?;
        if min_rate.is_none()
            && sustained_months.is_none()
            && min_unemployed.is_none()
            && min_share.is_none()
        {
            return Err(Text::new(
                "请至少填写一个新的阈值",
                "Fill in at least one new threshold",
            ));
        }
        Ok(Tweak::Thresholds {
            scope: Scope::from_text(&self.region),
            level,
            min_rate,
            sustained_months,
            min_unemployed,
            min_share,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn draft(kind: TweakKind) -> TweakDraft {
        TweakDraft {
            kind,
            ..TweakDraft::default()
        }
    }

    #[test]
    fn every_kind_has_a_stable_id_that_reads_back() {
        for k in TweakKind::ALL {
            assert_eq!(TweakKind::from_id(k.id()), Some(k));
        }
        assert_eq!(TweakKind::from_id("nonsense"), None);
    }

    #[test]
    fn a_closure_uses_the_month_shown_and_the_district_when_no_street_is_chosen() {
        let data = demo::dataset();
        let d = TweakDraft {
            a: "1,200".into(),
            ..draft(TweakKind::Closure)
        };
        let t = d.tweak(&data, Some(m(2026, 10))).unwrap();
        let Tweak::Closure {
            enterprise,
            street,
            month,
            unemployed,
        } = t
        else {
            panic!("{t:?}")
        };
        assert_eq!(enterprise, "假设企业");
        assert_eq!(street, data.district().unwrap().id);
        assert_eq!((month, unemployed), (m(2026, 10), 1200));
    }

    #[test]
    fn a_missing_or_bad_field_is_named_in_both_languages() {
        let data = demo::dataset();
        let e = draft(TweakKind::Closure).tweak(&data, None).unwrap_err();
        assert!(
            e.zh.contains("月份") || e.zh.contains(Msg::Month.text(Lang::Zh)),
            "{e:?}"
        );
        let e = TweakDraft {
            a: "x".into(),
            ..draft(TweakKind::Layoff)
        }
        .tweak(&data, Some(m(2026, 1)))
        .unwrap_err();
        assert!(e.zh.starts_with(Msg::ScWorkforce.text(Lang::Zh)), "{e:?}");
        assert!(e.en.starts_with(Msg::ScWorkforce.text(Lang::En)), "{e:?}");
        let e = TweakDraft {
            step: "up".into(),
            ..draft(TweakKind::Trend)
        }
        .tweak(&data, None)
        .unwrap_err();
        assert!(e.en.contains("'up' is not a number of points"), "{e:?}");
    }

    #[test]
    fn extend_rates_reads_a_list_in_any_separator() {
        let data = demo::dataset();
        let d = TweakDraft {
            values: "3.1, 3.2，3.3;3.4 3.5".into(),
            ..draft(TweakKind::ExtendRates)
        };
        let Tweak::ExtendRates { values, from, .. } = d.tweak(&data, None).unwrap() else {
            panic!()
        };
        assert_eq!(values.len(), 5);
        assert_eq!(values[0], Pct::tenths(31));
        assert_eq!(from, None, "an empty month continues after the data");
    }

    #[test]
    fn thresholds_need_at_least_one_and_read_the_level() {
        let data = demo::dataset();
        let e = draft(TweakKind::Thresholds).tweak(&data, None).unwrap_err();
        assert!(e.en.contains("at least one"), "{e:?}");
        let d = TweakDraft {
            level: "2".into(),
            min_rate: "4.8".into(),
            ..draft(TweakKind::Thresholds)
        };
        let Tweak::Thresholds {
            level, min_rate, ..
        } = d.tweak(&data, None).unwrap()
        else {
            panic!()
        };
        assert_eq!((level, min_rate), (Level::L2, Some(Pct::tenths(48))));
    }

    #[test]
    fn multiple_enterprises_need_one_of_two_and_art41_takes_the_switch() {
        let data = demo::dataset();
        assert!(draft(TweakKind::MultipleEnterprises)
            .tweak(&data, None)
            .is_err());
        let d = TweakDraft {
            b: "3".into(),
            ..draft(TweakKind::MultipleEnterprises)
        };
        assert_eq!(
            d.tweak(&data, None).unwrap(),
            Tweak::MultipleEnterprises {
                closures: None,
                layoffs: Some(3)
            }
        );
        let off = TweakDraft {
            enabled: false,
            ..draft(TweakKind::Art41)
        };
        assert_eq!(
            off.tweak(&data, None).unwrap(),
            Tweak::Art41 { enabled: false }
        );
    }

    #[test]
    fn clearing_after_adding_keeps_the_kind_place_and_month() {
        let d = TweakDraft {
            kind: TweakKind::Layoff,
            street: "xixing".into(),
            month: "2026-05".into(),
            a: "800".into(),
            b: "90".into(),
            ..TweakDraft::default()
        };
        let c = d.cleared();
        assert_eq!(
            (c.kind, c.street.as_str(), c.month.as_str()),
            (TweakKind::Layoff, "xixing", "2026-05")
        );
        assert!(c.a.is_empty() && c.b.is_empty());
    }
}
