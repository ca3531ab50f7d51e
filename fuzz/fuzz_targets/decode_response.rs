//! The invoke response decoder must take any bytes without panicking, and never lose the
//! `response` string it was given.
#![no_main]

use desk_invoke::api::envelope::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = decode(data);
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Some(serde_json::Value::String(response)) = map.get("response") {
            assert_eq!(&decoded.raw_response, response);
        }
    }
});
