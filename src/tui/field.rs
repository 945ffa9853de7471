//! The field editor: how text that is not typed key by key (a paste, the line break
//! of a burst of keys) goes into the field that has the focus, whichever box holds
//! it. A paste is text, never a sequence of commands.

/// The field that has the focus in a box, as something text can go into.
pub enum Field<'a> {
    /// One line of text: a line break becomes a space.
    Line(&'a mut String),
    /// A number: its content is selected when the focus arrives, so that typing
    /// replaces it (as spreadsheets do).
    Number(&'a mut String),
    /// Several lines (the journal note): line breaks are kept.
    Lines(&'a mut Vec<String>),
}

impl Field<'_> {
    pub fn is_number(&self) -> bool {
        matches!(self, Field::Number(_))
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Field::Line(t) | Field::Number(t) => t.is_empty(),
            Field::Lines(l) => l.iter().all(String::is_empty),
        }
    }

    /// Empties the field (a selected content typed over).
    pub fn clear(&mut self) {
        match self {
            Field::Line(t) | Field::Number(t) => t.clear(),
            Field::Lines(l) => **l = vec![String::new()],
        }
    }
}

/// A box (or an entry of a list box) whose fields take text.
pub trait Fields {
    /// The field with the focus, if text goes into it, with its place in the box
    /// (the place changes when the focus moves to another field).
    fn text_field(&mut self) -> Option<(usize, Field<'_>)>;

    /// Whether the field with the focus takes text (`text_field` would give one),
    /// asked without changing the box: for what the screen says about it.
    fn takes_text(&self) -> bool;

    /// Text went into the focused field other than by a key: what typing a key
    /// would also do (a refusal shown next to the field goes, a search restarts).
    fn took_text(&mut self) {}
}

/// Puts `pasted` at the end of the field (where the cursor is) as text: line breaks
/// kept in a field of several lines and turned into spaces elsewhere, tabs turned
/// into spaces, every other control character dropped. Returns whether the field
/// changed.
pub fn paste(field: Field<'_>, pasted: &str) -> bool {
    // A CR LF (Windows, many mail programs), a lone CR or a Unicode line or paragraph
    // separator (word processors) is one line break.
    let text = pasted
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
    match field {
        Field::Line(t) | Field::Number(t) => {
            let before = t.len();
            t.extend(text.chars().filter_map(one_line));
            t.len() != before
        }
        Field::Lines(lines) => {
            if lines.is_empty() {
                lines.push(String::new());
            }
            let mut changed = false;
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    lines.push(String::new());
                    changed = true;
                }
                let last = lines.last_mut().expect("pushed above when empty");
                let before = last.len();
                last.extend(part.chars().filter_map(one_line));
                changed |= last.len() != before;
            }
            changed
        }
    }
}

/// A character of pasted text as it goes into one line: a line break or a tab is a
/// space, any other control character (escape sequences, bells, bidi overrides
/// are not text) is dropped.
fn one_line(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => Some(' '),
        c if crate::text::is_unsafe_char(c) || is_bidi_control(c) => None,
        c => Some(c),
    }
}

/// The invisible characters that reorder text on screen (a title that displays
/// reversed): never something a person meant to paste.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_into_one_line_turns_breaks_and_tabs_into_spaces_and_drops_controls() {
        let mut t = "Note: ".to_string();
        assert!(paste(
            Field::Line(&mut t),
            "Point copil\r\nDo\tit\x1b[2J\x07\u{202E}!"
        ));
        assert_eq!(t, "Note: Point copil Do it[2J!");
    }

    #[test]
    fn a_paste_into_several_lines_keeps_its_line_breaks() {
        let mut l = vec!["Début ".to_string()];
        assert!(paste(Field::Lines(&mut l), "un\r\ndeux\n\ttrois"));
        assert_eq!(l, vec!["Début un", "deux", " trois"]);
    }

    #[test]
    fn a_word_processor_s_line_separators_are_line_breaks_and_marks_are_dropped() {
        // What the importer and every box refuse never gets into a field by a paste.
        let mut l = vec![String::new()];
        assert!(paste(
            Field::Lines(&mut l),
            "un\u{2028}deux\u{2029}trois\u{61C}"
        ));
        assert_eq!(l, vec!["un", "deux", "trois"]);
        let mut t = String::new();
        assert!(paste(Field::Line(&mut t), "un\u{2028}deux\u{200E}"));
        assert_eq!(t, "un deux");
    }

    #[test]
    fn a_paste_of_nothing_but_controls_changes_nothing() {
        let mut t = "55".to_string();
        assert!(!paste(Field::Number(&mut t), "\x1b\x07"));
        assert_eq!(t, "55");
    }
}
