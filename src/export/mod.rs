//! Export of an analysis: plain text with `[-deleted-]{+inserted+}` marks, side-by-side
//! columns, JSON (documented in `docs/json.md`), and the reports an editor can send: one
//! self-contained HTML file and GitHub-flavoured Markdown (`report` holds what they share). The text forms head each comparison
//! with its statistics and its findings (`summary`). Deterministic: same input, same
//! bytes. No terminal escapes in any format. Also the one atomic file writer
//! ([`write_atomic`]), used by the command line and the viewer.

mod html;
mod json;
mod markdown;
mod report;
mod side_by_side;
mod summary;
mod text;
mod write;

pub use html::html;
pub use json::{
    json, json_with_sources, write_comparisons_part as write_json_comparisons,
    write_versions_part as write_json_versions,
};
pub use markdown::markdown;
pub use report::{ReportMeta, report_meta_from_env};
pub use side_by_side::side_by_side;
/// The inline `[-old-]{+new+}` form of one link, as the text export writes it.
#[cfg(test)]
pub(crate) use text::inline as inline_text;
pub use text::{Marks, text, text_with, text_with_sources, write_text_with_sources};
pub use write::{WriteError, check_output, write_atomic, write_atomic_with};

use crate::engine::{Analysis, LinkKind, PairRow};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One block per collation row with inline word diff (the default).
    #[default]
    Text,
    /// Two columns around a gutter, `width` cells wide in total.
    SideBySide,
    /// The schema of `docs/json.md`.
    Json,
}

/// The reports an editor can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// One self-contained HTML file.
    Html,
    /// GitHub-flavoured Markdown.
    Markdown,
}

impl ReportKind {
    /// The report a file name asks for by its extension (`.html`, `.htm`, `.md`,
    /// `.markdown`, in any case), if any.
    pub fn for_path(path: &str) -> Option<ReportKind> {
        let extension = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(ReportKind::Html),
            "md" | "markdown" => Some(ReportKind::Markdown),
            _ => None,
        }
    }
}

/// The report of `analysis` of `kind`, dated by `meta`.
pub fn report(analysis: &Analysis, kind: ReportKind, meta: &ReportMeta) -> String {
    match kind {
        ReportKind::Html => html(analysis, meta),
        ReportKind::Markdown => markdown(analysis, meta),
    }
}

/// Export `analysis` in `format`; `width` is used by the side-by-side format only.
pub fn export(analysis: &Analysis, format: Format, width: usize) -> String {
    match format {
        Format::Text => text(analysis),
        Format::SideBySide => side_by_side(analysis, width),
        Format::Json => json(analysis),
    }
}

/// One comparison (of version `other` with the base) as the viewer shows it: only `rows`
/// (some of its two-version rows, in order), which `shown` names in the header when they
/// are not all of them; as text, or side by side `width` cells wide. JSON holds the whole
/// comparison. Empty when `other` is the base or out of range.
pub fn export_shown(
    analysis: &Analysis,
    other: usize,
    rows: &[PairRow],
    shown: Option<&str>,
    format: Format,
    width: usize,
) -> String {
    let (Some(cmp), Some(base), Some(version)) = (
        analysis.comparison(other),
        analysis.versions.get(analysis.base),
        analysis.versions.get(other),
    ) else {
        return String::new();
    };
    let mut out = String::new();
    match format {
        Format::Text => {
            let mut text = text::TextOut::whole();
            text::comparison(
                &mut text,
                base,
                version,
                cmp,
                rows,
                shown,
                &[],
                &Marks::PLAIN,
            );
            out = text.buf;
        }
        Format::SideBySide => {
            side_by_side::comparison(&mut out, base, version, cmp, rows, shown, width);
        }
        Format::Json => {
            let one = Analysis {
                base: analysis.base,
                versions: analysis.versions.clone(),
                comparisons: vec![cmp.clone()],
                rows: Vec::new(),
            };
            out = json(&one);
        }
    }
    out
}

