//! `jalon remind`: each pilot person's overdue and soon-due actions and milestones,
//! as text on the standard output, or one `.eml` file a person with `--out DIR`.
//! Only reads the database.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use chrono::{DateTime, FixedOffset, Local, TimeZone};

use super::{Context, to_stdout};
use crate::cli::RemindArgs;
use crate::domain::remind::{AddressProblem, Recipient};
use crate::i18n::T;
use crate::interchange::mail::{self, Envelope, Mailbox, Run};
use crate::store::read::remind;
use crate::text::{escape, quote};

pub fn run(ctx: &Context, args: &RemindArgs) -> Result<ExitCode> {
    let lang = ctx.lang;
    let within = args.within.unwrap_or(ctx.config.due_soon_days);
    // What can be refused without the database is refused first.
    let from = match &args.out {
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                let dir = dir.display();
                return Err(anyhow!(lang.fill(T::RemindOutIsFile, &[("dir", &dir)])));
            }
            Some(sender(ctx, args.from.as_deref())?)
        }
        None => None,
    };
    let store = ctx.open_existing()?;
    let filter = ctx.resolve_filter(&store, args.territory.as_deref(), None)?;
    let recipients =
        remind::recipients(store.conn(), ctx.today, within, filter.territory.as_deref())
            .map_err(|e| store.err(e))?;
    let run = Run {
        today: ctx.today,
        within,
        lang,
    };
    for r in &recipients {
        if r.address() == Err(AddressProblem::NotAnAddress) {
            eprintln!("jalon: {}", bad_email(r, &run));
        }
    }
    match (&args.out, from) {
        (Some(dir), Some(from)) => write_mails(ctx, dir, &from, &recipients, &run)?,
        _ => to_stdout(|out| write_text(out, &recipients, &run))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--from`, else `[mail] from` of the config; refused when neither is set or when
/// it is not an address.
fn sender(ctx: &Context, given: Option<&str>) -> Result<Mailbox> {
    let lang = ctx.lang;
    let Some(from) = given.or(ctx.config.mail_from.as_deref()) else {
        let config = crate::config::default_config_path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| lang.t(T::RemindNoConfigPath).to_string());
        return Err(anyhow!(lang.fill(T::RemindNoFrom, &[("config", &config)])));
    };
    Mailbox::parse(from)
        .ok_or_else(|| anyhow!(lang.fill(T::RemindBadFrom, &[("from", &quote(from))])))
}

fn bad_email(r: &Recipient, run: &Run) -> String {
    run.lang.fill(
        T::RemindBadEmail,
        &[
            ("email", &quote(r.email.as_deref().unwrap_or_default())),
            ("name", &escape(&r.name)),
            ("code", &escape(&r.code)),
        ],
    )
}

/// `no email for Name (code): 3 items to remind, phone …`.
fn no_email(r: &Recipient, run: &Run) -> String {
    let phone = match r.phone.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => run.lang.fill(T::RemindPhone, &[("phone", &escape(p))]),
        _ => String::new(),
    };
    run.lang.fill(
        T::RemindNoEmail,
        &[
            ("name", &escape(&r.name)),
            ("code", &escape(&r.code)),
            ("count", &mail::body::count(r.items.len(), run.lang)),
            ("phone", &phone),
        ],
    )
}

/// One block a person who can be written to, then the others (to call), each with
/// their list, and a line for each at the end.
fn write_text(out: &mut dyn Write, recipients: &[Recipient], run: &Run) -> Result<()> {
    if recipients.is_empty() {
        let nothing = run.lang.fill(T::RemindNothing, &[("limit", &run.limit())]);
        writeln!(out, "{nothing}")?;
        return Ok(());
    }
    let (mailable, others): (Vec<&Recipient>, Vec<&Recipient>) =
        recipients.iter().partition(|r| r.address().is_ok());
    for (i, r) in mailable.iter().chain(&others).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(mail::text_block(r, run).as_bytes())?;
    }
    if !others.is_empty() {
        writeln!(out, "\n{}", run.lang.t(T::RemindNoEmailHeading))?;
        for r in others {
            writeln!(out, "- {}", no_email(r, run))?;
        }
    }
    Ok(())
}

/// One `.eml` a person with an address, each written beside and renamed into
/// `dir`; a line a file on the standard output; the others on the standard error.
fn write_mails(
    ctx: &Context,
    dir: &Path,
    from: &Mailbox,
    recipients: &[Recipient],
    run: &Run,
) -> Result<()> {
    let lang = ctx.lang;
    std::fs::create_dir_all(dir).map_err(|e| {
        let why = crate::i18n::reason(lang, &crate::store::io_reason(&e));
        let dir = dir.display();
        anyhow!(lang.fill(T::ExportCannotWriteWhy, &[("path", &dir), ("why", &why)]))
    })?;
    let date = mail_date(ctx);
    let domain = from.address.rsplit('@').next().unwrap_or("jalon");
    // When, by whom and which: no two mails share an id (codes are left out, to
    // keep the header short).
    let now = Local::now();
    let stamp = format!(
        "{:x}.{:05x}.{:x}",
        now.timestamp(),
        now.timestamp_subsec_micros(),
        std::process::id()
    );
    let mut used = std::collections::HashSet::new();
    let mut written = Vec::new();
    for (i, r) in recipients.iter().enumerate() {
        let Ok(address) = r.address() else { continue };
        let mut name = mail::file_name(&r.code);
        // Two codes that differ only by case would share a file on some disks.
        let mut n = 1;
        while !used.insert(name.to_ascii_lowercase()) {
            n += 1;
            name = mail::file_name(&format!("{}-{n}", r.code));
        }
        let id = format!("<jalon.{stamp}.{}@{domain}>", i + 1);
        let env = Envelope {
            from,
            date,
            message_id: &id,
        };
        let Some(bytes) = mail::eml(r, run, &env) else {
            continue;
        };
        let path = dir.join(&name);
        super::export::write_atomically(&path, lang, |out| Ok(out.write_all(&bytes)?))?;
        written.push(lang.fill(
            T::RemindWrote,
            &[
                ("path", &path.display()),
                ("name", &escape(&r.name)),
                ("email", &address),
                ("count", &mail::body::count(r.items.len(), lang)),
            ],
        ));
    }
    to_stdout(|out| {
        for w in &written {
            writeln!(out, "{w}")?;
        }
        if recipients.is_empty() {
            let nothing = lang.fill(T::RemindNothing, &[("limit", &run.limit())]);
            writeln!(out, "{nothing}")?;
        }
        Ok(())
    })?;
    for r in recipients.iter().filter(|r| r.address().is_err()) {
        eprintln!("jalon: {}", no_email(r, run));
    }
    Ok(())
}

/// The mails' date: `--today` at 08:00 when it was given (the same mail for the same
/// day), else now; in the local time zone.
fn mail_date(ctx: &Context) -> DateTime<FixedOffset> {
    let now = Local::now();
    if !ctx.today_overridden {
        return now.fixed_offset();
    }
    let at = ctx.today.and_hms_opt(8, 0, 0).unwrap_or_default();
    match Local.from_local_datetime(&at).earliest() {
        Some(t) => t.fixed_offset(),
        None => chrono::Utc.from_utc_datetime(&at).fixed_offset(),
    }
}
