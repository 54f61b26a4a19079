//! After the conversation, in the real binary: two talks with the same
//! school, the first found again in the history by a word with a
//! diacritic, read in the viewer, and a follow-up whose preparation shows
//! the open agreement of that first talk.

mod common;

use std::time::Duration;

use common::tmux::{self, Tmux};
use leidraad::session::Status;

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);
const SCHOOL: &str = "OBS De Vlinder";

/// From the preparation of the ambitiegesprek with `--client` to its
/// conversation: every field left as it comes.
fn walk_ambitiegesprek(t: &Tmux) {
    t.wait_for("Voorbereiding", S10);
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    for _ in 0..7 {
        t.send_key("Enter");
    }
    t.wait_for("Totaal", S5);
}

/// Finish the conversation on screen (not typing) and go home.
fn finish(t: &Tmux) {
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("y");
    t.wait_for("Samenvatting", S5);
    t.send_key("Enter");
    t.wait_for("Gesprekken", S5);
}

/// The one file in a folder.
fn only_file(dir: &std::path::Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The text of a Word document's body.
fn document_xml(path: &std::path::Path) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn a_finished_conversation_is_exported_as_word_from_the_summary() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", SCHOOL]);
    t.send_text("Eén afspraak: ouders betrekken.");
    t.wait_for("Eén afspraak", S5);
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("y");
    t.wait_for("Samenvatting", S5);
    let reports = t.scratch("rapport");
    std::fs::create_dir_all(&reports).unwrap();
    t.send_key("e");
    t.wait_for("Verslag maken", S5);
    // With the timing (second row), into our folder (last row).
    t.send_key("Down");
    t.send_key("Space");
    for _ in 0..3 {
        t.send_key("Down");
    }
    t.send_text(&reports.display().to_string());
    t.send_key("Enter");
    let screen = t.wait_for("Verslag bewaard", S10);
    let written = only_file(&reports);
    assert!(
        screen.contains(&*written.file_name().unwrap().to_string_lossy()),
        "the status line says where:\n{screen}"
    );
    assert_eq!(mode(&written), 0o600);
    let xml = document_xml(&written);
    assert!(xml.contains("Eén afspraak: ouders betrekken."), "{xml}");
    assert!(xml.contains(SCHOOL), "{xml}");
    t.send_key("Enter");
    t.wait_for("Gesprekken", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
}

#[test]
fn an_earlier_talk_is_found_viewed_and_followed_up_from_the_history() {
    let Some(mut t) = Tmux::new() else { return };
    // The ambitiegesprek: notes with "ideeën", an agreement in part D.
    t.start(&["start", "ambitiegesprek", "--client", SCHOOL]);
    walk_ambitiegesprek(&t);
    t.send_text("Veel ideeën voor de cultuurweek.");
    t.wait_for("Veel ideeën", S5);
    t.send_key("Escape");
    t.send_key("5");
    t.wait_for("D. Afspraken", S5);
    t.send_key("Escape");
    t.send_key("a");
    t.wait_for("Nieuw: Afspraken", S5);
    t.send_text("Leerlingenraad oprichten");
    t.send_key("Enter");
    t.wait_for("• Leerlingenraad oprichten", S5);
    finish(&t);
    // A voortgangsgesprek with the same school, held next.
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    t.respawn(&["start", "voortgangsgesprek", "--client", SCHOOL]);
    t.walk_to_conversation(None);
    t.send_text("Kort.");
    finish(&t);

    // The history: both, newest first.
    t.send_key("h");
    let screen = t.wait_for("Geschiedenis · 2 gesprekken", S10);
    assert!(
        screen.contains("Ambitiegesprek") && screen.contains("Voortgangsgesprek"),
        "{screen}"
    );
    // Found by the word without its diacritic.
    t.send_key("/");
    t.send_text("ideeen");
    let screen = t.wait_for("1 van 2", S10);
    assert!(
        screen.contains("Veel ideeën"),
        "the hit's snippet:\n{screen}"
    );
    t.send_key("Enter");
    t.send_key("Enter");
    let screen = t.wait_for("alleen lezen", S5);
    assert!(
        screen.contains("Veel ideeën voor de cultuurweek."),
        "{screen}"
    );
    assert!(screen.contains("Leerlingenraad oprichten"), "{screen}");
    // A Word report of it, into a folder of our own.
    let reports = t.scratch("verslagen");
    std::fs::create_dir_all(&reports).unwrap();
    t.send_key("e");
    t.wait_for("Verslag maken", S5);
    for _ in 0..4 {
        t.send_key("Down");
    }
    t.send_text(&reports.display().to_string());
    t.send_key("Enter");
    t.wait_for("Verslag bewaard", S10);
    let written = only_file(&reports);
    assert!(written.to_string_lossy().ends_with(".docx"), "{written:?}");
    assert_eq!(mode(&written), 0o600);
    let xml = document_xml(&written);
    assert!(xml.contains("Veel ideeën voor de cultuurweek."), "{xml}");
    assert!(xml.contains("Leerlingenraad oprichten"), "{xml}");
    // Back to the history as it was; then a follow-up of the first talk.
    t.send_key("Escape");
    t.wait_for("1 van 2", S5);
    t.send_key("v");
    t.wait_for("Vervolggesprek volgens", S5);
    t.send_key("Enter");
    let screen = t.wait_for("Open punten uit eerdere gesprekken", S10);
    assert!(screen.contains("Leerlingenraad oprichten"), "{screen}");
    assert!(screen.contains("uit Ambitiegesprek van"), "{screen}");
    // The form comes with the school filled in.
    t.send_key("Enter");
    let screen = t.wait_for("Gegevens", S5);
    assert!(screen.contains(SCHOOL), "{screen}");
    t.send_key("Escape");
    t.send_key("Escape");
    t.wait_for("Gesprekken", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let finished = t
        .session_files()
        .into_iter()
        .filter(|f| tmux::load(f).status == Status::Finished)
        .count();
    assert_eq!(finished, 2, "both talks are on disk, finished");
}
