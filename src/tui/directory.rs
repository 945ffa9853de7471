//! The directory (`A`): territories, organisations and people, listed, filtered as
//! typed, added and edited. Codes are proposed from names; a new code that is taken
//! is refused rather than written over.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use crate::domain::{
    CatalogueItem, Envelope, Money, OrgKind, Organisation, Person, Territory, Theme,
};
use crate::i18n::{Lang, T};
use crate::store::edit::{DirectoryItem, code_from_name};
use crate::store::read::Directory;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
pub use super::directory_rows::{
    Row, SECTIONS, Section, rows, territory_match, territory_name, theme_match,
};
use super::effect::Effect;
use super::listbox::type_into;
use super::lookup;

/// The field of an organisation's kind: chosen with ←→, not typed.
const KIND_FIELD: usize = 2;
const CODE_FIELD: usize = 1;

/// The kind an organisation's name says (`CPTS du Laonnois`, `Centre hospitalier…`),
/// else "other": a proposal, changed with `←` `→` before saving.
fn guess_kind(name: &str) -> OrgKind {
    let folded = crate::text::fold(name);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
    let has = |w: &str| words.contains(&w);
    if has("cpts") {
        OrgKind::Cpts
    } else if has("urps") {
        OrgKind::Urps
    } else if has("ght") {
        OrgKind::Ght
    } else if has("cpam") || has("msa") || has("caf") {
        OrgKind::HealthInsurance
    } else if has("ch") || has("chu") || has("hopital") || folded.contains("centre hospitalier") {
        OrgKind::Hospital
    } else if has("asso") || has("association") {
        OrgKind::Association
    } else if has("commune") || has("mairie") || has("departement") || has("conseil") {
        OrgKind::LocalAuthority
    } else {
        OrgKind::Other
    }
}

/// An entry being typed: a new one (`editing` None) or the one of that code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub section: Section,
    pub editing: Option<String>,
    /// The fields as typed, in `Section::fields` order (the kind's is unused).
    pub texts: Vec<String>,
    pub kind: OrgKind,
    pub focus: usize,
    pub error: Option<(usize, String)>,
}

impl Entry {
    fn new(section: Section) -> Entry {
        Entry {
            section,
            editing: None,
            texts: vec![String::new(); section.fields().len()],
            kind: OrgKind::Other,
            focus: 0,
            error: None,
        }
    }

    fn of(section: Section, code: &str, dir: &Directory) -> Option<Entry> {
        let mut e = Entry::new(section);
        e.editing = Some(code.to_string());
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        e.texts = match section {
            Section::Territories => {
                let t = &dir.territories.iter().find(|(_, t)| t.code == code)?.1;
                vec![t.name.clone(), t.code.clone(), t.departments.join(", ")]
            }
            Section::Organisations => {
                let o = dir.organisations.get(code)?;
                e.kind = o.kind.unwrap_or(OrgKind::Other);
                vec![
                    o.name.clone(),
                    o.code.clone(),
                    String::new(),
                    opt(&o.territory),
                ]
            }
            Section::People => {
                let p = dir.people.get(code)?;
                vec![
                    p.name.clone(),
                    p.code.clone(),
                    opt(&p.organisation),
                    opt(&p.email),
                    opt(&p.phone),
                    opt(&p.login),
                ]
            }
            Section::Themes => {
                let t = dir.themes.iter().find(|t| t.code == code)?;
                vec![t.label.clone(), t.code.clone()]
            }
            Section::Envelopes => {
                let v = dir.envelopes.iter().find(|v| v.code == code)?;
                let amount = v.amount.map(|a| a.to_decimal()).unwrap_or_default();
                vec![v.label.clone(), v.code.clone(), amount]
            }
            Section::Catalogue => {
                let c = dir.catalogue.get(code)?;
                vec![
                    c.title.clone(),
                    c.code.clone(),
                    opt(&c.theme),
                    opt(&c.description),
                ]
            }
        };
        Some(e)
    }

    /// The code the entry will have: as typed, or made from the name.
    pub fn code(&self) -> String {
        match self.texts[CODE_FIELD].trim() {
            "" => code_from_name(&self.texts[0], self.section == Section::People),
            typed => typed.to_string(),
        }
    }

