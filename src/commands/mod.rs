//! One module per subcommand; `Context` carries what they all need.

pub mod backup;
pub mod check;
pub mod demo;
pub mod export;
pub mod import;
pub mod report;

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use crate::config::Config;
use crate::i18n::Lang;
use crate::store::{OpenMode, Store};

/// What every command needs: where the database is, which day is today, the language.
#[derive(Debug, Clone)]
pub struct Context {
    pub db: PathBuf,
    pub today: NaiveDate,
    /// True when `--today` set the day (the interface says so).
    pub today_overridden: bool,
    pub lang: Lang,
    pub read_only: bool,
    pub config: Config,
    pub who: String,
}

impl Context {
    /// Opens an existing database for reading (reports, export).
    pub fn open_existing(&self) -> Result<Store> {
        let mode = if self.read_only {
            OpenMode::ReadOnly
        } else {
            OpenMode::Existing
        };
        Ok(Store::open(&self.db, mode)?)
    }

    /// Opens the database to write, creating it when missing; refused with `--read-only`.
    pub fn open_for_writing(&self) -> Result<Store> {
        if self.read_only {
            anyhow::bail!(
                "{}: opened with --read-only, so nothing can be written",
                self.db.display()
            );
        }
        let store = Store::open(&self.db, OpenMode::Create)?;
        if store.is_read_only() {
            anyhow::bail!(crate::store::StoreError::ReadOnly(self.db.clone()));
        }
        Ok(store)
    }
}
