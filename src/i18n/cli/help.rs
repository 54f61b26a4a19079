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
    /// After a usage error: what was probably meant.
    pub did_you_mean: fn(&str) -> String,
    /// After a usage error: where to read more.
    pub more: &'static str,
}

/// Nederlands.
pub const NL: Help = Help {
    as_written: false,
    about: "Een leidraad in de terminal voor gestructureerde gesprekken: fasen, klok, \
            notities, afspraken, verslagen.",
    usage: "Gebruik:",
    commands: "Opdrachten",
    command: "OPDRACHT",
    arguments: "Argumenten",
    options: "Opties",
    help: "Toon deze hulp",
    version: "Toon de versie",
    help_command: "Toon deze hulp of die van de genoemde opdracht",
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
            "Plan een traject voor een klant vanaf een startdatum: elke stap met zijn datum, \
             bewaard als plan in de gegevensmap",
        ),
        (
            "plans",
            "De lopende plannen: klant, traject, de volgende stap en de datum ervan, \
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
            "De klant (school, leerkracht, team): vult het klantveld in",
        ),
        (
            "resume",
            "session",
            "Een gespreksbestand, of een uniek begin van de naam",
        ),
        (
            "sessions",
            "client",
            "Alleen gesprekken waarvan de klant deze tekst bevat",
        ),
        ("sessions", "guide", "Alleen gesprekken met deze gids-id"),
        (
            "sessions",
            "search",
            "Alleen gesprekken waarvan de tekst dit bevat (hoofdletters tellen niet)",
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
             de klant (zonder deze optie gaat Markdown naar standaarduitvoer, een \
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
        ("plan", "client", "De klant (school, leerkracht, team)"),
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
        ("CLIENT", "KLANT"),
        ("SESSION", "GESPREK"),
        ("SEARCH", "TEKST"),
        ("FORMAT", "VORM"),
        ("TRAJECTORY", "TRAJECT"),
        ("DATE", "DATUM"),
        ("PLAN", "PLAN"),
        ("SHELL", "SHELL"),
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
    did_you_mean: |s| format!(" (bedoel je `{s}`?)"),
    more: "Meer hierover: `leidraad --help`.",
};

/// English: clap's own words and the doc comments of `cli.rs`.
pub const EN: Help = Help {
    as_written: true,
    about: "A terminal guide for structured conversations: phases, timer, notes, agreements, \
            reports.",
    usage: "Usage:",
    commands: "Commands",
    command: "COMMAND",
    arguments: "Arguments",
    options: "Options",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    command_about: &[],
    arg_help: &[],
    value_names: &[],
    unknown_command: |c| format!("unrecognized subcommand '{c}'"),
    unknown_option: |o| format!("unexpected argument '{o}' found"),
    invalid_value: |value, option, _| format!("invalid value '{value}' for '{option}'"),
    missing: |what| format!("the following required arguments were not provided: {what}"),
    conflict: |a, b| format!("the argument '{a}' cannot be used with '{b}'"),
    did_you_mean: |s| format!(" (a similar one exists: '{s}')"),
    more: "For more information, try '--help'.",
};
