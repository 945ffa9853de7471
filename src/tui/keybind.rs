//! The `[keys]` section of the config file made into a keymap: command names and
//! key names read, conflicts settled, and whatever cannot be used said in warnings
//! (the rest of the keys still apply).

use ratatui::crossterm::event::KeyCode;

use crate::config::KeysSection;
use crate::i18n::{Lang, T};

use super::keymap::{self, Command, Context, Key, Keymap};

/// Every command, in the order the README lists them.
pub const COMMANDS: &[Command] = Command::ALL;

/// Every context whose keys can be rebound.
pub const CONTEXTS: [Context; 11] = [
    Context::Welcome,
    Context::Board,
    Context::Territory,
    Context::Plan,
    Context::Overdue,
    Context::Detail,
    Context::Help,
    Context::Catalogue,
    Context::Budget,
    Context::Mine,
    Context::Timeline,
];

/// The name of a command in the config file.
pub fn name(c: Command) -> &'static str {
    c.name()
}

/// The command a config file names, if any.
pub fn command_named(n: &str) -> Option<Command> {
    COMMANDS.iter().copied().find(|c| name(*c) == n)
}

/// Why a key name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyNameError {
    Unknown,
    /// Taken before the keymap is read: `Ctrl-C` quits, `Ctrl-R` redoes.
    Reserved,
}

/// A key as the config file writes it: one character (`O`, `?`), a name (`Enter`,
/// `Esc`, `Tab`, `Space`, `F1`…`F12`, `PageDown`, `Up`…; any case), or `Ctrl-x`.
pub fn parse_key(text: &str) -> Result<Key, KeyNameError> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::plain(KeyCode::Char(c)));
    }
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("ctrl+"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if keymap::RESERVED.contains(&Key::ctrl(c)) => {
                Err(KeyNameError::Reserved)
            }
            (Some(c), None) if c.is_ascii_alphanumeric() => Ok(Key::ctrl(c)),
            _ => Err(KeyNameError::Unknown),
        };
    }
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "page_up" | "pgup" => KeyCode::PageUp,
        "pagedown" | "page_down" | "pgdn" => KeyCode::PageDown,
        f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
            _ => return Err(KeyNameError::Unknown),
        },
    };
    Ok(Key::plain(code))
}

/// The keymap a `[keys]` section asks for, and what it could not use, in `lang`.
/// A command whose keys all fail keeps its default keys; a key wanted by two
/// commands of one context stays with the one that had it by default (between two
/// rebound commands, with the first in alphabetical order: TOML keeps no order).
pub fn from_config(section: &KeysSection, lang: Lang) -> (Keymap, Vec<String>) {
    let colon = lang.t(T::Colon);
    let mut warnings = Vec::new();
    let mut wanted: Vec<(Command, Vec<Key>)> = Vec::new();
    let at = |n: &str| format!("{}{colon}keys.{n}{colon}", section.origin);
    let kept = |c: Command| {
        format!(
            "{} {}",
            lang.t(T::KeysDefaultsKept),
            keymap::keys_label(lang, c)
        )
    };
    for (n, value) in &section.entries {
        let Some(c) = command_named(n) else {
            warnings.push(format!("{}{}", at(n), lang.t(T::KeysUnknownCommand)));
            continue;
        };
        let Some(names) = value else {
            warnings.push(format!("{}{} {}", at(n), lang.t(T::KeysNotKeys), kept(c)));
            continue;
        };
        let mut keys: Vec<Key> = Vec::new();
        for text in names {
            match parse_key(text) {
                Ok(k) if !keys.contains(&k) => keys.push(k),
                Ok(_) => {}
                Err(e) => {
                    let why = match e {
                        KeyNameError::Unknown => T::KeysUnknownKey,
                        KeyNameError::Reserved => T::KeysReserved,
                    };
                    warnings.push(format!("{}`{text}` {}", at(n), lang.t(why)));
                }
            }
        }
        if keys.is_empty() {
            warnings.push(format!("{}{}", at(n), kept(c)));
        } else {
            wanted.push((c, keys));
        }
    }
    // Conflicts, one at a time: the loser gives the key up (and, with none left,
    // gets its default keys back, which may be taken in turn).
    while let Some((loser, key, winner)) = conflict(&wanted) {
        let n = name(wanted[loser].0);
        warnings.push(format!(
            "{}{} {} {} {}{colon}{}",
            at(n),
            lang.t(T::KeysTheKey),
            keymap::key_label(lang, key),
            lang.t(T::KeysAlreadyDoes),
            name(winner),
            lang.t(T::KeysStays)
        ));
        wanted[loser].1.retain(|k| *k != key);
        if wanted[loser].1.is_empty() {
            let (c, _) = wanted.remove(loser);
            warnings.push(format!("{}{}", at(n), kept(c)));
        }
    }
    (Keymap { rebound: wanted }, warnings)
}

