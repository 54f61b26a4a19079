//! A usage error in the user's language. clap says what is wrong with the
//! command line in English; for a language that is not [`as_written`]
//! (Dutch), every kind of error is said here from what clap found (the
//! argument, the value, the values it takes, what was probably meant),
//! with the usage line and where to read more. In English clap says it.
//!
//! [`as_written`]: crate::i18n::cli::help::Help::as_written

mod tips;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;
use crate::i18n::cli::help::Help;

/// What to print for clap's error `e` in `lang`, or `None` to let clap
/// print it (help and version, which are in `lang` already; English).
pub fn say(e: &clap::Error, lang: Lang) -> Option<String> {
    let h = &lang.texts().cli.help;
    if h.as_written {
        return None;
    }
    let what = what(e, h)?;
    let mut said = format!("leidraad: {what}");
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| text(e, kind, ", "))
    .filter(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        said.push_str(&(h.did_you_mean)(&suggested));
    }
    for tip in tips::said(e, h) {
        said.push_str(&format!("\n  {tip}"));
    }
    let usage = text(e, ContextKind::Usage, ", ");
    if let Some(usage) = &usage {
        let usage = usage.trim();
        let usage = usage
            .strip_prefix("Usage:")
            .map_or(usage.to_string(), |rest| format!("{}{rest}", h.usage));
        said.push_str(&format!("\n\n{usage}"));
    }
    let command = usage.as_deref().map_or_else(command_typed, command_of);
    said.push_str(&format!("\n\n{}", (h.more)(&command)));
    Some(said)
}

/// The command typed (`leidraad export`), for an error clap gives no usage
/// line with: the first argument that names a command, else `leidraad`.
fn command_typed() -> String {
    use clap::CommandFactory;
    let cli = super::Cli::command();
    std::env::args()
        .skip(1)
        .find(|a| cli.find_subcommand(a).is_some())
        .map_or_else(|| "leidraad".to_string(), |a| format!("leidraad {a}"))
}

/// The command a usage line is of: `leidraad export` of
/// "Usage: leidraad export [OPTIES] <GESPREK>" (the words up to the first
/// placeholder or option).
fn command_of(usage: &str) -> String {
    let words: Vec<&str> = usage
        .split_whitespace()
        .skip_while(|w| *w != "leidraad")
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    match words.is_empty() {
        true => "leidraad".to_string(),
        false => words.join(" "),
    }
}

/// What clap found, said with the words of `h` (without the suggestions),
/// or `None` for help and version.
fn what(e: &clap::Error, h: &'static Help) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg, ", ").unwrap_or_default();
    let value = || text(e, ContextKind::InvalidValue, ", ").unwrap_or_default();
    let number = |kind| match e.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    };
    let said = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::InvalidSubcommand => match text(e, ContextKind::InvalidSubcommand, ", ") {
            Some(command) => (h.unknown_command)(&command),
            None => h.wrong_usage.to_string(),
        },
        ErrorKind::UnknownArgument => {
            let arg = arg();
            if arg.starts_with('-') {
                (h.unknown_option)(&arg)
            } else {
                (h.unexpected_argument)(&arg)
            }
        }
        ErrorKind::InvalidValue => {
            let valid = text(e, ContextKind::ValidValue, ", ").unwrap_or_default();
            let (value, arg) = (value(), arg());
            let (option, placeholder) = split_placeholder(&arg);
            if value.is_empty() {
                (h.value_missing)(option, placeholder, &valid)
            } else {
                (h.invalid_value)(&value, &arg, &valid)
            }
        }
        // clap's reason comes from the value's parser, in English.
        ErrorKind::ValueValidation => (h.invalid_value)(&value(), &arg(), ""),
        ErrorKind::NoEquals => (h.needs_equals)(split_placeholder(&arg()).0),
        ErrorKind::TooManyValues => (h.value_unexpected)(&value(), split_placeholder(&arg()).0),
        ErrorKind::TooFewValues => (h.too_few_values)(
            split_placeholder(&arg()).0,
            number(ContextKind::MinValues),
            number(ContextKind::ActualNumValues),
        ),
        ErrorKind::WrongNumberOfValues => (h.wrong_number_of_values)(
            split_placeholder(&arg()).0,
            number(ContextKind::ExpectedNumValues),
            number(ContextKind::ActualNumValues),
        ),
        ErrorKind::ArgumentConflict => conflict(e, h),
        ErrorKind::MissingRequiredArgument => (h.missing)(&arg()),
        ErrorKind::MissingSubcommand => (h.missing_command)(
            &text(e, ContextKind::InvalidSubcommand, ", ").unwrap_or_default(),
            &text(e, ContextKind::ValidSubcommand, ", ").unwrap_or_default(),
        ),
        ErrorKind::InvalidUtf8 => h.not_utf8.to_string(),
        // Writing failed (clap's own output), or a kind of a later clap.
        ErrorKind::Io | ErrorKind::Format => h.wrong_usage.to_string(),
        _ => h.wrong_usage.to_string(),
    };
    Some(said)
}

