//! §7: the end of the emergency — the conditions from the timeline (the indicators below
//! level 3 for a configurable number of months), the HQ's evaluation (cause, nature, impact,
//! responsibility, lessons), the district government's and the city office's approvals, the
//! notice to the member units, and the close, after which the response is read-only.

use super::{
    area_input, confirm_step, none_yet, now_input, outcome_view, says, section_head, text_input,
    unit_name, Pb,
};
use crate::i18n::Msg;
use crate::model::Scope;
use crate::month::Month;
use crate::plan::Text;
use crate::response::{
    end_conditions, Action, EndCheck, EndEvaluation, EndField, DEFAULT_END_MONTHS,
};
use crate::rules::Prepared;
use crate::ui::derived::Focus;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::month_options;
use crate::ui::widgets::{clause_tag, status_badge};
use leptos::prelude::*;

/// The §7.1 check as of `as_of` over `months` months, on the district's timeline.
fn check(p: &Prepared, as_of: Month, months: u32) -> Option<EndCheck> {
    let (from, _) = p.dataset().span()?;
    let t = p.engine().timeline(&Scope::District, from, as_of);
    Some(end_conditions(&t, as_of, months))
}

#[component]
pub fn EndSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let has = Memo::new(move |_| pb.resp.with(Option::is_some));
    view! {
        <section id="pb-end" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecEnd, &["§7.1", "§7.2", "§7.3"])}
            {move || {
                let lang = i18n.lang();
                match has.get() {
                    false => none_yet(lang),
                    true => view! { <Conditions/> <EndRecordView/> <EndSteps/> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn Conditions() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let focus = Focus::get();
    let as_of = RwSignal::new(focus.span.get_untracked().map(|(_, b)| b));
    let months = RwSignal::new(DEFAULT_END_MONTHS);
    let result = Memo::new(move |_| {
        let (m, n) = (as_of.get()?, months.get());
        let basis = pb
            .resp
            .with(|r| r.as_ref().and_then(|r| r.scenario.clone()));
        let p = super::on_workspace_basis(basis.as_ref(), true).ok()?;
        let c = check(&p, m, n)?;
        let from = m.plus(-(i64::from(n.max(1)) - 1)).unwrap_or(m);
        let t = p.engine().timeline(&Scope::District, from, m);
        let rows: Vec<_> = t
            .months
            .iter()
            .map(|x| (x.summary.month, x.summary.effective, x.summary.indicator))
            .collect();
        Some((c, rows))
    });
    view! {
        <div class="pb-form" id="pb-end-conditions">
            <h3>{i18n.tr(Msg::PbEndConditions)} " " {clause_tag("§7.1")}</h3>
            <div class="pb-row">
                <label class="pb-field" for="pb-end-asof">
                    <span>{i18n.tr(Msg::PbAsOf)}</span>
                    <select
                        id="pb-end-asof"
                        on:change=move |ev| as_of.set(Month::parse(&event_target_value(&ev)).ok())
                        prop:value=move || as_of.get().map(|m| m.to_string()).unwrap_or_default()
                    >
                        {move || month_options(focus.span.get())}
                    </select>
                </label>
                <label class="pb-field" for="pb-end-months">
                    <span>{i18n.tr(Msg::PbEndMonths)}</span>
                    <input
                        id="pb-end-months"
                        type="number"
                        min="1"
                        max="24"
                        prop:value=move || months.get().to_string()
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                months.set(n.clamp(1, 24));
                            }
                        }
                    />
                </label>
            </div>
            {move || {
                let lang = i18n.lang();
                result.get().map(|(c, rows)| {
                    let cls = if c.met { "pb-check-met" } else { "pb-check-unmet" };
                    view! {
                        <p class=cls id="pb-end-check" data-met=c.met.to_string()>
                            {if c.met { "✓ " } else { "✗ " }} {c.text(lang)}
                        </p>
                        <table class="pb-table pb-end-months">
                            <thead>
                                <tr>
                                    <th scope="col">{Msg::Month.text(lang)}</th>
                                    <th scope="col">{Msg::IndicatorLevel.text(lang)}</th>
                                    <th scope="col">{Msg::PbEffectiveLevel.text(lang)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|(m, eff, ind)| view! {
                                    <tr>
                                        <td class="num">{m.to_string()}</td>
                                        <td>{status_badge(&ind, lang)}</td>
                                        <td>{status_badge(&eff, lang)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })
            }}
            <EvaluationForm as_of=as_of months=months/>
        </div>
    }
}

fn field_msg(f: EndField) -> Msg {
    match f {
        EndField::Cause => Msg::PbEndCause,
        EndField::Nature => Msg::PbEndNature,
        EndField::Impact => Msg::PbEndImpact,
        EndField::Responsibility => Msg::PbEndResponsibility,
        EndField::Lessons => Msg::PbEndLessons,
    }
}

fn field_key(f: EndField) -> &'static str {
    match f {
        EndField::Cause => "cause",
        EndField::Nature => "nature",
        EndField::Impact => "impact",
        EndField::Responsibility => "responsibility",
        EndField::Lessons => "lessons",
    }
}

#[component]
fn EvaluationForm(as_of: RwSignal<Option<Month>>, months: RwSignal<u32>) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let show = Memo::new(move |_| {
        pb.editable.get()
            && pb
                .resp
                .with(|r| r.as_ref().is_some_and(|r| r.end.is_none()))
    });
    let locked = Memo::new(move |_| !pb.editable.get());
    let values: Vec<(EndField, RwSignal<String>)> = EndField::ALL
        .into_iter()
        .map(|f| (f, RwSignal::new(String::new())))
        .collect();
    let values = StoredValue::new(values);
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let record = move |()| {
        let Some(m) = as_of.get_untracked() else {
            return;
        };
        let n = months.get_untracked();
        let get = |f: EndField| {
            values.with_value(|v| {
                v.iter()
                    .find(|(x, _)| *x == f)
                    .map(|(_, s)| s.get_untracked())
                    .unwrap_or_default()
            })
        };
        let evaluation = EndEvaluation {
            cause: get(EndField::Cause),
            nature: get(EndField::Nature),
            impact: get(EndField::Impact),
            responsibility: get(EndField::Responsibility),
            lessons: get(EndField::Lessons),
        };
        pb.run(out, Msg::PbEndEvaluationRecorded, move |s, p, now, by| {
            let c = check(p, m, n).ok_or_else(|| super::msg_text(Msg::NoDataYet))?;
            s.apply(
                Action::RecordEndEvaluation {
                    evaluation: Box::new(evaluation),
                    check: c,
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    };
    view! {
        <Show when=move || show.get()>
            <div class="pb-form" id="pb-end-evaluation-form">
                <h3>{i18n.tr(Msg::PbEndEvaluation)} " " {clause_tag("§7.2")}</h3>
                {move || {
                    let lang = i18n.lang();
                    values.with_value(|v| v.iter().map(|(f, s)| {
                        area_input(format!("pb-end-{}", field_key(*f)), field_msg(*f).text(lang).to_owned(), *s, locked, 2)
                    }).collect_view())
                }}
                <div class="pb-actions">
                    {super::confirm_step("pb-end-record".into(), "pb-end-record", Msg::PbRecordEndEvaluation, Msg::PbConfirmEndEvaluation, false, Signal::from(false), super::says(Msg::PbConfirmEndEvaluationText), Callback::new(record))}
                </div>
                {outcome_view(out)}
            </div>
        </Show>
    }
}

/// What §7 has recorded so far.
#[component]
fn EndRecordView() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    move || {
        let lang = i18n.lang();
        let end = pb.resp.with(|r| r.as_ref().and_then(|r| r.end.clone()))?;
        let fields = EndField::ALL
            .into_iter()
            .map(|f| {
                view! {
                    <dt>{field_msg(f).text(lang)}</dt>
                    <dd data-field=field_key(f)>{end.evaluation.get(f).to_owned()}</dd>
                }
            })
            .collect_view();
        let appr = |a: &Option<crate::response::record::Approval>| match a {
            Some(a) => format!("{} · {}", a.by, a.at.format_cst()),
            None => Msg::PbPending.text(lang).to_owned(),
        };
        let notice = end
            .notice
            .as_ref()
            .map(|n| {
                let units = store.snap.with_untracked(|s| {
                    n.units
                        .iter()
                        .map(|u| unit_name(&s.plan, u, lang))
                        .collect::<Vec<_>>()
                        .join("、")
                });
                format!("{} · {} — {}", n.at.format_cst(), n.by, units)
            })
            .unwrap_or_else(|| Msg::PbPending.text(lang).to_owned());
        let closed = end
            .closed
            .as_ref()
            .map(|c| format!("{} · {}", c.at.format_cst(), c.by))
            .unwrap_or_else(|| Msg::PbPending.text(lang).to_owned());
        Some(view! {
            <div class="pb-card" id="pb-end-record-view">
                <p>{Msg::PbEndCheckRecorded.text(lang)} {super::colon(lang)} {end.check.text(lang)}</p>
                <p class="muted">{Msg::PbRecordedBy.text(lang)} " " {end.recorded.by.clone()} " · " {end.recorded.at.format_cst()}</p>
                <dl class="pb-facts">{fields}</dl>
                <dl class="pb-facts">
                    <dt>{Msg::PbDistrictApproval.text(lang)}</dt><dd id="pb-end-district">{appr(&end.district_approval)}</dd>
                    <dt>{Msg::PbCityApproval.text(lang)}</dt><dd id="pb-end-city">{appr(&end.city_approval)}</dd>
                    <dt>{Msg::PbEndNotice.text(lang)}</dt><dd id="pb-end-notice">{notice}</dd>
                    <dt>{Msg::PbClosedAt.text(lang)}</dt><dd id="pb-end-closed">{closed}</dd>
                </dl>
            </div>
        })
    }
}

/// The next §7 step for the open response.
#[component]
fn EndSteps() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let locked = Memo::new(move |_| !pb.editable.get());
    let d_who = RwSignal::new(String::new());
    let d_at = RwSignal::new(String::new());
    let c_who = RwSignal::new(String::new());
    let c_at = RwSignal::new(String::new());
    let step = Memo::new(move |_| {
        pb.resp.with(|r| {
            let e = r.as_ref()?.end.as_ref()?;
            Some(if e.district_approval.is_none() {
                1
            } else if e.city_approval.is_none() {
                2
            } else if e.notice.is_none() {
                3
            } else if e.closed.is_none() {
                4
            } else {
                0
            })
        })
    });
    let approve = move |city: bool| {
        let (who, at) = if city { (c_who, c_at) } else { (d_who, d_at) };
        let at = match pb.time_or_now(&at.get_untracked(), Msg::PbApprovalTime) {
            Ok(t) => t,
            Err(e) => return out.set(Some(Err(e))),
        };
        let who = who.get_untracked();
        pb.run(out, Msg::PbSaved, move |s, _, now, by| {
            let a = if city {
                Action::ApproveEndCity {
                    approved_by: who,
                    approved_at: at,
                }
            } else {
                Action::ApproveEnd {
                    approved_by: who,
                    approved_at: at,
                }
            };
            s.apply(a, now, by).map_err(super::rerr)
        });
    };
    let simple = move |a: fn() -> Action, done: Msg| {
        pb.run(out, done, move |s, _, now, by| {
            s.apply(a(), now, by).map_err(super::rerr)
        });
    };
    let no = Signal::from(false);
    view! {
        <Show when=move || pb.editable.get()>
            {move || {
                let lang = i18n.lang();
                match step.get() {
                    Some(1) => view! {
                        <div class="pb-form pb-row" id="pb-end-district-form">
                            {text_input("pb-end-d-who".into(), Msg::PbDistrictApprover, d_who, locked)}
                            {now_input("pb-end-d-at".into(), Msg::PbApprovalTime, d_at, locked)}
                            {confirm_step("pb-end-d-approve".into(), "pb-end-d-approve", Msg::PbRecordDistrictApproval, Msg::PbConfirmApproval, false, no, says(Msg::PbConfirmApprovalText), Callback::new(move |()| approve(false)))}
                        </div>
                    }.into_any(),
                    Some(2) => view! {
                        <div class="pb-form pb-row" id="pb-end-city-form">
                            {text_input("pb-end-c-who".into(), Msg::PbCityApprover, c_who, locked)}
                            {now_input("pb-end-c-at".into(), Msg::PbApprovalTime, c_at, locked)}
                            {confirm_step("pb-end-c-approve".into(), "pb-end-c-approve", Msg::PbRecordCityApproval, Msg::PbConfirmApproval, false, no, says(Msg::PbConfirmApprovalText), Callback::new(move |()| approve(true)))}
                        </div>
                    }.into_any(),
                    Some(3) => view! {
                        <div class="pb-form" id="pb-end-notice-form">
                            <p class="muted">{Msg::PbNoticeHelp.text(lang)} " " {clause_tag("§7.3")}</p>
                            {confirm_step("pb-end-notify".into(), "pb-end-notify", Msg::PbNotifyEnd, Msg::PbConfirmNotify, false, no, says(Msg::PbConfirmNotifyText), Callback::new(move |()| simple(|| Action::NotifyEnd, Msg::PbNoticeSent)))}
                        </div>
                    }.into_any(),
                    Some(4) => view! {
                        <div class="pb-form" id="pb-end-close-form">
                            <p class="muted">{Msg::PbCloseHelp.text(lang)}</p>
                            {confirm_step("pb-end-close".into(), "pb-end-close", Msg::PbCloseResponse, Msg::PbConfirmClose, true, no, says(Msg::PbConfirmCloseText), Callback::new(move |()| simple(|| Action::Close, Msg::PbResponseClosed)))}
                        </div>
                    }.into_any(),
                    _ => ().into_any(),
                }
            }}
            {outcome_view(out)}
        </Show>
    }
}
