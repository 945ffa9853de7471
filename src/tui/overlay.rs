//! The one box open over the screen, if any: what it holds, where its keys go, and
//! whether what was typed in it is worth keeping on disk as a draft.
//!
//! Every box that takes typing is serialisable as it is: the draft file beside the
//! database is the box itself, so a dropped SSH link loses nothing, whichever box was
//! open.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

use crate::domain::Action;
use crate::i18n::Lang;
use crate::store::edit::Seen;
use crate::store::read::Directory;

use super::budget::Budget;
use super::bulk::Bulk;
use super::create::NewAction;
use super::directory::DirectoryBox;
use super::field::{self, Field, Fields};
use super::form::Form;
use super::indicators::Indicators;
use super::milestones::Milestones;
use super::newplan::NewPlan;
use super::note::Note;
use super::partners::Partners;
use super::quick::{Outcome, Quick};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "box", rename_all = "snake_case")]
pub enum Overlay {
    /// The pilot's quick update (`m`).
    #[serde(rename = "update")]
    Quick(Box<Quick>),
    Form(Box<Form>),
    Milestones(Box<Milestones>),
    Budget(Box<Budget>),
    Partners(Box<Partners>),
    Indicators(Box<Indicators>),
    Note(Box<Note>),
    NewPlan(Box<NewPlan>),
    NewAction(Box<NewAction>),
    /// Territories, organisations and people.
    Directory(Box<DirectoryBox>),
    #[serde(skip)]
    Bulk(Box<Bulk>),
    /// An action about to be deleted, waiting for the confirming key.
    #[serde(skip)]
    Delete {
        plan: String,
        action: Box<Action>,
        seen: Seen,
    },
}

