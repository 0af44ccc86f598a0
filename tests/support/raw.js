'use strict';
// Raw HTTP/1.1 over a TCP socket: send exact bytes, collect everything the server answers
// until it closes the connection (or a time limit), and split the bytes into responses.

const net = require('node:net');

// Sends `parts` (Buffer | string | {delayMs}) in order and resolves with
// { data: Buffer, closed: bool, closedAfterMs, error, responses: [...], trailing: Buffer }.
// Stops collecting at close, at `timeoutMs`, or `idleMs` after the last byte when
// `stopAfterResponses` responses are complete.
function exchange(port, parts, { host = '127.0.0.1', timeoutMs = 5000, stopAfterResponses = Infinity, idleMs = 400 } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks = [];
    let closed = false;
    let connected = false;
    let error = null;
    let done = false;
    let idleTimer = null;
    const sock = net.connect({ host, port });
    sock.setNoDelay(true);

    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(hardTimer);
      clearTimeout(idleTimer);
      const data = Buffer.concat(chunks);
      const parsed = parseResponses(data, closed);
      sock.destroy();
      resolve({ data, closed, connected, closedAfterMs: closed ? Date.now() - started : null, error, ...parsed });
    };
    const hardTimer = setTimeout(finish, timeoutMs);

    sock.on('data', (d) => {
      chunks.push(d);
      if (stopAfterResponses !== Infinity) {
        const { responses } = parseResponses(Buffer.concat(chunks), false);
        if (responses.filter((r) => r.complete).length >= stopAfterResponses) {
          clearTimeout(idleTimer);
          idleTimer = setTimeout(finish, idleMs);
        }
      }
    });
    sock.on('end', () => { closed = true; finish(); });
    sock.on('close', () => { closed = true; finish(); });
    sock.on('error', (e) => {
      error = e.code || String(e);
      // ECONNRESET/EPIPE: the server closed while we were still writing.
      closed = true;
      finish();
    });

    sock.on('connect', async () => {
      connected = true;
      for (const p of parts) {
        if (done || sock.destroyed) return;
        if (p && typeof p === 'object' && !Buffer.isBuffer(p) && p.delayMs !== undefined) {
          await new Promise((r) => setTimeout(r, p.delayMs));
          continue;
        }
        const buf = Buffer.isBuffer(p) ? p : Buffer.from(p, 'latin1');
        await new Promise((r) => {
          if (sock.destroyed) return r();
          sock.write(buf, () => r());
        });
      }
    });
  });
}

function indexOfCrlfCrlf(buf, from) {
  return buf.indexOf('\r\n\r\n', from, 'latin1');
}

// Splits a byte stream into HTTP/1.x responses. Each: { status, version, headers: {lower: [values]},
// body: Buffer, complete }. Non-HTTP bytes end the parse and are returned as `trailing`.
function parseResponses(buf, closed) {
  const responses = [];
  let pos = 0;
  while (pos < buf.length) {
    const head = buf.subarray(pos, Math.min(buf.length, pos + 16));
    if (!/^HTTP\/\d\.\d /.test(head.toString('latin1'))) {
      if (buf.length - pos < 9 && 'HTTP/1.1 '.startsWith(head.toString('latin1'))) break;
      return { responses, trailing: buf.subarray(pos), garbage: true };
    }
    const end = indexOfCrlfCrlf(buf, pos);
    if (end < 0) { responses.push({ complete: false, partialHead: buf.subarray(pos).toString('latin1') }); pos = buf.length; break; }
    const headText = buf.subarray(pos, end).toString('latin1');
    const lines = headText.split('\r\n');
    const m = /^HTTP\/(\d\.\d) (\d{3})(?: (.*))?$/.exec(lines[0]);
    const headers = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      if (i <= 0) continue;
      const k = l.slice(0, i).trim().toLowerCase();
      (headers[k] ||= []).push(l.slice(i + 1).trim());
    }
    const status = m ? Number(m[2]) : 0;
    const res = { version: m && m[1], status, reason: m && m[3], headers, head: headText, complete: true, body: Buffer.alloc(0) };
    let p = end + 4;
    const te = (headers['transfer-encoding'] || []).join(',').toLowerCase();
    const noBody = (status >= 100 && status < 200) || status === 204 || status === 304;
    if (noBody) {
      // nothing
    } else if (te.includes('chunked')) {
      const parts = [];
      let ok = false;
      while (p < buf.length) {
        const lineEnd = buf.indexOf('\r\n', p, 'latin1');
        if (lineEnd < 0) break;
        const size = parseInt(buf.subarray(p, lineEnd).toString('latin1').split(';')[0], 16);
        if (Number.isNaN(size)) break;
        p = lineEnd + 2;
        if (size === 0) {
          const trailerEnd = buf.indexOf('\r\n', p, 'latin1');
          // trailers: skip lines until an empty one
          let q = p;
          while (true) {
            const le = buf.indexOf('\r\n', q, 'latin1');
            if (le < 0) { q = -1; break; }
            if (le === q) { q = le + 2; break; }
            q = le + 2;
          }
          if (q < 0 || trailerEnd < 0) break;
          p = q;
          ok = true;
          break;
        }
        if (p + size + 2 > buf.length) break;
        parts.push(buf.subarray(p, p + size));
        p += size + 2;
      }
      res.body = Buffer.concat(parts);
      if (!ok) { res.complete = false; p = buf.length; }
    } else if (headers['content-length']) {
      const n = Number(headers['content-length'][0]);
      if (p + n > buf.length) { res.complete = false; res.body = buf.subarray(p); p = buf.length; } else { res.body = buf.subarray(p, p + n); p += n; }
    } else {
      // delimited by close
      res.body = buf.subarray(p);
      res.complete = closed;
      p = buf.length;
    }
    res.text = res.body.toString('utf8');
    responses.push(res);
    pos = p;
  }
  return { responses, trailing: buf.subarray(pos), garbage: false };
}

// A minimal valid request.
function req(method, target, { host = '127.0.0.1', headers = [], body = '', version = 'HTTP/1.1' } = {}) {
  const lines = [`${method} ${target} ${version}`];
  if (host !== null) lines.push(`Host: ${host}`);
  for (const h of headers) lines.push(h);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

module.exports = { exchange, parseResponses, req };
