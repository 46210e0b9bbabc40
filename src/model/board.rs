//! An organisation, its board and its partners.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::breaks::Rule;
use super::calendar::PartialDate;
use super::dossier::{MemberId, OrganisationId, PartnerId};
use super::source::{SourceRef, Sourced};
use super::text::fold;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    #[serde(default)]
    pub legal_form: Option<String>,
    #[serde(default)]
    pub founded: Option<Sourced<PartialDate>>,
    #[serde(default)]
    pub staff: Option<Sourced<u32>>,
    #[serde(default)]
    pub purpose: Option<Sourced<String>>,
    /// How the board decides, as printed.
    #[serde(default)]
    pub decision_rule: Option<Sourced<String>>,
    /// How the board members were chosen, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_selection: Option<Sourced<String>>,
    #[serde(default)]
    pub board: Vec<BoardMember>,
    #[serde(default)]
    pub partners: Vec<Partner>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardRole {
    Chair,
    Secretary,
    Treasurer,
    Member,
    /// Any other role, as printed.
    Other(String),
}

/// Whether a member may vote. `Unknown` is a value of its own, never shown as "no".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VotingRight {
    Yes,
    No,
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Active,
    /// Leaving the board ("uittredend").
    Outgoing,
    Former,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardMember {
    pub id: MemberId,
    pub name: String,
    pub role: BoardRole,
    /// The organisation the member sits for.
    #[serde(default)]
    pub represents: Option<String>,
    #[serde(default)]
    pub voting_right: VotingRight,
    /// Start and end of the mandate; `None` when the source does not give them.
    #[serde(default)]
    pub mandate_start: Option<PartialDate>,
    #[serde(default)]
    pub mandate_end: Option<PartialDate>,
    pub status: MemberStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    TradeUnion,
    Education,
    Employers,
    LocalGovernment,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 5] = [
        Sector::TradeUnion,
        Sector::Education,
        Sector::Employers,
        Sector::LocalGovernment,
        Sector::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    #[serde(default)]
    pub sector: Option<Sector>,
    #[serde(default)]
    pub joined: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

impl Partner {
    /// The partner's name with its abbreviation: `Algemeen Christelijk Vakverbond (ACV)`.
    pub fn full_name(&self) -> String {
        match &self.abbreviation {
            Some(abbreviation) => format!("{} ({abbreviation})", self.name),
            None => self.name.clone(),
        }
    }
}

impl Organisation {
    /// An organisation of which only the name is known.
    pub fn new(id: OrganisationId, name: &str) -> Organisation {
        Organisation {
            id,
            name: name.to_string(),
            legal_form: None,
            founded: None,
            staff: None,
            purpose: None,
            decision_rule: None,
            board_selection: None,
            board: Vec::new(),
            partners: Vec::new(),
        }
    }

    pub fn member(&self, id: MemberId) -> Option<&BoardMember> {
        self.board.iter().find(|member| member.id == id)
    }

    /// The ids of the organisation, its members and its partners.
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        std::iter::once(self.id.0)
            .chain(self.board.iter().map(|m| m.id.0))
            .chain(self.partners.iter().map(|p| p.id.0))
    }

    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|partner| partner.id == id)
    }

    /// Who sat on the board on `day`, as far as the mandate dates tell; `today` decides
    /// whether an outgoing member without an end date may be counted.
    pub fn composition_on(&self, day: Date, today: Date) -> Composition {
        let mut composition = Composition {
            day,
            sat: Vec::new(),
            not_sat: Vec::new(),
            undetermined: Vec::new(),
        };
        for member in &self.board {
            match member.seat_on(day, today) {
                Seat::Sat => composition.sat.push(member.id),
                Seat::NotSat => composition.not_sat.push(member.id),
                Seat::Undetermined(why) => composition.undetermined.push((member.id, why)),
            }
        }
        composition
    }

    /// A copy in which the member's mandate ends on `end` and the member is former.
    pub fn with_mandate_ended(&self, member: MemberId, end: PartialDate) -> Result<Organisation, BoardError> {
        let mut copy = self.clone();
        let target = copy
            .board
            .iter_mut()
            .find(|m| m.id == member)
            .ok_or(BoardError::NoMember(member))?;
        target.mandate_end = Some(end);
        target.status = MemberStatus::Former;
        if let Some(problem) = target.mandate_problem() {
            return Err(BoardError::Invalid(problem));
        }
        Ok(copy)
    }

    pub fn chairs(&self) -> impl Iterator<Item = &BoardMember> {
        self.board
            .iter()
            .filter(|member| member.role == BoardRole::Chair && member.status != MemberStatus::Former)
    }

    /// How many board members have this voting right.
    pub fn count_voting(&self, right: VotingRight) -> usize {
        self.board
            .iter()
            .filter(|member| member.voting_right == right)
            .count()
    }

    pub fn members_with_status(&self, status: MemberStatus) -> impl Iterator<Item = &BoardMember> {
        self.board.iter().filter(move |member| member.status == status)
    }
}

