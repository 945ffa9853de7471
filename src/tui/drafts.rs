//! Where the typing in progress is kept: in the account's own data directory
//! (`~/.local/share/jalon/drafts/`, or under `XDG_DATA_HOME`), one file a
//! database, named from the database's full path (a readable tail and a hash).
//! Two accounts editing on one shared database each keep their own; the folder is
//! the owner's only (0700) and so is each draft (0600).

use std::path::{Path, PathBuf};

/// The draft of the database at `db` in the folder `drafts`: `<name>-<hash>.json`,
/// the hash of the database's canonical path (the same file however it was named
/// on the command line), the name kept readable.
pub fn draft_file(drafts: &Path, db: &Path) -> PathBuf {
    let full = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let tail: String = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = fnv1a(full.as_os_str().as_encoded_bytes());
    drafts.join(format!("{tail}-{hash:016x}.json"))
}

/// FNV-1a, 64 bits: a name that stays the same from one version of the program to
/// the next (the standard library's hasher promises no such thing).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where drafts were kept before: beside the database, `<db>.draft.json`.
pub fn old_draft_file(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".draft.json");
    PathBuf::from(p)
}

/// Keeps `bytes` as the draft (whole or absent, never half: written beside, then
/// renamed), or removes the draft when `None`.
pub fn keep(drafts: &Path, db: &Path, bytes: Option<&[u8]>) -> Result<(), String> {
    let path = draft_file(drafts, db);
    let Some(bytes) = bytes else {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("{}: {e}", path.display()))
            }
            _ => Ok(()),
        };
    };
    write_private(drafts, &path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_private(drafts: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(drafts)?;
    #[cfg(unix)]
    {
        // A folder made earlier with a looser mode is made the owner's only.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(drafts, std::fs::Permissions::from_mode(0o700))?;
    }
    let tmp = path.with_extension("json.tmp");
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let mut f = o.open(&tmp)?;
    std::io::Write::write_all(&mut f, bytes)?;
    std::fs::rename(&tmp, path)
}

/// The draft's bytes, if one is kept. A draft left beside the database by an
/// older version (and this account's) is read once, moved to the data directory
/// and removed, so that no typing is lost across the upgrade.
pub fn load(drafts: &Path, db: &Path) -> Option<Vec<u8>> {
    let path = draft_file(drafts, db);
    if let Ok(bytes) = std::fs::read(&path) {
        return Some(bytes);
    }
    let old = old_draft_file(db);
    if !mine(&old) {
        return None;
    }
    let bytes = std::fs::read(&old).ok()?;
    if write_private(drafts, &path, &bytes).is_ok() {
        let _ = std::fs::remove_file(&old);
    }
    Some(bytes)
}

/// True when the file exists and belongs to the account running the program: a
/// colleague's old draft in a shared folder is neither read nor removed.
#[cfg(unix)]
fn mine(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let me = std::fs::metadata("/proc/self").map(|m| m.uid());
    match (std::fs::metadata(path), me) {
        (Ok(m), Ok(me)) => m.uid() == me,
        _ => false,
    }
}

#[cfg(not(unix))]
fn mine(path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_named_from_the_whole_path_with_a_readable_tail() {
        let d = Path::new("/data/drafts");
        let a = draft_file(d, Path::new("/srv/a/jalon.sqlite3"));
        let b = draft_file(d, Path::new("/srv/b/jalon.sqlite3"));
        assert_ne!(a, b, "two databases of one name keep two drafts");
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("jalon.sqlite3-") && name.ends_with(".json"));
        assert_eq!(a, draft_file(d, Path::new("/srv/a/jalon.sqlite3")));
        let odd = draft_file(d, Path::new("/srv/a b/é t:é.db"));
        let name = odd.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("__t__.db-"), "{name}");
    }
}
