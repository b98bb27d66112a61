//! The JSON writer behind `ecs!`: values appended straight into a reused
//! byte buffer. Integers go through `itoa`, floats through `ryu` laid out as
//! Python's `repr` does (so `1e16` prints as `1e+16` like `tojson`), strings
//! are escaped once with a table-driven scan.

use crate::time::Timestamp;
use std::borrow::Cow;
use std::sync::Arc;

/// A value that can be written as JSON.
pub trait WriteJson {
    /// Appends this value's JSON text to `out`.
    fn write_json(&self, out: &mut Vec<u8>);
}

/// Escape classes: 0 = copy, 1 = short escape, 2 = `\u00XX` (the tail
/// of [`write_escaped`] only tests for non-zero).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 2;
        i += 1;
    }
    t[b'\n' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[b'\t' as usize] = 1;
    t[0x08] = 1;
    t[0x0c] = 1;
    t[b'"' as usize] = 1;
    t[b'\\' as usize] = 1;
    t
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Bit 7 of every byte of a word that holds a byte JSON strings must
/// escape (`"`, `\\`, below 0x20). The lowest flagged byte is always a
/// real one (the borrows of the subtractions only run upwards), so its
/// position is the first byte to escape.
#[inline]
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'"')));
    let backslash =
        (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'\\')));
    (control | quote | backslash) & HIGH
}

/// Appends the escape sequence of a byte that needs one.
#[inline]
fn push_escape(out: &mut Vec<u8>, b: u8) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 0xf) as usize]);
        }
    }
}

/// Appends the contents of a JSON string (no quotes) with escapes. Clean
/// runs are found eight bytes at a time and copied whole.
#[inline]
pub fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len());
    let mut start = 0;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mask = escape_mask(u64::from_le_bytes(word));
        if mask == 0 {
            i += 8;
            continue;
        }
        let at = i + (mask.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&bytes[start..at]);
        push_escape(out, bytes[at]);
        i = at + 1;
        start = i;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if ESCAPE[b as usize] != 0 {
            out.extend_from_slice(&bytes[start..i]);
            push_escape(out, b);
            start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Appends a quoted JSON string.
#[inline]
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_escaped(out, s);
    out.push(b'"');
}

/// Appends an integer.
#[inline]
pub fn write_int<I: itoa::Integer>(out: &mut Vec<u8>, v: I) {
    let mut b = itoa::Buffer::new();
    out.extend_from_slice(b.format(v).as_bytes());
}

/// Appends a float the way Python's `repr(float)` (and so `json.dumps`)
/// spells it: shortest round-trip digits, fixed notation when the decimal
/// exponent is in `-4 < e <= 16`, otherwise `d.ddde+XX`. Non-finite values
/// have no JSON spelling and are written as `null`.
pub fn write_f64(out: &mut Vec<u8>, v: f64) {
    if !v.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    let mut b = ryu::Buffer::new();
    let s = b.format_finite(v);
    py_float_layout(out, s);
}

/// Re-lays ryu's output (`1e16`, `1.5e-7`, `0.001`, `123.0`) per Python repr.
fn py_float_layout(out: &mut Vec<u8>, s: &str) {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    // Collect significant digits and the position of the decimal point.
    let mut digits: [u8; 32] = [0; 32];
    let mut n = 0usize;
    let mut point: i32 = 0;
    let mut seen_point = false;
    for &c in mant.as_bytes() {
        if c == b'.' {
            seen_point = true;
            continue;
        }
        if n < digits.len() {
            digits[n] = c;
            n += 1;
        }
        if !seen_point {
            point += 1;
        }
    }
    // Strip leading zeros (moving the point) and trailing zeros.
    let mut lead = 0;
    while lead < n.saturating_sub(1) && digits[lead] == b'0' {
        lead += 1;
        point -= 1;
    }
    let mut end = n;
    while end > lead + 1 && digits[end - 1] == b'0' {
        end -= 1;
    }
    let ds = &digits[lead..end];
    if neg {
        out.push(b'-');
    }
    if ds == b"0" {
        out.extend_from_slice(b"0.0");
        return;
    }
    let decpt = point + exp; // value = 0.d1d2... * 10^decpt
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.extend_from_slice(b"0.");
            out.extend(std::iter::repeat_n(b'0', (-decpt) as usize));
            out.extend_from_slice(ds);
        } else if decpt as usize >= ds.len() {
            out.extend_from_slice(ds);
            out.extend(std::iter::repeat_n(b'0', decpt as usize - ds.len()));
            out.extend_from_slice(b".0");
        } else {
            out.extend_from_slice(&ds[..decpt as usize]);
            out.push(b'.');
            out.extend_from_slice(&ds[decpt as usize..]);
        }
    } else {
        out.push(ds[0]);
        if ds.len() > 1 {
            out.push(b'.');
            out.extend_from_slice(&ds[1..]);
        }
        let e = decpt - 1;
        out.push(b'e');
        out.push(if e < 0 { b'-' } else { b'+' });
        let a = e.unsigned_abs();
        if a < 10 {
            out.push(b'0');
        }
        write_int(out, a);
    }
}

/// Python's `repr(x)` for a float, as a `String`.
pub fn py_float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".to_owned();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let mut out = Vec::with_capacity(24);
    write_f64(&mut out, v);
    String::from_utf8(out).unwrap_or_default()
}

