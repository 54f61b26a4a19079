//! What lies on top of a screen and takes its keys: the help, a yes/no
//! question the screen below answers, and the folder for a copy elsewhere
//! (`Ctrl-O`). One at a time: opening one replaces another.

use std::path::Path;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Shell};
use super::keymap::{self, Action, Mode};
use super::screens::{Screen, block};
use super::theme::{Role, style};
use super::widgets::input::TextInput;
use super::widgets::scroll::{Scroll, wrapped_rows};
use crate::i18n::Texts;
use crate::session::Session;

mod export;

pub use export::{ExportForm, ExportOf, ExportRequest};

/// A yes/no question on top of a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Finish,
    RemoveItem,
    /// Delete the selected session (the history, the view).
    DeleteSession,
    /// Take the known client the header form offers.
    UseClient,
    /// Count the time the app was down for the phase that was open.
    CountGap,
    /// Leave the app (Esc on the home screen).
    QuitApp,
    /// Archive the finished plan (the timeline).
    ArchivePlan,
    /// Close the item form, throwing away what was typed in it.
    DiscardItem,
}

impl Confirm {
    /// Whether "no" only closes the question (nothing is finished, deleted,
    /// archived or thrown away): then a stray letter may answer it. Not so
    /// for [`Confirm::CountGap`] and [`Confirm::UseClient`], which wait for
    /// their answer.
    pub fn no_leaves_things_as_they_are(self) -> bool {
        match self {
            Confirm::Finish
            | Confirm::RemoveItem
            | Confirm::DeleteSession
            | Confirm::QuitApp
            | Confirm::ArchivePlan
            | Confirm::DiscardItem => true,
            // "No" there is a choice with a consequence: the time away left
            // out; the known client not taken (its open items would not
            // come along, and the letter typed on would be lost).
            Confirm::CountGap | Confirm::UseClient => false,
        }
    }
}

/// A plain character, as typed into text (no Ctrl or Alt).
fn is_typed_char(ev: &KeyEvent) -> bool {
    matches!(ev.code, KeyCode::Char(c) if !c.is_control())
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// What a line typed in a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    /// The folder to save a copy in (`Ctrl-O`).
    Elsewhere,
    /// The end time agreed at the table (`E`): a clock time or minutes.
    EndTime,
    /// A plan step's new date (the timeline's `m`).
    MoveDate,
}

/// What a choice is for.
#[derive(Debug, Clone, PartialEq)]
pub enum PickFor {
    /// The history's client filter.
    Client,
    /// The history's guide filter.
    Guide,
    /// The guide of the next conversation after this session.
    FollowUp(Box<Session>),
    /// Whether a moved plan step takes the later ones along.
    MoveScope,
    /// The finished talk to attach to a plan step.
    Attach,
}

/// A short list of values to choose one from.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub title: &'static str,
    /// What is shown, and the value it stands for (None: every value).
    pub options: Vec<(String, Option<String>)>,
    pub selected: usize,
    pub purpose: PickFor,
}

impl Picker {
    /// A picker on `current` (or the first option).
    pub fn new(
        title: &'static str,
        options: Vec<(String, Option<String>)>,
        current: Option<String>,
        purpose: PickFor,
    ) -> Picker {
        let selected = options.iter().position(|(_, v)| *v == current).unwrap_or(0);
        Picker {
            title,
            options,
            selected,
            purpose,
        }
    }
}

/// What lies on top of the screen and takes its keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The keys of the screen below, scrolled this far.
    Help(Scroll),
    /// A yes/no question the screen below answers.
    Confirm(Confirm),
    /// A line to type: the folder for a copy (`Ctrl-O`), the end time.
    Prompt(PromptFor, Box<TextInput>),
    /// One of a few values to choose.
    Pick(Box<Picker>),
    /// Which report to write, and where.
    Export(Box<ExportForm>),
}

/// What an overlay made of a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// It stays (scrolled, typed into, or the key means nothing here).
    Kept,
    /// It goes, and nothing is done.
    Closed,
    /// Yes to the question.
    Yes(Confirm),
    /// No to the question.
    No(Confirm),
    /// This was typed (trimmed; not empty for a folder).
    Typed(PromptFor, String),
    /// This value was chosen.
    Picked(PickFor, Option<String>),
    /// Write this report.
    Export(Box<ExportRequest>),
}

impl Overlay {
    /// The help, from its top.
    pub fn help() -> Overlay {
        Overlay::Help(Scroll::default())
    }

    /// The save-elsewhere prompt, suggesting `folder`.
    pub fn prompt(folder: &Path) -> Overlay {
        Overlay::typing(PromptFor::Elsewhere, &folder.display().to_string())
    }

    /// A prompt for `purpose`, holding `text`.
    pub fn typing(purpose: PromptFor, text: &str) -> Overlay {
        let mut input = TextInput::line(text);
        input.set_focused(true);
        Overlay::Prompt(purpose, Box::new(input))
    }

