//! `jalon backup FILE`: SQLite's online backup, consistent while others write.

use std::process::ExitCode;

use super::Context;

pub fn run(ctx: &Context, args: &crate::cli::BackupArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    store.backup_to(&args.file)?;
    let path = crate::text::escape(&args.file.display().to_string()).into_owned();
    super::to_stdout(|out| Ok(writeln!(out, "{path}")?))?;
    Ok(ExitCode::SUCCESS)
}
