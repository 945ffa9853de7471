//! The report as Markdown (CommonMark with GitHub's tables): every text from the
//! document has the characters Markdown reads as syntax escaped with a backslash,
//! so a title shows as written, and a `|` never splits a table cell.

use std::fmt::Write as _;

use super::{Block, Doc};

/// `s` with Markdown's syntax characters escaped (`|`, `*`, `_`, `<`…).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn write(doc: &Doc) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", escape(&doc.title));
    for l in &doc.lines {
        let _ = writeln!(s, "{}  ", escape(l));
    }
    for sec in &doc.sections {
        if !s.ends_with("\n\n") {
            s.push('\n');
        }
        let _ = writeln!(s, "## {}\n", escape(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(s, "{}\n", escape(p));
                }
                Block::Sub(h) => {
                    let _ = writeln!(s, "### {}\n", escape(h));
                }
                Block::List(items) => {
                    for i in items {
                        let _ = writeln!(s, "- {}", escape(i));
                    }
                    s.push('\n');
                }
                Block::Table {
                    head,
                    right,
                    rows,
                    total,
                } => {
                    let row = |cells: &[String], bold: bool| {
                        let cells: Vec<String> = cells
                            .iter()
                            .map(|c| match (bold, c.is_empty()) {
                                (true, false) => format!("**{}**", escape(c)),
                                _ => escape(c),
                            })
                            .collect();
                        format!("| {} |\n", cells.join(" | "))
                    };
                    s.push_str(&row(head, false));
                    let rule: Vec<&str> = (0..head.len())
                        .map(|i| {
                            if right.get(i).copied().unwrap_or(false) {
                                "---:"
                            } else {
                                "---"
                            }
                        })
                        .collect();
                    let _ = writeln!(s, "| {} |", rule.join(" | "));
                    for (i, r) in rows.iter().enumerate() {
                        s.push_str(&row(r, *total && i + 1 == rows.len()));
                    }
                    s.push('\n');
                }
            }
        }
    }
    // One line break at the end, whatever the last block wrote.
    let end = s.trim_end().len();
    s.truncate(end);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_is_escaped() {
        assert_eq!(escape("a|b *c* <x>"), r"a\|b \*c\* \<x\>");
        assert_eq!(escape("plain text, 12 €"), "plain text, 12 €");
    }
}
