//! The pilot's path: status, progress and a note for one action, from a list or a
//! detail, in a few keys and without a full form. Pure: keys in, effects out.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::input::parse_progress;
use crate::domain::{Action, ActionStatus};
use crate::i18n::{Lang, T, status_label};
use crate::store::edit::{Conflict, Edit, Seen};

use super::listbox::{type_into, type_number};
use super::msg::Effect;

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Status,
    Progress,
    Note,
}

/// The popup's state: the action as opened, and what the user typed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quick {
    pub plan: String,
    pub original: Action,
    pub seen: Seen,
    pub status: ActionStatus,
    pub progress: String,
    pub note: String,
    pub field: Field,
    /// A value refused, said next to the fields; the text stays as typed.
    pub error: Option<(Field, String)>,
    /// Someone else saved first: what they changed, and the action as it is now.
    #[serde(skip)]
    pub conflicts: Option<Vec<Conflict>>,
    /// Esc was pressed once with something typed: a second Esc drops it.
    #[serde(skip)]
    pub confirm_cancel: bool,
    /// A save is on its way.
    #[serde(skip)]
    pub saving: bool,
}

/// Esc with something typed asks once more (`asked`); any other key forgets the
/// question. `Some` when the key was Esc: stay (asked) or close.
pub fn esc_twice(k: &KeyEvent, changed: bool, asked: &mut bool) -> Option<Outcome> {
    if k.code != KeyCode::Esc {
        *asked = false;
        return None;
    }
    if changed && !*asked {
        *asked = true;
        return Some(Outcome::Stay);
    }
    Some(Outcome::Close)
}

/// What a key means while a save refused for someone else's change is shown.
pub enum OnConflict {
    /// `r`: put the user's values onto the action as it is now (and its version).
    Reapply(Box<Action>, Seen),
    /// Esc or `d`: drop them.
    Drop,
    Stay,
}

pub fn on_conflict(conflicts: &[Conflict], k: &KeyEvent) -> OnConflict {
    match (k.code, conflicts.first()) {
        (KeyCode::Char('r') | KeyCode::Char('R'), Some(c)) => {
            OnConflict::Reapply(Box::new(c.current.clone()), c.current_seen)
        }
        (KeyCode::Char('r') | KeyCode::Char('R'), None)
        | (KeyCode::Esc | KeyCode::Char('d'), _) => OnConflict::Drop,
        _ => OnConflict::Stay,
    }
}

/// What a key in the popup leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Stay,
    Close,
    Run(Effect),
    /// `Ctrl-N` on a pilot, partner or funder: the directory's entry box, prefilled
    /// with the name typed (a person of `person_of`), over this box.
    NewEntry {
        name: String,
        person_of: Option<String>,
    },
}

