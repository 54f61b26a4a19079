//! History benchmarks: listing and searching many session files.
//!
//! Writes N realistic sessions (voortgangsgesprek, 7 phases visited, notes
//! in every phase, milestones, chances and a few agreements, 9 in 10
//! finished) with leidraad's own serializer (`store::session_text`) into a
//! temporary folder on the data disk, then times, median of 7 runs:
//!
//! - `readdir+stat`: the floor (names and metadata only);
//! - `list, new store`: `SessionStore::open` + `list()`, as every start of
//!   the app and every `leidraad sessions` does (page cache warm);
//! - `list, cold-ish`: the same after evicting the files from the page cache
//!   (`posix_fadvise(DONTNEED)` on each file; dentries and inodes stay
//!   cached, so a real cold start is slower still);
//! - `list, same store`: a second `list()` on the same store (its in-memory
//!   cache of unchanged files: the in-app refresh);
//! - `search`: what `leidraad sessions --search` does: `list()` on a new
//!   store, then read every session file and lowercase-contains the needle;
//! - `raw search`: read every file and lowercase-contains, no parsing (the
//!   floor for a search).
//!
//! Run: `cargo bench --bench history` (1,000 sessions), add
//! `-- --sessions 10000` for the large mode (about a minute to write).
//! Fixtures only: `cargo bench --bench history -- --write DIR N` writes N
//! sessions into DIR and exits (used by `scripts/perf/startup.sh`).
//! Under `cargo test` (no `--bench` argument) it runs once on 20 sessions.

use std::fs::File;
use std::hint::black_box;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta};
use leidraad::catalog::Catalog;
use leidraad::session::{Session, Timestamp};
use leidraad::store::names::session_file_name;
use leidraad::store::{Listed, SessionStore, session_text};

/// The word the search looks for; in 1 of every 100 sessions.
const NEEDLE: &str = "Zeldzaam";
const RUNS: usize = 7;

const SCHOOLS: [&str; 12] = [
    "De Regenboog",
    "Het Kompas",
    "Sint Jozef",
    "De Vlinder",
    "Basisschool 't Palet",
    "De Wilgen",
    "Montessorischool Oost",
    "De Zonnebloem",
    "Het Startpunt",
    "Kindcentrum De Linde",
    "De Fontein",
    "Obs Ĳsselstein",
];

const SENTENCES: [&str; 8] = [
    "De school wil de leerlingen meer eigenaarschap geven over hun culturele ontwikkeling.",
    "Het kernteam heeft dit jaar drie pilots gedraaid, waarvan twee met een externe partner.",
    "Leerlingen gaven aan dat ze vaker zelf willen kiezen welke discipline ze verdiepen.",
    "De docent van buiten het kernteam merkte op dat de planning nog erg strak is.",
    "Er is behoefte aan meer tijd voor reflectie na elke activiteit, ook met de ouders.",
    "De directeur ziet cultuureducatie als een vast onderdeel van het schoolplan.",
    "Muziek en beeldend lopen goed; drama en erfgoed krijgen nog weinig aandacht.",
    "Het ideaalplaatje is bijgesteld: minder projecten, meer doorgaande lijn.",
];

unsafe extern "C" {
    fn posix_fadvise(fd: i32, offset: i64, len: i64, advice: i32) -> i32;
    fn sync();
}
const POSIX_FADV_DONTNEED: i32 = 4;

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("valid timestamp")
}

fn prose(seed: usize, sentences: usize) -> String {
    let mut out = String::new();
    for k in 0..sentences {
        out.push_str(SENTENCES[(seed * 7 + k * 3) % SENTENCES.len()]);
        out.push(if k % 3 == 2 { '\n' } else { ' ' });
    }
    out.trim_end().to_string()
}

/// Session number `i`: two hours before session `i - 1`, with notes in all
/// seven phases and a few list items.
fn session(guide: &leidraad::guide::Conversation, i: usize) -> Session {
    let created = t0() - TimeDelta::hours(2 * i as i64);
    let school = SCHOOLS[i % SCHOOLS.len()];
    let mut s = Session::new(guide, created);
    s.set_field("school", &format!("{school} {}", i / SCHOOLS.len()))
        .expect("school field");
    s.set_field(
        "deelnemers",
        "directeur\ncultuurcoördinator\ntwee leerlingen",
    )
    .expect("deelnemers field");
    s.set_field("begeleider", "Anne de Vries")
        .expect("begeleider field");
    s.client = s.client_value().trim().to_string();
    let mut now = created + TimeDelta::minutes(5);
    s.start(now);
    for p in 0..s.phases.len() {
        if p > 0 {
            s.go_to(p, now);
        }
        let mut notes = prose(i + p, 3 + (i + p) % 6);
        if p == 4 && i.is_multiple_of(100) {
            notes.push_str(" Een zeldzaam woord in deze notities.");
        }
        s.phases[p].notes = notes;
        if (i + p).is_multiple_of(3) {
            s.phases[p].private_notes = prose(i + p + 1, 2);
        }
        now += TimeDelta::minutes(12);
    }
    for k in 0..2 {
        let _ = s.add_item(
            2,
            "mijlpalen",
            vec![format!("Mijlpaal {k}"), "kernteam".into()],
        );
        let _ = s.add_item(
            3,
            "kansen",
            vec![format!("Kans {k}: samenwerken met de bibliotheek")],
        );
    }
    for k in 0..(2 + i % 3) {
        let _ = s.add_item(
            5,
            "afspraken",
            vec![
                format!("Afspraak {k}: overzicht leerlijn maken"),
                "cultuurcoördinator".into(),
                "voor de kerstvakantie".into(),
                "in het volgende kernteamoverleg".into(),
            ],
        );
    }
    if !i.is_multiple_of(10) {
        s.finish(now);
    } else {
        s.leave(now);
    }
    s.mark_saved(now);
    s
}

