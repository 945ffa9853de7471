//! Find anything: the words typed on the search screen, each change answered by the
//! runner (`Effect::Search`); and the board's filter, which hands its words to the
//! search when no territory's name holds them (`/chu` then Enter).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::T;
use crate::tui::model::{Model, Place};
use crate::tui::msg::Effect;

use super::nav::push;

/// Opens the search screen (or goes back to it), searching `words` if any.
pub(super) fn open(m: &mut Model, words: String) -> Vec<Effect> {
    let lang = m.lang();
    match m.stack.iter().position(|s| s.place == Place::Search) {
        Some(i) => m.stack.truncate(i + 1),
        None => {
            m.stack.truncate(1);
            // Its answer comes from the words below, not from an earlier search.
            let _ = push(m, Place::Search, lang.t(T::PeopleSearchView).to_string());
        }
    }
    let page = m.page_rows();
    let settings = m.settings.clone();
    let top = m.top_mut();
    if words.is_empty() && !top.loaded {
        // Nothing to look for yet: no read, the list says what to type.
        top.loaded = true;
        if let Some(t) = top.table_mut() {
            let (rows, summary) =
                crate::tui::people::found_rows("", &Default::default(), &settings);
            t.summary = summary;
            t.set_rows(settings.lang, rows, None, page);
        }
    }
    let Some(t) = top.table_mut() else {
        return vec![];
    };
    t.list.editing = true;
    if words.is_empty() {
        return vec![];
    }
    t.list.filter = words;
    t.refilter(None, page);
    vec![Effect::Search(t.list.filter.clone())]
}

/// Runs `edit` on the model and, on the search screen, asks for a search when the
/// words changed: typed or pasted, the words are looked for the same way.
pub(super) fn search_on_change(m: &mut Model, edit: impl FnOnce(&mut Model)) -> Vec<Effect> {
    let words = |m: &Model| {
        (m.top().place == Place::Search)
            .then(|| m.top().table().map(|t| t.list.filter.clone()))
            .flatten()
    };
    let before = words(m);
    edit(m);
    match words(m) {
        Some(after) if Some(&after) != before.as_ref() => vec![Effect::Search(after)],
        _ => vec![],
    }
}

/// A key typed into a filter line, when it concerns the search: `None` when the
/// list's own filter takes it as usual.
pub(super) fn filter_key(m: &mut Model, k: KeyEvent) -> Option<Vec<Effect>> {
    match m.top().place {
        Place::Search => Some(search_on_change(m, |m| super::input::filter_key(m, k))),
        Place::Board if k.code == KeyCode::Enter => {
            let t = m.top().table()?;
            let words = t.list.filter.trim().to_string();
            if !t.visible.is_empty() || words.is_empty() {
                return None;
            }
            // No territory is called that: the words are looked for everywhere.
            super::input::filter_key(m, KeyEvent::from(KeyCode::Esc));
            Some(open(m, words))
        }
        _ => None,
    }
}
