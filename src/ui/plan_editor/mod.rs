//! The plan editor on the Plan page: the level table and its criteria (`levels.rs`,
//! `criteria.rs`), the HQ, units, duties, measures, deadlines and bulletin fields
//! (`response.rs`).
//!
//! Every change goes through [`Store::update_plan`]: checked (a change that brings in an error
//! is refused naming the item, and the inputs show the stored values again), one undo step,
//! saved at once, noted in a running response's trail. Inputs commit on change (Enter or
//! leaving the field), like the data grid. The editor is re-built only when the plan's shape
//! changes (an item added, removed or moved); a value changed in place updates its own input,
//! so the focus stays where the user is.
//!
//! The fields are a few small builders over boxed closures (`Arc<dyn Fn>`), so each kind of
//! input is compiled once however many fields use it.

mod criteria;
mod levels;
mod response;

use super::i18n_ctx::I18n;
use super::store::Store;
use crate::edit::{parse_count, ValueProblem};
use crate::i18n::{Lang, Msg};
use crate::num::Pct;
use crate::plan::{Plan, Text};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Reads a field's text from the plan (`None`: the item is gone).
type GetFn = Arc<dyn Fn(&Plan) -> Option<String> + Send + Sync>;
/// Writes a field's text into a copy of the plan; the message names what is wrong.
type SetFn = Arc<dyn Fn(&mut Plan, &str, &Text) -> Result<(), Text> + Send + Sync>;
type GetList = Arc<dyn Fn(&Plan) -> Option<Vec<String>> + Send + Sync>;
type SetList = Arc<dyn Fn(&mut Plan, Vec<String>) -> Result<(), Text> + Send + Sync>;
type TextAt = Arc<dyn Fn(&Plan) -> Option<&Text> + Send + Sync>;
type TextAtMut = Arc<dyn Fn(&mut Plan) -> Option<&mut Text> + Send + Sync>;
type Change = Arc<dyn Fn(&mut Plan) -> Result<(), Text> + Send + Sync>;
type Commit<'a> = Box<dyn FnOnce(&mut Plan) -> Result<(), Text> + 'a>;

/// The editor's state: the store, whose plan is edited, and what the last change did.
#[derive(Clone, Copy)]
struct Ed {
    store: Store,
    /// `None`: the district's plan; a street's id: that street's own level table (§9).
    street: RwSignal<Option<String>>,
    /// The plan the fields read: the district's, or a street's plan (the district's with the
    /// street's level table; [`crate::workspace::Workspace::street_plan`]).
    plan: Memo<Arc<Plan>>,
    /// Bumped on a refusal so every input shows the stored value again.
    rev: RwSignal<u32>,
    outcome: RwSignal<Option<Result<Text, Text>>>,
}

impl Ed {
    /// "已保存：…" for the change `what`, noting the plan's warnings.
    fn saved(self, what: &Text, warned: bool) {
        let more = if warned {
            Msg::PeHasWarnings.both()
        } else {
            Text::default()
        };
        self.outcome.set(Some(Ok(both!(
            ["{}{}{}", Msg::PeSaved.text(Lang::Zh), what.zh, more.zh],
            ["{}{}{}", Msg::PeSaved.text(Lang::En), what.en, more.en]
        ))));
    }

    /// One change of the plan shown. `f` is boxed: the store's paths are compiled once, not
    /// once per kind of field.
    fn commit(self, what: Text, f: Commit<'_>) {
        let done = match self.street.get_untracked() {
            Some(street) => self.store.update_street_plan(&street, what.clone(), f),
            None => self.store.update_plan(what.clone(), f),
        };
        match done {
            Ok(warnings) => self.saved(&what, !warnings.is_empty()),
            Err(e) => {
                self.outcome.set(Some(Err(e)));
                self.rev.update(|r| *r = r.wrapping_add(1));
            }
        }
    }

    /// A field's stored text; re-read when the plan changes or a change was refused.
    fn value(self, get: &GetFn) -> String {
        self.rev.track();
        self.plan.with(|p| get(p)).unwrap_or_default()
    }
}

/// A group of fields about one item (a level, a criterion, a measure …): the item's name
/// starts the undo label and the field labels.
#[derive(Clone)]
struct Cx {
    ed: Ed,
    lang: Lang,
    item: Text,
}

use crate::plan::editing::gone;

/// A percentage typed in a field, exact (never a float).
fn pct(text: &str, what: &Text) -> Result<Pct, Text> {
    Pct::parse(text).map_err(|e| value_error(&ValueProblem::NotAPercentage(e), text, what))
}

