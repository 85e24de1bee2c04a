"""Is a volunteer ready for a role? Ready means: they hold the role, have signed their
municipality's current confidentiality declaration, have a police certificate of one of the
kinds the role accepts checked and approved (and not past its renewal date) if the role
requires one, and have completed every course the role requires.

The police certificate also counts as checked when the volunteer volunteers through a partner
organisation whose own screening the municipality accepts in a cooperation agreement in force
today (``AgreementParty.screening_accepted``); the declaration and the courses are still
required, and the pages say who checked it (``certificate_by``).

``ready_q`` is the one definition, inside one query; ``ready_state`` stores what it says per
role holder, and the registry's filters, ``readiness_counts`` (the dashboard) and matching read
that stored state. ``missing_for`` lists what is missing for the rows on one page, in a fixed
number of queries; ``readiness_for_need`` is the gate for one volunteer and one need (inviting,
accepting, and every look at the person's details), with what the volunteer does to become
ready: it checks each requirement live, never the stored state."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from coordination.kernel import permissions
from coordination.partners.models import AgreementParty
from volunteers.models import (
    CertificateCheck,
    CourseCompletion,
    DeclarationText,
    RoleHolder,
    Signature,
    Volunteer,
    VolunteerRole,
)
from volunteers.profile import own
from volunteers.profile.services import current_declaration


def _valid_certificate(kinds: list[str], today: datetime.date):
    """Approved checks of one of the ``kinds`` the role accepts (the coordinator's choice per
    role) that are not past renewal."""
    return CertificateCheck.objects.filter(approved=True, kind__in=list(kinds)).filter(
        Q(renew_by__isnull=True) | Q(renew_by__gte=today)
    )


def _screened_through(municipality_id: str, today: datetime.date) -> QuerySet:
    """Ids of the organisations whose own screening ``municipality_id`` accepts today."""
    return AgreementParty.objects.screening_accepted_in(municipality_id, today).values(
        "organisation_id"
    )


def screened_by(
    municipality_id: str, organisation_ids: Iterable[int | None], today: datetime.date
) -> dict[int, str]:
    """{organisation id: name} for those of ``organisation_ids`` whose own screening the
    municipality accepts today. One query (none without organisations)."""
    wanted = {pk for pk in organisation_ids if pk is not None}
    if not wanted:
        return {}
    return dict(
        AgreementParty.objects.screening_accepted_in(municipality_id, today)
        .filter(organisation_id__in=wanted)
        .values_list("organisation_id", "organisation__name")
    )


def certificate_note(organisation: str) -> str:
    """Why a role's police certificate counts as checked without a check of its own."""
    return _("Police certificate: checked by %(organisation)s under the cooperation agreement") % {
        "organisation": organisation
    }


def ready_q(role: VolunteerRole, *, today: datetime.date | None = None, volunteer_ref="pk") -> Q:
    """A filter on Volunteer (or, with ``volunteer_ref``, on a model pointing to one) that holds
    for volunteers ready for ``role``."""
    today = today or timezone.localdate()
    ref = OuterRef(volunteer_ref)
    condition = Q(Exists(RoleHolder.objects.filter(volunteer=ref, role=role)))
    declaration = current_declaration(role.municipality_id)
    if declaration is not None:
        condition &= Q(Exists(Signature.objects.filter(volunteer=ref, text=declaration)))
    if role.requires_certificate:
        own_check = Exists(
            _valid_certificate(role.certificate_kinds, today).filter(
                holder__volunteer=ref, holder__role=role
            )
        )
        # ... or the organisation they volunteer through checked it, and the municipality
        # accepts that under an agreement in force today.
        partner_check = Exists(
            Volunteer.objects.filter(
                pk=ref,
                municipality_id=role.municipality_id,
                through_organisation__in=_screened_through(role.municipality_id, today),
            )
        )
        condition &= Q(own_check) | Q(partner_check)
    for course_id in role.required_courses.values_list("pk", flat=True):
        condition &= Q(Exists(CourseCompletion.objects.filter(volunteer=ref, course_id=course_id)))
    return condition


class Missing(str):
    """One thing missing, as a phrase for staff ("a police certificate"). ``kind`` names the
    requirement (declaration, certificate, renewal, course; ``course`` for the last) so a page
    for the volunteer can say it in its own words."""

    DECLARATION, CERTIFICATE, RENEWAL, COURSE = "declaration", "certificate", "renewal", "course"
    ROLE = "role"  # does not hold the role the need's kind of help calls for

    def __new__(cls, text: str, kind: str, course=None):
        missing = super().__new__(cls, text)
        missing.kind = kind
        missing.course = course
        return missing


