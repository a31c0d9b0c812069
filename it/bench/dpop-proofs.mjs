// Signs DPoP proofs (RFC 9449) ahead of a wrk run, because wrk's Lua cannot sign: one proof per line, each with
// its own jti, all for POST <url> with the hash (ath) of the bound token, iat = now. The run must use them within
// the server's mcp.auth.dpop.max-age-seconds, which run-bench.sh widens for the DPoP variant.
//
//   node dpop-proofs.mjs <key.json> <token.txt> <url> <count> <files>
//
// writes <count> proofs spread over <files> files named <key.json's directory>/dpop-proofs-<i>.txt (i = 1..files),
// one per wrk thread, since each wrk thread reads its own file.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { dirname, join } from 'node:path';

const [keyFile, tokenFile, url, count, files] = process.argv.slice(2);
const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8'));
const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
const { kty, crv, x, y } = privateJwk; // the public part only goes into the proof
const b64 = (value) => Buffer.from(value).toString('base64url');
const header = b64(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } }));
const ath = createHash('sha256').update(readFileSync(tokenFile, 'utf8').trim()).digest('base64url');
const iat = Math.floor(Date.now() / 1000);

const perFile = Math.ceil(Number(count) / Number(files));
for (let file = 1; file <= Number(files); file++) {
  const lines = [];
  for (let i = 0; i < perFile; i++) {
    const payload = b64(JSON.stringify({ jti: randomBytes(16).toString('base64url'), htm: 'POST', htu: url, iat, ath }));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' });
    lines.push(`${header}.${payload}.${signature.toString('base64url')}`);
  }
  writeFileSync(join(dirname(keyFile), `dpop-proofs-${file}.txt`), lines.join('\n') + '\n');
}
