"""`mediation-desk`: opens the window, or runs a sub-command for admins and scripts.

Sub-commands never import Qt.  Every one takes `--database PATH-or-URL`.  A problem the
user can act on (an unknown case number, a locked database, a bad argument) prints one
line to stderr and exits non-zero; it never prints a traceback.  The JSON keys printed
here are a contract with scripts outside the repository: add keys, rename none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mediation_desk import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: 参数错误: {message}（用 --help 查看用法）\n")


def _database_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--database",
        metavar="PATH-or-URL",
        # Sub-parsers must not overwrite a --database given before the sub-command.
        default=None if top else argparse.SUPPRESS,
        help="SQLite file path or SQLAlchemy URL (default: the file in the user's data folder)",
    )


COMMANDS = ("db", "demo", "case", "document", "stats", "followups", "screening", "export")


def build_parser(*, window_only: bool = False) -> argparse.ArgumentParser:
    """The command line; `window_only` leaves out the sub-commands (opening the window
    needs only the top-level options, and start-up is timed to the millisecond)."""
    parser = _Parser(
        prog="mediation-desk",
        description="调解台 Mediation Desk. Without a sub-command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _database_option(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a separate demo database (filled with fake disputes on first use)",
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], default=None, help="UI language (default: zh_CN)"
    )
    if window_only:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    db = commands.add_parser("db", help="database: upgrade, current, check, backup, restore")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("upgrade", "bring the schema to this program's version (a copy is made first)"),
        ("current", "print the database's schema revision"),
        ("check", "check schema drift and file integrity"),
    ):
        sub = db_commands.add_parser(name, help=text)
        _database_option(sub)
        sub.add_argument("--json", action="store_true", help="print JSON")
    for name, text in (
        ("backup", "copy the live database to PATH (a file or a folder)"),
        ("restore", "replace the database with the backup at PATH (current one kept aside)"),
    ):
        sub = db_commands.add_parser(name, help=text)
        _database_option(sub)
        sub.add_argument("path", metavar="PATH", type=Path)
        sub.add_argument("--json", action="store_true", help="print JSON")

    demo = commands.add_parser("demo", help="fill a new database with realistic fake disputes")
    _database_option(demo)
    demo.add_argument("--cases", type=int, default=500, metavar="N", help="how many (default 500)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.add_argument("--json", action="store_true", help="print JSON")

    case = commands.add_parser("case", help="list or show disputes")
    case_commands = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    listing = case_commands.add_parser("list", help="list disputes (all matches unless --limit)")
    _database_option(listing)
    listing.add_argument("--search", default="", metavar="TEXT",
                         help="case number, party name, ID number or phone")
    listing.add_argument("--state", action="append", default=[], metavar="STATE",
                         help="e.g. in_mediation (repeatable)")
    listing.add_argument("--tier", action="append", default=[], type=int, choices=[1, 2, 3],
                         help="1, 2 or 3 (repeatable)")
    listing.add_argument("--limit", type=int, default=None, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = case_commands.add_parser("show", help="show one dispute")
    _database_option(show)
    show.add_argument("number", metavar="NUMBER", help="case number, e.g. （2026）潼川调字第0001号 or 2026-1")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--full", action="store_true",
                      help="show ID numbers and phones unmasked")

    document = commands.add_parser(
        "document", help="produce a case's document as PDF (kept with the case), or the "
                         "monthly report (document monthly-report --month YYYY-MM)")
    _database_option(document)
    document.add_argument("kind", metavar="KIND", choices=(*DOCUMENT_KINDS, "monthly-report"),
                          help=", ".join((*DOCUMENT_KINDS, "monthly-report")))
    document.add_argument("number", metavar="CASE-NUMBER", nargs="?",
                          help="case number, e.g. （2026）潼川调字第0001号 or 2026-1 "
                               "(not for monthly-report)")
    document.add_argument("--month", type=_month, metavar="YYYY-MM",
                          help="the month of the monthly report")
    document.add_argument("--analysis", metavar="TEXT", default="",
                          help="the leader's analysis printed in the monthly report "
                               "(default: a box to write in by hand)")
    document.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    document.add_argument("--session", type=int, metavar="N", help="only session N (session)")
    document.add_argument("--visit", type=int, metavar="N", help="only visit N (followup)")
    document.add_argument("--version", type=int, metavar="N",
                          help="agreement version N (agreement, oral-agreement; default: newest)")
    document.add_argument("--json", action="store_true", help="print JSON")

    stats = commands.add_parser("stats", help="the station's figures for a date range or a month")
    _database_option(stats)
    stats.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    stats.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    stats.add_argument("--month", type=_month, metavar="YYYY-MM")
    stats.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser("export", help="export the ledger (台账) as .xlsx or .csv")
    export_commands = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    ledger = export_commands.add_parser(
        "ledger", help="every dispute registered or accepted in the range, one row each")
    _database_option(ledger)
    ledger.add_argument("--from", dest="date_from", type=_iso_date, required=True,
                        metavar="YYYY-MM-DD")
    ledger.add_argument("--to", dest="date_to", type=_iso_date, required=True,
                        metavar="YYYY-MM-DD")
    ledger.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    ledger.add_argument("--unmasked", action="store_true",
                        help="write ID numbers and phones in full (default: masked)")
    ledger.add_argument("--json", action="store_true", help="print JSON")

    followups = commands.add_parser("followups", help="follow-up visits (回访)")
    followup_commands = followups.add_subparsers(
        dest="followups_command", metavar="ACTION", required=True
    )
    due = followup_commands.add_parser(
        "due", help="planned visits due on or before a date (default today), overdue first"
    )
    _database_option(due)
    due.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                     help="the day to list for (default: today)")
    due.add_argument("--json", action="store_true", help="print JSON")

    screening = commands.add_parser("screening", help="the grid screening log (排查登记)")
    screening_commands = screening.add_subparsers(
        dest="screening_command", metavar="ACTION", required=True
    )
    log = screening_commands.add_parser("list", help="lines found in a date range, newest first")
    _database_option(log)
    log.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    log.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    log.add_argument("--json", action="store_true", help="print JSON")
    return parser


DOCUMENT_KINDS = ("application", "register", "session", "agreement", "oral-agreement",
                  "followup", "case-file")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2026-11-23（收到 {text!r}）") from None


def _month(text: str) -> tuple[dt.date, dt.date]:
    from mediation_desk.domain.figures import month_range

    try:
        return month_range(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份应写成 YYYY-MM，例如 2026-10（收到 {text!r}）") from None


def _database(args: argparse.Namespace) -> str:
    if args.database:
        return args.database
    from mediation_desk import paths

    return str(paths.default_database_path())


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def main(argv: Sequence[str] | None = None) -> int:
    if argv is not None:  # called from Python (tests): the process goes on
        return _main(list(argv))
    try:
        return _main(sys.argv[1:])
    finally:
        # The process ends now.  Its objects are frozen, so that the collections run as
        # the interpreter finishes do not walk them all again (a third of a second after
        # a demo, for nothing).
        gc.freeze()


def _main(words: list[str]) -> int:
    window = not any(w in COMMANDS or w in ("-h", "--help") for w in words)
    parser = build_parser(window_only=window)
    args = parser.parse_args(words)
    if args.command is None:
        from mediation_desk.app import run_gui

        return run_gui(args)
    from mediation_desk.domain.errors import DomainError

    try:
        return _run(args)
    except DomainError as error:
        message = getattr(error, "message", None) or str(error)
        print(f"mediation-desk: {message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `mediation-desk case list | head`
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo" and args.cases >= 1:
        # The demo's worker processes start before anything heavy is imported here: they
        # import the same while this process opens the database (and they are ended
        # whatever happens).
        from mediation_desk.services import demo_workers

        with demo_workers.start(args.cases) as workers:
            return _run_opened(args, workers)
    return _run_opened(args, None)


def _run_opened(args: argparse.Namespace, workers) -> int:  # type: ignore[no-untyped-def]
    from mediation_desk.services.container import open_services

    if args.command == "db":
        migrate_first = args.db_command in ("upgrade", "backup")
        services = open_services(_database(args), migrate=migrate_first)
        try:
            return _db(args, services)
        finally:
            services.close()
    if args.command == "export":
        # Checked before the database is opened: a wrong argument touches nothing.
        problem = _export_problem(args)
        if problem:
            print(f"mediation-desk: {problem}", file=sys.stderr)
            return EXIT_USAGE
    services = open_services(_database(args))
    try:
        if args.command == "demo":
            return _demo(args, services, workers)
        if args.command == "case":
            return _case(args, services)
        if args.command == "followups":
            return _followups(args, services)
        if args.command == "document":
            return _document(args, services)
        if args.command == "stats":
            return _stats(args, services)
        if args.command == "screening":
            return _screening(args, services)
        if args.command == "export":
            return _export(args, services)
    finally:
        services.close()
    raise AssertionError(args.command)


def _db(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    action = args.db_command
    if action == "upgrade":
        result = services.upgrade
        data = {
            "from": result.from_revision,
            "to": result.to_revision,
            "upgraded": result.upgraded,
            "backup": str(result.backup) if result.backup else None,
        }
        if args.json:
            _print_json(data)
        elif result.upgraded:
            print(f"upgraded {result.from_revision or '(empty)'} -> {result.to_revision}"
                  + (f"; copy kept at {result.backup}" if result.backup else ""))
        else:
            print(f"already at {result.to_revision}")
        return EXIT_OK
    if action == "current":
        revision = services.maintenance.current()
        if args.json:
            _print_json({"revision": revision})
        else:
            print(revision or "(empty database)")
        return EXIT_OK
    if action == "check":
        report = services.maintenance.check()
        if args.json:
            _print_json(report.as_json())
        else:
            print(f"revision {report.revision} (head {report.head})")
            for line in report.schema_differences:
                print(f"schema: {line}")
            for line in report.integrity_problems:
                print(f"integrity: {line}")
            print("ok" if report.ok else "problems found")
        return EXIT_OK if report.ok else EXIT_FAILED
    if action == "backup":
        path = services.maintenance.backup(args.path)
        _print_json({"backup": str(path)}) if args.json else print(path)
        return EXIT_OK
    if action == "restore":
        aside = services.maintenance.restore(args.path)
        if args.json:
            _print_json({"restored_from": str(args.path), "previous_copy": str(aside)})
        else:
            print(f"restored from {args.path}; the previous database is kept at {aside}")
        return EXIT_OK
    raise AssertionError(action)


def _demo(args: argparse.Namespace, services, workers) -> int:  # type: ignore[no-untyped-def]
    import time

    from mediation_desk.services.demo import generate_demo

    if args.cases < 1:
        print("mediation-desk: --cases 应为正整数", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    summary = generate_demo(services, cases=args.cases, seed=args.seed, progress=progress,
                            workers=workers)
    seconds = time.perf_counter() - started
    if args.json:
        _print_json({"cases": summary.cases, "parties": summary.parties,
                     "events": summary.events, "seconds": round(seconds, 2)})
    else:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"{summary.cases} demo disputes written in {seconds:.1f} s")
    return EXIT_OK


def _case(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    from mediation_desk.domain.vocabulary import DisputeState, Tier
    from mediation_desk.services.dto import CaseFilter

    if args.case_command == "list":
        try:
            states = frozenset(DisputeState(s) for s in args.state)
        except ValueError:
            allowed = ", ".join(s.value for s in DisputeState)
            print(f"mediation-desk: 未知的状态 {args.state}；可用: {allowed}", file=sys.stderr)
            return EXIT_USAGE
        if args.limit is not None and args.limit < 0:
            print("mediation-desk: --limit 不能为负数", file=sys.stderr)
            return EXIT_USAGE
        filters = CaseFilter(
            states=states, tiers=frozenset(Tier(t) for t in args.tier), search=args.search
        )
        ids = services.cases.list_ids(filters=filters, limit=args.limit)
        rows = []
        for start in range(0, len(ids), 500):
            rows += services.cases.rows(ids[start : start + 500])
        if args.json:
            _print_json([row.as_json() for row in rows])
        else:
            for row in rows:
                day = row.accepted_on or row.registered_on
                print(f"{row.number}\t{row.parties}\t{row.category.label}\t{row.tier.short_label}"
                      f"\t{row.state.label}\t{row.risk.label}\t{day:%Y-%m-%d}\t{row.mediator}")
            print(f"{len(rows)} disputes", file=sys.stderr)
        return EXIT_OK
    if args.case_command == "show":
        detail = services.cases.find_by_number(args.number)
        if args.json:
            _print_json(detail.as_json(masked=not args.full))
        else:
            data = detail.as_json(masked=not args.full)
            print(f"{detail.number}  {detail.row.parties}")
            print(f"  {detail.row.category.label} · {detail.row.tier.label} · "
                  f"{detail.row.state.label} · 风险{detail.row.risk.label}")
            for p in data["parties"]:  # type: ignore[union-attr]
                print(f"  [{p['side']}] {p['name']} {p['id_number']} {p['phone']}")
            for s in detail.sessions:
                names = "、".join(p.name for p in s.participants)
                print(f"  第{s.seq}次调解 {s.held_on:%Y-%m-%d} {s.tier.short_label} "
                      f"{s.outcome_label}（{names}）")
            for e in detail.events:
                move = e.kind.label
                if e.from_tier and e.to_tier and e.from_tier != e.to_tier:
                    move += f" {e.from_tier.short_label}→{e.to_tier.short_label}"
                print(f"  {e.at:%Y-%m-%d %H:%M} {move} {e.reason} {e.by}")
        return EXIT_OK
    raise AssertionError(args.case_command)


def _followups(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    visits = services.followups.due(args.date)
    if args.json:
        _print_json([v.as_json() for v in visits])
        return EXIT_OK
    for v in visits:
        late = f"超期{v.overdue_days}天" if v.overdue_days else "今天"
        people = "、".join(f"{p.name} {p.phone}".strip() for p in v.parties)
        print(f"{v.case_number}\t第{v.seq}次回访\t{v.due:%Y-%m-%d}（{late}）\t{people}")
    print(f"{len(visits)} visits due", file=sys.stderr)
    return EXIT_OK


def _screening(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    from mediation_desk.services.dto import ScreeningFilter

    entries = services.screening.list(
        ScreeningFilter(date_from=args.date_from, date_to=args.date_to)
    )
    if args.json:
        _print_json([e.as_json() for e in entries])
        return EXIT_OK
    for e in entries:
        print("\t".join([f"{e.found_on:%Y-%m-%d}", e.grid, e.grid_worker, e.household,
                         e.risk.label, " ".join(e.conflict.split()), e.handed_to,
                         e.case_number or ""]))
    print(f"{len(entries)} screening entries", file=sys.stderr)
    return EXIT_OK


def _document(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    from mediation_desk.documents import DocumentKind
    from mediation_desk.domain.errors import NotFound

    if args.kind == "monthly-report":
        return _monthly_report(args, services)
    if args.number is None:
        print("mediation-desk: 请给出案号", file=sys.stderr)
        return EXIT_USAGE
    if args.month:
        print("mediation-desk: --month 只用于 monthly-report", file=sys.stderr)
        return EXIT_USAGE
    case = services.cases.find_by_number(args.number)
    kind = DocumentKind(args.kind)
    ref_id = None
    if args.session is not None:
        if kind is not DocumentKind.SESSION:
            print("mediation-desk: --session 只用于 session", file=sys.stderr)
            return EXIT_USAGE
        found = next((s for s in case.sessions if s.seq == args.session), None)
        if found is None:
            raise NotFound(f"本案没有第{args.session}次调解记录")
        ref_id = found.id
    if args.visit is not None:
        if kind is not DocumentKind.FOLLOWUP:
            print("mediation-desk: --visit 只用于 followup", file=sys.stderr)
            return EXIT_USAGE
        found_visit = next((v for v in case.visits if v.seq == args.visit), None)
        if found_visit is None:
            raise NotFound(f"本案没有第{args.visit}次回访")
        ref_id = found_visit.id
    if args.version is not None:
        if kind not in (DocumentKind.AGREEMENT, DocumentKind.ORAL_AGREEMENT):
            print("mediation-desk: --version 只用于 agreement 和 oral-agreement", file=sys.stderr)
            return EXIT_USAGE
        found_agreement = next((a for a in case.agreements if a.version == args.version), None)
        if found_agreement is None:
            raise NotFound(f"本案没有第{args.version}版调解协议")
        ref_id = found_agreement.id
    info, content = services.documents.produce(
        dispute_id=case.id, kind=kind, ref_id=ref_id, by=_os_user()
    )
    try:
        args.output.write_bytes(content)
    except OSError as error:
        print(f"mediation-desk: 无法写入 {args.output}：{error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        _print_json({"file": str(args.output), "case": case.number, "kind": kind.value,
                     "pages": info.pages, "sha256": info.sha256, "bytes": info.size,
                     "stored_id": info.id})
    else:
        print(f"{args.output}: {info.title}，{info.pages}页，SHA-256 {info.sha256}")
    return EXIT_OK


def _monthly_report(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    if not args.month:
        print("mediation-desk: monthly-report 需要 --month YYYY-MM", file=sys.stderr)
        return EXIT_USAGE
    if args.number is not None:
        print("mediation-desk: monthly-report 不需要案号", file=sys.stderr)
        return EXIT_USAGE
    report = services.stats.monthly_report(f"{args.month[0]:%Y-%m}", analysis=args.analysis)
    pdf = services.documents.monthly_report(report)
    try:
        args.output.write_bytes(pdf.content)
    except OSError as error:
        print(f"mediation-desk: 无法写入 {args.output}：{error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        _print_json({"file": str(args.output), "kind": "monthly-report", "month": report.month,
                     "pages": pdf.pages, "code": pdf.code, "bytes": len(pdf.content),
                     "received": report.current.totals.received,
                     "open_risks": len(report.open_risks)})
    else:
        print(f"{args.output}: {pdf.title}（{report.month}），{pdf.pages}页")
    return EXIT_OK


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return ""


def _stats(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    if args.month and (args.date_from or args.date_to):
        print("mediation-desk: --month 与 --from/--to 只能选一种", file=sys.stderr)
        return EXIT_USAGE
    if args.month:
        date_from, date_to = args.month
    elif args.date_from and args.date_to:
        date_from, date_to = args.date_from, args.date_to
    else:
        print("mediation-desk: 请给出 --from 和 --to，或 --month", file=sys.stderr)
        return EXIT_USAGE
    if date_to < date_from:
        print("mediation-desk: --to 早于 --from", file=sys.stderr)
        return EXIT_USAGE
    result = services.stats.figures(date_from, date_to)
    if args.json:
        _print_json(result.as_json())
        return EXIT_OK
    t = result.totals
    rate = "—" if t.success_rate is None else f"{t.success_rate}%"
    print(f"{date_from} — {date_to}")
    print(f"  受理 {t.received}  调解 {t.mediated}  成功 {t.settled}  不成 {t.failed}  "
          f"成功率 {rate}")
    print(f"  不予受理 {t.declined}  撤回 {t.withdrawn}  移送 {t.referred}  反复 {result.recurrences}")
    print(f"  协议履行完毕 {t.performed}  司法确认 {t.judicial}  民转刑 {t.criminal}  "
          f"防止群体性事件 {t.group_prevented}")
    moves = "  ".join(f"{pair} {n}" for pair, n in result.escalations.items()) or "无"
    print(f"  升降级：{moves}")
    print(f"  回访：应回访 {result.followups_due}  已回访 {result.followups_done}  "
          f"超期 {result.followups_overdue}  涉及金额 {result.amount_involved}元")
    return EXIT_OK


def _export_problem(args: argparse.Namespace) -> str:
    from mediation_desk.domain.errors import ValidationError
    from mediation_desk.services.ledger import ledger_format

    if args.date_to < args.date_from:
        return "--to 早于 --from"
    try:
        ledger_format(args.output)
    except ValidationError as error:
        return error.message
    return ""


def _export(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = services.ledger.export(args.date_from, args.date_to, args.output,
                                    masked=not args.unmasked, report=progress)
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        _print_json(result.as_json())
    else:
        print(f"{result.rows} rows -> {result.path}")
    return EXIT_OK
