use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::*;
use crate::i18n::{EN, NL};

fn problems(text: &str) -> Vec<String> {
    let (_, problems) = parse(text);
    problems
        .iter()
        .map(|p| p.message(Path::new("config.toml"), &EN))
        .collect()
}

fn pos(line: usize, column: usize) -> Position {
    Position { line, column }
}

/// The settings from a file's text and an environment, no flags.
fn resolved(text: &str, env: &[(&str, &str)]) -> Config {
    resolved_with(&Flags::default(), text, env)
}

fn resolved_with(flags: &Flags, text: &str, env: &[(&str, &str)]) -> Config {
    let env: HashMap<String, OsString> = env
        .iter()
        .map(|(k, v)| (k.to_string(), OsString::from(v)))
        .collect();
    let (values, problems) = parse(text);
    let read = FileRead {
        exists: !text.is_empty(),
        values,
        problems,
    };
    Config::resolve(
        flags,
        &|var| env.get(var).cloned(),
        Some(PathBuf::from("config.toml")),
        read,
    )
}

const FULL: &str = r#"
lang = "en"
data_dir = "/srv/leidraad"
bell = true
colors = false
consultant = "  Anna de Vries "
export_dir = "/srv/reports"
export_format = "docx"
"#;

#[test]
fn every_key_is_read_with_its_place() {
    let (file, problems) = parse(FULL);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        file.lang,
        Some(At {
            value: Lang::En,
            at: pos(2, 8)
        })
    );
    assert_eq!(file.data_dir.unwrap().value, PathBuf::from("/srv/leidraad"));
    assert!(file.bell.unwrap().value);
    assert!(!file.colors.unwrap().value);
    assert_eq!(file.consultant.unwrap().value, "Anna de Vries");
    assert_eq!(
        file.export_dir.unwrap().value,
        PathBuf::from("/srv/reports")
    );
    assert_eq!(file.export_format.unwrap().value, Format::Docx);
}

#[test]
fn an_empty_file_and_comments_are_defaults() {
    assert_eq!(parse(""), (ConfigFile::default(), vec![]));
    assert_eq!(parse("# nothing\n\n"), (ConfigFile::default(), vec![]));
}

#[test]
fn an_unknown_key_says_which_was_meant_and_the_rest_counts() {
    let text = "bel = true\nlanguage = \"en\"\ncolours = false\nconsultant = \"Anna\"\n";
    assert_eq!(
        problems(text),
        [
            "config.toml:1:1: unknown setting `bel` (did you mean `bell`?); known are `lang`, `data_dir`, `bell`, `colors`, `consultant`, `export_dir`, `export_format`",
            "config.toml:2:1: unknown setting `language` (did you mean `lang`?); known are `lang`, `data_dir`, `bell`, `colors`, `consultant`, `export_dir`, `export_format`",
            "config.toml:3:1: unknown setting `colours` (did you mean `colors`?); known are `lang`, `data_dir`, `bell`, `colors`, `consultant`, `export_dir`, `export_format`",
        ]
    );
    assert_eq!(parse(text).0.consultant.unwrap().value, "Anna");
    assert!(problems("zzz = 1\n")[0].contains("`zzz`; known are"));
}

#[test]
fn a_wrong_type_names_the_key_and_what_it_takes() {
    assert_eq!(
        problems("bell = \"ja\"\ndata_dir = 5\nlang = [\"nl\"]\n"),
        [
            "config.toml:1:8: `bell` is text, but expected is true (on) or false (off), without quotes",
            "config.toml:2:12: `data_dir` is a number, but expected is a folder in quotes: a full path, or one starting with ~/",
            "config.toml:3:8: `lang` is a list, but expected is \"nl\" (Nederlands) or \"en\" (English)",
        ]
    );
}

#[test]
fn a_value_that_is_not_allowed_is_named() {
    assert_eq!(
        problems("lang = \"de\"\nexport_format = \"pdf\"\ndata_dir = \"sessies\"\n"),
        [
            "config.toml:1:8: `lang` cannot be \"de\"; expected is \"nl\" (Nederlands) or \"en\" (English)",
            "config.toml:2:17: `export_format` cannot be \"pdf\"; expected is \"md\" (Markdown) or \"docx\" (Word)",
            "config.toml:3:12: `data_dir` cannot be \"sessies\"; expected is a folder in quotes: a full path, or one starting with ~/",
        ]
    );
}

#[test]
fn a_syntax_error_gives_its_place_and_no_values() {
    let (file, problems) = parse("lang = \"en\"\nconsultant = \"Anna\n");
    assert_eq!(file, ConfigFile::default());
    let line = problems[0].message(Path::new("c.toml"), &NL);
    assert!(line.starts_with("c.toml:2:"), "{line}");
    assert!(line.contains("geen geldige TOML"), "{line}");
}

