//! The signing core: canonical string, streaming vs in-memory equality, verify, against an
//! HMAC computed here directly from the `hmac` crate.
#![no_main]

use desk_invoke::api::signing::{sign, verify, Field, InvokeFields, StreamingSigner};
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: [presence bits][split][secret len][secret][values separated by 0xff]
    if data.len() < 3 {
        return;
    }
    let presence = data[0];
    let split = data[1] as usize;
    let secret_len = (data[2] as usize).min(data.len() - 3);
    let secret = &data[3..3 + secret_len];
    let rest = &data[3 + secret_len..];
    let mut values = rest.split(|b| *b == 0xff).map(|v| String::from_utf8_lossy(v).into_owned());
    let mut fields = InvokeFields::new();
    for (i, field) in Field::ALL.into_iter().enumerate() {
        let value = values.next().unwrap_or_default();
        if presence & (1 << i) != 0 {
            fields.set(field, value);
        }
    }
    let canonical = fields.string_to_hash();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
    mac.update(canonical.as_bytes());
    let expected = hex(&mac.finalize().into_bytes());
    assert_eq!(fields.hash(secret), expected);
    assert_eq!(sign(secret, canonical.as_bytes()), expected);
    assert!(verify(secret, canonical.as_bytes(), &expected));
    assert!(verify(secret, canonical.as_bytes(), &expected.to_uppercase()));
    assert!(!verify(secret, canonical.as_bytes(), &expected[..62]));

    // The same fields streamed, each value cut at an arbitrary point.
    let mut signer = StreamingSigner::new(secret);
    for (field, value) in fields.present() {
        let bytes = value.as_bytes();
        let at = split.min(bytes.len());
        signer.begin(field);
        signer.update(&bytes[..at]);
        signer.update(&bytes[at..]);
    }
    assert_eq!(signer.finish(), expected);
});

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
