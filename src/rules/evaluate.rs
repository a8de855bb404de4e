//! The evidence path: one scope in one month, read directly from the observations and events
//! (independently of the streaming pass, which tests compare it with).

use crate::model::Scope;
use crate::month::Month;
use crate::plan::Level;
use crate::rules::engine::Engine;
use crate::rules::evidence::{CityInForce, Evaluation, PendingSpecial, SpecialInForce, Window};
use crate::rules::status::{effective, Check, Status};

pub(crate) fn window(from: Month, to: Month) -> Window {
    Window {
        from,
        to,
        months: u32::try_from(from.months_until(to) + 1).unwrap_or(0),
    }
}

/// The most severe level whose check is met, and the most severe unknown one.
pub(crate) fn bounds(checks: impl Iterator<Item = (Level, Check)>) -> Status {
    let (mut met, mut open) = (None, None);
    for (level, c) in checks {
        match c {
            Check::Met => met = met.max(Some(level)),
            Check::Unknown => open = open.max(Some(level)),
            Check::NotMet => {}
        }
    }
    Status::from_bounds(met, open)
}

pub(crate) fn as_check(met: bool) -> Check {
    if met {
        Check::Met
    } else {
        Check::NotMet
    }
}

impl Engine<'_> {
    /// The full evaluation of `scope` in `month`, with evidence.
    pub fn evaluate(&self, scope: &Scope, month: Month) -> Evaluation {
        let limits = self.limits(scope);
        let node = self.node_of(scope);
        let rate = self.rate_evidence(&limits, node, month);
        let closures = self.closure_evidence(&limits, scope, month);
        let layoffs = self.layoff_evidence(&limits, scope, month);
        let other = self.extra_evidence(&limits, scope, node, month);
        let indicator =
            Status::most_severe([rate.status, closures.status, layoffs.status, other.status]);
        let special = self.special_in_force(scope, month);
        let city = self.city_in_force(month);
        let (eff, decided_by) = effective(
            indicator,
            special.as_ref().map(|s| s.level),
            city.as_ref().map(|c| c.level),
        );
        Evaluation {
            scope: scope.clone(),
            month,
            effective: eff,
            decided_by,
            indicator,
            thresholds: limits.used.clone(),
            region: node
                .and_then(|n| self.tree.node(n))
                .and_then(|n| self.data.regions.get(n.region))
                .map(|r| r.id.clone()),
            rate,
            closures,
            layoffs,
            other,
            special,
            pending_special: self.pending_special(scope, month),
            city,
        }
    }

    fn special_in_force(&self, scope: &Scope, month: Month) -> Option<SpecialInForce> {
        self.data
            .special_determinations
            .iter()
            .filter(|s| &s.scope == scope && s.in_force(month))
            .filter_map(|s| {
                Some(SpecialInForce {
                    id: s.id.clone(),
                    level: s.level,
                    reason: s.reason,
                    effective_from: s.effective_from()?,
                    until: s.until,
                })
            })
            // Most severe; on a tie the earliest in force, then the smallest id.
            .min_by(|a, b| {
                b.level
                    .cmp(&a.level)
                    .then(a.effective_from.cmp(&b.effective_from))
                    .then(a.id.cmp(&b.id))
            })
    }

    fn pending_special(&self, scope: &Scope, month: Month) -> Vec<PendingSpecial> {
        self.data
            .special_determinations
            .iter()
            .filter(|s| &s.scope == scope && s.effective_from().is_none())
            .filter(|s| s.proposed.date.month() <= month && s.until.is_none_or(|u| month <= u))
            .map(|s| PendingSpecial {
                id: s.id.clone(),
                level: s.level,
                lacks_hq_consent: s.hq_consent.is_none(),
                lacks_city_approval: s.city_approval.is_none(),
            })
            .collect()
    }

    fn city_in_force(&self, month: Month) -> Option<CityInForce> {
        self.data
            .city_warnings
            .iter()
            .enumerate()
            .filter(|(_, w)| w.in_force(month))
            .min_by(|(ia, a), (ib, b)| b.level.cmp(&a.level).then(ia.cmp(ib)))
            .map(|(index, w)| CityInForce {
                index,
                level: w.level,
                from: w.from,
                until: w.until,
                note: w.note.clone(),
            })
    }
}