/// Why a change to a board cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    #[error("the board member with id {0} is not on this board")]
    NoMember(MemberId),
    #[error("{0}")]
    Invalid(Rule),
}

/// Whether a member sat on the board on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    Sat,
    NotSat,
    /// The dates do not tell; the member is listed apart, not guessed.
    Undetermined(Undetermined),
}

/// Why the dates do not tell whether a member sat on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Undetermined {
    /// The source gives no start of the mandate.
    StartUnknown,
    /// The mandate started in a month, season or year that holds the day.
    StartsAround,
    /// The mandate ended, but the source does not say when.
    EndUnknown,
    /// The mandate ends in a month, season or year that holds the day.
    EndsAround,
}

impl BoardMember {
    /// An active member of whom nothing else is known: the role is "member", the voting
    /// right and the mandate dates unknown.
    pub fn new(id: MemberId, name: &str) -> BoardMember {
        BoardMember {
            id,
            name: name.to_string(),
            role: BoardRole::Member,
            represents: None,
            voting_right: VotingRight::Unknown,
            mandate_start: None,
            mandate_end: None,
            status: MemberStatus::Active,
            source: None,
        }
    }

    /// Whether the member sat on the board on `day`. The end date is the last day of the
    /// mandate. An active member without an end date still sits; a former one ended
    /// at an unknown time; an outgoing one is counted only up to `today`.
    pub fn seat_on(&self, day: Date, today: Date) -> Seat {
        let start = match self.mandate_start {
            None => Some(Undetermined::StartUnknown),
            Some(start) if day < start.first_day() => return Seat::NotSat,
            Some(start) if day < start.last_day() => Some(Undetermined::StartsAround),
            Some(_) => None,
        };
        let end = match (self.mandate_end, self.status) {
            (Some(end), _) if day > end.last_day() => return Seat::NotSat,
            (Some(end), _) if day >= end.first_day() && !end.is_day() => Some(Undetermined::EndsAround),
            (Some(_), _) | (None, MemberStatus::Active) => None,
            (None, MemberStatus::Outgoing) if day <= today => None,
            (None, MemberStatus::Outgoing | MemberStatus::Former) => Some(Undetermined::EndUnknown),
        };
        match start.or(end) {
            Some(why) => Seat::Undetermined(why),
            None => Seat::Sat,
        }
    }

    /// Why the mandate dates cannot be right, in words, if they cannot.
    pub fn mandate_problem(&self) -> Option<Rule> {
        let (start, end) = (self.mandate_start?, self.mandate_end?);
        (end.last_day() < start.first_day()).then(|| Rule::MandateBackwards {
            name: self.name.clone(),
            start: start.to_string(),
            end: end.to_string(),
        })
    }

    /// The name as it sorts: case and accents folded (Hüseyin with Huseyin, İlker among
    /// the I's).
    pub fn sort_key(&self) -> String {
        fold(&self.name)
    }
}

/// What is known of one mandate, in days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MandateShape {
    /// Days the member surely sat, first and last.
    pub known: Option<(Date, Date)>,
    /// Stretches the dates leave open.
    pub open: Vec<(Date, Date)>,
    /// The mandate has no end yet: it runs on past `today`.
    pub running: bool,
}

/// The shape of a mandate: `lower` is the earliest day a mandate can start (the founding
/// of the organisation, when known).
pub fn mandate_shape(member: &BoardMember, lower: Date, today: Date) -> MandateShape {
    let start = member.mandate_start;
    let end = member.mandate_end;
    let running = end.is_none() && member.status != MemberStatus::Former;
    let known_from = start.map(|s| s.last_day());
    let known_to = match end {
        Some(end) => Some(end.first_day()),
        None if running => Some(today.max(known_from.unwrap_or(today))),
        None => None,
    };
    let known = match (known_from, known_to) {
        (Some(from), Some(to)) if from <= to => Some((from, to)),
        _ => None,
    };
    let mut open = Vec::new();
    match start {
        Some(start) if !start.is_day() => open.push((start.first_day(), start.last_day())),
        Some(_) => {}
        None => {
            let until = known_to.or(end.map(|e| e.last_day())).unwrap_or(today);
            open.push((lower.min(until), until));
        }
    }
    match end {
        Some(end) if !end.is_day() => open.push((end.first_day(), end.last_day())),
        Some(_) => {}
        None if !running => open.push((known_from.unwrap_or(lower).min(today), today)),
        None => {}
    }
    MandateShape { known, open, running }
}

