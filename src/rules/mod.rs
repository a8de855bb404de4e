//! The rules engine: §5.1 warning levels of a scope (the district or a street) in a month,
//! exact at every boundary, with evidence, "insufficient data" where a missing month could
//! change the result, and a timeline. Pure: the month is an argument; nothing reads a clock.
//!
//! Entry points:
//! - [`evaluate`] / [`Engine::evaluate`]: one scope, one month, full [`Evaluation`] (evidence,
//!   distances to the next level);
//! - [`timeline`] / [`Engine::timeline`]: one scope over a range, a [`Timeline`] of
//!   [`MonthSummary`]s with transitions and runs, computed in one streaming pass.
//!
//! Build an [`Engine`] once per (plan, dataset) when evaluating several scopes or months; the
//! free functions build one per call. The interpretive parameters and their defaults are in
//! `docs/rules.md`.

mod cells;
mod engine;
mod evaluate;
mod event_evidence;
mod events;
mod evidence;
mod extra;
mod fast;
mod incremental;
mod limits;
mod lookup;
mod prepared;
mod rate_evidence;
mod series;
mod status;
mod timeline;
mod tree;

pub use engine::{builds as engine_builds, Engine};
pub use events::EventFigures;
pub use evidence::{
    CityInForce, ClosureCheck, ClosureEvidence, ClosureGap, ClosureRef, EnterpriseLayoffs,
    Evaluation, ExtraCheck, ExtraDetail, ExtraEvidence, IndicatorMonth, LayoffCheck,
    LayoffEvidence, LayoffGap, LayoffRef, MonthRate, PendingSpecial, RateCheck, RateEvidence,
    RateGap, RateSource, SeriesCheck, SeriesEvidence, SpecialInForce, Window,
};
pub use fast::MAX_HISTORY;
pub use incremental::{preparations as engine_preparations, updates as engine_updates, Touched};
pub use limits::{ThresholdsUsed, MAX_MONTHS};
pub use prepared::{Inputs, Prepared};
pub use series::EventMonth;
pub use status::{Check, Decider, MonthSummary, Series, Status};
pub use timeline::{Run, Timeline, TimelineMonth, Transition, TransitionKind};

use crate::model::{Dataset, Scope};
use crate::month::Month;
use crate::plan::Plan;

/// Evaluates `scope` in `month` with full evidence.
pub fn evaluate(plan: &Plan, data: &Dataset, scope: &Scope, month: Month) -> Evaluation {
    Engine::new(plan, data).evaluate(scope, month)
}

/// The levels of `scope` for every month of `from..=to`.
pub fn timeline(plan: &Plan, data: &Dataset, scope: &Scope, from: Month, to: Month) -> Timeline {
    Engine::new(plan, data).timeline(scope, from, to)
}
