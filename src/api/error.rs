//! One error type for the whole tool. Its kind classifies the failure (`src/error.rs` maps
//! each kind to its exit code); its message is the one `error:` line the user sees; its hint,
//! if any, is printed as `hint:` below. It lives here so that client and emulator, which see
//! only `api`, report failures in the same type as the commands.

use std::fmt;

/// The failure classes. Each layer says which class a failure is in; only `src/error.rs`
/// knows the exit code of each (docs/reference.md, "Exit codes"), and only the commands add
/// the command-line words (flags, hints) a user acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A negative answer to the question asked (a signature is invalid, a permission is off).
    Negative,
    /// Input that cannot be used, found before anything was sent.
    Usage,
    /// A configuration that cannot be used (missing credentials, an unreadable file).
    Config,
    /// The called API answered 4xx (including Desk rejecting the HASH).
    Client,
    /// The called API answered 5xx.
    Server,
    /// A network failure or timeout, after retries.
    Network,
    /// Some of many operations failed.
    Partial,
    /// 130 (128 + SIGINT): stopped by Ctrl-C before the command could succeed.
    Interrupted,
    /// 143 (128 + SIGTERM): stopped by SIGTERM before the command could succeed.
    Terminated,
}

impl Kind {
    /// The kind an HTTP status maps to, if it is an error status.
    pub fn from_status(status: u16) -> Option<Kind> {
        match status {
            400..=499 => Some(Kind::Client),
            500..=599 => Some(Kind::Server),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
    /// What the user can change to succeed, named here without command-line words; the
    /// commands turn it into a hint with the flag to use (`commands::remedies`).
    pub remedy: Option<Remedy>,
    pub report: Report,
}

/// A change the user can make, for failures whose fix is a setting. The lower layers know
/// the fix but not the flag, the variable or the command that makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Allow the whole request, retries and waits included, more time.
    LongerTimeout,
    /// Accept longer replies.
    LargerReplyLimit,
    /// The HASH did not match: the secret differs from the installation's.
    CheckSecret,
    /// The securityContext is not (or no longer) an installation's.
    FreshSecurityContext,
    /// The org id is not the installation's.
    CheckOrgId,
    /// Rate limited: send fewer requests per second.
    SlowDown,
    /// The request body is larger than the API takes.
    SendLess,
    /// The credentials were refused, with no errorCode saying which.
    CheckCredentials,
    /// The emulator forwards only to loopback and to hosts it is told to allow.
    AllowHost,
    /// The emulator knows no connection of the name the request gave.
    DeclareConnection,
    /// The emulator has no sample payload for the event: give one.
    GivePayload,
    /// The emulator runs without an extension project, so nothing of one exists.
    LoadProject,
    /// No emulator answers where one was expected.
    StartEmulator,
}

/// Whether an error still has something to say when the command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Print `error: message` (and the hint, if any).
    Print,
    /// Nothing to print: the command already said what it had to on stdout (e.g. `invalid`,
    /// a failed smoke report); only the exit code remains.
    AlreadyShown,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            remedy: None,
            report: Report::Print,
        }
    }
    pub fn negative(message: impl Into<String>) -> Self {
        Self::new(Kind::Negative, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(Kind::Config, message)
    }
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(Kind::Network, message)
    }
    pub fn partial(message: impl Into<String>) -> Self {
        Self::new(Kind::Partial, message)
    }
    /// An error for an HTTP status; a non-error status is treated as a server fault.
    pub fn status(status: u16, message: impl Into<String>) -> Self {
        Self::new(Kind::from_status(status).unwrap_or(Kind::Server), message)
    }

    /// An exit code with nothing to print: the command already said what it had to on stdout
    /// (e.g. `invalid`, a failed smoke report).
    pub fn silent(kind: Kind) -> Self {
        Error {
            report: Report::AlreadyShown,
            ..Self::new(kind, "")
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds what to change; `None` (a failure no setting fixes) keeps the error as it is.
    pub fn with_remedy(mut self, remedy: impl Into<Option<Remedy>>) -> Self {
        if let Some(remedy) = remedy.into() {
            self.remedy = Some(remedy);
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Adds context to an I/O or parse failure while choosing the exit-code kind.
pub trait Context<T> {
    fn or_usage(self, what: impl FnOnce() -> String) -> Result<T>;
    fn or_config(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn or_usage(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::usage(format!("{}: {e}", what())))
    }
    fn or_config(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::config(format!("{}: {e}", what())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_explicitly_silent_error_goes_unprinted() {
        assert_eq!(Error::silent(Kind::Negative).report, Report::AlreadyShown);
        assert_eq!(Error::negative("").report, Report::Print);
        let error = Error::usage("bad").with_hint("try this");
        let copy = error.clone();
        assert_eq!(
            (copy.kind, copy.message, copy.hint),
            (Kind::Usage, "bad".into(), Some("try this".into()))
        );
    }
}
