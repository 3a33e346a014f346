//! Small closed vocabularies of a user: portal role, language, kind of device.

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $text)] $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(value: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }

            /// The accepted spellings, for error messages.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// A user's portal role. Provider operators are not users of an enterprise.
    PortalRole {
        User = "user",
        TeamLead = "team_lead",
        SiteAdmin = "site_admin",
        EnterpriseAdmin = "enterprise_admin",
    }
);

vocabulary!(
    /// Preferred language of portal pages and emails (I-2).
    Language { English = "en", German = "de", French = "fr" }
);

vocabulary!(
    /// What a device-type catalogue entry is (U-3).
    DeviceKind {
        /// A desk-phone model.
        DeskPhone = "desk_phone",
        /// "No desk phone" ("ohne Tischtelefon"): needs a mobile and contract number.
        None = "none",
        /// A mobile soft client.
        MobileClient = "mobile_client",
        /// A desktop soft client.
        DesktopClient = "desktop_client",
    }
);

impl DeviceKind {
    /// U-3: without a desk phone, the user is reached on their carrier mobile.
    pub fn requires_mobile(self) -> bool {
        self == DeviceKind::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u3_no_desk_phone_requires_a_mobile() {
        assert!(DeviceKind::None.requires_mobile());
        assert!(!DeviceKind::DeskPhone.requires_mobile());
        assert!(!DeviceKind::MobileClient.requires_mobile());
    }

    #[test]
    fn vocabularies_round_trip() {
        for role in PortalRole::ALL {
            assert_eq!(PortalRole::parse(role.as_str()), Some(*role));
        }
        assert_eq!(Language::parse("de"), Some(Language::German));
        assert_eq!(Language::parse("es"), None);
        assert_eq!(
            PortalRole::choices(),
            "user, team_lead, site_admin, enterprise_admin"
        );
    }
}
