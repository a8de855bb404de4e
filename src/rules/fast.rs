//! The streaming pass: one scope's levels for every month of a range, with running streak
//! counters for the rates and a sliding window over the events. No evidence is built here;
//! `evaluate` builds it for the month a view shows, and tests check both agree.

use crate::model::Scope;
use crate::month::Month;
use crate::plan::{Comparison, Level};
use crate::rules::cells::{Cell, Frac};
use crate::rules::engine::{Engine, Span};
use crate::rules::events::{Ev, Scratch, Totals};
use crate::rules::limits::MAX_MONTHS;
use crate::rules::status::{effective, MonthSummary, Series, Status};

/// How far back a timeline looks for "months since the indicators were last at a level".
pub const MAX_HISTORY: i32 = MAX_MONTHS as i32;

/// Trailing run lengths of one series against one level's rate threshold.
#[derive(Clone, Copy, Default)]
struct Streak {
    /// Months at or above the threshold.
    met: u32,
    /// Months at or above, or missing.
    open: u32,
}

impl Streak {
    /// One more month: whether the threshold was reached (`at`) or the month is missing;
    /// returns whether the level is met, and met or open, for `sustained` months.
    #[inline(always)]
    fn step(&mut self, at: bool, missing: bool, sustained: u32) -> (bool, bool) {
        self.met = if at { self.met.saturating_add(1) } else { 0 };
        self.open = if at || missing {
            self.open.saturating_add(1)
        } else {
            0
        };
        (self.met >= sustained, self.open >= sustained)
    }
}

/// A sliding window over events sorted by month.
struct Slide<'e> {
    events: &'e [Ev],
    lo: usize,
    hi: usize,
    totals: Totals,
    layoffs: bool,
}

impl<'e> Slide<'e> {
    fn new(events: &'e [Ev], layoffs: bool) -> Slide<'e> {
        Slide {
            events,
            lo: 0,
            hi: 0,
            totals: Totals::default(),
            layoffs,
        }
    }

    /// Moves the window to `first..=last`; recomputes the totals only when it changed.
    fn advance(
        &mut self,
        first: i32,
        last: i32,
        scratch: &mut Option<Scratch>,
        enterprises: usize,
    ) {
        let (lo0, hi0) = (self.lo, self.hi);
        while self.events.get(self.hi).is_some_and(|e| e.month <= last) {
            self.hi += 1;
        }
        while self.lo < self.hi && self.events.get(self.lo).is_some_and(|e| e.month < first) {
            self.lo += 1;
        }
        if (self.lo, self.hi) != (lo0, hi0) {
            let s = scratch.get_or_insert_with(|| Scratch::new(enterprises));
            let window = self.events.get(self.lo..self.hi).unwrap_or(&[]);
            self.totals = s.totals(window, self.layoffs);
        }
    }
}

/// A series' cells walked in step with the months.
struct Walk<'c> {
    cells: &'c [Cell<Frac>],
    at: usize,
    first: Option<i32>,
    /// Bit `i` for series `i` of the scope's limits (what [`RateLimit::reads`] tests).
    bit: u8,
}

impl<'c> Walk<'c> {
    fn value(&mut self, month: i32) -> Option<Frac> {
        while self.cells.get(self.at).is_some_and(|c| c.0 < month) {
            self.at += 1;
        }
        self.cells
            .get(self.at)
            .filter(|c| c.0 == month)
            .map(|c| c.1)
    }
}

fn level_in_force(spans: &[Span], month: i32) -> Option<Level> {
    spans
        .iter()
        .filter(|s| s.from <= month && month <= s.until)
        .map(|s| s.level)
        .max()
}

/// One level's rate threshold, ready for the inner loop.
#[derive(Clone, Copy)]
struct RateLimit {
    level: Level,
    /// The threshold in units of 10⁻⁴ pp.
    units: u64,
    sustained: u32,
    comparison: Comparison,
    /// Bit `i` set: reads series `i` of the walks (registered, actual).
    reads: u8,
}

/// Most severe level first; at most [`Level::MAX`].
const LEVELS: usize = Level::MAX as usize;
/// Registered and actual.
const SERIES: usize = 2;