    /// The entry as the store takes it, or the first refusal (field, why).
    pub fn item(&self, lang: Lang, dir: &Directory) -> Result<DirectoryItem, (usize, String)> {
        let text = |i: usize| self.texts[i].trim().to_string();
        let opt = |i: usize| Some(text(i)).filter(|s| !s.is_empty());
        let name = text(0);
        if name.is_empty() {
            return Err((0, lang.t(T::TuiNeedName).to_string()));
        }
        let code = text(CODE_FIELD);
        if !code.is_empty() && !crate::domain::is_valid_code(&code) {
            return Err((CODE_FIELD, lang.t(T::TuiBadCode).to_string()));
        }
        if self.editing.is_none() && !code.is_empty() && self.taken(&code, dir) {
            return Err((CODE_FIELD, lang.t(T::TuiDirCodeTaken).to_string()));
        }
        Ok(match self.section {
            Section::Territories => DirectoryItem::Territory(Territory {
                code,
                name,
                departments: text(2)
                    .split([',', ' ', ';'])
                    .filter(|d| !d.is_empty())
                    .map(String::from)
                    .collect(),
            }),
            Section::Organisations => DirectoryItem::Organisation(Organisation {
                code,
                name,
                kind: Some(self.kind),
                territory: match opt(3) {
                    None => None,
                    Some(t) => Some(
                        territory_match(&t, dir)
                            .ok_or((3, lang.t(T::TuiNoSuchTerritory).to_string()))?,
                    ),
                },
            }),
            Section::People => DirectoryItem::Person(Person {
                code,
                name,
                organisation: match opt(2) {
                    None => None,
                    Some(o) => Some(
                        lookup::organisation_code(&o, dir)
                            .ok_or((2, lang.t(T::TuiNoSuchOrg).to_string()))?,
                    ),
                },
                email: opt(3),
                phone: opt(4),
                login: opt(5),
            }),
            Section::Themes => DirectoryItem::Theme(Theme { code, label: name }),
            Section::Envelopes => DirectoryItem::Envelope(Envelope {
                code,
                label: name,
                amount: match opt(2) {
                    None => None,
                    Some(a) => Some(
                        Money::parse_input(&a)
                            .map_err(|_| (2, lang.t(T::TuiBadAmount).to_string()))?,
                    ),
                },
            }),
            Section::Catalogue => DirectoryItem::Catalogue(CatalogueItem {
                code,
                title: name,
                theme: match opt(2) {
                    None => None,
                    Some(t) => Some(
                        theme_match(&t, dir).ok_or((2, lang.t(T::CatNoSuchTheme).to_string()))?,
                    ),
                },
                description: opt(3),
            }),
        })
    }

    fn taken(&self, code: &str, dir: &Directory) -> bool {
        match self.section {
            Section::Territories => dir.territories.iter().any(|(_, t)| t.code == code),
            Section::Organisations => dir.organisations.contains_key(code),
            Section::People => dir.people.contains_key(code),
            Section::Themes => dir.themes.iter().any(|t| t.code == code),
            Section::Envelopes => dir.envelopes.iter().any(|e| e.code == code),
            Section::Catalogue => dir.catalogue.contains_key(code),
        }
    }
}

/// The directory box. `B` is the box that may have asked for the entry typed in
/// it (the interface's `Overlay`): kept whole, to come back to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "B: Serialize", deserialize = "B: Deserialize<'de>"))]
pub struct DirectoryBox<B> {
    pub section: Section,
    /// Index into the section's rows as filtered.
    pub selected: usize,
    pub filter: String,
    /// Keys go to the filter (after `/`).
    pub filtering: bool,
    pub entry: Option<Entry>,
    /// The entry as it was opened: typing is what differs from it.
    #[serde(default)]
    pub opened: Option<Entry>,
    #[serde(skip)]
    pub saving: bool,
    /// Saved under this code: the row to select once the directory is read again.
    #[serde(skip)]
    pub pending: Option<String>,
    /// How many rows refer to the entry being changed (table, code, count), once
    /// counted: its code is said to be used by others only then.
    #[serde(skip)]
    pub referrers: Option<(&'static str, String, u64)>,
    /// The box whose field asked for this entry (`Ctrl-N`): it comes back when the
    /// entry is saved (its field naming the new entry) or abandoned (unchanged).
    #[serde(default)]
    pub asked_by: Option<Box<B>>,
}

impl<B> DirectoryBox<B> {
    pub fn new(section: Section) -> DirectoryBox<B> {
        DirectoryBox {
            section,
            selected: 0,
            filter: String::new(),
            filtering: false,
            entry: None,
            opened: None,
            saving: false,
            pending: None,
            referrers: None,
            asked_by: None,
        }
    }

