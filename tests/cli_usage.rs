//! The command line in Dutch on the real binary, for every command and
//! every kind of usage error: `--help` and the usage lines with Dutch
//! words and placeholders (`[OPTIES]`, `<GESPREK>`), clap's errors said
//! from what clap found, naming what is wrong; in English clap's own.
//! (The texts themselves in both languages: `cli_i18n`; the man page:
//! `cli_shell`.)

mod cli_support;

use leidraad::i18n::NL;

/// The binary with private folders and `LEIDRAAD_LANG`; the locale
/// variables removed.
fn leidraad(root: &tempfile::TempDir, lang: &str) -> assert_cmd::Command {
    cli_support::leidraad(root, lang)
}

/// Every command as the words that name it (`[]` for leidraad itself,
/// `["export"]`, `["help"]`), walked from the clap definitions; the copies
/// of the commands under clap's `help` (there for completion) aside.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, at: &[String], all: &mut Vec<Vec<String>>) {
        all.push(at.to_vec());
        if cmd.get_name() == "help" {
            return;
        }
        for sub in cmd.get_subcommands() {
            let mut path = at.to_vec();
            path.push(sub.get_name().to_string());
            walk(sub, &path, all);
        }
    }
    let mut all = Vec::new();
    walk(
        &leidraad::cli::help::command(leidraad::i18n::Lang::Nl),
        &[],
        &mut all,
    );
    all
}

/// The arguments that show the help of the command at `path` (clap's
/// `help` command has no --help of its own).
fn help_args(path: &[String]) -> Vec<String> {
    let mut args = path.to_vec();
    if path.last().is_some_and(|c| c == "help") {
        args.push("help".to_string());
    } else {
        args.push("--help".to_string());
    }
    args
}

/// The placeholders clap and `cli.rs` write in English (`SESSION`,
/// `COMMAND`, …) that have a Dutch name of their own.
fn english_placeholders() -> Vec<String> {
    use clap::CommandFactory;
    let mut cli = leidraad::cli::Cli::command();
    cli.build();
    let mut names = vec!["OPTIONS".to_string(), "COMMAND".to_string()];
    let mut cmds = vec![&cli];
    while let Some(cmd) = cmds.pop() {
        cmds.extend(cmd.get_subcommands());
        for arg in cmd.get_arguments() {
            names.extend(
                arg.get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .map(ToString::to_string),
            );
        }
    }
    let dutch = NL.cli.help.value_names;
    names.retain(|n| !dutch.iter().any(|(en, nl)| en == n && en == nl));
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_command_s_help_is_dutch_in_dutch_and_clap_s_in_english() {
    let root = tempfile::TempDir::new().unwrap();
    let paths = command_paths();
    assert!(paths.len() >= 15, "{paths:?}");
    let placeholders = english_placeholders();
    assert!(
        placeholders.contains(&"SESSION".to_string()),
        "{placeholders:?}"
    );
    for path in &paths {
        let out = leidraad(&root, "nl")
            .args(help_args(path))
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}: {out:?}");
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        let called = std::iter::once("leidraad")
            .chain(path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            help.contains(&format!("Gebruik: {called}")),
            "{path:?}: {help}"
        );
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "Print this message",
            "possible values",
            "subcommand",
        ] {
            assert!(!help.contains(english), "{path:?}: {english}: {help}");
        }
        for name in &placeholders {
            for written in [format!("<{name}>"), format!("[{name}]")] {
                assert!(!help.contains(&written), "{path:?}: {written}: {help}");
            }
        }
        if path.last().is_none_or(|c| c != "help") {
            assert!(help.contains("Opties:"), "{path:?}: {help}");
            assert!(help.contains("Toon deze hulp"), "{path:?}: {help}");
        }
        // `leidraad help COMMAND` says the same.
        if !path.is_empty() && path.last().is_some_and(|c| c != "help") {
            let out = leidraad(&root, "nl")
                .arg("help")
                .args(path)
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), help, "{path:?}");
        }
        let out = leidraad(&root, "en")
            .args(help_args(path))
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}: {out:?}");
        let english = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(english.contains(&format!("Usage: {called}")), "{english}");
        assert!(!english.contains("Gebruik:"), "{english}");
    }
    // The usage lines in both languages.
    let usage = |lang, args: &[&str]| {
        let out = leidraad(&root, lang).args(args).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        help.lines()
            .find(|l| l.starts_with("Gebruik:") || l.starts_with("Usage:"))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        usage("nl", &["--help"]),
        "Gebruik: leidraad [OPTIES] [OPDRACHT]"
    );
    assert_eq!(
        usage("en", &["--help"]),
        "Usage: leidraad [OPTIONS] [COMMAND]"
    );
    assert_eq!(
        usage("nl", &["man", "--help"]),
        "Gebruik: leidraad man [OPTIES]"
    );
    assert_eq!(
        usage("nl", &["plan", "--help"]),
        "Gebruik: leidraad plan [OPTIES] --client <CLIËNT> --start <DATUM> <TRAJECT>"
    );
    assert_eq!(
        usage("en", &["plan", "--help"]),
        "Usage: leidraad plan [OPTIONS] --client <CLIENT> --start <DATE> <TRAJECTORY>"
    );
    assert_eq!(
        usage("nl", &["check", "--help"]),
        "Gebruik: leidraad check [OPTIES] [BESTAND]..."
    );
    assert_eq!(
        usage("nl", &["help", "help"]),
        "Gebruik: leidraad help [OPDRACHT]"
    );
}

