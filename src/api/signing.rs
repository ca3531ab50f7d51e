//! The signing rule of docs/reference.md ("The signing rule"), with no I/O: callers stream a
//! large postBody in chunks.
//!
//! stringToHash joins `name=value` with `&` in the fixed field order, including only the
//! fields that are sent; values are raw bytes. HASH is lowercase hex HMAC-SHA256 with the
//! extension secret as key. Client, `hash`, callbacks and the emulator all go through here.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The hashed invoke fields, in signing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    RequestUrl,
    RequestType,
    QueryParams,
    PostBody,
    Headers,
    ConnectionLinkName,
}

impl Field {
    /// Every hashed field, in the order they are joined.
    pub const ALL: [Field; 6] = [
        Field::RequestUrl,
        Field::RequestType,
        Field::QueryParams,
        Field::PostBody,
        Field::Headers,
        Field::ConnectionLinkName,
    ];

    /// The form-field name, which is also the name in stringToHash.
    pub fn name(self) -> &'static str {
        match self {
            Field::RequestUrl => "requestURL",
            Field::RequestType => "requestType",
            Field::QueryParams => "queryParams",
            Field::PostBody => "postBody",
            Field::Headers => "headers",
            Field::ConnectionLinkName => "connectionLinkName",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The hashed fields of one invoke request. `None` means "not sent, not hashed";
/// `Some("")` is sent and hashed as `name=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvokeFields {
    values: [Option<String>; 6],
}

impl InvokeFields {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        self.values[field as usize].as_deref()
    }

    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.values[field as usize] = Some(value.into());
    }

    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.set(field, value);
        self
    }

    pub fn set_opt(&mut self, field: Field, value: Option<String>) {
        self.values[field as usize] = value;
    }

    /// The fields that are sent, in signing order.
    pub fn present(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f, v)))
    }

    /// The exact message that is signed.
    pub fn string_to_hash(&self) -> String {
        let mut out = String::new();
        for (i, (field, value)) in self.present().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(field.name());
            out.push('=');
            out.push_str(value);
        }
        out
    }

    /// Lowercase hex HASH of these fields under `secret`.
    pub fn hash(&self, secret: &[u8]) -> String {
        let mut signer = StreamingSigner::new(secret);
        for (field, value) in self.present() {
            signer.field(field, value.as_bytes());
        }
        signer.finish()
    }
}

/// Lowercase hex HMAC-SHA256 of `message` under `secret`.
pub fn sign(secret: &[u8], message: &[u8]) -> String {
    let mut mac = new_mac(secret);
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `hex_digest` (either case, surrounding whitespace ignored) is the HMAC-SHA256 of
/// `message` under `secret`. The comparison is constant time.
pub fn verify(secret: &[u8], message: &[u8], hex_digest: &str) -> bool {
    let Ok(expected) = hex::decode(hex_digest.trim()) else {
        return false;
    };
    let mut mac = new_mac(secret);
    mac.update(message);
    mac.verify_slice(&expected).is_ok()
}

/// Equality of two secrets in time that depends on neither where they differ nor their
/// lengths: both sides are hashed first, and the digests compared in constant time.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use sha2::Digest;
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

fn new_mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    HmacSha256::new_from_slice(secret).expect("HMAC takes any key length")
}

/// Builds the HASH field by field, so that a postBody can be fed in chunks:
/// constant memory whatever its size. Fields must be given in signing order.
pub struct StreamingSigner {
    mac: HmacSha256,
    fields_written: usize,
    last: Option<Field>,
}

impl StreamingSigner {
    pub fn new(secret: &[u8]) -> Self {
        StreamingSigner {
            mac: new_mac(secret),
            fields_written: 0,
            last: None,
        }
    }

    /// Starts `field`: feeds `&name=` (or `name=` for the first field).
    pub fn begin(&mut self, field: Field) {
        debug_assert!(
            self.last.is_none_or(|last| last < field),
            "fields must be given in signing order"
        );
        if self.fields_written > 0 {
            self.mac.update(b"&");
        }
        self.mac.update(field.name().as_bytes());
        self.mac.update(b"=");
        self.fields_written += 1;
        self.last = Some(field);
    }

    /// Feeds more bytes of the current field's value.
    pub fn update(&mut self, bytes: &[u8]) {
        self.mac.update(bytes);
    }

    /// A whole field at once.
    pub fn field(&mut self, field: Field, value: &[u8]) {
        self.begin(field);
        self.update(value);
    }

