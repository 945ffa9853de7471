//! What the boxes of an action's lists (milestones, budget lines, partners,
//! indicators) share: the action as read, the chosen row, the entry being typed, the
//! removal asked once and confirmed with another key, and each change saved at once
//! as one undoable save of the action.

use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

use crate::domain::Action;
use crate::store::edit::{Edit, Seen};

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
pub use super::field::{type_into, type_number};

/// The list of an action a box edits, named by the type of the entry typed in it.
pub trait Listed {
    type Item;
    fn list(a: &Action) -> &Vec<Self::Item>;
    fn list_mut(a: &mut Action) -> &mut Vec<Self::Item>;
}

/// `listed!(Entry, Milestone, milestones)`: a box typing `Entry` edits the
/// action's `milestones`.
macro_rules! listed {
    ($entry:ty, $item:ty, $field:ident) => {
        impl $crate::tui::listbox::Listed for $entry {
            type Item = $item;
            fn list(a: &$crate::domain::Action) -> &Vec<$item> {
                &a.$field
            }
            fn list_mut(a: &mut $crate::domain::Action) -> &mut Vec<$item> {
                &mut a.$field
            }
        }
    };
}
pub(crate) use listed;

/// The box behaviour every list box shares, inside its `BoxBehaviour` impl: each
/// change is saved at once (the screen beneath reloads on close), the box stays
/// open to show the action as saved, and a conflict shows theirs with the typing
/// kept.
macro_rules! list_box_behaviour {
    () => {
        fn unblock(&mut self) {
            self.saving = false;
        }

        fn worth_keeping(&self, _lang: $crate::i18n::Lang) -> bool {
            self.typed()
        }

        fn reloads_on_close(&self) -> bool {
            true
        }

        fn refresh(&mut self, action: &$crate::domain::Action, seen: $crate::store::edit::Seen) {
            $crate::tui::listbox::ListBox::refresh(self, action.clone(), seen)
        }

        fn rebase(&mut self, action: &$crate::domain::Action, seen: $crate::store::edit::Seen) {
            $crate::tui::listbox::ListBox::rebase(self, action.clone(), seen)
        }
    };
}
pub(crate) use list_box_behaviour;

/// No entry (a draft written before entries were compared).
fn nothing<E>() -> Option<E> {
    None
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListBox<E> {
    pub plan: String,
    pub action: Action,
    pub seen: Seen,
    pub selected: usize,
    pub entry: Option<E>,
    /// The entry as it was opened: typing is what differs from it.
    #[serde(default = "nothing")]
    pub opened: Option<E>,
    /// Remove asked once: `o`/`y` confirms, anything else keeps it.
    #[serde(skip)]
    pub confirm_remove: bool,
    #[serde(skip)]
    pub saving: bool,
}

/// What a key meant, once the keys every list box shares are taken.
pub enum ListKey {
    /// Done with: nothing more to do, or the outcome to return.
    Done(Outcome),
    /// An entry is open: the key is for it.
    Typing(KeyEvent),
    /// `a` / `+`: a new entry.
    Add,
    /// `Enter` on a row.
    Edit(usize),
    /// A key of this box's own (`d`, `v`…), with the chosen row if any.
    Other(KeyEvent, Option<usize>),
}

impl<E: Listed + Clone + PartialEq> ListBox<E> {
    pub fn new(plan: String, action: Action, seen: Seen) -> ListBox<E> {
        ListBox {
            plan,
            action,
            seen,
            selected: 0,
            entry: None,
            opened: None,
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
            .min(E::list(&self.action).len().saturating_sub(1));
    }

    /// Someone else saved first: show theirs, keep what is being typed.
    pub fn rebase(&mut self, action: Action, seen: Seen) {
        let entry = self.entry.take();
        self.refresh(action, seen);
        self.entry = entry;
    }

    /// Starts typing an entry (a new item, or one to change).
    pub fn open_entry(&mut self, e: E) {
        self.opened = Some(e.clone());
        self.entry = Some(e);
    }

    /// Whether something was typed in the entry open, that closing would lose.
    pub fn typed(&self) -> bool {
        self.entry.is_some() && self.entry != self.opened
    }

    /// Saves the action as `change` leaves it.
    pub fn save_with(&mut self, change: impl FnOnce(&mut Action)) -> Outcome {
        let mut action = self.action.clone();
        change(&mut action);
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

    /// Saves `item` in place of the one at `index`, or as a new last one (the
    /// cursor goes to it).
    pub fn save_item(&mut self, index: Option<usize>, item: E::Item) -> Outcome {
        let n = E::list(&self.action).len();
        match index.filter(|i| *i < n) {
            Some(i) => self.save_with(|a| E::list_mut(a)[i] = item),
            None => {
                self.selected = n;
                self.save_with(|a| E::list_mut(a).push(item))
            }
        }
    }

    /// The keys every list box shares: none while a save is on its way; the entry's
    /// when one is open; else close, move, add, edit, remove after a second key.
    pub fn list_key(&mut self, k: KeyEvent) -> ListKey {
        if self.saving {
            return ListKey::Done(Outcome::Stay);
        }
        if self.entry.is_some() {
            return ListKey::Typing(k);
        }
        let n = E::list(&self.action).len();
        if self.confirm_remove {
            self.confirm_remove = false;
            if boxkeys::resolve(BoxContext::Question, &k) == Some(BoxCommand::Yes)
                && self.selected < n
            {
                let i = self.selected;
                return ListKey::Done(self.save_with(|a| {
                    E::list_mut(a).remove(i);
                }));
            }
            return ListKey::Done(Outcome::Stay);
        }
        match boxkeys::resolve(BoxContext::List, &k) {
            Some(BoxCommand::Close) => return ListKey::Done(Outcome::Close),
            Some(BoxCommand::LineDown) if n > 0 => self.selected = (self.selected + 1).min(n - 1),
            Some(BoxCommand::LineUp) => self.selected = self.selected.saturating_sub(1),
            Some(BoxCommand::Add) => return ListKey::Add,
            Some(BoxCommand::Confirm) if n > 0 => return ListKey::Edit(self.selected.min(n - 1)),
            Some(BoxCommand::Remove) if n > 0 => self.confirm_remove = true,
            _ => return ListKey::Other(k, (n > 0).then(|| self.selected.min(n - 1))),
        }
        ListKey::Done(Outcome::Stay)
    }
}

/// The entry open in a list box is where text goes; with none open, nothing takes it.
impl<E: crate::tui::field::Fields> crate::tui::field::Fields for ListBox<E> {
    fn takes_text(&self) -> bool {
        !self.saving && self.entry.as_ref().is_some_and(|e| e.takes_text())
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        if self.saving {
            return None;
        }
        self.entry.as_mut()?.text_field()
    }

    fn took_text(&mut self) {
        if let Some(e) = &mut self.entry {
            e.took_text();
        }
    }
}
