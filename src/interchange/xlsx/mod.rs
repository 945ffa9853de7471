//! The copil's workbook (`jalon export --format xlsx`): an overview sheet (the
//! board), one sheet per territory (its actions), the budget lines, the milestones
//! and the decisions, in the reader's language. Dates are dates and amounts are
//! numbers; every total is a `SUM` of the rows above, written by Jalon with its
//! value; text from the data is only ever written as text.

mod names;
mod sheet;

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook as Book, XlsxError};

use crate::domain::Sums;
use crate::domain::workbook::{DecisionRow, Workbook};
use crate::i18n::{Lang, T, source_label, status_label, weather_label};
use names::SheetNames;
use sheet::{Cell, Sheet, Styles, TotalValue};

pub use sheet::{LATE_FILL, date_format, money_format};

/// The workbook as the bytes of an `.xlsx` file.
pub fn to_bytes(wb: &Workbook, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new(lang);
    let mut names = SheetNames::default();
    let overview = names.give(lang.t(T::WbSheetOverview));
    let budget = names.give(lang.t(T::WbSheetBudget));
    let milestones = names.give(lang.t(T::WbSheetMilestones));
    let decisions = names.give(lang.t(T::WbSheetDecisions));

    let mut book = Book::new();
    // The sheets' XML compresses well even at the fastest level; the default
    // level took about half of the time of a 10,000-action workbook.
    book.set_zip_compression_level(1);
    book.push_worksheet(overview_sheet(wb, &overview, &styles, lang)?);
    for t in &wb.territories {
        let name = names.give(&format!("{} {}", t.code, t.name));
        book.push_worksheet(territory_sheet(wb, t, &name, &styles, lang)?);
    }
    book.push_worksheet(budget_sheet(wb, &budget, &styles, lang)?);
    book.push_worksheet(milestones_sheet(wb, &milestones, &styles, lang)?);
    book.push_worksheet(decisions_sheet(&wb.decisions, &decisions, &styles, lang)?);
    book.save_to_buffer()
}

fn headers(lang: Lang, cols: &[T]) -> Vec<&'static str> {
    cols.iter().map(|c| lang.t(*c)).collect()
}

fn money_totals(first: u16, sums: Sums) -> [(u16, TotalValue); 3] {
    [
        (first, TotalValue::Money(sums.planned)),
        (first + 1, TotalValue::Money(sums.committed)),
        (first + 2, TotalValue::Money(sums.paid)),
    ]
}

fn overview_sheet(
    wb: &Workbook,
    name: &str,
    styles: &Styles,
    lang: Lang,
) -> Result<rust_xlsxwriter::Worksheet, XlsxError> {
    let cols = [
        T::ColTerritory,
        T::WbColName,
        T::ColPlans,
        T::ColActions,
        T::WbColDoneActions,
        T::ColOverdueActions,
        T::ColOverdueMilestones,
        T::ColPlanned,
        T::ColCommitted,
        T::ColPaid,
    ];
    let mut s = Sheet::new(name, styles, &headers(lang, &cols))?;
    let mut counts = [0u64; 5];
    let mut sums = Sums::default();
    for t in &wb.territories {
        let o = t.overview(wb.today);
        let row = [
            o.plans,
            o.actions,
            o.done,
            o.overdue_actions,
            o.overdue_milestones,
        ];
        for (total, n) in counts.iter_mut().zip(row) {
            *total += u64::from(n);
        }
        sums.add(Sums {
            planned: o.planned,
            committed: o.committed,
            paid: o.paid,
        });
        // Only the counts of what is late are filled (a territory's whole row in
        // red would mark nearly every row of a real region).
        let late =
            |c: usize| (c == 5 && o.overdue_actions > 0) || (c == 6 && o.overdue_milestones > 0);
        s.row_marked(
            &[
                Cell::Text(&t.code),
                Cell::Text(&t.name),
                Cell::Int(Some(i64::from(o.plans))),
                Cell::Int(Some(i64::from(o.actions))),
                Cell::Int(Some(i64::from(o.done))),
                Cell::Int(Some(i64::from(o.overdue_actions))),
                Cell::Int(Some(i64::from(o.overdue_milestones))),
                Cell::Money(o.planned),
                Cell::Money(o.committed),
                Cell::Money(o.paid),
            ],
            late,
        )?;
    }
    let mut totals: Vec<(u16, TotalValue)> = counts
        .iter()
        .enumerate()
        .map(|(i, n)| (2 + i as u16, TotalValue::Count(*n)))
        .collect();
    totals.extend(money_totals(7, sums));
    s.finish(Some((lang.t(T::WbTotal), &totals)))
}

