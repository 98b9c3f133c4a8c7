//! The command line: `wirediff [FILES]` opens the viewer (or, given git's arguments,
//! writes git's external diff), `wirediff export` writes a comparison, `wirediff render`
//! prints one screen, `wirediff extract` prints what is compared from each input,
//! `completions` and `man` print what shells and `man` need. Thin:
//! takes the default options, parses arguments, loads inputs (bounded by `--max-size`),
//! calls the engine and the viewer, maps errors to exit codes (0 same, 1 differences,
//! 2 trouble, or death by the signal that stopped the viewer or a write). The only module
//! that decides exit codes.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::FromArgMatches;

use args::{Cli, Color, Command, Common, ExportArgs, ExtractArgs, FormatArg, RenderArgs, Segment};
use output::Output;
use values::{DEFAULT_WIDTH, MIN_WIDTH};

use crate::engine::{
    self, Analysis, Input, LoadError, LoadOptions, LoadedSet, Options, SegmentMode, Source,
};
use crate::export::{self, Format, Marks, ReportKind, WriteError};
use crate::render::safe::escape;
use crate::signals;
use crate::tui::{self, ColorChoice};

mod args;
mod defaults;
mod git;
mod output;
mod values;
mod versions;

/// Entry point used by `main.rs`.
pub fn main() -> ExitCode {
    run(std::env::args_os().collect())
}

