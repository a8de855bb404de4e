//! The operations on the response record, as a reducer: each [`Action`] is checked in full
//! first, then applied and written to the audit trail; a refused action changes nothing.

use crate::model::Scope;
use crate::plan::{DeadlineStart, Level, Plan};
use crate::response::audit::AuditEvent;
use crate::response::bulletin::{Bulletin, BulletinContent};
use crate::response::deadlines::schedule;
use crate::response::end::{EndCheck, EndEvaluation, EndRecord};
use crate::response::error::{Field, ResponseError};
use crate::response::later::{check_start, LaterData};
use crate::response::measures::{add_level, MeasureStatus};
use crate::response::procedure::{Basis, Procedure};
use crate::response::record::{
    ActivationRecord, Approval, LevelChange, Response, ResponseState, Stamp,
};
use crate::response::report::Report;
use crate::response::roster::{Post, Roster};
use crate::response::time::Timestamp;
use crate::rules::Evaluation;
use serde::{Deserialize, Serialize};

mod bulletins;
mod end;
mod hq;

/// What the office enters to start a response (§6.x-1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationRequest {
    pub level: Level,
    /// The commander who approved.
    pub approved_by: String,
    pub approved_at: Timestamp,
    /// When the level was reached: the §5.2 clocks start here.
    pub level_reached_at: Timestamp,
    /// When a sudden major event happened: the §5.3 clocks start here; `None` when the level
    /// was reached otherwise (e.g. by the rate over two months).
    pub event_time: Option<Timestamp>,
    /// A scenario's response.
    pub exercise: bool,
    /// The what-if scenario the response is exercised on (its evaluation rests on that
    /// scenario's hypothetical data); always an exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<ScenarioBasis>,
    /// The months after the basis month up to the latest month with data
    /// ([`LaterData::of`]); required for a real response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later: Option<LaterData>,
    /// Why a real response starts on a month before the latest month with data.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// The scenario an exercise response runs on: its id in the snapshot and its name when the
/// response started (the record reads the same if the scenario is renamed or deleted later).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioBasis {
    pub id: crate::scenario::ScenarioId,
    pub name: String,
}

/// A start with its basis and the procedure it runs under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activation {
    pub request: ActivationRequest,
    pub basis: Basis,
    pub procedure: Procedure,
}

/// What the office enters to change the level of the active response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelChangeRequest {
    pub to: Level,
    pub basis: Basis,
    pub approved_by: String,
    pub approved_at: Timestamp,
    /// When the new level was reached (§5.2 clocks on escalation start here).
    pub level_reached_at: Timestamp,
    pub reason: String,
    /// The months after the basis month up to the latest month with data
    /// ([`LaterData::of`]); required for a change of a real response, as for its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later: Option<LaterData>,
}

crate::tag_first_enum! {
    tag = "action", remote = "Action", twin = ActionIn;
    /// Every operation on the record.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Action {
        /// Start a response (build it with [`Action::activate`]).
        Activate(Box<Activation>),
        /// Escalate or de-escalate (build it with [`Action::change_level`]).
        ChangeLevel(Box<LevelChangeRequest>),
        SetHqMember {
            post: Post,
            name: String,
            contact: String,
        },
        /// Record a decision of the HQ.
        Decide {
            text: String,
        },
        SetMeasure {
            clause: String,
            status: MeasureStatus,
            owner: String,
            note: String,
        },
        /// Add a lower level's measures as a package (§6.1, §6.2).
        AddPackage {
            level: Level,
        },
        /// A clock's task was done at `at`.
        CompleteDeadline {
            id: u32,
            at: Timestamp,
        },
        DraftBulletin {
            content: Box<BulletinContent>,
        },
        /// Edit a draft; editing an approved one withdraws the approval.
        EditBulletin {
            id: u32,
            content: Box<BulletinContent>,
        },
        /// §5.4: the HQ approves.
        ApproveBulletin {
            id: u32,
            approved_by: String,
            approved_at: Timestamp,
        },
        /// Issue an approved bulletin. A real one needs `later` (the data after the month the
        /// level rests on) and, when those no longer support the level, a `reason`.
        IssueBulletin {
            id: u32,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            later: Option<LaterData>,
            #[serde(default, skip_serializing_if = "String::is_empty")]
            reason: String,
        },
        /// Draft a change of an issued bulletin (issued later as a CAP Update).
        UpdateBulletin {
            id: u32,
            content: Box<BulletinContent>,
        },
        /// Give up a draft before issue.
        WithdrawBulletin {
            id: u32,
        },
        /// Cancel an issued bulletin, with the HQ's approval (a CAP Cancel).
        CancelBulletin {
            id: u32,
            reason: String,
            approved_by: String,
            approved_at: Timestamp,
        },
        SaveReport {
            report: Box<Report>,
        },
        /// §7.2: the evaluation, on a met §7.1 check.
        RecordEndEvaluation {
            evaluation: Box<EndEvaluation>,
            check: EndCheck,
        },
        /// §7.2: the district government agrees.
        ApproveEnd {
            approved_by: String,
            approved_at: Timestamp,
        },
        /// §7.2: the city office approves.
        ApproveEndCity {
            approved_by: String,
            approved_at: Timestamp,
        },
        /// §7.3: reported to the HQ and every member unit notified.
        NotifyEnd,
        /// The response becomes read-only.
        Close,
    }
}

