//! The preparation screen and the header form.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The preparation screen and the header form.
#[derive(Debug)]
pub struct Prepare {
    pub title: &'static str,
    pub purpose: &'static str,
    pub invite: &'static str,
    pub bring: &'static str,
    pub checklist: &'static str,
    pub form_title: &'static str,
    pub form_date_hint: &'static str,
    pub form_list_hint: &'static str,
    pub form_required: &'static str,
    pub form_bad_date: &'static str,
    pub more: &'static str,
    /// The form asks whether a known client is meant.
    pub client_known: fn(&str) -> String,
    /// Why it asks.
    pub client_known_why: &'static str,
    // layout (issue 14 point 2)
    /// The checklist pane's hint that more items are below or above.
    pub checklist_more: &'static str,
}

/// Nederlands.
pub const NL: Prepare = Prepare {
    title: "Voorbereiding",
    purpose: "Doel",
    invite: "Uitnodigen",
    bring: "Meenemen",
    checklist: "Voorbereiding afvinken",
    form_title: "Gegevens",
    form_date_hint: "dd-mm-jjjj",
    form_list_hint: "namen, gescheiden door komma's",
    form_required: "Vul dit veld in.",
    form_bad_date: "Geen geldige datum: schrijf dd-mm-jjjj, bijvoorbeeld 23-11-2026.",
    more: "meer: PgDn",
    client_known: |name| format!("Bedoel je “{name}”?"),
    client_known_why: "Die naam is bekend uit eerdere gesprekken: zo komen hun open punten mee.",
    // layout (issue 14 point 2)
    checklist_more: "meer: ↑↓",
};

/// English.
pub const EN: Prepare = Prepare {
    title: "Preparation",
    purpose: "Purpose",
    invite: "Invite",
    bring: "Bring",
    checklist: "Preparation checklist",
    form_title: "Details",
    form_date_hint: "dd-mm-yyyy",
    form_list_hint: "names, separated by commas",
    form_required: "This field is required.",
    form_bad_date: "Not a valid date: write dd-mm-yyyy, for example 23-11-2026.",
    more: "more: PgDn",
    client_known: |name| format!("Do you mean “{name}”?"),
    client_known_why: "That name is known from earlier conversations: their open items come along.",
    // layout (issue 14 point 2)
    checklist_more: "more: ↑↓",
};
