//! Euro amounts as exact decimals, never floating point.
//!
//! Amounts are shown in Belgian notation (`1.358.559,42`: dots group thousands, the comma
//! separates the cents). They are read from what people type and what sources print:
//!
//! | input | read as | why |
//! |---|---|---|
//! | `1.358.559,42`, `€ 158.345,56` | 1358559,42 / 158345,56 | Belgian notation |
//! | `1358559,42` | 1358559,42 | a comma is always the decimal separator |
//! | `1358559.42` | 1358559,42 | a single dot with two digits after it can only be cents |
//! | `1.358.559` | 1358559 | several dots can only group thousands |
//! | `150.000`, `€ 50.000` | 150000 / 50000 | a single dot followed by `000`: as a decimal point it would add nothing, so it groups thousands |
//! | `1.234` | refused, [`MoneyError::Ambiguous`] | 1.234,00 or 1,234: both are possible, so the user is asked |
//! | `38.0` | refused, [`MoneyError::LoneDecimal`] | a dot with one digit is neither cents nor a group of three: write `38,00` |
//! | `5. 551.323,14` | refused, [`MoneyError::SpaceInside`] | a space inside a number (here a list number glued to an amount) |
//! | `12,3,4`, `abc`, `1,234.56` | refused | malformed |
//!
//! Money has at most two decimals and at most 15 digits before them, so sums of any
//! realistic number of rows stay far inside `Decimal`'s range.
//!
//! Where the notation is known to be Belgian (a source text whose other amounts use the
//! decimal comma), [`Money::parse_belgian`] reads every dot as a thousands separator.
//! Files store amounts plainly (`"1358559.42"`), read by [`Money::parse_plain`].

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most digits an amount may have before its decimals (up to 999 trillion euro).
pub const MAX_INTEGER_DIGITS: usize = 15;

/// An amount of euro, exact to the cent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// Why a text is not an amount. Each message says what to write instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("no amount given")]
    Empty,
    #[error("'{0}' does not belong in an amount")]
    InvalidCharacter(char),
    #[error("an amount cannot have a space inside it; if '{head}' is a list number, leave it out")]
    SpaceInside { head: String },
    #[error("{0}")]
    Malformed(&'static str),
    #[error("an amount has at most two decimals (cents)")]
    TooManyDecimals,
    #[error("an amount has at most {MAX_INTEGER_DIGITS} digits before the decimals")]
    TooLarge,
    #[error(
        "'{input}' could be {} (dot as thousands separator) or {} (dot as decimal point): write it with a decimal comma, like {}",
        format_decimal(*as_thousands, 2),
        format_decimal(*as_decimal, 3),
        format_decimal(*as_thousands, 2)
    )]
    Ambiguous {
        input: String,
        as_thousands: Decimal,
        as_decimal: Decimal,
    },
    #[error(
        "'{input}' is unclear: a dot followed by one digit is neither cents nor a group of thousands; write {} if that is meant",
        format_decimal(*as_decimal, 2)
    )]
    LoneDecimal { input: String, as_decimal: Decimal },
    #[error("amounts in a dossier file are written plainly, like \"1358559.42\"")]
    NotPlain,
}

/// How a single dot without a comma is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DotRule {
    /// The rules in the module documentation: refuse what could be read two ways.
    Careful,
    /// The text is known to be in Belgian notation: a dot always groups thousands.
    Belgian,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// An amount from a decimal, refused if it has more than two decimals or is too large.
    pub fn new(amount: Decimal) -> Result<Money, MoneyError> {
        if amount.normalize().scale() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        let whole_digits = amount.abs().trunc().normalize().to_string().len();
        if whole_digits > MAX_INTEGER_DIGITS {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(amount))
    }

    /// Whole euro, for literals in code and tests.
    pub fn from_euro(euro: i64) -> Money {
        Money(Decimal::from(euro))
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Reads what a person typed or a source printed, by the rules of the module docs.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        parse_with(input, DotRule::Careful)
    }

    /// Reads a text known to be in Belgian notation: every dot groups thousands.
    pub fn parse_belgian(input: &str) -> Result<Money, MoneyError> {
        parse_with(input, DotRule::Belgian)
    }

    /// Reads the plain notation of dossier files: `-1358559.42`, no grouping.
    pub fn parse_plain(input: &str) -> Result<Money, MoneyError> {
        let digits = input.strip_prefix('-').unwrap_or(input);
        let (whole, cents) = match digits.split_once('.') {
            Some((whole, cents)) => (whole, Some(cents)),
            None => (digits, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || cents.is_some_and(|c| !all_digits(c)) {
            return Err(MoneyError::NotPlain);
        }
        if cents.is_some_and(|c| c.len() > 2) {
            return Err(MoneyError::TooManyDecimals);
        }
        if whole.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
            return Err(MoneyError::TooLarge);
        }
        Decimal::from_str(input)
            .map(Money)
            .map_err(|_| MoneyError::NotPlain)
    }

    /// `1.358.559,42`: always two decimals.
    pub fn to_belgian(self) -> String {
        format_decimal(self.0, 2)
    }

    /// `1358559.42`, as written in files; keeps the scale it was read with.
    pub fn to_plain(self) -> String {
        self.0.to_string()
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// The exact sum, or `None` if it would leave `Decimal`'s range.
    pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, amount| total.checked_add(amount))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_belgian())
    }
}

