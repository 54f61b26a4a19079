//! `leidraad check` (and the broken guides `leidraad guides` lists): what
//! is wrong with a guide file, in the guide's own terms.
//!
//! The guide parser says what is wrong in English clauses ("invalid id
//! `X`; expected lower-case letters…"); [`Check::clauses`] gives each
//! clause's words in this language, with `{}` in the English pattern for
//! what varies and `{0}`, `{1}`… in the words for where it goes. A clause
//! without an entry is shown as the parser says it (a test in `cli::check`
//! fails when a Dutch one is missing for any guide error it knows).

/// A clause of the parser's English and its words in this language; the
/// flag says the words name the element themselves (no "(in phase …)").
pub type Clause = (&'static str, &'static str, bool);

/// The texts of `check` in one language.
#[derive(Debug)]
pub struct Check {
    /// The guide itself, as the subject of a sentence.
    pub guide: &'static str,
    /// A field, by its id (in backticks) or number.
    pub field: fn(&str) -> String,
    /// A phase, by its id or number.
    pub phase: fn(&str) -> String,
    /// A group of questions (its number) in a phase (its id or number).
    pub group: fn(&str, &str) -> String,
    /// A list in a phase.
    pub list: fn(&str, &str) -> String,
    /// A rating in a phase.
    pub rating: fn(&str, &str) -> String,
    /// A reminder, by its number.
    pub reminder: fn(&str) -> String,
    /// A step of a trajectory, by its number.
    pub step: fn(usize) -> String,
    /// A step of a trajectory, by its number and its guide.
    pub step_guide: fn(usize, &str) -> String,
    /// A table the format does not know, by its header.
    pub table: fn(&str) -> String,
    /// After a message: where in the guide it is.
    pub inside: fn(&str) -> String,
    /// Before a warning.
    pub warning: &'static str,
    /// A key is missing: the element, the key, what the key is for
    /// (" (…)", or empty).
    pub lacks: fn(&str, &str, &str) -> String,
    /// A value of the wrong kind: the key (in backticks, or
    /// [`Check::this_value`]), the element, what is there, what is expected.
    pub wrong_type: fn(&str, &str, &str, &str) -> String,
    /// The key of a value that cannot be found in the line.
    pub this_value: &'static str,
    /// What a key is for, by key.
    pub meanings: &'static [(&'static str, &'static str)],
    /// The kinds of value serde names ("string", "integer"…), in words.
    pub kinds: &'static [(&'static str, &'static str)],
    /// What the parser expects ("a whole number of 0 or more"…), in words.
    pub expected: &'static [(&'static str, &'static str)],
    /// Words inside what varies (" (did you mean `x`?)").
    pub phrases: &'static [(&'static str, &'static str)],
    /// The parser's clauses in this language.
    pub clauses: &'static [Clause],
    /// Why a named guide file is not read: it is a folder, a pipe, a device.
    pub not_a_file: &'static str,
    /// Why a named guide file is not read: it is too large for a guide.
    pub too_large: &'static str,
    /// Why a named guide file is not read: there is no such file.
    pub not_found: &'static str,
    /// Why a named guide file is not read: it may not be read.
    pub no_permission: &'static str,
}

