//! The copil report put into words: one document of sections (headings, tables,
//! lists of plain text) built here in the chosen language, then written as Markdown
//! (`md`) or as one self-contained HTML page (`html`). Every value from the database
//! goes through `cell`: line breaks become spaces, other control characters are made
//! visible (`text::escape`); each format then escapes what its syntax needs.

pub mod html;
pub mod md;

use crate::domain::Money;
use crate::domain::copil::*;
use crate::i18n::{Lang, T, source_label, status_label};

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(String),
    /// A sub-heading (an action, in "what changed").
    Sub(String),
    List(Vec<String>),
    Table {
        head: Vec<String>,
        /// Columns of figures, aligned right.
        right: Vec<bool>,
        rows: Vec<Vec<String>>,
        /// The last row is a total.
        total: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// The report, format aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    /// Lines under the title: the plan, the day, the period.
    pub lines: Vec<String>,
    pub sections: Vec<Section>,
}

/// A value from the database, safe as one line of text: line breaks and tabs are
/// spaces, any other control character made visible.
pub fn cell(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    crate::text::escape(one_line.trim()).into_owned()
}

/// The report as Markdown.
pub fn markdown(r: &Report, lang: Lang) -> String {
    md::write(&document(r, lang))
}

/// The report as one HTML page.
pub fn html(r: &Report, lang: Lang) -> String {
    html::write(&document(r, lang))
}

pub fn body_label(lang: Lang, b: Body) -> &'static str {
    lang.t(match b {
        Body::Cts => T::CopilBodyCts,
        Body::Copil => T::CopilBodyCopil,
        Body::Other => T::CopilBodyOther,
    })
}

/// `copil of 2026-03-12 “March copil”`.
pub fn meeting_label(lang: Lang, m: &MeetingRef) -> String {
    lang.fill(
        T::CopilMeetingLabel,
        &[
            ("body", &body_label(lang, m.body)),
            ("day", &lang.date(m.on)),
            ("title", &cell(&m.title)),
        ],
    )
}

/// The section heading of what changed, which says the period.
fn period_heading(lang: Lang, p: &Period) -> String {
    match p {
        Period::Since(d) => lang.fill(T::CopilSinceDay, &[("day", &lang.date(*d))]),
        Period::SinceMeeting(m) => lang.fill(
            T::CopilSinceMeeting,
            &[("meeting", &meeting_label(lang, m))],
        ),
    }
}

pub fn document(r: &Report, lang: Lang) -> Doc {
    let title = lang.fill(
        T::CopilTitle,
        &[
            ("name", &cell(&r.territory.name)),
            ("code", &cell(&r.territory.code)),
        ],
    );
    let mut lines = Vec::new();
    if let Some(p) = &r.plan {
        lines.push(lang.fill(
            T::CopilPlanLine,
            &[("code", &cell(&p.code)), ("title", &cell(&p.name))],
        ));
    }
    lines.push(lang.fill(T::CopilAsOf, &[("day", &lang.date(r.today))]));
    lines.push(match &r.period {
        Some(Period::Since(d)) => lang.fill(
            T::CopilPeriod,
            &[("from", &lang.date(*d)), ("to", &lang.date(r.today))],
        ),
        Some(Period::SinceMeeting(m)) => lang.fill(
            T::CopilPeriodMeeting,
            &[
                ("meeting", &meeting_label(lang, m)),
                ("to", &lang.date(r.today)),
            ],
        ),
        None => lang.t(T::CopilNoPeriod).to_string(),
    });
    let mut sections = vec![
        board(r, lang),
        items(lang, T::CopilOverdue, &r.overdue, true),
        items(lang, T::CopilDueSoon, &r.due_soon, false),
        budget(r, lang),
    ];
    if let Some(p) = &r.period {
        sections.push(changes(r, p, lang));
    }
    Doc {
        lang,
        title,
        lines,
        sections,
    }
}

