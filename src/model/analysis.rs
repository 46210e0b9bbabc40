//! What the timeline works out from the questions: answer deadlines, search, follow-up
//! threads and figures. Derived, never stored.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::Dossier;
use super::calendar::{WorkingDays, day_number};
use super::dossier::{QuestionId, Settings};
use super::question::{AnswerStatus, Question};

/// Whether a question was answered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timeliness {
    /// Not answered yet, and the deadline has not passed.
    Pending {
        deadline: Date,
    },
    /// Not answered, and the deadline has passed: overdue.
    Overdue {
        deadline: Date,
    },
    AnsweredInTime {
        deadline: Date,
    },
    AnsweredLate {
        deadline: Date,
    },
    /// Answered, but the answer's date is unknown.
    AnsweredUndated {
        deadline: Date,
    },
}

impl Timeliness {
    pub fn deadline(self) -> Date {
        match self {
            Timeliness::Pending { deadline }
            | Timeliness::Overdue { deadline }
            | Timeliness::AnsweredInTime { deadline }
            | Timeliness::AnsweredLate { deadline }
            | Timeliness::AnsweredUndated { deadline } => deadline,
        }
    }
}

/// The day by which the minister must answer: the given number of working days after
/// the day the question was asked. `None` when the date asked is unknown.
pub fn answer_deadline(question: &Question, settings: &Settings) -> Option<Date> {
    answer_deadline_in(&mut WorkingDays::new(&settings.holidays), question, settings)
}

/// As [`answer_deadline`], with a calendar shared across many questions.
pub fn answer_deadline_in(
    calendar: &mut WorkingDays<'_>,
    question: &Question,
    settings: &Settings,
) -> Option<Date> {
    calendar.add(question.date?, settings.answer_deadline_working_days)
}

/// Measured on `today`, which the caller passes in (tests fix it; the app reads the clock).
pub fn timeliness(question: &Question, settings: &Settings, today: Date) -> Option<Timeliness> {
    timeliness_in(
        &mut WorkingDays::new(&settings.holidays),
        question,
        settings,
        today,
    )
}

/// As [`timeliness`], with a calendar shared across many questions.
pub fn timeliness_in(
    calendar: &mut WorkingDays<'_>,
    question: &Question,
    settings: &Settings,
    today: Date,
) -> Option<Timeliness> {
    let deadline = answer_deadline_in(calendar, question, settings)?;
    Some(match &question.answer {
        None if today > deadline => Timeliness::Overdue { deadline },
        None => Timeliness::Pending { deadline },
        Some(answer) => match answer.date {
            Some(date) if date > deadline => Timeliness::AnsweredLate { deadline },
            Some(_) => Timeliness::AnsweredInTime { deadline },
            None => Timeliness::AnsweredUndated { deadline },
        },
    })
}

/// Finds cited questions by number without scanning the dossier for each citation.
#[derive(Debug)]
pub struct CitationIndex<'a> {
    dossier: &'a Dossier,
    by_number: HashMap<u32, Vec<usize>>,
}

