//! `jalon check`: SQLite's integrity check, every value read back as the program
//! reads it, the kept totals recomputed, then the domain's warnings. With
//! `--repair`, the kept totals are rebuilt first (one transaction); without it,
//! nothing is ever written.

use std::process::ExitCode;

use super::Context;
use crate::cli::CheckArgs;
use crate::i18n::{Lang, T};
use crate::store::checks::{self, Drift, Unreadable, Warning};
use crate::store::{OpenMode, Store};

/// Exit codes: 0 sound (warnings or not), 2 damaged (unreadable values or totals
/// that drifted from their lines included).
pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    if args.repair {
        if ctx.read_only {
            anyhow::bail!(lang.fill(T::CheckRepairReadOnly, &[("db", &ctx.db.display())]));
        }
        let mut store = Store::open(&ctx.db, OpenMode::Existing)?;
        let fixed = checks::repair_totals(&mut store, &ctx.who)?;
        super::to_stdout(|out| {
            writeln!(out, "{}", lang.fill(T::CheckRepaired, &[("fixed", &fixed)]))?;
            Ok(())
        })?;
    }
    let store = ctx.open_existing()?;
    let lang = ctx.lang;
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    let problems = store.integrity_problems()?;
    if !problems.is_empty() {
        eprintln!("{}", lang.fill(T::CheckDamaged, &[("path", &path)]));
        for p in &problems {
            eprintln!("  {}", crate::text::escape(p));
        }
        return Ok(ExitCode::from(2));
    }
    let unreadable = checks::unreadable(store.conn()).map_err(|e| store.err(e))?;
    let drifts = checks::drifts(store.conn()).map_err(|e| store.err(e))?;
    if !unreadable.is_empty() || !drifts.is_empty() {
        eprintln!(
            "{}",
            lang.fill(
                T::CheckUnreadableOrWrong,
                &[
                    ("path", &path),
                    ("unreadable", &unreadable.len()),
                    ("wrong", &drifts.len()),
                ],
            )
        );
        for u in &unreadable {
            eprintln!("  {}", crate::text::escape(&describe_unreadable(u, lang)));
        }
        for d in &drifts {
            eprintln!("  {}", crate::text::escape(&describe_drift(d, lang)));
        }
        if !drifts.is_empty() {
            eprintln!("{}", lang.t(T::CheckRepairHint));
        }
        if !unreadable.is_empty() {
            eprintln!("{}", lang.t(T::CheckCorrectHint));
        }
        return Ok(ExitCode::from(2));
    }
    let warnings = checks::warnings(store.conn()).map_err(|e| store.err(e))?;
    // Modes that would lock a member of the file's group out.
    let lockouts = crate::store::share::lockouts(store.path());
    super::to_stdout(|out| {
        writeln!(
            out,
            "{}",
            lang.fill(
                T::CheckSound,
                &[
                    ("path", &path),
                    ("warnings", &(warnings.len() + lockouts.len()))
                ]
            )
        )?;
        for w in &warnings {
            // One line a warning, whatever the names and labels hold.
            writeln!(out, "  ⚠ {}", crate::text::escape(&describe(w, lang)))?;
        }
        for l in &lockouts {
            let said = super::group::lockout_text(l, lang, store.path());
            writeln!(out, "  ⚠ {said}")?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn describe_unreadable(u: &Unreadable, lang: Lang) -> String {
    let Unreadable {
        table,
        row,
        column,
        problem,
    } = u;
    let problem = crate::i18n::unreadable_problem(lang, problem);
    lang.fill(
        T::CheckUnreadable,
        &[
            ("table", table),
            ("row", row),
            ("column", column),
            ("problem", &problem),
        ],
    )
}

pub fn describe_drift(d: &Drift, lang: Lang) -> String {
    let Drift { what, kept, actual } = d;
    lang.fill(
        T::CheckDrift,
        &[("what", what), ("kept", kept), ("actual", actual)],
    )
}

pub fn describe(w: &Warning, lang: Lang) -> String {
    let m = |x: &crate::domain::Money| x.format(lang);
    let line_name = |line: &usize, label: &Option<String>| match label {
        Some(l) => lang.fill(T::CheckBudgetLineLabelled, &[("line", line), ("label", l)]),
        None => lang.fill(T::CheckBudgetLine, &[("line", line)]),
    };
    match w {
        Warning::PaidAboveCommitted {
            action,
            line,
            label,
            paid,
            committed,
        } => lang.fill(
            T::CheckPaidAboveCommitted,
            &[
                ("action", action),
                ("line", &line_name(line, label)),
                ("paid", &m(paid)),
                ("committed", &m(committed)),
            ],
        ),
        Warning::CommittedAbovePlanned {
            action,
            line,
            label,
            committed,
            planned,
        } => lang.fill(
            T::CheckCommittedAbovePlanned,
            &[
                ("action", action),
                ("line", &line_name(line, label)),
                ("committed", &m(committed)),
                ("planned", &m(planned)),
            ],
        ),
        Warning::DoneWithoutDate { action } => {
            lang.fill(T::CheckDoneWithoutDate, &[("action", action)])
        }
        Warning::DateWithoutDone { action } => {
            lang.fill(T::CheckDateWithoutDone, &[("action", action)])
        }
        Warning::DueBeforeStart { action } => {
            lang.fill(T::CheckDueBeforeStart, &[("action", action)])
        }
        Warning::AllocationsAboveEnvelope {
            envelope,
            allocated,
            amount,
        } => lang.fill(
            T::CheckAllocationsAboveEnvelope,
            &[
                ("envelope", envelope),
                ("allocated", &m(allocated)),
                ("amount", &m(amount)),
            ],
        ),
        Warning::PlannedAboveAllocation {
            plan,
            planned,
            allocation,
        } => lang.fill(
            T::CheckPlannedAboveAllocation,
            &[
                ("plan", plan),
                ("planned", &m(planned)),
                ("allocation", &m(allocation)),
            ],
        ),
    }
}
