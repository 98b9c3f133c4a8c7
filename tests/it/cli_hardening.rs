//! The command line against hostile inputs: special files and links given to `-o`, endless
//! and oversized inputs, absurd sizes, names and text holding terminal escapes, file names
//! that are not UTF-8, UTF-16 input, and messages that name what is wrong.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn wirediff() -> Command {
    let mut cmd = Command::cargo_bin("wirediff").unwrap();
    let no_config = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "no-config"];
    cmd.env_remove("NO_COLOR")
        .env_remove("WIREDIFF_OPTS")
        .env("XDG_CONFIG_HOME", no_config.iter().collect::<PathBuf>());
    cmd
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    wirediff().args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2 and one line on standard error, starting `wirediff: `, containing `needle`,
/// with no control character but its newline.
fn assert_trouble(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("wirediff: "), "{err:?}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(
        !err.trim_end().chars().any(char::is_control),
        "{err:?} has a control character"
    );
}

fn pair() -> [String; 2] {
    [fixture("ferry-wire.txt"), fixture("ferry-pronoun.txt")]
}

fn export_to(path: &Path, extra: &[&str]) -> Output {
    let [a, b] = pair();
    let mut args = vec![
        "export".to_string(),
        "-o".into(),
        path.display().to_string(),
    ];
    args.extend(extra.iter().map(std::string::ToString::to_string));
    args.extend([a, b]);
    run(&args)
}

// ---- -o ----

#[test]
fn dash_output_is_standard_output() {
    let [a, b] = pair();
    let o = run(&["export", "-o", "-", &a, &b]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(o.stdout, run(&["export", &a, &b]).stdout);
    assert!(!Path::new("-").exists());
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    for force in [false, true] {
        let extra: &[&str] = if force { &["--force"] } else { &[] };
        let o = export_to(Path::new("/dev/null"), extra);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    // A FIFO: what is written comes out of it; it stays a FIFO.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable: FIFO case skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = export_to(&fifo, &["--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(reader.join().unwrap().contains("[-His-]{+Her+}"));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn links_and_permissions_survive_force() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_trouble(&export_to(&link, &[]), "already exists (use --force");
    let o = export_to(&link, &["--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("(base) vs"));
    let mode = fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "permissions kept");
    // A hard link is refused: replacing one name would leave the other with the old text.
    let other_name = dir.path().join("hard.txt");
    fs::hard_link(&real, &other_name).unwrap();
    assert_trouble(&export_to(&other_name, &["--force"]), "hard links");
    // A dangling link is never written through.
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("absent/target.txt"), &dangling).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        assert_trouble(&export_to(&dangling, extra), "dangling symbolic link");
    }
    assert!(!dir.path().join("absent").exists());
}

#[test]
fn a_directory_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    assert_trouble(&export_to(dir.path(), &["--force"]), "is a directory");
}

// ---- sizes ----

#[cfg(unix)]
#[test]
fn an_endless_input_stops_at_the_limit() {
    let o = run(&["export", &fixture("ferry-wire.txt"), "/dev/zero"]);
    assert_trouble(&o, "/dev/zero: larger than --max-size 256 MiB");
    let o = run(&[
        "export",
        "--max-size",
        "1K",
        &fixture("ferry-wire.txt"),
        "/dev/zero",
    ]);
    assert_trouble(&o, "larger than --max-size 1 KiB");
}

