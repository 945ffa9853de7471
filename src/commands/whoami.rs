//! `jalon whoami`: who Jalon takes you for — the login the journal signs with, and
//! the person of the directory whose login it is.

use std::process::ExitCode;

use serde_json::json;

use super::{Context, to_stdout};
use crate::cli::{WhoamiArgs, WhoamiFormat};
use crate::i18n::T;
use crate::text::escape;

pub fn run(ctx: &Context, args: &WhoamiArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let person = crate::store::person_of_login(store.conn(), &ctx.who).map_err(|e| store.err(e))?;
    let me = ctx.config.me.as_deref();
    if args.format == WhoamiFormat::Json {
        let person = person.as_ref().map(|p| {
            json!({
                "code": p.code,
                "name": p.name,
                "organisation": p.organisation.as_ref().map(|(c, n)| json!({"code": c, "name": n})),
            })
        });
        let doc = json!({ "login": ctx.who, "person": person, "me": me });
        return to_stdout(|out| {
            crate::interchange::jsonout::to_writer_pretty(&mut *out, &doc)?;
            out.write_all(b"\n")?;
            Ok(())
        })
        .map(|()| ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    let login = escape(&ctx.who).into_owned();
    let said = match &person {
        Some(p) => {
            let (code, name) = (escape(&p.code), escape(&p.name));
            match &p.organisation {
                Some((org, org_name)) => lang.fill(
                    T::WhoPerson,
                    &[
                        ("login", &login),
                        ("name", &name),
                        ("code", &code),
                        ("org", &escape(org)),
                        ("org_name", &escape(org_name)),
                    ],
                ),
                None => lang.fill(
                    T::WhoPersonNoOrg,
                    &[("login", &login), ("name", &name), ("code", &code)],
                ),
            }
        }
        None => {
            let config = crate::config::default_config_path()
                .map(|p| escape(&p.display().to_string()).into_owned())
                .unwrap_or_else(|| "config.toml".into());
            lang.fill(T::WhoNobody, &[("login", &login), ("config", &config)])
        }
    };
    to_stdout(|out| {
        writeln!(out, "{said}")?;
        writeln!(out, "{}", lang.fill(T::WhoSigns, &[("login", &login)]))?;
        if let Some(me) = me {
            writeln!(out, "{}", lang.fill(T::WhoMe, &[("me", &escape(me))]))?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
