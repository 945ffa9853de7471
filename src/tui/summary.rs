//! What a save, an undo or a redo did, in words for the footer: which actions, and
//! for each what changed, old → new where a value says it (`FDR-AISNE/A03 · Statut :
//! En cours → Réalisée, Avancement : 40 % → 100 %`). A key that writes says exactly
//! what it wrote.

use chrono::NaiveDate;

use crate::domain::Action;
use crate::i18n::{Lang, T, status_label, weather_label};
use crate::store::edit::{Saved, SavedAction};

use super::rows;

/// How many actions are named one by one before the rest are counted.
const NAMED: usize = 3;

pub fn saved(lang: Lang, saved: &Saved) -> String {
    match saved.actions.as_slice() {
        [one] => action(lang, one),
        many => {
            let mut codes: Vec<String> = many
                .iter()
                .take(NAMED)
                .map(|a| format!("{}/{}", a.plan, a.after.code))
                .collect();
            if many.len() > NAMED {
                codes.push("…".into());
            }
            let mut fields: Vec<&str> = vec![];
            for a in many {
                if let Some(b) = &a.before {
                    for (label, _) in changes(lang, b, &a.after) {
                        if !fields.contains(&label) {
                            fields.push(label);
                        }
                    }
                }
            }
            let count = rows::count(lang, many.len(), T::TuiActionWord, T::TuiActionsWord);
            let mut s = format!("{count} ({})", codes.join(", "));
            if !fields.is_empty() {
                s.push_str(&format!(" · {}", fields.join(", ")));
            }
            s
        }
    }
}

fn action(lang: Lang, one: &SavedAction) -> String {
    let name = format!("{}/{}", one.plan, one.after.code);
    let what = match &one.before {
        _ if one.deleted => lang.t(T::TuiSummaryDeleted).to_string(),
        None => lang.t(T::TuiSummaryCreated).to_string(),
        Some(b) => changes(lang, b, &one.after)
            .into_iter()
            .map(|(label, values)| match values {
                Some((old, new)) => format!("{label}{}{old} → {new}", rows::colon(lang)),
                None => label.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    if what.is_empty() {
        name
    } else {
        format!("{name} · {what}")
    }
}

/// The fields that differ, each with its old and new value when one short value
/// says it (a status, a date), else only its label (a title, a list).
fn changes(lang: Lang, b: &Action, a: &Action) -> Vec<(&'static str, Option<(String, String)>)> {
    let none = || "—".to_string();
    let date = |d: Option<NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_else(none);
    let pct = |p: Option<u8>| p.map(|p| lang.percent(p)).unwrap_or_else(none);
    let mut out = vec![];
    let mut valued = |t: T, changed: bool, old: String, new: String| {
        if changed {
            out.push((lang.t(t), Some((old, new))));
        }
    };
    valued(
        T::TuiFieldStatus,
        b.status != a.status,
        status_label(lang, b.status).to_string(),
        status_label(lang, a.status).to_string(),
    );
    valued(
        T::TuiFieldProgress,
        b.progress != a.progress,
        pct(b.progress),
        pct(a.progress),
    );
    let weather = |w: Option<crate::domain::Weather>| {
        w.map(|w| weather_label(lang, w).to_string())
            .unwrap_or_else(none)
    };
    valued(
        T::TuiFieldWeather,
        b.weather != a.weather,
        weather(b.weather),
        weather(a.weather),
    );
    valued(
        T::TuiFieldStart,
        b.start != a.start,
        date(b.start),
        date(a.start),
    );
    valued(T::TuiFieldDue, b.due != a.due, date(b.due), date(a.due));
    valued(
        T::TuiFieldDone,
        b.done_on != a.done_on,
        date(b.done_on),
        date(a.done_on),
    );
    let pilot = |p: &Option<crate::domain::Pilot>| {
        p.as_ref()
            .map(|p| match &p.person {
                Some(person) => format!("{} ({person})", p.organisation),
                None => p.organisation.clone(),
            })
            .unwrap_or_else(none)
    };
    valued(
        T::TuiFieldPilotOrg,
        b.pilot != a.pilot,
        pilot(&b.pilot),
        pilot(&a.pilot),
    );
    // A decision added says so; any other change of the journal is a note.
    let decided = a.journal.len() > b.journal.len()
        && a.journal
            .last()
            .is_some_and(|e| e.kind == crate::domain::NoteKind::Decision);
    let journal = if decided {
        T::TuiDecisionInJournal
    } else {
        T::TuiNoteTitle
    };
    let named = [
        (b.title != a.title, T::TuiFieldTitle),
        (b.objective != a.objective, T::TuiFieldObjective),
        (b.theme != a.theme, T::TuiFieldTheme),
        (b.catalogue != a.catalogue, T::TuiFieldOrigin),
        (b.milestones != a.milestones, T::TuiMilestonesTitle),
        (b.budget != a.budget, T::TuiBudgetTitle),
        (b.partners != a.partners, T::TuiPartnersTitle),
        (b.indicators != a.indicators, T::TuiIndicatorsTitle),
        (b.journal != a.journal, journal),
    ];
    out.extend(
        named
            .iter()
            .filter(|(c, _)| *c)
            .map(|(_, t)| (lang.t(*t), None)),
    );
    out
}
