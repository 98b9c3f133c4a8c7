//! Sentence segmentation of news prose: abbreviations, decimals and money, quotations that
//! span sentences and close with an attribution, curly and straight quotes, ellipses, odd
//! spacing, headlines and lines without final punctuation; and the `--segment lines` mode.
//!
//! Invariant: the spans returned are in order, never overlap, and together with the gaps
//! between them rebuild the input exactly (gaps hold only whitespace/control characters).
//!
//! The scanner works on one block (paragraph, separated by blank lines) at a time, looking at
//! candidate terminators (`.`, `?`, `!`, ellipses, CJK `。！？`) and at line breaks. At a
//! terminator it absorbs closing quotes and brackets (also a closing quote set off by a
//! space), then decides from the next word and the word before the terminator whether a new
//! sentence starts there. A line that ends without terminal punctuation ends a sentence when
//! the next line does not start in lower case (headlines, lists of links).

use crate::engine::model::Sentence;

/// Split prose into sentences (boilerplate not yet marked).
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut seg = Segmenter {
        text,
        out: Vec::new(),
        para: 0,
        para_used: false,
    };
    for (bs, be) in blocks(text) {
        seg.block(bs, be);
        if seg.para_used {
            seg.para += 1;
            seg.para_used = false;
        }
    }
    seg.out
}

/// One sentence per non-empty line, as is.
pub fn segment_lines(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para = 0;
    let mut used = false;
    for (ls, le) in lines(text) {
        match trim_span(text, ls, le) {
            Some((s, e)) => {
                out.push(Sentence {
                    text: display_text(&text[s..e]),
                    start: s,
                    end: e,
                    boilerplate: false,
                    paragraph: para,
                });
                used = true;
            }
            None => {
                if used {
                    para += 1;
                    used = false;
                }
            }
        }
    }
    out
}

/// Display form of a raw slice: whitespace and control characters (CR, LF, tab, BOM, ...)
/// collapsed to single spaces, trimmed.
pub fn display_text(raw: &str) -> String {
    if is_display_form(raw) {
        return raw.to_string();
    }
    collapse_spaces(raw)
}

/// `display_text` the long way: copy the runs between space characters, one space apart.
fn collapse_spaces(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut run = 0;
    let mut i = 0;
    let flush = |out: &mut String, from: usize, to: usize| {
        if from < to {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&raw[from..to]);
        }
    };
    while i < b.len() {
        let l = space_len(raw, i);
        if l > 0 {
            flush(&mut out, run, i);
            i += l;
            run = i;
        } else {
            i += 1;
        }
    }
    flush(&mut out, run, b.len());
    out
}

/// Whether `display_text` would return the text unchanged: no space character at either
/// end, and every space character inside is a lone ASCII space.
fn is_display_form(s: &str) -> bool {
    let b = s.as_bytes();
    // A space at the start counts as following a space.
    let mut after_space = true;
    let mut i = 0;
    // Eight bytes at a time while they are printable ASCII with lone spaces.
    while let Some(chunk) = b.get(i..i + 8) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = ONES * 0x80;
        const LOW7: u64 = ONES * 0x7F;
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Exact per-byte masks (high bit of each byte): equal to 0x20, equal to 0x7F,
        // below 0x20, non-ASCII.
        let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
        let space = zero(x ^ (ONES * 0x20));
        let del = zero(x ^ LOW7);
        let below = !((x & LOW7) + (ONES * 0x60)) & !x & HIGH;
        if (x & HIGH) | del | below != 0 {
            break;
        }
        // Two spaces in a row, also across the previous chunk.
        let prev = space << 8 | u64::from(after_space) << 7;
        if space & prev != 0 {
            return false;
        }
        after_space = space >> 63 != 0;
        i += 8;
    }
    for (i, &x) in b.iter().enumerate().skip(i) {
        if x > 0x20 && x < 0x7f {
            after_space = false;
        } else if x == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if x >= 0x80 {
            // Continuation bytes and most lead bytes never start a space character.
            if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) && space_len(s, i) > 0 {
                return false;
            }
            after_space = false;
        } else {
            // Control characters and DEL.
            return false;
        }
    }
    !after_space
}

