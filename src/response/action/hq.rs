//! The HQ's steps on a response: seats (§3.1), decisions, measures (§6), packages of a lower
//! level's measures, and the deadlines' completion (§5.2, §5.3).

use super::{add_level, not_after, sort_measures};
use crate::plan::Level;
use crate::response::audit::AuditEvent;
use crate::response::deadlines::Completion;
use crate::response::error::{Field, ResponseError};
use crate::response::measures::MeasureStatus;
use crate::response::record::Response;
use crate::response::roster::Post;
use crate::response::time::{Countdown, Timestamp};

impl Response {
    pub(super) fn set_hq_member(
        &mut self,
        post: Post,
        name: String,
        contact: String,
    ) -> Result<AuditEvent, ResponseError> {
        let seat = self.hq.seat_mut(&post).ok_or(ResponseError::UnknownPost)?;
        seat.name = name.trim().to_owned();
        seat.contact = contact.trim().to_owned();
        let name = seat.name.clone();
        let unit = match &post {
            Post::Member(u) => self.procedure.hq.member_name(u).cloned(),
            _ => None,
        };
        Ok(AuditEvent::HqMemberSet { post, name, unit })
    }

    pub(super) fn decide(&mut self, text: String) -> Result<AuditEvent, ResponseError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ResponseError::MissingText {
                what: Field::Decision,
            });
        }
        Ok(AuditEvent::Decision {
            text: text.to_owned(),
        })
    }

    pub(super) fn set_measure(
        &mut self,
        clause: String,
        status: MeasureStatus,
        owner: String,
        note: String,
        at: Timestamp,
    ) -> Result<AuditEvent, ResponseError> {
        let item = self
            .measures
            .iter_mut()
            .find(|m| m.clause == clause)
            .ok_or(ResponseError::UnknownMeasure { clause })?;
        item.set_status(status, at);
        item.owner = owner.trim().to_owned();
        item.note = note.trim().to_owned();
        Ok(AuditEvent::MeasureUpdated {
            clause: item.clause.clone(),
            status,
            owner: item.owner.clone(),
        })
    }

    pub(super) fn add_package(&mut self, level: Level) -> Result<AuditEvent, ResponseError> {
        let current = self.level;
        let allowed = self
            .procedure
            .level(current)
            .is_some_and(|l| l.may_add.contains(&level));
        if !allowed {
            return Err(ResponseError::PackageNotAllowed {
                package: level,
                level: current,
            });
        }
        if self.packages.contains(&level) {
            return Err(ResponseError::PackageAlreadyAdded { package: level });
        }
        let package = self
            .procedure
            .level(level)
            .ok_or(ResponseError::UnknownLevel { level })?
            .clone();
        add_level(&mut self.measures, &package);
        self.packages.push(level);
        crate::sort::sort_by_key(&mut self.packages, |l| l.number());
        sort_measures(self);
        Ok(AuditEvent::PackageAdded { level })
    }

    pub(super) fn complete_deadline(
        &mut self,
        id: u32,
        done: Timestamp,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let d = self
            .deadlines
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(ResponseError::UnknownDeadline { id })?;
        if d.completed.is_some() {
            return Err(ResponseError::DeadlineAlreadyCompleted { id });
        }
        not_after(done, at, Field::CompletionTime)?;
        if done < d.from {
            return Err(ResponseError::BeforeStart {
                what: Field::CompletionTime,
            });
        }
        d.completed = Some(Completion {
            at: done,
            recorded_by: by.to_owned(),
            recorded_at: at,
        });
        let late_minutes = match Countdown::until(done, d.due) {
            Countdown::Overdue { minutes } => Some(minutes),
            Countdown::Left { .. } => None,
        };
        Ok(AuditEvent::DeadlineCompleted {
            id,
            deadline: d.deadline.clone(),
            clause: d.clause.clone(),
            done_at: done,
            late_minutes,
        })
    }
}
