//! An action's detail as lines of styled text, laid out for a given width (again on
//! resize): everything about the action, in the order a copil reads it.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::{ActionStatus, Money, Weather, rules};
use crate::i18n::{Lang, T, indicator_kind_label, source_label, status_label, weather_label};
use crate::store::presence::Editor;
use crate::store::read::{ActionDetail, Directory};
use crate::text::{pad_left, pad_right, width};

use super::history;
use super::model::Settings;
use super::rows::{self, days_left, late_mark};
use super::table::Seg;
use super::theme::Role;
pub use super::wrap::{Line, wrap};

struct Doc<'a> {
    lines: Vec<Line>,
    width: usize,
    label_width: usize,
    lang: Lang,
    s: &'a Settings,
}

impl Doc<'_> {
    fn blank(&mut self) {
        self.lines.push(vec![]);
    }

    fn heading(&mut self, t: T) {
        self.blank();
        self.lines
            .push(vec![Seg::new(self.lang.t(t).to_uppercase(), Role::Accent)]);
    }

    /// `Label      value…`, the value wrapped under itself.
    fn field(&mut self, label: T, value: Vec<Seg>) {
        let mut segs = vec![Seg::new(
            pad_right(self.lang.t(label), self.label_width),
            Role::Title,
        )];
        segs.extend(value);
        let lines = wrap(&segs, self.width, self.label_width);
        self.lines.extend(lines);
    }

    /// A line under the previous field's value.
    fn more(&mut self, value: Vec<Seg>) {
        let mut segs = vec![Seg::plain(" ".repeat(self.label_width))];
        segs.extend(value);
        let lines = wrap(&segs, self.width, self.label_width);
        self.lines.extend(lines);
    }

    /// Text indented by `indent`, wrapped.
    fn para(&mut self, indent: usize, value: Vec<Seg>) {
        let mut segs = vec![Seg::plain(" ".repeat(indent))];
        segs.extend(value);
        let lines = wrap(&segs, self.width, indent);
        self.lines.extend(lines);
    }

    fn date(&self, d: NaiveDate) -> String {
        self.lang.date(d)
    }
}

fn weather_role(w: Weather) -> Role {
    match w {
        Weather::Green => Role::Done,
        Weather::Orange => Role::DueSoon,
        Weather::Red => Role::OverdueMark,
    }
}

/// `31/03/2025 14:02` in the session's offset, from a stored RFC 3339 time.
pub fn local_time(lang: Lang, offset: FixedOffset, at: &str) -> String {
    match DateTime::parse_from_rfc3339(at) {
        Ok(t) => {
            let t = t.with_timezone(&offset);
            format!("{} {}", lang.date(t.date_naive()), t.format("%H:%M"))
        }
        Err(_) => at.to_string(),
    }
}

