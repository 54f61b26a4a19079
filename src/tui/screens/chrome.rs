//! The chrome around every screen: the status line and the footer of keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{App, Severity, Shell};
use super::super::keymap;
use super::super::theme::{Role, style};

/// The most rows the status line takes.
pub(super) const STATUS_MAX_ROWS: u16 = 3;

/// The status line, wrapped; None when there is nothing to say.
pub(super) fn status_paragraph(shell: &Shell) -> Option<Paragraph<'static>> {
    let (text, severity) = shell.status.as_ref()?;
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
            style(shell, role),
        )))
        .wrap(Wrap { trim: false }),
    )
}

/// A footer item: the key, and what it does.
pub(super) type FooterItem = (&'static str, &'static str);

/// The footer's rows at a width: one, or two on the screens with many keys
/// (the history, the read-only view) when one does not hold them.
pub(super) fn footer_rows(app: &App, width: u16) -> Vec<Vec<FooterItem>> {
    let t = app.shell.texts();
    let overlay = app.shell.overlay.is_some();
    let items = keymap::footer(
        app.mode(),
        t,
        |action| overlay || app.screen.offers(action),
        |action| match &app.shell.overlay {
            Some(overlay) => overlay.describe(action, t),
            None => app.screen.describe(action, t),
        },
    );
    let width = usize::from(width);
    let two = app.shell.overlay.is_none() && app.screen.many_keys();
    if !two || row_width(&items) <= width {
        return vec![fitting_footer(items, width)];
    }
    // The first row takes the keys in order while they fit; the rest, with
    // help first of all, go to the second.
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for item in items {
        let mut with = first.clone();
        with.push(item);
        if rest.is_empty() && row_width(&with) <= width {
            first = with;
        } else {
            rest.push(item);
        }
    }
    vec![first, fitting_footer(rest, width)]
}

/// The width of footer items in one row, two spaces apart.
fn row_width(items: &[FooterItem]) -> usize {
    use unicode_width::UnicodeWidthStr;
    let text: usize = items
        .iter()
        .map(|(key, what)| key.width() + 1 + what.width())
        .sum();
    text + 2 * items.len().saturating_sub(1)
}

pub(super) fn render_footer(
    shell: &Shell,
    rows: Vec<Vec<FooterItem>>,
    frame: &mut Frame,
    area: Rect,
) {
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|items| {
            let mut spans = Vec::new();
            for (i, (key, what)) in items.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw("  "));
                }
                spans.push(Span::styled(key, style(shell, Role::Key)));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(what, style(shell, Role::Dim)));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
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
