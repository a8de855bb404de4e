//! Calendar months and dates, the time grid of the plan's monthly indicators.
//!
//! Years are limited to the plausible span 1990–2100 ([`FIRST_YEAR`]–[`LAST_YEAR`]). Every month
//! and date the app reads — grid, forms, CSV, paste, snapshots, share links, what-if tweaks, the
//! command line — goes through [`Month::parse`] or [`Month::new`], so this one rule refuses a
//! typo'd year such as `9999` or `2205` everywhere, and no calendar span can exceed 1 332 months.
//! The span starts before the earliest statistics the plan relies on (the registered
//! unemployment series) and ends well beyond any planning horizon.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The first plausible year.
pub const FIRST_YEAR: i32 = 1990;
/// The last plausible year.
pub const LAST_YEAR: i32 = 2100;
const MIN_YEAR: i32 = FIRST_YEAR;
const MAX_YEAR: i32 = LAST_YEAR;

/// A calendar month, e.g. `2026-05`. Ordered in time; serialised as `"YYYY-MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

/// Why a text is not an acceptable month or date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthError {
    /// Not of the form `YYYY-MM` (or `YYYY-MM-DD` for a date).
    Format,
    /// Year outside the plausible span 1990–2100.
    Year,
    /// Month outside 1–12.
    Month,
    /// Day outside the month.
    Day,
}

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MonthError::Format => "expected YYYY-MM (or YYYY-MM-DD for a date)",
            MonthError::Year => "year outside the plausible span 1990–2100",
            MonthError::Month => "month outside 1–12",
            MonthError::Day => "day outside the month",
        })
    }
}

impl std::error::Error for MonthError {}

impl MonthError {
    /// What a form shows: the plausible span for a year outside it, else the expected form.
    pub fn msg(&self) -> crate::i18n::Msg {
        match self {
            MonthError::Year => crate::i18n::Msg::YearOutsideSpan,
            _ => crate::i18n::Msg::BadDate,
        }
    }
}

