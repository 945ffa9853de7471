//! Reminders to pilots: for each person who pilots open actions, what of theirs is
//! overdue or falls due soon (the rules of `rules.rs`), and whether their email is
//! one a mail can be sent to. Plain data; the store fills it, `interchange::mail`
//! writes it.

use chrono::NaiveDate;

use super::rules;
use super::vocab::ActionStatus;

/// An action itself, or one of its milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RemindKind {
    Action,
    Milestone,
}

/// One open action, or one open milestone of an open action, of a pilot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemindItem {
    pub kind: RemindKind,
    pub territory: String,
    pub plan: String,
    pub action: String,
    pub action_title: String,
    /// The milestone's title for a milestone, the action's for an action.
    pub title: String,
    pub due: NaiveDate,
    /// The action's status (a milestone's action, for a milestone).
    pub status: ActionStatus,
}

impl RemindItem {
    /// Days past the due date, when it has passed.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        rules::days_late(Some(self.due), today).filter(|d| *d > 0)
    }

    /// Overdue, or due from today to `within` days ahead (the rules of the board).
    pub fn is_reminded(&self, today: NaiveDate, within: u32) -> bool {
        let overdue = match self.kind {
            RemindKind::Action => rules::action_overdue(self.status, Some(self.due), today),
            RemindKind::Milestone => rules::milestone_overdue(self.status, self.due, None, today),
        };
        overdue || rules::due_soon(self.status, Some(self.due), today, within)
    }

    /// `PLAN/ACTION`: what `jalon open` takes to show the action.
    pub fn target(&self) -> String {
        format!("{}/{}", self.plan, self.action)
    }
}

/// A pilot and what to remind them of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub code: String,
    pub name: String,
    /// As the directory has it (`None` or blank: no email).
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Overdue first (most late first), then by due date.
    pub items: Vec<RemindItem>,
}

impl Recipient {
    /// How many of the items are overdue.
    pub fn overdue(&self, today: NaiveDate) -> usize {
        self.items
            .iter()
            .filter(|i| i.days_late(today).is_some())
            .count()
    }

    /// The email to write to, or why there is none.
    pub fn address(&self) -> Result<&str, AddressProblem> {
        match self.email.as_deref().map(str::trim) {
            None | Some("") => Err(AddressProblem::Missing),
            Some(e) if is_address(e) => Ok(e),
            Some(_) => Err(AddressProblem::NotAnAddress),
        }
    }
}

/// Why a pilot gets no mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    Missing,
    NotAnAddress,
}

/// Overdue first (most late first), then by due date; then plan, action, the
/// action before its milestones, and title.
pub fn sort(items: &mut [RemindItem]) {
    items.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.plan.cmp(&b.plan))
            .then_with(|| a.action.cmp(&b.action))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.title.cmp(&b.title))
    });
}

/// A plain address `local@domain.tld` that can go in a mail header as it is:
/// printable ASCII without spaces nor the characters that have a meaning in a
/// header (`<>()[],;:"\`), one `@`, a domain of dot-separated labels of letters,
/// digits and `-`. Anything else (a line break above all) is not an address.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>()[],;:\"\\@".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: RemindKind, due: &str, status: ActionStatus) -> RemindItem {
        RemindItem {
            kind,
            territory: "T".into(),
            plan: "P".into(),
            action: "A".into(),
            action_title: "t".into(),
            title: "t".into(),
            due: due.parse().unwrap(),
            status,
        }
    }

    #[test]
    fn what_is_reminded_follows_the_board_rules() {
        let today: NaiveDate = "2025-03-31".parse().unwrap();
        let ip = ActionStatus::InProgress;
        for kind in [RemindKind::Action, RemindKind::Milestone] {
            assert!(item(kind, "2025-03-30", ip).is_reminded(today, 0), "late");
            assert!(item(kind, "2025-03-31", ip).is_reminded(today, 0), "today");
            assert!(
                item(kind, "2025-04-30", ip).is_reminded(today, 30),
                "day 30"
            );
            assert!(!item(kind, "2025-05-01", ip).is_reminded(today, 30), "31");
            for closed in [ActionStatus::Done, ActionStatus::Abandoned] {
                assert!(!item(kind, "2025-03-01", closed).is_reminded(today, 30));
            }
        }
        let late = item(RemindKind::Action, "2025-03-19", ip);
        assert_eq!(late.days_late(today), Some(12));
        assert_eq!(
            item(RemindKind::Action, "2025-03-31", ip).days_late(today),
            None
        );
    }

    #[test]
    fn addresses() {
        for ok in [
            "a@b.fr",
            "prenom.nom+ars@sante.gouv.fr",
            "x_y-z@a-b.example.org",
        ] {
            assert!(is_address(ok), "{ok}");
        }
        for bad in [
            "",
            "nobody",
            "a@b",
            "@b.fr",
            "a@.fr",
            "a b@c.fr",
            "a@b.fr\r\nBcc: x@y.fr",
            "a@b.fr\n",
            "<a@b.fr>",
            "Nom <a@b.fr>",
            "a@b@c.fr",
            "é@b.fr",
            "a@b..fr",
            "a,b@c.fr",
        ] {
            assert!(!is_address(bad), "{bad:?}");
        }
    }
}
