//! The REST API under `/api/v1` (I-1) and its OpenAPI 3.1 document, generated from the handlers.

pub mod accounts;
pub mod broadcasts;
pub mod bulk;
pub mod catalogue;
pub mod dto;
pub mod greetings;
pub mod groups;
pub mod operations;
pub mod pictures;
pub mod services;
pub mod soft_clients;
pub mod teams;
pub mod tenancy;
pub mod users;
pub mod voicemail;

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Switchboard API",
        description = "Administration of a hosted business phone system: enterprises, sites, licences, numbers, users \
            and their lifecycle. Authenticate with `Authorization: Bearer <token>`. Errors are RFC 9457 problem details \
            with a stable `code`; a `validation` problem lists every failing field in `errors`. Lists page with \
            `next_cursor` (keyset). Updates need `If-Match` with the ETag read.",
        license(name = "AGPL-3.0-or-later")
    ),
    servers((url = "/api/v1")),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(crate::problem::Problem, crate::problem::ProblemField)),
    tags(
        (name = "enterprises", description = "Tenants, their sites, departments and teams"),
        (name = "catalogue", description = "Licence and device catalogues of the provider"),
        (name = "licences", description = "Each enterprise's purchased and assigned licences (N-1…N-3)"),
        (name = "numbers", description = "Each enterprise's number pool (N-4)"),
        (name = "users", description = "Users and their lifecycle (U-1…U-8, L-1…L-7)"),
        (name = "bulk", description = "CSV import and export of users (B-1)"),
        (name = "groups", description = "Hunt groups, call centres and their campaigns, call pickup and call park groups (G-1, G-2, G-3), broadcasts to teams (G-5)"),
        (name = "operations", description = "Background jobs, audit log, API tokens, mail outbox"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API's routes with their OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(
            tenancy::create_enterprise,
            tenancy::list_enterprises
        ))
        .routes(routes!(tenancy::get_enterprise, tenancy::update_enterprise))
        .routes(routes!(tenancy::create_site, tenancy::list_sites))
        .routes(routes!(tenancy::get_site))
        .routes(routes!(tenancy::list_site_places))
        .routes(routes!(tenancy::update_site_place))
        .routes(routes!(
            tenancy::get_main_number,
            tenancy::put_main_number,
            tenancy::delete_main_number
        ))
        .routes(routes!(
            tenancy::create_department,
            tenancy::list_departments
        ))
        .routes(routes!(tenancy::create_team, tenancy::list_teams))
        .routes(routes!(teams::set_leads))
        .routes(routes!(teams::members))
        .routes(routes!(
            catalogue::create_licence_type,
            catalogue::list_licence_types
        ))
        .routes(routes!(
            catalogue::create_device_type,
            catalogue::list_device_types
        ))
        .routes(routes!(catalogue::set_licence_type_names))
        .routes(routes!(catalogue::set_device_type_names))
        .routes(routes!(catalogue::licences))
        .routes(routes!(
            catalogue::create_purchase,
            catalogue::list_purchases
        ))
        .routes(routes!(catalogue::load_numbers, catalogue::list_numbers))
        .routes(routes!(users::create_user, users::list_users))
        .routes(routes!(
            users::get_user,
            users::update_user,
            users::delete_user
        ))
        .routes(routes!(users::retry_activation))
        .routes(routes!(users::deactivate))
        .routes(routes!(users::reactivate))
        .routes(routes!(users::new_sip_credentials))
        .routes(routes!(users::duplicate))
        .routes(routes!(users::add_alternative_number))
        .routes(routes!(users::remove_alternative_number))
        .routes(routes!(bulk::import_template))
        .routes(routes!(bulk::import_values))
        .routes(routes!(bulk::export_users))
        .routes(routes!(bulk::create_import))
        .routes(routes!(bulk::bulk_action))
        .routes(routes!(bulk::create_device_passwords))
        .routes(routes!(bulk::download_device_passwords))
        .routes(routes!(bulk::get_import))
        .routes(routes!(bulk::confirm_import))
        .routes(routes!(groups::create_group, groups::list_groups))
        .routes(routes!(
            groups::get_group,
            groups::update_group,
            groups::delete_group
        ))
        .routes(routes!(groups::set_members))
        .routes(routes!(soft_clients::issue_link, soft_clients::list))
        .routes(routes!(soft_clients::redeem))
        .routes(routes!(voicemail::list, voicemail::record))
        .routes(routes!(voicemail::heard))
        .routes(routes!(voicemail::delete))
        .routes(routes!(
            services::get_group_services,
            services::update_group_services
        ))
        .routes(routes!(
            greetings::put_user_greeting,
            greetings::get_user_greeting,
            greetings::delete_user_greeting
        ))
        .routes(routes!(
            greetings::put_group_greeting,
            greetings::get_group_greeting,
            greetings::delete_group_greeting
        ))
        .routes(routes!(
            pictures::put_picture,
            pictures::get_picture,
            pictures::delete_picture
        ))
        .routes(routes!(groups::set_supervisors))
        .routes(routes!(groups::create_campaign))
        .routes(routes!(groups::get_campaign, groups::delete_campaign))
        .routes(routes!(groups::set_campaign_agents))
        .routes(routes!(groups::user_groups))
        .routes(routes!(services::get_services, services::update_services))
        .routes(routes!(
            broadcasts::create_broadcast,
            broadcasts::list_broadcasts
        ))
        .routes(routes!(operations::list_jobs))
        .routes(routes!(operations::get_job))
        .routes(routes!(operations::retry_job))
        .routes(routes!(operations::list_audit))
        .routes(routes!(operations::create_token, operations::list_tokens))
        .routes(routes!(operations::revoke_token))
        .routes(routes!(accounts::get_account))
        .routes(routes!(accounts::invite))
        .routes(routes!(accounts::set_password))
        .routes(routes!(accounts::require_two_step))
        .routes(routes!(accounts::list_outbox))
}

/// The OpenAPI document as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().into_openapi()
}
