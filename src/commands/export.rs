//! `jalon export`. (To be written.)

use std::process::ExitCode;

use super::Context;

pub fn run(_ctx: &Context, _args: &crate::cli::ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet available")
}
