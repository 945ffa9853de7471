//! The change journal as people read it. The journal stores stable codes (field
//! names and values of the interchange format, list items as their interchange
//! JSON); this says them in the interface's language: the forms' field labels,
//! statuses and weather as labels, dates and amounts as elsewhere, people and
//! organisations by name, each list item's change on a line of its own.

use chrono::NaiveDate;

use crate::domain::{ActionStatus, BudgetLine, Indicator, Milestone, Money, Partner, Weather};
use crate::i18n::{Lang, T, indicator_kind_label, source_label, status_label, weather_label};
use crate::store::journal::Change;
use crate::store::read::Directory;

use super::rows::colon;

/// A change said for people: its first line, then the lines under it (one per
/// field of a list item that changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub line: String,
    pub details: Vec<String>,
}

/// Who did it: an edit, an import, an undo, a redo…
pub fn origin_label(lang: Lang, origin: &str) -> &str {
    match origin {
        "import" => lang.t(T::TuiOriginImport),
        "demo" => lang.t(T::TuiOriginDemo),
        "edit" => lang.t(T::TuiOriginEdit),
        "undo" => lang.t(T::TuiOriginUndo),
        "redo" => lang.t(T::TuiOriginRedo),
        other => other,
    }
}

/// The changes written together (one save: the same save number; for rows written
/// before saves were numbered, the same time, author and origin), in the order they
/// were written; `changes` comes latest first, as the journal reads it.
pub fn saves(changes: &[Change]) -> Vec<Vec<&Change>> {
    let together = |g: &Change, c: &Change| match (g.save, c.save) {
        (Some(a), Some(b)) => a == b,
        (None, None) => (&g.at, &g.who, &g.origin) == (&c.at, &c.who, &c.origin),
        _ => false,
    };
    let mut out: Vec<Vec<&Change>> = vec![];
    for c in changes {
        match out.last_mut() {
            Some(group) if group.first().is_some_and(|g| together(g, c)) => group.push(c),
            _ => out.push(vec![c]),
        }
    }
    for group in &mut out {
        group.reverse();
    }
    out
}

/// One change of the journal, in the interface's words.
pub fn describe(lang: Lang, dir: &Directory, c: &Change) -> Said {
    let Some(field) = c.field.as_deref() else {
        let line = if c.new.as_deref() == Some("created") {
            lang.t(T::TuiCreated).to_string()
        } else if c.old.as_deref() == Some("removed") {
            lang.t(T::TuiRemoved).to_string()
        } else {
            c.new.clone().or(c.old.clone()).unwrap_or_default()
        };
        return Said {
            line: cap(&line),
            details: vec![],
        };
    };
    if let Some(said) = describe_item(lang, dir, field, c.old.as_deref(), c.new.as_deref()) {
        return said;
    }
    let label = field_label(field).map_or(field, |t| lang.t(t));
    let value = |v: Option<&str>| match v {
        Some(v) => value_text(lang, dir, field, v),
        None if field == "catalogue" => lang.t(T::TuiLocalInitiative).to_string(),
        None => "—".to_string(),
    };
    Said {
        line: format!(
            "{label}{}{} → {}",
            colon(lang),
            value(c.old.as_deref()),
            value(c.new.as_deref())
        ),
        details: vec![],
    }
}

/// The label of an action's field as the forms show it.
fn field_label(field: &str) -> Option<T> {
    Some(match field {
        "title" => T::TuiFieldTitle,
        "catalogue" => T::TuiFieldOrigin,
        "theme" => T::TuiFieldTheme,
        "objective" => T::TuiFieldObjective,
        "status" => T::TuiFieldStatus,
        "progress" => T::TuiFieldProgress,
        "weather" => T::TuiFieldWeather,
        "pilot.organisation" => T::TuiFieldPilotOrg,
        "pilot.person" => T::TuiFieldPilotPerson,
        "start" => T::TuiFieldStart,
        "due" => T::TuiFieldDue,
        "done_on" => T::TuiFieldDone,
        // Journals written before list changes were recorded item by item.
        "partners" => T::TuiPartnersTitle,
        "milestones" => T::TuiMilestonesTitle,
        "budget" => T::TuiBudgetTitle,
        "indicators" => T::TuiIndicatorsTitle,
        "journal" => T::TuiJournal,
        _ => return None,
    })
}