/// Whitespace, control characters and the BOM: what gaps between sentences may hold.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c <= ' ' || c == '\x7f'
    } else {
        c.is_whitespace() || c.is_control() || c == '\u{feff}'
    }
}

/// Byte length of the space character starting at byte `i` of `s`, or 0. `i` may be any
/// byte index; continuation bytes are never a space.
fn space_len(s: &str, i: usize) -> usize {
    let x = s.as_bytes()[i];
    if x < 0x80 {
        return usize::from(x <= 0x20 || x == 0x7f);
    }
    // Only these lead bytes start non-ASCII whitespace, C1 controls or the BOM.
    if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
        && let Some(c) = char_at(s, i)
        && is_space(c)
    {
        return c.len_utf8();
    }
    0
}

/// Byte ranges of the lines of `text` (without their terminators). Line breaks are LF,
/// CRLF and a lone CR.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // Skip eight bytes at a time while none is below 0x0E (CR and LF are).
        if let Some(chunk) = b.get(i..i + 8) {
            const ONES: u64 = 0x0101_0101_0101_0101;
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if x.wrapping_sub(ONES * 0x0E) & !x & (ONES * 0x80) == 0 {
                i += 8;
                continue;
            }
        }
        match b[i] {
            b'\n' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push((start, i));
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

/// Trim space characters from both ends of `text[s..e]`; `None` if nothing is left.
fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let rest = &slice[lead..];
    if rest.is_empty() {
        return None;
    }
    let trail = rest.len() - rest.trim_end_matches(is_space).len();
    Some((s + lead, e - trail))
}

/// Blocks of non-blank lines, each trimmed to its first and last non-space byte.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (ls, le) in lines(text) {
        match trim_span(text, ls, le) {
            Some((s, e)) => {
                cur = Some(match cur {
                    Some((bs, _)) => (bs, e),
                    None => (s, e),
                });
            }
            None => {
                if let Some(b) = cur.take() {
                    out.push(b);
                }
            }
        }
    }
    if let Some(b) = cur {
        out.push(b);
    }
    out
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

fn is_strong_terminator(c: char) -> bool {
    matches!(c, '?' | '!' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_terminator(c: char) -> bool {
    c == '.' || c == '…' || c == '｡' || is_strong_terminator(c)
}

/// Characters that close a quotation or a bracket right after a terminator.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
            | '〕'
    )
}

/// Characters that open a quotation or a bracket before a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '【'
            | '〈'
            | '《'
            | '¿'
            | '¡'
    )
}

/// Last characters of a line after which a line break never ends a sentence.
fn is_continuation(c: char) -> bool {
    matches!(c, ',' | ';' | '-' | '(' | '&' | '/' | '[' | '“' | '‘' | '„')
}

/// Words that typically start an English sentence; used after ambiguous abbreviations
/// ("U.S.", "Inc.", initials) and ellipses to decide whether a new sentence begins.
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "Other"
            | "Others"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Then"
            | "Now"
            | "Still"
            | "Last"
            | "Earlier"
            | "Later"
            | "According"
            | "Asked"
            | "Both"
            | "Such"
            | "For"
            | "With"
            | "Officials"
    )
}

/// Titles that stand before a name: a period after them never ends a sentence.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Mmes"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Gov"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Cmdr"
            | "Cpl"
            | "Pvt"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "Det"
            | "Insp"
            | "Atty"
            | "Mme"
            | "Mlle"
            | "Hr"
            | "vs"
            | "v"
            | "cf"
            | "vgl"
            | "Vgl"
    )
}

/// Abbreviations that usually stand before a number ("No. 10", "Jan. 9", "Nr. 5").
fn is_number_prefix(w: &str) -> bool {
    matches!(
        w,
        "No" | "Nos"
            | "no"
            | "Nr"
            | "nr"
            | "Art"
            | "art"
            | "Abs"
            | "Vol"
            | "vol"
            | "Vols"
            | "Fig"
            | "fig"
            | "p"
            | "pp"
            | "ca"
            | "Ca"
            | "S"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Ch"
            | "ch"
            | "Sec"
            | "sec"
            | "Para"
            | "para"
    )
}

