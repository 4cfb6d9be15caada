"""The Korean-English search glossary: our own data for `glossary.py`.

How it was made: `scripts/glossary_headwords.py --top 1612` ranks the Korean index terms of
the corpus the product serves (titles and summaries of real support-programme announcements,
K-Startup titles, one-line descriptions of Korean startups, and the demo world's Korean
texts) by document frequency, averaged over those sources; the Korean names of the field
taxonomy and the analyzer's domain words are always headwords (1,671 in all). Each headword
with a clean English equivalent got one to three, written by hand: the words an English
startup or programme description would use (재활용: recycling, recycle). SKIPPED holds the
others: procedure and form words (공고, 신청, 제출), words too generic to help (기업, 지원,
사업), names of ministries, agencies and programmes, and words with two senses in our corpus
(지도: map or guidance; 수입: import or income). No benchmark query was read while choosing or
translating. `scripts/glossary_headwords.py --check` lists frequent terms in neither list.

One line per headword, most frequent first (then the taxonomy's and domain words below the
cut): `headword: equivalent, equivalent`. A headword is one index term, as `analysis.analyze`
gives it in context; an equivalent may be several words, which an English query must all
contain to meet the headword (artificial intelligence → 인공지능).
"""

from pathlib import Path

ENTRIES = """
중소기업: SME, small business
플랫폼: platform
기술: technology
서비스: service
중소: SME
산업: industry, industrial
제조: manufacturing
커머스: commerce, ecommerce
개발: development
콘텐츠: content
경북: Gyeongbuk
혁신: innovation
지역: region, local
기관: institution, agency
소재: materials
교육: education, training
창업: startup, entrepreneurship
컨설팅: consulting
제품: product
상공인: merchant
경쟁력: competitiveness
소상공인: small business, merchant
관리: management
마케팅: marketing
성장: growth
중견: midsize
데이터: data
벤처: venture
제작: production
비즈니스: business
통합: integration
국내: domestic
딥테크: deep tech, deeptech
법률: legal, law
솔루션: solution
예술: art, artist
해외: overseas, international
센터: center, centre
블록체인: blockchain
보험: insurance, insurtech
프로그램: program
중견기업: midsize
테크: tech
육성: incubation
시장: market
공장: factory, plant
수출: export
글로벌: global
인사: HR, human resources
환경: environment
맞춤: custom, personalized, tailored
역량: capability
통신: telecom, telecommunications, communication
인증: certification, authentication
보안: security, cybersecurity
스마트: smart
현장: site, on-site
맞춤형: customized, personalized, tailored
사업화: commercialization
금융: finance, financial
정보: information
스타트업: startup
홍보: promotion, publicity
온라인: online
고용: employment, hiring
브랜드: brand, branding
평가: evaluation, assessment
패션: fashion
뷰티: beauty, cosmetics
장비: equipment
푸드: food
농업: agriculture, farming
전환: transformation, transition
인천: Incheon
사업장: workplace
자금: funding, fund
공동: joint, collaborative
활성화: revitalization
디지털: digital
인력: workforce, talent
과제: challenge, project
부품: parts, components
수요: demand
안정: stability
판로: sales channel
경영: management
연구: research
바이오: bio, biotech
일자리: job, employment
핀테크: fintech
분석: analysis, analytics
채용: hiring, recruiting
한국: Korea, Korean
경제: economy
화장품: cosmetics, skincare
시제품: prototype
물류: logistics
비용: cost
융합: convergence, fusion
시험: testing, test
고도화: upgrade, advanced
개선: improvement
공공: public
청년: youth, young
투자: investment, investor
경기: Gyeonggi
생산: production
미래: future
시스템: system
컨소시엄: consortium
실증: pilot, PoC, demonstration
광고: advertising, ads
전시회: exhibition, trade show
미디어: media
경상북도: Gyeongbuk
본사: headquarters, HQ
법인: corporation
지능: intelligence
프로젝트: project
진단: diagnosis, diagnostic
에너지: energy
커뮤니티: community
기획: planning
로봇: robot, robotics
협력: cooperation, partnership, collaboration
공정: process
추천: recommendation
모델: model
스마트공장: smart factory
소셜: social
소셜미디어: social media
홈리빙: home, furnishing
현지: local
시설: facility
상품: product, merchandise
근로자: worker, employee
제조기업: manufacturer
영상: video, imaging
전략: strategy
제조업: manufacturing
지원금: grant, subsidy
디자인: design
정부: government
설계: design
단계: stage, phase
창업벤처: startup, venture
계약: contract
자율: autonomous
사회: society, social
하드웨어: hardware
경험: experience
상담: consultation, counseling
헬스케어: healthcare
검증: validation, verification
창업자: founder, entrepreneur
대구: Daegu
확산: spread, diffusion
인센티브: incentive
규정: regulation
매칭: matching, matchmaking
매출액: revenue, sales
점포: store, shop
마켓: market, marketplace
국제: international
정책: policy
취업: employment, job
대응: response
창업기업: startup
개인: personal, individual
서울: Seoul
인공: artificial
통상: trade
문화: culture, cultural
자동: automatic, automation
포상: award
리빙: living
표준: standard, standardization
카드: card
모빌리티: mobility
연구소: lab, laboratory, research institute
성과: performance, outcome
전시: exhibition
의료: medical, medicine
협업: collaboration
대학: university, college
지식: knowledge
전자: electronics
유통: distribution, retail
민간: private
거래: transaction, trading
네트워크: network
부스: booth
판매: sales, selling
광역시: metropolitan
국가: national, country
특허: patent
도입: adoption
공유: sharing
식품: food
수수료: fee, commission
광주: Gwangju
비대면: contactless, remote
학습: learning
빅데이터: big data
기기: device
양성: training
패키지: package
자문: advisory, advice
모바일: mobile
재산: property
수요기업: corporate partner, buyer
생활: lifestyle, living
역량강화: capacity building
오픈: open
해결: solve
구매: purchase, procurement
공급: supply
대기업: large enterprise, conglomerate
인프라: infrastructure
바우처: voucher
융자: loan
장려금: subsidy
자격: eligibility, qualification
통역: interpretation, interpreter
협회: association
지자체: municipality, local government
최적: optimal, optimization
바이어: buyer
클라우드: cloud
반도체: semiconductor, chip
유지: maintenance
성공: success
아이디어: idea
대출: loan, lending
고객: customer, client
과학: science, scientific
인재: talent
전문가: expert, specialist
첨단: advanced, high-tech
예측: prediction, forecasting
매출: sales, revenue
보호: protection
이노베이션: innovation
향상: improvement, enhancement
점검: inspection
교통: traffic, transportation
안정적: stable
영리: profit
완화: mitigation, relief
인건비: labor cost
행정: administration
공급기업: supplier, vendor
안전: safety
테스트: test, testing
발전: development
소비재: consumer goods
임차료: rent
기술지원: technical support
오픈이노베이션: open innovation
품질: quality
관광객: tourist, visitor
실시간: real-time, realtime
일경험: work experience, internship
자동차: car, automotive, vehicle
복합: composite, hybrid, complex
생성: generative, generation
클래스: class
업종: industry, sector
최적화: optimization
대회: competition, contest
성능: performance
용품: supplies
시제품제작: prototyping
조사: survey, investigation
탐지: detection
탄소: carbon
지속: sustainable
멘토링: mentoring, mentorship
실적: track record
연간: annual
멘토: mentor
창조: creative
단지: complex
핵심: core, key
배달: delivery
출산: childbirth, maternity
일터: workplace
포항시: Pohang
피해: damage
장애인: disability, disabled
트랙: track
보증: guarantee
공모: open call, competition
사업주: employer
영업: sales
침체: recession, downturn
표창: award
건설: construction
홈페이지: website, homepage
센서: sensor
해양: marine, ocean, maritime
영어: English
영화: film, movie, cinema
인턴: intern, internship
지방: provincial, local
제어: control
설비: equipment, facility
강원: Gangwon
체계: framework
자동화: automation
경진: competition
광주광역시: Gwangju
방문: visit
보급: deployment, dissemination
설치: installation
공간: space
승인: approval
참가자: participant
대한민국: Korea
벤처기업: venture, startup
지사: branch office
초기: early-stage, early
무료: free
세미나: seminar
영주시: Yeongju
챌린지: challenge
미국: America, American
경기침체: recession
과세: taxation, tax
국민: citizen
기회: opportunity
등급: grade, rating
연매출액: annual revenue
포장: packaging
기능: feature, function
네트워킹: networking
임차: lease, rent
반려동물: pet
여행: travel, trip
중고: second-hand, resale, pre-owned
칠곡군: Chilgok
소프트웨어: software
효율: efficiency
직무: job
인식: recognition, perception
테스트베드: testbed
여성: women, female
훈련: training
연구개발: research and development
주행: driving
방지: prevention
세일즈: sales
제작사: producer, studio
관광: tourism
상용: commercial
위기: crisis
연구원: researcher, research institute
사회적기업: social enterprise
자원: resource
스캐너: scanner
웨어: wear, apparel
중개: brokerage, intermediary
단기: short-term
스튜디오: studio
시니어: senior, elderly
마감일: deadline
신기술: emerging technology
장기: long-term
주기: cycle
출시: launch, release
분류: classification, sorting
인테리어: interior
채널: channel
배출: emission
녹색: green
독립: independent
상용화: commercialization
인공지능: artificial intelligence, AI
행사: event
확장: expansion, extension
고객관리: CRM
구독: subscription
레저: leisure
렌탈: rental
부동산: real estate, proptech
수거: collection, pickup
스킨케어: skincare
유아: baby, infant, toddler
인플루언서: influencer
팬덤: fandom, fan
폐기물: waste
케어: care
경주시: Gyeongju
스케일: scale
스케일업: scaleup, scaling
셀러: seller
울산: Ulsan
여행사: travel agency
정비: maintenance, repair
보육: childcare, incubation
고급: premium, luxury
근로: labor
무역: trade
상권: commercial district
생태: ecology, ecological
예산: budget
오프라인: offline
제품화: productization
조달: procurement
보건: health
조합: cooperative, union
협약: agreement
측정: measurement
미용: beauty
보상: compensation, reward
고령군: Goryeong
상주시: Sangju
신뢰: trust
친화: friendly
폐업: closure
배송: delivery, shipping
에이전트: agent
가치: value
기계: machinery, machine
수출기업: exporter
발명: invention
부산: Busan
인턴십: internship
모듈: module
차량: vehicle
평균: average
가상: virtual
폐기: disposal
풀필: fulfillment
디렉토리: directory
사회적: social
소비: consumption
운송비: freight
의사: doctor, physician
작품: artwork
정보통신기술: ICT
창의: creativity, creative
창의적: creative
항공료: airfare
드라마: drama
보드: board
육아: parenting, childcare
강소기업: hidden champion
거점: hub
기금: fund
기술이전: technology transfer
신뢰성: reliability
중국: China, Chinese
지식재산권: intellectual property
출판: publishing
해외진출: global expansion
검색: search
기후: climate
산업단지: industrial park
팹리스: fabless
현지화: localization
전통: traditional, tradition
전국: nationwide
공급망: supply chain
검사: inspection
게임: game, gaming
이미지: image
실습: hands-on
문제: problem
경량: lightweight
로그: log
대구광역시: Daegu
대표: CEO
방송: broadcasting
생태계: ecosystem
아이템: item
의료기기: medical device
인천광역시: Incheon
잠재: potential
운전: driving
대표자: CEO
상장: IPO
위탁: outsourcing, consignment
코드: code
개방: open
동네: neighborhood
변호사: lawyer, attorney
제로: zero
지능형: intelligent, smart
펀딩: funding
전력: electricity, power
리스크: risk
새벽: morning
아파트: apartment
지출: expense, spending
가공: processing
스토어: store
경진대회: competition, contest
공공데이터: public data, open data
공기업: public enterprise
심사: screening, review
교육생: trainee
신용: credit
고장: failure, breakdown, fault
신선식품: fresh food, groceries
창업보육센터: incubator
건축물: building
국외: overseas
박람회: fair, expo
복지: welfare
비영리: nonprofit
상표: trademark
생산성: productivity
소기업: small business
운송: transport, transportation
장치: device
전문성: expertise
정규직: full-time
제조현장: shop floor
직장: workplace
혁신적: innovative
협동조합: cooperative
모니터링: monitoring
대여: rental
숙소: accommodation, lodging
스포츠: sports
식당: restaurant
인수: acquisition
일본어: Japanese
임대: lease, rental
자산: asset
장터: marketplace
중국어: Chinese
직거래: direct sales
취미: hobby
컨텐츠: content
가전: appliance
공인: certified
구조: structure
규격: specification
다큐멘터리: documentary
소공인: small manufacturer
원스톱: one-stop
조직: organization
충전: charging
설립: incorporation, founded
포항: Pohang
구미시: Gumi
기업가: entrepreneur
대전: Daejeon
도전: challenge
도쿄: Tokyo
지식재산: intellectual property
투자유치: fundraising
광역: metropolitan
소유: ownership
메디컬: medical
주문: order
파워: power
배터리: battery
전기: electric, electricity
결제: payment
파트너: partner
수도권: Seoul area
절감: reduction, savings
드론: drone
격차: gap, divide
관세: tariff, customs
구제: relief
기획자: planner
노무: labor
분기: quarter, quarterly
사례: case study
사후관리: follow-up, after-sales
스마트제조: smart manufacturing
심층: in-depth
안착: soft landing
예방: prevention
입찰: bidding, tender
자발적: voluntary
재기: restart
출판사: publisher
홈쇼핑: home shopping
건물: building
보고서: report
의약품: pharmaceutical, drug
이동: mobility, movement
조립: assembly
선박: ship, vessel
쇼핑몰: online store, shopping mall
긴급: emergency, urgent
디자이너: designer
로컬: local
영천시: Yeongcheon
융복합: convergence
중동: Middle East
크라우드: crowd
크라우드펀딩: crowdfunding
밋업: meetup
마트: supermarket, grocery
반품: returns
법인카드: corporate card
수학: math, mathematics
신선: fresh
에듀: education
예약: booking, reservation
웹툰: webtoon, comic
전동: electric
챗봇: chatbot
편집: editing
페이: pay, payment
헬스: health, fitness
운전자금: working capital
창업경진대회: startup competition
개방형: open
번역: translation
섬유: textile, fiber
전남: Jeonnam
감소: reduction, decrease
미팅: meeting
아카데미: academy
허브: hub
오차: error
매장: store, shop
임상: clinical
간담회: roundtable
강원특별자치도: Gangwon
개인사업자: sole proprietor
경제적: economic
경주: Gyeongju
계약서: contract
구현: implementation
권리: rights
금리: interest rate
네이버: Naver
노동자: worker
노출: exposure
능력: ability
대학생: student
디지털전환: digital transformation
면적: area
무상: free
법령: law, regulation
부족: shortage
비영리법인: nonprofit
사업자단체: business association
사업자등록: business registration
사이버: cyber
상금: prize
생산공정: production process
생활소비재: consumer goods
생활용품: household goods
소비자: consumer
스마트화: digitalization
신제품: new product
신청자: applicant
실용신안: utility model
양산: mass production
연동: integration
위원회: committee
인사노무: HR
인증서: certificate
인지도: awareness
임금: wage, salary
정산: settlement
제어기: controller
종사자: worker
주식회사: corporation
중소제조기업: small manufacturer
지방정부: local government
지적재산권: intellectual property
체육: sports
촬영: filming, photography
컨설턴트: consultant
쿠폰: coupon
파트너사: partner
협의회: council
화학: chemical, chemistry
회계: accounting
회원: member
대체: alternative, replacement
방산: defense
가전제품: appliance
강남: Gangnam
개인화: personalization
객체: object
건강관리: wellness, health management
경량화: lightweight
고주파: high-frequency, RF
과외: tutoring
금융데이터: financial data
기업용: enterprise, B2B
남성: men
단어: vocabulary
대형폐기물: bulky waste
도축장: slaughterhouse
딥러닝: deep learning
러닝: learning
로밍: roaming
리세일: resale
리커머스: recommerce, resale
메신저: messaging, messenger
명함: business card
무인: unmanned, self-service
무인화: unmanned, automation
배달앱: delivery app
배달음식: food delivery
부정: fraud
부정클릭방지: click fraud
비건: vegan
비교: comparison
비서: assistant
빌더: builder
생필품: essentials, groceries
생활폐기물: household waste
성인: adult
세탁: laundry
소리: sound
소설: novel, fiction
쇼핑: shopping
스킨: skin
스타일: style
스포츠웨어: sportswear
신용평가: credit scoring
싸인: signature
쓰레기: trash, garbage, waste
아티스트: artist
안경: eyewear, glasses
알뜰폰: MVNO
압축: compression
애널리틱스: analytics
애슬레저: athleisure
애플리케이션: application, app
약국: pharmacy
연결: connection
요금: fee, billing
요금제: plan, pricing
용돈: pocket money
월급: salary
웹소설: web novel
유심: SIM
음식: food
인사관리: HR management, HR
자녀: children, kids
자산관리: wealth management, asset management
장보기: grocery
저가: low-cost
전동킥보드: electric scooter, scooter
전자계약: electronic contract, e-signature
전자책: ebook
정기구독: subscription
청소년: teenager, youth
초저가: discount
축산물: livestock, meat
크리에이터: creator
클릭: click
키즈: kids
키즈웨어: kidswear
토익: TOEIC
판결문: court decision
편집기: editor
포스: POS
프리랜서: freelancer
피트니스: fitness
학습관리: learning management, LMS
핸드메이드: handmade
효율화: efficiency
경기도: Gyeonggi
경남: Gyeongnam
공예: craft
기숙사: dormitory
김천시: Gimcheon
독립예술영화: independent film
디지털콘텐츠: digital content
로드쇼: roadshow
로케이션: location
안전관리: safety management
얼라이언: alliance
엑스포: expo
유럽: Europe, European
인도네시아: Indonesia
인증제: certification
자율형공장: autonomous factory
재단: foundation
중립: neutrality
클리닉: clinic
탄소중립: carbon neutral, net zero
퍼스널: personal
퍼스널케어: personal care
후보자: candidate
가맹점: franchise, merchant
규제: regulation, regulatory
나노: nano, nanotechnology
부서: department
블루: blue
주거: housing, residential
증권: securities
직업: career, vocational
팝업: pop-up
페스티벌: festival
피칭: pitching, pitch
현장실습: internship
구역: zone
발주: procurement
그린: green
소형: compact
수질: water quality
물품: goods
원자력: nuclear, nuclear power
가스: gas
사용량: usage
용접: welding
경산시: Gyeongsan
고령: elderly, aging
교육과정: curriculum, course
국산: domestic
기술인력: engineer
기업인: entrepreneur
납품: supply
노인: elderly, senior
라이브: live, livestream
마을: village
분쟁: dispute
산학: industry-academia
성주군: Seongju
소송: lawsuit, litigation
순환: circular
연구실: laboratory, lab
온디바이스: on-device
월세: rent
장편: feature film
재편: restructuring
전략기술: strategic technology
전장부품: automotive electronics
지속가능: sustainable, sustainability
채권: bond
체험: experience
춘천: Chuncheon
출판물: publication
충청북도: Chungbuk
친환경: eco-friendly, green
파트너십: partnership
하우스: house
시범: pilot
계열사: affiliate, subsidiary
관리자: administrator, manager
사업계획서: business plan
유료: paid
재무제표: financial statements
전략적: strategic
천안: Cheonan
공연: concert, live performance
공모전: contest, competition
연합: alliance
의성군: Uiseong
일본: Japan
입주자: tenant, resident
창업가: entrepreneur, founder
충남: Chungnam
충북: Chungbuk
파워셀러: power seller
프린팅: printing
결함: defect
위성: satellite
인지: perception, cognitive
자율주행: autonomous driving, self-driving
전기차: electric vehicle, EV
탐지율: detection rate
데이터센터: data center
온라인몰: online store
차세대: next-generation
포럼: forum
광학: optical, optics
수산: fishery, seafood
수산물: seafood
결과물: deliverable
언어: language
조선: shipbuilding
항공: aviation, aerospace
후속: follow-up
농식품: agrifood, agriculture, food
바이오헬스: biohealth, biotech
시티: city
전력망: power grid
처리: processing, treatment
푸드테크: foodtech, food tech
수요기관: public buyer
액셀러레이터: accelerator
플랜트: plant
동력: engine, power
사이버보안: cybersecurity
사회안전망: social safety net
안전망: safety net
양자: quantum
인터넷: internet
접근: access
접근성: accessibility
포집: capture
팩토리: factory
재생: renewable, regeneration
재생에너지: renewable energy
국방: defense, defence, military
그리드: grid
수소: hydrogen
재활용: recycling, recycle
해양플랜트: offshore
감염병: infectious disease, epidemic, pandemic
개방형혁신: open innovation
고령친화: age-friendly
공공보건: public health
뇌과학: neuroscience, brain science
도심: urban, downtown
도심항공교통: urban air mobility, UAM
돌봄: care, caregiving
메타버스: metaverse
물관리: water management
범죄: crime, criminal
사물인터넷: internet of things, IoT
성장동력: growth engine
스마트그리드: smart grid
스마트시티: smart city
스마트카: smart car, connected car
스마트팩토리: smart factory
양자기술: quantum technology
에듀테크: edtech, education technology
우주: space, aerospace
우주기술: space technology
이차전지: battery, rechargeable battery
자원순환: circular economy, recycling
재난: disaster
전지: battery, cell
증강현실: augmented reality, AR
첨단소재: advanced materials
탄소포집: carbon capture
폐배터리: spent battery, used battery
합성생물학: synthetic biology
"""

