//! Output policy: stdout carries data, stderr everything else. Decoration (colour, pretty
//! JSON, tables, progress) appears only on a terminal unless asked for, and colour is decided
//! for each stream on its own: `cmd 2>err.log` on a terminal keeps escape codes out of the log.
//! This is the only module that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod jq;
mod json;
mod progress;
mod stdout;
mod table;
mod terminal;

pub(crate) use jq::JqFilter;
pub(crate) use progress::Progress;
pub(crate) use stdout::{ListFormat, ListWriter};

use crate::api::error::Error;
use crate::api::secret::{Redactor, Secret};
use colored::Colorize;
use json::{json_text, render_json};
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, RwLock};
use stdout::Bytes;
use terminal::{json_safe, terminal_safe, Breaks};

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
    format: OutputFormat,
    /// Colour on stdout (data).
    color: bool,
    /// Colour on stderr (errors, warnings, traces).
    stderr_color: bool,
    stdout_is_terminal: bool,
    stderr_is_terminal: bool,
    verbose: u8,
    quiet: bool,
    /// A reader closed stdout: nothing more is written (`stdout` module).
    stdout_closed: Arc<AtomicBool>,
    /// The first write to stdout that failed otherwise, reported when the command ends.
    write_failure: Arc<Mutex<Option<Error>>>,
    /// The secrets known so far: taken out of every line written to stderr.
    redactor: Arc<RwLock<Redactor>>,
    protected: Arc<RwLock<Vec<Secret>>>,
    /// `--jq`: every JSON value printed goes through it (`jq` module).
    jq: Option<JqFilter>,
    /// Errors as one JSON object on stderr (`-o json`).
    json_errors: bool,
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
            stdout_closed: Arc::default(),
            write_failure: Arc::default(),
            redactor: Arc::default(),
            protected: Arc::default(),
            jq: None,
            json_errors: options.format == OutputFormat::Json,
        }
    }

    /// From now on, every JSON value printed on stdout is filtered by `jq`, its results
    /// written one a line (`jq` module). `--jq` implies JSON (`-o ndjson` filters each
    /// line); a table or raw output cannot be filtered: a usage error. Errors stay as `-o`
    /// asked (plain text unless `-o json`).
    pub(crate) fn with_jq(mut self, jq: JqFilter) -> Result<Self, Error> {
        self.json_errors = self.format == OutputFormat::Json;
        self.format = match self.format {
            OutputFormat::Table | OutputFormat::Raw => {
                return Err(Error::usage(
                    "--jq filters JSON: it cannot be combined with -o table or -o raw",
                )
                .with_hint("drop -o, or use -o json or -o ndjson"))
            }
            OutputFormat::Auto => OutputFormat::Json,
            json => json,
        };
        self.jq = Some(jq);
        Ok(self)
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

    /// A message fit for the terminal: secrets redacted, control and bidi characters
    /// escaped (input or a server's reply quoted in it cannot drive the terminal).
    fn clean(&self, text: &str) -> String {
        terminal_safe(&self.redact(text), Breaks::Escape).into_owned()
    }

    /// The format asked for with `-o`.
    pub(crate) fn format(&self) -> OutputFormat {
        self.format
    }

    pub(crate) fn stdout_is_terminal(&self) -> bool {
        self.stdout_is_terminal
    }

    pub(crate) fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// How much is traced: the `-v` count, none with `-q`.
    pub(crate) fn trace_level(&self) -> u8 {
        if self.quiet {
            0
        } else {
            self.verbose
        }
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

    /// Whether a command that has data to print (`value`) should print its text for a reader
    /// instead: the format is `auto`, there is no `--jq`, and stdout is a terminal (or the
    /// command prints its text on pipes too: `piped_too`). Any `-o` or `--jq` gets the data.
    pub(crate) fn shows_text(&self, piped_too: bool) -> bool {
        self.format == OutputFormat::Auto
            && self.jq.is_none()
            && (self.stdout_is_terminal || piped_too)
    }

    /// Prints a line of data on stdout: as it is when piped, escaped on a terminal.
    pub(crate) fn line(&self, text: &str) {
        self.write_stdout(text, Bytes::Data);
    }

    /// Prints a JSON value: pretty and coloured on a terminal, compact otherwise.
    pub(crate) fn json(&self, value: &Value) {
        if self.jq.is_some() {
            return self.write_jq(value);
        }
        let pretty = self.format == OutputFormat::Auto && self.stdout_is_terminal;
        self.write_stdout(&render_json(value, pretty, self.color), Bytes::Safe);
    }

    /// Prints a JSON value on one line, whatever the format (an NDJSON line, a report).
    pub(crate) fn json_line(&self, value: &impl serde::Serialize) {
        if self.jq.is_some() {
            return self.write_jq(&serde_json::to_value(value).unwrap_or_default());
        }
        self.write_stdout(&json_text(value, false), Bytes::Safe);
    }

    /// Prints an aligned table, its header bold when stdout is coloured.
    pub(crate) fn table(&self, headers: &[&str], rows: &[Vec<String>]) {
        self.write_stdout(&table::render_table(headers, rows, self.color), Bytes::Safe);
    }

    /// Prints `mark` styled by `style` (when stdout is coloured), then `text`: a report line
    /// such as `ok  step …`.
    pub(crate) fn marked_line(&self, mark: &str, style: impl FnOnce(&str) -> String, text: &str) {
        let mark = if self.color {
            style(mark)
        } else {
            mark.to_string()
        };
        let text = match self.stdout_is_terminal {
            true => terminal_safe(text, Breaks::Escape),
            false => text.into(),
        };
        self.write_stdout(&format!("{mark}{text}"), Bytes::Safe);
    }

    /// Prints a JSON value in the format asked for, the same way in every command: `json`
    /// compact, `ndjson` an array's elements one a line, `table` an array of objects (or an
    /// object) as columns, `raw` a string as it is, `auto` pretty on a terminal.
    pub(crate) fn value(&self, value: &Value) {
        match self.format {
            OutputFormat::Ndjson => match value {
                Value::Array(items) => items.iter().for_each(|item| self.json_line(item)),
                other => self.json_line(other),
            },
            OutputFormat::Table => {
                self.write_stdout(&table::table_of(value, self.color), Bytes::Safe)
            }
            OutputFormat::Raw => match value {
                Value::String(text) => self.line(text),
                other => self.json_line(other),
            },
            OutputFormat::Json | OutputFormat::Auto => self.json(value),
        }
    }

    /// A line on stderr. A closed or full stderr never stops the work: the line is dropped.
    fn stderr_line(&self, text: &str) {
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
        if self.json_errors {
            let error = serde_json::json!({"error": {
                "message": self.redact(message),
                "hint": hint.map(|h| self.redact(h)),
                "exitCode": exit_code,
            }});
            self.stderr_line(&json_safe(error.to_string()));
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

    /// `text` styled by `style` when stderr is coloured.
    fn paint_stderr(&self, text: &str, style: impl FnOnce(&str) -> String) -> String {
        if self.stderr_color {
            style(text)
        } else {
            text.to_string()
        }
    }
}

/// Writes the version line to stdout; the exit code is `printed`'s.
pub(crate) fn print_version(line: &str) -> i32 {
    printed(std::io::stdout().lock().write_all(line.as_bytes()), 0)
}

/// The exit code of writing help or the version to stdout: `code`, also for a closed pipe;
/// 2 (with one `error:` line) for a stdout that cannot be written (a full disk), so that
/// `--help > file` on a full disk does not pass for done.
fn printed(written: std::io::Result<()>, code: i32) -> i32 {
    match written {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr().lock(), "error: cannot write output: {e}");
            2
        }
    }
}

/// A command line clap refused, or `--help`/`--version`: clap prints help and version on
/// stdout (exit 0) and usage errors on stderr (exit 2). When the command line asked for
/// `-o json`, a usage error is the one JSON object every other error is (`Output::error`).
pub(crate) fn print_clap(error: &clap::Error, args: &[std::ffi::OsString]) -> i32 {
    if !error.use_stderr() {
        return printed(error.print(), error.exit_code());
    }
    if !asks_for_json(args) {
        // Rendered plain, so that what the command line holds is shown escaped on a
        // terminal (clap writes it raw) and `--color` is honoured before clap has read it.
        let is_terminal = std::io::stderr().is_terminal();
        let mut text = error.render().to_string();
        if is_terminal {
            text = terminal_safe(&text, Breaks::Keep).into_owned();
        }
        if color_enabled(raw_color(args), is_terminal) {
            text = text.replacen("error:", &"error:".red().bold().to_string(), 1);
        }
        let _ = write!(std::io::stderr().lock(), "{text}");
        return error.exit_code();
    }
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    // A command missing its subcommand renders as its help, whose first line is no error.
    let missing = error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
    let first = lines.next().unwrap_or_default();
    let message = match missing {
        true => "a subcommand is required",
        false => first.strip_prefix("error: ").unwrap_or(first),
    };
    let hint = lines
        .find(|l| {
            l.starts_with("tip: ")
                || l.starts_with("For more information")
                || l.starts_with("Usage: ")
        })
        .map(|h| h.strip_prefix("tip: ").unwrap_or(h));
    let object = serde_json::json!({"error": {
        "message": message,
        "hint": hint,
        "exitCode": error.exit_code(),
    }});
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        json_safe(object.to_string())
    );
    error.exit_code()
}

