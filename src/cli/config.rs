//! `leidraad config [--edit]`: the settings in force and where each came
//! from, the folders and files in use; editing `config.toml`.

use std::io::Write;
use std::path::Path;

use crate::config::{Config, KEYS, Key, Origin, read_file};
use crate::i18n::Texts;
use crate::paths;
use crate::report::Format;

use super::Cli;
use super::sessions::fail;

/// Say on stderr what of the settings could not be used, and that the rest
/// counts (every command but `config`, which shows it itself).
pub fn warn(config: &Config) {
    let lines = config.problem_lines();
    if lines.is_empty() {
        return;
    }
    for line in &lines {
        super::out::eprintln(line);
    }
    super::out::eprintln(config.texts().cli.cfg_defaults_used);
}

/// `leidraad config`: a table of the settings, one of the paths, and the
/// problems on stderr (exit 1 when there are any, so it checks a file too).
pub fn show(cli: &Cli) -> i32 {
    let config = &cli.config;
    let t = config.texts();
    let mut rows = vec![
        [
            t.cli.cfg_col_setting,
            t.cli.cfg_col_value,
            t.cli.cfg_col_origin,
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for (name, key) in KEYS {
        let (value, origin) = setting_row(config, key, t);
        rows.push(vec![
            name.to_string(),
            value,
            origin_text(config, origin, t),
        ]);
    }
    let mut out = super::table(&rows);
    out.push('\n');
    out.push_str(&super::table(&path_rows(cli, t)));
    super::out::print(&out);
    let problems = config.problem_lines();
    for line in &problems {
        super::out::eprintln(line);
    }
    if problems.is_empty() {
        0
    } else {
        super::out::eprintln(t.cli.cfg_defaults_used);
        1
    }
}

/// One setting's value as `config.toml` would write it, and its origin.
fn setting_row(config: &Config, key: Key, t: &Texts) -> (String, Origin) {
    let path = |p: &Path| p.display().to_string();
    match key {
        Key::Lang => (lang_code(config).to_string(), config.lang.origin),
        Key::DataDir => match &config.data_dir {
            Some(d) => (path(&d.value), d.origin),
            None => (t.cli.cfg_not_set.to_string(), Origin::Default),
        },
        Key::Bell => (config.bell.value.to_string(), config.bell.origin),
        Key::Colors => (config.colors.value.to_string(), config.colors.origin),
        Key::Consultant => (
            config
                .consultant
                .value
                .clone()
                .unwrap_or_else(|| t.cli.cfg_not_set.to_string()),
            config.consultant.origin,
        ),
        Key::ExportDir => (
            config
                .export_dir
                .value
                .as_deref()
                .map_or_else(|| t.cli.cfg_export_dir_unset.to_string(), path),
            config.export_dir.origin,
        ),
        Key::ExportFormat => {
            let format = match config.export_format.value {
                Format::Markdown => "md",
                Format::Docx => "docx",
            };
            (format.to_string(), config.export_format.origin)
        }
    }
}

/// The language as `config.toml` writes it.
fn lang_code(config: &Config) -> &'static str {
    match config.lang.value {
        crate::i18n::Lang::Nl => "nl",
        crate::i18n::Lang::En => "en",
    }
}

/// Where a value came from, in words.
fn origin_text(config: &Config, origin: Origin, t: &Texts) -> String {
    match origin {
        Origin::Flag(flag) => (t.cli.cfg_from_flag)(flag),
        Origin::Env(var) => (t.cli.cfg_from_env)(var),
        Origin::File(pos) => {
            let file = config.file.as_deref().map_or_else(
                || crate::config::FILE_NAME.to_string(),
                |f| f.display().to_string(),
            );
            (t.cli.cfg_from_file)(&format!("{file}:{}:{}", pos.line, pos.column))
        }
        Origin::Locale(var) => (t.cli.cfg_from_locale)(var),
        Origin::Default => t.cli.cfg_from_default.to_string(),
    }
}

/// The folders and files in use, each marked when it is not there.
fn path_rows(cli: &Cli, t: &Texts) -> Vec<Vec<String>> {
    let row = |label: &str, path: &Path| {
        let mut shown = path.display().to_string();
        if std::fs::symlink_metadata(path).is_err() {
            shown = format!("{shown} {}", t.cli.cfg_missing);
        }
        vec![label.to_string(), shown]
    };
    let mut rows = vec![vec![
        t.cli.cfg_col_path.to_string(),
        t.cli.cfg_col_where.to_string(),
    ]];
    match &cli.config.file {
        Some(file) => rows.push(row(t.cli.cfg_path_config, file)),
        None => rows.push(vec![
            t.cli.cfg_path_config.to_string(),
            t.cli.cfg_no_config_dir.to_string(),
        ]),
    }
    if let Some(data) = &cli.config.data_dir {
        rows.push(row(t.cli.cfg_path_data, &data.value));
        let index = paths::index_file(&data.value)
            .unwrap_or_else(|| data.value.join(crate::store::INDEX_NAME));
        rows.push(row(t.cli.cfg_path_index, &index));
    }
    for dir in cli.guide_dirs() {
        rows.push(row(t.cli.cfg_path_guides, &dir));
    }
    rows
}

/// `leidraad config --edit`: open `config.toml` in `$VISUAL`, else
/// `$EDITOR` (a commented template first when there is none); afterwards
/// say whether the file is right.
pub fn edit(config: &Config) -> i32 {
    let t = config.texts();
    let Some(file) = config.file.clone() else {
        return fail(t.cli.cfg_no_config_dir);
    };
    let shown = file.display().to_string();
    let Some(editor) = editor() else {
        return fail((t.cli.cfg_no_editor)(&shown));
    };
    if !config.file_exists {
        if let Err(e) = create_template(&file, t.cli.cfg_template) {
            return fail((t.cli.cfg_cannot_create)(&shown, &e.to_string()));
        }
        super::out::eprintln(&(t.cli.cfg_created)(&shown));
    }
    // Through the shell, as git does: EDITOR may hold options ("code -w").
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(&file)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => return fail((t.cli.cfg_editor_failed)(&editor, &s.to_string())),
        Err(e) => return fail((t.cli.cfg_editor_failed)(&editor, &e.to_string())),
    }
    let read = read_file(&file);
    if read.problems.is_empty() {
        super::out::println(&(t.cli.cfg_ok)(&shown));
        return 0;
    }
    for p in &read.problems {
        super::out::eprintln(&p.message(&file, t));
    }
    super::out::eprintln(t.cli.cfg_defaults_used);
    1
}

/// `$VISUAL`, else `$EDITOR`, if set and not empty.
fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// Write the template as a new file (0600; the config folder 0700 when it
/// is made), never over one that appeared meanwhile.
fn create_template(file: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(file)?;
    out.write_all(text.as_bytes())?;
    out.sync_all()
}
