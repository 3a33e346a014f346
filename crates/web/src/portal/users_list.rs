//! The users list (U-6, seeds 003/004): columns the administrator chooses (remembered per
//! administrator), search by name, email or extension as you type, filters shown as removable
//! chips, sort, keyset paging. Without JavaScript it is a plain GET form; with it, the results
//! are replaced in place (`partial=1` answers only the results).

use axum::extract::{Form, Query};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::users::UserListParams;
use switchboard_domain::{PortalRole, UserState};
use switchboard_store::users::User;

use super::context::{Chrome, Visit};
use super::directory::{Directory, Fields};
use super::pages::{UsersPage, UsersResults, internal_error};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

/// A column of the list besides the name, which is always shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Login,
    Email,
    Extension,
    Number,
    Role,
    Teams,
    Groups,
    Campaigns,
    Department,
    Contact,
    State,
    Site,
    Licence,
    Device,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Login,
        Column::Email,
        Column::Extension,
        Column::Number,
        Column::Role,
        Column::Teams,
        Column::Groups,
        Column::Campaigns,
        Column::Department,
        Column::Contact,
        Column::State,
        Column::Site,
        Column::Licence,
        Column::Device,
    ];
    const DEFAULT: [Column; 6] = [
        Column::Extension,
        Column::Number,
        Column::State,
        Column::Site,
        Column::Licence,
        Column::Device,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::Login => "login",
            Column::Email => "email",
            Column::Extension => "extension",
            Column::Number => "number",
            Column::Role => "role",
            Column::Teams => "teams",
            Column::Groups => "groups",
            Column::Campaigns => "campaigns",
            Column::Department => "department",
            Column::Contact => "contact",
            Column::State => "state",
            Column::Site => "site",
            Column::Licence => "licence",
            Column::Device => "device",
        }
    }

    fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The sort key of the service, for the columns that can be sorted.
    fn sort_key(self) -> Option<&'static str> {
        match self {
            Column::Email => Some("email"),
            Column::Extension => Some("extension"),
            _ => None,
        }
    }
}

const COLUMNS_PREFERENCE: &str = "users.columns";

/// One cell: its text, and for the state a badge class.
pub struct Cell {
    pub text: String,
    pub badge: Option<&'static str>,
}

pub struct Row {
    pub id: String,
    pub name: String,
    /// Their picture's address (U-9), else their initials stand in for it.
    pub picture: Option<String>,
    pub initials: String,
    pub cells: Vec<Cell>,
}

/// A header: label, and the link that sorts by it (with its current direction) if sortable.
pub struct Header {
    pub key: &'static str,
    pub label: String,
    pub sort_link: Option<String>,
    pub sorted: Option<&'static str>,
}

/// An active filter, shown as a chip with the link that removes it.
pub struct Chip {
    pub label: String,
    pub remove: String,
}

/// One choice of a filter's `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct Filter {
    pub name: &'static str,
    /// The value of "any": empty, except for the site while the switcher has one chosen
    /// (then "all" overrides it).
    pub any_value: &'static str,
    pub label: String,
    pub choices: Vec<Choice>,
}

