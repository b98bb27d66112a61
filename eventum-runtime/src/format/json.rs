//! The token-preserving JSON re-formatter behind the `json` and `json-batch`
//! formatters (Eventum calls `msgspec.json.format`).
//!
//! One pass over the input validates it as exactly one JSON value and writes
//! it again with new whitespace. Tokens are copied byte for byte: key order,
//! duplicate keys, string escapes and number spelling (`1.50`, `1E5`) stay as
//! they were. Nesting is tracked in a fixed bit stack, so nothing is
//! allocated per value; the output goes straight into the caller's buffer.

use std::fmt;

/// The deepest nesting accepted. msgspec recurses per container and stops
/// at the default Python recursion limit of 1000.
pub const MAX_DEPTH: usize = 1000;

/// How the re-formatted JSON is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonStyle {
    /// No whitespace at all (msgspec `indent=-1`): `{"a":1,"b":[1,2]}`.
    Compact,
    /// One line with a space after every `:` and `,` (msgspec `indent=0`):
    /// `{"a": 1, "b": [1, 2]}`.
    Spaced,
    /// One item per line, indented by this many spaces per level (msgspec
    /// `indent=N`); empty containers print as `{}` and `[]`.
    Pretty(usize),
}

impl JsonStyle {
    /// The style of Eventum's `indent` option: 0 is [`JsonStyle::Spaced`],
    /// anything else [`JsonStyle::Pretty`].
    pub const fn from_indent(indent: usize) -> Self {
        if indent == 0 {
            Self::Spaced
        } else {
            Self::Pretty(indent)
        }
    }

    /// Writes what follows an opening bracket of a non-empty container whose
    /// items sit at `level`.
    #[inline]
    pub(crate) fn after_open(self, out: &mut Vec<u8>, level: usize) {
        if let Self::Pretty(n) = self {
            newline(out, n, level);
        }
    }

    /// Writes what follows a `,` between items at `level`.
    #[inline]
    pub(crate) fn after_comma(self, out: &mut Vec<u8>, level: usize) {
        match self {
            Self::Compact => {}
            Self::Spaced => out.push(b' '),
            Self::Pretty(n) => newline(out, n, level),
        }
    }

    /// Writes what precedes the closing bracket of a non-empty container
    /// that itself sits at `level`.
    #[inline]
    pub(crate) fn before_close(self, out: &mut Vec<u8>, level: usize) {
        if let Self::Pretty(n) = self {
            newline(out, n, level);
        }
    }

    #[inline]
    fn after_colon(self, out: &mut Vec<u8>) {
        if self != Self::Compact {
            out.push(b' ');
        }
    }
}

const SPACES: [u8; 64] = [b' '; 64];

#[inline]
fn newline(out: &mut Vec<u8>, indent: usize, level: usize) {
    out.push(b'\n');
    let mut n = indent.saturating_mul(level);
    while n > SPACES.len() {
        out.extend_from_slice(&SPACES);
        n -= SPACES.len();
    }
    out.extend_from_slice(&SPACES[..n]);
}

/// Why an input is not exactly one JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The input ended inside a value (or was empty).
    Truncated,
    /// A byte that cannot start or continue a value here.
    InvalidCharacter,
    /// A malformed number.
    InvalidNumber,
    /// An unknown escape such as `\x`, or a bad `\u` hex digit.
    InvalidEscape,
    /// A `\u` escape with an unpaired UTF-16 surrogate.
    InvalidSurrogate,
    /// An object key is not a string.
    ExpectedKey,
    /// A key is not followed by `:`.
    ExpectedColon,
    /// An item is followed by neither `,` nor the closing bracket.
    ExpectedCommaOrClose,
    /// Something follows the value.
    TrailingCharacters,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// An input that is not exactly one JSON value, with the byte offset where
