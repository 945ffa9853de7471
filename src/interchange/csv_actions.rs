//! The actions as a spreadsheet: one row per action, headers and dates in the
//! user's language, overdue computed for `today`.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;

use super::csvout;
use crate::domain::listing::ActionRow;
use crate::domain::rules;
use crate::i18n::{Lang, T, status_label};

const COLUMNS: [T; 17] = [
    T::ColTerritory,
    T::ColPlan,
    T::ColCode,
    T::ColTitle,
    T::ColTheme,
    T::ColStatus,
    T::ColProgress,
    T::ColPilot,
    T::ColPartners,
    T::ColStart,
    T::ColDue,
    T::ColDone,
    T::ColOverdue,
    T::ColDaysLate,
    T::ColPlanned,
    T::ColCommitted,
    T::ColPaid,
];

/// Writes `actions` (as `read::actions` lists them); `partners` holds each action's
/// partner organisations' names, by action id, in their order.
pub fn write_actions<W: Write>(
    out: W,
    actions: &[ActionRow],
    partners: &HashMap<i64, Vec<String>>,
    today: NaiveDate,
    lang: Lang,
) -> csv::Result<()> {
    let mut w = csvout::writer(out, lang)?;
    w.write_record(COLUMNS.iter().map(|c| lang.t(*c)))?;
    let separator = crate::present::list_separator(lang);
    let date = |d: Option<NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
    for a in actions {
        let overdue = a.is_overdue(today);
        let days_late = if overdue {
            rules::days_late(a.due, today)
                .map(|d| d.to_string())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let pilot = csvout::pilot(a.pilot_org.as_deref(), a.pilot_person.as_deref());
        let partners = partners
            .get(&a.id)
            .map(|names| names.join(separator))
            .unwrap_or_default();
        // Text cells through `csvout::text`; numbers and dates as they are.
        w.write_record([
            csvout::text(&a.territory),
            csvout::text(&a.plan),
            csvout::text(&a.code),
            csvout::text(&a.title),
            csvout::text(
                a.theme_label
                    .as_deref()
                    .or(a.theme.as_deref())
                    .unwrap_or(""),
            ),
            csvout::text(status_label(lang, a.status)),
            a.progress.map(|p| p.to_string()).unwrap_or_default(),
            csvout::text(&pilot),
            csvout::text(&partners),
            date(a.start),
            date(a.due),
            date(a.done_on),
            csvout::text(lang.t(if overdue { T::Yes } else { T::No })),
            days_late,
            csvout::amount(a.planned, lang),
            csvout::amount(a.committed, lang),
            csvout::amount(a.paid, lang),
        ])?;
    }
    w.flush()?;
    Ok(())
}
