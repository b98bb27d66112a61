//! Output plugin configurations (the `output:` list of generator.yml) and
//! the field types they share.

use crate::format::FormatterConfig;
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// One entry of `output:`, keyed by plugin name.
///
/// ```yaml
/// output:
///   - stdout: {}
///   - file:
///       path: out/events.log
///       formatter: { format: json }
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputConfig {
    /// `stdout`.
    Stdout(StdoutConfig),
    /// `file`.
    File(FileConfig),
}

impl OutputConfig {
    /// The plugin name.
    pub const fn plugin_name(&self) -> &'static str {
        match self {
            Self::Stdout(_) => "stdout",
            Self::File(_) => "file",
        }
    }

    /// The formatter, or the plugin's default (`plain` for stdout and file).
    pub fn formatter(&self) -> FormatterConfig {
        let configured = match self {
            Self::Stdout(c) => &c.formatter,
            Self::File(c) => &c.formatter,
        };
        configured.clone().unwrap_or(FormatterConfig::Plain)
    }

    /// The bytes written after every string, when they are the separator's
    /// UTF-8 bytes as they are (`None` for other encodings).
    pub fn utf8_separator(&self) -> Option<&[u8]> {
        let (encoding, separator) = match self {
            Self::Stdout(c) => (c.encoding, &c.separator),
            Self::File(c) => (c.encoding, &c.separator),
        };
        (encoding == Encoding::Utf8).then_some(separator.as_bytes())
    }
}

/// `stdout` plugin parameters.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StdoutConfig {
    /// `formatter` (default `plain`).
    #[serde(default)]
    pub formatter: Option<FormatterConfig>,
    /// `flush_interval`: seconds >= 0 between flushes; 0 flushes after every
    /// write (default 1).
    #[serde(default = "one_second", deserialize_with = "flush_interval")]
    pub flush_interval: f64,
    /// `stream` (default `stdout`).
    #[serde(default)]
    pub stream: Stream,
    /// `encoding` (default `utf_8`).
    #[serde(default)]
    pub encoding: Encoding,
    /// `separator` written after every event (default `"\n"`).
    #[serde(default = "line_separator")]
    pub separator: String,
}

impl Default for StdoutConfig {
    fn default() -> Self {
        Self {
            formatter: None,
            flush_interval: 1.0,
            stream: Stream::Stdout,
            encoding: Encoding::Utf8,
            separator: line_separator(),
        }
    }
}

/// `file` plugin parameters.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// `formatter` (default `plain`).
    #[serde(default)]
    pub formatter: Option<FormatterConfig>,
    /// `path`: the file; a relative path is resolved against the base dir.
    pub path: PathBuf,
    /// `flush_interval`: seconds >= 0 between flushes; 0 flushes after every
    /// write (default 1).
    #[serde(default = "one_second", deserialize_with = "flush_interval")]
    pub flush_interval: f64,
    /// `cleanup_interval`: seconds >= 1 without writes after which the file
    /// is closed (reopened in append mode on the next write; default 10).
    #[serde(default = "ten_seconds", deserialize_with = "cleanup_interval")]
    pub cleanup_interval: f64,
    /// `file_mode`: permissions of a created file, written as octal digits
    /// (`640` is `0o640`; default 640).
    #[serde(default = "default_file_mode", deserialize_with = "file_mode")]
    pub file_mode: u32,
    /// `write_mode` (default `append`).
    #[serde(default)]
    pub write_mode: WriteMode,
    /// `encoding` (default `utf_8`).
    #[serde(default)]
    pub encoding: Encoding,
    /// `separator` written after every event (default `"\n"`).
    #[serde(default = "line_separator")]
    pub separator: String,
}

impl FileConfig {
    /// A config for `path` with every other field at its default.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            formatter: None,
            path: path.into(),
            flush_interval: 1.0,
            cleanup_interval: 10.0,
            file_mode: 640,
            write_mode: WriteMode::Append,
            encoding: Encoding::Utf8,
            separator: line_separator(),
        }
    }
}

/// `stream` of the stdout plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    /// Standard output.
    #[default]
    Stdout,
    /// Standard error.
    Stderr,
}

/// `write_mode` of the file plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WriteMode {
    /// Append to an existing file.
    #[default]
    Append,
    /// Truncate the file when the plugin opens (reopens append).
    Overwrite,
}

/// A text encoding for what an output writes.
///
/// Eventum accepts any Python codec name; the ASCII-compatible ones that can
/// be reproduced exactly are supported here, others are a config error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(try_from = "String")]
pub enum Encoding {
    /// `utf_8` (also `utf-8`, `utf8`).
    #[default]
    Utf8,
    /// `ascii`: code points up to U+007F.
    Ascii,
    /// `latin_1`: code points up to U+00FF, one byte each.
    Latin1,
    /// `cp1252`: Windows Western European.
    Cp1252,
}

