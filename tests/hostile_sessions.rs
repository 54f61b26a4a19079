//! Hostile session files (issue 15 point 1): structurally valid session
//! files with arbitrary embedded guides, drafts and values, as a hand, a
//! tool or a sync client could leave them. Each is written to a data
//! folder and loaded through the store; a session that loads is driven
//! through the app model (resumed and viewed, random keys over every
//! screen, the summary) and its report is built in every format.
//!
//! Property: nothing panics, and a file the store refuses is left as it
//! was.
//!
//! `LEIDRAAD_FUZZ_CASES=N` raises the number of cases for long runs.

mod ui_support;

use chrono::{DateTime, FixedOffset, TimeDelta};
use leidraad::catalog::Catalog;
use leidraad::guide::{Conversation, FieldKind, List, Rating, Reminder, ReminderAt};
use leidraad::i18n::Lang;
use leidraad::report::{ReportOptions, build};
use leidraad::session::{CarriedItem, Correction, Interval, Item, ItemDraft, Session, Status};
use leidraad::store::SessionStore;
use leidraad::tui::app::{App, Msg};
use leidraad::tui::screens;
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ui_support::t0;

/// Cases: `LEIDRAAD_FUZZ_CASES` or a modest default (the suite runs on two
/// cores in CI).
fn config() -> ProptestConfig {
    let cases = std::env::var("LEIDRAAD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    ProptestConfig {
        cases,
        max_shrink_iters: 500,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Values

/// Numbers around every edge a budget, a count or an index can have.
fn edge_u32() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => select(vec![0u32, 1, 2, 6, 7, 59, 60, 600, 601, 1440, 65_535, u32::MAX - 1, u32::MAX]),
        1 => any::<u32>(),
    ]
}

fn edge_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => select(vec![
            0i64, 1, -1, 60, -60, 3_600, -3_600, 86_400 * 365, -86_400 * 365,
            i64::from(u32::MAX), i64::MAX / 2, i64::MIN / 2, i64::MAX, i64::MIN,
        ]),
        1 => any::<i64>(),
    ]
}

fn edge_usize() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => select(vec![0usize, 1, 2, 3, 5, 9, 64, usize::MAX]),
        1 => any::<usize>(),
    ]
}

/// A short text, sometimes empty, with odd characters.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ]{0,12}",
        1 => select(vec![
            "", " ", "\n", "\t", "\r\n", "\u{1b}[2J", "\u{1b}]0;x\u{7}", "e\u{308}", "🧑‍🏫",
            "\u{202e}", "中文字", "\u{0}", "ja", "nee", "today",
        ])
        .prop_map(String::from),
    ]
}

/// A moment within about a thousand years of `t0` (TOML holds years 0 to
/// 9999), mostly close to it.
fn moment() -> impl Strategy<Value = DateTime<FixedOffset>> {
    prop_oneof![
        4 => -7_200i64..=36_000,
        1 => -30_000_000_000i64..=30_000_000_000,
    ]
    .prop_map(|secs| t0() + TimeDelta::seconds(secs))
}

fn words(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(word(), 0..=max)
}

// ---------------------------------------------------------------------------
// Edits to a real session

/// One change to the embedded guide.
#[derive(Debug, Clone)]
enum GuideEdit {
    Columns(usize, Vec<String>),
    PhaseMinutes(usize, u32),
    Minutes(u32),
    Scale(usize, Vec<String>),
    RatingItems(usize, Vec<String>),
    Bounds(usize, Option<u32>, Option<u32>),
    Reminder(bool, u32),
    Optional(usize, bool),
    Revisit(usize, String),
    FieldKind(usize, u8, Vec<String>),
    Preparation(Vec<String>),
    NoPhases,
}

