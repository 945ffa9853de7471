//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "jalon",
    version,
    args_override_self = true,
    about = "Follow territorial health action plans (ARS / CTS): boards, plans, actions, what is overdue.",
    long_about = "Follow territorial health action plans (ARS / CTS): boards, plans, actions, what is overdue.\n\
                  Without a subcommand, opens the interactive interface.\n\
                  Suivi des feuilles de route territoriales de santé : tableaux de bord, plans, actions, retards.\n\
                  Sans sous-commande, ouvre l'interface interactive."
)]
pub struct Cli {
    /// Database file (default: jalon.sqlite3 in the user data directory)
    #[arg(long, global = true, env = "JALON_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Take this day as today (YYYY-MM-DD), e.g. to prepare a copil
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<chrono::NaiveDate>,

    /// Language of the interface and reports (default: from the locale)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Open the database without ever writing to it
    #[arg(long, global = true)]
    pub read_only: bool,

    /// Leave the mouse to the terminal (to select text); also `mouse = false` in the config
    #[arg(long, global = true)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (or bring its schema up to date) and print its path
    Init(InitArgs),
    /// Load the bundled Hauts-de-France demonstration data (an illustration)
    Demo(DemoArgs),
    /// Import a jalon/1 JSON file, or a spreadsheet of actions into a plan (all or nothing)
    Import(ImportArgs),
    /// Export the database as jalon/1 JSON, as CSV (one row per action) or as the copil's workbook (xlsx)
    Export(ExportArgs),
    /// List every overdue action and milestone, most days late first
    Overdue(OverdueArgs),
    /// The coordinator's board: one row per territory, and the region's total
    Board(BoardArgs),
    /// Check the database: SQLite integrity, every value readable, kept totals, domain warnings
    Check(CheckArgs),
    /// Write a consistent copy of the database, even while others use it
    Backup(BackupArgs),
    /// Open the interface on a territory, a plan, or PLAN/ACTION (or --mine)
    Open(OpenArgs),
    /// The region's catalogue items against the territories, and the local initiatives
    Catalogue(CatalogueArgs),
    /// Who carries what: each organisation and person with the actions they pilot, are partner of, overdue and due soon
    People(PeopleArgs),
    /// Where the money stands: envelopes and territories, by funding source and year
    Budget(BudgetArgs),
    /// The copil report of a territory (or a plan): board line, overdue and why, due soon, budget, what changed
    Report(CopilArgs),
    /// Reminders to pilots: each person's overdue and soon-due actions and milestones, as text or one mail each
    Remind(RemindArgs),
    /// Meetings (CTS, copil…): record one, or list a territory's
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Decisions: add one to an action's journal, taken at a meeting or not
    #[command(subcommand)]
    Decision(DecisionCommand),
    /// Who Jalon takes you for: your login and the person of the directory it names
    Whoami(WhoamiArgs),
    /// Who may change what: grant, revoke or list the roles (coordinator, delegation, pilot, reader)
    #[command(subcommand)]
    Access(AccessCommand),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Share the file with this group of accounts: the file, -wal and -shm 0660, the folder setgid
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Load even if the database is not empty (the demo's codes are overwritten)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read: jalon/1, or a spreadsheet with --format csv or xlsx
    pub file: PathBuf,
    /// Check the file and report what would change, writing nothing
    #[arg(long)]
    pub dry_run: bool,
    /// The file's format: json (jalon/1), or a spreadsheet of actions (csv, xlsx)
    #[arg(long, value_enum, default_value = "json")]
    pub format: ImportFormat,
    /// The plan a spreadsheet's actions go into (code); needed with csv and xlsx
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
    /// The plan's territory (code), checked against the plan's own
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
    /// A mapping file naming the spreadsheet's columns: [columns] title = "Libellé"
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// Create the organisations and people the directory does not have yet
    #[arg(long)]
    pub create_missing: bool,
    /// The workbook's sheet to read (xlsx; the first one when not given)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    /// The copil's workbook (needs --out)
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write: jalon/1 JSON, CSV (one row per action), or the copil's workbook (xlsx, needs --out)
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// Write to this file instead of the standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only this territory (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
    /// Only this plan (code)
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct OverdueArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Only this territory (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
    /// Only this plan (code)
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
    /// Only what this pilot carries: an organisation or person code, or a login
    #[arg(long, value_name = "CODE")]
    pub pilot: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BoardFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct BoardArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: BoardFormat,
}

#[derive(Debug, Args)]
pub struct BudgetArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Only this territory (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Rebuild the kept budget totals from the budget lines (one transaction)
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// A territory code, a plan code, or PLAN/ACTION
    #[arg(required_unless_present = "mine")]
    pub target: Option<String>,
    /// Open on My actions (what your login pilots, across every plan)
    #[arg(long, conflicts_with = "target")]
    pub mine: bool,
}

#[derive(Debug, Args)]
pub struct CatalogueArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Only this territory (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
}

#[derive(Debug, Args)]
pub struct PeopleArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Only the actions of this territory's plans (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CopilFormat {
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct CopilArgs {
    /// The territory the report is about (code)
    #[arg(long, value_name = "CODE")]
    pub territory: String,
    /// Only this plan of the territory (code)
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
    /// Markdown (md) or one self-contained HTML page that prints on A4 (html)
    #[arg(long, value_enum, default_value = "md")]
    pub format: CopilFormat,
    /// What changed from this day on (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, conflicts_with = "since_meeting")]
    pub since: Option<chrono::NaiveDate>,
    /// What changed since the territory's last meeting (of --body; of --plan's when given)
    #[arg(long)]
    pub since_meeting: bool,
    /// With --since-meeting: only meetings of this body
    #[arg(long, value_enum, requires = "since_meeting")]
    pub body: Option<BodyArg>,
    /// Write to this file instead of the standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// What falls due from today to this many days ahead (default: due_soon_days from the config, 30)
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub within: Option<u32>,
    /// Only the actions of this territory's plans (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
    /// Write one .eml file a person into this folder (created when missing) instead of text
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The mails' sender: address@domain.org or "Name <address@domain.org>" (default: [mail] from in the config)
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Record a meeting of a territory (prints its code)
    Add(MeetingAddArgs),
    /// List the meetings, newest first, with how many decisions each took
    List(MeetingListArgs),
    /// Delete a meeting that no journal entry names
    Delete(MeetingDeleteArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BodyArg {
    Cts,
    Copil,
    Other,
}

#[derive(Debug, Args)]
pub struct MeetingAddArgs {
    /// The territory met about (code)
    #[arg(long, value_name = "CODE")]
    pub territory: String,
    /// One of the territory's plans, if the meeting is about it (code)
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
    /// Who met: the territorial health council, a steering committee, or another body
    #[arg(long, value_enum)]
    pub body: BodyArg,
    /// The day of the meeting
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: chrono::NaiveDate,
    /// Its title, e.g. "Copil de suivi"
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// Who attended, as free text
    #[arg(long, value_name = "TEXT")]
    pub attendees: Option<String>,
    /// Its code (default: made from body, territory and date, e.g. COPIL-AIS-2026-12-03)
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingListArgs {
    /// Only this territory's meetings (code)
    #[arg(long, value_name = "CODE")]
    pub territory: Option<String>,
    /// Only this plan's meetings and its territory's about no plan (code)
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: BoardFormat,
}

#[derive(Debug, Args)]
pub struct MeetingDeleteArgs {
    /// The meeting's code
    pub code: String,
}

#[derive(Debug, Subcommand)]
pub enum DecisionCommand {
    /// Add a decision to an action's journal
    Add(DecisionAddArgs),
}

#[derive(Debug, Args)]
pub struct DecisionAddArgs {
    /// The action, as PLAN/ACTION (e.g. FDR-AIS/A01)
    #[arg(value_name = "PLAN/ACTION")]
    pub action: String,
    /// What was decided
    #[arg(long, value_name = "TEXT")]
    pub text: String,
    /// The meeting it was taken at (code; see `jalon meeting list`)
    #[arg(long, value_name = "CODE")]
    pub meeting: Option<String>,
    /// Who signs it in the journal (default: your login)
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::model::date::parse(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhoamiFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct WhoamiArgs {
    /// Output: text or json
    #[arg(long, value_enum, default_value = "text")]
    pub format: WhoamiFormat,
}

// Who may change what (issue 12, part "access").
#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Grant a role to a login (the first grant must make you a coordinator)
    Grant(AccessGrantArgs),
    /// Revoke a role from a login (the last coordinator stays)
    Revoke(AccessGrantArgs),
    /// List the roles granted
    List(AccessListArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Everything, including roles and imports
    Coordinator,
    /// Plans, actions and budget lines of one territory (--territory), and the directory
    Delegation,
    /// Status, progress, weather, notes, milestones and indicator values of the actions piloted
    /// by the login's person, or by an organisation (--organisation)
    Pilot,
    /// Nothing
    Reader,
}

#[derive(Debug, Args)]
pub struct AccessGrantArgs {
    /// The login (the account name on the server, people's login in the directory)
    pub login: String,
    #[arg(value_enum)]
    pub role: RoleArg,
    /// The territory of a delegation (code)
    #[arg(long, value_name = "CODE", conflicts_with = "organisation")]
    pub territory: Option<String>,
    /// The organisation whose piloted actions a pilot may update (code)
    #[arg(long, value_name = "CODE")]
    pub organisation: Option<String>,
}

#[derive(Debug, Args)]
pub struct AccessListArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: BoardFormat,
}
