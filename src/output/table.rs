//! Tables: aligned columns, every cell one line and terminal-safe.

use super::terminal::{terminal_safe, Breaks};
use crate::api::text::truncate;
use colored::Colorize;
use serde_json::Value;

/// A value as a table: an array of objects by their keys (in first-seen order), an object as
/// FIELD/VALUE rows, anything else as its JSON.
pub(super) fn table_of(value: &Value, color: bool) -> String {
    let cell = |v: &Value| match v {
        Value::String(s) => truncate(s, 80),
        Value::Null => String::new(),
        other => truncate(&other.to_string(), 80),
    };
    match value {
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            let mut columns: Vec<String> = Vec::new();
            for item in items {
                for key in item.as_object().into_iter().flat_map(|o| o.keys()) {
                    if !columns.contains(key) {
                        columns.push(key.clone());
                    }
                }
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|item| columns.iter().map(|c| cell(&item[c.as_str()])).collect())
                .collect();
            let headers: Vec<String> = columns.iter().map(|c| c.to_uppercase()).collect();
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            render_table(&headers, &rows, color)
        }
        Value::Object(map) => {
            let rows: Vec<Vec<String>> =
                map.iter().map(|(k, v)| vec![k.clone(), cell(v)]).collect();
            render_table(&["FIELD", "VALUE"], &rows, color)
        }
        other => super::json::json_text(other, false),
    }
}

/// A plain aligned table: a header row and one row per item. Written by hand because it is a
/// few lines and the tool needs nothing more from a table crate. Headers and cells are
/// escaped: a table is read on a terminal.
pub(super) fn render_table(headers: &[&str], rows: &[Vec<String>], color: bool) -> String {
    let safe = |text: &str| terminal_safe(text, Breaks::Escape).into_owned();
    let headers: Vec<String> = headers.iter().map(|h| safe(h)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| safe(cell)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let pad = |text: &str, width: usize| {
        let fill = width.saturating_sub(text.chars().count());
        format!("{text}{}", " ".repeat(fill))
    };
    let mut out = String::new();
    let header: Vec<String> = headers
        .iter()
        .zip(&widths)
        .map(|(h, w)| pad(h, *w))
        .collect();
    let header = header.join("  ");
    let header = header.trim_end();
    if color {
        out.push_str(&header.bold().to_string());
    } else {
        out.push_str(header);
    }
    for row in &rows {
        out.push('\n');
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        out.push_str(cells.join("  ").trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let t = render_table(
            &["KEY", "VALUE"],
            &[
                vec!["a".into(), "1".into()],
                vec!["long-key".into(), "2".into()],
            ],
            false,
        );
        assert_eq!(t, "KEY       VALUE\na         1\nlong-key  2");
    }

    #[test]
    fn cells_cannot_drive_the_terminal() {
        let t = render_table(&["K"], &[vec!["\u{1b}]0;x\u{7}\n\u{202e}".into()]], false);
        assert_eq!(t, "K\n\\u{1b}]0;x\\u{7}\\n\\u{202e}");
    }
}
