//! The words of a reminder, in the interface's language: the same lines make the
//! text block on the standard output and the body of the mail. Every value from the
//! database is escaped (`text::escape`): no control character reaches either.

use chrono::NaiveDate;

use crate::domain::remind::{Recipient, RemindItem, RemindKind};
use crate::domain::rules;
use crate::i18n::{Lang, T, status_label};
use crate::text::escape;

/// What every reminder of one run shares.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub today: NaiveDate,
    pub within: u32,
    pub lang: Lang,
}

impl Run {
    /// The last day of the horizon, as the language writes it.
    pub fn limit(&self) -> String {
        self.lang
            .date(rules::due_soon_limit(self.today, self.within))
    }
}

/// The lines of the reminder to `r` (no line ends): greeting, the overdue items,
/// the items falling due, and the closing words.
pub fn lines(r: &Recipient, run: &Run) -> Vec<String> {
    let lang = run.lang;
    let mut out = vec![
        lang.fill(T::RemindGreeting, &[("name", &escape(&r.name))]),
        String::new(),
        lang.fill(
            T::RemindIntro,
            &[
                ("limit", &run.limit()),
                (
                    "days",
                    &lang.count(u64::from(run.within), T::RemindDayWord, T::RemindDaysWord),
                ),
            ],
        ),
    ];
    let (late, soon): (Vec<&RemindItem>, Vec<&RemindItem>) = r
        .items
        .iter()
        .partition(|i| i.days_late(run.today).is_some());
    if !late.is_empty() {
        out.push(String::new());
        out.push(lang.fill(T::RemindOverdueHeading, &[("n", &late.len())]));
        for i in late {
            item(i, run, &mut out);
        }
    }
    if !soon.is_empty() {
        out.push(String::new());
        out.push(lang.fill(
            T::RemindDueHeading,
            &[("limit", &run.limit()), ("n", &soon.len())],
        ));
        for i in soon {
            item(i, run, &mut out);
        }
    }
    out.push(String::new());
    out.push(lang.t(T::RemindClosing).to_string());
    out.push(String::new());
    out.push("-- ".to_string());
    out.push(lang.t(T::RemindSignature).to_string());
    out
}

/// Three lines an item: what (code and title), when and in which state, where to
/// update it.
fn item(i: &RemindItem, run: &Run, out: &mut Vec<String>) {
    let lang = run.lang;
    let what = match i.kind {
        RemindKind::Action => escape(&i.title).into_owned(),
        RemindKind::Milestone => format!(
            "◆ {}",
            lang.fill(
                T::RemindMilestone,
                &[
                    ("title", &escape(&i.title)),
                    ("action", &escape(&i.action_title))
                ],
            )
        ),
    };
    let target = escape(&i.target()).into_owned();
    out.push(format!("- {target} — {what}"));
    let when = match i.days_late(run.today) {
        Some(n) => lang.fill(T::RemindLate, &[("days", &lang.days(n))]),
        None if i.due == run.today => lang.t(T::RemindDueToday).to_string(),
        None => lang.fill(
            T::RemindDueIn,
            &[("days", &lang.days((i.due - run.today).num_days()))],
        ),
    };
    out.push(format!(
        "  {} · {when} · {}",
        lang.fill(T::RemindDueOn, &[("day", &lang.date(i.due))]),
        status_label(lang, i.status)
    ));
    out.push(format!(
        "  {}",
        lang.fill(
            T::RemindUpdate,
            &[("command", &format!("jalon open {target}"))]
        )
    ));
}

/// `2 éléments` / `2 items`.
pub fn count(n: usize, lang: Lang) -> String {
    lang.count(n as u64, T::RemindItemWord, T::RemindItemsWord)
}

/// The subject of the mail: how many overdue, how many falling due, by when.
pub fn subject(r: &Recipient, run: &Run) -> String {
    let overdue = r.overdue(run.today);
    run.lang.fill(
        T::RemindSubject,
        &[
            ("overdue", &overdue),
            ("soon", &(r.items.len() - overdue)),
            ("limit", &run.limit()),
        ],
    )
}
