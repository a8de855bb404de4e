//! Hash routing: `#/dashboard`, `#/data`, `#/scenarios`, `#/playbook`, `#/snapshots`, `#/plan`
//! (and `#share=…` links, which
//! open on the dashboard). A hash router works from any sub-path and any
//! static host without server rewrites, which a History-API router would need.

use crate::i18n::Msg;
use web_sys::window;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Data,
    Scenarios,
    Snapshots,
    Plan,
    Playbook,
}

impl Route {
    pub const ALL: [Route; 6] = [
        Route::Dashboard,
        Route::Data,
        Route::Scenarios,
        Route::Playbook,
        Route::Snapshots,
        Route::Plan,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Route::Dashboard => "#/dashboard",
            Route::Data => "#/data",
            Route::Scenarios => "#/scenarios",
            Route::Snapshots => "#/snapshots",
            Route::Plan => "#/plan",
            Route::Playbook => "#/playbook",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Route::Dashboard => Msg::NavDashboard,
            Route::Data => Msg::NavData,
            Route::Scenarios => Msg::NavScenarios,
            Route::Snapshots => Msg::NavSnapshots,
            Route::Plan => Msg::NavPlan,
            Route::Playbook => Msg::PbNav,
        }
    }

    /// `#/plan/sec-levels` routes to the plan; anything unknown to the dashboard.
    fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        Route::ALL
            .into_iter()
            .find(|r| {
                let p = r.hash().trim_start_matches('#');
                path == p || path.starts_with(&format!("{p}/"))
            })
            .unwrap_or(Route::Dashboard)
    }

    /// The route in the address bar now.
    pub fn current() -> Route {
        let hash = window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}
