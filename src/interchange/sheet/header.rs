//! The header row: found among the first lines (a title may stand above it), each
//! column named in French or English, compared without accents, case, spacing or
//! punctuation, or named by a mapping file.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::read::{Cell, Line};
use super::values::{normal, raw};
use crate::domain::bounds::quote;
use crate::domain::sheet::{Field, SheetIssue};

/// How many lines the header is looked for in.
pub const HEADER_WITHIN: usize = 30;

/// The column names accepted for each field, as [`normal`] writes them (lower
/// case, no accents, words separated by one space; `(€)`, `en €` dropped).
pub const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Territory,
        &[
            "territoire",
            "territory",
            "delegation",
            "delegation departementale",
        ],
    ),
    (
        Field::Code,
        &[
            "code",
            "code action",
            "action code",
            "n",
            "no",
            "n action",
            "numero",
            "ref",
            "reference",
            "id",
        ],
    ),
    (
        Field::Title,
        &[
            "action",
            "intitule",
            "intitule de l action",
            "intitule action",
            "titre",
            "title",
            "libelle",
            "libelle action",
            "nom de l action",
            "action title",
        ],
    ),
    (Field::Theme, &["theme", "thematique", "axe", "theme code"]),
    (
        Field::Pilot,
        &[
            "pilote",
            "pilot",
            "porteur",
            "structure pilote",
            "organisation pilote",
            "pilot organisation",
            "porteur de projet",
        ],
    ),
    (
        Field::Person,
        &[
            "personne",
            "referent",
            "referente",
            "personne referente",
            "responsable",
            "contact",
            "person",
            "pilot person",
        ],
    ),
    (
        Field::Partners,
        &["partenaires", "partenaire", "partners", "partner"],
    ),
    (
        Field::Start,
        &[
            "debut",
            "date debut",
            "date de debut",
            "demarrage",
            "start",
            "start date",
        ],
    ),
    (
        Field::Due,
        &[
            "echeance",
            "date d echeance",
            "fin",
            "date fin",
            "date de fin",
            "due",
            "due date",
            "end",
            "end date",
            "deadline",
        ],
    ),
    (
        Field::DoneOn,
        &[
            "realise le",
            "realisee le",
            "fait le",
            "date de realisation",
            "date realisation",
            "done on",
            "completed on",
        ],
    ),
    (Field::Status, &["statut", "etat", "status", "state"]),
    (
        Field::Progress,
        &[
            "avancement",
            "taux d avancement",
            "pourcentage",
            "progress",
            "realisation",
        ],
    ),
    (Field::Weather, &["meteo", "weather", "tendance"]),
    (
        Field::Planned,
        &[
            "prevu",
            "budget prevu",
            "montant prevu",
            "budget",
            "budget previsionnel",
            "planned",
            "planned budget",
        ],
    ),
    (
        Field::Committed,
        &["engage", "montant engage", "budget engage", "committed"],
    ),
    (
        Field::Paid,
        &[
            "paye",
            "verse",
            "montant paye",
            "montant verse",
            "mandate",
            "paid",
        ],
    ),
    (
        Field::Source,
        &[
            "source",
            "financement",
            "source de financement",
            "financeur",
            "funding",
            "funding source",
        ],
    ),
    (
        Field::Comment,
        &[
            "commentaire",
            "commentaires",
            "observations",
            "observation",
            "remarques",
            "point d etape",
            "comment",
            "comments",
            "notes",
        ],
    ),
];

/// A header as compared: [`normal`], without the units people add (`(€)`, `en €`,
/// `%`, `HT`, `TTC`).
pub fn header_key(s: &str) -> String {
    if s.trim() == "%" {
        return "avancement".to_string();
    }
    normal(s)
        .split(' ')
        .filter(|w| !matches!(*w, "en" | "eur" | "euros" | "ht" | "ttc"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A mapping file: `[columns]`, each field's key with the header (or headers) that
/// give it, e.g. `title = "Libellé action"`, `due = ["Échéance", "Date butoir"]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Header (as [`header_key`] writes it) → field.
    pub names: BTreeMap<String, Field>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    columns: BTreeMap<String, OneOrMany>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Reads a mapping file; every unknown field key is refused with the keys known.
pub fn parse_mapping(text: &str) -> Result<Mapping, SheetIssue> {
    let file: MapFile = toml::from_str(text).map_err(|e| {
        SheetIssue::new(
            None,
            None,
            format!(
                "not a mapping file: {}; write [columns] then lines such as title = \"Libellé action\"",
                e.message()
            ),
        )
    })?;
    let mut names = BTreeMap::new();
    for (key, headers) in file.columns {
        let Some(field) = Field::from_key(&key) else {
            let known: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            return Err(SheetIssue::new(
                None,
                None,
                format!(
                    "unknown field {} in the mapping file; the fields are {}",
                    quote(&key),
                    known.join(", ")
                ),
            ));
        };
        let headers = match headers {
            OneOrMany::One(h) => vec![h],
            OneOrMany::Many(hs) => hs,
        };
        for h in headers {
            names.insert(header_key(&h), field);
        }
    }
    Ok(Mapping { names })
}

/// The field a header gives: the mapping's first, then the names known.
fn field_of(header: &str, mapping: &Mapping) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() && header.trim() != "%" {
        return None;
    }
    if let Some(f) = mapping.names.get(&key) {
        return Some(*f);
    }
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(f, _)| *f)
}

/// The header found: its index in the lines, each column's field (by position)
/// and header text, and the headers that give nothing (not read).
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub index: usize,
    pub columns: Vec<(usize, Field, String)>,
    pub ignored: Vec<String>,
}

