//! The page templates (askama, compiled in) and the error pages.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::context::{Chrome, Visit};

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    pub c: Chrome,
    pub login: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "two_step.html")]
pub struct TwoStepPage {
    pub c: Chrome,
    pub hint: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "password_change.html")]
pub struct PasswordChangePage {
    pub c: Chrome,
    pub forced: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "forgot.html")]
pub struct ForgotPage {
    pub c: Chrome,
}

#[derive(Template, WebTemplate)]
#[template(path = "set_password.html")]
pub struct SetPasswordPage {
    pub c: Chrome,
    pub intro: String,
    pub action: String,
    pub login: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub c: Chrome,
    /// (label, value): who is signed in.
    pub facts: Vec<(String, String)>,
    pub role_code: String,
    /// What needs attention in the administrator's enterprise.
    pub items: Vec<super::home::Item>,
    /// Nothing needs attention.
    pub all_clear: bool,
    /// An operator's enterprises that need attention: (name, items).
    pub summary: Vec<(String, Vec<super::home::Item>)>,
    pub recent: Vec<super::home::Recent>,
    pub actions: Vec<super::home::Action>,
    /// The administrator's warning threshold, for the form that sets it.
    pub threshold: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "security.html")]
pub struct SecurityPage {
    pub c: Chrome,
    pub required: bool,
    pub totp_enabled: bool,
    pub totp_status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "totp_enrol.html")]
pub struct TotpEnrolPage {
    pub c: Chrome,
    pub qr_svg: String,
    pub secret: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub c: Chrome,
    pub codes: Vec<String>,
}

/// One row of the personal tokens table.
pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub expires: String,
    pub revoked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tokens.html")]
pub struct TokensPage {
    pub c: Chrome,
    pub tokens: Vec<TokenRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "token_created.html")]
pub struct TokenCreatedPage {
    pub c: Chrome,
    pub token: String,
}

/// A page that could not be shown: the cause goes to the log with the request id, the visitor
/// gets the reference and nothing internal.
pub fn internal_error(visit: &Visit, error: &switchboard_app::AppError) -> Response {
    let reference = visit.request_id.clone().unwrap_or_default();
    tracing::error!(error = ?error, request_id = %reference, "portal page failed");
    let c = visit.chrome("error-title");
    let text = c.tr.t1("error-text", "reference", &reference);
    (StatusCode::INTERNAL_SERVER_ERROR, MessagePage { c, text }).into_response()
}

/// The page of an address that names nothing (or nothing in the visitor's reach).
pub fn not_found_page(visit: &Visit) -> Response {
    message(
        visit,
        StatusCode::NOT_FOUND,
        "not-found-title",
        "not-found-text",
    )
}

/// A page answers 422 when it shows refusals, 200 otherwise.
pub fn status_for(errors: &[(String, String)]) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

pub fn message(visit: &Visit, status: StatusCode, title_key: &str, text_key: &str) -> Response {
    let c = visit.chrome(title_key);
    let text = c.tr.t(text_key);
    (status, MessagePage { c, text }).into_response()
}

// The administration pages (issue 5).

