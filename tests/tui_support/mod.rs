//! Shared by the interface's tests: a small region written with plain SQL (so the
//! tests do not depend on the importer), and a headless driver of the interface.
#![allow(dead_code)]

use std::path::Path;

use chrono::{FixedOffset, NaiveDate};
use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store};
use jalon::tui::app::{dispatch, run_effects};
use jalon::tui::effects::Runner;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model, Msg, Settings, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub const TODAY: &str = "2025-03-31";

pub fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// Hauts-de-France, three territories (one without plans), three plans; dates
/// around 2025-03-31 so that every marker shows: overdue actions and milestones, due
/// soon, late start, done, abandoned, wide characters in a title.
pub const REGION_SQL: &str = r#"
INSERT INTO region (id, code, name) VALUES (1, 'HDF', 'Hauts-de-France');
INSERT INTO themes (id, code, label) VALUES
 (1, 'ACCES', 'Faciliter l''accès aux professionnels de santé'),
 (2, 'PDS', 'Organiser la permanence des soins'),
 (3, 'PREV', 'Accélérer les démarches de prévention'),
 (4, 'ATTRACT', 'Mobiliser les leviers locaux de l''attractivité');
INSERT INTO territories (id, code, name, departments) VALUES
 (1, 'AISNE', 'Aisne', '02'), (2, 'OISE', 'Oise', '60'), (3, 'SOMME', 'Somme', '80');
INSERT INTO organisations (id, code, name, kind, territory_id) VALUES
 (1, 'ARS-HDF', 'ARS Hauts-de-France, siège', 'ars_headquarters', NULL),
 (2, 'ARS-DD02', 'ARS, délégation départementale de l''Aisne', 'ars_delegation', 1),
 (3, 'CPAM-02', 'CPAM de l''Aisne', 'health_insurance', 1),
 (4, 'CD-02', 'Conseil départemental de l''Aisne', 'local_authority', 1),
 (5, 'URPS-ML', 'URPS Médecins libéraux Hauts-de-France', 'urps', NULL),
 (6, 'CPTS-LAON', 'CPTS du Pays de Laon', 'cpts', 1),
 (7, 'CH-LAON', 'Centre hospitalier de Laon', 'hospital', 1),
 (8, 'ARS-DD60', 'ARS, délégation départementale de l''Oise', 'ars_delegation', 2),
 (9, 'CPAM-60', 'CPAM de l''Oise', 'health_insurance', 2);
INSERT INTO people (id, code, name, organisation_id, email, phone, login) VALUES
 (1, 'agent.exemple', 'Agent Exemple', 2, 'agent.exemple@example.org', NULL, 'exemple'),
 (2, 'm.martin', 'Marie Martin', 3, NULL, '03 23 00 00 00', NULL);
INSERT INTO envelopes (id, code, label, amount) VALUES (1, 'CNR-2023', 'Enveloppe CNR santé', 260000000);
INSERT INTO catalogue (id, code, title, theme_id, description) VALUES
 (1, 'CAT-01', 'Guichet unique d''accueil et d''accompagnement des professionnels de santé', 4, NULL),
 (2, 'CAT-05', 'Régulation libérale des soins non programmés', 2, NULL),
 (3, 'CAT-11', 'Sevrage tabagique dans toutes les maternités', 3, NULL);
INSERT INTO plans (id, code, territory_id, kind, title, status, start, end, signed_on, envelope_id, allocation) VALUES
 (1, 'FDR-AISNE', 1, 'cts_roadmap', 'Feuille de route CNR santé, Aisne', 'in_force', '2023-06-01', '2025-12-31', '2023-05-12', 1, 32000000),
 (2, 'CPOM-CH-LAON', 1, 'cpom', 'CPOM du centre hospitalier de Laon', 'adopted', '2024-01-01', '2028-12-31', NULL, NULL, NULL),
 (3, 'FDR-OISE', 2, 'cts_roadmap', 'Feuille de route CNR santé, Oise', 'in_force', '2023-06-01', '2025-12-31', NULL, 1, 28000000);
