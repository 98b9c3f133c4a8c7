//! Attribution: a neutral verb of speech made loaded or the reverse ("said" ->
//! "claimed", "admitted", "insisted"; "sagte" -> "behauptete"; "a dit" -> "a prétendu"),
//! or one loaded verb for another: the copy passes a judgement on the speaker that the
//! wire did not. A loaded verb the other side already has elsewhere is no change.

use crate::engine::model::{Finding, FindingClass};
use crate::engine::text::{straight_apostrophes, words};

use super::lists::{LOADED_ATTRIBUTION, NEUTRAL_ATTRIBUTION};
use super::pair::Pair;

/// An edit with more words than this on a side is a reworded clause, not a changed verb.
const EDIT_WORDS: usize = 4;

fn lower_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .map(|w| straight_apostrophes(w).to_lowercase())
        .collect()
}

fn any_of(ws: &[String], list: &[&str]) -> bool {
    ws.iter().any(|w| list.contains(&w.as_str()))
}

/// The loaded verbs among `ws` that `all` (the other side) does not hold.
fn new_loaded<'a>(ws: &'a [String], all: &[String]) -> Vec<&'a String> {
    ws.iter()
        .filter(|w| LOADED_ATTRIBUTION.contains(&w.as_str()) && !all.contains(w))
        .collect()
}

/// The attribution findings of one linked pair.
pub(super) fn find(pair: &Pair) -> Vec<Finding> {
    // Both sides' words, read on first need: most edits hold no loaded verb.
    let all = std::cell::OnceCell::new();
    let all = || all.get_or_init(|| (lower_words(&pair.base), lower_words(&pair.other)));
    let mut out = Vec::new();
    for (_, edit) in pair.edits() {
        let (b, o) = (lower_words(&edit.base), lower_words(&edit.other));
        if b.is_empty() || o.is_empty() || b.len() > EDIT_WORDS || o.len() > EDIT_WORDS {
            continue;
        }
        // Without a loaded verb on either side, no attribution changed.
        if !any_of(&b, LOADED_ATTRIBUTION) && !any_of(&o, LOADED_ATTRIBUTION) {
            continue;
        }
        let (all_b, all_o) = all();
        let (loaded_b, loaded_o) = (new_loaded(&b, all_o), new_loaded(&o, all_b));
        let verb_b = !loaded_b.is_empty() || any_of(&b, NEUTRAL_ATTRIBUTION);
        let verb_o = !loaded_o.is_empty() || any_of(&o, NEUTRAL_ATTRIBUTION);
        if verb_b && verb_o && (!loaded_b.is_empty() || !loaded_o.is_empty()) {
            out.push(pair.finding(FindingClass::Attribution, &edit.base, &edit.other));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::findings::compare_texts;
    use crate::engine::model::FindingClass;

    /// The attribution findings of `b` against `a`, as (base, other).
    fn attributions(a: &str, b: &str) -> Vec<(String, String)> {
        compare_texts(a, b)
            .findings
            .iter()
            .filter(|f| f.class == FindingClass::Attribution)
            .map(|f| (f.base.clone(), f.other.clone()))
            .collect()
    }

    #[test]
    fn neutral_made_loaded_in_three_languages() {
        let en = "The mayor said the bridge was safe for traffic again.";
        let f = attributions(en, &en.replace("said", "claimed"));
        assert_eq!(f, [("said".to_string(), "claimed".to_string())]);
        let de = "Die Bürgermeisterin sagte, die Brücke sei wieder sicher.";
        assert_eq!(
            attributions(de, &de.replace("sagte", "behauptete")).len(),
            1
        );
        let fr = "Le maire a déclaré que le pont était de nouveau sûr.";
        assert_eq!(
            attributions(fr, &fr.replace("déclaré", "prétendu")).len(),
            1
        );
    }

    #[test]
    fn neutral_for_neutral_is_none() {
        let en = "The mayor said the bridge was safe for traffic again.";
        assert!(attributions(en, &en.replace("said", "stated")).is_empty());
        // A loaded verb both sides have is no change.
        let both = "The mayor admitted the bridge was shut and said it was safe again.";
        assert!(attributions(both, &both.replace("said", "stated")).is_empty());
    }
}
