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
//! `-- --sessions 10000` for the large mode (about a minute to write), and
//! `--index-only` to leave out the folder scans (minutes at 10,000).
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
use leidraad::store::{INDEX_NAME, Listed, SessionQuery, SessionStore, session_text};

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

const SENTENCES: [&str; 10] = [
    "De school wil de leerlingen meer eigenaarschap geven over hun culturele ontwikkeling.",
    "Het kernteam heeft dit jaar drie pilots gedraaid, waarvan twee met een externe partner.",
    "Leerlingen gaven aan dat ze vaker zelf willen kiezen welke discipline ze verdiepen.",
    "De docent van buiten het kernteam merkte op dat de planning nog erg strak is.",
    "Er is behoefte aan meer tijd voor reflectie na elke activiteit, ook met de ouders.",
    "De directeur ziet cultuureducatie als een vast onderdeel van het schoolplan.",
    "Muziek en beeldend lopen goed; drama en erfgoed krijgen nog weinig aandacht.",
    "Het ideaalplaatje is bijgesteld: minder projecten, meer doorgaande lijn.",
    "Er zijn veel ideeën, maar nog geen één plan; de coördinator is geïnteresseerd.",
    "De reële ambitie: elk jaar één discipline verdiepen, met een café voor ouders.",
];

const ITEMS: [&str; 6] = [
    "overzicht leerlijn maken",
    "ideeën van leerlingen verzamelen",
    "één keer per maand kernteamoverleg",
    "samenwerken met de bibliotheek",
    "reële planning voor het voorjaar",
    "coördinatie met de naschoolse opvang",
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

/// Session number `i`: two hours before session `i - 1`, held with
/// `guide`: notes in every phase, a private note in every third, two or
/// three items in every list (all columns), every rating rated.
fn session(guide: &leidraad::guide::Conversation, i: usize) -> Session {
    let created = t0() - TimeDelta::hours(2 * i as i64);
    let school = SCHOOLS[i % SCHOOLS.len()];
    let mut s = Session::new(guide, created);
    for field in &guide.fields {
        let value = match field.id.as_str() {
            "school" => format!("{school} {}", i / SCHOOLS.len()),
            "deelnemers" | "gesprekspartners" => {
                "directeur\ncultuurcoördinator\ntwee leerlingen".to_string()
            }
            "begeleider" | "schoolbegeleider" => "Anne de Vries".to_string(),
            _ => continue,
        };
        let _ = s.set_field(&field.id, &value);
    }
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
        fill_lists_and_ratings(&mut s, guide, p, i);
        now += TimeDelta::minutes(12);
    }
    if !i.is_multiple_of(10) {
        s.finish(now);
    } else {
        s.leave(now);
    }
    s.mark_saved(now);
    s
}

fn fill_lists_and_ratings(
    s: &mut Session,
    guide: &leidraad::guide::Conversation,
    p: usize,
    i: usize,
) {
    let phase = &guide.phases[p];
    for list in &phase.lists {
        for k in 0..(2 + (i + p) % 2) {
            let values = list
                .columns
                .iter()
                .enumerate()
                .map(|(c, col)| match c {
                    0 => format!("{} {k}: {}", list.label, ITEMS[(i + k + p) % ITEMS.len()]),
                    _ => format!("{col}: {}", ITEMS[(i + k + c) % ITEMS.len()]),
                })
                .collect();
            let _ = s.add_item(p, &list.id, values);
        }
    }
    for rating in &phase.ratings {
        for item in 0..rating.items.len() {
            let _ = s.set_rating(p, &rating.id, item, Some((i + item) % rating.scale.len()));
        }
    }
}

