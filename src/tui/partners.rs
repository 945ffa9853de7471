//! An action's partners (`P`): add (organisation from a few letters, and a role),
//! edit, remove after a second key. Each change is one undoable save.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::{Action, Partner};
use crate::i18n::{Lang, T};
use crate::store::edit::{Edit, Seen};
use crate::store::read::Directory;

use super::budget::funder_match;
use super::msg::Effect;
use super::quick::Outcome;

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
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Partners {
    pub plan: String,
    pub action: Action,
    pub seen: Seen,
    pub selected: usize,
    pub entry: Option<Entry>,
    #[serde(skip)]
    pub confirm_remove: bool,
    #[serde(skip)]
    pub saving: bool,
}

impl Partners {
    pub fn new(plan: String, action: Action, seen: Seen) -> Partners {
        Partners {
            plan,
            action,
            seen,
            selected: 0,
            entry: None,
            confirm_remove: false,
            saving: false,
        }
    }

    pub fn refresh(&mut self, action: Action, seen: Seen) {
        self.action = action;
        self.seen = seen;
        self.saving = false;
        self.entry = None;
        self.selected = self
            .selected
            .min(self.action.partners.len().saturating_sub(1));
    }

    fn save(&mut self, partners: Vec<Partner>) -> Outcome {
        let mut action = self.action.clone();
        action.partners = partners;
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

    pub fn key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if let Some(e) = &mut self.entry {
            match k.code {
                KeyCode::Esc => self.entry = None,
                KeyCode::Tab | KeyCode::Down | KeyCode::BackTab | KeyCode::Up => {
                    e.focus = 1 - e.focus
                }
                KeyCode::Enter => {
                    let Some(code) = funder_match(e.organisation.trim(), dir)
                        .filter(|_| !e.organisation.trim().is_empty())
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
                    let mut list = self.action.partners.clone();
                    match e.index {
                        Some(i) if i < list.len() => list[i] = item,
                        _ => {
                            list.push(item);
                            self.selected = list.len() - 1;
                        }
                    }
                    return self.save(list);
                }
                // An organisation missing from the directory, created on the spot.
                KeyCode::Char('n')
                    if k.modifiers.contains(KeyModifiers::CONTROL)
                        && e.focus == 0
                        && !e.organisation.trim().is_empty()
                        && funder_match(e.organisation.trim(), dir).is_none() =>
                {
                    return Outcome::Run(Effect::CreateEntry {
                        name: e.organisation.trim().to_string(),
                        person_of: None,
                    });
                }
                KeyCode::Left | KeyCode::Right if e.focus == 1 => {
                    let i = ROLES.iter().position(|r| *r == e.role.trim());
                    let n = ROLES.len() as isize;
                    let next = match (i, k.code) {
                        (None, _) => 0,
                        (Some(i), KeyCode::Left) => (i as isize - 1).rem_euclid(n),
                        (Some(i), _) => (i as isize + 1).rem_euclid(n),
                    };
                    e.role = ROLES[next as usize].to_string();
                }
                KeyCode::Backspace => {
                    if e.focus == 0 {
                        e.organisation.pop()
                    } else {
                        e.role.pop()
                    };
                    e.error = None;
                }
                KeyCode::Char(c)
                    if !k
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    if e.focus == 0 {
                        e.organisation.push(c)
                    } else {
                        e.role.push(c)
                    };
                    e.error = None;
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            if matches!(k.code, KeyCode::Char('y') | KeyCode::Char('o'))
                && self.selected < self.action.partners.len()
            {
                let mut list = self.action.partners.clone();
                list.remove(self.selected);
                return self.save(list);
            }
            return Outcome::Stay;
        }
        let n = self.action.partners.len();
        match k.code {
            KeyCode::Esc | KeyCode::Char('q') => return Outcome::Close,
            KeyCode::Down | KeyCode::Char('j') if n > 0 => {
                self.selected = (self.selected + 1).min(n - 1)
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('a') | KeyCode::Char('+') => {
                self.entry = Some(Entry {
                    index: None,
                    organisation: String::new(),
                    role: ROLES[1].to_string(),
                    focus: 0,
                    error: None,
                })
            }
            KeyCode::Enter if n > 0 => {
                let p = &self.action.partners[self.selected];
                self.entry = Some(Entry {
                    index: Some(self.selected),
                    organisation: p.organisation.clone(),
                    role: p.role.clone().unwrap_or_default(),
                    focus: 1,
                    error: None,
                })
            }
            KeyCode::Delete | KeyCode::Char('-') if n > 0 => self.confirm_remove = true,
            _ => {}
        }
        Outcome::Stay
    }
}
