//! `jalon export [--format json|csv|xlsx] [--out FILE] [--territory CODE] [--plan CODE]`:
//! the database as a `jalon/1` file, its actions as a spreadsheet, or the copil's
//! workbook (which needs `--out`: it is not for a terminal).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};

use super::Context;
use crate::cli::{ExportArgs, ExportFormat};
use crate::i18n::{Lang, T};
use crate::interchange::csv_actions;
use crate::store::export::{export_document, partner_names};
use crate::store::{io_reason, read};

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

/// Writes `path` through a temporary file in the same directory, renamed over it at
/// the end: an error half-way leaves the old file (or none), never half of one.
pub(crate) fn write_atomically(
    path: &Path,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // `path: cannot write`, with the reason when there is one.
    let cannot_write = |path: &Path, why: Option<String>| {
        let path = path.display();
        match why {
            Some(why) => lang.fill(
                T::ExportCannotWriteWhy,
                &[("path", &path), ("why", &crate::i18n::reason(lang, &why))],
            ),
            None => lang.fill(T::ExportCannotWrite, &[("path", &path)]),
        }
    };
    let target;
    let path = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let path = path.display();
            return Err(anyhow!(lang.fill(T::ExportIsFolder, &[("path", &path)])));
        }
        // A device or a named pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written
        // into as `>` would, never replaced by a file.
        Ok(m) if !m.is_file() => {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| anyhow!(cannot_write(path, Some(io_reason(&e)))))?;
            let mut out = BufWriter::new(file);
            write(&mut out).with_context(|| cannot_write(path, None))?;
            out.flush().with_context(|| cannot_write(path, None))?;
            return Ok(());
        }
        // A symbolic link to a file: the file it points to is replaced, not the link.
        Ok(_) if path.is_symlink() => {
            target = std::fs::canonicalize(path)
                .map_err(|e| anyhow!(cannot_write(path, Some(io_reason(&e)))))?;
            target.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        let path = path.display();
        anyhow!(lang.fill(T::ExportNotFileName, &[("path", &path)]))
    })?;
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
    let file: File = options.open(&tmp.path).map_err(|e| {
        let (path, dir) = (path.display(), dir.display());
        let why = crate::i18n::reason(lang, &io_reason(&e));
        anyhow!(lang.fill(
            T::ExportCannotCreateIn,
            &[("path", &path), ("dir", &dir), ("why", &why)]
        ))
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp.path, meta.permissions());
    }
    let mut out = BufWriter::new(file);
    write(&mut out).with_context(|| cannot_write(path, None))?;
    let file = out.into_inner().map_err(|e| {
        anyhow!(
            "{}{}{}",
            cannot_write(path, None),
            lang.t(T::Colon),
            e.error()
        )
    })?;
    file.sync_all().with_context(|| cannot_write(path, None))?;
    std::fs::rename(&tmp.path, path)
        .map_err(|e| anyhow!(cannot_write(path, Some(io_reason(&e)))))?;
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