fn count(text: &str, what: &Text) -> Result<u64, Text> {
    parse_count(text).map_err(|e| value_error(&e, text, what))
}

fn small(text: &str, what: &Text) -> Result<u32, Text> {
    let n = count(text, what)?;
    u32::try_from(n).map_err(|_| {
        both!(
            ["{}：“{text}”太大", what.zh],
            ["{}: '{text}' is too large", what.en]
        )
    })
}

fn value_error(p: &ValueProblem, text: &str, what: &Text) -> Text {
    both!(
        ["{}：{}", what.zh, p.describe(text, Lang::Zh)],
        ["{}: {}", what.en, p.describe(text, Lang::En)]
    )
}

impl Cx {
    fn sub(&self, item: Text) -> Cx {
        Cx {
            item,
            ..self.clone()
        }
    }

    /// "二级 · 阈值": what a field is, for its undo label and its messages.
    fn what(&self, label: &str, label_en: &str) -> Text {
        both!(
            ["{} · {label}", self.item.zh],
            ["{} · {label_en}", self.item.en]
        )
    }

    fn what_msg(&self, m: Msg) -> Text {
        self.what(m.text(Lang::Zh), m.text(Lang::En))
    }

    fn input(
        &self,
        id: String,
        label: Msg,
        get: impl Fn(&Plan) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Plan, &str, &Text) -> Result<(), Text> + Send + Sync + 'static,
    ) -> AnyView {
        let what = self.what_msg(label);
        self.field(
            id,
            label.text(self.lang).to_owned(),
            what,
            Arc::new(get),
            Arc::new(set),
            false,
        )
    }

    fn field(
        &self,
        id: String,
        label: String,
        what: Text,
        get: GetFn,
        set: SetFn,
        area: bool,
    ) -> AnyView {
        let ed = self.ed;
        let value = move || ed.value(&get);
        let change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let (set, w) = (Arc::clone(&set), what.clone());
            ed.commit(what.clone(), Box::new(move |p| set(p, &v, &w)));
        };
        if area {
            view! {
                <label class="pb-field pb-area">
                    {label}
                    <textarea id=id rows="2" prop:value=value on:change=change></textarea>
                </label>
            }
            .into_any()
        } else {
            view! {
                <label class="pb-field">
                    {label} <input type="text" id=id prop:value=value on:change=change/>
                </label>
            }
            .into_any()
        }
    }

    /// A text in both languages: two fields, Chinese first.
    fn pair(
        &self,
        id: &str,
        label: Msg,
        get: impl Fn(&Plan) -> Option<&Text> + Send + Sync + 'static,
        set: impl Fn(&mut Plan) -> Option<&mut Text> + Send + Sync + 'static,
        area: bool,
    ) -> AnyView {
        // The generic builders only box their closures: the view code is compiled once.
        self.pair_dyn(id, label, Arc::new(get), Arc::new(set), area)
    }

    fn pair_dyn(&self, id: &str, label: Msg, get: TextAt, set: TextAtMut, area: bool) -> AnyView {
        [(Lang::Zh, Msg::PeZh), (Lang::En, Msg::PeEn)]
            .into_iter()
            .map(|(l, m)| {
                let (g, s) = (Arc::clone(&get), Arc::clone(&set));
                let what = self.what(
                    &format!("{}（{}）", label.text(Lang::Zh), m.text(Lang::Zh)),
                    &format!("{} ({})", label.text(Lang::En), m.text(Lang::En)),
                );
                let text = format!("{} · {}", label.text(self.lang), m.text(self.lang));
                let g: GetFn = Arc::new(move |p| g(p).map(|t| t.get(l).to_owned()));
                let s: SetFn = Arc::new(move |p, v, _| {
                    let t = s(p).ok_or_else(gone)?;
                    match l {
                        Lang::Zh => t.zh = v.trim().to_owned(),
                        Lang::En => t.en = v.trim().to_owned(),
                    }
                    Ok(())
                });
                let suffix = match l {
                    Lang::Zh => "zh",
                    Lang::En => "en",
                };
                self.field(format!("{id}-{suffix}"), text, what, g, s, area)
            })
            .collect_view()
            .into_any()
    }

    /// A choice among `options` (value, text).
    fn select(
        &self,
        id: String,
        label: Msg,
        options: Vec<(String, String)>,
        get: impl Fn(&Plan) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Plan, &str, &Text) -> Result<(), Text> + Send + Sync + 'static,
    ) -> AnyView {
        let get: GetList = Arc::new(move |p| get(p).map(|v| vec![v]));
        let set: SetList = Arc::new(move |p, v| {
            let first = v.first().map_or("", String::as_str);
            set(p, first, &Text::default())
        });
        self.choice(id, label, options, get, set, false)
    }

    /// Several of `options` (value, text): a list box (Ctrl or Shift with a click or the
    /// arrow keys selects more than one).
    fn multi(
        &self,
        id: String,
        label: Msg,
        options: Vec<(String, String)>,
        get: impl Fn(&Plan) -> Option<Vec<String>> + Send + Sync + 'static,
        set: impl Fn(&mut Plan, Vec<String>) -> Result<(), Text> + Send + Sync + 'static,
    ) -> AnyView {
        self.choice(id, label, options, Arc::new(get), Arc::new(set), true)
    }

    /// One select for both: each option says whether it is a stored one (a select's value
    /// set before its options exist would be lost).
    fn choice(
        &self,
        id: String,
        label: Msg,
        options: Vec<(String, String)>,
        get: GetList,
        set: SetList,
        multiple: bool,
    ) -> AnyView {
        let (ed, what) = (self.ed, self.what_msg(label));
        let change = move |ev: leptos::ev::Event| {
            let Some(sel) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            let chosen = sel.selected_options();
            let values: Vec<String> = (0..chosen.length())
                .filter_map(|i| chosen.item(i)?.get_attribute("value"))
                .collect();
            let set = Arc::clone(&set);
            ed.commit(what.clone(), Box::new(move |p| set(p, values)));
        };
        let size = multiple.then(|| options.len().clamp(2, 6));
        let options = options
            .into_iter()
            .map(|(v, t)| {
                let get = Arc::clone(&get);
                let key = v.clone();
                let on = move || {
                    ed.rev.track();
                    ed.plan.with(|p| get(p)).is_some_and(|l| l.contains(&key))
                };
                view! { <option value=v prop:selected=on>{t}</option> }
            })
            .collect_view();
        view! {
            <label class="pb-field">
                {label.text(self.lang)} <select id=id multiple=multiple size=size on:change=change>
                    {options}
                </select>
            </label>
        }
        .into_any()
    }

    /// A button making one change; its undo label is the item and the button's text.
    fn button(
        &self,
        id: String,
        label: Msg,
        enabled: bool,
        f: impl Fn(&mut Plan) -> Result<(), Text> + Send + Sync + 'static,
    ) -> AnyView {
        self.button_dyn(id, label, enabled, Arc::new(f))
    }

    fn button_dyn(&self, id: String, label: Msg, enabled: bool, f: Change) -> AnyView {
        let (ed, what) = (self.ed, self.what_msg(label));
        let click = move |_| {
            let f = Arc::clone(&f);
            ed.commit(what.clone(), Box::new(move |p| f(p)));
        };
        view! {
            <button type="button" id=id disabled=!enabled on:click=click>
                {label.text(self.lang)}
            </button>
        }
        .into_any()
    }
}