#[test]
fn problems_are_in_the_interface_language() {
    let (_, problems) = parse("bel = true\n");
    assert_eq!(
        problems[0].message(Path::new("config.toml"), &NL),
        "config.toml:1:1: onbekende instelling `bel` (bedoel je `bell`?); bekend zijn `lang`, `data_dir`, `bell`, `colors`, `consultant`, `export_dir`, `export_format`"
    );
}

#[test]
fn a_home_folder_path_is_expanded() {
    let Some(home) = crate::paths::home_dir() else {
        return;
    };
    let (file, problems) = parse("data_dir = \"~/Versleuteld/leidraad\"\nexport_dir = \"~\"\n");
    assert!(problems.is_empty());
    assert_eq!(
        file.data_dir.unwrap().value,
        home.join("Versleuteld/leidraad")
    );
    assert_eq!(file.export_dir.unwrap().value, home);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let (file, problems) = parse("\u{feff}lang = \"en\"\n");
    assert!(problems.is_empty());
    assert_eq!(file.lang.unwrap().at, pos(1, 8));
}

#[test]
fn a_missing_file_is_defaults_and_a_folder_or_pipe_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        read_file(&dir.path().join("config.toml")),
        FileRead::default()
    );
    let folder = read_file(dir.path());
    assert!(folder.exists);
    assert_eq!(folder.problems[0].kind, ProblemKind::NotAFile);
    #[cfg(unix)]
    {
        let fifo = dir.path().join("fifo.toml");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Returns at once: nobody writes to the pipe.
        assert_eq!(read_file(&fifo).problems[0].kind, ProblemKind::NotAFile);
    }
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, b"lang = \"\xff\"\n").unwrap();
    assert_eq!(read_file(&bad).problems[0].kind, ProblemKind::NotUtf8);
}

#[test]
fn the_templates_are_valid_once_uncommented() {
    for t in [&NL, &EN] {
        let text = t.cli.cfg_template;
        assert_eq!(parse(text), (ConfigFile::default(), vec![]));
        let uncommented: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains(" = "))
                    .unwrap_or(l)
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let (file, problems) = parse(&uncommented);
        assert!(problems.is_empty(), "{problems:?}");
        for (key, which) in KEYS {
            let set = match which {
                Key::Lang => file.lang.is_some(),
                Key::DataDir => file.data_dir.is_some(),
                Key::Bell => file.bell.is_some(),
                Key::Colors => file.colors.is_some(),
                Key::Consultant => file.consultant.is_some(),
                Key::ExportDir => file.export_dir.is_some(),
                Key::ExportFormat => file.export_format.is_some(),
            };
            assert!(set, "the template does not show `{key}`");
        }
    }
}

#[test]
fn language_flag_then_env_then_file_then_locale_then_dutch() {
    let file = "lang = \"en\"\n";
    let flag = Flags {
        lang: Some(Lang::Nl),
        ..Flags::default()
    };
    let c = resolved_with(&flag, file, &[("LEIDRAAD_LANG", "en")]);
    assert_eq!(
        (c.lang.value, c.lang.origin),
        (Lang::Nl, Origin::Flag("--lang"))
    );
    let c = resolved(
        "lang = \"nl\"\n",
        &[("LEIDRAAD_LANG", "en"), ("LANG", "nl_NL")],
    );
    assert_eq!(c.lang.value, Lang::En);
    assert_eq!(c.lang.origin, Origin::Env("LEIDRAAD_LANG"));
    let c = resolved(file, &[("LANG", "nl_NL.UTF-8")]);
    assert_eq!(c.lang.value, Lang::En);
    assert_eq!(c.lang.origin, Origin::File(pos(1, 8)));
    let c = resolved("", &[("LC_ALL", "C"), ("LANG", "en_GB.UTF-8")]);
    assert_eq!(
        (c.lang.value, c.lang.origin),
        (Lang::En, Origin::Locale("LANG"))
    );
    let c = resolved("", &[("LEIDRAAD_LANG", "de")]);
    assert_eq!((c.lang.value, c.lang.origin), (Lang::Nl, Origin::Default));
}

#[test]
fn data_folder_flag_then_env_then_file_then_platform() {
    let file = "data_dir = \"/from/file\"\n";
    let flag = Flags {
        data_dir: Some(PathBuf::from("/from/flag")),
        ..Flags::default()
    };
    let env = [("LEIDRAAD_DATA_DIR", "/from/env")];
    let d = resolved_with(&flag, file, &env).data_dir.unwrap();
    assert_eq!(
        (d.value, d.origin),
        (PathBuf::from("/from/flag"), Origin::Flag("--data-dir"))
    );
    let d = resolved(file, &env).data_dir.unwrap();
    assert_eq!(
        (d.value, d.origin),
        (PathBuf::from("/from/env"), Origin::Env("LEIDRAAD_DATA_DIR"))
    );
    let d = resolved(file, &[("LEIDRAAD_DATA_DIR", "")])
        .data_dir
        .unwrap();
    assert_eq!(
        (d.value, d.origin),
        (PathBuf::from("/from/file"), Origin::File(pos(1, 12)))
    );
    assert_eq!(
        resolved("", &[]).data_dir.map(|d| (d.value, d.origin)),
        crate::paths::default_data_dir().map(|d| (d, Origin::Default))
    );
}

