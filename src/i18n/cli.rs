//! The command line.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

pub mod check;
pub mod help;
pub mod man;

/// The command line.
#[derive(Debug)]
pub struct Cli {
    pub col_id: &'static str,
    pub col_kind: &'static str,
    pub col_title: &'static str,
    pub col_minutes: &'static str,
    pub col_parts: &'static str,
    pub col_source: &'static str,
    pub conversation: &'static str,
    pub trajectory: &'static str,
    pub bundled: &'static str,
    pub replaces_bundled: &'static str,
    pub no_guides: &'static str,
    pub broken_guides: fn(usize) -> String,
    pub check_ok: fn(usize, usize) -> String,
    pub check_failed: fn(usize, usize) -> String,
    pub no_data_dir: &'static str,
    pub data_dir_failed: fn(&str, &str) -> String,
    pub needs_terminal: &'static str,
    pub start_trajectory: fn(&str) -> String,
    pub unknown_guide: fn(&str, &str) -> String,
    pub nothing_to_resume: &'static str,
    pub col_session: &'static str,
    pub col_date: &'static str,
    pub col_guide: &'static str,
    pub col_client: &'static str,
    pub col_status: &'static str,
    pub in_progress: &'static str,
    /// The status of a session whose conversation has not started.
    pub preparing: &'static str,
    pub finished: &'static str,
    pub damaged: fn(&str) -> String,
    pub no_sessions: &'static str,
    pub written: fn(&str) -> String,
    /// After "exists": how to go on.
    pub export_force: &'static str,
    pub delete_needs_yes: &'static str,
    pub delete_ask: fn(&str) -> String,
    pub delete_kept: &'static str,
    pub deleted: fn(&str) -> String,
    pub show_open_elsewhere: fn(&str) -> String,
    pub delete_open_elsewhere: fn(&str) -> String,
    // config (issue 16 points 1-3)
    /// What `lang` takes.
    pub cfg_expect_lang: &'static str,
    /// What `bell` and `colors` take.
    pub cfg_expect_bool: &'static str,
    /// What `data_dir` and `export_dir` take.
    pub cfg_expect_folder: &'static str,
    /// What `consultant` takes.
    pub cfg_expect_name: &'static str,
    /// What `export_format` takes.
    pub cfg_expect_format: &'static str,
    pub cfg_type_string: &'static str,
    pub cfg_type_number: &'static str,
    pub cfg_type_bool: &'static str,
    pub cfg_type_date: &'static str,
    pub cfg_type_array: &'static str,
    pub cfg_type_table: &'static str,
    /// config.toml cannot be read: the system's reason.
    pub cfg_unreadable: fn(&str) -> String,
    pub cfg_not_a_file: &'static str,
    pub cfg_too_large: &'static str,
    pub cfg_not_utf8: &'static str,
    /// Not TOML: toml's own words.
    pub cfg_syntax: fn(&str) -> String,
    /// An unknown key: the key, the known key it probably means (or ""),
    /// the known keys.
    pub cfg_unknown_key: fn(&str, &str, &str) -> String,
    /// A value of the wrong type: the key, the type found, what it takes.
    pub cfg_wrong_type: fn(&str, &str, &str) -> String,
    /// A value that is not allowed: the key, the value, what it takes.
    pub cfg_bad_value: fn(&str, &str, &str) -> String,
    /// An environment variable's value that is not allowed: the value,
    /// what it takes.
    pub cfg_bad_env: fn(&str, &str) -> String,
    /// After the problems: what happens now.
    pub cfg_defaults_used: &'static str,
    pub cfg_col_setting: &'static str,
    pub cfg_col_value: &'static str,
    pub cfg_col_origin: &'static str,
    /// Set by a flag (its name).
    pub cfg_from_flag: fn(&str) -> String,
    /// Set by an environment variable (its name).
    pub cfg_from_env: fn(&str) -> String,
    /// Set in config.toml (FILE:LINE:COLUMN).
    pub cfg_from_file: fn(&str) -> String,
    /// The system's language (the variable).
    pub cfg_from_locale: fn(&str) -> String,
    pub cfg_from_default: &'static str,
    pub cfg_not_set: &'static str,
    /// `export_dir` not set: where reports go then.
    pub cfg_export_dir_unset: &'static str,
    pub cfg_col_path: &'static str,
    pub cfg_col_where: &'static str,
    pub cfg_path_config: &'static str,
    pub cfg_path_data: &'static str,
    pub cfg_path_guides: &'static str,
    pub cfg_path_index: &'static str,
    /// After a path that is not there.
    pub cfg_missing: &'static str,
    pub cfg_no_config_dir: &'static str,
    pub cfg_no_editor: fn(&str) -> String,
    /// The editor could not run or failed: the editor, the reason.
    pub cfg_editor_failed: fn(&str, &str) -> String,
    /// The template could not be written: the path, the reason.
    pub cfg_cannot_create: fn(&str, &str) -> String,
    pub cfg_created: fn(&str) -> String,
    pub cfg_ok: fn(&str) -> String,
    /// The commented config.toml that `leidraad config --edit` starts from.
    pub cfg_template: &'static str,
    /// A man page could not be written: the path, the reason.
    pub man_failed: fn(&str, &str) -> String,
    /// The `--help` texts.
    pub help: help::Help,
    /// The manual page's headings and its sections of its own.
    pub man: man::Man,
    /// What `check` says about a guide file.
    pub check: check::Check,
    /// Standard output or error could not be written (not a closed pipe):
    /// the system's reason.
    pub output_failed: fn(&str) -> String,
    // hostile (issue 15)
    /// A `--guides-dir` that does not exist.
    pub guides_dir_missing: fn(&str) -> String,
    /// A `--guides-dir` that is a file, not a folder.
    pub guides_dir_not_folder: fn(&str) -> String,
    /// A data folder named with `--data-dir` that
    /// does not exist, for a command that only reads.
    pub data_dir_missing: fn(&str) -> String,
    /// A data folder that is a file.
    pub data_dir_not_folder: fn(&str) -> String,
    /// Above the list of emergency copies, in `sessions`.
    pub copies_heading: &'static str,
    /// One emergency copy: where, of which session, when.
    pub copy_line: fn(&str, &str, &str) -> String,
}

