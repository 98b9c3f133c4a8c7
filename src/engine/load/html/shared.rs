//! Several pages of one story, read together. Each site's chrome is its own while the
//! story's text is shared: a paragraph the single-page rules took for furniture comes back
//! as story when a page from another site has it in its body, and a short line at either
//! edge of a body that no other page has is that site's chrome. Prose that only one
//! version has stays (an added paragraph is what a comparison is for).

use rustc_hash::FxHashSet;

use super::extracted::Page;
use super::filter::word_count;
use super::filter::{Block, Role, ends_sentence, shingles};

type Shingles = FxHashSet<Vec<String>>;

/// Share of a paragraph's shingles found in another page's body that makes it shared.
const SHARED_SHARE: f32 = 0.5;
/// Paragraphs at each edge of a body looked at for unshared chrome.
const EDGE_BLOCKS: usize = 3;
/// Lines shorter than this (in words) and not ending a sentence may be chrome at an edge.
const CHROME_WORDS: usize = 15;

/// Refine the roles of pages given together.
pub(super) fn refine(pages: &mut [Page]) {
    let bodies: Vec<Shingles> = pages.iter().map(body_shingles).collect();
    let sites: Vec<Option<String>> = pages.iter().map(|p| p.site.clone()).collect();
    for (i, page) in pages.iter_mut().enumerate() {
        let mut other_sites = Shingles::default();
        let mut all_others = Shingles::default();
        for (j, body) in bodies.iter().enumerate() {
            if j == i {
                continue;
            }
            all_others.extend(body.iter().cloned());
            if !same_site(&sites[i], &sites[j]) {
                other_sites.extend(body.iter().cloned());
            }
        }
        rescue_shared(&mut page.blocks, &other_sites);
        drop_unshared_edges(&mut page.blocks, &all_others);
    }
}

/// Two pages are from one site when both name the same host.
fn same_site(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_some() && a == b
}

fn body_shingles(page: &Page) -> Shingles {
    page.blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .flat_map(|b| shingles(&b.text))
        .collect()
}

/// Share of a block's shingles found in `others` (none when it is too short to have any).
fn shared_share(block: &Block, others: &Shingles) -> Option<f32> {
    let own = shingles(&block.text);
    if own.is_empty() {
        return None;
    }
    let found = own.iter().filter(|s| others.contains(*s)).count();
    Some(found as f32 / own.len() as f32)
}

/// Furniture that another site's body holds is story.
fn rescue_shared(blocks: &mut [Block], other_sites: &Shingles) {
    for block in blocks.iter_mut().filter(|b| b.role == Role::Boilerplate) {
        if shared_share(block, other_sites).is_some_and(|s| s >= SHARED_SHARE) {
            block.role = Role::Body;
        }
    }
}

/// Short lines at either edge of the body that no other page has are chrome.
fn drop_unshared_edges(blocks: &mut [Block], others: &Shingles) {
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].role == Role::Body)
        .collect();
    let edges = body
        .iter()
        .take(EDGE_BLOCKS)
        .chain(body.iter().rev().take(EDGE_BLOCKS));
    let mut chrome = Vec::new();
    for &i in edges {
        let block = &blocks[i];
        let short = word_count(&block.text) < CHROME_WORDS && !ends_sentence(&block.text);
        let unshared = shared_share(block, others).is_none_or(|s| s < SHARED_SHARE);
        if short && unshared {
            chrome.push(i);
        }
    }
    for i in chrome {
        blocks[i].role = Role::Boilerplate;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(site: &str, blocks: &[(&str, Role)]) -> Page {
        Page {
            blocks: blocks
                .iter()
                .map(|(text, role)| Block {
                    text: text.to_string(),
                    role: *role,
                })
                .collect(),
            headline: None,
            standfirst: None,
            byline: None,
            published: None,
            captions: Vec::new(),
            site: Some(site.to_string()),
            dateline: None,
        }
    }

    const SHARED: &str = "Dockworkers at the largest port walked off the job on Tuesday.";
    const OTHER: &str = "Talks are due to resume on Thursday under a mediator, the union said.";

    #[test]
    fn shared_text_is_story_and_lone_edge_lines_are_chrome() {
        let mut pages = vec![
            page(
                "a.example",
                &[
                    ("Live updates", Role::Body),
                    (SHARED, Role::Boilerplate),
                    (OTHER, Role::Body),
                ],
            ),
            page("b.example", &[(SHARED, Role::Body), (OTHER, Role::Body)]),
        ];
        refine(&mut pages);
        let roles: Vec<Role> = pages[0].blocks.iter().map(|b| b.role).collect();
        assert_eq!(roles, [Role::Boilerplate, Role::Body, Role::Body]);
    }

    #[test]
    fn one_sites_pages_do_not_vouch_for_each_other() {
        let mut pages = vec![
            page(
                "a.example",
                &[(SHARED, Role::Boilerplate), (OTHER, Role::Body)],
            ),
            page("a.example", &[(SHARED, Role::Body), (OTHER, Role::Body)]),
        ];
        refine(&mut pages);
        assert_eq!(pages[0].blocks[0].role, Role::Boilerplate);
        // Prose only one version has stays: an added paragraph is a difference to show.
        assert_eq!(pages[1].blocks[0].role, Role::Body);
    }
}
