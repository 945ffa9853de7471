//! Where things live, and the optional config file.

use std::path::{Path, PathBuf};

use crate::domain::rules::DEFAULT_DUE_SOON_DAYS;
use crate::i18n::Lang;

pub const DB_FILE: &str = "jalon.sqlite3";
pub const CONFIG_FILE: &str = "config.toml";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("fr", "jalon", "jalon")
}

/// `jalon.sqlite3` in the user data directory (e.g. `~/.local/share/jalon/`).
pub fn default_db_path() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().join(DB_FILE))
        .unwrap_or_else(|| PathBuf::from(DB_FILE))
}

/// The account's own folder of drafts (e.g. `~/.local/share/jalon/drafts/`, or
/// under `XDG_DATA_HOME`): each person's typing in progress, apart from the others'.
pub fn drafts_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("drafts"))
}

/// `config.toml` in the user config directory (e.g. `~/.config/jalon/`).
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join(CONFIG_FILE))
}

/// Colours of the semantic roles, as names of the 16 ANSI colours.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Colours {
    pub overdue: Option<String>,
    pub due_soon: Option<String>,
    pub done: Option<String>,
    pub accent: Option<String>,
}

/// The `[keys]` section as written: command names and key names, checked by the
/// interface's keymap (`tui::keybind`), which says what it cannot use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeysSection {
    /// The file, for the warnings.
    pub origin: String,
    /// Each entry as written: a command name and its keys (`None`: the value is
    /// neither a string nor a list of strings).
    pub entries: Vec<(String, Option<Vec<String>>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub due_soon_days: u32,
    pub colours: Colours,
    pub keys: KeysSection,
    /// Clicks and the wheel in the interface (`mouse = false`, or `--no-mouse`,
    /// leaves the mouse to the terminal, to select text).
    pub mouse: bool,
    /// Who the user is (a person's code), when their login names nobody.
    pub me: Option<String>,
    /// The sender of `jalon remind`'s mails (`[mail] from = "…"`), as written.
    pub mail_from: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            due_soon_days: DEFAULT_DUE_SOON_DAYS,
            colours: Colours::default(),
            keys: KeysSection::default(),
            mouse: true,
            me: None,
            mail_from: None,
        }
    }
}

pub const COLOUR_NAMES: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// Something in the config file that could not be used, said in the chosen language
/// once it is known (`i18n::config_warning`): the file, the key, the value as written
/// (TOML's own spelling), and what applies instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The file, as shown to the user.
    pub file: String,
    pub problem: ConfigProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file exists but cannot be read (`reason`: the store's words for the
    /// system's error); the defaults apply.
    Unreadable { reason: String },
    /// The TOML parser's own message; the defaults apply.
    NotToml { message: String },
    /// `lang` is a string other than `fr` and `en`; ignored.
    UnknownLang { value: String },
    /// `key` (`lang`, `me`) is not a string; ignored.
    NotText { key: String, value: String },
    /// `due_soon_days` is not a number of days in 0..=3650; `kept` applies.
    DueSoonDays { value: String, kept: u32 },
    /// `key` (`colours.x`) names no colour role; ignored.
    UnknownColourRole { key: String },
    /// `key` (`colours.overdue`) is not one of [`COLOUR_NAMES`]; ignored.
    UnknownColour { key: String, value: String },
    /// `mouse` is not a boolean; `kept` applies.
    MouseNotBool { value: String, kept: bool },
    /// `key` (`mail.x`) is not `from` with a string; ignored.
    UnknownMailKey { key: String, value: String },
    /// `section` is given a value, not a `[section]`; ignored.
    NotSection { section: Section, value: String },
    /// A top-level key Jalon does not know; ignored.
    UnknownKey { key: String },
}

/// The sections of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `colours` or its spelling `colors` (`american`).
    Colours {
        american: bool,
    },
    Keys,
    Mail,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Colours { american: false } => "colours",
            Section::Colours { american: true } => "colors",
            Section::Keys => "keys",
            Section::Mail => "mail",
        }
    }
}

