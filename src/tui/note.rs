//! A journal note (`N`): several lines of text, dated and signed when saved. Opened
//! for a decision (`d`), it also chooses the entry's kind (decision or note) and
//! the meeting it was taken at, among the territory's recent ones (newest first,
//! the latest by default).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::{Action, Meeting, NoteKind};
use crate::store::edit::{Edit, Seen};

use super::boxes::{Outcome, esc_twice};
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::{Effect, NewNote};

/// Where the focus is in a decision's box: the text, the kind, the meeting.
pub const TEXT: usize = 0;
pub const KIND: usize = 1;
pub const MEETING: usize = 2;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub plan: String,
    pub action: Action,
    pub seen: Seen,
    /// The lines typed; the last one has the cursor.
    pub lines: Vec<String>,
    /// Opened for a decision: the kind and the meeting are chosen in the box.
    #[serde(default)]
    pub choosing: bool,
    #[serde(default)]
    pub kind: NoteKind,
    /// The territory's recent meetings, newest first.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// The one chosen (an index in `meetings`), or none.
    #[serde(default)]
    pub meeting: Option<usize>,
    #[serde(default)]
    pub focus: usize,
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
            choosing: false,
            kind: NoteKind::Note,
            meetings: vec![],
            meeting: None,
            focus: TEXT,
            confirm_cancel: false,
            saving: false,
        }
    }

    /// The box for a decision: taken at the latest of `meetings` (newest first) if
    /// there is one.
    pub fn decision(plan: String, action: Action, seen: Seen, meetings: Vec<Meeting>) -> Note {
        Note {
            choosing: true,
            kind: NoteKind::Decision,
            meeting: (!meetings.is_empty()).then_some(0),
            meetings,
            ..Note::new(plan, action, seen)
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n").trim().to_string()
    }

    /// The meeting chosen, if any.
    pub fn chosen(&self) -> Option<&Meeting> {
        self.meeting.and_then(|i| self.meetings.get(i))
    }

    /// The next (or previous) choice of the field with the focus.
    fn change(&mut self, forward: bool) {
        match self.focus {
            KIND => {
                self.kind = match self.kind {
                    NoteKind::Note => NoteKind::Decision,
                    NoteKind::Decision => NoteKind::Note,
                }
            }
            MEETING => {
                // None, then each meeting, round.
                let n = self.meetings.len() + 1;
                let at = self.meeting.map_or(0, |i| i + 1);
                let next = if forward {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                };
                self.meeting = next.checked_sub(1);
            }
            _ => {}
        }
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
        if self.choosing {
            let fields = 3;
            if boxkeys::is(BoxCommand::NextField, &k) {
                self.focus = (self.focus + 1) % fields;
                return Outcome::Stay;
            }
            if boxkeys::is(BoxCommand::PreviousField, &k) {
                self.focus = (self.focus + fields - 1) % fields;
                return Outcome::Stay;
            }
            if self.focus != TEXT && !boxkeys::is(BoxCommand::Save, &k) {
                if boxkeys::is(BoxCommand::Next, &k) || boxkeys::is(BoxCommand::Cycle, &k) {
                    self.change(true);
                } else if boxkeys::is(BoxCommand::Previous, &k) {
                    self.change(false);
                }
                return Outcome::Stay;
            }
        }
        match (boxkeys::resolve(BoxContext::Note, &k), k.code) {
            (Some(BoxCommand::Save), _) => {
                let text = self.text();
                if text.is_empty() {
                    return Outcome::Close;
                }
                self.saving = true;
                let note = NewNote {
                    text,
                    kind: self.kind,
                    meeting: self.chosen().map(|m| m.code.clone()),
                };
                return Outcome::Run(Effect::Save {
                    edits: vec![Edit {
                        plan: self.plan.clone(),
                        action: self.action.clone(),
                        seen: Some(self.seen),
                    }],
                    note: Some(note),
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
        !self.saving && self.focus == TEXT
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        if self.saving || self.focus != TEXT {
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
