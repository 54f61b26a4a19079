//! Every user-facing string exists in both languages: the tables of
//! `leidraad::i18n` are structs with a field per string (a string missing
//! from either language does not compile); this checks that none of the
//! texts is empty in one language, or left as the other language's words,
//! and that each text of a usage error that takes values says them in both.
//! (The `--help` texts: `cli::help`'s tests and `cli_usage`; the messages
//! of `check`: `cli::check`'s tests.)

use leidraad::i18n::{EN, NL, Texts};

/// Texts that are rightly the same in both languages: names, codes,
/// abbreviations and words Dutch and English share.
const SAME_IN_BOTH: &[&str] = &[
    "leidraad",
    "min",
    "Min",
    "MIN",
    "wk",
    "Recent",
    "Status",
    "STATUS",
    "rest",
    "OVER",
    "ID",
    "PLAN",
    "index",
    "true/false",
    "!",
    "—",
    "–",
];

#[test]
fn the_walk_names_each_text_by_its_place() {
    let nl = strings(&NL);
    let (path, text) = nl
        .iter()
        .find(|(p, _)| p == "cli.no_sessions")
        .expect("cli.no_sessions");
    assert_eq!(
        (path.as_str(), text.as_str()),
        ("cli.no_sessions", "Geen sessies.")
    );
}

/// Every `&str` of a table as (path, text), from its `Debug` form; the
/// `fn` fields (texts with values) show as addresses and are left out.
fn strings(texts: &Texts) -> Vec<(String, String)> {
    let debug = format!("{texts:#?}");
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    // Lists of texts (the `--help` tables) are checked where they are used.
    let mut in_list = 0;
    for line in debug.lines() {
        let line = line.trim();
        if line.ends_with('[') {
            in_list += 1;
            continue;
        }
        if line.starts_with(']') {
            in_list -= 1;
            continue;
        }
        if in_list > 0 {
            continue;
        }
        if line.ends_with('{') {
            let name = line.split_once(':').map_or("", |(name, _)| name.trim());
            path.push(name.to_string());
            continue;
        }
        if line.starts_with('}') {
            path.pop();
            continue;
        }
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        let value = value.trim_end_matches(',');
        if let Some(text) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            let mut at: Vec<&str> = path
                .iter()
                .map(String::as_str)
                .filter(|p| !p.is_empty())
                .collect();
            at.push(key);
            out.push((at.join("."), text.to_string()));
        }
    }
    out
}

#[test]
fn no_text_is_empty_or_the_same_in_both_languages() {
    let (nl, en) = (strings(&NL), strings(&EN));
    assert_eq!(nl.len(), en.len());
    assert!(nl.len() > 100, "{}", nl.len());
    let mut wrong = Vec::new();
    for ((path, nl), (en_path, en)) in nl.iter().zip(&en) {
        assert_eq!(path, en_path);
        if nl.is_empty() != en.is_empty() {
            wrong.push(format!("{path}: empty in one language"));
        } else if nl == en && !nl.is_empty() && !SAME_IN_BOTH.contains(&nl.as_str()) {
            wrong.push(format!("{path}: {nl:?} in both"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Each text of a usage error that takes values, in both languages: (the
/// name, the Dutch, the English, what it must name).
fn usage_error_texts() -> Vec<(&'static str, String, String, Vec<&'static str>)> {
    let (nl, en) = (&NL.cli.help, &EN.cli.help);
    type Both = (
        &'static str,
        fn(&leidraad::i18n::cli::help::Help) -> String,
        Vec<&'static str>,
    );
    let cases: Vec<Both> = vec![
        (
            "unknown_command",
            |h| (h.unknown_command)("frob"),
            vec!["frob"],
        ),
        (
            "unknown_option",
            |h| (h.unknown_option)("--frob"),
            vec!["--frob"],
        ),
        (
            "invalid_value",
            |h| (h.invalid_value)("pdf", "--format", "md, docx"),
            vec!["pdf", "--format"],
        ),
        ("missing", |h| (h.missing)("<GESPREK>"), vec!["<GESPREK>"]),
        (
            "conflict",
            |h| (h.conflict)("--json", "--ics"),
            vec!["--json", "--ics"],
        ),
        (
            "unexpected_argument",
            |h| (h.unexpected_argument)("extra"),
            vec!["extra"],
        ),
        (
            "value_missing",
            |h| (h.value_missing)("--output", "<BESTAND>", ""),
            vec!["--output", "<BESTAND>"],
        ),
        (
            "value_unexpected",
            |h| (h.value_unexpected)("true", "--private"),
            vec!["true", "--private"],
        ),
        (
            "too_few_values",
            |h| (h.too_few_values)("--some", 2, 1),
            vec!["--some", "2", "1"],
        ),
        (
            "wrong_number_of_values",
            |h| (h.wrong_number_of_values)("--pair", 2, 1),
            vec!["--pair", "2", "1"],
        ),
        ("repeated", |h| (h.repeated)("--private"), vec!["--private"]),
        (
            "command_conflict",
            |h| (h.command_conflict)("show", "--json"),
            vec!["show", "--json"],
        ),
        (
            "needs_equals",
            |h| (h.needs_equals)("--when"),
            vec!["--when"],
        ),
        (
            "missing_command",
            |h| (h.missing_command)("plans", "list"),
            vec!["plans", "list"],
        ),
        (
            "did_you_mean",
            |h| (h.did_you_mean)("--client"),
            vec!["--client"],
        ),
        (
            "tip_as_value",
            |h| (h.tip_as_value)("-x", "-- -x"),
            vec!["-x", "-- -x"],
        ),
        (
            "tip_exists",
            |h| (h.tip_exists)("leidraad show"),
            vec!["leidraad show"],
        ),
        (
            "tip_remove_dashes",
            |h| (h.tip_remove_dashes)("show"),
            vec!["show"],
        ),
    ];
    cases
        .into_iter()
        .map(|(name, text, named)| (name, text(nl), text(en), named))
        .collect()
}

#[test]
fn every_usage_error_text_is_said_in_both_languages() {
    let mut wrong = Vec::new();
    for (name, nl, en, named) in usage_error_texts() {
        if nl.trim().is_empty() || en.trim().is_empty() {
            wrong.push(format!("{name}: empty in one language"));
        } else if nl == en {
            wrong.push(format!("{name}: {nl:?} in both"));
        }
        for word in named {
            if !nl.contains(word) || !en.contains(word) {
                wrong.push(format!("{name}: {word} not named: {nl:?} / {en:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
