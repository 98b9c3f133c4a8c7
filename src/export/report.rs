//! What the HTML and Markdown reports share: when the report was made (`SOURCE_DATE_EPOCH`,
//! else the clock, read once by the caller and passed in, so the writers stay pure
//! functions of their input), the story's headline, each comparison's two-version rows
//! with their findings placed, the anchors of rows, and which rows fold.

use crate::engine::{Analysis, Comparison, LinkKind, PairRow, RowKind, Stats, Version};
use crate::render::findings::RowFindings;
use crate::render::layout::{Mark, Segment, row_segments};

/// What a report says besides the analysis: when it was made, in seconds since the Unix
/// epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportMeta {
    /// When the report was made, in seconds since 1970-01-01 00:00 UTC.
    pub epoch: i64,
}

/// The report's date from the environment: `SOURCE_DATE_EPOCH` (an integer number of
/// seconds, as reproducible builds define it) when set, else the current time. An
/// unreadable value is an error naming it.
pub fn report_meta_from_env() -> Result<ReportMeta, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .map(|epoch| ReportMeta { epoch })
            .map_err(|_| {
                format!(
                    "SOURCE_DATE_EPOCH must be a number of seconds, not {:?}",
                    crate::render::safe::escape(&value)
                )
            }),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err("SOURCE_DATE_EPOCH must be a number of seconds".to_string())
        }
        Err(std::env::VarError::NotPresent) => Ok(ReportMeta::now()),
    }
}

impl ReportMeta {
    /// Dated by the clock.
    pub fn now() -> ReportMeta {
        let epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        ReportMeta { epoch }
    }
}

/// One line of the statistics table: its heading and the value for one version's stats.
pub type Measure = (&'static str, fn(&Stats) -> String);

/// The measures of the reports' statistics tables, in the JSON's words.
pub const MEASURES: [Measure; 12] = [
    ("similarity", |s| {
        format!("{:.0}%", f64::from(s.similarity) * 100.0)
    }),
    ("carried", |s| format!("{}/{}", s.carried, s.base_sentences)),
    ("identical", |s| s.identical.to_string()),
    ("minor", |s| s.minor.to_string()),
    ("rewrite", |s| s.rewrite.to_string()),
    ("paraphrase", |s| s.paraphrase.to_string()),
    ("partial", |s| s.partial.to_string()),
    ("moved", |s| s.moved.to_string()),
    ("added", |s| s.added.to_string()),
    ("deleted", |s| s.deleted.to_string()),
    ("boilerplate", |s| s.boilerplate_other.to_string()),
    ("story sentences", |s| s.other_sentences.to_string()),
];

/// Seconds in a day.
const DAY: i64 = 86_400;

/// `epoch` as `2026-12-02 06:42 UTC`.
pub fn utc_date(epoch: i64) -> String {
    let (year, month, day, hour, minute) = civil(epoch);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// `epoch` as `2026-12-02T06:42Z` (a valid HTML date and time).
pub fn utc_iso(epoch: i64) -> String {
    let (year, month, day, hour, minute) = civil(epoch);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}Z")
}

/// Year, month, day, hour and minute of `epoch` in UTC (proleptic Gregorian calendar,
/// H. Hinnant's days-to-civil algorithm).
fn civil(epoch: i64) -> (i64, i64, i64, i64, i64) {
    let days = epoch.div_euclid(DAY);
    let secs = epoch.rem_euclid(DAY);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs / 3600, secs % 3600 / 60)
}

/// The story's headline: the base's first sentence of story text (neither furniture nor
/// a dateline), else its first sentence, else its label.
pub fn headline(analysis: &Analysis) -> &str {
    let Some(base) = analysis.versions.get(analysis.base) else {
        return "";
    };
    base.sentences
        .iter()
        .find(|s| s.is_body())
        .or_else(|| base.sentences.first())
        .map_or(base.label(), |s| s.text.as_str())
}

/// One comparison ready to be written: the two versions, the comparison, its rows and
/// which row holds each finding.
pub struct Compared<'a> {
    /// The base version.
    pub base: &'a Version,
    /// The version compared with it.
    pub other: &'a Version,
    /// Their comparison.
    pub cmp: &'a Comparison,
    /// The comparison's two-version rows.
    pub rows: Vec<PairRow>,
    /// Which row holds each finding.
    pub placed: RowFindings,
}

/// Every comparison of `analysis`, in version order.
pub fn compared(analysis: &Analysis) -> Vec<Compared<'_>> {
    analysis
        .comparisons
        .iter()
        .filter_map(|cmp| {
            let base = analysis.versions.get(cmp.base)?;
            let other = analysis.versions.get(cmp.other)?;
            let rows = crate::engine::pair_rows(analysis, cmp.other);
            let placed = RowFindings::new(cmp, &rows);
            Some(Compared {
                base,
                other,
                cmp,
                rows,
                placed,
            })
        })
        .collect()
}

