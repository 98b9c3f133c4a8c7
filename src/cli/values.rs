//! Values the command line takes, parsed and bounded with messages that name the option:
//! sizes in bytes (`--max-size 256M`), the side-by-side width and screen sizes. Every size
//! has a documented maximum, so no value can make wirediff allocate without limit.

/// Narrowest `--width` accepted for the side-by-side format.
pub(super) const MIN_WIDTH: usize = 20;
/// Side-by-side width when standard output is not a terminal.
pub(super) const DEFAULT_WIDTH: usize = 100;
/// Widest `--width` accepted: wider than any terminal, and each output line is allocated
/// at this width, so a huge value would only exhaust memory.
pub(super) const MAX_WIDTH: usize = 1000;
/// Largest side of `render --size` (the same bound as the viewer's `resize:` keys).
pub(super) const MAX_SCREEN_SIDE: u16 = crate::tui::MAX_SCREEN_SIDE;
/// Default `--max-size`: far above any news story (a long one is 50 KB), far below what
/// the machine's memory can hold.
pub(super) const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// What a byte count looks like, for its error message.
const SIZE_EXPECTED: &str = "expected a size such as 500K, 256M or 1G";

/// A byte count: digits with an optional K, M or G suffix (powers of 1024; `KB`, `KiB`,
/// lower case too). At least one byte.
pub(super) fn parse_byte_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits_end = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, suffix) = trimmed.split_at(digits_end);
    let shift = match suffix.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(SIZE_EXPECTED.into()),
    };
    let number: u64 = digits.parse().map_err(|_| SIZE_EXPECTED.to_string())?;
    let bytes = number
        .checked_mul(1u64 << shift)
        .ok_or_else(|| "too large".to_string())?;
    if bytes == 0 {
        return Err("must be at least one byte".into());
    }
    Ok(bytes)
}

/// A byte count for people: `256 MiB`, `1500 bytes`.
pub(super) fn show_byte_size(bytes: u64) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

/// `--width N`, between [`MIN_WIDTH`] and [`MAX_WIDTH`].
pub(super) fn parse_width(text: &str) -> Result<usize, String> {
    let bad = || format!("expected a width from {MIN_WIDTH} to {MAX_WIDTH}");
    match text.trim().parse::<u64>() {
        Ok(width) if (MIN_WIDTH as u64..=MAX_WIDTH as u64).contains(&width) => {
            usize::try_from(width).map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

/// `COLSxROWS`, each from 1 to [`MAX_SCREEN_SIDE`].
pub(super) fn parse_screen_size(text: &str) -> Result<(u16, u16), String> {
    let parsed = text.split_once(['x', 'X']).and_then(|(c, r)| {
        let c: u16 = c.trim().parse().ok()?;
        let r: u16 = r.trim().parse().ok()?;
        let side = 1..=MAX_SCREEN_SIDE;
        (side.contains(&c) && side.contains(&r)).then_some((c, r))
    });
    parsed.ok_or_else(|| format!("expected COLSxROWS, e.g. 100x30 (1 to {MAX_SCREEN_SIDE} each)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_parsing() {
        assert_eq!(parse_screen_size("100x30").unwrap(), (100, 30));
        assert_eq!(parse_screen_size("80X24").unwrap(), (80, 24));
        for bad in [
            "100",
            "x30",
            "0x10",
            "10x0",
            "2000x10",
            "ax b",
            "-1x5",
            "65535x65535",
        ] {
            assert!(parse_screen_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn byte_sizes() {
        assert_eq!(parse_byte_size("1500").unwrap(), 1500);
        assert_eq!(parse_byte_size("500K").unwrap(), 500 << 10);
        assert_eq!(parse_byte_size("256M").unwrap(), 256 << 20);
        assert_eq!(parse_byte_size("1g").unwrap(), 1 << 30);
        assert_eq!(parse_byte_size("2MiB").unwrap(), 2 << 20);
        for bad in [
            "",
            "0",
            "K",
            "12T",
            "-5",
            "1.5M",
            "99999999999999999999G",
            "17179869184G",
        ] {
            assert!(parse_byte_size(bad).is_err(), "{bad}");
        }
        assert_eq!(show_byte_size(DEFAULT_MAX_SIZE), "256 MiB");
        assert_eq!(show_byte_size(1500), "1500 bytes");
        assert_eq!(show_byte_size(2048), "2 KiB");
    }

    #[test]
    fn widths_are_bounded() {
        assert_eq!(parse_width("20").unwrap(), 20);
        assert_eq!(parse_width("1000").unwrap(), 1000);
        for bad in [
            "19",
            "1001",
            "18446744073709551615",
            "4294967296",
            "-1",
            "wide",
        ] {
            assert!(parse_width(bad).is_err(), "{bad}");
        }
    }
}