#[derive(Template, WebTemplate)]
#[template(path = "enterprises.html")]
pub struct EnterprisesPage {
    pub c: Chrome,
    /// (id, name, SIP domain)
    pub enterprises: Vec<(String, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
pub struct UsersPage {
    pub c: Chrome,
    pub v: super::users_list::UsersView,
    pub q: String,
}

/// Only the results of the users list, for the search as you type.
#[derive(Template, WebTemplate)]
#[template(path = "users_partial.html")]
pub struct UsersResults {
    pub c: Chrome,
    pub v: super::users_list::UsersView,
}

#[derive(Template, WebTemplate)]
#[template(path = "user_new.html")]
pub struct UserFormPage {
    pub c: Chrome,
    pub f: super::user_form::UserFormView,
}

#[derive(Template, WebTemplate)]
#[template(path = "sip_login.html")]
pub struct SipLoginPage {
    pub c: Chrome,
    pub intro: String,
    pub user_id: String,
    pub login: Option<switchboard_app::users::SipLogin>,
}

#[derive(Template, WebTemplate)]
#[template(path = "user.html")]
pub struct UserPage {
    pub c: Chrome,
    /// K-1: the user's two-step sign-in.
    pub two_step: TwoStepView,
    pub u: super::user_page::UserView,
    /// T-3: why the phone system may not match this page (a push retrying or failed).
    pub push: Option<String>,
    pub audit: Option<Vec<AuditRow>>,
    /// L-6: the groups the user is in — (id, "kind: name").
    pub groups: Vec<(String, String)>,
    pub picture: PictureForm,
}

/// K-1: whether a user must sign in in two steps, and how they do, in words.
pub struct TwoStepView {
    pub required: bool,
    pub state: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "user_edit.html")]
pub struct UserEditPage {
    pub c: Chrome,
    pub user_id: String,
    pub version: i64,
    pub configuration: super::user_page::Action,
    pub f: super::user_form::UserFormView,
}

#[derive(Template, WebTemplate)]
#[template(path = "user_deactivate.html")]
pub struct DeactivatePage {
    pub c: Chrome,
    pub user_id: String,
    pub actions: Vec<super::user_form::Option_>,
    pub destination: String,
    /// (extension, name) of active users of the site.
    pub suggestions: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub c: Chrome,
    pub user_id: String,
    pub action: String,
    pub button: String,
    pub danger: bool,
    pub consequences: Vec<String>,
    /// Fields the confirmed form carries (e.g. which number to remove).
    pub hidden: Vec<(String, String)>,
}

/// G-4: a department's or team's own page.
#[derive(Template, WebTemplate)]
#[template(path = "unit.html")]
pub struct UnitPage {
    pub c: Chrome,
    /// Where its forms post (`/organisation/teams/{id}`).
    pub path: String,
    pub team: bool,
    /// Enterprise administrators and operators change it.
    pub can_change: bool,
    /// (user id, name, extension)
    pub members: Vec<(String, String, String)>,
    /// (user id, name)
    pub leads: Vec<(String, String)>,
    pub member_picker: PickerBlock,
    pub lead_picker: PickerBlock,
    pub typed: super::directory::Fields,
}

/// I-6: the form of a site's time zone, country and language.
#[derive(Template, WebTemplate)]
#[template(path = "site.html")]
pub struct SitePage {
    pub c: Chrome,
    pub site_id: String,
    /// (field, label key, options).
    pub fields: Vec<(&'static str, &'static str, Vec<Choice>)>,
}

/// An option of a choice: (value, label, selected).
pub type Choice = (String, String, bool);

/// One audit entry as the tables show it, in words: when, who, what and to whom, the
/// changed values; where from and the raw values behind a disclosure.
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub channel: String,
    pub client_ip: Option<String>,
    pub action: String,
    pub target: String,
    pub target_link: Option<String>,
    /// (field label, before, after) in words.
    pub changes: Vec<(String, String, String)>,
    /// (field, before, after) as recorded.
    pub technical: Vec<(String, String, String)>,
}

impl AuditRow {
    /// `exists` says whether the subject still has a page to link to.
    pub fn of(
        tr: &super::i18n::Tr,
        names: &super::events::Names,
        e: switchboard_store::audit::AuditEntry,
        exists: bool,
    ) -> Self {
        let (changes, technical) = super::events::changes(tr, names, &e);
        Self {
            at: super::events::when(tr, e.at),
            actor: super::events::actor_name(tr, &e.actor),
            channel: tr.t(&format!("channel-{}", e.channel)),
            client_ip: e.client_ip.clone(),
            action: super::events::event_name(tr, &e.action),
            // A deleted subject keeps its name and loses its link.
            target_link: super::events::subject_link(&e).filter(|_| exists),
            target: super::events::subject_name(&e).unwrap_or_default(),
            changes,
            technical,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub c: Chrome,
    pub entries: Vec<AuditRow>,
    pub who: String,
    /// (code, name) of every kind of event, by name; the code is the option's value only.
    pub events: Vec<(String, String)>,
    pub event: String,
    pub from: String,
    pub to: String,
    /// The subject the log is narrowed to: (id, name).
    pub subject: Option<(String, String)>,
    pub filtered: bool,
    pub next: Option<String>,
}

pub struct LicenceRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub purchased: i64,
    pub assigned: i64,
    pub free: i64,
    pub price: String,
    pub monthly: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "licences.html")]