/// The first line, within [`HEADER_WITHIN`], that names a title or a code and at
/// least one other field; two columns for one field are refused.
pub fn find_header(lines: &[Line], mapping: &Mapping) -> Result<Header, SheetIssue> {
    for (index, (line, cells)) in lines.iter().enumerate().take(HEADER_WITHIN) {
        let named: Vec<(usize, Option<Field>, String)> = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Cell::Text(t) => Some((i, field_of(t, mapping), t.clone())),
                _ => None,
            })
            .collect();
        let fields: Vec<Field> = named.iter().filter_map(|(_, f, _)| *f).collect();
        let has_key = fields.contains(&Field::Title) || fields.contains(&Field::Code);
        if !has_key || fields.len() < 2 {
            continue;
        }
        let mut columns: Vec<(usize, Field, String)> = Vec::new();
        let mut ignored = Vec::new();
        for (i, f, text) in named {
            match f {
                None => ignored.push(text),
                Some(f) => {
                    if let Some((_, _, first)) = columns.iter().find(|(_, g, _)| *g == f) {
                        return Err(SheetIssue::new(
                            Some(*line),
                            Some(&text),
                            format!(
                                "two columns give the {}: {} and {}; rename or remove one, or say which with --map",
                                f.key(),
                                quote(first),
                                quote(&text)
                            ),
                        ));
                    }
                    columns.push((i, f, text));
                }
            }
        }
        return Ok(Header {
            index,
            columns,
            ignored,
        });
    }
    Err(SheetIssue::new(
        None,
        None,
        format!(
            "no header row in the first {HEADER_WITHIN} lines: a header names the columns, such as Code, Action, Pilote, Échéance, Statut (or give a mapping file with --map)"
        ),
    ))
}

/// True when `cells` repeat the header (a sheet printed on several pages).
pub fn is_header_again(cells: &[Cell], header: &Header) -> bool {
    let same = header
        .columns
        .iter()
        .filter(|(i, _, text)| {
            cells
                .get(*i)
                .and_then(raw)
                .is_some_and(|c| header_key(&c) == header_key(text))
        })
        .count();
    same * 2 > header.columns.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: usize, cells: &[&str]) -> Line {
        let cells = cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_string())
                }
            })
            .collect();
        (n, cells)
    }

    #[test]
    fn header_found_below_a_title_in_either_language() {
        let lines = vec![
            line(1, &["Tableau de suivi FdR Aisne 2025"]),
            line(2, &[]),
            line(
                3,
                &[
                    "N°",
                    "Intitulé de l'action",
                    "PILOTE",
                    "Échéance",
                    "Statut",
                    "Prévu (€)",
                    "%",
                    "Divers",
                ],
            ),
        ];
        let h = find_header(&lines, &Mapping::default()).unwrap();
        assert_eq!(h.index, 2);
        let fields: Vec<Field> = h.columns.iter().map(|c| c.1).collect();
        assert_eq!(
            fields,
            [
                Field::Code,
                Field::Title,
                Field::Pilot,
                Field::Due,
                Field::Status,
                Field::Planned,
                Field::Progress
            ]
        );
        assert_eq!(h.ignored, ["Divers"]);
        let en = vec![line(1, &["Code", "Title", "Due date", "Status"])];
        assert_eq!(
            find_header(&en, &Mapping::default()).unwrap().columns.len(),
            4
        );
    }

    #[test]
    fn a_mapping_file_names_columns() {
        let m = parse_mapping(
            "[columns]\ntitle = \"Libellé court\"\ndue = [\"Date butoir\", \"Butoir\"]\n",
        )
        .unwrap();
        let lines = vec![line(1, &["Libellé court", "Butoir"])];
        let h = find_header(&lines, &m).unwrap();
        assert_eq!(h.columns[1].1, Field::Due);
        let e = parse_mapping("[columns]\ntitel = \"x\"\n").unwrap_err();
        assert!(
            e.message.starts_with("unknown field \"titel\""),
            "{}",
            e.message
        );
        assert!(parse_mapping("columns = 3").is_err());
    }

    #[test]
    fn no_header_and_twice_the_same_field_are_refused() {
        let e = find_header(&[line(1, &["a", "b"])], &Mapping::default()).unwrap_err();
        assert!(e.message.starts_with("no header row"));
        let e = find_header(
            &[line(4, &["Titre", "Action", "Statut"])],
            &Mapping::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(
            e.message.starts_with("two columns give the title"),
            "{}",
            e.message
        );
    }
}
