//! `jalon export [--format json|csv] [--out FILE] [--territory CODE] [--plan CODE]`:
//! the database as a `jalon/1` file, or its actions as a spreadsheet.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};
use rusqlite::{Connection, OptionalExtension};

use super::Context;
use crate::cli::{ExportArgs, ExportFormat};
use crate::interchange::csv_actions;
use crate::store::export::{export_document, partner_names};
use crate::store::read::{self, Filter};

pub fn run(ctx: &Context, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let conn = store.conn();
    check_filter(conn, args).map_err(|e| match e {
        FilterError::Sql(e) => store.err(e).into(),
        FilterError::Unknown(m) => anyhow!(m),
    })?;
    let filter = Filter {
        territory: args.territory.clone(),
        plan: args.plan.clone(),
        pilot: None,
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match args.format {
            ExportFormat::Json => {
                let doc = export_document(conn, &filter).map_err(|e| store.err(e))?;
                serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            ExportFormat::Csv => {
                let actions = read::actions(conn, ctx.today, &filter).map_err(|e| store.err(e))?;
                let partners = partner_names(conn).map_err(|e| store.err(e))?;
                csv_actions::write_actions(&mut *out, &actions, &partners, ctx.today, ctx.lang)
                    .map_err(io::Error::from)?;
            }
        }
        out.flush()?;
        Ok(())
    };
    match &args.out {
        Some(path) => write_atomically(path, write)?,
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            if let Err(e) = write(&mut out) {
                // `jalon export | head` closes the pipe early: not a failure.
                let broken_pipe = e
                    .downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe);
                if !broken_pipe {
                    return Err(e);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

enum FilterError {
    Sql(rusqlite::Error),
    Unknown(String),
}

impl From<rusqlite::Error> for FilterError {
    fn from(e: rusqlite::Error) -> FilterError {
        FilterError::Sql(e)
    }
}

/// A filter on a code the database does not know would export nothing, silently.
fn check_filter(conn: &Connection, args: &ExportArgs) -> Result<(), FilterError> {
    if let Some(t) = &args.territory {
        let found = conn
            .query_row("SELECT 1 FROM territories WHERE code = ?1", [t], |_| Ok(()))
            .optional()?;
        if found.is_none() {
            return Err(FilterError::Unknown(format!(
                "no territory {t:?} in the database (codes are case-sensitive)"
            )));
        }
    }
    if let Some(p) = &args.plan {
        let territory: Option<String> = conn
            .query_row(
                "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id WHERE p.code = ?1",
                [p],
                |r| r.get(0),
            )
            .optional()?;
        match (territory, &args.territory) {
            (None, _) => {
                return Err(FilterError::Unknown(format!(
                    "no plan {p:?} in the database (codes are case-sensitive)"
                )));
            }
            (Some(pt), Some(t)) if pt != *t => {
                return Err(FilterError::Unknown(format!(
                    "the plan {p:?} belongs to the territory {pt:?}, not {t:?}"
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Writes `path` through a temporary file in the same directory, renamed over it at
/// the end: an error half-way leaves the old file (or none), never half of one.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| anyhow!("{}: not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let mut tmp = TempFile {
        path: dir.join(tmp_name),
        renamed: false,
    };

    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    // The file names people, like the database: private unless it replaces a file
    // whose permissions say otherwise.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file: File = options
        .open(&tmp.path)
        .with_context(|| format!("{}: cannot write here", path.display()))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp.path, meta.permissions());
    }
    let mut out = BufWriter::new(file);
    write(&mut out).with_context(|| format!("{}: cannot write", path.display()))?;
    let file = out
        .into_inner()
        .map_err(|e| anyhow!("{}: cannot write: {}", path.display(), e.error()))?;
    file.sync_all()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    std::fs::rename(&tmp.path, path)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.renamed = true;
    Ok(())
}

/// Removed when dropped, unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    renamed: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
