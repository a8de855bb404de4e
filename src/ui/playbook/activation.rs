//! Status and activation (§3.1, §6 start procedures): the response shown, its start and level
//! changes; with no response open, the level the evaluation allows (or why none) and the start
//! form, the §6.x start procedure shown before approval; past responses, read-only.

use super::{
    confirm_step, msg_text, none_yet, now_input, on_workspace_basis, opt_time, outcome_view,
    parse_time, rerr, section_head, text_input, time_input, Pb,
};
use crate::i18n::{level_name, Lang, Msg};
use crate::model::Scope;
use crate::month::Month;
use crate::plan::{Level, Text};
use crate::response::{
    activatable_level, start_procedure, Action, ActivationRequest, LaterData, Phase, Response,
    ResponseError, ScenarioBasis,
};
use crate::rules::Evaluation;
use crate::ui::derived::Focus;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::month_options;
use crate::ui::widgets::{clause_tag, level_badge, para_text, status_badge};
use leptos::prelude::*;

/// The district's evaluation in `month`, on the real data or a scenario's (`None` when that
/// scenario is gone or no longer applies).
fn district_eval(month: Month, basis: Option<&ScenarioBasis>) -> Option<Evaluation> {
    on_workspace_basis(basis, false)
        .ok()
        .map(|p| p.engine().evaluate(&Scope::District, month))
}

/// The months with data on a basis: the real data's, widened by the scenario's.
fn basis_span(basis: Option<&ScenarioBasis>) -> Option<(Month, Month)> {
    let real = Store::get().engine().dataset().span();
    let hyp = basis
        .and_then(|b| on_workspace_basis(Some(b), true).ok())
        .and_then(|p| p.dataset().span());
    match (real, hyp) {
        (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
        (x, None) | (None, x) => x,
    }
}

fn phase_text(p: Phase) -> Msg {
    match p {
        Phase::Active => Msg::PbPhaseActive,
        Phase::Ending => Msg::PbPhaseEnding,
        Phase::Closed => Msg::PbPhaseClosed,
    }
}

#[component]
pub fn StatusSection() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pb = Pb::get();
    let has_active = Memo::new(move |_| store.snap.with(|s| s.response.active().is_some()));
    view! {
        <section id="pb-status" tabindex="-1" class="pb-section" aria-labelledby="pb-status-h">
            <div id="pb-status-h">{section_head(Msg::PbSecStatus, &["§3.1", "§6"])}</div>
            {move || {
                let lang = i18n.lang();
                pb.resp.get().map(|r| response_card(&r, lang)).unwrap_or_else(|| none_yet(lang))
            }}
            {move || {
                if has_active.get() {
                    view! { <ChangeLevelForm/> }.into_any()
                } else {
                    view! { <StartForm/> }.into_any()
                }
            }}
            <PastResponses/>
        </section>
    }
}

fn response_card(r: &Response, lang: Lang) -> AnyView {
    let a = &r.activation;
    let changes = r
        .level_changes
        .iter()
        .map(|c| {
            view! {
                <li>
                    {level_name(c.from, lang)} " → " {level_name(c.to, lang)} " · "
                    {Msg::PbApprovedBy.text(lang)} " " {c.approved_by.clone()} " · "
                    {c.approved_at.format_cst()} " · " {c.reason.clone()}
                </li>
            }
        })
        .collect_view();
    let has_changes = !r.level_changes.is_empty();
    view! {
        <div class=format!("pb-card response level-{}", r.level.number()) id="pb-response-card" data-phase=format!("{:?}", r.phase()).to_ascii_lowercase()>
            <p class="pb-status-line">
                <span class="status-big">{level_badge(r.level, lang)}</span>
                " "
                <strong id="pb-phase">{phase_text(r.phase()).text(lang)}</strong>
                " · " {Msg::PbResponseNo.text(lang)} " " {r.id}
                {r.exercise.then(|| view! { " " <span class="pb-exercise">{Msg::PbExerciseMark.text(lang)}</span> })}
            </p>
            <dl class="pb-facts">
                {r.scenario.as_ref().map(|b| view! {
                    <dt>{Msg::PbBasisData.text(lang)}</dt>
                    <dd id="pb-basis-scenario">{crate::scenario::EXERCISE_MARK.get(lang).to_owned()} " · " {b.name.clone()}</dd>
                })}
                <dt>{Msg::PbApprovedBy.text(lang)}</dt>
                <dd>{a.approved_by.clone()} " · " {a.approved_at.format_cst()}</dd>
                <dt>{Msg::PbLevelReachedAt.text(lang)}</dt>
                <dd>{a.level_reached_at.format_cst()}</dd>
                <dt>{Msg::PbEventTime.text(lang)}</dt>
                <dd>{opt_time(a.event_time)}</dd>
                <dt>{Msg::PbBasisMonth.text(lang)}</dt>
                <dd>{a.basis.month.to_string()} " · " {level_name(a.level, lang)}</dd>
                <dt>{Msg::PbRecordedBy.text(lang)}</dt>
                <dd>{a.recorded_by.clone()} " · " {a.recorded_at.format_cst()}</dd>
            </dl>
            {has_changes.then(|| view! {
                <h3>{Msg::PbLevelChanges.text(lang)}</h3>
                <ul class="pb-changes">{changes}</ul>
            })}
        </div>
    }
    .into_any()
}

