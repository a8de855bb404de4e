//! The current language as a reactive context.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// The language signal, provided once by the app shell.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn get() -> I18n {
        expect_context::<I18n>()
    }

    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// A message in the current language (tracks the language signal).
    pub fn t(self, m: Msg) -> &'static str {
        m.text(self.0.get())
    }

    /// The reactive text of a message for a view: one closure type for every message, so the
    /// view code that renders and updates such a text is compiled once, not once per message.
    pub fn tr(self, m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(m)
    }
}
