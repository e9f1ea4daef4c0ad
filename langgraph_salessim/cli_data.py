"""`salessim data`: validate data files, print their statistics, generate personas for a catalog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from langgraph_salessim.data_commands import format_stats, generate_personas_file, stats_for_files, validate_files
from langgraph_salessim.formats import load_catalog


def add_data_parser(sub: Any) -> None:
    """Add the `data` command and its subcommands to the top-level subparsers."""
    data = sub.add_parser("data", help="validate data files, print statistics, generate personas")
    verbs = data.add_subparsers(dest="data_command", required=True)
    validate = verbs.add_parser("validate", help="check catalog and persona files (ours or official SalesSim)")
    validate.add_argument("files", type=Path, nargs="+")
    validate.add_argument("--catalog", type=Path, help="catalog to check persona files against")
    stats = verbs.add_parser("stats", help="products and personas per category, ground-truth spread")
    stats.add_argument("--catalog", type=Path, help="catalog file (default: the built-in data)")
    stats.add_argument("--personas", type=Path, nargs="*", default=[], help="persona files")
    personas = verbs.add_parser("personas", help="generate personas with ground truth for any catalog")
    personas.add_argument("--catalog", type=Path, required=True)
    personas.add_argument("-n", type=int, required=True, help="number of personas")
    personas.add_argument("--infeasible-share", type=float, default=0.2,
                          help="share of personas nothing in the catalog fits (default 0.2)")
    personas.add_argument("--seed", type=int, default=0)
    personas.add_argument("--category", help="only this category")
    personas.add_argument("--out", type=Path, required=True, help="JSONL file to write")


def cmd_data(args: argparse.Namespace) -> int:
    """Run a `salessim data` subcommand."""
    if args.data_command == "validate":
        catalog = load_catalog(args.catalog) if args.catalog else None
        problems = validate_files(args.files, catalog=catalog)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(args.files)} file(s) checked, {len(problems)} problem(s)")
        return 1 if problems else 0
    if args.data_command == "stats":
        print(format_stats(stats_for_files(args.catalog, args.personas)))
        return 0
    made = generate_personas_file(args.catalog, args.out, n=args.n, infeasible_share=args.infeasible_share,
                                  seed=args.seed, category=args.category)
    empty = sum(1 for p in made if p.acceptable_products == [])
    print(f"wrote {len(made)} personas to {args.out} ({empty} with no acceptable product)")
    return 0
