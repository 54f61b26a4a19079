//! Column widths of the `sessions` table (issue 15 point 8): a session
//! whose client name is 20 MB long made every row of the table 20 MB wide
//! (600 MB of output). Every cell between the first (the file name, which
//! the other commands take a prefix of) and the last (the status or the
//! damage reason, printed once and never padded) is cut to [`MAX_CELL`]
//! columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest a cell may be, in terminal columns, "…" included.
pub const MAX_CELL: usize = 60;

/// The rows with every cell between the first and the last cut to
/// [`MAX_CELL`] columns.
pub fn capped(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| {
            let last = row.len().saturating_sub(1);
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    if c == 0 || c == last {
                        cell.clone()
                    } else {
                        cut(cell)
                    }
                })
                .collect()
        })
        .collect()
}

/// `cell` cut to [`MAX_CELL`] columns with a "…" when it is wider.
fn cut(cell: &str) -> String {
    if cell.width() <= MAX_CELL {
        return cell.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for ch in cell.chars() {
        let w = ch.width().unwrap_or(0);
        if width + w > MAX_CELL - 1 {
            break;
        }
        width += w;
        out.push(ch);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_and_the_file_name_is_not() {
        let huge = "x".repeat(20_000_000);
        let name = format!("{}.toml", "n".repeat(100));
        let reason = "r".repeat(200);
        let rows = vec![vec![
            name.clone(),
            huge,
            "kort".into(),
            "中".repeat(40),
            reason.clone(),
        ]];
        let out = capped(&rows);
        assert_eq!(out[0][0], name);
        assert_eq!(out[0][1].width(), MAX_CELL);
        assert!(out[0][1].ends_with('…'));
        assert_eq!(out[0][2], "kort");
        assert!(out[0][3].width() <= MAX_CELL, "{}", out[0][3]);
        assert_eq!(out[0][4], reason, "the last cell is printed once");
        let exact = "y".repeat(MAX_CELL);
        let row = vec![String::new(), exact.clone(), String::new()];
        assert_eq!(capped(&[row])[0][1], exact);
    }
}