    /// The entry box for what a field of `asked_by` names but the directory lacks:
    /// an organisation (kind guessed from its name, in the plan's `territory`) or a
    /// person of `person_of`; the code is proposed from the name. Nothing is
    /// written until it is saved.
    pub fn asked(
        name: &str,
        person_of: Option<String>,
        territory: Option<String>,
        asked_by: B,
    ) -> DirectoryBox<B> {
        let section = if person_of.is_some() {
            Section::People
        } else {
            Section::Organisations
        };
        let mut e = Entry::new(section);
        e.texts[0] = name.to_string();
        match person_of {
            Some(org) => e.texts[2] = org,
            None => {
                e.kind = guess_kind(name);
                e.texts[3] = territory.unwrap_or_default();
            }
        }
        let mut d = DirectoryBox::new(section);
        d.opened = Some(e.clone());
        d.entry = Some(e);
        d.asked_by = Some(Box::new(asked_by));
        d
    }

    /// Whether something was typed in the entry open, that closing would lose.
    pub fn typed(&self) -> bool {
        self.entry.is_some() && self.entry != self.opened
    }

    /// Puts the cursor on the row of `code`, showing the whole section.
    pub fn select(&mut self, code: &str, dir: &Directory, lang: Lang) {
        self.filter.clear();
        self.selected = rows(self.section, dir, "", lang)
            .iter()
            .position(|r| r.code == code)
            .unwrap_or(0);
    }

    /// The store refused: say it next to the code or the name, keep the typing.
    pub fn refused(&mut self, why: String) {
        self.saving = false;
        if let Some(e) = &mut self.entry {
            let field = if why.starts_with("code") {
                CODE_FIELD
            } else {
                0
            };
            e.error = Some((field, why));
        }
    }

    /// Whether `k` would open an entry to add or change (refused read-only).
    pub fn writes(&self, k: &KeyEvent) -> bool {
        self.entry.is_none()
            && !self.filtering
            && matches!(
                boxkeys::resolve(BoxContext::Directory, k),
                Some(BoxCommand::Confirm | BoxCommand::Add)
            )
    }

