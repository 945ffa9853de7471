//! `jalon check`: SQLite's integrity check, then the domain's warnings.

use std::process::ExitCode;

use super::Context;
use crate::i18n::Lang;
use crate::store::checks::{self, Warning};

/// Exit codes: 0 sound (warnings or not), 2 damaged.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
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
