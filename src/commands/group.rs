//! `jalon init --group NAME`: a database several accounts share, and the words for
//! the modes that would lock a member out (`jalon check`).

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::i18n::{Lang, T};
use crate::store::share::{self, Lockout, ShareStep};

/// Creates (or brings up to date) the database, then gives it to `group`: the
/// group is looked up before anything is created, so an unknown one leaves no file.
pub fn init_shared(ctx: &Context, group: &str) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let shown = crate::text::escape(group).into_owned();
    let Some(gid) = share::group_id(group) else {
        anyhow::bail!(lang.fill(T::GrpUnknownGroup, &[("group", &shown)]));
    };
    if !share::may_use_group(gid) {
        let login = crate::text::escape(&ctx.who).into_owned();
        anyhow::bail!(lang.fill(T::GrpNotMember, &[("group", &shown), ("login", &login)]));
    }
    // Open while sharing: `-wal` and `-shm` exist and are given to the group too.
    let store = ctx.open_for_writing()?;
    let steps = share::share_with_group(store.path(), gid);
    let lockouts = share::lockouts(store.path());
    let path = esc(store.path());
    let failed = steps.iter().any(|s| matches!(s, ShareStep::Failed(..)));
    super::to_stdout(|out| {
        writeln!(out, "{path}")?;
        for s in &steps {
            writeln!(out, "  {}", step_text(s, &shown, lang))?;
        }
        for l in &lockouts {
            writeln!(out, "  ⚠ {}", lockout_text(l, lang, store.path()))?;
        }
        Ok(())
    })?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn esc(p: &Path) -> String {
    crate::text::escape(&p.display().to_string()).into_owned()
}

fn step_text(s: &ShareStep, group: &str, lang: Lang) -> String {
    let (key, path, why) = match s {
        ShareStep::FileShared(p) => (T::GrpFileShared, p, String::new()),
        ShareStep::FolderShared(p) => (T::GrpFolderShared, p, String::new()),
        ShareStep::FolderNotOwned(p) => (T::GrpFolderNotOwned, p, String::new()),
        ShareStep::FolderNotOwnOnly(p) => (T::GrpFolderNotOwnOnly, p, String::new()),
        ShareStep::Failed(p, why) => (T::GrpFailed, p, crate::i18n::reason(lang, why)),
    };
    lang.fill(
        key,
        &[("path", &esc(path)), ("group", &group), ("why", &why)],
    )
}

/// A mode that locks a member out, with the path and the command that fixes it.
pub fn lockout_text(l: &Lockout, lang: Lang, db: &Path) -> String {
    let group = share::group_of(db).unwrap_or_default();
    let group = crate::text::escape(&group).into_owned();
    let (key, path) = match l {
        Lockout::NotGroupRw(p) => (T::GrpLockNotGroupRw, p),
        Lockout::OtherGroup(p) => (T::GrpLockOtherGroup, p),
        Lockout::FolderNotSetgid(p) => (T::GrpLockNotSetgid, p),
        Lockout::FolderNotGroupWritable(p) => (T::GrpLockNotGroupWritable, p),
    };
    lang.fill(key, &[("path", &esc(path)), ("group", &group)])
}
