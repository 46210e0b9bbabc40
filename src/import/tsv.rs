//! Rows pasted from LibreOffice Calc or Excel: tab-separated, quoted where a cell holds a
//! tab, a quote or a line break. Amounts are read in Belgian and in plain notation.

use crate::model::budget::{CellValue, Column};

/// Splits tab-separated text into lines of fields, undoing the spreadsheet's quoting.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut lines = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(ch) = chars.next() {
        if quoted {
            match ch {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                other => field.push(other),
            }
            continue;
        }
        match ch {
            '"' if at_start => quoted = true,
            '\t' => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                lines.push(std::mem::take(&mut fields));
                at_start = true;
                continue;
            }
            other => field.push(other),
        }
        at_start = false;
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        lines.push(fields);
    }
    lines
}

/// The values read from one pasted line, with its number (from 1).
pub type PastedRow = (usize, Vec<Option<CellValue>>);

/// A pasted line that could not be read, named by its line number (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteProblem {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// The values of the pasted lines for the given columns, in order, each with its line
/// number; and the lines that failed, which are left out whole. A first line that
/// repeats the column names is taken as a header and skipped.
pub fn read_rows(lines: &[Vec<String>], columns: &[&Column]) -> (Vec<PastedRow>, Vec<PasteProblem>) {
    let header = lines.first().is_some_and(|first| {
        first.len() == columns.len()
            && first
                .iter()
                .zip(columns)
                .all(|(field, column)| field.trim().eq_ignore_ascii_case(column.name.trim()))
    });
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (index, fields) in lines.iter().enumerate().skip(usize::from(header)) {
        let number = index + 1;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if fields.len() > columns.len() {
            problems.push(PasteProblem {
                line: number,
                column: String::new(),
                message: format!("{} cells for {} columns", fields.len(), columns.len()),
            });
            continue;
        }
        let mut values = Vec::with_capacity(columns.len());
        let mut failed = false;
        for (position, column) in columns.iter().enumerate() {
            let text = fields.get(position).map_or("", String::as_str);
            match CellValue::parse(text, column.kind) {
                Ok(value) => values.push(value),
                Err(message) => {
                    problems.push(PasteProblem {
                        line: number,
                        column: column.name.clone(),
                        message,
                    });
                    failed = true;
                    break;
                }
            }
        }
        if !failed {
            rows.push((number, values));
        }
    }
    (rows, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::ColumnKind;
    use crate::model::dossier::ColumnId;
    use crate::model::money::Money;

    #[test]
    fn quoted_cells_keep_their_tabs_quotes_and_line_breaks() {
        let text = "a\t\"b\tc\"\t\"zei \"\"ja\"\"\"\r\n\"twee\nregels\"\tx\n";
        assert_eq!(
            parse_tsv(text),
            vec![
                vec!["a".to_string(), "b\tc".into(), "zei \"ja\"".into()],
                vec!["twee\nregels".to_string(), "x".into()],
            ]
        );
        assert_eq!(parse_tsv("1\t2"), vec![vec!["1".to_string(), "2".into()]]);
        assert!(parse_tsv("").is_empty());
    }

    #[test]
    fn rows_are_read_by_column_kind_and_failures_reported_by_line() {
        let columns = [
            Column {
                id: ColumnId(1),
                name: "Project".into(),
                kind: ColumnKind::Text,
            },
            Column {
                id: ColumnId(2),
                name: "Bedrag".into(),
                kind: ColumnKind::Money,
            },
        ];
        let columns: Vec<&Column> = columns.iter().collect();
        let lines = parse_tsv("Project\tBedrag\nA\t1.358.559,42\nB\t12,3,4\nC\t1358559.42\nD\t\n");
        let (rows, problems) = read_rows(&lines, &columns);
        let amount = |text| Some(CellValue::Money(Money::parse(text).unwrap()));
        assert_eq!(
            rows,
            vec![
                (2, vec![Some(CellValue::Text("A".into())), amount("1358559,42")]),
                (4, vec![Some(CellValue::Text("C".into())), amount("1358559,42")]),
                (5, vec![Some(CellValue::Text("D".into())), None]),
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column.as_str()), (3, "Bedrag"));
        assert!(
            problems[0].message.contains("one decimal comma"),
            "{}",
            problems[0].message
        );
    }
}
