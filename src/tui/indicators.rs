//! An action's indicators (`I`): add or edit one (label, kind, unit, baseline,
//! target, target date), record a value (`v`: date and value), remove one after a
//! second key. Each change is one undoable save.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::input::parse_date;
use crate::domain::{Indicator, IndicatorKind, IndicatorValue};
use crate::i18n::{Lang, T};

use super::boxes::Outcome;
use super::boxkeys::{self, BoxCommand, BoxContext};
use super::listbox::{ListBox, ListKey, listed, type_into};

/// The fields of an indicator, then those of a value.
pub const FIELDS: [T; 6] = [
    T::TuiFieldIndicator,
    T::ColKind,
    T::TuiFieldUnit,
    T::TuiBaseline,
    T::TuiTarget,
    T::TuiFieldTargetDate,
];
pub const VALUE_FIELDS: [T; 2] = [T::TuiFieldValueDate, T::TuiFieldValue];

/// What is being typed: an indicator (`index` None for a new one) or a value of one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    Indicator {
        index: Option<usize>,
        kind: Option<IndicatorKind>,
        /// Label, unit, baseline, target, target date.
        texts: [String; 5],
        focus: usize,
        error: Option<(usize, String)>,
    },
    Value {
        index: usize,
        /// Date, value.
        texts: [String; 2],
        focus: usize,
        error: Option<(usize, String)>,
    },
}

pub type Indicators = ListBox<Entry>;

listed!(Entry, Indicator, indicators);

