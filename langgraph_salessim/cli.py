"""The `salessim` command line."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langgraph_salessim.builtin import builtin_data_dir, load_builtin_catalog
from langgraph_salessim.formats import DataError, load_catalog, load_personas
from langgraph_salessim.graph import DEFAULT_MAX_TURNS
from langgraph_salessim.report import format_summary, summarize
from langgraph_salessim.results import package_version, read_results
from langgraph_salessim.runner import finished_ids, run_conversations


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="salessim", description="Simulate and score retail sales conversations.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a benchmark (offline agents by default) and print its summary")
    run.add_argument("--personas", type=Path, help="persona file (JSON/JSONL: ours, SalesSim v1 or v0)")
    run.add_argument("--catalog", type=Path, help="catalog file (ours or SalesSim product JSON)")
    run.add_argument("--out", type=Path, help="output directory (default: salessim-results/run-<time>)")
    run.add_argument("--resume", action="store_true", help="continue the run in --out, skipping finished ones")
    run.add_argument("--concurrency", type=int, default=8, help="conversations in flight at once")
    run.add_argument("--trials", type=int, default=1, help="conversations per persona")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--max-turns", type=int, default=DEFAULT_MAX_TURNS, help="shopper turn cap")
    run.add_argument("--limit", type=int, help="only the first N personas")
    run.add_argument("--quiet", action="store_true", help="no per-conversation progress lines")
    summary = sub.add_parser("summary", help="print the summary of a results directory or file")
    summary.add_argument("path", type=Path)
    return parser


def _cmd_run(args: argparse.Namespace) -> int:
    if args.catalog is not None and args.personas is None:
        raise DataError("--catalog needs --personas: the built-in personas belong to the built-in catalog")
    catalog_path = args.catalog or builtin_data_dir() / "catalog.json"
    personas_path = args.personas or builtin_data_dir() / "personas.jsonl"
    catalog = load_catalog(catalog_path) if args.catalog else load_builtin_catalog()
    personas = load_personas(personas_path, catalog=catalog)
    if args.limit is not None:
        personas = personas[: args.limit]
    if not personas:
        raise DataError(f"{personas_path}: no personas to run")
    if args.out is None:
        if args.resume:
            raise DataError("--resume needs --out DIR naming the run to continue")
        args.out = Path("salessim-results") / time.strftime("run-%Y%m%d-%H%M%S")
    args.out.mkdir(parents=True, exist_ok=True)
    results = args.out / "results.jsonl"
    skip = finished_ids(results)
    if skip and not args.resume:
        print(f"salessim: {results} already holds {len(skip)} conversations; use --resume to continue it "
              "or choose another --out", file=sys.stderr)
        return 2
    config: dict[str, Any] = {
        "package_version": package_version(),
        "personas": {"path": str(personas_path), "sha256": _file_hash(personas_path), "count": len(personas)},
        "catalog": {"path": str(catalog_path), "sha256": _file_hash(catalog_path)},
        "shopper": "offline-agenda", "sales_agent": "offline-retrieval",
        "trials": args.trials, "seed": args.seed, "concurrency": args.concurrency, "max_turns": args.max_turns,
    }
    (args.out / "run.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    total = len(personas) * args.trials - len(skip)
    done = 0

    def progress(record: dict[str, Any]) -> None:
        nonlocal done
        done += 1
        if not args.quiet:
            score = next((s for s in record["scores"] if s["name"] == "decision_alignment"), None)
            label = score["label"] if score else "-"
            print(f"[{done}/{total}] {record['conversation_id']}: {record['outcome']} ({label})", file=sys.stderr)

    asyncio.run(run_conversations(
        personas, catalog=catalog, trials=args.trials, seed=args.seed, concurrency=args.concurrency,
        max_turns=args.max_turns, out=results, skip=skip, on_result=progress,
    ))
    print(f"results: {results}")
    print(format_summary(summarize(read_results(results))))
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    path = args.path / "results.jsonl" if args.path.is_dir() else args.path
    print(format_summary(summarize(read_results(path))))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `salessim` command."""
    args = _parser().parse_args(argv)
    try:
        return {"run": _cmd_run, "summary": _cmd_summary}[args.command](args)
    except (DataError, FileNotFoundError) as err:
        print(f"salessim: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
