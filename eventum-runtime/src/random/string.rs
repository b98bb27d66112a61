//! `module.rand.string`: random strings over fixed ASCII alphabets, and
//! `pattern`, a printf-like template of random characters.

use crate::rng::FastRng;
use std::fmt;

pub(super) const LOWERCASE: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
pub(super) const UPPERCASE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/// Python's `string.ascii_letters`: lowercase first.
pub(super) const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
pub(super) const DIGITS: &[u8] = b"0123456789";
pub(super) const NON_ZERO_DIGITS: &[u8] = b"123456789";
pub(super) const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
pub(super) const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
/// Python's `string.punctuation` (32 characters).
pub(super) const PUNCTUATION: &[u8] = br##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
/// `ascii_letters + digits`.
pub(super) const WORD: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// `module.rand.string`.
#[derive(Debug)]
pub struct Strings {
    rng: FastRng,
}

impl Strings {
    /// The namespace drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    /// `rand.string.letters_lowercase(size)`: `size` characters from a-z.
    pub fn letters_lowercase(&self, size: usize) -> String {
        self.draw_from(LOWERCASE, size)
    }

    /// `rand.string.letters_uppercase(size)`: `size` characters from A-Z.
    pub fn letters_uppercase(&self, size: usize) -> String {
        self.draw_from(UPPERCASE, size)
    }

    /// `rand.string.letters(size)`: `size` characters from a-zA-Z.
    pub fn letters(&self, size: usize) -> String {
        self.draw_from(LETTERS, size)
    }

    /// `rand.string.digits(size)`: `size` characters from 0-9.
    pub fn digits(&self, size: usize) -> String {
        self.draw_from(DIGITS, size)
    }

    /// `rand.string.punctuation(size)`: `size` characters from Python's
    /// `string.punctuation`.
    pub fn punctuation(&self, size: usize) -> String {
        self.draw_from(PUNCTUATION, size)
    }

    /// `rand.string.hex(size)`: `size` characters from 0-9a-f.
    pub fn hex(&self, size: usize) -> String {
        self.draw_from(HEX_LOWER, size)
    }

    /// `rand.string.pattern(fmt)`: `%a` a-z, `%A` A-Z, `%l` a-zA-Z, `%d`
    /// 0-9, `%n` 1-9, `%h` 0-9a-f, `%H` 0-9A-F, `%p` punctuation, `%w`
    /// a-zA-Z0-9, `%%` a literal `%`; a `{N}` right after a specifier repeats
    /// it `N` times; anything else is copied.
    ///
    /// # Panics
    /// On a malformed pattern (Python raises `ValueError`); see
    /// [`try_pattern`](Self::try_pattern) for the cases.
    pub fn pattern(&self, fmt: &str) -> String {
        match self.try_pattern(fmt) {
            Ok(s) => s,
            Err(e) => panic!("rand.string.pattern: {e} (pattern '{fmt}')"),
        }
    }

    /// [`pattern`](Self::pattern) without the panic: an error for a trailing
    /// `%`, an unknown specifier, an unclosed `{` or a non-numeric count.
    pub fn try_pattern(&self, fmt: &str) -> Result<String, PatternError> {
        let mut out = String::with_capacity(fmt.len());
        walk_pattern(fmt, |segment| match segment {
            Segment::Literal(text) => out.push_str(text),
            Segment::Percent(count) => out.extend(std::iter::repeat_n('%', count)),
            Segment::Random(charset, count) => push_random(&self.rng, charset, count, &mut out),
        })?;
        Ok(out)
    }

    /// Checks a pattern without drawing anything, so a literal pattern can
    /// be validated once ahead of time.
    pub fn check_pattern(fmt: &str) -> Result<(), PatternError> {
        walk_pattern(fmt, |_| {})
    }

    fn draw_from(&self, charset: &[u8], size: usize) -> String {
        let mut out = String::with_capacity(size);
        push_random(&self.rng, charset, size, &mut out);
        out
    }
}

/// Appends `count` characters drawn independently and uniformly from an
/// ASCII `charset`. Power-of-two alphabets (hex, punctuation) take several
/// characters from each 64-bit draw.
pub(super) fn push_random(rng: &FastRng, charset: &[u8], count: usize, out: &mut String) {
    out.reserve(count);
    let n = charset.len();
    if n > 1 && n.is_power_of_two() {
        let bits = n.trailing_zeros();
        let mask = (n - 1) as u64;
        let per_draw = (64 / bits) as usize;
        let mut left = count;
        while left > 0 {
            let mut r = rng.next_u64();
            let take = left.min(per_draw);
            for _ in 0..take {
                out.push(char::from(charset[(r & mask) as usize]));
                r >>= bits;
            }
            left -= take;
        }
    } else {
        for _ in 0..count {
            out.push(char::from(charset[rng.index(n)]));
        }
    }
}

