//! The one CSV writer of the app: the data exports, the audit trail and the what-if comparison
//! all write through it, so every file gets the same quoting and the same formula guard.
//!
//! The guard follows OWASP's advice on CSV injection: a text cell a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) is prefixed with `'`, which
//! [`super::clean_text`] takes off again on import. Numbers are written as they are (a
//! negative number is not a formula), so only cells marked as text are guarded.

use std::borrow::Cow;

/// The byte-order mark written at the start of every exported file (Excel then reads Chinese).
pub const BOM: char = '\u{feff}';

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// An export being written: starts with the [`BOM`]; rows end with CRLF.
pub struct CsvOut(String);

impl CsvOut {
    pub fn new() -> CsvOut {
        CsvOut(String::from(BOM))
    }

    /// A row of cells, each `(text, is_text)`; text cells get the formula guard.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = (Cow<'a, str>, bool)>) {
        write_row(&mut self.0, fields);
    }

    /// A row of text cells only.
    pub fn text_row<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        text_row(&mut self.0, fields);
    }

    pub fn finish(self) -> String {
        self.0
    }
}

impl Default for CsvOut {
    fn default() -> Self {
        CsvOut::new()
    }
}

/// A field as written: quoted when it holds the separator, a quote, a line break or edge
/// spaces; a text field that would start a formula is prefixed with `'`.
fn write_field(out: &mut String, value: &str, is_text: bool) {
    let guarded: Cow<str> = if is_text && value.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    };
    let needs_quotes = guarded.contains([',', '"', '\r', '\n', ';', '\t'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&guarded.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&guarded);
    }
}

/// Appends one row, each field `(text, is_text)`, ending with CRLF.
pub fn write_row<'a>(out: &mut String, fields: impl IntoIterator<Item = (Cow<'a, str>, bool)>) {
    for (i, (f, is_text)) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, &f, is_text);
    }
    out.push_str("\r\n");
}

/// Appends one row of text fields.
pub fn text_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    write_row(out, fields.into_iter().map(|f| (Cow::Borrowed(f), true)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_guarded_and_numbers_are_not() {
        let mut w = CsvOut::new();
        w.text_row([
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "ok",
        ]);
        w.row([(Cow::Borrowed("-0.2"), false)]);
        let out = w.finish();
        assert_eq!(
            out,
            "\u{feff}\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),\"'\tx\",\"'\rx\",ok\r\n-0.2\r\n"
        );
    }
}
