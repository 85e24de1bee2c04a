import pytest
from django.core.management import call_command

from coordination.kernel.models import Municipality
from coordination.kernel.services import load_municipalities

pytestmark = pytest.mark.django_db


def test_all_357_municipalities_are_loaded_with_the_national_population():
    assert Municipality.objects.count() == 357
    assert sum(Municipality.objects.values_list("population", flat=True)) == 5_550_203


def test_loading_twice_changes_nothing(capsys):
    before = list(Municipality.objects.order_by("number").values())
    call_command("load_municipalities")
    assert "357 municipalities: 0 created, 0 updated." in capsys.readouterr().out
    assert list(Municipality.objects.order_by("number").values()) == before


def test_loading_restores_a_changed_or_missing_municipality():
    Municipality.objects.filter(pk="3434").update(population=1, name="Feil")
    Municipality.objects.filter(pk="0301").delete()
    assert load_municipalities() == {"created": 1, "updated": 1, "total": 357}
    lom = Municipality.objects.get(pk="3434")
    assert (lom.name, lom.population, lom.language_form) == ("Lom", 2212, "nynorsk")
    assert Municipality.objects.get(pk="0301").official_name == "Oslo - Oslove"


def test_duplicate_names_are_told_apart_by_number_and_county():
    heroy = Municipality.objects.filter(name="Herøy").order_by("number")
    assert [(m.number, m.county) for m in heroy] == [
        ("1515", "Møre og Romsdal"),
        ("1818", "Nordland"),
    ]
