//! Secret values (the extension secret, the securityContext) and their redaction.

use std::fmt;

/// The largest secret or securityContext read from a file or stdin: `--secret-file /dev/zero`
/// is an error, not memory running out.
pub const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// A secret value: never printed whole, not even by `{:?}`. Serialised as the plain string
/// (the profile file stores it so).
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

/// `abcd…` for long values, `…` for short ones: enough to tell two apart, never enough to use.
pub fn redact(value: &str) -> String {
    if value.chars().count() >= 16 {
        format!("{}…", value.chars().take(4).collect::<String>())
    } else {
        "…".to_string()
    }
}

/// Replaces secret values wherever they occur in text that leaves the process, in every
/// encoding a server or a file could show them in: as they are, form-encoded (`+` or `%20`
/// for a space, upper- or lower-case hex, every byte escaped) and JSON-escaped (`\"`, `\/`,
/// `\uXXXX`).
#[derive(Clone, Default)]
pub struct Redactor {
    /// Every encoding of every secret, plus the mark itself; `None` when there is no secret.
    matcher: Option<aho_corasick::AhoCorasick>,
}

/// What a secret becomes. It is one of the patterns too, mapped to itself: text is redacted
/// in one pass and redacting it again changes nothing, so a short secret that occurs inside
/// the mark (`c`, `ted`) cannot chew it up when the client and the output both redact.
pub const MARK: &str = "[redacted]";

impl Redactor {
    pub fn new(secrets: &[&Secret]) -> Redactor {
        let mut needles: Vec<String> = Vec::new();
        for secret in secrets.iter().map(|s| s.expose()).filter(|s| !s.is_empty()) {
            for needle in encodings(secret) {
                if !needle.is_empty() && !needles.contains(&needle) {
                    needles.push(needle);
                }
            }
        }
        if needles.is_empty() {
            return Redactor::default();
        }
        needles.push(MARK.to_string());
        // Leftmost-longest, so a form never leaves a fragment of a longer one behind.
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&needles)
            .expect("a few literal patterns always build");
        Redactor {
            matcher: Some(matcher),
        }
    }

    /// `text` with every secret replaced by `[redacted]`, in one pass.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::new();
        match &self.matcher {
            Some(matcher) if matcher.is_match(text) => {
                matcher.replace_all_with(text, &mut out, |_, _, out| {
                    out.push_str(MARK);
                    true
                })
            }
            _ => out.push_str(text),
        }
        out
    }
}

fn encodings(secret: &str) -> Vec<String> {
    let form: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let percent20 = form.replace('+', "%20");
    let every_byte_upper: String = secret.bytes().map(|b| format!("%{b:02X}")).collect();
    let json = serde_json::to_string(secret).unwrap_or_default();
    let json = json[1..json.len().saturating_sub(1).max(1)].to_string();
    let json_slashes = json.replace('/', "\\/");
    let unicode_escaped = |upper: bool, all: bool| -> String {
        secret
            .encode_utf16()
            .map(|unit| {
                let plain =
                    char::from_u32(u32::from(unit)).filter(|c| !all && c.is_ascii_alphanumeric());
                match plain {
                    Some(c) => c.to_string(),
                    None if upper => format!("\\u{unit:04X}"),
                    None => format!("\\u{unit:04x}"),
                }
            })
            .collect()
    };
    let mut out = vec![
        secret.to_string(),
        lower_hex(&form),
        lower_hex(&percent20),
        every_byte_upper.to_ascii_lowercase(),
        form,
        percent20,
        every_byte_upper,
        json,
        json_slashes,
    ];
    for (upper, all) in [(false, false), (true, false), (false, true), (true, true)] {
        out.push(unicode_escaped(upper, all));
    }
    out
}

/// `%2F` → `%2f`, leaving everything else as it is.
fn lower_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut chars = encoded.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '%' {
            out.extend(chars.by_ref().take(2).map(|h| h.to_ascii_lowercase()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_never_shows_short_secrets() {
        assert_eq!(redact("abc"), "…");
        assert_eq!(redact("abcdefghijklmnopqrstuvwxyz"), "abcd…");
        assert!(!format!("{:?}", Secret::new("supersecretvalue123")).contains("secretvalue"));
    }

    #[test]
    fn every_encoding_is_redacted() {
        let secret = Secret::new("a/b c\"d&é");
        let redactor = Redactor::new(&[&secret]);
        for shown in [
            "a/b c\"d&é",
            "a%2Fb+c%22d%26%C3%A9",
            "a%2fb+c%22d%26%c3%a9",
            "a%2Fb%20c%22d%26%C3%A9",
            "a%2fb%20c%22d%26%c3%a9",
            "a/b c\\\"d&é",
            "a\\/b c\\\"d&é",
            "a\\u002fb\\u0020c\\u0022d\\u0026\\u00e9",
            "\\u0061\\u002F\\u0062\\u0020\\u0063\\u0022\\u0064\\u0026\\u00E9",
        ] {
            let text = format!("echo: <{shown}>");
            assert_eq!(redactor.apply(&text), "echo: <[redacted]>", "{shown}");
        }
        assert_eq!(redactor.apply("nothing here"), "nothing here");
    }

    #[test]
    fn redaction_is_one_pass_and_idempotent_even_for_short_secrets() {
        let (s, c) = (Secret::new("s"), Secret::new("c"));
        let redactor = Redactor::new(&[&s, &c]);
        let once = redactor.apply("success");
        assert_eq!(once, "[redacted]u[redacted][redacted]e[redacted][redacted]");
        assert_eq!(
            redactor.apply(&once),
            once,
            "the mark survives a second pass"
        );
        let long = Secret::new("abcdef");
        let short = Secret::new("abc");
        let redactor = Redactor::new(&[&short, &long]);
        assert_eq!(redactor.apply("x abcdef abc"), "x [redacted] [redacted]");
        assert_eq!(Redactor::default().apply("as is"), "as is");
    }
}
