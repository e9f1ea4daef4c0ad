"""The `salessim` command line."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import importlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from langgraph_salessim.bot_adapter import create_bot_sales_agent
from langgraph_salessim.builtin import BUILTIN_CATEGORIES, load_builtin_catalog, load_builtin_personas
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.cli_data import add_data_parser, cmd_data
from langgraph_salessim.cli_export import add_export_parser, cmd_export
from langgraph_salessim.evaluation import corpus_summary, format_corpus_summary, load_human_reference
from langgraph_salessim.formats import DataError, load_catalog, load_personas
from langgraph_salessim.graph import DEFAULT_MAX_TURNS, as_sales_seat, as_shopper_seat
from langgraph_salessim.llm_judges import llm_judge_score
from langgraph_salessim.models import create_chat_model
from langgraph_salessim.personas import Persona, persona_hash
from langgraph_salessim.report import format_summary, markdown_report, summarize
from langgraph_salessim.report_html import render_html_report
from langgraph_salessim.rescore import load_any_results, rescore_records
from langgraph_salessim.results import package_version, read_results
from langgraph_salessim.runner import describe_seat, finished_ids, run_conversations
from langgraph_salessim.sales_agent import create_sales_agent
from langgraph_salessim.seats import SalesAgent, Shopper
from langgraph_salessim.server_executor import ServerExecutor
from langgraph_salessim.shopper import create_shopper


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _run_data(args: argparse.Namespace) -> tuple[Catalog, list[Persona], str]:
    """The catalog and personas a run uses, and where the personas came from."""
    if args.catalog is not None and args.personas is None:
        raise DataError("--catalog needs --personas: the built-in personas belong to the built-in catalog")
    catalog = load_catalog(args.catalog) if args.catalog else load_builtin_catalog()
    if args.personas is not None:
        personas, source = load_personas(args.personas, catalog=catalog), str(args.personas)
    else:
        category = None if args.category == "all" else args.category
        personas, source = load_builtin_personas(category), f"built-in:{args.category}"
    if args.limit is not None:
        personas = personas[: args.limit]
    if not personas:
        raise DataError(f"{source}: no personas to run")
    return catalog, personas, source


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="salessim", description="Simulate and score retail sales conversations.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a benchmark (offline agents by default) and print its summary")
    run.add_argument("--personas", type=Path, help="persona file (JSON/JSONL: ours, SalesSim v1 or v0)")
    run.add_argument("--category", choices=["all", *BUILTIN_CATEGORIES], default="all",
                     help="built-in personas to run (default: all categories)")
    run.add_argument("--catalog", type=Path, help="catalog file (ours or SalesSim product JSON)")
    run.add_argument("--out", type=Path, help="output directory (default: salessim-results/run-<time>)")
    run.add_argument("--resume", action="store_true", help="continue the run in --out, skipping finished ones")
    run.add_argument("--concurrency", type=int, default=8, help="conversations in flight at once")
    run.add_argument("--workers", type=int, default=1,
                     help="worker processes to spread conversations over (fork; --concurrency is split among them)")
    run.add_argument("--trials", type=int, default=1, help="conversations per persona")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--max-turns", type=int, default=DEFAULT_MAX_TURNS, help="shopper turn cap")
    run.add_argument("--limit", type=int, help="only the first N personas")
    run.add_argument("--quiet", action="store_true", help="no per-conversation progress lines")
    run.add_argument("--server", help="run every conversation on a LangGraph Agent Server at this URL "
                     "(e.g. `langgraph dev`); the server's graph decides the seats")
    run.add_argument("--graph", default="salessim", help="graph id on --server (default: salessim)")
    run.add_argument("--prices", type=Path, help='JSON of US dollars per million tokens by model name: '
                     '{"gpt-4o-mini": {"input": 0.15, "output": 0.6}}; adds cost_usd to each result')
    run.add_argument("--max-cost", type=float, help="stop starting conversations once they cost this many dollars")
    run.add_argument("--token-budget", type=int,
                     help="stop starting conversations once this many model tokens were used (resume later)")
    models = run.add_argument_group("models (default: the offline agents)")
    models.add_argument("--shopper-model", help="shopper chat model, e.g. openai:gpt-4o-mini")
    models.add_argument("--sales-model", help="sales agent chat model, e.g. openai:gpt-4o")
    models.add_argument("--sales-agent", help="your own sales bot: module.path:object (a compiled graph, "
                        "RemoteGraph, Runnable or callable)")
    models.add_argument("--bot-timeout", type=float, default=120.0, help="seconds to wait for one bot turn")
    models.add_argument("--base-url", help="OpenAI-compatible server for both models (vLLM, Ollama, ...)")
    models.add_argument("--shopper-base-url", help="server for the shopper model (overrides --base-url)")
    models.add_argument("--sales-base-url", help="server for the sales model (overrides --base-url)")
    models.add_argument("--api-key-env", help="environment variable holding the API key (default OPENAI_API_KEY)")
    models.add_argument("--temperature", type=float, help="sampling temperature of both models")
    models.add_argument("--max-tokens", type=int, help="cap on tokens per model reply")
    models.add_argument("--shopper-variant", choices=["default", "human_steering", "v0"], default="default")
    models.add_argument("--sales-variant", choices=["default", "pushy"], default="default")
    models.add_argument("--pushy-target", help="product (name or id) the pushy sales agent sells")
    models.add_argument("--image-mode", choices=["image", "caption", "none"], default="image",
                        help="how product images reach the shopper model (caption: for text-only models)")
    models.add_argument("--no-images", action="store_true",
                        help="do not attach images of recommended products to salesperson turns")
    add_data_parser(sub)
    add_export_parser(sub)
    report = sub.add_parser("report", help="Markdown summary of one or more runs side by side")
    report.add_argument("runs", type=Path, nargs="+", help="run directories or results files")
    report.add_argument("--md", type=Path, help="also write the Markdown to this file")
    report.add_argument("--html", type=Path, help="also write a self-contained HTML report to this file")
    report.add_argument("--human", type=Path, help="human reference for --html (SalesSim's per-dialogue features)")
    report.add_argument("--catalog", type=Path, help="catalog for --html product names and images (default: built-in)")
    summary = sub.add_parser("summary", help="print the summary of a results directory or file")
    summary.add_argument("path", type=Path)
    ev = sub.add_parser("eval", help="re-score a results file (ours or official SalesSim) without re-simulating")
    ev.add_argument("path", type=Path, help="results.jsonl (or its run directory), or an official results file")
    ev.add_argument("--catalog", type=Path, help="catalog for product checks (default: the built-in one)")
    ev.add_argument("--metrics", help="comma-separated metric names (default: all)")
    ev.add_argument("--human", type=Path, help="human reference: SalesSim's per-dialogue features JSON")
    ev.add_argument("--out", type=Path, help="scored results file (default: <path>.scored.jsonl)")
    ev.add_argument("--seed", type=int, default=0, help="seed of the bootstrap")
    ev.add_argument("--judge-model", help="also run the LLM judges with this model, e.g. openai:gpt-4o-mini")
    ev.add_argument("--judges", default="comprehension,dealbreakers,decision,big_five",
                    help="LLM judges to run with --judge-model")
    ev.add_argument("--judge-samples", type=int, default=3, help="verdicts per conversation and judge (mode)")
    ev.add_argument("--base-url", help="OpenAI-compatible server for the judge model")
    ev.add_argument("--api-key-env", help="environment variable holding the judge model's API key")
    return parser


def _cmd_run(args: argparse.Namespace) -> int:
    catalog, personas, source = _run_data(args)
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
    # on a server its graph plays the seats; nothing model-related is built (or keyed) here
    shopper, sales_agent = (as_shopper_seat(None, catalog), as_sales_seat(None, catalog)) if args.server \
        else _seats(args, catalog)
    config: dict[str, Any] = {
        "package_version": package_version(),
        "personas": {"source": source, "count": len(personas),
                     "sha256": _sha256("\n".join(persona_hash(p) for p in personas))},
        "catalog": {"source": str(args.catalog or "built-in"), "products": len(catalog.products),
                    "sha256": _sha256(catalog.model_dump_json())},
        "shopper": describe_seat(shopper), "sales_agent": describe_seat(sales_agent),
        "trials": args.trials, "seed": args.seed, "concurrency": args.concurrency, "max_turns": args.max_turns,
        "attach_images": not args.no_images,
    }
    if args.server:  # the server's graph plays the seats, with the models asked for in its context
        config["shopper"] = config["sales_agent"] = {"server": args.server, "graph_id": args.graph,
                                                      "context": _server_context(args)}
    (args.out / "run.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    total = len(personas) * args.trials - len(skip)
    done = 0

    outcomes: Counter[str] = Counter()
    started = time.monotonic()

    def progress(record: dict[str, Any]) -> None:
        nonlocal done
        done += 1
        outcomes[record["outcome"] or "unknown"] += 1
        if args.quiet:
            return
        elapsed = time.monotonic() - started
        eta = elapsed / done * (total - done)
        so_far = " ".join(f"{k}={v}" for k, v in sorted(outcomes.items()))
        line = f"[{done}/{total}] {so_far} | {elapsed:.0f}s elapsed, eta {eta:.0f}s"
        if sys.stderr.isatty():  # one line redrawn in place; a log gets one line per conversation
            print(f"\r{line}", end="\n" if done == total else "", file=sys.stderr, flush=True)
        else:
            print(f"{line} | {record['conversation_id']}", file=sys.stderr)

    asyncio.run(run_conversations(
        personas, catalog=catalog, shopper=shopper, sales_agent=sales_agent, trials=args.trials, seed=args.seed,
        concurrency=args.concurrency, max_turns=args.max_turns, attach_images=not args.no_images, out=results,
        skip=skip, on_result=progress, token_budget=args.token_budget, max_cost=args.max_cost, workers=args.workers,
        prices=json.loads(args.prices.read_text(encoding="utf-8")) if args.prices else None,
        executor=ServerExecutor(url=args.server, graph_id=args.graph, context=_server_context(args))
        if args.server else None,
    ))
    if done < total:
        print(f"salessim: budget reached after {done} of {total} conversations; "
              f"continue with --resume --out {args.out}", file=sys.stderr)
    print(f"results: {results}")
    print(format_summary(summarize(read_results(results))))
    return 0


def _seats(args: argparse.Namespace, catalog: Catalog) -> tuple[Shopper, SalesAgent]:
    """The seats the flags ask for: LLM seats for given models, the offline agents otherwise."""
    def model(spec: str, base_url: str | None) -> BaseChatModel:
        return create_chat_model(spec, base_url=base_url or args.base_url, api_key_env=args.api_key_env,
                                 temperature=args.temperature, max_tokens=args.max_tokens)

    shopper = (create_shopper(model(args.shopper_model, args.shopper_base_url), catalog=catalog,
                              variant=args.shopper_variant, image_mode=args.image_mode)
               if args.shopper_model else None)
    if args.sales_variant == "pushy" and not args.sales_model:
        raise DataError("--sales-variant pushy needs --sales-model")
    if args.sales_agent and args.sales_model:
        raise DataError("choose one of --sales-agent and --sales-model")
    sales: Any = (create_sales_agent(model(args.sales_model, args.sales_base_url), catalog=catalog,
                                     variant=args.sales_variant, target=args.pushy_target)
                  if args.sales_model else None)
    if args.sales_agent:
        sales = create_bot_sales_agent(_import_object(args.sales_agent), timeout=args.bot_timeout)
    return as_shopper_seat(shopper, catalog), as_sales_seat(sales, catalog)


def _server_context(args: argparse.Namespace) -> dict[str, Any]:
    """Model choices for the server's graph (its `Context`); the server uses its own API keys."""
    chosen = {"shopper_model": args.shopper_model, "sales_model": args.sales_model, "base_url": args.base_url,
              "shopper_variant": args.shopper_variant if args.shopper_variant != "default" else None}
    return {k: v for k, v in chosen.items() if v is not None}


