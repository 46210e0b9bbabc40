//! Find across the whole dossier: questions with their sub-questions and answers, events,
//! budget tables with their cells and sources, the board, the partners, the indicators
//! and the source texts. Case and accents aside, as the timeline's search.

use std::ops::Range;

use super::Dossier;
use super::ids::{
    ColumnId, EventId, IndicatorId, MemberId, OrganisationId, PartnerId, QuestionId, RowId, TableId,
};
use super::source::{SourceId, SourceRef};
use super::text::{fold, match_ranges};

/// Where a hit stands: what to show to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Question(QuestionId),
    Event(EventId),
    /// A table's title, description, column names or footnotes.
    Table(TableId),
    Cell {
        table: TableId,
        row: RowId,
        column: ColumnId,
    },
    /// A row's source quote.
    Row {
        table: TableId,
        row: RowId,
    },
    Organisation(OrganisationId),
    Member {
        organisation: OrganisationId,
        member: MemberId,
    },
    Partner {
        organisation: OrganisationId,
        partner: PartnerId,
    },
    Indicator(IndicatorId),
    /// A line of a source text that no part of the dossier quotes where it is shown.
    Source {
        document: SourceId,
        line: usize,
    },
}

/// One field that holds the query: where it is, the words around the first match, and
/// where in those words the match stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub found: Found,
    pub excerpt: String,
    pub matched: Range<usize>,
}

/// What a search found: the first hits, and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// How many characters of context an excerpt shows on each side of the match.
const CONTEXT: usize = 40;

/// Every field of the dossier that holds `query`, in the order of the tabs; the first
/// `most` kept, all counted. An empty query finds nothing.
pub fn find(dossier: &Dossier, query: &str, most: usize) -> Hits {
    let needle = fold(query.trim());
    let mut hits = Hits::default();
    if needle.is_empty() {
        return hits;
    }
    let mut look = |found: Found, text: &str| {
        // Folding keeps one character for one, so a quick test on the folded text first.
        if !fold(text).contains(&needle) {
            return;
        }
        hits.total += 1;
        if hits.hits.len() < most
            && let Some(range) = match_ranges(text, query.trim()).into_iter().next()
        {
            let (excerpt, matched) = excerpt(text, range);
            hits.hits.push(Hit {
                found,
                excerpt,
                matched,
            });
        }
    };
    for question in &dossier.questions {
        let found = || Found::Question(question.id);
        for text in [&question.title, &question.questioner, &question.note]
            .into_iter()
            .flatten()
        {
            look(found(), text);
        }
        if let Some(name) = question.short_name() {
            look(found(), &name);
        }
        look(found(), &question.preamble);
        for sub in &question.sub_questions {
            look(found(), &sub.text);
        }
        for part in question.answer.iter().flat_map(|answer| &answer.parts) {
            look(found(), &part.text);
        }
    }
    for event in &dossier.events {
        for text in [Some(&event.title), event.note.as_ref()].into_iter().flatten() {
            look(Found::Event(event.id), text);
        }
        quotes(&mut look, &Found::Event(event.id), &event.sources);
    }
    for table in &dossier.budget_tables {
        let found = || Found::Table(table.id);
        look(found(), &table.title);
        look(found(), &table.description);
        for column in &table.columns {
            look(found(), &column.name);
        }
        for footnote in &table.footnotes {
            look(found(), &footnote.text);
        }
        for row in &table.rows {
            for (cell, column) in row.cells.iter().zip(&table.columns) {
                let cell_found = Found::Cell {
                    table: table.id,
                    row: row.id,
                    column: column.id,
                };
                look(cell_found.clone(), &cell.shown_text());
                if let Some(printed) = cell.printed() {
                    look(cell_found, printed);
                }
            }
            let row_found = Found::Row {
                table: table.id,
                row: row.id,
            };
            quotes(&mut look, &row_found, row.source.as_slice());
        }
    }
    for organisation in &dossier.organisations {
        let found = || Found::Organisation(organisation.id);
        look(found(), &organisation.name);
        for fact in [
            &organisation.purpose,
            &organisation.decision_rule,
            &organisation.board_selection,
        ]
        .into_iter()
        .flatten()
        {
            look(found(), &fact.value);
        }
        for member in &organisation.board {
            let member_found = || Found::Member {
                organisation: organisation.id,
                member: member.id,
            };
            look(member_found(), &member.name);
            if let Some(represents) = &member.represents {
                look(member_found(), represents);
            }
        }
        for partner in &organisation.partners {
            let partner_found = || Found::Partner {
                organisation: organisation.id,
                partner: partner.id,
            };
            look(partner_found(), &partner.full_name());
            if let Some(note) = &partner.note {
                look(partner_found(), note);
            }
        }
    }
    for indicator in &dossier.indicators {
        let found = || Found::Indicator(indicator.id);
        for text in [&indicator.engagement_type, &indicator.output, &indicator.unit] {
            look(found(), text);
        }
        if let Some(note) = &indicator.note {
            look(found(), note);
        }
    }
    for source in &dossier.sources {
        for (line, text) in source.text.0.split('\n').enumerate() {
            look(
                Found::Source {
                    document: source.id.clone(),
                    line,
                },
                text,
            );
        }
    }
    hits
}

