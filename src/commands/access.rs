//! `jalon access grant|revoke|list`: who may change what (issue 12, part "access").
//! The login acting is the program's (`ctx.who`); the store checks it may.

use std::process::ExitCode;

use serde_json::json;

use super::{Context, to_stdout};
use crate::cli::{AccessCommand, AccessGrantArgs, AccessListArgs, BoardFormat, RoleArg};
use crate::i18n::T;
use crate::i18n::access::{access_error, role_typed, scope_text};
use crate::store::access::{self, Role, Scope};
use crate::text::escape;

pub fn run(ctx: &Context, c: &AccessCommand) -> anyhow::Result<ExitCode> {
    match c {
        AccessCommand::Grant(a) => grant(ctx, a),
        AccessCommand::Revoke(a) => revoke(ctx, a),
        AccessCommand::List(a) => list(ctx, a),
    }
}

fn role(r: RoleArg) -> Role {
    match r {
        RoleArg::Coordinator => Role::Coordinator,
        RoleArg::Delegation => Role::Delegation,
        RoleArg::Pilot => Role::Pilot,
        RoleArg::Reader => Role::Reader,
    }
}

fn scope(a: &AccessGrantArgs) -> Scope {
    match (&a.territory, &a.organisation) {
        (Some(t), _) => Scope::Territory(t.clone()),
        (None, Some(o)) => Scope::Organisation(o.clone()),
        (None, None) => Scope::None,
    }
}

fn grant(ctx: &Context, a: &AccessGrantArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    let role = role(a.role);
    let done = access::grant(&mut store, &ctx.who, &a.login, role, &scope(a))
        .map_err(|e| anyhow::anyhow!(access_error(ctx.lang, &e)))?;
    let lang = ctx.lang;
    if done.unknown_login {
        eprintln!(
            "{}",
            lang.warning(&[&escape(
                &lang.fill(T::AccUnknownLogin, &[("login", &a.login)])
            )])
        );
    }
    let said = if done.added {
        lang.fill(
            T::AccGranted,
            &[
                ("role", &role_words(ctx, role, &scope(a))),
                ("login", &a.login),
            ],
        )
    } else {
        lang.fill(T::AccAlready, &[("login", &a.login)])
    };
    to_stdout(|out| Ok(writeln!(out, "{}", escape(&said))?))?;
    Ok(ExitCode::SUCCESS)
}

fn revoke(ctx: &Context, a: &AccessGrantArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    let role = role(a.role);
    access::revoke(&mut store, &ctx.who, &a.login, role, &scope(a))
        .map_err(|e| anyhow::anyhow!(access_error(ctx.lang, &e)))?;
    let said = ctx.lang.fill(
        T::AccRevoked,
        &[
            ("role", &role_words(ctx, role, &scope(a))),
            ("login", &a.login),
        ],
    );
    to_stdout(|out| Ok(writeln!(out, "{}", escape(&said))?))?;
    Ok(ExitCode::SUCCESS)
}

fn role_words(ctx: &Context, role: Role, scope: &Scope) -> String {
    crate::i18n::access::grant_text(ctx.lang, role, scope)
}

fn list(ctx: &Context, a: &AccessListArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let grants = access::list(store.conn()).map_err(|e| store.err(e))?;
    let lang = ctx.lang;
    to_stdout(|out| {
        match a.format {
            BoardFormat::Json => {
                let rows: Vec<_> = grants
                    .iter()
                    .map(|g| {
                        let (territory, organisation) = match &g.scope {
                            Scope::None => (None, None),
                            Scope::Territory(t) => (Some(t), None),
                            Scope::Organisation(o) => (None, Some(o)),
                        };
                        json!({
                            "login": g.login,
                            "role": g.role.code(),
                            "territory": territory,
                            "organisation": organisation,
                            "granted_by": g.granted_by,
                            "granted_at": g.granted_at,
                        })
                    })
                    .collect();
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &rows)?;
                out.write_all(b"\n")?;
            }
            BoardFormat::Text if grants.is_empty() => {
                writeln!(out, "{}", lang.t(T::AccEmpty))?;
            }
            BoardFormat::Text => {
                let head = [
                    lang.t(T::AccColLogin).to_string(),
                    lang.t(T::AccColRole).to_string(),
                    lang.t(T::AccColScope).to_string(),
                    lang.t(T::AccColBy).to_string(),
                    lang.t(T::AccColAt).to_string(),
                ];
                let rows: Vec<[String; 5]> = grants
                    .iter()
                    .map(|g| {
                        [
                            escape(&g.login).into_owned(),
                            role_typed(lang, g.role),
                            escape(&scope_text(lang, &g.scope).unwrap_or_default()).into_owned(),
                            escape(&g.granted_by).into_owned(),
                            escape(&g.granted_at).into_owned(),
                        ]
                    })
                    .collect();
                let width = |i: usize| {
                    rows.iter()
                        .map(|r| r[i].chars().count())
                        .chain([head[i].chars().count()])
                        .max()
                        .unwrap_or(0)
                };
                let widths: Vec<usize> = (0..5).map(width).collect();
                for r in std::iter::once(&head).chain(rows.iter()) {
                    let cells: Vec<String> = r
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| format!("{c:<w$}"))
                        .collect();
                    writeln!(out, "{}", cells.join("  ").trim_end())?;
                }
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