fn board(r: &Report, lang: Lang) -> Section {
    let b = &r.board;
    let allocation = if b.allocation.cents() > 0 {
        let pct =
            (b.envelope_planned.cents() * 100 + b.allocation.cents() / 2) / b.allocation.cents();
        lang.fill(
            T::ReportShareOf,
            &[
                ("share", &lang.percent(pct)),
                ("amount", &b.allocation.format(lang)),
            ],
        )
    } else {
        "—".to_string()
    };
    let soon = lang.fill(T::CopilSoonHead, &[("days", &b.due_soon_days)]);
    Section {
        heading: lang.t(T::CopilBoard).to_string(),
        blocks: vec![Block::Table {
            head: vec![
                lang.t(T::ColPlans).to_string(),
                lang.t(T::ColActions).to_string(),
                lang.t(T::ColDoneShare).to_string(),
                lang.t(T::ColOverdueActions).to_string(),
                lang.t(T::ColOverdueMilestones).to_string(),
                soon,
                lang.t(T::ColAllocation).to_string(),
            ],
            right: vec![true, true, true, true, true, true, false],
            rows: vec![vec![
                b.plans.to_string(),
                b.actions.to_string(),
                lang.percent(b.done_percent),
                b.overdue_actions.to_string(),
                b.overdue_milestones.to_string(),
                b.due_soon.to_string(),
                allocation,
            ]],
            total: false,
        }],
    }
}

fn pilot(i: &Item) -> String {
    match (&i.pilot_org, &i.pilot_person) {
        (Some(o), Some(p)) => format!("{} ({})", cell(o), cell(p)),
        (Some(o), None) => cell(o),
        (None, Some(p)) => cell(p),
        (None, None) => "—".to_string(),
    }
}

/// `2026-03-01, Ana: waiting for the partner's answer`.
pub fn note_line(lang: Lang, n: &NoteRef) -> String {
    let day = n.day().map(|d| lang.date(d)).unwrap_or_else(|| cell(&n.at));
    lang.fill(
        T::CopilNoteLine,
        &[
            ("day", &day),
            ("author", &cell(&n.author)),
            ("text", &cell(&n.text)),
        ],
    )
}

/// Overdue work (`late`: days late and the latest note) or work falling due (days left).
fn items(lang: Lang, heading: T, list: &[Item], late: bool) -> Section {
    let heading = lang.fill(heading, &[("days", &HORIZON_DAYS)]);
    if list.is_empty() {
        let none = if late {
            T::CopilNoneOverdue
        } else {
            T::CopilNoneDue
        };
        let none = lang.fill(none, &[("days", &HORIZON_DAYS)]);
        return Section {
            heading,
            blocks: vec![Block::Para(none)],
        };
    }
    let mut head = vec![
        lang.t(T::ColKind).to_string(),
        lang.t(T::ColCode).to_string(),
        lang.t(T::ColTitle).to_string(),
        lang.t(T::ColDue).to_string(),
        lang.t(if late {
            T::ColDaysLate
        } else {
            T::CopilDaysLeft
        })
        .to_string(),
        lang.t(T::ColPilot).to_string(),
    ];
    let mut right = vec![false, false, false, false, true, false];
    if late {
        head.push(lang.t(T::CopilLatestNote).to_string());
        right.push(false);
    }
    let rows = list
        .iter()
        .map(|i| {
            let (kind, title) = match i.kind {
                ItemKind::Action => (lang.t(T::KindAction), cell(&i.title)),
                ItemKind::Milestone => (
                    lang.t(T::KindMilestone),
                    format!("{} — {}", cell(&i.title), cell(&i.action_title)),
                ),
            };
            let days = if late { i.days_late } else { -i.days_late };
            let mut row = vec![
                kind.to_string(),
                format!("{}/{}", cell(&i.plan), cell(&i.action)),
                title,
                lang.date(i.due),
                lang.days(days),
                pilot(i),
            ];
            if late {
                row.push(match &i.note {
                    Some(n) => note_line(lang, n),
                    None => "—".to_string(),
                });
            }
            row
        })
        .collect();
    Section {
        heading,
        blocks: vec![Block::Table {
            head,
            right,
            rows,
            total: false,
        }],
    }
}