#[test]
fn max_size_applies_to_files_and_standard_input() {
    let [a, _] = pair();
    let dir = tempfile::tempdir().unwrap();
    let longer = dir.path().join("longer.txt");
    let story = fs::read_to_string(&a).unwrap();
    fs::write(&longer, format!("{story}\nOne more sentence.\n")).unwrap();
    let b = longer.display().to_string();
    let size = fs::metadata(&longer).unwrap().len();
    let o = run(&["export", "--max-size", &size.to_string(), &a, &b]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = run(&["export", "--max-size", &(size - 1).to_string(), &a, &b]);
    assert_trouble(&o, "longer.txt: larger than --max-size");
    let o = wirediff()
        .args(["export", "--max-size", &size.to_string(), &a, "-"])
        .write_stdin(vec![b'x'; 1000])
        .output()
        .unwrap();
    assert_trouble(&o, &format!("-: larger than --max-size {size} bytes"));
    for bad in ["0", "12T", "lots"] {
        assert_trouble(&run(&["export", "--max-size", bad]), "--max-size");
    }
}

#[test]
fn absurd_sizes_are_errors_not_aborts() {
    for width in ["18446744073709551615", "4294967296", "1001", "19"] {
        let o = run(&["export", "--format", "side-by-side", "--width", width]);
        assert_trouble(&o, "--width");
        assert!(stderr(&o).contains("20 to 1000"), "{}", stderr(&o));
    }
    assert_trouble(
        &run(&["render", "--size", "100x30", "--keys", "resize:65535x65535"]),
        "at most 1000x1000",
    );
    assert_trouble(&run(&["render", "--size", "65535x65535"]), "--size");
    // The largest allowed is fine.
    let o = run(&["export", "--format", "side-by-side", "--width", "1000"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn a_missing_size_names_the_option() {
    assert_trouble(&run(&["render"]), "--size <COLSxROWS>");
}

// ---- names and text ----

/// A version whose name is `name` (in a temporary folder) holding the ferry story.
fn named_copy(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let path = dir.join(name);
    fs::copy(fixture("ferry-pronoun.txt"), &path).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn names_with_escapes_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = named_copy(dir.path(), "x\x1b]0;owned\x07\x1b[2J\u{202e}.txt".as_ref());
    let wire = fixture("ferry-wire.txt");
    for format in ["text", "side-by-side"] {
        let o = wirediff()
            .args(["export", "--format", format, &wire])
            .arg(&hostile)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}"
        );
        assert!(!out.contains('\u{202e}'), "{format}");
        assert!(out.contains("\\x1b]0;owned\\x07"), "{format}: {out}");
    }
    // In an error message too.
    let missing = dir.path().join("gone\x1b[2J.txt");
    let o = wirediff()
        .args(["export", &wire])
        .arg(&missing)
        .output()
        .unwrap();
    assert_trouble(&o, "gone\\x1b[2J.txt: no such file");
    // And in the writer's refusals.
    let taken = named_copy(dir.path(), "taken\x07.txt".as_ref());
    let o = wirediff()
        .args(["export", &wire, &wire, "-o"])
        .arg(&taken)
        .output()
        .unwrap();
    assert_trouble(&o, "taken\\x07.txt: already exists");
}

#[test]
fn bidi_controls_in_the_story_are_escaped_in_text_exports() {
    let dir = tempfile::tempdir().unwrap();
    let story = fs::read_to_string(fixture("ferry-pronoun.txt")).unwrap();
    let hostile = dir.path().join("bidi.txt");
    fs::write(&hostile, story.replace("crew", "cr\u{202e}ew\u{2066}")).unwrap();
    for format in ["text", "side-by-side"] {
        let o = wirediff()
            .args(["export", "--format", format, &fixture("ferry-wire.txt")])
            .arg(&hostile)
            .output()
            .unwrap();
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{2066}'),
            "{format}"
        );
        assert!(out.contains("cr\\u{202e}ew\\u{2066}"), "{format}: {out}");
    }
    // JSON keeps the exact text (it is data, escaped by JSON's own rules).
    let o = wirediff()
        .args(["export", "--format", "json", &fixture("ferry-wire.txt")])
        .arg(&hostile)
        .output()
        .unwrap();
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("cr\u{202e}ew")
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let latin1 = named_copy(dir.path(), std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    let o = wirediff()
        .args(["export", &fixture("ferry-wire.txt")])
        .arg(&latin1)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    // Shown as its label: the file name, unreadable byte replaced, shared `.txt` dropped.
    assert!(out.contains("vs caf\u{fffd} =="), "{out}");
}

#[test]
fn utf16_input_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let story = fs::read_to_string(fixture("ferry-wire.txt")).unwrap();
    let path = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(story.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&path, bytes).unwrap();
    let o = wirediff()
        .args(["export", &fixture("ferry-wire.txt")])
        .arg(&path)
        .output()
        .unwrap();
    // The same story in UTF-16: read, and identical to its UTF-8 twin.
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("= identical"));
}