impl Engine<'_> {
    /// Summaries of `scope` for every month of `from..=to`, each with the months since the
    /// indicators were last at a level (0 when they are; `None` when not within the
    /// [`MAX_HISTORY`] months before), handed to `sink` in order.
    pub(crate) fn stream(
        &self,
        scope: &Scope,
        from: Month,
        to: Month,
        mut sink: impl FnMut(MonthSummary, Option<u32>),
    ) {
        let limits = self.limits(scope);
        let node = self.node_of(scope);
        let empty: &[Cell<Frac>] = &[];
        let cells_of = |series: Series| -> &[Cell<Frac>] {
            let lists = match series {
                Series::Registered => &self.cells.registered,
                Series::Actual => &self.cells.actual,
            };
            node.and_then(|n| lists.get(n as usize))
                .map_or(empty, Vec::as_slice)
        };
        let mut walks: Vec<Walk<'_>> = limits
            .series
            .iter()
            .take(SERIES)
            .enumerate()
            .map(|(i, s)| Walk {
                cells: cells_of(*s),
                at: 0,
                first: self.first_month(node, *s),
                bit: 1 << i,
            })
            .collect();
        let any_first = walks.iter().filter_map(|w| w.first).min();
        // A series without any value is never met, and missing only until some series starts:
        // it needs no streaks of its own, only the run of months before any data.
        // Bit `i`: series `i` of `limits.series` has no value at all.
        let empty_series: u8 = walks
            .iter()
            .filter(|w| w.cells.is_empty())
            .fold(0, |m, w| m | w.bit);
        walks.retain(|w| !w.cells.is_empty());
        let mut before_data: u32 = 0;
        let rate_limits: Vec<RateLimit> = limits
            .levels
            .iter()
            .filter_map(|l| {
                let r = l.rate.as_ref()?;
                let reads = limits
                    .series
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| r.reads(**s))
                    .fold(0u8, |m, (i, _)| m | (1 << i));
                Some(RateLimit {
                    level: l.level,
                    units: r.min_rate.units().unsigned_abs(),
                    sustained: r.sustained,
                    comparison: r.comparison,
                    reads,
                })
            })
            .take(LEVELS)
            .collect();
        // The common case (every level ≥ over every series) keeps the plain inner loop.
        let all_series = (1u8 << limits.series.len().min(SERIES)) - 1;
        let plain = rate_limits
            .iter()
            .all(|l| l.comparison == Comparison::AtLeast && l.reads == all_series);
        let has_extra = limits.has_extra();
        let ev = self.events_of(scope);
        let mut closures = Slide::new(&ev.closures, false);
        let mut layoffs = Slide::new(&ev.layoffs, true);
        let has_events = !ev.closures.is_empty() || !ev.layoffs.is_empty();
        let mut scratch: Option<Scratch> = None;
        let specials: &[Span] = if self.specials.is_empty() {
            &[]
        } else {
            self.specials.get(scope).map_or(&[], Vec::as_slice)
        };

        let mut streaks = [[Streak::default(); LEVELS]; SERIES];
        let window = i32::try_from(limits.window).unwrap_or(1);
        let sustained = i32::try_from(limits.max_sustained()).unwrap_or(1);

        // Start early enough for the longest streak and the month before `from` (transitions),
        // and at the scope's first data where that is earlier (months since the last level).
        let from_ix = from.index();
        let mut start = from_ix - sustained;
        let first_event = ev
            .closures
            .first()
            .into_iter()
            .chain(ev.layoffs.first())
            .map(|e| e.month)
            .min();
        if let Some(f) = any_first.into_iter().chain(first_event).min() {
            if f < start {
                start = f.max(from_ix - MAX_HISTORY);
            }
        }
        let start = Month::from_index(i64::from(start))
            .unwrap_or_else(|| from.plus_saturating(-i64::from(sustained)));

        let mut since: Option<u32> = None;
        let (mut closure_level, mut layoff_level) = (None, None);
        for m in start.through(to) {
            let x = m.index();
            // §5.1-Lx-a: update every (series, level) streak.
            let started_any = any_first.is_some_and(|f| f <= x);
            // Bit `i` set: level `i` (most severe first) met / met-or-missing for its period.
            let (mut met, mut open) = (0u8, 0u8);
            before_data = if started_any {
                0
            } else {
                before_data.saturating_add(1)
            };
            if empty_series != 0 && before_data > 0 {
                for (bit, lim) in rate_limits.iter().enumerate() {
                    if lim.reads & empty_series != 0 {
                        open |= u8::from(before_data >= lim.sustained) << bit;
                    }
                }
            }
            for (walk, row) in walks.iter_mut().zip(streaks.iter_mut()) {
                let value = walk.value(x);
                let missing =
                    value.is_none() && (walk.first.is_some_and(|f| f <= x) || !started_any);
                let lhs = value.map(|v| (u128::from(v.num) * 1_000_000, u128::from(v.den)));
                let levels = row.iter_mut().zip(&rate_limits).enumerate();
                // Exact: num × 10⁶ against threshold × den, both sides 64 × 64 → 128 bits.
                if plain {
                    // Every level "≥" over this series: the loop without the per-level tests.
                    for (bit, (st, lim)) in levels {
                        let at = lhs.is_some_and(|(num, den)| num >= u128::from(lim.units) * den);
                        let (m, o) = st.step(at, missing, lim.sustained);
                        met |= u8::from(m) << bit;
                        open |= u8::from(o) << bit;
                    }
                } else {
                    for (bit, (st, lim)) in levels {
                        let reads = lim.reads & walk.bit != 0;
                        let at = reads
                            && lhs.is_some_and(|(num, den)| {
                                lim.comparison
                                    .holds(num.cmp(&(u128::from(lim.units) * den)))
                            });
                        let (m, o) = st.step(at, missing && reads, lim.sustained);
                        met |= u8::from(m) << bit;
                        open |= u8::from(o) << bit;
                    }
                }
            }
            // The most severe level met, and the most severe one not met but still open.
            let level_at = |mask: u8| {
                rate_limits
                    .get(mask.trailing_zeros() as usize)
                    .map(|l| l.level)
            };
            let rate_met = level_at(met);
            let rate_open = level_at(open & !met);
            let rate = Status::from_bounds(rate_met, rate_open);

            // §5.1-Lx-b/c: the events of the window ending at this month.
            if has_events {
                let first = x - (window - 1);
                closures.advance(first, x, &mut scratch, self.events.enterprises);
                layoffs.advance(first, x, &mut scratch, self.events.enterprises);
                closure_level = limits
                    .levels
                    .iter()
                    .filter(|lv| {
                        lv.closures
                            .is_some_and(|(_, min)| closures.totals.closures_reach(&limits, min))
                    })
                    .map(|lv| lv.level)
                    .max();
                layoff_level = limits
                    .levels
                    .iter()
                    .filter(|lv| {
                        lv.layoffs
                            .is_some_and(|(_, min)| layoffs.totals.layoffs_reach(&limits, min))
                    })
                    .map(|lv| lv.level)
                    .max();
            } else if m == start {
                // No events: the totals stay zero (a zero threshold is still met).
                let zero = Totals::default();
                closure_level = limits
                    .levels
                    .iter()
                    .filter(|lv| {
                        lv.closures
                            .is_some_and(|(_, min)| zero.closures_reach(&limits, min))
                    })
                    .map(|lv| lv.level)
                    .max();
                layoff_level = limits
                    .levels
                    .iter()
                    .filter(|lv| {
                        lv.layoffs
                            .is_some_and(|(_, min)| zero.layoffs_reach(&limits, min))
                    })
                    .map(|lv| lv.level)
                    .max();
            }

            // The single-enterprise and own-indicator criteria.
            let other = if has_extra {
                self.extra_status(&limits, scope, node, m)
            } else {
                Status::Normal
            };

            // The indicators: any one criterion suffices.
            let certain = rate_met
                .max(closure_level)
                .max(layoff_level)
                .max(other.level());
            let open_other = if other.is_insufficient() {
                other.possible()
            } else {
                None
            };
            let indicator = Status::from_bounds(certain, rate_open.max(open_other));
            since = if certain.is_some() {
                Some(0)
            } else {
                since.map(|s| s.saturating_add(1))
            };
            if m < from {
                continue;
            }
            let special = level_in_force(specials, x);
            let city = level_in_force(&self.city, x);
            let (eff, decided_by) = effective(indicator, special, city);
            sink(
                MonthSummary {
                    month: m,
                    effective: eff,
                    decided_by,
                    indicator,
                    rate,
                    closures: Status::from_bounds(closure_level, None),
                    layoffs: Status::from_bounds(layoff_level, None),
                    other,
                    special,
                    city,
                },
                since,
            );
        }
    }
}
