//! Account API, teams: `/api/v1/accounts/{account_id}/teams...`.

use crate::types::Id;

params! {
    /// `GET teams`.
    pub struct ListTeamsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST teams` (administrators). Names are stored lowercase.
    pub struct CreateTeamParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: String,
        /// Description.
        body description: Option<String>,
        /// Auto-assign conversations within the team.
        body allow_auto_assign: Option<bool>,
    }
}

params! {
    /// `GET teams/{team_id}`.
    pub struct GetTeamParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
    }
}

params! {
    /// `PATCH teams/{team_id}` (administrators).
    pub struct UpdateTeamParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Auto-assign conversations within the team.
        body allow_auto_assign: Option<bool>,
    }
}

params! {
    /// `DELETE teams/{team_id}` (administrators).
    pub struct DeleteTeamParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
    }
}

params! {
    /// `GET teams/{team_id}/team_members`.
    pub struct ListTeamMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
    }
}

params! {
    /// `POST teams/{team_id}/team_members`: answers with the newly added members only.
    pub struct AddTeamMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
        /// Users to add.
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `PATCH teams/{team_id}/team_members`: the team's members become exactly `user_ids`.
    pub struct UpdateTeamMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
        /// All members.
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `DELETE teams/{team_id}/team_members`.
    pub struct RemoveTeamMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Team id.
        path team_id: Id,
        /// Users to remove.
        body user_ids: Vec<Id>,
    }
}
