/**
 * Independent SigV4 verification with node:crypto (not the SDK signer), so tests prove which
 * credentials the client really signed with. Spec: IAM user guide, "Create a signed AWS API request".
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './apiError';

/** A key pair the server accepts. */
export interface ServerCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Who signed a request, once the signature checked out. */
export interface SignedBy {
  service?: string;
  accessKeyId: string;
  region: string;
  sessionToken: string | undefined;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^, ]+), ?Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 5 * 60_000;

const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256hex = (b: Buffer | string): string => crypto.createHash('sha256').update(b).digest('hex');
const hmac = (key: crypto.BinaryLike, s: string): Buffer => crypto.createHmac('sha256', key).update(s).digest();

function canonicalPath(rawPath: string): string {
  const segs: string[] = [];
  for (const s of rawPath.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') segs.pop();
    else segs.push(s);
  }
  const norm = `/${segs.join('/')}${segs.length && rawPath.endsWith('/') ? '/' : ''}`;
  // Services other than S3 sign the already-encoded path encoded once more.
  return escapeUri(norm).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((kv): [string, string] => {
      const i = kv.indexOf('=');
      const k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i));
      const v = i < 0 ? '' : decodeURIComponent(kv.slice(i + 1));
      return [escapeUri(k), escapeUri(v)];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/**
 * Checks the request's Authorization header against the known keys and answers who signed it;
 * throws the ApiError Lambda would answer otherwise.
 */
export function verifySigV4(
  req: IncomingMessage,
  body: Buffer,
  credentials: readonly ServerCredential[],
  acceptRegion: (region: string) => boolean,
  expectedService = 'lambda',
): SignedBy {
  const auth = header(req, 'authorization');
  if (!auth) throw new ApiError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const m = AUTH_PATTERN.exec(auth);
  if (!m) throw new ApiError(400, 'IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature.');
  const [, akid = '', day = '', region = '', service = '', signedHeaders = '', signature = ''] = m;
  const cred = credentials.find((c) => c.accessKeyId === akid);
  if (!cred) throw new ApiError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (service !== expectedService) throw new ApiError(403, 'InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'.`);
  if (!acceptRegion(region)) throw new ApiError(403, 'InvalidSignatureException', 'Credential should be scoped to a valid region.');
  const amzDate = header(req, 'x-amz-date');
  if (!amzDate || !amzDate.startsWith(day)) {
    throw new ApiError(403, 'InvalidSignatureException', 'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.');
  }
  const t = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(Math.abs(Date.now() - t) <= MAX_SKEW_MS)) {
    throw new ApiError(403, 'InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than allowed.`);
  }
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
  const canonHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${String(header(req, h) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const payloadHash = sha256hex(body);
  const claimed = header(req, 'x-amz-content-sha256');
  if (claimed && claimed !== payloadHash) {
    throw new ApiError(400, 'InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const creq = [req.method, canonicalPath(rawPath), canonicalQuery(rawQuery), canonHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(creq)].join('\n');
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${cred.secretAccessKey}`, day), region), service), 'aws4_request');
  const expected = crypto.createHmac('sha256', kSigning).update(toSign).digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    throw new ApiError(
      403,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId: akid, region, sessionToken: header(req, 'x-amz-security-token'), service };
}