/// The basis month picker (the months with data), defaulting to the dashboard's month.
fn month_select(
    id: &'static str,
    month: RwSignal<Option<Month>>,
    span: Memo<Option<(Month, Month)>>,
    disabled: Memo<bool>,
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <label class="pb-field" for=id>
            <span>{i18n.tr(Msg::PbBasisMonth)}</span>
            <select
                id=id
                on:change=move |ev| month.set(Month::parse(&event_target_value(&ev)).ok())
                prop:value=move || month.get().map(|m| m.to_string()).unwrap_or_default()
                disabled=move || disabled.get()
            >
                {move || month_options(span.get())}
            </select>
        </label>
    }
}

/// What the evaluation of the basis month allows: the level, or the refusal's reason.
fn allowed_view(eval: Memo<Option<Evaluation>>) -> impl IntoView {
    let i18n = I18n::get();
    move || {
        let lang = i18n.lang();
        eval.with(|e| {
            e.as_ref().map(|e| {
                let verdict = match activatable_level(e) {
                    Ok(l) => view! {
                        <p class="pb-allowed" id="pb-allowed" data-level=l.number()>
                            {Msg::PbActivatable.text(lang)} " " {level_badge(l, lang)}
                        </p>
                    }
                    .into_any(),
                    Err(why) => view! {
                        <p class="pb-not-allowed" id="pb-allowed" data-level="none">
                            {why.message(lang)}
                        </p>
                    }
                    .into_any(),
                };
                view! {
                    <p class="muted">
                        {Msg::PbEvaluationOf.text(lang)} " " {e.month.to_string()} {super::colon(lang)}
                        {status_badge(&e.effective, lang)}
                    </p>
                    {verdict}
                }
            })
        })
    }
}

/// The data after a basis month as they are now, for a real response on the real data
/// (`None` for an exercise, or when the month is the latest with data).
fn later_of(month: Option<Month>, exercise: bool) -> Option<LaterData> {
    let m = month?;
    if exercise {
        return None;
    }
    Store::get().snap.with(|s| {
        let l = LaterData::of(&s.plan, &s.dataset, m);
        l.is_later().then_some(l)
    })
}

