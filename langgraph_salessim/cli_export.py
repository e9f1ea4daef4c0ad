"""`salessim export`: results files to training data for a shopper model (SFT chats, DPO pairs)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from langgraph_salessim.export import VARIANTS, export_results
from langgraph_salessim.rewards import HUMAN_REFERENCE


def add_export_parser(sub: Any) -> None:
    """Add the `export` command to the top-level subparsers."""
    export = sub.add_parser("export", help="turn results files into SFT or preference (DPO) JSONL for a shopper")
    export.add_argument("--format", choices=["sft", "preference"], required=True,
                        help="sft: chat-format conversations; preference: chosen/rejected pairs per persona")
    export.add_argument("results", type=Path, nargs="+", help="results files or run directories")
    export.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    export.add_argument("--all-with-rewards", action="store_true",
                        help="sft: every conversation with its rewards (default: decision-aligned ones only)")
    export.add_argument("--shopper-variant", choices=VARIANTS, default="auto",
                        help="system prompt (default auto: v0's for official v0 records, else the default)")
    export.add_argument("--max-pairs-per-persona", type=int, help="preference: cap on pairs per persona")
    export.add_argument("--human", type=Path,
                        help="human dialogue features JSON: reference means for the closeness rewards")


def cmd_export(args: argparse.Namespace) -> int:
    """Run `salessim export`."""
    reference = dict(HUMAN_REFERENCE)
    if args.human is not None:
        from langgraph_salessim.evaluation import load_human_reference

        reference.update(load_human_reference(args.human))
    stats = export_results(args.results, args.out, format=args.format, all_with_rewards=args.all_with_rewards,
                           variant=args.shopper_variant, max_pairs_per_persona=args.max_pairs_per_persona,
                           reference=reference)
    what = "examples" if args.format == "sft" else "preference pairs"
    print(f"read {stats['read']} conversations; wrote {stats['written']} {what} to {args.out}")
    return 0
