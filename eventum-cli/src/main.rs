//! `eventum-rs`: the bundled generators behind one command line.

mod web_access;

use std::process::ExitCode;

fn main() -> ExitCode {
    eventum_runtime::cli::main(&[&web_access::GENERATOR])
}