impl Action {
    /// A start on `evaluation` (the district's, in the month the level rests on), under
    /// `plan`; whether it is allowed is checked when applied.
    pub fn activate(plan: &Plan, evaluation: &Evaluation, request: ActivationRequest) -> Action {
        Action::Activate(Box::new(Activation {
            request,
            basis: Basis::of(evaluation),
            procedure: Procedure::from_plan(plan),
        }))
    }

    /// A level change on `evaluation`.
    pub fn change_level(
        evaluation: &Evaluation,
        to: Level,
        approved_by: &str,
        approved_at: Timestamp,
        level_reached_at: Timestamp,
        reason: &str,
    ) -> Action {
        Action::ChangeLevel(Box::new(LevelChangeRequest {
            to,
            basis: Basis::of(evaluation),
            approved_by: approved_by.to_owned(),
            approved_at,
            level_reached_at,
            reason: reason.to_owned(),
            later: None,
        }))
    }

    /// The same action with the data after its basis month, as they are now (a real start or
    /// level change needs them; other actions are returned unchanged).
    #[must_use]
    pub fn with_later(self, later: LaterData) -> Action {
        match self {
            Action::Activate(mut a) => {
                a.request.later = Some(later);
                Action::Activate(a)
            }
            Action::ChangeLevel(mut c) => {
                c.later = Some(later);
                Action::ChangeLevel(c)
            }
            other => other,
        }
    }
}

fn person(text: &str, what: Field) -> Result<String, ResponseError> {
    let t = text.trim();
    if t.is_empty() {
        Err(ResponseError::MissingPerson { what })
    } else {
        Ok(t.to_owned())
    }
}

fn not_after(t: Timestamp, at: Timestamp, what: Field) -> Result<(), ResponseError> {
    if t > at {
        Err(ResponseError::InFuture { what })
    } else {
        Ok(())
    }
}

fn approval(
    approved_by: &str,
    approved_at: Timestamp,
    at: Timestamp,
    by: &str,
) -> Result<Approval, ResponseError> {
    let who = person(approved_by, Field::Approver)?;
    not_after(approved_at, at, Field::ApprovalTime)?;
    Ok(Approval {
        by: who,
        at: approved_at,
        recorded_by: by.to_owned(),
        recorded_at: at,
    })
}

/// Own level first, then packages by level, the plan's order within a level.
fn sort_measures(r: &mut Response) {
    let level = r.level;
    crate::sort::sort_by_key(&mut r.measures, |m| {
        (u8::from(m.level != level), m.level.number())
    });
}

impl ResponseState {
    /// Applies `action`, recorded at `at` by `by`. On success the audit trail gains one entry;
    /// on refusal nothing changes.
    pub fn apply(&mut self, action: Action, at: Timestamp, by: &str) -> Result<(), ResponseError> {
        let by = person(by, Field::Actor)?;
        let (id, event) = match action {
            Action::Activate(a) => {
                if let Some(r) = self.active() {
                    return Err(ResponseError::AlreadyActive { id: r.id });
                }
                let id = self.responses.last().map_or(1, |r| r.id.saturating_add(1));
                let (response, event) = activate(id, *a, at, &by)?;
                self.responses.push(response);
                (id, event)
            }
            other => {
                let r = match self.responses.last_mut() {
                    None => return Err(ResponseError::NoResponse),
                    Some(r) if r.is_closed() => return Err(ResponseError::Closed { id: r.id }),
                    Some(r) => r,
                };
                let event = r.apply(other, at, &by)?;
                (r.id, event)
            }
        };
        self.push_audit(id, at, &by, event);
        Ok(())
    }
}

