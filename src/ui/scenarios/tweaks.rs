//! The shown scenario's tweaks, each described and removable, and the form that adds one:
//! closures, layoffs, a rate trend or values, a changed past value, a threshold, the event
//! window, "multiple", art. 41. Adding while the baseline is shown starts a new scenario.

use super::state::Page;
use crate::edit::Field;
use crate::i18n::Msg;
use crate::plan::Text;
use crate::rules::Series;
use crate::scenario::{ScenarioId, Tweak, TweakDraft, TweakKind};
use crate::ui::derived::region_name;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::{now_iso, Store};
use leptos::prelude::*;

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
            <h2 id="tweaks-h">{i18n.tr(Msg::ScTweaks)}</h2>
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

/// The form's fields, one signal each (so typing re-renders one input); read into a
/// [`TweakDraft`] on submit.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<TweakKind>,
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
    fn new(d: TweakDraft) -> Fields {
        let s = RwSignal::new;
        Fields {
            kind: RwSignal::new(d.kind),
            enterprise: s(d.enterprise),
            street: s(d.street),
            region: s(d.region),
            series: s(d.series),
            month: s(d.month),
            a: s(d.a),
            b: s(d.b),
            step: s(d.step),
            months: s(d.months),
            values: s(d.values),
            field: s(d.field),
            level: s(d.level),
            min_rate: s(d.min_rate),
            sustained: s(d.sustained),
            min_unemployed: s(d.min_unemployed),
            min_share: s(d.min_share),
            enabled: RwSignal::new(d.enabled),
        }
    }

    fn draft(&self) -> TweakDraft {
        let g = |s: RwSignal<String>| s.get_untracked();
        TweakDraft {
            kind: self.kind.get_untracked(),
            enterprise: g(self.enterprise),
            street: g(self.street),
            region: g(self.region),
            series: g(self.series),
            month: g(self.month),
            a: g(self.a),
            b: g(self.b),
            step: g(self.step),
            months: g(self.months),
            values: g(self.values),
            field: g(self.field),
            level: g(self.level),
            min_rate: g(self.min_rate),
            sustained: g(self.sustained),
            min_unemployed: g(self.min_unemployed),
            min_share: g(self.min_share),
            enabled: self.enabled.get_untracked(),
        }
    }

    /// Puts the draft's values back in the inputs (after adding, the numbers are cleared).
    fn set(&self, d: TweakDraft) {
        for (sig, v) in [
            (self.a, d.a),
            (self.b, d.b),
            (self.values, d.values),
            (self.min_rate, d.min_rate),
            (self.sustained, d.sustained),
            (self.min_unemployed, d.min_unemployed),
            (self.min_share, d.min_share),
        ] {
            sig.set(v);
        }
    }
}