fn guide_edit() -> impl Strategy<Value = GuideEdit> {
    let i = || 0usize..16;
    prop_oneof![
        (i(), words(8)).prop_map(|(l, c)| GuideEdit::Columns(l, c)),
        (i(), edge_u32()).prop_map(|(p, m)| GuideEdit::PhaseMinutes(p, m)),
        edge_u32().prop_map(GuideEdit::Minutes),
        (i(), words(9)).prop_map(|(r, s)| GuideEdit::Scale(r, s)),
        (i(), words(6)).prop_map(|(r, s)| GuideEdit::RatingItems(r, s)),
        (
            i(),
            prop::option::of(edge_u32()),
            prop::option::of(edge_u32())
        )
            .prop_map(|(l, a, b)| GuideEdit::Bounds(l, a, b)),
        (any::<bool>(), edge_u32()).prop_map(|(b, m)| GuideEdit::Reminder(b, m)),
        (i(), any::<bool>()).prop_map(|(p, o)| GuideEdit::Optional(p, o)),
        (i(), word()).prop_map(|(p, r)| GuideEdit::Revisit(p, r)),
        (i(), 0u8..6, words(4)).prop_map(|(f, k, c)| GuideEdit::FieldKind(f, k, c)),
        words(4).prop_map(GuideEdit::Preparation),
        Just(GuideEdit::NoPhases),
    ]
}

/// One change to what the session holds.
#[derive(Debug, Clone)]
enum SessionEdit {
    Correction(usize, i64),
    Visit(usize, DateTime<FixedOffset>, Option<DateTime<FixedOffset>>),
    Pause(DateTime<FixedOffset>, Option<DateTime<FixedOffset>>),
    AgreedEnd(Option<DateTime<FixedOffset>>),
    Current(usize),
    Finished(Option<DateTime<FixedOffset>>),
    Started(Option<DateTime<FixedOffset>>),
    Saved(Option<DateTime<FixedOffset>>),
    Asked(usize, usize),
    Item(usize, usize, Vec<String>, bool),
    Rating(usize, usize, Vec<String>),
    /// A draft for the `n`th list (in another phase when the second is
    /// set), editing an item or not.
    Draft(usize, Option<usize>, Option<usize>, Vec<String>),
    Checklist(Vec<bool>),
    RemindersShown(Vec<usize>),
    Carried(Vec<String>, Vec<String>, bool, bool),
    Field(usize, String),
    Notes(usize, String),
    Skipped(usize, bool),
}

fn session_edit() -> impl Strategy<Value = SessionEdit> {
    let i = || 0usize..16;
    prop_oneof![
        3 => (i(), edge_i64()).prop_map(|(p, s)| SessionEdit::Correction(p, s)),
        3 => (i(), moment(), prop::option::of(moment()))
            .prop_map(|(p, s, e)| SessionEdit::Visit(p, s, e)),
        1 => (moment(), prop::option::of(moment())).prop_map(|(s, e)| SessionEdit::Pause(s, e)),
        2 => prop::option::of(moment()).prop_map(SessionEdit::AgreedEnd),
        1 => edge_usize().prop_map(SessionEdit::Current),
        1 => prop::option::of(moment()).prop_map(SessionEdit::Finished),
        1 => prop::option::of(moment()).prop_map(SessionEdit::Started),
        1 => prop::option::of(moment()).prop_map(SessionEdit::Saved),
        1 => (i(), edge_usize()).prop_map(|(p, q)| SessionEdit::Asked(p, q)),
        3 => (i(), i(), words(8), any::<bool>())
            .prop_map(|(p, l, v, d)| SessionEdit::Item(p, l, v, d)),
        2 => (i(), i(), words(8)).prop_map(|(p, r, v)| SessionEdit::Rating(p, r, v)),
        4 => (i(), prop::option::of(edge_usize()), prop::option::of(edge_usize()), words(8))
            .prop_map(|(p, l, e, v)| SessionEdit::Draft(p, l, e, v)),
        1 => prop::collection::vec(any::<bool>(), 0..12).prop_map(SessionEdit::Checklist),
        1 => prop::collection::vec(edge_usize(), 0..4).prop_map(SessionEdit::RemindersShown),
        1 => (words(6), words(6), any::<bool>(), any::<bool>())
            .prop_map(|(c, v, d, x)| SessionEdit::Carried(c, v, d, x)),
        1 => (i(), word()).prop_map(|(f, v)| SessionEdit::Field(f, v)),
        1 => (i(), word()).prop_map(|(p, n)| SessionEdit::Notes(p, n)),
        1 => (i(), any::<bool>()).prop_map(|(p, s)| SessionEdit::Skipped(p, s)),
    ]
}

