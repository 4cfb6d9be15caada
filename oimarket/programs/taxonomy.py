"""The bundled field taxonomy, loaded into `Field` by a data migration.

Common fields are what most calls and startups name; the five national problem areas group
the strategic technology fields that government problem-solving calls use.
Each entry: (code, Korean name, English name).
"""

COMMON_FIELDS = [
    ("ai", "인공지능(AI)", "Artificial intelligence"),
    ("battery", "이차전지", "Batteries"),
    ("semiconductor", "반도체", "Semiconductors"),
    ("metaverse", "메타버스", "Metaverse"),
    ("smart_car", "스마트카·모빌리티", "Smart cars and mobility"),
    ("mpe", "소재·부품·장비", "Materials, parts and equipment"),
    ("fintech", "핀테크", "Fintech"),
    ("edtech", "교육(에듀테크)", "Education"),
    ("ict_service", "ICT 서비스", "ICT services"),
    ("bio", "바이오·헬스케어", "Bio and healthcare"),
    ("robotics", "로봇", "Robotics"),
    ("energy", "에너지", "Energy"),
    ("environment", "환경·탄소중립", "Environment and carbon neutrality"),
    ("agrifood", "농식품·푸드테크", "Agri-food and food tech"),
    ("logistics", "물류·유통", "Logistics and retail"),
    ("content", "콘텐츠·미디어", "Content and media"),
    ("security", "사이버보안", "Cybersecurity"),
    ("aerospace", "항공·우주", "Aerospace"),
    ("defence", "국방", "Defence"),
    ("smart_city", "스마트시티·건설", "Smart city and construction"),
    ("manufacturing", "스마트제조", "Smart manufacturing"),
    ("ocean", "해양·수산", "Ocean and fisheries"),
]

PROBLEM_AREAS = [
    (
        "area_digital",
        "디지털 전환",
        "Digital transformation",
        [
            ("tech_data_cloud", "데이터·클라우드", "Data and cloud"),
            ("tech_network", "차세대 네트워크(5G·6G)", "Next-generation networks (5G/6G)"),
            ("tech_xr", "가상·증강현실", "Virtual and augmented reality"),
            ("tech_blockchain", "블록체인", "Blockchain"),
            ("tech_iot", "사물인터넷", "Internet of things"),
            ("tech_quantum", "양자기술", "Quantum technology"),
        ],
    ),
    (
        "area_safety",
        "사회안전망",
        "Social safety net",
        [
            ("tech_disaster", "재난·안전 대응", "Disaster response and safety"),
            ("tech_care", "돌봄·고령친화", "Care and ageing"),
            ("tech_public_health", "감염병·공공보건", "Infectious disease and public health"),
            ("tech_accessibility", "장애인 접근성", "Accessibility"),
            ("tech_crime", "범죄 예방", "Crime prevention"),
        ],
    ),
    (
        "area_environment",
        "환경·에너지",
        "Environment and energy",
        [
            ("tech_renewables", "재생에너지", "Renewable energy"),
            ("tech_hydrogen", "수소", "Hydrogen"),
            ("tech_grid", "스마트그리드·전력망", "Smart grid"),
            ("tech_water", "물관리·수처리", "Water management"),
            ("tech_recycling", "자원순환·재활용", "Recycling and circular economy"),
            ("tech_ccus", "탄소포집·활용", "Carbon capture and use"),
        ],
    ),
    (
        "area_growth",
        "성장동력",
        "Growth engines",
        [
            ("tech_autonomous", "자율주행", "Autonomous driving"),
            ("tech_ev_charging", "전기차 충전", "EV charging"),
            ("tech_drone", "드론·도심항공교통", "Drones and urban air mobility"),
            ("tech_digital_health", "디지털 헬스", "Digital health"),
            ("tech_smart_factory", "스마트공장", "Smart factory"),
            ("tech_shipbuilding", "조선·해양플랜트", "Shipbuilding and offshore"),
        ],
    ),
    (
        "area_future",
        "미래혁신",
        "Future innovation",
        [
            ("tech_nuclear", "원자력·SMR", "Nuclear and SMR"),
            ("tech_space", "우주기술", "Space technology"),
            ("tech_synbio", "합성생물학", "Synthetic biology"),
            ("tech_advanced_materials", "첨단소재", "Advanced materials"),
            ("tech_neuro", "뇌과학", "Neuroscience"),
        ],
    ),
]

REGIONS = [
    ("seoul", "서울", "Seoul"),
    ("busan", "부산", "Busan"),
    ("daegu", "대구", "Daegu"),
    ("incheon", "인천", "Incheon"),
    ("gwangju", "광주", "Gwangju"),
    ("daejeon", "대전", "Daejeon"),
    ("ulsan", "울산", "Ulsan"),
    ("sejong", "세종", "Sejong"),
    ("gyeonggi", "경기", "Gyeonggi"),
    ("gangwon", "강원", "Gangwon"),
    ("chungbuk", "충북", "Chungbuk"),
    ("chungnam", "충남", "Chungnam"),
    ("jeonbuk", "전북", "Jeonbuk"),
    ("jeonnam", "전남", "Jeonnam"),
    ("gyeongbuk", "경북", "Gyeongbuk"),
    ("gyeongnam", "경남", "Gyeongnam"),
    ("jeju", "제주", "Jeju"),
]


def field_rows() -> list[dict]:
    """Every field as a row for `Field`, common fields first, then each area's."""
    rows = [
        {"code": c, "name_ko": ko, "name_en": en, "group": "common", "position": i}
        for i, (c, ko, en) in enumerate(COMMON_FIELDS)
    ]
    position = len(rows)
    for area_code, area_ko, area_en, techs in PROBLEM_AREAS:
        rows.append(
            {
                "code": area_code,
                "name_ko": area_ko,
                "name_en": area_en,
                "group": "area",
                "position": position,
            }
        )
        position += 1
        for code, ko, en in techs:
            rows.append(
                {
                    "code": code,
                    "name_ko": ko,
                    "name_en": en,
                    "group": area_code,
                    "position": position,
                }
            )
            position += 1
    return rows
