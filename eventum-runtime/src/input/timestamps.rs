//! The `timestamps` input (spec §5.6): an explicit list of datetimes, or a
//! text file with one ISO 8601 timestamp per line (blank lines skipped).
//! Naive values are host-local time in Eventum; here the host zone is taken
//! to be UTC (see [`super::versatile`]). The list is expected in ascending
//! order, as Eventum expects (it is not checked). With skip-past only the
//! timestamps strictly after now are kept.

use super::config::{TimestampsConfig, TimestampsSourceConfig};
use super::versatile::parse_iso;
use super::{InputContext, InputError, MICROS, TimestampSource};
use std::path::Path;

/// Timestamps given up front.
#[derive(Debug, Clone)]
pub struct TimestampsSource {
    values: Vec<i64>,
    pos: usize,
}

impl TimestampsSource {
    /// The source for `config`; a file path resolves against `base_dir`.
    pub fn new(
        config: &TimestampsConfig,
        base_dir: &Path,
        ctx: &InputContext,
    ) -> Result<Self, InputError> {
        let mut values = match &config.source {
            TimestampsSourceConfig::List(items) => {
                let mut values = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    values.push(item.absolute().map_err(|e| {
                        InputError::field("timestamps", &format!("source[{i}]"), e)
                    })?);
                }
                values
            }
            TimestampsSourceConfig::File(path) => read_file(&base_dir.join(path))?,
        };
        if values.is_empty() {
            return Err(InputError::field(
                "timestamps",
                "source",
                "the sequence of timestamps is empty",
            ));
        }
        if ctx.skip_past {
            let first_future = values.partition_point(|&t| t <= ctx.now);
            values.drain(..first_future);
        }
        Ok(Self { values, pos: 0 })
    }
}

/// Reads one ISO 8601 timestamp per line (`datetime.fromisoformat` on the
/// stripped line); errors name the file and line.
fn read_file(path: &Path) -> Result<Vec<i64>, InputError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        InputError::field(
            "timestamps",
            "source",
            format!("cannot read `{}`: {e}", path.display()),
        )
    })?;
    let mut values = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (local, offset) = parse_iso(line).ok_or_else(|| {
            InputError::new(format!(
                "timestamps.source: {}:{}: `{line}` is not an ISO 8601 timestamp",
                path.display(),
                n + 1
            ))
        })?;
        values.push(local - i64::from(offset.unwrap_or(0)) * MICROS);
    }
    Ok(values)
}

impl TimestampSource for TimestampsSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let end = self.values.len().min(self.pos + max);
        out.extend_from_slice(&self.values[self.pos..end]);
        self.pos = end;
        self.pos < self.values.len()
    }

    fn is_unbounded(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::VersatileDatetime;
    use crate::input::test_util::{at, ctx, drain};

    fn list(items: &[&str]) -> TimestampsConfig {
        TimestampsConfig {
            source: TimestampsSourceConfig::List(items.iter().map(|s| (*s).into()).collect()),
            tags: vec![],
        }
    }

    #[test]
    fn from_a_list() {
        let c = list(&[
            "2026-01-01T00:00:00Z",
            "2026-01-01T01:00:00+01:00",
            "2026-01-02",
        ]);
        let mut s = TimestampsSource::new(&c, Path::new("."), &ctx(0)).unwrap();
        assert_eq!(
            drain(&mut s),
            vec![
                at("2026-01-01T00:00:00Z"),
                at("2026-01-01T00:00:00Z"),
                at("2026-01-02T00:00:00Z")
            ]
        );
        let c = TimestampsConfig {
            source: TimestampsSourceConfig::List(vec![VersatileDatetime::Int(10)]),
            tags: vec![],
        };
        assert_eq!(
            drain(&mut TimestampsSource::new(&c, Path::new("."), &ctx(0)).unwrap()),
            vec![10 * MICROS]
        );
    }

    #[test]
    fn skip_past_keeps_strictly_future() {
        let mut live = ctx(at("2026-01-01T00:00:01Z"));
        live.live_mode = true;
        live.skip_past = true;
        let c = list(&[
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            "2026-01-01T00:00:02Z",
        ]);
        assert_eq!(
            drain(&mut TimestampsSource::new(&c, Path::new("."), &live).unwrap()),
            vec![at("2026-01-01T00:00:02Z")]
        );
    }

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("eventum-ts-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn from_a_file() {
        let dir = temp_dir("ok");
        std::fs::write(
            dir.join("ts.txt"),
            "2026-01-01T00:00:00Z\n\n   \n  2026-01-01 00:00:01.5+00:00  \n2026-01-01T00:00:02\n",
        )
        .unwrap();
        let c = TimestampsConfig {
            source: TimestampsSourceConfig::File("ts.txt".into()),
            tags: vec![],
        };
        let mut s = TimestampsSource::new(&c, &dir, &ctx(0)).unwrap();
        let t0 = at("2026-01-01T00:00:00Z");
        assert_eq!(drain(&mut s), vec![t0, t0 + 1_500_000, t0 + 2_000_000]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn file_errors_name_file_and_line() {
        let dir = temp_dir("bad");
        std::fs::write(dir.join("ts.txt"), "2026-01-01T00:00:00Z\n\nyesterday\n").unwrap();
        let c = TimestampsConfig {
            source: TimestampsSourceConfig::File("ts.txt".into()),
            tags: vec![],
        };
        let err = TimestampsSource::new(&c, &dir, &ctx(0)).unwrap_err();
        let file = dir.join("ts.txt");
        assert_eq!(
            err.message,
            format!(
                "timestamps.source: {}:3: `yesterday` is not an ISO 8601 timestamp",
                file.display()
            )
        );
        std::fs::write(dir.join("empty.txt"), "\n\n").unwrap();
        let c = TimestampsConfig {
            source: TimestampsSourceConfig::File("empty.txt".into()),
            tags: vec![],
        };
        assert_eq!(
            TimestampsSource::new(&c, &dir, &ctx(0))
                .unwrap_err()
                .message,
            "timestamps.source: the sequence of timestamps is empty"
        );
        let c = TimestampsConfig {
            source: TimestampsSourceConfig::File("missing.txt".into()),
            tags: vec![],
        };
        assert!(
            TimestampsSource::new(&c, &dir, &ctx(0))
                .unwrap_err()
                .message
                .starts_with("timestamps.source: cannot read")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
