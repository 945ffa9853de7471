//! A database file shared by a group of accounts on one server: the group looked
//! up by name, the file and its `-wal` and `-shm` made readable and writable by
//! the group (0660), the folder setgid so that the files SQLite makes later keep
//! the group; and the modes that would lock a member out, found for `jalon check`.
//!
//! SQLite creates `-wal` and `-shm` with the database file's own mode (it sets it
//! after opening, whatever the umask), so a 0660 database keeps 0660 companions;
//! their group is the folder's when the folder is setgid.

use std::path::{Path, PathBuf};

use super::files::{companion, io_reason};

/// The files SQLite keeps beside a database, whose presence does not make a folder
/// anything but the database's own.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The group id of `name` in a group file (`name:x:gid:members`).
pub fn gid_in(group_file: &str, name: &str) -> Option<u32> {
    group_file.lines().find_map(|l| {
        let mut f = l.split(':');
        (f.next()? == name).then_some(())?;
        f.nth(1)?.trim().parse().ok()
    })
}

/// The group id of `name`, from `/etc/group`; `None` for a group the server does
/// not know.
pub fn group_id(name: &str) -> Option<u32> {
    let text = std::fs::read_to_string("/etc/group").unwrap_or_default();
    gid_in(&text, name)
}

/// True when this process may give files to the group `gid`: root, or a member
/// (its group or one of its supplementary groups, from `/proc/self/status`).
pub fn may_use_group(gid: u32) -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    member_in(&status, gid)
}

/// The same, from the text of a `/proc/<pid>/status`; unknown means "let the
/// system decide" (true).
fn member_in(status: &str, gid: u32) -> bool {
    let field = |name: &str| -> Option<Vec<u32>> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        Some(
            line[name.len()..]
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect(),
        )
    };
    let (Some(uids), Some(gids), Some(groups)) = (field("Uid:"), field("Gid:"), field("Groups:"))
    else {
        return true;
    };
    // The effective ids are the second of each line.
    uids.get(1) == Some(&0) || gids.get(1) == Some(&gid) || groups.contains(&gid)
}

/// One thing `jalon init --group` did, or could not do and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareStep {
    /// The file now belongs to the group and is readable and writable by it (0660).
    FileShared(PathBuf),
    /// The folder now belongs to the group, is group-writable and setgid.
    FolderShared(PathBuf),
    /// The folder is someone else's: its owner (or root) must share it.
    FolderNotOwned(PathBuf),
    /// The folder holds other files than the database's: it is left as it is.
    FolderNotOwnOnly(PathBuf),
    /// A change refused by the system, with the reason in words.
    Failed(PathBuf, String),
}

/// The folder a database's companions are written into.
pub fn folder_of(db: &Path) -> PathBuf {
    match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Gives the database, its `-wal` and `-shm` (those present) to the group, 0660,
/// and, when the folder is the user's and holds only the database, the folder too
/// (group-writable so that `-wal` can be made, setgid so that it keeps the group).
#[cfg(unix)]
pub fn share_with_group(db: &Path, gid: u32) -> Vec<ShareStep> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mut steps = Vec::new();
    let files = std::iter::once(db.to_path_buf())
        .chain(["-wal", "-shm"].iter().map(|s| companion(db, s)))
        .filter(|p| p.exists());
    for file in files {
        let done = std::os::unix::fs::chown(&file, None, Some(gid))
            .and_then(|()| std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o660)));
        steps.push(match done {
            Ok(()) => ShareStep::FileShared(file),
            Err(e) => ShareStep::Failed(file, io_reason(&e)),
        });
    }
    let dir = folder_of(db);
    let me = std::fs::metadata("/proc/self").map(|m| m.uid()).ok();
    let Ok(meta) = std::fs::metadata(&dir) else {
        return steps;
    };
    // Already the group's, group-writable and setgid (prepared by root, say): done.
    if meta.gid() == gid && meta.permissions().mode() & 0o2070 == 0o2070 {
        steps.push(ShareStep::FolderShared(dir));
        return steps;
    }
    if me != Some(meta.uid()) {
        steps.push(ShareStep::FolderNotOwned(dir));
        return steps;
    }
    if !holds_only(&dir, db) {
        steps.push(ShareStep::FolderNotOwnOnly(dir));
        return steps;
    }
    let mode = (meta.permissions().mode() & 0o7777) | 0o2070;
    let done = std::os::unix::fs::chown(&dir, None, Some(gid))
        .and_then(|()| std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)));
    steps.push(match done {
        Ok(()) => ShareStep::FolderShared(dir),
        Err(e) => ShareStep::Failed(dir, io_reason(&e)),
    });
    steps
}

