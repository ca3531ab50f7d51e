//! Output policy: stdout carries data, stderr everything else. Decoration (colour, pretty
//! JSON, tables, progress) appears only on a terminal unless asked for, and colour is decided
//! for each stream on its own: `cmd 2>err.log` on a terminal keeps escape codes out of the log.
//! This is the only module that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::api::secret::{Redactor, Secret};
use crate::api::text::{escape_control, truncate};
use colored::Colorize;
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, RwLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// Pretty and coloured on a terminal, plain when piped
    Auto,
    Json,
    Ndjson,
    Table,
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What the global options ask of the output.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OutputOptions {
    pub format: OutputFormat,
    pub color: ColorWhen,
    pub verbose: u8,
    pub quiet: bool,
}

#[derive(Clone)]
pub(crate) struct Output {
    pub format: OutputFormat,
    /// Colour on stdout (data).
    pub color: bool,
    /// Colour on stderr (errors, warnings, traces).
    pub stderr_color: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    pub verbose: u8,
    pub quiet: bool,
    /// The secrets known so far: taken out of every line written to stderr.
    redactor: Arc<RwLock<Redactor>>,
    protected: Arc<RwLock<Vec<Secret>>>,
}

impl Output {
    pub(crate) fn new(options: OutputOptions) -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let stderr_is_terminal = std::io::stderr().is_terminal();
        // `colored` decides globally; each call site here decides per stream instead, so it
        // is told to always apply the styles it is asked for.
        colored::control::set_override(true);
        Output {
            format: options.format,
            color: color_enabled(options.color, stdout_is_terminal),
            stderr_color: color_enabled(options.color, stderr_is_terminal),
            stdout_is_terminal,
            stderr_is_terminal,
            verbose: options.verbose,
            quiet: options.quiet,
            redactor: Arc::default(),
            protected: Arc::default(),
        }
    }

    /// From now on, `secrets` never appear on stderr (errors, hints, warnings, traces) nor in
    /// the files a command writes through `redact`, in any encoding.
    pub(crate) fn protect(&self, secrets: &[&Secret]) {
        let mut protected = self.protected.write().unwrap_or_else(|e| e.into_inner());
        for secret in secrets {
            if !secret.expose().is_empty() && !protected.contains(secret) {
                protected.push((*secret).clone());
            }
        }
        let all: Vec<&Secret> = protected.iter().collect();
        *self.redactor.write().unwrap_or_else(|e| e.into_inner()) = Redactor::new(&all);
    }

    /// `text` with the protected secrets replaced.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.redactor
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .apply(text)
    }

    /// A message fit for the terminal: secrets redacted, control characters escaped (input
    /// or a server's reply quoted in it cannot drive the terminal).
    fn clean(&self, text: &str) -> String {
        escape_control(&self.redact(text))
    }

    /// The format `auto` stands for here: `on_terminal` when stdout is a terminal, else
    /// `piped`.
    pub(crate) fn resolve(&self, on_terminal: OutputFormat, piped: OutputFormat) -> OutputFormat {
        match self.format {
            OutputFormat::Auto if self.stdout_is_terminal => on_terminal,
            OutputFormat::Auto => piped,
            chosen => chosen,
        }
    }

    /// Prints a line of data on stdout.
    pub(crate) fn line(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{text}");
    }

    /// Prints a JSON value: pretty and coloured on a terminal, compact otherwise.
    pub(crate) fn json(&self, value: &Value) {
        let pretty = self.format == OutputFormat::Auto && self.stdout_is_terminal;
        self.line(&render_json(value, pretty, self.color));
    }

    /// Prints a JSON value in the format asked for, the same way in every command: `json`
    /// compact, `ndjson` an array's elements one a line, `table` an array of objects (or an
    /// object) as columns, `raw` a string as it is, `auto` pretty on a terminal.
    pub(crate) fn value(&self, value: &Value) {
        match self.format {
            OutputFormat::Ndjson => match value {
                Value::Array(items) => items.iter().for_each(|item| self.line(&item.to_string())),
                other => self.line(&other.to_string()),
            },
            OutputFormat::Table => self.line(&table_of(value, self.color)),
            OutputFormat::Raw => match value {
                Value::String(text) => self.line(text),
                other => self.line(&other.to_string()),
            },
            OutputFormat::Json | OutputFormat::Auto => self.json(value),
        }
    }

    /// A line on stderr. A closed or full stderr never stops the work: the line is dropped.
    pub(crate) fn stderr_line(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{text}");
    }

    /// A note for the user (progress, results summary), silenced by `-q`.
    pub(crate) fn info(&self, text: &str) {
        if !self.quiet {
            self.stderr_line(&self.clean(text));
        }
    }

    pub(crate) fn warn(&self, text: &str) {
        if !self.quiet {
            let label = self.paint_stderr("warning:", |l| l.yellow().bold().to_string());
            self.stderr_line(&format!("{label} {}", self.clean(text)));
        }
    }

    /// A trace line for `-v` (level 1) or `-vv` (level 2).
    pub(crate) fn trace(&self, level: u8, text: &str) {
        if self.verbose >= level && !self.quiet {
            let line = self.paint_stderr(&self.clean(text), |t| t.dimmed().to_string());
            self.stderr_line(&line);
        }
    }

    /// The `error:` line and its `hint:`, on stderr; with `-o json`, one JSON object
    /// `{"error": {"message", "hint", "exitCode"}}` instead, for scripts.
    pub(crate) fn error(&self, message: &str, hint: Option<&str>, exit_code: i32) {
        if self.format == OutputFormat::Json {
            let error = serde_json::json!({"error": {
                "message": self.redact(message),
                "hint": hint.map(|h| self.redact(h)),
                "exitCode": exit_code,
            }});
            self.stderr_line(&error.to_string());
            return;
        }
        let label = self.paint_stderr("error:", |l| l.red().bold().to_string());
        self.stderr_line(&format!("{label} {}", self.clean(message)));
        if let Some(hint) = hint {
            let label = self.paint_stderr("hint:", |l| l.cyan().to_string());
            self.stderr_line(&format!("{label} {}", self.clean(hint)));
        }
    }

    /// A line of a report on stderr (a failed line of a bulk command): cleaned like errors.
    pub(crate) fn report(&self, text: &str) {
        self.stderr_line(&self.clean(text));
    }

    /// `text` styled by `style` when stdout is coloured.
    pub(crate) fn paint(&self, text: &str, style: impl FnOnce(&str) -> String) -> String {
        if self.color {
            style(text)
        } else {
            text.to_string()
        }
    }

    /// `text` styled by `style` when stderr is coloured.
    pub(crate) fn paint_stderr(&self, text: &str, style: impl FnOnce(&str) -> String) -> String {
        if self.stderr_color {
            style(text)
        } else {
            text.to_string()
        }
    }
}

