//! What a terminal is given: text in which no byte can drive it. C0 and C1 controls, DEL
//! and the bidi controls are shown escaped (`\u{1b}`, `\u{202e}`), bytes that are not UTF-8
//! as `\xff`, the way `ls` and `gh` show them. JSON gets the same characters as `\uXXXX`
//! escapes wherever it goes: still valid JSON, the same value.

use std::borrow::Cow;

/// Whether line breaks and tabs stay as they are (a multi-line body) or are escaped too (a
/// one-line message, a table cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Breaks {
    Keep,
    Escape,
}

/// The bidi controls: embeddings and overrides (U+202A–202E), isolates (U+2066–2069). They
/// reorder what follows on screen, so text can show something other than what it holds.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// C0 and C1 controls and DEL (`char::is_control`), and the bidi controls.
fn is_unsafe(c: char, breaks: Breaks) -> bool {
    match c {
        '\n' | '\t' => breaks == Breaks::Escape,
        c => c.is_control() || is_bidi_control(c),
    }
}

/// `text` made safe for a terminal.
pub(crate) fn terminal_safe(text: &str, breaks: Breaks) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c, breaks)) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c, breaks) {
            safe.extend(c.escape_default());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// Bytes made safe for a terminal, taken from the front of `pending`: the longest prefix
/// that ends on a character boundary, or all of it when `end` (a character cut short is
/// then shown as its bytes).
pub(crate) fn take_terminal_safe(pending: &mut Vec<u8>, end: bool) -> String {
    let mut safe = String::new();
    let mut start = 0;
    while start < pending.len() {
        match std::str::from_utf8(&pending[start..]) {
            Ok(text) => {
                safe.push_str(&terminal_safe(text, Breaks::Keep));
                start = pending.len();
            }
            Err(e) => {
                let valid = start + e.valid_up_to();
                let text = std::str::from_utf8(&pending[start..valid]).unwrap_or_default();
                safe.push_str(&terminal_safe(text, Breaks::Keep));
                let bad = match e.error_len() {
                    Some(len) => len,
                    None if end => pending.len() - valid,
                    // The rest of a character may come with the next write.
                    None => {
                        start = valid;
                        break;
                    }
                };
                for byte in &pending[valid..valid + bad] {
                    safe.push_str(&format!("\\x{byte:02x}"));
                }
                start = valid + bad;
            }
        }
    }
    pending.drain(..start);
    safe
}

/// Serialised JSON with DEL, the C1 controls and the bidi controls as `\uXXXX` (serde_json
/// escapes only C0). In JSON text these characters can only stand inside strings, so the
/// escape keeps the text valid and the value the same.
pub(crate) fn json_safe(json: String) -> String {
    let special =
        |c: char| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || is_bidi_control(c);
    if !json.chars().any(special) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if special(c) {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped() {
        let text = "a\u{1b}]0;x\u{7}b\u{9b}2J\u{202e}c\u{2066}\u{7f}\r";
        assert_eq!(
            terminal_safe(text, Breaks::Keep),
            "a\\u{1b}]0;x\\u{7}b\\u{9b}2J\\u{202e}c\\u{2066}\\u{7f}\\r"
        );
        assert_eq!(terminal_safe("two\n\tlines", Breaks::Keep), "two\n\tlines");
        assert_eq!(terminal_safe("two\nlines", Breaks::Escape), "two\\nlines");
        assert_eq!(terminal_safe("plain é", Breaks::Escape), "plain é");
    }

    #[test]
    fn bytes_split_between_writes_are_joined() {
        let mut pending = "é\u{1b}".as_bytes()[..1].to_vec();
        assert_eq!(take_terminal_safe(&mut pending, false), "");
        pending.extend_from_slice(&"é\u{1b}".as_bytes()[1..]);
        assert_eq!(take_terminal_safe(&mut pending, false), "é\\u{1b}");
        let mut pending = b"ok\xff\xc3".to_vec();
        assert_eq!(take_terminal_safe(&mut pending, false), "ok\\xff");
        assert_eq!(take_terminal_safe(&mut pending, true), "\\xc3");
        assert!(pending.is_empty());
    }

    #[test]
    fn json_keeps_its_value() {
        let value = serde_json::json!({"k": "\u{9b}\u{202e}\u{7f}x\u{1b}"});
        let safe = json_safe(value.to_string());
        assert_eq!(safe, r#"{"k":"\u009b\u202e\u007fx\u001b"}"#);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
            value
        );
    }
}
