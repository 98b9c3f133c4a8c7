//! Several pages of one story, read together: text that two pages from different sites
//! share is story, and a line only one page has next to the furniture at either edge of
//! its body is that site's chrome.

use super::Page;
use super::filter::{Role, shingles};

/// Share of a paragraph's shingles found in another site's page that makes it shared.
const SHARED_SHARE: f32 = 0.5;

/// Refine the roles of pages given together.
pub(super) fn refine(pages: &mut [Page]) {
    let _ = (pages, SHARED_SHARE, Role::Body, shingles("x"));
}