/// Formats a decimal in Belgian notation, rounded half away from zero to `decimals`.
pub fn format_decimal(value: Decimal, decimals: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    let plain = rounded.abs().to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 2);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// What a number field says before the reason it cannot read the input.
pub const NOT_A_NUMBER: &str = "not a number";

/// Reads a number other than money (a percentage, a count) by the same rules as
/// amounts, with up to `max_decimals` decimals.
pub fn parse_number(input: &str, max_decimals: usize) -> Result<Decimal, MoneyError> {
    parse_decimal(input, DotRule::Careful, max_decimals)
}

fn parse_with(input: &str, dots: DotRule) -> Result<Money, MoneyError> {
    parse_decimal(input, dots, 2).map(Money)
}

fn parse_decimal(input: &str, dots: DotRule, max_decimals: usize) -> Result<Decimal, MoneyError> {
    let (negative, body) = strip_sign_and_currency(input)?;
    if body.is_empty() {
        return Err(MoneyError::Empty);
    }
    if let Some(space) = body.find(char::is_whitespace) {
        return Err(MoneyError::SpaceInside {
            head: body[..space].to_string(),
        });
    }
    if let Some(other) = body.chars().find(|c| !matches!(c, '0'..='9' | '.' | ',')) {
        return Err(MoneyError::InvalidCharacter(other));
    }
    let (whole, cents) = match body.split_once(',') {
        None => (body, None),
        Some((_, rest)) if rest.contains(',') => {
            return Err(MoneyError::Malformed("an amount has at most one decimal comma"));
        }
        Some((_, rest)) if rest.contains('.') => {
            return Err(MoneyError::Malformed(
                "a dot after the decimal comma: write 1.234,56 (Belgian) or 1234.56",
            ));
        }
        Some((whole, rest)) => (whole, Some(rest)),
    };
    let (whole, cents) = match cents {
        Some(cents) => (ungroup(whole)?, cents.to_string()),
        None => read_dots(body, whole, dots)?,
    };
    if cents.len() > max_decimals {
        return Err(MoneyError::TooManyDecimals);
    }
    if cents.is_empty() && body.ends_with([',', '.']) {
        return Err(MoneyError::Malformed("no digits after the decimal separator"));
    }
    let whole = if whole.is_empty() { "0".to_string() } else { whole };
    if whole.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
        return Err(MoneyError::TooLarge);
    }
    let text = match (negative, cents.is_empty()) {
        (false, true) => whole,
        (false, false) => format!("{whole}.{cents}"),
        (true, true) => format!("-{whole}"),
        (true, false) => format!("-{whole}.{cents}"),
    };
    Decimal::from_str(&text).map_err(|_| MoneyError::Malformed("not a number"))
}

/// Splits a text without a decimal comma into whole euro and cents.
fn read_dots(input: &str, whole: &str, dots: DotRule) -> Result<(String, String), MoneyError> {
    let dot_count = whole.matches('.').count();
    if dot_count != 1 || dots == DotRule::Belgian {
        return Ok((ungroup(whole)?, String::new()));
    }
    let (head, tail) = whole.split_once('.').unwrap_or((whole, ""));
    let as_decimal = || Decimal::from_str(&format!("{}.{tail}", if head.is_empty() { "0" } else { head }));
    match tail.len() {
        2 => Ok((head.to_string(), tail.to_string())),
        3 if tail == "000" => Ok((ungroup(whole)?, String::new())),
        3 => match (ungroup(whole), as_decimal()) {
            (Ok(grouped), Ok(as_decimal)) => Err(MoneyError::Ambiguous {
                input: input.to_string(),
                as_thousands: Decimal::from_str(&grouped).unwrap_or_default(),
                as_decimal,
            }),
            (Err(error), _) => Err(error),
            (_, Err(_)) => Err(MoneyError::Malformed("not a number")),
        },
        1 => match as_decimal() {
            Ok(as_decimal) => Err(MoneyError::LoneDecimal {
                input: input.to_string(),
                as_decimal,
            }),
            Err(_) => Err(MoneyError::Malformed("not a number")),
        },
        0 => Err(MoneyError::Malformed("no digits after the dot")),
        _ => Err(MoneyError::Malformed(
            "a dot followed by more than three digits is neither cents nor a group of thousands",
        )),
    }
}