#[cfg(not(unix))]
pub fn share_with_group(_db: &Path, _gid: u32) -> Vec<ShareStep> {
    Vec::new()
}

/// True when the folder holds nothing but the database and its SQLite companions.
fn holds_only(dir: &Path, db: &Path) -> bool {
    let Some(name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return false;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().all(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n == name
            || COMPANIONS
                .iter()
                .any(|s| n.strip_prefix(name.as_str()) == Some(s))
    })
}

/// A mode that would lock a member of the group out of a shared database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lockout {
    /// The file (the database, `-wal` or `-shm`) is not readable and writable by
    /// its group.
    NotGroupRw(PathBuf),
    /// The file's group is not the database's.
    OtherGroup(PathBuf),
    /// The folder is not setgid: files SQLite makes there take the maker's group.
    FolderNotSetgid(PathBuf),
    /// The folder is not group-writable: a member cannot create `-wal` and `-shm`.
    FolderNotGroupWritable(PathBuf),
}

/// What would lock a group member out of the database at `db`, when it is meant to
/// be shared: its mode gives the group any access, or its folder is setgid. An
/// owner-only database (0600 in a plain folder) has nothing to say.
#[cfg(unix)]
pub fn lockouts(db: &Path) -> Vec<Lockout> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mut found = Vec::new();
    let Ok(meta) = std::fs::metadata(db) else {
        return found;
    };
    let dir = folder_of(db);
    let dir_meta = std::fs::metadata(&dir).ok();
    let dir_mode = dir_meta
        .as_ref()
        .map(|m| m.permissions().mode())
        .unwrap_or(0);
    let mode = meta.permissions().mode();
    if mode & 0o060 == 0 && dir_mode & 0o2000 == 0 {
        return found;
    }
    let gid = meta.gid();
    if mode & 0o060 != 0o060 {
        found.push(Lockout::NotGroupRw(db.to_path_buf()));
    }
    for c in ["-wal", "-shm"].iter().map(|s| companion(db, s)) {
        let Ok(m) = std::fs::metadata(&c) else {
            continue;
        };
        // A companion follows the file's mode when SQLite makes it: only one that
        // lags behind a group-shared file is worth its own warning.
        if mode & 0o060 == 0o060 && m.permissions().mode() & 0o060 != 0o060 {
            found.push(Lockout::NotGroupRw(c.clone()));
        }
        if m.gid() != gid {
            found.push(Lockout::OtherGroup(c));
        }
    }
    if let Some(dm) = dir_meta {
        if dm.gid() != gid {
            found.push(Lockout::OtherGroup(dir.clone()));
        }
        if dir_mode & 0o2000 == 0 {
            found.push(Lockout::FolderNotSetgid(dir.clone()));
        }
        if dir_mode & 0o030 != 0o030 {
            found.push(Lockout::FolderNotGroupWritable(dir));
        }
    }
    found
}

#[cfg(not(unix))]
pub fn lockouts(_db: &Path) -> Vec<Lockout> {
    Vec::new()
}

/// The name of the group `gid`, from `/etc/group`, or the number itself.
pub fn group_name(gid: u32) -> String {
    let text = std::fs::read_to_string("/etc/group").unwrap_or_default();
    text.lines()
        .find_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?;
            let id: u32 = f.nth(1)?.trim().parse().ok()?;
            (id == gid).then(|| name.to_string())
        })
        .unwrap_or_else(|| gid.to_string())
}

/// The group of the file at `path`, by name.
#[cfg(unix)]
pub fn group_of(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| group_name(m.gid()))
}

#[cfg(not(unix))]
pub fn group_of(_path: &Path) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_is_read_from_the_process_status() {
        let marie = "Name:\tjalon\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\nGroups:\t27 1042 \n";
        assert!(member_in(marie, 1042));
        assert!(member_in(marie, 1001));
        assert!(!member_in(marie, 7));
        let root = "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n";
        assert!(member_in(root, 7));
    }

    #[test]
    fn a_group_is_found_by_name_in_the_group_file() {
        let groups = "root:x:0:\nars-hdf:x:1042:marie,paul\nars:x:7:\n";
        assert_eq!(gid_in(groups, "ars-hdf"), Some(1042));
        assert_eq!(gid_in(groups, "ars"), Some(7));
        assert_eq!(gid_in(groups, "ars-h"), None);
        assert_eq!(gid_in(groups, ""), None);
    }
}
