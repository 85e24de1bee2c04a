"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import PARTNERS
from coordination.partners.views import agreements, corrections
from coordination.partners.views import contacts as partner_contacts
from coordination.partners.views import organisations as partners

urlpatterns = [
    # partners and agreements
    path(f"{PARTNERS}", partners.partner_list, name="partner_list"),
    path(f"{PARTNERS}add/", partners.partner_add, name="partner_add"),
    path(f"{PARTNERS}map/", partners.partner_map, name="partner_map"),
    path(f"{PARTNERS}<int:pk>/", partners.partner_detail, name="partner_detail"),
    path(f"{PARTNERS}<int:pk>/edit/", partners.partner_edit, name="partner_edit"),
    path(
        f"{PARTNERS}<int:pk>/correction/",
        corrections.partner_correction_propose,
        name="partner_correction_propose",
    ),
    path(
        f"{PARTNERS}corrections/<int:pk>/",
        corrections.partner_correction_decide,
        name="partner_correction_decide",
    ),
    path(
        f"{PARTNERS}<int:pk>/contacts/add/",
        partner_contacts.partner_contact_add,
        name="partner_contact_add",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/remove/",
        partner_contacts.partner_contact_remove,
        name="partner_contact_remove",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/",
        partner_contacts.partner_contact_edit,
        name="partner_contact_edit",
    ),
    path(
        f"{PARTNERS}<int:pk>/offers/add/",
        partner_contacts.partner_offer_add,
        name="partner_offer_add",
    ),
    path(
        f"{PARTNERS}offers/<int:pk>/",
        partner_contacts.partner_offer_edit,
        name="partner_offer_edit",
    ),
    path(
        f"{PARTNERS}offers/<int:pk>/remove/",
        partner_contacts.partner_offer_remove,
        name="partner_offer_remove",
    ),
    path(f"{PARTNERS}agreements/", agreements.agreement_list, name="agreement_list"),
    path(f"{PARTNERS}agreements/add/", agreements.agreement_add, name="agreement_add"),
    path(
        f"{PARTNERS}agreements/<int:pk>/",
        agreements.agreement_detail,
        name="agreement_detail",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/edit/",
        agreements.agreement_edit,
        name="agreement_edit",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/status/",
        agreements.agreement_status,
        name="agreement_status",
    ),
    # s10-forms: ending and reopening an agreement ask first
    path(f"{PARTNERS}agreements/<int:pk>/end/", agreements.agreement_end, name="agreement_end"),
    path(
        f"{PARTNERS}agreements/<int:pk>/reopen/",
        agreements.agreement_reopen,
        name="agreement_reopen",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/document/",
        agreements.agreement_document,
        name="agreement_document",
    ),
]