INSERT INTO actions (id, plan_id, code, title, catalogue_id, theme_id, objective, status, progress, weather,
                     pilot_org_id, pilot_person_id, start, due, done_on, planned, committed, paid, updated_at, updated_by) VALUES
 (1, 1, 'A01', 'Guichet unique d''installation des professionnels', 1, 4,
  'Accueillir et accompagner chaque professionnel de santé qui s''installe dans l''Aisne : un interlocuteur unique, des démarches simplifiées, un suivi pendant la première année.',
  'in_progress', 40, 'orange', 2, 1, '2023-09-01', '2024-06-30', NULL, 9000000, 4500000, 1500000, '2025-03-28T14:02:00Z', 'jdupont'),
 (2, 1, 'A02', 'Sevrage tabagique en maternité', 3, 3, 'Proposer un accompagnement au sevrage à chaque femme enceinte fumeuse.',
  'in_progress', 70, 'green', 3, 2, '2024-01-15', '2025-04-15', NULL, 4000000, 4000000, 2000000, NULL, NULL),
 (3, 1, 'A03', 'Prévention du suicide des jeunes', NULL, 3, NULL,
  'todo', 0, NULL, 4, NULL, '2025-01-01', '2025-12-31', NULL, 2500000, 0, 0, NULL, NULL),
 (4, 1, 'A04', 'Régulation des soins non programmés', 2, 2, NULL,
  'done', 100, 'green', 6, NULL, '2023-07-01', '2024-12-31', '2024-12-15', 1500000, 1500000, 1500000, NULL, NULL),
 (5, 1, 'A05', 'Maison de santé itinérante', NULL, 4, NULL,
  'abandoned', 10, NULL, 2, NULL, '2023-09-01', '2024-09-30', NULL, 0, 0, 0, NULL, NULL),
 (6, 1, 'A06', 'Dépistage organisé du cancer colorectal', NULL, 3, NULL,
  'on_hold', 20, 'red', 3, NULL, '2024-03-01', '2025-02-28', NULL, 1200000, 300000, 0, NULL, NULL),
 (7, 1, 'A07', 'Permanence des soins en établissement', 2, 2, NULL,
  'in_progress', 55, 'green', 6, NULL, '2024-05-01', '2025-09-30', NULL, 3000000, 1000000, 500000, NULL, NULL),
 (8, 1, 'A08', 'Accès aux soins dentaires', NULL, 1, NULL,
  'in_progress', 10, NULL, 2, NULL, '2025-01-01', '2026-06-30', NULL, 0, 0, 0, NULL, NULL),
 (9, 2, 'C01', 'Réduire l''attente aux urgences', NULL, 1, NULL,
  'in_progress', 30, 'orange', 7, NULL, '2024-01-01', '2028-12-31', NULL, 0, 0, 0, NULL, NULL),
 (10, 3, 'O01', 'Interprétariat : fiches traduites en 中文 et 日本語', NULL, 3, NULL,
  'in_progress', 50, NULL, 9, NULL, '2024-02-01', '2025-01-31', NULL, 800000, 0, 0, NULL, NULL),
 (11, 3, 'O02', 'Centre de soins non programmés de Beauvais', 2, 2, NULL,
  'todo', 0, NULL, 8, NULL, '2025-05-01', '2026-03-31', NULL, 5000000, 0, 0, NULL, NULL);
INSERT INTO partners (action_id, position, organisation_id, role) VALUES
 (1, 1, 3, 'co-pilote'), (1, 2, 5, 'partenaire'), (2, 1, 7, 'maternité');
INSERT INTO milestones (action_id, position, title, due, done_on) VALUES
 (1, 1, 'Comité de lancement', '2023-10-15', '2023-10-15'),
 (1, 2, 'Ouverture du guichet', '2024-03-01', NULL),
 (1, 3, 'Bilan à un an', '2025-06-30', NULL),
 (7, 1, 'Convention signée', '2025-01-15', NULL),
 (4, 1, 'Bilan', '2024-06-30', NULL);
INSERT INTO budget_lines (action_id, position, source, envelope_id, funder_id, year, label, planned, committed, paid) VALUES
 (1, 1, 'fir', 1, 1, 2024, 'Poste de coordinateur', 6000000, 4500000, 1500000),
 (1, 2, 'health_insurance', NULL, 3, 2024, 'Communication', 3000000, NULL, NULL);
INSERT INTO indicators (id, action_id, position, label, kind, unit, baseline, target, target_date) VALUES
 (1, 1, 1, 'Professionnels accompagnés', 'output', 'professionnels', '0', '40', '2025-12-31');
INSERT INTO indicator_values (indicator_id, on_date, value) VALUES
 (1, '2024-06-30', '12'), (1, '2025-01-31', '21');
INSERT INTO notes (action_id, at, author, text) VALUES
 (1, '2024-11-22T10:00:00Z', 'agent.exemple', 'Comité de suivi : recrutement du coordinateur en cours.'),
 (1, '2025-03-10T09:30:00Z', 'm.martin', 'Guichet ouvert deux jours par semaine ; ouverture complète décalée à juin.');
INSERT INTO changes (at, who, origin, entity, entity_id, entity_key, field, old, new) VALUES
 ('2025-03-01T08:00:00Z', 'jdupont', 'import', 'action', 1, 'FDR-AISNE/A01', NULL, NULL, 'created'),
 ('2025-03-28T14:02:00Z', 'jdupont', 'edit', 'action', 1, 'FDR-AISNE/A01', 'progress', '30', '40');
