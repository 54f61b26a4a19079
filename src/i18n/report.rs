//! Reports (show, export) and their headings.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// Reports (show, export) and their headings.
#[derive(Debug)]
pub struct Report {
    pub status: &'static str,
    pub finished: &'static str,
    pub in_progress: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    /// "planned P min, actual A min".
    pub planned_actual: fn(i64, i64) -> String,
    pub agreements: &'static str,
    pub carried: &'static str,
    pub carried_done: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub phases: &'static str,
    pub phase: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub total: &'static str,
    pub skipped: &'static str,
    pub rating_item: &'static str,
    pub rating_value: &'static str,
    pub not_rated: &'static str,
    pub questions_asked: &'static str,
    pub private_notes: &'static str,
    /// The months, January first, as written in a date ("1 december 2026").
    pub months: [&'static str; 12],
    /// A report could not be written: its folder is not there.
    pub write_folder_missing: fn(&str) -> String,
    /// A report could not be written: its folder is a file.
    pub write_not_a_folder: fn(&str) -> String,
    /// A report could not be written: its folder is read-only.
    pub write_read_only: fn(&str) -> String,
    /// A report could not be written: the disk is full.
    pub write_full: fn(&str) -> String,
    /// A report was not written over an existing file.
    pub write_exists: fn(&str) -> String,
    /// A report could not be written: a folder has its name.
    pub write_is_folder: fn(&str) -> String,
    /// A report could not be written for another reason: (path, reason).
    pub write_failed: fn(&str, &str) -> String,
    /// The Word document could not be made (the reason).
    pub write_docx_failed: fn(&str) -> String,
}

/// Nederlands.
pub const NL: Report = Report {
    status: "Status",
    finished: "afgerond",
    in_progress: "nog niet afgerond",
    date: "Datum",
    time: "Tijd",
    planned_actual: |p, a| format!("gepland {p} min, werkelijk {a} min"),
    agreements: "Afspraken",
    carried: "Uit eerdere gesprekken",
    carried_done: "Afgerond",
    yes: "ja",
    no: "nee",
    phases: "Verloop",
    phase: "Fase",
    planned: "Gepland",
    actual: "Werkelijk",
    total: "Totaal",
    skipped: "overgeslagen",
    rating_item: "Onderdeel",
    rating_value: "Beoordeling",
    not_rated: "–",
    questions_asked: "Besproken vragen",
    private_notes: "Persoonlijke notities (niet voor de school)",
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    write_folder_missing: |d| format!("Verslag niet bewaard: de map {d} bestaat niet."),
    write_not_a_folder: |d| format!("Verslag niet bewaard: {d} is geen map."),
    write_read_only: |d| {
        format!("Verslag niet bewaard: in de map {d} kan niet geschreven worden (alleen-lezen).")
    },
    write_full: |d| format!("Verslag niet bewaard: de schijf van {d} is vol."),
    write_exists: |p| format!("Verslag niet bewaard: {p} bestaat al en is niet overschreven."),
    write_is_folder: |p| format!("Verslag niet bewaard: {p} is een map."),
    write_failed: |p, why| format!("Verslag niet bewaard als {p}: {why}."),
    write_docx_failed: |why| {
        format!("Verslag niet bewaard: het Word-document kon niet gemaakt worden ({why}).")
    },
};

/// English.
pub const EN: Report = Report {
    status: "Status",
    finished: "finished",
    in_progress: "not finished yet",
    date: "Date",
    time: "Time",
    planned_actual: |p, a| format!("planned {p} min, actual {a} min"),
    agreements: "Agreements",
    carried: "From earlier conversations",
    carried_done: "Done",
    yes: "yes",
    no: "no",
    phases: "Course of the conversation",
    phase: "Phase",
    planned: "Planned",
    actual: "Actual",
    total: "Total",
    skipped: "skipped",
    rating_item: "Item",
    rating_value: "Rating",
    not_rated: "–",
    questions_asked: "Questions discussed",
    private_notes: "Private notes (not for the school)",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    write_folder_missing: |d| format!("Report not saved: the folder {d} does not exist."),
    write_not_a_folder: |d| format!("Report not saved: {d} is not a folder."),
    write_read_only: |d| {
        format!("Report not saved: the folder {d} cannot be written to (read-only).")
    },
    write_full: |d| format!("Report not saved: the disk of {d} is full."),
    write_exists: |p| format!("Report not saved: {p} already exists and was not overwritten."),
    write_is_folder: |p| format!("Report not saved: {p} is a folder."),
    write_failed: |p, why| format!("Report not saved as {p}: {why}."),
    write_docx_failed: |why| {
        format!("Report not saved: the Word document could not be made ({why}).")
    },
};
