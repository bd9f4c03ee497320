// POSTs a job with Node's own http.request and no Content-Length, so Node sends the body chunked
// (as any streaming client does), in three writes. Prints the answer's status and body.
// Usage: node chunked-post.mjs BASE_URL API_KEY JOB_NUMBER
import http from 'node:http';

const [base, key, jobNumber] = process.argv.slice(2);
const body = JSON.stringify({ job_number: jobNumber, customer: 'Chunked Ltd', notes: 'sent in chunks' });
const req = http.request(new URL('/api/v1/jobs', base), {
  method: 'POST',
  headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
});
req.on('response', (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (d) => { text += d; });
  res.on('end', () => {
    console.log(JSON.stringify({ status: res.statusCode, chunked: req.chunkedEncoding === true, body: JSON.parse(text) }));
  });
});
req.on('error', (e) => { console.error(e.message); process.exit(1); });
const third = Math.ceil(body.length / 3);
req.write(body.slice(0, third));
setTimeout(() => { req.write(body.slice(third, 2 * third)); setTimeout(() => req.end(body.slice(2 * third)), 50); }, 50);
