//! Jinja text helpers: literals, names, and the statement buffer.

use std::fmt::Write as _;

/// A Jinja string literal (single-quoted, escaped like Python's repr).
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A float literal as Python's repr spells it.
pub(crate) fn float(v: f64) -> String {
    let s = format!("{v:?}");
    if s.contains('e') || s.contains('.') || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

/// Names Jinja or Eventum's context already use; locals get a suffix.
const RESERVED: &[&str] = &[
    "timestamp",
    "tags",
    "params",
    "vars",
    "samples",
    "module",
    "shared",
    "locals",
    "globals",
    "dispatch",
    "subprocess",
    "loop",
    "range",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "and",
    "or",
    "not",
    "in",
    "is",
    "if",
    "else",
    "elif",
    "for",
    "set",
    "do",
    "macro",
    "caller",
    "self",
    "super",
    "varargs",
    "kwargs",
    "lipsum",
    "dict",
    "cycler",
    "joiner",
    "import",
    "from",
    "with",
    "without",
    "context",
    "block",
    "endblock",
    "extends",
    "include",
    "recursive",
    "call",
    "filter",
    "raw",
    "pass",
    "break",
    "continue",
];

/// A Jinja-safe name for a Rust local.
pub(crate) fn local_name(rust: &str) -> String {
    let name = rust.strip_prefix("r#").unwrap_or(rust);
    if RESERVED.contains(&name) || name.starts_with("__") {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

/// Statements of a template, indented for reading. Every tag trims the
/// whitespace around it (`{%-` / `-%}`), so layout never reaches the event.
#[derive(Debug, Default, Clone)]
pub(crate) struct Buf {
    pub(crate) lines: Vec<String>,
    pub(crate) indent: usize,
}

impl Buf {
    pub(crate) fn stmt(&mut self, body: &str) {
        let pad = "  ".repeat(self.indent);
        self.lines.push(format!("{pad}{{%- {body} -%}}"));
    }

    pub(crate) fn set(&mut self, name: &str, expr: &str) {
        self.stmt(&format!("set {name} = {expr}"));
    }

    pub(crate) fn do_(&mut self, expr: &str) {
        self.stmt(&format!("do {expr}"));
    }

    /// Raw text (the JSON skeleton), kept as is.
    pub(crate) fn raw(&mut self, text: &str) {
        self.lines.push(text.to_owned());
    }

    pub(crate) fn open(&mut self, body: &str) {
        self.stmt(body);
        self.indent += 1;
    }

    pub(crate) fn middle(&mut self, body: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.stmt(body);
        self.indent += 1;
    }

    pub(crate) fn close(&mut self, body: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.stmt(body);
    }

    pub(crate) fn text(&self) -> String {
        self.lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_names() {
        assert_eq!(string("it's a \\ \"test\"\n"), r#"'it\'s a \\ "test"\n'"#);
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.5), "0.5");
        assert_eq!(float(1e20), "1e20");
        assert_eq!(local_name("timestamp"), "timestamp_");
        assert_eq!(local_name("user"), "user");
        assert_eq!(local_name("r#type"), "type");
    }
}
