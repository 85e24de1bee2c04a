"""The activities app's shared models: the shipped types, and the database's own guards."""

import pytest
from django.db import IntegrityError

from activities.models import ActivityType, Category
from tests.activities.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_every_category_has_shipped_types_named_in_three_languages():
    shipped = ActivityType.objects.filter(municipality=None)
    assert {t.category for t in shipped} == set(Category.values)
    for activity_type in shipped:
        assert activity_type.name_nb and activity_type.name_nn and activity_type.name_en


def test_reduced_fee_above_the_standard_fee_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        ActivityFactory(fee=50, reduced_fee=80)


def test_a_session_ending_before_it_starts_is_refused_by_the_database():
    session = SessionFactory.build()
    session.ends_at = session.starts_at
    session.activity.place.save()
    session.activity.save()
    with pytest.raises(IntegrityError):
        session.save()
