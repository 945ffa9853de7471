//! What every box over the screen is to `update`: one trait, `BoxBehaviour`, with
//! what a key does in it, whether its typing is worth a draft, and what it does when
//! its save comes back (saved, refused, conflicting) or when a directory entry it
//! asked for was created. The shared pieces every box uses (`Outcome`, "Esc twice",
//! the answer to a conflict) live here too.
//!
//! A leaf of `tui/`: it imports no box, no model and no `Overlay`, so that the boxes
//! depend on it (and on the field editor and the domain) and nothing circles back.
//! The one type that holds any box, `Overlay`, is `O` here: a box that keeps the box
//! that asked for it (the directory's entry asked by a field) hands it back as an `O`.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::Action;
use crate::i18n::Lang;
use crate::store::edit::{Conflict, Seen};
use crate::store::read::Directory;

use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::field::Fields;

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

/// Esc with something typed asks once more (`asked`); any other key forgets the
/// question. `Some` when the key was Esc: stay (asked) or close.
pub fn esc_twice(k: &KeyEvent, changed: bool, asked: &mut bool) -> Option<Outcome> {
    if !boxkeys::is(BoxCommand::Cancel, k) {
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
    match (boxkeys::resolve(BoxContext::Conflict, k), conflicts.first()) {
        (Some(BoxCommand::Reapply), Some(c)) => {
            OnConflict::Reapply(Box::new(c.current.clone()), c.current_seen)
        }
        (Some(BoxCommand::Reapply | BoxCommand::Drop), _) => OnConflict::Drop,
        _ => OnConflict::Stay,
    }
}

/// What a key in a box may need besides the key.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub lang: Lang,
    pub dir: &'a Directory,
}

/// What `update` does with the box once its save landed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AfterSave {
    /// The box closes (a box that saves once); else it stays for the next change.
    pub close: bool,
    /// The marks of the list go (they were what was saved).
    pub clear_marks: bool,
    /// The row of this code is selected in the list beneath (what was created).
    pub select: Option<String>,
}

/// What `update` does once the box's save was refused for someone else's change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterConflict {
    /// The box shows the conflict itself and asks what to do: nothing to say.
    Shown,
    /// The box shows their version, the typing kept: the footer says who.
    Rebased,
    /// Nothing was written and the box has nothing to show: it closes, the footer
    /// says who and the list reloads to show why.
    Close,
}

/// One box over the screen. Only `on_key` and `unblock` have no default: a box that
/// saves nothing, asks nothing and keeps no draft writes just those two (and its
/// `Fields`).
pub trait BoxBehaviour<O>: Fields {
    /// What a key does in the box.
    fn on_key(&mut self, k: KeyEvent, cx: &Ctx<'_>) -> Outcome;

    /// A save came back refused or failed: the box may be typed in again.
    fn unblock(&mut self);

    /// Whether the box holds typing that would be lost if the program ended now.
    fn worth_keeping(&self, _lang: Lang) -> bool {
        false
    }

    /// Whether the screen beneath reloads when the box closes (each change of the
    /// box was saved at once).
    fn reloads_on_close(&self) -> bool {
        false
    }

    /// The box's action was saved: show it as it is now.
    fn refresh(&mut self, _action: &Action, _seen: Seen) {}

    /// Someone else saved the action first: show their version, keep the typing.
    fn rebase(&mut self, _action: &Action, _seen: Seen) {}

    /// The save landed; `first` is the first action saved, as it is now.
    fn saved(&mut self, first: Option<(&Action, Seen)>) -> AfterSave {
        if let Some((action, seen)) = first {
            self.refresh(action, seen);
        }
        AfterSave {
            close: !self.reloads_on_close(),
            ..AfterSave::default()
        }
    }

    /// The save was refused for someone else's change: by default the box shows
    /// their version and keeps the typing, to be saved onto it.
    fn conflicted(&mut self, conflicts: Vec<Conflict>) -> AfterConflict {
        self.unblock();
        if let Some(c) = conflicts.first() {
            self.rebase(&c.current, c.current_seen);
        }
        AfterConflict::Rebased
    }

    /// The save was refused (a value, or the database): `why` may be said in the
    /// box; it may be typed in again.
    fn refused(&mut self, _why: &str) {
        self.unblock();
    }

    /// The plan the box works in, for an entry it asks the directory for.
    fn plan(&self) -> Option<&str> {
        None
    }

    /// The directory entry this box asked for was saved as `code` (a person, or an
    /// organisation): the field that asked names it now.
    fn name_entry(&mut self, _person: bool, _code: &str) {}

    /// A directory entry typed in this box was saved as `code`. A box opened by
    /// another box's field gives that box back, with whether the entry is a person.
    fn entry_saved(&mut self, _code: &str) -> Option<(O, bool)> {
        None
    }

    /// The box this one was opened for, if any (its typing is worth a draft too).
    fn asker(&self) -> Option<&O> {
        None
    }

    /// After a key that led to `outcome`: the box that asked for this one when
    /// this one was abandoned (nothing created), to be shown again.
    fn abandoned(&mut self, _outcome: &Outcome) -> Option<O> {
        None
    }

    /// The directory was read again.
    fn directory_read(&mut self, _dir: &Directory, _lang: Lang) {}

    /// How many rows refer to a directory entry (asked by the box).
    fn referrers(&mut self, _table: &'static str, _code: &str, _count: u64) {}

    /// Whether `k` would start a change, refused in read-only mode. Boxes that
    /// write cannot be opened read-only; a box that can is asked.
    fn writes(&self, _k: &KeyEvent) -> bool {
        false
    }

    /// Whether the box changes an existing plan (not a new one).
    fn edits_plan(&self) -> bool {
        false
    }
}
