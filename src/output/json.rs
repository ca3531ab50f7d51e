//! JSON as the output writes it: compact or indented, coloured or not, and always with the
//! characters that could drive a terminal escaped (`terminal::json_safe`).

use super::terminal::json_safe;
use colored::Colorize;
use serde_json::Value;

/// `value` serialised, compact or indented, terminal-safe.
pub(crate) fn json_text(value: &impl serde::Serialize, pretty: bool) -> String {
    let text = match pretty {
        true => serde_json::to_string_pretty(value),
        false => serde_json::to_string(value),
    };
    json_safe(text.unwrap_or_default())
}

/// Serialises JSON, optionally indented and coloured (keys blue, strings green, numbers and
/// booleans yellow, null dimmed). Colour is applied to leaves only, so the text stays valid
/// JSON once the escapes are stripped.
pub(crate) fn render_json(value: &Value, pretty: bool, color: bool) -> String {
    if !color {
        return json_text(value, pretty);
    }
    let mut out = String::new();
    write_colored(value, pretty, 0, &mut out);
    out
}

fn write_colored(value: &Value, pretty: bool, depth: usize, out: &mut String) {
    let indent = |depth: usize| "  ".repeat(depth);
    let (newline, space) = if pretty { ("\n", " ") } else { ("", "") };
    let string = |s: &str| json_text(&s, false);
    match value {
        Value::Null => out.push_str(&"null".dimmed().to_string()),
        Value::Bool(b) => out.push_str(&b.to_string().yellow().to_string()),
        Value::Number(n) => out.push_str(&n.to_string().yellow().to_string()),
        Value::String(s) => out.push_str(&string(s).green().to_string()),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(newline);
                if pretty {
                    out.push_str(&indent(depth + 1));
                }
                write_colored(item, pretty, depth + 1, out);
            }
            out.push_str(newline);
            if pretty {
                out.push_str(&indent(depth));
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(newline);
                if pretty {
                    out.push_str(&indent(depth + 1));
                }
                out.push_str(&string(key).blue().bold().to_string());
                out.push(':');
                out.push_str(space);
                write_colored(item, pretty, depth + 1, out);
            }
            out.push_str(newline);
            if pretty {
                out.push_str(&indent(depth));
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colourless_json_is_plain() {
        let v: Value = serde_json::from_str(r#"{"a":[1,"x",null,true],"b":{}}"#).unwrap();
        assert_eq!(
            render_json(&v, false, false),
            r#"{"a":[1,"x",null,true],"b":{}}"#
        );
        assert_eq!(
            render_json(&v, true, false),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    #[test]
    fn coloured_json_strips_back_to_pretty_json() {
        colored::control::set_override(true);
        let v: Value = serde_json::from_str(r#"{"k":"v \"q\"","n":[1,2],"e":[]}"#).unwrap();
        let coloured = render_json(&v, true, true);
        assert!(coloured.contains('\u{1b}'));
        let stripped = strip_ansi(&coloured);
        assert_eq!(stripped, serde_json::to_string_pretty(&v).unwrap());
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
