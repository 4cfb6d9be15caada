# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)
"""Invented programs (calls): the fixed story programs and templates for generated ones.

Dates are days relative to the seeding day (00:00 Korea time); times are Korea time.
"""

from oimarket.programs.enums import ChallengeStatus as CS
from oimarket.programs.enums import Track

M = 1_000_000

# The story every demo login relies on; generated programs come after these.
# fmt: off
STORY_PROGRAMS = [
    dict(
        key="ministry", org="nsia", track=Track.TOP_DOWN, accepts_challenges=True,
        title="{year}년 개방형 혁신 공동 챌린지(문제해결형) 참여 스타트업 모집",
        title_en="{year} Joint Open Innovation Challenge (problem-solving track): call for startups",
        summary="창업혁신부가 주최하고 국가창업혁신진흥원이 주관합니다. 수요기관이 제시한 전략 "
        "과제를 해결할 스타트업 30개사를 선정해 사업화 자금, PoC, 후속 R&D를 지원합니다.",
        summary_en="Hosted by the Ministry of Startups and Innovation. 30 startups are chosen to "
        "solve strategic problems set by demand organizations, with funding, PoC and R&D.",
        opens=-12, closes=19, close_time=(17, 0), quota=30, cash=140 * M, poc=10 * M,
        office=None, rnd=120 * M, invest=True, show=True, mentor=True,
        fields=["area_growth", "tech_autonomous", "tech_water", "tech_grid", "defence"],
        regions=[], partners=["oipo", "southcoast-ceic", "mudeung-ceic", "hangang-vp"],
    ),
    dict(
        key="center", org="southcoast-ceic", track=Track.TOP_DOWN, accepts_challenges=True,
        title="{year} 남해안 제조혁신 오픈이노베이션 챌린지",
        title_en="{year} South Coast Manufacturing Open Innovation Challenge",
        summary="조선·방산·항공·원자력 수요기업의 실증 과제를 접수해 사전 검토 중이며, 선정된 "
        "과제를 해결할 스타트업 15개사를 모집합니다.",
        summary_en="Problems from shipbuilding, defence, aerospace and nuclear companies are "
        "being pre-selected; 15 startups will then be chosen to solve them.",
        opens=9, closes=40, close_time=(17, 0), quota=15, cash=60 * M, poc=10 * M,
        office=12, rnd=None, invest=False, show=False, mentor=True,
        fields=["tech_shipbuilding", "defence", "aerospace", "tech_nuclear", "manufacturing"],
        regions=["gyeongnam", "busan", "ulsan"],
        partners=["mirae-shipbuilding", "ara-aerospace", "kcnc"],
    ),
    dict(
        key="hanbit_accel", org="hanbit-mobility", track=Track.BOTTOM_UP,
        title="한빛모빌리티 오픈이노베이션 액셀러레이팅 5기 모집",
        title_en="Hanbit Mobility Open Innovation Accelerator, batch 5",
        summary="자율주행·전동화·모빌리티 서비스 스타트업을 선발해 사업부 1:1 미팅과 공동 PoC를 "
        "지원합니다. 우수 기업은 정부 자율제안형 트랙에 추천합니다.",
        summary_en="Startups in autonomy, electrification and mobility services get 1:1 meetings "
        "with business units and a joint PoC; the best are recommended to the public track.",
        opens=-25, closes=4, close_time=(23, 59), quota=15, cash=100 * M, poc=10 * M,
        office=6, rnd=None, invest=True, show=False, mentor=True,
        fields=["smart_car", "tech_autonomous", "tech_ev_charging", "ai"],
        regions=[], partners=["ieum-accelerator", "hangang-vp"],
    ),
    dict(
        key="hanbit_draft", org="hanbit-mobility", track=Track.GENERAL, draft=True,
        title="한빛모빌리티 모빌리티 데이터 챌린지",
        title_en="Hanbit Mobility data challenge",
        summary="주행·정비 데이터를 개방하고 이를 활용한 서비스 아이디어와 PoC 파트너를 찾습니다.",
        summary_en="We open driving and maintenance data and look for service ideas and partners.",
        opens=20, closes=50, close_time=(17, 0), quota=15, cash=None, poc=5 * M,
        office=None, rnd=None, invest=False, show=False, mentor=True,
        fields=["smart_car", "tech_data_cloud"], regions=[], partners=[],
    ),
    dict(
        key="meetup", org="mudeung-ceic", track=Track.GENERAL,
        title="{month}월 에너지 오픈이노베이션 밋업 데이 참가기업 모집",
        title_en="Energy open innovation meetup day ({month_en}): call for participants",
        summary="한국전력망공사 사업부와 사전 신청한 1:1 미팅을 진행하는 초청형 밋업입니다. "
        "참가기업 15개사에 IR 코칭과 후속 PoC 연계를 제공합니다.",
        summary_en="An invitation-only meetup with 1:1 meetings booked in advance with the power "
        "utility's business units; 15 startups get IR coaching and PoC follow-up.",
        opens=-6, closes=12, close_time=(18, 0), quota=15, cash=None, poc=None,
        office=None, rnd=None, invest=True, show=False, mentor=True,
        fields=["energy", "tech_ev_charging", "tech_grid"], regions=["gwangju", "jeonnam"],
        partners=["kpgc"],
    ),
    dict(
        key="daon_closed", org="daon-telecom", track=Track.BOTTOM_UP,
        title="다온텔레콤 스타트업 협업 프로그램 DAON-UP 7기",
        title_en="Daon Telecom startup collaboration program DAON-UP, batch 7",
        summary="AI·네트워크·클라우드 스타트업과 공동 사업화를 추진하고, 선정 기업에 사무공간과 "
        "전시회 참가를 지원합니다.",
        summary_en="Joint commercialization with AI, network and cloud startups, with office "
        "space and a trade-show booth.",
        opens=-50, closes=-9, close_time=(17, 0), quota=15, cash=80 * M, poc=10 * M,
        office=24, rnd=None, invest=False, show=True, mentor=True,
        fields=["ai", "tech_network", "ict_service", "tech_data_cloud"], regions=[],
        partners=["ieum-accelerator"],
    ),
    dict(
        key="water_testbed", org="kwec", track=Track.ON_DEMAND,
        title="{year} 물산업 혁신기술 실증 테스트베드 참여기업 모집",
        title_en="{year} Water technology testbed: call for startups",
        summary="정수장·하수처리장·댐 현장을 테스트베드로 개방하고, 실증 결과에 따라 구매와 "
        "혁신조달을 연계합니다.",
        summary_en="Water plants, wastewater plants and dams open as testbeds; good results lead "
        "to purchase or innovative procurement.",
        opens=-3, closes=62, close_time=(17, 0), quota=30, cash=70 * M, poc=10 * M,
        office=None, rnd=50 * M, invest=False, show=True, mentor=False,
        fields=["tech_water", "environment", "tech_iot"], regions=[], partners=["oipo"],
    ),
]

