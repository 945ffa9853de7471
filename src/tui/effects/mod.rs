//! Runs the effects `update` asks for: the only part of the interface that touches
//! the database. Each effect answers with messages for `update`.

use std::path::PathBuf;

use chrono::{NaiveDate, Timelike};

use crate::domain::JournalEntry;
use crate::domain::bulk::{self, BulkChange};
use crate::i18n::{Lang, T, date_input_error, problem_text, store_error};
use crate::interchange::demo::demo_document;
use crate::store::edit::{self, Edit, EditError, RefStep};
use crate::store::import::{ImportError, import_document};
use crate::store::journal::Origin;
use crate::store::read;
use crate::store::{Store, locate};

use super::access_gate as gate;
use super::effect::NewNote;
use super::model::Place;

mod load;
mod presence;
use super::msg::{BoxKind, Data, Effect, Failure, Msg, SaveFailure, SaveKind, Step};
use super::overlay::Overlay;

/// A long list (the region's timeline) shows this many rows at once; the rest is
/// read when the interface is idle. More than any screen holds, and enough to
/// scroll a while.
pub const FIRST_ROWS: usize = 1000;

/// A search lists at most this many actions (and says how many match).
pub const SEARCH_LIMIT: usize = 500;

pub struct Runner {
    store: Store,
    today: NaiveDate,
    due_soon_days: u32,
    who: String,
    /// The language store errors are put into words in.
    lang: Lang,
    /// Find anything: the index (built at the first search, dropped by a write or
    /// a reload) and the last words searched.
    search: Option<(i64, read::SearchIndex)>,
    query: String,
    /// Who the user said they are (a person's code), and the config file that
    /// remembers it (*My actions*).
    me: Option<String>,
    config_path: Option<PathBuf>,
    /// Where the export keys write (the current folder unless told).
    export_dir: Option<PathBuf>,
    /// The account's own folder of drafts (none: typing is not kept).
    drafts: Option<PathBuf>,
    /// The action a box is open on and when its presence row was last written
    /// (seconds since 1970): see `store::presence`.
    present: Option<(i64, i64)>,
    /// When a presence row shown by the last load counts as gone: the screen then
    /// reloads though the file did not change (`Msg::PresenceGone`).
    presence_due: std::cell::Cell<Option<i64>>,
    /// Seconds since 1970, for the presence rows (tests set their own).
    clock: fn() -> i64,
}

impl Runner {
    pub fn new(
        store: Store,
        today: NaiveDate,
        due_soon_days: u32,
        who: String,
        lang: Lang,
    ) -> Runner {
        Runner {
            store,
            today,
            due_soon_days,
            who,
            lang,
            search: None,
            query: String::new(),
            me: None,
            config_path: None,
            export_dir: None,
            drafts: None,
            present: None,
            presence_due: std::cell::Cell::new(None),
            clock: || chrono::Utc::now().timestamp(),
        }
    }

    /// The person the user said they are, and where to remember a new answer.
    pub fn remembering(mut self, me: Option<String>, config_path: Option<PathBuf>) -> Runner {
        self.me = me;
        self.config_path = config_path;
        self
    }

    /// Writes what the export keys ask for into `dir` rather than the current folder.
    pub fn exporting_into(mut self, dir: PathBuf) -> Runner {
        self.export_dir = Some(dir);
        self
    }

    /// Tells the time of the presence rows with `clock` (seconds since 1970).
    pub fn with_clock(mut self, clock: fn() -> i64) -> Runner {
        self.clock = clock;
        self
    }

    /// Keeps the typing in progress in `dir`, the account's own drafts folder.
    pub fn keeping_drafts_in(mut self, dir: Option<PathBuf>) -> Runner {
        self.drafts = dir;
        self
    }

