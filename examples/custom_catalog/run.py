"""Bring your own catalog: generate personas with ground truth, run the benchmark, write a report.

Run: python examples/custom_catalog/run.py [--out DIR] [-n 24]
(The same with the command line: `salessim data personas --catalog catalog.json -n 24 --out personas.jsonl`,
then `salessim run --personas personas.jsonl --catalog catalog.json`, then `salessim report DIR`.)
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from langgraph_salessim import load_catalog, run_conversations
from langgraph_salessim.data_commands import data_stats, format_stats, generate_personas_file
from langgraph_salessim.report import markdown_report

HERE = Path(__file__).parent


async def main(out: Path, n: int) -> str:
    catalog_path = HERE / "catalog.json"
    catalog = load_catalog(catalog_path)
    personas = generate_personas_file(catalog_path, out / "personas.jsonl", n=n, infeasible_share=0.25, seed=7)
    print(format_stats(data_stats(catalog, personas)))
    records = await run_conversations(personas, catalog=catalog, out=out / "results.jsonl", concurrency=8)
    report = markdown_report({"offline-baseline": records})
    (out / "report.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("salessim-results/custom-catalog"))
    parser.add_argument("-n", type=int, default=24)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if (args.out / "results.jsonl").exists():
        (args.out / "results.jsonl").unlink()  # a fresh run each time
    asyncio.run(main(args.out, args.n))