/// Other abbreviations: a period after them ends a sentence only before a typical
/// sentence starter.
fn is_ambiguous_abbrev(w: &str) -> bool {
    is_number_prefix(w)
        || matches!(
            w,
            "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
                | "Bros"
                | "Jr"
                | "Sr"
                | "St"
                | "Ste"
                | "Mt"
                | "Ft"
                | "Ave"
                | "Blvd"
                | "Rd"
                | "etc"
                | "al"
                | "approx"
                | "est"
                | "Dept"
                | "dept"
                | "Univ"
                | "Gov't"
                | "govt"
                | "Assn"
                | "Bhd"
                | "Pty"
                | "Plc"
                | "bzw"
                | "usw"
                | "ggf"
                | "evtl"
                | "inkl"
                | "bzgl"
                | "Str"
                | "Tel"
                | "Jh"
                | "Mio"
                | "Mrd"
                | "Dipl"
                | "Ing"
                | "Mag"
                | "geb"
                | "gest"
                | "ff"
                | "Hrsg"
        )
}

/// German (and English) month names after which "3. Oktober" is an ordinal date.
fn is_month_name(w: &str) -> bool {
    matches!(
        w,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
    )
}

/// What the text after a terminator starts with.
enum Next<'a> {
    /// An upper-case letter: the word (letters only).
    Upper(&'a str),
    Digit,
    Lower,
    /// A letter without case (CJK, ...), or a symbol such as `$` or `•`.
    Other,
    /// Punctuation that continues the sentence (`,`, `.`, `)`, `%`, ...).
    Continuing,
}

fn classify_next(b: &str, k: usize) -> Next<'_> {
    let mut i = k;
    let mut c = match char_at(b, i) {
        Some(c) => c,
        None => return Next::Continuing,
    };
    // Skip opening quotes and brackets.
    let mut openers = 0;
    while is_opener(c) && openers < 4 {
        i += c.len_utf8();
        openers += 1;
        c = match char_at(b, i) {
            Some(c) => c,
            None => return Next::Continuing,
        };
    }
    if c.is_uppercase() {
        let rest = &b[i..];
        let end = rest
            .char_indices()
            .find(|&(_, ch)| !ch.is_alphabetic())
            .map_or(rest.len(), |(j, _)| j);
        Next::Upper(&rest[..end])
    } else if c.is_lowercase() {
        Next::Lower
    } else if c.is_numeric() {
        Next::Digit
    } else if c.is_alphabetic() {
        Next::Other
    } else if matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '…'
            | ')'
            | ']'
            | '}'
            | '%'
            | '”'
            | '’'
            | '»'
            | '-'
            | '–'
            | '—'
            | '?'
            | '!'
            | '/'
            | '&'
    ) || is_closer(c)
        || is_space(c)
    {
        Next::Continuing
    } else {
        Next::Other
    }
}

/// The token before byte `p` (up to the previous space), with opening quotes and
/// brackets stripped.
fn token_before(b: &str, p: usize) -> &str {
    let head = &b[..p];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(j, c)| j + c.len_utf8());
    head[start..].trim_start_matches(is_opener)
}

/// "U.S", "e.g", "a.m", "Ph.D": letters and inner periods, short segments.
fn is_dotted_abbrev(t: &str) -> bool {
    t.contains('.')
        && t.split('.').all(|seg| {
            let n = seg.chars().count();
            (1..=3).contains(&n) && seg.chars().all(char::is_alphabetic)
        })
}

/// Does a sentence end at a single period whose preceding token is `tok`?
fn period_splits(tok: &str, next: &Next<'_>) -> bool {
    match next {
        Next::Lower | Next::Continuing => false,
        Next::Other => !is_title(tok),
        Next::Digit => !(is_title(tok) || is_ambiguous_abbrev(tok) || tok.chars().count() == 1),
        Next::Upper(word) => {
            if tok.is_empty() {
                return true;
            }
            if is_title(tok) {
                return false;
            }
            // An initial, also after a slash or hyphen ("Photo/J.", "Jean-P.").
            let single_letter = {
                let mut cs = tok.chars().rev();
                matches!(
                    (cs.next(), cs.next()),
                    (Some(c), None) if c.is_alphabetic()
                ) || matches!(
                    (tok.chars().next_back(), tok.chars().rev().nth(1)),
                    (Some(c), Some(p)) if c.is_alphabetic() && matches!(p, '/' | '-')
                )
            };
            if single_letter || is_dotted_abbrev(tok) || is_ambiguous_abbrev(tok) {
                return is_starter(word);
            }
            if tok.len() <= 2 && tok.bytes().all(|c| c.is_ascii_digit()) && is_month_name(word) {
                return false;
            }
            true
        }
    }
}

