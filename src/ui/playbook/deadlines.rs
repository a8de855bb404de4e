//! §5.2 and §5.3: the reporting clocks from the event time and the time the level was reached,
//! each with its due time in China Standard Time, a live countdown (refreshed every 30 s),
//! overdue shown in red and in words, and its completion recorded.

use super::{confirm_step, none_yet, now_input, outcome_view, section_head, Outcome, Pb};
use crate::i18n::{Lang, Msg};
use crate::plan::Text;
use crate::response::{Action, DeadlineItem, DeadlineState};
use crate::ui::i18n_ctx::I18n;
use crate::ui::widgets::clause_tag;
use leptos::prelude::*;

#[component]
pub fn DeadlinesSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let out = RwSignal::new(None::<Result<Text, Text>>);
    // The rows are rebuilt when the record changes; the countdowns follow the clock on their own.
    let items = Memo::new(move |_| pb.resp.with(|r| r.as_ref().map(|r| r.deadlines.clone())));
    let overdue = Memo::new(move |_| {
        let now = pb.clock.now();
        items.with(|d| {
            d.as_ref()
                .map(|d| d.iter().filter(|x| x.is_overdue(now)).count())
                .unwrap_or(0)
        })
    });
    view! {
        <section id="pb-deadlines" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecDeadlines, &["§5.2", "§5.3"])}
            <Show when=move || { overdue.get() > 0 }>
                <p class="pb-overdue-alert" role="alert" id="pb-overdue-alert">
                    "⚠ " {i18n.tr(Msg::PbOverdueAlert)} {move || super::colon(i18n.lang())} {move || overdue.get()}
                </p>
            </Show>
            {move || {
                let lang = i18n.lang();
                let Some(list) = items.get() else { return none_yet(lang) };
                if list.is_empty() {
                    return view! { <p class="muted">{Msg::PbNoDeadlines.text(lang)}</p> }.into_any();
                }
                let rows = list
                    .into_iter()
                    .map(|d| view! { <DeadlineRow item=d out=out/> })
                    .collect_view();
                view! {
                    <p class="muted">{Msg::PbDeadlinesHelp.text(lang)}</p>
                    <table class="pb-table pb-deadlines-table">
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{Msg::PbTask.text(lang)}</th>
                                <th scope="col">{Msg::PbFrom.text(lang)}</th>
                                <th scope="col">{Msg::PbDue.text(lang)}</th>
                                <th scope="col">{Msg::PbStatus.text(lang)}</th>
                                <th scope="col">{Msg::PbCompletion.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            {outcome_view(out)}
        </section>
    }
}

#[component]
fn DeadlineRow(item: DeadlineItem, out: RwSignal<Outcome>) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let lang = i18n.0.get_untracked();
    let id = item.id;
    let done_at = RwSignal::new(String::new());
    let locked = Memo::new(move |_| !pb.editable.get());
    let it = StoredValue::new(item.clone());
    let state = Memo::new(move |_| {
        let now = pb.clock.now();
        it.with_value(|d| d.state(now))
    });
    let status_text = move || {
        let now = pb.clock.now();
        it.with_value(|d| d.status_text(now, i18n.lang()))
    };
    let class = move || {
        let s = match state.get() {
            DeadlineState::Open(c) if c.is_overdue() => "overdue",
            DeadlineState::Open(_) => "open",
            DeadlineState::DoneOnTime => "done",
            DeadlineState::DoneLate { .. } => "done-late",
        };
        format!("pb-deadline {s}")
    };
    let complete = move |()| {
        let at = match pb.time_or_now(&done_at.get_untracked(), Msg::PbDoneAt) {
            Ok(t) => t,
            Err(e) => {
                out.set(Some(Err(e)));
                return;
            }
        };
        pb.run(out, Msg::PbDeadlineDone, move |s, _, now, by| {
            s.apply(Action::CompleteDeadline { id, at }, now, by)
                .map_err(super::rerr)
        });
    };
    let completion = item.completed.clone().map(|c| {
        view! {
            <span>
                {c.at.format_cst()} " · " {Msg::PbRecordedBy.text(lang)} " " {c.recorded_by}
            </span>
        }
    });
    let open = item.completed.is_none();
    let (from_who, to_whom) = (item.by.get(lang), item.to.get(lang));
    let who = if to_whom.trim().is_empty() {
        from_who.to_owned()
    } else {
        format!("{from_who} → {to_whom}")
    };
    view! {
        <tr class=class data-id=id data-deadline=item.deadline.clone()>
            <td class="num">{id}</td>
            <td>
                <strong>{item.task.get(lang).to_owned()}</strong> " " {clause_tag(&item.clause)}
                <div class="muted">
                    {who}
                    " · "
                    {if item.hours == 0 {
                        Msg::PbSameTime.text(lang).to_owned()
                    } else {
                        format!("{} {} h", Msg::PbWithinHours.text(lang), item.hours)
                    }}
                </div>
            </td>
            <td class="num" data-label=Msg::PbFrom.text(lang)>{item.from.format_cst()}</td>
            <td class="num pb-due" data-label=Msg::PbDue.text(lang)>{item.due.format_cst()}</td>
            <td class="pb-countdown" aria-live="off" data-label=Msg::PbStatus.text(lang)>
                {move || match state.get() {
                    DeadlineState::Open(c) if c.is_overdue() => view! { <strong class="pb-overdue">"⚠ " {status_text()}</strong> }.into_any(),
                    _ => view! { <span>{status_text()}</span> }.into_any(),
                }}
            </td>
            <td>
                {completion}
                {open.then(|| view! {
                    <Show when=move || pb.editable.get()>
                        <div class="pb-row pb-complete">
                            {now_input(format!("pb-d-{id}-at"), Msg::PbDoneAt, done_at, locked)}
                            {confirm_step(
                                format!("pb-d-{id}-complete"),
                                "pb-complete-btn",
                                Msg::PbMarkDone,
                                Msg::PbConfirmComplete,
                                false,
                                Signal::from(false),
                                Callback::new(move |lang: Lang| {
                                    // What will be recorded: the task, when, and by whom.
                                    let at = pb
                                        .time_or_now(&done_at.get_untracked(), Msg::PbDoneAt)
                                        .map(|t| t.format_cst())
                                        .unwrap_or_else(|e| e.get(lang).to_owned());
                                    let what = format!(
                                        "#{id} {} · {} {at} · {}",
                                        it.with_value(|d| d.task.get(lang).to_owned()),
                                        Msg::PbDoneAt.text(lang),
                                        pb.user.get_untracked()
                                    );
                                    view! { <p><strong>{what}</strong></p> <p>{Msg::PbConfirmCompleteText.text(lang)}</p> }.into_any()
                                }),
                                Callback::new(complete),
                            )}
                        </div>
                    </Show>
                })}
            </td>
        </tr>
    }
}
