//! One module per subcommand; `Context` (in `crate::context`) carries what they all need;
//! the ways a command opens the database are here.

pub mod access;
pub mod backup;
pub mod budget;
pub mod catalogue;
pub mod check;
pub mod copil;
pub mod demo;
pub mod export;
pub mod group;
pub mod import;
pub mod meetings;
pub mod mine;
pub mod people;
pub mod remind;
pub mod report;
pub mod sheet_import;
pub mod whoami;

use std::io::{self, BufWriter, IsTerminal, Write};

pub use crate::context::Context;
use crate::i18n::Lang;
use crate::store::{OpenMode, Store};
use anyhow::Result;

impl Context {
    /// Opens an existing database for reading (reports, export, check, backup):
    /// read-only whatever `--read-only` says, so that a reader never creates,
    /// migrates or switches the journal of a file.
    pub fn open_existing(&self) -> Result<Store> {
        Ok(Store::open(&self.db, OpenMode::ReadOnly)?)
    }

    /// `--territory` and `--plan` as the database spells them: matched without regard
    /// to case, and an unknown code is an error naming the known ones.
    pub fn resolve_filter(
        &self,
        store: &Store,
        territory: Option<&str>,
        plan: Option<&str>,
    ) -> Result<crate::store::read::Filter> {
        let conn = store.conn();
        let territory = match territory {
            Some(t) => Some(resolve_code(
                store,
                "SELECT code FROM territories ORDER BY code",
                t,
                Code::Territory,
                self.lang,
            )?),
            None => None,
        };
        let plan = match plan {
            Some(p) => Some(resolve_code(
                store,
                "SELECT code FROM plans ORDER BY code",
                p,
                Code::Plan,
                self.lang,
            )?),
            None => None,
        };
        if let (Some(p), Some(t)) = (&plan, &territory) {
            let owner: String = conn
                .query_row(
                    "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id \
                     WHERE p.code = ?1",
                    [p],
                    |r| r.get(0),
                )
                .map_err(|e| store.err(e))?;
            if owner != *t {
                let (p, owner, t) = (quote(p), quote(&owner), quote(t));
                anyhow::bail!(self.lang.fill(
                    crate::i18n::T::CliPlanNotInTerritory,
                    &[("plan", &p), ("owner", &owner), ("territory", &t)],
                ));
            }
        }
        Ok(crate::store::read::Filter {
            territory,
            plan,
            pilot: None,
            pilot_person: None,
        })
    }
}

/// Runs `write` on a buffered standard output. A reader that went away early
/// (`jalon overdue | head`) ends the command quietly, as other command-line tools
/// do: nothing on standard error, a successful exit.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = write(&mut out).and_then(|()| out.flush().map_err(anyhow::Error::from));
    match result {
        Err(e) if is_broken_pipe(&e) => {
            // The buffer cannot go anywhere: drop it without a last flush.
            let _ = out.into_parts();
            Ok(())
        }
        // Any other failure to write (a full disk, `> /dev/full`) says where.
        Err(e) => match io_kind(&e) {
            Some(kind) => Err(CliError::StdoutIncomplete(crate::store::io_reason(
                &io::Error::from(kind),
            ))
            .into()),
            None => Err(e),
        },
        ok => ok,
    }
}

/// A failure of the command line where no language is at hand: `main` puts it into
/// words in the chosen one (`i18n::cli_error`); `Display` gives the English words.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("cannot write to the standard output ({0}): what it received is incomplete")]
    StdoutIncomplete(String),
}

/// True when `e` comes from writing into a pipe whose reader has gone.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    io_kind(e) == Some(io::ErrorKind::BrokenPipe)
}

/// The kind of the input/output error at the root of `e`, if it is one (as such,
/// or inside a CSV or JSON writer's error).
fn io_kind(e: &anyhow::Error) -> Option<io::ErrorKind> {
    e.chain().find_map(|c| {
        if let Some(e) = c.downcast_ref::<io::Error>() {
            return Some(e.kind());
        }
        if let Some(e) = c.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(e) = e.kind()
        {
            return Some(e.kind());
        }
        if let Some(e) = c.downcast_ref::<serde_json::Error>() {
            return e.io_error_kind();
        }
        None
    })
}

/// How wide a text report may be: the terminal's width when standard output is a
/// terminal (80 if it cannot be asked), no limit into a pipe or a file.
pub fn report_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let cols = ratatui::crossterm::terminal::size()
        .map(|(c, _)| c as usize)
        .ok()
        .filter(|c| *c > 0)
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
        })
        .unwrap_or(80);
    Some(cols.max(20))
}

/// The code of the list (`sql` selects every code) that is `wanted` without regard
/// to case; else an error naming the known codes.
/// Which list of codes `resolve_code` looks in, to name it in messages.
#[derive(Clone, Copy)]
enum Code {
    Territory,
    Plan,
}

fn resolve_code(store: &Store, sql: &str, wanted: &str, what: Code, lang: Lang) -> Result<String> {
    let codes: Vec<String> = {
        let mut stmt = store.conn().prepare(sql).map_err(|e| store.err(e))?;
        stmt.query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| store.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| store.err(e))?
    };
    if let Some(c) = codes.iter().find(|c| c.eq_ignore_ascii_case(wanted)) {
        return Ok(c.clone());
    }
    let known = if codes.is_empty() {
        lang.t(crate::i18n::T::CliNoCodes).to_string()
    } else {
        let shown: Vec<String> = codes
            .iter()
            .take(30)
            .map(|c| crate::text::escape(c).into_owned())
            .collect();
        let more = if codes.len() > 30 { ", …" } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    let (wanted, db) = (quote(wanted), store.path().display());
    let text = match what {
        Code::Territory => crate::i18n::T::CliNoSuchTerritory,
        Code::Plan => crate::i18n::T::CliNoSuchPlan,
    };
    anyhow::bail!(lang.fill(text, &[("wanted", &wanted), ("db", &db), ("known", &known)]))
}

fn quote(s: &str) -> String {
    crate::text::quote(s)
}

impl Context {
    /// Opens the database to write, creating it when missing; refused with `--read-only`.
    pub fn open_for_writing(&self) -> Result<Store> {
        if self.read_only {
            let db = self.db.display();
            anyhow::bail!(
                self.lang
                    .fill(crate::i18n::T::CliOpenedReadOnly, &[("db", &db)])
            );
        }
        let store = Store::open(&self.db, OpenMode::Create)?;
        if store.is_read_only() {
            anyhow::bail!(crate::store::StoreError::ReadOnly(self.db.clone()));
        }
        Ok(store)
    }
}
