//! The response playbook page (§3, §4.4, §5.2–§5.4, §6, §7): the status of the response and
//! its start, the HQ, the measures, the reporting clocks, the bulletins, the analysis reports,
//! the end of the emergency and the audit trail, one section each.
//!
//! Every change goes through [`crate::response::ResponseState::apply`] via
//! [`Store::update_response`], recorded at the playbook's clock ([`clock::Clock`]) by the
//! name the user entered. A closed response, or a read-only workspace, shows everything and
//! offers no control.

mod activation;
mod audit;
mod bulletin;
pub(crate) mod clock;
mod deadlines;
mod document;
mod drafts;
mod end;
mod hq;
mod measures;
mod report;

use super::i18n_ctx::I18n;
use super::store::Store;
use super::widgets::{clause_tag, level_badge};
use crate::i18n::{Lang, Msg};
use crate::plan::{Plan, Text};
use crate::response::{
    prepared_basis, Phase, Response, ResponseError, ResponseState, ScenarioBasis, Timestamp,
};
use crate::rules::Prepared;
use clock::Clock;
pub use drafts::Drafts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the print area holds: a bulletin or an analysis report (saved, or just generated).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Doc {
    Bulletin { response: u32, id: u32 },
    SavedReport { response: u32, id: u32 },
    Report(Box<crate::response::Report>),
}

/// The outcome of the last action in a section: a confirmation or the refusal.
pub(crate) type Outcome = Option<Result<Text, Text>>;

/// The page's shared state.
#[derive(Clone, Copy)]
pub(crate) struct Pb {
    pub clock: Clock,
    /// Who records (remembered in browser storage).
    pub user: RwSignal<String>,
    /// The response shown: `None` is the active one, else the latest.
    pub viewing: RwSignal<Option<u32>>,
    /// The response shown, cloned from the snapshot.
    pub resp: Memo<Option<Response>>,
    /// Whether the shown response takes changes (open, and the workspace is writable).
    pub editable: Memo<bool>,
    pub doc: RwSignal<Option<Doc>>,
    /// What was typed in the one-form sections and not yet saved (outlives the page).
    pub drafts: Drafts,
}

impl Pb {
    pub fn get() -> Pb {
        expect_context::<Pb>()
    }

    /// Records a change to the shown response: refused without a name; otherwise `f` runs on
    /// the record at the clock's now, with the plan and data the response rests on (the real
    /// data, or its what-if scenario applied), and the section's outcome shows the
    /// confirmation or the refusal.
    pub fn run(
        self,
        out: RwSignal<Outcome>,
        done: Msg,
        f: impl FnOnce(&mut ResponseState, &Prepared, Timestamp, &str) -> Result<(), Text>,
    ) -> bool {
        let basis = self
            .resp
            .with_untracked(|r| r.as_ref().and_then(|r| r.scenario.clone()));
        self.run_on(out, done, basis, f)
    }

    /// As [`Pb::run`], on the given basis (a response being started).
    pub fn run_on(
        self,
        out: RwSignal<Outcome>,
        done: Msg,
        basis: Option<ScenarioBasis>,
        f: impl FnOnce(&mut ResponseState, &Prepared, Timestamp, &str) -> Result<(), Text>,
    ) -> bool {
        let by = self.user.get_untracked().trim().to_owned();
        if by.is_empty() {
            out.set(Some(Err(msg_text(Msg::PbNeedUser))));
            focus_id("pb-user");
            return false;
        }
        let now = self.clock.now_untracked();
        let r = Store::get().update_response(|s, base, scenarios| {
            let p = prepared_basis(base, scenarios, basis.as_ref())?;
            f(s, &p, now, &by)
        });
        match r {
            Ok(()) => {
                out.set(Some(Ok(msg_text(done))));
                true
            }
            Err(e) => {
                out.set(Some(Err(e)));
                false
            }
        }
    }
}

/// The inputs a response rests on, prepared ([`prepared_basis`] on the workspace): the
/// workspace's own engine for the real data. `tracked`: whether a memo or effect re-runs when
/// the data or the scenarios change.
pub(crate) fn on_workspace_basis(
    basis: Option<&ScenarioBasis>,
    tracked: bool,
) -> Result<Prepared, Text> {
    let store = Store::get();
    if tracked {
        let base = store.engine();
        store.scenarios(|sc| prepared_basis(&base, sc, basis))
    } else {
        let base = store.engine_untracked();
        store
            .snap
            .with_untracked(|s| prepared_basis(&base, &s.scenarios, basis))
    }
}

/// A message in both languages.
pub(crate) fn msg_text(m: Msg) -> Text {
    Text::new(m.text(Lang::Zh), m.text(Lang::En))
}