/// Pre-serialized JSON, written as is.
#[derive(Debug, Clone, Copy)]
pub struct RawJson<'a>(pub &'a str);

impl WriteJson for RawJson<'_> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0.as_bytes());
    }
}

impl WriteJson for str {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for String {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for Cow<'_, str> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for Arc<str> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for Box<str> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for char {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; 4];
        write_str(out, self.encode_utf8(&mut b));
    }
}

impl WriteJson for bool {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

macro_rules! ints {
    ($($t:ty)*) => {$(
        impl WriteJson for $t {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) {
                write_int(out, *self);
            }
        }
    )*};
}
ints!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

impl WriteJson for f64 {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_f64(out, *self);
    }
}

impl WriteJson for f32 {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_f64(out, f64::from(*self));
    }
}

macro_rules! displayed {
    ($($t:ty)*) => {$(
        /// Written as its usual text form, quoted.
        impl WriteJson for $t {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) {
                use std::io::Write as _;
                out.push(b'"');
                // Writing into a Vec cannot fail.
                let _ = write!(out, "{self}");
                out.push(b'"');
            }
        }
    )*};
}
displayed!(std::net::Ipv4Addr std::net::Ipv6Addr std::net::IpAddr);

/// A timestamp is written as its `isoformat()` string.
impl WriteJson for Timestamp {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_isoformat(out);
        out.push(b'"');
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl WriteJson for () {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"null");
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write_json(out);
        }
        out.push(b']');
    }
}

impl<T: WriteJson, const N: usize> WriteJson for [T; N] {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_slice().write_json(out);
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_slice().write_json(out);
    }
}

impl WriteJson for serde_json::Value {
    fn write_json(&self, out: &mut Vec<u8>) {
        use serde_json::Value;
        match self {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    write_int(out, i);
                } else if let Some(u) = n.as_u64() {
                    write_int(out, u);
                } else {
                    write_f64(out, n.as_f64().unwrap_or(f64::NAN));
                }
            }
            Value::String(s) => write_str(out, s),
            Value::Array(a) => a.as_slice().write_json(out),
            Value::Object(m) => {
                out.push(b'{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write_str(out, k);
                    out.push(b':');
                    v.write_json(out);
                }
                out.push(b'}');
            }
        }
    }
}

/// Serializes one value to a `String` (for tests, docs and `render`).
pub fn to_json_string<T: WriteJson + ?Sized>(v: &T) -> String {
    let mut out = Vec::new();
    v.write_json(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_valid_json() {
        let cases = [
            "plain",
            "quote\" back\\slash",
            "nl\n tab\t cr\r",
            "\u{1}\u{1f}",
            "ünïcödé ✓",
            "",
        ];
        for s in cases {
            let j = to_json_string(s);
            let back: String = serde_json::from_str(&j).unwrap();
            assert_eq!(back, s);
        }
        assert_eq!(to_json_string("a\u{1}"), r#""a\u0001""#);
    }

    #[test]
    fn escapes_at_every_position_match_serde_json() {
        // Word-at-a-time scanning: every special byte at every offset of
        // strings around the word size, next to multi-byte characters.
        let specials = [
            '"', '\\', '\n', '\u{0}', '\u{1f}', '\t', '\u{7f}', 'é', ' ', '~',
        ];
        for len in 0..34 {
            for at in 0..len {
                for &c in &specials {
                    for &d in &specials {
                        let mut s: String = "abcdefghijklmnopqrstuvwxyz0123456789"
                            .chars()
                            .take(len)
                            .collect();
                        s.replace_range(at..=at, &c.to_string());
                        s.push(d);
                        assert_eq!(
                            to_json_string(s.as_str()),
                            serde_json::to_string(&s).unwrap(),
                            "{s:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn floats_match_python_repr() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123_456_789_012_345_680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e20, "1e+20"),
            (-2.5, "-2.5"),
            (1_767_268_800.0, "1767268800.0"),
            (1_767_268_800.123, "1767268800.123"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (12.5, "12.5"),
            (100.0, "100.0"),
        ];
        for &(v, want) in cases {
            assert_eq!(py_float_repr(v), want, "{v:e}");
        }
        assert_eq!(py_float_repr(f64::NAN), "nan");
        assert_eq!(to_json_string(&f64::INFINITY), "null");
    }

    #[test]
    fn composite_values() {
        assert_eq!(to_json_string(&Some(5i64)), "5");
        assert_eq!(to_json_string(&None::<i64>), "null");
        assert_eq!(to_json_string(&vec!["a", "b"]), r#"["a","b"]"#);
        assert_eq!(to_json_string(&[1u8, 2, 3]), "[1,2,3]");
        assert_eq!(to_json_string(&true), "true");
        assert_eq!(
            to_json_string(&std::net::Ipv4Addr::new(10, 0, 0, 1)),
            r#""10.0.0.1""#
        );
        assert_eq!(
            to_json_string(&"::1".parse::<std::net::Ipv6Addr>().unwrap()),
            r#""::1""#
        );
        assert_eq!(
            to_json_string(&Timestamp::from_utc_micros(0)),
            r#""1970-01-01T00:00:00+00:00""#
        );
        let v: serde_json::Value = serde_json::json!({"a": [1, 2.5, null, "x"], "b": {"c": false}});
        assert_eq!(
            to_json_string(&v),
            r#"{"a":[1,2.5,null,"x"],"b":{"c":false}}"#
        );
    }
}