#[test]
fn bell_env_then_file_then_off() {
    let c = resolved("bell = false\n", &[("LEIDRAAD_BELL", "ja")]);
    assert_eq!(
        (c.bell.value, c.bell.origin),
        (true, Origin::Env("LEIDRAAD_BELL"))
    );
    let c = resolved("bell = true\n", &[]);
    assert_eq!(
        (c.bell.value, c.bell.origin),
        (true, Origin::File(pos(1, 8)))
    );
    let c = resolved("", &[]);
    assert_eq!((c.bell.value, c.bell.origin), (false, Origin::Default));
    let c = resolved("bell = true\n", &[("LEIDRAAD_BELL", "misschien")]);
    assert!(c.bell.value);
    assert_eq!(
        c.problem_lines(),
        [
            "LEIDRAAD_BELL: \"misschien\" is hier niet mogelijk (niet gebruikt); verwacht is true (aan) of false (uit), zonder aanhalingstekens"
        ]
    );
}

#[test]
fn colours_no_color_then_file_then_on() {
    let c = resolved("colors = true\n", &[("NO_COLOR", "1")]);
    assert_eq!(
        (c.colors.value, c.colors.origin),
        (false, Origin::Env("NO_COLOR"))
    );
    let c = resolved("colors = false\n", &[("NO_COLOR", "")]);
    assert_eq!(
        (c.colors.value, c.colors.origin),
        (false, Origin::File(pos(1, 10)))
    );
    let c = resolved("", &[]);
    assert_eq!((c.colors.value, c.colors.origin), (true, Origin::Default));
}

#[test]
fn consultant_env_then_file_then_none() {
    let c = resolved(
        "consultant = \"Anna\"\n",
        &[("LEIDRAAD_CONSULTANT", "Bram")],
    );
    assert_eq!(c.consultant.value.as_deref(), Some("Bram"));
    assert_eq!(c.consultant.origin, Origin::Env("LEIDRAAD_CONSULTANT"));
    let c = resolved("consultant = \"Anna\"\n", &[("LEIDRAAD_CONSULTANT", " ")]);
    assert_eq!(c.consultant.value.as_deref(), Some("Anna"));
    let c = resolved("consultant = \"\"\n", &[]);
    assert_eq!(
        (c.consultant.value, c.consultant.origin),
        (None, Origin::Default)
    );
}

#[test]
fn export_settings_env_then_file_then_default() {
    let file = "export_dir = \"/file/reports\"\nexport_format = \"docx\"\n";
    let env = [
        ("LEIDRAAD_EXPORT_DIR", "/env/reports"),
        ("LEIDRAAD_EXPORT_FORMAT", "md"),
    ];
    let c = resolved(file, &env);
    assert_eq!(c.export_dir.value, Some(PathBuf::from("/env/reports")));
    assert_eq!(c.export_dir.origin, Origin::Env("LEIDRAAD_EXPORT_DIR"));
    assert_eq!(c.export_format.value, Format::Markdown);
    assert_eq!(
        c.export_format.origin,
        Origin::Env("LEIDRAAD_EXPORT_FORMAT")
    );
    let c = resolved(file, &[]);
    assert_eq!(c.export_dir.value, Some(PathBuf::from("/file/reports")));
    assert_eq!(c.export_format.value, Format::Docx);
    assert_eq!(c.export_format.origin, Origin::File(pos(2, 17)));
    let c = resolved("", &[]);
    assert_eq!(
        (c.export_dir.value, c.export_dir.origin),
        (None, Origin::Default)
    );
    assert_eq!(c.export_format.value, Format::Markdown);
}

#[test]
fn the_settings_carry_the_values_and_the_warnings() {
    let c = resolved(FULL, &[]);
    let s = c.settings();
    assert_eq!(s.lang, Lang::En);
    assert!(s.bell);
    assert!(!s.colors);
    assert_eq!(s.consultant.as_deref(), Some("Anna de Vries"));
    assert_eq!(s.export_dir, PathBuf::from("/srv/reports"));
    assert!(s.warnings.is_empty());
    let s = resolved("lang = \"en\"\nbell = 1\n", &[]).settings();
    assert_eq!(
        s.warnings,
        [
            "config.toml:2:8: `bell` is a number, but expected is true (on) or false (off), without quotes"
        ]
    );
    assert_eq!(
        resolved("", &[]).settings().export_dir,
        crate::settings::Settings::new(Lang::Nl).export_dir
    );
}
