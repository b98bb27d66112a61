//! Cross-item rules: checks that need more than one attribute to decide.
//! Rules that one attribute decides alone live in `attr.rs` (`serde_derive`'s
//! split). Each check reports into the [`Ctxt`] and returns nothing.

pub(crate) mod ecs_fields;

use crate::ctxt::Ctxt;
use crate::model::{Generator, Mode, VarValue};
use crate::suggest::did_you_mean_among;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// Runs every cross-item check.
pub(crate) fn check(cx: &Ctxt, g: &Generator) {
    check_name(cx, g);
    check_has_events(cx, g);
    check_unique_aliases(cx, g);
    check_mode_keys(cx, g);
    check_fsm(cx, g);
    check_chain(cx, g);
    check_vars(cx, g);
}

/// Generator names follow the content packs: lowercase `<category>-<source>`.
fn check_name(cx: &Ctxt, g: &Generator) {
    let Some(name) = &g.args.name else { return };
    let v = &name.value;
    let ok = v.contains('-')
        && v.split('-').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !ok {
        cx.error_at(
            name.span,
            format!("generator name `{v}` must be lowercase `<category>-<source>`, e.g. \"linux-auditd\""),
        );
    }
}

/// A generator needs at least one event.
fn check_has_events(cx: &Ctxt, g: &Generator) {
    if g.events.is_empty() {
        cx.error_spanned_by(
            &g.module.ident,
            "this generator has no events: mark at least one function with #[event(...)]",
        );
    }
}

/// Aliases are unique (Eventum requires unique template aliases).
fn check_unique_aliases(cx: &Ctxt, g: &Generator) {
    let mut seen: HashSet<&str> = HashSet::new();
    for e in &g.events {
        for a in &e.aliases {
            if !seen.insert(&a.name.value) {
                cx.error_at(
                    a.name.span,
                    format!(
                        "duplicate event name `{}`; give each #[event] on a function its own `name = \"...\"`",
                        a.name.value
                    ),
                );
            }
        }
    }
}

/// `weight` only in chance mode (and required there); `initial` and
/// transitions only in fsm mode.
fn check_mode_keys(cx: &Ctxt, g: &Generator) {
    if !g.mode_known() {
        return;
    }
    let mode = g.mode();
    let total: f64 = g
        .aliases()
        .filter_map(|(_, a)| a.weight.as_ref())
        .map(|w| w.value)
        .sum();
    if mode == Mode::Chance && !total.is_finite() {
        cx.error_spanned_by(
            &g.module.ident,
            "the event weights add up to more than an f64 can hold; scale them down",
        );
    }
    for (e, a) in g.aliases() {
        match (&a.weight, mode) {
            (None, Mode::Chance) if a.written.contains(&"weight") => {}
            (None, Mode::Chance) => cx.error_spanned_by(
                &a.attr,
                format!(
                    "in chance mode every event needs a weight: #[event(weight = 10)] on `{}`",
                    a.name.value
                ),
            ),
            (Some(w), m) if m != Mode::Chance => cx.error_at(
                w.span,
                format!(
                    "`weight` applies only in chance mode (this generator's mode is `{}`)",
                    m.as_str()
                ),
            ),
            _ => {}
        }
        if let Some(span) = a.initial
            && mode != Mode::Fsm
        {
            cx.error_at(
                span,
                format!(
                    "`initial` applies only in fsm mode (this generator's mode is `{}`)",
                    mode.as_str()
                ),
            );
        }
        if mode != Mode::Fsm
            && let Some(t) = e.transitions.first()
        {
            cx.error_spanned_by(
                &t.to,
                format!(
                    "#[transition] applies only in fsm mode (this generator's mode is `{}`)",
                    mode.as_str()
                ),
            );
        }
    }
}