/// A stored value (a code, an ISO date, a decimal string) as the interface shows it;
/// what cannot be read is shown as stored, whole.
fn value_text(lang: Lang, dir: &Directory, field: &str, v: &str) -> String {
    let said = match field {
        "status" => ActionStatus::from_code(v).map(|s| status_label(lang, s).to_string()),
        "weather" => Weather::from_code(v).map(|w| weather_label(lang, w).to_string()),
        "progress" => v.parse::<i64>().ok().map(|p| lang.percent(p)),
        "start" | "due" | "done_on" => date(lang, v),
        "pilot.organisation" => Some(dir.org_name(v).to_string()),
        "pilot.person" => dir.people.get(v).map(|p| p.name.clone()),
        "theme" => Some(dir.theme_label(v).to_string()),
        "catalogue" => Some(match dir.catalogue.get(v) {
            Some(item) => format!(
                "{} {v}{}{}",
                lang.t(T::TuiCatalogue),
                colon(lang),
                item.title
            ),
            None => format!("{} {v}", lang.t(T::TuiCatalogue)),
        }),
        "journal" => v
            .split(' ')
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .map(|n| notes(lang, n)),
        _ => None,
    };
    said.unwrap_or_else(|| v.to_string())
}

fn date(lang: Lang, v: &str) -> Option<String> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .map(|d| lang.date(d))
}

/// `1 note`, `3 notes`; French writes the singular for zero.
fn notes(lang: Lang, n: u64) -> String {
    lang.count(n, T::TuiHistNote, T::TuiHistNotes)
}

/// A list item as the journal stores it (interchange JSON).
enum Item {
    Budget(BudgetLine),
    Milestone(Milestone),
    Partner(Partner),
    Indicator(Indicator),
}

impl Item {
    fn read(field: &str, json: &str) -> Option<Item> {
        match field {
            "budget_line" => serde_json::from_str(json).ok().map(Item::Budget),
            "milestone" => serde_json::from_str(json).ok().map(Item::Milestone),
            "partner" => serde_json::from_str(json).ok().map(Item::Partner),
            "indicator" => serde_json::from_str(json).ok().map(Item::Indicator),
            _ => None,
        }
    }

    /// What it is called (changed, added, removed).
    fn words(&self) -> [T; 3] {
        match self {
            Item::Budget(_) => [
                T::TuiHistBudgetLine,
                T::TuiHistBudgetLineAdded,
                T::TuiHistBudgetLineRemoved,
            ],
            Item::Milestone(_) => [
                T::TuiFieldMilestone,
                T::TuiHistMilestoneAdded,
                T::TuiHistMilestoneRemoved,
            ],
            Item::Partner(_) => [
                T::TuiHistPartner,
                T::TuiHistPartnerAdded,
                T::TuiHistPartnerRemoved,
            ],
            Item::Indicator(_) => [
                T::TuiFieldIndicator,
                T::TuiHistIndicatorAdded,
                T::TuiHistIndicatorRemoved,
            ],
        }
    }

    /// Which one: what people know it by (a budget line by its source, year and
    /// label; a milestone or an indicator by its title; a partner by its name).
    fn which(&self, lang: Lang, dir: &Directory) -> String {
        match self {
            Item::Budget(l) => {
                let mut parts = vec![source_label(lang, l.source).to_string()];
                parts.extend(l.year.map(|y| y.to_string()));
                parts.extend(l.label.clone());
                parts.join(" · ")
            }
            Item::Milestone(m) => m.title.clone(),
            Item::Partner(p) => dir.org_name(&p.organisation).to_string(),
            Item::Indicator(i) => i.label.clone(),
        }
    }

