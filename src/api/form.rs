//! The invoke form body (`application/x-www-form-urlencoded`): encoding as the client sends
//! it, strict decoding as the emulator reads it, and the one-value-per-name rule.

use super::signing::InvokeFields;

/// The form body: securityContext, then the fields in signing order, URL-encoded.
pub fn encode_form(security_context: &str, fields: &InvokeFields) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("securityContext", security_context);
    for (field, value) in fields.present() {
        form.append_pair(field.name(), value);
    }
    form.finish()
}

/// Strict `application/x-www-form-urlencoded` decoding: `+` and `%20` are spaces, every `%`
/// must start two hex digits, and the decoded bytes must be UTF-8. (Lenient decoders keep a
/// bad `%` literally, which would make the emulator hash something the client never meant.)
pub fn decode_form(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name).map_err(|e| format!("in a field name: {e}"))?;
            let value =
                percent_decode(value).map_err(|e| format!("in the value of `{name}`: {e}"))?;
            Ok((name, value))
        })
        .collect()
}

fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = |offset: usize| {
                    bytes
                        .get(i + offset)
                        .and_then(|b| (*b as char).to_digit(16))
                };
                match (hex(1), hex(2)) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 3;
                    }
                    _ => {
                        let shown: String = text[i..].chars().take(3).collect();
                        return Err(format!("bad percent-encoding `{shown}`"));
                    }
                }
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "percent-encoded bytes are not UTF-8".to_string())
}

/// The one value of `name` among `pairs`. A repeated name is refused (`Err` says so): which
/// copy was meant, or signed, would be a guess.
pub fn single<'a>(pairs: &'a [(String, String)], name: &str) -> Result<Option<&'a str>, String> {
    let mut values = pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str());
    let first = values.next();
    if values.next().is_some() {
        return Err(format!("`{name}` is given more than once"));
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::signing::Field;

    #[test]
    fn form_decoding_is_strict_and_utf8() {
        let pairs = decode_form("a=x+y%20z&b=%7B%22k%22%3A1%7D&c=&d&e=caf%C3%A9").unwrap();
        assert_eq!(
            pairs,
            [
                ("a".to_string(), "x y z".to_string()),
                ("b".into(), r#"{"k":1}"#.into()),
                ("c".into(), "".into()),
                ("d".into(), "".into()),
                ("e".into(), "café".into()),
            ]
        );
        assert!(decode_form("a=%zz").is_err());
        assert!(decode_form("a=%4").is_err());
        assert!(decode_form("a=100%").is_err());
        assert!(decode_form("a=%FF").is_err());
        assert!(decode_form("").unwrap().is_empty());
        // A literal `=` inside a value survives: only the first one splits.
        assert_eq!(decode_form("a=b=c").unwrap()[0].1, "b=c");
    }

    #[test]
    fn encoded_forms_decode_to_the_same_fields() {
        let fields = InvokeFields::new()
            .with(Field::RequestUrl, "https://x.test/a?b=c&d")
            .with(Field::PostBody, "{\"k\":\"v + w%\"}");
        let form = encode_form("ctx &=", &fields);
        let pairs = decode_form(&form).unwrap();
        assert_eq!(single(&pairs, "securityContext").unwrap(), Some("ctx &="));
        assert_eq!(
            single(&pairs, "postBody").unwrap(),
            Some("{\"k\":\"v + w%\"}")
        );
        assert!(single(&decode_form("a=1&a=2").unwrap(), "a").is_err());
    }
}
