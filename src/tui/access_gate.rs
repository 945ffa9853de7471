//! Who may change what, asked before a box opens (issue 12, part "access"): the
//! runner asks the store's one check, so that a key the login may not use does
//! nothing but say why in the notice line. The store checks again when saving.

use crate::i18n::{Lang, access::refused, store_error};
use crate::store::Store;
use crate::store::access::{Write, allowed};

use super::msg::{BoxKind, Msg};

/// Whether `who` may open the box `kind` on the action `plan/code`: the boxes of
/// what a pilot updates need the pilot's role, the others a delegation's.
pub fn may_open(
    store: &Store,
    who: &str,
    lang: Lang,
    kind: BoxKind,
    plan: &str,
    code: &str,
) -> Result<(), String> {
    let pilot_only = matches!(
        kind,
        BoxKind::Quick
            | BoxKind::Milestones
            | BoxKind::Indicators
            | BoxKind::Note
            | BoxKind::Decision
    );
    let write = Write::Action {
        plan,
        code,
        pilot_only,
    };
    match allowed(store.conn(), who, &write) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(r)) => Err(refused(lang, &r)),
        Err(e) => Err(store_error(lang, &store.err(e))),
    }
}

/// Whether `who` may change the plan `plan` (its fields, a new action in it).
pub fn may_change_plan(store: &Store, who: &str, lang: Lang, plan: &str) -> Result<(), String> {
    may_open(store, who, lang, BoxKind::Form, plan, "")
}

/// Whether `who` may write in the territory `territory` (a meeting of it).
pub fn may_change_territory(
    store: &Store,
    who: &str,
    lang: Lang,
    territory: &str,
) -> Result<(), String> {
    match allowed(store.conn(), who, &Write::Territory(territory)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(r)) => Err(refused(lang, &r)),
        Err(e) => Err(store_error(lang, &store.err(e))),
    }
}

/// A new action in the plan `plan_id`: its code and the codes taken, once `who`
/// may change the plan.
pub fn new_action(store: &Store, who: &str, lang: Lang, plan_id: i64) -> Result<Msg, String> {
    let (plan, taken) = crate::store::locate::plan_codes(store.conn(), plan_id)
        .map_err(|e| store_error(lang, &store.err(e)))?;
    may_change_plan(store, who, lang, &plan)?;
    Ok(Msg::NewActionReady { plan, taken })
}

/// A new meeting of a territory (and plan): what the box shows, once `who` may
/// write in the territory.
pub fn new_meeting(
    store: &Store,
    who: &str,
    lang: Lang,
    territory_id: i64,
    plan_id: Option<i64>,
) -> Result<Msg, String> {
    let (territory, name, plan) = super::meeting_load::codes(store.conn(), territory_id, plan_id)
        .map_err(|e| store_error(lang, &store.err(e)))?;
    may_change_territory(store, who, lang, &territory)?;
    Ok(Msg::MeetingReady {
        territory,
        name,
        plan,
    })
}

/// What the login's roles allow, for the keys (`None`: no role recorded, or the
/// grants could not be read — the store checks every write anyway).
pub fn rights(store: &Store, who: &str, lang: Lang) -> Option<super::rights::Rights> {
    use crate::store::access::{Role, any_grant, grants_of};
    let conn = store.conn();
    if !any_grant(conn).ok()? {
        return None;
    }
    let has = grants_of(conn, who).ok()?;
    let is = |role: Role| has.iter().any(|(r, _)| *r == role);
    let roles = if has.is_empty() {
        lang.t(crate::i18n::T::AccNone).to_string()
    } else {
        has.iter()
            .map(|(r, s)| crate::i18n::access::grant_name(lang, *r, s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(super::rights::Rights {
        login: who.to_string(),
        coordinator: is(Role::Coordinator),
        delegation: is(Role::Delegation),
        pilot: is(Role::Pilot),
        roles,
    })
}

/// The answers to the start: the login's rights first, then what the start read.
pub fn started(store: &Store, who: &str, lang: Lang, start: Result<Msg, String>) -> Vec<Msg> {
    let rights = Msg::Rights(rights(store, who, lang));
    vec![rights, start.unwrap_or_else(Msg::Failed)]
}
