//! Guide format 1: one failing fixture per rule (message and exact
//! line:column), the warnings, full-featured valid guides, the catalog's
//! loading rules, and the examples in docs/guide-format.md.

use std::fs;
use std::path::{Path, PathBuf};

use leidraad::catalog::{Catalog, GuideSource};
use leidraad::guide::parse::{Parsed, parse_guide, parse_guide_bytes};
use leidraad::guide::{FieldKind, ReminderAt};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/guides");

fn fixture(path: &str) -> PathBuf {
    Path::new(FIXTURES).join(path)
}

fn parse_fixture(path: &str) -> Result<Parsed, Vec<String>> {
    let bytes = fs::read(fixture(path)).unwrap();
    parse_guide_bytes(path, &bytes).map_err(|e| e.iter().map(|d| d.to_string()).collect())
}

/// Every invalid fixture with the one diagnostic it must produce.
const INVALID: &[(&str, &str)] = &[
    (
        "empty",
        "1:1: the file is empty; expected a guide starting with `format = 1`",
    ),
    (
        "not-utf8",
        "3:11: the file is not valid UTF-8 text; save it as UTF-8",
    ),
    (
        "syntax",
        "6:1: missing comma between array elements, expected `,`",
    ),
    (
        "wrong-type",
        "8:11: invalid type: string \"tien\", expected a whole number of 0 or more",
    ),
    (
        "missing-key",
        "10:1: missing required key `title` in this table",
    ),
    (
        "missing-phases",
        "1:1: missing required key `phases` at the top of the file",
    ),
    (
        "unknown-key",
        "8:1: unknown key `minuten` (did you mean `minutes`?); expected one of `id`, `title`, `minutes`, `goal`, `guidance`, `questions`, `optional`, `revisit`, `groups`, `lists`, `ratings`",
    ),
    (
        "unknown-key-top",
        "3:1: unknown key `titel` (did you mean `title`?); expected one of `id`, `title`, `subtitle`, `language`, `minutes`, `summary`, `participants`, `materials`, `preparation`, `fields`, `phases`, `reminders`",
    ),
    (
        "trajectory-unknown-key",
        "8:1: unknown key `weeks` (did you mean `week`?); expected one of `guide`, `title`, `week`, `optional`, `repeat`, `every_weeks`",
    ),
    (
        "missing-format",
        "1:1: missing key `format`; expected `format = 1` at the top of the file",
    ),
    (
        "unknown-format",
        "1:10: unknown format 2; this version of leidraad reads format 1",
    ),
    (
        "unknown-kind",
        "2:8: unknown kind `trajectorie` (did you mean `trajectory`?); expected `conversation` or `trajectory`",
    ),
    (
        "bad-id",
        "2:6: invalid id `Fout Gesprek`; expected lower-case letters a-z, digits and hyphens, starting with a letter or digit",
    ),
    (
        "duplicate-key",
        "4:1: duplicate key `title`: each key may appear only once in a table",
    ),
    ("total-minutes-zero", "4:11: `minutes` must be at least 1"),
    (
        "field-kind-unknown",
        "8:8: unknown field kind `number`; expected one of text, longtext, date, yesno, choice, list",
    ),
    (
        "choice-without-choices",
        "6:6: field `rol` has kind \"choice\" but no `choices`; expected `choices` with at least two options",
    ),
    ("choice-one-choice", "9:11: expected at least two `choices`"),
    (
        "choices-on-text",
        "8:11: `choices` is only allowed on a field with kind = \"choice\"",
    ),
    (
        "today-on-text",
        "8:11: `default = \"today\"` is only allowed on a field with kind = \"date\"",
    ),
    (
        "two-client-fields",
        "13:10: only one field may be the client field; line 8 already has `client = true`",
    ),
    (
        "duplicate-field-id",
        "10:6: duplicate field id `school`; it is already used on line 6",
    ),
    (
        "duplicate-phase-id",
        "11:6: duplicate phase id `begin`; it is already used on line 6",
    ),
    ("no-phases", "4:10: expected at least one phase in `phases`"),
    (
        "phase-minutes-zero",
        "8:11: phase minutes must be between 1 and 600, found 0",
    ),
    (
        "phase-minutes-over",
        "8:11: phase minutes must be between 1 and 600, found 601",
    ),
    (
        "revisit-forward",
        "9:11: `revisit` points forward to the later phase `einde`; expected the id of an earlier phase, and this is the first phase",
    ),
    (
        "revisit-self",
        "14:11: `revisit` points to its own phase `einde`; expected the id of an earlier phase: `begin`",
    ),
    (
        "revisit-unknown",
        "14:11: `revisit` names the unknown phase `contract`; expected the id of an earlier phase: `begin`",
    ),
    (
        "duplicate-list-id",
        "21:6: duplicate list id `afspraken`; it is already used on line 11",
    ),
    (
        "duplicate-rating-id",
        "22:6: duplicate rating id `doelen`; it is already used on line 11",
    ),
    (
        "columns-too-many",
        "13:11: expected 1 to 6 `columns`, found 7",
    ),
    ("columns-none", "13:11: expected 1 to 6 `columns`, found 0"),
    (
        "min-over-max",
        "15:7: `max` (3) is smaller than `min` (6); expected min <= max",
    ),
    (
        "scale-too-short",
        "13:9: expected a `scale` of 2 to 7 steps, found 1",
    ),
    (
        "scale-too-long",
        "13:9: expected a `scale` of 2 to 7 steps, found 8",
    ),
    (
        "reminder-both",
        "12:23: a reminder takes exactly one of `minutes_before_end` and `minutes_after_start`, not both",
    ),
    (
        "reminder-none",
        "10:1: a reminder needs `minutes_before_end` or `minutes_after_start`",
    ),
    (
        "reminder-outside",
        "11:22: the reminder's moment lies outside the planned 10 minutes; expected at most 10",
    ),
    (
        "trajectory-no-steps",
        "5:9: expected at least one step in `steps`",
    ),
    (
        "trajectory-weeks-decrease",
        "12:8: week 2 comes before week 4 of the previous step (line 8); expected weeks that do not decrease",
    ),
    (
        "trajectory-week-zero",
        "8:8: weeks are counted from 1; expected `week` >= 1",
    ),
    ("trajectory-repeat-zero", "8:10: expected `repeat` >= 1"),
    (
        "trajectory-every-weeks-zero",
        "9:15: expected `every_weeks` >= 1",
    ),
];

