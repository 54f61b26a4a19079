//! The `--help` texts of the command line. English is what `cli.rs` says
//! in its doc comments (clap reads them); Dutch is here, one entry per
//! command and per argument, with clap's own headings. A test in
//! `cli::help` fails when a command or an argument has no Dutch text.

/// The `--help` texts of one language.
#[derive(Debug)]
pub struct Help {
    /// The doc comments of `cli.rs` and clap's own words are this
    /// language: nothing below is used.
    pub as_written: bool,
    /// What leidraad is (the first line of `leidraad --help`).
    pub about: &'static str,
    /// Before the usage line (clap: "Usage:").
    pub usage: &'static str,
    /// The heading of the commands (clap: "Commands").
    pub commands: &'static str,
    /// The word for a command in the usage line (clap: "COMMAND").
    pub command: &'static str,
    /// In a usage line: that options may follow (clap: "OPTIONS", as
    /// `[OPTIONS]`).
    pub usage_options: &'static str,
    /// The heading of the positional arguments (clap: "Arguments").
    pub arguments: &'static str,
    /// The heading of the options (clap: "Options").
    pub options: &'static str,
    /// `-h, --help`.
    pub help: &'static str,
    /// `-V, --version`.
    pub version: &'static str,
    /// The `help` command.
    pub help_command: &'static str,
    /// The argument of the `help` command: the commands to show the help
    /// of.
    pub help_command_arg: &'static str,
    /// Per command: its name and what it does. Empty: the doc comments.
    pub command_about: &'static [(&'static str, &'static str)],
    /// Per argument: the command (empty for the global options), the
    /// argument's id (its field name in `cli.rs`) and its help. Empty: the
    /// doc comments.
    pub arg_help: &'static [(&'static str, &'static str, &'static str)],
    /// The names of what options and arguments take (clap: the field's
    /// name in capitals, or `value_name` in `cli.rs`), by that name.
    pub value_names: &'static [(&'static str, &'static str)],
    /// A usage error: a command that does not exist.
    pub unknown_command: fn(&str) -> String,
    /// A usage error: an option that does not exist (here).
    pub unknown_option: fn(&str) -> String,
    /// A usage error: the value, the option, the values it takes.
    pub invalid_value: fn(&str, &str, &str) -> String,
    /// A usage error: what must be given.
    pub missing: fn(&str) -> String,
    /// A usage error: two options that do not go together.
    pub conflict: fn(&str, &str) -> String,
    /// A usage error: a word where no (more) arguments are taken.
    pub unexpected_argument: fn(&str) -> String,
    /// A usage error: an option without its value: the option, its
    /// placeholder (`<BESTAND>`), the values it takes (or "").
    pub value_missing: fn(&str, &str, &str) -> String,
    /// A usage error: a value given to an option that takes none (or no
    /// more): the value, the option.
    pub value_unexpected: fn(&str, &str) -> String,
    /// A usage error: too few values: the option, how many it takes at
    /// least, how many were given.
    pub too_few_values: fn(&str, isize, isize) -> String,
    /// A usage error: the wrong number of values: the option, how many it
    /// takes, how many were given.
    pub wrong_number_of_values: fn(&str, isize, isize) -> String,
    /// A usage error: an option given twice that may be given once.
    pub repeated: fn(&str) -> String,
    /// A usage error: a command that does not go with the options before
    /// it: the command, the options.
    pub command_conflict: fn(&str, &str) -> String,
    /// A usage error: an option whose value must follow an `=`.
    pub needs_equals: fn(&str) -> String,
    /// A usage error: a command that needs a command after it: the
    /// command, the commands it takes.
    pub missing_command: fn(&str, &str) -> String,
    /// A usage error: an argument that is not UTF-8 text.
    pub not_utf8: &'static str,
    /// A usage error of a kind not named above.
    pub wrong_usage: &'static str,
    /// After a usage error: what was probably meant.
    pub did_you_mean: fn(&str) -> String,
    /// After a usage error: a word that looks like an option, meant as a
    /// value: the word, how to write it.
    pub tip_as_value: fn(&str, &str) -> String,
    /// After a usage error: an option that exists under a command (`leidraad
    /// sessions --client`).
    pub tip_exists: fn(&str) -> String,
    /// After a usage error: a command written after `--`.
    pub tip_remove_dashes: fn(&str) -> String,
    /// After a usage error: where to read more, for the command used
    /// (`leidraad export`).
    pub more: fn(&str) -> String,
}

