//! One key, as the keymaps write it and as the screen shows it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, T};

/// One key as the keymaps write it: a key code, alone or with Ctrl (Shift
/// only changes the character, so it is not part of a key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Whether a key press is this key. Shift only changes the character (`G`,
    /// `S`, `?`); Ctrl makes another key; other modifiers, one nothing is bound to.
    pub fn matches(self, k: KeyEvent) -> bool {
        let mods = k.modifiers - KeyModifiers::SHIFT;
        let ctrl = mods == KeyModifiers::CONTROL;
        if !(mods.is_empty() || ctrl) || ctrl != self.ctrl {
            return false;
        }
        match (k.code, self.code) {
            // With Ctrl, a letter is one key whatever its case.
            (KeyCode::Char(a), KeyCode::Char(b)) if ctrl => a.eq_ignore_ascii_case(&b),
            (pressed, bound) => pressed == bound,
        }
    }
}

/// How a key is written on screen.
pub fn key_label(lang: Lang, k: Key) -> String {
    if let (true, KeyCode::Char(c)) = (k.ctrl, k.code) {
        return format!("Ctrl-{}", c.to_ascii_uppercase());
    }
    match k.code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => lang.t(T::TuiKeyPageUp).into(),
        KeyCode::PageDown => lang.t(T::TuiKeyPageDown).into(),
        KeyCode::Home => lang.t(T::TuiKeyHome).into(),
        KeyCode::End => lang.t(T::TuiKeyEnd).into(),
        KeyCode::Enter => lang.t(T::TuiKeyEnter).into(),
        KeyCode::Esc => lang.t(T::TuiKeyEsc).into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::Char(' ') => lang.t(T::TuiKeySpace).into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}
