//! The fields of the header form: how each kind is entered, shown,
//! checked and stored.

use chrono::NaiveDate;

use super::super::prepare::Preparation;
use super::FieldInput;
use crate::guide::{Field, FieldKind};
use crate::tui::app::Shell;
use crate::tui::widgets::input::TextInput;

/// Rows a long-text field's box takes on screen.
const LONGTEXT_ROWS: u16 = 3;

/// Rows the value of a field takes on screen.
pub(super) fn value_rows(field: &Field) -> u16 {
    if field.kind == FieldKind::Longtext {
        LONGTEXT_ROWS
    } else {
        1
    }
}

/// The choices a pick field offers. Yes/no is in the guide's language
/// (stored as such in the session), whatever the UI language.
pub(super) fn choices(guide_language: &str, field: &Field) -> Vec<String> {
    match (field.kind, guide_language) {
        (FieldKind::Yesno, "en") => vec!["yes".to_string(), "no".to_string()],
        (FieldKind::Yesno, _) => vec!["ja".to_string(), "nee".to_string()],
        _ => field.choices.clone(),
    }
}

/// The input for a field, holding its default.
pub(super) fn new_input(
    prep: &Preparation,
    field: &Field,
    today: chrono::NaiveDate,
    shell: &Shell,
) -> FieldInput {
    let t = shell.texts();
    match field.kind {
        FieldKind::Yesno | FieldKind::Choice => {
            let opts = choices(&prep.guide.language, field);
            FieldInput::Pick(
                prep.prefill
                    .get(&field.id)
                    .or(field.default.as_ref())
                    .and_then(|d| opts.iter().position(|c| c == d)),
            )
        }
        _ => {
            let value = if field.client {
                prep.client
                    .clone()
                    .or_else(|| field.default.clone())
                    .unwrap_or_default()
            } else if field.kind == FieldKind::Date && field.default.as_deref() == Some("today") {
                // Written as the interface writes dates (the plan form, the
                // timeline, the history: 07-09-2026, in English 2026-09-07);
                // any form `parse_date` reads is accepted.
                today.format(t.plans.date_format).to_string()
            } else if let Some(value) = prep.prefill.get(&field.id) {
                value.clone()
            } else if let Some(name) = shell.settings.prefill(field) {
                name.to_string()
            } else {
                field.default.clone().unwrap_or_default()
            };
            let mut input = if field.kind == FieldKind::Longtext {
                TextInput::notes(&value)
            } else {
                TextInput::line(&value)
            };
            let hint = match field.kind {
                FieldKind::Date => t.prepare.form_date_hint,
                FieldKind::List => t.prepare.form_list_hint,
                _ => "",
            };
            if !hint.is_empty() {
                input.set_placeholder(hint);
            }
            FieldInput::Text(Box::new(input))
        }
    }
}

/// Parse a date as typed: 2026-11-23, 23-11-2026, 23/11/2026, 23.11.2026.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// Check a field's value; returns the stored value or a message.
pub(super) fn validate(
    shell: &Shell,
    language: &str,
    field: &Field,
    input: &FieldInput,
) -> Result<String, String> {
    let t = shell.texts();
    let value = match input {
        FieldInput::Text(i) => {
            let raw = i.text();
            match field.kind {
                FieldKind::Date if !raw.trim().is_empty() => match parse_date(&raw) {
                    Some(d) => d.format("%Y-%m-%d").to_string(),
                    None => return Err(t.prepare.form_bad_date.to_string()),
                },
                FieldKind::List => raw
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => raw.trim().to_string(),
            }
        }
        FieldInput::Pick(choice) => choice
            .and_then(|c| choices(language, field).get(c).cloned())
            .unwrap_or_default(),
    };
    if field.required && value.is_empty() {
        return Err(t.prepare.form_required.to_string());
    }
    Ok(value)
}

/// Whether nothing was entered or chosen.
pub(super) fn is_empty(input: &FieldInput) -> bool {
    match input {
        FieldInput::Text(t) => t.text().trim().is_empty(),
        FieldInput::Pick(choice) => choice.is_none(),
    }
}

/// The value a field holds as typed or chosen (not yet checked).
pub(super) fn raw_value(language: &str, field: &Field, input: &FieldInput) -> String {
    match input {
        FieldInput::Text(t) => t.text(),
        FieldInput::Pick(choice) => choice
            .and_then(|c| choices(language, field).get(c).cloned())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_dutch_and_iso_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for s in [
            "2026-11-23",
            "23-11-2026",
            "23/11/2026",
            "23.11.2026",
            " 23-11-2026 ",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("31-02-2026"), None);
        assert_eq!(parse_date("morgen"), None);
    }
}
