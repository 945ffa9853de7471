//! Presence rows (issue 12, part "presence"): the runner records which action a
//! box is open on, refreshes it while it stays open and drops it when it closes.
//! Not journalled, written whatever the roles, never on a read-only file.

use crate::store::presence;

use super::Runner;
use crate::tui::msg::Msg;

/// The row is written again at most this often while the box stays open.
const REFRESH_SECS: i64 = 60;

impl Runner {
    /// The presence rows the screen on top now shows: when the first of them
    /// counts as gone, the screen must read again.
    pub(super) fn presence_shown(&self, editing: &[presence::Editor]) {
        let due = editing
            .iter()
            .map(|e| e.seen + presence::GONE_AFTER_SECS + 1)
            .min();
        self.presence_due.set(due);
    }

    /// Whether a presence row shown counts as gone by now (a link dropped: nobody
    /// wrote, so the file's version did not change). Said once.
    pub(super) fn presence_gone(&self) -> bool {
        match self.presence_due.get() {
            Some(due) if (self.clock)() >= due => {
                self.presence_due.set(None);
                true
            }
            _ => false,
        }
    }

    /// The box opened on action `id`: records the presence row (not journalled,
    /// whatever the roles, never on a read-only file), and answers who else is
    /// editing it, if anyone.
    pub(super) fn enter(&mut self, id: i64) -> Vec<Msg> {
        let now = (self.clock)();
        let conn = self.store.conn();
        let others = presence::others(conn, &self.who, Some(id), now);
        let mut msgs = match others {
            Ok(o) if o.is_empty() => vec![],
            Ok(o) => vec![Msg::OthersEditing(o)],
            Err(e) => vec![Msg::Failed(self.said(e))],
        };
        if self.store.is_read_only() {
            return msgs;
        }
        if let Some((old, _)) = self.present.take()
            && old != id
            && let Err(e) = presence::leave(self.store.conn(), &self.who, old)
        {
            msgs.push(Msg::Failed(self.said(e)));
        }
        match presence::enter(self.store.conn(), &self.who, id, now) {
            Ok(()) => self.present = Some((id, now)),
            Err(e) => msgs.push(Msg::Failed(self.said(e))),
        }
        msgs
    }

    /// Refreshes the presence row of the open box, at most once a minute.
    pub(super) fn still_editing(&mut self) -> Vec<Msg> {
        let now = (self.clock)();
        match self.present {
            Some((id, seen)) if now - seen >= REFRESH_SECS => {
                match presence::refresh(self.store.conn(), &self.who, id, now) {
                    Ok(()) => {
                        self.present = Some((id, now));
                        vec![]
                    }
                    Err(e) => vec![Msg::Failed(self.said(e))],
                }
            }
            _ => vec![],
        }
    }

    /// The box closed: its presence row goes.
    pub(super) fn stop_editing(&mut self) -> Vec<Msg> {
        match self.present.take() {
            Some((id, _)) => match presence::leave(self.store.conn(), &self.who, id) {
                Ok(()) => vec![],
                Err(e) => vec![Msg::Failed(self.said(e))],
            },
            None => vec![],
        }
    }
}

/// Quitting (or any way out that unwinds) with a box open: its row goes at once
/// rather than after 5 minutes. Nobody is left to tell of a failure: the row then
/// expires as a dropped link's would.
impl Drop for Runner {
    fn drop(&mut self) {
        if let Some((id, _)) = self.present.take() {
            let _ = presence::leave(self.store.conn(), &self.who, id);
        }
    }
}
