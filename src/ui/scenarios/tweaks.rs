//! The shown scenario's tweaks, each described and removable, and the form that adds one:
//! closures, layoffs, a rate trend or values, a changed past value, a threshold, the event
//! window, "multiple", art. 41. Adding while the baseline is shown starts a new scenario.

use super::state::Page;
use crate::edit::{parse_count, CellEdit, Field};
use crate::i18n::{Lang, Msg};
use crate::model::{Dataset, Scope};
use crate::month::{Month, MonthError};
use crate::num::Pct;
use crate::plan::{Level, Text};
use crate::rules::Series;
use crate::scenario::{Delta, ScenarioId, Tweak};
use crate::ui::derived::region_name;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::{now_iso, Store};
use leptos::prelude::*;

/// The kinds offered in the form, in the order of the select.
const KINDS: [&str; 9] = [
    "closure",
    "layoff",
    "trend",
    "extend-rates",
    "set-cells",
    "thresholds",
    "event-window",
    "multiple-enterprises",
    "art41",
];

fn kind_label(kind: &str) -> Msg {
    match kind {
        "closure" => Msg::ScKindClosure,
        "layoff" => Msg::ScKindLayoff,
        "trend" => Msg::ScKindTrend,
        "extend-rates" => Msg::ScKindExtend,
        "set-cells" => Msg::ScKindSetValue,
        "thresholds" => Msg::ScKindThreshold,
        "event-window" => Msg::ScKindWindow,
        "multiple-enterprises" => Msg::ScKindMultiple,
        _ => Msg::ScKindArt41,
    }
}

/// Adds `tweak` to the shown scenario, or to a new one when the baseline is shown. Returns the
/// scenario's id; on error nothing changed and the message says why.
pub fn add_tweaks(
    store: Store,
    page: Page,
    tweaks: Vec<Tweak>,
    name: &Text,
) -> Result<ScenarioId, Text> {
    let selected = page.selected.get_untracked();
    let lang = I18n::get().lang();
    let id = store.update_scenarios(|list, plan, data| {
        let id = match selected.filter(|id| list.get(*id).is_some()) {
            Some(id) => id,
            None => {
                let short: String = name.get(lang).chars().take(40).collect();
                list.create(&short, &now_iso())
            }
        };
        let s = list
            .get_mut(id)
            .ok_or_else(|| Text::new("推演不存在", "no such scenario"))?;
        for t in tweaks {
            s.try_add(t, plan, data).map_err(|e| e.text())?;
        }
        Ok(id)
    })?;
    page.selected.set(Some(id));
    Ok(id)
}