impl Indicators {
    pub fn key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        match self.list_key(k) {
            ListKey::Done(outcome) => return outcome,
            ListKey::Typing(k) => return self.entry_key(k, today, lang),
            ListKey::Add => self.open_entry(Entry::Indicator {
                index: None,
                kind: Some(IndicatorKind::Output),
                texts: Default::default(),
                focus: 0,
                error: None,
            }),
            ListKey::Edit(index) => {
                let i = &self.action.indicators[index];
                self.open_entry(Entry::Indicator {
                    index: Some(index),
                    kind: i.kind,
                    texts: [
                        i.label.clone(),
                        i.unit.clone().unwrap_or_default(),
                        i.baseline.clone().unwrap_or_default(),
                        i.target.clone().unwrap_or_default(),
                        i.target_date.map(|d| lang.date(d)).unwrap_or_default(),
                    ],
                    focus: 0,
                    error: None,
                })
            }
            ListKey::Other(k, Some(index))
                if boxkeys::resolve(BoxContext::Indicators, &k) == Some(BoxCommand::Value) =>
            {
                self.open_entry(Entry::Value {
                    index,
                    texts: [lang.date(today), String::new()],
                    focus: 1,
                    error: None,
                })
            }
            ListKey::Other(..) => {}
        }
        Outcome::Stay
    }

    fn entry_key(&mut self, k: KeyEvent, today: NaiveDate, lang: Lang) -> Outcome {
        let Some(entry) = &mut self.entry else {
            return Outcome::Stay;
        };
        let count = match entry {
            Entry::Indicator { .. } => FIELDS.len(),
            Entry::Value { .. } => VALUE_FIELDS.len(),
        };
        let (focus, error) = match entry {
            Entry::Indicator { focus, error, .. } | Entry::Value { focus, error, .. } => {
                (focus, error)
            }
        };
        let key = boxkeys::resolve(BoxContext::Entry, &k);
        match key {
            Some(BoxCommand::Cancel) => {
                self.entry = None;
                return Outcome::Stay;
            }
            Some(BoxCommand::NextField) => *focus = (*focus + 1) % count,
            Some(BoxCommand::PreviousField) => *focus = (*focus + count - 1) % count,
            Some(BoxCommand::Confirm) => return self.commit(today, lang),
            _ => {
                *error = None;
                let focus = *focus;
                let text: Option<&mut String> = match entry {
                    Entry::Indicator { kind, texts, .. } => match focus {
                        0 => Some(&mut texts[0]),
                        1 => {
                            let mut options: Vec<Option<IndicatorKind>> = vec![None];
                            options.extend(IndicatorKind::ALL.iter().copied().map(Some));
                            let i = options.iter().position(|x| x == kind).unwrap_or(0) as isize;
                            let step = match key {
                                Some(BoxCommand::Next | BoxCommand::Cycle) => 1,
                                Some(BoxCommand::Previous) => -1,
                                _ => 0,
                            };
                            *kind = options[(i + step).rem_euclid(options.len() as isize) as usize];
                            None
                        }
                        f => Some(&mut texts[f - 1]),
                    },
                    Entry::Value { texts, .. } => Some(&mut texts[focus]),
                };
                if let Some(text) = text {
                    type_into(text, &k);
                }
            }
        }
        Outcome::Stay
    }

    fn commit(&mut self, today: NaiveDate, lang: Lang) -> Outcome {
        let mut list = self.action.indicators.clone();
        let refuse = |entry: &mut Entry, at: usize, why: T| {
            let (Entry::Indicator { focus, error, .. } | Entry::Value { focus, error, .. }) = entry;
            *focus = at;
            *error = Some((at, lang.t(why).to_string()));
            Outcome::Stay
        };
        let Some(entry) = &mut self.entry else {
            return Outcome::Stay;
        };
        match entry.clone() {
            Entry::Indicator {
                index, kind, texts, ..
            } => {
                let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
                let Some(label) = opt(&texts[0]) else {
                    return refuse(entry, 0, T::TuiNeedTitle);
                };
                let target_date = match opt(&texts[4]) {
                    None => None,
                    Some(t) => match parse_date(&t, today) {
                        Ok(d) => Some(d),
                        Err(e) => return refuse(entry, 5, crate::i18n::date_input_error(&e)),
                    },
                };
                let values = index
                    .and_then(|i| list.get(i))
                    .map(|i| i.values.clone())
                    .unwrap_or_default();
                let item = Indicator {
                    label,
                    kind,
                    unit: opt(&texts[1]),
                    baseline: opt(&texts[2]),
                    target: opt(&texts[3]),
                    target_date,
                    values,
                };
                match index {
                    Some(i) if i < list.len() => list[i] = item,
                    _ => {
                        list.push(item);
                        self.selected = list.len() - 1;
                    }
                }
            }
            Entry::Value { index, texts, .. } => {
                let on = match parse_date(&texts[0], today) {
                    Ok(d) => d,
                    Err(e) => return refuse(entry, 0, crate::i18n::date_input_error(&e)),
                };
                let value = texts[1].trim().to_string();
                if value.is_empty() {
                    return refuse(entry, 1, T::TuiNeedValue);
                }
                let Some(ind) = list.get_mut(index) else {
                    return Outcome::Stay;
                };
                ind.values.push(IndicatorValue { on, value });
                ind.values.sort_by_key(|v| v.on);
            }
        }
        self.save_with(|a| a.indicators = list)
    }
}

impl crate::tui::field::Fields for Entry {
    fn takes_text(&self) -> bool {
        match self {
            Entry::Indicator { focus, .. } => *focus != 1,
            Entry::Value { .. } => true,
        }
    }

    fn text_field(&mut self) -> Option<(usize, crate::tui::field::Field<'_>)> {
        use crate::tui::field::Field as F;
        match self {
            // The kind is chosen, not typed; the baseline and the target are numbers.
            Entry::Indicator { focus, texts, .. } => match *focus {
                0 => Some((0, F::Line(&mut texts[0]))),
                1 => None,
                f @ (3 | 4) => Some((f, F::Number(&mut texts[f - 1]))),
                f => Some((f, F::Line(&mut texts[f - 1]))),
            },
            Entry::Value { focus, texts, .. } => match *focus {
                0 => Some((0, F::Line(&mut texts[0]))),
                f => Some((f, F::Number(&mut texts[f]))),
            },
        }
    }

    fn took_text(&mut self) {
        let (Entry::Indicator { error, .. } | Entry::Value { error, .. }) = self;
        *error = None;
    }
}

impl<O> super::boxes::BoxBehaviour<O> for Indicators {
    fn on_key(&mut self, k: KeyEvent, cx: &super::boxes::Ctx<'_>) -> Outcome {
        self.key(k, cx.today, cx.lang)
    }

    super::listbox::list_box_behaviour!();
}