/// Everything the results part of the page shows (the whole page adds the form around it).
pub struct UsersView {
    /// The list as it is, on its first page (where saving the columns leads back to).
    pub this_page: String,
    pub headers: Vec<Header>,
    pub name_sort_link: String,
    pub name_sorted: Option<&'static str>,
    pub rows: Vec<Row>,
    pub chips: Vec<Chip>,
    pub next_link: Option<String>,
    pub first_link: Option<String>,
    pub refresh_link: String,
    pub filters: Vec<Filter>,
    pub columns: Vec<(&'static str, String, bool)>,
    pub sort: String,
}

pub async fn list(
    visit: Visit,
    jar: CookieJar,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let fields = Fields(pairs);
    let directory = match Directory::load(&visit, &ws).await {
        Ok(d) => d,
        Err(e) => return internal_error(&visit, &e),
    };
    let session = visit.full_session().expect("an administrator's session");
    let columns = match visit
        .state
        .app
        .accounts()
        .preference(session, COLUMNS_PREFERENCE)
        .await
    {
        Ok(Some(saved)) => saved.split(',').filter_map(Column::parse).collect(),
        Ok(None) => Column::DEFAULT.to_vec(),
        Err(e) => return internal_error(&visit, &e),
    };
    let c = ws.chrome(&visit, "users-title", "/users");
    let site_filter = match fields.get("site") {
        "" => ws.site.map(|s| s.to_string()),
        "all" => None,
        chosen => Some(chosen.to_owned()),
    };
    let params = UserListParams {
        state: fields.opt("state"),
        site_id: site_filter.clone(),
        role: fields.opt("role"),
        licence: fields.opt("licence"),
        device_type: fields.opt("device"),
        department_id: fields.opt("department"),
        team_id: fields.opt("team"),
        group_id: fields.opt("group"),
        campaign_id: fields.opt("campaign"),
        q: fields.opt("q"),
        match_mode: None,
        sort: fields.opt("sort"),
        cursor: fields.opt("cursor"),
        limit: Some(50),
    };
    let (page, errors) = match visit
        .state
        .app
        .users()
        .list(&ws.actor, ws.enterprise.id, params)
        .await
    {
        Ok(page) => (Some(page), Vec::new()),
        Err(e @ AppError::Validation(_)) => (None, c.errors_of(&e)),
        Err(e) => return internal_error(&visit, &e),
    };
    let memberships = match Memberships::load(&visit, &ws, page.as_ref(), &columns).await {
        Ok(m) => m,
        Err(e) => return internal_error(&visit, &e),
    };
    let view = view(
        &c,
        &ws,
        &directory,
        &fields,
        &columns,
        site_filter.as_deref(),
        Found {
            page,
            memberships: &memberships,
        },
    );
    let c = c.with_errors(errors);
    if fields.get("partial") == "1" {
        return UsersResults { c, v: view }.into_response();
    }
    let q = fields.get("q").to_owned();
    (clear_flash(jar, &visit), UsersPage { c, v: view, q }).into_response()
}

fn view(
    c: &Chrome,
    ws: &Workspace,
    directory: &Directory,
    fields: &Fields,
    columns: &[Column],
    site_filter: Option<&str>,
    found: Found<'_>,
) -> UsersView {
    let Found { page, memberships } = found;
    let tr = &c.tr;
    // Every link of the list keeps the search and filters; none keeps the page or `partial`.
    const PAGING: [&str; 2] = ["cursor", "partial"];
    let sort = fields.opt("sort").unwrap_or_else(|| "name".into());
    let sort_link = |key: &str| {
        let next = if sort == key {
            format!("-{key}")
        } else {
            key.to_owned()
        };
        fields.link("/users", &["cursor", "partial", "sort"], &[("sort", &next)])
    };
    let direction = |key: &str| {
        if sort == key {
            Some("ascending")
        } else if sort.strip_prefix('-') == Some(key) {
            Some("descending")
        } else {
            None
        }
    };
    let headers = columns
        .iter()
        .map(|col| Header {
            key: col.key(),
            label: tr.t(&format!("users-col-{}", col.key())),
            sort_link: col.sort_key().map(sort_link),
            sorted: col.sort_key().and_then(direction),
        })
        .collect();

    let rows = page
        .as_ref()
        .map(|p| {
            p.users
                .iter()
                .map(|u| Row {
                    id: u.id.to_string(),
                    name: format!("{}, {}", u.last_name.as_str(), u.first_name.as_str()),
                    picture: u
                        .picture_at
                        .map(|at| super::pictures::address(&u.id.to_string(), at)),
                    initials: initials(u),
                    cells: columns
                        .iter()
                        .map(|col| cell(c, ws, directory, memberships, u, *col))
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();

    // The chips: one per active filter, each removing itself.
    let mut chips = Vec::new();
    let mut chip = |name: &str, label_key: &str, shown: String| {
        // Without a site the switcher's site would apply again: "all" says no site.
        let instead: &[(&str, &str)] = if name == "site" {
            &[("site", "all")]
        } else {
            &[]
        };
        chips.push(Chip {
            label: format!("{}: {shown}", tr.t(label_key)),
            remove: fields.link("/users", &["cursor", "partial", name], instead),
        });
    };
    if let Some(q) = fields.opt("q") {
        chip("q", "users-search", q);
    }
    if let Some(state) = fields.opt("state").and_then(|s| UserState::parse(&s)) {
        chip(
            "state",
            "users-col-state",
            tr.t(&format!("state-{}", state.as_str())),
        );
    }
    if let Some(site) = site_filter.and_then(|s| s.parse().ok()) {
        chip("site", "users-col-site", ws.site_name(site));
    }
    if let Some(role) = fields.opt("role").and_then(|r| PortalRole::parse(&r)) {
        chip(
            "role",
            "users-col-role",
            tr.t(&format!("role-{}", role.as_str())),
        );
    }
    if let Some(team) = fields.opt("team").and_then(|t| t.parse().ok()) {
        chip("team", "users-col-teams", directory.teams_of(&[team]));
    }
    for (name, label_key, listed) in [
        ("group", "users-filter-group", &memberships.groups),
        ("campaign", "users-col-campaigns", &memberships.campaigns),
    ] {
        if let Some(chosen) = fields.opt(name) {
            let shown = listed
                .iter()
                .find(|(id, _)| *id == chosen)
                .map(|(_, n)| n.clone())
                .unwrap_or(chosen);
            chip(name, label_key, shown);
        }
    }
    if let Some(dep) = fields.opt("department").and_then(|d| d.parse().ok()) {
        chip(
            "department",
            "users-col-department",
            directory.department(dep),
        );
    }
    if let Some(code) = fields.opt("licence") {
        let name = directory
            .pools
            .iter()
            .find(|p| p.licence.code.as_str() == code)
            .map(|p| p.licence.name.clone())
            .unwrap_or(code);
        chip("licence", "users-col-licence", name);
    }
    if let Some(code) = fields.opt("device") {
        let name = directory
            .devices
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.name.clone())
            .unwrap_or(code);
        chip("device", "users-col-device", name);
    }

    let choices = |selected: &str, options: Vec<(String, String)>| {
        options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == selected,
                value,
                label,
            })
            .collect::<Vec<_>>()
    };
    let mut filters = vec![Filter {
        name: "state",
        any_value: "",
        label: tr.t("users-col-state"),
        choices: choices(
            fields.get("state"),
            UserState::ALL
                .iter()
                .map(|s| {
                    (
                        s.as_str().to_owned(),
                        tr.t(&format!("state-{}", s.as_str())),
                    )
                })
                .collect(),
        ),
    }];
    if ws.sites.len() > 1 {
        filters.push(Filter {
            name: "site",
            any_value: if ws.site.is_some() { "all" } else { "" },
            label: tr.t("users-col-site"),
            choices: choices(
                site_filter.unwrap_or(""),
                ws.sites
                    .iter()
                    .map(|s| (s.id.to_string(), s.name.clone()))
                    .collect(),
            ),
        });
    }
    filters.push(Filter {
        name: "role",
        any_value: "",
        label: tr.t("users-col-role"),
        choices: choices(
            fields.get("role"),
            PortalRole::ALL
                .iter()
                .map(|r| (r.as_str().to_owned(), tr.t(&format!("role-{}", r.as_str()))))
                .collect(),
        ),
    });
    if !directory.teams.is_empty() {
        filters.push(Filter {
            name: "team",
            any_value: "",
            label: tr.t("users-col-teams"),
            choices: choices(
                fields.get("team"),
                directory
                    .teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect(),
            ),
        });
    }
    for (name, label_key, listed) in [
        ("group", "users-filter-group", &memberships.groups),
        ("campaign", "users-col-campaigns", &memberships.campaigns),
    ] {
        if !listed.is_empty() {
            filters.push(Filter {
                name,
                any_value: "",
                label: tr.t(label_key),
                choices: choices(fields.get(name), listed.clone()),
            });
        }
    }
    if !directory.departments.is_empty() {
        filters.push(Filter {
            name: "department",
            any_value: "",
            label: tr.t("users-col-department"),
            choices: choices(
                fields.get("department"),
                directory
                    .departments
                    .iter()
                    .map(|d| (d.id.to_string(), d.name.clone()))
                    .collect(),
            ),
        });
    }
    filters.push(Filter {
        name: "licence",
        any_value: "",
        label: tr.t("users-col-licence"),
        choices: choices(
            fields.get("licence"),
            directory
                .packages()
                .chain(directory.addons())
                .map(|p| (p.licence.code.to_string(), p.licence.name.clone()))
                .collect(),
        ),
    });
    filters.push(Filter {
        name: "device",
        any_value: "",
        label: tr.t("users-col-device"),
        choices: choices(
            fields.get("device"),
            directory
                .devices
                .iter()
                .map(|d| (d.code.clone(), d.name.clone()))
                .collect(),
        ),
    });

    let next_link = page
        .as_ref()
        .and_then(|p| p.next_cursor.as_ref())
        .map(|cursor| fields.link("/users", &PAGING, &[("cursor", cursor)]));
    let first_link = fields
        .opt("cursor")
        .map(|_| fields.link("/users", &PAGING, &[]));
    UsersView {
        this_page: fields.link("/users", &PAGING, &[]),
        headers,
        name_sort_link: sort_link("name"),
        name_sorted: direction("name"),
        rows,
        chips,
        next_link,
        first_link,
        refresh_link: fields.link("/users", &["partial"], &[]),
        filters,
        columns: Column::ALL
            .iter()
            .map(|col| {
                (
                    col.key(),
                    tr.t(&format!("users-col-{}", col.key())),
                    columns.contains(col),
                )
            })
            .collect(),
        sort,
    }
}

/// Names by user, for a column.
type NamesByUser = std::collections::HashMap<switchboard_domain::UserId, Vec<String>>;

/// The groups and campaigns in the administrator's reach (the filters' choices), and those of
/// the page's users when their columns are shown (U-6, seed 003), each in one lookup.
struct Memberships {
    groups: Vec<(String, String)>,
    campaigns: Vec<(String, String)>,
    groups_of: NamesByUser,
    campaigns_of: NamesByUser,
}

impl Memberships {
    async fn load(
        visit: &Visit,
        ws: &Workspace,
        page: Option<&switchboard_app::users::UserPage>,
        columns: &[Column],
    ) -> Result<Self, AppError> {
        let app = &visit.state.app;
        let (actor, enterprise) = (&ws.actor, ws.enterprise.id);
        let groups = app
            .groups()
            .list(actor, enterprise, None)
            .await?
            .into_iter()
            .map(|l| (l.group.id.to_string(), l.group.name.as_str().to_owned()))
            .collect();
        let campaigns = app
            .campaigns()
            .list(actor, enterprise)
            .await?
            .into_iter()
            .map(|c| (c.id.to_string(), c.name.as_str().to_owned()))
            .collect();
        let ids: Vec<_> = page
            .map(|p| p.users.iter().map(|u| u.id).collect())
            .unwrap_or_default();
        let groups_of = if columns.contains(&Column::Groups) && !ids.is_empty() {
            app.groups().names_of(actor, enterprise, &ids).await?
        } else {
            Default::default()
        };
        let campaigns_of = if columns.contains(&Column::Campaigns) && !ids.is_empty() {
            app.campaigns().names_of(actor, enterprise, &ids).await?
        } else {
            Default::default()
        };
        Ok(Self {
            groups,
            campaigns,
            groups_of,
            campaigns_of,
        })
    }
}

/// What the list found: the page of users (none when the query was refused) and their groups
/// and campaigns.
struct Found<'a> {
    page: Option<switchboard_app::users::UserPage>,
    memberships: &'a Memberships,
}

fn cell(
    c: &Chrome,
    ws: &Workspace,
    directory: &Directory,
    memberships: &Memberships,
    u: &User,
    col: Column,
) -> Cell {
    let text = |s: String| Cell {
        text: s,
        badge: None,
    };
    match col {
        Column::Login => text(u.login_name.as_str().to_owned()),
        Column::Email => text(u.email.as_str().to_owned()),
        Column::Extension => text(u.extension.to_string()),
        Column::Number => text(
            u.primary_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        Column::Role => text(c.tr.t(&format!("role-{}", u.role.as_str()))),
        Column::Teams => text(directory.teams_of(&u.team_ids)),
        Column::Groups => text(
            memberships
                .groups_of
                .get(&u.id)
                .map(|g| g.join(", "))
                .unwrap_or_default(),
        ),
        Column::Campaigns => text(
            memberships
                .campaigns_of
                .get(&u.id)
                .map(|g| g.join(", "))
                .unwrap_or_default(),
        ),
        Column::Department => text(
            u.department_id
                .map(|d| directory.department(d))
                .unwrap_or_default(),
        ),
        Column::Contact => text(u.personal_contact.clone().unwrap_or_default()),
        Column::State => Cell {
            text: c.tr.t(&format!("state-{}", u.state.as_str())),
            badge: Some(u.state.as_str()),
        },
        Column::Site => text(ws.site_name(u.site_id)),
        Column::Licence => {
            let mut names = vec![directory.licence_name(u.package_licence_id)];
            names.extend(
                u.addon_licence_ids
                    .iter()
                    .map(|id| directory.licence_name(*id)),
            );
            text(names.join(" + "))
        }
        Column::Device => text(directory.device_name(u.device_type_id)),
    }
}

/// U-6: the columns chosen are remembered for this administrator.
pub async fn save_columns(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let (session, _) = match signed_in_form(&visit, &jar, fields.get("csrf"), "/users") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    let chosen: Vec<&str> = Column::ALL
        .iter()
        .filter(|c| fields.has("column", c.key()))
        .map(|c| c.key())
        .collect();
    match visit
        .state
        .app
        .accounts()
        .set_preference(session, COLUMNS_PREFERENCE, &chosen.join(","))
        .await
    {
        Ok(()) => {
            // Back to the list as it was; only a path of this site's users list.
            let back = super::safe_back(fields.opt("back"))
                .filter(|b| b.starts_with("/users"))
                .unwrap_or_else(|| "/users".to_owned());
            redirect_with_flash(jar, &back, "columns-saved")
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// "Anna Schmidt" → "AS": what stands in for a user without a picture.
fn initials(u: &User) -> String {
    [u.first_name.as_str(), u.last_name.as_str()]
        .iter()
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}
