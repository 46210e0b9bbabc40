//! The rows and columns of a table in an answer, found by their repeating shape rather
//! than by the layout: a key (a label, a code, a year) followed by the same number of
//! values, again and again; whether a row stands on one line, runs over several, or has
//! one cell to a line; with or without blank lines. The header lines above the first
//! row are divided among the columns afterwards.

use super::cells::{Printed, is_split_amount, is_year_word};
use super::text::collapse_spaces;
use crate::model::budget::Footnote;

/// Labels read before a row's values, then the values.
#[derive(Clone, Debug, Default)]
struct Segment {
    /// The label's lines: index, text, whether a bullet started it.
    label: Vec<(usize, String, bool)>,
    /// The values, `None` for an empty cell, with their line index.
    values: Vec<(usize, Option<Printed>)>,
}

/// A row of a table as found.
#[derive(Clone, Debug)]
pub(crate) struct GridRow {
    /// Index of its first line in the item.
    pub first: usize,
    /// Index of its last line.
    pub last: usize,
    pub code: Option<String>,
    /// The label's cells (text over lines joined), or the year of a row keyed by year.
    pub cells: Vec<String>,
    pub values: Vec<Option<Printed>>,
    /// The row on one line, as printed.
    pub printed: String,
    /// How its cells were placed when it has fewer than the others.
    pub note: Option<String>,
}

impl GridRow {
    pub(crate) fn label(&self) -> String {
        self.cells.join(" ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// Rows start with a label (and a code when `coded`).
    Label { coded: bool },
    /// Rows start with a year.
    Year,
}

/// A table found in an item's lines.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    /// The item's lines it takes, header and footnotes included: `from..to`.
    pub lines: (usize, usize),
    /// The line that introduces the table (`… als volgt:`), when it is just above it.
    pub caption: Option<String>,
    pub header_cells: Vec<String>,
    pub key: Key,
    pub rows: Vec<GridRow>,
    pub total: Option<GridRow>,
    pub footnotes: Vec<Footnote>,
}

impl Grid {
    pub(crate) fn header(&self) -> String {
        self.header_cells.join(" ")
    }

    pub(crate) fn value_columns(&self) -> usize {
        self.rows.first().map_or(0, |r| r.values.len())
    }
}

/// The words that close a table with its printed totals.
pub(crate) fn is_total_label(label: &str) -> bool {
    let label = label.trim().trim_end_matches(':').trim().to_lowercase();
    [
        "totaal",
        "eindtotaal",
        "total",
        "som",
        "samen",
        "algemeen totaal",
        "totaal generaal",
        "grand total",
    ]
    .contains(&label.as_str())
}

/// Whether a line reads as the end of a sentence or as prose rather than a table's words.
fn is_prose(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(['.', ':', '?', ';', '!']) || text.chars().count() > 150
}

/// Whether a label's text is a sentence: it cannot be a cell.
fn is_sentence(text: &str) -> bool {
    let text = text.trim();
    let inner_stop = text.match_indices(". ").any(|(at, _)| {
        text[at + 2..].chars().next().is_some_and(char::is_uppercase) && !ends_in_abbreviation(&text[..at])
    });
    is_prose(text) || inner_stop
}

/// `nr`, `art`, `o.a`: a short word before a dot is an abbreviation, not a sentence end.
fn ends_in_abbreviation(text: &str) -> bool {
    text.rsplit(' ').next().is_some_and(|w| w.chars().count() <= 3)
}

const FUNCTION_WORDS: [&str; 26] = [
    "van", "de", "het", "een", "en", "of", "aan", "op", "voor", "met", "in", "te", "door", "per", "tot",
    "bij", "over", "naar", "om", "uit", "the", "and", "for", "die", "dat", "der",
];

/// Whether `next` goes on with the cell of `previous` (a header or label over lines).
fn continues(previous: &str, next: &str) -> bool {
    let previous = previous.trim();
    let next = next.trim();
    let last_word = previous.rsplit(' ').next().unwrap_or("").to_lowercase();
    let open_end = previous.ends_with(['-', ',', '/', '(']) && !previous.ends_with(" -")
        || FUNCTION_WORDS.contains(&last_word.as_str());
    let lower = next.chars().next().is_some_and(|c| c.is_lowercase() || c == '(');
    open_end || (lower && (next.split_whitespace().count() <= 3 || previous.chars().count() >= 35))
}

/// `Toegekend` + `e steun`: a word broken at the line end, glued; otherwise one space.
fn join_continued(cell: &mut String, next: &str) {
    let first = next.split_whitespace().next().unwrap_or("");
    let fragment = first.chars().count() <= 2
        && first.chars().all(char::is_lowercase)
        && ![
            "en", "in", "op", "te", "of", "de", "om", "na", "al", "nu", "je", "ze", "we", "is", "à",
        ]
        .contains(&first);
    let hyphen = cell.ends_with('-') && !cell.ends_with(" -");
    if !(fragment || hyphen) {
        cell.push(' ');
    }
    cell.push_str(next);
}

/// Lines grouped into cells by [`continues`], each cell's first line index kept.
fn cells_of<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<(usize, String)> {
    let mut cells: Vec<(usize, String)> = Vec::new();
    let mut last_line = String::new();
    for (index, line) in lines {
        let line = collapse_spaces(line.trim());
        match cells.last_mut() {
            Some((_, cell)) if continues(&last_line, &line) => join_continued(cell, &line),
            _ => cells.push((index, line.clone())),
        }
        last_line = line;
    }
    cells
}

fn strip_bullet(text: &str) -> (&str, bool) {
    for bullet in ["- ", "– ", "• ", "· ", "▪ ", "◦ ", "● "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return (rest.trim_start(), true);
        }
    }
    (text, false)
}

