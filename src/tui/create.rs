//! A new action in a plan (`n`): from a catalogue item or as a local initiative.
//! The code is proposed (`A07` for catalogue item 07, else the next `L..`); the rest
//! of the action is filled in afterwards with `e`, `J` and `L`.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{Action, is_valid_code};
use crate::i18n::{Lang, T};
use crate::store::edit::Edit;
use crate::store::read::Directory;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::listbox::type_into;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewAction {
    pub plan: String,
    /// Codes already used in the plan.
    pub taken: Vec<String>,
    /// Catalogue codes, sorted; the choice 0 is "local initiative".
    pub catalogue: Vec<String>,
    pub choice: usize,
    pub code: String,
    pub title: String,
    /// Index into the directory's themes, or None.
    pub theme: Option<usize>,
    /// 0 origin, 1 code, 2 title, 3 theme.
    pub focus: usize,
    pub error: Option<(usize, String)>,
    #[serde(skip)]
    pub saving: bool,
    /// Letters typed on the origin: the item whose code or title holds them
    /// (accents and case ignored) is chosen.
    #[serde(default)]
    pub query: String,
}

impl NewAction {
    pub fn new(plan: String, taken: Vec<String>, dir: &Directory) -> NewAction {
        let mut catalogue: Vec<String> = dir.catalogue.keys().cloned().collect();
        catalogue.sort();
        let mut n = NewAction {
            plan,
            taken,
            catalogue,
            choice: 0,
            code: String::new(),
            title: String::new(),
            theme: None,
            focus: 0,
            error: None,
            saving: false,
            query: String::new(),
        };
        n.propose(dir);
        n
    }

    /// Whether anything was chosen or typed since the box opened.
    pub fn changed(&self) -> bool {
        self.choice != 0 || !self.title.trim().is_empty()
    }

    pub fn catalogue_code(&self) -> Option<&str> {
        self.choice
            .checked_sub(1)
            .and_then(|i| self.catalogue.get(i))
            .map(String::as_str)
    }

    /// The code, title and theme that go with the origin chosen.
    fn propose(&mut self, dir: &Directory) {
        let free = |c: &str| !self.taken.iter().any(|t| t == c);
        match self.catalogue_code().and_then(|c| dir.catalogue.get(c)) {
            Some(item) => {
                let digits: String = item.code.chars().filter(|c| c.is_ascii_digit()).collect();
                let candidate = format!("A{digits}");
                self.code = if !digits.is_empty() && free(&candidate) {
                    candidate
                } else {
                    (1..)
                        .map(|i| format!("A{i:02}"))
                        .find(|c| free(c))
                        .unwrap_or_default()
                };
                self.title = item.title.clone();
                self.theme = item
                    .theme
                    .as_ref()
                    .and_then(|t| dir.themes.iter().position(|x| &x.code == t));
            }
            None => {
                self.code = (1..)
                    .map(|i| format!("L{i:02}"))
                    .find(|c| free(c))
                    .unwrap_or_default();
                self.title.clear();
            }
        }
    }

