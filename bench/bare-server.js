// A bare node:http server answering every request with the same sjroom-style JSON: the
// physical floor the SDK and the mock are compared with. Prints its URL; SIGTERM stops it.
import { createServer } from 'node:http';

const bodies = {
  '/api/open/int/sms/balance': JSON.stringify({
    stateCode: '200',
    stateMsg: '成功',
    data: '1000.0000',
  }),
  '/api/open/int/sms/submit': JSON.stringify({
    stateCode: '200',
    stateMsg: '成功',
    data: '20261126000000000001',
  }),
  '/api/open/int/sms/query': JSON.stringify({
    failPhones: [],
    failedNum: 0,
    successNum: 1,
    successPhones: ['639171234567'],
    totalNum: 1,
  }),
  '/api/open/int/sms/list': JSON.stringify([
    {
      countryCode: '63',
      countryOperator: 'Globe',
      customerPrice: 0.03,
      goodsSupplySmsConfigId: 1,
      nameEn: 'Philippines',
      nameZh: '菲律宾',
      status: 1,
    },
  ]),
};
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(bodies[request.url] ?? bodies['/api/open/int/sms/balance']);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
