//! The interactive interface: a `Model`, a pure `update(&mut Model, Msg) -> Vec<Effect>`,
//! a pure `view(&Model, &mut Frame)`, and the event loop (`app`) that reads keys, runs
//! effects against the store (`effects`) and draws only when something changed.

pub mod access_gate;
pub mod app;
pub mod boxes;
pub mod boxhints;
pub mod boxkeys;
pub mod budget;
pub mod budget_rows;
pub mod bulk;
pub mod catalogue;
pub mod create;
pub mod crumbs;
pub mod detail;
pub mod directory;
pub mod directory_rows;
pub mod drafts;
pub mod effect;
pub mod effects;
pub mod export_run;
pub mod field;
pub mod form;
pub mod form_wiring;
pub mod help;
pub mod history;
pub mod indicators;
pub mod key;
pub mod keybind;
pub mod keymap;
pub mod listbox;
pub mod lookup;
pub mod meeting;
pub mod meeting_load;
pub mod milestones;
pub mod mine_load;
pub mod model;
pub mod mouse;
pub mod msg;
pub mod newplan;
pub mod note;
pub mod notes;
pub mod overlay;
pub mod partners;
pub mod people;
pub mod place;
pub mod presence;
pub mod quick;
pub mod rights;
pub mod rows;
pub mod summary;
pub mod table;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod update;
pub mod view;
pub mod wrap;

use std::process::ExitCode;

use crate::context::Context;

pub use model::{Model, Settings};
pub use msg::{Effect, Msg};
pub use update::update;
pub use view::view;

/// Opens the interface, on `target` (a territory, a plan, or PLAN/ACTION) if given.
pub fn run(ctx: &Context, target: Option<&str>) -> anyhow::Result<ExitCode> {
    // Checked before the database is opened to write: without a terminal, nothing is
    // created. A file that is there is still judged first (read-only), so that a file
    // that is not Jalon's is named as such whatever the terminal.
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        if ctx.db.exists() {
            crate::store::Store::open(&ctx.db, crate::store::OpenMode::ReadOnly)?;
        }
        anyhow::bail!(ctx.lang.t(crate::i18n::T::CliNeedsTerminal));
    }
    app::run(ctx, target, false)
}

/// Opens the interface on *My actions* (`jalon open --mine`).
pub fn run_mine(ctx: &Context) -> anyhow::Result<ExitCode> {
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return run(ctx, None);
    }
    app::run(ctx, None, true)
}

/// The database path as the header shows it: `~` for the home folder.
pub fn db_label(path: &std::path::Path, home: Option<&std::path::Path>) -> String {
    if let Some(home) = home
        && let Ok(rest) = path.strip_prefix(home)
    {
        return format!("~/{}", rest.display());
    }
    path.display().to_string()
}
