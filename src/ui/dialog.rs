//! The app's one in-page dialog, instead of the browser's `prompt()` and `confirm()` (blocked
//! or unstyled on some locked-down office browsers, untranslatable, no validation while
//! typing). One dialog at a time, hosted once by the shell ([`DialogHost`]); a view opens it
//! with [`Dialogs::open`]. Keyboard: Enter confirms, Esc cancels, Tab stays inside; the focus
//! goes back to the control that opened it.

use super::i18n_ctx::I18n;
use crate::i18n::Msg;
use crate::plan::Text;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Checks the text typed so far; `Err` is shown under the field and disables confirming.
pub type Validate = Rc<dyn Fn(&str) -> Result<(), Text>>;

/// What a dialog asks.
#[derive(Clone)]
pub struct DialogSpec {
    pub title: Text,
    pub message: Option<Text>,
    /// `Some(initial text)`: a text field (trimmed when confirmed); `None`: a confirmation.
    pub input: Option<String>,
    pub validate: Option<Validate>,
    pub ok: Msg,
    /// A destructive action: the confirm button is styled as such.
    pub danger: bool,
    /// Where the focus goes back to (a CSS selector), when the opener is re-rendered meanwhile.
    pub return_to: Option<String>,
    /// Called with the field's text (empty for a confirmation) when confirmed.
    pub on_ok: Rc<dyn Fn(String)>,
}

/// The dialog context.
#[derive(Clone, Copy)]
pub struct Dialogs {
    current: RwSignal<Option<DialogSpec>, LocalStorage>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn focus(el: Option<web_sys::Element>) -> bool {
    el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

impl Dialogs {
    pub fn provide() -> Dialogs {
        let d = Dialogs {
            current: RwSignal::new_local(None),
            opener: StoredValue::new_local(None),
        };
        provide_context(d);
        d
    }

    pub fn get() -> Dialogs {
        expect_context::<Dialogs>()
    }

    /// Shows `spec`, remembering the focused control to return to.
    pub fn open(&self, spec: DialogSpec) {
        let active = document()
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        self.opener.set_value(active);
        self.current.set(Some(spec));
    }

    fn close(&self, return_to: Option<String>) {
        self.current.set(None);
        let opener = self.opener.get_value();
        // After the views have re-rendered: the opener may have been replaced.
        request_animation_frame(move || {
            let by_selector = return_to
                .as_deref()
                .and_then(|s| document().and_then(|d| d.query_selector(s).ok().flatten()));
            if !focus(by_selector) {
                if let Some(el) = opener {
                    let _ = el.focus();
                }
            }
        });
    }
}

/// The focusable controls of the dialog, in order.
fn focusables() -> Vec<web_sys::HtmlElement> {
    let Some(list) = document().and_then(|d| {
        d.query_selector_all("#dialog input, #dialog button:not([disabled])")
            .ok()
    }) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Keeps Tab and Shift+Tab inside the dialog.
fn trap_tab(ev: &web_sys::KeyboardEvent) {
    let items = focusables();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().and_then(|d| d.active_element());
    let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref());
    let inside = items.iter().any(at);
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Mounted once by the shell: the open dialog, if any.
#[component]
pub fn DialogHost() -> impl IntoView {
    let dialogs = Dialogs::get();
    move || {
        dialogs
            .current
            .get()
            .map(|spec| view! { <DialogBox spec=spec dialogs=dialogs/> })
    }
}

#[component]
fn DialogBox(spec: DialogSpec, dialogs: Dialogs) -> impl IntoView {
    let i18n = I18n::get();
    let has_input = spec.input.is_some();
    let value = RwSignal::new(spec.input.clone().unwrap_or_default());
    // The check is a local closure (`Rc`), so the error is derived by a plain closure.
    let validate = StoredValue::new_local(spec.validate.clone());
    let error = move || {
        let v = value.get();
        validate.with_value(|f| f.as_ref().and_then(|f| f(v.trim()).err()))
    };
    let invalid = move || error().is_some();
    let return_to = spec.return_to.clone();
    let cancel = {
        let return_to = return_to.clone();
        move || dialogs.close(return_to.clone())
    };
    let confirm = {
        let on_ok = spec.on_ok.clone();
        let return_to = return_to.clone();
        move || {
            if untrack(error).is_some() {
                return;
            }
            let text = value.get_untracked().trim().to_owned();
            dialogs.close(return_to.clone());
            on_ok(text);
        }
    };
    let keydown = {
        let cancel = cancel.clone();
        let confirm = confirm.clone();
        move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                cancel();
            }
            "Enter" => {
                // Enter on the cancel button cancels; anywhere else it confirms.
                let on_cancel = document()
                    .and_then(|d| d.active_element())
                    .is_some_and(|e| e.id() == "dialog-cancel");
                ev.prevent_default();
                if on_cancel {
                    cancel();
                } else {
                    confirm();
                }
            }
            "Tab" => trap_tab(&ev),
            _ => {}
        }
    };
    request_animation_frame(move || {
        let d = document();
        let target = if has_input {
            d.and_then(|d| d.get_element_by_id("dialog-input"))
        } else {
            d.and_then(|d| d.get_element_by_id("dialog-ok"))
        };
        if let Some(input) = target
            .clone()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
        focus(target);
    });
    let title = spec.title.clone();
    let message = spec.message.clone();
    let ok = spec.ok;
    let ok_class = if spec.danger { "danger" } else { "primary" };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" id="dialog" role="dialog" aria-modal="true"
                aria-labelledby="dialog-title" aria-describedby="dialog-message"
                on:keydown=keydown>
                <h2 id="dialog-title">{move || title.get(i18n.lang()).to_owned()}</h2>
                {message.map(|m| view! {
                    <p id="dialog-message">{move || m.get(i18n.lang()).to_owned()}</p>
                })}
                {has_input.then(|| view! {
                    <input id="dialog-input" type="text" autocomplete="off"
                        aria-labelledby="dialog-title"
                        aria-invalid=move || if invalid() { "true" } else { "false" }
                        aria-describedby="dialog-error"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                    <p id="dialog-error" class="field-error" role="alert">
                        {move || error().map(|t| t.get(i18n.lang()).to_owned())}
                    </p>
                })}
                <div class="dialog-buttons">
                    <button type="button" id="dialog-cancel" on:click={
                        let cancel = cancel.clone();
                        move |_| cancel()
                    }>{i18n.tr(Msg::Cancel)}</button>
                    <button type="button" id="dialog-ok" class=ok_class
                        disabled=invalid on:click=move |_| confirm()>
                        {i18n.tr(ok)}
                    </button>
                </div>
            </div>
        </div>
    }
}
