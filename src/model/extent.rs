//! The calendar extent of a dataset: the months its main body covers, and the outliers.
//!
//! One typo'd date (an observation in 2099 among data for 2022–2026) must not stretch every
//! timeline, chart and table to decades of empty months. So the span the views and the command
//! line work over is the main body of the data: the months with data are split wherever two of
//! them lie more than [`OUTLIER_GAP_MONTHS`] apart, and the group with the most months (the
//! latest on a tie) is the span. Months outside it are outliers: kept in the data, evaluated
//! when asked for, flagged on screen and in the import preview, but never part of a span. The
//! work of any view is thus bounded by the data's own months times a bounded gap.

use super::Dataset;
use crate::month::Month;

/// The largest gap between two months with data inside one body of data; two years, since
/// the plan's indicators are monthly and a longer silence is a different series or a typo.
pub const OUTLIER_GAP_MONTHS: i64 = 24;

/// The main body of a dataset's months and what lies outside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extent {
    pub first: Month,
    pub last: Month,
    /// Distinct months with data outside `first ..= last`, ascending.
    pub outliers: Vec<Month>,
}

impl Dataset {
    /// Every distinct month with an observation or event, ascending.
    fn data_months(&self) -> Vec<Month> {
        let mut months: Vec<Month> = self
            .observations
            .iter()
            .map(|o| o.month)
            .chain(self.closures.iter().map(|e| e.date.month()))
            .chain(self.layoffs.iter().map(|e| e.date.month()))
            .collect();
        crate::sort::sort(&mut months);
        months.dedup();
        months
    }

    /// The main body of the data's months (see the module text); `None` without data.
    pub fn extent(&self) -> Option<Extent> {
        let months = self.data_months();
        // Runs of months with no gap above the limit: (start index, end index) into `months`.
        let mut best: Option<(usize, usize)> = None;
        let mut start = 0usize;
        for i in 0..months.len() {
            let next_far = match (months.get(i), months.get(i + 1)) {
                (Some(a), Some(b)) => a.months_until(*b) > OUTLIER_GAP_MONTHS,
                _ => true,
            };
            if next_far {
                let better = best.is_none_or(|(s, e)| i - start >= e - s);
                if better {
                    best = Some((start, i));
                }
                start = i + 1;
            }
        }
        let (s, e) = best?;
        let first = *months.get(s)?;
        let last = *months.get(e)?;
        let outliers = months
            .into_iter()
            .filter(|m| *m < first || *m > last)
            .collect();
        Some(Extent {
            first,
            last,
            outliers,
        })
    }

    /// The first and last month of the data's main body ([`Dataset::extent`]): what the views,
    /// exports and the command line iterate over.
    pub fn span(&self) -> Option<(Month, Month)> {
        self.extent().map(|e| (e.first, e.last))
    }

    /// The first and last month with any observation or event, outliers included.
    pub fn full_span(&self) -> Option<(Month, Month)> {
        let months = self.data_months();
        Some((*months.first()?, *months.last()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    fn obs(m: &str) -> Observation {
        Observation::new("d", Month::parse(m).unwrap())
    }

    fn data(months: &[&str]) -> Dataset {
        Dataset {
            observations: months.iter().map(|m| obs(m)).collect(),
            ..Dataset::default()
        }
    }

    fn m(t: &str) -> Month {
        Month::parse(t).unwrap()
    }

    #[test]
    fn a_far_month_is_an_outlier_and_stays_out_of_the_span() {
        let d = data(&["2022-01", "2022-02", "2022-03", "2099-12"]);
        let e = d.extent().unwrap();
        assert_eq!((e.first, e.last), (m("2022-01"), m("2022-03")));
        assert_eq!(e.outliers, vec![m("2099-12")]);
        assert_eq!(d.full_span(), Some((m("2022-01"), m("2099-12"))));
        // A far month before the body, too.
        let d = data(&["1991-05", "2024-01", "2024-02"]);
        assert_eq!(d.span(), Some((m("2024-01"), m("2024-02"))));
    }

    #[test]
    fn gaps_up_to_the_limit_keep_one_body() {
        let d = data(&["2022-01", "2024-01", "2026-01"]);
        let e = d.extent().unwrap();
        assert_eq!((e.first, e.last), (m("2022-01"), m("2026-01")));
        assert!(e.outliers.is_empty());
        // 25 months apart: two bodies of one month each; the later one wins the tie.
        let d = data(&["2022-01", "2024-02"]);
        assert_eq!(d.span(), Some((m("2024-02"), m("2024-02"))));
        assert_eq!(Dataset::default().extent(), None);
    }
}