/// A `<div>` of the given class around `children`. One render type for every group: a
/// `view!` with several children would compile its own tuple type's code at each place.
fn group(class: &'static str, children: Vec<AnyView>) -> AnyView {
    view! { <div class=class>{children}</div> }.into_any()
}

/// A section of the editor: a heading (with its clause ids) and its children.
fn section(id: &str, title: &str, clause: &str, children: Vec<AnyView>) -> AnyView {
    view! {
        <section class="pe-section" aria-labelledby=id.to_owned()>
            <h3 id=id.to_owned()>{title.to_owned()} " " {tag(clause)}</h3>
            {children}
        </section>
    }
    .into_any()
}

/// An id or clause label as the plan view shows it.
fn tag(id: &str) -> AnyView {
    view! { <span class="clause" translate="no">{id.to_owned()}</span> }.into_any()
}

/// What decides the editor's structure: the items and their kinds, not their values.
fn shape(p: &Plan) -> Vec<usize> {
    let mut out = vec![p.thresholds.levels.len()];
    for s in &p.thresholds.levels {
        out.push(
            usize::from(s.rate.is_some())
                | usize::from(s.closures.is_some()) << 1
                | usize::from(s.layoffs.is_some()) << 2,
        );
        out.extend(s.extra.iter().map(|x| match x {
            crate::plan::ExtraCriterion::SingleClosure(_) => 8,
            crate::plan::ExtraCriterion::SingleLayoff(_) => 9,
            crate::plan::ExtraCriterion::Indicator(_) => 10,
        }));
        out.push(usize::MAX);
    }
    out.extend(p.responses.iter().map(|r| r.measures.len()));
    out.extend([
        p.responses.len(),
        p.indicators.len(),
        p.units.len(),
        p.duties.len(),
        p.deadlines.len(),
        p.bulletin_fields.len(),
    ]);
    out
}

