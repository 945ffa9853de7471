//! The interactive interface. (To be written.)

use std::process::ExitCode;

use crate::commands::Context;

/// Opens the interface, on `target` (a territory, a plan, or PLAN/ACTION) if given.
pub fn run(ctx: &Context, target: Option<&str>) -> anyhow::Result<ExitCode> {
    let _ = target;
    // Until the interface exists, show the board.
    crate::commands::report::board(
        ctx,
        &crate::cli::BoardArgs {
            format: crate::cli::BoardFormat::Text,
        },
    )
}
