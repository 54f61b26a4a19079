//! `leidraad man`: the manual pages, made from the clap definitions with
//! clap_mangen, in the interface language as `--help` is: the commands'
//! and options' texts are those of [`super::help`], the section headings
//! those of [`crate::i18n::cli::man`]. clap_mangen writes its headings in
//! English and has no setting for them, so each section is rendered on its
//! own and its `.SH` line written anew.

use std::io::Write;
use std::path::Path;

use clap::Command;
use clap_mangen::roff::Roff;

use super::sessions::fail;
use crate::i18n::Lang;
use crate::i18n::cli::man::Man;

/// `leidraad man [--dir DIR]`: leidraad(1) on stdout, or that page and one
/// per command (leidraad-export(1), …) written into `dir`.
pub fn man(lang: Lang, dir: Option<&Path>) -> i32 {
    let t = lang.texts();
    let cmd = super::help::described(lang, false);
    let Some(dir) = dir else {
        let mut page = Vec::new();
        return match main_page(&cmd, &t.cli.man, &mut page) {
            Ok(()) => {
                super::out::print_own(&page);
                0
            }
            Err(e) => fail(e),
        };
    };
    let path = dir.join("leidraad.1");
    let written =
        std::fs::File::create(&path).and_then(|mut f| main_page(&cmd, &t.cli.man, &mut f));
    if let Err(e) = written {
        return fail((t.cli.man_failed)(
            &path.display().to_string(),
            &e.to_string(),
        ));
    }
    super::out::eprintln(&(t.cli.written)(&path.display().to_string()));
    for sub in cmd.get_subcommands() {
        let path = dir.join(format!("{}.1", page_name(sub)));
        let written = std::fs::File::create(&path)
            .and_then(|mut f| page(sub, &t.cli.man, &mut f).and_then(|()| f.flush()));
        if let Err(e) = written {
            return fail((t.cli.man_failed)(
                &path.display().to_string(),
                &e.to_string(),
            ));
        }
        super::out::eprintln(&(t.cli.written)(&path.display().to_string()));
    }
    0
}

/// The page's name (`leidraad-export`), as clap_mangen names its file.
fn page_name(cmd: &Command) -> &str {
    cmd.get_display_name().unwrap_or_else(|| cmd.get_name())
}

/// leidraad(1): clap_mangen's sections, then where the files are and what
/// the environment changes.
pub fn main_page(cmd: &Command, t: &Man, out: &mut dyn Write) -> std::io::Result<()> {
    page(cmd, t, out)?;
    out.write_all(t.files.as_bytes())
}

/// The page of `cmd` (built): clap_mangen's sections, in its order and on
/// its conditions, under the headings of `t`, in the manual of `t`.
pub fn page(cmd: &Command, t: &Man, out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut roff = preamble();
    roff.extend_from_slice(title_line(cmd, t).as_bytes());
    retitled(&mut roff, t.name, |w| man.render_name_section(w))?;
    retitled(&mut roff, t.synopsis, |w| man.render_synopsis_section(w))?;
    retitled(&mut roff, t.description, |w| {
        man.render_description_section(w)
    })?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        // One section per heading of the options (the headings of
        // `--help`, set by `help`), OPTIONS for those without one.
        let mut section = Vec::new();
        man.render_options_section(&mut section)?;
        let section = body(&section).replace(".SH OPTIONS\n", &heading(t.options));
        roff.extend_from_slice(section.as_bytes());
    }
    if cmd.get_subcommands().any(|c| !c.is_hide_set()) {
        retitled(&mut roff, t.commands, |w| man.render_subcommands_section(w))?;
    }
    if cmd.get_after_long_help().is_some() || cmd.get_after_help().is_some() {
        retitled(&mut roff, t.extra, |w| man.render_extra_section(w))?;
    }
    if cmd
        .get_version()
        .or_else(|| cmd.get_long_version())
        .is_some()
    {
        retitled(&mut roff, t.version, |w| man.render_version_section(w))?;
    }
    if cmd.get_author().is_some() {
        retitled(&mut roff, t.authors, |w| man.render_authors_section(w))?;
    }
    out.write_all(&roff)
}

