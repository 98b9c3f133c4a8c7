//! The built-in demo story exercises every phenomenon wirediff must handle; these tests pin
//! what the engine finds in it, end to end (segmentation, boilerplate, alignment, word diff,
//! classification).

use wirediff::engine::{Analysis, Comparison, EditClass, LinkKind};
use wirediff::{Options, analyze};

fn demo_analysis() -> Analysis {
    analyze(&wirediff::engine::demo(), Options::default())
}

fn comparison<'a>(a: &'a Analysis, name_part: &str) -> &'a Comparison {
    a.comparisons
        .iter()
        .find(|c| a.versions[c.other].name.contains(name_part))
        .unwrap_or_else(|| panic!("no version named like {name_part}"))
}

/// The link whose base side contains `needle`.
fn link_with<'a>(a: &'a Analysis, c: &'a Comparison, needle: &str) -> &'a wirediff::engine::Link {
    let base = &a.versions[a.base];
    c.links
        .iter()
        .find(|l| base.joined(&l.base).contains(needle))
        .unwrap_or_else(|| panic!("no link with {needle:?}"))
}

#[test]
fn verbatim_copy_is_linked_sentence_for_sentence_and_its_furniture_is_boilerplate() {
    let a = demo_analysis();
    let c = comparison(&a, "02-verbatim");
    let base_story = a.versions[a.base]
        .sentences
        .iter()
        .filter(|s| s.is_body())
        .count();
    assert_eq!(c.stats.carried, base_story);
    assert!(
        c.links
            .iter()
            .all(|l| l.base.len() == 1 && l.other.len() == 1)
    );
    assert!(
        c.links
            .iter()
            .all(|l| matches!(l.kind, LinkKind::Identical | LinkKind::Minor))
    );
    let other = &a.versions[c.other];
    for needle in ["Related Topics", "Recent Stories", "Leave a Reply"] {
        let s = other
            .sentences
            .iter()
            .find(|s| s.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not found"));
        assert!(s.boilerplate(), "{needle} is not boilerplate");
    }
    assert!(c.stats.boilerplate_other >= 10);
}

#[test]
fn spun_copy_flags_the_pronoun_the_number_and_the_quote() {
    let a = demo_analysis();
    let c = comparison(&a, "03-spun");
    let remarks = link_with(&a, c, "His remarks");
    assert_eq!(remarks.kind, LinkKind::Rewrite);
    let flip = remarks
        .diff
        .edits
        .iter()
        .find(|e| e.base == "His")
        .expect("His edit");
    assert_eq!(
        (flip.other.as_str(), flip.class),
        ("Her", EditClass::Pronoun)
    );

    let ships = link_with(&a, c, "340 cargo ships");
    assert!(
        ships
            .diff
            .edits
            .iter()
            .any(|e| e.class == EditClass::Number && e.base.contains("340")),
        "{:?}",
        ships.diff.edits
    );

    let quote = link_with(&a, c, "firmly believes");
    let firmly = quote
        .diff
        .edits
        .iter()
        .find(|e| e.base == "firmly")
        .expect("firmly edit");
    assert_eq!(firmly.other, "strongly");
    assert!(firmly.in_quote);
    assert_eq!(firmly.class, EditClass::Quote);
}

#[test]
fn trimmed_copy_has_a_move_a_split_and_a_merge() {
    let a = demo_analysis();
    let c = comparison(&a, "04-trimmed");
    assert!(c.links.iter().any(|l| l.moved), "no moved link");
    assert!(
        c.links
            .iter()
            .any(|l| l.base.len() == 1 && l.other.len() == 2),
        "no split"
    );
    assert!(
        c.links
            .iter()
            .any(|l| l.base.len() == 2 && l.other.len() == 1),
        "no merge"
    );
    assert!(c.stats.deleted >= 3, "the trimmed tail is deleted");
}

#[test]
fn aggregator_paraphrases_and_adds() {
    let a = demo_analysis();
    let c = comparison(&a, "05-aggregator");
    assert!(c.stats.added >= 2, "{:?}", c.stats);
    assert!(
        c.links
            .iter()
            .any(|l| matches!(l.kind, LinkKind::Paraphrase | LinkKind::Partial)),
        "no paraphrase"
    );
    assert!(c.stats.similarity < 0.6);
}

#[test]
fn analysis_is_deterministic() {
    let a = demo_analysis();
    let b = demo_analysis();
    assert_eq!(a, b);
}