impl Config {
    /// Reads the config file if there is one. Whatever is wrong in it is returned as
    /// warnings naming the file and the key; the defaults apply for those keys.
    pub fn load(path: Option<&Path>) -> (Config, Vec<ConfigWarning>) {
        let Some(path) = path else {
            return (Config::default(), vec![]);
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), vec![]),
            Err(e) => (
                Config::default(),
                vec![ConfigWarning {
                    file: path.display().to_string(),
                    problem: ConfigProblem::Unreadable {
                        reason: crate::store::io_reason(&e),
                    },
                }],
            ),
        }
    }

    pub fn parse(text: &str, origin: &str) -> (Config, Vec<ConfigWarning>) {
        use ConfigProblem as P;
        let mut config = Config::default();
        let mut problems = Vec::new();
        let said = |problems: Vec<ConfigProblem>| {
            problems
                .into_iter()
                .map(|problem| ConfigWarning {
                    file: origin.to_string(),
                    problem,
                })
                .collect()
        };
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                let message = e.message().to_string();
                return (config, said(vec![P::NotToml { message }]));
            }
        };
        for (key, value) in &table {
            let value_text = || value.to_string();
            match (key.as_str(), value) {
                ("lang", toml::Value::String(s)) => match Lang::from_code(s) {
                    Some(l) => config.lang = Some(l),
                    None => problems.push(P::UnknownLang {
                        value: format!("{s:?}"),
                    }),
                },
                ("due_soon_days", toml::Value::Integer(n)) if (0..=3650).contains(n) => {
                    config.due_soon_days = *n as u32
                }
                ("due_soon_days", _) => problems.push(P::DueSoonDays {
                    value: value_text(),
                    kept: DEFAULT_DUE_SOON_DAYS,
                }),
                ("colours" | "colors", toml::Value::Table(t)) => {
                    for (role, v) in t {
                        let name = v.as_str().map(|s| s.to_ascii_lowercase());
                        let valid = name.as_deref().is_some_and(|n| COLOUR_NAMES.contains(&n));
                        let slot = match role.as_str() {
                            "overdue" => &mut config.colours.overdue,
                            "due_soon" => &mut config.colours.due_soon,
                            "done" => &mut config.colours.done,
                            "accent" => &mut config.colours.accent,
                            _ => {
                                let key = format!("{key}.{role}");
                                problems.push(P::UnknownColourRole { key });
                                continue;
                            }
                        };
                        if valid {
                            *slot = name;
                        } else {
                            problems.push(P::UnknownColour {
                                key: format!("{key}.{role}"),
                                value: v.to_string(),
                            });
                        }
                    }
                }
                ("keys", toml::Value::Table(t)) => {
                    config.keys.origin = origin.to_string();
                    config.keys.entries = t
                        .iter()
                        .map(|(name, v)| (name.clone(), key_names(v)))
                        .collect();
                }
                ("mouse", toml::Value::Boolean(b)) => config.mouse = *b,
                ("mouse", _) => problems.push(P::MouseNotBool {
                    value: value_text(),
                    kept: true,
                }),
                ("me", toml::Value::String(s)) => config.me = Some(s.clone()),
                ("mail", toml::Value::Table(t)) => {
                    for (k, v) in t {
                        match (k.as_str(), v) {
                            ("from", toml::Value::String(s)) => config.mail_from = Some(s.clone()),
                            _ => problems.push(P::UnknownMailKey {
                                key: format!("mail.{k}"),
                                value: v.to_string(),
                            }),
                        }
                    }
                }
                ("lang" | "me", _) => problems.push(P::NotText {
                    key: key.clone(),
                    value: value_text(),
                }),
                ("colours" | "colors" | "keys" | "mail", _) => problems.push(P::NotSection {
                    section: match key.as_str() {
                        "keys" => Section::Keys,
                        "mail" => Section::Mail,
                        k => Section::Colours {
                            american: k == "colors",
                        },
                    },
                    value: value_text(),
                }),
                (k, _) => problems.push(P::UnknownKey { key: k.to_string() }),
            }
        }
        (config, said(problems))
    }
}

/// Writes `me = "CODE"` into the config file at `path`, keeping every other line
/// as it is: the top-level `me` line replaced, else one added at the top. The file
/// (and its folder) is created when missing.
pub fn remember_me(path: &Path, code: &str) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let line = format!("me = {}", toml::Value::String(code.to_string()));
    let written = with_me(&text, &line);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Written beside, then renamed: the file is whole or as it was.
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, written)?;
    std::fs::rename(&tmp, path)
}

