"""Downloads of a program's applicants for its operators: CSV, XLSX and a ZIP of the files.

One table feeds the CSV and the XLSX: a row per submitted application with its receipt number,
startup, business registration number, submission time (KST), overall eligibility, each rule's
status (after review resolutions), then each question's submitted answer in form order.
"""

import csv
import io
import logging
import shutil
import unicodedata
import zipfile
from datetime import datetime
from tempfile import SpooledTemporaryFile

from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from oimarket.documents.models import DocumentVersion
from oimarket.programs.models import Program

from .models import Application
from .selectors.operator import (
    ApplicantRow,
    RuleCell,
    applicant_rows,
    form_questions,
    rule_headers,
    submitted_answers,
    submitted_applications,
)

logger = logging.getLogger(__name__)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
COLUMN_WIDTH_MIN, COLUMN_WIDTH_MAX = 8, 60
ZIP_SPOOL_BYTES = 16 * 1024 * 1024  # kept in memory up to this size, then on disk


def download_name(program: Program, extension: str) -> str:
    return f"applicants-{program.pk}.{extension}"


def business_number(application: Application) -> str:
    """123-45-67890, or empty when the startup has none."""
    try:
        return application.startup.startup_profile.business_number_display
    except ObjectDoesNotExist:
        return ""


def submitted_at_kst(application: Application) -> datetime:
    """The submission time in Korea time, without tzinfo (Excel has no time zones)."""
    return timezone.localtime(application.submitted_at).replace(tzinfo=None)


def cell_text(cell: RuleCell) -> str:
    text = cell.label
    if cell.resolved:
        return _("%(status)s (resolved: %(note)s)") % {"status": text, "note": cell.resolution.note}
    return text


def export_table(program: Program) -> tuple[list[str], list[list]]:
    """(header, rows) of the program's submitted applicants; datetimes stay datetimes."""
    rows: list[ApplicantRow] = applicant_rows(program)
    questions = form_questions(program)
    header = [
        _("Receipt number"),
        _("Startup"),
        _("Business registration number"),
        _("Submitted at (KST)"),
        _("Eligibility"),
        *[text for _rule, text in rule_headers(program)],
        *[f"{n}. {q.display_label}" for n, q in enumerate(questions, start=1)],
    ]
    table = []
    for row in rows:
        application = row.application
        table.append(
            [
                application.receipt_number,
                application.startup.display_name,
                business_number(application),
                submitted_at_kst(application),
                row.status.label,
                *[cell_text(cell) for cell in row.cells],
                *[answer.text for answer in submitted_answers(application, questions)],
            ]
        )
    return header, table


# CSV ------------------------------------------------------------------------------------------


# A spreadsheet runs a cell that starts with one of these as a formula: startups write the
# answers, so such text is kept as text (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(program: Program) -> HttpResponse:
    """UTF-8 with a byte order mark, so that Excel in Korea opens the Korean text right."""
    header, table = export_table(program)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in table:
        writer.writerow([_csv_value(v) for v in row])
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{download_name(program, "csv")}"'
    return response


# XLSX -----------------------------------------------------------------------------------------


def _display_width(value) -> int:
    """Characters as a spreadsheet shows them: Korean (wide) characters count twice."""
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value or "")
    line = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _set_widths(sheet, header: list[str], table: list[list]) -> None:
    for index, title in enumerate(header, start=1):
        widest = max([_display_width(title)] + [_display_width(row[index - 1]) for row in table])
        width = min(max(widest + 2, COLUMN_WIDTH_MIN), COLUMN_WIDTH_MAX)
        sheet.column_dimensions[get_column_letter(index)].width = width


def xlsx_bytes(program: Program) -> bytes:
    header, table = export_table(program)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Applicants")
    sheet.append(header)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in table:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif cell.data_type == "f":  # text that starts with "=": never a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    _set_widths(sheet, header, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(program: Program) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(program), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{download_name(program, "xlsx")}"'
    return response


# ZIP of the submitted files -------------------------------------------------------------------


def zip_members(program: Program) -> list[tuple[str, DocumentVersion, Application]]:
    """(name in the ZIP, file version, application) of every submitted file, named
    `<receipt number>/<question number>_<original file name>`."""
    applications = list(submitted_applications(program))
    questions = form_questions(program)
    files = [
        (application, answer)
        for application in applications
        for answer in submitted_answers(application, questions)
        if answer.file
    ]
    versions = DocumentVersion.objects.in_bulk([answer.file["version_id"] for _a, answer in files])
    members = []
    for application, answer in files:
        version = versions.get(answer.file["version_id"])
        if version is not None:
            folder = application.receipt_number or f"application-{application.pk}"
            original = version.original_name.replace("/", "_").replace("\\", "_")
            name = f"{folder}/{answer.number}_{original}"
            members.append((name, version, application))
    return members


def _write_member(archive: zipfile.ZipFile, name: str, version, application) -> None:
    moment = timezone.localtime(application.submitted_at or timezone.now())
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    try:
        with version.file.open("rb") as source, archive.open(info, "w") as target:
            shutil.copyfileobj(source, target)
    except FileNotFoundError:
        logger.error("Export: file %s of version %s is missing", version.file.name, version.pk)


def zip_response(program: Program) -> FileResponse:
    """All submitted files, written into a spooled temporary file and streamed out."""
    spool = SpooledTemporaryFile(max_size=ZIP_SPOOL_BYTES)  # noqa: SIM115 (FileResponse closes it)
    with zipfile.ZipFile(spool, "w") as archive:
        for name, version, application in zip_members(program):
            _write_member(archive, name, version, application)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=download_name(program, "zip"),
        content_type="application/zip",
    )
