//! Closure (§5.1-Lx-b) and one-time layoff (§5.1-Lx-c) events: a form with inline validation
//! and a list, newest first. Adding and removing are undoable edits.

use super::derived::region_name;
use super::i18n_ctx::I18n;
use super::store::Store;
use super::widgets::clause_tag;
use crate::edit::{fresh_event_id, parse_count, Edit, EventKind};
use crate::i18n::Msg;
use crate::model::{ClosureEvent, LayoffEvent};
use crate::month::Date;
use crate::num::group_thousands;
use leptos::prelude::*;

/// The form's fields as typed; checked on submit, each error beside its field.
#[derive(Clone, Default)]
struct Draft {
    enterprise: RwSignal<String>,
    industry: RwSignal<String>,
    street: RwSignal<String>,
    date: RwSignal<String>,
    /// Closures: people left unemployed. Layoffs: people laid off.
    people: RwSignal<String>,
    /// Layoffs only: workforce before the layoff.
    workforce: RwSignal<String>,
    errors: RwSignal<Vec<(&'static str, String)>>,
}

fn field_error(d: &Draft, name: &'static str) -> impl IntoView {
    let errors = d.errors;
    move || {
        errors
            .get()
            .into_iter()
            .filter(|(f, _)| *f == name)
            .map(|(_, m)| view! { <span class="field-error" role="alert">{m}</span> })
            .collect_view()
    }
}

fn count_input(
    d: &Draft,
    name: &'static str,
    value: RwSignal<String>,
    label: Msg,
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <label>
            {i18n.tr(label)}
            <input
                inputmode="numeric"
                name=name
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {field_error(d, name)}
        </label>
    }
}

#[component]
pub fn EventsPanel() -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <section class="events">
            <h2>{i18n.tr(Msg::EventsTitle)}</h2>
            <div class="events-grid">
                <EventForm kind=EventKind::Closure/>
                <EventForm kind=EventKind::Layoff/>
            </div>
            <EventList/>
        </section>
    }
}

#[component]
fn EventForm(kind: EventKind) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let d = Draft::default();
    let status = RwSignal::new(None::<String>);

    let submit = {
        let d = d.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = i18n.lang();
            let mut errors: Vec<(&'static str, String)> = Vec::new();
            let enterprise = d.enterprise.get_untracked().trim().to_owned();
            if enterprise.is_empty() {
                errors.push(("enterprise", Msg::Required.text(lang).to_owned()));
            }
            let street = d.street.get_untracked();
            if street.is_empty() {
                errors.push(("street", Msg::Required.text(lang).to_owned()));
            }
            let date = Date::parse(d.date.get_untracked().trim());
            if let Err(e) = &date {
                errors.push(("date", e.msg().text(lang).to_owned()));
            }
            let people_text = d.people.get_untracked();
            let people = parse_count(&people_text);
            if let Err(p) = &people {
                errors.push(("people", p.describe(people_text.trim(), lang)));
            }
            let workforce_text = d.workforce.get_untracked();
            let workforce = match kind {
                EventKind::Layoff => {
                    let w = parse_count(&workforce_text);
                    if let Err(p) = &w {
                        errors.push(("workforce", p.describe(workforce_text.trim(), lang)));
                    }
                    w.ok()
                }
                EventKind::Closure => None,
            };
            let (Ok(date), Ok(people), true) = (date, people, errors.is_empty()) else {
                d.errors.set(errors);
                return;
            };
            let industry = d.industry.get_untracked().trim().to_owned();
            let id = store
                .snap
                .with_untracked(|s| fresh_event_id(&s.dataset, kind, date));
            let edit = match kind {
                EventKind::Closure => Edit::AddClosure {
                    event: ClosureEvent {
                        id,
                        enterprise,
                        industry,
                        street,
                        date,
                        unemployed: people,
                    },
                    at: None,
                },
                EventKind::Layoff => Edit::AddLayoff {
                    event: LayoffEvent {
                        id,
                        enterprise,
                        industry,
                        street,
                        date,
                        workforce: workforce.unwrap_or(0),
                        laid_off: people,
                    },
                    at: None,
                },
            };
            match store.apply(edit) {
                Ok(()) => {
                    d.errors.set(Vec::new());
                    d.enterprise.set(String::new());
                    d.people.set(String::new());
                    d.workforce.set(String::new());
                    status.set(Some(Msg::EventAdded.text(lang).to_owned()));
                }
                Err(t) => {
                    let field = if kind == EventKind::Layoff {
                        "people"
                    } else {
                        "enterprise"
                    };
                    d.errors.set(vec![(field, t.get(lang).to_owned())]);
                }
            }
        }
    };

    let (title, clause, people_label) = match kind {
        EventKind::Closure => (Msg::AddClosure, "§5.1-b", Msg::PeopleUnemployed),
        EventKind::Layoff => (Msg::AddLayoff, "§5.1-c", Msg::PeopleLaidOff),
    };
    let text_input = |value: RwSignal<String>, name: &'static str, label: Msg, d: &Draft| {
        view! {
            <label>
                {i18n.tr(label)}
                <input
                    name=name
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {field_error(d, name)}
            </label>
        }
    };
    view! {
        <form class="event-form" id=format!("form-{}", kind.id()) on:submit=submit novalidate=true>
            <h3>{i18n.tr(title)} " " {clause_tag(clause)}</h3>
            {text_input(d.enterprise, "enterprise", Msg::Enterprise, &d)}
            {text_input(d.industry, "industry", Msg::Industry, &d)}
            <label>
                {i18n.tr(Msg::Street)}
                <select
                    name="street"
                    prop:value=move || d.street.get()
                    on:change=move |ev| d.street.set(event_target_value(&ev))
                >
                    <option value="">"—"</option>
                    {move || {
                        let lang = i18n.lang();
                        store
                            .snap
                            .with(|s| {
                                s.dataset
                                    .streets()
                                    .map(|r| view! { <option value=r.id.clone()>{region_name(r, lang)}</option> })
                                    .collect_view()
                            })
                    }}
                </select>
                {field_error(&d, "street")}
            </label>
            <label>
                {i18n.tr(Msg::Date)}
                <input
                    type="date"
                    name="date"
                    prop:value=move || d.date.get()
                    on:input=move |ev| d.date.set(event_target_value(&ev))
                />
                {field_error(&d, "date")}
            </label>
            {(kind == EventKind::Layoff).then(|| count_input(&d, "workforce", d.workforce, Msg::Workforce))}
            {count_input(&d, "people", d.people, people_label)}
            <button type="submit">{i18n.tr(Msg::Add)}</button>
            {move || status.get().map(|s| view! { <span class="muted small" role="status">{s}</span> })}
        </form>
    }
}

