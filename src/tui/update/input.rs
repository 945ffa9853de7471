//! Text typed outside a box: the list's filter and the path prompt of the welcome
//! screen (both typed through the field editor), and pasted text.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::T;

use crate::tui::field::{self, Field};
use crate::tui::model::{Body, Model, WelcomeMode};
use crate::tui::msg::Effect;
use crate::tui::theme::Role;

/// Pasted text goes into the field with the focus, as text: the open box's, the
/// list's filter being typed, or the path typed on the welcome screen. Anywhere else
/// it does nothing, and the footer says so.
pub(super) fn paste(m: &mut Model, text: &str) {
    let lang = m.lang();
    if let Some(o) = &mut m.overlay {
        if o.as_box().is_none() {
            // The confirmation waits for a key of its own: a paste is not one.
            m.notice = Some((Role::Muted, m.keys.say(lang, T::TuiPasteNowhere)));
            return;
        }
        if m.selection
            && let Some((_, mut f)) = o.text_field()
            && f.is_number()
        {
            // A paste replaces a selected number, as typing does.
            f.clear();
        }
        m.selection = false;
        if o.paste(text).is_none() {
            // A box is open: its focus is on a choice or a list, not on text.
            m.notice = Some((Role::Muted, lang.t(T::TuiPasteNotText).to_string()));
        }
        return;
    }
    if m.help.is_some() {
        m.notice = Some((Role::Muted, m.keys.say(lang, T::TuiPasteNowhere)));
        return;
    }
    let page = m.page_rows();
    if let Body::Welcome(w) = &mut m.top_mut().body
        && let WelcomeMode::Prompt(typed) = &mut w.mode
    {
        field::paste(Field::Line(typed), text);
        return;
    }
    // A list's filter being typed (the catalogue's grid included).
    if let Some(t) = m.top_mut().table_mut()
        && t.list.editing
    {
        let keep = t.selected_row().map(|r| r.key.clone());
        if field::paste(Field::Line(&mut t.list.filter), text) {
            t.refilter(keep.as_deref(), page);
        }
        return;
    }
    m.notice = Some((Role::Muted, m.keys.say(lang, T::TuiPasteNowhere)));
}

pub(super) fn filter_key(m: &mut Model, k: KeyEvent) {
    let page = m.page_rows();
    let Some(t) = m.top_mut().table_mut() else {
        return;
    };
    let keep = t.selected_row().map(|r| r.key.clone());
    match k.code {
        KeyCode::Esc => {
            t.list.filter.clear();
            t.list.editing = false;
        }
        KeyCode::Enter => t.list.editing = false,
        _ => {
            if !field::type_into(&mut t.list.filter, &k) {
                return;
            }
        }
    }
    t.refilter(keep.as_deref(), page);
}

pub(super) fn prompt_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let lang = m.lang();
    let Body::Welcome(w) = &mut m.top_mut().body else {
        return vec![];
    };
    let WelcomeMode::Prompt(text) = &mut w.mode else {
        return vec![];
    };
    match k.code {
        KeyCode::Esc => w.mode = WelcomeMode::Menu,
        KeyCode::Enter if !text.trim().is_empty() => {
            let path = text.trim().to_string();
            w.message = Some((Role::Muted, lang.t(T::TuiLoading).to_string()));
            return vec![Effect::Import(path)];
        }
        _ => {
            field::type_into(text, &k);
        }
    }
    vec![]
}
