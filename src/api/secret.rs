//! Secret values (the extension secret, the securityContext) and their redaction.

use super::mask::Masker;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

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

/// Replaces secret values wherever they occur in text that leaves the process, in any
/// encoding the masker decodes (`api::mask`): percent, form, JSON and HTML escapes, base64,
/// and their compositions.
///
/// Cheap to make and to clone: the patterns are built on the first `apply` that has text to
/// look at, once per process for a given set of secrets (the output and the client share
/// one), so a command whose output never needs masking never pays for it.
#[derive(Clone, Default)]
pub struct Redactor {
    /// The secrets, sorted and without duplicates; empty when there is nothing to mask.
    secrets: Arc<[String]>,
    masker: Arc<OnceLock<Option<Arc<Masker>>>>,
}

pub use super::mask::MARK;

impl Redactor {
    pub fn new(secrets: &[&Secret]) -> Redactor {
        let mut secrets: Vec<String> = secrets
            .iter()
            .map(|s| s.expose().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        secrets.sort_unstable();
        secrets.dedup();
        Redactor {
            secrets: secrets.into(),
            masker: Arc::default(),
        }
    }

    /// `text` with every secret, in whatever encoding, replaced by `[redacted]`.
    pub fn apply(&self, text: &str) -> String {
        if self.secrets.is_empty() || text.is_empty() {
            return text.to_string();
        }
        match self.masker.get_or_init(|| built(&self.secrets)) {
            Some(masker) => masker.mask(text).into_owned(),
            None => text.to_string(),
        }
    }
}

/// The masker for `secrets`, built at most once per process for each set (the few most
/// recent sets are kept: the emulator makes one per request that substitutes secure values).
fn built(secrets: &[String]) -> Option<Arc<Masker>> {
    type Built = (Arc<[String]>, Option<Arc<Masker>>);
    static BUILT: Mutex<Vec<Built>> = Mutex::new(Vec::new());
    let mut cache = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, masker)) = cache.iter().find(|(s, _)| &s[..] == secrets) {
        return masker.clone();
    }
    let masker = Masker::new(&secrets.iter().map(String::as_str).collect::<Vec<_>>()).map(Arc::new);
    if cache.len() >= 8 {
        cache.remove(0);
    }
    cache.push((secrets.into(), masker.clone()));
    masker
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

    /// A transformation a server might apply to what it echoes, written independently of
    /// the masker's decoders.
    type Encoding = (&'static str, fn(&str) -> String);

    const ENCODINGS: &[Encoding] = &[
        ("raw", |s| s.to_string()),
        ("percent every byte", |s| {
            s.bytes().map(|b| format!("%{b:02X}")).collect()
        }),
        ("percent component", |s| percent(s, b"-_.!~*'()")),
        ("percent leaving / raw", |s| percent(s, b"-_.~/")),
        ("percent lower-case hex", |s| {
            percent(s, b"-_.~").to_lowercase_hex()
        }),
        ("form", |s| {
            form_urlencoded::byte_serialize(s.as_bytes()).collect()
        }),
        ("json", |s| json(s)),
        ("json \\/", |s| json(s).replace('/', "\\/")),
        ("json ensure_ascii", |s| json_ascii(s, false)),
        ("json every char \\u", |s| json_ascii(s, true)),
        ("html named", |s| html_named(s)),
        ("html decimal", |s| html_numeric(s, false)),
        ("html hex", |s| html_numeric(s, true)),
        ("base64", |s| base64(s, STANDARD, true)),
        ("base64 unpadded", |s| base64(s, STANDARD, false)),
        ("base64url", |s| base64(s, URL_SAFE, true)),
        ("base64url unpadded", |s| base64(s, URL_SAFE, false)),
    ];

    trait LowerHex {
        fn to_lowercase_hex(self) -> String;
    }
    impl LowerHex for String {
        fn to_lowercase_hex(self) -> String {
            let mut out = String::new();
            let mut chars = self.chars();
            while let Some(c) = chars.next() {
                out.push(c);
                if c == '%' {
                    out.extend(chars.by_ref().take(2).map(|h| h.to_ascii_lowercase()));
                }
            }
            out
        }
    }

    fn percent(s: &str, safe: &[u8]) -> String {
        s.bytes()
            .map(|b| match b.is_ascii_alphanumeric() || safe.contains(&b) {
                true => (b as char).to_string(),
                false => format!("%{b:02X}"),
            })
            .collect()
    }

    fn json(s: &str) -> String {
        let quoted = serde_json::to_string(s).unwrap();
        quoted[1..quoted.len() - 1].to_string()
    }

    fn json_ascii(s: &str, every: bool) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '"' if !every => out.push_str("\\\""),
                '\\' if !every => out.push_str("\\\\"),
                ' '..='~' if !every => out.push(c),
                _ => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
            }
        }
        out
    }

    fn html_named(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    }

    fn html_numeric(s: &str, hex: bool) -> String {
        s.chars()
            .map(|c| match (c.is_ascii_alphanumeric(), hex) {
                (true, _) => c.to_string(),
                (false, false) => format!("&#{};", c as u32),
                (false, true) => format!("&#x{:X};", c as u32),
            })
            .collect()
    }

    const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    fn base64(s: &str, alphabet: &[u8; 64], pad: bool) -> String {
        let mut out = String::new();
        for chunk in s.as_bytes().chunks(3) {
            let n =
                chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
            if pad {
                out.push_str(&"=".repeat(3 - chunk.len()));
            }
        }
        out
    }

    /// Secrets chosen to trip every decoder: a base64 token (`+`, `/`, `=`), and a value
    /// holding quotes, a backslash, non-ASCII, an astral character (a surrogate pair in
    /// JSON), a space, `&`, `<`, `%`, and literal escapes of its own (`&amp;`, `%2B`).
    const HARD_SECRETS: &[&str] = &[
        "ab+c/d==tok+en/9z==",
        "s3cr\"et é/🔑 \\ &amp; <b> 50%2B+'x'",
        "test-secret-0123456789abcdef",
    ];

    fn assert_masked(redactor: &Redactor, secret: &str, shown: &str, how: &str) {
        let text = format!("before {shown} after");
        let masked = redactor.apply(&text);
        assert_eq!(
            masked, "before [redacted] after",
            "{how} of {secret:?}: {shown:?}"
        );
        assert_eq!(redactor.apply(&masked), masked, "{how}: masking twice");
    }

    #[test]
    fn every_transformation_is_masked() {
        for secret in HARD_SECRETS {
            let redactor = Redactor::new(&[&Secret::new(*secret)]);
            for (name, encode) in ENCODINGS {
                assert_masked(&redactor, secret, &encode(secret), name);
            }
        }
    }

    #[test]
    fn every_pair_of_transformations_is_masked() {
        let mut tried = 0;
        for secret in HARD_SECRETS {
            let redactor = Redactor::new(&[&Secret::new(*secret)]);
            for (inner, encode_inner) in ENCODINGS {
                for (outer, encode_outer) in ENCODINGS {
                    let shown = encode_outer(&encode_inner(secret));
                    assert_masked(&redactor, secret, &shown, &format!("{outer} of {inner}"));
                    tried += 1;
                }
            }
        }
        assert_eq!(
            tried,
            HARD_SECRETS.len() * ENCODINGS.len() * ENCODINGS.len()
        );
    }

    #[test]
    fn every_triple_of_transformations_is_masked() {
        let secret = HARD_SECRETS[1];
        let redactor = Redactor::new(&[&Secret::new(secret)]);
        for (first, encode_first) in ENCODINGS {
            for (second, encode_second) in ENCODINGS {
                let twice = encode_second(&encode_first(secret));
                for (third, encode_third) in ENCODINGS {
                    let how = format!("{third} of {second} of {first}");
                    assert_masked(&redactor, secret, &encode_third(&twice), &how);
                }
            }
        }
    }

    #[test]
    fn deeper_compositions_seen_in_the_wild_are_masked() {
        let secret = HARD_SECRETS[1];
        let redactor = Redactor::new(&[&Secret::new(secret)]);
        // The -vv envelope trace: a JSON string holding a JSON string, ensure_ascii inside.
        let envelope = |inner: &str| json(&format!("{{\"echo\":\"{inner}\"}}"));
        let twice = envelope(&json_ascii(secret, false));
        assert_eq!(redactor.apply(&twice), envelope(MARK), "{twice}");
        let thrice = percent(&json(&json(secret)), b"-_.~/");
        assert_masked(&redactor, secret, &thrice, "percent of json of json");
        let payload = base64(
            &format!("{{\"ctx\":\"{}\"}}", json(secret)),
            URL_SAFE,
            false,
        );
        let token = format!("eyJhbGciOiJIUzI1NiJ9.{payload}.c2lnbmF0dXJl");
        assert_eq!(
            redactor.apply(&token),
            "eyJhbGciOiJIUzI1NiJ9.[redacted].c2lnbmF0dXJl",
            "a token's payload"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let ordinary = [
            "GET /api/v1/invoke?orgId=1&x=%2F 200 {\"message\":\"a \\\"b\\\" \\u00e9\"}",
            "Authorization: Basic dXNlcjpwYXNzd29yZA== &amp; &#34; application/json",
            "c3VjY2Vzc2Z1bA== successful base64url_words-and_more",
        ];
        let long = Redactor::new(&[&Secret::new(HARD_SECRETS[0]), &Secret::new(HARD_SECRETS[1])]);
        let short = Redactor::new(&[&Secret::new("%41"), &Secret::new("u")]);
        for text in ordinary {
            assert_eq!(long.apply(text), text);
            assert_eq!(
                short.apply(text),
                text.replace('u', MARK),
                "only the letter itself"
            );
        }
        assert_eq!(Redactor::default().apply("as is"), "as is");
    }

    #[test]
    fn short_secrets_are_masked_as_themselves_in_escapes() {
        let redactor = Redactor::new(&[&Secret::new("s"), &Secret::new("a b")]);
        assert_eq!(
            redactor.apply("%73 \\u0073 &#115; a+b a%20b"),
            "[redacted] [redacted] [redacted] [redacted] [redacted]"
        );
    }

    #[test]
    fn redaction_is_idempotent_even_for_short_secrets() {
        let (s, c) = (Secret::new("s"), Secret::new("c"));
        let redactor = Redactor::new(&[&s, &c]);
        let once = redactor.apply("success");
        assert_eq!(once, "[redacted]u[redacted][redacted]e[redacted][redacted]");
        assert_eq!(
            redactor.apply(&once),
            once,
            "the mark survives a second pass"
        );
        let inside = Redactor::new(&[&Secret::new("ted"), &Secret::new("d]")]);
        assert_eq!(inside.apply("[redacted] x"), "[redacted] x");
        let long = Secret::new("abcdef");
        let short = Secret::new("abc");
        let redactor = Redactor::new(&[&short, &long]);
        assert_eq!(redactor.apply("x abcdef abc"), "x [redacted] [redacted]");
    }

    #[test]
    fn overlapping_secrets_leave_no_fragment() {
        let redactor = Redactor::new(&[&Secret::new("abc"), &Secret::new("bcdef")]);
        assert_eq!(redactor.apply("xabcdefx"), "x[redacted]x");
    }

    #[test]
    fn the_masker_is_built_once_per_set_of_secrets() {
        let (a, b) = (
            Secret::new("first-secret-value"),
            Secret::new("second-secret-value"),
        );
        let output = Redactor::new(&[&a, &b]);
        let client = Redactor::new(&[&b, &a, &a]);
        assert_eq!(output.apply("first-secret-value"), MARK);
        assert_eq!(client.apply("second-secret-value"), MARK);
        let (one, two) = (output.masker.get().unwrap(), client.masker.get().unwrap());
        assert!(Arc::ptr_eq(one.as_ref().unwrap(), two.as_ref().unwrap()));
        let unused = Redactor::new(&[&a]);
        assert!(
            unused.masker.get().is_none(),
            "nothing built before it is needed"
        );
    }
}
