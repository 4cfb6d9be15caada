import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from oimarket.accounts.enums import OrganizationKind
from oimarket.matching import engine
from oimarket.matching.management.commands.search_rebuild import Command as RebuildCommand
from oimarket.matching.tasks import index_document_task
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from tests.factories import ChallengeFactory, OrganizationFactory, ProgramFactory, StartupFactory

from .conftest import found, rebuild

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def battery_program():
    program = ProgramFactory(
        title="폐배터리 재활용 실증 지원사업",
        summary="이차전지 소재를 회수하는 스타트업을 모집합니다.",
    )
    program.fields.set(["battery"])
    return program


@pytest.fixture
def outsider():
    """Matches none of the queries below: it must never show up."""
    return StartupFactory(name="푸드로", profile__one_liner="식당 음식 배달 앱")


def test_search_korean_particles_do_not_break_matching(battery_program, outsider):
    rebuild()

    assert found("스타트업을") == [f"program:{battery_program.pk}"]
    assert found("스타트업") == [f"program:{battery_program.pk}"]


def test_search_korean_finds_korean_document_with_matched_terms(battery_program, outsider):
    rebuild()

    hits = engine.search(q="배터리 재활용")

    assert [h.doc_id for h in hits] == [f"program:{battery_program.pk}"]
    assert hits[0].matched_terms == ("배터리", "재활용")
    assert hits[0].lexical_rank == 1
    assert hits[0].dense_rank is None


def test_search_english_stems_match(outsider):
    startup = StartupFactory(
        name="ReCell", profile__one_liner="Battery recycling for electric vehicles"
    )
    rebuild()

    assert found("recycled batteries") == [f"startup:{startup.pk}"]


def test_search_french_accents_fold(outsider):
    org = OrganizationFactory(name="Soleil", description="L'énergie solaire pour les écoles")
    rebuild()

    assert found("energie") == [f"organization:{org.pk}"]
    assert found("énergies") == [f"organization:{org.pk}"]


def test_search_kind_filter(battery_program):
    startup = StartupFactory(profile__one_liner="배터리 재활용 공정 자동화")
    rebuild()

    assert found("배터리", kinds=["startup"]) == [f"startup:{startup.pk}"]
    assert found("배터리", kinds=["program"]) == [f"program:{battery_program.pk}"]
    assert found("배터리", kinds=["challenge"]) == []


def test_search_open_only_keeps_open_calls_and_all_startups(battery_program):
    now = timezone.now()
    expired = ProgramFactory(
        title="배터리 지난 공고",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
    )
    closed = ProgramFactory(title="배터리 마감 공고", status=ProgramStatus.CLOSED)
    upcoming = ProgramFactory(
        title="배터리 예정 공고",
        opens_at=now + timedelta(days=3),
        closes_at=now + timedelta(days=9),
    )
    startup = StartupFactory(profile__one_liner="배터리 진단")
    rebuild()

    assert sorted(found("배터리")) == sorted(
        [f"program:{p.pk}" for p in (battery_program, expired, closed, upcoming)]
        + [f"startup:{startup.pk}"]
    )
    assert sorted(found("배터리", open_only=True)) == sorted(
        [f"program:{battery_program.pk}", f"startup:{startup.pk}"]
    )


def test_search_fields_filter_any_of(battery_program):
    ai = ProgramFactory(title="배터리 AI 공고")
    ai.fields.set(["ai"])
    ProgramFactory(title="배터리 무분류 공고")
    rebuild()

    assert found("배터리", fields=["ai"]) == [f"program:{ai.pk}"]
    assert sorted(found("배터리", fields=["ai", "battery"])) == sorted(
        [f"program:{ai.pk}", f"program:{battery_program.pk}"]
    )


def test_search_region_filter_includes_nationwide(battery_program):
    busan = ProgramFactory(title="배터리 부산 공고")
    busan.regions.set(["busan"])
    seoul = ProgramFactory(title="배터리 서울 공고")
    seoul.regions.set(["seoul"])
    rebuild()

    assert sorted(found("배터리", region="busan")) == sorted(
        [f"program:{busan.pk}", f"program:{battery_program.pk}"]
    )


def test_drafts_and_hidden_profiles_never_appear(battery_program):
    draft_program = ProgramFactory(title="배터리 초안 공고", status=ProgramStatus.DRAFT)
    ChallengeFactory(title="배터리 초안 과제", status=ChallengeStatus.DRAFT, published_at=None)
    ChallengeFactory(title="배터리 초안 공고의 과제", program=draft_program)
    hidden = StartupFactory(is_public=False, profile__one_liner="배터리 재활용")
    visible = ChallengeFactory(title="배터리 공개 과제")
    rebuild()
    index_document_task.enqueue(kind="startup", pk=hidden.pk)
    index_document_task.enqueue(kind="program", pk=draft_program.pk)

    assert sorted(found("배터리")) == sorted(
        [f"program:{battery_program.pk}", f"challenge:{visible.pk}"]
    )


def test_index_document_task_follows_publication(battery_program):
    rebuild()
    challenge = ChallengeFactory(title="배터리 열화 진단 과제", program=battery_program)
    assert found("열화") == []

    index_document_task.enqueue(kind="challenge", pk=challenge.pk)
    assert found("열화") == [f"challenge:{challenge.pk}"]

    battery_program.status = ProgramStatus.DRAFT
    battery_program.save()
    index_document_task.enqueue(kind="program", pk=battery_program.pk)
    assert found("배터리") == []  # the program and, with it, its challenge