    pub fn finish(self) -> String {
        hex::encode(self.mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC_SECRET: &[u8] = b"my_secret_key_238392";
    const DOC_HASH: &str = "a1df625d33b77472c264beb06579875b88951ba12736dcb2cb416034928c2c42";

    fn doc_fields() -> InvokeFields {
        InvokeFields::new()
            .with(Field::RequestUrl, "https://api.google.com/test")
            .with(Field::RequestType, "POST")
            .with(Field::QueryParams, "{}")
            .with(Field::PostBody, "{}")
            .with(Field::Headers, r#"{"orgId":376723}"#)
            .with(Field::ConnectionLinkName, "myConnectionLinkName")
    }

    fn vectors() -> Vec<serde_json::Value> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hash.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn fields_of(vector: &serde_json::Value) -> InvokeFields {
        let mut fields = InvokeFields::new();
        for (name, value) in vector["fields"].as_object().unwrap() {
            let field = Field::from_name(name).unwrap_or_else(|| panic!("unknown field {name}"));
            fields.set(field, value.as_str().unwrap());
        }
        fields
    }

    #[test]
    fn zoho_documentation_example() {
        let fields = doc_fields();
        assert_eq!(
            fields.string_to_hash(),
            r#"requestURL=https://api.google.com/test&requestType=POST&queryParams={}&postBody={}&headers={"orgId":376723}&connectionLinkName=myConnectionLinkName"#
        );
        assert_eq!(fields.hash(DOC_SECRET), DOC_HASH);
    }

    #[test]
    fn every_shared_vector() {
        let vectors = vectors();
        assert!(vectors.len() >= 6);
        for v in &vectors {
            let fields = fields_of(v);
            let secret = v["secret"].as_str().unwrap().as_bytes();
            assert_eq!(fields.string_to_hash(), v["stringToHash"], "{}", v["name"]);
            assert_eq!(fields.hash(secret), v["hash"], "{}", v["name"]);
            assert_eq!(sign(secret, fields.string_to_hash().as_bytes()), v["hash"]);
            assert!(verify(
                secret,
                fields.string_to_hash().as_bytes(),
                v["hash"].as_str().unwrap()
            ));
        }
    }

    #[test]
    fn order_is_fixed_whatever_order_fields_are_set_in() {
        let mut fields = InvokeFields::new();
        fields.set(Field::ConnectionLinkName, "myConnectionLinkName");
        fields.set(Field::Headers, r#"{"orgId":376723}"#);
        fields.set(Field::PostBody, "{}");
        fields.set(Field::QueryParams, "{}");
        fields.set(Field::RequestType, "POST");
        fields.set(Field::RequestUrl, "https://api.google.com/test");
        assert_eq!(fields.hash(DOC_SECRET), DOC_HASH);
    }

    #[test]
    fn absent_and_empty_fields_differ() {
        let absent = InvokeFields::new().with(Field::RequestUrl, "https://x.test/a");
        let empty = absent.clone().with(Field::PostBody, "");
        assert_eq!(absent.string_to_hash(), "requestURL=https://x.test/a");
        assert_eq!(
            empty.string_to_hash(),
            "requestURL=https://x.test/a&postBody="
        );
        assert_ne!(absent.hash(b"k"), empty.hash(b"k"));
    }

    #[test]
    fn streaming_equals_in_memory() {
        let body = "x".repeat(1_000_000) + "\n{\"a\":\"b\"}";
        let fields = doc_fields().with(Field::PostBody, body.clone());
        let mut signer = StreamingSigner::new(DOC_SECRET);
        signer.field(Field::RequestUrl, b"https://api.google.com/test");
        signer.field(Field::RequestType, b"POST");
        signer.field(Field::QueryParams, b"{}");
        signer.begin(Field::PostBody);
        for chunk in body.as_bytes().chunks(4096) {
            signer.update(chunk);
        }
        signer.field(Field::Headers, br#"{"orgId":376723}"#);
        signer.field(Field::ConnectionLinkName, b"myConnectionLinkName");
        assert_eq!(signer.finish(), fields.hash(DOC_SECRET));
    }

    #[test]
    fn constant_time_eq_compares_whole_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(constant_time_eq(b"", b""));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"", b"a"));
    }

    #[test]
    fn verify_accepts_upper_case_and_rejects_others() {
        let msg = br#"{"event":"onInstall","orgId":376723}"#;
        let digest = sign(b"s", msg);
        assert!(verify(b"s", msg, &digest));
        assert!(verify(b"s", msg, &digest.to_uppercase()));
        assert!(verify(b"s", msg, &format!(" {digest}\n")));
        assert!(!verify(b"t", msg, &digest));
        assert!(!verify(b"s", b"other", &digest));
        assert!(!verify(b"s", msg, &digest[..62]));
        assert!(!verify(b"s", msg, "not hex"));
        assert!(!verify(b"s", msg, ""));
    }

    /// Pins the HMAC itself to openssl, an implementation independent of ours, where present.
    #[test]
    fn matches_openssl_dgst() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let cases: &[(&str, &str)] = &[
            ("k", "requestURL=https://x.test/"),
            (
                "s3cr3t",
                "requestURL=https://x.test/a&requestType=POST&postBody=line1\nline2\r\n",
            ),
            (
                "clé",
                r#"requestURL=https:\/\/x.test\/b&requestType=PUT&postBody={"a":"Zoë"}"#,
            ),
        ];
        for (secret, message) in cases {
            let child = Command::new("openssl")
                .args(["dgst", "-sha256", "-hmac", secret, "-r"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn();
            // `.ci/run` installs openssl; a missing one is a broken set-up, not a skip.
            let mut child = child.expect("openssl is needed by this test");
            child
                .stdin
                .take()
                .unwrap()
                .write_all(message.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            let openssl = String::from_utf8(out.stdout).unwrap();
            let openssl = openssl.split_whitespace().next().unwrap();
            assert_eq!(sign(secret.as_bytes(), message.as_bytes()), openssl);
        }
    }
}