"#;

/// Twenty more actions in the Oise plan, so that its list scrolls at 80×24.
fn filler_sql() -> String {
    let mut s = String::new();
    for i in 3..=24 {
        let due = if i % 5 == 0 {
            "2025-03-01"
        } else {
            "2026-01-31"
        };
        s.push_str(&format!(
            "INSERT INTO actions (plan_id, code, title, theme_id, status, progress, pilot_org_id, start, due) \
             VALUES (3, 'O{i:02}', 'Action de l''Oise numéro {i}', {theme}, 'in_progress', {p}, 8, '2024-09-01', '{due}');\n",
            theme = i % 4 + 1,
            p = (i * 7) % 100,
        ));
    }
    s
}

pub fn fill(store: &Store) {
    store.conn().execute_batch(REGION_SQL).unwrap();
    store.conn().execute_batch(&filler_sql()).unwrap();
}

pub fn region_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    fill(&store);
    store
}

pub fn region_file(path: &Path) {
    let store = Store::open(path, OpenMode::Create).unwrap();
    fill(&store);
}

pub fn settings(lang: Lang) -> Settings {
    Settings {
        lang,
        today: today(),
        today_overridden: true,
        due_soon_days: 30,
        db_label: "~/jalon/hdf.sqlite3".into(),
        read_only: false,
        utc_offset: FixedOffset::east_opt(3600).unwrap(),
    }
}

/// Where the interface driven without a terminal keeps its drafts: a `drafts`
/// folder beside the database (the program keeps them in the account's data
/// directory).
pub fn drafts_dir_of(db: &std::path::Path) -> std::path::PathBuf {
    db.with_file_name("drafts")
}

/// The draft of the database at `db`, as the interface driven here keeps it.
pub fn draft_of(db: &std::path::Path) -> std::path::PathBuf {
    jalon::tui::drafts::draft_file(&drafts_dir_of(db), db)
}

/// The interface with its database, driven without a terminal.
pub struct App {
    pub model: Model,
    pub loader: Runner,
    /// Where `w` and `c` write: a folder of the test's, never the project's.
    pub exports: tempfile::TempDir,
}

impl App {
    pub fn with_store(store: Store, lang: Lang, size: (u16, u16), target: Option<&str>) -> App {
        let exports = tempfile::tempdir().unwrap();
        let mut app = App {
            model: Model::new(settings(lang), Theme::default(), size),
            loader: {
                let drafts = drafts_dir_of(store.path());
                Runner::new(store, today(), 30, "test".into(), lang)
                    .keeping_drafts_in(Some(drafts))
                    .exporting_into(exports.path().to_path_buf())
            },
            exports,
        };
        app.effects(vec![Effect::Start {
            target: target.map(String::from),
        }]);
        app
    }

    pub fn new(lang: Lang, size: (u16, u16)) -> App {
        App::with_store(region_store(), lang, size, None)
    }

    pub fn open(lang: Lang, size: (u16, u16), target: &str) -> App {
        App::with_store(region_store(), lang, size, Some(target))
    }

    pub fn effects(&mut self, effects: Vec<Effect>) {
        run_effects(&mut self.model, &mut self.loader, effects);
    }

    pub fn send(&mut self, msg: Msg) -> &mut App {
        dispatch(&mut self.model, &mut self.loader, msg);
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut App {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn char(&mut self, c: char) -> &mut App {
        self.key(KeyCode::Char(c))
    }

    pub fn text(&mut self, s: &str) -> &mut App {
        for c in s.chars() {
            self.char(c);
        }
        self
    }

    pub fn resize(&mut self, w: u16, h: u16) -> &mut App {
        self.send(Msg::Resize(w, h))
    }

    /// The screen as text, as a terminal of the model's size shows it.
    pub fn render(&self) -> TestBackend {
        let (w, h) = self.model.size;
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| view(&self.model, f)).unwrap();
        t.backend().clone()
    }

    /// The database the interface writes to.
    pub fn loader_store(&self) -> &Store {
        self.loader.store()
    }

    pub fn screen_text(&self) -> String {
        self.render().to_string()
    }

    /// The codes of the rows the current list shows, in order.
    pub fn visible_keys(&self) -> Vec<String> {
        let t = self.model.top().table().expect("a list on screen");
        t.visible
            .iter()
            .map(|i| t.rows[*i].cells[0].text.clone())
            .collect()
    }

    pub fn selected_cell(&self, col: usize) -> String {
        let t = self.model.top().table().expect("a list on screen");
        t.selected_row()
            .map(|r| r.cells[col].text.clone())
            .unwrap_or_default()
    }
}