/// NO_COLOR wins over CLICOLOR_FORCE, which wins over the terminal test (no-color.org, bixense).
pub(crate) fn color_enabled(when: ColorWhen, is_terminal: bool) -> bool {
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if env_set("NO_COLOR") => false,
        ColorWhen::Auto if env_set("CLICOLOR_FORCE") => true,
        ColorWhen::Auto => is_terminal,
    }
}

/// Serialises JSON, optionally indented and coloured (keys blue, strings green, numbers and
/// booleans yellow, null dimmed). Colour is applied to leaves only, so the text stays valid
/// JSON once the escapes are stripped.
pub(crate) fn render_json(value: &Value, pretty: bool, color: bool) -> String {
    if !color {
        return if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .unwrap_or_default();
    }
    let mut out = String::new();
    write_colored(value, pretty, 0, &mut out);
    out
}

fn write_colored(value: &Value, pretty: bool, depth: usize, out: &mut String) {
    let indent = |depth: usize| "  ".repeat(depth);
    let (newline, space) = if pretty { ("\n", " ") } else { ("", "") };
    match value {
        Value::Null => out.push_str(&"null".dimmed().to_string()),
        Value::Bool(b) => out.push_str(&b.to_string().yellow().to_string()),
        Value::Number(n) => out.push_str(&n.to_string().yellow().to_string()),
        Value::String(s) => out.push_str(&Value::String(s.clone()).to_string().green().to_string()),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(newline);
                if pretty {
                    out.push_str(&indent(depth + 1));
                }
                write_colored(item, pretty, depth + 1, out);
            }
            out.push_str(newline);
            if pretty {
                out.push_str(&indent(depth));
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(newline);
                if pretty {
                    out.push_str(&indent(depth + 1));
                }
                let key = Value::String(key.clone()).to_string();
                out.push_str(&key.blue().bold().to_string());
                out.push(':');
                out.push_str(space);
                write_colored(item, pretty, depth + 1, out);
            }
            out.push_str(newline);
            if pretty {
                out.push_str(&indent(depth));
            }
            out.push('}');
        }
    }
}

