//! Hash routing: `#/plan`, … . A hash router works from any sub-path and any static host without
//! server rewrites, which a History-API router would need.

use web_sys::window;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Plan,
}

impl Route {
    pub const ALL: [Route; 1] = [Route::Plan];

    pub fn hash(self) -> &'static str {
        match self {
            Route::Plan => "#/plan",
        }
    }

    fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        match path {
            "/plan" => Route::Plan,
            _ => Route::Plan,
        }
    }

    /// The route in the address bar now.
    pub fn current() -> Route {
        let hash = window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}
