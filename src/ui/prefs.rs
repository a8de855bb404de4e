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

const GRID_STREET_KEY: &str = "uew.grid.street";

/// The street a clerk filtered the entry grid to (`None`: the whole district).
pub fn load_grid_street() -> Option<String> {
    LocalStorage::get::<String>(GRID_STREET_KEY).ok()
}

/// Remembers the grid's street filter; a failure only means it is not remembered.
pub fn save_grid_street(street: Option<&str>) {
    let _ = match street {
        Some(id) => LocalStorage::set(GRID_STREET_KEY, id),
        None => {
            LocalStorage::delete(GRID_STREET_KEY);
            Ok(())
        }
    };
}
