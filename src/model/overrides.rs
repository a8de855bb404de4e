//! Levels set from outside the indicators: city-issued warnings (§1, §6 start procedures) and
//! §5.1-M special determinations.

use crate::model::Scope;
use crate::month::{Date, Month};
use crate::plan::Level;
use serde::{Deserialize, Serialize};

/// A warning issued by the city that involves the district. It applies to the district and to
/// every street in it, from `from` through `until` (inclusive; open-ended when absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityWarning {
    pub level: Level,
    pub from: Month,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Month>,
    #[serde(default)]
    pub note: String,
}

impl CityWarning {
    /// Whether the warning applies in `month`.
    pub fn in_force(&self, month: Month) -> bool {
        self.from <= month && self.until.is_none_or(|u| month <= u)
    }
}

/// The grounds §5.1-M allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpecialReason {
    /// 因特殊情况未达到上述条件的.
    SpecialCircumstances,
    /// 因受特别重大疫情影响失业人员明显增加的.
    MajorEpidemic,
}

/// A dated act by a named person or body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signoff {
    pub date: Date,
    pub by: String,
}

/// §5.1-M: a level set by the office with the HQ's consent and the city office's approval.
/// Only with both does it take effect, from the month of the later of the two dates, through
/// `until` (inclusive; open-ended when absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialDetermination {
    pub id: String,
    pub level: Level,
    pub reason: SpecialReason,
    pub scope: Scope,
    #[serde(default)]
    pub note: String,
    /// Proposed by the office (区失业应急办).
    pub proposed: Signoff,
    /// Consent of the HQ (区失业应急指挥部).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hq_consent: Option<Signoff>,
    /// Approval of the city office (市失业应急办).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_approval: Option<Signoff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Month>,
}

impl SpecialDetermination {
    /// The first month it is in force: the month of the later of consent and approval; `None`
    /// while either is missing.
    pub fn effective_from(&self) -> Option<Month> {
        let consent = self.hq_consent.as_ref()?.date;
        let approval = self.city_approval.as_ref()?.date;
        Some(consent.max(approval).month())
    }

    /// Whether it is in force in `month` (approved, started, not ended).
    pub fn in_force(&self, month: Month) -> bool {
        self.effective_from().is_some_and(|f| f <= month) && self.until.is_none_or(|u| month <= u)
    }
}
