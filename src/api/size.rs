//! Byte sizes as flags and variables give them (`--max-body-size`, `DESK_INVOKE_MAX_BODY_SIZE`).

/// The smallest and largest `--max-body-size`: below 1 KiB no Desk answer fits, above
/// 4 GiB the cap no longer protects memory.
const SIZE_RANGE: std::ops::RangeInclusive<u64> = 1024..=4 * 1024 * 1024 * 1024;

/// The default cap on a reply body the client reads (the emulator's forwarder caps at the same).
pub const DEFAULT_MAX_BODY_SIZE: u64 = 16 * 1024 * 1024;

/// A byte count: a whole number with an optional binary unit, `16MiB`, `512KiB`, `1GiB`,
/// `1048576` (bytes), between 1 KiB and 4 GiB.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "`{}` is not a size such as 16MiB, 512KiB, 1GiB or 1048576 (bytes)",
            text.escape_default()
        )
    };
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let number: u64 = digits.parse().map_err(|_| bad())?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(bad()),
    };
    let bytes = number
        .checked_mul(scale)
        .filter(|bytes| SIZE_RANGE.contains(bytes))
        .ok_or_else(|| {
            format!(
                "`{}` is out of range: a size is from {} to {}",
                text.escape_default(),
                super::text::human_bytes(*SIZE_RANGE.start()),
                super::text::human_bytes(*SIZE_RANGE.end())
            )
        })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_units_within_range() {
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size(" 512 kib "), Ok(512 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        for bad in [
            "",
            "MiB",
            "16MB",
            "16 M",
            "-1",
            "1.5MiB",
            "0",
            "1023",
            "5GiB",
            "18446744073709551615GiB",
            "99999999999999999999",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
