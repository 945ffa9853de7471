//! `jalon backup FILE`: SQLite's online backup, consistent while others write.

use std::process::ExitCode;

use super::Context;

pub fn run(ctx: &Context, args: &crate::cli::BackupArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    store.backup_to(&args.file)?;
    super::to_stdout(|out| Ok(writeln!(out, "{}", args.file.display())?))?;
    Ok(ExitCode::SUCCESS)
}
