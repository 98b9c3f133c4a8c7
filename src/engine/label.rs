//! Version labels: the name every screen and export shows for a version. A label given by
//! the user is kept as is; otherwise the file name is shortened to what tells the versions
//! apart: the shortest tail of its path that no other version shares
//! (`../shared/seeds/000_8e09.txt` -> `000_8e09.txt`, `a/story.txt` and `b/story.txt` keep
//! their folders), without the extension when every version has the same one
//! (`000_8e09`, `wire`).

use rustc_hash::FxHashMap;

/// The label of each version, from the names as given (`names`) and the labels given
/// (`given`, indexed like `names`; missing or `None`: make one).
pub(crate) fn labels(names: &[&str], given: &[Option<String>]) -> Vec<String> {
    let made = shortest_unambiguous(names);
    made.into_iter()
        .enumerate()
        .map(|(k, label)| match given.get(k) {
            Some(Some(label)) => label.clone(),
            _ => label,
        })
        .collect()
}

/// For each name, its shortest path tail (in whole components) that no other name ends
/// with, the shared extension dropped when that keeps the labels apart; a name given twice
/// gets its position after it ("a.txt (2)").
fn shortest_unambiguous(names: &[&str]) -> Vec<String> {
    let components: Vec<Vec<&str>> = names
        .iter()
        .map(|name| {
            name.split(['/', '\\'])
                .filter(|part| !part.is_empty())
                .collect()
        })
        .collect();
    let tail = |k: usize, len: usize| -> String {
        let parts = &components[k];
        if parts.is_empty() {
            return names[k].to_string();
        }
        parts[parts.len().saturating_sub(len)..].join("/")
    };
    let mut lengths = vec![1; names.len()];
    loop {
        let tails: Vec<String> = (0..names.len()).map(|k| tail(k, lengths[k])).collect();
        // Per tail: whether names that differ end with it. The same name given twice
        // cannot be told apart by its path.
        let mut by_tail: FxHashMap<&str, (&str, bool)> = FxHashMap::default();
        for (k, t) in tails.iter().enumerate() {
            let entry = by_tail.entry(t.as_str()).or_insert((names[k], false));
            entry.1 |= entry.0 != names[k];
        }
        let mut grew = false;
        for k in 0..names.len() {
            let clash = by_tail[tails[k].as_str()].1;
            if clash && lengths[k] < components[k].len() {
                lengths[k] += 1;
                grew = true;
            }
        }
        if !grew {
            let labels = without_shared_extension(tails);
            return number_repeats(names, labels);
        }
    }
}

/// The labels without their extension, if all have the same one and the labels stay apart
/// and non-empty; else as they are.
fn without_shared_extension(labels: Vec<String>) -> Vec<String> {
    let extension = |label: &str| -> Option<usize> {
        let file = label.rsplit('/').next().unwrap_or(label);
        let dot = file.rfind('.').filter(|&dot| dot > 0)?;
        Some(label.len() - (file.len() - dot))
    };
    let cuts: Vec<Option<usize>> = labels.iter().map(|label| extension(label)).collect();
    let shared = |k: usize| cuts[k].map(|cut| &labels[k][cut..]);
    let all_shared = !labels.is_empty()
        && (0..labels.len()).all(|k| shared(k).is_some() && shared(k) == shared(0));
    if !all_shared {
        return labels;
    }
    let cut: Vec<String> = labels
        .iter()
        .zip(&cuts)
        .map(|(label, cut)| label[..cut.unwrap_or(label.len())].to_string())
        .collect();
    let mut by_cut: FxHashMap<&str, &str> = FxHashMap::default();
    let distinct = cut
        .iter()
        .zip(&labels)
        .all(|(c, label)| *by_cut.entry(c.as_str()).or_insert(label.as_str()) == label.as_str());
    if distinct { cut } else { labels }
}

/// Labels of names given more than once get the version's position after them.
fn number_repeats(names: &[&str], labels: Vec<String>) -> Vec<String> {
    let mut times: FxHashMap<&str, usize> = FxHashMap::default();
    for name in names {
        *times.entry(name).or_default() += 1;
    }
    labels
        .into_iter()
        .enumerate()
        .map(|(k, label)| {
            if times[names[k]] > 1 {
                format!("{label} ({})", k + 1)
            } else {
                label
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(names: &[&str]) -> Vec<String> {
        labels(names, &[])
    }

    #[test]
    fn file_names_without_folders_and_shared_extension() {
        assert_eq!(
            made(&[
                "../shared/seeds/000_8e093685829c3042.txt",
                "../shared/seeds/001_f9f8bb555b5f0ba7.txt"
            ]),
            ["000_8e093685829c3042", "001_f9f8bb555b5f0ba7"]
        );
        assert_eq!(
            made(&["demo/01-wire.txt", "demo/02-verbatim.txt"]),
            ["01-wire", "02-verbatim"]
        );
    }

    #[test]
    fn extensions_stay_when_they_differ_or_tell_apart() {
        assert_eq!(made(&["wire.txt", "copy.html"]), ["wire.txt", "copy.html"]);
        assert_eq!(made(&["story.txt", "story.md"]), ["story.txt", "story.md"]);
        assert_eq!(made(&["wire.txt", "-"]), ["wire.txt", "-"]);
        assert_eq!(made(&[".profile", "a.txt"]), [".profile", "a.txt"]);
    }

    #[test]
    fn same_file_name_in_two_folders_keeps_the_folders() {
        assert_eq!(
            made(&["x/a/story.txt", "x/b/story.txt", "other.txt"]),
            ["a/story", "b/story", "other"]
        );
        assert_eq!(
            made(&["/data/ap/story.txt", "/data/ap/story.txt"]),
            ["story (1)", "story (2)"]
        );
    }

    #[test]
    fn given_labels_win() {
        let given = [None, Some("AFP".to_string())];
        assert_eq!(labels(&["a/x.txt", "b/y.txt"], &given), ["x", "AFP"]);
    }
}