/// Nederlands.
pub const NL: Cli = Cli {
    col_id: "ID",
    col_kind: "SOORT",
    col_title: "TITEL",
    col_minutes: "MIN",
    col_parts: "FASEN/STAPPEN",
    col_source: "BRON",
    conversation: "gesprek",
    trajectory: "traject",
    bundled: "meegeleverd",
    replaces_bundled: "(vervangt de meegeleverde)",
    no_guides: "Geen leidraden gevonden.",
    broken_guides: |n| {
        if n == 1 {
            "1 fout in de leidraden (niet geladen):".to_string()
        } else {
            format!("{n} fouten in de leidraden (niet geladen):")
        }
    },
    check_ok: |files, warnings| {
        format!("{files} leidraad-bestand(en) in orde, {warnings} waarschuwing(en).")
    },
    check_failed: |errors, warnings| format!("{errors} fout(en), {warnings} waarschuwing(en)."),
    no_data_dir: "Geen datamap gevonden: geef er een met --data-dir of LEIDRAAD_DATA_DIR.",
    data_dir_failed: |a, b| {
        format!("kan de datamap {a} niet openen: {b}. Kies een andere met --data-dir.")
    },
    needs_terminal: "leidraad heeft een terminal nodig; gebruik `leidraad sessions`, `show` of `export` in scripts.",
    start_trajectory: |a| {
        format!(
            "{a} is een traject, geen gesprek: kies een gesprek uit het traject (zie `leidraad guides`)."
        )
    },
    unknown_guide: |a, b| format!("geen leidraad met id {a}. Beschikbaar: {b}"),
    nothing_to_resume: "er is geen onafgerond gesprek om te hervatten (zie `leidraad sessions`).",
    col_session: "SESSIE",
    col_date: "DATUM",
    col_guide: "LEIDRAAD",
    col_client: "CLIËNT",
    col_status: "STATUS",
    in_progress: "onafgerond",
    preparing: "in voorbereiding",
    finished: "afgerond",
    damaged: |a| format!("BESCHADIGD: {a}"),
    no_sessions: "Geen sessies.",
    written: |a| format!("Geschreven: {a}"),
    export_force: "Kies een andere naam, of vervang het bestand met --force.",
    delete_needs_yes: "verwijderen vraagt om bevestiging; gebruik --yes in scripts.",
    delete_ask: |a| format!("{a} en alles wat erbij hoort verwijderen? [j/N] "),
    delete_kept: "Niets verwijderd.",
    deleted: |a| format!("Verwijderd: {a}"),
    show_open_elsewhere: |file| {
        format!(
            "{file} is open in een ander venster; dit is de laatst opgeslagen versie. Er wordt niets veranderd."
        )
    },
    delete_open_elsewhere: |file| {
        format!(
            "{file} is open in een ander venster en wordt niet verwijderd. Sluit het daar eerst."
        )
    },
    // config (issue 16 points 1-3)
    cfg_expect_lang: "\"nl\" (Nederlands) of \"en\" (English)",
    cfg_expect_bool: "true (aan) of false (uit), zonder aanhalingstekens",
    cfg_expect_folder: "een map tussen aanhalingstekens: een volledig pad, of een pad dat met ~/ begint",
    cfg_expect_name: "een naam tussen aanhalingstekens",
    cfg_expect_format: "\"md\" (Markdown) of \"docx\" (Word)",
    cfg_type_string: "tekst",
    cfg_type_number: "een getal",
    cfg_type_bool: "true/false",
    cfg_type_date: "een datum",
    cfg_type_array: "een lijst",
    cfg_type_table: "een tabel",
    cfg_unreadable: |why| format!("kan het instellingenbestand niet lezen: {why}"),
    cfg_not_a_file: "dit is geen gewoon bestand (een map, pijp of apparaat); het is niet gelezen",
    cfg_too_large: "dit bestand is groter dan 1 MB en geen instellingenbestand; het is niet gelezen",
    cfg_not_utf8: "dit bestand is geen UTF-8-tekst; bewaar het als UTF-8",
    cfg_syntax: |toml| {
        format!(
            "dit is geen geldige TOML ({toml}); schrijf elke instelling als naam = waarde, tekst tussen aanhalingstekens: consultant = \"Anna\""
        )
    },
    cfg_unknown_key: |key, like, known| {
        let hint = if like.is_empty() {
            String::new()
        } else {
            format!(" (bedoel je `{like}`?)")
        };
        format!("onbekende instelling `{key}`{hint}; bekend zijn {known}")
    },
    cfg_wrong_type: |key, found, expected| {
        format!("`{key}` is {found}, maar verwacht is {expected}")
    },
    cfg_bad_value: |key, value, expected| {
        format!("`{key}` kan niet \"{value}\" zijn; verwacht is {expected}")
    },
    cfg_bad_env: |value, expected| {
        format!("\"{value}\" is hier niet mogelijk (niet gebruikt); verwacht is {expected}")
    },
    cfg_defaults_used: "Wat hierboven genoemd is, is niet gebruikt: daarvoor geldt de standaardwaarde. Pas het aan met `leidraad config --edit`.",
    cfg_col_setting: "INSTELLING",
    cfg_col_value: "WAARDE",
    cfg_col_origin: "BRON",
    cfg_from_flag: |flag| format!("optie {flag}"),
    cfg_from_env: |var| format!("omgeving: {var}"),
    cfg_from_file: |at| at.to_string(),
    cfg_from_locale: |var| format!("taal van het systeem ({var})"),
    cfg_from_default: "standaard",
    cfg_not_set: "(niet ingesteld)",
    cfg_export_dir_unset: "(niet ingesteld: de huidige map; in het programma Documenten)",
    cfg_col_path: "PAD",
    cfg_col_where: "WAAR",
    cfg_path_config: "instellingen",
    cfg_path_data: "gesprekken",
    cfg_path_guides: "leidraden",
    cfg_path_index: "index",
    cfg_missing: "(bestaat niet)",
    cfg_no_config_dir: "(geen: geen thuismap; geef er een met LEIDRAAD_CONFIG_DIR)",
    cfg_no_editor: |path| {
        format!(
            "geen editor ingesteld: zet VISUAL of EDITOR (bijvoorbeeld EDITOR=nano), of open {path} zelf."
        )
    },
    cfg_editor_failed: |editor, why| format!("de editor {editor} is niet goed afgesloten: {why}"),
    cfg_cannot_create: |path, why| format!("kan {path} niet aanmaken: {why}"),
    cfg_created: |path| format!("Aangemaakt: {path}"),
    cfg_ok: |path| format!("{path} is in orde."),
    cfg_template: CFG_TEMPLATE_NL,
    man_failed: |path, why| format!("kan de handleiding {path} niet schrijven: {why}"),
    help: help::NL,
    man: man::NL,
    check: check::NL,
    output_failed: |why| format!("kon niet alles schrijven: {why}"),
    // hostile (issue 15)
    guides_dir_missing: |dir| format!("--guides-dir {dir}: die map bestaat niet."),
    guides_dir_not_folder: |dir| format!("--guides-dir {dir}: dat is een bestand, geen map."),
    data_dir_missing: |dir| {
        format!(
            "De datamap {dir} bestaat niet; er is niets aangemaakt. Controleer de naam, of start leidraad daar één keer om hem te maken."
        )
    },
    data_dir_not_folder: |dir| format!("De datamap {dir} is een bestand, geen map."),
    copies_heading: "Noodkopieën (bewaard toen de datamap niet beschreven kon worden):",
    copy_line: |copy, session, when| format!("  {copy}  (van {session}, {when})"),
};