@dataclass(frozen=True)
class RoleReadiness:
    role: VolunteerRole
    missing: tuple[Missing, ...]
    # The partner organisation whose check of the police certificate counts for the role
    # (empty: the municipality's own check, or none needed).
    certificate_by: str = ""

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def certificate_note(self) -> str:
        return certificate_note(self.certificate_by) if self.certificate_by else ""


_UNKNOWN = object()


def missing_for(
    volunteers: Iterable[Volunteer],
    *,
    today: datetime.date | None = None,
    holders: Iterable[RoleHolder] | None = None,
    declaration=_UNKNOWN,
    signed: set[int] | None = None,
) -> dict[int, list[RoleReadiness]]:
    """For each volunteer (all of one municipality), each role they hold and what is missing.

    A page that has loaded them already passes them along instead of loading them again:
    ``holders`` (the volunteers' role holders with ``role``, ``role__required_courses`` and
    ``certificate_checks`` prefetched; those of other municipalities are left out here),
    ``declaration`` (the municipality's current declaration, None when it has none) and
    ``signed`` (the ids of those of them who have signed it)."""
    volunteers = list(volunteers)
    if not volunteers:
        return {}
    today = today or timezone.localdate()
    municipality_id = volunteers[0].municipality_id
    ids = [v.pk for v in volunteers]
    # Only the municipality's own roles: another municipality's are never shown here.
    loaded = holders is not None
    if holders is None:
        holders = _holders_with_roles(ids, municipality_id)
    else:
        wanted = set(ids)
        holders = [
            h
            for h in holders
            if h.role.municipality_id == municipality_id and h.volunteer_id in wanted
        ]
    if declaration is _UNKNOWN:
        declaration = current_declaration(municipality_id)
    if signed is None:
        signed = _signed(ids, declaration)
    checks = defaultdict(list)
    if loaded:
        for holder in holders:  # newest first, as CertificateCheck is ordered
            checks[holder.pk] = list(holder.certificate_checks.all())
    else:
        checked = CertificateCheck.objects.filter(holder_id__in=[holder.pk for holder in holders])
        for check in checked.order_by("-presented_on"):
            checks[check.holder_id].append(check)
    completed = defaultdict(set)
    for volunteer_id, course_id in CourseCompletion.objects.filter(
        volunteer_id__in=ids
    ).values_list("volunteer_id", "course_id"):
        completed[volunteer_id].add(course_id)
    # Whose organisation's own screening counts: one query, and only when it can matter.
    through = {
        v.pk: v.through_organisation_id for v in volunteers if v.municipality_id == municipality_id
    }
    accepted = (
        screened_by(municipality_id, through.values(), today)
        if any(holder.role.requires_certificate for holder in holders)
        else {}
    )

    result: dict[int, list[RoleReadiness]] = {pk: [] for pk in ids}
    for holder in holders:
        missing = []
        certificate_by = ""
        if holder.volunteer_id not in signed:
            missing.append(Missing(_("the confidentiality declaration"), Missing.DECLARATION))
        if holder.role.requires_certificate:
            certificate = _certificate_missing(holder.role, checks[holder.pk], today)
            organisation = through.get(holder.volunteer_id)
            certificate_by = accepted.get(organisation, "") if organisation else ""
            if certificate and certificate_by:
                certificate = []
            elif not certificate:
                certificate_by = ""  # their own certificate, checked by the municipality
            missing.extend(certificate)
        missing.extend(
            Missing(_("the course %(name)s") % {"name": course.name}, Missing.COURSE, course)
            for course in holder.role.required_courses.all()
            if course.pk not in completed[holder.volunteer_id]
        )
        result[holder.volunteer_id].append(
            RoleReadiness(holder.role, tuple(missing), certificate_by)
        )
    return result


def _signed(ids: list[int], declaration) -> set[int]:
    """Who of ``ids`` signed ``declaration`` (everyone when there is none to sign)."""
    return (
        set(
            Signature.objects.filter(volunteer_id__in=ids, text=declaration).values_list(
                "volunteer_id", flat=True
            )
        )
        if declaration
        else set(ids)
    )