/// Bytes that may start a character the block scanner stops at.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let set = [b'\n', b'\r', b'"', b'.', b'?', b'!', 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < set.len() {
        t[set[k] as usize] = true;
        k += 1;
    }
    t
};

struct Segmenter<'t> {
    text: &'t str,
    out: Vec<Sentence>,
    para: usize,
    para_used: bool,
}

impl Segmenter<'_> {
    /// Emit `text[s..e]` (trimmed) as a sentence of the current paragraph.
    fn emit(&mut self, s: usize, e: usize) {
        if let Some((s, e)) = trim_span(self.text, s, e) {
            self.out.push(Sentence {
                text: display_text(&self.text[s..e]),
                start: s,
                end: e,
                boilerplate: false,
                paragraph: self.para,
            });
            self.para_used = true;
        }
    }

    fn new_paragraph(&mut self) {
        if self.para_used {
            self.para += 1;
            self.para_used = false;
        }
    }

    /// Segment the block `text[bs..be]` (no blank lines inside, trimmed).
    fn block(&mut self, bs: usize, be: usize) {
        let b = &self.text[bs..be];
        let bytes = b.as_bytes();
        let mut start = 0;
        let mut i = 0;
        let mut in_quote = false;
        let wrapped = is_hard_wrapped(b);
        while i < b.len() {
            // Fast path: bytes that cannot start a character of interest (continuation
            // bytes included).
            match bytes[i..].iter().position(|&x| INTERESTING[usize::from(x)]) {
                Some(p) => i += p,
                None => break,
            }
            let c = match char_at(b, i) {
                Some(c) => c,
                None => break,
            };
            let clen = c.len_utf8();
            match c {
                '\n' | '\r' => {
                    if let Some(next) = self.line_break(b, start, i, wrapped) {
                        self.new_paragraph();
                        self.emit(bs + start, bs + i);
                        self.new_paragraph();
                        start = next;
                        i = next;
                        continue;
                    }
                    i += clen;
                }
                '“' | '„' => {
                    in_quote = true;
                    i += clen;
                }
                '”' => {
                    if in_quote {
                        in_quote = false;
                    } else {
                        // Used as an opening mark ("”Naturally we ...").
                        let before_space = char_before(b, i).is_none_or(is_space);
                        let after_letter = char_at(b, i + clen).is_some_and(char::is_alphanumeric);
                        if before_space && after_letter {
                            in_quote = true;
                        }
                    }
                    i += clen;
                }
                '"' => {
                    let before = char_before(b, i);
                    let after = char_at(b, i + clen);
                    if before.is_none_or(|p| is_space(p) || is_opener(p) || p == '—' || p == '-')
                        && after.is_some_and(|a| !is_space(a))
                    {
                        in_quote = true;
                    } else if after.is_none_or(|a| is_space(a) || a.is_ascii_punctuation()) {
                        in_quote = false;
                    } else {
                        in_quote = !in_quote;
                    }
                    i += clen;
                }
                c if is_terminator(c) => {
                    let (next_i, split) = self.terminator(b, i, &mut in_quote);
                    if let Some((end, next_start)) = split {
                        self.emit(bs + start, bs + end);
                        start = next_start;
                    }
                    i = next_i;
                }
                _ => i += clen,
            }
        }
        self.emit(bs + start, bs + b.len());
    }

    /// At a line break at `i` inside a block: if the line ends a sentence (no terminal
    /// punctuation, and the next line does not start in lower case), return where the
    /// next sentence starts.
    fn line_break(&self, b: &str, start: usize, i: usize, wrapped: bool) -> Option<usize> {
        let rest = &b[i..];
        let next = i + (rest.len() - rest.trim_start_matches(is_space).len());
        if starts_bullet(b, next) {
            return Some(next);
        }
        if wrapped {
            return None;
        }
        let line = b[start..i].trim_end_matches(is_space);
        let last = line.chars().next_back()?;
        if is_terminator(last) || is_continuation(last) {
            return None;
        }
        if is_closer(last) {
            let inner = line[..line.len() - last.len_utf8()].chars().next_back();
            if inner.is_some_and(|p| p == ',' || is_terminator(p)) {
                return None;
            }
        }
        match classify_next(b, next) {
            Next::Lower | Next::Continuing => None,
            _ => Some(next),
        }
    }

    /// Handle the terminator run starting at `i`. Returns where to continue scanning and,
    /// if a sentence ends here, (end of this sentence, start of the next).
    fn terminator(
        &self,
        b: &str,
        i: usize,
        in_quote: &mut bool,
    ) -> (usize, Option<(usize, usize)>) {
        // The run of terminators.
        let mut j = i;
        let mut dots = 0;
        let mut has_ellipsis = false;
        let mut last = '.';
        let mut cjk = false;
        while let Some(c) = char_at(b, j) {
            if !is_terminator(c) {
                break;
            }
            if c == '.' {
                dots += 1;
            }
            if c == '…' {
                has_ellipsis = true;
            }
            cjk |= is_cjk_terminator(c);
            last = c;
            j += c.len_utf8();
        }
        // A period (or other mark) glued to a following letter or digit: "3.5", "U.S",
        // "example.com", "Yahoo!Finance".
        if !cjk && char_at(b, j).is_some_and(char::is_alphanumeric) {
            return (j, None);
        }
        // Closing quotes and brackets attached to the terminator.
        let run_end = j;
        while let Some(c) = char_at(b, j) {
            if !is_closer(c) {
                break;
            }
            if c == '"' || c == '”' {
                *in_quote = false;
            }
            j += c.len_utf8();
        }
        if (!cjk || j > run_end) && char_at(b, j).is_some_and(|c| !is_space(c)) {
            // Something glued after the closers ("end.”Next", "「はい。」と"): no boundary.
            return (j, None);
        }
        // Skip spaces; a closing quote set off by a space still belongs here.
        let mut k = skip_spaces(b, j);
        if let Some(c) = char_at(b, k) {
            let after = char_at(b, k + c.len_utf8());
            let after_is_word = after.is_some_and(char::is_alphanumeric);
            let closes = match c {
                '”' | '’' | '»' => *in_quote || !after_is_word,
                '"' => *in_quote && !after_is_word,
                _ => false,
            };
            if closes {
                *in_quote = false;
                j = k + c.len_utf8();
                k = skip_spaces(b, j);
            }
        }
        if k >= b.len() {
            return (k, None);
        }
        let next = classify_next(b, k);
        let split = if b[j..k].contains(['\n', '\r']) && starts_bullet(b, k) {
            true
        } else if cjk || is_strong_terminator(last) {
            !matches!(next, Next::Lower | Next::Continuing)
        } else if has_ellipsis || dots >= 2 {
            match next {
                Next::Upper(w) => is_starter(w),
                _ => false,
            }
        } else {
            period_splits(token_before(b, i), &next)
        };
        if split { (k, Some((j, k))) } else { (k, None) }
    }
}

