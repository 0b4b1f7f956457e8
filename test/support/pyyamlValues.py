"""Prints, for each template path given, one JSON line with the values PyYAML's SafeLoader reads.

CloudFormation short-form tags become their long form ({"Fn::Sub": ...}; Ref and Condition keep their
names), as cfn-lint builds them, except that !GetAtt keeps the argument as written. Dates are printed
as written (ISO dates), infinities and NaN as strings, so the output is plain JSON. A file PyYAML cannot
read prints {"path": ..., "error": ...}. JSON templates are read with the json module.
"""
import datetime
import json
import math
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


def tagged(loader, suffix, node):
    name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}


Loader.add_multi_constructor("!", tagged)


def plain(value):
    if isinstance(value, dict):
        return {plain_key(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return str(value)
    return value


def plain_key(key):
    if key is True or key is False:
        return "true" if key else "false"
    return str(plain(key))


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        value = json.loads(text) if text.lstrip().startswith("{") else yaml.load(text, Loader=Loader)
        print(json.dumps({"path": path, "value": plain(value)}))
    except Exception as e:  # noqa: BLE001 - any failure just means "PyYAML does not read this file"
        print(json.dumps({"path": path, "error": str(e).splitlines()[0] if str(e) else type(e).__name__}))
