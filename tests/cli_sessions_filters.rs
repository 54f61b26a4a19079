//! `leidraad sessions --client/--guide/--search` and `leidraad resume`
//! without a name on the real binary: which sessions each question finds,
//! newest first, and that damaged files show only without a filter.

mod cli_support;

use assert_cmd::Command;
use leidraad::catalog::Catalog;
use leidraad::session::{Session, Timestamp};
use leidraad::store::SessionStore;
use tempfile::TempDir;

fn leidraad(root: &TempDir) -> Command {
    cli_support::leidraad(root, "en")
}

fn ts(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// A session with the bundled guide `id`, created at `created`.
fn session(id: &str, created: &str, client: &str) -> Session {
    let guide = Catalog::bundled()
        .get(id)
        .and_then(|g| g.guide.as_conversation())
        .expect("a bundled conversation guide")
        .clone();
    let mut s = Session::new(&guide, ts(created));
    s.client = client.into();
    s
}

fn save(store: &SessionStore, s: &Session) -> String {
    let path = store.path_for_new(s);
    store.save(&path, s).unwrap();
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The names of three sessions, newest first, in a folder that also holds
/// a damaged file (`kapot.toml`): a preparation (ambitiegesprek, De
/// Regenboog), a finished voortgangsgesprek (OBS De Vlinder) and one in
/// progress (voortgangsgesprek, De Regenboog) with notes and private notes.
fn folder(root: &TempDir) -> [String; 3] {
    let store = SessionStore::open(cli_support::data(root)).unwrap();
    let mut going = session(
        "voortgangsgesprek",
        "2026-11-23T09:00:00+01:00",
        "De Regenboog",
    );
    going.start(ts("2026-11-23T09:05:00+01:00"));
    going.phases[0].notes = "Het team wil de leerlijn rekenen herzien. Ideeën genoeg.".into();
    going.phases[0].private_notes = "geheim".into();
    let going = save(&store, &going);
    let mut done = session(
        "voortgangsgesprek",
        "2026-11-24T09:00:00+01:00",
        "OBS De Vlinder",
    );
    done.start(ts("2026-11-24T09:05:00+01:00"));
    done.finish(ts("2026-11-24T10:05:00+01:00"));
    let done = save(&store, &done);
    let preparing = save(
        &store,
        &session(
            "ambitiegesprek",
            "2026-11-25T09:00:00+01:00",
            "De Regenboog",
        ),
    );
    std::fs::write(cli_support::data(root).join("kapot.toml"), b"").unwrap();
    [preparing, done, going]
}

/// The first column of `leidraad sessions ARGS`, below the header.
fn listed(root: &TempDir, args: &[&str]) -> Vec<String> {
    let out = leidraad(root).arg("sessions").args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if text == "No sessions.\n" {
        return Vec::new();
    }
    text.lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn sessions_filters_find_what_they_say_newest_first() {
    let root = TempDir::new().unwrap();
    let names = folder(&root);
    let [preparing, done, going] = [&names[0], &names[1], &names[2]].map(String::as_str);
    let damaged = "kapot.toml";
    assert_eq!(
        listed(&root, &[]),
        [preparing, done, going, damaged],
        "everything, the damaged file last"
    );
    assert_eq!(
        listed(&root, &["--client", "REGENBOOG"]),
        [preparing, going]
    );
    assert_eq!(
        listed(&root, &["--client", ""]),
        [preparing, done, going],
        "an empty filter still hides damaged files"
    );
    assert_eq!(
        listed(&root, &["--guide", "voortgangsgesprek"]),
        [done, going]
    );
    assert!(listed(&root, &["--guide", "voortgang"]).is_empty());
    assert_eq!(listed(&root, &["--search", "LEERLIJN"]), [going]);
    // The history's search: accents do not count, private notes are
    // searched too (the table shows no text of them).
    assert_eq!(listed(&root, &["--search", "ideeen"]), [going]);
    assert_eq!(listed(&root, &["--search", "IDEEËN leerlijn"]), [going]);
    assert_eq!(listed(&root, &["--search", "geheim"]), [going]);
    assert!(listed(&root, &["--search", "geheim kapot"]).is_empty());
    assert_eq!(
        listed(
            &root,
            &["--client", "regenboog", "--guide", "voortgangsgesprek"]
        ),
        [going]
    );
}

#[test]
fn sessions_search_finds_every_word_anywhere_and_a_quoted_phrase_whole() {
    let root = TempDir::new().unwrap();
    let store = SessionStore::open(cli_support::data(&root)).unwrap();
    let mut apart = session(
        "voortgangsgesprek",
        "2026-11-23T09:00:00+01:00",
        "OBS De Vlinder",
    );
    // The client as a real session has it: in its header field too.
    apart.set_field("school", "OBS De Vlinder").unwrap();
    apart.phases[0].notes = "Fatima vertelt over de leerlijn.".into();
    apart.phases[2].notes = "Els neemt het over.".into();
    let apart = save(&store, &apart);
    let mut together = session("voortgangsgesprek", "2026-11-24T09:00:00+01:00", "De Linde");
    together.phases[1].notes = "Els en Fatima plannen de studiedag.".into();
    let together = save(&store, &together);
    let mut alone = session(
        "voortgangsgesprek",
        "2026-11-25T09:00:00+01:00",
        "Het Kompas",
    );
    alone.phases[0].notes = "Fatima alleen.".into();
    let alone = save(&store, &alone);
    assert_eq!(
        listed(&root, &["--search", "Fatima Els"]),
        [together.as_str(), apart.as_str()],
        "each word anywhere in the session"
    );
    assert_eq!(
        listed(&root, &["--search", "els  FATIMA"]),
        [together.as_str(), apart.as_str()]
    );
    assert_eq!(
        listed(&root, &["--search", "\"Els en\""]),
        [together.as_str()],
        "a quoted phrase"
    );
    assert_eq!(
        listed(&root, &["--search", "fatima"]),
        [alone.as_str(), together.as_str(), apart.as_str()]
    );
    assert_eq!(
        listed(&root, &["--search", "vlinder els"]),
        [apart.as_str()],
        "the client is said too"
    );
    assert!(listed(&root, &["--search", "Fatima Kees"]).is_empty());
    // Typed as names go into a list: the commas are not part of the words.
    assert_eq!(
        listed(&root, &["--search", "Els, Fatima,"]),
        [together.as_str(), apart.as_str()]
    );
}

#[test]
fn resume_without_a_name_needs_an_unfinished_session() {
    let root = TempDir::new().unwrap();
    let store = SessionStore::open(cli_support::data(&root)).unwrap();
    let mut done = session(
        "voortgangsgesprek",
        "2026-11-24T09:00:00+01:00",
        "OBS De Vlinder",
    );
    done.finish(ts("2026-11-24T10:05:00+01:00"));
    save(&store, &done);
    std::fs::write(cli_support::data(&root).join("kapot.toml"), b"").unwrap();
    let out = leidraad(&root).arg("resume").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no unfinished session to resume"), "{err}");

    // A preparation counts: it is found, and only then is the missing
    // terminal the problem.
    save(
        &store,
        &session(
            "ambitiegesprek",
            "2026-11-25T09:00:00+01:00",
            "De Regenboog",
        ),
    );
    let out = leidraad(&root).arg("resume").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
}
