"""Volunteers without a login: a coordinator registers them by phone and keeps their details,
and may later invite them to make a login, which is then linked to the same volunteer record.
A volunteer with no consent recorded (imported from a list) can give it on the phone too.

Writes only; each checks ``register_volunteers`` and raises ValidationError with a message for
the coordinator (nothing changed) when a rule is broken.

A volunteer without a login keeps name, phone and email on the volunteer (``Volunteer.name``,
``.phone``, ``.email``); ``Volunteer.contact_phone`` and ``.contact_by`` are what those who call
or text volunteers read, with or without a login.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Replace
from django.urls import reverse
from django.utils.translation import gettext as _

from coordination.kernel import audit, mail, permissions
from coordination.kernel.models import Municipality, User
from volunteers.models import Consent, ContactBy, Volunteer
from volunteers.profile.services import (
    CONSENT_PURPOSE,
    CONSENT_VERSION,
    DETAIL_FIELDS,
    check_through_organisation,
    set_interests,
)

ACTION = "register_volunteers"
PERSON_FIELDS = ["name", "phone", "email"]


def _digits(phone: str) -> str:
    return phone.replace(" ", "")


def _check_person(
    municipality: Municipality, details: dict, volunteer: Volunteer | None = None
) -> dict:
    """Name, phone and email, cleaned; ValidationError naming the fields that are wrong."""
    name = " ".join(str(details.get("name", "")).split())
    phone = " ".join(str(details.get("phone", "")).split())
    email = str(details.get("email", "")).strip().lower()
    has_login = volunteer is not None and volunteer.user_id is not None
    if has_login:
        email = volunteer.user.email  # type: ignore[union-attr]  # the login's own address
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Write the volunteer's name.")
    if not phone and not email:
        errors["phone"] = _("Write a phone number (or an email address) to reach them by.")
    contact_by = details.get("contact_by")
    if contact_by in (ContactBy.PHONE, ContactBy.SMS) and not phone:
        errors["phone"] = _("Write a phone number, or choose email as the way to reach them.")
    if contact_by == ContactBy.EMAIL and not email:
        errors["email"] = _("Write an email address, or choose phone or text message.")
    if phone:
        others = Volunteer.objects.in_municipality(municipality).filter(
            anonymised_at__isnull=True, left_at__isnull=True
        )
        if volunteer is not None:
            others = others.exclude(pk=volunteer.pk)
        same = others.annotate(
            own_digits=Replace(F("phone"), Value(" "), Value("")),
            login_digits=Replace(F("user__phone"), Value(" "), Value("")),
        ).filter(Q(own_digits=_digits(phone)) | Q(login_digits=_digits(phone)))
        if same.exists():
            errors["phone"] = _(
                "A volunteer with this phone number is already in the registry. Search for "
                "the number there."
            )
    if email and not has_login:
        if User.objects.filter(email__iexact=email).exists():
            errors["email"] = _(
                "Someone already has a login with this email address. Leave the email out, "
                "or ask them to register as a volunteer with their login."
            )
        elif (
            Volunteer.objects.in_municipality(municipality)
            .filter(email__iexact=email)
            .exclude(pk=volunteer.pk if volunteer is not None else 0)
            .exists()
        ):
            errors["email"] = _("A volunteer with this email address is already in the registry.")
    if errors:
        raise ValidationError(errors)
    return {"name": name, "phone": phone, "email": "" if has_login else email}


@transaction.atomic
def register_by_phone(
    *,
    municipality: Municipality,
    by: User,
    details: dict,
    interests: list[str],
    consent_given: bool,
) -> Volunteer:
    """A coordinator registers a volunteer who told them on the phone; the volunteer's consent
    is recorded as given by phone, to the coordinator, now, with the text that was read out."""
    permissions.require(by, ACTION, municipality)
    errors: dict[str, str] = {}
    if not consent_given:
        errors["consent_given"] = _(
            "Read the text out to the volunteer. Tick the box only when they have agreed: "
            "without their consent nothing can be stored."
        )
    try:
        person = _check_person(municipality, details)
        check_through_organisation(municipality, details)
    except ValidationError as error:
        raise ValidationError({**error.message_dict, **errors}) from None
    if errors:
        raise ValidationError(errors)
    volunteer = Volunteer.objects.create(
        municipality=municipality,
        **person,
        **{f: details[f] for f in DETAIL_FIELDS if f in details},
    )
    set_interests(volunteer, interests)
    Consent.objects.create(
        volunteer=volunteer,
        purpose_version=CONSENT_VERSION,
        purpose_text=str(CONSENT_PURPOSE),
        by_phone=True,
        recorded_by=by,
    )
    audit.record(by, "created", volunteer, code="volunteer.registered_by_phone")
    return volunteer


@transaction.atomic
def record_consent_by_phone(*, volunteer: Volunteer, by: User, consent_given: bool) -> Consent:
    """A coordinator read the consent text out to a volunteer who has none recorded (imported
    from a list, say) and they agreed: recorded as given by phone, to the coordinator, now,
    with the text read out. A consent to the current text already recorded is returned as it
    is, so a form sent twice records one."""
    permissions.require(by, ACTION, volunteer.municipality)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if volunteer.anonymised_at is not None:
        raise ValidationError(_("This volunteer's personal data is deleted: nothing to change."))
    existing = volunteer.consents.filter(purpose_version=CONSENT_VERSION).first()
    if existing is not None:
        return existing
    if volunteer.left_at is not None:
        raise ValidationError(_("This volunteer has stopped: no consent was recorded."))
    if not consent_given:
        raise ValidationError(
            {
                "consent_given": _(
                    "Read the text out to the volunteer. Tick the box only when they have "
                    "agreed: without their consent nothing can be stored."
                )
            }
        )
    consent = Consent.objects.create(
        volunteer=volunteer,
        purpose_version=CONSENT_VERSION,
        purpose_text=str(CONSENT_PURPOSE),
        by_phone=True,
        recorded_by=by,
    )
    audit.record(by, "created", volunteer, code="volunteer.consent_by_phone")
    return consent


@transaction.atomic
def change_details(
    *, volunteer: Volunteer, by: User, details: dict, interests: list[str]
) -> list[str]:
    """A coordinator changes a volunteer's details; returns the names of the fields changed.
    With a login, the name and phone are changed on the account and the email is the
    person's own (they change it themself)."""
    permissions.require(by, ACTION, volunteer.municipality)
    volunteer = (
        Volunteer.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=volunteer.pk)
    )
    if volunteer.anonymised_at is not None:
        raise ValidationError(_("This volunteer's personal data is deleted: nothing to change."))
    person = _check_person(volunteer.municipality, details, volunteer)
    check_through_organisation(volunteer.municipality, details)
    changed: list[str] = []
    holder = volunteer.user if volunteer.user_id else volunteer
    user_fields = {"name": "full_name", "phone": "phone"}
    for field in PERSON_FIELDS:
        if field == "email" and volunteer.user_id:
            continue
        attribute = user_fields[field] if volunteer.user_id else field
        if getattr(holder, attribute) != person[field]:
            setattr(holder, attribute, person[field])
            changed.append(field)
    for field in DETAIL_FIELDS:
        if field in details and getattr(volunteer, field) != details[field]:
            setattr(volunteer, field, details[field])
            changed.append(field)
    if volunteer.user_id and {"name", "phone"} & set(changed):
        volunteer.user.save(update_fields=["full_name", "phone"])  # type: ignore[union-attr]
    if sorted(interests) != volunteer.interest_codes:
        set_interests(volunteer, interests)
        changed.append("interests")
    volunteer.save()
    if changed:
        audit.record(
            by, "changed", volunteer, code="volunteer.details_changed", params={"fields": changed}
        )
    return changed


