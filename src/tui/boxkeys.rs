//! The keymap of the boxes: what each key means in each kind of box, one table, from
//! which the boxes' handlers read their keys and their key lines are written. (The
//! boxes' keys keep their defaults: the config file rebinds those of the screens.)

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, T};

use super::key::{Key, key_label};

/// What a key asks of a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoxCommand {
    /// Leave the box (or its entry), asking first when something was typed.
    Cancel,
    /// Save, create, apply; in a list, edit the chosen line.
    Confirm,
    /// Save from any field, a note's included.
    Save,
    NextField,
    PreviousField,
    /// The next choice (in a list of choices, or among the names matching).
    Next,
    Previous,
    /// The next choice, in a field that takes no text.
    Cycle,
    /// Add to the directory what a pilot, partner or funder field names.
    NewEntry,
    /// The quick update: done, in one key.
    Done,
    /// A note: a new line.
    NewLine,
    /// A list box: close it.
    Close,
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    Add,
    Remove,
    /// Yes to the question asked (remove this line, delete this action).
    Yes,
    /// A milestone: done today, or not done any more.
    ToggleDone,
    /// An indicator: record a value.
    Value,
    NextSection,
    PreviousSection,
    Filter,
    /// The directory: close it, whatever its filter.
    Quit,
    /// Empty the field (every field that takes text).
    ClearField,
    /// Someone else saved first: put the user's values onto what they saved.
    Reapply,
    /// Someone else saved first: drop the user's values.
    Drop,
}

/// Where a box reads its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxContext {
    Quick,
    Form,
    /// A box of fields saved at once: the bulk edit, a new action, a new plan.
    Fields,
    /// The entry of a list box or of the directory: one line's fields.
    Entry,
    Note,
    List,
    Milestones,
    Indicators,
    Directory,
    /// Typing the directory's filter.
    DirectoryFilter,
    /// A question asked before something is removed or deleted.
    Question,
    /// Typing into a field.
    Text,
    /// A save refused for someone else's change: what to do with the user's values.
    Conflict,
}

/// The keys every field of a box takes, beside the box's own (its key line says
/// those): shown in the footer while a box is open, and in the `?` help.
pub const FIELD_KEYS: [(BoxCommand, T); 4] = [
    (BoxCommand::ClearField, T::TuiFieldKeyClear),
    (BoxCommand::NewEntry, T::TuiFieldKeyCreate),
    (BoxCommand::Save, T::TuiFieldKeySave),
    (BoxCommand::NextField, T::TuiFieldKeyNext),
];

/// A key of the table: a literal, so that the table is `'static`.
macro_rules! key {
    ($code:expr) => {
        Key {
            code: $code,
            ctrl: false,
        }
    };
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const CTRL_S: &[Key] = &[ctrl('s')];
const CTRL_N: &[Key] = &[ctrl('n')];
const CTRL_U: &[Key] = &[ctrl('u')];

/// The keys of each box command.
pub fn keys(c: BoxCommand) -> &'static [Key] {
    use BoxCommand::*;
    match c {
        Cancel => &[key!(KeyCode::Esc)],
        Confirm | NewLine => &[key!(KeyCode::Enter)],
        Save => CTRL_S,
        NextField => &[key!(KeyCode::Tab), key!(KeyCode::Down)],
        PreviousField => &[key!(KeyCode::BackTab), key!(KeyCode::Up)],
        Next => &[key!(KeyCode::Right)],
        Previous => &[key!(KeyCode::Left)],
        Cycle => &[key!(KeyCode::Char(' '))],
        NewEntry => CTRL_N,
        Done => &[key!(KeyCode::Char('d')), key!(KeyCode::Char('D'))],
        Close => &[key!(KeyCode::Esc), key!(KeyCode::Char('q'))],
        LineDown => &[key!(KeyCode::Down), key!(KeyCode::Char('j'))],
        LineUp => &[key!(KeyCode::Up), key!(KeyCode::Char('k'))],
        PageDown => &[key!(KeyCode::PageDown)],
        PageUp => &[key!(KeyCode::PageUp)],
        Add => &[key!(KeyCode::Char('a')), key!(KeyCode::Char('+'))],
        Remove => &[key!(KeyCode::Delete), key!(KeyCode::Char('-'))],
        Yes => &[key!(KeyCode::Char('o')), key!(KeyCode::Char('y'))],
        ToggleDone => &[key!(KeyCode::Char('d')), key!(KeyCode::Char(' '))],
        Value => &[key!(KeyCode::Char('v'))],
        NextSection => &[key!(KeyCode::Tab), key!(KeyCode::Right)],
        PreviousSection => &[key!(KeyCode::BackTab), key!(KeyCode::Left)],
        Filter => &[key!(KeyCode::Char('/'))],
        Quit => &[key!(KeyCode::Char('q'))],
        ClearField => CTRL_U,
        Reapply => &[key!(KeyCode::Char('r')), key!(KeyCode::Char('R'))],
        Drop => &[key!(KeyCode::Esc), key!(KeyCode::Char('d'))],
    }
}