/// The commented `config.toml` in Dutch.
const CFG_TEMPLATE_NL: &str = "\
# Instellingen van leidraad.
#
# Een regel die met # begint telt niet mee: haal het # weg en vul een waarde
# in. `leidraad config` laat zien welke waarde geldt en waar die vandaan komt.
# Een optie (--lang, --data-dir) of de omgeving (LEIDRAAD_LANG, ...) gaat
# voor wat hier staat.

# Taal van het scherm: \"nl\" (Nederlands) of \"en\" (English).
# Zonder deze regel: de taal van het systeem.
# lang = \"nl\"

# Map voor de gespreksbestanden, bijvoorbeeld op een versleutelde schijf:
# een volledig pad, of een pad dat met ~/ begint.
# data_dir = \"~/Documenten/leidraad\"

# Een belletje als er een herinnering verschijnt: true of false.
# bell = false

# Kleuren: true of false (NO_COLOR in de omgeving zet ze ook uit).
# colors = true

# Je eigen naam: die staat alvast in het veld Begeleider van een leidraad.
# consultant = \"Anna de Vries\"

# Map voor verslagen als je geen bestand noemt.
# export_dir = \"~/Documenten/verslagen\"

# Vorm van een verslag als je er geen kiest: \"md\" (Markdown) of \"docx\" (Word).
# export_format = \"md\"
";

