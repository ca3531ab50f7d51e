//! Request rates, `N/DURATION` (`50/1m`): how fast bulk commands may go. The DURATION is
//! parsed as every other duration, so it is at most `duration::MAX_DURATION`.

use super::duration::parse_duration;
use std::str::FromStr;
use std::time::Duration;

/// `N/DURATION`: at most N requests per DURATION, e.g. `50/1m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub requests: u32,
    pub per: Duration,
}

impl Rate {
    /// The time between two requests when they are spread evenly.
    pub fn interval(self) -> Duration {
        self.per / self.requests
    }
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Rate, String> {
        let bad = || format!("`{text}` is not a rate such as 50/1m, 250/60s or 10/1s");
        let (count, per) = text.trim().split_once('/').ok_or_else(bad)?;
        let requests: u32 = count.trim().parse().map_err(|_| bad())?;
        let per = match per.trim() {
            "s" => Duration::from_secs(1),
            "m" => Duration::from_secs(60),
            other => parse_duration(other).map_err(|e| format!("{}: {e}", bad()))?,
        };
        if requests == 0 {
            return Err(bad());
        }
        Ok(Rate { requests, per })
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}",
            self.requests,
            crate::api::duration::show_duration(self.per)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse() {
        let rate: Rate = "50/1m".parse().unwrap();
        assert_eq!(rate.interval(), Duration::from_millis(1200));
        assert_eq!(
            "10/s".parse::<Rate>().unwrap().interval(),
            Duration::from_millis(100)
        );
        assert_eq!(
            "250/60s".parse::<Rate>().unwrap().per,
            Duration::from_secs(60)
        );
        for bad in [
            "",
            "50",
            "0/1s",
            "5/0s",
            "x/1s",
            "5/soon",
            "1/18446744073709551615s",
            "1/18000000000000000000s",
            "1/25h",
        ] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
    }
}
