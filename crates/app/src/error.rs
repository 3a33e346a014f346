//! The one error type of every use case. Each variant has a stable `code` that clients can rely on;
//! the REST edge renders it as RFC 9457 problem details, the CLI as a message and exit code.

use switchboard_domain::{FieldError, UserState, Violations};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// One or more fields are wrong; every one of them is listed (K-3).
    #[error("the request has invalid fields")]
    Validation(Vec<FieldError>),
    /// Absent, or belongs to another tenant (A-2: both answer the same).
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("authentication required")]
    Unauthenticated,
    /// K-1: wrong login or password, unknown or deactivated account, or a lock in force — all
    /// answer the same, so a guesser learns nothing.
    #[error("The login name or password is not right.")]
    SignInFailed,
    /// Visible, but the actor's role does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// L-2/L-3: the user's state does not allow this.
    #[error("{detail}")]
    UserNotActive { state: UserState, detail: String },
    /// N-2.
    #[error(
        "No free '{licence}' licence: every purchased one is assigned. Purchase more to continue."
    )]
    LicenceExhausted { licence: String },
    /// N-4.
    #[error("Number {0} is already assigned to someone.")]
    NumberTaken(String),
    /// U-2.
    #[error("Extension {0} is already used in this enterprise.")]
    ExtensionTaken(String),
    /// U-1.
    #[error("The login name {0} is already used.")]
    LoginTaken(String),
    /// L-9, G-4: what is about to go is still used; `by` names who uses it (people, groups) —
    /// every one, or the first few and how many `more`.
    #[error("'{what}' is in use by {}{}.", by.join(", "), if *more > 0 { format!(" and {more} more") } else { String::new() })]
    InUse {
        what: String,
        by: Vec<String>,
        more: i64,
    },
    /// Another conflict with the current state, with its own stable code.
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// It was there and is no more: a one-time link used, or expired. Its own stable code.
    #[error("{detail}")]
    Gone { code: &'static str, detail: String },
    /// `If-Match` names a version that is not the current one.
    #[error("It was changed since you read it: read it again (new ETag) and retry.")]
    PreconditionFailed,
    /// An update came without `If-Match`.
    #[error("This update needs an If-Match header with the ETag you read.")]
    PreconditionRequired,
    /// Anything unexpected; its cause goes to the log, never to the client.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation",
            Self::NotFound(_) => "not-found",
            Self::Unauthenticated => "unauthenticated",
            Self::SignInFailed => "sign-in-failed",
            Self::Forbidden(_) => "forbidden",
            Self::UserNotActive { .. } => "user-not-active",
            Self::LicenceExhausted { .. } => "licence-exhausted",
            Self::NumberTaken(_) => "number-taken",
            Self::ExtensionTaken(_) => "extension-taken",
            Self::LoginTaken(_) => "login-taken",
            Self::InUse { .. } => "in-use",
            Self::Conflict { code, .. } | Self::Gone { code, .. } => code,
            Self::PreconditionFailed => "precondition-failed",
            Self::PreconditionRequired => "precondition-required",
            Self::Internal(_) => "internal",
        }
    }

    /// A request refused for a reason the person can act on (as opposed to a failure of ours).
    pub fn is_refusal(&self) -> bool {
        !matches!(self, Self::Internal(_) | Self::Unauthenticated)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
        }
    }

    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }
}

impl From<Violations> for AppError {
    fn from(v: Violations) -> Self {
        Self::Validation(v.into_errors())
    }
}

impl From<switchboard_store::StoreError> for AppError {
    fn from(e: switchboard_store::StoreError) -> Self {
        Self::Internal(e.into())
    }
}

pub type AppResult<T> = Result<T, AppError>;