/// A usage error a user can cause: the arguments, the kind clap gives,
/// the words the Dutch message has (what was wrong and what is meant),
/// the bad word as clap names it in English (none for bytes that are not
/// text).
struct Wrong {
    args: Vec<std::ffi::OsString>,
    kind: clap::error::ErrorKind,
    dutch: &'static [&'static str],
    english: Option<&'static str>,
}

fn wrong(
    args: &[&str],
    kind: clap::error::ErrorKind,
    dutch: &'static [&'static str],
    english: Option<&'static str>,
) -> Wrong {
    Wrong {
        args: args.iter().map(Into::into).collect(),
        kind,
        dutch,
        english,
    }
}

fn usage_errors() -> Vec<Wrong> {
    use clap::error::ErrorKind as K;
    use std::os::unix::ffi::OsStringExt;
    let mut all = vec![
        wrong(
            &["frobnicate"],
            K::InvalidSubcommand,
            &["onbekende opdracht `frobnicate`"],
            Some("'frobnicate'"),
        ),
        wrong(
            &["sesions"],
            K::InvalidSubcommand,
            &["`sesions`", "bedoel je `sessions`?"],
            Some("'sessions'"),
        ),
        wrong(
            &["help", "frobnicate"],
            K::InvalidSubcommand,
            &["`frobnicate`"],
            Some("'frobnicate'"),
        ),
        wrong(
            &["sessions", "--clien", "x"],
            K::UnknownArgument,
            &["onbekende optie `--clien`", "bedoel je `--client`?"],
            Some("'--clien'"),
        ),
        wrong(
            &["--client", "x"],
            K::UnknownArgument,
            &["onbekende optie `--client`"],
            Some("'--client'"),
        ),
        wrong(
            &["guides", "extra"],
            K::UnknownArgument,
            &["`extra` hoort hier niet"],
            Some("'extra'"),
        ),
        wrong(
            &["show", "x", "y"],
            K::UnknownArgument,
            &["`y` hoort hier niet"],
            Some("'y'"),
        ),
        wrong(
            &["show", "-x"],
            K::UnknownArgument,
            &["`-x`", "Schrijf dan `-- -x`"],
            Some("'-x'"),
        ),
        wrong(
            &["--", "show"],
            K::UnknownArgument,
            &["`show`", "haal de `--` ervoor weg"],
            Some("'show'"),
        ),
        wrong(
            &["export", "x", "--format", "pdf"],
            K::InvalidValue,
            &["`pdf` is geen geldige waarde voor --format", "md, docx"],
            Some("'pdf'"),
        ),
        wrong(
            &["export", "x", "--format", "mdd"],
            K::InvalidValue,
            &["`mdd`", "bedoel je `md`?"],
            Some("'mdd'"),
        ),
        wrong(
            &["completions", "tcsh"],
            K::InvalidValue,
            &["`tcsh`", "<SHELL>", "bash, zsh"],
            Some("'tcsh'"),
        ),
        wrong(
            &["--lang", "xx"],
            K::InvalidValue,
            &["`xx`", "--lang", "nl, en"],
            Some("'xx'"),
        ),
        wrong(
            &["export", "x", "--output"],
            K::InvalidValue,
            &["--output vraagt om een waarde (<BESTAND>)"],
            Some("'--output <FILE>'"),
        ),
        wrong(
            &["--data-dir="],
            K::InvalidValue,
            &["--data-dir vraagt om een waarde (<MAP>)"],
            Some("'--data-dir <DIR>'"),
        ),
        wrong(
            &["export", "x", "--format"],
            K::InvalidValue,
            &["--format vraagt om een waarde", "md, docx"],
            Some("'--format <FORMAT>'"),
        ),
        wrong(
            &["show"],
            K::MissingRequiredArgument,
            &["ontbreekt: <GESPREK>"],
            Some("<SESSION>"),
        ),
        wrong(
            &["plan", "verbetertraject"],
            K::MissingRequiredArgument,
            &["--client <CLIËNT>", "--start <DATUM>"],
            Some("--client <CLIENT>"),
        ),
        wrong(
            &["plans", "--json", "--ics", "a"],
            K::ArgumentConflict,
            &["--json en --ics <BESTAND> gaan niet samen"],
            Some("'--json'"),
        ),
        wrong(
            &["show", "x", "--private", "--private"],
            K::ArgumentConflict,
            &["--private mag maar één keer"],
            Some("'--private'"),
        ),
        wrong(
            &["show", "x", "--private=true"],
            K::TooManyValues,
            &["--private neemt hier geen waarde", "`true`"],
            Some("'true'"),
        ),
    ];
    let mut not_text = wrong(&["show"], K::InvalidUtf8, &["UTF-8"], None);
    not_text
        .args
        .push(std::ffi::OsString::from_vec(vec![0xff, b'x']));
    all.push(not_text);
    all
}