/// Nederlands.
pub const NL: Check = Check {
    guide: "de gids",
    field: |n| format!("veld {n}"),
    phase: |n| format!("fase {n}"),
    group: |n, phase| format!("vragengroep {n} van fase {phase}"),
    list: |n, phase| format!("lijst {n} van fase {phase}"),
    rating: |n, phase| format!("beoordeling {n} van fase {phase}"),
    reminder: |n| format!("herinnering {n}"),
    step: |n| format!("stap {n}"),
    step_guide: |n, guide| format!("stap {n} met gids {guide}"),
    table: |header| format!("de tabel [{header}], die een gids niet kent"),
    inside: |what| format!(" (in {what})"),
    warning: "waarschuwing: ",
    lacks: |what, key, meaning| format!("{what} mist `{key}`{meaning}"),
    wrong_type: |key, what, found, expected| {
        format!("{key} van {what} is {found}, maar moet {expected} zijn")
    },
    this_value: "deze waarde",
    meanings: &[
        ("format", " (de versie van het formaat: format = 1)"),
        ("id", " (de id)"),
        ("title", " (de titel)"),
        ("minutes", " (het aantal minuten)"),
        ("label", " (het opschrift)"),
        ("columns", " (de namen van de kolommen)"),
        ("scale", " (de stappen van de schaal)"),
        ("items", " (wat er beoordeeld wordt)"),
        ("text", " (de tekst)"),
        ("questions", " (de vragen)"),
        ("guide", " (de id van de gespreksgids)"),
        ("phases", " (de fasen)"),
        ("steps", " (de stappen)"),
    ],
    kinds: &[
        ("string", "tekst"),
        ("integer", "een getal"),
        ("floating point", "een kommagetal"),
        ("boolean", "true/false"),
        ("array", "een lijst"),
        ("sequence", "een lijst"),
        ("table", "een tabel"),
        ("map", "een tabel"),
    ],
    expected: &[
        (
            "a whole number of 0 or more",
            "een heel getal van 0 of meer",
        ),
        ("a string", "tekst tussen aanhalingstekens"),
        ("a boolean", "true of false"),
        ("an array", "een lijst tussen [ ]"),
        ("a table", "een tabel"),
    ],
    phrases: &[(" (did you mean `", " (bedoel je `")],
    clauses: &[
        ("the file is empty", "het bestand is leeg", false),
        (
            "expected a guide starting with `format = 1`",
            "een gids begint met `format = 1`",
            false,
        ),
        ("missing key `format`", "`format` ontbreekt", false),
        (
            "expected `format = 1` at the top of the file",
            "zet `format = 1` bovenaan het bestand",
            false,
        ),
        ("unknown format {}", "onbekend formaat {0}", false),
        (
            "this version of leidraad reads format {}",
            "deze versie van leidraad leest formaat {0}",
            false,
        ),
        (
            "expected `format = {}` (a whole number), found {}",
            "verwacht is `format = {0}` (een heel getal), maar er staat {1}",
            false,
        ),
        ("unknown kind `{}`{}", "onbekende soort `{0}`{1}", false),
        (
            "expected `conversation` or `trajectory`",
            "kies `conversation` of `trajectory`",
            false,
        ),
        (
            "expected `kind` to be the string \"conversation\" or \"trajectory\", found {}",
            "`kind` moet de tekst \"conversation\" of \"trajectory\" zijn, maar er staat {0}",
            false,
        ),
        (
            "the file is not valid UTF-8 text",
            "het bestand is geen geldige UTF-8-tekst",
            false,
        ),
        ("save it as UTF-8", "bewaar het als UTF-8", false),
        (
            "cannot read the guide file: {}",
            "kan het gidsbestand niet lezen: {0}",
            false,
        ),
        (
            "cannot read the guide folder: {}",
            "kan de map met gidsen niet lezen: {0}",
            false,
        ),
        ("invalid id `{}`", "ongeldige id `{0}`", false),
        (
            "expected lower-case letters a-z, digits and hyphens, starting with a letter or digit",
            "gebruik kleine letters a-z, cijfers en streepjes, en begin met een letter of cijfer",
            false,
        ),
        (
            "duplicate field id `{}`",
            "de veld-id `{0}` komt twee keer voor",
            false,
        ),
        (
            "duplicate phase id `{}`",
            "de fase-id `{0}` komt twee keer voor",
            false,
        ),
        (
            "duplicate list id `{}`",
            "de lijst-id `{0}` komt twee keer voor",
            false,
        ),
        (
            "duplicate rating id `{}`",
            "de beoordelings-id `{0}` komt twee keer voor",
            false,
        ),
        (
            "duplicate guide id `{}`",
            "de gids-id `{0}` komt twee keer voor",
            false,
        ),
        (
            "it is already used on line {}",
            "regel {0} gebruikt hem al",
            false,
        ),
        ("{} already uses it", "{0} gebruikt hem al", false),
        (
            "guide id `{}` is also used by {}",
            "de gids-id `{0}` wordt ook gebruikt door {1}",
            false,
        ),
        (
            "this file is loaded later and wins",
            "dit bestand wordt later geladen en telt",
            false,
        ),
        (
            "expected at least one phase in `phases`",
            "`phases` heeft geen enkele fase; een gids heeft er minstens één",
            false,
        ),
        (
            "`minutes` must be at least 1",
            "`minutes` moet minstens 1 zijn",
            false,
        ),
        (
            "`minutes` is {} but the phases add up to {}",
            "`minutes` is {0}, maar de fasen duren samen {1} minuten",
            false,
        ),
        (
            "the phase budgets are scaled to {} on screen",
            "op het scherm worden de fasetijden naar {0} minuten geschaald",
            false,
        ),
        (
            "phase minutes must be between 1 and 600, found {}",
            "de minuten van een fase liggen tussen 1 en 600, hier {0}",
            false,
        ),
        (
            "`revisit` points to its own phase `{}`",
            "`revisit` wijst naar de eigen fase `{0}`",
            false,
        ),
        (
            "`revisit` points forward to the later phase `{}`",
            "`revisit` wijst vooruit naar de latere fase `{0}`",
            false,
        ),
        (
            "`revisit` names the unknown phase `{}`",
            "`revisit` noemt de onbekende fase `{0}`",
            false,
        ),
        (
            "expected the id of an earlier phase: {}",
            "kies de id van een eerdere fase: {0}",
            false,
        ),
        (
            "expected the id of an earlier phase, and this is the first phase",
            "alleen een eerdere fase kan, en dit is de eerste fase",
            false,
        ),
        (
            "expected 1 to 6 `columns`, found {}",
            "een lijst heeft 1 tot 6 `columns` (kolommen), hier {0}",
            false,
        ),
        (
            "`max` ({}) is smaller than `min` ({})",
            "`max` ({0}) is kleiner dan `min` ({1})",
            false,
        ),
        (
            "expected min <= max",
            "`min` mag niet groter zijn dan `max`",
            false,
        ),
        (
            "expected a `scale` of 2 to 7 steps, found {}",
            "een `scale` (schaal) heeft 2 tot 7 stappen, hier {0}",
            false,
        ),
        (
            "a reminder needs `minutes_before_end` or `minutes_after_start`",
            "een herinnering heeft `minutes_before_end` of `minutes_after_start` nodig",
            false,
        ),
        (
            "a reminder takes exactly one of `minutes_before_end` and `minutes_after_start`, not both",
            "een herinnering heeft precies één van `minutes_before_end` en `minutes_after_start`, niet allebei",
            false,
        ),
        (
            "the reminder's moment lies outside the planned {} minutes",
            "het moment van de herinnering valt buiten de geplande {0} minuten",
            false,
        ),
        ("expected at most {}", "hoogstens {0}", false),
        (
            "unknown field kind `{}`{}",
            "onbekende veldsoort `{0}`{1}",
            false,
        ),
        ("expected one of {}", "kies uit {0}", false),
        (
            "only one field may be the client field",
            "maar één veld kan het cliëntveld zijn",
            false,
        ),
        (
            "line {} already has `client = true`",
            "regel {0} heeft al `client = true`",
            false,
        ),
        (
            "field `{}` has kind \"choice\" but no `choices`",
            "veld `{0}` is een keuzeveld (kind = \"choice\") zonder `choices`",
            true,
        ),
        (
            "expected `choices` with at least two options",
            "geef `choices` met minstens twee mogelijkheden",
            false,
        ),
        (
            "`choices` is only allowed on a field with kind = \"choice\"",
            "`choices` mag alleen bij een keuzeveld (kind = \"choice\")",
            false,
        ),
        (
            "expected at least two `choices`",
            "een keuzeveld heeft minstens twee `choices`",
            false,
        ),
        (
            "`default = \"today\"` is only allowed on a field with kind = \"date\"",
            "`default = \"today\"` mag alleen bij een datumveld (kind = \"date\")",
            false,
        ),
        (
            "invalid date default `{}`",
            "ongeldige standaarddatum `{0}`",
            false,
        ),
        (
            "expected \"today\" or a date like \"2025-09-01\"",
            "gebruik \"today\" of een datum als \"2025-09-01\"",
            false,
        ),
        (
            "default `{}` is not one of the field's `choices`",
            "de standaardwaarde `{0}` staat niet tussen de `choices` van het veld",
            false,
        ),
        (
            "expected at least one step in `steps`",
            "`steps` heeft geen enkele stap; een traject heeft er minstens één",
            false,
        ),
        ("weeks are counted from 1", "weken tellen vanaf 1", false),
        ("expected `week` >= 1", "`week` moet 1 of meer zijn", false),
        (
            "week {} comes before week {} of the previous step (line {})",
            "week {0} komt vóór week {1} van de vorige stap (regel {2})",
            false,
        ),
        (
            "expected weeks that do not decrease",
            "de weken mogen niet teruglopen",
            false,
        ),
        (
            "expected `repeat` >= 1",
            "`repeat` moet 1 of meer zijn",
            false,
        ),
        (
            "expected `every_weeks` >= 1",
            "`every_weeks` moet 1 of meer zijn",
            false,
        ),
        (
            "`every_weeks` has no effect without `repeat` > 1",
            "`every_weeks` doet niets zonder `repeat` groter dan 1",
            false,
        ),
        (
            "step {} names `{}`, which is a trajectory",
            "stap {0} noemt `{1}`, en dat is een traject",
            true,
        ),
        (
            "step {} names the guide `{}`, which is not loaded",
            "stap {0} noemt de gids `{1}`, maar die is niet geladen",
            true,
        ),
        (
            "expected the id of a conversation guide",
            "noem de id van een gespreksgids",
            false,
        ),
        ("unknown key `{}`{}", "onbekende sleutel `{0}`{1}", false),
        (
            "duplicate key `{}`: each key may appear only once in a table",
            "de sleutel `{0}` staat er twee keer; elke sleutel mag maar één keer voorkomen",
            false,
        ),
        (
            "duplicate key: each key may appear only once in a table",
            "een sleutel staat er twee keer; elke sleutel mag maar één keer voorkomen",
            false,
        ),
        // The TOML syntax, in words for a guide author (what toml expected
        // after the comma is said in the words).
        (
            "invalid multi-line basic string{}",
            "de tekst tussen `\"\"\"` is niet afgesloten, of er staat een ongeldige \\-code in",
            false,
        ),
        (
            "invalid multi-line literal string{}",
            "de tekst tussen `'''` is niet afgesloten",
            false,
        ),
        (
            "invalid basic string{}",
            "de tekst tussen aanhalingstekens is niet afgesloten met `\"`, of er staat een \
             ongeldige \\-code in",
            false,
        ),
        (
            "invalid literal string{}",
            "de tekst tussen `'` is niet afgesloten met `'`",
            false,
        ),
        (
            "missing comma between array elements{}",
            "tussen twee waarden van de lijst ontbreekt een komma",
            false,
        ),
        (
            "unclosed array table{}",
            "de kop `[[…]]` is niet afgesloten met `]]`",
            false,
        ),
        (
            "unclosed array{}",
            "de lijst is niet afgesloten met `]`",
            false,
        ),
        (
            "unclosed inline table{}",
            "de tabel tussen `{ }` is niet afgesloten met `}`",
            false,
        ),
        (
            "unclosed table{}",
            "de kop `[…]` is niet afgesloten met `]`",
            false,
        ),
        (
            "string values must be quoted{}",
            "hier hoort een waarde: tekst tussen aanhalingstekens (naam = \"tekst\"), een \
             getal of true/false",
            false,
        ),
        (
            "key with no value{}",
            "na de naam ontbreekt `=` met een waarde",
            false,
        ),
        (
            "invalid boolean{}",
            "onbekende waarde: schrijf tekst tussen aanhalingstekens, een getal of true/false",
            false,
        ),
        (
            "invalid integer number{}",
            "dit is geen geldig getal",
            false,
        ),
        ("invalid float{}", "dit is geen geldig getal", false),
        (
            "invalid date-time{}",
            "dit is geen geldige datum of tijd",
            false,
        ),
        (
            "invalid string{}",
            "dit is geen geldige tekst tussen aanhalingstekens",
            false,
        ),
        (
            "missing value for key{}",
            "na `=` ontbreekt de waarde",
            false,
        ),
        ("missing value{}", "hier ontbreekt een waarde", false),
        ("extra `=`{}", "hier staat een `=` te veel", false),
        (
            "extra comma in array{}",
            "hier staat een komma te veel in de lijst",
            false,
        ),
        (
            "extra comma in inline table{}",
            "hier staat een komma te veel in de tabel",
            false,
        ),
        (
            "missing comma between key-value pairs{}",
            "tussen twee waarden ontbreekt een komma",
            false,
        ),
        (
            "missing assignment between key-value pairs{}",
            "hier ontbreekt `=`",
            false,
        ),
        (
            "unquoted keys cannot be empty{}",
            "vóór `=` ontbreekt de naam",
            false,
        ),
        ("invalid unquoted key{}", "ongeldige naam vóór `=`", false),
        ("invalid key{}", "ongeldige naam", false),
        (
            "missing escaped value{}",
            "na `\\` ontbreekt een teken",
            false,
        ),
        ("invalid table{}", "ongeldige kop van een tabel", false),
        (
            "invalid key-value pair{}",
            "dit is geen `naam = waarde`",
            false,
        ),
    ],
    not_a_file: "geen gewoon bestand (een map, een pipe of een apparaat)",
    too_large: "te groot voor een gids (meer dan 4 MB)",
    not_found: "dat bestand bestaat niet",
    no_permission: "geen toestemming om het te lezen",
};

