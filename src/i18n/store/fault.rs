//! What is wrong inside a damaged file (a session, a plan), by kind of
//! fault ([`crate::file_fault::FaultKind`]), and where.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The kinds of fault in a file's text, in one language.
#[derive(Debug)]
pub struct Faults {
    /// Where in the file (line, column) and what is wrong there.
    pub at: fn(usize, usize, &str) -> String,
    /// A key named in a fault: " bij `key`" (the key as the file writes it).
    pub for_key: fn(&str) -> String,
    /// TOML of no kind named below.
    pub syntax: &'static str,
    /// A line that stops before it is whole, or goes on after its value.
    pub broken_line: &'static str,
    /// A text between quotes that is not closed (or holds a character or
    /// `\` code it may not).
    pub unclosed_text: &'static str,
    /// A `[table]` header that is not closed.
    pub unclosed_header: &'static str,
    /// A list or inline table that is not closed, or a comma wrong in it.
    pub unclosed_list: &'static str,
    /// A key without a value.
    pub missing_value: &'static str,
    /// A value that is not quoted text, a number, a date or true/false.
    pub unquoted_value: &'static str,
    /// A number that is not a valid number.
    pub bad_number: &'static str,
    /// A date or time that is not a valid one.
    pub bad_date: &'static str,
    /// A key given twice in one table: the key, when it could be read.
    pub duplicate_key: fn(Option<&str>) -> String,
    /// A value of the wrong type (followed by [`Faults::for_key`] or
    /// nothing).
    pub wrong_type: &'static str,
    /// A value that is not allowed (followed by [`Faults::for_key`] or
    /// nothing).
    pub bad_value: &'static str,
    /// A required field that is not there: its name.
    pub missing_field: fn(&str) -> String,
    /// A field the format does not know: its name.
    pub unknown_field: fn(&str) -> String,
    /// Phase records in the file, phases in its guide.
    pub phase_count: fn(usize, usize) -> String,
    /// A phase record's id where the guide has another id.
    pub phase_mismatch: fn(&str, &str) -> String,
    /// The current phase (1-based) does not exist.
    pub no_such_phase: fn(usize) -> String,
    /// The guide in the file breaks the rules of a guide: how many.
    pub guide_rules: fn(usize) -> String,
    /// A plan's steps do not match its trajectory.
    pub plan_steps: &'static str,
}

/// Nederlands.
pub const NL: Faults = Faults {
    at: |line, column, what| format!("regel {line}, kolom {column}: {what}"),
    for_key: |key| format!(" bij `{key}`"),
    syntax: "hier staat geen geldige TOML",
    broken_line: "een regel die niet af is of te veel bevat",
    unclosed_text: "een tekst tussen aanhalingstekens die niet is afgesloten of een teken \
                    bevat dat er niet in mag",
    unclosed_header: "een kop tussen [ ] die niet is afgesloten",
    unclosed_list: "een lijst of tabel die niet is afgesloten, of een komma te veel of te weinig",
    missing_value: "een sleutel zonder waarde",
    unquoted_value: "een waarde die geen tekst tussen aanhalingstekens, getal, datum of true/false is",
    bad_number: "een getal dat niet klopt",
    bad_date: "een datum of tijd die niet klopt",
    duplicate_key: |key| match key {
        Some(key) => format!("de sleutel `{key}` staat er twee keer"),
        None => "een sleutel staat er twee keer".into(),
    },
    wrong_type: "een waarde van de verkeerde soort",
    bad_value: "een waarde die hier niet kan",
    missing_field: |name| format!("het veld `{name}` ontbreekt"),
    unknown_field: |name| format!("een onbekend veld `{name}`"),
    phase_count: |records, phases| {
        format!("het gesprek heeft {records} fase(n), de gids erin {phases}")
    },
    phase_mismatch: |record, guide| {
        format!("het gesprek heeft fase `{record}` waar de gids `{guide}` heeft")
    },
    no_such_phase: |n| format!("de huidige fase ({n}) bestaat niet"),
    guide_rules: |n| format!("de gids in het bestand houdt zich niet aan de regels ({n} fout(en))"),
    plan_steps: "de stappen van het plan passen niet bij het traject",
};

/// English.
pub const EN: Faults = Faults {
    at: |line, column, what| format!("line {line}, column {column}: {what}"),
    for_key: |key| format!(" for `{key}`"),
    syntax: "this is not valid TOML",
    broken_line: "a line that is not whole or holds too much",
    unclosed_text: "a quoted text that is not closed or holds a character it may not",
    unclosed_header: "a header in [ ] that is not closed",
    unclosed_list: "a list or table that is not closed, or a comma too many or too few",
    missing_value: "a key without a value",
    unquoted_value: "a value that is not quoted text, a number, a date or true/false",
    bad_number: "a number that is not valid",
    bad_date: "a date or time that is not valid",
    duplicate_key: |key| match key {
        Some(key) => format!("the key `{key}` is given twice"),
        None => "a key is given twice".into(),
    },
    wrong_type: "a value of the wrong type",
    bad_value: "a value that is not allowed here",
    missing_field: |name| format!("the field `{name}` is missing"),
    unknown_field: |name| format!("an unknown field `{name}`"),
    phase_count: |records, phases| {
        format!("the session has {records} phase(s), its guide {phases}")
    },
    phase_mismatch: |record, guide| {
        format!("the session has phase `{record}` where the guide has `{guide}`")
    },
    no_such_phase: |n| format!("the current phase ({n}) does not exist"),
    guide_rules: |n| format!("the guide in the file breaks the rules of a guide ({n} error(s))"),
    plan_steps: "the plan's steps do not match its trajectory",
};
