// The source files of a new generator crate, shared (through `include!`) by
// `cargo xtask new-generator` and the ui test that compiles and runs what it
// scaffolds, so the scaffold cannot rot unnoticed.

/// The files of the generator `name` (`<category>-<source>`) other than its
/// `Cargo.toml`, as (path relative to the crate, contents).
fn generator_files(name: &str, source: &str) -> Vec<(String, String)> {
    let render = |text: &str| {
        text.replace("@name@", name)
            .replace("@module@", &name.replace('-', "_"))
            .replace("@source@", &source.replace('-', "_"))
            .replace("@file@", source)
    };
    vec![
        ("src/lib.rs".to_owned(), render(include_str!("lib.rs.in"))),
        (
            "samples/hosts.csv".to_owned(),
            include_str!("hosts.csv").to_owned(),
        ),
        (
            format!("fields/{source}.yml"),
            render(include_str!("fields.yml.in")),
        ),
    ]
}
