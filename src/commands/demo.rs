//! `jalon init` and `jalon demo`.

use std::process::ExitCode;

use super::Context;
use crate::i18n::T;
pub use crate::interchange::demo::demo_document;
use crate::store::import::import_document;
use crate::store::journal::Origin;

pub fn init(ctx: &Context, args: &crate::cli::InitArgs) -> anyhow::Result<ExitCode> {
    if let Some(group) = &args.group {
        return super::group::init_shared(ctx, group);
    }
    let store = ctx.open_for_writing()?;
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    super::to_stdout(|out| Ok(writeln!(out, "{path}")?))?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(ctx: &Context, args: &crate::cli::DemoArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    if !args.force && !store.is_empty()? {
        let db = store.path().display();
        anyhow::bail!(ctx.lang.fill(T::CliDemoNotEmpty, &[("db", &db)]));
    }
    let doc = demo_document(ctx.today)?;
    let summary = import_document(&mut store, &doc, &ctx.who, Origin::Demo, false)?;
    let actions: usize = summary
        .counts
        .iter()
        .filter(|c| c.0 == "actions")
        .map(|c| c.1 + c.2 + c.3)
        .sum();
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    let said = ctx.lang.fill(
        T::CliDemoLoaded,
        &[
            ("path", &path),
            ("plans", &doc.plans.len()),
            ("actions", &actions),
            ("day", &ctx.lang.date(ctx.today)),
        ],
    );
    super::to_stdout(|out| Ok(writeln!(out, "{said}")?))?;
    Ok(ExitCode::SUCCESS)
}
