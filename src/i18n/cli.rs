//! The command line.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

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
    col_client: "KLANT",
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
