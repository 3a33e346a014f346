//! The people picker's rows in words (issue 19 item 2): who was found, and why one is not
//! offered — the reason the service gave, translated.

use switchboard_app::picker::{Candidate, NotOffered};

use super::i18n::Tr;
use super::pages::PickRow;

pub fn pick_row(tr: &Tr, c: &Candidate) -> PickRow {
    let u = &c.user;
    PickRow {
        id: u.id.to_string(),
        name: format!("{} {}", u.first_name.as_str(), u.last_name.as_str()),
        extension: u.extension.to_string(),
        state: u.state.as_str(),
        state_label: tr.t(&format!("state-{}", u.state.as_str())),
        gains_role: c.gains_role,
        not_offered: c.not_offered.as_ref().map(|why| match why {
            NotOffered::NotActive(state) => tr.t1(
                "picker-not-active",
                "state",
                &tr.t(&format!("state-{}", state.as_str())),
            ),
            NotOffered::InAnotherPickupGroup(other) => {
                tr.t1("picker-in-another-pickup-group", "name", other)
            }
            NotOffered::AlreadyIn => tr.t("picker-already-in"),
            NotOffered::AdministratorRole => tr.t("picker-administrator-role"),
        }),
    }
}
