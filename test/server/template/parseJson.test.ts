import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText } from '../../../server/src/template/parseJson';
import { composeYaml, convertDocument } from '../../../server/src/template/parse';
import { buildTemplate } from '../../../server/src/template/model';
import { yamlToJson } from '../../support/jsonText';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus', 'sam-translator');

/** The tree the YAML parser gives for the same JSON text: what the JSON scanner must reproduce. */
function viaYaml(text: string): string {
  return JSON.stringify(convertDocument(text, composeYaml(text)!).root);
}

describe('JSON templates', function () {
  this.timeout(120_000);

  it('read into exactly the tree the YAML parser gives, for every corpus template as indented and one-line JSON', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'));
    let compared = 0;
    for (const f of files) {
      const yamlText = readFileSync(join(CORPUS, f), 'utf8');
      for (const indent of [2, 0]) {
        const json = yamlToJson(yamlText, indent);
        const parsed = parseJsonText(json);
        assert.deepEqual(parsed.problems, [], f);
        assert.equal(JSON.stringify(parsed.root), viaYaml(json), `${f} (indent ${indent})`);
        compared++;
      }
    }
    assert.ok(files.length > 200 && compared === files.length * 2, `compared ${compared}`);
  });

  it('keeps duplicate keys, long-form intrinsics and escapes as YAML reads them', () => {
    const json = '{ "Resources": { "A": { "Type": "AWS::SQS::Queue" }, "A": { "Type": "AWS::SNS::Topic" } },\n  "Outputs": { "X": { "Value": { "Fn::Sub": "a\\"${A}\\u00e9\\n" } }, "Y": { "Value": { "Ref": "A" } } } }';
    assert.equal(JSON.stringify(parseJsonText(json).root), viaYaml(json));
  });

  it('recovers from half-typed JSON with the errors at their place and the rest of the tree kept', () => {
    const text = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", "Properties": { "DelaySeconds": } },\n    "T": { "Type": "AWS::SNS::Topic" }\n  }\n';
    const parsed = parseJsonText(text);
    assert.deepEqual(parsed.problems.map((p) => [p.message, text.slice(p.range.start, p.range.start + 1)]), [
      ['Expected a value', '}'],
      ["Expected '}' to close the object", ''],
    ]);
    const t = buildTemplate(text);
    assert.deepEqual([...t.resources.keys()], ['Q', 'T']);
  });

  it('leaves flow-style YAML to the YAML parser', () => {
    const t = buildTemplate('{AWSTemplateFormatVersion: 2010-09-09, Resources: {Q: {Type: AWS::SQS::Queue}}}\n');
    assert.deepEqual([t.format, [...t.resources.keys()], t.problems], ['yaml', ['Q'], []]);
  });

  it('reports comments and trailing commas, which CloudFormation refuses', () => {
    const parsed = parseJsonText('{ "a": 1, // note\n "b": [1,], }');
    assert.deepEqual(parsed.problems.map((p) => p.message), ['JSON templates cannot contain comments', 'Expected a value', 'Expected a property name in double quotes', 'Expected a value']);
  });
});
