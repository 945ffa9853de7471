//! `jalon import`. (To be written.)

use std::process::ExitCode;

use super::Context;

pub fn run(_ctx: &Context, _args: &crate::cli::ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet available")
}
