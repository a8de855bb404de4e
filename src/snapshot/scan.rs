//! Byte-level walks over a JSON text: the checks that must run before serde (nesting depth,
//! string length), the JSON path at a byte offset, and the lines where given paths start.
//!
//! Offsets are bytes, as serde_json counts them (its column is a byte count within the line);
//! columns shown to people are characters. The walks never fail: on text that is not JSON they
//! still end and return something, and serde reports what is wrong.

use std::collections::{HashMap, HashSet};

/// A 1-based line and a 1-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

/// The position of the last character before byte `end` (the character serde stopped at).
pub(crate) fn position(text: &str, end: usize) -> Position {
    let end = floor_boundary(text, end.min(text.len()));
    let before = text.get(..end).unwrap_or("");
    let line = 1 + before.bytes().filter(|b| *b == b'\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()).max(1);
    Position { line, column }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset of serde_json's `line` (1-based) and `column` (bytes into the line).
pub(crate) fn offset_from_serde(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0usize;
    if line > 1 {
        let mut seen = 1usize;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == line {
                    start = i + 1;
                    break;
                }
            }
        }
    }
    start.saturating_add(column).min(text.len())
}

/// What [`prescan`] found over its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Over {
    /// Arrays and objects nested deeper than allowed.
    Depth,
    /// A string longer than allowed (characters of its JSON text, escapes as written).
    String { chars: usize },
}

