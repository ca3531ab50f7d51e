//! Property tests of the pure core (run in `cargo test`): the canonical string, streaming vs
//! in-memory hashing, verify, the form encoding, and the response decoder.

use desk_invoke::api::envelope as response;
use desk_invoke::api::form::encode_form;
use desk_invoke::api::signing::{sign, verify, Field, InvokeFields, StreamingSigner};
use proptest::prelude::*;

fn any_fields() -> impl Strategy<Value = InvokeFields> {
    proptest::collection::vec(proptest::option::of(any::<String>()), 6).prop_map(|values| {
        let mut fields = InvokeFields::new();
        for (field, value) in Field::ALL.into_iter().zip(values) {
            fields.set_opt(field, value);
        }
        fields
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn canonical_string_is_the_present_fields_in_order(fields in any_fields()) {
        let expected: Vec<String> = Field::ALL
            .into_iter()
            .filter_map(|f| fields.get(f).map(|v| format!("{}={v}", f.name())))
            .collect();
        prop_assert_eq!(fields.string_to_hash(), expected.join("&"));
    }

    #[test]
    fn hash_is_hmac_of_the_canonical_string(fields in any_fields(), secret in any::<Vec<u8>>()) {
        prop_assert_eq!(fields.hash(&secret), sign(&secret, fields.string_to_hash().as_bytes()));
    }

    #[test]
    fn streaming_equals_in_memory(fields in any_fields(), body in any::<Vec<u8>>(), secret in any::<Vec<u8>>(), split in any::<prop::sample::Index>()) {
        // In memory: the body as the postBody (lossy only to make a String; the streamed
        // side uses the same bytes).
        let body_text = String::from_utf8_lossy(&body).into_owned();
        let fields = fields.with(Field::PostBody, body_text.clone());
        let mut signer = StreamingSigner::new(&secret);
        for field in Field::ALL {
            if field == Field::PostBody {
                let bytes = body_text.as_bytes();
                let at = split.index(bytes.len() + 1);
                signer.begin(field);
                signer.update(&bytes[..at]);
                signer.update(&bytes[at..]);
            } else if let Some(v) = fields.get(field) {
                signer.field(field, v.as_bytes());
            }
        }
        prop_assert_eq!(signer.finish(), fields.hash(&secret));
    }

    #[test]
    fn verify_accepts_exactly_the_right_digest(message in any::<Vec<u8>>(), secret in any::<Vec<u8>>(), flip in 0usize..64) {
        let digest = sign(&secret, &message);
        prop_assert!(verify(&secret, &message, &digest));
        prop_assert!(verify(&secret, &message, &digest.to_uppercase()));
        let mut wrong: Vec<char> = digest.chars().collect();
        wrong[flip] = if wrong[flip] == '0' { '1' } else { '0' };
        let wrong: String = wrong.into_iter().collect();
        prop_assert!(!verify(&secret, &message, &wrong));
        let mut longer = message.clone();
        longer.push(0);
        prop_assert!(!verify(&secret, &longer, &digest));
    }

    #[test]
    fn verify_accepts_nothing_but_the_digest(message in any::<Vec<u8>>(), hex in any::<String>()) {
        let digest = sign(b"k", &message);
        prop_assert_eq!(verify(b"k", &message, &hex), hex.trim().eq_ignore_ascii_case(&digest));
    }

    #[test]
    fn form_encoding_round_trips(fields in any_fields(), context in any::<String>()) {
        let form = encode_form(&context, &fields);
        let decoded: Vec<(String, String)> = form_urlencoded::parse(form.as_bytes()).into_owned().collect();
        let mut expected = vec![("securityContext".to_string(), context.clone())];
        expected.extend(fields.present().map(|(f, v)| (f.name().to_string(), v.to_string())));
        prop_assert_eq!(decoded, expected);
    }

    #[test]
    fn decoder_takes_any_bytes_and_keeps_the_response_string(bytes in any::<Vec<u8>>()) {
        let decoded = response::decode(&bytes);
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            if let Some(serde_json::Value::String(response)) = map.get("response") {
                prop_assert_eq!(&decoded.raw_response, response);
            }
        } else {
            // Not JSON: the text is kept whole as the body.
            let text = String::from_utf8_lossy(&bytes);
            prop_assert_eq!(decoded.raw_response, text.as_ref());
        }
    }

    #[test]
    fn decoder_reads_any_json_payload(payload in arb_json(), status in 100u16..600, as_string in any::<bool>()) {
        let code = if as_string { serde_json::json!(status.to_string()) } else { serde_json::json!(status) };
        let envelope = serde_json::json!({"statusCode": code, "response": payload.to_string(), "responseHeaders": {}});
        let decoded = response::decode(envelope.to_string().as_bytes());
        prop_assert_eq!(decoded.status_code, Some(status));
        prop_assert_eq!(decoded.raw_response, payload.to_string());
        // A payload that is not itself wrapped or a bare string comes back unchanged.
        let wrapped = payload.get("statusMessage").is_some() || payload.is_string();
        if !wrapped {
            prop_assert_eq!(decoded.body, response::Body::Json(payload.clone()));
        }
        // Wrapping it in statusMessage, as an object or as a string, changes nothing.
        if !wrapped {
            for inner in [payload.clone(), serde_json::Value::String(payload.to_string())] {
                let body = serde_json::json!({"statusMessage": inner}).to_string();
                let envelope = serde_json::json!({"statusCode": 200, "response": body});
                let decoded = response::decode(envelope.to_string().as_bytes());
                prop_assert_eq!(decoded.body, response::Body::Json(payload.clone()));
            }
        }
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-zA-Z0-9 ,:{}\"\\\\]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{1,6}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}