/// The most values a row has; more figures at the end of a line are text.
const MOST_VALUES: usize = 12;

/// The words at the end of a line with the signs that belong to a value joined to it
/// (`€ 84.210,35`, `12,5 %`, `12.500 euro`, an amount split as `5. 551.323,14`), each
/// with where it starts in the line. Only the last few words are looked at: a row has
/// at most [`MOST_VALUES`] values, however long the line.
fn tail_words(line: &str) -> Vec<(usize, String)> {
    let mut raw: Vec<&str> = line.split_whitespace().rev().take(3 * MOST_VALUES + 2).collect();
    raw.reverse();
    let at = |word: &str| word.as_ptr() as usize - line.as_ptr() as usize;
    let mut out: Vec<(usize, String)> = Vec::with_capacity(raw.len());
    let mut index = 0;
    while index < raw.len() {
        let word = raw[index];
        let next = raw.get(index + 1).copied();
        let figure_next = next.is_some_and(|n| super::cells::is_figure(n.trim_end_matches(['%', '*'])));
        if matches!(word, "€" | "EUR") && figure_next {
            out.push((at(word), format!("€ {}", next.unwrap_or_default())));
            index += 2;
        } else if let Some(n) = next
            && is_split_amount(word, n)
        {
            out.push((at(word), format!("{word} {n}")));
            index += 2;
        } else if super::cells::is_figure(word) && matches!(next, Some("%" | "euro" | "EUR")) {
            out.push((at(word), format!("{word} {}", next.unwrap_or_default())));
            index += 2;
        } else {
            out.push((at(word), word.to_string()));
            index += 1;
        }
    }
    out
}

fn segments(lines: &[String]) -> Vec<Segment> {
    let mut out = Segments::default();
    let mut euro_waiting = false;
    for (line, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            // A line holding only a space is an empty cell; an empty line is nothing.
            if !raw.is_empty() {
                out.value(line, None);
            }
            continue;
        }
        if matches!(trimmed, "€" | "EUR") {
            euro_waiting = true;
            continue;
        }
        if trimmed == "%" {
            if let Some(printed) = out.last_value()
                && let Some(read) = Printed::read(&format!("{} %", printed.text))
            {
                *printed = read;
            }
            continue;
        }
        let (body, bullet) = strip_bullet(trimmed);
        let words = tail_words(body);
        let mut values: Vec<(usize, Printed)> = words
            .iter()
            .rev()
            .map_while(|(at, w)| Some((*at, Printed::read(w)?)))
            .take(MOST_VALUES)
            .collect();
        values.reverse();
        let text_end = values.first().map_or(body.len(), |(at, _)| *at);
        let text = body[..text_end].trim_end();
        if !text.is_empty() {
            euro_waiting = false;
            out.text(line, collapse_spaces(text), bullet);
        }
        for (position, (_, printed)) in values.into_iter().enumerate() {
            let printed = match (euro_waiting && position == 0, printed.euro) {
                (true, false) => Printed::read(&format!("€ {}", printed.text)).unwrap_or(printed),
                _ => printed,
            };
            euro_waiting = false;
            out.value(line, Some(printed));
        }
    }
    out.finish()
}

