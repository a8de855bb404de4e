//! §3.1: the HQ of the response's level — commander (the district head at level 1), deputies,
//! one seat per member unit (principal leaders at level 1) — with names and contacts, and the
//! HQ's decisions.

use super::drafts::{clear, of_response, row, set_row, SeatDraft};
use super::{area_input, none_yet, outcome_view, section_head, Pb};
use crate::i18n::Msg;
use crate::plan::Level;
use crate::response::{Action, Post, Seat};
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use leptos::prelude::*;

fn post_key(p: &Post) -> String {
    match p {
        Post::Commander => "commander".into(),
        Post::Deputy(i) => format!("deputy-{i}"),
        Post::Member(u) => format!("member-{u}"),
    }
}

#[component]
pub fn HqSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let out = RwSignal::new(None::<Result<crate::plan::Text, crate::plan::Text>>);
    let rows = pb.drafts.hq;
    let rid = Memo::new(move |_| pb.resp.with(|r| r.as_ref().map(|r| r.id)));
    let unsaved = Memo::new(move |_| rid.get().map_or(0, |id| of_response(rows, id).len()));
    // One save for the whole section: every changed seat in one step, all or nothing.
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = rid.get_untracked() else {
            return;
        };
        let changed = of_response(rows, id);
        if changed.is_empty() {
            out.set(Some(Ok(super::msg_text(Msg::PbNothingToSave))));
            return;
        }
        if pb.run(out, Msg::PbSaved, move |s, _, now, by| {
            changed.into_iter().try_for_each(|(_, d)| {
                s.apply(
                    Action::SetHqMember {
                        post: d.post,
                        name: d.name,
                        contact: d.contact,
                    },
                    now,
                    by,
                )
                .map(|_| ())
                .map_err(super::rerr)
            })
        }) {
            clear(rows, id);
        }
    };
    view! {
        <section id="pb-hq" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecHq, &["§3.1"])}
            <form id="pb-hq-form" class="pb-section-form" on:submit=save>
                {move || {
                    let lang = i18n.lang();
                    let Some(r) = pb.resp.get() else { return none_yet(lang) };
                    let hq = r.hq.clone();
                    let filled = hq.posts().len() - hq.unfilled().len();
                    let total = hq.posts().len();
                    let l1 = hq.level == Level::L1;
                    let rid = r.id;
                    let rows = hq
                        .posts()
                        .into_iter()
                        .filter_map(|p| hq.seat(&p).cloned().map(|s| (p, s)))
                        .map(|(p, s)| view! { <SeatRow post=p seat=s rid=rid/> })
                        .collect_view();
                    view! {
                        <p class="muted">
                            {Msg::PbHqFilled.text(lang)} {super::colon(lang)} <span id="pb-hq-filled">{filled} " / " {total}</span>
                            {l1.then(|| view! { " · " {Msg::PrincipalLeadersAtL1.text(lang)} })}
                        </p>
                        <div class="pb-table-wrap">
                            <table class="pb-table pb-hq-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{Msg::PbPost.text(lang)}</th>
                                        <th scope="col">{Msg::PbUnit.text(lang)}</th>
                                        <th scope="col">{Msg::PbName.text(lang)}</th>
                                        <th scope="col">{Msg::PbContact.text(lang)}</th>
                                        <th scope="col" class="no-print">{Msg::PbRowState.text(lang)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
                {section_save("pb-hq", unsaved, Callback::new(move |()| {
                    if let Some(id) = rid.get_untracked() {
                        clear(rows, id);
                    }
                }))}
            </form>
            {outcome_view(out)}
            <Decisions/>
        </section>
    }
}

/// The save bar of a one-form section: the count of unsaved rows in words, the one save
/// button (Enter in any field does the same) and the discard button.
pub(crate) fn section_save(
    id: &'static str,
    unsaved: Memo<usize>,
    discard: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    view! {
        <Show when=move || pb.editable.get()>
            <div class="pb-actions pb-save-bar no-print">
                <button type="submit" class="pb-primary pb-section-save" id=format!("{id}-save")>
                    {i18n.tr(Msg::PbSaveSection)}
                </button>
                <span class="pb-unsaved-count" id=format!("{id}-unsaved") role="status" data-count=move || unsaved.get()>
                    {move || match unsaved.get() {
                        0 => i18n.t(Msg::PbAllSaved).to_owned(),
                        n => format!("{}{}{n}", i18n.t(Msg::PbUnsavedRows), super::colon(i18n.lang())),
                    }}
                </span>
                <Show when=move || { unsaved.get() > 0 }>
                    <button type="button" class="pb-discard" id=format!("{id}-discard") on:click=move |_| discard.run(())>
                        {i18n.tr(Msg::PbDiscard)}
                    </button>
                </Show>
                <span class="muted pb-drafts-kept">{i18n.tr(Msg::PbDraftsKept)}</span>
            </div>
        </Show>
    }
}

/// The mark of an unsaved row: a tag in words, not colour alone.
pub(crate) fn unsaved_tag(dirty: Memo<bool>) -> impl IntoView {
    let i18n = I18n::get();
    move || {
        dirty
            .get()
            .then(|| view! { <span class="pb-unsaved-tag">"● " {i18n.t(Msg::PbUnsaved)}</span> })
    }
}

#[component]
fn SeatRow(post: Post, seat: Seat, rid: u32) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let rows = pb.drafts.hq;
    let key = post_key(&post);
    let stored = SeatDraft {
        post: post.clone(),
        name: seat.name.clone(),
        contact: seat.contact.clone(),
    };
    let row_key = (rid, key.clone());
    let draft = {
        let k = row_key.1.clone();
        Memo::new(move |_| row(rows, rid, &k))
    };
    let dirty = Memo::new(move |_| draft.with(Option::is_some));
    let shown = StoredValue::new(stored.clone());
    let current = move || draft.get().unwrap_or_else(|| shown.get_value());
    let set = StoredValue::new(move |name: Option<String>, contact: Option<String>| {
        let mut d = current();
        if let Some(n) = name {
            d.name = n;
        }
        if let Some(c) = contact {
            d.contact = c;
        }
        set_row(rows, row_key.clone(), d, &stored);
    });
    let locked = Memo::new(move |_| !pb.editable.get());
    let lang = i18n.0.get_untracked();
    let role = seat.role.get(lang).to_owned();
    let unit = seat
        .unit
        .as_deref()
        .map(|u| {
            store
                .snap
                .with_untracked(|s| super::unit_name(&s.plan, u, lang))
        })
        .unwrap_or_default();
    let name_id = format!("pb-hq-{key}-name");
    let contact_id = format!("pb-hq-{key}-contact");
    let label = format!("{role} {unit}");
    view! {
        <tr data-post=key class:pb-unsaved=move || dirty.get()>
            <th scope="row">{role}</th>
            <td>{unit}</td>
            <td data-label=Msg::PbName.text(lang)>
                <input
                    id=name_id
                    type="text"
                    aria-label=format!("{label} · {}", Msg::PbName.text(lang))
                    prop:value=move || current().name
                    on:input=move |ev| set.with_value(|f| f(Some(event_target_value(&ev)), None))
                    disabled=move || locked.get()
                />
            </td>
            <td data-label=Msg::PbContact.text(lang)>
                <input
                    id=contact_id
                    type="text"
                    aria-label=format!("{label} · {}", Msg::PbContact.text(lang))
                    prop:value=move || current().contact
                    on:input=move |ev| set.with_value(|f| f(None, Some(event_target_value(&ev))))
                    disabled=move || locked.get()
                />
            </td>
            <td class="no-print pb-row-state">{unsaved_tag(dirty)}</td>
        </tr>
    }
}

/// The HQ's decisions, recorded in the trail.
#[component]
fn Decisions() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let text = RwSignal::new(String::new());
    let out = RwSignal::new(None);
    let locked = Memo::new(move |_| !pb.editable.get());
    let decide = move |()| {
        let t = text.get_untracked();
        if pb.run(out, Msg::PbDecisionRecorded, move |s, _, now, by| {
            s.apply(Action::Decide { text: t }, now, by)
                .map_err(super::rerr)
        }) {
            text.set(String::new());
        }
    };
    view! {
        <Show when=move || pb.editable.get()>
            <div class="pb-form">
                {move || area_input("pb-decision".into(), i18n.t(Msg::PbDecision).to_owned(), text, locked, 2)}
                <div class="pb-actions">
                    {super::confirm_step("pb-decide".into(), "pb-decide", Msg::PbRecordDecision, Msg::PbConfirmDecision, false, Signal::derive(move || text.with(|t| t.trim().is_empty())), super::says(Msg::PbConfirmDecisionText), Callback::new(decide))}
                </div>
                {outcome_view(out)}
            </div>
        </Show>
    }
}
