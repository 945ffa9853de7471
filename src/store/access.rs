//! Who may change what (issue 12, part "access"): the roles kept in the database,
//! granted and revoked by a coordinator, and the one check every write of the store
//! goes through ([`check`]), inside the write's own transaction.
//!
//! With no grant recorded at all, everyone may do everything (a database used by
//! one person keeps the behaviour it always had). Once a grant exists, a login may
//! do what its grants allow and nothing else. This protects against mistakes
//! between colleagues sharing a file; it does not stand against someone who can
//! write the file with a SQLite shell (the file's modes are that boundary).

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{Store, StoreError, classify};
use crate::domain::Action;

/// A role, as kept in the `access` table and typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Coordinator,
    Delegation,
    Pilot,
    Reader,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Coordinator,
        Role::Delegation,
        Role::Pilot,
        Role::Reader,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Delegation => "delegation",
            Role::Pilot => "pilot",
            Role::Reader => "reader",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What a grant is about: nothing (coordinator, reader, a pilot of their own
/// actions), a territory (delegation) or an organisation (a pilot for the actions
/// that organisation pilots). Codes, as people know them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Scope {
    None,
    Territory(String),
    Organisation(String),
}

/// One grant as listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Grant {
    pub login: String,
    #[serde(serialize_with = "role_code")]
    pub role: Role,
    pub scope: Scope,
    pub granted_by: String,
    pub granted_at: String,
}

fn role_code<S: serde::Serializer>(r: &Role, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.code())
}

/// What a write is about, for [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write<'a> {
    /// Granting or revoking roles.
    Access,
    /// A whole document or sheet imported, the demo loaded, totals repaired.
    Import,
    /// Territories, organisations, people, themes, envelopes, the catalogue.
    Directory,
    /// A plan of a territory (its own fields, a new or removed action, a meeting).
    Territory(&'a str),
    /// One action, found by plan and code; `pilot_only` when only what its pilot may
    /// change changes (status, progress, weather, notes, milestones, indicator values).
    Action {
        plan: &'a str,
        code: &'a str,
        pilot_only: bool,
    },
}

/// What was refused, whom to, and which roles would allow it (put into words in
/// the user's language at the edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub login: String,
    pub subject: Subject,
    /// The login's grants, as `role` or `role scope`.
    pub has: Vec<(Role, Scope)>,
}

/// What a refused write was about, with what names the scopes that would allow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Access,
    Import,
    Directory,
    /// A plan, its actions' other fields, its budget lines or a meeting of the territory.
    Territory(String),
    /// What a pilot of the action may change: `PLAN/ACTION`, its territory, and its
    /// pilot (organisation code, person's login if any).
    Piloted {
        key: String,
        territory: String,
        organisation: Option<String>,
        login: Option<String>,
    },
}

/// Whether any role is recorded at all (none: everyone may do everything).
pub fn any_grant(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM access)", [], |r| r.get(0))
}

/// The grants of `login`.
pub fn grants_of(conn: &Connection, login: &str) -> rusqlite::Result<Vec<(Role, Scope)>> {
    Ok(list(conn)?
        .into_iter()
        .filter(|g| g.login == login)
        .map(|g| (g.role, g.scope))
        .collect())
}

