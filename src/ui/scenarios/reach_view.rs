//! "What it takes" (reverse what-if) for the scope and month in focus: for each level the
//! smallest change through each criterion that reaches it, and what brings the level back to
//! normal — computed and checked by the rules engine, each one a click (or Enter) from being
//! applied as a scenario.

use super::state::Page;
use super::tweaks::add_tweaks;
use crate::i18n::{level_name, Lang, Msg};
use crate::plan::Text;
use crate::scenario::{what_it_takes, Goal, Suggestion, WhatItTakes};
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::{clause_tag, level_badge, status_badge};
use leptos::prelude::*;

#[component]
pub fn ReachPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();

    // On the shown scenario's data (or the baseline's): "from here, what would it take?".
    let reach = Memo::new(move |_| {
        let at = page.at.get()?;
        let scope = page.scope.get();
        let applied = page.applied.get();
        match applied {
            Some(Ok(pd)) => Some(what_it_takes(pd.plan(), pd.dataset(), &scope, at)),
            Some(Err(_)) => None,
            None => store
                .snap
                .with(|s| Some(what_it_takes(&s.plan, &s.dataset, &scope, at))),
        }
    });

    let apply = move |s: Suggestion| {
        let goal = |lang| match s.goal {
            Goal::Reach { level } => level_name(level, lang),
            Goal::Normal => Msg::NoWarning.text(lang).to_owned(),
        };
        // A short name for the new scenario: the goal and the criterion it works through.
        let name = match s.goal {
            Goal::Reach { level } => Text {
                zh: format!(
                    "达到{}（{}）",
                    level_name(level, Lang::Zh),
                    s.via.label(Lang::Zh)
                ),
                en: format!(
                    "Reach {} ({})",
                    level_name(level, Lang::En),
                    s.via.label(Lang::En)
                ),
            },
            Goal::Normal => Text {
                zh: format!("回到无预警（{}）", s.via.label(Lang::Zh)),
                en: format!("Back to normal ({})", s.via.label(Lang::En)),
            },
        };
        // Nothing to change but time: the month moves to when the goal holds.
        if s.tweaks.is_empty() {
            page.month.set(Some(s.month));
            return;
        }
        match add_tweaks(store, page, s.tweaks.clone(), &name) {
            Ok(_) => {
                page.month.set(Some(s.month));
                page.ok(Text {
                    zh: format!("已应用：{}（应为{}）", s.text.zh, goal(Lang::Zh)),
                    en: format!("Applied: {} (expected: {})", s.text.en, goal(Lang::En)),
                });
            }
            Err(e) => page.fail(e),
        }
    };

    let suggestion_row = move |s: Suggestion, idx: String| {
        let lang = i18n.lang();
        let uncertain = s.uncertain();
        let result = s.result.effective;
        let via = s.via.label(lang);
        let text = s.text.get(lang).to_owned();
        let s2 = s.clone();
        view! {
            <li class="suggestion" data-suggestion=idx.clone()>
                <div class="what">
                    <span class="via">{via}</span> " " {text}
                </div>
                <div class="then">
                    {Msg::ScEngineSays.text(lang)} " " {s.month.to_string()} ": " {status_badge(&result, lang)}
                    {uncertain.then(|| view! { <span class="muted">" "{Msg::ScUncertain.text(lang)}</span> })}
                </div>
                <button
                    type="button"
                    class="apply-suggestion"
                    id=format!("apply-{idx}")
                    disabled=move || store.read_only.get().is_some()
                    on:click=move |_| apply(s2.clone())
                >
                    {if s.tweaks.is_empty() { Msg::ScGoToMonth.text(lang) } else { Msg::ScApply.text(lang) }}
                </button>
            </li>
        }
    };

    view! {
        <section class="reach" id="what-it-takes" tabindex="-1" aria-labelledby="reach-h">
            <h2 id="reach-h">{i18n.tr(Msg::ScWhatItTakes)} " " {clause_tag("§5.1")}</h2>
            <p class="hint">{i18n.tr(Msg::ScWhatItTakesHint)}</p>
            {move || {
                let lang = i18n.lang();
                let Some(WhatItTakes { month, current, levels, normal, .. }) = reach.get() else {
                    return view! { <p class="empty">{Msg::NoDataYet.text(lang)}</p> }.into_any();
                };
                let level_blocks = levels
                    .into_iter()
                    .map(|lr| {
                        let n = lr.level.number();
                        let rows = lr
                            .suggestions
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| suggestion_row(s, format!("l{n}-{i}")))
                            .collect_view();
                        view! {
                            <div class="reach-level" data-level=n>
                                <h3>{level_badge(lr.level, lang)}</h3>
                                {if lr.already {
                                    view! { <p class="muted">{Msg::ScAlready.text(lang)}</p> }.into_any()
                                } else {
                                    view! { <ul>{rows}</ul> }.into_any()
                                }}
                            </div>
                        }
                    })
                    .collect_view();
                let normal_rows = normal
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| suggestion_row(s, format!("normal-{i}")))
                    .collect_view();
                view! {
                    <p>
                        {month.to_string()} ": " {status_badge(&current.effective, lang)}
                    </p>
                    <div class="reach-levels">{level_blocks}</div>
                    <div class="reach-level" data-level="normal">
                        <h3>{Msg::ScBackToNormal.text(lang)}</h3>
                        {if current.effective.level().is_none() && !current.effective.is_insufficient() {
                            view! { <p class="muted">{Msg::ScAlreadyNormal.text(lang)}</p> }.into_any()
                        } else {
                            view! { <ul>{normal_rows}</ul> }.into_any()
                        }}
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