#[component]
pub fn TweakList() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let remove = move |index: usize| {
        let Some(id) = page.selected.get_untracked() else {
            return;
        };
        let r = store.update_scenarios(|list, _, _| {
            list.get_mut(id)
                .and_then(|s| s.remove_tweak(index))
                .map(|_| ())
                .ok_or_else(|| Text::new("没有这项假设", "no such change"))
        });
        if let Err(e) = r {
            page.fail(e);
        }
    };
    view! {
        <section class="tweaks" aria-labelledby="tweaks-h">
            <h2 id="tweaks-h">{move || i18n.t(Msg::ScTweaks)}</h2>
            {move || {
                let lang = i18n.lang();
                let Some(id) = page.selected.get() else {
                    return view! { <p class="hint">{Msg::ScBaselineHint.text(lang)}</p> }.into_any();
                };
                let rows = store
                    .snap
                    .with(|s| s.scenarios.get(id).map(|sc| sc.describe(&s.dataset)))
                    .unwrap_or_default();
                let failed = page
                    .applied
                    .with(|a| match a {
                        Some(Err(e)) => Some((e.index, e.message(lang))),
                        _ => None,
                    });
                if rows.is_empty() {
                    return view! { <p class="hint">{Msg::ScNoTweaks.text(lang)}</p> }.into_any();
                }
                view! {
                    {failed.clone().map(|(_, m)| view! { <p class="banner error" role="alert">{Msg::ScDoesNotApply.text(lang)}" "{m}</p> })}
                    <ol class="tweak-items">
                        {rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, t)| {
                                let bad = failed.as_ref().is_some_and(|(k, _)| *k == i);
                                view! {
                                    <li class=if bad { "tweak bad" } else { "tweak" } data-index=i>
                                        <span class="what">{t.get(lang).to_owned()}</span>
                                        <button
                                            type="button"
                                            class="tweak-remove"
                                            aria-label=format!("{} {}", Msg::ScRemoveTweak.text(lang), i + 1)
                                            disabled=move || store.read_only.get().is_some()
                                            on:click=move |_| remove(i)
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <TweakForm/>
        </section>
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
            Some(crate::edit::Value::Rate(p)) => Ok(p),
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

/// The form's fields, one signal each; which are read depends on the kind.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<String>,
    enterprise: RwSignal<String>,
    street: RwSignal<String>,
    region: RwSignal<String>,
    series: RwSignal<String>,
    month: RwSignal<String>,
    a: RwSignal<String>,
    b: RwSignal<String>,
    step: RwSignal<String>,
    months: RwSignal<String>,
    values: RwSignal<String>,
    field: RwSignal<String>,
    level: RwSignal<String>,
    min_rate: RwSignal<String>,
    sustained: RwSignal<String>,
    min_unemployed: RwSignal<String>,
    min_share: RwSignal<String>,
    enabled: RwSignal<bool>,
}

impl Fields {
    fn new() -> Fields {
        let s = |v: &str| RwSignal::new(v.to_owned());
        Fields {
            kind: s("closure"),
            enterprise: s(""),
            street: s(""),
            region: s("district"),
            series: s("registered"),
            month: s(""),
            a: s(""),
            b: s(""),
            step: s("+0.2"),
            months: s("6"),
            values: s(""),
            field: s("registered_rate"),
            level: s("3"),
            min_rate: s(""),
            sustained: s(""),
            min_unemployed: s(""),
            min_share: s(""),
            enabled: RwSignal::new(true),
        }
    }

    /// The tweak the form describes, or what is wrong with it.
    fn tweak(&self, data: &Dataset, at: Option<Month>) -> Result<Tweak, Text> {
        let g = |s: RwSignal<String>| s.get_untracked();
        let month = || -> Result<Month, Text> {
            let m = g(self.month);
            match (m.trim().is_empty(), at) {
                (true, Some(at)) => Ok(at),
                _ => month_of(&m, Msg::Month),
            }
        };
        let street = || -> Result<String, Text> {
            let s = g(self.street);
            if s.is_empty() {
                data.district()
                    .map(|d| d.id.clone())
                    .ok_or_else(|| Text::new("没有地区", "there is no region"))
            } else {
                Ok(s)
            }
        };
        let region = || -> Result<String, Text> {
            let r = g(self.region);
            match Scope::from_text(&r) {
                Scope::District => data
                    .district()
                    .map(|d| d.id.clone())
                    .ok_or_else(|| Text::new("没有地区", "there is no region")),
                Scope::Street(id) => Ok(id),
            }
        };
        let series = || {
            if g(self.series) == "actual" {
                Series::Actual
            } else {
                Series::Registered
            }
        };
        let enterprise = || {
            let e = g(self.enterprise);
            if e.trim().is_empty() {
                "假设企业".to_owned()
            } else {
                e.trim().to_owned()
            }
        };
        Ok(match g(self.kind).as_str() {
            "closure" => Tweak::Closure {
                enterprise: enterprise(),
                street: street()?,
                month: month()?,
                unemployed: count_of(&g(self.a), Msg::ScPeopleUnemployed)?,
            },
            "layoff" => Tweak::Layoff {
                enterprise: enterprise(),
                street: street()?,
                month: month()?,
                workforce: count_of(&g(self.a), Msg::ScWorkforce)?,
                laid_off: count_of(&g(self.b), Msg::ScLaidOff)?,
            },
            "trend" => Tweak::Trend {
                region: region()?,
                series: series(),
                step: {
                    let t = need(&g(self.step), Msg::ScStep)?;
                    Delta::parse(&t).map_err(|_| {
                        bad(
                            Msg::ScStep,
                            format!("“{t}”不是百分点数（如 +0.2）"),
                            format!("'{t}' is not a number of points (e.g. +0.2)"),
                        )
                    })?
                },
                months: small_of(&g(self.months), Msg::ScMonths)?,
            },
            "extend-rates" => {
                let text = need(&g(self.values), Msg::ScValues)?;
                let values = text
                    .split(|c: char| c == ',' || c == '，' || c == ';' || c.is_whitespace())
                    .filter(|v| !v.is_empty())
                    .map(|v| pct_of(v, Msg::ScValues))
                    .collect::<Result<Vec<Pct>, Text>>()?;
                Tweak::ExtendRates {
                    region: region()?,
                    series: series(),
                    from: opt(&g(self.month), |t| month_of(t, Msg::Month))?,
                    values,
                }
            }
            "set-cells" => {
                let field = Field::from_id(&g(self.field)).unwrap_or(Field::RegisteredRate);
                let text = g(self.values);
                let value = field.parse(&text).map_err(|e| Text {
                    zh: format!("{}：{}", field.label(Lang::Zh), e.message(Lang::Zh)),
                    en: format!("{}: {}", field.label(Lang::En), e.message(Lang::En)),
                })?;
                Tweak::SetCells {
                    cells: vec![CellEdit::new(&region()?, month()?, field, value)],
                }
            }
            "thresholds" => {
                let level = g(self.level)
                    .parse::<u8>()
                    .ok()
                    .and_then(Level::from_number)
                    .unwrap_or(Level::L3);
                let t = Tweak::Thresholds {
                    scope: Scope::from_text(&g(self.region)),
                    level,
                    min_rate: opt(&g(self.min_rate), |t| pct_of(t, Msg::ScMinRate))?,
                    sustained_months: opt(&g(self.sustained), |t| small_of(t, Msg::ScSustained))?,
                    min_unemployed: opt(&g(self.min_unemployed), |t| {
                        count_of(t, Msg::ScMinUnemployed)
                    })?,
                    min_share: opt(&g(self.min_share), |t| pct_of(t, Msg::ScMinShare))?,
                };
                if let Tweak::Thresholds {
                    min_rate: None,
                    sustained_months: None,
                    min_unemployed: None,
                    min_share: None,
                    ..
                } = t
                {
                    return Err(Text::new(
                        "请至少填写一个新的阈值",
                        "Fill in at least one new threshold",
                    ));
                }
                t
            }
            "event-window" => Tweak::EventWindow {
                months: small_of(&g(self.months), Msg::ScMonths)?,
            },
            "multiple-enterprises" => {
                let closures = opt(&g(self.a), |t| small_of(t, Msg::ScMultipleClosures))?;
                let layoffs = opt(&g(self.b), |t| small_of(t, Msg::ScMultipleLayoffs))?;
                if closures.is_none() && layoffs.is_none() {
                    return Err(Text::new(
                        "请至少填写一项",
                        "Fill in at least one of the two",
                    ));
                }
                Tweak::MultipleEnterprises { closures, layoffs }
            }
            _ => Tweak::Art41 {
                enabled: self.enabled.get_untracked(),
            },
        })
    }
}

#[component]
fn TweakForm() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let f = Fields::new();
    let error = RwSignal::new(None::<Text>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = page.at.get_untracked();
        let built = store.snap.with_untracked(|s| {
            let t = f.tweak(&s.dataset, at)?;
            let d = t.describe(&s.dataset);
            Ok::<_, Text>((t, d))
        });
        let r = built.and_then(|(t, d)| add_tweaks(store, page, vec![t], &d));
        match r {
            Ok(_) => {
                error.set(None);
                for s in [
                    f.a,
                    f.b,
                    f.values,
                    f.min_rate,
                    f.sustained,
                    f.min_unemployed,
                    f.min_share,
                ] {
                    s.set(String::new());
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let region_options = move |with_communities: bool| {
        let lang = i18n.lang();
        store.snap.with(|s| {
            let mut out = Vec::new();
            if let Some(d) = s.dataset.district() {
                out.push(view! { <option value=String::from("district")>{region_name(d, lang)}</option> });
            }
            for st in s.dataset.streets() {
                out.push(view! { <option value=st.id.clone()>{format!("└ {}", region_name(st, lang))}</option> });
                if with_communities {
                    for c in s.dataset.children(&st.id) {
                        out.push(view! { <option value=c.id.clone()>{format!("　└ {}", region_name(c, lang))}</option> });
                    }
                }
            }
            out
        })
    };
    let street_options = move || {
        let lang = i18n.lang();
        store.snap.with(|s| {
            let mut out = Vec::new();
            for st in s.dataset.streets() {
                out.push(view! { <option value=st.id.clone()>{region_name(st, lang)}</option> });
            }
            if let Some(d) = s.dataset.district() {
                out.push(view! { <option value=d.id.clone()>{format!("{} ({})", region_name(d, lang), Msg::ScWholeDistrict.text(lang))}</option> });
            }
            out
        })
    };
    // The street select starts on the first street.
    Effect::new(move |_| {
        if f.street.get_untracked().is_empty() {
            if let Some(first) = store
                .snap
                .with(|s| s.dataset.streets().next().map(|r| r.id.clone()))
            {
                f.street.set(first);
            }
        }
    });

    let text_input =
        move |id: &'static str, label: Msg, sig: RwSignal<String>, hint: Option<Msg>| {
            view! {
                <label>
                    {move || i18n.t(label)}
                    <input
                        id=id
                        type="text"
                        autocomplete="off"
                        placeholder=move || hint.map(|h| i18n.t(h))
                        prop:value=move || sig.get()
                        on:input=move |ev| sig.set(event_target_value(&ev))
                    />
                </label>
            }
        };
    let kind = move || f.kind.get();
    let is = move |k: &'static str| move || kind() == k;
    let any = move |ks: &'static [&'static str]| move || ks.contains(&kind().as_str());

    view! {
        <form class="tweak-form" on:submit=submit aria-labelledby="tweak-form-h">
            <h3 id="tweak-form-h">{move || i18n.t(Msg::ScAddTweak)}</h3>
            <div class="fields">
                <label>
                    {move || i18n.t(Msg::ScKind)}
                    <select
                        id="tweak-kind"
                        prop:value=move || f.kind.get()
                        on:change=move |ev| {
                            f.kind.set(event_target_value(&ev));
                            error.set(None);
                        }
                    >
                        {KINDS
                            .into_iter()
                            .map(|k| view! { <option value=k>{move || i18n.t(kind_label(k))}</option> })
                            .collect_view()}
                    </select>
                </label>
                <Show when=any(&["closure", "layoff"])>
                    {text_input("tweak-enterprise", Msg::ScEnterprise, f.enterprise, Some(Msg::ScEnterpriseHint))}
                    <label>
                        {move || i18n.t(Msg::ScStreet)}
                        <select
                            id="tweak-street"
                            prop:value=move || f.street.get()
                            on:change=move |ev| f.street.set(event_target_value(&ev))
                        >
                            {street_options}
                        </select>
                    </label>
                </Show>
                <Show when=any(&["trend", "extend-rates", "set-cells", "thresholds"])>
                    <label>
                        {move || if kind() == "thresholds" { i18n.t(Msg::Scope) } else { i18n.t(Msg::ScRegion) }}
                        <select
                            id="tweak-region"
                            prop:value=move || f.region.get()
                            on:change=move |ev| f.region.set(event_target_value(&ev))
                        >
                            {move || region_options(kind() == "set-cells")}
                        </select>
                    </label>
                </Show>
                <Show when=any(&["trend", "extend-rates"])>
                    <label>
                        {move || i18n.t(Msg::ScSeries)}
                        <select
                            id="tweak-series"
                            prop:value=move || f.series.get()
                            on:change=move |ev| f.series.set(event_target_value(&ev))
                        >
                            <option value="registered">{move || crate::explain::series(Series::Registered, i18n.lang())}</option>
                            <option value="actual">{move || crate::explain::series(Series::Actual, i18n.lang())}</option>
                        </select>
                    </label>
                </Show>
                <Show when=is("set-cells")>
                    <label>
                        {move || i18n.t(Msg::ScField)}
                        <select
                            id="tweak-field"
                            prop:value=move || f.field.get()
                            on:change=move |ev| f.field.set(event_target_value(&ev))
                        >
                            {Field::ALL
                                .into_iter()
                                .map(|fl| view! { <option value=fl.id()>{move || fl.label(i18n.lang())}</option> })
                                .collect_view()}
                        </select>
                    </label>
                </Show>
                <Show when=any(&["closure", "layoff", "set-cells", "extend-rates"])>
                    {move || {
                        let hint = if kind() == "extend-rates" { Msg::ScFromHint } else { Msg::ScMonthHint };
                        text_input("tweak-month", if kind() == "extend-rates" { Msg::ScFrom } else { Msg::Month }, f.month, Some(hint))
                    }}
                </Show>
                <Show when=is("closure")>
                    {text_input("tweak-unemployed", Msg::ScPeopleUnemployed, f.a, Some(Msg::ScPeopleHint))}
                </Show>
                <Show when=is("layoff")>
                    {text_input("tweak-workforce", Msg::ScWorkforce, f.a, None)}
                    {text_input("tweak-laid-off", Msg::ScLaidOff, f.b, None)}
                </Show>
                <Show when=is("trend")>
                    {text_input("tweak-step", Msg::ScStep, f.step, Some(Msg::ScStepHint))}
                </Show>
                <Show when=any(&["trend", "event-window"])>
                    {text_input("tweak-months", Msg::ScMonths, f.months, None)}
                </Show>
                <Show when=any(&["extend-rates", "set-cells"])>
                    {move || {
                        if kind() == "extend-rates" {
                            text_input("tweak-values", Msg::ScValues, f.values, Some(Msg::ScValuesHint))
                        } else {
                            text_input("tweak-values", Msg::ScValue, f.values, Some(Msg::ScValueHint))
                        }
                    }}
                </Show>
                <Show when=is("thresholds")>
                    <label>
                        {move || i18n.t(Msg::ScLevel)}
                        <select
                            id="tweak-level"
                            prop:value=move || f.level.get()
                            on:change=move |ev| f.level.set(event_target_value(&ev))
                        >
                            {move || {
                                // The plan's levels, mildest first.
                                let lang = i18n.lang();
                                Store::get().snap.with(|s| {
                                    s.plan
                                        .levels()
                                        .into_iter()
                                        .rev()
                                        .map(|l| view! { <option value=l.number().to_string()>{s.plan.thresholds.label(l).get(lang).to_owned()}</option> })
                                        .collect_view()
                                })
                            }}
                        </select>
                    </label>
                    {text_input("tweak-min-rate", Msg::ScMinRate, f.min_rate, Some(Msg::ScUnchangedHint))}
                    {text_input("tweak-sustained", Msg::ScSustained, f.sustained, Some(Msg::ScUnchangedHint))}
                    {text_input("tweak-min-unemployed", Msg::ScMinUnemployed, f.min_unemployed, Some(Msg::ScUnchangedHint))}
                    {text_input("tweak-min-share", Msg::ScMinShare, f.min_share, Some(Msg::ScUnchangedHint))}
                </Show>
                <Show when=is("multiple-enterprises")>
                    {text_input("tweak-multi-closures", Msg::ScMultipleClosures, f.a, Some(Msg::ScUnchangedHint))}
                    {text_input("tweak-multi-layoffs", Msg::ScMultipleLayoffs, f.b, Some(Msg::ScUnchangedHint))}
                </Show>
                <Show when=is("art41")>
                    <label class="check">
                        <input
                            id="tweak-art41"
                            type="checkbox"
                            prop:checked=move || f.enabled.get()
                            on:change=move |ev| f.enabled.set(event_target_checked(&ev))
                        />
                        {move || i18n.t(Msg::ScArt41Only)}
                    </label>
                </Show>
            </div>
            <button id="tweak-add" type="submit" class="primary" disabled=move || store.read_only.get().is_some()>
                {move || {
                    if page.selected.get().is_some() { i18n.t(Msg::ScAdd) } else { i18n.t(Msg::ScAddAsNew) }
                }}
            </button>
            {move || {
                error
                    .get()
                    .map(|e| view! { <p class="field-error" role="alert">{e.get(i18n.lang()).to_owned()}</p> })
            }}
        </form>
    }
}
