//! `eventum-rs`: the bundled generators behind one command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    eventum_runtime::cli::main(eventum_cli::bundled())
}
