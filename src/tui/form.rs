//! The action form (`e`): title, status, progress, weather, calendar and pilot, with
//! lenient input (`+2w`, `31/12/2025`, `eom`, a few letters of an organisation) read
//! strictly, each refusal said next to its field while the text stays as typed.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::input::{parse_date, parse_progress};
use crate::domain::rules::{self, DoneDayProblem as Problem};
use crate::domain::{Action, ActionStatus, Organisation, Person, Pilot, Weather};
use crate::i18n::{Lang, T, status_label, weather_label};
use crate::store::edit::{Conflict, Edit, Seen};
use crate::store::read::Directory;

use super::boxes::{OnConflict, Outcome, esc_twice, on_conflict};
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::listbox::{type_into, type_number};
use super::lookup;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Title,
    Status,
    Progress,
    Weather,
    Start,
    Due,
    Done,
    Organisation,
    Person,
    Objective,
    Theme,
    Origin,
}

pub const FIELDS: [Id; 12] = [
    Id::Title,
    Id::Status,
    Id::Progress,
    Id::Weather,
    Id::Start,
    Id::Due,
    Id::Done,
    Id::Organisation,
    Id::Person,
    Id::Objective,
    Id::Theme,
    Id::Origin,
];

impl Id {
    pub fn label(self) -> T {
        match self {
            Id::Title => T::TuiFieldTitle,
            Id::Status => T::TuiFieldStatus,
            Id::Progress => T::TuiFieldProgress,
            Id::Weather => T::TuiFieldWeather,
            Id::Start => T::TuiFieldStart,
            Id::Due => T::TuiFieldDue,
            Id::Done => T::TuiFieldDone,
            Id::Organisation => T::TuiFieldPilotOrg,
            Id::Person => T::TuiFieldPilotPerson,
            Id::Objective => T::TuiFieldObjective,
            Id::Theme => T::TuiFieldTheme,
            Id::Origin => T::TuiFieldOrigin,
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(self, Id::Status | Id::Weather | Id::Theme | Id::Origin)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Form {
    pub plan: String,
    pub original: Action,
    pub seen: Seen,
    pub title: String,
    pub status: ActionStatus,
    pub progress: String,
    pub weather: Option<Weather>,
    pub start: String,
    pub due: String,
    pub done: String,
    pub organisation: String,
    pub person: String,
    pub objective: String,
    /// A theme code, or none.
    pub theme: Option<String>,
    /// The catalogue item taken up, or none for a local initiative.
    #[serde(default)]
    pub catalogue: Option<String>,
    /// Which of the organisations matching the pilot typed is meant (`←` `→`).
    #[serde(default)]
    pub org_pick: usize,
    /// Which of the people matching the person typed is meant.
    #[serde(default)]
    pub person_pick: usize,
    pub focus: usize,
    #[serde(skip)]
    pub errors: Vec<(Id, String)>,
    #[serde(skip)]
    pub conflicts: Option<Vec<Conflict>>,
    #[serde(skip)]
    pub confirm_cancel: bool,
    #[serde(skip)]
    pub saving: bool,
}

fn date_text(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(|d| lang.date(d)).unwrap_or_default()
}

impl Form {
    pub fn new(plan: String, a: Action, seen: Seen, lang: Lang) -> Form {
        let pilot = a.pilot.clone();
        Form {
            plan,
            title: a.title.clone(),
            status: a.status,
            progress: a.progress.map(|p| p.to_string()).unwrap_or_default(),
            weather: a.weather,
            start: date_text(a.start, lang),
            due: date_text(a.due, lang),
            done: date_text(a.done_on, lang),
            organisation: pilot
                .as_ref()
                .map(|p| p.organisation.clone())
                .unwrap_or_default(),
            person: pilot.and_then(|p| p.person).unwrap_or_default(),
            objective: a.objective.clone().unwrap_or_default(),
            theme: a.theme.clone(),
            catalogue: a.catalogue.clone(),
            org_pick: 0,
            person_pick: 0,
            original: a,
            seen,
            focus: 0,
            errors: vec![],
            conflicts: None,
            confirm_cancel: false,
            saving: false,
        }
    }

    pub fn field(&self) -> Id {
        FIELDS[self.focus]
    }

    pub fn text(&self, id: Id, lang: Lang) -> String {
        match id {
            Id::Title => self.title.clone(),
            Id::Status => format!("◂ {} ▸", status_label(lang, self.status)),
            Id::Progress => self.progress.clone(),
            Id::Weather => format!(
                "◂ {} ▸",
                self.weather.map(|w| weather_label(lang, w)).unwrap_or("—")
            ),
            Id::Start => self.start.clone(),
            Id::Due => self.due.clone(),
            Id::Done => self.done.clone(),
            Id::Organisation => self.organisation.clone(),
            Id::Person => self.person.clone(),
            Id::Objective => self.objective.clone(),
            Id::Theme => format!("◂ {} ▸", self.theme.as_deref().unwrap_or("—")),
            Id::Origin => format!(
                "◂ {} ▸",
                self.catalogue
                    .as_deref()
                    .unwrap_or(lang.t(T::TuiLocalInitiative))
            ),
        }
    }

    pub(super) fn text_mut(&mut self, id: Id) -> Option<&mut String> {
        match id {
            Id::Title => Some(&mut self.title),
            Id::Progress => Some(&mut self.progress),
            Id::Start => Some(&mut self.start),
            Id::Due => Some(&mut self.due),
            Id::Done => Some(&mut self.done),
            Id::Organisation => Some(&mut self.organisation),
            Id::Person => Some(&mut self.person),
            Id::Objective => Some(&mut self.objective),
            Id::Status | Id::Weather | Id::Theme | Id::Origin => None,
        }
    }
}

impl Form {
    pub fn error(&self, id: Id) -> Option<&str> {
        self.errors
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, e)| e.as_str())
    }

    /// What a date field will save, shown beside it before saving (`+2w → 14/04/2025`).
    pub fn date_hint(&self, id: Id, today: NaiveDate, lang: Lang) -> Option<String> {
        let text = match id {
            Id::Start => &self.start,
            Id::Due => &self.due,
            Id::Done => &self.done,
            _ => return None,
        };
        let d = parse_date(text, today).ok()?;
        let shown = lang.date(d);
        (shown != text.trim()).then(|| format!("→ {shown}"))
    }

    /// The organisation the pilot field designates: its exact code, else the first
    /// whose name or code holds every word typed (accents and case ignored).
    /// The organisations matching the pilot typed, best first.
    pub fn organisations<'a>(&self, dir: &'a Directory) -> Vec<&'a Organisation> {
        lookup::organisations(&self.organisation, Some(&self.plan), dir)
    }

    /// The pilot organisation chosen: the best match, or another picked with `←` `→`.
    pub fn organisation_match<'a>(&self, dir: &'a Directory) -> Option<&'a Organisation> {
        let found = self.organisations(dir);
        found.get(self.org_pick).or(found.first()).copied()
    }

    /// The people of the chosen organisation matching the person typed.
    pub fn people<'a>(&self, dir: &'a Directory) -> Vec<&'a Person> {
        let org = self.organisation_match(dir).map(|o| o.code.as_str());
        lookup::people(&self.person, org, dir)
    }

    /// The person typed, found in another organisation than the pilot's (none of
    /// the pilot's matches): offered as such, never created twice.
    pub fn person_elsewhere<'a>(&self, dir: &'a Directory) -> Option<&'a Person> {
        if !self.people(dir).is_empty() {
            return None;
        }
        lookup::people(&self.person, None, dir).first().copied()
    }

    pub fn person_match<'a>(&self, dir: &'a Directory) -> Option<&'a Person> {
        let found = self.people(dir);
        found.get(self.person_pick).or(found.first()).copied()
    }

    /// The action the form describes, or every refusal with its field.
    pub fn build(
        &self,
        today: NaiveDate,
        lang: Lang,
        dir: &Directory,
    ) -> Result<Action, Vec<(Id, String)>> {
        let mut errors = Vec::new();
        let mut a = self.original.clone();
        a.title = self.title.trim().to_string();
        if a.title.is_empty() {
            errors.push((Id::Title, lang.t(T::TuiNeedTitle).to_string()));
        }
        a.status = self.status;
        a.weather = self.weather;
        a.objective = Some(self.objective.trim().to_string()).filter(|o| !o.is_empty());
        a.theme = self.theme.clone();
        a.catalogue = self.catalogue.clone();
        a.progress = if self.progress.trim().is_empty() {
            None
        } else {
            match parse_progress(&self.progress) {
                Ok(p) => Some(p),
                Err(_) => {
                    errors.push((Id::Progress, lang.t(T::TuiBadProgress).to_string()));
                    None
                }
            }
        };
        let mut date = |id: Id, text: &str| -> Option<NaiveDate> {
            if text.trim().is_empty() {
                return None;
            }
            match parse_date(text, today) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push((id, lang.t(crate::i18n::date_input_error(&e)).to_string()));
                    None
                }
            }
        };
        a.start = date(Id::Start, &self.start);
        a.due = date(Id::Due, &self.due);
        a.done_on = date(Id::Done, &self.done);
        if let (Some(s), Some(d)) = (a.start, a.due)
            && d < s
        {
            errors.push((Id::Due, lang.t(T::TuiDueBeforeStart).to_string()));
        }
        match rules::done_day_problem(a.status, a.done_on) {
            Some(Problem::Missing) if self.done.trim().is_empty() => {
                errors.push((Id::Done, lang.t(T::TuiDoneNeedsDate).to_string()))
            }
            Some(Problem::NotDone) => errors.push((Id::Done, lang.t(T::TuiDateNeedsDone).into())),
            _ => {}
        }
        a.pilot = if self.organisation.trim().is_empty() {
            None
        } else {
            match self.organisation_match(dir) {
                None => {
                    errors.push((Id::Organisation, lang.t(T::TuiNoSuchOrgCreate).to_string()));
                    None
                }
                Some(o) => {
                    let person = if self.person.trim().is_empty() {
                        None
                    } else {
                        match self.person_match(dir) {
                            Some(p) => Some(p.code.clone()),
                            None => {
                                let why = match self.person_elsewhere(dir) {
                                    Some(p) => format!(
                                        "{} {}",
                                        lang.t(T::TuiPersonOfOrg),
                                        p.organisation.as_deref().unwrap_or_default()
                                    ),
                                    None => lang.t(T::TuiNoSuchPersonCreate).to_string(),
                                };
                                errors.push((Id::Person, why));
                                None
                            }
                        }
                    };
                    Some(Pilot {
                        organisation: o.code.clone(),
                        person,
                    })
                }
            }
        };
        if errors.is_empty() {
            Ok(a)
        } else {
            Err(errors)
        }
    }

    /// The fields this form changed, put onto `base` (someone else's newer version).
    fn merge_onto(&self, built: &Action, base: &Action) -> Action {
        let o = &self.original;
        let mut a = base.clone();
        macro_rules! take {
            ($($f:ident),+) => {$( if built.$f != o.$f { a.$f = built.$f.clone(); } )+};
        }
        take!(
            title, status, progress, weather, start, due, done_on, pilot, objective, theme,
            catalogue
        );
        a
    }

    fn save(
        &mut self,
        today: NaiveDate,
        lang: Lang,
        dir: &Directory,
        onto: Option<(Action, Seen)>,
    ) -> Outcome {
        match self.build(today, lang, dir) {
            Err(errors) => {
                if let Some(first) = FIELDS
                    .iter()
                    .position(|f| errors.iter().any(|(i, _)| i == f))
                {
                    self.focus = first;
                }
                self.errors = errors;
                Outcome::Stay
            }
            Ok(built) => {
                let (action, seen) = match onto {
                    Some((base, seen)) => (self.merge_onto(&built, &base), seen),
                    None => (built, self.seen),
                };
                if action == self.original && self.conflicts.is_none() {
                    return Outcome::Close;
                }
                self.errors.clear();
                self.conflicts = None;
                self.saving = true;
                Outcome::Run(Effect::Save {
                    edits: vec![Edit {
                        plan: self.plan.clone(),
                        action,
                        seen: Some(seen),
                    }],
                    note: None,
                })
            }
        }
    }

    /// Whether a value differs from the action as opened (where the cursor is, or a
    /// message shown, is not a change).
    pub fn changed(&self, lang: Lang) -> bool {
        let mut fresh = Form::new(self.plan.clone(), self.original.clone(), self.seen, lang);
        fresh.focus = self.focus;
        fresh.errors = self.errors.clone();
        fresh.conflicts = self.conflicts.clone();
        fresh.confirm_cancel = self.confirm_cancel;
        fresh.saving = self.saving;
        *self != fresh
    }

    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang, dir: &Directory) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        if let Some(conflicts) = &self.conflicts {
            return match on_conflict(conflicts, &k) {
                OnConflict::Reapply(base, seen) => self.save(today, lang, dir, Some((*base, seen))),
                OnConflict::Drop => Outcome::Close,
                OnConflict::Stay => Outcome::Stay,
            };
        }
        let changed = self.changed(lang);
        if let Some(outcome) = esc_twice(&k, changed, &mut self.confirm_cancel) {
            return outcome;
        }
        match boxkeys::resolve(BoxContext::Form, &k) {
            Some(BoxCommand::Confirm) => return self.save(today, lang, dir, None),
            // Create on the spot what the pilot fields name but the directory lacks.
            Some(BoxCommand::NewEntry)
                if self.field() == Id::Organisation && !self.organisation.trim().is_empty() =>
            {
                return Outcome::NewEntry {
                    name: self.organisation.trim().to_string(),
                    person_of: None,
                };
            }
            Some(BoxCommand::NewEntry)
                if self.field() == Id::Person && !self.person.trim().is_empty() =>
            {
                if let Some(p) = self.person_elsewhere(dir) {
                    // Never a second person of the same name: say where they are.
                    let of = p.organisation.clone().unwrap_or_default();
                    self.errors.retain(|(i, _)| *i != Id::Person);
                    self.errors
                        .push((Id::Person, format!("{} {of}", lang.t(T::TuiPersonOfOrg))));
                    return Outcome::Stay;
                }
                return match self.organisation_match(dir) {
                    Some(o) => Outcome::NewEntry {
                        name: self.person.trim().to_string(),
                        person_of: Some(o.code.clone()),
                    },
                    None => {
                        self.errors
                            .push((Id::Organisation, lang.t(T::TuiNoSuchOrgCreate).to_string()));
                        Outcome::Stay
                    }
                };
            }
            Some(BoxCommand::Save) => return self.save(today, lang, dir, None),
            Some(BoxCommand::NextField) => self.focus = (self.focus + 1) % FIELDS.len(),
            Some(BoxCommand::PreviousField) => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len()
            }
            _ if self.field().is_choice() => self.choice_key(k, today, lang, dir),
            // Among several organisations or people matching, `←` `→` picks.
            Some(pick @ (BoxCommand::Previous | BoxCommand::Next))
                if matches!(self.field(), Id::Organisation | Id::Person) =>
            {
                let (n, at) = match self.field() {
                    Id::Organisation => (self.organisations(dir).len(), &mut self.org_pick),
                    _ => (self.people(dir).len(), &mut self.person_pick),
                };
                lookup::step(at, n, pick == BoxCommand::Previous);
                if self.field() == Id::Organisation {
                    self.person_pick = 0;
                }
            }
            _ => {
                let id = self.field();
                if let Some(text) = self.text_mut(id) {
                    let typed = if id == Id::Progress {
                        type_number(text, &k)
                    } else {
                        type_into(text, &k)
                    };
                    // A new search starts from its best match.
                    if typed && id == Id::Organisation {
                        self.org_pick = 0;
                        self.person_pick = 0;
                    } else if typed && id == Id::Person {
                        self.person_pick = 0;
                    }
                    self.errors.retain(|(i, _)| *i != id);
                }
            }
        }
        Outcome::Stay
    }

    fn choice_key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang, dir: &Directory) {
        let step: isize = match boxkeys::resolve(BoxContext::Form, &k) {
            Some(BoxCommand::Next | BoxCommand::Cycle) => 1,
            Some(BoxCommand::Previous) => -1,
            _ => return,
        };
        match self.field() {
            Id::Status => {
                let all = ActionStatus::ALL;
                let i = all.iter().position(|s| *s == self.status).unwrap_or(0) as isize;
                self.status = all[(i + step).rem_euclid(all.len() as isize) as usize];
                // Done needs its day, proposed as today, and is complete unless a
                // progress was typed; other statuses have no done day.
                let untouched = self.progress.trim().is_empty()
                    || self.progress
                        == (self.original.progress)
                            .map(|p| p.to_string())
                            .unwrap_or_default();
                match rules::done_day_and_progress(self.status, None, None, today) {
                    (Some(day), proposed) => {
                        if self.done.trim().is_empty() {
                            self.done = lang.date(day);
                        }
                        if let (true, Some(p)) = (untouched, proposed) {
                            self.progress = p.to_string();
                        }
                    }
                    (None, _) => self.done.clear(),
                }
                self.errors.retain(|(i, _)| *i != Id::Done);
            }
            Id::Theme => {
                let mut options: Vec<Option<String>> = vec![None];
                options.extend(dir.themes.iter().map(|t| Some(t.code.clone())));
                let i = options.iter().position(|t| *t == self.theme).unwrap_or(0) as isize;
                self.theme =
                    options[(i + step).rem_euclid(options.len() as isize) as usize].clone();
            }
            Id::Origin => {
                let mut options: Vec<Option<String>> = vec![None];
                let mut codes: Vec<&String> = dir.catalogue.keys().collect();
                codes.sort();
                options.extend(codes.into_iter().map(|c| Some(c.clone())));
                let i = options
                    .iter()
                    .position(|c| *c == self.catalogue)
                    .unwrap_or(0) as isize;
                self.catalogue =
                    options[(i + step).rem_euclid(options.len() as isize) as usize].clone();
            }
            Id::Weather => {
                let mut options: Vec<Option<Weather>> = vec![None];
                options.extend(Weather::ALL.iter().copied().map(Some));
                let i = options.iter().position(|w| *w == self.weather).unwrap_or(0) as isize;
                self.weather = options[(i + step).rem_euclid(options.len() as isize) as usize];
            }
            _ => {}
        }
    }
}
