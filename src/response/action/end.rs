//! Reports and the end of the emergency (§7): the saved analysis report, the evaluation on a
//! met §7.1 check, the district's and the city's approvals, the notice and the close.

use super::approval;
use crate::response::audit::AuditEvent;
use crate::response::end::{EndCheck, EndEvaluation, EndNotice, EndRecord};
use crate::response::error::{EndStep, ResponseError};
use crate::response::record::{Response, SavedReport, Stamp};
use crate::response::report::Report;
use crate::response::time::Timestamp;

impl Response {
    pub(super) fn save_report(
        &mut self,
        report: Report,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let id = self.next_report_id();
        let title = report.title.clone();
        self.reports.push(SavedReport {
            id,
            saved: Stamp {
                at,
                by: by.to_owned(),
            },
            report,
        });
        Ok(AuditEvent::ReportSaved { id, title })
    }

    pub(super) fn record_end_evaluation(
        &mut self,
        evaluation: EndEvaluation,
        check: EndCheck,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        if self
            .end
            .as_ref()
            .is_some_and(|e| e.district_approval.is_some())
        {
            return Err(ResponseError::EndStepDone {
                step: EndStep::DistrictApproval,
            });
        }
        let since = self.basis_month();
        if check.as_of <= since {
            return Err(ResponseError::EndCheckTooEarly {
                as_of: check.as_of,
                since,
            });
        }
        if let Some(e) = check.refusal() {
            return Err(e);
        }
        let missing = evaluation.missing();
        if !missing.is_empty() {
            return Err(ResponseError::EndEvaluationIncomplete { missing });
        }
        let event = AuditEvent::EndEvaluationRecorded {
            months_normal: check.months_normal,
            required_months: check.required_months,
        };
        self.end = Some(EndRecord {
            check,
            evaluation,
            recorded: Stamp {
                at,
                by: by.to_owned(),
            },
            district_approval: None,
            city_approval: None,
            notice: None,
            closed: None,
        });
        Ok(event)
    }

    pub(super) fn approve_end(
        &mut self,
        approved_by: String,
        approved_at: Timestamp,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let end = self.end_mut()?;
        if end.district_approval.is_some() {
            return Err(ResponseError::EndStepDone {
                step: EndStep::DistrictApproval,
            });
        }
        let a = approval(&approved_by, approved_at, at, by)?;
        let event = AuditEvent::EndApprovedByDistrict {
            approved_by: a.by.clone(),
            approved_at,
        };
        end.district_approval = Some(a);
        Ok(event)
    }

    pub(super) fn approve_end_city(
        &mut self,
        approved_by: String,
        approved_at: Timestamp,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let end = self.end_mut()?;
        if end.district_approval.is_none() {
            return Err(ResponseError::EndNeedsDistrictApproval);
        }
        if end.city_approval.is_some() {
            return Err(ResponseError::EndStepDone {
                step: EndStep::CityApproval,
            });
        }
        let a = approval(&approved_by, approved_at, at, by)?;
        let event = AuditEvent::EndApprovedByCity {
            approved_by: a.by.clone(),
            approved_at,
        };
        end.city_approval = Some(a);
        Ok(event)
    }

    pub(super) fn notify_end(
        &mut self,
        at: Timestamp,
        by: &str,
    ) -> Result<AuditEvent, ResponseError> {
        let units = self.procedure.hq.members.clone();
        let end = self.end_mut()?;
        if end.district_approval.is_none() {
            return Err(ResponseError::EndNeedsDistrictApproval);
        }
        if end.city_approval.is_none() {
            return Err(ResponseError::EndNeedsCityApproval);
        }
        if end.notice.is_some() {
            return Err(ResponseError::EndStepDone {
                step: EndStep::Notice,
            });
        }
        let count = u32::try_from(units.len()).unwrap_or(u32::MAX);
        end.notice = Some(EndNotice {
            at,
            by: by.to_owned(),
            units,
        });
        Ok(AuditEvent::EndNotified { units: count })
    }

    pub(super) fn close(&mut self, at: Timestamp, by: &str) -> Result<AuditEvent, ResponseError> {
        let in_force: Vec<u32> = self.bulletins_in_force().iter().map(|b| b.id).collect();
        let end = self.end_mut()?;
        if end.district_approval.is_none() {
            return Err(ResponseError::EndNeedsDistrictApproval);
        }
        if end.city_approval.is_none() {
            return Err(ResponseError::EndNeedsCityApproval);
        }
        if end.notice.is_none() {
            return Err(ResponseError::EndNeedsNotice);
        }
        if !in_force.is_empty() {
            return Err(ResponseError::BulletinsInForce { ids: in_force });
        }
        end.closed = Some(Stamp {
            at,
            by: by.to_owned(),
        });
        Ok(AuditEvent::Closed)
    }
}