fn progress_text(p: Option<u8>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

impl Quick {
    pub fn new(plan: String, action: Action, seen: Seen) -> Quick {
        Quick {
            plan,
            status: action.status,
            progress: progress_text(action.progress),
            note: String::new(),
            original: action,
            seen,
            field: Field::Status,
            error: None,
            conflicts: None,
            confirm_cancel: false,
            saving: false,
        }
    }

    pub fn changed(&self) -> bool {
        self.status != self.original.status
            || self.progress.trim() != progress_text(self.original.progress)
            || !self.note.trim().is_empty()
    }

    /// The user's changes applied onto `base` (the action as opened, or as someone
    /// else left it): only the fields the user touched, plus what they imply.
    pub fn apply_to(
        &self,
        base: &Action,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<Action, (Field, String)> {
        let mut a = base.clone();
        if self.status != self.original.status {
            a.status = self.status;
        }
        if self.progress.trim() != progress_text(self.original.progress) {
            a.progress = if self.progress.trim().is_empty() {
                None
            } else {
                Some(
                    parse_progress(&self.progress)
                        .map_err(|_| (Field::Progress, lang.t(T::TuiBadProgress).to_string()))?,
                )
            };
        }
        // Done needs its day (proposed: today) and is complete; any other status
        // has no done day.
        if a.status == ActionStatus::Done {
            a.done_on = a.done_on.or(Some(today));
            if a.progress.is_none() {
                a.progress = Some(100);
            }
        } else {
            a.done_on = None;
        }
        Ok(a)
    }

    /// The save to run, or why not.
    fn save(&mut self, today: NaiveDate, lang: Lang, base: &Action, seen: Seen) -> Outcome {
        match self.apply_to(base, today, lang) {
            Err(e) => {
                self.field = e.0;
                self.error = Some(e);
                Outcome::Stay
            }
            Ok(action) => {
                let note = Some(self.note.trim().to_string()).filter(|n| !n.is_empty());
                if action == *base && note.is_none() {
                    return Outcome::Close;
                }
                self.error = None;
                self.saving = true;
                Outcome::Run(Effect::Save {
                    edits: vec![Edit {
                        plan: self.plan.clone(),
                        action,
                        seen: Some(seen),
                    }],
                    note,
                })
            }
        }
    }

    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if let Some(conflicts) = &self.conflicts {
            return match on_conflict(conflicts, &k) {
                OnConflict::Reapply(base, seen) => {
                    self.conflicts = None;
                    self.save(today, lang, &base, seen)
                }
                OnConflict::Drop => Outcome::Close,
                OnConflict::Stay => Outcome::Stay,
            };
        }
        if let Some(outcome) = esc_twice(&k, self.changed(), &mut self.confirm_cancel) {
            return outcome;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Enter => {
                let (base, seen) = (self.original.clone(), self.seen);
                return self.save(today, lang, &base, seen);
            }
            KeyCode::Char('s') if ctrl => {
                let (base, seen) = (self.original.clone(), self.seen);
                return self.save(today, lang, &base, seen);
            }
            KeyCode::Tab | KeyCode::Down => self.field = next(self.field, 1),
            KeyCode::BackTab | KeyCode::Up => self.field = next(self.field, -1),
            _ => match self.field {
                Field::Status => self.status_key(k),
                Field::Progress => self.progress_key(k),
                Field::Note => {
                    type_into(&mut self.note, &k);
                }
            },
        }
        if self.error.as_ref().is_some_and(|(f, _)| *f == self.field)
            && self.field == Field::Progress
        {
            // The message stays until the value is right again.
            if parse_progress(&self.progress).is_ok() || self.progress.trim().is_empty() {
                self.error = None;
            }
        }
        Outcome::Stay
    }

    fn status_key(&mut self, k: KeyEvent) {
        let all = ActionStatus::ALL;
        let i = all.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = all.len();
        let before = self.status;
        match k.code {
            KeyCode::Right | KeyCode::Char(' ') => self.status = all[(i + 1) % n],
            KeyCode::Left => self.status = all[(i + n - 1) % n],
            _ => {}
        }
        // Done is complete: show it before saving; leaving done restores the value.
        let untouched = progress_text(self.original.progress);
        if self.status == ActionStatus::Done && self.progress.trim() == untouched {
            self.progress = "100".into();
        } else if before == ActionStatus::Done
            && self.status != ActionStatus::Done
            && self.progress == "100"
        {
            self.progress = untouched;
        }
    }

    fn progress_key(&mut self, k: KeyEvent) {
        let current = parse_progress(&self.progress).unwrap_or(0);
        match k.code {
            KeyCode::Right => self.progress = (current.saturating_add(10)).min(100).to_string(),
            KeyCode::Left => self.progress = current.saturating_sub(10).to_string(),
            _ => {
                type_number(&mut self.progress, &k);
            }
        }
    }

    /// The status line shown in the popup: `◂ En cours ▸`.
    pub fn status_text(&self, lang: Lang) -> String {
        format!("◂ {} ▸", status_label(lang, self.status))
    }

    /// What saving would do to the done day, shown before saving.
    pub fn done_hint(&self, lang: Lang, today: NaiveDate) -> Option<String> {
        (self.status == ActionStatus::Done).then(|| {
            let day = self.original.done_on.unwrap_or(today);
            format!("{} {}", lang.t(T::TuiDoneOn), lang.date(day))
        })
    }
}

impl crate::tui::field::Fields for Quick {
    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        match self.field {
            Field::Status => None,
            Field::Progress => Some((1, F::Number(&mut self.progress))),
            Field::Note => Some((2, F::Line(&mut self.note))),
        }
    }

    fn took_text(&mut self) {
        if self.error.as_ref().is_some_and(|(f, _)| *f == self.field) {
            self.error = None;
        }
    }
}

fn next(f: Field, delta: i32) -> Field {
    const ORDER: [Field; 3] = [Field::Status, Field::Progress, Field::Note];
    let i = ORDER.iter().position(|x| *x == f).unwrap_or(0) as i32;
    ORDER[(i + delta).rem_euclid(3) as usize]
}
