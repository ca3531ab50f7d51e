//! `--jq EXPR`: a jq filter run in-process (jaq) on every JSON value a command prints. It is
//! compiled once, before the command does anything, and only when `--jq` is given, so
//! commands without it pay nothing. Results are written as `gh --jq` writes them: one a
//! line, strings raw, anything else compact JSON.

use crate::api::error::{Error, Result};
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{data, unwrap_valr, Compiler, Ctx, Vars};
use jaq_json::Val;
use serde_json::Value;
use std::sync::Arc;

type Native = jaq_core::Native<data::JustLut<Val>>;

/// A compiled `--jq` filter.
#[derive(Clone)]
pub(crate) struct JqFilter {
    filter: Arc<jaq_core::compile::Filter<Native>>,
}

/// What a filter gave for one input: its results, then the error that stopped it, if any.
pub(super) struct JqOutput {
    pub lines: Vec<JqResult>,
    pub error: Option<Error>,
}

/// One result of a filter.
pub(super) enum JqResult {
    /// A string result, written as it is (as `gh --jq` and `jq -r` do).
    Text(String),
    /// Any other result, as compact JSON.
    Json(String),
}

impl JqFilter {
    /// Compiles `code`; a bad filter is a usage error naming what is wrong, on one line.
    pub(crate) fn compile(code: &str) -> Result<Self> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs())
            .chain(jaq_fmts::funs());
        let arena = Arena::default();
        let program = File { code, path: () };
        let modules = Loader::new(defs)
            .load(&arena, program)
            .map_err(|errors| bad_filter(load_error(code, errors)))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| bad_filter(compile_error(errors)))?;
        Ok(JqFilter {
            filter: Arc::new(filter),
        })
    }

    /// Runs the filter on `input`.
    pub(super) fn run(&self, input: &Value) -> JqOutput {
        let mut output = JqOutput {
            lines: Vec::new(),
            error: None,
        };
        let text = serde_json::to_string(input).unwrap_or_default();
        let input = match jaq_json::read::parse_single(text.as_bytes()) {
            Ok(input) => input,
            Err(e) => {
                output.error = Some(filter_failed(e));
                return output;
            }
        };
        let ctx = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        for result in self.filter.id.run((ctx, input)).map(unwrap_valr) {
            match result {
                Ok(value) => output.lines.push(result_line(value)),
                Err(e) => {
                    output.error = Some(filter_failed(e));
                    break;
                }
            }
        }
        output
    }
}

fn result_line(value: Val) -> JqResult {
    match value {
        Val::TStr(ref text) => JqResult::Text(String::from_utf8_lossy(text).into_owned()),
        other => JqResult::Json(other.to_string()),
    }
}

fn bad_filter(message: String) -> Error {
    Error::usage(format!("--jq: {message}"))
}

fn filter_failed(e: impl std::fmt::Display) -> Error {
    Error::usage(format!("--jq: {}", one_line(&e.to_string())))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `part` (a slice of `code`) starts, 1-based; the end when it is not inside.
fn column(code: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).wrapping_sub(code.as_ptr() as usize);
    offset.min(code.len()) + 1
}

/// The first load (lexing or parsing) error, as one line.
fn load_error(code: &str, errors: jaq_core::load::Errors<&str, ()>) -> String {
    let Some((_, error)) = errors.into_iter().next() else {
        return "cannot parse the filter".into();
    };
    match error {
        jaq_core::load::Error::Lex(errors) => errors.first().map(|(expect, rest)| {
            let expected = expect.as_str();
            format!("expected {expected} at column {}", column(code, rest))
        }),
        jaq_core::load::Error::Parse(errors) => {
            errors
                .first()
                .map(|(expect, found)| match found.chars().next() {
                    Some(_) => format!(
                        "expected {}, found `{}` at column {}",
                        expect.as_str(),
                        one_line(found).chars().take(20).collect::<String>(),
                        column(code, found)
                    ),
                    None => format!("expected {} at the end", expect.as_str()),
                })
        }
        jaq_core::load::Error::Io(errors) => errors.first().map(|(_, e)| e.clone()),
    }
    .unwrap_or_else(|| "cannot parse the filter".into())
}

/// The first compile error (an undefined name), as one line.
fn compile_error(errors: jaq_core::compile::Errors<&str, ()>) -> String {
    errors
        .into_iter()
        .flat_map(|(_, errors)| errors)
        .next()
        .map(|(name, undefined)| match undefined {
            jaq_core::compile::Undefined::Filter(arity) => {
                format!("undefined filter `{name}/{arity}`")
            }
            other => format!("undefined {} `{name}`", other.as_str()),
        })
        .unwrap_or_else(|| "cannot compile the filter".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(code: &str, input: &str) -> Vec<String> {
        let input: Value = serde_json::from_str(input).unwrap();
        let output = JqFilter::compile(code).unwrap().run(&input);
        assert!(output.error.is_none());
        output
            .lines
            .into_iter()
            .map(|line| match line {
                JqResult::Text(text) => format!("text:{text}"),
                JqResult::Json(json) => json,
            })
            .collect()
    }

    #[test]
    fn results_are_one_a_line_strings_raw() {
        assert_eq!(
            lines(".[].value", r#"[{"value":{"n":1}},{"value":"a b"}]"#),
            [r#"{"n":1}"#, "text:a b"]
        );
        assert_eq!(lines("map(.n) | add", r#"[{"n":1},{"n":2}]"#), ["3"]);
    }

    #[test]
    fn a_bad_filter_is_one_line_naming_the_problem() {
        for (code, expected) in [
            (".[", "expected"),
            ("nosuchfilter", "undefined filter `nosuchfilter/0`"),
            ("$x", "undefined variable"),
        ] {
            let error = JqFilter::compile(code).err().unwrap();
            assert!(
                error.message.contains(expected),
                "{code}: {}",
                error.message
            );
            assert!(!error.message.contains('\n'));
        }
    }

    #[test]
    fn a_runtime_error_stops_the_results() {
        let output = JqFilter::compile(".[] | .a")
            .unwrap()
            .run(&serde_json::json!([{"a": 1}, 2]));
        assert_eq!(output.lines.len(), 1);
        assert!(output.error.unwrap().message.starts_with("--jq: "));
    }
}