/// The warning on a basis month before the latest with data: the later months' levels, the
/// reason it needs, and a button that takes the latest month instead.
fn later_warning(
    id: &'static str,
    later: Memo<Option<LaterData>>,
    month: RwSignal<Option<Month>>,
) -> impl IntoView {
    let i18n = I18n::get();
    move || {
        let lang = i18n.lang();
        later.get().map(|l| {
            let latest = l.latest();
            let warning = ResponseError::EarlierBasisNeedsReason {
                basis: l.basis,
                latest,
                levels: Text {
                    zh: l.levels_text(Lang::Zh),
                    en: l.levels_text(Lang::En),
                },
            };
            view! {
                <div class="pb-warning" id=id role="note">
                    <p>{warning.message(lang)}</p>
                    <button type="button" class="pb-use-latest" id=format!("{id}-latest") on:click=move |_| month.set(Some(latest))>
                        {Msg::PbUseLatest.text(lang)} " " {latest.to_string()}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn StartForm() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pb = Pb::get();
    let focus = Focus::get();
    let writable = Memo::new(move |_| store.read_only.get().is_none());
    let locked = Memo::new(move |_| store.read_only.get().is_some());
    let month = RwSignal::new(focus.at.get_untracked());
    // The real data, or a what-if scenario to exercise on.
    let on = RwSignal::new(None::<ScenarioBasis>);
    let span = Memo::new(move |_| on.with(|b| basis_span(b.as_ref())));
    let eval = Memo::new(move |_| {
        store.snap.track();
        let m = month.get()?;
        on.with(|b| district_eval(m, b.as_ref()))
    });
    let level = RwSignal::new(None::<Level>);
    // The level follows what the evaluation allows until the user picks one.
    let chosen = Memo::new(move |_| {
        level
            .get()
            .or_else(|| eval.with(|e| e.as_ref().and_then(|e| activatable_level(e).ok())))
            .or_else(|| {
                store
                    .snap
                    .with(|s| s.plan.response_levels().last().copied())
            })
            .unwrap_or(Level::L1)
    });
    let approver = RwSignal::new(String::new());
    let approved_at = RwSignal::new(String::new());
    let reached = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let exercise = RwSignal::new(false);
    let out = RwSignal::new(None::<Result<Text, Text>>);
    // A real start on a month before the latest with data: the warning naming the later
    // months' levels, and the reason it needs.
    let reason = RwSignal::new(String::new());
    let is_exercise = Memo::new(move |_| exercise.get() || on.with(Option::is_some));
    let later = Memo::new(move |_| later_of(month.get(), is_exercise.get()));
    let start = move |()| {
        let Some(m) = month.get_untracked() else {
            out.set(Some(Err(msg_text(Msg::NoDataYet))));
            return;
        };
        let req = (|| -> Result<ActivationRequest, Text> {
            let ev = event.get_untracked();
            Ok(ActivationRequest {
                level: chosen.get_untracked(),
                approved_by: approver.get_untracked(),
                approved_at: pb.time_or_now(&approved_at.get_untracked(), Msg::PbApprovalTime)?,
                level_reached_at: pb
                    .time_or_now(&reached.get_untracked(), Msg::PbLevelReachedAt)?,
                event_time: if ev.trim().is_empty() {
                    None
                } else {
                    Some(parse_time(&ev, Msg::PbEventTime)?)
                },
                exercise: exercise.get_untracked() || on.with_untracked(Option::is_some),
                scenario: on.get_untracked(),
                later: None,
                reason: reason.get_untracked(),
            })
        })();
        let req = match req {
            Ok(r) => r,
            Err(e) => {
                out.set(Some(Err(e)));
                return;
            }
        };
        let basis = on.get_untracked();
        if pb.run_on(out, Msg::PbActivated, basis, move |s, p, now, by| {
            let e = p.engine().evaluate(&Scope::District, m);
            let mut req = req;
            // The data after the basis month, as they are now (a scenario's exercise needs none).
            if req.scenario.is_none() {
                req.later = Some(LaterData::of(p.plan(), p.dataset(), m));
            }
            s.apply(Action::activate(p.plan(), &e, req), now, by)
                .map_err(rerr)
        }) {
            pb.viewing.set(None);
        }
    };
    view! {
        <div class="pb-form" id="pb-start-form">
            <h3>{i18n.tr(Msg::PbStartTitle)} " " {clause_tag("§6")}</h3>
            <div class="pb-row">
                <label class="pb-field" for="pb-basis-data">
                    <span>{i18n.tr(Msg::PbBasisData)}</span>
                    <select
                        id="pb-basis-data"
                        disabled=move || locked.get()
                        prop:value=move || on.with(|b| b.as_ref().map_or_else(|| "real".to_owned(), |b| b.id.to_string()))
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let b = v.parse::<u32>().ok().and_then(|id| {
                                store.snap.with_untracked(|s| {
                                    s.scenarios.get(id).map(|sc| ScenarioBasis { id, name: sc.name.clone() })
                                })
                            });
                            if b.is_some() {
                                exercise.set(true);
                            }
                            on.set(b);
                        }
                    >
                        <option value="real">{i18n.tr(Msg::PbBasisReal)}</option>
                        {move || {
                            let lang = i18n.lang();
                            store.snap.with(|s| {
                                s.scenarios
                                    .list()
                                    .iter()
                                    .map(|sc| {
                                        view! {
                                            <option value=sc.id.to_string()>
                                                {format!("{} · {}", crate::scenario::EXERCISE_MARK.get(lang), sc.name)}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </select>
                </label>
                {month_select("pb-basis-month", month, span, locked)}
            </div>
            <Show when=move || on.with(Option::is_some)>
                <p class="pb-exercise-note" id="pb-on-scenario">
                    <span class="pb-exercise">{move || crate::scenario::EXERCISE_MARK.get(i18n.lang()).to_owned()}</span>
                    " "
                    {i18n.tr(Msg::PbOnScenarioNote)}
                </p>
            </Show>
            {allowed_view(eval)}
            {later_warning("pb-earlier-basis", later, month)}
            <Show when=move || writable.get() && later.with(Option::is_some)>
                {text_input("pb-earlier-reason".into(), Msg::PbEarlierReason, reason, locked)}
            </Show>
            <Show when=move || writable.get()>
                <div class="pb-row">
                    <label class="pb-field" for="pb-level">
                        <span>{i18n.tr(Msg::PbLevel)}</span>
                        <select
                            id="pb-level"
                            prop:value=move || chosen.get().number().to_string()
                            on:change=move |ev| {
                                level.set(event_target_value(&ev).parse::<u8>().ok().and_then(Level::from_number))
                            }
                        >
                            {move || {
                                // The levels the plan lets a response start at.
                                let lang = i18n.lang();
                                store.snap.with(|s| {
                                    s.plan
                                        .response_levels()
                                        .into_iter()
                                        .map(|l| view! { <option value=l.number().to_string()>{s.plan.thresholds.label(l).get(lang).to_owned()}</option> })
                                        .collect_view()
                                })
                            }}
                        </select>
                    </label>
                </div>
                <div class="pb-procedure" id="pb-start-procedure">
                    <h4>{i18n.tr(Msg::PbStartProcedure)}</h4>
                    {move || {
                        let lang = i18n.lang();
                        let l = chosen.get();
                        store.snap.with(|s| {
                            start_procedure(&s.plan, l).map(|c| view! {
                                {clause_tag(&c.id)}
                                {para_text(&c.text, lang)}
                            })
                        })
                    }}
                </div>
                <div class="pb-row">
                    {text_input("pb-approver".into(), Msg::PbCommanderApproval, approver, locked)}
                    {now_input("pb-approved-at".into(), Msg::PbApprovalTime, approved_at, locked)}
                </div>
                <div class="pb-row">
                    {now_input("pb-reached-at".into(), Msg::PbLevelReachedAt, reached, locked)}
                    {time_input("pb-event-time".into(), Msg::PbEventTimeOptional, event, locked)}
                </div>
                <p class="muted">{i18n.tr(Msg::PbEventTimeHelp)}</p>
                <label class="pb-check" for="pb-exercise">
                    <input
                        id="pb-exercise"
                        type="checkbox"
                        prop:checked=move || exercise.get() || on.with(Option::is_some)
                        disabled=move || on.with(Option::is_some)
                        on:change=move |ev| exercise.set(event_target_checked(&ev))
                    />
                    {i18n.tr(Msg::PbExercise)}
                </label>
                <div class="pb-actions">
                    // Nothing to approve while the evaluation allows no start (the reason is
                    // shown above); a wrong level is still refused with the core's message.
                    {confirm_step(
                        "pb-activate".into(),
                        "pb-activate",
                        Msg::PbActivate,
                        Msg::PbConfirmStart,
                        true,
                        Signal::derive(move || eval.with(|e| e.as_ref().is_none_or(|e| activatable_level(e).is_err()))),
                        Callback::new(move |lang: Lang| {
                            let text = if is_exercise.get_untracked() {
                                Msg::PbConfirmStartExercise
                            } else {
                                Msg::PbConfirmStartReal
                            };
                            let what = format!(
                                "{} · {} {}",
                                level_name(chosen.get_untracked(), lang),
                                Msg::PbBasisMonth.text(lang),
                                month.get_untracked().map(|m| m.to_string()).unwrap_or_default()
                            );
                            view! {
                                <p><strong>{what}</strong></p>
                                <p>{text.text(lang)}</p>
                                {later.get_untracked().is_some().then(|| view! {
                                    <p class="pb-warning">{Msg::PbEarlierReason.text(lang)} {super::colon(lang)} {reason.get_untracked()}</p>
                                })}
                            }
                            .into_any()
                        }),
                        Callback::new(start),
                    )}
                </div>
            </Show>
            {outcome_view(out)}
        </div>
    }
}

#[component]
fn ChangeLevelForm() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pb = Pb::get();
    let focus = Focus::get();
    let locked = Memo::new(move |_| !pb.editable.get());
    let shows_active = Memo::new(move |_| {
        let active = store.snap.with(|s| s.response.active().map(|r| r.id));
        pb.resp.with(|r| r.as_ref().map(|r| r.id)) == active
    });
    let month = RwSignal::new(focus.at.get_untracked());
    let basis = Memo::new(move |_| {
        pb.resp
            .with(|r| r.as_ref().and_then(|r| r.scenario.clone()))
    });
    let span = Memo::new(move |_| basis.with(|b| basis_span(b.as_ref())));
    let eval = Memo::new(move |_| {
        store.snap.track();
        let m = month.get()?;
        basis.with(|b| district_eval(m, b.as_ref()))
    });
    let approver = RwSignal::new(String::new());
    let approved_at = RwSignal::new(String::new());
    let reached = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let out = RwSignal::new(None::<Result<Text, Text>>);
    // A real response changes level on the latest month, or on an earlier one with a reason.
    let later = Memo::new(move |_| {
        let exercise = pb.resp.with(|r| r.as_ref().is_some_and(|r| r.exercise));
        later_of(month.get(), exercise)
    });
    let change =
        move |()| {
            let Some(m) = month.get_untracked() else {
                return;
            };
            let times = pb
                .time_or_now(&approved_at.get_untracked(), Msg::PbApprovalTime)
                .and_then(|a| {
                    pb.time_or_now(&reached.get_untracked(), Msg::PbLevelReachedAt)
                        .map(|r| (a, r))
                });
            let (a, r) = match times {
                Ok(t) => t,
                Err(e) => {
                    out.set(Some(Err(e)));
                    return;
                }
            };
            let who = approver.get_untracked();
            let why = reason.get_untracked();
            pb.run(out, Msg::PbLevelChanged, move |s, p, now, by| {
                let e = p.engine().evaluate(&Scope::District, m);
                let to = activatable_level(&e).map_err(rerr)?;
                let action = Action::change_level(&e, to, &who, a, r, &why)
                    .with_later(LaterData::of(p.plan(), p.dataset(), m));
                s.apply(action, now, by).map_err(rerr)
            });
        };
    view! {
        <Show when=move || pb.editable.get() && shows_active.get()>
            <details class="pb-form" id="pb-change-level">
                <summary>{i18n.tr(Msg::PbChangeLevel)}</summary>
                <p class="muted">{i18n.tr(Msg::PbChangeLevelHelp)}</p>
                <div class="pb-row">{month_select("pb-change-month", month, span, locked)}</div>
                {allowed_view(eval)}
                {later_warning("pb-change-earlier", later, month)}
                <div class="pb-row">
                    {text_input("pb-change-approver".into(), Msg::PbCommanderApproval, approver, locked)}
                    {now_input("pb-change-approved-at".into(), Msg::PbApprovalTime, approved_at, locked)}
                    {now_input("pb-change-reached-at".into(), Msg::PbLevelReachedAt, reached, locked)}
                </div>
                {text_input("pb-change-reason".into(), Msg::PbReason, reason, locked)}
                <div class="pb-actions">
                    {confirm_step("pb-change-record".into(), "pb-change-record", Msg::PbRecordLevelChange, Msg::PbConfirmLevel, false, Signal::from(false), Callback::new(move |lang: Lang| {
                        let what = format!(
                            "{} · {} {}",
                            eval.with_untracked(|e| e.as_ref().and_then(|e| activatable_level(e).ok())).map(|l| level_name(l, lang)).unwrap_or_default(),
                            Msg::PbBasisMonth.text(lang),
                            month.get_untracked().map(|m| m.to_string()).unwrap_or_default()
                        );
                        view! {
                            <p><strong>{what}</strong></p>
                            <p>{Msg::PbConfirmLevelText.text(lang)}</p>
                            {later.get_untracked().is_some().then(|| view! {
                                <p class="pb-warning">{Msg::PbReason.text(lang)} {super::colon(lang)} {reason.get_untracked()}</p>
                            })}
                        }
                        .into_any()
                    }), Callback::new(change))}
                </div>
                {outcome_view(out)}
            </details>
        </Show>
    }
}

/// Every response, newest first; one is shown at a time (closed ones read-only).
#[component]
fn PastResponses() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pb = Pb::get();
    let list = Memo::new(move |_| {
        store.snap.with(|s| {
            s.response
                .responses()
                .iter()
                .rev()
                .map(|r| {
                    (
                        r.id,
                        r.level,
                        r.phase(),
                        r.activation.approved_at,
                        r.exercise,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <h3>{i18n.tr(Msg::PbAllResponses)}</h3>
            <ul class="pb-responses" id="pb-responses">
                {move || {
                    let lang = i18n.lang();
                    let shown = pb.resp.with(|r| r.as_ref().map(|r| r.id));
                    list.get()
                        .into_iter()
                        .map(|(id, level, phase, at, exercise)| {
                            let current = shown == Some(id);
                            view! {
                                <li data-id=id>
                                    {Msg::PbResponseNo.text(lang)} " " {id} " · " {level_badge(level, lang)}
                                    " · " {phase_text(phase).text(lang)} " · " {at.format_cst()}
                                    {exercise.then(|| view! { " · " <span class="pb-exercise">{Msg::PbExerciseMark.text(lang)}</span> })}
                                    " "
                                    <button
                                        type="button"
                                        aria-pressed=if current { "true" } else { "false" }
                                        on:click=move |_| pb.viewing.set(Some(id))
                                    >
                                        {Msg::PbShow.text(lang)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