    /// Its fields with the boxes' labels, as shown (empty when unset); the first
    /// `which_fields` of them are those `which` already says.
    fn fields(&self, lang: Lang, dir: &Directory) -> Vec<(T, String)> {
        let money = |m: Option<Money>| m.map(|m| m.format_tidy(lang)).unwrap_or_default();
        let day = |d: Option<NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        match self {
            Item::Budget(l) => vec![
                (T::TuiFieldSource, source_label(lang, l.source).to_string()),
                (
                    T::TuiFieldYear,
                    l.year.map(|y| y.to_string()).unwrap_or_default(),
                ),
                (T::TuiFieldLabel, text(&l.label)),
                (
                    T::TuiFieldFunder,
                    l.funder
                        .as_deref()
                        .map(|f| dir.org_name(f).to_string())
                        .unwrap_or_default(),
                ),
                (T::ColPlanned, money(Some(l.planned))),
                (T::ColCommitted, money(l.committed)),
                (T::ColPaid, money(l.paid)),
                (T::TuiFieldEnvelope, text(&l.envelope)),
            ],
            Item::Milestone(m) => vec![
                (T::TuiFieldMilestone, m.title.clone()),
                (T::TuiFieldDue, day(Some(m.due))),
                (T::TuiFieldDone, day(m.done_on)),
            ],
            Item::Partner(p) => vec![
                (
                    T::TuiFieldPartner,
                    dir.org_name(&p.organisation).to_string(),
                ),
                (T::TuiFieldRole, text(&p.role)),
            ],
            Item::Indicator(i) => {
                let unit = i
                    .unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                let with_unit = |v: &Option<String>| {
                    v.as_ref().map(|v| format!("{v}{unit}")).unwrap_or_default()
                };
                let values = i
                    .values
                    .iter()
                    .map(|v| format!("{}{unit} ({})", v.value, lang.date(v.on)))
                    .collect::<Vec<_>>()
                    .join(", ");
                vec![
                    (T::TuiFieldIndicator, i.label.clone()),
                    (
                        T::ColKind,
                        i.kind
                            .map(|k| indicator_kind_label(lang, k).to_string())
                            .unwrap_or_default(),
                    ),
                    (T::TuiFieldUnit, text(&i.unit)),
                    (T::TuiBaseline, with_unit(&i.baseline)),
                    (T::TuiTarget, with_unit(&i.target)),
                    (T::TuiFieldTargetDate, day(i.target_date)),
                    (T::TuiHistValues, values),
                ]
            }
        }
    }

    fn which_fields(&self) -> usize {
        match self {
            Item::Budget(_) => 3,
            _ => 1,
        }
    }
}

/// A list item added, removed or changed: which one on the first line, then each
/// field that changed (or, added or removed, each field it had) on a line of its own.
fn describe_item(
    lang: Lang,
    dir: &Directory,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Option<Said> {
    let read = |v: Option<&str>| v.map(|j| Item::read(field, j));
    let (old, new) = match (read(old), read(new)) {
        // Written as JSON but not readable as today's item: shown as stored.
        (Some(None), _) | (_, Some(None)) | (None, None) => return None,
        (o, n) => (o.flatten(), n.flatten()),
    };
    let c = colon(lang);
    let line = |t: T, v: &str| format!("{}{c}{v}", cap(lang.t(t)));
    let said = match (&old, &new) {
        (Some(o), Some(n)) => {
            let [word, ..] = n.words();
            let details = o
                .fields(lang, dir)
                .into_iter()
                .zip(n.fields(lang, dir))
                .filter(|((_, a), (_, b))| a != b)
                .map(|((t, a), (_, b))| {
                    let dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
                    line(t, &format!("{} → {}", dash(a), dash(b)))
                })
                .collect();
            Said {
                line: line(word, &n.which(lang, dir)),
                details,
            }
        }
        (Some(item), None) | (None, Some(item)) => {
            let [_, added, removed] = item.words();
            let word = if new.is_some() { added } else { removed };
            let rest: Vec<String> = item
                .fields(lang, dir)
                .into_iter()
                .skip(item.which_fields())
                .filter(|(_, v)| !v.is_empty())
                .map(|(t, v)| line(t, &v))
                .collect();
            Said {
                line: line(word, &item.which(lang, dir)),
                details: if rest.is_empty() {
                    vec![]
                } else {
                    vec![rest.join(" · ")]
                },
            }
        }
        (None, None) => return None,
    };
    Some(said)
}

/// `départ` → `Départ`: a box's lower-case word at the start of a line.
fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Who signed a change: the person's name beside the login when the directory
/// knows whose login it is (`Agent Exemple (exemple)`), else the login alone.
pub fn signed(c: &Change) -> String {
    match &c.who_name {
        Some(name) if !name.is_empty() => format!("{name} ({})", c.who),
        _ => c.who.clone(),
    }
}
