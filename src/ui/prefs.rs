//! User preferences kept in browser storage. Failures are reported, never fatal.
//!
//! Plain `localStorage` texts through the playbook's small reader (which also reads the
//! JSON-quoted form earlier versions wrote).

use super::playbook::clock;
use crate::i18n::Lang;

const LANG_KEY: &str = "uew.lang";

/// The remembered language; `None` when nothing is stored (or storage is unavailable).
pub fn load_lang() -> Option<Lang> {
    clock::load(LANG_KEY).and_then(|tag| Lang::from_tag(&tag))
}

pub fn save_lang(lang: Lang) -> Result<(), String> {
    clock::save(LANG_KEY, Some(lang.tag()))
}

const GRID_STREET_KEY: &str = "uew.grid.street";

/// The street a clerk filtered the entry grid to (`None`: the whole district).
pub fn load_grid_street() -> Option<String> {
    clock::load(GRID_STREET_KEY)
}

/// Remembers the grid's street filter; a failure only means it is not remembered.
pub fn save_grid_street(street: Option<&str>) {
    let _ = clock::save(GRID_STREET_KEY, street);
}