/// English.
pub const EN: Cli = Cli {
    col_id: "ID",
    col_kind: "KIND",
    col_title: "TITLE",
    col_minutes: "MIN",
    col_parts: "PHASES/STEPS",
    col_source: "SOURCE",
    conversation: "conversation",
    trajectory: "trajectory",
    bundled: "bundled",
    replaces_bundled: "(replaces the bundled one)",
    no_guides: "No guides found.",
    broken_guides: |n| {
        if n == 1 {
            "1 error in the guides (not loaded):".to_string()
        } else {
            format!("{n} errors in the guides (not loaded):")
        }
    },
    check_ok: |files, warnings| format!("{files} guide file(s) ok, {warnings} warning(s)."),
    check_failed: |errors, warnings| format!("{errors} error(s), {warnings} warning(s)."),
    no_data_dir: "No data folder found: give one with --data-dir or LEIDRAAD_DATA_DIR.",
    data_dir_failed: |a, b| {
        format!("cannot open the data folder {a}: {b}. Choose another with --data-dir.")
    },
    needs_terminal: "leidraad needs a terminal; use `leidraad sessions`, `show` or `export` in scripts.",
    start_trajectory: |a| {
        format!(
            "{a} is a trajectory, not a conversation: choose one of its conversations (see `leidraad guides`)."
        )
    },
    unknown_guide: |a, b| format!("no guide with id {a}. Available: {b}"),
    nothing_to_resume: "there is no unfinished session to resume (see `leidraad sessions`).",
    col_session: "SESSION",
    col_date: "DATE",
    col_guide: "GUIDE",
    col_client: "CLIENT",
    col_status: "STATUS",
    in_progress: "in progress",
    preparing: "in preparation",
    finished: "finished",
    damaged: |a| format!("DAMAGED: {a}"),
    no_sessions: "No sessions.",
    written: |a| format!("Written: {a}"),
    export_force: "Choose another name, or replace the file with --force.",
    delete_needs_yes: "deleting asks for confirmation; use --yes in scripts.",
    delete_ask: |a| format!("Delete {a} and every file that belongs to it? [y/N] "),
    delete_kept: "Nothing deleted.",
    deleted: |a| format!("Deleted: {a}"),
    show_open_elsewhere: |file| {
        format!(
            "{file} is open in another window; this is its last saved version. Nothing is changed."
        )
    },
    delete_open_elsewhere: |file| {
        format!("{file} is open in another window and is not deleted. Close it there first.")
    },
    // config (issue 16 points 1-3)
    cfg_expect_lang: "\"nl\" (Nederlands) or \"en\" (English)",
    cfg_expect_bool: "true (on) or false (off), without quotes",
    cfg_expect_folder: "a folder in quotes: a full path, or one starting with ~/",
    cfg_expect_name: "a name in quotes",
    cfg_expect_format: "\"md\" (Markdown) or \"docx\" (Word)",
    cfg_type_string: "text",
    cfg_type_number: "a number",
    cfg_type_bool: "true/false",
    cfg_type_date: "a date",
    cfg_type_array: "a list",
    cfg_type_table: "a table",
    cfg_unreadable: |why| format!("cannot read the settings file: {why}"),
    cfg_not_a_file: "this is not a regular file (a folder, pipe or device); it was not read",
    cfg_too_large: "this file is over 1 MB and not a settings file; it was not read",
    cfg_not_utf8: "this file is not UTF-8 text; save it as UTF-8",
    cfg_syntax: |toml| {
        format!(
            "this is not valid TOML ({toml}); write each setting as name = value, text in quotes: consultant = \"Anna\""
        )
    },
    cfg_unknown_key: |key, like, known| {
        let hint = if like.is_empty() {
            String::new()
        } else {
            format!(" (did you mean `{like}`?)")
        };
        format!("unknown setting `{key}`{hint}; known are {known}")
    },
    cfg_wrong_type: |key, found, expected| {
        format!("`{key}` is {found}, but expected is {expected}")
    },
    cfg_bad_value: |key, value, expected| {
        format!("`{key}` cannot be \"{value}\"; expected is {expected}")
    },
    cfg_bad_env: |value, expected| {
        format!("\"{value}\" is not possible here (not used); expected is {expected}")
    },
    cfg_defaults_used: "What is named above was not used: its default applies. Change it with `leidraad config --edit`.",
    cfg_col_setting: "SETTING",
    cfg_col_value: "VALUE",
    cfg_col_origin: "FROM",
    cfg_from_flag: |flag| format!("option {flag}"),
    cfg_from_env: |var| format!("environment: {var}"),
    cfg_from_file: |at| at.to_string(),
    cfg_from_locale: |var| format!("the system's language ({var})"),
    cfg_from_default: "default",
    cfg_not_set: "(not set)",
    cfg_export_dir_unset: "(not set: the current folder; in the app, Documents)",
    cfg_col_path: "PATH",
    cfg_col_where: "WHERE",
    cfg_path_config: "settings",
    cfg_path_data: "sessions",
    cfg_path_guides: "guides",
    cfg_path_index: "index",
    cfg_missing: "(not there)",
    cfg_no_config_dir: "(none: no home folder; give one with LEIDRAAD_CONFIG_DIR)",
    cfg_no_editor: |path| {
        format!(
            "no editor set: set VISUAL or EDITOR (for example EDITOR=nano), or open {path} yourself."
        )
    },
    cfg_editor_failed: |editor, why| format!("the editor {editor} did not finish well: {why}"),
    cfg_cannot_create: |path, why| format!("cannot create {path}: {why}"),
    cfg_created: |path| format!("Created: {path}"),
    cfg_ok: |path| format!("{path} is fine."),
    cfg_template: CFG_TEMPLATE_EN,
    man_failed: |path, why| format!("cannot write the manual page {path}: {why}"),
    help: help::EN,
    man: man::EN,
    check: check::EN,
    output_failed: |why| format!("could not write everything: {why}"),
    // hostile (issue 15)
    guides_dir_missing: |dir| format!("--guides-dir {dir}: that folder does not exist."),
    guides_dir_not_folder: |dir| format!("--guides-dir {dir}: that is a file, not a folder."),
    data_dir_missing: |dir| {
        format!(
            "The data folder {dir} does not exist; nothing was created. Check the name, or start leidraad there once to create it."
        )
    },
    data_dir_not_folder: |dir| format!("The data folder {dir} is a file, not a folder."),
    copies_heading: "Emergency copies (saved when the data folder could not be written):",
    copy_line: |copy, session, when| format!("  {copy}  (of {session}, {when})"),
};

/// The commented `config.toml` in English.
const CFG_TEMPLATE_EN: &str = "\
# Settings of leidraad.
#
# A line that starts with # does not count: remove the # and fill in a
# value. `leidraad config` shows which value is in force and where it came
# from. An option (--lang, --data-dir) or the environment (LEIDRAAD_LANG,
# ...) goes before what is written here.

# Language of the screens: \"nl\" (Nederlands) or \"en\" (English).
# Without this line: the system's language.
# lang = \"en\"

# Folder for the session files, say on an encrypted volume: a full path,
# or one starting with ~/.
# data_dir = \"~/Documents/leidraad\"

# Ring the bell when a reminder appears: true or false.
# bell = false

# Colours: true or false (NO_COLOR in the environment turns them off too).
# colors = true

# Your own name: the guide's consultant field (Begeleider) starts with it.
# consultant = \"Anna de Vries\"

# Folder for reports when you name no file.
# export_dir = \"~/Documents/reports\"

# Format of a report when you choose none: \"md\" (Markdown) or \"docx\" (Word).
# export_format = \"md\"
";
