//! The command line: `wirediff [FILES]` opens the viewer, `wirediff export` writes a
//! comparison, `wirediff render` prints one screen. Thin: parses arguments, loads inputs,
//! calls the engine and the viewer, maps errors to exit codes (0 same, 1 differences,
//! 2 trouble). The only module that decides exit codes.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::engine::{self, Analysis, BaseChoice, Input, Options, SegmentMode};
use crate::export::{self, Format, WriteError};
use crate::tui::{self, ColorChoice};

/// Compare published versions of one story sentence by sentence.
///
/// With no files, shows the built-in demo story. `-` reads standard input.
#[derive(Debug, Parser)]
#[command(name = "wirediff", version)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Option<Command>,
    /// The versions to compare (none: the built-in demo; `-`: standard input); the base is
    /// the likely original unless --base says otherwise.
    files: Vec<String>,
}

/// Options every command takes.
#[derive(Debug, Args)]
struct Common {
    /// Colour in the viewer (NO_COLOR in the environment turns `auto` off).
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,
    /// How inputs are split: prose sentences (with boilerplate marking) or one per line.
    #[arg(long, value_enum, default_value_t = Segment::Prose, global = true)]
    segment: Segment,
    /// The base version: `auto` (the default) picks the likely original, the version the
    /// others share most story text with (with two files, the first); or a 1-based
    /// position among the files, a file name, or a label.
    #[arg(long, value_name = "auto|N|FILE", global = true)]
    base: Option<String>,
    /// Name a version on every screen and export, e.g. `--label AFP=001.txt` (FILE as for
    /// --base; repeatable). Unlabelled versions show their shortest unambiguous file name.
    #[arg(long = "label", value_name = "NAME=FILE", global = true)]
    labels: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the comparison as text, side-by-side columns or JSON.
    Export(ExportArgs),
    /// Print one screen of the viewer (for tests and screenshots).
    Render(RenderArgs),
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Total line width of the side-by-side format (default: the terminal width, or 100).
    #[arg(long, value_name = "N")]
    width: Option<usize>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite FILE given with -o if it exists.
    #[arg(long)]
    force: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    files: Vec<String>,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// Screen size, e.g. 100x30.
    #[arg(long, value_name = "COLSxROWS")]
    size: String,
    /// Keys to press before rendering, separated by spaces (e.g. "n n Tab").
    #[arg(long, default_value = "")]
    keys: String,
    /// Keep the styles as ANSI escape sequences.
    #[arg(long)]
    ansi: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Segment {
    Prose,
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Text,
    SideBySide,
    Json,
}

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
    tui::run(analysis, color_choice(common.color))?;
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
    let labels = resolve_labels(&common.labels, &inputs)?;
    let base = resolve_base(common.base.as_deref(), &inputs, &labels)?;
    let segment = match common.segment {
        Segment::Prose => SegmentMode::Prose,
        Segment::Lines => SegmentMode::Lines,
    };
    let options = Options {
        base,
        segment,
        labels,
    };
    Ok((inputs, options))
}

/// `--base`: `auto` (or none), a label as the screens show it, or a version as
/// [`resolve_version`] finds it.
fn resolve_base(
    spec: Option<&str>,
    inputs: &[Input],
    labels: &[Option<String>],
) -> anyhow::Result<BaseChoice> {
    let Some(spec) = spec.filter(|spec| *spec != "auto") else {
        return Ok(BaseChoice::Auto);
    };
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    if let Some(k) = engine::labels(&names, labels)
        .iter()
        .position(|l| l == spec)
    {
        return Ok(BaseChoice::Index(k));
    }
    resolve_version(spec, inputs)
        .map(BaseChoice::Index)
        .map_err(|e| anyhow!("--base {spec}: {e}"))
}

