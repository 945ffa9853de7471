//! What the login's roles allow, as the interface marks its keys (issue 12, part
//! "access"): read by the runner from the store's grants when the interface starts.
//! A key no role of the login could use is greyed in the footer and says why when
//! pressed; the runner asks the store's check for the action at hand before a box
//! opens, and the store checks every write again.

use crate::i18n::{Lang, T};

use super::keymap::Command;

/// The login's roles (only when roles are recorded: without any, everything goes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rights {
    pub login: String,
    pub coordinator: bool,
    pub delegation: bool,
    pub pilot: bool,
    /// The login's roles in words, as `jalon access list` says them.
    pub roles: String,
}

/// Which role a writing command takes at least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    Nothing,
    Pilot,
    Delegation,
    Coordinator,
}

fn needs(c: Command) -> Needs {
    match c {
        _ if !c.writes() => Needs::Nothing,
        Command::LoadDemo | Command::ImportFile => Needs::Coordinator,
        Command::Update
        | Command::EditMilestones
        | Command::EditIndicators
        | Command::WriteNote
        | Command::WriteDecision
        | Command::BulkEdit
        | Command::Undo
        | Command::Redo => Needs::Pilot,
        _ => Needs::Delegation,
    }
}

/// The roles that allow `c`, in words.
fn allow_text(c: Command) -> T {
    match needs(c) {
        Needs::Pilot => T::AccKeyNeedsPilot,
        Needs::Delegation => T::AccKeyNeedsDelegation,
        Needs::Nothing | Needs::Coordinator => T::AccKeyNeedsCoordinator,
    }
}

impl Rights {
    /// Whether some action or plan could let the login use `c`.
    pub fn allows(&self, c: Command) -> bool {
        self.coordinator
            || match needs(c) {
                Needs::Nothing => true,
                Needs::Pilot => self.pilot || self.delegation,
                Needs::Delegation => self.delegation,
                Needs::Coordinator => false,
            }
    }

    /// `[unavailable, it takes: coordinator, delegation]`, for the help.
    pub fn needs_text(&self, lang: Lang, c: Command) -> String {
        let roles = match needs(c) {
            Needs::Pilot => "coordinator, delegation, pilot",
            Needs::Delegation => "coordinator, delegation",
            Needs::Nothing | Needs::Coordinator => "coordinator",
        };
        lang.fill(T::AccHelpUnavailable, &[("allow", &roles)])
    }

    /// Why `c` is unavailable: the login, its roles, the roles that allow it.
    pub fn reason(&self, lang: Lang, c: Command) -> String {
        let allow = allow_text(c);
        lang.fill(
            T::AccKeyUnavailable,
            &[
                ("login", &self.login),
                ("roles", &self.roles),
                ("allow", &lang.t(allow)),
            ],
        )
    }
}

/// Whether the model's rights allow `c` (no rights read: everything).
pub fn allows(rights: Option<&Rights>, c: Command) -> bool {
    rights.is_none_or(|r| r.allows(c))
}