/// A list item marker at `k`: "- ", "* ", "• ", "– ", "— ", "· ", "1. ", "2) ".
fn starts_bullet(b: &str, k: usize) -> bool {
    let rest = &b[k..];
    if ["- ", "* ", "• ", "– ", "— ", "· "]
        .iter()
        .any(|m| rest.starts_with(m))
    {
        return true;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&digits) && {
        let after = &rest[digits..];
        after.starts_with(". ") || after.starts_with(") ")
    }
}

/// A block of at least three lines where most lines after the first start in lower case:
/// prose hard-wrapped at a fixed width, where a line break is just a space.
fn is_hard_wrapped(b: &str) -> bool {
    let mut lines = 0;
    let mut lower = 0;
    let mut rest = b;
    while let Some(p) = find_line_break(rest.as_bytes()) {
        rest = rest[p + 1..].trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        lines += 1;
        if rest.chars().next().is_some_and(char::is_lowercase) {
            lower += 1;
        }
    }
    lines >= 2 && lower * 2 >= lines
}

/// Position of the first CR or LF in `b`.
fn find_line_break(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    // Skip eight bytes at a time while none is below 0x0E (CR and LF are).
    while let Some(chunk) = b.get(i..i + 8) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if x.wrapping_sub(ONES * 0x0E) & !x & (ONES * 0x80) != 0 {
            break;
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&x| x == b'\n' || x == b'\r')
        .map(|p| i + p)
}