/// The segments of an item, built as its lines are read (one piece of a line at a
/// time: words, a value, or an empty cell), without keeping the pieces apart.
#[derive(Default)]
struct Segments {
    done: Vec<Segment>,
    current: Segment,
}

impl Segments {
    fn text(&mut self, line: usize, text: String, bullet: bool) {
        if !self.current.values.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.current.label.push((line, text, bullet));
    }

    fn value(&mut self, line: usize, printed: Option<Printed>) {
        // More values than a row has, not keyed by year: no table, whatever follows, so
        // the rest is not kept (a text of figures one to a line stays small to read).
        let values = &self.current.values;
        let keyed_by_year = values
            .first()
            .and_then(|(_, v)| v.as_ref())
            .is_some_and(|p| is_year_word(&p.text));
        if values.len() > MOST_VALUES && !keyed_by_year {
            return;
        }
        self.current.values.push((line, printed));
    }

    fn last_value(&mut self) -> Option<&mut Printed> {
        self.current.values.last_mut()?.1.as_mut()
    }

    fn finish(mut self) -> Vec<Segment> {
        if !self.current.label.is_empty() || !self.current.values.is_empty() {
            self.done.push(self.current);
        }
        self.done
    }
}

/// A code at the start of a label: `320`, `AMIF-2021-04`, `VP/2019/03`.
pub(crate) fn code_of(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    let fits = first.chars().count() <= 20
        && first.chars().any(|c| c.is_ascii_digit())
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'))
        && !first.ends_with('.')
        && text.split_whitespace().nth(1).is_some();
    fits.then_some(first)
}

fn printed_row(cells: &[String], values: &[Option<Printed>]) -> String {
    let mut words: Vec<&str> = cells.iter().map(String::as_str).collect();
    words.extend(values.iter().flatten().map(|p| p.text.as_str()));
    collapse_spaces(&words.join(" "))
}

fn row_from(segment: &Segment, label: &[(usize, String)], coded: bool) -> GridRow {
    let mut cells: Vec<String> = label.iter().map(|(_, c)| c.clone()).collect();
    let mut code = None;
    if coded
        && let Some(first) = cells.first_mut()
        && let Some(found) = code_of(first)
    {
        code = Some(found.to_string());
        *first = first[found.len()..].trim().to_string();
    }
    let values: Vec<Option<Printed>> = segment.values.iter().map(|(_, v)| v.clone()).collect();
    let mut all_cells = code.iter().cloned().collect::<Vec<_>>();
    all_cells.extend(cells.iter().cloned());
    GridRow {
        first: label
            .first()
            .map_or_else(|| segment.values.first().map_or(0, |v| v.0), |(l, _)| *l),
        last: segment.values.last().map_or(0, |v| v.0),
        printed: printed_row(&all_cells, &values),
        code,
        cells,
        values,
        note: None,
    }
}

/// Whether a segment can be a row with `k` values: a label that is not prose, and for a
/// list of single amounts, lines that look like one (a bullet or a sign of money).
fn row_like(segment: &Segment, k: usize, cells: &[(usize, String)]) -> bool {
    let label: String = cells
        .iter()
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if segment.values.len() != k || label.is_empty() || is_sentence(&label) {
        return false;
    }
    if k == 1 && !is_total_label(&label) {
        let Some((_, Some(value))) = segment.values.first() else {
            return false;
        };
        let money = value.euro || value.percent || value.figure().contains(',');
        let bullet = segment.label.iter().any(|(_, _, b)| *b);
        // The amount on the label's own (last) line.
        let one_line = segment.values.first().map(|v| v.0) == segment.label.last().map(|l| l.0);
        return money && (bullet || one_line);
    }
    true
}