fn pick<T>(items: &mut [T], i: usize) -> Option<&mut T> {
    let n = items.len();
    if n == 0 { None } else { items.get_mut(i % n) }
}

/// The `n`th list of the guide, counting over all phases (modulo their
/// number).
fn nth_list(g: &mut Conversation, n: usize) -> Option<&mut List> {
    let mut all: Vec<&mut List> = g
        .phases
        .iter_mut()
        .flat_map(|p| p.lists.iter_mut())
        .collect();
    let len = all.len();
    (len > 0).then(|| all.swap_remove(n % len))
}

/// The `n`th rating of the guide, counting over all phases.
fn nth_rating(g: &mut Conversation, n: usize) -> Option<&mut Rating> {
    let mut all: Vec<&mut Rating> = g
        .phases
        .iter_mut()
        .flat_map(|p| p.ratings.iter_mut())
        .collect();
    let len = all.len();
    (len > 0).then(|| all.swap_remove(n % len))
}

/// The phase and id of the `n`th list of the guide.
fn list_at(g: &Conversation, n: usize) -> Option<(usize, String)> {
    let all: Vec<(usize, String)> = g
        .phases
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.lists.iter().map(move |l| (i, l.id.clone())))
        .collect();
    (!all.is_empty()).then(|| all[n % all.len()].clone())
}

fn edit_guide(g: &mut Conversation, edit: &GuideEdit) {
    let kinds = [
        FieldKind::Text,
        FieldKind::Longtext,
        FieldKind::Date,
        FieldKind::Choice,
        FieldKind::List,
        FieldKind::Yesno,
    ];
    match edit {
        GuideEdit::Columns(l, c) => {
            if let Some(list) = nth_list(g, *l) {
                list.columns = c.clone();
            }
        }
        GuideEdit::PhaseMinutes(p, m) => {
            if let Some(phase) = pick(&mut g.phases, *p) {
                phase.minutes = *m;
            }
        }
        GuideEdit::Minutes(m) => g.minutes = *m,
        GuideEdit::Scale(r, s) => {
            if let Some(r) = nth_rating(g, *r) {
                r.scale = s.clone();
            }
        }
        GuideEdit::RatingItems(r, s) => {
            if let Some(r) = nth_rating(g, *r) {
                r.items = s.clone();
            }
        }
        GuideEdit::Bounds(l, min, max) => {
            if let Some(list) = nth_list(g, *l) {
                list.min = *min;
                list.max = *max;
            }
        }
        GuideEdit::Reminder(before, m) => g.reminders.push(Reminder {
            at: if *before {
                ReminderAt::MinutesBeforeEnd(*m)
            } else {
                ReminderAt::MinutesAfterStart(*m)
            },
            text: "herinnering".into(),
        }),
        GuideEdit::Optional(p, o) => {
            if let Some(phase) = pick(&mut g.phases, *p) {
                phase.optional = *o;
            }
        }
        GuideEdit::Revisit(p, r) => {
            if let Some(phase) = pick(&mut g.phases, *p) {
                phase.revisit = Some(r.clone());
            }
        }
        GuideEdit::FieldKind(f, k, c) => {
            if let Some(field) = pick(&mut g.fields, *f) {
                field.kind = kinds[usize::from(*k) % kinds.len()];
                field.choices = c.clone();
            }
        }
        GuideEdit::Preparation(p) => g.preparation = p.clone(),
        GuideEdit::NoPhases => g.phases.clear(),
    }
}

