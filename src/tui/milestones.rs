//! An action's milestones (`J`): add, edit, mark done or not, remove (confirmed with
//! another key). Each change is one save of the action, undoable like any other.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::listbox::{ListBox, ListKey, listed, type_into};
use crate::domain::Milestone;
use crate::domain::input::parse_date;
use crate::i18n::{Lang, T};

/// One milestone being typed: a new one (`index` None) or an existing one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub index: Option<usize>,
    pub title: String,
    pub due: String,
    pub done: String,
    /// 0 title, 1 due, 2 done.
    pub focus: usize,
    pub error: Option<(usize, String)>,
}

pub type Milestones = ListBox<Entry>;

listed!(Entry, Milestone, milestones);

impl Milestones {
    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        match self.list_key(k) {
            ListKey::Done(outcome) => return outcome,
            ListKey::Typing(k) => return self.entry_key(k, today, lang),
            ListKey::Add => self.open_entry(Entry {
                index: None,
                title: String::new(),
                due: String::new(),
                done: String::new(),
                focus: 0,
                error: None,
            }),
            ListKey::Edit(i) => {
                let m = &self.action.milestones[i];
                self.open_entry(Entry {
                    index: Some(i),
                    title: m.title.clone(),
                    due: lang.date(m.due),
                    done: m.done_on.map(|d| lang.date(d)).unwrap_or_default(),
                    focus: 0,
                    error: None,
                })
            }
            // Done today, or not done any more.
            ListKey::Other(k, Some(i))
                if boxkeys::resolve(BoxContext::Milestones, &k) == Some(BoxCommand::ToggleDone) =>
            {
                return self.save_with(|a| {
                    let m = &mut a.milestones[i];
                    m.done_on = if m.done_on.is_some() {
                        None
                    } else {
                        Some(today)
                    };
                });
            }
            ListKey::Other(..) => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        let Some(e) = &mut self.entry else {
            return Outcome::Stay;
        };
        match boxkeys::resolve(BoxContext::Entry, &k) {
            Some(BoxCommand::Cancel) => self.entry = None,
            Some(BoxCommand::NextField) => e.focus = (e.focus + 1) % 3,
            Some(BoxCommand::PreviousField) => e.focus = (e.focus + 2) % 3,
            Some(BoxCommand::Confirm) => {
                let title = e.title.trim().to_string();
                if title.is_empty() {
                    e.error = Some((0, lang.t(T::TuiNeedTitle).to_string()));
                    e.focus = 0;
                    return Outcome::Stay;
                }
                let due = match parse_date(&e.due, today) {
                    Ok(d) => d,
                    Err(why) => {
                        let why = lang.t(crate::i18n::date_input_error(&why));
                        e.error = Some((1, why.to_string()));
                        e.focus = 1;
                        return Outcome::Stay;
                    }
                };
                let done_on = if e.done.trim().is_empty() {
                    None
                } else {
                    match parse_date(&e.done, today) {
                        Ok(d) => Some(d),
                        Err(why) => {
                            let why = lang.t(crate::i18n::date_input_error(&why));
                            e.error = Some((2, why.to_string()));
                            e.focus = 2;
                            return Outcome::Stay;
                        }
                    }
                };
                let item = Milestone {
                    title,
                    due,
                    done_on,
                };
                let index = e.index;
                return self.save_item(index, item);
            }
            _ => {
                let text = match e.focus {
                    0 => &mut e.title,
                    1 => &mut e.due,
                    _ => &mut e.done,
                };
                type_into(text, &k);
                if e.error.as_ref().is_some_and(|(f, _)| *f == e.focus) {
                    e.error = None;
                }
            }
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for Entry {
    fn takes_text(&self) -> bool {
        true
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        let text = match self.focus {
            0 => &mut self.title,
            1 => &mut self.due,
            _ => &mut self.done,
        };
        Some((self.focus, crate::tui::field::Field::Line(text)))
    }

    fn took_text(&mut self) {
        if self.error.as_ref().is_some_and(|(f, _)| *f == self.focus) {
            self.error = None;
        }
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Milestones {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang)
    }

    super::listbox::list_box_behaviour!();
}
