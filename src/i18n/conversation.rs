//! The conversation screen and its summary.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The conversation screen and its summary.
#[derive(Debug)]
pub struct Conversation {
    pub total: &'static str,
    pub planned_end: &'static str,
    pub at_this_pace: &'static str,
    pub left_for_rest: &'static str,
    pub planned_end_short: &'static str,
    pub left_for_rest_short: &'static str,
    /// Past the end (planned or agreed): by how many minutes, begun ones
    /// counted ("3 min over tijd").
    pub past_end: fn(i64) -> String,
    /// The same in a narrow window ("+3 min").
    pub past_end_short: fn(i64) -> String,
    pub phase: &'static str,
    pub phases: &'static str,
    pub paused: &'static str,
    pub near_budget: &'static str,
    pub over_budget: &'static str,
    pub skipped: &'static str,
    pub skipped_upper: &'static str,
    pub optional: &'static str,
    pub questions: &'static str,
    pub notes: &'static str,
    pub private_notes: &'static str,
    pub typing: &'static str,
    pub lists: &'static str,
    pub list_empty: &'static str,
    pub list_none: &'static str,
    pub list_too_few: fn(u32) -> String,
    pub list_too_many: fn(u32) -> String,
    pub not_rated: &'static str,
    pub carried_title: &'static str,
    pub revisit_notes: fn(&str) -> String,
    pub no_notes: &'static str,
    pub no_list_here: &'static str,
    pub not_optional: &'static str,
    /// Text typed while navigating went into the notes.
    pub typed_into_notes: &'static str,
    pub item_add_title: fn(&str) -> String,
    pub item_edit_title: fn(&str) -> String,
    pub confirm_title: &'static str,
    pub confirm_finish: &'static str,
    pub confirm_remove: &'static str,
    pub confirm_keys: &'static str,
    pub finished_saved: &'static str,
    pub summary: &'static str,
    pub finished: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub unasked: &'static str,
    /// A change the session refused (an item or question that is no
    /// longer there); the reason in English, for a bug report.
    pub change_refused: fn(&str) -> String,
    /// Where an item of an earlier talk came from: the guide and the date.
    pub carried_from: fn(&str, &str) -> String,
    /// …when that is not known (a session from before it was recorded).
    pub carried_from_earlier: &'static str,
    // layout (issue 14 point 2)
    /// How many helper questions are below the guide pane's end.
    pub questions_below: fn(usize) -> String,
    /// The title of a pane that holds only ratings.
    pub rating_pane: &'static str,
    /// …of one that holds lists and ratings.
    pub lists_and_rating: &'static str,
    /// Esc in an item form with something typed in it.
    pub confirm_discard: &'static str,
}

