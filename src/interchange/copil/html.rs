//! The report as one self-contained HTML page: its style inline, nothing fetched,
//! made to print on A4 (each section from a new page, table headers repeated on
//! every page, no row cut across two). Every text is escaped (`&`, `<`, `>`, quotes).

use std::fmt::Write as _;

use super::{Block, Doc};
use crate::i18n::Lang;

/// `s` as HTML text or attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
html { font-family: \"DejaVu Sans\", Arial, Helvetica, sans-serif; font-size: 10pt; color: #111; }
body { margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; margin: 0 0 4pt 0; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #555; padding-bottom: 2pt; margin: 14pt 0 6pt 0; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt 0; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p.meta { margin: 0; color: #333; }
section + section { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1.5pt solid #555; }
ul { margin: 2pt 0 6pt 0; padding-left: 16pt; }
@media screen { body { margin: 2em auto; padding: 0 1em; } section + section { border-top: 1px dashed #bbb; margin-top: 2em; } }
";

pub fn write(doc: &Doc) -> String {
    let lang = match doc.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&doc.title),
        escape(&doc.title)
    );
    for l in &doc.lines {
        let _ = writeln!(s, "<p class=\"meta\">{}</p>", escape(l));
    }
    s.push_str("</header>\n");
    for sec in &doc.sections {
        let _ = writeln!(s, "<section>\n<h2>{}</h2>", escape(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(s, "<p>{}</p>", escape(p));
                }
                Block::Sub(h) => {
                    let _ = writeln!(s, "<h3>{}</h3>", escape(h));
                }
                Block::List(items) => {
                    s.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(s, "<li>{}</li>", escape(i));
                    }
                    s.push_str("</ul>\n");
                }
                Block::Table {
                    head,
                    right,
                    rows,
                    total,
                } => {
                    let class = |i: usize| {
                        if right.get(i).copied().unwrap_or(false) {
                            " class=\"n\""
                        } else {
                            ""
                        }
                    };
                    s.push_str("<table>\n<thead><tr>");
                    for (i, h) in head.iter().enumerate() {
                        let _ = write!(s, "<th{}>{}</th>", class(i), escape(h));
                    }
                    s.push_str("</tr></thead>\n<tbody>\n");
                    for (n, r) in rows.iter().enumerate() {
                        let last = *total && n + 1 == rows.len();
                        s.push_str(if last { "<tr class=\"total\">" } else { "<tr>" });
                        for (i, c) in r.iter().enumerate() {
                            let _ = write!(s, "<td{}>{}</td>", class(i), escape(c));
                        }
                        s.push_str("</tr>\n");
                    }
                    s.push_str("</tbody>\n</table>\n");
                }
            }
        }
        s.push_str("</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
