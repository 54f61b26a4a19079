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
    carried: "Afspraken uit eerdere gesprekken",
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
    carried: "Agreements from earlier conversations",
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
};