fn edit_session(s: &mut Session, edit: &SessionEdit) {
    let n = s.phases.len().max(1);
    match edit {
        SessionEdit::Correction(p, seconds) => {
            if let Some(r) = pick(&mut s.phases, *p) {
                r.corrections.push(Correction {
                    at: t0(),
                    seconds: *seconds,
                });
            }
        }
        SessionEdit::Visit(p, start, end) => {
            if let Some(r) = pick(&mut s.phases, *p) {
                r.visits.push(Interval {
                    start: *start,
                    end: *end,
                });
            }
        }
        SessionEdit::Pause(start, end) => s.pauses.push(Interval {
            start: *start,
            end: *end,
        }),
        SessionEdit::AgreedEnd(end) => s.agreed_end = *end,
        SessionEdit::Current(c) => s.current = *c,
        SessionEdit::Finished(f) => {
            s.finished = *f;
            s.status = if f.is_some() {
                Status::Finished
            } else {
                Status::InProgress
            };
        }
        SessionEdit::Started(t) => s.started = *t,
        SessionEdit::Saved(t) => s.saved = *t,
        SessionEdit::Asked(p, q) => {
            if let Some(r) = pick(&mut s.phases, *p) {
                r.asked.push(*q);
            }
        }
        SessionEdit::Item(l, other, values, done) => {
            // Mostly into a list of the guide, in its phase; otherwise a
            // list the phase does not have.
            let (p, id) = match list_at(&s.guide, *l) {
                Some((p, id)) if *other % 4 != 0 => (p, id),
                _ => (*other, "onbekend".to_string()),
            };
            if let Some(r) = pick(&mut s.phases, p) {
                r.lists.entry(id).or_default().push(Item {
                    values: values.clone(),
                    done: *done,
                });
            }
        }
        SessionEdit::Rating(p, r, values) => {
            let id = s
                .guide
                .phases
                .get(p % n)
                .and_then(|ph| {
                    (!ph.ratings.is_empty()).then(|| ph.ratings[r % ph.ratings.len()].id.clone())
                })
                .unwrap_or_else(|| "onbekend".into());
            if let Some(rec) = pick(&mut s.phases, *p) {
                rec.ratings.insert(id, values.clone());
            }
        }
        SessionEdit::Draft(l, phase, editing, values) => {
            let (p, list) = list_at(&s.guide, *l).unwrap_or((0, "onbekend".into()));
            s.draft = Some(ItemDraft {
                phase: phase.unwrap_or(p),
                list,
                editing: *editing,
                values: values.clone(),
            });
        }
        SessionEdit::Checklist(c) => s.checklist = c.clone(),
        SessionEdit::RemindersShown(r) => s.reminders_shown = r.clone(),
        SessionEdit::Carried(columns, values, done, dropped) => s.carried.push(CarriedItem {
            from_session: "2026-01-01-0900-x-voortgangsgesprek".into(),
            list: "afspraken".into(),
            label: "Afspraken".into(),
            columns: columns.clone(),
            item: Item {
                values: values.clone(),
                done: *done,
            },
            done: *done,
            dropped: *dropped,
            from_title: String::new(),
            from_date: None,
        }),
        SessionEdit::Field(f, v) => {
            let ids: Vec<String> = s.guide.fields.iter().map(|f| f.id.clone()).collect();
            let id = if ids.is_empty() {
                "onbekend".to_string()
            } else {
                ids[f % ids.len()].clone()
            };
            s.fields.insert(id, v.clone());
        }
        SessionEdit::Notes(p, text) => {
            if let Some(r) = pick(&mut s.phases, *p) {
                r.notes = text.clone();
                r.private_notes = text.clone();
            }
        }
        SessionEdit::Skipped(p, skipped) => {
            if let Some(r) = pick(&mut s.phases, *p) {
                r.skipped = *skipped;
            }
        }
    }
}

/// A bundled conversation guide's session, started, then edited.
fn hostile_session(guide: usize, guide_edits: &[GuideEdit], edits: &[SessionEdit]) -> Session {
    let catalog = Catalog::bundled();
    let guides: Vec<&Conversation> = catalog
        .guides
        .iter()
        .filter_map(|g| g.guide.as_conversation())
        .collect();
    let mut g = guides[guide % guides.len()].clone();
    let mut s = Session::new(&g, t0());
    s.start(t0());
    for e in guide_edits {
        edit_guide(&mut g, e);
    }
    // The phase records follow the edited guide (a file whose records do
    // not match is refused before the guide rules are even looked at).
    s.phases.resize_with(g.phases.len(), Default::default);
    for (r, p) in s.phases.iter_mut().zip(&g.phases) {
        r.id = p.id.clone();
    }
    s.guide = g;
    for e in edits {
        edit_session(&mut s, e);
    }
    s
}