/// that was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// Byte offset into the input.
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            JsonErrorKind::Truncated => return f.write_str("Input data was truncated"),
            JsonErrorKind::InvalidCharacter => "invalid character",
            JsonErrorKind::InvalidNumber => "invalid number",
            JsonErrorKind::InvalidEscape => "invalid escaped character",
            JsonErrorKind::InvalidSurrogate => "invalid utf-16 surrogate pair",
            JsonErrorKind::ExpectedKey => "expected '\"'",
            JsonErrorKind::ExpectedColon => "expected ':'",
            JsonErrorKind::ExpectedCommaOrClose => "expected ',' or a closing bracket",
            JsonErrorKind::TrailingCharacters => "trailing characters",
            JsonErrorKind::TooDeep => "nesting too deep",
        };
        write!(f, "JSON is malformed: {what} (byte {})", self.offset)
    }
}

impl std::error::Error for JsonError {}

const fn err(kind: JsonErrorKind, offset: usize) -> JsonError {
    JsonError { kind, offset }
}

/// Re-formats `input`, which must be exactly one JSON value (surrounding
/// whitespace allowed), appending it to `out` in `style`.
///
/// On error nothing is appended (`out` keeps its length).
pub fn reformat(input: &[u8], style: JsonStyle, out: &mut Vec<u8>) -> Result<(), JsonError> {
    reformat_at(input, style, 0, out)
}

