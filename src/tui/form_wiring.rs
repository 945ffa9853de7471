//! How the action form is reached by the rest of the interface: the field editor
//! (`Fields`) and `update` (`BoxBehaviour`). Beside `form.rs`, which holds the form
//! itself and its keys.

use ratatui::crossterm::event::KeyEvent;

use crate::i18n::Lang;
use crate::store::edit::Conflict;

use super::boxes::{AfterConflict, BoxBehaviour, Ctx, Outcome};
use super::form::{Form, Id};

impl crate::tui::field::Fields for Form {
    fn takes_text(&self) -> bool {
        !matches!(
            self.field(),
            Id::Status | Id::Weather | Id::Theme | Id::Origin
        )
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        let (focus, id) = (self.focus, self.field());
        let text = self.text_mut(id)?;
        Some((
            focus,
            if id == Id::Progress {
                F::Number(text)
            } else {
                F::Line(text)
            },
        ))
    }

    fn took_text(&mut self) {
        match self.field() {
            Id::Organisation => {
                self.org_pick = 0;
                self.person_pick = 0;
            }
            Id::Person => self.person_pick = 0,
            _ => {}
        }
        let id = self.field();
        self.errors.retain(|(i, _)| *i != id);
    }
}

impl<O> BoxBehaviour<O> for Form {
    fn on_key(&mut self, k: KeyEvent, cx: &Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang, cx.dir)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, lang: Lang) -> bool {
        self.changed(lang)
    }

    fn conflicted(&mut self, conflicts: Vec<Conflict>) -> AfterConflict {
        self.saving = false;
        self.conflicts = Some(conflicts);
        AfterConflict::Shown
    }

    fn plan(&self) -> Option<&str> {
        Some(&self.plan)
    }

    /// The pilot's person or organisation.
    fn name_entry(&mut self, person: bool, code: &str) {
        if person {
            self.person = code.to_string();
            self.person_pick = 0;
        } else {
            self.organisation = code.to_string();
            self.org_pick = 0;
        }
        self.errors.clear();
    }
}
