//! The criteria beyond the pooled §5.1 three: one enterprise's closure, one enterprise's
//! layoff (optionally only where its workforce reaches a floor), and the office's own monthly
//! indicators. Evaluated per month from the events and values directly; the streaming pass
//! calls [`Engine::extra_status`] only when the plan has such criteria.

use crate::model::Scope;
use crate::month::Month;
use crate::plan::{ExtraCriterion, IndicatorCriterion};
use crate::rules::engine::Engine;
use crate::rules::evaluate::{as_check, bounds, window};
use crate::rules::evidence::{
    ClosureRef, ExtraCheck, ExtraDetail, ExtraEvidence, IndicatorMonth, LayoffRef,
};
use crate::rules::limits::{clamp_months, Limits};
use crate::rules::status::{Check, Status};

impl Engine<'_> {
    /// The level of the extra criteria alone (the same as [`Engine::extra_evidence`]'s status).
    pub(crate) fn extra_status(
        &self,
        limits: &Limits,
        scope: &Scope,
        node: Option<u32>,
        month: Month,
    ) -> Status {
        self.extra_evidence(limits, scope, node, month).status
    }

    pub(crate) fn extra_evidence(
        &self,
        limits: &Limits,
        scope: &Scope,
        node: Option<u32>,
        month: Month,
    ) -> ExtraEvidence {
        if !limits.has_extra() {
            return ExtraEvidence::default();
        }
        let from = month.plus_saturating(1 - i64::from(limits.window));
        let in_scope = |street: &str| match scope {
            Scope::District => true,
            Scope::Street(id) => id == street,
        };
        let region = node
            .and_then(|n| self.tree.node(n))
            .and_then(|n| self.data.regions.get(n.region))
            .map(|r| r.id.as_str());
        let mut checks = Vec::new();
        for lv in &limits.levels {
            for c in lv.extra {
                let (detail, result) = match c {
                    ExtraCriterion::SingleClosure(sc) => {
                        let matching: Vec<ClosureRef> = self
                            .data
                            .closures
                            .iter()
                            .filter(|e| in_scope(&e.street))
                            .filter(|e| (from..=month).contains(&e.date.month()))
                            .filter(|e| e.unemployed >= sc.min_unemployed)
                            .map(|e| ClosureRef {
                                id: e.id.clone(),
                                enterprise: e.enterprise.clone(),
                                street: e.street.clone(),
                                date: e.date,
                                unemployed: e.unemployed,
                            })
                            .collect();
                        let met = !matching.is_empty();
                        (
                            ExtraDetail::SingleClosure {
                                window: window(from, month),
                                min_unemployed: sc.min_unemployed,
                                matching,
                            },
                            as_check(met),
                        )
                    }
                    ExtraCriterion::SingleLayoff(sl) => {
                        let matching: Vec<LayoffRef> = self
                            .data
                            .layoffs
                            .iter()
                            .filter(|e| in_scope(&e.street))
                            .filter(|e| (from..=month).contains(&e.date.month()))
                            .filter(|e| e.laid_off >= sl.min_laid_off)
                            .filter(|e| sl.min_workforce.is_none_or(|w| e.workforce >= w))
                            .map(|e| LayoffRef {
                                id: e.id.clone(),
                                enterprise: e.enterprise.clone(),
                                street: e.street.clone(),
                                date: e.date,
                                workforce: e.workforce,
                                laid_off: e.laid_off,
                            })
                            .collect();
                        let met = !matching.is_empty();
                        (
                            ExtraDetail::SingleLayoff {
                                window: window(from, month),
                                min_laid_off: sl.min_laid_off,
                                min_workforce: sl.min_workforce,
                                matching,
                            },
                            as_check(met),
                        )
                    }
                    ExtraCriterion::Indicator(ic) => self.indicator_check(ic, region, month),
                };
                checks.push(ExtraCheck {
                    level: lv.level,
                    clause: c.clause().id.clone(),
                    text: c.clause().text.zh.clone(),
                    detail,
                    result,
                });
            }
        }
        let status = bounds(checks.iter().map(|c| (c.level, c.result)));
        ExtraEvidence { status, checks }
    }

    /// An own indicator over its sustained window: met when every month holds, unknown when
    /// none fails but some month has no value (a missing month could make it met).
    fn indicator_check(
        &self,
        ic: &IndicatorCriterion,
        region: Option<&str>,
        month: Month,
    ) -> (ExtraDetail, Check) {
        let n = clamp_months(ic.sustained_months);
        let w_from = month.plus(1 - i64::from(n));
        let start = w_from.unwrap_or(month);
        let months: Vec<IndicatorMonth> = start
            .through(month)
            .map(|m| {
                let value = region.and_then(|r| {
                    self.data
                        .indicator_values
                        .iter()
                        .rev()
                        .find(|v| v.indicator == ic.indicator && v.region == r && v.month == m)
                        .map(|v| v.value)
                });
                IndicatorMonth {
                    month: m,
                    value,
                    holds: value.is_some_and(|v| ic.comparison.holds(v.cmp(&ic.threshold))),
                }
            })
            .collect();
        let fails = months.iter().any(|m| m.value.is_some() && !m.holds);
        let missing = months.iter().any(|m| m.value.is_none());
        let result = if w_from.is_none() || fails {
            Check::NotMet
        } else if missing {
            Check::Unknown
        } else {
            Check::Met
        };
        (
            ExtraDetail::Indicator {
                indicator: ic.indicator.clone(),
                comparison: ic.comparison,
                threshold: ic.threshold,
                window: window(start, month),
                months,
            },
            result,
        )
    }
}