/// The `.TH` line: clap_mangen's title, section and source, no date, and
/// the manual of `t`. (clap_mangen writes the empty date as nothing, so
/// that man reads the source as the date and the manual as the source.)
fn title_line(cmd: &Command, t: &Man) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\e").replace('"', "\\(dq"));
    let source = format!(
        "{} {}",
        cmd.get_name(),
        cmd.get_version().unwrap_or_default()
    );
    format!(
        ".TH {} 1 \"\" {} {}\n",
        page_name(cmd),
        quoted(&source),
        quoted(t.manual)
    )
}

/// Append the section `render` writes to `roff`, its `.SH` line replaced
/// by one with `title`.
fn retitled(
    roff: &mut Vec<u8>,
    title: &str,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut section = Vec::new();
    render(&mut section)?;
    let section = body(&section);
    let rest = match section.split_once('\n') {
        Some((first, rest)) if first.starts_with(".SH") => rest,
        _ => section.as_str(),
    };
    roff.extend_from_slice(heading(title).as_bytes());
    roff.extend_from_slice(rest.as_bytes());
    Ok(())
}

/// A section as clap_mangen renders it, without the preamble roff puts
/// before every document.
fn body(section: &[u8]) -> String {
    let text = String::from_utf8_lossy(section);
    let preamble = String::from_utf8_lossy(&preamble()).into_owned();
    text.strip_prefix(preamble.as_str())
        .unwrap_or(&text)
        .to_string()
}

/// What roff writes before any document.
fn preamble() -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec does not fail.
    let _ = Roff::new().to_writer(&mut out);
    out
}

/// The `.SH` line of a section.
fn heading(title: &str) -> String {
    let mut roff = Roff::new();
    roff.control("SH", [title]);
    roff.to_roff()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::cli::man::{EN, NL};

    fn render(cmd: &Command, t: &Man) -> String {
        let mut out = Vec::new();
        page(cmd, t, &mut out).unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn in_english_every_page_is_clap_mangen_s_own() {
        let cmd = super::super::help::described(Lang::En, false);
        for c in std::iter::once(&cmd).chain(cmd.get_subcommands()) {
            let mut clap = Vec::new();
            clap_mangen::Man::new(c.clone())
                .render(&mut clap)
                .unwrap_or_else(|e| panic!("{e}"));
            let clap = String::from_utf8_lossy(&clap);
            let ours = render(c, &EN);
            // The .TH line aside, with its date written as "".
            let rest = |page: &str| -> Vec<String> {
                page.lines()
                    .filter(|l| !l.starts_with(".TH "))
                    .map(str::to_string)
                    .collect()
            };
            assert_eq!(rest(&ours), rest(&clap), "{}", c.get_name());
            let title = ours
                .lines()
                .find(|l| l.starts_with(".TH "))
                .unwrap_or_default();
            let name = c.get_display_name().unwrap_or(c.get_name());
            assert!(
                title.starts_with(&format!(".TH {name} 1 \"\" \"{}", c.get_name()))
                    && title.ends_with(" \"General Commands Manual\""),
                "{title}"
            );
        }
    }

    #[test]
    fn in_dutch_the_headings_are_dutch() {
        let cmd = super::super::help::described(Lang::Nl, false);
        let page = render(&cmd, &NL);
        let headings: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH")).collect();
        assert_eq!(
            headings,
            [
                ".SH NAAM",
                ".SH OVERZICHT",
                ".SH BESCHRIJVING",
                ".SH OPTIES",
                ".SH OPDRACHTEN",
                ".SH VERSIE"
            ],
            "{page}"
        );
        assert!(page.starts_with(&String::from_utf8_lossy(&preamble()).into_owned()));
        let export = cmd.find_subcommand("export").map(|c| render(c, &NL));
        let export = export.unwrap_or_default();
        assert!(export.contains(".SH ARGUMENTEN"), "{export}");
        assert!(export.contains(".SH OPTIES"), "{export}");
    }
}
