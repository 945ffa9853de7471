//! The file side of opening a database: a private new file, the folder a WAL
//! database writes its companions into, what is in the way, and why a file could
//! not be made, in words.

use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// Creates an empty file readable and writable by its owner only (and its folder,
/// owner-only too, when it is missing): the plans name people.
pub(super) fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(dir)
                .map_err(|e| StoreError::CannotOpen(dir.to_path_buf(), io_reason(&e)))?;
        }
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)
        .map(|_| ())
        .map_err(|e| StoreError::CannotOpen(path.to_path_buf(), io_reason(&e)))
}

/// Why a file could not be made, in words rather than `os error 20`.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::ReadOnlyFilesystem => "read-only file system".into(),
        K::NotADirectory => "a file is in the way where a folder is expected".into(),
        K::StorageFull => "the disk is full".into(),
        K::AlreadyExists => "the file already exists".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// `path` with `suffix` appended to its file name (`-wal`, `-shm`).
pub(super) fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

pub(super) fn readonly_file(path: &Path) -> bool {
    std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}

pub(super) fn file_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A database in WAL mode needs its `-shm` and `-wal` files next to it: a writer
/// finds out now, with the names, whether it may create them in that folder.
pub(super) fn check_folder_writable(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let shm = companion(path, "-shm");
    let shm_name = shm
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    if shm.exists() {
        return Ok(());
    }
    let probe = dir.join(format!(".jalon-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_string(),
                _ => e.to_string(),
            };
            Err(StoreError::FolderNotWritable(dir, shm_name, why))
        }
    }
}
