//! Who may change what (issue 12, part "access"): refusals and grant errors put
//! into words, in the user's language.

use super::{Lang, T};
use crate::store::access::{AccessError, Refused, Role, Scope, Subject};

/// A role's name in the user's language (`délégation`, `delegation`).
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    lang.t(match role {
        Role::Coordinator => T::RoleCoordinator,
        Role::Delegation => T::RoleDelegation,
        Role::Pilot => T::RolePilot,
        Role::Reader => T::RoleReader,
    })
}

/// A role as the user would type it back: `coordinator` in English,
/// ``coordinateur (`coordinator`)`` in French.
pub fn role_typed(lang: Lang, role: Role) -> String {
    lang.fill(
        T::AccRoleTyped,
        &[("name", &role_name(lang, role)), ("code", &role.code())],
    )
}

/// A grant, with the code to type: `delegation (territory 13)`,
/// ``délégation (`delegation`, territoire 13)``.
pub fn grant_text(lang: Lang, role: Role, scope: &Scope) -> String {
    match scope_text(lang, scope) {
        Some(s) => lang.fill(
            T::AccGrantTyped,
            &[
                ("name", &role_name(lang, role)),
                ("code", &role.code()),
                ("scope", &s),
            ],
        ),
        None => role_typed(lang, role),
    }
}

/// A grant in words only, for the interface, where nothing is typed back:
/// `pilote`, `délégation (territoire 13)`.
pub fn grant_name(lang: Lang, role: Role, scope: &Scope) -> String {
    let name = role_name(lang, role);
    match scope_text(lang, scope) {
        Some(s) => lang.fill(T::AccGrantNamed, &[("name", &name), ("scope", &s)]),
        None => name.to_string(),
    }
}

/// A grant's scope in words, if it has one.
pub fn scope_text(lang: Lang, scope: &Scope) -> Option<String> {
    match scope {
        Scope::None => None,
        Scope::Territory(code) => Some(lang.fill(T::AccScopeTerritory, &[("code", code)])),
        Scope::Organisation(code) => Some(lang.fill(T::AccScopeOrganisation, &[("code", code)])),
    }
}

/// A write refused: who, what, which role and scope would allow it, what they have.
pub fn refused(lang: Lang, r: &Refused) -> String {
    let (what, allow) = match &r.subject {
        Subject::Access => (
            lang.t(T::AccWhatAccess).to_string(),
            lang.t(T::AccAllowCoordinator).to_string(),
        ),
        Subject::Import => (
            lang.t(T::AccWhatImport).to_string(),
            lang.t(T::AccAllowCoordinator).to_string(),
        ),
        Subject::Directory => (
            lang.t(T::AccWhatDirectory).to_string(),
            lang.t(T::AccAllowDirectory).to_string(),
        ),
        Subject::Territory(t) => (
            lang.fill(T::AccWhatTerritory, &[("territory", t)]),
            lang.fill(T::AccAllowTerritory, &[("territory", t)]),
        ),
        Subject::Piloted {
            key,
            territory,
            organisation,
            login,
        } => {
            let mut pilots = Vec::new();
            if let Some(l) = login {
                pilots.push(lang.fill(T::AccPilotPerson, &[("login", l)]));
            }
            if let Some(o) = organisation {
                pilots.push(lang.fill(T::AccPilotOrg, &[("code", o)]));
            }
            let pilot = if pilots.is_empty() {
                lang.t(T::AccNoPilot).to_string()
            } else {
                pilots.join(lang.t(T::AccOr))
            };
            (
                lang.fill(T::AccWhatPiloted, &[("key", key)]),
                lang.fill(
                    T::AccAllowPiloted,
                    &[("territory", territory), ("pilot", &pilot)],
                ),
            )
        }
    };
    let has = if r.has.is_empty() {
        lang.t(T::AccNone).to_string()
    } else {
        r.has
            .iter()
            .map(|(role, scope)| grant_text(lang, *role, scope))
            .collect::<Vec<_>>()
            .join(", ")
    };
    lang.fill(
        T::AccRefused,
        &[
            ("login", &r.login),
            ("what", &what),
            ("allow", &allow),
            ("has", &has),
        ],
    )
}

/// A grant or revocation refused, in words.
pub fn access_error(lang: Lang, e: &AccessError) -> String {
    match e {
        AccessError::FirstGrant(who) => lang.fill(T::AccFirstGrant, &[("who", who)]),
        AccessError::LastCoordinator => lang.t(T::AccLastCoordinator).to_string(),
        AccessError::UnknownTerritory(code, known) => {
            lang.fill(T::AccUnknownTerritory, &[("code", code), ("known", known)])
        }
        AccessError::UnknownOrganisation(code, known) => lang.fill(
            T::AccUnknownOrganisation,
            &[("code", code), ("known", known)],
        ),
        AccessError::BadScope(role) => {
            lang.fill(T::AccBadScope, &[("role", &role_typed(lang, *role))])
        }
        AccessError::NoSuchGrant(login) => lang.fill(T::AccNoSuchGrant, &[("login", login)]),
        AccessError::Store(s) => super::store_error(lang, s),
    }
}
