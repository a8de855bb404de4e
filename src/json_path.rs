//! The JSON path (`dataset.observations[3].month`) of a position in a JSON text.
//!
//! serde_json reports where a document went wrong as a line and column; users need to know which
//! value that is. Walking the text up to that position with a small tokenizer gives the path
//! without a second, path-tracking deserializer (which would double the size of every
//! `Deserialize` impl in the WebAssembly build).

enum Frame {
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    Array {
        index: usize,
        started: bool,
    },
}

/// The path of the innermost value open at 1-based `line`/`column`; `.` for the document.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let (mut l, mut c) = (1usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\n' {
            l += 1;
            c = 0;
        } else {
            c += 1;
        }
        let reached = |l: usize, c: usize| l > line || (l == line && c >= column);
        if reached(l, c) {
            // An error reported at a closing bracket is about the container itself (a missing
            // field, a wrong length), not its last member.
            match (ch, stack.last_mut()) {
                ('}', Some(Frame::Object { key, .. })) => *key = None,
                (']', Some(Frame::Array { started, .. })) => *started = false,
                _ => {}
            }
            break;
        }
        match ch {
            '{' => {
                mark_array_value(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    expect_key: true,
                });
            }
            '[' => {
                mark_array_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                });
            }
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            ':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            '"' => {
                let mut s = String::new();
                let mut escaped = false;
                for ch in chars.by_ref() {
                    if ch == '\n' {
                        l += 1;
                        c = 0;
                    } else {
                        c += 1;
                    }
                    if escaped {
                        escaped = false;
                        s.push(ch);
                    } else if ch == '\\' {
                        escaped = true;
                    } else if ch == '"' {
                        break;
                    } else {
                        s.push(ch);
                    }
                }
                match stack.last_mut() {
                    Some(Frame::Object {
                        key,
                        expect_key: true,
                    }) => *key = Some(s),
                    _ => mark_array_value(&mut stack),
                }
                if reached(l, c) {
                    break;
                }
            }
            ch if !ch.is_whitespace() => mark_array_value(&mut stack),
            _ => {}
        }
    }
    render(&stack)
}

fn mark_array_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = stack.last_mut() {
        *started = true;
    }
}

fn render(stack: &[Frame]) -> String {
    let mut out = String::new();
    for f in stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index, started } => {
                if *started {
                    out.push_str(&format!("[{index}]"));
                }
            }
        }
    }
    if out.is_empty() {
        ".".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's own error position points at.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, e.line(), e.column())
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
    fn finds_the_value_in_an_array_of_objects() {
        let text = r#"{"dataset": {"observations": [
            {"region": "a", "month": 1},
            {"region": "b", "month": 2},
            {"region": "c", "month": 2},
            {"region": "d", "month": "x"}
        ]}}"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[3].month");
    }

    #[test]
    fn keys_with_commas_and_escapes_do_not_confuse_it() {
        let text =
            "{\"dataset\": {\"observations\": [{\"region\": \"a,\\\"]b\", \"month\": true}]}}";
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[0].month");
    }

    #[test]
    fn missing_field_points_at_its_object() {
        let text = r#"{"dataset": {"observations": [{"region": "a"}]}}"#;
        assert_eq!(path_of_error::<Doc>(text), "dataset.observations[0]");
    }

    #[test]
    fn document_level_errors() {
        assert_eq!(path_at("", 1, 1), ".");
        assert_eq!(path_of_error::<Doc>("[]"), ".");
    }
}
