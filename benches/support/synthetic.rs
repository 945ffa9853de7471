//! A generated region of any size, for benchmarks and load tests: deterministic, with
//! the proportions of a real one (a tenth overdue, milestones, budget lines, notes).
//! Not part of the library: the benchmarks and `examples/gen_dataset.rs` include this
//! file with `#[path]`.

use chrono::{DateTime, NaiveDate, Utc};

use jalon::domain::*;

/// The day the generated dates are placed around.
pub fn reference_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 31).unwrap_or_default()
}

/// A small deterministic generator (no dependency, same data on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `actions` actions over 20 territories, 100 actions per plan.
pub fn region(actions: usize) -> Document {
    let mut rng = Lcg(42);
    let today = reference_day();
    let mut doc = Document::empty();
    doc.region = Some(Region {
        code: "SYN".into(),
        name: "Région synthétique".into(),
    });
    for (code, label) in [
        ("ACCES", "Accès aux soins"),
        ("PDS", "Permanence des soins"),
        ("PREV", "Prévention"),
        ("ATTRACT", "Attractivité"),
    ] {
        doc.themes.push(Theme {
            code: code.into(),
            label: label.into(),
        });
    }
    doc.envelopes.push(Envelope {
        code: "ENV".into(),
        label: "Enveloppe".into(),
        amount: Some(Money::from_euros(1_000_000_000)),
    });
    let territories = 20;
    for t in 0..territories {
        let tc = format!("T{t:02}");
        doc.territories.push(Territory {
            code: tc.clone(),
            name: format!("Territoire {t:02}"),
            departments: vec![format!("{:02}", t + 1)],
        });
        for o in 0..10 {
            doc.organisations.push(Organisation {
                code: format!("O{t:02}-{o}"),
                name: format!("Organisation {o} du territoire {t:02}"),
                kind: Some(OrgKind::ALL[o % OrgKind::ALL.len()]),
                territory: Some(tc.clone()),
            });
            doc.people.push(Person {
                code: format!("P{t:02}-{o}"),
                name: format!("Personne {o} T{t:02}"),
                organisation: Some(format!("O{t:02}-{o}")),
                email: Some(format!("p{t}.{o}@example.org")),
                phone: None,
                login: Some(format!("p{t}{o}")),
            });
        }
    }
    for c in 0..20 {
        doc.catalogue.push(CatalogueItem {
            code: format!("CAT-{:02}", c + 1),
            title: format!("Action du catalogue {}", c + 1),
            theme: Some(doc.themes[c % 4].code.clone()),
            description: None,
        });
    }
    let per_plan = 100;
    let plans = actions.div_ceil(per_plan);
    let mut made = 0;
    for p in 0..plans {
        let t = p % territories;
        let mut plan = Plan {
            code: format!("PLAN-{p:04}"),
            territory: format!("T{t:02}"),
            kind: PlanKind::CtsRoadmap,
            title: format!("Feuille de route {p}"),
            status: Some(PlanStatus::InForce),
            start: NaiveDate::from_ymd_opt(2023, 7, 1),
            end: NaiveDate::from_ymd_opt(2027, 12, 31),
            signed_on: None,
            envelope: Some("ENV".into()),
            allocation: Some(Money::from_euros(2_000_000)),
            actions: vec![],
        };
        for a in 0..per_plan.min(actions - made) {
            made += 1;
            let start = today - chrono::Days::new(rng.below(600));
            // Due dates from 15 months ago to 20 months ahead. As in a real region,
            // most of what fell due is done: about a tenth of the actions are late.
            let past = rng.below(100) < 35;
            let due = if past {
                today - chrono::Days::new(rng.below(450))
            } else {
                today + chrono::Days::new(rng.below(600))
            };
            let due = due.max(start);
            let roll = rng.below(100);
            let status = if past {
                match roll {
                    0..65 => ActionStatus::Done,
                    65..72 => ActionStatus::Abandoned,
                    72..90 => ActionStatus::InProgress,
                    90..95 => ActionStatus::OnHold,
                    _ => ActionStatus::Todo,
                }
            } else {
                match roll {
                    0..10 => ActionStatus::Done,
                    10..65 => ActionStatus::InProgress,
                    65..90 => ActionStatus::Todo,
                    90..97 => ActionStatus::OnHold,
                    _ => ActionStatus::Abandoned,
                }
            };
            let done_on = (status == ActionStatus::Done).then_some(due.min(today));
            let o = rng.below(10);
            let planned = Money(rng.below(12_000_000) as i64 + 100_000);
            let committed = Money(planned.cents() * rng.below(100) as i64 / 100);
            let paid = Money(committed.cents() * rng.below(100) as i64 / 100);
            let at: DateTime<Utc> = start.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc();
            plan.actions.push(Action {
                code: format!("A{a:03}"),
                title: format!("Action {a} du plan {p} : prévention et accès aux soins"),
                catalogue: Some(format!("CAT-{:02}", a % 20 + 1)),
                theme: Some(doc.themes[a % 4].code.clone()),
                objective: Some("Améliorer l'accès aux soins de premier recours.".into()),
                status,
                progress: Some(match status {
                    ActionStatus::Done => 100,
                    ActionStatus::Todo => 0,
                    _ => rng.below(100) as u8,
                }),
                pilot: Some(Pilot {
                    organisation: format!("O{t:02}-{o}"),
                    person: Some(format!("P{t:02}-{o}")),
                }),
                partners: vec![Partner {
                    organisation: format!("O{t:02}-{}", (o + 1) % 10),
                    role: Some("partenaire".into()),
                }],
                start: Some(start),
                due: Some(due),
                done_on,
                milestones: vec![
                    Milestone {
                        title: "Lancement".into(),
                        due: start + chrono::Days::new(30),
                        done_on: Some(start + chrono::Days::new(30)),
                    },
                    Milestone {
                        title: "Bilan intermédiaire".into(),
                        due: start + chrono::Days::new(180),
                        done_on: (start + chrono::Days::new(180) < today && rng.below(10) < 8)
                            .then_some(start + chrono::Days::new(180)),
                    },
                ],
                weather: Some(Weather::ALL[rng.below(3) as usize]),
                budget: vec![BudgetLine {
                    source: FundingSource::Fir,
                    envelope: Some("ENV".into()),
                    funder: Some(format!("O{t:02}-0")),
                    year: Some(2025),
                    label: Some("Financement FIR".into()),
                    planned,
                    committed: Some(committed),
                    paid: Some(paid),
                }],
                indicators: vec![],
                journal: vec![JournalEntry {
                    at,
                    author: format!("p{t}{o}"),
                    text: "Réunion de lancement tenue.".into(),
                    kind: Default::default(),
                    meeting: None,
                }],
            });
        }
        doc.plans.push(plan);
    }
    doc
}
