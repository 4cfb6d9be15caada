"""The full notice (Markdown) of a demo program, in Korean and in English."""

from oimarket.programs.enums import Track

from .text import krw, krw_en, kst_datetime
from .world_programs import DOCUMENTS, ELIGIBILITY, SELECTION

TRACK_NOTES = {
    Track.TOP_DOWN: "수요기관이 제시한 과제 중 하나를 선택해 해결 방안을 제안합니다.",
    Track.BOTTOM_UP: "선정 기업 중 우수 기업은 정부 자율제안형 트랙에 추천됩니다.",
    Track.ON_DEMAND: "상시 공개된 수요과제에 온라인으로 제안할 수 있습니다.",
    Track.GENERAL: "분야 제한 없이 사업 목적에 맞는 기업을 선정합니다.",
}


def support_lines(p) -> list[str]:
    lines = []
    if p.max_cash_krw:
        lines.append(f"**사업화 자금**: 기업당 최대 {krw(p.max_cash_krw)} (평가 결과에 따라 차등)")
    if p.poc_grant_krw:
        lines.append(f"**PoC 실증비**: 최대 {krw(p.poc_grant_krw)}, 실증 기간 약 6개월")
    if p.office_months:
        lines.append(f"**사무공간**: 최대 {p.office_months}개월 입주 지원")
    if p.follow_on_rnd_krw:
        lines.append(f"**후속 R&D**: 우수 기업 최대 {krw(p.follow_on_rnd_krw)} 연계")
    if p.investment_link:
        lines.append("**투자 연계**: 협력 펀드 및 IR 데모데이 참가")
    if p.trade_show:
        lines.append("**전시회**: 공동관 부스 참가 지원")
    if p.mentoring:
        lines.append("**멘토링**: 사업부 1:1 미팅과 전문가 멘토링")
    return lines or ["사업부 1:1 미팅 및 네트워킹"]


def program_body(p, org) -> str:
    quota = f"{p.selection_quota}개사 내외" if p.selection_quota else "제한 없음"
    sections = [
        ("사업 개요", [p.summary, "", TRACK_NOTES[p.track]]),
        ("지원대상", [f"- {line}" for line in ELIGIBILITY]),
        ("지원내용", [f"- {line}" for line in support_lines(p)]),
        (
            "선정 규모 및 절차",
            [f"선정 규모: **{quota}**", ""]
            + [f"{i}. {step}" for i, step in enumerate(SELECTION, 1)],
        ),
        (
            "신청방법",
            [
                f"- 접수기간: {kst_datetime(p.opens_at)} ~ {kst_datetime(p.closes_at)}까지",
                f"- 접수방법: 온라인 접수 ([공고 원문 보기]({p.external_url}))",
                "- 제출서류: " + ", ".join(DOCUMENTS),
            ],
        ),
        (
            "문의",
            [
                f"- 주관: {org.name}",
                f"- 담당: {p.contact_name}",
                f"- 이메일: {p.contact_email}",
                f"- 전화: {p.contact_phone} (평일 10:00~17:00)",
            ],
        ),
    ]
    return "\n\n".join(f"## {title}\n\n" + "\n".join(lines) for title, lines in sections) + "\n"


def program_body_en(p, org) -> str:
    support = []
    if p.max_cash_krw:
        support.append(f"Funding of up to {krw_en(p.max_cash_krw)} per startup")
    if p.poc_grant_krw:
        support.append(f"PoC grant of up to {krw_en(p.poc_grant_krw)}")
    if p.office_months:
        support.append(f"Office space for up to {p.office_months} months")
    if p.follow_on_rnd_krw:
        support.append(f"Follow-on R&D of up to {krw_en(p.follow_on_rnd_krw)}")
    if p.mentoring:
        support.append("1:1 meetings with business units and mentoring")
    support = support or ["Networking with business units"]
    return (
        f"## Overview\n\n{p.summary_en}\n\n"
        "## Who may apply\n\n- Companies founded less than 7 years ago (pre-founders welcome)\n"
        "- At least 2 people, largest shareholder not a listed company\n\n"
        "## Support\n\n" + "\n".join(f"- {line}" for line in support) + "\n\n"
        f"## How to apply\n\n- Deadline: {kst_datetime(p.closes_at)} (Korea time)\n"
        f"- Online: [full notice]({p.external_url})\n\n"
        f"## Contact\n\n- {org.name_en}: {p.contact_email}, {p.contact_phone}\n"
    )
