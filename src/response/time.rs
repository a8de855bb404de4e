//! Instants of the response procedure: UTC seconds, read and written in China Standard Time.
//!
//! The plan's clocks (§5.2, §5.3: 12, 24, 48 hours) run in real time, so instants are kept as
//! seconds since the Unix epoch and shown in UTC+8. China has kept no daylight saving time since
//! 1991, so a fixed offset is exact for every date the app handles. Nothing here reads a clock:
//! "now" is always an argument.

use crate::i18n::Lang;
use crate::month::{Date, Month};
use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// UTC+8 in seconds.
pub const CST_OFFSET_SECONDS: i64 = 8 * 3600;

/// An instant, in seconds since 1970-01-01 00:00 UTC; between 1990-01-01 00:00 and
/// 2100-12-31 23:59:59 China Standard Time, the plausible span of [`crate::month`].
///
/// Serialised as RFC 3339 with the `+08:00` offset (`2026-01-31T20:00:00+08:00`); any RFC 3339
/// offset, or the `YYYY-MM-DD HH:MM` form (read as CST), is accepted when reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Why a text is not an acceptable time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Not `YYYY-MM-DD HH:MM` (or RFC 3339).
    Format,
    /// A date or time field out of range (month 13, 24:00, 31 February …).
    Range,
}

impl TimeError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TimeError::Format, Lang::Zh) => "时间格式应为 YYYY-MM-DD HH:MM（北京时间）",
            (TimeError::Format, Lang::En) => "expected YYYY-MM-DD HH:MM (China Standard Time)",
            (TimeError::Range, Lang::Zh) => "日期或时间超出范围（年份须在 1990–2100 之间）",
            (TimeError::Range, Lang::En) => "date or time out of range (years 1990–2100)",
        }
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl std::error::Error for TimeError {}

