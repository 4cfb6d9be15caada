import pytest

pytestmark = pytest.mark.django_db


def test_404_page_is_the_sites_own(client):
    response = client.get("/programs/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<h1 class="h3">Page not found</h1>' in html
    assert 'class="btn btn-primary" href="/programs/"' in html


def test_403_page_is_the_sites_own(client):
    from tests.factories import OrganizationFactory, UserFactory

    client.force_login(UserFactory())
    OrganizationFactory(kind="startup")
    response = client.get("/programs/new/")
    assert response.status_code == 403
    assert '<h1 class="h3">You cannot open this page</h1>' in response.content.decode()
