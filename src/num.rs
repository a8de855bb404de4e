//! Exact numbers for thresholds and rates.
//!
//! A threshold such as 6.5 % must be met by a month at exactly 6.5 % (§9: "以上" includes the
//! number), so no floating-point value ever decides a boundary. Percentages are fixed-point
//! integers in units of 0.0001 percentage points; a rate computed from counts stays an exact
//! fraction and is compared by cross-multiplication.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// Decimal places a [`Pct`] keeps (0.0001 percentage points).
pub const PCT_DECIMALS: u32 = 4;
const PCT_SCALE: i64 = 10_000;

/// A percentage with four exact decimals: `Pct::from_units(65_000)` is 6.5 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pct(i64);

/// Why a text is not an acceptable percentage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PctError {
    Empty,
    NotANumber,
    TooManyDecimals,
    OutOfRange,
}

impl fmt::Display for PctError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PctError::Empty => "empty value",
            PctError::NotANumber => "not a decimal number",
            PctError::TooManyDecimals => "more than 4 decimal places",
            PctError::OutOfRange => "outside 0–100 %",
        })
    }
}

impl std::error::Error for PctError {}

impl Pct {
    pub const ZERO: Pct = Pct(0);
    pub const HUNDRED: Pct = Pct(100 * PCT_SCALE);

    /// From units of 0.0001 percentage points.
    pub const fn from_units(units: i64) -> Pct {
        Pct(units)
    }

    /// Whole and tenths of a percent: `Pct::tenths(65)` is 6.5 %.
    pub const fn tenths(t: i64) -> Pct {
        Pct(t * (PCT_SCALE / 10))
    }

    /// Hundredths of a percent: `Pct::hundredths(649)` is 6.49 %.
    pub const fn hundredths(h: i64) -> Pct {
        Pct(h * (PCT_SCALE / 100))
    }

    pub const fn units(self) -> i64 {
        self.0
    }

    /// Parses a decimal text such as `6.5`, `6.50 `, `６.５` is refused; a trailing `%` is allowed.
    /// Accepts 0–100 with at most four decimals.
    pub fn parse(text: &str) -> Result<Pct, PctError> {
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t).trim();
        if t.is_empty() {
            return Err(PctError::Empty);
        }
        // A negative number is a number, only not a percentage: say "outside 0–100", which
        // tells the user what to fix, rather than "not a number". `-0` is zero.
        if let Some(rest) = t.strip_prefix('-') {
            if rest.trim_start().starts_with(['-', '+']) {
                return Err(PctError::NotANumber);
            }
            return match Pct::parse(rest) {
                Ok(p) if p == Pct::ZERO => Ok(p),
                Ok(_) | Err(PctError::OutOfRange | PctError::TooManyDecimals) => {
                    Err(PctError::OutOfRange)
                }
                Err(e) => Err(e),
            };
        }
        let (int_part, frac_part) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        let int_part = if int_part.is_empty() && !frac_part.is_empty() {
            "0"
        } else {
            int_part
        };
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
            || int_part.is_empty()
        {
            return Err(PctError::NotANumber);
        }
        let frac_trimmed = frac_part.trim_end_matches('0');
        if frac_trimmed.len() > PCT_DECIMALS as usize {
            return Err(PctError::TooManyDecimals);
        }
        if int_part.len() > 3 {
            return Err(PctError::OutOfRange);
        }
        let whole: i64 = int_part.parse().map_err(|_| PctError::NotANumber)?;
        let mut frac: i64 = 0;
        let mut scale = PCT_SCALE;
        for b in frac_trimmed.bytes() {
            scale /= 10;
            frac += i64::from(b - b'0') * scale;
        }
        let units = whole * PCT_SCALE + frac;
        if units > Pct::HUNDRED.0 {
            return Err(PctError::OutOfRange);
        }
        Ok(Pct(units))
    }

    /// For public documents: rounded half-up to `decimals` (≤ 4) places, as the plan's tables
    /// write figures ("4.93"), with no mark of the rounding.
    pub fn rounded(self, decimals: u32) -> String {
        let decimals = decimals.min(PCT_DECIMALS);
        let step = 10_i64.pow(PCT_DECIMALS - decimals);
        Pct((self.0 + step / 2).div_euclid(step) * step).to_string()
    }

    /// For display: rounded half-up to `decimals` (≤ 4) places, prefixed with "≈" when that
    /// loses precision, so a rounded figure is never mistaken for one at a threshold.
    pub fn approx(self, decimals: u32) -> String {
        let decimals = decimals.min(PCT_DECIMALS);
        let step = 10_i64.pow(PCT_DECIMALS - decimals);
        let rounded = (self.0 + step / 2).div_euclid(step) * step;
        let body = Pct(rounded).to_string();
        if rounded == self.0 {
            body
        } else {
            format!("≈{body}")
        }
    }

    /// The exact fraction `part / whole` as a rate, for comparisons.
    pub fn of(part: u64, whole: u64) -> Option<Rate> {
        Rate::from_counts(part, whole)
    }
}