#[test]
fn each_invalid_fixture_gives_its_message_at_its_position() {
    let mut failures = Vec::new();
    for (name, expected) in INVALID {
        let path = format!("invalid/{name}.toml");
        let expected = format!("{path}:{expected}");
        match parse_fixture(&path) {
            Ok(_) => failures.push(format!("{path}: parsed without error")),
            Err(got) if got == [expected.clone()] => {}
            Err(got) => failures.push(format!(
                "expected\n  {expected}\ngot\n  {}",
                got.join("\n  ")
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_invalid_fixture_is_in_the_table() {
    for entry in fs::read_dir(fixture("invalid")).unwrap() {
        let name = entry.unwrap().path();
        let stem = name.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            INVALID.iter().any(|(n, _)| *n == stem),
            "{stem} has no expectation"
        );
    }
}

#[test]
fn minutes_differing_from_the_phases_is_a_warning() {
    let p = parse_fixture("warn/minutes-differ.toml").unwrap();
    assert_eq!(p.guide.as_conversation().unwrap().minutes, 90);
    let w: Vec<String> = p.warnings.iter().map(|d| d.as_warning()).collect();
    assert_eq!(
        w,
        vec![
            "warn/minutes-differ.toml:4:11: warning: `minutes` is 90 but the phases add up to 15; the phase budgets are scaled to 90 on screen"
        ]
    );
}

#[test]
fn every_weeks_without_repeat_is_a_warning() {
    let p = parse_fixture("warn/every-weeks-without-repeat.toml").unwrap();
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, 8);
    assert_eq!(p.warnings[0].column, 15);
}

#[test]
fn full_conversation_keeps_every_key() {
    let p = parse_fixture("valid/full-conversation.toml").unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let c = p.guide.as_conversation().unwrap();
    assert_eq!(c.id, "volledig");
    assert_eq!(c.subtitle, "Fase experimenteren, verdiepen en borgen");
    assert_eq!(c.minutes, 30);
    assert_eq!(
        c.summary,
        "Reflecteer met het kernteam op het traject tot nu toe."
    );
    assert_eq!(c.participants.len(), 2);
    assert_eq!(c.materials.len(), 2);
    assert_eq!(c.preparation.len(), 1);
    let kinds: Vec<FieldKind> = c.fields.iter().map(|f| f.kind).collect();
    use FieldKind::*;
    assert_eq!(kinds, vec![Text, Date, Choice, Longtext, Yesno, List]);
    assert_eq!(c.client_field().unwrap().id, "school");
    assert!(c.fields[0].required);
    assert_eq!(c.fields[1].default.as_deref(), Some("today"));
    assert_eq!(c.fields[2].choices, vec!["fysiek", "online"]);
    let first = &c.phases[0];
    assert_eq!(first.goal, "Verhelder de verwachtingen.");
    assert_eq!(first.guidance, "Begin linksonder te tekenen.");
    assert_eq!(first.groups[0].title, "Op organisatieniveau");
    assert_eq!(first.ratings[0].scale.len(), 4);
    let last = &c.phases[1];
    assert!(last.optional);
    assert_eq!(last.revisit.as_deref(), Some("contracteren"));
    let agreements = &last.lists[0];
    assert!(agreements.carry);
    assert_eq!((agreements.min, agreements.max), (Some(1), Some(6)));
    assert_eq!(c.reminders[0].at, ReminderAt::MinutesBeforeEnd(5));
    assert_eq!(c.reminders[1].at, ReminderAt::MinutesAfterStart(10));
}

fn fixture_text(path: &str) -> String {
    fs::read_to_string(fixture(path)).unwrap()
}

#[test]
fn full_trajectory_resolves_against_the_catalog() {
    let conv = fixture_text("valid/full-conversation.toml");
    let short = fixture_text("valid/short-conversation.toml");
    let traj = fixture_text("valid/full-trajectory.toml");
    let catalog = Catalog::load_with(
        &[("a.toml", &conv), ("b.toml", &short), ("c.toml", &traj)],
        &[],
    );
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let t = catalog.trajectory("verbetertraject").unwrap();
    type Row<'a> = (&'a str, &'a str, u32, u32, Option<u32>, bool);
    let got: Vec<Row> = t
        .steps
        .iter()
        .map(|s| {
            (
                s.guide.as_str(),
                s.title.as_str(),
                s.week,
                s.repeat,
                s.every_weeks,
                s.optional,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("kort", "Kort gesprek", 1, 1, None, false),
            ("volledig", "Nu-meting", 2, 1, None, true),
            ("kort", "Coachingsmoment", 4, 5, Some(2), false),
            ("volledig", "Afsluitend gesprek", 14, 1, None, false),
        ]
    );
    // Display order: conversations by title, then trajectories.
    let ids: Vec<&str> = catalog.guides.iter().map(|g| g.guide.id()).collect();
    assert_eq!(ids, vec!["kort", "volledig", "verbetertraject"]);
}

#[test]
fn trajectory_with_an_unknown_step_is_reported_and_left_out() {
    let traj = fixture_text("valid/full-trajectory.toml");
    let short = fixture_text("valid/short-conversation.toml");
    let catalog = Catalog::load_with(&[("b.toml", &short), ("c.toml", &traj)], &[]);
    assert!(catalog.get("verbetertraject").is_none());
    let errors: Vec<String> = catalog.errors.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        errors,
        vec![
            "guides/c.toml:14:9: step 2 names the guide `volledig`, which is not loaded; expected the id of a conversation guide",
            "guides/c.toml:26:9: step 4 names the guide `volledig`, which is not loaded; expected the id of a conversation guide",
        ]
    );
}

#[test]
fn user_guide_replaces_a_bundled_one_and_broken_ones_do_not_stop_the_rest() {
    let short = fixture_text("valid/short-conversation.toml");
    let dir = tempfile::tempdir().unwrap();
    let mine = short.replace("Kort gesprek", "Mijn korte gesprek");
    fs::write(dir.path().join("kort.toml"), &mine).unwrap();
    fs::write(dir.path().join("broken.toml"), "format = 1\nid = \"x\"\n").unwrap();
    fs::write(dir.path().join("notes.txt"), "not a guide").unwrap();
    let missing = dir.path().join("does-not-exist");
    let catalog = Catalog::load_with(
        &[("kort.toml", &short)],
        &[missing, dir.path().to_path_buf()],
    );
    let g = catalog.get("kort").unwrap();
    assert!(g.replaces_bundled);
    assert_eq!(g.source, GuideSource::File(dir.path().join("kort.toml")));
    assert_eq!(g.guide.title(), "Mijn korte gesprek");
    assert_eq!(catalog.guides.len(), 1);
    assert_eq!(catalog.errors.len(), 1);
    assert!(
        catalog.errors[0]
            .to_string()
            .ends_with("broken.toml:1:1: missing required key `title` at the top of the file")
    );
}

#[test]
fn later_user_folder_wins_with_a_warning() {
    let short = fixture_text("valid/short-conversation.toml");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    fs::write(a.path().join("kort.toml"), &short).unwrap();
    fs::write(
        b.path().join("ook-kort.toml"),
        short.replace("Kort gesprek", "Later"),
    )
    .unwrap();
    let catalog = Catalog::load_with(&[], &[a.path().to_path_buf(), b.path().to_path_buf()]);
    let g = catalog.get("kort").unwrap();
    assert_eq!(g.guide.title(), "Later");
    assert!(!g.replaces_bundled);
    assert_eq!(g.warnings.len(), 1);
    assert!(
        g.warnings[0].message.contains("is also used by"),
        "{}",
        g.warnings[0]
    );
}

#[test]
fn duplicate_bundled_ids_are_an_error() {
    let short = fixture_text("valid/short-conversation.toml");
    let catalog = Catalog::load_with(&[("a.toml", &short), ("b.toml", &short)], &[]);
    assert_eq!(catalog.guides.len(), 1);
    assert_eq!(
        catalog.errors[0].to_string(),
        "guides/b.toml:2:6: duplicate guide id `kort`; guides/a.toml already uses it"
    );
}

#[test]
fn bundled_guides_are_all_valid() {
    let catalog = Catalog::bundled();
    assert!(catalog.errors.is_empty(), "{:#?}", catalog.errors);
}

/// The ```toml blocks of the documentation for guide authors.
fn doc_examples() -> Vec<String> {
    toml_blocks("docs/guide-format.md")
}

/// The ```toml blocks of a Markdown file of the project.
fn toml_blocks(file: &str) -> Vec<String> {
    let doc = fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                out.push(std::mem::take(block));
                current = None;
            }
            (Some(block), l) => {
                block.push_str(l);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

#[test]
fn documentation_examples_pass_check() {
    let examples: Vec<String> = doc_examples()
        .into_iter()
        .filter(|e| e.contains("format = 1"))
        .collect();
    assert!(examples.len() >= 2, "the complete examples are missing");
    let names: Vec<String> = (0..examples.len())
        .map(|i| format!("example-{i}.toml"))
        .collect();
    let bundled: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(examples.iter().map(String::as_str))
        .collect();
    for (name, text) in &bundled {
        let p = parse_guide(name, text).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }
    let catalog = Catalog::load_with(&bundled, &[]);
    assert!(catalog.errors.is_empty(), "{:#?}", catalog.errors);
    assert!(
        catalog
            .guides
            .iter()
            .any(|g| g.guide.as_trajectory().is_some())
    );
    assert!(
        catalog
            .guides
            .iter()
            .any(|g| g.guide.as_conversation().is_some())
    );
}

#[test]
fn readme_example_passes_check() {
    let examples = toml_blocks("README.md");
    assert!(!examples.is_empty(), "the README shows a guide");
    for text in &examples {
        let p = parse_guide("README.md", text).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }
}
