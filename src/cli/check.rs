//! `leidraad check [FILE...]`, and the broken guides `leidraad guides`
//! lists: each diagnostic as `FILE:LINE:COLUMN: what is wrong`, in the
//! user's language and naming the guide's element (phase `een`, list
//! `afspraken` of phase 2) found in the file's text.

mod element;
mod words;

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::file_read::{self, ReadError};
use crate::guide::Guide;
use crate::guide::parse::{Diagnostic, Parsed, parse_guide_bytes};
use crate::i18n::Texts;
use crate::trajectory::resolve_steps;

/// A diagnostic as the user reads it: the position as the parser gives it,
/// then what is wrong in the user's words. `text` is the file's text when
/// it is known (else it is read again, if it is a small regular file).
pub fn say(t: &Texts, d: &Diagnostic, text: Option<&str>, warning: bool) -> String {
    let c = &t.cli.check;
    let read;
    let text = match text {
        Some(text) => Some(text),
        None => {
            read = reread(&d.file);
            read.as_deref()
        }
    };
    let what = match text {
        Some(text) if d.line > 0 => element::at(text, d.line),
        _ => element::Element::Guide,
    };
    let line = text
        .and_then(|text| text.lines().nth(d.line.saturating_sub(1)))
        .unwrap_or("");
    let (words, _) = words::translate(c, &d.message, &what, line);
    let prefix = if warning { c.warning } else { "" };
    let place = Diagnostic {
        message: format!("{prefix}{words}"),
        ..d.clone()
    };
    place.to_string()
}

