//! What was typed in the HQ and measures sections but not yet saved, kept outside the page so
//! that leaving the response page and coming back finds it as it was (and never in the
//! workspace: a draft is not a record until the section is saved).

use crate::response::{MeasureStatus, Post};
use leptos::prelude::*;

/// A seat's typed name and contact.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SeatDraft {
    pub post: Post,
    pub name: String,
    pub contact: String,
}

/// A measure's chosen status and typed owner and note.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MeasureDraft {
    pub status: MeasureStatus,
    pub owner: String,
    pub note: String,
}

/// A section's unsaved rows: (response id, row key, typed values). A row whose typed values
/// equal the stored ones is no draft. A list, not a map: a section has a few dozen rows, and a
/// map's code would weigh on the download for nothing.
pub(crate) type Rows<T> = RwSignal<Vec<(u32, String, T)>>;

/// The unsaved rows of every section, provided by the app shell so they outlive the page.
#[derive(Clone, Copy)]
pub struct Drafts {
    pub(crate) hq: Rows<SeatDraft>,
    pub(crate) measures: Rows<MeasureDraft>,
}

impl Drafts {
    pub fn new() -> Drafts {
        Drafts {
            hq: RwSignal::new(Vec::new()),
            measures: RwSignal::new(Vec::new()),
        }
    }

    /// The app's drafts (a page shown on its own gets its own).
    pub(crate) fn get() -> Drafts {
        use_context::<Drafts>().unwrap_or_default()
    }
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts::new()
    }
}

/// Sets a row's draft to `value`, or drops it when `value` is what is stored.
pub(crate) fn set_row<T: PartialEq + Send + Sync + 'static>(
    rows: Rows<T>,
    (rid, key): (u32, String),
    value: T,
    stored: &T,
) {
    rows.update(|m| {
        m.retain(|(r, k, _)| !(*r == rid && *k == key));
        if value != *stored {
            m.push((rid, key, value));
        }
    });
}

/// The draft of one row, if any.
pub(crate) fn row<T: Clone + Send + Sync + 'static>(
    rows: Rows<T>,
    rid: u32,
    key: &str,
) -> Option<T> {
    rows.with(|m| {
        m.iter()
            .find(|(r, k, _)| *r == rid && k == key)
            .map(|(_, _, v)| v.clone())
    })
}

/// The unsaved rows of response `rid`.
pub(crate) fn of_response<T: Clone + Send + Sync + 'static>(
    rows: Rows<T>,
    rid: u32,
) -> Vec<(String, T)> {
    rows.with(|m| {
        m.iter()
            .filter(|(r, _, _)| *r == rid)
            .map(|(_, k, v)| (k.clone(), v.clone()))
            .collect()
    })
}

/// Forgets the unsaved rows of response `rid` (saved, or discarded).
pub(crate) fn clear<T: Send + Sync + 'static>(rows: Rows<T>, rid: u32) {
    rows.update(|m| m.retain(|(r, _, _)| *r != rid));
}
