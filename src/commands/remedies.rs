//! The command-line words for each `Remedy` the lower layers name: the flag, variable or
//! command a user changes to succeed. Client and emulator know the fix, only here is the
//! flag that makes it.

use crate::api::error::{Error, Remedy};

fn words(remedy: Remedy) -> &'static str {
    match remedy {
        Remedy::LongerTimeout => {
            "--timeout bounds the whole request, retries and Retry-After waits included: raise it to wait longer"
        }
        Remedy::LargerReplyLimit => {
            "raise the limit with --max-body-size (or DESK_INVOKE_MAX_BODY_SIZE) if such a reply is expected"
        }
        Remedy::CheckSecret => "check the secret (`invoke --dry-run` shows the stringToHash signed)",
        Remedy::FreshSecurityContext => {
            "take a fresh securityContext from an install callback (`desk-invoke listen --save`)"
        }
        Remedy::CheckOrgId => {
            "the org id is not the installation's (--org-id, DESK_INVOKE_ORG_ID, profile org_id)"
        }
        Remedy::SlowDown => "rate limited: slow down (bulk commands take --rate N/DURATION)",
        Remedy::SendLess => "the invoke body is larger than the API accepts: send less per request",
        Remedy::CheckCredentials => {
            "Desk refused the credentials: check the secret and the securityContext"
        }
        Remedy::AllowHost => {
            "the emulator forwards only to loopback and to hosts given with --allow-host HOST: restart it with that host"
        }
        Remedy::DeclareConnection => {
            "start the emulator with --connection NAME='Header: value' (or declare it in the project's plugin-manifest.json)"
        }
        Remedy::GivePayload => "give the event's payload with --payload FILE",
        Remedy::LoadProject => "start the emulator with --project DIR",
        Remedy::StartEmulator => {
            "is `desk-invoke emulator` running there? its first lines say where it listens"
        }
    }
}

/// The `hint:` line of an error: its own hint, then its remedy in command-line words.
pub(crate) fn hint(error: &Error) -> Option<String> {
    match (error.hint.as_deref(), error.remedy.map(words)) {
        (Some(hint), Some(words)) => Some(format!("{hint}; {words}")),
        (hint, words) => hint.or(words).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remedy_is_named_with_its_flag_after_the_errors_own_hint() {
        let error = Error::network("timed out").with_remedy(Remedy::LongerTimeout);
        assert!(hint(&error).unwrap().starts_with("--timeout bounds"));
        let both = error.with_hint("the secret used came from env X");
        assert_eq!(
            hint(&both).unwrap(),
            format!(
                "the secret used came from env X; {}",
                words(Remedy::LongerTimeout)
            )
        );
        assert_eq!(hint(&Error::usage("bad")), None);
    }
}
