"""`python -m bench NAME [--json]`: run a benchmark and print its figures."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

BENCHMARKS = {
    "cloud": "bench.cloud",
    "generate": "bench.generate",
    "library": "bench.library",
    "payments": "bench.payments",
    "progress": "bench.progress",
    "render": "bench.render",
    "startup": "bench.startup",
    "storage": "bench.storage",
    "sync": "bench.sync",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark to run")
    parser.add_argument("--json", action="store_true", help="print one JSON object per benchmark")
    args = parser.parse_args(argv)
    module = importlib.import_module(BENCHMARKS[args.name])
    for result in module.run():
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(f"== {result['benchmark']}")
            for key, value in result.items():
                if key != "benchmark":
                    print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