fn two_digits(text: &str) -> Option<u32> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl Timestamp {
    /// 1990-01-01 00:00 CST.
    pub const MIN: Timestamp = Timestamp(631_152_000 - CST_OFFSET_SECONDS);
    /// 2100-12-31 23:59:59 CST.
    pub const MAX: Timestamp = Timestamp(4_133_980_799 - CST_OFFSET_SECONDS);

    /// From seconds since the Unix epoch; `None` outside the supported range.
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        (Timestamp::MIN.0..=Timestamp::MAX.0)
            .contains(&seconds)
            .then_some(Timestamp(seconds))
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// A wall-clock time in China Standard Time.
    pub fn from_cst(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Option<Timestamp> {
        let local = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, 0)?;
        Timestamp::from_unix_seconds(local.and_utc().timestamp() - CST_OFFSET_SECONDS)
    }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` may separate date and time; `:SS` may follow) as China
    /// Standard Time.
    pub fn parse_cst(text: &str) -> Result<Timestamp, TimeError> {
        let t = text.trim();
        let (date, time) = t
            .split_once(' ')
            .or_else(|| t.split_once('T'))
            .ok_or(TimeError::Format)?;
        let date = Date::parse(date.trim()).map_err(|e| match e {
            crate::month::MonthError::Format => TimeError::Format,
            _ => TimeError::Range,
        })?;
        let mut parts = time.trim().split(':');
        let hour = parts.next().and_then(two_digits).ok_or(TimeError::Format)?;
        let minute = parts.next().and_then(two_digits).ok_or(TimeError::Format)?;
        let second = match parts.next() {
            None => 0,
            Some(s) => two_digits(s).ok_or(TimeError::Format)?,
        };
        if parts.next().is_some() {
            return Err(TimeError::Format);
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(TimeError::Range);
        }
        let base = Timestamp::from_cst(date.month().year(), date.month().month(), date.day(), 0, 0)
            .ok_or(TimeError::Range)?;
        let secs = i64::from(hour * 3600 + minute * 60 + second);
        Timestamp::from_unix_seconds(base.0 + secs).ok_or(TimeError::Range)
    }

    /// Parses RFC 3339 with any offset (`2026-01-31T20:00:00+08:00`, `…Z`).
    pub fn parse_rfc3339(text: &str) -> Result<Timestamp, TimeError> {
        let dt = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| TimeError::Format)?;
        Timestamp::from_unix_seconds(dt.timestamp()).ok_or(TimeError::Range)
    }

    /// Either form: RFC 3339, else `YYYY-MM-DD HH:MM` in CST.
    pub fn parse(text: &str) -> Result<Timestamp, TimeError> {
        Timestamp::parse_rfc3339(text).or_else(|_| Timestamp::parse_cst(text))
    }

    /// The wall-clock fields in CST: (year, month, day, hour, minute, second).
    fn cst_fields(self) -> (i32, u32, u32, u32, u32, u32) {
        // In range by construction, so the conversion cannot fail; the epoch is a safe fallback.
        let local = DateTime::from_timestamp(self.0 + CST_OFFSET_SECONDS, 0)
            .unwrap_or_default()
            .naive_utc();
        (
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second(),
        )
    }

    /// `2026-01-31 20:00` (CST; seconds are not shown).
    pub fn format_cst(self) -> String {
        let (y, mo, d, h, mi, _) = self.cst_fields();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
    }

    /// `2026-01-31T20:00:00+08:00`: the form CAP 1.2 requires for `sent` and `effective`.
    pub fn rfc3339_cst(self) -> String {
        let (y, mo, d, h, mi, s) = self.cst_fields();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+08:00")
    }

    /// The calendar date in CST.
    pub fn cst_date(self) -> Option<Date> {
        let (y, mo, d, ..) = self.cst_fields();
        Date::new(y, mo, d)
    }

    /// The calendar month in CST.
    pub fn cst_month(self) -> Option<Month> {
        let (y, mo, ..) = self.cst_fields();
        Month::new(y, mo)
    }

    /// `hours` later; `None` past the supported range.
    pub fn plus_hours(self, hours: u32) -> Option<Timestamp> {
        Timestamp::from_unix_seconds(self.0.checked_add(i64::from(hours) * 3600)?)
    }

    /// `minutes` later (earlier when negative); `None` outside the supported range.
    pub fn plus_minutes(self, minutes: i64) -> Option<Timestamp> {
        Timestamp::from_unix_seconds(self.0.checked_add(minutes.checked_mul(60)?)?)
    }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        later.0 - self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_cst())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.rfc3339_cst())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).map_err(|e| serde::de::Error::custom(format!("time {text:?}: {e}")))
    }
}

/// Time left to a due instant, or how far past it, in whole minutes.
///
/// Rounded against the office: time left is rounded down (never promise a minute that is not
/// there) and time overdue is rounded up (a deadline missed by seconds is missed). Exactly at
/// the due instant nothing is overdue yet ("within 12 hours" includes the 12th hour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    Left { minutes: i64 },
    Overdue { minutes: i64 },
}

impl Countdown {
    pub fn until(now: Timestamp, due: Timestamp) -> Countdown {
        let s = now.seconds_until(due);
        if s >= 0 {
            Countdown::Left {
                minutes: s.div_euclid(60),
            }
        } else {
            Countdown::Overdue {
                minutes: (-s + 59).div_euclid(60),
            }
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Countdown::Overdue { .. })
    }

    /// "还剩 3 小时 20 分" / "3 h 20 min left"; "已超时 1 小时" / "overdue by 1 h".
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Countdown::Left { minutes: 0 }, Lang::Zh) => "还剩不足 1 分".to_owned(),
            (Countdown::Left { minutes: 0 }, Lang::En) => "under 1 min left".to_owned(),
            (Countdown::Left { minutes }, Lang::Zh) => format!("还剩 {}", duration(minutes, lang)),
            (Countdown::Left { minutes }, Lang::En) => format!("{} left", duration(minutes, lang)),
            (Countdown::Overdue { minutes }, Lang::Zh) => {
                format!("已超时 {}", duration(minutes, lang))
            }
            (Countdown::Overdue { minutes }, Lang::En) => {
                format!("overdue by {}", duration(minutes, lang))
            }
        }
    }
}

/// "3 小时 20 分" / "3 h 20 min"; a zero part is left out ("1 小时", "20 min").
pub fn duration(minutes: i64, lang: Lang) -> String {
    let m = minutes.max(0);
    let (h, mi) = (m / 60, m % 60);
    match (h, mi, lang) {
        (0, mi, Lang::Zh) => format!("{mi} 分"),
        (0, mi, Lang::En) => format!("{mi} min"),
        (h, 0, Lang::Zh) => format!("{h} 小时"),
        (h, 0, Lang::En) => format!("{h} h"),
        (h, mi, Lang::Zh) => format!("{h} 小时 {mi} 分"),
        (h, mi, Lang::En) => format!("{h} h {mi} min"),
    }
}
