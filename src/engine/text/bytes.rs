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

/// The last bytes of a text (fewer than eight) as one word, padded with zero bytes, which
/// are in no class but "below" (a NUL).
pub(crate) fn padded_word_of(rest: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let len = rest.len().min(8);
    word[..len].copy_from_slice(&rest[..len]);
    u64::from_le_bytes(word)
}

/// The high bit of each byte of `mask` (a mask of one class) whose byte before is not in
/// the class: where each run of the class starts. `before` is the high bit of byte 0 set
/// when the byte before the word is in the class (`mask >> 56` of the word before).
#[inline(always)]
pub(crate) fn run_starts(mask: u64, before: u64) -> u64 {
    mask & !(mask << 8 | before)
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

/// The high bit of each byte of `word` below `bound` (at most 0x80): ASCII bytes only.
/// Each byte's sum stays below 0x100, so no carry crosses a byte.
#[inline(always)]
pub(crate) fn below_mask(word: u64, bound: u8) -> u64 {
    debug_assert!(bound <= 0x80);
    !((word & LOW7) + ONES * u64::from(0x80 - bound)) & !word & HIGH
}

/// Whether all eight bytes of `word` are printable ASCII (0x20 to 0x7E).
#[inline(always)]
pub(crate) fn is_printable_ascii(word: u64) -> bool {
    (word & HIGH) | below_mask(word, 0x20) | byte_mask(word, 0x7f) == 0
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

        #[test]
        fn the_below_mask_marks_the_ascii_bytes_below(bytes in proptest::array::uniform8(0u8..=255), bound in 1u8..=0x80) {
            let mask = below_mask(u64::from_le_bytes(bytes), bound);
            for (k, b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(mask >> (8 * k + 7) & 1 == 1, *b < bound, "{:?}", bytes);
            }
            proptest::prop_assert_eq!(mask & !HIGH, 0);
        }

        #[test]
        fn printable_ascii_is_0x20_to_0x7e(bytes in proptest::array::uniform8(0u8..=255), at in 0usize..8, printable in 0x20u8..0x7f) {
            // Mostly printable words, so both answers are tried.
            let mut bytes = bytes;
            for (k, b) in bytes.iter_mut().enumerate() {
                if k != at {
                    *b = printable;
                }
            }
            proptest::prop_assert_eq!(
                is_printable_ascii(u64::from_le_bytes(bytes)),
                bytes.iter().all(|b| (0x20..0x7f).contains(b)),
                "{:?}", bytes
            );
        }
    }

    #[test]
    fn runs_start_where_the_byte_before_is_not_in_the_class() {
        let alnum = alnum_mask(word_of(b"ab cd,ef"));
        // Bytes 0, 3 and 6 start runs; with a letter before the word, byte 0 does not.
        assert_eq!(run_starts(alnum, 0), 0x80 | 0x80 << 24 | 0x80 << 48);
        assert_eq!(run_starts(alnum, 0x80), 0x80 << 24 | 0x80 << 48);
        assert_eq!(padded_word_of(b"ab"), word_of(b"ab\0\0\0\0\0\0"));
    }

    #[test]
    fn word_of_reads_little_endian() {
        assert_eq!(word_of(b"abcdefgh") & 0xff, u64::from(b'a'));
        assert_eq!(word_of(b"abcdefgh") >> 56, u64::from(b'h'));
    }
}