/// `editing`: others with a box open on the action, said under its plan.
pub fn build(
    d: &ActionDetail,
    editing: &[Editor],
    dir: &Directory,
    s: &Settings,
    width: u16,
) -> Vec<Line> {
    let lang = s.lang;
    let labels = [
        T::TuiObjective,
        T::ColTheme,
        T::TuiOrigin,
        T::ColStatus,
        T::ColPilot,
        T::ColPartners,
        T::ColStart,
        T::ColDue,
        T::ColDone,
    ];
    let label_width = labels
        .iter()
        .map(|l| crate::text::width(lang.t(*l)))
        .max()
        .unwrap_or(10)
        + 2;
    let mut doc = Doc {
        lines: vec![],
        width: usize::from(width).max(20),
        label_width,
        lang,
        s,
    };
    let a = &d.row;
    doc.para(
        0,
        vec![Seg::new(format!("{} · {}", a.code, a.title), Role::Accent)],
    );
    doc.para(
        0,
        vec![Seg::new(
            format!("{} · {} · {}", d.territory_name, a.plan, d.plan_title),
            Role::Muted,
        )],
    );
    for e in editing {
        doc.para(0, super::presence::detail_line(s, e));
    }
    doc.blank();

    let objective = d.objective.as_deref().unwrap_or("—");
    doc.field(T::TuiObjective, vec![Seg::plain(objective)]);
    let theme = match &a.theme {
        Some(code) => format!("{} ({code})", dir.theme_label(code)),
        None => "—".into(),
    };
    doc.field(T::ColTheme, vec![Seg::plain(theme)]);
    let origin = match (&a.catalogue, &d.catalogue_title) {
        (Some(code), Some(title)) => format!(
            "{} {code}{}{title}",
            lang.t(T::TuiCatalogue),
            rows::colon(lang)
        ),
        (Some(code), None) => format!("{} {code}", lang.t(T::TuiCatalogue)),
        _ => lang.t(T::TuiLocalInitiative).to_string(),
    };
    doc.field(T::TuiOrigin, vec![Seg::plain(origin)]);

    let mut status = vec![Seg::plain(status_label(lang, a.status))];
    if let Some(p) = a.progress {
        status.push(Seg::plain(format!(" · {}", lang.percent(p))));
    }
    if let Some(w) = a.weather {
        // `météo : vert`: a field and its value (`météo vert` does not agree).
        status.push(Seg::plain(format!(
            " · {}{}",
            lang.t(T::TuiWeather),
            rows::colon(lang)
        )));
        status.push(Seg::new(weather_label(lang, w), weather_role(w)));
    }
    if a.is_late_start(s.today) {
        status.push(Seg::new(
            format!(" · ▸ {}", lang.t(T::TuiLateStart)),
            Role::DueSoon,
        ));
    }
    doc.field(T::ColStatus, status);

    match &a.pilot_org_code {
        Some(code) => {
            doc.field(T::ColPilot, vec![Seg::plain(dir.org_name(code))]);
            let person = d.pilot_person_code.as_ref().and_then(|c| dir.people.get(c));
            if let Some(p) = person {
                let mut parts = vec![p.name.clone()];
                parts.extend(p.email.clone());
                parts.extend(p.phone.clone());
                doc.more(vec![Seg::plain(parts.join(" · "))]);
            } else if let Some(name) = &a.pilot_person {
                doc.more(vec![Seg::plain(name)]);
            }
        }
        None => doc.field(T::ColPilot, vec![Seg::new("—", Role::Muted)]),
    }
    if d.children.partners.is_empty() {
        doc.field(T::ColPartners, vec![Seg::new("—", Role::Muted)]);
    }
    for (i, p) in d.children.partners.iter().enumerate() {
        let mut v = vec![Seg::plain(dir.org_name(&p.organisation))];
        if let Some(role) = &p.role {
            v.push(Seg::new(format!(" — {role}"), Role::Muted));
        }
        if i == 0 {
            doc.field(T::ColPartners, v);
        } else {
            doc.more(v);
        }
    }

    calendar(&mut doc, d);
    budget(&mut doc, d, dir);
    indicators(&mut doc, d);
    journal(&mut doc, d);
    last_change(&mut doc, d, dir);
    doc.lines
}

fn calendar(doc: &mut Doc<'_>, d: &ActionDetail) {
    let (lang, today) = (doc.lang, doc.s.today);
    let a = &d.row;
    doc.heading(T::TuiCalendar);
    doc.field(T::ColStart, vec![Seg::plain(lang.opt_date(a.start))]);
    let mut due = vec![Seg::plain(lang.opt_date(a.due))];
    if a.is_overdue(today) {
        let late = rules::days_late(a.due, today).unwrap_or(0);
        due.push(Seg::new(
            format!("  {} {}", late_mark(lang, late), lang.t(T::TuiLateWord)),
            Role::OverdueMark,
        ));
    } else if let (false, Some(late)) = (a.status.is_closed(), rules::days_late(a.due, today)) {
        let role = if a.is_due_soon(today, doc.s.due_soon_days) {
            Role::DueSoon
        } else {
            Role::Normal
        };
        due.push(Seg::new(format!("  {}", days_left(lang, -late)), role));
    }
    doc.field(T::ColDue, due);
    let done = match (a.status, a.done_on) {
        (_, Some(on)) => vec![Seg::new(format!("✓ {}", doc.date(on)), Role::Done)],
        (ActionStatus::Done, None) => vec![Seg::new("✓", Role::Done)],
        _ => vec![Seg::new("—", Role::Muted)],
    };
    doc.field(T::ColDone, done);
    if d.children.milestones.is_empty() {
        return;
    }
    doc.blank();
    doc.para(0, vec![Seg::new(lang.t(T::TuiMilestones), Role::Title)]);
    for m in &d.children.milestones {
        let overdue = rules::milestone_overdue(a.status, m.due, m.done_on, today);
        let (mark, role, note) = if let Some(on) = m.done_on {
            let note = if on == m.due {
                String::new()
            } else {
                format!("  ({} {})", lang.t(T::TuiDoneOn), doc.date(on))
            };
            ("✓".to_string(), Role::Done, note)
        } else if overdue {
            let late = (today - m.due).num_days();
            (late_mark(lang, late), Role::OverdueMark, String::new())
        } else if a.status.is_closed() {
            ("—".to_string(), Role::Muted, String::new())
        } else {
            let left = (m.due - today).num_days();
            let role = if left <= i64::from(doc.s.due_soon_days) {
                Role::DueSoon
            } else {
                Role::Normal
            };
            (days_left(lang, left), role, String::new())
        };
        let line_role = if overdue { Role::Overdue } else { Role::Normal };
        doc.para(
            2,
            vec![
                Seg::new(pad_right(&mark, 8), role),
                Seg::new(format!("{}  {}", doc.date(m.due), m.title), line_role),
                Seg::new(note, Role::Muted),
            ],
        );
    }
}