/// Write `n` sessions into `dir` with leidraad's serializer; returns the
/// total bytes written.
fn write_fixtures(dir: &Path, n: usize) -> u64 {
    std::fs::create_dir_all(dir).expect("fixture folder");
    let catalog = Catalog::bundled();
    let guide = catalog
        .conversation("voortgangsgesprek")
        .expect("bundled voortgangsgesprek");
    let mut total = 0;
    for i in 0..n {
        let s = session(guide, i);
        let text = session_text(&s).expect("serializes");
        total += text.len() as u64;
        std::fs::write(dir.join(session_file_name(&s)), text).expect("fixture write");
    }
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { sync() };
    total
}

/// Drop the folder's files from the page cache (they are clean after sync).
fn evict(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        if let Ok(f) = File::open(entry.path()) {
            // SAFETY: a valid open fd; the call only advises the kernel.
            unsafe { posix_fadvise(f.as_raw_fd(), 0, 0, POSIX_FADV_DONTNEED) };
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time_runs(runs: usize, mut before: impl FnMut(), mut f: impl FnMut()) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        before();
        let start = Instant::now();
        f();
        times.push(start.elapsed());
    }
    median(times)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn search(store: &SessionStore, needle: &str) -> usize {
    let needle = needle.to_lowercase();
    store
        .list()
        .expect("list")
        .into_iter()
        .filter(|l| match l {
            Listed::Session(h) => std::fs::read_to_string(&h.path)
                .unwrap_or_default()
                .to_lowercase()
                .contains(&needle),
            Listed::Damaged(_) => false,
        })
        .count()
}

fn raw_search(dir: &Path, needle: &str) -> usize {
    let needle = needle.to_lowercase();
    let mut hits = 0;
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if text.to_lowercase().contains(&needle) {
            hits += 1;
        }
    }
    hits
}

fn bench(n: usize, runs: usize) {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(&base).expect("target tmp");
    let tmp = tempfile::tempdir_in(&base).expect("tempdir");
    let dir = tmp.path().join("sessions");
    let start = Instant::now();
    let bytes = write_fixtures(&dir, n);
    println!(
        "{n} sessions, {:.1} KB each on average, written in {:.1} s (in {})",
        bytes as f64 / n as f64 / 1024.0,
        start.elapsed().as_secs_f64(),
        base.display()
    );
    let listed = SessionStore::open(&dir)
        .expect("store")
        .list()
        .expect("list");
    assert_eq!(listed.len(), n, "every fixture lists");
    let noop = || {};
    let floor = time_runs(runs, noop, || {
        for e in std::fs::read_dir(&dir).expect("read_dir").flatten() {
            black_box(e.metadata().ok());
        }
    });
    let list_new = time_runs(runs, noop, || {
        let store = SessionStore::open(&dir).expect("store");
        black_box(store.list().expect("list"));
    });
    let list_cold = time_runs(
        runs.min(3),
        || evict(&dir),
        || {
            let store = SessionStore::open(&dir).expect("store");
            black_box(store.list().expect("list"));
        },
    );
    let store = SessionStore::open(&dir).expect("store");
    store.list().expect("list");
    let list_same = time_runs(runs, noop, || {
        black_box(store.list().expect("list"));
    });
    let mut hits = 0;
    let search_warm = time_runs(runs, noop, || {
        let store = SessionStore::open(&dir).expect("store");
        hits = search(&store, NEEDLE);
    });
    let search_cold = time_runs(
        runs.min(3),
        || evict(&dir),
        || {
            let store = SessionStore::open(&dir).expect("store");
            black_box(search(&store, NEEDLE));
        },
    );
    // A full parse of every file, texts in memory: what list() would cost
    // without its header fast path (and what a parsed search costs).
    let texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("read_dir")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .collect();
    let parse_full = time_runs(runs.min(3), noop, || {
        for t in &texts {
            black_box(Session::from_toml(t).is_ok());
        }
    });
    let mut raw_hits = 0;
    let raw = time_runs(runs, noop, || raw_hits = raw_search(&dir, NEEDLE));
    assert_eq!(hits, raw_hits, "search and raw search agree");
    println!("| {n} sessions | median of {runs} |");
    println!("|---|---|");
    println!("| readdir+stat (floor) | {} |", ms(floor));
    println!("| list, new store (warm page cache) | {} |", ms(list_new));
    println!(
        "| list, new store, cold-ish (fadvise) | {} |",
        ms(list_cold)
    );
    println!("| list, same store (in-memory cache) | {} |", ms(list_same));
    println!(
        "| search {NEEDLE:?}, new store, {hits} hits | {} |",
        ms(search_warm)
    );
    println!("| search, cold-ish | {} |", ms(search_cold));
    println!("| raw search, no parse (floor) | {} |", ms(raw));
    println!(
        "| full parse of every file (Session::from_toml, texts in memory) | {} |",
        ms(parse_full)
    );
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--write") {
        let dir = PathBuf::from(args.get(at + 1).expect("--write DIR N"));
        let n: usize = args
            .get(at + 2)
            .and_then(|a| a.parse().ok())
            .expect("--write DIR N");
        let bytes = write_fixtures(&dir, n);
        println!("wrote {n} sessions ({bytes} bytes) into {}", dir.display());
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        bench(20, 1);
        return;
    }
    let sizes: Vec<usize> = match args.iter().position(|a| a == "--sessions") {
        Some(at) => args[at + 1..]
            .iter()
            .map_while(|a| a.parse().ok())
            .collect(),
        None => vec![1000],
    };
    for n in sizes {
        bench(n, RUNS);
    }
}
