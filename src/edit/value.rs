//! The editable fields of an observation, their values, and reading them from text typed, pasted
//! or imported.

use crate::i18n::Lang;
use crate::model::Observation;
use crate::num::{Pct, PctError};
use std::fmt;

/// One editable figure of an [`Observation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    RegisteredRate,
    ActualRate,
    Unemployed,
    LabourForce,
    Graduates,
    Difficulty,
    MigrantWorkers,
}

/// Whether a field holds a percentage or a number of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Rate,
    Count,
}

/// A field's value: a percentage for the rates, a whole number of people for the counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    Rate(Pct),
    Count(u64),
}

impl fmt::Display for Value {
    /// The plain text a user would type: `4.5`, `1200` (no grouping, so it reads back).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Rate(p) => p.fmt(f),
            Value::Count(n) => n.fmt(f),
        }
    }
}

impl Field {
    /// In the order of the CSV columns and the entry forms.
    pub const ALL: [Field; 7] = [
        Field::RegisteredRate,
        Field::ActualRate,
        Field::Unemployed,
        Field::LabourForce,
        Field::Graduates,
        Field::Difficulty,
        Field::MigrantWorkers,
    ];

    /// Stable machine name, used as the CSV column name.
    pub fn id(self) -> &'static str {
        match self {
            Field::RegisteredRate => "registered_rate",
            Field::ActualRate => "actual_rate",
            Field::Unemployed => "unemployed",
            Field::LabourForce => "labour_force",
            Field::Graduates => "graduates",
            Field::Difficulty => "difficulty",
            Field::MigrantWorkers => "migrant_workers",
        }
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The name shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::RegisteredRate, Lang::Zh) => "登记失业率",
            (Field::RegisteredRate, Lang::En) => "registered rate",
            (Field::ActualRate, Lang::Zh) => "实际失业率",
            (Field::ActualRate, Lang::En) => "actual rate",
            (Field::Unemployed, Lang::Zh) => "登记失业人数",
            (Field::Unemployed, Lang::En) => "registered unemployed",
            (Field::LabourForce, Lang::Zh) => "劳动力人数",
            (Field::LabourForce, Lang::En) => "labour force",
            (Field::Graduates, Lang::Zh) => "高校毕业生",
            (Field::Graduates, Lang::En) => "college graduates",
            (Field::Difficulty, Lang::Zh) => "就业困难人员",
            (Field::Difficulty, Lang::En) => "people with employment difficulties",
            (Field::MigrantWorkers, Lang::Zh) => "农民工",
            (Field::MigrantWorkers, Lang::En) => "migrant workers",
        }
    }

    pub fn kind(self) -> FieldKind {
        match self {
            Field::RegisteredRate | Field::ActualRate => FieldKind::Rate,
            _ => FieldKind::Count,
        }
    }

    /// The field's value in an observation.
    pub fn get(self, o: &Observation) -> Option<Value> {
        match self {
            Field::RegisteredRate => o.registered_rate.map(Value::Rate),
            Field::ActualRate => o.actual_rate.map(Value::Rate),
            Field::Unemployed => o.unemployed.map(Value::Count),
            Field::LabourForce => o.labour_force.map(Value::Count),
            Field::Graduates => o.key_groups.graduates.map(Value::Count),
            Field::Difficulty => o.key_groups.difficulty.map(Value::Count),
            Field::MigrantWorkers => o.key_groups.migrant_workers.map(Value::Count),
        }
    }

    /// Sets the field; `false` (and nothing changed) when the value is of the other kind.
    pub(crate) fn set(self, o: &mut Observation, value: Option<Value>) -> bool {
        match (self.kind(), value) {
            (FieldKind::Rate, Some(Value::Count(_))) | (FieldKind::Count, Some(Value::Rate(_))) => {
                return false
            }
            _ => {}
        }
        let rate = match value {
            Some(Value::Rate(p)) => Some(p),
            _ => None,
        };
        let count = match value {
            Some(Value::Count(n)) => Some(n),
            _ => None,
        };
        match self {
            Field::RegisteredRate => o.registered_rate = rate,
            Field::ActualRate => o.actual_rate = rate,
            Field::Unemployed => o.unemployed = count,
            Field::LabourForce => o.labour_force = count,
            Field::Graduates => o.key_groups.graduates = count,
            Field::Difficulty => o.key_groups.difficulty = count,
            Field::MigrantWorkers => o.key_groups.migrant_workers = count,
        }
        true
    }

    /// Reads a value typed or pasted for this field; an empty (blank) text is `None` (clears).
    pub fn parse(self, text: &str) -> Result<Option<Value>, ValueError> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        let err = |problem| ValueError {
            text: t.to_owned(),
            problem,
        };
        match self.kind() {
            FieldKind::Rate => Pct::parse(t)
                .map(|p| Some(Value::Rate(p)))
                .map_err(|e| err(ValueProblem::NotAPercentage(e))),
            FieldKind::Count => parse_count(t).map(|n| Some(Value::Count(n))).map_err(err),
        }
    }
}

/// Whether an observation has no figure at all (such an observation is dropped).
pub(crate) fn is_empty(o: &Observation) -> bool {
    Field::ALL.iter().all(|f| f.get(o).is_none())
}

