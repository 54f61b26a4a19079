//! End-to-end flows: the real binary in a private tmux server (see
//! `common/tmux.rs`), with the session files read back from the data folder.
//! Skipped with a note when tmux is missing (a failure under CI).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux};
use leidraad::session::{Session, Status};

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

const NOTES_1: &str = "Eerste fase: één café, ĳsje, coördinator";
const NOTES_2: &str = "Tweede fase: zeeën en reünie";
const SCHOOL: &str = "Basisschool De Regenboog";

/// From the notes of any phase: go to Concretiseren, open the item form and
/// type "Ouders uitnodigen", Tab, "Anna" (the form stays open).
fn type_agreement(t: &Tmux) {
    t.send_key("Escape");
    t.send_key("6");
    t.wait_for("Concretiseren", S5);
    t.send_key("Escape");
    t.send_key("a");
    t.wait_for("Nieuw: Afspraken", S5);
    t.send_text("Ouders uitnodigen");
    t.send_key("Tab");
    t.send_text("Anna");
}

/// From the notes of any phase: go to Concretiseren and add the agreement
/// "Ouders uitnodigen / Anna / vrijdag" in the item form.
fn add_agreement(t: &Tmux) {
    type_agreement(t);
    t.send_key("Tab");
    t.send_text("vrijdag");
    t.wait_for("vrijdag", S5);
    t.send_key("Enter");
}

/// From the conversation (typing or not): `q` back home, `q` out, exit 0.
fn leave_from_the_conversation(t: &Tmux) {
    t.send_key("Escape");
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
}

/// The issue-3 flow up to and including `q` (back home). Leaves the app on
/// the home screen with the session under "Verder met".
fn issue3_flow(t: &mut Tmux) {
    t.start(&["start", "voortgangsgesprek"]);
    t.wait_for("Voorbereiding", S10);
    t.send_key("Space");
    t.wait_for("[x]", S5);
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.send_text(SCHOOL);
    t.wait_for(SCHOOL, S5);
    t.send_key("Enter"); // school
    t.send_key("Enter"); // date, pre-filled
    t.send_text("Anna, Bert");
    t.wait_for("Anna, Bert", S5);
    t.send_key("Enter");
    t.send_text("Jan");
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    t.wait_for("Contracteren", S5);

    // Phase 1: typing in the notes right away.
    t.send_text(NOTES_1);
    t.wait_for(NOTES_1, S5);
    t.send_key("Escape");
    t.keys(&["Tab", "Space"]);
    // Marked as asked: visible in the file within a second or two.
    t.wait_session(S5, |s| s.phases[0].asked == vec![0]);
    // The header names the phase (the phase list names every phase all
    // the time): `i` must not reach the app in the same read as `n`.
    t.press("n", "Fase 2/7");
    // Reached by `n`: the keys navigate until `i` starts typing.
    t.press("i", "stoppen met typen");
    t.send_text(NOTES_2);
    t.wait_for(NOTES_2, S5);
    add_agreement(t);
    t.wait_until_in(tmux::MAIN, S5, "the item form to close", |s| {
        !s.contains("Nieuw: Afspraken") && s.contains("Ouders uitnodigen")
    });
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.wait_for(SCHOOL, S5);
}

fn check_issue3_session(s: &Session) {
    assert_eq!(s.phases[0].notes, NOTES_1);
    assert_eq!(s.phases[1].notes, NOTES_2);
    assert_eq!(s.phases[0].asked, vec![0]);
    let afspraken = s.phases[5]
        .lists
        .get("afspraken")
        .expect("phase 6 has afspraken");
    assert_eq!(afspraken.len(), 1, "{afspraken:?}");
    assert_eq!(
        &afspraken[0].values[..3],
        ["Ouders uitnodigen", "Anna", "vrijdag"]
    );
    assert!(afspraken[0].values[3..].iter().all(String::is_empty));
    assert_eq!(s.checklist.first(), Some(&true), "{:?}", s.checklist);
    assert!(s.checklist[1..].iter().all(|c| !c), "{:?}", s.checklist);
    assert_eq!(s.fields.get("school").map(String::as_str), Some(SCHOOL));
    assert_eq!(
        s.fields.get("deelnemers").map(String::as_str),
        Some("Anna\nBert")
    );
    assert_eq!(s.fields.get("begeleider").map(String::as_str), Some("Jan"));
    let datum = s.fields.get("datum").expect("datum");
    assert!(
        chrono::NaiveDate::parse_from_str(datum, "%Y-%m-%d").is_ok(),
        "{datum}"
    );
    assert_eq!(s.status, Status::InProgress);
    assert_eq!(s.client, SCHOOL);
}

