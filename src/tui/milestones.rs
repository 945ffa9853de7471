//! An action's milestones (`J`): add, edit, mark done or not, remove (confirmed with
//! another key). Each change is one save of the action, undoable like any other.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::input::parse_date;
use crate::domain::{Action, Milestone};
use crate::i18n::{Lang, T};
use crate::store::edit::{Edit, Seen};

use super::msg::Effect;
use super::quick::Outcome;

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

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Milestones {
    pub plan: String,
    pub action: Action,
    pub seen: Seen,
    pub selected: usize,
    pub entry: Option<Entry>,
    /// Remove asked once: `y` confirms, anything else keeps it.
    #[serde(skip)]
    pub confirm_remove: bool,
    #[serde(skip)]
    pub saving: bool,
}

impl Milestones {
    pub fn new(plan: String, action: Action, seen: Seen) -> Milestones {
        Milestones {
            plan,
            action,
            seen,
            selected: 0,
            entry: None,
            confirm_remove: false,
            saving: false,
        }
    }

    /// The action has been saved: show it as it is now.
    pub fn refresh(&mut self, action: Action, seen: Seen) {
        self.action = action;
        self.seen = seen;
        self.saving = false;
        self.entry = None;
        self.selected = self
            .selected
            .min(self.action.milestones.len().saturating_sub(1));
    }

    fn save(&mut self, milestones: Vec<Milestone>) -> Outcome {
        let mut action = self.action.clone();
        action.milestones = milestones;
        self.saving = true;
        Outcome::Run(Effect::Save {
            edits: vec![Edit {
                plan: self.plan.clone(),
                action,
                seen: Some(self.seen),
            }],
            note: None,
        })
    }

    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if self.entry.is_some() {
            return self.entry_key(k, today, lang);
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            if k.code == KeyCode::Char('y') || k.code == KeyCode::Char('o') {
                let mut list = self.action.milestones.clone();
                if self.selected < list.len() {
                    list.remove(self.selected);
                    return self.save(list);
                }
            }
            return Outcome::Stay;
        }
        let n = self.action.milestones.len();
        match k.code {
            KeyCode::Esc | KeyCode::Char('q') => return Outcome::Close,
            KeyCode::Down | KeyCode::Char('j') if n > 0 => {
                self.selected = (self.selected + 1).min(n - 1)
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('a') | KeyCode::Char('+') => {
                self.entry = Some(Entry {
                    index: None,
                    title: String::new(),
                    due: String::new(),
                    done: String::new(),
                    focus: 0,
                    error: None,
                })
            }
            KeyCode::Enter if n > 0 => {
                let m = &self.action.milestones[self.selected];
                self.entry = Some(Entry {
                    index: Some(self.selected),
                    title: m.title.clone(),
                    due: lang.date(m.due),
                    done: m.done_on.map(|d| lang.date(d)).unwrap_or_default(),
                    focus: 0,
                    error: None,
                })
            }
            // Done today, or not done any more.
            KeyCode::Char('d') | KeyCode::Char(' ') if n > 0 => {
                let mut list = self.action.milestones.clone();
                let m = &mut list[self.selected];
                m.done_on = if m.done_on.is_some() {
                    None
                } else {
                    Some(today)
                };
                return self.save(list);
            }
            KeyCode::Delete | KeyCode::Char('-') if n > 0 => self.confirm_remove = true,
            _ => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        let Some(e) = &mut self.entry else {
            return Outcome::Stay;
        };
        match k.code {
            KeyCode::Esc => self.entry = None,
            KeyCode::Tab | KeyCode::Down => e.focus = (e.focus + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => e.focus = (e.focus + 2) % 3,
            KeyCode::Enter => {
                let title = e.title.trim().to_string();
                if title.is_empty() {
                    e.error = Some((0, lang.t(T::TuiNeedTitle).to_string()));
                    e.focus = 0;
                    return Outcome::Stay;
                }
                let Ok(due) = parse_date(&e.due, today) else {
                    e.error = Some((1, lang.t(T::TuiBadDate).to_string()));
                    e.focus = 1;
                    return Outcome::Stay;
                };
                let done_on = if e.done.trim().is_empty() {
                    None
                } else {
                    match parse_date(&e.done, today) {
                        Ok(d) => Some(d),
                        Err(_) => {
                            e.error = Some((2, lang.t(T::TuiBadDate).to_string()));
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
                let mut list = self.action.milestones.clone();
                match e.index {
                    Some(i) if i < list.len() => list[i] = item,
                    _ => {
                        list.push(item);
                        self.selected = list.len() - 1;
                    }
                }
                return self.save(list);
            }
            _ => {
                let text = match e.focus {
                    0 => &mut e.title,
                    1 => &mut e.due,
                    _ => &mut e.done,
                };
                match k.code {
                    KeyCode::Backspace => {
                        text.pop();
                    }
                    KeyCode::Char(c)
                        if !k
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        text.push(c)
                    }
                    _ => {}
                }
                if e.error.as_ref().is_some_and(|(f, _)| *f == e.focus) {
                    e.error = None;
                }
            }
        }
        Outcome::Stay
    }
}
