//! The criteria of one level, any one of which reaches it (§5.1-Lx-a/b/c and the other kinds
//! of `docs/rules.md`): add, remove and edit each, under the user's own clause label (what the
//! evidence cites); and the plan's own indicators that a criterion may compare.

use super::levels::{spec, spec_mut};
use super::{count, gone, group, pct, small, Cx};
use crate::i18n::{Lang, Msg};
use crate::plan::editing::{add_criterion, NewCriterion};
use crate::plan::{
    Clause, Comparison, ExtraCriterion, IndicatorCriterion, IndicatorDef, Plan, RateCriterion,
    RateSeriesChoice, Text,
};
use leptos::prelude::*;

/// Which criterion of a level.
#[derive(Clone, Copy)]
enum At {
    Rate,
    Closures,
    Layoffs,
    Extra(usize),
}

fn clause(p: &Plan, i: usize, at: At) -> Option<&Clause> {
    let s = spec(p, i)?;
    match at {
        At::Rate => s.rate.as_ref().map(|c| &c.clause),
        At::Closures => s.closures.as_ref().map(|c| &c.clause),
        At::Layoffs => s.layoffs.as_ref().map(|c| &c.clause),
        At::Extra(k) => s.extra.get(k).map(ExtraCriterion::clause),
    }
}

fn clause_mut(p: &mut Plan, i: usize, at: At) -> Option<&mut Clause> {
    let s = p.thresholds.levels.get_mut(i)?;
    match at {
        At::Rate => s.rate.as_mut().map(|c| &mut c.clause),
        At::Closures => s.closures.as_mut().map(|c| &mut c.clause),
        At::Layoffs => s.layoffs.as_mut().map(|c| &mut c.clause),
        At::Extra(k) => s.extra.get_mut(k).map(ExtraCriterion::clause_mut),
    }
}

fn remove(p: &mut Plan, i: usize, at: At) -> Result<(), Text> {
    let s = spec_mut(p, i)?;
    match at {
        At::Rate => s.rate = None,
        At::Closures => s.closures = None,
        At::Layoffs => s.layoffs = None,
        At::Extra(k) if k < s.extra.len() => {
            s.extra.remove(k);
        }
        At::Extra(_) => return Err(gone()),
    }
    Ok(())
}

fn extra(p: &Plan, i: usize, k: usize) -> Option<&ExtraCriterion> {
    spec(p, i)?.extra.get(k)
}

fn extra_mut(p: &mut Plan, i: usize, k: usize) -> Result<&mut ExtraCriterion, Text> {
    spec_mut(p, i)?.extra.get_mut(k).ok_or_else(gone)
}

fn comparison_options() -> Vec<(String, String)> {
    Comparison::ALL
        .into_iter()
        .map(|c| (c.symbol().to_owned(), c.symbol().to_owned()))
        .collect()
}

fn comparison_of(v: &str) -> Result<Comparison, Text> {
    Comparison::ALL
        .into_iter()
        .find(|c| c.symbol() == v)
        .ok_or_else(gone)
}

const SERIES: [(&str, Option<RateSeriesChoice>, Msg); 4] = [
    ("", None, Msg::PeSeriesPlan),
    (
        "registered",
        Some(RateSeriesChoice::Registered),
        Msg::PeSeriesRegistered,
    ),
    (
        "surveyed",
        Some(RateSeriesChoice::Surveyed),
        Msg::PeSeriesSurveyed,
    ),
    (
        "either",
        Some(RateSeriesChoice::Either),
        Msg::PeSeriesEither,
    ),
];

fn rate_mut(p: &mut Plan, i: usize) -> Result<&mut RateCriterion, Text> {
    spec_mut(p, i)?.rate.as_mut().ok_or_else(gone)
}

