"""The schemes area's services: who may create grant-makers, give and take roles, run schemes
and rounds; what a new round starts with; and the rules a round's dates must keep."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from coordination.kernel import permissions
from coordination.models import GrantMaker, GrantMakerRole, GrantRole
from grants.schemes import defaults, services
from grants.schemes.forms import CriterionFormSet, QuestionFormSet
from grants.schemes.models import Criterion, EligibilityCondition, Question, Round
from tests.factories import (
    GrantMakerFactory,
    GrantMakerRoleFactory,
    UserFactory,
    municipality,
    national_grant_maker,
)
from tests.grants.factories import oslo
from tests.grants.schemes import made

pytestmark = pytest.mark.django_db


# --- Grant-makers ------------------------------------------------------------------------------


def test_national_administrator_creates_a_grant_maker_with_its_first_officer(national_admin):
    person = UserFactory(email="saksbehandler@statsforvalteren.example")
    grant_maker = services.create_grant_maker(
        by=national_admin,
        name="Statsforvalteren i Innlandet",
        kind=GrantMaker.Kind.COUNTY_GOVERNOR,
        email="post@sfinnlandet.example",
        officer_email="Saksbehandler@Statsforvalteren.example",
    )
    assert grant_maker.municipality is None
    assert permissions.has_grant_role(person, grant_maker, GrantRole.OFFICER)


def test_only_the_national_administrator_creates_grant_makers(officer, coordinator_lom):
    for person in (officer, coordinator_lom):
        with pytest.raises(PermissionDenied):
            services.create_grant_maker(by=person, name="X", kind=GrantMaker.Kind.COUNTY)


def test_a_municipal_grant_maker_needs_its_municipality(national_admin):
    with pytest.raises(ValidationError) as refused:
        services.create_grant_maker(
            by=national_admin, name="Lom kommune", kind=GrantMaker.Kind.MUNICIPALITY
        )
    assert "municipality" in refused.value.message_dict
    grant_maker = services.create_grant_maker(
        by=national_admin,
        name="Lom kommune",
        kind=GrantMaker.Kind.MUNICIPALITY,
        municipality=municipality("3434"),
    )
    assert grant_maker.municipality_id == "3434"


def test_only_a_municipal_grant_maker_has_a_municipality(national_admin):
    with pytest.raises(ValidationError) as refused:
        services.create_grant_maker(
            by=national_admin,
            name="Innlandet fylkeskommune",
            kind=GrantMaker.Kind.COUNTY,
            municipality=municipality("3434"),
        )
    assert "municipality" in refused.value.message_dict
    assert not GrantMaker.objects.filter(name="Innlandet fylkeskommune").exists()


def test_first_officer_without_an_account_is_told_to_create_one_and_nothing_is_made(
    national_admin,
):
    with pytest.raises(ValidationError) as refused:
        services.create_grant_maker(
            by=national_admin,
            name="Innlandet fylkeskommune",
            kind=GrantMaker.Kind.COUNTY,
            officer_email="nobody@example.org",
        )
    assert "Ask them to create an account in Samspill first" in str(
        refused.value.message_dict["officer_email"]
    )
    assert not GrantMaker.objects.filter(name="Innlandet fylkeskommune").exists()


def test_officer_adds_a_reviewer_by_email(officer):
    person = UserFactory(email="fagvurderar@example.org")
    given = services.add_grant_role(
        by=officer,
        grant_maker=national_grant_maker(),
        email=" FAGVURDERAR@example.org ",
        role=GrantRole.REVIEWER,
    )
    assert given.user == person and given.created_by == officer
    assert permissions.can(person, "review_grants", national_grant_maker())


def test_adding_a_role_to_oneself_counts_at_once(officer):
    grant_maker = national_grant_maker()
    assert not permissions.can(officer, "review_grants", grant_maker)  # read and kept
    services.add_grant_role(
        by=officer, grant_maker=grant_maker, email=officer.email, role=GrantRole.REVIEWER
    )
    assert permissions.can(officer, "review_grants", grant_maker)


def test_a_role_needs_an_account(officer):
    with pytest.raises(ValidationError) as refused:
        services.add_grant_role(
            by=officer, grant_maker=national_grant_maker(), email="x@example.org", role="reviewer"
        )
    assert "Ask them to create an account in Samspill first" in str(refused.value)


def test_the_same_role_twice_is_refused(officer, reviewer):
    with pytest.raises(ValidationError) as refused:
        services.add_grant_role(
            by=officer,
            grant_maker=national_grant_maker(),
            email=reviewer.email,
            role=GrantRole.REVIEWER,
        )
    assert "already has this role" in str(refused.value)


def test_reviewers_and_other_grant_makers_officers_cannot_add_roles(reviewer):
    other_officer = GrantMakerRoleFactory(grant_maker=GrantMakerFactory()).user
    UserFactory(email="x@example.org")
    for person in (reviewer, other_officer):
        with pytest.raises(PermissionDenied):
            services.add_grant_role(
                by=person, grant_maker=national_grant_maker(), email="x@example.org", role="officer"
            )


def test_national_administrator_may_add_an_officer_to_any_grant_maker(national_admin):
    person = UserFactory(email="x@example.org")
    grant_maker = GrantMakerFactory()
    services.add_grant_role(
        by=national_admin, grant_maker=grant_maker, email="x@example.org", role="officer"
    )
    assert permissions.has_grant_role(person, grant_maker, GrantRole.OFFICER)


def test_officer_removes_a_reviewer(officer, reviewer):
    role = GrantMakerRole.objects.get(user=reviewer)
    assert permissions.can(reviewer, "review_grants", national_grant_maker())
    services.remove_grant_role(by=officer, grant_role=role)
    assert not GrantMakerRole.objects.filter(pk=role.pk).exists()
    assert not permissions.can(role.user, "review_grants", national_grant_maker())


def test_the_last_officer_stays(officer):
    role = GrantMakerRole.objects.get(user=officer)
    with pytest.raises(ValidationError) as refused:
        services.remove_grant_role(by=officer, grant_role=role)
    assert "at least one grant officer" in str(refused.value)
    second = GrantMakerRoleFactory(role=GrantRole.OFFICER)
    services.remove_grant_role(by=officer, grant_role=second)
    assert GrantMakerRole.objects.filter(pk=role.pk).exists()


def test_a_reviewer_cannot_remove_roles(officer, reviewer):
    with pytest.raises(PermissionDenied):
        services.remove_grant_role(
            by=reviewer, grant_role=GrantMakerRole.objects.get(user=reviewer)
        )


# --- Schemes ----------------------------------------------------------------------------------

SCHEME = {
    "name": "Aktivitetstiltak for eldre",
    "purpose": "Tiltak mot ensomhet og passivitet.",
    "applicant_kinds": "both",
    "partnership_required": True,
    "max_amount": 500_000,
    "max_years": 3,
}


def test_officer_creates_a_scheme_in_three_languages(officer):
    scheme = services.create_scheme(
        by=officer,
        grant_maker=national_grant_maker(),
        **SCHEME,
        name_nn="Aktivitetstiltak for eldre (nn)",
        name_en="Activity measures for the elderly",
    )
    assert scheme.name_nb == "Aktivitetstiltak for eldre"
    assert scheme.purpose_nb == "Tiltak mot ensomhet og passivitet."
    with translation.override("en"):
        assert scheme.name == "Activity measures for the elderly"
        assert scheme.purpose == "Tiltak mot ensomhet og passivitet."  # falls back to bokmål
    with translation.override("nn"):
        assert scheme.name == "Aktivitetstiltak for eldre (nn)"


def test_a_scheme_needs_its_bokmal_name(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_scheme(
            by=officer, grant_maker=national_grant_maker(), **SCHEME | {"name": " "}
        )
    assert "name_nb" in refused.value.message_dict


def test_reviewers_and_other_officers_cannot_create_schemes(reviewer):
    other_officer = GrantMakerRoleFactory(grant_maker=GrantMakerFactory()).user
    for person in (reviewer, other_officer):
        with pytest.raises(PermissionDenied):
            services.create_scheme(by=person, grant_maker=national_grant_maker(), **SCHEME)


def test_officer_updates_a_scheme(officer):
    scheme = made.scheme()
    services.update_scheme(by=officer, scheme=scheme, name_en="Activities", max_years=1)
    scheme.refresh_from_db()
    assert scheme.name_en == "Activities" and not scheme.multi_year


def test_another_grant_makers_officer_cannot_update_a_scheme():
    scheme = made.scheme()
    other_officer = GrantMakerRoleFactory(grant_maker=GrantMakerFactory()).user
    with pytest.raises(PermissionDenied):
        services.update_scheme(by=other_officer, scheme=scheme, max_years=1)


# --- Rounds ------------------------------------------------------------------------------------


def _round(**changes):
    return {
        "name": "2027",
        "opens_at": oslo(2027, 1, 15, 9),
        "closes_at": oslo(2027, 3, 12, 12),
        "budget": 10_000_000,
        "final_report_due": datetime.date(2028, 4, 1),
    } | changes


def test_first_round_gets_the_default_criteria_and_conditions_in_every_language(officer):
    scheme = made.scheme()
    round_ = services.create_round(by=officer, scheme=scheme, **_round())
    criteria = list(round_.criteria.order_by("order"))
    assert len(criteria) == len(defaults.DEFAULT_CRITERIA)
    for criterion, (name, description, weight) in zip(
        criteria, defaults.DEFAULT_CRITERIA, strict=True
    ):
        assert criterion.weight == weight
        for code in ("nb", "nn", "en"):
            with translation.override(code):
                assert getattr(criterion, f"name_{code}") == str(name)
                assert getattr(criterion, f"description_{code}") == str(description)
    assert criteria[0].name_en == "Partnership and cooperation"
    conditions = list(round_.conditions.order_by("order"))
    assert [c.text_en for c in conditions] == [str(t) for t in defaults.DEFAULT_CONDITIONS]
    for condition, text in zip(conditions, defaults.DEFAULT_CONDITIONS, strict=True):
        with translation.override("nn"):
            assert condition.text_nn == str(text)
    assert round_.questions.count() == 0
    assert round_.grant_maker_id == scheme.grant_maker_id


def test_a_new_round_copies_the_latest_earlier_round(officer):
    scheme = made.scheme()
    older = made.round_(scheme=scheme, opens_at=oslo(2025, 1, 1), closes_at=oslo(2025, 3, 1))
    made.criterion(round=older, name="Gammelt kriterium")
    latest = made.round_(scheme=scheme, opens_at=oslo(2026, 1, 1), closes_at=oslo(2026, 3, 1))
    made.criterion(
        round=latest, name="Skyss", name_nn="Skyss (nn)", name_en="Transport", weight=3, order=2
    )
    made.condition(round=latest, text="Ikke engangstiltak", text_en="Not one-off")
    made.question(round=latest, text="Hvem kjører?", required=False, in_light_form=True)
    copied = services.create_round(by=officer, scheme=scheme, **_round())
    (criterion,) = copied.criteria.all()
    assert (criterion.name_nb, criterion.name_nn, criterion.name_en) == (
        "Skyss",
        "Skyss (nn)",
        "Transport",
    )
    assert (criterion.weight, criterion.order) == (3, 2)
    (condition,) = copied.conditions.all()
    assert (condition.text_nb, condition.text_en) == ("Ikke engangstiltak", "Not one-off")
    (question,) = copied.questions.all()
    assert (question.text, question.required, question.in_light_form) == (
        "Hvem kjører?",
        False,
        True,
    )
    assert latest.criteria.count() == 1  # the earlier round keeps its own


def test_a_round_closes_after_it_opens(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_round(
            by=officer, scheme=made.scheme(), **_round(closes_at=oslo(2027, 1, 15, 9))
        )
    assert "closes_at" in refused.value.message_dict
    assert not Round.objects.filter(name="2027").exists()


def test_the_final_report_is_due_after_the_deadline(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_round(
            by=officer,
            scheme=made.scheme(),
            **_round(final_report_due=datetime.date(2027, 3, 12)),
        )
    assert "final_report_due" in refused.value.message_dict


def test_the_progress_report_comes_between_the_deadline_and_the_final_report(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_round(
            by=officer,
            scheme=made.scheme(),
            **_round(progress_report_due=datetime.date(2028, 5, 1)),
        )
    assert "progress_report_due" in refused.value.message_dict
    created = services.create_round(
        by=officer, scheme=made.scheme(), **_round(progress_report_due=datetime.date(2027, 9, 1))
    )
    assert created.progress_report_due == datetime.date(2027, 9, 1)


def test_the_light_limit_is_within_the_schemes_largest_amount(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_round(
            by=officer, scheme=made.scheme(max_amount=100_000), **_round(light_limit=200_000)
        )
    assert "light_limit" in refused.value.message_dict


def test_reviewers_and_other_officers_cannot_create_or_change_rounds(reviewer):
    other_officer = GrantMakerRoleFactory(grant_maker=GrantMakerFactory()).user
    round_ = made.round_()
    for person in (reviewer, other_officer):
        with pytest.raises(PermissionDenied):
            services.create_round(by=person, scheme=round_.scheme, **_round())
        with pytest.raises(PermissionDenied):
            services.update_round(by=person, round=round_, budget=1)


def test_officer_moves_the_deadline(officer):
    round_ = made.round_()
    closes = timezone.now() + datetime.timedelta(days=30)
    services.update_round(by=officer, round=round_, closes_at=closes, budget=5_000_000)
    round_.refresh_from_db()
    assert (round_.closes_at, round_.budget) == (closes, 5_000_000)


def test_updating_a_round_keeps_its_rules(officer):
    round_ = made.round_()
    with pytest.raises(ValidationError):
        services.update_round(by=officer, round=round_, closes_at=round_.opens_at)


# --- Criteria, conditions and questions ----------------------------------------------------


def _criteria_post(round_, rows, *, prefix="criteria"):
    existing = getattr(round_, prefix).count()
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(existing),
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def test_criteria_are_saved_from_the_formset(officer):
    round_ = made.round_()
    kept = made.criterion(round=round_, name="Skyss", weight=1)
    gone = made.criterion(round=round_, name="Gammelt")
    formset = CriterionFormSet(
        _criteria_post(
            round_,
            [
                {"id": kept.pk, "name_nb": "Skyss og følge", "weight": 4, "order": 1},
                {"id": gone.pk, "name_nb": "Gammelt", "weight": 1, "order": 2, "DELETE": "on"},
                {
                    "name_nb": "Lokal forankring",
                    "name_en": "Local anchoring",
                    "weight": 2,
                    "order": 3,
                },
            ],
        ),
        queryset=round_.criteria.all(),
        prefix="criteria",
    )
    assert formset.is_valid(), formset.errors
    services.save_criteria(by=officer, round=round_, formset=formset)
    assert sorted(round_.criteria.values_list("name_nb", "weight")) == [
        ("Lokal forankring", 2),
        ("Skyss og følge", 4),
    ]


def test_criteria_cannot_change_once_a_score_exists(officer):
    round_ = made.round_()
    criterion = made.criterion(round=round_)
    assignment = made.assignment(application=made.application(round=round_))
    assignment.scores.create(criterion=criterion, value=4)
    assert services.criteria_locked(round_)
    formset = CriterionFormSet(
        _criteria_post(
            round_, [{"id": criterion.pk, "name_nb": "Endret", "weight": 9, "order": 1}]
        ),
        queryset=round_.criteria.all(),
        prefix="criteria",
    )
    assert formset.is_valid()
    with pytest.raises(ValidationError) as refused:
        services.save_criteria(by=officer, round=round_, formset=formset)
    assert "can no longer be changed" in str(refused.value)
    criterion.refresh_from_db()
    assert criterion.weight == 1


def test_a_criterion_weighs_from_one_to_ten():
    round_ = made.round_()
    formset = CriterionFormSet(
        _criteria_post(round_, [{"name_nb": "For tung", "weight": 11, "order": 1}]),
        queryset=round_.criteria.all(),
        prefix="criteria",
    )
    assert not formset.is_valid()


def test_an_answered_question_is_not_removed(officer):
    round_ = made.round_()
    question = made.question(round=round_)
    application = made.application(round=round_)
    question.answers.create(application=application, text="Med frivillige sjåfører.")
    formset = QuestionFormSet(
        _criteria_post(
            round_,
            [
                {
                    "id": question.pk,
                    "text": question.text,
                    "order": 0,
                    "required": "on",
                    "DELETE": "on",
                }
            ],
            prefix="questions",
        ),
        queryset=round_.questions.all(),
        prefix="questions",
    )
    assert formset.is_valid(), formset.errors
    with pytest.raises(ValidationError):
        services.save_questions(by=officer, round=round_, formset=formset)
    assert Question.objects.filter(pk=question.pk).exists()


def test_a_reviewer_cannot_save_criteria_or_conditions(reviewer):
    round_ = made.round_()
    for save, model in (
        (services.save_criteria, Criterion),
        (services.save_conditions, EligibilityCondition),
    ):
        with pytest.raises(PermissionDenied):
            save(by=reviewer, round=round_, formset=None)
        assert not model.objects.exists()


def test_a_person_given_a_role_is_told_by_email_in_their_language(
    officer, mailoutbox, django_capture_on_commit_callbacks
):
    person = UserFactory(email="fagvurderar@example.org", full_name="Per Vik")
    person.preferred_language = "en"
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_grant_role(
            by=officer, grant_maker=national_grant_maker(), email=person.email, role="reviewer"
        )
    (sent,) = mailoutbox
    assert sent.to == ["fagvurderar@example.org"]
    assert "Helsedirektoratet" in sent.subject
    assert "Sigrid Lien has given you the role «Reviewer» in Helsedirektoratet" in sent.body
    assert f"/grants/makers/{national_grant_maker().pk}/" in sent.body


def test_the_first_officer_is_told_too(
    national_admin, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="first@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.create_grant_maker(
            by=national_admin, name="Vestland fylkeskommune", kind="county",
            officer_email="first@example.org",
        )  # fmt: skip
    assert [m.to for m in mailoutbox] == [["first@example.org"]]
