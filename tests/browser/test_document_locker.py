"""The locker on a phone: upload, see it, add a version, download the exact bytes."""

from pathlib import Path

from playwright.sync_api import expect

from oimarket.documents.models import DocumentVersion
from tests.browser.helpers import BROWSER_TEST, log_in, shot
from tests.documents import samples
from tests.factories import MembershipFactory, StartupFactory

pytestmark = BROWSER_TEST


def test_owner_uploads_versions_and_downloads_on_a_phone(phone, tmp_path):
    owner = MembershipFactory(organization=StartupFactory(name="한빛로보틱스", slug="hanbit"))
    log_in(phone, owner.user.email)

    phone.goto("/orgs/hanbit/documents/")
    phone.select_option("#id_new-kind", "ir_deck")
    phone.fill("#id_new-title", "IR 자료 2026")
    pdf = {"name": "한빛_IR.pdf", "mimeType": "application/pdf", "buffer": samples.PDF}
    phone.set_input_files("#id_new-file", files=[pdf])
    phone.locator("section[aria-labelledby=upload-heading] button[type=submit]").click()

    card = phone.locator("article", has_text="IR 자료 2026")
    expect(card).to_contain_text("v1")
    document = DocumentVersion.objects.get().document
    card.locator("summary").nth(1).click()
    png = {"name": "v2.png", "mimeType": "image/png", "buffer": samples.png()}
    phone.set_input_files(f"#id_v{document.pk}-file", files=[png])
    card.locator("form button[type=submit]").click()

    expect(phone.locator("article", has_text="IR 자료 2026")).to_contain_text("v2")
    shot(phone, "documents-locker-phone")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width == 375
    with phone.expect_download() as info:
        phone.locator("article", has_text="IR 자료 2026").locator("a.btn-outline-primary").click()
    target = tmp_path / "downloaded"
    info.value.save_as(target)
    assert (info.value.suggested_filename, Path(target).read_bytes()) == ("v2.png", samples.png())
