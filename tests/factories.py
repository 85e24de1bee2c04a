import factory
from allauth.account.models import EmailAddress

from coordination.models import Membership, Municipality, PartnerOrganisation, Role, User

PASSWORD = "a-Long-test-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@samspill.example")
    full_name = factory.Faker("name", locale="no_NO")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary email, as allauth requires for login (verified=False: none)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


def municipality(number: str) -> Municipality:
    """Municipalities are reference data, loaded by migration: fetch, never create."""
    return Municipality.objects.get(pk=number)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.LazyFunction(lambda: municipality("3434"))
    role = Role.COORDINATOR


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Pensjonistlag {n}")
    kind = PartnerOrganisation.Kind.ASSOCIATION

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.municipalities.add(*(extracted or ["3434"]))
