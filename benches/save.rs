//! Save benchmarks: one autosave of a 20 KB session, taken apart.
//!
//! In a temporary folder on the data disk (`CARGO_TARGET_TMPDIR`, under
//! `target/`; not /tmp, which may be tmpfs), 100 saves each, median, p95 and
//! max:
//!
//! - `clone`: `Session::clone`, what the UI thread pays per autosave
//!   (`App::save_now` hands the saver a snapshot);
//! - `to_toml`: serializing only;
//! - `session_text`: what the store writes: serialize, then verify (the
//!   check before every write that the text reads back as the session;
//!   the guide is parsed back once, then only the rest);
//! - `session_text, parsed back whole`: the same with two guides in turn,
//!   so that every text is parsed back whole;
//! - `floor`: the write alone, with std and nothing else: temporary file,
//!   write, fsync (or fdatasync), rename, fsync the folder;
//! - `SessionStore::save`: the whole save: text, the check that nobody
//!   changed the file, temp file, write, fsync, rename, fsync the folder;
//! - `Saver round trip`: `Saver::save` until its outcome arrives (the saver
//!   thread's latency; the UI thread only pays the hand-over).
//!
//! Run: `cargo bench --bench save` (`SAVE_BENCH_DIR=/dev/shm` to take the
//! disk out: what is left beyond the floor is the save's own work). Under
//! `cargo test` it runs 3 saves.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta};
use leidraad::catalog::Catalog;
use leidraad::saver::{SaveOutcome, Saver};
use leidraad::session::{Session, Timestamp};
use leidraad::store::{SessionStore, session_text};

/// The session file size to aim for.
const TARGET_BYTES: usize = 20 * 1024;

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("valid timestamp")
}

/// A started voortgangsgesprek whose session file is about 20 KB: notes in
/// the first phases, a few agreements.
fn session() -> Session {
    let catalog = Catalog::bundled();
    let guide = catalog
        .conversation("voortgangsgesprek")
        .expect("bundled voortgangsgesprek");
    let now = t0();
    let mut s = Session::new(guide, now);
    s.set_field("school", "De Regenboog").expect("school field");
    s.client = "De Regenboog".into();
    s.start(now);
    for k in 0..3 {
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
    let sentence =
        "De school wil de leerlingen meer eigenaarschap geven over hun culturele ontwikkeling. ";
    let base = session_text(&s).expect("serializes").len();
    let mut phase = 0;
    while session_text(&s).expect("serializes").len() < TARGET_BYTES {
        let room = TARGET_BYTES.saturating_sub(base) / 4;
        if s.phases[phase].notes.len() >= room {
            phase += 1;
        }
        s.phases[phase].notes.push_str(sentence);
        if s.phases[phase].notes.len() % 700 < sentence.len() {
            s.phases[phase].notes.push('\n');
        }
    }
    s
}

struct Stats {
    median: Duration,
    p95: Duration,
    max: Duration,
}

fn stats(mut v: Vec<Duration>) -> Stats {
    v.sort();
    Stats {
        median: v[v.len() / 2],
        p95: v[(v.len() * 95 / 100).min(v.len() - 1)],
        max: v[v.len() - 1],
    }
}

fn row(what: &str, s: &Stats) {
    let ms = |d: Duration| format!("{:.3}", d.as_secs_f64() * 1e3);
    println!(
        "| {what} | {} | {} | {} |",
        ms(s.median),
        ms(s.p95),
        ms(s.max)
    );
}

fn time(n: usize, mut f: impl FnMut(usize)) -> Stats {
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        f(i);
        v.push(start.elapsed());
    }
    stats(v)
}

/// The atomic write with std alone: temp file, write, `sync` it, rename,
/// fsync the folder.
fn floor(dir: &std::path::Path, bytes: &[u8], sync: fn(&std::fs::File) -> std::io::Result<()>) {
    use std::io::Write;
    let tmp = dir.join(".~floor.tmp");
    let mut f = std::fs::File::create_new(&tmp).expect("temp file");
    f.write_all(bytes).expect("write");
    sync(&f).expect("sync");
    drop(f);
    std::fs::rename(&tmp, dir.join("floor.toml")).expect("rename");
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .expect("folder fsync");
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n = if full { 100 } else { 3 };
    // SAVE_BENCH_DIR=/dev/shm: on tmpfs (fsync does nothing) what is left
    // is what the save costs beyond the disk.
    let base = std::env::var_os("SAVE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")));
    std::fs::create_dir_all(&base).expect("target tmp");
    let tmp = tempfile::tempdir_in(&base).expect("tempdir");
    let store = SessionStore::open(tmp.path().join("sessions")).expect("store");
    let mut s = session();
    let bytes = session_text(&s).expect("serializes").len();
    println!(
        "one session of {:.1} KB ({} KB notes), {n} saves each, in {}",
        bytes as f64 / 1024.0,
        s.phases.iter().map(|p| p.notes.len()).sum::<usize>() / 1024,
        base.display()
    );
    println!("| step | median ms | p95 ms | max ms |");
    println!("|---|---|---|---|");
    row(
        "clone (UI thread)",
        &time(n, |_| drop(black_box(s.clone()))),
    );
    row(
        "to_toml",
        &time(n, |_| drop(black_box(s.to_toml().expect("toml")))),
    );
    row(
        "session_text (serialize + verify)",
        &time(n, |_| drop(black_box(session_text(&s).expect("text")))),
    );
    // Two guides in turn: the tail remembered never fits, every text is
    // parsed back whole (what every save did before `save/verify.rs`).
    let mut other = s.clone();
    other.guide.title.push('.');
    row(
        "session_text, parsed back whole (guides in turn)",
        &time(n, |i| {
            let which = if i % 2 == 0 { &other } else { &s };
            drop(black_box(session_text(which).expect("text")));
        }),
    );
    let text = session_text(&s).expect("text");
    let floor_dir = tmp.path().join("floor");
    std::fs::create_dir_all(&floor_dir).expect("floor folder");
    row(
        "floor: write + fsync + rename + fsync folder",
        &time(n, |_| {
            floor(&floor_dir, text.as_bytes(), std::fs::File::sync_all)
        }),
    );
    row(
        "floor: write + fdatasync + rename + fsync folder",
        &time(n, |_| {
            floor(&floor_dir, text.as_bytes(), std::fs::File::sync_data)
        }),
    );
    let path = store.path_for_new(&s);
    let now = t0();
    let saves = time(n, |i| {
        s.phases[0].notes.push('x');
        s.mark_saved(now + TimeDelta::seconds(i as i64));
        store.save(&path, &s).expect("save");
    });
    row("SessionStore::save (whole atomic save)", &saves);
    let saver = Saver::spawn(store.clone()).expect("saver");
    let round = time(n, |_| {
        s.phases[0].notes.push('y');
        saver.save(path.clone(), s.clone());
        match saver.outcomes().recv_timeout(Duration::from_secs(5)) {
            Ok(SaveOutcome::Saved { .. }) => {}
            other => panic!("save failed: {other:?}"),
        }
    });
    row("Saver round trip (thread, incl. clone)", &round);
    drop(saver);
}
