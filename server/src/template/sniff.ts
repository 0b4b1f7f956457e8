/**
 * Cheap looks at a document's text before anything parses it: whether it can be a template at all
 * (so a 9 MB package-lock.json or a CI file full of anchors is left alone, in silence), whether it
 * is JSON, and how deeply it can nest (so no parser recurses into a document built to exhaust the
 * stack). Each is one linear scan without regular expressions.
 */

/**
 * False when the text cannot be a CloudFormation or SAM template: it names neither
 * AWSTemplateFormatVersion, nor the SAM transform, nor both a Resources section and an `AWS::` type
 * (one of which every template the model accepts has; see `isTemplateRoot`). True does not mean it is one: the parse decides.
 */
export function mayBeTemplate(text: string): boolean {
  if (text.includes('AWSTemplateFormatVersion') || text.includes('AWS::Serverless')) return true;
  return text.includes('AWS::') && text.includes('Resources');
}

/**
 * True when the document is JSON: it opens an object (after white space or a BOM) whose first key is
 * a double-quoted string (JSON allows no other key), or an empty object. Flow-style YAML such as
 * `{Resources: ...}` is not.
 */
export function isJsonText(text: string): boolean {
  let i = skipBlank(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return false;
  i = skipBlank(text, i + 1);
  const next = text.charCodeAt(i);
  return next === DOUBLE || next === CLOSE_BRACE || Number.isNaN(next);
}

function skipBlank(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR && c !== BOM) break;
  }
  return i;
}

/**
 * An upper bound of how many collections deep the document nests: brackets and braces open outside
 * strings and comments, plus twice the block nesting that indentation and `- ` entries can give (a
 * block sequence may sit at its key's own indentation, so one indentation step can hold two levels).
 * Quotes count only where a quoted string can start, so `don't` in a plain value opens nothing.
 */
export function nestingBound(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let quote = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At a line start outside strings and flow collections: the block structure of this line.
    let block = 0;
    if (quote === 0 && flow === 0) {
      let indent = 0;
      while (i + indent < n && text.charCodeAt(i + indent) === SPACE) indent++;
      const first = text.charCodeAt(i + indent);
      if (first !== LF && first !== CR && first !== HASH && i + indent < n) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let j = i + indent;
        while (text.charCodeAt(j) === DASH && isBlank(text.charCodeAt(j + 1))) {
          block++;
          j += 2;
          while (text.charCodeAt(j) === SPACE) j++;
        }
        max = Math.max(max, 2 * (indents.length + block));
      }
    }
    // The rest of the line.
    let prev = SPACE;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        i++;
        break;
      }
      if (quote !== 0) {
        if (c === BACKSLASH && quote === DOUBLE) i++;
        else if (c === quote) quote = 0;
      } else if (c === HASH && isBlank(prev)) {
        while (i < n && text.charCodeAt(i) !== LF) i++;
        continue;
      } else if ((c === DOUBLE || c === SINGLE) && startsNode(prev)) quote = c;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) max = Math.max(max, 2 * (indents.length + block) + ++flow);
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && flow > 0) flow--;
      prev = c;
    }
  }
  return max;
}

/** True when a line starts with `---`, `...` (then a blank or the end) or `%`: the document ends or a new one begins. */
export function hasDocumentMarker(text: string): boolean {
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) {
    const c = text.charCodeAt(i);
    if (c === 37 /* % */) return true;
    if ((c === 45 || c === 46) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
      const after = text.charCodeAt(i + 3);
      if (isBlank(after)) return true;
    }
  }
  return false;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const HASH = 35;
const DASH = 45;
const BACKSLASH = 92;
const DOUBLE = 34;
const SINGLE = 39;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/** A quote after these characters starts a quoted string (YAML and JSON alike). */
function startsNode(prev: number): boolean {
  return isBlank(prev) || prev === OPEN_BRACE || prev === OPEN_BRACKET || prev === COMMA || prev === COLON;
}