/// The marked text of both sides of a row, as the side-by-side view has it, except that
/// an identical link (at most spacing or quote style differs) is shown plain, as the text
/// export shows it.
pub fn segments(c: &Compared, row: &PairRow) -> (Vec<Segment>, Vec<Segment>) {
    let (mut left, mut right) = row_segments(c.base, c.other, c.cmp, row);
    if matches!(
        row.kind,
        RowKind::Link {
            kind: LinkKind::Identical,
            ..
        }
    ) {
        for segment in left.iter_mut().chain(right.iter_mut()) {
            if matches!(segment.mark, Mark::Deleted(_) | Mark::Inserted(_)) {
                segment.mark = Mark::Plain;
            }
        }
    }
    (left, right)
}

/// Whether no comparison has a quotation on either side.
/// One side's context for a finding: the side's sentences that exist, their joined text,
/// and where the finding's words (first occurrence) stand in it.
pub struct FindingContext {
    /// The sentences of the side that the version has, ascending.
    pub sentences: Vec<usize>,
    /// Their text, joined.
    pub text: String,
    /// The byte range of the finding's words in `text`, when they are found there.
    pub words: Option<std::ops::Range<usize>>,
}

/// The context of a finding's `words` in `sentences` of `v`; `None` when the side has no
/// sentences (an edit that only one side has).
pub fn finding_context(v: &Version, sentences: &[usize], words: &str) -> Option<FindingContext> {
    let sentences: Vec<usize> = sentences
        .iter()
        .copied()
        .filter(|&i| i < v.sentences.len())
        .collect();
    if sentences.is_empty() {
        return None;
    }
    let text = v.joined(&sentences);
    let words = (!words.is_empty())
        .then(|| text.find(words))
        .flatten()
        .map(|at| at..at + words.len());
    Some(FindingContext {
        sentences,
        text,
        words,
    })
}

pub fn no_quotations(compared: &[Compared]) -> bool {
    compared
        .iter()
        .all(|c| c.cmp.quotes.is_empty() && c.cmp.added_quotes.is_empty())
}

/// The anchor of version `other`'s section (`v3`: 1-based, as screens number versions).
pub fn version_id(other: usize) -> String {
    format!("v{}", other + 1)
}

/// The anchor of row `row` of version `other`'s comparison (`v3-r9`).
pub fn row_id(other: usize, row: usize) -> String {
    format!("v{}-r{}", other + 1, row + 1)
}

/// Whether a row is folded away by default: page furniture or a dateline.
pub fn folds(row: &PairRow) -> bool {
    row.boilerplate || row.dateline
}

/// The summary of a fold of `boilerplate` lines of furniture and `datelines` datelines.
pub fn fold_summary(boilerplate: usize, datelines: usize) -> String {
    let mut parts = Vec::new();
    if boilerplate > 0 {
        parts.push(crate::render::symbols::boilerplate_line(boilerplate));
    }
    if datelines > 0 {
        let noun = if datelines == 1 {
            "dateline"
        } else {
            "datelines"
        };
        let lead = if parts.is_empty() { "\u{2026} " } else { "" };
        parts.push(format!("{lead}{datelines} {noun}"));
    }
    parts.join(", ")
}

/// Runs of consecutive rows of `rows` that fold together, and single rows that do not:
/// `(first, end, folded)` ranges in order, covering every row.
pub fn runs(rows: &[PairRow]) -> Vec<(usize, usize, bool)> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let folded = folds(row);
        match out.last_mut() {
            Some(last) if folded && last.2 => last.1 = index + 1,
            _ => out.push((index, index + 1, folded)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_civil_dates() {
        assert_eq!(utc_date(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_date(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_date(1_796_114_520), "2026-12-01 08:42 UTC");
        assert_eq!(utc_date(-1), "1969-12-31 23:59 UTC");
        assert_eq!(utc_iso(1_796_114_520), "2026-12-01T08:42Z");
    }

    #[test]
    fn folds_group_furniture_and_datelines_only() {
        let (_, rows) = crate::export::fixture::analysis();
        // The fixture's first row is furniture, the rest story text.
        assert_eq!(runs(&rows)[0], (0, 1, true));
        assert!(runs(&rows)[1..].iter().all(|r| !r.2 && r.1 == r.0 + 1));
        assert_eq!(
            fold_summary(3, 1),
            "\u{2026} 3 lines of boilerplate, 1 dateline"
        );
        assert_eq!(fold_summary(0, 2), "\u{2026} 2 datelines");
    }

    #[test]
    fn the_headline_is_the_first_story_sentence_of_the_base() {
        let (analysis, _) = crate::export::fixture::analysis();
        assert_eq!(headline(&analysis), "The ferry left at noon.");
    }
}