/// Exactly one initial state; transitions name known states; every state
/// is reachable from the initial one.
fn check_fsm(cx: &Ctxt, g: &Generator) {
    if g.mode() != Mode::Fsm || !g.mode_known() || g.events.is_empty() {
        return;
    }
    let initials: Vec<_> = g.aliases().filter(|(_, a)| a.initial.is_some()).collect();
    match initials.as_slice() {
        [] if g.aliases().any(|(_, a)| a.written.contains(&"initial")) => {}
        [] => cx.error_spanned_by(
            &g.module.ident,
            "fsm mode needs an initial state: add `initial` to one #[event(...)]",
        ),
        [_] => {}
        [(_, first), rest @ ..] => {
            for (_, a) in rest {
                cx.error_at(
                    a.initial.unwrap_or(a.name.span),
                    format!(
                        "`{}` is a second initial state: fsm mode starts from exactly one (`{}` is already `initial`)",
                        a.name.value, first.name.value
                    ),
                );
            }
        }
    }
    let names: Vec<String> = g.aliases().map(|(_, a)| a.name.value.clone()).collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let index = |n: &str| names.iter().position(|x| x == n);
    // A graph with a broken edge would report states as unreachable that
    // the user did connect.
    let mut complete = g.events.iter().all(|e| !e.transitions_broken);
    for e in &g.events {
        for t in &e.transitions {
            let to = t.to.to_string();
            if index(&to).is_none() {
                complete = false;
                cx.error_spanned_by(
                    &t.to,
                    format!(
                        "transition to unknown state `{to}`{}",
                        did_you_mean_among(&to, &name_refs, "the states are the event names")
                    ),
                );
            }
        }
    }
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    let mut i = 0;
    for e in &g.events {
        for _ in &e.aliases {
            edges[i].extend(
                e.transitions
                    .iter()
                    .filter_map(|t| index(&t.to.to_string())),
            );
            i += 1;
        }
    }
    if !complete {
        return;
    }
    let Some(start) = g.aliases().position(|(_, a)| a.initial.is_some()) else {
        return;
    };
    let mut seen = vec![false; names.len()];
    let mut queue = VecDeque::from([start]);
    seen[start] = true;
    while let Some(s) = queue.pop_front() {
        for &t in &edges[s] {
            if !seen[t] {
                seen[t] = true;
                queue.push_back(t);
            }
        }
    }
    for ((_, a), reached) in g.aliases().zip(seen) {
        if !reached {
            cx.error_at(
                a.name.span,
                format!(
                    "state `{}` is unreachable: no chain of transitions leads to it from the initial state `{}`",
                    a.name.value, names[start]
                ),
            );
        }
    }
}

/// `chain` only in chain mode, required there, naming known events.
fn check_chain(cx: &Ctxt, g: &Generator) {
    if !g.mode_known() {
        return;
    }
    let names: Vec<String> = g.aliases().map(|(_, a)| a.name.value.clone()).collect();
    match (g.mode(), g.args.chain.is_empty()) {
        (Mode::Chain, true) if g.args.written.contains(&"chain") => return,
        (Mode::Chain, true) => cx.error_spanned_by(
            &g.module.ident,
            "chain mode needs the sequence: #[generator(..., chain = [first, second, ...])]",
        ),
        (Mode::Chain, false) => {}
        (m, false) => {
            if let Some(span) = g.args.chain_span {
                cx.error_at(
                    span,
                    format!(
                        "`chain` applies only in chain mode (this generator's mode is `{}`)",
                        m.as_str()
                    ),
                );
            }
            return;
        }
        (_, true) => return,
    }
    for c in &g.args.chain {
        let n = c.to_string();
        if !names.contains(&n) {
            cx.error_spanned_by(
                c,
                format!(
                    "chain names unknown event `{n}`{}",
                    did_you_mean_among(
                        &n,
                        &names.iter().map(String::as_str).collect::<Vec<_>>(),
                        "the events are"
                    )
                ),
            );
        }
    }
}

/// The aliases of one function define the same vars with the same types,
/// so the body can read them whichever alias runs.
fn check_vars(cx: &Ctxt, g: &Generator) {
    for e in &g.events {
        let all: BTreeSet<String> = e
            .aliases
            .iter()
            .flat_map(|a| a.vars.iter().map(|(i, _)| i.to_string()))
            .collect();
        for a in &e.aliases {
            for name in &all {
                if !a.vars.iter().any(|(i, _)| i == name) {
                    cx.error_spanned_by(
                        &a.attr,
                        format!(
                            "event `{}` lacks var `{name}` that another #[event] on `{}` defines; every alias of a function needs the same vars",
                            a.name.value, e.item.sig.ident
                        ),
                    );
                }
            }
        }
        let mut types: HashMap<String, (&'static str, &VarValue)> = HashMap::new();
        for a in &e.aliases {
            for (i, v) in &a.vars {
                let t = v.type_name();
                match types.get(&i.to_string()) {
                    Some((t0, _)) if *t0 != t => cx.error_spanned_by(
                        i,
                        format!("var `{i}` is {t} here but {t0} in another #[event] on the same function"),
                    ),
                    Some(_) => {}
                    None => {
                        types.insert(i.to_string(), (t, v));
                    }
                }
            }
        }
    }
}
