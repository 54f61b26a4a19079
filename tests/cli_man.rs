//! `leidraad man` in the interface language on the real binary: the
//! Dutch pages with Dutch section headings and placeholders, none of
//! clap_mangen's English, every command listed; the English page with
//! clap_mangen's headings; the Dutch page read through `man -l`. (The
//! pages' files and the commands' texts: `cli_shell`.)

mod cli_support;

use cli_support::{commands, pages_named, stdout};

use std::fs;

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with private data and config folders, in Dutch.
fn leidraad(root: &TempDir) -> Command {
    cli_support::leidraad(root, "nl")
}

/// The section headings of a man page (`.SH NAME`: `NAME`).
fn headings(page: &str) -> Vec<String> {
    page.lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .map(|h| h.trim_matches('"').to_string())
        .collect()
}

/// clap_mangen's headings and leidraad's own FILES and ENVIRONMENT, which a
/// Dutch page must not have.
const ENGLISH_HEADINGS: &[&str] = &[
    "FILES",
    "ENVIRONMENT",
    "NAME",
    "SYNOPSIS",
    "DESCRIPTION",
    "OPTIONS",
    "ARGUMENTS",
    "SUBCOMMANDS",
    "COMMANDS",
    "EXTRA",
    "VERSION",
    "AUTHORS",
];

/// clap_mangen's English besides the headings.
const ENGLISH_WORDS: &[&str] = &[
    "Possible values",
    "[default:",
    "May also be specified",
    "General Commands Manual",
    "\\fIsubcommands\\fR",
];

/// Placeholders in English (clap's, and `cli.rs`'s value names).
const ENGLISH_PLACEHOLDERS: &[&str] = &[
    "OPTIONS",
    "COMMAND",
    "SESSION",
    "FILE",
    "DIR",
    "LANG",
    "GUIDE",
    "CLIENT",
    "FORMAT",
    "TRAJECTORY",
    "DATE",
];

/// What must hold for a Dutch page: Dutch headings, no clap English.
fn assert_dutch(name: &str, page: &str) {
    let found = headings(page);
    assert!(found.contains(&"NAAM".to_string()), "{name}: {found:?}");
    assert!(
        found.contains(&"OVERZICHT".to_string()),
        "{name}: {found:?}"
    );
    assert!(found.contains(&"OPTIES".to_string()), "{name}: {found:?}");
    for heading in &found {
        assert!(
            !ENGLISH_HEADINGS.contains(&heading.as_str()),
            "{name}: {heading}: {page}"
        );
    }
    for word in ENGLISH_WORDS {
        assert!(!page.contains(word), "{name}: {word}: {page}");
    }
    for placeholder in ENGLISH_PLACEHOLDERS {
        let lower = placeholder.to_lowercase();
        for written in [
            format!("<{placeholder}>"),
            format!("[{placeholder}]"),
            format!("\\fI{placeholder}\\fR"),
            format!("\\fI{lower}\\fR"),
        ] {
            assert!(!page.contains(&written), "{name}: {written}: {page}");
        }
    }
    assert!(
        page.contains("Handleiding bij de opdrachten"),
        "{name}: {page}"
    );
}

#[test]
fn the_dutch_man_page_has_dutch_headings_and_lists_every_command() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root).arg("man").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let page = stdout(&out);
    assert_dutch("leidraad.1", &page);
    assert_eq!(
        headings(&page),
        [
            "NAAM",
            "OVERZICHT",
            "BESCHRIJVING",
            "OPTIES",
            "OPDRACHTEN",
            "VERSIE",
            "BESTANDEN",
            "OMGEVING"
        ],
        "{page}"
    );
    assert_eq!(pages_named(&page), commands(), "{page}");
    assert!(!page.contains("leidraad\\-help(1)"), "{page}");
    assert!(page.contains("Gezet en niet leeg: geen kleuren."), "{page}");
    assert!(page.contains("[\\fIopdracht\\fR]"), "{page}");
    let dir = root.path().join("man1");
    fs::create_dir_all(&dir).unwrap();
    let out = leidraad(&root)
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    for command in commands() {
        let name = format!("leidraad-{command}.1");
        let page = fs::read_to_string(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_dutch(&name, &page);
    }
    let export = fs::read_to_string(dir.join("leidraad-export.1")).unwrap();
    assert!(
        headings(&export).contains(&"ARGUMENTEN".to_string()),
        "{export}"
    );
    assert!(export.contains("\\fIGESPREK\\fR"), "{export}");
    assert!(!dir.join("leidraad-help.1").exists());
}

#[test]
fn the_english_man_page_keeps_clap_mangen_s_headings() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root)
        .args(["--lang", "en", "man"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let page = stdout(&out);
    assert_eq!(
        headings(&page),
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "SUBCOMMANDS",
            "VERSION",
            "FILES",
            "ENVIRONMENT"
        ],
        "{page}"
    );
    assert_eq!(pages_named(&page), commands(), "{page}");
    assert!(page.contains("Set and not empty: no colours."), "{page}");
}

#[test]
fn man_renders_the_dutch_page_without_complaint() {
    // `man -l` as a user reads the page; skipped where man is not installed.
    let installed = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("man is not installed: not rendered");
        return;
    }
    let root = TempDir::new().unwrap();
    let out = leidraad(&root).arg("man").output().unwrap();
    let file = root.path().join("leidraad.1");
    fs::write(&file, &out.stdout).unwrap();
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(shown.status.success(), "{shown:?}");
    let text = stdout(&shown);
    // The manual's name heads the page (the .TH line's empty date kept).
    let top = text.lines().next().unwrap_or_default();
    assert!(top.contains("Handleiding bij de opdrachten"), "{text}");
    for words in [
        "NAAM",
        "OVERZICHT",
        "OPDRACHTEN",
        "leidraad-export(1)",
        "Toon deze hulp",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    let complaints = String::from_utf8_lossy(&shown.stderr);
    assert!(complaints.trim().is_empty(), "{complaints}");
}