#[component]
fn EventList() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let remove = move |edit: Edit| {
        if let Err(t) = store.apply(edit) {
            store.notice.set(Some(t));
        }
    };
    view! {
        {move || {
            let lang = i18n.lang();
            store
                .snap
                .with(|s| {
                    let name = |id: &str| {
                        s.dataset.region(id).map(|r| region_name(r, lang)).unwrap_or_else(|| id.to_owned())
                    };
                    let mut rows: Vec<(Date, AnyView)> = Vec::new();
                    for e in &s.dataset.closures {
                        let id = e.id.clone();
                        rows.push((
                            e.date,
                            view! {
                                <tr data-event=e.id.clone()>
                                    <td>{e.date.to_string()}</td>
                                    <td>{EventKind::Closure.label(lang)}</td>
                                    <td>{e.enterprise.clone()}</td>
                                    <td>{e.industry.clone()}</td>
                                    <td>{name(&e.street)}</td>
                                    <td class="num">{group_thousands(e.unemployed)}</td>
                                    <td class="num">"—"</td>
                                    <td>
                                        <button type="button" class="link" on:click=move |_| remove(Edit::RemoveClosure { id: id.clone() })>
                                            {Msg::Remove.text(lang)}
                                        </button>
                                    </td>
                                </tr>
                            }
                            .into_any(),
                        ));
                    }
                    for e in &s.dataset.layoffs {
                        let id = e.id.clone();
                        rows.push((
                            e.date,
                            view! {
                                <tr data-event=e.id.clone()>
                                    <td>{e.date.to_string()}</td>
                                    <td>{EventKind::Layoff.label(lang)}</td>
                                    <td>{e.enterprise.clone()}</td>
                                    <td>{e.industry.clone()}</td>
                                    <td>{name(&e.street)}</td>
                                    <td class="num">{group_thousands(e.laid_off)}</td>
                                    <td class="num">{group_thousands(e.workforce)}</td>
                                    <td>
                                        <button type="button" class="link" on:click=move |_| remove(Edit::RemoveLayoff { id: id.clone() })>
                                            {Msg::Remove.text(lang)}
                                        </button>
                                    </td>
                                </tr>
                            }
                            .into_any(),
                        ));
                    }
                    crate::sort::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.0));
                    let body = rows.into_iter().map(|(_, v)| v).collect_view();
                    view! {
                        <table class="compact" id="event-list">
                            <thead>
                                <tr>
                                    <th>{Msg::Date.text(lang)}</th>
                                    <th>{Msg::EventKindCol.text(lang)}</th>
                                    <th>{Msg::Enterprise.text(lang)}</th>
                                    <th>{Msg::Industry.text(lang)}</th>
                                    <th>{Msg::Street.text(lang)}</th>
                                    <th>{Msg::PeopleCol.text(lang)}</th>
                                    <th>{Msg::Workforce.text(lang)}</th>
                                    <th></th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    }
                })
        }}
    }
}