impl Pb {
    /// A time typed in a [`now_input`]: empty is the clock's now.
    pub fn time_or_now(self, text: &str, what: Msg) -> Result<Timestamp, Text> {
        if text.trim().is_empty() {
            Ok(self.clock.now_untracked())
        } else {
            parse_time(text, what)
        }
    }
}

/// A labelled time input that shows the clock's now until the user types a time (an empty
/// value is read as now, see [`Pb::time_or_now`]).
pub(crate) fn now_input(
    id: String,
    label: Msg,
    value: RwSignal<String>,
    disabled: Memo<bool>,
) -> impl IntoView {
    cst_input(id, label, value, disabled, true)
}

/// "：" in Chinese, ": " in English.
pub(crate) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// A refusal of the response core in both languages.
pub(crate) fn rerr(e: ResponseError) -> Text {
    Text {
        zh: e.message(Lang::Zh),
        en: e.message(Lang::En),
    }
}

/// A time typed as `YYYY-MM-DD HH:MM` (China Standard Time), or why not, naming the field.
pub(crate) fn parse_time(text: &str, what: Msg) -> Result<Timestamp, Text> {
    Timestamp::parse_cst(text).map_err(|e| Text {
        zh: format!("{}：{}", what.text(Lang::Zh), e.message(Lang::Zh)),
        en: format!("{}: {}", what.text(Lang::En), e.message(Lang::En)),
    })
}

/// The outcome line of a section (a refusal is an alert; a confirmation a status).
pub(crate) fn outcome_view(out: RwSignal<Outcome>) -> impl IntoView {
    let i18n = I18n::get();
    move || {
        let lang = i18n.lang();
        out.get().map(|r| match r {
            Ok(t) => view! { <p class="pb-ok" role="status">"✓ " {t.get(lang).to_owned()}</p> }
                .into_any(),
            Err(t) => view! { <p class="pb-error" role="alert">"⚠ " {t.get(lang).to_owned()}</p> }
                .into_any(),
        })
    }
}

/// A labelled text input bound to a signal.
pub(crate) fn text_input(
    id: String,
    label: Msg,
    value: RwSignal<String>,
    disabled: Memo<bool>,
) -> impl IntoView {
    let i18n = I18n::get();
    let for_id = id.clone();
    view! {
        <label class="pb-field" for=for_id>
            <span>{i18n.tr(label)}</span>
            <input
                id=id
                type="text"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                disabled=move || disabled.get()
            />
        </label>
    }
}

/// A labelled time input (`YYYY-MM-DD HH:MM`, China Standard Time).
pub(crate) fn time_input(
    id: String,
    label: Msg,
    value: RwSignal<String>,
    disabled: Memo<bool>,
) -> impl IntoView {
    cst_input(id, label, value, disabled, false)
}

/// The one time input: `follows_now` shows the clock's now while the field is empty.
fn cst_input(
    id: String,
    label: Msg,
    value: RwSignal<String>,
    disabled: Memo<bool>,
    follows_now: bool,
) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let for_id = id.clone();
    view! {
        <label class="pb-field pb-time" for=for_id>
            <span>{i18n.tr(label)} " (" {i18n.tr(Msg::PbCst)} ")"</span>
            <input
                id=id
                type="text"
                inputmode="numeric"
                placeholder="YYYY-MM-DD HH:MM"
                pattern="\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}"
                prop:value=move || {
                    let v = value.get();
                    if follows_now && v.trim().is_empty() { pb.clock.now().format_cst() } else { v }
                }
                on:input=move |ev| value.set(event_target_value(&ev))
                disabled=move || disabled.get()
            />
        </label>
    }
}

/// A labelled multi-line input.
pub(crate) fn area_input(
    id: String,
    label: String,
    value: RwSignal<String>,
    disabled: Memo<bool>,
    rows: u32,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="pb-field pb-area" for=for_id>
            <span>{label}</span>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                disabled=move || disabled.get()
            ></textarea>
        </label>
    }
}

