//! "Now" for the playbook, and who records: the browser's clock, or a fixed exercise/drill
//! clock kept in browser storage (`uew.clock`, `YYYY-MM-DD HH:MM` China Standard Time); the
//! name of the person recording (`uew.user`). Countdowns refresh every 30 seconds.

use crate::response::Timestamp;
use leptos::prelude::*;
use std::time::Duration;

pub const CLOCK_KEY: &str = "uew.clock";
pub const USER_KEY: &str = "uew.user";
const TICK: Duration = Duration::from_secs(30);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A stored text; a JSON string (as gloo-storage writes it) is unquoted.
pub fn load(key: &str) -> Option<String> {
    let raw = storage()?.get_item(key).ok()??;
    let t = raw.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(t)
        .trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Stores `value` under `key` (`None` removes it).
pub fn save(key: &str, value: Option<&str>) -> Result<(), String> {
    let s = storage().ok_or_else(|| "no browser storage".to_owned())?;
    match value {
        Some(v) => s.set_item(key, v),
        None => s.remove_item(key),
    }
    .map_err(|e| crate::ui::persist::js_message(&e))
}

/// The playbook's clock: the system time, unless a fixed drill clock is set.
#[derive(Clone, Copy)]
pub struct Clock {
    pub fixed: RwSignal<Option<Timestamp>>,
    tick: RwSignal<u64>,
}

impl Clock {
    /// Reads the stored drill clock and starts the 30-second refresh (stopped on cleanup).
    pub fn start() -> Clock {
        let fixed = RwSignal::new(load(CLOCK_KEY).and_then(|t| Timestamp::parse_cst(&t).ok()));
        let tick = RwSignal::new(0u64);
        if let Ok(h) =
            set_interval_with_handle(move || tick.update(|t| *t = t.wrapping_add(1)), TICK)
        {
            on_cleanup(move || h.clear());
        }
        Clock { fixed, tick }
    }

    fn system() -> Timestamp {
        let seconds = (js_sys::Date::now() / 1000.0).floor();
        Timestamp::from_unix_seconds(seconds as i64).unwrap_or(Timestamp::MIN)
    }

    /// Now as the playbook records it (the stored drill clock, else the system time), for a
    /// change recorded from another page (a plan edit during a response).
    pub fn now_stored() -> Timestamp {
        load(CLOCK_KEY)
            .and_then(|t| Timestamp::parse_cst(&t).ok())
            .unwrap_or_else(Clock::system)
    }

    /// Now; tracked, so a view showing a countdown refreshes with the tick.
    pub fn now(self) -> Timestamp {
        self.tick.track();
        self.fixed.get().unwrap_or_else(Clock::system)
    }

    /// Now, without tracking (for recording an action).
    pub fn now_untracked(self) -> Timestamp {
        self.fixed.get_untracked().unwrap_or_else(Clock::system)
    }

    /// Sets (or with `None` clears) the drill clock and remembers it.
    pub fn set_fixed(self, t: Option<Timestamp>) -> Result<(), String> {
        let text = t.map(Timestamp::format_cst);
        let r = save(CLOCK_KEY, text.as_deref());
        self.fixed.set(t);
        r
    }
}
