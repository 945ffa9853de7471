//! A journal note (`N`): several lines of text, dated and signed when saved.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Action;
use crate::store::edit::{Edit, Seen};

use super::boxes::{Outcome, esc_twice};
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub plan: String,
    pub action: Action,
    pub seen: Seen,
    /// The lines typed; the last one has the cursor.
    pub lines: Vec<String>,
    #[serde(skip)]
    pub confirm_cancel: bool,
    #[serde(skip)]
    pub saving: bool,
}

impl Note {
    pub fn new(plan: String, action: Action, seen: Seen) -> Note {
        Note {
            plan,
            action,
            seen,
            lines: vec![String::new()],
            confirm_cancel: false,
            saving: false,
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n").trim().to_string()
    }

    pub fn key(&mut self, k: KeyEvent) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let typed = !self.text().is_empty();
        if let Some(outcome) = esc_twice(&k, typed, &mut self.confirm_cancel) {
            return outcome;
        }
        match (boxkeys::resolve(BoxContext::Note, &k), k.code) {
            (Some(BoxCommand::Save), _) => {
                let text = self.text();
                if text.is_empty() {
                    return Outcome::Close;
                }
                self.saving = true;
                return Outcome::Run(Effect::Save {
                    edits: vec![Edit {
                        plan: self.plan.clone(),
                        action: self.action.clone(),
                        seen: Some(self.seen),
                    }],
                    note: Some(super::effect::NewNote::note(text)),
                });
            }
            (Some(BoxCommand::NewLine), _) => self.lines.push(String::new()),
            (_, KeyCode::Backspace) => {
                let last = self.lines.last_mut().expect("never empty");
                if last.pop().is_none() && self.lines.len() > 1 {
                    self.lines.pop();
                }
            }
            (_, KeyCode::Char(c)) if !ctrl && !k.modifiers.contains(KeyModifiers::ALT) => {
                self.lines.last_mut().expect("never empty").push(c)
            }
            _ => {}
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for Note {
    fn takes_text(&self) -> bool {
        !self.saving
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        if self.saving {
            return None;
        }
        Some((0, crate::tui::field::Field::Lines(&mut self.lines)))
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Note {
    fn on_key(&mut self, k: KeyEvent, _cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: crate::i18n::Lang) -> bool {
        !self.text().is_empty()
    }

    fn rebase(&mut self, action: &Action, seen: Seen) {
        self.action = action.clone();
        self.seen = seen;
    }
}
