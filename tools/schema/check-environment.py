#!/usr/bin/env python3
"""Checks environment files against environments/environment.schema.json with a second, independent validator.

The editors' view of the schema (VS Code and Rider read the file's "$schema"), from Python's jsonschema (Debian:
python3-jsonschema), so the suite's own loader (JsonSchema.Net) is not the only judge of what the schema says.
Usage: check-environment.py FILE...   exit 0 all valid, 1 some invalid, 2 usage or an unreadable file.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed (apt-get install -y python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

SCHEMA = pathlib.Path(__file__).resolve().parents[2] / "environments" / "environment.schema.json"


def path_of(error):
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def main(files):
    if not files:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    invalid = 0
    for name in files:
        try:
            document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{name}: cannot read it as JSON: {e}", file=sys.stderr)
            return 2
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            invalid += 1
            print(f"{name}: {len(errors)} problem(s)")
            for error in errors:
                print(f"  - {path_of(error)}: {error.message}")
        else:
            print(f"{name}: valid")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