    pub fn key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if self.focus == 0 && self.search(&k, dir) {
            return Outcome::Stay;
        }
        self.query.clear();
        let key = boxkeys::resolve(BoxContext::Fields, &k);
        match key {
            Some(BoxCommand::Cancel) => return Outcome::Close,
            Some(BoxCommand::NextField) => self.focus = (self.focus + 1) % 4,
            Some(BoxCommand::PreviousField) => self.focus = (self.focus + 3) % 4,
            Some(BoxCommand::Confirm) => return self.save(lang, dir),
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle)
                if self.focus == 0 || self.focus == 3 =>
            {
                let step: isize = if key == Some(BoxCommand::Previous) {
                    -1
                } else {
                    1
                };
                if self.focus == 0 {
                    let n = self.catalogue.len() as isize + 1;
                    self.choice = (self.choice as isize + step).rem_euclid(n) as usize;
                    self.propose(dir);
                } else {
                    let n = dir.themes.len() as isize + 1;
                    let i = self.theme.map(|t| t as isize + 1).unwrap_or(0);
                    let next = (i + step).rem_euclid(n);
                    self.theme = (next > 0).then(|| next as usize - 1);
                }
            }
            _ if self.focus == 1 || self.focus == 2 => {
                let text = if self.focus == 1 {
                    &mut self.code
                } else {
                    &mut self.title
                };
                type_into(text, &k);
                self.error = None;
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// A letter typed (or erased) on the origin: the first item, by code, whose code
    /// or title holds what is typed; nothing found keeps the choice. False for any
    /// other key.
    fn search(&mut self, k: &KeyEvent, dir: &Directory) -> bool {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        if k.modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match k.code {
            KeyCode::Char(' ') => return false,
            KeyCode::Char(c) => self.query.push(c),
            KeyCode::Backspace if !self.query.is_empty() => {
                self.query.pop();
            }
            _ => return false,
        }
        let wanted = crate::text::fold(&self.query);
        let found = self.catalogue.iter().position(|code| {
            crate::text::fold(code).contains(&wanted)
                || dir
                    .catalogue
                    .get(code)
                    .is_some_and(|i| crate::text::fold(&i.title).contains(&wanted))
        });
        if let Some(i) = found
            && !wanted.is_empty()
            && self.choice != i + 1
        {
            self.choice = i + 1;
            self.propose(dir);
        }
        true
    }

    fn save(&mut self, lang: Lang, dir: &Directory) -> Outcome {
        let code = self.code.trim().to_string();
        if !is_valid_code(&code) {
            self.error = Some((1, lang.t(T::TuiBadCode).to_string()));
            self.focus = 1;
            return Outcome::Stay;
        }
        if self.taken.contains(&code) {
            self.error = Some((1, lang.t(T::TuiCodeTaken).to_string()));
            self.focus = 1;
            return Outcome::Stay;
        }
        let title = self.title.trim().to_string();
        if title.is_empty() {
            self.error = Some((2, lang.t(T::TuiNeedTitle).to_string()));
            self.focus = 2;
            return Outcome::Stay;
        }
        self.saving = true;
        Outcome::Run(Effect::Save {
            edits: vec![Edit {
                plan: self.plan.clone(),
                action: Action {
                    catalogue: self.catalogue_code().map(String::from),
                    theme: self.theme_code(dir).map(String::from),
                    objective: self
                        .catalogue_code()
                        .and_then(|c| dir.catalogue.get(c))
                        .and_then(|i| i.description.clone()),
                    progress: Some(0),
                    ..Action::todo(code, title)
                },
                seen: None,
            }],
            note: None,
        })
    }

    /// The theme code chosen, for the save (set by the caller, who has the directory).
    pub fn theme_code<'a>(&self, dir: &'a Directory) -> Option<&'a str> {
        self.theme
            .and_then(|i| dir.themes.get(i))
            .map(|t| t.code.as_str())
    }
}

impl crate::tui::field::Fields for NewAction {
    fn takes_text(&self) -> bool {
        !self.saving && matches!(self.focus, 1 | 2)
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        match self.focus {
            _ if self.saving => None,
            1 => Some((1, F::Line(&mut self.code))),
            2 => Some((2, F::Line(&mut self.title))),
            _ => None,
        }
    }

    fn took_text(&mut self) {
        self.error = None;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for NewAction {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.lang, cx.dir)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: Lang) -> bool {
        self.changed()
    }

    /// The new action is selected in the list beneath.
    fn saved(
        &mut self,
        _first: Option<(&Action, crate::store::edit::Seen)>,
    ) -> super::boxes::AfterSave {
        super::boxes::AfterSave {
            close: true,
            clear_marks: false,
            select: Some(self.code.trim().to_string()),
        }
    }

    /// Said next to the code.
    fn refused(&mut self, why: &str) {
        self.error = Some((1, why.to_string()));
        self.saving = false;
    }
}
