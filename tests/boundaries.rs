//! The layers' boundaries, read from the sources: the domain imports nothing outside
//! `domain/`, the interchange nothing from the store or the interface, the interface
//! nothing from the command line. Test modules (`#[cfg(test)]` onwards) and comments
//! do not count.

use std::path::{Path, PathBuf};

/// The `.rs` files under `src/<dir>`, recursively.
fn sources(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
                .path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut out = Vec::new();
    walk(&root, &mut out);
    out.sort();
    assert!(!out.is_empty(), "no source under {}", root.display());
    out
}

/// The code of a file without its tests and its comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top modules of the crate that `code` names (`crate::store::read` → `store`,
/// `crate::{i18n, text::quote}` → `i18n`, `text`); `super::super` counts as leaving.
fn crate_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = 0;
            for (j, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(&inner[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(&inner[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    if code.contains("super::super") {
        out.push("super::super".to_string());
    }
    out.retain(|m| !m.is_empty());
    out
}

/// Every `(file, module)` where a file under `src/<dir>` names a forbidden module.
fn crossings(dir: &str, forbidden: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for path in sources(dir) {
        for m in crate_modules(&code(&path)) {
            if forbidden(&m) {
                let rel = path
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                found.push(format!("{rel} -> {m}"));
            }
        }
    }
    found
}

#[test]
fn the_reader_of_imports_sees_groups_and_paths() {
    let code =
        "use crate::{i18n::Lang, text};\nlet x = crate::store::read::x();\nuse super::super::y;";
    assert_eq!(
        crate_modules(code),
        ["i18n", "text", "store", "super::super"]
    );
}

#[test]
fn the_domain_imports_nothing_outside_the_domain() {
    let found = crossings("domain", |m| m != "domain");
    assert!(found.is_empty(), "the domain reaches out: {found:#?}");
}

#[test]
fn the_interchange_imports_neither_the_store_nor_the_interface() {
    let found = crossings("interchange", |m| m == "store" || m == "tui");
    assert!(found.is_empty(), "the interchange reaches in: {found:#?}");
}

#[test]
fn the_interface_imports_nothing_from_the_command_line() {
    let found = crossings("tui", |m| m == "commands");
    assert!(
        found.is_empty(),
        "the interface reaches into commands: {found:#?}"
    );
}
