"""A founder signs up, verifies the e-mail, creates a startup and completes its profile."""

import re
from urllib.parse import urlsplit

from django.core import mail
from playwright.sync_api import expect

from oimarket.accounts.enums import InvestmentStage, MembershipRole, OrganizationKind
from oimarket.accounts.models import Membership, StartupProfile
from oimarket.accounts.selectors import profile_completeness
from oimarket.accounts.validators import business_number_checksum_ok

from .helpers import BROWSER_TEST, expect_html_lang, shot

pytestmark = BROWSER_TEST

EMAIL = "founder@robotics.example.kr"
PASSWORD = "Hangang-Robot-2026!"
BUSINESS_NUMBER = "220-81-62517"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def sign_up_and_verify(page) -> None:
    page.goto("/accounts/signup/")
    expect_html_lang(page, "ko")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    shot(page, "signup")
    page.locator("form[action='/accounts/signup/'] button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")

    assert [message.to for message in mail.outbox] == [[EMAIL]]
    link = CONFIRM_LINK.search(mail.outbox[0].body).group(0)
    page.goto(urlsplit(link).path)
    page.locator("form[action^='/accounts/confirm-email/'] button[type=submit]").click()
    # Confirmed in the browser that signed up: allauth logs in and we are onboarded.
    page.wait_for_url("**/onboarding/")


def create_startup(page) -> str:
    page.check("input[name=kind][value=startup]")
    page.fill("#id_name", "테스트로보틱스")
    page.select_option("#id_region", "gwangju")
    shot(page, "onboarding")
    page.locator("#main form:has(#id_name) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/orgs/[\w-]+/profile/$"))
    return urlsplit(page.url).path.split("/")[2]


def fill_profile(page, business_number: str) -> None:
    page.fill("#id_founded_on", "2021-03-15")
    page.fill("#id_team_size", "7")
    page.fill("#id_business_number", business_number)
    page.select_option("#id_investment_stage", InvestmentStage.SEED)
    page.check("input[name=fields][value=robotics]")
    page.check("input[name=fields][value=ai]")
    page.fill("#id_technologies", "SLAM, 컴퓨터 비전, 협동로봇")
    page.fill("#id_one_liner", "물류창고용 자율주행 로봇을 만듭니다")
    page.fill(
        "#id_description",
        "중소 물류센터에서 바로 쓸 수 있는 자율주행 운반 로봇을 개발합니다.\n"
        "광주 본사에서 7명이 일하고 있습니다.",
    )


def save_profile(page) -> None:
    page.locator("#main form:has(#id_business_number) button[type=submit]").click()


def test_startup_signup_onboarding_and_profile(page, new_context):
    assert business_number_checksum_ok(BUSINESS_NUMBER.replace("-", ""))

    sign_up_and_verify(page)
    slug = create_startup(page)
    profile_url = f"/orgs/{slug}/profile/"
    # Only the region (from onboarding) of the 8 items is there: round(100 * 1 / 8) == 12.
    expect(page.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "12")

    # A wrong check digit: an inline error, the input kept, nothing saved.
    fill_profile(page, "220-81-62518")
    save_profile(page)
    expect(page.locator("#id_business_number_error")).to_be_visible()
    expect(page.locator("#id_business_number")).to_have_value("220-81-62518")
    expect(page.locator("#id_one_liner")).to_have_value("물류창고용 자율주행 로봇을 만듭니다")
    assert urlsplit(page.url).path == profile_url
    profile = StartupProfile.objects.get(organization__slug=slug)
    assert (profile.business_number, profile.team_size, profile.one_liner) == ("", None, "")
    shot(page, "profile-form-error")

    page.fill("#id_business_number", BUSINESS_NUMBER)
    shot(page, "profile-form")
    save_profile(page)
    page.wait_for_url(f"**/orgs/{slug}/")

    profile = StartupProfile.objects.select_related("organization").get(organization__slug=slug)
    assert profile.business_number == "2208162517"
    assert profile.organization.name == "테스트로보틱스"
    assert profile.organization.kind == OrganizationKind.STARTUP
    assert profile.organization.region_id == "gwangju"
    assert (profile.team_size, profile.investment_stage) == (7, InvestmentStage.SEED)
    assert sorted(profile.fields.values_list("code", flat=True)) == ["ai", "robotics"]
    assert profile.technology_list == ["SLAM", "컴퓨터 비전", "협동로봇"]
    assert profile_completeness(profile) == (100, [])
    membership = Membership.objects.get(organization=profile.organization)
    assert (membership.user.email, membership.role) == (EMAIL, MembershipRole.OWNER)

    page.locator("#site-nav .nav-link[href='/dashboard/']").click()
    page.wait_for_url("**/dashboard/")
    completeness = page.locator("#profile-completeness")
    expect(completeness.locator("strong")).to_have_text("100%")
    expect(completeness.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "100")
    shot(page, "dashboard-startup")

    phone = new_context(phone=True, storage_state=page.context.storage_state()).new_page()
    phone.goto("/dashboard/")
    expect(phone.locator("#profile-completeness strong")).to_have_text("100%")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "dashboard-startup-phone")
