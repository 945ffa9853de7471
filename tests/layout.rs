//! The shape of the code, checked: no file in `src/` over 600 lines, the layers import
//! only downwards (`domain` nothing outside itself, `interchange` nothing of the store
//! or the interface, the interface nothing of the command line), and no import circle
//! among the interface's files. Read from the sources, so a new file is checked too.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

/// A module path (`["tui", "update", "keys"]`), the crate root being empty.
type Module = Vec<String>;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The code without comments and without its `#[cfg(test)]` tail (what the tests of
/// a file import does not make a layer depend on another).
fn code(text: &str) -> String {
    let text = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    text.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, e}}` as the paths it names.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let close = match tree.rfind('}') {
        Some(close) if close > open => close,
        _ => return vec![tree],
    };
    let (prefix, inner) = (&tree[..open], &tree[open + 1..close]);
    let mut items = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in inner.chars() {
        match c {
            ',' if depth == 0 => items.push(std::mem::take(&mut cur)),
            '{' => {
                depth += 1;
                cur.push(c)
            }
            '}' => {
                depth -= 1;
                cur.push(c)
            }
            _ => cur.push(c),
        }
    }
    items.push(cur);
    items
        .iter()
        .filter(|i| !i.is_empty())
        .flat_map(|i| expand(&format!("{prefix}{i}")))
        .collect()
}

/// Every `crate::…`, `super::…` and `self::…` path of the code.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let tail = &rest[i + 4..];
        if before_ok && let Some(end) = tail.find(';') {
            out.extend(expand(&tail[..end]));
        }
        rest = &rest[i + 4..];
    }
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = |w: &str| {
            code_at(&bytes, i, w) && (i == 0 || !is_ident(bytes[i - 1])) && {
                let after = i + w.len();
                after + 1 < bytes.len() && bytes[after] == ':' && bytes[after + 1] == ':'
            }
        };
        if starts("crate") || starts("super") {
            let mut j = i;
            while j < bytes.len() && (is_ident(bytes[j]) || bytes[j] == ':') {
                j += 1;
            }
            out.push(bytes[i..j].iter().collect());
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn code_at(chars: &[char], i: usize, w: &str) -> bool {
    w.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module a path leads to: the longest module of the crate it names.
fn resolve(from: &Module, path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let path = path.split(" as ").next().unwrap_or(path);
    let mut segs = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut base = match segs.peek().copied() {
        Some("crate") => {
            segs.next();
            Vec::new()
        }
        Some("super") | Some("self") => {
            let mut base = from.clone();
            while let Some(&s) = segs.peek() {
                match s {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segs.next();
            }
            base
        }
        _ => return None,
    };
    for s in segs {
        let mut next = base.clone();
        next.push(s.to_string());
        if modules.contains(&next) {
            base = next;
        } else {
            break;
        }
    }
    Some(base)
}

struct Crate {
    files: BTreeMap<Module, PathBuf>,
    imports: BTreeMap<Module, BTreeSet<Module>>,
}

fn read_crate() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut list = Vec::new();
    sources(&src, &mut list);
    // Kept relative to the project, as the messages name them.
    let files: BTreeMap<Module, PathBuf> = list
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(root).unwrap_or(&f).to_path_buf();
            (module_of(&src, &f), rel)
        })
        .collect();
    let modules: BTreeSet<Module> = files.keys().cloned().collect();
    let imports = files
        .iter()
        .map(|(m, f)| {
            let text =
                fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let to = paths(&code(&text))
                .iter()
                .filter_map(|p| resolve(m, p, &modules))
                .filter(|t| t != m)
                .collect();
            (m.clone(), to)
        })
        .collect();
    Crate { files, imports }
}

fn layer(m: &Module) -> &str {
    m.first().map_or("", |s| s.as_str())
}

#[test]
fn no_file_in_src_is_over_600_lines() {
    let c = read_crate();
    let long: Vec<String> = c
        .files
        .values()
        .filter_map(|f| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
            let n = fs::read_to_string(path).ok()?.lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_layers_import_only_what_they_may() {
    let c = read_crate();
    let mut wrong = Vec::new();
    for (m, to) in &c.imports {
        for t in to {
            let (a, b) = (layer(m), layer(t));
            let why = match (a, b) {
                ("domain", b) if b != "domain" => "the domain imports nothing outside itself",
                ("interchange", "store" | "tui") => {
                    "the interchange knows neither store nor interface"
                }
                ("tui", "commands") => "the interface does not reach into the command line",
                _ => continue,
            };
            wrong.push(format!(
                "{} imports {} ({why})",
                c.files[m].display(),
                t.join("::")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_interface_files_import_each_other_without_a_circle() {
    let c = read_crate();
    // The interface's root module only declares and re-exports its children.
    let nodes: BTreeSet<&Module> = c
        .files
        .keys()
        .filter(|m| layer(m) == "tui" && m.len() > 1)
        .collect();
    let edges = |m: &Module| -> Vec<&Module> {
        c.imports[m]
            .iter()
            .filter(|t| nodes.contains(t) && !m.starts_with(t))
            .collect()
    };
    // Depth-first search for a path that comes back to where it started.
    let mut done: BTreeSet<&Module> = BTreeSet::new();
    for start in &nodes {
        let mut stack: Vec<(&Module, Vec<&Module>)> = vec![(start, vec![start])];
        let mut seen: BTreeSet<&Module> = BTreeSet::new();
        while let Some((m, path)) = stack.pop() {
            for t in edges(m) {
                if t == *start {
                    let names: Vec<String> = path.iter().map(|p| p[1..].join("::")).collect();
                    panic!(
                        "import circle: {} -> {}",
                        names.join(" -> "),
                        start[1..].join("::")
                    );
                }
                if !done.contains(t) && seen.insert(t) {
                    let mut p = path.clone();
                    p.push(t);
                    stack.push((t, p));
                }
            }
        }
        done.insert(start);
    }
}

#[test]
fn the_checks_see_a_circle_and_a_forbidden_import() {
    // The reading itself, on made-up paths: a test that could not fail would prove nothing.
    let modules: BTreeSet<Module> = [
        vec!["tui".to_string()],
        vec!["tui".into(), "a".into()],
        vec!["tui".into(), "b".into()],
        vec!["commands".into()],
    ]
    .into_iter()
    .collect();
    let from = vec!["tui".to_string(), "a".to_string()];
    let found: Vec<Module> = paths(&code(
        "use super::{b::Thing, x};\nuse crate::commands::Context; // use crate::nope;\nfn f() { super::b::g() }",
    ))
    .iter()
    .filter_map(|p| resolve(&from, p, &modules))
    .collect();
    assert!(found.contains(&vec!["tui".to_string(), "b".to_string()]));
    assert!(found.contains(&vec!["commands".to_string()]));
    assert!(!found.iter().any(|m| m.iter().any(|s| s == "nope")));
}