fn skip_spaces(b: &str, j: usize) -> usize {
    let rest = &b[j..];
    j + (rest.len() - rest.trim_start_matches(is_space).len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(input: &str) -> Vec<String> {
        segment(input).into_iter().map(|s| s.text).collect()
    }

    fn check_invariant(input: &str, sentences: &[Sentence]) {
        let mut pos = 0;
        for s in sentences {
            assert!(s.start >= pos, "overlap or disorder at {s:?}");
            assert!(s.end > s.start, "empty span {s:?}");
            assert!(
                input[pos..s.start].chars().all(is_space),
                "gap {:?} holds non-space",
                &input[pos..s.start]
            );
            let raw = &input[s.start..s.end];
            assert!(!raw.starts_with(is_space) && !raw.ends_with(is_space));
            assert!(!s.text.is_empty());
            assert_eq!(s.text, display_text(raw));
            pos = s.end;
        }
        assert!(input[pos..].chars().all(is_space));
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            texts("The cat sat. The dog ran! Did it? Yes."),
            ["The cat sat.", "The dog ran!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\r\n\t\u{feff} ").is_empty());
        assert!(segment_lines("\n\n  \n").is_empty());
    }

    #[test]
    fn spans_index_the_original() {
        let input = "\u{feff}First one.\r\n\r\nSecond\tone  here.";
        let s = segment(input);
        check_invariant(input, &s);
        assert_eq!(s.len(), 2);
        assert_eq!(&input[s[0].start..s[0].end], "First one.");
        assert_eq!(s[1].text, "Second one here.");
        assert_eq!((s[0].paragraph, s[1].paragraph), (0, 1));
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            texts("The U.S. Assistant Secretary of Energy spoke. Mr. Smith and Mrs. Jones left."),
            [
                "The U.S. Assistant Secretary of Energy spoke.",
                "Mr. Smith and Mrs. Jones left."
            ]
        );
        assert_eq!(
            texts(
                "Gen. Ortiz met Gov. Lee and Sen. Park at St. Mary's on Jan. 9 at No. 10 Elm Road."
            ),
            ["Gen. Ortiz met Gov. Lee and Sen. Park at St. Mary's on Jan. 9 at No. 10 Elm Road."]
        );
        assert_eq!(
            texts(
                "Dr. Vega of Acme Inc. and Rep. Moss of the U.K. Parliament met on Dec. 3. It rained."
            ),
            [
                "Dr. Vega of Acme Inc. and Rep. Moss of the U.K. Parliament met on Dec. 3.",
                "It rained."
            ]
        );
        assert_eq!(
            texts("Fruit, e.g. apples, i.e. Fuji, beat Corp. rivals vs. Rivals Ltd. today."),
            ["Fruit, e.g. apples, i.e. Fuji, beat Corp. rivals vs. Rivals Ltd. today."]
        );
    }

    #[test]
    fn abbreviation_then_sentence_starter_splits() {
        assert_eq!(
            texts(
                "She moved to the U.S. The move was hard. He joined Widgets Inc. They paid well."
            ),
            [
                "She moved to the U.S.",
                "The move was hard.",
                "He joined Widgets Inc.",
                "They paid well."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            texts(
                "Marta Q. Lindqvist wrote it. A book by J. R. R. Tolkien sold. Ask Pia D. Brandt. (Photo/K. Olsen) Next."
            ),
            [
                "Marta Q. Lindqvist wrote it.",
                "A book by J. R. R. Tolkien sold.",
                "Ask Pia D. Brandt.",
                "(Photo/K. Olsen) Next."
            ]
        );
    }

    #[test]
    fn decimals_and_money() {
        assert_eq!(
            texts("Growth was 3.5% and sales hit $1.2bn. Costs rose to 1,000.5 units. Done."),
            [
                "Growth was 3.5% and sales hit $1.2bn.",
                "Costs rose to 1,000.5 units.",
                "Done."
            ]
        );
    }

    #[test]
    fn quotation_with_attribution_stays_together() {
        assert_eq!(
            texts("\"We hope. We will do it,\" Lavrenko told reporters. Then he left."),
            [
                "\"We hope.",
                "We will do it,\" Lavrenko told reporters.",
                "Then he left."
            ]
        );
        assert_eq!(
            texts("“Nobody wants this outcome. We will act as we see fit, ”Orlov told a panel."),
            [
                "“Nobody wants this outcome.",
                "We will act as we see fit, ”Orlov told a panel."
            ]
        );
    }

    #[test]
    fn question_inside_quote_with_lowercase_attribution() {
        assert_eq!(
            texts("\"Why now?\" she asked. \"Because!\" he said. Fine."),
            ["\"Why now?\" she asked.", "\"Because!\" he said.", "Fine."]
        );
    }

    #[test]
    fn closing_quote_after_terminator_ends_sentence() {
        assert_eq!(
            texts("Some plans were \"absurd.\" The board met. It said ‘no.’ Others agreed."),
            [
                "Some plans were \"absurd.\"",
                "The board met.",
                "It said ‘no.’",
                "Others agreed."
            ]
        );
        // A closing quote set off by a space.
        assert_eq!(
            texts("He said “it is over. ” Then he left."),
            ["He said “it is over. ”", "Then he left."]
        );
    }

    #[test]
    fn odd_spacing_keeps_lone_period() {
        assert_eq!(
            texts("Some ideas were “unworkable” . The talks went on. He spoke on TV. ."),
            [
                "Some ideas were “unworkable” .",
                "The talks went on.",
                "He spoke on TV. ."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            texts("We waited... and waited… Nothing came. It was late... The end."),
            [
                "We waited... and waited… Nothing came.",
                "It was late...",
                "The end."
            ]
        );
    }

    #[test]
    fn brackets_and_bangs() {
        assert_eq!(
            texts("It worked (mostly.) Then it broke! Everyone left (as expected). OK."),
            [
                "It worked (mostly.)",
                "Then it broke!",
                "Everyone left (as expected).",
                "OK."
            ]
        );
    }

    #[test]
    fn headline_lines_are_their_own_sentences() {
        let input = "Council approves new bridge plan\nThe council voted on Monday.\nBridge work starts soon\nCrews will arrive in May.";
        let s = segment(input);
        check_invariant(input, &s);
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "Council approves new bridge plan",
                "The council voted on Monday.",
                "Bridge work starts soon",
                "Crews will arrive in May."
            ]
        );
        assert_ne!(s[0].paragraph, s[1].paragraph);
        assert_ne!(s[2].paragraph, s[1].paragraph);
        assert_ne!(s[2].paragraph, s[3].paragraph);
    }

    #[test]
    fn link_lists_split_per_line() {
        assert_eq!(
            texts("Related Topics\nHarbour Ferries Budget\nMore Stories\n5 minutes ago"),
            [
                "Related Topics",
                "Harbour Ferries Budget",
                "More Stories",
                "5 minutes ago"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_continue() {
        assert_eq!(
            texts(
                "The mayor said the new\nbudget would pass, and\nthat taxes would fall.\nOthers disagreed."
            ),
            [
                "The mayor said the new budget would pass, and that taxes would fall.",
                "Others disagreed."
            ]
        );
        // An abbreviation at the end of a wrapped line.
        assert_eq!(
            texts("He met the U.S.\nAmbassador in town."),
            ["He met the U.S. Ambassador in town."]
        );
    }

    #[test]
    fn hard_wrapped_block_ignores_capitals_at_line_start() {
        assert_eq!(
            texts(
                "The minister flew in and\nmet the press before she\nTold reporters that\nPetra Lind would lead\nthe talks. They end today."
            ),
            [
                "The minister flew in and met the press before she Told reporters that Petra Lind would lead the talks.",
                "They end today."
            ]
        );
    }

    #[test]
    fn bullet_lists_split_per_item() {
        assert_eq!(
            texts(
                "Key points:\n- fares rise 5%\n- service cut.\n- new boats in 2025\n1. one\n2) two"
            ),
            [
                "Key points:",
                "- fares rise 5%",
                "- service cut.",
                "- new boats in 2025",
                "1. one",
                "2) two"
            ]
        );
    }

    #[test]
    fn paragraphs_count_blocks() {
        let s = segment("One. Two.\n\n\nThree.\n \nFour.");
        let p: Vec<usize> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(p, [0, 0, 1, 2]);
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        assert_eq!(
            texts("Das gilt z. B. für Nr. 5 am 3. Oktober. Die Stadt plant mehr."),
            [
                "Das gilt z. B. für Nr. 5 am 3. Oktober.",
                "Die Stadt plant mehr."
            ]
        );
    }

    #[test]
    fn cjk_without_spaces() {
        assert_eq!(
            texts("今日は晴れです。明日は雨！本当？「はい。」と言った。"),
            [
                "今日は晴れです。",
                "明日は雨！",
                "本当？",
                "「はい。」と言った。"
            ]
        );
    }

    #[test]
    fn urls_and_domains_do_not_split() {
        assert_eq!(
            texts("See https://example.com/a.b?c=d for more. Visit news.example.org today."),
            [
                "See https://example.com/a.b?c=d for more.",
                "Visit news.example.org today."
            ]
        );
    }

    #[test]
    fn display_text_collapses() {
        assert_eq!(display_text("\u{feff} a\r\n\tb \u{7}c  "), "a b c");
        assert_eq!(display_text("\n\t"), "");
    }

    #[test]
    fn lines_mode() {
        let input = "  first line. Second part\r\n\r\nthird\rfourth\n";
        let s = segment_lines(input);
        check_invariant(input, &s);
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, ["first line. Second part", "third", "fourth"]);
        assert_eq!(&input[s[0].start..s[0].end], "first line. Second part");
        assert!(s.iter().all(|s| !s.boilerplate));
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Mr.".to_string()),
            Just("U.S.".to_string()),
            Just(". ".to_string()),
            Just("...".to_string()),
            Just("…".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("’".to_string()),
            Just("'".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\t".to_string()),
            Just(" ".to_string()),
            Just("?".to_string()),
            Just("!".to_string()),
            Just("。".to_string()),
            Just("\u{feff}".to_string()),
            Just("The".to_string()),
            Just("he".to_string()),
            Just("3.5".to_string()),
            Just("é".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            "[a-zA-Z]{1,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn spans_rebuild_input(parts in prop::collection::vec(piece(), 0..60)) {
            let input: String = parts.concat();
            let s = segment(&input);
            check_invariant(&input, &s);
            let l = segment_lines(&input);
            check_invariant(&input, &l);
        }

        #[test]
        fn display_form_shortcut_is_exact(
            input in any::<String>(),
            parts in prop::collection::vec(piece(), 0..20),
        ) {
            prop_assert_eq!(display_text(&input), collapse_spaces(&input));
            let joined = parts.concat();
            prop_assert_eq!(display_text(&joined), collapse_spaces(&joined));
            let mixed: String = input
                .chars()
                .map(|c| match u32::from(c) % 7 {
                    0 => ' ',
                    1 => 'x',
                    2 => '\u{7f}',
                    3 => '\u{1f}',
                    4 => '~',
                    _ => if u32::from(c) % 5 == 0 { '\u{a0}' } else { 'q' },
                })
                .collect();
            prop_assert_eq!(display_text(&mixed), collapse_spaces(&mixed));
            let spaced: String = input.chars().map(|c| if u32::from(c) % 3 == 0 { ' ' } else { 'w' }).collect();
            prop_assert_eq!(display_text(&spaced), collapse_spaces(&spaced));
            for w in [" ", "a", "a b", "a  b", " a", "a ", "a\u{a0}b", "a\u{feff}b", "“a” b", "a\u{7f}"] {
                prop_assert_eq!(display_text(w), collapse_spaces(w));
            }
        }

        #[test]
        fn never_panics(input in any::<String>()) {
            let s = segment(&input);
            check_invariant(&input, &s);
        }
    }
}
