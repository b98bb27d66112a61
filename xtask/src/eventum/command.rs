//! Running the install's external commands, with their output kept for the
//! error message.

use anyhow::{Result, bail};
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, ExitStatus, Output};

/// Runs `cmd` to completion (stdin closed), printing it first. Fails when
/// it cannot start or exits non-zero; the error holds the end of its
/// output. Returns its stdout.
pub(super) fn run(cmd: &mut Command) -> Result<String> {
    eprintln!("    $ {}", display(cmd));
    run_quiet(cmd)
}

/// [`run`] without printing the command.
pub(super) fn run_quiet(cmd: &mut Command) -> Result<String> {
    let output = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| anyhow::anyhow!("could not start `{}`: {e}", program_name(cmd)))?;
    check(cmd, &output)?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Fails with the command's name, exit code and the end of its output
/// unless it succeeded.
fn check(cmd: &Command, output: &Output) -> Result<()> {
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let text = if stderr.trim().is_empty() {
        stdout
    } else {
        stderr
    };
    bail!(
        "{} exited with {}: {}",
        program_name(cmd),
        exit_code(output.status),
        tail(&text, 25)
    );
}

/// The exit code, or `128 + signal` for a process a signal ended.
pub(super) fn exit_code(status: ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

/// The last `lines` non-blank lines of `text`, joined by newlines.
pub(super) fn tail(text: &str, lines: usize) -> String {
    let kept: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let from = kept.len().saturating_sub(lines);
    let mut out = kept[from..].join("\n");
    if out.is_empty() {
        out.push_str("(no output)");
    }
    out
}

/// The program's file name and its leading plain arguments, e.g.
/// `apt-get update -q` or `python -m pip wheel`: enough to tell the
/// commands of a step apart without their paths.
fn program_name(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    let mut name = program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned();
    let plain = cmd
        .get_args()
        .map(OsStr::to_string_lossy)
        .take_while(|a| !a.starts_with("--") && !a.contains(['/', '=', ' ']))
        .take(3);
    for arg in plain {
        name.push(' ');
        name.push_str(&arg);
    }
    name
}

/// The command line, environment overrides first, for progress messages.
fn display(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter_map(|(k, v)| v.map(|v| format!("{}={}", k.to_string_lossy(), v.to_string_lossy())))
        .collect();
    parts.push(cmd.get_program().to_string_lossy().into_owned());
    parts.extend(
        cmd.get_args()
            .map(OsStr::to_string_lossy)
            .map(std::borrow::Cow::into_owned),
    );
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_last_non_blank_lines() {
        assert_eq!(tail("a\n\nb\nc\n\n", 2), "b\nc");
        assert_eq!(tail("a\nb", 5), "a\nb");
        assert_eq!(tail("\n \n", 3), "(no output)");
    }

    #[test]
    fn failures_name_the_program_and_keep_its_stderr() {
        let err = run(Command::new("sh").args(["-c", "echo out; echo bad >&2; exit 3"]))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "sh -c exited with 3: bad");
    }

    #[test]
    fn a_missing_program_is_named() {
        let err = run(&mut Command::new("/nonexistent/tool"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("could not start `tool`: "), "{err}");
    }

    #[test]
    fn success_returns_stdout() {
        assert_eq!(
            run(Command::new("sh").args(["-c", "echo hi"])).unwrap(),
            "hi\n"
        );
    }
}
