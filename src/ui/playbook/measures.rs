//! §6.1–§6.3: the measures of the response's level as a checklist (status, owner, note, dates),
//! the lower-level packages the level may add, the tasks of one unit, progress at a glance.

use super::{none_yet, opt_time, outcome_view, section_head, unit_name, Outcome, Pb};
use crate::i18n::{level_name, Msg};
use crate::plan::{Level, Text};
use crate::response::{Action, MeasureItem, MeasureStatus, Progress};
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::clause_tag;
use leptos::prelude::*;

fn status_key(s: MeasureStatus) -> &'static str {
    match s {
        MeasureStatus::NotStarted => "not-started",
        MeasureStatus::InProgress => "in-progress",
        MeasureStatus::Done => "done",
    }
}

fn status_of(key: &str) -> MeasureStatus {
    MeasureStatus::ALL
        .into_iter()
        .find(|s| status_key(*s) == key)
        .unwrap_or_default()
}

/// A progress bar with its counts in text.
pub(crate) fn progress_view(p: Progress, id: &'static str) -> impl IntoView {
    let i18n = I18n::get();
    let lang = i18n.0.get_untracked();
    let pct = p.percent_done();
    view! {
        <div class="pb-progress" id=id>
            <progress max="100" value=pct aria-label=Msg::PbProgress.text(lang)>{pct} "%"</progress>
            <span>{pct} "% · " {p.text(lang)}</span>
        </div>
    }
}

#[component]
pub fn MeasuresSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let unit = RwSignal::new(String::new());
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let add = move |level: Level| {
        pb.run(out, Msg::PbPackageAdded, move |s, _, now, by| {
            s.apply(Action::AddPackage { level }, now, by)
                .map_err(super::rerr)
        });
    };
    view! {
        <section id="pb-measures" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecMeasures, &["§6.1", "§6.2", "§6.3"])}
            {move || {
                let lang = i18n.lang();
                let Some(r) = pb.resp.get() else { return none_yet(lang) };
                let u = unit.get();
                let (items, progress): (Vec<MeasureItem>, Progress) = if u.is_empty() {
                    (r.measures.clone(), r.progress())
                } else {
                    (r.tasks_of(&u).into_iter().cloned().collect(), r.progress_of(&u))
                };
                let units = r.procedure.hq.members.clone();
                let addable = if pb.editable.get() { r.addable_packages() } else { Vec::new() };
                let packages = r.packages.clone();
                let by_unit = r.progress_by_unit();
                let unit_opts = store.snap.with(|s| {
                    units
                        .iter()
                        .map(|id| {
                            let name = unit_name(&s.plan, id, lang);
                            view! { <option value=id.clone() selected=u == *id>{name}</option> }
                        })
                        .collect_view()
                });
                let unit_rows = store.snap.with(|s| {
                    by_unit
                        .iter()
                        .map(|(id, p)| {
                            view! {
                                <tr data-unit=id.clone()>
                                    <th scope="row">{unit_name(&s.plan, id, lang)}</th>
                                    <td class="num">{p.done} " / " {p.total}</td>
                                    <td class="num">{p.in_progress}</td>
                                    <td class="num">{p.percent_done()} "%"</td>
                                </tr>
                            }
                        })
                        .collect_view()
                });
                let rows = items
                    .into_iter()
                    .map(|m| view! { <MeasureRow item=m out=out/> })
                    .collect_view();
                view! {
                    {progress_view(progress, "pb-measures-progress")}
                    {(!packages.is_empty()).then(|| view! {
                        <p class="muted">
                            {Msg::PbPackagesAdded.text(lang)} {super::colon(lang)}
                            {packages.iter().map(|l| level_name(*l, lang)).collect::<Vec<_>>().join("、")}
                        </p>
                    })}
                    {(!addable.is_empty()).then(|| view! {
                        <div class="pb-row no-print">
                            {addable
                                .into_iter()
                                .map(|l| view! {
                                    <button type="button" class="pb-add-package" data-level=l.number() on:click=move |_| add(l)>
                                        {Msg::PbAddPackage.text(lang)} {super::colon(lang)} {level_name(l, lang)}
                                    </button>
                                })
                                .collect_view()}
                        </div>
                    })}
                    <div class="pb-row">
                        <label class="pb-field" for="pb-unit-filter">
                            <span>{Msg::PbUnitTasks.text(lang)}</span>
                            <select id="pb-unit-filter" on:change=move |ev| unit.set(event_target_value(&ev))>
                                <option value="" selected=u.is_empty()>{Msg::PbAllUnits.text(lang)}</option>
                                {unit_opts}
                            </select>
                        </label>
                    </div>
                    <table class="pb-table pb-measures-table">
                        <thead>
                            <tr>
                                <th scope="col">{Msg::ClauseLabel.text(lang)}</th>
                                <th scope="col">{Msg::PbMeasure.text(lang)}</th>
                                <th scope="col">{Msg::PbStatus.text(lang)}</th>
                                <th scope="col">{Msg::PbOwner.text(lang)}</th>
                                <th scope="col">{Msg::PbNote.text(lang)}</th>
                                <th scope="col">{Msg::PbDates.text(lang)}</th>
                                <th scope="col" class="no-print"><span class="pb-sr-only">{Msg::PbSave.text(lang)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <details class="pb-by-unit">
                        <summary>{Msg::PbProgressByUnit.text(lang)}</summary>
                        <table class="pb-table">
                            <thead>
                                <tr>
                                    <th scope="col">{Msg::PbUnit.text(lang)}</th>
                                    <th scope="col" class="num">{Msg::PbDoneOfTotal.text(lang)}</th>
                                    <th scope="col" class="num">{MeasureStatus::InProgress.name(lang)}</th>
                                    <th scope="col" class="num">"%"</th>
                                </tr>
                            </thead>
                            <tbody>{unit_rows}</tbody>
                        </table>
                    </details>
                }
                .into_any()
            }}
            {outcome_view(out)}
        </section>
    }
}