/// The board on one day: who sat, who did not, and whose dates do not tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composition {
    pub day: Date,
    pub sat: Vec<MemberId>,
    pub not_sat: Vec<MemberId>,
    pub undetermined: Vec<(MemberId, Undetermined)>,
}

/// The votes a simple majority of the members present takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Majority {
    pub present: usize,
    /// Present members known to vote, known not to vote, and of unknown voting right.
    pub voting: usize,
    pub not_voting: usize,
    pub unknown: usize,
}

impl Majority {
    pub fn of<'a>(present: impl IntoIterator<Item = &'a BoardMember>) -> Majority {
        let mut majority = Majority {
            present: 0,
            voting: 0,
            not_voting: 0,
            unknown: 0,
        };
        for member in present {
            majority.present += 1;
            match member.voting_right {
                VotingRight::Yes => majority.voting += 1,
                VotingRight::No => majority.not_voting += 1,
                VotingRight::Unknown => majority.unknown += 1,
            }
        }
        majority
    }

    /// More than half of `voters` votes, when all of them vote.
    pub fn needed(voters: usize) -> usize {
        if voters == 0 { 0 } else { voters / 2 + 1 }
    }

    /// The fewest and the most votes a decision may take, from the fewest and the
    /// most members who may vote; `None` when no present member can vote.
    pub fn needed_range(&self) -> Option<(usize, usize)> {
        let most = self.voting + self.unknown;
        (most > 0).then(|| (Majority::needed(self.voting.max(1)), Majority::needed(most)))
    }

    /// Whether the number is certain: no present member's voting right is unknown.
    pub fn certain(&self) -> bool {
        self.unknown == 0
    }
}

