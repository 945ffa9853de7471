//! A new plan in a territory (`n` on a territory's list of plans): code, kind, title,
//! status, period, envelope and allocation. Its actions come next, with `n` in it.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::input::parse_date;
use crate::domain::{Money, Plan, PlanKind, PlanStatus, is_valid_code};
use crate::i18n::{Lang, T};
use crate::store::read::Directory;

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::effect::Effect;
use super::listbox::type_into;

/// The fields, in order: code, kind, title, status, start, end, envelope, allocation,
/// signing day.
pub const FIELDS: [T; 9] = [
    T::TuiFieldCode,
    T::ColKind,
    T::TuiFieldTitle,
    T::TuiFieldStatus,
    T::TuiFieldStart,
    T::TuiFieldEnd,
    T::TuiFieldEnvelope,
    T::ColAllocation,
    T::TuiFieldSigned,
];

/// The title's place in `FIELDS`.
const TITLE: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewPlan {
    pub territory: String,
    pub code: String,
    pub kind: PlanKind,
    pub title: String,
    pub status: PlanStatus,
    pub start: String,
    pub end: String,
    /// An envelope code, or none.
    pub envelope: Option<String>,
    pub allocation: String,
    /// The day it was signed, as typed.
    #[serde(default)]
    pub signed: String,
    /// Changing an existing plan (its code fixed), not creating one.
    #[serde(default)]
    pub editing: bool,
    /// The plan as opened, when changing one: typing is what differs from it.
    #[serde(default)]
    pub opened: Option<Box<NewPlan>>,
    pub focus: usize,
    pub error: Option<(usize, String)>,
    #[serde(skip)]
    pub saving: bool,
}