def _import_object(spec: str) -> Any:
    """`package.module:attribute`, imported with the working directory on the path."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise DataError(f"--sales-agent {spec!r}: expected 'module.path:object'")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attr.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as err:
        raise DataError(f"--sales-agent {spec!r}: {err}") from None
    return obj


def _cmd_report(args: argparse.Namespace) -> int:
    runs = {}
    for path in args.runs:
        name = path.name if path.is_dir() else path.stem
        runs[name if name not in runs else str(path)] = load_any_results(path)
    print_md = markdown_report(runs)
    print(print_md)
    if args.md:
        args.md.write_text(print_md + "\n", encoding="utf-8")
    if args.html:
        catalog = load_catalog(args.catalog) if args.catalog else load_builtin_catalog()
        human = load_human_reference(args.human) if args.human else None
        args.html.write_text(render_html_report(runs, human=human, catalog=catalog), encoding="utf-8")
        print(f"html report: {args.html}", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    path = args.path / "results.jsonl" if args.path.is_dir() else args.path
    print(format_summary(summarize(read_results(path))))
    return 0


async def _llm_scores(conv: Any, model: BaseChatModel, kinds: list[str], samples: int) -> list[Any]:
    return list(await asyncio.gather(*(llm_judge_score(conv, model, kind=k, samples=samples)  # type: ignore[arg-type]
                                       for k in kinds)))


def _cmd_eval(args: argparse.Namespace) -> int:
    source = args.path / "results.jsonl" if args.path.is_dir() else args.path
    records = load_any_results(source)
    catalog = load_catalog(args.catalog) if args.catalog else load_builtin_catalog()
    metrics = [m.strip() for m in args.metrics.split(",")] if args.metrics else None
    human = load_human_reference(args.human) if args.human else None
    out = args.out or source.with_name(source.stem + ".scored.jsonl")
    judge = None
    if args.judge_model:
        judge = create_chat_model(args.judge_model, base_url=args.base_url, api_key_env=args.api_key_env)
    kinds = [k.strip() for k in args.judges.split(",") if k.strip()]
    scored = []
    with out.open("w", encoding="utf-8") as fh:
        for record, conv in rescore_records(records, catalog=catalog, metrics=metrics):
            if judge is not None:
                extra = asyncio.run(_llm_scores(conv, judge, kinds, args.judge_samples))
                names = {s["name"] for s in extra}
                record["scores"] = [s for s in record["scores"] if s["name"] not in names] + extra
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            scored.append((conv, [s for s in record["scores"]
                                  if metrics is None or s["name"] in metrics or s["name"].startswith("llm_")]))
    print(f"scored: {out}")
    print(format_corpus_summary(corpus_summary(scored, seed=args.seed, human=human)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `salessim` command."""
    args = _parser().parse_args(argv)
    try:
        commands = {"run": _cmd_run, "summary": _cmd_summary, "eval": _cmd_eval, "data": cmd_data,
                    "report": _cmd_report, "export": cmd_export}
        return commands[args.command](args)
    except (DataError, FileNotFoundError, ValueError) as err:
        print(f"salessim: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
