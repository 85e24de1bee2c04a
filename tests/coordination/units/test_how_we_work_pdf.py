"""«How we work together» printed (issue 14): one A4 landscape page drawn from the
municipality's own data: the flow from a need to a volunteer, its units with their volunteer
contacts, the coordinator, its partners (volunteer centre first) and the 8 steps; in nynorsk for
Lom; markup in a name is printed as text; a large municipality still gets one page."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from coordination.kernel import contributions
from coordination.kernel.documents import typeset
from coordination.models import PartnerOrganisation, Role, Unit, UnitContact
from coordination.units.exports import compose_how_we_work
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

HOSTILE = '<link rel="attachment" href="file:///etc/passwd">'


def _flat(text: str) -> str:
    return re.sub(r"[\s‐-]+", "", text)


def _contact(unit: Unit, name: str) -> None:
    membership = MembershipFactory(
        user=UserFactory(full_name=name), municipality=unit.municipality,
        role=Role.VOLUNTEER_CONTACT,
    )  # fmt: skip
    UnitContact.objects.create(unit=unit, membership=membership)


def test_lom_gets_its_model_on_one_landscape_page_in_nynorsk(coordinator_lom):
    lom = municipality("3434")
    home = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    care = Unit.objects.create(municipality=lom, name="Heimetenesta i Lom", kind="home_care",
                               phone="61 21 30 00")  # fmt: skip
    _contact(home, "Kari Sletten")
    _contact(care, "Per Haugen")
    PartnerOrganisationFactory(name="Lom pensjonistlag")
    PartnerOrganisationFactory(
        name="Lom frivilligsentral", kind=PartnerOrganisation.Kind.VOLUNTEER_CENTRE
    )
    PartnerOrganisationFactory(name=HOSTILE)
    PartnerOrganisationFactory(name="Drammen Røde Kors", municipalities=["3301"])
    pdf = typeset(compose_how_we_work(lom, "nn"))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    text = _flat(page.extract_text())
    names = ["Lom sjukeheim", "Heimetenesta i Lom", "61 21 30 00", "Kari Sletten", "Per Haugen",
             "Ingrid Bakken", "Lom pensjonistlag", "Lom frivilligsentral"]  # fmt: skip
    for name in names:
        assert _flat(name) in text
    assert "DrammenRødeKors" not in text  # another municipality's partner
    # the volunteer centre first among the partners
    assert text.index("Lomfrivilligsentral") < text.index("Lompensjonistlag")
    # nynorsk, from the kernel's steps and the portal's words
    for word in ("Frivilligkoordinator", "Verksemderogfrivilligkontaktar", "Kartleggje",
                 "Setjefrivilligheitpådagsordenen"):  # fmt: skip
        assert word in text
    assert _flat(HOSTILE[:40]) in text and reader.attachments == {} and b"root:x:0:0" not in pdf


def test_a_large_municipality_still_gets_one_page_in_bokmal(coordinator_drammen, tmp_path):
    drammen = municipality("3301")
    for n in range(16):
        name = f"Strømsø bo- og behandlingssenter avdeling {n:02} " + "x" * 90
        unit = Unit.objects.create(
            municipality=drammen, name=name, kind="nursing_home", phone="32 04 70 00"
        )
        for who in ("Frivillighetskontakt Nummer", "Andre Kontakt", "Tredje"):
            _contact(unit, f"{who} {n:02} " + "Etternavnsen-Langnavn " * 5)
    for n in range(20):
        name = f"Nasjonalforeningen Drammen demensforening {n:02} " + "y" * 140
        PartnerOrganisationFactory(name=name, municipalities=["3301"])
    out = tmp_path / "how.pdf"
    call_command("render_document", "how-we-work", municipality="3301", out=out)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    assert reader.metadata.title.endswith("– Drammen")
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    text = _flat(reader.pages[0].extract_text())
    assert "Frivillighetskoordinator" in text and "HassanAli" in text
    assert "avdeling00" in text and "avdeling15" not in text  # counted: «and 9 more»
    assert "demensforening00" in text and "demensforening19" not in text


def test_the_document_is_registered_for_those_who_see_the_coordination_overview():
    document = contributions.document("how-we-work")
    assert document is not None and document.action == "view_municipality"
    assert not document.publishable
    assert contributions.figures_for("partner_roster", municipality("3434")) == {
        "partners": [], "count": 0,
    }  # fmt: skip
