//! The command line in the user's language: the clap definitions of
//! `cli.rs` with the `--help` texts of [`crate::i18n::cli::help`], and the
//! language known before clap parses (`--lang`, `LEIDRAAD_LANG`,
//! config.toml, the locale).

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::config::{Config, Flags};
use crate::i18n::Lang;
use crate::i18n::cli::help::Help;

/// The language the command line speaks for these arguments: a `--lang`
/// among them (when valid), else the environment, config.toml, the locale.
pub fn language(args: &[OsString]) -> Lang {
    let mut lang = None;
    for (i, arg) in args.iter().enumerate() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if arg == "--lang" => args.get(i + 1).and_then(|v| v.to_str()),
            None => None,
        };
        if let Some(code) = value {
            lang = Lang::from_code(code).or(lang);
        }
    }
    Config::load(&Flags {
        lang,
        data_dir: None,
    })
    .lang
    .value
}

/// The clap command of `cli.rs` with its help in `lang`, built, with
/// clap's `help` command and a usage line in `lang` for every command.
pub fn command(lang: Lang) -> Command {
    let h = &lang.texts().cli.help;
    if h.as_written {
        return Cli::command();
    }
    let mut cmd = described(lang, true);
    super::usage_line::set_usage_lines(&mut cmd, h.usage_options);
    cmd
}

/// The clap command of `cli.rs` with its texts in `lang`, built (with
/// clap's `help` command when `help_command`); usage lines are clap's (a
/// man page has a synopsis of its own).
pub fn described(lang: Lang, help_command: bool) -> Command {
    let h = &lang.texts().cli.help;
    let cmd = if h.as_written {
        Cli::command()
    } else {
        localize(Cli::command(), h, "")
    };
    let mut cmd = cmd.disable_help_subcommand(!help_command);
    // clap adds its `help` command when it builds.
    cmd.build();
    if let Some(help) = cmd
        .find_subcommand_mut("help")
        .filter(|_| help_command && !h.as_written)
    {
        localize_help_command(help, h);
    }
    cmd
}

/// clap's `help` command (and the copies of the commands it names, for
/// completion) with the texts of `h`.
fn localize_help_command(cmd: &mut Command, h: &'static Help) {
    let mut c = chrome(std::mem::take(cmd), h);
    if c.get_name() == "help" {
        c = c.about(h.help_command).long_about(None);
    }
    let ids: Vec<String> = c.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        c = c.mut_arg(&id, |arg| localize_arg(arg, h, Some(h.help_command_arg)));
    }
    *cmd = c;
    for sub in cmd.get_subcommands_mut() {
        localize_help_command(sub, h);
    }
}

/// `cmd` (named `name` among its parent's commands; empty for leidraad
/// itself) and its commands with the texts of `h`.
fn localize(mut cmd: Command, h: &'static Help, name: &str) -> Command {
    if name.is_empty() {
        cmd = cmd.about(h.about);
    }
    if let Some((_, about)) = h.command_about.iter().find(|(c, _)| *c == name) {
        cmd = cmd.about(*about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = h
            .arg_help
            .iter()
            .find(|(c, a, _)| *c == name && *a == id)
            .or_else(|| h.arg_help.iter().find(|(c, a, _)| c.is_empty() && *a == id));
        cmd = cmd.mut_arg(&id, |arg| localize_arg(arg, h, text.map(|t| t.2)));
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, |c| localize(c, h, &sub));
    }
    let mut cmd = chrome(cmd, h).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(h.help)
            .help_heading(h.options),
    );
    if name.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(h.version)
                .help_heading(h.options),
        );
    }
    cmd
}

/// `cmd` with the headings and the words around its help of `h`: before
/// the usage line, above the commands, for a command in the usage line.
fn chrome(cmd: Command, h: &'static Help) -> Command {
    cmd.help_template(format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        h.usage
    ))
    .subcommand_help_heading(h.commands)
    .subcommand_value_name(h.command)
}