SKIPPED = """
기업 공고 지원 사업 모집 운영 참여 지원사업 다음 공고문 참조 기반 신청 참여기업 대상 내용
지원내용 관심 최대 계획 이상 아래 참가 기준 분야 강화 제공 희망 보유 가능 활용 구축
지원대상 관련 이내 우수 진출 추진 참가기업 사업자 기본법 안내 신규 필요 해당 제고 전문
시행 활성 연계 선정 업체 촉진 한도 중소기업기본법 특화 발굴 고도 창출 주관 등록 예비
등록증 사전 수행 경상북도경제진흥원 단체 부탁 기업당 미만 유망 조성 개척 확보 이하 입주
기간 수혜 수혜기업 확대 연장 중소벤처기업부 지정 사업자등록증 사항 예정 추가 국내외 과정
지원계획 개최 선도 수정 경우 종합 애로 절차 도약 유치 기업부 금액 도모 시행령 자세 활동
상생 어려움 접수 입점 상시 기업지원 구성 기술개발 진흥 입주기업 시행계획 확인 가입 고용보험
제조혁신 수준 제도 주관기관 품목 대면 공공기관 예비창업자 모집공고 육성사업 도내 소재지
업체당 완료 요건 충족 이전 규모 일정 참여자 관내 기여 자원부 전년도 제외 확인서 기초 지도
변경 적용 부담 획득 참여점포 카드수수료 이력 공통 기업별 상세 세부 첨부 피보험자 진행 기타
일반 산정 체결 구축지원 결과 증명 상담회 포함 방식 부여 수입 영위 이후 전체 제작비 페이지
검토 수도 방법 실시 사용 자료 진흥원 유공 내일 하반기 면세 부가 업무 제작지원 지역기업
미래내일 지원기업 가치세 고용노동부 노동부 발급 소상공인기본법 일부 장치비 지급 참고 최저
중소벤처기업 판로개척 한국관 베드 준비 이차보전 운영비 이용 통신부 사업화지원 사다리
성장사다리 기반구축 개요 공고일정 공통내용 면세사업자수입금액증명원 모범 부가가치세과세표준증명원
비수도권 사업개요 산업통상자원부 산정방법 상세내용 소요 신청자격 업력 적극 적극적 전시품목
지역경제 카드매출액 통합공고문 필수 해소 도입기업 구축사업 기업지원사업 일터혁신 활력 동반
단체관광객 과학기술정보통신부 사후 우대 최근 최종 보험료 우수기업 장애인기업 지원과제 창업지원
인턴형 재공고 대상자 경북경제진흥원 공장등록증 국무총리 내외 다양 대통령 부스임차료 불가
사업비 소속 심화 연구기관 이행 인당 장관 조례 중심 증대 지원법 차등 통상부 기본 기술지도
대상기업 지침 혁신성장 출원 오늘 플루 상생컨설팅 참여업체 신고 법인사업자 부처 수출상담회
인정 주력 서류 선택 회사 정책자금 신규지원 청년일자리도약장려금 공단 발생 상반기 추가모집
가점 관계자 국무총리표창 대통령표창 동일 번호 보유기업 분야별 산업통상부 상이 선정기업 수립
수여 시험평가 우선 유효 의거 의지 작성 정보통신산업진흥원 제출 조건 증빙 편도 필요성 현황
홍보물 본점 시작 부문 스마트서비스 유통망 전담 대상과제 미래차 상생형 조성사업 제시 가능성
개별 공동관 물류비 시험분석 신청기업 유공자 전용 정부포상 중앙 출장 자체 중년 투자연계
동반성장 선도기업 추경 지역별 초청 지원센터 참가사 특례 혁신기술 경영안정자금 시간 가동 고시
기후에너지환경부 대구지역 대장 모범적 모집계획 바탕 방향 보수 부합 사업별 상시근로자 세부적
수당 수행자 시상 시험비 실비 여건 연관 영주 용도 우수인력 유형 일환 전반 정상 정상적
제품설계 주관연구개발기관 중소기업진흥 중소기업창업 지속적 지원기관 지원대상별 지원요건
지원프로그램 초과 추후 탁월 포항테크노파크 피보험자수 해외시장 공사 경영관리 반려동물용품 실무
엔드 올인원 마케팅지원 성장지원 양성사업 역량진단 전통시장 취업지원 특별 운용 달성
기업부설연구소 노사 부설 수준확인 자발 잠재기업 재창업 전장 주력산업 지정기업 피해구제 희망자
계획서 기존 운영기관 진입 정기 토스 기획전 디딤돌 디지털커머스 멘토단 전문기관 대형 공개
북구 단축 데이 개발역량 개선과제 결격 결격사유 경과 고취 국제공동연구 근거 근속 기술원
기후에너지 납부 다수 단독 도움 동법 마련 민간기관 밀착 범위 보장 보험자 복지부
사업관리시스템 사유 설정 섭외 성실 세부사업별 소상공인시장진흥공단 수출유망 신설 실행
심화컨설팅 안전부 애로해소 연구조합 연속 외부 유형별 인증지원 자율적 재직 정의 제조업소
제품고급화 제한 조정 중소기업중앙회 중소기업창업지원법 중소기업확인서 지원기간 지원한도 직접
초격차 최소 컨설팅비 특별법 한국콘텐츠진흥원 항목 형태 환경부 활동비 회원사 훈장 간편
강남언니 공비 그리팅 넷츠프레소 뇌새김 단어장 당근 동네마트 득템 라이트바겐 라플라스 랠릿
런드리고 로톡 뤼튼 리디 리멤버 리브애니웨어 리캐치 마이리얼트립 마켓빌리 맘맘 매칭플랫폼
메디컬뷰티 메이드 멜릭서 명함관리 모노폴라 모요 무신사스토어 문의 미용의료기기 민족 뱅크샐러드
번개 번개장터 베이스 부자 뷰티득템 브루 브이플랫 블루엘리펀트 산타 삼삼엠투 새벽배송
생활서비스 서재 소리영어 쇼핑정보 숨고 스마트로그 스튜디오솔파 신선제품 아누아 아르고 아숙업
아실 아이디어스 아임웹 안다르 알뜰 애슬러 앱서비스 언니 에어팩 에이블리 엘박스 엘파인드
여행상품 오늘수거 오아시스마켓 올웨이즈 와이즐리 왓챠 원더월 원장 원장님 월급쟁이부자 유심사
유즈 육각 이류 이펙터 인원 인프런 정육각 제로베이스 젝시믹스 젠테스토어 주문결제 중개플랫폼
중고상품 지출관리 차란 챌린저스 캐시노트 캐치테이블 캔버스 커버 커버링 컬리 콜로세움 콜로소
콴다 콴다수학코치 퀸잇 큐마켓 큐샵 크몽 크플 클라썸 클래스카드 탈잉 태그바이마켓 텐써마
통합물류 팀매칭 패스오더 패스트캠퍼스 팬딩 퍼핀 폐기반품 푸드올로지 프롬 프롬랩스 플라스
플렉스 핏펫 하드디스카운터 학습콘텐츠 학습프로그램 핸드 경영안정 공감 공감페이 대중소
도약장려금 미래모빌리티 발전유공 사전진단 서구 스타 융자계획 융자사업 중소기업기술혁신개발사업
중소벤처기업진흥공단 직무발명제도 참가업체 해외인증 환경개선 주요 시니어인턴십 유도 올해 양식
판독 작업 투입 구조혁신 금융지원 마감 민간기업 보급촉진 분할 뷰티엑스포 산학연 상점가
소재부품 수출물류 수출용 수행기업 스타기업 업소 에너지국제공동 여부 예비사회적기업 우수연구실
원천 융합서비스 이노비즈협회 인증획득 중기부 지원대상자 창업교육 책임 초기창업자 프리미어
플러스 합리 해외세일즈 해외수출 해외전시회 현물 홍보자료 홍보지원 환경산업 근무 담당자 목적
상공 이음 주최 공동활용 기업모집 입점교육 중장년 청년기업 활용지원 희망리턴패키지 미래혁신
사물 소부장
"""