/// Nederlands.
pub const NL: Help = Help {
    as_written: false,
    about: "Een leidraad in de terminal voor gestructureerde gesprekken: fasen, klok, \
            notities, afspraken, verslagen.",
    usage: "Gebruik:",
    commands: "Opdrachten",
    command: "OPDRACHT",
    usage_options: "OPTIES",
    arguments: "Argumenten",
    options: "Opties",
    help: "Toon deze hulp",
    version: "Toon de versie",
    help_command: "Toon deze hulp of die van de genoemde opdracht",
    help_command_arg: "Toon de hulp van deze opdracht(en)",
    command_about: &[
        (
            "guides",
            "Tabel van de beschikbare gidsen en waar elke gids vandaan komt",
        ),
        (
            "check",
            "Controleer gidsbestanden (alle geladen gidsen als er geen genoemd zijn)",
        ),
        (
            "start",
            "Ga meteen naar de voorbereiding van een gespreksgids",
        ),
        (
            "resume",
            "Ga verder met een onafgerond gesprek (het nieuwste als er geen genoemd is)",
        ),
        ("sessions", "Tabel van de gesprekken, nieuwste eerst"),
        ("show", "Een gesprek als platte tekst"),
        (
            "export",
            "Een gesprek als verslag voor de school: Markdown of een Word-document. Wat er \
             gezegd is, zonder tijden, vragen of privénotities tenzij je erom vraagt",
        ),
        (
            "plan",
            "Plan een traject voor een cliënt vanaf een startdatum: elke stap met zijn datum, \
             bewaard als plan in de gegevensmap",
        ),
        (
            "plans",
            "De lopende plannen: cliënt, traject, de volgende stap en de datum ervan, \
             achterstallige eerst",
        ),
        (
            "delete",
            "Verwijder een gesprek en elk bestand dat erbij hoort",
        ),
        (
            "config",
            "De instellingen die gelden en waar elke vandaan komt (optie, omgeving, \
             config.toml, standaard), en de mappen en bestanden die in gebruik zijn",
        ),
        (
            "completions",
            "Het aanvulscript van een shell, voor haar opstartbestand: `source <(leidraad \
             completions bash)`. Ook namen van gesprekken worden aangevuld",
        ),
        (
            "man",
            "De handleiding (roff) op standaarduitvoer, of met --dir een pagina voor \
             leidraad en voor elke opdracht in die map",
        ),
    ],
    arg_help: &[
        (
            "",
            "data_dir",
            "Map voor de gespreksbestanden (standaard: de gegevensmap van het systeem)",
        ),
        ("", "guides_dir", "Extra map met gidsbestanden (mag vaker)"),
        (
            "",
            "lang",
            "Taal van de schermen en meldingen: nl (Nederlands, standaard) of en (English)",
        ),
        ("check", "files", "Gidsbestanden om te controleren"),
        (
            "start",
            "guide",
            "De id van de gids (zie `leidraad guides`)",
        ),
        (
            "start",
            "client",
            "De cliënt (school, leerkracht, team): vult het cliëntveld in",
        ),
        (
            "resume",
            "session",
            "Een gespreksbestand, of een uniek begin van de naam",
        ),
        (
            "sessions",
            "client",
            "Alleen gesprekken waarvan de cliënt deze tekst bevat",
        ),
        ("sessions", "guide", "Alleen gesprekken met deze gids-id"),
        (
            "sessions",
            "search",
            "Alleen gesprekken waarin alle woorden hiervan voorkomen (\"zo samen\" als één; hoofdletters en accenten tellen niet; ook in privénotities)",
        ),
        (
            "show",
            "session",
            "Een gespreksbestand, of een uniek begin van de naam",
        ),
        ("show", "private", "Met de privénotities"),
        (
            "export",
            "session",
            "Een gespreksbestand, of een uniek begin van de naam",
        ),
        (
            "export",
            "format",
            "De vorm van het verslag: md (Markdown) of docx (Word) (standaard: \
             `export_format` in config.toml, anders md)",
        ),
        (
            "export",
            "output",
            "Schrijf naar dit bestand, of in deze map onder een naam van de datum, de gids en \
             de cliënt (zonder deze optie gaat Markdown naar standaarduitvoer, een \
             Word-document naar `export_dir` van config.toml, anders de huidige map)",
        ),
        (
            "export",
            "force",
            "Vervang het bestand van -o als het al bestaat",
        ),
        (
            "export",
            "timing",
            "Met de status en de geplande en werkelijke minuten per fase",
        ),
        (
            "export",
            "questions",
            "Met de vragen die als gesteld zijn aangevinkt",
        ),
        (
            "export",
            "private",
            "Met de privénotities (standaard blijven ze weg)",
        ),
        (
            "plan",
            "trajectory",
            "De id van het traject (zie `leidraad guides`)",
        ),
        ("plan", "client", "De cliënt (school, leerkracht, team)"),
        (
            "plan",
            "start",
            "De startdatum, week 1: 2026-09-07 of 07-09-2026",
        ),
        (
            "plans",
            "json",
            "Elk plan met elke stap, de datum en de stand, als JSON",
        ),
        (
            "plans",
            "ics",
            "Schrijf de open stappen van de lopende plannen naar dit iCalendar-bestand",
        ),
        (
            "plans",
            "archive",
            "Archiveer een afgerond plan (de bestandsnaam, of het begin ervan)",
        ),
        (
            "delete",
            "session",
            "Een gespreksbestand, of een uniek begin van de naam",
        ),
        ("delete", "yes", "Vraag niets (voor scripts)"),
        (
            "config",
            "edit",
            "Open config.toml in $VISUAL of $EDITOR (eerst een sjabloon met uitleg als er nog \
             geen is)",
        ),
        (
            "completions",
            "shell",
            "De shell: bash, zsh, fish, elvish of powershell",
        ),
        (
            "man",
            "dir",
            "Schrijf leidraad.1 en leidraad-OPDRACHT.1 in deze map",
        ),
    ],
    value_names: &[
        ("DIR", "MAP"),
        ("LANG", "TAAL"),
        ("FILE", "BESTAND"),
        ("GUIDE", "GIDS"),
        ("CLIENT", "CLIËNT"),
        ("SESSION", "GESPREK"),
        ("SEARCH", "TEKST"),
        ("FORMAT", "VORM"),
        ("TRAJECTORY", "TRAJECT"),
        ("DATE", "DATUM"),
        ("PLAN", "PLAN"),
        ("SHELL", "SHELL"),
        ("COMMAND", "OPDRACHT"),
    ],
    unknown_command: |c| format!("onbekende opdracht `{c}`"),
    unknown_option: |o| format!("onbekende optie `{o}`"),
    invalid_value: |value, option, valid| {
        let option = option.split(' ').next().unwrap_or(option);
        if valid.is_empty() {
            format!("`{value}` is geen geldige waarde voor {option}")
        } else {
            format!("`{value}` is geen geldige waarde voor {option}; kies uit {valid}")
        }
    },
    missing: |what| format!("ontbreekt: {what}"),
    conflict: |a, b| format!("{a} en {b} gaan niet samen"),
    unexpected_argument: |a| format!("`{a}` hoort hier niet: er past hier geen (ander) argument"),
    value_missing: |option, placeholder, valid| {
        let what = if placeholder.is_empty() {
            String::new()
        } else {
            format!(" ({placeholder})")
        };
        if valid.is_empty() {
            format!("{option} vraagt om een waarde{what}")
        } else {
            format!("{option} vraagt om een waarde{what}; kies uit {valid}")
        }
    },
    value_unexpected: |value, option| {
        format!("{option} neemt hier geen waarde, maar kreeg `{value}`")
    },
    too_few_values: |option, min, given| {
        format!("{option} vraagt om minstens {min} waarden, maar kreeg er {given}")
    },
    wrong_number_of_values: |option, wanted, given| {
        format!("{option} vraagt om {wanted} waarden, maar kreeg er {given}")
    },
    repeated: |option| format!("{option} mag maar één keer gegeven worden"),
    command_conflict: |command, options| {
        format!("de opdracht `{command}` gaat niet samen met {options}")
    },
    needs_equals: |option| format!("{option} vraagt om een waarde na een =: {option}=WAARDE"),
    missing_command: |command, valid| {
        format!("`{command}` vraagt om een opdracht erachter; kies uit {valid}")
    },
    not_utf8: "een van de argumenten is geen leesbare tekst (geen UTF-8)",
    wrong_usage: "deze opdrachtregel klopt niet",
    did_you_mean: |s| format!(" (bedoel je `{s}`?)"),
    tip_as_value: |word, how| format!("Is `{word}` een waarde? Schrijf dan `{how}`."),
    tip_exists: |what| format!("`{what}` bestaat wel."),
    tip_remove_dashes: |command| {
        format!("De opdracht `{command}` bestaat: haal de `--` ervoor weg.")
    },
    more: |command| format!("Meer hierover: `{command} --help`."),
};

