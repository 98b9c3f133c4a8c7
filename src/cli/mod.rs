//! The command line: `wirediff [FILES]` opens the viewer, `wirediff export` writes a
//! comparison, `wirediff render` prints one screen. Thin: parses arguments, loads inputs,
//! calls the engine and the viewer, maps errors to exit codes (0 same, 1 differences,
//! 2 trouble). The only module that decides exit codes.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::Parser;

use args::{Cli, Color, Command, Common, ExportArgs, FormatArg, RenderArgs, Segment};

use crate::engine::{self, Analysis, Input, Options, SegmentMode};
use crate::export::{self, Format, WriteError};
use crate::signals;
use crate::tui::{self, ColorChoice};

mod args;

/// Narrowest `--width` accepted for the side-by-side format.
const MIN_WIDTH: usize = 20;
/// Width used when standard output is not a terminal.
const DEFAULT_WIDTH: usize = 100;

/// Entry point used by `main.rs`.
pub fn main() -> ExitCode {
    run(std::env::args_os().collect())
}

/// Run with the given arguments (the first is the program name); prints errors as one
/// line `wirediff: ...` on standard error.
pub fn run(args: Vec<OsString>) -> ExitCode {
    match dispatch(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("wirediff: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(args: Vec<OsString>) -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                print!("{e}");
                return Ok(ExitCode::SUCCESS);
            }
            bail!("{}", clap_message(&e));
        }
    };
    let common = cli.common;
    match cli.command {
        None => viewer(&common, &cli.files),
        Some(Command::Export(args)) => export_cmd(&common, &args),
        Some(Command::Render(args)) => render_cmd(&common, &args),
    }
}

/// The first line of a clap error, without its `error: ` prefix and with a hint.
fn clap_message(e: &clap::Error) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    format!("{first} (see wirediff --help)")
}

fn viewer(common: &Common, files: &[String]) -> anyhow::Result<ExitCode> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("the viewer needs a terminal; use `wirediff export` for text output");
    }
    let analysis = analyze(common, files)?;
    match tui::run(analysis, color_choice(common.color)) {
        Err(tui::ViewerError::Interrupted { signal }) => signals::reraise(signal),
        result => result?,
    }
    Ok(ExitCode::SUCCESS)
}

fn export_cmd(common: &Common, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let width = match args.width {
        Some(w) if w < MIN_WIDTH => bail!("--width {w}: must be at least {MIN_WIDTH}"),
        Some(w) => w,
        None => terminal_width(),
    };
    if let Some(path) = &args.output {
        // Refuse before doing any work.
        export::check_output(path, args.force).map_err(output_error)?;
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::SideBySide => Format::SideBySide,
        FormatArg::Json => Format::Json,
    };
    if format == Format::Json {
        return json_export(common, args);
    }
    let analysis = analyze(common, &args.files)?;
    let out = export::export(&analysis, format, width);
    match &args.output {
        Some(path) => {
            export::write_atomic(path, out.as_bytes(), args.force).map_err(output_error)?
        }
        None => write_stdout(out.as_bytes())?,
    }
    let code = exit_code(&analysis);
    // The process ends right after this: leave the memory to the OS instead of freeing
    // hundreds of thousands of small allocations one by one.
    std::mem::forget(analysis);
    std::mem::forget(out);
    Ok(code)
}

/// 1 when the versions differ, as `diff` does.
fn exit_code(analysis: &Analysis) -> ExitCode {
    if export::has_differences(analysis) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The JSON export. It has no use for the N-way collation; its versions part is made
/// (and, to standard output, written) while the comparisons are computed.
fn json_export(common: &Common, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let (inputs, options) = prepare(common, &args.files)?;
    let analysis = match &args.output {
        Some(path) => {
            let (analysis, head) = engine::analyze_beside(inputs, options, export::json_versions);
            let tail = export::json_comparisons(&analysis.comparisons);
            let out = [head.as_str(), &tail, export::JSON_END].concat();
            export::write_atomic(path, out.as_bytes(), args.force).map_err(output_error)?;
            std::mem::forget(out);
            analysis
        }
        None => {
            let (analysis, head) = engine::analyze_beside(inputs, options, |base, v| {
                let mut out = io::stdout().lock();
                export::write_json_versions(base, v, &mut out)
            });
            let written = head.and_then(|()| {
                let mut out = io::stdout().lock();
                export::write_json_comparisons(&analysis.comparisons, &mut out)
                    .and_then(|()| out.flush())
            });
            match written {
                // A closed pipe (`| head`) is not trouble.
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    return Err(e).context("standard output");
                }
                _ => {}
            }
            analysis
        }
    };
    let code = exit_code(&analysis);
    // The process ends right after this (see `export_cmd`).
    std::mem::forget(analysis);
    Ok(code)
}