/// Write `n` sessions into `dir` with leidraad's serializer; returns the
/// total bytes written.
fn write_fixtures(dir: &Path, n: usize) -> u64 {
    std::fs::create_dir_all(dir).expect("fixture folder");
    let catalog = Catalog::bundled();
    let voortgang = catalog
        .conversation("voortgangsgesprek")
        .expect("bundled voortgangsgesprek");
    let ambitie = catalog
        .conversation("ambitiegesprek")
        .expect("bundled ambitiegesprek");
    let mut total = 0;
    for i in 0..n {
        // One in five an ambitiegesprek (with its ratings).
        let guide = if i % 5 == 3 { ambitie } else { voortgang };
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

fn bench(n: usize, runs: usize, index_only: bool) {
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
    if index_only {
        bench_index(&dir, n, runs);
        return;
    }
    let listed = SessionStore::open_without_index(&dir)
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
        let store = SessionStore::open_without_index(&dir).expect("store");
        black_box(store.list().expect("list"));
    });
    let list_cold = time_runs(
        runs.min(3),
        || evict(&dir),
        || {
            let store = SessionStore::open_without_index(&dir).expect("store");
            black_box(store.list().expect("list"));
        },
    );
    let store = SessionStore::open_without_index(&dir).expect("store");
    store.list().expect("list");
    let list_same = time_runs(runs, noop, || {
        black_box(store.list().expect("list"));
    });
    let mut hits = 0;
    let search_warm = time_runs(runs, noop, || {
        let store = SessionStore::open_without_index(&dir).expect("store");
        hits = search(&store, NEEDLE);
    });
    let search_cold = time_runs(
        runs.min(3),
        || evict(&dir),
        || {
            let store = SessionStore::open_without_index(&dir).expect("store");
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
    println!("| {n} sessions, folder scan (no index) | median of {runs} |");
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
    bench_index(&dir, n, runs);
}

/// How many hits the history asks for first.
const FIRST: usize = 50;

/// The words a consultant types, one search per keystroke.
const TYPED: [&str; 3] = ["kernteam", "zeldzaam", "ideeen"];

/// Queries of several words (each must occur somewhere in the session; a
/// quoted part is one phrase): a rare word with a school, two frequent
/// words, a school with a short word, a quoted phrase.
const SEVERAL: [&str; 5] = [
    "zeldzaam vlinder",
    "kernteam ideeen",
    "vlinder de",
    "de zeldzaam",
    "\"het kernteam\"",
];

/// The history index: built once, then every query as the history and
/// `leidraad sessions` ask it.
fn bench_index(dir: &Path, n: usize, runs: usize) {
    let remove_index = || {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("{INDEX_NAME}{suffix}")));
        }
    };
    let build = time_runs(runs.min(3), remove_index, || {
        let store = SessionStore::open(dir).expect("store");
        black_box(store.list().expect("list"));
    });
    // Past the 2 s in which a file just read is read again.
    std::thread::sleep(Duration::from_secs(3));
    let size: u64 = std::fs::read_dir(dir)
        .expect("read_dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(INDEX_NAME))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let noop = || {};
    let list_new = time_runs(runs, noop, || {
        let store = SessionStore::open(dir).expect("store");
        black_box(store.list().expect("list"));
    });
    let store = SessionStore::open(dir).expect("store");
    let all = SessionQuery::all();
    let list_same = time_runs(runs, noop, || {
        black_box(store.list().expect("list"));
    });
    let peek = time_runs(runs, noop, || {
        black_box(store.find_indexed(&all).expect("find_indexed"));
    });
    let needle = SessionQuery::all().with_text(NEEDLE);
    let mut found = 0;
    let cli_search = time_runs(runs, noop, || {
        let store = SessionStore::open(dir).expect("store");
        found = store.find(&needle).expect("find").len();
    });
    assert_eq!(found, n.div_ceil(100), "one in a hundred mentions {NEEDLE}");
    let grep = time_runs(runs, noop, || {
        let out = std::process::Command::new("grep")
            .args(["-ril", NEEDLE])
            .arg(dir)
            .output()
            .expect("grep");
        black_box(out.stdout.len());
    });
    let touched = dir.join(
        std::fs::read_dir(dir)
            .expect("read_dir")
            .flatten()
            .map(|e| e.file_name())
            .find(|n| n.to_string_lossy().ends_with(".toml"))
            .expect("a session file"),
    );
    let one_changed = time_runs(
        runs,
        || {
            let f = File::options().write(true).open(&touched).expect("open");
            let _ = f.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600));
        },
        || {
            black_box(store.list().expect("list"));
        },
    );
    println!("| {n} sessions, history index | median of {runs} |");
    println!("|---|---|");
    println!("| first query, index built from nothing | {} |", ms(build));
    println!("| index on disk | {:.1} MB |", size as f64 / 1e6);
    println!(
        "| list, new store (`leidraad sessions`) | {} |",
        ms(list_new)
    );
    println!(
        "| list, same store (the history's first screen) | {} |",
        ms(list_same)
    );
    println!("| list after one file changed | {} |", ms(one_changed));
    println!(
        "| find_indexed (what the index has, no file read) | {} |",
        ms(peek)
    );
    println!(
        "| find with text {NEEDLE:?}, new store (`sessions --search`), {found} hits | {} |",
        ms(cli_search)
    );
    println!("| `grep -ril {NEEDLE}` over the folder | {} |", ms(grep));
    for word in TYPED {
        let mut cells = Vec::new();
        let mut firsts = Vec::new();
        for end in 1..=word.len() {
            let typed = &word[..end];
            let q = SessionQuery::all().with_text(typed);
            let mut hits = 0;
            let t = time_runs(runs.min(3), noop, || {
                hits = store.search(&q).expect("search").len();
            });
            cells.push(format!("{typed}: {} ({hits})", ms(t)));
            let q = q.first(FIRST);
            let t = time_runs(runs.min(3), noop, || {
                black_box(store.search(&q).expect("search"));
            });
            firsts.push(format!("{typed}: {}", ms(t)));
        }
        println!(
            "| search per keystroke, all hits (hits) | {} |",
            cells.join(", ")
        );
        println!("| the same, first {FIRST} hits | {} |", firsts.join(", "));
    }
    bench_several(dir, &store, runs);
    println!();
}

