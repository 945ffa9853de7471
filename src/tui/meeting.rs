//! A meeting to record (`R` on a territory or a plan): the body met (CTS, copil or
//! another, chosen), its day, its title and who attended. Its code is made by the
//! store from body, territory and day.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::MeetingBody;
use crate::domain::input::parse_date;
use crate::i18n::{Lang, T};
use crate::store::meetings::NewMeeting;

use super::boxes::{Outcome, esc_twice};
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::listbox::type_into;

/// The fields, in order: body, day, title, attendees.
pub const FIELDS: [T; 4] = [
    T::MtgFieldBody,
    T::MtgFieldDate,
    T::TuiFieldTitle,
    T::MtgFieldAttendees,
];

const BODY: usize = 0;
const DATE: usize = 1;
const TITLE: usize = 2;
const ATTENDEES: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeetingBox {
    /// The territory's code, and its name as shown.
    pub territory: String,
    pub territory_name: String,
    /// The plan the meeting is about, if it was recorded on one.
    pub plan: Option<String>,
    pub body: MeetingBody,
    /// The day, as typed (`today`, `03/12/2026`, `+7j`… as every date field).
    pub date: String,
    pub title: String,
    pub attendees: String,
    pub focus: usize,
    pub error: Option<(usize, String)>,
    #[serde(skip)]
    pub confirm_cancel: bool,
    #[serde(skip)]
    pub saving: bool,
}

impl MeetingBox {
    /// A copil of today, about `plan` if given; the title is typed first.
    pub fn new(
        territory: String,
        territory_name: String,
        plan: Option<String>,
        today: NaiveDate,
        lang: Lang,
    ) -> MeetingBox {
        MeetingBox {
            territory,
            territory_name,
            plan,
            body: MeetingBody::Copil,
            date: lang.date(today).to_string(),
            title: String::new(),
            attendees: String::new(),
            focus: TITLE,
            error: None,
            confirm_cancel: false,
            saving: false,
        }
    }

    /// Whether anything was typed (the day and body chosen alone are not worth a
    /// question).
    pub fn typed(&self) -> bool {
        !self.title.trim().is_empty() || !self.attendees.trim().is_empty()
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.focus {
            DATE => Some(&mut self.date),
            TITLE => Some(&mut self.title),
            ATTENDEES => Some(&mut self.attendees),
            _ => None,
        }
    }

    /// The meeting to write, or the field at fault and why.
    pub fn meeting(&self, today: NaiveDate, lang: Lang) -> Result<NewMeeting, (usize, String)> {
        let date = parse_date(&self.date, today)
            .map_err(|e| (DATE, lang.t(crate::i18n::date_input_error(&e)).to_string()))?;
        let title = self.title.trim();
        if title.is_empty() {
            return Err((TITLE, lang.t(T::TuiNeedTitle).to_string()));
        }
        Ok(NewMeeting {
            code: None,
            territory: self.territory.clone(),
            plan: self.plan.clone(),
            body: self.body,
            date,
            title: title.to_string(),
            attendees: Some(self.attendees.trim().to_string()).filter(|a| !a.is_empty()),
        })
    }

    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if let Some(outcome) = esc_twice(&k, self.typed(), &mut self.confirm_cancel) {
            return outcome;
        }
        let n = FIELDS.len();
        let key = boxkeys::resolve(BoxContext::Fields, &k);
        match key {
            Some(BoxCommand::NextField) => self.focus = (self.focus + 1) % n,
            Some(BoxCommand::PreviousField) => self.focus = (self.focus + n - 1) % n,
            Some(BoxCommand::Confirm) => {
                return match self.meeting(today, lang) {
                    Err(e) => {
                        self.focus = e.0;
                        self.error = Some(e);
                        Outcome::Stay
                    }
                    Ok(meeting) => {
                        self.error = None;
                        self.saving = true;
                        Outcome::Run(Effect::SaveMeeting(Box::new(meeting)))
                    }
                };
            }
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle)
                if self.focus == BODY =>
            {
                let all = MeetingBody::ALL;
                let step: isize = if key == Some(BoxCommand::Previous) {
                    -1
                } else {
                    1
                };
                let i = all.iter().position(|b| *b == self.body).unwrap_or(0) as isize;
                self.body = all[(i + step).rem_euclid(all.len() as isize) as usize];
            }
            _ => {
                if let Some(text) = self.text_mut() {
                    type_into(text, &k);
                }
                self.error = None;
            }
        }
        Outcome::Stay
    }
}

impl super::field::Fields for MeetingBox {
    fn takes_text(&self) -> bool {
        !self.saving && self.focus != BODY
    }

    fn text_field(&mut self) -> Option<(usize, super::field::Field<'_>)> {
        if self.saving {
            return None;
        }
        let focus = self.focus;
        let text = self.text_mut()?;
        Some((focus, super::field::Field::Line(text)))
    }

    fn took_text(&mut self) {
        self.error = None;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for MeetingBox {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: Lang) -> bool {
        self.typed()
    }

    /// Said next to the title.
    fn refused(&mut self, why: &str) {
        self.saving = false;
        self.error = Some((TITLE, why.to_string()));
    }
}
