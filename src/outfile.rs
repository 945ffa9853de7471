//! Files written for people (exports, reports, workbooks, mails): through a
//! temporary file beside the target, renamed over it at the end, so that an error
//! half-way never leaves half a file. Used by the command line and the interface.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow};

use crate::i18n::{Lang, T};
use crate::store::io_reason;

/// Writes `path` through a temporary file in the same directory, renamed over it at
/// the end: an error half-way leaves the old file (or none), never half of one.
pub fn write_atomically(
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