fn rate_fields(c: &Cx, i: usize, pre: &str) -> AnyView {
    let series = SERIES
        .iter()
        .map(|(v, _, m)| ((*v).to_owned(), m.text(c.lang).to_owned()))
        .collect();
    vec![
        c.select(
            format!("{pre}-series"),
            Msg::PeSeries,
            series,
            move |p| {
                let s = spec(p, i)?.rate.as_ref()?.series;
                SERIES.iter().find(|x| x.1 == s).map(|x| x.0.to_owned())
            },
            move |p, v, _| {
                rate_mut(p, i)?.series = SERIES.iter().find(|x| x.0 == v).and_then(|x| x.1);
                Ok(())
            },
        ),
        c.select(
            format!("{pre}-cmp"),
            Msg::PeComparison,
            comparison_options(),
            move |p| Some(spec(p, i)?.rate.as_ref()?.comparison.symbol().to_owned()),
            move |p, v, _| {
                rate_mut(p, i)?.comparison = comparison_of(v)?;
                Ok(())
            },
        ),
        c.input(
            format!("{pre}-min"),
            Msg::PeThreshold,
            move |p| Some(spec(p, i)?.rate.as_ref()?.min_rate.to_string()),
            move |p, v, w| {
                let x = pct(v, w)?;
                rate_mut(p, i)?.min_rate = x;
                Ok(())
            },
        ),
        c.input(
            format!("{pre}-months"),
            Msg::PeMonths,
            move |p| Some(spec(p, i)?.rate.as_ref()?.sustained_months.to_string()),
            move |p, v, w| {
                let x = small(v, w)?;
                rate_mut(p, i)?.sustained_months = x;
                Ok(())
            },
        ),
    ]
    .into_any()
}

/// The fields of the kinds beyond the rate.
fn fields(c: &Cx, p: &Plan, i: usize, at: At, pre: &str) -> AnyView {
    let id = |f: &str| format!("{pre}-{f}");
    match at {
        At::Rate => rate_fields(c, i, pre),
        At::Closures => c.input(
            id("min"),
            Msg::PePeople,
            move |p| Some(spec(p, i)?.closures.as_ref()?.min_unemployed.to_string()),
            move |p, v, w| {
                let x = count(v, w)?;
                let s = spec_mut(p, i)?.closures.as_mut().ok_or_else(gone)?;
                s.min_unemployed = x;
                Ok(())
            },
        ),
        At::Layoffs => c.input(
            id("min"),
            Msg::PeShare,
            move |p| Some(spec(p, i)?.layoffs.as_ref()?.min_share.to_string()),
            move |p, v, w| {
                let x = pct(v, w)?;
                let s = spec_mut(p, i)?.layoffs.as_mut().ok_or_else(gone)?;
                s.min_share = x;
                Ok(())
            },
        ),
        At::Extra(k) => match extra(p, i, k) {
            Some(ExtraCriterion::SingleClosure(_)) => c.input(
                id("min"),
                Msg::PePeople,
                move |p| match extra(p, i, k)? {
                    ExtraCriterion::SingleClosure(x) => Some(x.min_unemployed.to_string()),
                    _ => None,
                },
                move |p, v, w| {
                    let n = count(v, w)?;
                    match extra_mut(p, i, k)? {
                        ExtraCriterion::SingleClosure(x) => x.min_unemployed = n,
                        _ => return Err(gone()),
                    }
                    Ok(())
                },
            ),
            Some(ExtraCriterion::SingleLayoff(_)) => vec![
                c.input(
                    id("min"),
                    Msg::PePeople,
                    move |p| match extra(p, i, k)? {
                        ExtraCriterion::SingleLayoff(x) => Some(x.min_laid_off.to_string()),
                        _ => None,
                    },
                    move |p, v, w| {
                        let n = count(v, w)?;
                        match extra_mut(p, i, k)? {
                            ExtraCriterion::SingleLayoff(x) => x.min_laid_off = n,
                            _ => return Err(gone()),
                        }
                        Ok(())
                    },
                ),
                c.input(
                    id("workforce"),
                    Msg::PeWorkforce,
                    move |p| match extra(p, i, k)? {
                        ExtraCriterion::SingleLayoff(x) => {
                            Some(x.min_workforce.map_or(String::new(), |n| n.to_string()))
                        }
                        _ => None,
                    },
                    move |p, v, w| {
                        let n = if v.trim().is_empty() {
                            None
                        } else {
                            Some(count(v, w)?)
                        };
                        match extra_mut(p, i, k)? {
                            ExtraCriterion::SingleLayoff(x) => x.min_workforce = n,
                            _ => return Err(gone()),
                        }
                        Ok(())
                    },
                ),
            ]
            .into_any(),
            Some(ExtraCriterion::Indicator(_)) => indicator_fields(c, p, i, k, pre),
            None => ().into_any(),
        },
    }
}

