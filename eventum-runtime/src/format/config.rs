//! The `formatter` key of an output plugin (Eventum's `FormatterConfigT`,
//! discriminated by `format`).

use serde::Deserialize;
use std::path::{Component, Path, PathBuf};

/// Where a `template`/`template-batch` formatter gets its template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    /// `template`: the template text itself (non-empty).
    Inline(String),
    /// `template_path`: a relative path, resolved against the base directory.
    Path(PathBuf),
}

/// A formatter configuration.
///
/// ```yaml
/// formatter:
///   format: json
///   indent: 2
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawFormatterConfig")]
pub enum FormatterConfig {
    /// `plain`: events unchanged.
    Plain,
    /// `json`: each event re-formatted as JSON; invalid events are dropped.
    Json {
        /// Spaces per level; 0 is one line with spaces after `:` and `,`.
        indent: usize,
    },
    /// `json-batch`: the valid events of a batch as one JSON array.
    JsonBatch {
        /// Spaces per level; 0 is one line with spaces after `:` and `,`.
        indent: usize,
    },
    /// `template`: a Jinja template rendered once per event (`event`).
    Template {
        /// The template.
        source: TemplateSource,
    },
    /// `template-batch`: a Jinja template rendered once per batch (`events`).
    TemplateBatch {
        /// The template.
        source: TemplateSource,
    },
    /// `eventum-http-input`: `{"count": <n>}` once per batch.
    EventumHttpInput,
}

/// The formatter config as written, before the template checks.
#[derive(Deserialize)]
#[serde(tag = "format", rename_all = "kebab-case", deny_unknown_fields)]
enum RawFormatterConfig {
    // Empty struct variants, because unit variants ignore unknown fields.
    Plain {},
    Json {
        #[serde(default, deserialize_with = "indent")]
        indent: usize,
    },
    JsonBatch {
        #[serde(default, deserialize_with = "indent")]
        indent: usize,
    },
    Template(RawTemplate),
    TemplateBatch(RawTemplate),
    EventumHttpInput {},
}

/// `indent`: an integer >= 0.
fn indent<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    let value = i64::deserialize(d)?;
    usize::try_from(value).map_err(|_| {
        serde::de::Error::custom(format!("formatter: `indent` must be >= 0, got {value}"))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    #[serde(default)]
    template: Option<String>,
    #[serde(default)]
    template_path: Option<PathBuf>,
}

impl TryFrom<RawTemplate> for TemplateSource {
    type Error = String;

    fn try_from(raw: RawTemplate) -> Result<Self, String> {
        match (raw.template, raw.template_path) {
            (None, None) => Err("formatter: `template` or `template_path` must be provided".into()),
            (Some(_), Some(_)) => Err(
                "formatter: `template` or `template_path` must be provided, but not both".into(),
            ),
            (Some(text), None) if text.is_empty() => {
                Err("formatter: `template` must not be empty".into())
            }
            (Some(text), None) => Ok(Self::Inline(text)),
            (None, Some(path)) => check_template_path(&path).map(|()| Self::Path(path)),
        }
    }
}

/// `template_path` must be relative (Eventum's config check) and stay below
/// the base directory (Jinja's `FileSystemLoader` refuses `..`).
pub(crate) fn check_template_path(path: &Path) -> Result<(), String> {
    if path.is_absolute() {
        return Err(format!(
            "formatter: `template_path` must be relative, got `{}`",
            path.display()
        ));
    }
    if path.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(format!(
            "formatter: `template_path` `{}` must not contain `..`",
            path.display()
        ));
    }
    Ok(())
}

impl TryFrom<RawFormatterConfig> for FormatterConfig {
    type Error = String;

    fn try_from(raw: RawFormatterConfig) -> Result<Self, String> {
        Ok(match raw {
            RawFormatterConfig::Plain {} => Self::Plain,
            RawFormatterConfig::Json { indent } => Self::Json { indent },
            RawFormatterConfig::JsonBatch { indent } => Self::JsonBatch { indent },
            RawFormatterConfig::Template(t) => Self::Template {
                source: t.try_into()?,
            },
            RawFormatterConfig::TemplateBatch(t) => Self::TemplateBatch {
                source: t.try_into()?,
            },
            RawFormatterConfig::EventumHttpInput {} => Self::EventumHttpInput,
        })
    }
}

impl FormatterConfig {
    /// The `format` name as written in YAML.
    pub const fn format_name(&self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Json { .. } => "json",
            Self::JsonBatch { .. } => "json-batch",
            Self::Template { .. } => "template",
            Self::TemplateBatch { .. } => "template-batch",
            Self::EventumHttpInput => "eventum-http-input",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<FormatterConfig, String> {
        serde_saphyr::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn every_format_parses() {
        assert_eq!(parse("format: plain").unwrap(), FormatterConfig::Plain);
        assert_eq!(
            parse("format: json").unwrap(),
            FormatterConfig::Json { indent: 0 },
            "indent defaults to 0"
        );
        assert_eq!(
            parse("format: json\nindent: 2").unwrap(),
            FormatterConfig::Json { indent: 2 }
        );
        assert_eq!(
            parse("format: json-batch\nindent: 4").unwrap(),
            FormatterConfig::JsonBatch { indent: 4 }
        );
        assert_eq!(
            parse("format: template\ntemplate: '{{ event }}'").unwrap(),
            FormatterConfig::Template {
                source: TemplateSource::Inline("{{ event }}".into())
            }
        );
        assert_eq!(
            parse("format: template-batch\ntemplate_path: t/batch.jinja").unwrap(),
            FormatterConfig::TemplateBatch {
                source: TemplateSource::Path("t/batch.jinja".into())
            }
        );
        assert_eq!(
            parse("format: eventum-http-input").unwrap(),
            FormatterConfig::EventumHttpInput
        );
    }

    #[test]
    fn bad_configs_are_rejected_with_a_reason() {
        for (yaml, needle) in [
            ("format: xml", "xml"),
            ("indent: 2", "format"),
            ("format: json\nindent: -1", "`indent` must be >= 0, got -1"),
            ("format: json-batch\nindent: x", "expected i64"),
            ("format: json\nfoo: 1", "foo"),
            ("format: plain\nindent: 2", "indent"),
            ("format: eventum-http-input\nindent: 2", "indent"),
            ("format: template\nindent: 2\ntemplate: x", "indent"),
            ("format: template", "must be provided"),
            (
                "format: template\ntemplate: a\ntemplate_path: b",
                "not both",
            ),
            ("format: template\ntemplate: ''", "must not be empty"),
            (
                "format: template\ntemplate_path: /etc/t.jinja",
                "must be relative",
            ),
            ("format: template-batch\ntemplate_path: ../t.jinja", "`..`"),
        ] {
            let error = parse(yaml).expect_err(yaml);
            assert!(error.contains(needle), "{yaml:?}: {error}");
        }
    }
}