impl NewPlan {
    /// A new plan for `territory`, its code proposed among those not `taken`.
    pub fn new(territory: String, taken: &[String]) -> NewPlan {
        let base = format!("FDR-{territory}");
        let code = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|c| !taken.contains(c))
            .unwrap_or(base);
        NewPlan {
            code,
            territory,
            kind: PlanKind::CtsRoadmap,
            title: String::new(),
            status: PlanStatus::Draft,
            start: String::new(),
            end: String::new(),
            envelope: None,
            allocation: String::new(),
            signed: String::new(),
            editing: false,
            opened: None,
            // Where people type first: the title; the code is proposed above it.
            focus: TITLE,
            error: None,
            saving: false,
        }
    }

    /// The box for changing `plan`'s own fields.
    pub fn of(plan: &Plan, lang: Lang) -> NewPlan {
        let date = |d: Option<NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
        let mut p = NewPlan::new(plan.territory.clone(), &[]);
        p.code = plan.code.clone();
        p.kind = plan.kind;
        p.title = plan.title.clone();
        p.status = plan.status.unwrap_or(PlanStatus::Draft);
        p.start = date(plan.start);
        p.end = date(plan.end);
        p.envelope = plan.envelope.clone();
        p.allocation = plan
            .allocation
            .map(|a| {
                a.format(lang)
                    .trim_end_matches(" €")
                    .trim_start_matches('€')
                    .to_string()
            })
            .unwrap_or_default();
        p.signed = date(plan.signed_on);
        p.editing = true;
        p.focus = TITLE;
        p.opened = Some(Box::new(p.clone()));
        p
    }

    /// Whether anything was typed or chosen since the box opened.
    pub fn changed(&self) -> bool {
        if let Some(opened) = &self.opened {
            let mut now = self.clone();
            now.opened = None;
            now.focus = opened.focus;
            now.error = None;
            return now != **opened;
        }
        let fresh = NewPlan::new(self.territory.clone(), &[]);
        !self.code.starts_with(&fresh.code)
            || (self.kind, self.status) != (fresh.kind, fresh.status)
            || [&self.title, &self.start, &self.end, &self.allocation]
                .iter()
                .any(|t| !t.is_empty())
            || self.envelope.is_some()
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.focus {
            0 if !self.editing => Some(&mut self.code),
            2 => Some(&mut self.title),
            4 => Some(&mut self.start),
            5 => Some(&mut self.end),
            7 => Some(&mut self.allocation),
            8 => Some(&mut self.signed),
            _ => None,
        }
    }

    pub fn plan(&self, today: NaiveDate, lang: Lang) -> Result<Plan, (usize, String)> {
        let code = self.code.trim().to_string();
        if !is_valid_code(&code) {
            return Err((0, lang.t(T::TuiBadCode).to_string()));
        }
        let title = self.title.trim().to_string();
        if title.is_empty() {
            return Err((2, lang.t(T::TuiNeedTitle).to_string()));
        }
        let date = |i: usize, t: &str| -> Result<Option<NaiveDate>, (usize, String)> {
            if t.trim().is_empty() {
                return Ok(None);
            }
            parse_date(t, today)
                .map(Some)
                .map_err(|e| (i, lang.t(crate::i18n::date_input_error(&e)).to_string()))
        };
        let start = date(4, &self.start)?;
        let signed_on = date(8, &self.signed)?;
        let end = date(5, &self.end)?;
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            return Err((5, lang.t(T::TuiDueBeforeStart).to_string()));
        }
        let allocation = match self.allocation.trim() {
            "" => None,
            t => Some(
                Money::parse_input(t)
                    .map_err(|e| (7, lang.t(crate::i18n::amount_error(&e)).to_string()))?,
            ),
        };
        Ok(Plan {
            code,
            territory: self.territory.clone(),
            kind: self.kind,
            title,
            status: Some(self.status),
            start,
            end,
            signed_on,
            envelope: self.envelope.clone(),
            allocation,
            actions: vec![],
        })
    }

    /// When the allocation typed would take the plans' allocations from the chosen
    /// envelope above its amount: said before saving, not refused (as `jalon check`
    /// says it).
    pub fn envelope_warning(&self, dir: &Directory, lang: Lang) -> Option<String> {
        let envelope = self.envelope.as_deref()?;
        let amount = dir
            .envelopes
            .iter()
            .find(|e| e.code == envelope)
            .and_then(|e| e.amount)?;
        let mine = match self.allocation.trim() {
            "" => Money::ZERO,
            t => Money::parse_input(t).ok()?,
        };
        let others = dir
            .plan_allocations
            .iter()
            .filter(|(plan, _)| **plan != self.code)
            .filter(|(plan, _)| dir.plan_envelopes.get(*plan).map(String::as_str) == Some(envelope))
            .try_fold(mine.cents(), |sum, (_, a)| sum.checked_add(a.cents()))?;
        // An amount is not cut across lines: no-break spaces inside it.
        let money = |m: Money| m.format_tidy(lang).replace(' ', "\u{a0}");
        (others > amount.cents()).then(|| {
            format!(
                "{} {envelope} {} {} {} {}",
                lang.t(T::TuiEnvelopeOverfilled),
                lang.t(T::TuiEnvelopeComesTo),
                money(Money(others)),
                lang.t(T::TuiEnvelopeAbove),
                money(amount)
            )
        })
    }

    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang, dir: &Directory) -> Outcome {
        if self.saving {
            return Outcome::Stay;
        }
        let n = FIELDS.len();
        let key = boxkeys::resolve(BoxContext::Fields, &k);
        match key {
            Some(BoxCommand::Cancel) => return Outcome::Close,
            Some(BoxCommand::NextField) => self.focus = (self.focus + 1) % n,
            Some(BoxCommand::PreviousField) => self.focus = (self.focus + n - 1) % n,
            Some(BoxCommand::Confirm) => {
                return match self.plan(today, lang) {
                    Err(e) => {
                        self.focus = e.0;
                        self.error = Some(e);
                        Outcome::Stay
                    }
                    Ok(plan) => {
                        self.saving = true;
                        Outcome::Run(Effect::SavePlan {
                            plan: Box::new(plan),
                            new: !self.editing,
                        })
                    }
                };
            }
            Some(BoxCommand::Previous | BoxCommand::Next | BoxCommand::Cycle)
                if matches!(self.focus, 1 | 3 | 6) =>
            {
                let step: isize = if key == Some(BoxCommand::Previous) {
                    -1
                } else {
                    1
                };
                let cycle =
                    |len: usize, i: usize| (i as isize + step).rem_euclid(len as isize) as usize;
                match self.focus {
                    1 => {
                        let all = PlanKind::ALL;
                        let i = all.iter().position(|x| *x == self.kind).unwrap_or(0);
                        self.kind = all[cycle(all.len(), i)];
                    }
                    3 => {
                        let all = PlanStatus::ALL;
                        let i = all.iter().position(|x| *x == self.status).unwrap_or(0);
                        self.status = all[cycle(all.len(), i)];
                    }
                    _ => {
                        let mut options: Vec<Option<String>> = vec![None];
                        options.extend(dir.envelopes.iter().map(|e| Some(e.code.clone())));
                        let i = options
                            .iter()
                            .position(|e| *e == self.envelope)
                            .unwrap_or(0);
                        self.envelope = options[cycle(options.len(), i)].clone();
                    }
                }
            }
            _ => {
                if let Some(text) = self.text_mut() {
                    type_into(text, &k);
                }
                self.error = None;
            }
        }
        Outcome::Stay
    }
}

impl crate::tui::field::Fields for NewPlan {
    fn takes_text(&self) -> bool {
        !self.saving
            && match self.focus {
                0 => !self.editing,
                2 | 4 | 5 | 7 | 8 => true,
                _ => false,
            }
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        if self.saving {
            return None;
        }
        let focus = self.focus;
        let text = self.text_mut()?;
        // The allocation is an amount; the rest is text or dates.
        Some((
            focus,
            if focus == 7 {
                F::Number(text)
            } else {
                F::Line(text)
            },
        ))
    }

    fn took_text(&mut self) {
        self.error = None;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for NewPlan {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang, cx.dir)
    }

    fn unblock(&mut self) {
        self.saving = false;
    }

    fn worth_keeping(&self, _lang: Lang) -> bool {
        self.changed()
    }

    /// Said next to the first field.
    fn refused(&mut self, why: &str) {
        self.saving = false;
        self.error = Some((0, why.to_string()));
    }

    fn edits_plan(&self) -> bool {
        self.editing
    }
}
