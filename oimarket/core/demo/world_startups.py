# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)
"""Parts from which startups are composed: per-field technologies, products and customers,
name stems, and sentence templates (Korean and English).

FIELD_PARTS[code] = (technologies, products, customers, related field codes, name suffixes);
every part is a (Korean, English) pair.
"""

# fmt: off
FIELD_PARTS = {
    "ai": (
        [("컴퓨터 비전", "computer vision"), ("거대언어모델(LLM)", "large language models"), ("엣지 AI", "edge AI"), ("강화학습", "reinforcement learning"), ("이상탐지", "anomaly detection")],
        [("문서 자동화 AI 에이전트", "AI agents for document work"), ("영상 기반 불량 검사 솔루션", "vision-based defect inspection"), ("수요 예측 엔진", "demand forecasting engine")],
        [("제조 현장", "factories"), ("공공기관", "public institutions"), ("금융사", "financial companies")],
        ["tech_data_cloud", "manufacturing", "ict_service"], [("에이아이", "AI"), ("랩스", "Labs"), ("인텔리전스", "Intelligence")]),
    "battery": (
        [("배터리 상태 추정(SoH)", "state-of-health estimation"), ("전고체 전해질", "solid-state electrolytes"), ("BMS", "battery management systems"), ("건식 전극", "dry electrodes")],
        [("사용후 배터리 재사용 진단 장비", "second-life battery diagnostics"), ("배터리 화재 조기경보 시스템", "battery fire early-warning system"), ("차세대 음극재", "next-generation anode material")],
        [("배터리 셀 제조사", "cell makers"), ("ESS 운영사", "storage operators"), ("전기차 정비소", "EV repair shops")],
        ["energy", "tech_recycling", "mpe"], [("셀", "Cell"), ("에너지", "Energy"), ("파워", "Power")]),
    "semiconductor": (
        [("웨이퍼 검사 광학", "wafer inspection optics"), ("PIM 설계", "processing-in-memory design"), ("칩렛 패키징", "chiplet packaging"), ("공정 가상계측", "virtual metrology")],
        [("AI 반도체 NPU", "AI accelerator chips"), ("반도체 장비 예지보전 솔루션", "predictive maintenance for fab tools"), ("저전력 센서 칩", "low-power sensor chips")],
        [("팹 운영사", "fab operators"), ("장비 제조사", "equipment makers"), ("팹리스", "fabless companies")],
        ["mpe", "ai", "tech_advanced_materials"], [("세미콘", "Semicon"), ("실리콘", "Silicon"), ("칩스", "Chips")]),
    "smart_car": (
        [("LiDAR", "LiDAR"), ("센서 퓨전", "sensor fusion"), ("V2X 통신", "V2X"), ("HD맵", "HD maps"), ("OTA 업데이트", "over-the-air updates")],
        [("자율주행 인지 모듈", "perception module for autonomous driving"), ("차량 데이터 분석 플랫폼", "vehicle data analytics platform"), ("전기차 충전 최적화 서비스", "EV charging optimization")],
        [("완성차·부품사", "carmakers and suppliers"), ("물류·렌터카 기업", "fleet operators"), ("지자체 교통부서", "city transport departments")],
        ["tech_autonomous", "tech_ev_charging", "ai"], [("모빌리티", "Mobility"), ("오토", "Auto"), ("드라이브", "Drive")]),
    "bio": (
        [("단일세포 분석", "single-cell analysis"), ("디지털 바이오마커", "digital biomarkers"), ("AI 신약 후보 탐색", "AI drug discovery"), ("마이크로니들", "microneedles")],
        [("항체 후보물질 발굴 플랫폼", "antibody discovery platform"), ("비대면 재활 치료 앱", "remote rehabilitation app"), ("현장진단(POCT) 키트", "point-of-care test kits")],
        [("제약사", "pharma companies"), ("대학병원", "university hospitals"), ("요양시설", "care homes")],
        ["tech_digital_health", "tech_synbio", "ai"], [("바이오", "Bio"), ("메디컬", "Medical"), ("헬스", "Health")]),
    "robotics": (
        [("SLAM", "SLAM"), ("협동로봇 제어", "cobot control"), ("로봇 그리퍼", "robot grippers"), ("원격조종(텔레오퍼레이션)", "teleoperation")],
        [("물류센터 피킹 로봇", "warehouse picking robots"), ("설비 점검 사족보행 로봇", "legged inspection robots"), ("조리 자동화 로봇", "cooking robots")],
        [("물류센터", "fulfilment centers"), ("플랜트 운영사", "plant operators"), ("외식 프랜차이즈", "restaurant chains")],
        ["manufacturing", "ai", "logistics"], [("로보틱스", "Robotics"), ("봇", "Bot"), ("메카", "Mecha")]),
    "energy": (
        [("가상발전소(VPP)", "virtual power plants"), ("수요반응(DR)", "demand response"), ("태양광 발전량 예측", "solar forecasting"), ("수전해", "electrolysis")],
        [("건물 에너지 관리 시스템", "building energy management"), ("재생에너지 중개 플랫폼", "renewable energy trading platform"), ("소형 수소 충전 모듈", "compact hydrogen refuelling modules")],
        [("발전사", "power producers"), ("산업단지", "industrial parks"), ("공공건물", "public buildings")],
        ["tech_grid", "tech_renewables", "tech_hydrogen"], [("에너지", "Energy"), ("그리드", "Grid"), ("솔라", "Solar")]),
    "environment": (
        [("탄소 배출량 산정", "carbon accounting"), ("초분광 영상", "hyperspectral imaging"), ("바이오 플라스틱", "bioplastics"), ("CO₂ 광물화", "CO₂ mineralization")],
        [("폐플라스틱 자동 선별 설비", "automated plastic sorting"), ("기업 탄소관리 SaaS", "carbon management SaaS"), ("수질 실시간 모니터링 센서", "real-time water quality sensors")],
        [("재활용 선별장", "recycling plants"), ("수출 제조기업", "exporting manufacturers"), ("정수장", "water treatment plants")],
        ["tech_recycling", "tech_water", "tech_ccus"], [("그린", "Green"), ("에코", "Eco"), ("클린", "Clean")]),
    "agrifood": (
        [("수직농장 제어", "vertical farm control"), ("대체단백질 발효", "alt-protein fermentation"), ("작물 생육 예측", "crop growth prediction"), ("콜드체인 IoT", "cold-chain IoT")],
        [("스마트팜 통합 관리 솔루션", "smart farm management"), ("식물성 대체육", "plant-based meat"), ("신선식품 선도 관리 플랫폼", "fresh food quality platform")],
        [("농가·영농조합", "farms and cooperatives"), ("식품 제조사", "food makers"), ("대형마트", "supermarkets")],
        ["environment", "logistics", "bio"], [("팜", "Farm"), ("푸드", "Food"), ("그로우", "Grow")]),
    "logistics": (
        [("경로 최적화", "route optimization"), ("WMS", "warehouse management"), ("수요 기반 재고 배치", "demand-driven inventory placement"), ("라스트마일 배송", "last-mile delivery")],
        [("중소 화주용 배차 플랫폼", "dispatch platform for small shippers"), ("풀필먼트 자동화 시스템", "fulfilment automation"), ("반품 물류 솔루션", "returns logistics")],
        [("이커머스 셀러", "e-commerce sellers"), ("3PL 기업", "3PL companies"), ("유통사", "retailers")],
        ["ai", "robotics", "ict_service"], [("로지스", "Logis"), ("익스프레스", "Express"), ("웨이", "Way")]),
    "fintech": (
        [("대체신용평가", "alternative credit scoring"), ("이상거래탐지(FDS)", "fraud detection"), ("마이데이터", "MyData"), ("토큰증권(STO)", "security tokens")],
        [("소상공인 대출 심사 엔진", "small-business loan underwriting"), ("법인카드 지출 관리 서비스", "corporate spend management"), ("보험 청구 자동화", "insurance claim automation")],
        [("은행·카드사", "banks and card issuers"), ("소상공인", "small merchants"), ("보험사", "insurers")],
        ["ai", "tech_blockchain", "security"], [("페이", "Pay"), ("핀", "Fin"), ("머니", "Money")]),
    "edtech": (
        [("적응형 학습", "adaptive learning"), ("AI 튜터", "AI tutors"), ("학습 분석", "learning analytics"), ("VR 실습", "VR training")],
        [("초등 수학 AI 코스웨어", "AI math courseware"), ("현장 직무 VR 교육", "VR job training"), ("외국인 근로자 한국어 학습 앱", "Korean learning app for foreign workers")],
        [("학교", "schools"), ("기업 교육팀", "corporate training teams"), ("직업훈련기관", "vocational schools")],
        ["ai", "metaverse", "content"], [("에듀", "Edu"), ("클래스", "Class"), ("런", "Learn")]),
    "security": (
        [("제로트러스트", "zero trust"), ("OT 보안", "OT security"), ("딥페이크 탐지", "deepfake detection"), ("양자내성암호", "post-quantum cryptography")],
        [("산업제어망 침입탐지 시스템", "industrial network intrusion detection"), ("비대면 신원확인 솔루션", "remote identity verification"), ("소프트웨어 공급망 보안 점검", "software supply-chain scanning")],
        [("발전·수처리 시설", "power and water facilities"), ("금융사", "financial companies"), ("공공기관", "public agencies")],
        ["ict_service", "tech_quantum", "fintech"], [("시큐어", "Secure"), ("가드", "Guard"), ("실드", "Shield")]),
    "aerospace": (
        [("초소형 위성 버스", "cubesat buses"), ("위성영상 분석", "satellite imagery analytics"), ("복합소재 성형", "composite forming"), ("비행제어", "flight control")],
        [("초소형 위성 부품", "small-satellite components"), ("위성영상 기반 변화탐지 서비스", "change detection from satellite imagery"), ("UAM 기체 부품", "UAM airframe parts")],
        [("항공기 제조사", "aircraft makers"), ("지자체", "local governments"), ("보험사", "insurers")],
        ["tech_space", "tech_drone", "defence"], [("스페이스", "Space"), ("에어로", "Aero"), ("스카이", "Sky")]),
    "defence": (
        [("안티드론", "counter-drone"), ("열영상 표적 인식", "thermal target recognition"), ("전술 메시 네트워크", "tactical mesh networking"), ("MIL-STD 러기드 설계", "MIL-STD rugged design")],
        [("경계 감시 AI 카메라", "AI perimeter surveillance"), ("드론 탐지·무력화 체계", "drone detection and defeat"), ("장비 예비부품 수요 예측", "spare-part demand forecasting")],
        [("방산 체계기업", "defence primes"), ("군 부대", "armed forces units"), ("공항·항만", "airports and ports")],
        ["aerospace", "ai", "tech_drone"], [("디펜스", "Defence"), ("택티컬", "Tactical"), ("레이더", "Radar")]),
    "smart_city": (
        [("디지털 트윈", "digital twins"), ("BIM", "BIM"), ("구조물 건전성 모니터링", "structural health monitoring"), ("스마트 가로등", "smart street lighting")],
        [("건설현장 안전 모니터링 플랫폼", "construction site safety platform"), ("교량 균열 자동 점검 솔루션", "automated bridge crack inspection"), ("도시 침수 예측 서비스", "urban flood forecasting")],
        [("건설사", "contractors"), ("시설관리공단", "facility authorities"), ("지자체", "city governments")],
        ["tech_disaster", "tech_iot", "ai"], [("시티", "City"), ("빌드", "Build"), ("스트럭처", "Structure")]),
    "manufacturing": (
        [("예지보전", "predictive maintenance"), ("공정 디지털 트윈", "process digital twins"), ("머신비전", "machine vision"), ("MES", "manufacturing execution systems")],
        [("설비 진동 분석 솔루션", "machine vibration analytics"), ("용접 품질 자동 판정 시스템", "automated weld inspection"), ("중소 제조사용 클라우드 MES", "cloud MES for small factories")],
        [("자동차 부품사", "auto part makers"), ("조선소", "shipyards"), ("제철소", "steel mills")],
        ["tech_smart_factory", "ai", "robotics"], [("팩토리", "Factory"), ("메이커스", "Makers"), ("테크", "Tech")]),
    "ocean": (
        [("수중 음향", "underwater acoustics"), ("양식장 IoT", "aquaculture IoT"), ("선박 배출가스 저감", "ship emission reduction"), ("수중 드론", "underwater drones")],
        [("스마트 양식 관리 시스템", "smart aquaculture management"), ("수산물 선도 판별 센서", "seafood freshness sensors"), ("선체 청소 수중로봇", "hull-cleaning underwater robots")],
        [("양식 어가", "fish farms"), ("수산물 수출기업", "seafood exporters"), ("해운사", "shipping lines")],
        ["tech_shipbuilding", "agrifood", "robotics"], [("마린", "Marine"), ("오션", "Ocean"), ("블루", "Blue")]),
    "content": (
        [("버추얼 휴먼", "virtual humans"), ("AI 음원 분리", "AI stem separation"), ("실시간 자막·번역", "live captioning and translation"), ("숏폼 편집 자동화", "automated short-form editing")],
        [("K-콘텐츠 현지화 플랫폼", "K-content localization platform"), ("공연 실감형 중계 서비스", "immersive live-show streaming"), ("웹툰 제작 AI 도구", "AI tools for webtoon production")],
        [("엔터테인먼트사", "entertainment companies"), ("방송사", "broadcasters"), ("창작자", "creators")],
        ["metaverse", "ai", "ict_service"], [("스튜디오", "Studio"), ("미디어", "Media"), ("픽처스", "Pictures")]),
    "metaverse": (
        [("XR 렌더링", "XR rendering"), ("모션 캡처", "motion capture"), ("공간 컴퓨팅", "spatial computing"), ("3D 스캐닝", "3D scanning")],
        [("산업용 XR 원격지원", "industrial XR remote assistance"), ("가상 전시관 제작 도구", "virtual exhibition builder"), ("디지털 휴먼 상담원", "digital human agents")],
        [("제조 대기업", "large manufacturers"), ("박물관·전시관", "museums"), ("교육기관", "schools")],
        ["tech_xr", "content", "edtech"], [("버스", "Verse"), ("리얼리티", "Reality"), ("스페이스", "Space")]),
    "ict_service": (
        [("클라우드 네이티브", "cloud native"), ("RPA", "RPA"), ("로우코드", "low-code"), ("API 게이트웨이", "API gateways")],
        [("공공 민원 챗봇", "public-service chatbots"), ("중소기업용 ERP SaaS", "ERP SaaS for SMEs"), ("현장 작업 관리 앱", "field work management app")],
        [("지자체", "local governments"), ("중소기업", "SMEs"), ("유통사", "retailers")],
        ["tech_data_cloud", "ai", "tech_network"], [("소프트", "Soft"), ("웍스", "Works"), ("클라우드", "Cloud")]),
    "mpe": (
        [("정밀 가공", "precision machining"), ("세라믹 코팅", "ceramic coatings"), ("탄소섬유 복합재", "carbon-fibre composites"), ("나노 분말", "nano powders")],
        [("반도체 장비용 정전척", "electrostatic chucks for fab tools"), ("경량 차체 복합소재 부품", "lightweight composite body parts"), ("고내열 실링 소재", "high-temperature sealing materials")],
        [("장비 제조사", "equipment makers"), ("완성차·부품사", "carmakers and suppliers"), ("항공 부품사", "aerospace suppliers")],
        ["tech_advanced_materials", "semiconductor", "manufacturing"], [("머티리얼즈", "Materials"), ("소재", "Materials"), ("세라믹", "Ceramics")]),
}