/// The config text with its top-level `me` line set to `line`.
fn with_me(text: &str, line: &str) -> String {
    let mut out = Vec::new();
    let mut done = false;
    let mut top = true;
    for l in text.lines() {
        let t = l.trim_start();
        if t.starts_with('[') {
            top = false;
        }
        let key = t.split('=').next().unwrap_or("").trim();
        if top && !done && key == "me" && t.contains('=') {
            out.push(line.to_string());
            done = true;
        } else {
            out.push(l.to_string());
        }
    }
    if !done {
        out.insert(0, line.to_string());
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// A key name or a list of them, as written (`None` if it is neither).
fn key_names(v: &toml::Value) -> Option<Vec<String>> {
    match v {
        toml::Value::String(s) => Some(vec![s.clone()]),
        toml::Value::Array(a) => a.iter().map(|k| k.as_str().map(String::from)).collect(),
        _ => None,
    }
}

/// The warnings as an English reader reads them.
#[cfg(test)]
fn said(w: &[ConfigWarning]) -> Vec<String> {
    w.iter()
        .map(|w| crate::i18n::config_warning(Lang::En, w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_config() {
        let (c, w) = Config::parse(
            "lang = \"fr\"\ndue_soon_days = 14\n[colours]\noverdue = \"magenta\"\n",
            "c.toml",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.lang, Some(Lang::Fr));
        assert_eq!(c.due_soon_days, 14);
        assert_eq!(c.colours.overdue.as_deref(), Some("magenta"));
    }

    #[test]
    fn bad_keys_are_named_and_defaults_apply() {
        let (c, w) = Config::parse(
            "lang = \"de\"\ndue_soon_dayz = 3\ndue_soon_days = -1\n",
            "c.toml",
        );
        assert_eq!(c, Config::default());
        let w = said(&w);
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w.iter().any(|m| m.contains("`due_soon_dayz`")));
        assert!(w.iter().any(|m| m.contains("`lang`")));
        assert!(w.iter().any(|m| m.contains("`due_soon_days`")));
        let (c, w) = Config::parse("this is not toml", "c.toml");
        assert_eq!(c, Config::default());
        assert!(said(&w)[0].contains("c.toml"));
    }
}

#[cfg(test)]
mod mail {
    use super::*;

    #[test]
    fn the_sender_of_reminders_is_read_from_the_mail_section() {
        let (c, w) = Config::parse("[mail]\nfrom = \"Jalon <j@ars.example.org>\"\n", "c.toml");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.mail_from.as_deref(), Some("Jalon <j@ars.example.org>"));
        let (c, w) = Config::parse("mail = 3\n[x]\n", "c.toml");
        assert_eq!(c.mail_from, None);
        let w = said(&w);
        assert!(w.iter().any(|m| m.contains("`mail`")), "{w:?}");
        let (_, w) = Config::parse("[mail]\nfrm = \"a@b.fr\"\n", "c.toml");
        let w = said(&w);
        assert!(w.iter().any(|m| m.contains("`mail.frm`")), "{w:?}");
    }
}

#[cfg(test)]
mod shipped {
    use super::*;

    #[test]
    fn me_is_written_alone_and_the_rest_is_kept() {
        let text = "# mine\nlang = \"fr\"\n\n[keys]\nme = \"x\"\n";
        let once = with_me(text, "me = \"p.durand\"");
        assert_eq!(once, format!("me = \"p.durand\"\n{text}"));
        let (c, w) = Config::parse(&once, "t");
        assert_eq!(c.me.as_deref(), Some("p.durand"));
        assert_eq!(c.lang, Some(Lang::Fr));
        assert!(w.is_empty(), "{w:?}");
        let twice = with_me(&once, "me = \"anon\"");
        assert_eq!(
            twice,
            format!("me = \"anon\"\n{text}"),
            "replaced, not added"
        );
    }

    #[test]
    fn the_shipped_config_file_is_valid() {
        let text = include_str!("../assets/config.toml");
        let (c, w) = super::Config::parse(text, "assets/config.toml");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.due_soon_days, 30);
        assert_eq!(c.colours.overdue.as_deref(), Some("red"));
    }
}
