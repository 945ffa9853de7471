//! `jalon export [--format json|csv|xlsx] [--out FILE] [--territory CODE] [--plan CODE]`:
//! the database as a `jalon/1` file, its actions as a spreadsheet, or the copil's
//! workbook (which needs `--out`: it is not for a terminal).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::anyhow;

use super::Context;
use crate::cli::{ExportArgs, ExportFormat};
use crate::i18n::T;
use crate::interchange::csv_actions;
use crate::store::export::{export_document, partner_names};
use crate::store::read;

pub fn run(ctx: &Context, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if args.format == ExportFormat::Xlsx && args.out.is_none() {
        return Err(anyhow!(ctx.lang.t(T::WbNeedsOut)));
    }
    let store = ctx.open_existing()?;
    let conn = store.conn();
    let filter = ctx.resolve_filter(&store, args.territory.as_deref(), args.plan.as_deref())?;
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match args.format {
            ExportFormat::Json => {
                let doc = export_document(conn, &filter).map_err(|e| store.err(e))?;
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &doc)
                    .map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            ExportFormat::Csv => {
                let actions = read::actions(conn, ctx.today, &filter).map_err(|e| store.err(e))?;
                let partners = partner_names(conn).map_err(|e| store.err(e))?;
                csv_actions::write_actions(&mut *out, &actions, &partners, ctx.today, ctx.lang)?;
            }
            ExportFormat::Xlsx => {
                let wb = read::workbook(conn, ctx.today, &filter).map_err(|e| store.err(e))?;
                let bytes = crate::interchange::xlsx::to_bytes(&wb, ctx.lang).map_err(|e| {
                    let path = args.out.as_deref().unwrap_or(Path::new("")).display();
                    let why = e.to_string();
                    anyhow!(
                        ctx.lang
                            .fill(T::WbCannotBuild, &[("path", &path), ("why", &why)])
                    )
                })?;
                out.write_all(&bytes)?;
            }
        }
        out.flush()?;
        Ok(())
    };
    match &args.out {
        Some(path) => write_atomically(path, ctx.lang, write)?,
        // `jalon export | head` closes the pipe early: not a failure.
        None => super::to_stdout(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) use crate::outfile::write_atomically;