/// Two arguments that do not go together, one given twice, or a command
/// after options it does not take.
fn conflict(e: &clap::Error, h: &'static Help) -> String {
    let prior = text(e, ContextKind::PriorArg, ", ").unwrap_or_default();
    match (
        text(e, ContextKind::InvalidArg, ", "),
        text(e, ContextKind::InvalidSubcommand, ", "),
    ) {
        (Some(arg), _) if arg == prior => (h.repeated)(&arg),
        (Some(arg), _) => (h.conflict)(&arg, &prior),
        (None, Some(command)) => (h.command_conflict)(&command, &prior),
        (None, None) => h.wrong_usage.to_string(),
    }
}

/// `--output <BESTAND>` as (`--output`, `<BESTAND>`); a word without a
/// placeholder as itself and "".
fn split_placeholder(arg: &str) -> (&str, &str) {
    match arg.split_once(' ') {
        Some((option, placeholder)) if option.starts_with('-') => (option, placeholder),
        _ => (arg, ""),
    }
}

/// The context of `kind` as plain text, a list joined by `sep`.
fn text(e: &clap::Error, kind: ContextKind, sep: &str) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(sep)),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(sep),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        // Nothing to say (None, Bool), or a kind of a later clap.
        _ => None,
    }
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

    /// A command with what leidraad's own definitions do not have: an
    /// option that takes its value after `=`, one that takes two values,
    /// one whose parser refuses, a command that needs a command.
    fn other_definitions() -> clap::Command {
        use clap::{Arg, Command};
        Command::new("leidraad")
            .arg(Arg::new("when").long("when").require_equals(true))
            .arg(Arg::new("pair").long("pair").num_args(2))
            .arg(Arg::new("some").long("some").num_args(2..=3))
            .arg(
                Arg::new("count")
                    .long("count")
                    .value_parser(clap::value_parser!(u8)),
            )
            .subcommand(Command::new("plans").subcommand(Command::new("list")))
            .subcommand_required(false)
            .mut_subcommand("plans", |c| c.subcommand_required(true))
    }

    #[test]
    fn kinds_leidraad_s_definitions_cannot_cause_are_said_in_dutch_too() {
        let cases: [(&str, ErrorKind, &[&str]); 5] = [
            (
                "leidraad --when x",
                ErrorKind::NoEquals,
                &["--when", "=WAARDE"],
            ),
            (
                "leidraad --pair a",
                ErrorKind::WrongNumberOfValues,
                &["--pair", "2 waarden", "kreeg er 1"],
            ),
            (
                "leidraad --some a",
                ErrorKind::TooFewValues,
                &["--some", "minstens 2", "kreeg er 1"],
            ),
            (
                "leidraad --count many",
                ErrorKind::ValueValidation,
                &["`many`", "--count"],
            ),
            (
                "leidraad plans",
                ErrorKind::MissingSubcommand,
                &["`leidraad plans`", "list"],
            ),
        ];
        for (line, kind, words) in cases {
            let args: Vec<&str> = line.split(' ').collect();
            let e = match other_definitions().try_get_matches_from(args) {
                Ok(_) => panic!("no error for {line}"),
                Err(e) => e,
            };
            assert_eq!(e.kind(), kind, "{line}");
            let said = say(&e, Lang::Nl).unwrap_or_else(|| panic!("{line}"));
            for word in words {
                assert!(said.contains(word), "{line}: {word}: {said}");
            }
            for clap_s in ["error:", "required", "provided", "invalid", "equal", "tip:"] {
                assert!(!said.contains(clap_s), "{line}: {clap_s}: {said}");
            }
        }
    }

    #[test]
    fn english_and_help_are_left_to_clap() {
        assert!(say(&error("leidraad frobnicate"), Lang::En).is_none());
        assert!(say(&error("leidraad --help"), Lang::Nl).is_none());
        assert!(Lang::En.texts().cli.help.as_written);
    }
}
