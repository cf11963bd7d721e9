"""Which tier a dispute should start in (DOMAIN §2): a suggestion with its reasons.

The mediator confirms or overrides the suggestion with a reason; both are recorded by the
service.  Thresholds are station settings (`TierThresholds`), passed in, never read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from mediation_desk.domain.vocabulary import Category, RiskGrade, Tier


@dataclass(frozen=True)
class TierThresholds:
    tier3_amount: Decimal = Decimal("100000")
    tier3_side_size: int = 10
    tier3_unpaid_workers: int = 5
    tier2_amount: Decimal = Decimal("10000")
    tier2_parties: int = 3


@dataclass(frozen=True)
class IntakeFacts:
    """The facts at intake that the tier rules look at."""

    category: Category
    risk: RiskGrade
    party_count: int = 2
    largest_side: int = 1
    amount: Decimal | None = None
    ownership_dispute: bool = False  # 确权: land, forest or homestead ownership
    group_petition: bool = False
    group_fight_or_violence: bool = False
    threat_of_harm: bool = False
    abnormal_death: bool = False
    unpaid_workers: int = 0
    recurrence: bool = False
    vulnerable_party: bool = False


@dataclass(frozen=True)
class TierSuggestion:
    tier: Tier
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def explanation(self) -> str:
        """One line for the UI: "10人以上 → 矛盾纠纷调解室"."""
        if not self.reasons:
            return f"一般纠纷 → {self.tier.label}"
        return f"{'；'.join(self.reasons)} → {self.tier.label}"


def _money(value: Decimal) -> str:
    return f"{value:,.0f}元"


def suggest_tier(facts: IntakeFacts, thresholds: TierThresholds | None = None) -> TierSuggestion:
    t = thresholds or TierThresholds()
    tier3: list[str] = []
    if facts.ownership_dispute and facts.category in (
        Category.FOREST_LAND,
        Category.HOUSING_HOMESTEAD,
        Category.LAND_ACQUISITION,
    ):
        tier3.append("土地、山林或宅基地确权纠纷")
    elif facts.ownership_dispute:
        tier3.append("确权纠纷")
    if facts.largest_side >= t.tier3_side_size:
        tier3.append(f"一方{t.tier3_side_size}人以上")
    if facts.group_petition:
        tier3.append("有群体上访苗头")
    if facts.group_fight_or_violence:
        tier3.append("有群殴或暴力苗头")
    if facts.threat_of_harm:
        tier3.append("扬言自伤或伤人")
    if facts.abnormal_death:
        tier3.append("涉及非正常死亡")
    if facts.unpaid_workers >= t.tier3_unpaid_workers:
        tier3.append(f"欠薪{t.tier3_unpaid_workers}人以上")
    if facts.amount is not None and facts.amount >= t.tier3_amount:
        tier3.append(f"金额{_money(t.tier3_amount)}以上")
    if facts.risk is RiskGrade.RED:
        tier3.append("风险等级红色")
    if tier3:
        return TierSuggestion(Tier.MEDIATION_ROOM, tuple(tier3))

    tier2: list[str] = []
    if facts.party_count >= t.tier2_parties:
        tier2.append(f"当事人{t.tier2_parties}方以上")
    if facts.amount is not None and facts.amount >= t.tier2_amount:
        tier2.append(f"金额{_money(t.tier2_amount)}以上")
    if facts.recurrence:
        tier2.append("曾调解后反复")
    if facts.risk is RiskGrade.ORANGE:
        tier2.append("风险等级橙色")
    if facts.vulnerable_party:
        tier2.append("当事人为未成年人、老年人、残疾人等弱势群体")
    if tier2:
        return TierSuggestion(Tier.JOINT_TEAM, tuple(tier2))
    return TierSuggestion(Tier.GRID, ())
