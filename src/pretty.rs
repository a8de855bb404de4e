//! Indents compact JSON text exactly as `serde_json::to_string_pretty` writes it (two spaces,
//! `"key": value`, `[]` and `{}` when empty).
//!
//! Why not `to_string_pretty`: every `Serialize` impl it reaches is compiled a second time for
//! the pretty formatter, which in the browser build costs tens of KB of download for the two
//! exports that want indented text. Re-indenting the compact text needs no serde code at all.

/// The compact JSON `compact` (as `serde_json::to_string` writes it, no whitespace outside
/// strings) with line breaks and indentation.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn gives_what_serde_json_pretty_gives() {
        let snap = crate::demo::snapshot();
        let compact = serde_json::to_string(&snap).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&snap).unwrap()
        );
        let tricky = serde_json::json!({
            "a": [], "b": {}, "c": "x,y:{[\"]}\\", "d": [1, {"e": null}], "f": "中文"
        });
        let compact = serde_json::to_string(&tricky).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&tricky).unwrap()
        );
    }
}