/// Every grant, by login then role.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Grant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.login, a.role, t.code, o.code, a.granted_by, a.granted_at FROM access a \
         LEFT JOIN territories t ON t.id = a.territory_id \
         LEFT JOIN organisations o ON o.id = a.organisation_id \
         ORDER BY a.login, a.role, t.code, o.code",
    )?;
    let rows = stmt.query_map([], |r| {
        let role: String = r.get(1)?;
        let territory: Option<String> = r.get(2)?;
        let organisation: Option<String> = r.get(3)?;
        Ok(Grant {
            login: r.get(0)?,
            // The table's CHECK keeps the role one of the four.
            role: Role::from_code(&role).unwrap_or(Role::Reader),
            scope: match (territory, organisation) {
                (Some(t), _) => Scope::Territory(t),
                (None, Some(o)) => Scope::Organisation(o),
                (None, None) => Scope::None,
            },
            granted_by: r.get(4)?,
            granted_at: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// Whether `login` may make `write`: `Ok(Err(refused))` when not.
pub fn allowed(
    conn: &Connection,
    login: &str,
    write: &Write<'_>,
) -> rusqlite::Result<Result<(), Refused>> {
    if !any_grant(conn)? {
        return Ok(Ok(()));
    }
    let has = grants_of(conn, login)?;
    if has.iter().any(|(r, _)| *r == Role::Coordinator) {
        return Ok(Ok(()));
    }
    let delegation = |t: &str| {
        has.iter()
            .any(|(r, s)| *r == Role::Delegation && *s == Scope::Territory(t.to_string()))
    };
    let subject = match write {
        Write::Access => Subject::Access,
        Write::Import => Subject::Import,
        Write::Directory => {
            if has.iter().any(|(r, _)| *r == Role::Delegation) {
                return Ok(Ok(()));
            }
            Subject::Directory
        }
        Write::Territory(t) => {
            if delegation(t) {
                return Ok(Ok(()));
            }
            Subject::Territory(t.to_string())
        }
        Write::Action {
            plan,
            code,
            pilot_only,
        } => {
            let territory = territory_of_plan(conn, plan)?.unwrap_or_default();
            if delegation(&territory) {
                return Ok(Ok(()));
            }
            if !pilot_only {
                Subject::Territory(territory)
            } else {
                let (organisation, person_login) = pilot_of(conn, plan, code)?;
                let pilots = has.iter().any(|(r, s)| {
                    *r == Role::Pilot
                        && match s {
                            Scope::None => person_login.as_deref() == Some(login),
                            Scope::Organisation(o) => organisation.as_deref() == Some(o),
                            Scope::Territory(_) => false,
                        }
                });
                if pilots {
                    return Ok(Ok(()));
                }
                Subject::Piloted {
                    key: format!("{plan}/{code}"),
                    territory,
                    organisation,
                    login: person_login,
                }
            }
        }
    };
    Ok(Err(Refused {
        login: login.to_string(),
        subject,
        has,
    }))
}

/// [`allowed`] as a store error: what every write of the store calls, inside its
/// transaction, before writing anything.
pub fn check(
    conn: &Connection,
    path: &std::path::Path,
    login: &str,
    write: &Write<'_>,
) -> Result<(), StoreError> {
    match allowed(conn, login, write) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(r)) => Err(StoreError::Refused(Box::new(r))),
        Err(e) => Err(classify(path, e)),
    }
}

/// Whether going from `before` to `after` changes only what an action's pilot may
/// change: status (and the day it was done), progress, weather, journal notes,
/// milestones and indicator values.
pub fn pilot_only(before: &Action, after: &Action) -> bool {
    let mut rest = after.clone();
    rest.status = before.status;
    rest.done_on = before.done_on;
    rest.progress = before.progress;
    rest.weather = before.weather;
    rest.milestones = before.milestones.clone();
    rest.journal = before.journal.clone();
    if rest.indicators.len() == before.indicators.len() {
        for (r, b) in rest.indicators.iter_mut().zip(&before.indicators) {
            r.values = b.values.clone();
        }
    }
    rest == *before
}

fn territory_of_plan(conn: &Connection, plan: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id WHERE p.code = ?1",
    )?
    .query_row([plan], |r| r.get(0))
    .optional()
}

/// The pilot of an action as it is stored: organisation code, person's login.
fn pilot_of(
    conn: &Connection,
    plan: &str,
    code: &str,
) -> rusqlite::Result<(Option<String>, Option<String>)> {
    Ok(conn
        .prepare_cached(
            "SELECT o.code, pe.login FROM actions a JOIN plans p ON p.id = a.plan_id \
             LEFT JOIN organisations o ON o.id = a.pilot_org_id \
             LEFT JOIN people pe ON pe.id = a.pilot_person_id \
             WHERE p.code = ?1 AND a.code = ?2",
        )?
        .query_row(params![plan, code], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((None, None)))
}

/// Why a grant or a revocation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    /// The first grant of a database must make its author a coordinator.
    #[error(
        "the first grant must make you ({0}) a coordinator: jalon access grant {0} coordinator"
    )]
    FirstGrant(String),
    #[error("revoking the last coordinator is refused: grant the role to someone else first")]
    LastCoordinator,
    #[error("no territory {0}; the territories are: {1}")]
    UnknownTerritory(String, String),
    #[error("no organisation {0}; the organisations are: {1}")]
    UnknownOrganisation(String, String),
    /// The role does not take that scope (a delegation needs a territory…).
    #[error("the role {} does not take this scope", .0.code())]
    BadScope(Role),
    #[error("{0} has no such grant")]
    NoSuchGrant(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a grant did: written, or there already; and whether no person has the login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granted {
    pub added: bool,
    pub unknown_login: bool,
}

/// Grants `role` (in `scope`) to `login`, as `who`, in one immediate transaction.
pub fn grant(
    store: &mut Store,
    who: &str,
    login: &str,
    role: Role,
    scope: &Scope,
) -> Result<Granted, AccessError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| AccessError::Store(classify(&path, e));
    let tx = begin(store)?;
    fits(role, scope)?;
    if !any_grant(&tx).map_err(sql)? {
        if !(role == Role::Coordinator && login == who) {
            return Err(AccessError::FirstGrant(who.to_string()));
        }
    } else {
        check(&tx, &path, who, &Write::Access)?;
    }
    let (territory, organisation) = scope_ids(&tx, scope).map_err(|e| match e {
        Lookup::Sql(e) => sql(e),
        Lookup::Refused(a) => a,
    })?;
    let added = tx
        .execute(
            "INSERT OR IGNORE INTO access (login, role, territory_id, organisation_id, granted_by, granted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![login, role.code(), territory, organisation, who, now()],
        )
        .map_err(sql)?
        > 0;
    let unknown_login = !tx
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE login = ?1)",
            [login],
            |r| r.get::<_, bool>(0),
        )
        .map_err(sql)?;
    tx.commit().map_err(sql)?;
    Ok(Granted {
        added,
        unknown_login,
    })
}

