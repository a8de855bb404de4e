//! Evidence for §5.1-Lx-b/c: the closures and layoffs in the window, their totals, checked
//! against each level.

use crate::model::{LayoffEvent, Scope};
use crate::month::Month;
use crate::num::Rate;
use crate::rules::engine::Engine;
use crate::rules::evaluate::{as_check, bounds, window};
use crate::rules::evidence::{
    ClosureCheck, ClosureEvidence, ClosureGap, ClosureRef, EnterpriseLayoffs, LayoffCheck,
    LayoffEvidence, LayoffGap, LayoffRef,
};
use crate::rules::limits::{people_to_share, Limits};
use std::collections::BTreeMap;

impl Engine<'_> {
    fn in_scope(scope: &Scope, street: &str) -> bool {
        match scope {
            Scope::District => true,
            Scope::Street(id) => id == street,
        }
    }

    pub(crate) fn closure_evidence(
        &self,
        limits: &Limits,
        scope: &Scope,
        month: Month,
    ) -> ClosureEvidence {
        let from = month.plus_saturating(1 - i64::from(limits.window));
        let mut events: Vec<ClosureRef> = self
            .data
            .closures
            .iter()
            .filter(|e| Self::in_scope(scope, &e.street))
            .filter(|e| (from..=month).contains(&e.date.month()))
            .map(|e| ClosureRef {
                id: e.id.clone(),
                enterprise: e.enterprise.clone(),
                street: e.street.clone(),
                date: e.date,
                unemployed: e.unemployed,
            })
            .collect();
        crate::sort::sort_by(&mut events, |a, b| {
            (a.date, &a.id, &a.enterprise, &a.street, a.unemployed).cmp(&(
                b.date,
                &b.id,
                &b.enterprise,
                &b.street,
                b.unemployed,
            ))
        });
        let total = events
            .iter()
            .fold(0u64, |s, e| s.saturating_add(e.unemployed));
        let names: std::collections::BTreeSet<&str> =
            events.iter().map(|e| e.enterprise.trim()).collect();
        let enterprises = u32::try_from(names.len()).unwrap_or(u32::MAX);
        let checks: Vec<ClosureCheck> = limits
            .levels
            .iter()
            .filter_map(|lv| Some((lv.level, lv.closures?)))
            .map(|(level, (clause, min_unemployed))| ClosureCheck {
                level,
                clause: clause.to_owned(),
                min_unemployed,
                min_enterprises: limits.closures_min_enterprises,
                result: as_check(
                    enterprises >= limits.closures_min_enterprises && total >= min_unemployed,
                ),
            })
            .collect();
        let status = bounds(checks.iter().map(|c| (c.level, c.result)));
        // The next more severe level that has this criterion.
        let gap = checks
            .iter()
            .rev()
            .find(|c| status.level().is_none_or(|l| c.level > l))
            .map(|c| ClosureGap {
                level: c.level,
                clause: c.clause.clone(),
                people_needed: c.min_unemployed.saturating_sub(total),
                enterprises_needed: limits.closures_min_enterprises.saturating_sub(enterprises),
            });
        ClosureEvidence {
            status,
            window: window(from, month),
            events,
            total_unemployed: total,
            enterprises,
            checks,
            gap,
        }
    }

    pub(crate) fn layoff_evidence(
        &self,
        limits: &Limits,
        scope: &Scope,
        month: Month,
    ) -> LayoffEvidence {
        let from = month.plus_saturating(1 - i64::from(limits.window));
        let to_ref = |e: &LayoffEvent| LayoffRef {
            id: e.id.clone(),
            enterprise: e.enterprise.clone(),
            street: e.street.clone(),
            date: e.date,
            workforce: e.workforce,
            laid_off: e.laid_off,
        };
        let (mut counted, mut excluded): (Vec<LayoffRef>, Vec<LayoffRef>) = self
            .data
            .layoffs
            .iter()
            .filter(|e| Self::in_scope(scope, &e.street))
            .filter(|e| (from..=month).contains(&e.date.month()))
            .map(|e| (limits.layoff_counts(e.workforce, e.laid_off), to_ref(e)))
            .fold((Vec::new(), Vec::new()), |(mut c, mut x), (counts, r)| {
                if counts {
                    c.push(r);
                } else {
                    x.push(r);
                }
                (c, x)
            });
        let key = |r: &LayoffRef| {
            (
                r.date,
                r.id.clone(),
                r.enterprise.clone(),
                r.street.clone(),
                r.workforce,
                r.laid_off,
            )
        };
        crate::sort::sort_by_key(&mut counted, key);
        crate::sort::sort_by_key(&mut excluded, key);
        let mut per: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for r in &counted {
            let e = per.entry(r.enterprise.trim()).or_insert((0, 0));
            e.0 = e.0.max(r.workforce);
            e.1 = e.1.saturating_add(r.laid_off);
        }
        let enterprises: Vec<EnterpriseLayoffs> = per
            .iter()
            .map(|(name, (wf, laid))| EnterpriseLayoffs {
                enterprise: (*name).to_owned(),
                workforce: *wf,
                laid_off: *laid,
            })
            .collect();
        let total_wf = per.values().fold(0u64, |s, v| s.saturating_add(v.0));
        let total_laid = counted
            .iter()
            .fold(0u64, |s, r| s.saturating_add(r.laid_off));
        let n_ent = u32::try_from(per.len()).unwrap_or(u32::MAX);
        let share = Rate::from_counts(total_laid, total_wf);
        let checks: Vec<LayoffCheck> = limits
            .levels
            .iter()
            .filter_map(|lv| Some((lv.level, lv.layoffs?)))
            .map(|(level, (clause, min_share))| LayoffCheck {
                level,
                clause: clause.to_owned(),
                min_share,
                min_enterprises: limits.layoffs_min_enterprises,
                result: as_check(
                    n_ent >= limits.layoffs_min_enterprises
                        && share.is_some_and(|r| r.at_least(min_share)),
                ),
            })
            .collect();
        let status = bounds(checks.iter().map(|c| (c.level, c.result)));
        // The next more severe level that has this criterion.
        let gap = checks
            .iter()
            .rev()
            .find(|c| status.level().is_none_or(|l| c.level > l))
            .map(|c| LayoffGap {
                level: c.level,
                clause: c.clause.clone(),
                people_needed: people_to_share(total_laid, total_wf, c.min_share),
                enterprises_needed: limits.layoffs_min_enterprises.saturating_sub(n_ent),
            });
        LayoffEvidence {
            status,
            window: window(from, month),
            counted,
            excluded,
            enterprises,
            total_laid_off: total_laid,
            total_workforce: total_wf,
            share: share.map(|r| r.to_pct_rounded()),
            checks,
            gap,
        }
    }
}