#[component]
pub fn PlanEditor() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let street = RwSignal::new(None::<String>);
    let plan = Memo::new(move |_| {
        street
            .get()
            .and_then(|s| store.street_plan(&s))
            .map_or_else(|| store.engine().shared_plan(), Arc::new)
    });
    let ed = Ed {
        store,
        street,
        plan,
        rev: RwSignal::new(0),
        outcome: RwSignal::new(None),
    };
    // Whose plan, whether the street has its own table, and the table's shape.
    let shape = Memo::new(move |_| {
        let st = street.get();
        let own = st
            .as_ref()
            .is_some_and(|s| store.engine().dataset().street_thresholds.contains_key(s));
        (st, own, plan.with(|p| shape(p)))
    });
    view! {
        <details class="plan-editor no-print" id="plan-editor">
            <summary>
                <h2 id="sec-plan-editor">{i18n.tr(Msg::PeTitle)}</h2>
            </summary>
            <p class="muted">{i18n.tr(Msg::PeHelp)}</p>
            <Whose ed=ed/>
            {move || {
                let (st, own, _) = shape.get();
                let lang = i18n.lang();
                let p = plan.get_untracked();
                let cx = Cx {
                    ed,
                    lang,
                    item: Text::default(),
                };
                // Plain lists of views: one render type for both branches.
                let views: Vec<AnyView> = match st {
                    None => vec![
                        levels::levels(&cx, &p),
                        criteria::indicators(&cx, &p),
                        response::response(&cx, &p),
                    ],
                    Some(s) => {
                        let note = if own { Msg::PeStreetOwn } else { Msg::PeStreetFollows };
                        let note = group("note pe-street-note", vec![note.text(lang).into_any()]);
                        let follow = own.then(|| {
                            let click = move |_| match store.set_street_thresholds(&s, false) {
                                Ok(()) => ed.saved(&Msg::PeStreetFollow.both(), false),
                                Err(e) => ed.outcome.set(Some(Err(e))),
                            };
                            view! {
                                <button type="button" id="pe-street-follow" on:click=click>
                                    {Msg::PeStreetFollow.text(lang)}
                                </button>
                            }
                            .into_any()
                        });
                        [Some(note), follow, Some(levels::levels(&cx, &p))]
                            .into_iter()
                            .flatten()
                            .collect()
                    }
                };
                views
            }}
            {move || {
                let lang = i18n.lang();
                ed.outcome
                    .get()
                    .map(|o| {
                        let (t, class, role) = match o {
                            Ok(t) => (t, "pe-outcome pb-ok", "status"),
                            Err(t) => (t, "pe-outcome pe-refused", "alert"),
                        };
                        view! {
                            <p id="pe-outcome" class=class role=role>
                                {t.get(lang).to_owned()}
                            </p>
                        }
                    })
            }}
        </details>
    }
}

/// The choice of whose plan the editor shows: the district's, or a street's (§9), marked where
/// the street has its own levels.
#[component]
fn Whose(ed: Ed) -> impl IntoView {
    let i18n = I18n::get();
    let store = ed.store;
    let options = move || {
        let lang = i18n.lang();
        let prepared = store.engine();
        let ds = prepared.dataset();
        let chosen = ed.street.get();
        let district = (String::new(), Msg::PeWhoseDistrict.text(lang).to_owned());
        let streets = ds.streets().map(|r| {
            let mark = if ds.street_thresholds.contains_key(&r.id) {
                Msg::PeOwnLevels.text(lang)
            } else {
                ""
            };
            (r.id.clone(), format!("{}{mark}", r.name_in(lang)))
        });
        std::iter::once(district)
            .chain(streets)
            .map(|(v, t)| {
                let on = chosen.as_deref().unwrap_or("") == v;
                view! { <option value=v selected=on>{t}</option> }
            })
            .collect_view()
    };
    let change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ed.outcome.set(None);
        ed.street.set((!v.is_empty()).then_some(v));
    };
    view! {
        <label class="pb-field pe-whose">
            {i18n.tr(Msg::PeWhose)}
            <select id="pe-whose" on:change=change>{options}</select>
        </label>
    }
}
