//! The three tiers of §4.1: district → streets → communities. Add, rename, remove; removing a
//! region that has data asks first, and every change can be undone. Names are asked for in the
//! app's own dialog, checked while typing.

use super::derived::region_name;
use super::dialog::{DialogSpec, Dialogs, Validate};
use super::i18n_ctx::I18n;
use super::store::Store;
use super::widgets::clause_tag;
use crate::edit::{removal_impact, Edit};
use crate::i18n::{Lang, Msg};
use crate::model::{Dataset, Region, RegionKind};
use crate::plan::Text;
use crate::snapshot::Limits;
use leptos::prelude::*;
use std::rc::Rc;

/// Whether `name` can name a region under `parent` (besides region `own`, when renaming): not
/// empty, not too long, not the name of a sibling (two streets called alike cannot be told
/// apart in the grid or a bulletin).
fn check_name(
    ds: &Dataset,
    parent: Option<&str>,
    own: Option<&str>,
    name: &str,
) -> Result<(), Text> {
    let max = Limits::DEFAULT.max_name_chars;
    if name.is_empty() {
        return Err(Text::new("请填写名称", "enter a name"));
    }
    let chars = name.chars().count();
    if chars > max {
        return Err(Text {
            zh: format!("名称过长：{chars} 个字符，至多 {max} 个"),
            en: format!("too long: {chars} characters, at most {max}"),
        });
    }
    let taken = ds
        .regions
        .iter()
        .any(|r| r.parent.as_deref() == parent && Some(r.id.as_str()) != own && r.name == name);
    if taken {
        return Err(Text {
            zh: format!("同级已有名为“{name}”的地区"),
            en: format!("a region at this level is already called '{name}'"),
        });
    }
    Ok(())
}

fn name_check(store: Store, parent: Option<String>, own: Option<String>) -> Validate {
    Rc::new(move |name: &str| {
        store
            .snap
            .with_untracked(|s| check_name(&s.dataset, parent.as_deref(), own.as_deref(), name))
    })
}

fn msg_text(m: Msg) -> Text {
    m.both()
}

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
    let dialogs = Dialogs::get();
    let add = move |parent: String, kind: RegionKind| {
        let title = match kind {
            RegionKind::Street => Msg::NewStreetName,
            _ => Msg::NewCommunityName,
        };
        let on_ok = {
            let parent = parent.clone();
            Rc::new(move |name: String| {
                let id = fresh_id(store, &parent, kind);
                report(store.apply(Edit::AddRegion {
                    region: Region::new(&id, kind, &name, Some(&parent)),
                    at: None,
                }));
            })
        };
        dialogs.open(DialogSpec {
            title: msg_text(title),
            message: None,
            input: Some(String::new()),
            validate: Some(name_check(store, Some(parent.clone()), None)),
            ok: Msg::Add,
            danger: false,
            return_to: Some(format!("[data-add=\"{parent}\"]")),
            on_ok,
        });
    };
    let rename = move |r: Region| {
        let id = r.id.clone();
        let on_ok = Rc::new(move |name: String| {
            report(store.apply(Edit::RenameRegion {
                id: r.id.clone(),
                name,
                name_en: r.name_en.clone(),
            }));
        });
        let (parent, initial) = store.snap.with_untracked(|s| {
            let own = s.dataset.region(&id);
            (
                own.and_then(|o| o.parent.clone()),
                own.map(|o| o.name.clone()).unwrap_or_default(),
            )
        });
        dialogs.open(DialogSpec {
            title: msg_text(Msg::RenamePrompt),
            message: None,
            input: Some(initial),
            validate: Some(name_check(store, parent, Some(id.clone()))),
            ok: Msg::Rename,
            danger: false,
            return_to: Some(format!("[data-rename=\"{id}\"]")),
            on_ok,
        });
    };
    let remove = move |id: String| {
        let lang = i18n.lang();
        let impact = store
            .snap
            .with_untracked(|s| removal_impact(&s.dataset, &id));
        let remove_now = move |id: String| {
            report(store.apply(Edit::RemoveRegion { id }));
            store.notice.set(Some(Text::new(
                "已删除。可用“撤销”恢复。",
                "Removed. Use Undo to bring it back.",
            )));
        };
        match impact {
            Ok(i) if i.has_data() => dialogs.open(DialogSpec {
                title: msg_text(Msg::Remove),
                message: Some(Text {
                    zh: i.message(Lang::Zh),
                    en: i.message(Lang::En),
                }),
                input: None,
                validate: None,
                ok: Msg::Remove,
                danger: true,
                return_to: Some("#region-tree".to_owned()),
                on_ok: Rc::new(move |_| remove_now(id.clone())),
            }),
            Ok(_) => remove_now(id),
            Err(e) => message.set(Some(e.message(lang))),
        }
    };

    view! {
        <section class="regions">
            <h2>{i18n.tr(Msg::RegionsTitle)} " " {clause_tag("§4.1 §4.3")}</h2>
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
                                    <button type="button" class="link" data-rename=d.id.clone() on:click={
                                        let d = d.clone();
                                        move |_| rename(d.clone())
                                    }>{Msg::Rename.text(lang)}</button>
                                    <button type="button" class="link" data-add=d.id.clone() on:click=move |_| add(did.clone(), RegionKind::Street)>
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
            <button type="button" class="link" data-add=sid.clone() on:click=move |_| add(sid.clone(), RegionKind::Community)>
                {Msg::AddCommunity.text(lang)}
            </button>
        }
    });
    view! {
        <span class="region-name" data-region=id.clone()>{name}</span>
        <button type="button" class="link" data-rename=id.clone() on:click=move |_| rename(r.clone())>{Msg::Rename.text(lang)}</button>
        {add}
        <button type="button" class="link danger" data-remove=id.clone() on:click=move |_| remove(id.clone())>
            {Msg::Remove.text(lang)}
        </button>
    }
}
