"""The core domain's forms, one module per area."""

from coordination.forms.core import (
    MembershipForm,
    MunicipalitySearchForm,
    ProfileForm,
    SignupForm,
    add_service_errors,
)

__all__ = [
    "MembershipForm",
    "MunicipalitySearchForm",
    "ProfileForm",
    "SignupForm",
    "add_service_errors",
]