# fmt: on

# (organization slug, challenge template "sector.index", story program key or None, status)
STORY_CHALLENGES = [
    ("hanbit-mobility", "mobility.0", "ministry", CS.PUBLISHED),
    ("hanbit-mobility", "mobility.1", "ministry", CS.PRESELECTED),
    ("kric", "mobility.3", "ministry", CS.PROPOSED),
    ("daehan-precision", "defence.0", "ministry", CS.PUBLISHED),
    ("daehan-precision", "defence.1", "ministry", CS.PROPOSED),
    ("daehan-precision", "defence.2", "ministry", CS.NOT_SELECTED),
    ("kwec", "water.0", "ministry", CS.PUBLISHED),
    ("kwec", "water.1", "ministry", CS.PRESELECTED),
    ("kwec", "water.2", "ministry", CS.PROPOSED),
    ("kpgc", "power.0", "ministry", CS.PUBLISHED),
    ("kpgc", "power.1", "ministry", CS.PRESELECTED),
    ("kpgc", "power.2", "ministry", CS.NOT_SELECTED),
    ("kpgc", "power.3", "ministry", CS.PROPOSED),
    ("mirae-shipbuilding", "shipbuilding.0", "center", CS.PROPOSED),
    ("mirae-shipbuilding", "shipbuilding.1", "center", CS.PRESELECTED),
    ("ara-aerospace", "aerospace.0", "center", CS.PROPOSED),
    ("kcnc", "nuclear.0", "center", CS.PROPOSED),
    ("hangyeol-steel", "steel.0", "center", CS.PROPOSED),
    ("hanbit-mobility", "mobility.3", None, CS.DRAFT),  # left incomplete: shows the gate
    ("kwec", "water.3", "water_testbed", CS.PUBLISHED),
]

