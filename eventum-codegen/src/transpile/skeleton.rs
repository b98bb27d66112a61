//! `ecs! { ... }` as a JSON skeleton: the event's structure written out as
//! JSON text with `{{ value | tojson }}` holes, the way a content pack is
//! written by hand. Values with side effects are hoisted into `set`
//! statements first, in source order; optional fields get `{%- if -%}`
//! guards that keep the commas valid.

use super::Tr;
use super::expr::J;
use super::types::Ty;
use crate::ecs_lit::{Item, Leaf, Member, Node, NodeKind, Tree, normalize, parse_ecs};
use crate::expand::events::meta_members;
use crate::expand::serialize::literal_json;
use crate::model::{Alias, EventMeta};
use std::collections::HashMap;
use syn::spanned::Spanned as _;

/// How the `event.*` metadata of a function's aliases is written.
#[derive(Debug, Clone)]
pub(crate) enum MetaOut {
    None,
    /// The same for every alias: pretty JSON members.
    Static(Vec<(String, String)>),
    /// Per alias, through `vars._event_<key>`.
    PerAlias(Vec<&'static str>),
}

fn members(meta: &EventMeta) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let list = |v: &[crate::model::Spanned<String>]| {
        format!(
            "[{}]",
            v.iter()
                .map(|x| {
                    let mut s = String::new();
                    crate::expand::serialize::json_string(&mut s, &x.value);
                    s
                })
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let one = |v: &str| {
        let mut s = String::new();
        crate::expand::serialize::json_string(&mut s, v);
        s
    };
    if let Some(a) = &meta.action {
        out.push(("action".to_owned(), one(&a.value)));
    }
    if !meta.category.is_empty() {
        out.push(("category".to_owned(), list(&meta.category)));
    }
    if let Some(k) = &meta.kind {
        out.push(("kind".to_owned(), one(&k.value)));
    }
    if !meta.types.is_empty() {
        out.push(("type".to_owned(), list(&meta.types)));
    }
    out
}

/// The metadata plan of a function.
pub(crate) fn meta_out(aliases: &[Alias]) -> MetaOut {
    let all: Vec<String> = aliases.iter().map(|a| meta_members(&a.meta)).collect();
    if all.iter().all(String::is_empty) {
        MetaOut::None
    } else if all.iter().all(|m| *m == all[0]) {
        MetaOut::Static(members(&aliases[0].meta))
    } else {
        let mut keys = Vec::new();
        for a in aliases {
            for (k, _) in members(&a.meta) {
                let k: &'static str = match k.as_str() {
                    "action" => "action",
                    "category" => "category",
                    "kind" => "kind",
                    _ => "type",
                };
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        MetaOut::PerAlias(keys)
    }
}

/// The hidden vars an alias carries when its metadata differs from its siblings'.
pub(crate) fn alias_meta_vars(plan: &MetaOut, meta: &EventMeta) -> Vec<(String, String)> {
    match plan {
        MetaOut::PerAlias(_) => members(meta)
            .into_iter()
            .map(|(k, json)| (format!("_event_{k}"), json))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether the next member of an object needs a comma.
enum Comma {
    First,
    NotFirst,
    /// Decided at render time by a namespace flag.
    Flag(String),
}

impl Tr<'_, '_> {
    /// Emits the skeleton of one `ecs!` literal.
    pub(crate) fn skeleton(&mut self, mac: &syn::Macro, fragment: bool) {
        let tree = match parse_ecs(mac.tokens.clone(), mac.span()) {
            Ok(obj) => normalize(&crate::ctxt::Ctxt::quiet(), &obj),
            Err(_) => return,
        };
        // Evaluate every value in source order, hoisting what has effects.
        let mut leaves: Vec<&Leaf> = Vec::new();
        collect(&tree, &mut leaves);
        leaves.sort_by_key(|l| l.order);
        let mut values: HashMap<usize, J> = HashMap::new();
        // Pure reads of state, with the line they were read at: statements a
        // later value needs (a pool pop, a counter) must not run before them.
        let mut state_reads: Vec<(usize, usize)> = Vec::new();
        for leaf in leaves {
            if literal_json(&leaf.expr).is_some() {
                continue;
            }
            let before = self.buf.lines.len();
            let j = self.expr(&leaf.expr);
            // `module.*` calls draw random values and touch no state.
            let may_write = !j.pure && !j.code.starts_with("module.");
            if self.buf.lines.len() > before || may_write {
                for (order, at) in state_reads.drain(..).rev() {
                    if let Some(read) = values.remove(&order) {
                        let t = self.temp("v");
                        let pad = "  ".repeat(self.buf.indent);
                        self.buf
                            .lines
                            .insert(at, format!("{pad}{{%- set {t} = {} -%}}", read.code));
                        values.insert(order, J::new(t, read.ty, true, true));
                    }
                }
            }
            let j = if j.pure {
                if reads_state(&j.code) {
                    state_reads.push((leaf.order, self.buf.lines.len()));
                }
                j
            } else {
                let t = self.temp("v");
                self.buf.set(&t, &j.code);
                J::new(t, j.ty, true, true)
            };
            values.insert(leaf.order, j);
        }
        let mut text = String::new();
        let mut flags = Vec::new();
        if fragment {
            let mut comma = Comma::First;
            self.members(&tree, 0, &values, &mut text, &mut comma, &mut flags, false);
        } else {
            self.object(&tree, 0, &values, &mut text, &mut flags, true);
        }
        for f in flags {
            self.buf.set(&f, "namespace(first=true)");
        }
        self.buf.raw(&text);
    }

    #[allow(clippy::too_many_arguments)] // a recursive writer threading its context
    fn object(
        &mut self,
        tree: &Tree,
        depth: usize,
        values: &HashMap<usize, J>,
        out: &mut String,
        flags: &mut Vec<String>,
        top: bool,
    ) {
        out.push('{');
        let mut comma = Comma::First;
        self.members(tree, depth + 1, values, out, &mut comma, flags, top);
        if !matches!(comma, Comma::First) {
            out.push('\n');
            out.push_str(&"    ".repeat(depth));
        }
        out.push('}');
    }

    #[allow(clippy::too_many_arguments)] // a recursive writer threading its context
    fn members(
        &mut self,
        tree: &Tree,
        depth: usize,
        values: &HashMap<usize, J>,
        out: &mut String,
        comma: &mut Comma,
        flags: &mut Vec<String>,
        top: bool,
    ) {
        let pad = "    ".repeat(depth);
        let mut tree = tree.clone();
        let has_event = tree
            .nodes()
            .any(|n| n.key == "event" && matches!(n.kind, NodeKind::Object(_)));
        if top && !has_event && !matches!(self.meta, MetaOut::None) {
            tree.members.push(Member::Node(Node {
                key: "event".to_owned(),
                key_span: proc_macro2::Span::call_site(),
                optional: false,
                kind: NodeKind::Object(Tree::default()),
            }));
        }
        for member in &tree.members {
            match member {
                Member::Node(n) if n.optional => {
                    let NodeKind::Leaf(leaf) = &n.kind else {
                        continue;
                    };
                    let Some(j) = values.get(&leaf.order) else {
                        continue;
                    };
                    let sep = self.optional_comma(comma, flags);
                    out.push_str(&format!(
                        "\n{{%- if {} is not none %}}{sep}\n{pad}{}: {}{{%- endif %}}",
                        j.operand(),
                        json_key(&n.key),
                        hole(j)
                    ));
                }
                Member::Node(n) => {
                    Self::required_comma(comma, out);
                    out.push('\n');
                    out.push_str(&pad);
                    out.push_str(&json_key(&n.key));
                    out.push_str(": ");
                    match &n.kind {
                        NodeKind::Object(t) if top && n.key == "event" => {
                            self.event_object(t, depth, values, out, flags);
                        }
                        NodeKind::Object(t) => self.object(t, depth, values, out, flags, false),
                        NodeKind::Array(items) => self.array(items, depth, values, out, flags),
                        NodeKind::Leaf(leaf) => out.push_str(&leaf_text(leaf, values)),
                    }
                }
                Member::Spread(leaf) => {
                    // A helper's fragment, possibly empty: guarded like an
                    // optional field.
                    let Some(j) = values.get(&leaf.order) else {
                        continue;
                    };
                    let sep = self.optional_comma(comma, flags);
                    out.push_str(&format!(
                        "\n{{%- if {} | trim %}}{sep}\n{pad}{{{{ {} }}}}{{%- endif %}}",
                        j.operand(),
                        j.code
                    ));
                }
            }
        }
    }

    /// The `event` object: the literal's members plus the metadata.
    fn event_object(
        &mut self,
        t: &Tree,
        depth: usize,
        values: &HashMap<usize, J>,
        out: &mut String,
        flags: &mut Vec<String>,
    ) {
        let pad = "    ".repeat(depth + 1);
        out.push('{');
        let mut comma = Comma::First;
        match self.meta.clone() {
            MetaOut::None => {}
            MetaOut::Static(members) => {
                for (k, v) in members {
                    Self::required_comma(&mut comma, out);
                    out.push_str(&format!("\n{pad}{}: {v}", json_key(&k)));
                }
            }
            MetaOut::PerAlias(keys) => {
                for k in keys {
                    let sep = self.optional_comma(&mut comma, flags);
                    out.push_str(&format!(
                        "\n{{%- if vars._event_{k} is defined %}}{sep}\n{pad}{}: {{{{ vars._event_{k} | tojson }}}}{{%- endif %}}",
                        json_key(k)
                    ));
                }
            }
        }
        self.members(t, depth + 1, values, out, &mut comma, flags, false);
        if !matches!(comma, Comma::First) {
            out.push('\n');
            out.push_str(&"    ".repeat(depth));
        }
        out.push('}');
    }

    fn array(
        &mut self,
        items: &[Item],
        depth: usize,
        values: &HashMap<usize, J>,
        out: &mut String,
        flags: &mut Vec<String>,
    ) {
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match item {
                Item::Object(t) => self.object(t, depth, values, out, flags, false),
                Item::Array(inner) => self.array(inner, depth, values, out, flags),
                Item::Leaf(leaf) => out.push_str(&leaf_text(leaf, values)),
            }
        }
        out.push(']');
    }

    fn required_comma(comma: &mut Comma, out: &mut String) {
        match comma {
            Comma::First => {}
            Comma::NotFirst => out.push(','),
            Comma::Flag(f) => out.push_str(&format!("\n{{%- if not {f}.first %}},{{% endif %}}")),
        }
        *comma = Comma::NotFirst;
    }

    /// The comma text inside an optional member's guard.
    fn optional_comma(&mut self, comma: &mut Comma, flags: &mut Vec<String>) -> String {
        if matches!(comma, Comma::First) {
            let f = self.temp("members");
            flags.push(f.clone());
            *comma = Comma::Flag(f);
        }
        match comma {
            Comma::NotFirst => ",".to_owned(),
            Comma::Flag(f) => {
                format!("{{% if not {f}.first %}},{{% endif %}}{{% set {f}.first = false %}}")
            }
            Comma::First => String::new(),
        }
    }
}

/// Whether a pure expression reads a state (`shared.get(...)`, ...).
fn reads_state(code: &str) -> bool {
    ["shared.", "locals.", "globals."].iter().any(|scope| {
        code.match_indices(scope).any(|(i, _)| {
            !code[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        })
    })
}

fn collect<'a>(t: &'a Tree, out: &mut Vec<&'a Leaf>) {
    for m in &t.members {
        match m {
            Member::Spread(l) => out.push(l),
            Member::Node(n) => match &n.kind {
                NodeKind::Leaf(l) => out.push(l),
                NodeKind::Object(inner) => collect(inner, out),
                NodeKind::Array(items) => collect_items(items, out),
            },
        }
    }
}

fn collect_items<'a>(items: &'a [Item], out: &mut Vec<&'a Leaf>) {
    for i in items {
        match i {
            Item::Leaf(l) => out.push(l),
            Item::Object(t) => collect(t, out),
            Item::Array(inner) => collect_items(inner, out),
        }
    }
}

fn json_key(k: &str) -> String {
    let mut s = String::new();
    crate::expand::serialize::json_string(&mut s, k);
    s
}

/// The `{{ ... | tojson }}` hole of a value.
fn hole(j: &J) -> String {
    match j.ty.inner() {
        Ty::Timestamp => format!("{{{{ {}.isoformat() | tojson }}}}", j.operand()),
        _ => format!("{{{{ {} | tojson }}}}", j.operand()),
    }
}

fn leaf_text(leaf: &Leaf, values: &HashMap<usize, J>) -> String {
    if let Some((json, _)) = literal_json(&leaf.expr) {
        return json;
    }
    values
        .get(&leaf.order)
        .map_or_else(|| "null".to_owned(), hole)
}