/// Whether the raw command line asks for `-o json`, so that even a line clap refuses gets
/// its error as JSON.
fn asks_for_json(args: &[std::ffi::OsString]) -> bool {
    raw_option(args, Some("-o"), "--output") == Some("json")
}

/// The `--color` the raw command line asks for, for a line clap refuses.
fn raw_color(args: &[std::ffi::OsString]) -> ColorWhen {
    match raw_option(args, None, "--color") {
        Some("always") => ColorWhen::Always,
        Some("never") => ColorWhen::Never,
        _ => ColorWhen::Auto,
    }
}

/// The last value the raw command line gives an option (`-o json`, `-ojson`, `--output
/// json`, `--output=json`), read before clap has parsed it. Stops at `--`.
fn raw_option<'a>(
    args: &'a [std::ffi::OsString],
    short: Option<&str>,
    long: &str,
) -> Option<&'a str> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            _ if arg == long || Some(arg) == short => args.next(),
            _ => (arg
                .strip_prefix(long)
                .and_then(|rest| rest.strip_prefix('=')))
            .or_else(|| {
                let short = short?;
                arg.strip_prefix(short).filter(|v| !v.starts_with('-'))
            })
            .filter(|v| !v.is_empty()),
        };
        if value.is_some() {
            found = value;
        }
    }
    found
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