impl Overlay {
    /// What a key does in the box. The delete confirmation is not a box to type in
    /// and is answered by `update`.
    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang, dir: &Directory) -> Outcome {
        match self {
            Overlay::Quick(q) => q.key(k, today, lang),
            Overlay::Form(f) => f.key(k, today, lang, dir),
            Overlay::Milestones(b) => b.key(k, today, lang),
            Overlay::Budget(b) => b.key(k, today, lang, dir),
            Overlay::Partners(b) => b.key(k, lang, dir),
            Overlay::Indicators(b) => b.key(k, today, lang),
            Overlay::Note(n) => n.key(k),
            Overlay::NewPlan(p) => p.key(k, today, lang, dir),
            Overlay::NewAction(c) => c.key(k, lang, dir),
            Overlay::Directory(d) => d.key(k, lang, dir),
            Overlay::Bulk(b) => b.key(k, today, lang, dir),
            Overlay::Delete { .. } => Outcome::Stay,
        }
    }

    /// The field with the focus in the box, if text goes into it, with its place.
    pub fn text_field(&mut self) -> Option<(usize, Field<'_>)> {
        let takes = self.takes_text();
        let field = match self {
            Overlay::Quick(q) => q.text_field(),
            Overlay::Form(f) => f.text_field(),
            Overlay::Milestones(b) => b.text_field(),
            Overlay::Budget(b) => b.text_field(),
            Overlay::Partners(b) => b.text_field(),
            Overlay::Indicators(b) => b.text_field(),
            Overlay::Note(n) => n.text_field(),
            Overlay::NewPlan(p) => p.text_field(),
            Overlay::NewAction(c) => c.text_field(),
            Overlay::Directory(d) => d.text_field(),
            Overlay::Bulk(b) => b.text_field(),
            Overlay::Delete { .. } => None,
        };
        // The read-only question and the field itself must agree in every box.
        debug_assert_eq!(
            takes,
            field.is_some(),
            "takes_text disagrees with text_field"
        );
        field
    }

    /// Whether the field with the focus takes text, asked without changing the box
    /// (the footer says the field keys only then).
    pub fn takes_text(&self) -> bool {
        match self {
            Overlay::Quick(q) => q.takes_text(),
            Overlay::Form(f) => f.takes_text(),
            Overlay::Milestones(b) => b.takes_text(),
            Overlay::Budget(b) => b.takes_text(),
            Overlay::Partners(b) => b.takes_text(),
            Overlay::Indicators(b) => b.takes_text(),
            Overlay::Note(n) => n.takes_text(),
            Overlay::NewPlan(p) => p.takes_text(),
            Overlay::NewAction(c) => c.takes_text(),
            Overlay::Directory(d) => d.takes_text(),
            Overlay::Bulk(b) => b.takes_text(),
            Overlay::Delete { .. } => false,
        }
    }

    /// Text went into the focused field other than by a key.
    fn took_text(&mut self) {
        match self {
            Overlay::Quick(q) => q.took_text(),
            Overlay::Form(f) => f.took_text(),
            Overlay::Milestones(b) => b.took_text(),
            Overlay::Budget(b) => b.took_text(),
            Overlay::Partners(b) => b.took_text(),
            Overlay::Indicators(b) => b.took_text(),
            Overlay::Note(n) => n.took_text(),
            Overlay::NewPlan(p) => p.took_text(),
            Overlay::NewAction(c) => c.took_text(),
            Overlay::Directory(d) => d.took_text(),
            Overlay::Bulk(b) => b.took_text(),
            Overlay::Delete { .. } => {}
        }
    }

    /// Pasted text (or the line break of a burst of keys) goes into the focused
    /// field as text. `None` when no field of the box takes text where the focus
    /// is; else whether the field changed.
    pub fn paste(&mut self, text: &str) -> Option<bool> {
        let (_, f) = self.text_field()?;
        let changed = field::paste(f, text);
        if changed {
            self.took_text();
        }
        Some(changed)
    }

    /// Whether the box holds typing that would be lost if the program ended now.
    pub fn worth_keeping(&self, lang: Lang) -> bool {
        match self {
            Overlay::Quick(q) => q.changed(),
            Overlay::Form(f) => f.changed(lang),
            Overlay::Milestones(b) => b.typed(),
            Overlay::Budget(b) => b.typed(),
            Overlay::Partners(b) => b.typed(),
            Overlay::Indicators(b) => b.typed(),
            Overlay::Note(n) => !n.text().is_empty(),
            Overlay::NewPlan(p) => p.changed(),
            Overlay::NewAction(c) => c.changed(),
            Overlay::Directory(d) => {
                d.typed() || d.asked_by.as_ref().is_some_and(|o| o.worth_keeping(lang))
            }
            Overlay::Bulk(_) | Overlay::Delete { .. } => false,
        }
    }

    /// The boxes of an action's lists reload the screen beneath when they close: each
    /// of their changes was saved at once.
    pub fn reloads_on_close(&self) -> bool {
        matches!(
            self,
            Overlay::Milestones(_)
                | Overlay::Budget(_)
                | Overlay::Partners(_)
                | Overlay::Indicators(_)
                | Overlay::Directory(_)
        )
    }

    /// The box's action was saved: the list boxes show it as it is now and stay open.
    pub fn refresh(&mut self, action: &Action, seen: Seen) {
        match self {
            Overlay::Milestones(b) => b.refresh(action.clone(), seen),
            Overlay::Budget(b) => b.refresh(action.clone(), seen),
            Overlay::Partners(b) => b.refresh(action.clone(), seen),
            Overlay::Indicators(b) => b.refresh(action.clone(), seen),
            _ => {}
        }
    }

    /// Someone else saved the action first: the box shows their version, and what
    /// the user was typing stays, to be saved onto it.
    pub fn rebase(&mut self, action: &Action, seen: Seen) {
        match self {
            Overlay::Milestones(b) => b.rebase(action.clone(), seen),
            Overlay::Budget(b) => b.rebase(action.clone(), seen),
            Overlay::Partners(b) => b.rebase(action.clone(), seen),
            Overlay::Indicators(b) => b.rebase(action.clone(), seen),
            Overlay::Note(n) => {
                n.action = action.clone();
                n.seen = seen;
            }
            _ => {}
        }
    }

    /// A save came back refused: the box may be typed in again.
    pub fn unblock(&mut self) {
        match self {
            Overlay::Quick(q) => q.saving = false,
            Overlay::Form(f) => f.saving = false,
            Overlay::Milestones(b) => b.saving = false,
            Overlay::Budget(b) => b.saving = false,
            Overlay::Partners(b) => b.saving = false,
            Overlay::Indicators(b) => b.saving = false,
            Overlay::Note(n) => n.saving = false,
            Overlay::NewPlan(p) => p.saving = false,
            Overlay::NewAction(c) => c.saving = false,
            Overlay::Directory(d) => d.saving = false,
            Overlay::Bulk(b) => b.saving = false,
            Overlay::Delete { .. } => {}
        }
    }
}

/// Read access to each kind of box, for the view and the tests.
macro_rules! getter {
    ($name:ident, $variant:ident, $ty:ty) => {
        pub fn $name(&self) -> Option<&$ty> {
            match &self.overlay {
                Some(Overlay::$variant(b)) => Some(b),
                _ => None,
            }
        }
    };
}

impl super::model::Model {
    getter!(quick, Quick, Quick);
    getter!(form, Form, Form);
    getter!(milestones, Milestones, Milestones);
    getter!(budget, Budget, Budget);
    getter!(partners, Partners, Partners);
    getter!(indicators, Indicators, Indicators);
    getter!(note, Note, Note);
    getter!(newplan, NewPlan, NewPlan);
    getter!(create, NewAction, NewAction);
    getter!(directory_box, Directory, DirectoryBox);
    getter!(bulk, Bulk, Bulk);

    /// The action waiting for the key that confirms its deletion.
    pub fn confirm_delete(&self) -> Option<(&str, &Action)> {
        match &self.overlay {
            Some(Overlay::Delete { plan, action, .. }) => Some((plan, action)),
            _ => None,
        }
    }
}
