//! The `template` and `template-batch` formatters: a Jinja template rendered
//! with the raw event (`event`) or the batch (`events`).
//!
//! Eventum uses a plain `jinja2.Environment()`: no extensions (no `do`), no
//! custom filters (no `fromjson`), no autoescaping, one trailing newline of
//! the template removed. minijinja's defaults match that once autoescaping by
//! file extension is switched off; its Python-compatibility callback gives
//! templates the `str`/`dict`/`list` methods (`event.startswith(...)`,
//! `event.split(...)`) that Jinja2 templates call on Python objects.

use super::FormatterError;
use super::config::{TemplateSource, check_template_path};
use minijinja::{AutoEscape, Environment, Value};
use std::path::Path;

const NAME: &str = "formatter";

/// A compiled formatter template.
#[derive(Debug, Clone)]
pub struct FormatterTemplate {
    env: Environment<'static>,
}

impl FormatterTemplate {
    /// Compiles the template; a `template_path` is read relative to `base_dir`.
    pub fn new(source: &TemplateSource, base_dir: &Path) -> Result<Self, FormatterError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        let text = match source {
            TemplateSource::Inline(text) => text.clone(),
            TemplateSource::Path(path) => {
                check_template_path(path).map_err(FormatterError)?;
                let full = base_dir.join(path);
                std::fs::read_to_string(&full).map_err(|e| {
                    FormatterError(format!(
                        "formatter: cannot read template `{}`: {e}",
                        full.display()
                    ))
                })?
            }
        };
        env.add_template_owned(NAME, text)
            .map_err(|e| FormatterError(format!("formatter: cannot load template: {e}")))?;
        Ok(Self { env })
    }

    /// Renders with `event` set to the raw event, appending to `out`.
    /// On error `out` may hold a partial render; the caller rolls it back.
    pub fn render_event(&self, event: &[u8], out: &mut Vec<u8>) -> Result<(), minijinja::Error> {
        let event = String::from_utf8_lossy(event);
        self.render(
            minijinja::context! { event => Value::from(event.as_ref()) },
            out,
        )
    }

    /// Renders with `events` set to the list of raw events, appending to `out`.
    pub fn render_batch<'a>(
        &self,
        events: impl Iterator<Item = &'a [u8]>,
        out: &mut Vec<u8>,
    ) -> Result<(), minijinja::Error> {
        let events: Value = events
            .map(|e| Value::from(String::from_utf8_lossy(e).as_ref()))
            .collect();
        self.render(minijinja::context! { events => events }, out)
    }

    fn render(&self, ctx: Value, out: &mut Vec<u8>) -> Result<(), minijinja::Error> {
        let template = self.env.get_template(NAME)?;
        template.render_captured_to(ctx, out)?;
        Ok(())
    }
}
