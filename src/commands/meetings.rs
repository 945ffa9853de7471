//! `jalon meeting add|list|delete` and `jalon decision add`: meetings of a
//! territory, and decisions in an action's journal.

use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Context, to_stdout};
use crate::cli::{
    BoardFormat, BodyArg, DecisionAddArgs, DecisionCommand, MeetingAddArgs, MeetingCommand,
    MeetingListArgs,
};
use crate::domain::MeetingBody;
use crate::i18n::{Lang, T, meeting_body_label, problem_text};
use crate::store::edit::EditError;
use crate::store::meetings::{
    NewDecision, NewMeeting, add_decision, create_meeting, delete_meeting,
};
use crate::store::read::meetings::{Listed, list};
use crate::text::{escape, quote};

pub fn meeting(ctx: &Context, c: &MeetingCommand) -> anyhow::Result<ExitCode> {
    match c {
        MeetingCommand::Add(a) => add(ctx, a),
        MeetingCommand::List(a) => list_meetings(ctx, a),
        MeetingCommand::Delete(a) => {
            let mut store = ctx.open_for_writing()?;
            delete_meeting(&mut store, &a.code, &ctx.who).map_err(|e| match e {
                EditError::NotFound(_) => anyhow::anyhow!(ctx.lang.fill(
                    T::MtgNoSuchMeetingCode,
                    &[("wanted", &quote(&a.code)), ("db", &ctx.db.display())]
                )),
                e => refused(ctx, e),
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn decision(ctx: &Context, c: &DecisionCommand) -> anyhow::Result<ExitCode> {
    match c {
        DecisionCommand::Add(a) => add_decision_cmd(ctx, a),
    }
}

pub(super) fn body(b: BodyArg) -> MeetingBody {
    match b {
        BodyArg::Cts => MeetingBody::Cts,
        BodyArg::Copil => MeetingBody::Copil,
        BodyArg::Other => MeetingBody::Other,
    }
}

/// A refused write in words: the option at fault (`--title: is empty…`), in the
/// chosen language; a store error as such.
fn refused(ctx: &Context, e: EditError) -> anyhow::Error {
    const OPTIONS: [&str; 8] = [
        "code",
        "territory",
        "plan",
        "body",
        "date",
        "title",
        "attendees",
        "meeting",
    ];
    match e {
        EditError::Invalid { path, message } => {
            // A decision's text is refused at its place in the journal.
            let last = path.rsplit('.').next().unwrap_or(&path);
            let place = if OPTIONS.contains(&last) || last == "text" {
                format!("--{last}")
            } else {
                path.clone()
            };
            anyhow::anyhow!(
                "{place}: {} ({})",
                problem_text(ctx.lang, &message),
                ctx.lang.t(T::MtgRefused)
            )
        }
        EditError::Store(s) => anyhow::Error::from(s),
        EditError::NotFound(what) => anyhow::anyhow!(ctx.lang.fill(
            T::MtgNoSuchAction,
            &[("wanted", &quote(&what)), ("db", &ctx.db.display())]
        )),
        e @ EditError::Conflict(_) => anyhow::anyhow!(e.to_string()),
    }
}

fn add(ctx: &Context, a: &MeetingAddArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    let filter = ctx.resolve_filter(&store, Some(&a.territory), a.plan.as_deref())?;
    let new = NewMeeting {
        code: a.code.clone(),
        territory: filter.territory.unwrap_or_else(|| a.territory.clone()),
        plan: filter.plan,
        body: body(a.body),
        date: a.date,
        title: a.title.clone(),
        attendees: a.attendees.clone(),
    };
    let made = create_meeting(&mut store, &new, &ctx.who).map_err(|e| refused(ctx, e))?;
    to_stdout(|out| Ok(writeln!(out, "{}", escape(&made.code))?))?;
    Ok(ExitCode::SUCCESS)
}

fn list_meetings(ctx: &Context, a: &MeetingListArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let filter = ctx.resolve_filter(&store, a.territory.as_deref(), a.plan.as_deref())?;
    let rows = list(
        store.conn(),
        filter.territory.as_deref(),
        filter.plan.as_deref(),
    )
    .map_err(|e| store.err(e))?;
    to_stdout(|out| {
        match a.format {
            BoardFormat::Json => {
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &meetings_json(&rows))?;
                out.write_all(b"\n")?;
            }
            BoardFormat::Text => out.write_all(meetings_text(&rows, ctx.lang).as_bytes())?,
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The meetings as JSON: the `jalon/1` fields and how many decisions each took.
pub fn meetings_json(rows: &[Listed]) -> Value {
    Value::Array(
        rows.iter()
            .map(|l| {
                let m = &l.meeting;
                json!({
                    "code": m.code,
                    "territory": m.territory,
                    "plan": m.plan,
                    "body": m.body.code(),
                    "date": m.date.format("%Y-%m-%d").to_string(),
                    "title": m.title,
                    "attendees": m.attendees,
                    "decisions": l.decisions,
                })
            })
            .collect(),
    )
}

/// The meetings as an aligned table, newest first; every value escaped.
pub fn meetings_text(rows: &[Listed], lang: Lang) -> String {
    if rows.is_empty() {
        return format!("{}\n", lang.t(T::MtgNone));
    }
    let header = [
        T::MtgColDate,
        T::MtgColBody,
        T::ColCode,
        T::MtgColTitle,
        T::MtgColPlan,
        T::MtgColDecisions,
    ]
    .map(|t| lang.t(t).to_string());
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|l| {
            let m = &l.meeting;
            vec![
                lang.date(m.date).to_string(),
                meeting_body_label(lang, m.body).to_string(),
                escape(&m.code).into_owned(),
                escape(&m.title).into_owned(),
                m.plan
                    .as_deref()
                    .map(|p| escape(p).into_owned())
                    .unwrap_or_default(),
                l.decisions.to_string(),
            ]
        })
        .collect();
    crate::text::table(&header, &cells, &[false, false, false, false, false, true])
}

fn add_decision_cmd(ctx: &Context, a: &DecisionAddArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    let no_action = || {
        anyhow::anyhow!(ctx.lang.fill(
            T::MtgNoSuchAction,
            &[("wanted", &quote(&a.action)), ("db", &ctx.db.display())]
        ))
    };
    let (plan, action) = a.action.split_once('/').ok_or_else(no_action)?;
    let filter = ctx.resolve_filter(&store, None, Some(plan))?;
    let plan = filter.plan.unwrap_or_else(|| plan.to_string());
    if let Some(code) = &a.meeting {
        let known =
            crate::store::read::meetings::by_code(store.conn(), code).map_err(|e| store.err(e))?;
        if known.is_none() {
            return Err(no_meeting(ctx, &store, &plan, code));
        }
    }
    let key = format!("{plan}/{action}");
    add_decision(
        &mut store,
        &NewDecision {
            plan: plan.clone(),
            action: action.to_string(),
            text: a.text.clone(),
            meeting: a.meeting.clone(),
            author: a.author.clone().unwrap_or_else(|| ctx.who.clone()),
            at: {
                use chrono::SubsecRound;
                chrono::Utc::now().trunc_subsecs(0)
            },
        },
        &ctx.who,
    )
    .map_err(|e| match e {
        EditError::NotFound(_) => no_action(),
        e => refused(ctx, e),
    })?;
    let said = match &a.meeting {
        Some(m) => ctx.lang.fill(
            T::MtgDecisionAddedAt,
            &[("key", &escape(&key)), ("meeting", &escape(m))],
        ),
        None => ctx
            .lang
            .fill(T::MtgDecisionAdded, &[("key", &escape(&key))]),
    };
    to_stdout(|out| Ok(writeln!(out, "{said}")?))?;
    Ok(ExitCode::SUCCESS)
}

/// An unknown meeting, with the meetings of the plan's territory that could be meant.
fn no_meeting(ctx: &Context, store: &crate::store::Store, plan: &str, code: &str) -> anyhow::Error {
    let territory: String = store
        .conn()
        .query_row(
            "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id \
             WHERE p.code = ?1",
            [plan],
            |r| r.get(0),
        )
        .unwrap_or_default();
    let known: Vec<String> = list(store.conn(), Some(&territory), None)
        .unwrap_or_default()
        .into_iter()
        .take(10)
        .map(|l| escape(&l.meeting.code).into_owned())
        .collect();
    let known = if known.is_empty() {
        ctx.lang.t(T::CliNoCodes).to_string()
    } else {
        known.join(", ")
    };
    anyhow::anyhow!(ctx.lang.fill(
        T::MtgNoSuchMeeting,
        &[
            ("wanted", &quote(code)),
            ("db", &ctx.db.display()),
            ("territory", &escape(&territory)),
            ("known", &known),
        ]
    ))
}
