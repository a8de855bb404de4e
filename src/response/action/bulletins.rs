//! The bulletin's steps (§5.4): draft, edit, approve, issue (with the later-data check of a
//! real one), update, withdraw and cancel.

use super::approval;
use crate::response::audit::AuditEvent;
use crate::response::bulletin::{BulletinContent, BulletinStatus, Cancellation};
use crate::response::error::{Field, ResponseError};
use crate::response::later::{check_issue, LaterData};
use crate::response::record::{Response, Stamp};
use crate::response::time::Timestamp;

impl Response {
    pub(super) fn draft_bulletin(
        &mut self,
        content: Box<BulletinContent>,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let id = self.next_bulletin_id();
        self.bulletins
            .push(self.new_bulletin(id, *content, None, at, by));
        Ok(AuditEvent::BulletinDrafted {
            id,
            supersedes: None,
        })
    }

    pub(super) fn edit_bulletin(
        &mut self,
        id: u32,
        content: Box<BulletinContent>,
    ) -> Result<AuditEvent, ResponseError> {
        let level = self.level;
        let b = self.bulletin_mut(id)?;
        if !matches!(b.status(), BulletinStatus::Draft | BulletinStatus::Approved) {
            return Err(ResponseError::BulletinNotDraft { id });
        }
        let approval_withdrawn = b.approval.take().is_some();
        b.content = *content;
        b.level = level;
        Ok(AuditEvent::BulletinEdited {
            id,
            approval_withdrawn,
        })
    }

    pub(super) fn approve_bulletin(
        &mut self,
        id: u32,
        approved_by: String,
        approved_at: Timestamp,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let b = self.bulletin_mut(id)?;
        if b.status() != BulletinStatus::Draft {
            return Err(ResponseError::BulletinNotDraft { id });
        }
        let missing = b.content.missing();
        if !missing.is_empty() {
            return Err(ResponseError::BulletinIncomplete { missing });
        }
        let a = approval(&approved_by, approved_at, at, by)?;
        let event = AuditEvent::BulletinApproved {
            id,
            approved_by: a.by.clone(),
            approved_at,
        };
        b.approval = Some(a);
        Ok(event)
    }

    pub(super) fn issue_bulletin(
        &mut self,
        id: u32,
        later: Option<LaterData>,
        reason: String,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let level = self.level;
        let basis_month = self.basis_month();
        let b = self
            .bulletin(id)
            .ok_or(ResponseError::UnknownBulletin { id })?;
        match b.status() {
            BulletinStatus::Approved => {}
            BulletinStatus::Draft => return Err(ResponseError::BulletinNotApproved { id }),
            _ => return Err(ResponseError::BulletinNotDraft { id }),
        }
        if b.level != level {
            return Err(ResponseError::BulletinStale {
                id,
                level: b.level,
                current: level,
            });
        }
        let supersedes = b.supersedes;
        let earlier_basis = if b.exercise || self.exercise {
            None
        } else {
            check_issue(basis_month, level, later.as_ref(), &reason)?
        };
        if let Some(p) = supersedes {
            let prev = self
                .bulletin(p)
                .ok_or(ResponseError::UnknownBulletin { id: p })?;
            if prev.status() != BulletinStatus::Issued {
                return Err(ResponseError::BulletinNotIssued { id: p });
            }
            self.bulletin_mut(p)?.superseded_by = Some(id);
        }
        let b = self.bulletin_mut(id)?;
        b.issued = Some(Stamp {
            at,
            by: by.to_owned(),
        });
        b.earlier_basis = earlier_basis.clone();
        Ok(AuditEvent::BulletinIssued {
            id,
            supersedes,
            earlier_basis,
        })
    }

    pub(super) fn update_bulletin(
        &mut self,
        id: u32,
        content: Box<BulletinContent>,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let b = self
            .bulletin(id)
            .ok_or(ResponseError::UnknownBulletin { id })?;
        if b.status() != BulletinStatus::Issued {
            return Err(ResponseError::BulletinNotIssued { id });
        }
        if let Some(d) = self.bulletins.iter().find(|d| {
            d.supersedes == Some(id)
                && matches!(d.status(), BulletinStatus::Draft | BulletinStatus::Approved)
        }) {
            return Err(ResponseError::UpdatePending { id, draft: d.id });
        }
        let new_id = self.next_bulletin_id();
        self.bulletins
            .push(self.new_bulletin(new_id, *content, Some(id), at, by));
        Ok(AuditEvent::BulletinDrafted {
            id: new_id,
            supersedes: Some(id),
        })
    }

    pub(super) fn withdraw_bulletin(
        &mut self,
        id: u32,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let b = self.bulletin_mut(id)?;
        if !matches!(b.status(), BulletinStatus::Draft | BulletinStatus::Approved) {
            return Err(ResponseError::BulletinNotDraft { id });
        }
        b.withdrawn = Some(Stamp {
            at,
            by: by.to_owned(),
        });
        Ok(AuditEvent::BulletinWithdrawn { id })
    }

    pub(super) fn cancel_bulletin(
        &mut self,
        id: u32,
        reason: String,
        approved_by: String,
        approved_at: Timestamp,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let b = self.bulletin_mut(id)?;
        if b.status() != BulletinStatus::Issued {
            return Err(ResponseError::BulletinNotIssued { id });
        }
        let reason = reason.trim().to_owned();
        if reason.is_empty() {
            return Err(ResponseError::MissingText {
                what: Field::Reason,
            });
        }
        let a = approval(&approved_by, approved_at, at, by)?;
        let event = AuditEvent::BulletinCancelled {
            id,
            approved_by: a.by.clone(),
            reason: reason.clone(),
        };
        b.cancelled = Some(Cancellation {
            at,
            by: by.to_owned(),
            approval: a,
            reason,
        });
        Ok(event)
    }
}
