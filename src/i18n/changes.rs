//! Changes and conflicts between versions of a dossier, in words: one line each,
//! under the heading of the part of the dossier they are in.

use crate::model::merge::{Change, ChangeKind, Shown, Step, Target};

use super::Texts;

/// The parts of a dossier a change can be in, in the order a diff lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Dossier,
    Settings,
    Questions,
    Events,
    Tables,
    Board,
    Indicators,
    Slides,
    Sources,
}

fn section_of(target: &Target) -> Section {
    match target {
        Target::Dossier => Section::Dossier,
        Target::Settings => Section::Settings,
        Target::Question(_) => Section::Questions,
        Target::Event(_) => Section::Events,
        Target::Table(_) | Target::Column { .. } | Target::Row { .. } | Target::Cell { .. } => {
            Section::Tables
        }
        Target::Organisation(_) | Target::Member { .. } | Target::Partner { .. } => Section::Board,
        Target::Indicator(_) | Target::Measurement { .. } => Section::Indicators,
        Target::Slide(_) => Section::Slides,
        Target::Source(_) => Section::Sources,
    }
}

impl Texts {
    fn section_name(&self, section: Section) -> &'static str {
        let words = self.merge;
        match section {
            Section::Dossier => words.section_dossier,
            Section::Settings => words.section_settings,
            Section::Questions => words.section_questions,
            Section::Events => words.section_events,
            Section::Tables => words.section_tables,
            Section::Board => words.section_board,
            Section::Indicators => words.section_indicators,
            Section::Slides => words.section_slides,
            Section::Sources => words.section_sources,
        }
    }

    /// Where a change or a conflict is: `AMIF-projecten › 320 › AMIF-middelen`.
    pub fn change_place(&self, target: &Target, names: &[String]) -> String {
        let name = |index: usize| names.get(index).map_or("", String::as_str);
        match target {
            Target::Dossier => self.merge.section_dossier.to_string(),
            Target::Settings => self.merge.section_settings.to_string(),
            Target::Column { .. } => self.merge.column_of(name(0), name(1)),
            Target::Row { .. } => self.merge.row_of(name(0), name(1)),
            _ => names.join(" › "),
        }
    }

    /// A field inside a part, in words: `sub-questions › 1.a › text`.
    pub fn field_path(&self, steps: &[Step]) -> String {
        steps
            .iter()
            .map(|step| match step {
                Step::Field(key) => self
                    .merge
                    .field_names
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or_else(|| key.replace('_', " "), |(_, word)| (*word).to_string()),
                Step::Item(label) => label.clone(),
            })
            .collect::<Vec<_>>()
            .join(" › ")
    }

    pub fn shown(&self, shown: &Shown) -> String {
        match shown {
            Shown::Empty => self.merge.empty.to_string(),
            Shown::Text(text) => text.clone(),
        }
    }

    /// One change as a line: `AMIF-projecten › 320 › AMIF-middelen: 659.219,12 → 659.219,13`.
    pub fn change_line(&self, change: &Change) -> String {
        let place = self.change_place(&change.target, &change.names);
        match &change.kind {
            ChangeKind::Added => self.merge.line_done(place, self.merge.added),
            ChangeKind::Removed => self.merge.line_done(place, self.merge.removed),
            ChangeKind::Moved => self.merge.line_done(place, self.merge.moved),
            ChangeKind::Changed { field, before, after } => {
                let place = if field.is_empty() {
                    place
                } else if matches!(change.target, Target::Dossier | Target::Settings) {
                    self.field_path(field)
                } else {
                    format!("{place} › {}", self.field_path(field))
                };
                self.merge
                    .line_changed(place, self.shown(before), self.shown(after))
            }
            ChangeKind::Total {
                column,
                before,
                after,
            } => {
                let place = self.merge.total_of(place, column);
                self.merge
                    .line_changed(place, self.shown(before), self.shown(after))
            }
        }
    }

    /// A fact of a listing (a change from nothing) as a line: `Q262 › title: …`.
    pub fn fact_line(&self, change: &Change) -> String {
        match &change.kind {
            ChangeKind::Changed { field, after, .. } => {
                let place = self.change_place(&change.target, &change.names);
                let place = if field.is_empty() {
                    place
                } else {
                    format!("{place} › {}", self.field_path(field))
                };
                format!("{place}: {}", self.shown(after))
            }
            _ => self.change_line(change),
        }
    }

    /// Changes under the headings of the parts they are in, as plain text; a line that
    /// says so when there are none.
    pub fn changes_text(&self, changes: &[Change]) -> String {
        if changes.is_empty() {
            return format!("{}\n", self.merge.no_differences);
        }
        let mut text = String::new();
        for (heading, lines) in self.changes_by_section(changes) {
            text.push_str(heading);
            text.push('\n');
            for line in lines {
                text.push_str("  ");
                text.push_str(&line);
                text.push('\n');
            }
        }
        text
    }

    /// Changes as lines under the heading of each part of the dossier, in the order of
    /// the parts; within one, in the order found.
    pub fn changes_by_section(&self, changes: &[Change]) -> Vec<(&'static str, Vec<String>)> {
        let mut sections: Vec<(Section, Vec<String>)> = Vec::new();
        for change in changes {
            let section = section_of(&change.target);
            let line = self.change_line(change);
            match sections.iter_mut().find(|(s, _)| *s == section) {
                Some((_, lines)) => lines.push(line),
                None => sections.push((section, vec![line])),
            }
        }
        sections.sort_by_key(|(section, _)| *section);
        sections
            .into_iter()
            .map(|(section, lines)| (self.section_name(section), lines))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{DUTCH, ENGLISH};
    use crate::model::ids::{ColumnId, RowId, TableId};
    use crate::model::merge::{Change, ChangeKind, Shown, Step, Target};

    #[test]
    fn a_cell_change_reads_as_a_path_with_both_values() {
        let change = Change {
            target: Target::Cell {
                table: TableId(62),
                row: RowId(50),
                column: ColumnId(48),
            },
            names: vec!["AMIF-projecten".into(), "320".into(), "AMIF-middelen".into()],
            kind: ChangeKind::Changed {
                field: Vec::new(),
                before: Shown::Text("659.219,12".into()),
                after: Shown::Text("659.219,13".into()),
            },
        };
        assert_eq!(
            ENGLISH.change_line(&change),
            "AMIF-projecten › 320 › AMIF-middelen: 659.219,12 → 659.219,13"
        );
        let field = Change {
            target: Target::Question(crate::model::ids::QuestionId(2)),
            names: vec!["Q262".into()],
            kind: ChangeKind::Changed {
                field: vec![
                    Step::Field("sub_questions".into()),
                    Step::Item("1.a".into()),
                    Step::Field("text".into()),
                ],
                before: Shown::Empty,
                after: Shown::Text("Hoeveel?".into()),
            },
        };
        assert_eq!(
            DUTCH.change_line(&field),
            "Q262 › deelvragen › 1.a › tekst: (leeg) → Hoeveel?"
        );
        assert_eq!(ENGLISH.changes_text(&[]), "No differences.\n");
        let text = DUTCH.changes_text(&[field, change]);
        assert!(text.starts_with("Vragen\n  Q262"), "{text}");
        assert!(text.contains("\nBudgettabellen\n  AMIF-projecten"), "{text}");
    }
}