/// English: the parser's own words, with what TOML jargon is put plainer.
pub const EN: Check = Check {
    guide: "the guide",
    field: |n| format!("field {n}"),
    phase: |n| format!("phase {n}"),
    group: |n, phase| format!("question group {n} of phase {phase}"),
    list: |n, phase| format!("list {n} of phase {phase}"),
    rating: |n, phase| format!("rating {n} of phase {phase}"),
    reminder: |n| format!("reminder {n}"),
    step: |n| format!("step {n}"),
    step_guide: |n, guide| format!("step {n} with guide {guide}"),
    table: |header| format!("the table [{header}], which a guide does not have"),
    inside: |what| format!(" (in {what})"),
    warning: "warning: ",
    lacks: |what, key, meaning| format!("{what} is missing `{key}`{meaning}"),
    wrong_type: |key, what, found, expected| {
        format!("{key} of {what} is {found}; expected {expected}")
    },
    this_value: "this value",
    meanings: &[
        ("format", " (the format's version: format = 1)"),
        ("id", " (its id)"),
        ("title", " (its title)"),
        ("minutes", " (the number of minutes)"),
        ("label", " (its label)"),
        ("columns", " (the names of the columns)"),
        ("scale", " (the steps of the scale)"),
        ("items", " (what is rated)"),
        ("text", " (its text)"),
        ("questions", " (the questions)"),
        ("guide", " (the id of the conversation guide)"),
        ("phases", " (its phases)"),
        ("steps", " (its steps)"),
    ],
    kinds: &[
        ("string", "text"),
        ("integer", "a number"),
        ("floating point", "a decimal number"),
        ("boolean", "true/false"),
        ("array", "a list"),
        ("sequence", "a list"),
        ("table", "a table"),
        ("map", "a table"),
    ],
    expected: &[
        ("a whole number of 0 or more", "a whole number of 0 or more"),
        ("a string", "text in quotes"),
        ("a boolean", "true or false"),
        ("an array", "a list in [ ]"),
        ("a table", "a table"),
    ],
    phrases: &[],
    clauses: &[
        (
            "field `{}` has kind \"choice\" but no `choices`",
            "field `{0}` has kind \"choice\" but no `choices`",
            true,
        ),
        (
            "step {} names `{}`, which is a trajectory",
            "step {0} names `{1}`, which is a trajectory",
            true,
        ),
        (
            "step {} names the guide `{}`, which is not loaded",
            "step {0} names the guide `{1}`, which is not loaded",
            true,
        ),
        // The TOML syntax, in plainer words.
        (
            "invalid multi-line basic string{}",
            "the text in `\"\"\"` is not closed, or holds an invalid \\ code",
            false,
        ),
        (
            "invalid multi-line literal string{}",
            "the text in `'''` is not closed",
            false,
        ),
        (
            "invalid basic string{}",
            "the text in quotes is not closed with `\"`, or holds an invalid \\ code",
            false,
        ),
        (
            "invalid literal string{}",
            "the text in `'` is not closed with `'`",
            false,
        ),
        (
            "missing comma between array elements{}",
            "a comma is missing between two values of the list",
            false,
        ),
        (
            "unclosed array table{}",
            "the header `[[…]]` is not closed with `]]`",
            false,
        ),
        ("unclosed array{}", "the list is not closed with `]`", false),
        (
            "unclosed table{}",
            "the header `[…]` is not closed with `]`",
            false,
        ),
        (
            "string values must be quoted{}",
            "a value belongs here: text in quotes (name = \"text\"), a number or true/false",
            false,
        ),
        (
            "key with no value{}",
            "`=` and a value are missing after the name",
            false,
        ),
        (
            "invalid boolean{}",
            "unknown value: write text in quotes, a number or true/false",
            false,
        ),
    ],
    not_a_file: "not a regular file (a folder, a pipe or a device)",
    too_large: "too large for a guide (over 4 MB)",
    not_found: "there is no such file",
    no_permission: "no permission to read it",
};