impl fmt::Display for Pct {
    /// Shortest exact decimal: 6.5, 6.49, 0, 100.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let scale = PCT_SCALE.unsigned_abs();
        let whole = a / scale;
        let frac = a % scale;
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:04}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl Serialize for Pct {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Pct {
    /// Accepts a string ("6.5") or a JSON number (6.5). A number is read through its shortest
    /// decimal form, which is the text the author wrote for any value with ≤ 15 digits.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = d.deserialize_any(NumberText)?;
        Pct::parse(&text).map_err(|e| serde::de::Error::custom(format!("percentage {text:?}: {e}")))
    }
}

/// Reads a JSON string or number as the text of a decimal (a number through its shortest
/// decimal form). A visitor rather than an untagged enum, which would buffer every value first.
pub struct NumberText;

impl serde::de::Visitor<'_> for NumberText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, as text or as a number")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
        if v.is_finite() {
            Ok(format!("{v}"))
        } else {
            Err(E::custom("not a finite number"))
        }
    }
}

/// A rate as an exact fraction of percentage points: `num / den` percent.
///
/// Built either from an entered [`Pct`] (den = 10 000) or from counts
/// (unemployed × 100 / labour force), so sums of counts stay exact.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    num: u128,
    den: u128,
}

impl Rate {
    pub fn from_pct(p: Pct) -> Rate {
        Rate {
            num: u128::from(p.0.unsigned_abs()),
            den: PCT_SCALE.unsigned_abs().into(),
        }
    }

    /// `part / whole` as a percentage; `None` when `whole` is 0.
    pub fn from_counts(part: u64, whole: u64) -> Option<Rate> {
        if whole == 0 {
            return None;
        }
        Some(Rate {
            num: u128::from(part) * 100,
            den: u128::from(whole),
        })
    }

    /// Exact comparison with a threshold.
    pub fn cmp_pct(&self, p: Pct) -> Ordering {
        let other = Rate::from_pct(p);
        self.cmp(&other)
    }

    pub fn at_least(&self, p: Pct) -> bool {
        self.cmp_pct(p) != Ordering::Less
    }

    /// Rounded to the nearest representable [`Pct`] (half away from zero), for display only.
    pub fn to_pct_rounded(&self) -> Pct {
        let scale = PCT_SCALE.unsigned_abs() as u128;
        let scaled2 = self.num.saturating_mul(scale).saturating_mul(2) / self.den;
        let units = scaled2.div_ceil(2);
        Pct(i64::try_from(units).unwrap_or(i64::MAX))
    }

    /// Percentage points from this rate up to `p` (zero when already there), rounded up to the
    /// next 0.0001 pp so that adding it always reaches the threshold.
    pub fn gap_to(&self, p: Pct) -> Pct {
        if self.at_least(p) {
            return Pct::ZERO;
        }
        // p - num/den, in 1e-4 units, rounded up.
        let scale = PCT_SCALE.unsigned_abs() as u128;
        let target = u128::from(p.0.unsigned_abs()) * self.den;
        let have = self.num.saturating_mul(scale);
        let diff = target.saturating_sub(have);
        let units = diff.div_ceil(self.den);
        Pct(i64::try_from(units).unwrap_or(i64::MAX))
    }
}

impl PartialEq for Rate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Rate {}
impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Rate {
    fn cmp(&self, other: &Self) -> Ordering {
        // a/b vs c/d  <=>  a*d vs c*b; counts fit in u64 and the factors in u128 without overflow
        // for any realistic size (u64 × 100 × u64 < 2^128 only to 1.8e17 — saturate beyond).
        let l = self.num.saturating_mul(other.den);
        let r = other.num.saturating_mul(self.den);
        l.cmp(&r)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_pct_rounded().fmt(f)
    }
}