/// The queries of several words: the history's search (all hits, the
/// first screen) and `leidraad sessions --search` (a new store).
fn bench_several(dir: &Path, store: &SessionStore, runs: usize) {
    let noop = || {};
    for typed in SEVERAL {
        let q = SessionQuery::all().with_text(typed);
        let mut hits = 0;
        let all = time_runs(runs.min(3), noop, || {
            hits = store.search(&q).expect("search").len();
        });
        let first_q = q.clone().first(FIRST);
        let first = time_runs(runs.min(3), noop, || {
            black_box(store.search(&first_q).expect("search"));
        });
        let mut found = 0;
        let cli = time_runs(runs.min(3), noop, || {
            let store = SessionStore::open(dir).expect("store");
            found = store.find(&q).expect("find").len();
        });
        println!(
            "| {typed}: search all hits ({hits}) / first {FIRST} / find, new store ({found}) | {} / {} / {} |",
            ms(all),
            ms(first),
            ms(cli)
        );
    }
    let typed = SEVERAL[0];
    let mut firsts = Vec::new();
    for end in (1..=typed.len()).filter(|&e| typed.is_char_boundary(e)) {
        let q = SessionQuery::all().with_text(&typed[..end]).first(FIRST);
        let t = time_runs(runs.min(3), noop, || {
            black_box(store.search(&q).expect("search"));
        });
        firsts.push(format!("{}: {}", &typed[..end], ms(t)));
    }
    println!(
        "| search per keystroke, first {FIRST} hits | {} |",
        firsts.join(", ")
    );
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
        bench(20, 1, false);
        return;
    }
    let sizes: Vec<usize> = match args.iter().position(|a| a == "--sessions") {
        Some(at) => args[at + 1..]
            .iter()
            .map_while(|a| a.parse().ok())
            .collect(),
        None => vec![1000],
    };
    let index_only = args.iter().any(|a| a == "--index-only");
    for n in sizes {
        bench(n, RUNS, index_only);
    }
}