// ---------------------------------------------------------------------------
// Driving

fn app_key() -> impl Strategy<Value = KeyEvent> {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let codes = vec![
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ];
    let chars: Vec<char> = "npadytsfq?+-=ioxejEkr 0123456789".chars().collect();
    prop_oneof![
        3 => select(codes).prop_map(key),
        4 => select(chars).prop_map(move |c| key(KeyCode::Char(c))),
        1 => Just(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    ]
}

fn render(app: &App, (w, h): (u16, u16), now: DateTime<FixedOffset>) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| screens::render(app, f, now))
        .expect("drawing never fails on a TestBackend");
}

/// Feed the keys, a tick and a render after each; then the summary (`s`,
/// then finishing) and home.
fn drive(mut app: App, keys: &[(KeyEvent, u8)], size: (u16, u16), mut now: DateTime<FixedOffset>) {
    render(&app, size, now);
    for (k, wait) in keys {
        app.update(Msg::Key(*k), now);
        now += TimeDelta::seconds(i64::from(*wait) * 37);
        app.update(Msg::Tick, now);
        render(&app, size, now);
    }
    for tail in ["<esc>s", "<esc>fy", "<esc>fj", "<pgdn><pgdn><enter>"] {
        ui_support::keys(&mut app, tail, now);
        render(&app, size, now);
        render(&app, (80, 24), now);
    }
}

fn run(
    guide: usize,
    guide_edits: &[GuideEdit],
    edits: &[SessionEdit],
    keys: &[(KeyEvent, u8)],
    size: (u16, u16),
    lang: Lang,
    late: i64,
) -> Result<(), TestCaseError> {
    let session = hostile_session(guide, guide_edits, edits);
    let Ok(text) = leidraad::store::session_text(&session) else {
        return Ok(());
    };
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let path = dir.path().join("2026-11-23-0900-hostile.toml");
    std::fs::write(&path, &text).unwrap();
    let _ = store.list();
    let loaded = match store.load(&path) {
        Ok(s) => s,
        Err(_) => {
            prop_assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                text,
                "refused, untouched"
            );
            return Ok(());
        }
    };
    let now = t0() + TimeDelta::seconds(late);
    for options in [ReportOptions::school(), ReportOptions::complete()] {
        let doc = build(&loaded, lang.texts(), &options);
        let _ = doc.markdown();
        let _ = doc.plain();
        let _ = doc.docx();
    }
    let mut resumed = ui_support::app(lang);
    resumed.update(
        Msg::Resumed {
            session: Box::new(loaded.clone()),
            file_name: "2026-11-23-0900-hostile.toml".into(),
        },
        now,
    );
    drive(resumed, keys, size, now);
    let mut viewed = ui_support::app(lang);
    viewed.update(
        Msg::Viewing {
            session: Box::new(loaded),
            path: path.clone(),
            file_name: "2026-11-23-0900-hostile.toml".into(),
            locked: false,
        },
        now,
    );
    drive(viewed, keys, size, now);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hostile_session_files_never_panic(
        guide in 0usize..8,
        guide_edits in prop::collection::vec(guide_edit(), 0..3),
        edits in prop::collection::vec(session_edit(), 0..12),
        keys in prop::collection::vec((app_key(), 0u8..3), 0..30),
        size in prop_oneof![3 => Just((80u16, 24u16)), 1 => (1u16..=200, 1u16..=60)],
        lang in select(vec![Lang::Nl, Lang::En]),
        late in prop_oneof![3 => 0i64..7_200, 1 => -40_000_000_000i64..40_000_000_000],
    ) {
        run(guide, &guide_edits, &edits, &keys, size, lang, late)?;
    }
}