#[component]
fn MeasureRow(item: MeasureItem, out: RwSignal<Outcome>) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let lang = i18n.0.get_untracked();
    let status = RwSignal::new(item.status);
    let owner = RwSignal::new(item.owner.clone());
    let note = RwSignal::new(item.note.clone());
    let locked = Memo::new(move |_| !pb.editable.get());
    let clause = item.clause.clone();
    let key = clause.replace('§', "s").replace('.', "-");
    let save = {
        let clause = clause.clone();
        move |_| {
            let c = clause.clone();
            let (st, o, n) = (
                status.get_untracked(),
                owner.get_untracked(),
                note.get_untracked(),
            );
            pb.run(out, Msg::PbSaved, move |s, _, now, by| {
                s.apply(
                    Action::SetMeasure {
                        clause: c,
                        status: st,
                        owner: o,
                        note: n,
                    },
                    now,
                    by,
                )
                .map_err(super::rerr)
            });
        }
    };
    let units = store.snap.with_untracked(|s| {
        item.units
            .iter()
            .map(|u| unit_name(&s.plan, u, lang))
            .collect::<Vec<_>>()
            .join("、")
    });
    let package = (Some(item.level) != pb.resp.with_untracked(|r| r.as_ref().map(|r| r.level)))
        .then(|| format!("{} · ", level_name(item.level, lang)));
    let title = item.title.get(lang).to_owned();
    view! {
        <tr class=format!("pb-measure status-{}", status_key(item.status)) data-clause=clause.clone()>
            <td>{clause_tag(&clause)}</td>
            <td>
                <strong>{package}{title.clone()}</strong>
                <div class="muted">{Msg::PbResponsibleUnits.text(lang)} {super::colon(lang)} {units}</div>
            </td>
            <td>
                <select
                    id=format!("pb-m-{key}-status")
                    aria-label=format!("{title} · {}", Msg::PbStatus.text(lang))
                    prop:value=move || status_key(status.get())
                    on:change=move |ev| status.set(status_of(&event_target_value(&ev)))
                    disabled=move || locked.get()
                >
                    {MeasureStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=status_key(s) selected=s == item.status>{s.name(lang)}</option> })
                        .collect_view()}
                </select>
                <span class="pb-status-text">{item.status.name(lang)}</span>
            </td>
            <td>
                <input
                    id=format!("pb-m-{key}-owner")
                    type="text"
                    aria-label=format!("{title} · {}", Msg::PbOwner.text(lang))
                    prop:value=move || owner.get()
                    on:input=move |ev| owner.set(event_target_value(&ev))
                    disabled=move || locked.get()
                />
            </td>
            <td>
                <input
                    id=format!("pb-m-{key}-note")
                    type="text"
                    aria-label=format!("{title} · {}", Msg::PbNote.text(lang))
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                    disabled=move || locked.get()
                />
            </td>
            <td class="pb-dates">
                <div>{Msg::PbStarted.text(lang)} {super::colon(lang)} {opt_time(item.started)}</div>
                <div>{Msg::PbDone.text(lang)} {super::colon(lang)} {opt_time(item.done)}</div>
            </td>
            <td class="no-print">
                <Show when=move || pb.editable.get()>
                    <button type="button" class="pb-save" on:click=save.clone()>{move || i18n.t(Msg::PbSave)}</button>
                </Show>
            </td>
        </tr>
    }
}
