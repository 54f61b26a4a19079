//! Which items of a long list can be on screen: a list of thousands of
//! rows (the home screen with every unfinished session) builds only those,
//! and is drawn exactly as if it had built them all.

use std::ops::Range;

/// The items a ratatui `List` drawn with a fresh `ListState` (offset 0,
/// `selected`, no scroll padding) into `max_height` rows can show, given
/// each item's height. Drawing only `heights[window]`, with the selection
/// moved by `window.start`, gives the same rows on screen.
///
/// ratatui fills the area from the top; when the selected item does not
/// fit, the window ends at it and starts as late as needed. The items
/// after such a window are never drawn, and only one that does not fit
/// ends the first window.
pub fn list_window(heights: &[usize], selected: Option<usize>, max_height: usize) -> Range<usize> {
    let mut fit = 0;
    let mut used = 0;
    for h in heights {
        if used + h > max_height {
            break;
        }
        used += h;
        fit += 1;
    }
    match selected.map(|s| s.min(heights.len().saturating_sub(1))) {
        Some(s) if s >= fit && !heights.is_empty() => {
            // The window ends at the selected item and takes in as many
            // before it as fit (at least the selected one itself).
            let mut start = s;
            let mut used = heights[s];
            while start > 0 && used + heights[start - 1] <= max_height {
                start -= 1;
                used += heights[start];
            }
            start..s + 1
        }
        _ => 0..fit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{List, ListItem, ListState};

    /// The screen of a `List` of `heights` (item i shows its number on
    /// each of its lines), `height` rows high.
    fn drawn(heights: &[usize], selected: Option<usize>, height: u16, window: bool) -> String {
        let range = if window {
            list_window(heights, selected, usize::from(height))
        } else {
            0..heights.len()
        };
        let items: Vec<ListItem> = range
            .clone()
            .map(|i| ListItem::new(vec![format!("{i}"); heights[i]].join("\n")))
            .collect();
        let mut state =
            ListState::default().with_selected(selected.map(|s| s.saturating_sub(range.start)));
        let mut terminal = Terminal::new(TestBackend::new(6, height)).unwrap();
        terminal
            .draw(|f| {
                f.render_stateful_widget(
                    List::new(items).highlight_symbol(">"),
                    f.area(),
                    &mut state,
                )
            })
            .unwrap();
        format!("{:?}", terminal.backend().buffer())
    }

    #[test]
    fn a_window_draws_what_the_whole_list_draws() {
        let lists: [&[usize]; 5] = [
            &[1; 40],
            &[1, 3, 1, 1, 2, 1, 4, 1, 1, 1, 1, 2, 1, 1, 3, 1],
            &[2; 9],
            &[1, 1],
            &[5, 1, 1, 7, 1],
        ];
        for heights in lists {
            for height in [1u16, 3, 5, 8] {
                let mut cases: Vec<Option<usize>> = (0..heights.len()).map(Some).collect();
                cases.push(None);
                for selected in cases {
                    assert_eq!(
                        drawn(heights, selected, height, true),
                        drawn(heights, selected, height, false),
                        "{heights:?} {selected:?} {height}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_long_list_builds_a_screenful() {
        let heights = vec![1; 50_000];
        assert_eq!(list_window(&heights, Some(0), 38), 0..38);
        assert_eq!(list_window(&heights, Some(40_000), 38), 39_963..40_001);
        assert_eq!(list_window(&heights, None, 38), 0..38);
        assert_eq!(list_window(&[], Some(0), 38), 0..0);
    }
}
