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

impl Config {
    /// Reads the config file if there is one. Whatever is wrong in it is returned as
    /// warnings naming the file and the key; the defaults apply for those keys.
    pub fn load(path: Option<&Path>) -> (Config, Vec<String>) {
        let Some(path) = path else {
            return (Config::default(), vec![]);
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), vec![]),
            Err(e) => (
                Config::default(),
                vec![format!(
                    "{}: cannot be read ({e}); using the defaults",
                    path.display()
                )],
            ),
        }
    }

    pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                warnings.push(format!(
                    "{origin}: not valid TOML ({}); using the defaults",
                    e.message()
                ));
                return (config, warnings);
            }
        };
        for (key, value) in &table {
            match (key.as_str(), value) {
                ("lang", toml::Value::String(s)) => match Lang::from_code(s) {
                    Some(l) => config.lang = Some(l),
                    None => warnings.push(format!("{origin}: key `lang`: {s:?} is neither \"fr\" nor \"en\"; ignored")),
                },
                ("due_soon_days", toml::Value::Integer(n)) if (0..=3650).contains(n) => {
                    config.due_soon_days = *n as u32
                }
                ("due_soon_days", v) => warnings.push(format!(
                    "{origin}: key `due_soon_days`: {v} is not a number of days between 0 and 3650; using {DEFAULT_DUE_SOON_DAYS}"
                )),
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
                                warnings.push(format!(
                                    "{origin}: key `{key}.{role}`: unknown colour role (known: overdue, due_soon, done, accent); ignored"
                                ));
                                continue;
                            }
                        };
                        if valid {
                            *slot = name;
                        } else {
                            warnings.push(format!(
                                "{origin}: key `{key}.{role}`: {v} is not one of the 16 colour names ({}); ignored",
                                COLOUR_NAMES.join(", ")
                            ));
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
                ("mouse", v) => warnings.push(format!(
                    "{origin}: key `mouse`: {v} is neither true nor false; using true"
                )),
                ("me", toml::Value::String(s)) => config.me = Some(s.clone()),
                ("mail", toml::Value::Table(t)) => {
                    for (k, v) in t {
                        match (k.as_str(), v) {
                            ("from", toml::Value::String(s)) => config.mail_from = Some(s.clone()),
                            _ => warnings.push(format!(
                                "{origin}: key `mail.{k}`: {v} is not known (known: from = \"address@domain.org\"); ignored"
                            )),
                        }
                    }
                }
                ("mail", v) => warnings.push(format!(
                    "{origin}: key `mail`: {v} is not a section ([mail], then from = \"address@domain.org\"); ignored"
                )),
                ("lang", v) => warnings.push(format!("{origin}: key `lang`: {v} is not a string; ignored")),
                ("keys", v) => warnings.push(format!(
                    "{origin}: key `keys`: {v} is not a section ([keys], one command name = key per line); ignored"
                )),
                (k, _) => warnings.push(format!(
                    "{origin}: unknown key `{k}` (known: lang, due_soon_days, colours, keys, mouse, me, mail); ignored"
                )),
            }
        }
        (config, warnings)
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
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w.iter().any(|m| m.contains("`due_soon_dayz`")));
        assert!(w.iter().any(|m| m.contains("`lang`")));
        assert!(w.iter().any(|m| m.contains("`due_soon_days`")));
        let (c, w) = Config::parse("this is not toml", "c.toml");
        assert_eq!(c, Config::default());
        assert!(w[0].contains("c.toml"));
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
        assert!(w.iter().any(|m| m.contains("`mail`")), "{w:?}");
        let (_, w) = Config::parse("[mail]\nfrm = \"a@b.fr\"\n", "c.toml");
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
