//! Masks over eight bytes at a time (a little-endian `u64`), for the scans that read every
//! byte of the input: each function sets the high bit of every byte of one class and no
//! other bit. Plain safe integer arithmetic; each is checked against its byte
//! definition by a proptest.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// The eight bytes at `chunk` (of length eight) as one little-endian word.
#[inline(always)]
pub(crate) fn word_of(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))
}

/// The high bit of each byte of `word` that is an ASCII letter or digit. Each byte's sums
/// stay below 0x100, so no carry crosses a byte.
#[inline(always)]
pub(crate) fn alnum_mask(word: u64) -> u64 {
    // At or above `low`, and not above `high`, for bytes below 0x80.
    let within = |byte: u64, low: u8, high: u8| {
        let at_least = byte + ONES * u64::from(0x80 - low);
        let above = byte + ONES * u64::from(0x80 - high - 1);
        at_least & !above & HIGH
    };
    let low7 = word & LOW7;
    // Setting 0x20 lower-cases the letters and maps no other byte onto one.
    let letter = within(low7 | (ONES * 0x20), b'a', b'z');
    let digit = within(low7, b'0', b'9');
    (letter | digit) & !word
}

/// The high bit of each byte of `word` equal to `byte` (exact: no borrow crosses a byte).
#[inline(always)]
pub(crate) fn byte_mask(word: u64, byte: u8) -> u64 {
    let zero_where_equal = word ^ (ONES * u64::from(byte));
    !(((zero_where_equal & LOW7) + LOW7) | zero_where_equal) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_alnum_mask_marks_the_ascii_letters_and_digits(bytes in proptest::array::uniform8(0u8..=255)) {
            let mask = alnum_mask(u64::from_le_bytes(bytes));
            for (k, byte) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(mask >> (8 * k + 7) & 1 == 1, byte.is_ascii_alphanumeric(), "{:?}", bytes);
            }
            proptest::prop_assert_eq!(mask & !HIGH, 0);
        }

        #[test]
        fn the_byte_mask_marks_the_bytes_equal(bytes in proptest::array::uniform8(0u8..=255), pick in 0usize..9) {
            // The byte looked for is one of the eight (or any, for 8).
            let byte = bytes.get(pick).copied().unwrap_or(b'.');
            let mask = byte_mask(u64::from_le_bytes(bytes), byte);
            for (k, b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(mask >> (8 * k + 7) & 1 == 1, *b == byte, "{:?}", bytes);
            }
            proptest::prop_assert_eq!(mask & !HIGH, 0);
        }
    }

    #[test]
    fn word_of_reads_little_endian() {
        assert_eq!(word_of(b"abcdefgh") & 0xff, u64::from(b'a'));
        assert_eq!(word_of(b"abcdefgh") >> 56, u64::from(b'h'));
    }
}
