//! A session file that does not parse, on the real binary: `sessions`,
//! `show`, `export` and `delete` say where (FILE:LINE:COLUMN, as `check`
//! does for a guide) and what, in the interface language and never in the
//! TOML parser's English, and leave the file byte for byte as it was.

mod cli_support;

use std::fs;
use std::path::PathBuf;
use std::time::SystemTime;

use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::session_text;
use tempfile::TempDir;

/// The text the store writes for a voortgangsgesprek with De Regenboog.
fn good() -> String {
    let guide = Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, now);
    s.client = "De Regenboog".into();
    session_text(&s).unwrap()
}

/// The 1-based line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}

/// A broken file: its name, whether its header reads (the listing then
/// shows its date, guide and client beside the fault), where the fault is,
/// and its words in Dutch and English.
struct Broken {
    name: &'static str,
    header_reads: bool,
    at: (usize, usize),
    nl: &'static str,
    en: &'static str,
}

/// A data folder with four broken session files (and nothing else).
fn folder() -> (TempDir, Vec<Broken>) {
    let root = TempDir::new().unwrap();
    let dir = cli_support::data(&root);
    fs::create_dir_all(&dir).unwrap();
    let good = good();
    let client = line_of(&good, "client = ");
    let current = line_of(&good, "current = ");
    let edits = [
        (
            "afgebroken.toml",
            "client = \"De Regenboog\"",
            "client = \"De Regen",
            Broken {
                name: "afgebroken.toml",
                header_reads: false,
                at: (client, 19),
                nl: "een tekst tussen aanhalingstekens die niet is afgesloten of een teken bevat \
                     dat er niet in mag",
                en: "a quoted text that is not closed or holds a character it may not",
            },
        ),
        (
            "soort.toml",
            "client = \"De Regenboog\"",
            "client = 5",
            Broken {
                name: "soort.toml",
                header_reads: false,
                at: (client, 10),
                nl: "een waarde van de verkeerde soort bij `client`",
                en: "a value of the wrong type for `client`",
            },
        ),
        (
            "diep.toml",
            "current = 0",
            "current = \"twee\"",
            Broken {
                name: "diep.toml",
                header_reads: true,
                at: (current, 11),
                nl: "een waarde van de verkeerde soort bij `current`",
                en: "a value of the wrong type for `current`",
            },
        ),
        (
            "dubbel.toml",
            "client = \"De Regenboog\"",
            "client = \"De Regenboog\"\nclient = \"Het Anker\"",
            Broken {
                name: "dubbel.toml",
                header_reads: false,
                at: (client + 1, 1),
                nl: "de sleutel `client` staat er twee keer",
                en: "the key `client` is given twice",
            },
        ),
    ];
    let mut broken = Vec::new();
    for (name, from, to, b) in edits {
        assert!(good.contains(from), "{from}");
        fs::write(dir.join(name), good.replacen(from, to, 1)).unwrap();
        broken.push(b);
    }
    (root, broken)
}

/// Every file of the data folder that is not the index: its bytes and mtime.
fn files(root: &TempDir) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut v: Vec<_> = fs::read_dir(cli_support::data(root))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with(".~"))
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            let mtime = fs::metadata(&p).unwrap().modified().unwrap();
            (p, bytes, mtime)
        })
        .collect();
    v.sort();
    v
}

/// What a command printed on stdout and stderr, and its exit status.
fn run(root: &TempDir, lang: &str, args: &[&str]) -> (String, String, Option<i32>) {
    let out = cli_support::leidraad(root, lang)
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// Words of the TOML parser and of serde that must never reach a Dutch
/// screen.
const PARSER_ENGLISH: [&str; 6] = [
    "expected",
    "unexpected",
    "invalid",
    "newline",
    "missing",
    "usize",
];

#[test]
fn every_command_says_where_and_what_in_the_interface_language_and_touches_nothing() {
    let (root, broken) = folder();
    let before = files(&root);
    let dir = cli_support::data(&root);
    for lang in ["nl", "en"] {
        let mut said = String::new();
        let (table, err, code) = run(&root, lang, &["sessions"]);
        assert_eq!(code, Some(0), "{err}");
        said.push_str(&table);
        said.push_str(&err);
        for b in &broken {
            let (what, prefix) = match lang {
                "nl" => (b.nl, "BESCHADIGD"),
                _ => (b.en, "DAMAGED"),
            };
            let (line, column) = b.at;
            let row = table
                .lines()
                .find(|l| l.starts_with(b.name))
                .unwrap_or_else(|| panic!("{} not listed:\n{table}", b.name));
            let listed = format!("{prefix}: {}:{line}:{column}: {what}", b.name);
            assert!(row.ends_with(&listed), "{lang}: listed as damaged: {row}");
            // A file whose header reads keeps its date, guide and client.
            assert_eq!(
                row.contains("voortgangsgesprek") && row.contains("De Regenboog"),
                b.header_reads,
                "{lang}: {row}"
            );
            let place = format!("{}:{line}:{column}", dir.join(b.name).display());
            let tail = match lang {
                "nl" => "Het bestand is beschadigd en blijft onaangeroerd.",
                _ => "The file is damaged and is left as it is.",
            };
            let want = format!("leidraad: {place}: {what}. {tail}\n");
            for args in [&["show", b.name][..], &["export", b.name]] {
                let (out, err, code) = run(&root, lang, args);
                assert_eq!(code, Some(1), "{lang} {args:?}: {out}{err}");
                assert_eq!(out, "", "{lang} {args:?}");
                assert_eq!(err, want, "{lang} {args:?}");
                said.push_str(&err);
            }
            let (out, err, code) = run(&root, lang, &["delete", "--yes", b.name]);
            assert_eq!(code, Some(1), "{lang} delete: {out}{err}");
            said.push_str(&out);
            said.push_str(&err);
        }
        if lang == "nl" {
            for english in PARSER_ENGLISH {
                assert!(!said.contains(english), "{english} in Dutch:\n{said}");
            }
        }
    }
    assert!(
        files(&root) == before,
        "a damaged file was changed, moved or added to"
    );
}
