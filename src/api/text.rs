//! Text helpers: shortening and escaping for messages, and reading input with a ceiling.

/// Reads all of `reader`, at most `cap` bytes: `None` when there is more (the rest is not
/// read, so `/dev/zero` or an endless pipe costs `cap`, not all memory). Every capped read
/// (secrets, the profile file, `@FILE` values, a JSON array) goes through here.
pub fn read_capped(reader: impl std::io::Read, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// A value as compact JSON text, as it is stored and sent (not for a terminal: that is
/// `output::json::json_text`, which also escapes what could drive one). `Value::to_string`
/// (its `Display`) gives the same text slower: it grows its string from nothing through the formatter, which was a tenth of the
/// emulator's work per storage write.
pub fn compact_json(value: &serde_json::Value) -> String {
    // Serializing a Value cannot fail: its map keys are strings.
    serde_json::to_string(value).unwrap_or_default()
}

/// The length of a value's compact JSON text, counted without building the text.
pub fn json_len(value: &serde_json::Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    // Cannot fail, as for compact_json.
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

/// A byte count as people write limits: `16 MiB`, `64 KiB`, `100 bytes`.
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 && b % (1024 * 1024) == 0 => format!("{} MiB", b / (1024 * 1024)),
        b if b >= 1024 && b % 1024 == 0 => format!("{} KiB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// Shortens a single-line rendering of a value to at most `max` characters.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!(
            "{}…",
            text.chars().take(max.saturating_sub(1)).collect::<String>()
        )
    }
}

/// `text` with control characters (ESC, BEL, CR, …; newlines too) escaped as `\u{1b}`, so
/// that input or a server's reply quoted in a message cannot drive the terminal.
pub fn escape_control(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// An error with its causes, each said once, e.g. `error sending request: connection
/// refused` (a library's top-level message is often generic; the cause says why).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Single-quotes for POSIX shells: `'` becomes `'\''`.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `text` as one shell word: as it is when it is plain (letters, digits, `.`, `_`, `-`),
/// else `shell_quote`d.
pub fn shell_word(text: &str) -> String {
    match text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        true => text.to_string(),
        false => shell_quote(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_json_and_its_length_are_the_display_form() {
        let value: serde_json::Value = serde_json::from_str(
            r#"{"n":1.50,"big":123456789012345678901234567890,"s":"é \u0001 \" \\","a":[true,null,{}]}"#,
        )
        .unwrap();
        assert_eq!(compact_json(&value), value.to_string());
        assert_eq!(json_len(&value), value.to_string().len());
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_word("api.example-1_x"), "api.example-1_x");
        assert_eq!(shell_word("my conn"), "'my conn'");
    }

    #[test]
    fn reads_up_to_the_cap_and_refuses_one_byte_more() {
        let read = |len: usize| read_capped(&vec![b'x'; len][..], 4).unwrap();
        assert_eq!(read(4), Some(b"xxxx".to_vec()));
        assert_eq!(read(0), Some(Vec::new()));
        assert_eq!(read(5), None);
        assert_eq!(
            read_capped(std::io::repeat(0), 1024).unwrap(),
            None,
            "endless input ends"
        );
        assert_eq!(human_bytes(16 * 1024 * 1024), "16 MiB");
        assert_eq!(human_bytes(64 * 1024), "64 KiB");
        assert_eq!(human_bytes(1000), "1000 bytes");
    }

    #[test]
    fn shortens_and_escapes() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(escape_control("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape_control("plain é"), "plain é");
    }
}
