"""Writes for volunteers, one module per area. Views call these; each checks its rule and
raises ValidationError with a message for the person when it is broken.

The profile and declaration services are re-exported here, as they were first."""

from volunteers.services.profile import (
    CONSENT_PURPOSE,
    CONSENT_VERSION,
    PROFILE_FIELDS,
    REGISTRATION_FIELDS,
    current_declaration,
    declaration_to_sign,
    give_consent,
    has_consented,
    has_signed,
    publish_declaration,
    register_volunteer,
    sign_declaration,
    starter_declaration_text,
    update_profile,
)

__all__ = [
    "CONSENT_PURPOSE",
    "CONSENT_VERSION",
    "PROFILE_FIELDS",
    "REGISTRATION_FIELDS",
    "current_declaration",
    "declaration_to_sign",
    "give_consent",
    "has_consented",
    "has_signed",
    "publish_declaration",
    "register_volunteer",
    "sign_declaration",
    "starter_declaration_text",
    "update_profile",
]