/// Why a pattern is malformed; the messages are Eventum's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// The pattern ends with a lone `%`.
    TrailingPercent,
    /// `%` followed by a character that is not a specifier.
    UnknownSpecifier(char),
    /// A `{` with no closing `}`.
    UnclosedBrace,
    /// The text between the braces is not a non-negative decimal number.
    InvalidCount(String),
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TrailingPercent => {
                f.write_str("incomplete format specifier at end of pattern (trailing '%')")
            }
            Self::UnknownSpecifier(c) => write!(f, "unknown format specifier: %{c}"),
            Self::UnclosedBrace => f.write_str("unclosed '{' in pattern"),
            Self::InvalidCount(s) => write!(f, "invalid repeat count: '{s}'"),
        }
    }
}

impl std::error::Error for PatternError {}

enum Segment<'a> {
    Literal(&'a str),
    Percent(usize),
    Random(&'static [u8], usize),
}

fn charset_for(spec: char) -> Option<&'static [u8]> {
    Some(match spec {
        'a' => LOWERCASE,
        'A' => UPPERCASE,
        'l' => LETTERS,
        'd' => DIGITS,
        'n' => NON_ZERO_DIGITS,
        'h' => HEX_LOWER,
        'H' => HEX_UPPER,
        'p' => PUNCTUATION,
        'w' => WORD,
        _ => return None,
    })
}

/// Splits a pattern into segments in Eventum's order of checks: the
/// specifier character, then its `{N}` count, then whether the specifier is
/// known (so `%x{y}` reports the count first, as Eventum does).
fn walk_pattern<'a>(fmt: &'a str, mut emit: impl FnMut(Segment<'a>)) -> Result<(), PatternError> {
    let bytes = fmt.as_bytes();
    let mut i = 0;
    let mut literal_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        if literal_start < i {
            emit(Segment::Literal(&fmt[literal_start..i]));
        }
        i += 1;
        let spec = fmt[i..]
            .chars()
            .next()
            .ok_or(PatternError::TrailingPercent)?;
        i += spec.len_utf8();
        let mut count = 1;
        if bytes.get(i) == Some(&b'{') {
            let close = fmt[i + 1..].find('}').ok_or(PatternError::UnclosedBrace)?;
            let digits = &fmt[i + 1..i + 1 + close];
            count = parse_count(digits).ok_or_else(|| PatternError::InvalidCount(digits.into()))?;
            i += close + 2;
        }
        if spec == '%' {
            emit(Segment::Percent(count));
        } else {
            let charset = charset_for(spec).ok_or(PatternError::UnknownSpecifier(spec))?;
            emit(Segment::Random(charset, count));
        }
        literal_start = i;
    }
    if literal_start < bytes.len() {
        emit(Segment::Literal(&fmt[literal_start..]));
    }
    Ok(())
}