/// Reads a whole number of people. Spreadsheets write `1,200`, `1 200` or `1200.0`; all are
/// accepted, as is a thin space (the app's own grouping).
pub fn parse_count(text: &str) -> Result<u64, ValueProblem> {
    let t = text.trim();
    if t.starts_with('-') && t.len() > 1 {
        return Err(ValueProblem::Negative);
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{2009}' | '\u{202f}' | '\u{a0}'))
        .collect();
    // `1200.0` / `1200.` from a spreadsheet number format is still a whole number.
    let digits = match digits.split_once('.') {
        Some((whole, frac)) if frac.bytes().all(|b| b == b'0') => whole.to_owned(),
        Some(_) => return Err(ValueProblem::NotAWholeNumber),
        None => digits,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueProblem::NotAWholeNumber);
    }
    digits.parse::<u64>().map_err(|_| ValueProblem::TooLarge)
}

/// Why a text is not a value of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    NotAPercentage(PctError),
    NotAWholeNumber,
    Negative,
    TooLarge,
}

impl ValueProblem {
    /// The problem with `text`, as a sentence fragment naming the text.
    pub fn describe(&self, text: &str, lang: Lang) -> String {
        match (self, lang) {
            (ValueProblem::NotAPercentage(PctError::TooManyDecimals), Lang::Zh) => {
                format!("“{text}”的小数超过 4 位")
            }
            (ValueProblem::NotAPercentage(PctError::TooManyDecimals), Lang::En) => {
                format!("'{text}' has more than 4 decimal places")
            }
            (ValueProblem::NotAPercentage(PctError::OutOfRange), Lang::Zh) => {
                format!("“{text}”不在 0–100 % 之间")
            }
            (ValueProblem::NotAPercentage(PctError::OutOfRange), Lang::En) => {
                format!("'{text}' is outside 0–100 %")
            }
            (ValueProblem::NotAPercentage(_), Lang::Zh) => {
                format!("“{text}”不是百分数（0–100，最多 4 位小数）")
            }
            (ValueProblem::NotAPercentage(_), Lang::En) => {
                format!("'{text}' is not a percentage (0–100, at most 4 decimals)")
            }
            (ValueProblem::NotAWholeNumber, Lang::Zh) => format!("“{text}”不是整数"),
            (ValueProblem::NotAWholeNumber, Lang::En) => {
                format!("'{text}' is not a whole number")
            }
            (ValueProblem::Negative, Lang::Zh) => format!("“{text}”是负数，人数不能小于 0"),
            (ValueProblem::Negative, Lang::En) => {
                format!("'{text}' is negative; a count cannot be below 0")
            }
            (ValueProblem::TooLarge, Lang::Zh) => format!("“{text}”太大"),
            (ValueProblem::TooLarge, Lang::En) => format!("'{text}' is too large"),
        }
    }
}

/// A text that is not a value of its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    /// The offending text, trimmed.
    pub text: String,
    pub problem: ValueProblem,
}

impl ValueError {
    pub fn message(&self, lang: Lang) -> String {
        self.problem.describe(&self.text, lang)
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ValueError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_a_spreadsheet_writes_them() {
        assert_eq!(parse_count("1200"), Ok(1200));
        assert_eq!(parse_count(" 1,200 "), Ok(1200));
        assert_eq!(parse_count("1 200"), Ok(1200));
        assert_eq!(parse_count("1200.0"), Ok(1200));
        assert_eq!(parse_count("+7"), Ok(7));
        assert_eq!(parse_count("-3"), Err(ValueProblem::Negative));
        assert_eq!(parse_count("abc"), Err(ValueProblem::NotAWholeNumber));
        assert_eq!(parse_count("1.5"), Err(ValueProblem::NotAWholeNumber));
        assert_eq!(parse_count("-"), Err(ValueProblem::NotAWholeNumber));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(ValueProblem::TooLarge)
        );
    }

    #[test]
    fn fields_parse_their_kind() {
        assert_eq!(
            Field::RegisteredRate.parse("4.5%"),
            Ok(Some(Value::Rate(Pct::tenths(45))))
        );
        assert_eq!(Field::LabourForce.parse("  "), Ok(None));
        let e = Field::LabourForce.parse("abc").unwrap_err();
        assert_eq!(e.message(Lang::En), "'abc' is not a whole number");
        assert_eq!(e.message(Lang::Zh), "“abc”不是整数");
        let e = Field::ActualRate.parse("101").unwrap_err();
        assert_eq!(e.message(Lang::En), "'101' is outside 0–100 %");
        for f in Field::ALL {
            assert_eq!(Field::from_id(f.id()), Some(f));
        }
    }

    #[test]
    fn set_refuses_the_other_kind() {
        let mut o = Observation::new("x", crate::month::Month::new(2026, 1).unwrap());
        assert!(!Field::Unemployed.set(&mut o, Some(Value::Rate(Pct::ZERO))));
        assert!(Field::Unemployed.set(&mut o, Some(Value::Count(3))));
        assert_eq!(o.unemployed, Some(3));
        assert!(!is_empty(&o));
        assert!(Field::Unemployed.set(&mut o, None));
        assert!(is_empty(&o));
    }
}
