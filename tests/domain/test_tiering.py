"""Tier suggestion rules (DOMAIN §2), without Qt or a database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.tiering import IntakeFacts, TierThresholds, suggest_tier
from mediation_desk.domain.vocabulary import Category, RiskGrade, Tier


def facts(**changes) -> IntakeFacts:
    base = dict(category=Category.NEIGHBOUR, risk=RiskGrade.BLUE)
    base.update(changes)
    return IntakeFacts(**base)


def test_ordinary_dispute_is_tier_one():
    suggestion = suggest_tier(facts())
    assert suggestion.tier is Tier.GRID
    assert suggestion.explanation() == "一般纠纷 → 警民联调工作站"


@pytest.mark.parametrize(
    "changes, reason",
    [
        (dict(category=Category.FOREST_LAND, ownership_dispute=True), "确权"),
        (dict(largest_side=10), "一方10人以上"),
        (dict(group_petition=True), "群体上访"),
        (dict(group_fight_or_violence=True), "暴力"),
        (dict(threat_of_harm=True), "扬言"),
        (dict(abnormal_death=True), "非正常死亡"),
        (dict(unpaid_workers=5), "欠薪5人以上"),
        (dict(amount=Decimal("100000")), "金额100,000元以上"),
        (dict(risk=RiskGrade.RED), "红色"),
    ],
)
def test_each_tier_three_rule_alone_lifts_to_tier_three(changes, reason):
    suggestion = suggest_tier(facts(**changes))
    assert suggestion.tier is Tier.MEDIATION_ROOM
    assert any(reason in r for r in suggestion.reasons)
    assert suggestion.explanation().endswith("→ 矛盾纠纷调解室")


@pytest.mark.parametrize(
    "changes, reason",
    [
        (dict(party_count=3), "3方以上"),
        (dict(amount=Decimal("10000")), "金额10,000元以上"),
        (dict(recurrence=True), "反复"),
        (dict(risk=RiskGrade.ORANGE), "橙色"),
        (dict(vulnerable_party=True), "弱势"),
    ],
)
def test_each_tier_two_rule_alone_lifts_to_tier_two(changes, reason):
    suggestion = suggest_tier(facts(**changes))
    assert suggestion.tier is Tier.JOINT_TEAM
    assert any(reason in r for r in suggestion.reasons)


def test_just_below_thresholds_stays_lower():
    assert suggest_tier(facts(amount=Decimal("9999.99"))).tier is Tier.GRID
    assert suggest_tier(facts(amount=Decimal("99999.99"))).tier is Tier.JOINT_TEAM
    assert suggest_tier(facts(largest_side=9, unpaid_workers=4)).tier is Tier.GRID


def test_thresholds_are_parameters():
    strict = TierThresholds(tier2_amount=Decimal("500"), tier3_side_size=4)
    assert suggest_tier(facts(amount=Decimal("600")), strict).tier is Tier.JOINT_TEAM
    assert suggest_tier(facts(largest_side=4), strict).tier is Tier.MEDIATION_ROOM
    assert "一方4人以上" in suggest_tier(facts(largest_side=4), strict).reasons


@given(
    amount=st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2)),
    risk=st.sampled_from(list(RiskGrade)),
    parties=st.integers(2, 30),
    side=st.integers(1, 30),
    flags=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_more_serious_facts_never_lower_the_tier(amount, risk, parties, side, flags):
    base = facts(amount=amount, risk=risk, party_count=parties, largest_side=side)
    worse = facts(
        amount=amount,
        risk=risk,
        party_count=parties,
        largest_side=side,
        group_petition=flags[0],
        threat_of_harm=flags[1],
        recurrence=flags[2],
        vulnerable_party=flags[3],
        abnormal_death=flags[4],
    )
    assert suggest_tier(worse).tier >= suggest_tier(base).tier