fn parse_count(digits: &str) -> Option<usize> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::panic_message;
    use super::*;

    type Generate = fn(&Strings, usize) -> String;

    fn strings(seed: u64) -> Strings {
        Strings::new(FastRng::from_seed(seed))
    }

    /// Every character of the alphabet shows up, and nothing else does.
    fn assert_covers(s: &str, charset: &[u8]) {
        assert!(s.bytes().all(|b| charset.contains(&b)), "{s}");
        for c in charset {
            assert!(s.as_bytes().contains(c), "{} missing", char::from(*c));
        }
    }

    #[test]
    fn alphabets_match_python() {
        assert_eq!(PUNCTUATION.len(), 32);
        assert_eq!(PUNCTUATION, br##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##);
        assert_eq!(LETTERS.len(), 52);
        assert_eq!(WORD.len(), 62);
    }

    #[test]
    fn fixed_alphabets_have_the_size_and_the_characters() {
        let s = strings(1);
        let cases: [(Generate, &[u8]); 6] = [
            (Strings::letters_lowercase, LOWERCASE),
            (Strings::letters_uppercase, UPPERCASE),
            (Strings::letters, LETTERS),
            (Strings::digits, DIGITS),
            (Strings::punctuation, PUNCTUATION),
            (Strings::hex, HEX_LOWER),
        ];
        for (f, charset) in cases {
            for size in [0, 1, 7, 16, 17, 33] {
                let out = f(&s, size);
                assert_eq!(out.len(), size);
                assert!(out.bytes().all(|b| charset.contains(&b)), "{out}");
            }
            assert_covers(&f(&s, 5000), charset);
        }
    }

    #[test]
    fn characters_are_uniform() {
        let s = strings(2);
        for (text, charset) in [
            (s.hex(160_000), HEX_LOWER.as_slice()),
            (s.digits(100_000), DIGITS),
        ] {
            let expect = text.len() as f64 / charset.len() as f64;
            for c in charset {
                let n = text.bytes().filter(|b| b == c).count() as f64;
                assert!(
                    (n - expect).abs() < expect * 0.05,
                    "{}: {n}",
                    char::from(*c)
                );
            }
        }
    }

    #[test]
    fn pattern_specifiers_draw_from_their_sets() {
        let s = strings(3);
        let cases: [(&str, &[u8]); 9] = [
            ("%a", LOWERCASE),
            ("%A", UPPERCASE),
            ("%l", LETTERS),
            ("%d", DIGITS),
            ("%n", NON_ZERO_DIGITS),
            ("%h", HEX_LOWER),
            ("%H", HEX_UPPER),
            ("%p", PUNCTUATION),
            ("%w", WORD),
        ];
        for (spec, charset) in cases {
            let one = s.pattern(spec);
            assert_eq!(one.len(), 1);
            assert_covers(&s.pattern(&format!("{spec}{{3000}}")), charset);
        }
    }

    #[test]
    fn pattern_literals_repeats_and_percent() {
        let s = strings(4);
        let out = s.pattern("%A{3}-%d{4}");
        assert_eq!(out.len(), 8);
        assert!(out[..3].bytes().all(|b| b.is_ascii_uppercase()));
        assert_eq!(&out[3..4], "-");
        assert!(out[4..].bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(s.pattern("100%%"), "100%");
        assert_eq!(s.pattern("%%{3}x"), "%%%x");
        assert_eq!(s.pattern("%d{0}"), "");
        assert_eq!(s.pattern(""), "");
        assert_eq!(s.pattern("plain {text} }"), "plain {text} }");
        assert_eq!(s.pattern("héllo %%"), "héllo %");
        let out = s.pattern("id-%h{8}-é");
        assert!(out.starts_with("id-") && out.ends_with("-é"));
        assert!(out[3..11].bytes().all(|b| HEX_LOWER.contains(&b)));
        // Leading zeros in the count are fine ("007".isdigit()).
        assert_eq!(s.pattern("%d{007}").len(), 7);
    }

    #[test]
    fn pattern_errors_match_eventum() {
        let cases = [
            ("abc%", PatternError::TrailingPercent),
            ("%", PatternError::TrailingPercent),
            ("%x", PatternError::UnknownSpecifier('x')),
            ("%é{2}", PatternError::UnknownSpecifier('é')),
            ("%d{3", PatternError::UnclosedBrace),
            ("%d{", PatternError::UnclosedBrace),
            ("%d{}", PatternError::InvalidCount(String::new())),
            ("%d{x}", PatternError::InvalidCount("x".into())),
            ("%d{-1}", PatternError::InvalidCount("-1".into())),
            ("%d{ 2}", PatternError::InvalidCount(" 2".into())),
            // The count is read before the specifier is looked up.
            ("%q{z}", PatternError::InvalidCount("z".into())),
        ];
        let s = strings(5);
        for (fmt, want) in cases {
            assert_eq!(s.try_pattern(fmt), Err(want.clone()), "{fmt}");
            assert_eq!(Strings::check_pattern(fmt), Err(want), "{fmt}");
        }
        assert_eq!(
            PatternError::TrailingPercent.to_string(),
            "incomplete format specifier at end of pattern (trailing '%')"
        );
        assert_eq!(
            PatternError::UnknownSpecifier('x').to_string(),
            "unknown format specifier: %x"
        );
        assert_eq!(
            PatternError::UnclosedBrace.to_string(),
            "unclosed '{' in pattern"
        );
        assert_eq!(
            PatternError::InvalidCount("x".into()).to_string(),
            "invalid repeat count: 'x'"
        );
        assert_eq!(Strings::check_pattern("%A{3}-%d{4} %%"), Ok(()));
    }

    #[test]
    fn pattern_panics_with_the_call_name() {
        let s = strings(6);
        let msg = panic_message(|| {
            s.pattern("%z");
        });
        assert!(
            msg.starts_with("rand.string.pattern: unknown format specifier: %z"),
            "{msg}"
        );
    }

    #[test]
    fn same_seed_same_strings() {
        let (a, b) = (strings(7), strings(7));
        for _ in 0..50 {
            assert_eq!(a.hex(32), b.hex(32));
            assert_eq!(a.pattern("%w{10}"), b.pattern("%w{10}"));
        }
    }
}