#[test]
fn issue3_flow_saves_everything_typed() {
    let Some(mut t) = Tmux::new() else { return };
    issue3_flow(&mut t);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0, "exit status");

    let path = t.only_session_file();
    let s = tmux::load(&path);
    check_issue3_session(&s);
    let file_mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(file_mode, 0o600, "session file mode {file_mode:o}");
    let dir_mode = std::fs::metadata(t.data_dir())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700, "data folder mode {dir_mode:o}");
    // Nothing left behind: no lock, temp or rescue files after a clean exit.
    let hidden = tmux::hidden_files(&t.data_dir());
    assert!(hidden.is_empty(), "left behind: {hidden:?}");
}

#[test]
fn finish_shows_the_summary_and_marks_the_file_finished() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", "OBS Het Klaverblad"]);
    // --client filled in the school: the form went through without typing.
    let s = t.wait_session(S5, |_| true);
    assert_eq!(s.client, "OBS Het Klaverblad");
    t.send_text("Kort gesprek.");
    t.wait_for("Kort gesprek.", S5);
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("y");
    let screen = t.wait_for("Samenvatting", S5);
    assert!(screen.contains("afgerond"), "{screen}");
    // The bars: planned (▒) for every phase, with their labels.
    assert!(screen.contains('▒'), "no planned bars:\n{screen}");
    for label in ["1 Contracteren", "2 Focus aanbrengen", "7 Afronden"] {
        assert!(screen.contains(label), "{label} missing:\n{screen}");
    }
    let s = t.wait_session(S5, |s| s.status == Status::Finished);
    assert!(s.finished.is_some());
    assert_eq!(s.phases[0].notes, "Kort gesprek.");
    t.send_key("Enter");
    let home = t.wait_for("Gesprekken", S5);
    assert!(
        !home.contains("Verder met"),
        "a finished session is not offered for resuming:\n{home}"
    );
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    assert_eq!(tmux::load(&t.only_session_file()).status, Status::Finished);
}

#[test]
fn resume_reopens_the_session_from_the_command_line_and_from_home() {
    let Some(mut t) = Tmux::new() else { return };
    issue3_flow(&mut t);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let before = tmux::load(&t.only_session_file());

    // `leidraad resume`: the newest unfinished session, on its last phase.
    t.respawn(&["resume"]);
    t.wait_for("Concretiseren", S10);
    t.wait_for("Ouders uitnodigen", S5);
    t.send_key("Escape");
    t.send_key("1");
    t.wait_for(NOTES_1, S5);
    leave_from_the_conversation(&t);

    // `leidraad` home: Enter on the "Verder met" row opens it too.
    t.respawn(&[]);
    let home = t.wait_for("Verder met", S10);
    assert!(home.contains(SCHOOL), "{home}");
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    t.wait_for("Contracteren", S5); // phase 1 was the last one on screen
    t.wait_for(NOTES_1, S5);
    t.send_key("Escape");
    t.send_key("2");
    t.wait_for(NOTES_2, S5);
    leave_from_the_conversation(&t);

    let after = tmux::load(&t.only_session_file());
    check_issue3_session(&after);
    assert_eq!(after.created, before.created);
}