pub struct LicencesPage {
    pub c: Chrome,
    pub rows: Vec<LicenceRow>,
    pub total: String,
    pub operator: bool,
    pub typed: super::directory::Fields,
}

pub struct NumberRow {
    pub number: String,
    pub status: String,
    pub free: bool,
    pub usage: String,
    /// (user id, name) of the holder, when visible to this administrator.
    pub user: Option<(String, String)>,
    /// G-1: (group id, name) of the group callers reach by it.
    pub group: Option<(String, String)>,
    /// S-6: the name of the site it is the main number of.
    pub main_of_site: Option<String>,
}

/// S-6: a site's main number form: the number (or what was typed), and whether it has one.
pub struct MainNumberRow {
    pub site_id: String,
    pub site_name: String,
    pub number: String,
    pub set: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "numbers.html")]
pub struct NumbersPage {
    pub c: Chrome,
    pub rows: Vec<NumberRow>,
    pub mains: Vec<MainNumberRow>,
    pub show: String,
    pub prefix: String,
    pub next: Option<String>,
    pub first: Option<String>,
}

// Bulk work (issue 7).

#[derive(Template, WebTemplate)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub c: Chrome,
}

/// One problem of an imported file, where the spreadsheet shows it.
pub struct ImportProblemRow {
    pub row: String,
    pub column: String,
    /// The cell as written, when the problem is about one.
    pub value: String,
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "import_status.html")]
pub struct ImportStatusPage {
    pub c: Chrome,
    pub id: String,
    pub dry_run: bool,
    /// Not ended yet: the page reloads itself.
    pub running: bool,
    pub status: String,
    pub status_code: &'static str,
    pub summary: Vec<String>,
    pub problems: Vec<ImportProblemRow>,
    pub more: Option<String>,
    /// A clean check: it can be imported.
    pub confirmable: bool,
    /// Written.
    pub done: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "bulk_confirm.html")]
pub struct BulkConfirmPage {
    pub c: Chrome,
    pub action: String,
    pub danger: bool,
    pub consequence: String,
    /// (id, name)
    pub users: Vec<(String, String)>,
}

pub struct BulkOutcomeRow {
    pub name: String,
    /// The user's page, while they exist.
    pub link: Option<String>,
    pub done: bool,
    pub outcome: String,
    pub reason: String,
    pub login: Option<switchboard_app::users::SipLogin>,
}

#[derive(Template, WebTemplate)]
#[template(path = "bulk_results.html")]
pub struct BulkResultsPage {
    pub c: Chrome,
    pub summary: String,
    /// New desk-phone logins are in the rows (shown this once).
    pub logins: bool,
    pub rows: Vec<BulkOutcomeRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "device_passwords.html")]
pub struct DevicePasswordsPage {
    pub c: Chrome,
    /// (id, name)
    pub sites: Vec<(String, String)>,
    pub typed: super::directory::Fields,
}

#[derive(Template, WebTemplate)]
#[template(path = "device_passwords_done.html")]
pub struct DevicePasswordsDonePage {
    pub c: Chrome,
    pub text: String,
    pub link: String,
    /// Who was left out, in words.
    pub skipped: Option<String>,
}

// Groups (issue 6).

