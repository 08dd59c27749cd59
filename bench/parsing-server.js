// The floor of any mock: a node:http server that does, by hand, only what answering a
// balance or query call needs — read the JSON body, check the password in constant time,
// serialise an answer computed from the request — and nothing of the mock (no routing,
// faults, validation messages, inspection). Compared with the bare server (which ignores
// the body and sends a constant), it shows what handling the request at all costs.
// Prints its URL; SIGTERM stops it.
import { createServer } from 'node:http';

const PASSWORD = 'bench-password';

function passwordMatches(given) {
  let difference = PASSWORD.length ^ given.length;
  for (let i = 0; i < given.length; i++)
    difference |= (i < PASSWORD.length ? PASSWORD.charCodeAt(i) : 0) ^ given.charCodeAt(i);
  return difference === 0;
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let answer;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer =
        typeof body.password === 'string' && passwordMatches(body.password)
          ? body.batchNo === undefined
            ? { stateCode: '200', stateMsg: '成功', data: '1000.0000' }
            : {
                failPhones: [],
                failedNum: 0,
                successNum: 1,
                successPhones: ['639171234565'],
                totalNum: 1,
              }
          : { stateCode: '401', stateMsg: '[account:wrong account or password]', data: null };
    } catch {
      answer = { stateCode: '400', stateMsg: '[body:malformed JSON]', data: null };
    }
    const text = JSON.stringify(answer);
    response.writeHead(200, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