fn territory_sheet(
    wb: &Workbook,
    t: &crate::domain::workbook::TerritoryActions,
    name: &str,
    styles: &Styles,
    lang: Lang,
) -> Result<rust_xlsxwriter::Worksheet, XlsxError> {
    let cols = [
        T::ColPlan,
        T::ColCode,
        T::ColTitle,
        T::ColTheme,
        T::WbColPilotOrg,
        T::WbColPilotPerson,
        T::ColPartners,
        T::ColStart,
        T::ColDue,
        T::ColDone,
        T::ColStatus,
        T::ColProgress,
        T::WbColWeather,
        T::ColDaysLate,
        T::WbColNextMilestone,
        T::WbColMilestoneDue,
        T::WbColLatestNote,
        T::ColPlanned,
        T::ColCommitted,
        T::ColPaid,
    ];
    let mut s = Sheet::new(name, styles, &headers(lang, &cols))?;
    let separator = crate::present::list_separator(lang);
    let mut sums = Sums::default();
    for a in &t.actions {
        let r = &a.row;
        let days_late = a.days_late(wb.today);
        sums.add(Sums {
            planned: r.planned,
            committed: r.committed,
            paid: r.paid,
        });
        let partners = a.partners.join(separator);
        let theme = r
            .theme_label
            .as_deref()
            .or(r.theme.as_deref())
            .unwrap_or("");
        let (next, next_due) = match &a.next_milestone {
            Some((title, due)) => (title.as_str(), Some(*due)),
            None => ("", None),
        };
        s.row(
            &[
                Cell::Text(&r.plan),
                Cell::Text(&r.code),
                Cell::Text(&r.title),
                Cell::Text(theme),
                Cell::Text(r.pilot_org.as_deref().unwrap_or("")),
                Cell::Text(r.pilot_person.as_deref().unwrap_or("")),
                Cell::Text(&partners),
                Cell::Date(r.start),
                Cell::Date(r.due),
                Cell::Date(r.done_on),
                Cell::Text(status_label(lang, r.status)),
                Cell::Percent(r.progress),
                Cell::Text(r.weather.map(|w| weather_label(lang, w)).unwrap_or("")),
                Cell::Int(days_late),
                Cell::Text(next),
                Cell::Date(next_due),
                Cell::Text(a.latest_note.as_deref().unwrap_or("")),
                Cell::Money(r.planned),
                Cell::Money(r.committed),
                Cell::Money(r.paid),
            ],
            days_late.is_some(),
        )?;
    }
    s.finish(Some((lang.t(T::WbTotal), &money_totals(17, sums))))
}

fn budget_sheet(
    wb: &Workbook,
    name: &str,
    styles: &Styles,
    lang: Lang,
) -> Result<rust_xlsxwriter::Worksheet, XlsxError> {
    let cols = [
        T::ColTerritory,
        T::ColPlan,
        T::ColAction,
        T::ColActionTitle,
        T::BudgetColSource,
        T::WbColFunder,
        T::WbColEnvelope,
        T::BudgetColYear,
        T::WbColLabel,
        T::ColPlanned,
        T::ColCommitted,
        T::ColPaid,
    ];
    let mut s = Sheet::new(name, styles, &headers(lang, &cols))?;
    let mut sums = Sums::default();
    for b in &wb.budget {
        sums.add(Sums {
            planned: b.planned,
            committed: b.committed,
            paid: b.paid,
        });
        s.row(
            &[
                Cell::Text(&b.territory),
                Cell::Text(&b.plan),
                Cell::Text(&b.action),
                Cell::Text(&b.action_title),
                Cell::Text(source_label(lang, b.source)),
                Cell::Text(b.funder.as_deref().unwrap_or("")),
                Cell::Text(b.envelope.as_deref().unwrap_or("")),
                Cell::Int(b.year.map(i64::from)),
                Cell::Text(b.label.as_deref().unwrap_or("")),
                Cell::Money(b.planned),
                Cell::Money(b.committed),
                Cell::Money(b.paid),
            ],
            false,
        )?;
    }
    s.finish(Some((lang.t(T::WbTotal), &money_totals(9, sums))))
}

fn milestones_sheet(
    wb: &Workbook,
    name: &str,
    styles: &Styles,
    lang: Lang,
) -> Result<rust_xlsxwriter::Worksheet, XlsxError> {
    let cols = [
        T::ColTerritory,
        T::ColPlan,
        T::ColAction,
        T::ColActionTitle,
        T::ColMilestone,
        T::ColDue,
        T::ColDone,
        T::ColDaysLate,
    ];
    let mut s = Sheet::new(name, styles, &headers(lang, &cols))?;
    for m in &wb.milestones {
        let days_late = m.days_late(wb.today);
        s.row(
            &[
                Cell::Text(&m.territory),
                Cell::Text(&m.plan),
                Cell::Text(&m.action),
                Cell::Text(&m.action_title),
                Cell::Text(&m.title),
                Cell::Date(Some(m.due)),
                Cell::Date(m.done_on),
                Cell::Int(days_late),
            ],
            days_late.is_some(),
        )?;
    }
    s.finish(None)
}

fn body_label(lang: Lang, body: &str) -> &str {
    match crate::domain::MeetingBody::from_code(body) {
        Some(b) => crate::i18n::meeting_body_label(lang, b),
        None => body,
    }
}

fn decisions_sheet(
    decisions: &[DecisionRow],
    name: &str,
    styles: &Styles,
    lang: Lang,
) -> Result<rust_xlsxwriter::Worksheet, XlsxError> {
    let cols = [
        T::ColTerritory,
        T::ColPlan,
        T::ColAction,
        T::ColActionTitle,
        T::WbColWrittenOn,
        T::WbColAuthor,
        T::WbColDecision,
        T::WbColBody,
        T::WbColMeetingDate,
        T::WbColMeeting,
    ];
    let mut s = Sheet::new(name, styles, &headers(lang, &cols))?;
    for d in decisions {
        // The journal's timestamp starts with its day.
        let written =
            d.at.get(..10)
                .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
        let written = match written {
            Some(day) => Cell::Date(Some(day)),
            None => Cell::Text(&d.at),
        };
        let m = d.meeting.as_ref();
        s.row(
            &[
                Cell::Text(&d.territory),
                Cell::Text(&d.plan),
                Cell::Text(&d.action),
                Cell::Text(&d.action_title),
                written,
                Cell::Text(&d.author),
                Cell::Text(&d.text),
                Cell::Text(m.map(|m| body_label(lang, &m.body)).unwrap_or("")),
                Cell::Date(m.and_then(|m| m.on_date)),
                Cell::Text(m.map(|m| m.title.as_str()).unwrap_or("")),
            ],
            false,
        )?;
    }
    s.finish(None)
}