fn label_cells(segment: &Segment) -> Vec<(usize, String)> {
    cells_of(segment.label.iter().map(|(l, t, _)| (*l, t.as_str())))
}

/// The commonest number of label cells of the rows after the first.
fn usual_cells(counts: &[usize]) -> usize {
    let mut best = (0, 1);
    for &count in counts {
        let times = counts.iter().filter(|&&c| c == count).count();
        if times > best.0 || (times == best.0 && count < best.1) {
            best = (times, count);
        }
    }
    best.1.max(1)
}

/// Finds the tables in an item's lines.
pub(crate) fn find_grids(lines: &[String]) -> Vec<Grid> {
    let segments = segments(lines);
    let mut grids = Vec::new();
    let mut index = 0;
    let mut floor = 0;
    while index < segments.len() {
        if let Some((grid, next)) =
            year_grid(lines, &segments, index, floor).or_else(|| label_grid(lines, &segments, index, floor))
        {
            floor = grid.lines.1;
            grids.push(grid);
            index = next;
        } else {
            index += 1;
        }
    }
    grids
}

/// What a value is, to place the cells of a row that has fewer than the others (a
/// PDF's text layer drops an empty cell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Euro,
    Percent,
    Number,
}

fn sort_of(printed: &Printed) -> Sort {
    if printed.euro {
        Sort::Euro
    } else if printed.percent {
        Sort::Percent
    } else {
        Sort::Number
    }
}

/// The sort of each column: the one most of its cells have.
fn column_sorts(rows: &[&[Option<Printed>]], width: usize) -> Vec<Option<Sort>> {
    (0..width)
        .map(|column| {
            let sorts: Vec<Sort> = rows
                .iter()
                .filter_map(|r| r.get(column)?.as_ref())
                .map(sort_of)
                .collect();
            [Sort::Euro, Sort::Percent, Sort::Number]
                .into_iter()
                .max_by_key(|s| sorts.iter().filter(|t| *t == s).count())
                .filter(|_| !sorts.is_empty())
        })
        .collect()
}

/// The ways to place `values` in order into `sorts.len()` columns of those sorts (an
/// amount without its € may stand in a column of euro), at most `limit` of them.
fn placements(values: &[Sort], sorts: &[Option<Sort>], limit: usize) -> Vec<Vec<usize>> {
    fn go(
        values: &[Sort],
        sorts: &[Option<Sort>],
        from: usize,
        taken: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
        limit: usize,
    ) {
        if out.len() >= limit {
            return;
        }
        let Some((&first, rest)) = values.split_first() else {
            out.push(taken.clone());
            return;
        };
        for column in from..sorts.len() {
            let fits = match sorts[column] {
                None => true,
                Some(sort) => sort == first || (first == Sort::Number && sort == Sort::Euro),
            };
            if fits {
                taken.push(column);
                go(rest, sorts, column + 1, taken, out, limit);
                taken.pop();
            }
        }
    }
    let mut out = Vec::new();
    go(values, sorts, 0, &mut Vec::new(), &mut out, limit);
    out
}

/// A row with fewer cells than `width`: its values placed where their sort fits, the
/// rest left empty (unknown), and said; where more than one place fits, in order, and
/// flagged for a person to check.
fn place_short(
    values: &[Option<Printed>],
    sorts: &[Option<Sort>],
    label: &str,
) -> (Vec<Option<Printed>>, String) {
    let width = sorts.len();
    let present: Vec<&Printed> = values.iter().flatten().collect();
    let kinds: Vec<Sort> = present.iter().map(|p| sort_of(p)).collect();
    let ways = placements(&kinds, sorts, 2);
    let mut placed = vec![None; width];
    let note = match ways.as_slice() {
        [only] => {
            for (value, &column) in present.iter().zip(only) {
                placed[column] = Some((*value).clone());
            }
            format!(
                "row \"{label}\" has {} of {width} cells: the text has no mark for the empty ones, so the figures are placed by their kind; check them",
                present.len()
            )
        }
        _ => {
            for (column, value) in present.iter().enumerate() {
                placed[column] = Some((*value).clone());
            }
            format!(
                "row \"{label}\" has {} of {width} cells and which are empty cannot be told: placed from the left, check them",
                present.len()
            )
        }
    };
    (placed, note)
}

