from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    ForumMeeting,
    Indicator,
    Membership,
    Municipality,
    PartnerOrganisation,
    PendingTask,
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityTask,
    StaircaseLevel,
    Unit,
    UnitContact,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["municipality", "organisation"]
    readonly_fields = ["created_at", "created_by"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "date_joined"]
    list_filter = [
        "is_active",
        "is_staff",
        "is_national_administrator",
        "is_superuser",
        "preferred_language",
    ]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "phone", "preferred_language")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_national_administrator",  # issue 13: decides requests to start
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "county", "population", "language_form"]
    list_filter = ["county", "language_form"]
    search_fields = ["number", "name", "official_name"]
    readonly_fields = ["number"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "municipality", "organisation", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__full_name", "municipality__name"]
    autocomplete_fields = ["user", "municipality", "organisation"]
    list_select_related = ["user", "municipality", "organisation"]


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation_number"]
    filter_horizontal = ["municipalities"]


# --- units, the forum and the responsibility map -------------------------------------------


class UnitContactInline(admin.TabularInline):
    model = UnitContact
    extra = 0
    raw_id_fields = ["membership"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name", "municipality__name"]
    raw_id_fields = ["municipality"]
    inlines = [UnitContactInline]


@admin.register(ForumMeeting)
class ForumMeetingAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "place", "municipality"]
    search_fields = ["place", "municipality__name"]
    raw_id_fields = ["municipality", "attendees", "minutes_by", "created_by"]
    date_hierarchy = "starts_at"


class ResponsibilityTaskInline(admin.TabularInline):
    model = ResponsibilityTask
    extra = 0
    fields = ["name", "starter_key", "position"]
    readonly_fields = ["starter_key"]


class ResponsibilityPartyInline(admin.TabularInline):
    model = ResponsibilityParty
    extra = 0
    fields = ["name", "starter_key", "position", "unit", "partner"]
    readonly_fields = ["starter_key"]
    raw_id_fields = ["unit", "partner"]


@admin.register(ResponsibilityMap)
class ResponsibilityMapAdmin(admin.ModelAdmin):
    list_display = ["municipality", "updated_at"]
    search_fields = ["municipality__name"]
    raw_id_fields = ["municipality"]
    inlines = [ResponsibilityTaskInline, ResponsibilityPartyInline]


# --- staircase: a national administrator edits the levels' and indicators' wording ----------


@admin.register(StaircaseLevel)
class StaircaseLevelAdmin(TranslationAdmin):
    list_display = ["number", "name"]
    ordering = ["number"]


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["text", "step", "level", "evidence_key", "order", "is_active"]
    list_filter = ["step", "level", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["text_nb", "text_nn", "text_en"]
    list_select_related = ["level"]


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "starts_on", "review_on", "ends_on"]
    list_filter = ["status"]
    search_fields = ["title", "municipality__name"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["status", "created_at", "created_by"]  # status changes in a service
    inlines = [AgreementPartyInline]


@admin.register(PendingTask)
class PendingTaskAdmin(admin.ModelAdmin):
    """The outbox, for a technical administrator after an outage: what waits, what failed.
    Read only: the drain job (coordination/outbox.py) sends what is due."""

    list_display = ("task", "created_at", "attempts", "sent_at", "done_at", "last_error")
    list_filter = ("task",)
    readonly_fields = (
        "task",
        "kwargs",
        "created_at",
        "attempts",
        "sent_at",
        "done_at",
        "last_error",
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