# Templates for generated programs: (title, title_en, track, operator kinds, summary,
# summary_en, accepts challenges, package kind). {org} {org_en} {field} {field_en} {year}
# {n} {month} {region} are filled in.
# fmt: off
PROGRAM_TEMPLATES = [
    ("{org} 오픈이노베이션 {n}기 스타트업 모집", "{org_en} Open Innovation batch {n}",
     Track.BOTTOM_UP, ("demand_company",),
     "{org}의 사업부와 함께 {field} 분야 공동 PoC를 수행할 스타트업을 찾습니다.",
     "{org_en} looks for {field_en} startups for joint pilots with its business units.",
     False, "corporate"),
    ("{org} {field} PoC 파트너 공모 ({year}-{n})", "{org_en} {field_en} PoC partners ({year}-{n})",
     Track.GENERAL, ("demand_company",),
     "{field} 분야 기술을 보유한 스타트업과 6개월 PoC를 진행하고 성과에 따라 구매를 검토합니다.",
     "A six-month PoC with {field_en} startups; purchase is considered on results.",
     False, "corporate"),
    ("{org} {year}년 {n}차 수요기반 혁신기술 실증 공모",
     "{org_en} {year} on-demand technology pilots, round {n}",
     Track.ON_DEMAND, ("public_institution",),
     "{org}의 현장을 실증 공간으로 개방합니다. {field} 분야 혁신기술의 실증과 조달 연계를 지원합니다.",
     "{org_en} opens its sites for {field_en} pilots linked to public procurement.",
     False, "public"),
    ("{org} 현안 해결 공동 챌린지 {year} ({n}차)", "{org_en} joint problem-solving challenge {year} ({n})",
     Track.TOP_DOWN, ("public_institution", "operator_agency"),
     "수요기관이 제시한 {field} 분야 현안 과제를 해결할 스타트업을 선정해 PoC와 후속 R&D를 지원합니다.",
     "Startups that solve {field_en} problems set by demand organizations get PoC and R&D funding.",
     True, "top_down"),
    ("{region} {field} 스타트업 육성 프로그램 {n}기", "{region_en} {field_en} startup program, batch {n}",
     Track.GENERAL, ("innovation_center",),
     "{region} 지역 {field} 분야 창업기업에 사업화 자금, 입주 공간, 멘토링을 지원합니다.",
     "Funding, office space and mentoring for {field_en} startups in {region_en}.",
     False, "center"),
    ("{year}년 {month}월 {org} 오픈이노베이션 밋업", "{org_en} open innovation meetup, {month_en} {year}",
     Track.GENERAL, ("innovation_center",),
     "수요기업 담당자와 사전 매칭된 1:1 미팅을 진행하는 밋업입니다. {field} 분야 기업을 우대합니다.",
     "A meetup with 1:1 meetings matched in advance with demand companies; {field_en} preferred.",
     False, "meetup"),
    ("{year} 대·중소 상생 오픈이노베이션 {field} 트랙 ({n}차)",
     "{year} large-small company open innovation, {field_en} track ({n})",
     Track.TOP_DOWN, ("operator_agency",),
     "대기업·공공기관 수요과제를 공개하고 {field} 분야 스타트업의 해결 제안을 받습니다.",
     "Problems from large companies and public bodies, open to {field_en} startups.",
     True, "top_down"),
    ("{org} 글로벌 오픈이노베이션 {n}기 (해외 실증 연계)", "{org_en} Global Open Innovation batch {n}",
     Track.GENERAL, ("operator_agency", "innovation_center"),
     "해외 수요기업과의 실증과 현지 전시회 참가를 지원합니다. {field} 분야 기업을 모집합니다.",
     "Pilots with overseas demand companies and a booth at a trade show abroad; {field_en}.",
     False, "center"),
    ("{org} × 스타트업 공동 전시 참가기업 모집 ({year} {n}차)",
     "{org_en} × startups: joint trade-show booth ({year}, {n})",
     Track.GENERAL, ("demand_company",),
     "{org} 전시관에 {field} 분야 스타트업의 제품을 함께 전시하고 바이어 상담을 지원합니다.",
     "Exhibit your {field_en} product in the {org_en} booth, with buyer meetings.",
     False, "corporate"),
    ("{org} 혁신제품 시범구매 연계 실증 {n}차", "{org_en} pilots with trial purchase, round {n}",
     Track.ON_DEMAND, ("public_institution",),
     "실증에 성공한 {field} 분야 혁신제품은 시범구매와 혁신조달로 연계합니다.",
     "{field_en} products that pass the pilot move to trial purchase and procurement.",
     False, "public"),
]

