"""Did you mean: misspelt Korean and English words against what the index holds."""

import pytest

from oimarket.matching.spelling import did_you_mean
from tests.factories import StartupFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed():
    StartupFactory(name="체인랩", profile__one_liner="블록체인 기반 자율주행 데이터 거래")
    StartupFactory(name="셀랩", profile__one_liner="스타트업을 위한 배터리 진단")
    StartupFactory(name="ReCell", profile__one_liner="Battery recycling for autonomous robots")
    rebuild()


def test_korean_words_are_fixed_letter_by_letter_and_keep_their_particle(indexed):
    assert did_you_mean("자율주헹") == "자율주행"  # ㅔ for ㅐ; Kiwi reads 자율주 + 헤
    assert did_you_mean("블록채인 거래") == "블록체인 거래"  # Kiwi keeps only 블록
    assert did_you_mean("스타드업") == "스타트업"  # ㄷ for ㅌ
    assert did_you_mean("배터러를 진단") == "배터리를 진단"  # the particle stays


def test_english_words_are_fixed_to_glossary_words_the_index_holds(indexed):
    assert did_you_mean("batery recyclng") == "battery recycling"
    assert did_you_mean("Autonomus robots") == "Autonomous robots"  # capital kept


def test_known_words_stop_words_and_far_words_are_left_alone(indexed):
    assert did_you_mean("자율주행을 블록체인") == ""  # known, with or without 을
    assert did_you_mean("battery recycling with robots") == ""
    assert did_you_mean("데이타센터") == ""  # too far from anything indexed
    assert did_you_mean("quantum") == ""  # a real word no document holds: nothing near
    assert did_you_mean("") == ""
