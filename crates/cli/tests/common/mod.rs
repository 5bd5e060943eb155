//! Helpers shared by the CLI end-to-end tests: run the real `parallax`
//! binary against a data directory. (Each test file uses a subset.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `parallax --data DATA --quiet`, ignoring any PARALLAX_DATA of the caller.
pub fn parallax(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command
        .arg("--data")
        .arg(data)
        .arg("--quiet")
        .env_remove("PARALLAX_DATA");
    command
}

pub fn run(command: &mut Command) -> Output {
    command.output().expect("run parallax")
}

/// Runs and asserts success, showing stderr otherwise.
pub fn run_ok(command: &mut Command) -> Output {
    let output = run(command);
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The demo corpus of `examples/articles`.
pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}
