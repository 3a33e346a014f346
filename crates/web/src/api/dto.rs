//! The JSON shapes of the REST API. Request bodies have only optional fields (the service
//! reports every missing one) and refuse unknown fields; responses mirror the domain records.

use serde::{Deserialize, Deserializer, Serialize};
use switchboard_app::jobs::PushState;
use switchboard_app::users::{Patch, SipLogin, UserDraft};
use switchboard_domain::{Timestamp, UserState};
use switchboard_store::audit::AuditEntry;
use switchboard_store::devices::DeviceType;
use switchboard_store::enterprises::Enterprise;
use switchboard_store::jobs::Job;
use switchboard_store::licences::{LicenceType, Pool, Purchase};
use switchboard_store::numbers::PoolNumber;
use switchboard_store::org::Unit;
use switchboard_store::tokens::ApiToken;
use switchboard_store::users::User;
use utoipa::ToSchema;

/// `null` clears a field, absence keeps it (JSON merge-patch semantics).
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

pub fn patch<T>(value: Option<Option<T>>) -> Patch<T> {
    match value {
        None => Patch::Keep,
        Some(None) => Patch::Clear,
        Some(Some(v)) => Patch::Set(v),
    }
}

fn ts(t: Timestamp) -> String {
    t.to_rfc3339()
}

/// A page of a list: `next_cursor` fetches the next one; absent on the last page.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> Page<T> {
    /// A page from `limit + 1` fetched records: the extra one only tells that more follow, and
    /// the cursor is that of the last record shown.
    pub fn from_overfetch<R>(
        mut records: Vec<R>,
        limit: i64,
        cursor_of: impl Fn(&R) -> String,
    ) -> Self
    where
        T: From<R>,
    {
        let limit = usize::try_from(limit).unwrap_or(0);
        let next_cursor = if records.len() > limit {
            records.truncate(limit);
            records.last().map(&cursor_of)
        } else {
            None
        };
        Page {
            items: records.into_iter().map(T::from).collect(),
            next_cursor,
        }
    }
}

// ----- enterprises, sites, departments, teams -----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEnterprise {
    /// The customer company's name (1–100 characters).
    pub name: Option<String>,
    /// The SIP domain (realm) of its phones, e.g. `acme.sip.example.net`.
    pub sip_domain: Option<String>,
    /// Where notices to the enterprise go.
    pub contact_email: Option<String>,
    /// Shortest extension allowed (default 2).
    pub extension_min_len: Option<i64>,
    /// Longest extension allowed (default 4).
    pub extension_max_len: Option<i64>,
    /// I-6: the sites' default time zone, an IANA name such as `Europe/Berlin` (default UTC).
    pub time_zone: Option<String>,
    /// The sites' default country, ISO 3166 (`DE`): numbers typed in national form are read by it.
    pub country: Option<String>,
    /// The sites' default language: `en`, `de` or `fr` (default `en`).
    pub language: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEnterprise {
    pub name: Option<String>,
    pub contact_email: Option<String>,
    pub extension_min_len: Option<i64>,
    pub extension_max_len: Option<i64>,
    pub time_zone: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
}

/// I-6: a site's time zone, country and language; one given empty takes the enterprise's again.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSitePlace {
    pub time_zone: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
}

/// A site, where it is, and what it sets itself (the rest comes from its enterprise).
#[derive(Debug, Serialize, ToSchema)]
pub struct SitePlaceDto {
    pub id: String,
    pub name: String,
    /// In force at the site.
    pub time_zone: String,
    pub country: Option<String>,
    pub language: String,
    /// What the site sets itself; none: the enterprise's.
    pub own_time_zone: Option<String>,
    pub own_country: Option<String>,
    pub own_language: Option<String>,
}