/// The first place where the text nests deeper than `max_depth` or holds a string longer than
/// `max_string_chars`, as (byte offset just past it, what). One pass, no allocation: it runs
/// before serde so that neither recursion nor a huge allocation can be forced by the input.
pub(crate) fn prescan(
    text: &str,
    max_depth: usize,
    max_string_chars: usize,
) -> Option<(usize, Over)> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                continue;
            }
            // UTF-8 continuation bytes do not start a character.
            if b & 0xC0 != 0x80 {
                chars += 1;
                if chars > max_string_chars {
                    return Some((i + 1, Over::String { chars }));
                }
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                chars = 0;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > max_depth {
                    return Some((i + 1, Over::Depth));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

struct Frame {
    /// Length of the path of the container itself.
    base: usize,
    array: bool,
    index: usize,
    expect_key: bool,
}

/// A token walk keeping the JSON path of the value being read (`dataset.observations[3].month`;
/// empty for the document).
struct Walker<'a> {
    text: &'a str,
    i: usize,
    path: String,
    stack: Vec<Frame>,
}

enum Event {
    /// A member's key was read (the path now names the member) or an array element started.
    Named,
    /// A closing bracket at this byte is next; the path still names its container's member.
    Close,
    Other,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str) -> Walker<'a> {
        Walker {
            text,
            i: 0,
            path: String::new(),
            stack: Vec::new(),
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    /// An array element starts here: the path names it.
    fn element(&mut self) -> bool {
        match self.stack.last_mut() {
            Some(f) if f.array => {
                self.path.truncate(f.base);
                self.path.push_str(&format!("[{}]", f.index));
                true
            }
            _ => false,
        }
    }

    /// The start of the next token, whitespace skipped; `None` at the end.
    fn peek_start(&mut self) -> Option<usize> {
        while let Some(b) = self.byte(self.i) {
            if b.is_ascii_whitespace() {
                self.i += 1;
            } else {
                return Some(self.i);
            }
        }
        None
    }

    /// Reads the token at [`Walker::peek_start`].
    fn step(&mut self) -> Event {
        let Some(start) = self.peek_start() else {
            return Event::Other;
        };
        let Some(b) = self.byte(start) else {
            return Event::Other;
        };
        self.i = start + 1;
        match b {
            b'{' | b'[' => {
                let named = self.element();
                self.stack.push(Frame {
                    base: self.path.len(),
                    array: b == b'[',
                    index: 0,
                    expect_key: b == b'{',
                });
                if named {
                    Event::Named
                } else {
                    Event::Other
                }
            }
            b'}' | b']' => {
                if let Some(f) = self.stack.pop() {
                    self.path.truncate(f.base);
                }
                Event::Other
            }
            b',' => {
                if let Some(f) = self.stack.last_mut() {
                    self.path.truncate(f.base);
                    if f.array {
                        f.index += 1;
                    } else {
                        f.expect_key = true;
                    }
                }
                Event::Other
            }
            b':' => {
                if let Some(f) = self.stack.last_mut() {
                    f.expect_key = false;
                }
                Event::Other
            }
            b'"' => {
                let body_start = self.i;
                let mut escaped = false;
                let mut body_end = self.text.len();
                while let Some(c) = self.byte(self.i) {
                    self.i += 1;
                    if escaped {
                        escaped = false;
                    } else if c == b'\\' {
                        escaped = true;
                    } else if c == b'"' {
                        body_end = self.i - 1;
                        break;
                    }
                }
                match self.stack.last_mut() {
                    Some(f) if !f.array && f.expect_key => {
                        let key = self.text.get(body_start..body_end).unwrap_or("");
                        self.path.truncate(f.base);
                        if f.base > 0 {
                            self.path.push('.');
                        }
                        self.path.push_str(key);
                        Event::Named
                    }
                    _ => {
                        if self.element() {
                            Event::Named
                        } else {
                            Event::Other
                        }
                    }
                }
            }
            _ => {
                while let Some(c) = self.byte(self.i) {
                    if c.is_ascii_whitespace() || matches!(c, b',' | b'}' | b']' | b':') {
                        break;
                    }
                    self.i += 1;
                }
                if self.element() {
                    Event::Named
                } else {
                    Event::Other
                }
            }
        }
    }

    /// Whether the next token is a closing bracket at byte `at`.
    fn closes_at(&mut self, at: usize) -> Event {
        match self.peek_start() {
            Some(s) if s == at && matches!(self.byte(s), Some(b'}' | b']')) => Event::Close,
            _ => Event::Other,
        }
    }

    fn render(path: &str) -> String {
        if path.is_empty() {
            ".".to_owned()
        } else {
            path.to_owned()
        }
    }
}

/// The path of the value serde was reading when it stopped just before byte `end`. An error
/// reported right after a closing bracket (a missing field, a wrong length) is about the
/// container, not its last member.
pub(crate) fn path_at(text: &str, end: usize) -> String {
    path_at_closing(text, end).0
}

/// [`path_at`], and whether the error came right after the closing bracket of that path's
/// container (then the container's first line is the more useful one to show).
pub(crate) fn path_at_closing(text: &str, end: usize) -> (String, bool) {
    let mut w = Walker::new(text);
    let last = end.saturating_sub(1);
    while let Some(start) = w.peek_start() {
        if start >= end {
            break;
        }
        if let Event::Close = w.closes_at(last) {
            let base = w.stack.last().map_or(0, |f| f.base);
            return (Walker::render(w.path.get(..base).unwrap_or("")), true);
        }
        w.step();
    }
    (Walker::render(&w.path), false)
}

/// The 1-based line where each of the `wanted` paths starts (its key, or its first character
/// for an array element); `.` is the document. Paths not found are left out.
pub(crate) fn lines_of(text: &str, wanted: &HashSet<&str>) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    if wanted.contains(".") {
        found.insert(".".to_owned(), 1);
    }
    let mut w = Walker::new(text);
    let (mut line, mut counted) = (1usize, 0usize);
    while let Some(start) = w.peek_start() {
        if found.len() == wanted.len() {
            break;
        }
        if let Event::Named = w.step() {
            if wanted.contains(w.path.as_str()) && !found.contains_key(&w.path) {
                line += text
                    .as_bytes()
                    .get(counted..start)
                    .map_or(0, |s| s.iter().filter(|b| **b == b'\n').count());
                counted = start;
                found.insert(w.path.clone(), line);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's own error position points at.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, offset_from_serde(text, e.line(), e.column()))
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        dataset: Dataset,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Dataset {
        observations: Vec<Obs>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Obs {
        region: String,
        month: u32,
    }

    #[test]
    fn paths_of_serde_errors() {
        let text = r#"{"dataset": {"observations": [
            {"region": "a", "month": 1},
            {"region": "b", "month": 2},
            {"region": "d", "month": "x"}
        ]}}"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[2].month");
        // Multi-byte text before the error on the same line: serde counts bytes.
        let text = r#"{"dataset": {"observations": [{"region": "西兴街道西兴街道", "month": 1}, {"region": "长河", "month": -1}]}}"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[1].month");
        let text = r#"{"dataset": {"observations": [{"region": "a"}]}}"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[0]");
        assert_eq!(path_of_error::<Doc>("[]"), ".");
        assert_eq!(path_of_error::<Doc>(""), ".");
        let text = r#"{"dataset": {"observations": [{"region": "a", "month": 1}, {"reg"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[1].reg");
    }

    #[test]
    fn prescan_finds_depth_and_long_strings() {
        assert_eq!(prescan(r#"{"a": [[1]]}"#, 3, 10), None);
        assert_eq!(prescan(r#"{"a": [[[1]]]}"#, 3, 10), Some((9, Over::Depth)));
        // Brackets inside strings do not count; escaped quotes do not end a string.
        assert_eq!(prescan(r#"{"a": "[[[[\"[["}"#, 1, 20), None);
        assert_eq!(
            prescan(r#"{"a": "西兴街道"}"#, 2, 3),
            Some((17, Over::String { chars: 4 }))
        );
        assert_eq!(prescan("", 1, 1), None);
    }

    #[test]
    fn positions_count_characters() {
        let text = "{\n  \"名\": x}";
        let end = text.find('x').unwrap() + 1;
        assert_eq!(position(text, end), Position { line: 2, column: 8 });
        assert_eq!(position("", 0), Position { line: 1, column: 1 });
    }

    #[test]
    fn lines_of_paths() {
        let text = "{\n \"a\": 1,\n \"b\": [\n  {\"c\": 2},\n  {\"c\": 3}\n ]\n}";
        let wanted: HashSet<&str> = ["a", "b[1].c", "b[0]", ".", "zz"].into_iter().collect();
        let lines = lines_of(text, &wanted);
        assert_eq!(lines.get("a"), Some(&2));
        assert_eq!(lines.get("b[0]"), Some(&4));
        assert_eq!(lines.get("b[1].c"), Some(&5));
        assert_eq!(lines.get("."), Some(&1));
        assert_eq!(lines.get("zz"), None);
    }
}
