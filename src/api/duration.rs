//! Durations as people write them (`30s`, `500ms`, `2m`): one parser, with one range, for
//! every duration the tool takes (`--timeout`, a rate's window, the emulator's latency and
//! rate window), so that no value can overflow a clock.

use std::time::Duration;

/// The longest duration accepted anywhere: long enough for any wait a person means, short
/// enough that adding it to any instant is safe.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

/// A positive duration of at most `MAX_DURATION`, e.g. `30s`, `500ms`, `2m`, `1h 30m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim()).map_err(|e| {
        format!(
            "`{}` is not a duration such as 30s, 500ms or 2m ({e})",
            text.escape_default()
        )
    })?;
    if duration.is_zero() {
        return Err("must be greater than zero".into());
    }
    if duration > MAX_DURATION {
        return Err(format!(
            "`{}` is longer than the longest duration accepted, {}",
            text.escape_default(),
            show_duration(MAX_DURATION)
        ));
    }
    Ok(duration)
}

/// A duration as a person reads it: `2s 500ms`, `1s` for a remaining 999.99 ms, never
/// `999ms 999us 740ns` (rounded to the millisecond; under one, to the microsecond).
pub fn show_duration(duration: Duration) -> String {
    let rounded = match duration < Duration::from_millis(1) {
        true => Duration::from_micros((duration.as_nanos() as u64).div_ceil(1000)),
        false => Duration::from_millis(((duration.as_micros() + 500) / 1000) as u64),
    };
    humantime::format_duration(rounded).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_shown_rounded_to_what_a_person_reads() {
        assert_eq!(show_duration(Duration::from_nanos(999_999_740)), "1s");
        assert_eq!(show_duration(Duration::from_millis(2500)), "2s 500ms");
        assert_eq!(show_duration(Duration::from_micros(1499)), "1ms");
        assert_eq!(show_duration(Duration::from_nanos(1200)), "2us");
        assert_eq!(show_duration(MAX_DURATION), "1day");
    }

    #[test]
    fn durations_are_positive_and_at_most_a_day() {
        assert_eq!(parse_duration(" 30s "), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("24h"), Ok(MAX_DURATION));
        for bad in [
            "0s",
            "",
            "soon",
            "24h 1ns",
            "18446744073709551615s",
            "18000000000000000000s",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
