//! Snapshots of the native expansion of small generators, pretty-printed:
//! a change to the generated code shows up as a readable diff in review.
//! `UPDATE_EXPECT=1 cargo test -p eventum-codegen --test expansion`
//! rewrites the files under `tests/snapshots/` (read the diff first).

use expect_test::{ExpectFile, expect_file};
use proc_macro2::TokenStream;

/// The expansion of `#[generator(args)] item`, as formatted Rust.
fn expansion(args: &str, item: &str) -> String {
    let args: TokenStream = args.parse().expect("args tokenize");
    let item: TokenStream = item.parse().expect("item tokenizes");
    let tokens = eventum_codegen::expand_generator(args, item);
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as a file");
    let text = prettyplease::unparse(&file);
    assert!(
        !text.contains("compile_error"),
        "the module has errors:\n{text}"
    );
    // Sample files are named by absolute path (`include_bytes!` tracks them).
    text.replace(env!("CARGO_MANIFEST_DIR"), "$CARGO_MANIFEST_DIR")
}

fn check(args: &str, item: &str, snapshot: &ExpectFile) {
    snapshot.assert_eq(&expansion(args, item));
}

#[test]
fn chance_with_metadata_and_vars() {
    check(
        r#"name = "test-chance", ecs = "8.11.0""#,
        r#"
        pub mod chance {
            /// A user logs in.
            #[event(weight = 9, name = "login_ok", category = "authentication", type = "start", kind = "event", vars(outcome = "success"))]
            #[event(weight = 1, name = "login_failed", category = "authentication", type = "start", kind = "event", vars(outcome = "failure"))]
            fn login(cx: &mut Cx) -> Event {
                ecs! { "@timestamp": cx.timestamp, "event.outcome": cx.vars.outcome }
            }
        }
        "#,
        &expect_file!["snapshots/chance.expanded.rs"],
    );
}

#[test]
fn fsm_with_transitions() {
    check(
        r#"name = "test-fsm", mode = fsm"#,
        r#"
        pub mod fsm {
            #[shared]
            pub struct Shared {
                pub open: Value<i64>,
            }

            #[event(initial)]
            #[transition(to = logout, when = shared.open >= 2)]
            #[transition(to = login, when = always())]
            fn login(cx: &mut Cx) -> Event {
                let open = cx.shared.open.get().copied().unwrap_or(0) + 1;
                cx.shared.open.set(open);
                ecs! { "message": "login" }
            }

            #[event]
            #[transition(to = login, when = shared.open < 1 || has_tags("reset"))]
            #[transition(to = logout, when = always())]
            fn logout(cx: &mut Cx) -> Event {
                let open = cx.shared.open.get().copied().unwrap_or(0) - 1;
                cx.shared.open.set(open);
                ecs! { "message": "logout" }
            }
        }
        "#,
        &expect_file!["snapshots/fsm.expanded.rs"],
    );
}

#[test]
fn chain() {
    check(
        r#"name = "test-chain", mode = chain, chain = [open, open, close]"#,
        r#"
        pub mod chain {
            #[event]
            fn open(cx: &mut Cx) -> Event {
                ecs! { "message": "open" }
            }

            #[event]
            fn close(cx: &mut Cx) -> Event {
                ecs! { "message": "close" }
            }
        }
        "#,
        &expect_file!["snapshots/chain.expanded.rs"],
    );
}

#[test]
fn samples() {
    check(
        r#"name = "test-samples""#,
        r#"
        pub mod samples {
            /// Users, picked by weight.
            #[sample(csv = "tests/fixtures/users.csv", weight = "weight")]
            pub struct User {
                pub name: Str,
                pub uid: i64,
                pub weight: f64,
                pub admin: bool,
            }

            /// Hosts.
            #[sample(json = "tests/fixtures/hosts.json")]
            pub struct Host {
                pub name: Str,
                pub cores: i64,
            }

            /// Exit codes.
            #[sample(items = [0, 1, 127], name = "codes")]
            pub struct Code {
                pub _0: i64,
            }

            #[event(weight = 1)]
            fn exec(cx: &mut Cx) -> Event {
                let user = cx.samples.users.weighted_pick();
                let host = cx.samples.hosts.pick();
                ecs! { "user": user.name, "host": host.name, "code": cx.samples.codes.pick()._0 }
            }
        }
        "#,
        &expect_file!["snapshots/samples.expanded.rs"],
    );
}