def test_index_document_task_hides_a_profile_made_private():
    startup = StartupFactory(profile__one_liner="수소 연료전지 진단")
    rebuild()
    assert found("연료전지") == [f"startup:{startup.pk}"]

    startup.is_public = False
    startup.save()
    index_document_task.enqueue(kind="startup", pk=startup.pk)

    assert found("연료전지") == []


def test_remove_document_removes_it_from_results(battery_program, outsider):
    rebuild()

    engine.remove_document(kind="program", pk=battery_program.pk)

    assert found("배터리") == []
    assert found("배달") == [f"startup:{outsider.pk}"]


def test_facet_counts_by_kind(battery_program, outsider):
    StartupFactory(profile__one_liner="배터리 진단")
    rebuild()

    assert engine.facet_counts(q="배터리", facet="kind") == {"program": 1, "startup": 1}
    # The program's operating agency is an organization of its own.
    assert engine.facet_counts(q="", facet="kind") == {
        "program": 1,
        "startup": 2,
        "organization": 1,
    }


def test_search_blank_query_returns_nothing(battery_program):
    rebuild()

    assert engine.search(q="  ") == []


def test_search_before_any_index_returns_nothing(battery_program):
    assert engine.search(q="배터리") == []


def test_search_rebuild_command_prints_progress(battery_program, outsider, capsys):
    call_command(RebuildCommand(), no_vectors=True)

    out = capsys.readouterr().out
    # The program, its operating agency and the outsider startup.
    assert "lexical    0% [....................] 0/3" in out
    assert "lexical  100% [####################] 3/3" in out
    assert found("배터리") == [f"program:{battery_program.pk}"]


def test_organizations_are_indexed_by_kind():
    company = OrganizationFactory(name="한빛전력", kind=OrganizationKind.DEMAND_COMPANY)
    startup = StartupFactory(name="한빛랩스")
    rebuild()

    assert found("한빛전력") == [f"organization:{company.pk}"]
    assert found("한빛랩스") == [f"startup:{startup.pk}"]


def test_rrf_adds_reciprocal_ranks():
    fused = engine.rrf([[("a", 9.0), ("b", 5.0)], [("b", 0.9), ("c", 0.8)]], k=60)

    assert fused == {"a": 1 / 61, "b": 1 / 62 + 1 / 61, "c": 1 / 62}


WRITER_SCRIPT = """
import sys, django
django.setup()
from django.conf import settings
settings.SEARCH_INDEX_DIR = sys.argv[1]
from oimarket.matching import lexical, storage
from oimarket.matching.documents import SearchDocument
doc = SearchDocument(kind="startup", pk=999, title="수소랩")
with storage.write_lock():
    index = lexical._index(create=True)
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    writer.add_document(lexical._tantivy_doc(doc, ["수소랩"], ["수소랩", "수소"]))
    writer.commit()
    writer.wait_merging_threads()
"""


def test_reader_sees_a_commit_made_by_another_process(battery_program, search_dir):
    rebuild()
    assert found("수소") == []

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "-c", WRITER_SCRIPT, str(search_dir)], check=True, env=env, cwd=ROOT
    )

    assert found("수소") == ["startup:999"]


def test_search_only_ids_restricts_and_exclude_ids_removes(battery_program):
    other = ProgramFactory(title="배터리 열화 진단 실증")
    rebuild()
    battery, diagnosis = f"program:{battery_program.pk}", f"program:{other.pk}"

    assert set(found("배터리")) == {battery, diagnosis}
    assert found("배터리", only_ids=[diagnosis]) == [diagnosis]
    assert found("배터리", exclude_ids=[battery]) == [diagnosis]
    assert found("배터리", only_ids=[]) == []


def test_matching_ids_tests_new_records_against_a_query_or_filters_alone(battery_program):
    water = ProgramFactory(title="스마트 정수 실증")
    water.fields.set(["environment"])
    rebuild()
    battery, water_id = f"program:{battery_program.pk}", f"program:{water.pk}"

    assert engine.matching_ids(q="배터리를", only_ids=[battery, water_id]) == {battery}
    assert engine.matching_ids(q="", fields=["environment"], only_ids=[battery, water_id]) == {
        water_id
    }
    assert engine.matching_ids(q="배터리", only_ids=[water_id]) == set()


@pytest.mark.dense
def test_embed_missing_task_gives_every_document_a_vector_in_steps(
    battery_program, outsider, dense_on, monkeypatch
):
    from oimarket.matching import dense, tasks

    rebuild(vectors=False)
    monkeypatch.setattr(tasks, "EMBED_STEP", 1)

    tasks.embed_missing_task.enqueue()  # the immediate backend runs the re-queued steps too

    assert sorted(dense.current().ids) == sorted(
        [
            f"program:{battery_program.pk}",
            f"organization:{battery_program.organization_id}",
            f"startup:{outsider.pk}",
        ]
    )
    assert engine.embed_missing() == (0, 0)


def test_search_rebuild_vectors_in_worker_builds_keywords_then_the_worker_embeds(
    battery_program, dense_on, capsys
):
    from oimarket.matching import dense

    call_command("search_rebuild", "--vectors-in-worker")  # immediate backend: runs the task

    out = capsys.readouterr().out
    assert found("배터리")[0] == f"program:{battery_program.pk}"
    assert "0 embedded" in out
    assert "the task worker embeds the documents next" in out
    assert sorted(dense.current().ids) == [
        f"organization:{battery_program.organization_id}",
        f"program:{battery_program.pk}",
    ]
