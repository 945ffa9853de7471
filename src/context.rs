//! The run context: what the command line and the interface both start from (where the
//! database is, which day is today, the language, the configuration).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::Config;
use crate::i18n::Lang;

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