    /// A prompt offering `value` to take or type over (the end time, a
    /// date): typing replaces it, an arrow keeps it to edit.
    pub fn proposing(purpose: PromptFor, value: &str) -> Overlay {
        let mut input = TextInput::line(value);
        input.set_focused(true);
        input.propose();
        Overlay::Prompt(purpose, Box::new(input))
    }

    /// The key mode while it is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Prompt(..) => Mode::Prompt,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Pick(_) => Mode::Pick,
            Overlay::Export(_) => Mode::Export,
        }
    }

    /// What a key does in this overlay, when that is not what it does in
    /// general (Enter in the end-time prompt takes the end time).
    pub fn describe(&self, action: Action, texts: &'static Texts) -> Option<&'static str> {
        match (self, action) {
            (Overlay::Prompt(PromptFor::EndTime, _), Action::Enter) => Some(texts.keys.take_end),
            _ => None,
        }
    }

    /// Whether a printable character with no key in this overlay (`bound`:
    /// whether it has one) closes it as someone typing: the help, and the
    /// questions whose no leaves things as they are.
    pub fn makes_way_for(&self, bound: bool) -> bool {
        !bound
            && match self {
                Overlay::Help(_) => true,
                Overlay::Confirm(confirm) => confirm.no_leaves_things_as_they_are(),
                Overlay::Prompt(..) | Overlay::Pick(_) | Overlay::Export(_) => false,
            }
    }

    /// A key for the overlay.
    /// `yes_key` is the letter the questions show for yes (`j`, `y`).
    pub fn on_key(&mut self, action: Option<Action>, ev: KeyEvent, yes_key: &str) -> Answer {
        // A letter that is no key here is someone typing, not answering
        // (see `makes_way_for`; on the conversation screen the letter goes
        // into the notes, see `App::on_typed`).
        let typing = is_typed_char(&ev) && self.makes_way_for(action.is_some());
        match self {
            Overlay::Help(scroll) => {
                if action == Some(Action::Back) || typing {
                    return Answer::Closed;
                }
                scroll.on_action(action, 10);
                Answer::Kept
            }
            Overlay::Confirm(confirm) => match action {
                // Whether the time away counts is answered with the letter
                // the question shows ("j of Enter", "y or Enter"): the other
                // language's letter waits like any stray one (the `y` of
                // "getypt" counted 17 minutes in Dutch). The other
                // questions take `j` and `y` both.
                Some(Action::Yes)
                    if *confirm == Confirm::CountGap
                        && matches!(ev.code, KeyCode::Char(c) if !yes_key.starts_with(c)) =>
                {
                    Answer::Kept
                }
                Some(Action::Yes) => Answer::Yes(*confirm),
                Some(Action::No) => Answer::No(*confirm),
                // A letter that answers nothing is someone typing, not
                // answering: prose typed while navigating opened "Gesprek
                // afronden?" with its `f` and answered it with a later `y`
                // ("Half getypt"). It leaves things as they are.
                None if is_typed_char(&ev) && confirm.no_leaves_things_as_they_are() => {
                    Answer::No(*confirm)
                }
                _ => Answer::Kept,
            },
            Overlay::Pick(p) => match action {
                Some(Action::Up) => {
                    p.selected = p.selected.saturating_sub(1);
                    Answer::Kept
                }
                Some(Action::Down) => {
                    p.selected = (p.selected + 1).min(p.options.len().saturating_sub(1));
                    Answer::Kept
                }
                Some(Action::Enter) => match p.options.get(p.selected) {
                    Some((_, value)) => Answer::Picked(p.purpose.clone(), value.clone()),
                    None => Answer::Closed,
                },
                Some(Action::Back) => Answer::Closed,
                _ => Answer::Kept,
            },
            Overlay::Export(form) => match action {
                Some(Action::Back) => Answer::Closed,
                _ => match form.on_key(action, ev) {
                    Some(request) => Answer::Export(Box::new(request)),
                    None => Answer::Kept,
                },
            },
            Overlay::Prompt(purpose, input) => match action {
                Some(Action::Back) => Answer::Closed,
                Some(Action::Enter) => match (*purpose, input.text().trim()) {
                    (PromptFor::Elsewhere, "") => Answer::Closed,
                    (purpose, text) => Answer::Typed(purpose, text.to_string()),
                },
                _ => {
                    input.key(ev);
                    Answer::Kept
                }
            },
        }
    }

    /// A paste: into the prompt; elsewhere it means nothing.
    pub fn on_paste(&mut self, text: &str) {
        match self {
            Overlay::Prompt(_, input) => {
                input.paste(text);
            }
            Overlay::Export(form) => form.paste(text),
            Overlay::Help(_) | Overlay::Confirm(_) | Overlay::Pick(_) => {}
        }
    }

    /// Draw it over `area` (the screen's body).
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        match self {
            Overlay::Help(scroll) => render_help(app, scroll, frame, area),
            Overlay::Prompt(purpose, input) => {
                render_prompt(&app.shell, prompt_text(app, *purpose), input, frame, area)
            }
            Overlay::Confirm(confirm) => {
                app.screen.render_confirm(&app.shell, *confirm, frame, area)
            }
            Overlay::Pick(p) => render_picker(&app.shell, p, frame, area),
            Overlay::Export(form) => form.render(&app.shell, frame, area),
        }
    }
}