fn budget(doc: &mut Doc<'_>, d: &ActionDetail, dir: &Directory) {
    let lang = doc.lang;
    doc.heading(T::TuiBudget);
    let lines = &d.children.budget;
    if lines.is_empty() {
        doc.para(2, vec![Seg::new(lang.t(T::TuiNoBudget), Role::Muted)]);
        return;
    }
    // To the cent where there are cents: what was typed is what is read back.
    let amount = |m: Option<Money>| m.map(|m| m.format_tidy(lang)).unwrap_or("—".into());
    let planned: Money = lines.iter().map(|l| l.planned).sum();
    let committed: Money = lines.iter().filter_map(|l| l.committed).sum();
    let paid: Money = lines.iter().filter_map(|l| l.paid).sum();
    let rows: Vec<[String; 6]> = lines
        .iter()
        .map(|l| {
            let mut what = l.label.clone().unwrap_or_default();
            if let Some(f) = &l.funder {
                if !what.is_empty() {
                    what.push_str(" · ");
                }
                what.push_str(dir.org_name(f));
            }
            if let Some(e) = &l.envelope {
                what.push_str(&format!(" ({e})"));
            }
            [
                source_label(lang, l.source).to_string(),
                l.year.map(|y| y.to_string()).unwrap_or_default(),
                what,
                amount(Some(l.planned)),
                amount(l.committed),
                amount(l.paid),
            ]
        })
        .collect();
    let head = [
        lang.t(T::TuiSource).to_string(),
        lang.t(T::TuiYear).to_string(),
        lang.t(T::TuiBudgetLine).to_string(),
        lang.t(T::ColPlanned).to_string(),
        lang.t(T::ColCommitted).to_string(),
        lang.t(T::ColPaid).to_string(),
    ];
    let total = [
        lang.t(T::TuiTotal).to_string(),
        String::new(),
        String::new(),
        planned.format_tidy(lang),
        committed.format_tidy(lang),
        paid.format_tidy(lang),
    ];
    let mut w: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .chain([&head, &total])
                .map(|r| width(&r[i]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The label column takes what is left after two spaces of indent and gaps.
    let fixed: usize = w[0] + w[1] + w[3] + w[4] + w[5] + 2 + 5;
    w[2] = doc.width.saturating_sub(fixed).min(w[2]).max(4);
    let line = |r: &[String; 6]| -> String {
        format!(
            "  {} {} {} {} {} {}",
            pad_right(&r[0], w[0]),
            pad_right(&r[1], w[1]),
            pad_right(&r[2], w[2]),
            pad_left(&r[3], w[3]),
            pad_left(&r[4], w[4]),
            pad_left(&r[5], w[5]),
        )
    };
    doc.lines.push(vec![Seg::new(line(&head), Role::Title)]);
    for r in &rows {
        doc.lines.push(vec![Seg::plain(line(r))]);
    }
    doc.lines.push(vec![Seg::new(line(&total), Role::Title)]);
    doc.para(
        2,
        vec![Seg::plain(format!(
            "{} {} · {} {}",
            lang.t(T::TuiToCommit),
            (planned - committed).format_tidy(lang),
            lang.t(T::TuiToPay),
            (committed - paid).format_tidy(lang),
        ))],
    );
}

fn indicators(doc: &mut Doc<'_>, d: &ActionDetail) {
    let lang = doc.lang;
    if d.children.indicators.is_empty() {
        return;
    }
    doc.heading(T::TuiIndicators);
    for i in &d.children.indicators {
        let mut head = i.label.clone();
        if let Some(k) = i.kind {
            head.push_str(&format!(" ({})", indicator_kind_label(lang, k)));
        }
        doc.para(2, vec![Seg::new(head, Role::Title)]);
        let unit = i
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let mut parts = vec![];
        if let Some(b) = &i.baseline {
            parts.push(format!("{} {b}{unit}", lang.t(T::TuiBaseline)));
        }
        if let Some(t) = &i.target {
            let mut s = format!("{} {t}{unit}", lang.t(T::TuiTarget));
            if let Some(on) = i.target_date {
                s.push_str(&format!(" ({})", lang.date(on)));
            }
            parts.push(s);
        }
        match i.values.iter().max_by_key(|v| v.on) {
            Some(v) => parts.push(format!(
                "{} {}{unit} ({})",
                lang.t(T::TuiLatestValue),
                v.value,
                lang.date(v.on)
            )),
            None => parts.push(lang.t(T::TuiNoValue).to_string()),
        }
        doc.para(4, vec![Seg::plain(parts.join(" · "))]);
    }
}

/// A note's author: the person's name beside the login when it is one.
fn author(d: &ActionDetail, login: &str) -> String {
    match d.authors.iter().find(|(l, _)| l == login) {
        Some((_, name)) => format!("{name} ({login})"),
        None => login.to_string(),
    }
}

fn journal(doc: &mut Doc<'_>, d: &ActionDetail) {
    let lang = doc.lang;
    doc.heading(T::TuiJournal);
    if d.children.journal.is_empty() {
        doc.para(2, vec![Seg::new(lang.t(T::TuiNoNotes), Role::Muted)]);
        return;
    }
    let mut notes: Vec<_> = d.children.journal.iter().collect();
    notes.sort_by_key(|n| std::cmp::Reverse(n.at));
    for n in notes {
        let at = n.at.with_timezone(&doc.s.utc_offset).date_naive();
        let mut head = vec![
            Seg::new(lang.date(at), Role::Title),
            Seg::new(format!(" · {}", author(d, &n.author)), Role::Muted),
        ];
        head.extend(decision_segs(lang, d, n));
        doc.para(2, head);
        // A note keeps the lines it was written in.
        for line in n.text.lines() {
            doc.para(4, vec![Seg::plain(line)]);
        }
    }
}

/// A decision's mark and word (never its colour alone), and the meeting it was
/// taken at: its title and day. Nothing for a note.
fn decision_segs(lang: Lang, d: &ActionDetail, n: &crate::domain::JournalEntry) -> Vec<Seg> {
    if n.kind != crate::domain::NoteKind::Decision {
        return vec![];
    }
    let mut segs = vec![Seg::new(
        format!(" · {} {}", DECISION_MARK, lang.t(T::MtgDecision)),
        Role::Accent,
    )];
    if let Some(code) = &n.meeting {
        let said = match d.meetings.iter().find(|m| m.code == *code) {
            Some(m) => format!(" — {}, {}", m.title, lang.date(m.date)),
            None => format!(" — {code}"),
        };
        segs.push(Seg::new(said, Role::Normal));
    }
    segs
}

/// The mark of a decision in the journal.
pub const DECISION_MARK: &str = "⚑";

/// The change journal of the action, latest first, one save at a time: when, who and
/// how (an edit, an undo, a redo…), then what changed, in the interface's words.
fn last_change(doc: &mut Doc<'_>, d: &ActionDetail, dir: &Directory) {
    let lang = doc.lang;
    doc.heading(T::TuiHistory);
    if d.history.is_empty() {
        match (&d.updated_at, &d.updated_by) {
            (Some(at), Some(by)) => doc.para(
                2,
                vec![Seg::plain(format!(
                    "{} · {by}",
                    local_time(lang, doc.s.utc_offset, at)
                ))],
            ),
            _ => doc.para(2, vec![Seg::new("—", Role::Muted)]),
        }
        return;
    }
    let shown = &d.history[..d.history.len().min(HISTORY_SHOWN)];
    for save in history::saves(shown) {
        let Some(first) = save.first() else { continue };
        doc.para(
            2,
            vec![Seg::new(
                format!(
                    "{} · {} · {}",
                    local_time(lang, doc.s.utc_offset, &first.at),
                    history::signed(first),
                    history::origin_label(lang, &first.origin)
                ),
                Role::Muted,
            )],
        );
        for c in save {
            let said = history::describe(lang, dir, c);
            doc.para(4, vec![Seg::plain(said.line)]);
            for detail in said.details {
                doc.para(6, vec![Seg::plain(detail)]);
            }
        }
    }
}

/// How many changes the detail lists (the journal keeps them all).
const HISTORY_SHOWN: usize = 20;