/// Rows keyed by year: values only, each row starting with a year (`2019 12 45% €
/// 12.500`), one cell to a line or a row to a line.
fn year_grid(lines: &[String], segments: &[Segment], at: usize, floor: usize) -> Option<(Grid, usize)> {
    let segment = &segments[at];
    let values = &segment.values;
    let is_year = |i: usize| {
        values
            .get(i)
            .and_then(|(_, v)| v.as_ref())
            .is_some_and(|p| is_year_word(&p.text))
    };
    let starts: Vec<usize> = (0..values.len()).filter(|&i| is_year(i)).collect();
    if starts.first() != Some(&0) || starts.len() < 2 {
        return None;
    }
    let years: Vec<u32> = starts
        .iter()
        .filter_map(|&i| values[i].1.as_ref()?.figure().parse().ok())
        .collect();
    if years.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(values.len()))
        .collect();
    let sizes: Vec<usize> = starts.iter().zip(&ends).map(|(s, e)| e - s).collect();
    let period = usual_cells(&sizes);
    let full = sizes.iter().filter(|&&s| s == period).count();
    if period < 2 || full < 2 || sizes.iter().any(|&s| s < 2 || s > period) {
        return None;
    }
    let cells = |i: usize| -> Vec<Option<Printed>> {
        values[starts[i] + 1..ends[i]]
            .iter()
            .map(|(_, v)| v.clone())
            .collect()
    };
    let full_rows: Vec<Vec<Option<Printed>>> = (0..starts.len())
        .filter(|&i| sizes[i] == period)
        .map(cells)
        .collect();
    let sorts = column_sorts(
        &full_rows.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        period - 1,
    );
    let rows: Vec<GridRow> = (0..starts.len())
        .map(|i| {
            let year = values[starts[i]]
                .1
                .as_ref()
                .map(|p| p.text.clone())
                .unwrap_or_default();
            let mut rest = cells(i);
            let mut note = None;
            if rest.len() < period - 1 {
                let (placed, said) = place_short(&rest, &sorts, &year);
                rest = placed;
                note = Some(said);
            }
            GridRow {
                first: values[starts[i]].0,
                last: values[ends[i] - 1].0,
                code: None,
                printed: printed_row(std::slice::from_ref(&year), &rest),
                cells: vec![year],
                values: rest,
                note,
            }
        })
        .collect();
    let mut next = at + 1;
    let total = segments.get(at + 1).and_then(|s| {
        let cells = label_cells(s);
        let label = cells
            .iter()
            .map(|(_, c)| c.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        (is_total_label(&label) && (1..period).contains(&s.values.len())).then(|| {
            let mut row = row_from(s, &cells, false);
            if row.values.len() < period - 1 {
                let (placed, said) = place_short(&row.values, &sorts, &label);
                row.values = placed;
                row.note = Some(said);
            }
            row
        })
    });
    if total.is_some() {
        next += 1;
    }
    let first = rows.first()?.first;
    let grid = finish(lines, floor, first, Key::Year, rows, total);
    Some((grid, next))
}