NAME_STEMS = [
    ("누리", "Nuri"), ("하람", "Haram"), ("다온", "Daon"), ("이음", "Ieum"), ("라온", "Raon"), ("도담", "Dodam"),
    ("윤슬", "Yunseul"), ("미르", "Mir"), ("가람", "Garam"), ("나래", "Narae"), ("아라", "Ara"), ("보람", "Boram"),
    ("새론", "Saeron"), ("한결", "Hangyeol"), ("마루", "Maru"), ("온새", "Onsae"), ("별하", "Byeolha"), ("솔빛", "Solbit"),
    ("해솔", "Haesol"), ("다솜", "Dasom"), ("예담", "Yedam"), ("초롱", "Chorong"), ("단비", "Danbi"), ("푸름", "Pureum"),
    ("새벽", "Saebyeok"), ("여울", "Yeoul"), ("너울", "Neoul"), ("하늬", "Hanui"), ("슬기", "Seulgi"), ("그루", "Geuru"),
    ("아토", "Ato"), ("온빛", "Onbit"), ("한울", "Hanul"), ("미리내", "Mirinae"), ("비채", "Bichae"), ("늘품", "Neulpum"),
    ("세움", "Seum"), ("채움", "Chaeum"), ("바름", "Bareum"), ("모아", "Moa"), ("다래", "Darae"), ("소담", "Sodam"),
    ("로아", "Roa"), ("리안", "Rian"), ("제나", "Jena"), ("큐브", "Cube"), ("노바", "Nova"), ("벡터", "Vector"),
    ("픽셀", "Pixel"), ("퀀타", "Quanta"), ("오르다", "Oreuda"), ("뉴런", "Neuron"), ("아이온", "Aion"), ("시냅스", "Synapse"),
    ("플럭스", "Flux"), ("알파", "Alpha"), ("제로", "Zero"), ("오로라", "Aurora"), ("루멘", "Lumen"), ("코어", "Core"),
]