    /// A database error of a query, as the user reads it.
    fn said(&self, e: rusqlite::Error) -> String {
        store_error(self.lang, &self.store.err(e))
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn run(&mut self, effect: Effect) -> Vec<Msg> {
        if effect.writes() {
            // The next search reads again (others' changes: see `find`).
            self.search = None;
        }
        let result = match effect {
            Effect::Start { target } => {
                return gate::started(&self.store, &self.who, self.lang, self.start(target));
            }
            Effect::LoadDirectory => self.directory(),
            Effect::Load(Place::Welcome) => return vec![],
            Effect::Load(Place::Search) => self.find(self.query.clone()),
            Effect::Search(query) => self.find(query),
            Effect::Load(place) => self.load(place),
            Effect::LoadRest(place) => self.load_all(place),
            Effect::CheckVersion if self.presence_gone() => Ok(Msg::PresenceGone),
            Effect::CheckVersion => self
                .store
                .data_version()
                .map(Msg::Version)
                .map_err(|e| store_error(self.lang, &e)),
            Effect::LoadDemo => Ok(Msg::Imported(self.load_demo())),
            Effect::Import(path) => Ok(Msg::Imported(self.import_file(&path))),
            Effect::Open(kind, id) => {
                let opened = self.open(kind, id);
                return match opened {
                    Ok(msg) => {
                        // A box opens only on an action still there.
                        let opens = matches!(
                            msg,
                            Msg::Opened(_, Some(_)) | Msg::DecisionOpened(Some(_), _)
                        );
                        let mut msgs = vec![msg];
                        if opens {
                            msgs.extend(self.enter(id));
                        }
                        msgs
                    }
                    Err(e) => vec![Msg::Failed(e)],
                };
            }
            Effect::StillEditing => return self.still_editing(),
            Effect::StopEditing => return self.stop_editing(),
            Effect::BulkSave {
                ids,
                shift,
                status,
                pilot,
                theme,
            } => Ok(self.bulk_save(
                &ids,
                BulkChange {
                    shift,
                    status,
                    pilot,
                    theme,
                },
            )),
            Effect::CountReferrers { table, code } => {
                read::referrers(self.store.conn(), table, &code)
                    .map(|count| Msg::Referrers { table, code, count })
                    .map_err(|e| self.store.err(e).to_string())
            }
            Effect::SaveDirectory { item, new } => Ok(Msg::DirectorySaved(
                edit::save_directory_entry(&mut self.store, &item, new, &self.who)
                    .map_err(|e| edit_text(self.lang, &e)),
            )),
            Effect::SavePlan { plan, new } => Ok(Msg::PlanCreated(
                edit::save_plan(&mut self.store, &plan, new, &self.who)
                    .map_err(|e| edit_text(self.lang, &e)),
            )),
            Effect::OpenPlan(plan_id) => self.open_plan(plan_id),
            Effect::NewAction(plan_id) => {
                gate::new_action(&self.store, &self.who, self.lang, plan_id)
            }
            Effect::Delete { plan, code, seen } => Ok(Msg::Saved {
                kind: SaveKind::Save,
                result: edit::delete_actions(
                    &mut self.store,
                    &[(plan, code, seen)],
                    &self.who,
                    Origin::Edit,
                )
                .map_err(|e| save_failure(self.lang, e)),
            }),
            Effect::KeepDraft(draft) => match self.keep_draft(draft.as_deref()) {
                Ok(()) => return vec![],
                Err(e) => Err(e),
            },
            Effect::LoadDraft => match self.load_draft() {
                Some(d) => Ok(Msg::DraftFound(Box::new(d))),
                None => return vec![],
            },
            Effect::Save { edits, note } => Ok(self.save(edits, note)),
            Effect::RememberMe(code) => Ok(Msg::Remembered(self.remember(code))),
            Effect::NewMeeting {
                territory_id,
                plan_id,
            } => gate::new_meeting(&self.store, &self.who, self.lang, territory_id, plan_id),
            Effect::Export {
                kind,
                territory_id,
                plan_id,
            } => Ok(Msg::Exported(self.export(super::export_run::ExportAsk {
                kind,
                territory_id,
                plan_id,
                today: self.today,
                due_soon_days: self.due_soon_days,
                lang: self.lang,
            }))),
            Effect::SaveMeeting(new) => Ok(Msg::MeetingSaved(
                crate::store::meetings::create_meeting(&mut self.store, &new, &self.who)
                    .map_err(|e| edit_text(self.lang, &e)),
            )),
            Effect::Undo(Step::Actions(saved)) => Ok(Msg::Saved {
                kind: SaveKind::Undo,
                result: edit::undo(&mut self.store, &saved, &self.who)
                    .map_err(|e| save_failure(self.lang, e)),
            }),
            Effect::Redo(Step::Actions(saved)) => Ok(Msg::Saved {
                kind: SaveKind::Redo,
                result: edit::redo(&mut self.store, &saved, &self.who)
                    .map_err(|e| save_failure(self.lang, e)),
            }),
            Effect::Undo(Step::Reference(step)) => Ok(self.step(step, SaveKind::Undo)),
            Effect::Redo(Step::Reference(step)) => Ok(self.step(step, SaveKind::Redo)),
        };
        match result {
            Ok(msg) => vec![msg],
            Err(e) => vec![Msg::Failed(e)],
        }
    }

    /// The draft is kept in the account's drafts folder (see `drafts`); with no
    /// folder (a database in memory, no home), typing is not kept.
    fn keep_draft(&self, draft: Option<&[u8]>) -> Result<(), String> {
        match &self.drafts {
            Some(dir) if self.store.path().as_os_str() != ":memory:" => {
                super::drafts::keep(dir, self.store.path(), draft)
            }
            _ => Ok(()),
        }
    }

    fn load_draft(&self) -> Option<Overlay> {
        let dir = self.drafts.as_ref()?;
        let bytes = super::drafts::load(dir, self.store.path())?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Undoes or redoes a change of a plan or of the directory.
    fn step(&mut self, step: Box<RefStep>, kind: SaveKind) -> Msg {
        let forward = kind == SaveKind::Redo;
        Msg::Stepped {
            kind,
            result: edit::apply_ref_step(&mut self.store, &step, forward, &self.who)
                .map(|()| *step)
                .map_err(|e| edit_text(self.lang, &e)),
        }
    }

    fn open_plan(&self, plan_id: i64) -> Result<Msg, String> {
        let conn = self.store.conn();
        let wrap = |e| self.said(e);
        let (code, _) = locate::plan_codes(conn, plan_id).map_err(wrap)?;
        gate::may_change_plan(&self.store, &self.who, self.lang, &code)?;
        let plan = edit::load_plan(conn, &code).map_err(wrap)?;
        Ok(Msg::PlanOpened(plan.map(Box::new)))
    }

    fn open(&self, kind: BoxKind, id: i64) -> Result<Msg, String> {
        let conn = self.store.conn();
        let wrap = |e| self.said(e);
        let Some((plan, code)) = locate::action_codes(conn, id).map_err(wrap)? else {
            return Ok(Msg::Opened(kind, None));
        };
        gate::may_open(&self.store, &self.who, self.lang, kind, &plan, &code)?;
        let found = edit::load_action(conn, &plan, &code).map_err(wrap)?;
        if kind == BoxKind::Decision {
            let meetings = super::meeting_load::recent(conn, &plan).map_err(wrap)?;
            return Ok(Msg::DecisionOpened(
                found.map(|(a, seen)| (plan, a, seen)),
                meetings,
            ));
        }
        Ok(Msg::Opened(kind, found.map(|(a, seen)| (plan, a, seen))))
    }

    fn save(&mut self, mut edits: Vec<Edit>, note: Option<NewNote>) -> Msg {
        if let (Some(note), Some(first)) = (note, edits.first_mut()) {
            first.action.journal.push(JournalEntry {
                at: chrono::Utc::now()
                    .with_nanosecond(0)
                    .unwrap_or_else(chrono::Utc::now),
                author: self.who.clone(),
                text: note.text,
                kind: note.kind,
                meeting: note.meeting,
            });
        }
        Msg::Saved {
            kind: SaveKind::Save,
            result: edit::save_actions(&mut self.store, &edits, &self.who, Origin::Edit)
                .map_err(|e| save_failure(self.lang, e)),
        }
    }

    /// Each marked action read, changed by the bulk rules (`domain::bulk`) and
    /// saved in one step.
    fn bulk_save(&mut self, ids: &[i64], change: BulkChange) -> Msg {
        let failed = |text: String| Msg::Saved {
            kind: SaveKind::Save,
            result: Err(SaveFailure::Store(text)),
        };
        let mut edits = Vec::new();
        for id in ids {
            let conn = self.store.conn();
            let found = locate::action_codes(conn, *id).and_then(|codes| match codes {
                Some((plan, code)) => Ok(edit::load_action(conn, &plan, &code)?.map(|f| (plan, f))),
                None => Ok(None),
            });
            let (plan, (action, seen)) = match found {
                Ok(Some(f)) => f,
                Ok(None) => continue,
                Err(e) => return failed(self.said(e)),
            };
            let action = match bulk::apply(&change, action, self.today) {
                Ok(a) => a,
                Err(e) => return failed(self.lang.t(date_input_error(&e)).to_string()),
            };
            edits.push(Edit {
                plan,
                action,
                seen: Some(seen),
            });
        }
        Msg::Saved {
            kind: SaveKind::Save,
            result: edit::save_actions(&mut self.store, &edits, &self.who, Origin::Edit)
                .map_err(|e| save_failure(self.lang, e)),
        }
    }

    fn start(&self, target: Option<String>) -> Result<Msg, String> {
        let said = |e| store_error(self.lang, &e);
        let empty = self.store.is_empty().map_err(said)?;
        let version = self.store.data_version().map_err(said)?;
        let target = match target {
            Some(code) => {
                let found = locate::locate(self.store.conn(), &code).map_err(|e| self.said(e))?;
                Some((code, found))
            }
            None => None,
        };
        Ok(Msg::Started {
            empty,
            version,
            target,
        })
    }

    fn directory(&self) -> Result<Msg, String> {
        let conn = self.store.conn();
        let wrap = |e| self.said(e);
        let directory = read::directory(conn).map_err(wrap)?;
        let region = read::region(conn).map_err(wrap)?.map(|r| r.name);
        Ok(Msg::Directory { directory, region })
    }

    /// The actions matching `query`, the first `SEARCH_LIMIT` of them.
    fn find(&mut self, query: String) -> Result<Msg, String> {
        self.presence_shown(&[]);
        if query.trim().is_empty() {
            // Nothing to look for: no need to read the region.
            self.query = query.clone();
            let found = read::Found::default();
            let editing = vec![];
            return Ok(Msg::Loaded(
                Place::Search,
                Data::Found {
                    query,
                    found,
                    editing,
                },
            ));
        }
        let version = self
            .store
            .data_version()
            .map_err(|e| store_error(self.lang, &e))?;
        let index = match self.search.take() {
            // Read at this version of the database (`data_version` changes with
            // others' writes; this program's own writes drop the index).
            Some((v, index)) if v == version => index,
            _ => {
                read::SearchIndex::build(self.store.conn(), self.today).map_err(|e| self.said(e))?
            }
        };
        let found = index.find(&query, SEARCH_LIMIT);
        self.search = Some((version, index));
        self.query = query.clone();
        let editing = self.editing().map_err(|e| self.said(e))?;
        Ok(Msg::Loaded(
            Place::Search,
            Data::Found {
                query,
                found,
                editing,
            },
        ))
    }

    /// Writes who the user is in the config file, and uses it from now on.
    fn remember(&mut self, code: String) -> Result<String, String> {
        let Some(path) = self.config_path.clone() else {
            // No config folder on this system: remembered for this session only.
            self.me = Some(code);
            return Err(self.lang.t(T::TuiMineNoConfig).to_string());
        };
        let shown = path.display().to_string();
        self.me = Some(code.clone());
        crate::config::remember_me(&path, &code).map_err(|e| {
            let why = crate::i18n::reason(self.lang, &crate::store::io_reason(&e));
            self.lang
                .fill(T::TuiMineNotWritten, &[("path", &shown), ("why", &why)])
        })?;
        Ok(shown)
    }

    fn load_demo(&mut self) -> Result<crate::store::import::ImportSummary, Failure> {
        let doc = demo_document(self.today).map_err(|e| Failure {
            location: String::new(),
            message: format!("{e:#}"),
        })?;
        import_document(&mut self.store, &doc, &self.who, Origin::Demo, false)
            .map_err(|e| failure(self.lang, e))
    }

    fn import_file(&mut self, path: &str) -> Result<crate::store::import::ImportSummary, Failure> {
        let path = expand_home(path);
        let shown = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| Failure {
            location: shown.clone(),
            message: e.to_string(),
        })?;
        let doc = crate::interchange::parse_document(&bytes).map_err(|e| Failure {
            location: format!("{shown}, {}", e.location),
            message: problem_text(self.lang, &e.message),
        })?;
        import_document(&mut self.store, &doc, &self.who, Origin::Import, false).map_err(|e| {
            let mut f = failure(self.lang, e);
            f.location = if f.location.is_empty() {
                shown
            } else {
                format!("{shown}, {}", f.location)
            };
            f
        })
    }
}

fn failure(lang: Lang, e: ImportError) -> Failure {
    match e {
        ImportError::Invalid { path, message } => Failure {
            location: path,
            message: problem_text(lang, &message),
        },
        ImportError::Store(e) => Failure {
            location: String::new(),
            message: store_error(lang, &e),
        },
    }
}

/// `~/plans/aisne.json` as people type it.
fn expand_home(path: &str) -> PathBuf {
    match path.strip_prefix("~/") {
        Some(rest) => match std::env::var_os("HOME") {
            Some(home) => PathBuf::from(home).join(rest),
            None => PathBuf::from(path),
        },
        None => PathBuf::from(path),
    }
}

/// An edit refused or failed, as the user reads it, in `lang`.
fn edit_text(lang: Lang, e: &EditError) -> String {
    match e {
        EditError::Store(e) => store_error(lang, e),
        EditError::NotFound(key) => lang.fill(T::EditNotFound, &[("key", key)]),
        EditError::Conflict(_) => lang.t(T::EditConflict).to_string(),
        EditError::Invalid { path, message } => lang.fill(
            T::ProblemAt,
            &[
                ("location", path),
                ("message", &problem_text(lang, message)),
            ],
        ),
    }
}

fn save_failure(lang: Lang, e: EditError) -> SaveFailure {
    match e {
        EditError::Conflict(c) => SaveFailure::Conflict(c),
        e @ EditError::Invalid { .. } => SaveFailure::Invalid(edit_text(lang, &e)),
        other => SaveFailure::Store(edit_text(lang, &other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_action_is_said_in_both_languages() {
        let e = EditError::NotFound("FDR-AIS/A01".into());
        assert_eq!(edit_text(Lang::Fr, &e), "aucune action FDR-AIS/A01");
        assert_eq!(edit_text(Lang::En, &e), "no action FDR-AIS/A01");
        assert_eq!(edit_text(Lang::En, &e), e.to_string());
    }

    #[test]
    fn every_refused_edit_is_said_in_both_languages() {
        let refusals = [
            EditError::Conflict(vec![]),
            EditError::Invalid {
                path: "name".into(),
                message: "a name is needed".into(),
            },
            EditError::Invalid {
                path: "FDR/A01".into(),
                message: "an action FDR/A01 already exists".into(),
            },
            EditError::Invalid {
                path: "FDR/A01".into(),
                message: "a creation and an edit cannot be undone together".into(),
            },
            EditError::Invalid {
                path: "code".into(),
                message: "a plan FDR already exists".into(),
            },
        ];
        for e in &refusals {
            assert_eq!(edit_text(Lang::En, e), e.to_string());
            assert_ne!(edit_text(Lang::Fr, e), e.to_string(), "{e:?}");
        }
        assert_eq!(
            edit_text(Lang::Fr, &refusals[1]),
            "name : un nom est nécessaire"
        );
    }
}