impl From<switchboard_app::tenancy::SitePlace> for SitePlaceDto {
    fn from(p: switchboard_app::tenancy::SitePlace) -> Self {
        Self {
            id: p.site.id.to_string(),
            name: p.site.name,
            time_zone: p.time_zone.name().into(),
            country: p.country.map(|c| c.code()),
            language: p.language.as_str().into(),
            own_time_zone: p.own.time_zone.map(|z| z.name().into()),
            own_country: p.own.country.map(|c| c.code()),
            own_language: p.own.language.map(|l| l.as_str().into()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EnterpriseDto {
    pub id: String,
    pub name: String,
    pub sip_domain: String,
    pub contact_email: String,
    pub extension_min_len: u8,
    pub extension_max_len: u8,
    /// I-6: the sites' defaults.
    pub time_zone: String,
    pub country: Option<String>,
    pub language: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl From<Enterprise> for EnterpriseDto {
    fn from(e: Enterprise) -> Self {
        Self {
            id: e.id.to_string(),
            name: e.name,
            sip_domain: e.sip_domain,
            contact_email: e.contact_email.to_string(),
            extension_min_len: e.extension_policy.min_len,
            extension_max_len: e.extension_policy.max_len,
            time_zone: e.time_zone.name().into(),
            country: e.country.map(|c| c.code()),
            language: e.language.as_str().into(),
            version: e.version,
            created_at: ts(e.created_at),
            updated_at: ts(e.updated_at),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateNamed {
    /// 1–100 characters, unique within the enterprise.
    pub name: Option<String>,
}

/// A site, department or team.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitDto {
    pub id: String,
    pub enterprise_id: String,
    pub name: String,
    pub created_at: String,
}

impl<Id: std::fmt::Display> From<Unit<Id>> for UnitDto {
    fn from(u: Unit<Id>) -> Self {
        Self {
            id: u.id.to_string(),
            enterprise_id: u.enterprise_id.to_string(),
            name: u.name,
            created_at: ts(u.created_at),
        }
    }
}

// ----- catalogues and licences -----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLicenceType {
    /// Slug such as `voice-premium`; `additional-number` is the add-on of alternative numbers (N-5).
    pub code: Option<String>,
    /// The English name, and the fallback of the other languages.
    pub name: Option<String>,
    /// I-6: the name in German and French: `{"de": "…", "fr": "…"}`.
    pub names: Option<std::collections::BTreeMap<String, String>>,
    /// `package` or `addon`.
    pub kind: Option<String>,
    pub monthly_price_cents: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LicenceTypeDto {
    pub id: String,
    pub code: String,
    pub name: String,
    /// I-6: the name in other languages (`de`, `fr`).
    pub names: std::collections::BTreeMap<String, String>,
    /// `package` or `addon`.
    pub kind: String,
    pub monthly_price_cents: i64,
}

impl From<LicenceType> for LicenceTypeDto {
    fn from(l: LicenceType) -> Self {
        Self {
            id: l.id.to_string(),
            code: l.code.to_string(),
            name: l.name,
            names: l.names,
            kind: l.kind.as_str().to_owned(),
            monthly_price_cents: l.monthly_price_cents,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LicencePoolDto {
    pub licence: LicenceTypeDto,
    pub purchased: i64,
    pub assigned: i64,
    pub free: i64,
    pub monthly_cost_cents: i64,
}

impl From<Pool> for LicencePoolDto {
    fn from(p: Pool) -> Self {
        let monthly_cost_cents = p.purchased * p.licence.monthly_price_cents;
        Self {
            free: p.purchased - p.assigned,
            purchased: p.purchased,
            assigned: p.assigned,
            monthly_cost_cents,
            licence: p.licence.into(),
        }
    }
}

/// N-3: an enterprise's licences and what they cost per month (billing is by purchase).
#[derive(Debug, Serialize, ToSchema)]
pub struct LicencesDto {
    pub pools: Vec<LicencePoolDto>,
    pub monthly_total_cents: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePurchase {
    /// Licence type code or id.
    pub licence: Option<String>,
    /// How many were bought; negative to cancel (never below what is assigned).
    pub quantity: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PurchaseDto {
    pub id: String,
    pub licence_type_id: String,
    pub quantity: i64,
    pub note: Option<String>,
    pub created_at: String,
}

impl From<Purchase> for PurchaseDto {
    fn from(p: Purchase) -> Self {
        Self {
            id: p.id.to_string(),
            licence_type_id: p.licence_type_id.to_string(),
            quantity: p.quantity,
            note: p.note,
            created_at: ts(p.created_at),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDeviceType {
    pub code: Option<String>,
    /// The English name, and the fallback of the other languages.
    pub name: Option<String>,
    /// I-6: the name in German and French: `{"de": "…", "fr": "…"}`.
    pub names: Option<std::collections::BTreeMap<String, String>>,
    /// `desk_phone`, `none` (no desk phone), `mobile_client` or `desktop_client`.
    pub kind: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeviceTypeDto {
    pub id: String,
    pub code: String,
    pub name: String,
    /// I-6: the name in other languages (`de`, `fr`).
    pub names: std::collections::BTreeMap<String, String>,
    pub kind: String,
}

impl From<DeviceType> for DeviceTypeDto {
    fn from(d: DeviceType) -> Self {
        Self {
            id: d.id.to_string(),
            code: d.code,
            name: d.name,
            names: d.names,
            kind: d.kind.as_str().to_owned(),
        }
    }
}

// ----- numbers -----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadNumbers {
    /// One number, E.164 (`+4930123456700`); or give `first` and `last`.
    pub number: Option<String>,
    /// First number of a range (at most 10,000 numbers).
    pub first: Option<String>,
    /// Last number of the range.
    pub last: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LoadedNumbers {
    pub loaded: usize,
    pub first: Option<String>,
    pub last: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NumberDto {
    pub number: String,
    /// `free` or `assigned`.
    pub status: String,
    pub user_id: Option<String>,
    pub user_name: Option<String>,
    /// `primary` or `alternative` when assigned to a user.
    pub usage: Option<String>,
    /// G-1: the hunt group, call centre or auto attendant callers reach by it.
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    /// S-6: the site it is the main number of.
    pub main_number_of_site_id: Option<String>,
    pub main_number_of_site_name: Option<String>,
}

impl From<PoolNumber> for NumberDto {
    fn from(n: PoolNumber) -> Self {
        let held = n.usage.is_some() || n.group.is_some() || n.main_of_site.is_some();
        let (group_id, group_name) = n
            .group
            .map(|(id, name)| (Some(id.to_string()), Some(name)))
            .unwrap_or_default();
        let (site_id, site_name) = n
            .main_of_site
            .map(|(id, name)| (Some(id.to_string()), Some(name)))
            .unwrap_or_default();
        Self {
            status: if held { "assigned" } else { "free" }.into(),
            group_id,
            group_name,
            main_number_of_site_id: site_id,
            main_number_of_site_name: site_name,
            number: n.number.to_string(),
            user_id: n.user_id.map(|u| u.to_string()),
            user_name: n.user_name,
            usage: n.usage.map(|u| {
                serde_json::to_value(u)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            }),
        }
    }
}

// ----- users -----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// Required: the site the user belongs to.
    pub site_id: Option<String>,
    /// Required, 1–23 characters.
    pub first_name: Option<String>,
    /// Required, 1–30 characters.
    pub last_name: Option<String>,
    /// Required.
    pub email: Option<String>,
    /// Defaults to the email; unique on the platform, case-insensitive.
    pub login_name: Option<String>,
    /// `user` (default), `team_lead`, `site_admin`, `enterprise_admin`.
    pub role: Option<String>,
    /// Required: a package licence code or id (N-1).
    pub package_licence: Option<String>,
    /// Add-on licence codes or ids.
    pub addon_licences: Option<Vec<String>>,
    /// A free number of the enterprise's pool (E.164).
    pub primary_number: Option<String>,
    /// Digits; defaults to the last digits of the primary number (U-2).
    pub extension: Option<String>,
    /// Required: device type code or id; `none` (no desk phone) needs mobile and contract number.
    pub device_type: Option<String>,
    pub mobile_number: Option<String>,
    pub contract_number: Option<String>,
    pub department_id: Option<String>,
    pub team_ids: Option<Vec<String>>,
    pub personal_contact: Option<String>,
    /// `en` (default), `de`, `fr`.
    pub language: Option<String>,
    /// U-5: a portal password set by the administrator (12–256 characters, strength-checked).
    /// Without it the user gets an invitation email with a one-time link.
    pub password: Option<String>,
    /// U-5: with `password`, whether it must be changed at first sign-in (default true).
    pub must_change_password: Option<bool>,
    /// K-1: require two-step sign-in; then `personal_contact` (email or mobile) is mandatory.
    pub two_step_required: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// U-8: a login name that was the email follows it.
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub role: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub department_id: Option<Option<String>>,
    pub team_ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    pub personal_contact: Option<Option<String>>,
    pub language: Option<String>,
    /// Configuration (L-3/L-7, active users only): the old number is freed at once (N-6).
    pub primary_number: Option<String>,
    pub extension: Option<String>,
    /// A new device type gives new desk-phone login details, returned once.
    pub device_type: Option<String>,
    pub package_licence: Option<String>,
    pub addon_licences: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    pub mobile_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    pub contract_number: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InterceptDto {
    /// `announce_new_number` or `transfer_on_zero`.
    pub action: String,
    /// The active user of the same site who receives the calls, if a user does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_user_id: Option<String>,
    /// The call-centre queue of the same site that receives the calls, if a queue does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_queue_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: String,
    pub enterprise_id: String,
    pub site_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub login_name: String,
    pub role: String,
    /// `pending`, `active`, `failed` or `deactivated`.
    pub state: String,
    /// What the state means for calls.
    pub state_description: String,
    /// Why activation failed, when it did.
    pub state_reason: Option<String>,
    pub package_licence_id: String,
    pub addon_licence_ids: Vec<String>,
    pub device_type_id: String,
    pub primary_number: Option<String>,
    pub alternative_numbers: Vec<String>,
    pub extension: String,
    pub mobile_number: Option<String>,
    pub contract_number: Option<String>,
    pub department_id: Option<String>,
    pub team_ids: Vec<String>,
    pub personal_contact: Option<String>,
    pub language: String,
    pub intercept: Option<InterceptDto>,
    /// The version; the ETag is `"v{version}"`.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub activated_at: Option<String>,
    pub deactivated_at: Option<String>,
    /// When the user's picture was set (U-9; `GET /users/{id}/picture`); none without one.
    pub picture_updated_at: Option<String>,
    /// Whether the SIP server has this user's last change (T-3); on a single user only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioning: Option<PushStateDto>,
}

/// T-3: whether the SIP server has the user's last change.
#[derive(Debug, Serialize, ToSchema)]
pub struct PushStateDto {
    /// `in_step`, `pending` (waits for its first attempt), `retrying` (an attempt failed; tried
    /// again with back-off) or `failed` (every attempt failed: see the job, retry it).
    pub status: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// The sync job, in `/api/v1/jobs` (operators).
    pub job_id: Option<String>,
    pub attempts: i64,
    pub next_attempt_at: Option<String>,
}

impl From<PushState> for PushStateDto {
    fn from(p: PushState) -> Self {
        Self {
            status: p.status.as_str().into(),
            error: p.error,
            job_id: p.job_id.map(|id| id.to_string()),
            attempts: p.attempts,
            next_attempt_at: p.next_attempt_at.map(ts),
        }
    }
}

fn describe(state: UserState) -> &'static str {
    match state {
        UserState::Pending => "Pending activation: can make calls but not receive them.",
        UserState::Active => "Active: makes and receives calls.",
        UserState::Failed => {
            "Activation failed: can make calls but not receive them until an operator retries."
        }
        UserState::Deactivated => {
            "Deactivated: callers hear the intercept message and are sent on; the number is kept."
        }
    }
}

impl From<User> for UserDto {
    fn from(u: User) -> Self {
        Self {
            id: u.id.to_string(),
            enterprise_id: u.enterprise_id.to_string(),
            site_id: u.site_id.to_string(),
            first_name: u.first_name.to_string(),
            last_name: u.last_name.to_string(),
            email: u.email.to_string(),
            login_name: u.login_name.to_string(),
            role: u.role.as_str().into(),
            state: u.state.as_str().into(),
            state_description: describe(u.state).into(),
            state_reason: u.state_reason,
            package_licence_id: u.package_licence_id.to_string(),
            addon_licence_ids: u
                .addon_licence_ids
                .iter()
                .map(ToString::to_string)
                .collect(),
            device_type_id: u.device_type_id.to_string(),
            primary_number: u.primary_number.map(|n| n.to_string()),
            alternative_numbers: u
                .alternative_numbers
                .iter()
                .map(ToString::to_string)
                .collect(),
            extension: u.extension.to_string(),
            mobile_number: u.mobile_number.map(|n| n.to_string()),
            contract_number: u.contract_number.map(|n| n.as_str().to_owned()),
            department_id: u.department_id.map(|d| d.to_string()),
            team_ids: u.team_ids.iter().map(ToString::to_string).collect(),
            personal_contact: u.personal_contact,
            language: u.language.as_str().into(),
            intercept: u.intercept.map(|i| InterceptDto {
                action: i.action.as_str().into(),
                destination_user_id: i.destination_user().map(|d| d.to_string()),
                destination_queue_id: i.destination_queue().map(|d| d.to_string()),
            }),
            version: u.version,
            created_at: ts(u.created_at),
            updated_at: ts(u.updated_at),
            activated_at: u.activated_at.map(ts),
            deactivated_at: u.deactivated_at.map(ts),
            picture_updated_at: u.picture_at.map(ts),
            provisioning: None,
        }
    }
}

/// U-4: desk-phone login details. Shown in this response only; only a digest is stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct SipLoginDto {
    pub username: String,
    pub password: String,
    pub domain: String,
}

impl From<SipLogin> for SipLoginDto {
    fn from(s: SipLogin) -> Self {
        Self {
            username: s.username,
            password: s.password,
            domain: s.domain,
        }
    }
}

/// A user with, when the request made new ones, their desk-phone login (shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserWithLoginDto {
    pub user: UserDto,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sip_login: Option<SipLoginDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeactivateUser {
    /// L-5: `announce_new_number` or `transfer_on_zero`.
    pub action: Option<String>,
    /// An active user of the same site who receives the calls …
    pub destination_user_id: Option<String>,
    /// … or a call centre of the same site whose queue receives them (exactly one of the two).
    pub destination_queue_id: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddNumber {
    /// A free number of the enterprise's pool.
    pub number: Option<String>,
}

/// U-7: the fields of a new user taken from an existing one; send it, completed, to create a user.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserDraftDto {
    pub site_id: String,
    pub role: String,
    pub package_licence: String,
    pub addon_licences: Vec<String>,
    pub device_type: String,
    pub department_id: Option<String>,
    pub team_ids: Vec<String>,
    pub language: String,
    /// What must still be filled in.
    pub missing: Vec<String>,
}

impl From<UserDraft> for UserDraftDto {
    fn from(d: UserDraft) -> Self {
        Self {
            site_id: d.site_id.to_string(),
            role: d.role.as_str().into(),
            package_licence: d.package_licence,
            addon_licences: d.addon_licences,
            device_type: d.device_type,
            department_id: d.department_id.map(|x| x.to_string()),
            team_ids: d.team_ids.iter().map(ToString::to_string).collect(),
            language: d.language.as_str().into(),
            missing: [
                "first_name",
                "last_name",
                "email",
                "primary_number",
                "extension",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

// ----- operations -----

#[derive(Debug, Serialize, ToSchema)]
pub struct JobDto {
    pub id: String,
    pub kind: String,
    /// `queued`, `running`, `succeeded` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: String,
    pub last_error: Option<String>,
    pub enterprise_id: Option<String>,
    pub subject_id: Option<String>,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
}

impl From<Job> for JobDto {
    fn from(j: Job) -> Self {
        Self {
            id: j.id.to_string(),
            kind: j.kind,
            status: j.status.as_str().into(),
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            run_at: ts(j.run_at),
            last_error: j.last_error,
            enterprise_id: j.enterprise_id.map(|e| e.to_string()),
            subject_id: j.subject_id,
            payload: j.payload,
            created_at: ts(j.created_at),
            updated_at: ts(j.updated_at),
            finished_at: j.finished_at.map(ts),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditDto {
    pub id: String,
    pub at: String,
    pub enterprise_id: Option<String>,
    pub actor: String,
    /// `api`, `portal`, `cli`, `scim`, `import` or `system`.
    pub channel: String,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
}

impl From<AuditEntry> for AuditDto {
    fn from(a: AuditEntry) -> Self {
        Self {
            id: a.id.to_string(),
            at: ts(a.at),
            enterprise_id: a.enterprise_id.map(|e| e.to_string()),
            actor: a.actor,
            channel: a.channel,
            client_ip: a.client_ip,
            request_id: a.request_id,
            action: a.action,
            target_kind: a.target_kind,
            target_id: a.target_id,
            before: a.before,
            after: a.after,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateToken {
    pub name: Option<String>,
    /// `operator`, `enterprise` (an enterprise administrator) or `site` (a site administrator).
    pub scope: Option<String>,
    pub enterprise_id: Option<String>,
    pub site_id: Option<String>,
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenDto {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub role: String,
    pub enterprise_id: Option<String>,
    pub site_id: Option<String>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<ApiToken> for TokenDto {
    fn from(t: ApiToken) -> Self {
        Self {
            id: t.id.to_string(),
            name: t.name,
            scope: t.scope,
            role: t.role,
            enterprise_id: t.enterprise_id.map(|e| e.to_string()),
            site_id: t.site_id.map(|s| s.to_string()),
            created_at: ts(t.created_at),
            expires_at: t.expires_at.map(ts),
            last_used_at: t.last_used_at.map(ts),
            revoked_at: t.revoked_at.map(ts),
        }
    }
}

/// A new token. `token` is shown this once; only its digest is kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedTokenDto {
    pub token: String,
    #[serde(flatten)]
    pub record: TokenDto,
}
