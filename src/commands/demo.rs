//! `jalon init` and `jalon demo`.

use std::process::ExitCode;

use super::Context;
pub use crate::interchange::demo::demo_document;
use crate::store::import::import_document;
use crate::store::journal::Origin;

pub fn init(ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_writing()?;
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    super::to_stdout(|out| Ok(writeln!(out, "{path}")?))?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(ctx: &Context, args: &crate::cli::DemoArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    if !args.force && !store.is_empty()? {
        let db = store.path().display();
        anyhow::bail!(match ctx.lang {
            crate::i18n::Lang::Fr => format!(
                "{db} n'est pas vide : la démonstration se mêlerait à vos données. Utilisez `jalon demo --force` pour la charger quand même, ou choisissez un autre fichier avec --db"
            ),
            crate::i18n::Lang::En => format!(
                "{db} is not empty: the demo would mix with your data. Use `jalon demo --force` to load it anyway, or choose another file with --db"
            ),
        });
    }
    let doc = demo_document(ctx.today)?;
    let summary = import_document(&mut store, &doc, &ctx.who, Origin::Demo, false)?;
    let actions: usize = summary
        .counts
        .iter()
        .filter(|c| c.0 == "actions")
        .map(|c| c.1 + c.2 + c.3)
        .sum();
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    let said = match ctx.lang {
        crate::i18n::Lang::Fr => format!(
            "Démo chargée dans {path} : {} plans, {actions} actions (données d'illustration, dates placées autour du {}).",
            doc.plans.len(),
            ctx.lang.date(ctx.today)
        ),
        crate::i18n::Lang::En => format!(
            "Demo loaded into {path}: {} plans, {actions} actions (illustration data, dates placed around {}).",
            doc.plans.len(),
            ctx.lang.date(ctx.today)
        ),
    };
    super::to_stdout(|out| Ok(writeln!(out, "{said}")?))?;
    Ok(ExitCode::SUCCESS)
}
