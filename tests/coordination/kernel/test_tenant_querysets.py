"""Every model that belongs to a municipality is asked for one municipality's rows the same
way (``Model.objects.in_municipality(m)``), so that scoping by municipality has one place."""

import pytest
from django.apps import apps
from django.db import models

from coordination.kernel.models import Municipality, TenantQuerySet
from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def _tenant_owned():
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "municipality"), None)
        many_per_municipality = isinstance(field, models.ForeignKey) and not isinstance(
            field, models.OneToOneField
        )
        if many_per_municipality and field.related_model is Municipality:
            yield model


def test_every_tenant_owned_model_asks_for_one_municipalitys_rows_the_same_way():
    owned = list(_tenant_owned())
    assert len(owned) >= 15
    missing = [m.__name__ for m in owned if not isinstance(m.objects.all(), TenantQuerySet)]
    assert missing == []


def test_in_municipality_keeps_only_that_municipalitys_rows(lom, drammen):
    in_lom = VolunteerFactory(municipality=lom)
    VolunteerFactory(municipality=drammen)
    model = type(in_lom)
    assert list(model.objects.in_municipality(lom)) == [in_lom]
    assert list(model.objects.in_municipality("3434")) == [in_lom]