#[component]
fn TweakForm() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    let f = Fields::new(TweakDraft::default());
    let error = RwSignal::new(None::<Text>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = page.at.get_untracked();
        let draft = f.draft();
        let built = store.snap.with_untracked(|s| {
            let t = draft.tweak(&s.dataset, at)?;
            let d = t.describe(&s.dataset);
            Ok::<_, Text>((t, d))
        });
        let r = built.and_then(|(t, d)| add_tweaks(store, page, vec![t], &d));
        match r {
            Ok(_) => {
                error.set(None);
                f.set(draft.cleared());
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
                    {i18n.tr(label)}
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
    let is = move |k: TweakKind| move || kind() == k;
    let any = move |ks: &'static [TweakKind]| move || ks.contains(&kind());

    view! {
        <form class="tweak-form" on:submit=submit aria-labelledby="tweak-form-h">
            <h3 id="tweak-form-h">{i18n.tr(Msg::ScAddTweak)}</h3>
            <div class="fields">
                <label>
                    {i18n.tr(Msg::ScKind)}
                    <select
                        id="tweak-kind"
                        prop:value=move || f.kind.get().id()
                        on:change=move |ev| {
                            f.kind.set(TweakKind::from_id(&event_target_value(&ev)).unwrap_or(TweakKind::Closure));
                            error.set(None);
                        }
                    >
                        {TweakKind::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.id()>{i18n.tr(k.label())}</option> })
                            .collect_view()}
                    </select>
                </label>
                <Show when=any(&[TweakKind::Closure, TweakKind::Layoff])>
                    {text_input("tweak-enterprise", Msg::ScEnterprise, f.enterprise, Some(Msg::ScEnterpriseHint))}
                    <label>
                        {i18n.tr(Msg::ScStreet)}
                        <select
                            id="tweak-street"
                            prop:value=move || f.street.get()
                            on:change=move |ev| f.street.set(event_target_value(&ev))
                        >
                            {street_options}
                        </select>
                    </label>
                </Show>
                <Show when=any(&[TweakKind::Trend, TweakKind::ExtendRates, TweakKind::SetCells, TweakKind::Thresholds])>
                    <label>
                        {move || if kind() == TweakKind::Thresholds { i18n.t(Msg::Scope) } else { i18n.t(Msg::ScRegion) }}
                        <select
                            id="tweak-region"
                            prop:value=move || f.region.get()
                            on:change=move |ev| f.region.set(event_target_value(&ev))
                        >
                            {move || region_options(kind() == TweakKind::SetCells)}
                        </select>
                    </label>
                </Show>
                <Show when=any(&[TweakKind::Trend, TweakKind::ExtendRates])>
                    <label>
                        {i18n.tr(Msg::ScSeries)}
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
                <Show when=is(TweakKind::SetCells)>
                    <label>
                        {i18n.tr(Msg::ScField)}
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
                <Show when=any(&[TweakKind::Closure, TweakKind::Layoff, TweakKind::SetCells, TweakKind::ExtendRates])>
                    {move || {
                        let hint = if kind() == TweakKind::ExtendRates { Msg::ScFromHint } else { Msg::ScMonthHint };
                        text_input("tweak-month", if kind() == TweakKind::ExtendRates { Msg::ScFrom } else { Msg::Month }, f.month, Some(hint))
                    }}
                </Show>
                <Show when=is(TweakKind::Closure)>
                    {text_input("tweak-unemployed", Msg::ScPeopleUnemployed, f.a, Some(Msg::ScPeopleHint))}
                </Show>
                <Show when=is(TweakKind::Layoff)>
                    {text_input("tweak-workforce", Msg::ScWorkforce, f.a, None)}
                    {text_input("tweak-laid-off", Msg::ScLaidOff, f.b, None)}
                </Show>
                <Show when=is(TweakKind::Trend)>
                    {text_input("tweak-step", Msg::ScStep, f.step, Some(Msg::ScStepHint))}
                </Show>
                <Show when=any(&[TweakKind::Trend, TweakKind::EventWindow])>
                    {text_input("tweak-months", Msg::ScMonths, f.months, None)}
                </Show>
                <Show when=any(&[TweakKind::ExtendRates, TweakKind::SetCells])>
                    {move || {
                        if kind() == TweakKind::ExtendRates {
                            text_input("tweak-values", Msg::ScValues, f.values, Some(Msg::ScValuesHint))
                        } else {
                            text_input("tweak-values", Msg::ScValue, f.values, Some(Msg::ScValueHint))
                        }
                    }}
                </Show>
                <Show when=is(TweakKind::Thresholds)>
                    <label>
                        {i18n.tr(Msg::ScLevel)}
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
                <Show when=is(TweakKind::MultipleEnterprises)>
                    {text_input("tweak-multi-closures", Msg::ScMultipleClosures, f.a, Some(Msg::ScUnchangedHint))}
                    {text_input("tweak-multi-layoffs", Msg::ScMultipleLayoffs, f.b, Some(Msg::ScUnchangedHint))}
                </Show>
                <Show when=is(TweakKind::Art41)>
                    <label class="check">
                        <input
                            id="tweak-art41"
                            type="checkbox"
                            prop:checked=move || f.enabled.get()
                            on:change=move |ev| f.enabled.set(event_target_checked(&ev))
                        />
                        {i18n.tr(Msg::ScArt41Only)}
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