    pub fn key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if self.entry.is_some() {
            return self.entry_key(k, lang, dir);
        }
        let text_key = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if self.filtering {
            match (boxkeys::resolve(BoxContext::DirectoryFilter, &k), k.code) {
                (Some(BoxCommand::Cancel), _) => {
                    self.filter.clear();
                    self.filtering = false;
                }
                (Some(BoxCommand::Confirm), _) => self.filtering = false,
                (_, KeyCode::Backspace) => {
                    self.filter.pop();
                }
                (_, KeyCode::Up | KeyCode::Down) => {}
                (_, KeyCode::Char(c)) if text_key => self.filter.push(c),
                _ => return Outcome::Stay,
            }
            if !matches!(k.code, KeyCode::Up | KeyCode::Down) {
                self.selected = 0;
                return Outcome::Stay;
            }
        }
        let list = rows(self.section, dir, &self.filter, lang);
        let n = list.len();
        let key = boxkeys::resolve(BoxContext::Directory, &k);
        match key {
            Some(BoxCommand::Cancel) if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
            }
            Some(BoxCommand::Cancel | BoxCommand::Quit) => return Outcome::Close,
            Some(BoxCommand::LineDown) if n > 0 => self.selected = (self.selected + 1).min(n - 1),
            Some(BoxCommand::LineUp) => self.selected = self.selected.saturating_sub(1),
            Some(BoxCommand::PageDown) if n > 0 => self.selected = (self.selected + 10).min(n - 1),
            Some(BoxCommand::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(BoxCommand::NextSection | BoxCommand::PreviousSection) => {
                let i = SECTIONS
                    .iter()
                    .position(|s| *s == self.section)
                    .unwrap_or(0);
                let step = if key == Some(BoxCommand::PreviousSection) {
                    SECTIONS.len() - 1
                } else {
                    1
                };
                self.section = SECTIONS[(i + step) % SECTIONS.len()];
                self.selected = 0;
                self.filter.clear();
            }
            Some(BoxCommand::Filter) => self.filtering = true,
            Some(BoxCommand::Add) => {
                self.entry = Some(Entry::new(self.section));
                self.opened = self.entry.clone();
            }
            Some(BoxCommand::Confirm) if n > 0 => {
                let code = list[self.selected.min(n - 1)].code.clone();
                self.entry = Entry::of(self.section, &code, dir);
                self.opened = self.entry.clone();
                self.referrers = None;
                if self.entry.is_some() {
                    return Outcome::Run(Effect::CountReferrers {
                        table: self.section.table(),
                        code,
                    });
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        let Some(e) = &mut self.entry else {
            return Outcome::Stay;
        };
        let n = e.texts.len();
        let key = boxkeys::resolve(BoxContext::Entry, &k);
        match key {
            Some(BoxCommand::Cancel) => self.entry = None,
            Some(BoxCommand::NextField) => e.focus = (e.focus + 1) % n,
            Some(BoxCommand::PreviousField) => e.focus = (e.focus + n - 1) % n,
            Some(BoxCommand::Confirm) => match e.item(lang, dir) {
                Err((f, why)) => {
                    e.focus = f;
                    e.error = Some((f, why));
                }
                Ok(item) => {
                    self.saving = true;
                    return Outcome::Run(Effect::SaveDirectory {
                        item: Box::new(item),
                        new: e.editing.is_none(),
                    });
                }
            },
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle)
                if e.section == Section::Organisations && e.focus == KIND_FIELD =>
            {
                let all = OrgKind::ALL;
                let i = all.iter().position(|x| *x == e.kind).unwrap_or(0) as isize;
                let step = if key == Some(BoxCommand::Previous) {
                    -1
                } else {
                    1
                };
                e.kind = all[(i + step).rem_euclid(all.len() as isize) as usize];
            }
            // The code of an entry that exists is what others refer to: it stays.
            _ if e.focus == CODE_FIELD && e.editing.is_some() => {}
            _ if e.section == Section::Organisations && e.focus == KIND_FIELD => {}
            _ => {
                if type_into(&mut e.texts[e.focus], &k) {
                    e.error = None;
                }
            }
        }
        Outcome::Stay
    }
}

impl<B> crate::tui::field::Fields for DirectoryBox<B> {
    fn takes_text(&self) -> bool {
        if self.saving {
            return false;
        }
        match &self.entry {
            None => self.filtering,
            Some(e) => {
                !((e.focus == CODE_FIELD && e.editing.is_some())
                    || (e.section == Section::Organisations && e.focus == KIND_FIELD))
            }
        }
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        if self.saving {
            return None;
        }
        let Some(e) = &mut self.entry else {
            // The filter, after `/`, is typed too (a place apart from the entry's).
            if !self.filtering {
                return None;
            }
            return Some((usize::MAX, F::Line(&mut self.filter)));
        };
        // The code of an entry that exists stays; the kind is chosen, not typed.
        let fixed = (e.focus == CODE_FIELD && e.editing.is_some())
            || (e.section == Section::Organisations && e.focus == KIND_FIELD);
        (!fixed).then(|| (e.focus, F::Line(&mut e.texts[e.focus])))
    }

    fn took_text(&mut self) {
        match &mut self.entry {
            Some(e) => e.error = None,
            None => self.selected = 0,
        }
    }
}

impl<B> super::boxes::BoxBehaviour<B> for DirectoryBox<B> {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.lang, cx.dir)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: Lang) -> bool {
        self.typed()
    }

    fn reloads_on_close(&self) -> bool {
        true
    }

    /// Said next to the code or the name.
    fn refused(&mut self, why: &str) {
        DirectoryBox::refused(self, why.to_string());
    }

    /// Back to the box whose field asked for the entry; else the box finds the new
    /// row once the directory is read again.
    fn entry_saved(&mut self, code: &str) -> Option<(B, bool)> {
        if let Some(back) = self.asked_by.take() {
            return Some((*back, self.section == Section::People));
        }
        self.saving = false;
        self.entry = None;
        self.pending = Some(code.to_string());
        None
    }

    fn asker(&self) -> Option<&B> {
        self.asked_by.as_deref()
    }

    /// The entry asked for by a field was abandoned: back to that box, nothing
    /// created.
    fn abandoned(&mut self, outcome: &Outcome) -> Option<B> {
        if self.asked_by.is_some()
            && (self.entry.is_none() || *outcome == Outcome::Close)
            && !self.saving
        {
            return self.asked_by.take().map(|b| *b);
        }
        None
    }

    fn directory_read(&mut self, dir: &Directory, lang: Lang) {
        if let Some(code) = self.pending.take() {
            self.select(&code, dir, lang);
        }
    }

    fn referrers(&mut self, table: &'static str, code: &str, count: u64) {
        self.referrers = Some((table, code.to_string(), count));
    }

    fn writes(&self, k: &KeyEvent) -> bool {
        DirectoryBox::writes(self, k)
    }
}
