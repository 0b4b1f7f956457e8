"""Prints, for each SAM template path given, one JSON line with what the AWS SAM translator makes of it.

{"path": ..., "resources": {logicalId: type}} lists the resources of the translated template; a
template the translator refuses prints {"path": ..., "error": ...}. The translator runs offline: no
managed policy is looked up (policies named by their managed name are left as the translator leaves
them without a map) and serverless applications, which need the Serverless Application Repository,
print an error. Needs the aws-sam-translator package (cfn-lint installs it).
"""
import json
import logging
import os
import sys

logging.disable(logging.CRITICAL)
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.public.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class NoManagedPolicies:
    def load(self):
        return {}


for path in sys.argv[1:]:
    row = {"path": path}
    try:
        with open(path, encoding="utf-8") as f:
            template = yaml_parse(f.read())
        out = transform(template, {}, NoManagedPolicies())
        row["resources"] = {k: v.get("Type") for k, v in out.get("Resources", {}).items()}
    except InvalidDocumentException as e:
        row["error"] = "; ".join(c.message for c in e.causes)
    except Exception as e:  # noqa: BLE001 - any refusal is reported, not raised
        row["error"] = repr(e)
    print(json.dumps(row))