# Sentences about what the company has done so far: {n} is a count, {m} an amount in 억 원.
PROOFS = [
    ("{n}개 기업과 유료 PoC를 진행했습니다.", "has run paid pilots with {n} companies."),
    ("관련 특허 {n}건을 출원·등록했습니다.", "has filed or been granted {n} patents."),
    ("지난해 {m}억 원의 매출을 올렸습니다.", "has reached KRW {m}00M in annual revenue."),
    ("정부 R&D 과제 {n}건을 수행했습니다.", "has completed {n} government R&D projects."),
    ("{n}개 공공기관 현장에서 실증을 마쳤습니다.", "has finished field trials at {n} public sites."),
]

GOALS = [
    ("대기업·공공기관과의 실증으로 해외 시장 진출을 준비하고 있습니다.", "It is preparing to go abroad through pilots with large partners."),
    ("수요기관의 현장 데이터로 정확도를 높이는 것이 올해 목표입니다.", "This year it wants to improve accuracy with field data from demand organizations."),
    ("오픈이노베이션을 통해 첫 공급 계약을 맺는 것을 목표로 합니다.", "It aims to sign a first supply contract through open innovation."),
    ("다음 투자 라운드를 준비하며 기술 검증 파트너를 찾고 있습니다.", "It is raising its next round and looking for validation partners."),
    ("조달 시장 진입을 위해 혁신제품 지정을 준비하고 있습니다.", "It is preparing for innovative-product designation to enter public procurement."),
]
# fmt: on

