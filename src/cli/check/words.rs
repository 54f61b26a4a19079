//! A guide diagnostic's English, as the parser wrote it, in the user's
//! language and the guide's terms: clause by clause through the table of
//! [`crate::i18n::cli::check`], with where in the guide it is.

use super::element::{Element, Name};
use crate::i18n::cli::check::Check;

/// What is wrong, in `c`'s language: the parser's `message` about `what`
/// (the element), `line` the text of the line it points at (to find a
/// value's key). The flag: every clause had words in this language.
pub fn translate(c: &Check, message: &str, what: &Element, line: &str) -> (String, bool) {
    let element = describe(c, what);
    let missing = message
        .strip_prefix("missing required key `")
        .and_then(|rest| rest.split_once('`'))
        .filter(|(_, tail)| matches!(*tail, " in this table" | " at the top of the file"));
    if let Some((key, _)) = missing {
        return (
            (c.lacks)(&element, key, lookup(c.meanings, key).unwrap_or("")),
            true,
        );
    }
    if let Some(said) = wrong_type(c, message, &element, line) {
        return (said, true);
    }
    let mut all = true;
    let mut names_itself = false;
    let clauses: Vec<String> = message
        .split("; ")
        .map(|clause| match clause_words(c, clause) {
            Some((words, itself)) => {
                names_itself |= itself;
                words
            }
            None => {
                all = false;
                clause.to_string()
            }
        })
        .collect();
    let mut said = clauses.join("; ");
    if !names_itself && *what != Element::Guide {
        said.push_str(&(c.inside)(&element));
    }
    (said, all)
}

/// The element in words: "fase `een`", "lijst `afspraken` van fase 2".
pub fn describe(c: &Check, what: &Element) -> String {
    let name = |n: &Name| match n {
        Name::Id(id) => format!("`{id}`"),
        Name::Nth(n) => n.to_string(),
    };
    match what {
        Element::Guide => c.guide.to_string(),
        Element::Field(n) => (c.field)(&name(n)),
        Element::Phase(n) => (c.phase)(&name(n)),
        Element::Group(n, phase) => (c.group)(&name(n), &name(phase)),
        Element::List(n, phase) => (c.list)(&name(n), &name(phase)),
        Element::Rating(n, phase) => (c.rating)(&name(n), &name(phase)),
        Element::Reminder(n) => (c.reminder)(&name(n)),
        Element::Step(n, None) => (c.step)(*n),
        Element::Step(n, Some(guide)) => (c.step_guide)(*n, &format!("`{guide}`")),
        Element::Table(header) => (c.table)(header),
    }
}

/// "invalid type: string "tien", expected a whole number of 0 or more" (or
/// "invalid value: …") as "`minutes` van fase `een` is tekst ("tien"), …".
fn wrong_type(c: &Check, message: &str, element: &str, line: &str) -> Option<String> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.split_once(", expected ")?;
    let (kind, value) = match c.kinds.iter().find(|(k, _)| found.starts_with(k)) {
        Some((k, words)) => (*words, found[k.len()..].trim()),
        None => ("", found),
    };
    let found = match (kind, value) {
        ("", value) => value.to_string(),
        (kind, "") => kind.to_string(),
        (kind, value) => format!("{kind} ({})", value.trim_matches('`')),
    };
    let expected = lookup(c.expected, expected).unwrap_or(expected);
    let key = line
        .split_once('=')
        .map(|(key, _)| key.trim().trim_matches('"'))
        .filter(|key| !key.is_empty() && !key.starts_with('['));
    let key = match key {
        Some(key) => format!("`{key}`"),
        None => c.this_value.to_string(),
    };
    Some((c.wrong_type)(&key, element, &found, expected))
}

/// A clause's words in `c`'s language, and whether they name the element.
fn clause_words(c: &Check, clause: &str) -> Option<(String, bool)> {
    c.clauses.iter().find_map(|(pattern, words, itself)| {
        let values = captures(pattern, clause)?;
        let mut said = (*words).to_string();
        for (i, value) in values.iter().enumerate() {
            let value = c
                .phrases
                .iter()
                .fold((*value).to_string(), |v, (en, local)| v.replace(en, local));
            said = said.replace(&format!("{{{i}}}"), &value);
        }
        Some((said, *itself))
    })
}

/// What stands for each `{}` of `pattern` in `text`, if `text` has its
/// shape (each `{}` takes as little as it can, the last one the rest).
fn captures<'a>(pattern: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let mut pieces = pattern.split("{}");
    let mut rest = text.strip_prefix(pieces.next().unwrap_or(""))?;
    let pieces: Vec<&str> = pieces.collect();
    let mut values = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 == pieces.len() {
            values.push(rest.strip_suffix(piece)?);
            rest = "";
        } else if piece.is_empty() {
            return None;
        } else {
            let at = rest.find(piece)?;
            values.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
    }
    rest.is_empty().then_some(values)
}

/// The words for `key` in a table of pairs.
fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_gives_what_stands_for_each_placeholder() {
        assert_eq!(captures("a {} b {}", "a x b y z"), Some(vec!["x", "y z"]));
        assert_eq!(
            captures("unknown key `{}`{}", "unknown key `k` (x)"),
            Some(vec!["k", " (x)"])
        );
        assert_eq!(captures("fixed", "fixed"), Some(vec![]));
        assert_eq!(captures("fixed", "fixed more"), None);
        assert_eq!(captures("a {} b", "a x c"), None);
        assert_eq!(
            captures("invalid string{}", "invalid string, expected `\"`"),
            Some(vec![", expected `\"`"])
        );
    }
}
