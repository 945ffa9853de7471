//! An action's partners (`P`): add (organisation from a few letters, and a role),
//! edit, remove after a second key. Each change is one undoable save.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::Partner;
use crate::i18n::{Lang, T};
use crate::store::read::Directory;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::listbox::{ListBox, ListKey, listed, type_into};
use super::lookup;

/// Roles offered with `←` `→`; any other may be typed.
pub const ROLES: [&str; 5] = [
    "co-pilote",
    "partenaire",
    "financeur",
    "opérateur",
    "expert",
];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub index: Option<usize>,
    pub organisation: String,
    pub role: String,
    /// 0 organisation, 1 role.
    pub focus: usize,
    pub error: Option<String>,
    /// Which of the organisations matching is meant (`←` `→`).
    #[serde(default)]
    pub pick: usize,
}

pub type Partners = ListBox<Entry>;

listed!(Entry, Partner, partners);

impl Partners {
    pub fn key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        match self.list_key(k) {
            ListKey::Done(outcome) => return outcome,
            ListKey::Typing(k) => return self.entry_key(k, lang, dir),
            ListKey::Add => self.open_entry(Entry {
                index: None,
                organisation: String::new(),
                role: ROLES[1].to_string(),
                focus: 0,
                error: None,
                pick: 0,
            }),
            ListKey::Edit(i) => {
                let p = &self.action.partners[i];
                self.open_entry(Entry {
                    index: Some(i),
                    organisation: p.organisation.clone(),
                    role: p.role.clone().unwrap_or_default(),
                    focus: 1,
                    error: None,
                    pick: 0,
                })
            }
            ListKey::Other(..) => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        let Some(e) = &mut self.entry else {
            return Outcome::Stay;
        };
        let key = boxkeys::resolve(BoxContext::Entry, &k);
        match key {
            Some(BoxCommand::Cancel) => self.entry = None,
            Some(BoxCommand::NextField | BoxCommand::PreviousField) => e.focus = 1 - e.focus,
            Some(BoxCommand::Confirm) => {
                let Some(code) =
                    lookup::organisation_picked(&e.organisation, e.pick, Some(&self.plan), dir)
                else {
                    e.error = Some(lang.t(T::TuiNoSuchOrgCreate).to_string());
                    e.focus = 0;
                    return Outcome::Stay;
                };
                let role = Some(e.role.trim().to_string()).filter(|r| !r.is_empty());
                let item = Partner {
                    organisation: code,
                    role,
                };
                let index = e.index;
                return self.save_item(index, item);
            }
            // An organisation missing from the directory, created on the spot.
            Some(BoxCommand::NewEntry)
                if e.focus == 0
                    && !e.organisation.trim().is_empty()
                    && lookup::organisation_code(&e.organisation, dir).is_none() =>
            {
                return Outcome::NewEntry {
                    name: e.organisation.trim().to_string(),
                    person_of: None,
                };
            }
            Some(BoxCommand::Previous | BoxCommand::Next) if e.focus == 0 => {
                let n = lookup::organisations(&e.organisation, Some(&self.plan), dir).len();
                lookup::step(&mut e.pick, n, key == Some(BoxCommand::Previous));
            }
            Some(BoxCommand::Previous | BoxCommand::Next) if e.focus == 1 => {
                let i = ROLES.iter().position(|r| *r == e.role.trim());
                let n = ROLES.len() as isize;
                let next = match (i, key) {
                    (None, _) => 0,
                    (Some(i), Some(BoxCommand::Previous)) => (i as isize - 1).rem_euclid(n),
                    (Some(i), _) => (i as isize + 1).rem_euclid(n),
                };
                e.role = ROLES[next as usize].to_string();
            }
            _ => {
                let text = if e.focus == 0 {
                    &mut e.organisation
                } else {
                    &mut e.role
                };
                if type_into(text, &k) {
                    e.error = None;
                    e.pick = 0;
                }
            }
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for Entry {
    fn takes_text(&self) -> bool {
        true
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        let text = if self.focus == 0 {
            &mut self.organisation
        } else {
            &mut self.role
        };
        Some((self.focus, crate::tui::field::Field::Line(text)))
    }

    fn took_text(&mut self) {
        self.error = None;
        self.pick = 0;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Partners {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.lang, cx.dir)
    }

    super::listbox::list_box_behaviour!();

    fn plan(&self) -> Option<&str> {
        Some(&self.plan)
    }

    /// The organisation of the partner being typed.
    fn name_entry(&mut self, _person: bool, code: &str) {
        if let Some(e) = &mut self.entry {
            e.organisation = code.to_string();
            e.pick = 0;
            e.error = None;
        }
    }
}
