//! The screens, and the chrome they share: title line, footer with keys,
//! status line, help overlay, the "make the window larger" message.

pub mod conversation;
pub mod form;
pub mod home;
pub mod prepare;
pub mod summary;
pub mod view;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Screen, Severity};
use super::keymap;
use super::theme::{Role, style};
use super::widgets::scroll::wrapped_rows;
use crate::session::Timestamp;

/// The smallest terminal the screens are drawn in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the screens are drawn in.
pub const MIN_HEIGHT: u16 = 16;

/// Draw the whole app.
pub fn render(app: &App, frame: &mut Frame, now: Timestamp) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = (app.texts.window_too_small)(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    // A long message (a path, a hint to type) wraps onto up to three rows
    // rather than being cut off.
    let status_line = status_paragraph(app);
    let status_rows = status_line
        .as_ref()
        .map_or(1, |p| wrapped_rows(p, area.width).clamp(1, STATUS_MAX_ROWS));
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    match app.screen {
        Screen::Home => home::render(app, frame, body),
        Screen::Prepare => prepare::render(app, frame, body),
        Screen::Form => form::render(app, frame, body, now),
        Screen::Conversation => conversation::render(app, frame, body, now),
        Screen::Summary => summary::render(app, frame, body, now),
        Screen::View => view::render(app, frame, body),
    }
    if let Some(p) = status_line {
        frame.render_widget(p, status);
    }
    render_footer(app, frame, footer);
    if app.help {
        render_help(app, frame, body);
    }
    if let Some(input) = &app.prompt {
        render_prompt(app, input, frame, body);
    }
}

fn render_prompt(
    app: &App,
    input: &crate::tui::widgets::input::TextInput,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(4).min(76);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(6) / 2,
        width,
        height: 6.min(area.height),
    };
    frame.render_widget(Clear, popup);
    let outer = block(app, format!(" {} ", app.texts.elsewhere_title), true);
    let inner = outer.inner(popup);
    frame.render_widget(outer, popup);
    frame.render_widget(
        Paragraph::new(app.texts.elsewhere_text).wrap(Wrap { trim: true }),
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

/// The most rows the status line takes.
const STATUS_MAX_ROWS: u16 = 3;

/// The status line, wrapped; None when there is nothing to say.
fn status_paragraph(app: &App) -> Option<Paragraph<'static>> {
    let (text, severity) = app.status.as_ref()?;
    let role = match severity {
        Severity::Info => Role::Info,
        Severity::Warning => Role::Warning,
        Severity::Error => Role::Error,
    };
    let prefix = match severity {
        Severity::Info => "",
        Severity::Warning | Severity::Error => "! ",
    };
    Some(
        Paragraph::new(Line::from(Span::styled(
            format!("{prefix}{text}"),
            style(app, role),
        )))
        .wrap(Wrap { trim: false }),
    )
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let items = fitting_footer(
        keymap::footer(app.mode(), app.texts, |action| offered(app, action)),
        usize::from(area.width),
    );
    let mut spans = Vec::new();
    for (i, (key, what)) in items.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, style(app, Role::Key)));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(what, style(app, Role::Dim)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Whether a key's action does something here (the footer leaves out `a`
/// in a phase without lists; the help still lists every key).
fn offered(app: &App, action: keymap::Action) -> bool {
    match (action, app.screen, app.conv.as_ref()) {
        (keymap::Action::AddItem, Screen::Conversation, Some(conv)) => conv
            .session
            .guide
            .phases
            .get(conv.session.current)
            .is_some_and(|p| !p.lists.is_empty()),
        _ => true,
    }
}

/// The footer items that fit in `width` columns, in order: an item that
/// does not fit is left out whole (never cut in the middle), and a later,
/// shorter one may still fit. The `?` (help) item is kept first of all,
/// since the help overlay lists every key.
pub fn fitting_footer(
    items: Vec<(&'static str, &'static str)>,
    width: usize,
) -> Vec<(&'static str, &'static str)> {
    use unicode_width::UnicodeWidthStr;
    let item_width = |(key, what): &(&str, &str)| key.width() + 1 + what.width();
    let help = items.iter().position(|(key, _)| *key == "?");
    let mut keep = vec![false; items.len()];
    let mut used = 0;
    let order = help
        .into_iter()
        .chain((0..items.len()).filter(|i| Some(*i) != help));
    for i in order {
        let sep = if used == 0 { 0 } else { 2 };
        let w = sep + item_width(&items[i]);
        if used + w <= width {
            used += w;
            keep[i] = true;
        }
    }
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, k)| k.then_some(item))
        .collect()
}

fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let under = if app.screen == Screen::Conversation {
        // The help shows the conversation's keys whatever is focused.
        app.conv
            .as_ref()
            .map(|c| c.nav_mode())
            .unwrap_or(keymap::Mode::ConvNotes)
    } else {
        let mut copy_mode = app.mode();
        if copy_mode == keymap::Mode::Help {
            copy_mode = match app.screen {
                Screen::Home => keymap::Mode::Home,
                Screen::Prepare => keymap::Mode::Prepare,
                Screen::Form => app.form.as_ref().map_or(keymap::Mode::Form, |f| f.mode()),
                Screen::Summary => keymap::Mode::Summary,
                Screen::View => keymap::Mode::View,
                Screen::Conversation => keymap::Mode::ConvNotes,
            };
        }
        copy_mode
    };
    let mut lines = vec![Line::from(Span::styled(
        app.texts.help_title,
        style(app, Role::Title),
    ))];
    lines.push(Line::raw(""));
    let mut modes = vec![under];
    if app.screen == Screen::Conversation {
        let revisit = app
            .conv
            .as_ref()
            .is_some_and(|c| c.stops().contains(&conversation::Focus::Revisit));
        for m in [
            keymap::Mode::ConvNotes,
            keymap::Mode::ConvRevisit,
            keymap::Mode::ConvQuestions,
            keymap::Mode::ConvList,
            keymap::Mode::ConvRating,
            keymap::Mode::Editing,
            keymap::Mode::ItemForm,
        ] {
            if !modes.contains(&m) && (m != keymap::Mode::ConvRevisit || revisit) {
                modes.push(m);
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (m, mode) in modes.into_iter().enumerate() {
        let t = app.texts;
        let heading = match mode {
            _ if m == 0 => None,
            keymap::Mode::ConvQuestions => Some(t.help_in_questions),
            keymap::Mode::ConvRevisit => Some(t.help_in_revisit),
            keymap::Mode::ConvList => Some(t.help_in_list),
            keymap::Mode::ConvRating => Some(t.help_in_rating),
            keymap::Mode::Editing => Some(t.help_typing),
            keymap::Mode::ItemForm => Some(t.help_in_item_form),
            _ => None,
        };
        let mut first = true;
        for (keys, what) in keymap::help_lines(mode, app.texts) {
            if seen.contains(&what) {
                continue;
            }
            seen.push(what);
            if let (true, Some(h)) = (first, heading) {
                lines.push(Line::raw(""));
                lines.push(Line::from(Span::styled(h, style(app, Role::Title))));
            }
            first = false;
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>14}  "), style(app, Role::Key)),
                Span::raw(what),
            ]));
        }
    }
    if app.screen == Screen::Conversation {
        lines.push(Line::raw(""));
        lines.push(Line::raw(app.texts.help_saving));
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
    let scroll = app.help_scroll.fit(rows, height.saturating_sub(2));
    let max = app.help_scroll.max();
    let mut frame_block = Block::default()
        .borders(Borders::ALL)
        .border_style(style(app, Role::Border));
    if scroll < max {
        frame_block = frame_block
            .title_bottom(Line::from(format!(" {} ", app.texts.help_more)).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(help.block(frame_block).scroll((scroll, 0)), popup);
}

/// A bordered block with a title, styled for focus.
/// A wrapped text in a focused pane that scrolls by wrapped rows (a long
/// note scrolls into view too) and stops at its end.
pub fn render_scrolling<'a>(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    text: impl Into<ratatui::text::Text<'a>>,
    scroll: &super::widgets::scroll::Scroll,
) {
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
    let offset = scroll.fit_paragraph(
        &paragraph,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    frame.render_widget(
        paragraph.block(block(app, title, true)).scroll((offset, 0)),
        area,
    );
}

pub fn block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let border = if focused { Role::Focus } else { Role::Border };
    // Without colour the focused pane still stands out: a thick border.
    let kind = if focused && !app.colors {
        BorderType::Thick
    } else {
        BorderType::Plain
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style(app, border))
        .title(title)
        .title_style(style(app, Role::Title).add_modifier(if focused {
            Modifier::BOLD
        } else {
            Modifier::empty()
        }))
}

/// `mm:ss` (or `h:mm:ss`) for a number of seconds; negative with a minus.
pub fn clock(secs: i64) -> String {
    clock_in(secs, secs.unsigned_abs() >= 3600)
}

/// Two clocks shown together (`elapsed / planned`) in the same form: both
/// `h:mm:ss` when either reaches an hour, so `0:12:00 / 1:30:00`, never
/// `12:00 / 1:30:00`.
pub fn clock_pair(a: i64, b: i64) -> String {
    let hours = a.unsigned_abs() >= 3600 || b.unsigned_abs() >= 3600;
    format!("{} / {}", clock_in(a, hours), clock_in(b, hours))
}

fn clock_in(secs: i64, hours: bool) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    if hours {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

/// A plain style (no colour), for text that needs none.
pub fn plain() -> Style {
    Style::default()
}

#[cfg(test)]
mod tests {
    use super::fitting_footer;

    #[test]
    fn the_footer_leaves_out_whole_items_that_do_not_fit() {
        let items = vec![
            ("Tab", "volgend veld"),
            ("Enter", "volgende / beginnen"),
            ("Esc", "terug"),
        ];
        // "Tab volgend veld" (16) + "  Esc terug" (11) = 27; Enter's 27 more
        // would not fit in 40.
        assert_eq!(
            fitting_footer(items.clone(), 40),
            vec![("Tab", "volgend veld"), ("Esc", "terug")]
        );
        assert_eq!(fitting_footer(items.clone(), 80), items);
        assert!(fitting_footer(items, 3).is_empty());
        // Help stays, whatever else has to go.
        let items = vec![("Enter", "volgende / beginnen"), ("?", "hulp")];
        assert_eq!(fitting_footer(items, 20), vec![("?", "hulp")]);
    }
}