/// Nederlands.
pub const NL: Conversation = Conversation {
    total: "Totaal",
    planned_end: "gepland einde",
    at_this_pace: "bij dit tempo",
    left_for_rest: "over voor de rest",
    planned_end_short: "einde",
    left_for_rest_short: "rest",
    past_end: |m| format!("{m} min over tijd"),
    past_end_short: |m| format!("+{m} min"),
    phase: "Fase",
    phases: "Fasen",
    paused: "PAUZE",
    near_budget: "bijna op",
    over_budget: "OVER",
    skipped: "overgeslagen",
    skipped_upper: "OVERGESLAGEN",
    optional: "optioneel",
    questions: "Hulpvragen",
    notes: "Notities",
    private_notes: "Eigen notitie (privé, niet in het verslag)",
    typing: "typen, Esc om te stoppen",
    lists: "Lijsten",
    list_empty: "(nog niets; a voegt toe)",
    list_none: "(niets)",
    list_too_few: |a| format!("minstens {a}!"),
    list_too_many: |a| format!("hoogstens {a}!"),
    not_rated: "—",
    carried_title: "Open punten uit eerdere gesprekken",
    revisit_notes: |a| format!("Notities uit {a}"),
    no_notes: "(geen notities)",
    no_list_here: "Deze fase heeft geen lijst.",
    not_optional: "Deze fase is niet optioneel en kan niet worden overgeslagen.",
    typed_into_notes: "In de notities gezet — Esc om te navigeren",
    item_add_title: |a| format!("Nieuw: {a}"),
    item_edit_title: |a| format!("Wijzigen: {a}"),
    confirm_title: "Zeker weten?",
    confirm_finish: "Het gesprek afronden? Daarna zie je de samenvatting.",
    confirm_remove: "Dit punt verwijderen?",
    confirm_keys: "j of Enter: ja · n of Esc: nee",
    finished_saved: "Gesprek afgerond en bewaard.",
    summary: "Samenvatting",
    finished: "afgerond",
    planned: "gepland",
    actual: "werkelijk",
    unasked: "Niet gestelde hulpvragen",
    change_refused: |a| format!("Dit lukte niet ({a}); de rest is bewaard."),
    carried_from: |guide, date| {
        if date.is_empty() {
            format!("uit {guide}")
        } else {
            format!("uit {guide} van {date}")
        }
    },
    carried_from_earlier: "uit een eerder gesprek",
    // layout (issue 14 point 2)
    questions_below: |n| match n {
        1 => "nog 1 vraag".to_string(),
        n => format!("nog {n} vragen"),
    },
    rating_pane: "Beoordeling",
    lists_and_rating: "Lijsten en beoordeling",
    confirm_discard: "Wat je in dit punt typte weggooien?",
};

/// English.
pub const EN: Conversation = Conversation {
    total: "Total",
    planned_end: "planned end",
    at_this_pace: "at this pace",
    left_for_rest: "left for the rest",
    planned_end_short: "end",
    left_for_rest_short: "rest",
    past_end: |m| format!("{m} min past the end"),
    past_end_short: |m| format!("+{m} min"),
    phase: "Phase",
    phases: "Phases",
    paused: "PAUSED",
    near_budget: "nearly used",
    over_budget: "OVER",
    skipped: "skipped",
    skipped_upper: "SKIPPED",
    optional: "optional",
    questions: "Helper questions",
    notes: "Notes",
    private_notes: "Private note (not in the report)",
    typing: "typing, Esc to stop",
    lists: "Lists",
    list_empty: "(nothing yet; a adds)",
    list_none: "(nothing)",
    list_too_few: |a| format!("at least {a}!"),
    list_too_many: |a| format!("at most {a}!"),
    not_rated: "—",
    carried_title: "Open items from earlier conversations",
    revisit_notes: |a| format!("Notes from {a}"),
    no_notes: "(no notes)",
    no_list_here: "This phase has no list.",
    not_optional: "This phase is not optional and cannot be skipped.",
    typed_into_notes: "Put in the notes — Esc to navigate",
    item_add_title: |a| format!("New: {a}"),
    item_edit_title: |a| format!("Edit: {a}"),
    confirm_title: "Are you sure?",
    confirm_finish: "Finish the conversation? The summary follows.",
    confirm_remove: "Remove this item?",
    confirm_keys: "y or Enter: yes · n or Esc: no",
    finished_saved: "Conversation finished and saved.",
    summary: "Summary",
    finished: "finished",
    planned: "planned",
    actual: "actual",
    unasked: "Questions not asked",
    change_refused: |a| format!("That did not work ({a}); everything else is saved."),
    carried_from: |guide, date| {
        if date.is_empty() {
            format!("from {guide}")
        } else {
            format!("from {guide} of {date}")
        }
    },
    carried_from_earlier: "from an earlier conversation",
    // layout (issue 14 point 2)
    questions_below: |n| match n {
        1 => "1 more question".to_string(),
        n => format!("{n} more questions"),
    },
    rating_pane: "Rating",
    lists_and_rating: "Lists and rating",
    confirm_discard: "Throw away what you typed in this item?",
};