# fmt: on

# Fields an organization's programs and challenges are about, by sector.
SECTOR_FIELDS = {
    "mobility": ["smart_car", "tech_autonomous", "tech_ev_charging", "ai"],
    "defence": ["defence", "aerospace", "tech_drone", "ai"],
    "telecom": ["ict_service", "tech_network", "ai", "tech_data_cloud"],
    "construction": ["smart_city", "tech_disaster", "robotics"],
    "retail": ["logistics", "agrifood", "ai", "fintech"],
    "steel": ["manufacturing", "tech_smart_factory", "mpe"],
    "shipbuilding": ["tech_shipbuilding", "manufacturing", "ocean"],
    "pharma": ["bio", "tech_digital_health", "tech_synbio"],
    "food": ["agrifood", "environment"],
    "battery": ["battery", "energy", "tech_recycling"],
    "semiconductor": ["semiconductor", "mpe", "tech_advanced_materials"],
    "aerospace": ["aerospace", "tech_space", "tech_drone"],
    "finance": ["fintech", "security", "tech_blockchain"],
    "content": ["content", "metaverse", "tech_xr"],
    "water": ["tech_water", "environment", "tech_iot"],
    "power": ["energy", "tech_grid", "tech_ev_charging", "tech_renewables"],
    "airport": ["security", "smart_city", "ai"],
    "ocean": ["ocean", "agrifood", "tech_shipbuilding"],
    "nuclear": ["tech_nuclear", "robotics", "energy"],
    "public": ["ai", "environment", "bio", "edtech", "smart_city", "energy", "security"],
}

ELIGIBILITY = [
    "공고일 기준 창업 7년 이내 기업 (예비창업자 신청 가능)",
    "대표자 포함 2인 이상이 상시 근무하는 기업",
    "최대주주가 상장회사가 아닌 기업",
    "투자 유치 이력이 있거나 투자 유치가 가능한 기업",
]

DOCUMENTS = ["사업계획서(소정 양식)", "사업자등록증명원", "최근 재무제표", "IR 자료(선택)"]

SELECTION = ["서류평가 (적격성 검토 포함)", "발표평가 (10분 발표, 10분 질의)", "최종 선정 및 협약"]