def _holders_with_roles(volunteer_ids: list[int], municipality_id: str) -> list[RoleHolder]:
    """The volunteers' holders of the municipality's roles, each role one instance with its
    courses (a prefetch per holder's copy of the role cost half of a registry page's readiness)."""
    holders = list(
        RoleHolder.objects.filter(
            volunteer_id__in=volunteer_ids, role__municipality_id=municipality_id
        ).select_related("role")
    )
    roles = {holder.role_id: holder.role for holder in holders}
    prefetch_related_objects(list(roles.values()), "required_courses")
    for holder in holders:
        holder.role = roles[holder.role_id]
    return holders


def _certificate_missing(role: VolunteerRole, checks: list, today: datetime.date) -> list[Missing]:
    for check in checks:
        if check.approved and check.kind in role.certificate_kinds:
            if check.renew_by is None or check.renew_by >= today:
                return []
            return [Missing(_("a renewed police certificate"), Missing.RENEWAL)]
    return [Missing(_("a police certificate"), Missing.CERTIFICATE)]


# --- one volunteer, one need: the gate before the person's details -------------------------


def roles_for_kind(municipality_id: str, kind: str) -> QuerySet[VolunteerRole]:
    """The municipality's roles for a kind of help; the first is *the* role for it, which
    readiness and matching both use."""
    return (
        VolunteerRole.objects.in_municipality(municipality_id).filter(interest=kind).order_by("pk")
    )


def role_for_need(need) -> VolunteerRole | None:
    """The municipality's role for the need's kind of help (the same one matching uses)."""
    return (
        roles_for_kind(need.municipality_id, need.kind).prefetch_related("required_courses").first()
    )


@dataclass(frozen=True)
class Step:
    """One thing the volunteer does to become ready, in their own words, with a link where
    they can do it themselves."""

    text: str
    url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Readiness:
    """Whether a volunteer is ready to help with one need, and if not, what is missing."""

    role: VolunteerRole | None
    missing: tuple[Missing, ...]
    # The need's municipality: its declaration is the one to sign (a volunteer may be in several).
    municipality_id: str = ""
    certificate_by: str = ""  # as ``RoleReadiness.certificate_by``

    @property
    def ready(self) -> bool:
        return not self.missing

    def __bool__(self) -> bool:
        return self.ready

    @property
    def certificate_note(self) -> str:
        return certificate_note(self.certificate_by) if self.certificate_by else ""

    @property
    def missing_text(self) -> str:
        """For staff: "the confidentiality declaration and a police certificate"."""
        return get_text_list(list(self.missing), _("and"))

    @property
    def steps(self) -> list[Step]:
        """For the volunteer: what to do, one step per thing missing."""
        return [_step(item, self.role, self.municipality_id) for item in self.missing]

    @property
    def steps_text(self) -> str:
        return " ".join(step.text for step in self.steps)


def _step(item: Missing, role: VolunteerRole | None, municipality_id: str = "") -> Step:
    kinds = role.certificate_kinds_text if role is not None else ""
    if item.kind == Missing.DECLARATION:
        url = (  # that municipality's declaration
            own.own_url("volunteers:declaration", municipality_id)
            if municipality_id
            else reverse("volunteers:declaration")
        )
        return Step(
            _("Sign the confidentiality declaration."),
            url,
            _("Read and sign the declaration"),
        )
    if item.kind == Missing.ROLE:
        return Step(
            _("Talk to the coordinator: you do not have the role %(role)s yet.")
            % {"role": role.name}
        )
    if item.kind == Missing.CERTIFICATE:
        return Step(
            _(
                "Show the coordinator your police certificate (%(kinds)s). Ask the coordinator "
                "for the confirmation you need to apply for it at politiet.no."
            )
            % {"kinds": kinds}
        )
    if item.kind == Missing.RENEWAL:
        return Step(
            _(
                "Show the coordinator a new police certificate (%(kinds)s): the one you showed "
                "is due for renewal."
            )
            % {"kinds": kinds}
        )
    return Step(
        _("Take the course %(course)s. The coordinator tells you when it is held.")
        % {"course": item.course.name}
    )


def readiness_for_need(
    volunteer: Volunteer, need, *, today: datetime.date | None = None
) -> Readiness:
    """Is ``volunteer`` ready to help with ``need``? The declaration of the need's
    municipality, and — where the municipality has a role for this kind of help — that role,
    its police certificate and its courses. A few queries; for one volunteer at a time."""
    return readiness_for_needs(volunteer, [need], today=today)[(need.municipality_id, need.kind)]