ONE_LINERS = [
    ("{tech1} 기반 {product_eul} 개발하는 스타트업", "Builds {product} with {tech1}"),
    ("{customer_eul} 위한 {product}", "{product} for {customer}"),
    ("{tech1}·{tech2} 기술로 만드는 {product}", "{product} built on {tech1} and {tech2}"),
]

PARAGRAPHS = [
    (
        "{name_eun} {tech1_wa} {tech2_eul} 결합해 {customer_eul} 위한 {product_eul} 만듭니다. "
        "{year}년 {region}에서 창업했고, {team}명의 팀이 {proof} {goal}",
        "{name_en} combines {tech1} and {tech2} into {product} for {customer}. Founded in "
        "{year} in {region_en}, the team of {team} {proof} {goal}",
    ),
    (
        "{customer}의 현장 문제를 {tech1}{ro} 풉니다. {name_eun} {year}년에 설립된 {region} 소재 "
        "기업으로, 핵심 제품은 {product}입니다. 지금까지 {proof} {goal}",
        "{name_en} solves field problems of {customer} with {tech1}. Set up in {year} in "
        "{region_en}, its core product is {product}. So far it {proof} {goal}",
    ),
    (
        "{product}{wa} 관련 기술({tech1}, {tech2})을 직접 개발합니다. {team}명 중 절반 이상이 "
        "연구 인력이며, {proof} {goal}",
        "{name_en} develops {product} in-house ({tech1}, {tech2}). More than half of its {team} "
        "people work in research; it {proof} {goal}",
    ),
]