#[test]
fn a_second_window_shows_the_session_read_only_and_changes_nothing() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Eerste venster");
    t.send_key("C-s");
    t.wait_session(S5, |s| s.phases[0].notes == "Eerste venster");
    let path = t.only_session_file();
    let lock = path.with_file_name(format!(
        ".~{}.lock",
        path.file_name().unwrap().to_string_lossy()
    ));
    assert!(lock.exists(), "no lock file {}", lock.display());
    // The tick's save of the typing and the Ctrl-S save may land a second
    // apart (the second only changes `saved`): wait until the file rests.
    let mut bytes = std::fs::read(&path).unwrap();
    loop {
        std::thread::sleep(Duration::from_millis(1500));
        let again = std::fs::read(&path).unwrap();
        if again == bytes {
            break;
        }
        bytes = again;
    }

    // The second window shows it read-only: the notes, not the clock.
    let second = t.open_window(&["resume", path.to_str().unwrap()]);
    let screen = t.wait_for_in(&second, "Al open in een ander venster", S10);
    assert!(
        screen.contains("alleen lezen") && screen.contains("Eerste venster"),
        "the second window shows the session read-only:\n{screen}"
    );
    assert!(
        !screen.contains("Fase 1/7"),
        "the second window must not show the conversation:\n{screen}"
    );
    // Typing there changes nothing.
    t.send_text_to(&second, "zzz");
    t.send_key_to(&second, "Enter");

    // The command line refuses to delete it while it is open.
    let out = t.run_cli(&["delete", "--yes", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(path.exists());

    assert!(std::fs::read(&path).unwrap() == bytes, "the file changed");
    // The first window goes on as before, and leaves.
    t.send_text(" en verder");
    t.send_key("C-s");
    t.wait_session(S5, |s| s.phases[0].notes == "Eerste venster en verder");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    // Now `r` in the second window opens it for writing.
    t.send_key_to(&second, "r");
    t.wait_for_in(&second, "Fase 1/7", S10);
    t.wait_for_in(&second, "Eerste venster en verder", S5);
    // Reopened: the keys navigate until `i` starts typing.
    t.send_key_to(&second, "i");
    t.wait_for_in(&second, "stoppen met typen", S5);
    t.send_text_to(&second, " tot slot");
    t.send_key_to(&second, "C-c");
    assert_eq!(t.wait_exit_of(&second, S5), 0);
    let s = tmux::load(&path);
    assert_eq!(s.phases[0].notes, "Eerste venster en verder tot slot");
    assert!(!lock.exists(), "lock file left after leaving");
}

#[test]
fn a_tiny_window_asks_to_be_larger_and_the_notes_survive() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text(NOTES_1);
    t.wait_for(NOTES_1, S5);
    t.resize(40, 10);
    let small = t.wait_for("Maak het venster groter", S5);
    assert!(!small.contains("Totaal"), "{small}");
    // Typing goes on while the window is small.
    t.send_text(" klein");
    t.resize(120, 40);
    t.wait_for("Totaal", S5);
    t.wait_for(&format!("{NOTES_1} klein"), S5);
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    assert_eq!(
        tmux::load(&t.only_session_file()).phases[0].notes,
        format!("{NOTES_1} klein")
    );
}

/// About 1 MiB of Dutch lines with diacritics and emoji.
fn big_text() -> String {
    let lines = [
        "De coördinator en de intern begeleider bespreken één ĳverige groep 😀",
        "Café-gesprek over reünie, zeeën en de naïeve vraag: waarom? 👩‍🏫",
        "Afspraak: ouders uitnodigen vóór vrijdag — ‘zo snel mogelijk’ ✅",
        "Mijlpaal 🎉 bereikt; kans 🌷 benoemd; het Ĳsselhof doet mee.",
    ];
    let mut out = String::new();
    let mut n = 0;
    while out.len() < 1 << 20 {
        out.push_str(&format!("{n:05} {}\n", lines[n % lines.len()]));
        n += 1;
    }
    out.push_str("einde van de plak");
    out
}

