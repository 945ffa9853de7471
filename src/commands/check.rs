//! `jalon check`: SQLite's integrity check, every value read back as the program
//! reads it, the kept totals recomputed, then the domain's warnings. With
//! `--repair`, the kept totals are rebuilt first (one transaction); without it,
//! nothing is ever written.

use std::process::ExitCode;

use super::Context;
use crate::cli::CheckArgs;
use crate::i18n::Lang;
use crate::store::checks::{self, Drift, Unreadable, Warning};
use crate::store::{OpenMode, Store};

/// Exit codes: 0 sound (warnings or not), 2 damaged (unreadable values or totals
/// that drifted from their lines included).
pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    if args.repair {
        if ctx.read_only {
            anyhow::bail!(match lang {
                Lang::Fr => format!(
                    "{} : ouvert avec --read-only, --repair ne peut rien écrire",
                    ctx.db.display()
                ),
                Lang::En => format!(
                    "{}: opened with --read-only, so --repair cannot write",
                    ctx.db.display()
                ),
            });
        }
        let mut store = Store::open(&ctx.db, OpenMode::Existing)?;
        let fixed = checks::repair_totals(&mut store)?;
        super::to_stdout(|out| {
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Fr =>
                        format!("Totaux reconstruits à partir des lignes : {fixed} corrigé(s)."),
                    Lang::En => format!("Totals rebuilt from the budget lines: {fixed} corrected."),
                }
            )?;
            Ok(())
        })?;
    }
    let store = ctx.open_existing()?;
    let lang = ctx.lang;
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    let problems = store.integrity_problems()?;
    if !problems.is_empty() {
        eprintln!(
            "{}",
            match lang {
                Lang::Fr => format!("{path} : base endommagée ; restaurez une sauvegarde."),
                Lang::En => format!("{path}: the database is damaged; restore a backup."),
            }
        );
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
            match lang {
                Lang::Fr => format!(
                    "{path} : {} valeur(s) illisible(s), {} total(aux) faux.",
                    unreadable.len(),
                    drifts.len()
                ),
                Lang::En => format!(
                    "{path}: {} unreadable value(s), {} wrong total(s).",
                    unreadable.len(),
                    drifts.len()
                ),
            }
        );
        for u in &unreadable {
            eprintln!("  {}", crate::text::escape(&describe_unreadable(u, lang)));
        }
        for d in &drifts {
            eprintln!("  {}", crate::text::escape(&describe_drift(d, lang)));
        }
        if !drifts.is_empty() {
            eprintln!(
                "{}",
                match lang {
                    Lang::Fr => "Les totaux se reconstruisent avec `jalon check --repair`.",
                    Lang::En => "`jalon check --repair` rebuilds the totals.",
                }
            );
        }
        if !unreadable.is_empty() {
            eprintln!(
                "{}",
                match lang {
                    Lang::Fr => "Corrigez ces valeurs (ou restaurez une sauvegarde).",
                    Lang::En => "Correct these values (or restore a backup).",
                }
            );
        }
        return Ok(ExitCode::from(2));
    }
    let warnings = checks::warnings(store.conn()).map_err(|e| store.err(e))?;
    super::to_stdout(|out| {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Fr => format!(
                    "{path} : intégrité vérifiée, {} avertissement(s).",
                    warnings.len()
                ),
                Lang::En => format!("{path}: integrity ok, {} warning(s).", warnings.len()),
            }
        )?;
        for w in &warnings {
            // One line a warning, whatever the names and labels hold.
            writeln!(out, "  ⚠ {}", crate::text::escape(&describe(w, lang)))?;
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
    match lang {
        Lang::Fr => format!("table {table}, ligne {row}, colonne {column} : illisible ({problem})"),
        Lang::En => format!("table {table}, row {row}, column {column}: unreadable ({problem})"),
    }
}

pub fn describe_drift(d: &Drift, lang: Lang) -> String {
    let Drift { what, kept, actual } = d;
    match lang {
        Lang::Fr => format!("{what} : gardé {kept}, les lignes donnent {actual} (centimes)"),
        Lang::En => format!("{what}: kept {kept}, the lines add up to {actual} (cents)"),
    }
}

pub fn describe(w: &Warning, lang: Lang) -> String {
    let m = |x: &crate::domain::Money| x.format(lang);
    let line_name = |line: &usize, label: &Option<String>| match (lang, label) {
        (Lang::Fr, Some(l)) => format!("ligne budgétaire {line} « {l} »"),
        (Lang::Fr, None) => format!("ligne budgétaire {line}"),
        (Lang::En, Some(l)) => format!("budget line {line} “{l}”"),
        (Lang::En, None) => format!("budget line {line}"),
    };
    match (w, lang) {
        (
            Warning::PaidAboveCommitted {
                action,
                line,
                label,
                paid,
                committed,
            },
            Lang::Fr,
        ) => format!(
            "{action}, {} : payé {} au-dessus de l'engagé {}",
            line_name(line, label),
            m(paid),
            m(committed)
        ),
        (
            Warning::PaidAboveCommitted {
                action,
                line,
                label,
                paid,
                committed,
            },
            Lang::En,
        ) => format!(
            "{action}, {}: paid {} above committed {}",
            line_name(line, label),
            m(paid),
            m(committed)
        ),
        (
            Warning::CommittedAbovePlanned {
                action,
                line,
                label,
                committed,
                planned,
            },
            Lang::Fr,
        ) => format!(
            "{action}, {} : engagé {} au-dessus du prévu {}",
            line_name(line, label),
            m(committed),
            m(planned)
        ),
        (
            Warning::CommittedAbovePlanned {
                action,
                line,
                label,
                committed,
                planned,
            },
            Lang::En,
        ) => format!(
            "{action}, {}: committed {} above planned {}",
            line_name(line, label),
            m(committed),
            m(planned)
        ),
        (Warning::DoneWithoutDate { action }, Lang::Fr) => {
            format!("{action} : réalisée sans date de réalisation")
        }
        (Warning::DoneWithoutDate { action }, Lang::En) => {
            format!("{action}: done without a done date")
        }
        (Warning::DateWithoutDone { action }, Lang::Fr) => {
            format!("{action} : date de réalisation sur une action non réalisée")
        }
        (Warning::DateWithoutDone { action }, Lang::En) => {
            format!("{action}: a done date on an action that is not done")
        }
        (Warning::DueBeforeStart { action }, Lang::Fr) => {
            format!("{action} : échéance avant le début")
        }
        (Warning::DueBeforeStart { action }, Lang::En) => format!("{action}: due before its start"),
        (
            Warning::AllocationsAboveEnvelope {
                envelope,
                allocated,
                amount,
            },
            Lang::Fr,
        ) => format!(
            "enveloppe {envelope} : dotations {} au-dessus du montant {}",
            m(allocated),
            m(amount)
        ),
        (
            Warning::AllocationsAboveEnvelope {
                envelope,
                allocated,
                amount,
            },
            Lang::En,
        ) => format!(
            "envelope {envelope}: allocations {} above its amount {}",
            m(allocated),
            m(amount)
        ),
        (
            Warning::PlannedAboveAllocation {
                plan,
                planned,
                allocation,
            },
            Lang::Fr,
        ) => format!(
            "plan {plan} : lignes prévues {} au-dessus de la dotation {}",
            m(planned),
            m(allocation)
        ),
        (
            Warning::PlannedAboveAllocation {
                plan,
                planned,
                allocation,
            },
            Lang::En,
        ) => format!(
            "plan {plan}: planned lines {} above its allocation {}",
            m(planned),
            m(allocation)
        ),
    }
}