/// Rows keyed by a label (and a code): consecutive segments with the same count of values.
fn label_grid(lines: &[String], segments: &[Segment], at: usize, floor: usize) -> Option<(Grid, usize)> {
    let k = segments[at].values.len();
    if k == 0 || k > MOST_VALUES {
        return None;
    }
    let mut end = at + 1;
    let mut total = None;
    while end < segments.len() {
        let cells = label_cells(&segments[end]);
        if !row_like(&segments[end], k, &cells) {
            break;
        }
        end += 1;
        let label = cells
            .iter()
            .map(|(_, c)| c.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if is_total_label(&label) {
            total = Some(end - 1);
            break;
        }
    }
    let data_end = total.unwrap_or(end);
    if data_end - at < 2 {
        return None;
    }
    let later: Vec<Vec<(usize, String)>> = (at + 1..data_end).map(|s| label_cells(&segments[s])).collect();
    let coded = later
        .iter()
        .filter(|c| c.first().is_some_and(|(_, t)| code_of(t).is_some()))
        .count()
        * 2
        > later.len();
    // The first row's label: from its code, or as many cells as the other rows have.
    let first_cells = label_cells(&segments[at]);
    let take = if coded {
        first_cells
            .iter()
            .rposition(|(_, t)| code_of(t).is_some())
            .map(|p| first_cells.len() - p)
    } else {
        None
    }
    .unwrap_or_else(|| usual_cells(&later.iter().map(Vec::len).collect::<Vec<_>>()).min(first_cells.len()));
    let first_label = &first_cells[first_cells.len().saturating_sub(take)..];
    if first_label.is_empty() || !row_like(&segments[at], k, first_label) {
        return None;
    }
    let mut rows = vec![row_from(&segments[at], first_label, coded)];
    rows.extend(
        (at + 1..data_end)
            .zip(&later)
            .map(|(s, cells)| row_from(&segments[s], cells, coded)),
    );
    let total_row = total.map(|s| row_from(&segments[s], &label_cells(&segments[s]), false));
    let first = rows.first()?.first.max(floor);
    Some((
        finish(lines, floor, first, Key::Label { coded }, rows, total_row),
        end,
    ))
}

/// The sentence that ends at line `last`, back to where the one before it ends (or the
/// item starts), of at most about 240 characters however its lines were broken.
fn caption_sentence(lines: &[String], floor: usize, last: usize) -> String {
    let mut first = last;
    let mut length = lines[last].trim().len();
    while first > floor && length < 240 {
        let before = lines[first - 1].trim();
        if before.is_empty() || before.ends_with(['.', ':', '?', '!', ';']) {
            break;
        }
        length += before.len() + 1;
        first -= 1;
    }
    (first..=last)
        .map(|i| lines[i].trim())
        .fold(String::new(), |text, line| {
            if text.is_empty() {
                line.to_string()
            } else {
                super::text::join_broken(&text, line)
            }
        })
}

/// The header above the first row (back to the last sentence, at most twelve lines), the
/// footnotes under the rows, and the lines the table takes.
fn finish(
    lines: &[String],
    floor: usize,
    first: usize,
    key: Key,
    rows: Vec<GridRow>,
    total: Option<GridRow>,
) -> Grid {
    let mut start = first;
    let mut taken = 0;
    let mut caption = None;
    while start > floor && taken < 12 {
        let line = lines[start - 1].trim();
        if !line.is_empty() && is_prose(line) {
            // `De stand van de trajecten op 30/09/2021:` introduces the table; the
            // sentence may have been broken over lines.
            caption = line
                .ends_with(':')
                .then(|| caption_sentence(lines, floor, start - 1));
            break;
        }
        start -= 1;
        taken += usize::from(!line.is_empty());
    }
    while start < first && lines[start].trim().is_empty() {
        start += 1;
    }
    let header_cells: Vec<String> = cells_of(
        (start..first)
            .filter(|&i| !lines[i].trim().is_empty())
            .map(|i| (i, lines[i].as_str())),
    )
    .into_iter()
    .map(|(_, c)| c)
    .collect();
    // The footnotes under the rows are read, but stay text of the answer.
    let last = total.as_ref().or(rows.last()).map_or(first, |r| r.last) + 1;
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut index = last;
    while index < lines.len() {
        let line = lines[index].trim();
        if line.is_empty() {
            index += 1;
            continue;
        }
        match line.strip_prefix('*') {
            Some(body) if !body.starts_with('*') => {
                footnotes.push(Footnote {
                    mark: "*".into(),
                    text: body.trim().to_string(),
                });
                index += 1;
            }
            _ => break,
        }
    }
    Grid {
        lines: (start, last),
        caption,
        header_cells,
        key,
        rows,
        total,
        footnotes,
    }
}

#[cfg(test)]
mod tests;
