"""Prints one JSON line per cfn-lint match for each template path given: its file, rule id, line and message.

Runs cfn-lint's rules in one process (its command line stops at the first template whose JSON output it
cannot encode); a template cfn-lint throws on prints {"file": ..., "crash": ...}.
"""
import json
import sys
from pathlib import Path

from cfnlint.api import REGION_PRIMARY, ConfigMixIn, Runner, decode_str

runner = Runner(ConfigMixIn(regions=[REGION_PRIMARY]))
for name in sys.argv[1:]:
    try:
        template, matches = decode_str(Path(name).read_text())
        if not matches and template is not None:
            matches = list(runner.validate_template(template))
    except Exception as e:  # a crash of the peer tool on one template is reported, not fatal
        print(json.dumps({"file": name, "crash": str(e)[:200]}))
        continue
    for m in matches:
        print(json.dumps({"file": name, "rule": m.rule.id, "line": m.linenumber, "message": m.message}))