fn activate(
    id: u32,
    a: Activation,
    at: Timestamp,
    by: &str,
) -> Result<(Response, AuditEvent), ResponseError> {
    let req = a.request;
    a.basis.supports(req.level)?;
    let approved_by = person(&req.approved_by, Field::Approver)?;
    not_after(req.approved_at, at, Field::ApprovalTime)?;
    not_after(req.level_reached_at, at, Field::LevelReachedTime)?;
    if let Some(e) = req.event_time {
        not_after(e, at, Field::EventTime)?;
    }
    let level = req.level;
    let lp = a
        .procedure
        .level(level)
        .ok_or(ResponseError::UnknownLevel { level })?;
    let mut measures = Vec::new();
    add_level(&mut measures, lp);
    let mut next = 1;
    let mut deadlines = Vec::new();
    if let Some(e) = req.event_time {
        deadlines.extend(schedule(
            &a.procedure.deadlines,
            level,
            DeadlineStart::Event,
            e,
            &mut next,
        ));
    }
    deadlines.extend(schedule(
        &a.procedure.deadlines,
        level,
        DeadlineStart::LevelReached,
        req.level_reached_at,
        &mut next,
    ));
    let hq = Roster::for_level(&a.procedure.hq, level);
    // A response on a scenario is always an exercise.
    let exercise = req.exercise || req.scenario.is_some();
    let earlier_basis = if exercise {
        None
    } else {
        check_start(a.basis.month, req.later.as_ref(), &req.reason)?
    };
    let event = AuditEvent::Activated {
        level,
        exercise,
        scenario: req.scenario.as_ref().map(|b| b.name.clone()),
        approved_by: approved_by.clone(),
        approved_at: req.approved_at,
        earlier_basis: earlier_basis.clone(),
    };
    let response = Response {
        id,
        scope: Scope::District,
        level,
        exercise,
        scenario: req.scenario,
        activation: ActivationRecord {
            level,
            basis: a.basis,
            approved_by,
            approved_at: req.approved_at,
            level_reached_at: req.level_reached_at,
            event_time: req.event_time,
            recorded_by: by.to_owned(),
            recorded_at: at,
            earlier_basis,
        },
        procedure: a.procedure,
        hq,
        level_changes: Vec::new(),
        packages: Vec::new(),
        measures,
        deadlines,
        bulletins: Vec::new(),
        reports: Vec::new(),
        end: None,
    };
    Ok((response, event))
}

impl Response {
    /// The month the current level rests on.
    pub fn basis_month(&self) -> crate::month::Month {
        self.level_changes
            .last()
            .map_or(self.activation.basis.month, |c| c.basis.month)
    }

    fn bulletin_mut(&mut self, id: u32) -> Result<&mut Bulletin, ResponseError> {
        self.bulletins
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or(ResponseError::UnknownBulletin { id })
    }

    fn end_mut(&mut self) -> Result<&mut EndRecord, ResponseError> {
        self.end.as_mut().ok_or(ResponseError::EndNeedsEvaluation)
    }

    fn apply(
        &mut self,
        action: Action,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        match action {
            Action::Activate(_) => Err(ResponseError::AlreadyActive { id: self.id }),
            Action::ChangeLevel(c) => self.change_level(*c, at, by),
            Action::SetHqMember {
                post,
                name,
                contact,
            } => self.set_hq_member(post, name, contact),
            Action::Decide { text } => self.decide(text),
            Action::SetMeasure {
                clause,
                status,
                owner,
                note,
            } => self.set_measure(clause, status, owner, note, at),
            Action::AddPackage { level } => self.add_package(level),
            Action::CompleteDeadline { id, at: done } => self.complete_deadline(id, done, at, by),
            Action::DraftBulletin { content } => self.draft_bulletin(content, at, by),
            Action::EditBulletin { id, content } => self.edit_bulletin(id, content),
            Action::ApproveBulletin {
                id,
                approved_by,
                approved_at,
            } => self.approve_bulletin(id, approved_by, approved_at, at, by),
            Action::IssueBulletin { id, later, reason } => {
                self.issue_bulletin(id, later, reason, at, by)
            }
            Action::UpdateBulletin { id, content } => self.update_bulletin(id, content, at, by),
            Action::WithdrawBulletin { id } => self.withdraw_bulletin(id, at, by),
            Action::CancelBulletin {
                id,
                reason,
                approved_by,
                approved_at,
            } => self.cancel_bulletin(id, reason, approved_by, approved_at, at, by),
            Action::SaveReport { report } => self.save_report(*report, at, by),
            Action::RecordEndEvaluation { evaluation, check } => {
                self.record_end_evaluation(*evaluation, check, at, by)
            }
            Action::ApproveEnd {
                approved_by,
                approved_at,
            } => self.approve_end(approved_by, approved_at, at, by),
            Action::ApproveEndCity {
                approved_by,
                approved_at,
            } => self.approve_end_city(approved_by, approved_at, at, by),
            Action::NotifyEnd => self.notify_end(at, by),
            Action::Close => self.close(at, by),
        }
    }