@transaction.atomic
def invite_to_make_login(*, volunteer: Volunteer, by: User) -> str:
    """Email a volunteer without a login an invitation to make one with the address the
    coordinator recorded; returns the address. Making the login with that address (and
    confirming it) links the login to this volunteer (``link_login``)."""
    permissions.require(by, ACTION, volunteer.municipality)
    if volunteer.user_id is not None:
        raise ValidationError(_("This volunteer already has a login."))
    if volunteer.anonymised_at is not None or volunteer.left_at is not None:
        raise ValidationError(_("This volunteer has stopped: no invitation was sent."))
    if not volunteer.email:
        raise ValidationError(
            _("Add the volunteer's email address first (Change details), then invite them.")
        )
    address = volunteer.email
    municipality = volunteer.municipality
    context = {
        "name": volunteer.name,
        "email": address,
        "municipality": municipality,
        "url": settings.SITE_URL + reverse("account_signup"),
    }
    audit.record(by, "changed", volunteer, code="volunteer.login_invited")
    transaction.on_commit(
        lambda: mail.send_email_to_address(
            address=address,
            template="volunteers/email/login_invitation",
            context=context,
            municipality=municipality,
        )
    )
    return address


@transaction.atomic
def link_login(*, address: EmailAddress) -> Volunteer | None:
    """A person confirmed that ``address`` is theirs: if exactly one volunteer without a login
    has that email recorded, in a municipality where the person is no volunteer yet, the
    volunteer record becomes theirs (instead of a second one; a person may volunteer in
    several municipalities). Their name and phone move to the login where it has
    none. Called when allauth confirms an address; a not yet confirmed one links nothing."""
    if not address.verified:
        return None
    user = address.user
    if user.email.lower() != address.email.lower():
        return None
    waiting = list(
        Volunteer.objects.select_for_update()
        .filter(user__isnull=True, anonymised_at__isnull=True, email__iexact=address.email)
        .exclude(municipality__volunteers__user=user)[:2]
    )
    if len(waiting) != 1:
        return None
    volunteer = waiting[0]
    if not user.full_name and volunteer.name:
        user.full_name = volunteer.name
    if not user.phone and volunteer.phone:
        user.phone = volunteer.phone
    user.save(update_fields=["full_name", "phone"])
    volunteer.user = user
    volunteer.name = volunteer.phone = volunteer.email = ""
    volunteer.save()
    audit.record(user, "changed", volunteer, code="volunteer.login_linked")
    permissions.forget_roles(user)
    return volunteer
