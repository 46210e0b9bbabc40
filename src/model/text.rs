//! Text compared as a reader compares it: case and accents aside.

use std::ops::Range;

use unicode_normalization::char::decompose_canonical;

/// Lower case without accents, one character for one, so that positions in the folded
/// text are positions in the original: `Monitoringcomité` → `monitoringcomite`,
/// `Şahin` → `sahin`, `Čapek` → `capek`, `Søren` → `soren`.
pub fn fold_char(ch: char) -> char {
    // Most text is ASCII, and the search folds all of it when a dossier opens.
    if ch.is_ascii() {
        return ch.to_ascii_lowercase();
    }
    let lower = ch.to_lowercase().next().unwrap_or(ch);
    match lower {
        // Letters with a stroke have no decomposition.
        'ø' => 'o',
        'đ' => 'd',
        'ł' => 'l',
        'ı' => 'i',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        other => base_letter(other),
    }
}

/// The letter a character is made from, without its marks: the first character of its
/// canonical decomposition (é is e and an acute accent).
fn base_letter(ch: char) -> char {
    let mut base = None;
    decompose_canonical(ch, |part| {
        base.get_or_insert(part);
    });
    base.unwrap_or(ch)
}

/// Appends `text` folded (see [`fold_char`]) to `folded`; runs of ASCII, most of any
/// text, are copied and lowered at once.
pub fn fold_into(folded: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|byte| !byte.is_ascii())
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(ascii);
        let start = folded.len();
        folded.push_str(run);
        if let Some(added) = folded.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(ch) = chars.next() {
            folded.push(fold_char(ch));
        }
        rest = chars.as_str();
    }
}

pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(&mut folded, text);
    folded
}

/// The byte ranges of `text` where `query` stands, case and accents aside.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().map(fold_char).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().map(|(at, ch)| (at, fold_char(ch))).collect();
    let mut ranges = Vec::new();
    let mut start = 0;
    while start + needle.len() <= chars.len() {
        let found = chars[start..start + needle.len()]
            .iter()
            .map(|(_, ch)| *ch)
            .eq(needle.iter().copied());
        if found {
            let from = chars[start].0;
            let to = chars.get(start + needle.len()).map_or(text.len(), |(at, _)| *at);
            ranges.push(from..to);
            start += needle.len();
        } else {
            start += 1;
        }
    }
    ranges
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        #[test]
        fn folding_in_runs_is_folding_one_character_at_a_time(text in "\\PC{0,40}", ascii in "[ -~]{0,40}") {
            for text in [text.clone(), format!("{ascii}{text}{ascii}")] {
                let one_by_one: String = text.chars().map(fold_char).collect();
                proptest::prop_assert_eq!(fold(&text), one_by_one);
            }
        }
    }
    use super::*;

    #[test]
    fn accents_of_every_kind_fold_away() {
        assert_eq!(fold("Monitoringcomité"), "monitoringcomite");
        assert_eq!(
            fold("Şahin Čapek Søren Łódź Ñandú"),
            "sahin capek soren lodz nandu"
        );
        assert_eq!(fold("“Één” – ‘twee’"), "\"een\" - 'twee'");
        let text = "De Ministerraad van Çağlayan";
        for (original, folded) in text.chars().zip(fold(text).chars()) {
            assert_eq!(fold_char(original), folded, "one character for one");
        }
    }

    #[test]
    fn a_match_is_found_where_it_stands_in_the_original() {
        let text = "Het Monitoringcomité en het monitoringcomite";
        let ranges = match_ranges(text, "MONITORINGCOMITÉ");
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[0].clone()], "Monitoringcomité");
    }
}
