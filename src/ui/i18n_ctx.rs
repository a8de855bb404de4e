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
}
