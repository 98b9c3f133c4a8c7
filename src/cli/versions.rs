//! Which version is which: the base (`--base auto|N|FILE|LABEL`) and the labels
//! (`--label NAME=FILE`), resolved against the inputs as read.

use std::path::Path;

use anyhow::{anyhow, bail};

use crate::engine::{self, BaseChoice, Input};

/// `--base`: `auto` (or none), a label as the screens show it, or a version as
/// [`resolve_version`] finds it.
pub(super) fn resolve_base(
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
pub(super) fn resolve_labels(
    specs: &[String],
    inputs: &[Input],
) -> anyhow::Result<Vec<Option<String>>> {
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
}
