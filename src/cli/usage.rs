//! A usage error in the user's language. clap says what is wrong with the
//! command line in English; for a language that is not [`as_written`]
//! (Dutch), the common kinds (an unknown command or option, a wrong value,
//! something missing, two options that do not go together) are said here,
//! with the usage line and where to read more. The rest stays clap's.
//!
//! [`as_written`]: crate::i18n::cli::help::Help::as_written

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;

/// What to print for clap's error `e` in `lang`, or `None` to let clap
/// print it (help and version, English, a kind not said here).
pub fn say(e: &clap::Error, lang: Lang) -> Option<String> {
    let h = &lang.texts().cli.help;
    if h.as_written {
        return None;
    }
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => (h.unknown_command)(&text(ContextKind::InvalidSubcommand)?),
        ErrorKind::UnknownArgument => (h.unknown_option)(&text(ContextKind::InvalidArg)?),
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue).unwrap_or_default();
            (h.invalid_value)(
                &text(ContextKind::InvalidValue)?,
                &text(ContextKind::InvalidArg)?,
                &valid,
            )
        }
        ErrorKind::MissingRequiredArgument => (h.missing)(&text(ContextKind::InvalidArg)?),
        ErrorKind::ArgumentConflict => (h.conflict)(
            &text(ContextKind::InvalidArg)?,
            &text(ContextKind::PriorArg)?,
        ),
        _ => return None,
    };
    let mut said = format!("leidraad: {what}");
    let suggested =
        text(ContextKind::SuggestedSubcommand).or_else(|| text(ContextKind::SuggestedArg));
    if let Some(suggested) = suggested {
        said.push_str(&(h.did_you_mean)(&suggested));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage
            .strip_prefix("Usage:")
            .map_or(usage.to_string(), |rest| format!("{}{rest}", h.usage));
        said.push_str(&format!("\n\n{usage}"));
    }
    said.push_str(&format!("\n\n{}", h.more));
    Some(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(line: &str) -> clap::Error {
        let args: Vec<&str> = line.split(' ').collect();
        match super::super::help::command(Lang::Nl).try_get_matches_from(args) {
            Ok(_) => panic!("no error for {line}"),
            Err(e) => e,
        }
    }

    #[test]
    fn common_usage_errors_are_said_in_dutch() {
        let said = |line| say(&error(line), Lang::Nl).unwrap_or_else(|| panic!("{line}"));
        let unknown = said("leidraad frobnicate");
        assert!(
            unknown.starts_with("leidraad: onbekende opdracht `frobnicate`"),
            "{unknown}"
        );
        assert!(unknown.contains("Gebruik: leidraad"), "{unknown}");
        assert!(unknown.contains("leidraad --help"), "{unknown}");
        let typo = said("leidraad sessions --clien x");
        assert!(typo.contains("onbekende optie `--clien`"), "{typo}");
        assert!(typo.contains("bedoel je `--client`?"), "{typo}");
        let value = said("leidraad export x --format pdf");
        assert!(
            value.contains("`pdf` is geen geldige waarde voor --format"),
            "{value}"
        );
        assert!(value.contains("md, docx"), "{value}");
        let missing = said("leidraad show");
        assert!(missing.contains("ontbreekt: <GESPREK>"), "{missing}");
        let both = said("leidraad plans --json --ics a");
        assert!(both.contains("gaan niet samen"), "{both}");
        for text in [unknown, typo, value, missing, both] {
            assert!(
                !text.contains("error:") && !text.contains("Usage:"),
                "{text}"
            );
        }
    }

    #[test]
    fn english_and_help_are_left_to_clap() {
        assert!(say(&error("leidraad frobnicate"), Lang::En).is_none());
        assert!(say(&error("leidraad --help"), Lang::Nl).is_none());
        assert!(Lang::En.texts().cli.help.as_written);
    }
}
