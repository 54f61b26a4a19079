//! Which element of a guide a line of its file belongs to (the guide
//! itself, a field, a phase and its lists, ratings and question groups, a
//! reminder, a step), read from the file's text as a person would: the
//! last table header above the line, and that table's `id`.

/// An element of a guide, as `check` names it: by its id where it has one,
/// else by its number (1-based) among its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// The guide's own keys, at the top of the file.
    Guide,
    /// A `[[fields]]` entry.
    Field(Name),
    /// A `[[phases]]` entry.
    Phase(Name),
    /// A `[[phases.groups]]` entry (its number within the phase), and the phase.
    Group(Name, Name),
    /// A `[[phases.lists]]` entry, and its phase.
    List(Name, Name),
    /// A `[[phases.ratings]]` entry, and its phase.
    Rating(Name, Name),
    /// A `[[reminders]]` entry.
    Reminder(Name),
    /// A `[[steps]]` entry of a trajectory: its number, and its guide.
    Step(usize, Option<String>),
    /// A table the format does not know, by its header.
    Table(String),
}

/// How an element is called: its id, else its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// `id = "..."` (for a step: `guide = "..."`).
    Id(String),
    /// Its number among the elements of its kind (in its phase).
    Nth(usize),
}

/// The element the 1-based `line` of a guide file's `text` belongs to.
pub fn at(text: &str, line: usize) -> Element {
    let lines: Vec<&str> = text.lines().collect();
    let headers = headers(&lines);
    let Some(at) = headers.iter().rposition(|h| h.line <= line) else {
        return Element::Guide;
    };
    let header = &headers[at];
    let end = headers.get(at + 1).map_or(lines.len(), |h| h.line);
    let table = &lines[header.line..end];
    let count =
        |name: &str, from: usize| headers[from..=at].iter().filter(|h| h.name == name).count();
    let phase_start = headers[..=at].iter().rposition(|h| h.name == "phases");
    let phase = || match phase_start {
        Some(p) => {
            let end = headers.get(p + 1).map_or(lines.len(), |h| h.line);
            named(&lines[headers[p].line..end], "id", count("phases", 0))
        }
        None => Name::Nth(0),
    };
    let in_phase = |name: &str| count(name, phase_start.unwrap_or(0));
    match header.name.as_str() {
        "fields" => Element::Field(named(table, "id", count("fields", 0))),
        "phases" => Element::Phase(named(table, "id", count("phases", 0))),
        "phases.groups" => Element::Group(Name::Nth(in_phase("phases.groups")), phase()),
        "phases.lists" => Element::List(named(table, "id", in_phase("phases.lists")), phase()),
        "phases.ratings" => {
            Element::Rating(named(table, "id", in_phase("phases.ratings")), phase())
        }
        "reminders" => Element::Reminder(Name::Nth(count("reminders", 0))),
        "steps" => match named(table, "guide", 0) {
            Name::Id(guide) => Element::Step(count("steps", 0), Some(guide)),
            Name::Nth(_) => Element::Step(count("steps", 0), None),
        },
        other => Element::Table(other.to_string()),
    }
}

/// A table header: its dotted name and its index in the lines.
struct Header {
    name: String,
    line: usize,
}

/// Every `[table]` and `[[array.table]]` header outside multi-line strings.
fn headers(lines: &[&str]) -> Vec<Header> {
    let mut found = Vec::new();
    let mut in_string: Option<&str> = None;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        match in_string {
            Some(quote) => {
                if line.matches(quote).count() % 2 == 1 {
                    in_string = None;
                }
                continue;
            }
            None => {
                for quote in ["\"\"\"", "'''"] {
                    if line.matches(quote).count() % 2 == 1 {
                        in_string = Some(quote);
                    }
                }
            }
        }
        if !line.starts_with('[') {
            continue;
        }
        let inner = line.trim_start_matches('[');
        let name = inner.split(']').next().unwrap_or("");
        let name: String = name
            .split('.')
            .map(|part| part.trim().trim_matches('"'))
            .collect::<Vec<_>>()
            .join(".");
        found.push(Header { name, line: i + 1 });
    }
    found
}

/// The value of `key = "..."` in a table's lines, else the element's number.
fn named(table: &[&str], key: &str, nth: usize) -> Name {
    table
        .iter()
        .find_map(|line| {
            let (k, v) = line.split_once('=')?;
            if k.trim() != key {
                return None;
            }
            let v = v.trim();
            let quote = v.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let rest = &v[1..];
            rest.find(quote).map(|end| rest[..end].to_string())
        })
        .map_or(Name::Nth(nth), Name::Id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = r#"format = 1
id = "gids"
title = "Gids"
summary = """
[[phases]] in a text is no header
"""

[[fields]]
id = "school"
label = "School"

[[phases]]
id = "een"
title = "Een"

[[phases.groups]]
title = "Vragen"

[[phases.lists]]
label = "Afspraken"
id = "afspraken"

[[phases]]
title = "Twee"

[[phases.ratings]]
id = "doelen"

[[reminders]]
text = "Nog vijf minuten"
"#;

    #[test]
    fn a_line_belongs_to_the_table_above_it() {
        let at = |line| at(GUIDE, line);
        let id = |s: &str| Name::Id(s.to_string());
        assert_eq!(at(2), Element::Guide);
        assert_eq!(at(5), Element::Guide, "inside a multi-line string");
        assert_eq!(at(10), Element::Field(id("school")));
        assert_eq!(at(12), Element::Phase(id("een")), "on the header itself");
        assert_eq!(at(17), Element::Group(Name::Nth(1), id("een")));
        assert_eq!(
            at(20),
            Element::List(id("afspraken"), id("een")),
            "id below"
        );
        assert_eq!(at(24), Element::Phase(Name::Nth(2)), "no id: its number");
        assert_eq!(at(27), Element::Rating(id("doelen"), Name::Nth(2)));
        assert_eq!(at(30), Element::Reminder(Name::Nth(1)));
    }

    #[test]
    fn a_step_is_named_by_its_number_and_guide() {
        let text =
            "format = 1\nkind = \"trajectory\"\n[[steps]]\nguide = \"a\"\n[[steps]]\nweek = 2\n";
        assert_eq!(at(text, 4), Element::Step(1, Some("a".to_string())));
        assert_eq!(at(text, 6), Element::Step(2, None));
        assert_eq!(at("[oops]\nx = 1\n", 2), Element::Table("oops".to_string()));
    }
}
