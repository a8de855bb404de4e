//! §3.1: the HQ of the response's level — commander (the district head at level 1), deputies,
//! one seat per member unit (principal leaders at level 1) — with names and contacts, and the
//! HQ's decisions.

use super::{area_input, none_yet, outcome_view, section_head, Outcome, Pb};
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
    view! {
        <section id="pb-hq" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecHq, &["§3.1"])}
            {move || {
                let lang = i18n.lang();
                let Some(r) = pb.resp.get() else { return none_yet(lang) };
                let hq = r.hq.clone();
                let filled = hq.posts().len() - hq.unfilled().len();
                let total = hq.posts().len();
                let l1 = hq.level == Level::L1;
                let rows = hq
                    .posts()
                    .into_iter()
                    .filter_map(|p| hq.seat(&p).cloned().map(|s| (p, s)))
                    .map(|(p, s)| view! { <SeatRow post=p seat=s out=out/> })
                    .collect_view();
                view! {
                    <p class="muted">
                        {Msg::PbHqFilled.text(lang)} {super::colon(lang)} <span id="pb-hq-filled">{filled} " / " {total}</span>
                        {l1.then(|| view! { " · " {Msg::PrincipalLeadersAtL1.text(lang)} })}
                    </p>
                    <table class="pb-table pb-hq-table">
                        <thead>
                            <tr>
                                <th scope="col">{Msg::PbPost.text(lang)}</th>
                                <th scope="col">{Msg::PbUnit.text(lang)}</th>
                                <th scope="col">{Msg::PbName.text(lang)}</th>
                                <th scope="col">{Msg::PbContact.text(lang)}</th>
                                <th scope="col" class="no-print"><span class="pb-sr-only">{Msg::PbSave.text(lang)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            {outcome_view(out)}
            <Decisions/>
        </section>
    }
}

#[component]
fn SeatRow(post: Post, seat: Seat, out: RwSignal<Outcome>) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let key = post_key(&post);
    let name = RwSignal::new(seat.name.clone());
    let contact = RwSignal::new(seat.contact.clone());
    let locked = Memo::new(move |_| !pb.editable.get());
    let post = StoredValue::new(post);
    let save = move |_| {
        let (n, c) = (name.get_untracked(), contact.get_untracked());
        let p = post.get_value();
        pb.run(out, Msg::PbSaved, move |s, _, now, by| {
            s.apply(
                Action::SetHqMember {
                    post: p,
                    name: n,
                    contact: c,
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    };
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
    let row_key = key.clone();
    view! {
        <tr data-post=row_key>
            <th scope="row">{role}</th>
            <td>{unit}</td>
            <td>
                <input
                    id=name_id
                    type="text"
                    aria-label=format!("{label} · {}", Msg::PbName.text(lang))
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    disabled=move || locked.get()
                />
            </td>
            <td>
                <input
                    id=contact_id
                    type="text"
                    aria-label=format!("{label} · {}", Msg::PbContact.text(lang))
                    prop:value=move || contact.get()
                    on:input=move |ev| contact.set(event_target_value(&ev))
                    disabled=move || locked.get()
                />
            </td>
            <td class="no-print">
                <Show when=move || pb.editable.get()>
                    <button type="button" class="pb-save" data-post=key.clone() on:click=save>
                        {move || i18n.t(Msg::PbSave)}
                    </button>
                </Show>
            </td>
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
    let decide = move |_| {
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
                    <button type="button" id="pb-decide" on:click=decide>{move || i18n.t(Msg::PbRecordDecision)}</button>
                </div>
                {outcome_view(out)}
            </div>
        </Show>
    }
}