/// Revokes `role` (in `scope`) from `login`, as `who`; the last coordinator stays.
pub fn revoke(
    store: &mut Store,
    who: &str,
    login: &str,
    role: Role,
    scope: &Scope,
) -> Result<(), AccessError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| AccessError::Store(classify(&path, e));
    let tx = begin(store)?;
    fits(role, scope)?;
    check(&tx, &path, who, &Write::Access)?;
    let (territory, organisation) = scope_ids(&tx, scope).map_err(|e| match e {
        Lookup::Sql(e) => sql(e),
        Lookup::Refused(a) => a,
    })?;
    let gone = tx
        .execute(
            "DELETE FROM access WHERE login = ?1 AND role = ?2 \
             AND territory_id IS ?3 AND organisation_id IS ?4",
            params![login, role.code(), territory, organisation],
        )
        .map_err(sql)?;
    if gone == 0 {
        return Err(AccessError::NoSuchGrant(login.to_string()));
    }
    let coordinators: i64 = tx
        .query_row(
            "SELECT count(*) FROM access WHERE role = 'coordinator'",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    if role == Role::Coordinator && coordinators == 0 {
        // Dropping the transaction puts the grant back.
        return Err(AccessError::LastCoordinator);
    }
    tx.commit().map_err(sql)
}

fn begin(store: &mut Store) -> Result<rusqlite::Transaction<'_>, AccessError> {
    let path = store.path().to_path_buf();
    if store.is_read_only() {
        return Err(StoreError::ReadOnly(path).into());
    }
    store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| AccessError::Store(classify(&path, e)))
}

fn fits(role: Role, scope: &Scope) -> Result<(), AccessError> {
    let ok = match role {
        Role::Delegation => matches!(scope, Scope::Territory(_)),
        Role::Pilot => !matches!(scope, Scope::Territory(_)),
        Role::Coordinator | Role::Reader => *scope == Scope::None,
    };
    if ok {
        Ok(())
    } else {
        Err(AccessError::BadScope(role))
    }
}

enum Lookup {
    Sql(rusqlite::Error),
    Refused(AccessError),
}

fn scope_ids(conn: &Connection, scope: &Scope) -> Result<(Option<i64>, Option<i64>), Lookup> {
    let find = |table: &str, code: &str| -> Result<Option<i64>, Lookup> {
        conn.query_row(
            &format!("SELECT id FROM {table} WHERE code = ?1"),
            [code],
            |r| r.get(0),
        )
        .optional()
        .map_err(Lookup::Sql)
    };
    let known = |table: &str| -> Result<String, Lookup> {
        let mut stmt = conn
            .prepare(&format!("SELECT code FROM {table} ORDER BY code"))
            .map_err(Lookup::Sql)?;
        let codes: rusqlite::Result<Vec<String>> = stmt
            .query_map([], |r| r.get(0))
            .map_err(Lookup::Sql)?
            .collect();
        Ok(codes.map_err(Lookup::Sql)?.join(", "))
    };
    match scope {
        Scope::None => Ok((None, None)),
        Scope::Territory(t) => match find("territories", t)? {
            Some(id) => Ok((Some(id), None)),
            None => Err(Lookup::Refused(AccessError::UnknownTerritory(
                t.clone(),
                known("territories")?,
            ))),
        },
        Scope::Organisation(o) => match find("organisations", o)? {
            Some(id) => Ok((None, Some(id))),
            None => Err(Lookup::Refused(AccessError::UnknownOrganisation(
                o.clone(),
                known("organisations")?,
            ))),
        },
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
