//! Evidence for §5.1-Lx-a: the scope's rates month by month, with their sources, checked
//! against each level.

use crate::month::Month;
use crate::num::Rate;
use crate::plan::Comparison;
use crate::rules::cells::{observation_at, Frac};
use crate::rules::engine::Engine;
use crate::rules::evaluate::{bounds, window};
use crate::rules::evidence::{
    MonthRate, RateCheck, RateEvidence, RateGap, RateSource, SeriesCheck, SeriesEvidence,
};
use crate::rules::limits::{Limits, RateLimits};
use crate::rules::status::{Check, Series};

/// A rate with where it came from.
type Sourced = (Frac, RateSource);

impl Engine<'_> {
    /// Effective counts (own, else Σ of the children where all have them) of every node in
    /// the subtree of `node` in `month`, children first; the node's own is last.
    fn subtree_counts(&self, node: u32, month: i32) -> Vec<Option<(u64, u64)>> {
        let sub = self.tree.subtree(node);
        let first = self.tree.node(node).map_or(0, |n| n.first);
        let mut got: Vec<Option<(u64, u64)>> = vec![None; sub.len()];
        for (k, ix) in sub.iter().enumerate() {
            let own = observation_at(self.data, &self.obs, *ix, month).and_then(|o| o.counts());
            let value = own.or_else(|| {
                let n = self.tree.node(*ix)?;
                if n.children.is_empty() {
                    return None;
                }
                let mut sum = (0u64, 0u64);
                for c in &n.children {
                    let pos = self.tree.node(*c)?.pos.checked_sub(first)?;
                    let (u, lf) = (*got.get(pos as usize)?)?;
                    sum = (sum.0.saturating_add(u), sum.1.saturating_add(lf));
                }
                Some(sum)
            });
            if let Some(slot) = got.get_mut(k) {
                *slot = value;
            }
        }
        got
    }

    /// A node's rate of one series in one month, with its source.
    fn rate_of(&self, node: u32, series: Series, month: Month) -> Option<Sourced> {
        let obs = observation_at(self.data, &self.obs, node, month.index());
        match series {
            Series::Actual => obs
                .and_then(|o| o.actual_rate)
                .map(|p| (Frac::from_pct(p), RateSource::Entered)),
            Series::Registered => {
                if let Some(p) = obs.and_then(|o| o.registered_rate) {
                    return Some((Frac::from_pct(p), RateSource::Entered));
                }
                if let Some((u, lf)) = obs.and_then(|o| o.counts()) {
                    return Frac::from_counts(u, lf).map(|f| {
                        (
                            f,
                            RateSource::Counts {
                                unemployed: u,
                                labour_force: lf,
                            },
                        )
                    });
                }
                let n = self.tree.node(node)?;
                if n.children.is_empty() {
                    return None;
                }
                let (u, lf) = self.subtree_counts(node, month.index()).last().copied()??;
                let children = n
                    .children
                    .iter()
                    .filter_map(|c| self.tree.node(*c))
                    .filter_map(|c| self.data.regions.get(c.region))
                    .map(|r| r.id.clone())
                    .collect();
                Frac::from_counts(u, lf).map(|f| {
                    (
                        f,
                        RateSource::Children {
                            unemployed: u,
                            labour_force: lf,
                            children,
                        },
                    )
                })
            }
        }
    }

    pub(crate) fn rate_evidence(
        &self,
        limits: &Limits,
        node: Option<u32>,
        month: Month,
    ) -> RateEvidence {
        let longest = i64::from(limits.max_sustained());
        let from = month.plus_saturating(1 - longest);
        let firsts: Vec<(Series, Option<Month>)> = limits
            .series
            .iter()
            .map(|s| {
                let f = self
                    .first_month(node, *s)
                    .and_then(|i| Month::from_index(i64::from(i)));
                (*s, f)
            })
            .collect();
        // Per series: each month of the longest window with its exact rate (the evidence
        // keeps rounded values; comparisons use these).
        let mut exact: Vec<Vec<Option<Rate>>> = Vec::new();
        let series: Vec<SeriesEvidence> = firsts
            .iter()
            .map(|(s, first)| {
                let mut rates = Vec::new();
                let months = from
                    .through(month)
                    .map(|m| {
                        let got = node.and_then(|n| self.rate_of(n, *s, m));
                        let started_any = firsts.iter().any(|(_, f)| f.is_some_and(|f| f <= m));
                        let missing =
                            got.is_none() && (first.is_some_and(|f| f <= m) || !started_any);
                        let rate = got.as_ref().and_then(|(f, _)| f.rate());
                        rates.push(rate);
                        MonthRate {
                            month: m,
                            value: rate.map(|r| r.to_pct_rounded()),
                            source: got.map(|(_, src)| src),
                            missing,
                        }
                    })
                    .collect();
                exact.push(rates);
                SeriesEvidence {
                    series: *s,
                    first_month: *first,
                    months,
                }
            })
            .collect();
        let holds = |r: &Rate, lv: &RateLimits| lv.comparison.holds(r.cmp_pct(lv.min_rate));
        let checks: Vec<RateCheck> = limits
            .levels
            .iter()
            .filter_map(|l| Some((l.level, l.rate.as_ref()?)))
            .map(|(level, lv)| {
                let w_from = month.plus(1 - i64::from(lv.sustained));
                let series_checks: Vec<SeriesCheck> = series
                    .iter()
                    .zip(&exact)
                    .filter(|(se, _)| lv.reads(se.series))
                    .map(|(se, rates)| {
                        let (mut above, mut missing, mut below) = (0u32, 0u32, false);
                        let w_start = w_from.unwrap_or(month);
                        for (mr, rate) in se.months.iter().zip(rates) {
                            if mr.month < w_start {
                                continue;
                            }
                            match rate {
                                Some(r) if holds(r, lv) => above += 1,
                                Some(_) => below = true,
                                None if mr.missing => missing += 1,
                                None => below = true,
                            }
                        }
                        // A window reaching before year 1 cannot be complete.
                        let result = if w_from.is_none() || below {
                            Check::NotMet
                        } else if missing > 0 {
                            Check::Unknown
                        } else {
                            Check::Met
                        };
                        SeriesCheck {
                            series: se.series,
                            result,
                            months_at_or_above: above,
                            months_missing: missing,
                        }
                    })
                    .collect();
                let result = if series_checks.iter().any(|c| c.result == Check::Met) {
                    Check::Met
                } else if series_checks.iter().any(|c| c.result == Check::Unknown) {
                    Check::Unknown
                } else {
                    Check::NotMet
                };
                RateCheck {
                    level,
                    clause: lv.clause.to_owned(),
                    min_rate: lv.min_rate,
                    comparison: lv.comparison,
                    sustained_months: lv.sustained,
                    window: window(w_from.unwrap_or(month), month),
                    result,
                    series: series_checks,
                }
            })
            .collect();
        let status = bounds(checks.iter().map(|c| (c.level, c.result)));
        // The next more severe level with a rate criterion; a distance is measured upwards
        // only (a "≤ / <" criterion has none).
        let gap = limits
            .levels
            .iter()
            .rev()
            .filter(|l| status.level().is_none_or(|s| l.level > s))
            .find_map(|l| Some((l.level, l.rate.as_ref()?)))
            .filter(|(_, lv)| lv.comparison == Comparison::AtLeast)
            .and_then(|(level, lv)| {
                series
                    .iter()
                    .zip(&exact)
                    .filter(|(se, _)| lv.reads(se.series))
                    .filter_map(|(se, rates)| {
                        let value = rates.last().copied().flatten()?;
                        // Trailing months at or above, newest first, up to the period.
                        let run = rates
                            .iter()
                            .rev()
                            .take(lv.sustained as usize)
                            .take_while(|r| r.is_some_and(|r| r.at_least(lv.min_rate)))
                            .count();
                        let run = u32::try_from(run).unwrap_or(0);
                        Some(RateGap {
                            level,
                            clause: lv.clause.to_owned(),
                            series: se.series,
                            month,
                            value: value.to_pct_rounded(),
                            threshold: lv.min_rate,
                            gap: value.gap_to(lv.min_rate),
                            months_at_or_above: run,
                            months_needed: lv.sustained.saturating_sub(run),
                        })
                    })
                    .min_by_key(|g| (g.gap, g.months_needed))
            });
        RateEvidence {
            status,
            series,
            checks,
            gap,
        }
    }
}
