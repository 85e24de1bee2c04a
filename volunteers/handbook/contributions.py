"""The printed handbooks, registered as documents (``manage.py render_document`` and the
coordinators' print pages find them here).

Who may print them, by the existing rules: the volunteer handbook holds nothing but what the
municipality shows volunteers anyway (its roles, its declaration, its routines for volunteers,
the public contact), so it goes with reading the routine binder (``view_routines``: everyone
with a role, and the volunteers) and may be published. The contact handbook lists volunteers
by name and phone: personal data leaving the portal on paper, so it goes with
``export_volunteers`` (coordinators only), and is never published."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from coordination.kernel.contributions import contribute
from volunteers.handbook.exports import (
    CONTACT_HANDBOOK,
    LARGE_PRINT,
    VOLUNTEER_HANDBOOK,
    compose_contact_handbook,
    compose_volunteer_handbook,
)


@contribute.document(
    VOLUNTEER_HANDBOOK,
    title=gettext_lazy("Handbook for volunteers"),
    description=gettext_lazy(
        "For the introductory course: the ground rules, confidentiality, the roles, what to do "
        "when worried about someone, insurance, police certificates, contacts and routines."
    ),
    action="view_routines",
    publishable=True,
    order=40,
)
def volunteer_handbook_document(municipality, language: str):
    return compose_volunteer_handbook(municipality, language)


@contribute.document(
    LARGE_PRINT,
    title=gettext_lazy("Handbook for volunteers, large print"),
    description=gettext_lazy("The same handbook in large type, for readers who need it."),
    action="view_routines",
    publishable=True,
    order=45,
)
def large_print_handbook_document(municipality, language: str):
    return compose_volunteer_handbook(municipality, language, large_print=True)


@contribute.document(
    CONTACT_HANDBOOK,
    title=gettext_lazy("Handbook for volunteer contacts"),
    description=gettext_lazy(
        "The volunteer contacts' working tool: their tasks, each unit's ready volunteers with "
        "phone numbers, the routines, the forum and whom to call. Holds personal data."
    ),
    action="export_volunteers",
    order=50,
)
def contact_handbook_document(municipality, language: str):
    return compose_contact_handbook(municipality, language)
