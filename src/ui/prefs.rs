//! User preferences kept in browser storage. Failures are reported, never fatal.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

const LANG_KEY: &str = "uew.lang";

/// The remembered language; `None` when nothing is stored (or storage is unavailable).
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|tag| Lang::from_tag(&tag))
}

pub fn save_lang(lang: Lang) -> Result<(), String> {
    LocalStorage::set(LANG_KEY, lang.tag()).map_err(|e| e.to_string())
}
