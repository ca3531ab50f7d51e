//! Extension config params: `{"variables":[{"name","value","secure"}]}` in, `{"data":[…]}`
//! out, and the name rule both sides check.

use super::envelope::{Body, InvokeResponse};
use super::error::{Error, Kind, Result};
use serde_json::{json, Map, Value};

pub const MAX_NAME_CHARS: usize = 100;

/// A secure value as shown: Desk conceals one "by showing asterisks" ("Create Config
/// Params"); `config get` and the emulator's replies show this.
pub const SECURE_MASK: &str = "********";

/// One param as stored and listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub value: Value,
    pub secure: bool,
}

impl Param {
    pub fn to_json(&self) -> Value {
        json!({ "name": self.name, "value": self.value, "secure": self.secure })
    }
}

/// One entry of a `variables` update; `secure: None` keeps an existing param's flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub secure: Option<bool>,
}

/// Characters a config param name (and so a `{{name}}` placeholder) is made of: those of
/// the manifest's rule `^[a-zA-Z][a-zA-Z0-9-_ ]*$`, and `.`.
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ' ')
}

/// Whether `name` is a config param name: 1–100 name characters, not starting or ending
/// with a space. Each is usable as a `{{name}}` placeholder.
pub fn is_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=MAX_NAME_CHARS).contains(&count)
        && name.chars().all(is_name_char)
        && !name.starts_with(' ')
        && !name.ends_with(' ')
}

/// `is_name`, as an error naming the rule.
pub fn check_name(name: &str) -> Result<()> {
    match is_name(name) {
        true => Ok(()),
        false => Err(Error::usage(format!(
            "config param name `{}` must be 1 to {MAX_NAME_CHARS} characters of letters, digits, spaces and _ . - (no space first or last)",
            name.escape_default()
        ))),
    }
}

/// The update body for `pairs`, names checked; `secure` marks them secure (else each keeps
/// its flag).
pub fn variables_body(pairs: &[(String, String)], secure: bool) -> Result<String> {
    if pairs.is_empty() {
        return Err(Error::usage("config set needs at least one NAME=VALUE"));
    }
    let variables = pairs
        .iter()
        .map(|(name, value)| {
            check_name(name)?;
            Ok(match secure {
                true => json!({"name": name, "value": value, "secure": true}),
                false => json!({"name": name, "value": value}),
            })
        })
        .collect::<Result<Vec<Value>>>()?;
    Ok(json!({ "variables": variables }).to_string())
}

/// The entries of an update body.
pub fn parse_variables(mut body: Map<String, Value>) -> Result<Vec<Variable>> {
    let Some(Value::Array(variables)) = body.remove("variables") else {
        return Err(Error::usage(
            "the body must be {\"variables\":[{\"name\":…,\"value\":…}]}",
        ));
    };
    if variables.is_empty() {
        return Err(Error::usage("`variables` is empty"));
    }
    variables
        .into_iter()
        .enumerate()
        .map(|(index, variable)| {
            let Value::Object(mut variable) = variable else {
                return Err(Error::usage(format!(
                    "variables[{index}] must be an object"
                )));
            };
            let name = match variable.remove("name") {
                Some(Value::String(name)) => name,
                _ => {
                    return Err(Error::usage(format!(
                        "variables[{index}] needs a string `name`"
                    )))
                }
            };
            check_name(&name)?;
            let value = match variable.remove("value") {
                Some(Value::String(value)) => value,
                _ => {
                    return Err(Error::usage(format!(
                        "variables[{index}] (`{name}`) needs a string `value`"
                    )))
                }
            };
            let secure = match variable.remove("secure") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(secure)) => Some(secure),
                Some(_) => {
                    return Err(Error::usage(format!(
                        "variables[{index}] (`{name}`): `secure` must be true or false"
                    )))
                }
            };
            Ok(Variable {
                name,
                value,
                secure,
            })
        })
        .collect()
}

/// `NAME=VALUE` → (name, value).
pub fn parse_pair(text: &str) -> Result<(String, String)> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(Error::usage(format!(
            "`{}` is not NAME=VALUE",
            text.escape_default()
        ))),
    }
}

/// The values of the secure params in a GET reply, as text: what a trace of that reply must
/// mask (as `config get` masks them) unless the user asks to see them.
pub fn secure_values(reply: &InvokeResponse) -> Vec<String> {
    let Body::Json(body) = &reply.body else {
        return Vec::new();
    };
    (params(body).unwrap_or_default().into_iter())
        .filter(|p| p.secure)
        .map(|p| match p.value {
            Value::String(text) => text,
            other => other.to_string(),
        })
        .collect()
}

/// The params of a GET reply: `{"data":[…]}`, `{"variables":[…]}` or a bare array.
pub fn params(body: &Value) -> Result<Vec<Param>> {
    let list = body
        .get("data")
        .or_else(|| body.get("variables"))
        .or_else(|| body.get("configParams"))
        .unwrap_or(body);
    if list.is_null() {
        return Ok(Vec::new());
    }
    let Some(list) = list.as_array() else {
        return Err(Error::new(Kind::Server, "unexpected configParams reply"));
    };
    Ok(list
        .iter()
        .filter_map(|p| {
            let name = p.get("name")?.as_str()?.to_string();
            let value = p.get("value").cloned().unwrap_or(Value::Null);
            let secure = match p.get("secure").or_else(|| p.get("isSecure")) {
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
                _ => false,
            };
            Some(Param {
                name,
                value,
                secure,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_names_and_replies() {
        assert_eq!(parse_pair("a=b=c").unwrap(), ("a".into(), "b=c".into()));
        assert!(parse_pair("=x").is_err());
        assert!(parse_pair("x").is_err());
        assert!(check_name("api.key-1_x").is_ok());
        assert!(check_name("My Region").is_ok());
        for name in [" a", "a ", "a\tb", "a{b", ""] {
            assert!(check_name(name).is_err(), "{name:?}");
        }
        assert!(check_name(&"n".repeat(MAX_NAME_CHARS + 1)).is_err());
        let p = params(
            &json!({"data":[{"name":"k","value":"v","secure":true},{"name":"n","value":"1"}]}),
        )
        .unwrap();
        assert_eq!(p.len(), 2);
        assert!(p[0].secure && !p[1].secure);
        assert!(params(&json!("x")).is_err());
        assert_eq!(
            variables_body(&[("a".into(), "1".into())], false).unwrap(),
            r#"{"variables":[{"name":"a","value":"1"}]}"#
        );
        assert!(variables_body(&[("a{b".into(), "1".into())], false).is_err());
    }

    #[test]
    fn variables_are_parsed_strictly() {
        let body = |v: Value| v.as_object().unwrap().clone();
        let parsed = parse_variables(body(
            json!({"variables":[{"name":"a","value":"1","secure":true},{"name":"b","value":"2"}]}),
        ))
        .unwrap();
        assert_eq!(parsed[0].secure, Some(true));
        assert_eq!(parsed[1].secure, None);
        for bad in [
            json!({}),
            json!({"variables":[]}),
            json!({"variables":[1]}),
            json!({"variables":[{"value":"1"}]}),
            json!({"variables":[{"name":"a","value":1}]}),
            json!({"variables":[{"name":"a","value":"1","secure":"yes"}]}),
        ] {
            assert!(parse_variables(body(bad.clone())).is_err(), "{bad}");
        }
    }
}