/// 15000 → "15 000" with a thin space, which reads the same in Chinese and English.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let len = s.len();
    let mut out = String::with_capacity(len + len / 3 * 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approx_marks_rounding() {
        assert_eq!(Pct::parse("2.7308").unwrap().approx(2), "≈2.73");
        assert_eq!(Pct::parse("4.4999").unwrap().approx(2), "≈4.5");
        assert_eq!(Pct::parse("4.5").unwrap().approx(2), "4.5");
        assert_eq!(Pct::parse("1.7693").unwrap().approx(2), "≈1.77");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(15_000), "15\u{2009}000");
        assert_eq!(group_thousands(1_234_567), "1\u{2009}234\u{2009}567");
    }

    #[test]
    fn parses_and_prints_exactly() {
        for (t, units) in [
            ("6.5", 65_000),
            ("6.50", 65_000),
            ("6.49", 64_900),
            ("0", 0),
            ("100", 1_000_000),
            (" 4.5 % ", 45_000),
            (".5", 5_000),
            ("5.5001", 55_001),
        ] {
            assert_eq!(Pct::parse(t), Ok(Pct::from_units(units)), "{t}");
        }
        assert_eq!(Pct::parse("6.5").unwrap().to_string(), "6.5");
        assert_eq!(Pct::parse("6.4900").unwrap().to_string(), "6.49");
        assert_eq!(Pct::parse("100").unwrap().to_string(), "100");
    }

    #[test]
    fn refuses_bad_text() {
        assert_eq!(Pct::parse(""), Err(PctError::Empty));
        assert_eq!(Pct::parse("abc"), Err(PctError::NotANumber));
        assert_eq!(Pct::parse("-1"), Err(PctError::OutOfRange));
        assert_eq!(Pct::parse("-0.1"), Err(PctError::OutOfRange));
        assert_eq!(Pct::parse("-0"), Ok(Pct::ZERO));
        assert_eq!(Pct::parse("--1"), Err(PctError::NotANumber));
        assert_eq!(Pct::parse("-abc"), Err(PctError::NotANumber));
        assert_eq!(Pct::parse("1e3"), Err(PctError::NotANumber));
        assert_eq!(Pct::parse("6.50001"), Err(PctError::TooManyDecimals));
        assert_eq!(Pct::parse("100.01"), Err(PctError::OutOfRange));
        assert_eq!(Pct::parse("1000"), Err(PctError::OutOfRange));
        assert_eq!(Pct::parse("NaN"), Err(PctError::NotANumber));
    }

    #[test]
    fn json_number_and_string_read_the_same() {
        let a: Pct = serde_json::from_str("4.55").unwrap();
        let b: Pct = serde_json::from_str("\"4.55\"").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, Pct::hundredths(455));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"4.55\"");
        assert!(serde_json::from_str::<Pct>("-1").is_err());
    }

    #[test]
    fn counts_compare_exactly_at_the_boundary() {
        let six_five = Pct::tenths(65);
        assert!(Rate::from_counts(65, 1000).unwrap().at_least(six_five));
        assert!(!Rate::from_counts(6_499_999, 100_000_000)
            .unwrap()
            .at_least(six_five));
        assert!(Rate::from_counts(13, 200).unwrap().at_least(six_five));
        assert!(Rate::from_pct(six_five).at_least(six_five));
        assert!(!Rate::from_pct(Pct::hundredths(649)).at_least(six_five));
        assert_eq!(Rate::from_counts(1, 0), None);
    }

    #[test]
    fn gap_reaches_the_threshold() {
        let r = Rate::from_counts(1, 3).unwrap(); // 33.333…%
        let gap = r.gap_to(Pct::tenths(400));
        let reached = Rate::from_pct(Pct::from_units(r.to_pct_rounded().units() + gap.units()));
        assert!(reached.at_least(Pct::tenths(400)));
        assert_eq!(
            Rate::from_pct(Pct::tenths(42)).gap_to(Pct::tenths(45)),
            Pct::tenths(3)
        );
        assert_eq!(
            Rate::from_pct(Pct::tenths(50)).gap_to(Pct::tenths(45)),
            Pct::ZERO
        );
    }
}
