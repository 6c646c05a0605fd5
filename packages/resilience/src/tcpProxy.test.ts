/*
 * Copyright 2026 The Backstage ITSM Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import net from 'node:net';
import { TcpProxy } from './tcpProxy';

async function echoServer() {
  const server = net.createServer(socket => socket.pipe(socket));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', data => {
      socket.end();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('TcpProxy', () => {
  it('forwards, refuses while cut, drops open connections, and recovers on the same port', async () => {
    const echo = await echoServer();
    const proxy = new TcpProxy({
      host: '127.0.0.1',
      port: (echo.address() as net.AddressInfo).port,
    });
    await proxy.start();
    const port = proxy.port;
    expect(await roundTrip(port, 'before')).toBe('before');

    const open = net.connect(port, '127.0.0.1');
    await new Promise(resolve => open.once('connect', resolve));
    const closed = new Promise(resolve => open.once('close', resolve));
    await proxy.cut();
    await closed;
    await expect(roundTrip(port, 'during')).rejects.toThrow(/ECONNREFUSED/);

    await proxy.restore();
    expect(proxy.port).toBe(port);
    expect(await roundTrip(port, 'after')).toBe('after');
    await proxy.close();
    await new Promise(resolve => echo.close(resolve));
  });
});