/// clap's English, which the Dutch messages must not have.
const CLAP_WORDS: &[&str] = &[
    "error:",
    "Usage:",
    "tip:",
    "For more information",
    "unexpected",
    "unrecognized",
    "invalid",
    "required",
    "provided",
    "supplied",
    "cannot be used",
    "similar",
    "possible values",
    "found",
    "no more were expected",
    "as a value",
    "exists",
    "[OPTIONS]",
    "<COMMAND>",
    "[COMMAND]",
];

/// The commands (a usage error names the help of the one typed).
const COMMANDS: &[&str] = &[
    "start",
    "resume",
    "sessions",
    "show",
    "export",
    "delete",
    "guides",
    "check",
    "plan",
    "plans",
    "config",
    "completions",
    "man",
];

#[test]
fn every_kind_of_usage_error_is_said_in_dutch_and_names_what_is_wrong() {
    let root = tempfile::TempDir::new().unwrap();
    let cases = usage_errors();
    for case in &cases {
        let argv = std::iter::once("leidraad".into()).chain(case.args.iter().cloned());
        let parsed =
            leidraad::cli::help::command(leidraad::i18n::Lang::Nl).try_get_matches_from(argv);
        let kind = parsed.err().map(|e| e.kind());
        assert_eq!(kind, Some(case.kind), "{:?}", case.args);
        let out = leidraad(&root, "nl").args(&case.args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{:?}: {out:?}", case.args);
        assert!(out.stdout.is_empty(), "{out:?}");
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(said.starts_with("leidraad: "), "{said}");
        // The help of the command the usage line is of, else of the
        // command typed ("leidraad export --help").
        let of_usage = said
            .lines()
            .find_map(|l| l.strip_prefix("Gebruik: "))
            .map(|u| {
                u.split_whitespace()
                    .take_while(|w| !w.starts_with(['[', '<', '-']))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        let typed = case
            .args
            .iter()
            .filter_map(|a| a.to_str())
            .find(|a| COMMANDS.contains(a))
            .map(|c| format!("leidraad {c}"));
        let command = of_usage.or(typed).unwrap_or_else(|| "leidraad".to_string());
        assert!(
            said.ends_with(&format!("Meer hierover: `{command} --help`.\n")),
            "{command}: {said:?}"
        );
        for word in case.dutch {
            assert!(said.contains(word), "{:?}: {word}: {said}", case.args);
        }
        for english in CLAP_WORDS {
            assert!(
                !said.contains(english),
                "{:?}: {english}: {said}",
                case.args
            );
        }
        let out = leidraad(&root, "en").args(&case.args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{:?}: {out:?}", case.args);
        let english = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(english.starts_with("error: "), "{english}");
        assert!(
            english.contains("For more information, try '--help'."),
            "{english}"
        );
        if let Some(named) = case.english {
            assert!(
                english.contains(named),
                "{:?}: {named}: {english}",
                case.args
            );
        }
    }
    // Every kind a user can cause with leidraad's definitions (the others:
    // `cli::usage`'s tests).
    use clap::error::ErrorKind as K;
    for kind in [
        K::InvalidSubcommand,
        K::UnknownArgument,
        K::InvalidValue,
        K::MissingRequiredArgument,
        K::ArgumentConflict,
        K::TooManyValues,
        K::InvalidUtf8,
    ] {
        assert!(cases.iter().any(|c| c.kind == kind), "{kind:?}");
    }
}