/// One argument with its help text (when `h` has one), its value names and
/// its heading in the language of `h`.
fn localize_arg(arg: Arg, h: &'static Help, text: Option<&'static str>) -> Arg {
    let arg = match text {
        // The values are named in the text itself.
        Some(help) if arg.get_action().takes_values() => {
            arg.help(help).long_help(None).hide_possible_values(true)
        }
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    };
    let names: Vec<&'static str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .filter_map(|n| h.value_names.iter().find(|(en, _)| *en == n.as_str()))
        .map(|(_, local)| *local)
        .collect();
    let arg = if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    };
    let heading = if arg.is_positional() {
        h.arguments
    } else {
        h.options
    };
    arg.help_heading(heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of `cli.rs`: (command, argument id), the
    /// command's own entry with an empty id, the global options under "".
    fn definitions() -> Vec<(String, String)> {
        let cli = Cli::command();
        let mut all: Vec<(String, String)> = cli
            .get_arguments()
            .map(|a| (String::new(), a.get_id().to_string()))
            .collect();
        for sub in cli.get_subcommands() {
            let name = sub.get_name().to_string();
            all.push((name.clone(), String::new()));
            all.extend(
                sub.get_arguments()
                    .map(|a| (name.clone(), a.get_id().to_string())),
            );
        }
        all
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_dutch() {
        let h = &crate::i18n::cli::help::NL;
        for (command, arg) in definitions() {
            let found = if arg.is_empty() {
                h.command_about.iter().any(|(c, _)| *c == command)
            } else {
                h.arg_help
                    .iter()
                    .any(|(c, a, _)| *c == command && *a == arg)
            };
            assert!(found, "no Dutch help for `{command}` `{arg}`");
        }
        // And nothing Dutch for what is no longer there.
        let defined = definitions();
        for (c, a, _) in h.arg_help {
            let known = defined.iter().any(|(dc, da)| dc == c && da == a);
            assert!(known, "Dutch help for an unknown argument `{c}` `{a}`");
        }
        for (c, _) in h.command_about {
            assert!(
                defined.iter().any(|(dc, _)| dc == c),
                "unknown command `{c}`"
            );
        }
    }

    #[test]
    fn every_value_name_has_a_dutch_name() {
        let h = &crate::i18n::cli::help::NL;
        let cli = Cli::command();
        let args = cli
            .get_arguments()
            .chain(cli.get_subcommands().flat_map(|c| c.get_arguments()));
        for arg in args.filter(|a| a.get_action().takes_values()) {
            for name in arg.get_value_names().unwrap_or_default() {
                let known = h.value_names.iter().any(|(en, _)| *en == name.as_str());
                assert!(known, "no Dutch name for <{name}> of `{}`", arg.get_id());
            }
        }
    }

    #[test]
    fn every_help_text_is_in_english_too() {
        let cli = Cli::command();
        let about = |c: &Command| c.get_about().map(|s| s.to_string()).unwrap_or_default();
        assert!(!about(&cli).is_empty());
        for sub in cli.get_subcommands() {
            assert!(!about(sub).is_empty(), "{}", sub.get_name());
            for arg in sub.get_arguments() {
                let help = arg.get_help().map(|s| s.to_string()).unwrap_or_default();
                assert!(!help.is_empty(), "{} {}", sub.get_name(), arg.get_id());
            }
        }
    }

    #[test]
    fn dutch_help_is_dutch_and_english_help_is_clap_as_written() {
        let mut nl = command(Lang::Nl);
        let text = nl.render_help().to_string();
        for word in [
            "Gebruik:",
            "Opdrachten:",
            "Opties:",
            "Toon deze hulp",
            "Controleer",
        ] {
            assert!(text.contains(word), "{word}: {text}");
        }
        assert!(!text.contains("Print help"), "{text}");
        let export = nl
            .find_subcommand_mut("export")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        assert!(export.contains("Argumenten:"), "{export}");
        assert!(export.contains("Met de privénotities"), "{export}");
        assert!(
            export.contains("<GESPREK>") && export.contains("--output <BESTAND>"),
            "{export}"
        );
        let mut en = command(Lang::En);
        assert_eq!(
            en.render_help().to_string(),
            Cli::command().render_help().to_string()
        );
    }

    #[test]
    fn the_language_is_taken_from_the_arguments_before_clap_parses() {
        let args = |line: &str| -> Vec<OsString> { line.split(' ').map(OsString::from).collect() };
        assert_eq!(language(&args("leidraad --lang en show x")), Lang::En);
        assert_eq!(language(&args("leidraad show --lang=en")), Lang::En);
        assert_eq!(language(&args("leidraad --lang en --lang nl")), Lang::Nl);
        // A wrong value is clap's to refuse; after `--` nothing counts.
        let env = language(&args("leidraad"));
        assert_eq!(language(&args("leidraad --lang xx")), env);
        assert_eq!(language(&args("leidraad -- --lang en")), env);
    }
}
