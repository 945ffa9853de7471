//! An action's budget lines (`L`): add, edit, remove (confirmed with another key).
//! Amounts are typed as people write them (`12 500,50`, `12500.50`, `12,5k`); paid
//! above committed, or committed above planned, is said but not refused.

use chrono::Datelike;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::{BudgetLine, FundingSource, Money};
use crate::i18n::{Lang, T};
use crate::store::read::Directory;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::listbox::{ListBox, ListKey, listed, type_into};

/// The fields of a line, in the order they are typed.
pub const FIELDS: [T; 8] = [
    T::TuiFieldSource,
    T::TuiFieldFunder,
    T::TuiFieldYear,
    T::TuiFieldLabel,
    T::ColPlanned,
    T::ColCommitted,
    T::ColPaid,
    T::TuiFieldEnvelope,
];

/// The envelope's field: chosen with `←` `→`, not typed.
pub const ENVELOPE_FIELD: usize = 7;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub index: Option<usize>,
    pub source: FundingSource,
    /// Funder, year, label, planned, committed, paid, as typed.
    pub texts: [String; 6],
    pub envelope: Option<String>,
    pub focus: usize,
    pub error: Option<(usize, String)>,
    /// Which of the organisations matching the funder typed is meant (`←` `→`).
    #[serde(default)]
    pub pick: usize,
}

pub type Budget = ListBox<Entry>;

listed!(Entry, BudgetLine, budget);

fn amount_text(m: Option<Money>, lang: Lang) -> String {
    m.map(|m| {
        m.format(lang)
            .trim_end_matches(" €")
            .trim_start_matches('€')
            .to_string()
    })
    .unwrap_or_default()
}

impl Entry {
    fn new(today_year: i32, envelope: Option<String>) -> Entry {
        Entry {
            index: None,
            source: FundingSource::Fir,
            texts: [
                String::new(),
                today_year.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            envelope,
            focus: 0,
            error: None,
            pick: 0,
        }
    }

    fn of(i: usize, b: &BudgetLine, lang: Lang) -> Entry {
        Entry {
            index: Some(i),
            source: b.source,
            texts: [
                b.funder.clone().unwrap_or_default(),
                b.year.map(|y| y.to_string()).unwrap_or_default(),
                b.label.clone().unwrap_or_default(),
                amount_text(Some(b.planned), lang),
                amount_text(b.committed, lang),
                amount_text(b.paid, lang),
            ],
            envelope: b.envelope.clone(),
            focus: 0,
            error: None,
            pick: 0,
        }
    }

    /// The line typed for an action of `plan`, or the first refusal (field, why).
    pub fn line(
        &self,
        plan: &str,
        lang: Lang,
        dir: &Directory,
    ) -> Result<BudgetLine, (usize, String)> {
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let funder = match opt(&self.texts[0]) {
            None => None,
            Some(f) => match super::lookup::organisation_picked(&f, self.pick, Some(plan), dir) {
                Some(code) => Some(code),
                None => return Err((1, lang.t(T::TuiNoSuchOrgCreate).to_string())),
            },
        };
        let year = match opt(&self.texts[1]) {
            None => None,
            Some(y) => match y.parse::<i32>() {
                Ok(y) if (1990..=2100).contains(&y) => Some(y),
                _ => return Err((2, lang.t(T::TuiBadYear).to_string())),
            },
        };
        let amount = |i: usize| -> Result<Option<Money>, (usize, String)> {
            match opt(&self.texts[i]) {
                None => Ok(None),
                Some(t) => Money::parse_input(&t)
                    .map(Some)
                    .map_err(|e| (i + 1, lang.t(crate::i18n::amount_error(&e)).to_string())),
            }
        };
        let planned = amount(3)?.ok_or((4, lang.t(T::TuiNeedPlanned).to_string()))?;
        Ok(BudgetLine {
            source: self.source,
            envelope: self.envelope.clone(),
            funder,
            year,
            label: opt(&self.texts[2]),
            planned,
            committed: amount(4)?,
            paid: amount(5)?,
        })
    }

    /// Paid above committed, committed above planned: said, not refused.
    pub fn warning(&self, plan: &str, lang: Lang, dir: &Directory) -> Option<&'static str> {
        let l = self.line(plan, lang, dir).ok()?;
        let committed = l.committed.unwrap_or_default();
        if l.paid.unwrap_or_default() > committed {
            Some(lang.t(T::TuiPaidAboveCommitted))
        } else if committed > l.planned {
            Some(lang.t(T::TuiCommittedAbovePlanned))
        } else {
            None
        }
    }
}