GENERAL = Path(__file__).with_name("glossary_general.tsv")


def curated() -> dict[str, tuple[str, ...]]:
    """Headword → its English equivalents, as written in ENTRIES."""
    out = {}
    for line in ENTRIES.strip().splitlines():
        word, _, equivalents = line.partition(":")
        out[word.strip()] = tuple(e.strip() for e in equivalents.split(",") if e.strip())
    return out


def general() -> dict[str, tuple[str, ...]]:
    """The general vocabulary (`glossary_general.tsv`, see its header): headword → English
    equivalents; lines whose equivalent is "-" (names, fillers, unclear words) are left out."""
    out = {}
    with GENERAL.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, _, equivalents = line.rstrip("\n").partition("\t")
            phrases = tuple(e.strip() for e in equivalents.split(",") if e.strip() not in ("", "-"))
            if phrases:
                out[word.strip()] = phrases
    return out


def entries() -> dict[str, tuple[str, ...]]:
    """Every headword → its English equivalents: ENTRIES first, then the general vocabulary
    for the headwords ENTRIES neither translates nor skips."""
    own, skip = curated(), skipped()
    extra = {w: e for w, e in general().items() if w not in own and w not in skip}
    return own | extra


def skipped() -> frozenset[str]:
    return frozenset(SKIPPED.split())
