//! `jalon report --territory CODE [--plan CODE] [--format md|html] [--since DATE |
//! --since-meeting [--body B]] [--out FILE]`: the copil report, read-only.

use std::io::Write;
use std::process::ExitCode;

use anyhow::anyhow;

use super::Context;
use crate::cli::{CopilArgs, CopilFormat};
use crate::domain::copil::Period;
use crate::i18n::T;
use crate::interchange::copil;
use crate::store::read::copil::{self as read, Scope};

pub fn run(ctx: &Context, args: &CopilArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let conn = store.conn();
    // Unknown codes, and a plan of another territory, are refused with the known ones.
    let filter = ctx.resolve_filter(&store, Some(&args.territory), args.plan.as_deref())?;
    let territory = filter.territory.unwrap_or_default();
    let scope = read::scope(conn, &territory, filter.plan.as_deref())
        .map_err(|e| store.err(e))?
        .ok_or_else(|| anyhow!("{}", crate::text::quote(&args.territory)))?;
    let period = period(ctx, &store, &scope, args)?;
    let report = read::report(conn, &scope, ctx.today, ctx.config.due_soon_days, period)
        .map_err(|e| store.err(e))?;
    let text = match args.format {
        CopilFormat::Md => copil::markdown(&report, ctx.lang),
        CopilFormat::Html => copil::html(&report, ctx.lang),
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    };
    match &args.out {
        Some(path) => super::export::write_atomically(path, ctx.lang, write)?,
        None => super::to_stdout(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The period asked: a day, the last meeting (an error saying so when there is
/// none), or none.
fn period(
    ctx: &Context,
    store: &crate::store::Store,
    scope: &Scope,
    args: &CopilArgs,
) -> anyhow::Result<Option<Period>> {
    if let Some(day) = args.since {
        return Ok(Some(Period::Since(day)));
    }
    if !args.since_meeting {
        return Ok(None);
    }
    let body = args.body.map(super::meetings::body);
    match read::last_meeting(store.conn(), scope, body, ctx.today).map_err(|e| store.err(e))? {
        Some(m) => Ok(Some(Period::SinceMeeting(m))),
        None => {
            let lang = ctx.lang;
            let none = match body {
                Some(b) => lang.fill(
                    T::CopilNoBodyMeeting,
                    &[("body", &copil::body_label(lang, b))],
                ),
                None => lang.t(T::CopilAnyBody).to_string(),
            };
            let scope_text = match &scope.plan {
                Some(p) => lang.fill(
                    T::CopilScopePlan,
                    &[("territory", &scope.territory), ("plan", p)],
                ),
                None => scope.territory.clone(),
            };
            let (day, db) = (lang.date(ctx.today), store.path().display());
            Err(anyhow!(lang.fill(
                T::CopilNoMeeting,
                &[
                    ("none", &none),
                    ("scope", &scope_text),
                    ("day", &day),
                    ("db", &db)
                ],
            )))
        }
    }
}