fn indicator_mut(p: &mut Plan, i: usize, k: usize) -> Result<&mut IndicatorCriterion, Text> {
    match extra_mut(p, i, k)? {
        ExtraCriterion::Indicator(x) => Ok(x),
        _ => Err(gone()),
    }
}

fn indicator_of(p: &Plan, i: usize, k: usize) -> Option<&IndicatorCriterion> {
    match extra(p, i, k)? {
        ExtraCriterion::Indicator(x) => Some(x),
        _ => None,
    }
}

fn indicator_fields(c: &Cx, p: &Plan, i: usize, k: usize, pre: &str) -> AnyView {
    let options = p
        .indicators
        .iter()
        .map(|d| (d.id.clone(), d.name.get(c.lang).to_owned()))
        .collect();
    vec![
        c.select(
            format!("{pre}-indicator"),
            Msg::PeIndicator,
            options,
            move |p| Some(indicator_of(p, i, k)?.indicator.clone()),
            move |p, v, _| {
                indicator_mut(p, i, k)?.indicator = v.to_owned();
                Ok(())
            },
        ),
        c.select(
            format!("{pre}-cmp"),
            Msg::PeComparison,
            comparison_options(),
            move |p| Some(indicator_of(p, i, k)?.comparison.symbol().to_owned()),
            move |p, v, _| {
                indicator_mut(p, i, k)?.comparison = comparison_of(v)?;
                Ok(())
            },
        ),
        c.input(
            format!("{pre}-min"),
            Msg::PeThreshold,
            move |p| Some(indicator_of(p, i, k)?.threshold.to_string()),
            move |p, v, w| {
                let x = pct(v, w)?;
                indicator_mut(p, i, k)?.threshold = x;
                Ok(())
            },
        ),
        c.input(
            format!("{pre}-months"),
            Msg::PeMonths,
            move |p| Some(indicator_of(p, i, k)?.sustained_months.to_string()),
            move |p, v, w| {
                let x = small(v, w)?;
                indicator_mut(p, i, k)?.sustained_months = x;
                Ok(())
            },
        ),
    ]
    .into_any()
}

/// One criterion: its kind, fields, clause label and text, and a remove button.
fn block(cx: &Cx, p: &Plan, i: usize, num: u8, at: At, kind: Text) -> AnyView {
    let key = match at {
        At::Rate => "a".to_owned(),
        At::Closures => "b".to_owned(),
        At::Layoffs => "c".to_owned(),
        At::Extra(k) => format!("x{k}"),
    };
    let pre = format!("pe-l{num}-{key}");
    let c = cx.sub(both!(
        ["{} · {}", cx.item.zh, kind.zh],
        ["{} · {}", cx.item.en, kind.en]
    ));
    let row = group(
        "pb-row",
        vec![
            c.input(
                format!("{pre}-clause"),
                Msg::PeClause,
                move |p| Some(clause(p, i, at)?.id.clone()),
                move |p, v, _| {
                    clause_mut(p, i, at).ok_or_else(gone)?.id = v.trim().to_owned();
                    Ok(())
                },
            ),
            fields(&c, p, i, at, &pre),
            c.button(format!("{pre}-remove"), Msg::PeRemove, true, move |p| {
                remove(p, i, at)
            }),
        ],
    );
    let text = group(
        "pb-row",
        vec![c.pair(
            &format!("{pre}-text"),
            Msg::PeClauseText,
            move |p| Some(&clause(p, i, at)?.text),
            move |p| Some(&mut clause_mut(p, i, at)?.text),
            false,
        )],
    );
    group("pe-criterion", vec![heading(kind.get(c.lang)), row, text])
}

fn heading(text: &str) -> AnyView {
    view! { <h4>{text.to_owned()}</h4> }.into_any()
}

