#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

use jalon::cli::{Cli, Command, LangArg};
use jalon::commands;
use jalon::config::{self, Config};
use jalon::context::Context;
use jalon::i18n::Lang;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mut config, warnings) = Config::load(config::default_config_path().as_deref());
    if cli.no_mouse {
        config.mouse = false;
    }
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => config.lang.unwrap_or_else(Lang::from_env),
    };
    // Said only now: the file itself may choose the language.
    for w in &warnings {
        let w = jalon::i18n::config_warning(lang, w);
        eprintln!("{}", lang.warning(&[&jalon::text::escape(&w)]));
    }
    // The `[keys]` section is read in the chosen language, and said with the rest.
    for w in &jalon::tui::keybind::from_config(&config.keys, lang).1 {
        eprintln!("{}", lang.warning(&[&jalon::text::escape(w)]));
    }
    let ctx = Context {
        db: cli.db.clone().unwrap_or_else(config::default_db_path),
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        today_overridden: cli.today.is_some(),
        lang,
        read_only: cli.read_only,
        config,
        who: jalon::store::current_login(),
    };
    let result = match &cli.command {
        Some(Command::Init(a)) => commands::demo::init(&ctx, a),
        Some(Command::Demo(a)) => commands::demo::run(&ctx, a),
        Some(Command::Import(a)) => commands::import::run(&ctx, a),
        Some(Command::Export(a)) => commands::export::run(&ctx, a),
        Some(Command::Overdue(a)) => commands::report::overdue(&ctx, a),
        Some(Command::Board(a)) => commands::report::board(&ctx, a),
        Some(Command::Check(a)) => commands::check::run(&ctx, a),
        Some(Command::Backup(a)) => commands::backup::run(&ctx, a),
        Some(Command::Open(a)) if a.mine => jalon::tui::run_mine(&ctx),
        Some(Command::Open(a)) => jalon::tui::run(&ctx, a.target.as_deref()),
        Some(Command::People(a)) => commands::people::run(&ctx, a),
        None => jalon::tui::run(&ctx, None),
        Some(Command::Catalogue(a)) => commands::catalogue::run(&ctx, a),
        Some(Command::Budget(a)) => commands::budget::run(&ctx, a),
        Some(Command::Report(a)) => commands::copil::run(&ctx, a),
        Some(Command::Remind(a)) => commands::remind::run(&ctx, a),
        Some(Command::Meeting(c)) => commands::meetings::meeting(&ctx, c),
        Some(Command::Decision(c)) => commands::meetings::decision(&ctx, c),
        Some(Command::Whoami(a)) => commands::whoami::run(&ctx, a),
        Some(Command::Access(c)) => commands::access::run(&ctx, c),
    };
    match result {
        Ok(code) => code,
        // A reader that went away (`jalon … | head`) is a quiet end, not a failure.
        Err(e) if commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // A message may quote data: its lines are kept, whatever they hold is
            // made visible rather than sent to the terminal.
            // A store error is put into words in the chosen language.
            let msg = jalon::i18n::error_text(lang, &e);
            let lines: Vec<_> = msg.lines().map(jalon::text::escape).collect();
            eprintln!("jalon: {}", lines.join("\n"));
            ExitCode::FAILURE
        }
    }
}
