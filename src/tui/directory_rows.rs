//! The directory's sections, the rows the directory box lists and the territory names it shows, read from
//! the directory as loaded: no box state here.

use crate::i18n::{Lang, T, org_kind_label};
use crate::store::read::Directory;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    Territories,
    Organisations,
    People,
    Themes,
    Envelopes,
    Catalogue,
}

impl Section {
    /// The table its entries are stored in.
    pub fn table(self) -> &'static str {
        match self {
            Section::Territories => "territories",
            Section::Organisations => "organisations",
            Section::People => "people",
            Section::Themes => "themes",
            Section::Envelopes => "envelopes",
            Section::Catalogue => "catalogue",
        }
    }
}

pub const SECTIONS: [Section; 6] = [
    Section::Territories,
    Section::Organisations,
    Section::People,
    Section::Themes,
    Section::Envelopes,
    Section::Catalogue,
];

impl Section {
    pub fn title(self) -> T {
        match self {
            Section::Territories => T::TuiDirTerritories,
            Section::Organisations => T::TuiDirOrganisations,
            Section::People => T::TuiDirPeople,
            Section::Themes => T::CatDirThemes,
            Section::Envelopes => T::CatDirEnvelopes,
            Section::Catalogue => T::CatDirCatalogue,
        }
    }

    /// The labels of an entry's fields, in the order they are typed.
    pub fn fields(self) -> &'static [T] {
        match self {
            Section::Territories => &[T::TuiFieldName, T::TuiFieldCode, T::TuiFieldDepartments],
            Section::Organisations => &[
                T::TuiFieldName,
                T::TuiFieldCode,
                T::TuiFieldKind,
                T::TuiFieldTerritory,
            ],
            Section::People => &[
                T::TuiFieldName,
                T::TuiFieldCode,
                T::TuiFieldOrganisation,
                T::TuiFieldEmail,
                T::TuiFieldPhone,
                T::TuiFieldLogin,
            ],
            Section::Themes => &[T::CatFieldLabel, T::TuiFieldCode],
            Section::Envelopes => &[T::CatFieldLabel, T::TuiFieldCode, T::CatFieldAmount],
            Section::Catalogue => &[
                T::TuiFieldTitle,
                T::TuiFieldCode,
                T::TuiFieldTheme,
                T::CatFieldObjective,
            ],
        }
    }
}

/// One row of a section: its code, and the text shown (and searched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub name: String,
    pub detail: String,
}

/// The rows of a section whose code or name holds every word typed, by name.
pub fn rows(section: Section, dir: &Directory, filter: &str, lang: Lang) -> Vec<Row> {
    let mut rows: Vec<Row> = match section {
        Section::Territories => dir
            .territories
            .iter()
            .map(|(_, t)| Row {
                code: t.code.clone(),
                name: t.name.clone(),
                detail: t.departments.join(", "),
            })
            .collect(),
        Section::Organisations => dir
            .organisations
            .values()
            .map(|o| {
                let mut detail = o
                    .kind
                    .map(|k| org_kind_label(lang, k).to_string())
                    .unwrap_or_default();
                if let Some(t) = &o.territory {
                    detail = format!("{detail} · {}", territory_name(dir, t));
                }
                Row {
                    code: o.code.clone(),
                    name: o.name.clone(),
                    detail,
                }
            })
            .collect(),
        Section::People => dir
            .people
            .values()
            .map(|p| Row {
                code: p.code.clone(),
                name: p.name.clone(),
                detail: p
                    .organisation
                    .as_deref()
                    .map(|o| dir.org_name(o).to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        Section::Themes => dir
            .themes
            .iter()
            .map(|t| Row {
                code: t.code.clone(),
                name: t.label.clone(),
                detail: String::new(),
            })
            .collect(),
        Section::Envelopes => dir
            .envelopes
            .iter()
            .map(|e| Row {
                code: e.code.clone(),
                name: e.label.clone(),
                detail: e.amount.map(|a| a.format(lang)).unwrap_or_default(),
            })
            .collect(),
        Section::Catalogue => dir
            .catalogue
            .values()
            .map(|c| Row {
                code: c.code.clone(),
                name: c.title.clone(),
                detail: c
                    .theme
                    .as_deref()
                    .map(|t| dir.theme_label(t).to_string())
                    .unwrap_or_default(),
            })
            .collect(),
    };
    let words: Vec<String> = crate::text::fold(filter)
        .split_whitespace()
        .map(String::from)
        .collect();
    if !words.is_empty() {
        rows.retain(|r| {
            let hay = crate::text::fold(&format!("{} {} {}", r.code, r.name, r.detail));
            words.iter().all(|w| hay.contains(w.as_str()))
        });
    }
    rows.sort_by(|a, b| {
        crate::text::fold(&a.name)
            .cmp(&crate::text::fold(&b.name))
            .then(a.code.cmp(&b.code))
    });
    rows
}

pub fn territory_name<'a>(dir: &'a Directory, code: &'a str) -> &'a str {
    dir.territories
        .iter()
        .find(|(_, t)| t.code == code)
        .map(|(_, t)| t.name.as_str())
        .unwrap_or(code)
}

/// A territory by code, or by every word typed in its name.
pub fn territory_match(typed: &str, dir: &Directory) -> Option<String> {
    let words: Vec<String> = crate::text::fold(typed)
        .split_whitespace()
        .map(String::from)
        .collect();
    if words.is_empty() {
        return None;
    }
    dir.territories
        .iter()
        .map(|(_, t)| t)
        .find(|t| t.code == typed.trim())
        .or_else(|| {
            dir.territories.iter().map(|(_, t)| t).find(|t| {
                let hay = crate::text::fold(&format!("{} {}", t.code, t.name));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
        })
        .map(|t| t.code.clone())
}

/// A theme by code, or by every word typed in its label.
pub fn theme_match(typed: &str, dir: &Directory) -> Option<String> {
    let words: Vec<String> = crate::text::fold(typed)
        .split_whitespace()
        .map(String::from)
        .collect();
    if words.is_empty() {
        return None;
    }
    dir.themes
        .iter()
        .find(|t| t.code.eq_ignore_ascii_case(typed.trim()))
        .or_else(|| {
            dir.themes.iter().find(|t| {
                let hay = crate::text::fold(&format!("{} {}", t.code, t.label));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
        })
        .map(|t| t.code.clone())
}
