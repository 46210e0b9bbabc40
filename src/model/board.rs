//! An organisation, its board and its partners.

use serde::{Deserialize, Serialize};

use super::calendar::PartialDate;
use super::dossier::{MemberId, OrganisationId, PartnerId};
use super::source::{SourceRef, Sourced};

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

impl Organisation {
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
