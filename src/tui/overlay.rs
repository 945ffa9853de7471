//! The one box open over the screen, if any: which kind it is, and the one match
//! (`each_box!`) that reaches it as its behaviour (`BoxBehaviour`, in `boxes.rs`).
//! A new box is a variant here and a line in that match.
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

use super::boxes::{BoxBehaviour, Ctx, Outcome};
use super::budget::Budget;
use super::bulk::Bulk;
use super::create::NewAction;
use super::directory::DirectoryBox;
use super::effect::BoxKind;
use super::field::{self, Field};
use super::form::Form;
use super::indicators::Indicators;
use super::meeting::MeetingBox;
use super::milestones::Milestones;
use super::newplan::NewPlan;
use super::note::Note;
use super::partners::Partners;
use super::quick::Quick;

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
    Directory(Box<DirectoryBox<Overlay>>),
    #[serde(skip)]
    Bulk(Box<Bulk>),
    /// A meeting to record (`R`).
    Meeting(Box<MeetingBox>),
    /// An action about to be deleted, waiting for the confirming key.
    #[serde(skip)]
    Delete {
        plan: String,
        action: Box<Action>,
        seen: Seen,
    },
}

/// The one match that knows every kind of box: `$e` with `$b` bound to the box,
/// `None` for the delete confirmation.
macro_rules! each_box {
    ($o:expr, $b:ident => $e:expr) => {
        match $o {
            Overlay::Quick($b) => Some($e),
            Overlay::Form($b) => Some($e),
            Overlay::Milestones($b) => Some($e),
            Overlay::Budget($b) => Some($e),
            Overlay::Partners($b) => Some($e),
            Overlay::Indicators($b) => Some($e),
            Overlay::Note($b) => Some($e),
            Overlay::NewPlan($b) => Some($e),
            Overlay::NewAction($b) => Some($e),
            Overlay::Directory($b) => Some($e),
            Overlay::Bulk($b) => Some($e),
            Overlay::Meeting($b) => Some($e),
            Overlay::Delete { .. } => None,
        }
    };
}

impl Overlay {
    /// The box, as its behaviour. `None` for the delete confirmation, which is not
    /// a box to type in and is answered by `update`.
    pub fn as_box(&self) -> Option<&dyn BoxBehaviour<Overlay>> {
        each_box!(self, b => &**b as &dyn BoxBehaviour<Overlay>)
    }

    /// The box, as its behaviour, to change it (see `as_box`).
    pub fn as_box_mut(&mut self) -> Option<&mut dyn BoxBehaviour<Overlay>> {
        each_box!(self, b => &mut **b as &mut dyn BoxBehaviour<Overlay>)
    }

    /// The box that works on one action, as opened by `kind`.
    pub fn open(kind: BoxKind, plan: String, action: Action, seen: Seen, lang: Lang) -> Overlay {
        match kind {
            BoxKind::Quick => Overlay::Quick(Box::new(Quick::new(plan, action, seen))),
            BoxKind::Form => Overlay::Form(Box::new(Form::new(plan, action, seen, lang))),
            BoxKind::Milestones => {
                Overlay::Milestones(Box::new(Milestones::new(plan, action, seen)))
            }
            BoxKind::Budget => Overlay::Budget(Box::new(Budget::new(plan, action, seen))),
            BoxKind::Partners => Overlay::Partners(Box::new(Partners::new(plan, action, seen))),
            BoxKind::Indicators => {
                Overlay::Indicators(Box::new(Indicators::new(plan, action, seen)))
            }
            BoxKind::Note => Overlay::Note(Box::new(Note::new(plan, action, seen))),
            BoxKind::Decision => {
                Overlay::Note(Box::new(Note::decision(plan, action, seen, vec![])))
            }
            BoxKind::Delete => Overlay::Delete {
                plan,
                action: Box::new(action),
                seen,
            },
        }
    }

    /// What a key does in the box.
    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang, dir: &Directory) -> Outcome {
        match self.as_box_mut() {
            Some(b) => b.on_key(k, &Ctx { today, lang, dir }),
            None => Outcome::Stay,
        }
    }

    /// The field with the focus in the box, if text goes into it, with its place.
    pub fn text_field(&mut self) -> Option<(usize, Field<'_>)> {
        let takes = self.takes_text();
        let field = self.as_box_mut().and_then(|b| b.text_field());
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
        self.as_box().is_some_and(|b| b.takes_text())
    }

    /// Pasted text (or the line break of a burst of keys) goes into the focused
    /// field as text. `None` when no field of the box takes text where the focus
    /// is; else whether the field changed.
    pub fn paste(&mut self, text: &str) -> Option<bool> {
        let (_, f) = self.text_field()?;
        let changed = field::paste(f, text);
        if changed && let Some(b) = self.as_box_mut() {
            b.took_text();
        }
        Some(changed)
    }

    /// Whether the box holds typing that would be lost if the program ended now
    /// (its own, or the box's that asked for it).
    pub fn worth_keeping(&self, lang: Lang) -> bool {
        self.as_box().is_some_and(|b| {
            b.worth_keeping(lang) || b.asker().is_some_and(|o| o.worth_keeping(lang))
        })
    }

    /// The boxes of an action's lists reload the screen beneath when they close: each
    /// of their changes was saved at once.
    pub fn reloads_on_close(&self) -> bool {
        self.as_box().is_some_and(|b| b.reloads_on_close())
    }

    /// A save came back refused: the box may be typed in again.
    pub fn unblock(&mut self) {
        if let Some(b) = self.as_box_mut() {
            b.unblock();
        }
    }
}