/// Run with the given arguments (the first is the program name); prints errors as one
/// line `wirediff: ...` on standard error, control characters in it escaped.
pub fn run(args: Vec<OsString>) -> ExitCode {
    match dispatch(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("wirediff: {}", escape(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn dispatch(args: Vec<OsString>) -> anyhow::Result<ExitCode> {
    let (args, sources) = defaults::with_defaults(args).map_err(|e| anyhow!(e))?;
    let cli = match args::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
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
            bail!("{}{}", clap_message(&e), sources.note());
        }
    };
    let common = cli.common;
    match cli.command {
        None => match git::external_diff(&cli.files) {
            Some(diff) => git_diff(&common, diff),
            None => match git::unmerged(&cli.files) {
                // As git's own diff says it, and go on.
                Some(path) => {
                    write_stdout(format!("* Unmerged path {}\n", escape(&path)).as_bytes())?;
                    Ok(ExitCode::SUCCESS)
                }
                None => viewer(&common, &cli.files),
            },
        },
        Some(Command::Export(args)) => export_cmd(&common, &args),
        Some(Command::Render(args)) => render_cmd(&common, &args),
        Some(Command::Extract(args)) => extract_cmd(&common, &args),
        Some(Command::Completions { shell }) => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut args::command(), "wirediff", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(args::command()).render(&mut page)?;
            write_stdout(&page)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The first line of a clap error, without its `error: ` prefix and with a hint; a line
/// ending in a colon (the missing arguments...) takes the indented lines below it.
fn clap_message(e: &clap::Error) -> String {
    let text = e.to_string();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    if message.ends_with(':') {
        let listed: Vec<&str> = lines
            .map(str::trim)
            .take_while(|line| !line.is_empty())
            .collect();
        message = format!("{message} {}", listed.join(", "));
    }
    format!("{message} (see wirediff --help)")
}

fn viewer(common: &Common, files: &[OsString]) -> anyhow::Result<ExitCode> {
    // With `-` among the files, standard input is the copy; keys come from the terminal
    // (crossterm reads /dev/tty when standard input is not one).
    let keys_from_tty = files.iter().any(|f| f == "-");
    if !(io::stdin().is_terminal() || keys_from_tty) || !io::stdout().is_terminal() {
        bail!("the viewer needs a terminal; use `wirediff export` for text output");
    }
    let analysis = analyze(common, files)?;
    match tui::run(analysis, color_choice(common.color)) {
        Err(tui::ViewerError::Interrupted { signal }) => signals::reraise(signal),
        result => result?,
    }
    Ok(ExitCode::SUCCESS)
}

/// As git's external diff: the text export of old against new, named after the real
/// path, to standard output (git pages it); exit 0 whatever happens, so git goes on.
fn git_diff(common: &Common, diff: git::GitDiff) -> anyhow::Result<ExitCode> {
    let compared = load(common, &diff.files).and_then(|set| {
        let (mut inputs, sources): (Vec<Input>, Vec<Source>) = set
            .versions
            .into_iter()
            .map(|l| (l.input, l.source))
            .unzip();
        for (input, name) in inputs.iter_mut().zip(diff.names) {
            input.name = name;
        }
        let (inputs, mut options) = checked(common, inputs)?;
        // git's names (`a/PATH`, `b/PATH`) as they are, old against new.
        options.labels = inputs.iter().map(|i| Some(i.name.clone())).collect();
        options.base = engine::BaseChoice::Index(0);
        Ok((engine::analyze_pairs(inputs, options), sources))
    });
    match compared {
        Ok((analysis, sources)) => {
            // git runs its pager itself and says so in GIT_PAGER_IN_USE.
            let to_pager = std::env::var_os("GIT_PAGER_IN_USE").is_some();
            let marks = text_marks(common.color, to_pager || io::stdout().is_terminal());
            let text = export::text_with_sources(&analysis, &marks, &sources);
            write_stdout(text.as_bytes())?;
        }
        Err(e) => eprintln!("wirediff: {}", escape(&format!("{e:#}"))),
    }
    Ok(ExitCode::SUCCESS)
}

fn export_cmd(common: &Common, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let width = args.width.unwrap_or_else(terminal_width);
    // `-o -` is standard output.
    let destination = args
        .output
        .as_deref()
        .filter(|path| path.as_os_str() != "-");
    if let Some(path) = destination {
        // Refuse before doing any work.
        export::check_output(path, args.force).map_err(output_error)?;
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::SideBySide => Format::SideBySide,
        FormatArg::Json => Format::Json,
        FormatArg::Html => return report_export(common, args, destination, ReportKind::Html),
        FormatArg::Markdown => {
            return report_export(common, args, destination, ReportKind::Markdown);
        }
    };
    if format == Format::Json {
        return json_export(common, args, destination);
    }
    let (inputs, options, sources) = prepare(common, &args.files)?;
    let analysis = engine::analyze_pairs(inputs, options);
    if format == Format::Text {
        // The text is written as it is made, to standard output or into the file.
        let on_terminal = destination.is_none() && io::stdout().is_terminal();
        let marks = text_marks(common.color, on_terminal);
        let write =
            |out: &mut dyn Write| export::write_text_with_sources(&analysis, &marks, &sources, out);
        match destination {
            Some(path) => write_file_with(path, args.force, |out| write(out))?,
            None => {
                let mut output = Output::open(common.paging);
                let written = write(output.writer());
                output.finish(written)?;
            }
        }
        let code = exit_code(&analysis);
        // The process ends right after this (see below).
        std::mem::forget(analysis);
        return Ok(code);
    }
    let out = export::export(&analysis, format, width);
    match destination {
        Some(path) => write_file(path, out.as_bytes(), args.force)?,
        None => {
            let mut output = Output::open(common.paging);
            let written = output.writer().write_all(out.as_bytes());
            output.finish(written)?;
        }
    }
    let code = exit_code(&analysis);
    // The process ends right after this: leave the memory to the OS instead of freeing
    // hundreds of thousands of small allocations one by one.
    std::mem::forget(analysis);
    std::mem::forget(out);
    Ok(code)
}

/// The HTML or Markdown report, dated by `SOURCE_DATE_EPOCH` (else now).
fn report_export(
    common: &Common,
    args: &ExportArgs,
    destination: Option<&Path>,
    kind: ReportKind,
) -> anyhow::Result<ExitCode> {
    let meta = export::report_meta_from_env().map_err(anyhow::Error::msg)?;
    let analysis = analyze(common, &args.files)?;
    let out = export::report(&analysis, kind, &meta);
    match destination {
        Some(path) => write_file(path, out.as_bytes(), args.force)?,
        None => {
            let mut output = Output::open(common.paging);
            let written = output.writer().write_all(out.as_bytes());
            output.finish(written)?;
        }
    }
    let code = exit_code(&analysis);
    // The process ends right after this (see `export_cmd`).
    std::mem::forget(analysis);
    Ok(code)
}

/// The text export's marks: colour with `--color always`, or `auto` on a terminal
/// (`terminal`) without NO_COLOR; else the plain `[-...-]{+...+}`.
fn text_marks(color: Color, terminal: bool) -> Marks {
    match color_choice(color) {
        ColorChoice::Always => Marks::COLOR,
        ColorChoice::Auto if terminal => Marks::COLOR,
        _ => Marks::PLAIN,
    }
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
fn json_export(
    common: &Common,
    args: &ExportArgs,
    destination: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let (inputs, options, sources) = prepare(common, &args.files)?;
    // The versions part is written while the comparisons are computed, the comparisons
    // after them: to standard output or into the file, never held whole.
    let write = |writer: &mut (dyn Write + Send)| {
        let (analysis, head) = engine::analyze_beside(inputs, options, |base, v| {
            export::write_json_versions(base, v, &sources, writer)
        });
        let written =
            head.and_then(|()| export::write_json_comparisons(&analysis.comparisons, writer));
        (analysis, written)
    };
    let analysis = match destination {
        Some(path) => {
            let mut analysis = None;
            write_file_with(path, args.force, |writer| {
                let (made, written) = write(writer);
                analysis = Some(made);
                written
            })?;
            analysis.context("the analysis was not made")?
        }
        None => {
            let mut output = Output::open(common.paging);
            let (analysis, written) = write(output.writer());
            output.finish(written)?;
            analysis
        }
    };
    let code = exit_code(&analysis);
    // The process ends right after this (see `export_cmd`).
    std::mem::forget(analysis);
    Ok(code)
}

fn render_cmd(common: &Common, args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let (cols, rows) = args.size;
    let analysis = analyze(common, &args.files)?;
    // Colour as the viewer would have it (`--color`, `NO_COLOR`); without `--ansi` there
    // are no styles at all.
    let color = color_choice(common.color).enabled();
    let screen = tui::render_with(&analysis, cols, rows, &args.keys, args.ansi, color)
        .map_err(|e| anyhow!(e))?;
    write_stdout(screen.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `wirediff extract`: each input's text as compared (or its body), a `== NAME ==` line
/// before each when there are several.
fn extract_cmd(common: &Common, args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let set = load(common, &args.files)?;
    let several = set.versions.len() > 1;
    let mut out = String::new();
    for (k, loaded) in set.versions.iter().enumerate() {
        if several {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(&format!("== {} ==\n", escape(&loaded.input.name)));
        }
        let text = match &loaded.body {
            Some(body) if args.body => body,
            _ => &loaded.input.text,
        };
        out.push_str(text);
    }
    write_stdout(out.as_bytes())?;
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
        && (MIN_WIDTH..=values::MAX_WIDTH).contains(&usize::from(cols))
    {
        return usize::from(cols);
    }
    DEFAULT_WIDTH
}

/// Load the inputs (the demo without files), resolve the base and run the engine.
fn analyze(common: &Common, files: &[OsString]) -> anyhow::Result<Analysis> {
    let (inputs, options, _) = prepare(common, files)?;
    Ok(engine::analyze(&inputs, options))
}

/// The inputs read (the demo without files), the engine options (checked) and what each
/// input was read from.
fn prepare(
    common: &Common,
    files: &[OsString],
) -> anyhow::Result<(Vec<Input>, Options, Vec<Source>)> {
    let (inputs, sources) = if files.is_empty() {
        (engine::demo(), Vec::new())
    } else {
        let set = load(common, files)?;
        set.versions
            .into_iter()
            .map(|l| (l.input, l.source))
            .unzip()
    };
    let (inputs, options) = checked(common, inputs)?;
    Ok((inputs, options, sources))
}

/// The inputs if there are enough, and the engine options for them.
fn checked(common: &Common, inputs: Vec<Input>) -> anyhow::Result<(Vec<Input>, Options)> {
    if inputs.len() < 2 {
        bail!(
            "need at least two versions to compare, got {} (see wirediff --help)",
            inputs.len()
        );
    }
    let labels = versions::resolve_labels(&common.labels, &inputs)?;
    let base = versions::resolve_base(common.base.as_deref(), &inputs, &labels)?;
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

/// Read the files given (at most `--max-size` bytes each); folder entries skipped and
/// encodings guessed are told on standard error.
fn load(common: &Common, files: &[OsString]) -> anyhow::Result<LoadedSet> {
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        bail!("-: standard input can only be read once");
    }
    let options = LoadOptions {
        encoding: common.encoding.clone(),
        max_size: Some(common.max_size),
    };
    let set = engine::load(files, &options).map_err(|error| match error {
        LoadError::TooLarge { name, limit } => anyhow!(
            "{name}: larger than --max-size {} (raise it with --max-size, e.g. --max-size 1G)",
            values::show_byte_size(limit)
        ),
        other => other.into(),
    })?;
    for path in &set.skipped {
        eprintln!(
            "wirediff: skipped {} (not a text, HTML or XML file)",
            escape(path)
        );
    }
    for loaded in &set.versions {
        if loaded.source.encoding_from == engine::EncodingFrom::Detected {
            let (name, encoding) = (escape(&loaded.input.name), loaded.source.encoding);
            eprintln!("wirediff: {name}: read as {encoding} (detected; --encoding to choose)");
        }
    }
    Ok(set)
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

/// Write `-o FILE` with the atomic writer; a signal during the write (the temporary file
/// is removed) ends the process by it.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    write_file_with(path, force, |out| out.write_all(bytes))
}

/// [`write_file`] of what `make` writes, as it makes it.
fn write_file_with(
    path: &Path,
    force: bool,
    make: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> anyhow::Result<()> {
    match export::write_atomic_with(path, force, make) {
        Err(WriteError::Interrupted { signal, .. }) => signals::reraise(signal),
        written => written.map_err(output_error),
    }
}

/// The writer's refusals in command-line terms: an existing file names the flag that
/// overwrites it.
fn output_error(error: WriteError) -> anyhow::Error {
    match error {
        WriteError::Exists(path) => {
            anyhow!(
                "{}: already exists (use --force to overwrite)",
                crate::render::safe::display_path(&path)
            )
        }
        other => other.into(),
    }
}
