//! The report's one inline stylesheet, built from a palette whose every pair of text and
//! background colours passes WCAG AA contrast (a unit test computes the ratios). Marks
//! never rely on colour alone: deleted words are struck through, inserted ones underlined,
//! each with a symbol, and rows with findings carry `!`. Narrow screens stack the columns;
//! printing keeps rows whole and starts each version on a new page.

/// WCAG 2 AA: the least contrast ratio for normal-size text.
#[cfg(test)]
const AA_CONTRAST: f64 = 4.5;

/// Under this viewport width (in CSS pixels) the two sides of a comparison stack: two
/// columns of a phone (390 px) would hold three or four words a line.
const STACK_BELOW_PX: u32 = 700;

/// The palette: (custom property, text colour, background colour it is shown on).
pub(super) const PALETTE: [(&str, &str, &str); 10] = [
    ("text", "#1b1b1b", "#ffffff"),
    ("dim", "#575757", "#ffffff"),
    ("link", "#0a4fa3", "#ffffff"),
    ("del", "#8c1010", "#fde7e7"),
    ("ins", "#0b5a24", "#e2f3e7"),
    ("find", "#8a2500", "#fff1c9"),
    ("mark", "#1b1b1b", "#ffdf80"),
    ("head", "#1b1b1b", "#eef1f4"),
    ("moved", "#4a2f7a", "#f2edfa"),
    ("added", "#0b4a6e", "#e6f2f9"),
];

/// The stylesheet (without the `<style>` element).
pub(super) fn css() -> String {
    let mut out = String::from(":root{");
    for (name, fg, bg) in PALETTE {
        out.push_str(&format!("--{name}:{fg};--{name}-bg:{bg};"));
    }
    out.push('}');
    out.push_str(RULES);
    out.push_str(&format!(
        "@media (max-width:{STACK_BELOW_PX}px){{{NARROW}}}@media print{{{PRINT}}}"
    ));
    out
}

/// The rules for every screen.
const RULES: &str = "\
*{box-sizing:border-box}\
body{margin:0 auto;max-width:90rem;padding:1rem 1.5rem;color:var(--text);background:var(--text-bg);\
font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif}\
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;\
border-bottom:2px solid var(--head-bg)}h3{font-size:1.1rem;margin:1.2rem 0 .4rem}\
a{color:var(--link)}p,li,td,th,dd,dt,summary,h1,h2,h3{overflow-wrap:anywhere}\
.meta{color:var(--dim)}\
table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;vertical-align:top;\
padding:.3rem .5rem;border:1px solid #c9ced4}thead th,.stats th[scope=row]{background:var(--head-bg)}\
.scroll{overflow-x:auto;max-width:100%}\
del{color:var(--del);background:var(--del-bg);text-decoration:line-through}\
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline}\
del::before{content:\"\\2212\";font-size:.75em;vertical-align:super}\
ins::before{content:\"+\";font-size:.75em;vertical-align:super}\
mark{color:var(--mark);background:var(--mark-bg)}\
.cls{display:inline-block;min-width:6.5em;font-weight:700;color:var(--find);background:var(--find-bg);\
padding:0 .3em;margin-right:.3em}\
.findings>li{margin:.2rem 0 .8rem}.context{margin:.3rem 0 0 1rem;padding-left:.6rem;\
border-left:3px solid var(--head-bg)}.context p{margin:.1rem 0}\
.n,.who{color:var(--dim);font-size:.85em;margin-right:.3em;white-space:nowrap}\
table.cmp{width:100%;table-layout:fixed}table.cmp col.g{width:9.5rem}\
table.cmp th[scope=row]{font-weight:400;font-size:.85em;color:var(--dim);white-space:normal}\
.pl{white-space:nowrap}.sym{display:inline-block;width:1.2em;font-weight:700;font-family:ui-monospace,monospace;color:var(--text)}\
tr.f th[scope=row]{color:var(--find);background:var(--find-bg)}tr.f .sym{color:var(--find)}\
tr.m th[scope=row]{color:var(--moved);background:var(--moved-bg)}\
tr.a td:last-child,tr.d td:nth-child(2){color:var(--added);background:var(--added-bg)}\
tr.dl td{color:var(--dim)}td.empty{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3f4f6 6px,#f3f4f6 12px)}\
.notes{margin:.3rem 0 0;padding-left:1.2rem;color:var(--find)}\
tr.fold>td{padding:0;border:0}tr.fold details{border:1px solid #c9ced4;border-top:0}\
tr.fold summary{padding:.3rem .5rem;color:var(--dim);cursor:pointer}tr.fold table{margin:0}\
.matrix td,.matrix th{padding:.1rem .35rem;text-align:center;font-family:ui-monospace,monospace}\
td.k-findings{color:var(--find);background:var(--find-bg);font-weight:700}\
.matrix a{display:block;color:inherit;text-decoration:none}.matrix td.k-moved{color:var(--moved);background:var(--moved-bg)}\
.matrix td.k-added{color:var(--added);background:var(--added-bg)}\
.matrix td.k-deleted{color:var(--del);background:var(--del-bg)}\
.matrix td.k-boilerplate{color:var(--dim)}\
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;padding:0;list-style:none}\
.legend code{font-weight:700}\
.tree,.tree ul{list-style:none;padding-left:1.2rem}.tree{padding-left:0}\
.tree ul li::before{content:\"\\2514 \";color:var(--dim)}\
.stats td{text-align:right}\
section.version{margin-top:2.5rem}";

/// The rules under [`STACK_BELOW_PX`]: each row's base above its version.
const NARROW: &str = "\
body{padding:.6rem}table.cmp,table.cmp tbody,table.cmp tr,table.cmp th,table.cmp td{display:block;width:100%}\
table.cmp thead{display:none}table.cmp colgroup{display:none}\
table.cmp tr{margin-bottom:.6rem;border:1px solid #c9ced4}table.cmp td,table.cmp th{border:0}\
table.cmp td::before{content:attr(data-side);display:block;font-size:.8em;color:var(--dim)}\
table.cmp tr.fold{border:0}.context{margin-left:0}";

/// The print rules: rows whole, each version on a new page, links spelled out nowhere
/// (they are anchors inside the report).
const PRINT: &str = "\
body{max-width:none;padding:0;font-size:11pt}tr,li,.context{break-inside:avoid}\
thead{display:table-header-group}section.version{break-before:page}\
details>summary{list-style:none}a{color:inherit;text-decoration:none}";

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance of `#rrggbb` (WCAG 2).
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn contrast_formula_matches_known_values() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn every_palette_pair_passes_wcag_aa() {
        for (name, fg, bg) in PALETTE {
            let ratio = contrast(fg, bg);
            assert!(ratio >= AA_CONTRAST, "{name}: {fg} on {bg} is {ratio:.2}");
        }
        // The dim text is also read on the header background and the mark of findings.
        assert!(contrast("#575757", "#eef1f4") >= AA_CONTRAST);
        assert!(contrast("#1b1b1b", "#fff1c9") >= AA_CONTRAST);
    }

    #[test]
    fn the_stylesheet_uses_only_the_palette_and_nothing_from_outside() {
        let css = css();
        assert!(!css.contains("url("), "no external resource");
        assert!(!css.contains("@import"));
        assert!(css.contains("break-inside:avoid"));
        assert!(css.contains("break-before:page"));
        for (name, _, _) in PALETTE {
            assert!(css.contains(&format!("var(--{name}")), "{name} unused");
        }
    }
}
