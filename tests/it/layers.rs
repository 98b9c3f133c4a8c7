//! The layers of `docs/ARCHITECTURE.md`, checked on the source tree: the engine imports no
//! terminal or command-line crate, only the CLI uses anyhow, and no module depends on one
//! that depends on it back (at every level of the tree: `engine` and `tui`, `diff` and
//! `text` inside the engine, and so on).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The module path of a source file: `src/engine/diff/mod.rs` is `["engine", "diff"]`,
/// `src/lib.rs` is `[]`; `main.rs` is the binary, outside the library.
fn module_of(file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src()).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    match parts.last().map(String::as_str) {
        Some("main") if parts.len() == 1 => return None,
        Some("mod" | "lib") => {
            parts.pop();
        }
        _ => {}
    }
    Some(parts)
}

/// Code without `//` comments (doc comments name modules in prose).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split_once("//").map_or(l, |(code, _)| code))
}

#[test]
fn the_engine_uses_no_terminal_or_cli_crate() {
    let mut bad = Vec::new();
    for file in rust_files(&src().join("engine")) {
        let text = fs::read_to_string(&file).expect("read");
        for line in code_lines(&text) {
            for krate in ["ratatui", "crossterm", "clap", "anyhow"] {
                let used = line.trim_start().starts_with(&format!("use {krate}"))
                    || line.contains(&format!("{krate}::"));
                if used {
                    bad.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the engine must stay terminal-free:\n{}",
        bad.join("\n")
    );
}

#[test]
fn only_the_cli_uses_anyhow_and_clap() {
    let mut bad = Vec::new();
    for file in rust_files(&src()) {
        let name = file
            .strip_prefix(src())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if name == "cli.rs" || name.starts_with("cli/") || name == "main.rs" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("read");
        for line in code_lines(&text) {
            if line.contains("anyhow") || line.contains("clap::") {
                bad.push(format!("{name}: {}", line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "anyhow and clap belong to the CLI:\n{}",
        bad.join("\n")
    );
}

/// The module a `crate::` or `super::` path names: the longest prefix of it that is a
/// module of the tree.
fn target(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
}

/// Paths (as segments) that `text`, the code of module `me`, refers to: `crate::` and
/// `super::` paths, and paths that start with the name of one of `me`'s own submodules.
fn referenced_paths(
    text: &str,
    me: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let children: Vec<&str> = modules
        .iter()
        .filter(|m| m.len() == me.len() + 1 && m[..me.len()] == *me)
        .map(|m| m[me.len()].as_str())
        .collect();
    for line in code_lines(text) {
        for child in &children {
            let needle = format!("{child}::");
            for (at, _) in line.match_indices(&needle) {
                let before = &line[..at];
                if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                out.extend(segments(&line[at..], me.to_vec()));
            }
        }
        for (at, _) in line.match_indices("crate::") {
            if line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            out.extend(segments(&line[at + "crate::".len()..], Vec::new()));
        }
        for (at, _) in line.match_indices("super::") {
            if line[..at].ends_with("super::")
                || line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let mut rest = &line[at..];
            let mut base = me.to_vec();
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            out.extend(segments(rest, base));
        }
    }
    out
}

/// The paths `rest` names after `base`: the leading `a::b::c` segments, and for a
/// `{x, y::z}` list, one path per item.
fn segments(rest: &str, mut base: Vec<String>) -> Vec<Vec<String>> {
    let mut rest = rest;
    loop {
        if let Some(list) = rest.strip_prefix('{') {
            let inner = list.split('}').next().unwrap_or("");
            return inner
                .split(',')
                .flat_map(|item| segments(item.trim(), base.clone()))
                .collect();
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || name == "self" {
            return vec![base];
        }
        rest = &rest[name.len()..];
        base.push(name);
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => return vec![base],
        }
    }
}

#[test]
fn no_module_depends_on_one_that_depends_on_it_back() {
    let files: Vec<(Vec<String>, String)> = rust_files(&src())
        .into_iter()
        .filter_map(|f| Some((module_of(&f)?, fs::read_to_string(&f).expect("read"))))
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
    // Edges between siblings: a dependency of a.x on b.y (a != b, same parent) is one of
    // a on b. A module's own file (`mod.rs`: its entry points and re-exports) is a node
    // of its own, `a.(entry)`, so a stage that uses its parent's entry while the entry
    // uses the stage is a cycle too. Test modules are left out (`use super::*`).
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let entry = |m: &[String]| {
        let mut m = m.to_vec();
        m.push("(entry)".to_string());
        m
    };
    for (me, text) in &files {
        let code = text.split("#[cfg(test)]").next().unwrap_or(text);
        for path in referenced_paths(code, me, &modules) {
            let Some(to) = target(&path, &modules) else {
                continue;
            };
            if to == *me {
                continue;
            }
            let (me_node, to_node) = (entry(me), entry(&to));
            let common = me_node
                .iter()
                .zip(&to_node)
                .take_while(|(a, b)| a == b)
                .count();
            let from = me_node[..=common].to_vec();
            let to = to_node[..=common].to_vec();
            edges.entry(from).or_default().insert(to);
        }
    }
    assert!(
        edges.contains_key(&vec!["tui".to_string()]),
        "the check found no dependency of the viewer on anything: it reads nothing"
    );
    // Any cycle, found by depth-first search.
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if !done.insert(node.clone()) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut cycles = Vec::new();
    for node in edges.keys() {
        let (mut stack, mut done) = (Vec::new(), BTreeSet::new());
        if let Some(cycle) = visit(node, &edges, &mut stack, &mut done) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            cycles.push(names.join(" -> "));
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