/// English: clap's own words and the doc comments of `cli.rs`.
pub const EN: Help = Help {
    as_written: true,
    about: "A terminal guide for structured conversations: phases, timer, notes, agreements, \
            reports.",
    usage: "Usage:",
    commands: "Commands",
    command: "COMMAND",
    usage_options: "OPTIONS",
    arguments: "Arguments",
    options: "Options",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    help_command_arg: "Print help for the subcommand(s)",
    command_about: &[],
    arg_help: &[],
    value_names: &[],
    unknown_command: |c| format!("unrecognized subcommand '{c}'"),
    unknown_option: |o| format!("unexpected argument '{o}' found"),
    invalid_value: |value, option, _| format!("invalid value '{value}' for '{option}'"),
    missing: |what| format!("the following required arguments were not provided: {what}"),
    conflict: |a, b| format!("the argument '{a}' cannot be used with '{b}'"),
    unexpected_argument: |a| format!("unexpected argument '{a}' found"),
    value_missing: |option, placeholder, _| {
        if placeholder.is_empty() {
            format!("a value is required for '{option}' but none was supplied")
        } else {
            format!("a value is required for '{option} {placeholder}' but none was supplied")
        }
    },
    value_unexpected: |value, option| {
        format!("unexpected value '{value}' for '{option}' found; no more were expected")
    },
    too_few_values: |option, min, given| {
        format!("{min} values required by '{option}'; only {given} were provided")
    },
    wrong_number_of_values: |option, wanted, given| {
        format!("{wanted} values required for '{option}' but {given} were provided")
    },
    repeated: |option| format!("the argument '{option}' cannot be used multiple times"),
    command_conflict: |command, options| {
        format!("the subcommand '{command}' cannot be used with {options}")
    },
    needs_equals: |option| format!("equal sign is needed when assigning values to '{option}'"),
    missing_command: |command, valid| {
        format!("'{command}' requires a subcommand but one was not provided: {valid}")
    },
    not_utf8: "invalid UTF-8 was detected in one or more arguments",
    wrong_usage: "the command line is not valid",
    did_you_mean: |s| format!(" (a similar one exists: '{s}')"),
    tip_as_value: |word, how| format!("tip: to pass '{word}' as a value, use '{how}'"),
    tip_exists: |what| format!("tip: '{what}' exists"),
    tip_remove_dashes: |command| {
        format!("tip: subcommand '{command}' exists; to use it, remove the '--' before it")
    },
    more: |command| format!("For more information, try '{command} --help'."),
};