/// What [`Encoding::encode_into`] could not encode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodeError {
    /// A character outside the encoding (Python's `UnicodeEncodeError`).
    Unencodable {
        /// The encoding.
        encoding: Encoding,
        /// The character.
        ch: char,
    },
    /// The text is not valid UTF-8, so it cannot be re-encoded.
    InvalidUtf8,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unencodable { encoding, ch } => write!(
                f,
                "'{}' codec can't encode character {:?} (U+{:04X})",
                encoding.name(),
                ch,
                u32::from(*ch)
            ),
            Self::InvalidUtf8 => f.write_str("the text is not valid UTF-8"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// `cp1252` bytes 0x80..=0x9F (`None` = undefined, like Python's codec).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

impl Encoding {
    /// The codec name as Eventum spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf_8",
            Self::Ascii => "ascii",
            Self::Latin1 => "latin_1",
            Self::Cp1252 => "cp1252",
        }
    }

    /// Looks an encoding up by its codec name.
    pub fn from_name(name: &str) -> Result<Self, String> {
        match name {
            "utf_8" | "utf-8" | "utf8" => Ok(Self::Utf8),
            "ascii" => Ok(Self::Ascii),
            "latin_1" => Ok(Self::Latin1),
            "cp1252" => Ok(Self::Cp1252),
            _ => Err(format!(
                "encoding `{name}` is not supported (supported: utf_8, ascii, latin_1, cp1252)"
            )),
        }
    }

    /// Appends `text` (UTF-8) encoded. On error `out` may hold a partial
    /// result.
    pub fn encode_into(self, text: &[u8], out: &mut Vec<u8>) -> Result<(), EncodeError> {
        if self == Self::Utf8 {
            out.extend_from_slice(text);
            return Ok(());
        }
        let text = std::str::from_utf8(text).map_err(|_| EncodeError::InvalidUtf8)?;
        if text.is_ascii() {
            out.extend_from_slice(text.as_bytes());
            return Ok(());
        }
        for ch in text.chars() {
            let byte = match (self, u32::from(ch)) {
                (_, c @ 0..=0x7F)
                | (Self::Latin1, c @ 0x80..=0xFF)
                | (Self::Cp1252, c @ 0xA0..=0xFF) => Some(c as u8),
                (Self::Cp1252, _) => CP1252_HIGH
                    .iter()
                    .position(|&c| c == Some(ch))
                    .map(|i| 0x80 + i as u8),
                _ => None,
            };
            out.push(byte.ok_or(EncodeError::Unencodable { encoding: self, ch })?);
        }
        Ok(())
    }
}

impl TryFrom<String> for Encoding {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        Self::from_name(&name)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `flush_interval`, `cleanup_interval`: seconds as a [`Duration`], checked
/// against the field's minimum.
pub fn seconds(field: &str, value: f64, min: f64) -> Result<Duration, String> {
    if value >= min && value.is_finite() {
        Duration::try_from_secs_f64(value).map_err(|e| format!("`{field}` {value}: {e}"))
    } else {
        Err(format!("`{field}` must be a number >= {min}, got {value}"))
    }
}

/// `file_mode` written as octal digits (`640`) to the mode bits (`0o640`).
pub fn octal_file_mode(digits: u32) -> Result<u32, String> {
    if digits > 7777 {
        return Err(format!(
            "`file_mode` must be between 0 and 7777, got {digits}"
        ));
    }
    let text = digits.to_string();
    u32::from_str_radix(&text, 8)
        .map_err(|_| format!("`file_mode` {digits} is not an octal mode (digits 0-7 only)"))
}

fn line_separator() -> String {
    "\n".to_owned()
}

const fn one_second() -> f64 {
    1.0
}

const fn ten_seconds() -> f64 {
    10.0
}

const fn default_file_mode() -> u32 {
    640
}

fn flush_interval<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(d)?;
    seconds("flush_interval", value, 0.0).map_err(serde::de::Error::custom)?;
    Ok(value)
}

fn cleanup_interval<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(d)?;
    seconds("cleanup_interval", value, 1.0).map_err(serde::de::Error::custom)?;
    Ok(value)
}