/// Whether a decision rule, as printed, asks for a simple majority of the members present.
pub fn reads_as_simple_majority(rule: &str) -> bool {
    let rule = fold(rule);
    ["eenvoudige meerderheid", "gewone meerderheid", "simple majority"]
        .iter()
        .any(|words| rule.contains(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(start: Option<&str>, end: Option<&str>, status: MemberStatus) -> BoardMember {
        BoardMember {
            mandate_start: start.map(|s| PartialDate::parse(s).unwrap()),
            mandate_end: end.map(|s| PartialDate::parse(s).unwrap()),
            status,
            ..BoardMember::new(MemberId(1), "Test")
        }
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn seats_follow_the_mandate_dates() {
        let today = day("2026-11-22");
        let m = member(Some("2019-03-01"), Some("2021-06-30"), MemberStatus::Former);
        assert_eq!(m.seat_on(day("2019-02-28"), today), Seat::NotSat);
        assert_eq!(m.seat_on(day("2019-03-01"), today), Seat::Sat);
        assert_eq!(m.seat_on(day("2021-06-30"), today), Seat::Sat);
        assert_eq!(m.seat_on(day("2021-07-01"), today), Seat::NotSat);
    }

    #[test]
    fn unknown_and_partial_dates_are_not_guessed() {
        let today = day("2026-11-22");
        let unknown = member(None, None, MemberStatus::Active);
        assert_eq!(
            unknown.seat_on(day("2018-01-31"), today),
            Seat::Undetermined(Undetermined::StartUnknown)
        );
        let in_march = member(Some("2019-03"), None, MemberStatus::Active);
        assert_eq!(in_march.seat_on(day("2019-02-28"), today), Seat::NotSat);
        assert_eq!(
            in_march.seat_on(day("2019-03-15"), today),
            Seat::Undetermined(Undetermined::StartsAround)
        );
        assert_eq!(in_march.seat_on(day("2019-03-31"), today), Seat::Sat);
        let former = member(Some("2019-03-01"), None, MemberStatus::Former);
        assert_eq!(
            former.seat_on(day("2020-01-01"), today),
            Seat::Undetermined(Undetermined::EndUnknown)
        );
        let ends_in_2021 = member(Some("2019-03-01"), Some("2021"), MemberStatus::Former);
        assert_eq!(ends_in_2021.seat_on(day("2020-12-31"), today), Seat::Sat);
        assert_eq!(
            ends_in_2021.seat_on(day("2021-05-01"), today),
            Seat::Undetermined(Undetermined::EndsAround)
        );
        assert_eq!(ends_in_2021.seat_on(day("2022-01-01"), today), Seat::NotSat);
        let outgoing = member(Some("2019-03-01"), None, MemberStatus::Outgoing);
        assert_eq!(outgoing.seat_on(today, today), Seat::Sat);
        assert_eq!(
            outgoing.seat_on(day("2027-01-01"), today),
            Seat::Undetermined(Undetermined::EndUnknown)
        );
        // A known start after the day settles it, whatever the end.
        assert_eq!(former.seat_on(day("2018-01-01"), today), Seat::NotSat);
    }

    #[test]
    fn an_end_before_the_start_is_a_problem() {
        let wrong = member(Some("2020-05-01"), Some("2020-04"), MemberStatus::Former);
        let problem = wrong.mandate_problem().unwrap();
        assert!(
            problem
                .to_string()
                .contains("ends (2020-04) before it starts (2020-05-01)"),
            "{problem}"
        );
        assert_eq!(
            member(Some("2020-05"), Some("2020-05-01"), MemberStatus::Former).mandate_problem(),
            None
        );
    }

    #[test]
    fn majority_is_a_range_while_voting_rights_are_unknown() {
        let mut members: Vec<BoardMember> =
            (0..7).map(|_| member(None, None, MemberStatus::Active)).collect();
        let all_unknown = Majority::of(&members);
        assert_eq!(all_unknown.needed_range(), Some((1, 4)));
        assert!(!all_unknown.certain());
        for m in &mut members {
            m.voting_right = VotingRight::Yes;
        }
        members[6].voting_right = VotingRight::No;
        let known = Majority::of(&members);
        assert!(known.certain());
        assert_eq!(known.needed_range(), Some((4, 4)));
        assert_eq!(Majority::of(&members[..4]).needed_range(), Some((3, 3)));
        members[0].voting_right = VotingRight::Unknown;
        assert_eq!(Majority::of(&members).needed_range(), Some((3, 4)));
        assert_eq!(Majority::of(&members[6..]).needed_range(), None);
    }

    #[test]
    fn names_sort_by_their_letters_not_their_bytes() {
        let mut names = vec![
            "Zeynep Kaya",
            "İlker Yıldız",
            "Hüseyin Aydinli",
            "Ilse Peeters",
            "Huseyin Ak",
        ];
        names.sort_by_cached_key(|name| fold(name));
        assert_eq!(
            names,
            [
                "Huseyin Ak",
                "Hüseyin Aydinli",
                "İlker Yıldız",
                "Ilse Peeters",
                "Zeynep Kaya"
            ]
        );
    }

    #[test]
    fn simple_majority_rules_are_recognised() {
        assert!(reads_as_simple_majority(
            "De beslissingen door de Raad van Bestuur worden genomen bij een eenvoudige meerderheid van stemmen van de aanwezige leden."
        ));
        assert!(!reads_as_simple_majority("Tweederdemeerderheid van de leden."));
    }

    #[test]
    fn unknown_dates_are_open_stretches_not_bars() {
        let (lower, today) = (day("2017-01-31"), day("2026-11-22"));
        let unknown = mandate_shape(&member(None, None, MemberStatus::Active), lower, today);
        assert_eq!(unknown.known, None);
        assert_eq!(unknown.open, [(lower, today)]);
        assert!(unknown.running);

        let known = mandate_shape(
            &member(Some("2018-03-01"), Some("2020-06-30"), MemberStatus::Former),
            lower,
            today,
        );
        assert_eq!(known.known, Some((day("2018-03-01"), day("2020-06-30"))));
        assert!(known.open.is_empty() && !known.running);

        let partial = mandate_shape(
            &member(Some("2018-03"), Some("2020"), MemberStatus::Former),
            lower,
            today,
        );
        assert_eq!(partial.known, Some((day("2018-03-31"), day("2020-01-01"))));
        assert_eq!(
            partial.open,
            [
                (day("2018-03-01"), day("2018-03-31")),
                (day("2020-01-01"), day("2020-12-31"))
            ]
        );

        let ended_when = mandate_shape(
            &member(Some("2018-03-01"), None, MemberStatus::Former),
            lower,
            today,
        );
        assert_eq!(ended_when.known, None);
        assert_eq!(ended_when.open, [(day("2018-03-01"), today)]);

        let running = mandate_shape(
            &member(Some("2019-05-01"), None, MemberStatus::Active),
            lower,
            today,
        );
        assert_eq!(running.known, Some((day("2019-05-01"), today)));
        assert!(running.open.is_empty() && running.running);
    }
}