/// `--label NAME=FILE` options as a label per input (FILE as for `--base`): every NAME
/// non-empty, printable and naming one version only (given or shown), every version
/// named at most once.
fn resolve_labels(specs: &[String], inputs: &[Input]) -> anyhow::Result<Vec<Option<String>>> {
    let mut labels: Vec<Option<String>> = vec![None; inputs.len()];
    let mut given_by: Vec<String> = vec![String::new(); inputs.len()];
    for spec in specs {
        // Control characters are not echoed: the error stays one line.
        let shown: String = spec
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        let fail = |why: String| anyhow!("--label {shown}: {why}");
        let (name, file) = spec
            .split_once('=')
            .filter(|(name, file)| !name.trim().is_empty() && !file.is_empty())
            .ok_or_else(|| fail("expected NAME=FILE, e.g. --label AFP=wire.txt".into()))?;
        if name.chars().any(char::is_control) {
            return Err(fail("the name holds a control character".into()));
        }
        let k = resolve_version(file, inputs).map_err(|e| fail(e.to_string()))?;
        if labels.iter().flatten().any(|given| given == name) {
            return Err(fail(format!("{name} already names another version")));
        }
        if let Some(given) = &labels[k] {
            return Err(fail(format!("{file} is already labelled {given}")));
        }
        labels[k] = Some(name.to_string());
        given_by[k] = shown;
    }
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    let on_screen = engine::labels(&names, &labels);
    for (k, name) in labels.iter().enumerate() {
        if let Some(name) = name
            && let Some(j) = (0..on_screen.len()).find(|&j| j != k && on_screen[j] == *name)
        {
            bail!(
                "--label {}: {name} is already the name of version {}",
                given_by[k],
                j + 1
            );
        }
    }
    Ok(labels)
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

/// The version `spec` names: a 1-based position, or a name as given, or its last
/// component when that is unambiguous.
fn resolve_version(spec: &str, inputs: &[Input]) -> anyhow::Result<usize> {
    let n = inputs.len();
    if !spec.is_empty() && spec.bytes().all(|b| b.is_ascii_digit()) {
        return match spec.parse::<usize>() {
            Ok(k) if (1..=n).contains(&k) => Ok(k - 1),
            _ => bail!("no such version (expected 1 to {n} or a file name)"),
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
        [] => bail!("no such version (expected 1 to {n} or a file name)"),
        _ => bail!("ambiguous, give the path or a position"),
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
    fn base_by_position_name_and_label() {
        let i = inputs(&["a/x.txt", "b/y.txt", "c/y.txt"]);
        let base = |spec| resolve_base(Some(spec), &i, &[]);
        assert_eq!(base("2").unwrap(), BaseChoice::Index(1));
        assert_eq!(base("a/x.txt").unwrap(), BaseChoice::Index(0));
        assert_eq!(base("x.txt").unwrap(), BaseChoice::Index(0));
        assert_eq!(base("c/y.txt").unwrap(), BaseChoice::Index(2));
        assert_eq!(base("c/y").unwrap(), BaseChoice::Index(2));
        assert_eq!(base("auto").unwrap(), BaseChoice::Auto);
        assert_eq!(resolve_base(None, &i, &[]).unwrap(), BaseChoice::Auto);
        let labels = [None, Some("AP".to_string()), None];
        assert_eq!(
            resolve_base(Some("AP"), &i, &labels).unwrap(),
            BaseChoice::Index(1)
        );
        assert!(base("y.txt").unwrap_err().to_string().contains("ambiguous"));
        for bad in ["0", "4", "99999999999999999999999", "", "z.txt"] {
            let e = base(bad).unwrap_err().to_string();
            assert!(e.starts_with(&format!("--base {bad}:")), "{e}");
        }
    }

    #[test]
    fn labels_name_versions_once() {
        let i = inputs(&["a/x.txt", "b/y.txt"]);
        let specs = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            resolve_labels(&specs(&["AFP=y.txt", "Daily Mail=1"]), &i).unwrap(),
            [Some("Daily Mail".to_string()), Some("AFP".to_string())]
        );
        for (bad, why) in [
            ("AFP", "expected NAME=FILE"),
            ("=x.txt", "expected NAME=FILE"),
            ("AFP=", "expected NAME=FILE"),
            ("AFP=z.txt", "no such version"),
            ("A\tB=x.txt", "control character"),
        ] {
            let e = resolve_labels(&specs(&[bad]), &i).unwrap_err().to_string();
            let shown = bad.replace('\t', "?");
            assert!(
                e.starts_with(&format!("--label {shown}:")) && e.contains(why),
                "{e}"
            );
        }
        let twice = resolve_labels(&specs(&["AFP=1", "AFP=2"]), &i).unwrap_err();
        assert!(twice.to_string().contains("already names"), "{twice}");
        let again = resolve_labels(&specs(&["AFP=1", "AP=x.txt"]), &i).unwrap_err();
        assert!(
            again.to_string().contains("already labelled AFP"),
            "{again}"
        );
        let shown = resolve_labels(&specs(&["y=1"]), &i).unwrap_err();
        assert_eq!(
            shown.to_string(),
            "--label y=1: y is already the name of version 2"
        );
        // Unless that version is renamed too.
        assert!(resolve_labels(&specs(&["y=1", "z=2"]), &i).is_ok());
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