pub struct GroupRow {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub site: String,
    pub extension: String,
    pub members: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups.html")]
pub struct GroupsPage {
    pub c: Chrome,
    pub rows: Vec<GroupRow>,
    /// The kind shown; empty: all.
    pub kind: String,
    pub kinds: Vec<(&'static str, String)>,
    pub sites: Vec<(String, String)>,
    pub typed: super::directory::Fields,
}

pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub extension: String,
    pub state: &'static str,
    pub state_label: String,
    /// G-1: their share of calls under the weighted ring policy.
    pub weight: i64,
}

/// A person found by the picker: who they are, and the reason they are not offered, if so.
pub struct PickRow {
    pub id: String,
    pub name: String,
    pub extension: String,
    pub state: &'static str,
    pub state_label: String,
    pub not_offered: Option<String>,
    /// G-4: choosing them as a lead gives them the team lead role.
    pub gains_role: bool,
}

/// The picker of one role on a page: what was searched for and who was found, and where its
/// search (GET) and its Add buttons (POST) go.
#[derive(Default)]
pub struct PickerBlock {
    pub query: String,
    pub searched: bool,
    pub rows: Vec<PickRow>,
    pub search_action: String,
    pub post_action: String,
}

impl PickerBlock {
    pub fn at(mut self, search_action: &str, post_action: &str) -> Self {
        self.search_action = search_action.to_owned();
        self.post_action = post_action.to_owned();
        self
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "group.html")]
pub struct GroupPage {
    pub c: Chrome,
    /// Issue 19 item 2: people found by name for the members and the supervisors.
    pub member_picker: PickerBlock,
    pub supervisor_picker: PickerBlock,
    pub id: String,
    pub version: i64,
    pub kind: &'static str,
    pub kind_label: String,
    pub kind_meaning: String,
    pub site: String,
    pub policies: Vec<(&'static str, String)>,
    pub members: Vec<MemberRow>,
    /// G-1: the ring policy is weighted, so members' weights are shown and set.
    pub weighted: bool,
    /// Call centres (G-2): supervisors, campaigns, and the campaign directions to choose from.
    pub supervisors: Vec<MemberRow>,
    pub campaigns: Vec<CampaignBlock>,
    pub directions: Vec<(&'static str, String)>,
    /// S-3, G-6: the greetings a virtual user has.
    pub greetings: Vec<GreetingSlot>,
    /// S-3: a virtual user's call services form, as stored or as typed.
    pub services: Option<GroupServicesForm>,
    /// Auto attendants (G-6): the weekdays (value, label, ticked) and the two menus.
    pub weekdays: Vec<(String, String, bool)>,
    pub menus: Vec<MenuBlock>,
    pub typed: super::directory::Fields,
}

pub struct GroupServicesForm {
    pub version: i64,
    pub forward_always: String,
    pub voicemail: bool,
    pub voicemail_email: String,
    pub pin_set: bool,
}

/// A greeting of a group's page: its purpose, title and, once uploaded, what it is in words.
pub struct GreetingSlot {
    pub purpose: &'static str,
    /// Where its audio plays from and its forms post to.
    pub src: String,
    pub title: String,
    pub about: Option<String>,
}

/// A user's picture and the forms that set and remove it (U-9).
pub struct PictureForm {
    /// The current picture's address; none without one.
    pub src: Option<String>,
    /// Where the forms post (`…/delete` removes).
    pub action: String,
    /// Whose picture, for its text alternative.
    pub name: String,
}

/// What an uploaded greeting is, in words: "WAV · 12 KB · 2026-12-02T…".
pub fn greeting_about(tr: &super::i18n::Tr, a: &switchboard_store::greetings::About) -> String {
    let kind = if a.content_type == "audio/wav" {
        "WAV"
    } else {
        "MP3"
    };
    format!(
        "{kind} · {} KB · {} {}",
        (a.size + 1023) / 1024,
        tr.t("greeting-uploaded"),
        tr.when(a.created_at)
    )
}

/// One menu of an auto attendant's page: a row per key, and the no-input destination.
pub struct MenuBlock {
    pub title: String,
    /// (key as shown, its field's name, what the key reaches in words)
    pub rows: Vec<(&'static str, String, String)>,
    pub no_input_field: String,
    /// What no input reaches, in words.
    pub no_input_reaches: String,
}

/// A call centre's campaign on its page: each agent of the call centre, ticked when assigned.
pub struct CampaignBlock {
    pub id: String,
    pub name: String,
    pub direction_label: String,
    pub agents: Vec<AgentChoice>,
}

pub struct AgentChoice {
    pub id: String,
    pub name: String,
    pub extension: String,
    pub assigned: bool,
}

// The inbox (L-4, G-5).

pub struct InboxRow {
    pub subject: String,
    pub text: String,
    pub category: String,
    pub category_label: String,
    pub when: String,
    pub unread: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox.html")]
pub struct InboxPage {
    pub c: Chrome,
    pub rows: Vec<InboxRow>,
}

// Broadcasts (G-5).

pub struct BroadcastRow {
    pub subject: String,
    pub teams: String,
    pub category: String,
    pub send_at: String,
    pub status: String,
    pub recipients: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "broadcasts.html")]
pub struct BroadcastsPage {
    pub c: Chrome,
    pub rows: Vec<BroadcastRow>,
    /// (id, name)
    pub teams: Vec<(String, String)>,
    pub categories: Vec<(&'static str, String)>,
    pub typed: super::directory::Fields,
}

// Call services (S-1, S-4).

#[derive(Template, WebTemplate)]
#[template(path = "services.html")]
pub struct ServicesPage {
    pub c: Chrome,
    /// Where the form posts: the user's own page, or the administrator's view of a user.
    pub action: String,
    pub user_id: String,
    /// S-4: said when an administrator acts in a user's view.
    pub banner: Option<String>,
    pub pin_set: bool,
    /// S-6: the user's alternative numbers, which callers may be shown instead.
    pub numbers: Vec<String>,
    /// S-6: the main number of the user's site, if it has one.
    pub site_main: Option<String>,
    /// S-5: the soft clients set up, as (kind, SIP user name, since).
    pub soft_clients: Vec<(String, String, String)>,
    /// S-2: administrators edit the services only they set; the user reads them.
    pub as_admin: bool,
    pub network_classes: Vec<(&'static str, String)>,
    pub network_class_label: String,
    /// The shared lines in words, for the user's own page.
    pub shared_lines: String,
    /// S-1: the voicemail greeting uploaded, in words; none: the default one.
    pub greeting: Option<String>,
    pub greeting_src: String,
    /// S-1: the user's voicemail messages, newest first.
    pub voicemails: Vec<VoicemailRow>,
    /// U-9: the user's own picture (on their own page; administrators set it on the user's).
    pub picture: Option<PictureForm>,
    pub typed: super::directory::Fields,
}

pub struct VoicemailRow {
    pub id: String,
    pub caller: String,
    pub received: String,
    /// `m:ss`.
    pub duration: String,
    pub new: bool,
}

/// S-5: a one-time provisioning link and its QR code, shown once.
#[derive(Template, WebTemplate)]
#[template(path = "soft_client_link.html")]
pub struct SoftClientLinkPage {
    pub c: Chrome,
    pub intro: String,
    pub qr_svg: String,
    pub link: String,
    pub expires: String,
    pub back: String,
}

// Organisation (G-4).

#[derive(Template, WebTemplate)]
#[template(path = "organisation.html")]
pub struct OrganisationPage {
    pub c: Chrome,
    // Departments and teams: (id, name, how many people in words).
    /// I-6: (id, name, time zone, country, language) of each site, in words.
    pub sites: Vec<(String, String, String, String, String)>,
    /// Enterprise administrators change where a site is.
    pub can_change_sites: bool,
    pub departments: Vec<(String, String, String)>,
    pub teams: Vec<(String, String, String)>,
    /// (team id, user id, name) of every team's leads.
    pub leads: Vec<(String, String, String)>,
    /// Enterprise administrators and operators add departments and teams.
    pub can_add: bool,
    pub typed: super::directory::Fields,
}

impl OrganisationPage {
    /// The refusal of a team's add-lead form, said at that team's field.
    pub fn lead_error(&self, team: &str) -> Option<String> {
        self.c.error_for(&format!("lead-{team}"))
    }
}

/// A team its lead sees: its name and members (name, extension, email, state).
pub struct LedTeamView {
    pub name: String,
    pub members: Vec<(String, String, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "my_teams.html")]
pub struct MyTeamsPage {
    pub c: Chrome,
    pub teams: Vec<LedTeamView>,
}
