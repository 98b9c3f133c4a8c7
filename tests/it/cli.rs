//! End-to-end tests of the `wirediff` binary: every export format on small invented
//! fixtures, standard input, `-o`, every kind of bad input, exit codes, determinism, and
//! the viewer's refusal without a terminal.

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use wirediff::render::width::str_width;

fn fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn wirediff() -> Command {
    let mut cmd = Command::cargo_bin("wirediff").unwrap();
    // No configuration file or default options from the machine running the tests.
    let no_config = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "no-config"];
    cmd.env_remove("NO_COLOR")
        .env_remove("WIREDIFF_OPTS")
        .env("XDG_CONFIG_HOME", no_config.iter().collect::<PathBuf>())
        .env("COLUMNS", "100");
    cmd
}

fn run(args: &[&str]) -> Output {
    wirediff().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Exit 2, nothing on stdout, and exactly one line on stderr starting `wirediff: ` that
/// contains `needle`.
fn assert_trouble(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(o));
    assert!(err.starts_with("wirediff: "), "{err:?}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(!err.contains("panicked"), "{err:?}");
}

fn export(format: &str, files: &[&str]) -> Output {
    let fx: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    let mut args = vec!["export", "--format", format];
    args.extend(fx.iter().map(String::as_str));
    run(&args)
}

// ---- formats and exit codes ----

#[test]
fn identical_copy_exits_zero() {
    for format in ["text", "side-by-side", "json"] {
        let o = export(format, &["ferry-wire.txt", "ferry-copy.txt"]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(!o.stdout.is_empty());
    }
    let text = stdout(&export("text", &["ferry-wire.txt", "ferry-copy.txt"]));
    assert!(text.contains("ferry-wire (base) vs"), "{text}");
    assert!(text.contains("= identical"), "{text}");
    assert!(!text.contains("[-"), "{text}");
    assert!(!text.contains("{+"), "{text}");
}

#[test]
fn pronoun_flip_is_marked_and_classified() {
    let o = export("text", &["ferry-wire.txt", "ferry-pronoun.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("[-His-]{+Her+}"), "{text}");
    assert!(text.contains("(pronoun: His -> Her)"), "{text}");
    // Only one sentence changed; the rest are identical.
    assert!(text.matches("= identical").count() >= 4, "{text}");
}

#[test]
fn number_in_quote_is_marked() {
    let o = export("text", &["ferry-wire.txt", "ferry-quote.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("[-212-]{+221+}"), "{text}");
    assert!(
        text.contains("in quote: 212 -> 221") || text.contains("(quote: 212 -> 221)"),
        "{text}"
    );
}

#[test]
fn moved_sentence_is_reported() {
    let o = export("text", &["ferry-wire.txt", "ferry-moved.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("moved (from #"), "{text}");
    assert!(!text.contains("+ added"), "{text}");
    assert!(!text.contains("- deleted"), "{text}");
}

#[test]
fn side_by_side_fits_the_width() {
    for files in [
        ["ferry-wire.txt", "ferry-pronoun.txt"],
        ["cjk-a.txt", "cjk-b.txt"],
        ["emoji-a.txt", "emoji-b.txt"],
    ] {
        for width in ["20", "41", "60", "100"] {
            let mut args = vec!["export", "--format", "side-by-side", "--width", width];
            let fx: Vec<String> = files.iter().map(|f| fixture(f)).collect();
            args.extend(fx.iter().map(String::as_str));
            let o = run(&args);
            assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
            let out = stdout(&o);
            let w: usize = width.parse().unwrap();
            for line in out.lines() {
                assert!(str_width(line) <= w, "{files:?} at {w}: {line:?}");
            }
            // The rule under the title (after the statistics and findings) puts the
            // gutter at the column boundary.
            let col = (w - 3) / 2;
            let rule = out.lines().find(|l| l.contains("-+-")).unwrap();
            assert_eq!(rule, format!("{}-+-{}", "-".repeat(col), "-".repeat(col)));
        }
    }
}

#[test]
fn side_by_side_marks_cjk_and_emoji_edits() {
    let o = export("side-by-side", &["cjk-a.txt", "cjk-b.txt"]);
    let out = stdout(&o);
    assert!(out.contains("[-") && out.contains("{+"), "{out}");
    assert!(out.contains('四') && out.contains('五'), "{out}");
    let o = export("text", &["emoji-a.txt", "emoji-b.txt"]);
    let out = stdout(&o);
    assert!(out.contains("[-3,000-]{+5,000+}"), "{out}");
    assert!(out.contains("👨\u{200d}👩\u{200d}👧"), "{out}");
}

#[test]
fn json_has_the_documented_fields() {
    let o = export(
        "json",
        &["ferry-wire.txt", "ferry-pronoun.txt", "ferry-moved.txt"],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["base"], 0);
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    let original = fs::read_to_string(fixture("ferry-wire.txt")).unwrap();
    for s in versions[0]["sentences"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(s["boilerplate"].is_boolean());
        // The span covers the sentence in the original bytes (whitespace collapsed).
        let span: Vec<&str> = original[start..end].split_whitespace().collect();
        assert_eq!(span.join(" "), text);
    }
    assert!(
        versions[1]["name"]
            .as_str()
            .unwrap()
            .ends_with("ferry-pronoun.txt")
    );
    let cmps = v["comparisons"].as_array().unwrap();
    assert_eq!(cmps.len(), 2);
    assert_eq!(cmps[0]["other"], 1);
    assert_eq!(cmps[1]["other"], 2);
    for c in cmps {
        let sim = c["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        for key in [
            "base_sentences",
            "other_sentences",
            "carried",
            "carried_share",
            "identical",
            "minor",
            "rewrite",
            "paraphrase",
            "partial",
            "moved",
            "added",
            "deleted",
            "boilerplate_base",
            "boilerplate_other",
            "similarity",
        ] {
            assert!(c["stats"][key].is_number(), "stats.{key}");
        }
        assert!(c["unmatched_base"].is_array());
        assert!(c["unmatched_other"].is_array());
        for l in c["links"].as_array().unwrap() {
            assert!(l["base"].is_array() && l["other"].is_array());
            assert!(
                ["identical", "minor", "rewrite", "paraphrase", "partial"]
                    .contains(&l["kind"].as_str().unwrap())
            );
            assert!(l["moved"].is_boolean());
            let score = l["score"].as_f64().unwrap();
            assert_eq!((score * 1000.0).round() / 1000.0, score, "3 decimals");
            for e in l["edits"].as_array().unwrap() {
                assert!(["replace", "insert", "delete"].contains(&e["op"].as_str().unwrap()));
                assert!(e["base"].is_string() && e["other"].is_string());
                assert!(e["class"].is_string() && e["in_quote"].is_boolean());
            }
        }
    }
    // Every key in the output is documented in docs/json.md.
    let doc = fs::read_to_string(
        [env!("CARGO_MANIFEST_DIR"), "docs", "json.md"]
            .iter()
            .collect::<PathBuf>(),
    )
    .unwrap();
    let mut keys = Vec::new();
    collect_keys(&v, &mut keys);
    assert!(keys.len() > 30);
    for k in keys {
        assert!(
            doc.contains(&format!("| `{k}` |")),
            "docs/json.md lacks `{k}`"
        );
    }
    // The pronoun flip appears as a classified edit.
    let edits: Vec<&Value> = cmps[0]["links"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["edits"].as_array().unwrap())
        .collect();
    assert!(
        edits
            .iter()
            .any(|e| e["base"] == "His" && e["other"] == "Her" && e["class"] == "pronoun"),
        "{edits:?}"
    );
    // The moved sentence is flagged.
    assert!(
        cmps[1]["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["moved"] == true)
    );
}

fn collect_keys(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.push(k.clone());
                collect_keys(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_keys(x, out)),
        _ => {}
    }
}

#[test]
fn default_format_is_text_and_demo_without_files() {
    let a = run(&[
        "export",
        &fixture("ferry-wire.txt"),
        &fixture("ferry-quote.txt"),
    ]);
    let b = export("text", &["ferry-wire.txt", "ferry-quote.txt"]);
    assert_eq!(a.stdout, b.stdout);
    let demo = run(&["export"]);
    assert_eq!(demo.status.code(), Some(1), "{}", stderr(&demo));
    assert!(stdout(&demo).contains("== 01-wire (base) vs 02-verbatim =="));
}

#[test]
fn base_option_picks_the_base() {
    let files = [fixture("ferry-wire.txt"), fixture("ferry-pronoun.txt")];
    let by_pos = run(&["export", "--base", "2", &files[0], &files[1]]);
    assert_eq!(by_pos.status.code(), Some(1));
    let out = stdout(&by_pos);
    assert!(out.contains("ferry-pronoun (base) vs"), "{out}");
    assert!(out.contains("[-Her-]{+His+}"), "{out}");
    let by_name = run(&[
        "export",
        "--base",
        "ferry-pronoun.txt",
        &files[0],
        &files[1],
    ]);
    assert_eq!(by_name.stdout, by_pos.stdout);
}

/// The invented tram story: a verbatim copy in page furniture, a trimmed copy, the wire
/// and a rewrite, the wire not first.
fn tram() -> Vec<String> {
    ["verbatim", "trimmed", "wire", "rewrite"]
        .iter()
        .map(|v| fixture(&format!("tram-{v}.txt")))
        .collect()
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn base_auto_picks_the_likely_original() {
    let files = tram();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut args = vec!["export", "--format", "json"];
    args.extend(&files);
    let by_default = run(&args);
    assert_eq!(by_default.status.code(), Some(1), "{}", stderr(&by_default));
    let v = json_of(&by_default);
    assert_eq!(v["base"], 2, "the wire");
    assert_eq!(v["versions"][2]["label"], "tram-wire");
    let mut auto = vec!["export", "--base", "auto", "--format", "json"];
    auto.extend(&files);
    assert_eq!(run(&auto).stdout, by_default.stdout);
    let text = stdout(&run(&[&["export"], &files[..]].concat()));
    assert!(
        text.starts_with("== tram-wire (base) vs tram-verbatim =="),
        "{text}"
    );
    // With two versions the text cannot tell who copied whom: the first is the base.
    let two = run(&["export", "--format", "json", files[1], files[2]]);
    assert_eq!(json_of(&two)["base"], 0);
    // --base N still wins.
    let mut given = vec!["export", "--base", "1", "--format", "json"];
    given.extend(&files);
    assert_eq!(json_of(&run(&given))["base"], 0);
}

#[test]
fn datelines_are_their_own_sentences() {
    let v = json_of(&export("json", &["tram-wire.txt", "tram-verbatim.txt"]));
    let first = |k: usize| v["versions"][k]["sentences"][1].clone();
    assert_eq!(first(0)["text"], "LINDHAVEN, May 12 (Nordwire) -");
    assert_eq!(first(0)["kind"], "dateline");
    assert_eq!(first(0)["boilerplate"], false);
    assert_eq!(v["versions"][0]["sentences"][0]["kind"], "body");
    let verbatim = &v["versions"][1]["sentences"];
    let dateline = verbatim
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["kind"] == "dateline")
        .unwrap();
    assert_eq!(verbatim[dateline]["text"], "LINDHAVEN —");
    assert_eq!(verbatim[dateline + 1]["kind"], "body");
    // The first sentence after the restyled dateline is identical; the datelines are
    // linked to each other, and neither counts.
    let c = &v["comparisons"][0];
    let link_of = |base: usize| {
        c["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["base"][0] == base)
            .cloned()
            .unwrap()
    };
    assert_eq!(link_of(2)["kind"], "identical");
    assert_eq!(link_of(1)["other"][0], dateline);
    assert_eq!(c["stats"]["base_sentences"], 9);
    assert_eq!(c["stats"]["identical"], 9);
    assert_eq!(c["stats"]["added"], 0);
}

#[test]
fn labels_name_versions_in_every_export() {
    let files = tram();
    let labels = [
        "--label",
        "Nordwire=tram-wire.txt",
        "--label",
        "Lindhaven Daily=1",
    ];
    let with = |extra: &[&str]| {
        let mut args: Vec<&str> = vec!["export"];
        args.extend(labels);
        args.extend(extra);
        args.extend(files.iter().map(String::as_str));
        run(&args)
    };
    let text = stdout(&with(&[]));
    assert!(
        text.starts_with("== Nordwire (base) vs Lindhaven Daily =="),
        "{text}"
    );
    assert!(
        text.contains("== Nordwire (base) vs tram-trimmed =="),
        "{text}"
    );
    let sbs = stdout(&with(&["--format", "side-by-side", "--width", "80"]));
    assert!(
        sbs.starts_with("== Nordwire (base) vs Lindhaven Daily =="),
        "{sbs}"
    );
    let columns = sbs.lines().find(|l| l.starts_with("Nordwire (base)"));
    assert!(
        columns.is_some_and(|l| l.contains("| Lindhaven Daily")),
        "{sbs}"
    );
    let v = json_of(&with(&["--format", "json"]));
    assert_eq!(v["versions"][2]["label"], "Nordwire");
    assert_eq!(v["versions"][2]["name"], files[2].as_str());
    assert_eq!(v["versions"][0]["label"], "Lindhaven Daily");
    assert_eq!(v["versions"][1]["label"], "tram-trimmed");
    // A label names the base too.
    let mut args: Vec<&str> = vec!["export", "--base", "Lindhaven Daily", "--format", "json"];
    args.extend(labels);
    args.extend(files.iter().map(String::as_str));
    assert_eq!(json_of(&run(&args))["base"], 0);
    let screen = {
        let mut args: Vec<&str> = vec!["render", "--size", "100x20"];
        args.extend(labels);
        args.extend(files.iter().map(String::as_str));
        stdout(&run(&args))
    };
    assert!(screen.contains("Nordwire"), "{screen}");
}

#[test]
fn bad_labels() {
    let (a, b) = (fixture("tram-wire.txt"), fixture("tram-trimmed.txt"));
    for (spec, needle) in [
        ("Nordwire", "expected NAME=FILE"),
        ("=tram-wire.txt", "expected NAME=FILE"),
        ("Nordwire=", "expected NAME=FILE"),
        ("Nordwire=nothere.txt", "no such version"),
        ("Nordwire=3", "no such version"),
        ("Nord\nwire=1", "control character"),
    ] {
        assert_trouble(&run(&["export", "--label", spec, &a, &b]), needle);
    }
    let twice = run(&["export", "--label", "X=1", "--label", "X=2", &a, &b]);
    assert_trouble(&twice, "already names");
    let again = run(&["export", "--label", "X=1", "--label", "Y=1", &a, &b]);
    assert_trouble(&again, "already labelled X");
}

#[test]
fn lines_segmentation_makes_each_line_a_unit() {
    let o = run(&[
        "export",
        "--segment",
        "lines",
        "--format",
        "json",
        &fixture("ferry-wire.txt"),
        &fixture("ferry-copy.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let wire = fs::read_to_string(fixture("ferry-wire.txt")).unwrap();
    let lines: Vec<&str> = wire.lines().filter(|l| !l.trim().is_empty()).collect();
    let sentences = v["versions"][0]["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), lines.len());
    for (s, line) in sentences.iter().zip(&lines) {
        assert_eq!(s["text"], line.trim());
        assert_eq!(s["boilerplate"], false);
    }
}

// ---- standard input and output files ----

#[test]
fn stdin_as_a_version() {
    let wire = fs::read(fixture("ferry-wire.txt")).unwrap();
    let o = wirediff()
        .args(["export", "-", &fixture("ferry-pronoun.txt")])
        .write_stdin(wire)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("== - (base) vs"), "{out}");
    assert!(out.contains("[-His-]{+Her+}"), "{out}");
}

#[test]
fn stdin_only_once() {
    let o = wirediff()
        .args(["export", "-", "-"])
        .write_stdin("a")
        .output()
        .unwrap();
    assert_trouble(&o, "standard input");
}

#[test]
fn output_file_written_refused_and_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let out_s = out.to_string_lossy().into_owned();
    let (a, b) = (fixture("ferry-wire.txt"), fixture("ferry-quote.txt"));

    let o = run(&["export", "-o", &out_s, &a, &b]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let first = fs::read(&out).unwrap();
    assert_eq!(
        first,
        export("text", &["ferry-wire.txt", "ferry-quote.txt"]).stdout
    );

    fs::write(&out, "keep me").unwrap();
    let o = run(&["export", "-o", &out_s, &a, &b]);
    assert_trouble(&o, "already exists");
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");

    let o = run(&[
        "export", "--format", "json", "--force", "-o", &out_s, &a, &b,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let written = fs::read(&out).unwrap();
    let v: Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(v["base"], 0);
    // The file, written as it is made, holds the bytes standard output gets.
    assert_eq!(
        written,
        export("json", &["ferry-wire.txt", "ferry-quote.txt"]).stdout
    );
    // Only the output file: no temporary files left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

    let o = run(&[
        "export",
        "--force",
        "-o",
        &dir.path().to_string_lossy(),
        &a,
        &b,
    ]);
    assert_trouble(&o, "is a directory");
}

// ---- bad input ----

#[test]
fn missing_file() {
    let o = run(&["export", &fixture("ferry-wire.txt"), "no-such-file.txt"]);
    assert_trouble(&o, "no-such-file.txt");
}

#[test]
fn directory_argument() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_string_lossy().into_owned();
    let o = run(&["export", &fixture("ferry-wire.txt"), &d]);
    assert_trouble(&o, "directory");
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.txt");
    fs::write(&p, b"Caf\xe9 opens.\n").unwrap();
    let o = run(&["export", &fixture("ferry-wire.txt"), &p.to_string_lossy()]);
    assert_trouble(&o, "latin1.txt");
    assert!(stderr(&o).contains('3'), "{}", stderr(&o));
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("image.bin");
    fs::write(&p, b"GIF89a\x00\x01\x02binary").unwrap();
    let o = run(&["export", &fixture("ferry-wire.txt"), &p.to_string_lossy()]);
    assert_trouble(&o, "image.bin");
}

#[test]
fn only_one_file() {
    let o = run(&["export", &fixture("ferry-wire.txt")]);
    assert_trouble(&o, "two versions");
}

#[test]
fn unknown_option() {
    assert_trouble(&run(&["export", "--frobnicate"]), "--frobnicate");
    assert_trouble(&run(&["--frobnicate"]), "--frobnicate");
    assert_trouble(&run(&["export", "--format", "xml"]), "xml");
}

#[test]
fn bad_base() {
    let (a, b) = (fixture("ferry-wire.txt"), fixture("ferry-copy.txt"));
    for bad in ["0", "3", "nope.txt"] {
        assert_trouble(&run(&["export", "--base", bad, &a, &b]), "--base");
    }
}

#[test]
fn bad_size_and_width() {
    assert_trouble(&run(&["render", "--size", "80by24"]), "--size");
    assert_trouble(&run(&["render", "--size", "0x24"]), "--size");
    assert_trouble(
        &run(&["export", "--format", "side-by-side", "--width", "3"]),
        "--width",
    );
    assert_trouble(&run(&["export", "--width", "many"]), "many");
}

#[test]
fn help_and_version_exit_zero() {
    for (args, needle) in [
        (&["--help"][..], "Usage: wirediff"),
        (&["export", "--help"], "--format"),
        (&["--version"], env!("CARGO_PKG_VERSION")),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains(needle), "{args:?}: {}", stdout(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

// ---- viewer ----

#[test]
fn viewer_refuses_without_a_terminal() {
    let o = wirediff()
        .args([&fixture("ferry-wire.txt"), &fixture("ferry-copy.txt")])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "wirediff: the viewer needs a terminal; use `wirediff export` for text output\n"
    );
    // Also with the demo.
    assert_eq!(
        wirediff().write_stdin("").output().unwrap().status.code(),
        Some(2)
    );
}

#[test]
fn render_prints_one_plain_screen() {
    let o = run(&[
        "render",
        "--size",
        "80x24",
        &fixture("ferry-wire.txt"),
        &fixture("ferry-pronoun.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'));
    assert!(out.lines().count() <= 24, "{out}");
    for line in out.lines() {
        assert!(str_width(line) <= 80, "{line:?}");
    }
}

/// Whether an output with SGR escapes sets a foreground or background colour anywhere.
fn sets_colour(out: &str) -> bool {
    out.split('\u{1b}').skip(1).any(|esc| {
        let Some(params) = esc.strip_prefix('[').and_then(|e| e.split('m').next()) else {
            return false;
        };
        params.split(';').any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=39 | 40..=49 | 90..=97 | 100..=107)
            )
        })
    })
}

#[test]
fn render_ansi_follows_color_and_no_color() {
    let args = ["render", "--size", "100x24", "--keys", "n", "--ansi"];
    let with = |color: Option<&str>, no_color: bool| {
        let mut cmd = wirediff();
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        if let Some(c) = color {
            cmd.args(["--color", c]);
        }
        let o = cmd.args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        // Styles are kept either way (marks survive without colour).
        assert!(out.contains("\u{1b}[0;1"), "{color:?} {no_color}: no bold");
        sets_colour(&out)
    };
    assert!(with(None, false), "auto without NO_COLOR is in colour");
    assert!(with(Some("always"), false));
    assert!(with(Some("always"), true), "--color always beats NO_COLOR");
    assert!(!with(Some("never"), false), "--color never");
    assert!(!with(None, true), "NO_COLOR");
    assert!(!with(Some("auto"), true), "NO_COLOR with --color auto");
}

// ---- determinism and hygiene ----

#[test]
fn output_is_deterministic_and_escape_free() {
    for format in ["text", "side-by-side", "json"] {
        let files = [
            "ferry-wire.txt",
            "ferry-pronoun.txt",
            "ferry-quote.txt",
            "ferry-moved.txt",
        ];
        let a = export(format, &files);
        let b = export(format, &files);
        assert_eq!(a.stdout, b.stdout, "{format}");
        let out = stdout(&a);
        assert!(!out.contains('\u{1b}'), "{format} has an escape");
        assert!(out.ends_with('\n'), "{format}");
        // The demo too: `auto` is no colour off a terminal; `always` colours only the
        // text export.
        let never = run(&["--color", "never", "export", "--format", format]);
        let auto = run(&["export", "--format", format]);
        assert_eq!(never.stdout, auto.stdout, "{format}");
        let always = run(&["--color", "always", "export", "--format", format]);
        assert_eq!(format == "text", always.stdout != auto.stdout, "{format}");
    }
}

#[test]
fn color_always_colours_the_text_export_like_git() {
    let colored = stdout(&run(&["export", "--color", "always"]));
    let plain = stdout(&run(&["export"]));
    assert!(colored.contains("\x1b[31m") && colored.contains("\x1b[32m"));
    assert!(colored.starts_with("\x1b[1m== "), "{colored:?}");
    assert!(!colored.contains("[-") && !colored.contains("{+"));
    // Without the codes, the marks are where the plain text has `[-...-]{+...+}`.
    let unmarked = |text: &str| {
        [
            "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[m", "[-", "-]", "{+", "+}",
        ]
        .iter()
        .fold(text.to_string(), |t, mark| t.replace(mark, ""))
    };
    assert_eq!(unmarked(&colored), unmarked(&plain));
    // NO_COLOR wins over auto, not over always.
    let o = wirediff()
        .env("NO_COLOR", "1")
        .args(["export", "--color", "always"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), colored);
}

// ---- reports ----

/// `wirediff export --format FORMAT` of two fixtures, dated by `epoch`.
fn report(format: &str, epoch: &str, extra: &[&str]) -> Output {
    let (a, b) = (fixture("ferry-wire.txt"), fixture("ferry-pronoun.txt"));
    let mut args = vec!["export", "--format", format];
    args.extend_from_slice(extra);
    args.extend([a.as_str(), b.as_str()]);
    wirediff()
        .env("SOURCE_DATE_EPOCH", epoch)
        .args(&args)
        .output()
        .unwrap()
}

#[test]
fn html_and_markdown_reports_are_dated_by_source_date_epoch_and_deterministic() {
    let html = report("html", "86400", &[]);
    assert_eq!(html.status.code(), Some(1), "{}", stderr(&html));
    let text = stdout(&html);
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(text.contains("<time datetime=\"1970-01-02T00:00Z\">1970-01-02 00:00 UTC</time>"));
    assert!(text.contains("id=\"findings\""));
    assert!(text.trim_end().ends_with("</html>"));
    assert_eq!(html.stdout, report("html", "86400", &[]).stdout);
    let md = report("markdown", "86400", &[]);
    assert_eq!(md.status.code(), Some(1), "{}", stderr(&md));
    let text = stdout(&md);
    assert!(text.starts_with("# "));
    assert!(text.contains("Report made 1970-01-02 00:00 UTC."));
    assert!(text.contains("## Findings"));
    assert!(text.contains("**pronoun**"), "{text}");
    assert_eq!(md.stdout, report("markdown", "86400", &[]).stdout);
}

#[test]
fn reports_are_written_with_o_and_never_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("html", "report.html"), ("markdown", "report.md")] {
        let out = dir.path().join(name);
        let out_s = out.to_string_lossy().into_owned();
        let o = report(format, "0", &["-o", &out_s]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
        assert_eq!(fs::read(&out).unwrap(), report(format, "0", &[]).stdout);
        let o = report(format, "0", &["-o", &out_s]);
        assert_trouble(&o, "already exists");
        let o = report(format, "60", &["--force", "-o", &out_s]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(fs::read_to_string(&out).unwrap().contains("00:01 UTC"));
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary files left"
    );
}

#[test]
fn an_unreadable_source_date_epoch_is_one_line_of_trouble() {
    for format in ["html", "markdown"] {
        let o = report(format, "yesterday", &[]);
        assert_trouble(&o, "SOURCE_DATE_EPOCH");
    }
}