/// Whether the analysis shows any difference: some link is not identical or moved, or some
/// sentence has no partner. Decides the exit status, like diff(1).
pub fn has_differences(analysis: &Analysis) -> bool {
    analysis.comparisons.iter().any(|c| {
        !c.unmatched_base.is_empty()
            || !c.unmatched_other.is_empty()
            || c.links
                .iter()
                .any(|l| l.kind != LinkKind::Identical || l.moved)
    })
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A hand-built two-version analysis for the export tests.

    use crate::engine::*;
    use crate::engine::{PairRow, RowKind};

    fn version(name: &str, sents: &[(&str, bool)]) -> Version {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for (s, bp) in sents {
            let start = text.len();
            text.push_str(s);
            sentences.push(Sentence {
                text: s.to_string().into(),
                start,
                end: text.len(),
                kind: if *bp {
                    SentenceKind::Boilerplate
                } else {
                    SentenceKind::Body
                },
                paragraph: 0,
            });
            text.push('\n');
        }
        Version {
            name: name.into(),
            label: name.into(),
            text: text.into(),
            sentences,
        }
    }

    fn piece(t: &str, e: Option<usize>) -> Piece {
        Piece {
            text: t.into(),
            edit: e,
        }
    }

    /// A finding in the rewritten link (base #3, other #4).
    fn finding(class: FindingClass, base: &str, other: &str) -> Finding {
        Finding {
            class,
            base: base.into(),
            other: other.into(),
            base_sentences: vec![2],
            other_sentences: vec![3],
            link: Some(2),
        }
    }

    fn same(t: &str) -> WordDiff {
        WordDiff {
            base: vec![piece(t, None)],
            other: vec![piece(t, None)],
            edits: vec![],
            bounded: false,
        }
    }

    /// base: 0 "Home | News" (bp), 1 "The ferry left at noon.", 2 "His crew said: \"We saw 12 whales.\"",
    /// 3 "Tickets cost more.", 4 "Rain fell."
    /// other: 0 "Home | News" (bp), 1 "Rain fell.", 2 "The ferry left at noon.",
    /// 3 "Her crew said: \"We saw 15 whales.\"", 4 "A band played 日本 songs 🎉."
    pub fn analysis() -> (Analysis, Vec<PairRow>) {
        let a = version(
            "a.txt",
            &[
                ("Home | News", true),
                ("The ferry left at noon.", false),
                ("His crew said: \"We saw 12 whales.\"", false),
                ("Tickets cost more.", false),
                ("Rain fell.", false),
            ],
        );
        let b = version(
            "b.txt",
            &[
                ("Home | News", true),
                ("Rain fell.", false),
                ("The ferry left at noon.", false),
                ("Her crew said: \"We saw 15 whales.\"", false),
                ("A band played 日本 songs 🎉.", false),
            ],
        );
        let rewrite = WordDiff {
            base: vec![
                piece("His", Some(0)),
                piece(" crew said: \"We saw ", None),
                piece("12", Some(1)),
                piece(" whales.\"", None),
            ],
            other: vec![
                piece("Her", Some(0)),
                piece(" crew said: \"We saw ", None),
                piece("15", Some(1)),
                piece(" whales.\"", None),
            ],
            edits: vec![
                Edit {
                    op: EditOp::Replace,
                    base: "His".into(),
                    other: "Her".into(),
                    class: EditClass::Pronoun,
                    in_quote: false,
                },
                Edit {
                    op: EditOp::Replace,
                    base: "12".into(),
                    other: "15".into(),
                    class: EditClass::Number,
                    in_quote: true,
                },
            ],
            bounded: false,
        };
        let link = |b: usize, o: usize, kind, score, moved, diff| Link {
            base: vec![b],
            other: vec![o],
            kind,
            score,
            moved,
            diff,
        };
        let cmp = Comparison {
            base: 0,
            other: 1,
            links: vec![
                link(0, 0, LinkKind::Identical, 1.0, false, same("Home | News")),
                link(
                    1,
                    2,
                    LinkKind::Identical,
                    1.0,
                    false,
                    same("The ferry left at noon."),
                ),
                link(2, 3, LinkKind::Rewrite, 0.81234, false, rewrite),
                link(4, 1, LinkKind::Identical, 1.0, true, same("Rain fell.")),
            ],
            unmatched_base: vec![3],
            unmatched_other: vec![4],
            stats: Stats {
                base_sentences: 4,
                other_sentences: 4,
                carried: 3,
                carried_share: 0.75,
                identical: 2,
                rewrite: 1,
                moved: 1,
                added: 1,
                deleted: 1,
                boilerplate_base: 1,
                boilerplate_other: 1,
                similarity: 0.71234,
                findings: [1, 0, 0, 0, 1, 0],
                ..Stats::default()
            },
            findings: vec![
                finding(FindingClass::Pronoun, "His", "Her"),
                finding(FindingClass::Quote, "12", "15"),
            ],
            quotes: Vec::new(),
            added_quotes: Vec::new(),
        };
        let row = |kind, base: Vec<usize>, other: Vec<usize>, link, boilerplate| PairRow {
            kind,
            base,
            other,
            link,
            boilerplate,
            dateline: false,
        };
        let l = |kind, moved| RowKind::Link { kind, moved };
        let rows = vec![
            row(
                l(LinkKind::Identical, false),
                vec![0],
                vec![0],
                Some(0),
                true,
            ),
            row(
                l(LinkKind::Identical, false),
                vec![1],
                vec![2],
                Some(1),
                false,
            ),
            row(
                l(LinkKind::Rewrite, false),
                vec![2],
                vec![3],
                Some(2),
                false,
            ),
            row(RowKind::Added, vec![], vec![4], None, false),
            row(RowKind::Deleted, vec![3], vec![], None, false),
            row(
                l(LinkKind::Identical, true),
                vec![4],
                vec![1],
                Some(3),
                false,
            ),
        ];
        let analysis = Analysis {
            base: 0,
            versions: vec![a, b],
            comparisons: vec![cmp],
            rows: vec![],
        };
        (analysis, rows)
    }
}