/// The first key two commands of one context share: the index in `wanted` of the
/// rebound command that gives it up, the key, and the command that keeps it.
fn conflict(wanted: &[(Command, Vec<Key>)]) -> Option<(usize, Key, Command)> {
    let map = Keymap {
        rebound: wanted.to_vec(),
    };
    let rank = |c: Command| wanted.iter().position(|(r, _)| *r == c);
    for ctx in CONTEXTS {
        let cmds = keymap::commands(ctx);
        for (i, a) in cmds.iter().enumerate() {
            for b in &cmds[i + 1..] {
                let Some(key) = map.keys(*a).iter().find(|k| map.keys(*b).contains(k)) else {
                    continue;
                };
                // The rebound one gives way; of two rebound, the later by name.
                let (loser, winner) = match (rank(*a), rank(*b)) {
                    (Some(ra), Some(rb)) if ra > rb => (ra, *b),
                    (Some(_), Some(rb)) => (rb, *a),
                    (Some(ra), None) => (ra, *b),
                    (None, Some(rb)) => (rb, *a),
                    // Two default keys never meet (a test of the keymap says so).
                    (None, None) => continue,
                };
                return Some((loser, *key, winner));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    fn keys_of(text: &str, lang: Lang) -> (Keymap, Vec<String>) {
        let (config, w) = Config::parse(text, "c.toml");
        assert!(w.is_empty(), "{w:?}");
        from_config(&config.keys, lang)
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn every_command_has_one_name_that_reads_back() {
        for ctx in CONTEXTS {
            for c in keymap::commands(ctx) {
                assert!(COMMANDS.contains(c), "{c:?} is missing from COMMANDS");
            }
        }
        for &c in COMMANDS {
            assert_eq!(command_named(name(c)), Some(c), "{c:?}");
        }
    }

    #[test]
    fn key_names() {
        assert_eq!(parse_key("O"), Ok(Key::plain(KeyCode::Char('O'))));
        assert_eq!(parse_key("enter"), Ok(Key::plain(KeyCode::Enter)));
        assert_eq!(parse_key("Esc"), Ok(Key::plain(KeyCode::Esc)));
        assert_eq!(parse_key("F5"), Ok(Key::plain(KeyCode::F(5))));
        assert_eq!(parse_key("Space"), Ok(Key::plain(KeyCode::Char(' '))));
        assert_eq!(parse_key("Ctrl-X"), Ok(Key::ctrl('x')));
        assert_eq!(parse_key("Ctrl-c"), Err(KeyNameError::Reserved));
        assert_eq!(parse_key("Ctrl-R"), Err(KeyNameError::Reserved));
        for bad in ["", "F13", "Ctrl-", "Ctrl-Enter", "Shift-O", "oo"] {
            assert_eq!(parse_key(bad), Err(KeyNameError::Unknown), "{bad:?}");
        }
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert!(Key::ctrl('x').matches(ctrl_x));
        assert!(!Key::plain(KeyCode::Char('x')).matches(ctrl_x));
    }

    #[test]
    fn a_rebound_key_replaces_the_default_one() {
        let (map, w) = keys_of("[keys]\noverdue_only = \"O\"\n", Lang::En);
        assert!(w.is_empty(), "{w:?}");
        let shifted = KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Plan, shifted),
            Some(Command::OverdueOnly)
        );
        assert_eq!(map.resolve(Context::Plan, press('o')), None);
        assert_eq!(map.main_key_label(Lang::En, Command::OverdueOnly), "O");
        // A list of keys, Ctrl included; the other commands keep theirs.
        let (map, w) = keys_of("[keys]\nquit = [\"Q\", \"Ctrl-Q\", \"F10\"]\n", Lang::En);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(map.keys_label(Lang::En, Command::Quit), "Q Ctrl-Q F10");
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(map.resolve(Context::Board, ctrl_q), Some(Command::Quit));
        assert_eq!(map.resolve(Context::Board, press('q')), None);
        assert_eq!(
            map.resolve(Context::Board, press('s')),
            Some(Command::SortNext)
        );
    }

    #[test]
    fn two_commands_can_swap_their_keys() {
        let (map, w) = keys_of("[keys]\nundo = \"U\"\nredo = \"u\"\n", Lang::En);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(map.resolve(Context::Plan, press('U')), Some(Command::Undo));
        assert_eq!(map.resolve(Context::Plan, press('u')), Some(Command::Redo));
    }

    #[test]
    fn a_rebinding_that_shadows_another_command_gives_way_and_says_so() {
        let (map, w) = keys_of("[keys]\nsort_next = \"o\"\n", Lang::En);
        assert_eq!(
            w,
            [
                "c.toml: keys.sort_next: the key o already does overdue_only: it stays with it",
                "c.toml: keys.sort_next: no usable key: its default keys stay: s",
            ]
        );
        assert_eq!(
            map.resolve(Context::Plan, press('o')),
            Some(Command::OverdueOnly)
        );
        assert_eq!(
            map.resolve(Context::Plan, press('s')),
            Some(Command::SortNext)
        );
        // Two rebound commands on one key: the first by name keeps it, the other
        // gets its default keys back.
        let (map, w) = keys_of(
            "[keys]\nmark = \"X\"\nbulk_edit = [\"X\", \"B\"]\n",
            Lang::Fr,
        );
        assert_eq!(
            w,
            [
                "c.toml : keys.mark : la touche X fait déjà bulk_edit : elle lui reste",
                "c.toml : keys.mark : aucune touche utilisable : ses touches par défaut restent : x",
            ]
        );
        assert_eq!(
            map.resolve(Context::Plan, press('X')),
            Some(Command::BulkEdit)
        );
        assert_eq!(map.resolve(Context::Plan, press('x')), Some(Command::Mark));
        assert_eq!(
            map.resolve(Context::Plan, press('B')),
            Some(Command::BulkEdit)
        );
    }

    #[test]
    fn unknown_names_are_said_and_the_rest_applies() {
        let text = "[keys]\novredue_only = \"O\"\nquit = [\"Q\", \"Meta-q\"]\nhelp = \"Ctrl-C\"\nfilter = 3\n";
        let (map, w) = keys_of(text, Lang::Fr);
        assert_eq!(
            w,
            [
                "c.toml : keys.filter : n'est ni une touche ni une liste de touches ; ignoré. aucune touche utilisable : ses touches par défaut restent : /",
                "c.toml : keys.help : `Ctrl-C` est réservée (Ctrl-C quitte, Ctrl-R rétablit) ; ignorée",
                "c.toml : keys.help : aucune touche utilisable : ses touches par défaut restent : ?",
                "c.toml : keys.ovredue_only : commande inconnue (les noms des commandes sont dans le README, section « Keys ») ; ignorée",
                "c.toml : keys.quit : `Meta-q` n'est pas un nom de touche (un caractère, Enter, Esc, Tab, Space, F1…F12, Ctrl-x) ; ignoré",
            ]
        );
        assert_eq!(map.resolve(Context::Board, press('Q')), Some(Command::Quit));
        assert_eq!(map.resolve(Context::Board, press('?')), Some(Command::Help));
        assert_eq!(
            map.resolve(Context::Board, press('/')),
            Some(Command::Filter)
        );
        let (_, w) = keys_of("[keys]\novredue_only = \"O\"\n", Lang::En);
        assert_eq!(
            w,
            [
                "c.toml: keys.ovredue_only: unknown command (the command names are in the README, section \"Keys\"); ignored"
            ]
        );
    }

    #[test]
    fn the_readme_lists_every_command_name() {
        let readme = include_str!("../../README.md");
        let section = readme
            .split("### Keys")
            .nth(1)
            .and_then(|s| s.split("\n##").next())
            .expect("a \"### Keys\" section in the README");
        for &c in COMMANDS {
            assert!(
                section.contains(&format!("`{}`", name(c))),
                "the README's keys section does not name `{}`",
                name(c)
            );
        }
    }
}
