"""Partners and cooperation agreements: the writes with rules (``organisations``: partners,
their contacts and offers; ``agreements``: agreements and their status).

A partner organisation may work with several municipalities (inter-municipal cooperation): one
organisation number is one organisation, so adding a number that another municipality already
registered links that organisation instead of making a copy. Contacts and offers belong to one
municipality's view of the partner."""

from coordination.partners.services.agreements import (
    AgreementFields,
    create_agreement,
    end_agreement,
    reopen_agreement,
    set_agreement_status,
    update_agreement,
)
from coordination.partners.services.corrections import decide_correction, propose_correction
from coordination.partners.services.organisations import (
    compact_organisation_number,
    create_contact,
    create_offer,
    create_partner,
    remove_contact,
    remove_offer,
    schedule_register_lookup,
    split_areas,
    update_contact,
    update_offer,
    update_partner,
)

__all__ = [
    "AgreementFields",
    "compact_organisation_number",
    "create_agreement",
    "create_contact",
    "create_offer",
    "create_partner",
    "decide_correction",
    "end_agreement",
    "propose_correction",
    "remove_contact",
    "remove_offer",
    "reopen_agreement",
    "schedule_register_lookup",
    "set_agreement_status",
    "split_areas",
    "update_agreement",
    "update_contact",
    "update_offer",
    "update_partner",
]