impl<'a> CitationIndex<'a> {
    pub fn new(dossier: &'a Dossier) -> CitationIndex<'a> {
        let mut by_number: HashMap<u32, Vec<usize>> = HashMap::new();
        for (index, question) in dossier.questions.iter().enumerate() {
            if let Some(number) = question.number {
                by_number.entry(number).or_default().push(index);
            }
        }
        CitationIndex { dossier, by_number }
    }

    /// The position of the cited question, by the rule of [`Dossier::cited_question`].
    pub fn resolve(&self, reference: &super::question::QuestionReference) -> Option<usize> {
        let mut candidates = self
            .by_number
            .get(&reference.number)?
            .iter()
            .copied()
            .filter(|index| {
                reference
                    .date
                    .is_none_or(|date| self.dossier.questions[*index].date == Some(date))
            });
        let first = candidates.next()?;
        candidates.next().is_none().then_some(first)
    }
}

/// Who cites whom: for every question in the dossier, the questions that cite it.
pub fn citations(dossier: &Dossier) -> HashMap<QuestionId, Vec<QuestionId>> {
    let index = CitationIndex::new(dossier);
    let mut cited_by: HashMap<QuestionId, Vec<QuestionId>> = HashMap::new();
    for question in &dossier.questions {
        for reference in &question.references {
            if let Some(cited) = index.resolve(reference) {
                let citing = cited_by.entry(dossier.questions[cited].id).or_default();
                if !citing.contains(&question.id) {
                    citing.push(question.id);
                }
            }
        }
    }
    cited_by
}

/// Everything the search looks in for a question, folded: number, title, preamble,
/// sub-questions, answers, names and note.
pub fn search_text(question: &Question) -> String {
    let mut text = String::new();
    let mut add = |part: &str| {
        crate::model::text::fold_into(&mut text, part);
        text.push('\n');
    };
    if let Some(name) = question.short_name() {
        add(&name);
    }
    for part in [&question.title, &question.questioner, &question.note]
        .into_iter()
        .flatten()
    {
        add(part);
    }
    if let Some(minister) = question.minister_name() {
        add(minister);
    }
    add(&question.preamble);
    for sub in &question.sub_questions {
        add(&sub.text);
    }
    for part in question.answer.iter().flat_map(|answer| &answer.parts) {
        add(&part.text);
    }
    text
}

/// The chains of questions that cite one another (779 → 262 → 455), each in date order,
/// for every chain of two or more.
pub fn threads(dossier: &Dossier) -> Vec<Vec<QuestionId>> {
    let citations = CitationIndex::new(dossier);
    let mut parent: Vec<usize> = (0..dossier.questions.len()).collect();
    fn root(parent: &mut [usize], mut at: usize) -> usize {
        while parent[at] != at {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        at
    }
    for (at, question) in dossier.questions.iter().enumerate() {
        for reference in &question.references {
            if let Some(cited) = citations.resolve(reference) {
                let (a, b) = (root(&mut parent, at), root(&mut parent, cited));
                parent[a] = b;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for at in 0..dossier.questions.len() {
        let group = root(&mut parent, at);
        groups.entry(group).or_default().push(at);
    }
    let mut threads: Vec<Vec<QuestionId>> = groups
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|mut members| {
            members.sort_by_key(|at| (dossier.questions[*at].date.is_none(), dossier.questions[*at].date));
            members.into_iter().map(|at| dossier.questions[at].id).collect()
        })
        .collect();
    threads.sort_by_key(|thread| dossier.question(thread[0]).and_then(|q| q.date));
    threads
}

/// How the asking sub-questions of some questions were answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerShare {
    pub asking: usize,
    pub answered: usize,
    pub partly: usize,
    pub referred: usize,
    pub deferred: usize,
    pub unanswered: usize,
    /// How many of the statuses are suggestions that no one confirmed yet.
    pub suggested: usize,
}

impl AnswerShare {
    pub fn add_question(&mut self, question: &Question) {
        for sub in question.asking() {
            let Some((status, confirmed)) = question.status_of(&sub.label) else {
                continue;
            };
            self.asking += 1;
            self.suggested += usize::from(!confirmed);
            match status {
                AnswerStatus::Answered => self.answered += 1,
                AnswerStatus::PartlyAnswered => self.partly += 1,
                AnswerStatus::Referred => self.referred += 1,
                AnswerStatus::Deferred => self.deferred += 1,
                AnswerStatus::NotAnswered => self.unanswered += 1,
            }
        }
    }

    /// Adds another share's counts to this one.
    pub fn add(&mut self, other: AnswerShare) {
        self.asking += other.asking;
        self.answered += other.answered;
        self.partly += other.partly;
        self.referred += other.referred;
        self.deferred += other.deferred;
        self.unanswered += other.unanswered;
        self.suggested += other.suggested;
    }

    pub fn of(question: &Question) -> AnswerShare {
        let mut share = AnswerShare::default();
        share.add_question(question);
        share
    }
}

/// The figures of the timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Questions per questioner, most first; unknown questioners under `None`.
    pub per_questioner: Vec<(Option<String>, usize)>,
    /// Questions and answer share per minister (who answered, else who was asked).
    pub per_minister: Vec<(Option<String>, usize, AnswerShare)>,
    pub overall: AnswerShare,
    /// The median of the days between asking and answering, where both dates are known.
    pub median_answer_days: Option<f64>,
    /// How many questions have both dates.
    pub timed: usize,
}

pub fn figures(dossier: &Dossier) -> Figures {
    let mut questioners: BTreeMap<Option<String>, usize> = BTreeMap::new();
    let mut ministers: BTreeMap<Option<String>, (usize, AnswerShare)> = BTreeMap::new();
    let mut overall = AnswerShare::default();
    let mut days = Vec::new();
    for question in &dossier.questions {
        *questioners.entry(question.questioner.clone()).or_default() += 1;
        let entry = ministers
            .entry(question.minister_name().map(str::to_string))
            .or_default();
        entry.0 += 1;
        // Once a question: a suggested status reads the answer's text.
        let share = AnswerShare::of(question);
        entry.1.add(share);
        overall.add(share);
        if let (Some(asked), Some(answered)) = (question.date, question.answer.as_ref().and_then(|a| a.date))
        {
            days.push(day_number(answered) - day_number(asked));
        }
    }
    days.sort_unstable();
    let median_answer_days = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(days[n / 2] as f64),
        n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
    };
    let mut per_questioner: Vec<(Option<String>, usize)> = questioners.into_iter().collect();
    per_questioner.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut per_minister: Vec<(Option<String>, usize, AnswerShare)> = ministers
        .into_iter()
        .map(|(name, (count, share))| (name, count, share))
        .collect();
    per_minister.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Figures {
        per_questioner,
        per_minister,
        overall,
        median_answer_days,
        timed: days.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::question::{Answer, SubQuestion, SubQuestionRole};
    use crate::model::text::{fold, match_ranges};

    fn bundled() -> Dossier {
        crate::store::bundled().unwrap()
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn unanswered(asked: &str) -> Question {
        let mut question = bundled()
            .questions
            .into_iter()
            .find(|q| q.number == Some(271))
            .unwrap();
        question.date = Some(date(asked));
        question.answer = None;
        question
    }

    #[test]
    fn a_question_unanswered_after_twenty_working_days_is_overdue() {
        let settings = Settings::default();
        let question = unanswered("2019-02-26");
        let deadline = date("2019-03-26");
        assert_eq!(answer_deadline(&question, &settings), Some(deadline));
        assert_eq!(
            timeliness(&question, &settings, date("2019-03-26")),
            Some(Timeliness::Pending { deadline })
        );
        assert_eq!(
            timeliness(&question, &settings, date("2019-03-27")),
            Some(Timeliness::Overdue { deadline })
        );
        let mut answered = question.clone();
        answered.answer = Some(Answer {
            date: Some(date("2019-04-02")),
            minister: None,
            parts: vec![],
            attachments: vec![],
        });
        assert_eq!(
            timeliness(&answered, &settings, date("2020-01-01")),
            Some(Timeliness::AnsweredLate { deadline })
        );
        let fewer = Settings {
            answer_deadline_working_days: 30,
            ..Settings::default()
        };
        assert_eq!(answer_deadline(&question, &fewer), Some(date("2019-04-09")));
    }

    #[test]
    fn the_bundled_answers_are_undated_so_none_is_overdue() {
        let dossier = bundled();
        let today = date("2026-11-22");
        for question in &dossier.questions {
            let state = timeliness(question, &dossier.settings, today);
            assert!(
                !matches!(state, Some(Timeliness::Overdue { .. })),
                "{:?}",
                question.number
            );
        }
    }

    #[test]
    fn search_ignores_case_and_accents_and_finds_words_inside_words() {
        let dossier = bundled();
        let found: Vec<Option<u32>> = dossier
            .questions
            .iter()
            .filter(|q| search_text(q).contains(&fold("monitoringcomité")))
            .map(|q| q.number)
            .collect();
        assert_eq!(found, [Some(262), Some(271), Some(26)]);
        let text = "Het AMIF-monitoringcomité en het Monitoringcomité AMIF";
        let ranges = match_ranges(text, "MONITORINGCOMITE");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["monitoringcomité", "Monitoringcomité"]);
        assert!(match_ranges(text, "").is_empty());
    }

    #[test]
    fn the_citations_make_one_thread_in_date_order() {
        let dossier = bundled();
        let threads = threads(&dossier);
        assert_eq!(threads.len(), 1);
        let numbers: Vec<Option<u32>> = threads[0]
            .iter()
            .map(|id| dossier.question(*id).unwrap().number)
            .collect();
        assert_eq!(numbers, [Some(779), Some(262), Some(455)]);
    }

    #[test]
    fn suggestions_read_the_wording_of_the_answer() {
        let dossier = bundled();
        let q271 = dossier.questions.iter().find(|q| q.number == Some(271)).unwrap();
        assert_eq!(q271.status_of("1.a"), Some((AnswerStatus::Referred, false)));
        assert_eq!(q271.status_of("2"), Some((AnswerStatus::Referred, false)));
        assert_eq!(q271.status_of("3"), Some((AnswerStatus::Answered, false)));
        assert_eq!(q271.status_of("4"), Some((AnswerStatus::Deferred, false)));
        assert_eq!(q271.status_of("5"), Some((AnswerStatus::Deferred, false)));
        assert_eq!(q271.status_of("1"), None, "an introduction has no status");
        let mut confirmed = q271.clone();
        confirmed.sub_questions[1].status = Some(AnswerStatus::PartlyAnswered);
        assert_eq!(
            confirmed.status_of("1.a"),
            Some((AnswerStatus::PartlyAnswered, true))
        );
        let bare = Question {
            sub_questions: vec![SubQuestion {
                label: "1".into(),
                text: "Waarom?".into(),
                role: SubQuestionRole::Asks,
                status: None,
            }],
            answer: None,
            ..q271.clone()
        };
        assert_eq!(bare.status_of("1"), Some((AnswerStatus::NotAnswered, false)));
    }

    #[test]
    fn figures_count_per_person_and_share_per_minister() {
        let figures = figures(&bundled());
        assert_eq!(figures.per_questioner[0], (Some("Yasmine Kherbache".into()), 4));
        let homans = figures
            .per_minister
            .iter()
            .find(|m| m.0.as_deref() == Some("Liesbeth Homans"))
            .unwrap();
        assert_eq!(homans.1, 3);
        assert_eq!(figures.median_answer_days, None, "no answer date is known");
        assert_eq!(figures.overall.asking, 13 + 4 + 7 + 6 + 10);
        assert_eq!(figures.overall.suggested, figures.overall.asking);
    }
}
