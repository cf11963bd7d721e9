"""The domain's fixed vocabularies: tiers, states, sources, categories, risk grades.

Each enum's value is the stable identifier stored in the database and printed by the
command line (DOMAIN.md); `label` is the Simplified Chinese text the UI shows.  Labels are
data here (not Qt translations) because they also appear on printed documents and in
exports, where the official Chinese wording is required whatever the UI language is.
"""

from __future__ import annotations

import enum


class LabelledEnum(str, enum.Enum):  # noqa: UP042 - members carry labels
    """A str-valued enum whose members carry a Chinese label."""

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label  # type: ignore[attr-defined]
        return obj

    label: str

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(f"{cls.__name__}: no member labelled {label!r}")


class Tier(enum.IntEnum):
    """The three mediation tiers (纠纷三级联调). The int value is what `--json` prints."""

    GRID = 1
    JOINT_TEAM = 2
    MEDIATION_ROOM = 3

    @property
    def key(self) -> str:
        return {1: "grid", 2: "joint_team", 3: "mediation_room"}[self.value]

    @property
    def label(self) -> str:
        return {1: "警民联调工作站", 2: "警民和谐工作队", 3: "矛盾纠纷调解室"}[self.value]

    @property
    def short_label(self) -> str:
        return {1: "一级", 2: "二级", 3: "三级"}[self.value]


class DisputeState(LabelledEnum):
    REGISTERED = ("registered", "已登记")
    ACCEPTED = ("accepted", "已受理")
    DECLINED = ("declined", "不予受理")
    IN_MEDIATION = ("in_mediation", "调解中")
    SETTLED = ("settled", "调解成功")
    FAILED = ("failed", "调解不成")
    REFERRED = ("referred", "已移送")
    CLOSED = ("closed", "已结案")
    WITHDRAWN = ("withdrawn", "已撤回")


class Source(LabelledEnum):
    APPLICATION = ("application", "当事人申请")
    POLICE_INCIDENT = ("police_incident", "110警情转办")
    GRID_SCREENING = ("grid_screening", "网格员排查")
    JUDICIAL_REFERRAL = ("judicial_referral", "司法所/法院委托移送")
    COMMITTEE_REFERRAL = ("committee_referral", "村(居)委会移送")
    OWN_INITIATIVE = ("own_initiative", "主动调解")
    OTHER = ("other", "其他")


class Category(LabelledEnum):
    MARRIAGE_FAMILY = ("marriage_family", "婚姻家庭")
    NEIGHBOUR = ("neighbour", "邻里")
    HOUSING_HOMESTEAD = ("housing_homestead", "房屋宅基地")
    CONTRACT = ("contract", "合同")
    PRODUCTION_BUSINESS = ("production_business", "生产经营")
    DAMAGES = ("damages", "损害赔偿")
    FOREST_LAND = ("forest_land", "山林土地")
    LAND_ACQUISITION = ("land_acquisition", "征地拆迁")
    ENVIRONMENT = ("environment", "环境污染")
    LABOUR = ("labour", "劳动争议(含欠薪)")
    CONSUMER = ("consumer", "消费")
    MEDICAL = ("medical", "医疗")
    TRAFFIC = ("traffic", "道路交通事故")
    PROPERTY_MANAGEMENT = ("property_management", "物业")
    OTHER = ("other", "其他")


class RiskGrade(LabelledEnum):
    RED = ("red", "红")
    ORANGE = ("orange", "橙")
    YELLOW = ("yellow", "黄")
    BLUE = ("blue", "蓝")

    @property
    def colour(self) -> str:
        """The mark's colour as an sRGB hex string (UI and PDFs share it)."""
        return {
            "red": "#d32f2f",
            "orange": "#ef6c00",
            "yellow": "#f9a825",
            "blue": "#1e88e5",
        }[self.value]

    @property
    def severity(self) -> int:
        """Higher is more serious; used for sorting."""
        return {"red": 4, "orange": 3, "yellow": 2, "blue": 1}[self.value]


class DisputeKind(LabelledEnum):
    PEOPLES = ("peoples", "人民调解")
    PUBLIC_SECURITY = ("public_security", "治安调解")


class PartySide(LabelledEnum):
    APPLICANT = ("applicant", "申请人")
    RESPONDENT = ("respondent", "被申请人")


class PartyType(LabelledEnum):
    PERSON = ("person", "自然人")
    ORGANISATION = ("organisation", "单位")


class Sex(LabelledEnum):
    MALE = ("male", "男")
    FEMALE = ("female", "女")


class RosterRole(LabelledEnum):
    """Who a roster entry is (DOMAIN §2)."""

    MEDIATOR = ("mediator", "专职调解员")
    GRID_WORKER = ("grid_worker", "网格员")
    COMMUNITY_OFFICER = ("community_officer", "社区民警")
    TEAM_MEMBER = ("team_member", "工作队成员")
    DEPARTMENT = ("department", "协调部门")


class EventKind(LabelledEnum):
    """What an event row on a dispute's timeline records."""

    REGISTERED = ("registered", "登记")
    ACCEPTED = ("accepted", "受理")
    DECLINED = ("declined", "不予受理")
    STARTED = ("started", "开始调解")
    ESCALATED = ("escalated", "升级")
    DEESCALATED = ("deescalated", "降级")
    SETTLED = ("settled", "调解成功")
    FAILED = ("failed", "调解不成")
    REFERRED = ("referred", "移送")
    CLOSED = ("closed", "结案")
    REOPENED = ("reopened", "重新调解")
    WITHDRAWN = ("withdrawn", "撤回")
    RISK_CHANGED = ("risk_changed", "风险等级变更")
    TIER_CONFIRMED = ("tier_confirmed", "确认层级")
    NOTE = ("note", "备注")
