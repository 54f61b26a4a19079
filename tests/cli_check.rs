//! `leidraad check` and the broken guides of `leidraad guides` on the real
//! binary: each message at FILE:LINE:COLUMN, in the interface language,
//! naming the guide's element (the English wording is in
//! `tests/cli_guides.rs`).

mod cli_support;

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/guides");

fn leidraad(config: &TempDir, lang: &str) -> Command {
    cli_support::leidraad_with(&config.path().join("data"), config.path(), lang)
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_names_the_phase_and_the_key_in_dutch_and_english() {
    let config = TempDir::new().unwrap();
    let missing = Path::new(FIXTURES).join("invalid/missing-key.toml");
    let typed = Path::new(FIXTURES).join("invalid/wrong-type.toml");
    let said = stderr_of(
        leidraad(&config, "nl")
            .arg("check")
            .arg(&missing)
            .arg(&typed),
    );
    let at = |file: &Path, pos: &str| format!("{}:{pos}: ", file.display());
    assert!(
        said.contains(&format!(
            "{}fase `midden` mist `title` (de titel)",
            at(&missing, "10:1")
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{}`minutes` van fase `begin` is tekst (\"tien\"), maar moet een heel getal van 0 of meer zijn",
            at(&typed, "8:11")
        )),
        "{said}"
    );
    assert!(said.contains("2 fout(en)"), "{said}");
    let said = stderr_of(
        leidraad(&config, "en")
            .arg("check")
            .arg(&missing)
            .arg(&typed),
    );
    assert!(
        said.contains("10:1: phase `midden` is missing `title` (its title)"),
        "{said}"
    );
    assert!(
        said.contains("8:11: `minutes` of phase `begin` is text (\"tien\")"),
        "{said}"
    );
}

#[test]
fn toml_syntax_is_said_in_words_in_dutch() {
    let config = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("gids.toml");
    std::fs::write(
        &file,
        "format = 1\nid = \"g\"\ntitle = \"G\"\n\n[[phases]]\nid = \"een\"\ntitle = \"Een\"\nminutes = 5\ngoal = \"open\n",
    )
    .unwrap();
    let said = stderr_of(leidraad(&config, "nl").arg("check").arg(&file));
    assert!(
        said.contains(&format!(
            "{}:9:13: de tekst tussen aanhalingstekens is niet afgesloten",
            file.display()
        )),
        "{said}"
    );
    assert!(said.contains("(in fase `een`)"), "{said}");
    assert!(!said.contains("invalid basic string"), "{said}");
}

#[test]
fn guides_lists_broken_guides_in_dutch() {
    let (config, dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    std::fs::copy(
        Path::new(FIXTURES).join("invalid/unknown-key.toml"),
        dir.path().join("a.toml"),
    )
    .unwrap();
    let said = stderr_of(
        leidraad(&config, "nl")
            .arg("guides")
            .arg("--guides-dir")
            .arg(dir.path()),
    );
    assert!(
        said.contains("a.toml:8:1: onbekende sleutel `minuten` (bedoel je `minutes`?)"),
        "{said}"
    );
    assert!(said.contains("(in fase `begin`)"), "{said}");
}