/// The quotes of some source references, as hits on `found`.
fn quotes(look: &mut impl FnMut(Found, &str), found: &Found, sources: &[SourceRef]) {
    for quote in sources.iter().filter_map(|source| source.quote.as_ref()) {
        look(found.clone(), quote);
    }
}

/// The words around `range` of `text`, cut at spaces, with "…" where cut; and where the
/// match stands in them.
fn excerpt(text: &str, range: Range<usize>) -> (String, Range<usize>) {
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let before = &text[..range.start];
    let after = &text[range.end..];
    let start = before.char_indices().rev().nth(CONTEXT).map_or(0, |(at, _)| {
        before[at..].find(' ').map_or(at, |space| at + space + 1)
    });
    let end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(at, _)| after[..at].rfind(' ').unwrap_or(at));
    let mut excerpt = String::new();
    if start > 0 {
        excerpt.push('…');
    }
    excerpt.push_str(&flat(&before[start..]));
    let from = excerpt.len();
    excerpt.push_str(&flat(&text[range]));
    let to = excerpt.len();
    excerpt.push_str(&flat(&after[..end]));
    if end < after.len() {
        excerpt.push('…');
    }
    (excerpt, from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Dossier {
        crate::store::bundled().unwrap()
    }

    #[test]
    fn every_kind_of_part_is_found_case_and_accents_aside() {
        let dossier = bundled();
        let kinds = |query: &str| -> Vec<Found> {
            find(&dossier, query, 1000)
                .hits
                .into_iter()
                .map(|h| h.found)
                .collect()
        };
        assert!(
            kinds("MONITORINGCOMITE")
                .iter()
                .any(|f| matches!(f, Found::Question(_)))
        );
        assert!(kinds("Nedbox").iter().any(|f| matches!(f, Found::Cell { .. })));
        assert!(
            kinds("659.219,12")
                .iter()
                .any(|f| matches!(f, Found::Cell { .. }))
        );
        assert!(kinds("huseyin").iter().any(|f| matches!(f, Found::Member { .. })));
        assert!(kinds("workshop").iter().any(|f| matches!(f, Found::Indicator(_))));
        assert!(
            kinds("AMIF-projecten")
                .iter()
                .any(|f| matches!(f, Found::Table(_)))
        );
        assert!(find(&dossier, "  ", 10).hits.is_empty());
        assert_eq!(find(&dossier, "no such words anywhere", 10).total, 0);
    }

    #[test]
    fn a_hit_shows_its_words_with_the_match_marked() {
        let dossier = bundled();
        let found = find(&dossier, "monitoringcomité", 1000);
        assert!(found.total >= found.hits.len() && !found.hits.is_empty());
        for hit in &found.hits {
            assert_eq!(
                fold(&hit.excerpt[hit.matched.clone()]),
                "monitoringcomite",
                "{hit:?}"
            );
            assert!(hit.excerpt.chars().count() <= 2 * CONTEXT + 40, "{}", hit.excerpt);
        }
        let few = find(&dossier, "integratiepact", 3);
        assert_eq!(few.hits.len(), 3);
        assert!(few.total > 3, "all are counted");
    }

    #[test]
    fn an_excerpt_is_cut_at_spaces() {
        let text = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien";
        let at = text.find("negen").unwrap();
        let (excerpt, matched) = excerpt(text, at..at + 5);
        assert_eq!(&excerpt[matched], "negen");
        assert!(!excerpt.starts_with('…') || excerpt.chars().nth(1) != Some(' '));
    }
}