    fn new_bulletin(
        &self,
        id: u32,
        content: BulletinContent,
        supersedes: Option<u32>,
        at: Timestamp,
        by: &str,
    ) -> Bulletin {
        Bulletin {
            id,
            level: self.level,
            exercise: self.exercise,
            content,
            supersedes,
            drafted: Stamp {
                at,
                by: by.to_owned(),
            },
            approval: None,
            issued: None,
            superseded_by: None,
            cancelled: None,
            withdrawn: None,
            earlier_basis: None,
        }
    }

    fn change_level(
        &mut self,
        c: LevelChangeRequest,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        if self.end.as_ref().is_some_and(|e| e.notice.is_some()) {
            return Err(ResponseError::EndAnnounced);
        }
        let from = self.level;
        if c.to == from {
            return Err(ResponseError::SameLevel { level: from });
        }
        c.basis.supports(c.to)?;
        let approved_by = person(&c.approved_by, Field::Approver)?;
        // A real response changes level on the latest data, or on an earlier month with a
        // recorded reason, exactly as it starts.
        let earlier_basis = if self.exercise {
            None
        } else {
            check_start(c.basis.month, c.later.as_ref(), &c.reason)?
        };
        not_after(c.approved_at, at, Field::ApprovalTime)?;
        not_after(c.level_reached_at, at, Field::LevelReachedTime)?;
        let target = self
            .procedure
            .level(c.to)
            .ok_or(ResponseError::UnknownLevel { level: c.to })?
            .clone();

        let hq_before = self.hq.clone();
        self.hq = self.hq.carried_into(&self.procedure.hq, c.to);
        // Items of levels the new one may not run are dropped if never begun; work begun stays.
        let allowed = |l: Level| l == c.to || target.may_add.contains(&l);
        self.measures
            .retain(|m| allowed(m.level) || m.status != MeasureStatus::NotStarted);
        add_level(&mut self.measures, &target);
        // The old level's measures become a package where the new level may add it.
        let mut packages: Vec<Level> = self
            .packages
            .iter()
            .copied()
            .filter(|p| target.may_add.contains(p))
            .collect();
        for m in &self.measures {
            if m.level != c.to && target.may_add.contains(&m.level) && !packages.contains(&m.level)
            {
                packages.push(m.level);
            }
        }
        crate::sort::sort_by_key(&mut packages, |l| l.number());
        self.packages = packages;
        // §5.2: reaching a more severe level starts its reporting clocks.
        if c.to > from {
            let mut next = self.next_deadline_id();
            let new = schedule(
                &self.procedure.deadlines,
                c.to,
                DeadlineStart::LevelReached,
                c.level_reached_at,
                &mut next,
            );
            self.deadlines.extend(new);
        }
        let end_reset = self.end.take().is_some();
        self.level = c.to;
        sort_measures(self);
        self.level_changes.push(LevelChange {
            from,
            to: c.to,
            basis: c.basis,
            approved_by: approved_by.clone(),
            approved_at: c.approved_at,
            level_reached_at: c.level_reached_at,
            reason: c.reason.trim().to_owned(),
            recorded_by: by.to_owned(),
            recorded_at: at,
            hq_before,
            earlier_basis: earlier_basis.clone(),
        });
        Ok(AuditEvent::LevelChanged {
            from,
            to: c.to,
            approved_by,
            approved_at: c.approved_at,
            end_reset,
            earlier_basis,
        })
    }
}