fn file_mode<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let value = i64::deserialize(d)?;
    let digits = u32::try_from(value)
        .map_err(|_| format!("`file_mode` must be between 0 and 7777, got {value}"))
        .map_err(serde::de::Error::custom)?;
    octal_file_mode(digits).map_err(serde::de::Error::custom)?;
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<OutputConfig, String> {
        serde_saphyr::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn stdout_defaults() {
        // Spec §8.2: flush_interval 1, stream stdout, encoding utf_8, separator "\n".
        let config = parse("stdout: {}").unwrap();
        assert_eq!(config, OutputConfig::Stdout(StdoutConfig::default()));
        assert_eq!(config.formatter(), FormatterConfig::Plain);
        assert_eq!(config.plugin_name(), "stdout");
    }

    #[test]
    fn stdout_fields() {
        let config = parse(
            "stdout:\n  flush_interval: 0\n  stream: stderr\n  encoding: ascii\n  separator: ''\n  formatter:\n    format: json\n    indent: 2",
        )
        .unwrap();
        assert_eq!(
            config,
            OutputConfig::Stdout(StdoutConfig {
                formatter: Some(FormatterConfig::Json { indent: 2 }),
                flush_interval: 0.0,
                stream: Stream::Stderr,
                encoding: Encoding::Ascii,
                separator: String::new(),
            })
        );
    }

    #[test]
    fn file_defaults() {
        // Spec §8.2: flush 1, cleanup 10, file_mode 640, append, utf_8, "\n".
        let config = parse("file:\n  path: out/a.log").unwrap();
        assert_eq!(config, OutputConfig::File(FileConfig::new("out/a.log")));
        assert_eq!(config.formatter(), FormatterConfig::Plain);
    }

    #[test]
    fn file_fields() {
        let config = parse(
            "file:\n  path: /tmp/x\n  flush_interval: 0.5\n  cleanup_interval: 1\n  file_mode: 600\n  write_mode: overwrite\n  encoding: utf-8\n  separator: \"\\r\\n\"",
        )
        .unwrap();
        let OutputConfig::File(file) = config else {
            panic!("not a file config")
        };
        assert_eq!(
            (
                file.flush_interval.to_bits(),
                file.cleanup_interval.to_bits()
            ),
            (0.5f64.to_bits(), 1.0f64.to_bits())
        );
        assert_eq!(file.file_mode, 600);
        assert_eq!(octal_file_mode(file.file_mode), Ok(0o600));
        assert_eq!(file.write_mode, WriteMode::Overwrite);
        assert_eq!(file.encoding, Encoding::Utf8);
        assert_eq!(file.separator, "\r\n");
    }

    #[test]
    fn bad_configs_name_the_field() {
        for (yaml, needle) in [
            ("stdout: null", ""),
            (
                "stdout:\n  flush_interval: -1",
                "`flush_interval` must be a number >= 0, got -1",
            ),
            ("stdout:\n  stream: stdin", "stdin"),
            (
                "stdout:\n  encoding: utf_16",
                "encoding `utf_16` is not supported",
            ),
            (
                "stdout:\n  encoding: nope",
                "encoding `nope` is not supported",
            ),
            ("stdout:\n  colour: red", "colour"),
            ("file: {}", "path"),
            (
                "file:\n  path: a\n  cleanup_interval: 0.5",
                "`cleanup_interval` must be a number >= 1, got 0.5",
            ),
            (
                "file:\n  path: a\n  file_mode: 8000",
                "`file_mode` must be between 0 and 7777, got 8000",
            ),
            (
                "file:\n  path: a\n  file_mode: -1",
                "`file_mode` must be between 0 and 7777, got -1",
            ),
            (
                "file:\n  path: a\n  file_mode: 648",
                "`file_mode` 648 is not an octal mode",
            ),
            ("file:\n  path: a\n  write_mode: truncate", "truncate"),
            ("tcp:\n  host: x", "tcp"),
        ] {
            let error = parse(yaml).expect_err(yaml);
            assert!(error.contains(needle), "{yaml:?}: {error}");
        }
    }

    #[test]
    fn octal_modes() {
        assert_eq!(octal_file_mode(640), Ok(0o640));
        assert_eq!(octal_file_mode(7777), Ok(0o7777));
        assert_eq!(octal_file_mode(0), Ok(0));
        assert!(octal_file_mode(79).is_err());
    }

    #[test]
    fn encodings_match_python_codecs() {
        let encode = |e: Encoding, s: &str| {
            let mut out = Vec::new();
            e.encode_into(s.as_bytes(), &mut out).map(|()| out)
        };
        assert_eq!(encode(Encoding::Utf8, "é€"), Ok("é€".as_bytes().to_vec()));
        assert_eq!(encode(Encoding::Ascii, "abc"), Ok(b"abc".to_vec()));
        assert_eq!(
            encode(Encoding::Ascii, "é"),
            Err(EncodeError::Unencodable {
                encoding: Encoding::Ascii,
                ch: 'é'
            })
        );
        // 'é'.encode('latin_1') == b'\xe9'; '€' is not in latin_1.
        assert_eq!(
            encode(Encoding::Latin1, "aé\u{ff}"),
            Ok(b"a\xe9\xff".to_vec())
        );
        assert!(encode(Encoding::Latin1, "€").is_err());
        // '€‚Ÿé'.encode('cp1252') == b'\x80\x82\x9f\xe9'; U+0081 is undefined.
        assert_eq!(
            encode(Encoding::Cp1252, "€‚Ÿé"),
            Ok(b"\x80\x82\x9f\xe9".to_vec())
        );
        assert!(encode(Encoding::Cp1252, "\u{81}").is_err());
        assert!(encode(Encoding::Cp1252, "\u{80}").is_err());
        assert_eq!(
            Encoding::Ascii.encode_into(b"\xff", &mut Vec::new()),
            Err(EncodeError::InvalidUtf8)
        );
        assert_eq!(
            EncodeError::Unencodable {
                encoding: Encoding::Ascii,
                ch: 'é'
            }
            .to_string(),
            "'ascii' codec can't encode character 'é' (U+00E9)"
        );
    }
}
