//! The boxes' key lines, written from the boxes' keymap (`boxkeys`): each box says
//! the keys of the table, never keys spelt out in a text.

use crate::i18n::{Lang, T};

use super::boxkeys::{BoxCommand, box_key_label, keys};

/// The key lines the boxes show, one for each kind of box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hints {
    Quick,
    Form,
    Bulk,
    NewItem,
    Entry,
    EntryWithChoice,
    Indicator,
    Milestones,
    Budget,
    Indicators,
    Note,
    Delete,
    Directory,
    Conflict,
    /// The note box opened for a decision: its kind and meeting are chosen too.
    Decision,
}

/// A piece of a key line: keys, then a word.
enum Part {
    /// The key of this index of a command.
    Key(BoxCommand, usize),
    /// A key that depends on the language (French `o`, English `y`).
    KeyFrEn(BoxCommand, usize, usize),
    Text(&'static str),
}

type Hint = (&'static [Part], T);

fn hint_parts(h: Hints) -> &'static [Hint] {
    use BoxCommand::*;
    use Part::*;
    const FIELD: Hint = (&[Key(NextField, 0)], T::BoxHintField);
    const CHOOSE: Hint = (&[Key(Previous, 0), Key(Next, 0)], T::BoxHintChoose);
    const SAVE: Hint = (&[Key(Confirm, 0)], T::BoxHintSave);
    const CANCEL: Hint = (&[Key(Cancel, 0)], T::BoxHintCancel);
    const ADD: Hint = (&[Key(Add, 0)], T::BoxHintAdd);
    const EDIT: Hint = (&[Key(Confirm, 0)], T::BoxHintEdit);
    const REMOVE: Hint = (&[Key(Remove, 0)], T::BoxHintRemove);
    const CLOSE: Hint = (&[Key(Close, 0)], T::BoxHintClose);
    match h {
        Hints::Quick => &[
            (&[Key(NextField, 0)], T::BoxHintNextField),
            (&[Key(Previous, 0), Key(Next, 0)], T::BoxHintChange),
            (&[Key(Done, 0)], T::BoxHintQuickDone),
            (&[Key(Confirm, 0)], T::BoxHintValidate),
            CANCEL,
        ],
        Hints::Form => &[
            (
                &[
                    Key(NextField, 0),
                    Text("/"),
                    Key(PreviousField, 1),
                    Key(NextField, 1),
                ],
                T::BoxHintField,
            ),
            CHOOSE,
            SAVE,
            CANCEL,
        ],
        Hints::Bulk => &[
            FIELD,
            CHOOSE,
            (&[Key(Confirm, 0)], T::BoxHintApplyAll),
            CANCEL,
        ],
        Hints::NewItem => &[
            FIELD,
            CHOOSE,
            (&[Key(Confirm, 0)], T::BoxHintCreate),
            CANCEL,
        ],
        Hints::Entry => &[FIELD, SAVE, CANCEL],
        Hints::EntryWithChoice => &[FIELD, CHOOSE, SAVE, CANCEL],
        Hints::Indicator => &[
            FIELD,
            (&[Key(Previous, 0), Key(Next, 0)], T::BoxHintKind),
            SAVE,
            CANCEL,
        ],
        Hints::Milestones => &[
            ADD,
            EDIT,
            (&[Key(ToggleDone, 0)], T::BoxHintMilestoneDone),
            REMOVE,
            CLOSE,
        ],
        Hints::Budget => &[ADD, EDIT, REMOVE, CLOSE],
        Hints::Indicators => &[
            ADD,
            EDIT,
            (&[Key(Value, 0)], T::BoxHintValue),
            REMOVE,
            CLOSE,
        ],
        Hints::Note => &[
            (&[Key(NewLine, 0)], T::BoxHintNewLine),
            (&[Key(Save, 0)], T::BoxHintSave),
            CANCEL,
        ],
        Hints::Delete => &[
            (&[KeyFrEn(Yes, 0, 1)], T::BoxHintDelete),
            (&[], T::BoxHintKeepAction),
        ],
        Hints::Directory => &[
            (
                &[
                    Key(NextSection, 0),
                    Text("/"),
                    Key(PreviousSection, 1),
                    Key(NextSection, 1),
                ],
                T::BoxHintSection,
            ),
            (&[Key(Filter, 0)], T::BoxHintFilter),
            ADD,
            EDIT,
            CLOSE,
        ],
        Hints::Decision => &[FIELD, CHOOSE, (&[Key(Save, 0)], T::BoxHintSave), CANCEL],
        Hints::Conflict => &[
            (&[Key(Reapply, 0)], T::BoxHintReapply),
            (&[Key(Drop, 0)], T::BoxHintDrop),
        ],
    }
}

/// A box's key line, from the table: `Tab champ · Entrée enregistrer · Échap annuler`.
pub fn hint_line(lang: Lang, h: Hints) -> String {
    let label = |c: BoxCommand, i: usize| {
        keys(c)
            .get(i)
            .map(|k| box_key_label(lang, *k))
            .unwrap_or_default()
    };
    hint_parts(h)
        .iter()
        .map(|(parts, word)| {
            let keys: String = parts
                .iter()
                .map(|p| match p {
                    Part::Key(c, i) => label(*c, *i),
                    Part::KeyFrEn(c, fr, en) => label(*c, if lang == Lang::Fr { *fr } else { *en }),
                    Part::Text(t) => t.to_string(),
                })
                .collect();
            if keys.is_empty() {
                lang.t(*word).to_string()
            } else {
                format!("{keys} {}", lang.t(*word))
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_lines_say_the_keys_of_the_table() {
        let lines: [(Hints, &str, &str); 14] = [
            (
                Hints::Quick,
                "Tab champ · ←→ changer · d réalisée · Entrée valider · Échap annuler",
                "Tab next field · ←→ change · d done · Enter save · Esc cancel",
            ),
            (
                Hints::Form,
                "Tab/↑↓ champ · ←→ choisir · Entrée enregistrer · Échap annuler",
                "Tab/↑↓ field · ←→ choose · Enter save · Esc cancel",
            ),
            (
                Hints::Bulk,
                "Tab champ · ←→ choisir · Entrée appliquer à toutes · Échap annuler",
                "Tab field · ←→ choose · Enter apply to all · Esc cancel",
            ),
            (
                Hints::NewItem,
                "Tab champ · ←→ choisir · Entrée créer · Échap annuler",
                "Tab field · ←→ choose · Enter create · Esc cancel",
            ),
            (
                Hints::Entry,
                "Tab champ · Entrée enregistrer · Échap annuler",
                "Tab field · Enter save · Esc cancel",
            ),
            (
                Hints::EntryWithChoice,
                "Tab champ · ←→ choisir · Entrée enregistrer · Échap annuler",
                "Tab field · ←→ choose · Enter save · Esc cancel",
            ),
            (
                Hints::Indicator,
                "Tab champ · ←→ type · Entrée enregistrer · Échap annuler",
                "Tab field · ←→ kind · Enter save · Esc cancel",
            ),
            (
                Hints::Milestones,
                "a ajouter · Entrée modifier · d fait · Suppr retirer · Échap fermer",
                "a add · Enter edit · d done · Del remove · Esc close",
            ),
            (
                Hints::Budget,
                "a ajouter · Entrée modifier · Suppr retirer · Échap fermer",
                "a add · Enter edit · Del remove · Esc close",
            ),
            (
                Hints::Indicators,
                "a ajouter · Entrée modifier · v valeur · Suppr retirer · Échap fermer",
                "a add · Enter edit · v value · Del remove · Esc close",
            ),
            (
                Hints::Note,
                "Entrée nouvelle ligne · Ctrl-S enregistrer · Échap annuler",
                "Enter new line · Ctrl-S save · Esc cancel",
            ),
            (
                Hints::Delete,
                "o supprimer · toute autre touche garder l'action",
                "y delete · any other key keeps the action",
            ),
            (
                Hints::Directory,
                "Tab/←→ rubrique · / filtrer · a ajouter · Entrée modifier · Échap fermer",
                "Tab/←→ section · / filter · a add · Enter edit · Esc close",
            ),
            (
                Hints::Conflict,
                "r réappliquer vos valeurs · Échap les abandonner",
                "r reapply your values · Esc drop them",
            ),
        ];
        for (h, fr, en) in lines {
            assert_eq!(hint_line(Lang::Fr, h), fr, "{h:?}");
            assert_eq!(hint_line(Lang::En, h), en, "{h:?}");
        }
    }
}