/// The commands of each kind of box.
pub fn commands(ctx: BoxContext) -> &'static [BoxCommand] {
    use BoxCommand::*;
    match ctx {
        BoxContext::Quick => &[
            Cancel,
            Confirm,
            Save,
            NextField,
            PreviousField,
            Done,
            Next,
            Previous,
            Cycle,
        ],
        BoxContext::Form => &[
            Cancel,
            Confirm,
            NewEntry,
            Save,
            NextField,
            PreviousField,
            Next,
            Previous,
            Cycle,
        ],
        BoxContext::Fields => &[
            Cancel,
            Confirm,
            NextField,
            PreviousField,
            Next,
            Previous,
            Cycle,
        ],
        BoxContext::Entry => &[
            Cancel,
            Confirm,
            NewEntry,
            NextField,
            PreviousField,
            Next,
            Previous,
            Cycle,
        ],
        BoxContext::Note => &[Cancel, Save, NewLine],
        BoxContext::List => &[Close, LineDown, LineUp, Add, Confirm, Remove],
        BoxContext::Milestones => &[Close, LineDown, LineUp, Add, Confirm, Remove, ToggleDone],
        BoxContext::Indicators => &[Close, LineDown, LineUp, Add, Confirm, Remove, Value],
        BoxContext::Directory => &[
            Cancel,
            Quit,
            LineDown,
            LineUp,
            PageDown,
            PageUp,
            NextSection,
            PreviousSection,
            Filter,
            Add,
            Confirm,
        ],
        BoxContext::DirectoryFilter => &[Cancel, Confirm],
        BoxContext::Question => &[Yes],
        BoxContext::Text => &[ClearField],
        BoxContext::Conflict => &[Reapply, Drop],
    }
}

/// The command a key means in a box, if any. In a box a key is its code whatever
/// the modifiers held with it (Shift-Tab, Ctrl-↓), except the keys bound with Ctrl,
/// which need it: they come first.
pub fn resolve(ctx: BoxContext, k: &KeyEvent) -> Option<BoxCommand> {
    let cmds = commands(ctx).iter().copied();
    if k.modifiers.contains(KeyModifiers::CONTROL)
        && let Some(c) = cmds
            .clone()
            .find(|c| keys(*c).iter().any(|b| b.matches(*k)))
    {
        return Some(c);
    }
    cmds.into_iter()
        .find(|c| keys(*c).iter().any(|b| !b.ctrl && b.code == k.code))
}

/// Whether a key is one of a box command's, wherever the box reads it.
pub fn is(c: BoxCommand, k: &KeyEvent) -> bool {
    keys(c).iter().any(|b| {
        if b.ctrl {
            b.matches(*k)
        } else {
            b.code == k.code
        }
    })
}

/// The first key of a box command, as a key line shows it.
pub fn main_key_label(lang: Lang, c: BoxCommand) -> String {
    keys(c)
        .first()
        .map(|k| box_key_label(lang, *k))
        .unwrap_or_default()
}

/// How a box's key is written: as the screens' keys, `Suppr` / `Del` for Delete.
pub fn box_key_label(lang: Lang, k: Key) -> String {
    match k.code {
        KeyCode::Delete if !k.ctrl => lang.t(T::BoxKeyDelete).to_string(),
        _ => key_label(lang, k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [BoxContext; 13] = [
        BoxContext::Quick,
        BoxContext::Form,
        BoxContext::Fields,
        BoxContext::Entry,
        BoxContext::Note,
        BoxContext::List,
        BoxContext::Milestones,
        BoxContext::Indicators,
        BoxContext::Directory,
        BoxContext::DirectoryFilter,
        BoxContext::Question,
        BoxContext::Text,
        BoxContext::Conflict,
    ];

    #[test]
    fn no_key_means_two_things_in_one_box() {
        for ctx in ALL {
            let mut seen: Vec<(Key, BoxCommand)> = vec![];
            for c in commands(ctx) {
                for k in keys(*c) {
                    if let Some((_, other)) = seen.iter().find(|(s, _)| s == k) {
                        panic!("{ctx:?}: {k:?} is bound to {other:?} and {c:?}");
                    }
                    seen.push((*k, *c));
                }
            }
        }
    }

    #[test]
    fn ctrl_keys_need_ctrl_and_other_keys_ignore_modifiers() {
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(resolve(BoxContext::Note, &ctrl_s), Some(BoxCommand::Save));
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
        assert_eq!(resolve(BoxContext::Note, &s), None);
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            resolve(BoxContext::Form, &back_tab),
            Some(BoxCommand::PreviousField)
        );
    }
}
