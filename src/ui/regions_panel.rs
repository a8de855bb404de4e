//! The three tiers of §4.1: district → streets → communities. Add, rename, remove; removing a
//! region that has data asks first, and every change can be undone.

use super::data_view::confirm;
use super::derived::region_name;
use super::i18n_ctx::I18n;
use super::store::Store;
use super::widgets::clause_tag;
use crate::edit::{removal_impact, Edit};
use crate::i18n::{Lang, Msg};
use crate::model::{Region, RegionKind};
use leptos::prelude::*;

/// A free id under `parent` such as `xixing-c5`.
fn fresh_id(store: Store, parent: &str, kind: RegionKind) -> String {
    let stem = match kind {
        RegionKind::Street => "street".to_owned(),
        _ => format!("{parent}-c"),
    };
    store.snap.with_untracked(|s| {
        (1..)
            .map(|n| format!("{stem}{n}"))
            .find(|id| s.dataset.region(id).is_none())
            .unwrap_or_else(|| format!("{stem}-new"))
    })
}

#[component]
pub fn RegionsPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let message = RwSignal::new(None::<String>);

    let report = move |r: Result<(), crate::plan::Text>| match r {
        Ok(()) => message.set(None),
        Err(t) => message.set(Some(t.get(i18n.lang()).to_owned())),
    };
    let add = move |parent: String, kind: RegionKind| {
        let lang = i18n.lang();
        let prompt = match kind {
            RegionKind::Street => Msg::NewStreetName,
            _ => Msg::NewCommunityName,
        };
        let Some(name) = web_sys::window()
            .and_then(|w| w.prompt_with_message(prompt.text(lang)).ok().flatten())
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
        else {
            return;
        };
        let id = fresh_id(store, &parent, kind);
        report(store.apply(Edit::AddRegion {
            region: Region::new(&id, kind, &name, Some(&parent)),
            at: None,
        }));
    };
    let rename = move |r: Region| {
        let lang = i18n.lang();
        let Some(name) = web_sys::window()
            .and_then(|w| {
                w.prompt_with_message_and_default(Msg::RenamePrompt.text(lang), &r.name)
                    .ok()
                    .flatten()
            })
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
        else {
            return;
        };
        report(store.apply(Edit::RenameRegion {
            id: r.id.clone(),
            name,
            name_en: r.name_en.clone(),
        }));
    };
    let remove = move |id: String| {
        let lang = i18n.lang();
        let impact = store
            .snap
            .with_untracked(|s| removal_impact(&s.dataset, &id));
        match impact {
            Ok(i) if i.has_data() && !confirm(&i.message(lang)) => {}
            Ok(_) => {
                report(store.apply(Edit::RemoveRegion { id }));
                store.notice.set(Some(crate::plan::Text::new(
                    "已删除。可用“撤销”恢复。",
                    "Removed. Use Undo to bring it back.",
                )));
            }
            Err(e) => message.set(Some(e.message(lang))),
        }
    };

    view! {
        <section class="regions">
            <h2>{move || i18n.t(Msg::RegionsTitle)} " " {clause_tag("§4.1 §4.3")}</h2>
            {move || message.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {move || {
                let lang = i18n.lang();
                store
                    .snap
                    .with(|s| {
                        let ds = &s.dataset;
                        let Some(d) = ds.district().cloned() else {
                            return ().into_any();
                        };
                        let did = d.id.clone();
                        let streets = ds
                            .children(&d.id)
                            .map(|st| {
                                let communities = ds
                                    .children(&st.id)
                                    .map(|c| view! { <li>{row(c.clone(), lang, rename, remove, None::<(String, fn(String, RegionKind))>)}</li> })
                                    .collect_view();
                                let sid = st.id.clone();
                                view! {
                                    <li>
                                        {row(st.clone(), lang, rename, remove, Some((sid, add)))}
                                        <ul>{communities}</ul>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <ul class="region-tree" id="region-tree">
                                <li>
                                    <span class="region-name">{region_name(&d, lang)}</span>
                                    <button type="button" class="link" on:click={
                                        let d = d.clone();
                                        move |_| rename(d.clone())
                                    }>{Msg::Rename.text(lang)}</button>
                                    <button type="button" class="link" on:click=move |_| add(did.clone(), RegionKind::Street)>
                                        {Msg::AddStreet.text(lang)}
                                    </button>
                                    <ul>{streets}</ul>
                                </li>
                            </ul>
                        }
                        .into_any()
                    })
            }}
        </section>
    }
}

fn row(
    r: Region,
    lang: Lang,
    rename: impl Fn(Region) + Copy + 'static,
    remove: impl Fn(String) + Copy + 'static,
    add_child: Option<(String, impl Fn(String, RegionKind) + Copy + 'static)>,
) -> impl IntoView {
    let id = r.id.clone();
    let name = region_name(&r, lang);
    let add = add_child.map(|(sid, add)| {
        view! {
            <button type="button" class="link" on:click=move |_| add(sid.clone(), RegionKind::Community)>
                {Msg::AddCommunity.text(lang)}
            </button>
        }
    });
    view! {
        <span class="region-name" data-region=id.clone()>{name}</span>
        <button type="button" class="link" on:click=move |_| rename(r.clone())>{Msg::Rename.text(lang)}</button>
        {add}
        <button type="button" class="link danger" data-remove=id.clone() on:click=move |_| remove(id.clone())>
            {Msg::Remove.text(lang)}
        </button>
    }
}
