//! The field editor: how a key typed into a text field changes it (`type_into`),
//! and how text that is not typed key by key (a paste, the line break of a burst of
//! keys) goes into the field that has the focus, whichever box holds it. A paste is
//! text, never a sequence of commands. The boxes, the list's filter and the path
//! prompt all type through it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::boxkeys::{self, BoxCommand, BoxContext};

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

/// A key typed into a number field: as `type_into`, except that a digit typed over a
/// lone `0` replaces it (`0` then `2` `0` gives `20`, not `020`).
pub fn type_number(text: &mut String, k: &KeyEvent) -> bool {
    if text.trim() == "0"
        && let KeyCode::Char(c) = k.code
        && c.is_ascii_digit()
        && !k.modifiers.contains(KeyModifiers::CONTROL)
    {
        text.clear();
    }
    type_into(text, k)
}

/// A key typed into a text field: a character added, the last one taken back, or
/// everything cleared (`Ctrl-U`). Returns whether the text changed.
pub fn type_into(text: &mut String, k: &KeyEvent) -> bool {
    if boxkeys::resolve(BoxContext::Text, k) == Some(BoxCommand::ClearField) {
        let had = !text.is_empty();
        text.clear();
        return had;
    }
    match k.code {
        KeyCode::Backspace => text.pop().is_some(),
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            text.push(c);
            true
        }
        _ => false,
    }
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

    fn keys(text: &mut String, typed: &str, number: bool) {
        for c in typed.chars() {
            let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            if number {
                type_number(text, &k);
            } else {
                type_into(text, &k);
            }
        }
    }

    #[test]
    fn a_number_typed_over_a_lone_zero_replaces_it() {
        let mut p = "0".to_string();
        keys(&mut p, "20", true);
        assert_eq!(p, "20");
        let mut p = "40".to_string();
        keys(&mut p, "5", true);
        assert_eq!(p, "405", "only a lone zero gives way");
        let mut d = "0".to_string();
        keys(&mut d, "1/02", false);
        assert_eq!(d, "01/02", "text fields keep what is there");
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert!(type_into(&mut d, &ctrl_u));
        assert_eq!(d, "");
    }
}