/// The text of a guide file named in a diagnostic: a bundled guide's from
/// the binary, else the file's if it is a regular file of a sane size
/// (opened without blocking: a pipe in its place cannot hang `check`).
fn reread(file: &str) -> Option<String> {
    if let Some(name) = file.strip_prefix("guides/") {
        let bundled = crate::bundled::BUNDLED.iter().find(|(n, _)| *n == name);
        if let Some((_, text)) = bundled {
            return Some((*text).to_string());
        }
    }
    let bytes = read_guide(Path::new(file)).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The bytes of a guide file, if it is a regular file of a sane size
/// (opened without blocking: a pipe in its place cannot hang `check`).
fn read_guide(path: &Path) -> Result<Vec<u8>, ReadError> {
    file_read::read_regular(path, file_read::GUIDE_LIMIT)
}

/// `leidraad check [FILE...]`: every diagnostic on stderr, exit 1 on any error.
pub fn check(t: &Texts, dirs: &[PathBuf], files: &[PathBuf]) -> i32 {
    let (checked, errors, warnings) = if files.is_empty() {
        let catalog = Catalog::load(dirs);
        let warnings: Vec<Diagnostic> = catalog.warnings().cloned().collect();
        (catalog.guides.len(), catalog.errors, warnings)
    } else {
        check_files(t, dirs, files)
    };
    for w in &warnings {
        super::out::eprintln(&say(t, w, None, true));
    }
    for e in &errors {
        super::out::eprintln(&say(t, e, None, false));
    }
    if errors.is_empty() {
        super::out::println(&(t.cli.check_ok)(checked, warnings.len()));
        0
    } else {
        super::out::eprintln(&(t.cli.check_failed)(errors.len(), warnings.len()));
        1
    }
}

/// Check the named files; trajectories resolve against the named files'
/// conversations first, then the loaded guides. Returns (files, errors, warnings).
fn check_files(
    t: &Texts,
    dirs: &[PathBuf],
    files: &[PathBuf],
) -> (usize, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut parsed: Vec<(String, Parsed)> = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let why = match read_guide(path) {
            Ok(bytes) => {
                match parse_guide_bytes(&name, &bytes) {
                    Ok(p) => parsed.push((name, p)),
                    Err(mut e) => errors.append(&mut e),
                }
                continue;
            }
            Err(ReadError::NotAFile(_)) => t.cli.check.not_a_file.to_string(),
            Err(ReadError::TooLarge { .. }) => t.cli.check.too_large.to_string(),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                t.cli.check.not_found.to_string()
            }
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                t.cli.check.no_permission.to_string()
            }
            Err(ReadError::Io(e)) => e.to_string(),
        };
        errors.push(Diagnostic::whole_file(
            &name,
            format!("cannot read the guide file: {why}"),
        ));
    }
    let catalog = Catalog::load(dirs);
    let named: Vec<Guide> = parsed.iter().map(|(_, p)| p.guide.clone()).collect();
    let mut warnings = Vec::new();
    for (name, p) in &mut parsed {
        warnings.append(&mut p.warnings);
        if let Guide::Trajectory(tr) = &mut p.guide {
            let lookup = |id: &str| {
                named
                    .iter()
                    .find(|g| g.id() == id)
                    .or_else(|| catalog.get(id).map(|g| &g.guide))
            };
            errors.append(&mut resolve_steps(tr, name, &p.step_at, lookup));
        }
    }
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    (files.len(), errors, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Broken guide files beyond the fixtures: TOML syntax and types.
    const BROKEN: &[&str] = &[
        "minutes = \"tien\n",
        "minutes = 10\nquestions = [\"a\" \"b\"]\n",
        "minutes = 10\nquestions = [\"a\", \"b\"\n",
        "minutes =\n",
        "minutes 10\n",
        "minutes = tien\n",
        "minutes = 10\n[[phases\n",
        "minutes = 10\noptional = \"ja\"\n",
        "minutes = 1.5\n",
        "minutes = 10\nquestions = \"a\"\n",
        "minutes = 10\n[[phases.lists]]\nid = \"l\"\nlabel = \"L\"\n",
        "minutes = 10\n[[phases.lists]]\nid = \"l\"\nlabel = \"L\"\ncolumns = [1]\n",
        "minutes = 10\ntitle = \"Twee\"\n",
        "minutes = 10\nguidance = '''\nopen\n",
        "minutes = 10\ngoal = 'open\n",
        "minutes = 10\n[[fields]]\nlabel = \"x\"\nkind = \"date\"\ndefault = \"morgen\"\n",
        "minutes = 10\n[[fields]]\nid = \"k\"\nlabel = \"x\"\nkind = \"choice\"\nchoices = [\"a\", \"b\"]\ndefault = \"c\"\n",
    ];

    /// Every diagnostic of the fixtures and of [`BROKEN`], with its file's text.
    fn diagnostics() -> Vec<(Diagnostic, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guides");
        let mut files: Vec<PathBuf> = ["invalid", "warn"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).into_iter().flatten())
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        let t = Lang::En.texts();
        let (_, errors, warnings) = check_files(t, &[], &files);
        let mut all: Vec<(Diagnostic, String)> = errors
            .into_iter()
            .chain(warnings)
            .map(|d| {
                let text = reread(&d.file).unwrap_or_default();
                (d, text)
            })
            .collect();
        let head =
            "format = 1\nid = \"x\"\ntitle = \"X\"\n\n[[phases]]\nid = \"een\"\ntitle = \"Een\"\n";
        for tail in BROKEN {
            let text = format!("{head}{tail}");
            let Err(found) = crate::guide::parse::parse_guide("x.toml", &text) else {
                panic!("not broken: {tail}");
            };
            all.extend(found.into_iter().map(|d| (d, text.clone())));
        }
        for message in [
            "duplicate guide id `a`; guides/a.toml already uses it",
            "guide id `a` is also used by b.toml; this file is loaded later and wins",
            "cannot read the guide folder: Permission denied (os error 13)",
            "cannot read the guide file: not a regular file (a folder, a pipe or a device)",
        ] {
            all.push((Diagnostic::whole_file("a.toml", message), String::new()));
        }
        assert!(all.len() > 60, "{}", all.len());
        all
    }

    #[test]
    fn every_guide_error_has_its_words_in_dutch() {
        let c = &Lang::Nl.texts().cli.check;
        for (d, text) in diagnostics() {
            let what = element::at(&text, d.line);
            let line = text.lines().nth(d.line.saturating_sub(1)).unwrap_or("");
            let (said, all) = words::translate(c, &d.message, &what, line);
            assert!(all, "no Dutch for a clause of {d}\n  said: {said}");
        }
    }

    #[test]
    fn every_dutch_clause_fills_its_placeholders_and_is_not_english() {
        for (pattern, words, _) in Lang::Nl.texts().cli.check.clauses {
            assert_ne!(pattern, words);
            let n = pattern.matches("{}").count();
            for i in 0..n {
                let at = format!("{{{i}}}");
                // A placeholder left out is fine only for what follows a
                // TOML syntax error's description (toml's "expected …").
                assert!(words.contains(&at) || pattern.ends_with("{}"), "{pattern}");
            }
            assert!(!words.contains(&format!("{{{n}}}")), "{pattern}");
        }
    }

    #[test]
    fn a_message_names_the_element_and_keeps_the_position() {
        let text =
            "format = 1\nid = \"g\"\ntitle = \"G\"\n\n[[phases]]\nid = \"een\"\ntitle = \"Een\"\n";
        let d = crate::guide::parse::parse_guide("g.toml", text)
            .err()
            .and_then(|e| e.into_iter().next())
            .expect("a phase without minutes");
        let nl = say(Lang::Nl.texts(), &d, Some(text), false);
        assert_eq!(
            nl,
            "g.toml:5:1: fase `een` mist `minutes` (het aantal minuten)"
        );
        let en = say(Lang::En.texts(), &d, Some(text), true);
        assert_eq!(
            en,
            "g.toml:5:1: warning: phase `een` is missing `minutes` (the number of minutes)"
        );
        let typed = format!("{text}minutes = \"tien\"\n");
        let d = crate::guide::parse::parse_guide("g.toml", &typed)
            .err()
            .and_then(|e| e.into_iter().next())
            .expect("minutes as text");
        let nl = say(Lang::Nl.texts(), &d, Some(&typed), false);
        assert_eq!(
            nl,
            "g.toml:8:11: `minutes` van fase `een` is tekst (\"tien\"), maar moet een heel getal \
             van 0 of meer zijn"
        );
    }

    #[test]
    fn a_pipe_named_to_check_is_reported_without_waiting_on_it() {
        let dir = tempfile::TempDir::new().unwrap();
        let fifo = dir.path().join("gids.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let t = Lang::Nl.texts();
        let (_, errors, _) = check_files(t, &[], std::slice::from_ref(&fifo));
        let said = say(t, &errors[0], None, false);
        assert!(said.ends_with("kan het gidsbestand niet lezen: geen gewoon bestand (een map, een pipe of een apparaat)"), "{said}");
    }
}