/// Removes the thousands dots of a whole number, checking that groups come in threes.
fn ungroup(whole: &str) -> Result<String, MoneyError> {
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or("");
    if whole.contains('.') && (first.is_empty() || first.len() > 3) {
        return Err(MoneyError::Malformed(
            "thousands are grouped in threes: 1.358.559,42",
        ));
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return Err(MoneyError::Malformed(
                "thousands are grouped in threes: 1.358.559,42",
            ));
        }
        digits.push_str(group);
    }
    Ok(digits)
}

/// Strips a leading minus sign and a euro sign or word on either side.
fn strip_sign_and_currency(input: &str) -> Result<(bool, &str), MoneyError> {
    let mut text = input.trim();
    let mut negative = false;
    loop {
        let before = text;
        if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
            if negative {
                return Err(MoneyError::Malformed("two minus signs"));
            }
            negative = true;
            text = rest.trim_start();
        }
        text = strip_unit(text);
        if text == before {
            return Ok((negative, text));
        }
    }
}

fn strip_unit(text: &str) -> &str {
    let mut text = text.trim();
    if let Some(rest) = text.strip_prefix('€') {
        text = rest.trim_start();
    }
    if let Some(rest) = text.strip_suffix('€') {
        text = rest.trim_end();
    }
    for word in ["euro", "eur"] {
        let length = text.len();
        if length > word.len()
            && text.is_char_boundary(length - word.len())
            && text[length - word.len()..].eq_ignore_ascii_case(word)
        {
            text = text[..length - word.len()].trim_end();
            break;
        }
        if length > word.len()
            && text.is_char_boundary(word.len())
            && text[..word.len()].eq_ignore_ascii_case(word)
            && text[word.len()..].starts_with(char::is_whitespace)
        {
            text = text[word.len()..].trim_start();
            break;
        }
    }
    text
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(input: &str) -> Result<Money, MoneyError> {
        Money::parse(input)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        deserializer.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

impl serde::de::Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount written plainly in quotes, like \"1358559.42\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Money, E> {
        Money::parse_plain(text).map_err(|error| E::custom(format!("invalid amount \"{text}\": {error}")))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Money, E> {
        Money::new(Decimal::from(value))
            .map_err(|error| E::custom(format!("invalid amount {value}: {error}")))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Money, E> {
        Money::new(Decimal::from(value))
            .map_err(|error| E::custom(format!("invalid amount {value}: {error}")))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Money, E> {
        Err(E::custom(format!(
            "the amount {value} is written as a bare number with decimals; write it in quotes, like \"{value}\", so no cent is lost"
        )))
    }
}

/// Serde for exact decimals other than money (indicator values, thresholds): written as a
/// string, read from a string or a whole number, never from a floating-point number.
pub mod decimal_text {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }

    struct DecimalVisitor;

    impl serde::de::Visitor<'_> for DecimalVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number in quotes, like \"78.75\"")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
            let plain = text.strip_prefix('-').unwrap_or(text);
            let valid = !plain.is_empty()
                && !plain.starts_with('.')
                && !plain.ends_with('.')
                && plain.bytes().filter(|b| *b == b'.').count() <= 1
                && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if !valid {
                return Err(E::custom(format!(
                    "invalid number \"{text}\": numbers in a dossier file are written plainly, like \"78.75\""
                )));
            }
            Decimal::from_str(text).map_err(|error| E::custom(format!("invalid number \"{text}\": {error}")))
        }

        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(value))
        }

        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(value))
        }

        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Decimal, E> {
            Err(E::custom(format!(
                "the number {value} is written as a bare number with decimals; write it in quotes, like \"{value}\""
            )))
        }
    }

    /// The same for an optional decimal (`null` when unknown).
    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(value) => serializer.serialize_str(&value.to_string()),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapped(#[serde(with = "super")] Decimal);
            Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
        }
    }
}