@dataclass(frozen=True)
class Known:
    """What the volunteer's own page has loaded about them already, passed along so that
    readiness does not load it again. Each must be complete for the volunteer."""

    holders: list[RoleHolder]  # all theirs, with role, its required_courses and certificate_checks
    completed: set[int]  # the courses they have completed
    signed: set[int]  # the declaration texts they have signed
    declarations: dict[str, DeclarationText | None]  # the current one of some municipalities


def readiness_for_needs(
    volunteer: Volunteer,
    needs: Iterable,
    *,
    today: datetime.date | None = None,
    known: Known | None = None,
) -> dict[tuple[str, str], Readiness]:
    """``readiness_for_need`` for several needs at once (the volunteer's own page lists their
    invitations and assignments): one answer per (municipality, kind of help), since readiness
    depends on nothing else, in a number of queries that does not grow with the needs."""
    today = today or timezone.localdate()
    keys = {(need.municipality_id, need.kind) for need in needs}
    if not keys:
        return {}
    places = {municipality_id for municipality_id, _kind in keys}
    declarations = {
        place: text
        for place, text in (known.declarations if known else {}).items()
        if place in places
    }
    if unknown := places - declarations.keys():
        declarations |= dict.fromkeys(unknown)
        declarations |= {
            text.municipality_id: text
            for text in DeclarationText.objects.filter(municipality_id__in=unknown)
            .order_by("municipality_id", "-version")
            .distinct("municipality_id")
        }
    texts = [text for text in declarations.values() if text is not None]
    if known is not None:
        signed = known.signed
    elif texts:
        signed = set(
            Signature.objects.filter(volunteer=volunteer, text__in=texts).values_list(
                "text_id", flat=True
            )
        )
    else:
        signed = set()
    roles: dict[tuple[str, str], VolunteerRole] = {}
    for role in (
        VolunteerRole.objects.filter(
            municipality_id__in=places, interest__in={kind for _place, kind in keys}
        )
        .order_by("pk")
        .prefetch_related("required_courses")
    ):
        roles.setdefault((role.municipality_id, role.interest), role)  # the first: *the* role
    holders: dict[int, RoleHolder] = {}
    done: set[int] = set()
    if roles and known is not None:
        wanted = {role.pk for role in roles.values()}
        holders = {h.role_id: h for h in known.holders if h.role_id in wanted}
        done = known.completed
    elif roles:
        holders = {
            holder.role_id: holder
            for holder in RoleHolder.objects.filter(
                volunteer=volunteer, role__in=roles.values()
            ).prefetch_related(
                Prefetch(
                    "certificate_checks",
                    queryset=CertificateCheck.objects.order_by("-presented_on", "-pk"),
                )
            )
        }
        done = set(
            CourseCompletion.objects.filter(volunteer=volunteer).values_list("course_id", flat=True)
        )
    return {
        key: _readiness(volunteer, key, declarations, signed, roles, holders, done, today)
        for key in keys
    }


def _readiness(volunteer, key, declarations, signed, roles, holders, done, today) -> Readiness:
    """One (municipality, kind of help) of ``readiness_for_needs``, from what it loaded."""
    municipality_id, _kind = key
    missing: list[Missing] = []
    declaration = declarations.get(municipality_id)
    if declaration is not None and declaration.pk not in signed:
        missing.append(Missing(_("the confidentiality declaration"), Missing.DECLARATION))
    role = roles.get(key)
    if role is None:
        return Readiness(None, tuple(missing), municipality_id)
    holder = holders.get(role.pk)
    if holder is None:
        missing.append(Missing(_("the role %(role)s") % {"role": role.name}, Missing.ROLE))
    certificate_by = ""
    if role.requires_certificate:
        checks = list(holder.certificate_checks.all()) if holder else []
        certificate = _certificate_missing(role, checks, today)
        organisation = volunteer.through_organisation_id
        if certificate and organisation and volunteer.municipality_id == role.municipality_id:
            certificate_by = screened_by(role.municipality_id, [organisation], today).get(
                organisation, ""
            )
            if certificate_by:
                certificate = []
        missing.extend(certificate)
    missing.extend(
        Missing(_("the course %(name)s") % {"name": course.name}, Missing.COURSE, course)
        for course in role.required_courses.all()
        if course.pk not in done
    )
    return Readiness(role, tuple(missing), municipality_id, certificate_by)


@dataclass(frozen=True)
class Verdict(permissions.Verdict):
    """The kernel's answer to "may they?", with the volunteer's readiness for the need when the
    answer depends on it (the page shows what is missing)."""

    readiness: Readiness | None = None
