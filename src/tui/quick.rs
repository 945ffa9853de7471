//! The pilot's path: status, progress, weather, done day and a note for one action,
//! from a list or a detail, in a few keys and without a full form (`m d Enter` marks
//! it done). Pure: keys in, effects out.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

use crate::domain::input::{parse_date, parse_progress};
use crate::domain::{Action, ActionStatus, Weather, rules};
use crate::i18n::{Lang, T, status_label};
use crate::store::edit::{Conflict, Edit, Seen};

use super::boxes::{OnConflict, Outcome, esc_twice, on_conflict};
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::listbox::{type_into, type_number};

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Status,
    Progress,
    Note,
    Weather,
    /// The done day: a stop of `Tab` only when the status is done.
    Done,
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
    #[serde(default)]
    pub weather: Option<Weather>,
    /// The done day as typed; empty: the day proposed (the one it had, or today).
    #[serde(default)]
    pub done: String,
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
            weather: action.weather,
            done: String::new(),
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
            || self.weather != self.original.weather
            || !self.done.trim().is_empty()
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
        if self.weather != self.original.weather {
            a.weather = self.weather;
        }
        // Done needs its day (proposed: the one it had, or today) and is complete;
        // any other status has no done day.
        let day = if a.status == ActionStatus::Done && !self.done.trim().is_empty() {
            Some(
                parse_date(&self.done, today)
                    .map_err(|_| (Field::Done, lang.t(T::TuiBadDate).to_string()))?,
            )
        } else {
            a.done_on
        };
        (a.done_on, a.progress) = rules::done_day_and_progress(a.status, day, a.progress, today);
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
                let note = Some(self.note.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .map(super::effect::NewNote::note);
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
        match boxkeys::resolve(BoxContext::Quick, &k) {
            Some(BoxCommand::Confirm | BoxCommand::Save) => {
                let (base, seen) = (self.original.clone(), self.seen);
                return self.save(today, lang, &base, seen);
            }
            Some(BoxCommand::NextField) => self.field = self.next(1),
            Some(BoxCommand::PreviousField) => self.field = self.next(-1),
            // Done in one key wherever letters are not text.
            Some(BoxCommand::Done)
                if !ctrl
                    && matches!(self.field, Field::Status | Field::Progress | Field::Weather) =>
            {
                self.set_status(ActionStatus::Done);
            }
            _ => match self.field {
                Field::Status => self.status_key(k),
                Field::Progress => self.progress_key(k),
                Field::Weather => self.weather_key(k),
                Field::Note => {
                    type_into(&mut self.note, &k);
                }
                Field::Done => {
                    type_into(&mut self.done, &k);
                }
            },
        }
        // The message stays until the value is right again.
        let fixed = match self.error.as_ref().map(|(f, _)| *f) {
            Some(Field::Progress) => {
                parse_progress(&self.progress).is_ok() || self.progress.trim().is_empty()
            }
            Some(Field::Done) => {
                self.done.trim().is_empty() || parse_date(&self.done, today).is_ok()
            }
            _ => false,
        };
        if fixed {
            self.error = None;
        }
        Outcome::Stay
    }

    fn weather_key(&mut self, k: KeyEvent) {
        const ALL: [Option<Weather>; 4] = [
            None,
            Some(Weather::Green),
            Some(Weather::Orange),
            Some(Weather::Red),
        ];
        let i = ALL.iter().position(|w| *w == self.weather).unwrap_or(0);
        match boxkeys::resolve(BoxContext::Quick, &k) {
            Some(BoxCommand::Next | BoxCommand::Cycle) => self.weather = ALL[(i + 1) % 4],
            Some(BoxCommand::Previous) => self.weather = ALL[(i + 3) % 4],
            _ => {}
        }
    }

    /// The next field `delta` away; the done day only when the status is done.
    fn next(&self, delta: i32) -> Field {
        let order: &[Field] = if self.status == ActionStatus::Done {
            &ORDER
        } else {
            &ORDER[..4]
        };
        let n = order.len() as i32;
        let i = order.iter().position(|x| *x == self.field).unwrap_or(0) as i32;
        order[(i + delta).rem_euclid(n) as usize]
    }

    fn status_key(&mut self, k: KeyEvent) {
        let all = ActionStatus::ALL;
        let i = all.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = all.len();
        match boxkeys::resolve(BoxContext::Quick, &k) {
            Some(BoxCommand::Next | BoxCommand::Cycle) => self.set_status(all[(i + 1) % n]),
            Some(BoxCommand::Previous) => self.set_status(all[(i + n - 1) % n]),
            _ => {}
        }
    }

    fn set_status(&mut self, status: ActionStatus) {
        let before = self.status;
        self.status = status;
        // Done is complete: show it before saving; leaving done restores the value.
        let untouched = progress_text(self.original.progress);
        let complete = rules::COMPLETE.to_string();
        if self.status == ActionStatus::Done && self.progress.trim() == untouched {
            self.progress = complete;
        } else if before == ActionStatus::Done
            && self.status != ActionStatus::Done
            && self.progress == complete
        {
            self.progress = untouched;
        }
    }

    fn progress_key(&mut self, k: KeyEvent) {
        let current = parse_progress(&self.progress).unwrap_or(0);
        match boxkeys::resolve(BoxContext::Quick, &k) {
            Some(BoxCommand::Next) => {
                self.progress = (current.saturating_add(10)).min(100).to_string()
            }
            Some(BoxCommand::Previous) => self.progress = current.saturating_sub(10).to_string(),
            _ => {
                type_number(&mut self.progress, &k);
            }
        }
    }

    /// The status line shown in the popup: `◂ En cours ▸`.
    pub fn status_text(&self, lang: Lang) -> String {
        format!("◂ {} ▸", status_label(lang, self.status))
    }

    /// The done day shown: as typed, else the day saving would write (the one it
    /// had, or today) while the status is done; `None` when not done.
    pub fn done_text(&self, lang: Lang, today: NaiveDate) -> Option<String> {
        (self.status == ActionStatus::Done).then(|| {
            if self.done.is_empty() {
                lang.date(self.original.done_on.unwrap_or(today))
            } else {
                self.done.clone()
            }
        })
    }
}

/// `Tab` order: the note stays two `Tab`s from the status (`m → → Tab Tab note`).
const ORDER: [Field; 5] = [
    Field::Status,
    Field::Progress,
    Field::Note,
    Field::Weather,
    Field::Done,
];

impl crate::tui::field::Fields for Quick {
    fn takes_text(&self) -> bool {
        !matches!(self.field, Field::Status | Field::Weather)
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        match self.field {
            Field::Status | Field::Weather => None,
            Field::Progress => Some((1, F::Number(&mut self.progress))),
            Field::Note => Some((2, F::Line(&mut self.note))),
            Field::Done => Some((4, F::Line(&mut self.done))),
        }
    }

    fn took_text(&mut self) {
        if self.error.as_ref().is_some_and(|(f, _)| *f == self.field) {
            self.error = None;
        }
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Quick {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: Lang) -> bool {
        self.changed()
    }

    fn conflicted(&mut self, conflicts: Vec<Conflict>) -> super::boxes::AfterConflict {
        self.saving = false;
        self.conflicts = Some(conflicts);
        super::boxes::AfterConflict::Shown
    }

    /// Said next to the field with the focus.
    fn refused(&mut self, why: &str) {
        self.error = Some((self.field, why.to_string()));
        self.saving = false;
    }
}