/// A number as a spreadsheet set to Dutch (Belgium) reads it, and as it is typed back: a
/// decimal comma, no thousands separator, the decimals the value holds (an amount keeps
/// its cents; normalize first to drop trailing zeros).
pub fn spreadsheet_number(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Decimal {
        match Money::parse(text) {
            Ok(money) => money.amount(),
            Err(error) => panic!("{text:?} should parse: {error}"),
        }
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn reads_belgian_and_plain_notation() {
        assert_eq!(money("1.358.559,42"), dec("1358559.42"));
        assert_eq!(money("1358559,42"), dec("1358559.42"));
        assert_eq!(money("1358559.42"), dec("1358559.42"));
        assert_eq!(money("€ 50.000"), dec("50000"));
        assert_eq!(money("€ 158.345,56"), dec("158345.56"));
        assert_eq!(money("150.000"), dec("150000"));
        assert_eq!(money("1.358.559"), dec("1358559"));
        assert_eq!(money("249.000 euro"), dec("249000"));
        assert_eq!(money("  -1.234,50 EUR "), dec("-1234.50"));
        assert_eq!(money("€ -7,5"), dec("-7.5"));
        assert_eq!(money("0"), dec("0"));
        assert_eq!(money(",50"), dec("0.50"));
    }

    #[test]
    fn refuses_what_could_mean_two_amounts() {
        match Money::parse("1.234") {
            Err(MoneyError::Ambiguous {
                as_thousands,
                as_decimal,
                ..
            }) => {
                assert_eq!(as_thousands, dec("1234"));
                assert_eq!(as_decimal, dec("1.234"));
            }
            other => panic!("1.234 must be ambiguous, got {other:?}"),
        }
        let message = Money::parse("1.234").unwrap_err().to_string();
        assert!(
            message.contains("1.234,00") && message.contains("1,234"),
            "{message}"
        );
        assert!(matches!(
            Money::parse("38.0"),
            Err(MoneyError::LoneDecimal { .. })
        ));
        assert!(Money::parse("38.0").unwrap_err().to_string().contains("38,00"));
        match Money::parse("5. 551.323,14") {
            Err(MoneyError::SpaceInside { head }) => assert_eq!(head, "5."),
            other => panic!("expected a space error, got {other:?}"),
        }
    }

    #[test]
    fn refuses_malformed_input_with_a_reason() {
        for bad in [
            "12,3,4",
            "abc",
            "1,234.56",
            "12.34.5",
            "1.2345",
            "12,345",
            "",
            "€",
            "--5",
            "1.",
            "1,",
            "767.010?64",
            "0*",
        ] {
            let error = Money::parse(bad).expect_err(bad);
            assert!(!error.to_string().is_empty());
        }
        assert_eq!(Money::parse("abc"), Err(MoneyError::InvalidCharacter('a')));
        assert_eq!(Money::parse("12,345"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::parse("1234567890123456"), Err(MoneyError::TooLarge));
        assert_eq!(money("123456789012345"), dec("123456789012345"));
    }

    #[test]
    fn belgian_mode_reads_every_dot_as_grouping() {
        assert_eq!(Money::parse_belgian("1.234").unwrap().amount(), dec("1234"));
        assert_eq!(
            Money::parse_belgian("767.010,64").unwrap().amount(),
            dec("767010.64")
        );
        assert!(Money::parse_belgian("38.0").is_err());
        assert!(Money::parse_belgian("1358559.42").is_err());
    }

    #[test]
    fn formats_in_belgian_notation() {
        assert_eq!(
            Money::parse_plain("1358559.42").unwrap().to_belgian(),
            "1.358.559,42"
        );
        assert_eq!(Money::from_euro(150_000).to_belgian(), "150.000,00");
        assert_eq!(Money::from_euro(0).to_belgian(), "0,00");
        assert_eq!(Money::parse_plain("-1234.5").unwrap().to_belgian(), "-1.234,50");
        assert_eq!(Money::parse_plain("999.99").unwrap().to_belgian(), "999,99");
        assert_eq!(format_decimal(dec("78.75"), 2), "78,75");
        assert_eq!(format_decimal(dec("0.733333"), 2), "0,73");
        assert_eq!(format_decimal(dec("-0.001"), 2), "0,00");
        assert_eq!(format_decimal(dec("1234567"), 0), "1.234.567");
    }

    #[test]
    fn plain_notation_round_trips_exactly() {
        for text in ["1358559.42", "150000", "1000000.00", "-0.05", "0"] {
            assert_eq!(Money::parse_plain(text).unwrap().to_plain(), text);
        }
        for bad in ["1.358.559,42", "1,5", "+5", "1.234", " 5", "1e3"] {
            assert!(Money::parse_plain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_formatted_amount_reads_back_to_itself() {
        for cents in [0_i64, 1, 99, 100, 123_456, 1_000_000, 135_855_942, -50_000_001] {
            let amount = Money::new(Decimal::new(cents, 2)).unwrap();
            assert_eq!(Money::parse(&amount.to_belgian()).unwrap(), amount, "{cents}");
        }
    }

    #[test]
    fn sums_are_exact() {
        let parts = ["0.10", "0.20", "0.30"].map(|p| Money::parse_plain(p).unwrap());
        assert_eq!(Money::sum(parts).unwrap(), Money::parse_plain("0.60").unwrap());
    }
}