pub(super) fn criteria(cx: &Cx, p: &Plan, i: usize) -> AnyView {
    let Some(s) = spec(p, i) else {
        return ().into_any();
    };
    let num = s.level.number();
    let lang = cx.lang;
    let mut out = Vec::new();
    let mut kinds = Vec::new();
    for (on, at, m, key) in [
        (s.rate.is_some(), At::Rate, Msg::RateCol, "rate"),
        (
            s.closures.is_some(),
            At::Closures,
            Msg::ClosuresCol,
            "closures",
        ),
        (s.layoffs.is_some(), At::Layoffs, Msg::LayoffsCol, "layoffs"),
    ] {
        if on {
            out.push(block(cx, p, i, num, at, m.both()));
        } else {
            kinds.push((key, m.text(lang).to_owned()));
        }
    }
    for (k, x) in s.extra.iter().enumerate() {
        out.push(block(cx, p, i, num, At::Extra(k), x.kind_name()));
    }
    kinds.extend(
        [
            (
                NewCriterion::SingleClosure,
                "单个企业关停",
                "single closure",
            ),
            (NewCriterion::SingleLayoff, "单个企业裁员", "single layoff"),
            (NewCriterion::Indicator, "自定指标", "own indicator"),
        ]
        .into_iter()
        .filter(|k| k.0.fits(p, s))
        .map(|(k, zh, en)| (k.key(), Text::new(zh, en).get(lang).to_owned())),
    );
    let first = kinds.first().map_or("", |k| k.0);
    let kind = RwSignal::new(first.to_owned());
    let options = kinds
        .into_iter()
        .map(|(v, t)| view! { <option value=v>{t}</option> })
        .collect_view();
    let kind_id = format!("pe-l{num}-add-kind");
    let add = cx.button(
        format!("pe-l{num}-add"),
        Msg::PeAddCriterion,
        true,
        move |p| {
            let k = kind.get_untracked();
            let k = NewCriterion::ALL
                .into_iter()
                .find(|n| n.key() == k)
                .ok_or_else(gone)?;
            add_criterion(p, i, k)
        },
    );
    let choose = view! {
        <label class="pb-field">
            {Msg::PeAddCriterion.text(lang)}
            <select id=kind_id on:change=move |ev| kind.set(event_target_value(&ev))>
                {options}
            </select>
        </label>
    }
    .into_any();
    out.push(group("pb-row pe-add", vec![choose, add]));
    out.into_any()
}

/// The plan's own indicators (named, with a unit), which indicator criteria compare.
pub(super) fn indicators(cx: &Cx, p: &Plan) -> AnyView {
    let lang = cx.lang;
    let mut rows: Vec<AnyView> = (0..p.indicators.len())
        .map(|k| {
            let id = p.indicators.get(k).map_or(String::new(), |d| d.id.clone());
            let c = cx.sub(both!(
                ["{} {id}", Msg::PeIndicator.text(Lang::Zh)],
                ["{} {id}", Msg::PeIndicator.text(Lang::En)]
            ));
            let pre = format!("pe-ind{k}");
            group(
                "pb-row pe-item",
                vec![
                    super::tag(&id),
                    c.pair(
                        &format!("{pre}-name"),
                        Msg::PeName,
                        move |p| Some(&p.indicators.get(k)?.name),
                        move |p| Some(&mut p.indicators.get_mut(k)?.name),
                        false,
                    ),
                    c.pair(
                        &format!("{pre}-unit"),
                        Msg::PeUnit,
                        move |p| Some(&p.indicators.get(k)?.unit),
                        move |p| Some(&mut p.indicators.get_mut(k)?.unit),
                        false,
                    ),
                    c.button(format!("{pre}-remove"), Msg::PeRemove, true, move |p| {
                        if k >= p.indicators.len() {
                            return Err(gone());
                        }
                        p.indicators.remove(k);
                        Ok(())
                    }),
                ],
            )
        })
        .collect();
    rows.push(cx.sub(Msg::PeIndicators.both()).button(
        "pe-add-indicator".into(),
        Msg::PeAdd,
        true,
        |p| {
            let n = (1..)
                .map(|n| format!("indicator-{n}"))
                .find(|id| p.indicator(id).is_none())
                .unwrap_or_default();
            p.indicators.push(IndicatorDef {
                id: n,
                name: Text::new("新指标", "New indicator"),
                unit: Text::new("%", "%"),
            });
            Ok(())
        },
    ));
    let last = rows.pop().map(|b| group("pb-actions", vec![b]));
    rows.extend(last);
    super::section("pe-indicators", Msg::PeIndicators.text(lang), "", rows)
}
