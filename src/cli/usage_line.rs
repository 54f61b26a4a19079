//! The usage line of each command ("Gebruik: leidraad export [OPTIES]
//! <GESPREK>") made from the clap definitions with the words of the
//! strings table, the way clap makes its own ("Usage: leidraad export
//! [OPTIONS] <SESSION>"), whose `[OPTIONS]` no setting of clap changes.

use clap::{Arg, ArgAction, Command};

/// Set the usage line of `cmd` and of every command below it, made by
/// [`usage_line`] with `options` for clap's `OPTIONS`. `cmd` must be built
/// (the bin names, the global options and the `help` command are known).
pub fn set_usage_lines(cmd: &mut Command, options: &str) {
    let line = usage_line(cmd, options);
    *cmd = std::mem::take(cmd).override_usage(line);
    for sub in cmd.get_subcommands_mut() {
        set_usage_lines(sub, options);
    }
}

/// The usage line of the built command `cmd`, as clap writes it for
/// `--help`: its name, `[OPTIONS]` when it has options that are not
/// required, the required options, the positional arguments and the
/// command placeholder (`subcommand_value_name`); `options` is the word
/// for `OPTIONS`.
pub fn usage_line(cmd: &Command, options: &str) -> String {
    let mut parts = vec![cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string()];
    let visible_options = || {
        cmd.get_arguments()
            .filter(|a| !a.is_positional() && !a.is_hide_set() && !is_builtin(a))
    };
    if visible_options().any(|a| !a.is_required_set()) {
        parts.push(format!("[{options}]"));
    }
    parts.extend(
        visible_options()
            .filter(|a| a.is_required_set())
            .map(required_option),
    );
    parts.extend(
        cmd.get_positionals()
            .filter(|a| !a.is_hide_set())
            .map(positional),
    );
    if cmd.has_subcommands() && cmd.get_subcommands().any(|c| !c.is_hide_set()) {
        let name = cmd.get_subcommand_value_name().unwrap_or("COMMAND");
        parts.push(if cmd.is_subcommand_required_set() {
            format!("<{name}>")
        } else {
            format!("[{name}]")
        });
    }
    parts.join(" ")
}

/// `--help` and `--version`, which clap leaves out of a usage line.
fn is_builtin(arg: &Arg) -> bool {
    matches!(
        arg.get_action(),
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
    ) || matches!(arg.get_long(), Some("help" | "version"))
}

/// `--client <CLIËNT>`.
fn required_option(arg: &Arg) -> String {
    let flag = match (arg.get_long(), arg.get_short()) {
        (Some(long), _) => format!("--{long}"),
        (None, Some(short)) => format!("-{short}"),
        (None, None) => String::new(),
    };
    if arg.get_action().takes_values() {
        format!("{flag} <{}>", value_name(arg))
    } else {
        flag
    }
}

/// `<GESPREK>`, `[GESPREK]`, `[BESTAND]...`.
fn positional(arg: &Arg) -> String {
    let name = value_name(arg);
    let one = if arg.is_required_set() {
        format!("<{name}>")
    } else {
        format!("[{name}]")
    };
    let more = matches!(arg.get_action(), ArgAction::Append)
        || arg.get_num_args().is_some_and(|n| n.max_values() > 1);
    if more { format!("{one}...") } else { one }
}

/// What the argument takes, by name (`value_name`, else its id).
fn value_name(arg: &Arg) -> String {
    match arg.get_value_names() {
        Some(names) if !names.is_empty() => names
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" "),
        _ => arg.get_id().to_string().to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command of `cmd` (built), itself first, depth first.
    fn walk(cmd: &Command) -> Vec<&Command> {
        let mut all = vec![cmd];
        for sub in cmd.get_subcommands() {
            all.extend(walk(sub));
        }
        all
    }

    #[test]
    fn in_clap_s_words_the_line_is_clap_s_own_for_every_command() {
        let mut cli = Cli::command();
        cli.build();
        let mut checked = 0;
        for cmd in walk(&cli) {
            let clap = cmd.clone().render_usage().to_string();
            let clap = clap.strip_prefix("Usage: ").unwrap_or(&clap);
            assert_eq!(usage_line(cmd, "OPTIONS"), clap, "{}", cmd.get_name());
            checked += 1;
        }
        assert!(checked > 14, "{checked}");
    }

    #[test]
    fn with_the_dutch_texts_the_line_is_still_clap_s_but_for_its_words() {
        let cli = crate::cli::help::described(crate::i18n::Lang::Nl, true);
        for cmd in walk(&cli) {
            let clap = cmd.clone().render_usage().to_string();
            let clap = clap.strip_prefix("Usage: ").unwrap_or(&clap);
            assert_eq!(usage_line(cmd, "OPTIONS"), clap, "{}", cmd.get_name());
        }
        let export = cli
            .find_subcommand("export")
            .map(|c| usage_line(c, "OPTIES"));
        assert_eq!(
            export.as_deref(),
            Some("leidraad export [OPTIES] <GESPREK>")
        );
    }

    #[test]
    fn the_word_for_options_is_the_one_given() {
        let mut cli = Cli::command();
        cli.build();
        let export = cli
            .find_subcommand("export")
            .map(|c| usage_line(c, "OPTIES"));
        assert_eq!(
            export.as_deref(),
            Some("leidraad export [OPTIES] <SESSION>")
        );
        set_usage_lines(&mut cli, "OPTIES");
        let usage = cli.render_usage().to_string();
        assert_eq!(usage, "Usage: leidraad [OPTIES] [COMMAND]");
    }
}