/// A prompt: what to type, wrapped, and the line typed so far below it.
/// A prompt's title and what to type, for what it is.
fn prompt_text(app: &App, purpose: PromptFor) -> (&'static str, String) {
    let t = app.shell.texts();
    match purpose {
        PromptFor::Elsewhere => (t.shell.elsewhere_title, t.shell.elsewhere_text.to_string()),
        PromptFor::EndTime => (t.clock.end_title, t.clock.end_text.to_string()),
        PromptFor::MoveDate => {
            let label = match &app.screen {
                Screen::Timeline(tl) => tl
                    .occurrence()
                    .map(|o| tl.plan().label(o.key(), t))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (t.timeline.move_title, (t.timeline.move_text)(&label))
        }
    }
}

fn render_prompt(
    shell: &Shell,
    (title, text): (&'static str, String),
    input: &TextInput,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(4).min(76);
    let explained = Paragraph::new(text).wrap(Wrap { trim: true });
    // The text wrapped, a blank row, the line typed, the border.
    let rows = wrapped_rows(&explained, width.saturating_sub(2));
    let height = rows.saturating_add(4).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let outer = block(shell, format!(" {title} "), true);
    let inner = outer.inner(popup);
    frame.render_widget(outer, popup);
    frame.render_widget(
        explained,
        Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );
    if inner.height > 0 {
        input.render(
            frame,
            Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            },
        );
    }
}

/// The keys of the screen below, by section (see
/// [`keymap::help_sections`]), scrolled.
fn render_help(app: &App, scroll: &Scroll, frame: &mut Frame, area: Rect) {
    let shell = &app.shell;
    let t = shell.texts();
    let mode = app.screen.mode();
    let mut lines = vec![Line::from(Span::styled(
        t.keys.help_title,
        style(shell, Role::Title),
    ))];
    lines.push(Line::raw(""));
    let help = keymap::help_sections(mode, t, |m| app.screen.has_mode(m));
    // The keys right-aligned in one column, at least 14 wide.
    let key_width = help
        .sections
        .iter()
        .flat_map(|s| &s.lines)
        .map(|(keys, _)| unicode_width::UnicodeWidthStr::width(keys.as_str()))
        .max()
        .unwrap_or(0)
        .max(14);
    for section in help.sections {
        if let Some(heading) = section.heading {
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(heading, style(shell, Role::Title))));
        }
        for (keys, what) in section.lines {
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), style(shell, Role::Key)),
                Span::raw(what),
            ]));
        }
    }
    for note in help.notes {
        lines.push(Line::raw(""));
        lines.push(Line::raw(note));
    }
    let width = area.width.min(72);
    let help = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = wrapped_rows(&help, width.saturating_sub(2));
    let height = rows.saturating_add(2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    // Too long for the window: ↑↓ / PgUp PgDn scroll it.
    let offset = scroll.fit(rows, height.saturating_sub(2));
    let mut frame_block = Block::default()
        .borders(Borders::ALL)
        .border_style(style(shell, Role::Border));
    if offset < scroll.max() {
        frame_block =
            frame_block.title_bottom(Line::from(format!(" {} ", t.keys.help_more)).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(help.block(frame_block).scroll((offset, 0)), popup);
}

/// The choices in a small window, the chosen one marked.
fn render_picker(shell: &Shell, picker: &Picker, frame: &mut Frame, area: Rect) {
    let width = picker
        .options
        .iter()
        .map(|(label, _)| unicode_width::UnicodeWidthStr::width(label.as_str()))
        .max()
        .unwrap_or(0)
        .max(unicode_width::UnicodeWidthStr::width(picker.title))
        .saturating_add(6)
        .min(usize::from(area.width.saturating_sub(4))) as u16;
    let height = (picker.options.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let lines: Vec<Line> = picker
        .options
        .iter()
        .enumerate()
        .map(|(i, (label, _))| {
            if i == picker.selected {
                Line::from(Span::styled(
                    format!("▸ {label}"),
                    style(shell, Role::Selected),
                ))
            } else {
                Line::raw(format!("  {label}"))
            }
        })
        .collect();
    // The chosen one stays in view in a long list.
    let inner = height.saturating_sub(2) as usize;
    let scroll = (picker.selected + 1).saturating_sub(inner) as u16;
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block(
            shell,
            format!(" {} ", picker.title),
            true,
        )),
        rect,
    );
}