/// An irreversible step asks first. The button (`id`, `class`) reveals in place what will happen
/// (`what`, with any field the step needs) and a confirm button (`id`-confirm, `class`-confirm),
/// which takes the focus; "back" or Esc leaves everything as it was and returns the focus.
#[allow(clippy::too_many_arguments)]
pub(crate) fn confirm_step(
    id: String,
    class: &'static str,
    label: Msg,
    confirm: Msg,
    primary: bool,
    disabled: Signal<bool>,
    what: Callback<Lang, AnyView>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::get();
    let armed = RwSignal::new(false);
    let confirm_id = format!("{id}-confirm");
    let panel_id = format!("{id}-ask");
    let first_id = id.clone();
    let back_to = StoredValue::new(id.clone());
    let to_confirm = StoredValue::new(confirm_id.clone());
    let arm = move |_| {
        armed.set(true);
        let c = to_confirm.get_value();
        request_animation_frame(move || focus_id(&c));
    };
    let disarm = move || {
        armed.set(false);
        let b = back_to.get_value();
        request_animation_frame(move || focus_id(&b));
    };
    let button_class = if primary {
        format!("pb-primary {class}")
    } else {
        class.to_owned()
    };
    view! {
        <button
            type="button"
            class=button_class
            id=first_id
            aria-expanded=move || armed.get().to_string()
            aria-controls=panel_id.clone()
            disabled=move || disabled.get()
            on:click=arm
        >
            {i18n.tr(label)}
        </button>
        <Show when=move || armed.get()>
            <div
                class="pb-confirm"
                id=panel_id.clone()
                role="group"
                aria-label=i18n.tr(Msg::PbConfirmWhat)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        disarm();
                    }
                }
            >
                <p class="pb-confirm-title"><strong>{i18n.tr(Msg::PbConfirmWhat)}</strong></p>
                <div class="pb-confirm-what">{move || what.run(i18n.lang())}</div>
                <div class="pb-actions">
                    <button
                        type="button"
                        class=format!("pb-primary {class}-confirm")
                        id=confirm_id.clone()
                        on:click=move |_| {
                            armed.set(false);
                            on_confirm.run(());
                        }
                    >
                        {i18n.tr(confirm)}
                    </button>
                    <button type="button" class="pb-confirm-back" on:click=move |_| disarm()>
                        {i18n.tr(Msg::PbConfirmBack)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// A confirmation's text: one message as a paragraph.
pub(crate) fn says(m: Msg) -> Callback<Lang, AnyView> {
    Callback::new(move |lang: Lang| view! { <p>{m.text(lang)}</p> }.into_any())
}

/// [`focus_id`] once what was just opened is drawn.
pub(crate) fn focus_later(id: &'static str) {
    request_animation_frame(move || focus_id(id));
}

pub(crate) fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The sections, in page order: element id and heading.
const SECTIONS: [(&str, Msg); 8] = [
    ("pb-status", Msg::PbSecStatus),
    ("pb-hq", Msg::PbSecHq),
    ("pb-measures", Msg::PbSecMeasures),
    ("pb-deadlines", Msg::PbSecDeadlines),
    ("pb-bulletins", Msg::PbSecBulletins),
    ("pb-reports", Msg::PbSecReports),
    ("pb-end", Msg::PbSecEnd),
    ("pb-audit", Msg::PbSecAudit),
];

#[component]
pub fn PlaybookView() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let clock = Clock::start();
    let user = RwSignal::new(clock::load(clock::USER_KEY).unwrap_or_default());
    let viewing = RwSignal::new(None::<u32>);
    let resp = Memo::new(move |_| {
        let v = viewing.get();
        store.response(|st| match v {
            Some(id) => st.response(id).cloned(),
            None => st.active().or_else(|| st.latest()).cloned(),
        })
    });
    let editable = Memo::new(move |_| {
        store.read_only.get().is_none()
            && resp.with(|r| r.as_ref().is_some_and(|r| r.phase() != Phase::Closed))
    });
    let doc = RwSignal::new(None::<Doc>);
    provide_context(Pb {
        clock,
        user,
        viewing,
        resp,
        editable,
        doc,
        drafts: Drafts::get(),
    });
    // While a document is open, printing this page prints that document only.
    Effect::new(move |_| {
        let open = doc.with(Option::is_some);
        set_root_class("pb-doc-open", open);
    });
    on_cleanup(|| set_root_class("pb-doc-open", false));

    view! {
        <div class="pb-page">
            <header class="page-head pb-head no-print">
                <h1>{i18n.tr(Msg::PbTitle)}</h1>
                <p class="muted">
                    {i18n.tr(Msg::PbIntro)} " " {clause_tag("§3.1")} " " {clause_tag("§5.2")}
                    " " {clause_tag("§5.4")} " " {clause_tag("§6")} " " {clause_tag("§7")}
                </p>
            </header>
            <nav class="toc no-print" aria-label=i18n.tr(Msg::PbSections)>
                {SECTIONS
                    .into_iter()
                    .map(|(id, label)| {
                        view! {
                            <a
                                href=format!("#/playbook/{id}")
                                on:click=move |e| {
                                    e.prevent_default();
                                    focus_id(id);
                                }
                            >
                                {i18n.tr(label)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <ClockBar/>
            <activation::StatusSection/>
            <hq::HqSection/>
            <measures::MeasuresSection/>
            <deadlines::DeadlinesSection/>
            <bulletin::BulletinsSection/>
            <report::ReportsSection/>
            <end::EndSection/>
            <audit::AuditSection/>
            <document::PrintArea/>
        </div>
    }
}

fn set_root_class(class: &str, on: bool) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let list = el.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Who records, and the clock: "now" in China Standard Time, the drill clock and its notice.
#[component]
fn ClockBar() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let clock_text = RwSignal::new(
        pb.clock
            .fixed
            .get_untracked()
            .map(Timestamp::format_cst)
            .unwrap_or_default(),
    );
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let save_user = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        pb.user.set(v.clone());
        let t = v.trim();
        let r = clock::save(clock::USER_KEY, (!t.is_empty()).then_some(t));
        if let Err(e) = r {
            out.set(Some(Err(Text::new(&e, &e))));
        }
    };
    let set_clock = move |_| {
        let t = clock_text.get_untracked();
        match parse_time(&t, Msg::PbDrillClock) {
            Ok(ts) => {
                let r = pb.clock.set_fixed(Some(ts));
                clock_text.set(ts.format_cst());
                out.set(Some(match r {
                    Ok(()) => Ok(msg_text(Msg::PbDrillClockSet)),
                    Err(e) => Err(Text::new(&e, &e)),
                }));
            }
            Err(e) => out.set(Some(Err(e))),
        }
    };
    let clear_clock = move |_| {
        let r = pb.clock.set_fixed(None);
        clock_text.set(String::new());
        out.set(Some(match r {
            Ok(()) => Ok(msg_text(Msg::PbDrillClockCleared)),
            Err(e) => Err(Text::new(&e, &e)),
        }));
    };
    view! {
        <section class="pb-clockbar no-print" aria-label=i18n.tr(Msg::PbClockAndUser)>
            <div class="pb-now">
                <span class="muted">{i18n.tr(Msg::PbNow)}</span>
                " "
                <strong id="pb-now" class="num">{move || pb.clock.now().format_cst()}</strong>
                " " {i18n.tr(Msg::PbCst)}
            </div>
            <Show when=move || pb.clock.fixed.get().is_some()>
                <p class="pb-drill-notice" role="status" id="pb-drill-notice">
                    {i18n.tr(Msg::PbDrillClockOn)}
                </p>
            </Show>
            <div class="pb-row">
                <label class="pb-field" for="pb-user">
                    <span>{i18n.tr(Msg::PbUser)}</span>
                    <input
                        id="pb-user"
                        type="text"
                        autocomplete="name"
                        prop:value=move || pb.user.get()
                        on:change=save_user
                        on:input=move |ev| pb.user.set(event_target_value(&ev))
                    />
                </label>
                <Show when=move || pb.user.with(|u| u.trim().is_empty())>
                    <p class="pb-hint">{i18n.tr(Msg::PbNeedUser)}</p>
                </Show>
                <details class="pb-drill">
                    <summary>{i18n.tr(Msg::PbDrillClock)}</summary>
                    <p class="muted">{i18n.tr(Msg::PbDrillClockHelp)}</p>
                    <div class="pb-row">
                        {time_input("pb-clock".into(), Msg::PbDrillClock, clock_text, Memo::new(|_| false))}
                        <button type="button" id="pb-clock-set" on:click=set_clock>
                            {i18n.tr(Msg::PbDrillClockApply)}
                        </button>
                        <button
                            type="button"
                            on:click=clear_clock
                            disabled=move || pb.clock.fixed.get().is_none()
                        >
                            {i18n.tr(Msg::PbDrillClockClear)}
                        </button>
                    </div>
                </details>
            </div>
            {outcome_view(out)}
        </section>
    }
}

/// The header line of a section: its heading with the clauses, and the response's level.
pub(crate) fn section_head(title: Msg, clauses: &'static [&'static str]) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    view! {
        <h2>
            {i18n.tr(title)} " "
            {clauses.iter().map(|c| view! { {clause_tag(c)} " " }).collect_view()}
            {move || {
                let lang = i18n.lang();
                pb.resp
                    .with(|r| r.as_ref().map(|r| (r.level, r.phase() == Phase::Closed)))
                    .map(|(level, closed)| {
                        view! {
                            <span class="pb-head-level">
                                {level_badge(level, lang)}
                                {closed.then(|| view! { " " <span class="pb-closed-tag">{Msg::PbClosedTag.text(lang)}</span> })}
                            </span>
                        }
                    })
            }}
        </h2>
    }
}

/// "No response" in place of a section's body.
pub(crate) fn none_yet(lang: Lang) -> AnyView {
    view! { <p class="muted pb-none">{Msg::PbNoResponse.text(lang)}</p> }.into_any()
}

/// The plan's name of a unit id (the id itself when unknown).
pub(crate) fn unit_name(plan: &Plan, id: &str, lang: Lang) -> String {
    plan.unit(id)
        .map(|u| u.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

/// Formats an optional time.
pub(crate) fn opt_time(t: Option<Timestamp>) -> String {
    t.map(Timestamp::format_cst).unwrap_or_else(|| "—".into())
}