impl Budget {
    pub fn key(
        &mut self,
        k: KeyEvent,
        today: chrono::NaiveDate,
        lang: Lang,
        dir: &Directory,
    ) -> Outcome {
        match self.list_key(k) {
            ListKey::Done(outcome) => return outcome,
            ListKey::Typing(k) => return self.entry_key(k, lang, dir),
            ListKey::Add => {
                // A new line counts against the plan's envelope unless told otherwise.
                let envelope = dir.plan_envelopes.get(&self.plan).cloned(); // FIR first
                self.open_entry(Entry::new(today.year(), envelope))
            }
            ListKey::Edit(i) => self.open_entry(Entry::of(i, &self.action.budget[i], lang)),
            ListKey::Other(..) => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, lang: Lang, dir: &Directory) -> Outcome {
        let Some(e) = &mut self.entry else {
            return Outcome::Stay;
        };
        let key = boxkeys::resolve(BoxContext::Entry, &k);
        let step = if key == Some(BoxCommand::Previous) {
            -1
        } else {
            1
        };
        match key {
            Some(BoxCommand::Cancel) => self.entry = None,
            Some(BoxCommand::NextField) => e.focus = (e.focus + 1) % FIELDS.len(),
            Some(BoxCommand::PreviousField) => {
                e.focus = (e.focus + FIELDS.len() - 1) % FIELDS.len()
            }
            Some(BoxCommand::Confirm) => match e.line(&self.plan, lang, dir) {
                Err((f, msg)) => {
                    e.focus = f;
                    e.error = Some((f, msg));
                }
                Ok(line) => {
                    let index = e.index;
                    return self.save_item(index, line);
                }
            },
            // A funder missing from the directory, created on the spot.
            Some(BoxCommand::NewEntry)
                if e.focus == 1
                    && !e.texts[0].trim().is_empty()
                    && super::lookup::organisation_code(&e.texts[0], dir).is_none() =>
            {
                return Outcome::NewEntry {
                    name: e.texts[0].trim().to_string(),
                    person_of: None,
                };
            }
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle) if e.focus == 0 => {
                let all = FundingSource::ALL;
                let i = all.iter().position(|s| *s == e.source).unwrap_or(0) as isize;
                e.source = all[(i + step).rem_euclid(all.len() as isize) as usize];
                // The plan's envelope is the regional fund's (FIR): other sources
                // leave it, unless another envelope was chosen by hand.
                let plan_envelope = dir.plan_envelopes.get(&self.plan);
                if e.envelope.is_none() || e.envelope.as_ref() == plan_envelope {
                    e.envelope = plan_envelope
                        .filter(|_| e.source == FundingSource::Fir)
                        .cloned();
                }
            }
            Some(BoxCommand::Previous | BoxCommand::Next) if e.focus == 1 => {
                let n = super::lookup::organisations(&e.texts[0], Some(&self.plan), dir).len();
                super::lookup::step(&mut e.pick, n, step < 0);
            }
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle)
                if e.focus == ENVELOPE_FIELD =>
            {
                // None, then each envelope of the region.
                let mut options: Vec<Option<String>> = vec![None];
                options.extend(dir.envelopes.iter().map(|v| Some(v.code.clone())));
                let i = options.iter().position(|o| *o == e.envelope).unwrap_or(0) as isize;
                e.envelope =
                    options[(i + step).rem_euclid(options.len() as isize) as usize].clone();
            }
            _ if e.focus > 0 && e.focus < ENVELOPE_FIELD => {
                if type_into(&mut e.texts[e.focus - 1], &k) && e.focus == 1 {
                    e.pick = 0;
                }
                if e.error.as_ref().is_some_and(|(f, _)| *f == e.focus) {
                    e.error = None;
                }
            }
            _ => {}
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for Entry {
    fn takes_text(&self) -> bool {
        self.focus != 0 && self.focus < ENVELOPE_FIELD
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        // The source and the envelope are chosen, not typed.
        if self.focus == 0 || self.focus >= ENVELOPE_FIELD {
            return None;
        }
        let text = &mut self.texts[self.focus - 1];
        // The funder and the label are text; the year and the amounts, numbers.
        Some((
            self.focus,
            match self.focus {
                1 | 3 => F::Line(text),
                _ => F::Number(text),
            },
        ))
    }

    fn took_text(&mut self) {
        if self.focus == 1 {
            self.pick = 0;
        }
        if self.error.as_ref().is_some_and(|(f, _)| *f == self.focus) {
            self.error = None;
        }
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Budget {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang, cx.dir)
    }

    super::listbox::list_box_behaviour!();

    fn plan(&self) -> Option<&str> {
        Some(&self.plan)
    }

    /// The funder of the line being typed.
    fn name_entry(&mut self, _person: bool, code: &str) {
        if let Some(e) = &mut self.entry {
            e.texts[0] = code.to_string();
            e.pick = 0;
            e.error = None;
        }
    }
}
