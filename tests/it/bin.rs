//! Running the `decldiff` binary in tests: one place that builds the command with a clean
//! environment, so no developer's `DECLDIFF_*`, `COLUMNS` or `NO_COLOR` setting leaks in.

use std::process::Command;

use crate::fixtures;

/// The binary, run from the repository root, with the environment cleaned: no corpus folder
/// from the environment, the token cache off, no colour, no terminal width, the default
/// thread count. Tests set what they need on the returned command.
pub fn decldiff() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_decldiff"));
    command.current_dir(fixtures::repo());
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("DECLDIFF_") {
            command.env_remove(&name);
        }
    }
    command.env_remove("COLUMNS").env_remove("NO_COLOR").env_remove("RAYON_NUM_THREADS").env("DECLDIFF_CACHE", "off");
    command
}

/// Output with decldiff's own version replaced by `[version]`, so that snapshots survive a
/// release.
pub fn redact_version(output: &str) -> String {
    let version = env!("CARGO_PKG_VERSION");
    output
        .replace(&format!("\"decldiff\": \"{version}\""), "\"decldiff\": \"[version]\"")
        .replace(&format!("<dt>decldiff</dt><dd>{version}</dd>"), "<dt>decldiff</dt><dd>[version]</dd>")
        .replace(&format!("decldiff {version} ·"), "decldiff [version] ·")
}