fn digits(text: &str) -> Option<i32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Month {
    /// The earliest month supported, 1990-01.
    pub const MIN: Month = Month(MIN_YEAR * 12);
    /// The latest month supported, 2100-12.
    pub const MAX: Month = Month(MAX_YEAR * 12 + 11);

    /// The month `month` (1–12) of `year` (1990–2100).
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let m = i32::try_from(month).ok()?;
        Some(Month(year * 12 + m - 1))
    }

    /// Parses `YYYY-MM` (four-digit year, two-digit month).
    pub fn parse(text: &str) -> Result<Month, MonthError> {
        let t = text.trim();
        let (y, m) = t.split_once('-').ok_or(MonthError::Format)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(MonthError::Format);
        }
        let year = digits(y).ok_or(MonthError::Format)?;
        let month = digits(m).ok_or(MonthError::Format)?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(MonthError::Year);
        }
        let month = u32::try_from(month).map_err(|_| MonthError::Month)?;
        Month::new(year, month).ok_or(MonthError::Month)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12).unsigned_abs() + 1
    }

    /// The month `n` months later (earlier when negative); `None` outside years 1990–2100.
    pub fn plus(self, n: i64) -> Option<Month> {
        let idx = i64::from(self.0).checked_add(n)?;
        let lo = i64::from(MIN_YEAR) * 12;
        let hi = i64::from(MAX_YEAR) * 12 + 11;
        if !(lo..=hi).contains(&idx) {
            return None;
        }
        i32::try_from(idx).ok().map(Month)
    }

    /// The next month.
    pub fn succ(self) -> Option<Month> {
        self.plus(1)
    }

    /// The previous month.
    pub fn pred(self) -> Option<Month> {
        self.plus(-1)
    }

    /// The number of months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Month) -> i64 {
        i64::from(later.0) - i64::from(self.0)
    }

    /// `self ..= last`, ascending; empty when `last` is earlier.
    pub fn through(self, last: Month) -> MonthRange {
        MonthRange {
            next: self.0,
            last: last.0,
        }
    }

    /// The month `n` months later, saturating at the ends of the supported range.
    pub fn plus_saturating(self, n: i64) -> Month {
        match self.plus(n) {
            Some(m) => m,
            None if n < 0 => Month::MIN,
            None => Month::MAX,
        }
    }

    /// A dense index (months since year 0), for arrays keyed by month.
    pub fn index(self) -> i32 {
        self.0
    }

    /// Inverse of [`Month::index`].
    pub fn from_index(index: i64) -> Option<Month> {
        Month(MIN_YEAR * 12).plus(index - i64::from(MIN_YEAR) * 12)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl std::str::FromStr for Month {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<Month, MonthError> {
        Month::parse(s)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse(&text).map_err(|e| serde::de::Error::custom(format!("month {text:?}: {e}")))
    }
}

/// An ascending, inclusive range of months.
#[derive(Clone, Debug)]
pub struct MonthRange {
    next: i32,
    last: i32,
}

impl Iterator for MonthRange {
    type Item = Month;
    fn next(&mut self) -> Option<Month> {
        if self.next > self.last {
            return None;
        }
        let m = Month(self.next);
        // Months stay far below i32::MAX (year ≤ 2100), so this cannot wrap.
        self.next = self.next.saturating_add(1);
        Some(m)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(i64::from(self.last) - i64::from(self.next) + 1).unwrap_or(0);
        (n, Some(n))
    }
}

impl ExactSizeIterator for MonthRange {}

/// A calendar day, e.g. `2025-06-18`; serialised as `"YYYY-MM-DD"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    month: Month,
    day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in(month: Month) -> u32 {
    match month.month() {
        2 if is_leap(month.year()) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The earliest date supported, 1990-01-01.
    pub const MIN: Date = Date {
        month: Month::MIN,
        day: 1,
    };

    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let m = Month::new(year, month)?;
        if day == 0 || day > days_in(m) {
            return None;
        }
        Some(Date { month: m, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, MonthError> {
        let t = text.trim();
        let (ym, d) = t.rsplit_once('-').ok_or(MonthError::Format)?;
        if d.len() != 2 {
            return Err(MonthError::Format);
        }
        let month = Month::parse(ym)?;
        let day = digits(d).ok_or(MonthError::Format)?;
        let day = u32::try_from(day).map_err(|_| MonthError::Day)?;
        if day == 0 || day > days_in(month) {
            return Err(MonthError::Day);
        }
        Ok(Date { month, day })
    }

    /// The month the date falls in.
    pub fn month(self) -> Month {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<Date, MonthError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(|e| serde::de::Error::custom(format!("date {text:?}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prints_and_orders() {
        let m = Month::parse("2026-05").unwrap();
        assert_eq!((m.year(), m.month()), (2026, 5));
        assert_eq!(m.to_string(), "2026-05");
        assert!(Month::parse("2025-12").unwrap() < m);
        for bad in [
            "2026-5", "2026-13", "2026-00", "26-05", "0000-01", "2026/05", "", "2026-0a",
        ] {
            assert!(Month::parse(bad).is_err(), "{bad}");
        }
        // The plausible span: a typo'd year is refused with the span in the message.
        assert!(Month::parse("1990-01").is_ok() && Month::parse("2100-12").is_ok());
        for bad in ["1989-12", "2101-01", "9999-12", "2205-01", "0001-01"] {
            assert_eq!(Month::parse(bad), Err(MonthError::Year), "{bad}");
        }
        assert!(MonthError::Year.to_string().contains("1990–2100"));
        assert_eq!(Month::new(2101, 1), None);
        for bad in ["2101-01-01", "1989-12-31"] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Month::parse("2026-5").is_err());
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2026-05\"");
        assert_eq!(serde_json::from_str::<Month>("\"2026-05\"").unwrap(), m);
    }

    #[test]
    fn arithmetic() {
        let dec = Month::new(2025, 12).unwrap();
        let jan = dec.succ().unwrap();
        assert_eq!(jan.to_string(), "2026-01");
        assert_eq!(jan.pred(), Some(dec));
        assert_eq!(dec.plus(-12).unwrap().to_string(), "2024-12");
        assert_eq!(dec.months_until(Month::new(2026, 10).unwrap()), 10);
        assert_eq!(Month::new(2100, 12).unwrap().succ(), None);
        assert_eq!(Month::new(1990, 1).unwrap().pred(), None);
        assert_eq!(Month::MIN.through(Month::MAX).len(), 1332);
        let r: Vec<String> = dec
            .through(dec.plus(2).unwrap())
            .map(|m| m.to_string())
            .collect();
        assert_eq!(r, ["2025-12", "2026-01", "2026-02"]);
        assert_eq!(jan.through(dec).count(), 0);
        assert_eq!(Month::from_index(i64::from(jan.index())), Some(jan));
    }

    #[test]
    fn dates() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.month().to_string(), "2024-02");
        assert_eq!(d.to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-04-31").is_err());
        assert!(Date::parse("2023-4-01").is_err());
        assert!(Date::parse("2023-04-1").is_err());
    }
}