/// [`reformat`] for a value that sits `level` levels deep in an enclosing
/// pretty-printed document (indentation starts there).
pub fn reformat_at(
    input: &[u8],
    style: JsonStyle,
    level: usize,
    out: &mut Vec<u8>,
) -> Result<(), JsonError> {
    let start = out.len();
    out.reserve(input.len());
    let result = run(input, style, level, out);
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// The open containers, one bit each (1 = object).
struct Stack {
    bits: [u64; MAX_DEPTH.div_ceil(64)],
    depth: usize,
}

impl Stack {
    const fn new() -> Self {
        Self {
            bits: [0; MAX_DEPTH.div_ceil(64)],
            depth: 0,
        }
    }

    #[inline]
    fn push(&mut self, object: bool, offset: usize) -> Result<(), JsonError> {
        if self.depth == MAX_DEPTH {
            return Err(err(JsonErrorKind::TooDeep, offset));
        }
        let (word, bit) = (self.depth / 64, self.depth % 64);
        if object {
            self.bits[word] |= 1 << bit;
        } else {
            self.bits[word] &= !(1 << bit);
        }
        self.depth += 1;
        Ok(())
    }

    #[inline]
    fn top_is_object(&self) -> bool {
        let i = self.depth - 1;
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

#[inline]
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn run(b: &[u8], style: JsonStyle, base: usize, out: &mut Vec<u8>) -> Result<(), JsonError> {
    let mut stack = Stack::new();
    let mut pos = skip_ws(b, 0);
    'value: loop {
        let Some(&c) = b.get(pos) else {
            return Err(err(JsonErrorKind::Truncated, pos));
        };
        match c {
            b'"' => pos = copy_string(b, pos, out)?,
            b'-' | b'0'..=b'9' => pos = copy_number(b, pos, out)?,
            b't' => pos = copy_literal(b, pos, b"true", out)?,
            b'f' => pos = copy_literal(b, pos, b"false", out)?,
            b'n' => pos = copy_literal(b, pos, b"null", out)?,
            b'[' | b'{' => {
                let object = c == b'{';
                let close = if object { b'}' } else { b']' };
                let inner = skip_ws(b, pos + 1);
                if b.get(inner) == Some(&close) {
                    if stack.depth == MAX_DEPTH {
                        return Err(err(JsonErrorKind::TooDeep, pos));
                    }
                    out.push(c);
                    out.push(close);
                    pos = inner + 1;
                } else {
                    stack.push(object, pos)?;
                    out.push(c);
                    style.after_open(out, base + stack.depth);
                    pos = if object {
                        copy_key(b, inner, style, out)?
                    } else {
                        inner
                    };
                    continue 'value;
                }
            }
            _ => return Err(err(JsonErrorKind::InvalidCharacter, pos)),
        }
        // After a complete value: close containers until the next item.
        loop {
            pos = skip_ws(b, pos);
            if stack.depth == 0 {
                return if pos == b.len() {
                    Ok(())
                } else {
                    Err(err(JsonErrorKind::TrailingCharacters, pos))
                };
            }
            let Some(&c) = b.get(pos) else {
                return Err(err(JsonErrorKind::Truncated, pos));
            };
            let object = stack.top_is_object();
            match c {
                b',' => {
                    out.push(b',');
                    style.after_comma(out, base + stack.depth);
                    pos = skip_ws(b, pos + 1);
                    if object {
                        pos = copy_key(b, pos, style, out)?;
                    }
                    continue 'value;
                }
                b'}' if object => {}
                b']' if !object => {}
                _ => return Err(err(JsonErrorKind::ExpectedCommaOrClose, pos)),
            }
            stack.depth -= 1;
            style.before_close(out, base + stack.depth);
            out.push(c);
            pos += 1;
        }
    }
}

/// Copies `"key"`, the `:` and the whitespace up to the value.
#[inline]
fn copy_key(b: &[u8], pos: usize, style: JsonStyle, out: &mut Vec<u8>) -> Result<usize, JsonError> {
    match b.get(pos) {
        Some(b'"') => {}
        Some(_) => return Err(err(JsonErrorKind::ExpectedKey, pos)),
        None => return Err(err(JsonErrorKind::Truncated, pos)),
    }
    let pos = skip_ws(b, copy_string(b, pos, out)?);
    match b.get(pos) {
        Some(b':') => {}
        Some(_) => return Err(err(JsonErrorKind::ExpectedColon, pos)),
        None => return Err(err(JsonErrorKind::Truncated, pos)),
    }
    out.push(b':');
    style.after_colon(out);
    Ok(skip_ws(b, pos + 1))
}

const ONES: u64 = u64::from_ne_bytes([1; 8]);
const HIGH: u64 = ONES << 7;

/// Whether any byte of the word is `"`, `\` or a control character
/// (the classic "has zero byte"/"has byte less than" bit tricks; exact as a
/// yes/no answer).
#[inline]
const fn has_special(v: u64) -> bool {
    let quote = v ^ (ONES * b'"' as u64);
    let backslash = v ^ (ONES * b'\\' as u64);
    let found = (quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (v.wrapping_sub(ONES * 0x20) & !v);
    found & HIGH != 0
}

#[inline]
const fn is_special(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

/// Index of the first `"`, `\` or control byte at or after `i`, or `b.len()`.
#[inline]
fn find_special(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        if has_special(u64::from_ne_bytes(*chunk)) {
            break;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if is_special(c) {
            break;
        }
        i += 1;
    }
    i
}

/// Validates the string starting at `b[pos] == '"'`, copies it verbatim and
/// returns the index after its closing quote.
#[inline]
fn copy_string(b: &[u8], pos: usize, out: &mut Vec<u8>) -> Result<usize, JsonError> {
    let mut i = pos + 1;
    loop {
        i = find_special(b, i);
        match b.get(i) {
            Some(b'"') => break,
            Some(b'\\') => i = escape(b, i)?,
            Some(_) => return Err(err(JsonErrorKind::InvalidCharacter, i)),
            None => return Err(err(JsonErrorKind::Truncated, i)),
        }
    }
    out.extend_from_slice(&b[pos..=i]);
    Ok(i + 1)
}

/// Validates the escape at `b[i] == '\\'` and returns the index after it.
fn escape(b: &[u8], i: usize) -> Result<usize, JsonError> {
    match b.get(i + 1) {
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 2),
        Some(b'u') => {
            let unit = hex4(b, i + 2)?;
            match unit {
                0xD800..=0xDBFF => {
                    let j = i + 6;
                    match (b.get(j), b.get(j + 1)) {
                        (Some(b'\\'), Some(b'u')) => {}
                        (None, _) | (Some(b'\\'), None) => {
                            return Err(err(JsonErrorKind::Truncated, j));
                        }
                        _ => return Err(err(JsonErrorKind::InvalidSurrogate, j)),
                    }
                    if (0xDC00..=0xDFFF).contains(&hex4(b, j + 2)?) {
                        Ok(j + 6)
                    } else {
                        Err(err(JsonErrorKind::InvalidSurrogate, j))
                    }
                }
                0xDC00..=0xDFFF => Err(err(JsonErrorKind::InvalidSurrogate, i)),
                _ => Ok(i + 6),
            }
        }
        Some(_) => Err(err(JsonErrorKind::InvalidEscape, i + 1)),
        None => Err(err(JsonErrorKind::Truncated, i + 1)),
    }
}

/// The four hex digits at `i` as a UTF-16 code unit.
fn hex4(b: &[u8], i: usize) -> Result<u32, JsonError> {
    let mut unit = 0;
    for k in i..i + 4 {
        let digit = match b.get(k) {
            Some(&c @ b'0'..=b'9') => c - b'0',
            Some(&c @ b'a'..=b'f') => c - b'a' + 10,
            Some(&c @ b'A'..=b'F') => c - b'A' + 10,
            Some(_) => return Err(err(JsonErrorKind::InvalidEscape, k)),
            None => return Err(err(JsonErrorKind::Truncated, k)),
        };
        unit = unit << 4 | u32::from(digit);
    }
    Ok(unit)
}

#[inline]
fn skip_digits(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// Validates the number at `pos` (JSON grammar), copies it verbatim and
/// returns the index after it.
#[inline]
fn copy_number(b: &[u8], pos: usize, out: &mut Vec<u8>) -> Result<usize, JsonError> {
    let mut i = pos;
    if b[i] == b'-' {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = skip_digits(b, i + 1),
        _ => return Err(err(JsonErrorKind::InvalidCharacter, i)),
    }
    if b.get(i) == Some(&b'.') {
        let digits = skip_digits(b, i + 1);
        if digits == i + 1 {
            return Err(err(JsonErrorKind::InvalidNumber, i + 1));
        }
        i = digits;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let digits = skip_digits(b, i);
        if digits == i {
            return Err(err(JsonErrorKind::InvalidNumber, i));
        }
        i = digits;
    }
    out.extend_from_slice(&b[pos..i]);
    Ok(i)
}

#[inline]
fn copy_literal(
    b: &[u8],
    pos: usize,
    literal: &[u8],
    out: &mut Vec<u8>,
) -> Result<usize, JsonError> {
    let rest = &b[pos..];
    if rest.starts_with(literal) {
        out.extend_from_slice(literal);
        Ok(pos + literal.len())
    } else if rest.len() < literal.len() && literal.starts_with(rest) {
        Err(err(JsonErrorKind::Truncated, b.len()))
    } else {
        Err(err(JsonErrorKind::InvalidCharacter, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(input: &str, style: JsonStyle) -> Result<String, JsonError> {
        let mut out = b"prefix".to_vec();
        let result = reformat(input.as_bytes(), style, &mut out);
        match result {
            Ok(()) => Ok(String::from_utf8(out[6..].to_vec()).unwrap()),
            Err(e) => {
                assert_eq!(out, b"prefix", "nothing is appended on error");
                Err(e)
            }
        }
    }

    fn spaced(input: &str) -> String {
        fmt(input, JsonStyle::Spaced).unwrap()
    }

    fn pretty(input: &str, n: usize) -> String {
        fmt(input, JsonStyle::Pretty(n)).unwrap()
    }

    fn compact(input: &str) -> String {
        fmt(input, JsonStyle::Compact).unwrap()
    }

    fn invalid(input: &str) -> JsonErrorKind {
        let kinds = [JsonStyle::Compact, JsonStyle::Spaced, JsonStyle::Pretty(2)]
            .map(|s| fmt(input, s).expect_err(input).kind);
        assert!(kinds.iter().all(|k| *k == kinds[0]), "{input}");
        kinds[0]
    }

    // Expected strings below are msgspec.json.format outputs (msgspec 0.19).
    #[test]
    fn indent_zero_puts_a_space_after_colons_and_commas() {
        assert_eq!(spaced(r#"{"a":1,"b":[1,2]}"#), r#"{"a": 1, "b": [1, 2]}"#);
        assert_eq!(
            spaced(r#"{"a" : [ 1 , { } ] }"#),
            r#"{"a": [1, {}]}"#,
            "existing whitespace is replaced"
        );
        assert_eq!(
            spaced(r#"{"a":{},"b":[],"c":[{}],"d":{"e":[ ]}}"#),
            r#"{"a": {}, "b": [], "c": [{}], "d": {"e": []}}"#
        );
        assert_eq!(
            spaced("{\n  \"a\": 1\n}\n"),
            r#"{"a": 1}"#,
            "Eventum's file plugin test"
        );
    }

    #[test]
    fn compact_has_no_whitespace() {
        assert_eq!(compact(r#"{"a": 1, "b": [1, 2]}"#), r#"{"a":1,"b":[1,2]}"#);
        assert_eq!(compact(r#"{"a" : [ 1 , { } ] }"#), r#"{"a":[1,{}]}"#);
    }

    #[test]
    fn pretty_layout_matches_msgspec() {
        assert_eq!(
            pretty(r#"{"a":1,"b":[1,2]}"#, 2),
            "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}"
        );
        assert_eq!(
            pretty(r#"{"a":{},"b":[],"c":[{}],"d":{"e":[ ]}}"#, 2),
            "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ],\n  \"d\": {\n    \"e\": []\n  }\n}"
        );
        assert_eq!(
            pretty(r#"[1,[2,{"a":[]}]]"#, 4),
            "[\n    1,\n    [\n        2,\n        {\n            \"a\": []\n        }\n    ]\n]"
        );
        assert_eq!(pretty("[[]]", 2), "[\n  []\n]");
        assert_eq!(pretty("[]", 2), "[]");
        assert_eq!(pretty(" { } ", 2), "{}");
        assert_eq!(pretty("1", 2), "1");
    }

    #[test]
    fn deep_indentation_is_not_capped() {
        let out = pretty("[[[[[1]]]]]", 20);
        assert!(out.contains(&format!("\n{}1\n", " ".repeat(100))), "{out}");
    }

    #[test]
    fn tokens_are_preserved() {
        for token in [
            "1.50",
            "1E5",
            "1E+5",
            "1e05",
            "-0",
            "-0.0E-00",
            "0.0e-0",
            r#""\u00e9""#,
            r#""\u00E9""#,
            r#""\/""#,
            r#""\"\\\b\f\n\r\t""#,
            r#""\ud83d\ude00""#,
            r#""\uD83D\uDE00""#,
            "\"é\"",
            "\"\u{7f}\"",
            "\"a\u{2028}b\"",
            "true",
            "false",
            "null",
            "123456789012345678901234567890",
        ] {
            assert_eq!(spaced(token), token);
            assert_eq!(compact(&format!("[ {token} ]")), format!("[{token}]"));
        }
        assert_eq!(
            spaced(r#"{"b":1,"a":2,"b":3}"#),
            r#"{"b": 1, "a": 2, "b": 3}"#,
            "key order and duplicate keys"
        );
        assert_eq!(
            pretty(r#"{"a":1,"a":2}"#, 2),
            "{\n  \"a\": 1,\n  \"a\": 2\n}"
        );
    }

    #[test]
    fn surrounding_whitespace_is_allowed() {
        assert_eq!(spaced(" \n\r\t 1 \n"), "1");
        assert_eq!(pretty("\t[1]\n\r", 2), "[\n  1\n]");
    }

    #[test]
    fn invalid_inputs_are_rejected() {
        use JsonErrorKind::*;
        let cases: &[(&str, JsonErrorKind)] = &[
            ("", Truncated),
            (" ", Truncated),
            ("1 2", TrailingCharacters),
            (r#""a"  "b""#, TrailingCharacters),
            ("{} {}", TrailingCharacters),
            ("truex", TrailingCharacters),
            ("0x1", TrailingCharacters),
            ("1\0", TrailingCharacters),
            ("[1,]", InvalidCharacter),
            (r#"{"a":1,}"#, ExpectedKey),
            ("[,1]", InvalidCharacter),
            ("[1,,2]", InvalidCharacter),
            ("{,}", ExpectedKey),
            ("{1:2}", ExpectedKey),
            (r#"{"a"}"#, ExpectedColon),
            (r#"{"a" 1}"#, ExpectedColon),
            ("[1 2]", ExpectedCommaOrClose),
            (r#"{"a":1 "b":2}"#, ExpectedCommaOrClose),
            ("[1}", ExpectedCommaOrClose),
            (r#"{"a":1]"#, ExpectedCommaOrClose),
            ("[", Truncated),
            ("[1", Truncated),
            ("[1,", Truncated),
            ("{\"a\"", Truncated),
            ("{\"a\":", Truncated),
            ("\"abc", Truncated),
            ("tru", Truncated),
            ("nul", Truncated),
            ("nulx", InvalidCharacter),
            ("NaN", InvalidCharacter),
            ("Infinity", InvalidCharacter),
            ("-Infinity", InvalidCharacter),
            ("+1", InvalidCharacter),
            (".5", InvalidCharacter),
            ("-", InvalidCharacter),
            ("01", TrailingCharacters),
            ("00", TrailingCharacters),
            ("[-01]", ExpectedCommaOrClose),
            ("1.", InvalidNumber),
            ("0.e1", InvalidNumber),
            ("1e", InvalidNumber),
            ("1.5e", InvalidNumber),
            ("1.0e+", InvalidNumber),
            ("// c\n1", InvalidCharacter),
            ("/* c */ 1", InvalidCharacter),
            ("1 // c", TrailingCharacters),
            ("'a'", InvalidCharacter),
            ("\u{feff}1", InvalidCharacter),
            ("\u{a0}1", InvalidCharacter),
            ("\u{c}1", InvalidCharacter),
            ("\"\t\"", InvalidCharacter),
            ("\"\n\"", InvalidCharacter),
            ("\"\u{1f}\"", InvalidCharacter),
            (r#""a\x""#, InvalidEscape),
            (r#""\u00g0""#, InvalidEscape),
            (r#""\u00""#, InvalidEscape),
            (r#""\u00"#, Truncated),
            (r#""\ud800\u"#, Truncated),
            (r#""\ud800\"#, Truncated),
            (r#""\ud800""#, InvalidSurrogate),
            (r#""\ud800x""#, InvalidSurrogate),
            (r#""\ud800\u0041""#, InvalidSurrogate),
            (r#""\ud800\n""#, InvalidSurrogate),
            (r#""\udc00""#, InvalidSurrogate),
            (r#""\ude00\ud83d""#, InvalidSurrogate),
        ];
        for &(input, kind) in cases {
            assert_eq!(invalid(input), kind, "{input:?}");
        }
    }

    #[test]
    fn non_utf8_bytes_inside_strings_pass_through() {
        // msgspec does not validate UTF-8 in bytes input either.
        let mut out = Vec::new();
        reformat(b"[\"\xff\"]", JsonStyle::Spaced, &mut out).unwrap();
        assert_eq!(out, b"[\"\xff\"]");
        assert_eq!(
            reformat(b"\xff", JsonStyle::Spaced, &mut out)
                .unwrap_err()
                .kind,
            JsonErrorKind::InvalidCharacter
        );
    }

    #[test]
    fn nesting_depth_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(compact(&ok), ok);
        let objects = format!("{}1{}", r#"{"a":"#.repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
        assert_eq!(compact(&objects), objects);
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(invalid(&deep), JsonErrorKind::TooDeep);
        // Far deeper input fails the same way, without recursion.
        let huge = "[".repeat(1_000_000);
        assert_eq!(invalid(&huge), JsonErrorKind::TooDeep);
    }

    #[test]
    fn mixed_containers_close_in_order() {
        let input = r#"{"a":[{"b":[[],{}]},{"c":{"d":[1,{"e":null}]}}],"f":"]}"}"#;
        assert_eq!(compact(input), input);
        assert_eq!(invalid(r#"{"a":[}]"#), JsonErrorKind::InvalidCharacter);
        assert_eq!(invalid(r#"[{"a":1]]"#), JsonErrorKind::ExpectedCommaOrClose);
    }

    #[test]
    fn long_strings_cross_word_boundaries() {
        // Specials at every offset within an 8-byte word.
        for pad in 0..20 {
            let s = "x".repeat(pad);
            let ok = format!(r#"["{s}\"{s}\\{s}","{s}"]"#);
            assert_eq!(compact(&ok), ok);
            let bad = format!("[\"{s}\u{1}{s}\"]");
            assert_eq!(invalid(&bad), JsonErrorKind::InvalidCharacter);
            let unterminated = format!("[\"{s}");
            assert_eq!(invalid(&unterminated), JsonErrorKind::Truncated);
        }
    }

    #[test]
    fn reformat_at_indents_from_the_given_level() {
        let mut out = Vec::new();
        reformat_at(br#"{"a":[1]}"#, JsonStyle::Pretty(2), 1, &mut out).unwrap();
        assert_eq!(out, b"{\n    \"a\": [\n      1\n    ]\n  }");
    }

    #[test]
    fn error_messages_name_the_offset() {
        let e = fmt("[1 2]", JsonStyle::Spaced).unwrap_err();
        assert_eq!(e.offset, 3);
        assert_eq!(
            e.to_string(),
            "JSON is malformed: expected ',' or a closing bracket (byte 3)"
        );
        assert_eq!(
            fmt("[", JsonStyle::Spaced).unwrap_err().to_string(),
            "Input data was truncated"
        );
    }

    /// A sanity check of the single-pass design on a realistic event (no
    /// timing assertion): re-formatting a batch appends into one reused
    /// buffer, which stops growing after the first round.
    #[test]
    fn reused_buffer_stops_growing() {
        let event = br#"{"@timestamp":"2026-01-01T12:00:00+00:00","agent":{"ephemeral_id":"3b3be172-0000","id":"a7b8c9d0-1234-5678-abcd-ef0123456789","name":"web-srv-01","type":"filebeat","version":"8.17.0"},"http":{"request":{"method":"GET"},"response":{"status_code":200,"body":{"bytes":1532}}},"tags":["a","b"],"x":-1.5e3}"#;
        let expected = spaced(std::str::from_utf8(event).unwrap());
        let mut out = Vec::new();
        for _ in 0..1000 {
            reformat(event, JsonStyle::Spaced, &mut out).unwrap();
        }
        let capacity = out.capacity();
        for _ in 0..100 {
            out.clear();
            for _ in 0..1000 {
                reformat(event, JsonStyle::Spaced, &mut out).unwrap();
            }
        }
        assert_eq!(out.capacity(), capacity);
        assert_eq!(out.len(), 1000 * expected.len());
        assert!(out.starts_with(expected.as_bytes()));
    }
}
