//! `jalon check`: SQLite's integrity check, then the domain's warnings.

use std::process::ExitCode;

use super::Context;

pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let problems = store.integrity_problems()?;
    if !problems.is_empty() {
        eprintln!("{}: damaged", store.path().display());
        for p in &problems {
            eprintln!("  {p}");
        }
        return Ok(ExitCode::from(2));
    }
    println!("{}: integrity ok", store.path().display());
    Ok(ExitCode::SUCCESS)
}