#[test]
fn a_large_paste_and_fast_typing_arrive_whole() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);

    // 10,000 characters typed (send-keys -l): more than crossterm's
    // 1,024-byte read buffer many times over.
    let unit = "één ĳs café zeeën ";
    let typed: String = unit.chars().cycle().take(10_000).collect();
    let start = Instant::now();
    t.send_text(&typed);
    t.send_key("C-s");
    // The debug build needs about 3 ms of CPU per typed key here (see the
    // report); a release build is much faster.
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(90)
    } else {
        S10
    };
    t.wait_session(limit, |s| s.phases[0].notes == typed);
    eprintln!(
        "10,000 typed characters on disk after {:?}",
        start.elapsed()
    );

    // 1 MiB bracketed paste into phase 2's notes, saved by itself.
    t.send_key("Escape");
    t.send_key("n");
    t.wait_for("Focus aanbrengen", S5);
    let text = big_text();
    let file = t.scratch("paste.txt");
    std::fs::write(&file, &text).unwrap();
    t.tmux(&["load-buffer", "-b", "big", file.to_str().unwrap()]);
    let start = Instant::now();
    t.tmux(&["paste-buffer", "-p", "-b", "big", "-t", tmux::MAIN]);
    let s = t.wait_session(S10, |s| s.phases[1].notes.len() >= text.len());
    eprintln!("1 MiB paste on disk after {:?}", start.elapsed());
    assert!(
        s.phases[1].notes == text,
        "the pasted text differs: {} bytes on disk, {} pasted; first difference at byte {:?}",
        s.phases[1].notes.len(),
        text.len(),
        s.phases[1]
            .notes
            .bytes()
            .zip(text.bytes())
            .position(|(a, b)| a != b)
    );
    assert_eq!(s.phases[0].notes, typed);
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S10), 0);
}

#[test]
fn sessions_show_export_and_delete_on_the_command_line() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text(NOTES_1);
    t.wait_for(NOTES_1, S5);
    t.send_key("Escape");
    t.wait_for("Enter typen", S5);
    t.press("o", "stoppen met typen");
    t.send_text("GEHEIM: alleen voor mij");
    t.wait_for("GEHEIM: alleen voor mij", S5);
    add_agreement(&t);
    t.wait_session(S5, |s| {
        s.phases[5]
            .lists
            .get("afspraken")
            .is_some_and(|l| !l.is_empty())
    });
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let path = t.only_session_file();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let stem = name.strip_suffix(".toml").unwrap();
    assert!(
        stem.ends_with("voortgangsgesprek_basisschool-de-regenboog"),
        "{name}"
    );

    let stdout = |out: &std::process::Output| String::from_utf8_lossy(&out.stdout).into_owned();

    let out = t.run_cli(&["sessions"]);
    assert!(out.status.success(), "{out:?}");
    let table = stdout(&out);
    assert!(table.contains(&name), "{table}");
    assert!(table.contains(SCHOOL), "{table}");
    assert!(table.contains("onafgerond"), "{table}");

    // show by unique prefix; the private note only with --private.
    let prefix = &name[..name.len() - 10];
    let out = t.run_cli(&["show", prefix]);
    assert!(out.status.success(), "{out:?}");
    let shown = stdout(&out);
    assert!(shown.contains(NOTES_1), "{shown}");
    assert!(shown.contains("Ouders uitnodigen"), "{shown}");
    assert!(!shown.contains("GEHEIM"), "private note in show:\n{shown}");
    let out = t.run_cli(&["show", "--private", prefix]);
    assert!(stdout(&out).contains("GEHEIM: alleen voor mij"));

    let report = t.scratch("verslag.md");
    let out = t.run_cli(&[
        "export",
        path.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.contains(NOTES_1), "{md}");
    assert!(!md.contains("GEHEIM"), "private note in the report:\n{md}");
    let row = md
        .lines()
        .find(|l| l.contains("Ouders uitnodigen"))
        .unwrap_or_else(|| panic!("no agreement in the report:\n{md}"));
    assert!(
        row.trim_start().starts_with('|') && row.contains("Anna") && row.contains("vrijdag"),
        "the agreement is not a table row: {row}\n{md}"
    );
    assert!(
        md.lines()
            .any(|l| l.contains("Wat") && l.contains("Wie") && l.starts_with('|')),
        "no table header:\n{md}"
    );

    // delete --yes takes the companions with it.
    let companion = |suffix: &str| path.with_file_name(format!(".~{name}{suffix}"));
    std::fs::write(companion(".rescue"), std::fs::read(&path).unwrap()).unwrap();
    std::fs::write(companion(".lock"), b"").unwrap();
    let out = t.run_cli(&["delete", "--yes", prefix]);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("Verwijderd"), "{out:?}");
    let left: Vec<_> = std::fs::read_dir(t.data_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "left after delete: {left:?}");
    let out = t.run_cli(&["sessions"]);
    assert!(!stdout(&out).contains(&name));
}

