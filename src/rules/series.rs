//! Monthly figures for charts and reports, from the same prepared data the rules read: a
//! region's rate series and a scope's event totals in each month's rolling window.

use crate::model::Scope;
use crate::month::Month;
use crate::num::{Pct, Rate};
use crate::plan::Thresholds;
use crate::rules::engine::Engine;
use crate::rules::events::{Ev, Scratch};
use crate::rules::status::Series;

/// Event totals of one month for a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventMonth {
    pub month: Month,
    /// People left unemployed by closures dated in this month.
    pub closures_month: u64,
    /// … in the rolling window ending this month (what §5.1-Lx-b compares).
    pub closures_window: u64,
    /// People laid off in counted layoffs in the window.
    pub layoffs_window: u64,
    /// Σ laid off ÷ Σ workforce in the window (what §5.1-Lx-c compares), rounded for display.
    pub layoff_share: Option<Pct>,
}

/// The events of `events` (sorted by month) dated `first..=last`.
fn in_months(events: &[Ev], first: i32, last: i32) -> &[Ev] {
    let lo = events.partition_point(|e| e.month < first);
    let hi = events.partition_point(|e| e.month <= last);
    events.get(lo..hi).unwrap_or(&[])
}

impl Engine<'_> {
    /// The §5.1 thresholds a scope is evaluated against (a street's own, else the district's).
    pub fn thresholds_for(&self, scope: &Scope) -> &Thresholds {
        scope
            .street()
            .and_then(|id| self.data.street_thresholds.get(id))
            .unwrap_or(&self.plan.thresholds)
    }

    /// A region's rate for each month of `from..=to` as the rules see it (entered, own counts,
    /// or the children's Σ/Σ), rounded to 0.0001 pp for display.
    pub fn rate_series(
        &self,
        region: &str,
        series: Series,
        from: Month,
        to: Month,
    ) -> Vec<Option<Pct>> {
        let cells = self.tree.by_id.get(region).and_then(|n| match series {
            Series::Registered => self.cells.registered.get(*n as usize),
            Series::Actual => self.cells.actual.get(*n as usize),
        });
        from.through(to)
            .map(|m| {
                let cells = cells?;
                let at = cells.binary_search_by_key(&m.index(), |c| c.0).ok()?;
                let frac = cells.get(at)?.1;
                frac.rate().map(|r: Rate| r.to_pct_rounded())
            })
            .collect()
    }

    /// A scope's closure and layoff totals for each month of `from..=to`.
    pub fn event_series(&self, scope: &Scope, from: Month, to: Month) -> Vec<EventMonth> {
        let ev = self.events_of(scope);
        let window = i32::try_from(self.limits(scope).window).unwrap_or(1);
        let mut scratch = Scratch::new(self.events.enterprises);
        from.through(to)
            .map(|m| {
                let last = m.index();
                let first = last - window + 1;
                let closures = scratch.totals(in_months(&ev.closures, first, last), false);
                let closures_month = in_months(&ev.closures, last, last)
                    .iter()
                    .fold(0u64, |s, e| s.saturating_add(e.a));
                let layoffs = scratch.totals(in_months(&ev.layoffs, first, last), true);
                EventMonth {
                    month: m,
                    closures_month,
                    closures_window: closures.people,
                    layoffs_window: layoffs.people,
                    layoff_share: Rate::from_counts(layoffs.people, layoffs.workforce)
                        .map(|r| r.to_pct_rounded()),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Scope;
    use crate::month::Month;
    use crate::num::Pct;
    use crate::plan::Plan;
    use crate::rules::{Engine, Series};

    #[test]
    fn series_agree_with_the_evaluation_of_each_month() {
        let plan = Plan::binjiang_2020();
        let data = crate::demo::dataset();
        let e = Engine::new(&plan, &data);
        let (from, to) = data.span().unwrap();
        let rates = e.rate_series("binjiang", Series::Registered, from, to);
        let events = e.event_series(&Scope::District, from, to);
        for (i, m) in from.through(to).enumerate() {
            let ev = e.evaluate(&Scope::District, m);
            let shown = ev
                .rate
                .series
                .iter()
                .find(|s| s.series == Series::Registered)
                .and_then(|s| s.months.last())
                .and_then(|x| x.value);
            assert_eq!(rates[i], shown, "{m}");
            assert_eq!(
                events[i].closures_window, ev.closures.total_unemployed,
                "{m}"
            );
            assert_eq!(events[i].layoffs_window, ev.layoffs.total_laid_off, "{m}");
            assert_eq!(events[i].layoff_share, ev.layoffs.share, "{m}");
        }
        assert!(events.iter().any(|x| x.closures_window > 0));
        assert!(rates.iter().all(|r| r.is_some_and(|p| p > Pct::ZERO)));
    }

    #[test]
    fn unknown_region_gives_gaps() {
        let plan = Plan::binjiang_2020();
        let data = crate::demo::dataset();
        let e = Engine::new(&plan, &data);
        let m = Month::new(2024, 1).unwrap();
        assert_eq!(
            e.rate_series("nowhere", Series::Registered, m, m),
            vec![None]
        );
    }
}
