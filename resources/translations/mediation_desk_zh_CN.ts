<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/action_dialog.py" line="117"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>AddVisitDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="57"/>
        <source>Add a follow-up visit</source>
        <translation>增加回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="58"/>
        <source>&amp;Add visit</source>
        <translation>增加回访(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="63"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="65"/>
        <source>&amp;Why (required)</source>
        <translation>原因（必填）(&amp;W)</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="56"/>
        <source>Mediation agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="57"/>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="63"/>
        <source>Correction (version {v}): {reason}</source>
        <translation>更正稿（第{v}版）：{reason}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="69"/>
        <source>&amp;Kind</source>
        <translation>协议类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="81"/>
        <source>&amp;Parties named in the agreement</source>
        <translation>协议列明的当事人(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="84"/>
        <source>Main &amp;facts of the dispute</source>
        <translation>纠纷主要事实(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="86"/>
        <source>&amp;Issues in dispute</source>
        <translation>争议事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="88"/>
        <source>Each side&apos;s &amp;responsibility</source>
        <translation>各方责任(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="90"/>
        <source>What was agreed &amp;orally</source>
        <translation>口头协议内容(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="92"/>
        <source>Terms agreed</source>
        <translation>协议约定事项</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="102"/>
        <source>&amp;Add a term</source>
        <translation>添加约定事项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="114"/>
        <source>Place of &amp;signing</source>
        <translation>签订地点(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="166"/>
        <source>Term {n}</source>
        <translation>第{n}项</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="170"/>
        <source>All parties</source>
        <translation>各方当事人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="179"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="183"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="188"/>
        <source>Who does what</source>
        <translation>履行内容（谁做什么）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="189"/>
        <source>Performed by</source>
        <translation>履行人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="190"/>
        <source>Way</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="191"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="192"/>
        <source>Deadline of performance</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="193"/>
        <source>Place of performance</source>
        <translation>履行地点</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="230"/>
        <source>Not an amount; type it as 1500 or 1500.50</source>
        <translation>金额格式不对，请写成1500或1500.50</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="235"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请写成2026-11-20</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="271"/>
        <source>Before it can be signed: {list}</source>
        <translation>签字前还需：{list}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/agreement_dialog.py" line="274"/>
        <source>Complete: it can be printed and signed.</source>
        <translation>协议已完整，可以打印签字。</translation>
    </message>
</context>
<context>
    <name>CancelVisitDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="110"/>
        <source>Cancel a follow-up visit</source>
        <translation>取消回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="111"/>
        <source>Cancel &amp;the visit</source>
        <translation>取消这次回访(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="115"/>
        <source>Visit {seq}, due {due}. The visit and the reason are kept in the file.</source>
        <translation>第{seq}次回访，应于{due}进行。取消后该次回访及原因仍保留在卷宗中。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="118"/>
        <source>&amp;Reason (required)</source>
        <translation>理由（必填）(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CaseClocks</name>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="49"/>
        <source> (estimate: the holiday calendar does not know this year yet)</source>
        <translation>（估算：节假日日历尚无该年份安排）</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="993"/>
        <source>team: {names}</source>
        <translation>升级后调解人员：{names}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="195"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="695"/>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="707"/>
        <source>Facts</source>
        <translation>案情</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="714"/>
        <source>Source:</source>
        <translation>纠纷来源：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="716"/>
        <source>Category:</source>
        <translation>纠纷类别：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="717"/>
        <source>Kind:</source>
        <translation>调解类型：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="718"/>
        <source>Registered:</source>
        <translation>登记：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="719"/>
        <source>Accepted on:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="720"/>
        <source>Occurred on:</source>
        <translation>发生日期：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="721"/>
        <source>Place:</source>
        <translation>发生地点：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="722"/>
        <source>Summary:</source>
        <translation>简要情况：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="723"/>
        <source>Applicant asks for:</source>
        <translation>申请人请求：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="724"/>
        <source>Respondent says:</source>
        <translation>被申请人意见：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="725"/>
        <source>Amount in dispute:</source>
        <translation>涉及金额：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="764"/>
        <source>¥{amount}</source>
        <translation>{amount}元</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="726"/>
        <source>People involved:</source>
        <translation>涉及人数：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="727"/>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="728"/>
        <source>Grid worker:</source>
        <translation>网格员：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="729"/>
        <source>Community officer:</source>
        <translation>社区民警：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="730"/>
        <source>Mediator:</source>
        <translation>调解员：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="731"/>
        <source>Suggested tier:</source>
        <translation>系统建议层级：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="732"/>
        <source>Why the tier differs:</source>
        <translation>改选层级理由：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="733"/>
        <source>Intake flags:</source>
        <translation>登记时情形：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="806"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="808"/>
        <source>Side</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="808"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="808"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="808"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="809"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="809"/>
        <source>ID number / credit code</source>
        <translation>身份证号/统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="809"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="810"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="810"/>
        <source>Occupation / legal rep.</source>
        <translation>职业/法定代表人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="810"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="811"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="811"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="840"/>
        <source>vulnerable</source>
        <translation>弱势群体</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="917"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="863"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="918"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="918"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="918"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="863"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="918"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="919"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="919"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="171"/>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="173"/>
        <source>Read the case again (F5)</source>
        <translation>重新读取案件（F5）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="235"/>
        <source>Risk &amp;grade…</source>
        <translation>风险等级(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="237"/>
        <source>Change the risk grade, with a reason</source>
        <translation>改变风险等级（须填写理由）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="338"/>
        <source>Confirm or change the &amp;tier…</source>
        <translation>确认/改选层级(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="341"/>
        <source>Before mediation starts: confirm the suggested tier or choose another one with a reason</source>
        <translation>调解开始前：确认系统建议的层级，或填写理由改选其他层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="274"/>
        <source>System suggestion: {why}</source>
        <translation>系统建议：{why}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="276"/>
        <source>; now at {tier}</source>
        <translation>；现为{tier}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="278"/>
        <source> (reason: {reason})</source>
        <translation>（理由：{reason}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="299"/>
        <source>Red risk: notify the station&apos;s duty leader</source>
        <translation>红色风险：请通知值班领导</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="306"/>
        <source>Record the &amp;notification…</source>
        <translation>记录已通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="324"/>
        <source>Red risk: duty leader {leader} notified at {time}</source>
        <translation>红色风险：已于{time}通知值班领导{leader}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="335"/>
        <source>Actions:</source>
        <translation>办理：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="346"/>
        <source>Record a &amp;session…</source>
        <translation>记录调解(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="348"/>
        <source>Record a mediation session (调解笔录)</source>
        <translation>记录一次调解（调解笔录）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="356"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="447"/>
        <source>A&amp;greement…</source>
        <translation>调解协议(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="358"/>
        <source>Write the mediation agreement (saved as a draft until the parties sign)</source>
        <translation>填写调解协议（各方签字前保存为草稿）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="362"/>
        <source>Co&amp;rrect agreement…</source>
        <translation>更正协议(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="366"/>
        <source>Sign the correction…</source>
        <translation>更正稿签字生效…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="370"/>
        <source>Why it runs &amp;long…</source>
        <translation>超期原因(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="376"/>
        <source>Recor&amp;d…</source>
        <translation>记录(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="378"/>
        <source>Record that the dispute turned criminal, that a group incident was prevented, or the court&apos;s confirmation of the agreement</source>
        <translation>记录民转刑、防止群体性事件或协议经法院司法确认</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="391"/>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="393"/>
        <source>Preview, print or save the case&apos;s documents</source>
        <translation>预览、打印或保存本案文书</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="404"/>
        <source>One record or version</source>
        <translation>单份记录或协议版本</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="405"/>
        <source>Kept with the case</source>
        <translation>已存入本案的文书</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="411"/>
        <source>No further moves: the case is concluded.</source>
        <translation>案件已办结，没有可进行的操作。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="446"/>
        <source>Edit the correction…</source>
        <translation>编辑更正稿…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="456"/>
        <source>{fact} (recorded {day})</source>
        <translation>{fact}（已记录 {day}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="468"/>
        <source>session recorded</source>
        <translation>已记录调解笔录</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="473"/>
        <source>risk grade changed</source>
        <translation>已改变风险等级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="478"/>
        <source>duty leader notification recorded</source>
        <translation>已记录通知值班领导</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="484"/>
        <source>tier confirmed</source>
        <translation>已确认层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="489"/>
        <source>agreement saved</source>
        <translation>协议已保存</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="494"/>
        <source>correction started</source>
        <translation>已开始更正协议</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="503"/>
        <source>Sign the correction</source>
        <translation>更正稿签字生效</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="504"/>
        <source>Have all parties signed the corrected agreement (version {v})? It then replaces version {old}, which stays in the file.</source>
        <translation>各方当事人是否已在更正后的协议（第{v}版）上签字？确认后该版生效，取代第{old}版，第{old}版仍保留在卷宗中。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="507"/>
        <source>Yes, it is signed</source>
        <translation>已签字，生效</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="507"/>
        <source>Not yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="518"/>
        <source>The corrected agreement is in force</source>
        <translation>更正后的协议已生效</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="525"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="530"/>
        <source>reason recorded</source>
        <translation>原因已记录</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="535"/>
        <source>visit recorded</source>
        <translation>回访已记录</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="540"/>
        <source>visit moved</source>
        <translation>回访已改期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="545"/>
        <source>visit cancelled</source>
        <translation>回访已取消</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="550"/>
        <source>visit added</source>
        <translation>回访已增加</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="555"/>
        <source>Mediate again?</source>
        <translation>重新调解？</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="556"/>
        <source>{grounds}.

Reopen the case for mediation? It will count as a recurrence (反复) and the remaining visits are cancelled.</source>
        <translation>{grounds}。

是否重新调解本案？本案将计为一次矛盾反复，其余回访计划将取消。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="559"/>
        <source>Reopen for mediation</source>
        <translation>重新调解</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="559"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="569"/>
        <source>Reopened for mediation</source>
        <translation>已重新调解</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="577"/>
        <source>Preparing {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="581"/>
        <source>{title}: {pages} pages, kept with the case</source>
        <translation>{title}：共{pages}页，已存入本案</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="586"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="651"/>
        <source>Kept with the case on {at} · SHA-256 {sha}</source>
        <translation>{at}存入本案 · SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="610"/>
        <source>Session record {n} ({date})</source>
        <translation>第{n}次调解记录（{date}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="617"/>
        <source>Follow-up record {n} ({date})</source>
        <translation>第{n}次回访记录（{date}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="624"/>
        <source>Agreement version {v} ({status})</source>
        <translation>调解协议第{v}版（{status}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="682"/>
        <source>Saved at {time}: {what}</source>
        <translation>{time} 已保存：{what}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="692"/>
        <source>Reloaded: the case had been changed elsewhere</source>
        <translation>已刷新：案件刚在别处被修改</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="698"/>
        <source>The case has been reloaded as it is now. Check it, then do your change again if it is still needed.</source>
        <translation>已重新读取案件的最新情况。请核对后，如仍需要，再操作一次。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="715"/>
        <source>From the screening log:</source>
        <translation>来自排查登记：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="734"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="861"/>
        <source>Mediation sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="863"/>
        <source>No.</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="863"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="864"/>
        <source>Present</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="864"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="864"/>
        <source>Next session</source>
        <translation>下次调解</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="881"/>
        <source>Mediation sessions ({count})</source>
        <translation>调解记录（{count}次）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="887"/>
        <location filename="../../mediation_desk/ui/case_view.py" line="977"/>
        <source>Session {n}</source>
        <translation>第{n}次调解</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="902"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="903"/>
        <source>Parties present</source>
        <translation>到场当事人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="904"/>
        <source>Others present</source>
        <translation>其他在场人员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="905"/>
        <source>Applicant said</source>
        <translation>申请人陈述</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="906"/>
        <source>Respondent said</source>
        <translation>被申请人陈述</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="907"/>
        <source>Proposals</source>
        <translation>调解意见</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="908"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="974"/>
        <source>Present: {names}</source>
        <translation>参加：{names}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_view.py" line="976"/>
        <source>next session {date}</source>
        <translation>下次调解 {date}</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="56"/>
        <source>Search case number, name, ID number, phone</source>
        <translation>搜索案号、姓名、身份证号、电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="59"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="64"/>
        <source>S&amp;tate:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="66"/>
        <source>T&amp;ier:</source>
        <translation>层级(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="68"/>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="70"/>
        <source>&amp;Risk:</source>
        <translation>风险(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="80"/>
        <source>O&amp;verdue</source>
        <translation>超期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="84"/>
        <source>Only disputes with a deadline past its date: a follow-up visit, a performance deadline, the mediation target, a 治安调解 clock</source>
        <translation>只显示有期限已过的案件：回访、履行期限、调解期限、治安调解期限</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="88"/>
        <source>Recei&amp;ved</source>
        <translation>受理日期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="90"/>
        <source>Only disputes registered between these dates</source>
        <translation>只显示在这两个日期之间登记的纠纷</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="108"/>
        <source>Stop showing only the disputes of this figure</source>
        <translation>不再只显示该统计数字对应的案件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="117"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="118"/>
        <source>Show all disputes</source>
        <translation>显示全部纠纷</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="142"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="199"/>
        <source>Figure: %1</source>
        <translation>统计：%1</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="74"/>
        <source>Red a&amp;lerts</source>
        <translation>红色预警(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/filter_bar.py" line="78"/>
        <source>Only red-risk disputes whose duty leader has not been notified yet</source>
        <translation>只看尚未通知值班领导的红色风险纠纷</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="96"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="97"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="98"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="99"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="100"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="101"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="102"/>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="103"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="314"/>
        <source>Risk grade: {grade}</source>
        <translation>风险等级：{grade}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_table_model.py" line="318"/>
        <source>A deadline of this case has passed (see the case&apos;s deadlines)</source>
        <translation>本案有期限已过（见案件的期限）</translation>
    </message>
</context>
<context>
    <name>CorrectAgreementDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="159"/>
        <source>Correct the agreement</source>
        <translation>更正协议</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="160"/>
        <source>&amp;Start correction</source>
        <translation>开始更正(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="164"/>
        <source>The signed agreement is never changed. A correction is a new version; once the parties sign it, it replaces the old one, which stays in the file.</source>
        <translation>已签字的协议不能修改。更正将生成新版本；各方签字后新版本生效，原版本保留在卷宗中。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="168"/>
        <source>&amp;Reason for the correction (required)</source>
        <translation>更正原因（必填）(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DailyFollowUps</name>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="84"/>
        <source>Visits due on or before</source>
        <translation>截至该日应回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="92"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="107"/>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="107"/>
        <source>Visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="107"/>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="107"/>
        <source>Parties and phones</source>
        <translation>当事人及电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="108"/>
        <source>Agreement terms</source>
        <translation>协议约定事项</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="108"/>
        <source>Other deadlines</source>
        <translation>其他期限</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="108"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="120"/>
        <source>&amp;Record visit…</source>
        <translation>记录回访(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="123"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="126"/>
        <source>&amp;Print call sheet…</source>
        <translation>打印回访单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="129"/>
        <source>No visit is due. </source>
        <translation>没有需要回访的案件。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="143"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请写成2026-11-20</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="154"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="160"/>
        <source>The list could not be read</source>
        <translation>无法读取回访清单</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="171"/>
        <source>{n} days overdue</source>
        <translation>已超期{n}天</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="172"/>
        <source>due today</source>
        <translation>今天应回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/daily_followups.py" line="195"/>
        <source>{total} to visit, {overdue} overdue</source>
        <translation>应回访{total}件，其中超期{overdue}件</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="151"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="156"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="165"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="165"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="166"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="166"/>
        <source>Last 3 years</source>
        <translation>近三年</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="173"/>
        <source>Break down by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="184"/>
        <source>&amp;Monthly report…</source>
        <translation>月度分析研判报告(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="187"/>
        <source>The monthly analysis report (矛盾纠纷分析研判报告) as PDF, to print</source>
        <translation>生成矛盾纠纷分析研判报告（PDF），可预览打印</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="192"/>
        <source>Click a figure, a row or a bar to list its disputes.</source>
        <translation>点击数字、表格行或柱形，即可列出对应的案件。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="228"/>
        <source>Click a number to list those disputes</source>
        <translation>点击数字列出对应案件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="244"/>
        <source>Tier move</source>
        <translation>层级变动</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="244"/>
        <source>Moves</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="291"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>日期格式不对，请写成 2026-11-20</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="294"/>
        <source>Fill in both dates</source>
        <translation>请填写起止日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="297"/>
        <source>The end date is before the start date</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="314"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="321"/>
        <source>The figures could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="327"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="332"/>
        <source>Settled ÷ (settled + failed), among the disputes whose mediation ended in the range</source>
        <translation>调解成功数 ÷（调解成功数 + 调解不成数），按期间内办结的纠纷计算</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="335"/>
        <source>List these disputes</source>
        <translation>列出这些案件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="375"/>
        <source>By %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="411"/>
        <location filename="../../mediation_desk/ui/dashboard.py" line="503"/>
        <source>Tier %1 → tier %2</source>
        <translation>第%1层级 → 第%2层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="422"/>
        <source>How mediations ended</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="448"/>
        <source>Preparing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="476"/>
        <location filename="../../mediation_desk/ui/dashboard.py" line="506"/>
        <source>, the disputes concerned</source>
        <translation>，列出涉及的案件</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <location filename="../../mediation_desk/ui/widgets.py" line="263"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/widgets.py" line="267"/>
        <source>Pick from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="63"/>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="65"/>
        <source>No clock is running on this case.</source>
        <translation>本案目前没有进行中的期限。</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="69"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="72"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="87"/>
        <location filename="../../mediation_desk/ui/document_preview.py" line="94"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="88"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="95"/>
        <source>The file could not be written.</source>
        <translation>无法写入该文件。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="97"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="109"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="110"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/document_preview.py" line="131"/>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
</context>
<context>
    <name>DutyLeaderDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="71"/>
        <source>Duty leader notified</source>
        <translation>通知值班领导</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="72"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="78"/>
        <source>Red risk: record which duty leader was told, and when.</source>
        <translation>红色风险：请记录已通知的值班领导和通知时间。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="80"/>
        <source>Name of the station&apos;s duty leader</source>
        <translation>派出所值班领导的姓名</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="81"/>
        <source>&amp;Duty leader</source>
        <translation>值班领导(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="87"/>
        <source>&amp;Notified at</source>
        <translation>通知时间(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="47"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请写成2026-11-20</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="50"/>
        <source>Please enter a date</source>
        <translation>请填写日期</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="87"/>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="537"/>
        <source>Register a dispute</source>
        <translation>登记纠纷</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="156"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="158"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="168"/>
        <source>Ca&amp;tegory</source>
        <translation>纠纷类别(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="169"/>
        <source>&amp;Kind</source>
        <translation>调解类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="183"/>
        <source>Facts</source>
        <translation>案情</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="191"/>
        <source>yuan, e.g. 3500.00</source>
        <translation>单位：元，如 3500.00</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="213"/>
        <source>&amp;Occurred on</source>
        <translation>发生日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="167"/>
        <source>Sour&amp;ce</source>
        <translation>纠纷来源(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="170"/>
        <source>&amp;Risk grade</source>
        <translation>风险等级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="214"/>
        <source>P&amp;lace</source>
        <translation>发生地点(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="215"/>
        <source>Su&amp;mmary of what happened</source>
        <translation>纠纷简要情况(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="216"/>
        <source>What the applicant asks for</source>
        <translation>申请人请求</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="218"/>
        <source>What the respondent says</source>
        <translation>被申请人意见</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="220"/>
        <source>Amo&amp;unt in dispute</source>
        <translation>涉及金额(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="221"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="222"/>
        <source>&amp;Grid</source>
        <translation>所属网格(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="223"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="224"/>
        <source>Me&amp;diator</source>
        <translation>调解员(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="225"/>
        <source>Grid &amp;worker</source>
        <translation>网格员(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="243"/>
        <source>Facts that decide the tier</source>
        <translation>影响调解层级的情形</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="277"/>
        <source>Tier to start &amp;in</source>
        <translation>调解层级(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="282"/>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="400"/>
        <source>Reason for anot&amp;her tier</source>
        <translation>改选层级理由(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="399"/>
        <source>Reason for anot&amp;her tier (required)</source>
        <translation>改选层级理由（必填）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="281"/>
        <source>Needed only when the tier differs from the suggestion</source>
        <translation>所选层级与系统建议不同时必须填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="293"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="295"/>
        <source>Save the dispute (Ctrl+Enter)</source>
        <translation>保存登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="340"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>日期格式不正确，请按 2026-11-20 的格式填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="384"/>
        <source>Suggested tier: {tier} — {why}</source>
        <translation>系统建议：{tier}&#x3000;{why}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="430"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="464"/>
        <source>%n problem(s) to fix before saving; nothing was saved.</source>
        <translation>
            <numerusform>有 %n 处需要修改，本次未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="538"/>
        <source>Discard what you have typed?</source>
        <translation>放弃已填写的内容吗？</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="539"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/intake_dialog.py" line="540"/>
        <source>&amp;Keep editing</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
</context>
<context>
    <name>LedgerExportDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="58"/>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="123"/>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="162"/>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="205"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="73"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="77"/>
        <source>Show full ID numbers and phones</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="80"/>
        <source>By default ID numbers and phones are written masked (110105********002X).</source>
        <translation>默认导出的身份证号和电话为遮蔽形式（110105********002X）。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="90"/>
        <source>Registered or accepted from – to</source>
        <translation>登记或受理日期（起—止）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="92"/>
        <source>File (.xlsx or .csv)</source>
        <translation>文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="96"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="118"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="119"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="139"/>
        <source>The end date is before the start date.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="143"/>
        <source>Choose a file to export to.</source>
        <translation>请选择导出的文件。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="149"/>
        <source>The file name must end in .xlsx or .csv.</source>
        <translation>文件名须以 .xlsx 或 .csv 结尾。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="153"/>
        <source>This folder does not exist.</source>
        <translation>此文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="160"/>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="160"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="185"/>
        <source>Exporting the ledger… {done} of {total} disputes</source>
        <translation>正在导出台账… 已完成 {done} / {total} 件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="206"/>
        <source>%n dispute(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 件纠纷。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="207"/>
        <source>The file is at:
{path}</source>
        <translation>文件位置：
{path}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/ledger_dialog.py" line="213"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>LongRunningDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="134"/>
        <source>Mediation running long</source>
        <translation>调解超期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="135"/>
        <source>&amp;Record reason</source>
        <translation>记录原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="139"/>
        <source>Mediation has passed its target date. Record why; the case is then no longer shown as overdue for it.</source>
        <translation>调解已超过期限。请记录原因；记录后本案不再因此显示为超期。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="143"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="105"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="141"/>
        <source>Follow-ups today</source>
        <translation>今日回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="145"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="151"/>
        <source>Screening log</source>
        <translation>排查登记</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="113"/>
        <source>Database in use</source>
        <translation>正在使用的数据库</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="117"/>
        <source>Mediation Desk</source>
        <translation>调解台</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="126"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="193"/>
        <source>&amp;Register…</source>
        <translation>登记(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="196"/>
        <source>Register a new dispute (Ctrl+N)</source>
        <translation>登记新的纠纷（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="199"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="204"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="207"/>
        <source>Read the list again (F5)</source>
        <translation>重新读取列表（F5）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="210"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="214"/>
        <source>Roster &amp;&amp; &amp;settings…</source>
        <translation>名册与设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="218"/>
        <source>Export &amp;ledger…</source>
        <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="220"/>
        <source>Export the ledger as .xlsx or .csv</source>
        <translation>将台账导出为 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="228"/>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="235"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="241"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="260"/>
        <source>Mediation Desk — {station}</source>
        <translation>调解台 — {station}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="301"/>
        <source>Follow-ups today ({count})</source>
        <translation>今日回访（{count}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="303"/>
        <source>{count} visits due, {overdue} overdue</source>
        <translation>应回访{count}件，超期{overdue}件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="350"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mediation_desk/ui/main_window.py" line="361"/>
        <source>%n dispute(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="363"/>
        <source> (filtered)</source>
        <translation>（已筛选）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="456"/>
        <location filename="../../mediation_desk/ui/main_window.py" line="462"/>
        <source>Registered {number}</source>
        <translation>已登记 {number}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="474"/>
        <source>Ledger exported to {path}</source>
        <translation>台账已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/main_window.py" line="517"/>
        <source>Still saving, please wait…</source>
        <translation>正在保存，请稍候…</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="103"/>
        <source>Monthly analysis report</source>
        <translation>矛盾纠纷分析研判报告</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="112"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="116"/>
        <source>The leader&apos;s analysis and next steps; leave empty to write by hand</source>
        <translation>所领导的研判分析及下步工作意见；留空则打印空白栏供手写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="118"/>
        <source>&amp;Analysis:</source>
        <translation>研判分析(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/dashboard.py" line="121"/>
        <source>&amp;Make PDF</source>
        <translation>生成 PDF(&amp;M)</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="72"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="75"/>
        <source>&amp;Legal reason for declining</source>
        <translation>不予受理的法定理由(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="79"/>
        <source>&amp;Route the parties were told of</source>
        <translation>告知当事人的解决途径(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="82"/>
        <source>&amp;Agreement reached</source>
        <translation>达成的协议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="112"/>
        <source>The applicant&apos;s &amp;statement (required)</source>
        <translation>申请人的撤回说明（必填）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="114"/>
        <source>&amp;Reason (required)</source>
        <translation>理由（必填）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="115"/>
        <source>&amp;Note (optional)</source>
        <translation>备注（可不填）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="126"/>
        <source>Public-security mediation is ruled out by these causes; tick any that apply</source>
        <translation>因下列原因引起的治安案件不适用治安调解，如有请勾选</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="140"/>
        <source>The new tier&apos;s &amp;team (tick at least one)</source>
        <translation>新层级的调解人员（至少选一人）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/move_dialog.py" line="150"/>
        <source>The roster has nobody for {tier}. Add people under Roster &amp; settings.</source>
        <translation>名册中没有{tier}的人员，请在“名册与设置”中添加。</translation>
    </message>
</context>
<context>
    <name>MoveVisitDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="82"/>
        <source>Move a follow-up visit</source>
        <translation>回访改期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="83"/>
        <source>&amp;Move</source>
        <translation>改期(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="86"/>
        <source>Visit {seq}, planned for {due}</source>
        <translation>第{seq}次回访，原定{due}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="90"/>
        <source>New &amp;date</source>
        <translation>新日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="92"/>
        <source>&amp;Why (required)</source>
        <translation>原因（必填）(&amp;W)</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="86"/>
        <location filename="../../mediation_desk/ui/party_editor.py" line="178"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="91"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="95"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="97"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="105"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="84"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="102"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="108"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="110"/>
        <source>Occupation / employer</source>
        <translation>职业/工作单位</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="113"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="118"/>
        <location filename="../../mediation_desk/ui/party_editor.py" line="180"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="119"/>
        <source>Vulnerable (disabled, seriously ill, ...)</source>
        <translation>弱势群体（残疾、重病等）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="120"/>
        <source>Minors and people aged 60 or over are recognised from the date of birth</source>
        <translation>未成年人和60岁以上老年人按出生日期自动识别</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="126"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="128"/>
        <source>Agent&apos;s phone</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="130"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="135"/>
        <source>Relation</source>
        <translation>与当事人关系</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="137"/>
        <source>Guardian&apos;s phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="143"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="178"/>
        <source>&amp;Organisation name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="180"/>
        <source>Registered address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="216"/>
        <source>Born {date}, {sex}, {age} years old</source>
        <translation>出生于 {date}，{sex}，{age}岁</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="224"/>
        <location filename="../../mediation_desk/ui/party_editor.py" line="260"/>
        <source>Not a date; type it as 2001-09-30</source>
        <translation>日期格式不正确，请按 2001-09-30 的格式填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="250"/>
        <source>Minor: enter the guardian</source>
        <translation>未成年人：请填写监护人</translation>
    </message>
</context>
<context>
    <name>RecordFactDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="317"/>
        <source>Record: {fact}</source>
        <translation>记录：{fact}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="319"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="323"/>
        <source>Recorded on {day}. Change the date, or withdraw the record if it was wrong.</source>
        <translation>已于 {day} 记录。可以修改日期；如记录有误，可以撤销。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="327"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="329"/>
        <source>&amp;Particulars (required)</source>
        <translation>具体情况（必填）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="330"/>
        <source>&amp;Withdraw this record (it was wrong)</source>
        <translation>撤销这条记录（记录有误）(&amp;W)</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="34"/>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="35"/>
        <source>&amp;Change grade</source>
        <translation>变更(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="39"/>
        <source>Now: {grade}</source>
        <translation>当前风险等级：{grade}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="44"/>
        <source>New &amp;grade</source>
        <translation>新的风险等级(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/risk_dialog.py" line="46"/>
        <source>&amp;Reason (required)</source>
        <translation>理由（必填）(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RiskMark</name>
    <message>
        <location filename="../../mediation_desk/ui/widgets.py" line="74"/>
        <source>Risk: {grade}</source>
        <translation>风险：{grade}</translation>
    </message>
</context>
<context>
    <name>RosterEntryDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="42"/>
        <source>Edit roster entry</source>
        <translation>修改名册人员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="42"/>
        <source>Add to the roster</source>
        <translation>添加名册人员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="58"/>
        <source>A&amp;ctive (offered for new work)</source>
        <translation>在用（可安排新的工作）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="61"/>
        <source>&amp;Name</source>
        <translation>姓名/名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="62"/>
        <source>&amp;Role</source>
        <translation>身份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="63"/>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="64"/>
        <source>&amp;Title</source>
        <translation>职务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="65"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="66"/>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_entry_dialog.py" line="77"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="37"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="38"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="39"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="40"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="41"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="42"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="90"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/roster_table_model.py" line="90"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="64"/>
        <source>Correct a screening entry</source>
        <translation>修改排查登记</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="65"/>
        <source>New screening entry</source>
        <translation>新增排查登记</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="76"/>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="94"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="85"/>
        <source>Head of household, or the door number</source>
        <translation>户主姓名或门牌号</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="104"/>
        <source>&amp;Found on</source>
        <translation>排查日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="105"/>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="106"/>
        <source>Grid &amp;worker</source>
        <translation>网格员(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="107"/>
        <source>&amp;Household</source>
        <translation>被排查住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="108"/>
        <source>A&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="109"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="110"/>
        <source>Hidden &amp;conflict found</source>
        <translation>发现的矛盾纠纷隐患(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="111"/>
        <source>Ca&amp;tegory (if known)</source>
        <translation>纠纷类别（如已明确）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="112"/>
        <source>&amp;Risk grade</source>
        <translation>风险等级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="113"/>
        <source>&amp;Action taken</source>
        <translation>处置措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="114"/>
        <source>Ha&amp;nded to</source>
        <translation>移交对象(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="115"/>
        <source>R&amp;emarks</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="125"/>
        <source>Required for red and orange risks, and when the action hands it over</source>
        <translation>红色、橙色风险或处置措施写明移交时必填</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="135"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="137"/>
        <source>Save the entry (Ctrl+Enter)</source>
        <translation>保存本条登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="196"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请按 2026-11-20 的格式填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="246"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="280"/>
        <source>%n problem(s) to fix before saving; nothing was saved.</source>
        <translation>
            <numerusform>有 %n 处需要修改，本次未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="307"/>
        <source>Discard what you have typed?</source>
        <translation>放弃已填写的内容吗？</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="308"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_dialog.py" line="309"/>
        <source>&amp;Keep editing</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
</context>
<context>
    <name>ScreeningLog</name>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="90"/>
        <source>Not yet a &amp;case</source>
        <translation>仅未转为案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="92"/>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="94"/>
        <source>Found &amp;from</source>
        <translation>排查日期从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="95"/>
        <source>t&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="95"/>
        <source>Gr&amp;id</source>
        <translation>网格(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="141"/>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="143"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="145"/>
        <source>&amp;Register as dispute…</source>
        <translation>转为案件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="148"/>
        <source>Open the intake form filled in from this entry; the new case keeps the link</source>
        <translation>按本条登记预填纠纷登记表，新案件保留与本条登记的关联</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="150"/>
        <source>Open &amp;linked case</source>
        <translation>打开关联案件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="173"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请按 2026-11-20 的格式填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="176"/>
        <source>The start date is after the end date</source>
        <translation>开始日期晚于结束日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="195"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="212"/>
        <source>The log could not be read</source>
        <translation>无法读取排查登记</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mediation_desk/ui/screening_log.py" line="223"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="237"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_log.py" line="329"/>
        <source>Register a dispute from the screening log</source>
        <translation>由排查登记转为案件</translation>
    </message>
</context>
<context>
    <name>ScreeningTableModel</name>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="51"/>
        <source>Found on</source>
        <translation>排查日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="52"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="53"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="54"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="55"/>
        <source>Hidden conflict found</source>
        <translation>发现的隐患</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="56"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="57"/>
        <source>Action taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="58"/>
        <source>Handed to</source>
        <translation>移交对象</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="59"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/screening_table_model.py" line="159"/>
        <source>not a case</source>
        <translation>未转案件</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="53"/>
        <source>Record a mediation session</source>
        <translation>记录调解</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="54"/>
        <source>&amp;Save session</source>
        <translation>保存笔录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="61"/>
        <source>Session {n} · {tier}</source>
        <translation>第{n}次调解 · {tier}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="69"/>
        <source>e.g. 09:30</source>
        <translation>如 09:30</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="71"/>
        <source>e.g. 11:00</source>
        <translation>如 11:00</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="73"/>
        <source>e.g. the station&apos;s mediation room</source>
        <translation>如 派出所调解室</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="82"/>
        <source>relatives, witnesses, interpreters…</source>
        <translation>亲属、证人、翻译等</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="92"/>
        <source>&amp;Date</source>
        <translation>调解日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="93"/>
        <source>S&amp;tart</source>
        <translation>开始时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="94"/>
        <source>&amp;End</source>
        <translation>结束时间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="95"/>
        <source>&amp;Place</source>
        <translation>调解地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="96"/>
        <source>&amp;Mediators and team present (from the roster)</source>
        <translation>参加调解的人员（从名册中选择）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="111"/>
        <source>P&amp;arties present</source>
        <translation>到场当事人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="113"/>
        <source>&amp;Others present</source>
        <translation>其他在场人员(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="98"/>
        <source>What the appli&amp;cant said</source>
        <translation>申请人陈述(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="100"/>
        <source>What the &amp;respondent said</source>
        <translation>被申请人陈述(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="102"/>
        <source>The mediator&apos;s proposa&amp;ls</source>
        <translation>调解员的调解意见(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="103"/>
        <source>O&amp;utcome of this session</source>
        <translation>本次调解结果(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="104"/>
        <source>&amp;Next session (required to continue)</source>
        <translation>下次调解日期（继续调解时必填）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="124"/>
        <source>The roster has nobody for {tier}. Add people under Roster &amp; settings.</source>
        <translation>名册中没有{tier}的人员，请在“名册与设置”中添加。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="139"/>
        <source>Not a date; type it as 2026-11-20</source>
        <translation>不是有效日期，请按 2026-11-20 的格式填写</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="180"/>
        <source>Discard the session record you have typed?</source>
        <translation>放弃已填写的调解笔录吗？</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="181"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/session_dialog.py" line="182"/>
        <source>&amp;Keep editing</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="65"/>
        <source>Roster and settings</source>
        <translation>名册与设置</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="72"/>
        <source>&amp;Roster</source>
        <translation>名册(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="73"/>
        <source>S&amp;tation</source>
        <translation>派出所设置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="104"/>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="106"/>
        <source>Station &amp;name</source>
        <translation>派出所名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="107"/>
        <source>S&amp;hort name (in case numbers)</source>
        <translation>简称（用于案号）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="109"/>
        <source>&amp;Mediation committee</source>
        <translation>人民调解委员会名称(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="115"/>
        <source>Tier thresholds</source>
        <translation>层级建议标准</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="117"/>
        <source>Tier 3 from an amount of (yuan)</source>
        <translation>三级：涉及金额达到（元）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="119"/>
        <source>Tier 3 from people on one side</source>
        <translation>三级：一方人数达到</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="121"/>
        <source>Tier 3 from workers owed wages</source>
        <translation>三级：欠薪人数达到</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="123"/>
        <source>Tier 2 from an amount of (yuan)</source>
        <translation>二级：涉及金额达到（元）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="125"/>
        <source>Tier 2 from number of parties</source>
        <translation>二级：当事人方数达到</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="127"/>
        <source>Mediation target (days)</source>
        <translation>调解期限（天）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="133"/>
        <source>Follow-ups and calendar</source>
        <translation>回访与日历</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="138"/>
        <source>Visit after settling, days (the day after each performance deadline is added)</source>
        <translation>调解成功后第几天回访（另在每个履行期限次日回访）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="145"/>
        <source>Calendar corrections, one per line: a date and 班 (working day) or 休 (day off), for years the holiday calendar does not know yet</source>
        <translation>日历更正，每行一条：日期加“班”（上班）或“休”（休息），用于节假日日历尚未收录的年份</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="156"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="189"/>
        <source>Case numbers will look like {example}</source>
        <translation>案号示例：{example}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="203"/>
        <source>Whole numbers of days, separated by commas: 3, 30</source>
        <translation>请填写整数天数，用逗号分隔：3, 30</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="213"/>
        <source>Not a number</source>
        <translation>请填写数字</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="234"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="264"/>
        <source>All roles</source>
        <translation>全部身份</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="267"/>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="271"/>
        <source>Include &amp;inactive</source>
        <translation>包括已停用(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="293"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="295"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="297"/>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="339"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/settings_dialog.py" line="338"/>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SideEditor</name>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="318"/>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="319"/>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="329"/>
        <source>Add &amp;applicant</source>
        <translation>添加申请人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/party_editor.py" line="330"/>
        <source>Add r&amp;espondent</source>
        <translation>添加被申请人(&amp;E)</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/tier_dialog.py" line="28"/>
        <source>Confirm or change the tier</source>
        <translation>确认/改选层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/tier_dialog.py" line="29"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/tier_dialog.py" line="38"/>
        <source>&amp;Tier</source>
        <translation>层级(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/tier_dialog.py" line="42"/>
        <source>Needed only when the tier differs from the suggestion</source>
        <translation>所选层级与系统建议不同时必填</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/tier_dialog.py" line="43"/>
        <source>&amp;Reason for another tier</source>
        <translation>改选理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TierSteps</name>
    <message>
        <location filename="../../mediation_desk/ui/tier_steps.py" line="72"/>
        <location filename="../../mediation_desk/ui/tier_steps.py" line="73"/>
        <source>current tier</source>
        <translation>当前层级</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/tier_steps.py" line="48"/>
        <source>▲ current tier</source>
        <translation>▲ 当前层级</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="188"/>
        <source>Record follow-up visit</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="189"/>
        <source>&amp;Save visit</source>
        <translation>保存回访(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="193"/>
        <source>Visit {seq}, due {due} ({basis})</source>
        <translation>第{seq}次回访，应于{due}（{basis}）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="208"/>
        <source>&amp;Date</source>
        <translation>回访日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="209"/>
        <source>&amp;Way</source>
        <translation>回访方式(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="210"/>
        <source>&amp;Who was visited</source>
        <translation>回访对象(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="211"/>
        <source>Who &amp;visited</source>
        <translation>回访人(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="217"/>
        <source>Performance of the agreement</source>
        <translation>协议履行情况</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="223"/>
        <source>The oral agreement</source>
        <translation>口头协议</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="227"/>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="245"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="231"/>
        <source> (due {date})</source>
        <translation>（{date}前）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="237"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="240"/>
        <source>With the mediation</source>
        <translation>对调解工作</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="253"/>
        <source>Signs of the &amp;conflict returning</source>
        <translation>矛盾有反复迹象(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="256"/>
        <source>What was seen</source>
        <translation>具体迹象</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="258"/>
        <source>New &amp;risks</source>
        <translation>新的风险隐患(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="260"/>
        <source>&amp;Action taken</source>
        <translation>采取措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="262"/>
        <source>Re&amp;marks</source>
        <translation>备注(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/followup_dialogs.py" line="263"/>
        <source>A term refused or the conflict back: after saving, you will be asked whether to mediate the case again.</source>
        <translation>如有约定事项被拒绝履行或矛盾反复，保存后将询问是否重新调解。</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="104"/>
        <source>Follow-up visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="109"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="109"/>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="109"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="109"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="110"/>
        <source>Visited</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="110"/>
        <source>Performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="110"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="120"/>
        <source>Record &amp;visit…</source>
        <translation>记录回访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="123"/>
        <source>Change &amp;date…</source>
        <translation>改期(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="126"/>
        <source>Cancel visit…</source>
        <translation>取消回访…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="129"/>
        <source>Add visit…</source>
        <translation>增加回访…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="132"/>
        <source>Mediate again on this visit…</source>
        <translation>据此重新调解…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/case_clocks.py" line="171"/>
        <source>Follow-up visits ({planned} planned of {total})</source>
        <translation>回访（共{total}次，待回访{planned}次）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../mediation_desk/app.py" line="98"/>
        <location filename="../../mediation_desk/app.py" line="105"/>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="101"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="106"/>
        <source>Mediation Desk could not open its database.</source>
        <translation>调解台无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="107"/>
        <source>Database: {path}
The details were written to the log file.</source>
        <translation>数据库：{path}
详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="116"/>
        <source>Writing demo disputes…</source>
        <translation>正在生成演示案件…</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="117"/>
        <source>Demo database</source>
        <translation>演示数据库</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/app.py" line="201"/>
        <source>Mediation Desk</source>
        <translation>调解台</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="72"/>
        <source>Wait a moment and try again. What you entered is still in the window.</source>
        <translation>请稍候再试，您填写的内容仍在窗口中。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="73"/>
        <source>Ask the administrator to check the database file&apos;s permissions.</source>
        <translation>请管理员检查数据库文件的权限。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="74"/>
        <source>Free some disk space, then try again.</source>
        <translation>请清理磁盘空间后再试。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="75"/>
        <source>Ask the administrator to restore the latest backup (mediation-desk db restore).</source>
        <translation>请管理员用最近的备份恢复（mediation-desk db restore）。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="77"/>
        <source>Install the newest version of Mediation Desk to open this database.</source>
        <translation>请安装最新版本的调解台后再打开这个数据库。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="78"/>
        <source>Try again. If it keeps failing, tell the administrator.</source>
        <translation>请重试；如果仍然失败，请告诉管理员。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="83"/>
        <location filename="../../mediation_desk/ui/errors.py" line="163"/>
        <source>Mediation Desk</source>
        <translation>调解台</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="89"/>
        <source>Close this window, open the case again and redo your change.</source>
        <translation>请关闭此窗口，重新打开案件后再修改一次。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="92"/>
        <source>It may have been removed. Press F5 to refresh the list.</source>
        <translation>该记录可能已不存在，请按 F5 刷新列表。</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="158"/>
        <source>The details were written to the log file:
{path}</source>
        <translation>详细信息已写入日志文件：
{path}</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/errors.py" line="164"/>
        <source>Sorry, something went wrong in the program. Saved data is not affected; what you were doing may not have been saved.</source>
        <translation>抱歉，程序出现了意外错误。已保存的数据不受影响，但刚才的操作可能没有保存。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="13"/>
        <source>Ownership dispute (land, forest, homestead)</source>
        <translation>确权纠纷（土地、山林、宅基地）</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="14"/>
        <source>Signs of a group petition</source>
        <translation>有群体上访苗头</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="15"/>
        <source>Signs of a group fight or violence</source>
        <translation>有群殴或暴力苗头</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="16"/>
        <source>Threat of self-harm or harm to others</source>
        <translation>扬言自伤或伤人</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="17"/>
        <source>Abnormal death</source>
        <translation>涉及非正常死亡</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="18"/>
        <source>Came back after an earlier settlement</source>
        <translation>曾调解后反复</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="23"/>
        <source>Workers owed wages</source>
        <translation>欠薪人数</translation>
    </message>
    <message>
        <location filename="../../mediation_desk/ui/labels.py" line="28"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
</TS>
