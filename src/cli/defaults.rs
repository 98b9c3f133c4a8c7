//! Defaults from outside the command line, as bat has them: the configuration file
//! (`$XDG_CONFIG_HOME/wirediff/config`, else `~/.config/wirediff/config`; one option per
//! line, `#` starts a comment line) and then `WIREDIFF_OPTS` (split like a shell would)
//! are put before the command line's own arguments, so the command line wins (a repeated
//! option keeps its last value). Only options every command takes belong there.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable holding default options.
const OPTIONS_VARIABLE: &str = "WIREDIFF_OPTS";

/// Where the default options came from, for messages about them.
#[derive(Debug, Default)]
pub(super) struct Sources {
    /// The configuration file, when it gave options.
    pub(super) config: Option<PathBuf>,
    /// Whether `WIREDIFF_OPTS` gave options.
    pub(super) environment: bool,
}

impl Sources {
    /// A note for an error message: where options not on the command line came from
    /// (empty when none did).
    pub(super) fn note(&self) -> String {
        let mut from = Vec::new();
        if let Some(path) = &self.config {
            from.push(crate::render::safe::display_path(path));
        }
        if self.environment {
            from.push(OPTIONS_VARIABLE.to_string());
        }
        if from.is_empty() {
            String::new()
        } else {
            format!(" (with options from {})", from.join(" and "))
        }
    }
}

/// `args` (program name first) with the default options after the program name.
pub(super) fn with_defaults(args: Vec<OsString>) -> Result<(Vec<OsString>, Sources), String> {
    let mut sources = Sources::default();
    let mut defaults = Vec::new();
    if let Some(path) = config_path()
        && let Ok(text) = std::fs::read_to_string(&path)
    {
        let options = config_options(&text)
            .map_err(|e| format!("{}: {e}", crate::render::safe::display_path(&path)))?;
        if !options.is_empty() {
            sources.config = Some(path);
            defaults.extend(options);
        }
    }
    if let Some(value) = std::env::var_os(OPTIONS_VARIABLE) {
        let value = value
            .into_string()
            .map_err(|_| format!("{OPTIONS_VARIABLE}: not valid UTF-8"))?;
        let options = shell_words::split(&value).map_err(|e| format!("{OPTIONS_VARIABLE}: {e}"))?;
        sources.environment = !options.is_empty();
        defaults.extend(options);
    }
    let mut args = args.into_iter();
    let mut all: Vec<OsString> = args.next().into_iter().collect();
    all.extend(defaults.into_iter().map(OsString::from));
    all.extend(args);
    Ok((all, sources))
}

/// The configuration file's path: under `$XDG_CONFIG_HOME`, else `~/.config`.
fn config_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("wirediff").join("config"))
}

/// The options of a configuration file: each line split like a shell would, blank lines
/// and lines starting with `#` skipped.
fn config_options(text: &str) -> Result<Vec<String>, String> {
    let mut options = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = shell_words::split(line).map_err(|e| format!("line {}: {e}", number + 1))?;
        options.extend(words);
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_lines_are_split_like_a_shell() {
        let text = "# defaults\n--color never\n\n  --base 'wire copy.txt'  \n--paging=never\n";
        assert_eq!(
            config_options(text).unwrap(),
            [
                "--color",
                "never",
                "--base",
                "wire copy.txt",
                "--paging=never"
            ]
        );
        let error = config_options("--color never\n--base 'open").unwrap_err();
        assert!(error.starts_with("line 2:"), "{error}");
    }
}