/// Ctrl-O in the running app: the prompt offers the home folder (no
/// Documents here), Enter writes a copy there (on a thread of its own) and
/// the status line says where; the session file itself goes on.
#[test]
fn ctrl_o_saves_a_copy_elsewhere() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text(NOTES_1);
    t.wait_for(NOTES_1, S5);
    t.send_key("C-o");
    let prompt = t.wait_for("Elders bewaren", S5);
    let home = t.home_dir();
    assert!(prompt.contains(&home.display().to_string()), "{prompt}");
    t.send_key("Enter");
    t.wait_for("Kopie bewaard", S5);
    let copies = tmux::session_files(&home);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(tmux::load(&copies[0]).phases[0].notes, NOTES_1);
    t.send_text(" en verder");
    let own = t.wait_session(S5, |s| s.phases[0].notes.ends_with("en verder"));
    assert_eq!(own.client, SCHOOL);
    assert_eq!(tmux::load(&copies[0]).phases[0].notes, NOTES_1, "a copy");
    leave_from_the_conversation(&t);
}

/// kill -9 while filling in the header form: the preparation (checklist
/// and form) was saved as a session that has not started; the home screen
/// offers it, resuming opens the form as it was, and starting the
/// conversation moves it to a file named with the client.
#[test]
fn a_kill_in_the_header_form_loses_nothing_and_resumes_there() {
    let Some(mut t) = Tmux::new() else { return };
    t.start(&["start", "voortgangsgesprek"]);
    t.wait_for("Voorbereiding", S10);
    t.send_key("Space");
    t.wait_for("[x]", S5);
    // A ticked item is a change: the preparation gets its file, named
    // without a client (none is known yet).
    t.wait_session(S5, |s| s.checklist.first() == Some(&true));
    let prep_file = t.only_session_file();
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.send_text(SCHOOL);
    t.wait_for(SCHOOL, S5);
    let saved = t.wait_session(S5, |s| s.client == SCHOOL);
    assert_eq!(saved.started, None, "a preparation, not a conversation");
    assert_eq!(t.only_session_file(), prep_file);
    tmux::signal(t.pane_pid(), "KILL");

    t.respawn(&[]);
    let home = t.wait_for("Verder met", S10);
    assert!(home.contains("In voorbereiding"), "{home}");
    t.send_key("Enter");
    let form = t.wait_for("Gegevens", S5);
    assert!(form.contains(SCHOOL), "the form as it was left:\n{form}");
    t.send_key("Escape");
    t.wait_for("[x]", S5); // the checklist too
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_text(NOTES_1);
    let session = t.wait_session(S5, |s| s.phases[0].notes == NOTES_1);
    assert_eq!(session.created, saved.created, "the same session");
    assert!(session.started.is_some());
    let files = t.session_files();
    assert_eq!(files.len(), 1, "the preparation's file moved: {files:?}");
    assert_ne!(files[0], prep_file);
    let name = files[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(name.contains("basisschool-de-regenboog"), "{name}");
    leave_from_the_conversation(&t);
    let leftovers = tmux::hidden_files(&t.data_dir());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// kill -9 with an agreement half-typed in the item form: resuming opens
/// the form again with what was typed.
#[test]
fn a_kill_in_the_item_form_loses_nothing() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    type_agreement(&t);
    t.wait_for("Anna", S5);
    t.wait_session(S5, |s| {
        s.draft
            .as_ref()
            .is_some_and(|d| d.values[..2] == ["Ouders uitnodigen", "Anna"])
    });
    tmux::signal(t.pane_pid(), "KILL");

    t.respawn(&["resume"]);
    let screen = t.wait_for("Nieuw: Afspraken", S10);
    assert!(screen.contains("Ouders uitnodigen"), "{screen}");
    t.send_key("Enter");
    let session = t.wait_session(S5, |s| s.draft.is_none());
    let items = &session.phases[session.current].lists["afspraken"];
    assert_eq!(items[0].values[..2], ["Ouders uitnodigen", "Anna"]);
    leave_from_the_conversation(&t);
}

/// A word longer than the notes editor is broken at the edge and its rest
/// goes on the next line in one piece.
#[test]
fn a_long_word_wraps_in_one_piece() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    // 84 characters fill the editor's line at 120 columns; "1;" is the rest.
    let text: String = (0..32).map(|n| format!("{n};")).collect();
    t.send_text(&text);
    let screen = t.wait_for("30;3", S5);
    let rows: Vec<String> = screen
        .lines()
        .skip_while(|l| !l.contains("Notities"))
        .skip(1)
        .map(|l| {
            l.rsplit(['│', '┃'])
                .nth(1)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        })
        .take_while(|r| !r.is_empty())
        .collect();
    assert!(rows.len() >= 2, "{rows:?}\n{screen}");
    assert!(
        rows[0].ends_with("30;3") && rows[1] == "1;",
        "rows of the notes editor: {rows:?}\n{screen}"
    );
}

