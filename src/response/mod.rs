//! The response playbook (§3, §4.4, §5.2–§5.4, §6, §7): starting a response on the commander's
//! approval, its HQ, measures, reporting clocks, bulletins (with CAP 1.2 export), analysis
//! reports, the end of the emergency, and an append-only audit trail.
//!
//! Pure: no clock is read (every operation gets its time), no I/O, no UI types; it runs natively
//! and in WebAssembly. The state ([`ResponseState`]) is plain serde data, changed only through
//! [`ResponseState::apply`], a reducer that refuses invalid actions with a bilingual message.
//! The procedure as implemented, clause by clause, is described in `docs/playbook.md`.
//!
//! Modules: [`time`] (instants in China Standard Time, countdowns), [`procedure`] (the plan
//! extract a response runs under, the basis of a level, the §3.1/§6 rules), [`roster`] (the HQ,
//! §3.1), [`measures`] (the checklist, §6), [`deadlines`] (§5.2, §5.3), [`bulletin`] (§5.4),
//! [`cap`] (CAP 1.2 XML), [`report`] (§4.4), [`end`] (§7), [`record`] (the response record and
//! state), [`action`] (the reducer), [`audit`] (the trail) and [`error`] (the refusals).

pub mod action;
pub mod audit;
pub mod basis;
pub mod bulletin;
pub mod cap;
pub mod deadlines;
pub mod end;
pub mod error;
pub mod later;
pub mod measures;
pub mod procedure;
pub mod record;
pub mod report;
pub mod roster;
pub mod time;

pub use action::{Action, Activation, ActivationRequest, LevelChangeRequest, ScenarioBasis};
pub use audit::{AuditEntry, AuditEvent};
pub use basis::prepared_basis;
pub use bulletin::{draft_bulletin, Bulletin, BulletinContent, BulletinFields, BulletinStatus};
pub use cap::{cap_envelope, cap_xml, CapEnvelope, CapId, CapMsgType, CapReference, CapStatus};
pub use deadlines::{DeadlineItem, DeadlineState};
pub use end::{end_conditions, EndCheck, EndEvaluation, DEFAULT_END_MONTHS};
pub use error::{EndField, ResponseError};
pub use later::{EarlierBasis, LaterData, LaterMonth};
pub use measures::{MeasureItem, MeasureStatus, Progress};
pub use procedure::{activatable_level, start_procedure, Basis, Procedure};
pub use record::{Phase, Response, ResponseState};
pub use report::{analysis_report, Period, Report, ReportInput};
pub use roster::{Post, Roster, Seat};
pub use time::{Countdown, Timestamp};

#[cfg(test)]
mod tests;
