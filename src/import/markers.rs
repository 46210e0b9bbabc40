//! The labels that start sub-questions and answer items at the start of a line: `1.`,
//! `b)`, `1. a)`, and the combined ones of answers, `1-2.`, `1. a-c)`, `8, 9.`.

/// A label at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The numbers it names: one, or several for a combined item.
    pub numbers: Vec<u32>,
    /// The letters it names, within its number or the current one.
    pub letters: Vec<char>,
    /// The label as printed, spaces tidied: `1. a-c)`.
    pub printed: String,
    /// The byte position in the line where the item's own text starts.
    pub rest_at: usize,
}

impl Marker {
    /// The text after the label.
    pub fn rest<'a>(&self, line: &'a str) -> &'a str {
        line.get(self.rest_at..).unwrap_or("").trim()
    }
}

/// A small cursor over the characters of a line.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..)?.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let ch = self.peek()?;
        self.at += ch.len_utf8();
        Some(ch)
    }

    fn spaces(&mut self) {
        while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
            self.bump();
        }
    }

    /// A number of one to three digits.
    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
        let digits = self.text.get(start..self.at)?;
        if digits.is_empty() || digits.len() > 3 {
            self.at = start;
            return None;
        }
        digits.parse().ok()
    }

    /// A lower-case letter a to z.
    fn letter(&mut self) -> Option<char> {
        match self.peek() {
            Some(c) if c.is_ascii_lowercase() => {
                self.bump();
                Some(c)
            }
            _ => None,
        }
    }

    /// What may follow a label: a space, the end, or (printed without a space) a capital
    /// or a letter of the item's text; not a digit, which makes `1.3` or `1.12.2022`.
    fn label_ends(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) => {
                c == ' ' || c == '\t' || c.is_alphabetic() || c == '(' || c == '“' || c == '‘' || c == '"'
            }
        }
    }
}

/// Reads the numbers of `1`, `1-2`, `8, 9`.
fn numbers(scan: &mut Scan<'_>) -> Option<Vec<u32>> {
    let first = scan.number()?;
    let mut numbers = vec![first];
    loop {
        let save = scan.at;
        match scan.peek() {
            Some('-' | '–') => {
                scan.bump();
                let Some(last) = scan.number() else {
                    scan.at = save;
                    break;
                };
                if last <= first || last - first > 20 {
                    return None;
                }
                numbers.extend(first + 1..=last);
            }
            Some(',') => {
                scan.bump();
                scan.spaces();
                let Some(next) = scan.number() else {
                    scan.at = save;
                    break;
                };
                if numbers.last().is_some_and(|&n| next <= n) {
                    return None;
                }
                numbers.push(next);
            }
            _ => break,
        }
    }
    Some(numbers)
}

/// Reads the letters of `a)` or `a-c)`, with the closing parenthesis.
fn letters(scan: &mut Scan<'_>) -> Option<Vec<char>> {
    let first = scan.letter()?;
    let mut letters = vec![first];
    if matches!(scan.peek(), Some('-' | '–')) {
        scan.bump();
        let last = scan.letter()?;
        if last <= first {
            return None;
        }
        letters = (first..=last).collect();
    }
    (scan.bump() == Some(')')).then_some(letters)
}

/// The label at the start of `line`, if it starts with one.
pub fn marker(line: &str) -> Option<Marker> {
    let mut scan = Scan { text: line, at: 0 };
    scan.spaces();
    let start = scan.at;
    let mut found_numbers = Vec::new();
    if scan.peek().is_some_and(|c| c.is_ascii_digit()) {
        found_numbers = numbers(&mut scan)?;
        if scan.bump() != Some('.') || !scan.label_ends() {
            return None;
        }
    }
    let after_numbers = scan.at;
    scan.spaces();
    let mut found_letters = Vec::new();
    let save = scan.at;
    match letters(&mut scan) {
        Some(letters) if scan.label_ends() => found_letters = letters,
        _ => scan.at = save,
    }
    if found_numbers.is_empty() && found_letters.is_empty() {
        return None;
    }
    let end = if found_letters.is_empty() {
        after_numbers
    } else {
        scan.at
    };
    let printed = super::text::collapse_spaces(line.get(start..end)?.trim());
    Some(Marker {
        numbers: found_numbers,
        letters: found_letters,
        printed,
        rest_at: end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Vec<u32>, String, String, String)> {
        marker(line).map(|m| {
            let letters: String = m.letters.iter().collect();
            (
                m.numbers.clone(),
                letters,
                m.printed.clone(),
                m.rest(line).to_string(),
            )
        })
    }

    #[test]
    fn labels_of_questions_and_answers_are_read() {
        let n = |v: &[u32]| v.to_vec();
        assert_eq!(
            read("1. a) Voor het"),
            Some((n(&[1]), "a".into(), "1. a)".into(), "Voor het".into()))
        );
        assert_eq!(
            read("b) In hoeveel"),
            Some((n(&[]), "b".into(), "b)".into(), "In hoeveel".into()))
        );
        assert_eq!(
            read("3. Deze deelvraag"),
            Some((n(&[3]), "".into(), "3.".into(), "Deze deelvraag".into()))
        );
        assert_eq!(
            read(" 1. Hiervoor"),
            Some((n(&[1]), "".into(), "1.".into(), "Hiervoor".into()))
        );
        assert_eq!(
            read("1-2.Via het"),
            Some((n(&[1, 2]), "".into(), "1-2.".into(), "Via het".into()))
        );
        assert_eq!(
            read("1. a-c)Ik verwijs"),
            Some((n(&[1]), "abc".into(), "1. a-c)".into(), "Ik verwijs".into()))
        );
        assert_eq!(
            read("8, 9. Beide"),
            Some((n(&[8, 9]), "".into(), "8, 9.".into(), "Beide".into()))
        );
        assert_eq!(read("4."), Some((n(&[4]), "".into(), "4.".into(), "".into())));
        assert_eq!(
            read("4. de vzw zal"),
            Some((n(&[4]), "".into(), "4.".into(), "de vzw zal".into()))
        );
    }

    #[test]
    fn dates_amounts_and_sentences_are_not_labels() {
        for line in [
            "1.12.2022 is een datum",
            "1.3 Wie behoort",
            "2016 waarna een tweede",
            "15 januari 2018",
            "(zie boven, vraag 6)",
            "Kan de minister",
            "2.070.992,75 0*",
            "1234. te lang",
        ] {
            let found = marker(line);
            assert!(found.is_none(), "{line:?} read as {found:?}");
        }
        // "5. 551.323,14" has the shape of a label: the reader warns about it.
        assert_eq!(read("5. 551.323,14 euro").map(|r| r.0), Some(vec![5]));
    }
}
