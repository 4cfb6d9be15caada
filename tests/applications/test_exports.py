import csv
import hashlib
import io
import zipfile
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.services.review import review_resolve
from tests.factories import OperatorFactory, ProgramFactory

from .conftest import member_of
from .test_operator_screening import ALPHA_PLAN, BETA_PLAN, MANUAL_TEXT, build_screening

pytestmark = pytest.mark.django_db

HEADER = [
    "Receipt number",
    "Startup",
    "Business registration number",
    "Submitted at (KST)",
    "Eligibility",
    "Founded less than 7 years before the deadline",
    "A team of at least 3 people",
    MANUAL_TEXT,
    "1. 서비스 한 줄 소개",
    "2. 팀 구성",
    "3. 희망 지원금(원)",
    "4. 사업계획서",
]
TEAM = "김하나 / 대표 / 배터리 공정 10년; 이두리 / CTO / 비전 AI 6년"


@pytest.fixture
def screening():
    """As in test_operator_screening; beta's manual condition is settled as met."""
    s = build_screening()
    review_resolve(
        applications=[s.beta], rule=s.manual, by=s.editor, passed=True, note="채용 계획서 확인"
    )
    return s


def export_url(program, fmt):
    return reverse("applications:applicant-export", args=[program.pk, fmt])


def kst(application) -> datetime:
    return timezone.localtime(application.submitted_at).replace(tzinfo=None)


def expected_rows(s) -> list[list]:
    """Each applicant's row as the XLSX holds it (the CSV writes the datetimes as text)."""
    alpha_plan = f"사업계획서_알파.pdf (SHA-256 {hashlib.sha256(ALPHA_PLAN).hexdigest()})"
    beta_plan = f"베타 사업계획서.pdf (SHA-256 {hashlib.sha256(BETA_PLAN).hexdigest()})"
    return [
        [
            s.alpha.receipt_number,
            "알파랩스",
            "123-45-67890",
            kst(s.alpha),
            "Needs review",
            "Met",
            "Met",
            "Needs review",
            "열화상 AI로 설비 과열을 찾습니다",
            TEAM,
            "50,000,000",
            alpha_plan,
        ],
        [
            s.beta.receipt_number,
            "베타로보틱스",
            None,
            kst(s.beta),
            "Not eligible",
            "Not met",
            "Needs review",
            "Met (resolved: 채용 계획서 확인)",
            "협동로봇 용접 자동화",
            None,
            None,
            beta_plan,
        ],
        [
            s.gamma.receipt_number,
            "감마바이오",
            "220-81-62517",
            kst(s.gamma),
            "Not eligible",
            "Needs review",
            "Not met",
            "Needs review",
            "마이크로바이옴 진단 키트",
            None,
            None,
            None,
        ],
    ]


# CSV ------------------------------------------------------------------------------------------


def test_csv_export_has_a_bom_and_one_row_per_submitted_applicant(client, screening):
    client.force_login(screening.editor)

    response = client.get(export_url(screening.program, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="applicants-{screening.program.pk}.csv"'
    )
    assert response.content[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    as_text = [
        [
            v.isoformat(sep=" ", timespec="seconds")
            if isinstance(v, datetime)
            else ("" if v is None else v)
            for v in row
        ]
        for row in expected_rows(screening)
    ]
    assert rows[0] == HEADER
    assert rows[1] == as_text[0]
    assert rows[2] == as_text[1]
    assert rows[3] == as_text[2]
    assert len(rows) == 4  # the draft never appears


def test_csv_export_of_a_program_without_applicants_is_the_header(client):
    program = ProgramFactory()
    client.force_login(OperatorFactory())

    response = client.get(export_url(program, "csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Receipt number", "Startup", "Business registration number"]
        + ["Submitted at (KST)", "Eligibility"]
    ]


# XLSX -----------------------------------------------------------------------------------------


def test_xlsx_export_checked_cell_by_cell(client, screening):
    client.force_login(screening.editor)

    response = client.get(export_url(screening.program, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="applicants-{screening.program.pk}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Applicants"
    assert [cell.value for cell in sheet[1]] == HEADER
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    expected = expected_rows(screening)
    for index, row in enumerate(expected, start=2):
        assert [cell.value for cell in sheet[index]] == row
    assert sheet.max_row == 4
    submitted = sheet["D2"]
    assert submitted.is_date
    assert submitted.value == kst(screening.alpha)
    assert submitted.value.tzinfo is None
    assert submitted.number_format == "yyyy-mm-dd hh:mm:ss"
    assert sheet["C2"].value == "123-45-67890"
    assert sheet["C2"].data_type == "s"


def test_xlsx_export_column_widths_fit_the_text(client, screening):
    client.force_login(screening.editor)

    sheet = load_workbook(
        io.BytesIO(client.get(export_url(screening.program, "xlsx")).content)
    ).active

    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEJ"}
    # "Receipt number" 14 + 2; "베타로보틱스" 6 wide characters; the team table capped at 60.
    assert widths == {"A": 16, "B": 14, "C": 30, "D": 21, "E": 14, "J": 60}


# ZIP ------------------------------------------------------------------------------------------


def test_zip_export_holds_every_submitted_file_by_receipt_number(client, screening):
    client.force_login(screening.editor)

    response = client.get(export_url(screening.program, "zip"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        f'attachment; filename="applicants-{screening.program.pk}.zip"'
    )
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    alpha_name = f"{screening.alpha.receipt_number}/4_사업계획서_알파.pdf"
    beta_name = f"{screening.beta.receipt_number}/4_베타 사업계획서.pdf"
    assert archive.namelist() == [alpha_name, beta_name]
    assert archive.read(alpha_name) == ALPHA_PLAN
    assert archive.read(beta_name) == BETA_PLAN
    assert archive.testzip() is None


def test_zip_export_leaves_out_withdrawn_applications(client, screening):
    screening.beta.status = ApplicationStatus.WITHDRAWN
    screening.beta.save()
    client.force_login(OperatorFactory())

    response = client.get(export_url(screening.program, "zip"))

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [f"{screening.alpha.receipt_number}/4_사업계획서_알파.pdf"]


def test_unknown_export_format_is_404(client, screening):
    client.force_login(screening.editor)

    assert client.get(export_url(screening.program, "pdf")).status_code == 404


def test_exports_are_for_the_programs_editors_only(client, screening):
    client.force_login(member_of(screening.alpha.startup))

    codes = [
        client.get(export_url(screening.program, f)).status_code for f in ("csv", "xlsx", "zip")
    ]

    assert codes == [404, 404, 404]


def test_answers_that_look_like_formulas_stay_text(client, screening):
    """A startup's answer never runs as a formula in the operator's spreadsheet."""
    snapshot = screening.gamma.submitted_snapshot
    snapshot["sections"][0]["answers"][0]["display"] = '=HYPERLINK("http://evil.example","열기")'
    screening.gamma.save()
    client.force_login(screening.editor)

    csv_rows = list(
        csv.reader(
            io.StringIO(
                client.get(export_url(screening.program, "csv")).content.decode("utf-8-sig")
            )
        )
    )
    sheet = load_workbook(
        io.BytesIO(client.get(export_url(screening.program, "xlsx")).content)
    ).active

    assert csv_rows[3][8] == '\'=HYPERLINK("http://evil.example","열기")'
    assert (sheet["I4"].value, sheet["I4"].data_type) == (
        '=HYPERLINK("http://evil.example","열기")',
        "s",
    )