fn budget(r: &Report, lang: Lang) -> Section {
    let heading = lang.t(T::CopilBudget).to_string();
    if r.budget.by_source.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Para(lang.t(T::CopilNoBudget).to_string())],
        };
    }
    let row = |label: String, s: crate::domain::Sums| {
        vec![
            label,
            s.planned.format(lang),
            s.committed.format(lang),
            s.paid.format(lang),
            s.left_to_commit().format(lang),
        ]
    };
    let mut rows: Vec<Vec<String>> = r
        .budget
        .by_source
        .iter()
        .map(|(source, s)| row(source_label(lang, *source).to_string(), *s))
        .collect();
    rows.push(row(lang.t(T::TuiTotal).to_string(), r.budget.total));
    Section {
        heading,
        blocks: vec![Block::Table {
            head: vec![
                lang.t(T::BudgetColSource).to_string(),
                lang.t(T::ColPlanned).to_string(),
                lang.t(T::ColCommitted).to_string(),
                lang.t(T::ColPaid).to_string(),
                lang.t(T::BudgetColLeftToCommit).to_string(),
            ],
            right: vec![false, true, true, true, true],
            rows,
            total: true,
        }],
    }
}

/// `+€1,200.00`, `-€50.00`.
fn signed(m: Money, lang: Lang) -> String {
    let s = m.format(lang);
    if m.cents() > 0 { format!("+{s}") } else { s }
}

fn event(lang: Lang, e: &Event) -> Vec<String> {
    match e {
        Event::Created => vec![lang.t(T::CopilEvCreated).to_string()],
        Event::Removed => vec![lang.t(T::CopilEvRemoved).to_string()],
        Event::Status { from, to } => {
            let from = from.map(|s| status_label(lang, s)).unwrap_or("—");
            let text = if *to == crate::domain::ActionStatus::Abandoned {
                T::CopilEvAbandoned
            } else {
                T::CopilEvStatus
            };
            vec![lang.fill(text, &[("from", &from), ("to", &status_label(lang, *to))])]
        }
        Event::Due { from, to } => {
            let (f, t) = (lang.opt_date(*from), lang.opt_date(*to));
            let line = match due_shift(*from, *to) {
                Some(n) if n > 0 => lang.fill(
                    T::CopilEvDueSlipped,
                    &[("from", &f), ("to", &t), ("days", &lang.days(n))],
                ),
                Some(n) => lang.fill(
                    T::CopilEvDueEarlier,
                    &[("from", &f), ("to", &t), ("days", &lang.days(-n))],
                ),
                None => lang.fill(T::CopilEvDue, &[("from", &f), ("to", &t)]),
            };
            vec![line]
        }
        Event::MilestoneDone { title, on } => vec![lang.fill(
            T::CopilEvMilestoneDone,
            &[("title", &cell(title)), ("day", &lang.date(*on))],
        )],
        Event::Money { committed, paid } => {
            let mut out = Vec::new();
            if committed.cents() != 0 {
                out.push(lang.fill(
                    T::CopilEvCommitted,
                    &[("amount", &signed(*committed, lang))],
                ));
            }
            if paid.cents() != 0 {
                out.push(lang.fill(T::CopilEvPaid, &[("amount", &signed(*paid, lang))]));
            }
            out
        }
    }
}

fn changes(r: &Report, p: &Period, lang: Lang) -> Section {
    let heading = period_heading(lang, p);
    if r.changes.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Para(lang.t(T::CopilNoChanges).to_string())],
        };
    }
    let mut blocks = Vec::new();
    for c in &r.changes {
        blocks.push(Block::Sub(match &c.title {
            Some(t) => format!("{} — {}", cell(&c.key), cell(t)),
            None => cell(&c.key),
        }));
        let mut list: Vec<String> = c.events.iter().flat_map(|e| event(lang, e)).collect();
        for d in &c.decisions {
            let mut line = lang.fill(T::CopilDecision, &[("note", &note_line(lang, &d.note))]);
            if let Some(m) = &d.meeting {
                line.push_str(
                    &lang.fill(T::CopilDecisionAt, &[("meeting", &meeting_label(lang, m))]),
                );
            }
            list.push(line);
        }
        blocks.push(Block::List(list));
    }
    Section { heading, blocks }
}
