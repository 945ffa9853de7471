//! Bulk edits: the marked actions (`x`) get their due dates shifted and/or a status
//! in one save (`b`), which one undo takes back.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::ActionStatus;
use crate::domain::input::parse_date;
use crate::i18n::{Lang, T};

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bulk {
    pub ids: Vec<i64>,
    /// A shift of each due date (`+2w`, `-3d`, `+1m`) or one date for all.
    pub shift: String,
    /// `None`: each keeps its status.
    pub status: Option<ActionStatus>,
    /// A pilot organisation for all, from a few letters (empty: each keeps its own).
    pub pilot: String,
    /// A theme code for all (`None`: each keeps its own).
    pub theme: Option<String>,
    /// 0: the shift, 1: the status, 2: the pilot, 3: the theme.
    pub focus: usize,
    pub error: Option<String>,
    pub saving: bool,
}

impl Bulk {
    pub fn new(ids: Vec<i64>) -> Bulk {
        Bulk {
            ids,
            shift: String::new(),
            status: None,
            pilot: String::new(),
            theme: None,
            focus: 0,
            error: None,
            saving: false,
        }
    }

    pub fn key(
        &mut self,
        k: KeyEvent,
        today: chrono::NaiveDate,
        lang: Lang,
        dir: &crate::store::read::Directory,
    ) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        let key = boxkeys::resolve(BoxContext::Fields, &k);
        let step = match key {
            Some(BoxCommand::Next | BoxCommand::Cycle) => 1,
            Some(BoxCommand::Previous) => -1,
            _ => 0,
        };
        match (key, k.code) {
            (Some(BoxCommand::Cancel), _) => return Outcome::Close,
            (Some(BoxCommand::NextField), _) => self.focus = (self.focus + 1) % 4,
            (Some(BoxCommand::PreviousField), _) => self.focus = (self.focus + 3) % 4,
            (Some(BoxCommand::Confirm), _) => {
                let shift = Some(self.shift.trim().to_string()).filter(|s| !s.is_empty());
                if let Some(s) = &shift
                    && parse_date(s, today).is_err()
                {
                    self.error = Some(lang.t(T::TuiBadDate).to_string());
                    self.focus = 0;
                    return Outcome::Stay;
                }
                let pilot = match self.pilot.trim() {
                    "" => None,
                    typed => match super::lookup::organisation_code(typed, dir) {
                        Some(code) => Some(code),
                        None => {
                            self.error = Some(lang.t(T::TuiNoSuchOrg).to_string());
                            self.focus = 2;
                            return Outcome::Stay;
                        }
                    },
                };
                if shift.is_none()
                    && self.status.is_none()
                    && pilot.is_none()
                    && self.theme.is_none()
                {
                    return Outcome::Close;
                }
                self.saving = true;
                return Outcome::Run(Effect::BulkSave {
                    ids: self.ids.clone(),
                    shift,
                    status: self.status,
                    pilot,
                    theme: self.theme.clone(),
                });
            }
            _ if self.focus == 3 => {
                let mut options: Vec<Option<String>> = vec![None];
                options.extend(dir.themes.iter().map(|t| Some(t.code.clone())));
                let i = options.iter().position(|t| *t == self.theme).unwrap_or(0) as isize;
                self.theme =
                    options[(i + step).rem_euclid(options.len() as isize) as usize].clone();
            }
            _ if self.focus == 1 => {
                let mut options: Vec<Option<ActionStatus>> = vec![None];
                options.extend(ActionStatus::ALL.iter().copied().map(Some));
                let i = options.iter().position(|s| *s == self.status).unwrap_or(0) as isize;
                self.status = options[(i + step).rem_euclid(options.len() as isize) as usize];
            }
            (_, KeyCode::Backspace) => {
                let text = if self.focus == 2 {
                    &mut self.pilot
                } else {
                    &mut self.shift
                };
                text.pop();
                self.error = None;
            }
            (_, KeyCode::Char(c))
                if !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                let text = if self.focus == 2 {
                    &mut self.pilot
                } else {
                    &mut self.shift
                };
                text.push(c);
                self.error = None;
            }
            _ => {}
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for Bulk {
    fn takes_text(&self) -> bool {
        !self.saving && matches!(self.focus, 0 | 2)
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        match self.focus {
            _ if self.saving => None,
            0 => Some((0, F::Line(&mut self.shift))),
            2 => Some((2, F::Line(&mut self.pilot))),
            _ => None,
        }
    }

    fn took_text(&mut self) {
        self.error = None;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Bulk {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang, cx.dir)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    /// What was marked was saved: the marks go with the box.
    fn saved(
        &mut self,
        _first: Option<(&crate::domain::Action, crate::store::edit::Seen)>,
    ) -> super::boxes::AfterSave {
        super::boxes::AfterSave {
            close: true,
            clear_marks: true,
            select: None,
        }
    }

    /// Nothing was written: the lists reload to show why.
    fn conflicted(
        &mut self,
        _conflicts: Vec<crate::store::edit::Conflict>,
    ) -> super::boxes::AfterConflict {
        super::boxes::AfterConflict::Close
    }

    fn refused(&mut self, why: &str) {
        self.error = Some(why.to_string());
        self.saving = false;
    }
}