fn render_cmd(common: &Common, args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let (cols, rows) = parse_size(&args.size)?;
    let analysis = analyze(common, &args.files)?;
    // Colour as the viewer would have it (`--color`, `NO_COLOR`); without `--ansi` there
    // are no styles at all.
    let color = color_choice(common.color).enabled();
    let screen = tui::render_with(&analysis, cols, rows, &args.keys, args.ansi, color)
        .map_err(|e| anyhow!(e))?;
    write_stdout(screen.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn color_choice(color: Color) -> ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match color {
        Color::Auto if no_color => ColorChoice::Never,
        Color::Auto => ColorChoice::Auto,
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
    }
}

fn terminal_width() -> usize {
    if io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && usize::from(cols) >= MIN_WIDTH
    {
        return usize::from(cols);
    }
    DEFAULT_WIDTH
}

/// Parse `COLSxROWS`, each between 1 and 1000.
fn parse_size(s: &str) -> anyhow::Result<(u16, u16)> {
    let parsed = s.split_once(['x', 'X']).and_then(|(c, r)| {
        let c: u16 = c.trim().parse().ok()?;
        let r: u16 = r.trim().parse().ok()?;
        ((1..=1000).contains(&c) && (1..=1000).contains(&r)).then_some((c, r))
    });
    parsed.ok_or_else(|| anyhow!("--size {s}: expected COLSxROWS, e.g. 100x30 (1 to 1000 each)"))
}

/// Load the inputs (the demo without files), resolve the base and run the engine.
fn analyze(common: &Common, files: &[String]) -> anyhow::Result<Analysis> {
    let (inputs, options) = prepare(common, files)?;
    Ok(engine::analyze(&inputs, options))
}

/// The inputs read and the engine options, checked.
fn prepare(common: &Common, files: &[String]) -> anyhow::Result<(Vec<Input>, Options)> {
    let inputs = load_inputs(files)?;
    if inputs.len() < 2 {
        bail!(
            "need at least two versions to compare, got {} (see wirediff --help)",
            inputs.len()
        );
    }
    let base = match &common.base {
        Some(b) => resolve_base(b, &inputs)?,
        None => 0,
    };
    let segment = match common.segment {
        Segment::Prose => SegmentMode::Prose,
        Segment::Lines => SegmentMode::Lines,
    };
    Ok((inputs, Options { base, segment }))
}

fn load_inputs(files: &[String]) -> anyhow::Result<Vec<Input>> {
    if files.is_empty() {
        return Ok(engine::demo());
    }
    if files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        bail!("-: standard input can only be read once");
    }
    Ok(engine::read_inputs(files)?)
}

/// `--base N` (1-based position) or `--base FILE` (a name as given, or its last component
/// when that is unambiguous).
fn resolve_base(spec: &str, inputs: &[Input]) -> anyhow::Result<usize> {
    let n = inputs.len();
    if !spec.is_empty() && spec.bytes().all(|b| b.is_ascii_digit()) {
        return match spec.parse::<usize>() {
            Ok(k) if (1..=n).contains(&k) => Ok(k - 1),
            _ => bail!("--base {spec}: no such version (expected 1 to {n} or a file name)"),
        };
    }
    if let Some(k) = inputs.iter().position(|i| i.name == spec) {
        return Ok(k);
    }
    let file_name = |s: &str| {
        Path::new(s)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
    };
    let wanted = file_name(spec);
    let hits: Vec<usize> = (0..n)
        .filter(|&k| wanted.is_some() && file_name(&inputs[k].name) == wanted)
        .collect();
    match hits.as_slice() {
        [k] => Ok(*k),
        [] => bail!("--base {spec}: no such version (expected 1 to {n} or a file name)"),
        _ => bail!("--base {spec}: ambiguous, give the path or a position"),
    }
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not trouble.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("standard output"),
    }
}

/// The writer's refusals in command-line terms: an existing file names the flag that
/// overwrites it.
fn output_error(error: WriteError) -> anyhow::Error {
    match error {
        WriteError::Exists(path) => {
            anyhow!(
                "{}: already exists (use --force to overwrite)",
                path.display()
            )
        }
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(names: &[&str]) -> Vec<Input> {
        names
            .iter()
            .map(|n| Input {
                name: n.to_string(),
                text: String::new(),
            })
            .collect()
    }

    #[test]
    fn base_by_position_and_name() {
        let i = inputs(&["a/x.txt", "b/y.txt", "c/y.txt"]);
        assert_eq!(resolve_base("2", &i).unwrap(), 1);
        assert_eq!(resolve_base("a/x.txt", &i).unwrap(), 0);
        assert_eq!(resolve_base("x.txt", &i).unwrap(), 0);
        assert_eq!(resolve_base("c/y.txt", &i).unwrap(), 2);
        assert!(
            resolve_base("y.txt", &i)
                .unwrap_err()
                .to_string()
                .contains("ambiguous")
        );
        for bad in ["0", "4", "99999999999999999999999", "", "z.txt"] {
            let e = resolve_base(bad, &i).unwrap_err().to_string();
            assert!(e.starts_with(&format!("--base {bad}:")), "{e}");
        }
    }

    #[test]
    fn size_parsing() {
        assert_eq!(parse_size("100x30").unwrap(), (100, 30));
        assert_eq!(parse_size("80X24").unwrap(), (80, 24));
        for bad in ["100", "x30", "0x10", "10x0", "2000x10", "ax b", "-1x5"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
