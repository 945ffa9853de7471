//! Styled text cut into lines of a given width, at spaces where it can: the
//! detail, notes and help wrap their text with it.

use crate::text::width;

use super::table::Seg;
use super::theme::Role;

pub type Line = Vec<Seg>;

/// Cuts styled text into lines of at most `max` cells, at spaces where it can (a word
/// longer than a line is cut); continuation lines start with `indent` spaces.
pub fn wrap(segs: &[Seg], max: usize, indent: usize) -> Vec<Line> {
    let max = max.max(indent + 8);
    let mut lines: Vec<Line> = vec![vec![]];
    let mut used = 0;
    // Just wrapped: the spaces where the line was cut are dropped.
    let mut after_wrap = false;
    for seg in segs {
        for token in tokens(&seg.text) {
            let is_space = token.starts_with(' ');
            if is_space && after_wrap {
                continue;
            }
            let mut word = token.to_string();
            loop {
                let w = width(&word);
                if used + w <= max {
                    used += w;
                    push_seg(last(&mut lines), word, seg.role);
                    after_wrap &= is_space;
                    break;
                }
                if is_space {
                    // Spaces that do not fit end the line.
                    break;
                }
                if used > indent {
                    trim_end(last(&mut lines));
                    lines.push(vec![Seg::plain(" ".repeat(indent))]);
                    used = indent;
                    after_wrap = true;
                    continue;
                }
                let head = fit(&word, max - used);
                word = word[head.len()..].to_string();
                push_seg(last(&mut lines), head, seg.role);
                lines.push(vec![Seg::plain(" ".repeat(indent))]);
                used = indent;
                after_wrap = true;
            }
        }
    }
    lines
}

fn last(lines: &mut [Line]) -> &mut Line {
    let n = lines.len();
    &mut lines[n - 1]
}

/// Runs of spaces and runs of anything else, in order.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut start = 0;
    let mut space = None;
    for (i, c) in s.char_indices() {
        let is = c == ' ';
        if space.is_some_and(|sp| sp != is) {
            out.push(&s[start..i]);
            start = i;
        }
        space = Some(is);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn trim_end(line: &mut Line) {
    while let Some(last) = line.last_mut() {
        let t = last.text.trim_end_matches(' ').len();
        last.text.truncate(t);
        if last.text.is_empty() {
            line.pop();
        } else {
            break;
        }
    }
}

fn push_seg(line: &mut Line, text: String, role: Role) {
    match line.last_mut() {
        Some(last) if last.role == role => last.text.push_str(&text),
        _ => line.push(Seg::new(text, role)),
    }
}

/// The longest prefix of `s` that fits in `max` cells (at least one character).
fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max && !out.is_empty() {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_with_a_hanging_indent() {
        let segs = vec![
            Seg::plain("Label     "),
            Seg::plain("un deux trois quatre cinq six"),
        ];
        let lines = text(&wrap(&segs, 24, 10));
        assert_eq!(
            lines,
            vec![
                "Label     un deux trois",
                "          quatre cinq",
                "          six"
            ]
        );
        for l in &lines {
            assert!(width(l) <= 24);
        }
    }

    #[test]
    fn cuts_words_longer_than_a_line_and_counts_cells() {
        let lines = text(&wrap(&[Seg::plain("漢字漢字漢字漢字漢字漢字")], 10, 0));
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l) <= 10, "{l}");
        }
    }
}
