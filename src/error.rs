//! Exit codes: each failure class of `api::error::Kind` has exactly one (docs/reference.md).

pub(crate) use crate::api::error::{Context, Error, Kind, Result};

pub(crate) trait ExitCode {
    fn exit_code(&self) -> i32;
}

impl ExitCode for Kind {
    fn exit_code(&self) -> i32 {
        match self {
            // callback invalid, permission disabled, smoke failed
            Kind::Negative => 1,
            Kind::Usage => 2,
            // no profile, no secret, unreadable profile file
            Kind::Config => 3,
            Kind::Client => 4,
            Kind::Server => 5,
            Kind::Network => 6,
            // a bulk command partly failed
            Kind::Partial => 7,
            Kind::Interrupted => 130,
            Kind::Terminated => 143,
        }
    }
}

impl ExitCode for Error {
    fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }
}