/// The session file beside `first` once it holds what `pred` wants.
fn wait_for_other_session(
    t: &Tmux,
    first: &std::path::Path,
    pred: impl Fn(&Session) -> bool,
) -> Session {
    let end = Instant::now() + S5;
    loop {
        let other = t.session_files().into_iter().find(|f| f != first);
        if let Some(s) = other.map(|f| tmux::load(&f))
            && pred(&s)
        {
            return s;
        }
        assert!(
            Instant::now() < end,
            "no second session as wanted:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An agreement of a finished conversation comes back in the next one with
/// the same school (looked up off the UI thread when the conversation
/// starts): listed in Concretiseren under the open items, marked done with
/// Space, and saved in the new session with where it came from.
#[test]
fn an_open_agreement_comes_along_into_the_next_conversation_with_the_same_school() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", "OBS De Vlinder"]);
    add_agreement(&t);
    t.wait_session(S5, |s| !s.phases[5].lists.is_empty());
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("y");
    t.wait_for("Samenvatting", S5);
    t.send_key("Enter");
    t.wait_for("Gesprekken", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let first = t.only_session_file();

    // The same school, typed differently.
    t.respawn(&["start", "voortgangsgesprek", "--client", "obs de vlinder "]);
    t.wait_for("Voorbereiding", S10);
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    // The form offers the known name once it has read the known clients
    // (in the background: a key this fast may come first). Kept as typed,
    // the agreement still comes along.
    t.send_key("Enter");
    let asked = t.wait_until_in(tmux::MAIN, S5, "the question or the next field", |screen| {
        screen.contains("Bedoel je") || screen.contains("▸ Datum")
    });
    if asked.contains("Bedoel je") {
        t.send_key("n");
        t.send_key("Enter");
    }
    t.keys(&["Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_key("Escape");
    t.send_key("6");
    t.send_key("Escape");
    let screen = t.wait_for("Open punten uit eerdere gesprekken", S5);
    assert!(screen.contains("[ ] Ouders uitnodigen"), "{screen}");
    // The open items are the last focus stop: Shift-Tab from the notes.
    t.send_key("BTab");
    t.send_key("Space");
    t.wait_for("[x] Ouders uitnodigen", S5);
    let second = wait_for_other_session(&t, &first, |s| s.carried.len() == 1 && s.carried[0].done);
    assert_eq!(second.carried[0].item.values[0], "Ouders uitnodigen");
    assert!(
        second.carried[0].from_session.contains("obs-de-vlinder"),
        "{:?}",
        second.carried[0].from_session
    );
    leave_from_the_conversation(&t);
}
