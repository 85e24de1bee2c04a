"""Writes for volunteers. Views call these; each checks its rule and raises ValidationError
with a message for the person when it is broken."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import audit, languages, permissions
from coordination.kernel.models import Municipality, User
from volunteers.models import Consent, DeclarationText, Signature, Volunteer, VolunteerInterest

# The purpose people consent to. Change the text => change the version.
CONSENT_VERSION = "2026-11"
CONSENT_PURPOSE = gettext_lazy(
    "The municipality stores what you tell us here so that the coordinator can ask you about "
    "tasks that fit you, and contact you about them. Only people with a role in the "
    "municipality see it. You can see, change, download or delete it at any time on your "
    "page, and you can leave whenever you like."
)

# The fields a volunteer fills in about themself and may change later (the profile form shows
# exactly these). Their municipality is chosen once, when they register: records a municipality
# made about them (notes, roles, certificate checks, assignments) belong to it.
PROFILE_FIELDS = [
    "area",
    "willing_to_travel",
    "skills",
    "languages",
    "weekday_daytime",
    "evenings",
    "weekends",
    "summer",
    "winter",
    "can_drive",
    "has_car",
    "frequency",
    "contact_by",
    "gender",
    "through_organisation",
]
REGISTRATION_FIELDS = ["municipality", *PROFILE_FIELDS]
# What a coordinator records about a volunteer besides name, phone and email (registering one
# by phone, or changing a volunteer's details: volunteers.registry.services.by_hand).
DETAIL_FIELDS = [
    "area",
    "willing_to_travel",
    "skills",
    "weekday_daytime",
    "evenings",
    "weekends",
    "summer",
    "winter",
    "frequency",
    "contact_by",
    "through_organisation",
]


def not_a_partner_message(municipality: Municipality) -> str:
    return _(
        "Choose one of the organisations listed: that organisation does not work with "
        "%(municipality)s in Samspill. Nothing was saved."
    ) % {"municipality": municipality.name}


def check_through_organisation(municipality: Municipality, details: dict) -> None:
    """The organisation someone volunteers through must be a partner of their municipality
    (the form lists only those; this is for a list that changed, or a forged form)."""
    organisation = details.get("through_organisation")
    if organisation is None:
        return
    if not municipality.partners.filter(pk=organisation.pk).exists():
        raise ValidationError({"through_organisation": not_a_partner_message(municipality)})


def set_interests(volunteer: Volunteer, interests: list[str]) -> None:
    volunteer.interests.exclude(interest__in=interests).delete()
    existing = set(volunteer.interests.values_list("interest", flat=True))
    VolunteerInterest.objects.bulk_create(
        VolunteerInterest(volunteer=volunteer, interest=i) for i in interests if i not in existing
    )


NOT_IN_USE = gettext_lazy(
    "This municipality does not use Samspill yet, so there is nobody here to welcome you. Its "
    "page says whom to contact instead."
)


@transaction.atomic
def register_volunteer(
    *, user: User, profile: dict, interests: list[str], consented: bool
) -> Volunteer:
    """Create the person's volunteer membership in the chosen municipality with their consent,
    recorded with its text. A person may have one in each of several municipalities."""
    already = ValidationError(_("You are already registered as a volunteer in this municipality."))
    place = profile.get("municipality")
    if Volunteer.objects.filter(user=user, municipality=place).exists():
        raise already
    if not consented:
        raise ValidationError(
            {"consent": _("We need your consent to store your details. Tick the box to go on.")}
        )
    if place is not None and not place.uses_samspill():  # issue 13: nobody there to meet them
        raise ValidationError({"municipality": NOT_IN_USE})
    if place is not None:
        check_through_organisation(place, profile)
    try:  # the form sent twice at once: the second is told, not given a 500
        with transaction.atomic():
            volunteer = Volunteer.objects.create(
                user=user, **{f: profile[f] for f in REGISTRATION_FIELDS if f in profile}
            )
    except IntegrityError:
        raise already from None
    set_interests(volunteer, interests)
    Consent.objects.create(
        volunteer=volunteer, purpose_version=CONSENT_VERSION, purpose_text=str(CONSENT_PURPOSE)
    )
    return volunteer


@transaction.atomic
def give_consent(*, volunteer: Volunteer, by: User) -> Consent:
    """Consent given later than registration: by a volunteer a coordinator imported."""
    if volunteer.user_id != by.pk:
        raise PermissionDenied
    existing = volunteer.consents.filter(purpose_version=CONSENT_VERSION).first()
    if existing is not None:
        return existing
    return Consent.objects.create(
        volunteer=volunteer, purpose_version=CONSENT_VERSION, purpose_text=str(CONSENT_PURPOSE)
    )


def has_consented(volunteer: Volunteer) -> bool:
    return volunteer.consents.exists()


@transaction.atomic
def update_profile(*, volunteer: Volunteer, profile: dict, interests: list[str], by: User) -> None:
    if volunteer.user_id != by.pk:
        raise PermissionDenied
    check_through_organisation(volunteer.municipality, profile)
    for field in PROFILE_FIELDS:
        if field in profile:
            setattr(volunteer, field, profile[field])
    volunteer.save()
    set_interests(volunteer, interests)


STARTERS = Path(__file__).resolve().parent / "starters"


def starter_declaration_text(language: str) -> str:
    """A confidentiality declaration to start from (``starters/<language>/declaration.md``,
    bokmål when the language has none); the municipality adapts it and publishes its own."""
    return languages.read_in_language(STARTERS, "declaration.md", language).strip()


def current_declaration(municipality: Municipality | str) -> DeclarationText | None:
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    return DeclarationText.objects.in_municipality(number).order_by("-version").first()


def declaration_to_sign(volunteer: Volunteer) -> DeclarationText | None:
    """The declaration the volunteer still has to sign, or None when they are up to date (or
    their municipality has published none)."""
    current = current_declaration(volunteer.municipality_id)
    if current is None or has_signed(volunteer, current):
        return None
    return current


def has_signed(volunteer: Volunteer, text: DeclarationText) -> bool:
    return Signature.objects.filter(volunteer=volunteer, text=text).exists()


@transaction.atomic
def publish_declaration(*, municipality: Municipality, body: str, by: User) -> DeclarationText:
    """A new version of the municipality's declaration; every active volunteer must sign it."""
    permissions.require(by, "manage_declaration", municipality)
    body = body.strip()
    if len(body) < 50:
        raise ValidationError(
            {"body": _("Write out the whole declaration (at least 50 characters).")}
        )
    # One publisher at a time per municipality (the same form sent twice waits here, then
    # sees the version the first one published).
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    current = current_declaration(municipality)
    if current is not None and current.body.strip() == body:
        raise ValidationError(
            _("This text is already published as version %(version)s. Nothing new was published.")
            % {"version": current.version}
        )
    latest = DeclarationText.objects.in_municipality(municipality).aggregate(v=Max("version"))["v"]
    try:
        with transaction.atomic():
            text = DeclarationText.objects.create(
                municipality=municipality, version=(latest or 0) + 1, body=body, published_by=by
            )
    except IntegrityError:
        raise ValidationError(
            _("Someone published a version at the same moment. Open the page again and look.")
        ) from None
    audit.record(
        by, "created", text, code="declaration.published", params={"version": text.version}
    )
    return text


@transaction.atomic
def sign_declaration(*, volunteer: Volunteer, text: DeclarationText, by: User) -> Signature:
    """Only the volunteer signs, and only the current version of their own municipality's."""
    if volunteer.user_id != by.pk:
        raise PermissionDenied
    if text != current_declaration(volunteer.municipality_id):
        raise ValidationError(_("This is not the current declaration. Open it again and sign."))
    signature, _created = Signature.objects.get_or_create(volunteer=volunteer, text=text)
    return signature
