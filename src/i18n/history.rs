//! The history of past sessions, and what is done with one from there.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The history of past sessions, and what is done with one from there.
#[derive(Debug)]
pub struct History {
    /// The title with the number of sessions.
    pub title: fn(usize) -> String,
    /// The title when a filter or a search shows `shown` of `all`.
    pub title_of: fn(usize, usize) -> String,
    /// A search with more hits than it answered: the newest ones.
    pub title_newest: fn(usize, usize) -> String,
    /// The title before the store has answered.
    pub title_reading: &'static str,
    /// In the list before the store has answered.
    pub reading: &'static str,
    pub client: &'static str,
    pub guide: &'static str,
    /// A filter that lets every client through.
    pub every_client: &'static str,
    /// A filter that lets every guide through.
    pub every_guide: &'static str,
    /// The title of the client filter's choices.
    pub pick_client: &'static str,
    /// The title of the guide filter's choices.
    pub pick_guide: &'static str,
    pub search: &'static str,
    /// In the search box before it is opened.
    pub search_hint: &'static str,
    pub nothing_found: fn(&str) -> String,
    pub no_sessions: &'static str,
    /// Sessions exist, but none with this client or guide.
    pub nothing_filtered: &'static str,
    pub col_date: &'static str,
    pub col_time: &'static str,
    pub col_guide: &'static str,
    pub col_client: &'static str,
    pub col_minutes: &'static str,
    pub col_status: &'static str,
    /// How a date is written (chrono's format).
    pub date_format: &'static str,
    /// A day of this year, short (the home screen's rows).
    pub day_format: &'static str,
    pub preparing: &'static str,
    pub in_progress: &'static str,
    pub finished: &'static str,
    pub damaged: &'static str,
    /// Before a search hit in a private note.
    pub private_mark: &'static str,
    /// Where a search found the text: the notes of a phase.
    pub part_notes: fn(&str) -> String,
    /// …the private note of a phase.
    pub part_private: fn(&str) -> String,
    /// …the item of a list.
    pub part_item: fn(&str) -> String,
    /// …the rating.
    pub part_rating: fn(&str) -> String,
    /// The question before a session (guide, client) is deleted.
    pub confirm_delete: fn(&str, &str) -> String,
    pub deleted: fn(&str) -> String,
    /// The title of the choice of guide for the next conversation.
    pub pick_follow_up: &'static str,
    /// A guide that is no longer loaded, offered as the session has it.
    pub guide_as_held: fn(&str) -> String,
}

/// Nederlands.
pub const NL: History = History {
    title: |n| match n {
        1 => "Geschiedenis · 1 gesprek".to_string(),
        n => format!("Geschiedenis · {n} gesprekken"),
    },
    title_of: |n, all| format!("Geschiedenis · {n} van {all} gesprekken"),
    title_newest: |n, all| {
        format!(
            "Geschiedenis · de nieuwste {n} treffers van {all} gesprekken (typ meer om te verfijnen)"
        )
    },
    title_reading: "Geschiedenis",
    reading: "De gesprekken worden gelezen…",
    client: "Cliënt",
    guide: "Leidraad",
    every_client: "alle",
    every_guide: "alle",
    pick_client: "Alleen de gesprekken met",
    pick_guide: "Alleen de gesprekken volgens",
    search: "Zoeken",
    search_hint: "typ / om te zoeken",
    nothing_found: |q| format!("Niets gevonden voor “{q}”."),
    no_sessions: "Nog geen gesprekken.",
    nothing_filtered: "Geen gesprekken met deze cliënt of leidraad.",
    col_date: "Datum",
    col_time: "Tijd",
    col_guide: "Leidraad",
    col_client: "Cliënt",
    col_minutes: "Min",
    col_status: "Status",
    date_format: "%d-%m-%Y",
    day_format: "%d-%m",
    preparing: "in voorbereiding",
    in_progress: "bezig",
    finished: "afgerond",
    damaged: "beschadigd",
    private_mark: "privé",
    part_notes: |p| format!("Notities · {p}"),
    part_private: |p| format!("Eigen notitie · {p}"),
    part_item: |l| l.to_string(),
    part_rating: |r| r.to_string(),
    confirm_delete: |guide, client| {
        if client.is_empty() {
            format!("{guide} verwijderen, met alle bestanden die erbij horen?")
        } else {
            format!("{guide} · {client} verwijderen, met alle bestanden die erbij horen?")
        }
    },
    deleted: |f| format!("Verwijderd: {f}"),
    pick_follow_up: "Vervolggesprek volgens",
    guide_as_held: |t| format!("{t} (zoals toen gehouden)"),
};

/// English.
pub const EN: History = History {
    title: |n| match n {
        1 => "History · 1 conversation".to_string(),
        n => format!("History · {n} conversations"),
    },
    title_of: |n, all| format!("History · {n} of {all} conversations"),
    title_newest: |n, all| {
        format!("History · the newest {n} hits of {all} conversations (type more to narrow it)")
    },
    title_reading: "History",
    reading: "Reading the conversations…",
    client: "Client",
    guide: "Guide",
    every_client: "all",
    every_guide: "all",
    pick_client: "Only the conversations with",
    pick_guide: "Only the conversations held with",
    search: "Search",
    search_hint: "type / to search",
    nothing_found: |q| format!("Nothing found for “{q}”."),
    no_sessions: "No conversations yet.",
    nothing_filtered: "No conversations with this client or guide.",
    col_date: "Date",
    col_time: "Time",
    col_guide: "Guide",
    col_client: "Client",
    col_minutes: "Min",
    col_status: "Status",
    date_format: "%Y-%m-%d",
    day_format: "%b %-d",
    preparing: "in preparation",
    in_progress: "in progress",
    finished: "finished",
    damaged: "damaged",
    private_mark: "private",
    part_notes: |p| format!("Notes · {p}"),
    part_private: |p| format!("Private note · {p}"),
    part_item: |l| l.to_string(),
    part_rating: |r| r.to_string(),
    confirm_delete: |guide, client| {
        if client.is_empty() {
            format!("Delete {guide}, with every file that belongs to it?")
        } else {
            format!("Delete {guide} · {client}, with every file that belongs to it?")
        }
    },
    deleted: |f| format!("Deleted: {f}"),
    pick_follow_up: "Next conversation with",
    guide_as_held: |t| format!("{t} (as it was held)"),
};
