//! Who is running the program, for the change journal.

/// The login of the person running the program, for the change journal: from the
/// environment, else the account that owns the process (a bare `tmux` or `cron` may
/// have no `USER`).
///
/// `JALON_LOGIN`, when set and not empty, comes first: for tests and scripts that
/// act as someone else on one account. It is held to the same roles as that login,
/// and gives nothing the file's modes do not.
pub fn current_login() -> String {
    ["JALON_LOGIN", "USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .or_else(account_name)
        .unwrap_or_else(|| "unknown".to_string())
}

/// The person of the directory whose `login` this is: what `jalon whoami` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginPerson {
    pub code: String,
    pub name: String,
    /// The organisation's code and name, when the person has one.
    pub organisation: Option<(String, String)>,
}

/// The person whose `people.login` is `login` (the first by code when several
/// share it), with their organisation.
pub fn person_of_login(
    conn: &rusqlite::Connection,
    login: &str,
) -> rusqlite::Result<Option<LoginPerson>> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT p.code, p.name, o.code, o.name FROM people p \
         LEFT JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.login = ?1 ORDER BY p.code LIMIT 1",
        [login],
        |r| {
            let org: Option<String> = r.get(2)?;
            let org_name: Option<String> = r.get(3)?;
            Ok(LoginPerson {
                code: r.get(0)?,
                name: r.get(1)?,
                organisation: org.zip(org_name),
            })
        },
    )
    .optional()
}

/// The name of the account running this process, from `/etc/passwd`.
#[cfg(unix)]
fn account_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    login_of(&passwd, uid)
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// The login of `uid` in a passwd file (`name:x:uid:gid:…`).
fn login_of(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let id: u32 = f.nth(1)?.parse().ok()?;
        (id == uid && !name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_is_found_by_uid_in_the_passwd_file() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\nmarie:x:1001:1001::/home/marie:/bin/sh\n";
        assert_eq!(login_of(passwd, 1001).as_deref(), Some("marie"));
        assert_eq!(login_of(passwd, 0).as_deref(), Some("root"));
        assert_eq!(login_of(passwd, 42), None);
    }
}