/// A value as a table: an array of objects by their keys (in first-seen order), an object as
/// FIELD/VALUE rows, anything else as its JSON.
fn table_of(value: &Value, color: bool) -> String {
    let cell = |v: &Value| match v {
        Value::String(s) => truncate(s, 80),
        Value::Null => String::new(),
        other => truncate(&other.to_string(), 80),
    };
    match value {
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            let mut columns: Vec<String> = Vec::new();
            for item in items {
                for key in item.as_object().into_iter().flat_map(|o| o.keys()) {
                    if !columns.contains(key) {
                        columns.push(key.clone());
                    }
                }
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|item| columns.iter().map(|c| cell(&item[c.as_str()])).collect())
                .collect();
            let headers: Vec<String> = columns.iter().map(|c| c.to_uppercase()).collect();
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            render_table(&headers, &rows, color)
        }
        Value::Object(map) => {
            let rows: Vec<Vec<String>> =
                map.iter().map(|(k, v)| vec![k.clone(), cell(v)]).collect();
            render_table(&["FIELD", "VALUE"], &rows, color)
        }
        other => other.to_string(),
    }
}

/// A plain aligned table: a header row and one row per item. Written by hand because it is a
/// few lines and the tool needs nothing more from a table crate.
pub(crate) fn render_table(headers: &[&str], rows: &[Vec<String>], color: bool) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let pad = |text: &str, width: usize| {
        let fill = width.saturating_sub(text.chars().count());
        format!("{text}{}", " ".repeat(fill))
    };
    let mut out = String::new();
    let header: Vec<String> = headers
        .iter()
        .zip(&widths)
        .map(|(h, w)| pad(h, *w))
        .collect();
    let header = header.join("  ");
    let header = header.trim_end();
    if color {
        out.push_str(&header.bold().to_string());
    } else {
        out.push_str(header);
    }
    for row in rows {
        out.push('\n');
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        out.push_str(cells.join("  ").trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colourless_json_is_plain() {
        let v: Value = serde_json::from_str(r#"{"a":[1,"x",null,true],"b":{}}"#).unwrap();
        assert_eq!(
            render_json(&v, false, false),
            r#"{"a":[1,"x",null,true],"b":{}}"#
        );
        assert_eq!(
            render_json(&v, true, false),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    #[test]
    fn coloured_json_strips_back_to_pretty_json() {
        colored::control::set_override(true);
        let v: Value = serde_json::from_str(r#"{"k":"v \"q\"","n":[1,2],"e":[]}"#).unwrap();
        let coloured = render_json(&v, true, true);
        assert!(coloured.contains('\u{1b}'));
        let stripped = strip_ansi(&coloured);
        assert_eq!(stripped, serde_json::to_string_pretty(&v).unwrap());
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn table_aligns_columns() {
        let t = render_table(
            &["KEY", "VALUE"],
            &[
                vec!["a".into(), "1".into()],
                vec!["long-key".into(), "2".into()],
            ],
            false,
        );
        assert_eq!(t, "KEY       VALUE\na         1\nlong-key  2");
    }
}
