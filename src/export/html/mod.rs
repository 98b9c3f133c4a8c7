//! The HTML report: one self-contained file (inline CSS, no script, nothing fetched) that
//! an editor can mail or open from disk. In order: a header (the headline, each version's
//! label and source, the base, when the report was made), the findings of every version
//! (class, old -> new, the sentences in context, a link to the row), what became of the
//! base's quotations, the overview matrix with its legend, the derivation tree, the
//! per-version statistics, then per version the side-by-side comparison as a table.
//! Every byte of story text and every name is escaped ([`escape`]). Deterministic: the
//! same analysis and date give the same bytes.

mod escape;
mod findings;
mod overview;
mod parts;
mod style;
mod table;

use std::fmt::Write;

use crate::engine::Analysis;
use crate::export::report::{self, ReportMeta};

use escape::push as esc;
use parts::{PAGE_LANG, STORY_LANG};

/// The whole analysis as one HTML document.
pub fn html(analysis: &Analysis, meta: &ReportMeta) -> String {
    let compared = report::compared(analysis);
    let mut out = String::with_capacity(4096 + 8 * total_text(analysis));
    let headline = report::headline(analysis);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{PAGE_LANG}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"wirediff {}\">\n<title>wirediff: ",
        env!("CARGO_PKG_VERSION")
    );
    esc(&mut out, headline);
    let _ = write!(
        out,
        "</title>\n<style>{}</style>\n</head>\n<body>\n",
        style::css()
    );
    header(&mut out, analysis, headline, meta);
    out.push_str("<main>\n");
    findings::findings(&mut out, &compared);
    findings::quotations(&mut out, &compared);
    overview::matrix(&mut out, analysis, &compared);
    overview::derivation(&mut out, analysis);
    overview::statistics(&mut out, analysis);
    for c in &compared {
        table::comparison(&mut out, c);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Bytes of text in all versions, to size the output buffer.
fn total_text(analysis: &Analysis) -> usize {
    analysis.versions.iter().map(|v| v.text.len()).sum()
}

/// The headline, the versions (label, source, which is the base) and the date.
fn header(out: &mut String, analysis: &Analysis, headline: &str, meta: &ReportMeta) {
    let _ = write!(out, "<header>\n<h1 lang=\"{STORY_LANG}\">");
    esc(out, headline);
    out.push_str("</h1>\n<p class=\"meta\">Versions of one story compared sentence by sentence by wirediff. Report made ");
    let _ = writeln!(
        out,
        "<time datetime=\"{}\">{}</time>.</p>",
        report::utc_iso(meta.epoch),
        report::utc_date(meta.epoch)
    );
    let _ = write!(
        out,
        "<p>Every version is compared with the base, {} · ",
        analysis.base + 1
    );
    if let Some(base) = analysis.versions.get(analysis.base) {
        esc(out, base.label());
    }
    out.push_str(".</p>\n");
    out.push_str(
        "<table class=\"versions\">\n<caption>Versions</caption>\n<thead><tr><th scope=\"col\">#</th>\
         <th scope=\"col\">label</th><th scope=\"col\">source file</th><th scope=\"col\">role</th></tr></thead>\n<tbody>\n",
    );
    for (index, version) in analysis.versions.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th><td>", index + 1);
        if analysis.comparison(index).is_some() {
            let _ = write!(out, "<a href=\"#{}\">", report::version_id(index));
            esc(out, version.label());
            out.push_str("</a>");
        } else {
            esc(out, version.label());
        }
        out.push_str("</td><td>");
        esc(out, &version.name);
        let role = if index == analysis.base {
            "<strong>base</strong>"
        } else {
            "compared"
        };
        let _ = writeln!(out, "</td><td>{role}</td></tr>");
    }
    out.push_str("</tbody>\n</table>\n</header>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    const META: ReportMeta = ReportMeta { epoch: 0 };

    #[test]
    fn one_document_with_every_part_in_order() {
        let (a, _) = fixture::analysis();
        let html = html(&a, &META);
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing"))
        };
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(at("<h1") < at("id=\"findings\""));
        assert!(at("id=\"findings\"") < at("id=\"overview\""));
        assert!(at("id=\"overview\"") < at("id=\"derivation\""));
        assert!(at("id=\"derivation\"") < at("id=\"statistics\""));
        assert!(at("id=\"statistics\"") < at("<table class=\"cmp\""));
        assert!(html.contains("1970-01-01 00:00 UTC"));
        assert!(!html.contains("<script"), "no script");
        assert!(!html.contains("http://") && !html.contains("https://"));
    }

    #[test]
    fn same_input_same_bytes() {
        let (a, _) = fixture::analysis();
        assert_eq!(html(&a, &META), html(&a, &META));
        assert_ne!(html(&a, &META), html(&a, &ReportMeta { epoch: 86_400 }));
    }
}
