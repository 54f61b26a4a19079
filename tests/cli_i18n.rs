//! Every user-facing string exists in both languages: the tables of
//! `leidraad::i18n` are structs with a field per string (a string missing
//! from either language does not compile); this checks that none of the
//! texts is empty in one language, or left as the other language's words.
//! (The `--help` texts: `cli::help`'s tests; the messages of `check`:
//! `cli::check`'s tests.)

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
